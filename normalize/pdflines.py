"""A PDF page's characters grouped into text lines by position alone: one baseline within one column,
characters in x order, a space where the PDF has one or the gap is clear.

Never by their order in the content stream: a newspaper typesetter writes a headline after its body and prints
digits, ``.`` and ``%`` as separate text objects somewhere else in the stream, and on the page they sit on the line
they belong to. Every character ends up in exactly one line, as the PDF gives it (no NFKC: Chinese punctuation
stays full-width). Plain Python over ``Char`` objects, which ``normalize.pdf`` reads with PDFium.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any
from unicodedata import east_asian_width

from normalize.chardata import HAN_RE, SENTENCE_END, UPRIGHT_MARKS
from normalize.geometry import EDGE_EM, Box, Gutter, TextLine, gutters

ASCENT_EM = 0.88
"""A line's box reaches this far above its baseline: the ideographic em box (0.88 up, 0.12 down).
PDFium's own boxes are no good for this: tight boxes hug each glyph, and loose boxes fall back to tight ones
where a font has no ascent, so their heights vary glyph by glyph."""
DESCENT_EM = 0.12
MIDDLE_STEPS = 20
"""Characters are put in order by their middles to a twentieth of a point: closer ones keep the stream's order."""
TINY_EM = 0.2
"""A character smaller than this (in em of the page's body type) has no real size (``sized``)."""
BASELINE_TOL_EM = 0.3
"""Characters whose baselines differ by less than this share a line; an OCR layer sets each word on its own
baseline, a line of the same column is a whole em or more away."""
JOIN_GAP_EM = 0.3
"""A gap up to this is inside a line whatever is around it: justified Chinese, a Latin word space. A gutter can be
narrower than an em once a closing quote's full-width box hangs into it."""
RIVER_REACH_EM = 1.6
"""A wider gap parts two columns when the whitespace goes on through the line above or below (a gutter),
looked for this far up and down; a gap nothing continues (a credit set off at a line's end) stays in the line."""
AUTOSPACE_GAP_EM = 0.5
"""Between a Han character and a Latin letter or digit a typesetter adds a quarter em (``用电量 2.11``): no space
unless the gap is this much wider than usual."""
SPACE_GAP_EM = 0.2
"""A gap this much wider than the line's usual letter spacing is a space: a word space (``NEW SANMEN``), the
quarter em between two names (``陈玲玲 林娟``); a letter-spaced headline's wide but regular gaps are not."""
GUTTER_MIN_EM = 0.5
"""A gutter leaves at least this much of the gap free in the lines above or below: their ends vary by hanging
punctuation and short last lines, so the whole gap need not be free."""
OCR_FONT = "GlyphLess"  # the font of tesseract's and OCRmyPDF's text layers


OCR_GAP_EM = 0.55
"""Between an OCR layer's words, ink boxes whose gaps line up from one CJK line to the next, no gap this narrow
parts columns (a gutter is wider: narrower, the development pages' tesseract PDFs lose columns)."""
HANGING_CLOSERS = frozenset("，。、；：！？）”’》」』〉")
"""Marks whose ink stands in the left half of their em box: one hanging past a column's edge leaves the right half
of its box to the gutter."""
HANGING_OPENERS = frozenset("（“‘《「『〈")
"""Marks whose ink stands in the right half of their em box."""
HANG_GAP_EM = 0.15
"""Space wider than this after a closing mark's box is no justification's glue: the gap counts from its ink."""
GUTTER_GAP_EM = 1.0
"""A gap free above and below parts the line when it is this wide and text stands on both sides of it."""
LONE_GAP_EM = 2.0
"""Where nothing above or below tells (a running head), a gap wider than this parts the line."""
SIZE_RATIO = 1.5
"""Runs apart on one baseline whose sizes differ more than this are two columns' (a body line beside a headline);
text of the same size is what shows a gutter."""
SAME_SIZE = 1.12
"""Text above or below a gap shows a gutter only in about the size of one of the runs, this much larger or smaller
at most: a deck centred over a module in a size of its own (11 pt over 9.5 pt columns) runs through no gutter; a
10.5 pt column beside a 9 pt one still shows its own."""
STACK_CHARS, STACK_EDGE_EM, STACK_STEP_EM, STACK_SIZE = 3, 0.25, (0.9, 1.6), 0.2
"""A vertical line: this many Han characters at least, at one left edge (within this share of an em), each
this many ems below the one before, none with a character within this share of its size beside it."""
STACKED_MARKS = frozenset(UPRIGHT_MARKS)
"""Marks an upright title keeps among its characters, each on an em of its own (``我县“假证被拘”第一人现身``)."""
WALL_MIN_EM = 1.0
"""A graphic at least this tall (in em of the line) standing in a gap parts the line there: a column rule, a photo."""
WALL_TOUCH_EM = 0.1
"""... and may reach this far into the characters' boxes on either side."""


