"""Pages as geometry: the text lines of a PDF or OCR page with their boxes and type sizes, and the order a reader
reads them in.

The PDF and OCR readers turn a page into a ``PageLayout``; ``reading_order`` puts its lines in reading order from
their boxes and the page's graphics alone, and the loader writes them as the document's ``text`` and their boxes as
its ``layout``. Coordinates are page units (points for PDF, pixels for OCR) with y growing downward from the page's
top edge.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import NamedTuple

Box = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in page units, y downward from the top edge."""


@dataclass(slots=True)
class TextLine:
    """One printed line of one column: its text, its box and the size of its type."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the em of its type: PDF font size times the text matrix scale; OCR: the line's x_size
    font: str = ""  # the font's name where the file gives one (PDF)
    block: int = 0  # the reading-order region (a column of a band) the line was read in

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class PageLayout:
    """The lines of one page, and the graphics that part its articles."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]
    rules: list[Box] = field(default_factory=list)  # ruling lines and frames (path objects)
    images: list[Box] = field(default_factory=list)  # photos and drawings (image objects)


# -- reading order ---------------------------------------------------------------------------------------------------
# A newspaper page is read in bands top to bottom, and a band column by column, left to right; a headline over
# several columns comes before them; framed boxes and photos part regions. The order comes from the boxes alone:
# lines are chained into column blocks, and the blocks are cut recursively into bands and columns (the recursive
# XY-cut), cutting only where no block and no graphic stands in the way.

LINE_GAP_EM = 1.2
"""The next line of a column starts at most this far (in em) below the last: leading and a paragraph's space.
A wider gap ends the block, as before the next article's headline."""
LINE_SIZE_RATIO = 1.2
"""Two lines whose sizes differ more are not one column's text (a headline over its body)."""
BELOW_EM = 0.5
"""A line is below another when its middle is lower by at least this: lines of a row lie within it."""
THIN_EM = 0.5
"""A graphic thinner than this (in em of the page's body type) is a rule: a wall as it is."""
HEAD_EM = 1.4
"""A line this much larger than the page's body type is a headline."""
LABEL_EM = 1.18
"""A line set this much larger than the body is a label or a headline: parted from the columns under it by no cut
(``parting_headline``). Labels over briefs (动态, 要闻速览) are set 12 pt over a 9.5 or 10 pt body; a kicker
is smaller (11 pt over 9.5 pt: 1.16)."""
HEAD_REACH_EM = 3.0
"""A headline's text starts within this (in em of the body type) under it."""
LEAD_WIDER = 1.5
"""A lead paragraph over a headline set in a column is at least this much wider than the headline."""
LEAD_COVER = 0.8
"""... and the band under it spans at least this share of its width (the lead is set across that band's columns)."""
BACKDROP_SHARE = 0.2
"""A picture under at least this share of the page's characters is a backdrop (a scan under its OCR text, a panel),
not a photo with a credit printed on it."""
WALL_SLACK_EM = 0.25
"""Boxes may overlap by this much and still be apart: hanging punctuation, a rule's stroke, a photo's edge."""


def body_size(lines: list[TextLine]) -> float:
    """The size most of a page's characters are set in: the unit of its tolerances.

    >>> body_size([TextLine("甲乙丙", 0, 0, 30, 10, 10.0), TextLine("大标题", 0, 20, 60, 40, 20.0)])
    10.0
    >>> body_size([])
    10.0
    """
    weight: dict[float, int] = {}
    for line in lines:
        weight[line.size] = weight.get(line.size, 0) + len(line.text)
    return max(weight, key=lambda size: (weight[size], -size)) if weight else 10.0


def _middle(line: TextLine) -> float:
    return (line.top + line.bottom) / 2


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """How much [a0, a1] and [b0, b1] overlap (negative: the gap between them).

    >>> _overlap(0, 10, 5, 20), _overlap(0, 10, 12, 20)
    (5, -2)
    """
    return min(a1, b1) - max(a0, b0)


