"""Questions about words that the layout stage and the splitter both ask jieba.

Running text breaks anywhere, inside a word about half of the time; a headline ends where its
last word does. jieba's dictionary loads once per process, on the first question.
"""

from __future__ import annotations

import functools
from typing import Any

from .chardata import HAN_RE
from .segment import default_tokenizer

NEEDS_OBJECT = frozenset("是和与及或把被从向对在并而但且为较比于")
"""One-character words that need what follows them: a headline never ends on one."""


@functools.lru_cache(maxsize=8192)
def _runs_on(left: str, right: str) -> bool:
    cut = len(left)
    at = 0
    for token in default_tokenizer().lcut(left + right, HMM=False):
        if at < cut < at + len(token):
            return True
        at += len(token)
    return False


def word_runs_on(left: str, right: str) -> bool:
    """A dictionary word (jieba's) runs across the break between two lines of Chinese.

        >>> word_runs_on("山东省6600多万亩秋粮目前已收获过", "半，在玉米种植大县")
        True
        >>> word_runs_on("陕北到安徽特高压直流输电工程开工", "今天（3月15日）")
        False
    """
    if not (left and right and HAN_RE.match(left[-1]) and HAN_RE.match(right[0])):
        return False
    return _runs_on(left[-4:], right[:4])


@functools.lru_cache(maxsize=8192)
def _last_word(text: str) -> str:
    return default_tokenizer().lcut(text, HMM=False)[-1]


def ends_on_particle(text: str) -> bool:
    """
    The text's last word is a one-character word that needs what follows (是, 和, 把…).

        >>> ends_on_particle("“爱心行动”项目不仅是"), ends_on_particle("实事求是"), ends_on_particle("积极应对")
        (True, False, False)
    """
    if text[-1:] not in NEEDS_OBJECT:
        return False
    return _last_word(text[-6:]) in NEEDS_OBJECT


_NOUNISH = ("n", "t", "m", "s", "f")  # jieba's part-of-speech flags of nouns, names, places, times, numbers
_POS: list[Any] = []


@functools.lru_cache(maxsize=4096)
def _flags(text: str) -> tuple[str, ...]:
    if not _POS:
        import jieba.posseg

        _POS.append(jieba.posseg.POSTokenizer(default_tokenizer()))
    return tuple(pair.flag for pair in _POS[0].lcut(text, HMM=False))


def joins_names(left: str, right: str) -> bool:
    """
    The words on both sides of a dash are names, places, nouns or times: the dash connects
    them (一字线, GB/T 15834: 中国—中亚, 北京—上海, 古猿—猿人), it does not part two clauses.

        >>> joins_names("中国", "中亚峰会"), joins_names("古猿", "猿人"), joins_names("他说", "这是真的")
        (True, True, False)
    """
    if not (left and right):
        return False
    before, after = _flags(left[-NAME_CHARS:]), _flags(right[:NAME_CHARS])
    return bool(before and after) and before[-1].startswith(_NOUNISH) and after[0].startswith(_NOUNISH)


NAME_CHARS = 6  # the text looked at on each side of a dash
