"""Files with boxes (PDF, hOCR, ALTO) as document text and layout.

A PDF's text layer is put in reading order page by page (``order.reading_order``); an OCR file's
lines stay in the OCR engine's order, a blank line between its paragraphs, as its own text
output has them, but for a column the engine read in two pieces and a headline it read after text
under it (``order.ocr_order``). The document's ``text`` is those lines, each page's first line after
as many form feeds as pages passed, so every stage reads it as it reads extracted text; ``layout``
has one entry per line of ``text`` with its page, box, type size, region and font (``null`` for the
blank lines between an OCR file's paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .geometry import PageLayout
from .order import ocr_order, reading_order

UNITS = {"pdf": "pt", "hocr": "px", "alto": "px"}
PRECISION = 1  # decimals kept of a coordinate: a tenth of a point or pixel


def detect_format(data: bytes) -> str:
    """
    What a file is, from its first bytes: "pdf", "hocr", "alto", "text", or "markup" (XML or
    HTML that is neither hOCR nor ALTO: a METS file, a web page).

        >>> detect_format(b"%PDF-1.7"), detect_format(b"<?xml version='1.0'?><alto>"), detect_format("正文".encode())
        ('pdf', 'alto', 'text')
        >>> detect_format(b"<?xml version='1.0'?><mets>"), detect_format("<新华社>电".encode())
        ('markup', 'text')
    """
    if data.startswith(b"%PDF"):
        return "pdf"
    from .ocrxml import markup_kind

    return markup_kind(data) or "text"


def read_pages(data: bytes | Path, fmt: str, *, name: str) -> Iterator[PageLayout]:
    """The pages of a PDF, hOCR or ALTO file (its bytes, or a PDF's path), in file order (a PDF
    one page at a time)."""
    if fmt == "pdf":
        from .pdf import read_pdf

        yield from read_pdf(data, name=name)
    elif fmt == "hocr":
        from .hocr import read_hocr

        yield from read_hocr(_bytes(data), name=name)
    else:
        from .alto import read_alto

        yield from read_alto(_bytes(data), name=name)


def _bytes(data: bytes | Path) -> bytes:
    return data if isinstance(data, bytes) else data.read_bytes()


class _Numbers(dict):
    """A coordinate rounded to ``PRECISION``, one float object per value: a long document's layout repeats the same
    few thousand values (its columns' edges, its lines' tops), and one object each keeps its memory small."""

    def __call__(self, x: float) -> float:
        x = round(x, PRECISION) + 0.0  # (-0.0 is 0.0: one spelling in the record)
        return self.setdefault(x, x)


class Paged:
    """A document's pages gathered into its text and layout, one page at a time."""

    def __init__(self, unit: str, *, ordered: bool = True) -> None:
        self.chunks: list[str] = []  # each page's lines joined: one string a page, not one a line
        self.layout: dict[str, Any] = {"unit": unit, "pages": [], "lines": [], "fonts": [], "rules": [],
                                       "images": []}
        self.ordered = ordered  # put each page in reading order (a PDF), else keep the file's order (OCR)
        self.fonts: dict[str, int] = {}
        self.number = _Numbers()
        self.last_page = 1  # the page of the last line (form feeds before a line: pages passed since)

    def add(self, page: PageLayout, number: int) -> None:
        """Add a page as page ``number`` of the document (pages without text count too)."""
        engine = page.ocr or not self.ordered  # an OCR engine's lines: its order and paragraphs stand
        ordered = ocr_order(page) if engine else reading_order(page)
        if page.ocr:
            self.layout["ocr"] = True
        layout = self.layout
        while len(layout["pages"]) < number - 1:
            layout["pages"].append(None)  # a page given no layout (an unreadable file of a folder)
        r = self.number
        layout["pages"].append([r(page.width), r(page.height)])
        for key in ("rules", "images"):
            layout[key] += [[number, *map(r, box)] for box in getattr(page, key)]
        lines: list[str] = []
        for k, line in enumerate(ordered.lines):
            if engine and k and line.block != ordered.lines[k - 1].block:
                lines.append("")  # OCR's paragraph gap, as in its text output
                layout["lines"].append(None)
            font = self.fonts.setdefault(line.font, len(self.fonts))
            if font == len(layout["fonts"]):
                layout["fonts"].append(line.font)
            breaks = "\f" * (number - self.last_page) if k == 0 else ""
            lines.append(breaks + line.text)
            layout["lines"].append([number, r(line.x0), r(line.top), r(line.x1), r(line.bottom), r(line.size),
                                    line.block, font])
        if lines:
            self.chunks.append("\n".join(lines))
            self.last_page = number

    def text(self) -> str:
        return "\n".join(self.chunks)


def paged_document(pages: Iterable[PageLayout], fmt: str) -> tuple[str, dict[str, Any], int]:
    """The text, layout and page count of a document made of ``pages`` (numbered in order)."""
    paged = Paged(UNITS[fmt], ordered=fmt == "pdf")
    n = 0
    for n, page in enumerate(pages, start=1):
        paged.add(page, n)
    return paged.text(), paged.layout, n
