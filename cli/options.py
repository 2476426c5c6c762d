"""Command-line options shared by several commands (help texts must not contain [brackets]:
rich reads them as markup)."""

from __future__ import annotations

from typing import Annotated

import typer

JsonlIn = Annotated[
    str, typer.Argument(metavar="FILE", help="JSONL records; - or nothing reads stdin.")]
Output = Annotated[str, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write here instead of stdout, via a temporary file renamed when done.")]
