"""Read a PDF into page geometry: each page's text lines with their boxes, type sizes and fonts, and its graphics.

PDFium (pypdfium2) gives every character of a page's text layer with its position. ``read_pdf`` groups the
characters into lines by position alone, never by their order in the content stream: a newspaper typesetter writes a
headline after its body and prints digits, ``.`` and ``%`` as separate text objects somewhere else in the stream,
and on the page they sit on the line they belong to. A line is one baseline within one column; every character of
the text layer ends up in exactly one line, as the PDF gives it (no NFKC: Chinese punctuation stays full-width).

Pages come one at a time and each is closed before the next is read, so a long PDF streams in bounded memory.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from normalize.errors import BadInput
from normalize.geometry import Box, PageLayout, TextLine

ASCENT_EM = 0.88
"""A line's box reaches this far above its baseline: the ideographic em box (0.88 up, 0.12 down).
PDFium's own boxes are no good for this: tight boxes hug each glyph, and loose boxes fall back to tight ones
where a font has no ascent, so their heights vary glyph by glyph."""
DESCENT_EM = 0.12
FALLBACK_HEIGHT_EM = 0.98
"""A loose box lower than this (in em) is a glyph's ink box: PDFium's fallback for fonts without ascent/descent."""
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
LONE_GAP_EM = 2.0
"""Where nothing above or below tells (a running head), a gap wider than this parts the line."""
SIZE_RATIO = 1.5
"""Runs apart on one baseline whose sizes differ more than this are two columns' (a body line beside a headline);
text of the same size is what shows a gutter."""
WALL_MIN_EM = 1.0
"""A graphic at least this tall (in em of the line) standing in a gap parts the line there: a column rule, a photo."""
WALL_TOUCH_EM = 0.1
"""... and may reach this far into the characters' boxes on either side."""
PAGES_PER_OPEN = 32
"""PDFium keeps every page's fonts and images until its document closes: 5 MB a page where each page brings its
own fonts (page PDFs joined into an issue). Reopening the file every this many pages bounds that memory; where
pages share their fonts it costs one parse of them per reopening."""
SURROGATE_RE = re.compile("[\ud800-\udfff]")
GENERATED = " \r\n"
"""The characters PDFium inserts into a text page (FPDFText_IsGenerated): its line breaks and guessed spaces."""
GRAPHIC_OBJECTS = {pdfium_c.FPDF_PAGEOBJ_PATH: "rules", pdfium_c.FPDF_PAGEOBJ_IMAGE: "images"}

NO_TEXT = ("a scan without a text layer (page 1 has no text); OCR it first: pdftoppm -r 300 -png FILE page"
           " && tesseract page-1.png page-1 -l chi_sim hocr, then load the .hocr files")
ENCRYPTED = "an encrypted PDF ({}); decrypt it first, e.g. qpdf --decrypt --password=PASSWORD FILE out.pdf"
UNREADABLE = "not a readable PDF, truncated or malformed ({}); check the file is whole, or repair it: qpdf FILE out.pdf"
BAD_PAGE = "page {}: PDFium cannot load it ({}); repair the file: qpdf FILE out.pdf"


class Char:
    """One character of the text layer: its horizontal extent, baseline and em box (y downward), size and font."""

    __slots__ = ("base", "bottom", "font", "size", "text", "top", "x0", "x1")

    def __init__(self, text: str, x0: float, x1: float, base: float, size: float, font: str = "") -> None:
        self.text, self.x0, self.x1, self.base, self.size, self.font = text, x0, x1, base, size, font
        self.top, self.bottom = base - ASCENT_EM * size, base + DESCENT_EM * size

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


# -- reading a file --------------------------------------------------------------------------------------------------

def read_pdf(source: str | bytes | Path, *, name: str) -> Iterator[PageLayout]:
    """The pages of a PDF as geometry, in page order, one at a time.

    ``source`` is a path or the file's bytes; ``name`` is what error messages call it. Opening happens now, so an
    encrypted or broken file raises ``BadInput`` at the call; a file whose pages have no text at all raises it
    after its last page (pages without text inside a PDF that has text elsewhere are just empty pages).
    """
    document = _open(source, name)
    return _pages(document, source, name)


