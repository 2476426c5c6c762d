"""The pipe commands: ``zhnorm load`` and one command per stage (dehyphenate, punct, split).

``register(app)`` adds them in pipe order. Streams, records and stages are imported inside the
commands: ``zhnorm --help`` needs none of them.
"""

from __future__ import annotations

from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cli.options import (
    Check,
    Encoding,
    Glob,
    JsonlIn,
    MaxDocBytes,
    Output,
    PagesPerFolder,
    Paths,
    ProfileFile,
    Rejects,
    Strict,
)
from normalize.limits import MAX_DOC_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable

    from normalize.pipeline import Stage
    from normalize.records import Record


class Spacing(str, Enum):
    none = "none"
    pangu = "pangu"


class Quotes(str, Enum):
    keep = "keep"
    curly = "curly"


def register(app: typer.Typer) -> None:
    """Add ``load``, ``dehyphenate``, ``punct`` and ``split`` to ``app``, in pipe order."""
    app.command("load", short_help="Text, PDF, hOCR or ALTO files, folders or stdin -> one JSONL document each.")(load)
    app.command("dehyphenate", short_help="Column lines -> paragraph blocks.")(dehyphenate)
    app.command("punct", short_help="Chinese punctuation, ASCII digits, no stray spaces.")(punct)
    app.command("split", short_help="Documents' blocks -> one JSONL record per article.")(split)


def load(
    paths: Paths, glob: Glob = None, encoding: Encoding = None,
    pages_per_folder: PagesPerFolder = False, output: Output = "-", strict: Strict = False,
    rejects: Rejects = None, max_doc_bytes: MaxDocBytes = MAX_DOC_BYTES,
) -> None:
    """zhnorm load scans/ > documents.jsonl

    Read files, folders (recursive, natural order) or - (stdin): text (its
    encoding detected), PDF (its text layer, lines in reading order with their
    boxes), tesseract hOCR and ALTO XML. Write one JSONL document record per file
    (per folder with --pages-per-folder). A bad file is reported on one line and
    skipped; a PDF without a text layer is told to be OCRed first.
    """
    from cli.streams import ErrorLog, default_rejects, open_output, reporting_errors, stdin_hint, warned
    from normalize.loader import GLOBS, load_paths
    from normalize.records import write_records

    if "-" in paths:
        stdin_hint("text")
    with reporting_errors(), open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        docs = load_paths(paths, glob=glob or GLOBS, encoding=encoding, pages_per_folder=pages_per_folder,
                          on_error=log, max_bytes=max_doc_bytes)
        write_records(warned(docs), out)
    raise typer.Exit(log.exit_code)


def _stage(step: Stage, source: str, output: str, strict: bool, rejects: str | None,
           check: bool = False, *, side: list[Record] | None = None,
           problem: Callable[[Any], str | None] | None = None) -> None:
    """Run ``step`` over JSONL records: the body shared by the stage commands.

    ``side`` is where ``step`` puts what it removed instead of on its records, for ``--check``;
    ``problem`` says why a record is none ``step`` can read (it is reported and skipped).
    """
    from cli.streams import ErrorLog, checked, default_rejects, display_name, open_input, open_output, reporting_errors
    from normalize.records import read_records, write_records

    with reporting_errors(), open_input(source) as fp, open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        records = read_records(fp, display_name(source), on_error=log, problem=problem)
        records = checked(records, step, log, side=side) if check else step(records)
        write_records(records, out)
    raise typer.Exit(log.exit_code)


def dehyphenate(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
                rejects: Rejects = None, check: Check = False,
                explain: Annotated[bool, typer.Option(
                    "--explain", help="Write each block with its lines and the rule that decided it to stderr.")
                ] = False, profile: ProfileFile = None) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate > blocks.jsonl

    Join the short lines of newspaper columns into blocks: paragraphs, headings,
    credits, furniture and noise, each with the raw line span it came from and
    the rule that decided it ("why"). Chinese lines join without a space; English
    words broken by a hyphen are mended. PDFs are read by their
    geometry (type sizes, indents, columns); OCR files by their text.
    """
    from cli.streams import explain_blocks_to_stderr, reporting_errors
    from normalize.pipeline import stage
    from normalize.profile import load_profile

    with reporting_errors():
        rules = load_profile(profile) if profile else None
    step = partial(stage("dehyphenate"), explain=explain_blocks_to_stderr if explain else None, profile=rules)
    _stage(step, source, output, strict, rejects, check)


def punct(
    source: JsonlIn = "-", output: Output = "-", strict: Strict = False, rejects: Rejects = None,
    check: Check = False,
    spacing: Annotated[Spacing, typer.Option(
        "--spacing", help="none: no space between Chinese and Latin or digits; pangu: exactly one.")] = Spacing.none,
    quotes: Annotated[Quotes, typer.Option(
        "--quotes", help="keep: corner brackets stay; curly: they become curly quotes.")] = Quotes.keep,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Write each change with its place to stderr.")] = False,
) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate | zhnorm punct > blocks.jsonl

    Make Chinese text look edited: Chinese marks next to Chinese, ASCII digits and
    letters, no stray spaces, look-alike radicals and invisible characters fixed.
    Numbers, URLs and English keep their ASCII punctuation. Works on any JSONL
    with a text field. Each record counts its changes per rule in "changes".
    """
    from cli.streams import explain_to_stderr
    from normalize.pipeline import stage

    step = partial(stage("punct"), spacing=spacing.value, quotes=quotes.value,
                   explain=explain_to_stderr if explain else None)
    _stage(step, source, output, strict, rejects, check)


def split(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
          rejects: Rejects = None, check: Check = False,
          furniture: Annotated[str | None, typer.Option(
              "--furniture", metavar="FILE",
              help="Write what was removed (running heads, jump lines, noise) here, one JSON "
              "line per document, instead of on each document's first article.")] = None,
          ) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate | zhnorm punct | zhnorm split

    Split each document into article records: title, kicker, subtitle, byline,
    credit and paragraphs, each paragraph with the raw line span it came from.
    Clustered headlines go to the bodies they name; leads printed apart rejoin.
    """
    from normalize.pipeline import stage
    from normalize.split import blocks_problem

    if furniture is None:
        return _stage(stage("split"), source, output, strict, rejects, check, problem=blocks_problem)
    from cli.streams import check_output_folder, open_output, reporting_errors
    from normalize.records import write_records

    with reporting_errors():
        check_output_folder(furniture)
    removed: list[Record] = []
    try:
        _stage(partial(stage("split"), furniture=removed), source, output, strict, rejects, check, side=removed,
               problem=blocks_problem)
    finally:  # what was removed is kept whatever the exit code
        with reporting_errors(), open_output(furniture) as side:
            write_records(removed, side)
