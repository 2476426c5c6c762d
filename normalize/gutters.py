"""Lines an OCR engine read across a column gutter, cut at the gutter and put back in their columns.

Where the columns of a page stand level with each other, tesseract sometimes reads one row of two, three or four
columns as a single line: ``日本上半财年贸易逆差创新|大值。(据央视网)   后，每年可从陕西向安徽输|悬挂完成``.
Its words still have their boxes, and the page says where its gutters are (``gutters``): a line whose words
leave a gutter white, or hold only a column rule read as ``|`` there, is cut into one piece per column
(``cut_line``), unless a line right above or below bridges that white (``bridged``); the pieces of rows cut one
under the other make a stack in their column, and a stack goes after the paragraph it continues or before the one
it heads (``put_back``). Pieces that have no column to go to stay where the engine read them, as one line.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from .chardata import RULE_GLYPHS
from .geometry import WHITE_EM, Gutter, TextLine, gutters, overlap
from .ocrxml import Word, join_words
from .order import LINE_GAP_EM, runs_on


def cut_line(line: TextLine, words: Sequence[Word], found: Sequence[Gutter], em: float) -> list[list[Word]]:
    """A line's words in one run per column: cut where a gutter is left white, that is the words before it end
    short of it and those after start past it, with white at least an em of the line's type between them, or
    with nothing there but a column rule read as ``|``; the rule is a run of its own.

    Example: dev09, ``日本上半财年贸易逆差创新|大值。(据央视网)`` across the gutter at 534-562. Near misses: a
    headline across two columns, whose characters go on through the gutter with less than its own em between
    them, and a ``|`` printed inside a column's text.

    >>> gutter = [Gutter(534.0, 562.0)]
    >>> row = [Word("创新", 487, 545), Word("|", 553, 558), Word("大值。", 581, 660)]
    >>> [[w.text for w in run] for run in cut_line(TextLine("创新|大值。", 487, 0, 660, 30, 37.0), row, gutter, 37.0)]
    [['创新'], ['|'], ['大值。']]
    >>> head = [Word("不断!", 400, 535), Word("西乡", 560, 700)]
    >>> len(cut_line(TextLine("不断! 西乡", 400, 0, 700, 75, 75.0), head, gutter, 37.0))
    1
    >>> inside = [Word("读非遗", 300, 400), Word("|", 405, 410), Word("西乡", 415, 480)]
    >>> len(cut_line(TextLine("读非遗|西乡", 300, 0, 480, 30, 37.0), inside, gutter, 37.0))
    1
    """
    if len(words) < 2 or any(word.x0 is None or word.x1 is None for word in words):
        return [list(words)]
    runs: list[list[Word]] = []
    current: list[Word] = []
    marks: list[Word] = []  # column rules read since the last word
    for word in words:
        if _is_rule(word) and _in_gutter(word, found, em):
            marks.append(word)
            continue
        if current and _apart(current[-1], word, found, em, line.size, ruled=bool(marks)):
            runs += [current, *([mark] for mark in marks)]
            current = [word]
        else:
            current += [*marks, word]
        marks = []
    return [*runs, current + marks] if current else [*runs, marks]


def _is_rule(word: Word) -> bool:
    return bool(word.text) and set(word.text) <= RULE_GLYPHS


def _in_gutter(word: Word, found: Sequence[Gutter], em: float) -> bool:
    middle = ((word.x0 or 0.0) + (word.x1 or 0.0)) / 2
    return any(g.right - WHITE_EM * em <= middle <= g.left + WHITE_EM * em for g in found)


def _apart(left: Word, right: Word, found: Sequence[Gutter], em: float, size: float, *, ruled: bool) -> bool:
    """Whether a gutter parts two words: a column rule stands between them (``ruled``), or the gutter lies white
    between them, ``left`` ending short of it and ``right`` starting past it (``WHITE_EM`` aside), with an em of the
    line's type at least between them."""
    if ruled:
        return True
    x1, x0 = left.x1 or 0.0, right.x0 or 0.0
    return x0 - x1 >= size and any(g.white(x1, x0, em) for g in found)


def piece(line: TextLine, words: Sequence[Word]) -> TextLine:
    """The part of ``line`` that ``words`` are: their text and extent, the line's type size and block; its top and
    bottom are the median of its words' (a mark's box often takes the whole line's height).

    >>> line = TextLine("创新|大值。", 487, 0, 660, 40, 37.0, block=3)
    >>> piece(line, [Word("大值。", 581, 660, 5, 31), Word("(", 662, 670, 0, 40), Word("据", 672, 700, 6, 32)])
    TextLine(text='大值。 (据', x0=581, top=5, x1=700, bottom=32, size=37.0, font='', block=3)
    """
    tops = [w.top for w in words if w.top is not None]
    bottoms = [w.bottom for w in words if w.bottom is not None]
    return replace(line, text=join_words(words, em=line.size), x0=words[0].x0, x1=words[-1].x1,
                   top=statistics.median(tops) if tops else line.top,
                   bottom=statistics.median(bottoms) if bottoms else line.bottom)


