"""Paragraphs (``normalize.layout.paragraphs``): where one ends, before a line or after one."""

from __future__ import annotations

import re

import pytest
from helpers import INDENT, NEW_PAGE, ROW, assert_decision, hit, kinds, miss, page

from normalize.layout import build_blocks
from normalize.layout.paragraphs import Break

BODY = [
    "为深入推进社会工作协同",
    "发展，促进三地社工站建设专",
    "业化水平不断提升，近日在武",
    "清区举办研讨会。",
]


# "他说…进展" / "。 下一段…": the mark pushed down, then an inline paragraph break
PUSHED_THEN_INLINE = [
    "他说这件事还没有结束，因为后续",
    "的工作还要继续做下去，大家都",
    "很关心这件事情的进展",
    "。 下一段从这里开始写起，一直",
    "写到这里就结束了。",
]
# Two paragraphs, each a sentence ending on a line as wide as the column
FULL_ENDS = [
    "第一页的段落写到这里，一直",
    "写到这里就结束了，写完了。",
]
NEXT_FULL_ENDS = [
    "第二篇文章从这里开始，大家",
    "都来看一看这篇文章的开头。",
]
# "…明确" / "" / "，…": OCR's blank line between the lines of one sentence
SENTENCE_ENDS_THEN_BLANK = [
    "第一段从这里开始写起，一",
    "直写到这里就结束了。",
    "",
    "第二段从这里开始写起，一",
    "直写到这里结束。",
]
# A paragraph cut off by a headline of another story, set between blank lines
INTERRUPTED = [
    "他说这件事还没有结束，因为后",
    "续的工作还要继续，大家都",
    "",
    "新的标题在这里",
    "",
    "新的正文从这里开始",
    "写起，一直写到这里结束",
    "为止，大家都很满意。",
]
LOST_LAST_LINE = [
    "七位新闻发言人介绍说，连",
    "日来，大家认真学习党的二十大",
    "期待，擘画了伟大复兴的光明前",
    "",
]
# A story's first paragraph in a 12 em column, its last line full and ending its sentence.
FULL_THEN_INDENT = ["（据新华社）", "社会工作论坛举办", "近日，新疆维吾尔自治区", "民政厅联合新疆大学举办社会", "工作论坛，围绕如何加快打造",
                    "内陆省份改革开放高地交流。"]
# A 14 em column (held-out seed 67): a paragraph's first line, indented two em, holds twelve characters and its
# comma, set half-width.
SQUEEZED_COMMA = [
    "已近8成，1860万亩晚稻中的早", "熟品种已经开镰。各地共投入收", "割机、烘干机11.16万台套，及时", "收获中晚稻。", "山东省6600多万亩秋粮目前",
    "已收获过半，在玉米种植大县阳", "信县，当地借助肉牛产业优势，", "推行“种养结合”", "。把玉米秸秆转", "化成青贮饲料后，运往当地136家",
    "规模化肉牛养殖厂销售，实现养", "殖户降本和种粮户增效的双赢。", "用好盐碱地等后备耕地资源，", "事关国家粮食安全。在江苏省射",
    "阳县的沿海滩涂，退渔复垦后首", "次种植的4600亩水稻喜获丰收。",
]
SENTENCE_ENDS_FULL = [
    "为深入推进社会工作协同发",
    "展，促进三地社工站建设专",
    "业化水平不断地得到提升。",
]
COLON_HEADLINE = [
    "中科战略伙伴关系取得新进展。",
    "机遇与合作：",
    "“通武廊”社会工作再携手",
]


def printed_as_runs(paragraphs: list[str], width: int) -> list[str]:
    """The paragraphs set in a column ``width`` em wide (each first line two em in), then cut as
    ``pdftotext -raw`` cuts a typesetter's PDF that sets each mark in a run of its own: after every
    mark, and at each printed line's end."""
    out = []
    for text in paragraphs:
        room = width - 2
        while text:
            out += [piece for piece in re.split("(?<=[，、。：；！？”])", text[:room]) if piece]
            text, room = text[room:], width
    return out


