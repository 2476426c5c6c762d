"""The layout from geometry (``normalize.layout.boxed``): lines with boxes and type sizes, as the
loader reads them from a PDF or an OCR file. Pages are set here line by line: each row a text,
where it starts, how high, its type size and its reading-order region."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import assert_row, hit, miss, verdicts

from normalize.layout import build_blocks

PAGE = (595.0, 842.0)  # A4 in points
BODY = 9.0  # the body type


def width(text: str, size: float) -> float:
    """Printed width: a Han character or full-width mark one em, an ASCII glyph about half."""
    return sum(size * (0.55 if ord(c) < 128 else 1.0) for c in text)


def typeset(*rows: tuple[Any, ...], rules: tuple[tuple[float, ...], ...] = (),
            images: tuple[tuple[float, ...], ...] = ()) -> tuple[str, dict[str, Any]]:
    """The text and layout of a one-page document: each row ``(text, x0, top, size, region)``,
    optionally ``x1``; ``rules`` and ``images`` as (x0, top, x1, bottom) boxes."""
    lines, boxes = [], []
    for text, x0, top, size, block, *x1 in rows:
        lines.append(text)
        boxes.append([1, x0, top, x1[0] if x1 else x0 + width(text, size), top + size, size, block, 0])
    layout = {"unit": "pt", "pages": [list(PAGE)], "lines": boxes, "fonts": [""],
              "rules": [[1, *r] for r in rules], "images": [[1, *r] for r in images]}
    return "\n".join(lines), layout


def column(texts: list[str], *, x0: float = 40.0, top: float = 100.0, size: float = BODY, block: int = 1,
           indent: tuple[int, ...] = (0,), right: float | None = None) -> list[tuple[Any, ...]]:
    """Rows of a justified column: every line to ``right`` (the first line's end, by default)
    but a paragraph's last (a sentence end) and the indented lines (``indent``: their numbers)."""
    right = right or x0 + width(texts[0], size) + (2 * size if 0 in indent else 0)
    rows = []
    for k, text in enumerate(texts):
        start = x0 + (2 * size if k in indent else 0)
        end = start + width(text, size) if text.endswith(("。", "”")) else right
        rows.append((text, start, top + k * 1.6 * size, size, block, end))
    return rows


HEAD = ("民生周刊", 40.0, 30.0, 15.0, 0)
DATE = ("2024年7月29日 星期一", 260.0, 34.0, BODY, 0)
TITLE = ("社会工作助力新疆民政事业", 40.0, 70.0, 20.0, 1)
PARAGRAPHS = column([
    "为进一步夯实社会工作理论基础，",
    "加强社会工作理论研究，促进政校",
    "合作，近日举办论坛。",
    "与会代表围绕社会工作助力民政",
    "事业发展进行了交流讨论，大家",
    "一致认为论坛开得很成功。",
], top=100.0, indent=(0, 3))
PARAGRAPHS_TEXT = [r[0] for r in PARAGRAPHS]
# A story's column ten characters wide, and where a line under its last stands.
NARROW = column(["近日，县里举办了", "技能培训班，共有一百", "多名学员参加了培训，", "大家都很满意。"], top=100.0, indent=(0,))
NARROW_FOOT = 100.0 + 4 * 1.6 * BODY


def check(family: str, rule: str, rows: tuple[Any, ...], at: int, verdict: Any, is_hit: bool) -> None:
    text, layout = rows
    assert_row(verdicts(text, family, at, layout), rule, at, verdict, is_hit)


# Where a line stands: furniture by its place on the page.
BOX_FURNITURE = [
    # the paper's name and the date side by side over the page, a clear space below them
    hit("running_band", 1, "furniture", typeset(HEAD, DATE, TITLE, *PARAGRAPHS)),
    # near miss: a title alone at the top of a clipped article stays a title
    miss("running_band", 1, None, typeset(("社会工作助力新疆民政事业", 40.0, 30.0, 20.0, 1), *PARAGRAPHS)),
    # the paper's and the section's names side by side at its foot, a clear space above them
    hit("running_band", 8, "furniture", typeset(TITLE, *PARAGRAPHS, ("民生周刊", 40.0, 800.0, 8.0, 3),
                                                ("社区服务", 480.0, 800.0, 8.0, 4))),
    # near miss: a short story's columns side by side at the page's foot, under its headline: they hold sentences
    miss("running_band", 10, None, typeset(TITLE, *PARAGRAPHS, ("德国多个机场安保人员罢工", 166.0, 721.0, 22.0, 3),
                                           ("14日，德国服务业联合工", 40.0, 757.0, BODY, 4),
                                           ("会组织安保人员罢工。", 40.0, 771.0, BODY, 4),
                                           ("罢工导致当天超过580", 169.0, 757.0, BODY, 5),
                                           ("架次航班被取消。", 169.0, 771.0, BODY, 5))),
    hit("photo_credit", 8, "noise", typeset(TITLE, *PARAGRAPHS, ("陈维连/摄", 330.0, 250.0, 7.0, 2),
                                            images=((320.0, 100.0, 500.0, 262.0),))),
    # an office signing the story, set flush right under its last sentence
    hit("right_set_credit", 8, "credit", typeset(TITLE, *PARAGRAPHS, ("东城区民政局", 139.0, 186.4, BODY, 1, 193.0))),
    # near miss: a paragraph's last line starts at the column's edge
    miss("right_set_credit", 8, None, typeset(TITLE, *PARAGRAPHS, ("大家都很满意。", 40.0, 186.4, BODY, 1))),
    # set right to the frame, an em past the lines' ends, which an unjustified column's lines stop short of
    hit("right_set_credit", 8, "credit", typeset(TITLE, *PARAGRAPHS, ("东城区民政局", 148.0, 186.4, BODY, 1, 202.0))),
    # near miss: three em past them, out in the gutter
    miss("right_set_credit", 8, None, typeset(TITLE, *PARAGRAPHS, ("东城区民政局", 166.0, 186.4, BODY, 1, 220.0))),
    # in a column ten characters wide, three em in: past a paragraph's indent
    hit("right_set_credit", 6, "credit", typeset(TITLE, *NARROW, ("县残疾人联合会", 40.0 + 3 * BODY, NARROW_FOOT, BODY, 1,
                                                                 40.0 + 10 * BODY))),
    # near miss: a line of eight characters from a paragraph's indent to the column's edge
    miss("right_set_credit", 6, None, typeset(TITLE, *NARROW, ("县残联理事长介绍", 40.0 + 2 * BODY, NARROW_FOOT, BODY, 1,
                                                               40.0 + 10 * BODY))),
    # near miss: in a column eight characters wide, a paragraph's indented first line, full, with no comma
    miss("right_set_credit", 5, None, typeset(TITLE, *column(["县里举办技", "能培训班，共有", "百人参加。", "大家都很满",
                                                              "意，收获很大。"], indent=(0, 3)))),
    # the office a story is by, centred under its headline in body type
    hit("centred_byline", 2, "byline", typeset(TITLE, ("东城区民政局", 89.5, 93.0, BODY, 1), *column(
        PARAGRAPHS_TEXT, top=110.0, indent=(0, 3)))),
    # near miss: a line under the headline from the column's indent is the body's
    miss("centred_byline", 2, None, typeset(TITLE, ("东城区民政局", 58.0, 93.0, BODY, 1), *column(
        PARAGRAPHS_TEXT, top=110.0, indent=(0, 3)))),
    # near miss: a photo story's headline printed over its photo, in display type
    miss("photo_credit", 8, None, typeset(TITLE, *PARAGRAPHS, ("科普宣传上街", 330.0, 240.0, 16.0, 2),
                                          images=((320.0, 100.0, 500.0, 262.0),))),
    # an OCR layer's reading of an ornament after a story: a letter in small type
    hit("small_debris", 8, "noise", typeset(TITLE, *PARAGRAPHS, ("l", 60.0, 200.0, 4.0, 2))),
    # near miss: the same letter in body type is no ornament's
    miss("small_debris", 8, None, typeset(TITLE, *PARAGRAPHS, ("l", 60.0, 200.0, BODY, 2))),
]

# Is a run of lines in display type a headline, or prose set large?
LEAD = column([
    "“原来三月三是为了庆祝北帝诞辰，祈求这位水神保佑我们",
    "风调雨顺、驱邪避灾，难怪每年这天宝安人都要举行舞龙醒",
    "狮等盛大庆典！”宝安区图书馆一楼南大厅的展览正式开幕。",
], top=100.0, size=10.4, block=2)
BODY_BELOW = column([r[0] for r in PARAGRAPHS] * 3, top=300.0, block=3, indent=(0, 3, 6, 9, 12, 15))
# A paragraph's first character set three lines high, its first lines beside it
DROP_CAP = (("有", 40.0, 100.0, 27.0, 1), *column(["个年轻人去庙里问高", "僧：求大师指点迷津，"], x0=70.0, top=100.0, indent=()),
            *column(["为什么我老是觉得自己很痛苦，", "高僧笑而不答，倒满白开水。"], top=128.8, indent=(), right=196.0))
DISPLAY_RUN = [
    hit("drop_cap", 2, "prose", typeset(TITLE, *DROP_CAP)),
    # near miss: a one-character headline over its body, nothing beside it
    miss("drop_cap", 2, ("headline_run", "heading"), typeset(TITLE, ("有", 40.0, 100.0, 27.0, 1), *column(
        ["个年轻人去庙里问高僧：求大师指", "点迷津，为什么我老是觉得痛苦。"], top=140.0, indent=()))),
    hit("headline_run", 1, "heading", typeset(TITLE, *PARAGRAPHS)),
    miss("headline_run", 2, ("sentences_inside", "prose"), typeset(TITLE, *LEAD, *BODY_BELOW)),
    hit("sentences_inside", 2, "prose", typeset(TITLE, *LEAD, *BODY_BELOW)),
    miss("sentences_inside", 1, ("headline_run", "heading"), typeset(TITLE, *PARAGRAPHS)),
    hit("many_lines", 2, "prose", typeset(TITLE, *column(
        ["一行", "二行", "三行", "四行", "五行", "六行", "七行"], top=100.0, size=12.0, block=2, indent=()), *BODY_BELOW)),
    miss("many_lines", 2, ("headline_run", "heading"), typeset(TITLE, *column(
        ["一行", "二行"], top=100.0, size=12.0, block=2, indent=()), *BODY_BELOW)),
]

# A paragraph's lines: does a new paragraph start at line i?
NEXT_COLUMN = column(["加强社会工作理论研究，促进政校", "合作，近日举办论坛。"], x0=300.0, top=100.0, block=2,
                     indent=())


def brief(third: str) -> tuple[str, dict[str, Any]]:
    """A brief whose second line stops short, the third line starting with ``third``."""
    right = 40.0 + 15 * BODY
    return typeset(TITLE, ("记者从国家邮政局获悉，今年1—", 58.0, 100.0, BODY, 1, right),
                   ("2月中国快递发展指数同比提升", 40.0, 114.4, BODY, 1),
                   (third, 40.0, 128.8, BODY, 1, right),
                   ("增速约为23.7%，快递业实现良好开", 40.0, 143.2, BODY, 1, right),
                   ("局，市场规模快速增长。", 40.0, 157.6, BODY, 1))


# a column whose first line a typesetter ended a character short (its digits counted as whole characters), in the
# middle of its sentence; the other lines that go on reach the edge
RAGGED = [("昨天（10月19日）晚上，二十大", 58.0, 100.0, BODY, 1, 190.0),
          *[(text, 40.0, 114.4 + 14.4 * k, BODY, 1, 200.0) for k, text in enumerate([
              "新闻中心举行第四场集体采访。重庆、", "四川、贵州、云南、西藏、陕西、甘", "肃七个省区市代表团的新闻发言人介",
              "绍了各地的情况，大家认真学习党的", "二十大报告，一致认为报告提出的目", "标任务符合实际，催人奋进，振奋人",
              "心，各地将把学习成果转化为推动发", "展的强大动力，奋力谱写新篇章，以", "实际行动把党的二十大精神落到实处",
              "，推动经济社会高质量发展，不断增", "进民生福祉，让人民群众有更多获得"])],
          ("感。", 40.0, 272.8, BODY, 1)]

HANGING_ABOVE = [("14日，德国服务业", 374.8, 146.1, 9.5, 1, 450.1),
                 *[("联合工会组织德国多个", 355.8, 160.1 + 14.0 * k, 9.5, 1, 450.8) for k in range(11)],
                 ("工，要求提高员工待遇。", 355.8, 314.1, 9.5, 1, 460.3),  # its 。 hangs past the column's edge
                 ("罢工导致当天超过580", 355.8, 328.1, 9.5, 1, 445.4)]  # 架 would not fit after 580
NEXT_COLUMN_ON = [("架次航班被取消，约9", 462.4, 146.1, 9.5, 2, 552.7), ("万名乘客的出行受到影", 462.4, 160.1, 9.5, 2, 557.4),
                  ("响。", 462.4, 174.1, 9.5, 2, 481.4)]

BOX_BREAK = [
    # the drop cap's paragraph goes on beside it
    hit("after_drop_cap", 3, False, typeset(TITLE, *DROP_CAP)),
    miss("after_drop_cap", 5, None, typeset(TITLE, *DROP_CAP)),
    # the number and its mark could not be broken and did not fit on the line above
    hit("word_came_down", 4, False, brief("26.7%。预计1—2月快递业务量同比")),
    # near miss: a number that would have fit
    miss("word_came_down", 4, None, brief("7件，预计1—2月快递业务量同比增")),
    # the column's last line goes on at the next column's top
    hit("column_turn", 4, False, typeset(TITLE, *column(
        ["为进一步夯实社会工作理论基础，", "与会代表围绕社会工作助力民政"], top=100.0), *NEXT_COLUMN)),
    miss("column_turn", 3, None, typeset(TITLE, *PARAGRAPHS)),  # (within one column)
    # modular seed 23: a mark hanging past the edge on the line above is no measure of the column's edge, so the
    # column's last line, a character short (half-width digits), goes on in the next column
    hit("column_turn", 16, False, typeset(TITLE, *HANGING_ABOVE, *NEXT_COLUMN_ON)),
    hit("indented_line", 5, True, typeset(TITLE, *PARAGRAPHS)),
    miss("indented_line", 3, None, typeset(TITLE, *PARAGRAPHS)),
    hit("after_short_line", 4, True, typeset(TITLE, *column([
        "为进一步夯实社会工作理论基础，", "合作，近日举办论坛。", "与会代表围绕社会工作助力民政", "事业发展进行了交流讨论。",
    ], top=100.0, indent=(0,)))),
    miss("after_short_line", 3, None, typeset(TITLE, *PARAGRAPHS)),
    # a question OCR closed with an ASCII ?: its paragraph ends there too
    hit("after_short_line", 3, True, typeset(TITLE, (RAGGED[0][0][:-3] + "你还爱我吗?”", *RAGGED[0][1:]), *RAGGED[1:])),
    # near miss: a line that a typesetter ended short (its digits counted as whole characters), ending no sentence
    miss("after_short_line", 3, None, typeset(TITLE, *RAGGED)),
    # nor one whose last characters came down with the marks that may not start a line (4 em short)
    miss("after_short_line", 3, None, typeset(TITLE, ("社会工作协同发展合作框架协议（2023年-2027", 40.0, 100.0, BODY, 1, 164.0),
                                              *RAGGED[1:])),
    # a subhead ends no sentence but stops far short: its own paragraph
    hit("after_short_line", 3, True, typeset(TITLE, ("一、加强组织领导", 40.0, 100.0, BODY, 1), *RAGGED[1:])),
    hit("size_changes", 5, True, typeset(TITLE, *LEAD, *column([r[0] for r in PARAGRAPHS] * 3, top=160.0, block=2,
                                                                  indent=(3, 6, 9, 12, 15)))),
    # near miss: a line of digits OCR set apart in size, inside a sentence
    miss("size_changes", 3, None, typeset(TITLE, *column(["我是在第二天发现的，他已经烧到"], top=100.0, indent=()),
                                           ("39.5℃。", 40.0, 114.4, 7.0, 1))),
]


@pytest.mark.parametrize(("rule", "lines", "at", "verdict", "is_hit"), BOX_FURNITURE)
def test_box_furniture(rule: str, lines: Any, at: int, verdict: Any, is_hit: bool) -> None:
    check("box_furniture", rule, lines, at, verdict, is_hit)


@pytest.mark.parametrize(("rule", "lines", "at", "verdict", "is_hit"), DISPLAY_RUN)
def test_display_run(rule: str, lines: Any, at: int, verdict: Any, is_hit: bool) -> None:
    check("display_run", rule, lines, at, verdict, is_hit)


@pytest.mark.parametrize(("rule", "lines", "at", "verdict", "is_hit"), BOX_BREAK)
def test_box_break(rule: str, lines: Any, at: int, verdict: Any, is_hit: bool) -> None:
    check("box_break", rule, lines, at, verdict, is_hit)


def roles(*rows: Any, **graphics: Any) -> list[tuple[str, str | None, str]]:
    text, layout = typeset(*rows, **graphics)
    return [(b["kind"], b.get("role"), b["text"]) for b in build_blocks(text, layout)]


def test_a_kicker_in_smaller_type_above_the_title_and_a_subtitle_below() -> None:
    kicker = ("在希望的田野上", 40.0, 50.0, 9.5, 1)
    sub = ("——来自主产区的报道", 40.0, 96.0, 12.0, 1)
    got = roles(kicker, TITLE, sub, *column(PARAGRAPHS_TEXT, top=116.0, block=2, indent=(0,)))
    assert got[:3] == [("heading", "kicker", "在希望的田野上"), ("heading", "title", TITLE[0]),
                       ("heading", "subtitle", "——来自主产区的报道")]



@pytest.mark.parametrize(("row", "role"), [
    # held-out seed 37: a kicker in body type, alone in its region at the page's top, at the title's left edge
    (("共建“一带一路”·权威访谈", 40.0, 56.0, BODY, 3), "kicker"),
    # near misses: an office's name set right (the story before's credit), and a line that ends a sentence
    (("街道社工站", 200.0, 56.0, BODY, 3), None),
    (("论坛取得了圆满成功。", 40.0, 56.0, BODY, 3), None),
])
def test_a_kicker_in_body_type_alone_over_the_title(row: tuple[Any, ...], role: str | None) -> None:
    got = roles(row, TITLE, *column(PARAGRAPHS_TEXT, top=100.0, block=2, indent=(0,)))
    kicker = next((b for b in got if b[2] == row[0]), None)
    assert (kicker is not None and kicker[:2] == ("heading", "kicker")) is (role == "kicker")


@pytest.mark.parametrize(("second", "role"), [
    # held-out seed 47: a kicker in body type wrapped after its comma, its two lines a region of their own
    ("促进“政校合作”", "kicker"),
    # near misses: the second line ends a sentence, or on its writer in brackets: a story's last lines; a contact
    ("促进了政校合作。", None),
    ("百名学员参加（张三）", None),
    ("联系电话：12345678", None),
])
def test_a_kicker_of_two_lines_in_body_type_alone_over_the_title(second: str, role: str | None) -> None:
    first = ("夯实社会工作理论基础，", 40.0, 42.0, BODY, 3)
    got = roles(first, (second, 40.0, 56.0, BODY, 3), TITLE, *column(PARAGRAPHS_TEXT, top=100.0, block=2, indent=(0,)))
    kicker = next((b for b in got if b[2].startswith(first[0])), None)
    assert (kicker is not None and kicker[:2] == ("heading", "kicker")) is (role == "kicker")


def test_a_framed_short_heading_is_a_label_not_a_title() -> None:
    label = ("简讯", 300.0, 60.0, 14.0, 3)
    brief = column(["县质监局对压力容器进行检查，", "重点为安全生产责任制。"], x0=300.0, top=90.0, block=4)
    framed = roles(TITLE, *PARAGRAPHS, label, *brief, rules=((296.0, 57.0, 332.0, 77.0),))
    assert ("heading", "label", "简讯") in framed
    # near miss: the same word without its frame, alone over text, is that text's title
    assert ("heading", "title", "简讯") in roles(TITLE, *PARAGRAPHS, label, *brief)


def test_a_title_repeated_above_its_jump_line_is_a_headline_of_its_own() -> None:
    repeated = ("社会工作助力新疆民政事业（续）", 40.0, 60.0, 20.0, 1)
    jump = ("（上接第1版）", 40.0, 90.0, BODY, 2)
    body = column(["厅联合新疆大学举办论坛，推动", "社会工作发展。"], top=110.0, block=2, indent=())
    got = roles(repeated, jump, *body)
    assert got[0] == ("heading", "repeated", repeated[0]) and got[1][1] == "jump_back"


def test_a_drop_cap_is_its_paragraphs_first_character() -> None:
    text, layout = typeset(TITLE, *DROP_CAP)
    blocks = build_blocks(text, layout)
    assert [b["text"] for b in blocks if b["kind"] == "heading"] == [TITLE[0]]
    assert next(b["text"] for b in blocks if b["kind"] == "paragraph").startswith("有个年轻人去庙里问高僧")


def test_a_line_opening_with_a_dash_is_the_subtitle_whatever_its_size() -> None:
    """An OCR layer sizes a line by its ink: its subtitle may come out as large as the title. A line that
    opens with a dash (OCR's 一 一) is the subtitle all the same; near miss: a second title line is the title's."""
    for second, roles in (("一 一来自基层的报道", ["title", "subtitle"]), ("齐献力", ["title"])):
        text, layout = typeset(("共建单位为复评", 40.0, 70.0, 20.0, 1), (second, 40.0, 94.0, 20.0, 1), *PARAGRAPHS)
        heads = [b for b in build_blocks(text, layout) if b["kind"] == "heading"]
        assert [b["role"] for b in heads] == roles


# -- an office's bulletin, as a word processor sets it: one column, faces named ------------------------------------

A4_TEXT = (80.0, 521.0)  # the text block's edges
SERIF, SANS = 0, 1  # the body's face and a bold sans face, by their index in the layout's fonts


def bulletin(*rows: tuple[Any, ...], pages: int = 1, fonts: tuple[str, ...] = ("NotoSerifCJKsc-Regular",
             "NotoSansCJKsc-Bold"), rules: tuple[tuple[float, ...], ...] = ()) -> tuple[str, dict[str, Any]]:
    """A document of ``pages`` A4 pages: each row ``(text, x0, top, size, font, page)``; a row's region is its
    paragraph's (rows in one region until a row starts a new one with x0 at the indent or off the edge)."""
    lines, boxes = [], []
    for k, (text, x0, top, size, font, page) in enumerate(rows):
        lines.append(("\f" if k and page != rows[k - 1][5] else "") + text)
        x1 = A4_TEXT[1] if x0 < A4_TEXT[0] + 3 * size and not text.endswith(("。", "）")) else x0 + width(text, size)
        boxes.append([page, x0, top, x1, top + size, size, k if x0 > A4_TEXT[0] + 3 * size else 1000, font])
    layout = {"unit": "pt", "pages": [list((595.3, 841.9))] * pages, "lines": boxes, "fonts": list(fonts),
              "rules": [list(r) for r in rules], "images": []}
    return "\n".join(lines), layout


def story(top: float, *, page: int = 1, size: float = 15.0) -> list[tuple[Any, ...]]:
    """Two paragraphs of body text in the serif face, from ``top`` down."""
    texts = ["本报讯（记者邱宇）5月18日，广润社区在该社区开展省级文", "明城市复评问卷调查活动，号召群众争做文明市民。",
             "活动中，该社区的工作人员向过往市民发放复评问卷和宣传手", "册，请市民为创建工作提出意见和建议。"]
    return [(text, A4_TEXT[0] + (2 * size if k in (0, 2) else 0), top + k * 26.0, size, SERIF, page)
            for k, text in enumerate(texts)]


def bulletin_blocks(text_layout: tuple[str, dict[str, Any]]) -> list[tuple[str, str | None, str]]:
    return [(b["kind"], b.get("role"), b["text"]) for b in build_blocks(*text_layout)]


CENTRED_TITLE = ("文明进社区，我们在行动", 218.0, 253.0, 15.0, SANS, 1)


def test_a_title_at_the_body_size_is_told_by_its_face_centred_over_the_column() -> None:
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0)))
    assert got[0] == ("heading", "title", "文明进社区，我们在行动")
    assert [kind for kind, _, _ in got[1:]] == ["paragraph", "paragraph"]