def is_ocr_font(name: str) -> bool:
    """Whether a font is an OCR engine's glyphless one, also as a subset (``ABCDEF+GlyphLessFont``).

    >>> is_ocr_font("GlyphLessFont"), is_ocr_font("AAAAAB+GlyphLessFont"), is_ocr_font("SimSun")
    (True, True, False)
    """
    return OCR_FONT in name


class Char:
    """One character of the text layer: its horizontal extent, baseline and em box (y downward), size and font."""

    __slots__ = ("at", "base", "bottom", "font", "size", "text", "top", "x0", "x1")

    def __init__(self, text: str, x0: float, x1: float, base: float, size: float, font: str = "",
                 at: float | None = None) -> None:
        self.text, self.x0, self.x1, self.base, self.size, self.font = text, x0, x1, base, size, font
        self.top, self.bottom = base - ASCENT_EM * size, base + DESCENT_EM * size
        # where the character stands in its line: its middle, or, for a glyph stretched to fill an OCR
        # word's box, where its word starts (the word's characters then keep the file's order)
        self.at = (x0 + x1) / 2 if at is None else at

    def __repr__(self) -> str:
        return f"Char({self.text!r}, {self.x0:g}, {self.x1:g}, {self.base:g}, {self.size:g})"


class _Run:
    """Characters on one baseline, in x order: a run of close characters, or a whole line.

    ``base`` is its first character's baseline, ``size`` its largest character's size."""

    __slots__ = ("base", "bottom", "chars", "size", "tail", "top", "x0", "x1")

    def __init__(self, char: Char) -> None:
        self.chars = [char]
        self.tail = 1  # how many characters the last run joined to a line has
        self.base, self.size = char.base, char.size
        self.x0, self.x1, self.top, self.bottom = char.x0, char.x1, char.top, char.bottom

    @classmethod
    def of(cls, chars: Sequence[Char]) -> _Run:
        """A run of these characters, in order."""
        run = cls(chars[0])
        for char in chars[1:]:
            run.add(char)
        return run

    def copy(self) -> _Run:
        other = _Run.__new__(_Run)
        for name in _Run.__slots__:
            setattr(other, name, getattr(self, name))
        other.chars = list(self.chars)
        return other

    def add(self, char: Char) -> None:
        self.chars.append(char)
        self.tail += 1
        if char.x1 > self.x1:
            self.x1 = char.x1
        if char.top < self.top:
            self.top = char.top
        if char.bottom > self.bottom:
            self.bottom = char.bottom
        if char.size > self.size:
            self.size = char.size

    def extend(self, run: _Run) -> None:
        self.chars += run.chars
        self.tail = len(run.chars)
        self.x1 = max(self.x1, run.x1)
        self.top, self.bottom = min(self.top, run.top), max(self.bottom, run.bottom)
        self.size = max(self.size, run.size)


# -- lines -----------------------------------------------------------------------------------------------------------

