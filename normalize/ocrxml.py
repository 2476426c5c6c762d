"""What the hOCR and ALTO readers share: telling the two formats apart, joining a line's OCR words as
tesseract's text output does, and reading numbers and boxes from attributes.

``sniff`` tells hOCR from ALTO by a file's first bytes; ``join_words`` and ``word_separator`` put a line's words
together, Han and kana without spaces, other words with one, a column gap with several; ``parse_numbers``,
``union_box`` and ``describe`` read attributes and name elements in one-line ``BadInput`` errors. The readers
themselves are ``normalize.hocr`` and ``normalize.alto``; the XML is parsed by ``normalize.xmlsafe``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .errors import BadInput
from .geometry import Box, bounds
from .xmlsafe import local_name

SNIFF_BYTES = 8192  # sniff reads this much of a file's start

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
_SNIFF_SKIP_RE = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_FIRST_TAG_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")


@dataclass(frozen=True, slots=True)
class Word:
    """One OCR word: its text and, where the file gives them, its left and right edges, top and bottom."""

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None


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


# -- telling the formats apart -----------------------------------------------------------------------


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
    kind = markup_kind(data)
    return kind if kind in ("hocr", "alto") else None


def markup_kind(data: bytes) -> str:
    """"hocr", "alto", "markup" (other XML or HTML: a METS file, a web page) or "" (no markup),
    from the first element of the file's first few KB (UTF-8 or UTF-16, after a BOM and
    blank lines).

    >>> markup_kind("\\n<?xml version='1.0'?><alto>".encode("utf-16")), markup_kind(b"<mets>")
    ('alto', 'markup')
    """
    root, text = _root(data)
    if root == "alto":
        return "alto"
    if root == "html" and ("ocr_page" in text or "ocr-system" in text):
        return "hocr"
    return "markup" if root else ""


def markup_root(data: bytes) -> str:
    """The name of the first element of markup (without its namespace prefix), or "".

    >>> markup_root(b"<?xml version='1.0'?><mets:mets xmlns:mets='x'>"), markup_root("<新华社>电".encode())
    ('mets', '')
    """
    return _root(data)[0]


def _root(data: bytes) -> tuple[str, str]:
    """The first element's name and the text of the file's first few KB, declarations and
    comments left out."""
    head = data[:SNIFF_BYTES]
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    text = _SNIFF_SKIP_RE.sub("", head.decode(encoding, errors="ignore"))
    first = _FIRST_TAG_RE.match(text.lstrip("\ufeff \t\r\n"))
    return (first.group(1).rpartition(":")[2].lower() if first else ""), text


# -- numbers -----------------------------------------------------------------------------------------


def parse_numbers(value: str, count: int, *, what: str, name: str) -> tuple[float, ...]:
    """``count`` numbers from a space-separated ``value``; a one-line BadInput if it is not that."""
    fields = value.split()
    try:
        numbers = tuple(float(field) for field in fields)
    except ValueError:
        numbers = ()
    if len(numbers) != count or not all(abs(n) < float("inf") for n in numbers):
        raise BadInput(name, f"bad {what}: {value!r}")
    return numbers


def union_box(boxes: Sequence[Box]) -> Box | None:
    """The smallest box holding all of ``boxes``; None for none."""
    return bounds(boxes) if boxes else None


def describe(element: Element) -> str:
    """How an error names an element: its hOCR class or ALTO tag, and its id."""
    kind = element.get("class") or local_name(element.tag)
    ident = element.get("id") or element.get("ID")
    return f"{kind} {ident}" if ident else kind
