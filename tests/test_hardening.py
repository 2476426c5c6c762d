"""Hardening: nothing lost (conservation), fuzzing every stage, and the bad-input suite.

``make fuzz`` runs the properties here with 100,000 examples each (HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

import normalize.batch as batch
from cli.app import app
from normalize.check import check_conservation, closed_titles, record_outputs
from normalize.layout import dehyphenate_records
from normalize.loader import load_paths
from normalize.punct import normalize_punctuation, punctuate
from normalize.split import split_articles

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
ZHNORM = [sys.executable, "-c", "from cli.app import main; main()"]
runner = CliRunner()


def pipeline(text: str) -> list[dict]:
    return list(split_articles(punctuate(dehyphenate_records([{"id": "x.txt", "text": text}]))))


# -- conservation on real pages --------------------------------------------------------------------

def real_pages() -> list[Path]:
    pages = sorted((ROOT / "seeds").glob("*.txt"))
    for variant in ("pdftotext-raw", "ocr", "pdftotext"):
        pages += sorted((DEV / variant / "inputs").glob("*.txt"))
        pages += sorted((DEV.parent / "real" / variant).glob("*.txt"))  # (the real pages: an OCR layer's ．, …)
    return pages


@pytest.mark.parametrize("page", real_pages(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_character_of_a_real_page_is_in_the_articles_or_removed(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    articles = pipeline(text)
    outputs = [t for a in articles for t in record_outputs(a)]
    assert check_conservation(page.name, text, outputs, closed=closed_titles(articles)) is None


@pytest.mark.parametrize("name", ["sanmen02.pdf", "mag12ocrlayer.pdf"])
def test_every_character_of_a_real_pdf_is_in_the_articles_or_removed(name: str) -> None:
    """Through the box path too: the magazine page's OCR layer writes ``．`` for a comma, which a line join turns
    into one."""
    pdf = DEV.parent / "real" / "pdf" / name
    if not pdf.exists():
        pytest.skip("../shared is not beside this checkout")
    doc = next(load_paths([str(pdf)]))
    articles = split_articles(punctuate(dehyphenate_records([doc])))
    articles = list(articles)
    assert check_conservation(name, doc["text"], [t for a in articles for t in record_outputs(a)],
                              closed=closed_titles(articles)) is None


@pytest.mark.parametrize("text", [
    "县里召开会议\n\n正文写到这里。这一段结束了．\n\n- 2 -\n\n标题二来了\n\n正文又写了一段。\n",  # ． ends a paragraph
    "有的人偶有小获便得意忘形，遇\n到一点小挫折就寻死觅活，心量太小．\n难成大器。",  # ． a comma across lines
])
def test_ocrs_full_width_point_is_no_character_lost_or_added(text: str) -> None:
    """OCR's ``．`` is a comma or a full stop by its context, which a line join or a removed line changes."""
    outputs = [t for a in pipeline(text) for t in record_outputs(a)]
    assert check_conservation("x.txt", text, outputs) is None


def test_dev_pages_are_there_in_ci() -> None:
    """The dev set lies beside the repository (shared/); CI has it, so the test above covers it: the two seeds,
    thirty dev pages and the six real pages' texts."""
    if not DEV.exists():
        pytest.skip("../shared/dev is not beside this checkout")
    assert len(real_pages()) == 2 + 30 + 6


REAL = ROOT.parent / "shared" / "real"
# (input, its gold) whose text is the gold's own characters: nothing may be missing
EXACT = [("dev/pdftotext-raw/inputs", "dev/pdftotext-raw/gold", {}), ("dev/pdf", "dev/pdftotext-raw/gold", {}),
         ("real/pdf/sanmen02.pdf", "real/gold/sanmen02.jsonl", {}),
         ("real/pdftotext-raw/sanmen02.txt", "real/gold/sanmen02.jsonl", {})]
# OCR: its characters differ from the gold's, so no run of the gold's text may be in what was removed
READ = [("dev/ocr/inputs", "dev/ocr/gold", {}), ("dev/hocr", "dev/ocr/gold", {"pages_per_folder": True, "glob": "*.hocr"}),
        ("real/ocr", "real/gold", {}), ("real/pdftotext-raw/mag12ocrlayer.txt", "real/gold/mag12ocrlayer.jsonl", {}),
        ("real/pdf/mag12ocrlayer.pdf", "real/gold/mag12ocrlayer.jsonl", {})]
