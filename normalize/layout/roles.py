"""Roles of blocks: which headline a heading block belongs to and whether it is its label,
kicker, title or subtitle; running heads repeated across pages; where jump lines point.

These run over the finished blocks of a document (``mark_roles``), so the splitter reads every
one of them from the blocks instead of deciding it again.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ..chardata import DATELINE_RE, JUMP_BACK_RE, JUMP_ON_RE
from ..words import word_runs_on
from .text import (
    LABEL_CHARS,
    TAG_RE,
    ends_sentence,
    is_deck,
    numbered_subhead,
    opens_subtitle,
    runs_into,
    without_subtitle,
)
from .widths import Tol, cut_before_word, line_width

KICKER_LINES = 3  # a kicker line of its own stands over a title of two lines at least
KICKER_SIZE_STEP = 2  # characters a kicker line differs from the title's first line by
RUNNING_HEAD_CHARS = 30  # a running head repeated across pages is this short
SAME_HEAD = 85  # rapidfuzz ratio above which two pages' top (or foot) blocks are one running head
_DIGITS_RE = re.compile(r"[0-9０-９一二三四五六七八九十]+")
_PAGE_RE = re.compile(r"(?:第|转|接)\s*([0-9]+|[一二三四五六七八九十]+)\s*[版页]")
_NUMERALS = {c: k for k, c in enumerate("一二三四五六七八九十", 1)}
_BYLINE_RE = re.compile(r"^(?:本报记者|本报通讯员|特约记者|记者|通讯员|撰稿|文/|文／|图/|摄影)[\s\S]{1,40}$")
_BYLINE_STARTS = frozenset("本特记通撰文图摄")
BYLINE_CHARS = 45


def _wrapped_before_word(lines: list[str]) -> bool:
    """
    A headline's first line ends short because the second opens on a number or Latin word that would not have
    fitted after it within the headline's widest line (``cut_before_word``): the title's own first line, not a
    kicker in another size.

        >>> _wrapped_before_word(["总台2024年", "“3·15”晚会今晚", "播出"])
        True
        >>> _wrapped_before_word(["在希望的田野上", "全国秋粮收获过半"]), _wrapped_before_word(["新年", "“3·15”晚会"])
        (False, False)
    """
    return cut_before_word(lines[0], lines[1], max(map(line_width, lines)))


def _kicker_line(lines: list[str]) -> bool:
    """Three or more headline lines whose first is set in another size (its length far from the second's, or wider
    than the second where that is a full line of the title, which wraps on into a remainder under half as wide) or
    holds a clause (and does not wrap inside a word into the second: "西乡北帝三月三精" / "彩不断！" is one line's,
    nor before a number too wide for it: ``_wrapped_before_word``)."""
    first, second = lines[0], lines[1]
    # (a first line wider than the full line under it, which wraps on into the title's last line, a remainder under
    # half as wide: set a size smaller, as a title's full lines are all about as wide: ``在希望的田野上`` /
    # ``全国秋粮收获`` / ``过半``; not over a sentence's end, ``西乡北帝三月三`` / ``精彩不断！`` / …, nor over a
    # title broken at its phrases, each line a little shorter (``社会工作助力新疆`` / ``民政事业高质量`` /
    # ``发展论坛举办``), nor over a title's last line, a deck under it)
    other_size = abs(len(first) - len(second)) > KICKER_SIZE_STEP or (
        line_width(first) > line_width(second) + Tol.SAME and not ends_sentence(second) and second[-1:] not in "!?"
        and line_width(lines[2]) < line_width(second) / 2 and not opens_subtitle(lines[2])
        and not is_deck(lines[2]))
    return (other_size and not word_runs_on(first, second)
            and not runs_into(first, second) and not _wrapped_before_word(lines)) or (
        "，" in first and not any("，" in x for x in lines[1:]))


def _kicker_wrapped_in_a_word(lines: list[str]) -> bool:
    """
    A kicker wrapped inside a word, its clause mark on its second line, over a title of two or
    more narrower lines (a narrow column: the kicker's comma took a character down with it).

        >>> _kicker_wrapped_in_a_word(["夯实社会工作理论基", "础，促进“政校合作”", "社会工作", "新疆民政", "坛举办"])
        True
        >>> _kicker_wrapped_in_a_word(["社会工作助力新疆", "民政事业，高质量", "发展论坛举办"])
        False
    """
    if len(lines) < 4 or "，" in lines[0] or "，" not in lines[1] or any("，" in x for x in lines[2:]):
        return False
    kicker = min(line_width(lines[0]), line_width(lines[1]))
    return (abs(len(lines[0]) - len(lines[1])) <= KICKER_SIZE_STEP
            and all(line_width(x) < kicker - Tol.SAME for x in lines[2:]))


def _wrapped_kicker_end(lines: list[str]) -> int:
    """How many lines a kicker that wrapped after its comma takes: the next line too where it
    is narrower than the comma's line (the kicker's short last line).

        >>> _wrapped_kicker_end(["夯实社会工作理论基础，", "促进“政校合作”", "社会工作助力", "新疆民政事业", "坛举办"])
        2
        >>> _wrapped_kicker_end(["夯实基础，", "社会工作助力新疆民政事业", "高质量发展", "论坛举办"])
        1
    """
    return 2 if len(lines) >= KICKER_LINES and line_width(lines[1]) < line_width(lines[0]) - Tol.SAME else 1


def headline_roles(elements: list[list[str]], continued: list[bool] | None = None,
                   kickers: frozenset[str] = frozenset()) -> list[list[str]]:
    """
    The role of every line of a headline (kicker, title or subtitle), element by element.

    Elements are the headline's parts as the page sets them apart (by a blank line or a change
    of width). A last element after a dash is the subtitle; of two or more elements the first is
    the kicker; within one element a first line set in another size or ending in a clause, or a
    column tag, is the kicker. ``continued``: elements the splitter joined from pieces (those
    give no kicker by their place alone). ``kickers``: lines that open other headlines of the document
    too (``repeated_kickers``): one over a title is its kicker, whatever their widths.

        >>> headline_roles([["【数字十年】"], ["我国快递业务量连续多年", "稳居世界第一"]])
        [['kicker'], ['title', 'title']]
        >>> headline_roles([["共建“一带一路”", "新疆积极打造", "我国向西开放的桥头堡"]])
        [['title', 'title', 'title']]
        >>> headline_roles([["【数字十年】", "我国快递业务量"], ["——连续多年稳居世界第一"]])
        [['kicker', 'title'], ['subtitle']]
        >>> headline_roles([["共建单位为复评齐献", "力", "——来自基层的报道"]])  # a title's short last line
        [['title', 'title', 'subtitle']]
        >>> headline_roles([["街道社工站", "全国秋粮收获过半", "——一线观察之二"]])
        [['kicker', 'title', 'subtitle']]
        >>> headline_roles([["全国秋粮收获过半", "一一一线观察之二"]])  # OCR's 一一 for the dash
        [['title', 'subtitle']]
        >>> headline_roles([["——一线观察之二", "全国秋粮收获过半"]])  # the deck read first (``_deck_first``)
        [['subtitle', 'title']]
        >>> headline_roles([["总台 2024", "年“3·15”晚会今", "晚播出"]])  # wrapped inside a number: no kicker
        [['title', 'title', 'title']]
        >>> headline_roles([["总台2024年", "“3·15”晚会今晚", "播出"]])  # wrapped before a quoted number: no kicker
        [['title', 'title', 'title']]
        >>> headline_roles([["中国共产党第二十次全国代表大会", "“10·16”开幕会", "直播盛况"]])  # (as wide as the title)
        [['kicker', 'title', 'title']]
        >>> two = [["文明创建进行时", "西部陆海新通道"]]  # (a kicker longer than the title's first line)
        >>> headline_roles(two), headline_roles(two, kickers=frozenset({"文明创建进行时"}))
        ([['title', 'title']], [['kicker', 'title']])
    """
    continued = continued or [False] * len(elements)
    roles = [["title"] * len(e) for e in elements]
    first, last = 0, len(elements)
    if last - first >= 2 and opens_subtitle("".join(elements[-1]), em_dash=True):
        last -= 1
        roles[last] = ["subtitle"] * len(elements[last])
    deck = _deck_first(elements[first:last])
    if deck:  # (a deck read before its title: no kicker, the title under it)
        for e, k in deck:
            roles[e][k] = "subtitle"
        return roles
    if last - first >= 2 and not continued[0]:
        roles[0] = ["kicker"] * len(elements[0])
        first = 1
    where = [(e, k) for e in range(first, last) for k in range(len(elements[e]))]
    lines = [elements[e][k] for e, k in where]
    # (a last line after a dash is the subtitle: the lines above it tell whether a kicker stands
    # first, and of two, a first shorter than the title under it is one: ``街道社工站`` /
    # ``全国秋粮收获过半``, not a title's short last line, ``共建单位为复评齐献`` / ``力``)
    above_dash = without_subtitle(lines) if last == len(elements) else lines
    kicker_first = (len(above_dash) < len(lines) and len(above_dash) == 2
                    and len(above_dash[0]) + KICKER_SIZE_STEP < len(above_dash[1])) or (
        len(lines) == 2 and line_width(lines[0]) + 2 * KICKER_SIZE_STEP < line_width(lines[1])
        and not word_runs_on(lines[0], lines[1]) and not runs_into(lines[0], lines[1])
        and not _wrapped_before_word(lines) and not lines[0].endswith(("：", ":"))) or (
        len(above_dash) >= KICKER_LINES and _kicker_line(above_dash))
    cut = 0
    if first == 0:
        if (not any(continued) and kicker_first) or (
                len(lines) >= 2 and (TAG_RE.match(lines[0]) or lines[0] in kickers)):
            cut = _wrapped_kicker_end(lines) if lines[0].endswith("，") else 1
        elif not any(continued) and _kicker_wrapped_in_a_word(lines):
            cut = 2
    for e, k in where[:cut]:
        roles[e][k] = "kicker"
    if last == len(elements) and len(lines) - cut >= 2 and opens_subtitle(lines[-1]):
        e, k = where[-1]
        roles[e][k] = "subtitle"
    return roles


def _deck_first(elements: list[list[str]]) -> list[tuple[int, int]]:
    """The first line of a headline when it is a deck, opening on a real dash (``——``, not OCR's ``一一``, which
    begins words: ``一一对应``), over a title and no other deck (a typesetter that stores each headline after its
    body, or sets its title upright beside the columns, gives the deck first: ``——一线观察之二`` /
    ``全国秋粮收获过半``); its place (element, line), or nothing. Near misses: a title opening on 一一, a headline
    with a deck at each end (the last one is its subtitle).

        >>> deck, title = "——一线观察之二", "全国秋粮收获过半"
        >>> _deck_first([[deck, title]]), _deck_first([[deck], [title]])
        ([(0, 0)], [(0, 0)])
        >>> _deck_first([["全国秋粮收获过半", "——一线观察之二"]]), _deck_first([["——一线观察之二"]])
        ([], [])
        >>> _deck_first([["一一对应结对帮扶", "助力乡村全面振兴"]]), _deck_first([[deck, title, "——来自基层的报道"]])
        ([], [])
    """
    lines = [elements[e][k] for e in range(len(elements)) for k in range(len(elements[e]))]
    if len(lines) < 2 or not is_deck(lines[0]) or any(map(opens_subtitle, lines[1:])):
        return []
    return [(0, 0)]


def jump_page(text: str) -> int | None:
    """
    The page a jump line points to.

        >>> jump_page("（下转第4版）"), jump_page("（上接第十二版）"), jump_page("（下转4页）"), jump_page("（下转）")
        (4, 12, 4, None)
    """
    m = _PAGE_RE.search(text)
    if not m:
        return None
    digits = m.group(1)
    if digits.isdigit():
        return int(digits)
    tens, _, ones = digits.rpartition("十")
    if "十" not in digits:
        return _NUMERALS.get(digits)
    return (_NUMERALS.get(tens, 1) * 10) + _NUMERALS.get(ones, 0)


def jump_role(text: str) -> str:
    """``jump_on`` for a line sending the reader on (下转), ``jump_back`` for one naming where an
    article began (上接), ``jump`` for neither."""
    if JUMP_ON_RE.search(text):
        return "jump_on"
    return "jump_back" if JUMP_BACK_RE.search(text) else "jump"


def repeated_heads(blocks: list[dict]) -> set[int]:
    """Short blocks at page edges printed on two or more pages: running heads and feet.

    Fuzzy (rapidfuzz), digits aside, since the date and page number change from page to page. Near misses: a
    section tag in brackets heading the title under it (``【经验交流】`` over each of a bulletin's stories in
    that section) is the title's kicker wherever it stands; a numbered subhead (``二、加强组织领导``, the
    outline of GB/T 9704 that a bulletin's stories share) opening two pages is each story's own.
    """
    pages: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        pages.setdefault(int(b.get("page", 1)), []).append(i)
    if len(pages) < 2:
        return set()
    from rapidfuzz import fuzz

    out: set[int] = set()
    for edge in (0, -1):  # the first block of each page with the others' first, the last with the last
        heads = [(i, _DIGITS_RE.sub("#", re.sub(r"\s+", "", blocks[i]["text"])))
                 for i in (idxs[edge] for idxs in pages.values())
                 if blocks[i]["kind"] in ("heading", "paragraph") and len(blocks[i]["text"]) <= RUNNING_HEAD_CHARS
                 and not _tag_over_title(blocks, i) and not numbered_subhead(blocks[i]["text"])]
        for (a, ta), (b, tb) in itertools.combinations(heads, 2):
            if fuzz.ratio(ta, tb) >= SAME_HEAD:
                out |= {a, b}
    return out


def _tag_over_title(blocks: list[dict], i: int) -> bool:
    """Block i is a bracketed section tag right over a title of its headline."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return (blocks[i]["kind"] == "heading" and bool(TAG_RE.match(blocks[i]["text"].strip())) and nxt is not None
            and nxt["kind"] == "heading" and nxt.get("headline") == blocks[i].get("headline"))


