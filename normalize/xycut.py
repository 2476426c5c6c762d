"""The recursive XY-cut: column blocks' boxes cut into regions in reading order, bands top to bottom and
columns left to right, only where no box and no wall (a rule, a frame's edge, a photo) stands in the way.

Where cuts go: a rule across the region cuts it first (``ruled_cuts``); a cut through white that would part a
headline from its columns (``parting_headline``; a module's title centred over its columns is theirs,
``centred_over_module``) or runs on past a column's end (``one_sided_cuts``) gives way to a column cut, at a rule
down the region first where one stands in a gutter; a lead paragraph set over a band's columns is read after its
headline (``lead_after_headline``).
``normalize.order`` builds the boxes and walls from a page and calls ``xy_cut``.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .geometry import WALL_SLACK_EM, Box, bounds, overlap

HEAD_REACH_EM = 3.0
"""A headline's text starts within this (in em of the body type) under it."""
LEAD_WIDER = 1.5
"""A lead paragraph over a headline set in a column is at least this much wider than the headline."""
LEAD_COVER = 0.8
"""... and the band under it spans at least this share of its width (the lead is set across that band's columns)."""


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
           labels: frozenset[int] = frozenset(), tags: frozenset[int] = frozenset()) -> list[list[int]]:
    """The boxes (indices) in regions, in reading order: cut into bands top to bottom wherever a horizontal cut
    goes through, else into columns left to right, and each part again; a part that cannot be cut is a region,
    read top to bottom. Where a rule crosses the region, it is cut there first (``ruled_cuts``); a cut through
    white that would part a headline from its columns (``parting_headline``) or runs on past a column's end
    (``one_sided_cuts``) gives way to a column cut. ``em`` is the page's body size; ``heads`` are the headlines,
    for ``parting_headline`` and ``lead_after_headline``; ``labels`` the smaller labels, for ``parting_headline``
    too; ``tags`` the column tags, for ``tag_at_column_foot``.

    Example: a running head, then a headline over two columns, then the two columns, then a foot.

    >>> page = [(0, 0, 100, 5), (0, 10, 100, 20), (0, 25, 45, 90), (55, 25, 100, 90), (0, 95, 100, 99)]
    >>> xy_cut(page, [], 4.0)
    [[0], [1], [2], [3], [4]]
    >>> xy_cut([page[2], (55, 25, 100, 50), (55, 60, 100, 90)], [], 4.0)  # the left column before the right
    [[0], [1], [2]]
    >>> xy_cut([(0, 0, 60, 20), (40, 10, 100, 30)], [], 4.0)  # overlapping: one region, top first
    [[0, 1]]
    """
    page = _Cutting(boxes, walls, WALL_SLACK_EM * em, HEAD_REACH_EM * em, heads, labels, em, tags)
    return _cut(list(range(len(boxes))), page, 0) if boxes else []


FLOW_GAP_EM = 1.0
"""A column's text goes on across a cut with no more white than this (em) between two of its blocks: leading."""
MAX_CUT_DEPTH = 200
"""Cuts nest a few levels on a real page; a part nested deeper (a staircase of boxes) is one region."""


class _Cutting(NamedTuple):
    boxes: list[Box]
    walls: list[Box]
    slack: float  # boxes may overlap by this much and still be apart
    reach: float  # how far under a headline its text starts
    heads: frozenset[int]
    labels: frozenset[int] = frozenset()  # set smaller than a headline, kept with their column as headlines are
    em: float = 0.0  # the body size: a mark may hang this far past a column's edge
    tags: frozenset[int] = frozenset()  # a column's tag alone on its line (``【经验交流】``)


