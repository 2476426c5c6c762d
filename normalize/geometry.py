"""Pages as geometry: the text lines of a PDF or OCR page with their boxes and type sizes, and the page's graphics.

The PDF and OCR readers turn a page into a ``PageLayout`` of ``TextLine`` objects and ``Box`` graphics; the reading
order (``normalize.order``) and the loader read them. Coordinates are page units (points for PDF, pixels for OCR) with
y growing downward from the page's top edge. Beside the shapes: the size a page's body is set in (the unit of every
tolerance), the overlap of two spans, which the reading order's modules share, and the page's column gutters, which
both the PDF's line grouping and the OCR lines' cutting read.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

Box = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in page units, y downward from the top edge."""


class Boxed(Protocol):
    """Anything with a box: a line, or a piece of one."""

    x0: float
    top: float
    x1: float
    bottom: float


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
    ocr: bool = False  # its lines are an OCR engine's, in the engine's order (an OCR file, a PDF's OCR layer)


UPRIGHT_LINES, UPRIGHT_WIDTH = 3, 1.5
"""An upright title (a line read top to bottom) is at least this many of its characters tall, at most this many
wide."""


def upright(line: Any) -> bool:
    """A line read top to bottom (``UPRIGHT_LINES``): anything with a box and a size.

    >>> upright(TextLine("日本上半财年", 110, 0, 125, 90, 15.0)), upright(TextLine("日本", 0, 0, 30, 15, 15.0))
    (True, False)
    """
    return line.bottom - line.top >= UPRIGHT_LINES * line.size and line.x1 - line.x0 <= UPRIGHT_WIDTH * line.size
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


DISPLAY_EM = 1.5
"""An OCR line set this much larger than its page's body type, by its size (tesseract's x-height) and by its box's
height both, is set in display type (``in_display_type``). Either alone is too rough: tesseract gives a paragraph's
lines one x-height, and a blot or a stray glyph stretches a line's box."""


def in_display_type(size: float, height: float, body: float, body_height: float) -> bool:
    """Whether an OCR line of ``size`` and box ``height`` is set in display type on a page whose body type has
    ``body`` and ``body_height`` (``DISPLAY_EM``).

    >>> in_display_type(57.3, 44, 30.5, 24), in_display_type(45.8, 26, 30.5, 24), in_display_type(30.5, 60, 30.5, 24)
    (True, False, False)
    >>> in_display_type(0.0, 0.0, 0.0, 0.0)  # (a page of empty boxes has no body type to compare with)
    False
    """
    return body > 0 and body_height > 0 and size >= DISPLAY_EM * body and height >= DISPLAY_EM * body_height


