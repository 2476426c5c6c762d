"""OCR output with boxes, tesseract's hOCR and ALTO XML (v2-v4), read into ``PageLayout`` pages.

``read_hocr`` and ``read_alto`` give every page's text lines with their boxes and type sizes, in
the file's order and units; ``sniff`` tells the two formats apart from a file's first bytes. The
XML is parsed by expat with no entity expansion, no external entities and no network: a file that
declares entities (billion laughs, quadratic blowup, external entities) is refused, and every bad
input is a one-line ``BadInput``.
"""

from __future__ import annotations

import codecs
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from .errors import BadInput
from .geometry import Box, PageLayout, TextLine

_Qualify = Callable[[str], str]  # an ALTO local name in the file's namespace

SNIFF_BYTES = 8192  # sniff reads this much of a file's start

# tesseract's hOCR classes: text lines, the regions ("blocks") around them, and graphics
HOCR_LINE_CLASSES = frozenset({"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"})
HOCR_BLOCK_CLASSES = frozenset({"ocr_carea", "ocrx_block", "ocr_par"})
HOCR_RULE_CLASSES = frozenset({"ocr_separator"})
HOCR_IMAGE_CLASSES = frozenset({"ocr_photo", "ocr_image", "ocr_linedrawing"})

# ALTO MeasurementUnit -> file units per typographic point (pixel files have no resolution; see _pixels_per_point)
UNITS_PER_POINT = {"mm10": 254 / 72, "inch1200": 1200 / 72}

# Word gaps, in ems of the line's type. A gap this wide inside one line is a column gap or a
# tab stop: tesseract writes one space per space width there, which we approximate by one per em,
# never fewer than the three that the text stages read as a column gap.
WIDE_GAP_EMS = 2.0
WIDE_GAP_MIN_SPACES = 3
# A Latin word or number beside a Chinese character is spaced when the gap between them is wider
# than this (a printed space, or a full-width mark read as an ASCII one: "（" -> "(").
NARROW_SPACE_EMS = 0.5

