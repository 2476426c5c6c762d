"""Column de-hyphenation: (lines in, blocks out) tables with near-misses, seed 001, properties."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from normalize.layout import build_blocks, classify_line, dehyphenate_records, join_lines, line_width
from normalize.layout.columns import reading_order
from normalize.layout.lines import read_lines
from normalize.layout.page import Page, page_mark_em

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


def letters(text: str) -> str:
    return "".join(WORD.findall(text))


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b["kind"], b["text"]) for b in build_blocks(text)]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("白血", "病困境家庭", "白血病困境家庭"),  # Chinese to Chinese: no space
        ("发展，", "促进", "发展，促进"),
        ("自2023", "年起", "自2023年起"),  # digits split from their unit
        ("累计", "2218个县", "累计2218个县"),
        ("in the", "world", "in the world"),  # Latin to Latin: one space
        ("the inter-", "national day", "the international day"),  # hyphenated word rejoined
        ("COVID-", "19 cases", "COVID-19 cases"),  # near-miss: digit after the break keeps it
        ("2023-", "2027", "2023-2027"),
        ("Sino-", "American", "Sino-American"),  # near-miss: capital after the break keeps it
        ("共12", "345人", "共12345人"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines(left, right) == joined


def test_join_keeps_a_hyphen_the_document_uses() -> None:
    assert join_lines("a well-", "known name", hyphenated=frozenset({"well-known"})) == "a well-known name"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("（据天津市武清区融媒体中心）", "credit"),
        ("(来源: 央视网)", "credit"),
        ("（本报记者 张三）", "credit"),
        ("（记者 李四 通讯员 王五）", "credit"),
        ("（下转第4版）", "jump"),
        ("（上接第5版）", "jump"),
        ("《下转第7版)", "jump"),  # OCR misreads the bracket
        ("《新闻联播》第7版", "furniture"),  # near-miss: no jump word
        ("民生周刊 2024年7月29日星期一 第5版 民生", "furniture"),
        ("本版编辑：民生周刊编辑部 2024年7月29日 第5版", "furniture"),
        ("责任编辑：张三", "furniture"),
        ("12", "furniture"),
        ("”", "noise"),
        ("", "blank"),
        ("第5版的报道引起关注。", "text"),  # near-miss: an edition inside prose
        ("2024年7月29日，记者从会上获悉，", "text"),  # near-miss: a date inside prose
        ("2025年3月13日 星期四" + " " * 24 + "第1版 国际", "furniture"),  # OCR prints its parts far apart
        ("2025年1]月28日 星期五", "furniture"),  # OCR reads 11 as 1]
        ("（以下简称“儿助会”）换届大会在京举行。", "text"),  # near-miss: brackets inside prose
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line)[0] == kind


def test_width_counts_latin_narrower_than_han() -> None:
    assert line_width("2016年") < line_width("二〇一六年")
    assert line_width("聚 焦") < line_width("聚焦") + 0.5


BODY = [
    "为深入推进社会工作协同",
    "发展，促进三地社工站建设专",
    "业化水平不断提升，近日在武",
    "清区举办研讨会。",
]


def test_short_line_after_sentence_end_ends_the_paragraph() -> None:
    text = "\n".join([*BODY, "会上，三地民政局签订",
                      "了框架协议，明确了合作原",
                      "则和具体的工作安排内容。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[0][1].endswith("举办研讨会。")


def test_full_line_ending_a_sentence_continues_unless_the_next_is_indented() -> None:
    full = ["为深入推进社会工作协同发", "展，促进三地社工站建设专", "业化水平不断提升。近日在", "武清区举办了一场研讨会。"]
    assert [k for k, _ in kinds("\n".join(full))] == ["paragraph"]  # "提升。" at a full line: same paragraph
    indented = ["为深入推进社会工作协同发", "展，促进三地社工站建设专", "业化水平不断地得到提升。", "近日在武清区举办了", "一场主题研讨会议活动，各", "方代表参加了这次会议。"]
    blocks = kinds("\n".join(indented))
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("近日")


def test_blank_line_after_an_unfinished_line_is_a_column_break() -> None:
    text = "\n".join(["救助先天性心脏病、白血", "", "病困境家庭患儿31550人。"])
    assert kinds(text) == [("paragraph", "救助先天性心脏病、白血病困境家庭患儿31550人。")]


def test_quoted_items_across_a_column_break_stay_one_paragraph() -> None:
    text = "\n".join(["三地代表表示，要一以贯之持", "续关注“社会工作专业人才培养”", "“社会组织能力提升”", "", "“‘通武廊’社会治理智库建设”", "等重点问题。"])
    [(kind, para)] = kinds(text)
    assert kind == "paragraph" and para.endswith("“‘通武廊’社会治理智库建设”等重点问题。")


def test_blank_line_after_a_sentence_end_is_a_paragraph_break() -> None:
    text = "\n".join(["第一段从这里开始写起，一", "直写到这里就结束了。", "", "第二段从这里开始写起，一", "直写到这里结束。"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("lines", "paragraph"),
    [
        (["大家都在讨论“空中出租车”", "。来看看记者的报道。"], "大家都在讨论“空中出租车”。来看看记者的报道。"),
        (["他说这是好事", "”。大家都同意了。"], "他说这是好事”。大家都同意了。"),
    ],
)
def test_punctuation_pushed_to_the_next_line_joins_back(lines: list[str], paragraph: str) -> None:
    assert kinds("\n".join(lines)) == [("paragraph", paragraph)]


def test_a_line_cut_at_a_pushed_mark_counts_as_one_printed_line() -> None:
    """pdftotext cut "…“种养结合”。把玉米秸" in two; the short first piece is no headline's end,
    so the paragraph starting above it (narrow by its digits) is not taken for a headline."""
    text = "\n".join([
        "地共投入收割机、烘干机11.16万台套，及", "时收获中晚稻。",
        "山东省6600多万亩秋粮目前已收获过", "半，在玉米种植大县阳信县，当地借助肉",
        "牛产业优势，推行“种养结合”", "。把玉米秸", "秆转化成青贮饲料后，运往当地136家规模",
        "化肉牛养殖厂销售，实现养殖户降本和种", "粮户增效的双赢。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("山东省6600多万亩秋粮目前已收获过半，") and "“种养结合”。把玉米秸秆" in blocks[1][1]


def test_lines_cut_at_opening_quotes_count_as_the_lines_they_were() -> None:
    """pdftotext cut "记者还了解到，“喜" and "阅西乡·‘悦’读非遗|" at their opening quotes; the short
    pieces are no headline between two paragraphs."""
    text = "\n".join(["历史以及田园风貌，希", "望有更多的人能参与非", "遗文化的探讨和传播。", "记者还了解到，", "“喜",
                      "阅西乡·", "‘悦’读非遗|", "西乡历史文化展”也同", "步在分会场宝安图书馆", "西乡街道分馆开展。"])
    blocks = kinds(text)
    assert {k for k, _ in blocks} == {"paragraph"}
    assert "。记者还了解到，“喜阅西乡·‘悦’读非遗|西乡历史文化展”也同步" in "".join(t for _, t in blocks)


def test_a_lone_pushed_comma_keeps_its_line_in_the_span() -> None:
    assert build_blocks("文章写到这里\n，")[0]["lines"] == [1, 2]
    assert build_blocks("一\n，\n，")[0] == {"kind": "paragraph", "text": "一，，", "page": 1, "lines": [1, 3], "open": True,
                                           "gap": "page", "why": "document_end"}


def test_a_full_line_above_a_cut_line_is_no_piece_of_it() -> None:
    lines = read_lines("\n".join(["一二三四五六七八九十一二"] * 3 + [
        "一二三四“种养”", "。把玉米", "一二三四五六七八九十一二", "一二三四五六七八九十。"]), False)
    doc = Page(lines, page_mark_em(lines))
    assert [doc.width.cut_after(i) for i in range(len(lines))] == [False, False, False, True, False, False, False]


def test_a_pushed_mark_line_wider_than_the_column_is_not_joined_in_width() -> None:
    """Near miss: two lines that together are far wider than the column stay two printed lines."""
    text = "\n".join(["社会工作助力新疆民政事业", "，高质量发展论坛举办在乌鲁木齐举行", "近日，新疆维吾尔自治区民政厅联合新疆大学在", "乌鲁木齐举办社会工作助力新疆民政事业高质量发", "展论坛。"])
    lines = read_lines(text, False)
    doc = Page(lines, page_mark_em(lines))
    assert [doc.width[i] for i in doc.text_idx[:2]] == [12.0, 17.0]


def test_a_line_narrow_only_beside_a_wide_lead_above_is_no_headline() -> None:
    """A paragraph's first line after a wide lead paragraph is narrower than the lead, but not
    than its own column: the headline test compares a headline's last line with the body below."""
    text = "\n".join([
        "【香港商报网讯】记者朱开芝、通讯员敬天燕报道：近日，大鹏办事下召开社",
        "工联席会议，共同商讨社工服务，以保障辖区居民接受更多专业服务。",
        "本次会议由大鹏办事处枢纽型社区党群", "服务中心召集，与会人员包括大鹏社会事",
        "务办、大鹏社协、大鹏办事处各专业服务", "项目、基础服务项目负责人。"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]
    headline = text.replace("本次会议由大鹏办事处枢纽型社区党群", "大鹏社工联席会议召开")  # near miss
    assert [k for k, _ in kinds(headline)] == ["paragraph", "heading", "paragraph"]


def test_a_kicker_wrapped_after_its_comma_heads_the_article() -> None:
    head = ["夯实社会工作理论基础，", "促进“政校合作”", "社会工作助力", "新疆民政事业", "高质量发展论", "坛举办"]
    body = ["为进一步夯实社会工作", "理论基础，加强社会工作理", "论研究，促进“政校合作”", "近日，新疆维吾尔自治区民", "政厅联合新疆大学举办论坛。"]
    blocks = build_blocks("\n".join(head + body))
    assert [(b["kind"], b.get("role")) for b in blocks] == [("heading", "kicker"), ("heading", "title"), ("paragraph", None)]
    assert blocks[0]["text"] == "夯实社会工作理论基础，促进“政校合作”" and blocks[0]["lines"] == [1, 2]
    # near miss: a paragraph's line ending at a comma, as wide as the line after it
    prose = ["围绕更好落实协议内容，", "三地同步建构了“‘通武廊", "’社会工作发展与创新网络”", "，努力构建与京津冀协同发展", "相适应的社会建设机制。"]
    assert [k for k, _ in kinds("\n".join(prose))] == ["paragraph"]


def test_a_comma_pushed_to_a_line_of_its_own_rejoins_its_line() -> None:
    """"今天（3月15日）" / "，": the body's indented first line, cut at its comma, still starts the
    body below a headline after a label (a lone comma never ends anything)."""
    text = "\n".join(["（据央视", "网）", "动态", "“中国经济展望”大", "使圆桌对话活动在北", "京举行",
                      "今天（3月15日）", "，", "“中国经济展望”大使", "圆桌对话活动在北京举", "行。国家相关部门负责",
                      "人解读中国宏观经济。"])
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks][-2:] == ["heading", "paragraph"]
    assert blocks[-1]["text"].startswith("今天（3月15日），“中国经济展望”") and blocks[-1]["lines"] == [7, 12]


