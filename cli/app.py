"""The ``zhnorm`` command: thin Typer commands over the ``normalize`` library.

Each command opens streams, calls the library and maps errors to exit codes (0 ok,
1 bad data, 2 usage); it does no text work itself.
"""

from __future__ import annotations

import codecs
import os
import signal
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from cli.evaluate import register as register_eval
from cli.options import JsonlIn, Output, flags_take_no_value
from cli.segment import register as register_segment
from normalize.limits import MAX_DOC_BYTES

if TYPE_CHECKING:
    from normalize.pipeline import Stage
    from normalize.records import Record

# Streams, records and stages are imported inside the commands: `zhnorm --help` needs none of them.


flags_take_no_value()
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
MaxDocBytes = Annotated[int, typer.Option(
    "--max-doc-bytes", metavar="N", min=1,
    help="Refuse a document larger than N bytes of text (after gunzip) instead of reading it.")]


@app.command(short_help="Text files, folders or stdin -> one JSONL document each.")
def load(
    paths: Paths, glob: Glob = "*.txt", encoding: Encoding = None,
    pages_per_folder: PagesPerFolder = False, output: Output = "-", strict: Strict = False,
    rejects: Rejects = None, max_doc_bytes: MaxDocBytes = MAX_DOC_BYTES,
) -> None:
    """zhnorm load scans/ > documents.jsonl

    Read text files, folders (recursive, natural order) or - (stdin).
    Write one JSONL document record per file, with the encoding it detected.
    A binary, PDF or undecodable file is reported on one line and skipped.
    """
    from cli.streams import ErrorLog, default_rejects, open_output, reporting_errors, stdin_hint, warned
    from normalize.loader import load_paths
    from normalize.records import write_records

    if "-" in paths:
        stdin_hint("text")
    with reporting_errors(), open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        docs = load_paths(paths, glob=glob, encoding=encoding, pages_per_folder=pages_per_folder,
                          on_error=log, max_bytes=max_doc_bytes)
        write_records(warned(docs), out)
    raise typer.Exit(log.exit_code)


Check = Annotated[bool, typer.Option(
    "--check", help="Verify that every input character is in the output or on the removed list.")]


def _stage(step: Stage, source: str, output: str, strict: bool, rejects: str | None,
           check: bool = False, *, side: list[Record] | None = None) -> None:
    """Run ``step`` over JSONL records: the body shared by the stage commands.

    ``side`` is where ``step`` puts what it removed instead of on its records, for ``--check``.
    """
    from cli.streams import ErrorLog, checked, default_rejects, display_name, open_input, open_output, reporting_errors
    from normalize.records import read_records, write_records

    with reporting_errors(), open_input(source) as fp, open_output(output) as out, \
            ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        records = read_records(fp, display_name(source), on_error=log)
        records = checked(records, step, log, side=side) if check else step(records)
        write_records(records, out)
    raise typer.Exit(log.exit_code)


class Spacing(str, Enum):
    none = "none"
    pangu = "pangu"


class Quotes(str, Enum):
    keep = "keep"
    curly = "curly"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command(short_help="Column lines -> paragraph blocks.")
def dehyphenate(source: JsonlIn = "-", output: Output = "-", strict: Strict = False,
                rejects: Rejects = None, check: Check = False) -> None:
    """zhnorm load scans/ | zhnorm dehyphenate > blocks.jsonl

    Join the short lines of newspaper columns into blocks: paragraphs, headings,
    credits, furniture and noise, each with the raw line span it came from.
    Chinese lines join without a space; English words broken by a hyphen are mended.
    """
    from normalize.pipeline import stage

    _stage(stage("dehyphenate"), source, output, strict, rejects, check)


@app.command(short_help="Chinese punctuation, ASCII digits, no stray spaces.")
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


@app.command(short_help="Documents -> one JSONL record per article.")
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

    if furniture is None:
        return _stage(stage("split"), source, output, strict, rejects, check)
    from cli.streams import check_output_folder, open_output, reporting_errors
    from normalize.records import write_records

    with reporting_errors():
        check_output_folder(furniture)
    removed: list[Record] = []
    try:
        _stage(partial(stage("split"), furniture=removed), source, output, strict, rejects, check, side=removed)
    finally:  # what was removed is kept whatever the exit code
        with reporting_errors(), open_output(furniture) as side:
            write_records(removed, side)


