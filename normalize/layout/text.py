"""What a line's text alone says: sentence ends, joins, headline-likeness and the kind of a line.

These predicates look at characters only, never at the page; the page rules above build on them.
"""

from __future__ import annotations

import re
import string

from ..chardata import (
    CLOSE_BRACKETS,
    CLOSERS,
    CREDIT_TAIL_RE,
    DATE_RE,
    DATELINE_RE,
    EDITION_RE,
    EDITOR_RE,
    EVENT_STOP_RE,
    HAN,
    HAN_RE,
    JUMP_RE,
    OPEN_BRACKETS,
    OPENERS,
    PAGE_NUMBER_RE,
    RULE_GLYPHS,
    SENTENCE_END,
    WEEKDAY_RE,
    WORD_CHAR_RE,
)
from ..profile import ACTIVE
from ..words import one_word
from .rules import decide, family, subset

# Marks a line may not start with: printed after the word before them, or pushed down with it
NO_LINE_START = "。，、；：！？）》”’」』〉…,.;:!?)"
NO_LINE_START_SET = frozenset(NO_LINE_START)
PUSHED_RE = re.compile(f"^[{re.escape(NO_LINE_START)}]")
KINSOKU_RE = re.compile(f"^[^\\W\\d_][{re.escape(NO_LINE_START)}]")  # a word that came down with its mark
CUT_STARTS = frozenset(NO_LINE_START + OPENERS)  # where pdftotext cuts a line
CLOSING_BRACKET_RE = re.compile(f"[{CLOSE_BRACKETS}]")
MID_MARKS = "，、；：,;:"  # marks that never end a paragraph or a credit
# Sentence-internal marks: a line with more than one of them is prose, not a headline.
# (OCR reads a comma after a Han character as a full-width full stop: ``八九 ．也许``)
CLAUSE_RE = re.compile(f"[，、；,;]|．(?:(?<=[{HAN}]．)|(?<=[{HAN}] ．))(?![0-9０-９])")
BRACKETED_DATE_RE = re.compile(f"[{OPEN_BRACKETS}]\\s*\\d{{1,2}}\\s*月\\s*\\d{{1,2}}\\s*日\\s*[{CLOSE_BRACKETS}]")
SENTENCE_TAIL_RE = re.compile(f"[{HAN}]{{1,3}}[。！？]")  # a line that ends the sentence above first
# Marks that a headline line never ends with (they continue a sentence).
_CONTINUES_RE = re.compile(r"[，、；：,;:（(“‘《]$")
# "。 X" inside a line: where the document never spaces after its marks, this space is the
# paragraph indent of a new paragraph ("…600公斤。 眼下，内蒙古…"); before a closing mark it is
# OCR's gap inside the sentence ("我没时间。 ”").
INLINE_BREAK_RE = re.compile(r"(?<=[。！？])([”’）》]*)[ \u3000]+(?=[^\s”’）》」』])")
# Spaces after clause marks: a document that has them ("发展， 促进") spaces after every mark.
SPACEY_RE = re.compile(r"[，、；：] ")
# An English word hyphenated at a line end.
_HYPHEN_END_RE = re.compile(r"([A-Za-z]{2,})-$")
_WORD_START_RE = re.compile(r"^([a-z]+)")
_LATIN_END_RE = re.compile(r"[A-Za-z0-9.,;:!?%)\]'\"]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z(\[]")
# A justified line of prose comes out letter-spaced ("记 者 还 了 解 到"); headlines are not justified.
# ("今 天 （ 3 月 15": two characters of it and two more glyphs, marks or digits, one space apart)
LETTER_SPACED_RE = re.compile(f"[{HAN}] [{HAN}] [{HAN}] [{HAN}]|(?<!\\S)[{HAN}] [{HAN}] \\S \\S(?!\\S)")
# spaces, ASCII marks, or a run of Latin glyphs and digits: widths that vary by font
GAPPED_RE = re.compile(r"[ !-/:-@\[-`{-~]")
UNSURE_WIDTH_RE = re.compile(GAPPED_RE.pattern + r"|(?:[0-9A-Za-z][^0-9A-Za-z]*){4}")
# the full-width marks of NO_LINE_START but "…", and "】": a typesetter may set them half-width at a line's end
SQUEEZABLE_ENDS = (frozenset(NO_LINE_START) - frozenset("…,.;:!?)")) | {"】"}
# A number or Latin word comes down to the next line whole, with an opening bracket before it.
_WORD_OPENERS = "（(“‘《"
LEADING_WORD_RE = re.compile(f"^[{_WORD_OPENERS}]?[0-9A-Za-z][0-9A-Za-z.,%:/+\\-]*")
# ...and in a headline with the dot of a date and its closing quote or bracket ("“3·15”"): no line breaks inside
UNBROKEN_RE = re.compile(f"^[{_WORD_OPENERS}]?[0-9A-Za-z][0-9A-Za-z.,%:/+·\\-]*[”’》）)]?")
WORD_STARTS = frozenset(_WORD_OPENERS + string.digits + string.ascii_letters)  # where that can start
CREDIT_CLOSERS = tuple(CLOSE_BRACKETS)  # a credit ends with one of these (a tuple: "" is not in it)
INDENT_STARTS = frozenset(" \t\u00a0\u3000")  # what INDENT_RE can start with
INDENT_RE = re.compile(r"^(?:\u3000|[ \t\u00a0]{2,}|[ \u00a0](?=[^\x00-\x7f]))")
_SENTENCE_END = frozenset(SENTENCE_END)
_CLOSER_SET = frozenset(CLOSERS)