def group_lines(chars: list[Char], walls: Sequence[Box] = ()) -> list[TextLine]:
    """Characters -> lines, by position: one baseline within one column, characters in x order.

    Characters within ``JOIN_GAP_EM`` of each other on a baseline form runs; runs on one baseline join across a
    wider gap unless the gap is a gutter (whitespace that goes on above or below, or one of the page's column
    gutters, ``geometry.gutters``) or a graphic stands in it.
    The lines come top to bottom, left to right; ``reading_order`` puts them in reading order.

    >>> def han(text, x, base, size=10.0):
    ...     return [Char(c, x + i * size, x + (i + 1) * size, base, size) for i, c in enumerate(text)]
    >>> chars = han("中%", 26, 20) + han("文", 0, 20) + han("1", 10, 20.5, 8) + han("7", 18, 20.5, 8)
    >>> [line.text for line in group_lines(chars)]  # digits printed apart, in the stream's order, join their line
    ['文17中%']
    >>> two_columns = han("甲乙", 0, 20) + han("丙丁", 35, 20) + han("戊己", 0, 34) + han("庚辛", 35, 34)
    >>> [line.text for line in group_lines(two_columns)]  # a gutter 1.5 em wide on both lines
    ['甲乙', '丙丁', '戊己', '庚辛']
    >>> def spaced(text, x, base):  # a narrow column justified: every character 0.35 em from the next
    ...     return [Char(c, x + i * 13.5, x + i * 13.5 + 10, base, 10.0) for i, c in enumerate(text)]
    >>> justified = [*spaced("甲乙丙", 0, 20), *spaced("丁戊己", 48, 20), *spaced("庚辛壬", 0, 34),
    ...              *spaced("癸子丑", 48, 34)]
    >>> [line.text for line in group_lines(justified)]  # a gutter 1.1 em wide, three times the letter spacing
    ['甲乙丙', '丁戊己', '庚辛壬', '癸子丑']
    >>> hanging = han("甲乙丙，", 0, 20) + han("丁戊", 42, 20) + han("己庚辛", 0, 34) + han("壬癸", 42, 34)
    >>> [line.text for line in group_lines(hanging)]  # a comma hanging into a gutter 1.2 em wide
    ['甲乙丙，', '丁戊', '己庚辛', '壬癸']
    >>> credit = han("甲乙丙丁戊己庚辛", 0, 20) + han("好。", 0, 34) + han("（陈佳）", 40, 34)
    >>> [line.text for line in group_lines(credit)]  # a credit set off at the line's end: no gutter above
    ['甲乙丙丁戊己庚辛', '好。 （陈佳）']
    """
    chars = sized(chars)
    stacks = vertical_stacks(chars, walls)
    if stacks:
        stacked = {id(c) for stack in stacks for c in stack}
        chars = [c for c in chars if id(c) not in stacked]
    lines = [*map(_text_line, _join_runs(_runs(chars), walls)), *map(_stack_line, stacks)]
    return sorted(lines, key=lambda line: (line.top, line.x0))


def vertical_stacks(chars: list[Char], walls: Sequence[Box] = ()) -> list[list[Char]]:
    """Han characters set one under another, a line read top to bottom (a vertical headline), its marks among them
    (``STACKED_MARKS``): three or more of one size at one left edge, each an em to an em and a half below the one
    before, and none with a character of its size beside it on its baseline (a column's first characters have their
    lines beside them), short of a rule standing between them (the next module's title across the rule
    beside an upright title's first characters).

    >>> v = [Char(c, 300, 318, 20 + 20 * k, 18.0) for k, c in enumerate("社区志愿者")]
    >>> body = [Char(c, 40 + 10 * k, 50 + 10 * k, 20, 10.0) for k, c in enumerate("上周末，")]
    >>> ["".join(c.text for c in stack) for stack in vertical_stacks(v + body)]
    ['社区志愿者']
    >>> quoted = [Char(c, 300, 318, 20 + 20 * k, 18.0) for k, c in enumerate("我县“假证被拘”第一人现身")]
    >>> ["".join(c.text for c in stack) for stack in vertical_stacks(quoted + body)]  # its marks an em each
    ['我县“假证被拘”第一人现身']
    >>> bullets = [Char("·", 300, 305, 20 + 20 * k, 18.0) for k in range(4)]
    >>> vertical_stacks(bullets + body)  # marks alone: a list's bullets
    []
    >>> column = [Char(c, 0, 10, 20 + 15 * k, 10.0) for k, c in enumerate("上打者")]
    >>> beside = [Char("周", 10, 20, 20 + 15 * k, 10.0) for k in range(3)]
    >>> vertical_stacks(column + beside)
    []
    >>> title = [Char(c, 0, 10, 20 + 15 * k, 10.0) for k, c in enumerate("日本上半财年")]
    >>> beside = [Char(c, 12 + 10 * k, 22 + 10 * k, 20 + 15 * j, 10.0) for j, c in enumerate("西文") for k in range(2)]
    >>> ["".join(c.text for c in stack) for stack in vertical_stacks(title + beside, [(10.6, 0, 11.2, 120)])]
    ['日本上半财年']
    """
    by_edge: dict[tuple[int, float], list[Char]] = {}
    for c in chars:
        if HAN_RE.match(c.text) or c.text in STACKED_MARKS:
            by_edge.setdefault((round(c.x0 / (STACK_EDGE_EM * c.size)), c.size), []).append(c)
    candidates = [run for group in by_edge.values() if len(group) >= STACK_CHARS for run in _steps(group)]
    if not candidates:
        return []
    rows: dict[int, list[Char]] = {}  # characters by baseline, to the point
    for c in chars:
        rows.setdefault(round(c.base), []).append(c)
    walls = [w for w in walls if w[3] - w[1] > w[2] - w[0]]  # (upright ones: a rule between modules, a photo's side)
    stacks = []
    for run in candidates:
        lone = [c for c in run if not _beside(c, rows, walls)]
        stacks += _steps(lone)
    return stacks


