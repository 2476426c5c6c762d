"""Reading order from boxes alone: each rule of normalize.order and normalize.xycut on a small hand-made page,
beside a near miss that must not change the order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.geometry import Box, PageLayout, TextLine
from normalize.loader import load_paths
from normalize.order import (
    column_blocks,
    continues_column,
    ocr_order,
    on_photo,
    one_line_pieces,
    reading_order,
    reads_through_headline,
    set_apart,
    turned_column,
    upright_titles_first,
    wider_than_column,
)
from normalize.pipeline import document_stages, run_pipeline
from normalize.xycut import lead_after_headline, xy_cut


def line(text: str, x0: float, top: float, x1: float, size: float = 10.0) -> TextLine:
    return TextLine(text, x0, top, x1, top + size, size)


def column(name: str, x0: float, x1: float, top: float, count: int, size: float = 10.0) -> list[TextLine]:
    """``count`` body lines of one column, 14 apart (1.4 em leading): name1, name2, ..."""
    return [line(f"{name}{n + 1}", x0, top + 14 * n, x1, size) for n in range(count)]


def order(lines: list[TextLine], rules: list[Box] | None = None, images: list[Box] | None = None) -> list[str]:
    """The lines' texts in reading order (the input order is shuffled first: the order must come from the boxes)."""
    shuffled = lines[1::2] + lines[::2]
    page = PageLayout(1, 300, 400, shuffled, rules or [], images or [])
    return [item.text for item in reading_order(page).lines]


def regions(lines: list[TextLine], **graphics: list[Box]) -> list[list[str]]:
    page = reading_order(PageLayout(1, 300, 400, lines, graphics.get("rules", []), graphics.get("images", [])))
    found: dict[int, list[str]] = {}
    for item in page.lines:
        found.setdefault(item.block, []).append(item.text)
    return [found[k] for k in sorted(found)]


# -- a column's lines: which line goes on from which ---------------------------------------------------------------

@pytest.mark.parametrize("upper, lower, rules, goes_on", [
    (line("甲", 0, 0, 40), line("乙", 0, 14, 40), [], True),                     # the next line, 0.4 em below
    (line("甲", 0, 0, 40), line("乙", 0, 21, 40), [], True),                     # a paragraph's space: 1.1 em
    (line("甲", 0, 0, 40), line("乙", 0, 23, 40), [], False),                    # near miss: 1.3 em, a new block
    (line("甲", 0, 0, 40), line("乙", 0, 14, 40), [(0, 11.5, 40, 12)], False),   # a rule between them
    (line("甲", 0, 0, 40), line("乙", 0, 14, 40), [(60, 11.5, 90, 12)], True),   # near miss: a rule beside them
    (line("标题", 0, -30, 40, 24), line("乙", 0, 0, 40), [], False),             # a headline over its body
    (line("甲", 0, 0, 40, 11), line("乙", 0, 14, 40, 10), [], True),             # near miss: 1.1 times the size
    (line("甲", 0, 0, 90, 11.5), line("乙", 60, 14, 120, 10.5), [], False),     # a lead, then a column far right
    (line("甲", 0, 0, 90, 11.5), line("乙", 21, 14, 120, 10.5), [], True),      # near miss: an indent from its edge
    (line("甲", 0, 0, 90, 10), line("乙", 60, 14, 120, 10), [], True),          # near miss: one size (a credit)
])
def test_continues_column(upper: TextLine, lower: TextLine, rules: list[Box], goes_on: bool) -> None:
    assert continues_column(upper, lower, rules) is goes_on


def test_a_line_over_two_columns_is_chained_to_neither() -> None:
    """A wide lead paragraph the size of the body over two columns: each column is a block of its own."""
    lines = [line("导语", 0, 0, 100), *column("左", 0, 45, 14, 2), *column("右", 55, 100, 14, 2)]
    assert column_blocks(lines, []) == [[0], [1, 2], [3, 4]]


def test_near_miss_a_line_over_one_column_is_chained_to_it() -> None:
    lines = [line("导语", 0, 0, 45), *column("左", 0, 45, 14, 2), *column("右", 55, 100, 28, 2)]
    assert column_blocks(lines, []) == [[0, 1, 2], [3, 4]]


@pytest.mark.parametrize("last_x1, chained", [
    (20.0, True),  # a paragraph's last line of two characters touches the next one's first, indented two em
    (17.0, False),  # near miss: white of a third of an em between them: that first line is under nothing
])
def test_a_short_last_line_over_an_indented_first_line_is_chained(last_x1: float, chained: bool) -> None:
    lines = [line("为做好儿童福利工作", 0, 0, 90), line("儿。", 0, 14, last_x1), line("相关工作人员", 20, 28, 90),
             line("凡经民政部门核查", 0, 42, 90)]
    assert (column_blocks(lines, []) == [[0, 1, 2, 3]]) is chained


def test_near_miss_a_full_line_over_an_indented_short_paragraph_goes_on_in_it() -> None:
    """A paragraph of one short line indented two em, the next paragraph indented alike: the full line above covers
    it, and the column stays one block (``overhangs`` does not part it)."""
    lines = [line("一" * 15, 0, 0, 150), line("他说：“好的。”", 20, 14, 90), line("二" * 13, 20, 28, 150),
             line("三" * 15, 0, 42, 150)]
    assert column_blocks(lines, []) == [[0, 1, 2, 3]]


def test_near_miss_a_short_last_line_over_an_indented_subhead_goes_on_in_it() -> None:
    """A paragraph's last line of six characters, then a numbered subhead and the next paragraph's first line, both
    indented two em: one column (bulletin seed 53's ``次全面清扫。`` / ``一、提高思想认识`` / ``连日来，…``)."""
    lines = [line("南山路沿山路的垃圾进行了一", 0, 0, 140), line("次全面清扫。", 0, 14, 60),
             line("一、提高思想认识", 20, 28, 100), line("连日来，城关地区不断涌现", 20, 42, 140),
             line("出机关单位干部清扫垃圾的身", 0, 56, 140)]
    assert column_blocks(lines, []) == [[0, 1, 2, 3, 4]]


@pytest.mark.parametrize("last", ["儿。", "下："])
def test_a_short_last_line_touching_the_indent_keeps_its_column_beside_another(last: str) -> None:
    """Two columns; the left one's paragraph ends on a line of two characters (a full stop or a colon) touching the
    next paragraph's indent: each column one block, the left read down to its end."""
    left = [line("为做好儿童福利工作", 0, 0, 90), line(last, 0, 14, 20), line("相关工作人员", 20, 28, 90),
            line("凡经民政部门核查", 0, 42, 90), line("认定的孤儿在基本", 0, 56, 90)]
    right = [line(f"右{k}" * 4, 100, 14 * k, 190) for k in range(5)]
    assert column_blocks([ln for pair in zip(left, right) for ln in pair], []) == [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]]


def test_near_miss_a_hung_comma_a_hair_short_of_the_next_column_touches_nothing() -> None:
    """Two columns a tenth of an em apart at one line, its comma's box hung into the gutter: each column one block."""
    rows = [(line(f"左{k}" * 7 + ("，" if k == 2 else ""), 0, 14 * k, 160 if k == 2 else 140),
             line(f"右{k}" * 7, 161, 14 * k, 300)) for k in range(6)]
    lines = [ln for row in rows for ln in row]
    assert column_blocks(lines, []) == [[0, 2, 4, 6, 8, 10], [1, 3, 5, 7, 9, 11]]


