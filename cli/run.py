"""``zhnorm run``: load and every stage over folders, in worker processes or on a Dask cluster.

Progress and the summary go to stderr (rich on a terminal, one line otherwise); the output is
written beside its final name and moved there when complete, so ``--resume`` can continue it.
``register(app)`` adds the command; rich, the loader and the stages are imported when it runs.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from cli.options import (
    Check,
    Encoding,
    Glob,
    MaxDocBytes,
    PagesPerFolder,
    Paths,
    ProfileFile,
    Quiet,
    Rejects,
    Strict,
)
from normalize.errors import BadInput, NormalizeError
from normalize.limits import MAX_DOC_BYTES

if TYPE_CHECKING:
    from rich.progress import Progress

    from cli.streams import ErrorLog
    from normalize.batch import Options, Result
    from normalize.records import Record


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def register(app: typer.Typer) -> None:
    """Add ``zhnorm run`` to ``app``."""
    app.command("run", short_help="load and every stage, in parallel, to a file.")(run)


def run(
    paths: Paths,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Output JSONL (.jsonl.gz compresses), or - for stdout.")],
    glob: Glob = None, encoding: Encoding = None, pages_per_folder: PagesPerFolder = False,
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
    profile: ProfileFile = None,
) -> None:
    """zhnorm run scans/ -o articles.jsonl

    Load PATHs and run every stage, in worker processes (--jobs) or on a Dask
    cluster (--engine dask --scheduler tcp://HOST:PORT). The output has the same
    bytes as load | dehyphenate | punct | split, whatever the engine, and is
    written beside OUT until complete; after a crash, --resume finishes it.
    Progress and a summary go to stderr.
    """
    from cli.streams import ErrorLog, check_output_folder, default_rejects, reporting_errors
    from normalize.batch import Options
    from normalize.loader import GLOBS

    with reporting_errors():
        if output != "-":
            check_output_folder(output)
        rules = None
        if profile:
            from normalize.profile import load_profile

            rules = load_profile(profile)  # a bad file is one line now, not once per document
        segmenter = None
        if segment or user_dict:
            from normalize.segment import Segmenter, read_user_dict

            if user_dict:
                read_user_dict(user_dict)  # a bad line is reported now, not once per document
            segmenter = Segmenter(user_dict=user_dict)
    with reporting_errors(), ErrorLog(default_rejects(rejects, output), strict=strict) as log:
        code = run_batch(
            paths, output, jobs=jobs or os.cpu_count() or 1, engine=engine.value, scheduler=scheduler,
            resume=resume, options=Options(check=check, segment=segmenter, profile=rules), log=log, quiet=quiet,
            verbose=verbose,
            load_options={"glob": glob or GLOBS, "encoding": encoding, "pages_per_folder": pages_per_folder,
                          "max_bytes": max_doc_bytes},
        )
    raise typer.Exit(code)


def run_batch(
    paths: list[str], output: str, *, jobs: int, engine: str, scheduler: str | None, resume: bool,
    options: Options, log: ErrorLog, load_options: dict[str, object], quiet: bool, verbose: bool,
) -> int:
    """Run the batch; returns the exit code (1 when any document was refused)."""
    from cli.streams import warned
    from normalize.batch import ResumableOutput, run_dask, run_local
    from normalize.loader import count_documents, load_paths

    if engine == "dask" and not scheduler:
        raise BadInput("--engine dask", "needs --scheduler tcp://HOST:PORT (start one with `dask scheduler`)")
    started = time.perf_counter()
    sink = None if output == "-" else ResumableOutput(output, resume=resume)
    totals: Counter[str] = Counter()
    skipped = 0

    def docs() -> Iterator[Record]:
        nonlocal skipped
        for doc in warned(load_paths(paths, on_error=log, **load_options)):  # type: ignore[arg-type]
            if sink is not None and sink.skip(str(doc.get("id")), str((doc.get("source") or {}).get("sha256", ""))):
                skipped += 1
                continue
            yield doc

    if engine == "dask":
        results = run_dask(docs(), options, str(scheduler))
    else:
        results = run_local(docs(), options, jobs)
    show = sys.stderr.isatty() and not quiet
    total = count_documents(
        paths, glob=load_options["glob"],  # type: ignore[arg-type]
        pages_per_folder=bool(load_options.get("pages_per_folder"))) if show else None
    try:
        with _progress(show, total) as advance, _interrupt_between_documents() as stop:
            for result in results:
                stop()
                _account(result, totals, log)
                if sink is None:
                    sys.stdout.write(result.lines)
                else:
                    sink.write(result)
                advance(result)
    except BaseException:
        if sink is not None:
            sink.close()  # the partial output and its journal stay for --resume
        raise
    if sink is not None:
        sink.finish()
    if not quiet:
        _summary(totals, skipped, log.count, time.perf_counter() - started, table=sys.stderr.isatty(), verbose=verbose)
    return log.exit_code


@contextmanager
def _interrupt_between_documents() -> Iterator[Callable[[], None]]:
    """Ctrl-C stops the run between two documents, not inside a fork or a write.

    A SIGINT that lands while the worker pool forks is swallowed by an at-fork hook
    ("Exception ignored in _releaseLock"), and one inside a write can cut a line: the handler
    only notes it, and the loop raises KeyboardInterrupt at the next result (well within a second).
    """
    seen = False

    def note(signum: int, frame: object) -> None:
        nonlocal seen
        seen = True

    def stop() -> None:
        if seen:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield stop
        stop()
    finally:
        signal.signal(signal.SIGINT, previous)


def _account(result: Result, totals: Counter[str], log: ErrorLog) -> None:
    totals.update(result.stats)
    if result.error is not None:
        log(NormalizeError(result.error["where"], result.error["reason"]))


class _progress:
    """A rich progress bar on stderr (documents, MB, docs/s, ETA), or nothing."""

    def __init__(self, show: bool, total: int | None) -> None:
        self.show, self.total = show, total
        self.bar: Progress | None = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.show:
            return lambda result: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("[bold]zhnorm run"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[mb]:.1f} MB"), TextColumn("{task.fields[rate]:.1f} docs/s"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("run", total=self.total, mb=0.0, rate=0.0)
        started, chars = time.perf_counter(), 0

        def advance(result: Result) -> None:
            nonlocal chars
            chars += result.stats.get("chars_in", 0)
            done = self.bar.tasks[0].completed + 1  # type: ignore[union-attr]
            rate = done / max(time.perf_counter() - started, 1e-6)
            self.bar.update(task, advance=1, mb=chars * 3 / 1e6, rate=rate)  # type: ignore[union-attr]

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary(totals: Counter[str], skipped: int, rejected: int, seconds: float, *, table: bool, verbose: bool) -> None:
    from cli.streams import counted, say

    mb = totals["chars_in"] * 3 / 1e6  # UTF-8 Chinese: about 3 bytes a character
    figures = {
        "documents": totals["documents"], "pages": totals["pages"], "articles": totals["articles"],
        "characters in": totals["chars_in"], "characters out": totals["chars_out"],
        "rejected": rejected, "furniture removed": totals["removed"],
        "characters removed": totals["chars_removed"], "skipped (resumed)": skipped,
        "seconds": round(seconds, 2), "MB/s": round(mb / seconds, 2) if seconds else 0.0,
    }
    if verbose:
        figures.update({f"stage {k}": v for k, v in sorted(totals.items()) if k.startswith(("blocks_", "punct_"))})
        # which layout rule decided how many blocks: where a page went wrong, the rule to look at
        figures.update({f"rule {k[5:]}": v for k, v in sorted(totals.items()) if k.startswith("rule_")})
    if not table:
        say(", ".join(counted(v, k) for k, v in figures.items()))
        return
    from rich.console import Console
    from rich.table import Table

    out = Table(title="zhnorm run", show_header=False)
    for key, value in figures.items():
        out.add_row(key, str(value))
    Console(stderr=True).print(out)