MAX_HEADLINE_CHARS = 48  # a longer line is prose
SHORT_COLON_CHARS = 8  # "机遇与合作：": a headline broken at its colon is this short
NOISE_CHARS = 4  # a line without letters this short is a stray glyph, longer a decoration
PAGE_NUMBER_CHARS = 7
CREDIT_CHARS = 60  # a line in brackets this short can be a credit...
OPEN_CREDIT_CHARS = 40  # ...one opening with its bracket, this short
RUNNING_HEAD_CHARS = 36  # a running head (date, edition) is this short, spaces aside (OCR spaces its words)
DATE_ONLY_CHARS = 16  # a dated line without a weekday is furniture only this short
_EDITOR_STARTS = frozenset("责本编校美版组审排")
DECORATION_CHARS = 8  # a line this long made of...
DECORATION_KINDS = 5  # ...this few kinds of character is a drawn rule...
DECORATION_MARKS = 0.6  # ...as is one of this share of marks
_HAN_PAIR_RE = re.compile(f"[{HAN}]{{2}}")
# A byline: (an ornament, OCR's @ for ◎,) 文/X, 文/图 X, 图/X, 摄影 X
BYLINE_OPENERS = frozenset("◎○●@©文图摄")
DEBRIS_CHARS = 3  # OCR's debris of a drawing: lines of a glyph or three, with...
DEBRIS_SIGNS = frozenset("|｜¦§¶")  # ...the signs it reads strokes and curls as
_NAME = r"[\w·]{2,8}(?:\s+[\w·]{2,8}){0,2}"
_BYLINE_WORD = r"(?:文\s*[/／]\s*图\s*[/／:：]?|(?:文|图)\s*[/／:：]|(?:摄影|摄)\s*[:：\s])"
# (the name may go to the next line after an ornament: ``◎ 文／`` / ``姜钦峰 有个年轻人…``)
BYLINE_RE = re.compile(rf"^(?:[◎○●@©]?\s*{_BYLINE_WORD}\s*{_NAME}|[◎○●@©]\s*{_BYLINE_WORD})$")
# A credit set without brackets on a line of its own: 供稿：社区居委会, 报道：王璐, 王璐 报道, 社区居委会供稿
LABEL_CREDIT_RE = re.compile(
    rf"^(?:(?:供稿|报道|来源|稿源|信息来源|撰稿)\s*[:：]\s*{_NAME}|{_NAME}(?:\s+报道|\s*供稿))$")