def lines_below(lines: list[TextLine]) -> list[list[int]]:
    """For each line, the lines right below it that overlap it horizontally: the nearest row of them, looked for
    no further down than a column's next line can be (``LINE_GAP_EM``).

    Example: under a headline over two columns, both columns' first lines.

    >>> head, left, right = TextLine("大标题", 0, 0, 90, 20, 20.0), TextLine("左", 0, 25, 40, 35, 10.0), \\
    ...     TextLine("右", 50, 25, 90, 35, 10.0)
    >>> lines_below([head, left, right])
    [[1, 2], [], []]
    """
    order = sorted(range(len(lines)), key=lambda k: lines[k].top)
    tops = [lines[k].top for k in order]
    tallest = max((line.bottom - line.top for line in lines), default=0.0)
    result = []
    for upper in lines:
        found: list[int] = []
        nearest = math.inf
        start = bisect_left(tops, _middle(upper) - tallest)
        for k in order[start:bisect_right(tops, upper.bottom + LINE_GAP_EM * upper.size)]:
            line = lines[k]
            size = min(upper.size, line.size)
            if _middle(line) - _middle(upper) < BELOW_EM * size or _overlap(upper.x0, upper.x1, line.x0, line.x1) <= 0:
                continue
            nearest = min(nearest, line.top)  # lines come top first: the first one found is the nearest
            if line.top <= nearest + BELOW_EM * size:
                found.append(k)
        result.append(sorted(found))
    return result


def continues_column(upper: TextLine, lower: TextLine, rules: list[Box]) -> bool:
    """Whether ``lower`` can be the next line of ``upper``'s column: about the same size, close below, and no
    rule between them.

    Example: a body line and the next (yes); a headline and the body under it (no, sizes differ); the last line of
    an article and the next one's first line under a rule (no).

    >>> a, b = TextLine("甲乙丙丁", 0, 0, 40, 10, 10.0), TextLine("戊己庚辛", 0, 14, 40, 24, 10.0)
    >>> continues_column(a, b, []), continues_column(a, b, [(0, 11.5, 40, 12.5)])
    (True, False)
    >>> continues_column(TextLine("标题", 0, -30, 40, -6, 24.0), a, [])
    False
    >>> continues_column(a, TextLine("戊己庚辛", 0, 24, 40, 34, 10.0), [])  # 1.4 em of white: a new block
    False
    """
    size = min(upper.size, lower.size)
    if max(upper.size, lower.size) > LINE_SIZE_RATIO * size or lower.top - upper.bottom > LINE_GAP_EM * size:
        return False
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    return not any(
        upper.bottom - size * WALL_SLACK_EM <= (top + bottom) / 2 <= lower.top + size * WALL_SLACK_EM
        and _overlap(x0, x1, left, right) > 0 and bottom - top < THIN_EM * size
        for left, top, right, bottom in rules
    )


def column_blocks(lines: list[TextLine], rules: list[Box]) -> list[list[int]]:
    """The lines (indices, top to bottom) chained into column blocks: a line and the next line of its column are
    linked when each is the other's only neighbour (below, above) and ``continues_column`` holds, and the block
    so far is no wider than the column it would go on in (``wider_than_column``).

    Example: a headline over three columns links to none of them; a wide lead paragraph over columns neither.

    >>> head = TextLine("大标题", 0, 0, 90, 20, 20.0)
    >>> col = [TextLine("左一", 0, 25, 40, 35, 10.0), TextLine("左二", 0, 38, 40, 48, 10.0),
    ...        TextLine("右一", 50, 25, 90, 35, 10.0), TextLine("右二", 50, 38, 90, 48, 10.0)]
    >>> column_blocks([head, *col], [])
    [[0], [1, 2], [3, 4]]
    """
    below = lines_below(lines)
    above: dict[int, list[int]] = {}
    for k, found in enumerate(below):
        for j in found:
            above.setdefault(j, []).append(k)
    following = {
        k: found[0] for k, found in enumerate(below)
        if len(found) == 1 and above.get(found[0]) == [k] and continues_column(lines[k], lines[found[0]], rules)
    }
    starts = sorted(range(len(lines)), key=lambda k: (lines[k].top, lines[k].x0))
    by_middle = sorted(range(len(lines)), key=lambda k: _middle(lines[k]))
    middles = [_middle(lines[k]) for k in by_middle]
    linked = set(following.values())
    todo = [k for k in starts if k not in linked]
    while todo:  # each chain from its first line, and again from where it was unlinked
        at = todo.pop()
        extent = (lines[at].x0, lines[at].x1)
        while at in following:
            nxt = lines[following[at]]
            row = by_middle[bisect_left(middles, _middle(nxt) - BELOW_EM * nxt.size):
                            bisect_right(middles, _middle(nxt) + BELOW_EM * nxt.size)]
            if wider_than_column(extent, nxt, [lines[k] for k in row]):
                todo.append(following.pop(at))
                break
            at = following[at]
            extent = (min(extent[0], nxt.x0), max(extent[1], nxt.x1))
    chained = set(following.values())
    blocks = []
    for start in starts:
        if start in chained:
            continue
        block = [start]
        while block[-1] in following:
            block.append(following[block[-1]])
        blocks.append(block)
    return blocks


