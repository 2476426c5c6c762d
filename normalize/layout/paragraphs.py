"""Paragraphs: where one ends, before a line (``BREAK_BEFORE``) or after one (``ENDS_AFTER``), and
the blocks made of a paragraph's lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..chardata import CLOSE_BRACKETS, CREDIT_TAIL_RE, HAN, OPEN_BRACKETS, OPEN_CREDIT_TAIL_RE, OPENERS, WHITE_RE
from ..words import word_runs_on
from .headlines import heading_span, interrupting_headline
from .lines import Line
from .page import Page
from .roles import jump_page, jump_role
from .rules import decide, family
from .text import (
    CLOSING_BRACKET_RE,
    CREDIT_CLOSERS,
    PUSHED_RE,
    TITLE_REST,
    UNSURE_WIDTH_RE,
    closes_more,
    closes_title,
    credit_line,
    ends_sentence,
    join_lines,
    misread_closer,
    numbered_subhead,
    unclosed,
)
from .widths import Tol

CREDIT_LINES = 3  # a credit at a paragraph's end spans at most this many lines
QUOTE_REACH = 2  # lines within which a quote the paragraph opened closes, across OCR's blank line
SQUEEZED_COMMAS = "，、"  # a first line's last comma, set half-width where it would not fit (``indent_after_end``)


def break_at_blank(page: Page, i: int) -> bool:
    """A blank line before line i, after a sentence end, is a paragraph break...

    ...unless the line before it fills the column and line i is not indented: OCR prints a
    blank line at many column ends, also where a sentence happens to end at the column's foot.
    """
    p = page.next_index(i, -1)
    if p is None or page.short(p) or page.indent(i) or heading_span(page, i)[0]:
        return True
    # a column line has the lines of its column above it; a web copy's paragraph is a line alone
    q = page.next_index(p, -1)
    return q is None or page.gap_after(q) != "" or abs(page.width[q] - page.width[p]) > Tol.NARROW


@dataclass
class Open:
    """The paragraph being read: its lines, and whether its last line ended a sentence."""

    lines: list[Line] = field(default_factory=list)
    ended: bool = False
    open_credit: bool = False  # it ends with a credit OCR left open (``ends_with_open_credit``)


@dataclass
class Break:
    """A paragraph ends before a line: left ``open`` (cut off, to be rejoined), and a headline
    found there (its line indexes)."""

    open: bool = False
    headline: list[int] = field(default_factory=list)


# Before text line i, with a paragraph open: does the paragraph end here?

def inline_break(page: Page, i: int, cur: Open) -> Break | None:
    """The line starts after "。 " inside a printed line: ``…600公斤。 眼下，内蒙古…``."""
    return Break() if page.lines[i].forced_start else None


def page_or_jump_gap(page: Page, i: int, cur: Open) -> Break | None:
    """A sentence ended, then a page end or a jump line."""
    return Break() if cur.ended and page.gap_before(i) in ("page", "other") else None


def headline_inside(page: Page, i: int, cur: Open) -> Break | None:
    """A headline set between blank lines inside an unfinished paragraph: it stays open for the
    splitter to rejoin with its continuation."""
    if page.gap_before(i) == "blank" and (span := interrupting_headline(page, i)):
        return Break(open=True, headline=span)
    return None


def blank_then_indent(page: Page, i: int, cur: Open) -> Break | None:
    """OCR misreads a final "。" ("景。" -> "奈o") or drops the last line ("…光明前" / "景。"): a
    blank line and an indented line still end the paragraph. A column goes on with a full line;
    only its paragraph's last line is short, and ends so; a line that closes a quote the text
    above opened goes on with it."""
    text = page.lines[i].text
    if (page.gap_before(i) == "blank" and page.indent(i) and not closes_more(text)
            and (page.short(page.next_index(i, -1)) or not ends_sentence(text))  # type: ignore[arg-type]
            and not _quote_goes_on(page, i, cur)):
        return Break()
    return None


def _quote_goes_on(page: Page, i: int, cur: Open) -> bool:
    """The paragraph opened a quote that closes within two lines from line i (``“原来三月三是为了
    庆祝北帝`` / blank / ``雨顺、`` / ``盟！”``)."""
    return unclosed("".join(ln.text for ln in cur.lines)) > 0 and any(
        map(closes_more, page.running_text(i, QUOTE_REACH)))


def indent_after_end(page: Page, i: int, cur: Open) -> Break | None:
    """A sentence ended, and this line is indented: a new paragraph; also one whose last comma was set half-width to
    fit (``…增效的双赢。`` / ``用好盐碱地等后备耕地资源，``, twelve characters and a comma after a two-em indent in a
    14 em column; near miss a line ending on a closing quote, which lines with paired marks about it make a guess
    of). On a page whose lines are cut at random, only an indent the text keeps counts: a short run of text there is
    no indent (``…都有电热水`` / ``器。`` / ``天气炎热时，`` / ``加上冰箱、``, one paragraph: its printed lines
    said so)."""
    ln = page.lines[i]
    if page.fragmented and not (ln.indented or ln.forced_start):
        return None
    if cur.ended and not PUSHED_RE.match(ln.text) and page.indent(i, squeezed=_comma_squeezed(page, i)):
        return Break()
    return None


def _comma_squeezed(page: Page, i: int) -> bool:
    """Line i may owe its width to a last comma set half-width (``indent_after_end``): it ends on one, is clearly
    narrower than the full line above it, and nothing that came down from it explains the shortfall (a word or a
    mark that may not start a line, an opening quote: ``…负责人表示，`` / ``“今年全县…``, ``…稳中有增，`` /
    ``32.5万亩，…``)."""
    ln, above, below = page.lines[i], page.next_index(i, -1), page.next_index(i)
    return (ln.text[-1] in SQUEEZED_COMMAS and not page.slack[i] and above is not None and below is not None
            and page.lines[below].text[:1] not in OPENERS
            and page.width[i] <= page.width[above] - Tol.SAME - Tol.EPS)


def indent_under_full_line(page: Page, i: int, cur: Open) -> Break | None:
    """A sentence ended on a full line (as wide as the line above it), and this line, which goes on to the next, is
    set in from it by an indent: a new paragraph, where the lines below are too short to show the indent (its last
    line, then a credit: ``…高质量共建“一带一路”。`` / ``七位新闻发言人还就创新驱动、乡村振兴等话题回`` /
    ``答了中外记者的提问。``). A running line is never short of the measure. Near misses: a line of that width that ends
    its sentence (a paragraph's last line); widths that digits or Latin letters make a guess; a page whose lines
    are cut at random (``fragmented``) or that keeps its indents, where widths prove nothing."""
    if page.fragmented or page.explicit_indents:
        return None
    above = page.next_index(i, -1)
    over = None if above is None else page.next_index(above, -1)
    if (not cur.ended or over is None or page.gap_after(over) != "" or page.gap_after(above) != ""
            or page.gap_after(i) != "" or ends_sentence(page.lines[i].text)):
        return None
    texts = page.lines[over].text + page.lines[above].text + page.lines[i].text
    full = page.width[above]
    if (UNSURE_WIDTH_RE.search(texts) or abs(page.width[over] - full) > Tol.SAME
            or not full - Tol.INDENT_DEPTH <= page.full(i) <= full - max(Tol.INDENT_MIN, Tol.INDENT_SHARE * full)):
        return None
    return Break()


def subhead_after_end(page: Page, i: int, cur: Open) -> Break | None:
    """A sentence ended, and a numbered subhead stands on this line (``一、加强组织领导``): a paragraph of its
    own, which ends with it (near miss: ``一、加强组织领导。全县…``, a paragraph that opens with its number)."""
    return Break() if cur.ended and numbered_subhead(page.lines[i].text) else None


def headline_after_full_line(page: Page, i: int, cur: Open) -> Break | None:
    """A sentence ended on a full line and a headline follows; it must prove itself here."""
    text = page.lines[i].text
    if cur.ended and not PUSHED_RE.match(text) and not ends_sentence(text):
        span, _ = heading_span(page, i, strict=True)
        if span:
            return Break(headline=span)
    return None


BREAK_BEFORE = family("break_before", inline_break, page_or_jump_gap, headline_inside,
                      blank_then_indent, indent_after_end, indent_under_full_line, subhead_after_end,
                      headline_after_full_line)


def break_before(page: Page, i: int, cur: Open) -> tuple[Break | None, str]:
    """Whether the open paragraph ends before line i, and the rule that said so.

    Every rule needs an inline break, a sentence end or a blank line before line i: without
    one (most lines of a paragraph) none is asked.
    """
    if not (cur.ended or page.lines[i].forced_start or page.gap_before(i) == "blank"):
        return None, ""
    return decide(BREAK_BEFORE, page, i, cur)


# After text line i, which ended a sentence or a credit: does the paragraph end with it?

def last_text_line(page: Page, i: int, cur: Open) -> bool | None:
    """No text follows."""
    return True if page.nxt(i) is None or page.gap_after(i) == "end" else None


def inline_break_after(page: Page, i: int, cur: Open) -> bool | None:
    """The line ends before "。 " inside a printed line."""
    return True if page.lines[i].forced_end else None


def credit_closes(page: Page, i: int, cur: Open) -> bool | None:
    """The paragraph ends with its credit: ``…的意见。（中国新闻网）``."""
    return True if ends_with_credit(cur.lines) else None


def blank_break_after(page: Page, i: int, cur: Open) -> bool | None:
    """A blank line follows that is a break (see ``break_at_blank``)."""
    if page.gap_after(i) == "blank" and break_at_blank(page, page.next_index(i)):  # type: ignore[arg-type]
        return True
    return None


def printed_line_ends(page: Page, i: int, cur: Open) -> bool | None:
    """On a page whose lines are cut at random, where its known printed line ends say the sentence
    ended a printed line short, or went on along it (``…杨铭高兴地说。`` / ``杨铭今年 25岁，…``,
    one paragraph: see ``PrintedLines``). A headline after the line proves the edges wrong: the
    next known edge is in the next story (``…感受到了来自社会的关心和温暖。`` / ``用电高峰来了！``)."""
    if not page.fragmented:
        return None
    ends = page.printed.sentence_ends_paragraph(i)
    if ends is False and (j := page.next_index(i)) is not None and heading_span(page, j)[0]:
        return None
    return ends


def short_last_line(page: Page, i: int, cur: Open) -> bool | None:
    """The line stops clearly short of its column (a first line counted with its indent)."""
    nxt = page.nxt(i)
    first = Tol.INDENT if len(cur.lines) == 1 and page.indent(i) else 0.0
    return True if nxt is not None and not PUSHED_RE.match(nxt.text) and page.short(i, first) else None


def lead_across_columns(page: Page, i: int, cur: Open) -> bool | None:
    """A line that ends a sentence set wider than the column of text under it (``spans_columns``): a lead set across
    the columns, a paragraph of its own, over the story's first column (``…主产区已进入收获高峰。`` / ``在黑龙江北大荒
    集团五…``). Near misses: a line that ends no sentence there, the lead going on into the column; a full line
    over a credit and a folio, or over lines of no one width, no column under it (a paragraph's text objects as
    pdftotext prints them, wide and narrow: ``…的新格局。`` / ``《新闻联播》从今天`` / ``（10月3日）开始推出…``);
    a page whose lines are cut at random (``fragmented``)."""
    below = [page.next_index(i, step) for step in (1, 2, 3)]
    if (page.fragmented or not ends_sentence(page.lines[i].text)
            or any(j is None or page.lines[j].kind != "text" or page.gap_after(page.previous[j]) for j in below)):
        return None
    first, second, third = (page.width[j] for j in below)  # (a column: its first line no wider than its full lines)
    column = abs(second - third) <= Tol.SAME and first <= max(second, third) + Tol.SAME
    return True if column and page.spans_columns([i]) else None


ENDS_AFTER = family("ends_after", last_text_line, inline_break_after, credit_closes, blank_break_after,
                    printed_line_ends, short_last_line, lead_across_columns)


def ends_after(page: Page, i: int, cur: Open) -> str:
    """The rule that ends the paragraph with line i, or ""."""
    verdict, why = decide(ENDS_AFTER, page, i, cur)
    return why if verdict else ""


def ends_with_credit(cur: list[Line]) -> bool:
    """The paragraph's last lines end with a credit in brackets."""
    if cur[-1].text[-1:] not in CREDIT_CLOSERS:  # a credit ends with its bracket
        return False
    return credit_tail(cur[-CREDIT_LINES:]) is not None


