"""Read a PDF with PDFium (pypdfium2) into page geometry: each page's characters and graphics, page by page,
and a one-line reason for a file that cannot be read.

``read_pdf`` opens the file (an encrypted or broken one raises ``BadInput`` naming what to try), reads every
character of a page's text layer with its position, size and font, and the boxes of its path and image objects,
on the page as shown (origin at the top left, y downward, /Rotate applied); ``normalize.pdflines`` groups the
characters into lines. Pages come one at a time and each is closed before the next is read, so a long PDF streams
in bounded memory.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from normalize.errors import BadInput
from normalize.geometry import Box, PageLayout
from normalize.ocrlayer import engine_lines, is_ocr_layer
from normalize.pdflines import Char, group_lines

FALLBACK_HEIGHT_EM = 0.98
"""A loose box lower than this (in em) is a glyph's ink box: PDFium's fallback for fonts without ascent/descent."""
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
        ocr: bool | None = None  # the first page with text says whether an OCR layer is read as OCR
        for index in range(count):
            if index and index % PAGES_PER_OPEN == 0:
                document.close()
                document = _open(source, name)
            layout = _read_page(document, index, name, ocr)
            if ocr is None and layout.lines:
                ocr = layout.ocr
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


def _read_page(document: pdfium.PdfDocument, index: int, name: str, ocr: bool | None = None) -> PageLayout:
    """Page ``index`` as geometry; an OCR engine's layer as the engine's lines (``ocrlayer``) unless ``ocr`` is
    False: the document's first page with text was typeset, and the document is read by its geometry throughout
    (a typeset issue with scans OCRed among its pages)."""
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
    if ocr is not False and is_ocr_layer(chars):  # tesseract's or OCRmyPDF's invisible text over a scan: its OCR
        return PageLayout(index + 1, frame.width, frame.height, engine_lines(chars), graphics["rules"],
                          graphics["images"], ocr=True)
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
    word: StretchedWord | None = None
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
        word = _stretched_word(word, matrix, x0)
        if upright:
            chars.append(Char(char, x0 - left, right - left, height - oy.value, size, font,
                              None if word is None else word[1] - left))
        else:
            x0, _, x1, _ = frame.box(x0, rect.bottom, right, rect.top)
            chars.append(Char(char, x0, x1, frame.point(ox.value, oy.value)[1], size, font))
    return chars


STRETCHED = 1.3
"""A glyph drawn this much wider or narrower than its font (the text matrix's horizontal over its vertical scale)
is stretched to fill an OCR word's box: tesseract's and OCRmyPDF's invisible text layers. Their word boxes are
right where they start, but may overlap, so a stretched character is placed where its word starts."""


StretchedWord = tuple[float, float, float]  # an OCR word: its scale, where it starts, its last origin


def _stretched_word(word: StretchedWord | None, matrix: Any, x: float) -> StretchedWord | None:
    """The stretched word the character at origin ``x`` belongs to: the one before it goes on while the scale stays
    and the origin moves right, else a new one starts here; None for a character drawn at its font's width.

    >>> class M:
    ...     def __init__(self, a): self.a, self.b, self.c, self.d = a, 0.0, 0.0, 1.0
    >>> w = _stretched_word(None, M(3.7), 216.0); w = _stretched_word(w, M(3.7), 238.2); w
    (3.7, 216.0, 238.2)
    >>> _stretched_word(w, M(0.6), 234.7), _stretched_word(w, M(1.0), 250.0)
    ((0.6, 234.7, 234.7), None)
    """
    vertical = math.hypot(matrix.c, matrix.d)
    scale = math.hypot(matrix.a, matrix.b) / vertical if vertical else 1.0
    if 1 / STRETCHED <= scale <= STRETCHED:
        return None
    if word is not None and word[0] == scale and x >= word[2]:
        return (scale, word[1], x)
    return (scale, x, x)


PDFIUM_HYPHEN = "\ufffe"
"""What PDFium's text gives for a hyphen that ends a line, taking it for a word's soft hyphen (its per-character
call gives 0x02), and also for a glyph that maps to nothing: where ``FPDFText_IsHyphen`` says it is the hyphen (in
Chinese text a printed mark, a range's ``12月6日-`` / ``7日``), it is read as ``-``."""


def _page_text(textpage: Any, count: int) -> Sequence[str]:
    """Character i of the text page at index i: one call for the whole page, not one per character."""
    buffer = ctypes.create_string_buffer((count + 1) * 4)
    units = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(units - 1, 0) * 2].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count and not SURROGATE_RE.search(text):
        if PDFIUM_HYPHEN not in text:
            return text  # (most pages)
        return [_hyphen(textpage, i, c) if c == PDFIUM_HYPHEN else c for i, c in enumerate(text)]
    # characters outside the BMP take two units, or PDFium split a pair: map each index on its own
    codes = [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]
    return [_hyphen(textpage, i, _char(code)) if code in (0x2, 0xFFFE) else _char(code) for i, code in enumerate(codes)]


def _hyphen(textpage: Any, i: int, char: str) -> str:
    """Character i as the page prints it where PDFium marked it as a line's end hyphen (``FPDFText_IsHyphen``): a
    hyphen-minus; any other glyph PDFium gives that code stays as it came (an unmapped glyph must look unmapped)."""
    return "-" if pdfium_c.FPDFText_IsHyphen(textpage, i) == 1 else char


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