LABEL_CREDIT_STARTS = frozenset("供报来稿信撰")
LABEL_CREDIT_ENDS = ("报道", "供稿")
_LABEL_CREDIT_LAST = frozenset(end[-1] for end in LABEL_CREDIT_ENDS)  # what the fast path of classify_line asks
PROSE_MARK_RE = re.compile(r"[，。；！？,;]")
# (also OCR's 《 for the opening bracket, where the closing one is a bracket, not a book title's 》)
_BRACKETED_LINE_RE = re.compile(
    f"^(?:[{OPEN_BRACKETS}][^（）()。，,！？]{{2,24}}|《[^（）()。，,！？《》]{{2,24}})[{CLOSE_BRACKETS}]$")


def ends_sentence(text: str, *, ascii_marks: bool = False) -> bool:
    """
    True when a line ends a sentence: 。！？… possibly followed by closing quotes or brackets (OCR's spaces
    between them aside), or an ASCII ``?`` or ``!`` after a Chinese character followed by a closing quote (speech);
    with ``ascii_marks``, also such a mark alone, as OCR and extraction print them (the text stages read those as a
    headline's ``!`` too often to count them there).

        >>> ends_sentence("等重点问题。"), ends_sentence("“社会组织能力提升”"), ends_sentence("好。”")
        (True, False, True)
        >>> ends_sentence("好爸爸?"), ends_sentence("好爸爸?", ascii_marks=True), ends_sentence("好爸爸?”")
        (False, True, True)
        >>> ends_sentence("COVID?", ascii_marks=True)
        False
        >>> ends_sentence("我到底是不是好爸爸? ”"), ends_sentence("用电高峰来了!"), ends_sentence("天文智慧。 ”")
        (True, False, True)
    """
    if ascii_marks:
        end = text.rstrip().rstrip(CLOSERS)
        core = end.rstrip("?!")
        if core != end:  # (``真的吗?!``: the run of marks, then what it follows)
            return bool(core) and not core[-1].isascii()
    last = text[-1:]
    if last in _SENTENCE_END:
        return True
    if last not in _CLOSER_SET and not last.isspace():
        return False  # the common case, decided without copying the line
    stripped = text.rstrip()
    end = stripped.rstrip(CLOSERS + " ")  # (OCR spaces a closing quote off its mark: ``好爸爸? ”``)
    if end and end[-1] in _SENTENCE_END:
        return True
    # (speech closed after OCR's ASCII ? or !: the quote tells it from a headline's ``用电高峰来了!``)
    return len(end) > 1 and end[-1] in "?!" and end != stripped and not end[-2].isascii()


def has_full_stop(text: str) -> bool:
    """A full stop in the line: not OCR's reading of an event's 间隔号 (``“3。15”``, ``EVENT_STOP_RE``).

        >>> has_full_stop("活动圆满结束。下午"), has_full_stop("总台2024年“3。15”晚会今晚播出")
        (True, False)
        >>> has_full_stop("便民服务热线号码为12345。3月起")
        True
    """
    return "。" in text and "。" in EVENT_STOP_RE.sub("", text)


def holds_sentence(text: str) -> bool:
    """A sentence ends in the line or at its end: no headline's, label's or furniture's line.

        >>> holds_sentence("活动圆满结束。下午"), holds_sentence("报：市民政局"), holds_sentence("好。”")
        (True, False, True)
    """
    return has_full_stop(text) or ends_sentence(text)


def join_lines(left: str, right: str, *, hyphenated: frozenset[str] = frozenset()) -> str:
    """
    Join two printed lines of one paragraph.

    Chinese joins with no space, Latin to Latin with one space; an English word hyphenated at
    the line end loses its hyphen unless the document writes it with one elsewhere
    (``hyphenated``) or the next part starts with a capital or digit.

        >>> join_lines("白血", "病困境家庭")
        '白血病困境家庭'
        >>> join_lines("the inter-", "national day")
        'the international day'
        >>> join_lines("COVID-", "19 cases"), join_lines("in the", "world")
        ('COVID-19 cases', 'in the world')
        >>> join_lines("自2023", "年起")
        '自2023年起'
    """
    if not left:
        return right
    if not right or left[-1] > "\x7f":  # a Chinese (non-ASCII) end joins as it is
        return left + right
    m = _HYPHEN_END_RE.search(left)
    if m:
        w = _WORD_START_RE.match(right)
        if w and f"{m.group(1)}-{w.group(1)}".lower() not in hyphenated:
            return left[:-1] + right
        return left + right
    if _LATIN_END_RE.search(left) and _LATIN_START_RE.search(right):
        if left[-1].isdigit() and right[0].isdigit():
            return left + right
        return left + " " + right
    return left + right