def wider_than_column(extent: tuple[float, float], nxt: TextLine, row: list[TextLine]) -> bool:
    """Whether a block spanning ``extent`` (x0, x1) is wider than the column its next line ``nxt`` would go on in:
    a line of ``nxt``'s row stands beside it, under the block.

    Example: doc06 (held-out seed 31) sets a lead paragraph across two columns, its last line short, so the only
    line under that last line is the left column's first: lead and left column would be one block the shape of an
    L over the right column's top, which no cut can part from it. Near miss: a column's next line with the next
    column's line beside it (beyond the column, not under it).

    >>> left, right = TextLine("左", 0, 28, 45, 38, 10.0), TextLine("右", 55, 28, 100, 38, 10.0)
    >>> wider_than_column((0, 100), left, [left, right]), wider_than_column((0, 45), left, [left, right])
    (True, False)
    """
    slack = WALL_SLACK_EM * nxt.size
    return any(_overlap(nxt.x0, nxt.x1, m.x0, m.x1) <= 0 and _overlap(*extent, m.x0, m.x1) > slack for m in row)


def page_walls(page: PageLayout, em: float) -> list[Box]:
    """The page's graphics as walls a cut may not cross.

    A rule is a wall as it is. A frame or picture with text inside (a box around briefs, a shaded panel, a scan
    under its OCR text) is its four edges: it parts its inside from the outside, not the inside. A picture with no
    text inside is a wall whole: a photo parts the text beside it.

    >>> page = PageLayout(1, 100, 100, [TextLine("框内", 20, 20, 40, 30, 10.0)], rules=[(10, 10, 90, 90)],
    ...                   images=[(50, 50, 80, 80), (0, 95, 100, 95.5)])
    >>> page_walls(page, 10.0)  # doctest: +NORMALIZE_WHITESPACE
    [(10, 10, 90, 10), (10, 90, 90, 90), (10, 10, 10, 90), (90, 10, 90, 90), (50, 50, 80, 80), (0, 95, 100, 95.5)]
    """
    middles = sorted((_middle(line), (line.x0 + line.x1) / 2) for line in page.lines)
    ys = [y for y, _ in middles]
    walls: list[Box] = []
    for box in [*page.rules, *page.images]:
        x0, top, x1, bottom = box
        if min(x1 - x0, bottom - top) < THIN_EM * em:
            walls.append(box)
        elif any(x0 < x < x1 for _, x in middles[bisect_left(ys, top):bisect_right(ys, bottom)]):
            walls += [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]
        else:
            walls.append(box)
    return walls


def _cuts(boxes: list[Box], walls: list[Box], along: int, slack: float) -> list[float]:
    """Where the boxes can be cut apart along an axis (1: horizontal cuts at these y; 0: vertical cuts at these x):
    in a gap between them that no wall standing in the boxes' span crosses. Boxes may overlap by ``slack``.

    >>> bands = [(0, 0, 100, 20), (0, 30, 45, 90), (55, 30, 100, 90)]   # a headline over two columns
    >>> _cuts(bands, [], 1, 1.0), _cuts(bands, [], 0, 1.0)
    ([25.0], [])
    >>> _cuts(bands[1:], [], 0, 1.0), _cuts(bands[1:], [(50, 0, 50.5, 200)], 0, 1.0)  # a column rule: still a cut
    ([50.0], [50.0])
    >>> _cuts(bands[1:], [(40, 40, 60, 60)], 0, 1.0)  # a photo across the gutter: none
    []
    """
    a, b = (1, 3) if along == 1 else (0, 2)
    c, d = (0, 2) if along == 1 else (1, 3)
    lo, hi = min(box[c] for box in boxes), max(box[d] for box in boxes)
    standing = [(w[a] + slack, w[b] - slack) for w in walls
                if w[c] < hi - slack and w[d] > lo + slack and w[b] - w[a] > 2 * slack]
    spans = sorted((min(box[a] + slack, box[b] - slack), max(box[a] + slack, box[b] - slack)) for box in boxes)
    cuts = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start > reach:
            at = _free_point(reach, start, [(w0, w1) for w0, w1 in standing if w0 < start and w1 > reach])
            if at is not None:
                cuts.append(at)
        reach = max(reach, end)
    return cuts


