"""Layout from geometry: the rules for documents whose lines come with boxes and type sizes (PDFs).

OCR files (hOCR, ALTO) keep their boxes in ``layout`` but are read by the text rules: their
line boxes are too rough for indents and type sizes, but for display type (see docs/layout.md).

A headline is a run of lines in display type; its elements part where the type changes, the
largest is the title, smaller ones above it the kicker, below it the subtitle. A paragraph
starts at a line indented from its column's edge or after one that stops short of it, and goes
on from a column's foot to the next column's top. A page's running head and foot lie in its
top and bottom bands. Width guesses stay for plain text (``page``, ``starts``, ``headlines``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..chardata import CREDIT_TAIL_RE, HAN_RE
from ..geometry import overlap, upright
from .boxes import BoxPage, Em
from .rules import decide, family
from .text import (
    CLAUSE_RE,
    LABEL_CHARS,
    NO_LINE_START_SET,
    TAG_RE,
    closes_more,
    debris,
    ends_sentence,
    is_heading_candidate,
    opens_subtitle,
)
from .widths import line_width

MAX_HEADING_LINES = 6
HEADLINE_CLAUSES = 2  # a kicker and a title may hold a clause mark each; prose holds more
LABEL_HAN = 4  # a first element this short over another is a section label ("简讯", "动态")
TAG_OPEN = "【"
KICKER_CHARS = 24  # a kicker of its own is this short
KICKER_LINES = 3
PHOTO_CREDIT_CHARS = 12
NEAR_LINES = 4  # lines before and after a drop cap in reading order where the text beside it is looked for
SIGNATURE_CHARS = 20  # an office or a writer signing a story, set flush right, is this short
SIGNATURE_CLEAR = 0.25  # ...and starts past a paragraph's indent: four em in, or this share of a narrow column...
SIGNATURE_INDENT = 2.5  # ...but never within this many em (a two-em indent and half an em)
DEBRIS_SIZE = 0.8  # OCR's debris of an ornament is set smaller than this share of the body


# Is a text line page furniture, or a story's signature, by where it stands?

def running_band(page: BoxPage, i: int) -> str | None:
    """A line in the page's top or bottom band (above the rule under the running head, or
    below the rule over the foot): ``民生周刊`` / ``2024年7月29日 星期一`` over a page."""
    return "furniture" if page.band(i) else None


def photo_credit(page: BoxPage, i: int) -> str | None:
    """A short line in small type lying on a picture: its photographer's credit (``陈维连/摄``),
    no article's text (near miss: a photo story's headline printed over its photo)."""
    short = len(page.lines[i].text) <= PHOTO_CREDIT_CHARS and not page.display(i)
    return "noise" if short and page.on_image(i) else None


def right_set_credit(page: BoxPage, i: int) -> str | None:
    """A short line set flush right, well clear of its column's left edge, under a story's last
    sentence: the office or writer signing the story (``东城区民政局``), also where it was carried over to the
    next page's top (a bulletin's ``县民政局办公室`` over the next story's title), and under a last line too short to
    reach over it; flush with the column's lines or up to a character past them, with the frame where unjustified
    lines stop short of it (``社区服务中心`` ending an em right of the lines above); in a column of ten characters,
    three em in (``县残疾人联合会``). Near miss: a paragraph's last line, which starts at the column's edge or a
    paragraph's indent."""
    g, text = page.geo[i], page.lines[i].text
    above = page.above.get(i)
    if above is None:  # alone in its region: the text line before it
        above = next((k for k in range(i - 1, -1, -1) if page.lines[k].kind == "text"), -1)
    if (above < 0 or len(text) > SIGNATURE_CHARS or page.display(i) or CLAUSE_RE.search(text)
            or ends_sentence(text) or not ends_sentence(page.lines[above].text)):
        return None
    a = page.geo[above]
    if a.page != g.page:  # carried over to the next page's top: set right in the column under it
        column = page.column_under(i) if page.band(i) == "" else None
        return "credit" if column and abs(column[1] - g.x1) <= Em.EDGE * g.size and (
            g.x0 - column[0] > Em.INDENT_MAX * g.size) else None
    left, right = page.left.get(above, a.x0), page.right.get(above, a.x1)
    if a.bottom > g.top or not left - Em.EDGE * g.size <= g.x0 < right:  # (in its column, under a short line too)
        return None
    ragged = page.ragged.get(above, 0.0)
    flush_right = -Em.EDGE * g.size - ragged <= g.x1 - right <= Em.PAST_EDGE * g.size + ragged
    # (past any paragraph's indent: four em in, or in a narrow column a quarter of it, but never within an indent)
    clear = min(Em.INDENT_MAX * g.size, max((right - left) * SIGNATURE_CLEAR, SIGNATURE_INDENT * g.size))
    return "credit" if flush_right and g.x0 - left > clear else None


