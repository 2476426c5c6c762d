"""The page view: a document's text lines with their neighbours, gaps and widths.

Every question the layout rules ask about a line's surroundings is a method here: is it short
against its neighbours, does it look indented, what separates it from the next text line.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator

from ..chardata import DATELINE_RE, HAN_RE, WORD_CHAR_RE
from .lines import Line
from .text import (
    CUT_STARTS,
    GAPPED_RE,
    KINSOKU_RE,
    LEADING_WORD_RE,
    NO_LINE_START_SET,
    PUSHED_RE,
    SQUEEZABLE_ENDS,
    UNSURE_WIDTH_RE,
    WORD_STARTS,
    ends_sentence,
    is_heading_candidate,
)
from .widths import (
    DOT_EM,
    HALF,
    HANGING,
    MAX_SAMPLE_LINES,
    MIN_SAMPLE_CHARS,
    Tol,
    counts,
    em,
    estimate_dot_em,
    estimate_hang,
    estimate_mark_em,
    latin_error,
    line_width,
)

EXPLICIT_INDENTS = 3  # lines indented in the text itself before indents are trusted alone
NEAR_LINES = 3  # lines above and below that tell how wide a column is
WIDE_SHARE, FRAGMENTED_SHARE = 0.8, 0.4  # the wide lines' percentile; the share of lines half as wide that is random


def page_marks(lines: list[Line]) -> tuple[float, bool]:
    """How this page sets its punctuation: a mark's width (see ``estimate_mark_em``) and whether a
    line's last mark may stand past the column's edge (``estimate_hang``). Where marks hang, the
    lines ending on one are no sample of a mark's width."""
    texts = [ln.text for ln in lines if ln.kind == "text" and len(ln.text) >= MIN_SAMPLE_CHARS][:MAX_SAMPLE_LINES]
    within = estimate_mark_em([counts(t) for t in texts if t[-1] not in HANGING])
    if estimate_hang(texts, within):
        return within, True
    return estimate_mark_em([counts(t) for t in texts]), False


class Widths(dict[int, float]):
    """Line widths in em, by line index, each computed when first asked for (most never are)."""

    def __init__(self, lines: list[Line], mark_em: float) -> None:
        super().__init__()
        self.lines, self.mark_em = lines, mark_em
        self.dot_em = DOT_EM  # until Page estimates it from the page
        self.hang = False  # the page hangs closing marks past the column's edge (see ``estimate_hang``)
        self.seconds: dict[int, bool] = {}
        self.raws: dict[int, float] = {}

    def __missing__(self, i: int) -> float:
        pair = self.pair(i)
        w = self[i] = round(self.raw(pair[0]) + self.raw(pair[1]) if pair else self.raw(i), 2)
        return w

    def raw(self, i: int) -> float:
        """Line i's own width, without its other piece."""
        w = self.raws.get(i)
        if w is None:
            w = self.raws[i] = em(counts(self.lines[i].text), self.mark_em, self.dot_em)
        return w

    def cut_after(self, i: int) -> bool:
        """Line i and the raw line after it are pieces of one printed line."""
        return self.pair(i) == (i, i + 1)

    def pair(self, i: int) -> tuple[int, int] | None:
        """The two raw lines, line i one of them, that pdftotext cut out of one printed line.

        "…推行“种养结合”" / "。把玉米秸": a mark pushed off a line, with the rest of that line
        after it, can come out as a line of its own; so can the rest of a line from an opening
        quote on ("记者还了解到，" / "“喜"). Each piece is as wide as the line they were. Pairs
        are taken from the top: a line that is the second piece of one is not the first of another.
        """
        lines = self.lines
        if lines[i].text[:1] not in CUT_STARTS and (i + 1 >= len(lines) or lines[i + 1].text[:1] not in CUT_STARTS):
            return None  # (most lines: neither it nor the next starts at a cut)
        if self._second(i):
            return (i - 1, i)
        if self._second(i + 1):
            return (i, i + 1)
        return None

    def _second(self, k: int) -> bool:
        """Line k is the second piece of a pair with the line above (pairs taken from the top)."""
        chain = []  # lines from k up, each fitting the line above, until one is known or does not
        m = k
        while m not in self.seconds:
            if not self._fits(m - 1, m):
                self.seconds[m] = False
                break
            chain.append(m)
            m -= 1
        second = self.seconds[m]
        for x in reversed(chain):
            second = self.seconds[x] = not second
        return self.seconds[k]

    def _refs(self, j: int, at: tuple[int, ...]) -> list[float]:
        lines = self.lines
        return [self.raw(x) for x in at if 0 <= x < len(lines) and lines[x].kind == "text"
                and lines[x].page == lines[j].page]

    def _fits(self, j: int, k: int) -> bool:
        """Lines j and k could be one printed line: k starts at a mark where pdftotext cuts, and
        together they are no wider than the lines around them (where cut at an opening quote: as
        wide, and the first piece is not headline-like)."""
        lines = self.lines
        if not (j >= 0 and k < len(lines) and lines[j].kind == lines[k].kind == "text"
                and lines[j].page == lines[k].page and lines[k].text[:1] in CUT_STARTS
                and WORD_CHAR_RE.search(lines[k].text) and not ends_sentence(lines[j].text)):
            return False
        whole = self.raw(j) + self.raw(k)
        refs = self._refs(j, (j - 1, k + 1))
        if refs and max(refs) < whole - Tol.NARROW:
            # the lines beside may be short ones (a paragraph's last, another piece): look one further
            refs += self._refs(j, (j - 2, k + 2))
        return bool(refs) and whole <= max(refs) + Tol.NARROW and bool(PUSHED_RE.match(lines[k].text) or (
            whole >= max(refs) - Tol.NARROW and not is_heading_candidate(lines[j].text)))