def cut_at_gutters(lines: list[TextLine], words: Sequence[Sequence[Word]]) -> list[TextLine]:
    """A page's lines in the engine's order, with each line read across a gutter cut at it and its pieces put
    back in their columns (``put_back``); ``words[i]`` are the words of ``lines[i]``, left to right.

    A line is cut only at a gutter that no line right above or below it bridges (``bridged``), and only where one
    of its pieces has a column to go to; pieces that have none stay in the line's place, as one line.
    """
    if not lines:
        return lines
    em = statistics.median(line.size for line in lines) or 1.0
    found = gutters(lines, em)
    if not found:
        return lines
    reach = LINE_GAP_EM * em
    nearby = _nearby(lines, reach)
    cuts = {}
    for i, line in enumerate(lines):
        if len(cut_line(line, words[i], found, em)) < 2:  # (cheap first: most lines cross no gutter)
            continue
        near = [k for k in nearby(line.top) if k != i and (0 <= line.top - lines[k].bottom < reach
                                                           or 0 <= lines[k].top - line.bottom < reach)]
        open_ = [g for g in found if not bridged(g, near, lines, words)]
        runs = cut_line(line, words[i], open_, em)
        if len(runs) > 1:
            cuts[i] = [piece(line, run) for run in runs]
    return put_back(lines, cuts, em) if cuts else lines


def bridged(gutter: Gutter, near: Sequence[int], lines: Sequence[TextLine], words: Sequence[Sequence[Word]]) -> bool:
    """Whether a line right above or below bridges the gutter: one of its words stands across the gutter's middle,
    with no rule in it (OCR boxes a word and the rule beside it together: ``领，|``). There the white is no gutter:
    a full-width paragraph's line whose words happen to leave white where a band of columns higher up has its
    gutter, the lines under it running through there, is not cut.

    >>> gutter = Gutter(100.0, 130.0)
    >>> lines = [TextLine("甲", 0, 0, 100, 10, 10.0), TextLine("乙乙", 0, 30, 230, 40, 10.0)]
    >>> words = [[Word("甲", 0, 100)], [Word("乙乙", 0, 230)]]
    >>> bridged(gutter, [0], lines, words), bridged(gutter, [1], lines, words)
    (False, True)
    >>> bridged(gutter, [1], lines, [[], [Word("领，|", 60, 118)]])
    False
    """
    middle = (gutter.right + gutter.left) / 2
    return any(w.x0 is not None and w.x1 is not None and w.x0 < middle < w.x1 and RULE_GLYPHS.isdisjoint(w.text)
               for k in near for w in words[k])