def centred_byline(page: BoxPage, i: int) -> str | None:
    """A short line in body type centred right under a headline (or its subtitle), no clause in it and not
    opening with a dash: the office or writer the story is by (``东城区民政局`` under a bulletin's title; also at
    the next column's or page's top where the headline ended its own, also under the subtitle there). Near misses: a
    subtitle after a dash, and a body line under the headline, which starts at the column's edge or its indent."""
    text = page.lines[i].text
    above, turned = page.before(i)  # (past a page's or a column's foot where the headline ended its own)
    if (above is None or page.lines[above].kind != "text" or len(text) > SIGNATURE_CHARS
            or page.display(i) or page.headline_face(i) or CLAUSE_RE.search(text) or ends_sentence(text)
            or opens_subtitle(text, em_dash=True) or not (turned or stacked(page, above, i))):
        return None
    # (under its subtitle: the title read before it, also across a page's foot)
    head = page.before(above)[0] if opens_subtitle(page.lines[above].text, em_dash=True) else above
    if head is None or not (page.display(head) or page.headline_face(head)):
        return None
    return "byline" if page.centred(i) else None


def small_debris(page: BoxPage, i: int) -> str | None:
    """A glyph or three that no line of text is made of (``text.debris``: ``l``, ``I／``), set much smaller than the
    body and outside running text (after a sentence's end or other noise): an OCR layer's reading of an ornament.
    Near miss: a letter in body type, or one inside a sentence."""
    g = page.geo[i]
    if not debris(page.lines[i].text) or g.size >= DEBRIS_SIZE * page.body.get(g.page, g.size):
        return None
    before = next((k for k in range(i - 1, -1, -1) if page.lines[k].kind != "blank"), None)
    outside = before is None or page.lines[before].kind != "text" or ends_sentence(page.lines[before].text)
    return "noise" if outside else None


BOX_FURNITURE = family("box_furniture", running_band, photo_credit, right_set_credit, centred_byline, small_debris)


# Is a run of display-type lines a headline, or prose set large (a lead paragraph)?

def drop_cap(page: BoxPage, run: list[int]) -> str | None:
    """One character in display type with body lines beside it, right of it and within its
    height: a paragraph's first character set large (``有`` beside ``个年轻人去庙里问高僧…``), not a
    headline. Near miss: a one-character headline stands over its body, nothing beside it."""
    return "prose" if len(run) == 1 and is_drop_cap(page, run[0]) else None


def is_drop_cap(page: BoxPage, i: int) -> bool:
    """Line i is a drop cap (see ``drop_cap``)."""
    g = page.geo[i]
    if len(page.lines[i].text.strip()) != 1 or not page.display(i):
        return False
    return any(h.page == g.page and not page.display(j) and h.x0 >= g.x1 - Em.EDGE * h.size
               and h.x0 - g.x1 <= Em.INDENT_MAX * h.size and h.top < g.bottom and h.bottom > g.top
               for j in range(max(0, i - NEAR_LINES), min(len(page.lines), i + NEAR_LINES + 1)) if j != i
               for h in (page.geo[j],))


def many_lines(page: BoxPage, run: list[int]) -> str | None:
    """More lines than a headline has: a lead paragraph set in larger type."""
    return "prose" if len(run) > MAX_HEADING_LINES else None


def sentences_inside(page: BoxPage, run: list[int]) -> str | None:
    """A full stop or many clause marks: ``“原来三月三是为了庆祝北帝诞辰，祈求这位水神…``."""
    text = "".join(page.lines[i].text for i in run)
    if "。" in text or "；" in text or len(CLAUSE_RE.findall(text)) > HEADLINE_CLAUSES:
        return "prose"
    return None


