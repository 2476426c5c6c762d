"""A corpus profile: one paper's conventions as data, so that they need no code.

A profile is a TOML file (read with the standard library) naming the lines of a newsletter
that are page furniture or section labels, and the patterns of its credits and bylines::

    [furniture]                     # running heads, the paper's name, editor lines
    lines = ["综合新闻", "NEW SANMEN"]
    patterns = ["^责任编辑"]
    [labels]                        # section labels over headlines or briefs: left out
    lines = ["简讯", "要闻速览"]
    [credits]                       # a source closing an article
    patterns = ["^（[^（）]{2,12}供稿）$"]
    [bylines]                       # a reporter's line: the article's byline
    patterns = ["^本报记者\\\\s*\\\\S+$"]

Lines are matched whole, spaces ignored and every run of digits taken for any number (a dated
running head matches on every page); patterns are Python regular expressions searched in the
stripped line. ``suggest`` drafts a profile from the lines a folder's pages repeat.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .chardata import DATELINE_RE, WHITE_RE
from .errors import BadInput

SECTIONS = {"furniture": ("lines", "patterns"), "labels": ("lines",), "credits": ("patterns",),
            "bylines": ("patterns",)}
_DIGITS_RE = re.compile(r"[0-9０-９]+")


def line_key(text: str) -> str:
    """
    How a profile's line is compared: spaces out, each run of digits one ``#``.

        >>> line_key("2011.5.24 星期二"), line_key("第 2 版")
        ('#.#.#星期二', '第#版')
    """
    return _DIGITS_RE.sub("#", WHITE_RE.sub("", text))


@dataclass(frozen=True)
class Profile:
    """One corpus's lines and patterns (see the module's docstring)."""

    furniture: frozenset[str] = frozenset()  # line keys
    furniture_patterns: tuple[re.Pattern[str], ...] = ()
    labels: frozenset[str] = frozenset()
    credit_patterns: tuple[re.Pattern[str], ...] = ()
    byline_patterns: tuple[re.Pattern[str], ...] = ()
    source: str = field(default="", compare=False)

    def kind(self, text: str) -> str | None:
        """The kind the profile gives a stripped line: furniture, label, credit, byline, or None.

            >>> p = Profile(furniture=frozenset({"综合新闻"}), labels=frozenset({"简讯"}))
            >>> p.kind("综合 新闻"), p.kind("简讯"), p.kind("正文")
            ('furniture', 'label', None)
        """
        key = line_key(text)
        if key in self.furniture or any(p.search(text) for p in self.furniture_patterns):
            return "furniture"
        if key in self.labels:
            return "label"
        if any(p.search(text) for p in self.credit_patterns):
            return "credit"
        if any(p.search(text) for p in self.byline_patterns):
            return "byline"
        return None


def load_profile(path: str) -> Profile:
    """The profile in the TOML file ``path``; a bad file is one ``BadInput`` naming what to fix."""
    try:
        with open(path, "rb") as fp:
            data = tomllib.load(fp)
    except FileNotFoundError:
        raise BadInput(path, "no such profile file") from None
    except OSError as e:
        raise BadInput(path, f"cannot read the profile: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise BadInput(path, f"not valid TOML ({e}); see the example in zhnorm profile --help") from None
    return profile_from(data, path)


def profile_from(data: dict[str, Any], path: str = "<profile>") -> Profile:
    """A profile from parsed TOML, every key checked.

        >>> profile_from({"labels": {"lines": ["简讯"]}}).labels
        frozenset({'简讯'})
        >>> profile_from({"credits": {"patterns": ["("]}})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        normalize.errors.BadInput: <profile>: credits.patterns: "(" is not a regular expression (missing ), ...)
    """
    for section, value in data.items():
        if section not in SECTIONS or not isinstance(value, dict):
            raise BadInput(path, f"unknown section [{section}]; a profile has {', '.join(SECTIONS)}")
        for key in value:
            if key not in SECTIONS[section]:
                raise BadInput(path, f"{section}.{key}: unknown key; [{section}] has {', '.join(SECTIONS[section])}")

    def strings(section: str, key: str) -> list[str]:
        items = data.get(section, {}).get(key, [])
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise BadInput(path, f"{section}.{key}: a list of strings, please")
        return items

    def patterns(section: str) -> tuple[re.Pattern[str], ...]:
        out = []
        for text in strings(section, "patterns"):
            try:
                out.append(re.compile(text))
            except re.error as e:
                raise BadInput(path, f'{section}.patterns: "{text}" is not a regular expression ({e})') from None
        return tuple(out)

    return Profile(
        furniture=frozenset(map(line_key, strings("furniture", "lines"))),
        furniture_patterns=patterns("furniture"), labels=frozenset(map(line_key, strings("labels", "lines"))),
        credit_patterns=patterns("credits"), byline_patterns=patterns("bylines"), source=path)


ACTIVE: list[Profile] = []
"""The profile the layout stage reads while it lays out a document (see ``applied``)."""


@contextmanager
def applied(profile: Profile | None) -> Iterator[None]:
    """Make ``profile`` the one the line rules read, for the ``with`` block."""
    if profile is None:
        yield
        return
    ACTIVE.append(profile)
    try:
        yield
    finally:
        ACTIVE.pop()


# -- suggesting a profile ----------------------------------------------------------------------------

SUGGEST_CHARS = 30  # a running head or label is at most this long
EDGE_TOP, EDGE_FOOT = 3, 2  # lines at a page's top and foot where running heads and feet stand
NAME_SHARE = 0.6  # a name drafted as a credit or byline is at most this share of its page's long lines
LABEL_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a section label: a word of two to four Han characters


def suggest(pages: Iterable[list[str]], *, min_pages: int = 2) -> dict[str, list[str]]:
    """
    Lines the pages repeat, as a draft profile, each on at least ``min_pages`` pages: a name standing right
    after a story's last sentence as a credit (an office signing its stories), one standing right under a
    headline-like line as a byline (the office under a title), both inside a page (a name found in both places is
    drafted as neither: its place decides); other lines at a page's top or foot as furniture,
    short ones inside pages as labels. Credits and bylines are drafted as exact patterns.

        >>> pages = [["民生周刊 第1版", "秋粮收获过半", "正文写到这里。", "简讯", "短讯写到这里。", "第1页"],
        ...          ["民生周刊 第2版", "德国机场罢工", "正文写到这里。", "简讯", "另一条短讯。", "第2页"]]
        >>> suggest(pages)
        {'furniture': ['民生周刊 第1版', '第1页'], 'labels': ['简讯'], 'credits': [], 'bylines': []}
        >>> body = ["这是一篇报道的正文，写了好几行字，", "每一行都和栏一样宽，到这里写完了。"]
        >>> story = ["县残联派送助残大礼包", "县民政局办公室", *body]  # (printed in both documents)
        >>> head = ["文明简报", "第1期", "社区开展志愿服务"]
        >>> offices = [[*head, *body, *story, "社区服务中心", "孤儿核查工作圆满完成", *body, "第1页"],
        ...            [*head, *body, "邮政储蓄银行献爱心", "县民政局办公室",
        ...             "另一篇报道也写到这里完了。", "社区服务中心", "科普宣传上街", *body, "第2页"]]
        >>> drafted = suggest(offices)
        >>> drafted["credits"], drafted["bylines"], drafted["furniture"]
        (['^社区服务中心$'], ['^县民政局办公室$'], ['文明简报', '第1期', '第1页'])
    """
    from .layout.text import LABEL_CHARS, NAME_CHARS, ends_sentence, is_heading_candidate, name_like
    from .words import word_runs_on

    edges: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    # a name -> the lines it stands right after (a story's last sentence) or under (a headline-like line), and the
    # pages where it does
    places = {place: (defaultdict(set), defaultdict(set)) for place in ("after", "under")}
    shown: dict[str, str] = {}
    headed: Counter[str] = Counter()  # a line at a page's top -> how often a story's prose starts right under it
    for page_no, lines in enumerate(pages):
        texts = [t.strip() for t in lines if t.strip()]
        widths = sorted(len(line_key(t)) for t in texts)
        short = NAME_SHARE * widths[3 * len(widths) // 4] if widths else 0  # (well short of its running text)
        seen: set[tuple[str, str]] = set()
        for k, text in enumerate(texts):
            if len(text) > SUGGEST_CHARS or _not_furniture(text):
                continue
            key = line_key(text)
            shown.setdefault(key, text)
            place = "edge" if k < EDGE_TOP or k >= len(texts) - EDGE_FOOT else "inside"
            if place == "inside" and ((k and word_runs_on(texts[k - 1], text))
                                      or (k + 1 < len(texts) and word_runs_on(text, texts[k + 1]))):
                continue  # a title's line, a word running on across it (``德国多个机场安保人`` / ``员罢工``)
            if (place == "inside" and LABEL_CHARS < len(key) <= min(NAME_CHARS, short) and name_like(text)
                    and text[0].isalpha() and not any(ch.isdigit() for ch in text)):  # (no running head's 第5版)
                before = texts[k - 1]
                where = "after" if ends_sentence(before) else "under" if is_heading_candidate(before) else None
                if where:
                    places[where][0][key].add(before)
                    places[where][1][key].add(page_no)
                else:
                    seen.add((key, place))
                continue
            if place == "edge" and k < EDGE_TOP and k + 1 < len(texts) and _opens_prose(texts[k + 1]):
                headed[key] += 1  # (a story's prose right under it: a title printed at a page's top)
            if place == "inside" and is_heading_candidate(texts[k - 1]):
                continue  # (under a headline-like line: a title's last line, ``李克强向科威特首相`` / ``致贺电``)
            seen.add((key, place))
        for key, place in seen:
            (edges if place == "edge" else inside)[key] += 1
    # (after or under other lines each time, and on as many pages: an office signing several stories, not one story
    # printed twice)
    after, over = ({k: min(len(before), len(found_pages[k])) for k, before in found_lines.items()}
                   for found_lines, found_pages in (places["after"], places["under"]))
    names = {k for k in shown if after.get(k, 0) + over.get(k, 0) >= min_pages}
    # (furniture stands over other furniture or a title, not right over a story's prose in most places: that is a
    # title or kicker printed at the top of pages, as a story printed in several documents is)
    return {"furniture": [text for k, text in shown.items()
                          if edges[k] >= min_pages and k not in names and 2 * headed[k] <= edges[k]],
            "labels": [text for k, text in shown.items()
                       if inside[k] >= min_pages and edges[k] == 0 and LABEL_RE.fullmatch(k) and k not in names],
            # (a name that stands both after stories and under titles is drafted as neither: its place decides)
            "credits": [f"^{re.escape(text)}$" for k, text in shown.items()
                        if after.get(k, 0) >= min_pages and not over.get(k)],
            "bylines": [f"^{re.escape(text)}$" for k, text in shown.items()
                        if over.get(k, 0) >= min_pages and not after.get(k)]}


def _opens_prose(text: str) -> bool:
    """A line of a story's running text: a clause mark or a sentence's end in it, or no headline's shape (a narrow
    column's first line, ``昨天（10月19日）晚``), and no page furniture.

        >>> _opens_prose("昨天（10月19日）晚"), _opens_prose("二十大新闻中心举行第四场集体采访")
        (True, False)
        >>> _opens_prose("2024年7月29日 星期一 第5版")
        False
    """
    from .layout.text import classify_line, holds_sentence, is_heading_candidate

    if classify_line(text)[0] != "text":
        return False
    return holds_sentence(text) or "，" in text or "、" in text or not is_heading_candidate(text)


def _not_furniture(text: str) -> bool:
    """A line zhnorm knows without a profile, or a story's: prose (a sentence's end, or a comma or full stop
    inside: the same story printed in two documents), a story's dateline (``本报讯（记者谢芳``, one reporter's
    stories cut alike), a credit or jump line, a numbered subhead or a subtitle.

        >>> [_not_furniture(t) for t in ("民生周刊 第1版", "— 1 —", "团的新闻发言人，介绍各自代表团")]
        [False, False, True]
        >>> [_not_furniture(t) for t in ("一、提高思想认识", "——记者走访见闻", "本报讯（记者谢芳")]
        [True, True, True]
    """
    from .layout.text import classify_line, holds_sentence, numbered_subhead, opens_subtitle

    return (holds_sentence(text) or "，" in text or numbered_subhead(text) or bool(DATELINE_RE.match(text))
            or opens_subtitle(text) or classify_line(text)[0] in ("credit", "jump"))


def to_toml(found: dict[str, list[str]], source: str) -> str:
    """A draft profile file from ``suggest``'s findings, with comments for whoever edits it.

        >>> profile_from(tomllib.loads(to_toml({"furniture": ['民生"周刊'], "labels": ["简讯"]}, "scans/"))).labels
        frozenset({'简讯'})
    """
    quote = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (a JSON string is a TOML basic string)
    lines = [f"# zhnorm profile drafted from {source}: lines its pages repeat. Check them, then",
             "# zhnorm run FOLDER --profile THIS.toml -o articles.jsonl", "",
             "[furniture]  # running heads, the paper's name, editor lines (digits match any number)",
             "lines = [" + ", ".join(map(quote, found.get("furniture", []))) + "]",
             "patterns = []", "", "[labels]  # section labels, left out of the articles",
             "lines = [" + ", ".join(map(quote, found.get("labels", []))) + "]", "",
             "[credits]  # names signing stories after their last sentence; e.g. \"^（[^（）]{2,12}供稿）$\"",
             "patterns = [" + ", ".join(map(quote, found.get("credits", []))) + "]", "",
             "[bylines]  # names under titles; e.g. \"^本报记者\\\\s*\\\\S+$\"",
             "patterns = [" + ", ".join(map(quote, found.get("bylines", []))) + "]", ""]
    return "\n".join(lines)


def pages_of(paths: list[str]) -> Iterator[list[str]]:
    """The pages of the documents under ``paths`` (every format zhnorm reads), as lines."""
    from .loader import load_paths

    for doc in load_paths(paths):
        for page in str(doc.get("text", "")).split("\f"):
            yield page.split("\n")


