"""Pages as geometry: the text lines of a PDF or OCR page with their boxes and type sizes, and the page's graphics.

The PDF and OCR readers turn a page into a ``PageLayout`` of ``TextLine`` objects and ``Box`` graphics; the reading
order (``normalize.order``) and the loader read them. Coordinates are page units (points for PDF, pixels for OCR) with
y growing downward from the page's top edge. Beside the shapes: the size a page's body is set in (the unit of every
tolerance) and the overlap of two spans, which the reading order's modules share.
"""

from __future__ import annotations

from collections.abc import Iterable
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


WALL_SLACK_EM = 0.25
"""Boxes may overlap by this much and still be apart: hanging punctuation, a rule's stroke, a photo's edge."""


def body_size(lines: list[TextLine]) -> float:
    """The size most of a page's characters are set in: the unit of its tolerances.

    >>> body_size([TextLine("甲乙丙", 0, 0, 30, 10, 10.0), TextLine("大标题", 0, 20, 60, 40, 20.0)])
    10.0
    >>> body_size([])
    10.0
    """
    weight: dict[float, int] = {}
    for line in lines:
        weight[line.size] = weight.get(line.size, 0) + len(line.text)
    return max(weight, key=lambda size: (weight[size], -size)) if weight else 10.0


def bounds(boxes: Iterable[Box]) -> Box:
    """The smallest box holding all of ``boxes`` (at least one).

    >>> bounds([(0, 5, 10, 8), (4, 2, 6, 12)])
    (0, 2, 10, 12)
    """
    x0s, tops, x1s, bottoms = zip(*boxes)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """How much [a0, a1] and [b0, b1] overlap (negative: the gap between them).

    >>> overlap(0, 10, 5, 20), overlap(0, 10, 12, 20)
    (5, -2)
    """
    return min(a1, b1) - max(a0, b0)
