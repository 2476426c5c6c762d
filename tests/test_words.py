"""Word questions asked of jieba (``normalize.words``): part-of-speech flags without ``jieba.posseg``."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.words import _flags, joins_names, names_an_office

ROOT = Path(__file__).resolve().parents[1]


def test_flags_have_the_first_letters_jieba_posseg_gives() -> None:
    """The flags read from jieba's dictionary file (nouns left out, all ``n``) start with the letter
    ``jieba.posseg`` (without its HMM) gives, on every piece of the seed page a rule looks at: a line's first and
    last six characters."""
    posseg = pytest.importorskip("jieba.posseg")
    from normalize.segment import default_tokenizer

    tagger = posseg.POSTokenizer(default_tokenizer())
    text = (ROOT / "seeds" / "001_998312ac65b7c8b7.txt").read_text(encoding="utf-8")
    pieces = {piece for line in text.splitlines() if len(line.strip()) >= 4
              for piece in (line.strip()[:6], line.strip()[-6:])}
    assert len(pieces) > 100
    for piece in sorted(pieces):
        want = tuple(pair.flag[:1] for pair in tagger.lcut(piece, HMM=False))
        assert tuple(flag[:1] for flag in _flags(piece)) == want, piece


@pytest.mark.parametrize(("name", "office"), [
    ("县残疾人联合会", True), ("东城区民政局", True), ("社区服务中心", True), ("街道社工站", True),
    # near misses: titles with their verb, a kicker, running text
    ("市残联召开座谈会", False), ("社会工作论坛举办", False), ("文明创建进行时", False), ("本次会议由大鹏办", False),
])
def test_an_office_is_a_noun_phrase_ending_on_an_offices_word(name: str, office: bool) -> None:
    assert names_an_office(name) is office


def test_a_dash_between_names_joins_them_and_one_between_clauses_does_not() -> None:
    assert joins_names("中国", "中亚峰会") and joins_names("北京", "上海")
    assert not joins_names("他说", "这是真的")