# Two paragraphs, cut into runs: the first sentence ends inside its printed line and the paragraph
# goes on along it (line 4); the paragraph's last line stops short (line 11)
RUNS = printed_as_runs([
    "社区今天上午举行了义诊，吸引了老人，大家都来参加。老人们纷纷说，活动办得好，希望以后，多多举办，大家欢迎。",
    "据了解，义诊由社区卫生服务中心，组织，共有医生十二名，护士八名，参加了这次活动，受到好评。",
], 16)
# Runs of a paragraph whose first sentence ends two em into its second printed line (line 2): as many em
# as a paragraph's last line of two characters and the next one's indent, so it goes on; the run after
# it is as wide as an indented line (line 3)
TIE = [*printed_as_runs(["社区今天举行成立三周年的纪念日。三年来社区在快速发展的同时，不忘回报社会去年就向全县送了爱心伞，"
                         "和雨披，等物品，今年又，捐赠了，图书。"], 16), *RUNS]


def seen(verdict: Break) -> str:
    """A break as a row writes it: "open" where the paragraph is left open, else "break"."""
    return "open" if verdict.open else "break"


# Before text line i, with a paragraph open: "break" (it ends here), "open" (it ends here and goes
# on elsewhere), no verdict (it goes on).
BREAK_BEFORE = [
    # the mark pushed to the next line is cut off by the inline break (see the xfail below)
    hit("inline_break", 4, "break", PUSHED_THEN_INLINE),
    miss("inline_break", 4, None, [
        *PUSHED_THEN_INLINE[:3],
        "。下一段从这里开始写起，一直",
        PUSHED_THEN_INLINE[4],
    ]),
    hit("page_or_jump_gap", 3, "break", [
        *FULL_ENDS,
        NEW_PAGE + NEXT_FULL_ENDS[0],
        NEXT_FULL_ENDS[1],
    ]),
    miss("page_or_jump_gap", 3, None, [*FULL_ENDS, *NEXT_FULL_ENDS]),
    hit("headline_inside", 4, "open", INTERRUPTED),
    # a comma: no headline, but a paragraph of its own
    miss("headline_inside", 4, ("blank_then_indent", "break"), [
        *INTERRUPTED[:3],
        "新的标题在这里，",
        *INTERRUPTED[4:],
    ]),
    # OCR dropped "景。", the paragraph's last line: the next is indented after a blank
    hit("blank_then_indent", 5, "break", [
        *LOST_LAST_LINE,
        "大数据、大生态是贵州的两",
        "大名片，贵州代表团新闻发言人",
        "表示，迈上新征程，他们将持续",
        "赋能增效。",
    ]),
    # a quote the paragraph opened closes in the line after the blank: it goes on
    miss("blank_then_indent", 5, None, [
        "七位新闻发言人介绍说，连",
        "日来，大家认真学习党的二十大",
        "期待，擘画了“伟大复兴的光明前",
        "",
        "大数据、大生态是贵州的两",
        "大名片”，贵州代表团新闻发言人",
        "表示，迈上新征程，他们将持续",
        "赋能增效。",
    ]),
    # the column goes on with a full line
    miss("blank_then_indent", 5, None, [
        *LOST_LAST_LINE,
        "大数据、大生态是贵州的两大名",
        "大名片，贵州代表团新闻发言人",
        "表示，迈上新征程，他们将持续",
        "赋能增效。",
    ]),
    # near miss: a short run after a sentence's end, on a page cut into runs, is no indent
    miss("indent_after_end", 3, None, TIE),
    hit("indent_after_end", 4, "break", [
        *SENTENCE_ENDS_FULL,
        "近日在武清区举办了",
        "一场主题研讨会议活动，各",
        "方代表参加了这次会议。",
    ]),
    # a first line whose last comma was set half-width to fit after its indent (held-out seed 67, a 14 em column)
    hit("indent_after_end", 13, "break", SQUEEZED_COMMA),
    # near miss: the same line ending on a closing quote: no indent (lines with paired marks make a width a guess)
    miss("indent_after_end", 13, None, [line if not line.startswith("用好") else "用好盐碱地等后备耕地“资源”"
                                        for line in SQUEEZED_COMMA]),
    # near miss: a continuing line ending on a comma, short of the column because an opening quote came down from it
    miss("indent_after_end", 7, None, ["县里召开春耕生产工作会议", "", "近日，县农业农村局召开全县春", "耕生产工作会议，部署当前农业生产", "重点工作。会议要求各乡镇早谋划早", "安排，确保今年春耕生产顺利开展。", "会上，县农业农村局负责人表示，", "“今年全县粮食播种面积要稳定在三", "十万亩以上，各乡镇要把任务分解落", "实到村到户到田块。”会议还对农资", "供应等工作作了安排。"]),
    # near miss: a continuing line ending on a comma, short of the column because a number came down from it
    miss("indent_after_end", 7, None, ["县里召开春耕生产工作会议", "", "近日，县农业农村局召开全县春", "耕生产工作会议，部署当前农业生产", "重点工作。会议要求各乡镇早谋划早", "安排，确保今年春耕生产顺利开展。", "今年全县粮食播种面积稳中有增，", "32.5万亩，比上年增加1.2万亩，各", "乡镇要把任务分解落实到村到户到田", "块。会议还对农资供应作了安排。"]),
    # near miss: a continuing line ending on a comma, short of the column because a character came down with its 、
    miss("indent_after_end", 7, None, ["县里召开春耕生产工作会议", "", "近日，县农业农村局召开全县春", "耕生产工作会议，部署当前农业生产", "重点工作。会议要求各乡镇早谋划早", "安排，确保今年春耕生产顺利开展。", "今年县里将加快完善农村水、电、", "路、气等农村基础设施，同时各乡镇", "要把任务分解落实到村到户到田块，", "会议还对农资供应作了安排。"]),
    # near miss: a continuing line ending on a comma, short of the column because a full line over one with paired marks (”、“), counted wider than it prints
    miss("indent_after_end", 7, None, ["县里召开春耕生产工作会议", "", "近日，县农业农村局召开全县春", "耕生产工作会议，部署当前农业生产", "重点工作。会议要求各乡镇早谋划早", "安排，确保今年春耕生产顺利开展。", "会议要求各乡镇围绕全县农业生产，", "推进“高标准农田”、“美丽乡村”建", "设，把任务分解落实到村到户到田块", "会议还对农资供应作了安排。"]),
    miss("indent_after_end", 4, None, [
        *SENTENCE_ENDS_FULL,
        "近日在武清区举办了一场主",
        "题研讨会议活动，各方代表",
        "都参加了这次会议。",
    ]),
    # a line set in two em from the full line above, where its sentence ended; below it only the paragraph's short
    # last line and a credit (ReportLab seed 107's 七位新闻发言人还就创新驱动、乡村振兴等话题回)
    hit("indent_under_full_line", 7, "break", [*FULL_THEN_INDENT, "七位发言人还就创新驱", "动等话题答问。", "（据央视网）"]),
    # near misses: the line ends its sentence (a paragraph's last line); digits make its width a guess
    miss("indent_under_full_line", 7, None, [*FULL_THEN_INDENT, "七位发言人还就创新。", "动等话题答问。", "（据央视网）"]),
    miss("indent_under_full_line", 7, None, [*FULL_THEN_INDENT, "七位发言人于2024年", "动等话题答问。", "（据央视网）"]),
    # ... and a page whose lines are cut at random, where a line's width is no printed line's
    miss("indent_under_full_line", 8, None, [
        "县民政局开展专项检查", "", "近日，", "县民政局组织开展了专", "项检查。", "检查组深入各乡镇敬老院。", "逐一查看了厨房、宿舍等。",
        "重点检查了消防安全和", "食品安全等方面，", "并", "现场反馈了问题。", "据了解，", "此次检查共发现隐患", "十二处，", "已全部",
        "整改到位。"]),
    # a numbered subhead after a sentence's end: a paragraph of its own, ending with it
    hit("subhead_after_end", 4, "break", [
        *SENTENCE_ENDS_FULL,
        "一、加强组织领导",
        "近日在武清区举办了一场主",
        "题研讨会议活动，各方代表",
        "都参加了这次会议。",
    ]),
    # near miss: the numbered line holds a sentence and goes on (a paragraph that opens with its number)
    miss("subhead_after_end", 4, None, [
        *SENTENCE_ENDS_FULL,
        "一、加强组织领导。近日在",
        "武清区举办了一场主题研讨",
        "会议，各方代表参加了会议。",
    ]),
    hit("headline_after_full_line", 2, "break", [
        *COLON_HEADLINE,
        "为深入推进“通武廊”社会工作协同",
        "发展，促进三地社工站建设专业化水平不",
        "断提升，近日，由天津市武清区民政局主",
        "办，武清区社会工作服务站承办。",
    ]),
    # the body under it is not indented: the headline does not prove itself
    miss("headline_after_full_line", 2, None, [
        *COLON_HEADLINE,
        "为深入推进“通武廊”社会工作协同发展，促进",
        "三地社工站建设专业化水平不断提升，近日，由",
        "天津市武清区民政局主办，武清区社会工作服务",
        "站承办。",
    ]),
]


