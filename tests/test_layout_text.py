"""What a line's text alone says (``normalize.layout.text``): joins, widths, line kinds, marks
pushed onto a line of their own."""

from __future__ import annotations

import pytest
from helpers import ROW, blocks_at, hit, kinds, miss, page, pages

from normalize.layout import build_blocks, classify_line, join_lines, line_width
from normalize.layout.lines import read_lines
from normalize.layout.page import Page, page_marks
from normalize.profile import applied, profile_from


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("白血", "病困境家庭", "白血病困境家庭"),  # Chinese to Chinese: no space
        ("发展，", "促进", "发展，促进"),
        ("自2023", "年起", "自2023年起"),  # digits split from their unit
        ("累计", "2218个县", "累计2218个县"),
        ("in the", "world", "in the world"),  # Latin to Latin: one space
        ("the inter-", "national day", "the international day"),  # hyphenated word rejoined
        ("COVID-", "19 cases", "COVID-19 cases"),  # near-miss: digit after the break keeps it
        ("2023-", "2027", "2023-2027"),
        ("Sino-", "American", "Sino-American"),  # near-miss: capital after the break keeps it
        ("共12", "345人", "共12345人"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines(left, right) == joined


def test_join_keeps_a_hyphen_the_document_uses() -> None:
    assert join_lines("a well-", "known name", hyphenated=frozenset({"well-known"})) == "a well-known name"


PLAIN = ("", "text")  # what classify_line says of a line no rule has a kind for: plain text

# The kind of a line judged on its text alone (``classify_line``: kind and rule). A hit's line
# also makes a block that names its rule, unless it is blank.
LINE_KIND = [
    hit("profile_line", 1, "furniture", ["新三门  综合新闻", "县残联派送助残“大礼包”"]),  # (spaces aside)
    hit("profile_line", 2, "label", ["共建单位为复评齐献力。", "文明创建", "县残联派送助残“大礼包”"]),
    miss("profile_line", 1, PLAIN, ["新三门综合新闻报道了这件事", "县残联派送助残“大礼包”"]),
    hit("blank_line", 2, "blank", ["上文写完了。", "", "下文写完了。"]),
    miss("blank_line", 2, ("no_letters", "noise"), ["上文写完了。", "”", "下文写完了。"]),
    hit("no_letters", 1, "noise", ["”"]),  # a stray glyph
    hit("no_letters", 1, "text", ["……………"]),  # longer: a decoration
    hit("no_letters", 1, "noise", ["…………"]),  # (four characters: still a stray)
    miss("no_letters", 1, PLAIN, ["好"]),
    # a rule between columns that OCR read as bars, left where the lines it stood in were cut at the gutter
    hit("column_rule", 2, "noise", ["上文写完了。", "| ||| || |", "下文写完了。"]),
    miss("column_rule", 1, PLAIN, ["读非遗| 西乡历史文化展"]),
    hit("decoration", 2, "noise", ["…坟头上……", ',十"十-十"十-十-十"十-十"十-十', "【生活智慧】"]),  # OCR's dotted rule
    miss("decoration", 1, PLAIN, ["十分重要的一件事情是这样"]),  # Han side by side: prose
    hit("byline_line", 2, "byline", ["内心强大则世界辽阔", "◎文／姜钦峰", "有个年轻人去庙里问高僧"]),
    hit("byline_line", 2, "byline", ["内心强大则世界辽阔", "@ 文/姜钦峰", "有个年轻人去庙里问高僧"]),  # OCR's @ for ◎
    hit("byline_line", 2, "byline", ["内心强大则世界辽阔", "◎ 文／", "姜钦峰 有个年轻人去庙里问高僧"]),  # the name below
    miss("byline_line", 2, PLAIN, ["标题", "文化是一种力量", "有个年轻人去庙里问高僧"]),
    hit("label_credit", 2, "credit", ["现场气氛热烈。", "供稿：社区居委会", "街道开展消防演练"]),
    hit("label_credit", 2, "credit", ["现场气氛热烈。", "王璐 报道", "街道开展消防演练"]),
    miss("label_credit", 2, PLAIN, ["现场气氛热烈。", "专题报道", "街道开展消防演练"]),  # a headline
    miss("label_credit", 2, PLAIN, ["现场气氛热烈。", "据报道：今年全市经济增长，", "街道开展消防演练"]),  # prose
    hit("jump_line", 2, "jump", ["后，运往当地136家规", "（下转第4版）"]),
    hit("jump_line", 1, "jump", ["《下转第7版)"]),  # OCR misread the bracket
    miss("jump_line", 1, PLAIN, ["第5版是重点。"]),
    miss("jump_line", 1, ("running_head", "furniture"), ["《新闻联播》第7版"]),  # no jump word
    hit("editor_line", 1, "furniture", ["本版编辑：民生周刊编辑部"]),
    hit("editor_line", 1, "furniture", ["责任编辑：张三"]),
    miss("editor_line", 1, PLAIN, ["本版内容由编辑部整理。"]),
    hit("page_number", 1, "furniture", ["- 5 -"]),
    hit("page_number", 1, "furniture", ["12"]),
    miss("page_number", 1, PLAIN, ["2016年"]),
    hit("credit_line", 1, "credit", ["（据天津市武清区融媒体中心）"]),
    hit("credit_line", 1, "credit", ["(来源: 央视网)"]),
    hit("credit_line", 1, "credit", ["（记者 李四 通讯员 王五）"]),
    miss("credit_line", 1, PLAIN, ["（以下简称“儿助会”）换届大会在京举行。"]),  # brackets inside prose
    hit("bracketed_line", 2, "credit", ["新闻发言人介绍了有关情况。", "（新疆民政厅）"]),
    miss("bracketed_line", 2, PLAIN, ["新闻发言人介绍了有关情况。", "（新疆民政厅，乌鲁木齐）"]),
    hit("running_head", 1, "furniture", ["民生周刊 2024年7月29日星期一 第5版 民生"]),
    hit("running_head", 1, "furniture", ["2025年3月13日 星期四" + " " * 24 + "第1版 国际"]),  # OCR spreads it
    hit("running_head", 1, "furniture", ["2025年1]月28日 星期五"]),  # OCR reads 11 as 1]
    hit("running_head", 1, "furniture", ["2024年5月 :日"]),  # and a 1 as a colon: a bulletin's date alone
    miss("running_head", 1, PLAIN, ["2024年5月：日前，记者从会上获悉"]),  # near miss: prose, its mark after 日前
    hit("running_head", 1, "furniture", ["乡村 振兴 快报 2025 年 5 月 20 日 星期 二 第 2 版 综合 新 闻"]),  # an OCR layer's words
    miss("running_head", 1, PLAIN, ["乡村振兴快报记者2025年5月20日在县里采访了三十多位种粮大户和农机手，大家都说今年的收成比去年好"]),
    miss("running_head", 1, PLAIN, ["2024年7月29日，记者从会上获悉，"]),  # a date inside prose
    miss("running_head", 1, PLAIN, ["第5版的报道引起关注。"]),  # an edition inside prose
]


# a corpus profile, active for the rows below: its running head and label are known by name
PROFILE = profile_from({"furniture": {"lines": ["新三门 综合新闻"]}, "labels": {"lines": ["文明创建"]}})


@pytest.mark.parametrize(ROW, LINE_KIND)
def test_line_kind(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    with applied(PROFILE):
        check_line_kind(rule, lines, at, verdict, is_hit)


def check_line_kind(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    kind, why = classify_line(lines[at - 1].strip())
    if not is_hit:
        assert why != rule
        assert verdict is None or (why, kind) == verdict
        return
    assert (why, kind) == (rule, verdict)
    if kind not in ("blank", "text"):
        assert rule in [b["why"] for b in blocks_at(build_blocks(page(*lines), profile=PROFILE), at)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("（据天津市武清区融媒体中心）", "credit"),
        ("(来源: 央视网)", "credit"),
        ("（本报记者 张三）", "credit"),
        ("（记者 李四 通讯员 王五）", "credit"),
        ("（下转第4版）", "jump"),
        ("（上接第5版）", "jump"),
        ("《下转第7版)", "jump"),  # OCR misreads the bracket
        ("《新闻联播》第7版", "furniture"),  # near-miss: no jump word
        ("民生周刊 2024年7月29日星期一 第5版 民生", "furniture"),
        ("本版编辑：民生周刊编辑部 2024年7月29日 第5版", "furniture"),
        ("责任编辑：张三", "furniture"),
        ("12", "furniture"),
        ("”", "noise"),
        ("", "blank"),
        ("第5版的报道引起关注。", "text"),  # near-miss: an edition inside prose
        ("2024年7月29日，记者从会上获悉，", "text"),  # near-miss: a date inside prose
        ("2025年3月13日 星期四" + " " * 24 + "第1版 国际", "furniture"),  # OCR prints its parts far apart
        ("2025年1]月28日 星期五", "furniture"),  # OCR reads 11 as 1]
        ("（以下简称“儿助会”）换届大会在京举行。", "text"),  # near-miss: brackets inside prose
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line)[0] == kind


def test_width_counts_latin_narrower_than_han() -> None:
    assert line_width("2016年") < line_width("二〇一六年")
    assert line_width("聚 焦") < line_width("聚焦") + 0.5


@pytest.mark.parametrize(
    ("lines", "paragraph"),
    [
        (["大家都在讨论“空中出租车”",
          "。来看看记者的报道。"], "大家都在讨论“空中出租车”。来看看记者的报道。"),
        (["他说这是好事",
          "”。大家都同意了。"], "他说这是好事”。大家都同意了。"),
    ],
)
def test_punctuation_pushed_to_the_next_line_joins_back(lines: list[str], paragraph: str) -> None:
    assert kinds(page(*lines)) == [("paragraph", paragraph)]


def test_a_line_cut_at_a_pushed_mark_counts_as_one_printed_line() -> None:
    """pdftotext cut "…“种养结合”。把玉米秸" in two; the short first piece is no headline's end,
    so the paragraph starting above it (narrow by its digits) is not taken for a headline."""
    text = page(
        "地共投入收割机、烘干机11.16万台套，及",
        "时收获中晚稻。",
        "山东省6600多万亩秋粮目前已收获过",
        "半，在玉米种植大县阳信县，当地借助肉",
        "牛产业优势，推行“种养结合”",
        "。把玉米秸",
        "秆转化成青贮饲料后，运往当地136家规模",
        "化肉牛养殖厂销售，实现养殖户降本和种",
        "粮户增效的双赢。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("山东省6600多万亩秋粮目前已收获过半，") and "“种养结合”。把玉米秸秆" in blocks[1][1]


def test_lines_cut_at_opening_quotes_count_as_the_lines_they_were() -> None:
    """pdftotext cut "记者还了解到，“喜" and "阅西乡·‘悦’读非遗|" at their opening quotes; the short
    pieces are no headline between two paragraphs."""
    text = page(
        "历史以及田园风貌，希",
        "望有更多的人能参与非",
        "遗文化的探讨和传播。",
        "记者还了解到，",
        "“喜",
        "阅西乡·",
        "‘悦’读非遗|",
        "西乡历史文化展”也同",
        "步在分会场宝安图书馆",
        "西乡街道分馆开展。",
    )
    blocks = kinds(text)
    assert {k for k, _ in blocks} == {"paragraph"}
    assert "。记者还了解到，“喜阅西乡·‘悦’读非遗|西乡历史文化展”也同步" in "".join(t for _, t in blocks)


def test_a_lone_pushed_comma_keeps_its_line_in_the_span() -> None:
    assert build_blocks(page("文章写到这里", "，"))[0]["lines"] == [1, 2]
    assert build_blocks(page("一", "，", "，"))[0] == {
        "kind": "paragraph", "text": "一，，", "page": 1, "lines": [1, 3], "open": True, "gap": "page", "why": "document_end"}


def test_a_full_line_above_a_cut_line_is_no_piece_of_it() -> None:
    lines = read_lines(page(
        *(["一二三四五六七八九十一二"] * 3),
        "一二三四“种养”",
        "。把玉米",
        "一二三四五六七八九十一二",
        "一二三四五六七八九十。",
    ), False)
    doc = Page(lines, *page_marks(lines))
    assert [doc.width.cut_after(i) for i in range(len(lines))] == [False, False, False, True, False, False, False]


def test_a_pushed_mark_line_wider_than_the_column_is_not_joined_in_width() -> None:
    """Near miss: two lines that together are far wider than the column stay two printed lines."""
    text = page(
        "社会工作助力新疆民政事业",
        "，高质量发展论坛举办在乌鲁木齐举行",
        "近日，新疆维吾尔自治区民政厅联合新疆大学在",
        "乌鲁木齐举办社会工作助力新疆民政事业高质量发",
        "展论坛。",
    )
    lines = read_lines(text, False)
    doc = Page(lines, *page_marks(lines))
    assert [doc.width[i] for i in doc.text_idx[:2]] == [12.0, 17.0]


def test_a_comma_pushed_to_a_line_of_its_own_rejoins_its_line() -> None:
    """"今天（3月15日）" / "，": the body's indented first line, cut at its comma, still starts the
    body below a headline after a label (a lone comma never ends anything)."""
    text = page(
        "（据央视",
        "网）",
        "动态",
        "“中国经济展望”大",
        "使圆桌对话活动在北",
        "京举行",
        "今天（3月15日）",
        "，",
        "“中国经济展望”大使",
        "圆桌对话活动在北京举",
        "行。国家相关部门负责",
        "人解读中国宏观经济。",
    )
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks][-2:] == ["heading", "paragraph"]
    assert blocks[-1]["text"].startswith("今天（3月15日），“中国经济展望”") and blocks[-1]["lines"] == [7, 12]


def test_a_middle_dot_is_counted_at_the_width_the_page_gives_it() -> None:
    """"·" is a full em in Noto Sans CJK and a third of one in Serif. Counted as a full em,
    "迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺" made the column look wider than it is, so the indented
    first line above it read as a full line and the headline ran into the body."""
    assert line_width("纳瓦夫·艾哈迈德") == pytest.approx(7.66)
    text = page(
        "会场宝安图书馆西乡街道分馆开展，",
        "重点为观众普及传统文化，讲好西乡",
        "故事。",
        "（据深圳新闻网）",
        "短讯",
        "李克强向科威特首相致贺电",
        "国务院总理李克强19日致电艾哈",
        "迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺",
        "他就任科威特国首相。",
        "李克强在贺电中表示，中科传统",
        "友谊深厚，科威特是最早同新中国建",
    )
    blocks = kinds(text)
    assert ("heading", "李克强向科威特首相致贺电") in blocks
    assert blocks[-2] == ("paragraph", "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺他就任科威特国首相。")
    # in a Sans column "·" is a full em: the page says so, and the same name makes a full line
    sans_page = kinds(page(
        "业务量增长奠定了基础。",
        "分地区来看，中部地区的业务",
        "总量指数环比提高3.8个百分点，提",
        "升幅度最大；东部地区和西部地区",
        "环比分别提高2.2和0.8个百分点，",
        "均保持在扩张区间。",
        "从投资来看，9月份固定资产投",
        "资完成额指数为52.5%，环比提高",
        "1.9个百分点，仓储业、水上运输",
        "业、邮政快递业、航空运输业依然",
        "是投资重点领域。",
        "（据央视网）",
        "李克强向科威特首相致贺电",
        "国务院总理李克强19日致电艾",
        "哈迈德·纳瓦夫·艾哈迈德·萨巴",
        "赫，祝贺他就任科威特国首相。",
        "李克强在贺电中表示，中科传",
        "统友谊深厚，科威特是最早同新中",
        "国建交的海湾阿拉伯国家。建交51",
        "年来，中科关系保持健康稳定发",
        "展，政治互信不断巩固，各领域务",
        "实合作持续推进。中国政府高度重",
        "视中科关系发展，愿同科方一道努",
    ))
    assert ("heading", "李克强向科威特首相致贺电") in sans_page
    # near miss: a full line with dots in a Sans column is no shorter than its neighbours
    sans = [
        "国务院总理李克强19日致电",
        "艾哈迈德·纳瓦夫·艾哈迈德·",
        "萨巴赫，祝贺他就任科威特国首",
        "相。",
    ]
    assert [k for k, _ in kinds(page(*sans))] == ["paragraph"]


def test_running_heads_jump_lines_and_stray_glyphs_are_not_text() -> None:
    text = pages(
        ["民生周刊 2024年7月29日星期一 第5版 民生",
         "后，运往当地136家规",
         "（下转第6版）",
         "本版编辑：民生周刊编辑部 2024年7月29日 第5版"],
        ["民生周刊 2024年7月29日星期一 第6版 民生",
         "（上接第5版）",
         "模化肉牛养殖厂销售，实现双赢。",
         "",
         "”"],
    )
    blocks = build_blocks(text)
    assert [b["kind"] for b in blocks if b["kind"] != "paragraph"] == ["furniture"] * 5 + ["noise"]
    [para] = [b for b in blocks if b["kind"] == "paragraph"]
    assert para["text"] == "后，运往当地136家规模化肉牛养殖厂销售，实现双赢。"
    assert para["page"] == 1 and para["lines"] == [2, 7]


UPRIGHT_STORY = ["本报讯（记者李晓明）据日本财务省今天发布的", "数据，日本上半财年贸易逆差创新高。"]


@pytest.mark.parametrize(("lines", "expected"), [
    # an upright title as pdftotext gives it, a character a line, after the story above's credit (modular seed 23)
    (["（据央视网）", *"日本上半财年贸易逆差创新高", *UPRIGHT_STORY],
     ["（据央视网）", "日本上半财年贸易逆差创新高", *UPRIGHT_STORY]),
    # its marks are characters of their own
    (["（据央视网）", *"我县“假证被拘”第一人现身", *UPRIGHT_STORY],
     ["（据央视网）", "我县“假证被拘”第一人现身", *UPRIGHT_STORY]),
    # near misses: two such lines (a word cut at a column's foot); a blank line between; marks only
    (["服务群众", "二", "百", "人次。"], ["服务群众", "二", "百", "人次。"]),
    (["日", "", "本", "上"], ["日", "本", "上"]),
    (["“", "。", "”"], ["“", "。", "”"]),
])
def test_upright_titles_come_out_as_one_line(lines: list[str], expected: list[str]) -> None:
    assert [ln.text for ln in read_lines("\n".join(lines), False) if ln.kind != "blank"] == expected


def test_a_page_that_hangs_its_marks_is_told_from_one_that_fits_them() -> None:
    """Full lines ending on a clause mark one em wider than those ending on a character: the page hangs its
    marks; as wide: it fits them. Near miss: lines one em wider for Latin glyphs (widths a guess) cast no vote."""
    hung = ["顺应时代潮流，践行人", "类命运共同体理念提供，", "了中国方案，也开创了", "我国对外开放新格局的，",
            "中国新疆陆地边境线长", "达五千七百多公里。"]
    fitted = ["顺应时代潮流，践行人", "类命运共同体理念提，", "供了中国方案，也开创", "了我国对外开放新格，",
              "局中国新疆陆地边境线", "长达五千七百多公里。"]
    latin = ["顺应时代潮流，践行人", "类命运共同体理念AB，", "了中国方案，也开创了", "我国对外开放新格局C，",
             "中国新疆陆地边境线长", "达五千七百多公里。"]
    assert page_marks(read_lines(page(*hung), False)) == (1.0, True)
    assert page_marks(read_lines(page(*fitted), False)) == (1.0, False)
    assert page_marks(read_lines(page(*latin), False)) == (1.0, False)


@pytest.mark.parametrize(("line", "pieces"), [
    # a byline set flush right on a headline's last baseline: the title's line, then the byline
    ("心 文/黄海涛", [("text", "心"), ("byline", "文/黄海涛")]),
    ("书” 文/王璐", [("text", "书”"), ("byline", "文/王璐")]),
    # near misses: prose before it; more than a name after it
    ("他说， 文/图 均由本报记者提供", [("text", "他说， 文/图 均由本报记者提供")]),
    ("心 文/黄海涛在会上说，这是", [("text", "心 文/黄海涛在会上说，这是")]),
])
def test_a_byline_on_a_headlines_last_baseline_is_a_line_of_its_own(line: str, pieces: list[tuple[str, str]]) -> None:
    lines = read_lines(page("邮政储蓄银行老区小学献爱", line, "本报讯（记者陈玲玲）5月20日下午，"), False)
    assert [(x.kind, x.text) for x in lines[1:-1]] == pieces


def test_a_credit_wrapped_in_a_narrow_column_is_one_credit_over_the_upright_title_after_it() -> None:
    """``（据央视《新闻联`` / ``播》）`` over ``德`` / ``国`` / … : the credit whole, the title apart. Near miss: a line
    under a whole credit stays apart (the next story's kicker)."""
    title = ["德", "国", "多", "个", "机", "场", "罢", "工"]
    body = ["本报讯（记者 刘洋）今天（10月8日），一列装载110个", "集装箱的铁海联运班列从广西钦州港站开出。"]
    blocks = build_blocks(page("乘客的出行受到影响。", "（据央视《新闻联", "播》）", *title, *body))
    assert [(b["kind"], b["text"]) for b in blocks[1:3]] == [("credit", "（据央视《新闻联播》）"),
                                                             ("heading", "德国多个机场罢工")]
    blocks = build_blocks(page("乘客的出行受到影响。", "（据央视网）", "网络天地", "德国多个机场罢工", *body))
    assert [(b["kind"], b["text"]) for b in blocks[1:3]] == [("credit", "（据央视网）"), ("heading", "网络天地")]


def test_on_a_page_that_hangs_its_marks_a_full_line_ending_on_one_is_no_indent() -> None:
    """``右耳带上助听器的他，`` fills its 10 em column with its comma inside, over a line whose full stop hangs
    (``脸上露出了喜悦的笑容。``, 11 em with it): no first line. ``共建“一带一路”，``, 9 em with its comma, over full
    lines of 10 em, is one."""
    hung = ["顺应时代潮流，践行人", "类命运共同体理念提供，", "了中国方案，也开创了", "我国对外开放新格局的，",
            "中国新疆陆地边境线长"]
    lines = read_lines(page(*hung, "右耳带上助听器的他，", "脸上露出了喜悦的笑容。", "共建“一带一路”，",
                            "据县残联理事长梅表翔", "介绍，为确保残疾人得"), False)
    doc = Page(lines, *page_marks(lines))
    assert doc.width.hang
    assert [doc.indent(i) for i in (5, 7)] == [False, True]


@pytest.mark.parametrize(("line", "pieces"), [
    # OCR read a jump line and the next column's first line as one line, a column's gap between them
    ("(上接第2版)                 式，为儿童医疗救助提供了", [("jump", "(上接第2版)"), ("text", "式，为儿童医疗救助提供了")]),
    ("村民们脸上露出了笑容   （下转第3版）", [("text", "村民们脸上露出了笑容"), ("jump", "（下转第3版）")]),
    # (a short line that names its page reads as a running head before it is cut)
    ("（上接第2版）   二是加强", [("jump", "（上接第2版）"), ("text", "二是加强")]),
    # near misses: no gap between them (a jump line set in the text); a page named inside prose
    ("（上接第2版）式，为儿童", [("text", "（上接第2版）式，为儿童")]),
    ("今年以来，全县积极开展活动  （上接第2版的报道）", [("text", "今年以来，全县积极开展活动  （上接第2版的报道）")]),
])
def test_a_jump_line_beside_a_column_on_one_ocr_line_is_a_line_of_its_own(line: str,
                                                                         pieces: list[tuple[str, str]]) -> None:
    assert [(x.kind, x.text) for x in read_lines(line, False)] == pieces