@pytest.mark.parametrize("title", [
    ("文明进社区，我们在行动", 218.0, 253.0, 15.0, SERIF, 1),  # the body's own face: no evidence
    ("一、加强组织领导", 110.0, 253.0, 15.0, SANS, 1),  # a subhead set from the column's indent
])
def test_a_line_at_the_body_size_is_no_title_without_another_face_and_centring(title: tuple[Any, ...]) -> None:
    got = bulletin_blocks(bulletin(title, *story(290.0)))
    assert "heading" not in [kind for kind, _, _ in got]


def test_faces_tell_nothing_where_the_file_names_no_fonts() -> None:
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0), fonts=("", "")))
    assert "heading" not in [kind for kind, _, _ in got]


@pytest.mark.parametrize("deck", [(), (("——一线观察之二", 247.0, 762.0, 15.0, SERIF, 1),)])
def test_a_title_left_at_a_pages_foot_is_centred_over_the_next_pages_column(deck: tuple[Any, ...]) -> None:
    first = story(600.0)
    title = ("科普宣传上街", 256.0, 740.0, 15.0, SANS, 1)
    got = bulletin_blocks(bulletin(*first, title, *deck, *story(113.0, page=2), pages=2))
    assert [(kind, role) for kind, role, _ in got if kind == "heading"] == [("heading", "title")] + [
        ("heading", "subtitle")] * len(deck)


