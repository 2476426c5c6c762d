"""Small builders shared by the tests: records, JSONL text, seed paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from normalize.chardata import HAN_RE
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
