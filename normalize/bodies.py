"""A document's blocks cut into bodies (running text between two article boundaries) and the
headline groups printed before them: what ``split`` then matches.

A credit ends a body, a headline, a section label or a dateline starts the next; furniture and
noise go to ``removed``; a jump line leaves a body and the line "（上接…）" goes back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chardata import CONTINUED_RE, HAN
from .layout.roles import SAME_HEAD
from .layout.text import TAG_MISREAD_CLOSERS, TAG_RE, misread_closer, opens_subtitle
from .records import REMOVED_KINDS

_SPACE_IN_TITLE_RE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")
_OPENERS, _CLOSERS = "（(〈[【", "）)〉]】"
_NAMES_RE = re.compile(f"(?!据)[{HAN}]{{2,3}}(?:[ \u3000、]+[{HAN}]{{2,3}})*")  # "陈玲玲 林娟": people (not "据新华社")
_NAME_SEP_RE = re.compile(r"[ \u3000、]+")
_DATELINE_BRACKET_RE = re.compile(r"[（(]([^（()）]{2,30})[）)]")  # "（记者 邱宇）" after "本报讯"
DATELINE_REACH = 12  # characters into a dateline paragraph within which its bracket opens


@dataclass
class Headline:
    """One headline: its heading blocks (kicker, title lines, subtitle)."""

    blocks: list[dict]

    @property
    def line(self) -> int:
        return int(self.blocks[0]["lines"][0])

    @property
    def text(self) -> str:
        return "".join(b["text"] for b in self.blocks)

    def parts(self) -> tuple[str | None, str, str | None]:
        """(kicker, title, subtitle) of this headline (``read``)."""
        return self.read()[0]

    def read(self) -> tuple[tuple[str | None, str, str | None], str]:
        """(kicker, title, subtitle) of this headline, as the layout stage gave its blocks roles (``_printed``): a
        column tag's words are the kicker (``_kicker``); and the glyph OCR read for the tag's closing bracket (``1``
        of ``【工作动态1``), which the kicker leaves out, "" if none."""
        kicker, title, subtitle = self._printed()
        glyph = kicker[-1] if kicker and _misread_closer(kicker) else ""
        return (_kicker(kicker), title, _subtitle(subtitle)), glyph

    def _printed(self) -> tuple[str | None, str, str | None]:
        """(kicker, title, subtitle) as printed, brackets and all.

        A headline joined here from pieces that OCR set apart takes the pieces' roles, except
        that single lines parted by blank lines above a title of two or more lines set together
        are the kicker OCR broke into pieces.
        """
        blocks = list(self.blocks)
        pieces = [piece for b in blocks for piece in (b.get("pieces") or [piece_lines(b)])]
        tag = len(pieces) > 1 and bool(TAG_RE.match("".join(pieces[0])))
        if any(b.get("continued") for b in blocks) and (tag or _broken_kicker(pieces)):
            # a column tag set apart, or a kicker OCR broke into pieces, over the title (and its subtitle after a
            # dash, set apart too: ``-一来自基层的报道``)
            cut = 1 if tag else len(pieces) - 1
            kicker = "".join(p for piece in pieces[:cut] for p in piece)
            rest = pieces[cut:]
            subtitle = "".join(rest.pop()) if len(rest) > 1 and opens_subtitle("".join(rest[-1])) else None
            return _clean_title(kicker), _clean_title("".join(p for piece in rest for p in piece)) or "", _clean_title(
                subtitle)
        text = {role: "".join(b["text"] for b in blocks if _role(b) == role) or None
                for role in ("kicker", "title", "subtitle")}
        return _clean_title(text["kicker"]), _clean_title(text["title"]) or "", _clean_title(text["subtitle"])


def _kicker(text: str | None) -> str | None:
    """
    A kicker as printed, but a column tag loses its lenticular brackets, as a credit its
    parentheses: the tag's words are the kicker. What OCR read for its closing bracket
    (``1``, ``l``, ``|``) is left out too, and goes to ``removed`` (``Headline.read``).

        >>> _kicker("【生活智慧】"), _kicker("在希望的田野上"), _kicker(None), _kicker("【工作动态1")
        ('生活智慧', '在希望的田野上', None, '工作动态')
        >>> _kicker("【社工天地]】"), _kicker("第1"), _kicker("【聚焦2021")  # (a digit after a digit is the number's)
        ('社工天地', '第1', '聚焦2021')
        >>> _kicker("[社工天地]"), _kicker("[注]"), _kicker("[2024]")  # (OCR's [ and ] around words of Han alone)
        ('社工天地', '[注]', '[2024]')
    """
    if not text or not TAG_RE.match(text):
        return text
    return (text[1:-1] if _misread_closer(text) else text[1:]).rstrip("】]")


def _misread_closer(tag: str) -> bool:
    """The tag ends on OCR's glyph for its 】: a ``1``, ``l`` or ``|`` after none of its kind (a Han character)."""
    return (bool(TAG_RE.match(tag)) and tag[-1] in TAG_MISREAD_CLOSERS
            and not (tag[-2].isascii() and tag[-2].isalnum()))