def is_label(block: dict, nxt: dict | None) -> bool:
    """A short heading standing before another heading: a section label such as 简讯 or 动态, a word
    of a few Han characters (near miss: ``总台2024年``, a title's first line, digits and all)."""
    text = "".join(block["text"].split())
    return (
        nxt is not None
        and nxt["kind"] == "heading"
        and len(text) <= LABEL_CHARS
        and not TAG_RE.match(text)
    )


def starts_new_headline(prev: dict, block: dict, *, alone: bool = True) -> bool:
    """Heading blocks parted by a line (a blank) are separate headlines, but a subtitle after a
    dash goes on the headline above it across OCR's blank (``陕北到安徽特高压直流输电工程`` /
    ``开工`` / blank / ``一一记者走访见闻``); a width cut is a kicker.

    A block that starts above the one before comes from another column that OCR printed side by
    side (the reading went back up the page): another headline too. (Pieces of one line cut at
    an inline break share its number: those are not.) A column tag at a page's foot heads the title
    the next page starts with (``【基层动态】`` / ``— 2 —`` / ``习近平致电…``). ``alone``: ``prev`` is its
    headline's only block so far (the one a kicker can be, ``over_display_title``).
    """
    first, last = prev["lines"]
    if int(block["lines"][0]) < int(first):
        return True
    if block.get("gap") == "page" and TAG_RE.match(prev["text"]):
        return False  # a column tag left at a page's foot, over the title the next page starts with
    gap = int(block["lines"][0]) - int(last)
    return gap > 1 and not (gap == 2 and (opens_subtitle(block["text"]) or (alone and over_display_title(prev, block))))


