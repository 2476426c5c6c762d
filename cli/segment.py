"""The ``zhnorm segment`` command: words for corpus users (jieba), as JSONL or training text.

``register(app)`` adds the command to the Typer app; this module does not import jieba
(``normalize.segment`` loads it when the first text is segmented).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from cli.options import JsonlIn, Output


class Mode(str, Enum):
    precise = "precise"
    search = "search"


class Format(str, Enum):
    jsonl = "jsonl"
    text = "text"


class ParagraphSep(str, Enum):
    space = "space"
    newline = "newline"


# help texts must not contain [brackets] (rich markup)
ModeOpt = Annotated[Mode, typer.Option(
    "--mode", help="precise: jieba's precise mode, each character in one word. search: "
    "also the shorter words inside long ones, for search indexes.")]
Hmm = Annotated[bool, typer.Option(
    "--hmm/--no-hmm", help="Let jieba's HMM join characters into words not in its dictionary.")]
UserDict = Annotated[str | None, typer.Option(
    "--dict", metavar="FILE",
    help="User dictionary, UTF-8, one entry a line: word, then optionally a frequency "
    "and a tag, e.g. 通武廊 10 ns.")]
Stopwords = Annotated[str | None, typer.Option(
    "--stopwords", metavar="FILE", help="Drop these words: UTF-8, one word a line.")]
Punct = Annotated[bool, typer.Option(
    "--punct/--no-punct", help="Keep tokens made only of punctuation and symbols.")]
FormatOpt = Annotated[Format, typer.Option(
    "--format", help="jsonl: the records with tokens added. text: the training format, "
    "tokens separated by single spaces.")]
Sep = Annotated[ParagraphSep | None, typer.Option(
    "--paragraph-sep", show_default="space",
    help="With --format text: space puts one article on a line; newline puts each "
    "paragraph on a line and a blank line between articles.")]
Strict = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record.")]
Rejects = Annotated[str | None, typer.Option(
    "--rejects", metavar="FILE",
    help="Also write bad records here as JSONL (with -o OUT.jsonl, the default is "
    "OUT.rejects.jsonl).")]


def segment(
    source: JsonlIn = "-", output: Output = "-", mode: ModeOpt = Mode.precise,
    hmm: Hmm = True, user_dict: UserDict = None, stopwords: Stopwords = None,
    punct: Punct = True, format_: FormatOpt = Format.jsonl, paragraph_sep: Sep = None,
    strict: Strict = False, rejects: Rejects = None,
) -> None:
    """zhnorm run scans/ -o - | zhnorm segment --format text > corpus.txt

    Split article records (or any record's text) into words with jieba.
    JSONL output adds "tokens": for an article {"title": [...], "paragraphs":
    [[...], ...]}, for other records {"text": [...]}. Whitespace is dropped;
    in precise mode the tokens joined give back the text.
    --format text writes the training format for word2vec or fastText instead
    of JSONL.
    """
    if paragraph_sep is not None and format_ is not Format.text:
        raise typer.BadParameter("only applies with --format text",
                                 param_hint="'--paragraph-sep'")
    from cli.streams import ErrorLog, default_rejects, display_name, open_input, open_output, reporting_errors
    from normalize.records import read_records, write_records
    from normalize.segment import Segmenter, read_stopwords, segment_records, to_text

    with reporting_errors():
        # word lists first: a bad line is reported before any input is read or output made
        segmenter = Segmenter(
            mode=mode.value, hmm=hmm, user_dict=user_dict, keep_punct=punct,
            stopwords=read_stopwords(stopwords) if stopwords else frozenset(),
        ).load()
        with open_input(source) as fp, open_output(output) as out, \
                ErrorLog(default_rejects(rejects, output), strict=strict) as log:
            records = segment_records(
                read_records(fp, display_name(source), on_error=log), segmenter)
            if format_ is Format.jsonl:
                write_records(records, out)
            else:
                sep = (paragraph_sep or ParagraphSep.space).value
                for line in to_text(records, sep):  # type: ignore[arg-type]
                    out.write(line + "\n")
    raise typer.Exit(log.exit_code)


def register(app: typer.Typer) -> None:
    """Add ``zhnorm segment`` to ``app``."""
    app.command(
        "segment", short_help="Article records -> words (jieba), as JSONL or training text.",
    )(segment)