def hyphenated_words(text: str) -> frozenset[str]:
    """Compounds the document itself writes with a hyphen on one line (``well-known``).

        >>> sorted(hyphenated_words("a well-known name, a well-\\nknown one"))
        ['well-known']
    """
    return frozenset(m.lower() for m in re.findall(r"[A-Za-z]{2,}-[a-z]+", text))


# The kind of a stripped line judged on its own. Each rule tests a cheap cue first: most lines are prose.

def profile_line(text: str) -> str | None:
    """A line the corpus profile names (``--profile``): its running heads, labels, credits and
    bylines, as the user knows their paper (none without a profile)."""
    return ACTIVE[-1].kind(text) if ACTIVE and text else None


def blank_line(text: str) -> str | None:
    """An empty line: ``""`` -> blank."""
    return "blank" if not text else None


RULE_BARS = RULE_GLYPHS | {" "}  # (and spaces between them)


def column_rule(text: str) -> str | None:
    """Nothing but bars: a rule between columns that OCR read as text (``| ||| || |``, left where the lines it
    stood in were cut at the gutter, ``normalize.gutters``), however long: noise.

    >>> column_rule("| ||| || |"), column_rule("｜"), column_rule("读非遗|西乡"), column_rule("1 | 2")
    ('noise', 'noise', None, None)
    """
    if text[:1] not in RULE_BARS:  # (most lines: at once)
        return None
    return "noise" if text.strip() and set(text) <= RULE_BARS else None


def no_letters(text: str) -> str | None:
    """No letter, digit or Han: ``”`` is a stray glyph (noise), ``……………`` a longer decoration (text)."""
    if WORD_CHAR_RE.search(text):
        return None
    return "noise" if len(text) <= NOISE_CHARS else "text"


def decoration(text: str) -> str | None:
    """A rule drawn with characters, between articles: ``十"十-十"十-十…`` (OCR's dotted rule),
    ``…………``, ``————``, ``卜 -——+一-—·卜 -—卜``: a long line of a few characters over and over, or
    mostly of marks, no two Han characters side by side (prose always has them; OCR reads a
    dash as 一)."""
    return "noise" if not han_pair(text) and drawn(text.replace(" ", "")) else None


def han_pair(text: str) -> bool:
    """Two Han characters side by side, spaces aside, as prose always has; OCR's 一 for a dash
    does not count.

    >>> han_pair("卜 －—卜"), han_pair("一－—一"), han_pair("世界 辽阔")
    (False, False, True)
    """
    return bool(_HAN_PAIR_RE.search(text.replace(" ", "").replace("一", "")))


def debris(text: str) -> bool:
    """A glyph or three that no line of text is made of: a bar or a sign among them, or a
    Latin letter or an opening mark alone, as OCR reads a logo or a masthead drawn in display type
    (``ｌ 瓷`` / ``罄 ｜`` / ``馥 §`` / ``《``); a page number, a short word or a mark of
    prose is none.

    >>> debris("罄 ｜"), debris("馥 §"), debris("ｌ"), debris("《"), debris("ｌ 瓷")
    (True, True, True, True, False)
    >>> debris("12"), debris("真 篱典 藏"), debris("℃ 。"), debris("Ａ股"), debris("【生活智慧】")
    (False, False, False, False, False)
    """
    bare = text.replace(" ", "")
    if not bare or len(bare) > DEBRIS_CHARS:
        return False
    lone_letter = len(bare) == 1 and bare.isalpha() and (bare.isascii() or "\uff21" <= bare <= "\uff5a")
    return bare in OPENERS or lone_letter or not DEBRIS_SIGNS.isdisjoint(bare)


DRAWN_RULES = ("decoration", "decoration_run")  # the whys of a rule drawn with characters: it ends a story
BETWEEN_STORIES = (*DRAWN_RULES, "head_block")  # ... and of a page's head printed among the text: they end a story


