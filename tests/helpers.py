"""Small builders shared by the tests: records, JSONL text, seed paths; layout pages and rule tables."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from normalize.chardata import HAN_RE
from normalize.layout import build_blocks, explain
from normalize.records import dumps

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_001 = SEEDS / "001_998312ac65b7c8b7.txt"
GOLD_001 = SEEDS / "gold" / "001.jsonl"


def record(text: str, **extra: Any) -> dict[str, Any]:
    """A minimal record: ``record("好")`` -> {"id": "t", "text": "好"}."""
    return {"id": "t", "text": text, **extra}


def document(*lines: str, id: str = "t.txt") -> dict[str, Any]:
    """A record shaped like ``zhnorm load`` output, its text the ``lines`` joined by LF."""
    text = "\n".join(lines) + "\n"
    return {
        "id": id, "text": text,
        "source": {"path": id, "encoding": "utf-8", "confidence": 1.0, "sha256": "", "bytes": 0},
        "pages": max(1, text.count("\f") + 1), "steps": ["load"],
    }


def jsonl(*records: dict[str, Any]) -> str:
    """The JSONL text of ``records``, in zhnorm's own compact format."""
    return "".join(dumps(r) + "\n" for r in records)


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """The records of JSONL ``text`` (blank lines skipped)."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def han(text: str) -> str:
    """Only the Han characters of ``text``: what no stage may drop or reorder."""
    return "".join(HAN_RE.findall(text))


# -- layout pages and rule tables ------------------------------------------------------------------

INDENT = "\u3000\u3000"  # a paragraph's first line, indented two full-width spaces
NEW_PAGE = "\f"  # a line that starts with it starts the next page (see ``pages``)


def page(*lines: str) -> str:
    """
    A page's raw text, one printed line an argument.

        >>> page("标题", "", INDENT + "正文第一行，", "第二行。")
        '标题\\n\\n\\u3000\\u3000正文第一行，\\n第二行。'
    """
    return "\n".join(lines)


def pages(*printed: Sequence[str]) -> str:
    """
    Pages parted by a form feed at the start of each next page's first line, so the raw line
    numbers count the printed lines (the first page's lines, then the next page's).

        >>> pages(["第一页写完了。"], ["第二页写完了。", "（据新华社）"])
        '第一页写完了。\\n\\x0c第二页写完了。\\n（据新华社）'
    """
    return "\n\f".join(page(*p) for p in printed)


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each block of ``text``."""
    return [(b["kind"], b["text"]) for b in build_blocks(text)]


def blocks_at(blocks: list[dict[str, Any]], line: int) -> list[dict[str, Any]]:
    """The blocks whose span covers raw line ``line`` (a credit split off a paragraph shares its last)."""
    return [b for b in blocks if b["lines"][0] <= line <= b["lines"][1]]


def verdicts(text: str, family: str, line: int, layout: dict[str, Any] | None = None) -> list[tuple[str, Any]]:
    """
    (rule, verdict) of the decisions of ``family`` about raw line ``line`` while laying out
    ``text``, each once (a line can be asked about more than once: a headline probed from
    several starts).

        >>> verdicts(page("标题在这里", "", " 这是第一段的开头，", "这是第一段的结尾。"), "ends_after", 4)
        [('last_text_line', True)]
    """
    _, decisions = explain(text, layout)
    out: list[tuple[str, Any]] = []
    for d in decisions:
        if d.family == family and d.line == line and (d.rule, d.verdict) not in out:
            out.append((d.rule, d.verdict))
    return out


def ocr_text(lines: Sequence[Any]) -> tuple[str, dict | None]:
    """The text of ``lines`` and, where some are given as (text, size in px), an OCR page's layout: each line's box
    as tall as its size, 30 px for the rest (blank lines have none); no layout for text alone."""
    if all(isinstance(line, str) for line in lines):
        return page(*lines), None
    boxes: list[list[float] | None] = []
    y = 100.0
    for line in lines:
        text, size = (line, 30.0) if isinstance(line, str) else line
        boxes.append([1, 120.0, y, 120.0 + size * len(text), y + size, size, 0, 0] if text else None)
        y += size * 1.4
    return page(*(line if isinstance(line, str) else line[0] for line in lines)), {"unit": "px", "lines": boxes}


# A title wrapped after its 、, stored after its story, over the next story's text (modular seed 71)
WRAPPED_AT_DUN = ["处工作人员积极备战这个登", "记小高潮。5月20日，工作人", "员加班加点，延迟下班时间，", "人满意而归。",
                  "相约“5.20”表白、", "登记迎来小高潮", "据日本财务省今天（10月", "20日）发布的数据，受能源价",
                  "格上涨、日元急速贬值等因", "素影响，日本上半财年贸易"]


# A table row: the rule, the page's lines, the raw line (1-based) where the rule decides or
# must not, the verdict (a hit) or what decides instead (a near miss; None: not said), hit or not.
ROW = ("rule", "lines", "at", "verdict", "is_hit")

# A kicker (19 em) and a title (21 em) set across columns, over a column 18 em wide (held-out seed 59).
ACROSS_HEAD = ["夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办"]
ACROSS_BODY = ["为进一步夯实社会工作理论基础，加强", "社会工作理论研究，促进“政校合作”，", "近日，新疆维吾尔自治区民政厅联合新疆",
               "大学在乌鲁木齐举办社会工作助力新疆民", "政事业高质量发展论坛。"]


def hit(rule: str, at: int, verdict: Any, lines: Sequence[str], *, marks: Any = ()) -> Any:
    """A row where ``rule`` must decide ``verdict`` about line ``at`` of the page ``lines``."""
    return pytest.param(rule, tuple(lines), at, verdict, True, id=f"{rule}@{at}", marks=marks)


def miss(rule: str, at: int, instead: Any, lines: Sequence[str], *, marks: Any = ()) -> Any:
    """A near miss: on the page ``lines`` the rule ``rule`` must not decide about line ``at``;
    ``instead`` (unless None) is what decides there instead."""
    return pytest.param(rule, tuple(lines), at, instead, False, id=f"{rule}@{at}-near-miss", marks=marks)


def rows_of(table: Sequence[Any], *, hits: bool) -> set[str]:
    """The rule names a table has hit rows (``hits``) or near-miss rows for."""
    return {p.values[0] for p in table if p.values[4] is hits}


def assert_decision(family: str, rule: str, lines: Sequence[str], at: int, verdict: Any, is_hit: bool, *,
                    seen_as: Callable[[Any], Any] | None = None) -> None:
    """Check a row of a decision family (see ``hit`` and ``miss``) through ``explain``;
    ``seen_as`` turns a verdict into what the row writes (a ``Break`` into "break", say)."""
    got = verdicts(page(*lines), family, at)
    if seen_as is not None:
        got = [(r, seen_as(v)) for r, v in got]
    assert_row(got, rule, at, verdict, is_hit)


def assert_row(got: list[tuple[str, Any]], rule: str, at: int, verdict: Any, is_hit: bool) -> None:
    """A hit row: ``rule`` decided ``verdict`` among the decisions ``got``; a near miss: it did not
    decide, and ``verdict`` (unless None) is what did instead."""
    if is_hit:
        assert (rule, verdict) in got, f"line {at}: {got}"
    else:
        assert rule not in [r for r, _ in got], f"line {at}: {got}"
        if verdict is not None:
            assert verdict in got, f"line {at}: {got}"
