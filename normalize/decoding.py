"""Text files' bytes decoded to clean text: the encoding is the one given, a BOM's, UTF-8, or the best guess of
charset-normalizer with Chinese encodings preferred (GB18030 for GB2312 and GBK names, then Big5); a file whose
lines mix UTF-8 and GB18030 is decoded line by line. Binary files (PDF, images, archives, NUL bytes) are refused
with the step to take first. The text comes out with LF line ends and NFC, nothing else changed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from normalize.chardata import HAN, HAN_RE
from normalize.errors import BadEncoding, BadInput

# Not text, whatever the file is called. Each reason names the step to do first.
_MAGIC = (
    (b"%PDF", "a PDF, not text; zhnorm load reads PDFs: zhnorm load {path}"),
    (b"\x89PNG", "a PNG image, not text; run OCR on it first"),
    (b"\xff\xd8\xff", "a JPEG image, not text; run OCR on it first"),
    (b"PK\x03\x04", "a zip archive (.docx?), not text; extract its text first"),
)
# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB18030 decodes everything GB2312 and GBK do, plus the rarer characters they lack.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030"}
# Tie-break between equally good guesses: this tool reads Chinese newsletters.
_PREFERENCE = {"gb18030": 0, "gbk": 0, "gb2312": 0, "big5": 1, "big5hkscs": 1, "cp950": 1}
# A line holding Chinese and no undecodable byte (UTF-8 decoded with surrogateescape).
_UTF8_HAN_LINE_RE = re.compile(
    f"^[^\udc80-\udcff\n]*[{HAN}][^\udc80-\udcff\n]*$", re.M)
MIN_MIXED_LINES = 2  # Chinese lines read as UTF-8 before a GB18030 file is called mixed


def decode_bytes(
    data: bytes, *, encoding: str | None = None, path: str = ""
) -> tuple[str, str, float]:
    """Decode a text file's bytes: return (text, encoding used, confidence 0..1).

    Order: refuse binary, ``encoding`` if given, BOM, strict UTF-8, then charset-normalizer
    (GB18030, Big5, BOM-less UTF-16...). The text is already cleaned (see ``clean_text``).

    >>> decode_bytes("通武廊\\r\\n".encode())
    ('通武廊\\n', 'utf-8', 1.0)
    >>> decode_bytes(codecs.BOM_UTF16_LE + "社工".encode("utf-16-le"))
    ('社工', 'utf-16', 1.0)
    >>> decode_bytes(b"%PDF-1.7 ...", path="a.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    normalize.errors.BadInput: a.pdf: a PDF, not text; zhnorm load reads PDFs: ...
    """
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise BadInput(path, reason.format(path=path or "FILE"))
    if encoding:
        hint = "check --encoding, or leave it out to detect the encoding"
        text = _decode(data, encoding, path, hint=hint)
        return clean_text(text), codecs.lookup(encoding).name, 1.0
    for bom, name in _BOMS:
        if data.startswith(bom):
            return clean_text(_decode(data, name, path)), name, 1.0
    if b"\x00" in data:
        return _decode_wide(data, path)
    try:
        return clean_text(data.decode("utf-8")), "utf-8", 1.0
    except UnicodeDecodeError as e:
        offset = e.start
    mixed = _decode_mixed(data)
    if mixed is not None:
        return clean_text(mixed), MIXED, 1.0
    detected, confidence = _detect(data)
    if detected is None:
        raise BadEncoding(path, offset, "not valid utf-8")
    return clean_text(_decode(data, detected, path)), detected, confidence


MIXED = "utf-8+gb18030"
"""The encoding recorded for a file whose lines mix UTF-8 and GB18030 (decoded line by line)."""


def _decode_mixed(data: bytes) -> str | None:
    """A file pasted together from UTF-8 and GB18030 pieces, decoded line by line; else None.

    Each line is tried as UTF-8, then GB18030; a line valid in neither (a UTF-8 character cut
    by a truncation) keeps its good characters, U+FFFD for its bad bytes. It counts as mixed
    only when both kinds of line hold Chinese text: then the caller records a warning instead
    of refusing the file.

    >>> _decode_mixed("第一行\\n".encode() + "第二行".encode("gb18030"))
    '第一行\\n第二行'
    >>> _decode_mixed("第一行\\n第二行".encode("gb18030")) is None
    True
    >>> _decode_mixed("第一行\\n第二行\\n".encode() + "第三行".encode()[:-1] + "\\n第四行".encode("gb18030"))
    '第一行\\n第二行\\n第三\\ufffd\\n第四行'
    """
    if not _UTF8_HAN_LINE_RE.search(data.decode("utf-8", "surrogateescape")):
        return None  # no line of Chinese in valid UTF-8 (bad bytes became surrogates): one scan in C
    lines: list[str] = []
    utf8 = gb = 0
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
            # a short GB18030 line can be valid UTF-8 by chance ("血" reads as "Ѫ"): only
            # Chinese read as UTF-8 counts
            utf8 += bool(HAN_RE.search(line))
        except UnicodeDecodeError as e:
            try:
                if e.reason == "unexpected end of data":  # UTF-8 cut short: not GB18030 by chance
                    raise
                line = raw.decode("gb18030")
                gb += bool(HAN_RE.search(line))
            except UnicodeDecodeError:
                line = raw.decode("utf-8", "replace")
                utf8 += bool(HAN_RE.search(line))
        lines.append(line)
    enough = utf8 >= MIN_MIXED_LINES or utf8 + gb <= MIN_MIXED_LINES + 1
    return "\n".join(lines) if utf8 and gb and enough else None


def _decode_wide(data: bytes, path: str) -> tuple[str, str, float]:
    """UTF-16/32 without a BOM; anything else with NUL bytes is binary, not text."""
    name, confidence = _detect(data)
    if name and name.startswith(("utf-16", "utf-32")):
        text = _decode(data, name, path)
        if not _has_controls(text):
            return clean_text(text), name, confidence
    raise BadInput(path, "a binary file (NUL bytes), not text")


def _decode(data: bytes, encoding: str, path: str, *, hint: str = "try --encoding") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise BadEncoding(path, e.start, f"not valid {encoding}", hint=hint) from None
    except LookupError:
        raise BadInput(path, f"unknown encoding {encoding!r}") from None


def _detect(data: bytes) -> tuple[str | None, float]:
    """charset-normalizer's best guess as a Python codec name, gb names widened to gb18030.

    On short texts several encodings fit equally well ("第一页" in GB18030 is also valid
    Korean cp949); among those tied with the best, Chinese ones win: GB18030, then Big5.
    """
    from charset_normalizer import from_bytes  # slow import: only for non-UTF-8 files

    matches = list(from_bytes(data))
    if not matches:
        return None, 0.0
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    names = [codecs.lookup(m.encoding).name for m in tied]  # "utf_16_le" -> "utf-16-le"
    name = min(names, key=lambda n: _PREFERENCE.get(n, len(_PREFERENCE)))
    # like charset_normalizer.detect(): confidence is 1 - the "mess" ratio
    return _SUPERSET.get(name, name), round(1.0 - best.chaos, 3)


def _has_controls(text: str) -> bool:
    """True when the start of ``text`` has characters that text never contains (NUL...)."""
    return any(
        unicodedata.category(c) in ("Cc", "Cs", "Cn") and c not in "\t\n\r\f"
        for c in text[:65536]
    )


def clean_text(text: str) -> str:
    """Drop a BOM, make line ends LF, compose to NFC; nothing else.

    Not NFKC: it maps "，" (U+FF0C) to "," and the ideographic-space indent "　" to " ".

    >>> clean_text("\\ufeff　　第一段\\r\\n第二段\\r\\f第三页")
    '　　第一段\\n第二段\\n\\x0c第三页'
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