def drawn(bare: str) -> bool:
    """Long, and of a few characters over and over or mostly of marks: how a rule drawn with
    characters looks (``decoration`` on a line, ``decoration_runs`` on a run of lines).

    >>> drawn("十-十-十-十-"), drawn("·…、、、～｝ｌ、Ｉ"), drawn("１２３４５６７８"), drawn("……")
    (True, True, False, False)
    """
    if len(bare) < DECORATION_CHARS:
        return False
    marks = sum(1 for c in bare if not c.isalnum())  # (a Han character is alphanumeric)
    return len(set(bare)) <= DECORATION_KINDS or marks >= DECORATION_MARKS * len(bare)


def byline_line(text: str) -> str | None:
    """A byline alone on a line: ``◎文/姜钦峰``, OCR's ``@ 文/姜钦峰``, ``文/图 王璐``, ``摄影 李晓明``,
    ``◎ 文／`` (its name on the next line)."""
    return "byline" if text[0] in BYLINE_OPENERS and BYLINE_RE.match(text) else None


def label_credit(text: str) -> str | None:
    """A credit without brackets alone on a line: ``供稿：社区居委会``, ``报道：王璐``, ``王璐 报道``,
    ``社区居委会供稿``; near misses ``据报道：今年…，`` (prose) and ``专题报道`` (a headline)."""
    if (text[0] in LABEL_CREDIT_STARTS or text.endswith(LABEL_CREDIT_ENDS)) and LABEL_CREDIT_RE.match(text):
        return "credit"
    return None


def jump_line(text: str) -> str | None:
    """A jump line names its page: ``（下转第4版）``; near miss ``第5版是重点。`` is prose."""
    return "jump" if ("版" in text or "页" in text) and JUMP_RE.match(text) else None


def editor_line(text: str) -> str | None:
    """The editors' line of a page: ``本版编辑：民生周刊编辑部``."""
    return "furniture" if text[0] in _EDITOR_STARTS and EDITOR_RE.match(text) else None


CRUMBS_RE = re.compile(r"[^\s，。；：]{1,3}(?: [^\s，。；：]{1,3})?\s{3,}")
"""A few glyphs, then a wide space: OCR's crumbs of a logo before the text beside it on its line."""


def page_number(text: str) -> str | None:
    """A page number alone: ``- 5 -``; near miss ``2016年`` is text."""
    return "furniture" if len(text) <= PAGE_NUMBER_CHARS and PAGE_NUMBER_RE.match(text) else None


def credit_line(text: str) -> str | None:
    """A source in brackets: ``（据天津市武清区融媒体中心）``, ``（记者 张三）说明…（来源：央视网）``."""
    if text[-1] not in CLOSE_BRACKETS or len(text) > CREDIT_CHARS:
        return None
    if CREDIT_TAIL_RE.match(text) or (
            text[0] in OPEN_BRACKETS and CREDIT_TAIL_RE.search(text) and len(text) <= OPEN_CREDIT_CHARS):
        return "credit"
    return None


def bracketed_line(text: str) -> str | None:
    """A whole short line in brackets after a story is its source, even misread by OCR: ``（新疆民政厅）``,
    ``《东城区民政局)``. Near miss: a book title, ``《新闻联播》``.

        >>> bracketed_line("（新疆民政厅）"), bracketed_line("《东城区民政局)"), bracketed_line("《新闻联播》")
        ('credit', 'credit', None)
    """
    if text[-1] not in CLOSE_BRACKETS or len(text) > CREDIT_CHARS:
        return None
    return "credit" if _BRACKETED_LINE_RE.match(text) else None


def running_head(text: str) -> str | None:
    """A dated or numbered page head without prose marks: ``民生周刊 2024年7月29日星期一 第5版 民生``."""
    if (("版" in text or "年" in text) and len("".join(text.split())) <= RUNNING_HEAD_CHARS
            and not PROSE_MARK_RE.search(text)
            and (EDITION_RE.search(text) or (DATE_RE.search(text)
                                             and (WEEKDAY_RE.search(text) or len(text) <= DATE_ONLY_CHARS)))):
        return "furniture"
    return None


LINE_KIND = family("line_kind", profile_line, blank_line, decoration, column_rule, no_letters, byline_line, jump_line,
                   editor_line, page_number, credit_line, bracketed_line, label_credit, running_head)