def over_display_title(prev: dict, block: dict) -> bool:
    """On an OCR page, a heading in body type right over one in display type (``kinds.display_type``), OCR's blank
    line between, is that title's kicker: ``在希望的田野上`` / blank / ``秋粮收获过半`` (40 px and 83 px over a 37 px
    body). Near misses: two headings in one type, the blank parting two headlines; a display title under a headline
    of two blocks already (a title and its deck: the next story's title)."""
    upper, lower = prev.get("_src") or [], block.get("_src") or []
    return bool(lower) and all(ln.display for ln in lower) and not any(ln.display for ln in upper)


def is_byline(text: str) -> bool:
    """
    A reporter's line standing alone ("本报记者 张三"), not a sentence that starts with 记者.

        >>> is_byline("本报记者 张三"), is_byline("记者从国家邮政局获悉，今年快递增长。")
        (True, False)
    """
    return (len(text) <= BYLINE_CHARS and text[:1] in _BYLINE_STARTS and bool(_BYLINE_RE.match(text))
            and not ends_sentence(text))


def _group_headlines(blocks: list[dict]) -> list[list[int]]:
    """The heading blocks of each headline, in order; a section label standing first before
    another heading gets its role instead. Headlines part where a line lies between their
    blocks, and at every paragraph or credit."""
    groups: list[list[int]] = []
    pending = False
    for i, b in enumerate(blocks):
        kind = b["kind"]
        if kind in ("paragraph", "credit"):
            pending = False
        if kind != "heading" or b.get("role") == "label":
            continue
        if not pending and is_label(b, blocks[i + 1] if i + 1 < len(blocks) else None):
            b["role"], b["why"] = "label", "label_over_heading"
            continue
        if pending and not starts_new_headline(blocks[groups[-1][-1]], b, alone=len(groups[-1]) == 1):
            groups[-1].append(i)
        else:
            groups.append([i])
        pending = True
    return groups


