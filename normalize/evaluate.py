"""Score article records against gold articles: article_f1, body_sim, para_f1, title_acc,
credit_acc, punct_acc, stray_per_1k (defined in docs/evaluation.md).

In the library, so that ``zhnorm eval`` and tests need no subprocess. Gold and predicted rows
are plain dicts (see ``score_articles``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.chardata import WHITE_RE
from normalize.errors import BadRecord
from normalize.matching import assign
from normalize.records import read_records

Row = dict[str, Any]
Figures = dict[str, Any]

# The character classes stray spaces and punctuation are judged by: the scorer's own, kept apart
# from chardata's so that the figures stay those of docs/evaluation.md.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·"
STRAY_RE = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}]) +| +(?=[{CJK}{CJK_PUNCT}])")
PUNCT = frozenset(CJK_PUNCT) | frozenset(",.;:?!()\"'[]<>-")
WORD_RE = re.compile(rf"[0-9A-Za-z{CJK}]+")
CREDIT_NOISE_RE = re.compile(r"[\s（）()\[\]【】]")

PAIR_MIN = 0.8  # body similarity from which a gold and a predicted article are the same one
INTACT_MIN = 0.95  # similarity from which a block is "the whole paragraph"
LONG_BLOCK = 20  # shorter blocks (labels, stray lines) are not judged for precision
CREDIT_TAIL = 40  # a credit left inside the body is looked for in its last characters
NOT_TEXT_KINDS = frozenset({"noise", "furniture"})

ARTICLE_FIGURES = ("article_f1", "body_sim", "para_f1", "title_acc", "credit_acc",
                   "punct_acc", "stray_per_1k")
BLOCK_FIGURES = ("para_intact", "block_prec")


# -- reading rows -------------------------------------------------------------------------


def doc_key(row: Row) -> str:
    """The document a row belongs to: the file name before its first dot, ``#`` part cut.

    ``doc``, then ``source`` (or ``source.path`` for zhnorm document records), then ``id``,
    so a zhnorm article (``doc: "2023/dev01.txt"``) meets a gold row (``doc: "dev01"``).

    >>> doc_key({"doc": "scans/dev01.txt"}), doc_key({"id": "dev01.txt#3"}), doc_key({"doc": "a"})
    ('dev01', 'dev01', 'a')
    """
    source = row.get("source")
    if isinstance(source, dict):
        source = source.get("path")
    name = row.get("doc") or source or row.get("id") or ""
    return Path(str(name).split("#")[0]).name.split(".")[0]


def read_rows(
    fp: IO[bytes] | IO[str], path: str, *, on_error: Callable[[BadRecord], None]
) -> Iterator[Row]:
    """Yield the rows of a pred or gold JSONL file; a line that cannot be scored goes to
    ``on_error``.

    Unlike ``read_records``, "text" is not required: gold rows carry "paragraphs" instead.
    A row needs a document name (``doc``, ``source`` or ``id``) and ``paragraphs`` (a list),
    ``text`` (a string) or ``blocks`` (a list).

    >>> import io
    >>> bad = []
    >>> rows = list(read_rows(io.StringIO('{"doc":"a","paragraphs":["好"]}\\n[1]\\n{"doc":"a"}\\n'),
    ...                       "g.jsonl", on_error=bad.append))
    >>> len(rows), [e.reason for e in bad]  # doctest: +NORMALIZE_WHITESPACE
    (1, ['not a JSON object but list',
         'record has no "paragraphs", "text" or "blocks" (keys: doc)'])
    """
    return read_records(fp, path, on_error=on_error, problem=_row_problem)


def _row_problem(row: object) -> str | None:
    """Why ``row`` cannot be scored, or None."""
    if not isinstance(row, dict):
        return f"not a JSON object but {type(row).__name__}"
    keys = ", ".join(row) or "none"
    if not doc_key(row):
        return f'record has no "doc" (keys: {keys})'
    if not (isinstance(row.get("paragraphs"), list) or isinstance(row.get("text"), str)
            or isinstance(row.get("blocks"), list)):
        return f'record has no "paragraphs", "text" or "blocks" (keys: {keys})'
    return None


def paragraphs_of(row: Row) -> list[str]:
    """A row's non-blank paragraphs, stripped: ``paragraphs``, else ``text`` split at LF."""
    paras = row.get("paragraphs")
    if paras is None:
        paras = str(row.get("text") or "").split("\n")
    return [p for p in (str(x).strip() for x in paras) if p]


