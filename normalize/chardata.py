"""Character classes, compiled patterns and translation tables shared by the stages.

Everything here is data: no function does text work beyond a lookup.
"""

from __future__ import annotations

import re

# Han ideographs: CJK Unified (+Ext A, and Ext B to G for rare names) and Compatibility Ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Chinese punctuation as printed in newspapers (full-width forms).
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～"
# Marks that end a sentence, and the closers that may follow them.
SENTENCE_END = "。！？…"
CLOSERS = "”’）》」』】〉)\"'"
OPENERS = "“‘《（〈「『【"  # a line ending in one opens what the next line says
RULE_GLYPHS = frozenset("|｜丨¦")  # what OCR reads a thin vertical rule (between columns) as
# The brackets a credit or an aside is printed in: full-width, ASCII, and OCR's misread "〈".
OPEN_BRACKETS = "（(〈"
# The 间隔号 of an event named by its month and day in quotes (GB/T 15834: “3·15”), as OCR reads it (a 。) or as a
# PDF's text gives it where the font had no glyph for it (a space)
EVENT_STOP_RE = re.compile(r"“(?:1[0-2]|[1-9])[。 ](?:3[01]|[12][0-9]|[1-9])”")
CLOSE_BRACKETS = "）)〉"

HAN_RE = re.compile(f"[{HAN}]")
WHITE_RE = re.compile(r"\s+")  # white space of any kind, to take out where only the characters count
# A credit in brackets at the very end of a text: （据新疆民政）, (来源: 央视网), 〈据央视网).
CREDIT_TAIL_RE = re.compile(
    # (not right after a dateline: 本报讯（记者 陈晓辉） opens an article, it closes none; OCR: 本报讯 〈记者…)
    r"(?<![讯电])(?<![讯电] )[（(〈]\s*"
    r"((?:据|来源\s*[:：]|稿件来源\s*[:：]|本文来源\s*[:：]|新华社|中新社|人民网|央视网消息|转自|摘自|综合|编译|"
    r"供稿|稿源|本报记者|特约记者|记者|通讯员|作者|文\s*[/／:：])"
    r"[^（）()〈〉\n]{0,40}(?:[（(][^（）()\n]{0,12}[）)][^（）()〈〉\n]{0,20})?)\s*[）)〉]\s*$"
    # a bare source name in brackets right after a sentence: …的意见。（中国新闻网）
    r"|(?<=[。！？”])[（(]\s*([^（）()\n]{1,12}(?:新闻|网|报|台|社|电|频道|客户端))\s*[）)]\s*$"
    # the reporters' names or the office closing a story, after its last sentence: …并予以表彰。 （陈佳 林松）,
    # …调查问卷点。（县残疾人联合会）; OCR's 《 or 〈 for the opening bracket (…合法权益。 《市慈善总会)
    rf"|(?<=[。！？”])[ \u3000]*[（(《〈]\s*(?!以下|下同|注)"
    rf"([{HAN}]{{2,12}}|[{HAN}]{{2,4}}(?:[ \u3000]+[{HAN}]{{2,4}}){{1,3}})\s*[）)〉]\s*$"
)
# A credit at a paragraph's end whose book title OCR left open, no mark read after it: …受到影响。(据央 / 视《新闻联播六
# (the title's last glyph may be OCR's reading of the closing 》）, ``words.misread_closer``).
OPEN_CREDIT_TAIL_RE = re.compile(
    r"(?<=[。！？”])[ \u3000]*[（(〈]\s*(?:据|来源\s*[:：])[^（）()〈〉《》\n]{0,12}《([^《》（）()〈〉\n]{3,12})$"
)
# Jump lines that join an article's parts across pages: （下转第4版） （上接第5版） （下转4页）, OCR's 《下转第7版）.
JUMP_CORE = r"(?:下转|上接|转第|接第|续第)\s*第?\s*[0-9一二三四五六七八九十]+\s*[版页]"  # a jump line's words
JUMP_RE = re.compile(rf"^\s*[（(〈《]?\s*{JUMP_CORE}\s*[）)〉》]?\s*$")
# "（续）" (continued) after a title repeated on the page an article goes on to; OCR: 〈续)
CONTINUED_RE = re.compile(r"\s*[（(〈]续[）)〉]$")
# Which way a jump line points: on to a later page, or back to where the article began.
JUMP_ON_RE = re.compile(r"下转|转第")
JUMP_BACK_RE = re.compile(r"上接|接第|续第")
# Page furniture: running heads and feet with a page or edition number, dates, editor lines.
EDITION_RE = re.compile(r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版")
# (OCR reads a 1 as ], l, I, | or a colon: "2025年1]月28日", "2024年5月:日")
DATE_RE = re.compile(r"\d{4}\s*年\s*[\dIl|\]:：]{1,2}\s*月\s*[\dIl|\]:：]{1,2}\s*日")
WEEKDAY_RE = re.compile(r"星期\s?[一二三四五六日天]")  # (OCR: 星期 二)
UPRIGHT_MARKS = "“”‘’「」『』《》〈〉、，·！？"
"""Marks an upright title keeps among its characters, each on an em (or, extracted, a line) of its own:
``我县“假证被拘”第一人现身``."""
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.])(?:19|20)\d\d\s*([.．/-])\s*(?:1[0-2]|0?[1-9])\s*\1\s*(?:3[01]|[12]\d|0?[1-9])(?![\d.])")
"""A date in figures only, as a page's head prints it: ``2011.5.24``, ``2024/07/29``."""
EDITOR_RE = re.compile(
    r"^\s*(?:责任编辑|本版编辑|本版责编|责编|编辑|校对|美编|版式设计|版式|组版|审核|审校|排版)\s*[:：]"
)
# A news dateline opening an article's first paragraph: 本报讯, 本报北京5月3日讯, 新华社北京3月15日电
DATELINE_RE = re.compile(r"^\s*(?:本 ?报 ?讯|本报.{1,12}讯|[^\s，。]{2,6}社.{0,12}电|[^\s，。]{2,6}网讯)")
PAGE_NUMBER_RE = re.compile(r"^\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*$")
# Letters, digits or Han: what makes a line more than a stray glyph.
WORD_CHAR_RE = re.compile(f"[0-9A-Za-z{HAN}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
