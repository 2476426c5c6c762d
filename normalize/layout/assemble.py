"""Assembly: read the lines, run the kind passes, walk the lines once and apply the rules'
verdicts, making blocks. Nothing here decides: every choice is a rule of ``kinds``,
``headlines``, ``starts`` or ``paragraphs``.
"""

from __future__ import annotations

from ..chardata import JUMP_ON_RE
from .headlines import heading_span, new_element
from .kinds import KIND_PASSES, repeated_titles, resumes_next
from .lines import Line, read_lines
from .page import Page, page_mark_em
from .paragraphs import (
    Open,
    break_before,
    ends_after,
    ends_with_credit,
    heading_block,
    para_blocks,
    reopen,
    single_block,
)
from .text import PUSHED_RE, SPACEY_RE, ends_sentence, hyphenated_words

SPACEY_MARKS = 2  # spaces after this many marks: the document spaces after every mark


class Assembler:
    """One pass over a document's lines, keeping the open paragraph and headline element."""

    def __init__(self, text: str) -> None:
        lines = read_lines(text, len(SPACEY_RE.findall(text)) >= SPACEY_MARKS)
        mark_em = page_mark_em(lines)  # (from the lines as read: the passes below change kinds)
        for mark in KIND_PASSES:
            mark(lines)
        self.lines = lines
        self.page = Page(lines, mark_em)
        self.hyphenated = hyphenated_words(text)
        self.blocks: list[dict] = []
        self.order: list[int] = []  # each block's place in reading order: its first line's index
        self.cur = Open()
        self.heading: list[Line] = []
        self.repeated = set(repeated_titles(lines))
        self.headline: set[int] = set(self.repeated)

    def add(self, new: list[dict], source: list[Line]) -> None:
        for k, b in enumerate(new):
            # a block starts at its source's first line; a credit split off a paragraph's end, at
            # the last line of that number (a paragraph read across columns meets it twice)
            first = source[0] if k == 0 else next(x for x in reversed(source) if x.n == b["lines"][0])
            self.order.append(first.i)
            self.blocks.append(b)

    def close_heading(self) -> None:
        if self.heading:
            block = heading_block(self.heading)
            if any(x.i in self.repeated for x in self.heading):
                block["role"] = "repeated"  # a continued article's title printed again above "（上接…）"
            self.add([block], self.heading)
            self.heading = []

    def close_para(self, open_: bool = False) -> None:
        if self.cur.lines:
            self.add(para_blocks(self.cur.lines, self.hyphenated, open_), self.cur.lines)
        self.cur = Open()

    def other_line(self, i: int, ln: Line) -> None:
        """A line that is not text: a credit closes what is open, a jump line may cut a paragraph."""
        if ln.kind == "credit":
            self.close_heading()
            self.close_para()
        elif (ln.kind == "jump" and self.cur.lines and not self.cur.ended and JUMP_ON_RE.search(ln.text)
              and not resumes_next(self.lines, i)):
            self.close_para(open_=True)  # "…136家规" / "（下转第6版）": it goes on where "上接" says
        if ln.kind != "blank":
            self.add([single_block(ln)], [ln])

    def before_text(self, i: int, ln: Line) -> bool:
        """What line i, not known as a headline's, ends or starts; False when it was put back."""
        if self.cur.lines:
            verdict, _ = break_before(self.page, i, self.cur)
            if verdict is not None:
                self.close_para(open_=verdict.open)
                self.headline.update(verdict.headline)
        if not self.cur.lines and not self.heading:
            if PUSHED_RE.match(ln.text) and reopen(self.blocks, ln, self.hyphenated):
                return False  # "（据央视《新闻联播》" / "）": a mark pushed to its own line rejoins the block before
            last = self.blocks[-1]["kind"] if self.blocks else ""
            span, _ = heading_span(self.page, i, expect_title=last in ("credit", "furniture"),
                                   after_credit=last == "credit")
            self.headline.update(span)
        return True

    def headline_line(self, i: int, ln: Line) -> None:
        if self.cur.lines:  # a repeated title above "（上接…）" under a paragraph still open (no "下转" line)
            self.close_para(open_=True)
        if self.heading and new_element(self.page, i, len(self.heading)):
            self.close_heading()
        self.heading.append(ln)

    def paragraph_line(self, i: int, ln: Line) -> None:
        self.close_heading()
        cur = self.cur
        cur.lines.append(ln)
        credit_end = ends_with_credit(cur.lines)
        cur.ended = credit_end or ends_sentence(ln.text)
        if cur.ended:
            if ends_after(self.page, i, cur):
                self.close_para()
        elif self.page.following[i] is None:
            self.close_para(open_=True)

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
        self.close_para(open_=bool(self.cur.lines) and not self.cur.ended)
        # blocks in reading order: by their first line's place, which is line order except where
        # OCR's side-by-side columns are read one after the other
        ranked = sorted(range(len(self.blocks)), key=self.order.__getitem__)
        return [self.blocks[k] for k in ranked]


def build_blocks(text: str) -> list[dict]:
    """
    Turn a document's raw text into blocks, in line order.

        >>> [b["kind"] for b in build_blocks("标题在这里\\n\\n 这是第一段的开头，\\n这是第一段的结尾。\\n（据新华社）")]
        ['heading', 'paragraph', 'credit']
    """
    return Assembler(text).run()