def _free_point(lo: float, hi: float, blocked: list[tuple[float, float]]) -> float | None:
    """The middle of the widest stretch of (lo, hi) outside the ``blocked`` spans, or None if there is none.

    >>> _free_point(0, 10, []), _free_point(0, 10, [(-5, 4)]), _free_point(0, 10, [(-5, 15)])
    (5.0, 7.0, None)
    """
    best, width, at = None, 0.0, lo
    for w0, w1 in sorted(blocked):
        if w0 - at > width:
            best, width = (at + w0) / 2, w0 - at
        at = max(at, w1)
    if hi - at > width:
        best = (at + hi) / 2
    return best


def xy_cut(boxes: list[Box], walls: list[Box], em: float, heads: frozenset[int] = frozenset(),
           labels: frozenset[int] = frozenset()) -> list[list[int]]:
    """The boxes (indices) in regions, in reading order: cut into bands top to bottom wherever a horizontal cut
    goes through, else into columns left to right, and each part again; a part that cannot be cut is a region,
    read top to bottom. Where a rule crosses the region, it is cut there first (``ruled_cuts``); a cut through
    white that would part a headline from its columns (``parting_headline``) or runs on past a column's end
    (``one_sided_cuts``) gives way to a column cut. ``em`` is the page's body size; ``heads`` are the headlines,
    for ``parting_headline`` and ``lead_after_headline``; ``labels`` the smaller labels, for ``parting_headline``
    too.

    Example: a running head, then a headline over two columns, then the two columns, then a foot.

    >>> page = [(0, 0, 100, 5), (0, 10, 100, 20), (0, 25, 45, 90), (55, 25, 100, 90), (0, 95, 100, 99)]
    >>> xy_cut(page, [], 4.0)
    [[0], [1], [2], [3], [4]]
    >>> xy_cut([page[2], (55, 25, 100, 50), (55, 60, 100, 90)], [], 4.0)  # the left column before the right
    [[0], [1], [2]]
    >>> xy_cut([(0, 0, 60, 20), (40, 10, 100, 30)], [], 4.0)  # overlapping: one region, top first
    [[0, 1]]
    """
    page = _Cutting(boxes, walls, WALL_SLACK_EM * em, HEAD_REACH_EM * em, heads, labels)
    return _cut(list(range(len(boxes))), page, 0) if boxes else []


MAX_CUT_DEPTH = 200
"""Cuts nest a few levels on a real page; a part nested deeper (a staircase of boxes) is one region."""


class _Cutting(NamedTuple):
    boxes: list[Box]
    walls: list[Box]
    slack: float  # boxes may overlap by this much and still be apart
    reach: float  # how far under a headline its text starts
    heads: frozenset[int]
    labels: frozenset[int] = frozenset()  # set smaller than a headline, kept with their column as headlines are


def _cut(items: list[int], page: _Cutting, depth: int) -> list[list[int]]:
    if len(items) < 2 or depth >= MAX_CUT_DEPTH:
        return [sorted(items, key=lambda k: (page.boxes[k][1], page.boxes[k][0]))]
    boxes = page.boxes
    cuts, along = _cuts([boxes[k] for k in items], page.walls, 1, page.slack), 1
    ruled = ruled_cuts(cuts, items, page)
    if ruled:
        cuts = ruled
    else:
        columns = _cuts([boxes[k] for k in items], page.walls, 0, page.slack) if cuts else []
        weak = set(parting_headline(cuts, items, page)) | set(one_sided_cuts(cuts, items, page, columns))
        if not cuts or weak:
            columns = columns if cuts else _cuts([boxes[k] for k in items], page.walls, 0, page.slack)
            if columns or not cuts:
                cuts, along = columns, 0
            elif len(weak) < len(cuts):
                cuts = sorted(set(cuts) - weak)
    if not cuts:
        return [sorted(items, key=lambda k: (boxes[k][1], boxes[k][0]))]
    parts: list[list[int]] = [[] for _ in range(len(cuts) + 1)]
    for k in items:
        parts[bisect_left(cuts, (boxes[k][along] + boxes[k][along + 2]) / 2)].append(k)
    ordered = [_cut(part, page, depth + 1) for part in parts if part]
    if along == 1:
        ordered = lead_after_headline(ordered, boxes, page.heads)
    return [region for part in ordered for region in part]