def _by_role(block: dict, roles: list[str]) -> list[dict]:
    """A heading block cut where the role of its lines changes (a kicker line over title lines)."""
    out: list[dict] = []
    src = block["_src"]
    for k, (role, run) in enumerate(itertools.groupby(range(len(roles)), key=roles.__getitem__)):
        idx = list(run)
        part = {**block, "text": "".join(block["parts"][j] for j in idx), "parts": [block["parts"][j] for j in idx],
                "lines": [src[idx[0]].n, src[idx[-1]].end], "_src": [src[j] for j in idx], "role": role}
        if k:
            part["why"] = f"{role}_line"
        out.append(part)
    return out


def repeated_kickers(headlines: list[list[list[str]]]) -> frozenset[str]:
    """The lines that open two or more different headlines of a document, one of them of two lines or more, not
    over a subtitle: a campaign's or a section's name set over each of its stories' titles (``文明创建进行时`` /
    ``科普宣传上街``, and again over ``西部陆海新通道…``, or alone where the text rules left its title in the
    running text), their kicker, though the text keeps no type sizes to tell it by. Near misses: a line opening
    one headline only; a title printed again where its story goes on (the same lines twice); a title alone and
    again over its subtitle.

        >>> sorted(repeated_kickers([[["文明创建进行时"], ["科普宣传上街"]], [["文明创建进行时", "西部陆海新通道"]],
        ...                          [["全国秋粮收获过半"], ["一线观察"]]]))
        ['文明创建进行时']
        >>> sorted(repeated_kickers([[["文明创建进行时"]], [["文明创建进行时", "陕北到安徽特高", "压直流输电工程"]]]))
        ['文明创建进行时']
        >>> title = [["习近平致电祝贺", "穆伊兹当选马尔代夫总统"]]
        >>> repeated_kickers([title, title])
        frozenset()
        >>> repeated_kickers([[["社会工作论坛举办"]], [["社会工作论坛举办", "——一线观察"]]])
        frozenset()
    """
    distinct = {tuple(line for e in elements for line in e) for elements in headlines}
    firsts = Counter(lines[0] for lines in distinct if lines)
    over = {lines[0] for lines in distinct if len(lines) >= 2 and not opens_subtitle(lines[1])}
    return frozenset(line for line, n in firsts.items() if n >= 2 and line in over)