def display_mark(page: BoxPage, i: int) -> bool:
    """Line i holds only marks that no line may start with (``NO_LINE_START``) or a number's unit (noise by its
    text) but stands right under a line of display type, in that type and that line's column: a headline's last
    glyph or two that wrapped alone (``1—2月中国快递发展指数同比提升26.7`` / ``%``). Near misses: the glyph in body
    type, or under a body line; an ornament (``★★★``, ``———``)."""
    k = i - 1
    if (k < 0 or page.lines[k].kind != "text" or page.lines[i].kind != "noise"
            or not set(marks := page.lines[i].text.replace(" ", "")) <= WRAPPED_MARKS or len(marks) > 2):
        return False
    a, b = page.geo[k], page.geo[i]
    return (a.page == b.page and page.display(k) and page.same_size(a.size, b.size) and a.x0 <= b.x0 < a.x1
            and 0 <= b.top - a.bottom <= a.size)


WRAPPED_MARKS = NO_LINE_START_SET | set("%％‰℃°")  # what a headline's last line may hold alone


def headline_run(page: BoxPage, run: list[int]) -> str:
    """A few lines in display type without sentences: a headline (``非遗民俗文献展邀市民“宝读诗书”``)."""
    return "heading"


DISPLAY_RUN = family("display_run", drop_cap, many_lines, sentences_inside, headline_run)


def display_runs(page: BoxPage) -> Iterator[list[int]]:
    """Runs of text lines in one display type, one after another in reading order on one page; an upright title
    (one line read top to bottom) is a run of its own (read at its module's start, then the module's story, not
    with the next module's title across the rule)."""
    run: list[int] = []
    for i, ln in enumerate(page.lines):
        display = ln.kind == "text" and (page.display(i) or page.headline_face(i))
        last = run[-1] if run else -1
        if display and run and page.geo[last].page == page.geo[i].page and page.same_size(
                page.geo[last].size, page.geo[i].size) and not (upright(page.geo[last]) or upright(page.geo[i])):
            run.append(i)
            continue
        if run:
            yield run
        run = [i] if display else []
    if run:
        yield run


def headlines(page: BoxPage, repeated: set[int]) -> Iterator[tuple[list[list[int]], str]]:
    """Each headline's elements (runs of lines) and the rule that found it: display runs that
    are headlines (``DISPLAY_RUN``), those right after one another being one headline (a kicker
    in smaller type over its title), but for a continued article's title printed again above
    its "（上接…）" (``repeated``), which is a headline of its own."""
    parts: list[list[int]] = []
    why = ""
    for run in display_runs(page):
        verdict, rule = decide(DISPLAY_RUN, page, run)
        if verdict != "heading":
            continue
        if (parts and run[0] == parts[-1][-1] + 1 and (run[0] in repeated) == (parts[-1][-1] in repeated)
                and (stacked(page, parts[-1][-1], run[0]) or under_kicker(page, parts[-1][-1], run[0])
                     or deck_after_upright(page, parts[-1][-1], run[0]))):
            parts += elements(page, run)
            continue
        if parts:
            yield parts, why
        parts, why = elements(page, run), rule
        if run[0] in repeated:
            why = "repeated_title"
        elif kicker := small_kicker_above(page, run[0]):
            parts.insert(0, kicker)
        if deck := deck_under(page, run[-1]):
            parts.append(deck)
    if parts:
        yield parts, why


def under_kicker(page: BoxPage, upper: int, title: int) -> bool:
    """An upright title starting level with the kicker over its module, or right under it, at the module's side
    (``文明创建进行时`` beside the top of ``日本上半财年…`` read top to bottom): one headline. Near miss: an upright
    title starting higher than the line read before it; another module's title in the title's own type or larger,
    level with it (``相约“5.20”表白、登记迎来小高潮`` left of ``德国多个机场安保人员罢工`` standing upright)."""
    a, b = page.geo[upper], page.geo[title]
    return (a.page == b.page and upright(b) and not upright(a) and b.top >= a.top - Em.EDGE * a.size
            and page.space_above(title, upper) < Em.KICKER_GAP
            and a.size < b.size and not page.same_size(a.size, b.size))