# the one rule a line can meet without the others' cues (see classify_line)
_PROSE_KIND = subset("line_kind", (decoration, column_rule, no_letters))
_PROFILED_PROSE_KIND = subset("line_kind", (profile_line, decoration, column_rule, no_letters))  # a profile's lines too


def classify_line(text: str) -> tuple[str, str]:
    """
    Kind of a stripped line judged on its own (text, furniture, jump, credit, noise or blank)
    and the rule that said so ("" for plain text).

        >>> classify_line("（据天津市武清区融媒体中心）"), classify_line("（下转第4版）")
        (('credit', 'credit_line'), ('jump', 'jump_line'))
        >>> classify_line("民生周刊 2024年7月29日星期一 第5版 民生")[0], classify_line("”")[0]
        ('furniture', 'noise')
        >>> classify_line("本版编辑：民生周刊编辑部")[0], classify_line("第5版是重点。")
        ('furniture', ('text', ''))
    """
    if (len(text) > PAGE_NUMBER_CHARS and text[0] not in _EDITOR_STARTS and text[0] not in BYLINE_OPENERS
            and text[-1] not in CLOSE_BRACKETS and "版" not in text and "页" not in text and "年" not in text
            and text[0] not in LABEL_CREDIT_STARTS and text[-1] not in _LABEL_CREDIT_LAST):
        rules: tuple = _PROFILED_PROSE_KIND if ACTIVE else _PROSE_KIND  # none of the other rules' cues: most lines
    else:
        rules = LINE_KIND
    kind, why = decide(rules, text)
    return (kind, why) if kind is not None else ("text", "")


# a numbered subhead inside a story, the numbering of GB/T 9704: 一、 （一） 1.
NUMBERED_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、](?!\d))")
SUBHEAD_CHARS = 20  # a subhead is this short


def numbered_subhead(text: str) -> bool:
    """A numbered subhead of its own line, no sentence in it: ``一、加强组织领导``, ``（二）狠抓落实``.

        >>> numbered_subhead("一、加强组织领导"), numbered_subhead("（二）狠抓工作落实")
        (True, True)
        >>> numbered_subhead("一、加强组织领导。全县各部门…"), numbered_subhead("2.5亿元用于…")
        (False, False)
        >>> numbered_subhead("加强组织领导")
        False
    """
    text = text.strip()
    return bool(NUMBERED_RE.match(text)) and len(text) <= SUBHEAD_CHARS and not any(c in text for c in "。！？；")


def is_heading_candidate(text: str) -> bool:
    """
    Could this line be (part of) a headline? No sentence end, not mid-clause, little inner punctuation.

        >>> is_heading_candidate("社会工作助力新疆民政事业"), is_heading_candidate("西乡北帝三月三精彩不断！")
        (True, True)
        >>> is_heading_candidate("作，取得了一系列成果。"), is_heading_candidate("北斗七星方位，")
        (False, False)
        >>> is_heading_candidate("昨天（10月19日）晚上"), is_heading_candidate("国庆假期（10月1日至7日）全国出游")
        (False, True)
        >>> is_heading_candidate("本报讯 〈记者刘洋 通讯员 刘洋)"), is_heading_candidate("总台2024年“3。15”晚会播出")
        (False, True)
    """
    if not text or has_full_stop(text) or "；" in text or "、" in text or len(text) > MAX_HEADLINE_CHARS:
        return False
    if text[0] in OPEN_BRACKETS or ("月" in text and BRACKETED_DATE_RE.search(text)):
        return False  # "今天（3月15日）" dates a news lead's first sentence, not a headline
    if DATELINE_RE.match(text):
        return False  # "本报讯（记者…）" opens a story's first paragraph
    if text[-1] in "：:" and len(text) <= SHORT_COLON_CHARS and not CLAUSE_RE.search(text):
        text = text[:-1]  # "机遇与合作：" / "“通武廊”社会工作再携手": a headline broken at its colon
    if _CONTINUES_RE.search(text) or PUSHED_RE.match(text):
        return False
    if len(CLAUSE_RE.findall(text)) > 1 or LETTER_SPACED_RE.search(text):
        return False
    return WORD_CHAR_RE.search(text) is not None


