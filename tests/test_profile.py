"""Corpus profiles: a paper's running heads, labels, credits and bylines as data (``--profile``),
and ``zhnorm profile --suggest`` drafting one from the lines a folder's pages repeat."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from helpers import jsonl, parse_jsonl, record
from typer.testing import CliRunner

from cli.app import app
from normalize.errors import BadInput
from normalize.layout import build_blocks
from normalize.profile import load_profile, profile_from, suggest

runner = CliRunner()

SANMEN = """\
[furniture]
lines = ["综合新闻", "NEW SANMEN", "2011.5.24星期二"]
patterns = ["^责任编辑"]
[labels]
lines = ["简讯"]
[credits]
patterns = ["（[^（）]{2,12}供稿）$"]
[bylines]
patterns = ["^本报记者\\\\s*\\\\S+$"]
"""
PAGE = [
    "综合新闻",
    "2011.5.26星期四",  # another day: digits match any number
    "责任编辑：包美芬",
    "县残联派送助残“大礼包”",
    "本报记者 陈晓辉",
    "　　发放慰问金，赠送轮椅车，免费安装助听器。",
    "（县残联供稿）",
    "简讯",
    "　　县质监局对压力容器进行检查。",
]


@pytest.fixture
def sanmen(tmp_path: Path) -> Path:
    path = tmp_path / "sanmen.toml"
    path.write_text(SANMEN, encoding="utf-8")
    return path


def test_a_profile_names_the_papers_own_lines(sanmen: Path) -> None:
    blocks = build_blocks("\n".join(PAGE), profile=load_profile(str(sanmen)))
    got = [(b["kind"], b.get("role"), b["text"]) for b in blocks]
    assert got == [
        ("furniture", "running_head", "综合新闻"), ("furniture", "running_head", "2011.5.26星期四"),
        ("furniture", "running_head", "责任编辑：包美芬"), ("heading", "title", "县残联派送助残“大礼包”"),
        ("paragraph", "byline", "本报记者 陈晓辉"), ("paragraph", None, "发放慰问金，赠送轮椅车，免费安装助听器。"),
        ("credit", None, "（县残联供稿）"), ("heading", "label", "简讯"), ("paragraph", None, "县质监局对压力容器进行检查。"),
    ]
    assert {b["why"] for b in blocks if b["kind"] != "paragraph" or b.get("role")} >= {"profile_line"}
    # near miss: without the profile the reporter's line under the headline is read as a line of it
    assert ("heading", "title", "县残联派送助残“大礼包”本报记者 陈晓辉") in [
        (b["kind"], b.get("role"), b["text"]) for b in build_blocks("\n".join(PAGE))]


@pytest.mark.parametrize(("text", "reason"), [
    ("[furniture\nlines = 1", "not valid TOML"),
    ("[colours]\nlines = []", r"unknown section \[colours\]"),
    ("[labels]\npatterns = []", "labels.patterns: unknown key"),
    ("[credits]\npatterns = ['(']", r'credits.patterns: "\(" is not a regular expression'),
    ("[labels]\nlines = '简讯'", "labels.lines: a list of strings"),
])
def test_a_bad_profile_is_one_line_naming_what_to_fix(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput, match=reason) as err:
        load_profile(str(path))
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_dehyphenate_and_run_take_a_profile(sanmen: Path, tmp_path: Path) -> None:
    out = runner.invoke(app, ["dehyphenate", "--profile", str(sanmen)], input=jsonl(record("\n".join(PAGE))))
    assert out.exit_code == 0 and parse_jsonl(out.stdout)[0]["blocks"][0]["why"] == "profile_line"
    page = tmp_path / "p.txt"
    page.write_text("\n".join(PAGE), encoding="utf-8")
    result = runner.invoke(app, ["run", str(page), "-o", str(tmp_path / "a.jsonl"), "-j", "1",
                                 "--profile", str(sanmen)])
    [article, brief] = parse_jsonl((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert result.exit_code == 0 and (article["byline"], article["credit"]) == ("本报记者陈晓辉", "县残联供稿")
    assert brief["title"] is None and "简讯" in [r["text"] for r in article["removed"]]
    missing = runner.invoke(app, ["run", str(page), "-o", str(tmp_path / "b.jsonl"), "--profile", "nope.toml"])
    assert missing.exit_code == 1 and missing.stderr == "zhnorm: error: nope.toml: no such profile file\n"


def test_suggest_drafts_the_lines_pages_repeat() -> None:
    pages = [["民生周刊 第1版", "全国秋粮收获过半", "正文写到这里。", "简讯", "短讯写到这里。", "第1页"],
             ["民生周刊 第2版", "德国机场罢工", "正文写到这里。", "简讯", "另一条短讯。", "第2页"]]
    assert suggest(pages) == {"furniture": ["民生周刊 第1版", "第1页"], "labels": ["简讯"], "credits": [], "bylines": []}


def test_profile_suggest_writes_a_profile_that_loads(tmp_path: Path) -> None:
    for n, title in ((1, "全国秋粮收获过半"), (2, "德国机场罢工"), (3, "雅万高铁施工")):
        (tmp_path / f"p{n}.txt").write_text(
            f"民生周刊 2024年7月{n}日 第{n}版\n{title}\n　　正文写到这里，第{n}篇。\n简讯\n　　短讯{n}。\n"
            f"　　又一条短讯，第{n}条。\n第{n}页\n", encoding="utf-8")
    result = runner.invoke(app, ["profile", "--suggest", str(tmp_path)])
    assert result.exit_code == 0 and "2 furniture lines, 1 labels, 0 credits, 0 bylines drafted" in result.stderr
    drafted = profile_from(tomllib.loads(result.stdout))
    assert drafted.kind("民生周刊 2025年1月9日 第12版") == "furniture" and drafted.kind("简讯") == "label"
    assert runner.invoke(app, ["profile", str(tmp_path)]).exit_code == 2  # say what to do


def test_suggest_drafts_offices_by_their_place_and_the_draft_gives_the_credits(tmp_path: Path) -> None:
    """A bulletin's offices: one signs stories after their last sentence (a credit), one stands under titles (a
    byline); neither is repeated as a story is (after the same line). Run with the draft, the signing office is
    each story's credit; without it, the text alone cannot tell it from a kicker over the next title."""
    body = "近日，社区组织志愿者开展了一次活动，\n参加的居民都说这样的活动很有意义。\n"
    for n, (title, other) in enumerate((("全国秋粮收获过半", "德国机场罢工"), ("雅万高铁施工", "邮政储蓄银行献爱心"),
                                        ("社区开展志愿服务", "孤儿核查工作圆满完成")), start=1):
        (tmp_path / f"p{n}.txt").write_text(
            f"文明创建简报\n第{n}期\n{title}\n县民政局办公室\n{body}第{n}篇稿子到这里写完了。\n社区服务中心\n{other}\n"
            f"{body}另一篇稿子也写完了，第{n}篇。\n社区服务中心\n第{n}页\n", encoding="utf-8")
    result = runner.invoke(app, ["profile", "--suggest", str(tmp_path)])
    drafted = profile_from(tomllib.loads(result.stdout))
    assert drafted.kind("社区服务中心") == "credit" and drafted.kind("县民政局办公室") == "byline"
    assert drafted.kind("全国秋粮收获过半") is None
    (tmp_path / "draft.toml").write_text(result.stdout, encoding="utf-8")
    out = tmp_path / "a.jsonl"
    assert runner.invoke(app, ["run", str(tmp_path / "p1.txt"), "-o", str(out), "--profile",
                               str(tmp_path / "draft.toml")]).exit_code == 0
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(a["title"], a["byline"], a["credit"]) for a in articles] == [
        ("全国秋粮收获过半", "县民政局办公室", "社区服务中心"), ("德国机场罢工", None, "社区服务中心")]


