"""The named rules of the punctuation stage, in the order they run, and the sites each needs.

Each rule is a compiled pattern or a translation table, with a small decision where the context matters (a mark
next to Chinese, a dash between two names, a space inside a book title); ``_rules`` lists them as (name, needs,
apply, writes) for the options given, and ``_sites`` finds in one scan which of them a text could need. The
engine that runs them until nothing changes is ``normalize.punct``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from .chardata import CJK_PUNCT, EVENT_STOP_RE, HAN
from .punctchars import (
    _ASCII_TO_ZH,
    _CJK_MARKS,
    _CLOSERS,
    _FW_POINT_RE,
    _HAN,
    _INVISIBLE,
    _INVISIBLE_RE,
    _LOOKALIKE,
    _LOOKALIKE_RE,
    _SP,
    _WIDTH,
    _WIDTH_RE,
    _ZH,
    _is_han,
    _is_zh,
    _left,
    _neighbours,
    _right,
)

Spacing = Literal["none", "pangu"]
Quotes = Literal["keep", "curly"]
Parens = Literal["full", "printed"]


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
# OCR reads a comma after a Han character as a full-width full stop (``迷津 ．为什么``). Text that ends its
# sentences with "。" (or with "？" or "！", not ending on "．") has no other use for "．" between Han
# characters: it is that comma. Text whose full stop is "．" (scientific style) keeps it.
_OCR_POINT_RE = re.compile(rf"(?<={_HAN}){_SP}*．{_SP}*(?={_HAN}|[“‘《（])")


def _ocr_point(text: str) -> tuple[str, int]:
    """
    Rule "ocr_point": "．" between Han characters is OCR's comma, where the text ends its sentences in Chinese.

        >>> _ocr_point("求大师指点迷津 ．为什么？我不知道。")
        ('求大师指点迷津，为什么？我不知道。', 1)
        >>> _ocr_point("实验结果良好．下面讨论误差．")  # no 。: its full stop
        ('实验结果良好．下面讨论误差．', 0)
        >>> _ocr_point("求大师指点迷津 ．为什么我老是觉得痛苦？”")  # a question's mark is Chinese too
        ('求大师指点迷津，为什么我老是觉得痛苦？”', 1)
        >>> _ocr_point("烧到３９．５℃。第二天")  # a decimal point
        ('烧到３９．５℃。第二天', 0)
    """
    chinese_ends = "。" in text or (("？" in text or "！" in text) and not text.rstrip("”’」』 ").endswith("．"))
    return _OCR_POINT_RE.subn("，", text) if chinese_ends else (text, 0)


_PERIOD_RE = re.compile(rf"\.(?<={_HAN}\.)(?=[\n \t\u00a0\u3000{HAN}”’）》]|\Z)")
# Rule "middot": OCR's point for the middle dot between the parts of a name (穆罕默德.穆伊兹), in a text whose
# sentences end with 。: a point between two Han characters there is a name's dot unless a sentence could open after
# it (``…的处罚力度.昨日中午``: a time word; a pronoun, a verb…), which the period rule then ends.
_NAME_DOT_RE = re.compile(rf"\.(?<={_HAN}\.)(?={_HAN})")


def _name_dot(m: re.Match[str]) -> str:
    from .words import opens_sentence  # (jieba's tags, loaded for the first such point)

    return m.group() if opens_sentence(m.string[m.end():m.end() + 8]) else "·"


_name_dots_sub = _sub(_NAME_DOT_RE, _name_dot)


def _name_dots(text: str) -> tuple[str, int]:
    """Rule "middot" for OCR's points, only in a text that ends its sentences with 。 (one that ends them with a
    point keeps its points for the period rule).

        >>> _name_dots("致电穆罕默德.穆伊兹，祝贺他。"), _name_dots("致电穆罕默德.穆伊兹")
        (('致电穆罕默德·穆伊兹，祝贺他。', 1), ('致电穆罕默德.穆伊兹', 0))
    """
    return _name_dots_sub(text) if "。" in text else (text, 0)


# Rule "digit_stop": OCR's "。" between the month and the day of an event named in quotes is its 间隔号
# (EVENT_STOP_RE: “3。15” → “3·15”), and so is a space there: a PDF's text where the font had no glyph for the ·;
# elsewhere a 。 between digits may end a sentence (共计30。3月起…) and a space parts two numbers: kept.
def _digit_stop(m: re.Match[str]) -> str:
    """
        >>> EVENT_STOP_RE.sub(_digit_stop, "总台2024年“3。15”晚会"), EVENT_STOP_RE.sub(_digit_stop, "增长6。5%")
        ('总台2024年“3·15”晚会', '增长6。5%')
        >>> EVENT_STOP_RE.sub(_digit_stop, "“13。5”"), EVENT_STOP_RE.sub(_digit_stop, "共计30。3月5日开幕")
        ('“13。5”', '共计30。3月5日开幕')
        >>> EVENT_STOP_RE.sub(_digit_stop, "“3 15”晚会"), EVENT_STOP_RE.sub(_digit_stop, "“1 2 3”")
        ('“3·15”晚会', '“1 2 3”')
    """
    return m.group().replace("。", "·").replace(" ", "·")


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
_ASCII_PAIR_RE = re.compile(r"(\([^()（）\n]{0,80}\))")  # (nothing between but text: "(…）…（…)" is two lone marks)
_ASCII_PARENS = frozenset("()")


def _lone_full(text: str) -> tuple[str, int]:
    """Rule "parens" for lone marks (``_LONE_PAREN_RE``), again where a mark it set full-width stands beside an ASCII
    one: a run of lone parentheses ``((((`` after Chinese, each touching Chinese once the one before it is
    full-width. Elsewhere one pass is all (a change decides only its neighbours), and the check reads only the
    characters beside the marks changed.

        >>> _lone_full("策》((((》"), _lone_full("（据央视网)")
        (('策》（（（（》', 4), ('（据央视网）', 1))
    """
    total = 0
    while True:
        parts = _LONE_PAREN_RE.split(text)  # text, mark, text, mark, ..., text
        if len(parts) == 1:
            return text, total
        parts[1::2] = "".join(parts[1::2]).translate(_PAREN_TABLE)
        text, total = "".join(parts), total + len(parts) // 2
        if not any(parts[k - 1][-1:] in _ASCII_PARENS or parts[k + 1][:1] in _ASCII_PARENS
                   for k in range(1, len(parts), 2)):
            return text, total


def _lone_parens(text: str) -> tuple[str, int]:
    """Rule "parens" where the page prints its parentheses full-width (``parens="printed"``): an ASCII pair is as
    printed and stays; a lone ASCII mark touching Chinese, its partner full-width, becomes full-width.

    Example: sanmen02, ``“道路交通安全法”(第二次修正案)`` among thirty ``（…）``. Near miss: ``（据央视网)``, whose
    ``)`` closes a full-width ``（``.

        >>> _lone_parens("“道路交通安全法”(第二次修正案)在"), _lone_parens("（据央视网)")
        (('“道路交通安全法”(第二次修正案)在', 0), ('（据央视网）', 1))
        >>> _lone_parens("(记者 邱宇）本报讯（据央视网)")
        ('（记者 邱宇）本报讯（据央视网）', 2)
    """
    parts = _ASCII_PAIR_RE.split(text)  # text, pair, text, pair, ..., text
    changed = 0
    for k in range(0, len(parts), 2):
        parts[k], n = _lone_full(parts[k])
        changed += n
    return ("".join(parts), changed) if changed else (text, 0)


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


# OCR reads an opening quote as a closing one (县残联派送助残”大礼包”): a ” that closes nothing, another ” after it
# with no quote between, opens the pair.
CLOSER_PAIR_RE = re.compile(r"”(?=[^“”\n]{1,40}”)")
_QUOTE_MARK_RE = re.compile(r"[“”]|\n\n")


def quotes_paired(text: str) -> str:
    """The text with OCR's ” for each opening quote of a pair put right (``_closer_pairs``).

        >>> quotes_paired("非遗民俗文献展邀市民”宝读诗书”")
        '非遗民俗文献展邀市民“宝读诗书”'
    """
    return _closer_pairs(text)[0] if "”" in text else text


def _closer_pairs(text: str) -> tuple[str, int]:
    """
    Rule "quotes": each ” that closes no quote opened before it in its paragraph (a blank line parts paragraphs),
    with another ” after it and no quote between (``CLOSER_PAIR_RE``), opens the pair: read left to right, the quotes
    it opened counted.

        >>> _closer_pairs("县残联派送助残”大礼包”"), _closer_pairs("“好。”他说”对”")
        (('县残联派送助残“大礼包”', 1), ('“好。”他说“对”', 1))
        >>> _closer_pairs("助残”大礼包”和”爱心卡”。")
        ('助残“大礼包”和“爱心卡”。', 2)
        >>> _closer_pairs("“他说”好”"), _closer_pairs("他说：“我们要学习“雷锋\\n精神”，多做好事。”")  # (closing)
        (('“他说”好”', 0), ('他说：“我们要学习“雷锋\\n精神”，多做好事。”', 0))
    """
    depth, flips = 0, []
    for m in _QUOTE_MARK_RE.finditer(text):
        mark = m.group()
        if mark == "\n\n":
            depth = 0
        elif mark == "“":
            depth += 1
        elif depth:
            depth -= 1
        elif CLOSER_PAIR_RE.match(text, m.start()):
            flips.append(m.start())
            depth += 1
    if not flips:
        return text, 0
    chars = list(text)
    for at in flips:
        chars[at] = "“"
    return "".join(chars), len(flips)


_SQUOTE_RE = re.compile(rf"'(?<![A-Za-z]')([^'\n]{{0,100}}{_HAN}[^'\n]{{0,100}})'(?![A-Za-z])")
# OCR reads an opening quote as a double prime (″ 我爱你”); after a digit it is seconds or inches (5″)
_PRIME_RE = re.compile(r"(?<![0-9])″")
# A single curly quote whose partner came out straight (OCR: ' 今天你表白了吗’): the pair is curly
_HALF_CURLY_SINGLE_RE = re.compile(rf"'(?<![A-Za-z]')([^‘’'\n]{{0,100}}{_HAN}[^‘’'\n]{{0,100}})’")
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


# Rule "ocr_dun": tesseract reads a 、 in small print as a space and a point between two Han words
# (``爱心伞 .爱心雨披``); a point right after a Han character is not this one's, nor a backtick after a space (a
# middle dot misread in a name, OCR's gap before it: ``艾哈迈德 `纳瓦夫``).
_OCR_DUN_RE = re.compile(rf" (?<={_HAN} ) *\.(?={_HAN})")  # (a space first: see above)


def _ocr_dun(text: str) -> tuple[str, int]:
    """Rule "ocr_dun", asked only of a text with a point right after a space (``str.find`` is quick, a scan is not).

        >>> _ocr_dun("县送了爱心伞 .爱心雨披等"), _ocr_dun("增长12.3%")
        (('县送了爱心伞、爱心雨披等', 1), ('增长12.3%', 0))
    """
    if " ." not in text:  # (tesseract's gap is a space)
        return text, 0
    return _OCR_DUN_RE.subn("、", text)
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
_ASCII_SIGNS = frozenset("()[]{}/|\\+*&#~<>=_-")  # signs Chinese text sets without spaces around them


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
        if (_is_han(left) and right in _ASCII_SIGNS) or (left in _ASCII_SIGNS and _is_han(right)):
            return ""  # OCR's gap at a sign or a misread mark: 文 / 王璐, 今年 ] 一2月, 通讯员吴敏杰 ) 发放
        if left == "-" and a >= 2 and _is_han(s[a - 2]) and right.isdigit():
            return ""  # a range's hyphen after Han, letter-spaced: 12月6日 - 7日
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


def _rules(spacing: Spacing, quotes: Quotes, parens: Parens = "full") -> list[Rule]:
    rules = [
        ("nfc", None, _nfc, None),
        ("invisible", _INVISIBLE_CHARS, _translate(_INVISIBLE_RE, _INVISIBLE), None),  # type: ignore[arg-type]
        ("lookalike", _LOOKALIKE_CHARS, _translate(_LOOKALIKE_RE, _LOOKALIKE), None),  # type: ignore[arg-type]
        ("width", _WIDTH_CHARS, _translate(_WIDTH_RE, _WIDTH), None),  # type: ignore[arg-type]
        ("width", "．", _sub(_FW_POINT_RE, "."), (".", "...")),
        ("ocr_point", "．", _ocr_point, ""),
        ("quotes", "″", _sub(_PRIME_RE, '"'), '"'),
        ("quotes", '"', _sub(_HALF_CURLY_RE, _half_curly), ""),
        ("quotes", '"', _sub(_DQUOTE_RE, _dquotes), ""),
        ("quotes", ("”",), _closer_pairs, ""),
        ("quotes", "'", _sub(_HALF_CURLY_SINGLE_RE, lambda m: f"‘{m.group(1)}’"), ""),
        ("quotes", "'", _sub(_SQUOTE_RE, lambda m: f"‘{m.group(1)}’"), ""),
        ("parens", "〈", _sub(_ANGLE_PAREN_RE, _angle_paren), ""),
        *([("parens", "(", _translated(_PAREN_RE, _PAREN_TABLE), ""),
           ("parens", "()", _lone_full, "")] if parens == "full" else [("parens", "()", _lone_parens, "")]),
        ("marks", ",:;!?", _translated(_MARK_RE, _ASCII_TO_ZH_TABLE), ""),
        ("ellipsis", ("...", "。。。", "・", "…"), _sub(_ELLIPSIS_RE, _ellipsis), "…"),
        ("ocr_dun", ".", _ocr_dun, ""),
        ("middot", ".", _name_dots, ""),
        ("period", ".", _sub(_PERIOD_RE, "。"), ("。。。",)),
        ("digit_stop", ("。", " "), _sub(EVENT_STOP_RE, _digit_stop), ""),
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


# Sites: what some rule needs, where it could matter, found by one scan that answers every rule's
# ``needs``. Most are single characters, anywhere. A space counts only between text on both sides
# (indents and line ends are structure); "-", "。" and "一" are everywhere and count only as "--",
# "。。。" (ellipsis) or the 。 of "3。15" (digit_stop), "一一" or the 一 of "1一2" (dash); "..." is the
# ellipsis, "." is a lone dot.
_INVISIBLE_CHARS = frozenset(map(chr, _INVISIBLE))
_LOOKALIKE_CHARS = frozenset(map(chr, _LOOKALIKE))
_WIDTH_CHARS = frozenset(map(chr, _WIDTH))
_SPACE_CHARS = " \t\u00a0\u3000"
_PLAIN = re.escape("".join(sorted(
    _INVISIBLE_CHARS | _LOOKALIKE_CHARS | _WIDTH_CHARS | set(".．\"'〈(),:;!?・…—―•‧∙⋅`「」『』@″")
)))
# One class of every first character (the engine stops only there), then what each one needs.
_SITE_RE = re.compile(
    rf"[{_PLAIN}{_SPACE_CHARS}\-。一”]"
    rf"(?:(?<=\.)\.\.|(?<=[{_PLAIN}])|(?<={_INSIDE}{_SP})(?={_SP}*{_INSIDE})"
    rf"|(?<=。)。。|(?<=\d。)(?=\d)|(?<=一)一|(?<=\d一)(?=\d)|(?<=-)-|(?<=”)(?=[^“”\n]{{1,40}}”))"
)


def _sites(text: str) -> set[str]:
    """
    The sites in ``text``.

        >>> sorted(_sites("\u3000\u3000好。一,下 见。。。1一2-3 \\n"))
        [' ', ',', '。。。', '一']
        >>> sorted(_sites("好--一一...."))
        ['--', '.', '...', '一一']
        >>> sorted(_sites("“3。15”完成。5月"))
        ['。']
    """
    return set(_SITE_RE.findall(text))

