"""Stage: split Chinese text into words with jieba, for word2vec, fastText, BM25 and counts.

jieba is imported, and its dictionary loaded, only when the first text is segmented (or on
``Segmenter.load()``), once per process and user dictionary; ``import normalize.segment``
costs nothing. jieba's cache file goes to ``$XDG_CACHE_HOME/zhnorm`` (or
``~/.cache/zhnorm``), never the working directory, and its log is kept to warnings.

``segment_records`` adds ``"tokens"`` to each record and ``"segment"`` to its ``steps``:

- an article (a record with a ``paragraphs`` list):
  ``{"title": [...], "paragraphs": [[...], ...]}``, one token list per paragraph, in
  order (a missing or null title gives ``[]``);
- any other record: ``{"text": [...]}``, the tokens of its ``text``.

Tokens are jieba's words with whitespace dropped. In precise mode (the default) the
tokens of a string, joined, give back the string minus its whitespace; search mode adds
the shorter words found inside long ones (``中华``, ``人民`` beside ``中华人民共和国``).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from normalize.errors import BadInput, BadRecord
from normalize.records import Record

Mode = Literal["precise", "search"]
ParagraphSep = Literal["space", "newline"]
MODES: tuple[str, ...] = ("precise", "search")
PARAGRAPH_SEPS: tuple[str, ...] = ("space", "newline")

UserWord = tuple[str, int | None, str | None]
"""One user dictionary entry: word, frequency (None: jieba picks one that keeps the
word whole), part-of-speech tag."""

_FREQ_RE = re.compile(r"[0-9]+")
_TAG_RE = re.compile(r"[a-z]+")  # jieba's own pattern for a tag: lowercase letters
_DICT_FORMAT = 'write each line as: word [frequency] [tag], e.g. "通武廊 10 ns"'
_MAX_USER_TOKENIZERS = 2  # each holds jieba's whole dictionary (about 75 MB)


def cache_dir() -> Path:
    """Where jieba's cache file goes: ``$XDG_CACHE_HOME/zhnorm``, else ``~/.cache/zhnorm``.

    A relative ``XDG_CACHE_HOME`` is ignored, as the XDG spec says.

    >>> cache_dir().name
    'zhnorm'
    """
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "zhnorm"
    try:
        return Path.home() / ".cache" / "zhnorm"
    except RuntimeError:  # no HOME and no passwd entry
        return Path(tempfile.gettempdir()) / "zhnorm"


def _writable_cache_dir() -> str:
    """``cache_dir()`` made if needed; the system temp folder if it cannot be written.

    jieba logs a traceback when it cannot write its cache, so that must not happen.
    """
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return str(folder) if os.access(folder, os.W_OK | os.X_OK) else tempfile.gettempdir()


# ---------------------------------------------------------------------------------------
# Word lists: the user dictionary and the stopwords


def _lines(path: str | os.PathLike[str], what: str) -> Iterator[tuple[int, str]]:
    """(line number, line without its end) of a UTF-8 text file; blank lines skipped.

    A missing file or a line that is not UTF-8 raises a one-line error saying what to do.
    """
    name = os.fspath(path)
    try:
        fp = open(name, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise BadInput(name, f"no such {what} file") from None
    except IsADirectoryError:
        raise BadInput(name, f"a folder, not a {what} file") from None
    except OSError as e:
        raise BadInput(name, f"cannot read the {what}: {e.strerror or e}") from None
    with fp:
        for lineno, raw in enumerate(fp, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise BadRecord(
                    name, lineno, f"not valid utf-8 at byte {e.start} of the line; "
                    f"save the {what} as UTF-8", raw.decode("utf-8", "replace").rstrip("\r\n"),
                ) from None
            if lineno == 1:
                line = line.removeprefix("\ufeff")
            line = line.rstrip("\r\n")
            if line.strip():
                yield lineno, line


def read_user_dict(path: str | os.PathLike[str]) -> list[UserWord]:
    """The entries of a jieba user dictionary: ``word [frequency] [tag]`` a line, UTF-8.

    Fields are separated by spaces or tabs; blank lines are skipped. A malformed line
    raises ``BadRecord`` naming ``path:line``, what is wrong and how to write it.

    >>> [parse_user_word("d.txt", 1, line) for line in ["通武廊", "京津冀 100", "武清 ns", "廊坊 5 ns"]]
    [('通武廊', None, None), ('京津冀', 100, None), ('武清', None, 'ns'), ('廊坊', 5, 'ns')]
    >>> parse_user_word("d.txt", 2, "京津冀 很多")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    normalize.errors.BadRecord: d.txt:2: "很多" is neither a frequency ... e.g. "通武廊 10 ns"
    """
    entries: list[UserWord] = []
    name = os.fspath(path)
    for lineno, line in _lines(name, "dictionary"):
        entries.append(parse_user_word(name, lineno, line))
    return entries


def parse_user_word(path: str, lineno: int, line: str) -> UserWord:
    """One non-blank line of a user dictionary, or ``BadRecord`` saying what to fix."""
    fields = line.split()
    word, rest = fields[0], fields[1:]

    def bad(reason: str) -> BadRecord:
        return BadRecord(path, lineno, f"{reason}; {_DICT_FORMAT}", line)

    if len(rest) > 2:
        raise bad(f"{len(fields)} fields, at most 3 (a word cannot contain spaces)")
    if len(rest) == 2:
        freq, tag = rest
        if not _FREQ_RE.fullmatch(freq):
            raise bad(f'frequency "{freq}" is not a whole number')
        if not _TAG_RE.fullmatch(tag):
            raise bad(f'tag "{tag}" is not lowercase letters (n, ns, nr...)')
        return word, int(freq), tag
    if len(rest) == 1:
        if _FREQ_RE.fullmatch(rest[0]):
            return word, int(rest[0]), None
        if _TAG_RE.fullmatch(rest[0]):
            return word, None, rest[0]
        raise bad(f'"{rest[0]}" is neither a frequency (a whole number) '
                  "nor a tag (lowercase letters)")
    return word, None, None


def read_stopwords(path: str | os.PathLike[str]) -> frozenset[str]:
    """The words of a stopword file: one word a line, UTF-8, blank lines skipped.

    A line with a space inside raises ``BadRecord`` (tokens never contain spaces, so such
    a line could never match).
    """
    words = set()
    name = os.fspath(path)
    for lineno, line in _lines(name, "stopword list"):
        word = line.strip()
        if len(word.split()) > 1:
            raise BadRecord(name, lineno, f'"{word}" has a space inside; put one word a line',
                            line)
        words.add(word)
    return frozenset(words)


# ---------------------------------------------------------------------------------------
# jieba, loaded once per process and user dictionary

_TOKENIZERS: dict[str | None, Any] = {}
"""jieba tokenizers by user dictionary path; None is jieba's default ``jieba.dt``."""