def mark_roles(blocks: list[dict], *, grouped: bool = False) -> list[dict]:
    """Give the blocks of a document their roles (see the module's docstring); heading blocks
    whose lines have two roles are cut in two. ``grouped``: the headlines have their numbers
    and roles already (from their type sizes)."""
    for i in repeated_heads(blocks):
        blocks[i].update(kind="furniture", role="running_head", why="repeated_across_pages")
    out: list[dict] = []
    groups = [] if grouped else _group_headlines(blocks)
    kickers = repeated_kickers([[blocks[i]["parts"] for i in group] for group in groups
                                if not any(blocks[i].get("role") == "repeated" for i in group)])
    roles_of: dict[int, tuple[int, list[str]]] = {}
    for number, group in enumerate(groups, 1):
        roles = headline_roles([blocks[i]["parts"] for i in group], kickers=kickers)
        for i, r in zip(group, roles):
            roles_of[i] = (number, r)
    for i, b in enumerate(blocks):
        if i in roles_of:
            number, roles = roles_of[i]
            repeated = b.get("role") == "repeated"
            for part in _by_role({**b, "headline": number}, roles):
                if repeated:
                    part["role"] = "repeated"
                out.append(part)
            continue
        if b["kind"] == "furniture" and "role" not in b:
            b["role"] = "running_head"
        elif b["kind"] == "paragraph" and is_byline(b["text"]):
            b["role"] = "byline"
        elif b["kind"] == "paragraph" and DATELINE_RE.match(b["text"]):
            b["role"] = "dateline"
        out.append(b)
    return tags_to_kickers(out)


def tags_to_kickers(blocks: list[dict]) -> list[dict]:
    """A column's tag that the page set apart from its headline (``section_tags``: ``【生活智慧】``
    among the lines of the story before) is the next headline's kicker: its block moves to just
    before that headline's first block. A tag with no headline after it stays a label."""
    out = list(blocks)
    i = 0
    while i < len(out):
        tag = out[i]
        if tag.get("why") != "section_tag":
            i += 1
            continue
        while i + 1 < len(out) and out[i + 1].get("why") == "section_tag":  # a tag on two lines: 【 / 生活智慧】
            nxt = out.pop(i + 1)
            tag = out[i] = {**tag, "text": tag["text"] + nxt["text"], "lines": [tag["lines"][0], nxt["lines"][1]]}
        at = next((j for j in range(i + 1, len(out)) if out[j]["kind"] == "heading" and "headline" in out[j]), None)
        if at is None:
            i += 1
            continue
        out.pop(i)
        out.insert(at - 1, {**tag, "role": "kicker", "headline": out[at - 1]["headline"], "parts": [tag["text"]]})
        if at - 1 == i:  # (else a block moved up into place i: it is looked at next)
            i += 1
    return out
