"""Roles of blocks (``normalize.layout.roles``): labels, kickers, titles and subtitles, running
heads, jumps, bylines."""

from __future__ import annotations

import pytest
from helpers import INDENT, NEW_PAGE, ROW, blocks_at, hit, kinds, miss, ocr_text, page

from normalize.layout import build_blocks
from normalize.layout.roles import headline_roles, is_byline, jump_page, jump_role

# An indented lead over a 16 em column, under the headline lines of the rows below.
LEAD = [
    INDENT + "近日，新疆维吾尔自治区民政",
    "厅联合新疆大学举办社会工作论坛，",
    "来自各地的代表参加了本次活动。",
]
# A story cut by a jump line, going on at the top of the next page
CUT = [
    "社会工作论坛举办",
    INDENT + "近日，新疆维吾尔自治区民政",
    "厅联合新疆大学举办社会工作论坛，",
]
TAIL = "来自各地的代表参加了本次活动。"

# The roles ``mark_roles`` gives (and the jump rules of ``kinds``): each row names what the block
# covering line ``at`` carries (None: the key is absent); a near miss says what it carries instead.
# A story's last lines, an OCR layer's debris, a column tag on two lines, the story going on,
# then the next story's headline
TAGGED = ["陪在儿子身边守着他，也守着我的未来。", "·", "…", "、", "～ ｝ ｌ", "、 Ｉ", "／ ～", "，", "【", "生 活 智 慧 】",
          "阳阳病愈后，我问他：", "“我到底是不是好爸爸？”", "我紧紧地搂住了儿子。", "内心强大则世界辽阔",
          "有个年轻人去庙里问高僧：“求大师指点迷津，", "为什么我老是觉得自己很痛苦？”高僧笑而不答。"]
# Two stories of a typesetter's file, each headline after its story, both under one campaign's name; the second
# headline's lines are as wide as its first
CAMPAIGN = ["面友好合作伙伴关系不断取", "得新进展。", "（据央视《新闻联播》）", "文明创建进行时", "习近平致电祝贺穆伊兹当",
            "选马尔代夫总统"]
CAMPAIGN_AGAIN = ["今天（10月8日），一列", "装载110个集装箱的铁海联", "运班列从广西钦州铁路集装", "箱中心站开出。这标志着西",
                  "部陆海新通道铁海联运班列", "运输品类达940多个。", "（据央视《新闻联播》）", "文明创建进行时", "西部陆海新通道",
                  "铁海联运班列累", "计开行3万列", "本报讯（记者陈玲玲 郑胤）", "日前，县委宣传部全体机关",
                  "干部来到共建单位龙山社区", "望海小区，拿起扫帚、铁锹"]
# modular seed 17: the campaign's name alone as a headline (its title left in the story's text), then over a title
CAMPAIGN_ALONE = ["县妇联、团县委以及其他4个", "社区也于19日下午以及20日在", "城区内各个点设立调查问卷", "点。", "社区服务中心",
                  "文明创建进行时", "文明进社区，我们在行动", "今天（3月15日），国家", "电网陕北至安徽正负800千伏",
                  "特高压直流输电工程开工建", "设。该工程为我国“西电东", "送”再添一条大动脉，建成", "后，每年可从陕西向安徽输",
                  "送电量超360亿度，其中一半", "以上是新能源电量。", "（据央视网）", "文明创建进行时", "陕北到安徽特高",
                  "压直流输电工程", "开工", "本报讯（记者 李晓明 通", "讯员 黄海涛）中国物流与采", "购联合会今天（10月8日）公",
                  "布9月份中国物流业景气指数。"]
