"""Assembly: read the lines, run the kind passes, walk the lines once and apply the rules'
verdicts, making blocks. Nothing here decides: every choice is a rule of ``kinds``,
``headlines``, ``starts`` or ``paragraphs`` for plain text, of ``boxed`` where the lines come
with boxes (``BoxAssembler``).
"""

from __future__ import annotations

from typing import Any

from ..chardata import JUMP_ON_RE
from ..profile import Profile, applied
from .boxed import BOX_FURNITURE, box_break, display_mark, element_roles, headlines
from .boxes import BoxPage, read_boxed_lines
from .columns import byline_first
from .headlines import heading_span, new_element
from .kinds import BOX_PASSES, KIND_PASSES, repeated_titles, resumes_next
from .lines import Line, read_lines
from .page import Page, page_marks
from .paragraphs import (
    FlatText,
    Open,
    break_before,
    ends_after,
    ends_with_credit,
    ends_with_open_credit,
    heading_block,
    para_blocks,
    rejoin_title,
    reopen,
    single_block,
)
from .roles import mark_roles
from .rules import Decision, decide, tracing
from .text import (
    BETWEEN_STORIES,
    PUSHED_RE,
    SPACEY_RE,
    ends_sentence,
    hyphenated_words,
    numbered_subhead,
    printed_titles,
)

SPACEY_MARKS = 2  # spaces after this many marks: the document spaces after every mark