def _subtitle(text: str | None) -> str | None:
    """A subtitle with its opening dash set as GB/T 15834 sets it: OCR's ``-一`` and ``一-`` and a typed ``--`` are
    ``——``. OCR's ``一一`` stays: it is also a word (``一一得到解决``), or ``——一`` read short (``——一线观察之二``).

        >>> _subtitle("-一来自基层的报道"), _subtitle("--来自基层的报道"), _subtitle("一一线观察之二"), _subtitle(None)
        ('——来自基层的报道', '——来自基层的报道', '一一线观察之二', None)
        >>> _subtitle("一-一线观察之二")
        '——一线观察之二'
    """
    if text and text.startswith(("-一", "--", "一-")):
        return "——" + text[2:]
    return text


def _role(block: dict) -> str:
    """A heading block's headline role: kicker, subtitle, or title (also a repeated title's)."""
    role = block.get("role")
    return role if role in ("kicker", "subtitle") else "title"


def _clean_title(text: str | None) -> str | None:
    """Headline parts joined without the visual gaps between words (Latin words keep theirs)."""
    if text is None:
        return None
    return _SPACE_IN_TITLE_RE.sub("", text.replace("\n", "")).strip() or None


@dataclass
class Body:
    """Running text between two article boundaries."""

    paragraphs: list[dict] = field(default_factory=list)
    credit: dict | None = None
    bylines: list[dict] = field(default_factory=list)  # "本报记者 张三" blocks
    headline: Headline | None = None
    continues: bool = False  # continued from another page ("上接第N版")
    brief: bool = False  # under a section label ("简讯"): an item of its own, no lead printed apart

    @property
    def line(self) -> int:
        if self.paragraphs:
            return int(self.paragraphs[0]["lines"][0])
        return int(self.credit["lines"][0]) if self.credit else 0

    @property
    def text(self) -> str:
        return "".join(p["text"] for p in self.paragraphs)


def credit_text(text: str) -> str:
    """
    A credit as printed without its outer brackets, also OCR's 《 for the opening one where no 》 closes it.

        >>> credit_text("（据新疆民政）"), credit_text("(来源：央视网)"), credit_text("《东城区民政局供稿")
        ('据新疆民政', '来源：央视网', '东城区民政局供稿')
        >>> credit_text("（据央视《新闻联播》）"), credit_text("（〈陈维连）")
        ('据央视《新闻联播》', '陈维连')
        >>> credit_text("（来源：中国政府网(www.gov.cn)）")
        '来源：中国政府网(www.gov.cn)'
    """
    text = text.strip().lstrip(_OPENERS + " ").rstrip()  # (OCR may read one bracket as two: （〈陈维连）)
    while text and text[-1] in _CLOSERS and _count(text, _CLOSERS) > _count(text, _OPENERS):
        text = text[:-1].rstrip()  # the closing ones of the outer brackets, not those of a bracket inside
    return text[1:].strip() if text.startswith("《") and "》" not in text else text