def test_a_headline_line_starting_with_a_middle_dot_goes_on_from_the_line_above() -> None:
    """"共建“一带一路”" / "·权威访谈": "·权威访谈" is as narrow as an indented first line, but no
    text starts with a middle dot: the kicker goes on, and the title below it."""
    blocks = kinds("\n".join(["社区周报 2025年4月5日 星期六 第3版 社工天地", "共建“一带一路”", "·权威访谈", "新疆积极打造我国", "向西开放的桥头堡", "共建“一带一路”", "，顺应时代", "潮流，践行人类命运共同体理念，", "为全球治理体系改革提供了中国方", "案，也开创了我国对外开放的新格", "局。", "《新闻联播》从今天（10月3", "日）开始推出系列报道【共建“一", "带一路”", "·权威访谈】", "，结合各部门", "工作职能和各地区实际，介绍共建", "“一带一路”十年来取得的巨大成", "就和产生的深远影响，讲述各地深", "度融入“一带一路”建设的特色亮", "点和经验做法。今天首先来看对新", "疆维吾尔自治区党委常委、人民政", "府副主席玉苏甫江·麦麦提的专", "访，介绍新疆扎实推进“一带一", "路”核心区高质量发展的情况。", "中国新疆陆地边境线长达", "5700多公里，是中国与中亚、欧", "洲连接最为便捷的陆路通道重要节", "点。共建“一带一路”倡议提出十", "年来，新疆全力推进重大基础设施"]))
    assert [t for k, t in blocks[1:3]] == ["共建“一带一路”·权威访谈", "新疆积极打造我国向西开放的桥头堡"]
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("共建“一带一路”，顺应时代潮流，")


def test_a_bracketed_date_split_over_two_lines_opens_the_body() -> None:
    """"据日本财务省今天 〈10月" / "20日) 发布的数据，": the date in brackets runs over the break;
    the line opens the lead (OCR lost text below it, so widths say nothing here)."""
    text = "\n".join(["出。", "(据央视《新闻联播》)", "", "日本上半财年贸易逆差创新高", "据日本财务省今天 〈10月",
                      "20日) 发布的数据，", "上涨、日元急速贬值等因素影", "响，日本上半财年贸易逆差达",
                      "110075亿日元，约合733.87亿", "美元，是1979年有可比数据以", "来的同期最大值。"])
    blocks = kinds(text)
    assert blocks[2] == ("heading", "日本上半财年贸易逆差创新高")
    assert blocks[3][1].startswith("据日本财务省今天 〈10月20日)")


def test_labels_between_blank_lines_take_one_headline_not_a_chain() -> None:
    """A label takes the one headline under it: a thousand label-like lines do not recurse (or
    become one headline), and a body's first line set apart with its clause mark is no title."""
    many = "这是上一篇的正文。\n（据新华社）\n\n" + "\n\n".join(["动态"] * 1200)
    assert {k for k, _ in kinds(many)} <= {"paragraph", "heading", "credit"}
    text = "上一篇的正文到这里就结束了。\n（据新华社）\n\n致敬\n\n近日，社会工作论坛在乌鲁木齐举办\n\n来自各地的代表参加了本次活动并交\n流了经验，大家一致认为效果很好。\n"
    assert ("heading", "近日，社会工作论坛在乌鲁木齐举办") not in kinds(text)


def test_a_headline_over_a_body_that_starts_with_a_year() -> None:
    """"  2024年，自治区…" starts its paragraph (indented): no word came down to it from the
    headline's last line, which is then not taken for a line that broke early."""
    first = "  2024年，自治区民政厅"
    text = "\n".join(["社会工作，是民生保障", "的重要力量，各地积极探索", "社会工作参与基层治理的新", "路径新方法成效好。", "",
                      "社会工作助力新疆", "民政事业发展论坛", "在乌鲁木齐举办", first, "联合新疆大学举办社会工作",
                      "论坛，来自各地的代表参加", "了本次活动并交流了经验。"])
    assert ("heading", "社会工作助力新疆民政事业发展论坛在乌鲁木齐举办") in kinds(text)


def test_ocr_a_section_label_and_the_headline_under_it_each_between_blank_lines() -> None:
    """OCR sets "动态" and the headline under it each between blank lines; the headline is one
    too, even where its width looks like an indented first line."""
    text = "\n".join(["业依然是投资重点领域。", "", "(据央视网)", "", "动态", "", "李克强向科威特首相致贺电", "",
                      "国务院总理李克强19日致电艾哈", "迈德. 纳瓦夫 艾哈迈德， 萨巴赫，", "祝贺他就任科威特国首相。", "",
                      "李克强在贺电中表示，中科传统", "友这深厚，科威特是最早同新中国建", "交的海湾阿拉伯国家。"])
    blocks = kinds(text)
    assert blocks[2:4] == [("heading", "动态"), ("heading", "李克强向科威特首相致贺电")]
    assert blocks[4][1].startswith("国务院总理李克强19日致电艾哈")
    # near miss: a short headline alone between blank lines over its body stays that headline
    alone = kinds("\n".join(text.split("\n")[:4] + text.split("\n")[6:]))
    assert alone[2] == ("heading", "李克强向科威特首相致贺电")


def test_a_bracketed_line_inside_a_sentence_is_prose_not_a_credit() -> None:
    """"（12月6日-7日）" alone on a line, between "…下个周末" and "。届时…", is part of the sentence."""
    text = "\n".join(["承者”转变。活动将于本周末（11月29", "日-30日）启动，并延续至下个周末", "（12月6日-7日）", "。届时，各街道分馆",
                      "将在展区联袂呈现“流动非遗市集”", "：市", "民可在体验区尝试拓印。", "（据深圳晚报）"])
    assert kinds(text) == [("paragraph", "承者”转变。活动将于本周末（11月29日-30日）启动，并延续至下个周末（12月6日-7日）。届时，"
                                         "各街道分馆将在展区联袂呈现“流动非遗市集”：市民可在体验区尝试拓印。"), ("credit", "（据深圳晚报）")]
    # near miss: a bracketed line after a sentence end is the article's source
    assert kinds("\n".join(["民可在体验区尝试拓印。", "（深圳晚报）", "。"]))[1] == ("credit", "（深圳晚报）")


