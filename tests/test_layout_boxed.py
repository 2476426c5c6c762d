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


def check(family: str, rule: str, rows: tuple[Any, ...], at: int, verdict: Any, is_hit: bool) -> None:
    text, layout = rows
    assert_row(verdicts(text, family, at, layout), rule, at, verdict, is_hit)


# Where a line stands: furniture by its place on the page.
BOX_FURNITURE = [
    # the paper's name and the date side by side over the page, a clear space below them
    hit("running_band", 1, "furniture", typeset(HEAD, DATE, TITLE, *PARAGRAPHS)),
    # near miss: a title alone at the top of a clipped article stays a title
    miss("running_band", 1, None, typeset(("社会工作助力新疆民政事业", 40.0, 30.0, 20.0, 1), *PARAGRAPHS)),
    hit("photo_credit", 8, "noise", typeset(TITLE, *PARAGRAPHS, ("陈维连/摄", 330.0, 250.0, 7.0, 2),
                                            images=((320.0, 100.0, 500.0, 262.0),))),
    # an office signing the story, set flush right under its last sentence
    hit("right_set_credit", 8, "credit", typeset(TITLE, *PARAGRAPHS, ("东城区民政局", 139.0, 186.4, BODY, 1, 193.0))),
    # near miss: a paragraph's last line starts at the column's edge
    miss("right_set_credit", 8, None, typeset(TITLE, *PARAGRAPHS, ("大家都很满意。", 40.0, 186.4, BODY, 1))),
    # near miss: a photo story's headline printed over its photo, in display type
    miss("photo_credit", 8, None, typeset(TITLE, *PARAGRAPHS, ("科普宣传上街", 330.0, 240.0, 16.0, 2),
                                          images=((320.0, 100.0, 500.0, 262.0),))),
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
    hit("indented_line", 5, True, typeset(TITLE, *PARAGRAPHS)),
    miss("indented_line", 3, None, typeset(TITLE, *PARAGRAPHS)),
    hit("after_short_line", 4, True, typeset(TITLE, *column([
        "为进一步夯实社会工作理论基础，", "合作，近日举办论坛。", "与会代表围绕社会工作助力民政", "事业发展进行了交流讨论。",
    ], top=100.0, indent=(0,)))),
    miss("after_short_line", 3, None, typeset(TITLE, *PARAGRAPHS)),
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


PARAGRAPHS_TEXT = [r[0] for r in PARAGRAPHS]


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
