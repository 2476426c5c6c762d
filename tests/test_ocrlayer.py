"""An OCR engine's invisible text layer in a PDF (``normalize.ocrlayer``): read as the engine's lines and paragraphs."""

from __future__ import annotations

import ctypes
import io
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.geometry import TextLine
from normalize.layout import build_blocks
from normalize.loader import load_paths
from normalize.ocrlayer import engine_lines, is_ocr_layer, paragraphs
from normalize.pdf import read_pdf
from normalize.pdflines import Char

FIXTURE = Path(__file__).parent / "data" / "dev01-p1-crop.tesseract.pdf"
GLYPHLESS = "GlyphLessFont"


def words(text: str, x: float, base: float, size: float = 10.0, font: str = GLYPHLESS) -> list[Char]:
    """A line as an OCR layer writes it: each character a word, each word followed by its space."""
    out: list[Char] = []
    for k, ch in enumerate(text):
        left = x + k * size
        out += [Char(ch, left, left + 0.8 * size, base, size, font, left),
                Char(" ", left + 0.8 * size, left + size, base, size, font, left)]
    return out


def word(text: str, x: float, base: float, size: float = 10.0) -> list[Char]:
    """One word of several characters (a number, a Latin word) and its space."""
    out = [Char(ch, x + k * size, x + (k + 1) * size, base, size, GLYPHLESS, x) for k, ch in enumerate(text)]
    return [*out, Char(" ", x + len(text) * size, x + (len(text) + 0.5) * size, base, size, GLYPHLESS, x)]


def test_the_engines_lines_are_its_hocr_lines() -> None:
    """tesseract's text-only PDF of a crop of a development page (two columns, a headline, a credit) gives the
    lines tesseract's hOCR of the same image gives, in its order, words joined as its text output joins them."""
    (page,) = read_pdf(FIXTURE, name=FIXTURE.name)
    assert page.ocr
    assert [line.text for line in page.lines] == [
        "一", "传承保护数百载，璀璨非遗放异", "彩。为期9天的省级非遗一一西乡北帝", "三月三庙会精彩还在继续，西乡历史",
        "文化展作为今年庙会活动的重头戏之", "一，这几天也迎来了不少游客前来参", "西部陆海新通道铁海联运班列累计开", "行3万列",
        "今天 (10月8日) ，一列装载110", "个集装箱的铁海联运班列从广西钦州", "铁路集装箱中心站开出。这标志着西",
        "部陆海新通道铁海联运班列自2017年", "首趟开行以来，昧计开行3万列。目", "加", "据了解，此次非遗展览，这是宝",
        "前，西部陆海新通道服务范围已辐射", "安图书馆与西乡非遗文化首次深度融", "合，推出了“非遗+阅读”的展览新模", "式，人",
        "化。观众在“观非遗文化:品书香生", "3址5 征z间TH 让让 TAGEHO各看]这", "我国1个省份、 69个城市、138个站",
        "运输品类达940多个。", "(据央视《新闻联播》)", "总台2024年“3。15”晚会今晚播出",
    ]
    blocks = [line.block for line in page.lines]
    assert len(set(blocks[1:6])) == 1 and len(set(blocks[6:8])) == 1 and blocks[8] != blocks[7]


def test_an_ocr_layer_pdf_is_read_by_the_text_rules() -> None:
    """Loaded, the page keeps the engine's paragraphs as blank lines and says its lines are OCR's; the text rules
    then find the headline over its dated first paragraph and the credit."""
    (doc,) = load_paths([str(FIXTURE)])
    assert doc["source"]["format"] == "pdf" and doc["layout"]["ocr"] is True
    assert "\n\n西部陆海新通道铁海联运班列累计开\n行3万列\n\n今天" in doc["text"]
    blocks = build_blocks(doc["text"], doc["layout"])
    assert {"kind": "heading", "text": "西部陆海新通道铁海联运班列累计开行3万列"}.items() <= next(
        b for b in blocks if b["text"].startswith("西部陆海")).items()
    assert any(b["kind"] == "credit" and b["text"] == "(据央视《新闻联播》)" for b in blocks)


