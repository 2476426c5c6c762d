"""Column de-hyphenation: rebuild paragraphs and standalone lines from column-broken text.

A newsletter page arrives cut at every column edge. This stage turns the raw lines of a
document into blocks (paragraph, heading, credit, furniture, noise), each with the 1-based
inclusive span of raw lines it came from. Decisions use punctuation, line width against the
local column width (estimated from the neighbouring lines, never once per file) and blank lines.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .chardata import (
    CJK_PUNCT,
    CLOSERS,
    CONTINUED_RE,
    CREDIT_TAIL_RE,
    DATE_RE,
    EDITION_RE,
    EDITOR_RE,
    HAN,
    HAN_RE,
    JUMP_BACK_RE,
    JUMP_ON_RE,
    JUMP_RE,
    PAGE_NUMBER_RE,
    SENTENCE_END,
    WEEKDAY_RE,
    WORD_CHAR_RE,
)
from .segment import default_tokenizer

# Width of a line in em: Han and full-width marks count 1, ASCII letters and digits about half
# (proportional Latin glyphs), a space a small gap (pdftotext prints a space for any gap, so
# justified lines come out letter-spaced: "七 位 新 闻 发 言 人 介 绍" fills only ten em).
_ASCII_RE = re.compile(r"[!-~]")
_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]")
_MARK_RE = re.compile(f"[{CJK_PUNCT.replace('·', '')}]")
_NARROW_RE = re.compile(r"[!-~ \t\u00a0\u3000]")  # what _ASCII_RE or _SPACE_RE count
ASCII_EM = 0.55
# "·" (U+00B7) is a full em in Noto Sans CJK and a third of one in Noto Serif CJK: count it
# between the two ("艾哈迈德·纳瓦夫·艾哈迈德·" fills a Sans column, "罕默德·穆伊兹，祝贺…" a
# Serif one with a character to spare).
DOT_EM = 0.66
SPACE_EM = 0.15
MAX_SAMPLE_LINES = 400  # lines enough to tell how a page sets its marks
INDENT_EM = 2.0  # a paragraph's first line is indented by two em
LABEL_CHARS = 4  # a section label ("简讯", "新闻速递") is this short
EXPLICIT_INDENTS = 3  # lines indented in the text itself before indents are trusted alone

# A credit whose closing bracket OCR lost or misread ("〈据央视《新闻联播户").
_OPEN_CREDIT_RE = re.compile(r"^[（(〈]\s*(?:据|来源\s*[:：])[^（）()〈〉。，,]{1,14}$")
# Marks a line may not start with: printed after the word before them, or pushed down with it
_NO_LINE_START = "。，、；：！？）》”’」』〉…,.;:!?)"
_PUSHED_RE = re.compile(f"^[{re.escape(_NO_LINE_START)}]")
_KINSOKU_RE = re.compile(f"^[^\\W\\d_][{re.escape(_NO_LINE_START)}]")  # a word that came down with its mark
_NO_LINE_START_SET = frozenset(_NO_LINE_START)
_CUT_STARTS = frozenset(_NO_LINE_START + "“‘《（〈「『【")  # where pdftotext cuts a line
_CLOSING_BRACKET_RE = re.compile(r"[）)〉]")
_MID_MARKS = "，、；：,;:"  # marks that never end a paragraph or a credit
_NEVER_FINAL = frozenset("是和与及或把被从向对在并而但且为较比于")  # one-character words that need what follows
# Sentence-internal marks: a line with more than one of them is prose, not a headline.
_CLAUSE_RE = re.compile(r"[，、；,;]")
_BRACKETED_DATE_RE = re.compile(r"[（(〈]\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)〉]")
_SENTENCE_TAIL_RE = re.compile(f"[{HAN}]{{1,3}}[。！？]")  # a line that ends the sentence above first
# Marks that a headline line never ends with (they continue a sentence).
_CONTINUES_RE = re.compile(r"[，、；：,;:（(“‘《]$")
# "。 X" inside a line: where the document never spaces after its marks, this space is the
# paragraph indent of a new paragraph ("…600公斤。 眼下，内蒙古…").
_INLINE_BREAK_RE = re.compile(r"(?<=[。！？])([”’）》]*)[ \u3000]+(?=\S)")
# Spaces after clause marks: a document that has them ("发展， 促进") spaces after every mark.
_SPACEY_RE = re.compile(r"[，、；：] ")
# An English word hyphenated at a line end.
_HYPHEN_END_RE = re.compile(r"([A-Za-z]{2,})-$")
_WORD_START_RE = re.compile(r"^([a-z]+)")
_LATIN_END_RE = re.compile(r"[A-Za-z0-9.,;:!?%)\]'\"]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z(\[]")
# A justified line of prose comes out letter-spaced ("记 者 还 了 解 到"); headlines are not justified.
_LETTER_SPACED_RE = re.compile(f"[{HAN}] [{HAN}] [{HAN}] [{HAN}]")
_BAR_RE = re.compile(r"\|")
# spaces, ASCII marks, or a run of Latin glyphs and digits: widths that vary by font
# the full-width marks of _NO_LINE_START but "…", and "】": a typesetter may set them half-width at a line's end
_SQUEEZABLE_ENDS = (frozenset(_NO_LINE_START) - frozenset("…,.;:!?)")) | {"】"}
_GAPPED_RE = re.compile(r"[ !-/:-@\[-`{-~]")
_UNSURE_WIDTH_RE = re.compile(_GAPPED_RE.pattern + r"|(?:[0-9A-Za-z][^0-9A-Za-z]*){4}")
_EDITOR_STARTS = frozenset("责本编校美版组审排")
_SENTENCE_END = frozenset(SENTENCE_END)
_CLOSER_SET = frozenset(CLOSERS)
_PROSE_MARK_RE = re.compile(r"[，。；！？,;]")
_COLUMN_GAP_RE = re.compile(r"\s*\|\s*|\s{3,}")
_COLUMN_TOLERANCE = 6  # display cells: OCR places a column's pieces only roughly
_BRACKETED_LINE_RE = re.compile(r"^[（(〈][^（）()。，,！？]{2,24}[）)〉]$")
# A number or Latin word comes down to the next line whole, with an opening bracket before it.
_WORD_OPENERS = "（(“‘《"
_LEADING_WORD_RE = re.compile(f"^[{_WORD_OPENERS}]?[0-9A-Za-z][0-9A-Za-z.,%:/+\\-]*")
_WORD_STARTS = frozenset(_WORD_OPENERS + string.digits + string.ascii_letters)  # where that can start
_CREDIT_CLOSERS = ("）", ")", "〉")  # a credit ends with one of these (a tuple: "" is not in it)
_INDENT_STARTS = frozenset(" \t\u00a0\u3000")  # what _INDENT_RE can start with
_INDENT_RE = re.compile(r"^(?:\u3000|[ \t\u00a0]{2,}|[ \u00a0](?=[^\x00-\x7f]))")


@dataclass(slots=True)
class Line:
    """One raw line (or a piece of one) with what the rules need to know about it."""

    n: int  # 1-based raw line number
    page: int
    text: str  # stripped
    kind: str = "text"  # text | blank | furniture | jump | credit | noise
    indented: bool = False  # explicit indent (full-width space or 2+ spaces)
    forced_start: bool = False  # starts a paragraph (after an inline break)
    forced_end: bool = False  # ends a paragraph (before an inline break)
    last: int = 0  # the last raw line merged into this one ("今天（3月15日）" / "，"), if any

    @property
    def end(self) -> int:
        """The last raw line this line covers."""
        return self.last or self.n


Counts = tuple[int, int, int, int, int]  # characters, Latin glyphs, spaces, Chinese marks, "·"


def _counts(text: str) -> Counts:
    if not _NARROW_RE.search(text):  # most lines: Chinese and its marks only
        return (len(text), 0, 0, len(_MARK_RE.findall(text)), text.count("·"))
    return (len(text), len(_ASCII_RE.findall(text)), len(_SPACE_RE.findall(text)), len(_MARK_RE.findall(text)),
            text.count("·"))


def _em(counts: Counts, mark_em: float, dot_em: float = DOT_EM) -> float:
    n, n_ascii, n_space, n_mark, n_dot = counts
    return (n - n_ascii - n_space - n_mark - n_dot + ASCII_EM * n_ascii + SPACE_EM * n_space + mark_em * n_mark
            + dot_em * n_dot)


def line_width(text: str, mark_em: float = 1.0) -> float:
    """
    Printed width of a line in em, for comparing it with its column.

    ``mark_em`` is the width of a Chinese punctuation mark: 1 in plain typesetting, less where
    the typesetter compresses marks (then a line of many marks holds more characters).

        >>> line_width("工作协同发展，促进")
        9.0
        >>> line_width("2016年"), line_width("发展，促进", mark_em=0.5)
        (3.2, 4.5)
    """
    return round(_em(_counts(text), mark_em), 2)


def estimate_mark_em(counts: list[Counts]) -> float:
    """
    Width of a punctuation mark that makes the most lines agree on one column width.

    Full lines of a column all have the same printed width; counting marks at the width the
    typesetter gave them makes the most of them equal.

        >>> lines = ["访。重庆、四川、贵州、云南、", "西藏、陕西、甘肃七个省区市代", "表团的新闻发言人，介绍各自代"]
        >>> estimate_mark_em([_counts(t) for t in lines])
        1.0
        >>> lines = ["为进一步夯实社会工作理论基础", "“一”“二”“三”“四”近日新疆维吾", "进“政校合作”，近日，新疆维吾"]
        >>> estimate_mark_em([_counts(t) for t in lines])
        0.5
    """
    counts = [c for c in counts if c[0] >= 6][:MAX_SAMPLE_LINES]
    if not any(c[3] for c in counts):
        return 1.0
    best, best_count = 1.0, -1
    for mark_em in (1.0, 0.75, 0.5):
        bins: dict[float, int] = {}
        for c in counts:
            w = round(_em(c, mark_em) * 2) / 2
            for d in (-0.5, 0.0, 0.5):
                bins[w + d] = bins.get(w + d, 0) + 1
        count = max(bins.values())
        if count > best_count * 1.05:
            best, best_count = mark_em, count
    return best


def estimate_dot_em(samples: list[tuple[str, float, list[str]]], mark_em: float = 1.0) -> float:
    """
    Width of "·" on this page: a full em (a Sans font) or a third of one (Serif), whichever
    makes more of the lines holding it as wide as the full lines near them; ``DOT_EM`` between
    the two when they do not tell. A sample: a line with "·", the width of a word that came
    down from it (see ``_Doc.slack``), and full lines near it.

        >>> estimate_dot_em([("哈迈德·纳瓦夫·艾哈迈德·萨巴", 1.0, ["统友谊深厚，科威特是最早同新中"])])
        1.0
        >>> estimate_dot_em([("迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺", 0.0, ["友谊深厚，科威特是最早同新中国建"])])
        0.33
        >>> estimate_dot_em([("化。观众在“观非遗文化·品书香生", 1.0, ["模式，旨在更好地传承和弘扬非遗文"])])
        0.66
    """
    votes = {0.33: 0, 1.0: 0}
    for line, slack, refs in samples:
        ref = max(_em(_counts(r), mark_em) for r in refs)
        full = [d for d in votes if ref - 0.6 - slack <= _em(_counts(line), mark_em, d) <= ref + 0.6]
        if len(full) == 1:
            votes[full[0]] += 1
    if votes[0.33] == votes[1.0]:
        return DOT_EM
    return 0.33 if votes[0.33] > votes[1.0] else 1.0


def ends_sentence(text: str) -> bool:
    """
    True when a line ends a sentence: 。！？… possibly followed by closing quotes or brackets.

        >>> ends_sentence("等重点问题。"), ends_sentence("“社会组织能力提升”"), ends_sentence("好。”")
        (True, False, True)
    """
    last = text[-1:]
    if last in _SENTENCE_END:
        return True
    if last not in _CLOSER_SET and not last.isspace():
        return False  # the common case, decided without copying the line
    end = text.rstrip().rstrip(CLOSERS)
    return bool(end) and end[-1] in _SENTENCE_END


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


def _hyphenated_words(text: str) -> frozenset[str]:
    """Compounds the document itself writes with a hyphen on one line (``well-known``)."""
    return frozenset(m.lower() for m in re.findall(r"[A-Za-z]{2,}-[a-z]+", text))


def classify_line(text: str) -> str:
    """
    Kind of a stripped line judged on its own: text, furniture, jump, credit or noise.

        >>> classify_line("（据天津市武清区融媒体中心）"), classify_line("（下转第4版）")
        ('credit', 'jump')
        >>> classify_line("民生周刊 2024年7月29日星期一 第5版 民生"), classify_line("”")
        ('furniture', 'noise')
        >>> classify_line("本版编辑：民生周刊编辑部"), classify_line("第5版是重点。")
        ('furniture', 'text')
    """
    if not text:
        return "blank"
    if not WORD_CHAR_RE.search(text):
        return "noise" if len(text) <= 4 else "text"
    # each pattern below only where a cheap test says it can match: most lines are prose
    if "版" in text and JUMP_RE.match(text):  # a jump line names its page: （下转第4版）
        return "jump"
    if (text[0] in _EDITOR_STARTS and EDITOR_RE.match(text)) or (len(text) <= 7 and PAGE_NUMBER_RE.match(text)):
        return "furniture"
    if text[-1] in "）)〉" and len(text) <= 60:
        if CREDIT_TAIL_RE.match(text) or (text[0] in "（(〈" and CREDIT_TAIL_RE.search(text) and len(text) <= 40):
            return "credit"
        if _BRACKETED_LINE_RE.match(text):
            return "credit"  # a whole line in brackets after a story is its source, even misread by OCR
    if (("版" in text or "年" in text) and len(" ".join(text.split())) <= 40 and not _PROSE_MARK_RE.search(text)
            and (EDITION_RE.search(text) or (DATE_RE.search(text) and (WEEKDAY_RE.search(text) or len(text) <= 16)))):
        return "furniture"
    return "text"


def _split_lines(text: str, spacey: bool) -> tuple[list[Line], float]:
    """Raw text to Line objects (pages counted at form feeds, inline paragraph breaks cut), and
    the width of a punctuation mark on this page (see ``estimate_mark_em``)."""
    out: list[Line] = []
    page = 1
    for n, raw, col in _reading_order(text.split("\n")):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        stripped = raw.strip()
        kind = "noise" if col < 0 else classify_line(stripped)
        indented = kind == "text" and not col and raw[:1] in _INDENT_STARTS and bool(_INDENT_RE.match(raw))
        spaced = " " in stripped or "\u3000" in stripped
        # (a justified line comes out letter-spaced, "点 。 新 订 单": its spaces are no indents)
        if (kind == "text" and not spacey and spaced and _INLINE_BREAK_RE.search(stripped)
                and not _LETTER_SPACED_RE.search(stripped)):
            pieces = _INLINE_BREAK_RE.sub(lambda m: m.group(1) + "\n", stripped).split("\n")
            last = len(pieces) - 1
            for k, piece in enumerate(pieces):
                out.append(Line(n, page, piece, classify_line(piece), indented and k == 0, k > 0, k < last))
            continue
        if kind == "noise" and out and out[-1].kind == "text" and _PUSHED_RE.match(stripped):
            prev = out[-1]
            if prev.end == n - 1 and prev.page == page and not stripped.strip(_MID_MARKS):
                prev.text += stripped  # "今天（3月15日）" / "，": the line it was pushed off goes on
                prev.last = n
                continue
            kind = "text"  # "高质量共建“一带一路”" / "。": a mark pushed to a line of its own
        out.append(Line(n, page, stripped, kind, indented))
    sample = itertools.islice((ln.text for ln in out if ln.kind == "text" and len(ln.text) >= 6), MAX_SAMPLE_LINES)
    mark_em = estimate_mark_em([_counts(t) for t in sample])
    _mark_page_furniture(out)
    _mark_open_credits(out)
    _unmark_bracketed_asides(out)
    return out, mark_em


class _Widths(dict[int, float]):
    """Line widths in em, by line index, each computed when first asked for (most never are)."""

    def __init__(self, lines: list[Line], mark_em: float) -> None:
        super().__init__()
        self.lines, self.mark_em = lines, mark_em
        self.dot_em = DOT_EM  # until _Doc estimates it from the page
        self.seconds: dict[int, bool] = {}
        self.raws: dict[int, float] = {}

    def __missing__(self, i: int) -> float:
        pair = self.pair(i)
        w = self[i] = round(self.raw(pair[0]) + self.raw(pair[1]) if pair else self.raw(i), 2)
        return w

    def raw(self, i: int) -> float:
        """Line i's own width, without its other piece."""
        w = self.raws.get(i)
        if w is None:
            w = self.raws[i] = _em(_counts(self.lines[i].text), self.mark_em, self.dot_em)
        return w

    def cut_after(self, i: int) -> bool:
        """Line i and the raw line after it are pieces of one printed line."""
        return self.pair(i) == (i, i + 1)

    def pair(self, i: int) -> tuple[int, int] | None:
        """The two raw lines, line i one of them, that pdftotext cut out of one printed line.

        "…推行“种养结合”" / "。把玉米秸": a mark pushed off a line, with the rest of that line
        after it, can come out as a line of its own; so can the rest of a line from an opening
        quote on ("记者还了解到，" / "“喜"). Each piece is as wide as the line they were. Pairs
        are taken from the top: a line that is the second piece of one is not the first of another.
        """
        lines = self.lines
        if lines[i].text[:1] not in _CUT_STARTS and (i + 1 >= len(lines) or lines[i + 1].text[:1] not in _CUT_STARTS):
            return None  # (most lines: neither it nor the next starts at a cut)
        if self._second(i):
            return (i - 1, i)
        if self._second(i + 1):
            return (i, i + 1)
        return None

    def _second(self, k: int) -> bool:
        """Line k is the second piece of a pair with the line above (pairs taken from the top)."""
        chain = []  # lines from k up, each fitting the line above, until one is known or does not
        m = k
        while m not in self.seconds:
            if not self._fits(m - 1, m):
                self.seconds[m] = False
                break
            chain.append(m)
            m -= 1
        second = self.seconds[m]
        for x in reversed(chain):
            second = self.seconds[x] = not second
        return self.seconds[k]

    def _fits(self, j: int, k: int) -> bool:
        """Lines j and k could be one printed line: k starts at a mark where pdftotext cuts, and
        together they are no wider than the lines around them (where cut at an opening quote: as
        wide, and the first piece is not headline-like)."""
        lines = self.lines
        if not (j >= 0 and k < len(lines) and lines[j].kind == lines[k].kind == "text"
                and lines[j].page == lines[k].page and lines[k].text[:1] in _CUT_STARTS
                and WORD_CHAR_RE.search(lines[k].text) and not ends_sentence(lines[j].text)):
            return False
        refs = [self.raw(x) for x in (j - 1, k + 1)
                if 0 <= x < len(lines) and lines[x].kind == "text" and lines[x].page == lines[j].page]
        if refs and max(refs) < self.raw(j) + self.raw(k) - 1.5:
            # the lines beside may be short ones (a paragraph's last, another piece): look one further
            refs += [self.raw(x) for x in (j - 2, k + 2)
                     if 0 <= x < len(lines) and lines[x].kind == "text" and lines[x].page == lines[j].page]
        whole = self.raw(j) + self.raw(k)
        return bool(refs) and whole <= max(refs) + 1.5 and bool(_PUSHED_RE.match(lines[k].text) or (
            whole >= max(refs) - 1.5 and not is_heading_candidate(lines[j].text)))


