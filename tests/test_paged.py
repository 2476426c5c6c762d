"""Files with boxes as documents: a PDF's lines in reading order, an OCR file's in its own order
with its paragraph gaps (rows read across a gutter cut into their columns), one layout entry per line of
text; what the layout stage reads of them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from normalize.layout import build_blocks
from normalize.loader import load_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")


def load(path: Path, **options: object) -> dict:
    errors: list = []
    [doc] = list(load_paths([str(path)], on_error=errors.append, **options))
    assert errors == []
    return doc


@needs_shared
def test_a_pdf_is_a_document_with_a_layout_entry_per_line() -> None:
    doc = load(SHARED / "dev/pdf/dev01.pdf")
    lines = doc["text"].split("\n")
    assert doc["source"]["format"] == "pdf" and doc["pages"] == 2 and doc["layout"]["unit"] == "pt"
    assert len(lines) == len(doc["layout"]["lines"])
    # the second page's first line starts after one form feed and its entry says page 2
    second = next(k for k, line in enumerate(lines) if line.startswith("\f"))
    assert doc["layout"]["lines"][second][0] == 2 and doc["layout"]["lines"][second - 1][0] == 1
    # in reading order: the running head, then the headline over its article
    assert lines[:4] == ["民生周刊", "2024年7月29日 星期一", "第5版 民生", "非遗民俗文献展邀市民“宝读诗书”"]


@needs_shared
def test_a_folder_of_hocr_pages_reads_as_tesseracts_own_text() -> None:
    """The same characters, lines and paragraph gaps as tesseract's text output of the pages, where no line of
    them crosses a column gutter (dev08: two pages)."""
    doc = load(SHARED / "dev/hocr/dev08", pages_per_folder=True, glob="*.hocr")
    tesseract = (SHARED / "dev/ocr/inputs/dev08.txt").read_text(encoding="utf-8")
    assert squeeze(doc["text"]) == squeeze(tesseract.replace("\n\f", "\n"))
    entries = doc["layout"]["lines"]
    assert doc["source"]["format"] == "hocr" and doc["layout"]["unit"] == "px"
    assert [e is None for e in entries] == [not line.strip() for line in doc["text"].split("\n")]


@needs_shared
@pytest.mark.parametrize("name", ["dev01", "dev09", "dev10"])
def test_hocr_lines_cut_at_gutters_keep_every_character_of_tesseracts_text(name: str) -> None:
    """Where tesseract read rows of columns as one line, the pieces go elsewhere, but no character is lost or
    doubled."""
    doc = load(SHARED / f"dev/hocr/{name}", pages_per_folder=True, glob="*.hocr")
    tesseract = (SHARED / f"dev/ocr/inputs/{name}.txt").read_text(encoding="utf-8")
    assert squeeze(doc["text"]) != squeeze(tesseract.replace("\n\f", "\n"))
    assert Counter("".join(squeeze(doc["text"]))) == Counter("".join(squeeze(tesseract)))


def squeeze(text: str) -> list[str]:
    """A text's lines without their spaces."""
    return [re.sub(r"\s", "", line) for line in text.strip("\f\n").split("\n")]


@needs_shared
def test_the_layout_stage_reads_a_pdfs_boxes_and_an_ocr_files_text() -> None:
    pdf = load(SHARED / "dev/pdf/dev01.pdf")
    hocr = load(SHARED / "dev/hocr/dev01", pages_per_folder=True, glob="*.hocr")
    box_rules = {"headline_run", "indented_line", "column_turn", "running_band"}
    assert box_rules & {b["why"] for b in build_blocks(pdf["text"], pdf["layout"])}
    assert not box_rules & {b["why"] for b in build_blocks(hocr["text"], hocr["layout"])}
