"""``zhnorm show --html``: one self-contained page, raw lines beside the articles."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import escape
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from helpers import SEED_001, document, jsonl
from typer.testing import CliRunner

from cli.show import show_command
from cli.show_html import render_html

runner = CliRunner()

RAW = ("民生周刊　第5版\n\n社区<活动>开幕\n今天，社区活动\n正式开幕。\n\n"
       "居民们踊跃\n参加。\n\f（据新华社）\n")
ARTICLES: list[dict[str, Any]] = [
    {"id": "p1.txt#1", "doc": "p1.txt", "title": "社区<活动>开幕", "kicker": "引题 & 说明",
     "credit": "据新华社", "paragraphs": ["今天，社区活动正式开幕。", "居民们踊跃参加。"],
     "text": "", "lines": [[4, 5], [7, 8]],
     "removed": [{"kind": "furniture", "text": "民生周刊　第5版", "lines": [1, 1], "page": 1}]},
    {"id": "p1.txt#2", "doc": "p1.txt", "title": "<script>alert(1)</script>", "kicker": None,
     "credit": None, "paragraphs": ['<img src="http://x/y.png">正文'], "text": "",
     "lines": [[10, 9]]},  # a reversed span, as split can leave one
]


def tags(page: str, name: str) -> list[str]:
    return re.findall(rf"<{name}\b[^>]*>", page, flags=re.IGNORECASE)


def assert_self_contained(page: str) -> None:
    assert "http://" not in page and "https://" not in page
    assert all(link.startswith("#") for link in re.findall(r'href="([^"]*)"', page))
    assert not tags(page, "link") and not tags(page, "img") and not tags(page, "iframe")
    assert " src=" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # the browser refuses anything that slipped in


def test_page_is_self_contained_and_escapes_text() -> None:
    page = render_html(ARTICLES, {"p1.txt": RAW})
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert len(tags(page, "script")) == 1  # ours; the one in the title is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "社区&lt;活动&gt;开幕" in page and "引题 &amp; 说明" in page
    stripped = page.replace("&lt;img src=&quot;http://x/y.png&quot;&gt;", "")
    assert_self_contained(stripped)


def test_page_has_every_title_and_links_paragraphs_to_lines() -> None:
    page = render_html(ARTICLES, {"p1.txt": RAW})
    for article in ARTICLES:
        assert escape(article["title"]) in page
    assert 'id="d1-a1-p1" tabindex="0" data-from="4" data-to="5"' in page
    assert 'data-from="9" data-to="10"' in page  # reversed span put in order
    assert re.search(r'<div class="ln used" id="d1-L4" data-n="4">', page)
    assert "lines 7–8" in page


def test_raw_lines_are_numbered_with_page_breaks_and_removed_lines_struck() -> None:
    page = render_html(ARTICLES, {"p1.txt": RAW})
    numbers = re.findall(r'<span class="no">(\d+)</span>', page)
    assert numbers == [str(n) for n in range(1, RAW.count("\n") + 2)]
    assert re.search(r'class="ln rm" id="d1-L1" data-n="1" title="removed: furniture"', page)
    assert '<div class="pagebreak">page 2</div>' in page
    assert "<s>民生周刊　第5版</s>" in page  # also listed under the articles


def test_a_removed_part_of_a_shared_line_is_struck_alone() -> None:
    raw = "标题\n正文第一行 | 第5版 民生\n正文第二行\n"
    article = {"id": "a#1", "doc": "a", "title": "标题", "paragraphs": ["正文第一行正文第二行"],
               "lines": [[2, 3]], "text": "",
               "removed": [{"kind": "furniture", "text": "第5版 民生", "lines": [2, 2]}]}
    page = render_html([article], {"a": raw})
    assert '<span class="tx">正文第一行 | <s>第5版 民生</s></span>' in page
    assert 'class="ln used" id="d1-L2"' in page


def test_without_raw_text_the_articles_are_shown_alone_with_a_note() -> None:
    page = render_html(ARTICLES, {})
    assert "raw text of this document was not found" in page and "--raw DIR" in page
    assert 'class="raw"' not in page and 'data-from="' not in page
    assert all(escape(a["title"]) in page for a in ARTICLES)


def test_document_records_with_blocks_show_their_blocks() -> None:
    doc = document("民生周刊", "", "今天，社区", "活动开幕。", id="p2.txt") | {"blocks": [
        {"kind": "furniture", "text": "民生周刊", "page": 1, "lines": [1, 1]},
        {"kind": "paragraph", "text": "今天，社区活动开幕。", "page": 1, "lines": [3, 4]}]}
    page = render_html([doc], {"p2.txt": doc["text"]})
    assert 'data-from="3" data-to="4"' in page and '<span class="kind">paragraph</span>' in page
    assert 'class="ln rm" id="d1-L1"' in page


# -- show_command ----------------------------------------------------------------------------


@pytest.fixture
def articles_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl(*ARTICLES), encoding="utf-8")
    return path


def test_show_command_finds_raw_text_under_raw_dir(tmp_path: Path, articles_file: Path) -> None:
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "p1.txt").write_bytes(RAW.replace("\n", "\r\n").encode("gb18030"))
    out = tmp_path / "page.html"
    assert show_command(str(articles_file), str(out), str(tmp_path / "scans")) == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="d1-L4"' in page and "社区活动" in page  # decoded and CRLF -> LF like load


def test_show_command_takes_a_raw_file(tmp_path: Path, articles_file: Path) -> None:
    raw = tmp_path / "renamed.txt"
    raw.write_text(RAW, encoding="utf-8")
    out = tmp_path / "page.html"
    assert show_command(str(articles_file), str(out), str(raw)) == 0  # one document: any name
    assert 'class="raw"' in out.read_text(encoding="utf-8")


def test_show_command_uses_source_path_of_document_records(tmp_path: Path) -> None:
    raw = tmp_path / "p3.txt"
    raw.write_text(RAW, encoding="utf-8")
    doc = {"id": "p3.txt", "text": "changed by punct", "source": {"path": str(raw)},
           "blocks": [{"kind": "paragraph", "text": "今天，社区活动正式开幕。", "lines": [4, 5]}]}
    records, out = tmp_path / "docs.jsonl", tmp_path / "page.html"
    records.write_text(jsonl(doc), encoding="utf-8")
    assert show_command(str(records), str(out), None) == 0
    assert "民生周刊" in out.read_text(encoding="utf-8")


def test_show_command_warns_when_raw_text_is_missing(
    tmp_path: Path, articles_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "page.html"
    assert show_command(str(articles_file), str(out), None) == 0
    err = capsys.readouterr().err
    assert "zhnorm: warning: no raw text for p1.txt; showing the articles alone" in err
    assert "was not found" in out.read_text(encoding="utf-8")


def test_show_command_bad_line_exits_1_and_still_writes(
    tmp_path: Path, articles_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles_file.write_text(articles_file.read_text(encoding="utf-8") + "nope\n", "utf-8")
    out = tmp_path / "page.html"
    assert show_command(str(articles_file), str(out), None) == 1
    assert f"zhnorm: error: {articles_file}:3: not valid JSON" in capsys.readouterr().err
    assert out.exists()


@pytest.mark.parametrize("case", ["missing input", "missing output folder", "missing raw"])
def test_show_command_unusable_paths_exit_1(
    case: str, tmp_path: Path, articles_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out, raw = str(articles_file), str(tmp_path / "page.html"), None
    if case == "missing input":
        source = str(tmp_path / "nope.jsonl")
    elif case == "missing output folder":
        out = str(tmp_path / "no" / "page.html")
    else:
        raw = str(tmp_path / "no-scans")
    assert show_command(source, out, raw) == 1
    assert capsys.readouterr().err.count("zhnorm: error: ") == 1
    assert not (tmp_path / "page.html").exists()


def show_app() -> typer.Typer:
    """The show command as app.py wires it."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app: keeps show a subcommand."""

    @app.command()
    def show(
        source: Annotated[str, typer.Argument()] = "-",
        html: Annotated[str | None, typer.Option("--html")] = None,
        raw: Annotated[str | None, typer.Option("--raw")] = None,
    ) -> None:
        raise typer.Exit(show_command(source, html, raw))

    return app