def _side_by_side(raw: str, in_run: bool = False) -> list[tuple[int, str]]:
    """The columns of a line that OCR read across several columns, each with its display column.

    Two pieces of four or more letters make such a line; inside a run of them (``in_run``),
    so do two or more short pieces (a row of broken headline glyphs, "了    纪    HL"), but not
    a line of one long piece and short ones (a page foot, "2024年9月25日   第4版").

        >>> _side_by_side("用”为核心理念，共汇集精选非遗文 | 首秀”，更是一场“立体讲述”，增")
        [(0, '用”为核心理念，共汇集精选非遗文'), (34, '首秀”，更是一场“立体讲述”，增')]
        >>> _side_by_side("这是一行普通的正文"), _side_by_side("了    纪"), _side_by_side("了    纪", in_run=True)
        ([], [], [(0, '了'), (6, '纪')])
        >>> _side_by_side("2024年9月25日   第4版", in_run=True)
        []
    """
    if "|" not in raw and "   " not in raw.strip():
        return []
    parts: list[tuple[int, str]] = []
    start = 0
    for m in [*_COLUMN_GAP_RE.finditer(raw), None]:
        end = m.start() if m else len(raw)
        if piece := raw[start:end].strip():
            lead = len(raw[start:end]) - len(raw[start:end].lstrip())
            parts.append((_display_width(raw[:start + lead]), piece))
        if m:
            start = m.end()
    long = sum(1 for _, p in parts if len(WORD_CHAR_RE.findall(p)) >= 4)
    if len(parts) < 2 or not (long >= 2 or (in_run and not long)):
        return []
    return parts


