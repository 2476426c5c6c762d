"""OCR lines read across a column gutter: the page's gutters, where a line is cut, where its pieces go, and that no
character is lost or doubled on the way."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.geometry import TextLine
from normalize.gutters import Gutter, cut_at_gutters, cut_line, gutters, put_back
from normalize.hocr import read_hocr
from normalize.ocrxml import Word

SHARED = Path(__file__).resolve().parents[2] / "shared"
EM = 30.0
PITCH = 45.0  # a body line's distance to the next
LEFT_COLUMN = (100.0, 430.0)
RIGHT_COLUMN = (460.0, 790.0)  # a gutter of 30 units, an em


def column(x0: float, x1: float, rows: range, *, text: str = "甲乙丙丁戊己庚辛壬癸甲", block: int = 0) -> list[TextLine]:
    """Lines of one column, one per row, each running from edge to edge."""
    return [TextLine(text, x0, PITCH * k, x1, PITCH * k + EM, EM, block=block) for k in rows]


def words_of(line: TextLine) -> list[Word]:
    """A line's characters as OCR words with their boxes, spread evenly over the line."""
    step = (line.x1 - line.x0) / len(line.text)
    return [Word(ch, line.x0 + k * step, line.x0 + (k + 1) * step, line.top, line.bottom)
            for k, ch in enumerate(line.text)]


def row_across(k: int, left: str, right: str, *, rule: bool = False, block: int = 9) -> tuple[TextLine, list[Word]]:
    """Row ``k`` of both columns read as one line: the left column's text, then the right's (a ``|`` between where
    ``rule``)."""
    a = TextLine(left, LEFT_COLUMN[0], PITCH * k, LEFT_COLUMN[1], PITCH * k + EM, EM)
    b = TextLine(right, RIGHT_COLUMN[0], PITCH * k, RIGHT_COLUMN[1], PITCH * k + EM, EM)
    words = words_of(a) + ([Word("|", 443, 447, PITCH * k, PITCH * k + EM)] if rule else []) + words_of(b)
    text = left + (" | " if rule else "   ") + right
    return TextLine(text, LEFT_COLUMN[0], PITCH * k, RIGHT_COLUMN[1], PITCH * k + EM, EM, block=block), words


# -- the gutters -------------------------------------------------------------------------------------------------------

GUTTERS = [
    ("two columns side by side", column(*LEFT_COLUMN, range(4)) + column(*RIGHT_COLUMN, range(4)),
     [Gutter(430.0, 460.0)]),
    # near misses
    ("a page's right margin: lines end, none start beside them", column(*LEFT_COLUMN, range(4)), []),
    ("the white is wider than a gutter", column(*LEFT_COLUMN, range(4)) + column(560, 890, range(4)), []),
    ("indented first lines start two ems in", column(*LEFT_COLUMN, range(4)) + column(520, 790, range(4)), []),
    ("edges near each other whose lines are never level",
     column(*LEFT_COLUMN, range(4)) + column(*RIGHT_COLUMN, range(6, 10)), []),
]


@pytest.mark.parametrize(("case", "lines", "expected"), GUTTERS, ids=[c[0] for c in GUTTERS])
def test_gutters(case: str, lines: list[TextLine], expected: list[Gutter]) -> None:
    assert gutters(lines, EM) == expected


# -- cutting a line ----------------------------------------------------------------------------------------------------

GUTTER = [Gutter(430.0, 460.0)]


def texts(runs: list[list[Word]]) -> list[str]:
    return ["".join(word.text for word in run) for run in runs]


def test_a_row_of_two_columns_is_cut_at_the_white_gutter() -> None:
    line, words = row_across(0, "日本上半财年贸易逆差创新", "后，每年可从陕西向安徽输")
    assert texts(cut_line(line, words, GUTTER, EM)) == ["日本上半财年贸易逆差创新", "后，每年可从陕西向安徽输"]


def test_a_column_rule_read_as_a_bar_cuts_and_is_a_piece_of_its_own() -> None:
    """dev09: ``创新|大值。``, the bar the rule between the columns, with less than an em of white either side."""
    words = [Word("创新", 370, 428), Word("|", 443, 447), Word("大值。", 462, 540)]
    line = TextLine("创新|大值。", 370, 0, 540, 30, EM)
    assert texts(cut_line(line, words, GUTTER, EM)) == ["创新", "|", "大值。"]


CUT_NEAR_MISSES = [
    # a headline across both columns goes on through the gutter: its gaps are less than its own em
    ("a headline across the gutter", [Word("西乡北帝三月三精彩不断!", 100, 425), Word("西乡历史", 470, 790)], 75.0),
    # a bar printed in a column's text (``读非遗|西乡``), away from the gutter
    ("a bar inside a column", [Word("读非遗", 100, 190), Word("|", 195, 199), Word("西乡", 204, 260)], EM),
    # white wide enough, but short of the gutter (a tab stop inside the column)
    ("white inside a column", [Word("姓名", 100, 160), Word("职务", 260, 320)], EM),
    # words without boxes cannot be placed
    ("words without boxes", [Word("日本上半财年"), Word("后，每年可从")], EM),
]


