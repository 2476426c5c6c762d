"""OCR's side-by-side columns: where tesseract printed two or three columns on one line, read
them one after the other; and a story's pieces OCR read before its byline, put back after it.
(pdftotext -raw text is in reading order already.)"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..chardata import WORD_CHAR_RE
from ..words import word_runs_on
from .text import ends_sentence, headline_shaped

if TYPE_CHECKING:
    from .lines import Line

_BAR_RE = re.compile(r"\|")
_COLUMN_GAP_RE = re.compile(r"\s*\|\s*|\s{3,}")
COLUMN_TOLERANCE = 6  # display cells: OCR places a column's pieces only roughly
TOP_NARROWER, TOP_WIDER = 6, 4  # display cells a column's top line may be narrower or wider than its piece


def _side_by_side(raw: str, in_run: bool = False) -> list[tuple[int, str]]:
    """The columns of a line that OCR read across several columns, each with its display column.

    Two pieces of four or more letters make such a line; inside a run of them (``in_run``),
    so do two or more short pieces (a row of broken headline glyphs, "了    纪    HL"), but not
    a line of one long piece and short ones (a page foot, "2024年9月25日   第4版").

        >>> _side_by_side("用”为核心理念，共汇集精选非遗文 | 首秀”，更是一场“立体讲述”，增")
        [(0, '用”为核心理念，共汇集精选非遗文'), (34, '首秀”，更是一场“立体讲述”，增')]
        >>> _side_by_side("这是一行普通的正文"), _side_by_side("了    纪"), _side_by_side("了    纪", in_run=True)
        ([], [], [(0, '了'), (6, '纪')])
        >>> _side_by_side("2024年9月25日   第4版", in_run=True)
        []
    """
    if "|" not in raw and "   " not in raw.strip():
        return []
    parts: list[tuple[int, str]] = []
    start = 0
    for m in [*_COLUMN_GAP_RE.finditer(raw), None]:
        end = m.start() if m else len(raw)
        if piece := raw[start:end].strip():
            lead = len(raw[start:end]) - len(raw[start:end].lstrip())
            parts.append((_display_width(raw[:start + lead]), piece))
        if m:
            start = m.end()
    long = sum(1 for _, p in parts if len(WORD_CHAR_RE.findall(p)) >= 4)
    if len(parts) < 2 or not (long >= 2 or (in_run and not long)):
        return []
    return parts


def _display_width(text: str) -> int:
    """Terminal cells: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _columns(run: list[tuple[int, list[tuple[int, str]]]]) -> list[list[tuple[int, int, str]]]:
    """The pieces of a side-by-side run, column by column, by where each piece starts on its line.

    Starts within a few cells of each other are one column (OCR's spacing is approximate), so a
    line that lacks a piece in one column does not shift its other pieces into the wrong column.
    """
    starts = sorted({x for _, parts in run for x, _ in parts})
    edges = [starts[0]]  # where each column starts: a gap of more than the tolerance opens one
    for prev, x in itertools.pairwise(starts):
        if x - prev > COLUMN_TOLERANCE:
            edges.append(x)
    cols: list[list[tuple[int, int, str]]] = [[] for _ in edges]
    for n, parts in run:
        for x, piece in parts:
            k = max(i for i, e in enumerate(edges) if e <= x + COLUMN_TOLERANCE)
            cols[k].append((n, x, piece))  # (line, start, piece): pieces of one line stay in order
    return [c for c in cols if c]


