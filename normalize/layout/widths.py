"""Printed widths of text lines in em, and the one table of width tolerances.

Text from pdftotext or OCR has no positions, so a line's width is counted from its characters:
Han and full-width marks one em, Latin letters and digits about half (proportional glyphs), a
space a small gap (pdftotext prints a space for any gap, so a justified line comes out
letter-spaced). Every "narrower", "as wide" or "indented" in the layout rules compares such
widths with a tolerance from ``Tol``.
"""

from __future__ import annotations

import re

from ..chardata import CJK_PUNCT, HAN, OPENERS
from .text import NO_LINE_START_SET, SQUEEZABLE_ENDS, UNBROKEN_RE

ASCII_EM = 0.55
SPACE_EM = 0.15
# "·" (U+00B7) is a full em in Noto Sans CJK and a third of one in Noto Serif CJK: count it
# between the two ("艾哈迈德·纳瓦夫·艾哈迈德·" fills a Sans column, "罕默德·穆伊兹，祝贺…" a
# Serif one with a character to spare).
DOT_EM = 0.66
DOT_EMS = (0.33, 1.0)  # Serif, Sans
MARK_EMS = (1.0, 0.75, 0.5)  # how wide a typesetter may set a Chinese mark
MAX_SAMPLE_LINES = 400  # lines enough to tell how a page sets its marks
MIN_SAMPLE_CHARS = 6  # a line shorter than this says little about its column
HALF = 0.5  # a mark set half-width
HANGING = SQUEEZABLE_ENDS - frozenset("〉】")  # the marks a typesetter may hang past a column's right edge
LINE_END_OPENERS = frozenset(OPENERS)  # marks that may not end a line: they go down to the next one
CLAUSE_ENDS = "，、；："  # a line ending on one goes on: a full line
HAN_END_RE = re.compile(f"[{HAN}]$")
HANG_VOTES = 3  # pairs of lines enough to tell that a page hangs its marks


class Tol:
    """Width tolerances in em: how much wider or narrower counts, for every layout rule."""

    SAME = 0.5  # two widths this close are one width (a line as wide as its neighbour)
    NARROW = 1.5  # clearly narrower: a line this much short of its column did not fill it
    SHORT = 1.4  # a paragraph's last line or a headline is at least this much narrower...
    SHORT_SHARE = 0.06  # ...or this share of the column, where that is more
    INDENT_MIN = 1.2  # an indented first line is at least this much narrower than the lines below...
    INDENT_SHARE = 0.04  # ...or this share of them, where that is more
    INDENT_DEPTH = 3.6  # ...and at most this much (a two-em indent, a word that came down, a misread)
    INDENT = 2.0  # a paragraph's first line is indented by two em
    WIDENS = 1.2  # the text below a headline's last line is wider by more than this
    FILLS_BELOW = 1.2  # a line fills its column when it is at most this much narrower...
    FILLS_ABOVE = 0.6  # ...or this much wider than the running text after it
    WORD_DOWN = 1.0  # a character that came down with a mark that may not start a line
    LATIN_GLYPH = 0.1  # how far a Latin letter or digit may be off its average width...
    LATIN_MAX = 0.4  # ...at most, for a whole line
    KICKER_WRAP = 1.0  # a kicker wrapped inside a word: its two lines this close with the word
    DOT_VOTE = 0.6  # a line holding "·" is full when this close to the full lines near it
    BIN = 0.5  # widths rounded to half an em when counting lines of one width
    BIN_LEAD = 1.05  # a mark width wins only with this many times more lines of one width
    HANG = 0.3  # a line ending on a mark is its mark wider than the next, give or take this, where marks hang
    EPS = 1e-6  # rounding: a width on the boundary counts as inside


_ASCII_RE = re.compile(r"[!-~]")
_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]")
_MARK_RE = re.compile(f"[{CJK_PUNCT.replace('·', '')}]")
_NARROW_RE = re.compile(r"[!-~ \t\u00a0\u3000]")  # what _ASCII_RE or _SPACE_RE count