def fragmented(widths: list[int]) -> bool:
    """
    Lines cut at random, not by a column's width: 40% of them or more are less than half as
    long as the long ones (the 80th percentile), as where a text layer gives each run of text a
    line (``近日，`` / ``县质监局对液化气充装站的压力容器、`` / ``学校和``). Widths prove nothing
    there: a paragraph's lines are at most a fifth as short.

        >>> fragmented([4, 17, 3, 16, 5, 15, 2, 16, 16, 3]), fragmented([16, 16, 15, 9, 16, 16, 16, 7, 16, 16])
        (True, False)
    """
    if not widths:
        return False
    wide = sorted(widths)[int(len(widths) * WIDE_SHARE)]
    return sum(1 for w in widths if w < wide / 2) >= FRAGMENTED_SHARE * len(widths)


class Page:
    """The text lines of one document with their neighbours, for the width rules."""

    def __init__(self, lines: list[Line], mark_em: float = 1.0, hang: bool = False) -> None:
        self.lines = lines
        self.text_idx = [i for i, ln in enumerate(lines) if ln.kind == "text"]
        self.pos = {i: k for k, i in enumerate(self.text_idx)}
        after = [*self.text_idx[1:], None]
        self.following: dict[int, int | None] = dict(zip(self.text_idx, after))  # next_index(i), looked up
        self.previous = dict(zip(after, self.text_idx))  # the text line before each text line
        self.width = Widths(lines, mark_em)
        self.width.hang = hang
        self.gaps = [self._gap(i, j) for i, j in zip(self.text_idx, after)]
        self.page_tops: set[int] = set()  # the first non-blank line of each page
        pages_seen: set[int] = set()
        for i, x in enumerate(lines):
            if x.kind != "blank" and x.page not in pages_seen:
                pages_seen.add(x.page)
                self.page_tops.add(i)
        self.explicit_indents = sum(1 for i in self.text_idx if lines[i].indented) >= EXPLICIT_INDENTS
        self.datelines = sum(1 for i in self.text_idx if DATELINE_RE.match(lines[i].text))  # "本报讯" opening stories
        self.slack = self._slack()
        dotted = [(ln.text, self.slack[i], refs) for i in self.text_idx if "·" in (ln := lines[i]).text
                  and not ends_sentence(ln.text) and ln.text[0] not in CUT_STARTS
                  and (refs := self._full_lines_near(i))]
        if dotted:
            self.width.dot_em = estimate_dot_em(dotted, mark_em)

    @functools.cached_property
    def fragmented(self) -> bool:
        """The document's lines are cut at random (``fragmented``), by their lengths."""
        return fragmented([len(self.lines[i].text) for i in self.text_idx])

    @functools.cached_property
    def printed(self) -> PrintedLines:
        """Where a fragmented page's printed lines end (see ``PrintedLines``)."""
        return PrintedLines(self)

    def _slack(self) -> dict[int, float]:
        """A line that breaks before an unbreakable number or word ("…指数为" / "53.5%，…") is
        short by up to that word's width: how much, by line."""
        lines = self.lines
        slack = dict.fromkeys(self.text_idx, 0.0)
        for a, b in zip(self.text_idx, self.text_idx[1:]):
            head = lines[b].text[:2]
            if (not (head[:1] in WORD_STARTS or head[1:] in NO_LINE_START_SET) or lines[b].page != lines[a].page
                    or lines[b].indented or lines[b].forced_start or b != a + 1):
                continue  # (most lines: no word or mark there to have come down)
            if m := LEADING_WORD_RE.match(lines[b].text):
                slack[a] = line_width(m.group())
            elif KINSOKU_RE.match(lines[b].text):
                # "…已收获过" / "半，在…": a mark may not start a line, so its word came down too
                slack[a] = Tol.WORD_DOWN
        return slack

    def _full_lines_near(self, i: int) -> list[str]:
        """Up to three lines above and below line i, on its page, that go on (no sentence ends)."""
        p = self.pos[i]
        near = [self.lines[j] for j in self.text_idx[max(0, p - NEAR_LINES) : p]
                + self.text_idx[p + 1 : p + NEAR_LINES + 1]]
        return [x.text for x in near if x.page == self.lines[i].page and "·" not in x.text
                and not ends_sentence(x.text) and x.text[0] not in CUT_STARTS]

    def next_index(self, i: int | None, k: int = 1) -> int | None:
        """The text line k text lines after line i (before it for k < 0), or None."""
        if i is None:
            return None
        if k == 1:
            return self.following[i]
        p = self.pos[i] + k
        return self.text_idx[p] if 0 <= p < len(self.text_idx) else None

    def running_text(self, i: int | None, lines: int, *, to_gap: bool = False) -> Iterator[str]:
        """Text line i and those after it, joined as they come: at most ``lines`` of them, up to
        the first line parted from the one before (``to_gap``)."""
        text = ""
        for _ in range(lines):
            if i is None:
                return
            text += self.lines[i].text
            yield text
            j = self.following[i]
            if to_gap and j is not None and self.gap_after(i) != "":
                return
            i = j

    def nxt(self, i: int) -> Line | None:
        """The text line after line i."""
        j = self.following[i]
        return None if j is None else self.lines[j]

    def short(self, i: int, indent: float = 0.0, *, after: bool = False) -> bool:
        """Clearly narrower than the lines around it: a paragraph's last line or a headline.

        ``indent``: the line starts its paragraph, so it is that much narrower when full.
        ``after``: narrower than the line after it (a headline's last line above its body;
        a wide lead paragraph above says nothing).
        """
        if self.lines[i].forced_end:
            return True
        around = (self.next_index(i),) if after else (self.next_index(i, -1), self.next_index(i))
        refs = [self.width[j] for j in around if j is not None]
        if not refs:
            return False
        ref = max(refs)
        return self.full(i) + indent < ref - max(Tol.SHORT, Tol.SHORT_SHARE * ref)

    def full(self, i: int) -> float:
        """Line i's width with the word that came down from it: the most it may have filled."""
        return self.width[i] + self.slack[i]

    def clearly_narrow(self, k: int, j: int) -> bool:
        """Lines k and j are both narrower than the column below them by more than ``Tol.NARROW``,
        at the widest their digits, Latin letters and a word that came down allow."""
        refs = [self.width[x] for x in (self.next_index(j), self.next_index(j, 2)) if x is not None]
        if not refs or GAPPED_RE.search(self.lines[k].text + self.lines[j].text):
            return False  # (spaces and ASCII marks: OCR's gaps and misreads, no width at all)
        edge = max(refs) - Tol.NARROW
        return all(self.full(x) + latin_error(self.lines[x].text) <= edge for x in (k, j))

    def indent(self, i: int, *, squeezed: bool = False) -> bool:
        """Looks like a paragraph's first line: indented by about two em against what follows.

        Where the text keeps its indents (full-width or runs of spaces on several lines), only
        those count: a line made narrow by a number that did not fit is no paragraph start.
        ``squeezed``: a closing mark that ends the line may have been set half-width to fit
        ("为深入推进“通武廊”" under a headline).
        """
        ln = self.lines[i]
        if ln.indented or ln.forced_start:
            return True
        if self.explicit_indents:
            return False
        step = 2 if self.width.cut_after(i) else 1  # the rest of its own line is no reference
        below = [j for j in (self.next_index(i, step), self.next_index(i, step + 1)) if j is not None]
        if not below:
            return False
        if all((self.slack[j] and self.full(j) >= self.width[i] + Tol.INDENT - Tol.SAME)
               or UNSURE_WIDTH_RE.search(self.lines[j].text) for j in below):
            # each may have broken early, before a number that did not fit: look one line further
            below.append(self.next_index(below[-1]))
        ref = max(self.width[j] for j in below if j is not None)
        half = 0.0
        if self.width.hang and ln.text[-1] in HANGING:
            # it may stand past the column's edge (``共建“一带一路”，`` in 8 em of 10), against lines of sure width
            # (the lines below at their widths within the column: a mark they end on may hang too)
            sure = [self.width[j] - (self.width.mark_em if self.lines[j].text[-1] in HANGING else 0.0)
                    for j in below if j is not None and not UNSURE_WIDTH_RE.search(self.lines[j].text)]
            ref, half = max(sure, default=ref), self.width.mark_em
        elif squeezed and ln.text[-1] in SQUEEZABLE_ENDS:
            half = HALF * self.width.mark_em
        return (ref - Tol.INDENT_DEPTH <= self.full(i)
                and self.width[i] - half <= ref - max(Tol.INDENT_MIN, Tol.INDENT_SHARE * ref) + Tol.EPS)

    def fills_column(self, j: int, *, indent: bool = False) -> bool:
        """Line j is as wide as the running text after it (a headline is narrower or wider); with ``indent``,
        counted with a paragraph's indent and perhaps a character that came down with its mark (a paragraph's first
        line, where OCR's text lost the indent: ``经进一步调查，驾驶人`` / ``姓“丁”，系江西人，…``)."""
        refs = [self.width[k] for k in (self.next_index(j), self.next_index(j, 2)) if k is not None]
        least = self.width[j] + (Tol.INDENT if indent else 0.0)
        most = least + (Tol.WORD_DOWN if indent else 0.0)  # (the character may have come down, or not)
        return bool(refs) and max(refs) - Tol.FILLS_BELOW <= most and least <= max(refs) + Tol.FILLS_ABOVE

    def spans_columns(self, run: list[int]) -> bool:
        """Lines set across columns: each wider than the column of text that follows them.

        "夯实社会工作理论基础，促进“政校合作”" over "社会工作助力新疆民政事业高质量发展论坛举办",
        both wider than the 16 em column below: a kicker and a title, not a paragraph's lines.
        """
        k = self.next_index(run[-1])
        refs = [self.full(j) for j in (k, self.next_index(k), self.next_index(k, 2)) if j is not None]
        return bool(refs) and all(self.width[x] > max(refs) + Tol.NARROW for x in run)

    def _gap(self, i: int, j: int | None) -> str:
        if j is None:
            return "end"
        if self.lines[j].page != self.lines[i].page:
            return "page"
        if j == i + 1:
            return ""
        between = [b for b in self.lines[i + 1 : j] if b.kind != "byline"]  # (a byline parts no headline from its body)
        if any(b.kind == "blank" for b in between):
            return "blank"
        return "other" if between else ""

    def gap_after(self, i: int) -> str:
        """What separates text line i from the next one: '', 'blank', 'page', 'other' or 'end'."""
        return self.gaps[self.pos[i]]

    def gap_before(self, i: int) -> str:
        """What separates text line i from the one before: as ``gap_after``, 'page' at the start."""
        j = self.previous.get(i)
        return "page" if j is None else self.gap_after(j)

    def page_top(self, i: int) -> bool:
        """Line i is the first non-blank line of its page."""
        return i in self.page_tops


