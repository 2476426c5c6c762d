"""The ``zhnorm`` command: thin Typer commands over the ``normalize`` library.

Each command opens streams, calls the library and maps errors to exit codes (0 ok,
1 bad data, 2 usage); it does no text work itself.
"""

from __future__ import annotations

import codecs
import time
from typing import Annotated

import typer

from cli.streams import (
    ErrorLog,
    default_rejects,
    display_name,
    open_input,
    open_output,
    reporting_errors,
    restore_sigpipe,
    say,
    stdin_hint,
)
from normalize.loader import load_paths
from normalize.pipeline import counted, document_stages, run_pipeline, stage
from normalize.records import read_records, write_records

app = typer.Typer(
    name="zhnorm",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # a traceback means a bug: keep it plain and complete
    help="Normalize Chinese newsletter text. Every command writes JSONL to stdout; "
    "messages go to stderr. Exit codes: 0 ok, 1 bad data, 2 usage.",
)


def _encoding(value: str | None) -> str | None:
    if value:
        try:
            codecs.lookup(value)
        except LookupError:
            hint = "try gb18030, big5, utf-16"
            raise typer.BadParameter(f"unknown encoding {value!r} ({hint})") from None
    return value


# Options shared by several commands; the help texts must not contain [brackets] (rich markup).
Paths = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Files, folders, or - for stdin.")]
JsonlIn = Annotated[
    str, typer.Argument(metavar="FILE", help="JSONL records; - or nothing reads stdin.")]
Output = Annotated[str, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write here instead of stdout, via a temporary file renamed when done.")]
Strict = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record or file.")]
Rejects = Annotated[str | None, typer.Option(
    "--rejects", metavar="FILE",
    help="Also write bad records and files here as JSONL (with -o OUT.jsonl, the default is "
    "OUT.rejects.jsonl).")]
Glob = Annotated[str, typer.Option(
    "--glob", help="Names of the files to read in folders (case-insensitive; NAME.gz too).")]
Encoding = Annotated[str | None, typer.Option(
    "--encoding", "-e", callback=_encoding,
    help="Decode with this encoding instead of detecting it (gb18030, big5, utf-16...).")]
PagesPerFolder = Annotated[bool, typer.Option(
    "--pages-per-folder",
    help="Make each folder's files, in natural order, the pages of one document.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")]


@app.command(short_help="Text files, folders or stdin -> one JSONL document each.")
def load(
    paths: Paths, glob: Glob = "*.txt", encoding: Encoding = None,
    pages_per_folder: PagesPerFolder = False, output: Output = "-", strict: Strict = False,
    rejects: Rejects = None,
) -> None:
    """zhnorm load scans/ > documents.jsonl

    Read text files, folders (recursive, natural order) or - (stdin).
    Write one JSONL document record per file, with the encoding it detected.
    A binary, PDF or undecodable file is reported on one line and skipped.
    """
    if "-" in paths:
        stdin_hint("text")
    with reporting_errors(), open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        docs = load_paths(paths, glob=glob, encoding=encoding,
                          pages_per_folder=pages_per_folder, on_error=log)
        write_records(docs, out)
    raise typer.Exit(log.exit_code)


def _stage(name: str, source: str, output: str, strict: bool, rejects: str | None) -> None:
    """Run one stage over JSONL records: the body shared by the stage commands."""
    with reporting_errors(), open_input(source) as fp, open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        records = read_records(fp, display_name(source), on_error=log)
        write_records(stage(name)(records), out)
    raise typer.Exit(log.exit_code)


@app.command(short_help="Column lines -> paragraph blocks.")
def dehyphenate(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
                rejects: Rejects = None) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate > blocks.jsonl

    Join the short lines of newspaper columns into paragraph blocks.
    Chinese lines join without a space; English words broken by a hyphen
    are mended.
    """
    _stage("dehyphenate", source, output, strict, rejects)


@app.command(short_help="Full-width punctuation in Chinese prose.")
def punct(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
          rejects: Rejects = None) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate | zhnorm punct > blocks.jsonl

    Make punctuation inside Chinese prose full-width; drop stray spaces.
    Numbers, URLs and English keep their ASCII punctuation.
    """
    _stage("punct", source, output, strict, rejects)


@app.command(short_help="Documents -> one JSONL record per article.")
def split(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
          rejects: Rejects = None) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate | zhnorm punct | zhnorm split

    Split each document into article records: title, kicker, credit and
    paragraphs, each paragraph with the line span of the raw file it came from.
    """
    _stage("split", source, output, strict, rejects)


@app.command(short_help="load and every stage in one process, to a file.")
def run(
    paths: Paths,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", help="Output JSONL file, or - for stdout.")],
    glob: Glob = "*.txt", encoding: Encoding = None, pages_per_folder: PagesPerFolder = False,
    strict: Strict = False, rejects: Rejects = None, quiet: Quiet = False,
) -> None:
    """zhnorm run scans/ -o articles.jsonl

    Load PATHs and run every stage in one process; the output has the same
    bytes as load | dehyphenate | punct | split. One summary line on stderr.
    """
    started, counts = time.perf_counter(), {"documents": 0}
    with reporting_errors(), open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        stages = document_stages(on_missing=lambda err: say(f"warning: {err}; skipped"))
        docs = counted(load_paths(paths, glob=glob, encoding=encoding,
                                  pages_per_folder=pages_per_folder, on_error=log),
                       counts, "documents")
        articles = write_records(run_pipeline(docs, stages), out)
    if not quiet:
        say(f"{counts['documents']} documents, {articles} articles, {log.count} rejected, "
            f"{time.perf_counter() - started:.1f} s")
    raise typer.Exit(log.exit_code)


@app.command(short_help="Article records as formatted text, for people.")
def show(source: JsonlIn = "-") -> None:
    """zhnorm show out/articles.jsonl

    Show article records for people: title, kicker, credit, and paragraphs
    with their raw line spans. Writes formatted text to stdout, not JSONL.
    """
    from cli.show import print_records

    with reporting_errors(), open_input(source) as fp, ErrorLog() as log:
        print_records(read_records(fp, display_name(source), on_error=log))
    raise typer.Exit(log.exit_code)


def main() -> None:
    """Console-script entry point (``zhnorm``)."""
    restore_sigpipe()
    app()
