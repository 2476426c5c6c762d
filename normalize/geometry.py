"""Pages as geometry: the text lines of a PDF or OCR page with their boxes and type sizes.

The PDF and OCR readers turn a page into a ``PageLayout``; the loader writes its lines, in
reading order, as the document's ``text`` and their boxes as its ``layout``. Coordinates are
page units (points for PDF, pixels for OCR) with y growing downward from the page's top edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in page units, y downward from the top edge."""


@dataclass(slots=True)
class TextLine:
    """One printed line of one column: its text, its box and the size of its type."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the em of its type: PDF font size times the text matrix scale; OCR: the line's x_size
    font: str = ""  # the font's name where the file gives one (PDF)
    block: int = 0  # the reading-order region (a column of a band) the line was read in

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class PageLayout:
    """The lines of one page, and the graphics that part its articles."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]
    rules: list[Box] = field(default_factory=list)  # ruling lines and frames (path objects)
    images: list[Box] = field(default_factory=list)  # photos and drawings (image objects)
