"""The loader: every encoding of a page gives one text; bad files are named, not fatal."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from normalize.decoding import decode_bytes
from normalize.errors import BadEncoding, BadInput, NormalizeError, NotAPage, Skipped
from normalize.loader import count_documents, load_paths

# Traditional Chinese written for this test (Big5 has no simplified 为/国/会).
BIG5_TEXT = (
    "臺灣各地的社會工作者近日齊聚臺北，參加一年一度的專業研討會。\n"
    "與會者分享了在社區服務、長期照顧與兒童保護方面的經驗，並討論如何加強跨部門合作。\n"
    "主辦單位表示，這次會議的目的在於促進經驗交流，提升服務品質，讓更多需要幫助的家庭得到適當的支持。\n"
)

Encode = Callable[[str], bytes]
ENCODINGS: list[tuple[str, Encode, str]] = [
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ("gb18030", lambda t: t.encode("gb18030"), "gb18030"),
    ("gbk", lambda t: t.encode("gbk"), "gb18030"),  # read as its superset
    ("utf-16-le BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    ("utf-16-be BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    ("utf-32 BOM", lambda t: t.encode("utf-32"), "utf-32"),
    ("utf-16-le no BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ("cr", lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ("gb18030 crlf", lambda t: t.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
]


def load_one(path: Path, **options: object) -> dict:
    (doc,) = load_paths([str(path)], **options)  # type: ignore[arg-type]
    return doc


def load_all(paths: list[str], **options: object) -> tuple[list[dict], list[NormalizeError]]:
    errors: list[NormalizeError] = []
    docs = list(load_paths(paths, on_error=errors.append, **options))  # type: ignore[arg-type]
    return docs, errors


@pytest.mark.parametrize(("label", "encode", "encoding"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_every_encoding_of_the_seed_loads_to_the_same_text(
    tmp_path: Path, seed_text: str, label: str, encode: Encode, encoding: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(encode(seed_text))
    doc = load_one(path)
    assert doc["text"] == seed_text
    assert doc["source"]["encoding"] == encoding
    assert 0.5 < doc["source"]["confidence"] <= 1.0
    assert doc["source"]["bytes"] == path.stat().st_size
    assert doc["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_record_shape(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "001.txt"
    path.write_text(seed_text, encoding="utf-8")
    doc = load_one(path)
    assert list(doc) == ["id", "text", "source", "pages", "steps"]
    assert list(doc["source"]) == ["path", "format", "encoding", "confidence", "sha256", "bytes"]
    assert (doc["id"], doc["source"]["path"], doc["pages"], doc["steps"]) == (
        "001.txt", path.as_posix(), 1, ["load"])


def test_big5_traditional_text(tmp_path: Path) -> None:
    path = tmp_path / "tw.txt"
    path.write_bytes(BIG5_TEXT.encode("big5"))
    doc = load_one(path)
    assert (doc["text"], doc["source"]["encoding"]) == (BIG5_TEXT, "big5")


def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("abc你好".encode("gb18030"))
    assert load_one(path, encoding="gb18030")["source"]["encoding"] == "gb18030"
    with pytest.raises(BadEncoding) as err:
        load_one(path, encoding="utf-8")
    assert str(err.value) == (
        f"{path.as_posix()}: not valid utf-8 at byte 3; "
        "check --encoding, or leave it out to detect the encoding")


def test_undecodable_bytes_name_the_offset_and_the_option() -> None:
    with pytest.raises(BadEncoding) as err:
        decode_bytes(b"hello world " + bytes(range(0x80, 0x100)) * 4, path="x.txt")
    assert str(err.value) == "x.txt: not valid utf-8 at byte 12; try --encoding gb18030"


@pytest.mark.parametrize(("text", "pages"), [
    ("第一页\n\f第二页\n", 2),
    ("第一页\n\f第二页\n\f", 2),  # a trailing form feed opens no page
    ("\f第一页\n\f　\n\f第三页", 2),  # blank pages do not count
    ("只有一页", 1),
])
def test_form_feeds_are_kept_and_count_pages(tmp_path: Path, text: str, pages: int) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    doc = load_one(path)
    assert (doc["text"], doc["pages"]) == (text, pages)


def test_text_is_nfc_not_nfkc_and_indents_stay(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("　　Cafe\u0301，１２３ ﹣\n", encoding="utf-8")
    assert load_one(path)["text"] == "　　Café，１２３ ﹣\n"


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image, not text; run OCR on it first"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image, not text; run OCR on it first"),
    (bytes(range(256)) * 8, "a binary file (NUL bytes), not text"),
    (b"\x1f\x8b\x08\x00garbage", "not a readable gzip file ({detail})"),
], ids=["png", "jpeg", "nul", "bad-gzip"])
def test_binary_files_are_refused_with_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    docs, errors = load_all([str(path)])
    assert docs == []
    (err,) = errors
    assert isinstance(err, BadInput)
    assert err.where == path.as_posix()
    if "{detail}" in reason:
        assert str(err).startswith(f"{path.as_posix()}: not a readable gzip file (")
    else:
        assert str(err) == f"{path.as_posix()}: " + reason.format(path=path.as_posix())
    assert "\n" not in str(err)


@pytest.mark.parametrize("data", [b"", b"\n\n", b" \t\r\n\f", "　\n".encode("gb18030"),
                                  codecs.BOM_UTF8, gzip.compress(b"")])
def test_empty_and_blank_files_give_no_record_and_no_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    assert load_all([str(path)]) == ([], [])


def test_missing_file_is_reported_and_the_rest_still_load(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("甲\n", encoding="utf-8")
    docs, errors = load_all([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")])
    assert [d["id"] for d in docs] == ["a.txt"]
    nope = (tmp_path / "nope.txt").as_posix()
    assert [str(e) for e in errors] == [f"{nope}: no such file or folder"]


def test_default_on_error_raises(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        list(load_paths([str(tmp_path / "nope.txt")]))


def test_stdin(seed_text: str) -> None:
    (doc,) = load_paths(["-"], stdin=io.BytesIO(seed_text.encode("gb18030")))
    assert (doc["id"], doc["source"]["path"], doc["text"]) == ("<stdin>", "-", seed_text)
    assert doc["source"]["encoding"] == "gb18030"


def make_tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_folders_are_read_recursively_in_natural_order(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "scans", {
        "page10.txt": "十".encode(), "page2.txt": "二".encode("gb18030"),
        "Page1.TXT": "一".encode(), "b/page3.txt": "三".encode(), "a/z/page9.txt": "九".encode(),
        "c.txt.gz": gzip.compress("丙".encode()),
        "notes.md": b"# no", ".hidden.txt": "藏".encode(), ".git/x.txt": "藏".encode(),
    })
    docs, errors = load_all([str(root) + "/"])
    assert errors == []
    assert [d["id"] for d in docs] == [
        "a/z/page9.txt", "b/page3.txt", "c.txt.gz", "Page1.TXT", "page2.txt", "page10.txt"]
    assert [d["text"] for d in docs] == ["九", "三", "丙", "一", "二", "十"]
    assert docs[1]["source"]["path"] == f"{root.as_posix()}/b/page3.txt"


def test_glob_selects_files_in_folders_only(tmp_path: Path) -> None:
    root = make_tree(tmp_path, {"a.txt": "甲".encode(), "b.md": "乙".encode()})
    docs, _ = load_all([str(root)], glob="*.md")
    assert [d["id"] for d in docs] == ["b.md"]
    docs, _ = load_all([str(root / "a.txt")], glob="*.md")  # a file named on the command line
    assert [d["id"] for d in docs] == ["a.txt"]


def test_folder_without_matching_files_is_an_error(tmp_path: Path) -> None:
    make_tree(tmp_path, {"a.md": "甲".encode()})
    assert [str(e) for e in load_all([str(tmp_path)])[1]] == [
        f"{tmp_path.as_posix()}: no files matching *.txt, *.pdf, *.hocr, *.xml (see --glob)"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops_are_not_followed_twice(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "r", {"a.txt": "甲".encode(), "sub/b.txt": "乙".encode()})
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "zz-link").symlink_to(root / "sub", target_is_directory=True)  # sub, seen first
    docs, errors = load_all([str(root)])
    assert ([d["id"] for d in docs], errors) == (["a.txt", "sub/b.txt"], [])


def test_a_bad_file_in_a_folder_is_skipped_and_the_rest_load(tmp_path: Path) -> None:
    root = make_tree(tmp_path, {"a.txt": "甲".encode(), "b.txt": b"%PDF-1", "c.txt": "丙".encode()})
    docs, errors = load_all([str(root)])
    assert [d["id"] for d in docs] == ["a.txt", "c.txt"]
    assert [e.where for e in errors] == [(root / "b.txt").as_posix()]


def test_gzip_is_read_and_hashed_after_decompression(tmp_path: Path, seed_text: str) -> None:
    raw = seed_text.encode("gb18030")
    (tmp_path / "p.txt.gz").write_bytes(gzip.compress(raw))
    doc = load_one(tmp_path / "p.txt.gz")
    assert (doc["id"], doc["text"], doc["source"]["encoding"]) == ("p.txt.gz", seed_text, "gb18030")
    assert doc["source"]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert doc["source"]["bytes"] == len(raw)


def test_size_cap_refuses_big_inputs_and_gzip_bombs(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"a" * 101)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 10_000))
    (tmp_path / "ok.txt").write_bytes(b"a" * 100)
    docs, errors = load_all([str(tmp_path)], max_bytes=100)
    assert [d["id"] for d in docs] == ["ok.txt"]
    assert [e.where.rsplit("/", 1)[1] for e in errors] == ["big.txt", "bomb.txt.gz"]
    assert all("more than 100 bytes" in str(e) for e in errors)


def test_pages_per_folder(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "scans", {
        "issue-0615/page-10.txt": "十\n".encode(),
        "issue-0615/page-2.txt": "二\n".encode("gb18030"),
        "issue-0615/page-1.txt": "一\n".encode(),
        "issue-0616/page-1.txt": "甲\n".encode(),
        "cover.txt": "封面\n".encode(),
    })
    docs, errors = load_all([str(root)], pages_per_folder=True)
    assert errors == []
    assert [(d["id"], d["text"], d["pages"]) for d in docs] == [
        ("scans", "封面\n", 1),
        ("issue-0615", "一\n\f二\n\f十\n", 3),
        ("issue-0616", "甲\n", 1),
    ]
    source = docs[1]["source"]
    assert source["encoding"] == "utf-8,gb18030"
    assert source["files"] == ["page-1.txt", "page-2.txt", "page-10.txt"]
    assert source["path"] == f"{root.as_posix()}/issue-0615"


@pytest.mark.parametrize("pages_per_folder", [False, True])
def test_count_documents_matches_what_is_loaded(tmp_path: Path, pages_per_folder: bool) -> None:
    """The progress bar's total: files, or folders of pages, exactly as the load finds them."""
    root = make_tree(tmp_path / "scans", {
        "a/p1.txt": "一".encode(), "a/p2.TXT": "二".encode(), "a/notes.md": b"x",
        "b/p1.txt.gz": gzip.compress("甲".encode()), ".hidden/p1.txt": "乙".encode(),
        "c/readme.md": b"x",
    })
    single = make_tree(tmp_path / "single", {"one.txt": "丙".encode()}) / "one.txt"
    paths = [str(root), str(single)]
    docs, _ = load_all(paths, pages_per_folder=pages_per_folder)
    assert count_documents(paths, pages_per_folder=pages_per_folder) == len(docs) == (
        3 if pages_per_folder else 4)
    assert count_documents([str(root), "-"]) is None