def credit_tail(lines: list[Line], text: str | None = None) -> int | None:
    """Where a credit in brackets starts at the end of these lines' ``text`` (joined as they stand if not given), or
    None. Lines that start after a sentence's end inside a printed line (``…办理。 (街`` / ``道社工站)``: the
    piece after it) are read with that end before them, as a bare name in brackets closes a story only there.

        >>> from normalize.layout.lines import Line
        >>> piece = [Line(1, 1, "(街", "text", forced_start=True), Line(2, 1, "道社工站)", "text")]
        >>> credit_tail(piece), credit_tail([Line(1, 1, "(街道社工站)", "text")])
        (0, None)
    """
    text = "".join(x.text for x in lines) if text is None else text
    after_end = bool(lines) and lines[0].forced_start and len(lines) <= CREDIT_LINES
    m = CREDIT_TAIL_RE.search("。" + text if after_end else text)
    return None if m is None else max(0, m.start() - after_end)


def open_credit_tail(text: str, printed: frozenset[str]) -> re.Match[str] | None:
    """A credit at the text's end whose book title OCR left open, its closing marks read as one glyph
    (``…的出行受到影响。(据央视《新闻联播六``: the evidence is ``text.misread_closer``'s, ``printed`` the titles
    the document prints closed); None for anything else, a title cut short too (``(据央视《新闻联``)."""
    if "《" not in text[-40:]:
        return None
    m = OPEN_CREDIT_TAIL_RE.search(text)
    return m if m and misread_closer(m.group(1), printed) else None