def test_an_office_centred_under_a_subtitle_at_the_next_pages_top_is_the_byline() -> None:
    """Bulletin seed 331 doc02: the title at page 1's foot over its folio; its subtitle and the office that wrote
    the story centred at page 2's top. The office is the byline, not the story's first paragraph."""
    title = ("科普宣传上街", 256.0, 740.0, 15.0, SANS, 1)
    folio = ("— 1 —", 281.0, 790.0, 14.0, SERIF, 1)
    top = [("——记者走访见闻", 243.0, 113.0, 15.0, SERIF, 2), ("县残疾人联合会", 248.0, 139.0, 15.0, SERIF, 2)]
    got = bulletin_blocks(bulletin(*story(600.0), title, folio, *top, *story(166.0, page=2), pages=2))
    assert [(kind, role) for kind, role, _ in got if kind == "heading"] == [("heading", "title"), ("heading", "subtitle")]
    assert ("paragraph", "byline", "县残疾人联合会") in got


def test_a_dash_line_centred_under_the_title_is_its_subtitle() -> None:
    deck = ("——记者走访见闻", 243.0, 284.0, 15.0, SERIF, 1)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, deck, *story(318.0)))
    assert got[:2] == [("heading", "title", CENTRED_TITLE[0]), ("heading", "subtitle", "——记者走访见闻")]


