"""ALTO XML (v2, v3, v4 or no namespace) read into ``PageLayout`` pages: every ``Page`` with its text lines,
their boxes, sizes and fonts, the block each is in, and the page's graphical elements and illustrations.

Coordinates stay in the file's ``MeasurementUnit``; a line's size is its style's FONTSIZE in that unit (for a pixel
file, scaled by the page's own line heights), else its height. Words are joined as tesseract's text output joins
them (``normalize.ocrxml.join_words``), a hyphenated word keeps its printed halves. An XML file whose root is not
``alto`` (a METS file beside the pages) raises ``NotAlto``, which the loader skips with a note.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .chardata import WORD_CHAR_RE
from .errors import BadInput, NotAPage
from .geometry import Box, PageLayout, TextLine
from .gutters import cut_at_gutters
from .ocrxml import Word, collapse_spaces, describe, join_words, parse_numbers, union_box
from .xmlsafe import local_name, parse_xml

_Qualify = Callable[[str], str]  # an ALTO local name in the file's namespace

# ALTO MeasurementUnit -> file units per typographic point (pixel files have no resolution; see _pixels_per_point)
UNITS_PER_POINT = {"mm10": 254 / 72, "inch1200": 1200 / 72}
NO_ALTO_LINES = "no text lines (TextLine) in the ALTO; was it made with tesseract <image> <base> -l chi_sim alto?"
NOT_ALTO = "an XML file whose root is <{root}>, not <alto>: not an ALTO page (a METS file beside the pages?)"


class NotAlto(NotAPage):
    """An XML file that is not ALTO, such as the METS file beside a newspaper's ALTO pages.

    The loader can skip it with a note instead of failing the batch.

    >>> str(NotAlto("issue/mets.xml", NOT_ALTO.format(root="mets")))
    'issue/mets.xml: an XML file whose root is <mets>, not <alto>: not an ALTO page (a METS file beside the pages?)'
    """


@dataclass(frozen=True, slots=True)
class _Style:
    size: float | None  # FONTSIZE, in points
    font: str


def read_alto(data: bytes, *, name: str, cut: bool = True) -> list[PageLayout]:
    """Every ``Page`` of an ALTO file (v2, v3, v4 or no namespace) as a ``PageLayout``.

    Coordinates stay in the file's ``MeasurementUnit``. A line's text is its ``String``
    CONTENTs: an ``SP`` between two is a word boundary decided by ``join_words``, Strings
    without one are one word, a ``HYP`` is the hyphen as printed; a hyphenated word keeps its
    printed halves, never its SUBS_CONTENT. A line's size is its style's FONTSIZE in the file's
    unit, else its height. An XML file whose root is not ``alto`` raises ``NotAlto``. A line read across a column
    gutter is cut at it and its pieces put back in their columns (``normalize.gutters``), unless ``cut`` is false.

    >>> page, = read_alto(b'''<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description>
    ... <Styles><TextStyle ID="T1" FONTSIZE="9" FONTFAMILY="Times"/></Styles><Layout>
    ... <Page WIDTH="2100" HEIGHT="2970" PHYSICAL_IMG_NR="3"><PrintSpace><TextBlock STYLEREFS="T1">
    ... <TextLine HPOS="100" VPOS="200" WIDTH="500" HEIGHT="40"><String CONTENT="New"/><SP/>
    ... <String CONTENT="York"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>''', name="p.xml")
    >>> page.number, page.lines[0].text, round(page.lines[0].size, 1), page.lines[0].font
    (3, 'New York', 31.8, 'Times')
    """
    root = parse_xml(data, name=name, kind="ALTO")
    if local_name(root.tag) != "alto":
        raise NotAlto(name, NOT_ALTO.format(root=local_name(root.tag)))
    ns = root.tag[: -len("alto")]

    def q(local: str) -> str:
        return ns + local

    # (a file that names no unit is taken to be in pixels, as tesseract's are)
    unit = (root.findtext(f"{q('Description')}/{q('MeasurementUnit')}") or "pixel").strip().lower()
    styles = {
        style.get("ID", ""): _Style(_font_size(style.get("FONTSIZE"), name=name), style.get("FONTFAMILY", ""))
        for style in root.iter(q("TextStyle"))
    }
    page_elements = list(root.iter(q("Page")))
    numbers = _alto_page_numbers(page_elements)
    pages = [_alto_page(el, number, q, styles, unit, name=name, cut=cut) for el, number in zip(page_elements, numbers)]
    if not any(page.lines for page in pages):
        raise BadInput(name, NO_ALTO_LINES)
    return pages


def _font_size(value: str | None, *, name: str) -> float | None:
    return parse_numbers(value, 1, what="FONTSIZE of TextStyle", name=name)[0] if value else None


def _alto_page_numbers(pages: Sequence[Element]) -> list[int]:
    """Page numbers from PHYSICAL_IMG_NR, made 1-based where a file counts from 0 (tesseract does).

    Where a page has no such number, or it is not a whole number, the pages are numbered in order.

    >>> _alto_page_numbers([Element("Page", PHYSICAL_IMG_NR="0"), Element("Page", PHYSICAL_IMG_NR="1")])
    [1, 2]
    >>> _alto_page_numbers([Element("Page", PHYSICAL_IMG_NR="12")]), _alto_page_numbers([Element("Page")] * 2)
    ([12], [1, 2])
    """
    given = [page.get("PHYSICAL_IMG_NR", "").strip() for page in pages]
    if not all(n.isdigit() for n in given):
        return list(range(1, len(pages) + 1))
    numbers = [int(n) for n in given]
    offset = 1 if 0 in numbers else 0
    return [n + offset for n in numbers]


def _alto_box(element: Element, *, name: str) -> Box | None:
    """HPOS/VPOS/WIDTH/HEIGHT as a box; None where one of them is missing."""
    values = [element.get(key) for key in ("HPOS", "VPOS", "WIDTH", "HEIGHT")]
    if any(v is None for v in values):
        return None
    x, y, w, h = parse_numbers(" ".join(v or "" for v in values), 4, what=f"position of {describe(element)}", name=name)
    return (x, y, x + w, y + h)


@dataclass(frozen=True, slots=True)
class _AltoLine:
    """A TextLine as read, before its size is known: its words, box, style and block."""

    words: list[Word]
    box: Box
    style: _Style | None
    block: int


def _alto_page(
    page: Element, number: int, q: _Qualify, styles: dict[str, _Style], unit: str, *, name: str, cut: bool
) -> PageLayout:
    found: list[_AltoLine] = []
    rules: list[Box] = []
    images: list[Box] = []
    blocks = 0
    for element in page.iter():
        if element.tag == q("TextBlock"):
            block_style = _style_of(element, styles)
            for line in element.iter(q("TextLine")):
                words, string_boxes, string_style = _alto_words(line, q, styles, name=name)
                if not words:
                    continue
                box = _alto_box(line, name=name) or union_box(string_boxes)
                if box is None:
                    raise BadInput(name, f"{describe(line)} has no position, nor have its Strings")
                style = _style_of(line, styles) or string_style or block_style
                found.append(_AltoLine(words, box, style, blocks))
            blocks += 1
        elif element.tag in (q("GraphicalElement"), q("Illustration")):
            box = _alto_box(element, name=name)
            if box is not None:
                (rules if element.tag == q("GraphicalElement") else images).append(box)
    scale = UNITS_PER_POINT.get(unit) or _pixels_per_point(found)
    heights = line_heights(found)
    lines = []
    for line, height in zip(found, heights):
        style = line.style
        size = style.size * scale if style and style.size and scale else height
        # (words are joined by the em their box gives, as before: a size read from the words is no spacing)
        text = join_words(line.words, em=style.size * scale if style and style.size and scale
                          else line.box[3] - line.box[1])
        lines.append(TextLine(text, *line.box, size=size, font=style.font if style else "", block=line.block))
    if cut:
        lines = cut_at_gutters(lines, [line.words for line in found])
    width = parse_numbers(page.get("WIDTH", "0"), 1, what="WIDTH of Page", name=name)[0]
    height = parse_numbers(page.get("HEIGHT", "0"), 1, what="HEIGHT of Page", name=name)[0]
    if not (width and height):  # no page size given: the extent of its lines
        extent = union_box([line.box for line in lines]) or (0.0, 0.0, 0.0, 0.0)
        width, height = width or extent[2], height or extent[3]
    return PageLayout(number=number, width=width, height=height, lines=lines, rules=rules, images=images)


STRETCHED = 1.3
"""A line this much taller than its words say is stretched by a stray glyph or a blot the engine put in it."""
SHRUNK = 0.4
"""... but it is never made shorter than this share of its box."""


def line_heights(found: Sequence[_AltoLine]) -> list[float]:
    """Each line's height, the size of its type where the file gives no font size: its box's height, but for a
    line stretched by a stray glyph or a blot (``STRETCHED``), the height its words give, on the page's scale
    (the median ratio of a line's height to its words' on that page). The words' height is the median of those
    with a letter or a Han character in them (three at least): a mark's ink is far shorter than its em, a merged
    blot taller; and a line is never made shorter than ``SHRUNK`` of its box.

    Example: sanmen02 through tesseract, whose body lines are 21 px tall but some 36 to 46 (``召群众争做文明市``,
    its last words boxed 36 px tall), so that they seemed set a size up and parted from their column. Near miss:
    a line as tall as its words say.

    >>> words = [Word("字", 0, 20, 0, 20), Word("字", 20, 40, 0, 20), Word("字", 40, 60, 0, 20)]
    >>> body = _AltoLine(words, (0, 0, 60, 21), None, 0)
    >>> tall = _AltoLine([*words, Word("争", 60, 80, 0, 36)], (0, 0, 80, 36), None, 0)
    >>> line_heights([body, body, tall])
    [21.0, 21.0, 21.0]
    >>> line_heights([body, _AltoLine(words, (0, 0, 60, 24), None, 0)])
    [21.0, 24.0]
    """
    ratios = []
    typical: list[float | None] = []
    for line in found:
        heights = [w.bottom - w.top for w in line.words
                   if w.top is not None and w.bottom is not None and WORD_CHAR_RE.search(w.text)]
        middle = statistics.median(heights) if len(heights) >= 3 else 0.0
        typical.append(middle if middle > 0 else None)
        if middle > 0:
            ratios.append((line.box[3] - line.box[1]) / middle)
    ratio = statistics.median(ratios) if ratios else 1.0
    out = []
    for line, q in zip(found, typical):
        box = float(line.box[3] - line.box[1])
        out.append(max(q * ratio, SHRUNK * box) if q and box > STRETCHED * q * ratio else box)
    return out


def _pixels_per_point(found: Sequence[_AltoLine]) -> float | None:
    """For a pixel file, whose resolution ALTO does not record: the page's median of line height
    over font size, so that a line's size is its type's em in pixels and sizes keep their ratios.

    >>> body, head = _Style(10.0, ""), _Style(20.0, "")
    >>> _pixels_per_point([_AltoLine([], (0, 0, 9, 40), body, 0), _AltoLine([], (0, 0, 9, 88), head, 0)])
    4.2
    >>> _pixels_per_point([_AltoLine([], (0, 0, 9, 40), None, 0)]) is None
    True
    """
    ratios = [
        (line.box[3] - line.box[1]) / line.style.size
        for line in found
        if line.style and line.style.size and line.box[3] > line.box[1]
    ]
    return statistics.median(ratios) if ratios else None


def _style_of(element: Element, styles: dict[str, _Style]) -> _Style | None:
    """The first TextStyle named in an element's STYLEREFS (which may also name paragraph styles)."""
    for ref in element.get("STYLEREFS", "").split():
        if ref in styles:
            return styles[ref]
    return None


