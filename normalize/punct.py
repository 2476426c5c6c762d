"""Punctuation normalizer: Chinese marks in Chinese text, ASCII letters and digits, no stray spaces.

``normalize_punctuation`` is a pure ``str -> str`` function made of named rules, each a compiled
pattern or a translation table; ``punctuate`` applies it to a record's ``text`` and every block.
NFKC is never applied to text: it maps "，" (U+FF0C) to "," and so undoes exactly what we restore.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from .chardata import CJK_PUNCT, HAN

Spacing = Literal["none", "pangu"]
Quotes = Literal["keep", "curly"]

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

# Protected spans where ASCII punctuation is part of the token: URLs, e-mail, file names, times.
_FILE_EXT = r"\.(?:txt|pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|html?|zip|csv|json|py)\b"
_PROTECTED_RE = re.compile(
    r"(?:https?://|www\.)[^\s\u3000，。；！？、“”（）《》]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    rf"|\b[A-Za-z0-9_-]+{_FILE_EXT}"
)
_FILE_EXT_RE = re.compile(_FILE_EXT)  # what the file-name branch needs, looked for alone first

# a credit of reporters' names: "（陈佳 林松）" (brackets made full-width, one space between names)
_NAMES_RE = re.compile(f"^\\s*[（(]\\s*([{HAN}]{{2,4}}(?:[ \\u3000]+[{HAN}]{{2,4}})+)\\s*[）)]\\s*$")
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


Apply = Callable[[str], tuple[str, int]]


def _sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Apply:
    """A substitution rule, counting the sites it changes."""
    if not callable(repl):

        def apply(text: str) -> tuple[str, int]:
            out, n = pattern.subn(repl, text)
            return out, (n if out != text else 0)

        return apply

    def apply_each(text: str) -> tuple[str, int]:
        changed = 0

        def counted(m: re.Match[str]) -> str:
            nonlocal changed
            new = repl(m)
            changed += new != m.group()
            return new

        return pattern.sub(counted, text), changed

    return apply_each


def _translated(pattern: re.Pattern[str], table: dict[int, str]) -> Apply:
    """A rule that translates every span found by ``pattern``'s one group, without a callback: the
    spans are joined by "\n" (which none may hold), translated at once and split back. Each span
    must change."""

    def apply(text: str) -> tuple[str, int]:
        parts = pattern.split(text)  # text, span, text, span, ..., text
        if len(parts) == 1:
            return text, 0
        parts[1::2] = "\n".join(parts[1::2]).translate(table).split("\n")
        return "".join(parts), len(parts) // 2

    return apply


# Each pattern finds candidate sites fast (a literal or a small class), then a callback checks
# the context, or (for the frequent sites) look-arounds in the pattern do and no Python runs per
# site. A look-behind, a repeat or an alternation at the front of a pattern makes the engine try
# every position: patterns start with one class of all their first characters, and look-behinds
# after it tell the alternatives apart.

# Rule "marks": , : ; ! ? touching Chinese on either side (spaces between do not count);
# between digits (1,000 10:30) they stay, which needs no test: a Chinese side is no digit.
# A run of marks ("?,:" or "? ,") is decided as one by what is around it: marked one by one,
# each would wait for its neighbour's change, a pass each.
_MARK_RUN = rf"(?:{_SP}*[,:;!?])*+"  # the rest of a run, after its first mark (all of it)
_ASCII_TO_ZH_TABLE = str.maketrans(_ASCII_TO_ZH)
# One pattern finds every run to change, no callback deciding: its one group is a run, or the
# spaces before a run and the run, with Chinese on the left (past those spaces) or on the right
# (past any). It starts at a mark or a space, so the engine only stops there, and only at the start
# of a run or of spaces (not after a mark or a space): trying again inside a long run that stays
# ("1,,,,…") would take time quadratic in its length.
_MARK_RE = re.compile(
    rf"([,:;!? \t\u00a0\u3000](?<![,:;!? \t\u00a0\u3000].)"
    rf"(?:(?<=[,:;!?])(?:(?<={_ZH}.){_MARK_RUN}|{_MARK_RUN}(?={_SP}*{_ZH}))"
    rf"|(?<={_ZH}{_SP}){_SP}*+[,:;!?]{_MARK_RUN}|(?<={_SP}){_SP}*+[,:;!?]{_MARK_RUN}(?={_SP}*{_ZH})))"
)


# Rule "period": a lone "." after Han at a sentence end (end of text, before a space, Han or a
# closer). The look-arounds (neither side a ".") make it lone; the look-behind follows the ".".
_PERIOD_RE = re.compile(rf"\.(?<={_HAN}\.)(?=[\n \t\u00a0\u3000{HAN}”’）》]|\Z)")


# Rule "parens": a pair whose content or outside touches Chinese; a lone one touching Chinese.
# The patterns decide (the group: the pair, or the lone mark) and translate() does the rest.
_IN_PARENS = r"[^()\n]{0,80}"
_PAREN_RE = re.compile(
    rf"(\((?:(?<={_ZH}\(){_IN_PARENS}\)|(?={_IN_PARENS}?{_HAN}){_IN_PARENS}\)|{_IN_PARENS}\)(?={_ZH})))"
)
_PAREN_TABLE = str.maketrans("()", "（）")  # a pair's content holds no parenthesis: only they change
_LONE_PAREN_RE = re.compile(rf"([()](?:(?<={_ZH}\()|(?<=\()(?={_HAN})|(?<={_HAN}\))|(?<=\))(?={_ZH})))")
# OCR reads "（" as "〈": an angle bracket closed by a parenthesis was one ("〈10月3日)");
# inside 《…》 it is the closer that was misread (《论〈资本论)》: a title within a title).
_ANGLE_PAREN_RE = re.compile(r"〈([^〈〉()（）\n]{0,80})[)）]")


def _angle_paren(m: re.Match[str]) -> str:
    s, a = m.string, m.start()
    in_title = s.rfind("《", 0, a) > s.rfind("》", 0, a)
    return f"〈{m.group(1)}〉" if in_title else f"（{m.group(1)}）"


# Rule "quotes": straight double quotes in Chinese text, curled in pairs.
_DQUOTE_RE = re.compile(r'"([^"\n]{0,200})"')
# A curly quote whose partner came out straight (OCR: “宝读诗书"): the pair is curly.
_HALF_CURLY_RE = re.compile(r'“([^“”"\n]{0,200})"|"([^“”"\n]{0,200})”')
_QUOTE_OR_LINE_RE = re.compile(r'[“”\n]')


def _half_curly(m: re.Match[str]) -> str:
    """Curl a mixed pair, unless the straight quote has a straight partner before the next (or
    after the previous) curly quote: then it is a straight pair nested in a curly one (“他说"好"。”)."""
    s, a, b = m.string, m.start(), m.end()
    if m.group(1) is not None:
        nxt = _QUOTE_OR_LINE_RE.search(s, b)
        if '"' in s[b : nxt.start() if nxt else len(s)]:
            return m.group()
        return f"“{m.group(1)}”"
    start = max(s.rfind(c, 0, a) for c in "“”\n") + 1
    return m.group() if '"' in s[start:a] else f"“{m.group(2)}”"
_SQUOTE_RE = re.compile(rf"'(?<![A-Za-z]')([^'\n]{{0,100}}{_HAN}[^'\n]{{0,100}})'(?![A-Za-z])")
# Rule "ellipsis": ..., 。。。, ・・・ or a lone … after Chinese become ……
_ELLIPSIS_RE = re.compile(r"[.。・…](?:(?<=\.)\.\.+|(?<=。)。。+|(?<=・)・・+|(?<=…)…*)")  # \.{3,}|。{3,}|・{3,}|…+


def _ellipsis(m: re.Match[str]) -> str:
    if _is_zh(_neighbours(m)[0]) and (m.group()[0] != "…" or len(m.group()) == 1):
        return "……"
    return m.group()


# Rule "dash": -- or a lone — (or ―) between Chinese clauses becomes ——; a lone — between two
# names, places or nouns connects them and stays (一字线, GB/T 15834: 北京—上海)
_DASH_RE = re.compile(r"[-—―](?:(?<=-)-+|(?<=[—―])[—―]*)")  # -{2,}|[—―]+
_HAN_BEFORE_RE = re.compile(f"[{HAN}]+$")
_HAN_AFTER_RE = re.compile(f"^[{HAN}]+")


def _dash(m: re.Match[str]) -> str:
    s, a, b = m.string, m.start(), m.end()
    d = m.group()
    if not (_is_zh(_left(s, a)) and _is_zh(_right(s, b))):
        return d
    if d in ("—", "―") and _connects(s, a, b):
        return "—"
    if d[0] == "-" or len(d) == 1 or d in ("—―", "―—"):
        return "——"
    return d


def _connects(s: str, a: int, b: int) -> bool:
    """The Han words right before and after a lone dash are names or nouns (see ``joins_names``)."""
    before, after = _HAN_BEFORE_RE.search(s[:a]), _HAN_AFTER_RE.match(s[b:])
    if before is None or after is None:
        return False
    from .words import joins_names  # (jieba's part-of-speech tagger, loaded for the first such dash)

    return joins_names(before.group(), after.group())


# OCR reads —— as 一一 (two "one"s); 一一 is also a word (一一对应, 一一列举): only where a
# verb does not follow and the characters around are not numerals.
_YIYI_WORD_FOLLOWERS = frozenset(
    "一对应列举介绍解答核实落实回复握手道来检查排查询问说明记录登记核查查看讲解作答清点比对过目作别告别分析展示呈现"
)
_YIYI_RE = re.compile("一一")


def _yiyi(m: re.Match[str]) -> str:
    left, right = _neighbours(m)
    if (
        left
        and (_is_han(left) or left in _CLOSERS)
        and left not in "一二三四五六七八九十逐统"
        and right
        and right not in _YIYI_WORD_FOLLOWERS
        and _is_zh(right)
    ):
        return "——"
    return m.group()


_DIGIT_YI_RE = re.compile(r"一(?<=\d一)(?=\d)")  # 一 first: the engine only stops at 一
# Rule "middot": ・ • ‧ ∙ between Chinese names become ·, and OCR's ` for it (in scanned and
# printed newsletters a backtick between two Chinese characters is a misread middle dot)
_MIDDOT_RE = re.compile(r"[・•‧∙⋅`]")


def _middot(m: re.Match[str]) -> str:
    left, right = _neighbours(m)
    return "·" if _is_han(left) and _is_han(right) else m.group()


# Rule "spaces": each run of spaces inside a line is decided by its neighbours, the characters
# just outside the run (an indent or a line end is structure: kept).
_LATIN = "A-Za-z0-9%\ue000\ue001"  # _latin() as a class
_INSIDE = r"[^\n\f \t\u00a0\u3000]"  # a neighbour that is neither a line edge nor a space
# Most runs are dropped for sure, by a pattern and no callback: those touching a Chinese mark and
# (unless pangu) those between Han and Latin. The look-arounds after a run's first space see its
# neighbours. Other runs (not structure) come out whole in two groups, for decide() to see.
_DROP_NEAR_MARK = rf"(?<=[{CJK_PUNCT}]{_SP}){_SP}*(?={_INSIDE})|(?<={_INSIDE}{_SP}){_SP}*(?=[{CJK_PUNCT}])"
_DROP_HAN_LATIN = rf"(?<={_HAN}{_SP}){_SP}*(?=[{_LATIN}])|(?<=[{_LATIN}]{_SP}){_SP}*(?={_HAN})"
_OTHER_RUN = rf"(?<={_INSIDE}({_SP}))({_SP}*)(?={_INSIDE})"
_SPACE_SPLIT_RE = {
    False: re.compile(rf"{_SP}(?:{_DROP_NEAR_MARK}|{_DROP_HAN_LATIN}|{_OTHER_RUN})"),
    True: re.compile(rf"{_SP}(?:{_DROP_NEAR_MARK}|{_OTHER_RUN})"),
}
# Those others are then decided on the text without the dropped runs: dropping a run leaves the
# others' neighbours, Han runs and 《…》 as they were (a dropped run has a non-Han neighbour).
_SPACE_RUN_RE = re.compile(rf"{_SP}(?<={_INSIDE}{_SP}){_SP}*(?={_INSIDE})")
_PANGU_RE = re.compile(rf"(?<={_HAN})(?=[A-Za-z0-9\ue000])|(?<=[A-Za-z0-9%\ue001])(?={_HAN})")
# A space between Han characters is kept only between two longer runs inside 《…》, where a
# document's title lists its parties ("《通州区民政局 武清区民政局…》"); letter-spacing
# ("聚 焦 乌 鲁"), short runs and OCR's gaps inside prose lose it.
_LONG_RUN = 3


def _in_book_title(s: str, a: int, b: int) -> bool:
    """Positions a..b lie between a 《 and its 》 on the same line."""
    start = max(s.rfind("\n", 0, a), s.rfind("》", 0, a))
    end = s.find("\n", b)
    end = len(s) if end < 0 else end
    close, reopen = s.find("》", b, end), s.find("《", b, end)
    return s.rfind("《", start + 1, a) >= 0 and close >= 0 and (reopen < 0 or close < reopen)


def _latin(ch: str) -> bool:
    # \ue000 and \ue001 open and close a protected URL: Latin text for these rules
    return (ch.isascii() and ch.isalnum()) or ch in "\ue000\ue001%"


def _han_run(s: str, i: int, step: int) -> int:
    n = 0
    while 0 <= i < len(s) and n < _LONG_RUN and _is_han(s[i]):
        n, i = n + 1, i + step
    return n


def _spaces(pangu: bool) -> Apply:
    def decide(m: re.Match[str]) -> str:  # a run with text on both sides (_SPACE_RUN_RE)
        s, a, b = m.string, m.start(), m.end()
        left, right = s[a - 1], s[b]
        if left in _CJK_MARKS or right in _CJK_MARKS:
            return ""
        if _is_han(left) and _is_han(right):
            keep = _han_run(s, a - 1, -1) >= _LONG_RUN and _han_run(s, b, 1) >= _LONG_RUN and _in_book_title(s, a, b)
            return " " if keep else ""
        if (_is_han(left) and _latin(right)) or (_latin(left) and _is_han(right)):
            return " " if pangu else ""
        return " "

    split, ask = _SPACE_SPLIT_RE[pangu].split, _sub(_SPACE_RUN_RE, decide)

    def apply(text: str) -> tuple[str, int]:
        parts = split(text)  # text, first space, rest, text, ...: None, None for a dropped run
        dropped = parts[1::3].count(None)
        if dropped:
            text = "".join(filter(None, parts))
        if dropped == len(parts) // 3:
            return text, dropped
        text, more = ask(text)
        return text, dropped + more

    return apply


def _protect(text: str) -> tuple[str, list[str]]:
    """Replace URLs, addresses and file names by placeholders the rules do not touch."""
    kept: list[str] = []
    if not ("://" in text or "www." in text or "@" in text or _FILE_EXT_RE.search(text)):
        return text, kept  # the whole pattern is slow on Chinese: look for what each branch needs

    def stash(m: re.Match[str]) -> str:
        kept.append(m.group())
        return f"\uE000{len(kept) - 1}\uE001"

    return _PROTECTED_RE.sub(stash, text), kept


def _restore(text: str, kept: list[str]) -> str:
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], text) if kept else text


def _in_chinese(m: re.Match[str]) -> bool:
    """A bracketed or quoted span holds Chinese, or touches it on the outside."""
    left, right = _neighbours(m)
    return bool(re.search(_HAN, m.group(1))) or _is_zh(left) or _is_zh(right)


def _dquotes(m: re.Match[str]) -> str:
    return f"“{m.group(1)}”" if _in_chinese(m) else m.group()


# (name, needs, apply, writes). ``apply`` is skipped when the text has no site (_sites) among
# ``needs`` (None: never skipped). ``writes``: the sites a change by the rule can make for a later
# rule (None: any, found again).
Rule = tuple[str, frozenset[str] | None, Apply, str | tuple[str, ...] | None]


def _nfc(text: str) -> tuple[str, int]:
    if unicodedata.is_normalized("NFC", text):
        return text, 0
    return unicodedata.normalize("NFC", text), 1


def _translate(pattern: re.Pattern[str], table: dict[int, str | None]) -> Apply:
    def apply(text: str) -> tuple[str, int]:
        n = len(pattern.findall(text))
        return (text.translate(table), n) if n else (text, 0)

    return apply


def _rules(spacing: Spacing, quotes: Quotes) -> list[Rule]:
    rules = [
        ("nfc", None, _nfc, None),
        ("invisible", _INVISIBLE_CHARS, _translate(_INVISIBLE_RE, _INVISIBLE), None),  # type: ignore[arg-type]
        ("lookalike", _LOOKALIKE_CHARS, _translate(_LOOKALIKE_RE, _LOOKALIKE), None),  # type: ignore[arg-type]
        ("width", _WIDTH_CHARS, _translate(_WIDTH_RE, _WIDTH), None),  # type: ignore[arg-type]
        ("width", "．", _sub(_FW_POINT_RE, "."), (".", "...")),
        ("quotes", '"', _sub(_HALF_CURLY_RE, _half_curly), ""),
        ("quotes", '"', _sub(_DQUOTE_RE, _dquotes), ""),
        ("quotes", "'", _sub(_SQUOTE_RE, lambda m: f"‘{m.group(1)}’"), ""),
        ("parens", "〈", _sub(_ANGLE_PAREN_RE, _angle_paren), ""),
        ("parens", "(", _translated(_PAREN_RE, _PAREN_TABLE), ""),
        ("parens", "()", _translated(_LONE_PAREN_RE, _PAREN_TABLE), ""),
        ("marks", ",:;!?", _translated(_MARK_RE, _ASCII_TO_ZH_TABLE), ""),
        ("ellipsis", ("...", "。。。", "・", "…"), _sub(_ELLIPSIS_RE, _ellipsis), "…"),
        ("period", ".", _sub(_PERIOD_RE, "。"), ("。。。",)),
        ("dash", "一", _sub(_DIGIT_YI_RE, "—"), "—"),
        ("dash", ("一一",), _sub(_YIYI_RE, _yiyi), "—"),
        ("dash", ("--", "—", "―"), _sub(_DASH_RE, _dash), "—"),
        ("middot", "・•‧∙⋅`", _sub(_MIDDOT_RE, _middot), ""),
        ("spaces", _SPACE_CHARS, _spaces(spacing == "pangu"), ""),
    ]
    if spacing == "pangu":
        rules.append(("pangu", None, _sub(_PANGU_RE, " "), ""))
    if quotes == "curly":
        table = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
        rules.append(("corner_quotes", "「」『』", _translate(re.compile("[「」『』]"), table), ""))
    return [(name, None if needs is None else frozenset(needs), apply, writes) for name, needs, apply, writes in rules]


_RULES: dict[tuple[str, str], list[Rule]] = {}
MAX_PASSES = 4
# Text with none of these characters needs no rule but NFC: the fast path for clean text. 。 and
# 一 are everywhere in Chinese, so the rules that need them (ellipsis, dashes) are asked apart.
_TRIGGER_RE = re.compile(
    r"[\x00-\x08\x0b\x0d-\x1f\x7f-\xa0\u00ad\u034f\u180e\u200b-\u200f\u2060\ufeff"
    r"\u2e80-\u2fd5\uff01-\uff5e \t\u3000,:;!?().\"'\-—―…・•‧∙⋅`「」『』〈]"
)


def _needs_rules(text: str, spacing: Spacing) -> bool:
    """
    Could any rule change ``text``? False for most clean lines of Chinese, decided in a few scans.

        >>> _needs_rules("工作协同发展。促进一体化。", "none"), _needs_rules("好。。。", "none")
        (False, True)
        >>> _needs_rules("自2016年起", "none"), _needs_rules("自2016年起", "pangu")
        (False, True)
    """
    return bool(
        _TRIGGER_RE.search(text) or "。。" in text or "一一" in text
        or ("一" in text and _DIGIT_YI_RE.search(text))
        or (spacing == "pangu" and _PANGU_RE.search(text))
    )


# Sites: what some rule needs, where it could matter, found by one scan that answers every rule's
# ``needs``. Most are single characters, anywhere. A space counts only between text on both sides
# (indents and line ends are structure); "-", "。" and "一" are everywhere and count only as "--",
# "。。。" (ellipsis), "一一" or the 一 of "1一2" (dash); "..." is the ellipsis, "." is a lone dot.
_INVISIBLE_CHARS = frozenset(map(chr, _INVISIBLE))
_LOOKALIKE_CHARS = frozenset(map(chr, _LOOKALIKE))
_WIDTH_CHARS = frozenset(map(chr, _WIDTH))
_SPACE_CHARS = " \t\u00a0\u3000"
_PLAIN = re.escape("".join(sorted(
    _INVISIBLE_CHARS | _LOOKALIKE_CHARS | _WIDTH_CHARS | set(".．\"'〈(),:;!?・…—―•‧∙⋅`「」『』@")
)))
# One class of every first character (the engine stops only there), then what each one needs.
_SITE_RE = re.compile(
    rf"[{_PLAIN}{_SPACE_CHARS}\-。一]"
    rf"(?:(?<=\.)\.\.|(?<=[{_PLAIN}])|(?<={_INSIDE}{_SP})(?={_SP}*{_INSIDE})"
    rf"|(?<=。)。。|(?<=一)一|(?<=\d一)(?=\d)|(?<=-)-)"
)


def _sites(text: str) -> set[str]:
    """
    The sites in ``text``.

        >>> sorted(_sites("\u3000\u3000好。一,下 见。。。1一2-3 \\n"))
        [' ', ',', '。。。', '一']
        >>> sorted(_sites("好--一一...."))
        ['--', '.', '...', '一一']
    """
    return set(_SITE_RE.findall(text))


Explain = Callable[[str, str, str], None]  # (rule, text before, text after)


def normalize_punctuation(
    text: str, *, spacing: Spacing = "none", quotes: Quotes = "keep", changes: Counter[str] | None = None,
    explain: Explain | None = None,
) -> str:
    """
    Make a Chinese text look edited: Chinese marks in Chinese, ASCII digits and letters, no stray spaces.

    Only marks next to Chinese change, so numbers, URLs and English keep ASCII punctuation;
    ``changes`` (if given) counts the changes made by each named rule.

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
    """
    if not _needs_rules(text, spacing):
        return unicodedata.normalize("NFC", text)
    rules = _RULES.get((spacing, quotes))
    if rules is None:
        rules = _RULES[(spacing, quotes)] = _rules(spacing, quotes)
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
    the names of a credit that lists its reporters (``（陈佳 林松）``) stays: it parts two names."""
    if not isinstance(block, dict) or "text" not in block:
        return block
    text = block["text"]
    names = _NAMES_RE.match(text) if block.get("kind") == "credit" and isinstance(text, str) else None
    if names:
        fixed = f"（{' '.join(names.group(1).split())}）"
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


def _punctuate_record(
    record: dict, spacing: Spacing, quotes: Quotes, explain: Callable[[str, str, str, str], None] | None,
    text: bool,
) -> dict:
    out = dict(record)
    changes: Counter[str] = Counter()
    rid = str(record.get("id", ""))
    tell = None if explain is None else (lambda rule, a, b: explain(rid, rule, a, b))

    def fix(value: object) -> object:
        if isinstance(value, str):
            return normalize_punctuation(value, spacing=spacing, quotes=quotes, changes=changes, explain=tell)
        return value

    for key in ("text", "title", "kicker", "subtitle", "byline", "credit")[0 if text or "blocks" not in out else 1:]:
        if key in out and isinstance(out[key], str):
            out[key] = fix(out[key])
    if isinstance(out.get("paragraphs"), list):
        out["paragraphs"] = [fix(p) for p in out["paragraphs"]]
    if isinstance(out.get("blocks"), list):
        out["blocks"] = [_fix_block(b, fix) for b in out["blocks"]]
    out["changes"] = dict(sorted((Counter(record.get("changes") or {}) + changes).items()))
    out["steps"] = [*record.get("steps", []), "punct"]
    return out
