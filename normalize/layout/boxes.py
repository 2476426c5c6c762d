"""The page view where the layout is known: each line's box and type size, as the loader read
them from a PDF (``layout`` in points), instead of widths guessed from characters.

Every tolerance here is in em of the line's own type, so it holds on any page size and unit.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..geometry import bounds, overlap
from .lines import Line
from .text import classify_line, ends_sentence, holds_sentence

RAGGED_SHARE = 0.9  # the share of a column's going-on lines that stop no shorter than its raggedness


class Em:
    """Geometric tolerances, in em of a line's type size (or shares of the page)."""

    INDENT = 0.8  # a paragraph's first line starts at least this far right of its column's edge
    INDENT_MAX = 4.0  # ...and at most this far
    SHORT = 1.0  # a paragraph's last line stops at least this short of its column's right edge
    SHORT_MID_SENTENCE = 5.0  # ...and this short where it ends no sentence (a subhead), not a few characters short
    EDGE = 0.5  # line starts (or ends) this close are one column edge
    PAST_EDGE = 1.5  # a line set flush right may end this far past its column's line ends (the frame's edge,
    # which unjustified lines stop a character short of)
    NEARLY_FILLS = 0.45  # a title in another face this clear of both its column's edges is centred in it
    ELEMENT_GAP = 0.6  # space between two headline lines that parts a label or kicker from its title
    KICKER_GAP = 2.0  # a kicker stands at most this far above its title
    SAME_SIZE_PDF = 0.02  # sizes differing by less than this share are one size (a PDF states them)...
    SAME_SIZE_OCR = 0.12  # ...in OCR, whose line heights vary from line to line
    EXACT_SHARE = 0.6  # a document's sizes are stated where this share of its text is set in the body size
    BODY_SHARE = 0.4  # a page sets the document's body type where this share of its text is in it (and its face)
    DISPLAY_PDF = 1.02  # type this much larger than the page's body type is display type (a headline)...
    DISPLAY_OCR = 1.25  # ...in OCR
    BAND = 0.12  # a page's running head lies in its top 12%, its foot in its bottom 12%...
    BAND_GAP = 1.2  # ...set apart from the page's text by this much space (em of body type) or a wide rule
    WIDE_RULE = 0.6  # a rule across at least this share of the page's width
    FRAME = 1.5  # a frame around a label stands at most this far from it
    BACKDROP = 0.5  # a picture over this share of its page is a scan under a text layer, not a photo
    LOOK_LINES = 6  # a title's column is looked for in this many lines under it (and above)
    LEADING = 1.0  # white between two lines of one paragraph or title is less than this
    MASTHEAD = 0.4  # a bulletin's masthead ends at a wide rule in its first page's top 40%
    CLOSING_LINES = 8  # a distribution block after a document's last rule has at most this many lines
    COLUMN_RULE = 0.25  # ...under a rule across at least this share of the page's width (a column of two)


