"""Conservation: every character of the input is in the output or on the ``removed`` list.

Both sides go through the normalizer's own mappings first (width, look-alikes, Chinese marks),
then through a fold that makes the two spellings of a mark one character, so the check counts
what the stages kept or dropped, not what they were asked to change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .chardata import WHITE_RE
from .errors import NormalizeError
from .punct import normalize_punctuation

# One spelling per mark: the normalizer may write either, and a line join may make "一一".
_FOLD = str.maketrans({
    "，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "〈": "(", "〉": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "。": ".", "・": "·", "•": "·",
    "`": "·",  # OCR's misread middle dot, restored between Chinese only
})
# Dashes, 一 and dots are left out of the count: the normalizer rewrites them by context ("--",
# "—" and OCR's "一一" become "——", "..." becomes "……", a date's "3 15" in quotes "3·15") and a line join
# or a moved paragraph can change that context, so their number is not conserved even when nothing is
# lost. Brackets too: a credit is kept without its outer brackets, whichever of them were printed (OCR's
# 《 for one too).
_REWRITTEN_RE = re.compile(r"[—―\-一…\.·()\[\]【】《]+")
# OCR's full-width point is a comma, a full stop or a decimal point by its context (``心量太小．`` / ``难成大器``),
# which a line join changes: it is left out of the count, and the output may hold as many more commas.
_OCR_POINT = "．"


def fold(text: str) -> str:
    """
    The characters a text is made of, for counting: normalized, folded, without whitespace.

        >>> fold("你好, 世界 ...") == fold("你好，世界……")
        True
        >>> fold("宝安一\\n一非遗") == fold("宝安——非遗")
        True
        >>> fold("心量太小．\\n难成大器") == fold("心量太小难成大器")  # (OCR's ．: see _OCR_POINT)
        True
        >>> fold("总台2024年“\\n3 15”晚会") == fold("总台2024年“3·15”晚会")  # (the date's · made once joined)
        True
    """
    text = WHITE_RE.sub("", normalize_punctuation(text.replace(_OCR_POINT, "")).translate(_FOLD))
    return _REWRITTEN_RE.sub("", text)


def _line_of(text: str, ch: str) -> int:
    for n, line in enumerate(text.split("\n"), start=1):
        if ch in fold(line):
            return n
    return 0


class NotConserved(NormalizeError):
    """Characters of a document that the output neither kept nor recorded as removed."""


def check_conservation(doc_id: str, source: str, outputs: Iterable[str], *, closed: int = 0) -> NotConserved | None:
    """
    None when the folded characters of ``outputs`` are exactly those of ``source``. ``closed``: how many book titles
    the splitter closed where OCR read their closing marks as a glyph or dropped them (``misread_marks``): the
    output may hold as many more ``》``.

        >>> check_conservation("a.txt", "标题\\n正文,完。", ["标题", "正文，完。"]) is None
        True
        >>> check_conservation("a.txt", "心量太小．\\n难成大器。", ["心量太小，难成大器。"]) is None
        True
        >>> closed = ["据央视《新闻联播》", "轧"]  # (a credit's title closed, the glyph OCR read for 》） removed)
        >>> check_conservation("a.txt", "(据央视《新闻联播轧", closed, closed=1) is None
        True
        >>> check_conservation("a.txt", "(据央视《新闻联播轧", closed).reason
        '1 characters in the output that the input does not have: "》"'
        >>> err = check_conservation("a.txt", "标题\\n正文完。", ["正文完。"])
        >>> err.where, err.reason[:51]
        ('a.txt:1', '2 characters not in the output nor in removed: "标题"')
    """
    folded = fold(source)
    have = Counter(folded)
    got = Counter(fold("\n".join(outputs)))
    if have == got:
        return None
    missing = have - got
    extra = got - have
    extra[","] -= min(extra[","], source.count(_OCR_POINT))  # (the normalizer's commas for OCR's ．)
    extra["》"] -= min(extra["》"], closed)
    extra += Counter()  # (drop what is left at nought)
    if not missing and not extra:
        return None
    if missing:
        chars = "".join(sorted(missing, key=folded.index))[:20]
        line = _line_of(source, chars[0])
        return NotConserved(f"{doc_id}:{line}", f"{sum(missing.values())} characters not in the output nor in "
                            f'removed: "{chars}"; run with --check on each stage to see which one drops them')
    chars = "".join(extra)[:20]
    n = sum(extra.values())
    return NotConserved(doc_id, f'{n} characters in the output that the input does not have: "{chars}"')


def record_outputs(record: dict) -> list[str]:
    """The texts a stage's output record keeps: blocks, or an article's fields, and what it removed."""
    texts: list[str] = []
    if isinstance(record.get("blocks"), list):
        texts += [str(b.get("text", "")) for b in record["blocks"] if isinstance(b, dict)]
    elif "paragraphs" in record:
        texts += [str(record.get(k) or "") for k in ("kicker", "title", "subtitle", "byline")]
        texts += [str(p) for p in record.get("paragraphs") or []]
        if record.get("credit"):
            texts.append(str(record["credit"]))
    else:
        texts.append(str(record.get("text", "")))
    texts += [str(r.get("text", "")) for r in record.get("removed") or [] if isinstance(r, dict)]
    return texts


def closed_titles(records: Iterable[dict]) -> int:
    """How many book titles the records' ``removed`` entries say the splitter closed (``misread_marks`` that close a
    ``》``; records without ``closes`` were all such)."""
    return sum(1 for record in records for entry in record.get("removed") or []
               if isinstance(entry, dict) and entry.get("kind") == "misread_marks"
               and entry.get("closes", "》") == "》")
