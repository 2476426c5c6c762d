"""Tesseract's hOCR read into ``PageLayout`` pages: every ``ocr_page`` with its text lines, their boxes and
sizes, the paragraph each is in, and the page's separators and photos.

A line's text is its words joined as tesseract's text output joins them (``normalize.ocrxml.join_words``);
coordinates are the file's pixels, y down. The XML is parsed safely (``normalize.xmlsafe``), and a file without
text lines, or with a malformed ``title`` property, is a one-line ``BadInput``.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from .errors import BadInput
from .geometry import Box, PageLayout, TextLine
from .gutters import cut_at_gutters
from .ocrxml import Word, collapse_spaces, describe, join_words, parse_numbers, union_box
from .xmlsafe import parse_xml

# tesseract's hOCR classes: text lines, the regions ("blocks") around them, and graphics
HOCR_LINE_CLASSES = frozenset({"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"})
HOCR_BLOCK_CLASSES = frozenset({"ocr_carea", "ocrx_block", "ocr_par"})
HOCR_RULE_CLASSES = frozenset({"ocr_separator"})
HOCR_IMAGE_CLASSES = frozenset({"ocr_photo", "ocr_image", "ocr_linedrawing"})
# hOCR title properties are separated by ";", which may also appear inside a quoted value
_TITLE_PROPERTY_RE = re.compile(r'(?:[^;"]|"[^"]*")+')
NO_HOCR_LINES = "no text lines (ocr_line) in the hOCR; was it made with tesseract <image> <base> -l chi_sim hocr?"


def parse_title(title: str) -> dict[str, str]:
    """The properties of an hOCR ``title`` attribute, each name mapped to its raw value.

    >>> parse_title('bbox 104 119 285 158; baseline 0 0; x_size 51.333332')
    {'bbox': '104 119 285 158', 'baseline': '0 0', 'x_size': '51.333332'}
    >>> parse_title('image "scan; page 1.png"; bbox 0 0 1653 2339 ; ppageno 0')
    {'image': '"scan; page 1.png"', 'bbox': '0 0 1653 2339', 'ppageno': '0'}
    >>> parse_title('')
    {}
    """
    properties: dict[str, str] = {}
    for part in _TITLE_PROPERTY_RE.findall(title):
        key, _, value = part.strip().partition(" ")
        if key:
            properties.setdefault(key, value.strip())
    return properties


def _classes(element: Element) -> frozenset[str]:
    return frozenset(element.get("class", "").split())


def _title_box(element: Element, *, name: str) -> Box | None:
    """An hOCR element's ``bbox``; None where it has none."""
    value = parse_title(element.get("title", "")).get("bbox")
    if value is None:
        return None
    x0, top, x1, bottom = parse_numbers(value, 4, what=f"bbox in {describe(element)}", name=name)
    return (x0, top, x1, bottom)


def read_hocr(data: bytes, *, name: str, cut: bool = True) -> list[PageLayout]:
    """Every ``ocr_page`` of a tesseract hOCR file as a ``PageLayout`` (pixels, y down).

    Each line (``ocr_line``, ``ocrx_line``, ``ocr_caption``, ``ocr_header``, ``ocr_textfloat``)
    is joined from its ``ocrx_word``s by ``join_words``; its size is ``x_size`` where the title
    gives one, else its box height; ``block`` is the index of its paragraph (``ocr_par``, else
    ``ocr_carea``) on the page, where tesseract's text output puts a blank line.
    Separators become ``rules`` and photos ``images``. The page number is ``ppageno`` + 1.
    A line read across a column gutter is cut at it and its pieces put back in their columns
    (``normalize.gutters``), unless ``cut`` is false: then the lines are tesseract's, as its text output has them.

    >>> page, = read_hocr('''<html><body><div class="ocr_page" title="bbox 0 0 600 800; ppageno 0">
    ...   <div class="ocr_carea"><span class="ocr_line" title="bbox 10 20 200 50; x_size 30">
    ...     <span class="ocrx_word" title="bbox 10 20 70 50">民生</span>
    ...     <span class="ocrx_word" title="bbox 70 20 130 50">周刊</span></span></div>
    ... </div></body></html>'''.encode(), name="p.hocr")
    >>> page.number, page.width, page.lines[0].text, page.lines[0].size
    (1, 600.0, '民生周刊', 30.0)
    """
    root = parse_xml(data, name=name, kind="hOCR")
    page_elements = [el for el in root.iter() if "ocr_page" in _classes(el)]
    pages = [_hocr_page(el, order, name=name, cut=cut) for order, el in enumerate(page_elements, start=1)]
    if not any(page.lines for page in pages):
        raise BadInput(name, NO_HOCR_LINES)
    return pages