def deck_after_upright(page: BoxPage, title: int, deck: int) -> bool:
    """A deck opening with a dash read right after an upright title (``邮政储蓄银行老区小学献爱心`` read top to bottom
    beside its columns, ``——来自基层的报道`` over the first of them: ``order.upright_titles_first`` reads the title
    first): the title's subtitle, one headline with it. Near miss: a dash line after a title set across."""
    a, b = page.geo[title], page.geo[deck]
    return a.page == b.page and upright(a) and not upright(b) and opens_subtitle(page.lines[deck].text)


def deck_under(page: BoxPage, last: int) -> list[int]:
    """The line right under a headline that opens with a dash and stands apart from the column's edges, set in
    the body's type: the headline's subtitle (``——记者走访见闻`` centred under a title in a bulletin). Near
    misses: a body line that opens with a dash (it starts at the column's edge or its indent) and a dash line
    far below the headline. A title a word processor left at a page's foot has its subtitle at the next page's
    top, past the page's foot; one left at a column's foot, at the next column's top (``习近平致电祝贺穆伊兹当`` /
    ``选马尔代夫总统`` at the left column's foot, ``——来自基层的报道`` over the right column)."""
    i = last + 1
    while i < len(page.lines) and page.lines[i].kind == "furniture" and page.band(i):
        i += 1
    if i >= len(page.lines) or page.lines[i].kind != "text" or page.display(i):
        return []
    text = page.lines[i].text
    a, b = page.geo[last], page.geo[i]
    turned = (b.page == a.page + 1 and i > last + 1) or (  # (only the foot between them)
        b.page == a.page and i == last + 1 and b.top < a.top and b.x0 >= a.x1)  # (up at the next column's top)
    if not opens_subtitle(text, em_dash=True) or ends_sentence(text) or not (turned or stacked(page, last, i)):
        return []
    return [i] if page.centred(i) else []


def stacked(page: BoxPage, upper: int, lower: int) -> bool:
    """Line ``lower`` stands right under line ``upper`` (one headline's kicker and title), not
    in another column beside it (the title of one article, a label over the next column)."""
    a, b = page.geo[upper], page.geo[lower]
    return (a.page == b.page and overlap(a.x0, a.x1, b.x0, b.x1) > 0
            and 0 <= page.space_above(lower, upper) < Em.KICKER_GAP)


def elements(page: BoxPage, run: list[int]) -> list[list[int]]:
    """A headline's elements: its lines parted where the type's size or face changes, where more
    space than between a title's lines parts them (``新闻速递`` over its brief's title), or before a
    line that opens with a dash (a subtitle, ``——来自基层的报道``; OCR's ``一 一``)."""
    out: list[list[int]] = [[run[0]]]
    for p, i in itertools.pairwise(run):
        a, b = page.geo[p], page.geo[i]
        dash = opens_subtitle(page.lines[i].text)  # (an OCR layer's sizes are rough)
        if (page.same_size(a.size, b.size) and a.font == b.font and page.space_above(i, p) < Em.ELEMENT_GAP
                and not dash):
            out[-1].append(i)
        else:
            out.append([i])
    return out


def small_kicker_above(page: BoxPage, first: int) -> list[int]:
    """The lines right above a headline that are its kicker, set apart from the body type, even
    smaller (``共建“一带一路”·权威访`` / ``谈`` in 9.5 pt over a 15 pt title, body 10.5 pt): one to
    three headline-like lines of one size over the title, close above it. Lines in body type are a kicker too
    where they stand alone in their region (the page's head or another region above it), start at the title's left
    edge and end no sentence (held-out seed 37: ``共建“一带一路”·权威访谈`` in 11 pt, the body's size; one wrapped
    after its comma, ``_kicker_region``); near
    misses: an office's name set right above a title (the story before's credit), a story's last line."""
    run: list[int] = []
    k, below = first - 1, first
    while k >= 0 and len(run) < KICKER_LINES and _kicker_line(page, k, below, first):
        run.insert(0, k)
        k, below = k - 1, k
    text = "".join(page.lines[j].text for j in run)
    if run and is_heading_candidate(text) and not closes_more(text) and len(text) <= KICKER_CHARS:
        return run
    label = label_above(page, first)
    return [] if label is None else [label]