ROLES = [
    # a line over the document's two headlines is the kicker of each, though as wide as the title's lines
    hit("repeated_kickers", 14, {"role": "kicker", "text": "文明创建进行时"}, [*CAMPAIGN, *CAMPAIGN_AGAIN]),
    # near miss: over one headline only, it is the title's first line
    miss("repeated_kickers", 8, {"role": "title"}, CAMPAIGN_AGAIN),
    # a headline of its own once, then over a title: that title's kicker
    hit("repeated_kickers", 17, {"role": "kicker", "text": "文明创建进行时"}, CAMPAIGN_ALONE),
    # near miss: a title alone, then again over its subtitle, stays a title
    miss("repeated_kickers", 17, {"role": "title"}, [*CAMPAIGN_ALONE[:5], "社会工作论坛举办", *CAMPAIGN_ALONE[6:16],
                                                     "社会工作论坛举办", "——一线观察", *CAMPAIGN_ALONE[20:]]),
    # near miss: a title's first line with digits in it is no label, though its Han are few (nor a kicker: the quoted
    # number under it would not have fitted after it)
    miss("is_label", 4, {"role": "title", "headline": 1}, [
        "牌制作等非遗手工活动。", "（据深圳晚报）", "动态", "总台2024年", "“3·15”晚会今晚", "播出",
        "中央广播电视总台", "2024年“3·15”晚会", "今晚（3月15日）20时", "在央视财经频道播出，", "晚会聚焦“共筑诚信共",
        "享安全”主题。"]),
    # the tag is the next headline's kicker, moved to it
    hit("tags_to_kickers", 10, {"role": "kicker", "headline": 1, "text": "【生 活 智 慧 】"}, TAGGED),
    # near miss: with no headline after it, the tag stays a label
    miss("tags_to_kickers", 10, {"role": "label"}, TAGGED[:13]),
    hit("is_label", 3, {"role": "label", "why": "label_over_heading"}, [
        "（据新华社）",
        "",
        "简讯",
        "",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    # a column tag is no section label: the title of a headline of its own
    miss("is_label", 3, {"role": "title", "headline": 1}, [
        "（据新华社）",
        "",
        "【简讯】",
        "",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    # no heading after it: the headline itself
    miss("is_label", 3, {"role": "title", "headline": 1}, [
        "（据新华社）",
        "",
        "简讯",
        "",
        *LEAD,
    ]),
    # a column tag over its title: the kicker
    hit("headline_roles", 2, {"role": "kicker", "headline": 1}, [
        "（据新华社）",
        "【数字十年】",
        "我国快递业务量连续多年",
        "稳居世界第一",
        *LEAD,
    ]),
    # a last element after a dash: the subtitle
    hit("headline_roles", 3, {"role": "subtitle", "headline": 1}, [
        "（据新华社）",
        "社会工作论坛举办",
        "——来自各地的代表参加了活动",
        *LEAD,
    ]),
    hit("headline_roles", 5, {"role": "subtitle"}, [
        "（据新华社）",
        "",
        "社会工作论坛举办",
        "",
        "——来自各地的代表参加了活动",
        "",
        *LEAD,
    ]),
    # no dash: of two elements the second is the title (the first the kicker)
    miss("headline_roles", 3, {"role": "title", "headline": 1}, [
        "（据新华社）",
        "社会工作论坛举办",
        "来自各地的代表参加了活动",
        *LEAD,
    ]),
    hit("starts_new_headline", 5, {"role": "title", "headline": 2}, [
        "（据新华社）",
        "",
        "社会工作专刊",
        "",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    # near miss: a subtitle after a dash goes on the headline above it across OCR's blank line
    miss("starts_new_headline", 5, {"role": "subtitle", "headline": 1}, [
        "（据新华社）",
        "",
        "社会工作论坛举办",
        "",
        "一一记者走访见闻",
        "",
        *LEAD,
    ]),
    # parted by a change of width only: the kicker and title of one headline
    miss("starts_new_headline", 3, {"role": "title", "headline": 1}, [
        "（据新华社）",
        "社会工作专刊",
        "社会工作论坛举办",
        *LEAD,
    ]),
    # on an OCR page (lines with their size in px), a heading in body type over one in display type, OCR's blank
    # between: the title's kicker (dev04 through tesseract: 在希望的田野上 / 秋粮收获过半)
    hit("over_display_title", 3, {"role": "kicker", "headline": 1}, [
        "（据新华社）", "", "在希望的田野上", "", ("秋粮收获过半", 80.0), "", *LEAD]),
    # near miss: both in display type, the blank parts two headlines
    miss("over_display_title", 5, {"role": "title", "headline": 2}, [
        "（据新华社）", "", ("在希望的田野上", 80.0), "", ("秋粮收获过半", 80.0), "", *LEAD]),
    # near miss: under a title and its deck, a display title is the next story's
    miss("over_display_title", 7, {"role": "title", "headline": 2}, [
        "（据新华社）", "", ("秋粮收获过半", 80.0), "", "——记者走访见闻", "", ("物流业景气回升", 80.0), "", *LEAD]),
    hit("repeated_heads", 6, {"kind": "furniture", "role": "running_head", "why": "repeated_across_pages"}, [
        "民生周刊 民生专刊",
        *CUT,
        "（下转第2版）",
        NEW_PAGE + "民生周刊 民生专刊",
        "（上接第1版）",
        TAIL,
    ]),
    # printed on one page only: a headline's kicker
    miss("repeated_heads", 1, {"kind": "heading", "role": "kicker"}, [
        "民生周刊 民生专刊",
        *CUT,
        "（下转第2版）",
        NEW_PAGE + "社区时讯 综合新闻",
        "（上接第1版）",
        TAIL,
    ]),
    # a bracketed section tag over a title at the top of two pages: each title's kicker
    miss("repeated_heads", 1, {"kind": "heading", "role": "kicker"}, [
        "【经验交流】",
        "社会工作论坛举办",
        *LEAD,
        NEW_PAGE + "【经验交流】",
        "非遗民俗文献展开幕",
        *LEAD,
    ]),
    # a numbered subhead of a bulletin's outline opening two pages: each story's own, not a running head
    miss("repeated_heads", 5, {"kind": "paragraph", "text": "二、加强组织领导"}, [
        *CUT,
        TAIL,
        NEW_PAGE + "二、加强组织领导",
        *LEAD,
        NEW_PAGE + "二、加强组织领导",
        *LEAD,
    ]),
    hit("jump_role", 4, {"kind": "furniture", "role": "jump_on", "why": "jump_line"}, [*CUT, "（下转第2版）"]),
    hit("jump_role", 4, {"kind": "furniture", "role": "jump_back"}, [*CUT, "（上接第1版）"]),
    miss("jump_role", 4, {"kind": "furniture", "role": "running_head"}, [*CUT, "第2版"]),
    hit("jump_page", 4, {"jump": 2}, [*CUT, "（下转第2版）"]),
    hit("jump_page", 4, {"jump": 12}, [*CUT, "（上接第十二版）"]),
    hit("jump_page", 4, {"jump": 4}, [*CUT, "（下转4版）"]),
    hit("jump_page", 4, {"jump": 3}, [*CUT, "（下转第3页）"]),
    miss("jump_page", 4, {"role": "running_head", "jump": None}, [*CUT, "第2版"]),
    # the article's title printed again above "（上接…）" on the page it goes on to
    hit("repeated_titles", 6, {"kind": "heading", "role": "repeated", "why": "repeated_title"}, [
        "民生周刊 民生专刊",
        *CUT,
        "（下转第2版）",
        NEW_PAGE + "社会工作论坛举办",
        "（上接第1版）",
        TAIL,
    ]),
    # prose above the jump line is the text going on, no title
    miss("repeated_titles", 6, {"kind": "paragraph", "role": None}, [
        "民生周刊 民生专刊",
        *CUT,
        "（下转第2版）",
        NEW_PAGE + "他说这件事还没有结束，大家都很关心。",
        "（上接第1版）",
        TAIL,
    ]),
    # "（上接…）" right after "（下转…）": the paragraph runs on across both jump lines
    hit("resumes_next", 2, {"kind": "paragraph", "lines": [2, 6]}, [*CUT, "（下转第2版）", "（上接第1版）", TAIL]),
    # text between them: the paragraph is cut off at "（下转…）", open for the splitter to rejoin
    miss("resumes_next", 2, {"kind": "paragraph", "lines": [2, 3], "open": True, "why": "jump_on"}, [
        *CUT,
        "（下转第2版）",
        "他说这件事还没有结束，大家都很关心。",
        "（上接第1版）",
        TAIL,
    ]),
    # a reporter's line alone between blank lines, indented like a paragraph
    hit("is_byline", 3, {"kind": "paragraph", "role": "byline"}, [
        "社会工作论坛举办",
        "",
        INDENT + "本报记者 张三",
        "",
        INDENT + "近日，新疆维吾尔自治区民政厅联合新疆大学，",
        "举办社会工作论坛，来自各地的代表参加了本次活动。",
    ]),
    hit("is_byline", 3, {"role": "byline"}, [
        "（据新华社）",
        "社会工作论坛举办",
        "本报记者 张三",
        *LEAD,
    ], marks=pytest.mark.xfail(strict=True, reason=(
        "a reporter's line under the headline is headline-like: the headline rules take it as a "
        "headline line (here the title's second line; at a page top the title, the real title its "
        "kicker), and is_byline is asked of paragraph blocks only"))),
    # a sentence that starts with 记者 is the lead, no byline
    miss("is_byline", 3, {"kind": "paragraph", "role": None}, [
        "社会工作论坛举办",
        "",
        INDENT + "记者从国家邮政局获悉，今年快递增长。",
        "",
        INDENT + "近日，新疆维吾尔自治区民政厅联合新疆大学，",
        "举办社会工作论坛，来自各地的代表参加了本次活动。",
    ]),
]


@pytest.mark.parametrize(ROW, ROLES)
def test_roles(rule: str, lines: tuple, at: int, verdict: dict, is_hit: bool) -> None:
    at_line = blocks_at(build_blocks(*ocr_text(lines)), at)
    assert any(all(b.get(k) == v for k, v in verdict.items()) for b in at_line), at_line


@pytest.mark.parametrize(
    ("elements", "roles"),
    [
        ([["【数字十年】"], ["我国快递业务量连续多年", "稳居世界第一"]], [["kicker"], ["title", "title"]]),
        ([["共建“一带一路”", "新疆积极打造", "我国向西开放的桥头堡"]], [["title", "title", "title"]]),
        ([["【数字十年】", "我国快递业务量"], ["——连续多年稳居世界第一"]], [["kicker", "title"], ["subtitle"]]),
        # a first line ending in a clause, over two more: the kicker
        ([["夯实社会工作理论基础，", "社会工作助力新疆民政事业", "高质量发展论坛举办"]], [["kicker", "title", "title"]]),
        # the kicker's short last line, after its comma, under it
        ([["夯实社会工作理论基础，", "促进“政校合作”", "社会工作助力", "新疆民政事业"]], [["kicker", "kicker", "title", "title"]]),
        # near miss: a sentence of the title wrapped inside a word is one line's
        ([["西乡北帝三月三精", "彩不断！", "西乡历史文化展"]], [["title", "title", "title"]]),
        # of two lines, a first much narrower than the title under it: the kicker
        ([["文明创建进行时", "德国多个机场安保人员罢工"]], [["kicker", "title"]]),
        # a first line wider than the title's full line under it, which wraps on: set a size smaller, the kicker
        ([["在希望的田野上", "全国秋粮收获", "过半"]], [["kicker", "title", "title"]]),
        # near misses: the line under it ends a sentence of the title (as OCR reads it too), or is the title's last
        # line over its deck
        ([["西乡北帝三月三", "精彩不断！", "西乡历史文化展", "游人如织"]], [["title"] * 4]),
        ([["西乡北帝三月三", "精彩不断!", "西乡历史文化展", "游人如织"]], [["title"] * 4]),
        ([["我国西部多地今夜起", "将出现雨雪天气", "——记者走访见闻"]], [["title", "title", "subtitle"]]),
        # near miss: a title broken at its phrases, each line a little shorter
        ([["社会工作助力新疆", "民政事业高质量", "发展论坛举办"]], [["title"] * 3]),
        ([["市民政局召开全市", "养老服务工作", "推进会"]], [["title"] * 3]),
        # near misses: two lines of one title (a wrapped line, a title broken at its colon, one a little shorter)
        ([["西乡北帝三月三精彩不断！", "西乡历史文化展游人如织"]], [["title", "title"]]),
        ([["机遇与合作：", "“通武廊”社会工作再携手"]], [["title", "title"]]),
        ([["相约“5.20”", "表白、登记迎来小高潮"]], [["title", "title"]]),
    ],
)
def test_headline_roles(elements: list[list[str]], roles: list[list[str]]) -> None:
    assert headline_roles(elements) == roles


@pytest.mark.parametrize(
    ("text", "role", "target"),
    [
        ("（下转第4版）", "jump_on", 4),
        ("（上接第十二版）", "jump_back", 12),
        ("《续第3版)", "jump_back", 3),  # OCR misread the bracket
        ("（转第十版）", "jump_on", 10),
        ("（下转）", "jump_on", None),  # near miss: no page named
    ],
)
def test_jump_role_and_page(text: str, role: str, target: int | None) -> None:
    assert (jump_role(text), jump_page(text)) == (role, target)


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("本报记者 张三", True),
        ("通讯员 李四 王五", True),
        ("文/张三", True),
        ("记者从国家邮政局获悉，今年快递增长。", False),  # near miss: a sentence
        ("本报记者张三、李四报道。", False),  # near miss: it ends a sentence
    ],
)
def test_is_byline(text: str, byline: bool) -> None:
    assert is_byline(text) is byline


def test_ocr_a_repeated_title_over_blank_lines_above_the_jump_back_line() -> None:
    """OCR: the paper's name with a stray glyph ("公益时报 &") is furniture, and the title repeated
    above "(上接第2 版)" in two lines parted by blank lines is one headline (it wraps inside 在京), then furniture
    in split."""
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
    assert kinds(text)[:4] == [
        ("furniture", "公益时报 &"),
        ("furniture", "2025年3月25日 星期二 第3版"),
        ("heading", "中国社会工作联合会儿童社会救助工作委员会换届大会在京举行"),
        ("furniture", "(上接第2 版)"),
    ]
    assert [k for k, _ in kinds(text)][4:] == ["paragraph", "credit"]
    # near miss: a line of prose above the jump line is no title
    prose = text.replace("京举行", "他说这件事还没有结束，大家都很关心。")
    assert [k for k, _ in kinds(prose)][:3] == ["furniture", "furniture", "paragraph"]
