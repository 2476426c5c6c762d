"""Headlines: which lines before a body are its headline, and where one headline element ends.

``heading_span`` reads down from a line while ``HEADLINE_GOES_ON`` says the line is still the
headline's, then lets ``HEADLINE_CHECKS`` veto the run (or, on an OCR page, prove it by its display
type); ``new_element`` says where a headline's kicker, title and subtitle part (``NEW_ELEMENT``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chardata import DATELINE_RE, WORD_CHAR_RE
from ..punctrules import quotes_paired
from ..words import ends_on_particle, opens_predicate, word_runs_on
from .page import Page
from .rules import decide, family, subset
from .starts import body_starts, short_at_mark
from .text import (
    CLAUSE_RE,
    CUT_STARTS,
    LABEL_CHARS,
    LETTER_SPACED_RE,
    PUSHED_RE,
    SENTENCE_TAIL_RE,
    TAG_RE,
    clause_free_heading,
    closes_more,
    ends_sentence,
    holds_sentence,
    is_heading_candidate,
    justified,
    opens_subtitle,
    runs_into,
    unclosed,
    without_subtitle,
)
from .widths import Tol, cut_before_word, latin_error

MAX_HEADING_LINES = 6
CLOSING_RUN = 3  # headline-like lines closing a document: only a run this short is a headline (a column tag aside)
REST_LINES = 4  # lines a headline may go on past one that looks like a body's first
BLANK_RUN_LINES = 3  # OCR's headline set between blank lines is this many lines at most
SET_APART = 2  # raw lines between a headline's last line and the text that goes on from it
DATED_STORIES = 2  # datelines that show a paper opens its stories with one
QUOTE_LINES = 4  # how far below a headline a quote it opened may close
WRAP_REST = 3  # a one-line title wraps this many characters at most onto a line of their own
DATED_LINES, DATED_CHARS = 10, 40  # how far above a dateline its headline may start
FIRST_LINE_INDENT = 2.0  # a paragraph's first line is indented this much (characters), though the text lost it
FULL_SHARE = 0.7  # a body's first line under a title is at least this share of the column's width


@dataclass
class Scan:
    """A headline being read down from its first line."""

    span: list[int]
    expect_title: bool  # after a credit or furniture: a new article is due


def page_break_inside(page: Page, scan: Scan, k: int) -> str | None:
    """A page end or a jump line inside the run: no headline here. But after a credit, a title a
    word processor left at a page's foot heads the running text the next page starts with
    (``（据央视网）`` / ``科普宣传上街`` / ``— 1 —`` / ``5月19日，县科技局…``), or the story's dateline
    (``孤儿核查工作圆满完`` / ``成`` / ``— 1 —`` / ``本报讯（记者谢芳通讯员李``), or the story under its byline at the
    next page's top (``李克强向科威特首相`` / ``致贺电`` / ``— 2 —`` / ``县残疾人联合会`` / ``国务院总理…``), or a dated
    lead's full first line with no clause mark on it (``中国物流与采购联合会今天（10 月 8 日）公布…``), also one cut
    inside a bracket or quote it opens (``…晚会今晚（3 月 15`` / ``日）20 时…``; a short one is the title's); and the
    headline goes on there with its subtitle (``——来自基层的报道``), or with the title under a column tag left at
    the foot (``【经验交流】`` / ``— 1 —`` / ``德国多个机场安保人员罢``), also a title with its comma read down to
    its dateline (``【简讯】`` / ``— 3 —`` / ``文明进社区，我们在`` / ``行动`` / ``本报讯…``). Near miss: the next
    page starts with another headline-like line under a title."""
    gap = page.gap_before(k)
    if not scan.span or gap not in ("page", "other"):
        return None
    if gap == "page" and scan.expect_title:
        text = page.lines[k].text
        under_tag = all(TAG_RE.match(page.lines[j].text) for j in scan.span)
        if DATELINE_RE.match(text) or byline_between(page, scan.span[-1], k):
            return "body"  # (also under its byline at the next page's top: ``致贺电`` / ``— 2 —`` / ``县残疾人联合会``)
        if under_tag and is_heading_candidate(text) and dated(page, k):
            return "line"
        if ((CLAUSE_RE.search(text) or not is_heading_candidate(text) or unclosed(text) > 0)
                and not page.short(k, FIRST_LINE_INDENT)):
            return "body"  # (a paragraph's first line, its indent lost; a dated lead's, "今天（10 月 8 日）公布")
        if opens_subtitle(text) or (under_tag and is_heading_candidate(text)):
            return "line"
    return "stop"


def pushed_mark_line(page: Page, scan: Scan, k: int) -> str | None:
    """A mark pushed off the headline's last line: ``…“宝读诗书`` / ``”``."""
    text = page.lines[k].text
    if PUSHED_RE.match(text) and scan.span and not WORD_CHAR_RE.search(text):
        return "line"
    return None


def dateline_below(page: Page, scan: Scan, k: int) -> str | None:
    """A news dateline a few lines below (``本报讯``) and no sentence's end before it: the lines
    down to it are the headline's, a clause mark at a line's end and digits and marks on lines of
    their own included (``相约`` / ``“5`` / ``.`` / ``2`` / ``0`` / ``”`` / ``表白、`` /
    ``登记迎来小高潮`` / ``本报讯（记者…）``). Near miss: a sentence ends on the way down."""
    if DATELINE_RE.match(page.lines[k].text):
        return None
    return "line" if dated(page, k, sum(len(page.lines[j].text) for j in scan.span)) else None


def dated(page: Page, k: int, chars: int = 0) -> bool:
    """A news dateline stands a few short lines below line k, none ending a sentence: the lines
    from k are a headline's (``chars``: of it above k)."""
    if not page.datelines:
        return False
    j: int | None = k
    for _ in range(DATED_LINES):
        text = page.lines[j].text
        if DATELINE_RE.match(text):
            return j != k
        chars += len(text)
        if holds_sentence(text) or chars > DATED_CHARS:
            return False
        j = page.next_index(j)
        if j is None or page.gap_before(j) in ("page", "other"):
            return False
    return False


def byline_under(page: Page, scan: Scan, k: int) -> str | None:
    """A byline stands between the headline's last line and this one (``李克强向科威特首相`` /
    ``致贺电`` / ``文/陈思远`` / ``国务院总理李克强19日致电艾哈``): the headline ended over it, the
    body starts here."""
    if scan.span and byline_between(page, scan.span[-1], k):
        return "body"
    return None


def over_a_byline(page: Page, scan: Scan, k: int) -> str | None:
    """A headline-like line right over a byline is the headline's last: a byline stands under its title
    (``日本上半财年贸易逆差创新高`` / ``市慈善总会`` / ``据日本财务省今天…``)."""
    below = k + 1
    while below < len(page.lines) and page.lines[below].kind == "blank":  # (OCR's blank between them)
        below += 1
    if below < len(page.lines) and page.lines[below].kind == "byline" and is_heading_candidate(page.lines[k].text):
        return "line"
    return None


def line_continues_above(page: Page, scan: Scan, k: int) -> str | None:
    """A line starting with a mark goes on from the line before: ``…“活`` / ``化利用”`` / ``，本次…``."""
    return "stop" if PUSHED_RE.match(page.lines[k].text) else None


def label_then_title(page: Page, scan: Scan, k: int) -> str | None:
    """After a credit a new article is due: a line without clause marks under nothing but short
    labels (``新闻速递``) is its headline, even as wide as an indented first line."""
    text = page.lines[k].text
    due = scan.expect_title and all(len(page.lines[j].text) <= LABEL_CHARS for j in scan.span)
    return "line" if due and clause_free_heading(text) else None


def wrapped_kicker_top(page: Page, scan: Scan, k: int) -> str | None:
    """A kicker's first line, wrapped after its comma: ``夯实社会工作理论基础，`` / ``促进“政校合作”``."""
    return "line" if not scan.span and wrapped_kicker(page, k) else None


def no_body_start(page: Page, scan: Scan, k: int) -> str | None:
    """Running text does not start here (see ``starts``): the line is the headline's."""
    return "line" if not body_starts(page, k) else None


def last_word_runs_on(page: Page, scan: Scan, k: int) -> str | None:
    """The headline's last word runs on into this line: ``1—2月中国快递发展指`` / ``数同比提升26.7%``."""
    text = page.lines[k].text
    if scan.span and is_heading_candidate(text) and word_runs_on(page.lines[scan.span[-1]].text, text):
        return "line"
    return None


# Verdicts: "line" (the line is the headline's), "stop" (no headline here), "body" or none (the body starts here)
HEADLINE_GOES_ON = family("headline_goes_on", page_break_inside, byline_under, pushed_mark_line, dateline_below,
                          line_continues_above, label_then_title, wrapped_kicker_top, over_a_byline, no_body_start,
                          last_word_runs_on)


def _read_down(page: Page, i: int, expect_title: bool) -> tuple[list[int], int | None] | None:
    """The headline-like lines from line i and the line where the body starts (None at the
    document's end); None when no headline can start at line i."""
    scan = Scan([], expect_title)
    k: int | None = i
    while k is not None and len(scan.span) <= MAX_HEADING_LINES:
        verdict, _ = decide(HEADLINE_GOES_ON, page, scan, k)
        if verdict == "stop":
            return None
        if verdict in (None, "body"):  # the body starts at k
            if scan.span and (rest := headline_rest(page, k)):
                scan.span += rest  # "…，促进" / "“政校合作”" / "社会工作助力新疆民" / … / "坛举办": it goes on
                k = page.next_index(rest[-1])  # the body's first line, as headline_rest found it
            break
        scan.span.append(k)
        k = page.next_index(k)
    return scan.span, k


@dataclass
class Candidate:
    """A run of headline lines and the line after it, for the checks."""

    span: list[int]
    body: int
    strict: bool
    after_credit: bool

    def joined(self, page: Page) -> str:
        return "".join(page.lines[j].text for j in self.span)


def clauses_or_closers(page: Page, c: Candidate) -> bool | None:
    """Two clause marks, a clause line that is no kicker, or more closing marks than opening ones:
    a paragraph's lines (``他说这件事还没有结束，因``). Above a news dateline a line that ends on
    its clause mark heads the story (``文明进社区，`` / ``我们在行动`` / ``本报讯…``), as does a title
    of one line with its comma inside (``文明进社区，我们在行动``, also over a subtitle or wrapping
    a character or two: ``相约“5.20”表白、登记迎来小高`` / ``潮``), or with a 、 inside wrapping more
    (``相约“5.20”表白、登记`` / ``迎来小高潮``), and a closing
    quote whose opening one OCR lost is the headline's (``我县 假证被拘”`` / ``第一人现身``): no
    paragraph ends unfinished there (near miss: OCR's ``据了解，广润社区是我县省级文明`` read
    across columns)."""
    joined = c.joined(page)
    texts = [page.lines[j].text for j in c.span]
    title = without_subtitle(texts)
    # a comma inside a line is the title's when at most a wrapped character or two follow it; a 、 listing two of
    # its words always is (``相约“5.20”表白、登记`` / ``迎来小高潮``)
    inner_ok = all(sum(map(len, title[n + 1:])) <= WRAP_REST for n, t in enumerate(title)
                   if CLAUSE_RE.search(t[:-1].replace("、", "")))
    dated = bool(DATELINE_RE.match(page.lines[c.body].text)) and inner_ok
    if len(CLAUSE_RE.findall(joined)) > 1 or not (dated or clause_line_ok(page, c.span, c.after_credit)) or (
            closes_more(quotes_paired(joined)) and not dated):
        return False
    return None


def quote_runs_on(page: Page, c: Candidate) -> bool | None:
    """A quote the headline opens closes in the text below: ``…，“喜阅西乡`` / ``悦”读…``, also a
    line or two further (``市民洪先生表示：“5.20是网络情人节，大家QQ上`` / ``的问候语都改成了…`` /
    ``…她很开心。”``)."""
    if unclosed(c.joined(page)) > 0 and any(map(closes_more, page.running_text(c.body, QUOTE_LINES, to_gap=True))):
        return False
    return None


def bylined(page: Page, c: Candidate) -> bool:
    """A byline stands between the candidate headline's last line and its body."""
    return byline_between(page, c.span[-1], c.body)


def byline_between(page: Page, last: int, k: int) -> bool:
    """A byline stands between a headline's last line and line k (across blank lines and page furniture)."""
    return any(page.lines[x].kind == "byline" for x in range(last + 1, k))


def unproven_after_full_line(page: Page, c: Candidate) -> bool | None:
    """Where a paragraph ended on a full line (``strict``), a headline needs a short line and an
    indented body, a body that opens with a news dateline (``本报讯``), or a byline under it (``孤儿核查工作圆满完成``
    / ``文/吴晓玲`` / ``雅万高铁第一根接…``, where a file sets each headline after its story), to prove itself."""
    if c.strict and not ((page.indent(c.body) and any(page.short(j) for j in c.span))
                         or DATELINE_RE.match(page.lines[c.body].text)
                         or bylined(page, c)):
        return False
    return None


def no_headline_end(page: Page, c: Candidate) -> bool | None:
    """A headline ends short or set across columns (wider than its body's), or its body starts indented, after a
    gap, with a dateline (``本报讯``) or under a byline (``李克强向科威特首相致贺电`` / ``市慈善总会`` /
    ``国务院总理…``); after a credit, prose right after a one-line headline is its body."""
    body = page.lines[c.body].text
    due = c.after_credit and len(c.span) == 1 and (not is_heading_candidate(body) or bool(CLAUSE_RE.search(body)))
    if not (page.indent(c.body, squeezed=True) or page.gap_before(c.body) in ("blank", "page")
            or page.short(c.span[-1], after=True) or page.spans_columns(c.span[-1:]) or LETTER_SPACED_RE.search(body)
            or due or bylined(page, c)
            or DATELINE_RE.match(body)):
        return False
    return None


def undated_in_dated_paper(page: Page, c: Candidate) -> bool | None:
    """Where the paper opens its stories with a news dateline (``本报讯`` on two or more) and its
    lines are cut at random (``fragmented``: their widths prove no headline), a headline needs a
    dateline under it or a credit above it: a line over undated text is the story's own (``梅表翔``
    / ``告诉记者，…``; ``驾驶证上显示的地址是…，`` / ``姓“芦”。``). Near misses: a page with one
    dateline or none; lines set to a column's width, where a story without a dateline proves its
    headline by the widths."""
    if (page.datelines >= DATED_STORIES and page.fragmented and not c.after_credit
            and not DATELINE_RE.match(page.lines[c.body].text)):
        return False
    return None


def ends_inside_word(page: Page, c: Candidate) -> bool | None:
    """A headline ends with a word: not on ``不仅是`` (``“爱心行动”项目不仅是``), not inside one
    (``…暗合北斗`` / ``七星方位``), not on a number whose unit opens the next line's short first clause
    (``为纪念中国共产党成立90`` / ``周年，推动…``)."""
    joined = c.joined(page)
    below = page.lines[c.body].text
    if ends_on_particle(joined) or word_runs_on(joined, below) or (
            joined[-1:].isdigit() and _UNIT_CLAUSE_RE.match(below)
            and not any(page.lines[k].kind == "blank" for k in range(c.span[-1] + 1, c.body))):
        return False
    return None


# a number's unit (a measure word or a unit of time), then the clause goes on: ``周年，``
_UNIT_CLAUSE_RE = re.compile(
    r"^(?:周年|周岁|年|岁|届|周|个|名|人|位|万|亿|元|次|天|日|月|多|余|家|所|项|件|户|支|期)[，、]")


def shares_a_printed_line(page: Page, c: Candidate) -> bool | None:
    """A headline has its printed line to itself: text after a sentence's end inside a line
    (``不能喝！” 高僧问：``) goes on from the paragraph before it."""
    return False if page.lines[c.span[0]].forced_start else None


def opens_speech(page: Page, c: Candidate) -> bool | None:
    """A line that ends with a colon and a quote opening below is what someone said next
    (``他说：`` / ``“这么一点盐…``); a headline's colon leads on inside the headline."""
    if page.lines[c.span[-1]].text[-1:] in "：:" and page.lines[c.body].text[:1] in QUOTE_OPENERS:
        return False
    return None


QUOTE_OPENERS = frozenset("“「『‘")


def indented_first_line(page: Page, c: Candidate) -> bool | None:
    """A one-line headline as wide as the running text under it with a paragraph's indent, but not without, whose
    sentence the line under it goes on with, opening a predicate (a verb, a preposition, an adverb): a paragraph's
    first line whose indent the text lost (``中国新疆陆地边境线长`` / ``达5700多公里，…``, 10 em over a 12 em
    column, 长达 cut where jieba's words do not see it). Near misses: a title narrower than that; one as wide over
    a body that opens a sentence of its own (``携手同行，共创美好`` / ``日前，…``, ``松岗七星狮鼓点暗合天象`` /
    ``七星方位，…``), or a news dateline or a byline under it."""
    j = c.span[0]
    body = page.lines[c.body].text
    if (len(c.span) == 1 and not c.after_credit and page.gap_before(c.body) == ""
            and page.fills_column(j, indent=True) and not page.fills_column(j)
            and not DATELINE_RE.match(body) and not bylined(page, c) and opens_predicate(body)):
        return False
    return None


def set_in_display_type(page: Page, c: Candidate) -> bool | None:
    """Every line of the headline is set in display type on an OCR page, its body's first line is not
    (``kinds.display_type``): it is a headline, whatever marks OCR read into it (``物流业景气水平加快`` /
    ``回升”运行趋稳向好``, a closing quote from the white between two words). Near miss: a line of body type."""
    if all(page.lines[j].display for j in c.span) and not page.lines[c.body].display:
        return True
    return None


# (the cheap checks first, jieba's last: every check but set_in_display_type only vetoes, so their order changes no
# verdict; that one accepts what the page's boxes show, before the checks on the text's marks)
HEADLINE_CHECKS = family("headline_checks", shares_a_printed_line, opens_speech, set_in_display_type,
                         clauses_or_closers, quote_runs_on,
                         unproven_after_full_line, no_headline_end, undated_in_dated_paper, indented_first_line,
                         ends_inside_word)
_PRINTED_LINE = subset("headline_checks", (shares_a_printed_line,))


def heading_span(
    page: Page, i: int, *, strict: bool = False, expect_title: bool = False, after_credit: bool = False
) -> tuple[list[int], str]:
    """
    The headline lines that start at line i, before the body they announce (empty if none), and
    the rule that found them.

    Looks ahead, across blank lines but not across a page or a credit, for the line where
    running text begins; the lines before it are headline lines when there are 1 to 6 of them,
    each headline-like, with at most one clause mark between them. After a credit a new
    article is due (``expect_title``): a first line without clause marks is taken as a headline
    even where it is as wide as an indented first line.
    """
    if expect_title and (run := blank_run(page, i)):
        return run
    found = _read_down(page, i, expect_title)
    if found is None:
        return [], ""
    span, k = found
    if k is None:  # no body below: what closes the document (only the printed-line check applies)
        tagged = bool(span) and TAG_RE.match(page.lines[span[0]].text) is not None  # (a column tag over the title)
        closing = Candidate(span, span[-1], False, False) if span and len(span) - tagged <= CLOSING_RUN else None
        if closing and decide(_PRINTED_LINE, page, closing)[0] is None:
            return span, "closing_run"
        return [], ""
    if not span or len(span) > MAX_HEADING_LINES:
        return [], ""
    if (len(span) > 1 and page.gap_before(span[-1]) != "" and _runs_on(page.lines[span[-1]].text, page.lines[k].text)
            and page.lines[k].n - page.lines[span[-1]].end <= SET_APART):  # (not a column OCR read beside it)
        # "传承保护数百载，璀璨非遗放" / blank / "异彩。为期9天…", "…晚会今晚播出" / blank / "中央广播电视总台 2024" /
        # "年“3.15”晚会…": the text goes on from the last line, which starts the body (OCR set it apart)
        k = span.pop()
    if len(span) > 1 and (m := _speech_from(page, span)):
        # "非遗民俗文献展邀市民" / "“原来三月三是为了庆祝北帝" / … / "盟！”": a quote of speech the
        # last lines open, closing below, is the body's first sentence, the headline ends above it
        span, k = span[:m], span[m]
    verdict, _ = decide(HEADLINE_CHECKS, page, Candidate(span, k, strict, after_credit))
    if verdict is False and expect_title and _over_full_line(page, span) and (
            decide(HEADLINE_CHECKS, page, Candidate(span[:-1], span[-1], strict, after_credit))[0] is not False):
        # "李克强向科威特首相致贺电" / "国务院总理李克强 19 日致电…萨" / "赫，祝贺…": the last line runs on
        # into the body, whose first line it is; the lines above stand alone after a credit or the masthead
        return span[:-1], "title_over_full_line"
    if verdict is False:
        return [], ""
    return span, "headline_after_full_line" if strict else "headline_before_body"


# a date cut after its number, the unit opening the next line: a year, a month, a day
_DATE_CUT_RE = re.compile(r"(?:(?<!\d)(?:19|20)\d\d\n年|(?<!\d)(?:1[0-2]|[1-9])\n月|(?<!\d)(?:3[01]|[12]\d|[1-9])\n日)")


def _runs_on(last: str, first: str) -> bool:
    """The body's first line goes on with the sentence of the line above it: it ends that sentence in a few
    characters, or goes on with the date that line ends on (``中央广播电视总台 2024`` / ``年“3.15”晚会…``).

        >>> _runs_on("璀璨非遗放", "异彩。为期9天"), _runs_on("中央广播电视总台 2024", "年“3.15”晚会今晚")
        (True, True)
        >>> _runs_on("晚会今晚播出", "中央广播电视总台"), _runs_on("总台2024年", "年度报告发布")
        (False, False)
        >>> _runs_on("服务热线12345", "日前，县民政局开通")  # (no day 12345: 日前 opens the body)
        False
    """
    return bool(SENTENCE_TAIL_RE.match(first) or _DATE_CUT_RE.search(last[-5:] + "\n" + first[:1]))


def _over_full_line(page: Page, span: list[int]) -> bool:
    """The run's last line, under a short one, is about as wide as the column (``FULL_SHARE`` of it at least:
    a line pushed short by a word that came down): a body's first line, not a title set wider than the column
    (``夯实社会工作理论基础，…`` / ``社会工作助力新疆民政事业高质量发展论坛举办`` over a 16 em column). The first
    line, past a section tag (``【简讯】``), is more than a label's few characters (OCR's crumbs over a column's line
    are no title)."""
    last = span[-1]
    below = [page.width[j] for j in (page.next_index(last, n) for n in (1, 2, 3)) if j is not None]
    first = span[1] if len(span) > 2 and TAG_RE.match(page.lines[span[0]].text) else span[0]
    return (len(span) >= 2 and len(page.lines[first].text) > LABEL_CHARS and bool(below)
            and FULL_SHARE * max(below) <= page.width[last] <= max(below) + Tol.FILLS_ABOVE
            and page.short(span[-2], after=True))


def _speech_from(page: Page, span: list[int]) -> int:
    """The position in ``span`` (not the first) of a line that opens a quote of speech: a quote the
    headline does not close, closing within ``QUOTE_LINES`` lines with a clause mark or a
    sentence's end inside (a title's quoted name has none); 0 if none."""
    for m in range(1, len(span)):
        quoted = "".join(page.lines[j].text for j in span[m:])
        if quoted[:1] not in QUOTE_OPENERS or unclosed(quoted) <= 0:
            continue
        below = page.running_text(page.next_index(span[-1]), QUOTE_LINES)
        closed = next((quoted + more for more in below if unclosed(quoted + more) <= 0), "")
        if CLAUSE_RE.search(closed) or any(c in closed for c in "。！？!?"):
            return m
    return 0


def headline_rest(page: Page, k: int) -> list[int]:
    """Lines k.. that a headline goes on with, though line k looks like a body's first line:
    two to four lines without clause marks or a sentence end, the last clearly narrower than
    the indented first line after it ("“政校合作”" / "社会工作助力新疆民" / "政事业高质量发展论" /
    "坛举办" / "为进一步夯实社会工作理论"). A paragraph's lines go on full to their sentence's end."""
    run = [k]
    while len(run) <= REST_LINES:
        x = run[-1]
        text = page.lines[x].text
        if not is_heading_candidate(text) or CLAUSE_RE.search(text) or ends_sentence(text):
            return []
        j = page.next_index(x)
        if j is None or page.gap_after(x) != "":
            return []
        if page.full(x) + Tol.SHORT < page.width[j] and page.indent(j) and body_starts(page, j):
            return run if len(run) > 1 else []
        run.append(j)
    return []


def wrapped_kicker(page: Page, k: int) -> bool:
    """Line k is a kicker's first line, wrapped after its comma ("夯实社会工作理论基础，" /
    "促进“政校合作”"): otherwise headline-like, and the line after it narrower and headline-like.

    A paragraph's line ending at a comma is as wide as the line after it, or wider only by
    being that paragraph's last line but one, which is prose.
    """
    text = page.lines[k].text
    if not text.endswith("，") or CLAUSE_RE.search(text[:-1]) or not is_heading_candidate(text[:-1]):
        return False
    j = page.next_index(k)
    if j is None or page.gap_after(k) != "":
        return False
    nxt = page.lines[j].text
    return clause_free_heading(nxt) and page.width[j] < page.width[k] - Tol.SAME


def blank_run(page: Page, i: int, label_ok: bool = True) -> tuple[list[int], str] | None:
    """After a credit, a run of 1 to 3 headline-like lines between blank lines is a headline;
    a run of short labels ("动态") also takes the run under it (``label_ok``: one level only).

    OCR sets a blank line around a headline; its lines' widths say little there.
    """
    if page.gap_before(i) != "blank":
        return None
    run, k = [i], i
    while page.gap_after(k) == "" and len(run) <= BLANK_RUN_LINES:
        k = page.next_index(k)  # type: ignore[assignment]
        run.append(k)
    texts = [page.lines[j].text for j in run]
    if (len(run) > BLANK_RUN_LINES or page.gap_after(k) != "blank" or not all(map(is_heading_candidate, texts))
            or len(CLAUSE_RE.findall("".join(texts))) > 1 or closes_more("".join(texts))):
        return None
    nxt = page.next_index(k)
    if (label_ok and nxt is not None and all(len(t) <= LABEL_CHARS for t in texts)
            and (title := blank_run(page, nxt, False))
            and not CLAUSE_RE.search("".join(page.lines[j].text for j in title[0]))):
        return run + title[0], "label_over_headline"  # a section label ("动态", "简讯") alone, then its headline
    return (run, "headline_between_blanks") if nxt is not None and body_starts(page, nxt) else None


def clause_line_ok(page: Page, span: list[int], after_credit: bool = False) -> bool:
    """A headline line with a clause mark is a kicker: alone in its run, or wider than the title below, or, right
    after a credit closed the story above or first on its page (``_opens_page``), over a title where both are well
    short of the column under them (a lead set wide: ``夯实社会工作理论基础，促进“政校合作”`` /
    ``社会工作助力新疆民政事业高质量发展论坛举办`` over lines of 40 characters), or over a title set across columns
    (``_over_column``).

    A line that ends on a ``、`` well short of the lines under it, with more of the headline under it, wraps the
    title after that mark: ``相约“5.20”表白、`` / ``登记迎来小高潮`` (``starts.short_at_mark``).

    "夯实社会工作理论基础，促进“政校合作”" over a two-line title is a kicker; "他说这件事还没有
    结束，因" over one shorter line is the start of an unfinished paragraph, and so is ``从投资来看，9月份`` /
    ``固定资产投资完成额指`` in a column, though OCR read the line under them across the page.
    """
    for pos, j in enumerate(span):
        if not CLAUSE_RE.search(page.lines[j].text) or (pos + 1 < len(span) and short_at_mark(page, j)):
            continue  # (a title wrapped after the 、 that lists two of its words: ``相约“5.20”表白、`` / ``登记…``)
        run = [j]
        for k in span[pos + 1 :]:
            if page.gap_before(k) != "":
                break
            run.append(k)
        starts_run = pos == 0 or page.gap_before(j) != "" or (
            # "夯实社会工作理论基" / "础，促进“政校合作”": a kicker wrapped inside a word, its
            # first line as wide as its second with the character that came down
            pos == 1 and abs(page.full(span[0]) - page.width[j]) <= Tol.KICKER_WRAP
            and not CLAUSE_RE.search(page.lines[span[0]].text))
        if not starts_run:
            return False
        if ((len(run) == 2 or (len(run) > 1 and page.width[j] <= page.width[run[1]])) and not page.spans_columns(run)
                and not ((after_credit or _opens_page(page, run[0])) and not page.fragmented and (
                    all(page.clearly_narrow(x, run[-1]) for x in run[:-1]) or _over_column(page, run)))):
            return False
        if len(run) == 1 and (page.fills_column(j) or (
                j == span[-1] and page.gap_before(j) == "blank" and page.gap_after(j) == ""
                and page.fills_column(j, indent=True) and opens_predicate(page.lines[page.next_index(j)].text))):
            # "未来，新疆将继续聚焦" as wide as the body below: prose; so is the first line of an OCR paragraph (a
            # blank line before it, none after) as wide with a paragraph's indent, its clause going on in the line
            # under it ("经进一步调查，驾驶人" / "姓“丁”，系江西人，…"; not "携手同行，共创美好" / "日前，…")
            return False
    return True


def _opens_page(page: Page, j: int) -> bool:
    """Line j is its page's first text line (a running head aside): a story starts there, or goes on from the page
    before, whose running text fills the column."""
    above = page.next_index(j, -1)
    return above is None or page.lines[above].page != page.lines[j].page


def _over_column(page: Page, run: list[int]) -> bool:
    """A kicker over a title set across columns: the title wider than the column under it, the kicker no narrower
    (held-out seed 59: ``夯实社会工作理论基础，促进“政校合作”``, 19 em, over
    ``社会工作助力新疆民政事业高质量发展论坛举办``, 21 em, over an 18 em column). A paragraph's lines are no wider
    than its column."""
    below = page.next_index(run[-1])
    return (len(run) == 2 and below is not None and page.spans_columns(run[1:])
            and page.width[run[0]] >= page.full(below) - Tol.SAME)


def interrupting_headline(page: Page, i: int) -> list[int]:
    """A headline set between blank lines inside an unfinished paragraph (a column of another story).

    Only a clear case counts: one or two headline lines without clause marks or a final mark,
    alone between blank lines, followed by an indented body.
    """
    span, _ = heading_span(page, i)
    if not span or len(span) > 2 or any(page.gap_before(j) for j in span[1:]):
        return []
    last = page.lines[span[-1]].text
    k = page.next_index(span[-1])
    if CLAUSE_RE.search("".join(page.lines[j].text for j in span)) or last[-1] in "！？!?":
        return []
    if k is None or page.gap_after(span[-1]) != "blank" or not page.indent(k):
        return []
    return span


# Where a headline's elements part (kicker, title, subtitle): rules over line i of a headline
# whose earlier lines are ``heading`` lines long.

def _prev(page: Page, i: int) -> int | None:
    return page.next_index(i, -1)


def wraps_inside(page: Page, i: int, heading: int) -> bool | None:
    """The line above wraps inside a quote it opened, which this line closes (``县残联派送助残“大`` / ``礼包”``),
    inside a number whose unit opens this line (``总台 2024`` / ``年“3·15”晚会今``), or inside a word of the
    dictionary (``1—2月中国快递发`` / ``展指数同比提升26.7%``): one element, whatever the page's other evidence (the
    page's top, the widths). Near misses: a kicker that closes its quotes over the title; a kicker that ends on a
    word (``喜迎建党节`` / ``日本上半财年…``)."""
    prev = _prev(page, i)
    if prev is None:
        return None
    above, below = page.lines[prev].text, page.lines[i].text
    return False if runs_into(above, below) or word_runs_on(above, below) else None


def wraps_before_word(page: Page, i: int, heading: int) -> bool | None:
    """The line above ends short because this one opens on a number or Latin word that would not have fitted after
    it within this line's width, a headline line going on under it (so this line is no last line short of the
    measure: ``总台2024年`` / ``“3·15”晚会今晚`` / ``播出``): one element, the title's first line and no kicker. Near
    misses: ``总台新闻`` / ``“3·15”晚会今晚播``, where the quoted number would have fitted; the line the headline's
    last, over its body (nothing shows its width to be the measure)."""
    prev, nxt = _prev(page, i), page.next_index(i)
    if (prev is None or nxt is None or page.gap_before(nxt) != ""
            or not cut_before_word(page.lines[prev].text, page.lines[i].text, page.width[i], page.width.mark_em)):
        return None  # (the width test first: most lines open on no number, and the body test costs more)
    return None if body_starts(page, nxt) else False


def under_running_head(page: Page, i: int, heading: int) -> bool | None:
    """The line above is the first of its page (the running head, perhaps), unless it wraps on at a comma, or the
    headline began on the page before (a column tag at its foot: ``【简讯】`` / ``— 3 —`` / ``文明进社区，我们在`` /
    ``行动``)."""
    prev = _prev(page, i)
    return True if (prev is not None and page.page_top(prev) and heading <= 1
                    and not page.lines[prev].text.endswith("，")) else None


def after_colon(page: Page, i: int, heading: int) -> bool | None:
    """A headline goes on after its colon (``机遇与合作：`` / ``“通武廊”社会工作再携手``), also across OCR's
    blank line."""
    prev = _prev(page, i)
    if prev is not None and page.lines[prev].text[-1:] in "：:" and page.gap_before(i) in ("", "blank"):
        return False
    return None


def set_over_dateline(page: Page, i: int, heading: int) -> bool | None:
    """A headline read down to a news dateline is one element, set in lines its text cut where
    the widths say nothing: at a mark or a number, where a typesetter's text objects part (``相约`` /
    ``“5.20”`` / ``表白、`` / ``登记迎来小高潮`` / ``本报讯…``), and OCR's lines, a blank line between (``文明进社区，
    我们在`` / blank / ``行动``). Near miss: a kicker over its title, the cut between two words (``文明创建进行时`` /
    ``西部陆海新通道铁海`` / …), is left to the widths."""
    prev = _prev(page, i)
    if prev is None or not dated(page, i):
        return None
    above, text = page.lines[prev].text, page.lines[i].text
    at_object = above[-1:] in CUT_STARTS or above[-1:].isdigit() or text[:1] in CUT_STARTS or text[:1].isdigit()
    return False if at_object or page.gap_before(i) else None  # (OCR's blank lines say nothing of the cut)


def blank_parts(page: Page, i: int, heading: int) -> bool | None:
    """A blank line parts two headline elements."""
    return True if page.gap_before(i) else None


def grows_wider(page: Page, i: int, heading: int) -> bool | None:
    """The line is wider than the one above: that one did not wrap, a label or kicker ended there.
    Not after a wrapped sentence of the title (``西乡北帝三月三精`` / ``彩不断！`` / ``西乡历史文化展游``),
    not under a letter-spaced line."""
    prev = _prev(page, i)
    if prev is None:
        return None
    above = page.lines[prev].text
    if (page.width[i] > page.full(prev) + Tol.SAME + latin_error(page.lines[i].text)
            and not (heading > 1 and above[-1:] in "！？!?") and not justified(above)):
        return True
    return None


NEW_ELEMENT = family("new_element", wraps_inside, under_running_head, after_colon, set_over_dateline, blank_parts,
                     wraps_before_word, grows_wider)


def new_element(page: Page, i: int, heading: int) -> str:
    """The rule that starts a new headline element at line i, or "" when it goes on the one above."""
    verdict, why = decide(NEW_ELEMENT, page, i, heading)
    return why if verdict else ""