HAN_DIGIT_RE = re.compile(r"[0-9\u3400-\u4dbf\u4e00-\u9fff]")


def articles_and_gold(inputs: str, gold: str, options: dict) -> tuple[list[dict], list[dict]]:
    shared = ROOT.parent / "shared"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    docs = list(load_paths([str(shared / inputs)], **options))
    arts = list(split_articles(punctuate(dehyphenate_records(docs))))
    gold_path = shared / gold
    files = sorted(gold_path.glob("*.jsonl")) if gold_path.is_dir() else [gold_path]
    return arts, [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize(("inputs", "gold", "options"), EXACT, ids=[e[0] for e in EXACT])
def test_no_han_character_or_digit_of_a_gold_paragraph_is_removed(inputs: str, gold: str, options: dict) -> None:
    """Every Han character and digit of the gold's paragraphs is in an article, as many times."""
    arts, golds = articles_and_gold(inputs, gold, options)
    wanted = Counter(HAN_DIGIT_RE.findall("".join(p for g in golds for p in g["paragraphs"])))
    kept = Counter(HAN_DIGIT_RE.findall("".join(t for a in arts for t in (a["title"] or "", a["kicker"] or "",
                                                                            a["byline"] or "", *a["paragraphs"]))))
    assert wanted - kept == Counter()


@pytest.mark.parametrize(("inputs", "gold", "options"), READ, ids=[e[0] for e in READ])
def test_no_sentence_of_a_gold_paragraph_is_removed_from_ocr(inputs: str, gold: str, options: dict) -> None:
    """OCR misreads characters, so: nothing removed holds four Han characters in a row of a gold paragraph."""
    arts, golds = articles_and_gold(inputs, gold, options)
    paragraphs = "\n".join(p for g in golds for p in g["paragraphs"])
    removed = [r["text"] for a in arts for r in a.get("removed") or []]
    runs = [run for text in removed for run in re.findall(r"[\u4e00-\u9fff]{4,}", text)]
    assert [r for r in runs if any(r[k : k + 4] in paragraphs for k in range(len(r) - 3))] == []


def test_check_reports_a_lost_character_with_its_line() -> None:
    err = check_conservation("a.txt", "第一行\n第二行有字", ["第一行", "第二行"])
    assert str(err) == ('a.txt:2: 2 characters not in the output nor in removed: "有字"; '
                        "run with --check on each stage to see which one drops them")


# -- fuzzing ------------------------------------------------------------------------------------

ALPHABET = (
    "中文通讯政策社会工作发展一二〇，。！？、：；（）“”‘’《》【】……——·"  # Chinese and its marks
    ",.!?:;()\"'-[]/%@"  # ASCII marks
    "0123456789０１２ABCabcＡｂ"  # digits and Latin, both widths
    " \t\u3000\u00a0\u200b\ufeff\u00ad"  # spaces of every kind, invisibles
    "\x00\x07\x1b\x7f\f\r\n"  # control characters, form feeds, line ends
    "⼯⼈⻓"  # look-alike radicals
)
TEXT = st.one_of(
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=40).map("\n".join),
    st.builds(lambda s, n: s * n, st.text(alphabet=ALPHABET, min_size=1, max_size=8), st.integers(200, 2000)),
    st.just(""),
)


@given(TEXT)
@example("0:\n(00)\n:0")  # make fuzz found it: a pushed ":0" glued to a closed bracketed line
@example("文/\n\n.0\n00000")  # and this: a byline ("文/…") in a body with no paragraph was dropped
@example("文/0\n\n0000\n0000000\n0:\n00000")  # and a byline in a fragment folded into an article
def test_no_stage_raises_and_nothing_is_lost(text: str) -> None:
    articles = pipeline(text)
    outputs = [t for a in articles for t in record_outputs(a)]
    if not articles:  # no article: everything must have been noise or furniture without text
        [doc] = punctuate(dehyphenate_records([{"id": "x", "text": text}]))
        outputs = record_outputs(doc)
    assert check_conservation("x", text, outputs, closed=closed_titles(articles)) is None


@given(TEXT)
def test_punct_is_idempotent_on_anything(text: str) -> None:
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