@pytest.mark.parametrize(ROW, BREAK_BEFORE)
def test_break_before(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    assert_decision("break_before", rule, lines, at, verdict, is_hit, seen_as=seen)


# Runs of a story, then a sentence ending inside its printed line under which a headline stands:
# the next known edge is in the next story
RUNS_THEN_HEADLINE = [
    *printed_as_runs(["据了解，这次义诊由社区卫生服务中心组织开展并邀请了市里的专家前来坐诊，共有，医生，十二名，"
                      "护士，八名，参加，这次活动受到了社区居民和老人们的一致好评，大家，都说好。"], 16),
    *RUNS[:4],
    "社区义诊活动受到欢迎",
    *printed_as_runs(["本报讯今天上午社区举行义诊，吸引老人，大家都来参加。老人们纷纷说，活动办得好，希望以后多办。"], 16),
]


# After text line i, which ended a sentence or a credit: True, the paragraph ends with it.
LEAD_HEAD = ["在希望的田野上", "全国秋粮收获过半"]
LEAD_COLUMN = ["在黑龙江北大荒集团五", "九七农场，大型收获机械", "正在进行联合收割作业。", "今年，农场在更换先进机"]
ENDS_AFTER = [
    hit("last_text_line", 4, True, [
        "标题在这里",
        "",
        " 这是第一段的开头，",
        "这是第一段的结尾。",
        "（据新华社）",
    ]),
    miss("last_text_line", 4, ("blank_break_after", True), [
        "标题在这里",
        "",
        " 这是第一段的开头，",
        "这是第一段的结尾。",
        "",
        " 第二段从这里开始，",
        "第二段写到这里结束了。",
    ]),
    hit("inline_break_after", 2, True, [
        "据测算，最高亩产可达",
        "600公斤。 眼下，内蒙古的油",
        "莎豆也迎来丰收。",
    ]),
    # a gap before the quote's closing mark is OCR's, inside the sentence
    miss("inline_break_after", 2, None, [
        "不耐烦地说：“自己回家，我没",
        "时间。 ”",
        "那场雨是今年最大的一场雨。",
    ]),
    # the document spaces after every mark: "。 " is no indent
    miss("inline_break_after", 2, None, [
        "据测算， 最高亩产可达",
        "600公斤。 眼下， 内蒙古的油",
        "莎豆也迎来丰收。",
    ]),
    hit("credit_closes", 3, True, [
        "新闻发言人介绍了有关",
        "的情况和下一步的工作安",
        "排。（中国新闻网）",
        "下一篇的正文从这里开始写",
        "起，一直写到这里结束。",
    ]),
    # a bracket inside the sentence names no source
    miss("credit_closes", 3, None, [
        "新闻发言人介绍了有关",
        "的情况和下一步的工作安",
        "排（详见中国新闻网）。",
        "下一篇的正文从这里开始写",
        "起，一直写到这里结束。",
    ]),
    hit("blank_break_after", 2, True, SENTENCE_ENDS_THEN_BLANK),
    miss("blank_break_after", 2, None, [
        "第一段从这里开始写起，一",
        "直写到这里就结束了，好",
        "",
        "第二段从这里开始写起，一",
        "直写到这里结束。",
    ]),
    hit("printed_line_ends", 4, False, RUNS),
    hit("printed_line_ends", 11, True, RUNS),
    hit("printed_line_ends", 2, False, TIE),
    # the same text as printed lines: widths, not runs, tell
    miss("printed_line_ends", 4, None, [
        "社区今天上午举行了义诊，吸",
        "引了老人，大家都来参加。老人们纷",
        "纷说，活动办得好，希望以后，多多",
        "举办，大家欢迎。",
        "据了解，义诊由社区卫生服务中",
        "心，组织，共有医生十二名，护士八",
        "名，参加了这次活动，受到好评。",
    ]),
    miss("printed_line_ends", 19, ("short_last_line", True), RUNS_THEN_HEADLINE),
    hit("short_last_line", 4, True, [
        *BODY,
        "会上，三地民政局签订",
        "了框架协议，明确了合作原",
        "则和具体的工作安排内容。",
    ]),
    # the sentence ends on a full line: the paragraph may go on
    miss("short_last_line", 4, None, [
        *BODY[:3],
        "清区举办了一次研讨会议。",
        "会上，三地民政局签订",
        "了框架协议，明确了合作原",
        "则和具体的工作安排内容。",
    ]),
    # a lead set across the columns ends its sentence over the story's first column: a paragraph of its own
    hit("lead_across_columns", 3, True, [*LEAD_HEAD, "农业农村部最新农情调度显示，眼下全国秋粮收获过半，主产区已进入收获高峰。", *LEAD_COLUMN]),
    # near misses: the lead's sentence goes on into the column; lines of no one width under it (pdftotext's text
    # objects of one paragraph)
    miss("lead_across_columns", 3, None, [*LEAD_HEAD, "农业农村部最新农情调度显示，眼下全国秋粮收获过半，主产区已进入收获", *LEAD_COLUMN]),
    miss("lead_across_columns", 3, None, [*LEAD_HEAD, "体系改革提供了中国方案，也开创了我国对外开放的新格局。", "《新闻联播》从今天",
                                          "（10月3日）开始推出系列报道【共建“一带一路”", "·权威访谈】", "，结合各部门工作"]),
]


@pytest.mark.parametrize(ROW, ENDS_AFTER)
def test_ends_after(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    assert_decision("ends_after", rule, lines, at, verdict, is_hit)


@pytest.mark.xfail(strict=True, reason=(
    "lead_across_columns: a paragraph set wide that goes on into narrower lines (beside an inset), a sentence "
    "ending where its wide lines end, is cut there: the text alone does not tell it from a lead set across the "
    "columns over the story's first column"))
def test_a_paragraph_going_on_beside_an_inset_is_one_paragraph() -> None:
    blocks = kinds(page("全国秋粮收获过半", "", INDENT + "农业农村部最新农情调度显示，眼下全国秋粮收获已经过半，主产区", "已进入收获高峰期，各地抢抓晴好天气，机收进度明显加快。",
                        "截至目前全国秋粮已收获", "过半，其中东北地区进度", "较快，华北地区稳步推进", "各地农机手加班加点作业。"))
    assert [kind for kind, _ in blocks] == ["heading", "paragraph"]


@pytest.mark.xfail(strict=True, reason=(
    "an inline break right after a pushed mark makes the mark a line of its own, kind noise: the "
    "paragraph above loses its 。 to a noise block (read_lines rejoins a pushed mark only where "
    "no inline break cuts its line)"))
def test_a_mark_pushed_down_before_an_inline_break_stays_with_its_sentence() -> None:
    assert kinds(page(*PUSHED_THEN_INLINE)) == [
        ("paragraph", "他说这件事还没有结束，因为后续的工作还要继续做下去，大家都很关心这件事情的进展。"),
        ("paragraph", "下一段从这里开始写起，一直写到这里就结束了。"),
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


@pytest.mark.parametrize(("line", "credit"), [
    # OCR's 〈 and a space after the dateline: the reporters open the story, they close none
    ("本报讯 〈记者谢芳通讯员李淑华)", None),
    ("本报讯（记者 谢芳 通讯员 李淑华）", None),
    # near miss: the names after a brief's last sentence are its credit
    ("为做好儿童福利工作。 （陈佳 林松）", "（陈佳 林松）"),
    # and so is the office that signs a story there (a bulletin's closing bracket)
    ("为做好儿童福利工作。（县残疾人联合会）", "（县残疾人联合会）"),
    # OCR's 《 for （
    ("为做好儿童福利工作。《县残疾人联合会)", "《县残疾人联合会)"),
    # near misses: a book title, a note in brackets, and a bracket longer than an office's name
    ("为做好儿童福利工作。《新闻联播》", None),
    ("为做好儿童福利工作。（单位：万元）", None),
    ("为做好儿童福利工作。（这是一段很长很长的补充说明文字）", None),
])
def test_a_dateline_bracket_is_no_credit(line: str, credit: str | None) -> None:
    blocks = build_blocks(page("孤儿核查工作圆满完成", line, "为做好儿童福利工作，确保国家孤儿基本生活费发放制度顺利实施。"))
    assert [b["text"] for b in blocks if b["kind"] == "credit"] == ([credit] if credit else [])


def test_a_numbered_subhead_is_a_paragraph_of_its_own() -> None:
    """Between two paragraphs, ``一、加强组织领导`` neither opens the next paragraph nor closes the one before."""
    blocks = kinds(page("社会工作论坛举办", *SENTENCE_ENDS_FULL, "一、加强组织领导", "近日在武清区举办了一场主",
                        "题研讨会议活动，各方代表", "都参加了这次会议。"))
    assert [text for kind, text in blocks if kind == "paragraph"][-2:] == [
        "一、加强组织领导", "近日在武清区举办了一场主题研讨会议活动，各方代表都参加了这次会议。"]


@pytest.mark.parametrize(("second", "paragraphs"), [
    # OCR read the next sentence's opening quote as a closing one, a gap after it: one paragraph
    ("起了情人节后的结婚登记小高潮。” 这一天登记领证的", 1),
    # near miss: the quote the paragraph opened closes there, a paragraph's indent after it
    ("起了情人节后的“结婚登记小高潮。” 这一天登记领证的", 2),
])
def test_ocr_a_closing_quote_that_closes_nothing_before_a_gap_breaks_no_paragraph(second: str, paragraphs: int) -> None:
    """ReportLab seed 283 through tesseract: ``…小高潮。” 这一天…`` is ``…小高潮。“这一天…`` misread."""
    text = page("与此同时，我县好多新人赶在这一天登记结婚，掀", second, "新人有50多对，比平常多了一倍。”县民政局婚姻登记处",
                "的工作人员告诉记者。")
    assert [kind for kind, _ in kinds(text)] == ["paragraph"] * paragraphs


def test_a_page_cut_into_runs_keeps_its_paragraphs() -> None:
    """Each run its own line: the printed lines' known ends part the paragraphs, and a sentence that
    ends inside its printed line goes on (``…大家都来参加。`` / ``老人们纷纷``)."""
    paragraphs = [
        "社区今天上午举行了义诊，吸引了老人，大家都来参加。老人们纷纷说，活动办得好，希望以后，多多举办，大家欢迎。",
        "据了解，义诊由社区卫生服务中心，组织，共有医生十二名，护士八名，参加了这次活动，受到好评。",
    ]
    blocks = build_blocks(page(*printed_as_runs(paragraphs, 16)))
    assert [b["text"] for b in blocks if b["kind"] == "paragraph"] == paragraphs


@pytest.mark.parametrize("story, credit", [
    # the story names 中国社会工作联合会 in its text: the line under the open credit is the rest of that name
    ("也是中国社会工作联合会的品牌项目，新的协议", "(据中国社会工作联合会"),
    # near miss: a story that never names it: the line stays apart (a short title of the next story, perhaps)
    ("也是国家能源集团的品牌项目，新的捐赠协议", "(据中国"),
])
def test_a_credit_ocr_left_open_takes_the_rest_of_a_name_the_story_prints(story: str, credit: str) -> None:
    """OCR lost the credit's closing bracket (held-out seed 59): ``…合作。 (据中国`` / ``社会工作联合会`` / blank /
    the next story's title. The name cut at a word's end proves nothing by the dictionary; the story printing it
    whole does."""
    got = kinds(page("儿童社会救助工作委员会举行换届大会", "", INDENT + "会上，双方签署了协议。“爱心行动”项目", story,
                     "的签署标志着合作进入新阶段。 (据中国", "社会工作联合会", "", "我国西部多地今夜起将出现雨", "雪天气", "",
                     INDENT + "中央气象台预计，今天夜间起，西北、西南部", "分地区将出现雨雪天气。"))
    assert ("credit", credit) in got


def test_a_credit_left_open_does_not_take_the_next_title_its_lead_repeats() -> None:
    """Near miss of the above: the line under ``(县残联`` is the next story's title, which that story's lead repeats
    below; only text above the credit, the story it signs, can name its office."""
    got = kinds(page("峰，错峰用电，特别是避开高峰", "期使用电热水器、洗衣机、空调", "等耗电量大的家用电器。 (县残联", "助残日活动启动", "",
                     INDENT + "5月19日，县残联助残日活动启动", "仪式在城南广场举行，来自全县的", "残疾人代表参加了启动仪式。",
                     "(据深圳晚报)"))
    assert ("credit", "(县残联") in got and ("heading", "助残日活动启动") in got