def closed_book_title(credit: str, printed: frozenset[str]) -> tuple[str, str]:
    """
    A credit whose book title OCR left open at its end, its last glyph OCR's reading of the closing marks
    ``》）`` squashed into one character (``据央视《新闻联播轧``; the evidence: ``layout.text.misread_closer``,
    ``printed`` the book titles the document prints closed): the credit with its title closed, and the glyph,
    which goes to ``removed``; or OCR dropped the marks, and the title left open is one the document prints
    closed (``据央视《新闻联播``): the credit with its title closed, and "". Anything else comes back as it is.

        >>> closed_book_title("据央视《新闻联播轧", frozenset()), closed_book_title("据央视《新闻联播》", frozenset())
        (('据央视《新闻联播》', '轧'), ('据央视《新闻联播》', ''))
        >>> printed = frozenset({"新闻联播"})
        >>> closed_book_title("据央视《新闻联播", printed), closed_book_title("据央视《新闻联", printed)
        (('据央视《新闻联播》', ''), ('据央视《新闻联', ''))
        >>> closed_book_title("据《人民政协报", frozenset()), closed_book_title("据《老年报", frozenset({"老年"}))
        (('据《人民政协报', ''), ('据《老年报', ''))
    """
    head, mark, title = credit.rpartition("《")
    if mark and "》" not in title and title in printed:
        return f"{head}《{title}》", ""
    if mark and "》" not in title and misread_closer(title, printed):
        return f"{head}《{title[:-1]}》", title[-1]
    return credit, ""


def _count(text: str, chars: str) -> int:
    return sum(1 for c in text if c in chars)


def segment_blocks(blocks: list[dict], removed: list[dict]) -> tuple[list[Body], list[list[Headline]]]:
    """Cut blocks into bodies; headline groups directly before a body become its candidates."""
    cut = _Cutter(removed)
    for b in blocks:
        if b["kind"] in REMOVED_KINDS:
            cut.furniture(b)
        elif cut.rejoins(b):
            continue
        elif b["kind"] == "heading":
            cut.heading(b)
        else:
            cut.body_block(b)
    if cut.pending:
        cut.groups.append(cut.pending)
        cut.bodies.append(Body())
    return cut.bodies, cut.groups


class _Cutter:
    """The state of ``segment_blocks`` as it walks a document's blocks."""

    def __init__(self, removed: list[dict]) -> None:
        self.removed = removed
        self.bodies: list[Body] = []
        self.groups: list[list[Headline]] = []  # pending headlines before the next body, per body index
        self.pending: list[Headline] = []
        self.cur: Body | None = None
        self.jump_target: Body | None = None
        self.under_label = False  # since a section label: the untitled items below it are briefs

    def ended(self) -> None:
        """The open body has ended where it has text (a headline, a label or a dateline follows)."""
        if self.cur is not None and (self.cur.paragraphs or self.cur.credit):
            self.cur = None

    def furniture(self, b: dict) -> None:
        """Furniture and noise are removed; a jump line leaves the article or goes back to it."""
        self.removed.append(removed_entry(b, b["kind"]))
        if b["kind"] != "furniture":
            return
        if b.get("role") == "jump_on" and self.cur is not None:
            self.jump_target, self.cur = self.cur, None
        elif b.get("role") == "jump_back" and self.jump_target is not None:
            self.cur, self.jump_target = self.jump_target, None
            self.cur.continues = True
            # the title repeated above "（上接第1版）" heads no body of its own
            titles = "".join(h.text for h in self.groups[self.bodies.index(self.cur)])
            repeated = [h for h in self.pending if _repeats(h, titles)]
            self.removed.extend(removed_entry(x, "furniture") for h in repeated for x in h.blocks)
            self.pending = [h for h in self.pending if h not in repeated]

    def rejoins(self, b: dict) -> bool:
        """"…136家规" (下转) … (上接) "模化肉牛…": the two halves of a paragraph are one."""
        cur = self.cur
        if not (b["kind"] == "paragraph" and cur is not None and cur.continues and cur.paragraphs
                and cur.paragraphs[-1].get("open")):
            return False
        cur.paragraphs[-1] = join_paragraph(cur.paragraphs[-1], b, open_=b.get("open", False))
        return True

    def heading(self, b: dict) -> None:
        if b.get("role") == "label":
            self.removed.append(removed_entry(b, "label"))
            self.ended()  # a section label ("简讯") starts a section: the article above has ended
            self.under_label = True
            return
        self.ended()
        self.under_label = False
        number = b.get("headline")
        if self.pending and number is not None and number == self.pending[-1].blocks[-1].get("headline"):
            self.pending[-1].blocks.append(b)
        else:
            self.pending.append(Headline([b]))

    def body_block(self, b: dict) -> None:
        if self.cur is not None and b.get("role") == "dateline" and self.cur.paragraphs:
            self.cur = None  # "本报讯（记者…）" opens an article: the one above has ended
        if self.cur is None:
            self.cur = Body(brief=self.under_label and not self.pending)
            self.bodies.append(self.cur)
            self.groups.append(self.pending)
            self.pending = []
        if b["kind"] == "credit":
            if signs_a_brief(self.cur, b):  # the story ended a paragraph ago: that paragraph is a brief of its own
                last = self.cur.paragraphs.pop()
                self.cur = Body(paragraphs=[last])
                self.bodies.append(self.cur)
                self.groups.append([])
            self.cur.credit = b
            self.cur = None
        elif b.get("role") == "byline":
            self.cur.bylines.append(b)
        else:
            self.cur.paragraphs.append(b)