def _display_width(text: str) -> int:
    """Terminal cells: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _columns(run: list[tuple[int, list[tuple[int, str]]]]) -> list[list[tuple[int, int, str]]]:
    """The pieces of a side-by-side run, column by column, by where each piece starts on its line.

    Starts within a few cells of each other are one column (OCR's spacing is approximate), so a
    line that lacks a piece in one column does not shift its other pieces into the wrong column.
    """
    starts = sorted({x for _, parts in run for x, _ in parts})
    edges = [starts[0]]  # where each column starts: a gap of more than the tolerance opens one
    for prev, x in itertools.pairwise(starts):
        if x - prev > _COLUMN_TOLERANCE:
            edges.append(x)
    cols: list[list[tuple[int, int, str]]] = [[] for _ in edges]
    for n, parts in run:
        for x, piece in parts:
            k = max(i for i, e in enumerate(edges) if e <= x + _COLUMN_TOLERANCE)
            cols[k].append((n, x, piece))  # (line, start, piece): pieces of one line stay in order
    return [c for c in cols if c]


def _reading_order(raw_lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """(line number, text, column) in reading order: side-by-side runs are read column by column.

    Tesseract sometimes prints two or three columns side by side on one line; where two or
    more such lines follow each other, the first column is read down, then the second.
    """
    if not any("|" in raw or "   " in raw for raw in raw_lines):  # no line can hold columns
        yield from ((n, raw, 0) for n, raw in enumerate(raw_lines, 1))
        return
    i = 0
    while i < len(raw_lines):
        tops, run = _column_tops(raw_lines, i)
        if not tops:
            run = _side_by_side_run(raw_lines, i)
        if sum(1 for _, parts in run if parts) >= 2:
            blank_rows = [(n, -1, "") for n, parts in run if not parts]
            for col, pieces in enumerate(_columns([r for r in run if r[1]])):
                head = [(n, -1, text) for n, text, first in tops if first in {(m, x) for m, x, _ in pieces}]
                for n, _, piece in head + sorted(pieces + blank_rows):
                    yield n, piece, col
            for n, _ in run:  # the "|" rules between the columns: noise, but not lost
                if bars := "".join(_BAR_RE.findall(raw_lines[n - 1])):
                    yield n, bars, -1
            i += 2 * len(tops) + len(run)
            continue
        yield i + 1, raw_lines[i], 0
        i += 1


def _column_tops(
    raw_lines: list[str], i: int
) -> tuple[list[tuple[int, str, tuple[int, int]]], list[tuple[int, list[tuple[int, str]]]]]:
    """The first lines of k columns printed one by one, each followed by a blank line, just above
    a run whose first rows hold k columns side by side (tesseract read the top row apart).

    Each such line is about as wide as its column's piece on the run's first row and leaves its
    sentence unfinished for the column to go on. Returns ([(line, text, (line, start) of that
    piece)], run), or ([], []).
    """
    for k in (2, 3, 4):
        idx = [i + 2 * c for c in range(k)]
        if idx[-1] + 2 >= len(raw_lines):
            break
        texts = [raw_lines[t].strip() for t in idx]
        if not all(t and "\f" not in raw_lines[j] and not _side_by_side(raw_lines[j]) and not ends_sentence(t)
                   for j, t in zip(idx, texts)) or any(raw_lines[j + 1].strip() or "\f" in raw_lines[j + 1]
                                                       for j in idx):
            break  # the pattern does not hold for k: it holds for no larger k either
        run = _side_by_side_run(raw_lines, i + 2 * k)
        if sum(1 for _, parts in run if parts) < 2:
            continue
        first_n, first = run[0]  # the run's first row shows its k columns and their width
        if len(first) == k and all(_display_width(p) - 6 <= _display_width(t) <= _display_width(p) + 4
                                   for t, (_, p) in zip(texts, first)):
            return [(j + 1, t, (first_n, x)) for j, t, (x, _) in zip(idx, texts, first)], run
    return [], []


def _side_by_side_run(raw_lines: list[str], i: int) -> list[tuple[int, list[tuple[int, str]]]]:
    """The side-by-side rows from line i on, with single blank lines between them as empty rows.

    Where its first two rows set a grid (as many pieces, starting at the same places), a row
    with a piece where no column of the grid starts belongs to another layout (a row of
    headlines under the columns): the run ends before it.
    """
    run: list[tuple[int, list[tuple[int, str]]]] = []
    rows: list[list[tuple[int, str]]] = []  # the first two rows with pieces
    grid: list[int] = []
    j = i
    while j < len(raw_lines) and "\f" not in raw_lines[j]:
        if parts := _side_by_side(raw_lines[j], in_run=bool(run)):
            if grid and any(all(abs(x - g) > _COLUMN_TOLERANCE for g in grid) for x, _ in parts):
                break
            if len(rows) < 2:
                rows.append(parts)
                if len(rows) == 2 and len(rows[0]) == len(rows[1]) and all(
                        abs(a - b) <= _COLUMN_TOLERANCE for (a, _), (b, _) in zip(*rows)):
                    grid = [x for x, _ in rows[0]]
            run.append((j + 1, parts))
        elif (run and not raw_lines[j].strip() and j + 1 < len(raw_lines) and "\f" not in raw_lines[j + 1]
              and _side_by_side(raw_lines[j + 1], in_run=True)):
            run.append((j + 1, []))  # OCR's blank line between two rows of the same columns
        else:
            break
        j += 1
    return run


def _mark_open_credits(lines: list[Line]) -> None:
    """A short credit whose closing bracket OCR lost or misread ("（据央视《新闻联播户"), on a
    line of its own after a sentence end, with no bracket closed on the next two lines and a gap
    or a headline after it, is a credit."""
    prev: Line | None = None
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        if (ln.kind == "text" and ln.text[:1] in "（(〈" and _OPEN_CREDIT_RE.match(ln.text)
                and prev is not None and (prev.kind == "credit" or ends_sentence(prev.text))):
            after = [x.text for x in itertools.islice((x for x in lines[i + 1 :] if x.kind != "blank"), 2)]
            gap = i + 1 >= len(lines) or lines[i + 1].kind == "blank" or lines[i + 1].page != ln.page
            # a bracket closed below is a credit split in lines, or an aside in prose; prose
            # goes on below, a credit is followed by a gap or the next headline
            if not any(_CLOSING_BRACKET_RE.search(t) for t in after) and (
                    gap or not after or is_heading_candidate(after[0])):
                ln.kind = "credit"
        prev = ln


def _unmark_bracketed_asides(lines: list[Line]) -> None:
    """A whole line in brackets inside a sentence is prose, not a source: "…并延续至下个周末" /
    "（12月6日-7日）" / "。届时…". (A line that names a source, "（据…）", stays a credit.)"""
    for i, ln in enumerate(lines):
        if ln.kind != "credit" or not 0 < i < len(lines) - 1 or CREDIT_TAIL_RE.match(ln.text):
            continue
        prev, nxt = lines[i - 1], lines[i + 1]
        if (prev.kind == "text" and prev.page == ln.page and not ends_sentence(prev.text)
                and nxt.kind in ("text", "noise") and _PUSHED_RE.match(nxt.text)):
            ln.kind = "text"


def _name_like(ln: Line) -> bool:
    """A short line of letters alone: a paper's or a section's name, or OCR's crumbs of one."""
    return ln.kind == "text" and len(ln.text) <= 12 and re.fullmatch(r"[\w\s·&|~^*'`._-]+", ln.text) is not None


def _mark_page_furniture(lines: list[Line]) -> None:
    """Short lines at a page's top or foot next to a running head become furniture too.

    OCR breaks a running head ("民生周刊 2024年7月29日 星期一 第5版 民生") into several lines:
    the paper name alone on a line is furniture because it stands beside the dated line.
    """
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind not in ("blank",):
            by_page.setdefault(ln.page, []).append(i)
    for idxs in by_page.values():
        for edge, top in ((idxs[:5], True), (idxs[-4:][::-1], False)):  # the foot read upwards
            seen_furniture = False
            for pos, i in enumerate(edge):
                ln = lines[i]
                if ln.kind == "furniture":
                    seen_furniture = True
                    continue
                if _name_like(ln):
                    # at the top the paper and section names above the dated line, each alone
                    # on a line; at the foot one after it
                    before_furniture = False
                    for j in edge[pos + 1 :]:
                        if lines[j].kind == "furniture":
                            before_furniture = True
                        if not _name_like(lines[j]):
                            break
                    if (top and before_furniture) or (not top and seen_furniture):
                        ln.kind = "furniture"
                        continue
                break


class _Doc:
    """The text lines of one document with their neighbours, for the width rules."""

    def __init__(self, lines: list[Line], mark_em: float = 1.0) -> None:
        self.lines = lines
        self.text_idx = [i for i, ln in enumerate(lines) if ln.kind == "text"]
        self.pos = {i: k for k, i in enumerate(self.text_idx)}
        after = [*self.text_idx[1:], None]
        self.following: dict[int, int | None] = dict(zip(self.text_idx, after))  # next_index(i), looked up
        self.previous = dict(zip(after, self.text_idx))  # the text line before each text line
        # A line that breaks before an unbreakable number or word ("…指数为" / "53.5%，…")
        # is short by up to that word's width: count it as part of the line.
        self.width = _Widths(lines, mark_em)
        self.gaps = [self._gap(i, j) for i, j in zip(self.text_idx, after)]
        self.page_tops: set[int] = set()  # the first non-blank line of each page
        pages_seen: set[int] = set()
        for i, x in enumerate(lines):
            if x.kind != "blank" and x.page not in pages_seen:
                pages_seen.add(x.page)
                self.page_tops.add(i)
        self.explicit_indents = sum(1 for i in self.text_idx if lines[i].indented) >= EXPLICIT_INDENTS
        self.slack = dict.fromkeys(self.text_idx, 0.0)
        for a, b in zip(self.text_idx, self.text_idx[1:]):
            head = lines[b].text[:2]
            if (not (head[:1] in _WORD_STARTS or head[1:] in _NO_LINE_START_SET) or lines[b].page != lines[a].page
                    or lines[b].indented or lines[b].forced_start or b != a + 1):
                continue  # (most lines: no word or mark there to have come down)
            if m := _LEADING_WORD_RE.match(lines[b].text):
                self.slack[a] = line_width(m.group())
            elif _KINSOKU_RE.match(lines[b].text):
                self.slack[a] = 1.0  # "…已收获过" / "半，在…": a mark may not start a line, so its word came down too
        dotted = [(ln.text, self.slack[i], refs) for i in self.text_idx if "·" in (ln := lines[i]).text
                  and not ends_sentence(ln.text) and ln.text[0] not in _CUT_STARTS
                  and (refs := self._full_lines_near(i))]
        if dotted:
            self.width.dot_em = estimate_dot_em(dotted, mark_em)

    def _full_lines_near(self, i: int) -> list[str]:
        """Up to three lines above and below line i, on its page, that go on (no sentence ends)."""
        p = self.pos[i]
        near = [self.lines[j] for j in self.text_idx[max(0, p - 3) : p] + self.text_idx[p + 1 : p + 4]]
        return [x.text for x in near if x.page == self.lines[i].page and "·" not in x.text
                and not ends_sentence(x.text) and x.text[0] not in _CUT_STARTS]

    def next_index(self, i: int | None, k: int = 1) -> int | None:
        if i is None:
            return None
        if k == 1:
            return self.following[i]
        p = self.pos[i] + k
        return self.text_idx[p] if 0 <= p < len(self.text_idx) else None

    def nxt(self, i: int) -> Line | None:
        j = self.following[i]
        return None if j is None else self.lines[j]

    def short(self, i: int, indent: float = 0.0, *, after: bool = False) -> bool:
        """Clearly narrower than the lines around it: a paragraph's last line or a headline.

        ``indent``: the line starts its paragraph, so it is that much narrower when full.
        ``after``: narrower than the line after it (a headline's last line above its body;
        a wide lead paragraph above says nothing).
        """
        if self.lines[i].forced_end:
            return True
        around = (self.next_index(i),) if after else (self.next_index(i, -1), self.next_index(i))
        refs = [self.width[j] for j in around if j is not None]
        if not refs:
            return False
        ref = max(refs)
        return self.full(i) + indent < ref - max(1.4, 0.06 * ref)

    def full(self, i: int) -> float:
        """Line i's width with the word that came down from it: the most it may have filled."""
        return self.width[i] + self.slack[i]

    def _clearly_narrow(self, k: int, j: int) -> bool:
        """Lines k and j are both narrower than the column below them by more than 1.5 em, at
        the widest their digits, Latin letters and a word that came down allow."""
        refs = [self.width[x] for x in (self.next_index(j), self.next_index(j, 2)) if x is not None]
        if not refs or _GAPPED_RE.search(self.lines[k].text + self.lines[j].text):
            return False  # (spaces and ASCII marks: OCR's gaps and misreads, no width at all)
        edge = max(refs) - 1.5
        return all(self.full(x) + _latin_error(self.lines[x].text) <= edge for x in (k, j))

    def indent(self, i: int, *, squeezed: bool = False) -> bool:
        """Looks like a paragraph's first line: indented by about two em against what follows.

        Where the text keeps its indents (full-width or runs of spaces on several lines), only
        those count: a line made narrow by a number that did not fit is no paragraph start.
        ``squeezed``: a closing mark that ends the line may have been set half-width to fit
        ("为深入推进“通武廊”" under a headline).
        """
        ln = self.lines[i]
        if ln.indented or ln.forced_start:
            return True
        if self.explicit_indents:
            return False
        step = 2 if self.width.cut_after(i) else 1  # the rest of its own line is no reference
        below = [j for j in (self.next_index(i, step), self.next_index(i, step + 1)) if j is not None]
        if not below:
            return False
        if all((self.slack[j] and self.full(j) >= self.width[i] + INDENT_EM - 0.5)
               or _UNSURE_WIDTH_RE.search(self.lines[j].text) for j in below):
            # each may have broken early, before a number that did not fit: look one line further
            below.append(self.next_index(below[-1]))
        refs = [self.width[j] for j in below if j is not None]
        ref = max(refs)
        half = 0.5 * self.width.mark_em if squeezed and ln.text[-1] in _SQUEEZABLE_ENDS else 0.0
        return (ref - 3.6 <= self.full(i)
                and self.width[i] - half <= ref - max(1.2, 0.04 * ref) + 1e-6)

    def _gap(self, i: int, j: int | None) -> str:
        if j is None:
            return "end"
        if self.lines[j].page != self.lines[i].page:
            return "page"
        if j == i + 1:
            return ""
        between = self.lines[i + 1 : j]
        if any(b.kind == "blank" for b in between):
            return "blank"
        return "other" if between else ""

    def gap_after(self, i: int) -> str:
        """What separates text line i from the next one: '', 'blank', 'page', 'other' or 'end'."""
        return self.gaps[self.pos[i]]

    def page_top(self, i: int) -> bool:
        """Line i is the first non-blank line of its page."""
        return i in self.page_tops

    def gap_before(self, i: int) -> str:
        j = self.previous.get(i)
        return "page" if j is None else self.gap_after(j)

    def body_starts(self, k: int) -> bool:
        """Line k begins running text: prose, or an indented line that the next lines continue."""
        ln = self.lines[k]
        if not is_heading_candidate(ln.text):
            return True
        if ln.text[0] == "·":
            return False  # "共建“一带一路”" / "·权威访谈": no text starts with a middle dot
        nxt = self.nxt(k)
        if "月" in ln.text[-6:] and nxt is not None and self.gap_after(k) == "":
            tail = ln.text[-8:]
            m = _BRACKETED_DATE_RE.search(tail + nxt.text[:8])
            if m and m.start() < len(tail) < m.end():
                return True  # "据日本财务省今天（10月" / "20日）发布的…": a lead's dated first sentence
        cut = self.width.cut_after(k)
        if cut and not is_heading_candidate(ln.text + self.lines[k + 1].text):
            return True  # "共建“一带一路”" / "，顺应时代潮流，…": the printed line is prose
        if (self.gap_after(k) in ("blank", "end") and self.gap_before(k) in ("blank", "page")
                and not _CLAUSE_RE.search(ln.text) and not self.indent(k)):
            return False  # a headline-like line alone between blank lines
        prose = _CLAUSE_RE.search(ln.text) and not self.short(k)
        if not (prose or self.indent(k, squeezed=True) or (self.gap_before(k) == "blank" and not self.short(k))):
            return False
        j = self.next_index(k, 2 if cut else 1)  # past the rest of its line
        if (not prose and j is not None and self.gaps[self.pos[k]] == "" and self.indent(j)
                # (digits and Latin letters of the two lines together: their errors add up)
                and ((not self.slack[k] and not _UNSURE_WIDTH_RE.search(self.lines[j].text + ln.text))
                     or self._clearly_narrow(k, j))
                and not word_runs_on(self.lines[self.previous[j]].text, self.lines[j].text)):
            # two narrow lines in a row (where spaces, ASCII marks, numbers or a word that came
            # down make a width a guess, only when narrow beyond that guess):
            # a headline's last line, then the paragraph's indented first line
            return False
        w = self.width[k]
        if (not prose and j is not None and self.gaps[self.pos[k]] == "" and not ends_sentence(self.lines[j].text)
                and abs(self.width[j] - w) <= 0.5 and is_heading_candidate(self.lines[j].text)
                and not _UNSURE_WIDTH_RE.search(self.lines[j].text + ln.text)  # (their errors add up)
                and (n := self.next_index(j)) is not None and self.width[n] > w + 1.2):
            # a first line is followed by a full line or by its paragraph's last: a line as
            # narrow as it that goes on, below which the text widens, is a headline's next line
            # ("社会工作助力新" / "疆民政事业高质" / "量发展论坛举办" over a column 12 em wide)
            return False
        prev = k
        for step in (1, 2):
            j = self.next_index(k, step)
            if j is None or self.gap_after(prev) in ("page", "other"):
                # prose or an indented line, cut off by a page end or a jump line ("（下转第2版）"),
                # runs on elsewhere
                return step > 1 or bool(prose) or self.indent(k)
            nxt = self.lines[j]
            if ends_sentence(nxt.text) or CREDIT_TAIL_RE.search(nxt.text):
                return True
            if self.full(j) < w - 0.5:  # (with the word that came down from it)
                return False
            prev = j
        return True


@functools.lru_cache(maxsize=8192)
def _runs_on(left: str, right: str) -> bool:
    cut = len(left)
    at = 0
    for token in default_tokenizer().lcut(left + right, HMM=False):
        if at < cut < at + len(token):
            return True
        at += len(token)
    return False


def _ends_on_particle(text: str) -> bool:
    """
    The text's last word is a one-character word that needs what follows (是, 和, 把…).

        >>> _ends_on_particle("“爱心行动”项目不仅是"), _ends_on_particle("实事求是"), _ends_on_particle("积极应对")
        (True, False, False)
    """
    if text[-1:] not in _NEVER_FINAL:
        return False
    return _last_word(text[-6:]) in _NEVER_FINAL


@functools.lru_cache(maxsize=8192)
def _last_word(text: str) -> str:
    return default_tokenizer().lcut(text, HMM=False)[-1]


def word_runs_on(left: str, right: str) -> bool:
    """A dictionary word (jieba's) runs across the break between two lines of Chinese.

    Running text breaks anywhere, inside a word about half of the time; a headline ends where
    its last word does. So a line whose last word goes on below is no headline's last line.

        >>> word_runs_on("山东省6600多万亩秋粮目前已收获过", "半，在玉米种植大县")
        True
        >>> word_runs_on("陕北到安徽特高压直流输电工程开工", "今天（3月15日）")
        False
    """
    if not (left and right and HAN_RE.match(left[-1]) and HAN_RE.match(right[0])):
        return False
    return _runs_on(left[-4:], right[:4])


def is_heading_candidate(text: str) -> bool:
    """
    Could this line be (part of) a headline? No sentence end, not mid-clause, little inner punctuation.

        >>> is_heading_candidate("社会工作助力新疆民政事业"), is_heading_candidate("西乡北帝三月三精彩不断！")
        (True, True)
        >>> is_heading_candidate("作，取得了一系列成果。"), is_heading_candidate("北斗七星方位，")
        (False, False)
        >>> is_heading_candidate("昨天（10月19日）晚上"), is_heading_candidate("国庆假期（10月1日至7日）全国出游")
        (False, True)
    """
    if not text or "。" in text or "；" in text or "、" in text or len(text) > 48:
        return False
    if text[0] in "（(〈" or ("月" in text and _BRACKETED_DATE_RE.search(text)):
        return False  # "今天（3月15日）" dates a news lead's first sentence, not a headline
    if text[-1] in "：:" and len(text) <= 8 and not _CLAUSE_RE.search(text):
        text = text[:-1]  # "机遇与合作：" / "“通武廊”社会工作再携手": a headline broken at its colon
    if _CONTINUES_RE.search(text) or _PUSHED_RE.match(text):
        return False
    if len(_CLAUSE_RE.findall(text)) > 1 or _LETTER_SPACED_RE.search(text):
        return False
    return WORD_CHAR_RE.search(text) is not None


MAX_HEADING_LINES = 6


def heading_span(
    doc: _Doc, i: int, *, strict: bool = False, expect_title: bool = False, after_credit: bool = False
) -> list[int]:
    """
    The headline lines that start at line i, before the body they announce (empty if none).

    Looks ahead, across blank lines but not across a page or a credit, for the line where
    running text begins; the lines before it are headline lines when there are 1 to 6 of them,
    each headline-like, with at most one clause mark between them. After a credit a new
    article is due (``expect_title``): a first line without clause marks is taken as a headline
    even where it is as wide as an indented first line.
    """
    if expect_title and (run := _blank_run(doc, i)):
        return run
    span: list[int] = []
    k: int | None = i
    while k is not None and len(span) <= MAX_HEADING_LINES:
        if span and doc.gap_before(k) in ("page", "other"):
            return []
        text = doc.lines[k].text
        if _PUSHED_RE.match(text):
            if span and not WORD_CHAR_RE.search(text):
                span.append(k)  # "…“宝读诗书" / "”": a mark pushed off the headline's last line
                k = doc.next_index(k)
                continue
            return []  # "…“活" / "化利用”" / "，本次…": the line before continues here
        # a section label ("新闻速递") is not a headline's end: the headline follows it
        due = expect_title and all(len(doc.lines[j].text) <= LABEL_CHARS for j in span)
        forced = due and is_heading_candidate(text) and not _CLAUSE_RE.search(text)
        if (not forced and not (not span and _wrapped_kicker(doc, k)) and doc.body_starts(k)
                and not (span and is_heading_candidate(text) and word_runs_on(doc.lines[span[-1]].text, text))):
            if span and (rest := _headline_rest(doc, k)):
                span += rest  # "…，促进" / "“政校合作”" / "社会工作助力新疆民" / … / "坛举办": it goes on
                k = doc.next_index(rest[-1])  # the body's first line, as _headline_rest found it
            break  # (a line the headline's last word runs on into is the headline's: "…发展指" / "数同比…")
        span.append(k)
        k = doc.next_index(k)
    if k is None:
        # headline-like lines closing a document: only a short run can be a headline
        return span if 0 < len(span) <= 3 else []
    if not span or len(span) > MAX_HEADING_LINES:
        return []
    if (len(span) > 1 and doc.gap_before(span[-1]) != "" and _SENTENCE_TAIL_RE.match(doc.lines[k].text)
            and doc.lines[k].n - doc.lines[span[-1]].end <= 2):  # (not a column OCR read beside it)
        # "传承保护数百载，璀璨非遗放" / blank / "异彩。为期9天…": the text goes on from the last
        # line, which starts the body (OCR set it apart)
        k = span.pop()
    joined = "".join(doc.lines[j].text for j in span)
    if len(_CLAUSE_RE.findall(joined)) > 1 or not _clause_line_ok(doc, span) or _closes_more(joined):
        return []
    if _unclosed(joined) > 0 and _closes_more(doc.lines[k].text):
        return []  # "…，“喜阅西乡" / "悦”读…": the quote runs on into the text below
    if strict and not (doc.indent(k) and any(doc.short(j) for j in span)):
        return []
    body = doc.lines[k].text
    # after a credit a new article is due: prose right after a one-line headline is its body
    due = after_credit and len(span) == 1 and (not is_heading_candidate(body) or bool(_CLAUSE_RE.search(body)))
    if not (doc.indent(k, squeezed=True) or doc.gap_before(k) in ("blank", "page") or doc.short(span[-1], after=True)
            or _LETTER_SPACED_RE.search(body) or due):
        return []  # a headline ends short, or its body starts indented or after a gap
    if _ends_on_particle(joined) or word_runs_on(joined, body):
        return []  # "“爱心行动”项目不仅是", "…暗合北斗" / "七星方位": a headline ends with a word
    return span


def _headline_rest(doc: _Doc, k: int) -> list[int]:
    """Lines k.. that a headline goes on with, though line k looks like a body's first line:
    two to four lines without clause marks or a sentence end, the last clearly narrower than
    the indented first line after it ("“政校合作”" / "社会工作助力新疆民" / "政事业高质量发展论" /
    "坛举办" / "为进一步夯实社会工作理论"). A paragraph's lines go on full to their sentence's end."""
    run = [k]
    while len(run) <= 4:
        x = run[-1]
        text = doc.lines[x].text
        if not is_heading_candidate(text) or _CLAUSE_RE.search(text) or ends_sentence(text):
            return []
        j = doc.next_index(x)
        if j is None or doc.gap_after(x) != "":
            return []
        if doc.full(x) + 1.4 < doc.width[j] and doc.indent(j) and doc.body_starts(j):
            return run if len(run) > 1 else []
        run.append(j)
    return []


def _latin_error(text: str) -> float:
    """How far a line's width may be off for its Latin glyphs and digits (counted at an average)."""
    return min(0.4, 0.1 * _counts(text)[1])


def _wrapped_kicker(doc: _Doc, k: int) -> bool:
    """Line k is a kicker's first line, wrapped after its comma ("夯实社会工作理论基础，" /
    "促进“政校合作”"): otherwise headline-like, and the line after it narrower and headline-like.

    A paragraph's line ending at a comma is as wide as the line after it, or wider only by
    being that paragraph's last line but one, which is prose.
    """
    text = doc.lines[k].text
    if not text.endswith("，") or _CLAUSE_RE.search(text[:-1]) or not is_heading_candidate(text[:-1]):
        return False
    j = doc.next_index(k)
    if j is None or doc.gap_after(k) != "":
        return False
    nxt = doc.lines[j].text
    return is_heading_candidate(nxt) and not _CLAUSE_RE.search(nxt) and doc.width[j] < doc.width[k] - 0.5


def _blank_run(doc: _Doc, i: int, label_ok: bool = True) -> list[int]:
    """After a credit, a run of 1 to 3 headline-like lines between blank lines is a headline;
    a run of short labels ("动态") also takes the run under it (``label_ok``: one level only).

    OCR sets a blank line around a headline; its lines' widths say little there.
    """
    if doc.gap_before(i) != "blank":
        return []
    run, k = [i], i
    while doc.gap_after(k) == "" and len(run) <= 3:
        k = doc.next_index(k)  # type: ignore[assignment]
        run.append(k)
    texts = [doc.lines[j].text for j in run]
    if (len(run) > 3 or doc.gap_after(k) != "blank" or not all(map(is_heading_candidate, texts))
            or len(_CLAUSE_RE.findall("".join(texts))) > 1 or _closes_more("".join(texts))):
        return []
    nxt = doc.next_index(k)
    if (label_ok and nxt is not None and all(len(t) <= LABEL_CHARS for t in texts)
            and (title := _blank_run(doc, nxt, False))
            and not _CLAUSE_RE.search("".join(doc.lines[j].text for j in title))):
        return run + title  # a section label ("动态", "简讯") alone, then the headline it stands over
    return run if nxt is not None and doc.body_starts(nxt) else []


def _clause_line_ok(doc: _Doc, span: list[int]) -> bool:
    """A headline line with a clause mark is a kicker: alone in its run, or wider than the title below.

    "夯实社会工作理论基础，促进“政校合作”" over a two-line title is a kicker; "他说这件事还没有
    结束，因" over one shorter line is the start of an unfinished paragraph.
    """
    for pos, j in enumerate(span):
        if not _CLAUSE_RE.search(doc.lines[j].text):
            continue
        run = [j]
        for k in span[pos + 1 :]:
            if doc.gap_before(k) != "":
                break
            run.append(k)
        starts_run = pos == 0 or doc.gap_before(j) != "" or (
            # "夯实社会工作理论基" / "础，促进“政校合作”": a kicker wrapped inside a word, its
            # first line as wide as its second with the character that came down
            pos == 1 and abs(doc.full(span[0]) - doc.width[j]) <= 1.0
            and not _CLAUSE_RE.search(doc.lines[span[0]].text))
        if not starts_run:
            return False
        if (len(run) == 2 or (len(run) > 1 and doc.width[j] <= doc.width[run[1]])) and not _spans_columns(doc, run):
            return False
        if len(run) == 1 and _fills_column(doc, j):
            return False  # "未来，新疆将继续聚焦" as wide as the body below: prose
    return True


def _spans_columns(doc: _Doc, run: list[int]) -> bool:
    """Lines set across columns: each wider than the column of text that follows them.

    "夯实社会工作理论基础，促进“政校合作”" over "社会工作助力新疆民政事业高质量发展论坛举办",
    both wider than the 16 em column below: a kicker and a title, not a paragraph's lines.
    """
    k = doc.next_index(run[-1])
    refs = [doc.full(j) for j in (k, doc.next_index(k), doc.next_index(k, 2)) if j is not None]
    return bool(refs) and all(doc.width[x] > max(refs) + 1.5 for x in run)


def _unclosed(text: str) -> int:
    """
    Opening quotes and brackets minus closing ones: below 0 the tail of a sentence (not a
    headline), above 0 a quote that runs on.

        >>> _unclosed("悦”读非遗西乡历史文化展”也同"), _unclosed("非遗民俗文献展邀市民“宝读诗书”"), _unclosed("“喜阅")
        (-2, 0, 1)
    """
    return sum(text.count(c) for c in "“（《") - sum(text.count(c) for c in "”）》")


def _closes_more(text: str) -> bool:
    return _unclosed(text) < 0


def _fills_column(doc: _Doc, j: int) -> bool:
    """Line j is as wide as the running text after it (a headline is narrower or wider)."""
    refs = [doc.width[k] for k in (doc.next_index(j), doc.next_index(j, 2)) if k is not None]
    return bool(refs) and max(refs) - 1.2 <= doc.width[j] <= max(refs) + 0.6


def _break_at_blank(doc: _Doc, i: int) -> bool:
    """A blank line before line i, after a sentence end, is a paragraph break...

    ...unless the line before it fills the column and line i is not indented: OCR prints a
    blank line at many column ends, also where a sentence happens to end at the column's foot.
    """
    p = doc.next_index(i, -1)
    if p is None or doc.short(p) or doc.indent(i) or heading_span(doc, i):
        return True
    # a column line has the lines of its column above it; a web copy's paragraph is a line alone
    q = doc.next_index(p, -1)
    return q is None or doc.gap_after(q) != "" or abs(doc.width[q] - doc.width[p]) > 1.5


def _resumes_next(lines: list[Line], i: int) -> bool:
    """After the jump line at i, the text resumes with its "（上接…）" before any other text."""
    for ln in lines[i + 1 :]:
        if ln.kind == "jump" and JUMP_BACK_RE.search(ln.text):
            return True
        if ln.kind in ("text", "credit"):
            return False
    return False


def _repeated_titles(lines: list[Line]) -> list[int]:
    """A continued article's title repeated above its "（上接第1版）": one to three headline-like
    lines (OCR sets blank lines between them) between the page's top or furniture and the jump line."""
    out: list[int] = []
    for m, ln in enumerate(lines):
        if ln.kind != "jump" or not JUMP_BACK_RE.search(ln.text):
            continue
        run: list[int] = []
        top = True  # nothing but the run and blank lines between the page's start or furniture and m
        for i in range(m - 1, -1, -1):
            x = lines[i]
            if x.page != ln.page or x.kind == "furniture":
                break
            if x.kind == "text" and len(run) < 3:
                run.append(i)
            elif x.kind != "blank":
                top = False
                break
        if top and run and all(is_heading_candidate(CONTINUED_RE.sub("", lines[i].text) or "续") for i in run):
            out += run  # (with its "（续）", "continued", on a line of its own or at the end)
    return out


def _interrupting_headline(doc: _Doc, i: int) -> list[int]:
    """A headline set between blank lines inside an unfinished paragraph (a column of another story).

    Only a clear case counts: one or two headline lines without clause marks or a final mark,
    alone between blank lines, followed by an indented body.
    """
    span = heading_span(doc, i)
    if not span or len(span) > 2 or any(doc.gap_before(j) for j in span[1:]):
        return []
    last = doc.lines[span[-1]].text
    k = doc.next_index(span[-1])
    if _CLAUSE_RE.search("".join(doc.lines[j].text for j in span)) or last[-1] in "！？!?":
        return []
    if k is None or doc.gap_after(span[-1]) != "blank" or not doc.indent(k):
        return []
    return span


def build_blocks(text: str) -> list[dict]:
    """
    Turn a document's raw text into blocks, in line order.

        >>> [b["kind"] for b in build_blocks("标题在这里\\n\\n 这是第一段的开头，\\n这是第一段的结尾。\\n（据新华社）")]
        ['heading', 'paragraph', 'credit']
    """
    spacey = len(_SPACEY_RE.findall(text)) >= 2
    lines, mark_em = _split_lines(text, spacey)
    doc = _Doc(lines, mark_em)
    hyphenated = _hyphenated_words(text)
    blocks: list[dict] = []
    cur: list[Line] = []
    heading: list[Line] = []
    headline: set[int] = set()
    cur_ended = False
    repeated_at = _repeated_titles(lines)
    headline.update(repeated_at)
    repeated = {id(lines[j]) for j in repeated_at}  # (close_heading sees the lines, not their places)
    # Blocks end up in reading order: by the place of their first line in ``lines``, which is
    # line order except where OCR's side-by-side columns are read one after the other.
    place = {id(ln): k for k, ln in enumerate(lines)}
    order: dict[int, int] = {}

    def add(new: list[dict], source: list[Line]) -> None:
        for k, b in enumerate(new):
            # a block starts at its source's first line; a credit split off a paragraph's end, at
            # the last line of that number (a paragraph read across columns meets it twice)
            first = source[0] if k == 0 else next(x for x in reversed(source) if x.n == b["lines"][0])
            order[id(b)] = place[id(first)]
            blocks.append(b)

    def close_heading() -> None:
        nonlocal heading
        if heading:
            block = _heading_block(heading)
            if any(id(x) in repeated for x in heading):
                block["role"] = "repeated"  # a continued article's title printed again above "（上接…）"
            add([block], heading)
            heading = []

    def close_para(open_: bool = False) -> None:
        nonlocal cur, cur_ended
        if cur:
            add(_para_blocks(cur, hyphenated, open_), cur)
        cur, cur_ended = [], False

    for i, ln in enumerate(lines):
        if ln.kind != "text":
            if ln.kind == "credit":
                close_heading()
                close_para()
            elif (ln.kind == "jump" and cur and not cur_ended and JUMP_ON_RE.search(ln.text)
                  and not _resumes_next(lines, i)):
                close_para(open_=True)  # "…136家规" / "（下转第6版）": it goes on where "上接" says
            if ln.kind != "blank":
                add([_single_block(ln)], [ln])
            continue
        gap_before = doc.gap_before(i)
        if i not in headline:
            if cur and (ln.forced_start or (cur_ended and (
                    gap_before in ("page", "other") or (gap_before == "blank" and _break_at_blank(doc, i))))):
                close_para()
            elif cur and gap_before == "blank" and (span := _interrupting_headline(doc, i)):
                close_para(open_=True)  # the splitter may rejoin it with its continuation
                headline.update(span)
            elif cur and gap_before == "blank" and doc.indent(i) and not _closes_more(ln.text) and (
                    doc.short(doc.next_index(i, -1)) or not ends_sentence(ln.text)):
                # OCR misreads a final "。" ("景。" -> "奈o") or drops the last line ("…光明前" /
                # "景。"): a blank line and an indented line still end the paragraph. A column
                # goes on with a full line; only its paragraph's last line is short, and ends so;
                # a line that closes a quote the text above opened goes on with it.
                close_para()
            if cur and cur_ended and not _PUSHED_RE.match(ln.text):
                if doc.indent(i):
                    close_para()
                elif not ends_sentence(ln.text):
                    # the paragraph ended on a full line: a headline must prove itself here
                    span = heading_span(doc, i, strict=True)
                    if span:
                        close_para()
                        headline.update(span)
            if not cur and not heading and _PUSHED_RE.match(ln.text) and _reopen(blocks, ln, hyphenated):
                # "（据央视《新闻联播》" / "）": a mark pushed to its own line rejoins the block before.
                continue
            if not cur and not heading:
                last = blocks[-1]["kind"] if blocks else ""
                headline.update(heading_span(doc, i, expect_title=last in ("credit", "furniture"),
                                             after_credit=last == "credit"))
        if i in headline:
            if cur:  # a repeated title above "（上接…）" under a paragraph still open (no "下转" line)
                close_para(open_=True)
            prev = doc.next_index(i, -1)
            # a new headline element where a blank line parts them or the line grows wider
            # than the one above (that one did not wrap: a label or kicker ended there)
            # (not after a wrapped sentence of the title: "西乡北帝三月三精" / "彩不断！" / "西乡历史文化展游")
            grows = (bool(heading) and prev is not None
                     and doc.width[i] > doc.full(prev) + 0.5 + _latin_error(ln.text)
                     and not (len(heading) > 1 and lines[prev].text[-1:] in "！？!?"))
            # a headline goes on after its colon ("机遇与合作：" / "“通武廊”社会工作再携手"), also
            # across OCR's blank line
            colon = prev is not None and lines[prev].text[-1:] in "：:" and gap_before in ("", "blank")
            if heading and ((gap_before and not colon) or (grows and not _justified(lines[prev].text) and not colon)
                            # it may be the running head, unless it wraps on at a comma
                            or (prev is not None and doc.page_top(prev) and not lines[prev].text.endswith("，"))):
                close_heading()
            heading.append(ln)
            continue
        close_heading()
        cur.append(ln)
        credit_end = _ends_with_credit(cur)
        cur_ended = credit_end or ends_sentence(ln.text)
        if cur_ended:
            nxt = doc.nxt(i)
            gap = doc.gap_after(i)
            first = INDENT_EM if len(cur) == 1 and doc.indent(i) else 0.0
            if (nxt is None or gap == "end" or ln.forced_end or credit_end
                    or (gap == "blank" and _break_at_blank(doc, doc.next_index(i)))
                    or (not _PUSHED_RE.match(nxt.text) and doc.short(i, first))):
                close_para()
        elif doc.following[i] is None:
            close_para(open_=True)
    close_heading()
    close_para(open_=bool(cur) and not cur_ended)
    blocks.sort(key=lambda b: order[id(b)])
    return blocks


def _justified(text: str) -> bool:
    """
    A headline line spread to the full width by spaces between its characters (its width in
    the text says nothing about its printed width).

        >>> _justified("总 台 2024 年"), _justified("总台2024年"), _justified("中国 经济展望")
        (True, False, False)
    """
    tokens = text.split()
    return len(tokens) >= 3 and all(len(t) <= 4 for t in tokens)


def _ends_with_credit(cur: list[Line]) -> bool:
    if cur[-1].text[-1:] not in _CREDIT_CLOSERS:  # a credit ends with its bracket
        return False
    tail = "".join(x.text for x in cur[-3:])
    return bool(CREDIT_TAIL_RE.search(tail))


def _reopen(blocks: list[dict], ln: Line, hyphenated: frozenset[str]) -> bool:
    """Append a line of pushed punctuation to the last paragraph, or to a credit still waiting
    for its closing bracket; not past a headline or a finished credit (the spans would cross)."""
    for b in reversed(blocks):
        if (b["kind"] == "credit" and b["text"][-1:] not in "）)〉") or b["kind"] == "paragraph":
            b["text"] = join_lines(b["text"], ln.text, hyphenated=hyphenated)
            b["lines"][1] = max(b["lines"][1], ln.end)
            return True
        if b["kind"] in ("heading", "credit"):
            return False
    return False


def _heading_block(lines: list[Line]) -> dict:
    return {
        "kind": "heading",
        "text": "".join(x.text for x in lines),
        "page": lines[0].page,
        "lines": [lines[0].n, lines[-1].end],
        "parts": [x.text for x in lines],
    }


def _single_block(ln: Line) -> dict:
    kind = {"jump": "furniture", "credit": "credit"}.get(ln.kind, ln.kind)
    block = {"kind": kind, "text": ln.text, "page": ln.page, "lines": [ln.n, ln.end]}
    if ln.kind == "jump":
        block["role"] = "jump"
    return block


def _para_blocks(lines: list[Line], hyphenated: frozenset[str], open_: bool) -> list[dict]:
    """A paragraph's lines joined; a credit printed at its end becomes a block of its own."""
    text = ""
    starts: list[int] = []
    for x in lines:
        starts.append(len(text))
        text = join_lines(text, x.text, hyphenated=hyphenated)
    out: list[dict] = []
    m = CREDIT_TAIL_RE.search(text) if text.rstrip()[-1:] in _CREDIT_CLOSERS else None  # a credit ends so
    body_lines = lines
    if m:
        k = max((j for j, s in enumerate(starts) if s <= m.start()), default=0)
        credit_lines = lines[k:]
        out.append({"kind": "credit", "text": text[m.start():].strip(), "page": credit_lines[0].page,
                    "lines": [credit_lines[0].n, credit_lines[-1].end]})
        text = text[: m.start()].rstrip()
        body_lines = lines[: k + 1] if text else []
        if starts[k] >= m.start():
            body_lines = lines[:k]
    if text and body_lines:
        block = {"kind": "paragraph", "text": text, "page": body_lines[0].page,
                 "lines": [body_lines[0].n, body_lines[-1].end]}
        if open_:
            block["open"] = True
        out.insert(0, block)
    return out


def dehyphenate_records(records: Iterable[dict]) -> Iterator[dict]:
    """Stage: add ``blocks`` to each document record; ``text`` stays as loaded."""
    for record in records:
        out = dict(record)
        out["blocks"] = build_blocks(str(record.get("text", "")))
        out["steps"] = [*record.get("steps", []), "dehyphenate"]
        yield out