@pytest.mark.parametrize("credit", [["（据央视《新闻联播》", "）"], ["（据央视", "《新闻联播》", "）"]])
def test_credit_split_over_two_or_three_lines_is_a_credit_block(credit: list[str]) -> None:
    text = "\n".join(["新闻发言人介绍了有关情况。", *credit, "李克强向科威特首相", "致贺电", "国务院总理李克强",
                      "19日致电艾哈迈德，祝贺", "他就任科威特国首相。"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "credit", "heading", "paragraph"]
    assert kinds(text)[1] == ("credit", "（据央视《新闻联播》）")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # OCR lost or misread the closing bracket: still the article's credit
        (["经济”相关话题深入交流。", "〈据央视《新闻联播户", "", "陕北到安徽特高压直流输", "电工程开工"],
         ["paragraph", "credit", "heading"]),
        (["取得新进展。", "(据央视《新闻联播访", "1一2月中国快递发展指数同比提", "升26.7%", "", "记者从国家邮政局获悉，今年", "1—2月中国快递发展指数同比。"],
         ["paragraph", "credit", "heading", "paragraph"]),
        # near misses: mid-sentence, or a long bracketed aside, is text
        (["据介绍，这次会议", "（据央视报道称", "明天还要继续。"], ["paragraph"]),
        (["取得新进展。", "（据统计，全年共开行班列三万列，比去年多", "了一成。"], ["paragraph", "paragraph"]),
        (["全市养老服务取得新进展。", "（据不完全统计全市共有", "养老机构三百余家）共", "收住老人两万余人。"],
         ["paragraph"]),  # an aside whose bracket closes in the prose below
    ],
)
def test_a_credit_whose_closing_bracket_ocr_lost(lines: list[str], expected: list[str]) -> None:
    assert [k for k, _ in kinds("\n".join(lines))] == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("“爱心行动”项目不仅是", ["paragraph", "paragraph"]),  # ends on a word that needs more
        ("“爱心行动”项目签约", ["paragraph", "heading", "paragraph"]),  # near miss: a headline
        ("“爱心行动”积极应对", ["paragraph", "heading", "paragraph"]),  # 对 inside a word (应对)
        ("“爱心行动”指数为", ["paragraph", "paragraph"]),  # a preposition needs its object
        ("“爱心行动”成为", ["paragraph", "heading", "paragraph"]),  # 为 inside a word (成为)
    ],
)
def test_a_short_line_ending_on_a_particle_is_no_headline(first: str, expected: list[str]) -> None:
    text = "\n".join(["换届会上，李文红与康鹏签署", "2023年度《国家能源集团“爱心行动”", "捐赠协议》", "。", first,
                      "国家能源集团的品牌项目，也是中国", "社会工作联合会的品牌项目，新的捐", "赠协议的签署标志着合作正式开始。"])
    assert [k for k, _ in kinds(text)] == expected