def _steps(group: list[Char]) -> list[list[Char]]:
    """The runs of characters of ``group`` each a line's step below the one before, ``STACK_CHARS`` Han characters
    or more among them (marks alone make none: a list's bullets one under another)."""
    group = sorted(group, key=lambda c: c.base)
    runs, run = [], group[:1]
    for c in group[1:]:
        if STACK_STEP_EM[0] * c.size <= c.base - run[-1].base <= STACK_STEP_EM[1] * c.size:
            run.append(c)
            continue
        runs.append(run)
        run = [c]
    runs.append(run)
    return [r for r in runs if sum(bool(HAN_RE.match(c.text)) for c in r) >= STACK_CHARS]


def _beside(char: Char, rows: dict[int, list[Char]], walls: Sequence[Box] = ()) -> bool:
    """A character of about its size stands on its baseline within an em of it, left or right, no rule between."""
    tol = BASELINE_TOL_EM * char.size
    return any(o is not char and abs(o.base - char.base) <= tol and abs(o.size - char.size) <= STACK_SIZE * char.size
               and (0 <= o.x0 - char.x1 <= char.size or 0 <= char.x0 - o.x1 <= char.size)
               and not (walls and _walled(char, o, walls))
               for base in range(round(char.base - tol), round(char.base + tol) + 1) for o in rows.get(base, ()))


def _walled(a: Char, b: Char, walls: Sequence[Box]) -> bool:
    """A rule (or a photo's edge) stands in the gap between two characters of one baseline, as tall as they are."""
    x0, x1 = min(a.x1, b.x1), max(a.x0, b.x0)
    top, bottom = max(a.top, b.top), min(a.bottom, b.bottom)
    return any(x0 - WALL_TOUCH_EM * a.size <= w0 and w1 <= x1 + WALL_TOUCH_EM * a.size and w_top < bottom
               and w_bottom > top for w0, w_top, w1, w_bottom in walls)


def _stack_line(stack: list[Char]) -> TextLine:
    return TextLine("".join(c.text for c in stack), min(c.x0 for c in stack), stack[0].top, max(c.x1 for c in stack),
                    stack[-1].bottom, stack[0].size, stack[0].font)


def sized(chars: list[Char]) -> list[Char]:
    """The characters, those too small to be type given the page's body size where they are.

    An OCR layer sizes a flat character by its ink: mag12's '一' is 0.5 pt in a 7.9 pt line, and would make a line
    of its own.

    >>> [(c.text, c.size, c.base) for c in sized([Char("一", 0, 0.5, 16, 0.5), Char("天", 8, 16, 20, 8.0)])]
    [('一', 8.0, 18.85), ('天', 8.0, 20)]
    """
    body = _mode([c.size for c in chars]) if chars else 0.0
    middle = (ASCENT_EM - DESCENT_EM) / 2
    return [c if c.size >= TINY_EM * body else
            Char(c.text, c.x0, max(c.x1, c.x0 + body if east_asian_width(c.text) in "WF" else c.x1),
                 round(c.base - middle * c.size + middle * body, 2), body, c.font, c.at)
            for c in chars]