def clause_free_heading(text: str) -> bool:
    """A line a headline could have with no clause mark in it: a title's line, not a kicker's wrapped at its comma.

        >>> clause_free_heading("二十大新闻中心"), clause_free_heading("夯实社会工作理论基础，促进")
        (True, False)
    """
    return is_heading_candidate(text) and not CLAUSE_RE.search(text)


def headline_shaped(text: str) -> bool:
    """A line a headline could have, also with a 、 listing two of its words, which ``is_heading_candidate`` refuses
    (a narrow column's prose has them too).

        >>> headline_shaped("相约“5.20”表白、登记迎来小高潮"), headline_shaped("社会工作助力新疆民政事业")
        (True, True)
        >>> headline_shaped("近日，县里举办技能培训，内容包括电工和焊工等"), headline_shaped("参加。培训为期三天、内容")
        (False, False)
    """
    return is_heading_candidate(text) or ("、" in text and is_heading_candidate(text.replace("、", "", 1)))


def unclosed(text: str) -> int:
    """
    Opening quotes and brackets minus closing ones: below 0 the tail of a sentence (not a
    headline), above 0 a quote that runs on.

        >>> unclosed("悦”读非遗西乡历史文化展”也同"), unclosed("非遗民俗文献展邀市民“宝读诗书”"), unclosed("“喜阅")
        (-2, 0, 1)
    """
    return sum(text.count(c) for c in "“（《") - sum(text.count(c) for c in "”）》")


_UNIT_OPENS_RE = re.compile(r"[年月日号时万亿元%％]")  # a number's unit, opening the line after its digits
_DIGIT_ENDS_RE = re.compile(r"[0-9０-９]$")


def runs_into(above: str, below: str) -> bool:
    """
    A headline line wraps inside a quote it opened, which the line below closes, or inside a number whose unit
    opens the line below: the two are one part of the headline, never a kicker over a title.

        >>> runs_into("县残联派送助残“大", "礼包”"), runs_into("总台 2024", "年“3·15”晚会今")
        (True, True)
        >>> runs_into("喜迎“二十大”", "社区开展志愿服务"), runs_into("聚焦2024", "人大代表建言献策")
        (False, False)
    """
    return (unclosed(above) > 0 and closes_more(below)) or bool(
        _DIGIT_ENDS_RE.search(above) and _UNIT_OPENS_RE.match(below))


def closes_more(text: str) -> bool:
    """The text closes more quotes or brackets than it opens: it ends a sentence begun above."""
    return unclosed(text) < 0


def justified(text: str) -> bool:
    """
    A headline line spread to the full width by spaces between its characters (its width in
    the text says nothing about its printed width).

        >>> justified("总 台 2024 年"), justified("总台2024年"), justified("中国 经济展望")
        (True, False, False)
    """
    tokens = text.split()
    return len(tokens) >= 3 and all(len(t) <= 4 for t in tokens)


NAME_CHARS = 12  # a paper's or section's name alone on a line is this short
LABEL_CHARS = 4  # a section label ("简讯", "新闻速递") is this short
# a column tag over a title: "【数字十年】", also with OCR's "1", "]" or "|" for its closing bracket ("【工作动态1"), or
# with both ("【社工天地]】"), or OCR's "[" for its opening one ("[基层动态】"), or for both around words of Han
# alone ("[社工天地]")
TAG_MISREAD_CLOSERS = "1l|"  # what OCR reads for a column tag's closing 】 that is no bracket
TAG_RE = re.compile(
    rf"^(?:【[^】\]]{{1,12}}(?:\]】|[】\]{TAG_MISREAD_CLOSERS}])|\[[^【】\[\]]{{1,12}}】|\[[{HAN}]{{2,12}}\])$")
SUBTITLE_STARTS = ("——", "一一", "-一", "一-一", "--")  # a subtitle's dash (OCR: 一一, -一, 一-一; typed: --)


def is_deck(text: str) -> bool:
    """A deck's line: it opens on a real dash (not OCR's ``一一``, which begins words), and a headline could have it,
    with no clause mark.

        >>> is_deck("——一线观察之二"), is_deck("一一对应结对帮扶"), is_deck("——免费测血压，排起了长队")
        (True, False, False)
    """
    text = text.replace(" ", "")
    return text.startswith("——") and clause_free_heading(text)