@pytest.mark.parametrize("kicker_x0, blocks", [
    # a kicker centred over a module's two columns, over the right one's first line (the byline under it on the
    # left): a block of its own, the right column's first line heads its column
    (80.0, [[0], [1, 2, 3], [4, 5, 6]]),
    # near miss: a line over the right column only (from its edge) goes on into it
    (105.0, [[0, 4, 5, 6], [1, 2, 3]]),
])
@pytest.mark.parametrize("kicker", ["聚焦民生实事", "奋进新征程！"])
def test_a_kicker_over_two_columns_is_chained_to_neither(kicker_x0: float, blocks: list[list[int]], kicker: str) -> None:
    lines = [line(kicker, kicker_x0, 0, kicker_x0 + 66, 11.0), line("文/周文静", 20, 21, 61),
             line("本报讯记者谢芳", 0, 35, 90), line("讯员李淑华为做", 0, 49, 90),
             line("定的孤儿在基本", 105, 21, 195), line("疗康复以及教育", 105, 35, 195), line("权益将得到有效", 105, 49, 195)]
    assert column_blocks(lines, []) == blocks


def lead_over_columns(lead_x1: float) -> list[TextLine]:
    """A lead (its last line short) over a left column that has a paragraph gap, and a right column."""
    return [line("导语一", 0, 0, lead_x1), line("导语二", 0, 14, 30), *column("左", 0, 45, 28, 3),
            *column("左下", 0, 45, 80, 2), *column("右", 55, 100, 28, 5)]


@pytest.mark.parametrize("lead_x1, expected", [
    # doc06 (held-out seed 31): the lead over both columns is a block of its own, not the top of the left column's
    (100, [["导语一", "导语二"], ["左1", "左2", "左3"], ["左下1", "左下2"], ["右1", "右2", "右3", "右4", "右5"]]),
    # near miss: a paragraph as wide as the left column is that column's top
    (45, [["导语一", "导语二", "左1", "左2", "左3"], ["左下1", "左下2"], ["右1", "右2", "右3", "右4", "右5"]]),
])
def test_a_block_wider_than_the_column_under_it_does_not_go_on_in_it(lead_x1: float,
                                                                      expected: list[list[str]]) -> None:
    assert regions(lead_over_columns(lead_x1)) == expected


@pytest.mark.parametrize("extent, wider", [
    ((0, 100), True),      # a line beside the next one stands under the block
    ((0, 45), False),      # near miss: the line beside it stands beyond the block
    ((0, 57), False),      # near miss: under the block by a hair (a fifth of an em), as hanging punctuation is
])
def test_wider_than_column(extent: tuple[float, float], wider: bool) -> None:
    left, right = line("左", 0, 28, 45), line("右", 55, 28, 100)
    assert wider_than_column(extent, left, [left, right]) is wider


# -- bands and columns -----------------------------------------------------------------------------------------------

PAGE = [line("报头", 0, 0, 100), line("大标题", 0, 20, 100, 20), *column("左", 0, 45, 50, 3), *column("右", 55, 100, 50, 3),
        line("报尾", 0, 110, 100)]


def test_bands_top_to_bottom_and_columns_left_to_right() -> None:
    """A running head, a headline over two columns, the columns one after the other, a foot."""
    assert order(PAGE) == ["报头", "大标题", "左1", "左2", "左3", "右1", "右2", "右3", "报尾"]
    assert regions(PAGE) == [["报头"], ["大标题"], ["左1", "左2", "左3"], ["右1", "右2", "右3"], ["报尾"]]


def test_near_miss_a_headline_over_the_left_column_only() -> None:
    """The right column starts at the headline's height: it is read after the left column, headline first."""
    lines = [line("标题", 0, 0, 45, 20), *column("左", 0, 45, 25, 3), *column("右", 55, 100, 0, 5)]
    assert order(lines) == ["标题", "左1", "左2", "左3", "右1", "右2", "右3", "右4", "右5"]


def test_a_band_is_read_column_by_column_before_the_band_below() -> None:
    lines = [*column("甲", 0, 45, 0, 2), *column("乙", 55, 100, 0, 2), line("下一篇标题", 0, 40, 100, 20),
             *column("丙", 0, 45, 65, 2), *column("丁", 55, 100, 65, 2)]
    assert order(lines) == ["甲1", "甲2", "乙1", "乙2", "下一篇标题", "丙1", "丙2", "丁1", "丁2"]


def test_near_miss_columns_that_go_on_past_a_gap_in_the_other_column() -> None:
    """The left column has a paragraph gap where the right has the next article's headline; the left column's
    block spans it, so no band is cut there."""
    lines = [*column("左", 0, 45, 0, 6), *column("右", 55, 100, 0, 2), line("标题", 55, 32, 100, 12),
             *column("新", 55, 100, 48, 2)]
    assert order(lines) == ["左1", "左2", "左3", "左4", "左5", "左6", "右1", "右2", "标题", "新1", "新2"]


def snaking_columns(credit_top: float) -> list[TextLine]:
    """A word processor's two columns: the left ends with a title in body type, the right goes on with the
    story before it, its credit set right (beside its short last line, not under it) at ``credit_top``; the folio
    under both columns stands in the way of a cut between them over the whole page."""
    return [*column("左", 0, 45, 0, 4), line("标题", 5, 67, 40), *column("右", 55, 100, 0, 4), line("右5", 55, 56, 70),
            line("（据央视网）", 75, credit_top, 100), line("— 1 —", 40, 100, 60)]


def test_snaking_columns_are_read_down_the_left_then_down_the_right() -> None:
    """The right column ends just above the title's top, so a cut across the page goes through white there; but
    the right column's text goes on under it with a line's leading (the credit): no band ends there."""
    assert order(snaking_columns(72)) == ["左1", "左2", "左3", "左4", "标题", "右1", "右2", "右3", "右4", "右5",
                                          "（据央视网）", "— 1 —"]


def test_near_miss_a_band_whose_columns_both_end_apart() -> None:
    """The credit stands clearly apart (more white than leading): a band ends there, as before."""
    assert order(snaking_columns(80)) == ["左1", "左2", "左3", "左4", "右1", "右2", "右3", "右4", "右5", "标题",
                                          "（据央视网）", "— 1 —"]


ENDED = [line("上一篇到此结束。", 0, 0, 45)]
TOP = [line("素、全产业链在海外", 55, 0, 100), line("落地的项目。", 55, 14, 85)]
LOW = [line("雅万高铁是中国高铁", 0, 40, 45), line("首次全系统、全要", 0, 54, 45)]

CLOSED = [line("局，市场规模增长。", 0, 0, 40), line("（来源：央视网）", 20, 14, 45)]
NEXT_PARAGRAPH = [line("习近平指出，中国和", 65, 0, 100), line("马关系取得新进展。", 55, 14, 95),
                  line("（据央视《新闻联播》）", 62, 28, 100)]
OPEN = [line("十月三日，国家主席", 10, 40, 45), line("习近平致电祝贺他。", 0, 54, 40)]

