"""Reading order: the lines of a page (a ``PageLayout``) put in the order a reader reads them, from their boxes
and the page's graphics alone.

A newspaper page is read in bands top to bottom, and a band column by column, left to right; a headline over
several columns comes before them; framed boxes and photos part regions. Lines are chained into column blocks
(``column_blocks``), the page's graphics become walls (``page_walls``), and the blocks are cut into regions by the
recursive XY-cut (``normalize.xycut``); text printed on a photo is read last (``on_photo``). The file's order of
text plays no part. Titles set apart by their face alone are kept over their columns (``set_apart``), and a
column's top read before the column it goes on from is put after it (``turned_column``). An OCR engine's page
keeps the engine's order but for a column it read in two pieces and a headline it read after text under it
(``ocr_order``), unless the engine read down through a headline over several columns and back up
(``reads_through_headline``): then it is read from its boxes.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from dataclasses import replace

from .chardata import CLOSERS, CREDIT_TAIL_RE, SENTENCE_END, WORD_CHAR_RE
from .geometry import (
    WALL_SLACK_EM,
    Box,
    PageLayout,
    TextLine,
    body_size,
    bounds,
    display_reference,
    in_display_type,
    overlap,
    upright,
)
from .layout.text import TAG_RE, ends_sentence, opens_subtitle
from .ocrxml import Word, word_separator
from .pdflines import HANGING_CLOSERS, HANGING_OPENERS, is_ocr_font
from .xycut import xy_cut

LINE_GAP_EM = 1.2
"""The next line of a column starts at most this far (in em) below the last: leading and a paragraph's space.
A wider gap ends the block, as before the next article's headline."""
LINE_SIZE_RATIO = 1.2
"""Two lines whose sizes differ more are not one column's text (a headline over its body)."""
SAME_SIZE_RATIO = 1.08
"""A line more than this much larger than the body is set a size up (a subtitle, a lead)."""
BELOW_EM = 0.5
"""A line is below another when its middle is lower by at least this: lines of a row lie within it."""
TOUCH_EM = 0.2
"""A paragraph's last line of a few characters (``SHORT_LAST_EM``) this close (in em) to the next paragraph's first,
indented two em, is still over it (``儿。`` over ``相关工作人员告诉记``)."""
SHORT_LAST_EM = 2.5
"""A line this wide at most (in em) is a paragraph's last line of a character or two and its mark, never a column's
full line whose hung mark reaches the next column."""
THIN_EM = 0.5
"""A graphic thinner than this (in em of the page's body type) is a rule: a wall as it is."""
HEAD_EM = 1.4
"""A line this much larger than the page's body type is a headline."""
LABEL_EM = 1.18
"""A line set this much larger than the body is a label or a headline: parted from the columns under it by no cut
(``parting_headline``). Labels over briefs (动态, 要闻速览) are set 12 pt over a 9.5 or 10 pt body; a kicker
is smaller (11 pt over 9.5 pt: 1.16)."""
BACKDROP_SHARE = 0.2
"""A picture under at least this share of the page's characters is a backdrop (a scan under its OCR text, a panel),
not a photo with a credit printed on it."""


def _centre(line: TextLine) -> float:
    return (line.x0 + line.x1) / 2


def _middle(line: TextLine) -> float:
    return (line.top + line.bottom) / 2