@dataclass(slots=True)
class Geo:
    """A line's place: page, box (y down from the page's top), type size, reading region, font."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    block: int
    font: int


def read_boxed_lines(text: str, layout: dict[str, Any]) -> tuple[list[Line], list[Geo]] | None:
    """The text's lines, one per layout entry, with their geometry; None when the two do not
    match (a record whose text was edited after loading: the text path reads it then)."""
    rows = layout.get("lines") or []
    raw = text.split("\n")
    if len(raw) != len(rows):
        return None
    lines: list[Line] = []
    geo: list[Geo] = []
    for n, (line, row) in enumerate(zip(raw, rows), start=1):
        stripped = line.replace("\f", "").strip()
        kind, why = classify_line(stripped)
        lines.append(Line(n, int(row[0]), stripped, kind, why=why, i=n - 1))
        geo.append(Geo(int(row[0]), *map(float, row[1:6]), int(row[6]), int(row[7]) if len(row) > 7 else 0))
    return lines, geo


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
    """
    The value at the middle of the total weight.

        >>> _weighted_median([(9.2, 300), (20.0, 15), (10.4, 60)])
        9.2
    """
    pairs = sorted(pairs)
    half = sum(w for _, w in pairs) / 2
    seen = 0
    for value, weight in pairs:
        seen += weight
        if seen >= half:
            return value
    return pairs[-1][0] if pairs else 10.0


def body_sizes(sizes: dict[int, list[tuple[float, int, int]]], tolerance: float) -> dict[int, float]:
    """
    Each page's body size from its (size, font, characters) triples: the document's where the page sets a fair
    share of its text in it and in the document's body face, else the page's own. A story's last lines over a
    bulletin's distribution block in smaller type keep the body type of the pages before them; a page set all in
    other type keeps its own, as does a page of briefs whose titles are set in the body's size in another face
    over their text in a smaller size.

        >>> body_sizes({1: [(16.0, 0, 900)], 2: [(16.0, 0, 38), (14.0, 0, 45)], 3: [(10.0, 0, 500)]}, 0.02)
        {1: 16.0, 2: 16.0, 3: 10.0}
        >>> body_sizes({1: [(15.0, 0, 900)], 2: [(15.0, 1, 40), (12.0, 0, 60)]}, 0.02)  # (titles in a bold face)
        {1: 15.0, 2: 12.0}
    """
    document = _weighted_median([(size, n) for triples in sizes.values() for size, _, n in triples])
    faces: dict[int, int] = defaultdict(int)
    for triples in sizes.values():
        for size, font, n in triples:
            if abs(size - document) <= tolerance * document:
                faces[font] += n
    face = max(faces, key=faces.__getitem__) if faces else 0
    out = {}
    for page, triples in sizes.items():
        at = sum(n for size, font, n in triples if abs(size - document) <= tolerance * document and font == face)
        out[page] = document if at >= Em.BODY_SHARE * sum(n for _, _, n in triples) else _weighted_median(
            [(size, n) for size, _, n in triples])
    return out


def left_edge(starts: list[float], tol: float) -> float:
    """
    A column's left edge from its lines' starts: the leftmost start that two lines share within
    ``tol`` (indented first lines start right of it; an opening quote may hang left of it), else
    the leftmost start.

        >>> left_edge([61.0, 42.5, 42.5, 42.6, 61.1], 4.0), left_edge([100.0], 4.0)
        (42.5, 100.0)
    """
    ordered = sorted(starts)
    for a, b in itertools.pairwise(ordered):
        if b - a <= tol:
            return a
    return ordered[0]


def right_edge(ends: list[float]) -> tuple[float, float]:
    """
    A column's right edge from its lines' ends and how ragged it is: the upper quartile of the
    ends, and the spread between the lower and upper quartile (none where the text is justified;
    a paragraph's last lines are the shorter ends).

        >>> right_edge([202.7, 202.7, 129.4, 204.6, 202.7])
        (202.7, 0.0)
        >>> right_edge([154.4, 160.8, 154.4, 165.6, 143.0, 154.4, 157.0])
        (160.8, 6.4)
    """
    ordered = sorted(ends)
    lower, upper = ordered[len(ordered) // 4], ordered[(3 * len(ordered)) // 4]
    return upper, round(upper - lower, 2)


def raggedness(shortfalls: list[float]) -> float:
    """
    How far the lines of a column that go on may stop short of its edge: none where the text
    is justified; where it is not, a character or so (the next one did not fit). Nine lines in
    ten stop no shorter.

        >>> raggedness([0.0, 0.0, 0.1, 0.0]), raggedness([0.0, 9.5, 0.0, 9.5, 0.0, 0.0, 9.5, 0.0, 0.0, 0.0])
        (0.1, 9.5)
    """
    if not shortfalls:
        return 0.0
    ordered = sorted(max(0.0, s) for s in shortfalls)
    return round(ordered[min(len(ordered) - 1, int(RAGGED_SHARE * len(ordered)))], 2)


class BoxPage:
    """The lines of a document with their boxes: body size per page, column edges per region."""

    def __init__(self, lines: list[Line], geo: list[Geo], layout: dict[str, Any]) -> None:
        self.lines, self.geo = lines, geo
        self.pages = {k: tuple(p) for k, p in enumerate(layout.get("pages") or [], start=1) if p}
        faced: dict[int, list[tuple[float, int, int]]] = defaultdict(list)  # (size, font, characters) by page
        for ln, g in zip(lines, geo):
            if ln.kind == "text":
                faced[g.page].append((g.size, g.font, len(ln.text)))
        sizes = {page: [(size, n) for size, _, n in triples] for page, triples in faced.items()}
        self.body = {page: _weighted_median(pairs) for page, pairs in sizes.items()}
        ocr = layout.get("unit") == "px" or not self._sizes_exact(sizes)
        if not ocr:
            self.body = body_sizes(faced, Em.SAME_SIZE_PDF)
        self.body_font = self._body_fonts([str(name) for name in layout.get("fonts") or []])
        self.display_ratio = Em.DISPLAY_OCR if ocr else Em.DISPLAY_PDF
        self.size_share = Em.SAME_SIZE_OCR if ocr else Em.SAME_SIZE_PDF
        # rules and pictures by page; not a scan under its own text layer, which covers most of its page
        self.rules: dict[int, list[list[float]]] = defaultdict(list)
        self.images: dict[int, list[list[float]]] = defaultdict(list)
        for r in layout.get("rules") or []:
            self.rules[int(r[0])].append(r)
        for r in layout.get("images") or []:
            if not self._backdrop(r):
                self.images[int(r[0])].append(r)
        self._edges()
        self.bands = self._bands()

    def _body_fonts(self, names: list[str]) -> dict[int, int]:
        """Each page's body face: the named font most of its body-size characters are set in (none where the
        file names no fonts, as a browser's Type 3 fonts are unnamed)."""
        counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for ln, g in zip(self.lines, self.geo):
            if ln.kind == "text" and g.font < len(names) and names[g.font] and abs(g.size - self.body[g.page]) <= (
                    Em.SAME_SIZE_PDF * g.size):
                counts[g.page][g.font] += len(ln.text)
        return {page: max(fonts, key=fonts.__getitem__) for page, fonts in counts.items()}

    def _backdrop(self, r: list[float]) -> bool:
        width, height = self.pages.get(int(r[0]), (0.0, 0.0))
        return (r[3] - r[1]) * (r[4] - r[2]) >= Em.BACKDROP * width * height

    def _sizes_exact(self, sizes: dict[int, list[tuple[float, int]]]) -> bool:
        """The type sizes are stated, not estimated: most characters are set in exactly the body
        size (a PDF's own text), not in sizes scattered around it (OCR, also as a PDF's hidden
        text layer over a scan)."""
        at_body = total = 0
        for page, pairs in sizes.items():
            body = self.body[page]
            total += sum(n for _, n in pairs)
            at_body += sum(n for size, n in pairs if abs(size - body) <= Em.SAME_SIZE_PDF * body)
        return at_body >= Em.EXACT_SHARE * total

    def _edges(self) -> None:
        """Left and right edges of every region's column, from the lines set in its own size,
        and each line's neighbours above and below in that column."""
        regions: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, g in enumerate(self.geo):
            if self.lines[i].kind == "text":
                regions[(g.page, g.block)].append(i)
        self.left: dict[int, float] = {}
        self.right: dict[int, float] = {}
        self.ragged: dict[int, float] = {}  # how far the line ends of a column vary (unjustified text)
        self.above: dict[int, int] = {}  # the line above, in the same column and type
        self.below: dict[int, int] = {}
        for idx in regions.values():
            size = _weighted_median([(self.geo[i].size, len(self.lines[i].text)) for i in idx])
            column = [i for i in idx if self.same_size(self.geo[i].size, size)] or idx
            tol = Em.EDGE * size
            left = left_edge([self.geo[i].x0 for i in column], tol)
            right, _ = right_edge([self.geo[i].x1 for i in column])
            # how ragged: how far short the lines that go on stop (a paragraph's last line ends its sentence; a
            # subhead in another face is no line of the column's text)
            faces: dict[int, int] = defaultdict(int)
            for i in column:
                faces[self.geo[i].font] += len(self.lines[i].text)
            face = max(faces, key=faces.__getitem__)
            ragged = raggedness([right - self.geo[i].x1 for i in column
                                 if not ends_sentence(self.lines[i].text, ascii_marks=True)
                                 and self.geo[i].font == face])
            for i in idx:
                self.left[i], self.right[i], self.ragged[i] = left, right, ragged
            for above, below in itertools.pairwise(column):
                self.below[above], self.above[below] = below, above

    def same_size(self, a: float, b: float) -> bool:
        """Two type sizes that are one size."""
        return abs(a - b) <= self.size_share * max(a, b)

    def rel(self, i: int) -> float:
        """Line i's type size against its page's body type."""
        g = self.geo[i]
        return g.size / self.body.get(g.page, g.size)

    def display(self, i: int) -> bool:
        """Line i is set in display type, larger than the page's body type."""
        return self.rel(i) >= self.display_ratio

    def headline_face(self, i: int) -> bool:
        """Line i is set at the body's size in another named face and stands as a title does: centred in its
        column, or a first line wrapped to the column's width over a centred last one, or a line of its own set
        from its column's edge (filling a narrow column, or flush left) over a paragraph's indented first line (or a
        centred office), the line before it in another face or stopping short of the edge (a tag, ``【工作动态】``).
        A title set apart by its face alone (a bold sans title over a serif body, as a word processor sets an
        office's bulletin). Near misses: a line of the body's face; a subhead set from the paragraphs' indent
        (``一、加强组织领导``); a dateline in bold opening its paragraph (the line under it is not indented);
        files that name no fonts."""
        g = self.geo[i]
        body_font = self.body_font.get(g.page)
        if body_font is None or g.font == body_font or not self.same_size(g.size, self.body[g.page]):
            return False
        if self.centred(i, Em.NEARLY_FILLS):  # (in another face, a title that nearly fills a narrow column is one)
            return True
        n = i + 1
        if n >= len(self.geo) or self.geo[n].page != g.page or ends_sentence(self.lines[i].text):
            return False
        if self.geo[n].font == g.font:  # a title's first line, wrapped to its column's width over a centred last
            return (self.same_size(self.geo[n].size, g.size) and 0 <= self.space_above(n, i) < Em.LEADING
                    and self.centred(n, Em.EDGE))
        # a line of its own set from its column's edge (filling a narrow column, or a title set flush left), over a
        # paragraph's indented first line in the body's face (near miss: a subhead, ``一、加强组织领导``, set from
        # the paragraphs' indent)
        # (the line before in its face stops short of the column's edge: a section tag over it, ``【工作动态】``)
        column = self.column_under(i)
        return (self.geo[n].font == body_font and column is not None and i - 1 >= 0
                and (self.geo[i - 1].font != g.font or self.geo[i - 1].x1 < column[1] - Em.INDENT * g.size)
                and self.geo[n].x0 - column[0] >= Em.INDENT * g.size and abs(g.x0 - column[0]) <= Em.EDGE * g.size)

    def column_under(self, i: int) -> tuple[float, float] | None:
        """The edges of the column of body text line i stands in (in the body's face where fonts are named): the
        widest region among the lines near it that spans line i, not a subtitle's under a title; the lines under it
        first, on the next page where line i is its page's last (a title a word processor left at a page's foot),
        and those above it (a title at a column's foot, its story going on in the next column)."""
        g = self.geo[i]
        body_font = self.body_font.get(g.page, -1)
        # the lines under it, on the next page too where it ends its own, and above it, where it ends its column
        near = [*range(i + 1, min(len(self.geo), i + Em.LOOK_LINES)), *range(max(0, i - Em.LOOK_LINES), i)]
        under = [(self.geo[j].page, self.left[j], self.right[j]) for j in near
                 if 0 <= self.geo[j].page - g.page <= 1 and not self.bands.get(j)
                 and j in self.left and self.left[j] <= g.x0 + Em.EDGE * g.size
                 and g.x1 <= self.right[j] + Em.EDGE * g.size and (self.geo[j].font == body_font or body_font < 0)
                 and self.lines[j].kind == "text"]
        same = [(left, right) for page, left, right in under if page == g.page]
        edges = same or [(left, right) for _, left, right in under]  # (the next page's only where its own has none)
        return max(edges, key=lambda e: e[1] - e[0]) if edges else None

    def before(self, i: int) -> tuple[int | None, bool]:
        """The line read before line i, and whether a turn lies between them. Past the running foot and head
        where line i opens its page: the last line of the page before (None if there is none); where line i
        tops a column read after the line before, that line. A title a word processor left at a page's or a
        column's foot has its kicker, subtitle or byline across such a turn."""
        k = i - 1
        if k >= 0 and self.band(k):
            while k >= 0 and self.band(k):
                k -= 1
            return (k if k >= 0 and self.geo[k].page == self.geo[i].page - 1 else None), True
        if k < 0:
            return None, False
        return k, self.geo[k].block != self.geo[i].block and self.geo[i].top < self.geo[k].top

    def centred(self, i: int, clear: float = Em.INDENT_MAX / 2) -> bool:
        """Line i stands centred in the column of body text it stands in (``column_under``), clear of both its
        edges by more than ``clear`` em (by default more than a paragraph's indent: a first line that stopped
        short of a number that did not fit is not centred)."""
        g, column = self.geo[i], self.column_under(i)
        if column is None:
            return False
        left, right = g.x0 - column[0], column[1] - g.x1
        return min(left, right) > clear * g.size and abs(left - right) <= 2 * Em.EDGE * g.size

    def _refs(self, i: int) -> list[int]:
        return [j for j in (self.above.get(i), self.below.get(i)) if j is not None]

    def indented(self, i: int) -> bool:
        """Line i starts right of the lines above and below it in its column by about a
        paragraph indent (of its column's edge, where it stands alone). The lines next to it,
        not the column as a whole: text wrapped around a picture moves the edge down a column."""
        g = self.geo[i]
        low, high = Em.INDENT * g.size, Em.INDENT_MAX * g.size
        above, below = self.above.get(i), self.below.get(i)
        if below is not None and self.geo[below].font != g.font:
            below = None  # (under a subhead in another face: the next paragraph's first line, no measure of it)
        if above is None and below is None:
            return low <= g.x0 - self.left.get(i, g.x0) <= high
        # (above it, a paragraph of one indented line, or a subhead in another face: compared with the column's edge)
        return (below is None or low <= g.x0 - self.geo[below].x0 <= high) and (
            above is None or low <= g.x0 - self.geo[above].x0 <= high
            or ((self.short(above) or self.geo[above].font != g.font) and low <= g.x0 - self.left.get(i, g.x0) <= high))

    def short(self, i: int) -> bool:
        """Line i stops short of the lines above and below it (of its column's right edge, where
        it stands alone): a paragraph's last line. Where the text is not justified, by more
        than its line ends vary."""
        return self.room(i) >= Em.SHORT + self.ragged.get(i, 0.0) / self.geo[i].size

    def room(self, i: int) -> float:
        """How far line i stops short of the lines above and below it (of its column's edge), in
        its em: the width a word of the next line would have needed to be set here."""
        g = self.geo[i]
        # (a subhead in another face under a paragraph's last line is no measure of the column)
        near = [j for j in self._refs(i) if self.geo[j].font == g.font]
        if len(near) == 2 and ends_sentence(self.lines[i].text, ascii_marks=True):
            # (of a paragraph of one line, a neighbour that is a paragraph's short last line, or another paragraph of
            # one line, is no measure: the other is)
            a, b = sorted(near, key=lambda j: self.geo[j].x1)
            if (ends_sentence(self.lines[a].text, ascii_marks=True)
                    and self.geo[a].x1 < self.geo[b].x1 - Em.SHORT * g.size):
                near = [b]
        # (a mark hanging past the column's edge on a line near it is no measure of the edge)
        refs = [min(self.geo[j].x1, self.right.get(j, math.inf)) for j in near] or [self.right.get(i, g.x1)]
        return (min(refs) - g.x1) / g.size

    def space_above(self, i: int, p: int) -> float:
        """The space between line p and line i below it, in em of line i, beyond the usual leading."""
        a, b = self.geo[p], self.geo[i]
        return (b.top - a.bottom) / b.size

    def _bands(self) -> dict[int, str]:
        """The lines of each page's running head and foot: the lines in its top (bottom) 12%
        that a wide rule or a clear space parts from the rest of the page. Near miss: lines that hold a sentence,
        a short story's columns set side by side at the page's foot (``14日，德国服务业联合工`` / ``…`` /
        ``客的出行受到影响。`` under ``德国多个机场安保人员罢工``)."""
        by_page: dict[int, list[int]] = defaultdict(list)
        for i, g in enumerate(self.geo):
            if self.lines[i].kind not in ("blank", "noise"):  # (a stray glyph is no line of the page)
                by_page[g.page].append(i)
        bands: dict[int, str] = {}
        for page, idx in by_page.items():
            if page not in self.pages:
                continue
            width, height = self.pages[page]
            walls = [(r[2], r[4]) for r in self.rules.get(page, ()) if r[3] - r[1] >= Em.WIDE_RULE * width]
            gap = Em.BAND_GAP * self.body.get(page, 10.0)
            top = {i: (self.geo[i].top, self.geo[i].bottom) for i in idx}
            foot = {i: (height - self.geo[i].bottom, height - self.geo[i].top) for i in idx}
            from_foot = [(height - b, height - a) for a, b in walls]
            for name, spans, edges in (("top", top, walls), ("foot", foot, from_foot)):
                band = edge_band(spans, edges, Em.BAND * height, gap)
                if band and self._no_sentence(band) and (
                        self._side_by_side(band) or any(self.lines[i].kind == "furniture" for i in band)
                        or any(max(spans[i][1] for i in band) <= w0 <= Em.BAND * height for w0, _ in edges)):
                    bands.update(dict.fromkeys(band, name))
        pages = sorted(by_page)
        if pages and pages[0] in self.pages and not any(bands.get(i) == "top" for i in by_page[pages[0]]):
            bands.update(dict.fromkeys(self.masthead(by_page[pages[0]]), "top"))
        if pages and pages[-1] in self.pages:
            bands.update(dict.fromkeys(self.closing_block([i for i in by_page[pages[-1]] if i not in bands]), "foot"))
        return bands

    def _wide_rules(self, page: int) -> list[float]:
        """The tops of a page's rules across most of its width, top first."""
        width = self.pages[page][0]
        return sorted(r[2] for r in self.rules.get(page, ()) if r[3] - r[1] >= Em.WIDE_RULE * width)

    def _no_sentence(self, idx: list[int]) -> bool:
        return not any(holds_sentence(self.lines[i].text) for i in idx)

    def masthead(self, idx: list[int]) -> list[int]:
        """A document's masthead over its first page's first wide rule: the bulletin's name in display type, its
        issue, editor and date (``民政工作简报`` / ``第3期`` / ``区民政局办公室编　2024年5月3日`` over a red rule),
        deeper than a running head's band. Near misses: text over a rule that holds a sentence (a story boxed at
        the top), and lines over a rule with nothing in display type among them."""
        page = self.geo[idx[0]].page
        rules = [top for top in self._wide_rules(page) if top <= Em.MASTHEAD * self.pages[page][1]]
        if not rules:
            return []
        above = [i for i in idx if self.geo[i].bottom <= rules[0]]
        if above and self._no_sentence(above) and any(self.display(i) for i in above):
            return above
        return []

    def closing_block(self, idx: list[int]) -> list[int]:
        """The distribution block under a document's last text, after a rule across the page or across the column
        it ends (``报：市民政局`` / ``送：…`` / ``县民政局办公室　2024年5月3日印发``): a few short lines under the
        rule and within its width, no sentence among them. Near miss: an article after a rule, whose text holds
        sentences."""
        if not idx:
            return []
        page = self.geo[idx[0]].page
        quarter = Em.COLUMN_RULE * self.pages[page][0]
        for r in sorted(self.rules.get(page, ()), key=lambda r: -r[2]):
            if r[3] - r[1] < quarter or r[4] - r[2] > Em.EDGE * self.body.get(page, 10.0):
                continue
            slack = Em.EDGE * self.body.get(page, 10.0)
            below = [i for i in idx if self.geo[i].top >= r[2] and r[1] - slack <= self.geo[i].x0
                     and self.geo[i].x1 <= r[3] + slack]
            if below:
                ok = len(below) <= Em.CLOSING_LINES and self._no_sentence(below) and not any(map(self.display, below))
                return below if ok else []
        return []

    def _side_by_side(self, band: list[int]) -> bool:
        """Two lines of a band on one row, apart: a running head spread across the page (paper,
        date, page), not a headline that happens to stand at the top."""
        return any(overlap(a.top, a.bottom, b.top, b.bottom) > 0 and (a.x1 <= b.x0 or b.x1 <= a.x0)
                   for a, b in itertools.combinations([self.geo[i] for i in band], 2))

    def framed(self, lines: list[int]) -> bool:
        """The lines stand in a frame of their own: a drawn box around them, not much larger
        (``简讯`` or ``动态`` in a box over the items of a column)."""
        g = [self.geo[i] for i in lines]
        x0, top, x1, bottom = bounds((a.x0, a.top, a.x1, a.bottom) for a in g)
        size = max(a.size for a in g)
        pad, eps = Em.FRAME * size, Em.EDGE * size  # (a glyph's box may stand a little outside the frame)
        return any(x0 - pad <= r[1] <= x0 + eps and top - pad <= r[2] <= top + eps
                   and x1 - eps <= r[3] <= x1 + pad and bottom - eps <= r[4] <= bottom + pad
                   for r in self.rules.get(g[0].page, ()))

    def on_image(self, i: int) -> bool:
        """Line i lies on a picture or touches its edge (a photo credit printed on the photo)."""
        g = self.geo[i]
        pad = Em.FRAME * g.size
        return any(r[1] - pad <= g.x0 and g.x1 <= r[3] + pad and r[2] - pad <= g.top
                   and g.bottom <= r[4] + pad for r in self.images.get(g.page, ()))

    def band(self, i: int) -> str:
        """"top" or "foot" where line i lies in its page's running head or foot, else ""."""
        return self.bands.get(i, "")


def edge_band(spans: dict[int, tuple[float, float]], walls: list[tuple[float, float]], limit: float,
              gap: float) -> list[int]:
    """
    The lines at a page's edge parted from the rest by a clear space or a wall: ``spans`` and
    ``walls`` are (near, far) distances from the edge; the band must end within ``limit``.

        >>> edge_band({0: (0, 28), 1: (2, 12), 2: (57, 99), 3: (120, 128)}, [], 120, 12)
        [0, 1]
        >>> edge_band({0: (42, 57), 1: (79, 99)}, [(66, 68)], 100, 30)
        [0]
        >>> edge_band({0: (42, 57), 1: (62, 70)}, [], 100, 12)
        []
    """
    band: list[int] = []
    far = -math.inf
    for i in sorted(spans, key=lambda k: spans[k][0]):
        near, end = spans[i]
        if band and (near - far >= gap or any(far <= w0 and w1 <= near for w0, w1 in walls)):
            return band
        far = max(far, end)
        if far > limit:
            return []
        band.append(i)
    return []