Counts = tuple[int, int, int, int, int]
"""A line's characters, Latin glyphs, spaces, Chinese marks and "·"."""


def counts(text: str) -> Counts:
    """What a line's width is made of (see ``Counts``)."""
    if not _NARROW_RE.search(text):  # most lines: Chinese and its marks only
        return (len(text), 0, 0, len(_MARK_RE.findall(text)), text.count("·"))
    return (len(text), len(_ASCII_RE.findall(text)), len(_SPACE_RE.findall(text)), len(_MARK_RE.findall(text)),
            text.count("·"))


def em(c: Counts, mark_em: float, dot_em: float = DOT_EM) -> float:
    """The width of a line of these counts, with marks and "·" set this wide."""
    n, n_ascii, n_space, n_mark, n_dot = c
    return (n - n_ascii - n_space - n_mark - n_dot + ASCII_EM * n_ascii + SPACE_EM * n_space + mark_em * n_mark
            + dot_em * n_dot)


def line_width(text: str, mark_em: float = 1.0) -> float:
    """
    Printed width of a line in em, for comparing it with its column.

    ``mark_em`` is the width of a Chinese punctuation mark: 1 in plain typesetting, less where
    the typesetter compresses marks (then a line of many marks holds more characters).

        >>> line_width("工作协同发展，促进")
        9.0
        >>> line_width("2016年"), line_width("发展，促进", mark_em=0.5)
        (3.2, 4.5)
    """
    return round(em(counts(text), mark_em), 2)


def cut_before_word(above: str, below: str, measure: float, mark_em: float = 1.0) -> bool:
    """
    The line above ends short of ``measure`` em because ``below`` opens on a number or Latin word that no line
    breaks inside (``UNBROKEN_RE``: ``“3·15”``) and that would not have fitted after it. Near misses: it would
    have fitted; the line above is no shorter than the measure (a kicker as wide as the headline).

        >>> cut_before_word("总台2024年", "“3·15”晚会今晚", 8.31), cut_before_word("总台新闻", "“3·15”晚会今晚播", 9.31)
        (True, False)
        >>> cut_before_word("中国共产党第二十次全国代表大会", "“10·16”开幕会", 15.0)
        False
    """
    word = UNBROKEN_RE.match(below)
    above_width = line_width(above, mark_em)
    return bool(word) and above_width + Tol.SAME < measure < above_width + line_width(word.group(), mark_em)


def latin_error(text: str) -> float:
    """How far a line's width may be off for its Latin glyphs and digits (counted at an average).

        >>> latin_error("共建一带一路"), latin_error("COVID-19疫情")
        (0.0, 0.4)
    """
    return min(Tol.LATIN_MAX, Tol.LATIN_GLYPH * counts(text)[1])


def estimate_mark_em(sample: list[Counts]) -> float:
    """
    Width of a punctuation mark that makes the most lines agree on one column width.

    Full lines of a column all have the same printed width; counting marks at the width the
    typesetter gave them makes the most of them equal.

        >>> lines = ["访。重庆、四川、贵州、云南、", "西藏、陕西、甘肃七个省区市代", "表团的新闻发言人，介绍各自代"]
        >>> estimate_mark_em([counts(t) for t in lines])
        1.0
        >>> lines = ["为进一步夯实社会工作理论基础", "“一”“二”“三”“四”近日新疆维吾", "进“政校合作”，近日，新疆维吾"]
        >>> estimate_mark_em([counts(t) for t in lines])
        0.5
    """
    sample = [c for c in sample if c[0] >= MIN_SAMPLE_CHARS][:MAX_SAMPLE_LINES]
    if not any(c[3] for c in sample):
        return 1.0
    best, best_count = 1.0, -1
    for mark_em in MARK_EMS:
        bins: dict[float, int] = {}
        for c in sample:
            w = round(em(c, mark_em) / Tol.BIN) * Tol.BIN
            for d in (-Tol.BIN, 0.0, Tol.BIN):
                bins[w + d] = bins.get(w + d, 0) + 1
        count = max(bins.values())
        if count > best_count * Tol.BIN_LEAD:
            best, best_count = mark_em, count
    return best