def test_pages_per_folder_keeps_a_bad_page_as_an_empty_one(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "issue", {
        "p1.txt": "一".encode(), "p2.txt": b"%PDF-1.4", "p3.txt": "三".encode()})
    docs, errors = load_all([str(root)], pages_per_folder=True)
    assert [(d["id"], d["text"], d["pages"]) for d in docs] == [("issue", "一\f\f三", 2)]
    assert [str(e) for e in errors] == [f"{(root / 'p2.txt').as_posix()}: a pdf file among text pages; give each kind a folder of its own"]


def test_decode_bytes_prefers_gb18030_over_gbk_names() -> None:
    text = "社会工作协同发展，促进三地社工站建设专业化水平不断提升。"
    assert decode_bytes(text.encode("gb2312"))[:2] == (text, "gb18030")


def test_a_line_valid_in_neither_encoding_is_kept_with_replacement_characters(tmp_path: Path) -> None:
    """A UTF-8 character cut by a truncation, in a file that mixes UTF-8 and GB18030 lines."""
    path = tmp_path / "m.txt"
    path.write_bytes("第一行\n第二行\n".encode() + "第三行".encode()[:-1] + b"\n" + "第四行".encode("gb18030"))
    doc = load_one(path)
    assert doc["text"] == "第一行\n第二行\n第三\ufffd\n第四行"
    assert doc["source"]["warning"].endswith("line 3 valid in neither, its bad bytes kept as U+FFFD")


