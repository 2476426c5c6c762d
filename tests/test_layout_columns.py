"""OCR's side-by-side columns (``normalize.layout.columns``): read one after the other."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import kinds, page

from normalize.layout.columns import reading_order
from normalize.layout.lines import read_lines


def test_ocr_side_by_side_columns_are_read_down_by_position() -> None:
    """Tesseract prints columns side by side; a line missing a column's piece shifts nothing."""
    rows = ["第一栏第一行正文内容 | 第二栏第一行正文内容 | 第三栏第一行正文内容",
            "第一栏第二行正文内容 | 第二栏第二行正文内容 | 第三栏第二行正文内容",
            "第一栏第三行正文内容。" + " " * 26 + "第三栏第三行正文内容。"]
    order = [(n, text, col) for n, text, col in reading_order(rows) if col >= 0]
    assert order == [
        (1, "第一栏第一行正文内容", 0),
        (2, "第一栏第二行正文内容", 0),
        (3, "第一栏第三行正文内容。", 0),
        (1, "第二栏第一行正文内容", 1),
        (2, "第二栏第二行正文内容", 1),
        (1, "第三栏第一行正文内容", 2),
        (2, "第三栏第二行正文内容", 2),
        (3, "第三栏第三行正文内容。", 2),
    ]
    # the rules between the columns are kept as noise
    assert [t for _, t, col in reading_order(rows) if col < 0] == ["||", "||"]


def test_ocr_side_by_side_rows_parted_by_blank_lines_are_one_run() -> None:
    """A row of headlines across the columns, OCR's blank lines between its rows: read by column."""
    rows = [
        "第一栏的正文在这里结束。 | 第二栏的正文在这里结束。",
        "",
        "第一篇的标题" + " " * 16 + "第二篇的标题",
        "",
        "第一篇的正文开头写在这里 | 第二篇的正文开头写在这里",
    ]
    order = [(n, text) for n, text, col in reading_order(rows) if col >= 0]
    assert order == [
        (1, "第一栏的正文在这里结束。"),
        (2, ""),
        (3, "第一篇的标题"),
        (4, ""),
        (5, "第一篇的正文开头写在这里"),
        (1, "第二栏的正文在这里结束。"),
        (2, ""),
        (3, "第二篇的标题"),
        (4, ""),
        (5, "第二篇的正文开头写在这里"),
    ]
    # inside a run, a row of short pieces (OCR's broken headline glyphs) is a row too
    short = [*rows[:2], "甲" + " " * 25 + "乙", "", rows[4]]
    assert [t for _, t, col in reading_order(short) if col == 1] == [
        "第二栏的正文在这里结束。",
        "",
        "乙",
        "",
        "第二篇的正文开头写在这里",
    ]
    # near-miss: a lone line of prose after a blank line ends the run
    assert [n for n, _, col in reading_order([*rows[:2], "普通的一行正文，没有分栏。"]) if col == 0][-1] == 3


def test_pieces_of_one_line_in_one_column_keep_their_order() -> None:
    """Starts a few cells apart chain into one column; the pieces still read left to right."""
    rows = [
        "用”为核心理念，共汇集精选非遗文   首秀”，更是一场“立体讲述”，增",
        "纪    了    HL",
        "强了非遗的传播力和影响力之后   这是第二栏的下一行文字内容",
    ]
    assert [t for _, t, col in reading_order(rows) if col == 0] == [
        "用”为核心理念，共汇集精选非遗文",
        "纪",
        "了",
        "HL",
        "强了非遗的传播力和影响力之后",
    ]