def _jieba() -> Any:
    """The jieba module, imported now, quiet, its cache file in ``cache_dir()``."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if not jieba.dt.initialized and jieba.dt.tmp_dir is None:
        jieba.dt.tmp_dir = _writable_cache_dir()  # cache_file stays None: "jieba.cache"
    return jieba


def default_tokenizer() -> Any:
    """jieba's default tokenizer with its dictionary loaded (once per process), for other stages."""
    return _tokenizer(None)


def _tokenizer(user_dict: str | None) -> Any:
    """The jieba tokenizer for ``user_dict``, built on first use."""
    tokenizer = _TOKENIZERS.get(user_dict)
    if tokenizer is None:
        tokenizer = _TOKENIZERS[user_dict] = _build_tokenizer(user_dict)
    return tokenizer


def _build_tokenizer(user_dict: str | None) -> Any:
    # read the user dictionary first: a bad line is reported before jieba is paid for
    entries = read_user_dict(user_dict) if user_dict is not None else []
    jieba = _jieba()
    if user_dict is None:
        tokenizer = jieba.dt
    else:
        # a tokenizer of its own, so the user's words do not leak into jieba.dt (which
        # normalize.split also uses); it loads the same cached default dictionary
        users = [key for key in _TOKENIZERS if key is not None]
        for key in users[: max(0, len(users) - _MAX_USER_TOKENIZERS + 1)]:
            del _TOKENIZERS[key]
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = jieba.dt.tmp_dir or _writable_cache_dir()
    tokenizer.initialize()
    for word, freq, tag in entries:
        tokenizer.add_word(word, freq, tag)
    return tokenizer


# ---------------------------------------------------------------------------------------
# Segmenting


_PUNCT: dict[str, bool] = {}
_PUNCT_MAX = 100_000


def is_punct(token: str) -> bool:
    """Whether ``token`` is made only of punctuation and symbols (Unicode P* and S*).

    >>> [is_punct(t) for t in ["，", "...", "——", "%", "100%", "C++", "你好", ""]]
    [True, True, True, True, False, False, False, False]
    """
    known = _PUNCT.get(token)
    if known is None:
        known = bool(token) and all(
            unicodedata.category(ch).startswith(("P", "S")) for ch in token)
        if len(_PUNCT) < _PUNCT_MAX:
            _PUNCT[token] = known
    return known