def typeset_and_scan(scan_first: bool) -> bytes:
    """A PDF of a typeset page (Latin text in a standard font) and the fixture's scan page, in either order."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(400, 300)
    font = pdfium_c.FPDFText_LoadStandardFont(document, b"Helvetica")
    for k, text in enumerate(["County news in brief", "The new school opened on Monday."]):
        obj = pdfium_c.FPDFPageObj_CreateTextObj(document, font, 12.0)
        units = (text + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(units, len(units)),
                                                   ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 250 - 20 * k)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    document.import_pages(pdfium.PdfDocument(str(FIXTURE)), index=0 if scan_first else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_first_page_with_text_says_whether_a_scans_layer_is_read_as_ocr() -> None:
    """A typeset issue with a scan OCRed among its pages is read by its geometry throughout (its headlines by their
    size); a scanned issue whose first page is an OCR layer is read as OCR."""
    typeset_first = list(read_pdf(typeset_and_scan(scan_first=False), name="mixed.pdf"))
    assert [page.ocr for page in typeset_first] == [False, False]
    scan_first = list(read_pdf(typeset_and_scan(scan_first=True), name="mixed.pdf"))
    assert [page.ocr for page in scan_first] == [True, False]
    (doc,) = load_paths([str(FIXTURE)])
    assert doc["layout"]["ocr"] is True


def test_a_typeset_pdf_is_no_ocr_layer() -> None:
    assert is_ocr_layer(words("民生周刊", 0, 10))
    assert not is_ocr_layer(words("民生周刊", 0, 10, font="NotoSerifCJKsc-Regular"))
    assert not is_ocr_layer([])


@pytest.mark.parametrize(("chars", "lines"), [
    # a line and the next one under it, starting back at the column's edge
    (words("第一行文字", 0, 10) + words("第二行", 0, 24), ["第一行文字", "第二行"]),
    # a line of the next column on the same row, a little higher: the engine's lines differ in baseline
    (words("鼓点暗合", 0, 20) + words("北斗七星", 45, 19.7), ["鼓点暗合", "北斗七星"]),
    # the next line's first word in another size on the same baseline (the engine sizes its type line by line)
    (words("要闻", 0, 20, 12.0) + words("民生", 60, 20, 18.0) + words("周刊", 100, 20.05, 18.0), ["要闻", "民生周刊"]),
    # OCRmyPDF writes no space after a line's last word: the next line still starts where the word goes back left
    ([*word("累计开", 0, 10)[:-1], *word("行3万列", 0, 24)], ["累计开", "行3万列"]),
    # near miss: a slanted line (a skewed scan), its words a little higher each, evenly: one line
    ([c for k, ch in enumerate("说完我把手里的纸撕了") for c in words(ch, 10 * k, 50 - 0.06 * k)], ["说完我把手里的纸撕了"]),
    # near miss: the second word of a line, a little off (the slant not known yet): one line
    (word("2500", 0, 30) + words("多年前", 45, 30.35), ["2500多年前"]),
])
def test_engine_lines_part_where_the_engine_started_a_line(chars: list[Char], lines: list[str]) -> None:
    assert [line.text for line in engine_lines(chars)] == lines


def line(x0: float, top: float, x1: float) -> TextLine:
    return TextLine("字" * int((x1 - x0) // 10), x0, top, x1, top + 10, 10.0)


@pytest.mark.parametrize(("lines", "starts"), [
    ([line(20, 0, 200), line(0, 14, 200), line(0, 28, 200)], [0]),  # a paragraph: its first line indented
    ([line(20, 0, 200), line(0, 14, 120), line(20, 28, 200)], [0, 2]),  # the next one indented again
    ([line(0, 0, 200), line(0, 14, 120), line(0, 28, 200)], [0, 2]),  # under a short last line, not indented
    ([line(0, 0, 200), line(0, 40, 200)], [0, 1]),  # a gap
    ([line(0, 100, 200), line(220, 0, 420)], [0, 1]),  # the next column, up the page
    ([line(0, 0, 200), line(0, 14, 190), line(0, 28, 200)], [0]),  # near miss: a line a little short (its marks)
])
def test_paragraphs_start_where_a_line_is_indented_or_the_one_before_stopped_short(
        lines: list[TextLine], starts: list[int]) -> None:
    blocks = [ln.block for ln in paragraphs(lines)]
    assert [k for k in range(len(blocks)) if k == 0 or blocks[k] != blocks[k - 1]] == starts


TEXT = st.text(st.sampled_from("中文，。1A “"), min_size=1, max_size=6)


@given(st.lists(st.tuples(TEXT, st.floats(0, 400), st.floats(0, 600)), max_size=30))
def test_no_character_of_the_layer_is_lost_or_doubled(rows: list[tuple[str, float, float]]) -> None:
    chars = [c for text, x, base in rows for c in words(text, x, base)]
    got = "".join(line.text for line in engine_lines(chars))
    assert Counter(c for c in got if not c.isspace()) == Counter(c.text for c in chars if not c.text.isspace())
