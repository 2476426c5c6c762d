"""Article splitter: a page's blocks in, its articles out, each with title, kicker, credit and provenance.

Headlines are set away from their bodies, a lead can be printed after its article's credit,
and a page carries furniture that belongs to no article. The splitter cuts the block sequence
into bodies (a credit ends one), gives each body its headline, matching clustered headlines to
bodies by the words they share, and keeps everything it removes on the document's ``removed`` list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .chardata import CONTINUED_RE, HAN_RE
from .errors import NormalizeError
from .layout.roles import SAME_HEAD, TAG_RE
from .matching import assign
from .records import text_problem

_SPACE_IN_TITLE_RE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")
_BRACKETS_RE = re.compile(r"^\s*[（(〈\[【]\s*|\s*[）)〉\]】]\s*$")
_LEAD_RE = re.compile(r"^(?:日前|近日|近期|本报讯|【[^】]+】|[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]+日)")
NO_BLOCKS = "record has no blocks; split reads what the layout stage decided: zhnorm dehyphenate first"
MIN_ORPHAN = 15  # a stray paragraph shorter than this, with no headline or credit, is noise
MIN_HEADLINE_MATCH = 0.35  # below this a clustered headline piece is a continuation, not a headline



def blocks_problem(obj: object) -> str | None:
    """Why ``obj`` is no record ``split`` can read (it needs the layout stage's blocks), or None.

    >>> blocks_problem({"text": "好"})
    'record has no blocks; split reads what the layout stage decided: zhnorm dehyphenate first'
    >>> blocks_problem({"text": "好", "blocks": []}) is None
    True
    """
    why = text_problem(obj)
    if why is None and not isinstance(obj.get("blocks"), list):  # type: ignore[union-attr]
        return NO_BLOCKS
    return why

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
        """(kicker, title, subtitle) of this headline, as the layout stage gave its blocks roles.

        A headline joined here from pieces that OCR set apart takes the pieces' roles, except
        that single lines parted by blank lines above a title of two or more lines set together
        are the kicker OCR broke into pieces.
        """
        blocks = list(self.blocks)
        pieces = [piece for b in blocks for piece in (b.get("pieces") or [_piece(b)])]
        tag = len(pieces) > 1 and bool(TAG_RE.match("".join(pieces[0])))
        if any(b.get("continued") for b in blocks) and (tag or _broken_kicker(pieces)):
            # a column tag set apart, or a kicker OCR broke into pieces, over the title
            cut = 1 if tag else len(pieces) - 1
            kicker = "".join(p for piece in pieces[:cut] for p in piece)
            return _kicker(kicker), _clean_title("".join(p for piece in pieces[cut:] for p in piece)) or "", None
        text = {role: "".join(b["text"] for b in blocks if _role(b) == role) or None
                for role in ("kicker", "title", "subtitle")}
        return _kicker(text["kicker"]), _clean_title(text["title"]) or "", _clean_title(text["subtitle"])


def _kicker(text: str | None) -> str | None:
    """
    A kicker as printed, but a column tag loses its lenticular brackets, as a credit its
    parentheses: the tag's words are the kicker.

        >>> _kicker("【生活智慧】"), _kicker("在希望的田野上"), _kicker(None)
        ('生活智慧', '在希望的田野上', None)
    """
    text = _clean_title(text)
    return text[1:-1] if text and TAG_RE.match(text) else text


def _role(block: dict) -> str:
    """A heading block's headline role: kicker, subtitle, or title (also a repeated title's)."""
    role = block.get("role")
    return role if role in ("kicker", "subtitle") else "title"


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
    brief: bool = False  # under a section label ("简讯"): an item of its own, no lead printed apart

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


def _segment(blocks: list[dict], removed: list[dict]) -> tuple[list[Body], list[list[Headline]]]:
    """Cut blocks into bodies; headline groups directly before a body become its candidates."""
    cut = _Cutter(removed)
    for b in blocks:
        if b["kind"] in ("furniture", "noise"):
            cut.furniture(b)
        elif cut.rejoins(b):
            continue
        elif b["kind"] == "heading":
            cut.heading(b)
        else:
            cut.body_block(b)
    if cut.pending:
        cut.groups.append(cut.pending)
        cut.bodies.append(Body())
    return cut.bodies, cut.groups


class _Cutter:
    """The state of ``_segment`` as it walks a document's blocks."""

    def __init__(self, removed: list[dict]) -> None:
        self.removed = removed
        self.bodies: list[Body] = []
        self.groups: list[list[Headline]] = []  # pending headlines before the next body, per body index
        self.pending: list[Headline] = []
        self.cur: Body | None = None
        self.jump_target: Body | None = None
        self.under_label = False  # since a section label: the untitled items below it are briefs

    def ended(self) -> None:
        """The open body has ended where it has text (a headline, a label or a dateline follows)."""
        if self.cur is not None and (self.cur.paragraphs or self.cur.credit):
            self.cur = None

    def furniture(self, b: dict) -> None:
        """Furniture and noise are removed; a jump line leaves the article or goes back to it."""
        self.removed.append(_removed(b, b["kind"]))
        if b["kind"] != "furniture":
            return
        if b.get("role") == "jump_on" and self.cur is not None:
            self.jump_target, self.cur = self.cur, None
        elif b.get("role") == "jump_back" and self.jump_target is not None:
            self.cur, self.jump_target = self.jump_target, None
            self.cur.continues = True
            # the title repeated above "（上接第1版）" heads no body of its own
            titles = "".join(h.text for h in self.groups[self.bodies.index(self.cur)])
            repeated = [h for h in self.pending if _repeats(h, titles)]
            self.removed.extend(_removed(x, "furniture") for h in repeated for x in h.blocks)
            self.pending = [h for h in self.pending if h not in repeated]

    def rejoins(self, b: dict) -> bool:
        """"…136家规" (下转) … (上接) "模化肉牛…": the two halves of a paragraph are one."""
        cur = self.cur
        if not (b["kind"] == "paragraph" and cur is not None and cur.continues and cur.paragraphs
                and cur.paragraphs[-1].get("open")):
            return False
        last = cur.paragraphs[-1]
        cur.paragraphs[-1] = {**last, "text": last["text"] + b["text"], "lines": [last["lines"][0], b["lines"][1]],
                              "open": b.get("open", False)}
        return True

    def heading(self, b: dict) -> None:
        if b.get("role") == "label":
            self.removed.append(_removed(b, "label"))
            self.ended()  # a section label ("简讯") starts a section: the article above has ended
            self.under_label = True
            return
        self.ended()
        self.under_label = False
        number = b.get("headline")
        if self.pending and number is not None and number == self.pending[-1].blocks[-1].get("headline"):
            self.pending[-1].blocks.append(b)
        else:
            self.pending.append(Headline([b]))

    def body_block(self, b: dict) -> None:
        if self.cur is not None and b.get("role") == "dateline" and self.cur.paragraphs:
            self.cur = None  # "本报讯（记者…）" opens an article: the one above has ended
        if self.cur is None:
            self.cur = Body(brief=self.under_label and not self.pending)
            self.bodies.append(self.cur)
            self.groups.append(self.pending)
            self.pending = []
        if b["kind"] == "credit":
            self.cur.credit = b
            self.cur = None
        elif b.get("role") == "byline":
            self.cur.bylines.append(b)
        else:
            self.cur.paragraphs.append(b)


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
    """A headline-less piece without its own credit: a lead printed apart, or a stray paragraph
    (not a brief under a section label)."""
    return body.credit is None and len(body.paragraphs) <= 2 and not body.brief


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
        if body.headline is None and (not body.paragraphs or (
                body.credit is None and len(body.text) < MIN_ORPHAN and not body.brief)):
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
        if not isinstance(record.get("blocks"), list):
            raise NormalizeError(str(record.get("id", "")), NO_BLOCKS)
        articles, removed = split_document(record)
        if furniture is not None:
            furniture.append({"doc": record.get("id"), "removed": removed})
        elif articles:
            articles[0]["removed"] = removed
        yield from articles