def _open(source: str | bytes | Path, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except OSError as err:
        raise BadInput(name, f"cannot read it ({err.strerror or type(err).__name__})") from None
    except pdfium.PdfiumError as err:
        raise BadInput(name, _open_error(str(err))) from None


def _open_error(pdfium_message: str) -> str:
    """The one-line reason for a PDF PDFium cannot open, and what to try.

    >>> _open_error("Failed to load document (PDFium: Incorrect password error).")  # doctest: +ELLIPSIS
    'an encrypted PDF (PDFium: Incorrect password error); decrypt it first, e.g. qpdf --decrypt ...'
    >>> _open_error("Failed to load document (PDFium: Data format error).")  # doctest: +ELLIPSIS
    'not a readable PDF, truncated or malformed (PDFium: Data format error); check the file is whole, ...'
    """
    detail = pdfium_message.partition("(")[2].rstrip(".").rstrip(")") or pdfium_message
    if "password" in detail.lower() or "security" in detail.lower():
        return ENCRYPTED.format(detail)
    return UNREADABLE.format(detail)


def _pages(document: pdfium.PdfDocument, source: str | bytes | Path, name: str) -> Iterator[PageLayout]:
    try:
        count = len(document)
        if count == 0:
            raise BadInput(name, "a PDF without pages")
        held: list[PageLayout] | None = []  # leading pages without text, until a page shows there is a text layer
        for index in range(count):
            if index and index % PAGES_PER_OPEN == 0:
                document.close()
                document = _open(source, name)
            layout = _read_page(document, index, name)
            if held is None:
                yield layout
            elif layout.lines:
                yield from held
                held = None
                yield layout
            else:
                held.append(layout)
        if held is not None:
            raise BadInput(name, NO_TEXT)
    finally:
        document.close()


def _read_page(document: pdfium.PdfDocument, index: int, name: str) -> PageLayout:
    try:
        page = document[index]
        try:
            frame = _Frame.of(page.raw)
            textpage = page.get_textpage()
            try:
                chars = page_chars(textpage.raw, frame)
            finally:
                textpage.close()
            graphics = page_graphics(page.raw, frame)
        finally:
            page.close()
    except pdfium.PdfiumError as err:
        raise BadInput(name, BAD_PAGE.format(index + 1, err)) from None
    lines = group_lines(chars, graphics["rules"] + graphics["images"])
    return PageLayout(index + 1, frame.width, frame.height, lines, graphics["rules"], graphics["images"])


# -- page space ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Frame:
    """PDF user space -> the page as shown: origin at the top left of the visible box, y downward, /Rotate applied."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # quarter turns clockwise

    @classmethod
    def of(cls, page: Any) -> _Frame:
        box = pdfium_c.FS_RECTF()
        pdfium_c.FPDF_GetPageBoundingBox(page, box)
        return cls(box.left, box.bottom, box.right, box.top, pdfium_c.FPDFPage_GetRotation(page) % 4)

    @property
    def width(self) -> float:
        return (self.right - self.left) if self.rotation % 2 == 0 else (self.top - self.bottom)

    @property
    def height(self) -> float:
        return (self.top - self.bottom) if self.rotation % 2 == 0 else (self.right - self.left)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) of user space on the shown page.

        >>> _Frame(0, 0, 100, 200, 0).point(10, 150)
        (10, 50)
        >>> _Frame(0, 0, 100, 200, 1).point(10, 150)  # turned a quarter clockwise: the left edge is on top
        (150, 10)
        """
        dx, dy = x - self.left, y - self.bottom
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 0:
            return dx, h - dy
        if self.rotation == 1:
            return dy, dx
        if self.rotation == 2:
            return w - dx, dy
        return h - dy, w - dx

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        """A user-space rectangle as (x0, top, x1, bottom) on the shown page."""
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


# -- characters ------------------------------------------------------------------------------------------------------

def page_chars(textpage: Any, frame: _Frame) -> list[Char]:
    """Every character of a text page PDFium did not invent, with its box, baseline, size and font.

    A character runs from its origin to the right of PDFium's loose box (its advance), or, where the loose box
    is only the glyph's ink (the font has no ascent), an em for a full-width character.
    Size is the font size times the text matrix's vertical scale: Founder's typesetter sets every font at size 1
    and scales it with the matrix, Chromium sets pixels and scales by 0.75. PDFium's generated characters (the
    ``\\r\\n`` between its lines, the spaces it guesses) are left out; spaces the PDF really has are kept. Only
    whitespace is asked about: PDFium generates nothing else.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = _page_text(textpage, count)
    is_generated, loose_box = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox
    char_origin = pdfium_c.FPDFText_GetCharOrigin
    get_matrix, font_size = pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetFontSize
    font_info = pdfium_c.FPDFText_GetFontInfo
    rect, matrix, ox, oy = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    rect_p, matrix_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(matrix), ctypes.byref(ox), ctypes.byref(oy)
    name_buf, flags = ctypes.create_string_buffer(256), ctypes.c_int()
    fonts: dict[bytes, str] = {}
    upright = frame.rotation == 0
    height, left = frame.top, frame.left
    chars = []
    for i in range(count):
        char = text[i]
        if char in GENERATED and is_generated(textpage, i):
            continue
        loose_box(textpage, i, rect_p)
        char_origin(textpage, i, ox_p, oy_p)
        get_matrix(textpage, i, matrix_p)
        size = font_size(textpage, i) * math.hypot(matrix.c, matrix.d)
        if size <= 0:  # a degenerate matrix: the box is all there is
            size = max(rect.top - rect.bottom, 1.0)
        font_info(textpage, i, name_buf, 256, flags)
        raw = name_buf.value
        font = fonts.get(raw)
        if font is None:
            font = fonts[raw] = _font_name(raw)
        x0, right = ox.value, rect.right
        if rect.top - rect.bottom < FALLBACK_HEIGHT_EM * size and east_asian_width(char) in "WF":
            right = max(right, x0 + size)  # a glyph's ink box, not its advance: a full-width character is an em
        if upright:
            chars.append(Char(char, x0 - left, right - left, height - oy.value, size, font))
        else:
            x0, _, x1, _ = frame.box(x0, rect.bottom, right, rect.top)
            chars.append(Char(char, x0, x1, frame.point(ox.value, oy.value)[1], size, font))
    return chars


def _page_text(textpage: Any, count: int) -> Sequence[str]:
    """Character i of the text page at index i: one call for the whole page, not one per character."""
    buffer = ctypes.create_string_buffer((count + 1) * 4)
    units = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(units - 1, 0) * 2].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count and not SURROGATE_RE.search(text):
        return text
    # characters outside the BMP take two units, or PDFium split a pair: map each index on its own
    return [_char(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count)]


def _char(code: int) -> str:
    """A text page's code point as a string; a lone surrogate becomes U+FFFD (it cannot be written as UTF-8).

    >>> _char(0x4E2D), _char(0x1F600), _char(0xD800)
    ('中', '😀', '�')
    """
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


def _font_name(raw: bytes) -> str:
    """A font's name as the PDF spells it; Chinese producers write names in GBK.

    >>> _font_name(b"FZBSJW-GB1-0"), _font_name("宋体".encode("gbk"))
    ('FZBSJW-GB1-0', '宋体')
    """
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


# -- graphics --------------------------------------------------------------------------------------------------------

def page_graphics(page: Any, frame: _Frame) -> dict[str, list[Box]]:
    """The boxes of a page's path objects ("rules": ruling lines, frames) and image objects ("images"),
    looking inside form XObjects, whose objects are placed by the form's matrix."""
    found: dict[str, list[Box]] = {"rules": [], "images": []}
    bounds = [ctypes.c_float() for _ in range(4)]
    matrix = pdfium_c.FS_MATRIX()
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    todo: list[tuple[Any, bool, tuple[float, ...]]] = [(page, False, identity)]
    while todo:
        holder, is_form, placed = todo.pop()
        if is_form:
            n, get = pdfium_c.FPDFFormObj_CountObjects(holder), pdfium_c.FPDFFormObj_GetObject
        else:
            n, get = pdfium_c.FPDFPage_CountObjects(holder), pdfium_c.FPDFPage_GetObject
        for i in range(n):
            obj = get(holder, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
                own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                todo.append((obj, True, _compose(placed, own) if is_form else own))
            elif kind in GRAPHIC_OBJECTS and pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
                left, bottom, right, top = (b.value for b in bounds)
                if is_form:
                    left, bottom, right, top = _transform_box(placed, left, bottom, right, top)
                found[GRAPHIC_OBJECTS[kind]].append(frame.box(left, bottom, right, top))
    return found


def _compose(outer: tuple[float, ...], inner: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies ``inner`` and then ``outer`` (PDF matrices: x' = a x + c y + e, y' = b x + d y + f).

    >>> _compose((2, 0, 0, 2, 10, 0), (1, 0, 0, 1, 5, 5))  # move by (5, 5), then double and move by (10, 0)
    (2, 0, 0, 2, 20, 10)
    """
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _transform_box(m: tuple[float, ...], left: float, bottom: float, right: float, top: float) -> tuple[float, ...]:
    """The bounding box of a rectangle after the matrix ``m``, as (left, bottom, right, top).

    >>> _transform_box((0.5, 0, 0, 0.5, 100, 50), 0, 0, 200, 100)
    (100.0, 50.0, 200.0, 100.0)
    """
    a, b, c, d, e, f = m
    xs = [a * x + c * y + e for x in (left, right) for y in (bottom, top)]
    ys = [b * x + d * y + f for x in (left, right) for y in (bottom, top)]
    return (min(xs), min(ys), max(xs), max(ys))


# -- lines -----------------------------------------------------------------------------------------------------------

def group_lines(chars: list[Char], walls: Sequence[Box] = ()) -> list[TextLine]:
    """Characters -> lines, by position: one baseline within one column, characters in x order.

    Characters within ``JOIN_GAP_EM`` of each other on a baseline form runs; runs on one baseline join across a
    wider gap unless the gap is a gutter (whitespace that goes on above or below) or a graphic stands in it.
    The lines come top to bottom, left to right; ``reading_order`` puts them in reading order.

    >>> def han(text, x, base, size=10.0):
    ...     return [Char(c, x + i * size, x + (i + 1) * size, base, size) for i, c in enumerate(text)]
    >>> chars = han("中%", 26, 20) + han("文", 0, 20) + han("1", 10, 20.5, 8) + han("7", 18, 20.5, 8)
    >>> [line.text for line in group_lines(chars)]  # digits printed apart, in the stream's order, join their line
    ['文17中%']
    >>> two_columns = han("甲乙", 0, 20) + han("丙丁", 35, 20) + han("戊己", 0, 34) + han("庚辛", 35, 34)
    >>> [line.text for line in group_lines(two_columns)]  # a gutter 1.5 em wide on both lines
    ['甲乙', '丙丁', '戊己', '庚辛']
    >>> credit = han("甲乙丙丁戊己庚辛", 0, 20) + han("好。", 0, 34) + han("（陈佳）", 40, 34)
    >>> [line.text for line in group_lines(credit)]  # a credit set off at the line's end: no gutter above
    ['甲乙丙丁戊己庚辛', '好。 （陈佳）']
    """
    runs = _runs(sized(chars))
    lines = _join_runs(runs, walls)
    lines.sort(key=lambda run: (run.top, run.x0))
    return [_text_line(run) for run in lines]


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
                 round(c.base - middle * c.size + middle * body, 2), body, c.font)
            for c in chars]


def _runs(chars: list[Char]) -> list[_Run]:
    """Characters on a shared baseline (within ``BASELINE_TOL_EM``) and no more than ``JOIN_GAP_EM`` apart."""
    runs: list[_Run] = []
    bases: list[float] = []  # the open runs' baselines, sorted, beside ``open_runs``
    open_runs: list[_Run] = []
    # by middle, a '·' squeezed into a quote's em box; a squeezed pair with one box ('、“') in the stream's order
    for char in sorted(chars, key=lambda c: int((c.x0 + c.x1) * MIDDLE_STEPS)):
        base, size = char.base, char.size
        reach = BASELINE_TOL_EM * size
        best, best_offset = None, reach
        for k in range(bisect_left(bases, base - reach), bisect_right(bases, base + reach)):
            run = open_runs[k]
            offset = abs(run.base - base)
            smaller = run.size if run.size < size else size
            if offset <= best_offset and offset <= BASELINE_TOL_EM * smaller \
                    and char.x0 - run.x1 <= JOIN_GAP_EM * smaller:
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


def _join_runs(runs: list[_Run], walls: Sequence[Box]) -> list[_Run]:
    """Runs on one baseline joined left to right into lines, except across a gutter or a graphic."""
    by_top = sorted(runs, key=lambda run: run.top)
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
        if left is not None and not _parts(left, run, by_top, tops, tallest, walls):
            left.extend(run)
            continue
        line = run.copy()  # a new object: the runs stay as they are for the gutter tests
        lines.append(line)
        k = bisect_right(bases, line.base)
        bases.insert(k, line.base)
        open_lines.insert(k, line)
    return lines


def _parts(left: _Run, right: _Run, by_top: list[_Run], tops: list[float], tallest: float,
           walls: Sequence[Box]) -> bool:
    """Whether the gap between two runs on one baseline parts two columns' lines (see ``group_lines``)."""
    size = min(left.size, right.size)
    if max(left.size, right.size) > SIZE_RATIO * size:
        return True
    if left.tail == 1 and len(right.chars) == 1:  # letter spacing: a two-line spaced headline's gaps line up
        return right.x0 - left.x1 > LONE_GAP_EM * size
    top, bottom = max(left.top, right.top), min(left.bottom, right.bottom)
    touch = WALL_TOUCH_EM * size
    for x0, wall_top, x1, wall_bottom in walls:
        if left.x1 - touch <= x0 and x1 <= right.x0 + touch and wall_top < bottom and wall_bottom > top \
                and wall_bottom - wall_top >= WALL_MIN_EM * size:
            return True
    reach, slack = RIVER_REACH_EM * size, BASELINE_TOL_EM * size
    above = _gap_seen(left, right, top - reach, top - slack, by_top, tops, tallest)
    below = _gap_seen(left, right, bottom + slack, bottom + reach, by_top, tops, tallest)
    if GUTTER in (above, below):
        return True
    return BLOCKED not in (above, below) and right.x0 - left.x1 > LONE_GAP_EM * size


GUTTER, BLOCKED, UNSEEN = "gutter", "blocked", "unseen"


def _gap_seen(left: _Run, right: _Run, y0: float, y1: float, by_top: list[_Run], tops: list[float],
              tallest: float) -> str:
    """What the text of about the same size between y0 and y1 shows of the gap between two runs: a gutter
    (text over both runs, and a stretch of the gap at least ``GUTTER_MIN_EM`` wide free of it), blocked (text
    over the gap and no such stretch), or nothing to go by."""
    size = min(left.size, right.size)
    gap0, gap1 = left.x1, right.x0
    over_left = over_right = False
    taken = []
    for k in range(bisect_left(tops, y0 - tallest), bisect_left(tops, y1)):
        run = by_top[k]
        if run.bottom <= y0 or not size <= run.size * SIZE_RATIO or not run.size <= size * SIZE_RATIO:
            continue
        if run.x0 < gap1 and run.x1 > gap0:
            taken.append((max(run.x0, gap0), min(run.x1, gap1)))
        over_left = over_left or (run.x0 < left.x1 and run.x1 > left.x0)
        over_right = over_right or (run.x0 < right.x1 and run.x1 > right.x0)
    free = _widest_free(gap0, gap1, taken) >= GUTTER_MIN_EM * size
    if over_left and over_right and free:
        return GUTTER
    return BLOCKED if not free else UNSEEN


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