def _cut(items: list[int], page: _Cutting, depth: int) -> list[list[int]]:
    if len(items) < 2 or depth >= MAX_CUT_DEPTH:
        return [sorted(items, key=lambda k: (page.boxes[k][1], page.boxes[k][0]))]
    boxes = page.boxes
    sub = [boxes[k] for k in items]
    cuts, along = _cuts(sub, page.walls, 1, page.slack), 1
    ruled = ruled_cuts(cuts, items, page)
    if ruled:
        cuts = ruled
    else:
        columns = _cuts(sub, page.walls, 0, page.slack)
        weak = set(parting_headline(cuts, items, page)) | set(one_sided_cuts(cuts, items, page, columns)) \
            | set(flows_across(cuts, items, page)) | set(tag_at_column_foot(cuts, items, page)) \
            | set(headlines_at_feet(cuts, items, page, columns)) if cuts else set()
        if not cuts or weak:
            if columns or not cuts:
                cuts, along = ruled_cuts(columns, items, page, 0) or columns, 0
            elif len(weak) < len(cuts):
                cuts = sorted(set(cuts) - weak)
    if not cuts:
        return [sorted(items, key=lambda k: (boxes[k][1], boxes[k][0]))]
    parts: list[list[int]] = [[] for _ in range(len(cuts) + 1)]
    for k in items:
        parts[bisect_left(cuts, (boxes[k][along] + boxes[k][along + 2]) / 2)].append(k)
    ordered = [_cut(part, page, depth + 1) for part in parts if part]
    if along == 1 and not ruled:  # (bands a rule parts, a running head over the page, stay apart)
        ordered = lead_after_headline(ordered, boxes, page.heads)
    return [region for part in ordered for region in part]


def flows_across(cuts: list[float], items: list[int], page: _Cutting) -> list[float]:
    """The horizontal cuts that a column's text goes on across: a block right above the cut and one right under it
    within its column, no more white between them than a line's leading, neither a headline or label. Such a cut
    parts a story from itself, not bands: a word processor's two snaking columns, where a title ends the left
    column and the right one goes on with the story before its credit.

    >>> boxes = [(0, 0, 45, 60), (0, 70, 45, 90), (55, 0, 100, 64), (80, 66, 100, 72)]
    >>> page = _Cutting(boxes, [], 1.0, 30.0, frozenset(), em=4.0)
    >>> flows_across([65.0], [0, 1, 2, 3], page), flows_across([65.0], [0, 1, 2, 3], page._replace(
    ...     boxes=[*boxes[:3], (80, 75, 100, 81)]))
    ([65.0], [])
    """
    boxes, slack, kept = page.boxes, page.slack, page.heads | page.labels
    found = []
    for cut in cuts:
        over = [k for k in items if cut - FLOW_GAP_EM * page.em <= boxes[k][3] <= cut + slack and k not in kept]
        under = [k for k in items if cut - slack <= boxes[k][1] <= cut + FLOW_GAP_EM * page.em and k not in kept]
        if any(0 <= boxes[b][1] - boxes[a][3] <= FLOW_GAP_EM * page.em and boxes[a][0] - slack <= boxes[b][0]
               and boxes[b][2] <= boxes[a][2] + slack for a in over for b in under):
            found.append(cut)
    return found


def headlines_at_feet(cuts: list[float], items: list[int], page: _Cutting, columns: list[float]) -> list[float]:
    """The horizontal cuts with a headline (or label, or tag) under them within one column that has nothing under
    it in that column but headlines and lines of one (a folio): a word processor's title left at the foot of its
    column, its story going on at the next column's top or the next page's, whatever stands between the cut and
    it and whatever the other columns go on with. Cut as a band, the right column's top was read before the title
    at the left column's foot that heads it; without the cut, the columns are read one after the other. Near
    misses: a headline with its text under it in its column (a band's story); a headline across the columns (no
    column cut through it).

    >>> boxes = [(0, 0, 45, 60), (55, 0, 100, 64), (0, 70, 45, 90), (55, 70, 100, 85), (40, 95, 60, 99)]
    >>> page = _Cutting(boxes, [], 1.0, 30.0, frozenset({2, 3}), em=4.0)
    >>> headlines_at_feet([67.0, 92.0], list(range(5)), page, [50.0])
    [67.0]
    >>> headlines_at_feet([67.0, 92.0], list(range(5)), page._replace(heads=frozenset({2})), [50.0])  # (text beside)
    [67.0]
    >>> headlines_at_feet([67.0, 92.0], list(range(5)), page._replace(boxes=[*boxes[:2], (0, 70, 45, 80),
    ...     (55, 70, 100, 85), (0, 82, 45, 99)], heads=frozenset({2})), [50.0])  # (its text under it)
    []
    >>> headlines_at_feet([67.0, 92.0], list(range(5)), page._replace(boxes=[*boxes[:2], (0, 70, 100, 90),
    ...     *boxes[3:]], heads=frozenset({2})), [50.0])
    []
    """
    boxes, kept = page.boxes, page.heads | page.labels | page.tags

    def one_line(k: int) -> bool:
        return boxes[k][3] - boxes[k][1] <= ONE_LINE_EM * page.em

    # (the columns of the text, a folio across a gutter aside)
    text = [boxes[k] for k in items if not one_line(k)]
    columns = columns or (_cuts(text, page.walls, 0, page.slack) if text else [])
    found = []
    for cut in cuts:
        under = [k for k in items if (boxes[k][1] + boxes[k][3]) / 2 > cut]
        if any(h in kept and not any(boxes[h][0] < x < boxes[h][2] for x in columns) and all(
                k in kept or one_line(k) for k in under
                if boxes[k][1] >= boxes[h][1] and _same_column(boxes[k], boxes[h], columns))
               for h in under):
            found.append(cut)
    return found


