"""An OCR engine's invisible text layer in a PDF (tesseract's, OCRmyPDF's) read as the engine's lines.

tesseract writes its text layer line by line in its own reading order: each line started at its own
baseline, each word stretched over its box and followed by a space, all in one glyphless font. Read in
the file's order these are the lines and words of its hOCR, so such a page is read as OCR is
(``order.ocr_order`` and the text rules), not by the geometry of a typeset page, whose boxes are type's
and whose lines are the typesetter's: an OCR layer's boxes are ink and its sizes the ink's. The
paragraphs hOCR marks are not in the PDF: a line that goes up or across to another column, or leaves a
gap, or stands indented against the line before it, starts one here.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from .geometry import TextLine, overlap
from .gutters import cut_at_gutters
from .ocrxml import Word, join_words
from .pdflines import OCR_FONT, Char, is_ocr_font

OCR_SHARE = 0.9
"""A page whose characters are this share or more in an OCR engine's glyphless font is an OCR layer."""
SAME_BASE_EM = 0.015
"""The engine sets a line's words on one baseline: a word off it by this many ems starts a new line ..."""
MAX_SLANT = 0.01
"""... (where the line's slant is not known yet, one word before: this much more per unit across) ..."""
BACK_EM = 1.0
"""... and so does a word that starts this many ems left of the word before it."""
BASELINE_EM = 0.5
"""A line whose top is this many ems above the line before it has gone up the page, to another column: a new
paragraph ..."""
GAP_EM = 1.0
"""... and so has a line this far (in the upper line's em) under the line before it ..."""
INDENT_EM = 1.0
"""... and a line indented this far against the line before it (a paragraph's first line) ..."""
SHORT_EM = 2.0
"""... or under one that stops this far short of its end (a paragraph's last line)."""


def is_ocr_layer(chars: Sequence[Char]) -> bool:
    """Whether a page's characters are an OCR engine's invisible layer (its glyphless font).

    >>> is_ocr_layer([Char("民", 0, 10, 10, 10, "GlyphLessFont")]), is_ocr_layer([Char("民", 0, 10, 10, 10, "SimSun")])
    (True, False)
    """
    return bool(chars) and sum(is_ocr_font(c.font) for c in chars) >= OCR_SHARE * len(chars)


def engine_lines(chars: Sequence[Char]) -> list[TextLine]:
    """The engine's lines, in its order, from the characters in the file's order: words parted by the engine's
    spaces, a line cut where a word leaves its line's baseline (``_on_baseline``), goes back left, or comes in
    another size (the engine sizes its layer's type line by line); each line's
    words joined as the engine's text output joins them (``ocrxml.join_words``), a line read across a column gutter
    cut there (``gutters.cut_at_gutters``), and each line's paragraph in ``block`` (``paragraphs``).

    >>> row = lambda text, x, base: [Char(ch, x + 10 * k, x + 10 * k + 10, base, 10, "GlyphLessFont")
    ...                              for k, ch in enumerate(text)]
    >>> lines = engine_lines(row("民生 周刊 ", 0, 10) + row("第一段 ", 20, 30) + row("接着写 ", 0, 44))
    >>> [(line.text, line.block) for line in lines]
    [('民生周刊', 0), ('第一段', 1), ('接着写', 1)]
    """
    lines: list[TextLine] = []
    words: list[list[Word]] = []
    line: list[tuple[Word, float, float]] = []  # each word, its first character's baseline and size
    for word in [*_words(chars), None]:
        if line and (word is None or word[0].x0 < line[-1][0].x0 - BACK_EM * line[-1][2]  # type: ignore[operator]
                     or word[2] != line[0][2] or not _on_baseline(line, word)):
            size = statistics.median(w[2] for w in line)
            line_words = [w[0] for w in line]
            lines.append(TextLine(join_words(line_words, em=size), line_words[0].x0,  # type: ignore[arg-type]
                                  min(w.top for w in line_words), max(w.x1 for w in line_words),  # type: ignore
                                  max(w.bottom for w in line_words), size, OCR_FONT))  # type: ignore[type-var]
            words.append(line_words)
            line = []
        if word is not None:
            line.append(word)
    cut = cut_at_gutters(paragraphs(lines), words)  # (a cut line's pieces go to their columns' paragraphs)
    dense: dict[int, int] = {}
    for line in cut:
        line.block = dense.setdefault(line.block, len(dense))
    return cut


