"""A document's raw text as ``Line``s: pages counted at form feeds, inline paragraph breaks cut,
marks pushed onto a line of their own put back, each line's kind judged from its text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..chardata import HAN, HAN_RE, JUMP_CORE, UPRIGHT_MARKS
from .columns import reading_order
from .text import (
    BYLINE_RE,
    CLAUSE_RE,
    DRAWN_RULES,
    INDENT_RE,
    INDENT_STARTS,
    INLINE_BREAK_RE,
    LETTER_SPACED_RE,
    MID_MARKS,
    PUSHED_RE,
    classify_line,
    ends_sentence,
)

FRAGMENT_CHARS = 4
NAMELESS_BYLINE = ("文／", "文/", "图／", "图/")  # a byline whose name went to the next line...
BYLINE_NAME_RE = re.compile(rf"^([{HAN}]{{2,4}})[ \u3000]+(?=\S)")  # ...and opens it, a space after
NUMBER_PIECE_RE = re.compile(r"[0-9０-９.．%％:：\-−]+|[月日年号时分秒][0-9０-９]{1,2}")
NUMBER_END_RE = re.compile(r"[0-9０-９]$")
# A story's dateline after a space inside a line, the text before it no clause's: text beside it on the same
# baseline ended there. Near misses: ``本报通讯员`` (no dateline), ``据了解， 本报讯…`` (a clause goes on)
DATELINE_INSIDE_RE = re.compile(r"(?<=[^\s，、：；,:;])[ \u3000]+(?=本 ?报 ?讯)")
# A jump line beside a column's text on one OCR line, a column's gap (two spaces or more) between them:
# ``(上接第2版)                 式，为儿童…``, ``村民们脸上露出了笑容   （下转第3版）``: cut apart in ``read_lines``
_JUMP = rf"[（(〈《]\s*{JUMP_CORE}\s*[）)〉》]"
JUMP_BESIDE_RE = re.compile(rf"^({_JUMP})[ \u3000]{{2,}}(?=\S)|(?<=\S)[ \u3000]{{2,}}({_JUMP})$")
# A byline set on a headline's last baseline, flush right: ``心 文/黄海涛``, ``书” 文/王璐`` (see ``byline_inside``)
BYLINE_INSIDE_RE = re.compile(r"[ \u3000]+(?=(?:[◎○●]\s*)?[文图][^ \u3000]*[/／])")
# what goes on from a number: a digit or mark of it, or a unit or measure word
QUANTITY_UNITS = "月日年号时分秒点万亿元岁个名人次支件项家所位台倍余多"  # a unit or measure word after a number
NUMBER_GOES_ON_RE = re.compile(rf"[0-9０-９.．%％:：\-−]|[{QUANTITY_UNITS}]")


@dataclass(slots=True)
class Line:
    """One raw line (or a piece of one) with what the rules need to know about it."""

    n: int  # 1-based raw line number
    page: int
    text: str  # stripped
    kind: str = "text"  # text | blank | furniture | jump | credit | byline | label | noise
    indented: bool = False  # explicit indent (full-width space or 2+ spaces)
    forced_start: bool = False  # starts a paragraph (after an inline break)
    forced_end: bool = False  # ends a paragraph (before an inline break)
    last: int = 0  # the last raw line merged into this one ("今天（3月15日）" / "，"), if any
    why: str = ""  # the rule that gave the line its kind
    i: int = 0  # its place in the document's list of lines
    display: bool = False  # an OCR page's boxes show it set in display type (``kinds.display_type``)

    @property
    def end(self) -> int:
        """The last raw line this line covers."""
        return self.last or self.n


def _line(n: int, page: int, text: str, indented: bool = False, start: bool = False, end: bool = False) -> Line:
    kind, why = classify_line(text)
    return Line(n, page, text, kind, indented, start, end, why=why)


def read_lines(text: str, spacey: bool) -> list[Line]:
    """
    The raw text as lines in reading order (OCR's side-by-side columns read one after the other).

    ``spacey``: the document puts a space after its marks, so "。 X" is no paragraph break.

        >>> lines = read_lines("标题\\n\\n正文。 下一段\\n\\f（据新华社）", False)
        >>> [(x.n, x.page, x.text, x.kind) for x in lines][2:]
        [(3, 1, '正文。', 'text'), (3, 1, '下一段', 'text'), (4, 2, '（据新华社）', 'credit')]
        >>> [x.text for x in read_lines("二十大新闻中心举行第四\\n场集体采访 本报讯（记者邱宇）5月1", False)]
        ['二十大新闻中心举行第四', '场集体采访', '本报讯（记者邱宇）5月1']
        >>> [x.text for x in read_lines("本报讯 （记者 邱宇）5月 18日", False)]  # (its own line: nothing to cut)
        ['本报讯 （记者 邱宇）5月 18日']
        >>> [x.text for x in read_lines("本报记者 张三 本报通讯员 李四\\n据了解， 本报讯的记者走访了", False)]
        ['本报记者 张三 本报通讯员 李四', '据了解， 本报讯的记者走访了']
    """
    out: list[Line] = []
    page = 1
    depth = 0  # the quotes its paragraph opened before a line and left open (a blank line parts paragraphs)
    for n, raw, col in reading_order(text.split("\n")):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        stripped = raw.strip()
        opened, depth = depth, max(0, depth + stripped.count("“") - stripped.count("”")) if stripped else 0
        if out and out[-1].kind == "byline" and out[-1].text.endswith(NAMELESS_BYLINE) and (
                m := BYLINE_NAME_RE.match(stripped)):
            # "◎ 文／" / "姜钦峰 有个年轻人…": the byline's name opens the next line
            out[-1].text, out[-1].last, stripped = out[-1].text + m.group(1), n, stripped[m.end():]
            out.append(_line(n, page, stripped, start=True))
            continue
        if col < 0:
            kind, why = "noise", "column_rule"
        else:
            kind, why = classify_line(stripped)
        indented = kind == "text" and not col and raw[:1] in INDENT_STARTS and bool(INDENT_RE.match(raw))
        spaced = " " in stripped or "\u3000" in stripped
        # (a justified line comes out letter-spaced, "点 。 新 订 单": its spaces are no indents)
        if kind != "blank" and spaced and (m := JUMP_BESIDE_RE.search(stripped)):
            # "(上接第2版)                 式，为儿童…": OCR read the jump line and the next column as one line (a
            # line that names its page may have been taken for a running head: "村民们脸上露出了笑容   （下转第3版）")
            pieces = [p for p in (stripped[:m.start()], m.group(1) or m.group(2), stripped[m.end():]) if p.strip()]
            out += [_line(n, page, piece.strip(), indented and k == 0) for k, piece in enumerate(pieces)]
            continue
        # a headline's last line and, on its baseline, the next story's first ("场集体采访 本报讯（记者邱宇）5月1")
        # or its own byline set flush right ("心 文/黄海涛"): two lines
        if kind == "text" and spaced and (cut := (None if spacey else _dateline_inside(stripped))
                                          or byline_inside(stripped)):
            out += [_line(n, page, stripped[:cut[0]], indented, end=True),
                    _line(n, page, stripped[cut[1]:], start=True)]
            continue
        if (kind == "text" and not spacey and spaced and INLINE_BREAK_RE.search(stripped)
                and not LETTER_SPACED_RE.search(stripped)):
            pieces = INLINE_BREAK_RE.sub(functools.partial(_inline_break, opened=opened), stripped).split("\n")
            last = len(pieces) - 1
            out += [_line(n, page, piece, indented and k == 0, k > 0, k < last) for k, piece in enumerate(pieces)]
            continue
        if kind == "noise" and why not in DRAWN_RULES and out and out[-1].kind == "text" and PUSHED_RE.match(stripped):
            prev = out[-1]
            if prev.end == n - 1 and prev.page == page and not stripped.strip(MID_MARKS):
                prev.text += stripped  # "今天（3月15日）" / "，": the line it was pushed off goes on
                prev.last = n
                continue
            kind, why = "text", "pushed_mark"  # "高质量共建“一带一路”" / "。": a mark pushed to a line of its own
        out.append(Line(n, page, stripped, kind, indented, why=why))
    out = upright_titles(glue_numbers(out))
    for i, ln in enumerate(out):
        ln.i = i
    return out


def _dateline_inside(text: str) -> tuple[int, int] | None:
    """Where a story's dateline after a space inside a line starts (``DATELINE_INSIDE_RE``), after that space."""
    m = DATELINE_INSIDE_RE.search(text)
    return None if m is None else (m.start(), m.end())


def byline_inside(text: str) -> tuple[int, int] | None:
    """Where a byline set flush right on a headline's last baseline starts, after the space before it
    (``心 文/黄海涛``: the title's last character, then its byline); None where the line holds none.
    Near misses: a line of prose before it (a clause mark), or more than a byline after it.

        >>> byline_inside("心 文/黄海涛"), byline_inside("议共话社工服务 文/图 陈思远")
        ((1, 2), (7, 8))
        >>> byline_inside("他说， 文/图 均由本报记者提供"), byline_inside("心 文/黄海涛在会上说，这是")
        (None, None)
    """
    for m in BYLINE_INSIDE_RE.finditer(text):
        head, tail = text[:m.start()], text[m.end():]
        if head and not CLAUSE_RE.search(head) and BYLINE_RE.match(tail):
            return m.start(), m.end()
    return None


def _inline_break(m: re.Match[str], opened: int) -> str:
    """A paragraph break after "。 " inside a line (``INLINE_BREAK_RE``), but not after a ``”`` that closes no quote
    (``opened``: those the paragraph left open above the line): OCR's reading of the next sentence's opening quote,
    its gap after it (``…小高潮。” 这一天登记…``).

        >>> [_inline_break(m, 0) for m in INLINE_BREAK_RE.finditer("小高潮。” 这一天登记。 眼下")]
        ['” ', '\\n']
        >>> [_inline_break(m, 1) for m in INLINE_BREAK_RE.finditer("我很开心。” 他说")]
        ['”\\n']
    """
    before = m.string[: m.start()]
    if "”" in m.group(1) and opened + before.count("“") - before.count("”") <= 0:
        return m.group()
    return m.group(1) + "\n"


def _fragment(text: str) -> bool:
    """A piece of a number printed as a text object of its own: digits and number marks only
    (``0``, ``.``, ``%``), or a unit with a digit (``月 1``)."""
    bare = text.replace(" ", "")
    return 0 < len(bare) <= FRAGMENT_CHARS and bool(NUMBER_PIECE_RE.fullmatch(bare))


def _folio(lines: list[Line], k: int) -> bool:
    """Line k is a bare number and the last line with text on its page, and the next page does not go on from
    it with a unit (``…共有`` / ``120`` / next page ``名志愿者参加。``: the number is the sentence's)."""
    if not lines[k].text.strip().isdigit():
        return False
    j = k + 1
    while j < len(lines) and lines[j].kind == "blank":
        j += 1
    return j == len(lines) or (lines[j].page != lines[k].page and not NUMBER_GOES_ON_RE.match(lines[j].text))


def glue_numbers(lines: list[Line]) -> list[Line]:
    """
    Lines cut around digits that a typesetter printed as separate objects, put back together:
    ``等 1`` / ``0`` / ``支青年志愿者队伍`` is one printed line (pdftotext gives each object its
    own line). A fragment of a number joins the line above it, and the line below joins it where
    it goes on with a digit or a unit; nothing else is joined. Near misses: a page's folio, a bare
    number that is its page's last line, under a line that ends on no digit (``县残疾人联合会`` / ``2``);
    a number that opens a sentence (``定办理。`` / ``5`` / ``月 1`` / ``9`` / ``日，``): it joins the lines
    below it, and the sentence's end stays a line's end, where a paragraph may end.

        >>> [x.text for x in glue_numbers([Line(1, 1, "罗如增等 1"), Line(2, 1, "0"), Line(3, 1, "名青年志愿者")])]
        ['罗如增等 10名青年志愿者']
        >>> [x.text for x in glue_numbers([Line(1, 1, "杨铭高兴地说。"), Line(2, 1, "杨铭今年25岁")])]
        ['杨铭高兴地说。', '杨铭今年25岁']
        >>> [x.text for x in glue_numbers([Line(1, 1, "县残疾人联合会"), Line(2, 1, "2"), Line(3, 2, "下一页")])]
        ['县残疾人联合会', '2', '下一页']
        >>> [x.text for x in glue_numbers([Line(1, 1, "共有"), Line(2, 1, "120"), Line(3, 2, "名志愿者参加。")])]
        ['共有120', '名志愿者参加。']
        >>> [x.text for x in glue_numbers([Line(1, 1, "定办理。"), Line(2, 1, "5"), Line(3, 1, "月 1"), Line(4, 1, "9"),
        ...                                Line(5, 1, "日，")])]
        ['定办理。', '5月 19日，']
        >>> [x.text for x in glue_numbers([Line(1, 1, "按规定办理。"), Line(2, 1, "3"), Line(3, 1, "名志愿者参加，")])]
        ['按规定办理。', '3名志愿者参加，']
    """
    out: list[Line] = []
    glued = False  # the last line out ends with a number fragment joined to it
    for k, ln in enumerate(lines):
        prev = out[-1] if out else None
        near = (prev is not None and prev.page == ln.page and prev.end == ln.n - 1
                and prev.kind in ("text", "furniture") and (glued or not ends_sentence(prev.text)))
        piece = _fragment(ln.text) or (glued and NUMBER_GOES_ON_RE.match(ln.text))
        if near and ln.kind != "blank" and piece and not (
                _folio(lines, k) and not NUMBER_END_RE.search(prev.text)):  # type: ignore[union-attr]
            prev.text += ln.text  # (a space the typesetter left inside the number stays for punct)
            prev.last = ln.end
            prev.kind, prev.why = "text", prev.why if prev.kind == "text" else "number_glued"
            glued = bool(NUMBER_END_RE.search(ln.text))
            continue
        out.append(ln)
        # (a number that opens a sentence: the lines below that go on from it join it, ``3`` / ``名志愿者…``)
        glued = bool(prev is not None and ln.kind != "blank" and _fragment(ln.text) and ends_sentence(prev.text)
                     and NUMBER_END_RE.search(ln.text))
    return out


UPRIGHT_CHARS = 3  # a title set upright comes out of pdftotext a character a line: this many lines at least
_UPRIGHT_RE = re.compile(f"[{HAN}{UPRIGHT_MARKS}]")


def upright_titles(lines: list[Line]) -> list[Line]:
    """
    A title set upright, one character under another, as pdftotext gives it: a line a character (``日`` / ``本`` /
    ``上`` / … / ``高``), three lines or more, made one line. Its marks are characters of their own
    (``我`` / ``县`` / ``“`` / ``假`` / …). Near misses: two such lines (a word cut at a column's foot and a folio);
    lines of more than one character.

        >>> [x.text for x in upright_titles([Line(1, 1, "（据央视网）", "credit"), *[Line(2 + k, 1, c) for k, c in
        ...                                  enumerate("日本上半财年")], Line(8, 1, "本报讯（记者李晓明）")])]
        ['（据央视网）', '日本上半财年', '本报讯（记者李晓明）']
        >>> [x.text for x in upright_titles([Line(1, 1, "定办理"), Line(2, 1, "。"), Line(3, 1, "好")])]
        ['定办理', '。', '好']
    """
    out: list[Line] = []
    k = 0
    while k < len(lines):
        end = k
        while (end < len(lines) and lines[end].kind in ("text", "noise") and _UPRIGHT_RE.fullmatch(lines[end].text)
               and lines[end].page == lines[k].page and lines[end].n == lines[k].n + (end - k)):
            end += 1
        if end - k >= UPRIGHT_CHARS and sum(bool(HAN_RE.match(x.text)) for x in lines[k:end]) >= UPRIGHT_CHARS:
            title = lines[k]  # (the run's first line stands for it: its number, page and indent)
            title.text, title.last = "".join(x.text for x in lines[k:end]), lines[end - 1].end
            title.kind, title.why = "text", ""
            out.append(title)
            k = end
            continue
        out.append(lines[k])
        k += 1
    return out