def _flat(text: object) -> str:
    """Text with all whitespace removed: spaces are judged by stray_per_1k, not elsewhere."""
    return WHITE_RE.sub("", str(text) if text else "")


def _group(rows: Iterable[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[doc_key(row)].append(row)
    return groups


# -- pairing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """An article body as one string without whitespace, and where its paragraphs begin."""

    text: str
    breaks: tuple[int, ...]

    @classmethod
    def of(cls, row: Row) -> Body:
        text, breaks = "", []
        for para in paragraphs_of(row):
            if text:
                breaks.append(len(text))
            text += _flat(para)
        return cls(text, tuple(breaks))


def similarity(a: str, b: str) -> float:
    """Normalized Levenshtein similarity; two empty strings are the same.

    >>> similarity("", ""), similarity("新闻", "新闻"), similarity("新闻", "新")
    (1.0, 1.0, 0.5)
    """
    return Levenshtein.normalized_similarity(a, b) if a or b else 1.0


# -- the figures of one pair ----------------------------------------------------------------


def _gold_offsets(pred: str, gold: str) -> list[int]:
    """For each offset 0..len(pred) of ``pred``, the offset of ``gold`` it aligns with."""
    where = [0] * (len(pred) + 1)
    for op in Levenshtein.opcodes(pred, gold):
        p1, p2, g1, g2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        for k in range(p1, p2):
            # a deleted character maps to where the deletion sits; others step along gold
            where[k] = g1 if op.tag == "delete" else g1 + min(k - p1, max(g2 - g1 - 1, 0))
        where[p2] = g2
    return where


def break_hits(gold: Body, pred: Body) -> tuple[int, int, int]:
    """Predicted paragraph breaks that land within one character of a gold break, through
    the character alignment; with the predicted and gold counts.

    >>> break_hits(Body("甲乙丙丁", (2,)), Body("甲乙丙丁", (2,)))
    (1, 1, 1)
    >>> break_hits(Body("甲乙", (1,)), Body("甲乙", ()))
    (0, 0, 1)
    """
    if not pred.breaks or not gold.breaks:
        return 0, len(pred.breaks), len(gold.breaks)
    where = _gold_offsets(pred.text, gold.text)
    gold_breaks = set(gold.breaks)
    hits = sum(1 for b in pred.breaks if {where[b] - 1, where[b], where[b] + 1} & gold_breaks)
    return min(hits, len(gold.breaks)), len(pred.breaks), len(gold.breaks)


def punct_hits(gold: str, pred: str) -> tuple[int, int]:
    """Gold punctuation marks that the prediction has as the same character, aligned; and
    all gold marks.

    >>> punct_hits("你好，世界。", "你好,世界。")
    (1, 2)
    """
    same = sum(
        _count_punct(gold[op.dest_start:op.dest_end])
        for op in Levenshtein.opcodes(pred, gold) if op.tag == "equal"
    )
    return same, _count_punct(gold)


def _count_punct(text: str) -> int:
    return sum(1 for ch in text if ch in PUNCT)


def count_stray(text: str) -> int:
    """Runs of spaces next to a CJK character or CJK punctuation.

    >>> count_stray("中 文  字，ok 1 2")
    2
    """
    return len(STRAY_RE.findall(text))


def _title_ok(gold: Row, pred: Row) -> bool:
    """The gold title, or kicker + title, is the predicted title or kicker + title."""
    def forms(row: Row) -> set[str]:
        title = row.get("title") or ""
        return {_flat(title), _flat(str(row.get("kicker") or "") + str(title))}

    return bool(_flat(gold.get("title")) and forms(gold) & forms(pred))


def _credit_key(text: object) -> str:
    return CREDIT_NOISE_RE.sub("", str(text) if text else "")


def _credit_ok(gold: Row, pred: Row) -> bool:
    """The gold credit is in the predicted credit, or in the end of the body when the
    prediction left it there."""
    tail = "".join(paragraphs_of(pred))[-CREDIT_TAIL:]
    found = _credit_key(pred.get("credit")) or _credit_key(tail)
    return _credit_key(gold["credit"]) in found


# -- tallies and figures -------------------------------------------------------------------


@dataclass
class Tally:
    """Counts that add up over documents; the figures are ratios of them."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    body_sim: float = 0.0
    br_tp: int = 0
    br_pred: int = 0
    br_gold: int = 0
    title_ok: int = 0
    title_n: int = 0
    credit_ok: int = 0
    credit_n: int = 0
    punct_ok: int = 0
    punct_n: int = 0
    stray: int = 0
    chars: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def figures(self) -> Figures:
        """The figures; a ratio over nothing counts as perfect (1.0), except
        precision over no predicted article (0.0)."""
        precision = _ratio(self.matched, self.pred) if self.pred else 0.0
        recall = _ratio(self.matched, self.gold)
        break_p, break_r = _ratio(self.br_tp, self.br_pred), _ratio(self.br_tp, self.br_gold)
        return {
            "articles_gold": self.gold,
            "articles_pred": self.pred,
            "article_f1": round(_f1(precision, recall), 4),
            "body_sim": round(_ratio(self.body_sim, self.gold), 4),
            "para_f1": round(_f1(break_p, break_r), 4),
            "title_acc": round(_ratio(self.title_ok, self.title_n), 4),
            "credit_acc": round(_ratio(self.credit_ok, self.credit_n), 4),
            "punct_acc": round(_ratio(self.punct_ok, self.punct_n), 4),
            "stray_per_1k": round(1000 * self.stray / self.chars, 3) if self.chars else 0.0,
        }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _score_document(gold: list[Row], pred: list[Row]) -> Tally:
    """Pair one document's articles and count; unpaired gold articles count as misses,
    unpaired predictions as false articles whose spaces are all stray."""
    gold_bodies = [Body.of(g) for g in gold]
    pred_bodies = [Body.of(p) for p in pred]
    sim = [[similarity(g.text, p.text) for p in pred_bodies] for g in gold_bodies]
    pairs = assign(sim)
    t = Tally(gold=len(gold), pred=len(pred))
    t.matched = sum(1 for i, j in pairs if sim[i][j] >= PAIR_MIN)
    for i, j in pairs:
        g, p, gb, pb = gold[i], pred[j], gold_bodies[i], pred_bodies[j]
        t.body_sim += sim[i][j]
        hits, n_pred, n_gold = break_hits(gb, pb)
        t.br_tp, t.br_pred, t.br_gold = t.br_tp + hits, t.br_pred + n_pred, t.br_gold + n_gold
        t.title_n += bool(_flat(g.get("title")))
        t.title_ok += _title_ok(g, p)
        if g.get("credit"):
            t.credit_n += 1
            t.credit_ok += _credit_ok(g, p)
        same, total = punct_hits(gb.text, pb.text)
        t.punct_ok, t.punct_n = t.punct_ok + same, t.punct_n + total
        # only spaces the gold does not have are stray
        extra = count_stray("\n".join(paragraphs_of(p))) - count_stray("\n".join(paragraphs_of(g)))
        t.stray += max(0, extra)
    paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in paired_gold:
            t.br_gold += len(gold_bodies[i].breaks)
            t.title_n += bool(_flat(g.get("title")))
            t.credit_n += bool(g.get("credit"))
            t.punct_n += _count_punct(gold_bodies[i].text)
    for j, p in enumerate(pred):
        text = "\n".join(paragraphs_of(p))
        t.chars += len(text)
        if j not in paired_pred:
            t.stray += count_stray(text)
    return t


def score_articles(pred_rows: Iterable[Row], gold_rows: Iterable[Row]) -> dict[str, Any]:
    """Score predicted articles against gold: ``{"overall": {...}, "per_doc": {doc: {...}}}``.

    Rows are grouped by ``doc_key``; within a document, gold and predicted articles are
    paired by optimal assignment of body similarity. Documents without gold are not
    scored, but their articles count as false ones in the overall article_f1. The figures
    (``ARTICLE_FIGURES``) are defined in docs/evaluation.md.

    >>> gold = [{"doc": "a", "title": "标题", "paragraphs": ["第一段。", "第二段。"],
    ...          "credit": "据新华社"}]
    >>> score_articles([{"doc": "a.txt", "title": "标题", "paragraphs": ["第一段。", "第二段。"],
    ...                  "credit": "据新华社"}], gold)["overall"]["article_f1"]
    1.0
    """
    preds, golds = _group(pred_rows), _group(gold_rows)
    total, per_doc = Tally(), {}
    for doc, gold in golds.items():
        tally = _score_document(gold, preds.get(doc, []))
        per_doc[doc] = tally.figures()
        total += tally
    total.pred += sum(len(rows) for doc, rows in preds.items() if doc not in golds)
    return {"overall": total.figures() | {"docs": len(golds)}, "per_doc": per_doc}


# -- blocks (before splitting) ------------------------------------------------------------


def _letters(text: object) -> str:
    """Only digits, Latin letters and CJK: joins and breaks are judged, not punctuation."""
    return "".join(WORD_RE.findall(str(text) if text else ""))


def _block_texts(row: Row) -> list[str]:
    """A document's block texts, without the blocks it marked as noise or furniture."""
    blocks = row.get("blocks")
    if blocks is None:
        return paragraphs_of(row)
    return [
        str(b.get("text", "")) if isinstance(b, dict) else str(b)
        for b in blocks
        if not (isinstance(b, dict) and b.get("kind") in NOT_TEXT_KINDS)
    ]


def _best(text: str, choices: list[str]) -> float:
    hit = process.extractOne(text, choices, scorer=Levenshtein.normalized_similarity)
    return float(hit[1]) if hit else 0.0


def score_blocks(pred_rows: Iterable[Row], gold_rows: Iterable[Row]) -> dict[str, Any]:
    """Score the paragraph blocks of documents (after dehyphenate) against gold articles.

    para_intact: gold paragraphs found whole as one block; block_prec: blocks of 20+
    letters that are one whole gold paragraph, title, kicker or credit. Returns
    ``{"overall": {...}, "per_doc": {doc: {...}}}`` like ``score_articles``.
    """
    blocks_by_doc: dict[str, list[str]] = defaultdict(list)
    for row in pred_rows:
        blocks_by_doc[doc_key(row)].extend(_letters(b) for b in _block_texts(row))
    totals = {"paras": 0, "intact": 0, "long": 0, "clean": 0}
    per_doc: dict[str, Figures] = {}
    for doc, gold in _group(gold_rows).items():
        blocks = [b for b in blocks_by_doc.get(doc, []) if b]
        paras = [_letters(p) for g in gold for p in paragraphs_of(g)]
        others = [_letters(g[k]) for g in gold for k in ("title", "kicker", "credit") if g.get(k)]
        choices = paras + others  # what a block may be
        long_blocks = [b for b in blocks if len(b) >= LONG_BLOCK]
        counts = {
            "paras": len(paras),
            "intact": sum(1 for p in paras if _best(p, blocks) >= INTACT_MIN) if blocks else 0,
            "long": len(long_blocks),
            "clean": sum(1 for b in long_blocks if _best(b, choices) >= INTACT_MIN),
        }
        per_doc[doc] = _block_figures(counts)
        for k, v in counts.items():
            totals[k] += v
    overall = _block_figures(totals) | {"docs": len(per_doc)}
    return {"overall": overall, "per_doc": per_doc}


def _block_figures(c: dict[str, int]) -> Figures:
    return {
        "paragraphs_gold": c["paras"],
        "blocks": c["long"],
        "para_intact": round(c["intact"] / c["paras"], 4) if c["paras"] else 1.0,
        "block_prec": round(c["clean"] / c["long"], 4) if c["long"] else 0.0,
    }