def _same_column(a: Box, b: Box, columns: list[float]) -> bool:
    """Whether two boxes stand in one column: between the same two gutters, or overlapping where a box spans one."""
    if any(a[0] < x < a[2] for x in columns):
        return overlap(a[0], a[2], b[0], b[2]) > 0
    return bisect_left(columns, (a[0] + a[2]) / 2) == bisect_left(columns, (b[0] + b[2]) / 2)


ONE_LINE_EM = 1.5
"""A box no taller than this (em of the body type) holds one line."""
BESIDE_EM = 3.0
"""A column beside a tag at a column's foot holds at least this much text (em), more than a credit's line."""


def tag_at_column_foot(cuts: list[float], items: list[int], page: _Cutting) -> list[float]:
    """The horizontal cuts with nothing in the band under them but a column's tag, beside the foot of a column right
    of it (across a column cut of the region down to that band) that ends just above the cut: a word processor's
    tag left at the left column's foot, over the title the next column starts with (``【经验交流】`` under a story's
    credit, ``德国多个机场…`` at the right column's top). Cut as a band, it was read after the right column; without
    the cut, the columns are read one after the other. Near misses: a tag with text in its band too; nothing beside
    it, right, ending there; a credit set right over the tag in its own column (a line, no column: ``BESIDE_EM``).

    >>> boxes = [(0, 0, 45, 60), (55, 0, 100, 66), (0, 70, 20, 75)]
    >>> page = _Cutting(boxes, [], 1.0, 30.0, frozenset(), em=4.0, tags=frozenset({2}))
    >>> tag_at_column_foot([68.0], [0, 1, 2], page), tag_at_column_foot([68.0], [0, 1, 2],
    ...     page._replace(boxes=[boxes[0], (55, 0, 100, 20), boxes[2]]))
    ([68.0], [])
    """
    if not page.tags:
        return []
    boxes = page.boxes
    found = []
    for cut, below in zip(cuts, [*cuts[1:], math.inf]):
        under = [k for k in items if cut < (boxes[k][1] + boxes[k][3]) / 2 < below]  # (the band under the cut)
        if not under or any(k not in page.tags for k in under):
            continue
        upto = [k for k in items if (boxes[k][1] + boxes[k][3]) / 2 < below]  # (a page's foot below: not counted)
        right = max(boxes[k][2] for k in under)
        for x in _cuts([boxes[k] for k in upto], page.walls, 0, page.slack):
            beside = [boxes[k] for k in upto if boxes[k][0] >= x]
            if (x >= right and any(cut - page.reach <= box[3] <= cut for box in beside)
                    and sum(box[3] - box[1] for box in beside) >= BESIDE_EM * page.em):
                found.append(cut)
                break
    return found