@given(TEXT)
def test_dehyphenate_is_idempotent_and_keeps_text(text: str) -> None:
    [once] = dehyphenate_records([{"id": "x", "text": text}])
    [twice] = dehyphenate_records([once])
    assert once["text"] == text and twice["blocks"] == once["blocks"]


# -- bad inputs: each one line, no traceback -----------------------------------------------------

def test_binary_txt_beside_good_files_is_refused_and_the_good_ones_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n\n正文写完了。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c.txt").write_text("另一篇\n\n正文也写完了。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"zhnorm: error: {tmp_path.as_posix()}/b.txt: a binary file (NUL bytes), not text\n"
    assert [line.count('"doc":"a.txt"') + line.count('"doc":"c.txt"') for line in out.read_text().splitlines()] == [1, 1]


def test_lines_mixing_gb18030_and_utf8_are_decoded_line_by_line_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("第一行中文\n".encode() + "第二行中文\n".encode("gb18030"))
    result = runner.invoke(app, ["load", str(path)])
    assert result.exit_code == 0
    assert result.stderr == "zhnorm: warning: mixed.txt: lines mix UTF-8 and GB18030; decoded line by line\n"
    assert '"text":"第一行中文\\n第二行中文\\n"' in result.stdout


def test_a_single_50_mb_line_goes_through(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("社会工作协同发展，促进三地社工站建设。" * 900_000, encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*ZHNORM, "run", str(path), "-o", str(out), "-j", "1", "-q"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")
    assert out.stat().st_size > 50_000_000


def test_a_dangling_symlink_is_named_and_the_folder_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题\n\n正文写完了。", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = runner.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"zhnorm: error: {tmp_path.as_posix()}/gone.txt: a dangling symbolic link; skipped\n"
    assert result.stdout.count('"id":"a.txt"') == 1


def test_a_symlink_loop_is_not_followed_twice(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("标题\n\n正文写完了。", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    docs = list(load_paths([str(tmp_path)]))
    assert [d["id"] for d in docs] == ["sub/a.txt"]


def test_a_full_disk_leaves_no_file_under_the_final_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("标题\n\n正文写完了。", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    def full(self: batch.ResumableOutput, result: batch.Result) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.partial))

    monkeypatch.setattr(batch.ResumableOutput, "write", full)
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr == f"zhnorm: error: {out}.partial: No space left on device\n"
    assert not out.exists()


def test_ids_hold_no_control_characters_absolute_paths_or_dotdot(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b[31m\nname.txt"
    name.write_text("标题\n\n正文写完了。", encoding="utf-8")
    [doc] = load_paths([str(name)])
    assert doc["id"] == "evil?[31m?name.txt"
    [doc] = load_paths([str(tmp_path)])
    assert doc["id"] == "evil?[31m?name.txt"


def test_a_gz_that_expands_past_the_limit_is_refused(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 2_000_000))
    result = runner.invoke(app, ["load", str(path), "--max-doc-bytes", "1000000"])
    assert result.exit_code == 1
    assert result.stderr == (f"zhnorm: error: {path.as_posix()}: more than 1000000 bytes of text; "
                             "split it, or raise --max-doc-bytes\n")


def test_input_is_never_a_format_string(tmp_path: Path) -> None:
    text = "标题{0}%s{__class__}\n\n正文{id!r}写完了%(x)s。"
    text_out = "\n".join(a["text"] for a in pipeline(text))
    assert "{0}%s{__class__}" in text_out and "{id!r}" in text_out and "%(x)s" in text_out


if os.name != "posix":  # pragma: no cover
    pytestmark = pytest.mark.skip(reason="POSIX file system features")


def test_a_gb18030_file_with_a_line_that_happens_to_be_utf8_is_not_mixed(tmp_path: Path) -> None:
    """Near-miss: "血" in GB18030 (D1 AA) is also valid UTF-8 ("Ѫ"); the file is plain GB18030."""
    path = tmp_path / "gb.txt"
    path.write_bytes("白血病患儿得到救助，家庭负担减轻。\n血\n社会组织参与了这次救助行动。\n".encode("gb18030"))
    [doc] = load_paths([str(path)])
    assert doc["source"]["encoding"] == "gb18030" and "\n血\n" in doc["text"]
