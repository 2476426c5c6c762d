"""Line kinds that need the lines around them: page furniture at a page's edges, credits whose
bracket OCR lost, asides in brackets inside a sentence, and titles repeated at a jump.

Each pass changes the ``kind`` of some lines and records its own name as their ``why``; the
assembler runs them in order after reading the lines (``KIND_PASSES``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from ..chardata import (
    CONTINUED_RE,
    CREDIT_TAIL_RE,
    DATE_RE,
    DATELINE_RE,
    EDITION_RE,
    EDITOR_RE,
    HAN,
    HAN_RE,
    JUMP_BACK_RE,
    NUMERIC_DATE_RE,
    OPENERS,
    WEEKDAY_RE,
)
from ..geometry import display_reference, in_display_type
from ..words import OFFICE_END_CHARS, names_an_office, one_word, opens_predicate, word_runs_on
from .lines import QUANTITY_UNITS, Line
from .text import (
    CLAUSE_RE,
    CLOSING_BRACKET_RE,
    CRUMBS_RE,
    LABEL_CHARS,
    NAME_CHARS,
    PROSE_MARK_RE,
    PUSHED_RE,
    RUNNING_HEAD_CHARS,
    TAG_RE,
    clause_free_heading,
    closes_more,
    closes_title,
    credit_line,
    debris,
    drawn,
    ends_sentence,
    han_pair,
    headline_shaped,
    holds_sentence,
    is_heading_candidate,
    misread_closer,
    name_like,
    opens_subtitle,
    unclosed,
)

# A credit whose closing bracket OCR lost or misread ("〈据央视《新闻联播户", "(社区服务中心供稿").
_OPEN_CREDIT_RE = re.compile(r"^[（(〈《]\s*(?:(?:据|来源\s*[:：])[^（）()〈〉。，,]{1,14}"
                             rf"|[^（）()〈〉。，,]{{2,14}}供稿|[{HAN}]{{2,12}})$")
TOP_LINES, FOOT_LINES = 5, 4  # how far into a page its running head and foot reach
REPEATED_TITLE_LINES = 3
LOOK_AHEAD = 2  # lines after an open credit that must close no bracket
MASTHEAD_DEBRIS, HEAD_GLYPHS = 2, 4  # debris lines a masthead's run needs; the glyphs of its lines
HEAD_SIGNS = 3  # lines of a head block that say so themselves, its head line among them


def _name_like(ln: Line) -> bool:
    return ln.kind == "text" and name_like(ln.text)


# A page number joined to a section's name (``2真情典藏``); near misses a count of something, the number's unit or
# measure word after it (``10名志愿者``, ``100天攻坚行动``, ``30条措施惠民生``), and a title's line wrapped inside a
# number (``联运班列累计开行3`` / ``万列``)
_COUNTED = QUANTITY_UNITS + "天条招周户场批届期版页章节轮种类款座栋辆架吨亩米千百"
_FOLIO_HEAD_RE = re.compile(rf"^[0-9]{{1,3}}\s*(?![{_COUNTED}])[{HAN}]{{2,8}}$")


def folio_heads(lines: list[Line]) -> None:
    """A page's running head as OCR reads it from a magazine's top: the page number and the section's name
    on one line (``2真情典藏``), among the page's first lines and before any sentence. It is furniture, and
    so are the name-like lines above it (``page_edge_names``: the banner ``和和人扩放于攻拓区``), not the kicker
    and title of the story under them. Near misses: such a line lower down, or under a sentence; a count
    (``10名志愿者``)."""
    for idxs in _pages(lines).values():
        for i in idxs[:TOP_LINES]:
            ln = lines[i]
            if ln.kind == "text" and (holds_sentence(ln.text) or CLAUSE_RE.search(ln.text)):
                break
            if ln.kind == "text" and _FOLIO_HEAD_RE.match(ln.text):
                ln.kind, ln.why = "furniture", "folio_head"


def page_edge_names(lines: list[Line]) -> None:
    """Short lines at a page's top or foot next to a running head become furniture too.

    OCR breaks a running head ("民生周刊 2024年7月29日 星期一 第5版 民生") into several lines:
    the paper name alone on a line is furniture because it stands beside the dated line; at the
    top the paper and section names above the dated line, each alone on a line; at the foot one
    above a running foot. Near misses: a title left at a page's foot over the page number alone
    (``科普宣传上街`` / ``— 1 —`` in a bulletin) heads the text on the next page; a title wrapped over three
    lines above a running foot (``习近平致电祝贺`` / ``穆伊兹当选马尔`` / ``代夫总统``, after its story, as a
    typesetter's file stores it): a name stands alone there; a title alone over a running foot that names
    its paper itself (``孤儿核查工作圆满完成`` / ``东城社区报 2025年5月20日 星期二 第5版 综合新闻``); a paper's name
    repeated over the page numbers of several pages is found as a running head
    (``roles.repeated_heads``).
    """
    for idxs in _pages(lines).values():
        for edge, top in ((idxs[:TOP_LINES], True), (idxs[-FOOT_LINES:][::-1], False)):  # the foot read upwards
            seen_furniture = named = False
            for pos, i in enumerate(edge):
                ln = lines[i]
                if ln.kind == "furniture":
                    seen_furniture = seen_furniture or top or ln.why != "page_number"
                    named = named or _names_its_paper(ln.text)
                    continue
                if not _name_like(ln):
                    break
                before_furniture = False
                for j in edge[pos + 1 :]:
                    if lines[j].kind == "furniture":
                        before_furniture = True
                    if not _name_like(lines[j]):
                        break
                if not ((top and before_furniture) or (not top and seen_furniture)):
                    break
                if not top and (named or (pos + 1 < len(edge) and _name_like(lines[edge[pos + 1]]))):
                    break  # (a name stands alone over a running foot that names no paper: else a title's lines)
                ln.kind, ln.why = "furniture", "page_edge_name"
                if not top:
                    break


def _names_its_paper(text: str) -> bool:
    """A running head or foot that opens with its paper's name, before its date, weekday or edition: its pieces in
    one line, as a typesetter's file gives it, not OCR's crumbs (a section's name after them is no paper's).

        >>> _names_its_paper("东城社区报 2025年5月20日 星期二 第5版 综合新闻")
        True
        >>> _names_its_paper("2024年7月29日 星期一 第5版"), _names_its_paper("2024年7月29日 星期一 第5版 民生")
        (False, False)
    """
    starts = [m.start() for rx in (DATE_RE, WEEKDAY_RE, EDITION_RE) if (m := rx.search(text))]
    return len(HAN_RE.findall(text[:min(starts, default=len(text))])) >= 2


_COMPILER_RE = re.compile(rf"^[{HAN}]{{2,12}}编$")
_ISSUE_RE = re.compile(r"^(?:总)?第[0-9一二三四五六七八九十]{1,4}期$")


def compiler_lines(lines: list[Line]) -> None:
    """A bulletin's masthead lines that OCR's crumbs of its name kept ``page_edge_names`` from reaching, at a page's
    edge: its compiler alone on a line right above or under its dated line (``街道社工站编`` / ``2024年5月8日``),
    and its issue's number alone (``第8期``). Furniture. Near misses: a line ending on 编 beside no dated line
    (``社区新编``, a title's line), and an issue's number inside the page."""
    edges = _page_edges(lines)
    for i in sorted(edges):
        ln = lines[i]
        if ln.kind != "text":
            continue
        text = ln.text.replace(" ", "")
        if _ISSUE_RE.match(text):
            ln.kind, ln.why = "furniture", "issue_line"
        elif _COMPILER_RE.match(text) and any(
                n is not None and n.kind == "furniture" and ln.page == n.page and DATE_RE.search(n.text)
                for n in _neighbours(lines, i)):
            ln.kind, ln.why = "furniture", "compiler_line"


def open_credits(lines: list[Line]) -> None:
    """A short credit whose closing bracket OCR lost or misread ("（据央视《新闻联播户"), on a
    line of its own after a sentence end, with no bracket closed on the next two lines and a gap or a headline
    after it, is a credit; so is one whose closing marks were read as a glyph (``text.misread_closer``), whatever
    follows: the next story's title (OCR's ``总台2024年“3。15”``) or its first line closing a bracket of its own."""
    prev: Line | None = None
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        if (ln.kind == "text" and _OPEN_CREDIT_RE.match(ln.text)
                and prev is not None and (prev.kind == "credit" or ends_sentence(prev.text))):
            after = [x.text for x in itertools.islice((x for x in lines[i + 1 :] if x.kind != "blank"), LOOK_AHEAD)]
            gap = i + 1 >= len(lines) or lines[i + 1].kind == "blank" or lines[i + 1].page != ln.page
            # a bracket closed below is a credit split in lines, or an aside in prose; prose
            # goes on below, a credit is followed by a gap or the next headline
            nxt = next((x.text for x in lines[i + 1 :] if x.kind not in ("blank", "furniture")), "")
            whole = (bool(after) and not closes_title(nxt) and (m := _OPEN_TITLE_RE.search(ln.text)) is not None
                     and misread_closer(m.group(1), frozenset()))  # (its marks read as a glyph: nothing goes on below)
            # closed by the line right under it (``（据央视《新闻联`` / ``播》）``): a credit, which takes that line in
            wrapped = not gap and i + 1 < len(lines) and credit_line(ln.text + lines[i + 1].text) is not None
            if whole or wrapped or (not any(CLOSING_BRACKET_RE.search(t) for t in after) and (
                    gap or not after or is_heading_candidate(after[0]))):
                ln.kind, ln.why = "credit", "open_credit"
        prev = ln


_OPEN_TITLE_RE = re.compile(r"《([^《》]{2,12})$")  # a book title left open at a line's end


def bracketed_asides(lines: list[Line]) -> None:
    """A whole line in brackets inside a sentence is prose, not a source: "…并延续至下个周末" /
    "（12月6日-7日）" / "。届时…". (A line that names a source, "（据…）", stays a credit.)"""
    for i, ln in enumerate(lines):
        if ln.kind != "credit" or not 0 < i < len(lines) - 1 or CREDIT_TAIL_RE.match(ln.text):
            continue
        prev, nxt = lines[i - 1], lines[i + 1]
        if (prev.kind == "text" and prev.page == ln.page and not ends_sentence(prev.text)
                and nxt.kind in ("text", "noise") and PUSHED_RE.match(nxt.text)):
            ln.kind, ln.why = "text", "bracketed_aside"


def _neighbours(lines: list[Line], i: int) -> tuple[Line | None, Line | None]:
    """The nearest lines above and below line i that are not blank, on its page."""
    above, below = _near(lines, i, -1, ("blank",)), _near(lines, i, 1, ("blank",))
    page = lines[i].page
    return (lines[above] if above is not None and lines[above].page == page else None), (
        lines[below] if below is not None and lines[below].page == page else None)


def _near(lines: list[Line], i: int, step: int, past: tuple[str, ...]) -> int | None:
    """The index of the nearest line before line i (``step`` -1) or after it (1) whose kind is none of ``past``."""
    k = i + step
    while 0 <= k < len(lines) and lines[k].kind in past:
        k += step
    return k if 0 <= k < len(lines) else None


def dated_heads(lines: list[Line]) -> None:
    """A page's head dated in figures with its weekday, at the page's top or foot (``综合新闻 2011.5.24 星期二``, as
    tesseract reads the county page's head), nothing after the weekday but the page's number: furniture. Near
    misses: the same line inside the page, where it may be a sentence's (a typesetter's file cuts a sentence around
    its date), or under a line that does not end its sentence, also across a page break; a line that goes on after
    the weekday (``2011.5.24星期二上午``); a date in figures alone."""
    for i in sorted(_page_edges(lines)):
        ln = lines[i]
        weekday = WEEKDAY_RE.search(ln.text)
        if not (ln.kind == "text" and weekday and NUMERIC_DATE_RE.search(ln.text) and not PROSE_MARK_RE.search(ln.text)
                and len("".join(ln.text.split())) <= RUNNING_HEAD_CHARS):
            continue
        rest = ln.text[weekday.end():].strip()  # (nothing after the weekday but the page's number: 第2版)
        k = _near(lines, i, -1, ("blank",))  # (across a page break too)
        above = None if k is None else lines[k]
        if (not rest or EDITION_RE.fullmatch(rest)) and (
                above is None or above.kind != "text" or ends_sentence(above.text)):
            ln.kind, ln.why = "furniture", "dated_head"


def crumbed_editors(lines: list[Line]) -> None:
    """An editors' line after OCR's crumbs of the logo beside it, a wide space between, with no prose marks, at a
    page's top or foot and next to the page's head (``综合新闻 2011.5.24 星期二`` /
    ``5外 喇            责任编辑:包美芬 / 版式设计:…``): furniture. Near misses: the same away from the page's head
    (``第二   审核：通过后上报县民政局备案``, a procedure's step); with prose marks after the label."""
    for i in sorted(_page_edges(lines)):
        ln = lines[i]
        crumbs = CRUMBS_RE.match(ln.text) if ln.kind == "text" else None
        if not crumbs or not EDITOR_RE.match(ln.text[crumbs.end():]) or PROSE_MARK_RE.search(ln.text):
            continue
        if any(n is not None and n.page == ln.page and n.kind == "furniture" for n in _neighbours(lines, i)):
            ln.kind, ln.why = "furniture", "crumbed_editor"


def _page_edges(lines: list[Line]) -> set[int]:
    """The first and last few lines of each page (where a page number or running head stands)."""
    return {i for idx in _pages(lines).values() for i in idx[:TOP_LINES] + idx[-FOOT_LINES:]}


def _pages(lines: list[Line]) -> dict[int, list[int]]:
    """Each page's lines that are not blank (indices), in order."""
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind != "blank":
            by_page.setdefault(ln.page, []).append(i)
    return by_page


def inside_sentences(lines: list[Line]) -> None:
    """Nothing inside a sentence is furniture or noise: a number or a mark on a line of its own
    within running text (an OCR text layer's ``烧到`` / ``３`` / ``９`` / ``．`` / ``５`` / ``℃ 。``,
    a typesetter's separately printed digits ``等 1`` / ``0`` / ``支``) goes on with the sentence;
    at a page's top or foot it stays a page number."""
    edges = _page_edges(lines)
    for i, ln in enumerate(lines):
        if ln.why not in ("page_number", "no_letters") or ln.kind == "text" or i in edges:
            continue
        above, below = _neighbours(lines, i)
        if (above is not None and below is not None and above.kind == "text" and below.kind in ("text", "noise")
                and not ends_sentence(above.text)):
            ln.kind, ln.why = "text", "inside_sentence"


def decoration_runs(lines: list[Line]) -> None:
    """A rule drawn with characters that an OCR text layer cut into a line a glyph
    (``－ ——`` / ``卜 －`` / ``—`` / ``＋`` / ``一－—`` …), or its debris between two stories
    (``·`` / ``…`` / ``、`` / ``～ ｝ ｌ`` …), is one decoration: noise that ends the story above.
    The run starts after a sentence's end, so nothing of a sentence goes with it, and leaves out
    a last line that opens a bracket for the line below (``【`` / ``生活智慧】``)."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind in ("text", "noise") and lines[j].page == lines[i].page \
                and not han_pair(lines[j].text):
            j += 1
        if j > i and lines[j - 1].text[-1:] in OPENING_MARKS:
            j -= 1
        run = lines[i:j]
        if len(run) > 1 and drawn("".join(ln.text for ln in run).replace(" ", "")):
            above, _ = _neighbours(lines, i)
            if above is None or above.kind != "text" or ends_sentence(above.text):
                for ln in run:
                    ln.kind, ln.why = "noise", "decoration_run"
        i = max(j, i + 1)


OPENING_MARKS = frozenset(OPENERS + "(")


def masthead_debris(lines: list[Line]) -> None:
    """OCR of a logo or a masthead in display type at a page's top: short lines, a glyph or a
    few each, with bars, signs and lone letters among them (``ｌ 瓷`` / ``堍 甏蔑`` / ``罄 ｜`` /
    ``ｌ`` / ``《`` / ``馥 §`` / ``｜`` / ``真 篱典 藏``), before the page's first line of text.
    The run is noise, not a kicker and title over the first story: at least two of its lines,
    and a third of them, are debris (a kicker and title set short, ``【生活智慧】`` / ``内心强大``,
    have none)."""
    for idxs in _pages(lines).values():
        run = list(itertools.takewhile(lambda k: _head_glyphs(lines[k]), idxs))
        hits = sum(1 for k in run if debris(lines[k].text))
        if hits >= MASTHEAD_DEBRIS and hits * 3 >= len(run):
            for k in run:
                lines[k].kind, lines[k].why = "noise", "masthead_debris"


HEAD_WHYS = ("editor_line", "running_head")  # the page-head lines a head block is found around
_HEAD_LABEL_RE = re.compile(rf"^[{HAN}]{{2,{LABEL_CHARS}}}[：:]$")  # a role's label alone: ``文字校对：``
_HEAD_NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}(?:[ \u3000]+[{HAN}]{{2,4}})*[ \u3000]*[/／]?$")  # names: ``包美芬 /``


def _head_part(ln: Line) -> bool:
    """A line that may stand in a page's head: short, and no mark of prose in it."""
    return (ln.kind in ("text", "noise", "furniture") and len(ln.text) <= RUNNING_HEAD_CHARS
            and not CLAUSE_RE.search(ln.text) and not holds_sentence(ln.text))


def _head_sign(lines: list[Line], k: int) -> bool:
    """Line k says "page head" by itself: furniture, a date or a weekday, a role's label alone (``文字校对：``) or
    the names after one (``陈玲玲 吴晓玲``), a name in a list of them (``包美芬 /``), or crumbs of a logo with no
    Chinese in them (``2 NE``). Near misses: prose that ends on a colon (``区民政局局长在会上说：``), and the line
    after it.

        >>> lines = [Line(1, 1, "文字校对："), Line(2, 1, "陈玲玲 吴晓玲"), Line(3, 1, "区民政局局长在会上说："),
        ...          Line(4, 1, "今年全区新增社工站十二")]
        >>> [_head_sign(lines, k) for k in range(4)]
        [True, True, False, False]
    """
    text = lines[k].text
    after_label = k > 0 and lines[k - 1].page == lines[k].page and bool(_HEAD_LABEL_RE.match(lines[k - 1].text))
    names = bool(_HEAD_NAME_RE.match(text))
    return (lines[k].kind == "furniture" or bool(WEEKDAY_RE.search(text) or DATE_RE.search(text))
            or bool(_HEAD_LABEL_RE.match(text)) or (names and text.rstrip().endswith(("/", "／")))
            or debris(text) or not HAN_RE.search(text) or (after_label and names))


def head_blocks(lines: list[Line]) -> None:
    """A page's head printed among the text, as a typesetter's file stores it (``…设立调查问卷点。`` /
    ``2011.5.24星期二`` / ``责任编辑：`` / ``包美芬 /`` / ``文字校对：`` / ``陈玲玲 吴晓玲`` / ``综合新闻`` /
    ``2 NE`` … / ``近日，…``): around an editors' line or a running head, the short lines without a
    mark of prose are the head too, from the first to the last that says so itself (``_head_sign``). It
    stands between two stories, under a line that ends a sentence, and ends the story above. Near misses:
    a title after the head, ``科普宣传上街`` under ``陈玲玲 吴晓玲``, says nothing of a head and stays text;
    a head at its page's top (``…第4版`` / ``机遇与合作：`` / ``“通武廊”社会工作``) is the page's own, and
    the kicker and title under it are not taken with it."""
    scanned = -1  # the last line of the runs scanned so far: a head line inside one adds nothing
    for h, ln in enumerate(lines):
        if ln.kind != "furniture" or ln.why not in HEAD_WHYS or h <= scanned:
            continue
        top, bottom = h, h
        while top > 0 and lines[top - 1].page == ln.page and _head_part(lines[top - 1]):
            top -= 1
        while bottom + 1 < len(lines) and lines[bottom + 1].page == ln.page and _head_part(lines[bottom + 1]):
            bottom += 1
        scanned = bottom
        above = lines[top - 1] if top > 0 and lines[top - 1].page == ln.page else None
        if above is None or above.kind != "text" or not ends_sentence(above.text):
            continue  # (a page's own head, at its top; or lines that may be a sentence's: "…共有" / "2011" / "年…")
        signs = [k for k in range(top, bottom + 1) if _head_sign(lines, k)]
        if len(signs) < HEAD_SIGNS:
            continue
        for k in range(signs[0], signs[-1] + 1):
            if lines[k].kind != "furniture":
                lines[k].kind, lines[k].why = "furniture", "head_block"


MARGIN_EM = 2.0  # a running head in the margin stands this far (em of body type) outside the text block
MARGIN_SHARE = 0.05  # the text block's edges: this share of the body lines stand further out
RUNNING_HEAD_MAX = 30  # characters a running head holds at most
SAME_BODY = 0.15  # a line within this share of the body height is set in body type


def margin_heads(lines: list[Line], boxes: list[Any]) -> None:
    """
    An OCR page's top lines that stand out into its margin, clear of the text block that every
    column of body type fills: a magazine's section banner and issue over the page (``2真情典藏``,
    its left edge four em left of the columns' edge), not the title of the story under it (a
    title stands inside the block). ``boxes``: the loader's layout entries, by raw line. Lines
    are taken from the page's top down to the first inside the block; near misses: a line that
    holds a clause or ends a sentence (text, wherever the block's edge was measured), and the
    lines of a page with too few body lines to measure the block.
    """
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        box = boxes[ln.n - 1] if ln.kind == "text" and ln.n - 1 < len(boxes) else None
        if box:
            by_page.setdefault(int(box[0]), []).append(i)
    for idx in by_page.values():
        geo = {i: boxes[lines[i].n - 1] for i in idx}
        heights = sorted(g[5] for g in geo.values())
        body = heights[len(heights) // 2]
        inside = [g for g in geo.values() if abs(g[5] - body) <= SAME_BODY * body]
        if len(inside) < 1 / MARGIN_SHARE:
            continue
        out = int(len(inside) * MARGIN_SHARE)
        left, right = sorted(g[1] for g in inside)[out], sorted(g[3] for g in inside)[-1 - out]
        for i in sorted(idx, key=lambda k: geo[k][2]):
            g, text = geo[i], lines[i].text
            if not (g[1] < left - MARGIN_EM * body or g[3] > right + MARGIN_EM * body) or (
                    len(text) > RUNNING_HEAD_MAX or CLAUSE_RE.search(text) or ends_sentence(text)):
                break
            lines[i].kind, lines[i].why = "furniture", "margin_head"


def display_type(lines: list[Line], boxes: list[Any]) -> None:
    """
    An OCR page's lines set in display type (``geometry.in_display_type``, over the page's median size and line
    height): what a headline is set in, whatever its text looks like. ``物流业景气水平加快`` / ``回升”运行趋稳向好``,
    57 px over a 30 px body, where OCR read the white between 回升 and 运行 as a quote that closes nothing. Near
    misses: a line of body type, and one whose box alone is stretched by a blot or whose x-height alone is off.
    """
    by_page: dict[int, list[tuple[Line, Any]]] = {}
    for ln in lines:
        box = boxes[ln.n - 1] if ln.kind == "text" and ln.n - 1 < len(boxes) else None
        if box:
            by_page.setdefault(int(box[0]), []).append((ln, box))
    for found in by_page.values():
        size, height = display_reference([(g[5], g[4] - g[2]) for _, g in found])
        for ln, g in found:
            ln.display = in_display_type(g[5], g[4] - g[2], size, height)


def _head_glyphs(ln: Line) -> bool:
    """A line of a glyph or a few, no clause: what a masthead's debris is read as."""
    return ln.kind in ("text", "noise") and len(ln.text.replace(" ", "")) <= HEAD_GLYPHS and not CLAUSE_RE.search(
        ln.text) and not ends_sentence(ln.text)


def datelines(lines: list[Line]) -> None:
    """A reporter's bracket right after "本报讯" on the line above opens the article's first
    paragraph (``本报讯`` / ``（记者 陈晓辉 通讯员 吴敏杰）``): no credit closing an article."""
    for i, ln in enumerate(lines):
        if ln.kind != "credit":
            continue
        above, _ = _neighbours(lines, i)
        if above is not None and above.kind == "text" and DATELINE_RE.match(above.text) and above.text.endswith(
                ("讯", "电")):
            ln.kind, ln.why = "text", "dateline"


def signatures(lines: list[Line]) -> None:
    """An office or a writer signing a story: a name alone right under the story's last
    sentence, with a blank line or the document's end after it
    (``…度过了一个温馨的下午。`` / ``XX区民政局``), is the story's credit. Near miss: a headline,
    which has a blank line above it or its body right under it; a sentence OCR broke with a
    blank line, whose word runs on below (``天津市民政局和北京市通`` / ``州区、武清区…``)."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or i == 0:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if after is not None and (after.kind != "blank" or after.page != ln.page):
            continue  # (cheap tests first: most lines have text right under them)
        above = lines[i - 1]
        if not (above.kind == "text" and above.page == ln.page and ends_sentence(above.text)):
            continue
        if len(ln.text.replace(" ", "")) <= LABEL_CHARS or not name_like(ln.text):
            continue  # (a word this short is a section's label: ``简讯``)
        _, below = _neighbours(lines, i)
        if below is None or not word_runs_on(ln.text, below.text):  # OCR's blank inside a sentence
            ln.kind, ln.why = "credit", "signature"


NAME_SHARE = 0.7  # an office's name alone on its line is at most this share of the document's usual line


def offices(lines: list[Line]) -> None:
    """An office's name alone on its line, which only its place and words tell from a headline's line. Right after a
    story's last sentence, over the next headline or over nothing (``…的新人满意而归。`` / ``县残疾人联合会`` /
    ``我国西部多地…``, also ``相约“5.20”表白、``: ``_title_with_a_list``), it is that story's credit, which the page set
    flush right. Right under a headline (one ending on a quote too), over running text, it is the next story's byline.
    Blank lines and page numbers between are passed over. A name is a noun phrase ending on an office's word
    (``words.names_an_office``), more than a label's length and well short of the document's usual line
    (``NAME_SHARE``), and no clause goes on through it: the line under it opens no predicate (a verb, a preposition, an
    adverb: ``words.opens_predicate``) where that line is a title's last, right over its body (``城南社区卫生服务中心``
    / ``开展免费义诊进社区``), or running text going on (``日前，社区居委会联合城南街道`` / ``县残疾人联合会`` /
    ``开展助残日活动，…``), unless the document prints the name alone on another line too, a credit or byline
    (``县民政局办公室`` / ``共建单位为复评齐献力`` in a bulletin where it signs another story). Near misses: a
    kicker over a title (``文明创建进行时``, ``喜迎建党节``, an event's name: ``杭州亚运会``), a one-line title
    under a story (``市残联召开座谈会``, with its verb), a title's first line under a credit wrapped over two lines
    (``（来源：央`` / ``视网）`` / ``中国社会工作联合会`` / ``儿童社会…``), a title over its subtitle
    (``县残疾人联合会`` / ``——成立三十周年``), a narrow column's line of running text (``黑龙江北大荒集团`` /
    ``五九七农场，大型收获机``); a title whose first line is the office the masthead names, printed alone nowhere
    else (``县民政局办公室`` / ``召开全体干部专题会议`` under ``县民政局办公室编``)."""
    short = -1.0  # (the document's usual line, measured once a line ends on an office's word)
    alone: Counter[str] | None = None  # (the lines' texts, counted once a name might be a title's subject)
    for i, ln in enumerate(lines):
        if ln.kind != "text" or ln.text[-1:] not in OFFICE_END_CHARS:
            continue
        if short < 0:
            short = _usual_width(lines) * NAME_SHARE
        if not LABEL_CHARS < len(name := ln.text.replace(" ", "")) <= min(NAME_CHARS, short):
            continue
        if not (name_like(name) and names_an_office(name)):
            continue
        above, at = _past_furniture(lines, i, -1), _past_furniture(lines, i, 1)
        if above is None or lines[above].kind != "text":
            continue
        text, below = lines[above].text, None if at is None else lines[at]
        if at is not None and (opens_subtitle(lines[at].text) or (lines[at].kind == "text"
                               and opens_predicate(lines[at].text) and _goes_on_through(lines, at, text)
                               and (alone := _alone_once(lines, alone))[name] < 2)):
            continue
        if text.endswith(("）", ")")) and closes_more(text) and _credit_wrapped(lines, above):
            continue  # (a credit's last line above, ``（来源：央`` / ``视网）``: the story has its credit)
        if ends_sentence(text) and (below is None or below.kind != "text" or is_heading_candidate(below.text)
                                    or _title_with_a_list(lines, at, text)):
            ln.kind, ln.why = "credit", "office_after_story"
        elif below is not None and below.kind == "text" and (is_heading_candidate(text) or (
                headline_shaped(text) and DATELINE_RE.match(below.text))):
            ln.kind, ln.why = "byline", "office_under_title"  # (over a dateline: under a title with its 、)


def _alone_once(lines: list[Line], alone: Counter[str] | None) -> Counter[str]:
    return Counter(ln.text.replace(" ", "") for ln in lines) if alone is None else alone


def _credit_wrapped(lines: list[Line], last: int) -> bool:
    """Line ``last`` closes a credit whose bracket opened on the text line before it (``局，…增长。（来源：央`` /
    ``视网）``), or on a line already read as a credit left open (``（据天津市武清区融媒体`` / ``中心）``). Near miss: a
    title wrapped inside its brackets (``全省社会救助工作会议召开（附`` / ``会议精神）``)."""
    before = _past_furniture(lines, last, -1)
    if before is None or lines[before].kind not in ("text", "credit"):  # (an open credit's first line, known)
        return False
    opened = max(lines[before].text.rfind("（"), lines[before].text.rfind("("))
    return opened >= 0 and credit_line(lines[before].text[opened:] + lines[last].text) is not None


def _title_with_a_list(lines: list[Line], at: int, above: str) -> bool:
    """Line ``at``, under an office's name that follows a story's full stop (``above``), is the first line of a
    title whose 、 lists two of its words, going on in a title's line (``相约“5.20”表白、`` / ``登记迎来小高潮``).
    Near misses: a body's first line with a 、, going on in prose (``巾帼志愿者、党员志愿者组成`` / ``的服务队，…``);
    a name under a title that ends on ``！`` (the title's byline)."""
    nxt = _past_furniture(lines, at, 1)
    return (above.rstrip("”’）)")[-1:] == "。" and headline_shaped(lines[at].text) and nxt is not None
            and lines[nxt].kind == "text" and is_heading_candidate(lines[nxt].text))


def _goes_on_through(lines: list[Line], below: int, above: str) -> bool:
    """The office's name is the subject of the predicate opening line ``below``: a title on two lines right over
    its body (``城南社区卫生服务中心`` / ``开展免费义诊进社区``), or running text going on through the name
    (``日前，社区居委会联合城南街道`` / ``县残疾人联合会`` / ``开展助残日活动，…``), or a title's first line under its
    kicker, a title's line with no clause or bracket going on under it, and under that the title's next line or
    its story's dateline (``文明创建进行时`` / ``二十大新闻中心`` / ``举行第四场集体`` / ``采访``); ``above`` is the
    text over it. Near misses: a byline under a subtitle
    (``——一线观察之二`` / ``县残疾人联合会`` / ``举行第四场集体`` / ``采访``), or under a title over a narrow column's
    first line with no clause mark, prose going on under it
    (``社区开展消防演练`` / ``城南街道办事处`` / ``为进一步提高居民消防`` / ``安全意识，…``)."""
    if ends_sentence(above):
        after = _past_furniture(lines, below, 1)
        return after is None or not is_heading_candidate(lines[after].text)
    if CLAUSE_RE.search(above):
        return True
    title = lines[below].text
    if not (is_heading_candidate(above) and not opens_subtitle(above) and _title_line(title)):
        return False
    after = _past_furniture(lines, below, 1)  # (the title goes on, or its story starts: no prose runs on there)
    return after is None or _title_line(lines[after].text) or DATELINE_RE.match(lines[after].text) is not None


def _title_line(text: str) -> bool:
    """A line a title could go on with: no sentence's end, no clause mark, no bracket or quote left open."""
    return clause_free_heading(text) and not unclosed(text)


def _past_furniture(lines: list[Line], i: int, step: int) -> int | None:
    """The nearest line before or after line i that is neither blank nor page furniture, across pages: a page's
    foot and number may part a title from its byline (``邮政储蓄银行老区小学献爱心`` / ``— 2 —`` /
    ``县残疾人联合会``)."""
    return _near(lines, i, step, ("blank", "furniture", "noise"))


def section_tags(lines: list[Line]) -> None:
    """A column's tag alone on its line, or OCR's ``【`` / ``生 活 智 慧 】``, with running text
    under it (the page set it apart from its headline, among the story before's lines): it is
    the next headline's kicker (``roles.tags_to_kickers``), no part of the text around it. It
    stands after a sentence's end or page furniture. Near misses: a tag under a headline
    (``深大鹏办事处召开社工联席会议共`` / ``话社工服务`` / ``【香港商报网讯】``, a dateline too) or over
    one stays in the heading, as the headline rules read it."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or not ln.text.endswith("】"):
            continue
        run = [i]
        above, below = _neighbours(lines, i)
        if not ln.text.lstrip().startswith("【") and above is not None and above.text.strip() == "【":
            run.insert(0, max(k for k in range(i) if lines[k] is above))
        text = "".join(lines[k].text for k in run).replace(" ", "")
        first_above, _ = _neighbours(lines, run[0])
        apart = first_above is None or first_above.kind != "text" or ends_sentence(first_above.text)
        if (apart and TAG_RE.match(text) and not DATELINE_RE.match(text[1:]) and below is not None
                and below.kind == "text" and not is_heading_candidate(below.text)):
            for k in run:
                lines[k].kind, lines[k].why = "label", "section_tag"


def _usual_width(lines: list[Line]) -> int:
    """The median length of the document's text lines, in characters (spaces left out)."""
    widths = sorted(len(ln.text) - ln.text.count(" ") for ln in lines if ln.kind == "text")
    return widths[len(widths) // 2] if widths else 0


def named_again(lines: list[Line]) -> None:
    """An office named under a title: a name alone on its line (``市慈善总会``), more than a label's length and well
    short of the document's usual line (``NAME_SHARE``), right
    under a headline-like line with running text under it, that the document names again as a line of its own,
    a credit (``（东城区民政局供稿）``), a masthead's ``街道社工站编`` or an issuing line's ``… 印发``. A bulletin names
    its offices over and over; a title's words are printed once. It is the story's byline, no part of its
    headline. Near misses: a title's second line, named nowhere else (``深大鹏办事处召开社工联席会议`` /
    ``共话社工服务``); a name repeated where no title stands over it; a subtitle repeated under a series' titles
    (``——记者走访见闻``, OCR's ``-一记者走访见闻`` and ``一一线观察之二``); a line of a story printed twice, repeated
    under the same line, and a line of running text that wraps alike under a line that is no headline
    (``重庆和四川代表团`` / ``的两位新闻发言人介绍`` and ``地，陕西和云南代表团`` / ``的两位新闻发言人介绍``)."""
    texts = [ln.text.replace(" ", "") for ln in lines]
    short = NAME_SHARE * _usual_width(lines)  # (shorter than a column's lines by far)
    candidates = []  # (index, the headline-like line over it)
    for i, ln in enumerate(lines):
        name = texts[i]
        if (ln.kind != "text" or not LABEL_CHARS < len(name) <= min(NAME_CHARS, short) or not name[0].isalpha()
                or not name_like(name) or opens_subtitle(name)):  # (a series' subtitle repeated under its
            # titles, ``-一记者走访见闻``, ``一一线观察之二``)
            continue
        above, below = _neighbours(lines, i)
        if (above is not None and below is not None and above.kind == "text" and below.kind == "text"
                and is_heading_candidate(above.text)):
            candidates.append((i, above.text.replace(" ", "")))
    if not candidates:  # (most documents: no index needed)
        return
    named = _named(texts)
    wanted = {texts[i] for i, _ in candidates}
    titles: dict[str, set[str]] = {}  # a candidate's text -> the headline-like lines it stands under
    above_text = ""
    for ln, text in zip(lines, texts):
        if ln.kind == "blank":
            continue
        if text in wanted and above_text and is_heading_candidate(above_text):
            titles.setdefault(text, set()).add(above_text)
        above_text = text
    for i, title in candidates:
        # (under another title: not a story printed twice, nor running text that happens to wrap alike)
        if texts[i] in named or titles.get(texts[i], set()) - {title}:
            lines[i].kind, lines[i].why = "byline", "named_again"


# where a document names an office: a credit (``（东城区民政局供稿）``), a masthead (``街道社工站编``), an issuing
# line (``街道社工站2024年5月3日印发``)
_NAMED_ENDS = ("）", ")", "编", "印发")
_NAMED_RE = re.compile(r"[（(]([^（）()]+?)(?:供稿)?[）)]$|^(?!.*[（(])(.+?)编$|^(.+?)\d.*印发$")


def _named(texts: list[str]) -> set[str]:
    """The offices a document names in a credit, a masthead or an issuing line (``_NAMED_RE``), its lines' ``texts``
    without spaces."""
    return {next(g for g in m.groups() if g) for text in texts
            if text.endswith(_NAMED_ENDS) and (m := _NAMED_RE.search(text))}


_PHOTO_CREDIT_RE = re.compile(rf"^[{HAN}·]{{2,4}}\s*[/／]\s*(摄)?$")


def photo_credits(lines: list[Line]) -> None:
    """A photographer's credit, ``陈维连/摄``, also as extraction split it (``陈维连/`` / ``摄``): the credit of a
    photo, no article's text (the box path reads it on the photo itself). Near misses: a name and a slash that no
    ``摄`` follows, and a byline ``文/姜钦峰``, which opens with its word."""
    for i, ln in enumerate(lines):
        if ln.kind != "text" or not ln.text.rstrip().endswith(("/", "／", "摄")):
            continue
        m = _PHOTO_CREDIT_RE.match(ln.text.strip())
        if m is None:
            continue
        if m.group(1):
            ln.kind, ln.why = "noise", "photo_credit"
            continue
        _, below = _neighbours(lines, i)
        if below is not None and below.kind == "text" and below.text.strip() == "摄":
            ln.kind = below.kind = "noise"
            ln.why = below.why = "photo_credit"


_SLASHLESS_BYLINE_RE = re.compile(rf"^文[{HAN}]{{1,3}}$")
_SLASHED_NAME_RE = re.compile(r"^[◎○●@©\s]*文\s*[/／]\s*")  # a byline's 文/ before the writer's name


def slashless_bylines(lines: list[Line]) -> None:
    """A byline whose slash OCR lost, ``文陈思远`` for ``文/陈思远``: under a headline's line that no word runs on
    from, and over the body's first line or the gap before it, where the document prints its bylines so (a
    ``文/…`` byline elsewhere) or a dateline opens the body under it (``本报讯（记者…）``). Near misses: the same
    line where neither says so; a title's last words wrapped onto a line of their own, which 文 begins as a word
    of the dictionary does (``传承中华`` / ``文化``; ``争创全国`` / ``文明城市`` / ``本报讯…``), unless a byline of
    the document names the writer so (``文王`` for ``文/王璐``, another story's ``文/王璐`` on the page)."""
    names = [_SLASHED_NAME_RE.sub("", ln.text) for ln in lines
             if ln.kind == "byline" and _SLASHED_NAME_RE.match(ln.text)]
    for i, ln in enumerate(lines):
        if ln.kind != "text" or not ln.text.lstrip().startswith("文"):
            continue
        text = ln.text.strip().replace(" ", "")
        if not _SLASHLESS_BYLINE_RE.match(text) or (
                one_word(text[:2]) and not any(name.startswith(text[1:2]) for name in names)):
            continue
        above, below = _neighbours(lines, i)
        if (above is not None and above.kind in ("text", "heading") and not ends_sentence(above.text)
                and headline_shaped(above.text) and not word_runs_on(above.text, ln.text)
                and below is not None and below.kind == "text" and (names or DATELINE_RE.match(below.text))):
            ln.kind, ln.why = "byline", "slashless_byline"


# the labels of an official document's distribution block (版记, GB/T 9704): who it is sent to
_DISTRIBUTION_RE = re.compile(r"^\s*(?:主送|抄送|抄报|报送|发送|分送|报|送|发)\s*[：:]")
DISTRIBUTION_LINES = 8  # a distribution block has at most this many lines


def distribution_block(lines: list[Line]) -> None:
    """The distribution block after a bulletin's last story (``报：市民政局`` / ``送：县委办、县政府办，`` /
    ``各乡镇民政办`` / ``县民政局办公室　2024年5月3日印发``): the document's last text lines, from one opening with
    ``报：``, ``送：``, ``抄送：`` or the like, with no sentence among them, are furniture (the PDF path reads it
    from the rules around it). Near misses: such a line followed by a sentence, and a story's last lines."""
    block: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.kind in ("blank", "furniture"):
            continue
        if ln.kind != "text" or holds_sentence(ln.text) or len(block) == DISTRIBUTION_LINES:
            break
        block.append(i)
    labelled = [i for i in block if _DISTRIBUTION_RE.match(lines[i].text)]
    for i in block:
        if labelled and i >= min(labelled):
            lines[i].kind, lines[i].why = "furniture", "distribution_block"


BOX_PASSES = (margin_heads, display_type)
"""Passes that read an OCR page's boxes too (``layout["lines"]``, by raw line), run before ``KIND_PASSES``."""
KIND_PASSES = (dated_heads, crumbed_editors, masthead_debris, head_blocks, folio_heads, compiler_lines,
               page_edge_names, open_credits, bracketed_asides, inside_sentences, decoration_runs, datelines,
               signatures, section_tags, distribution_block, named_again, offices, photo_credits, slashless_bylines)


def resumes_next(lines: list[Line], i: int) -> bool:
    """After the jump line at i, the text resumes with its "（上接…）" before any other text."""
    for ln in lines[i + 1 :]:
        if ln.kind == "jump" and JUMP_BACK_RE.search(ln.text):
            return True
        if ln.kind in ("text", "credit"):
            return False
    return False


def repeated_titles(lines: list[Line]) -> list[int]:
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
            if x.kind == "text" and len(run) < REPEATED_TITLE_LINES:
                run.append(i)
            elif x.kind != "blank":
                top = False
                break
        if top and run and all(is_heading_candidate(CONTINUED_RE.sub("", lines[i].text) or "续") for i in run):
            out += run  # (with its "（续）", "continued", on a line of its own or at the end)
    return out