def test_a_body_line_opening_with_a_dash_stays_in_the_body() -> None:
    dash = ("——这是记者在社区看到的情景，大家都积极参与到活动当中来", 110.0, 284.0, 15.0, SERIF, 1)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, dash, *story(318.0)))
    assert [role for kind, role, _ in got if kind == "heading"] == ["title"]


MASTHEAD = [("民政工作简报", 181.0, 113.0, 30.0, SERIF, 1), ("第3期", 279.0, 164.0, 15.0, SERIF, 1),
            ("区民政局办公室编", 80.0, 189.0, 13.0, SERIF, 1), ("2024年5月3日", 427.0, 210.0, 13.0, SERIF, 1)]
RED_RULE = (1, 77.9, 225.6, 523.0, 228.6)


def test_a_bulletins_masthead_over_its_red_rule_is_no_article() -> None:
    got = bulletin_blocks(bulletin(*MASTHEAD, CENTRED_TITLE, *story(290.0), rules=(RED_RULE,)))
    assert [kind for kind, _, text in got if text in [row[0] for row in MASTHEAD]] == ["furniture"] * 4
    assert next(b for b in got if b[0] != "furniture") == ("heading", "title", CENTRED_TITLE[0])


def test_text_with_a_sentence_over_a_rule_is_no_masthead() -> None:
    boxed = [("民政工作简报", 181.0, 113.0, 30.0, SERIF, 1), ("本期导读：社区开展问卷调查活动。", 110.0, 164.0, 15.0, SERIF, 1)]
    got = bulletin_blocks(bulletin(*boxed, CENTRED_TITLE, *story(290.0), rules=(RED_RULE,)))
    assert "furniture" not in [kind for kind, _, _ in got]


DISTRIBUTION = [("报：市民政局", 80.0, 400.0, 13.0, SERIF, 1), ("送：县委办、县政府办", 80.0, 420.0, 13.0, SERIF, 1),
                ("县民政局办公室　2024年5月3日印发", 80.0, 440.0, 13.0, SERIF, 1)]


