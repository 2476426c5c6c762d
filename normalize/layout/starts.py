"""Where running text begins: does line k start a body, or is it still a headline's line?

``body_starts`` asks the rules of ``BODY_STARTS`` in order; each returns True (running text
starts here), False (not here: a headline line) or None (no verdict). The last rule always has
a verdict.
"""

from __future__ import annotations

import re

from ..chardata import CREDIT_TAIL_RE, DATELINE_RE, HAN
from ..words import word_runs_on
from .page import Page
from .rules import decide, family
from .text import (
    BRACKETED_DATE_RE,
    CLAUSE_RE,
    PUSHED_RE,
    UNSURE_WIDTH_RE,
    ends_sentence,
    headline_shaped,
    is_deck,
    is_heading_candidate,
    opens_subtitle,
)
from .widths import Tol, latin_error

HAN_SPACE_RE = re.compile(f"[{HAN}] [{HAN}]")
DATE_TAIL_CHARS, DATE_HEAD_CHARS = 8, 8  # where a bracketed date may cross a line break
LOOK_DOWN = 2  # lines below a first line that show it starts a paragraph


def _cut(page: Page, k: int) -> bool:
    return page.width.cut_after(k)


def _prose(page: Page, k: int) -> bool:
    """A line with a clause mark that is not short: a paragraph's line, not a headline's."""
    return bool(CLAUSE_RE.search(page.lines[k].text)) and not page.short(k)


def prose_line(page: Page, k: int) -> bool | None:
    """A line no headline could be: ``作，取得了一系列成果。``."""
    return True if not is_heading_candidate(page.lines[k].text) else None


def short_at_mark(page: Page, k: int) -> bool:
    """Line k ends on a ``、`` well short of the two lines after it, on a page whose lines are not cut at random
    (``fragmented``) and with no space in it (OCR's gaps: no width at all): a paragraph's line would have filled the
    column there, and its last line ends a sentence."""
    text = page.lines[k].text
    if text[-1:] != "、" or " " in text or page.fragmented:
        return False
    return _short_of_next(page, k, page.full(k) + latin_error(text))


def _short_of_next(page: Page, k: int, width: float) -> bool:
    refs = [page.width[j] for j in (page.next_index(k), page.next_index(k, 2)) if j is not None]
    return bool(refs) and width <= max(refs) - Tol.NARROW


def short_clause_line(page: Page, k: int) -> bool | None:
    """A line that ends on a ``、`` well short of the lines after it (``short_at_mark``), over a line that a headline
    could end with, as short of the text under it: a title wrapped after the 、 listing two of its words
    (``相约“5.20”表白、`` / ``登记迎来小高潮`` / ``据日本财务省今天（10月…``, a typesetter's headline after its
    story), no paragraph, whose line would have filled the column there. Near misses: a paragraph's first line
    that lost its indent, full lines under it (``围绕更好落实协议内容，`` / ``三地同步建构了…``); a page whose lines
    are cut at random (``fragmented``: pdftotext's text objects end at marks); OCR's pieces of lines, blank lines
    between them (``雨顺、`` / blank / ``盟！”``)."""
    n = page.next_index(k)
    if (n is None or page.gap_after(k) or page.gap_after(n) or not short_at_mark(page, k)
            or not is_heading_candidate(page.lines[n].text)):
        return None  # (OCR's pieces, blank lines between: their widths say nothing)
    return False if _short_of_next(page, n, page.full(n) + latin_error(page.lines[n].text)) else None


def dateline_start(page: Page, k: int) -> bool | None:
    """A news dateline opens the body: ``本报讯`` / ``（记者 陈晓辉…）``, ``新华社北京3月15日电``."""
    return True if DATELINE_RE.match(page.lines[k].text) else None