EDGES_NEAR = 4  # edges on each side of a place that tell its column's width (a story may set its own)
EDGE_REACH = 8  # printed lines after a sentence's end within which the next known edge must come
COLUMN_EM = (6.0, 40.0)  # a column is wider than the first, narrower than the second


class PrintedLines:
    """
    A fragmented page (``fragmented``: a typesetter's PDF through ``pdftotext -raw`` gives each run
    of text a line: ``近日，`` / ``县质监局对…``) has lost its printed lines, but not all of them:
    pdftotext cuts between two Chinese characters only where the printed line ends (``扎实开展一系列扶``
    / ``残助残活动，…``). Counted along the running text in em, those known edges lie a column's
    width apart, or a multiple of it; a sentence's end between two of them either goes on to the next
    edge on its printed line, or ends a paragraph whose next line starts two em in.
    """

    def __init__(self, page: Page) -> None:
        self.at: dict[int, float] = {}  # where each text line ends, in em along the running text
        self.run: dict[int, int] = {}  # which stretch of text, unbroken by a gap or page, it is in
        self.edges: list[tuple[int, float]] = []  # (stretch, place) of each known printed line end
        place, run = 0.0, 0
        for i in page.text_idx:
            text = page.lines[i].text
            place += line_width(text.replace(" ", ""), page.width.mark_em)
            self.at[i], self.run[i] = place, run
            j = page.following[i]
            if j is None or page.gap_after(i) != "":
                run += 1
            elif HAN_RE.match(text[-1]) and HAN_RE.match(page.lines[j].text[0]):
                self.edges.append((run, place))
        self.places = [p for _, p in self.edges]

    def column(self, k: int) -> float | None:
        """The column's width near the k-th edge: the median distance between edges next to it."""
        near = self.edges[max(0, k - EDGES_NEAR) : k + EDGES_NEAR + 1]
        low, high = COLUMN_EM
        steps = sorted(b - a for (r, a), (s, b) in itertools.pairwise(near) if r == s and low < b - a < high)
        return steps[len(steps) // 2] if steps else None

    def sentence_ends_paragraph(self, i: int) -> bool | None:
        """
        Whether the paragraph ends with line i, which ends a sentence: True where the next known edge
        comes a column's width (or several), less an indent, after it; False where it comes a whole
        number of columns after the edge before; None where the edges say neither, or are missing.

        The two readings give the same count where the sentence ends an indent's width into its
        printed line (``…三周年的纪念`` / ``日。`` / ``三年来，…``): a last line of just two characters
        followed by an indented line fills as much as one line going on. A sentence ends inside a
        printed line far more often than a paragraph ends that short, so there the paragraph goes on.
        """
        p, run = self.at[i], self.run[i]
        k = bisect.bisect_left(self.places, p - Tol.EPS)
        if k == 0 or k >= len(self.edges) or self.edges[k - 1][0] != run or self.edges[k][0] != run:
            return None
        (_, e1), (_, e2) = self.edges[k - 1], self.edges[k]
        width = self.column(k)
        if width is None or e2 - p > EDGE_REACH * width:
            return None
        lines = range(1, int((e2 - e1) / width) + 3)
        goes_on = min(abs(e2 - e1 - n * width) for n in lines)
        ends = min(abs(e2 - p - (n * width - Tol.INDENT)) for n in lines)
        if abs(goes_on - ends) < Tol.SAME:
            return False if abs((p - e1) % width - Tol.INDENT) < Tol.SAME else None
        return ends < goes_on
