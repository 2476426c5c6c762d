"""``zhnorm profile``: draft a corpus profile from the lines a folder's pages repeat."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.options import Paths


def register(app: typer.Typer) -> None:
    """Add ``zhnorm profile`` to ``app``."""
    app.command("profile", short_help="Draft a corpus profile (TOML) from a folder's pages.")(profile)


def profile(
    paths: Paths,
    suggest: Annotated[bool, typer.Option(
        "--suggest", help="Print the lines the pages repeat (running heads, paper names, labels, offices "
        "signing stories or under titles) as a draft profile.")] = False,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the draft here instead of stdout.")] = "-",
    min_pages: Annotated[int, typer.Option(
        "--min-pages", min=2, help="A line repeated on this many pages at least.")] = 2,
) -> None:
    """zhnorm profile --suggest scans/ -o sanmen.toml

    Draft a corpus profile from the lines the pages under PATHs repeat: names
    right after stories' last sentences are credits, names right under titles
    bylines; at a page's top or foot other lines are running heads (furniture),
    inside pages short ones are section labels. Check the draft, add patterns
    it cannot guess, then run with --profile FILE. The draft is TOML, written to stdout (or -o):
    a file for zhnorm, not JSONL. A profile looks like this:

    \b
    \\[furniture]
    lines = \\["综合新闻", "NEW SANMEN"]
    patterns = \\["^责任编辑"]
    \\[labels]
    lines = \\["简讯"]
    \\[credits]
    patterns = \\["^（\\[^（）]{2,12}供稿）$"]
    \\[bylines]
    patterns = \\["^本报记者\\\\s*\\\\S+$"]
    """
    from cli.streams import open_output, reporting_errors, say
    from normalize.profile import pages_of, to_toml
    from normalize.profile import suggest as draft

    if not suggest:
        raise typer.BadParameter("say what to do: --suggest drafts a profile from PATHs")
    with reporting_errors():
        found = draft(pages_of(paths), min_pages=min_pages)
        with open_output(output) as out:
            out.write(to_toml(found, ", ".join(paths)))
    say(f"profile: {len(found['furniture'])} furniture lines, {len(found['labels'])} labels, "
        f"{len(found['credits'])} credits, {len(found['bylines'])} bylines drafted")