def _on_baseline(line: Sequence[tuple[Word, float, float]], word: tuple[Word, float, float]) -> bool:
    """Whether ``word`` starts on the baseline of ``line`` (its words so far): the engine sets a line's words along
    one baseline, slanted where the scan is (then each word sits a little further up or down, evenly); a line beside
    it sits a little higher or lower. With one word before it, the slant is not known yet: a little more is allowed.

    >>> w = lambda x, base: (Word("字", x, x + 10), base, 10.0)
    >>> slanted, level = [w(0, 100.0), w(100, 100.5)], [w(0, 100.0), w(100, 100.0)]
    >>> _on_baseline(slanted, w(200, 101.0)), _on_baseline(level, w(120, 100.3))
    (True, False)
    >>> _on_baseline([w(0, 100.0)], w(40, 100.3))
    True
    """
    (first, base0, _), (last, base1, size) = line[0], line[-1]
    x = word[0].x0 - first.x0  # type: ignore[operator]
    dx = last.x0 - first.x0  # type: ignore[operator]
    if len(line) > 1 and dx > size:
        return abs(word[1] - (base0 + (base1 - base0) / dx * x)) <= SAME_BASE_EM * size
    return abs(word[1] - base1) <= SAME_BASE_EM * size + MAX_SLANT * abs(x - dx)


def _words(chars: Sequence[Char]) -> list[tuple[Word, float, float]]:
    """The characters as the engine's words, parted at the spaces it wrote after each, and where a character
    leaves its word's baseline or size or goes back left (OCRmyPDF writes no space after a line's last word):
    each word with its first character's baseline and size.

    >>> row = lambda text, x, base: [Char(ch, x + 10 * k, x + 10 * k + 10, base, 10, "GlyphLessFont")
    ...                              for k, ch in enumerate(text)]
    >>> [w.text for w, _, _ in _words(row("累计开", 0, 10) + row("行3万列 今天", 0, 24))]
    ['累计开', '行3万列', '今天']
    """
    words: list[tuple[Word, float, float]] = []
    piece: list[Char] = []
    for char in [*chars, None]:
        if piece and char is not None and not char.text.isspace() and (
                char.size != piece[-1].size or abs(char.base - piece[-1].base) > SAME_BASE_EM * char.size
                or char.x0 < piece[-1].x0 - BACK_EM * char.size):
            words.append(_word(piece, None))
            piece = []
        if char is None or char.text.isspace():
            if piece:
                words.append(_word(piece, char))
            piece = []
        else:
            piece.append(char)
    return words


def _word(piece: Sequence[Char], space: Char | None) -> tuple[Word, float, float]:
    """A word of ``piece``'s characters, its box reaching to the end of the space after it (the space is stretched
    with the word over its box), with its first character's baseline and size."""
    right = max(c.x1 for c in piece) if space is None else max(space.x1, max(c.x1 for c in piece))
    return (Word("".join(c.text for c in piece), piece[0].x0, right, min(c.top for c in piece),
                 max(c.bottom for c in piece)), piece[0].base, piece[0].size)


def paragraphs(lines: list[TextLine]) -> list[TextLine]:
    """The lines, each with the number of its paragraph in ``block``: a new one where a line goes up the page, stands
    clear of the line before it across or by a gap, or is indented against it.

    >>> lines = [TextLine("标题", 0, 0, 40, 10, 10), TextLine("正文开头", 20, 30, 100, 40, 10),
    ...          TextLine("正文接着", 0, 44, 100, 54, 10), TextLine("下一栏", 120, 30, 220, 40, 10)]
    >>> [line.block for line in paragraphs(lines)]
    [0, 1, 1, 2]
    """
    block = -1
    for k, line in enumerate(lines):
        before = lines[k - 1] if k else None
        if (before is None or line.top < before.top - BASELINE_EM * before.size
                or line.top - before.bottom > GAP_EM * before.size
                or overlap(before.x0, before.x1, line.x0, line.x1) <= 0
                or line.x0 - before.x0 >= INDENT_EM * line.size or line.x1 - before.x1 >= SHORT_EM * line.size):
            block += 1
        line.block = block
    return lines