def over_byline(page: Page, k: int) -> bool | None:
    """A line right over a byline (an office or a writer, page furniture aside) that a headline could have is a
    headline's last line, with its 、 too: ``相约“5.20”表白、登记迎来小高潮`` / ``街道社工站`` / ``本报讯…``.
    Near misses: a paragraph's last line over the next story's byline, ending its sentence, or prose that OCR
    left without its full stop (``…培训为期三天，内容包括电工和焊工等`` / ``文/张三``)."""
    j = k + 1
    while j < len(page.lines) and page.lines[j].kind in ("blank", "furniture"):
        j += 1
    if j < len(page.lines) and page.lines[j].kind == "byline" and headline_shaped(page.lines[k].text):
        return False
    return None


def middle_dot_start(page: Page, k: int) -> bool | None:
    """No text starts with a middle dot: ``共建“一带一路”`` / ``·权威访谈`` is one headline."""
    return False if page.lines[k].text[0] == "·" else None


def date_across_break(page: Page, k: int) -> bool | None:
    """A lead's dated first sentence: ``据日本财务省今天（10月`` / ``20日）发布的…``."""
    text = page.lines[k].text
    nxt = page.nxt(k)
    if "月" not in text[-6:] or nxt is None or page.gap_after(k) != "":
        return None
    tail = text[-DATE_TAIL_CHARS:]
    m = BRACKETED_DATE_RE.search(tail + nxt.text[:DATE_HEAD_CHARS])
    return True if m and m.start() < len(tail) < m.end() else None


def cut_line_is_prose(page: Page, k: int) -> bool | None:
    """The printed line that pdftotext cut in two is prose: ``共建“一带一路”`` / ``，顺应时代潮流，…``."""
    if _cut(page, k) and not is_heading_candidate(page.lines[k].text + page.lines[k + 1].text):
        return True
    return None


def alone_between_blanks(page: Page, k: int) -> bool | None:
    """A headline-like line alone between blank lines (OCR sets a headline apart): not a start."""
    if (page.gap_after(k) in ("blank", "end") and page.gap_before(k) in ("blank", "page")
            and not CLAUSE_RE.search(page.lines[k].text) and not page.indent(k)):
        return False
    return None


def under_wide_headline(page: Page, k: int) -> bool | None:
    """The line above was set wider than the column under it, and line k is a column's line (as wide as the column,
    less an indent at most), no wider than the line after it, prose going on under it: the headline was set across
    more than one column, and its body starts here (held-out seed 59: ``夯实社会工作理论基础，促进“政校合作”`` /
    ``社会工作助力新疆民政事业高质量发展论坛举办`` over an 18 em column, then ``为进一步夯实社会工作理论基础，加强``).
    Near misses: a wide headline's next line, as wide as the column but over the body's indented first line; a line
    above no wider than the column and its digits allow; a title's last line over its deck (``同比提升 26.7%`` /
    ``——来自基层的报道``), or the deck under a wide title; a headline's narrow lines under a wider kicker
    (``础，促进“政校合作”`` / ``社会工作助力新`` / ``疆民政事业高质``: no prose under them)."""
    above, below = page.next_index(k, -1), page.next_index(k)
    if above is None or below is None or page.gap_before(k) != "" or page.gap_after(k) != "":
        return None
    under = page.next_index(below)
    if under is None or page.gap_after(below) != "" or not _prose(page, below) or any(
            opens_subtitle(page.lines[x].text, em_dash=True) for x in (k, below)):
        return None  # (running text goes on under line k for two lines, and neither is a deck: ``——来自基层的报道``)
    column = max(page.full(below), page.full(under))
    if (page.width[above] - latin_error(page.lines[above].text) > column + Tol.NARROW
            and column - Tol.SHORT <= page.full(k) + Tol.INDENT and page.full(k) <= page.full(below) + Tol.SAME
            and not ends_sentence(page.lines[above].text)):
        return True
    return None


DECK_REACH = 2  # a title's lines over its deck: the deck stands at most this many lines under line k