def _kicker_line(page: BoxPage, k: int, below: int, title: int) -> bool:
    a, b, t = page.geo[k], page.geo[below], page.geo[title]
    if page.lines[k].kind != "text" or page.display(k) or a.page != t.page:
        return False
    gap = Em.KICKER_GAP if below == title else Em.ELEMENT_GAP
    apart = not page.same_size(a.size, page.body.get(a.page, a.size)) or _kicker_region(page, k, title)
    return (apart and (below == title or page.same_size(
        a.size, b.size)) and overlap(a.x0, a.x1, t.x0, t.x1) > 0 and 0 <= page.space_above(below, k) < gap)


def _kicker_region(page: BoxPage, k: int, title: int) -> bool:
    """Line k, in body type, is of a region of its own right over the title: one to ``KICKER_LINES`` lines that
    end no sentence, the first set at the title's left edge (``夯实社会工作理论基础，`` / ``促进“政校合作”`` in
    the body's 11 pt over a 17 pt title). Near misses: a story's last lines ending on its writer in brackets
    (``…百名学员参加（张三）``), a contact block (``联系人：王华``)."""
    a = page.geo[k]
    top = k
    while (top > 0 and page.lines[top - 1].kind == "text" and page.geo[top - 1].block == a.block
           and page.geo[top - 1].page == a.page):
        top -= 1
    run = range(top, title)
    return (len(run) <= KICKER_LINES and all(page.geo[j].block == a.block for j in run)
            and not any(ends_sentence(page.lines[j].text) or "：" in page.lines[j].text for j in run)
            and not page.lines[title - 1].text.endswith(("）", ")"))
            and abs(page.geo[top].x0 - page.geo[title].x0) <= page.geo[top].size)


def label_above(page: BoxPage, first: int) -> int | None:
    """A section label in body type over a headline: a word of its own (``简讯``, ``【工作动态】``) right
    above the title, set apart from it by more space than parts a title's lines; or left at the previous page's
    foot where the title opens its page (a word processor's bulletin), or a column tag at the foot of the column
    before, left of the title that tops the next (``【经验交流】`` / ``德国多个机场…``). The label's line, or None."""
    k, turned = page.before(first)
    turned = turned and page.band(first - 1) != ""  # (a page's foot only: a label tops its column's title)
    if k is None or page.lines[k].kind != "text" or (page.geo[k].page != page.geo[first].page and not turned):
        return None
    text = page.lines[k].text
    a, t = page.geo[k], page.geo[first]
    beside = a.page == t.page and a.x1 <= t.x0 and a.top > t.bottom and TAG_RE.match(text) is not None
    apart = turned or beside or Em.ELEMENT_GAP <= page.space_above(first, k) < Em.KICKER_GAP
    if (0 < len(HAN_RE.findall(text)) <= LABEL_HAN and len(text) <= LABEL_HAN + 2 and not closes_more(text)
            and is_heading_candidate(text) and apart):
        return k
    return None


def element_roles(page: BoxPage, parts: list[list[int]]) -> list[str]:
    """
    The role of each element: a short first one over others is a section label; the largest
    are the title; smaller ones above it the kicker, below it the subtitle (also one opening
    with a dash); a column tag (``【数字十年】``) over a title is its kicker.
    """
    texts = ["".join(page.lines[i].text for i in part) for part in parts]
    roles = [""] * len(parts)
    first = 0
    if (len(texts[0].replace(" ", "")) <= LABEL_CHARS and not texts[0].startswith(TAG_OPEN)  # (digits count)
            and not CLAUSE_RE.search(texts[0][-1:])  # (``相约“5.20”表白、`` runs on into the title's next line)
            and (len(parts) > 1 or page.framed(parts[0]))):
        roles[0], first = "label", 1
    if first == len(parts):
        return roles
    sizes = [max(page.geo[i].size for i in part) for part in parts]
    top = max(sizes[first:])
    titles = [k for k in range(first, len(parts)) if page.same_size(sizes[k], top)]
    for k in range(first, len(parts)):
        if k < titles[0] or (texts[k].startswith(TAG_OPEN) and k + 1 < len(parts)):
            roles[k] = "kicker"
        elif k > titles[-1] or (k > first and opens_subtitle(texts[k], em_dash=True)):
            roles[k] = "subtitle"
        else:
            roles[k] = "title"
    return roles