def test_the_distribution_block_after_the_last_rule_is_no_article() -> None:
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0), *DISTRIBUTION,
                                   rules=((1, 78.4, 390.9, 522.5, 392.9), (1, 78.4, 458.0, 522.5, 460.0))))
    assert [kind for kind, _, text in got if text in [row[0] for row in DISTRIBUTION]] == ["furniture"] * 3


def test_a_story_after_the_last_rule_is_kept() -> None:
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0), ("科普宣传上街", 256.0, 420.0, 15.0, SANS, 1),
                                   *story(450.0), rules=((1, 78.4, 400.0, 522.5, 402.0),)))
    assert ("heading", "title", "科普宣传上街") in got and "furniture" not in [kind for kind, _, _ in got]


def test_an_office_set_right_and_carried_to_the_next_pages_top_signs_the_story_before() -> None:
    office = ("县民政局办公室", 417.0, 113.0, 15.0, SERIF, 2)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(600.0), office, ("科普宣传上街", 256.0, 155.0, 15.0, SANS, 2),
                                   *story(190.0, page=2), pages=2))
    assert ("credit", None, "县民政局办公室") in [(k, None, t) for k, _, t in got]
    # near miss: a short line at the next page's top that starts at the column's edge goes on with the text
    edge = ("县民政局办公室", 80.0, 113.0, 15.0, SERIF, 2)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(600.0), edge, ("科普宣传上街", 256.0, 155.0, 15.0, SANS, 2),
                                   *story(190.0, page=2), pages=2))
    assert "credit" not in [k for k, _, _ in got]


def test_an_office_set_right_under_a_short_last_line_over_the_distribution_block_signs_the_story() -> None:
    """A story's last lines at the top of a bulletin's last page, the office signing it set right under a short
    last line, the distribution block under them in smaller type with more characters than the story has left
    there: the page keeps the document's body type, and the office is the story's credit."""
    ending = [("册，请市民为创建工作提出意见和建议。", 80.0, 113.0, 15.0, SERIF, 2),
              ("街道社工站", 446.0, 141.0, 15.0, SERIF, 2)]
    distribution = [(text, x0, top + 100.0, size, font, 2) for text, x0, top, size, font, _ in
                    [*DISTRIBUTION[:2], ("县民政局办公室　5月3日印发", 80.0, 440.0, 13.0, SERIF, 1)]]
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0), *story(400.0), *ending, *distribution, pages=2))
    assert ("credit", None, "街道社工站") in [(k, None, t) for k, _, t in got]
    # near miss: the same line set from the column's edge goes on as the story's text
    edge = [ending[0], ("街道社工站", 80.0, 141.0, 15.0, SERIF, 2)]
    got = bulletin_blocks(bulletin(CENTRED_TITLE, *story(290.0), *story(400.0), *edge, *distribution, pages=2))
    assert "credit" not in [k for k, _, _ in got]


def test_briefs_titled_in_the_bodys_size_and_another_face_over_smaller_text_keep_their_titles() -> None:
    """A page of briefs after a page of stories: each brief's title in bold sans at the stories' body size, over its
    text in a smaller size. The titles' size is the document's body size, not in its face: the page keeps its own
    body type, and the titles are display type."""
    rows = [CENTRED_TITLE, *story(290.0), *story(400.0), *story(510.0), *story(620.0)]
    for k in range(4):
        rows += [(f"第{k}条简讯标题全市启动春季植树活动", 80.0, 80.0 + 54 * k, 15.0, SANS, 2),
                 (f"本报讯　{k}月12日，全市启动春季植树活动，共种植树木一万余株。", 104.0, 104.0 + 54 * k, 12.0, SERIF, 2)]
    got = bulletin_blocks(bulletin(*rows, pages=2))
    assert [text for kind, _, text in got if kind == "heading" and "简讯" in text] == [
        f"第{k}条简讯标题全市启动春季植树活动" for k in range(4)]


FOLIO = ("— 1 —", 281.0, 790.0, 14.0, SERIF, 1)


def over_a_page(foot: tuple[Any, ...], top: tuple[Any, ...] | None, story_top: float) -> list[tuple[Any, ...]]:
    """The headings of a story ending page 1, ``foot`` at that page's foot over its folio, ``top`` at page 2's
    top (or nothing) over the next story's text from ``story_top``."""
    rows = [*story(560.0), foot, FOLIO, *([top] if top else []), *story(story_top, page=2)]
    return [block for block in bulletin_blocks(bulletin(*rows, pages=2)) if block[0] == "heading"]


def test_a_subtitle_carried_to_the_next_pages_top_stays_with_its_title() -> None:
    title = ("用电高峰来了！", 238.0, 696.0, 18.0, SANS, 1)
    deck = ("——一线观察之二", 247.0, 113.0, 15.0, SERIF, 2)
    assert [role for _, role, _ in over_a_page(title, deck, 145.0)] == ["title", "subtitle"]
    # near miss: a dash line at the next page's top set from the column's indent is the body's
    body_dash = ("——一线观察，记者走访了城区的各个社区，看到居民们", 110.0, 113.0, 15.0, SERIF, 2)
    assert [role for _, role, _ in over_a_page(title, body_dash, 145.0)] == ["title"]


def test_an_office_centred_under_the_title_is_the_byline() -> None:
    office = ("东城区民政局", 255.0, 282.0, 14.0, SERIF, 1)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, office, *story(318.0)))
    assert got[:2] == [("heading", "title", CENTRED_TITLE[0]), ("paragraph", "byline", "东城区民政局")]
    # also under a subtitle
    deck = ("——记者走访见闻", 243.0, 284.0, 15.0, SERIF, 1)
    lower = ("东城区民政局", 255.0, 310.0, 14.0, SERIF, 1)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, deck, lower, *story(344.0)))
    assert [role for _, role, _ in got[:3]] == ["title", "subtitle", "byline"]


def test_a_line_under_the_title_from_the_columns_indent_is_no_byline() -> None:
    first = ("县民政局近日", 110.0, 282.0, 15.0, SERIF, 1)
    got = bulletin_blocks(bulletin(CENTRED_TITLE, first, *story(318.0)))
    assert "byline" not in [role for _, role, _ in got]


def test_a_section_tag_left_at_a_pages_foot_is_the_next_pages_titles_kicker() -> None:
    tag = ("【经验交流】", 80.0, 707.0, 14.0, SANS, 1)
    title = ("德国多个机场安保人员罢工", 206.0, 113.0, 15.0, SANS, 2)
    assert over_a_page(tag, title, 150.0) == [("heading", "kicker", "【经验交流】"), ("heading", "title", title[0])]
    # near miss: the next page goes on with the text, no title at its top
    assert "kicker" not in [role for _, role, _ in over_a_page(tag, None, 113.0)]


def test_a_title_wrapped_to_its_columns_width_over_a_centred_last_line() -> None:
    first = ("我国西部多地今夜起将出现雨雪天气，局地有暴雪或大暴雪，", 81.0, 253.0, 15.0, SANS, 1)
    last = ("内蒙古东部降温", 248.0, 277.0, 15.0, SANS, 1)
    got = bulletin_blocks(bulletin(first, last, *story(318.0)))
    assert [(kind, role, text) for kind, role, text in got if kind == "heading"] == [
        ("heading", "title", first[0]), ("heading", "title", last[0])]
    # near miss: the full line in another face over a line of the body's face is no title's
    got = bulletin_blocks(bulletin(first, ("内蒙古东部降温", 248.0, 277.0, 15.0, SERIF, 1), *story(318.0)))
    assert "heading" not in [kind for kind, _, _ in got]