def _runs(chars: list[Char]) -> list[_Run]:
    """Characters on a shared baseline (within ``BASELINE_TOL_EM``) and no more than ``JOIN_GAP_EM`` apart."""
    runs: list[_Run] = []
    bases: list[float] = []  # the open runs' baselines, sorted, beside ``open_runs``
    open_runs: list[_Run] = []
    # by middle, a '·' squeezed into a quote's em box; a squeezed pair with one box ('、“') in the stream's order
    for char in sorted(chars, key=lambda c: int(c.at * 2 * MIDDLE_STEPS)):
        base, size = char.base, char.size
        reach = BASELINE_TOL_EM * size
        best, best_offset = None, reach
        for k in range(bisect_left(bases, base - reach), bisect_right(bases, base + reach)):
            run = open_runs[k]
            offset = abs(run.base - base)
            smaller = run.size if run.size < size else size
            gap = _ink_gap(run, char)
            if offset <= best_offset and offset <= BASELINE_TOL_EM * smaller and gap <= JOIN_GAP_EM * smaller:
                best, best_offset = run, offset
        if best is not None:
            best.add(char)
        else:
            run = _Run(char)
            runs.append(run)
            k = bisect_right(bases, run.base)
            bases.insert(k, run.base)
            open_runs.insert(k, run)
    return runs


def _ink_gap(run: _Run, char: Char) -> float:
    """The gap from the run to the character; after a closing mark with more space beyond its box than the line's
    own letter spacing (a comma hanging past a column's edge, the next column close by), from the mark's ink, the
    left half of its box.

    >>> _ink_gap(_Run(Char("，", 90, 100, 20, 10)), Char("多", 102, 112, 20, 10))
    7.0
    >>> _ink_gap(_Run(Char("，", 90, 100, 20, 10)), Char("多", 100.5, 110.5, 20, 10))  # (justified: no space)
    0.5
    >>> spaced = _Run.of([Char("工", 78.3, 88.3, 20, 10), Char("，", 90, 100, 20, 10)])  # letter-spaced 1.7 points
    >>> round(_ink_gap(spaced, Char("要", 101.7, 111.7, 20, 10)), 1)  # (举行罢工，要求提高: one line)
    1.7
    """
    gap = char.x0 - run.x1
    last = run.chars[-1]
    if last.text in HANGING_CLOSERS and gap > _spacing(run) + HANG_GAP_EM * char.size:
        gap += (last.x1 - last.x0) / 2
    return gap


def _spacing(run: _Run) -> float:
    """The run's letter spacing: the white between its last two characters' boxes (none for one character)."""
    chars = run.chars
    return max(chars[-1].x0 - chars[-2].x1, 0.0) if len(chars) >= 2 else 0.0


def _hung_into(run: _Run, page: Sequence[Gutter]) -> list[_Run]:
    """The run cut after a closing mark that starts at one of the page's gutters, right of a column, where the next
    character starts the next column: the mark hung into a gutter an em wide and its box reaches the next column's
    line (``…3.8个百分点。`` / ``长，为物流…``), too close for the gap to show. Near miss: a mark inside a column.

    >>> marks = [Char(c, 10.0 * k, 10.0 * (k + 1), 20, 10) for k, c in enumerate("点。长为")]
    >>> [len(r.chars) for r in _hung_into(_Run.of(marks), [Gutter(10.0, 20.0)])]
    [2, 2]
    >>> [len(r.chars) for r in _hung_into(_Run.of(marks), [Gutter(40.0, 50.0)])]
    [4]
    >>> past = [Char("敏", 106.4, 115.9, 20, 9.5), Char("）", 115.9, 125.4, 20, 9.5), Char("普", 126.6, 136.1, 20, 9.5)]
    >>> [len(r.chars) for r in _hung_into(_Run.of(past), [Gutter(112.0, 126.6)])]  # (set 3.9 points past the edge)
    [2, 1]
    """
    chars = run.chars
    cuts = [k for k in range(1, len(chars)) if chars[k - 1].text in HANGING_CLOSERS and _hangs_into(
        chars[k - 1], chars[k], page)]
    if not cuts:  # (most runs)
        return [run]
    return [_Run.of(chars[a:b]) for a, b in pairwise([0, *cuts, len(chars)])]