def estimate_hang(lines: list[str], mark_em: float = 1.0) -> bool:
    """
    Whether the page lets a line's last mark stand past its column's right edge (hangs it), as
    some typesetters do, rather than taking a character down with it. Votes over neighbours among
    the page's text lines of six characters or more, in reading order: one ending on a clause mark
    (so not a paragraph's last line: a full line), the other on a character that goes on, neither
    of a width that is a guess, and the line after that other one not opening with what may have
    come down from it (a mark that may not start a line, or an opening mark, a digit or a Latin
    letter that did not fit): the first a mark wider, or as wide. A page that hangs marks shows
    about as many of each (the mark fell past the edge, or right on it); one that does not, almost
    none a mark wider. It hangs them with three votes for that or more, and at least half as many
    as for fitting them.

        >>> estimate_hang(["类命运共同体理念，为", "全球治理体系改革提供，", "了中国方案，也开创了",
        ...                "新疆已建成四个境外园，", "中国新疆陆地边境线长", "达5700多公里，是中"])
        True
        >>> estimate_hang(["表团的新闻发言人，介", "绍各自代表团审议，", "与会人员包括大鹏社会", "事务办公室、社区服，",
        ...                "务中心和部分社区代表", "新疆已建成四个境外园，", "中国新疆陆地边境线长"])
        False
    """
    hang = flush = 0
    sample = [t for t in lines if len(t) >= MIN_SAMPLE_CHARS]
    for k in range(len(sample) - 1):
        a, b = sample[k], sample[k + 1]
        marked, other = (a, b) if a[-1] in CLAUSE_ENDS else (b, a)
        below = b if other is a else (sample[k + 2] if k + 2 < len(sample) else "")  # (the line after ``other``)
        if (marked[-1] not in CLAUSE_ENDS or not HAN_END_RE.search(other) or _NARROW_RE.search(a + b + below[:1])
                or below[1:2] in NO_LINE_START_SET or below[:1] in LINE_END_OPENERS):
            # (widths a guess: Latin glyphs, spaces, a character taken down with a mark, a number or an opening
            # mark that did not fit at the end of ``other``)
            continue
        d = em(counts(marked), mark_em) - em(counts(other), mark_em)
        hang += abs(d - mark_em) <= Tol.HANG
        flush += abs(d) <= Tol.HANG
    return hang >= HANG_VOTES and 2 * hang >= flush


def estimate_dot_em(samples: list[tuple[str, float, list[str]]], mark_em: float = 1.0) -> float:
    """
    Width of "·" on this page: a full em (a Sans font) or a third of one (Serif), whichever
    makes more of the lines holding it as wide as the full lines near them; ``DOT_EM`` between
    the two when they do not tell. A sample: a line with "·", the width of a word that came
    down from it (see ``Page.slack``), and full lines near it.

        >>> estimate_dot_em([("哈迈德·纳瓦夫·艾哈迈德·萨巴", 1.0, ["统友谊深厚，科威特是最早同新中"])])
        1.0
        >>> estimate_dot_em([("迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺", 0.0, ["友谊深厚，科威特是最早同新中国建"])])
        0.33
        >>> estimate_dot_em([("化。观众在“观非遗文化·品书香生", 1.0, ["模式，旨在更好地传承和弘扬非遗文"])])
        0.66
    """
    serif, sans = DOT_EMS
    votes = {serif: 0, sans: 0}
    for line, slack, refs in samples:
        ref = max(em(counts(r), mark_em) for r in refs)
        full = [d for d in votes if ref - Tol.DOT_VOTE - slack <= em(counts(line), mark_em, d) <= ref + Tol.DOT_VOTE]
        if len(full) == 1:
            votes[full[0]] += 1
    if votes[serif] == votes[sans]:
        return DOT_EM
    return serif if votes[serif] > votes[sans] else sans