def _gaps(cuts: list[float], items: list[int], boxes: list[Box]) -> list[tuple[float, float]]:
    """For each horizontal cut, the white between the boxes above it and those below it: (lowest bottom, highest
    top), boxes on either side by their middles."""
    order = sorted(items, key=lambda k: boxes[k][1] + boxes[k][3])
    middles = [(boxes[k][1] + boxes[k][3]) / 2 for k in order]
    lowest, highest = [-math.inf], [math.inf]
    for k in order:
        lowest.append(max(lowest[-1], boxes[k][3]))
    for k in reversed(order):
        highest.append(min(highest[-1], boxes[k][1]))
    highest.reverse()
    return [(lowest[at], highest[at]) for at in (bisect_left(middles, cut) for cut in cuts)]


def ruled_cuts(cuts: list[float], items: list[int], page: _Cutting) -> list[float]:
    """The horizontal cuts through a gap that a rule (or a frame's edge) crosses from the region's left edge to its
    right: a page's head and foot rules, a rule between stories. The region is cut there first; the cuts through
    white alone are weighed (``parting_headline``, ``one_sided_cuts``) inside the parts these leave.

    Example: held-out seed 33's doc10 has head and foot rules; weighed over the whole page, where they stand in the
    way of every column cut, the white under a story's lead looked like a band's edge. Near misses: a rule across
    one column only; no rule (every cut is weighed as before).

    >>> boxes = [(0, 0, 100, 10), (0, 20, 45, 60), (55, 20, 100, 40), (0, 70, 45, 90)]
    >>> page = _Cutting(boxes, [(0, 14, 100, 15)], 1.0, 30.0, frozenset())
    >>> ruled_cuts([15.0, 65.0], [0, 1, 2, 3], page), ruled_cuts([15.0, 65.0], [0, 1, 2, 3], page._replace(
    ...     walls=[(0, 14, 45, 15)]))
    ([15.0], [])
    """
    if not cuts:
        return []
    boxes, slack = page.boxes, page.slack
    x0, _, x1, _ = _union_boxes([boxes[k] for k in items])
    across = [(top + bottom) / 2 for left, top, right, bottom in page.walls
              if bottom - top <= 2 * slack and left <= x0 + slack and right >= x1 - slack]
    if not across:
        return []
    return [cut for cut, (lo, hi) in zip(cuts, _gaps(cuts, items, boxes))
            if any(lo - slack <= y <= hi + slack for y in across)]


def one_sided_cuts(cuts: list[float], items: list[int], page: _Cutting, columns: list[float]) -> list[float]:
    """The horizontal cuts through white that run on past the end of a column: a column cut goes through the whole
    region, all that stands on one side of it lies above (or below) the cut, and on the other side text goes on
    across the cut (text ends right above it and starts right under it, no headline or label). Such a cut parts a
    story from itself, not bands of the page: the region is cut into columns first.

    Example: held-out seed 33's doc10 sets a briefs box in the right-hand column, beside the stories of the three
    columns on the left; the box ends just above the white between a story's wide lead and its columns, and
    cutting the page there read the box between lead and body. Near misses: a band on each side of the column cut
    (two stories side by side over two more); a headline right under the cut (the next story, beside a shorter
    column) or right over it (dev04's centred headline over four columns).

    >>> boxes = [(0, 0, 100, 20), (0, 30, 45, 60), (55, 30, 100, 60), (110, 0, 150, 25)]
    >>> page = _Cutting(boxes, [], 1.0, 30.0, frozenset())
    >>> one_sided_cuts([27.5], [0, 1, 2, 3], page, [105.0]), one_sided_cuts([27.5], [0, 1, 2, 3],
    ...     page._replace(heads=frozenset({1})), [105.0])
    ([27.5], [])
    """
    boxes, slack, reach = page.boxes, page.slack, page.reach
    kept = page.heads | page.labels
    found: set[float] = set()
    for x in columns:
        left = [k for k in items if boxes[k][0] + boxes[k][2] < 2 * x]
        right = [k for k in items if boxes[k][0] + boxes[k][2] > 2 * x]
        for side, other in ((left, right), (right, left)):
            middles = [(boxes[k][1] + boxes[k][3]) / 2 for k in side]
            lo, hi = min(middles), max(middles)
            by_top = sorted((boxes[k][1], k) for k in other)
            by_bottom = sorted((boxes[k][3], k) for k in other)
            tops, bottoms = [t for t, _ in by_top], [b for b, _ in by_bottom]
            for cut in cuts:
                if cut in found or lo < cut < hi:
                    continue
                under = [k for _, k in by_top[bisect_left(tops, cut - slack):bisect_right(tops, cut + reach)]]
                over = [k for _, k in by_bottom[bisect_left(bottoms, cut - reach):bisect_right(bottoms, cut + slack)]]
                if under and over and not any(k in kept for k in under + over):
                    found.add(cut)
    return sorted(found)