# Body line i, with line p the open paragraph's last before it: does a new paragraph start at i?

def after_drop_cap(page: BoxPage, i: int, p: int) -> bool | None:
    """The line before is the paragraph's drop cap: the paragraph goes on beside it."""
    return False if is_drop_cap(page, p) else None


def column_turn(page: BoxPage, i: int, p: int) -> bool | None:
    """The text goes on in another column or on another page: the paragraph goes on with it
    unless it ended short there or the new column starts indented."""
    a, b = page.geo[p], page.geo[i]
    if (a.page, a.block) == (b.page, b.block):
        return None
    return page.short(p) or page.indented(i) or not (page.same_size(a.size, b.size) or _credit_set_small(page, i, p))


def _credit_set_small(page: BoxPage, i: int, p: int) -> bool:
    """Line i is smaller only by the credit that ends the paragraph on it, perhaps wrapping on
    to the next line (``…伙伴关系不`` / ``断取得新进展。（据央视《新闻联`` / ``播》）``): most of its
    characters are the credit's."""
    if page.geo[i].size >= page.geo[p].size:
        return False
    text = page.lines[p].text + page.lines[i].text
    if CREDIT_TAIL_RE.search(text):
        return True
    return i + 1 < len(page.lines) and bool(CREDIT_TAIL_RE.search(text + page.lines[i + 1].text))


def size_changes(page: BoxPage, i: int, p: int) -> bool | None:
    """The type changes size after a sentence's end: a lead paragraph set large ends where the
    body begins (near miss: a line of digits OCR sized apart inside a sentence, ``烧到`` /
    ``39．5℃ 。``)."""
    if (page.same_size(page.geo[p].size, page.geo[i].size) or not ends_sentence(page.lines[p].text)
            or _credit_set_small(page, i, p)):
        return None
    return True


def indented_line(page: BoxPage, i: int, p: int) -> bool | None:
    """The line starts indented from its column's edge: ``　　这场展览以“保护传承…``."""
    return True if page.indented(i) else None


def word_came_down(page: BoxPage, i: int, p: int) -> bool | None:
    """The line before stopped short because what starts this line could not be broken and
    did not fit there: ``…指数同比提升`` / ``26.7%。预计…`` (a number and its closing mark
    go down together) goes on in the same paragraph."""
    head = UNBREAKABLE_HEAD_RE.match(page.lines[i].text)
    if head and line_width(head.group()) > page.room(p) and not ends_sentence(page.lines[p].text):
        return False
    return None


# a number or a Latin word, with the marks that may not start a line after it
UNBREAKABLE_HEAD_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%‰％．·/-]*[。，、；：？！”’）》]*")


def after_short_line(page: BoxPage, i: int, p: int) -> bool | None:
    """The line before stopped short of its column's edge: ``…前来参观。`` ended its paragraph, as does a subhead
    (``一、加强组织领导``) or a list's item (``…；``). A line a typesetter ended a few characters short in the
    middle of its sentence goes on (``昨天（10月19日）晚上，二十大``: its digits counted as whole characters;
    ``协议（2023年-2027`` / ``年）》。``: a character came down with the marks no line may start with)."""
    text = page.lines[p].text
    return True if page.short(p) and (ends_sentence(text, ascii_marks=True) or text[-1:] in "：:；;"
                                      or page.room(p) >= Em.SHORT_MID_SENTENCE) else None


BOX_BREAK = family("box_break", after_drop_cap, column_turn, size_changes, indented_line, word_came_down,
                   after_short_line)


def box_break(page: BoxPage, i: int, p: int) -> tuple[bool, str]:
    """Whether a new paragraph starts at line i after line p, and the rule that said so."""
    verdict, why = decide(BOX_BREAK, page, i, p)
    return bool(verdict), why