@pytest.mark.parametrize(("case", "words", "size"), CUT_NEAR_MISSES, ids=[c[0] for c in CUT_NEAR_MISSES])
def test_lines_that_are_not_cut(case: str, words: list[Word], size: float) -> None:
    line = TextLine("".join(w.text for w in words), 100, 0, 790, size, size)
    assert len(cut_line(line, words, GUTTER, EM)) == 1


# -- putting the pieces back ---------------------------------------------------------------------------------------------


def test_a_row_is_cut_and_each_piece_goes_on_in_its_column() -> None:
    """Rows 0-3 of the left column were read as a paragraph, row 4 of both columns as one line, rows 5-8 of the right
    column as another paragraph (its top, rows 0-3, is a photo), then rows 5-8 of the left column: row 4's left piece
    ends the left column's paragraph above it, its right piece heads the right column's paragraph under it."""
    left = column(*LEFT_COLUMN, range(4), block=0)
    row, words = row_across(4, "左列的第五行到此为止了。", "右列的第五行接着往下走", block=1)
    right = column(*RIGHT_COLUMN, range(5, 9), text="右列的下面几行一直到底", block=2)
    left_foot = column(*LEFT_COLUMN, range(5, 9), text="　　左列下面的一个段落", block=3)
    lines = [*left, row, *right, *left_foot]
    out = cut_at_gutters(lines, [*map(words_of, left), words, *map(words_of, right), *map(words_of, left_foot)])
    assert [line.text for line in out] == [
        *(line.text for line in left), "左列的第五行到此为止了。", "右列的第五行接着往下走", *(line.text for line in right),
        *(line.text for line in left_foot)]
    # the left piece stands right under the left column's last line: its paragraph; the right piece runs on into the
    # right column's lines: their paragraph
    assert [line.block for line in out] == [0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 3, 3, 3, 3]
    assert out[4].x1 <= LEFT_COLUMN[1] + 1 and out[5].x0 >= RIGHT_COLUMN[0] - 1


def test_a_piece_that_does_not_run_on_is_a_paragraph_of_its_own() -> None:
    """The left piece ends short of the column's edge with its sentence: not the paragraph above, a block of its
    own."""
    left = column(*LEFT_COLUMN, range(4), block=0)
    right = column(*RIGHT_COLUMN, range(5), block=1)
    row, words = row_across(4, "到此为止。", "右列的第五行接着往下走", block=2)
    words = [w for w in words if w.text in "到此为止。"][:5] + [w for w in words if w.x0 >= RIGHT_COLUMN[0]]
    words[:5] = [replace(w, x0=LEFT_COLUMN[0] + 30 * k, x1=LEFT_COLUMN[0] + 30 * k + 28) for k, w in enumerate(words[:5])]
    out = cut_at_gutters([*left, *right, row], [*map(words_of, left), *map(words_of, right), words])
    assert [(line.text, line.block) for line in out][4] == ("到此为止。", 3)


def test_a_bar_in_the_gutter_stays_where_the_line_was() -> None:
    left = column(*LEFT_COLUMN, range(3), block=0)
    right = column(*RIGHT_COLUMN, range(3), block=1)
    row, words = row_across(3, "左列的第四行接着往下走下", "右列的第四行接着往下走下", rule=True)
    lines = [*left, *right, row]
    out = cut_at_gutters(lines, [words_of(line) for line in lines[:6]] + [words])
    assert [line.text for line in out] == [
        *(line.text for line in left), "左列的第四行接着往下走下", *(line.text for line in right), "右列的第四行接着往下走下", "|"]


def test_a_row_with_no_column_near_it_stays_one_line() -> None:
    """A running head across the page's top: its pieces have no column line right under them."""
    body = column(*LEFT_COLUMN, range(4, 8), block=1) + column(*RIGHT_COLUMN, range(4, 8), block=2)
    head, words = row_across(0, "民生周刊", "第5版", block=0)
    lines = [head, *body]
    assert cut_at_gutters(lines, [words] + [words_of(line) for line in body]) == lines


def test_a_full_width_line_whose_white_falls_at_a_gutter_higher_up_is_not_cut() -> None:
    """Two columns, then a full-width paragraph under them: its first line's words leave an em of white where the
    columns' gutter was, but the paragraph's next line runs through there: no gutter, the line stays whole."""
    columns = column(*LEFT_COLUMN, range(4), block=0) + column(*RIGHT_COLUMN, range(4), block=1)
    first, first_words = row_across(6, "第一条本办法自发布", "之日起施行各单位要认真", block=2)
    under = TextLine("贯彻落实本办法的各项规定并及时报告执行情况和存在的问题", LEFT_COLUMN[0], PITCH * 7, RIGHT_COLUMN[1],
                     PITCH * 7 + EM, EM, block=2)
    lines = [*columns, first, under]
    out = cut_at_gutters(lines, [*map(words_of, columns), first_words, words_of(under)])
    assert out == lines