def ends_with_open_credit(cur: list[Line], printed: frozenset[str], following: str | None) -> bool:
    """The paragraph's last lines end with a credit OCR left open (``open_credit_tail``), and the text that
    follows (``following``, None at the document's end) does not close its title: ``(据央视《新闻联`` / blank /
    ``播》)`` is a credit set on two lines, whatever the words say."""
    if following is not None and closes_title(following):
        return False
    return open_credit_tail("".join(x.text for x in cur[-CREDIT_LINES:]), printed) is not None


def reopen(blocks: list[dict], ln: Line, hyphenated: frozenset[str]) -> bool:
    """Append a line of pushed punctuation to the last paragraph, or to a credit still waiting
    for its closing bracket; not past a headline or a finished credit (the spans would cross)."""
    for b in reversed(blocks):
        if (b["kind"] == "credit" and b["text"][-1:] not in CLOSE_BRACKETS) or b["kind"] == "paragraph":
            b["text"] = join_lines(b["text"], ln.text, hyphenated=hyphenated)
            b["lines"][1] = max(b["lines"][1], ln.end)
            return True
        if b["kind"] in ("heading", "credit"):
            return False
    return False


def rejoin_title(blocks: list[dict], ln: Line, printed: frozenset[str], *, gap: bool = True,
                 flat: FlatText | None = None) -> bool:
    """Append to the credit on the line above a line that is the rest of the credit's book title, wrapped: it closes
    the title (``播》）`` under ``…（据央视《新闻联``), or ends on OCR's glyph for the closing marks (``闻联播访``
    under ``…进展。(据央视《新``, the document printing ``《新闻联播》`` elsewhere, ``text.misread_closer``); or the
    rest of an office's name in a credit OCR left open (``疾人联合会`` under ``…家用电器。 (县残``; ``name_rest``,
    over the document's ``flat`` text above the credit's raw line), right under it in its paragraph, a ``gap``
    after it; or any line that closes the credit, bracket and all, gap or none (``网）`` under ``（来源：央视``,
    ``播》）`` over an upright title). Near miss: a line that goes on otherwise (the next story's title) stays
    apart."""
    last = blocks[-1] if blocks else None
    if (last is None or last["kind"] != "credit" or last["lines"][1] != ln.n - 1 or last["page"] != ln.page
            or len(ln.text) > TITLE_REST):
        return False
    closes = credit_line(last["text"] + ln.text) is not None
    _, mark, title = last["text"].rpartition("《")
    if not (closes or (gap and ((mark and "》" not in title and (closes_title(ln.text)
                                                                 or misread_closer(title + ln.text, printed)))
                                or name_rest(last["text"], ln.text, *(flat.above(last["lines"][0]) if flat
                                                                      else ("", 0)))))):
        return False
    last["text"] += ln.text
    last["lines"][1] = max(last["lines"][1], ln.end)
    return True


