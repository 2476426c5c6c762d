"""zhnorm segment: jieba words for corpus users; tokens lose nothing, jieba loads lazily."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from helpers import jsonl, parse_jsonl, record
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli.segment import register
from normalize.errors import BadInput, BadRecord
from normalize.segment import (
    Segmenter,
    cache_dir,
    is_punct,
    read_stopwords,
    read_user_dict,
    segment_records,
    to_text,
)

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()

ARTICLE = record(
    "机遇与合作：“通武廊”社会工作再携手\n为深入推进社会工作协同发展，近日在武清区举办。\n参加。",
    title="机遇与合作：“通武廊”社会工作再携手", kicker=None, credit="据武清民政",
    paragraphs=["为深入推进社会工作协同发展，近日在武清区举办。", "天津市民政局相关领导参加。"],
    lines=[[3, 5], [6, 9]], steps=["load", "dehyphenate", "punct", "split"])


def app() -> typer.Typer:
    """A tiny app with only the segment command, as cli/app.py will have it."""
    tiny = typer.Typer(name="zhnorm", add_completion=False, pretty_exceptions_enable=False)

    @tiny.callback()
    def main() -> None:
        """zhnorm"""

    register(tiny)
    return tiny


@pytest.fixture(scope="session")
def user_dict(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One dictionary file for the whole session: each one loaded costs a jieba dictionary."""
    path = tmp_path_factory.mktemp("dict") / "user.txt"
    path.write_text("\ufeff通武廊 10 ns\n\n京津冀协同\n", encoding="utf-8")
    return path


# --- tokens -------------------------------------------------------------------------

HAN = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会社工作协同发展通武廊龘𠀀㐀"
PUNCT = "，。、；：？！“”‘’（）《》【】—…·「」,.;:?!\"'()[]-%+#&_/"
OTHER = "0123456789０１２abcXYZａｂ \t\n\u3000\f"
texts = st.text(
    alphabet=st.one_of(st.sampled_from(HAN + PUNCT + OTHER), st.characters()), max_size=80)


