"""The articles the page makers set: the unique gold articles of the development pages and of the county page in
../shared/real (``make_rl_pages.py``, ``make_docx_pages.py``)."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared/real/gold/sanmen02.jsonl", *sorted((ROOT.parent / "shared/dev/pdftotext-raw/gold").glob("*.jsonl"))]


def unique_articles(max_chars: int) -> list[dict]:
    """The gold articles with a title and fewer than ``max_chars`` characters of text, each title once."""
    seen: dict[str, dict] = {}
    for path in SOURCES:
        for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            if row["title"] and sum(map(len, row["paragraphs"])) < max_chars:
                seen.setdefault(row["title"], row)
    return list(seen.values())