def _gaps(cuts: list[float], items: list[int], boxes: list[Box], along: int = 1) -> list[tuple[float, float]]:
    """For each horizontal cut (``along`` 0: vertical), the white between the boxes above it and those below it
    (left and right of it): (lowest bottom, highest top), boxes on either side by their middles."""
    a, b = (1, 3) if along == 1 else (0, 2)
    order = sorted(items, key=lambda k: boxes[k][a] + boxes[k][b])
    middles = [(boxes[k][a] + boxes[k][b]) / 2 for k in order]
    lowest, highest = [-math.inf], [math.inf]
    for k in order:
        lowest.append(max(lowest[-1], boxes[k][b]))
    for k in reversed(order):
        highest.append(min(highest[-1], boxes[k][a]))
    highest.reverse()
    return [(lowest[at], highest[at]) for at in (bisect_left(middles, cut) for cut in cuts)]


def ruled_cuts(cuts: list[float], items: list[int], page: _Cutting, along: int = 1) -> list[float]:
    """The horizontal cuts through a gap that a rule (or a frame's edge) crosses from the region's left edge to its
    right (or pieces of one, broken only at gutters: ``_rules_across``): a page's head and foot rules, a rule
    between stories. The region is cut there first; the cuts through white alone are weighed (``parting_headline``,
    ``one_sided_cuts``) inside the parts these leave. With ``along`` 0, the column cuts through a gap that a rule
    crosses from the region's top to its foot: the rule between two modules side by side, cut before the white
    between a module's columns.

    Example: held-out seed 33's doc10 has head and foot rules; weighed over the whole page, where they stand in the
    way of every column cut, the white under a story's lead looked like a band's edge. Modular seed 13's doc04 has
    a rule between its two modules: cut there first, the right module's centred headline is read before the first
    of its three columns, not after. Held-out seed 37's doc03 has a rule under its first story in two pieces, one
    under the story's two columns and one under its third, beside a box: cut there first, the third column is read
    with its story. Near misses: a rule across one column only; pieces parted wider than a gutter; no rule (every
    cut is weighed as before).

    >>> boxes = [(0, 0, 100, 10), (0, 20, 45, 60), (55, 20, 100, 40), (0, 70, 45, 90)]
    >>> page = _Cutting(boxes, [(0, 14, 100, 15)], 1.0, 30.0, frozenset())
    >>> ruled_cuts([15.0, 65.0], [0, 1, 2, 3], page), ruled_cuts([15.0, 65.0], [0, 1, 2, 3], page._replace(
    ...     walls=[(0, 14, 45, 15)]))
    ([15.0], [])
    >>> pieces = page._replace(walls=[(0, 14, 45, 15), (55, 14, 100, 15)], em=6.0)  # a rule broken at the gutter
    >>> ruled_cuts([15.0, 65.0], [0, 1, 2, 3], pieces), ruled_cuts([15.0, 65.0], [0, 1, 2, 3], pieces._replace(em=4.0))
    ([15.0], [])
    >>> modules = [(0, 0, 45, 90), (55, 20, 70, 90), (80, 0, 95, 10), (80, 20, 95, 90)]
    >>> page = _Cutting(modules, [(49.5, 0, 50.5, 90)], 1.0, 30.0, frozenset({2}))
    >>> ruled_cuts([50.0, 75.0], [0, 1, 2, 3], page, 0), ruled_cuts([50.0, 75.0], [0, 1, 2, 3], page._replace(
    ...     walls=[(49.5, 0, 50.5, 40)]), 0)
    ([50.0], [])
    """
    if not cuts:
        return []
    boxes, slack = page.boxes, page.slack
    a, b = (1, 3) if along == 1 else (0, 2)  # the axis the cuts are taken along
    c, d = (0, 2) if along == 1 else (1, 3)  # the axis a rule must cross
    lo, hi = min(boxes[k][c] for k in items), max(boxes[k][d] for k in items)
    reach = slack + page.em  # (a mark hanging past the text's edge: a rule spans the columns, not the marks)
    across = _rules_across(page, a, b, c, d, lo, hi, reach)
    if not across:
        return []
    return [cut for cut, (low, high) in zip(cuts, _gaps(cuts, items, boxes, along))
            if any(low - slack <= at <= high + slack for at in across)]


RULE_BREAK_EM = 2.0
"""A rule drawn in pieces, one a column, breaks at the gutters: pieces on one line with gaps no wider than this (in
em of the body type) are one rule across."""