def test_put_back_leaves_uncut_lines_in_their_order() -> None:
    lines = column(*LEFT_COLUMN, range(3), block=0) + column(*RIGHT_COLUMN, range(3), block=1)
    assert put_back(lines, {}, EM) == lines


@given(st.lists(st.tuples(st.integers(0, 8), st.text("甲乙丙丁，。|", min_size=1, max_size=11),
                          st.text("甲乙丙丁，。|", min_size=1, max_size=11), st.booleans()), min_size=1, max_size=8))
def test_cutting_keeps_every_character(rows: list[tuple[int, str, str, bool]]) -> None:
    """Whatever rows are read across the gutter, the page's characters are the same after cutting: none lost or
    doubled."""
    columns = column(*LEFT_COLUMN, range(10, 14), block=0) + column(*RIGHT_COLUMN, range(10, 14), block=1)
    lines, words = list(columns), [words_of(line) for line in columns]
    for n, (k, left, right, rule) in enumerate(rows):
        row, row_words = row_across(k, left, right, rule=rule, block=2 + n)
        lines.append(row)
        words.append(row_words)
    before = Counter("".join(line.text for line in lines).replace(" ", ""))
    assert Counter("".join(line.text for line in cut_at_gutters(lines, words)).replace(" ", "")) == before


# -- on tesseract's hOCR of a dev page ---------------------------------------------------------------------------------


def test_dev09_rows_read_across_four_columns_go_back_to_their_columns() -> None:
    """tesseract read the foot of one band's columns and the top of the next band's four columns as three lines;
    cut at the gutters, each piece is read in its column."""
    path = SHARED / "dev/hocr/dev09/page-1.hocr"
    if not path.exists():
        pytest.skip("../shared is not beside this checkout")
    (page,) = read_hocr(path.read_bytes(), name=path.name)
    texts = [line.text.replace(" ", "") for line in page.lines]
    at = texts.index
    assert texts[at("遗文化:品书香生活”活动现") + 1] == "场，还可以领取免费读者"
    assert texts[at("多的人能参与非遗文化的探") + 1] == "讨和传播。"
    assert texts[at("日本上半财年贸易逆差创新") + 1: at("日本上半财年贸易逆差创新") + 3] == ["局", "据日本财务省今天〈10"]
    assert texts[at("大值。(据央视网)") + 1] == "陕北到安徽特高压直流输电"
    assert texts[at("送电量超360亿度，其中一半") + 1] == "以上是新能源电量。(据央视"
    assert texts[at("开始进入电气化专业核心技") + 1] == "术施工阶段。雅万高铁是印"
    (uncut,) = read_hocr(path.read_bytes(), name=path.name, cut=False)
    assert Counter("".join(texts)) == Counter("".join(line.text for line in uncut.lines).replace(" ", ""))


def test_a_made_hocr_page_is_cut_as_its_lines_are() -> None:
    """The same rule through the reader: an hOCR page whose third line is the second row of both columns."""

    def span(text: str, x0: int, top: int) -> str:
        return "".join(f"<span class='ocrx_word' title='bbox {x0 + 30 * k} {top} {x0 + 30 * k + 28} {top + 30}'>{ch}"
                       "</span>" for k, ch in enumerate(text))

    def line(body: str, x0: int, top: int, x1: int) -> str:
        return f"<span class='ocr_line' title='bbox {x0} {top} {x1} {top + 30}; x_size 30'>{body}</span>"

    rows = [("甲乙丙丁戊己庚辛壬癸甲", "子丑寅卯辰巳午未申酉戌")] * 4
    left = "".join(line(span(a, 100, 45 * k), 100, 45 * k, 430) for k, (a, _) in enumerate(rows[:3]))
    right = "".join(line(span(b, 460, 45 * k), 460, 45 * k, 790) for k, (_, b) in enumerate(rows[:3]))
    across = line(span("甲乙丙丁戊己庚辛壬癸。", 100, 135) + span("子丑寅卯辰巳午未申酉戌", 460, 135), 100, 135, 790)
    body = f"<div class='ocr_carea'>{left}</div><div class='ocr_carea'>{right}</div><div class='ocr_carea'>{across}</div>"
    data = (f"<html><body><div class='ocr_page' title='bbox 0 0 900 400; ppageno 0'>{body}</div></body></html>").encode()
    (page,) = read_hocr(data, name="p.hocr")
    assert [line.text for line in page.lines] == [
        *[a for a, _ in rows[:3]], "甲乙丙丁戊己庚辛壬癸。", *[b for _, b in rows[:3]], "子丑寅卯辰巳午未申酉戌"]
    assert [line.block for line in page.lines] == [0, 0, 0, 0, 1, 1, 1, 1]
