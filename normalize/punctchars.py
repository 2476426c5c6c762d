"""The characters the punctuation rules read: classes of Chinese text and of spaces, tests on one character and
on the nearest ones around a place, and the translation tables of the character rules (invisible characters,
look-alike radicals, full-width letters and digits), built once at import. Data and lookups only: the rules
themselves are in ``normalize.punctrules``.
"""

from __future__ import annotations

import re
import unicodedata

from .chardata import CJK_PUNCT, HAN

_HAN = f"[{HAN}]"
# Chinese text around a mark: a Han character or a Chinese punctuation mark.
_ZH = f"[{HAN}{CJK_PUNCT}]"
_SP = r"[ \t\u00a0\u3000]"  # spaces inside a line (never a newline)


def _lookalike_table() -> dict[int, str]:
    """Kangxi radicals and CJK radical supplements that PDF fonts emit for ordinary ideographs.

    The targets come from NFKC applied to these single code points only (``⼯`` -> ``工``);
    the text itself is never NFKC-normalized.
    """
    # the supplement's simplified forms have no decomposition: listed by hand
    radicals = "⻓⻔⻢⻋⻘⻝⻅⻆⻉⻛⻜⻥⻦⻮⻩⻰⻚⻄⺠⻨⻬⻙"
    characters = "长门马车青食见角贝风飞鱼鸟齿黄龙页西民麦齐韦"
    table: dict[int, str] = {ord(a): b for a, b in zip(radicals, characters)}
    for cp in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]:
        target = unicodedata.normalize("NFKC", chr(cp))
        if len(target) == 1 and target != chr(cp) and re.match(_HAN, target):
            table[cp] = target
    return table


# Rule "invisible": zero-width characters, BOMs, soft hyphens, bidi marks, C0/C1 controls
# (newline, tab and form feed stay: they are structure).
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x180E, 0x034F]
    + [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0C)]
    + list(range(0x7F, 0xA0)),
    None,
)
_LOOKALIKE = _lookalike_table()
# Rule "width": full-width Latin letters and digits (and a few signs used with numbers) to ASCII.
_WIDTH = {cp: chr(cp - 0xFEE0) for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_WIDTH.update({ord(c): chr(ord(c) - 0xFEE0) for c in "％＋＝＠＃＄＆＊／＜＞"})
_WIDTH[0xFF02] = '"'  # ＂ and ＇ are straight quotes: the quote rule curls them
_WIDTH[0xFF07] = "'"
_INVISIBLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _INVISIBLE) + "]")
_LOOKALIKE_RE = re.compile("[" + "".join(chr(c) for c in _LOOKALIKE) + "]")
_WIDTH_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _WIDTH) + "]")
_FW_POINT_RE = re.compile(r"．(?<=\d．)(?=\d)")
_ASCII_TO_ZH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_MARKS = frozenset(CJK_PUNCT)
_SPACES = frozenset(" \t\u00a0\u3000")
_CLOSERS = frozenset("”’）》")


def _is_han(ch: str) -> bool:
    """A CJK unified or compatibility ideograph (``ch`` is one character, or '' for none)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _is_zh(ch: str) -> bool:
    """Chinese text: a Han character or a Chinese punctuation mark."""
    return ch in _CJK_MARKS or _is_han(ch)


def _left(s: str, i: int) -> str:
    """The nearest character left of index i that is not a space ('' at a line start)."""
    while i > 0 and s[i - 1] in _SPACES:
        i -= 1
    return s[i - 1] if i > 0 and s[i - 1] != "\n" else ""


def _right(s: str, i: int) -> str:
    """The nearest character from index i on that is not a space ('' at a line end)."""
    while i < len(s) and s[i] in _SPACES:
        i += 1
    return s[i] if i < len(s) and s[i] != "\n" else ""


def _neighbours(m: re.Match[str]) -> tuple[str, str]:
    """The characters just before and just after a match ('' at the ends of the text)."""
    s, a, b = m.string, m.start(), m.end()
    return (s[a - 1] if a else ""), (s[b] if b < len(s) else "")
