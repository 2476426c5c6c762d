"""normalize.evaluate agrees with shared/bench/score.py; ``zhnorm eval`` reports it."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from helpers import jsonl
from typer.testing import CliRunner

from cli.evaluate import register
from normalize.evaluate import (
    ARTICLE_FIGURES,
    assign,
    count_stray,
    doc_key,
    score_articles,
    score_blocks,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE_PY = SHARED / "bench" / "score.py"
TOLERANCE = 0.002
runner = CliRunner()


def gold_article(doc: str = "d1", title: str = "社区活动开幕", **extra: Any) -> dict[str, Any]:
    return {"doc": doc, "title": title, "kicker": None, "credit": "据新华社",
            "paragraphs": ["今天，社区活动正式开幕。", "居民们踊跃参加（共200人）。"]} | extra


def as_predicted(gold: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A zhnorm article record with gold's content: ``doc`` is the file name, as split writes it."""
    return gold | {"id": f"{gold['doc']}.txt#1", "doc": f"{gold['doc']}.txt",
                   "text": "\n".join(gold["paragraphs"])} | changes


# -- agreement with score.py on the dev set --------------------------------------------------


def dev_predictions(variant: str, blocks: bool) -> list[dict[str, Any]]:
    """The pipeline's output on one dev variant, as score_dev.py makes it."""
    from normalize.layout import dehyphenate_records
    from normalize.punct import punctuate
    from normalize.split import split_articles

    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")}
            for p in sorted((SHARED / "dev" / variant / "inputs").glob("*.txt"))]
    stages = punctuate(dehyphenate_records(docs))
    return list(stages) if blocks else list(split_articles(stages))


NO_SHARED = f"{SHARED} is absent (CI has it beside the repo)"


