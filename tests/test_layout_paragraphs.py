"""Paragraphs (``normalize.layout.paragraphs``): where one ends, before a line or after one."""

from __future__ import annotations

from helpers import kinds, page

from normalize.layout import build_blocks

BODY = [
    "为深入推进社会工作协同",
    "发展，促进三地社工站建设专",
    "业化水平不断提升，近日在武",
    "清区举办研讨会。",
]


def test_short_line_after_sentence_end_ends_the_paragraph() -> None:
    text = page(
        *BODY,
        "会上，三地民政局签订",
        "了框架协议，明确了合作原",
        "则和具体的工作安排内容。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[0][1].endswith("举办研讨会。")


def test_full_line_ending_a_sentence_continues_unless_the_next_is_indented() -> None:
    full = [
        "为深入推进社会工作协同发",
        "展，促进三地社工站建设专",
        "业化水平不断提升。近日在",
        "武清区举办了一场研讨会。",
    ]
    assert [k for k, _ in kinds(page(*full))] == ["paragraph"]  # "提升。" at a full line: same paragraph
    indented = [
        "为深入推进社会工作协同发",
        "展，促进三地社工站建设专",
        "业化水平不断地得到提升。",
        "近日在武清区举办了",
        "一场主题研讨会议活动，各",
        "方代表参加了这次会议。",
    ]
    blocks = kinds(page(*indented))
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("近日")


def test_blank_line_after_an_unfinished_line_is_a_column_break() -> None:
    text = page(
        "救助先天性心脏病、白血",
        "",
        "病困境家庭患儿31550人。",
    )
    assert kinds(text) == [("paragraph", "救助先天性心脏病、白血病困境家庭患儿31550人。")]


def test_quoted_items_across_a_column_break_stay_one_paragraph() -> None:
    text = page(
        "三地代表表示，要一以贯之持",
        "续关注“社会工作专业人才培养”",
        "“社会组织能力提升”",
        "",
        "“‘通武廊’社会治理智库建设”",
        "等重点问题。",
    )
    [(kind, para)] = kinds(text)
    assert kind == "paragraph" and para.endswith("“‘通武廊’社会治理智库建设”等重点问题。")


def test_blank_line_after_a_sentence_end_is_a_paragraph_break() -> None:
    text = page(
        "第一段从这里开始写起，一",
        "直写到这里就结束了。",
        "",
        "第二段从这里开始写起，一",
        "直写到这里结束。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_last_line_of_a_body_paragraph_is_not_a_headline() -> None:
    """Near-miss: a short line that ends a paragraph is not a headline."""
    text = page(
        *BODY,
        "会上，三地民政局签订了合作",
        "框架协议和具体安排。",
    )
    assert all(k == "paragraph" for k, _ in kinds(text))


def test_inline_indent_space_starts_a_paragraph_where_the_page_never_spaces_marks() -> None:
    text = page(
        "据测算，最高亩产可达",
        "600公斤。 眼下，内蒙古的油",
        "莎豆也迎来丰收。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("眼下")


def test_inline_space_after_a_mark_is_no_break_where_the_page_spaces_every_mark() -> None:
    """Near-miss: seed 001 puts a space after most marks; there "。 " is no paragraph start."""
    text = page(
        "工作协同发展， 促进三地社工",
        "近日， 由武清区民政局主办",
        "武清区举办。 天津市民政局和",
        "北京市通州区相关领导参加。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph"]


def test_a_letter_spaced_line_has_no_inline_paragraph_break() -> None:
    """A justified line comes out letter-spaced ("上 月 回 升 3.2 个 百 分 点 。 新 订 单"): the
    space after its "。" is one of many, no indent turned into a space."""
    text = page(
        "运行趋稳向好。",
        "9月份中国物流业景气指数为53.5%，较",
        "上 月 回 升 3.2 个 百 分 点 。 新 订 单 指 数 为",
        "53.3%，较上月回升3.8个百分点。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_unfinished_paragraph_before_a_headline_is_marked_open() -> None:
    text = page(
        "他说这件事还没有结束，因为后",
        "续的工作还要继续，大家都",
        "",
        "新的标题在这里",
        "",
        "新的正文从这里开始",
        "写起，一直写到这里结束",
        "为止，大家都很满意。",
    )
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[0].get("open") is True and "open" not in blocks[2]


def test_where_the_text_keeps_its_indents_only_they_start_paragraphs() -> None:
    text = page(
        "\u3000\u3000江西省1400多万亩中稻收获已近",
        "8成，1860万亩晚稻中的早熟品种已",
        "经开镰。各地共投入收割机、烘干机",
        "11.16万台套，及时收获中晚稻。",
        "\u3000\u3000山东省6600多万亩秋粮目前已收获",
        "过半，在玉米种植大县阳信县，当地",
        "借助肉牛产业优势，推行种养结合。",
        "\u3000\u3000用好盐碱地等后备耕地资源，事关国",
        "家粮食安全。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph"] * 3


def test_blank_line_at_a_full_column_end_does_not_break_a_paragraph() -> None:
    """OCR prints a blank line at column ends, also where a sentence ends at the column's foot."""
    text = page(
        "今年以来，已有批次境外访",
        "问团来到新疆，在经贸农业",
        "等领域达成系列合作事项。",
        "",
        "未来，新疆将继续聚焦乌鲁",
        "木齐国际陆路港一港和喀什",
        "霍尔果斯两区建设工作。",
    )
    [(kind, para)] = kinds(text)
    assert kind == "paragraph" and "事项。未来，" in para


def test_ocr_lost_a_paragraphs_last_line_the_indented_line_after_the_blank_starts_the_next() -> None:
    """OCR dropped "景。": a full unfinished line, a blank line, then an indented first line."""
    lines = [
        "七位新闻发言人介绍说，连",
        "日来，大家认真学习党的二十大",
        "期待，擘画了伟大复兴的光明前",
        "",
        "大数据、大生态是贵州的两",
        "大名片，贵州代表团新闻发言人",
        "表示，迈上新征程，他们将持续",
        "赋能增效。",
    ]
    assert [k for k, _ in kinds(page(*lines))] == ["paragraph", "paragraph"]
    # near-miss: the column goes on with a full line
    lines[4] = "大数据、大生态是贵州的两大名"
    assert [k for k, _ in kinds(page(*lines))] == ["paragraph"]
    # near-miss: a short line that closes a quote the line before the blank opened
    # (and a headline's quotes close within it: this short line is no headline either)
    quoted = [
        "以环保和人文历史为主，旨在为大",
        "家呈现西乡的人文历史以及田园",
        "风貌，希望更多人参与和传播。",
        "",
        "记者还了解到，“喜阅西乡",
        "",
        "悦”读非遗西乡历史文化",
        "展”也同步在分会场宝安图书馆",
        "西乡街道分馆开展，重点为观众",
        "普及传统文化，讲好西乡故事。",
    ]
    blocks = kinds(page(*quoted))
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"] and "“喜阅西乡悦”读非遗" in blocks[1][1]