def _hocr_page(page: Element, order: int, *, name: str, cut: bool) -> PageLayout:
    lines: list[TextLine] = []
    words: list[list[Word]] = []  # each line's
    rules: list[Box] = []
    images: list[Box] = []
    blocks = 0
    # depth first in document order; the stack holds (element, index of the block it is in)
    stack: list[tuple[Element, int | None]] = [(child, None) for child in reversed(page)]
    while stack:
        element, block = stack.pop()
        classes = _classes(element)
        if classes & HOCR_LINE_CLASSES:
            if block is None:  # a line outside any block is a block of its own
                block, blocks = blocks, blocks + 1
            read = _hocr_line(element, block, name=name)
            if read is not None:
                lines.append(read[0])
                words.append(read[1])
            continue
        if classes & HOCR_BLOCK_CLASSES:
            block, blocks = blocks, blocks + 1
        elif classes & (HOCR_RULE_CLASSES | HOCR_IMAGE_CLASSES):
            box = _title_box(element, name=name)
            if box is not None:
                (rules if classes & HOCR_RULE_CLASSES else images).append(box)
        stack.extend((child, block) for child in reversed(element))
    if cut:
        lines = cut_at_gutters(lines, words)
    dense: dict[int, int] = {}  # blocks numbered as their lines come: a paragraph inside an area is one
    for line in lines:
        line.block = dense.setdefault(line.block, len(dense))
    properties = parse_title(page.get("title", ""))
    number = order
    if "ppageno" in properties:
        number = int(parse_numbers(properties["ppageno"], 1, what="ppageno of ocr_page", name=name)[0]) + 1
    box = _title_box(page, name=name) or union_box([line.box for line in lines]) or (0.0, 0.0, 0.0, 0.0)
    return PageLayout(number=number, width=box[2], height=box[3], lines=lines, rules=rules, images=images)


def _hocr_line(element: Element, block: int, *, name: str) -> tuple[TextLine, list[Word]] | None:
    """One hOCR line as a TextLine, and its words; None for a line without text."""
    word_elements = [el for el in element.iter() if "ocrx_word" in _classes(el)]
    words: list[Word] = []
    boxes: list[Box] = []
    for word_element in word_elements:
        text = collapse_spaces("".join(word_element.itertext()))
        if not text:
            continue
        box = _title_box(word_element, name=name)
        words.append(Word(text, box[0], box[2], box[1], box[3]) if box else Word(text))
        if box:
            boxes.append(box)
    if not word_elements:  # a line without word markup: its text as it stands
        words = [Word(text)] if (text := collapse_spaces("".join(element.itertext()))) else []
    if not words:
        return None
    box = _title_box(element, name=name) or union_box(boxes)
    if box is None:
        raise BadInput(name, f"{describe(element)} has no bbox, nor have its words")
    x_size = parse_title(element.get("title", "")).get("x_size")
    size = parse_numbers(x_size, 1, what=f"x_size in {describe(element)}", name=name)[0] if x_size else 0.0
    size = size if size > 0 else box[3] - box[1]
    return TextLine(join_words(words, em=size), *box, size=size, block=block), words

