"""Whole pages: seed 001 against its gold, properties of any page, the record stage."""

from __future__ import annotations

import itertools
import json
import re

from helpers import GOLD_001, SEED_001, page, pages
from hypothesis import example, given, settings
from hypothesis import strategies as st

from normalize.layout import build_blocks, dehyphenate_records

WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


def letters(text: str) -> str:
    return "".join(WORD.findall(text))


def test_blocks_carry_pages_and_line_spans() -> None:
    text = pages(["第一页的段落写完了。"], ["第二页的段落写完了。"])
    blocks = build_blocks(text)
    assert [(b["page"], b["lines"]) for b in blocks] == [(1, [1, 1]), (2, [2, 2])]


def test_stage_adds_blocks_and_keeps_text_and_unknown_keys() -> None:
    record = {"id": "a.txt", "text": page("标题", "", "正文写完了。"), "steps": ["load"], "extra": 1}
    [out] = dehyphenate_records([record])
    assert out["text"] == record["text"] and out["extra"] == 1
    assert out["steps"] == ["load", "dehyphenate"]
    assert [b["kind"] for b in out["blocks"]] == ["heading", "paragraph"]


def test_seed_001_every_gold_paragraph_is_one_block() -> None:
    gold = [json.loads(line) for line in GOLD_001.read_text(encoding="utf-8").splitlines()]
    blocks = {letters(b["text"]) for b in build_blocks(SEED_001.read_text(encoding="utf-8"))}
    paragraphs = [letters(p) for g in gold for p in g["paragraphs"]]
    assert [p for p in paragraphs if p not in blocks] == []
    for g in gold:
        assert letters(g["credit"]) in blocks


LINE = st.text(alphabet="中文通讯政策发展社会工作，。！？、：；（）“”《》 0123456789abc-", max_size=24)


REPEATED_TITLE = ["各地代表参加了本次活动，大家交流", "\f社会工作论坛举办", "（上接第1版）", "了经验。"]  # no 下转
PAGE = st.lists(st.one_of(LINE, st.just(""), st.just("（据新华社）"), st.just("第2版"), st.just("\f"),
                          st.just("（上接第1版）"), st.just("（下转第2版）")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(PAGE)
@example(REPEATED_TITLE)
def test_no_han_character_lost_or_duplicated(lines: list[str]) -> None:
    text = page(*lines)
    blocks = build_blocks(text)
    han = lambda s: sorted(re.findall(r"[\u4e00-\u9fff]", s))  # noqa: E731
    assert han("".join(b["text"] for b in blocks)) == han(text)


@settings(max_examples=150, deadline=None)
@given(PAGE)
@example(REPEATED_TITLE)
@example(["0000",
          "（据新华社）",
          "”0"])  # a pushed mark after a finished credit
def test_text_block_spans_are_ordered_and_do_not_overlap(lines: list[str]) -> None:
    blocks = [b for b in build_blocks(page(*lines)) if b["kind"] not in ("furniture", "noise")]
    for b in blocks:
        assert 1 <= b["lines"][0] <= b["lines"][1] <= max(len(lines), 1)
    for a, b in itertools.pairwise(blocks):
        assert a["lines"][1] <= b["lines"][0]  # a credit may share the last line of its paragraph


@settings(max_examples=100, deadline=None)
@given(PAGE)
def test_dehyphenating_twice_changes_only_steps(lines: list[str]) -> None:
    [once] = dehyphenate_records([{"id": "x", "text": page(*lines), "steps": []}])
    [twice] = dehyphenate_records([once])
    assert twice["blocks"] == once["blocks"] and twice["text"] == once["text"]