def test_ocr_column_tops_printed_one_by_one_head_their_columns() -> None:
    """Tesseract read the top row apart: k lines, each after a blank line, over k columns side by side."""
    rows = [
        "这场展览以保护传承活化利",
        "",
        "走向市民生活这不仅是一次",
        "",
        "用为核心理念共汇集精选非遗文 | 首秀更是一场立体讲述增强非遗",
        "献62册非遗作品117件涵盖宝 | 在现代社会的生命力为强化非遗",
    ]
    order = [(n, t, col) for n, t, col in reading_order(rows) if col >= 0]
    assert order == [
        (1, "这场展览以保护传承活化利", 0),
        (5, "用为核心理念共汇集精选非遗文", 0),
        (6, "献62册非遗作品117件涵盖宝", 0),
        (3, "走向市民生活这不仅是一次", 1),
        (5, "首秀更是一场立体讲述增强非遗", 1),
        (6, "在现代社会的生命力为强化非遗", 1),
    ]
    # near-miss: a line that ends its sentence is no column top
    rows[0] = "这场展览以保护传承活化。"
    assert [n for n, _, col in reading_order(rows) if col >= 0][:2] == [1, 2]


def test_a_row_whose_pieces_start_where_no_column_does_ends_the_run() -> None:
    """Under the columns, a row of headlines set elsewhere is another layout, read on its own."""
    rows = [
        "第一栏的正文第一行内容 | 第二栏的正文第一行内容",
        "第一栏的正文第二行内容 | 第二栏的正文第二行内容",
        "西乡北帝三月三精彩" + " " * 14 + "在希望的田野上" + " " * 4 + "全国秋粮收获过半",
    ]
    order = [(n, col) for n, _, col in reading_order(rows) if col >= 0]
    assert order == [(1, 0), (2, 0), (1, 1), (2, 1), (3, 0)]  # the row after both columns, not inside them
    # near-miss: rows of scattered headline pieces set no grid, so a third row does not end them
    scattered = ["西乡北帝三月三精彩不断" + " " * 6 + "动态" + " " * 12 + "在希望的田野上",
                 "了" + " " * 5 + "纪" + " " * 30 + "HL",
                 "西乡历史文化展游人如织 | 西部陆海新通道铁海联运 | 全国秋粮收获过半"]
    assert {n for n, _, col in reading_order(scattered) if col > 0} == {1, 2, 3}


def test_blocks_come_out_in_reading_order_when_columns_are_read_one_after_the_other() -> None:
    """Each column's credit follows its own text, not the other column's (sorting by line number did)."""
    rows = [
        "正文第一行写在这里的内容 | 另一篇的正文第一行内容",
        "正文第二行写到这里结束。 | 另一篇正文第二行结束了。",
        "（据新华社）" + " " * 12 + " | （据央视网）",
    ]  # OCR pads a short piece to its column
    texts = [t for k, t in kinds(page(*rows)) if k != "noise"]
    assert texts[:2] == [
        "正文第一行写在这里的内容正文第二行写到这里结束。",
        "（据新华社）",
    ]
    assert "".join(texts[2:]) == "另一篇的正文第一行内容另一篇正文第二行结束了。（据央视网）"


def test_column_tops_near_misses() -> None:
    """A page break between the lines, or lines much narrower than the columns (a headline, a
    byline), are no column tops: the run below is read alone and they keep their place."""
    row = "第一栏正文继续写下去的内容，还有很多   第二栏正文继续写下去的内容，还有很多"
    paged = ["这是第一栏顶部的一行文字", "\f", "这是第二栏顶部的一行文字", "", row, row]
    lines = read_lines(page(*paged), False)
    assert [ln.page for ln in lines if ln.text.startswith("这是")] == [1, 2]
    titled = [
        "社会工作助力民政事业",
        "",
        "本报记者 张三",
        "",
        "　　今年以来，我市持续推进社会工作体系    社会工作站已覆盖全部乡镇街道，服务群众",
        "建设，取得了一系列阶段性的显著成果。      超过十万人次，得到了广泛的认可和好评。",
    ]
    assert [t for _, t, _ in reading_order(titled)][:2] == [
        "社会工作助力民政事业",
        "",
    ]
    assert not any("张三" in t and "成果" in t for _, t in kinds(page(*titled)))