HAN_RUN_RE = re.compile(f"[{HAN}]+")
OFFICE_CHARS = 10  # an office signing a story is named in this many characters (县残疾人联合会, 东城区民政局)


def name_rest(credit: str, line: str, document: str = "", end: int | None = None) -> bool:
    """``line`` is the rest of the name a credit left open (no bracket closed, no book title) begins: Han alone,
    the name with it no longer than an office's (``OFFICE_CHARS``), a word of the dictionary running across the
    break (``残疾人``: the name was cut inside it, not finished), or the name whole printed in the ``document``
    above the credit (its text without white space, up to ``end``, the credit's place in it): ``(据中国`` /
    ``社会工作联合会``, the story naming ``中国社会工作联合会`` in its text. Near miss: the next story's title, which
    its own lead repeats below (``(县残联`` / ``助残日活动启动`` / ``5月19日，县残联助残日活动启动仪式…``).

        >>> name_rest("(县残", "疾人联合会"), name_rest("(县残疾人联合会)", "非遗"), name_rest("(据新华社", "春耕")
        (True, False, False)
        >>> name_rest("(县残", "非遗民俗文献展邀市民"), name_rest("(据央视《新", "闻联播")
        (False, False)
        >>> page = "也是中国社会工作联合会的品牌项目。"
        >>> name_rest("(据中国", "社会工作联合会", page), name_rest("(据中国", "社会工作联合会", page[6:])
        (True, False)
    """
    name = credit.strip()[1:]
    if not (credit.strip()[:1] in OPEN_BRACKETS and not CLOSING_BRACKET_RE.search(credit)
            and len(name + line) <= OFFICE_CHARS and HAN_RUN_RE.fullmatch(name + line) is not None):
        return False
    if word_runs_on(name, line):
        return True
    end = len(document) if end is None else end
    return any(document.find(name[k:] + line, 0, end) >= 0 for k in range(len(name) - 1)
               if len(name[k:] + line) >= NAME_MIN)