def reading_order(raw_lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """(line number, text, column) in reading order: side-by-side runs are read column by column.

    Tesseract sometimes prints two or three columns side by side on one line; where two or
    more such lines follow each other, the first column is read down, then the second.
    """
    if not any("|" in raw or "   " in raw for raw in raw_lines):  # no line can hold columns
        yield from ((n, raw, 0) for n, raw in enumerate(raw_lines, 1))
        return
    i = 0
    while i < len(raw_lines):
        tops, run = _column_tops(raw_lines, i)
        if not tops:
            run = _side_by_side_run(raw_lines, i)
        if sum(1 for _, parts in run if parts) >= 2:
            blank_rows = [(n, -1, "") for n, parts in run if not parts]
            for col, pieces in enumerate(_columns([r for r in run if r[1]])):
                head = [(n, -1, text) for n, text, first in tops if first in {(m, x) for m, x, _ in pieces}]
                for n, _, piece in head + sorted(pieces + blank_rows):
                    yield n, piece, col
            for n, _ in run:  # the "|" rules between the columns: noise, but not lost
                if bars := "".join(_BAR_RE.findall(raw_lines[n - 1])):
                    yield n, bars, -1
            i += 2 * len(tops) + len(run)
            continue
        yield i + 1, raw_lines[i], 0
        i += 1


def _column_tops(
    raw_lines: list[str], i: int
) -> tuple[list[tuple[int, str, tuple[int, int]]], list[tuple[int, list[tuple[int, str]]]]]:
    """The first lines of k columns printed one by one, each followed by a blank line, just above
    a run whose first rows hold k columns side by side (tesseract read the top row apart).

    Each such line is about as wide as its column's piece on the run's first row and leaves its
    sentence unfinished for the column to go on. Returns ([(line, text, (line, start) of that
    piece)], run), or ([], []).
    """
    for k in (2, 3, 4):
        idx = [i + 2 * c for c in range(k)]
        if idx[-1] + 2 >= len(raw_lines):
            break
        texts = [raw_lines[t].strip() for t in idx]
        if not all(t and "\f" not in raw_lines[j] and not _side_by_side(raw_lines[j]) and not ends_sentence(t)
                   for j, t in zip(idx, texts)) or any(raw_lines[j + 1].strip() or "\f" in raw_lines[j + 1]
                                                       for j in idx):
            break  # the pattern does not hold for k: it holds for no larger k either
        run = _side_by_side_run(raw_lines, i + 2 * k)
        if sum(1 for _, parts in run if parts) < 2:
            continue
        first_n, first = run[0]  # the run's first row shows its k columns and their width
        if len(first) == k and all(
                _display_width(p) - TOP_NARROWER <= _display_width(t) <= _display_width(p) + TOP_WIDER
                for t, (_, p) in zip(texts, first)):
            return [(j + 1, t, (first_n, x)) for j, t, (x, _) in zip(idx, texts, first)], run
    return [], []


def _side_by_side_run(raw_lines: list[str], i: int) -> list[tuple[int, list[tuple[int, str]]]]:
    """The side-by-side rows from line i on, with single blank lines between them as empty rows.

    Where its first two rows set a grid (as many pieces, starting at the same places), a row
    with a piece where no column of the grid starts belongs to another layout (a row of
    headlines under the columns): the run ends before it.
    """
    run: list[tuple[int, list[tuple[int, str]]]] = []
    rows: list[list[tuple[int, str]]] = []  # the first two rows with pieces
    grid: list[int] = []
    j = i
    while j < len(raw_lines) and "\f" not in raw_lines[j]:
        if parts := _side_by_side(raw_lines[j], in_run=bool(run)):
            if grid and any(all(abs(x - g) > COLUMN_TOLERANCE for g in grid) for x, _ in parts):
                break
            if len(rows) < 2:
                rows.append(parts)
                if len(rows) == 2 and len(rows[0]) == len(rows[1]) and all(
                        abs(a - b) <= COLUMN_TOLERANCE for (a, _), (b, _) in zip(*rows)):
                    grid = [x for x, _ in rows[0]]
            run.append((j + 1, parts))
        elif (run and not raw_lines[j].strip() and j + 1 < len(raw_lines) and "\f" not in raw_lines[j + 1]
              and _side_by_side(raw_lines[j + 1], in_run=True)):
            run.append((j + 1, []))  # OCR's blank line between two rows of the same columns
        else:
            break
        j += 1
    return run


# A story's pieces that OCR read before its byline

MAX_PIECES = 6  # blank-parted pieces of a story that OCR may read before its byline


def _piece(lines: list[Line], i: int, step: int) -> tuple[int, int] | None:
    """The blank-parted run of text lines next to line i in the direction ``step`` (first, last
    index), on line i's page; None where a line of another kind (or the page's edge) comes first."""
    page, k = lines[i].page, i + step
    while 0 <= k < len(lines) and lines[k].kind == "blank" and lines[k].page == page:
        k += step
    if not (0 <= k < len(lines)) or lines[k].kind != "text" or lines[k].page != page:
        return None
    end = k
    while 0 <= end + step < len(lines) and lines[end + step].kind == "text" and lines[end + step].page == page:
        end += step
    return (k, end) if step > 0 else (end, k)


def byline_first(lines: list[Line]) -> list[Line]:
    """
    A story's byline heads its text: where OCR read pieces of a story's later columns between
    its headline and its byline, they go back where their words heal.

    Tesseract read a magazine page's second story as ``内心强大`` / ``小，直至忽略不计。…`` / ``有的人
    …屡遇失`` / ``文/姜钦峰`` / ``有个年轻人…会越来越`` / ``败无数…``: the first column's foot and the
    second column's top came before the byline. The evidence is the page's own: the piece
    right before the byline stops mid-sentence, and put after the first piece under the byline
    that stops mid-sentence, a word cut at a column's foot is whole again (``屡遇失`` / ``败``),
    where it is not as read (``越来越`` / ``败``). The walk up from the byline ends at the headline: a piece
    whose lines a headline could all have (``内心强大`` / ``则世界辽阔``, ``读书、写作与生活``). Near miss: a byline
    under a paragraph that ends its sentence (a story's last line over the next story's byline) moves nothing.
    """
    b = 0
    while b < len(lines):
        if lines[b].kind != "byline":
            b += 1
            continue
        before: list[tuple[int, int]] = []
        k = b
        while len(before) < MAX_PIECES and (p := _piece(lines, k, -1)) and not all(
                headline_shaped(lines[x].text) for x in range(p[0], p[1] + 1)):  # (the headline: the walk ends)
            if not before and ends_sentence(lines[p[1]].text):
                break  # (the text right above ends its sentence: nothing was cut)
            before.insert(0, p)
            k = p[0]
        if not before:
            b += 1
            continue
        cut = _piece(lines, b, 1)  # the first piece under the byline that stops mid-sentence
        while cut and ends_sentence(lines[cut[1]].text):
            cut = _piece(lines, cut[1], 1)
        resumed = cut and _piece(lines, cut[1], 1)
        if not (cut and resumed and word_runs_on(lines[before[-1][1]].text, lines[resumed[0]].text)
                and not word_runs_on(lines[cut[1]].text, lines[resumed[0]].text)):
            b += 1
            continue
        s, e = before[0][0], cut[1] + 1
        lines = lines[:s] + lines[b:e] + lines[s:b] + lines[e:]
        b = e  # (the pieces put back end there; the lines before are done)
    return lines