def lines_below(lines: list[TextLine]) -> list[list[int]]:
    """For each line, the lines right below it that overlap it horizontally: the nearest row of them, looked for
    no further down than a column's next line can be (``LINE_GAP_EM``).

    Example: under a headline over two columns, both columns' first lines. A paragraph's last line of two
    characters and the next paragraph's first, indented two em, touch without overlapping: the one under the other.

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
            if _middle(line) - _middle(upper) < BELOW_EM * size or not _over(upper, line, size):
                continue
            nearest = min(nearest, line.top)  # lines come top first: the first one found is the nearest
            if line.top <= nearest + BELOW_EM * size:
                found.append(k)
        result.append(sorted(found))
    return result


def _over(upper: TextLine, line: TextLine, size: float) -> bool:
    """``line`` stands under ``upper``: they overlap side to side, or touch where ``upper`` is a paragraph's short last
    line (``TOUCH_EM``, ``SHORT_LAST_EM``; not a column's full line whose hung mark reaches the next column)."""
    gap = -overlap(upper.x0, upper.x1, line.x0, line.x1)
    return gap < 0 or (gap <= TOUCH_EM * size and upper.x1 - upper.x0 <= SHORT_LAST_EM * upper.size)


LEAD_STEP_EM = 3.0
"""A line of another size (a lead set a size up, the body under it) goes on in its column only starting within
this of its left edge (an indent is two em)."""


def continues_column(upper: TextLine, lower: TextLine, rules: list[Box]) -> bool:
    """Whether ``lower`` can be the next line of ``upper``'s column: about the same size, close below, and no
    rule between them; where their sizes differ at all (``SAME_SIZE_RATIO``), starting at its left edge or an indent
    from it (``LEAD_STEP_EM``).

    Example: a body line and the next (yes); a headline and the body under it (no, sizes differ); the last line of
    an article and the next one's first line under a rule (no); a lead set a size up over two columns and the right
    column's first line, beside a photo under the lead (no: held-out seed 37, where the right column's top was read
    before the left column).

    >>> a, b = TextLine("甲乙丙丁", 0, 0, 40, 10, 10.0), TextLine("戊己庚辛", 0, 14, 40, 24, 10.0)
    >>> continues_column(a, b, []), continues_column(a, b, [(0, 11.5, 40, 12.5)])
    (True, False)
    >>> continues_column(TextLine("标题", 0, -30, 40, -6, 24.0), a, [])
    False
    >>> continues_column(a, TextLine("戊己庚辛", 0, 24, 40, 34, 10.0), [])  # 1.4 em of white: a new block
    False
    >>> lead = TextLine("荟萃宝安——非遗民俗文献展”正式开幕。", 218, 198, 437, 210, 11.5)
    >>> continues_column(lead, TextLine("一场“立体讲述”，增强", 391, 222, 543, 232, 10.5), [])
    False
    >>> continues_column(lead, TextLine("这场展览以“保护传承", 239, 222, 376, 232, 10.5), [])
    True
    """
    size = min(upper.size, lower.size)
    if not _one_size(upper.size, lower.size) or lower.top - upper.bottom > LINE_GAP_EM * size:
        return False
    if max(upper.size, lower.size) > SAME_SIZE_RATIO * size and lower.x0 > upper.x0 + LEAD_STEP_EM * size:
        return False  # (a lead set a size up, then a column of body type starting far right of its edge)
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    return not any(
        upper.bottom - size * WALL_SLACK_EM <= (top + bottom) / 2 <= lower.top + size * WALL_SLACK_EM
        and overlap(x0, x1, left, right) > 0 and bottom - top < THIN_EM * size
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
    em = body_size(lines)
    following = {
        k: found[0] for k, found in enumerate(below)
        if len(found) == 1 and above.get(found[0]) == [k] and continues_column(lines[k], lines[found[0]], rules)
        and not centred_under_headline(lines, k, above.get(k, []), em) and not overhangs(lines, k, found[0], below)
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


def overhangs(lines: list[TextLine], k: int, j: int, below: list[list[int]]) -> bool:
    """Line k starts more than an em left of line j under it, and j's column does not start there: the line under
    j starts where j does (j is no paragraph's indented first line), k ends more than an em short of j's end, on no
    full stop, and is not centred over j. Line k stands over j's column and beyond it: a kicker centred over a
    module's two columns (``聚焦民生实事`` over the right column's first line, the byline under it on the left). Near
    misses: a column's full line over the next paragraph's first, indented two em (also a paragraph of one short
    line, a list's items, indented alike); a paragraph's short last line over an indented subhead (``次全面清扫。`` /
    ``一、提高思想认识``); a headline's lines centred one over the other.

    >>> kicker = TextLine("聚焦民生实事", 131, 0, 197, 11, 11.0)
    >>> right, nxt = TextLine("定的孤儿", 155, 20, 260, 30, 9.5), TextLine("疗康复以及", 155, 34, 260, 44, 9.5)
    >>> overhangs([kicker, right, nxt], 0, 1, [[1], [2], []])
    True
    >>> full, indented = TextLine("权益将得到", 155, 0, 260, 10, 9.5), TextLine("此外，我县", 174, 14, 260, 24, 9.5)
    >>> overhangs([full, indented, nxt], 0, 1, [[1], [2], []])
    False
    """
    upper, lower = lines[k], lines[j]
    if (lower.x0 - upper.x0 <= lower.size or upper.x1 > lower.x1 - lower.size or len(below[j]) != 1
            or abs(_centre(upper) - _centre(lower)) <= lower.size or upper.text.rstrip("”’）)")[-1:] == "。"):
        return False  # (a line over all of j: the column's; lines centred one over the other: a headline's, a deck's)
    return abs(lines[below[j][0]].x0 - lower.x0) <= BELOW_EM * lower.size


def centred_under_headline(lines: list[TextLine], k: int, over: list[int], em: float) -> bool:
    """Whether line k, set larger than the body, stands centred under a headline line right over it (the title's
    last line, however short): a subtitle under its title, over the middle one of the module's columns
    (``——记者走访见闻`` under ``…核心技术施`` / ``工``), the headline's and not that column's first line. Near misses:
    a body-sized line; a line starting at the headline's left edge (a lead a size up under a title flush left).

    >>> title, sub = TextLine("雅万高铁开始施工", 0, 0, 300, 18, 18.0), TextLine("——记者走访", 100, 24, 200, 35, 11.0)
    >>> centred_under_headline([title, sub], 1, [0], 9.5), centred_under_headline([title, sub], 1, [0], 11.0)
    (True, False)
    >>> centred_under_headline([replace(title, x0=140, x1=160), sub], 1, [0], 9.5)  # (the title's last line)
    True
    >>> centred_under_headline([title, replace(sub, x0=0, x1=300)], 1, [0], 9.5)  # (flush left with it)
    False
    """
    line = lines[k]
    if line.size <= SAME_SIZE_RATIO * em:
        return False
    return any(lines[j].size >= HEAD_EM * em and abs((lines[j].x0 + lines[j].x1) - (line.x0 + line.x1)) <= 2 * em
               and abs(line.x0 - lines[j].x0) > em for j in over)


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
    return any(overlap(nxt.x0, nxt.x1, m.x0, m.x1) <= 0 and overlap(*extent, m.x0, m.x1) > slack for m in row)


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
    middles = sorted((_middle(line), _centre(line)) for line in page.lines)
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


def reading_order(page: PageLayout, *, engine: bool = False) -> PageLayout:
    """The page with its lines in reading order, each line's ``block`` the index of the region it was read in.

    Lines are chained into column blocks (``column_blocks``), the blocks cut into regions (``xy_cut``) with the
    page's graphics as walls (``page_walls``); text printed on a photo is read last (``on_photo``). The file's
    order of text plays no part. ``engine``: the lines are an OCR engine's: the pieces it cut one printed line into
    are joined first (``one_line_pieces``), and no turned column is looked for (its lines start ragged).

    >>> lines = [TextLine("右一", 55, 30, 100, 40, 10.0), TextLine("大标题", 0, 0, 100, 20, 20.0),
    ...          TextLine("左一", 0, 30, 45, 40, 10.0), TextLine("右二", 55, 43, 100, 53, 10.0),
    ...          TextLine("左二", 0, 43, 45, 53, 10.0)]
    >>> [(line.text, line.block) for line in reading_order(PageLayout(1, 100, 60, lines)).lines]
    [('大标题', 0), ('左一', 1), ('左二', 1), ('右一', 2), ('右二', 2)]
    """
    if not page.lines:
        return page
    em = body_size(page.lines)
    if engine:
        page = replace(page, lines=one_line_pieces(page.lines))
    photo_text = on_photo(page)
    lines = [line for k, line in enumerate(page.lines) if k not in photo_text]
    aside = [line for k, line in enumerate(page.lines) if k in photo_text]
    blocks = column_blocks(lines, page.rules)
    sizes = [max(lines[k].size for k in block) for block in blocks]
    heads = frozenset(b for b, size in enumerate(sizes) if size >= HEAD_EM * em)
    labels = frozenset(b for b, size in enumerate(sizes) if LABEL_EM * em <= size < HEAD_EM * em) | set_apart(
        lines, blocks, em)
    boxes = [bounds(ink_box(lines[k]) for k in block) for block in blocks]
    tags = frozenset(b for b, block in enumerate(blocks) if len(block) == 1 and TAG_RE.match(lines[block[0]].text))
    regions = xy_cut(boxes, page_walls(page, em), em, heads, labels, tags)
    read = [[lines[k] for b in region for k in blocks[b]] for region in regions]
    if not engine and not any(is_ocr_font(line.font) for line in lines):  # (an OCR engine's lines start ragged)
        read = turned_column(read, em, page.rules)
    read = upright_titles_first(read, em)
    ordered = [replace(line, block=n) for n, region in enumerate(read) for line in region]
    ordered += [replace(line, block=len(read) + n) for n, line in enumerate(aside)]
    return replace(page, lines=ordered)


PIECE_GAP_EM = 0.5
"""Two pieces of one printed line stand at most this far apart (in em of their type): a word's space, not a gutter."""


def one_line_pieces(lines: list[TextLine]) -> list[TextLine]:
    """An OCR engine's lines with the pieces of one printed line joined, left to right: lines level with each
    other (one row), of one size, with less white between them than ``PIECE_GAP_EM``. tesseract cuts a line
    where a blot or a wide space stands, and puts the pieces in paragraphs of their own. The pieces are joined as
    the engine joins words (``word_separator``: Han characters directly, Latin words with a space); a piece with
    no letter in it (a column rule read as ``|``) joins nothing, as it may stand in a gutter.

    Example: sanmen02's ``卫生死角。而在此之前，`` and ``县委组织部全``, one line of a column, which were read as a
    paragraph and a headline. Near misses: two columns' lines level across a gutter, and a line of another size.

    >>> left = TextLine("卫生死角。而在此之前，", 40, 2230, 269, 2251, 26.0)
    >>> right = TextLine("县委组织部全", 275, 2231, 408, 2251, 26.0)
    >>> [line.text for line in one_line_pieces([right, left])]
    ['卫生死角。而在此之前，县委组织部全']
    >>> [line.text for line in one_line_pieces([replace(left, text="NEW"), replace(right, text="SANMEN")])]
    ['NEW SANMEN']
    >>> across = replace(right, x0=300, x1=430)
    >>> len(one_line_pieces([left, across])), len(one_line_pieces([left, replace(right, size=40.0)]))
    (2, 2)
    """
    by_top = sorted(range(len(lines)), key=lambda k: lines[k].top)
    tops = [lines[k].top for k in by_top]
    taken: set[int] = set()
    joined: dict[int, TextLine] = {}
    for a in sorted(range(len(lines)), key=lambda k: lines[k].x0):
        if a in taken:
            continue
        taken.add(a)
        line = lines[a]
        if not WORD_CHAR_RE.search(line.text):  # (a rule read as "|" joins nothing: it may stand in a gutter)
            joined[a] = line
            continue
        while True:
            reach = LINE_SIZE_RATIO * (line.bottom - line.top)  # (a piece of this row starts within its height)
            row = by_top[bisect_left(tops, line.top - reach):bisect_right(tops, line.bottom)]
            nxt = [k for k in row if k not in taken and WORD_CHAR_RE.search(lines[k].text)
                   and _piece_after(line, lines[k])]
            if not nxt:
                break
            k = min(nxt, key=lambda k: lines[k].x0)
            other = lines[k]
            taken.add(k)
            space = word_separator(Word(line.text, line.x0, line.x1), Word(other.text, other.x0, other.x1),
                                   em=min(line.size, other.size))
            line = replace(line, text=line.text + space + other.text, x1=other.x1, top=min(line.top, other.top),
                           bottom=max(line.bottom, other.bottom))
        joined[a] = line
    return [joined[k] for k in range(len(lines)) if k in joined]


def _piece_after(line: TextLine, other: TextLine) -> bool:
    """Whether ``other`` is the next piece of the printed line ``line`` (see ``one_line_pieces``)."""
    height = min(line.bottom - line.top, other.bottom - other.top)
    return (other.x0 - line.x1 + 1 >= 0 and other.x0 - line.x1 < PIECE_GAP_EM * min(line.size, other.size)
            and overlap(line.top, line.bottom, other.top, other.bottom) > 0.7 * height
            and _one_size(line.size, other.size))


def ink_box(line: TextLine) -> Box:
    """The line's box as its ink stands: a closing mark that ends it inks the left half of its em box, an opening
    mark that starts it the right half (a comma hanging past the column's edge reaches half an em into the
    gutter, not across a module's rule in it).

    >>> ink_box(TextLine("规模化肉牛养殖厂销售，", 143.0, 328.0, 247.5, 337.5, 9.5))
    (143.0, 328.0, 242.75, 337.5)
    >>> ink_box(TextLine("“种养结合”", 0, 0, 50, 10, 10.0)), ink_box(TextLine("结合", 0, 0, 20, 10, 10.0))
    ((5.0, 0, 45.0, 10), (0, 0, 20, 10))
    """
    text = line.text.rstrip()
    x0 = line.x0 + line.size / 2 if text[:1] in HANGING_OPENERS and len(text) > 1 else line.x0
    x1 = line.x1 - line.size / 2 if text[-1:] in HANGING_CLOSERS and len(text) > 1 else line.x1
    return (x0, line.top, x1, line.bottom)


FACE_LINES = 3
"""A title set apart by its face alone has at most this many lines."""
SET_IN_EM = 3.0
"""A line starting this far in from its region's edge (more than a paragraph's indent) is set right or centred."""


def set_apart(lines: list[TextLine], blocks: list[list[int]], em: float) -> frozenset[int]:
    """The blocks set at the body's size in another named face, short and ending neither a sentence nor a bracket:
    titles a word processor set in bold sans over a serif body, kept with the columns under them as labels are
    (``parting_headline``); also with a deck or byline under the title in the body's face, set in from the title's
    edge (``——一线观察之二`` / ``市慈善总会`` centred under it). Near misses: a block in the body's face; a file whose
    fonts have no names; a credit in another face (``（陈佳）``), a dateline in bold opening its paragraph (its
    block goes on in the body's face, from the column's edge).
    """
    chars: dict[str, int] = {}
    for line in lines:
        chars[line.font] = chars.get(line.font, 0) + len(line.text)
    body = max(chars, key=chars.__getitem__)
    if not body:
        return frozenset()
    found = set()
    for b, block in enumerate(blocks):
        title = list(itertools.takewhile(lambda k: lines[k].font != body, block))
        under = block[len(title):]
        faces = {lines[k].font for k in title}
        last = lines[block[-1]].text.rstrip()
        if (title and len(block) <= FACE_LINES and len(faces) == 1 and "" not in faces
                and all(_one_size(lines[k].size, em) for k in block)
                and all(lines[k].font == body and lines[k].x0 > lines[title[0]].x0 + em for k in under)
                and last[-1:] not in RUN_ON_ENDS):
            found.add(b)
    return frozenset(found)


def turned_column(regions: list[list[TextLine]], em: float, rules: list[Box] = ()) -> list[list[TextLine]]:
    """The regions in reading order, but for a column's top read before the column it goes on from. The column's
    top is a region whose first line starts at its edge (no paragraph starts there), after a region that ended
    its sentence (or closed with an office set right, also alone in its region); the column it goes on from is a
    region read later, left of it and lower on the page, whose last line runs on to its edge and whose text the
    region read after it does not go on with (``_goes_on``). The column's top, with the regions of its column
    read right after it, is read after that region. A word processor's two columns: the bands of the page were
    cut before its columns, and the story at the foot of the left column goes on at the top of the right one
    (``…中国高铁首次全系统、全要`` / ``素、全产业链在海外落地的项目…``).

    The same where the story goes on with a new paragraph (``turned_paragraph``).

    Near misses: a column's top indented (a paragraph starts there), or after a region whose text runs on; a rule
    between the two (``_ruled_apart``).

    >>> left = [TextLine("上一篇完了。", 0, 0, 40, 10, 10.0)]
    >>> top = [TextLine("素、全产业链在海", 60, 0, 100, 10, 10.0), TextLine("外落地。", 60, 14, 90, 24, 10.0)]
    >>> low = [TextLine("雅万高铁是中国高", 0, 40, 40, 50, 10.0), TextLine("铁首次全系统、全要", 0, 54, 40, 64, 10.0)]
    >>> [region[0].text for region in turned_column([left, top, low], 10.0)]
    ['上一篇完了。', '雅万高铁是中国高', '素、全产业链在海']
    >>> indented = [replace(top[0], x0=80), top[1]]
    >>> [region[0].text for region in turned_column([left, indented, low], 10.0)]
    ['上一篇完了。', '素、全产业链在海', '雅万高铁是中国高']
    >>> [region[0].text for region in turned_column([left, top, low], 10.0, [(0, 30, 100, 31)])]  # (ruled apart)
    ['上一篇完了。', '素、全产业链在海', '雅万高铁是中国高']
    """
    for at, region in enumerate(regions):
        if at == 0:
            continue
        before = regions[at - 1]
        if _starts_at_edge(region, em):
            # (an office set right alone in its region is set right of the column read right above it)
            above = regions[at - 2] if at >= 2 and len(before) == 1 else []
            closing = [*above, *before] if above and _stacked(bounds(ln.box for ln in above), before[0].box, em) \
                else before
            if not before or not (ends_sentence(before[-1].text) or _closes(closing, em)):
                continue
            goes_on_from = _runs_on_to_edge
        elif turned_paragraph(before, region, em):
            goes_on_from = _open_story
        else:
            continue
        x0, top = min(line.x0 for line in region), region[0].top
        for later in range(at + 1, len(regions)):
            low = regions[later]
            right = max((line.x1 for line in low), default=0.0)
            if (len(low) >= 2 and right <= x0 and low[-1].bottom > top and goes_on_from(low, right, em)
                    and not _goes_on(regions, later, em, rules) and _one_size(low[-1].size, region[0].size)
                    and not _ruled_apart(region, low, rules, em)):
                end = at + 1  # the regions of the column read after it
                while end < later and min(line.x0 for line in regions[end]) >= x0 - em:
                    end += 1
                return [*regions[:at], *regions[end:later + 1], *regions[at:end], *regions[later + 1:]]
    return regions


def upright_titles_first(regions: list[list[TextLine]], em: float) -> list[list[TextLine]]:
    """The regions in reading order, but an upright title (a region of one line read top to bottom, set beside its
    story's columns at their right) read before the columns beside it: the regions right before it that stand left
    of it, starting level with it (they may run on below it), but for a kicker or label in a larger size at their
    head, which stays first; a deck under that kicker (``【社工天地】`` / ``——一线观察之二``, beside ``科普宣传上街``)
    is read after the title. A module's
    ``日本上半财年贸易逆差创新高`` heads the story it stands beside, not the next module's; the regions taken stop
    at one headed by a kicker (``喜迎建党节`` over the module's columns), not reaching into the module left of it.
    Near miss: a line alone in its region, as wide as it is tall.

    >>> body = [TextLine("据日本财务省今天发布", 0, 0, 100, 10, 10.0), TextLine("受能源价格上涨", 0, 14, 70, 24, 10.0)]
    >>> title = [TextLine("日本上半财年", 110, 0, 125, 90, 15.0)]
    >>> [r[0].text for r in upright_titles_first([body, title], 10.0)]
    ['日本上半财年', '据日本财务省今天发布']
    >>> [r[0].text for r in upright_titles_first([body, [replace(title[0], x1=200, bottom=15)]], 10.0)]
    ['据日本财务省今天发布', '日本上半财年']
    >>> tall = [*body, TextLine("东京外汇市场", 0, 90, 60, 100, 10.0)]  # (the columns run on below the title)
    >>> [r[0].text for r in upright_titles_first([tall, [replace(title[0], bottom=80)]], 10.0)]
    ['日本上半财年', '据日本财务省今天发布']
    >>> [r[0].text for r in upright_titles_first([tall, [replace(title[0], top=60, bottom=140)]], 10.0)]  # (higher)
    ['据日本财务省今天发布', '日本上半财年']
    >>> head = [TextLine("【社工天地】", 0, 0, 60, 12, 12.0), TextLine("——一线观察之二", 0, 16, 80, 28, 12.0)]
    >>> body = [replace(line, top=line.top + 32, bottom=line.bottom + 32) for line in body]
    >>> [r[0].text for r in upright_titles_first([head + body, title], 10.0)]
    ['【社工天地】', '日本上半财年', '——一线观察之二']
    """
    out = list(regions)
    for region in regions:
        line = region[0]
        if len(region) != 1 or not upright(line):
            continue
        at = out.index(region)
        start = at
        while (start > 0 and all(ln.x1 <= line.x0 + em for ln in out[start - 1])
               and line.top - em <= out[start - 1][0].top < line.bottom
               and (start == at or out[start][0].size <= SAME_SIZE_RATIO * em)):
            start -= 1  # (a column may run on below the title: it starts level with it; a kicker heads the module)
        if start == at:
            continue
        # (a kicker or label in a larger size heading the first of them stays over the title)
        first = out[start]
        head = next((k for k, ln in enumerate(first) if ln.size <= SAME_SIZE_RATIO * em), len(first))
        head = next((k for k, ln in enumerate(first[:head]) if opens_subtitle(ln.text)), head)  # (a deck: after)
        before = [first[:head]] if head else []
        rest = [first[head:]] if head < len(first) else []
        out[start:at + 1] = [*before, region, *rest, *out[start + 1:at]]
    return out


def turned_paragraph(before: list[TextLine], region: list[TextLine], em: float) -> bool:
    """Whether ``region``, a column's top, goes on with a story from elsewhere in a new paragraph: it starts with an
    indented line, no headline over it, after a region that closed its story with a credit (or an office set right),
    and it closes its own story so, though no title opened it. The story it goes on from is one read later, left
    of it and lower on the page, that ended its sentence with no credit after it (``_open_story``): on a page whose
    stories close with credits, that one is open.

    Example: a bulletin in two columns: ``习近平致电…`` and its first paragraph at the left column's foot, its second
    paragraph and credit at the right column's top, beside the story before it, which closed with ``（来源：央视网）``.
    Near misses: a column's top after a region that only ended a sentence, one that does not close with a
    credit, and one under a title centred at the body's size (its own story, not the next paragraph of another).

    >>> closed = [TextLine("局，市场规模快速增长。", 0, 0, 90, 10, 10.0),
    ...           TextLine("（来源：央视网）", 40, 14, 100, 24, 10.0)]
    >>> top = [TextLine("习近平指出，中国", 120, 0, 220, 10, 10.0), TextLine("进展。", 100, 14, 130, 24, 10.0),
    ...        TextLine("（据央视《新闻联播》）", 120, 28, 220, 38, 10.0)]
    >>> turned_paragraph(closed, top, 10.0), turned_paragraph(closed[:1], top, 10.0)
    (True, False)
    >>> turned_paragraph(closed, top[:2], 10.0), turned_paragraph(closed, [replace(top[0], x1=190), *top[1:]], 10.0)
    (False, False)
    """
    return (len(region) >= 2 and region[0].x0 > min(line.x0 for line in region[1:]) + 0.5 * em
            and region[0].x1 >= max(line.x1 for line in region) - em  # (a paragraph's first line; a title is centred)
            and _one_size(region[0].size, em) and bool(before) and _closes(before, em) and _closes(region, em))


def _closes(region: list[TextLine], em: float) -> bool:
    """The region's last line closes a story: a credit (also one wrapped from the line before:
    ``…满意而归。（县民政局办`` / ``公室）``), or an office set right."""
    return bool(CREDIT_TAIL_RE.search("".join(line.text for line in region[-2:]))
                or region[-1].x0 > min(line.x0 for line in region) + SET_IN_EM * em)


def _runs_on_to_edge(low: list[TextLine], right: float, em: float) -> bool:
    """The region's last line runs on to its edge: its sentence goes on elsewhere."""
    return low[-1].x1 >= right - em and low[-1].text.rstrip()[-1:] not in RUN_ON_ENDS


def _open_story(low: list[TextLine], right: float, em: float) -> bool:
    """The region's last line ends a sentence, and no credit closes it."""
    return ends_sentence(low[-1].text) and not _closes(low, em)


def _starts_at_edge(region: list[TextLine], em: float) -> bool:
    """The region's first line starts at its edge, as its other lines do: no paragraph starts there."""
    return len(region) >= 2 and region[0].x0 <= min(line.x0 for line in region[1:]) + 0.5 * em


def _one_size(a: float, b: float) -> bool:
    """Two type sizes one column's text may have."""
    return max(a, b) <= LINE_SIZE_RATIO * min(a, b)


def _goes_on(regions: list[list[TextLine]], at: int, em: float, rules: list[Box] = ()) -> bool:
    """The region read after region ``at`` goes on with its text: its first line starts at its edge, in the same
    type, and no rules frame it above and below (a distribution block in its box beside a column's foot goes on
    with nothing)."""
    nxt = regions[at + 1] if at + 1 < len(regions) else []
    return (_starts_at_edge(nxt, em) and _one_size(nxt[0].size, regions[at][-1].size)
            and not _framed(bounds(line.box for line in nxt), rules, em))


def _ruled_apart(upper: list[TextLine], lower: list[TextLine], rules: list[Box], em: float) -> bool:
    """Whether a horizontal rule runs between two regions, under the one and over the other, across both: modules
    a rule parts, whose text does not go on from one into the other (modular seed 5: the last column of
    ``新疆积极打造…``, over the rule, and ``陕北到安徽…``'s third column under it, which ends mid-sentence).

    >>> top = [TextLine("际交流合作的新空间。", 60, 0, 100, 10, 10.0)]
    >>> low = [TextLine("徽输送电量超", 0, 40, 40, 50, 10.0), TextLine("其中一半以上是", 0, 54, 40, 64, 10.0)]
    >>> _ruled_apart(top, low, [(0, 20, 100, 21)], 10.0), _ruled_apart(top, low, [(0, 70, 100, 71)], 10.0)
    (True, False)
    """
    x0, _, x1, _ = bounds(line.box for line in [*upper, *lower])
    return _ruled(rules, x0, x1, max(line.bottom for line in upper), min(line.top for line in lower), em)


def _framed(box: Box, rules: list[Box], em: float) -> bool:
    """Whether horizontal rules as wide as the box stand right above and right below it."""
    x0, top, x1, bottom = box
    return (_ruled(rules, x0, x1, top - LINE_GAP_EM * em, top, em)
            and _ruled(rules, x0, x1, bottom, bottom + LINE_GAP_EM * em, em))


def _ruled(rules: list[Box], x0: float, x1: float, y0: float, y1: float, em: float) -> bool:
    """Whether a thin horizontal rule from ``x0`` to ``x1`` (an em short at either end, at most) lies between
    ``y0`` and ``y1``."""
    return any(r[3] - r[1] < THIN_EM * em and r[0] <= x0 + em and r[2] >= x1 - em and y0 <= r[1] <= y1
               for r in rules)


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
                  if x0 < _centre(line) < x1 and top < _middle(line) < bottom]
        if sum(len(page.lines[k].text) for k in inside) < BACKDROP_SHARE * total:
            found.update(inside)
    return found


RUN_ON_ENDS = frozenset(SENTENCE_END + CLOSERS + "!?.")
"""A line ending in one of these may end its paragraph: it is not known to run on."""


def runs_on(last: TextLine, first: TextLine, right: float) -> bool:
    """Whether ``first`` is the line after ``last`` in the middle of a paragraph: right under it in the same column,
    ``last`` running to the column's right edge ``right`` with no sentence ended, ``first`` not indented.

    Example: mag12img, where tesseract read a column's top beside the title, then the next column's byline and
    text, then the rest of the column: ``唱遇失`` / ``败无数`` (屡遭失败 in two lines). Near misses: a line that ends a
    sentence, or stops short of the edge (a paragraph's end), and an indented line under it (a new paragraph).

    >>> last = TextLine("湘军，在十几年的戎马生涯中，屡遭失", 0, 0, 170, 10, 10.0)
    >>> first = TextLine("败无数", 0, 14, 170, 24, 10.0)
    >>> runs_on(last, first, 170)
    True
    >>> runs_on(replace(last, text="湘军。"), first, 170), runs_on(replace(last, x1=120), first, 170)
    (False, False)
    >>> runs_on(last, replace(first, x0=20), 170)
    False
    """
    em = min(last.size, first.size)
    return (overlap(last.x0, last.x1, first.x0, first.x1) > 0.8 * max(last.x1 - last.x0, first.x1 - first.x0)
            and 0 <= first.top - last.bottom < LINE_GAP_EM * em
            and last.x1 >= right - em and first.x0 <= last.x0 + 0.5 * em
            and last.text.rstrip()[-1:] not in RUN_ON_ENDS)


def ocr_order(page: PageLayout) -> PageLayout:
    """An OCR engine's page in its own order, its paragraphs (``block``) kept whole, but for a column it read in two
    pieces (``read_in_two``) and a headline it read after text under it (``headline_read_late``). tesseract finds
    columns from the page image better than boxes alone do where its lines cross a narrow gutter, so its order
    stands unless the page says plainly that it is wrong: where the engine read down through a headline over several
    columns and back up above it (``reads_through_headline``), the page is read from its boxes (``reading_order``),
    as a PDF is.
    """
    if reads_through_headline(page.lines):
        return reading_order(page, engine=True)
    blocks: list[list[TextLine]] = []
    for line in page.lines:
        if blocks and blocks[-1][-1].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    em = body_size(page.lines)
    for _ in range(len(blocks)):  # each move takes a block further down: a bound, not a count expected
        moved = read_in_two(blocks, em)
        if moved is None:
            break
        blocks = moved
    return replace(page, lines=[line for block in headline_read_late(blocks, em) for line in block])


def headline_read_late(blocks: list[list[TextLine]], em: float) -> list[list[TextLine]]:
    """The blocks with each headline the engine read after text under it put before that text: a block set in
    display type (``in_display_type``) goes just before the first block read earlier that stands under it, across
    some of its width, where no sentence goes on into that block (the block read before it ends one, or is a line
    of its own: a kicker, a credit). A reader reads a headline before its story.

    Example: dev04 through tesseract, which read ``秋粮收获过半`` (83 px over a 37 px body) after the story it
    heads, under its kicker ``在希望的田野上``. Near misses: a block of body type read after text under it (the
    next column's top, beside a story's end); a headline read after the text beside it, not under it; the pieces
    of a headline read as blocks side by side on one row (dev09's title over four columns, each piece over a
    column whose top goes on with a sentence from the column before: ``reads_through_headline`` reads such pages).

    >>> body = [[TextLine("江西省1400多万亩中稻。", 0, 100, 300, 130, 37.0)],
    ...         [TextLine("山东省6600多万亩", 0, 140, 300, 170, 37.0)]]
    >>> head = [TextLine("秋粮收获过半", 0, 20, 300, 80, 83.0)]
    >>> [b[0].text for b in headline_read_late([*body, head], 37.0)]
    ['秋粮收获过半', '江西省1400多万亩中稻。', '山东省6600多万亩']
    >>> beside = [TextLine("秋粮收获过半", 400, 20, 700, 80, 83.0)]
    >>> [b[0].text for b in headline_read_late([*body, beside], 37.0)][0]
    '江西省1400多万亩中稻。'
    >>> pieces = [[TextLine("二十大新闻中心", 0, 20, 300, 80, 83.0)], [TextLine("第四场", 320, 20, 600, 80, 83.0)]]
    >>> [b[0].text for b in headline_read_late([*body, *pieces], 37.0)][0]
    '江西省1400多万亩中稻。'
    >>> foot = [TextLine("人民群众的期待，", 400, 500, 700, 530, 37.0),
    ...         TextLine("基础设施、公共", 400, 540, 700, 570, 37.0)]
    >>> [b[0].text for b in headline_read_late([foot, *body, head], 37.0)][:2]  # (公共 / 服务: no headline between)
    ['人民群众的期待，', '江西省1400多万亩中稻。']
    """
    size, height = display_reference([(line.size, line.bottom - line.top) for block in blocks for line in block])

    def display(block: list[TextLine]) -> bool:
        return all(in_display_type(line.size, line.bottom - line.top, size, height) for line in block)

    shown = [bounds(line.box for line in block) if display(block) else None for block in blocks]
    out = list(blocks)
    for n, block in enumerate(blocks):
        box = shown[n]
        if box is None or any(k != n and other is not None and overlap(box[1], box[3], other[1], other[3]) > 0
                              for k, other in enumerate(shown)):
            continue  # (no headline, or a piece of one read beside its other pieces)
        x0, _, x1, bottom = box
        at = next(k for k, b in enumerate(out) if b is block)
        under = [k for k in range(at) if out[k][0].top >= bottom - 0.5 * em and not display(out[k])
                 and overlap(x0, x1, min(line.x0 for line in out[k]), max(line.x1 for line in out[k])) > 0]
        if not under:
            continue
        first = under[0]
        before = out[first - 1] if first else None
        if before is None or len(before) == 1 or display(before) or ends_sentence(before[-1].text):
            out.insert(first, out.pop(at))
    return out


SPANNING_HEAD_EM = 1.5
"""A line this much larger than the page's body type is display type: a headline, not a kicker or a lead."""
SPANNING_COLUMNS = 1.8
"""A headline this much wider than the page's common line spans columns (its body is set in several under it)."""


def spanning_headlines(lines: list[TextLine], em: float) -> list[Box]:
    """The boxes of the headlines that span columns: runs of display type (``SPANNING_HEAD_EM``) side by side on one
    row, of four characters or more, wider than ``SPANNING_COLUMNS`` of the page's common body line.

    Example: sanmen02's 邮政储蓄银行老区小学献爱心, which tesseract read as three lines side by side, over three
    columns. Near misses: a title over its one column; a line of body type across the page.

    >>> body = [TextLine("正文" * 8, x, y, x + 160, y + 10, 10.0) for x in (0, 170, 340) for y in range(40, 120, 14)]
    >>> head = [TextLine("邮政储蓄银", 0, 0, 250, 30, 30.0), TextLine("行老区小学献爱心", 262, 0, 500, 30, 30.0)]
    >>> spanning_headlines(head + body, 10.0)
    [(0, 0, 500, 30)]
    >>> spanning_headlines([TextLine("一栏标题", 0, 0, 160, 30, 30.0), *body], 10.0)
    []
    """
    widths = sorted(line.x1 - line.x0 for line in lines if line.size < SPANNING_HEAD_EM * em)
    if not widths:
        return []
    column = widths[len(widths) // 2]
    runs: list[tuple[Box, int]] = []
    for line in sorted((line for line in lines if line.size >= SPANNING_HEAD_EM * em), key=lambda line: line.x0):
        for n, (box, chars) in enumerate(runs):
            level = overlap(box[1], box[3], line.top, line.bottom) > 0.5 * (line.bottom - line.top)
            if level and line.x0 - box[2] < 0.6 * line.size:
                runs[n] = (bounds([box, line.box]), chars + len(line.text))
                break
        else:
            runs.append((line.box, len(line.text)))
    return [box for box, chars in runs if box[2] - box[0] >= SPANNING_COLUMNS * column and chars >= 4]


def reads_through_headline(lines: list[TextLine]) -> bool:
    """Whether an engine's order of ``lines`` reads down through a headline that spans columns and then back up above
    it: a line of body type under the headline, then a later one over it, both within its width.
    A reader finishes what stands above a headline before starting the story under it.

    Example: sanmen02 through tesseract, which read the first column down past 邮政储蓄银行老区小学献爱心 into its
    story, then went back up to the story above it. Near miss: the story above read first, then the headline
    and its story (the dev pages); a kicker set a size up, read after the story under a headline beside it (two
    stories' headlines side by side, modular seed 7): only body type counts.

    >>> above = [TextLine("上一篇的正文" * 3, x, 0, x + 160, 10, 10.0) for x in (0, 170)]
    >>> head = TextLine("跨栏大标题在这里", 0, 20, 330, 50, 30.0)
    >>> under = [TextLine("本篇的正文" * 3, x, 60, x + 160, 70, 10.0) for x in (0, 170)]
    >>> reads_through_headline([above[0], head, under[0], above[1], under[1]])
    True
    >>> reads_through_headline([*above, head, *under])
    False
    """
    em = body_size(lines)
    heads = spanning_headlines(lines, em)
    for x0, top, x1, bottom in heads:
        below = False
        for line in lines:
            if line.size > SAME_SIZE_RATIO * em or line.x0 < x0 - em or line.x1 > x1 + em:
                continue  # (body type only: a kicker set a size up over the next story's title is no body line)
            if line.top >= bottom:
                below = True
            elif below and line.bottom <= top:
                return True
    return False


def read_in_two(blocks: list[list[TextLine]], em: float) -> list[list[TextLine]] | None:
    """The blocks with one column read in two pieces put back together, or None where there is none: a block whose
    last line ``runs_on`` into a later block, with only blocks left of that column between them, the first of them
    level with that later block's top, is moved to just before that later block, and with it the blocks of its column
    stacked right above it in the engine's order. tesseract cuts a column where the
    column beside it starts; the blocks to the left are the column before it, read first as columns are.

    Example: mag12img: tesseract read the right column's top (beside the title), then the byline and the left
    column, then the right column's rest. Near miss: a credit that ends an article at the foot of the right column,
    the next article's left column read after it (the dev pages): the credit ends its sentence, so it stays; a
    column whose paragraph tesseract cut in two, with columns to its left that start lower down (held-out seed 32).

    >>> top = [TextLine("屡遭失", 100, 0, 190, 10, 10.0)]
    >>> left = [TextLine("有个年轻人去庙里", 0, 14, 90, 24, 10.0)]
    >>> rest = [TextLine("败无数", 100, 14, 190, 24, 10.0)]
    >>> [block[0].text for block in read_in_two([top, left, rest], 10.0)]
    ['有个年轻人去庙里', '屡遭失', '败无数']
    >>> read_in_two([[replace(top[0], text="屡遭失败。")], left, rest], 10.0) is None
    True
    >>> read_in_two([top, [replace(left[0], top=60, bottom=70)], rest], 10.0) is None
    True
    >>> above = [TextLine("在十几年的戎马生涯中", 100, -14, 190, -4, 10.0)]
    >>> [block[0].text for block in read_in_two([above, top, left, rest], 10.0)]
    ['有个年轻人去庙里', '在十几年的戎马生涯中', '屡遭失', '败无数']
    """
    boxes = [bounds(line.box for line in block) for block in blocks]
    for i, block in enumerate(blocks):
        for j in range(i + 2, len(blocks)):
            right = max(boxes[i][2], boxes[j][2])
            if not runs_on(block[-1], blocks[j][0], right):
                continue
            column_left = min(blocks[j][0].x0, block[-1].x0)
            between = boxes[i + 1:j]
            if (all(box[2] <= column_left + em for box in between)
                    and abs(min(box[1] for box in between) - boxes[j][1]) <= LINE_GAP_EM * em):
                start = i  # the column's top: the blocks stacked right above, read just before
                while start and _stacked(boxes[start - 1], boxes[start], em):
                    start -= 1
                return [*blocks[:start], *blocks[i + 1:j], *blocks[start:i + 1], *blocks[j:]]
    return None


def _stacked(upper: Box, lower: Box, em: float) -> bool:
    """Whether the box ``lower`` is right under ``upper`` in one column."""
    return (0 <= lower[1] - upper[3] < LINE_GAP_EM * em
            and overlap(upper[0], upper[2], lower[0], lower[2]) > 0.5 * min(upper[2] - upper[0], lower[2] - lower[0]))