def test_the_distribution_block_under_a_rule_across_its_column() -> None:
    """Two columns: the block ends the right one under a rule across that column; the left column's text, lower
    on the page, is no part of it."""
    left = [(text, 80.0 + (2 * 15.0 if k in (0, 2) else 0), 300.0 + 26.0 * k, 15.0, SERIF, 1)
            for k, text in enumerate(["本报讯（记者邱宇）5月18日，广润", "社区开展问卷调查活动。", "活动中，工作人员向过往市民发", "放复评问卷和宣传手册。"])]
    block = [("报：市民政局", 311.0, 250.0, 13.0, SERIF, 1), ("送：县委办、县政府办", 311.0, 270.0, 13.0, SERIF, 1),
             ("县民政局办公室 2024年5月4日印发", 311.0, 290.0, 13.0, SERIF, 1)]
    text, layout = bulletin(*block, *left, rules=((1, 310.1, 240.4, 522.5, 242.4),))
    for row in layout["lines"][3:]:
        row[3] = min(row[3], 290.0)  # (the left column's edge)
    got = bulletin_blocks((text, layout))
    assert [kind for kind, _, text in got if text in [row[0] for row in block]] == ["furniture"] * 3
    assert sum(kind == "paragraph" for kind, _, _ in got) == 2


NARROW = (80.0, 290.0)  # a column of two


def narrow_story(top: float, *, indent: bool = True) -> list[tuple[Any, ...]]:
    texts = ["本报讯（记者陈玲玲通讯", "员杨淑茗）5月1日道路交通", "安全法在全国范围内正式公", "布实施。"]
    return [(text, NARROW[0] + (32.0 if k == 0 and indent else 0.0), top + 28.0 * k, 16.0, SERIF, 1)
            for k, text in enumerate(texts)]