def test_suggest_drafts_no_running_head_as_a_name_and_keeps_a_foot_whatever_the_line_above() -> None:
    """Near misses of the office rule: a running head with a page number, under a headline-like line inside the
    page (pdftotext's interleaved columns), is no byline; and a paper's name at a page's foot is its furniture even
    where jieba reads a word across the break (``…一百余人`` / ``民生周刊``)."""
    body = ["这是一篇报道的正文，写了好几行字，", "每一行都和栏一样宽，到这里写完了。"]
    pages = [["第1版", "要闻", "版式", *body, f"社区开展志愿服务{n}", f"第{n}版 民生", *body, "参加的有一百余人",
              "民生周刊"] for n in (5, 6)]
    drafted = suggest(pages)
    assert drafted["bylines"] == [] and drafted["credits"] == []
    assert "民生周刊" in drafted["furniture"]


def test_suggest_drafts_no_title_as_a_label_or_as_furniture() -> None:
    """Stories printed in two documents repeat their titles: a title's short last line under its first
    (``李克强向科威特首相`` / ``致贺电``) is no section label, and a title at a page's top with the story's prose
    right under it is no running head; a label after a story's end and the running head over a title are."""
    body = ["国务院总理李克强19日致电艾哈迈德，祝贺他就任科威特国首相。", "李克强在贺电中表示，中科传统友谊深厚。"]
    pages = [["社区周报 第1版", "社区开展志愿服务", *body, "上周末，志愿者走进养老院。", "简讯", "李克强向科威特首相",
              "致贺电", *body, "第1页"],
             ["社区周报 第2版", "社区开展志愿服务", *body, "另一条消息写完了。", "简讯", "李克强向科威特首相", "致贺电",
              *body, "第2页"]]
    drafted = suggest(pages)
    assert drafted["labels"] == ["简讯"]
    assert "社区周报 第1版" in drafted["furniture"] and "社区开展志愿服务" not in drafted["furniture"]