def no_space(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_precise_tokens_joined_give_back_the_text(text: str, hmm: bool) -> None:
    tokens = Segmenter(hmm=hmm).segment_text(text)
    assert "".join(tokens) == no_space(text)
    assert all(t and not any(ch.isspace() for ch in t) for t in tokens)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_no_punct_drops_exactly_the_punctuation_tokens(text: str) -> None:
    kept = Segmenter().segment_text(text)
    dropped = Segmenter(keep_punct=False).segment_text(text)
    assert dropped == [t for t in kept if not is_punct(t)]


def test_no_punct_on_a_sentence() -> None:
    text = "“通武廊”社会工作——再携手！100%完成。"
    assert Segmenter(keep_punct=False).segment_text(text) == [
        "通武廊", "社会工作", "再", "携手", "100%", "完成"]


def test_search_mode_adds_sub_words() -> None:
    text = "中华人民共和国成立了"
    precise = Segmenter().segment_text(text)
    search = Segmenter(mode="search").segment_text(text)
    assert precise == ["中华人民共和国", "成立", "了"]
    assert set(precise) < set(search)
    assert {"中华", "人民", "共和国"} <= set(search)


def test_stopwords_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text("的\n  了 \n\n，\n", encoding="utf-8")
    stop = read_stopwords(path)
    assert stop == {"的", "了", "，"}
    tokens = Segmenter(stopwords=stop).segment_text("我们的工作完成了，很好。")
    assert tokens == ["我们", "工作", "完成", "很", "好", "。"]


def test_a_user_dictionary_makes_one_word(user_dict: Path) -> None:
    text = "推进通武廊区域合作"
    assert Segmenter(hmm=False).segment_text(text) == ["推进", "通", "武", "廊", "区域合作"]
    with_dict = Segmenter(hmm=False, user_dict=str(user_dict))
    assert with_dict.segment_text(text) == ["推进", "通武廊", "区域合作"]
    assert "通武廊" in Segmenter(user_dict=str(user_dict)).segment_text(text)  # HMM on too
    # the words stay in their own tokenizer: jieba's default one (split uses it) is unchanged
    assert Segmenter(hmm=False).segment_text(text) == ["推进", "通", "武", "廊", "区域合作"]


def test_read_user_dict_formats(user_dict: Path) -> None:
    assert read_user_dict(user_dict) == [("通武廊", 10, "ns"), ("京津冀协同", None, None)]


@pytest.mark.parametrize(("line", "reason"), [
    ("通武廊 十 ns", 'frequency "十" is not a whole number'),
    ("通武廊 10 NS", 'tag "NS" is not lowercase letters (n, ns, nr...)'),
    ("通武廊 ns 10", 'frequency "ns" is not a whole number'),
    ("通武廊 很多", '"很多" is neither a frequency (a whole number) nor a tag (lowercase letters)'),
    ("北京 通州 10 ns", "4 fields, at most 3 (a word cannot contain spaces)"),
])
def test_a_malformed_dictionary_line_is_named(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "d.txt"
    path.write_text(f"京津冀\n\n{line}\n", encoding="utf-8")
    with pytest.raises(BadRecord) as info:
        read_user_dict(path)
    fix = 'write each line as: word [frequency] [tag], e.g. "通武廊 10 ns"'
    assert str(info.value) == f"{path}:3: {reason}; {fix}"
    assert info.value.line == line


def test_word_lists_that_are_not_utf8_or_missing(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes("通武廊\n".encode() + "京津冀\n".encode("gb18030"))
    with pytest.raises(BadRecord, match=r"d\.txt:2: not valid utf-8 at byte 0 of the line; "
                                        r"save the dictionary as UTF-8$"):
        read_user_dict(path)
    with pytest.raises(BadInput, match=r"nope\.txt: no such stopword list file$"):
        read_stopwords(tmp_path / "nope.txt")
    path.write_text("不 是\n", encoding="utf-8")
    with pytest.raises(BadRecord, match=r'd\.txt:1: "不 是" has a space inside; put one word a'):
        read_stopwords(path)


# --- records and the text format ----------------------------------------------------


def test_records_get_tokens_and_keep_their_keys() -> None:
    doc = record("社会工作\n协同发展", steps=["load"], source={"x": 1})
    article, other = segment_records([ARTICLE, doc])
    assert article["tokens"]["title"][:3] == ["机遇", "与", "合作"]
    assert len(article["tokens"]["paragraphs"]) == len(ARTICLE["paragraphs"])
    for para, tokens in zip(ARTICLE["paragraphs"], article["tokens"]["paragraphs"], strict=True):
        assert "".join(tokens) == para
    assert article["steps"] == [*ARTICLE["steps"], "segment"]
    assert {k: v for k, v in article.items() if k not in ("tokens", "steps")} == {
        k: v for k, v in ARTICLE.items() if k != "steps"}
    assert other == doc | {"tokens": {"text": ["社会工作", "协同", "发展"]},
                           "steps": ["load", "segment"]}


def test_null_title_and_odd_paragraphs() -> None:
    (out,) = segment_records([record("x", title=None, paragraphs=["好", None, ""])])
    assert out["tokens"] == {"title": [], "paragraphs": [["好"], [], []]}


@pytest.mark.parametrize("sep", ["space", "newline"])
def test_text_format_round_trip(sep: str) -> None:
    other = record("你好，世界。\n\n再见")
    records = list(segment_records([ARTICLE, ARTICLE, other], Segmenter()))
    lines = list(to_text(records, sep))
    assert all(" " not in t for r in records for t in _flat(r["tokens"]))
    if sep == "space":
        assert [line.split(" ") for line in lines] == [_flat(r["tokens"]) for r in records]
    else:
        blocks = "\n".join(lines).split("\n\n")
        assert [[line.split(" ") for line in b.split("\n")] for b in blocks] == [
            [p for p in [r["tokens"].get("title"), *r["tokens"].get("paragraphs", [])] if p]
            or [r["tokens"]["text"]] for r in records]


def _flat(tokens: dict) -> list[str]:
    if "paragraphs" in tokens:
        return [*tokens["title"], *(t for p in tokens["paragraphs"] for t in p)]
    return tokens["text"]


# --- CLI ----------------------------------------------------------------------------


def test_help_starts_with_a_runnable_example() -> None:
    result = runner.invoke(app(), ["segment", "--help"])
    assert result.exit_code == 0
    usage, example = [line.strip() for line in result.stdout.splitlines() if line.strip()][:2]
    assert usage.startswith("Usage: zhnorm segment ")
    assert example == "zhnorm run scans/ -o - | zhnorm segment --format text > corpus.txt"


def test_cli_jsonl_and_a_bad_line() -> None:
    data = jsonl(ARTICLE) + "not json\n" + jsonl(record("你好，世界"))
    result = runner.invoke(app(), ["segment", "--no-punct"], input=data)
    assert result.exit_code == 1
    assert result.stderr == (
        "zhnorm: error: <stdin>:2: not valid JSON (Expecting value at column 1)\n")
    article, other = parse_jsonl(result.stdout)
    assert article["tokens"]["paragraphs"][1] == ["天津市", "民政局", "相关", "领导", "参加"]
    assert other["tokens"] == {"text": ["你好", "世界"]} and other["steps"] == ["segment"]


def test_cli_text_format_options(tmp_path: Path, user_dict: Path) -> None:
    stop = tmp_path / "stop.txt"
    stop.write_text("在\n", encoding="utf-8")
    out = tmp_path / "corpus.txt"
    args = ["segment", "-o", str(out), "--format", "text", "--paragraph-sep", "newline",
            "--no-hmm", "--dict", str(user_dict), "--stopwords", str(stop), "--no-punct"]
    result = runner.invoke(app(), args, input=jsonl(ARTICLE, record("在通武廊")))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "机遇 与 合作 通武廊 社会工作 再 携手"
    assert lines[-3:] == ["", "通武廊", ""]  # blank line between articles, newline at the end
    assert " 在 " not in out.read_text(encoding="utf-8")


def test_cli_search_mode() -> None:
    result = runner.invoke(app(), ["segment", "--mode", "search", "--format", "text"],
                           input=jsonl(record("中华人民共和国成立了")))
    assert result.exit_code == 0
    assert result.stdout == "中华 华人 人民 共和 共和国 中华人民共和国 成立 了\n"


def test_cli_bad_dictionary_is_one_line_before_any_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("通武廊 10 ns extra\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app(), ["segment", "--dict", str(bad), "-o", str(out)],
                           input=jsonl(record("好")))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"zhnorm: error: {bad}:1: 4 fields, at most 3 (a word cannot contain spaces); "
        'write each line as: word [frequency] [tag], e.g. "通武廊 10 ns"\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


@pytest.mark.parametrize("args", [["--mode", "fast"], ["--paragraph-sep", "newline"],
                                  ["--format", "csv"]])
def test_cli_usage_errors_exit_2(args: list[str]) -> None:
    result = runner.invoke(app(), ["segment", *args], input="")
    assert (result.exit_code, result.stdout) == (2, "")


# --- jieba: lazy, once, quiet, cached outside the working directory ------------------


def _python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    environ |= {"PYTHONPATH": str(REPO), **env}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=120, check=False)


def test_importing_the_stage_and_command_does_not_import_jieba(tmp_path: Path) -> None:
    code = ("import sys, normalize.segment, cli.segment\n"
            "print('jieba' in sys.modules)")
    result = _python(code, tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "False\n", "")


def test_jieba_cache_goes_to_the_user_cache_folder_not_cwd(tmp_path: Path) -> None:
    cwd, cache = tmp_path / "work", tmp_path / "cache"
    cwd.mkdir()
    code = ("from normalize.segment import Segmenter\n"
            "print(' '.join(Segmenter().segment_text('社会工作协同发展')))")
    result = _python(code, cwd, XDG_CACHE_HOME=str(cache), TMPDIR=str(cwd))
    assert (result.returncode, result.stdout, result.stderr) == (0, "社会工作 协同 发展\n", "")
    assert list(cwd.iterdir()) == []  # not even via TMPDIR
    assert (cache / "zhnorm" / "jieba.cache").is_file()


def test_cache_folder_follows_xdg_then_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_dir() == Path("/somewhere/cache/zhnorm")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as XDG says
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache_dir() == Path("/home/someone/.cache/zhnorm")


def test_the_dictionary_loads_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba

    Segmenter().segment_text("你好")
    calls: list[object] = []
    monkeypatch.setattr(jieba.Tokenizer, "initialize", lambda self, *_: calls.append(self))
    list(segment_records([record("社会工作")] * 3, Segmenter(keep_punct=False)))
    assert calls == []