def test_a_credit_split_off_a_paragraph_read_across_columns_comes_after_it() -> None:
    rows = [
        "第一栏正文第一行的内容写在这里   第二栏正文第一行的内容写在这里",
        "第一栏正文第二行的内容写在这里   第二栏正文第二行的内容写在这里",
        "**                               ##",
        "第一栏正文第四行的内容写在这里   第二栏第四行结束了。（据新华社）",
    ]
    assert [k for k, _ in kinds(page(*rows))][-1] == "credit"


SCRAMBLED = [
    "内心强大则世界辽阔", "",
    "小，直至忽略不计。年轻人道谢而去。", "",  # the first column's foot
    "有的人遇到一点小挫折就寻死觅活，", "难成大器。他在十几年的生涯中，屡遇失", "",  # the second column's top
    "文/姜钦峰", "",
    "有个年轻人去庙里问高僧，高僧说：", "现实世界对我们的影响就会越来越", "",  # the first column
    "败无数，好几次差点全军覆没。",  # the second column's rest
]


def test_pieces_read_before_their_storys_byline_go_where_a_cut_word_heals() -> None:
    """Tesseract read a story's first column foot and second column top between its title and its byline
    (the real magazine page): they go after the first piece under the byline that stops mid-sentence, where
    ``屡遇失`` / ``败`` is one word again."""
    assert kinds(page(*SCRAMBLED)) == [
        ("heading", "内心强大则世界辽阔"),
        ("paragraph", "文/姜钦峰"),
        ("paragraph", "有个年轻人去庙里问高僧，高僧说：现实世界对我们的影响就会越来越小，直至忽略不计。年轻人道谢而去。"),
        ("paragraph", "有的人遇到一点小挫折就寻死觅活，难成大器。他在十几年的生涯中，屡遇失败无数，好几次差点全军覆没。"),
    ]


@pytest.mark.parametrize("headline", [["内心强大", "则世界辽阔"], ["读书、写作与生活"]])
def test_the_walk_up_from_the_byline_ends_at_the_headline(headline: list[str]) -> None:
    """A headline of two lines, or one with a 、 listing two words, is no piece of the story: it stays on top."""
    got = kinds(page(*headline, *SCRAMBLED[1:]))
    assert "".join(t for kind, t in got if kind == "heading") == "".join(headline)
    texts = [t for _, t in got]
    assert not any(piece in t for t in texts if t not in headline for piece in headline)
    assert texts.index("文/姜钦峰") < next(k for k, t in enumerate(texts) if t.startswith("有的人"))


def test_a_byline_under_text_moves_nothing_without_the_evidence() -> None:
    """Near misses: the text above the byline ends its sentence (a story's end over the next story's byline), or
    putting it back heals no word; the lines keep their order."""
    ended = list(SCRAMBLED)
    ended[5] = "难成大器。他在十几年的生涯中，屡遇失败。"
    unhealed = list(SCRAMBLED)
    unhealed[12] = "好几次差点全军覆没。"
    for rows in (ended, unhealed):
        texts = [t for _, t in kinds(page(*rows))]
        assert texts.index("文/姜钦峰") > next(k for k, t in enumerate(texts) if t.startswith("小，直至")), rows


def test_the_real_magazine_pages_tesseract_text_reads_its_second_story_from_the_byline() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared"
    text = shared / "real" / "ocr" / "mag12img.txt"
    if not text.exists():
        pytest.skip("../shared is not beside this checkout")
    texts = [t for kind, t in kinds(text.read_text(encoding="utf-8")) if kind == "paragraph"]
    byline = next(k for k, t in enumerate(texts) if t.endswith("文/姜钦峰"))
    assert texts[byline + 1].startswith("有个年轻人") and "越来越小,直至忽略不计" in texts[byline + 1]
    assert "唱遇失败无数" in "".join(texts[byline + 2:])  # (OCR's 唱 for 屡)