def _hangs_into(mark: Char, nxt: Char, page: Sequence[Gutter]) -> bool:
    """The mark starts at a gutter of the page that its box fits in, or up to half its box past it (a line set a
    little past its column's edge: ``吴晓玲 通讯员 赵敏）`` / ``普系列丛书…``, modular seed 29), and the next character
    at its far side."""
    edge = EDGE_EM * nxt.size
    width = mark.x1 - mark.x0
    return not _stretched(mark) and any(
        g.right - edge <= mark.x0 <= g.right + max(edge, width / 2) and abs(nxt.x0 - g.left) <= edge
        and g.left - g.right >= width - edge for g in page)


def _join_runs(runs: list[_Run], walls: Sequence[Box]) -> list[_Run]:
    """Runs on one baseline joined left to right into lines, except across a gutter or a graphic."""
    page = gutters(runs, statistics.median(run.size for run in runs)) if runs else []
    if page:
        runs = [piece for run in runs for piece in _hung_into(run, page)]
    by_top = sorted(runs, key=lambda run: run.top)  # (the runs cut at the gutters: what stands over a gap)
    tops = [run.top for run in by_top]
    tallest = max((run.bottom - run.top for run in runs), default=0.0)
    lines: list[_Run] = []
    bases: list[float] = []
    open_lines: list[_Run] = []
    for run in sorted(runs, key=lambda run: run.x0):
        reach = BASELINE_TOL_EM * run.size
        left = None
        for k in range(bisect_left(bases, run.base - reach), bisect_right(bases, run.base + reach)):
            line = open_lines[k]
            if abs(line.base - run.base) <= BASELINE_TOL_EM * min(line.size, run.size) and line.x1 <= run.x0 \
                    and (left is None or line.x1 > left.x1):
                left = line
        if left is not None and not _parts(left, run, by_top, tops, tallest, walls, page):
            left.extend(run)
            continue
        line = run.copy()  # a new object: the runs stay as they are for the gutter tests
        lines.append(line)
        k = bisect_right(bases, line.base)
        bases.insert(k, line.base)
        open_lines.insert(k, line)
    return lines


def _parts(left: _Run, right: _Run, by_top: list[_Run], tops: list[float], tallest: float,
           walls: Sequence[Box], page: Sequence[Gutter] = ()) -> bool:
    """Whether the gap between two runs on one baseline parts two columns' lines (see ``group_lines``); ``page``
    are the page's column gutters (``geometry.gutters``)."""
    size = min(left.size, right.size)
    if max(left.size, right.size) > SIZE_RATIO * size:
        return True
    if right.x0 - left.x1 < OCR_GAP_EM * size and _stretched(left.chars[-1]) and _stretched(right.chars[0]):
        return False  # an OCR layer's words are ink boxes, on a grid: its gaps line up from line to line
    if left.tail == 1 and len(right.chars) == 1 and _spaced_alike(left, right):
        return right.x0 - left.x1 > LONE_GAP_EM * size  # letter spacing: a two-line spaced headline's gaps line up
    top, bottom = max(left.top, right.top), min(left.bottom, right.bottom)
    touch = WALL_TOUCH_EM * size
    for x0, wall_top, x1, wall_bottom in walls:
        if left.x1 - touch <= x0 and x1 <= right.x0 + touch and wall_top < bottom and wall_bottom > top \
                and wall_bottom - wall_top >= WALL_MIN_EM * size:
            return True
    reach, slack = RIVER_REACH_EM * size, BASELINE_TOL_EM * size
    a_left, a_right, a_free, a_sides = _gap_seen(left, right, top - reach, top - slack, by_top, tops, tallest)
    b_left, b_right, b_free, b_sides = _gap_seen(left, right, bottom + slack, bottom + reach, by_top, tops, tallest)
    if (a_left and a_right and a_free) or (b_left and b_right and b_free):
        return True  # a gutter: text over both runs above (below), a stretch of the gap free of it
    ink = _hung_ink(left, right)
    if (a_free and b_free and right.x0 - ink >= GUTTER_MIN_EM * size
            and any(g.white(ink, right.x0, size) for g in page)
            and not (_stretched(left.chars[-1]) or _stretched(right.chars[0]))):
        # the white between them is one of the page's gutters, and no text above or below runs through it: a
        # credit set flush right at a column's top beside the next column's first line (``（来源：央视网）`` /
        # ``更是一场…``, also after a closing mark hung into the gutter: ``…弘扬传统友谊，`` /
        # ``（据央视《新闻联播》）``, ``_hung_ink``); not over an OCR layer, whose words are boxes on a grid
        return True
    # Free above and below: a gutter where text stands over one run above and over the other below
    # (``…景气指`` / ``础。`` beside a frame over the left column), or text on both sides of a gap wider
    # than an em (a credit set flush right at a column's foot beside the next column's line; a column's
    # first line beside the next column's last word, ``…合作持续`` / ``空间。``), or a gap too wide for
    # one line
    gap = right.x0 - left.x1
    if (gap > GUTTER_GAP_EM * size and left.chars[-1].font != right.chars[0].font and left.chars[-1].font
            and right.chars[0].font and left.chars[-1].text not in SENTENCE_END):
        # another named face across white wider than an em after a line that runs on: the next column's tag
        # beside it (``…还在继续，`` / ``【工作动态】``); near miss: a credit set off after a story's last sentence
        return True
    sides = (a_sides[0] or b_sides[0]) and (a_sides[1] or b_sides[1])
    return a_free and b_free and (((a_left or b_left) and (a_right or b_right))
                                  or (gap > GUTTER_GAP_EM * size and sides) or gap > LONE_GAP_EM * size)