def opens_subtitle(text: str, *, em_dash: bool = False) -> bool:
    """The text opens with a subtitle's dash, spaces aside (OCR's ``一 一``); with ``em_dash``, a
    single ``—`` too (a headline element after a dash).

        >>> opens_subtitle("——来自基层的报道"), opens_subtitle("一 一记者走访见闻"), opens_subtitle("—记者")
        (True, True, False)
        >>> opens_subtitle("-一记者走访见闻"), opens_subtitle("一-一线观察之二"), opens_subtitle("-1记者")
        (True, True, False)
        >>> opens_subtitle("—记者", em_dash=True)
        True
    """
    bare = text.replace(" ", "")
    return bare.startswith(SUBTITLE_STARTS) or (em_dash and bare.startswith("—"))


def without_subtitle(lines: list[str]) -> list[str]:
    """A headline's lines but a last one that opens a subtitle.

        >>> without_subtitle(["共建单位为复评齐献", "力", "——来自基层的报道"]), without_subtitle(["——"])
        (['共建单位为复评齐献', '力'], ['——'])
    """
    return lines[:-1] if len(lines) > 1 and opens_subtitle(lines[-1]) else lines
_BOOK_TITLE_RE = re.compile(r"《([^《》\n]{1,30})》")


def printed_titles(text: str) -> frozenset[str]:
    """The book titles a text prints closed, ``《新闻联播》`` (without their marks).

        >>> sorted(printed_titles("据央视《新闻联播》报道，《人民日报》评论。《新闻"))
        ['人民日报', '新闻联播']
    """
    return frozenset(_BOOK_TITLE_RE.findall(text))


def misread_closer(title: str, printed: frozenset[str]) -> bool:
    """
    The last glyph of a book title OCR left open is its closing marks ``》）`` read as one character: it is none
    of the characters papers and sites end their names on (``TITLE_ENDS``: ``人民法院报``, ``中国网``), and the
    document prints the title without it, closed, elsewhere (``《新闻联播》``), or the title without it is a name
    of ``NAMED_TITLE`` characters or more that the dictionary holds as one word, and with it none. A shorter
    word says nothing: ``关于加`` (快推进…), ``新闻联`` (播》), ``朗读者``, ``开讲啦`` are titles cut or whole.

        >>> misread_closer("新闻联播轧", frozenset({"新闻联播"})), misread_closer("新闻联播轧", frozenset())
        (True, True)
        >>> misread_closer("人民法院报", frozenset()), misread_closer("新闻联播", frozenset({"新闻联播"}))
        (False, False)
        >>> [misread_closer(t, frozenset()) for t in ("关于加", "新闻联", "朗读者", "开讲啦", "人民网评")]
        [False, False, False, False, False]
    """
    if len(title) < 2 or HAN_RE.match(title[-1]) is None or title[-1] in TITLE_ENDS or title in printed:
        return False
    return title[:-1] in printed or (len(title) > NAMED_TITLE and one_word(title[:-1]) and not one_word(title))


NAMED_TITLE = 4  # a programme's or paper's name the dictionary holds whole (新闻联播, 焦点访谈) is this long at least


def closes_title(following: str) -> bool:
    """The text after a book title left open at a line's end closes it: its rest wrapped to the next line
    (``播》）`` under ``(据央视《新闻联``).

        >>> closes_title("播》）"), closes_title("县里举办技能培训"), closes_title("《人民日报》评论")
        (True, False, False)
    """
    end = following.find("》", 0, TITLE_REST)
    return end >= 0 and "《" not in following[:end]


TITLE_REST = 12  # the rest of a book title wrapped to the next line is at most this long
TITLE_ENDS = frozenset("报刊网台社志")  # the last character of many a paper's, magazine's or site's name


_NAME_RE = re.compile(r"[\w\s·&|~^*'`._-]+")


def name_like(text: str) -> bool:
    """A short line of letters alone: a paper's or a section's name, or OCR's crumbs of one.

        >>> name_like("民生周刊"), name_like("公益时报 &"), name_like("今天，天气晴。")
        (True, True, False)
    """
    return len(text) <= NAME_CHARS and _NAME_RE.fullmatch(text) is not None