def parting_headline(cuts: list[float], items: list[int], page: _Cutting) -> list[float]:
    """The horizontal cuts that would part a headline (or label) from the columns of text right under it: the
    text starting within reach under it (or under a photo under it: ``photo_under``) and overlapping it, when the
    headline stands over them as theirs (``over_own_columns``).

    The region is cut into columns instead where it can be, else at its other cuts first, so the headline stays
    with its columns. Example: sanmen02's right-hand column has its 简讯 label just above the line where the left
    part's framed box ends; cutting the page there would read the photo story between the label and its briefs.
    Labels count as headlines here (``LABEL_EM``: doc03's 动态 over its briefs, beside a headline over two columns:
    the page is cut between them, each kept over its own), and a column may start a hair above the cut, as boxes
    may overlap (doc11's 要闻速览 box). Near misses: a headline wider than the text under it (a column starts
    further down: the text is not all its), or centred over more columns than start under it (dev04); a headline
    over a headline (a running head over the lead headline); a rule across the text between them (``ruled_off``).

    >>> boxes = [(0, 0, 40, 20), (0, 28, 40, 60), (60, 0, 100, 60)]
    >>> page = _Cutting(boxes, [], 1.0, 16.0, frozenset({0}))
    >>> parting_headline([24.0], [0, 1, 2], page), parting_headline([24.0], [0, 1, 2], page._replace(heads=frozenset()))
    ([24.0], [])
    >>> two = _Cutting([(0, 0, 80, 20), (0, 28, 45, 60), (55, 28, 100, 60)], [], 1.0, 16.0, frozenset({0}))
    >>> parting_headline([24.0], [0, 1, 2], two), parting_headline([24.0], [0, 1, 2], two._replace(boxes=[
    ...     (0, 0, 100, 20), (0, 28, 45, 60), (55, 60, 100, 90)]))
    ([24.0], [])
    """
    boxes, slack, reach = page.boxes, page.slack, page.reach
    kept = page.heads | page.labels
    heads = sorted((boxes[k][3], k) for k in items if k in kept)  # by bottom
    texts = sorted((boxes[k][1], k) for k in items if k not in kept)  # by top
    bottoms, tops = [bottom for bottom, _ in heads], [top for top, _ in texts]
    parting = []
    for cut in cuts:
        for _, h in heads[bisect_left(bottoms, cut - reach):bisect_right(bottoms, cut + slack)]:
            # boxes overlap by slack: the text may start a hair above the cut
            below = texts[bisect_left(tops, cut - slack):bisect_right(tops, photo_under(boxes[h], page) + reach)]
            under = [boxes[k] for _, k in below if _overlap(boxes[k][0], boxes[k][2], boxes[h][0], boxes[h][2]) > 0]
            if over_own_columns(boxes[h], under, slack) and not ruled_off(boxes[h], _union_boxes(under), page.walls,
                                                                           slack):
                parting.append(cut)
                break
    return parting


def over_own_columns(head: Box, under: list[Box], slack: float) -> bool:
    """Whether a headline stands over the columns ``under`` it as theirs alone: within the one column, or within
    several and flush with the first one's left edge.

    Example: doc03 (held-out seed 31) sets its headline flush left over the two columns of its article. Near miss:
    dev04 centres 全国秋粮收获过半 over four columns, and only the middle two start right under it: it is over more
    columns than it covers, and keeping it with those two would read the first column before it.

    >>> left, right = (0, 28, 45, 60), (55, 28, 100, 60)
    >>> over_own_columns((0, 0, 40, 20), [left], 1.0), over_own_columns((0, 0, 80, 20), [left], 1.0)
    (True, False)
    >>> over_own_columns((0, 0, 80, 20), [left, right], 1.0), over_own_columns((20, 0, 80, 20), [left, right], 1.0)
    (True, False)
    """
    if not under:
        return False
    x0, _, x1, _ = _union_boxes(under)
    within = x0 - slack <= head[0] <= head[2] <= x1 + slack
    return within and (len(under) == 1 or head[0] <= x0 + slack)


