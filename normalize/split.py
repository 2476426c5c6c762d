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

from .bodies import (
    Body,
    Headline,
    closed_book_title,
    credit_text,
    join_paragraph,
    piece_lines,
    removed_entry,
    segment_blocks,
)
from .chardata import HAN_RE
from .errors import NormalizeError
from .layout.text import printed_titles
from .matching import assign
from .records import text_problem

_LEAD_RE = re.compile(r"^(?:日前|近日|近期|本报讯|【[^】]+】|[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]+日)")
NO_BLOCKS = "record has no blocks; split reads what the layout stage decided: zhnorm dehyphenate first"
MIN_ORPHAN = 15  # a stray paragraph shorter than this, with no headline or credit, is noise
KICKER_PAIRS = 0.3  # a kicker naming another story shares at least this share of its character pairs with it
TRAILING_VOTES = 2  # more headlines naming the story before them than the one after: a file of trailing headlines
TRAILING_MARGIN = 0.15  # ...each naming one of the two this much better (a kicker's or subtitle's words dilute it)
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
            elif owner is not None:  # (its title lines go on the owner's last; a subtitle after them stays one)
                cut = len(h.blocks)
                while cut > 0 and h.blocks[cut - 1].get("role") == "subtitle":
                    cut -= 1
                if cut:
                    owner.blocks[-1] = _joined(owner.blocks[-1], h.blocks[:cut])
                owner.blocks.extend(h.blocks[cut:])
            else:
                before.append(h)
        unmatched.extend(before)
    return unmatched


def _kickers_naming_other_stories(bodies: list[Body]) -> None:
    """A kicker that names an untitled story of the page and not its own is that story's title, set
    where the typesetter's text put it, over another headline (a county page's ``科普宣传上街`` over
    ``我县“假证被拘”第一人现身``, naming the brief ``…县首府广场举行了“普及科学知识…”科普宣传…``). Near
    misses: a kicker sharing words with its own story, and one no untitled story on the page shares."""
    untitled = [b for b in bodies if b.headline is None and b.paragraphs]
    for body in bodies:
        head = body.headline
        if not untitled or head is None or len(head.blocks) < 2 or head.blocks[0].get("role") != "kicker":
            continue
        kicker = head.blocks[0]["text"]
        if not any(_shared(b.text, kicker) >= KICKER_PAIRS for b in untitled):
            continue  # (no untitled story shares its character pairs: the dictionary need not be asked)
        own = similarity(kicker, body.text)
        named, other = max(((similarity(kicker, b.text), b) for b in untitled), key=lambda pair: pair[0])
        if own < MIN_HEADLINE_MATCH and own + MIN_HEADLINE_MATCH <= named:
            other.headline = Headline([{**head.blocks[0], "role": "title"}])
            head.blocks.pop(0)
            untitled.remove(other)


def _headlines_trail_bodies(bodies: list[Body], groups: list[list[Headline]]) -> bool:
    """
    Whether the document sets each headline after its story: a typesetter's file read in its own order
    (``pdftotext -raw``), story by story, each body before its headline. The text opens with a story, not a
    headline, and of the headlines standing alone between two stories, at least ``TRAILING_VOTES`` more name the
    story before them than the one after (``similarity``, ``TRAILING_MARGIN`` apart). Near misses: a page whose
    headlines name the stories under them, and one that opens with a headline.
    """
    if groups[:1] != [[]] or len(bodies) < TRAILING_VOTES + 1:
        return False
    votes = 0
    for k in range(1, len(groups)):
        if len(groups[k]) != 1 or not bodies[k - 1].paragraphs:
            continue
        head = groups[k][0].text
        before = similarity(head, bodies[k - 1].text)
        after = similarity(head, bodies[k].text) if bodies[k].paragraphs else 0.0
        votes += (before >= after + TRAILING_MARGIN) - (after >= before + TRAILING_MARGIN)
    return votes >= TRAILING_VOTES


def _headlines_after_bodies(bodies: list[Body]) -> None:
    """A headline read after its story, with nothing under it, heads the untitled story before it when
    they share words: a vertical title set beside its text, read after it (``社区志愿者走进养老院``), or a
    typesetter's file that stores each headline after its body."""
    for before, body in itertools.pairwise(bodies):
        if (body.headline is not None and not body.paragraphs and body.credit is None and before.headline is None
                and before.paragraphs and similarity(body.headline.text, before.text) >= MIN_HEADLINE_MATCH):
            before.headline, body.headline = body.headline, None


def _continued(block: dict) -> dict:
    return {**block, "continued": True}


def _joined(last: dict, blocks: list[dict]) -> dict:
    """A headline block with the blocks of its continuation appended as further lines.

    `pieces` keeps each joined block's lines apart, for `_broken_kicker`.
    """
    pieces = list(last.get("pieces") or [piece_lines(last)])
    pieces += [piece_lines(b) for b in blocks]
    parts = [p for piece in pieces for p in piece]
    return {**last, "text": "".join(parts), "parts": parts, "pieces": pieces,
            "lines": [last["lines"][0], blocks[-1]["lines"][1]], "continued": True}


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
            best.paragraphs[-1] = join_paragraph(best.paragraphs[-1], frag.paragraphs[0])
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
    printed = printed_titles("\n".join(str(b["text"]) for b in blocks))  # (the book titles printed closed)
    removed: list[dict] = []
    bodies, groups = segment_blocks(blocks, removed)
    if _headlines_trail_bodies(bodies, groups):
        groups = [*groups[1:], []]  # (each headline heads the story before it)
    for leftover in _attach_headlines(bodies, groups):
        removed.append({**removed_entry(leftover.blocks[0], "unmatched_heading"), "text": leftover.text})
    _headlines_after_bodies(bodies)
    _kickers_naming_other_stories(bodies)
    articles = _attach_fragments(bodies)
    out: list[dict] = []
    articles.sort(key=lambda a: a.headline.line if a.headline else a.line)
    doc = str(record.get("id", ""))
    for body in articles:
        if body.headline is not None and not body.paragraphs and body.credit is None:
            # a headline with nothing under it (a running foot OCR misread, a label over nothing)
            removed.extend(removed_entry(b, "unmatched_heading") for b in body.headline.blocks)
            removed.extend(removed_entry(b, "byline") for b in body.bylines)
            continue
        # nothing to print (a lone credit or byline), or a stray piece too short to be an article
        if body.headline is None and (not body.paragraphs or (
                body.credit is None and len(body.text) < MIN_ORPHAN and not body.brief)):
            if body.credit:
                removed.append(removed_entry(body.credit, "credit"))
            removed.extend(removed_entry(p, "noise") for p in body.paragraphs)
            removed.extend(removed_entry(b, "byline") for b in body.bylines)
            continue
        (kicker, title, subtitle), glyph = body.headline.read() if body.headline else ((None, None, None), "")
        if glyph:  # (OCR's 1 for a column tag's 】)
            removed.append({**removed_entry(body.headline.blocks[0], "misread_marks"), "text": glyph, "closes": "】"})
        printed_credit = credit_text(body.credit["text"]) if body.credit else None
        credit, misread = closed_book_title(printed_credit, printed) if printed_credit else (None, "")
        if credit != printed_credit:  # (OCR's 》） read as one glyph, or dropped: "")
            removed.append({**removed_entry(body.credit, "misread_marks"), "text": misread, "closes": "》"})
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
            "credit": credit,
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