METS = b'<?xml version="1.0"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/"><mets:fileSec/></mets:mets>\n'
ALTO_PAGE = (b"<alto><Layout><Page WIDTH='900' HEIGHT='900'><PrintSpace><TextBlock>"
             b"<TextLine HPOS='0' VPOS='0' WIDTH='900' HEIGHT='30'><String CONTENT='" + "正文第一行。".encode()
             + b"'/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>")
NOT_A_PAGE = "markup whose root is <mets>, neither hOCR nor ALTO (a METS file? a web page?)"


@pytest.mark.parametrize("pages_per_folder", [False, True])
def test_markup_that_is_no_page_is_left_out_of_a_folder_with_a_note(tmp_path: Path, pages_per_folder: bool) -> None:
    root = make_tree(tmp_path / "issue", {"mets.xml": METS, "p1.xml": ALTO_PAGE, "p2.xml": ALTO_PAGE})
    docs, notes = load_all([str(root)], glob="*.xml", pages_per_folder=pages_per_folder)
    assert [(d["id"], d["text"], d["pages"]) for d in docs] == (
        [("issue", "正文第一行。\n\f正文第一行。", 2)] if pages_per_folder
        else [("p1.xml", "正文第一行。", 1), ("p2.xml", "正文第一行。", 1)])
    assert [(type(n), n.where) for n in notes] == [(Skipped, (root / "mets.xml").as_posix())]
    assert NOT_A_PAGE in str(notes[0]) and str(notes[0]).endswith("; left out")


@pytest.mark.parametrize("data", [
    METS,
    b"<!DOCTYPE html>\n<html><head><title>news</title></head><body><p>web page</p></body></html>",
])
def test_markup_given_alone_is_an_error_not_text(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "x.xml").write_bytes(data)
    docs, errors = load_all([str(tmp_path / "x.xml")])
    assert docs == [] and [type(e) for e in errors] == [NotAPage]
    assert "neither hOCR nor ALTO" in str(errors[0]) and "give zhnorm the pages' hOCR, ALTO or text" in str(errors[0])


def test_text_that_starts_with_an_angle_bracket_is_text(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes("<新华社>电 正文。\n".encode())
    assert load_one(tmp_path / "x.txt")["text"] == "<新华社>电 正文。\n"


@pytest.mark.parametrize("data", [
    ALTO_PAGE.decode().encode("utf-16"),  # with its BOM
    b"\xef\xbb\xbf\n\n" + ALTO_PAGE,  # a BOM and blank lines before the root
])
def test_an_alto_page_in_utf16_or_after_a_blank_line_is_read_as_alto(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "p.xml").write_bytes(data)
    doc = load_one(tmp_path / "p.xml")
    assert (doc["source"]["format"], doc["text"]) == ("alto", "正文第一行。")