def over_deck(page: Page, k: int) -> bool | None:
    """A headline-like line over a deck (a line opening on a dash, ``——一线观察之二``), the deck right under it or
    under the title's next line, none with a clause mark but a title's one 、, is a title's line, not running text:
    a typesetter that stores each headline after its body leaves ``【社工天地】`` / ``用电高峰来了！`` /
    ``——一线观察之二`` at a page's end (modular seed 53), or ``…的新人满意而归。`` / ``相约“5.20”表白、`` /
    ``登记迎来小高潮`` / ``——记者走访见闻`` over the next story's text (seed 67); nor is the deck itself
    (``text.is_deck``) text's first line. Near misses: a paragraph's indented first line, or one with a comma,
    over a line of running text that opens on a dash or on OCR's ``一一`` for one (``活动现场，社工们对居民提出的``
    / ``一一作了解答，…``, ``活动当天，最受欢迎的是`` / ``——免费测血压，…``)."""
    if page.lines[k].indented:
        return None
    if is_deck(page.lines[k].text):  # (the deck itself: no text starts on it)
        return False
    run, j = [k], k
    for _ in range(DECK_REACH):
        below = page.next_index(j)
        if below is None or page.gap_after(j) != "":
            return None
        if page.lines[below].text.replace(" ", "").startswith("——"):
            titled = all(headline_shaped(page.lines[x].text) and not CLAUSE_RE.search(page.lines[x].text.replace(
                "、", "", 1)) for x in run)
            return False if titled and is_deck(page.lines[below].text) else None
        run.append(below)
        j = below
    return None


def no_start_shape(page: Page, k: int) -> bool | None:
    """Neither prose, nor indented, nor a full line after a blank: ``社会工作助力新疆民政事业`` over
    a wider column is a headline's line."""
    above = page.next_index(k, -1)
    if not (_prose(page, k) or page.indent(k, squeezed=True)
            or (not page.short(k) and (page.gap_before(k) == "blank"
                                       or (above is not None and page.short(above, after=True)
                                           and not ends_sentence(page.lines[above].text)
                                           and not opens_subtitle(page.lines[k].text, em_dash=True))))):
        return False
    return None


def _below(page: Page, k: int) -> int | None:
    """The text line after line k's printed line (past the rest of a cut line)."""
    return page.next_index(k, 2 if _cut(page, k) else 1)


def two_narrow_lines(page: Page, k: int) -> bool | None:
    """Two narrow lines in a row: a headline's last line, then its body's indented first line
    (``当选马尔代夫总统`` / ``　　10月3日，国家主席…``). Where spaces, ASCII marks, numbers or a word
    that came down make a width a guess, only when narrow beyond that guess; not where a word
    runs on from the one line into the next."""
    j = _below(page, k)
    text = page.lines[k].text
    if (not _prose(page, k) and j is not None and page.gap_after(k) == "" and page.indent(j)
            # (digits and Latin letters of the two lines together: their errors add up)
            and ((not page.slack[k] and not UNSURE_WIDTH_RE.search(page.lines[j].text + text))
                 or page.clearly_narrow(k, j))
            and not word_runs_on(page.lines[page.previous[j]].text, page.lines[j].text)):
        return False
    return None


def narrow_run_widens(page: Page, k: int) -> bool | None:
    """A first line is followed by a full line or by its paragraph's last: a line as narrow as
    it that goes on, below which the text widens, is a headline's next line (``社会工作助力新`` /
    ``疆民政事业高质`` / ``量发展论坛举办`` over a column 12 em wide)."""
    j = _below(page, k)
    text, w = page.lines[k].text, page.width[k]
    if (not _prose(page, k) and j is not None and page.gap_after(k) == "" and not ends_sentence(page.lines[j].text)
            and abs(page.width[j] - w) <= Tol.SAME and is_heading_candidate(page.lines[j].text)
            and not UNSURE_WIDTH_RE.search(page.lines[j].text + text)  # (their errors add up)
            and (n := page.next_index(j)) is not None and page.width[n] > w + Tol.WIDENS):
        return False
    return None


