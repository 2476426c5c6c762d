"""``zhnorm show``: article records rendered for people, not for pipes.

In the terminal, each article is a rich panel (``render``), shown through a pager. With ``--html OUT.html``,
the page of ``cli.show_html`` is written instead, each document's raw text found at the record's
``source.path``, else under ``--raw DIR`` by the ``doc`` id, else (for document records) in the record's own
``text`` (``find_raw_texts``).

``register(app)`` adds the command; rich, the streams and the loader are imported when it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.options import JsonlIn
from normalize.errors import BadInput, NormalizeError

if TYPE_CHECKING:  # rich, streams and the loader load when show runs, not for every zhnorm --help
    from rich.console import Console
    from rich.panel import Panel

    from normalize.records import Record


def register(app: typer.Typer) -> None:
    """Add ``zhnorm show`` to ``app``."""
    app.command("show", short_help="Article records for people: rich text, or one HTML page.")(show)


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
    raise typer.Exit(show_command(source, html, raw))


def render(record: Record) -> Panel:
    """One article as a panel: kicker, bold title, paragraphs with their line spans, credit.

    Records from before ``split`` (no "paragraphs") show their text instead.
    """
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

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


def print_records(records: Iterable[Record], console: Console | None = None, *, page: bool = True) -> int:
    """Print each record as soon as it is read, through a pager (``less -R``) at a terminal;
    return how many were shown."""
    from rich.console import Console

    console = console or Console()
    if page and console.is_terminal:
        os.environ.setdefault("LESS", "-R")  # less shows rich's colours instead of their codes
        with console.pager(styles=True):
            return print_records(records, console, page=False)
    n = 0
    for n, record in enumerate(records, start=1):  # noqa: B007
        console.print(render(record))
    return n


# -- finding the raw text ------------------------------------------------------------------


def _load_text(path: Path) -> str:
    """A raw file (or a folder of page files) read the way ``zhnorm load`` read it, so the
    line numbers match: same decoding, CRLF -> LF, NFC, pages joined by form feeds."""
    from normalize.loader import load_paths

    errors: list[NormalizeError] = []
    docs = load_paths([str(path)], pages_per_folder=path.is_dir(), on_error=errors.append)
    record = next(iter(docs), None)
    if record is None:
        raise errors[0] if errors else BadInput(path.as_posix(), "no text")
    return str(record["text"])


def _candidates(name: str, record: Record, raw: str | None, n_docs: int) -> list[Path]:
    """Where the raw text of document ``name`` may be, in order."""
    found: list[Path] = []
    source = record.get("source")
    if isinstance(source, dict) and source.get("path"):
        found.append(Path(str(source["path"])))
    if raw:
        root = Path(raw)
        if root.is_dir():
            rel = Path(name)
            if name and not rel.is_absolute() and ".." not in rel.parts:  # stay inside DIR
                found += [root / rel, root / rel.name]
        elif root.name == Path(name).name or n_docs == 1:
            found.append(root)
    return list(dict.fromkeys(found))


def find_raw_texts(records: list[Record], raw: str | None) -> tuple[dict[str, str], list[str]]:
    """The raw text of each document in ``records``, and warnings for those not found."""
    from cli.show_html import doc_name

    firsts: dict[str, Record] = {}
    for record in records:
        firsts.setdefault(doc_name(record), record)
    texts: dict[str, str] = {}
    warnings, nowhere = [], []
    for name, record in firsts.items():
        tried = []
        for path in _candidates(name, record, raw, len(firsts)):
            if not path.exists():
                tried.append(f"{path.as_posix()}: no such file")
                continue
            try:
                texts[name] = _load_text(path)
                break
            except NormalizeError as err:
                tried.append(str(err))
        else:
            if "paragraphs" not in record and isinstance(record.get("text"), str):
                texts[name] = record["text"]  # a document record: its text is the page
            elif tried:
                warnings.append(f"{name}: raw text not found ({'; '.join(tried)}); "
                                "showing its articles alone")
            else:
                nowhere.append(name)
    if nowhere:  # article records carry no path: one line, not one per document
        more = f" and {len(nowhere) - 3} more" if len(nowhere) > 3 else ""
        some = ", ".join(nowhere[:3]) + more
        warnings.append(f"no raw text for {some}; showing the articles alone "
                        "(give the folder that was loaded with --raw DIR)")
    return texts, warnings


def show_command(source: str, html: str | None, raw: str | None) -> int:
    """``zhnorm show``: the rich view on stdout, or with ``html`` one page written there.

    Returns the exit code (1 if a record or file was bad) instead of raising, so ``show``
    can ``raise typer.Exit(show_command(...))``.
    """
    from cli.streams import ErrorLog, counted, display_name, open_input, open_output, reporting_errors, say
    from normalize.records import read_records

    try:
        with reporting_errors(), open_input(source) as fp, ErrorLog() as log:
            records = read_records(fp, display_name(source), on_error=log)
            if html is None:
                print_records(records)
                return log.exit_code
            if raw and not Path(raw).exists():
                raise BadInput(raw, "no such file or folder (--raw)")
            from cli.show_html import doc_name, render_html

            shown = list(records)
            texts, warnings = find_raw_texts(shown, raw)
            for warning in warnings:
                say(f"warning: {warning}")
            with open_output(html) as out:
                out.write(render_html(shown, texts))
            docs = len({doc_name(r) for r in shown})
            say(f"wrote {display_name(html)}: {counted(docs, 'documents')}, {counted(len(shown), 'records')}")
            return log.exit_code
    except typer.Exit as done:
        return int(done.exit_code)