def _rules_across(page: _Cutting, a: int, b: int, c: int, d: int, lo: float, hi: float, reach: float) -> list[float]:
    """Where thin walls (rules) cross the span ``lo``..``hi`` on the other axis: one rule, or pieces of one on a
    line, broken only at gutters (``RULE_BREAK_EM``: held-out seed 37's rule under two stories, a piece under each)."""
    slack = page.slack
    thin = sorted((w for w in page.walls if w[b] - w[a] <= 2 * slack), key=lambda w: (w[a] + w[b]) / 2)
    found: list[float] = []
    k = 0
    while k < len(thin):
        at = (thin[k][a] + thin[k][b]) / 2
        line = [w for w in thin[k:] if abs((w[a] + w[b]) / 2 - at) <= slack]
        k += len(line)
        spans = sorted((w[c], w[d]) for w in line)
        start, end = spans[0]
        for s0, s1 in spans[1:]:
            if s0 - end > RULE_BREAK_EM * page.em:
                break  # (the rule ends here: a piece further on is another rule's)
            end = max(end, s1)
        if start <= lo + reach and end >= hi - reach:
            found.append(at)
    return found


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
    text starting within reach under it (or under a photo under it: ``photos_under``) and overlapping it, when the
    headline stands over them, and the photos, as theirs (``over_own_columns``).

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
            photos = photos_under(boxes[h], page)
            floor = max([boxes[h][3]] + [photo[3] for photo in photos])
            below = texts[bisect_left(tops, cut - slack):bisect_right(tops, floor + reach)]
            under = [boxes[k] for _, k in below if overlap(boxes[k][0], boxes[k][2], boxes[h][0], boxes[h][2]) > 0]
            under += centred_over_module(h, under, [k for _, k in below], items, page)
            if over_own_columns(boxes[h], under, slack, photos) and not ruled_off(boxes[h], bounds(under), page.walls,
                                                                                   slack):
                parting.append(cut)
                break
    return parting


def centred_over_module(h: int, under: list[Box], below: list[int], items: list[int], page: _Cutting) -> list[Box]:
    """The columns beside the columns under headline ``h`` that start level with them, as many on each side, where
    the headline stands centred over them all and no other headline stands over them: a module's title centred over
    its three columns covers only the middle one (modular seed 13: ``科普宣传上街`` over ``文/周文静`` /
    ``5月19日，…``, ``识，弘扬…`` and ``知识读本…``), and is theirs too. Near misses: two one-column stories
    beside it under headlines of their own in its band; a headline flush left over its column, or off the middle of
    the columns beside it (held-out seed 32's ``二十大新闻中心…`` over its lead, the column of ``动态`` beside it),
    or with more columns level on one side than on the other. So with a title over the middle three of five
    columns, which its width makes flush with the second (modular seed 11's ``雅万高铁开始电气化…``), or the middle
    two of four.

    >>> five = [(20, 0, 80, 10), (0, 14, 18, 60), (20, 14, 38, 60), (40, 14, 58, 60), (60, 14, 78, 60),
    ...         (82, 14, 100, 60)]
    >>> page = _Cutting(five, [], 1.0, 16.0, frozenset({0}), em=4.0)
    >>> centred_over_module(0, five[2:5], [1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], page)
    [(0, 14, 18, 60), (82, 14, 100, 60)]
    >>> centred_over_module(0, five[2:5], [1, 2, 3, 4], [0, 1, 2, 3, 4], page)  # (one beside it, on one side)
    []
    >>> boxes = [(40, 0, 60, 10), (0, 14, 28, 60), (36, 14, 64, 60), (72, 14, 100, 60)]
    >>> page = _Cutting(boxes, [], 1.0, 16.0, frozenset({0}), em=4.0)
    >>> centred_over_module(0, [boxes[2]], [1, 2, 3], [0, 1, 2, 3], page)
    [(0, 14, 28, 60), (72, 14, 100, 60)]
    >>> centred_over_module(0, [boxes[2]], [1, 2, 3], [0, 1, 2, 3, 4], page._replace(boxes=[*boxes, (0, 0, 20, 10)],
    ...                     heads=frozenset({0, 4})))
    []
    """
    boxes, slack, kept = page.boxes, page.slack, page.heads | page.labels
    if not under or (len(under) == 1 and abs(boxes[h][0] - under[0][0]) <= slack):  # (flush left over its column)
        return []
    head, (x0, top, x1, _) = boxes[h], bounds(under)
    level = sorted((boxes[k] for k in below if abs(boxes[k][1] - top) <= slack and boxes[k] not in under),
                   key=lambda box: box[0])
    left = [box for box in level if box[2] <= x0 + slack]
    right = [box for box in level if box[0] >= x1 - slack]
    if not left or len(left) != len(right):  # (as many on each side: the title over the middle ones)
        return []
    beside = left + right
    x0, x1 = min(x0, beside[0][0]), max(x1, beside[-1][2])
    if abs((head[0] + head[2]) / 2 - (x0 + x1) / 2) > slack:
        return []
    others = [boxes[k] for k in items if k in kept and k != h and boxes[k][3] <= top + slack
              and any(overlap(boxes[k][0], boxes[k][2], box[0], box[2]) > 0 for box in beside)]
    return [] if others else beside