class Assembler:
    """One pass over a document's lines, keeping the open paragraph and headline element."""

    def __init__(self, text: str, boxes: list[Any] | None = None) -> None:
        lines = read_lines(text, len(SPACEY_RE.findall(text)) >= SPACEY_MARKS)
        mark_em, hang = page_marks(lines)  # (from the lines as read: the passes below change kinds)
        for box_pass in BOX_PASSES if boxes else ():  # an OCR page's boxes: where a line stands (see ``assembler``)
            box_pass(lines, boxes)
        for mark in KIND_PASSES:
            mark(lines)
        lines = byline_first(lines)
        for i, ln in enumerate(lines):
            ln.i = i
        self.lines = lines
        self.page = Page(lines, mark_em, hang)
        self.hyphenated = hyphenated_words(text)
        self.printed = printed_titles(text)
        self.flat = FlatText(text)  # (the text without white space, made only if a credit's name is looked for)
        self.blocks: list[dict] = []
        self.order: list[int] = []  # each block's place in reading order: its first line's index
        self.cur = Open()
        self.heading: list[Line] = []
        self.heading_why = ""
        self.repeated = set(repeated_titles(lines))
        self.headline: set[int] = set(self.repeated)
        self.started: dict[int, str] = dict.fromkeys(self.repeated, "repeated_title")  # headline starts, by rule

    def add(self, new: list[dict], source: list[Line]) -> None:
        for k, b in enumerate(new):
            # a block starts at its source's first line; a credit split off a paragraph's end, at
            # the last line of that number (a paragraph read across columns meets it twice)
            first = source[0] if k == 0 else next(x for x in reversed(source) if x.n == b["lines"][0])
            self.order.append(first.i)
            self.blocks.append(b)

    def found(self, span: list[int], why: str) -> None:
        """Lines the rule ``why`` found to be a headline."""
        if span:
            self.headline.update(span)
            self.started.setdefault(span[0], why)

    def close_heading(self) -> None:
        if self.heading:
            block = heading_block(self.heading, self.heading_why)
            if any(x.i in self.repeated for x in self.heading):
                block["role"] = "repeated"  # a continued article's title printed again above "（上接…）"
            self.add([block], self.heading)
            self.heading = []

    def close_para(self, why: str, open_: bool = False) -> None:
        if self.cur.lines:
            printed = self.printed if self.cur.open_credit else None
            self.add(para_blocks(self.cur.lines, self.hyphenated, open_, why, printed), self.cur.lines)
        self.cur = Open()

    def other_line(self, i: int, ln: Line) -> None:
        """A line that is not text: a credit closes what is open, a jump line may cut a paragraph."""
        if ln.kind in ("credit", "label") or ln.why in BETWEEN_STORIES:  # (a rule or a page's head ends an article)
            self.close_heading()
            self.close_para("credit_line" if ln.kind == "credit" else "decoration", open_=ln.kind != "credit"
                            and not self.cur.ended)
        elif (ln.kind == "jump" and self.cur.lines and not self.cur.ended and JUMP_ON_RE.search(ln.text)
              and not resumes_next(self.lines, i)):
            self.close_para("jump_on", open_=True)  # "…136家规" / "（下转第6版）": it goes on where "上接" says
        if ln.kind != "blank":
            self.add([single_block(ln)], [ln])

    def before_text(self, i: int, ln: Line) -> bool:
        """What line i, not known as a headline's, ends or starts; False when it was put back."""
        if self.cur.lines:
            verdict, why = break_before(self.page, i, self.cur)
            if verdict is not None:
                self.close_para(why, open_=verdict.open)
                self.found(verdict.headline, why)
        if not self.cur.lines and not self.heading:
            if PUSHED_RE.match(ln.text) and reopen(self.blocks, ln, self.hyphenated):
                return False  # "（据央视《新闻联播》" / "）": a mark pushed to its own line rejoins the block before
            if rejoin_title(self.blocks, ln, self.printed, gap=self.page.gap_after(i) in ("blank", "page", "end"),
                            flat=self.flat):
                return False  # "…进展。(据央视《新" / "闻联播访": the credit's title wrapped
            last = self.blocks[-1]["kind"] if self.blocks else ""
            self.found(*heading_span(self.page, i, expect_title=last in ("credit", "furniture"),
                                     after_credit=last == "credit"))
        return True

    def headline_line(self, i: int, ln: Line) -> None:
        if self.cur.lines:  # a repeated title above "（上接…）" under a paragraph still open (no "下转" line)
            self.close_para("headline_below", open_=True)
        if self.heading and (why := new_element(self.page, i, len(self.heading))):
            self.close_heading()
            self.heading_why = why
        elif not self.heading:
            self.heading_why = self.started.get(i, "headline_goes_on")
        self.heading.append(ln)

    def paragraph_line(self, i: int, ln: Line) -> None:
        self.close_heading()
        cur = self.cur
        cur.lines.append(ln)
        cur.open_credit = (
            "《" in ln.text[-14:] + (cur.lines[-2].text[-14:] if len(cur.lines) > 1 else "")  # (cheap test first)
            and self.page.gap_after(i) in ("blank", "page", "end")
            and ends_with_open_credit(cur.lines, self.printed, (nxt := self.page.nxt(i)) and nxt.text))
        credit_end = ends_with_credit(cur.lines) or cur.open_credit
        cur.ended = credit_end or ends_sentence(ln.text) or (len(cur.lines) == 1 and numbered_subhead(ln.text))
        if cur.ended:
            if why := ends_after(self.page, i, cur):
                self.close_para(why)
        elif self.page.following[i] is None:
            self.close_para("document_end", open_=True)

    def run(self) -> list[dict]:
        for i, ln in enumerate(self.lines):
            if ln.kind != "text":
                self.other_line(i, ln)
                continue
            if i not in self.headline and not self.before_text(i, ln):
                continue
            if i in self.headline:
                self.headline_line(i, ln)
            else:
                self.paragraph_line(i, ln)
        self.close_heading()
        self.close_para("document_end", open_=bool(self.cur.lines) and not self.cur.ended)
        # blocks in reading order: by their first line's place, which is line order except where
        # OCR's side-by-side columns are read one after the other
        ranked = sorted(range(len(self.blocks)), key=self.order.__getitem__)
        blocks = [self.blocks[k] for k in ranked]
        for k, b in zip(ranked, blocks):
            b["gap"] = self.gap_before(self.order[k])
        blocks = mark_roles(blocks)
        for b in blocks:
            b.pop("_src", None)
        return blocks

    def gap_before(self, i: int) -> str:
        """What comes right before line i: a page break ("page"), a blank line, or nothing ("")."""
        if i == 0 or self.lines[i - 1].page != self.lines[i].page:
            return "page"
        return "blank" if self.lines[i - 1].kind == "blank" else ""


