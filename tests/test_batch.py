"""Batch runs: the same bytes from every engine, resume after a crash, .gz, Ctrl-C, bad documents."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import normalize.batch as batch
import normalize.pipeline as pipeline
from cli.app import app
from normalize.batch import Options, ResumableOutput, process_document, run_local
from normalize.loader import load_paths
from normalize.pipeline import STAGES, document_stages, run_pipeline

ROOT = Path(__file__).resolve().parents[1]
ZHNORM = [sys.executable, "-c", "from cli.app import main; main()"]


def make_corpus(folder: Path, pages: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(folder), "--pages", str(pages)], check=True)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), 24)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZHNORM, *args], capture_output=True, text=True, cwd=ROOT)


def test_jobs_1_and_2_write_the_same_bytes_as_the_pipe(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("run", str(corpus), "-o", str(one), "--jobs", "1").returncode == 0
    assert run("run", str(corpus), "-o", str(two), "--jobs", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 100_000
    zhnorm = f"{' '.join(ZHNORM[:2])} '{ZHNORM[2]}'"
    pipe = subprocess.run(" | ".join([f"{zhnorm} load {corpus}", *(f"{zhnorm} {name}" for name in STAGES)]),
                          shell=True, capture_output=True, cwd=ROOT, check=True)
    assert pipe.stdout == one.read_bytes()


def test_summary_is_one_line_without_a_terminal(corpus: Path, tmp_path: Path) -> None:
    result = run("run", str(corpus), "-o", str(tmp_path / "a.jsonl"), "--jobs", "1", "-v")
    [line] = result.stderr.splitlines()
    assert line.startswith("zhnorm: 6 documents, 24 pages, ") and "stage blocks_paragraph" in line
    assert run("run", str(corpus), "-o", str(tmp_path / "b.jsonl"), "--quiet").stderr == ""


def test_gz_output_holds_the_same_lines(corpus: Path, tmp_path: Path) -> None:
    assert run("run", str(corpus), "-o", str(tmp_path / "a.jsonl"), "-j", "1").returncode == 0
    assert run("run", str(corpus), "-o", str(tmp_path / "a.jsonl.gz"), "-j", "1").returncode == 0
    assert gzip.decompress((tmp_path / "a.jsonl.gz").read_bytes()) == (tmp_path / "a.jsonl").read_bytes()


def test_resume_after_a_crash_writes_every_document_once(corpus: Path, tmp_path: Path) -> None:
    docs = list(load_paths([str(corpus)]))
    whole = "".join(r.lines for r in run_local(docs, Options(), 1))
    target = tmp_path / "out.jsonl"
    out = ResumableOutput(str(target))
    for result in run_local(docs[:4], Options(), 1):
        out.write(result)
    out.close()  # the process dies here: no final file, partial and journal stay
    with (tmp_path / "out.jsonl.partial").open("ab") as fp:
        fp.write(b'{"id":"half a line')  # and the last write was cut short
    assert not target.exists()
    again = ResumableOutput(str(target), resume=True)
    todo = [d for d in docs if not again.skip(d["id"], d["source"]["sha256"])]
    assert len(todo) == len(docs) - 4
    for result in run_local(todo, Options(), 1):
        again.write(result)
    again.finish()
    assert target.read_text(encoding="utf-8") == whole
    assert not (tmp_path / "out.jsonl.partial").exists() and not (tmp_path / "out.jsonl.partial.journal").exists()


def test_kill_9_then_resume_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 480)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    assert run("run", str(corpus), "-o", str(whole), "-j", "1", "-q").returncode == 0
    proc = subprocess.Popen([*ZHNORM, "run", str(corpus), "-o", str(out), "-j", "1", "-q"], cwd=ROOT)
    journal = tmp_path / "out.jsonl.partial.journal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count("\n") < 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists() and journal.exists()
    resumed = run("run", str(corpus), "-o", str(out), "-j", "1", "--resume")
    assert resumed.returncode == 0 and "skipped (resumed)" in resumed.stderr
    assert " 0 skipped" not in resumed.stderr
    assert out.read_bytes() == whole.read_bytes()


def test_ctrl_c_stops_and_leaves_no_final_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 480)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*ZHNORM, "run", str(corpus), "-o", str(out), "-j", "2", "-q"], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    journal = tmp_path / "out.jsonl.partial.journal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not journal.exists():
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)  # (how quickly is a figure for make bench, not a test)
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert not out.exists() and (tmp_path / "out.jsonl.partial").exists()
    assert run("run", str(corpus), "-o", str(out), "--resume", "-q").returncode == 0 and out.exists()


def test_missing_output_folder_fails_before_any_work(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(corpus), "-o", str(tmp_path / "nope" / "a.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"zhnorm: error: {tmp_path}/nope/a.jsonl: output folder {tmp_path}/nope/ does not exist"


def test_a_document_that_breaks_a_stage_is_reported_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.document_stages

    def broken_dehyphenate(**options: object) -> list:
        dehyphenate, *rest = real(**options)  # type: ignore[arg-type]

        def stage(records):  # type: ignore[no-untyped-def]
            for r in records:
                if r["id"] == "bad":
                    raise ValueError("boom")
                yield from dehyphenate([r])

        return [stage, *rest]

    monkeypatch.setattr(batch, "document_stages", broken_dehyphenate)
    good = process_document({"id": "good", "text": "标题\n\n正文写完了。", "source": {"sha256": "x"}})
    bad = process_document({"id": "bad", "text": "标题\n\n正文写完了。", "source": {"sha256": "y"}})
    assert good.error is None and good.lines.count("\n") == 1
    assert bad.lines == "" and bad.error == {"where": "bad", "reason": "internal error ValueError: boom; please report this document"}


def test_the_chain_runs_the_pipeline_stages_in_order_and_observe_sees_each() -> None:
    seen: list[str] = []
    doc = {"id": "a", "text": "标题\n\n正文写完了，好。", "source": {"sha256": "x"}}
    articles = list(run_pipeline([doc], document_stages(observe=lambda name, record: seen.append(name))))
    assert list(dict.fromkeys(seen)) == list(STAGES) and seen.count("split") == len(articles) > 0
    assert [a["steps"] for a in articles] == [["dehyphenate", "punct", "split"]] * len(articles)


def test_a_stage_added_to_the_pipeline_is_in_run(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.stage

    def stage(name: str):  # type: ignore[no-untyped-def]
        if name == "extra":
            return lambda records: (r | {"extra": True} for r in records)
        return real(name)

    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES, "extra"))
    monkeypatch.setattr(pipeline, "stage", stage)
    result = process_document({"id": "a", "text": "标题\n\n正文写完了。", "source": {"sha256": "x"}})
    assert result.error is None and result.lines
    assert all(json.loads(line)["extra"] for line in result.lines.splitlines())


def test_a_document_failing_check_is_reported_and_its_articles_still_written(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.document_stages

    def lossy(**options: object) -> list:  # the last stage drops the 完 of every article
        *stages, last = real(**options)  # type: ignore[arg-type]
        return [*stages, lambda records: (r | {"paragraphs": [p.replace("完", "") for p in r["paragraphs"]]}
                                          for r in last(records))]

    monkeypatch.setattr(batch, "document_stages", lossy)
    doc = {"id": "a", "text": "标题\n\n正文写完了。", "source": {"sha256": "x"}}
    assert process_document(doc).error is None  # without --check nothing is checked
    result = process_document(doc, Options(check=True))
    assert [json.loads(line)["paragraphs"] for line in result.lines.splitlines()] == [["正文写了。"]]
    assert result.error is not None and result.error["where"] == "a:3"
    assert result.error["reason"].startswith('1 characters not in the output nor in removed: "完"')


def test_check_passes_on_the_seeds(tmp_path: Path) -> None:
    result = run("run", str(ROOT / "seeds"), "-o", str(tmp_path / "a.jsonl"), "--check")
    assert result.returncode == 0, result.stderr


def test_dask_engine_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="dask is not installed: pip install 'zhnorm[dask]'")
    local = tmp_path / "local.jsonl"
    assert run("run", str(corpus), "-o", str(local), "-j", "1").returncode == 0
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        out = tmp_path / "dask.jsonl"
        result = run("run", str(corpus), "-o", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address)
        assert result.returncode == 0, result.stderr
    assert out.read_bytes() == local.read_bytes()


def test_dask_engine_needs_a_scheduler(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(corpus), "-o", str(tmp_path / "a.jsonl"), "--engine", "dask"])
    assert result.exit_code == 1 and "needs --scheduler" in result.stderr


if os.name != "posix":  # pragma: no cover - signals as tested here are POSIX
    pytestmark = pytest.mark.skip(reason="POSIX signals")


def test_segment_in_the_workers_equals_serial(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("run", str(corpus), "-o", str(one), "--segment", "-j", "1", "-q").returncode == 0
    assert run("run", str(corpus), "-o", str(two), "--segment", "-j", "2", "-q").returncode == 0
    assert one.read_bytes() == two.read_bytes() and b'"tokens":{"title":' in one.read_bytes()
