"""The layout stage (``zhnorm dehyphenate``): a document's raw lines become blocks.

A newsletter page arrives cut at every column edge. This stage turns the raw lines of a
document into blocks (paragraph, heading, credit, furniture, noise), each with the 1-based
inclusive span of raw lines it came from. Decisions use punctuation, line width against the
local column width (estimated from the neighbouring lines, never once per file) and blank lines.

The modules stand in floors, each importing only from those below it:

- ``rules`` (how a decision is a tuple of named rules), ``widths`` (em widths, the tolerance
  table), ``text`` (what a line's text alone says, its kind);
- ``columns`` (OCR's side-by-side columns), ``lines`` (the raw lines read), ``page`` (the page
  view: neighbours, gaps, short and indented lines);
- ``kinds`` (furniture and credits that need the lines around them), ``starts`` (where running
  text begins), ``headlines`` (headline extent and elements), ``paragraphs`` (paragraph ends);
- ``roles`` (what each block is to its article: title, kicker, label, running head, jump);
- ``boxes`` and ``boxed``: the same questions answered from geometry, for PDFs, whose lines
  come with boxes and type sizes;
- ``assemble`` (one pass applying the verdicts, by text or by boxes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .assemble import build_blocks, explain
from .text import classify_line, ends_sentence, is_heading_candidate, join_lines
from .widths import line_width

__all__ = ["build_blocks", "classify_line", "dehyphenate_records", "ends_sentence", "explain", "is_heading_candidate",
           "join_lines", "line_width"]


def dehyphenate_records(
    records: Iterable[dict], *, explain: Callable[[str, list[dict]], None] | None = None, profile: Any = None,
) -> Iterator[dict]:
    """Stage: add ``blocks`` to each document record; ``text`` stays as loaded.

    ``explain(id, blocks)`` is shown each document's blocks (``zhnorm dehyphenate --explain``);
    ``profile`` is a corpus's ``normalize.profile.Profile`` (``--profile``).
    """
    for record in records:
        out = dict(record)
        out["blocks"] = build_blocks(str(record.get("text", "")), record.get("layout"), profile)
        out["steps"] = [*record.get("steps", []), "dehyphenate"]
        if explain is not None:
            explain(str(record.get("id", "")), out["blocks"])
        yield out