def signs_a_brief(body: Body, credit: dict) -> bool:
    """
    A credit naming people under a story whose dateline names others: it signs the last paragraph
    alone, a brief printed under the story (a county page's ``本报讯（记者 邱宇）…`` story, then
    ``近日，县质监局对…等。`` over ``（陈玲玲 林娟）``). Near misses: the dateline's own reporter, an
    office (``（县残疾人联合会）``) or a source (``（据新华社）``), a story of one paragraph.
    """
    if len(body.paragraphs) < 2 or body.paragraphs[0].get("role") != "dateline":
        return False
    names = credit_text(credit["text"])
    bracket = _DATELINE_BRACKET_RE.search(body.paragraphs[0]["text"])
    if not _NAMES_RE.fullmatch(names) or bracket is None or bracket.start() > DATELINE_REACH:
        return False
    return not any(name in bracket.group(1) for name in _NAME_SEP_RE.split(names))


def _repeats(headline: Headline, titles: str) -> bool:
    """A headline dehyphenate marked as a title printed again above "（上接…）" that is (a piece
    of) the continued article's own headline; with no headline known for it, any so marked."""
    if not all(b.get("role") == "repeated" for b in headline.blocks):
        return False
    text = CONTINUED_RE.sub("", re.sub(r"\s", "", headline.text))
    if not titles or not text:
        return True
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(text, titles) >= SAME_HEAD


def join_paragraph(first: dict, rest: dict, *, open_: bool = False) -> dict:
    """The two halves of a paragraph broken off (at a jump, at a headline cluster) as one."""
    return {**first, "text": first["text"] + rest["text"], "lines": [first["lines"][0], rest["lines"][1]],
            "open": open_}


def removed_entry(block: dict, why: str) -> dict:
    return {"kind": why, "text": block["text"], "lines": list(block["lines"]), "page": block.get("page", 1)}


def piece_lines(block: dict) -> list[str]:
    return list(block.get("parts") or [block["text"]])


def _broken_kicker(pieces: list[list[str]]) -> bool:
    """Single lines parted by blank lines above a headline of two or more lines set together.

        >>> _broken_kicker([["共建“一带一路”“权威访"], ["谈"], ["新疆积极打造", "我国向西开放", "的桥头堡"]])
        True
        >>> _broken_kicker([["二十大新闻"], ["中心举行第四场集体采访"]])
        False
    """
    return len(pieces) >= 2 and len(pieces[-1]) >= 2 and all(len(p) == 1 for p in pieces[:-1])
