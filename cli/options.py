"""Command-line options shared by several commands, and how the help shows flags.

Help texts must not contain [brackets]: rich reads them as markup.
"""

from __future__ import annotations

import codecs
from typing import Annotated

import typer


def _encoding(value: str | None) -> str | None:
    if value:
        try:
            codecs.lookup(value)
        except LookupError:
            hint = "try gb18030, big5, utf-16"
            raise typer.BadParameter(f"unknown encoding {value!r} ({hint})") from None
    return value


JsonlIn = Annotated[
    str, typer.Argument(metavar="FILE", help="JSONL records; - or nothing reads stdin.")]
Output = Annotated[str, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write here instead of stdout, via a temporary file renamed when done.")]
Paths = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Files, folders, or - for stdin.")]
Strict = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record or file.")]
Rejects = Annotated[str | None, typer.Option(
    "--rejects", metavar="FILE",
    help="Also write bad records and files here as JSONL (with -o OUT.jsonl, the default is "
    "OUT.rejects.jsonl).")]
Check = Annotated[bool, typer.Option(
    "--check", help="Verify that every input character is in the output or on the removed list.")]
Glob = Annotated[str | None, typer.Option(
    "--glob", show_default=False,
    help="Names of the files to read in folders (case-insensitive; NAME.gz too); by default "
    "every format zhnorm reads: *.txt, *.pdf, *.hocr, *.xml (ALTO).")]
ProfileFile = Annotated[str | None, typer.Option(
    "--profile", metavar="FILE",
    help="A corpus profile (TOML): the paper's own running heads, labels, credit and byline "
    "patterns (see zhnorm profile).")]
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


def flags_take_no_value() -> None:
    """Show a flag bare in the rich help: ``--strict``, not ``--strict <bool>``.

    Typer 0.29's rich help prints every option's type, flags included (even ``--help <bool>``),
    which tells people to type a value after them; its plain help already leaves flags and
    counters bare (``TyperOption.get_help_record``). This makes the rich help do the same for
    every option, the ``--help`` that Typer adds too. ``cli.app`` applies it once. A Typer without
    ``display_type_rich`` is left alone; ``test_no_help_shows_a_flag_taking_a_value`` says whether
    the help is still right after an upgrade.
    """
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "flags_bare", False):
        return

    def display_type_rich(self: TyperOption, ctx: typer.Context) -> str | None:
        return None if self.is_flag or self.count else shown(self, ctx)

    display_type_rich.flags_bare = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
