"""Batch runs: one pure per-document function, run in order locally, in worker processes or on Dask.

``process_document`` turns one loaded document into its output lines; every engine calls it
and writes the results in input order, so ``--jobs 1``, ``--jobs N`` and Dask give the same
bytes. ``ResumableOutput`` keeps finished documents in a journal beside the output, so a
killed run continues where it stopped.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import NormalizeError
from .pipeline import document_stages, run_pipeline
from .records import Record, dumps

CHUNK_CHARS = 1 << 18  # characters sent to a worker together: small enough to keep both cores busy to the end
MAX_IN_FLIGHT = 4  # chunks per worker queued ahead: bounds memory, keeps workers busy


@dataclass(frozen=True)
class Options:
    """What each worker does to a document, beyond the stages: ``check`` runs the conservation check."""

    check: bool = False
    segment: Any = None  # a normalize.segment.Segmenter: add the segment stage last
    profile: Any = None  # a normalize.profile.Profile: the corpus's own lines and patterns


@dataclass
class Result:
    """One document's output lines and figures, as a worker returns them."""

    id: str
    sha256: str
    lines: str  # JSONL, newline-terminated
    stats: dict[str, int] = field(default_factory=dict)
    error: dict[str, str] | None = None  # {"where", "reason"}: the document was refused, or failed --check


def process_document(doc: Record, options: Options = Options()) -> Result:
    """Run the chain of ``document_stages`` on one document; a failure becomes the document's error,
    not the run's."""
    doc_id = str(doc.get("id", ""))
    sha = str((doc.get("source") or {}).get("sha256", ""))
    text = str(doc.get("text", ""))
    stats = {"documents": 1, "pages": int(doc.get("pages") or 0), "chars_in": len(text)}

    def count(stage: str, record: Record) -> None:  # the per-stage figures of zhnorm run -v
        if stage == "dehyphenate":
            blocks = record.get("blocks") or []
            stats.update(Counter(f"blocks_{b.get('kind')}" for b in blocks))
            stats.update(Counter(f"rule_{b['why']}" for b in blocks if b.get("why")))
        elif stage == "punct":
            stats.update({f"punct_{k}": v for k, v in (record.get("changes") or {}).items()})

    lost = None
    try:
        stages = document_stages(segmenter=options.segment, observe=count, profile=options.profile)
        articles = list(run_pipeline([doc], stages))
        if options.check:  # the check tells; the articles are written all the same, as the pipe does
            from .check import check_conservation, closed_titles, record_outputs

            lost = check_conservation(doc_id, text, [t for a in articles for t in record_outputs(a)],
                                      closed=closed_titles(articles))
    except NormalizeError as err:
        return Result(doc_id, sha, "", stats, {"where": err.where, "reason": err.reason})
    except Exception as err:  # a bug on one document must not cost the other documents
        reason = f"internal error {type(err).__name__}: {err}; please report this document"
        return Result(doc_id, sha, "", stats, {"where": doc_id, "reason": reason})
    stats["articles"] = len(articles)
    stats["chars_out"] = sum(len(str(a.get("text", ""))) for a in articles)
    removed = [r for a in articles for r in a.get("removed") or []]
    stats["removed"] = len(removed)
    stats["chars_removed"] = sum(len(str(r.get("text", "")).replace(" ", "")) for r in removed)
    error = None if lost is None else {"where": lost.where, "reason": lost.reason}
    return Result(doc_id, sha, "".join(dumps(a) + "\n" for a in articles), stats, error)


def process_chunk(docs: list[Record], options: Options) -> list[Result]:
    """``process_document`` over a chunk: one round trip to a worker for many small documents."""
    return [process_document(d, options) for d in docs]


def chunks(docs: Iterable[Record], limit: int = CHUNK_CHARS) -> Iterator[list[Record]]:
    """Documents grouped up to about ``limit`` characters, in order."""
    chunk: list[Record] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += len(str(doc.get("text", "")))
        if size >= limit:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_local(docs: Iterable[Record], options: Options, jobs: int) -> Iterator[Result]:
    """Results in input order; with ``jobs`` > 1 from worker processes, a bounded window ahead."""
    if jobs <= 1:
        for doc in docs:
            yield process_document(doc, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        yield from _in_order(lambda chunk: pool.submit(process_chunk, chunk, options), docs, jobs)
    finally:
        # on Ctrl-C (or a closed generator) drop the queued chunks instead of finishing them
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops them: one message, no tracebacks."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_dask(docs: Iterable[Record], options: Options, scheduler: str) -> Iterator[Result]:
    """The same chunks sent to a Dask cluster (``pip install 'zhnorm[dask]'``), results in order."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise NormalizeError("--engine dask", "dask is not installed; pip install 'zhnorm[dask]'") from None
    with Client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(
            lambda chunk: client.submit(process_chunk, chunk, options, pure=False), docs, workers)


def _in_order(submit: Callable[[list[Record]], Any], docs: Iterable[Record], workers: int) -> Iterator[Result]:
    """Submit chunks of ``docs`` (each returns a future) and yield their results in input order,
    with at most ``workers * MAX_IN_FLIGHT`` chunks in flight."""
    window: deque[Any] = deque()
    for chunk in chunks(docs):
        window.append(submit(chunk))
        while len(window) >= workers * MAX_IN_FLIGHT:
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()


class ResumableOutput:
    """Output written beside its final name, with a journal of finished documents.

    ``OUT.partial`` holds the lines, ``OUT.partial.journal`` one JSON line per finished
    document (id, sha256, size of ``OUT.partial`` after it). A killed run leaves both; with
    ``resume`` the partial file is cut back to the last journalled document and the documents
    in the journal are skipped. ``finish`` moves the result under its final name (gzipped for
    ``.gz``); until then nothing exists under that name.
    """

    def __init__(self, target: str, *, resume: bool = False) -> None:
        self.target = Path(target)
        self.partial = self.target.with_name(self.target.name + ".partial")
        self.journal_path = self.target.with_name(self.target.name + ".partial.journal")
        self.done: dict[str, str] = {}
        offset = 0
        if resume and self.partial.exists() and self.journal_path.exists():
            for line in self.journal_path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    break  # a journal line cut by the crash: everything after it is redone
                self.done[entry["id"]] = entry["sha256"]
                offset = entry["offset"]
        self._out: IO[bytes] = self.partial.open("r+b" if offset else "wb")
        self._out.truncate(offset)
        self._out.seek(offset)
        self._journal: IO[str] = self.journal_path.open("a" if offset else "w", encoding="utf-8")
        if not offset:
            self.done.clear()

    def skip(self, doc_id: str, sha256: str) -> bool:
        """True when this document (same id and content) is already in the partial output."""
        return self.done.get(doc_id) == sha256 and bool(sha256)

    def write(self, result: Result) -> None:
        self._out.write(result.lines.encode("utf-8", "backslashreplace"))
        self._out.flush()
        entry = {"id": result.id, "sha256": result.sha256, "offset": self._out.tell()}
        self._journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._journal.flush()

    def close(self) -> None:
        self._out.close()
        self._journal.close()

    def finish(self) -> None:
        """Move the finished output under its final name (gzip-compressed for ``.gz``)."""
        self.close()
        if self.target.suffix == ".gz":
            tmp = self.target.with_name(self.target.name + ".tmp")
            with self.partial.open("rb") as src, gzip.open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)
            os.replace(tmp, self.target)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.target)
        self.journal_path.unlink(missing_ok=True)