def put_back(lines: list[TextLine], cuts: dict[int, list[TextLine]], em: float) -> list[TextLine]:
    """``lines`` with each cut line replaced: its pieces stacked by column (a piece right under another, in its
    column, goes on from it), each stack after the block whose last line it is right under, else before the block
    whose first line is right under it; a stack that runs on from that line (``order.runs_on``), or into it, is of
    that line's block (one paragraph), else a block of its own. Pieces with no such block stay in their line's
    place, joined again.

    Example: dev09's row under the 西乡 story: ``场，还可以领取免费读者 ... 讨和传播。`` ends two of its
    columns, and ``日本上半财年贸易逆差创新`` / ``局`` heads the first column of the band below. Near miss: a
    running head across the page's top, whose pieces have no column line near them, stays one line.

    >>> col1 = [TextLine("七位新闻发言人还就创", 0, 0, 100, 10, 10.0, block=1)]
    >>> col2 = [TextLine("雅万高铁第一根接触", 110, 30, 210, 40, 10.0, block=2)]
    >>> row = TextLine("新驱动、乡村振兴等话 悬挂完成，标志着雅", 0, 14, 210, 24, 10.0, block=3)
    >>> cut = {2: [replace(row, text="新驱动、乡村振兴等话", x1=100), replace(row, text="悬挂完成，标志着雅", x0=110)]}
    >>> [(line.text, line.block) for line in put_back([*col1, *col2, row], cut, 10.0)]
    [('七位新闻发言人还就创', 1), ('新驱动、乡村振兴等话', 1), ('悬挂完成，标志着雅', 2), ('雅万高铁第一根接触', 2)]
    >>> head = TextLine("第4版 要闻", 0, -60, 210, -50, 10.0, block=0)
    >>> pieces = [replace(head, text="第4版", x1=30), replace(head, text="要闻", x0=150)]
    >>> [line.text for line in put_back([head, *col1, *col2], {0: pieces}, 10.0)][0]
    '第4版 要闻'
    """
    kept = [line for i, line in enumerate(lines) if i not in cuts]
    reach = LINE_GAP_EM * max((line.size for line in lines), default=em)
    stacks = _stacks([(i, p) for i, parts in cuts.items() for p in parts], em, reach)
    near = _nearby(kept, reach)
    after: dict[int, list[TextLine]] = {}  # id of a kept line -> the stacks that follow it
    before: dict[int, list[TextLine]] = {}
    left: dict[int, list[TextLine]] = {}  # index of a cut line -> its pieces with nowhere to go
    next_block = max(line.block for line in lines) + 1
    starts, ends = _block_ends(kept)
    for stack in stacks:
        parts = [p for _, p in stack]
        x0, x1 = min(p.x0 for p in parts), max(p.x1 for p in parts)  # the stack's width: a column's
        first, last = replace(parts[0], x0=x0, x1=x1), replace(parts[-1], x0=x0, x1=x1)
        above = next((kept[k] for k in reversed(near(first.top)) if _under(kept[k], first, em)), None)
        below = next((kept[k] for k in near(last.bottom) if _under(last, kept[k], em)), None)
        if above is not None and id(above) in ends:
            block = above.block if runs_on(above, parts[0], max(above.x1, parts[0].x1)) else next_block
            after.setdefault(id(above), []).extend(replace(p, block=block) for p in parts)
        elif below is not None and id(below) in starts:
            block = below.block if runs_on(parts[-1], below, max(below.x1, parts[-1].x1)) else next_block
            before.setdefault(id(below), []).extend(replace(p, block=block) for p in parts)
        else:
            for i, p in stack:
                left.setdefault(i, []).append(p)
            continue
        next_block += 1
    out: list[TextLine] = []
    for i, line in enumerate(lines):
        if i in cuts:
            rest = sorted(left.get(i, []), key=lambda p: p.x0)
            if len(rest) == len(cuts[i]):  # nothing of it went elsewhere
                out.append(line)
            elif rest:
                out.append(_joined(line, rest))
            continue
        out.extend(before.get(id(line), []))
        out.append(line)
        out.extend(after.get(id(line), []))
    return out


def _stacks(pieces: list[tuple[int, TextLine]], em: float, reach: float) -> list[list[tuple[int, TextLine]]]:
    """The pieces (each with the index of the line it was cut from), top to bottom, in stacks: a piece right under
    another in its column goes on from it."""
    stacks: list[list[tuple[int, TextLine]]] = []
    growing: list[list[tuple[int, TextLine]]] = []  # the stacks a piece lower down may still go on from
    for i, p in sorted(pieces, key=lambda ip: (ip[1].top, ip[1].x0)):
        growing = [stack for stack in growing if stack[-1][1].bottom >= p.top - reach]
        for stack in growing:
            if _under(stack[-1][1], p, em):
                stack.append((i, p))
                break
        else:
            stacks.append([(i, p)])
            growing.append(stacks[-1])
    return stacks


def _nearby(lines: list[TextLine], reach: float) -> Callable[[float], list[int]]:
    """A function from a height on the page to the lines (their places in ``lines``, in order) that may stand
    right over or under something there."""
    by_top = sorted(range(len(lines)), key=lambda k: lines[k].top)
    tops = [lines[k].top for k in by_top]
    tallest = max((line.bottom - line.top for line in lines), default=0.0)
    return lambda y: sorted(by_top[bisect_left(tops, y - tallest - reach):bisect_right(tops, y + tallest + reach)])


def _under(upper: TextLine, lower: TextLine, em: float) -> bool:
    """Whether ``lower`` is the next line under ``upper`` in one column: it starts half an em below ``upper``'s top
    at least (OCR's boxes of one row may overlap the next) and less than ``LINE_GAP_EM`` under its bottom."""
    size = min(upper.size, lower.size) or em
    return (lower.top - upper.top > 0.5 * size and lower.top - upper.bottom < LINE_GAP_EM * size
            and overlap(upper.x0, upper.x1, lower.x0, lower.x1) > 0.5 * min(upper.x1 - upper.x0, lower.x1 - lower.x0))


def _block_ends(lines: list[TextLine]) -> tuple[set[int], set[int]]:
    """The ids of the lines that start a block, and of those that end one."""
    starts = {id(line) for k, line in enumerate(lines) if k == 0 or lines[k - 1].block != line.block}
    ends = {id(line) for k, line in enumerate(lines) if k + 1 == len(lines) or lines[k + 1].block != line.block}
    return starts, ends


def _joined(line: TextLine, parts: list[TextLine]) -> TextLine:
    """The pieces of ``line`` that stay, as one line again."""
    if len(parts) == 1:
        return parts[0]
    words = [Word(p.text, p.x0, p.x1) for p in parts]
    return replace(line, text=join_words(words, em=line.size), x0=parts[0].x0, x1=parts[-1].x1)
