"""Punctuation normalizer: Chinese marks in Chinese text, ASCII letters and digits, no stray spaces.

``normalize_punctuation`` is a pure ``str -> str`` function that runs the named rules of
``normalize.punctrules`` in passes until one changes nothing, with URLs, addresses and file names kept
out of their reach; ``punctuate`` applies it to a record's ``text`` and every block.
NFKC is never applied to text: it maps "，" (U+FF0C) to "," and so undoes exactly what we restore.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from .chardata import HAN
from .punctrules import (
    _DIGIT_YI_RE,
    _PANGU_RE,
    CLOSER_PAIR_RE,
    EVENT_STOP_RE,
    Parens,
    Quotes,
    Rule,
    Spacing,
    _rules,
    _sites,
)
from .records import REMOVED_KINDS

# Protected spans where ASCII punctuation is part of the token: URLs, e-mail, file names, times.
_FILE_EXT = r"\.(?:txt|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|html?|zip|csv|json|py)\b"
_PROTECTED_RE = re.compile(
    # (a URL holds a parenthesis only with its partner: a ")" it does not open is the text's)
    r"(?:https?://|www\.)(?:[^\s\u3000，。；！？、“”（）《》()]|\([^\s\u3000()]*\))+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    rf"|\b[A-Za-z0-9_-]+{_FILE_EXT}"
    # the placeholders' own marks, where a PDF's font left them in the text (private-use code points): kept too
    r"|[\uE000\uE001]"
)
_FILE_EXT_RE = re.compile(_FILE_EXT)  # what the file-name branch needs, looked for alone first

# a credit of reporters' names: "（陈佳 林松）" (brackets made full-width, one space between names); an article's
# credit has them without its brackets: "陈佳 林松"
_NAME = f"[{HAN}]{{2,6}}"  # (a transliterated name takes six: 阿不都热依木)
_NAMES_RE = re.compile(f"^\\s*[（(]\\s*({_NAME}(?:[ \\u3000]+{_NAME})+)\\s*[）)]\\s*$")
_BARE_NAMES_RE = re.compile(f"^\\s*({_NAME}(?:[ \\u3000]+{_NAME})+)\\s*$")


def _protect(text: str) -> tuple[str, list[str]]:
    """Replace URLs, addresses and file names by placeholders the rules do not touch."""
    kept: list[str] = []
    if not ("://" in text or "www." in text or "@" in text or _FILE_EXT_RE.search(text)
            or "\uE000" in text or "\uE001" in text):
        return text, kept  # the whole pattern is slow on Chinese: look for what each branch needs

    def stash(m: re.Match[str]) -> str:
        kept.append(m.group())
        return f"\uE000{len(kept) - 1}\uE001"

    return _PROTECTED_RE.sub(stash, text), kept


def _restore(text: str, kept: list[str]) -> str:
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], text) if kept else text


_RULES: dict[tuple[str, str, str], list[Rule]] = {}
MAX_PASSES = 4
# Text with none of these characters needs no rule but NFC: the fast path for clean text. 。 and
# 一 are everywhere in Chinese, so the rules that need them (ellipsis, digit_stop, dashes) are asked apart.
_TRIGGER_RE = re.compile(
    r"[\x00-\x08\x0b\x0d-\x1f\x7f-\xa0\u00ad\u034f\u180e\u200b-\u200f\u2060\ufeff"
    r"\u2e80-\u2fd5\uff01-\uff5e \t\u3000,:;!?().\"'\-—―…・•‧∙⋅`「」『』〈″]"
)


def _needs_rules(text: str, spacing: Spacing) -> bool:
    """
    Could any rule change ``text``? False for most clean lines of Chinese, decided in a few scans.

        >>> _needs_rules("工作协同发展。促进一体化。", "none"), _needs_rules("好。。。", "none")
        (False, True)
        >>> _needs_rules("自2016年起", "none"), _needs_rules("自2016年起", "pangu")
        (False, True)
        >>> _needs_rules("总台“3。15”晚会", "none"), _needs_rules("完成。5月", "none")
        (True, False)
    """
    return bool(
        _TRIGGER_RE.search(text) or "。。" in text or "一一" in text
        or ("一" in text and _DIGIT_YI_RE.search(text)) or ("。" in text and EVENT_STOP_RE.search(text))
        or ("”" in text and CLOSER_PAIR_RE.search(text))
        or (spacing == "pangu" and _PANGU_RE.search(text))
    )


Explain = Callable[[str, str, str], None]  # (rule, text before, text after)


def normalize_punctuation(
    text: str, *, spacing: Spacing = "none", quotes: Quotes = "keep", parens: Parens = "full",
    changes: Counter[str] | None = None, explain: Explain | None = None,
) -> str:
    """
    Make a Chinese text look edited: Chinese marks in Chinese, ASCII digits and letters, no stray spaces.

    Only marks next to Chinese change, so numbers, URLs and English keep ASCII punctuation;
    ``changes`` (if given) counts the changes made by each named rule. ``parens="printed"`` keeps ASCII
    parenthesis pairs as they stand (a page that prints its own full-width: ``printed_parens``).

        >>> normalize_punctuation("你好,世界!")
        '你好，世界！'
        >>> normalize_punctuation("共1,000份,见 http://a.cn/?x=1 ,于10:30")
        '共1,000份，见http://a.cn/?x=1，于10:30'
        >>> normalize_punctuation("工作协同发展， 促进三地，自 2016 年签署")
        '工作协同发展，促进三地，自2016年签署'
        >>> normalize_punctuation('他说:"好的..."')
        '他说：“好的……”'
        >>> normalize_punctuation("Dr. Smith (AI) said: yes")
        'Dr. Smith (AI) said: yes'
        >>> normalize_punctuation("安全法(修正案)"), normalize_punctuation("安全法(修正案)", parens="printed")
        ('安全法（修正案）', '安全法(修正案)')
    """
    if not _needs_rules(text, spacing):
        return unicodedata.normalize("NFC", text)
    rules = _RULES.get((spacing, quotes, parens))
    if rules is None:
        rules = _RULES[(spacing, quotes, parens)] = _rules(spacing, quotes, parens)
    # Rules feed each other (in "—:(" the "(" touches Chinese once ":" is "："), and a change can
    # make or unmake a protected span ("www. …" -> "www.…"), so whole passes, protection included,
    # repeat until one changes nothing: that makes the function idempotent by construction.
    for _ in range(MAX_PASSES):
        present = _sites(text)
        if not present and spacing != "pangu" and unicodedata.is_normalized("NFC", text):
            break  # only nfc and pangu need no site: nothing to do (half the texts here, most passes 2)
        kept: list[str] = []
        if not present.isdisjoint((":", ".", "...", "@")):  # "://", "www.", "@" or a file name's "."
            text, kept = _protect(text)
            if kept:
                present = _sites(text)
        changed = False
        for name, needs, apply, writes in rules:
            if needs is not None and present.isdisjoint(needs):
                continue
            before = text
            text, n = apply(text)
            if n:
                changed = True
                present = _sites(text) if writes is None else present.union(writes)
                if changes is not None:
                    changes[name] += n
                if explain is not None:
                    explain(name, _restore(before, kept), _restore(text, kept))
        text = _restore(text, kept)
        if not changed:
            break
    return text


def _fix_block(block: object, fix: Callable[[object], object]) -> object:
    """A block with its text (and its headline lines, ``parts``) normalized; the space between
    the names of a credit that lists its reporters (``（陈佳 林松）``) stays: it parts two names.
    Noise and furniture, which split removes, stay as printed."""
    if not isinstance(block, dict) or "text" not in block or block.get("kind") in REMOVED_KINDS:  # kept as printed
        return block
    text = block["text"]
    names = _NAMES_RE.match(text) if block.get("kind") == "credit" and isinstance(text, str) else None
    if names:
        fixed = "（" + " ".join(str(fix(name)) for name in names.group(1).split()) + "）"
    else:
        fixed = fix(text)
    out = {**block, "text": fixed}
    if isinstance(block.get("parts"), list):
        out["parts"] = [fix(p) for p in block["parts"]]
    return out


def punctuate(
    records: Iterable[dict], *, spacing: Spacing = "none", quotes: Quotes = "keep",
    explain: Callable[[str, str, str, str], None] | None = None, text: bool = True,
) -> Iterator[dict]:
    """Stage: normalize_punctuation() on a record's ``text``, each block and each paragraph.

    ``explain(where, rule, before, after)`` hears about every change (``--explain``).
    ``text=False`` leaves a document's raw ``text`` alone when only its blocks go on (``run``
    splits them into articles at once: the normalized raw text would be thrown away).
    """
    for record in records:
        yield _punctuate_record(record, spacing, quotes, explain, text)


FULL_WIDTH_PARENS = 2
"""A document that sets this many parentheses full-width at least, and more than it sets ASCII, prints its own
parentheses full-width (``printed_parens``)."""


def printed_parens(texts: Iterable[str]) -> Parens:
    """How a document's ASCII parentheses are read: "printed" where it sets its parentheses full-width
    (``FULL_WIDTH_PARENS`` of them at least, more than ASCII ones), so that an ASCII pair in it is as the page
    printed it; else "full": an OCR engine and NFKC give ASCII for every full-width one, which rule "parens"
    puts back.

    Example: sanmen02, thirty ``（…）`` and ``“道路交通安全法”(第二次修正案)``. Near misses: tesseract's text of
    the same page, every parenthesis ASCII; a page with one full-width mark among ASCII pairs.

    >>> printed_parens(["本报讯（记者 邱宇）", "（陈佳 林松）", "安全法”(第二次修正案)在"])
    'printed'
    >>> printed_parens(["本报讯(记者 邱宇)", "安全法”(第二次修正案)在"]), printed_parens(["（据央视网) (据新华社)"])
    ('full', 'full')
    """
    full = ascii_ = 0
    for text in texts:
        full += text.count("（") + text.count("）")
        ascii_ += text.count("(") + text.count(")")
    return "printed" if full >= FULL_WIDTH_PARENS and full > ascii_ else "full"


def record_parens(record: dict) -> Parens:
    """How a record's ASCII parentheses are read (``printed_parens``), from all its text: a document's raw text or
    blocks, an article's headline, credit, byline and paragraphs. A record the stage has punctuated already keeps
    the pairs it kept ("printed"): where it set them full-width none is left, so the stage changes nothing there
    the second time (an article punctuated with its document, then alone).

    >>> record_parens({"text": "（陈佳）（林松）安全法(修正案)"}), record_parens({"text": "安全法(修正案)"})
    ('printed', 'full')
    >>> record_parens({"paragraphs": ["安全法(修正案)"], "credit": "（陈佳）", "byline": "（记者 邱宇）"})
    'printed'
    >>> record_parens({"paragraphs": ["安全法(修正案)"], "steps": ["load", "punct", "split"]})
    'printed'
    """
    if "punct" in (record.get("steps") or ()):
        return "printed"
    if isinstance(record.get("text"), str) and "paragraphs" not in record:
        return printed_parens([record["text"]])
    if isinstance(record.get("blocks"), list):
        return printed_parens(block["text"] for block in record["blocks"]
                              if isinstance(block, dict) and isinstance(block.get("text"), str))
    fields = [record.get(key) for key in ("kicker", "title", "subtitle", "byline", "credit")]
    return printed_parens(value for value in (*fields, *(record.get("paragraphs") or [])) if isinstance(value, str))


def _punctuate_record(
    record: dict, spacing: Spacing, quotes: Quotes, explain: Callable[[str, str, str, str], None] | None,
    text: bool,
) -> dict:
    out = dict(record)
    changes: Counter[str] = Counter()
    rid = str(record.get("id", ""))
    tell = None if explain is None else (lambda rule, a, b: explain(rid, rule, a, b))
    parens = record_parens(record)

    def fix(value: object) -> object:
        if isinstance(value, str):
            return normalize_punctuation(value, spacing=spacing, quotes=quotes, parens=parens, changes=changes,
                                         explain=tell)
        return value

    keys = ("title", "kicker", "subtitle", "byline", "credit")
    if text or "blocks" not in out:
        keys = ("text", *keys)
    for key in keys:
        if key in out and isinstance(out[key], str):
            names = _BARE_NAMES_RE.match(out[key]) if key == "credit" else None
            out[key] = " ".join(str(fix(name)) for name in names.group(1).split()) if names else fix(out[key])
    if isinstance(out.get("paragraphs"), list):
        out["paragraphs"] = [fix(p) for p in out["paragraphs"]]
    if isinstance(out.get("blocks"), list):
        out["blocks"] = [_fix_block(b, fix) for b in out["blocks"]]
    out["changes"] = dict(sorted((Counter(record.get("changes") or {}) + changes).items()))
    out["steps"] = [*record.get("steps", []), "punct"]
    return out