register_segment(app)


@app.command(short_help="load and every stage, in parallel, to a file.")
def run(
    paths: Paths,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Output JSONL (.jsonl.gz compresses), or - for stdout.")],
    glob: Glob = "*.txt", encoding: Encoding = None, pages_per_folder: PagesPerFolder = False,
    strict: Strict = False, rejects: Rejects = None, quiet: Quiet = False, check: Check = False,
    max_doc_bytes: MaxDocBytes = MAX_DOC_BYTES,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes; 0 (the default) uses every core.")] = 0,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue a killed run: documents already written are skipped.")] = False,
    engine: Annotated[Engine, typer.Option(
        "--engine", help="local (worker processes) or dask (a Dask cluster).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Add per-stage counts to the summary.")] = False,
    segment: Annotated[bool, typer.Option(
        "--segment", help="Add jieba tokens as a last stage, in the workers (see zhnorm segment).")] = False,
    user_dict: Annotated[str | None, typer.Option(
        "--dict", metavar="FILE", help="A jieba user dictionary for --segment (implies it).")] = None,
) -> None:
    """zhnorm run scans/ -o articles.jsonl

    Load PATHs and run every stage, in worker processes (--jobs) or on a Dask
    cluster (--engine dask --scheduler tcp://HOST:PORT). The output has the same
    bytes as load | dehyphenate | punct | split, whatever the engine, and is
    written beside OUT until complete; after a crash, --resume finishes it.
    Progress and a summary go to stderr.
    """
    from cli.run import run_batch
    from cli.streams import ErrorLog, check_output_folder, default_rejects, reporting_errors
    from normalize.batch import Options

    with reporting_errors():
        if output != "-":
            check_output_folder(output)
        segmenter = None
        if segment or user_dict:
            from normalize.segment import Segmenter, read_user_dict

            if user_dict:
                read_user_dict(user_dict)  # a bad line is reported now, not once per document
            segmenter = Segmenter(user_dict=user_dict)
    with reporting_errors(), ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        code = run_batch(
            paths, output, jobs=jobs or os.cpu_count() or 1, engine=engine.value, scheduler=scheduler,
            resume=resume, options=Options(check=check, segment=segmenter), log=log, quiet=quiet,
            verbose=verbose,
            load_options={"glob": glob, "encoding": encoding, "pages_per_folder": pages_per_folder,
                          "max_bytes": max_doc_bytes},
        )
    raise typer.Exit(code)


@app.command(short_help="Article records for people: rich text, or one HTML page.")
def show(
    source: JsonlIn = "-",
    html: Annotated[str | None, typer.Option(
        "--html", metavar="OUT.html",
        help="Write one self-contained HTML page instead: each document's raw lines beside "
        "its articles.")] = None,
    raw: Annotated[str | None, typer.Option(
        "--raw", metavar="DIR_OR_FILE",
        help="With --html: where the raw text files are (the PATH given to load or run).")] = None,
) -> None:
    """zhnorm show out/articles.jsonl --html out/check.html --raw seeds/

    Show article records for people: title, kicker, credit, and paragraphs
    with their raw line spans. Writes formatted text to stdout, not JSONL.
    With --html, writes one self-contained page instead: the raw lines of
    each document, numbered, beside its articles; click a paragraph to light
    its source lines; removed furniture is struck through.
    """
    from cli.show import show_command

    raise typer.Exit(show_command(source, html, raw))


register_eval(app)


def restore_sigpipe() -> None:
    """Die quietly when the reader goes away, as cat and grep do.

    Python ignores SIGPIPE and raises BrokenPipeError on the next write instead, so
    ``zhnorm load big/ | head -1`` would end with a traceback once head exits.
    """
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def main() -> None:
    """Console-script entry point (``zhnorm``)."""
    restore_sigpipe()
    app()