NAME_MIN = 5  # a name found printed elsewhere on the page is this long at least (中国 alone is in every story)


class FlatText:
    """A document's text without white space, made when first asked for, and where each raw line starts in it:
    the text above a credit, where its office may be named whole (``name_rest``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.flat = ""
        self.starts: list[int] = []

    def above(self, n: int) -> tuple[str, int]:
        """The flat text and where raw line n (1-based) starts in it.

            >>> FlatText("a b\\n第二 行\\n\\n三").above(3)
            ('ab第二行三', 5)
        """
        if not self.starts:
            lines = self.text.split("\n")
            pieces = [WHITE_RE.sub("", line) for line in lines]
            self.flat = "".join(pieces)
            self.starts = [0, *itertools.accumulate(map(len, pieces))]
        return self.flat, self.starts[n - 1]


def heading_block(lines: list[Line], why: str) -> dict:
    """The block of one headline element (``_src``: its lines, until its roles are given)."""
    return {
        "kind": "heading",
        "text": "".join(x.text for x in lines),
        "page": lines[0].page,
        "lines": [lines[0].n, lines[-1].end],
        "parts": [x.text for x in lines],
        "why": why,
        "_src": lines,
    }


def single_block(ln: Line) -> dict:
    """The block of a line that stands alone: a credit, furniture, a jump line, noise."""
    kind = {"jump": "furniture", "byline": "paragraph", "label": "heading"}.get(ln.kind, ln.kind)
    block = {"kind": kind, "text": ln.text, "page": ln.page, "lines": [ln.n, ln.end], "why": ln.why}
    if ln.kind in ("byline", "label"):
        block["role"] = ln.kind
    if ln.kind == "jump":
        block["role"] = jump_role(ln.text)
        if (target := jump_page(ln.text)) is not None:
            block["jump"] = target
    return block


def para_blocks(lines: list[Line], hyphenated: frozenset[str], open_: bool, why: str,
                printed: frozenset[str] | None = None) -> list[dict]:
    """A paragraph's lines joined; a credit printed at its end becomes a block of its own.
    ``why``: the rule that ended the paragraph; ``printed``: the document's book titles, where the paragraph
    ended with a credit OCR left open (``open_credit_tail``)."""
    text = ""
    starts: list[int] = []
    for x in lines:
        starts.append(len(text))
        text = join_lines(text, x.text, hyphenated=hyphenated)
    out: list[dict] = []
    at = credit_tail(lines, text) if text.rstrip()[-1:] in CREDIT_CLOSERS else None  # a credit ends so
    if at is None and printed is not None and (m := open_credit_tail(text, printed)) is not None:
        at = m.start()
    body_lines = lines
    if at is not None:
        k = max((j for j, s in enumerate(starts) if s <= at), default=0)
        credit_lines = lines[k:]
        out.append({"kind": "credit", "text": text[at:].strip(), "page": credit_lines[0].page,
                    "lines": [credit_lines[0].n, credit_lines[-1].end], "why": "credit_at_paragraph_end"})
        text = text[:at].rstrip()
        body_lines = lines[: k + 1] if text else []
        if starts[k] >= at:
            body_lines = lines[:k]
    if text and body_lines:
        block = {"kind": "paragraph", "text": text, "page": body_lines[0].page,
                 "lines": [body_lines[0].n, body_lines[-1].end], "why": why}
        if open_:
            block["open"] = True
        out.insert(0, block)
    return out