def test_show_through_the_cli(tmp_path: Path, articles_file: Path) -> None:
    out = tmp_path / "page.html"
    result = runner.invoke(show_app(), ["show", str(articles_file), "--html", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "zhnorm: wrote" in result.stderr
    result = runner.invoke(show_app(), ["show"], input=jsonl(*ARTICLES))  # terminal view
    assert result.exit_code == 0 and "社区<活动>开幕" in result.stdout


# -- the real pipeline, in a real browser ----------------------------------------------------


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    from normalize.layout import dehyphenate_records
    from normalize.punct import punctuate
    from normalize.split import split_articles

    text = SEED_001.read_text(encoding="utf-8")
    docs = [{"id": SEED_001.name, "text": text, "steps": ["load"]}]
    articles = list(split_articles(punctuate(dehyphenate_records(docs))))
    path = tmp_path_factory.mktemp("show") / "seed.html"
    path.write_text(render_html(articles, {SEED_001.name: text}), encoding="utf-8")
    return path, articles


def test_seed_page_has_every_title_and_span(seed_page: tuple[Path, list[dict[str, Any]]]) -> None:
    path, articles = seed_page
    page = path.read_text(encoding="utf-8")
    assert articles and all(escape(a["title"]) in page for a in articles if a["title"])
    for k, article in enumerate(articles, start=1):
        first = min(article["lines"][0])
        assert f'id="d1-a{k}-p1" tabindex="0" data-from="{first}"' in page
    assert_self_contained(page)


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.access(
        "/usr/bin/chromium", os.X_OK) else None)
    if not found:
        pytest.skip("chromium not installed: apt-get install chromium")
    return found


def run_chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
               *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_in_a_real_browser(seed_page: tuple[Path, list[dict[str, Any]]], tmp_path: Path) -> None:
    path, articles = seed_page
    # the hash selects paragraph 1 of article 1: the script must have lit its raw lines
    dom = run_chromium(f"{path.as_uri()}#d1-a1-p1", tmp_path / "profile", "--dump-dom").stdout
    for article in articles:
        assert article["title"] in dom
    first, last = articles[0]["lines"][0]
    lit = re.findall(r'class="ln used hl" id="d1-L(\d+)"', dom)
    assert lit == [str(n) for n in range(first, last + 1)]
    assert 'class="para hl" id="d1-a1-p1"' in dom

    shot = tmp_path / "shot.png"
    run_chromium(path.as_uri(), tmp_path / "profile", f"--screenshot={shot}",
                 "--window-size=1280,900")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