def narrow_bulletin(*rows: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    text, layout = bulletin(*rows)
    for row in layout["lines"]:
        row[3] = min(row[3], NARROW[1])  # (the column's right edge)
    return text, layout


def test_a_title_filling_a_narrow_column_over_an_indented_first_line() -> None:
    title = ("我县“假证被拘”第一人现身", 81.0, 155.0, 16.0, SANS, 1)
    got = bulletin_blocks(narrow_bulletin(("上一篇到此结束。", 80.0, 113.0, 16.0, SERIF, 1), title, *narrow_story(192.0)))
    assert ("heading", "title", title[0]) in got
    # near miss: a line in another face that opens its paragraph (a dateline set in bold) goes on in it
    got = bulletin_blocks(narrow_bulletin(("上一篇到此结束。", 80.0, 113.0, 16.0, SERIF, 1), title,
                                          *narrow_story(192.0, indent=False)))
    assert "heading" not in [kind for kind, _, _ in got]


@pytest.mark.parametrize("first_text", ["相约“5.20”表白、", "总台2024"])  # (a clause mark; digits counted)
def test_a_short_first_line_ending_on_a_clause_mark_is_the_titles_not_a_label(first_text: str) -> None:
    first, second = (first_text, 40.0, 60.0, 20.0, 1), ("登记迎来小高潮", 40.0, 94.0, 20.0, 1)
    got = roles(first, second, *column(PARAGRAPHS_TEXT, top=130.0, block=2, indent=(0, 3)))
    assert got[:2] == [("heading", "title", first[0]), ("heading", "title", second[0])]
    # near miss: a word of its own over the title is a label
    got = roles(("动态", 40.0, 60.0, 20.0, 1), second, *column(PARAGRAPHS_TEXT, top=130.0, block=2, indent=(0, 3)))
    assert got[:2] == [("heading", "label", "动态"), ("heading", "title", second[0])]


def test_an_office_at_the_next_columns_top_under_a_title_ending_its_column() -> None:
    title = ("共建单位为复评齐献力", 105.0, 700.0, 16.0, SANS, 1)
    office = ("市慈善总会", 376.0, 113.0, 15.0, SERIF, 1)
    rows = [*narrow_story(560.0), title, office, *[(t, x + 231.0, y - 410.0, s, f, p) for t, x, y, s, f, p in
                                                   narrow_story(560.0)]]
    text, layout = bulletin(*rows)
    for k, row in enumerate(layout["lines"]):  # (the columns' right edges; regions: left, the title, the right)
        row[3] = {0: NARROW[1], 1: NARROW[1], 2: NARROW[1], 4: 265.0, 6: 521.0, 7: 521.0, 8: 521.0}.get(k, row[3])
        row[6] = 0 if k < 4 else 1 if k < 5 else 2
    got = bulletin_blocks((text, layout))
    assert ("paragraph", "byline", "市慈善总会") in got


def test_a_column_tag_at_a_columns_foot_is_the_kicker_of_the_title_topping_the_next_column() -> None:
    """``【经验交流】`` left at the left column's foot, the title at the right column's top: its kicker. Near miss:
    a label of words without brackets there is left as it is (only a tag is carried across)."""
    right = [(t, x + 231.0, y - 410.0, s, f, p) for t, x, y, s, f, p in narrow_story(560.0)]
    for tag, kicker in (("【经验交流】", True), ("经验交流", False)):
        rows = [*narrow_story(560.0), (tag, 80.0, 700.0, 16.0, SANS, 1),
                ("德国多个机场安保人员罢工", 320.0, 100.0, 18.0, SANS, 1), *right]
        text, layout = bulletin(*rows)
        for k, row in enumerate(layout["lines"]):  # (the columns' right edges; regions: left, the tag, the right)
            row[3] = min(row[3], NARROW[1]) if k < 5 else row[3] if k == 5 else min(row[3], 521.0)
            row[6] = 0 if k < 4 else k - 3 if k < 6 else 3
        got = bulletin_blocks((text, layout))
        assert (("heading", "kicker", tag) in got) is kicker, got


def test_a_subhead_in_another_face_inside_a_story_stays_in_it() -> None:
    """An official bulletin's numbered subhead in bold, set from the paragraphs' indent between two paragraphs:
    the story goes on, no new title."""
    subhead = ("一、加强组织领导", 110.0, 396.0, 15.0, SANS, 1)
    rows = [*story(290.0), subhead, *story(422.0)]
    got = bulletin_blocks(bulletin(*rows))
    assert "heading" not in [kind for kind, _, _ in got]


def test_a_subhead_in_another_face_is_a_paragraph_of_its_own() -> None:
    """The subhead stands between a paragraph's short last line and the next paragraph's indented first line,
    both set from the same indent as it: three paragraphs, the subhead alone in the middle one."""
    subhead = ("一、加强组织领导", 110.0, 396.0, 15.0, SANS, 1)
    got = bulletin_blocks(bulletin(*story(290.0), subhead, *story(422.0)))
    assert [text for kind, _, text in got if kind == "paragraph"][2:4] == ["一、加强组织领导", "".join(
        row[0] for row in story(422.0)[:2])]


def test_subheads_do_not_make_a_column_look_ragged() -> None:
    """Short subheads in another face, which end no sentence, are no measure of how far a column's lines may stop
    short: a paragraph's short last line still ends it, even where the subhead under it is shorter still (a
    bulletin's page: three stories with two subheads each)."""
    rows: list[tuple[Any, ...]] = []
    top = 113.0
    for _ in range(3):
        for head in ("一、提高思想认识", "二、加强组织领导"):
            rows += [("中国物流与采购联合会今天公布九月份中国物流业景气", 112.0, top, 16.0, SERIF, 1),
                     ("指数，运行趋稳向好。", 80.0, top + 28.0, 16.0, SERIF, 1), (head, 112.0, top + 56.0, 16.0, SANS, 1)]
            top += 84.0
    text, layout = bulletin(*rows)
    for row, (t, *_rest) in zip(layout["lines"], rows):
        row[3] = 521.0 if t.endswith("景气") else 240.0 if "、" in t[:2] else row[3]
    got = [t for kind, _, t in bulletin_blocks((text, layout)) if kind == "paragraph"]
    assert got[:3] == ["中国物流与采购联合会今天公布九月份中国物流业景气指数，运行趋稳向好。", "一、提高思想认识",
                       "中国物流与采购联合会今天公布九月份中国物流业景气指数，运行趋稳向好。"]


def test_a_subhead_after_a_last_line_that_nearly_fills_the_column() -> None:
    """The paragraph before ends half an em short of the edge (no measure of an end), but the subhead starts at
    the paragraphs' indent, the line under it in another face: it starts a paragraph of its own."""
    rows = [("活动中，该社区的工作人员向过往市民发放复评问卷和宣传手", 110.0, 290.0, 15.0, SERIF, 1),
            ("册，请市民为创建工作提出意见和建议，迎接省级文明城市复评。", 80.0, 316.0, 15.0, SERIF, 1),
            ("二、加强组织领导", 110.0, 342.0, 15.0, SANS, 1), *story(368.0)]
    text, layout = bulletin(*rows)
    layout["lines"][1][3] = 514.0
    got = [t for kind, _, t in bulletin_blocks((text, layout)) if kind == "paragraph"]
    assert got[1] == "二、加强组织领导"


def test_a_title_in_another_face_set_flush_left_over_an_indented_first_line() -> None:
    title = ("县民政局开展节日慰问活动", 80.0, 396.0, 15.0, SANS, 1)
    text, layout = bulletin(*story(290.0), title, *story(422.0))
    layout["lines"][4][3] = 260.0  # (flush left, short of the column's edge)
    got = bulletin_blocks((text, layout))
    assert [(kind, role, text) for kind, role, text in got if kind == "heading"] == [("heading", "title", title[0])]
    # near miss: set flush left over a line that is not indented, it opens its paragraph (a dateline in bold)
    dateline = ("本报讯（记者邱宇）5月18日，广润社区", 80.0, 396.0, 15.0, SANS, 1)
    rest = [(text, 80.0, y, size, font, page) for text, _, y, size, font, page in story(422.0)]
    got = bulletin_blocks(bulletin(*story(290.0), dateline, *rest))
    assert "heading" not in [kind for kind, _, _ in got]


def test_a_title_filling_its_column_under_a_tag_in_its_own_face() -> None:
    """A section tag in the title's bold face, the title filling the column under it, the writing office centred
    under the title, then the story: the tag stops short of the column's edge, so the title is a line of its own
    (bulletins, seed 151). Near miss: under a line of its face that runs to the edge, it goes on from that line."""
    tag = ("【工作动态】", 80.0, 380.0, 15.0, SANS, 1)
    title = ("日本上半财年贸易逆差创新高新", 80.0, 406.0, 15.0, SANS, 1)
    office = ("市慈善总会", 270.0, 432.0, 15.0, SERIF, 1)
    text, layout = bulletin(*story(290.0), tag, title, office, *story(458.0))
    layout["lines"][4][3], layout["lines"][5][3] = 170.0, A4_TEXT[1]
    got = bulletin_blocks((text, layout))
    assert ("heading", "title", title[0]) in got and ("paragraph", "byline", office[0]) in got
    text, layout = bulletin(*story(290.0), ("一、加强组织领导，落实工作责任，确保", 80.0, 380.0, 15.0, SANS, 1), title,
                            office, *story(458.0))
    layout["lines"][4][3], layout["lines"][5][3] = A4_TEXT[1], A4_TEXT[1]
    assert ("heading", "title", title[0]) not in bulletin_blocks((text, layout))


def test_a_title_at_a_pages_foot_is_measured_on_its_own_pages_column() -> None:
    """A wrapped title at the foot of page 1's right column, the story under it; page 2 opens with a line read
    across both columns. The title's column is the one it stands in on its own page, not the wider one."""
    rows = [("传承保护数百载，璀璨非遗放异彩。", 311.0, 600.0, 14.0, SERIF, 1),
            ("西乡北帝三月三精彩不断！西乡历", 312.0, 633.0, 14.0, SANS, 1), ("史文化展游人如织", 360.0, 656.0, 14.0, SANS, 1),
            ("为期9天的省级非遗庙会精彩还", 339.0, 689.0, 14.0, SERIF, 1), ("在继续，展览迎来了不少市民", 311.0, 714.0, 14.0, SERIF, 1),
            ("前来参观，大家都说很有意思，值得一看", 80.0, 109.0, 14.0, SERIF, 2),
            ("的重头戏之一，这几天也迎来了", 80.0, 137.0, 14.0, SERIF, 2)]
    text, layout = bulletin(*rows, pages=2)
    for row, x1 in zip(layout["lines"], (521.0, 522.0, 472.0, 521.0, 521.0, 486.0, 290.0)):
        row[3] = x1
        row[6] = 0 if row[0] == 1 else 1
    got = bulletin_blocks((text, layout))
    assert [role for kind, role, _ in got if kind == "heading"] == ["title", "title"]


def test_a_paragraph_of_one_line_after_a_short_last_line() -> None:
    """A paragraph's short last line, then a paragraph of one indented short line, then an indented first line:
    three paragraphs (the magazine page's OCR layer: ``…求了个平安锁。`` / ``阳阳的身世之谜自此烟消云散。`` /
    ``一天下大雨，…``). The short line above is no measure of how far the one-line paragraph reaches."""
    rows = [("活动中，该社区的工作人员向过往市民发放复评问卷和宣传手", 110.0, 290.0, 15.0, SERIF, 1),
            ("册，请市民为创建工作提出意见和建议。", 80.0, 316.0, 15.0, SERIF, 1),
            ("阳阳的身世之谜自此烟消云散。", 110.0, 342.0, 15.0, SERIF, 1),
            ("一天下大雨，阳阳打电话要我去接他，我当时正在单位忙于应", 110.0, 368.0, 15.0, SERIF, 1),
            ("付上级检查，不耐烦地说：“自己回家，我没时间。”", 80.0, 394.0, 15.0, SERIF, 1)]
    got = [t for kind, _, t in bulletin_blocks(bulletin(*rows)) if kind == "paragraph"]
    assert got == [rows[0][0] + rows[1][0], rows[2][0], rows[3][0] + rows[4][0]]
    # near miss: an indented first line that stops short where its next word could not break (no sentence ended)
    # goes on in its paragraph
    rows[2] = ("记者了解到，亭旁镇中心小学，前身是“亭山书", 110.0, 342.0, 15.0, SERIF, 1)
    rows[3] = ("院”，创办于1872年，占地面积34亩，现有25个教学班，", 80.0, 368.0, 15.0, SERIF, 1)
    got = [t for kind, _, t in bulletin_blocks(bulletin(*rows)) if kind == "paragraph"]
    assert got[1] == rows[2][0] + rows[3][0] + rows[4][0]


def test_the_magazine_pages_ocr_layer_keeps_its_paragraphs() -> None:
    """The real magazine page's OCR layer prints ``?`` after Chinese as ASCII and its line ends vary by an OCR box:
    a quoted question ends its paragraph (``…好爸爸?”`` / ``阳阳答非所问地说…``), and a paragraph of one line stands
    apart from the short last line above it (``…平安锁。`` / ``阳阳的身世之谜…`` / ``一天下大雨…``)."""
    from pathlib import Path

    from normalize.loader import load_paths

    pdf = Path(__file__).resolve().parents[2] / "shared" / "real" / "pdf" / "mag12ocrlayer.pdf"
    if not pdf.exists():
        pytest.skip("../shared is not beside this checkout")
    doc = next(load_paths([str(pdf)]))
    starts = [b["text"][:8] for b in build_blocks(doc["text"], doc["layout"]) if b["kind"] == "paragraph"]
    for start in ("阳阳的身世之谜", "一天下大雨，阳阳", "阳阳答非所问地说", "我紧紧地搂住了儿", "阳阳8岁生 日时"):
        assert any(s.startswith(start[:7]) for s in starts), start


def test_a_title_in_another_face_half_an_em_clear_of_both_edges_is_centred() -> None:
    """A bold title nearly filling its column, half an em clear of each edge (bulletins, seed 97:
    ``我县“假证被拘”第一人现身``), is a title, even over a line that is not indented; near miss: a third of an em
    clear, a bold line of the body's (the story goes on under it from the column's edge)."""
    title = ("我县“假证被拘”第一人现身，江西人丁某成为全县依法处罚第一人", 87.5, 396.0, 15.0, SANS, 1)
    going_on = [(text, 80.0, top, size, font, page) for text, _, top, size, font, page in story(422.0)]
    text, layout = bulletin(*story(290.0), title, *going_on)
    layout["lines"][4][3] = A4_TEXT[1] - 7.5
    assert ("heading", "title", title[0]) in bulletin_blocks((text, layout))
    text, layout = bulletin(*story(290.0), (title[0], 85.0, *title[2:]), *going_on)
    layout["lines"][4][3] = A4_TEXT[1] - 5.0
    assert ("heading", "title", title[0]) not in bulletin_blocks((text, layout))


@pytest.mark.parametrize(("upright_top", "size", "kicker_role"), [
    (52.0, 11.0, "kicker"),  # the upright title starts level with the kicker over its module: one headline
    (20.0, 11.0, "title"),  # near miss: it starts higher than the kicker, a headline of its own
    (52.0, 15.0, "title"),  # near miss: level with it, in its own type: another module's title
    (52.0, 22.0, "title"),  # near miss: level with it, in larger type: another module's title
])
def test_a_kicker_over_a_module_heads_the_upright_title_beside_its_body(upright_top: float, size: float,
                                                                        kicker_role: str) -> None:
    kicker = ("文明创建进行时", 40.0, 50.0, size, 1)
    upright = ("日本上半财年贸易逆差创新高", 180.0, upright_top, 15.0, 3, 195.0)
    body = column(PARAGRAPHS_TEXT, top=70.0, block=2, indent=(0, 3))
    text, layout = typeset(kicker, upright, *body)  # (in reading order: ``order.upright_titles_first``)
    layout["lines"][1][4] = upright_top + 13 * 15.0  # (read top to bottom: thirteen characters tall)
    heads = [(b["role"], b["text"], b["headline"]) for b in build_blocks(text, layout) if b["kind"] == "heading"]
    assert heads[0][:2] == (kicker_role, "文明创建进行时") and heads[1][:2] == ("title", upright[0])
    assert (heads[0][2] == heads[1][2]) is (kicker_role == "kicker")  # (one headline, or two)


@pytest.mark.parametrize(("deck", "subtitle"), [
    ("——来自基层的报道", True),  # a deck read right after an upright title (``order.upright_titles_first``)
    ("来自基层的报道", False),  # near miss: a line that opens with no dash is no subtitle of it
])
def test_a_deck_after_an_upright_title_is_its_subtitle(deck: str, subtitle: bool) -> None:
    upright = ("邮政储蓄银行老区小学献爱心", 180.0, 50.0, 15.0, 3, 195.0)
    body = column(PARAGRAPHS_TEXT, top=70.0, block=2, indent=(0, 3))
    text, layout = typeset(upright, (deck, 40.0, 50.0, 11.0, 1), *body)
    layout["lines"][0][4] = 50.0 + 13 * 15.0  # (read top to bottom: thirteen characters tall)
    heads = [(b["role"], b["text"]) for b in build_blocks(text, layout) if b["kind"] == "heading"]
    assert heads[0] == ("title", upright[0]) and (("subtitle", deck) in heads) is subtitle


@pytest.mark.parametrize(("glyphs", "size", "top", "joined"), [
    ("%", 20.0, 94.0, True),  # a headline's last glyph wrapped alone, in its type right under it: the headline's
    ("%", BODY, 94.0, False),  # near miss: the glyph in body type is noise
    ("%", 20.0, 130.0, False),  # near miss: in the headline's type but far below it
    ("★★★", 20.0, 94.0, False),  # near misses: an ornament under the headline is no glyph of it
    ("※※※", 20.0, 94.0, False),
])
def test_a_headlines_mark_wrapped_alone_stays_in_it(glyphs: str, size: float, top: float, joined: bool) -> None:
    title = ("1—2月中国快递发展指数同比提升26.7", 40.0, 70.0, 20.0, 1)
    mark = (glyphs, 40.0, top, size, 1)
    body = column(PARAGRAPHS_TEXT, top=140.0, block=1, indent=(0, 3))
    text, layout = typeset(title, mark, *body)
    blocks = build_blocks(text, layout)
    heads = [b["text"] for b in blocks if b["kind"] == "heading"]
    assert heads == [title[0] + glyphs if joined else title[0]]
    assert any(b["kind"] == "noise" and b["text"] == glyphs for b in blocks) is not joined


@pytest.mark.parametrize(("deck", "subtitle"), [
    # a word processor's two columns: a title left at the left column's foot, its deck centred over the right one
    ("——来自基层的报道", True),
    # near miss: a line with no dash there is the right column's text
    ("来自基层的报道", False),
])
def test_a_titles_deck_at_the_next_columns_top(deck: str, subtitle: bool) -> None:
    left = column(PARAGRAPHS_TEXT, x0=40.0, top=100.0, block=1, indent=(0, 3))
    title = ("习近平致电祝贺穆伊兹当选", 40.0, 300.0, 14.0, 2)
    right = column(["10月3日，国家主席习近平致电", "穆罕默德·穆伊兹，祝贺他当选", "马尔代夫总统。"], x0=220.0, top=130.0,
                   block=4, indent=(0,))
    centred = (deck, 220.0 + (right[1][5] - 220.0 - width(deck, BODY)) / 2, 100.0, BODY, 3)
    heads = [(b["role"], b["text"]) for b in build_blocks(*typeset(*left, title, centred, *right)) if b["kind"] == "heading"]
    assert (("subtitle", deck) in heads) is subtitle