def display_reference(lines: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """What ``in_display_type`` compares an OCR page's lines with: the median of their sizes and the median of their
    box heights, each line given as (size, height); (0, 0) for no lines.

    >>> display_reference([(30.5, 24), (57.3, 44), (30.5, 25)]), display_reference([])
    ((30.5, 25), (0.0, 0.0))
    """
    if not lines:
        return 0.0, 0.0
    middle = len(lines) // 2
    return sorted(size for size, _ in lines)[middle], sorted(height for _, height in lines)[middle]


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


# -- column gutters ------------------------------------------------------------------------------------------------

EDGE_EM = 0.3
"""Line ends within this much of each other stand at one column edge."""
EDGE_LINES = 3
"""Lines that must end (or start) at an edge for it to be a column's edge."""
WHITE_EM = 0.5
"""A word may reach this far into a gutter that is still white (hanging punctuation, a loose OCR box)."""
GUTTER_EM = 2.5
"""The widest white between one column's right edge and the next column's left edge that is still a gutter."""


@dataclass(frozen=True, slots=True)
class Gutter:
    """The white between a column's right edge and the next column's left edge (page units)."""

    right: float  # the left column's right edge
    left: float  # the right column's left edge

    def white(self, x1: float, x0: float, em: float) -> bool:
        """Whether white from ``x1`` to ``x0`` goes through the gutter (``WHITE_EM`` aside).

        >>> Gutter(534.0, 562.0).white(530, 565, 37.0), Gutter(534.0, 562.0).white(400, 520, 37.0)
        (True, False)
        """
        return x1 <= self.right + WHITE_EM * em and x0 >= self.left - WHITE_EM * em


def gutters(lines: Sequence[Boxed], em: float) -> list[Gutter]:
    """The column gutters of a page: a right edge where lines end and, less than ``GUTTER_EM`` to its right,
    a left edge where lines start, each shared by ``EDGE_LINES`` lines or more, that many of them beside each
    other (``_side_by_side``), level or not: a word processor's columns may stand half a line apart.

    ``lines`` may be lines or pieces of lines: anything with ``x0``, ``x1``, ``top`` and ``bottom``.

    Example: dev09's four columns, lines ending at 534 and starting at 562. Near misses: lines that end at one
    place with none starting just right of it (a page's right margin), and paragraphs' indented first lines,
    which start two ems in from their column's edge and so too far from the left column's edge, and edges near
    each other whose lines are never level (a short column under a long one).

    >>> def col(x0, x1, n, indent=0, down=0):
    ...     return [TextLine("甲" * 10, x0 + indent, 40.0 * k + down, x1, 40.0 * k + 30 + down, 37.0) for k in range(n)]
    >>> gutters(col(126, 534, 4) + col(562, 969, 4), 37.0)
    [Gutter(right=534.0, left=562.0)]
    >>> gutters(col(126, 534, 4) + col(640, 969, 4), 37.0)
    []
    >>> gutters(col(126, 534, 4) + col(562, 969, 4, indent=74), 37.0)
    []
    >>> gutters(col(126, 534, 4) + col(562, 969, 4, down=400), 37.0)
    []
    >>> gutters(col(126, 534, 4) + col(562, 969, 4, down=20), 37.0)  # (half a line apart: bulletin seed 61)
    [Gutter(right=534.0, left=562.0)]
    """
    rights = _edges([line.x1 for line in lines], em)
    lefts = _edges([line.x0 for line in lines], em)
    found = []
    for right in rights:
        nearest = min((left for left in lefts if left > right), default=None)
        if nearest is None or nearest - right > GUTTER_EM * em:
            continue
        if _side_by_side(lines, right, nearest, em) >= EDGE_LINES:
            found.append(Gutter(right, nearest))
    return found


def _side_by_side(lines: Sequence[Boxed], right: float, left: float, em: float) -> int:
    """How many lines end at ``right`` with a line beside them (some of their heights shared) that starts at
    ``left``: two columns side by side (``EDGE_LINES`` of them or more), not edges that only happen to fall near
    each other, one column's lines above the other's."""
    enders = [line for line in lines if abs(line.x1 - right) <= EDGE_EM * em]
    starters = sorted((line for line in lines if abs(line.x0 - left) <= EDGE_EM * em), key=lambda line: line.top)
    tops = [line.top for line in starters]
    tallest = max((line.bottom - line.top for line in starters), default=0.0)
    level = 0
    for a in enders:
        level += any(overlap(a.top, a.bottom, b.top, b.bottom) > 0
                     for b in starters[bisect_left(tops, a.top - tallest):bisect_left(tops, a.bottom)])
    return level


def _edges(xs: list[float], em: float) -> list[float]:
    """The places where ``EDGE_LINES`` or more of ``xs`` fall within ``EDGE_EM`` of their neighbours: the median
    of each such run."""
    runs: list[list[float]] = []
    for x in sorted(xs):
        if runs and x - runs[-1][-1] <= EDGE_EM * em:
            runs[-1].append(x)
        else:
            runs.append([x])
    return [statistics.median(run) for run in runs if len(run) >= EDGE_LINES]
