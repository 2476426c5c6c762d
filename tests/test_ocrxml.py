"""OCR XML readers (normalize.hocr, normalize.alto, normalize.ocrxml, normalize.xmlsafe): tesseract hOCR and ALTO into
PageLayout pages, word joining, and refusing unsafe XML."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from normalize.alto import NotAlto, read_alto
from normalize.errors import BadInput
from normalize.hocr import parse_title, read_hocr
from normalize.ocrxml import Word, join_words, sniff, word_separator

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
HOCR_CUT = DATA / "dev01-p1-cut.hocr"
ALTO_CUT = DATA / "dev01-p1-cut.alto.xml"
ALTO_V2 = DATA / "hyphen-style.alto-v2.xml"
ALTO_V2_NS = 'xmlns="http://www.loc.gov/standards/alto/ns-v2#"'

# the first lines of dev01 page 1, as tesseract's text output has them (dev/ocr/inputs/dev01.txt)
DEV01_HEAD = ["民生周刊", "2024年7月29日 星期一", "第5版 民生", "非遗民俗文献展邀市民“宝读诗书-"]


def hocr(body: str, *, page_title: str = "bbox 0 0 1000 1400; ppageno 0") -> bytes:
    """A one-page hOCR file around ``body`` (the page's inside)."""
    return (
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="ocr-system" content="tesseract 5.3.0"/>'
        f"</head><body><div class='ocr_page' id='page_1' title='{page_title}'>{body}</div></body></html>"
    ).encode()


def alto(lines: str, *, unit: str = "pixel", styles: str = "", ns: str = ALTO_V2_NS) -> bytes:
    """A one-page ALTO file whose single TextBlock holds ``lines``."""
    return (
        f'<alto {ns}><Description><MeasurementUnit>{unit}</MeasurementUnit></Description>'
        f"<Styles>{styles}</Styles><Layout><Page WIDTH='1000' HEIGHT='1400' PHYSICAL_IMG_NR='1'>"
        f"<PrintSpace><TextBlock ID='b1'>{lines}</TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()


def one_line_error(err: pytest.ExceptionInfo[BadInput]) -> str:
    message = str(err.value)
    assert "\n" not in message
    return message


# -- joining words ---------------------------------------------------------------------------------

EM = 30.0


@pytest.mark.parametrize(
    "left, right, separator",
    [
        (Word("民生"), Word("周刊"), ""),  # Han + Han
        (Word("New"), Word("York"), " "),  # Latin + Latin
        (Word("使用"), Word("App"), ""),  # Han + Latin, touching
        (Word("使用", 0, 60), Word("App", 76, 120), " "),  # ... a gap over half an em: a printed space
        (Word("使用", 0, 60), Word("App", 74, 120), ""),  # near miss: just under half an em
        (Word("2024"), Word("年"), ""),  # digits + Han
        (Word("第"), Word("5"), ""),
        (Word("10"), Word("000"), " "),  # digits + digits: tesseract splits those only at a space
        (Word("3.5"), Word("万"), ""),
        (Word("我们"), Word("，"), ""),  # Han + Chinese punctuation
        (Word("“"), Word("宝读"), ""),
        (Word("，"), Word(","), " "),  # two marks: split only at a space, as tesseract does
        (Word("カタ"), Word("カナ"), ""),  # kana is unspaced too
        (Word("Ａ"), Word("B"), " "),  # a full-width letter is no Han character
        (Word("景气", 0, 60), Word("域", 120, 150), "   "),  # two ems: a column gap, at least three spaces
        (Word("景气", 0, 60), Word("域", 117, 150), ""),  # near miss: 1.9 em
        (Word("景气", 0, 60), Word("域", 210, 240), "     "),  # five ems: five spaces
        (Word("景气", 0, 60), Word("域", 40, 70), ""),  # overlapping boxes
    ],
)
def test_word_separator(left: Word, right: Word, separator: str) -> None:
    assert word_separator(left, right, em=EM) == separator


def test_joining_never_applies_nfkc() -> None:
    assert join_words([Word("你好"), Word("，"), Word("世界"), Word("！"), Word("ＡＢ")], em=EM) == "你好，世界！ ＡＢ"


# -- hOCR title ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, properties",
    [
        (
            "bbox 104 119 285 158; baseline 0 0; x_size 51.333332; x_descenders 12.8; x_ascenders 12.8",
            {"bbox": "104 119 285 158", "baseline": "0 0", "x_size": "51.333332", "x_descenders": "12.8",
             "x_ascenders": "12.8"},
        ),
        ("bbox 36 39 74 50 ; x_wconf 75.8", {"bbox": "36 39 74 50", "x_wconf": "75.8"}),  # ABBYY's " ; "
        ('image "a; b.png"; bbox 0 0 9 9; ppageno 2', {"image": '"a; b.png"', "bbox": "0 0 9 9", "ppageno": "2"}),
        ("bbox 1 2 3 4", {"bbox": "1 2 3 4"}),  # no x_size
        ("", {}),
        ("bbox 1 2 3 4;", {"bbox": "1 2 3 4"}),
    ],
)
def test_parse_title(title: str, properties: dict[str, str]) -> None:
    assert parse_title(title) == properties


@pytest.mark.parametrize(
    "line_title, size",
    [
        ("bbox 10 20 110 50; x_size 33.5", 33.5),
        ("bbox 10 20 110 50; baseline 0 -5", 30.0),  # no x_size: the box height
        ("bbox 10 20 110 50; x_size 0", 30.0),  # a useless x_size: the box height
    ],
)
def test_hocr_line_size_is_x_size_else_box_height(line_title: str, size: float) -> None:
    data = hocr(f"<span class='ocr_line' title='{line_title}'><span class='ocrx_word'>好</span></span>")
    (page,) = read_hocr(data, name="p.hocr")
    assert page.lines[0].size == size
    assert page.lines[0].box == (10, 20, 110, 50)


# -- hOCR structure --------------------------------------------------------------------------------


def test_hocr_fixture_is_tesseracts_own_output() -> None:
    """A cut of tesseract's hOCR of dev01 page 1: the XHTML DOCTYPE parses, boxes and sizes are kept."""
    (page,) = read_hocr(HOCR_CUT.read_bytes(), name=HOCR_CUT.name)
    assert (page.number, page.width, page.height) == (1, 1653, 2339)
    assert [line.text.replace(" ", "") for line in page.lines] == [t.replace(" ", "") for t in DEV01_HEAD]
    assert page.lines[0].text == "民生周刊"
    assert page.lines[3].text == DEV01_HEAD[3]
    assert page.lines[0].box == (104, 119, 285, 158)
    assert page.lines[0].size == pytest.approx(51.333332)
    assert [line.block for line in page.lines] == [0, 1, 2, 3]
    assert page.rules == [(102, 182, 1552, 188)]
    assert page.images == []


def test_hocr_pages_blocks_rules_and_images() -> None:
    body = (
        "<div class='ocr_page' title='bbox 0 0 800 1000; ppageno 4'>"
        "<div class='ocr_carea' title='bbox 0 0 500 100'><p class='ocr_par'>"
        "<span class='ocr_header' title='bbox 10 10 300 60; x_size 50'>"
        "<span class='ocrx_word' title='bbox 10 10 150 60'>社区</span>"
        "<span class='ocrx_word' title='bbox 150 10 300 60'>时讯</span></span>"
        "<span class='ocr_line' title='bbox 10 70 300 90'><span class='ocrx_word'><strong>No.</strong></span>"
        "<span class='ocrx_word'> 12 </span></span></p></div>"
        "<div class='ocr_separator' title='bbox 0 95 800 97'></div>"
        "<div class='ocr_photo' title='bbox 0 100 400 400'></div>"
        "<span class='ocr_caption' title='bbox 0 410 400 430'>图为 活动 现场</span>"
        "<div class='ocr_carea' title='bbox 0 500 800 600'>"
        "<span class='ocr_textfloat' title='bbox 0 500 800 530'><span class='ocrx_word'>文</span></span>"
        "<span class='ocrx_line' title='bbox 0 540 800 570'><span class='ocrx_word'>章</span></span>"
        "<span class='ocr_line' title='bbox 0 580 800 600'><span class='ocrx_word'> </span></span></div>"
        "</div>"
        "<div class='ocr_page' title='image \"p; 2.png\"; bbox 0 0 700 900'>"
        "<div class='ocr_carea'><span class='ocr_line' title='bbox 1 2 3 4'><span class='ocrx_word'>二</span>"
        "</span></div></div>"
    )
    data = f"<html><head><meta name='ocr-system' content='x'/></head><body>{body}</body></html>".encode()
    first, second = read_hocr(data, name="two.hocr")
    assert (first.number, first.width, first.height) == (5, 800, 1000)  # ppageno 4, 0-based
    assert (second.number, second.width, second.height) == (2, 700, 900)  # no ppageno: the order
    assert [(line.text, line.block) for line in first.lines] == [
        ("社区时讯", 0), ("No. 12", 0), ("图为 活动 现场", 1), ("文", 2), ("章", 2),  # the empty line is left out
    ]
    assert first.rules == [(0, 95, 800, 97)]
    assert first.images == [(0, 100, 400, 400)]
    assert first.lines[2].size == 20  # a line without word markup: its text as it stands, its box height


def test_hocr_line_without_bbox_takes_its_words_box() -> None:
    data = hocr("<span class='ocr_line'><span class='ocrx_word' title='bbox 5 6 20 30'>好</span>"
                "<span class='ocrx_word' title='bbox 20 4 40 28'>的</span></span>")
    (page,) = read_hocr(data, name="p.hocr")
    assert page.lines[0].box == (5, 4, 40, 30)


# -- tesseract's own text, on the shared dev and real pages -----------------------------------------

# lines whose text equals tesseract's text output exactly; every line has the same characters
EXACT_LINES = {
    "dev/hocr/dev01/page-1.hocr": 74,  # of 89
    "dev/hocr/dev01/page-2.hocr": 70,  # of 77
    "dev/hocr/dev02/page-1.hocr": 96,  # of 103
    "dev/hocr/dev03/page-1.hocr": 81,  # of 96
    "dev/hocr/dev04/page-1.hocr": 108,  # of 118
    "dev/hocr/dev05/page-1.hocr": 112,  # of 122
    "dev/hocr/dev06/page-1.hocr": 90,  # of 106
    "dev/hocr/dev07/page-1.hocr": 73,  # of 79
    "dev/hocr/dev08/page-1.hocr": 125,  # of 135
    "dev/hocr/dev08/page-2.hocr": 125,  # of 132
    "dev/hocr/dev09/page-1.hocr": 100,  # of 108
    "dev/hocr/dev10/page-1.hocr": 67,  # of 91
    "real/hocr/mag12img/page-1.hocr": 60,  # of 79
    "real/hocr/sanmen02/page-1.hocr": 150,  # of 254
}


def tesseract_text_lines(hocr_path: str) -> list[str]:
    """The non-blank lines of tesseract's text output for the page ``hocr_path`` names."""
    variant, _, doc, page = hocr_path.split("/")
    text_path = SHARED / variant / "ocr" / ("inputs" if variant == "dev" else "") / f"{doc}.txt"
    number = int(re.search(r"\d+", page).group())  # type: ignore[union-attr]
    text = text_path.read_text(encoding="utf-8").split("\f")[number - 1]
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("hocr_path", sorted(EXACT_LINES))
def test_lines_equal_tesseracts_text_output(hocr_path: str) -> None:
    if not SHARED.exists():
        pytest.skip("../shared is not beside this checkout")
    (page,) = read_hocr((SHARED / hocr_path).read_bytes(), name=hocr_path, cut=False)
    expected = tesseract_text_lines(hocr_path)
    got = [line.text for line in page.lines]
    assert len(got) == len(expected)
    # the characters always: nothing lost, added or reordered
    assert [g.replace(" ", "") for g in got] == [e.replace(" ", "") for e in expected]
    # the spaces as well, on all but the lines where tesseract saw a space the hOCR does not show
    assert sum(g == e for g, e in zip(got, expected)) >= EXACT_LINES[hocr_path]


# -- ALTO ------------------------------------------------------------------------------------------


def test_tesseract_alto_fixture() -> None:
    """A cut of tesseract's ALTO (v3, pixels) of dev01 page 1: the same words and boxes as its hOCR."""
    (page,) = read_alto(ALTO_CUT.read_bytes(), name=ALTO_CUT.name)
    assert (page.number, page.width, page.height) == (1, 1653, 2339)  # PHYSICAL_IMG_NR="0"
    texts = [line.text for line in page.lines]
    assert texts[:4] == ["民生周刊", "2024年7月29日星期一", "第5版民生", DEV01_HEAD[3]]
    assert texts[4:] == ["彩。为期9天的省级非遗一一西乡北帝", "观。"]  # tesseract's text has them so
    assert [line.block for line in page.lines] == [0, 1, 2, 3, 4, 4]
    assert page.lines[3].box == (384, 220, 1237, 273)
    assert page.lines[3].size == 53  # no styles: the line height
    assert page.rules == [(102, 182, 1552, 188)]
    (hocr_page,) = read_hocr(HOCR_CUT.read_bytes(), name=HOCR_CUT.name)
    assert [line.box for line in hocr_page.lines] == [line.box for line in page.lines[:4]]


ALTO_V2_TEXTS = ["社区时讯    第2版", "英文角开讲", "本期话题 inter-", "national exchange 活动。", "Zhnorm 读2024年"]


@pytest.mark.parametrize(
    "namespace",
    [
        ALTO_V2_NS,
        'xmlns="http://www.loc.gov/standards/alto/ns-v3#"',
        'xmlns="http://www.loc.gov/standards/alto/ns-v4#"',
        "",
    ],
    ids=["v2", "v3", "v4", "no-namespace"],
)
def test_alto_versions(namespace: str) -> None:
    data = ALTO_V2.read_bytes().replace(ALTO_V2_NS.encode(), namespace.encode())
    (page,) = read_alto(data, name="p.xml")
    assert [line.text for line in page.lines] == ALTO_V2_TEXTS
    assert (page.number, page.width, page.height) == (2, 2100, 2970)


def test_alto_hyphen_style_and_unit() -> None:
    (page,) = read_alto(ALTO_V2.read_bytes(), name=ALTO_V2.name)
    head, title, first, second, mixed = page.lines
    # the printed halves and the printed hyphen; SUBS_CONTENT ("international") is never written
    assert (first.text, second.text) == ("本期话题 inter-", "national exchange 活动。")
    assert "international" not in " ".join(line.text for line in page.lines)
    # 18 pt and 9 pt in tenths of a millimetre; the style from the line, its block or its Strings
    assert title.size == pytest.approx(18 * 254 / 72)
    assert first.size == second.size == mixed.size == head.size == pytest.approx(9 * 254 / 72)
    assert (title.font, first.font, mixed.font) == ("SimHei", "SimSun", "SimSun")
    assert [line.block for line in page.lines] == [0, 1, 2, 2, 2]
    assert mixed.text.startswith("Zhnorm ")  # two Strings without an SP: one word
    assert page.rules == [(200, 180, 1900, 184)]
    assert page.images == [(1100, 320, 1800, 820)]


@pytest.mark.parametrize(
    "unit, size",
    [
        ("mm10", 10 * 254 / 72),
        ("inch1200", 10 * 1200 / 72),
        ("pixel", 40.0),  # no resolution in ALTO: the page's line height per point, here 4 px/pt
    ],
)
def test_alto_font_size_in_the_files_unit(unit: str, size: float) -> None:
    styles = "<TextStyle ID='s10' FONTSIZE='10'/><TextStyle ID='s20' FONTSIZE='20'/>"
    lines = (
        "<TextLine HPOS='0' VPOS='0' WIDTH='400' HEIGHT='40' STYLEREFS='s10'><String CONTENT='正文'/></TextLine>"
        "<TextLine HPOS='0' VPOS='50' WIDTH='400' HEIGHT='40' STYLEREFS='s10'><String CONTENT='正文'/></TextLine>"
        "<TextLine HPOS='0' VPOS='99' WIDTH='400' HEIGHT='81' STYLEREFS='s20'><String CONTENT='标题'/></TextLine>"
        "<TextLine HPOS='0' VPOS='199' WIDTH='400' HEIGHT='33'><String CONTENT='无'/></TextLine>"
    )
    (page,) = read_alto(alto(lines, unit=unit, styles=styles), name="p.xml")
    assert page.lines[0].size == pytest.approx(size)
    assert page.lines[2].size == pytest.approx(2 * size)  # sizes keep their ratio
    assert page.lines[3].size == 33  # no style: the line height


def _strings(y: int, heights: list[int]) -> str:
    """Strings of those heights, a Han character each, or a comma where the height is under 10."""
    return "".join(f"<String CONTENT='{'，' if h < 10 else '字'}' HPOS='{20 * k}' VPOS='{y}' WIDTH='20' HEIGHT='{h}'/>"
                   for k, h in enumerate(heights))


@pytest.mark.parametrize("case, box_height, heights, size", [
    # sanmen02 through tesseract: a body line boxed 36 px tall where its words say 21
    ("stretched by a tall word", 36, [20, 21, 21, 36], 21.0),
    # near misses: a line as tall as its words say, and one a little taller (less than 1.3 times)
    ("as tall as its words", 21, [20, 21, 21, 21], 21.0),
    ("a little taller", 26, [20, 21, 21, 21], 26.0),
    ("too few words to say", 36, [20, 36], 36.0),
    # marks are far shorter than the type (a comma's ink): they say nothing of its size
    ("marks do not count", 21, [20, 21, 21, 3, 3, 3], 21.0),
])
def test_alto_line_without_font_size_is_as_tall_as_its_words_say(
        case: str, box_height: int, heights: list[int], size: float) -> None:
    body = "".join(f"<TextLine HPOS='0' VPOS='{40 * n}' WIDTH='80' HEIGHT='21'>{_strings(40 * n, [20, 21, 21, 21])}"
                   "</TextLine>" for n in range(3))
    line = f"<TextLine HPOS='0' VPOS='200' WIDTH='80' HEIGHT='{box_height}'>{_strings(200, heights)}</TextLine>"
    (page,) = read_alto(alto(body + line), name="p.xml")
    assert [item.size for item in page.lines] == [21.0, 21.0, 21.0, size]


def test_a_stretched_alto_lines_words_are_joined_as_its_box_says() -> None:
    """Its size comes from its words, but the spaces between its words from its box, as tesseract's text has them:
    a smaller em would read the gaps around a tall blot as a column's gutter."""
    body = "".join(f"<TextLine HPOS='0' VPOS='{40 * n}' WIDTH='80' HEIGHT='21'>{_strings(40 * n, [20, 21, 21, 21])}"
                   "</TextLine>" for n in range(3))
    words = ("<String CONTENT='能让' HPOS='0' VPOS='200' WIDTH='40' HEIGHT='21'/>"
             "<String CONTENT='市民' HPOS='70' VPOS='200' WIDTH='40' HEIGHT='21'/>"
             "<String CONTENT='从' HPOS='140' VPOS='200' WIDTH='20' HEIGHT='36'/>"
             "<String CONTENT='一个' HPOS='190' VPOS='200' WIDTH='40' HEIGHT='21'/>")
    line = f"<TextLine HPOS='0' VPOS='200' WIDTH='230' HEIGHT='36'>{words}</TextLine>"
    (page,) = read_alto(alto(body + line), name="p.xml")
    assert page.lines[-1].size == 21.0
    assert page.lines[-1].text == "能让市民从一个"


def test_alto_line_without_sp_has_one_word_per_string() -> None:
    lines = ("<TextLine HPOS='0' VPOS='0' WIDTH='400' HEIGHT='30'><String CONTENT='THE'/><String CONTENT='MONITOR'/>"
             "<String CONTENT='报'/></TextLine>")
    (page,) = read_alto(alto(lines), name="p.xml")
    assert page.lines[0].text == "THE MONITOR报"


def test_alto_pages_counted_from_zero_are_numbered_from_one() -> None:
    page = "<Page PHYSICAL_IMG_NR='{n}'><PrintSpace><TextBlock><TextLine HPOS='0' VPOS='0' WIDTH='9' HEIGHT='9'>" \
           "<String CONTENT='{n}'/></TextLine></TextBlock></PrintSpace></Page>"
    data = f"<alto><Layout>{page.format(n=0)}{page.format(n=1)}</Layout></alto>".encode()
    assert [(p.number, p.width, p.lines[0].text) for p in read_alto(data, name="p.xml")] == [(1, 9, "0"), (2, 9, "1")]


METS = b"""<?xml version="1.0"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
  <mets:fileSec><mets:fileGrp USE="ALTO"><mets:file ID="ALTO1"><mets:FLocat xlink:href="alto/0001.xml"/>
  </mets:file></mets:fileGrp></mets:fileSec>
</mets:mets>"""


def test_mets_is_not_alto() -> None:
    with pytest.raises(NotAlto) as err:
        read_alto(METS, name="issue/mets.xml")
    assert isinstance(err.value, BadInput)
    assert one_line_error(err).startswith("issue/mets.xml: an XML file whose root is <mets>, not <alto>")


def test_hocr_is_not_alto() -> None:
    with pytest.raises(NotAlto):
        read_alto(HOCR_CUT.read_bytes(), name="p.hocr")


# -- sniff -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, kind",
    [
        (HOCR_CUT.read_bytes(), "hocr"),
        (ALTO_CUT.read_bytes(), "alto"),
        (ALTO_V2.read_bytes(), "alto"),
        (b"<!-- made by hand: <html> ocr_page --><alto><Layout/></alto>", "alto"),
        (b"<?xml version='1.0'?><!DOCTYPE alto><a:alto xmlns:a='urn:x'/>", "alto"),
        ("<alto/>".encode("utf-16"), "alto"),
        (METS, None),  # near miss: it names ALTO files
        (b"<html><head><title>ocr</title></head><body>no hOCR here</body></html>", None),
        ("民生周刊\n2024年7月29日 星期一\n".encode(), None),
        (b"%PDF-1.7", None),
        (b"", None),
    ],
)
def test_sniff(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


# -- safety ----------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="&lol9;"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>"""
QUADRATIC_BLOWUP = (
    b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY a "' + b"x" * 50_000 + b'">]>\n<html><body>'
    + b"&a;" * 50_000 + b"</body></html>"
)
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE alto [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT="x"/>&xxe;</TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE alto [<!ENTITY % remote SYSTEM "http://example.com/evil.dtd"> %remote;]>
<alto/>"""
UNPARSED_ENTITY = b"""<!DOCTYPE alto [<!NOTATION png SYSTEM "image/png"><!ENTITY pic SYSTEM "p.png" NDATA png>]><alto/>"""
OUTSIDE_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://example.com/evil.dtd">
<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span class='ocr_line'>&secret;</span></div></body></html>"""


@pytest.mark.parametrize(
    "data, reason",
    [
        (BILLION_LAUGHS, "declares XML entities (line 3), refused for safety"),
        (QUADRATIC_BLOWUP, "declares XML entities (line 2), refused for safety"),
        (EXTERNAL_ENTITY, "declares XML entities (line 2), refused for safety"),
        (PARAMETER_ENTITY, "declares XML entities (line 2), refused for safety"),
        (UNPARSED_ENTITY, "declares XML entities (line 1), refused for safety"),
        (OUTSIDE_ENTITY, "refers to entity &secret; defined outside the file (line 3), not read for safety"),
    ],
    ids=["billion-laughs", "quadratic-blowup", "external-entity", "parameter-entity", "unparsed-entity",
         "entity-from-an-external-dtd"],
)
@pytest.mark.parametrize("reader", [read_hocr, read_alto])
def test_entities_are_refused(data: bytes, reason: str, reader: object) -> None:
    with pytest.raises(BadInput) as err:  # refused at the declaration, before anything is expanded
        reader(data, name="evil.xml")  # type: ignore[operator]
    assert one_line_error(err) == f"evil.xml: {reason}"


def test_a_dtd_subset_without_entities_is_read() -> None:
    data = b"<!DOCTYPE alto [<!ELEMENT alto ANY>]>" + ALTO_V2.read_bytes().split(b"?>", 1)[1]
    assert [line.text for line in read_alto(data, name="p.xml")[0].lines] == ALTO_V2_TEXTS


# -- encodings -------------------------------------------------------------------------------------

ALTO_BODY = ("<alto><Layout><Page><PrintSpace><TextBlock><TextLine HPOS='0' VPOS='0' WIDTH='9' HEIGHT='9'>"
             "<String CONTENT='民生周刊'/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>")


@pytest.mark.parametrize(
    "declaration, encoding",
    [
        ('<?xml version="1.0" encoding="GB18030"?>', "gb18030"),  # multi-byte: expat cannot, we decode
        ('<?xml version="1.0" encoding="gbk"?>', "gbk"),
        ("<?xml version='1.0' encoding='Big5'?>", "big5"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8-sig"),  # with a byte order mark
        ('<?xml version="1.0" encoding="GBK"?>', "utf-8-sig"),  # near miss: the byte order mark wins
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16"),
        ("", "utf-16"),
    ],
)
def test_declared_encodings(declaration: str, encoding: str) -> None:
    (page,) = read_alto((declaration + ALTO_BODY).encode(encoding), name="p.xml")
    assert page.lines[0].text == "民生周刊"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b'<?xml version="1.0" encoding="TF-8"?><alto/>', "declares the unknown encoding 'TF-8' in its XML declaration"),
        (b'<?xml version="1.0" encoding="rot13"?><alto/>', "declares the unknown encoding 'rot13'"),
        (b'<?xml version="1.0" encoding="gbk"?><alto>\xff</alto>', "not valid gbk (the encoding it declares) at byte 42"),
    ],
)
def test_bad_declared_encodings(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as err:
        read_alto(data, name="p.xml")
    assert one_line_error(err).startswith(f"p.xml: {reason}")


# -- bad input: one line each ----------------------------------------------------------------------


def test_truncated_hocr() -> None:
    data = HOCR_CUT.read_bytes()
    with pytest.raises(BadInput) as err:
        read_hocr(data[: len(data) // 2], name="p.hocr")
    assert re.fullmatch(
        r"p\.hocr: not well-formed XML at line \d+: (unclosed token|no element found); is it a complete hOCR file\?",
        one_line_error(err),
    )


def test_mismatched_tag() -> None:
    with pytest.raises(BadInput) as err:
        read_alto(b"<alto>\n<Layout>\n</alto>", name="p.xml")
    assert one_line_error(err) == "p.xml: not well-formed XML at line 3: mismatched tag; is it a complete ALTO file?"


@pytest.mark.parametrize(
    "reader, data, reason",
    [
        (read_hocr, hocr(""), "no text lines (ocr_line) in the hOCR; was it made with tesseract"),
        (read_hocr, b"<html><body><p>text</p></body></html>", "no text lines (ocr_line) in the hOCR"),
        (read_alto, alto(""), "no text lines (TextLine) in the ALTO"),
        (read_hocr, b"", "not well-formed XML at line 1: no element found; is it a complete hOCR file?"),
        (read_hocr, b"\x89PNG\r\n\x1a\n", "not well-formed XML at line 1: not well-formed (invalid token)"),
        (read_hocr, hocr("<span class='ocr_line' title='bbox 1 2 3'><span class='ocrx_word'>字</span></span>"),
         "bad bbox in ocr_line: '1 2 3'"),
        (read_hocr, hocr("<span class='ocr_line' title='bbox 1 2 3 4; x_size big'>字</span>"),
         "bad x_size in ocr_line: 'big'"),
        (read_hocr, hocr("<span class='ocr_line' id='l1'><span class='ocrx_word'>字</span></span>"),
         "ocr_line l1 has no bbox, nor have its words"),
        (read_alto, alto("<TextLine ID='t1' HPOS='x' VPOS='0' WIDTH='1' HEIGHT='1'><String CONTENT='a'/></TextLine>"),
         "bad position of TextLine t1: 'x 0 1 1'"),
        (read_alto, alto("<TextLine ID='t1'><String CONTENT='a'/></TextLine>"),
         "TextLine t1 has no position, nor have its Strings"),
    ],
)
def test_bad_input_is_one_line(reader: object, data: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as err:
        reader(data, name="f")  # type: ignore[operator]
    assert one_line_error(err).startswith(f"f: {reason}")


# -- properties ------------------------------------------------------------------------------------

WORD_TEXT = st.text(alphabet="中文通讯，。“”、ABCabc0123.-,&<>\"' \t", min_size=1, max_size=6)


@given(st.lists(st.lists(st.tuples(WORD_TEXT, st.integers(-50, 200)), min_size=1, max_size=8), min_size=1,
                max_size=6))
def test_every_character_of_the_words_is_in_the_lines_once(lines: list[list[tuple[str, int]]]) -> None:
    """hOCR and ALTO alike: joining adds and drops only spaces."""
    hocr_lines, alto_lines = [], []
    for n, words in enumerate(lines):
        x, spans, strings = 0, [], []
        for text, gap in words:
            width = 10 * len(text)
            spans.append(f"<span class='ocrx_word' title='bbox {x} 0 {x + width} 30'>{escape(text)}</span>")
            strings.append(f"<String HPOS='{x}' VPOS='0' WIDTH='{width}' HEIGHT='30' CONTENT={quoteattr(text)}/><SP/>")
            x += width + gap
        hocr_lines.append(f"<span class='ocr_line' title='bbox 0 {40 * n} {x} {40 * n + 30}'>{''.join(spans)}</span>")
        alto_lines.append(f"<TextLine HPOS='0' VPOS='{40 * n}' WIDTH='{x}' HEIGHT='30'>{''.join(strings)}</TextLine>")
    expected = Counter(c for words in lines for text, _ in words for c in text if not c.isspace())
    assume(expected)  # (a file of blank words has no lines: a BadInput, tested above)
    for pages in (read_hocr(hocr("".join(hocr_lines)), name="p"), read_alto(alto("".join(alto_lines)), name="p")):
        got = Counter(c for page in pages for line in page.lines for c in line.text if c != " ")
        assert got == expected


@given(st.data())
def test_damaged_files_give_pages_or_one_bad_input(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from([HOCR_CUT, ALTO_CUT, ALTO_V2])).read_bytes()
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, min(len(source), start + 40)))
    junk = data.draw(st.binary(max_size=20))
    damaged = source[:start] + junk + source[end:]
    for reader in (read_hocr, read_alto):
        try:
            pages = reader(damaged, name="d")
        except BadInput as err:
            assert "\n" not in str(err)
        else:
            assert all(line.text for page in pages for line in page.lines)
