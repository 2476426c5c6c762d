"""``zhnorm eval``: score article records against gold, as a table for people or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # rich, streams and the scorer load when eval runs, not for every zhnorm --help
    from rich.table import Table

    from cli.streams import ErrorLog
    from normalize.evaluate import Row

# a figure below these is shown yellow, then red (stray_per_1k: above, inverted)
GOOD, FAIR = 0.95, 0.8
STRAY_GOOD, STRAY_FAIR = 0.5, 2.0
COUNT_HEADERS = {"articles_gold": "gold", "articles_pred": "pred",
                 "paragraphs_gold": "paras", "blocks": "blocks"}


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""
    app.command("eval", short_help="Score article records against gold articles.")(evaluate)


def evaluate(
    pred: Annotated[str, typer.Argument(
        metavar="PRED", help="Predicted records (zhnorm split or run output); - reads stdin.")],
    gold: Annotated[list[str], typer.Argument(
        metavar="GOLD", help="Gold articles, one JSON object per line.")],
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print {overall, per_doc} as one JSON line instead of a table.")] = False,
    blocks: Annotated[bool, typer.Option(
        "--blocks", help="PRED holds documents with blocks (dehyphenate or punct output): "
        "score para_intact and block_prec.")] = False,
) -> None:
    """zhnorm eval out/articles.jsonl seeds/gold/001.jsonl

    Pair predicted and gold articles per document (optimal assignment by body
    similarity) and report article_f1, body_sim, para_f1, title_acc, credit_acc,
    punct_acc and stray_per_1k: overall, then each document, worst first.
    Documents are matched by file name before the first dot (doc dev01.txt
    meets gold doc dev01). Gold lines look like
    {"doc": "dev01", "title": "...", "kicker": null, "paragraphs": ["..."], "credit": "据央视网"}.
    With --blocks, PRED is documents from dehyphenate or punct, and the figures
    are para_intact and block_prec. A bad line is reported and skipped (exit 1).
    """
    from rich.console import Console

    from cli.streams import ErrorLog, reporting_errors
    from normalize.errors import BadInput
    from normalize.evaluate import ARTICLE_FIGURES, BLOCK_FIGURES, score_articles, score_blocks
    from normalize.records import dumps

    if [pred, *gold].count("-") > 1:
        raise typer.BadParameter("only one of PRED and GOLD can be - (stdin)")
    with reporting_errors(), ErrorLog() as log:
        pred_rows = _read(pred, log)
        gold_rows = [row for path in gold for row in _read(path, log)]
        if not gold_rows:
            raise BadInput(", ".join(gold), "no gold articles to score against")
        scorer = score_blocks if blocks else score_articles
        result = scorer(pred_rows, gold_rows)
        _warn_ungolded(pred_rows, result, blocks)
    if as_json:
        print(dumps(result), flush=True)
    else:
        Console().print(results_table(result, BLOCK_FIGURES if blocks else ARTICLE_FIGURES))
    raise typer.Exit(log.exit_code)


def _warn_ungolded(pred_rows: list[Row], result: dict[str, Any], blocks: bool) -> None:
    """Say which predicted documents have no gold: a wrong file or a doc name that does not
    match is the usual cause, and their articles lower article_f1."""
    from normalize.evaluate import doc_key

    extra: dict[str, int] = {}
    for row in pred_rows:
        if (key := doc_key(row)) not in result["per_doc"]:
            extra[key] = extra.get(key, 0) + 1
    if extra:
        more = f" and {len(extra) - 3} more" if len(extra) > 3 else ""
        names = ", ".join(list(extra)[:3]) + more
        effect = "" if blocks else (f"; their articles ({sum(extra.values())}) count as false "
                                    "ones in the overall article_f1")
        from cli.streams import counted, say

        say(f"warning: no gold for {counted(len(extra), 'predicted documents')} ({names}), "
            f"not scored{effect}")


def _read(path: str, log: ErrorLog) -> list[Row]:
    from cli.streams import display_name, open_input
    from normalize.evaluate import read_rows

    with open_input(path) as fp:
        return list(read_rows(fp, display_name(path), on_error=log))


def results_table(result: dict[str, Any], figures: tuple[str, ...]) -> Table:
    """Overall first, then each document from the worst (lowest first figure, then second).

    Headers are the JSON names broken at "_", so the table fits 80 columns.
    """
    from rich import box
    from rich.table import Table

    from cli.streams import counted

    counts = [k for k in result["overall"] if k not in figures and k != "docs"]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=0,
                  caption=counted(result["overall"].get("docs", 0), "documents"))
    table.add_column("document", no_wrap=True)
    table.add_column("/\n".join(COUNT_HEADERS.get(c, c) for c in counts), justify="right")
    for name in figures:
        table.add_column(name.replace("_", "\n", 1), justify="right")
    table.add_row("overall", *_cells(result["overall"], counts, figures), style="bold",
                  end_section=True)
    # worst first: by the first figure, then by the mean of the other rates (stray is a count)
    rates = [f for f in figures[1:] if f != "stray_per_1k"]
    worst_first = sorted(result["per_doc"].items(), key=lambda item: (
        item[1][figures[0]], sum(item[1][f] for f in rates) / max(len(rates), 1), item[0]))
    for doc, figs in worst_first:
        table.add_row(doc, *_cells(figs, counts, figures))
    return table


def _cells(figs: dict[str, Any], counts: list[str], figures: tuple[str, ...]) -> list[str]:
    return ["/".join(str(figs.get(k, "")) for k in counts),
            *(_coloured(k, figs[k]) for k in figures)]


def _coloured(name: str, value: float) -> str:
    if name == "stray_per_1k":
        style = "green" if value <= STRAY_GOOD else "yellow" if value <= STRAY_FAIR else "red"
        return f"[{style}]{value:.3f}[/]"
    style = "green" if value >= GOOD else "yellow" if value >= FAIR else "red"
    return f"[{style}]{value:.4f}[/]"