class BoxAssembler:
    """One pass over a document's lines where each has a box: headlines from display type,
    paragraphs from indents and short lines, columns followed in reading order."""

    def __init__(self, text: str, page: BoxPage) -> None:
        self.page = page
        self.lines = page.lines
        self.hyphenated = hyphenated_words(text)
        for i, ln in enumerate(self.lines):
            if ln.kind == "text":
                kind, why = decide(BOX_FURNITURE, page, i)  # furniture by place
                if kind:
                    ln.kind, ln.why = kind, why
            elif display_mark(page, i):
                ln.kind, ln.why = "text", "display_mark"
        # each headline line: (headline number, element number, role, why)
        self.heads: dict[int, tuple[int, int, str, str]] = {}
        self.repeated = set(repeated_titles(self.lines))
        for number, (parts, why) in enumerate(headlines(page, self.repeated), start=1):
            for k, (part, role) in enumerate(zip(parts, element_roles(page, parts))):
                for i in part:
                    self.heads[i] = (number, k, role, why if k == 0 else "element_changes")
        self.blocks: list[dict] = []
        self.firsts: list[int] = []
        self.cur: list[Line] = []
        self.cur_why = ""
        self.heading: list[Line] = []

    def add(self, block: dict, first: int) -> None:
        self.blocks.append(block)
        self.firsts.append(first)

    def close_heading(self) -> None:
        if self.heading:
            number, _, role, why = self.heads[self.heading[0].i]
            block = heading_block(self.heading, why)
            block["role"] = "repeated" if self.heading[0].i in self.repeated else role
            if role != "label":
                block["headline"] = number
            self.add(block, self.heading[0].i)
            self.heading = []

    def close_para(self, why: str, open_: bool = False) -> None:
        if self.cur:
            first = self.cur[0].i
            for k, b in enumerate(para_blocks(self.cur, self.hyphenated, open_ and not ends_sentence(self.cur[-1].text),
                                              why)):
                self.add(b, first if k == 0 else self.cur[-1].i)
        self.cur = []

    def run(self) -> list[dict]:
        for i, ln in enumerate(self.lines):
            if ln.kind != "text":
                self.close_heading()
                if ln.kind in ("credit", "label") or ln.why in BETWEEN_STORIES:
                    self.close_para("credit_line" if ln.kind == "credit" else "decoration")
                elif ln.kind == "jump" and JUMP_ON_RE.search(ln.text):
                    self.close_para("jump_on", open_=True)
                if ln.kind != "blank":
                    self.add(single_block(ln), i)
                continue
            if i in self.heads:
                self.close_para("headline_below", open_=True)
                if self.heading and self.heads[self.heading[-1].i][:2] != self.heads[i][:2]:
                    self.close_heading()
                self.heading.append(ln)
                continue
            self.close_heading()
            if self.cur:
                brk, why = box_break(self.page, i, self.cur[-1].i)
                if brk:
                    self.close_para(why)
            self.cur.append(ln)
        self.close_heading()
        self.close_para("document_end", open_=True)
        # in reading order: a paragraph is added when it closes, after the furniture inside it
        ranked = sorted(range(len(self.blocks)), key=self.firsts.__getitem__)
        for k in ranked:
            self.blocks[k]["gap"] = self.gap_before(self.firsts[k])
            self.blocks[k].pop("_src", None)
        return mark_roles([self.blocks[k] for k in ranked], grouped=True)

    def gap_before(self, i: int) -> str:
        """A page break, another region of the page ("blank"), or nothing before line i."""
        if i == 0 or self.page.geo[i - 1].page != self.page.geo[i].page:
            return "page"
        return "blank" if self.page.geo[i - 1].block != self.page.geo[i].block else ""


def assembler(text: str, layout: dict[str, Any] | None = None) -> Assembler | BoxAssembler:
    """The assembler for a document: by boxes where its layout states them (a PDF: points), else
    by text. OCR's boxes (pixels, or a PDF's OCR layer: ``"ocr": true``) are read only for where a
    line stands on its page and what is set in display type (``BOX_PASSES``): its line heights and column pieces are
    too rough for the geometry rules, which its text does better with (measured on the dev and held-out pages)."""
    if layout and layout.get("unit") == "pt" and not layout.get("ocr"):
        boxed = read_boxed_lines(text, layout)
        if boxed is not None:
            return BoxAssembler(text, BoxPage(*boxed, layout))
    return Assembler(text, (layout or {}).get("lines"))


def explain(text: str, layout: dict[str, Any] | None = None) -> tuple[list[dict], list[Decision]]:
    """
    The blocks of ``text`` and every decision taken on the way, each about a raw line number
    (-1 where a decision was about text alone, such as a line's kind).

        >>> blocks, decisions = explain("标题在这里\\n\\n 这是第一段的开头，\\n这是第一段的结尾。")
        >>> [d for d in decisions if d.family == "ends_after"]
        [Decision(family='ends_after', line=4, rule='last_text_line', verdict=True)]
    """
    with tracing() as trace:
        made = assembler(text, layout)
        blocks = made.run()
    lines = made.lines
    return blocks, [d._replace(line=lines[d.line].n if 0 <= d.line < len(lines) else -1) for d in trace]


def build_blocks(text: str, layout: dict[str, Any] | None = None, profile: Profile | None = None) -> list[dict]:
    """
    Turn a document's raw text into blocks, in reading order; ``layout``: the boxes of its
    lines, where the loader read them from a PDF or an OCR file.

        >>> [b["kind"] for b in build_blocks("标题在这里\\n\\n 这是第一段的开头，\\n这是第一段的结尾。\\n（据新华社）")]
        ['heading', 'paragraph', 'credit']

    ``profile``: a corpus's own running heads, labels, credits and bylines (``normalize.profile``).
    """
    with applied(profile):
        return assembler(text, layout).run()