def _hung_ink(left: _Run, right: _Run) -> float:
    """Where the white after ``left`` starts on the way to ``right``: the ink of a closing mark that ends it where
    the gap after the mark is wider than the line's own letter spacing (a comma hung into a gutter, its box
    reaching the next column: ``…弘扬传统友谊，`` / ``（据央视《新闻联播》）``), else the run's box.

    >>> comma = _Run.of([Char("谊", 80, 90, 20, 10), Char("，", 90, 100, 20, 10)])
    >>> _hung_ink(comma, _Run(Char("（", 102, 112, 20, 10)))
    95.0
    >>> spaced = _Run.of([Char("三", 78, 88, 20, 10), Char("，", 90, 100, 20, 10)])  # (letter-spaced two points)
    >>> _hung_ink(spaced, _Run(Char("电", 102, 112, 20, 10)))
    100
    """
    if right.x0 - left.x1 > _spacing(left) + HANG_GAP_EM * min(left.size, right.size):
        return _ink(left)[1]
    return left.x1


def _spaced_alike(left: _Run, right: _Run) -> bool:
    """The gap before ``right`` is about the gap between ``left``'s last two characters, as a letter-spaced line's
    gaps are: not the gutter after a column's justified line whose every character stands apart (Chromium's
    narrow justified columns: ``议，共同商讨社工服`` / ``组信息共享、互通有`` across a gutter of an em)."""
    if len(left.chars) < 2:
        return True
    spacing = left.chars[-1].x0 - left.chars[-2].x1
    return right.x0 - left.x1 <= 2 * spacing + JOIN_GAP_EM * min(left.size, right.size)


def _stretched(char: Char) -> bool:
    """The character is an OCR layer's: stretched over its word (``Char.at`` is not its middle), or set in the
    font tesseract and OCRmyPDF write their invisible layers in."""
    return is_ocr_font(char.font) or abs(char.at - (char.x0 + char.x1) / 2) > 1e-6


def _gap_seen(left: _Run, right: _Run, y0: float, y1: float, by_top: list[_Run], tops: list[float],
              tallest: float) -> tuple[bool, bool, bool, tuple[bool, bool]]:
    """What the text of about the same size between y0 and y1 shows of the gap between two runs: whether
    it stands over the left run, over the right run, whether a stretch of the gap at least
    ``GUTTER_MIN_EM`` wide is free of it, and whether some of it lies left of the gap, and some right."""
    size = min(left.size, right.size)
    gap0, gap1 = _ink(left)[1], _ink(right)[0]
    over_left = over_right = left_side = right_side = False
    taken = []
    for k in range(bisect_left(tops, y0 - tallest), bisect_left(tops, y1)):
        run = by_top[k]
        if run.bottom <= y0 or not (_same_size(run.size, left.size) or _same_size(run.size, right.size)):
            continue
        ink0, ink1 = _ink(run)
        if ink0 < gap1 and ink1 > gap0:
            taken.append((max(ink0, gap0), min(ink1, gap1)))
        over_left = over_left or (run.x0 < left.x1 and run.x1 > left.x0)
        over_right = over_right or (run.x0 < right.x1 and run.x1 > right.x0)
        # (a side's text may reach into the gap, a mark hanging there, but not across it)
        left_side, right_side = left_side or run.x1 < gap1, right_side or run.x0 > gap0
    return over_left, over_right, _widest_free(gap0, gap1, taken) >= GUTTER_MIN_EM * size, (left_side, right_side)


