"""Command-line options shared by several commands (help texts must not contain [brackets]:
rich reads them as markup), and how the help shows flags."""

from __future__ import annotations

from typing import Annotated

import typer

JsonlIn = Annotated[
    str, typer.Argument(metavar="FILE", help="JSONL records; - or nothing reads stdin.")]
Output = Annotated[str, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write here instead of stdout, via a temporary file renamed when done.")]


def flags_take_no_value() -> None:
    """Show a flag bare in the rich help: ``--strict``, not ``--strict <bool>``.

    Typer 0.29's rich help prints every option's type, flags included (even ``--help <bool>``),
    which tells people to type a value after them; its plain help already leaves flags and
    counters bare (``TyperOption.get_help_record``). This makes the rich help do the same for
    every option, the ``--help`` that Typer adds too. ``cli.app`` applies it once; the test
    ``test_no_help_shows_a_flag_taking_a_value`` fails if a Typer upgrade changes what it patches.
    """
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich
    if getattr(shown, "flags_bare", False):
        return

    def display_type_rich(self: TyperOption, ctx: typer.Context) -> str | None:
        return None if self.is_flag or self.count else shown(self, ctx)

    display_type_rich.flags_bare = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
