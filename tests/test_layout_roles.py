"""Roles of blocks (``normalize.layout.roles``): labels, kickers, titles and subtitles, running
heads, jumps, bylines."""

from __future__ import annotations

from helpers import kinds, page


def test_ocr_a_repeated_title_over_blank_lines_above_the_jump_back_line() -> None:
    """OCR: the paper's name with a stray glyph ("公益时报 &") is furniture, and the title repeated
    above "(上接第2 版)" in two lines parted by blank lines is headline, then furniture in split."""
    text = page(
        "公益时报 &",
        "",
        "2025年3月25日 星期二 第3版",
        "",
        "中国社会工作联合会儿童社会救助工作委员会换届大会在",
        "",
        "京举行",
        "",
        "(上接第2 版)",
        "“一老一小”研究院副院长吴玉起签署《战略合作框架协议》，",
        "双方将在实务项目等领域展开合作。",
        "(据中国社会工作联合会)",
    )
    assert [k for k, _ in kinds(text)] == [
        "furniture",
        "furniture",
        "heading",
        "heading",
        "furniture",
        "paragraph",
        "credit",
    ]
    # near miss: a line of prose above the jump line is no title
    prose = text.replace("京举行", "他说这件事还没有结束，大家都很关心。")
    assert [k for k, _ in kinds(prose)][:3] == ["furniture", "furniture", "paragraph"]