# Scripts written without spaces between words (tesseract's "not space delimited": Han, kana,
# hangul, Thai). tesseract splits a line into words at each such character without a space, and
# everywhere else only at a space.
_UNSPACED_RE = re.compile(
    "[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff"
    "\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9d"
    "\U00020000-\U0003134f]"
)
_SPACE_RUN_RE = re.compile(r"\s+")
# hOCR title properties are separated by ";", which may also appear inside a quoted value
_TITLE_PROPERTY_RE = re.compile(r'(?:[^;"]|"[^"]*")+')
_SNIFF_SKIP_RE = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_FIRST_TAG_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")
_DECLARED_ENCODING_RE = re.compile(rb"<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# the encodings expat reads itself; a file in any other (GB18030, GBK, Big5: expat reads no
# multi-byte encoding) is decoded before it is parsed
EXPAT_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"})

NOT_WELL_FORMED = "not well-formed XML at line {line}: {reason}; is it a complete {kind} file?"
ENTITIES_REFUSED = "declares XML entities (line {line}), refused for safety"
OUTSIDE_ENTITY_REFUSED = "refers to entity &{entity}; defined outside the file (line {line}), not read for safety"
NO_HOCR_LINES = "no text lines (ocr_line) in the hOCR; was it made with tesseract <image> <base> -l chi_sim hocr?"
NO_ALTO_LINES = "no text lines (TextLine) in the ALTO; was it made with tesseract <image> <base> -l chi_sim alto?"
NOT_ALTO = "an XML file whose root is <{root}>, not <alto>: not an ALTO page (a METS file beside the pages?)"


class NotAlto(BadInput):
    """An XML file that is not ALTO, such as the METS file beside a newspaper's ALTO pages.

    The loader can skip it with a note instead of failing the batch.

    >>> str(NotAlto("issue/mets.xml", NOT_ALTO.format(root="mets")))
    'issue/mets.xml: an XML file whose root is <mets>, not <alto>: not an ALTO page (a METS file beside the pages?)'
    """


@dataclass(frozen=True, slots=True)
class Word:
    """One OCR word: its text and, where the file gives them, its left and right edges."""

    text: str
    x0: float | None = None
    x1: float | None = None


# -- joining words -----------------------------------------------------------------------------------


def is_unspaced(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written without spaces (Han, kana, hangul, Thai).

    >>> [is_unspaced(c) for c in "中カ，A1"]
    [True, True, False, False, False]
    """
    return bool(_UNSPACED_RE.match(ch))


def _is_narrow(ch: str) -> bool:
    """A half-width character (ASCII letters, digits, marks) that is not itself unspaced."""
    return unicodedata.east_asian_width(ch) in ("Na", "H") and not is_unspaced(ch)


def word_separator(left: Word, right: Word, *, em: float) -> str:
    """The spaces tesseract's text output puts between two words of one line.

    A Han (or kana) character joins its neighbour directly and any other two words keep one
    space: tesseract splits a line into words at every such character, elsewhere only at a
    space. Where the boxes are given, a gap of two ems or more (a column gap) gets a space per
    em, at least three, and a Latin word or number beside a Han character is spaced when the
    gap between them is over half an em.

    >>> word_separator(Word("民生"), Word("周刊"), em=30)
    ''
    >>> word_separator(Word("COVID-19"), Word("pandemic"), em=30)
    ' '
    >>> word_separator(Word("2024"), Word("年"), em=30), word_separator(Word("，"), Word("”"), em=30)
    ('', ' ')
    >>> word_separator(Word("第", 0, 30), Word("5", 50, 65), em=30)
    ' '
    >>> word_separator(Word("景气", 0, 60), Word("域", 160, 190), em=30)
    '   '
    """
    gap = right.x0 - left.x1 if right.x0 is not None and left.x1 is not None else 0.0
    if em > 0 and gap >= WIDE_GAP_EMS * em:
        return " " * max(WIDE_GAP_MIN_SPACES, int(gap // em))
    a, b = left.text[-1], right.text[0]
    if not (is_unspaced(a) or is_unspaced(b)):
        return " "
    if (_is_narrow(a) or _is_narrow(b)) and gap > NARROW_SPACE_EMS * em:
        return " "
    return ""


def join_words(words: Sequence[Word], *, em: float) -> str:
    """A line's text from its words, as tesseract's text output joins them (never NFKC).

    >>> join_words([Word("2024"), Word("年"), Word("7"), Word("月"), Word("Dog"), Word("Days")], em=30)
    '2024年7月Dog Days'
    >>> join_words([], em=30)
    ''
    """
    parts: list[str] = []
    for i, word in enumerate(words):
        if i:
            parts.append(word_separator(words[i - 1], word, em=em))
        parts.append(word.text)
    return "".join(parts)


def collapse_spaces(text: str) -> str:
    """A word's text with whitespace runs made one space and none at either end.

    >>> collapse_spaces(" New \\n  York ")
    'New York'
    """
    return _SPACE_RUN_RE.sub(" ", text).strip()


# -- safe XML ----------------------------------------------------------------------------------------


class _Refused(Exception):
    """Raised inside an expat handler: the reason the file is refused."""


def parse_xml(data: bytes, *, name: str, kind: str) -> Element:
    """The element tree of ``data``, parsed by expat with no entity expansion and no external loads.

    Entity declarations are refused as they are read, so a billion-laughs or quadratic-blowup
    file costs nothing; references to entities defined outside the file (in an external DTD,
    which is never read) are refused too. Element and attribute names keep their namespace as
    "{uri}local". ``kind`` names the format in the error message.

    >>> parse_xml(b'<a xmlns="urn:x"><b c="1">t</b></a>', name="x.xml", kind="ALTO")[0].tag
    '{urn:x}b'
    >>> parse_xml(b'<a><b></a>', name="x.xml", kind="ALTO")
    Traceback (most recent call last):
    normalize.errors.BadInput: x.xml: not well-formed XML at line 1: mismatched tag; is it a complete ALTO file?
    >>> parse_xml(b'<!DOCTYPE a [<!ENTITY e "ee">]><a>&e;</a>', name="x.xml", kind="ALTO")
    Traceback (most recent call last):
    normalize.errors.BadInput: x.xml: declares XML entities (line 1), refused for safety
    """
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entities(*_: object) -> None:
        raise _Refused(ENTITIES_REFUSED.format(line=parser.CurrentLineNumber))

    def refuse_outside(entity: str, _is_parameter: bool) -> None:
        raise _Refused(OUTSIDE_ENTITY_REFUSED.format(entity=entity, line=parser.CurrentLineNumber))

    parser.EntityDeclHandler = refuse_entities
    parser.UnparsedEntityDeclHandler = refuse_entities
    # belt and braces: with declarations refused and no parameter entities, expat never calls it
    parser.ExternalEntityRefHandler = refuse_entities
    parser.SkippedEntityHandler = refuse_outside
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        _clark(tag), {_clark(key): value for key, value in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(_clark(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(_readable(data, name=name), True)
    except _Refused as refused:
        raise BadInput(name, str(refused)) from None
    except expat.ExpatError as err:
        reason = NOT_WELL_FORMED.format(line=err.lineno, reason=expat.ErrorString(err.code), kind=kind)
        raise BadInput(name, reason) from None
    except (LookupError, ValueError) as err:  # an encoding pyexpat cannot map that _readable let through
        raise BadInput(name, f"cannot read the encoding it declares ({err})") from None
    return builder.close()


def _readable(data: bytes, *, name: str) -> bytes | str:
    """``data`` as expat can read it: the bytes, or their text where a byte order mark or the XML
    declaration names an encoding expat does not read itself (expat then reads the text as UTF-8,
    whatever it declares).

    >>> _readable('<?xml version="1.0" encoding="GB18030"?><a>中</a>'.encode("gb18030"), name="x.xml")
    '<?xml version="1.0" encoding="GB18030"?><a>中</a>'
    >>> _readable(b'<?xml version="1.0" encoding="TF-8"?><a/>', name="x.xml")
    Traceback (most recent call last):
    normalize.errors.BadInput: x.xml: declares the unknown encoding 'TF-8' in its XML declaration
    """
    bom = next((codec for mark, codec in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    declared = None if bom else _DECLARED_ENCODING_RE.match(data)
    if declared is None and bom is None:
        return data
    label = bom or declared.group(1).decode("ascii", errors="replace")  # type: ignore[union-attr]
    try:
        if bom is None and codecs.lookup(label).name in EXPAT_ENCODINGS:
            return data
        return data.decode(label)
    except LookupError:  # no such codec, or one that is no text encoding (rot13, base64)
        raise BadInput(name, f"declares the unknown encoding {label!r} in its XML declaration") from None
    except UnicodeError as err:
        start = getattr(err, "start", 0)
        raise BadInput(name, f"not valid {label} (the encoding it declares) at byte {start}") from None


def _clark(name: str) -> str:
    """expat's "uri}local" as ElementTree's "{uri}local"."""
    return "{" + name if "}" in name else name


def _local(tag: str) -> str:
    """A tag without its namespace: "{uri}alto" -> "alto"."""
    return tag.rpartition("}")[2]


def sniff(data: bytes) -> str | None:
    """"hocr", "alto" or None, from the first few KB of a file.

    hOCR is an XHTML file that names ``ocr_page`` or ``ocr-system``; ALTO is an XML file whose
    root element is ``alto`` (in any namespace). A METS file, plain XHTML or text gives None.

    >>> sniff(b"<?xml version='1.0'?><alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'>")
    'alto'
    >>> sniff(b"<html><head><meta name='ocr-system' content='tesseract 5.3.0' />")
    'hocr'
    >>> sniff(b"<mets:mets xmlns:mets='http://www.loc.gov/METS/'><!-- alto files -->"), sniff("民生".encode())
    (None, None)
    """
    head = data[:SNIFF_BYTES]
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    text = _SNIFF_SKIP_RE.sub("", head.decode(encoding, errors="ignore"))
    first = _FIRST_TAG_RE.search(text)
    root = first.group(1).rpartition(":")[2].lower() if first else ""
    if root == "alto":
        return "alto"
    if root == "html" and ("ocr_page" in text or "ocr-system" in text):
        return "hocr"
    return None


# -- numbers -----------------------------------------------------------------------------------------


def _numbers(value: str, count: int, *, what: str, name: str) -> tuple[float, ...]:
    """``count`` numbers from a space-separated ``value``; a one-line BadInput if it is not that."""
    fields = value.split()
    try:
        numbers = tuple(float(field) for field in fields)
    except ValueError:
        numbers = ()
    if len(numbers) != count or not all(abs(n) < float("inf") for n in numbers):
        raise BadInput(name, f"bad {what}: {value!r}")
    return numbers


def _union(boxes: Sequence[Box]) -> Box | None:
    """The smallest box holding all of ``boxes``; None for none."""
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# -- hOCR --------------------------------------------------------------------------------------------


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
    x0, top, x1, bottom = _numbers(value, 4, what=f"bbox in {_describe(element)}", name=name)
    return (x0, top, x1, bottom)


def _describe(element: Element) -> str:
    """How an error names an element: its hOCR class or ALTO tag, and its id."""
    kind = element.get("class") or _local(element.tag)
    ident = element.get("id") or element.get("ID")
    return f"{kind} {ident}" if ident else kind


def read_hocr(data: bytes, *, name: str) -> list[PageLayout]:
    """Every ``ocr_page`` of a tesseract hOCR file as a ``PageLayout`` (pixels, y down).

    Each line (``ocr_line``, ``ocrx_line``, ``ocr_caption``, ``ocr_header``, ``ocr_textfloat``)
    is joined from its ``ocrx_word``s by ``join_words``; its size is ``x_size`` where the title
    gives one, else its box height; ``block`` is the index of its paragraph (``ocr_par``, else
    ``ocr_carea``) on the page, where tesseract's text output puts a blank line.
    Separators become ``rules`` and photos ``images``. The page number is ``ppageno`` + 1.

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
    pages = [_hocr_page(el, order, name=name) for order, el in enumerate(page_elements, start=1)]
    if not any(page.lines for page in pages):
        raise BadInput(name, NO_HOCR_LINES)
    return pages


def _hocr_page(page: Element, order: int, *, name: str) -> PageLayout:
    lines: list[TextLine] = []
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
            line = _hocr_line(element, block, name=name)
            if line is not None:
                lines.append(line)
            continue
        if classes & HOCR_BLOCK_CLASSES:
            block, blocks = blocks, blocks + 1
        elif classes & (HOCR_RULE_CLASSES | HOCR_IMAGE_CLASSES):
            box = _title_box(element, name=name)
            if box is not None:
                (rules if classes & HOCR_RULE_CLASSES else images).append(box)
        stack.extend((child, block) for child in reversed(element))
    dense: dict[int, int] = {}  # blocks numbered as their lines come: a paragraph inside an area is one
    for line in lines:
        line.block = dense.setdefault(line.block, len(dense))
    properties = parse_title(page.get("title", ""))
    number = order
    if "ppageno" in properties:
        number = int(_numbers(properties["ppageno"], 1, what="ppageno of ocr_page", name=name)[0]) + 1
    box = _title_box(page, name=name) or _union([line.box for line in lines]) or (0.0, 0.0, 0.0, 0.0)
    return PageLayout(number=number, width=box[2], height=box[3], lines=lines, rules=rules, images=images)


def _hocr_line(element: Element, block: int, *, name: str) -> TextLine | None:
    """One hOCR line as a TextLine; None for a line without text."""
    word_elements = [el for el in element.iter() if "ocrx_word" in _classes(el)]
    words: list[Word] = []
    boxes: list[Box] = []
    for word_element in word_elements:
        text = collapse_spaces("".join(word_element.itertext()))
        if not text:
            continue
        box = _title_box(word_element, name=name)
        words.append(Word(text, box[0], box[2]) if box else Word(text))
        if box:
            boxes.append(box)
    if not word_elements:  # a line without word markup: its text as it stands
        words = [Word(text)] if (text := collapse_spaces("".join(element.itertext()))) else []
    if not words:
        return None
    box = _title_box(element, name=name) or _union(boxes)
    if box is None:
        raise BadInput(name, f"{_describe(element)} has no bbox, nor have its words")
    x_size = parse_title(element.get("title", "")).get("x_size")
    size = _numbers(x_size, 1, what=f"x_size in {_describe(element)}", name=name)[0] if x_size else 0.0
    size = size if size > 0 else box[3] - box[1]
    return TextLine(join_words(words, em=size), *box, size=size, block=block)


# -- ALTO --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    size: float | None  # FONTSIZE, in points
    font: str


def read_alto(data: bytes, *, name: str) -> list[PageLayout]:
    """Every ``Page`` of an ALTO file (v2, v3, v4 or no namespace) as a ``PageLayout``.

    Coordinates stay in the file's ``MeasurementUnit``. A line's text is its ``String``
    CONTENTs: an ``SP`` between two is a word boundary decided by ``join_words``, Strings
    without one are one word, a ``HYP`` is the hyphen as printed; a hyphenated word keeps its
    printed halves, never its SUBS_CONTENT. A line's size is its style's FONTSIZE in the file's
    unit, else its height. An XML file whose root is not ``alto`` raises ``NotAlto``.

    >>> page, = read_alto(b'''<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description>
    ... <Styles><TextStyle ID="T1" FONTSIZE="9" FONTFAMILY="Times"/></Styles><Layout>
    ... <Page WIDTH="2100" HEIGHT="2970" PHYSICAL_IMG_NR="3"><PrintSpace><TextBlock STYLEREFS="T1">
    ... <TextLine HPOS="100" VPOS="200" WIDTH="500" HEIGHT="40"><String CONTENT="New"/><SP/>
    ... <String CONTENT="York"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>''', name="p.xml")
    >>> page.number, page.lines[0].text, round(page.lines[0].size, 1), page.lines[0].font
    (3, 'New York', 31.8, 'Times')
    """
    root = parse_xml(data, name=name, kind="ALTO")
    if _local(root.tag) != "alto":
        raise NotAlto(name, NOT_ALTO.format(root=_local(root.tag)))
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
    pages = [_alto_page(el, number, q, styles, unit, name=name) for el, number in zip(page_elements, numbers)]
    if not any(page.lines for page in pages):
        raise BadInput(name, NO_ALTO_LINES)
    return pages


def _font_size(value: str | None, *, name: str) -> float | None:
    return _numbers(value, 1, what="FONTSIZE of TextStyle", name=name)[0] if value else None


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
    x, y, w, h = _numbers(" ".join(v or "" for v in values), 4, what=f"position of {_describe(element)}", name=name)
    return (x, y, x + w, y + h)


@dataclass(frozen=True, slots=True)
class _AltoLine:
    """A TextLine as read, before its size is known: its words, box, style and block."""

    words: list[Word]
    box: Box
    style: _Style | None
    block: int


def _alto_page(
    page: Element, number: int, q: _Qualify, styles: dict[str, _Style], unit: str, *, name: str
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
                box = _alto_box(line, name=name) or _union(string_boxes)
                if box is None:
                    raise BadInput(name, f"{_describe(line)} has no position, nor have its Strings")
                style = _style_of(line, styles) or string_style or block_style
                found.append(_AltoLine(words, box, style, blocks))
            blocks += 1
        elif element.tag in (q("GraphicalElement"), q("Illustration")):
            box = _alto_box(element, name=name)
            if box is not None:
                (rules if element.tag == q("GraphicalElement") else images).append(box)
    scale = UNITS_PER_POINT.get(unit) or _pixels_per_point(found)
    lines = []
    for line in found:
        style = line.style
        size = style.size * scale if style and style.size and scale else line.box[3] - line.box[1]
        text = join_words(line.words, em=size)
        lines.append(TextLine(text, *line.box, size=size, font=style.font if style else "", block=line.block))
    width = _numbers(page.get("WIDTH", "0"), 1, what="WIDTH of Page", name=name)[0]
    height = _numbers(page.get("HEIGHT", "0"), 1, what="HEIGHT of Page", name=name)[0]
    if not (width and height):  # no page size given: the extent of its lines
        extent = _union([line.box for line in lines]) or (0.0, 0.0, 0.0, 0.0)
        width, height = width or extent[2], height or extent[3]
    return PageLayout(number=number, width=width, height=height, lines=lines, rules=rules, images=images)


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
            word = Word(text, box[0], box[2]) if box else Word(text)
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
    [Word(text='a', x0=0, x1=5), Word(text='exam-', x0=10, x1=44)]
    """
    if not words:
        return [word]
    last = words[-1]
    x1 = word.x1 if word.x1 is not None else last.x1
    return [*words[:-1], Word(last.text + word.text, last.x0, x1)]
