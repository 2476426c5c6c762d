"""Streams for the CLI: '-' means stdin/stdout, bad data becomes one stderr line and exit 1.

stdout carries JSONL only; everything meant for people goes to stderr through ``say``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO

import typer

from normalize.errors import BadInput, NormalizeError, Skipped
from normalize.records import Record, write_record

STDIN_NAME = "<stdin>"


def say(message: str) -> None:
    """One line for people on stderr, prefixed with the program name."""
    print(f"zhnorm: {message}", file=sys.stderr, flush=True)


def display_name(path: str | None) -> str:
    """The name used in messages: ``<stdin>`` for '-' or no path."""
    return STDIN_NAME if path in (None, "-") else str(path)


def stdin_hint(what: str) -> None:
    """Tell a person at a terminal why nothing happens: we are waiting for their input."""
    if sys.stdin.isatty():
        say(f"reading {what} from standard input (Ctrl-D to end)")


@contextmanager
def open_input(path: str | None) -> Iterator[IO[bytes]]:
    """A JSONL file, or stdin for '-'/None; binary so a bad byte rejects only its line."""
    if path in (None, "-"):
        stdin_hint("JSONL")
        yield sys.stdin.buffer
        return
    try:
        fp = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise BadInput(path, "no such file") from None
    except OSError as e:
        raise BadInput(path, f"cannot read: {e.strerror or e}") from None
    with fp:
        yield fp


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """stdout for '-'/None; else a temporary file beside ``path``, renamed when complete.

    An interrupted or failed run leaves no half-written file that looks whole. A missing
    folder is refused here, before any work is done.
    """
    # backslashreplace: a lone surrogate from a "\ud800" escape comes out as that same
    # escape, which is still valid JSON, instead of a UnicodeEncodeError mid-stream
    if path in (None, "-"):
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", newline="\n", errors="backslashreplace")
        yield out
        out.flush()
        return
    check_output_folder(path)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fp = tmp.open("w", encoding="utf-8", newline="\n", errors="backslashreplace")
    try:
        with fp:
            yield fp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def check_output_folder(path: str) -> None:
    """Refuse an output whose folder is missing, before any work is done."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise BadInput(path, f"output folder {folder.as_posix()}/ does not exist")


def checked(records: Iterable[Record], step: Callable[[Iterable[Record]], Iterator[Record]],
            log: Callable[[NormalizeError], None], *, side: list[Record] | None = None) -> Iterator[Record]:
    """Run ``step`` one record at a time and check each output against its input (--check).

    A record that loses characters is reported (its output is still written: the check
    tells, it does not drop data). ``side`` is where the step puts what it removed, if not
    on the records (``split --furniture``).
    """
    from normalize.check import check_conservation, closed_titles, record_outputs

    for record in records:
        outputs = list(step([record]))
        source = "\n".join(record_outputs(record)) if "blocks" in record else str(record.get("text", ""))
        texts = [t for out in outputs for t in record_outputs(out)]
        if side:
            texts += [str(r.get("text", "")) for r in side[-1].get("removed") or []]
        closed = closed_titles([*outputs, *(side[-1:] if side else [])])
        err = check_conservation(str(record.get("id", "")), source, texts, closed=closed)
        if err is not None:
            log(err)
        yield from outputs


def warned(records: Iterable[Record]) -> Iterator[Record]:
    """Pass records on, saying on stderr what the loader noticed (a file mixing encodings)."""
    for record in records:
        warning = (record.get("source") or {}).get("warning")
        if warning:
            say(f"warning: {record.get('id')}: {warning}")
        yield record


def explain_blocks_to_stderr(where: str, blocks: list[dict]) -> None:
    """``dehyphenate --explain``: each block with its lines, kind, role and the rule that decided it."""
    for b in blocks:
        first, last = b.get("lines", ["?", "?"])
        kind = b.get("kind", "?") + (f"/{b['role']}" if b.get("role") else "")
        text = b.get("text", "")
        shown = text if len(text) <= EXPLAIN_CHARS else text[: EXPLAIN_CHARS - 1] + "…"
        say(f"explain: {where}:{first}-{last}: {kind} by {b.get('why') or '?'}: {shown}")