@pytest.mark.skipif(not SCORE_PY.is_file(), reason=NO_SHARED)
@pytest.mark.parametrize("blocks", [False, True], ids=["articles", "blocks"])
@pytest.mark.parametrize("variant", ["pdftotext-raw", "ocr"])
def test_figures_equal_score_py_on_the_dev_set(variant: str, blocks: bool, tmp_path: Path) -> None:
    gold_files = sorted((SHARED / "dev" / variant / "gold").glob("*.jsonl"))
    assert gold_files, f"no gold under {SHARED}/dev/{variant}/gold"
    pred = dev_predictions(variant, blocks)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(jsonl(*pred), encoding="utf-8")
    flags = ["--json", "--per-doc", *(["--blocks"] if blocks else [])]
    done = subprocess.run([sys.executable, str(SCORE_PY), str(pred_file), *map(str, gold_files),
                           *flags], capture_output=True, text=True, check=True, timeout=300)
    reference = json.loads(done.stdout)
    gold = [json.loads(line) for f in gold_files
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = (score_blocks if blocks else score_articles)(pred, gold)

    assert ours["per_doc"].keys() == reference["per_doc"].keys()
    for name, value in ours["overall"].items():
        assert value == pytest.approx(reference[name], abs=TOLERANCE), f"overall {name}"
    for doc, figures in reference["per_doc"].items():
        for name, value in figures.items():
            ours_value = ours["per_doc"][doc][name]
            assert ours_value == pytest.approx(value, abs=TOLERANCE), f"{doc} {name}"


# -- unit cases --------------------------------------------------------------------------


def test_a_perfect_prediction_scores_1() -> None:
    second = gold_article("d1", title="第二篇", paragraphs=["另一篇文章的正文。"])
    gold = [gold_article("d1"), second]
    pred = [as_predicted(g) for g in gold]
    overall = score_articles(pred, gold)["overall"]
    assert {k: overall[k] for k in ARTICLE_FIGURES} == {
        "article_f1": 1.0, "body_sim": 1.0, "para_f1": 1.0, "title_acc": 1.0,
        "credit_acc": 1.0, "punct_acc": 1.0, "stray_per_1k": 0.0}
    assert (overall["articles_gold"], overall["articles_pred"], overall["docs"]) == (2, 2, 1)


def test_a_missing_article_lowers_article_f1_and_body_sim() -> None:
    gold = [gold_article(), gold_article(title="第二篇", paragraphs=["另一篇完全不同的文章内容。"])]
    result = score_articles([as_predicted(gold[0])], gold)
    # precision 1, recall 1/2
    assert result["overall"]["article_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["overall"]["body_sim"] == 0.5
    assert result["per_doc"]["d1"]["title_acc"] == 0.5


def test_a_title_mismatch_lowers_title_acc_only() -> None:
    gold = [gold_article()]
    figures = score_articles([as_predicted(gold[0], title="社区活动")], gold)["overall"]
    assert figures["title_acc"] == 0.0
    assert figures["article_f1"] == figures["body_sim"] == 1.0


def test_kicker_plus_title_counts_as_the_title() -> None:
    gold = [gold_article(kicker="引题", title="主标题")]
    pred = [as_predicted(gold[0], kicker=None, title="引题 主标题")]
    assert score_articles(pred, gold)["overall"]["title_acc"] == 1.0


def test_stray_spaces_are_counted_per_1000_predicted_characters() -> None:
    gold = [gold_article()]
    paras = ["今天， 社区活动 正式开幕。", "居民们踊跃参加（共200人）。"]
    figures = score_articles([as_predicted(gold[0], paragraphs=paras)], gold)["overall"]
    chars = len("\n".join(paras))
    assert figures["stray_per_1k"] == round(1000 * 2 / chars, 3)
    assert figures["body_sim"] == 1.0  # spaces are not held against the body


def test_count_stray_ignores_spaces_between_latin_and_digits() -> None:
    assert count_stray("covid 19 and 2024 年") == 1


def test_a_credit_left_at_the_end_of_the_body_still_counts() -> None:
    gold = [gold_article()]
    last = "居民们踊跃参加（共200人）。（据新华社）"
    pred = as_predicted(gold[0], credit=None, paragraphs=[*gold[0]["paragraphs"][:-1], last])
    assert score_articles([pred], gold)["overall"]["credit_acc"] == 1.0


def test_articles_of_a_document_without_gold_count_as_false_ones() -> None:
    gold = [gold_article("d1")]
    pred = [as_predicted(gold[0]), as_predicted(gold_article("d2"))]
    result = score_articles(pred, gold)
    assert result["overall"]["articles_pred"] == 2
    assert result["overall"]["article_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert list(result["per_doc"]) == ["d1"]


@pytest.mark.parametrize(("row", "key"), [
    ({"doc": "scans/2023/dev01.txt"}, "dev01"),
    ({"id": "dev01.txt#3"}, "dev01"),
    ({"source": {"path": "scans/dev01.txt.gz"}, "id": "x"}, "dev01"),
    ({"doc": "", "source": "a/b/dev02.txt", "id": "zz"}, "dev02"),
])
def test_doc_key(row: dict[str, Any], key: str) -> None:
    assert doc_key(row) == key


def test_assign_finds_the_best_total_where_greedy_does_not() -> None:
    # greedy takes 0.9 first and is left with 0.0; the best total is 0.8 + 0.8
    assert assign([[0.9, 0.8], [0.8, 0.0]]) == [(0, 1), (1, 0)]


def test_assign_is_optimal_on_random_matrices() -> None:
    rng = random.Random(8)
    for _ in range(300):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        sim = [[rng.choice([0.0, 0.5, 1.0, rng.random()]) for _ in range(cols)]
               for _ in range(rows)]
        pairs = assign(sim)
        assert len(pairs) == min(rows, cols)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        if rows <= cols:
            best = max(sum(sim[i][p[i]] for i in range(rows))
                       for p in itertools.permutations(range(cols), rows))
        else:
            best = max(sum(sim[p[j]][j] for j in range(cols))
                       for p in itertools.permutations(range(rows), cols))
        assert sum(sim[i][j] for i, j in pairs) == pytest.approx(best)


def test_blocks_whole_paragraphs_are_intact_and_furniture_is_ignored() -> None:
    gold = [gold_article(paragraphs=["今天社区活动正式开幕，居民们踊跃参加，现场气氛十分热烈。"])]
    doc = {"id": "d1.txt", "text": "", "blocks": [
        {"kind": "furniture", "text": "民生周刊 第5版 二〇二四年七月二十九日星期一 第五版"},
        {"kind": "paragraph", "text": "今天社区活动正式开幕，居民们踊跃参加，现场气氛十分热烈。"}]}
    result = score_blocks([doc], gold)
    assert result["overall"] | {} == {"paragraphs_gold": 1, "blocks": 1, "para_intact": 1.0,
                                      "block_prec": 1.0, "docs": 1}


def test_blocks_a_paragraph_cut_in_two_is_not_intact() -> None:
    text = "今天社区活动正式开幕，居民们踊跃参加，现场气氛十分热烈，大家纷纷表示收获很多。"
    doc = {"id": "d1.txt", "text": "", "blocks": [text[:20], text[20:]]}
    figures = score_blocks([doc], [gold_article(paragraphs=[text])])["per_doc"]["d1"]
    assert figures["para_intact"] == 0.0


# -- the command ---------------------------------------------------------------------------


def eval_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app: keeps eval a subcommand."""

    register(app)
    return app


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """pred.jsonl with a good and a half-missed document; gold.jsonl."""
    good, bad = gold_article("good"), gold_article("bad")
    other = gold_article("bad", title="第二篇", paragraphs=["另一篇完全不同的文章内容。"])
    gold = [good, bad, other]
    pred_file, gold_file = tmp_path / "pred.jsonl", tmp_path / "gold.jsonl"
    pred_file.write_text(jsonl(as_predicted(good), as_predicted(bad)), encoding="utf-8")
    gold_file.write_text(jsonl(*gold), encoding="utf-8")
    return pred_file, gold_file


def test_eval_json_prints_overall_and_per_doc(files: tuple[Path, Path]) -> None:
    pred, gold = files
    result = runner.invoke(eval_app(), ["eval", str(pred), str(gold), "--json"])
    assert (result.exit_code, result.stderr) == (0, "")
    (line,) = result.stdout.splitlines()
    printed = json.loads(line)
    rows = [json.loads(x) for f in files for x in f.read_text(encoding="utf-8").splitlines()]
    assert printed == score_articles(rows[:2], rows[2:])
    assert set(printed) == {"overall", "per_doc"}


def test_eval_table_shows_overall_then_the_worst_document_first(files: tuple[Path, Path]) -> None:
    pred, gold = files
    result = runner.invoke(eval_app(), ["eval", str(pred), str(gold)])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()
             if line.split() and line.split()[0] in ("overall", "good", "bad")]
    assert names == ["overall", "bad", "good"]


def test_eval_blocks(tmp_path: Path) -> None:
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "docs.jsonl"
    gold_file.write_text(jsonl(gold_article()), encoding="utf-8")
    pred_file.write_text(jsonl({"id": "d1.txt", "text": "", "blocks": [
        {"kind": "paragraph", "text": p} for p in gold_article()["paragraphs"]]}), encoding="utf-8")
    args = ["eval", "--blocks", "--json", str(pred_file), str(gold_file)]
    result = runner.invoke(eval_app(), args)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["overall"]["para_intact"] == 1.0


def test_eval_bad_line_is_one_error_line_and_exit_1(files: tuple[Path, Path]) -> None:
    pred, gold = files
    gold.write_text(gold.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    result = runner.invoke(eval_app(), ["eval", str(pred), str(gold), "--json"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"zhnorm: error: {gold}:4: not valid JSON (Expecting value at column 1)\n")
    assert json.loads(result.stdout)["overall"]["articles_gold"] == 3  # the rest is scored


def test_eval_row_without_paragraphs_is_named(tmp_path: Path, files: tuple[Path, Path]) -> None:
    pred, _ = files
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc": "good", "body": "x"}\n', encoding="utf-8")
    result = runner.invoke(eval_app(), ["eval", str(pred), str(gold)])
    assert result.exit_code == 1
    why = 'record has no "paragraphs", "text" or "blocks" (keys: doc, body)'
    assert result.stderr.startswith(f"zhnorm: error: {gold}:1: {why}\n")


def test_eval_missing_file_exits_1_with_one_line(files: tuple[Path, Path]) -> None:
    pred, _ = files
    result = runner.invoke(eval_app(), ["eval", str(pred), "nope.jsonl"])
    assert (result.exit_code, result.stderr) == (1, "zhnorm: error: nope.jsonl: no such file\n")


def test_eval_reads_pred_from_stdin(files: tuple[Path, Path]) -> None:
    pred, gold = files
    result = runner.invoke(eval_app(), ["eval", "-", str(gold), "--json"],
                           input=pred.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["overall"]["articles_pred"] == 2


def test_eval_help_starts_with_an_example() -> None:
    result = runner.invoke(eval_app(), ["eval", "--help"])
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[1] == "zhnorm eval out/articles.jsonl seeds/gold/001.jsonl"


def test_eval_warns_about_predicted_documents_without_gold(files: tuple[Path, Path]) -> None:
    pred, gold = files
    pred.write_text(pred.read_text(encoding="utf-8") + jsonl(as_predicted(gold_article("extra"))),
                    encoding="utf-8")
    result = runner.invoke(eval_app(), ["eval", str(pred), str(gold), "--json"])
    assert result.exit_code == 0
    assert result.stderr == (
        "zhnorm: warning: no gold for 1 predicted document (extra), not scored; their "
        "articles (1) count as false ones in the overall article_f1\n")