@dataclass(frozen=True)
class Segmenter:
    """How to segment: jieba's mode, HMM, a user dictionary, stopwords, punctuation.

    Cheap to make and to pickle (for worker processes): jieba is loaded on first use,
    once per process and ``user_dict``.

    >>> s = Segmenter(stopwords={"的"}, keep_punct=False)
    >>> s.segment_text("我们的 社会工作，协同发展。")
    ['我们', '社会工作', '协同', '发展']
    >>> Segmenter(mode="search").segment_text("中华人民共和国")
    ['中华', '华人', '人民', '共和', '共和国', '中华人民共和国']
    """

    mode: Mode = "precise"
    hmm: bool = True
    user_dict: str | None = None
    stopwords: frozenset[str] = field(default_factory=frozenset)
    keep_punct: bool = True

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.user_dict is not None and not isinstance(self.user_dict, str):
            object.__setattr__(self, "user_dict", os.fspath(self.user_dict))
        if not isinstance(self.stopwords, frozenset):
            object.__setattr__(self, "stopwords", frozenset(self.stopwords))

    def load(self) -> Segmenter:
        """Load jieba and the user dictionary now (a bad dictionary raises here)."""
        _tokenizer(self.user_dict)
        return self

    def segment_text(self, text: str) -> list[str]:
        """The tokens of ``text``: jieba's words minus whitespace, stopwords and, with
        ``keep_punct=False``, tokens made only of punctuation and symbols."""
        tokenizer = _tokenizer(self.user_dict)
        if self.mode == "precise":
            words = tokenizer.cut(text, cut_all=False, HMM=self.hmm)
        else:
            words = tokenizer.cut_for_search(text, HMM=self.hmm)
        stop = self.stopwords
        if self.keep_punct:
            if not stop:
                return [w for w in words if not w.isspace()]
            return [w for w in words if not w.isspace() and w not in stop]
        return [w for w in words if not w.isspace() and w not in stop and not is_punct(w)]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def segment_records(
    records: Iterable[Record], segmenter: Segmenter | None = None
) -> Iterator[Record]:
    """Stage: add ``"tokens"`` (see the module docstring) and the step ``"segment"``.

    Other keys are kept. Without a ``segmenter``, jieba's defaults (precise mode, HMM,
    punctuation kept), so the function can be a stage on its own.

    >>> [r["tokens"] for r in segment_records([
    ...     {"text": "我爱北京", "title": None, "paragraphs": ["社会工作。", "协同发展"]},
    ...     {"text": "社会工作"}])]
    [{'title': [], 'paragraphs': [['社会工作', '。'], ['协同', '发展']]}, {'text': ['社会工作']}]
    """
    seg = (segmenter or Segmenter()).segment_text
    for record in records:
        paragraphs = record.get("paragraphs")
        if isinstance(paragraphs, list):
            tokens: dict[str, Any] = {
                "title": seg(_text(record.get("title"))),
                "paragraphs": [seg(_text(p)) for p in paragraphs],
            }
        else:
            tokens = {"text": seg(_text(record.get("text")))}
        yield {**record, "tokens": tokens, "steps": [*record.get("steps", []), "segment"]}


def to_text(records: Iterable[Record], paragraph_sep: ParagraphSep = "space") -> Iterator[str]:
    """Lines (without their newline) of the classic training format, from segmented records.

    ``"space"``: one line per record, its tokens (title, then each paragraph) separated by
    single spaces. ``"newline"``: one line per title and paragraph, a blank line between
    records. Empty lines carry nothing and are left out (a record or paragraph without
    tokens gives no line), so a blank line always means "next article".

    >>> recs = [{"tokens": {"title": ["标题"], "paragraphs": [["第一", "段"], [], ["二"]]}},
    ...         {"tokens": {"text": []}}, {"tokens": {"text": ["你好", "！"]}}]
    >>> list(to_text(recs))
    ['标题 第一 段 二', '你好 ！']
    >>> list(to_text(recs, "newline"))
    ['标题', '第一 段', '二', '', '你好 ！']
    """
    if paragraph_sep not in PARAGRAPH_SEPS:
        raise ValueError(f"paragraph_sep must be one of {', '.join(PARAGRAPH_SEPS)}, "
                         f"not {paragraph_sep!r}")
    first = True
    for record in records:
        tokens = record.get("tokens")
        if not isinstance(tokens, dict):
            raise ValueError(f"record {record.get('id')!r} has no tokens: "
                             "run segment_records() first")
        if "paragraphs" in tokens:
            parts = [tokens.get("title") or [], *tokens["paragraphs"]]
        else:
            parts = [tokens.get("text") or []]
        parts = [p for p in parts if p]
        if not parts:
            continue
        if paragraph_sep == "space":
            yield " ".join(token for part in parts for token in part)
            continue
        if not first:
            yield ""
        first = False
        for part in parts:
            yield " ".join(part)