EXPLAIN_CHARS = 30  # a block's text shown by --explain, at most


def explain_to_stderr(where: str, rule: str, before: str, after: str) -> None:
    """``--explain``: each change a rule made, with its place, one line each on stderr."""
    from difflib import SequenceMatcher

    for tag, a1, a2, b1, b2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag != "equal":
            say(f"explain: {where}: {rule}: {before[a1:a2]!r} -> {after[b1:b2]!r} at {a1}")


@contextmanager
def reporting_errors() -> Iterator[None]:
    """The only place that turns errors into messages and exit codes.

    Bad data -> ``zhnorm: error: <where>: <what>`` and exit 1; Ctrl-C -> exit 130.
    Anything else is a bug and keeps its traceback.
    """
    try:
        yield
    except NormalizeError as err:
        say(f"error: {err}")
        raise typer.Exit(1) from None
    except BrokenPipeError:  # SIGPIPE not restored (Windows, tests): end as quietly
        _silence_stdout()
        raise typer.Exit(141) from None
    except OSError as err:  # disk full, permission denied: the system's words suffice
        where = f"{err.filename}: " if err.filename else ""
        say(f"error: {where}{err.strerror or err}")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def default_rejects(rejects: str | None, output: str | None) -> str | None:
    """``--rejects`` if given; else with ``-o out/a.jsonl``, ``out/a.rejects.jsonl``.

    >>> default_rejects(None, "out/a.jsonl"), default_rejects(None, "-"), default_rejects("r", "a")
    ('out/a.rejects.jsonl', None, 'r')
    """
    if rejects or output in (None, "-"):
        return rejects
    target = Path(str(output))
    name = target.name.removesuffix(".jsonl") + ".rejects.jsonl"
    return target.with_name(name).as_posix()


class ErrorLog:
    """Collects the errors of a batch, as the ``on_error`` callback of the library.

    Each error is printed as one line on stderr at once and, with a rejects path, written
    as a JSON line to that file (created at the first reject only). ``exit_code`` is 1 if
    anything was rejected. With ``strict``, the first error is raised instead. A file left
    out on purpose (``Skipped``) is a note on stderr only.
    """

    def __init__(self, rejects: str | None = None, *, strict: bool = False) -> None:
        if rejects and not Path(rejects).parent.is_dir():
            folder = Path(rejects).parent.as_posix()
            raise BadInput(rejects, f"rejects folder {folder}/ does not exist")
        self.rejects, self.strict, self.count = rejects, strict, 0
        self._fp: IO[str] | None = None

    def __call__(self, err: NormalizeError) -> None:
        if isinstance(err, Skipped):  # left out on purpose: a note, not a reject
            say(f"note: {err}")
            return
        if self.strict:
            raise err
        self.count += 1
        say(f"error: {err}")
        if self.rejects:
            if self._fp is None:
                self._fp = open(self.rejects, "w", encoding="utf-8")  # noqa: SIM115
            write_record(err.to_record(), self._fp)

    @property
    def exit_code(self) -> int:
        return 1 if self.count else 0

    def __enter__(self) -> ErrorLog:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._fp is not None:
            self._fp.close()


def counted(value: object, noun: str) -> str:
    """``value`` and ``noun`` (given in the plural), its plural word in the singular for exactly one.

    >>> counted(1, "documents"), counted(1, "characters in"), counted(1, "predicted documents"), counted(2, "pages")
    ('1 document', '1 character in', '1 predicted document', '2 pages')
    >>> counted(1, "rejected"), counted(1, "MB/s"), counted(0, "labels")
    ('1 rejected', '1 MB/s', '0 labels')
    """
    if value == 1:
        words = noun.split(" ")
        k = next((k for k, w in enumerate(words) if w.isalpha() and w.endswith("s")), None)
        if k is not None:
            words[k] = words[k][:-1]
            noun = " ".join(words)
    return f"{value} {noun}"
