"""The zhnorm command: exit codes, exact error lines, streams; stdout is JSONL only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import typer
from helpers import SEED_001, SEEDS, jsonl, parse_jsonl, record
from typer.testing import CliRunner

import normalize.pipeline
from cli.app import app

runner = CliRunner()
COMMANDS = ["load", "dehyphenate", "punct", "split", "segment", "run", "show", "eval"]
STAGE_COMMANDS = list(normalize.pipeline.STAGES)  # the pipe runs every stage of run's chain
BAD_LINE_2 = "zhnorm: error: <stdin>:2: not valid JSON (Expecting value at column 1)\n"


def mark(records: Iterable[dict], name: str = "stub") -> Iterator[dict]:
    """A stand-in stage, so the plumbing is tested apart from the real stages."""
    for r in records:
        yield r | {"steps": [*r.get("steps", []), name]}


@pytest.fixture
def stub_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize.pipeline, "stage", lambda name: lambda records, **_: mark(records, name))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_exits_0_and_starts_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    usage, example = [line.strip() for line in result.stdout.splitlines() if line.strip()][:2]
    assert usage.startswith(f"Usage: zhnorm {command} ")
    assert example.startswith("zhnorm ") and f"zhnorm {command}" in example


def help_text(args: list[str]) -> str:
    """``zhnorm ARGS --help`` on one line per option (200 columns), without colours."""
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_no_help_shows_a_flag_taking_a_value(command: str) -> None:
    """Flags read ``--strict``, not ``--strict <bool>``; options that take a value keep their metavar."""
    args = [command] if command else []
    text = help_text(args)
    assert "<bool>" not in text
    assert re.search(r"--help +Show this message and exit", text)
    click_command = typer.main.get_command(app)
    if command:
        click_command = click_command.commands[command]  # type: ignore[attr-defined]
    ctx = typer.Context(click_command)
    values = [p for p in click_command.params if p.param_type_name == "option" and not p.is_flag]
    for option in values:
        long_name = max(option.opts, key=len)
        shown = option.display_type_rich(ctx)
        assert shown and re.search(rf"{re.escape(long_name)} +(-\w +)?{re.escape(shown)}", text), long_name


def test_every_stage_of_the_pipeline_is_a_command() -> None:
    """So the pipe can run each stage that run's chain has (test_pipe_equals_run pipes them all)."""
    assert set(STAGE_COMMANDS) <= set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage: zhnorm" in result.stdout
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize("args", [["load"], ["load", "x", "--nope"], ["run", "x"],
                                  ["load", "x", "--encoding", "klingon"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (2, "")


@pytest.mark.parametrize("args", [["punct", "--spacing", "wide"], ["punct", "--quotes", "straight"],
                                  ["run", "x", "-o", "y", "--engine", "spark"],
                                  ["segment", "--mode", "fast"], ["segment", "--format", "csv"]])
def test_a_bad_choice_is_a_usage_error_that_lists_the_choices(args: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Invalid value for '{args[-2]}'" in result.stderr and "is not one of" in result.stderr


def test_load_a_file_writes_one_record(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "001.txt"
    path.write_bytes(seed_text.encode("gb18030"))
    result = runner.invoke(app, ["load", str(path)])
    assert (result.exit_code, result.stderr) == (0, "")
    (doc,) = parse_jsonl(result.stdout)
    assert (doc["id"], doc["text"], doc["source"]["encoding"]) == ("001.txt", seed_text, "gb18030")


def test_load_stdin(seed_text: str) -> None:
    result = runner.invoke(app, ["load", "-"], input=seed_text.encode("utf-16"))
    assert result.exit_code == 0
    (doc,) = parse_jsonl(result.stdout)
    assert (doc["id"], doc["text"]) == ("<stdin>", seed_text)


def test_load_empty_input_gives_empty_output() -> None:
    result = runner.invoke(app, ["load", "-"], input=b"")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_broken_pdf_in_a_folder_is_refused_with_one_line_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("甲\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n...")
    (tmp_path / "c.txt").write_text("丙\n", encoding="gb18030")
    result = runner.invoke(app, ["load", str(tmp_path), "--glob", "*"])
    pdf = (tmp_path / "b.pdf").as_posix()
    assert result.exit_code == 1
    assert result.stderr.startswith(f"zhnorm: error: {pdf}: not a readable PDF") and result.stderr.count("\n") == 1
    assert [d["id"] for d in parse_jsonl(result.stdout)] == ["a.txt", "c.txt"]


def test_load_strict_stops_at_the_first_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.txt").write_text("乙\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["load", str(tmp_path), "--strict", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "a.txt: not a readable PDF" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no output, no temp


def test_undecodable_file_names_offset_and_option(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"hello world " + bytes(range(0x80, 0x100)) * 4)
    result = runner.invoke(app, ["load", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"zhnorm: error: {path.as_posix()}: not valid utf-8 at byte 12; try --encoding gb18030\n")


@pytest.mark.usefixtures("stub_stages")
@pytest.mark.parametrize("command", STAGE_COMMANDS)
def test_a_malformed_line_is_named_and_later_records_still_written(command: str) -> None:
    data = jsonl(record("甲", blocks=[])) + "not json\n" + jsonl(record("乙", blocks=[]))
    result = runner.invoke(app, [command], input=data)
    assert result.exit_code == 1
    assert result.stderr == BAD_LINE_2
    out = parse_jsonl(result.stdout)
    assert [(r["text"], r["steps"]) for r in out] == [("甲", [command]), ("乙", [command])]


@pytest.mark.usefixtures("stub_stages")
def test_a_record_without_text_names_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x", "body": "y"}\n', encoding="utf-8")
    result = runner.invoke(app, ["punct", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f'zhnorm: error: {path}:1: record has no "text" (keys: id, body)\n'


def test_split_reports_a_record_without_blocks_and_splits_the_rest() -> None:
    body = "这是一段很长的正文，用来测试一个文档之后的文档仍被切分。"
    blocks = [{"kind": "heading", "text": "标题", "lines": [1, 1]},
              {"kind": "paragraph", "text": body, "lines": [2, 2]}]
    data = jsonl(record("甲", id="raw")) + jsonl(record("标题\n" + body, id="laid", blocks=blocks))
    result = runner.invoke(app, ["split"], input=data)
    assert result.exit_code == 1
    assert result.stderr == ("zhnorm: error: <stdin>:1: record has no blocks; split reads what the layout "
                             "stage decided: zhnorm dehyphenate first\n")
    assert [(a["doc"], a["title"], a["paragraphs"]) for a in parse_jsonl(result.stdout)] == [("laid", "标题", [body])]


@pytest.mark.usefixtures("stub_stages")
@pytest.mark.parametrize("command", STAGE_COMMANDS)
def test_empty_input_gives_empty_output(command: str) -> None:
    result = runner.invoke(app, [command], input="")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.usefixtures("stub_stages")
def test_rejects_go_beside_the_output_only_when_there_are_any(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["split", "-o", str(out)], input=jsonl(record("甲", blocks=[])))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl"]
    result = runner.invoke(app, ["split", "-o", str(out)], input=jsonl(record("甲", blocks=[])) + "[1]\n")
    assert result.exit_code == 1
    assert [r["text"] for r in parse_jsonl(out.read_text(encoding="utf-8"))] == ["甲"]
    assert parse_jsonl((tmp_path / "o.rejects.jsonl").read_text(encoding="utf-8")) == [
        {"where": "<stdin>:2", "error": "not a JSON object but list", "kind": "BadRecord",
         "line": "[1]"}]


@pytest.mark.usefixtures("stub_stages")
def test_rejects_option_and_strict(tmp_path: Path) -> None:
    rejects = tmp_path / "bad.jsonl"
    data = jsonl(record("甲")) + "oops\n" + jsonl(record("乙"))
    result = runner.invoke(app, ["dehyphenate", "--rejects", str(rejects)], input=data)
    assert (result.exit_code, len(parse_jsonl(result.stdout))) == (1, 2)
    assert parse_jsonl(rejects.read_text(encoding="utf-8"))[0]["line"] == "oops"
    result = runner.invoke(app, ["dehyphenate", "--strict"], input=data)
    assert result.exit_code == 1
    assert result.stderr == BAD_LINE_2
    assert [r["text"] for r in parse_jsonl(result.stdout)] == ["甲"]  # streamed before the error


def test_missing_input_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["punct", str(tmp_path / "nope.jsonl")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"zhnorm: error: {tmp_path / 'nope.jsonl'}: no such file\n"


def test_run_writes_the_file_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    result = runner.invoke(app, ["run", str(SEED_001), "-o", str(out), "--jobs", "1"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert re.fullmatch(r"zhnorm: 1 document, 1 page, 3 articles, \d+ characters in, \d+ characters out, "
                        r"0 rejected, 1 furniture removed, 1 character removed, 0 skipped \(resumed\), [\d.]+ seconds, "
                        r"[\d.]+ MB/s\n",
                        result.stderr)
    articles = parse_jsonl(out.read_text(encoding="utf-8"))
    assert [a["steps"] for a in articles] == [["load", "dehyphenate", "punct", "split"]] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]  # partial and journal are gone


def test_run_to_stdout_quietly() -> None:
    result = runner.invoke(app, ["run", str(SEED_001), "-o", "-", "--quiet", "--jobs", "1"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(parse_jsonl(result.stdout)) == 3


def test_run_refuses_a_missing_output_folder_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "no" / "a.jsonl"
    result = runner.invoke(app, ["run", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"zhnorm: error: {out}: output folder {(tmp_path / 'no').as_posix()}/ does not exist\n")


def test_show_renders_articles_for_people() -> None:
    article = record("标题\n正文", title="社会工作再携手", kicker="引题", credit="据新疆民政",
                     paragraphs=["第一段。", "第二段。"], lines=[[3, 5], [6, 9]])
    result = runner.invoke(app, ["show"], input=jsonl(article))
    assert result.exit_code == 0
    for part in ["社会工作再携手", "引题", "据新疆民政", "第一段。", "lines 6–9"]:
        assert part in result.stdout


def test_head_ends_quietly(tmp_path: Path) -> None:
    """``zhnorm load big/ | head -1`` prints one record and no traceback (SIGPIPE)."""
    for i in range(300):
        (tmp_path / f"p{i}.txt").write_text("社会工作协同发展。\n" * 50, encoding="utf-8")
    code = "import sys; from cli.app import main; sys.argv[0] = 'zhnorm'; main()"
    pipe = subprocess.run(
        f'"{sys.executable}" -c "{code}" load "{tmp_path}" | head -1', shell=True,
        capture_output=True, text=True, check=False, cwd=SEEDS.parent,
        env={**os.environ, "PYTHONPATH": str(SEEDS.parent)})
    assert pipe.stderr == ""
    assert parse_jsonl(pipe.stdout)[0]["id"] == "p0.txt"


def test_pipe_equals_run(tmp_path: Path) -> None:
    """The shell pipe and ``run`` give the same bytes (needs the real stages)."""
    out = tmp_path / "articles.jsonl"
    result = runner.invoke(app, ["run", str(SEEDS), "-o", str(out), "--quiet"])
    assert (result.exit_code, result.stderr) == (0, "")
    piped = runner.invoke(app, ["load", str(SEEDS)])
    for command in STAGE_COMMANDS:
        assert piped.exit_code == 0, piped.stderr
        piped = runner.invoke(app, [command], input=piped.stdout)
    assert (piped.exit_code, piped.stderr) == (0, "")
    assert piped.stdout == out.read_text(encoding="utf-8")


def test_the_library_imports_no_cli_packages() -> None:
    """normalize/ stays usable without typer or rich (and loads no detector up front)."""
    code = ("import sys, normalize, normalize.loader, normalize.pipeline, normalize.records; "
            "print(sorted(m for m in ('typer', 'rich', 'charset_normalizer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=SEEDS.parent).stdout
    assert out == "[]\n"


def test_help_imports_no_stage_rich_or_stream() -> None:
    """Every command module is imported for zhnorm --help: each imports its heavy modules when it runs."""
    code = ("import sys, cli.app; print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'jieba') "
            "or m in ('cli.streams', 'normalize.records', 'normalize.loader', 'normalize.pipeline', "
            "'normalize.batch', 'normalize.evaluate', 'normalize.segment', 'normalize.pdf', 'normalize.punct', "
            "'normalize.decoding', 'cli.show_html')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=SEEDS.parent).stdout
    assert out == "[]\n"


def test_punct_options_spacing_quotes_and_explain() -> None:
    data = jsonl(record("自 2016 年用AI,「好」"))
    result = runner.invoke(app, ["punct", "--spacing", "pangu", "--quotes", "curly", "--explain"], input=data)
    assert result.exit_code == 0
    [out] = parse_jsonl(result.stdout)
    assert out["text"] == "自 2016 年用 AI，“好”"
    assert "zhnorm: explain: " in result.stderr and "marks: ',' -> '，'" in result.stderr
    assert runner.invoke(app, ["punct", "--spacing", "wide"], input=data).exit_code == 2


def test_split_furniture_file_and_check(tmp_path: Path, seed_text: str) -> None:
    blocks = runner.invoke(app, ["dehyphenate", "--check"], input=jsonl({"id": "p.txt", "text": seed_text}))
    assert (blocks.exit_code, blocks.stderr) == (0, "")
    side = tmp_path / "removed.jsonl"
    result = runner.invoke(app, ["split", "--check", "--furniture", str(side)], input=blocks.stdout)
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(parse_jsonl(result.stdout)) == 3 and "removed" not in result.stdout
    assert parse_jsonl(side.read_text(encoding="utf-8")) == [
        {"doc": "p.txt", "removed": [{"kind": "noise", "text": "”", "lines": [289, 289], "page": 1}]}]


def test_the_cli_default_document_limit_is_the_loaders() -> None:
    """load and run default to the loader's limit, read from normalize.limits (importing the loader
    would slow --help)."""
    import inspect

    from normalize.limits import MAX_DOC_BYTES
    from normalize.loader import load_paths

    assert inspect.signature(load_paths).parameters["max_bytes"].default == MAX_DOC_BYTES
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in ("load", "run"):
        [option] = [p for p in commands[name].params if p.name == "max_doc_bytes"]
        assert option.default == MAX_DOC_BYTES


def test_dehyphenate_explain_names_the_rule_behind_each_block() -> None:
    doc = record("标题在这里\n\n　　这是第一段的开头，\n这是第一段的结尾。\n（据新华社）\n")
    plain = runner.invoke(app, ["dehyphenate"], input=jsonl(doc))
    explained = runner.invoke(app, ["dehyphenate", "--explain"], input=jsonl(doc))
    assert explained.exit_code == 0 and explained.stdout == plain.stdout  # stdout: the same JSONL
    assert explained.stderr.splitlines() == [
        "zhnorm: explain: t:1-1: heading/title by headline_before_body: 标题在这里",
        "zhnorm: explain: t:3-4: paragraph by last_text_line: 这是第一段的开头，这是第一段的结尾。",
        "zhnorm: explain: t:5-5: credit by credit_line: （据新华社）",
    ]


def test_run_verbose_counts_the_rules_that_decided(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    result = runner.invoke(app, ["run", str(SEED_001), "-o", str(out), "-j", "1", "-v"])
    assert result.exit_code == 0
    counts = {name: int(n) for n, name in re.findall(r"(\d+) rule (\w+)", result.stderr)}
    # the seed's paragraphs are parted by blank lines; two of its credits stand on lines of their own
    assert counts["blank_break_after"] == 16 and counts["credit_line"] == 2


def test_a_mets_file_beside_the_pages_is_a_note_and_exit_0(tmp_path: Path) -> None:
    (tmp_path / "mets.xml").write_bytes(b'<?xml version="1.0"?><mets xmlns="http://www.loc.gov/METS/"/>')
    (tmp_path / "p1.txt").write_text("正文。\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 0
    assert [r["id"] for r in parse_jsonl(result.stdout)] == ["p1.txt"]
    assert result.stderr.startswith(f"zhnorm: note: {(tmp_path / 'mets.xml').as_posix()}: markup whose root is <mets>")
    assert result.stderr.count("\n") == 1