def _same_size(a: float, b: float) -> bool:
    return a <= b * SAME_SIZE and b <= a * SAME_SIZE


def _ink(run: _Run) -> tuple[float, float]:
    """How far the run's ink reaches left and right: a closing mark at its end (a comma hanging into the gutter)
    inks only the left half of its box, an opening mark at its start only the right half.

    >>> _ink(_Run(Char("，", 90, 100, 20, 10)))
    (90, 95.0)
    """
    first, last = run.chars[0], run.chars[-1]
    x0 = run.x0 + (first.x1 - first.x0) / 2 if first.text in HANGING_OPENERS and first.x0 <= run.x0 else run.x0
    x1 = last.x0 + (last.x1 - last.x0) / 2 if last.text in HANGING_CLOSERS and last.x1 >= run.x1 else run.x1
    return x0, x1


def _widest_free(x0: float, x1: float, taken: list[tuple[float, float]]) -> float:
    """The widest stretch of [x0, x1] outside the ``taken`` intervals.

    >>> _widest_free(0, 100, [(10, 20), (15, 60), (90, 100)])
    30
    """
    widest, at = 0.0, x0
    for a, b in sorted(taken):
        widest = max(widest, a - at)
        at = max(at, b)
    return max(widest, x1 - at)


def _text_line(line: _Run) -> TextLine:
    chars = line.chars
    size = _mode([c.size for c in chars])
    return TextLine(line_text(chars), line.x0, line.top, line.x1, line.bottom, size, _mode([c.font for c in chars]))


def _is_wide(text: str) -> bool:
    return east_asian_width(text[0]) in "WF"


def _mode(values: list[Any]) -> Any:
    """The most common value; of equally common ones the largest.

    >>> _mode([8.0, 8.0, 24.0]), _mode([24.0, 8.0]), _mode(["黑体", "宋体", "宋体"])
    (8.0, 24.0, '宋体')
    """
    counts = Counter(values)
    return max(counts, key=lambda value: (counts[value], value))


def line_text(chars: Sequence[Char]) -> str:
    """The text of a line's characters (in x order), with a space where the PDF has one or the gap is clear.

    >>> def at(text, xs, size=10.0):
    ...     return [Char(c, x, x + size, 0.0, size) for c, x in zip(text, xs)]
    >>> line_text(at("陈佳林松", [0, 10, 30, 40]))  # one gap a whole em wider than the rest
    '陈佳 林松'
    >>> line_text(at("简讯要闻", [0, 20, 40, 60]))  # letter-spaced: every gap the same
    '简讯要闻'
    >>> line_text(at("NEW", [0, 6, 12], 6) + at("SAN", [19.5, 25.5, 31.5], 6))  # a quarter em apart
    'NEW SAN'
    >>> line_text(at("大家", [0, 10]) + at("QQ", [21, 27], 6))  # a tenth of an em: kerning, not a space
    '大家QQ'
    >>> line_text(at("电量", [0, 10]) + at("21", [22.7, 28.7], 6))  # a quarter em between Han and digits: autospace
    '电量21'
    """
    gaps = [b.x0 - a.x1 for a, b in pairwise(chars)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    out = []
    space = False  # a space is due before the next character
    last = None
    for char, gap in zip(chars, [0.0, *gaps]):
        if char.text.isspace():
            space = last is not None
            continue
        if space or (last is not None and gap - usual > SPACE_GAP_EM * max(last.size, char.size)
                     and (_is_wide(last.text) == _is_wide(char.text)
                          or gap - usual > AUTOSPACE_GAP_EM * max(last.size, char.size))):
            out.append(" ")
        out.append(char.text)
        last, space = char, False
    return "".join(out)
