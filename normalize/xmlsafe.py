"""A safe XML parser for OCR files: expat with no entity expansion, no external entities and no network.

``parse_xml`` gives ElementTree elements whose names keep their namespace as "{uri}local". A file that declares
entities (billion laughs, quadratic blowup, external entities) or refers to one defined outside it is refused as
it is read, and every bad input, from a mismatched tag to an encoding that does not exist, is a one-line
``BadInput``. Files in encodings expat does not read itself (GB18030, GBK, Big5) are decoded first.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from .errors import BadInput

_DECLARED_ENCODING_RE = re.compile(rb"<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# the encodings expat reads itself; a file in any other (GB18030, GBK, Big5: expat reads no
# multi-byte encoding) is decoded before it is parsed
EXPAT_ENCODINGS = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"})

NOT_WELL_FORMED = "not well-formed XML at line {line}: {reason}; is it a complete {kind} file?"
ENTITIES_REFUSED = "declares XML entities (line {line}), refused for safety"
OUTSIDE_ENTITY_REFUSED = "refers to entity &{entity}; defined outside the file (line {line}), not read for safety"


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


def local_name(tag: str) -> str:
    """A tag without its namespace: "{uri}alto" -> "alto"."""
    return tag.rpartition("}")[2]