TURNED_COLUMN = [
    # the right column's top goes on from the story at the foot of the left column, read after it
    ("column top read after the column it goes on from", [ENDED, TOP, LOW], ["上一篇到此结束。", "雅万高铁是中国高铁", "素、全产业链在海外"]),
    # also where the region before ends with an office set right, signing its story
    ("after an office set right", [[line("并处以四千元罚款", 0, -14, 45), line("县民政局", 32, 0, 45)], TOP, LOW],
     ["并处以四千元罚款", "雅万高铁是中国高铁", "素、全产业链在海外"]),
    # and where that office stands alone in its region, set right of the column read before it
    ("after an office set right alone", [[line("并处以四千元罚款", 0, -14, 45)], [line("县民政局", 32, 0, 45)], TOP, LOW],
     ["并处以四千元罚款", "县民政局", "雅万高铁是中国高铁", "素、全产业链在海外"]),
    # and where the region before closes with a credit wrapped onto its last line
    ("after a credit wrapped across two lines", [[line("满意而归。（县民政局办", 0, -14, 45), line("公室）", 0, 0, 10)], TOP, LOW],
     ["满意而归。（县民政局办", "雅万高铁是中国高铁", "素、全产业链在海外"]),
    # near misses: the order stands
    ("a bracket opened on the line before closes no credit", [[line("满意而归。（县民政局办", 0, -14, 45),
                                                              line("公室等单位", 0, 0, 25)], TOP, LOW],
     ["满意而归。（县民政局办", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    ("an office alone far under the column read before it", [[line("并处以四千元罚款", 0, -60, 45)],
                                                            [line("县民政局", 32, 0, 45)], TOP, LOW],
     ["并处以四千元罚款", "县民政局", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    ("a name alone at the column's edge closes nothing", [[line("并处以四千元罚款", 0, -14, 45)],
                                                          [line("县民政局", 0, 0, 13)], TOP, LOW],
     ["并处以四千元罚款", "县民政局", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    ("the column's top is indented: a paragraph starts there", [ENDED, [line("素、全产业链在海外", 75, 0, 100), TOP[1]], LOW],
     ["上一篇到此结束。", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    ("the region before it runs on into it", [[line("上一篇还没有", 0, 0, 45)], TOP, LOW],
     ["上一篇还没有", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    ("the lower region's text goes on in the region after it", [ENDED, TOP, LOW, [line("素材来自", 0, 80, 45), line("网络。", 0, 94, 30)]],
     ["上一篇到此结束。", "素、全产业链在海外", "雅万高铁是中国高铁", "素材来自"]),
    ("the lower region ends its sentence", [ENDED, TOP, [LOW[0], line("首次全系统完成。", 0, 54, 40)]],
     ["上一篇到此结束。", "素、全产业链在海外", "雅万高铁是中国高铁"]),
    # turned_paragraph: the column's top is the story's next paragraph and its credit, beside a story that closed
    # with one; the story it goes on from ended its sentence with no credit at the left column's foot
    ("a new paragraph and a credit after a credit", [CLOSED, NEXT_PARAGRAPH, OPEN],
     ["局，市场规模增长。", "十月三日，国家主席", "习近平指出，中国和"]),
    ("after an office set right", [[CLOSED[0], line("县民政局", 32, 14, 45)], NEXT_PARAGRAPH, OPEN],
     ["局，市场规模增长。", "十月三日，国家主席", "习近平指出，中国和"]),
    # near misses
    ("the region before only ended a sentence", [CLOSED[:1], NEXT_PARAGRAPH, OPEN],
     ["局，市场规模增长。", "习近平指出，中国和", "十月三日，国家主席"]),
    ("the column's top closes with no credit", [CLOSED, NEXT_PARAGRAPH[:2], OPEN],
     ["局，市场规模增长。", "习近平指出，中国和", "十月三日，国家主席"]),
    ("the lower story closed with its own credit", [CLOSED, NEXT_PARAGRAPH, [*OPEN, line("（据新华社）", 20, 68, 45)]],
     ["局，市场规模增长。", "习近平指出，中国和", "十月三日，国家主席"]),
    ("the column's top is a title centred at the body's size", [CLOSED, [line("社区开展志愿服务", 65, 0, 85),
                                                                         *NEXT_PARAGRAPH[1:]], OPEN],
     ["局，市场规模增长。", "社区开展志愿服务", "十月三日，国家主席"]),
]


@pytest.mark.parametrize(("case", "regions", "expected"), TURNED_COLUMN, ids=[c[0] for c in TURNED_COLUMN])
def test_turned_column(case: str, regions: list[list[TextLine]], expected: list[str]) -> None:
    assert [region[0].text for region in turned_column(regions, 10.0)] == expected


def faced(text: str, x0: float, top: float, x1: float, font: str, size: float = 10.0) -> TextLine:
    return TextLine(text, x0, top, x1, top + size, size, font)


def test_a_title_in_another_face_stays_over_its_story() -> None:
    """Two columns: a title in bold sans at the left column's foot, its story under it; the right column ends
    between the title's foot and the story's top, a folio under both. The cut across the page under the title would read the right
    column between them."""
    left = [faced(f"左{k}", 0, 14 * k, 45, "Serif") for k in range(4)]
    title = faced("陕北到安徽特高压直流输电工程开工", 5, 66, 40, "Sans-Bold")
    story = [faced(f"陕北{k}", 0, 90 + 14 * k, 45, "Serif") for k in range(3)]
    right = [faced(f"右{k}", 55, 14 * k, 100, "Serif") for k in range(6)]
    folio = faced("— 3 —", 40, 150, 60, "Serif")  # (under both columns: no cut between them over the page)
    got = order([*left, title, *story, *right, folio])
    assert got[got.index(title.text):][:4] == [title.text, "陕北0", "陕北1", "陕北2"]


def at_feet(right_foot: list[TextLine]) -> list[TextLine]:
    """Two columns of a word processor's page: the left one a story, then a tag, a title in bold sans, its deck
    and its byline centred under it at its foot; the right one the rest of that story at its top, then
    ``right_foot``; a folio under both."""
    left = [faced(f"左{k}", 0, 14 * k, 45, "Serif") for k in range(6)]
    tag = faced("【工作动态】", 0, 100, 30, "Sans-Bold")  # (beside the right column's last line)
    head = [faced("李克强向科威特首相致贺电", 3, 125, 42, "Sans-Bold"), faced("——一线观察之二", 16, 139, 32, "Serif"),
            faced("市慈善总会", 18, 153, 30, "Serif")]
    right = [faced(f"右{k}", 55, 14 * k, 100, "Serif") for k in range(8)]
    folio = faced("— 1 —", 40, 250, 60, "Serif")
    return [*left, tag, *head, *right, *right_foot, folio]


def test_titles_left_at_the_feet_of_the_columns_head_the_next_columns_top() -> None:
    """dx14 doc06: both columns end with a title whose story goes on at the next column's (or page's) top; cut
    across the page above them, the right column's top was read before the left one's title."""
    right_foot = [faced("二十大新闻中心举行第四场集体", 55, 121, 100, "Sans-Bold"), faced("采访", 70, 135, 85, "Sans-Bold"),
                  faced("——一线观察之二", 66, 149, 94, "Serif")]
    got = order(at_feet(right_foot))
    assert got == ["左0", "左1", "左2", "左3", "左4", "左5", "【工作动态】", "李克强向科威特首相致贺电", "——一线观察之二",
                   "市慈善总会", *[f"右{k}" for k in range(8)], "二十大新闻中心举行第四场集体", "采访", "——一线观察之二",
                   "— 1 —"]
    # near miss: stories under both titles make a band of their own: the page is cut above them
    stories = [faced(f"{name}{k}", x0, 173 + 14 * k, x1, "Serif") for k in range(3) for name, x0, x1 in (
        ("甲", 0, 45), ("乙", 55, 100))]
    got = order(at_feet([*right_foot, *stories]))
    assert got.index("右7") < got.index("李克强向科威特首相致贺电")


def test_a_title_at_a_column_foot_heads_the_next_columns_top_where_that_column_goes_on() -> None:
    """Bulletin seed 307 doc04: the left column ends with a title whose story is at the right column's top; the right
    column goes on below the title's top with the next story (its tag, its title, its text). Cut across the page
    above the left title, the right column's top was read before the title that heads it."""
    left = [faced(f"左{k}", 0, 14 * k, 45, "Serif") for k in range(8)]
    head = [faced("李克强向科威特首相", 3, 125, 42, "Sans-Bold", 14.0), faced("致贺电", 14, 143, 30, "Sans-Bold", 14.0)]
    right = [faced(f"右{k}", 55, 14 * k, 100, "Serif") for k in range(6)]
    nxt = [faced("【基层动态】", 55, 88, 85, "Sans-Bold"), faced("科普宣传上街", 62, 106, 95, "Sans-Bold", 14.0),
           *[faced(f"科普{k}", 55, 126 + 14 * k, 100, "Serif") for k in range(3)]]
    folio = faced("— 1 —", 40, 200, 60, "Serif")
    got = order([*left, *head, *right, *nxt, folio])
    assert got == [*[f"左{k}" for k in range(8)], "李克强向科威特首相", "致贺电", *[f"右{k}" for k in range(6)], "【基层动态】",
                   "科普宣传上街", "科普0", "科普1", "科普2", "— 1 —"]
    # near miss: the left title has its story under it: a band of its own, read after the right column's top
    story = [faced(f"甲{k}", 0, 163 + 10 * k, 45, "Serif") for k in range(2)]
    got = order([*left, *head, *story, *right, *nxt, faced("— 1 —", 40, 220, 60, "Serif")])
    assert got.index("右5") < got.index("李克强向科威特首相") < got.index("甲0")


def test_a_title_at_a_column_foot_under_a_row_of_titles_heads_the_next_columns_top() -> None:
    """Bulletin seed 331 doc03: a row of two titles with their stories under them; the left column ends with a third
    title whose story is at the right column's top, above the row. Cut across the page above the row, that story was
    read before its title and its title run into the right title. The columns are read one after the other.
    Near miss: a story under the third title in its column: the row's band stands."""
    left_top = [faced(f"左{k}", 0, 14 * k, 45, "Serif") for k in range(4)]
    right_top = [faced(f"日本{k}", 55, 14 * k, 100, "Serif") for k in range(4)]
    row = [faced("快递发展指数提升", 2, 64, 43, "Sans-Bold", 14.0), faced("二十大新闻中心", 58, 64, 98, "Sans-Bold", 14.0)]
    left_story = [faced(f"快递{k}", 0, 86 + 14 * k, 45, "Serif") for k in range(3)]
    right_story = [faced(f"二十大{k}", 55, 86 + 14 * k, 100, "Serif") for k in range(7)]
    foot = faced("日本上半财年贸易逆差创新高", 2, 136, 43, "Sans-Bold", 14.0)
    folio = faced("— 2 —", 40, 200, 60, "Serif")
    got = order([*left_top, *right_top, *row, *left_story, *right_story, foot, folio])
    assert got == [*[f"左{k}" for k in range(4)], "快递发展指数提升", *[f"快递{k}" for k in range(3)], foot.text,
                   *[f"日本{k}" for k in range(4)], "二十大新闻中心", *[f"二十大{k}" for k in range(7)], "— 2 —"]
    under = [faced(f"乙{k}", 0, 156 + 10 * k, 45, "Serif") for k in range(3)]
    got = order([*left_top, *right_top, *row, *left_story, *right_story, foot, *under,
                 faced("— 2 —", 40, 220, 60, "Serif")])
    assert got.index("日本3") < got.index("快递发展指数提升")


def test_a_framed_block_after_the_lower_region_goes_on_with_nothing_of_it() -> None:
    """Bulletin seed 307 doc03: the story at the left column's foot is read, then the distribution block in its frame
    beside it: the block goes on with nothing of the story, which goes on at the right column's top. Near miss:
    without the frame's rules, the block could be the story's next column, and the order stands."""
    regions = [*TURNED_COLUMN[0][1], [line("报：市民政局", 55, 80, 100), line("送：县委办、县政府办", 55, 94, 100)]]
    rules = [(55.0, 76.0, 100.0, 76.5), (55.0, 110.0, 100.0, 110.5)]
    framed = turned_column(regions, 10.0, rules)
    assert [region[0].text for region in framed] == ["上一篇到此结束。", "雅万高铁是中国高铁", "素、全产业链在海外", "报：市民政局"]
    unframed = turned_column(regions, 10.0)
    assert [region[0].text for region in unframed] == ["上一篇到此结束。", "素、全产业链在海外", "雅万高铁是中国高铁", "报：市民政局"]


@pytest.mark.parametrize(("fonts", "last", "found"), [
    (("Serif", "Sans-Bold"), "陕北到安徽特高压直流输电工程开工", {1}),
    (("Serif", "Serif"), "陕北到安徽特高压直流输电工程开工", set()),  # the body's own face
    (("", ""), "陕北到安徽特高压直流输电工程开工", set()),  # fonts without names
    (("Serif", "Sans-Bold"), "（陈佳）", set()),  # a credit in another face
])
def test_set_apart(fonts: tuple[str, str], last: str, found: set[int]) -> None:
    lines = [faced(f"这是正文的第{k}行文字", 0, 14 * k, 45, fonts[0]) for k in range(5)] + [faced(last, 5, 80, 40, fonts[1])]
    assert set(set_apart(lines, [[0, 1, 2, 3, 4], [5]], 10.0)) == found


@pytest.mark.parametrize(("under", "found"), [
    (faced("——一线观察之二", 18, 94, 38, "Serif"), {1}),  # a deck centred under the title in the body's face
    (faced("这是正文的第六行文字", 0, 94, 45, "Serif"), set()),  # a bold first line opening a paragraph
])
def test_set_apart_with_its_deck(under: TextLine, found: set[int]) -> None:
    lines = [faced(f"这是正文的第{k}行文字", 0, 14 * k, 45, "Serif") for k in range(5)] + [
        faced("陕北到安徽特高压直流输电工程开工", 5, 80, 40, "Sans-Bold"), under]
    assert set(set_apart(lines, [[0, 1, 2, 3, 4], [5, 6]], 10.0)) == found


def strip_beside_two_bands(label_size: float) -> list[TextLine]:
    """Two bands on the left; on the right a column whose label sits just above the height where the bands part."""
    return [*column("甲", 0, 200, 0, 6), *column("乙", 0, 200, 110, 6), *column("丙", 220, 300, 0, 5),
            line("简讯", 240, 80, 280, label_size), *column("丁", 220, 300, 105, 7)]


def test_a_label_stays_with_the_column_under_it() -> None:
    """sanmen02: the cut where the left bands part would read the left's lower band between 简讯 and its briefs;
    the columns are cut apart first instead."""
    assert order(strip_beside_two_bands(18)) == [
        "甲1", "甲2", "甲3", "甲4", "甲5", "甲6", "乙1", "乙2", "乙3", "乙4", "乙5", "乙6",
        "丙1", "丙2", "丙3", "丙4", "丙5", "简讯", "丁1", "丁2", "丁3", "丁4", "丁5", "丁6", "丁7"]


def test_near_miss_without_a_label_the_page_is_cut_into_bands_first() -> None:
    lines = [item for item in strip_beside_two_bands(18) if item.text != "简讯"]
    assert order(lines) == [
        "甲1", "甲2", "甲3", "甲4", "甲5", "甲6", "丙1", "丙2", "丙3", "丙4", "丙5",
        "乙1", "乙2", "乙3", "乙4", "乙5", "乙6", "丁1", "丁2", "丁3", "丁4", "丁5", "丁6", "丁7"]


def label_beside_a_headline(label_size: float, column_top: float = 28, head_size: float = 20,
                            box_columns: int = 1) -> list[TextLine]:
    """A headline over the left two columns; beside it, a label over the right column or two (a briefs box)."""
    box = [*column("讯", 160, 220, column_top, 4)] if box_columns == 1 else \
        [*column("讯", 160, 200, column_top, 2), *column("息", 210, 250, column_top, 2)]
    label = line("动态", 160, 1, 190 if box_columns == 1 else 250, label_size)  # a label spans the box's columns
    return [line("大标题", 0, 0, 140, head_size), label, *column("左", 0, 65, 28, 3),
            *column("中", 75, 140, 28, 3), *box]


LEFT = ["大标题", "左1", "左2", "左3", "中1", "中2", "中3"]
RIGHT = ["讯1", "讯2", "讯3", "讯4"]


@pytest.mark.parametrize("label_size, column_top, head_size, box_columns, expected", [
    # doc03 (held-out seed 31): a 12 pt label over 10 pt briefs is kept over them, the columns cut apart first
    (12, 28, 20, 1, [*LEFT, "动态", *RIGHT]),
    # doc11: the briefs' box starts a hair (less than the boxes' slack) above the cut under the headline
    (12.5, 19.5, 20, 1, [*LEFT, "动态", *RIGHT]),
    # the headline keeps its two columns: the page is cut between them and the box, whatever the label's size
    (11, 28, 20, 1, [*LEFT, "动态", *RIGHT]),
    # ... and a label over a box of two columns keeps both
    (12, 28, 11, 2, [*LEFT, "动态", "讯1", "讯2", "息1", "息2"]),
    # near miss: neither a headline nor a label (lines 1.1 times the body, as kickers): the top band is read first
    (11, 28, 11, 1, ["大标题", "动态", *LEFT[1:], *RIGHT]),
])
def test_a_head_beside_a_head_each_stays_with_its_columns(label_size: float, column_top: float, head_size: float,
                                                          box_columns: int, expected: list[str]) -> None:
    assert order(label_beside_a_headline(label_size, column_top, head_size, box_columns)) == expected


def headline_over_four_columns(head_x0: float) -> list[TextLine]:
    """A headline 80 wide over the middle two of four columns (0-45, 55-100, 110-155, 165-210)."""
    return [line("大标题", head_x0, 0, head_x0 + 80, 20), *column("一", 0, 45, 28, 2), *column("二", 55, 100, 28, 2),
            *column("三", 110, 155, 28, 2), *column("四", 165, 210, 28, 2)]


@pytest.mark.parametrize("head_x0, expected", [
    # dev04: centred over all four columns, it covers the middle two only; its band is cut off above all four
    (65, ["大标题", "一1", "一2", "二1", "二2", "三1", "三2", "四1", "四2"]),
    # near miss: flush left over the middle two, it is theirs; the first column is not, and is read first
    (55, ["一1", "一2", "大标题", "二1", "二2", "三1", "三2", "四1", "四2"]),
])
def test_a_centred_headline_heads_all_the_columns_of_its_band(head_x0: float, expected: list[str]) -> None:
    assert order(headline_over_four_columns(head_x0)) == expected


def photo_under_a_headline(photo_x1: float, head_x1: float = 140) -> list[TextLine]:
    """A headline (0-``head_x1``) over two columns (0-140) with a photo between (0-``photo_x1``, 28-100); beside
    them two briefs, the gap between the briefs level with the gap between headline and photo."""
    return [line("大标题", 0, 0, head_x1, 20), *column("左", 0, 65, 108, 3), *column("中", 75, 140, 108, 3),
            *column("讯", 160, 220, 0, 2), *column("息", 160, 220, 38, 6)]


BRIEFS = ["讯1", "讯2", "息1", "息2", "息3", "息4", "息5", "息6"]
ARTICLE = ["左1", "左2", "左3", "中1", "中2", "中3"]


@pytest.mark.parametrize("photo_x1, head_x1, expected", [
    # a photo across the headline between it and its text: the headline keeps its columns under the photo
    (140, 140, ["大标题", *ARTICLE, *BRIEFS]),
    # held-out seed 47: the headline's last glyph ends a hair past the columns' ink, within the photo's width
    (144, 143, ["大标题", *ARTICLE, *BRIEFS]),
    # near miss: a photo in one column only is no photo under the headline; its text starts too far down
    (65, 140, ["大标题", "讯1", "讯2", *ARTICLE, *BRIEFS[2:]]),
    # near miss: a headline wider than its photo and its columns is not theirs alone
    (140, 143, ["大标题", "讯1", "讯2", *ARTICLE, *BRIEFS[2:]]),
])
def test_a_headline_keeps_its_columns_under_a_photo(photo_x1: float, head_x1: float, expected: list[str]) -> None:
    assert order(photo_under_a_headline(photo_x1, head_x1), images=[(0, 28, photo_x1, 100)]) == expected


def box_beside_a_story(below: str) -> list[TextLine]:
    """Head and foot ruled off; a story on the left (headline, a wide lead, two columns) and a box on the right
    that ends level with the white between lead and columns. ``below``: what starts under that white on the left
    ("body": the story's columns; "story": the next story's headline; "brief": also another brief on the right)."""
    lines = [line("报头", 0, 0, 60), line("日期", 160, 0, 220), line("标题", 0, 20, 40, 20), *column("导语", 0, 140, 46, 2),
             *column("讯", 160, 220, 20, 4), line("报尾", 0, 140, 100)]
    if below == "story":
        lines.append(line("新标题", 0, 82, 60, 20))
    lines += [*column("左", 0, 65, 108 if below == "story" else 82, 2), *column("中", 75, 140, 82, 3)]
    return lines + (column("息", 160, 220, 85, 3) if below == "brief" else [])


HEAD_FOOT = [(0, 14, 220, 15), (0, 135, 220, 136)]
STORY = ["标题", "导语1", "导语2"]
BOX = ["讯1", "讯2", "讯3", "讯4"]


@pytest.mark.parametrize("below, expected", [
    # held-out seed 33's doc10: the white under the lead runs on past the box's end; the story's text goes on
    # across it, so the page is cut into columns first, not read lead, box, columns
    ("body", ["报头", "日期", *STORY, "左1", "左2", "中1", "中2", "中3", *BOX, "报尾"]),
    # near miss: the next story's headline starts under the white: a band's edge, read band by band
    ("story", ["报头", "日期", *STORY, *BOX, "新标题", "左1", "左2", "中1", "中2", "中3", "报尾"]),
    # near miss: the box goes on under the white too (a brief on each side of it): bands
    ("brief", ["报头", "日期", *STORY, *BOX, "左1", "左2", "中1", "中2", "中3", "息1", "息2", "息3", "报尾"]),
])
def test_white_past_the_end_of_a_column_parts_no_bands(below: str, expected: list[str]) -> None:
    assert order(box_beside_a_story(below), rules=HEAD_FOOT) == expected


def masthead_over_a_column() -> list[TextLine]:
    """A head over the right column of the top article; below a rule, the next article's headline over its left
    column; beside both, a column of briefs that ends just above that article's body."""
    return [line("报名", 110, 0, 150, 20), *column("甲", 0, 95, 40, 5), *column("乙", 105, 200, 40, 5),
            line("标题", 0, 125, 60, 20), *column("丙", 0, 95, 152, 3), *column("丁", 105, 200, 152, 3),
            *column("戊", 220, 300, 40, 8)]


ARTICLES_RULE = (0, 115, 200, 116)
TOP = ["甲1", "甲2", "甲3", "甲4", "甲5"], ["乙1", "乙2", "乙3", "乙4", "乙5"]
LOWER = ["标题", "丙1", "丙2", "丙3", "丁1", "丁2", "丁3", "戊1", "戊2", "戊3", "戊4", "戊5", "戊6", "戊7", "戊8"]


@pytest.mark.parametrize("rules, expected", [
    # doc12 (held-out seed 31): the page's head rule parts the masthead from the column under it, so the page is cut
    # under the masthead, the briefs column from the rest, and the lower headline stays over its body
    ([(0, 30, 300, 31), ARTICLES_RULE], ["报名", *TOP[0], *TOP[1], *LOWER]),
    # near miss: no rule between them, the head stays with its column (sanmen02's 简讯)
    ([ARTICLES_RULE], [*TOP[0], "报名", *TOP[1], *LOWER]),
    # near miss: a rule only as wide as the head (its underline, a frame around a label) parts nothing
    ([(110, 24, 150, 25), ARTICLES_RULE], [*TOP[0], "报名", *TOP[1], *LOWER]),
])
def test_a_rule_across_the_column_parts_a_head_from_it(rules: list[Box], expected: list[str]) -> None:
    assert order(masthead_over_a_column(), rules=rules) == expected


# -- graphics --------------------------------------------------------------------------------------------------------

FOUR = [*column("甲", 0, 45, 0, 2), *column("乙", 55, 100, 0, 2), *column("丙", 0, 45, 40, 2), *column("丁", 55, 100, 40, 2)]


def test_without_graphics_four_blocks_are_read_as_two_bands() -> None:
    assert order(FOUR) == ["甲1", "甲2", "乙1", "乙2", "丙1", "丙2", "丁1", "丁2"]


def test_a_frame_keeps_its_inside_together() -> None:
    """A box drawn around the left two blocks (a briefs box): its inside is read before what is beside it."""
    frame = (-2, -2, 48, 66)
    assert order(FOUR, rules=[frame]) == ["甲1", "甲2", "丙1", "丙2", "乙1", "乙2", "丁1", "丁2"]


def test_near_miss_a_frame_around_everything_changes_nothing() -> None:
    assert order(FOUR, rules=[(-5, -5, 105, 70)]) == order(FOUR)


def test_a_column_rule_still_lets_the_columns_part() -> None:
    assert order(FOUR, rules=[(50, -2, 50.5, 66)]) == ["甲1", "甲2", "丙1", "丙2", "乙1", "乙2", "丁1", "丁2"]


def test_near_miss_a_short_rule_in_the_gutter_changes_nothing() -> None:
    assert order(FOUR, rules=[(50, 0, 50.5, 20)]) == order(FOUR)


def test_a_photo_across_the_gutter_parts_the_bands() -> None:
    """A photo over the lower band's gutter: the cut between the bands still goes through, the columns below it
    are read left then right."""
    lines = [*column("甲", 0, 45, 0, 2), *column("乙", 55, 100, 0, 2), *column("丙", 0, 45, 80, 2),
             *column("丁", 55, 100, 80, 2)]
    assert order(lines, images=[(20, 32, 80, 72)]) == ["甲1", "甲2", "乙1", "乙2", "丙1", "丙2", "丁1", "丁2"]


def test_text_on_a_photo_is_read_after_the_text_around_it() -> None:
    """sanmen02: a paragraph leaves the column left of a photo and goes on under it; the credit printed on the
    photo comes last, not between."""
    lines = [*column("左", 0, 45, 0, 8), line("某某/摄", 70, 40, 98, 8), *column("下", 55, 100, 62, 4)]
    assert order(lines, images=[(55, 0, 100, 52)]) == [
        "左1", "左2", "左3", "左4", "左5", "左6", "左7", "左8", "下1", "下2", "下3", "下4", "某某/摄"]


def test_near_miss_a_scan_under_its_text_is_no_photo() -> None:
    lines = [*column("左", 0, 45, 0, 6), line("某某/摄", 70, 40, 98, 8), *column("下", 55, 100, 62, 2)]
    assert on_photo(PageLayout(1, 300, 400, lines, images=[(0, 0, 300, 400)])) == set()


# -- a lead set above its headline -----------------------------------------------------------------------------------

def test_a_wide_lead_above_a_headline_in_a_column_is_read_after_the_headline() -> None:
    """dev05: the lead runs across the page, the headline sits in the first column below it."""
    lines = [line("导语", 0, 0, 100), line("标题", 0, 20, 45, 20), *column("左", 0, 45, 45, 2),
             *column("右", 55, 100, 20, 4)]
    assert order(lines) == ["标题", "导语", "左1", "左2", "右1", "右2", "右3", "右4"]


@pytest.mark.parametrize("hang", [0.0, 9.0])
def test_a_running_head_over_its_rule_is_no_lead(hang: float) -> None:
    """A running head across the page over the page's rule, a headline at the top of the first
    column, text beside it: the rule parts the head from the page, whose text is read after it,
    also where punctuation hangs past the columns' edge beyond the rule's end."""
    lines = [line("报头", 0, 0, 150, 9), line("标题", 20, 30, 80, 16), *column("左", 0, 100, 55, 3),
             *column("右", 110, 210 + hang, 30, 5)]
    assert order(lines, rules=[(0, 20, 210, 21)]) == ["报头", "标题", "左1", "左2", "左3", "右1", "右2", "右3",
                                                      "右4", "右5"]


def test_near_miss_a_body_above_the_next_headline_stays_first() -> None:
    """The end of an article over the next one's headline, both in one column: not a lead."""
    lines = [*column("上", 0, 45, 0, 2), line("标题", 0, 32, 45, 20), *column("下", 0, 45, 57, 2)]
    assert order(lines) == ["上1", "上2", "标题", "下1", "下2"]


def test_lead_after_headline_takes_a_kicker_with_the_headline() -> None:
    lead, kicker, head, body, beside = (0, 0, 100, 20), (0, 25, 30, 32), (0, 34, 30, 50), (0, 55, 30, 90), \
        (35, 25, 100, 90)
    bands = [[[0]], [[1], [2], [3], [4]]]
    boxes = [lead, kicker, head, body, beside]
    assert lead_after_headline(bands, boxes, frozenset({2})) == [[[1], [2], [0], [3], [4]]]


# -- an OCR engine's order, and a column it read in two pieces ------------------------------------------------------

def ocr_page(*blocks: list[TextLine]) -> PageLayout:
    """A page whose lines come in the engine's order, each list one of its paragraphs."""
    from dataclasses import replace

    return PageLayout(1, 300, 400, [replace(item, block=b) for b, block in enumerate(blocks) for item in block])


RIGHT_TOP = [line("本是同根生", 160, 0, 250), line("相煎何太急", 160, 14, 250), line("在十几年的生涯中屡遭失", 160, 28, 250)]
BYLINE = [line("文/姜钦峰", 0, 42, 60)]
LEFT = column("左", 100, 150, 42, 4)
RIGHT_REST = [line("败无数好几次", 160, 42, 250), line("差点全军覆没。", 160, 56, 220)]

OCR_ORDER = [
    # mag12img: the right column's top (beside the title), the byline and the left column, the right column's rest:
    # the column's last line runs on into the rest, so the left column is read first
    ("column read in two", [RIGHT_TOP, BYLINE, LEFT, RIGHT_REST],
     ["文/姜钦峰", "左1", "左2", "左3", "左4", "本是同根生", "相煎何太急", "在十几年的生涯中屡遭失", "败无数好几次", "差点全军覆没。"]),
    # near misses: the engine's order stands
    ("the column's piece ends a sentence", [[*RIGHT_TOP[:2], line("屡遭失败。", 160, 28, 250)], BYLINE, LEFT, RIGHT_REST],
     ["本是同根生", "相煎何太急", "屡遭失败。", "文/姜钦峰", "左1", "左2", "左3", "左4", "败无数好几次", "差点全军覆没。"]),
    ("its last line stops short", [[*RIGHT_TOP[:2], line("屡遭失", 160, 28, 200)], BYLINE, LEFT, RIGHT_REST],
     ["本是同根生", "相煎何太急", "屡遭失", "文/姜钦峰", "左1", "左2", "左3", "左4", "败无数好几次", "差点全军覆没。"]),
    ("the rest starts indented: a new paragraph", [RIGHT_TOP, BYLINE, LEFT, [line("　　败无数", 180, 42, 250)]],
     ["本是同根生", "相煎何太急", "在十几年的生涯中屡遭失", "文/姜钦峰", "左1", "左2", "左3", "左4", "　　败无数"]),
    ("the columns to the left start lower down (held-out seed 32)",
     [RIGHT_TOP, column("左", 100, 150, 120, 2), RIGHT_REST],
     ["本是同根生", "相煎何太急", "在十几年的生涯中屡遭失", "左1", "左2", "败无数好几次", "差点全军覆没。"]),
    ("a block between is not left of the column", [RIGHT_TOP, [line("跨栏标题", 100, 42, 250)], RIGHT_REST],
     ["本是同根生", "相煎何太急", "在十几年的生涯中屡遭失", "跨栏标题", "败无数好几次", "差点全军覆没。"]),
]


@pytest.mark.parametrize(("case", "blocks", "expected"), OCR_ORDER, ids=[c[0] for c in OCR_ORDER])
def test_ocr_order(case: str, blocks: list[list[TextLine]], expected: list[str]) -> None:
    assert [item.text for item in ocr_order(ocr_page(*blocks)).lines] == expected


def test_ocr_order_keeps_each_paragraph_whole_and_its_number() -> None:
    page = ocr_page(RIGHT_TOP, BYLINE, LEFT, RIGHT_REST)
    blocks = [item.block for item in ocr_order(page).lines]
    assert blocks == [1, 2, 2, 2, 2, 0, 0, 0, 3, 3]


def test_mag12img_hocr_reads_the_left_column_before_the_right() -> None:
    """tesseract read the second article's right column from beside the title; the story starts in the left one."""
    shared = Path(__file__).resolve().parents[2] / "shared"
    hocr = shared / "real" / "hocr" / "mag12img" / "page-1.hocr"
    if not hocr.exists():
        pytest.skip("../shared is not beside this checkout")
    from normalize.hocr import read_hocr

    (page,) = read_hocr(hocr.read_bytes(), name=hocr.name)
    texts = [item.text for item in ocr_order(page).lines]
    start = next(k for k, text in enumerate(texts) if text.startswith("有个年轻人"))
    assert texts[start - 1].endswith("文/姜钦峰")
    assert texts[start + 12].endswith("越来越") and texts[start + 13].startswith("小,直至忽略不计")
    assert texts[-2].endswith("则世界辽阔。")  # the right column's last line, then the folio
    assert sorted(texts) == sorted(item.text for item in page.lines)


ABOVE = [line("上一篇正文" * 3, x, 0, x + 160) for x in (0, 170)]
SPANNING = line("跨栏大标题在这里", 0, 20, 330, 30)
UNDER = [line("本篇正文" * 4, x, 60, x + 160) for x in (0, 170)]
THROUGH = [
    # sanmen02 through tesseract: down the first column past the headline into its story, then back up
    ("down through the headline and back up", [ABOVE[0], SPANNING, UNDER[0], ABOVE[1], UNDER[1]], True),
    # near misses: the story above read first (the dev pages); a headline over one column only, with the
    # column beside it read after the story under it; a line of body type across the columns
    ("the story above first", [*ABOVE, SPANNING, *UNDER], False),
    ("a headline over one column", [ABOVE[0], line("一栏标题", 0, 20, 160, 30), UNDER[0], ABOVE[1], UNDER[1]], False),
    ("a body line across", [ABOVE[0], line("通栏的正文" * 6, 0, 20, 330), UNDER[0], ABOVE[1], UNDER[1]], False),
    # modular seed 7: the next story's kicker, set a size up over its title beside this headline, read after this
    # story: no body line
    ("a kicker a size up", [SPANNING, UNDER[0], line("文明创建进行时", 0, 5, 160, 11.5), UNDER[1]], False),
]


@pytest.mark.parametrize(("case", "lines", "through"), THROUGH, ids=[c[0] for c in THROUGH])
def test_reads_through_headline(case: str, lines: list[TextLine], through: bool) -> None:
    assert reads_through_headline(lines) is through


def test_an_engines_order_through_a_headline_gives_way_to_the_boxes() -> None:
    page = ocr_page([ABOVE[0]], [SPANNING], [UNDER[0]], [ABOVE[1]], [UNDER[1]])
    assert [item.text for item in ocr_order(page).lines] == [ABOVE[0].text, ABOVE[1].text, SPANNING.text,
                                                             UNDER[0].text, UNDER[1].text]


PIECES = [
    # sanmen02 through tesseract: one line of a column read as two pieces, a paragraph and a "headline"
    ("one line in two pieces", [line("县委组织部全", 275, 0, 408, 26), line("卫生死角。而在此之前，", 40, 0, 269, 26)],
     ["卫生死角。而在此之前，县委组织部全"]),
    ("three pieces", [line("甲乙", 0, 0, 20), line("丙丁", 22, 1, 42), line("戊己", 44, 0, 64)], ["甲乙丙丁戊己"]),
    ("Latin words keep their space", [line("NEW", 0, 0, 30), line("SANMEN", 33, 0, 90)], ["NEW SANMEN"]),
    # near misses: two columns' lines level across a gutter; a line of another size beside it; one lower down
    ("a gutter between", [line("左栏", 0, 0, 160), line("右栏", 170, 0, 330)], ["左栏", "右栏"]),
    ("another size", [line("正文", 0, 0, 20), line("标题", 22, 0, 62, 20)], ["正文", "标题"]),
    ("the next row", [line("上行", 0, 0, 20), line("下行", 22, 9, 42)], ["上行", "下行"]),
    # a column rule read as a piece of its own, in the gutter between two columns' lines: it joins nothing (dev01)
    ("a rule between", [line("甲乙丙", 0, 0, 30), line("|", 32, 0, 34), line("丁戊", 36, 0, 56)], ["甲乙丙", "|", "丁戊"]),
]


@pytest.mark.parametrize(("case", "lines", "expected"), PIECES, ids=[c[0] for c in PIECES])
def test_one_line_pieces(case: str, lines: list[TextLine], expected: list[str]) -> None:
    assert sorted(item.text for item in one_line_pieces(lines)) == sorted(expected)


def test_sanmen02_hocr_is_read_from_its_boxes() -> None:
    """tesseract read the county page's first column down through 邮政储蓄银行老区小学献爱心 and back up; its
    boxes give each story's headline, then its columns, left to right."""
    shared = Path(__file__).resolve().parents[2] / "shared"
    hocr = shared / "real" / "hocr" / "sanmen02" / "page-1.hocr"
    if not hocr.exists():
        pytest.skip("../shared is not beside this checkout")
    from normalize.hocr import read_hocr

    (page,) = read_hocr(hocr.read_bytes(), name=hocr.name)
    assert reads_through_headline(page.lines)
    texts = [item.text for item in ocr_order(page).lines]

    def at(start: str) -> int:
        return next(k for k, text in enumerate(texts) if text.startswith(start))

    assert at("邮政储著银") < at("本报讯 (记者陈玲玲实习生李超)") < at("记者了解到") < at("当天的捐赠活动") < at("文明进社区")
    assert at("县残联派送助残") < at("本报讯(记者陈晓辉") < at("邮政储著银")
    assert "卫生死角。而在此之前，县委组织部全" in texts  # one line, not a line and a headline


def test_dev04_hocr_reads_the_headline_before_the_story_under_it() -> None:
    """tesseract read dev04's headline, set at twice the body's size, after the first column of the story under
    it: the headline goes before that story's text, under its kicker, and the story has both."""
    folder = Path(__file__).resolve().parents[2] / "shared" / "dev" / "hocr" / "dev04"
    if not folder.exists():
        pytest.skip("../shared is not beside this checkout")
    docs = load_paths([str(folder)], pages_per_folder=True, glob="*.hocr")
    story = next(a for a in run_pipeline(docs, document_stages()) if a["title"] == "秋粮收获过半")
    assert story["kicker"] == "在希望的田野上"  # (OCR lost the title's 全国)
    assert story["paragraphs"][0].startswith("农业农村部最新农情调度显示")
    assert len(story["paragraphs"]) == 6 and story["credit"] == "来源：央视网"


# -- xy_cut itself ---------------------------------------------------------------------------------------------------

def test_boxes_that_cannot_be_cut_are_one_region_read_top_first() -> None:
    assert xy_cut([(40, 10, 100, 30), (0, 0, 60, 20)], [], 4.0) == [[1, 0]]


def test_a_deep_staircase_does_not_recurse_without_end() -> None:
    stairs = [(float(k), float(k), k + 1.5, k + 1.5) for k in range(3000)]
    assert sorted(k for region in xy_cut(stairs, [], 0.4) for k in region) == list(range(3000))


def test_an_empty_page_stays_empty() -> None:
    page = PageLayout(1, 100, 100, [])
    assert reading_order(page) is page


# -- any page ------------------------------------------------------------------------------------------------------

BOXES = st.tuples(st.floats(0, 300), st.floats(0, 400), st.floats(0, 80), st.floats(1, 40), st.sampled_from([6.0, 8.0, 24.0]))


@given(st.lists(BOXES, max_size=40), st.lists(st.tuples(st.floats(0, 300), st.floats(0, 400), st.floats(0, 300),
                                                        st.floats(0, 400)), max_size=5))
def test_reading_order_reads_every_line_once(boxes: list[tuple[float, ...]], graphics: list[tuple[float, ...]]) -> None:
    lines = [TextLine(f"行{n}", x, y, x + w, y + h, size) for n, (x, y, w, h, size) in enumerate(boxes)]
    rules = [(min(a, c), min(b, d), max(a, c), max(b, d)) for a, b, c, d in graphics]
    ordered = reading_order(PageLayout(1, 300, 400, lines, rules[:3], rules[3:])).lines
    assert sorted(item.text for item in ordered) == sorted(item.text for item in lines)
    blocks = [item.block for item in ordered]
    assert blocks == sorted(blocks)


@given(st.lists(BOXES, max_size=40))
def test_an_engines_page_read_from_its_boxes_keeps_every_character_once(boxes: list[tuple[float, ...]]) -> None:
    """Pieces joined into lines (``one_line_pieces``) lose no character and double none."""
    lines = [TextLine(f"行{n}", x, y, x + w, y + h, size) for n, (x, y, w, h, size) in enumerate(boxes)]
    ordered = reading_order(PageLayout(1, 300, 400, lines), engine=True).lines
    assert sorted("".join(item.text for item in ordered).replace(" ", "")) == sorted("".join(item.text for item in lines))


@pytest.mark.parametrize(("font", "expected"), [
    ("Serif", ["上一篇完了。", "雅万高铁是中国高", "铁首次全系统、全要", "素、全产业链在海", "外落地。", "本版编辑：民政工作简报编辑部"]),
    # near miss: an OCR engine's text layer over a scan, whose lines start ragged: the order stands
    ("GlyphLessFont", ["上一篇完了。", "素、全产业链在海", "外落地。", "雅万高铁是中国高", "铁首次全系统、全要",
                       "本版编辑：民政工作简报编辑部"]),
])
def test_a_columns_top_is_read_after_the_column_it_goes_on_from(font: str, expected: list[str]) -> None:
    lines = [faced("上一篇完了。", 0, 0, 40, font), faced("素、全产业链在海", 60, 0, 100, font),
             faced("外落地。", 60, 14, 90, font), faced("雅万高铁是中国高", 0, 40, 45, font),
             faced("铁首次全系统、全要", 0, 54, 45, font), faced("本版编辑：民政工作简报编辑部", 0, 90, 100, font)]
    assert order(lines) == expected


def test_a_tag_at_the_left_columns_foot_is_read_before_the_right_column() -> None:
    """``【经验交流】`` under the left column's last line, lower than the right column's end, with the page number
    under both: the left column with its tag, then the right column (whose title the tag heads). Near miss: a
    line of text there in the tag's place is a band under the columns, read after both."""
    def page_with(foot: TextLine) -> list[str]:
        lines = [*column("左", 80, 290, 110, 20), foot, *column("右", 311, 522, 110, 21), line("— 2 —", 281, 780, 320)]
        return [x.text for x in reading_order(PageLayout(1, 595, 842, lines)).lines]
    read = page_with(line("【经验交流】", 80, 405, 140))
    assert read.index("左20") < read.index("【经验交流】") < read.index("右1")
    read = page_with(line("本报讯记者从有关部门获悉", 80, 405, 290))
    assert read.index("本报讯记者从有关部门获悉") > read.index("右21")


@pytest.mark.parametrize("kicker_size, expected", [
    # a module's kicker over its columns heads them and the upright title beside them; the module left of it keeps
    # its own title over its body
    (11.0, ["二十大新闻中心", "昨天晚上", "喜迎建党节", "我县假证被拘", "本报讯记者"]),
    # near miss: no kicker over the module (its first line in body type): the regions level with the upright title
    # are all read after it, as before
    (10.0, ["二十大新闻中心", "我县假证被拘", "昨天晚上", "喜迎建党节", "本报讯记者"]),
])
def test_an_upright_title_heads_its_own_module_only(kicker_size: float, expected: list[str]) -> None:
    left = [line("二十大新闻中心", 0, 0, 60, 15.0)]
    left_body = [line("昨天晚上", 0, 20, 60)]
    module = [line("喜迎建党节", 70, 5, 120, kicker_size), line("本报讯记者", 70, 20, 120)]
    upright = [TextLine("我县假证被拘", 125, 2, 140, 90, 15.0)]
    got = upright_titles_first([left, left_body, module, upright], 10.0)
    assert [ln.text for region in got for ln in region] == expected