def over_own_columns(head: Box, under: list[Box], slack: float, photos: Sequence[Box] = ()) -> bool:
    """Whether a headline stands over the columns ``under`` it as theirs alone: within the one column, or within
    several and flush with the first one's left edge. The ``photos`` right under it (``photos_under``) are as wide
    as its module: the headline may reach as far as they do, past the ink of its text (held-out seed 47's
    ``深大鹏办事处…`` over a photo and two columns, its last glyph a hair past their last).

    Example: doc03 (held-out seed 31) sets its headline flush left over the two columns of its article. Near miss:
    dev04 centres 全国秋粮收获过半 over four columns, and only the middle two start right under it: it is over more
    columns than it covers, and keeping it with those two would read the first column before it.

    >>> left, right = (0, 28, 45, 60), (55, 28, 100, 60)
    >>> over_own_columns((0, 0, 40, 20), [left], 1.0), over_own_columns((0, 0, 80, 20), [left], 1.0)
    (True, False)
    >>> over_own_columns((0, 0, 80, 20), [left, right], 1.0), over_own_columns((20, 0, 80, 20), [left, right], 1.0)
    (True, False)
    >>> over_own_columns((0, 0, 103, 20), [left, right], 1.0), over_own_columns((0, 0, 103, 20), [left, right], 1.0,
    ...                                                                        [(0, 22, 103.5, 26)])
    (False, True)
    """
    if not under:
        return False
    x0, _, x1, _ = bounds([*under, *photos])
    within = x0 - slack <= head[0] <= head[2] <= x1 + slack
    return within and (len(under) == 1 or head[0] <= x0 + slack)


def photos_under(head: Box, page: _Cutting) -> list[Box]:
    """The photos set right under a headline across its whole width, each starting within reach under it or
    under the photo above it: the headline's text starts under the last of them, and they are as wide as its
    module.

    Example: an article with a photo across its columns between headline and text (held-out pages' photo "top"):
    the headline keeps the columns under the photo, not the briefs box beside it. Near misses: a rule under the
    headline is no photo; a photo in one of the columns under a headline over several (dev04's 全国秋粮收获过半:
    the text beside the photo starts right under the headline); a photo beside the headline.

    >>> page = _Cutting([], [(0, 25, 100, 90), (0, 95, 100, 95.5), (30, 25, 60, 90)], 1.0, 16.0, frozenset())
    >>> photos_under((0, 0, 100, 20), page), photos_under((0, 0, 100, 92), page), photos_under((20, 0, 70, 20), page)
    ([(0, 25, 100, 90)], [], [(0, 25, 100, 90)])
    >>> photos_under((120, 0, 150, 20), page), photos_under((0, 0, 100, 20), page._replace(walls=page.walls[2:]))
    ([], [])
    """
    floor, slack = head[3], page.slack
    pictures = [w for w in page.walls if w[3] - w[1] > 2 * slack and w[0] <= head[0] + slack <= head[2] - slack <= w[2]]
    found = []
    for photo in sorted(pictures, key=lambda w: w[1]):
        if floor - slack <= photo[1] <= floor + page.reach:
            floor = max(floor, photo[3])
            found.append(photo)
    return found


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