def text_follows(page: Page, k: int) -> bool:
    """The lines below go on as wide to a sentence's end: running text. A line below narrower
    than line k (with the word that came down from it) says line k was a headline's; where a space
    between two characters makes its width a guess, only narrower beyond that guess (``国务院总理
    李克强19日致电艾哈`` / ``迈德 纳瓦夫 艾哈迈德 萨巴赫，``: spaces for the middle dots a font lacked).
    Prose or an indented line cut off by a page end or a jump line (``（下转第2版）``) runs on elsewhere."""
    w = page.width[k]
    prev = k
    for step in range(1, LOOK_DOWN + 1):
        j = page.next_index(k, step)
        if j is None or page.gap_after(prev) in ("page", "other"):
            return step > 1 or _prose(page, k) or page.indent(k)
        nxt = page.lines[j]
        if ends_sentence(nxt.text) or CREDIT_TAIL_RE.search(nxt.text):
            return True
        if page.full(j) < w - (Tol.SHORT if HAN_SPACE_RE.search(nxt.text) else Tol.SAME):
            return False
        prev = j
    return True


NARROW_RUN = 3  # a headline's lines over its body: at most this many narrow lines before the text widens


def narrow_lines_widen(page: Page, k: int) -> bool | None:
    """A run of two or three headline-like lines (no clause mark, no sentence's end, no number or Latin letters
    to make a width a guess, none cut at a mark), each clearly narrower than the text under them even with a
    paragraph's indent, over a line that starts the text: a headline set in larger type, fewer characters a line
    (``聚焦民生实事`` / ``陕北到安徽特高压直`` / ``流输电工程开工`` over a 17 em column, after a story's last sentence;
    only where a story or a credit ended above, or after a gap). Near misses: the run ends on a sentence's end (a
    paragraph's last lines); a line as wide as the text with an indent (a paragraph's first line); a line cut at a
    mark that the next line opens with (``共建“一带一路”`` / ``，顺应…``)."""
    above = page.next_index(k, -1)
    if (_prose(page, k) or not is_heading_candidate(page.lines[k].text)
            or (above is not None and page.gap_before(k) == "" and page.lines[above].kind == "text"
                and not ends_sentence(page.lines[above].text))):
        return None  # (only where a story ended above: not inside a headline, ``共建“一带一路”·权`` / ``威访谈``)
    run = [k]
    j = k
    for _ in range(NARROW_RUN):
        nxt = page.next_index(j)
        if nxt is None or page.gap_after(j) != "":
            return None
        text = page.lines[nxt].text
        if (not is_heading_candidate(text) or ends_sentence(text) or CLAUSE_RE.search(text)
                or UNSURE_WIDTH_RE.search(text) or _cut(page, nxt)):
            break
        run.append(nxt)
        j = nxt
    if len(run) < 2:
        return None
    body = page.next_index(run[-1])
    if body is None or page.gap_after(run[-1]) != "" or PUSHED_RE.match(page.lines[body].text):
        return None
    after = page.next_index(body)
    column = max(page.full(body), page.full(after) if after is not None and page.gap_after(body) == "" else 0.0)
    narrow = column - Tol.INDENT - Tol.NARROW  # (narrower than the text's first line, indent and all)
    if page.full(body) >= narrow and all(page.full(x) < narrow for x in run):
        return False
    return None


BODY_STARTS = family("body_starts", dateline_start, over_byline, over_deck, short_clause_line, prose_line,
                     middle_dot_start, date_across_break, cut_line_is_prose, alone_between_blanks, under_wide_headline,
                     no_start_shape, two_narrow_lines, narrow_run_widens, narrow_lines_widen, text_follows)


def body_starts(page: Page, k: int) -> bool:
    """Line k begins running text: prose, or an indented line that the next lines continue."""
    verdict, _ = decide(BODY_STARTS, page, k)
    return bool(verdict)
