"""Questions about words that the layout stage and the splitter both ask jieba.

Running text breaks anywhere, inside a word about half of the time; a headline ends where its
last word does. jieba's dictionary loads once per process, on the first question.
"""

from __future__ import annotations

import functools
import sys

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


def one_word(text: str) -> bool:
    """
    The text is one word of jieba's dictionary.

        >>> one_word("新闻联播"), one_word("新闻联播轧"), one_word("联")
        (True, False, True)
    """
    return bool(text) and _last_word(text) == text


SENTENCE_OPENERS = ("r", "d", "c", "p", "v", "t", "m")
"""jieba's flags of the words a sentence opens on and a name's part does not: pronouns, adverbs, conjunctions,
prepositions, verbs, times and numbers."""


def opens_sentence(text: str) -> bool:
    """
    The text's first word is one a sentence opens on and a name's second part does not (``SENTENCE_OPENERS``).

        >>> [opens_sentence(t) for t in ("我们走了", "昨日中午", "据了解", "穆伊兹", "艾哈迈德", "萨巴赫")]
        [True, True, True, False, False, False]
    """
    return _first_flag(text).startswith(SENTENCE_OPENERS)


def _first_flag(text: str) -> str:
    """jieba's part-of-speech flag of the text's first word ("" for no word)."""
    tagged = _tagged(text[:NAME_CHARS])
    return tagged[0][1] if tagged else ""


def opens_predicate(text: str) -> bool:
    """
    The text's first word starts a predicate, as jieba's dictionary tags it: a verb (not one used as a noun,
    ``vn``), a preposition or an adverb: what goes on from a subject on the line above.

        >>> [opens_predicate(t) for t in ("开展免费义诊进社区", "为居民免费义诊送健康", "共同开展活动")]
        [True, True, True]
        >>> opens_predicate("全国秋粮收获过半"), opens_predicate("服务群众200余人次")
        (False, False)
    """
    flag = _first_flag(text)
    return flag.startswith(("v", "p", "d")) and flag != "vn"


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
_TAGS: dict[str, str] = {}  # the flag of each dictionary word that is no noun (most words are nouns)


@functools.lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The text's words (jieba's, without its HMM) with the part-of-speech flags of its dictionary, as
    ``jieba.posseg`` gives them without its HMM, but for nouns, all ``n``; ASCII runs are ``eng`` or ``x``, other
    words not in the dictionary ``x``. (``jieba.posseg`` itself would hold some 100 MB more in every process.)"""
    tokenizer = default_tokenizer()
    if not _TAGS:
        _load_tags()
    out = []
    for word in tokenizer.lcut(text, HMM=False):
        if word.isascii():
            flag = "eng" if word.isalnum() else "x"
        else:
            flag = _TAGS.get(word) or ("n" if tokenizer.FREQ.get(word, 0) > 0 else "x")
        out.append((word, flag))
    return tuple(out)


def _load_tags() -> None:
    import jieba

    with jieba.get_dict_file() as fh:  # "word count flag" a line
        for raw in fh:
            word, _, flag = raw.decode("utf-8").rstrip().rpartition(" ")
            if flag and not flag.startswith("n"):
                _TAGS[word.rpartition(" ")[0]] = sys.intern(flag)


def _flags(text: str) -> tuple[str, ...]:
    return tuple(flag for _, flag in _tagged(text))


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

_NOT_IN_NAMES = ("v", "p", "c", "u", "d", "r")  # verbs, prepositions, conjunctions, particles, adverbs, pronouns
OFFICE_ENDS = ("局", "厅", "委", "院", "所", "站", "中心", "处", "室", "部", "社", "团", "队", "办", "司", "馆", "组",
               "科", "署", "联合会", "总会", "委员会", "委会", "协会", "工会", "学会", "商会", "基金会")
"""The words an office's name ends on: a bureau, a committee, an association, a centre, a station (not a bare 会:
``亚运会``, ``发布会`` are events)."""
OFFICE_END_CHARS = frozenset(end[-1] for end in OFFICE_ENDS)


def names_an_office(text: str) -> bool:
    """
    A name of an office: a noun phrase, as jieba tags its words, that ends
    on an institution's word (``OFFICE_ENDS``), with no verb, preposition, conjunction, particle, adverb or
    pronoun before it. A title says what happened and has its verb.

        >>> names_an_office("县残疾人联合会"), names_an_office("东城区民政局"), names_an_office("街道社工站")
        (True, True, True)
        >>> names_an_office("市残联召开座谈会"), names_an_office("基层动态"), names_an_office("总会")
        (False, False, False)
        >>> names_an_office("本次会议由大鹏办"), names_an_office("重庆和四川代表团")  # (running text)
        (False, False)
        >>> names_an_office("社会工作论坛举办")  # (a title, its verb last)
        False
    """
    if not text.endswith(OFFICE_ENDS):
        return False
    tagged = _tagged(text)
    (last, flag) = tagged[-1]
    if flag.startswith("v") and len(last) > 1:
        return False  # (``…论坛举办``: a title's verb; a single ``站`` is tagged a verb too)
    return len(tagged) > 1 and not any(flag.startswith(_NOT_IN_NAMES) for _, flag in tagged[:-1])