def photo_under(head: Box, page: _Cutting) -> float:
    """Where a headline's text may start from: under the photos set right under the headline across its whole
    width (each starting within reach under it, or under the photo above it), else under the headline itself.

    Example: an article with a photo across its columns between headline and text (held-out pages' photo "top"):
    the headline keeps the columns under the photo, not the briefs box beside it. Near misses: a rule under the
    headline is no photo; a photo in one of the columns under a headline over several (dev04's 全国秋粮收获过半:
    the text beside the photo starts right under the headline); a photo beside the headline.

    >>> page = _Cutting([], [(0, 25, 100, 90), (0, 95, 100, 95.5), (30, 25, 60, 90)], 1.0, 16.0, frozenset())
    >>> photo_under((0, 0, 100, 20), page), photo_under((0, 0, 100, 92), page), photo_under((20, 0, 70, 20), page)
    (90, 92, 90)
    >>> photo_under((120, 0, 150, 20), page), photo_under((0, 0, 100, 20), page._replace(walls=page.walls[2:]))
    (20, 20)
    """
    floor, slack = head[3], page.slack
    pictures = [w for w in page.walls if w[3] - w[1] > 2 * slack and w[0] <= head[0] + slack <= head[2] - slack <= w[2]]
    for _, top, _, bottom in sorted(pictures, key=lambda w: w[1]):
        if floor - slack <= top <= floor + page.reach:
            floor = max(floor, bottom)
    return floor


def ruled_off(head: Box, text: Box, walls: list[Box], slack: float) -> bool:
    """Whether a wall (a rule, a frame's edge) runs across the text's whole width between a headline and the text
    under it: then the text is not the headline's, and nothing keeps them together.

    Example: doc12 (held-out seed 31) centres its masthead 民政简报 over the right-hand article's column, the page's
    head rule between them; kept together, they held the whole page in one band and read the briefs box beside the
    lower article between its headline and its body. Near misses: the frame around a label (sanmen02's 简讯) or a
    headline's underline, no wider than the label; a rule above the headline; a photo between them (no rule).

    >>> head, text = (0, 0, 40, 20), (0, 28, 40, 60)
    >>> ruled_off(head, text, [(0, 23, 100, 24)], 1.0), ruled_off(head, text, [(0, 21, 30, 21)], 1.0)
    (True, False)
    >>> ruled_off(head, text, [(0, -5, 100, -4)], 1.0), ruled_off(head, (0, 90, 40, 120), [(0, 23, 100, 85)], 1.0)
    (False, False)
    """
    return any(head[3] - slack <= (top + bottom) / 2 <= text[1] + slack and bottom - top <= 2 * slack
               and x0 <= text[0] + slack and x1 >= text[2] - slack for x0, top, x1, bottom in walls)


def lead_after_headline(bands: list[list[list[int]]], boxes: list[Box], heads: frozenset[int]) -> list[list[list[int]]]:
    """Bands (each a list of regions) with a lead paragraph moved under the headline it belongs to.

    Example: dev05 sets an article's lead across the columns of the band below it and the headline at the top of
    that band's first column, the body running on in the columns beside it; the headline (after a kicker, if any)
    is read first, then the lead. Near misses: a body over the next article's headline in its column (the body is
    no wider than the headline); a body over a label with the briefs under it (sanmen02's 简讯: nothing beside it).

    >>> lead, head, col1, col2 = (0, 0, 100, 20), (0, 25, 30, 40), (0, 45, 30, 90), (35, 25, 100, 90)
    >>> lead_after_headline([[[0]], [[1], [2], [3]]], [lead, head, col1, col2], frozenset({1}))
    [[[1], [0], [2], [3]]]
    >>> lead_after_headline([[[0]], [[1], [2], [3]]], [(0, 0, 30, 20), head, col1, col2], frozenset({1}))
    [[[0]], [[1], [2], [3]]]
    >>> lead_after_headline([[[0]], [[1], [2]]], [lead, (40, 25, 60, 40), (0, 45, 100, 90)], frozenset({1}))
    [[[0]], [[1], [2]]]
    """
    out: list[list[list[int]]] = []
    for band in bands:
        lead = out[-1] if out else None
        if lead and len(lead) == 1 and len(lead[0]) == 1 and lead[0][0] not in heads:
            at = next((n for n, region in enumerate(band[:2]) if all(k in heads for k in region)), None)
            if at is not None and _heads_columns(band, at, boxes[lead[0][0]], boxes):
                out[-1] = band[: at + 1] + lead + band[at + 1:]
                continue
        out.append(band)
    return out


