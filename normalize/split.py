"""Article splitter: a page's blocks in, its articles out, each with title, kicker, credit and provenance.

Headlines are set away from their bodies, a lead can be printed after its article's credit,
and a page carries furniture that belongs to no article. The splitter cuts the block sequence
into bodies (a credit ends one), gives each body its headline, matching clustered headlines to
bodies by the words they share, and keeps everything it removes on the document's ``removed`` list.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .chardata import CONTINUED_RE, HAN_RE, JUMP_BACK_RE, JUMP_ON_RE, SENTENCE_END_RE
from .layout.widths import line_width
from .matching import assign
from .words import word_runs_on

_SPACE_IN_TITLE_RE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")
_BRACKETS_RE = re.compile(r"^\s*[（(〈\[【]\s*|\s*[）)〉\]】]\s*$")
_BYLINE_RE = re.compile(r"^(?:本报记者|本报通讯员|特约记者|记者|通讯员|撰稿|文/|文／|图/|摄影)[\s\S]{1,40}$")
_BYLINE_STARTS = frozenset("本特记通撰文图摄")
_TAG_RE = re.compile(r"^【[^】]{1,12}】$")
_LEAD_RE = re.compile(r"^(?:日前|近日|近期|本报讯|【[^】]+】|[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]+日)")
_DIGITS_RE = re.compile(r"[0-9０-９一二三四五六七八九十]+")
LABEL_MAX = 4  # a heading this short standing before another is a section label ("动态", "简讯")
MIN_ORPHAN = 15  # a stray paragraph shorter than this, with no headline or credit, is noise
MIN_HEADLINE_MATCH = 0.35  # below this a clustered headline piece is a continuation, not a headline


@dataclass
class Headline:
    """One headline: its heading blocks (kicker, title lines, subtitle)."""

    blocks: list[dict]

    @property
    def line(self) -> int:
        return int(self.blocks[0]["lines"][0])

    @property
    def text(self) -> str:
        return "".join(b["text"] for b in self.blocks)

    def parts(self) -> tuple[str | None, str, str | None]:
        """(kicker, title, subtitle) of this headline."""
        kicker = subtitle = None
        blocks = list(self.blocks)
        if len(blocks) >= 2 and blocks[-1]["text"].startswith(("——", "—")):
            subtitle = blocks.pop()["text"]
        if len(blocks) >= 2 and not blocks[0].get("continued"):
            # dehyphenate cut a separate block off above the title: a kicker or column tag
            kicker = blocks.pop(0)["text"]
        pieces = [piece for b in blocks for piece in (b.get("pieces") or [_piece(b)])]
        if kicker is None and any(b.get("continued") for b in blocks) and _broken_kicker(pieces):
            # OCR broke the kicker into pieces above a title set whole in lines of its own
            kicker = "".join(p for piece in pieces[:-1] for p in piece)
            blocks = [{**blocks[-1], "parts": pieces[-1], "continued": False}]
        lines = [p for b in blocks for p in (b.get("parts") or [b["text"]])]
        continued = any(b.get("continued") for b in blocks)
        if kicker is None and (
            (not continued and len(lines) >= 3 and _kicker_line(lines)) or (len(lines) >= 2 and _TAG_RE.match(lines[0]))
        ):
            cut = _wrapped_kicker_end(lines) if lines[0].endswith("，") else 1
            kicker, lines = "".join(lines[:cut]), lines[cut:]
        elif kicker is None and not continued and _kicker_wrapped_in_a_word(lines):
            kicker, lines = "".join(lines[:2]), lines[2:]
        if subtitle is None and len(lines) >= 2 and lines[-1].startswith("——"):
            subtitle, lines = lines[-1], lines[:-1]
        return (_clean_title(kicker), _clean_title("".join(lines)) or "", _clean_title(subtitle))


def _kicker_line(lines: list[str]) -> bool:
    """Three or more headline lines whose first is set in another size or holds a clause (and
    does not wrap inside a word into the second: "西乡北帝三月三精" / "彩不断！" is one line's)."""
    first, second = lines[0], lines[1]
    return (abs(len(first) - len(second)) > 2 and not word_runs_on(first, second)) or (
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
    return abs(len(lines[0]) - len(lines[1])) <= 2 and all(line_width(x) < kicker - 0.5 for x in lines[2:])


def _wrapped_kicker_end(lines: list[str]) -> int:
    """How many lines a kicker that wrapped after its comma takes: the next line too where it
    is narrower than the comma's line (the kicker's short last line), as dehyphenate reads it.

        >>> _wrapped_kicker_end(["夯实社会工作理论基础，", "促进“政校合作”", "社会工作助力", "新疆民政事业", "坛举办"])
        2
        >>> _wrapped_kicker_end(["夯实基础，", "社会工作助力新疆民政事业", "高质量发展", "论坛举办"])
        1
    """
    return 2 if len(lines) >= 3 and line_width(lines[1]) < line_width(lines[0]) - 0.5 else 1


def _clean_title(text: str | None) -> str | None:
    """Headline parts joined without the visual gaps between words (Latin words keep theirs)."""
    if text is None:
        return None
    return _SPACE_IN_TITLE_RE.sub("", text.replace("\n", "")).strip() or None


@dataclass
class Body:
    """Running text between two article boundaries."""

    paragraphs: list[dict] = field(default_factory=list)
    credit: dict | None = None
    bylines: list[dict] = field(default_factory=list)  # "本报记者 张三" blocks
    headline: Headline | None = None
    continues: bool = False  # continued from another page ("上接第N版")

    @property
    def line(self) -> int:
        if self.paragraphs:
            return int(self.paragraphs[0]["lines"][0])
        return int(self.credit["lines"][0]) if self.credit else 0

    @property
    def text(self) -> str:
        return "".join(p["text"] for p in self.paragraphs)


def credit_text(text: str) -> str:
    """
    A credit as printed without its outer brackets.

        >>> credit_text("（据新疆民政）"), credit_text("(来源：央视网)")
        ('据新疆民政', '来源：央视网')
    """
    return _BRACKETS_RE.sub("", text).strip()


def _is_label(block: dict, nxt: dict | None) -> bool:
    """A short heading standing before another heading: a section label such as 简讯 or 动态."""
    return (
        nxt is not None
        and nxt["kind"] == "heading"
        and len(HAN_RE.findall(block["text"])) <= LABEL_MAX
        and not _TAG_RE.match(block["text"])
    )


SAME_HEAD = 85  # rapidfuzz ratio above which two pages' top (or foot) blocks are one running head


def _repeated_furniture(blocks: list[dict]) -> set[int]:
    """Short blocks at page edges printed on two or more pages: running heads and feet.

    Fuzzy (rapidfuzz), digits aside, since the date and page number change from page to page.
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
                 if blocks[i]["kind"] in ("heading", "paragraph") and len(blocks[i]["text"]) <= 30]
        for (a, ta), (b, tb) in itertools.combinations(heads, 2):
            if fuzz.ratio(ta, tb) >= SAME_HEAD:
                out |= {a, b}
    return out


def _segment(blocks: list[dict], removed: list[dict]) -> tuple[list[Body], list[list[Headline]]]:
    """Cut blocks into bodies; headline groups directly before a body become its candidates."""
    bodies: list[Body] = []
    groups: list[list[Headline]] = []  # pending headlines before the next body, per body index
    pending: list[Headline] = []
    cur: Body | None = None
    repeated = _repeated_furniture(blocks)
    jump_target: Body | None = None
    for i, b in enumerate(blocks):
        kind = b["kind"]
        if i in repeated or kind in ("furniture", "noise"):
            removed.append(_removed(b, "furniture" if i in repeated else kind))
            if kind == "furniture" and b.get("role") == "jump":
                if JUMP_ON_RE.search(b["text"]) and cur is not None:
                    jump_target, cur = cur, None
                elif JUMP_BACK_RE.search(b["text"]) and jump_target is not None:
                    cur, jump_target = jump_target, None
                    cur.continues = True
                    # the title repeated above "（上接第1版）" heads no body of its own
                    titles = "".join(h.text for h in groups[bodies.index(cur)])
                    repeated = [h for h in pending if _repeats(h, titles)]
                    removed.extend(_removed(x, "furniture") for h in repeated for x in h.blocks)
                    pending = [h for h in pending if h not in repeated]
            continue
        rejoin = cur is not None and cur.continues and cur.paragraphs and cur.paragraphs[-1].get("open")
        if rejoin and kind == "paragraph":
            # "…136家规" (下转) … (上接) "模化肉牛…": the two halves are one paragraph
            last = cur.paragraphs[-1]
            cur.paragraphs[-1] = {**last, "text": last["text"] + b["text"], "lines": [last["lines"][0], b["lines"][1]],
                                  "open": b.get("open", False)}
            continue
        if kind == "heading":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if _is_label(b, nxt) and not pending:
                removed.append(_removed(b, "label"))
                continue
            if cur is not None and (cur.paragraphs or cur.credit):
                cur = None
            if pending and not _starts_new_headline(pending[-1], b):
                pending[-1].blocks.append(b)
            else:
                pending.append(Headline([b]))
            continue
        if cur is None:
            cur = Body()
            bodies.append(cur)
            groups.append(pending)
            pending = []
        if kind == "credit":
            cur.credit = b
            cur = None
        elif kind == "paragraph" and _is_byline(b["text"]):
            cur.bylines.append(b)
        else:
            cur.paragraphs.append(b)
    if pending:
        groups.append(pending)
        bodies.append(Body())
    return bodies, groups


def _repeats(headline: Headline, titles: str) -> bool:
    """A headline dehyphenate marked as a title printed again above "（上接…）" that is (a piece
    of) the continued article's own headline; with no headline known for it, any so marked."""
    if not all(b.get("role") == "repeated" for b in headline.blocks):
        return False
    text = CONTINUED_RE.sub("", re.sub(r"\s", "", headline.text))
    if not titles or not text:
        return True
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(text, titles) >= SAME_HEAD


def _is_byline(text: str) -> bool:
    """
    A reporter's line standing alone ("本报记者 张三"), not a sentence that starts with 记者.

        >>> _is_byline("本报记者 张三"), _is_byline("记者从国家邮政局获悉，今年快递增长。")
        (True, False)
    """
    return (len(text) <= 45 and text[:1] in _BYLINE_STARTS and bool(_BYLINE_RE.match(text))
            and not SENTENCE_END_RE.search(text))


def _starts_new_headline(prev: Headline, block: dict) -> bool:
    """Heading blocks parted by a blank line are separate headlines; a width cut is a kicker.

    A block that starts above the one before comes from another column that OCR printed side by
    side (the reading went back up the page): another headline too. (Pieces of one line cut at
    an inline break share its number: those are not.)
    """
    first, last = prev.blocks[-1]["lines"]
    return int(block["lines"][0]) > int(last) + 1 or int(block["lines"][0]) < int(first)


def _removed(block: dict, why: str) -> dict:
    return {"kind": why, "text": block["text"], "lines": list(block["lines"]), "page": block.get("page", 1)}


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """Content words of a headline (jieba, loaded on first use: only clustered headlines need it)."""
    from .segment import Segmenter

    return tuple(w for w in Segmenter(keep_punct=False).segment_text(text) if len(w) >= 2 and HAN_RE.search(w))


def similarity(headline: str, body: str) -> float:
    """
    How well a headline announces a body: its words found in the body, weighted by length,
    with rapidfuzz's partial ratio against the body's opening as a tie-breaker.

        >>> title = "社会工作论坛举办"
        >>> similarity(title, "社会工作论坛近日在乌鲁木齐举办。") > similarity(title, "爱心行动项目签约。")
        True
    """
    from rapidfuzz import fuzz

    words = _words(headline)
    total = sum(len(w) for w in words) or 1
    hit = sum(len(w) for w in words if w in body)
    return hit / total + 0.2 * fuzz.partial_ratio(headline, body[:300]) / 100


def _is_fragment(body: Body) -> bool:
    """A headline-less piece without its own credit: a lead printed apart, or a stray paragraph."""
    return body.credit is None and len(body.paragraphs) <= 2


def _attach_headlines(bodies: list[Body], groups: list[list[Headline]]) -> list[Headline]:
    """Give each body a headline; clustered headlines go to bodies by the words they share.

    A cluster holding more headline pieces than there are bodies to name is one headline
    broken by blank lines (OCR does that): pieces left over join the headline they follow.
    """
    clusters: list[tuple[int | None, list[Headline]]] = []  # (index of the body below, pieces)
    for k, group in enumerate(groups):
        if k < len(bodies) and len(group) == 1:
            bodies[k].headline = group[0]
        elif len(group) > 1:
            clusters.append((k if k < len(bodies) else None, group))
    pieces = [h for _, group in clusters for h in group]
    if not pieces:
        return []
    candidates = [i for i, b in enumerate(bodies) if b.headline is None and (b.paragraphs and not _is_fragment(b))]
    scores = [[similarity(h.text, bodies[j].text) for j in candidates] for h in pieces]
    assigned: dict[int, int] = {}
    for hi, cj in assign(scores) if candidates else []:
        if scores[hi][cj] >= MIN_HEADLINE_MATCH:
            assigned[id(pieces[hi])] = candidates[cj]
    unmatched: list[Headline] = []
    for below, group in clusters:
        if not any(id(h) in assigned for h in group):
            if below is None or bodies[below].headline is not None or below in assigned.values():
                unmatched.extend(group)
                continue
            assigned[id(group[0])] = below  # nothing names another body: it is the one below
        owner: Headline | None = None
        before: list[Headline] = []
        for h in group:
            if id(h) in assigned:
                # pieces above the first matched one are the start of its headline
                h.blocks[:0] = [_continued(b) for p in before for b in p.blocks]
                before, owner = [], h
                bodies[assigned[id(h)]].headline = h
            elif owner is not None:
                owner.blocks[-1] = _joined(owner.blocks[-1], h.blocks)
            else:
                before.append(h)
        unmatched.extend(before)
    return unmatched


def _continued(block: dict) -> dict:
    return {**block, "continued": True}


def _joined(last: dict, blocks: list[dict]) -> dict:
    """A headline block with the blocks of its continuation appended as further lines.

    `pieces` keeps each joined block's lines apart, for `_broken_kicker`.
    """
    pieces = list(last.get("pieces") or [_piece(last)])
    pieces += [_piece(b) for b in blocks]
    parts = [p for piece in pieces for p in piece]
    return {**last, "text": "".join(parts), "parts": parts, "pieces": pieces,
            "lines": [last["lines"][0], blocks[-1]["lines"][1]], "continued": True}


def _piece(block: dict) -> list[str]:
    return list(block.get("parts") or [block["text"]])


def _broken_kicker(pieces: list[list[str]]) -> bool:
    """Single lines parted by blank lines above a headline of two or more lines set together.

        >>> _broken_kicker([["共建“一带一路”“权威访"], ["谈"], ["新疆积极打造", "我国向西开放", "的桥头堡"]])
        True
        >>> _broken_kicker([["二十大新闻"], ["中心举行第四场集体采访"]])
        False
    """
    return len(pieces) >= 2 and len(pieces[-1]) >= 2 and all(len(p) == 1 for p in pieces[:-1])


def _attach_fragments(bodies: list[Body]) -> list[Body]:
    """Fold headline-less fragments into the article they belong to; a lead goes first."""
    articles = [b for b in bodies if b.headline is not None or not _is_fragment(b)]
    for frag in [b for b in bodies if b.headline is None and _is_fragment(b)]:
        text = frag.text
        if not articles or not frag.paragraphs:  # (a lone byline: split_document records it)
            articles.append(frag)
            continue
        best = max(articles, key=lambda a: similarity(a.headline.text if a.headline else "", text)
                   + _shared(a.text, text))
        best.bylines[:0] = frag.bylines
        if best.paragraphs and best.paragraphs[-1].get("open") and not _LEAD_RE.search(text):
            # the article's last paragraph broke off at a headline cluster: this is its rest
            last = best.paragraphs[-1]
            best.paragraphs[-1] = {**last, "text": last["text"] + frag.paragraphs[0]["text"],
                                   "lines": [last["lines"][0], frag.paragraphs[0]["lines"][1]], "open": False}
            best.paragraphs.extend(frag.paragraphs[1:])
        else:
            # a paragraph printed apart from its article (above the headline, or after the
            # credit in a wide column) is the lead
            best.paragraphs[:0] = frag.paragraphs
    return articles


def _shared(a: str, b: str) -> float:
    """Share of b's character bigrams found in a."""
    grams = {b[i : i + 2] for i in range(len(b) - 1)}
    return sum(1 for g in grams if g in a) / (len(grams) or 1)


def split_document(record: dict) -> tuple[list[dict], list[dict]]:
    """One document record with blocks to its article records and its removed blocks."""
    blocks = [b for b in record.get("blocks") or [] if isinstance(b, dict) and b.get("text")]
    removed: list[dict] = []
    bodies, groups = _segment(blocks, removed)
    for leftover in _attach_headlines(bodies, groups):
        removed.append({"kind": "unmatched_heading", "text": leftover.text, "lines": list(leftover.blocks[0]["lines"]),
                        "page": leftover.blocks[0].get("page", 1)})
    articles = _attach_fragments(bodies)
    out: list[dict] = []
    articles.sort(key=lambda a: a.headline.line if a.headline else a.line)
    doc = str(record.get("id", ""))
    for body in articles:
        # nothing to print (a lone credit or byline), or a stray piece too short to be an article
        if body.headline is None and (not body.paragraphs or (body.credit is None and len(body.text) < MIN_ORPHAN)):
            if body.credit:
                removed.append(_removed(body.credit, "credit"))
            removed.extend(_removed(p, "noise") for p in body.paragraphs)
            removed.extend(_removed(b, "byline") for b in body.bylines)
            continue
        kicker, title, subtitle = body.headline.parts() if body.headline else (None, None, None)
        paragraphs = [p["text"] for p in body.paragraphs]
        parts = [body.headline.blocks if body.headline else [], body.paragraphs, [body.credit] if body.credit else []]
        pages = sorted({int(b.get("page", 1)) for group in parts for b in group})
        article = {
            "id": f"{doc}#{len(out) + 1}",
            "doc": doc,
            "title": title,
            "kicker": kicker,
            "subtitle": subtitle,
            "byline": " ".join(b["text"] for b in body.bylines) or None,
            "credit": credit_text(body.credit["text"]) if body.credit else None,
            "paragraphs": paragraphs,
            "text": "\n".join([t for t in [title] if t] + paragraphs),
            "lines": [list(p["lines"]) for p in body.paragraphs],
            "pages": pages,
            "steps": [*record.get("steps", []), "split"],
        }
        out.append(article)
    return out, removed


def split_articles(records: Iterable[dict], *, furniture: list[dict] | None = None) -> Iterator[dict]:
    """
    Stage: each document record with blocks becomes one record per article.

    What was removed (furniture, labels, noise) goes on the first article's ``removed`` list, or
    to ``furniture`` (one ``{"doc", "removed"}`` entry per document) when a list is given.
    """
    for record in records:
        if "blocks" not in record:
            from .layout import build_blocks

            record = {**record, "blocks": build_blocks(str(record.get("text", "")))}
        articles, removed = split_document(record)
        if furniture is not None:
            furniture.append({"doc": record.get("id"), "removed": removed})
        elif articles:
            articles[0]["removed"] = removed
        yield from articles