def test_a_first_line_short_by_its_indent_and_a_word_pushed_down_with_its_comma() -> None:
    """"…已收获过" / "半，在…": the comma may not start a line, so "半" came down with it; the line
    is short by its indent and that word, and still starts a paragraph, not a headline."""
    text = "\n".join(["1860万亩晚稻中的早熟品种已经开镰。各地", "共投入收割机、烘干机11.16万台套，及时收", "获中晚稻。",
                      "山东省6600多万亩秋粮目前已收获过", "半，在玉米种植大县阳信县，当地借助肉牛产",
                      "业优势，推行“种养结合”，把玉米秸秆转化", "成青贮饲料，实现双赢。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("山东省6600多万亩秋粮目前已收获过半，")


def test_two_narrow_lines_with_numbers_are_no_headline_above_a_first_line() -> None:
    """"江西省1400多万亩中" / "稻收获已近8成，1860万": numbers make widths unsure, so the second
    narrow line does not prove the first a headline's last line."""
    text = "\n".join(["部件的运转参数，确保脱谷", "率更高，进一步减少机收损", "失。", "江西省1400多万亩中",
                      "稻收获已近8成，1860万", "亩晚稻中的早熟品种已经开", "镰。各地共投入收割机。"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_an_indented_first_line_is_measured_past_lines_that_broke_before_a_number() -> None:
    """"中央广播电视总台2024年" is indented against a 13 em column, but the two lines below it
    broke early, each before a number that did not fit ("（3月15" / "日）20时…"): look one further."""
    blocks = kinds("\n".join(["电艾哈迈德·纳瓦夫·艾哈迈", "德·萨巴赫，祝贺他就任科威", "特国首相。", "李克强在贺电中表示，中", "科传统友谊深厚，科威特是最", "早同新中国建交的海湾阿拉伯", "国家。建交51年来，中科关系", "保持健康稳定发展，政治互信", "不断巩固，各领域务实合作持", "续推进。中国政府高度重视中", "科关系发展，愿同科方一道努", "力，推动中科战略伙伴关系取", "得新进展。", "（据央视网）", "总台2024年“3·15”晚会", "今晚播出", "中央广播电视总台2024年", "“3·15”晚会今晚（3月15", "日）20时在央视财经频道播", "出，晚会聚焦“共筑诚信共享", "安全”主题，重点关注消防安", "全、食品安全、金融安全、数", "据安全等领域侵害消费者权益", "的行为。晚会还将在央视财", "经、央视频客户端和央广经济"]))
    assert ("heading", "总台2024年“3·15”晚会今晚播出") in blocks
    assert any(k == "paragraph" and t.startswith("中央广播电视总台2024年“3·15”晚会今晚（3月15日）") for k, t in blocks)


def test_a_kicker_with_a_comma_set_across_columns_over_a_wider_title() -> None:
    """A kicker with a clause mark over a one-line title is a paragraph's look, unless both are
    wider than the column below them: then they are headline lines set across the columns."""
    blocks = kinds("\n".join(["实实在在的成效。", "下一步，“通武廊”三地将在平", "等互利的基础上，明确各自社会工作", "本土化发展定位及特色，发挥资源联", "动优势，形成合作互动、优势互补、", "互利共赢、协同发展的新格局，全面", "促进“通武廊”合作交流，共同推进", "京津冀协同发展。（据天津市武清区", "融媒体中心）", "夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办", "为进一步夯实社会工作理论基", "础，加强社会工作理论研究，促进", "“政校合作”，近日，新疆维吾尔自", "治区民政厅联合新疆大学在乌鲁木齐", "举办社会工作助力新疆民政事业高质", "量发展论坛。自治区民政厅党组成", "员、副厅长杨中，新疆大学党委常", "委、副校长顾光海参加论坛并致辞，", "自治区民政厅慈善事业促进和社会工", "作处处长麦合木提江·艾麦提主持会"]))
    assert [t for k, t in blocks if k == "heading"] == ["夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办"]
    # near miss: the same two lines no wider than the column are the start of a paragraph
    narrow = ["（据天津市武清区融媒体中心）", "他说这件事还没有结束，因", "为后续的工作还要继续做",
              "下去，大家都很关心这件事情", "的进展，希望早日完成。"]
    assert [k for k, _ in kinds("\n".join(narrow))] == ["credit", "paragraph"]


def test_two_narrow_lines_make_a_headline_end_where_narrow_beyond_the_guess() -> None:
    """"当选马尔代夫总统" (a word came down after it) over "10月3日，国家主席" (digits): both
    widths are guesses, but both lines are narrower than the column by more than the guess."""
    blocks = kinds("\n".join(["民政简报 综合 2025年5月13日 星期二 第5版", "我国西部多地今夜起将", "出现雨雪天气", "中央气象台预计，今", "天（10月3日）夜间起，", "西北、西南部分地区将出", "现雨雪天气。其中甘肃、", "陕西、四川等地的部分地", "区有中到大雨，局地暴", "雨。青海大部、甘肃西部", "等地有中到大雪或雨夹", "雪，局地有暴雪或大暴", "雪。内蒙古大部、东北地", "区大部等地将出现大风降", "温。", "（来源：央视网）", "习近平致电祝贺穆伊兹", "当选马尔代夫总统", "10月3日，国家主席", "习近平致电穆罕默德·穆", "伊兹，祝贺他当选马尔代", "夫总统。", "习近平指出，中国和", "马尔代夫友好交往源远流", "长。中马两国不仅是真诚", "互信、互帮互助的朋友，", "更是携手发展、共同繁荣", "的伙伴。我高度重视中马", "关系发展，愿同穆伊兹当", "选总统一道努力，弘扬传"]))
    assert ("heading", "习近平致电祝贺穆伊兹当选马尔代夫总统") in blocks
    assert any(k == "paragraph" and t.startswith("10月3日，国家主席习近平致电") for k, t in blocks)


def test_a_headline_goes_on_past_a_line_that_only_looks_like_a_first_line() -> None:
    """"“政校合作”" is as narrow as an indented first line, but the lines after it run without a
    clause mark to "坛举办", clearly narrower than the indented line below: the kicker's end and
    a three-line title, not a paragraph."""
    lines = ["月29日-30日）启动，并延续至", "下个周末（12月6日-7日）。届", "时，各街道分馆将在展区联袂呈", "现“流动非遗市集”：市民可在", "体验区尝试拓印、麻篮编织、药", "香香牌制作等非遗手工活动。", "（据深圳晚报）", "夯实社会工作理论基础，促进", "“政校合作”", "社会工作助力新疆民", "政事业高质量发展论", "坛举办", "为进一步夯实社会工作理论", "基础，加强社会工作理论研究，", "促进“政校合作”，近日，新疆", "维吾尔自治区民政厅联合新疆大", "学在乌鲁木齐举办社会工作助力", "新疆民政事业高质量发展论坛。", "自治区民政厅党组成员、副厅长", "杨中，新疆大学党委常委、副校", "长顾光海参加论坛并致辞，自治"]
    blocks = kinds("\n".join(lines))
    assert [t for k, t in blocks if k == "heading"] == ["夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办"]
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("为进一步夯实社会工作理论基础")
    # near miss: lines that run on to a sentence end are a paragraph
    ended = [("坛举办了。" if t == "坛举办" else t) for t in lines]
    assert not any(k == "heading" and "坛举办" in t for k, t in kinds("\n".join(ended)))


def test_a_first_line_ending_in_a_closing_mark_set_half_width_is_indented() -> None:
    """"为深入推进“通武廊”" is 10 em against an 11 em column: its closing quote was set
    half-width to fit, so it is an indented first line, and the headline above ends there."""
    blocks = kinds("\n".join(["区有中到大雨，局地暴", "雨。青海大部、甘肃西部", "等地有中到大雪或雨夹", "雪，局地有暴雪或大暴", "雪。内蒙古大部、东北地", "区大部等地将出现大风降", "温。", "（来源：央视网）", "机遇与合作：", "“通武廊”社会", "工作再携手", "为深入推进“通武廊”", "社会工作协同发展，促进", "三地社工站建设专业化水", "平不断提升，近日，由天", "津市武清区民政局主办，", "武清区社会工作服务站指", "导中心承办的“", "‘通武廊’", "社会工作协同发展框架协", "议签订暨三地社工站建设"]))
    assert ("heading", "机遇与合作：“通武廊”社会工作再携手") in blocks
    assert any(k == "paragraph" and t.startswith("为深入推进“通武廊”社会工作协同发展") for k, t in blocks)


def test_a_body_line_short_by_a_number_that_came_down_is_still_a_full_line() -> None:
    """"2月中国快递发展指数同比提升" is narrower than the first line above it only because
    "26.7%。" came down: a full line, so "记者从国家邮政局获悉，今年1—" starts the body."""
    blocks = kinds("\n".join(["新闻发言人介绍说，他们将通过加强", "通道建设、平台建设等举措高质量共", "建“一带一路”", "。", "七位新闻发言人还就创新驱动、", "乡村振兴等话题回答了中外记者的提", "问。", "（据央视网）", "新闻速递", "1—2月中国快递发展指数同比提升", "26.7%", "记者从国家邮政局获悉，今年1—", "2月中国快递发展指数同比提升", "26.7%。预计1—2月快递业务量同比", "增速约为23.7%，快递业实现良好开", "局，市场规模快速增长。", "（来源：央视", "网）", "总台2024年“3·15”晚会今晚播"]))
    assert ("heading", "1—2月中国快递发展指数同比提升26.7%") in blocks
    assert any(k == "paragraph" and t.startswith("记者从国家邮政局获悉") for k, t in blocks)


def test_two_narrow_lines_are_no_headline_where_the_first_has_a_number() -> None:
    """"山东省6600多万亩秋粮目前已" / "收获过半，…": the first line measures narrow only by a guess
    at its digits' width; it is a paragraph's first line, not a headline over one."""
    blocks = kinds("\n".join(["邻里生活报 2025年7月31日 星期四 第2版 经济", "在希望的田野上", "全国秋粮收获过半", "农业农村部最新农情调度显", "示，眼下全国秋粮收获过半，主产", "区已进入收获高峰。", "在黑龙江北大荒集团五九七农", "场，大型收获机械正在进行联合收", "割作业。今年，农场在更换先进机", "型的基础上，根据早、中、晚空气", "湿度和秸秆含水量的不同，每天三", "次调整农机作业部件的运转参数，", "确保脱谷率更高，进一步减少机收", "损失。", "江西省1400多万亩中稻收获已", "近8成，1860万亩晚稻中的早熟品", "种已经开镰。各地共投入收割机、", "烘干机11.16万台套，及时收获中晚", "稻。", "山东省6600多万亩秋粮目前已", "收获过半，在玉米种植大县阳信", "县，当地借助肉牛产业优势，推行", "“种养结合”", "。把玉米秸秆转化成青", "贮饲料后，运往当地136家规模化肉", "牛养殖厂销售，实现养殖户降本和", "种粮户增效的双赢。", "用好盐碱地等后备耕地资源，", "事关国家粮食安全。在江苏省射阳", "县的沿海滩涂，退渔复垦后首次种"]))
    assert [t for k, t in blocks if k == "heading"] == ["在希望的田野上", "全国秋粮收获过半"]
    assert any(k == "paragraph" and t.startswith("山东省6600多万亩秋粮目前已收获过半，") for k, t in blocks)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“松岗七星狮的鼓点暗合北斗", ["paragraph", "paragraph"]),  # "北斗七星" runs on: prose
        ("松岗七星狮鼓点暗合天象", ["paragraph", "heading", "paragraph"]),  # near miss: ends a word
    ],
)
def test_a_line_whose_last_word_runs_on_is_no_headline(line: str, expected: list[str]) -> None:
    text = "\n".join(["雨顺、驱邪避灾，难怪每年这天宝", "安人都要举行舞龙醒狮等盛大庆", "典！”", line,
                      "七星方位，连舞步都藏着天文智", "慧！”11月25日，宝安区图书馆一", "楼南大厅举办展览。"])
    assert [k for k, _ in kinds(text)] == expected


def test_a_first_line_before_a_bracketed_number_is_short_by_it() -> None:
    """"据日本财务省今天" / "（10月20日）…": the bracket stays with the number, which came down
    whole, so the indented first line is that much shorter, and is no headline's last line."""
    text = "\n".join(["务项目等领域展开合", "作。", "（据中国社会工作联合", "会）", "短讯", "日本上半财年贸易逆",
                      "差创新高", "据日本财务省今天", "（10月20日）发布的", "数据，受能源价格上",
                      "涨、日元急速贬值等因", "素影响，日本上半财年", "贸易逆差创新高。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks][-2:] == ["heading", "paragraph"]
    assert blocks[-1][1].startswith("据日本财务省今天（10月20日）")


def test_a_first_line_cut_at_its_comma_is_measured_past_its_own_rest() -> None:
    """"今天（3月15日）" / "，国家" is one printed line, an indented first line: the headline
    above it ends there (its own rest is no reference for its width)."""
    text = "\n".join(["（据央视《新闻联播》", "）", "陕北到安徽特高压直流输", "电工程开工", "今天（3月15日）", "，国家",
                      "电网陕北至安徽正负800千", "伏特高压直流输电工程开工", "建设。该工程为我国“西电",
                      "东送”再添一条大动脉。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["credit", "heading", "paragraph"]
    assert blocks[1][1] == "陕北到安徽特高压直流输电工程开工"


def test_a_headline_broken_at_its_colon_is_one_headline() -> None:
    text = "\n".join(["中科战略伙伴关系取得新进展。", "机遇与合作：", "“通武廊”社会工作再携手", "为深入推进“通武廊”社会工作协同",
                      "发展，促进三地社工站建设专业化水平不", "断提升，近日，由天津市武清区民政局主", "办，武清区社会工作服务站承办。"])
    assert kinds(text)[1] == ("heading", "机遇与合作：“通武廊”社会工作再携手")
    # OCR: an ASCII colon and a blank line between the two lines
    ocr = ["中科战略伙伴关系取得新进展。", "(据央视《新闻联播》)", "", "机遇与合作:", "", "“通武廊”社会工作再携手", "",
           "为深入推进“通武廊”社会工作", "协同发展，促进三地社工站建设专业", "化水平不断提升，近日，由天津市武",
           "清区民政局主办，武清区社会工作服", "务站承办。"]
    assert [b for b in kinds("\n".join(ocr)) if b[0] == "heading"] == [("heading", "机遇与合作:“通武廊”社会工作再携手")]
    # near miss: a colon that opens a quotation in prose
    prose = ["这是前一段的最后一句话，说完", "了。他在会上说：", "“我们将继续努力，把工作做得", "更好，让群众满意。”"]
    assert [k for k, _ in kinds("\n".join(prose))] == ["paragraph"]


def test_a_wide_lead_whose_first_line_was_cut_at_its_comma_is_no_headline_line() -> None:
    """"共建“一带一路”" / "，顺应时代潮流，…" is one printed line of a wide lead: prose, so the
    headline above ends before it."""
    text = "\n".join(["进“通武廊”合作交流，共同推进京", "津冀协同发展。", "（据天津市武清区融媒体中心）",
                      "共建“一带一路”", "·权威访谈", "新疆积极打造我国向西开放的桥头堡", "共建“一带一路”",
                      "，顺应时代潮流，践行人类命运共同体理念，为全",
                      "球治理体系改革提供了中国方案，也开创了我国对外开放的新格局。", "《新",
                      "闻联播》从今天（10月3日）开始推出系列报道【共建“一带一路”"])
    blocks = kinds(text)
    assert blocks[2:4] == [("heading", "共建“一带一路”·权威访谈"), ("heading", "新疆积极打造我国向西开放的桥头堡")]
    assert blocks[4][0] == "paragraph" and blocks[4][1].startswith("共建“一带一路”，顺应时代潮流")


def test_a_middle_dot_is_counted_at_the_width_the_page_gives_it() -> None:
    """"·" is a full em in Noto Sans CJK and a third of one in Serif. Counted as a full em,
    "迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺" made the column look wider than it is, so the indented
    first line above it read as a full line and the headline ran into the body."""
    assert line_width("纳瓦夫·艾哈迈德") == pytest.approx(7.66)
    text = "\n".join(["会场宝安图书馆西乡街道分馆开展，", "重点为观众普及传统文化，讲好西乡", "故事。", "（据深圳新闻网）",
                      "短讯", "李克强向科威特首相致贺电", "国务院总理李克强19日致电艾哈", "迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺",
                      "他就任科威特国首相。", "李克强在贺电中表示，中科传统", "友谊深厚，科威特是最早同新中国建"])
    blocks = kinds(text)
    assert ("heading", "李克强向科威特首相致贺电") in blocks
    assert blocks[-2] == ("paragraph", "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺他就任科威特国首相。")
    # in a Sans column "·" is a full em: the page says so, and the same name makes a full line
    sans_page = kinds("\n".join(["业务量增长奠定了基础。", "分地区来看，中部地区的业务", "总量指数环比提高3.8个百分点，提", "升幅度最大；东部地区和西部地区", "环比分别提高2.2和0.8个百分点，", "均保持在扩张区间。", "从投资来看，9月份固定资产投", "资完成额指数为52.5%，环比提高", "1.9个百分点，仓储业、水上运输", "业、邮政快递业、航空运输业依然", "是投资重点领域。", "（据央视网）", "李克强向科威特首相致贺电", "国务院总理李克强19日致电艾", "哈迈德·纳瓦夫·艾哈迈德·萨巴", "赫，祝贺他就任科威特国首相。", "李克强在贺电中表示，中科传", "统友谊深厚，科威特是最早同新中", "国建交的海湾阿拉伯国家。建交51", "年来，中科关系保持健康稳定发", "展，政治互信不断巩固，各领域务", "实合作持续推进。中国政府高度重", "视中科关系发展，愿同科方一道努"]))
    assert ("heading", "李克强向科威特首相致贺电") in sans_page
    # near miss: a full line with dots in a Sans column is no shorter than its neighbours
    sans = ["国务院总理李克强19日致电", "艾哈迈德·纳瓦夫·艾哈迈德·", "萨巴赫，祝贺他就任科威特国首", "相。"]
    assert [k for k, _ in kinds("\n".join(sans))] == ["paragraph"]


def test_a_kicker_wrapped_inside_a_word_over_a_title_of_narrow_lines() -> None:
    """A narrow column: the kicker wraps inside "基础" (its comma took "础" down with it), the
    title runs three lines of 7 em over a 12 em column. "疆民政事业高质" is as narrow as an
    indented first line, but the line after it is just as narrow and goes on: a headline's."""
    text = "\n".join(["从投资来看，9月份固", "定资产投资完成额指数为", "52.5%，环比提高1.9个百分", "点，仓储业、水上运输业、",
                      "邮政快递业、航空运输业依", "然是投资重点领域。", "（据央视网）", "夯实社会工作理论基", "础，促进“政校合作”",
                      "社会工作助力新", "疆民政事业高质", "量发展论坛举办", "为进一步夯实社会工作", "理论基础，加强社会工作理",
                      "论研究，促进“政校合作”", "，", "近日，新疆维吾尔自治区民", "政厅联合新疆大学在乌鲁木",
                      "齐举办社会工作助力新疆民", "政事业高质量发展论坛。自", "治区民政厅党组成员、副厅", "长杨中，新疆大学党委常",
                      "委、副校长顾光海参加论坛", "并致辞，自治区民政厅慈善", "事业促进和社会工作处处长", "麦合木提江·艾麦提主持会",
                      "议。", "顾光海介绍了新疆大学", "发展历程、学科建设特色，", "开展社会工作教学、培养社", "会工作人才、参与社会工作"])
    blocks = kinds(text)[1:]
    assert blocks[1:3] == [("heading", "夯实社会工作理论基础，促进“政校合作”"), ("heading", "社会工作助力新疆民政事业高质量发展论坛举办")]
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("为进一步夯实社会工作理论基础")
    # near miss (dev03, OCR): an indented first line whose next line is as narrow only by its
    # digits, brackets and spaces, whose widths are a guess
    ocr = kinds("\n".join(["月3日) 夜间起，西北、西南部", "分地区将出现雨雪天气。其中甘", "肃、陕西、四川等地的部分地区", "有中到大雨，局地暴雨。青海大", "部、甘肃西部等地有中到大雪或", "雨夹雪，局地有暴雪或大暴雪。", "内蒙古大部、东北地区大部等地", "将出现大风降温。", "(来源: 央视网)", "", "雅万高铁开始电气化专业核心", "", "技术施工", "雅万高铁第一根接触网导线", "昨天(10月19日) 下午悬挂完", "成，标志着雅万高铁开始进入电", "气化专业核心技术施工阶段。牙", "万高铁是印尼第一条时速 350 公", "里的高速铁路，是中国高铁首次", "全系统、全要素、全产业链在海", "外落地的项目，预计2023年6月", "开通运营。", "(来源: 央视网)", "李克强向科威特首相致咒电", "国务院总理李克强19 日致电"]))
    assert ("paragraph", "雅万高铁第一根接触网导线昨天(10月19日) 下午悬挂完成，标志着雅万高铁开始进入电气化专业核心技术施工阶段。"
            "牙万高铁是印尼第一条时速 350 公里的高速铁路，是中国高铁首次全系统、全要素、全产业链在海外落地的项目，预计2023年6月开通运营。") in ocr


def test_a_line_the_headlines_last_word_runs_on_into_is_the_headlines() -> None:
    """"共建“一带一路”·权" / "威访谈": the second line is as narrow as a paragraph's last, but
    "权威" runs across the break, so the headline goes on there (and on to the title below)."""
    blocks = kinds("\n".join(["日-30日）启动，并延续", "至 下 个 周 末 （ 12 月 6", "日-7日）。届时，各街", "道分馆将在展区联袂呈", "现“流动非遗市集”：", "市民可在体验区尝试拓", "印、麻篮编织、药香香", "牌制作等非遗手工活", "动。", "（据深圳晚报）", "共建“一带一路”·权", "威访谈", "新疆积极打造", "我国向西开放", "的桥头堡", "共 建 “ 一 带 一", "路”，顺应时代潮流，", "践行人类命运共同体理", "念，为全球治理体系改", "革提供了中国方案，也", "开创了我国对外开放的", "新格局。《新闻联播》", "从今天（10月3日）开"]))
    assert [t for k, t in blocks if k == "heading"] == ["共建“一带一路”·权威访谈", "新疆积极打造我国向西开放的桥头堡"]
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("共 建 “ 一 带 一路”，顺应时代潮流")


def test_a_headline_line_wider_only_by_its_digits_does_not_start_a_new_element() -> None:
    """"西部陆海新通道铁海" / "联运班列累计开行3万" / "列": the second line is wider only by the
    guessed width of a digit; it is the same headline, not a title under a kicker."""
    text = "\n".join(["约9万名乘客的出行受", "到影响。", "（据央视《新闻联播》", "）", "西部陆海新通道铁海",
                      "联运班列累计开行3万", "列", "今天（10月8日）", "，", "一列装载110个集装箱",
                      "的铁海联运班列从广西", "钦州铁路集装箱中心站", "开出。"])
    assert [b for b in kinds(text) if b[0] == "heading"] == [("heading", "西部陆海新通道铁海联运班列累计开行3万列")]


def test_credit_printed_at_the_end_of_the_last_line_is_cut_off() -> None:
    text = "\n".join(["七位新闻发言人还就创新驱", "动、乡村振兴等话题回答了中外", "记者的提问。（据央视网）"])
    assert kinds(text) == [("paragraph", "七位新闻发言人还就创新驱动、乡村振兴等话题回答了中外记者的提问。"),
                           ("credit", "（据央视网）")]


def test_bare_source_name_after_the_last_sentence_is_a_credit() -> None:
    text = "\n".join(["新闻发言人介绍了有关", "的情况和下一步的工作安", "排，大家都表示很满意。", "（中国新闻网）"])
    assert kinds(text)[-1] == ("credit", "（中国新闻网）")
    text = "\n".join(["新闻发言人介绍了有关", "的情况和下一步的工作安", "排。（中国新闻网）"])
    assert kinds(text) == [("paragraph", "新闻发言人介绍了有关的情况和下一步的工作安排。"), ("credit", "（中国新闻网）")]
    # near-miss: a parenthesis inside a sentence is prose
    text = "\n".join(["会议（以下简称“大会”）在京", "举行，各方代表参加了会议。"])
    assert [k for k, _ in kinds(text)] == ["paragraph"]


def test_headline_between_articles_stands_alone() -> None:
    text = "\n".join([
        "七位新闻发言人还就创新驱动", "等话题回答了记者的提问。", "（据央视网）",
        "日本上半财年贸易逆差创新高",
        "据日本财务省今天发布", "的数据，受能源价格上涨、日", "元急速贬值等因素影响，日本",
        "上半财年贸易逆差创新高。",
    ])
    blocks = kinds(text)
    assert ("heading", "日本上半财年贸易逆差创新高") in blocks
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("据日本财务省")


def test_two_line_headline_is_one_heading_block() -> None:
    text = "\n".join([
        "前文的最后一句话在这里。", "（据央视网）",
        "陕北到安徽特高压直流输电工", "程开工",
        "今天（3月15日），国家电", "网陕北至安徽正负800千伏特高", "压直流输电工程开工建设。该工",
        "程为我国再添一条大动脉。",
    ])
    assert ("heading", "陕北到安徽特高压直流输电工程开工") in kinds(text)


def test_last_line_of_a_body_paragraph_is_not_a_headline() -> None:
    """Near-miss: a short line that ends a paragraph is not a headline."""
    text = "\n".join([*BODY, "会上，三地民政局签订了合作", "框架协议和具体安排。"])
    assert all(k == "paragraph" for k, _ in kinds(text))


def test_inline_indent_space_starts_a_paragraph_where_the_page_never_spaces_marks() -> None:
    text = "\n".join(["据测算，最高亩产可达", "600公斤。 眼下，内蒙古的油", "莎豆也迎来丰收。"])
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("眼下")


def test_inline_space_after_a_mark_is_no_break_where_the_page_spaces_every_mark() -> None:
    """Near-miss: seed 001 puts a space after most marks; there "。 " is no paragraph start."""
    text = "\n".join(["工作协同发展， 促进三地社工", "近日， 由武清区民政局主办", "武清区举办。 天津市民政局和", "北京市通州区相关领导参加。"])
    assert [k for k, _ in kinds(text)] == ["paragraph"]


def test_a_letter_spaced_line_has_no_inline_paragraph_break() -> None:
    """A justified line comes out letter-spaced ("上 月 回 升 3.2 个 百 分 点 。 新 订 单"): the
    space after its "。" is one of many, no indent turned into a space."""
    text = "\n".join(["运行趋稳向好。", "9月份中国物流业景气指数为53.5%，较", "上 月 回 升 3.2 个 百 分 点 。 新 订 单 指 数 为",
                      "53.3%，较上月回升3.8个百分点。"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_running_heads_jump_lines_and_stray_glyphs_are_not_text() -> None:
    text = "\n".join([
        "民生周刊 2024年7月29日星期一 第5版 民生",
        "后，运往当地136家规", "（下转第6版）", "本版编辑：民生周刊编辑部 2024年7月29日 第5版",
        "\f民生周刊 2024年7月29日星期一 第6版 民生", "（上接第5版）",
        "模化肉牛养殖厂销售，实现双赢。", "", "”",
    ])
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks if b["kind"] != "paragraph"] == ["furniture"] * 5 + ["noise"]
    [para] = [b for b in blocks if b["kind"] == "paragraph"]
    assert para["text"] == "后，运往当地136家规模化肉牛养殖厂销售，实现双赢。"
    assert para["page"] == 1 and para["lines"] == [2, 7]


def test_ocr_paper_and_section_names_above_the_dated_line_are_furniture() -> None:
    head = ["民政简报", "", "ra", "综合", "", "2025年4月26日 星期六 第5版", ""]
    story = ["非遗民俗文献展邀市民“宝读诗书”", "", "“原来三月三是为了庆祝北帝诞", "辰，祈求这位水神保佑我们风调雨",
             "顺、驱那避灾，难怪每年这天宝安人", "都要举行舞龙醒狮等盛大庆典! “”“松", "岗七星的鼓点暗合北斗七星方位。"]
    blocks = kinds("\n".join(head + story))
    assert [k for k, _ in blocks] == ["furniture"] * 4 + ["heading", "paragraph"]
    # "…北帝诞" / "辰，祈求": OCR's uneven widths make two narrow lines, but the second goes on
    # with the word the first broke: no headline's last line above an indented first line
    assert blocks[-1][1].startswith("“原来三月三是为了庆祝北帝诞辰，")
    # near miss: a short headline under the dated line stays a headline
    moved = ["2025年4月26日 星期六 第5版", "", "简讯", "", *story]
    assert [k for k, _ in kinds("\n".join(moved))] == ["furniture", "heading", "heading", "paragraph"]


def test_ocr_page_tops_with_a_misread_section_name_and_a_gap_in_the_dated_line() -> None:
    """OCR reads "邻里生活报 社会" as "邻里生活报 it会" (9 characters), and prints a running head's
    date and page number far apart on one line: both are still furniture."""
    story = ["", "西乡北帝三月三精", "彩不断!", "", "西乡历史文化展游", "人如织", "", "传承保护数百载，丙璨非遗放", "",
             "异彩。为期9天的省级非遗一一西乡北帝", "三月三庙会精彩还在继续，吸引了众", "多市民前来。"]
    blocks = kinds("\n".join(["邻里生活报 it会", "", "2025年6月15日 星期日" + " " * 24 + "第3版 国际", *story]))
    assert [k for k, _ in blocks] == ["furniture", "furniture", "heading", "heading", "paragraph"]
    # OCR set the lead's first line apart; the next line ends its sentence first: a body's line
    assert blocks[-1][1].startswith("传承保护数百载，丙璨非遗放异彩。为期9天")
    # near miss: prose of 13 characters above the dated line is no paper name
    assert kinds("\n".join(["这是一行很长的正文内容不是报名", "", "2025年6月15日 星期日 第3版", *story]))[0][0] != "furniture"


def test_a_first_line_dated_in_brackets_starts_the_body_under_a_headline() -> None:
    """OCR: "昨天 〈10月19日) 晚上" measures narrow (its brackets read as ASCII), but a date in
    brackets opens a news lead, never a headline."""
    text = "\n".join(["公益时报", "", "2025年8月22日 星期五", "", "二十大新闻中心", "举行第四场集体", "采访", "",
                      "昨天 〈10月19日) 晚上", "二十大新闻中心举行第四场集", "体和采访。重庆、四川、贵州、", "",
                      "云南、西藏、陕西、甘肃七个", "省区市代表团的新闻发言人。"])
    blocks = kinds(text)
    assert blocks[2] == ("heading", "二十大新闻中心举行第四场集体采访")
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("昨天 〈10月19日) 晚上二十大")


def test_ocr_a_repeated_title_over_blank_lines_above_the_jump_back_line() -> None:
    """OCR: the paper's name with a stray glyph ("公益时报 &") is furniture, and the title repeated
    above "(上接第2 版)" in two lines parted by blank lines is headline, then furniture in split."""
    text = "\n".join(["公益时报 &", "", "2025年3月25日 星期二 第3版", "", "中国社会工作联合会儿童社会救助工作委员会换届大会在", "",
                      "京举行", "", "(上接第2 版)", "“一老一小”研究院副院长吴玉起签署《战略合作框架协议》，",
                      "双方将在实务项目等领域展开合作。", "(据中国社会工作联合会)"])
    assert [k for k, _ in kinds(text)] == ["furniture", "furniture", "heading", "heading", "furniture", "paragraph", "credit"]
    # near miss: a line of prose above the jump line is no title
    prose = text.replace("京举行", "他说这件事还没有结束，大家都很关心。")
    assert [k for k, _ in kinds(prose)][:3] == ["furniture", "furniture", "paragraph"]


def test_unfinished_paragraph_before_a_headline_is_marked_open() -> None:
    text = "\n".join(["他说这件事还没有结束，因为后", "续的工作还要继续，大家都", "", "新的标题在这里", "",
                      "新的正文从这里开始", "写起，一直写到这里结束", "为止，大家都很满意。"])
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[0].get("open") is True and "open" not in blocks[2]


def test_blocks_carry_pages_and_line_spans() -> None:
    text = "第一页的段落写完了。\n\f第二页的段落写完了。"
    blocks = build_blocks(text)
    assert [(b["page"], b["lines"]) for b in blocks] == [(1, [1, 1]), (2, [2, 2])]


def test_stage_adds_blocks_and_keeps_text_and_unknown_keys() -> None:
    record = {"id": "a.txt", "text": "标题\n\n正文写完了。", "steps": ["load"], "extra": 1}
    [out] = dehyphenate_records([record])
    assert out["text"] == record["text"] and out["extra"] == 1
    assert out["steps"] == ["load", "dehyphenate"]
    assert [b["kind"] for b in out["blocks"]] == ["heading", "paragraph"]


def test_seed_001_every_gold_paragraph_is_one_block() -> None:
    gold = [json.loads(line) for line in (ROOT / "seeds/gold/001.jsonl").read_text(encoding="utf-8").splitlines()]
    blocks = {letters(b["text"]) for b in build_blocks((ROOT / "seeds/001_998312ac65b7c8b7.txt").read_text(encoding="utf-8"))}
    paragraphs = [letters(p) for g in gold for p in g["paragraphs"]]
    assert [p for p in paragraphs if p not in blocks] == []
    for g in gold:
        assert letters(g["credit"]) in blocks


# -- properties ---------------------------------------------------------------------------------

LINE = st.text(alphabet="中文通讯政策发展社会工作，。！？、：；（）“”《》 0123456789abc-", max_size=24)
PAGE = st.lists(st.one_of(LINE, st.just(""), st.just("（据新华社）"), st.just("第2版"), st.just("\f"),
                          st.just("（上接第1版）"), st.just("（下转第2版）")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(PAGE)
@example(["各地代表参加了本次活动，大家交流", "\f社会工作论坛举办", "（上接第1版）", "了经验。"])  # a repeated title, no 下转
def test_no_han_character_lost_or_duplicated(lines: list[str]) -> None:
    text = "\n".join(lines)
    blocks = build_blocks(text)
    han = lambda s: sorted(re.findall(r"[\u4e00-\u9fff]", s))  # noqa: E731
    assert han("".join(b["text"] for b in blocks)) == han(text)


@settings(max_examples=150, deadline=None)
@given(PAGE)
@example(["各地代表参加了本次活动，大家交流", "\f社会工作论坛举办", "（上接第1版）", "了经验。"])  # a repeated title, no 下转
@example(["0000", "（据新华社）", "”0"])  # a pushed mark after a finished credit
def test_text_block_spans_are_ordered_and_do_not_overlap(lines: list[str]) -> None:
    blocks = [b for b in build_blocks("\n".join(lines)) if b["kind"] not in ("furniture", "noise")]
    for b in blocks:
        assert 1 <= b["lines"][0] <= b["lines"][1] <= max(len(lines), 1)
    for a, b in itertools.pairwise(blocks):
        assert a["lines"][1] <= b["lines"][0]  # a credit may share the last line of its paragraph


@settings(max_examples=100, deadline=None)
@given(PAGE)
def test_dehyphenating_twice_changes_only_steps(lines: list[str]) -> None:
    [once] = dehyphenate_records([{"id": "x", "text": "\n".join(lines), "steps": []}])
    [twice] = dehyphenate_records([once])
    assert twice["blocks"] == once["blocks"] and twice["text"] == once["text"]


def test_headline_whose_last_line_is_as_narrow_as_an_indent() -> None:
    text = "\n".join([
        "上一篇文章的最后一句话在这里。", "（据央视网）",
        "西部陆海新通道铁海联", "运班列累计开行万列",
        "今天上午，一列装载集", "装箱的铁海联运班列从广西钦", "州铁路集装箱中心站开出，这",
        "标志着班列累计开行三万列。",
    ])
    assert ("heading", "西部陆海新通道铁海联运班列累计开行万列") in kinds(text)


def test_where_the_text_keeps_its_indents_only_they_start_paragraphs() -> None:
    text = "\n".join([
        "\u3000\u3000江西省1400多万亩中稻收获已近", "8成，1860万亩晚稻中的早熟品种已",
        "经开镰。各地共投入收割机、烘干机", "11.16万台套，及时收获中晚稻。",
        "\u3000\u3000山东省6600多万亩秋粮目前已收获", "过半，在玉米种植大县阳信县，当地",
        "借助肉牛产业优势，推行种养结合。",
        "\u3000\u3000用好盐碱地等后备耕地资源，事关国", "家粮食安全。",
    ])
    assert [k for k, _ in kinds(text)] == ["paragraph"] * 3


def test_blank_line_at_a_full_column_end_does_not_break_a_paragraph() -> None:
    """OCR prints a blank line at column ends, also where a sentence ends at the column's foot."""
    text = "\n".join(["今年以来，已有批次境外访", "问团来到新疆，在经贸农业", "等领域达成系列合作事项。", "",
                      "未来，新疆将继续聚焦乌鲁", "木齐国际陆路港一港和喀什", "霍尔果斯两区建设工作。"])
    [(kind, para)] = kinds(text)
    assert kind == "paragraph" and "事项。未来，" in para


def test_a_line_closing_quotes_it_never_opened_is_no_headline() -> None:
    text = "\n".join(["记者还了解到，“喜阅西乡", "", "悦”读非遗西乡历史文化展”也同", "",
                      "步在分会场宝安图书馆西乡街", "道分馆开展，重点为观众普及", "传统文化，讲好西乡故事。"])
    assert "heading" not in [k for k, _ in kinds(text)]


def test_after_a_credit_a_short_run_between_blank_lines_is_a_headline() -> None:
    """OCR sets blank lines around a headline; its second line can be as narrow as an indent."""
    text = "\n".join(["记者的提问。", "", "（据央视网）", "", "物流业景气水平加快", "回升运行趋稳向好", "",
                      "中国物流与采购联合会今天", "公布9月份中国物流业景气指", "数，物流活跃度提升，运行趋", "稳向好。"])
    assert ("heading", "物流业景气水平加快回升运行趋稳向好") in kinds(text)


def test_ocr_side_by_side_columns_are_read_down_by_position() -> None:
    """Tesseract prints columns side by side; a line missing a column's piece shifts nothing."""
    rows = ["第一栏第一行正文内容 | 第二栏第一行正文内容 | 第三栏第一行正文内容",
            "第一栏第二行正文内容 | 第二栏第二行正文内容 | 第三栏第二行正文内容",
            "第一栏第三行正文内容。" + " " * 26 + "第三栏第三行正文内容。"]
    order = [(n, text, col) for n, text, col in reading_order(rows) if col >= 0]
    assert order == [(1, "第一栏第一行正文内容", 0), (2, "第一栏第二行正文内容", 0), (3, "第一栏第三行正文内容。", 0),
                     (1, "第二栏第一行正文内容", 1), (2, "第二栏第二行正文内容", 1),
                     (1, "第三栏第一行正文内容", 2), (2, "第三栏第二行正文内容", 2), (3, "第三栏第三行正文内容。", 2)]
    # the rules between the columns are kept as noise
    assert [t for _, t, col in reading_order(rows) if col < 0] == ["||", "||"]


def test_a_headline_over_one_line_cut_off_by_a_jump_line_is_a_headline() -> None:
    """The article starts at a page's foot: its headline, one line of text, then (下转第2版)."""
    text = "\n".join(["晚会还将在央视财经等同步播出。（据央视《新闻联播》）", "德国多个机场安保人员罢工",
                      "　　14日，德国服务业联合工会组织德国多个", "（下转第2版）"])
    assert kinds(text)[2:4] == [("heading", "德国多个机场安保人员罢工"),
                                ("paragraph", "14日，德国服务业联合工会组织德国多个")]


def test_ocr_side_by_side_rows_parted_by_blank_lines_are_one_run() -> None:
    """A row of headlines across the columns, OCR's blank lines between its rows: read by column."""
    rows = ["第一栏的正文在这里结束。 | 第二栏的正文在这里结束。", "",
            "第一篇的标题" + " " * 16 + "第二篇的标题", "",
            "第一篇的正文开头写在这里 | 第二篇的正文开头写在这里"]
    order = [(n, text) for n, text, col in reading_order(rows) if col >= 0]
    assert order == [(1, "第一栏的正文在这里结束。"), (2, ""), (3, "第一篇的标题"), (4, ""), (5, "第一篇的正文开头写在这里"),
                     (1, "第二栏的正文在这里结束。"), (2, ""), (3, "第二篇的标题"), (4, ""), (5, "第二篇的正文开头写在这里")]
    # inside a run, a row of short pieces (OCR's broken headline glyphs) is a row too
    short = [*rows[:2], "甲" + " " * 25 + "乙", "", rows[4]]
    assert [t for _, t, col in reading_order(short) if col == 1] == ["第二栏的正文在这里结束。", "", "乙", "", "第二篇的正文开头写在这里"]
    # near-miss: a lone line of prose after a blank line ends the run
    assert [n for n, _, col in reading_order([*rows[:2], "普通的一行正文，没有分栏。"]) if col == 0][-1] == 3


def test_pieces_of_one_line_in_one_column_keep_their_order() -> None:
    """Starts a few cells apart chain into one column; the pieces still read left to right."""
    rows = ["用”为核心理念，共汇集精选非遗文   首秀”，更是一场“立体讲述”，增", "纪    了    HL",
            "强了非遗的传播力和影响力之后   这是第二栏的下一行文字内容"]
    assert [t for _, t, col in reading_order(rows) if col == 0] == [
        "用”为核心理念，共汇集精选非遗文", "纪", "了", "HL", "强了非遗的传播力和影响力之后"]


def test_a_letter_spaced_headline_line_is_full_width_not_a_kicker() -> None:
    """A justified headline line ("总 台 2024 年") is as wide as the next; near-miss: a narrow one is cut."""
    after = ["中央广播电视总台", "2024年“3·15”晚会今", "晚（3月15日）20时在", "央视财经频道播出。"]
    spaced = kinds("\n".join(["多很好的意见建议。", "（据香港商报）", "总 台 2024 年", "“3·15”晚会今晚播", "出", *after]))
    assert [t for k, t in spaced if k == "heading"] == ["总 台 2024 年“3·15”晚会今晚播出"]
    narrow = kinds("\n".join(["多很好的意见建议。", "（据香港商报）", "总台新闻", "“3·15”晚会今晚播", "出", *after]))
    assert [t for k, t in narrow if k == "heading"] == ["总台新闻", "“3·15”晚会今晚播出"]


def test_ocr_lost_a_paragraphs_last_line_the_indented_line_after_the_blank_starts_the_next() -> None:
    """OCR dropped "景。": a full unfinished line, a blank line, then an indented first line."""
    lines = ["七位新闻发言人介绍说，连", "日来，大家认真学习党的二十大", "期待，擘画了伟大复兴的光明前", "",
             "大数据、大生态是贵州的两", "大名片，贵州代表团新闻发言人", "表示，迈上新征程，他们将持续", "赋能增效。"]
    assert [k for k, _ in kinds("\n".join(lines))] == ["paragraph", "paragraph"]
    # near-miss: the column goes on with a full line
    lines[4] = "大数据、大生态是贵州的两大名"
    assert [k for k, _ in kinds("\n".join(lines))] == ["paragraph"]
    # near-miss: a short line that closes a quote the line before the blank opened
    # (and a headline's quotes close within it: this short line is no headline either)
    quoted = ["以环保和人文历史为主，旨在为大", "家呈现西乡的人文历史以及田园", "风貌，希望更多人参与和传播。", "",
              "记者还了解到，“喜阅西乡", "", "悦”读非遗西乡历史文化", "展”也同步在分会场宝安图书馆",
              "西乡街道分馆开展，重点为观众", "普及传统文化，讲好西乡故事。"]
    blocks = kinds("\n".join(quoted))
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"] and "“喜阅西乡悦”读非遗" in blocks[1][1]


def test_ocr_column_tops_printed_one_by_one_head_their_columns() -> None:
    """Tesseract read the top row apart: k lines, each after a blank line, over k columns side by side."""
    rows = ["这场展览以保护传承活化利", "", "走向市民生活这不仅是一次", "",
            "用为核心理念共汇集精选非遗文 | 首秀更是一场立体讲述增强非遗",
            "献62册非遗作品117件涵盖宝 | 在现代社会的生命力为强化非遗"]
    order = [(n, t, col) for n, t, col in reading_order(rows) if col >= 0]
    assert order == [(1, "这场展览以保护传承活化利", 0), (5, "用为核心理念共汇集精选非遗文", 0),
                     (6, "献62册非遗作品117件涵盖宝", 0), (3, "走向市民生活这不仅是一次", 1),
                     (5, "首秀更是一场立体讲述增强非遗", 1), (6, "在现代社会的生命力为强化非遗", 1)]
    # near-miss: a line that ends its sentence is no column top
    rows[0] = "这场展览以保护传承活化。"
    assert [n for n, _, col in reading_order(rows) if col >= 0][:2] == [1, 2]


def test_a_row_whose_pieces_start_where_no_column_does_ends_the_run() -> None:
    """Under the columns, a row of headlines set elsewhere is another layout, read on its own."""
    rows = ["第一栏的正文第一行内容 | 第二栏的正文第一行内容", "第一栏的正文第二行内容 | 第二栏的正文第二行内容",
            "西乡北帝三月三精彩" + " " * 14 + "在希望的田野上" + " " * 4 + "全国秋粮收获过半"]
    order = [(n, col) for n, _, col in reading_order(rows) if col >= 0]
    assert order == [(1, 0), (2, 0), (1, 1), (2, 1), (3, 0)]  # the row after both columns, not inside them
    # near-miss: rows of scattered headline pieces set no grid, so a third row does not end them
    scattered = ["西乡北帝三月三精彩不断" + " " * 6 + "动态" + " " * 12 + "在希望的田野上",
                 "了" + " " * 5 + "纪" + " " * 30 + "HL",
                 "西乡历史文化展游人如织 | 西部陆海新通道铁海联运 | 全国秋粮收获过半"]
    assert {n for n, _, col in reading_order(scattered) if col > 0} == {1, 2, 3}


def test_blocks_come_out_in_reading_order_when_columns_are_read_one_after_the_other() -> None:
    """Each column's credit follows its own text, not the other column's (sorting by line number did)."""
    rows = ["正文第一行写在这里的内容 | 另一篇的正文第一行内容", "正文第二行写到这里结束。 | 另一篇正文第二行结束了。",
            "（据新华社）" + " " * 12 + " | （据央视网）"]  # OCR pads a short piece to its column
    texts = [t for k, t in kinds("\n".join(rows)) if k != "noise"]
    assert texts[:2] == ["正文第一行写在这里的内容正文第二行写到这里结束。", "（据新华社）"]
    assert "".join(texts[2:]) == "另一篇的正文第一行内容另一篇正文第二行结束了。（据央视网）"


def test_column_tops_near_misses() -> None:
    """A page break between the lines, or lines much narrower than the columns (a headline, a
    byline), are no column tops: the run below is read alone and they keep their place."""
    row = "第一栏正文继续写下去的内容，还有很多   第二栏正文继续写下去的内容，还有很多"
    paged = ["这是第一栏顶部的一行文字", "\f", "这是第二栏顶部的一行文字", "", row, row]
    lines = read_lines("\n".join(paged), False)
    assert [ln.page for ln in lines if ln.text.startswith("这是")] == [1, 2]
    titled = ["社会工作助力民政事业", "", "本报记者 张三", "",
              "　　今年以来，我市持续推进社会工作体系    社会工作站已覆盖全部乡镇街道，服务群众",
              "建设，取得了一系列阶段性的显著成果。      超过十万人次，得到了广泛的认可和好评。"]
    assert [t for _, t, _ in reading_order(titled)][:2] == ["社会工作助力民政事业", ""]
    assert not any("张三" in t and "成果" in t for _, t in kinds("\n".join(titled)))


def test_a_credit_split_off_a_paragraph_read_across_columns_comes_after_it() -> None:
    rows = ["第一栏正文第一行的内容写在这里   第二栏正文第一行的内容写在这里",
            "第一栏正文第二行的内容写在这里   第二栏正文第二行的内容写在这里",
            "**                               ##",
            "第一栏正文第四行的内容写在这里   第二栏第四行结束了。（据新华社）"]
    assert [k for k, _ in kinds("\n".join(rows))][-1] == "credit"
