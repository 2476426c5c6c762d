"""``zhnorm show``: article records rendered with rich, for people, not for pipes."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from normalize.records import Record


def render(record: Record) -> Panel:
    """One article as a panel: kicker, bold title, paragraphs with their line spans, credit.

    Records from before ``split`` (no "paragraphs") show their text instead.
    """
    paragraphs = record.get("paragraphs") or [record["text"]]
    spans = record.get("lines") or []
    if len(spans) != len(paragraphs):
        spans = [None] * len(paragraphs)
    parts: list[Text] = []
    if record.get("kicker"):
        parts.append(Text(str(record["kicker"]), style="italic"))
    if record.get("title"):
        parts.append(Text(str(record["title"]), style="bold"))
    for paragraph, span in zip(paragraphs, spans, strict=True):
        where = f"  lines {span[0]}–{span[1]}" if isinstance(span, list) and len(span) == 2 else ""
        parts.append(Text.assemble("　　", str(paragraph), (where, "dim")))  # indent as printed
    if record.get("credit"):
        parts.append(Text(f"（{record['credit']}）", style="dim", justify="right"))
    return Panel(Group(*parts), title=str(record.get("id", "")), title_align="left")


def print_records(records: Iterable[Record], console: Console | None = None) -> int:
    """Print each record as soon as it is read; return how many were shown."""
    console = console or Console()
    n = 0
    for n, record in enumerate(records, start=1):  # noqa: B007
        console.print(render(record))
    return n