def _heads_columns(band: list[list[int]], at: int, lead: Box, boxes: list[Box]) -> bool:
    """Whether the headline ending the band's region ``at`` sits at the top of the first of columns that a lead
    paragraph is set across: the lead is much wider than it, the band as wide as the lead, and text starts beside
    the headline."""
    head = [k for region in band[: at + 1] for k in region]
    head_x0, head_x1 = _span(head, boxes)
    head_bottom = max(boxes[k][3] for k in head)
    band_x0, band_x1 = _span([k for region in band for k in region], boxes)
    beside = any(boxes[k][0] >= head_x1 and boxes[k][1] < head_bottom for region in band[at + 1:] for k in region)
    width = lead[2] - lead[0]
    return beside and width > LEAD_WIDER * (head_x1 - head_x0) and band_x1 - band_x0 >= LEAD_COVER * width


def _span(items: list[int], boxes: list[Box]) -> tuple[float, float]:
    return min(boxes[k][0] for k in items), max(boxes[k][2] for k in items)


def _union_boxes(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _union(lines: list[TextLine]) -> Box:
    return (min(line.x0 for line in lines), min(line.top for line in lines),
            max(line.x1 for line in lines), max(line.bottom for line in lines))


def reading_order(page: PageLayout) -> PageLayout:
    """The page with its lines in reading order, each line's ``block`` the index of the region it was read in.

    Lines are chained into column blocks (``column_blocks``), the blocks cut into regions (``xy_cut``) with the
    page's graphics as walls (``page_walls``); text printed on a photo is read last (``on_photo``). The file's
    order of text plays no part.

    >>> lines = [TextLine("右一", 55, 30, 100, 40, 10.0), TextLine("大标题", 0, 0, 100, 20, 20.0),
    ...          TextLine("左一", 0, 30, 45, 40, 10.0), TextLine("右二", 55, 43, 100, 53, 10.0),
    ...          TextLine("左二", 0, 43, 45, 53, 10.0)]
    >>> [(line.text, line.block) for line in reading_order(PageLayout(1, 100, 60, lines)).lines]
    [('大标题', 0), ('左一', 1), ('左二', 1), ('右一', 2), ('右二', 2)]
    """
    if not page.lines:
        return page
    em = body_size(page.lines)
    photo_text = on_photo(page)
    lines = [line for k, line in enumerate(page.lines) if k not in photo_text]
    aside = [line for k, line in enumerate(page.lines) if k in photo_text]
    blocks = column_blocks(lines, page.rules)
    sizes = [max(lines[k].size for k in block) for block in blocks]
    heads = frozenset(b for b, size in enumerate(sizes) if size >= HEAD_EM * em)
    labels = frozenset(b for b, size in enumerate(sizes) if LABEL_EM * em <= size < HEAD_EM * em)
    boxes = [_union([lines[k] for k in block]) for block in blocks]
    regions = xy_cut(boxes, page_walls(page, em), em, heads, labels)
    ordered = [replace(lines[k], block=n) for n, region in enumerate(regions) for b in region for k in blocks[b]]
    ordered += [replace(line, block=len(regions) + n) for n, line in enumerate(aside)]
    return replace(page, lines=ordered)


def on_photo(page: PageLayout) -> set[int]:
    """The lines (indices) printed on a photo: a credit (sanmen02's 陈维连/摄 sits on the photo between the column a
    paragraph leaves and the one it goes on in). A backdrop (a scan under its OCR text) is no photo.

    >>> photo = (10, 10, 90, 60)
    >>> credit, body = TextLine("陈维连/摄", 60, 50, 88, 58, 8.0), TextLine("正文" * 20, 10, 70, 90, 78, 8.0)
    >>> on_photo(PageLayout(1, 100, 100, [body, credit], images=[photo]))
    {1}
    >>> on_photo(PageLayout(1, 100, 100, [body, credit], images=[(0, 0, 100, 100)]))  # a scan: nothing aside
    set()
    """
    total = sum(len(line.text) for line in page.lines)
    found: set[int] = set()
    for x0, top, x1, bottom in page.images:
        inside = [k for k, line in enumerate(page.lines)
                  if x0 < (line.x0 + line.x1) / 2 < x1 and top < _middle(line) < bottom]
        if sum(len(page.lines[k].text) for k in inside) < BACKDROP_SHARE * total:
            found.update(inside)
    return found