def _alto_words(
    line: Element, q: _Qualify, styles: dict[str, _Style], *, name: str
) -> tuple[list[Word], list[Box], _Style | None]:
    """A TextLine's words, the boxes of its Strings, and the style most of its characters have.

    An SP parts two words; Strings with no SP between them are one word (a style change inside
    it), unless the line has no SP at all, when each String is a word. A HYP is written on to the
    word before it as printed.
    """
    has_spaces = line.find(q("SP")) is not None
    words: list[Word] = []
    boxes: list[Box] = []
    style_chars: Counter[_Style] = Counter()
    glue = False  # the next String goes on to the last word
    for child in line:
        if child.tag == q("SP"):
            glue = False
        elif child.tag == q("HYP"):
            words = _glued(words, Word(collapse_spaces(child.get("CONTENT", "-")) or "-"))
            glue = False
        elif child.tag == q("String"):
            text = collapse_spaces(child.get("CONTENT", ""))
            if not text:
                continue
            box = _alto_box(child, name=name)
            word = Word(text, box[0], box[2], box[1], box[3]) if box else Word(text)
            words = _glued(words, word) if glue else [*words, word]
            glue = has_spaces
            if box:
                boxes.append(box)
            if style := _style_of(child, styles):
                style_chars[style] += len(text)
    common = style_chars.most_common(1)
    return words, boxes, common[0][0] if common else None


def _glued(words: list[Word], word: Word) -> list[Word]:
    """``words`` with ``word`` written on to the last of them (no space between).

    >>> _glued([Word("a", 0, 5), Word("exam", 10, 40)], Word("-", 40, 44))
    [Word(text='a', x0=0, x1=5, top=None, bottom=None), Word(text='exam-', x0=10, x1=44, top=None, bottom=None)]
    """
    if not words:
        return [word]
    last = words[-1]
    x1 = word.x1 if word.x1 is not None else last.x1
    return [*words[:-1], Word(last.text + word.text, last.x0, x1, last.top, last.bottom)]
