"""Where running text begins (``normalize.layout.starts``, the ``body_starts`` rules)."""

from __future__ import annotations

import pytest
from helpers import ACROSS_BODY, ACROSS_HEAD, INDENT, ROW, WRAPPED_AT_DUN, assert_decision, hit, kinds, miss, page

# An indented lead over a 16 em column, under the headline lines of the rows below.
LEAD = [
    INDENT + "近日，新疆维吾尔自治区民政",
    "厅联合新疆大学举办社会工作论坛，",
    "来自各地的代表参加了本次活动。",
]

# A title's last character wrapped alone, then its subtitle as wide as the indentless first line under it.
SUBTITLE_UNDER_WRAP = [
    "（据深圳新闻网）",
    "德国多个机场安保人员罢",
    "工",
    "——来自基层的报道",
    "14 日，德国服务业联合工",
    "会组织德国多个机场的安保人员",
    "举行罢工，要求提高员工待遇。",
]

# A title over its body in a 10 em column on a page that hangs a line's last mark past the edge (11 em with it):
# the body's first line, indented two em, ends on a comma that hangs; the two lines under it fill the column, and the
# lines that tell the page hangs its marks come further down. The same body where marks never hang (those lines
# take one character less).
HANGING_PAGE = ["全国秋粮收获过半", "共建“一带一路”，", "顺应时代潮流，践行人", "类命运共同体理念，为",
                "全球治理体系改革提供，", "了中国方案，也开创了", "我国对外开放新格局的，", "中国新疆陆地边境线长",
                "新疆已建成四个境外园，", "达五千七百多公里。"]
FLUSH_PAGE = ["全国秋粮收获过半", "共建“一带一路”，", "顺应时代潮流，践行人", "类命运共同体理念，为",
              "全球治理体系改革提，", "供了中国方案，也开创", "了我国对外开放新格，", "局中国新疆陆地边境线",
              "长新疆已建成四个境，", "外园达五千七百多公里。"]
# body_starts(page, k): True, running text starts at line k; False, line k is a headline's.
ROLLOUT_END = ["区内各个点设立调查问卷点。"]
ROLLOUT_HEAD = ["聚焦民生实事", "陕北到安徽特高压直", "流输电工程开工"]
ROLLOUT_BODY = ["今天（3月15日），国家电网陕", "北至安徽正负800千伏特高压直流输", "电工程开工建设。该工程为我国“西",
                "电东送”再添一条大动脉，建成后，"]
BODY_STARTS = [
    # a news dateline opens the body, even short and without a mark
    hit("dateline_start", 2, True, ["孤儿核查工作圆满完成", "本报讯", "（记者 谢芳 通讯员 李淑华）为做好儿童福利工作，"]),
    miss("dateline_start", 2, None, ["孤儿核查工作圆满完成", "报讯员到达现场", "（记者 谢芳 通讯员 李淑华）为做好儿童福利工作，"]),
    # a title with its 、 over an office's byline, the page's number and the dateline: the headline's last line
    hit("over_byline", 2, False, ["志愿者为老人送去慰问品。", "相约“5.20”表白、登记迎来小高潮", "市慈善总会", "— 2 —",
                                  "本报讯（记者吴晓玲）“5.20”的谐音是“我爱你”，网络虚拟世", "界迎来了表白高峰期。"]),
    # near miss: prose whose full stop OCR lost, over the next story's byline: no headline's line
    miss("over_byline", 3, None, ["县里举办技能培训", "", "近日，县人社局举办技能培训班，共有一百多名学员参加。培训为期三天，内容包括电工和焊工等",
                                  "", "文/张三", "", "乡村学校迎来新教师", "", "九月开学季，全县乡村学校迎来新教师。"]),
    # near miss: a story's last line, ending its sentence, over the next story's byline (set apart by its title)
    miss("over_byline", 1, None, ["社区志愿者为老人送去慰问品。", "文/陈思远", "本报讯（记者陈思远）近日，社区开展",
                                  "敬老活动。"]),
    hit("prose_line", 2, True, [
        "社会工作论坛举办",
        INDENT + "近日，社会工作论坛在乌鲁木齐举办，",
        "取得了一系列成果。",
    ]),
    # no clause mark: a headline could be this line, so the rules after it look at its shape
    miss("prose_line", 2, None, [
        "社会工作论坛举办",
        INDENT + "近日社会工作论坛在乌鲁木齐举办",
        "取得了一系列成果。",
    ]),
    hit("middle_dot_start", 3, False, [
        "（据新华社）",
        "共建“一带一路”",
        "·权威访谈",
        *LEAD,
    ]),
    miss("middle_dot_start", 3, ("no_start_shape", False), [
        "（据新华社）",
        "共建“一带一路”",
        "权威访谈",
        *LEAD,
    ]),
    hit("date_across_break", 3, True, [
        "出口增长。",
        "日本贸易逆差创新高",
        "据日本财务省今天（10月",
        "20日）发布的数据，受能源价格上涨",
        "影响，贸易逆差创新高。",
    ]),
    # OCR's blank line between the two halves of the date: nothing runs across it
    miss("date_across_break", 3, ("no_start_shape", False), [
        "出口增长。",
        "日本贸易逆差创新高",
        "据日本财务省今天（10月",
        "",
        "20日）发布的数据，受能源价格上涨",
        "影响，贸易逆差创新高。",
    ]),
    hit("cut_line_is_prose", 3, True, [
        "（据天津市武清区融媒体中心）",
        "新疆积极打造我国向西开放的桥头堡",
        "共建“一带一路”",
        "，顺应时代潮流，践行人类命运共同体理念，为全",
        "球治理体系改革提供了中国方案，也开创了我国对外开放的新格局。",
    ]),
    # no comma pushed down: "共建“一带一路”" is a printed line of its own
    miss("cut_line_is_prose", 3, ("no_start_shape", False), [
        "（据天津市武清区融媒体中心）",
        "新疆积极打造我国向西开放的桥头堡",
        "共建“一带一路”",
        "顺应时代潮流，践行人类命运共同体理念，为全",
        "球治理体系改革提供了中国方案，也开创了我国对外开放的新格局。",
    ]),
    hit("alone_between_blanks", 3, False, [
        "上文写完了。",
        "",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    miss("alone_between_blanks", 3, ("no_start_shape", False), [
        "上文写完了。",
        "",
        "社会工作论坛，举办",
        "",
        *LEAD,
    ]),
    hit("no_start_shape", 2, False, [
        "上文写完了。",
        "社会工作助力新疆民政事业",
        *LEAD,
    ]),
    # a clause mark in a full line: prose-shaped, so the lines below must tell
    miss("no_start_shape", 2, None, [
        "上文写完了。",
        "社会工作助力新疆，民政事业发展好",
        *LEAD,
    ]),
    # a full line without a clause mark under a narrower title: the body's first line, as the lines below tell
    miss("no_start_shape", 4, ("text_follows", True), [
        "力。",
        "【社工天地】",
        "李克强向科威特首相致贺电",
        "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈",
        "迈德·萨巴赫，祝贺他就任科威特国首相。",
        "李克强在贺电中表示，中科传统友谊深厚，科威特",
        "是最早同新中国建交的海湾阿拉伯国家。",
    ]),
    # a deck under the title's one-character last line, as wide as the indentless first line below: no text starts
    # on a deck
    hit("over_deck", 4, False, SUBTITLE_UNDER_WRAP),
    hit("two_narrow_lines", 3, False, [
        "（来源：央视网）",
        "习近平致电祝贺穆伊兹",
        "当选马尔代夫总统",
        INDENT + "10月3日，国家主席",
        "习近平致电穆罕默德·穆",
        "伊兹，祝贺他当选马尔代",
        "夫总统。",
    ]),
    # the word "总统" runs on across the break: the two lines are one paragraph's
    miss("two_narrow_lines", 3, ("text_follows", True), [
        "（来源：央视网）",
        "习近平致电祝贺穆伊兹",
        "当选马尔代夫总",
        "统，10月3日国家主席",
        "习近平致电穆罕默德·穆",
        "伊兹，祝贺他当选马尔代",
        "夫总统。",
    ]),
    # a page that hangs its marks: the body's first line, indented, ends on a comma past the column's edge
    hit("two_narrow_lines", 3, False, ["（来源：央视网）", "喜迎建党节", *HANGING_PAGE]),
    # near miss: where marks do not hang, that line is as wide as its column less one em: no indent
    miss("two_narrow_lines", 3, ("text_follows", True), ["（来源：央视网）", "喜迎建党节", *FLUSH_PAGE]),
    hit("narrow_run_widens", 5, False, [
        "（据央视网）",
        "夯实社会工作理论基",
        "础，促进“政校合作”",
        "社会工作助力新",
        "疆民政事业高质",
        "量发展论坛举办",
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
        "近日，新疆维吾尔自治区民",
        "政厅联合新疆大学举办。",
    ]),
    # a kicker and a title in larger type, fewer characters a line, over a 17 em column (ReportLab seed 409)
    hit("narrow_lines_widen", 2, False, [*ROLLOUT_END, *ROLLOUT_HEAD, *ROLLOUT_BODY]),
    # near misses: the run ends on a sentence's end; a line cut at a mark the next one opens with
    miss("narrow_lines_widen", 2, ("text_follows", True), [*ROLLOUT_END, *ROLLOUT_HEAD[:2], ROLLOUT_HEAD[2] + "。",
                                                            *ROLLOUT_BODY]),
    miss("narrow_lines_widen", 2, ("text_follows", True), [*ROLLOUT_END, *ROLLOUT_HEAD[:2], "共建“一带一路”",
                                                            "，顺应时代潮流，践行人类命运共同体", "理念，为全球治理体系改革提供了中"]),
    # the narrow run ends a sentence: a paragraph's last lines, not a headline's
    miss("narrow_run_widens", 5, ("text_follows", True), [
        "（据央视网）",
        "夯实社会工作理论基",
        "础，促进“政校合作”",
        "社会工作助力新",
        "疆民政事业高质",
        "量发展论坛举办。",
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
        "近日，新疆维吾尔自治区民",
        "政厅联合新疆大学举办。",
    ]),
    # an indented first line cut off by a jump line runs on elsewhere
    hit("text_follows", 3, True, [
        "晚会还将在央视财经等同步播出。（据央视《新闻联播》）",
        "德国多个机场安保人员罢工",
        INDENT + "14日，德国服务业联合工会组织德国多个",
        "（下转第2版）",
    ]),
    # the line below is narrower: line 3 was a headline's (a kicker wrapped inside a word)
    hit("text_follows", 3, False, [
        "（据央视网）",
        "夯实社会工作理论基",
        "础，促进“政校合作”",
        "社会工作助力新",
        "疆民政事业高质",
        "量发展论坛举办",
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
    ]),
    # the line below is narrower only by the spaces a font's missing middle dots left: its width is a guess
    hit("text_follows", 5, True, [
        "归。",
        "李克强向科威特首相",
        "致贺电",
        "——记者走访见闻",
        "国务院总理李克强19日致电艾哈",
        "迈德 纳瓦夫 艾哈迈德 萨巴赫，",
        "祝贺他就任科威特国首相。",
        "李克强在贺电中表示，中科传统",
        "友谊深厚，科威特是最早同新中国建",
    ]),
    # near miss: without the spaces the line below is plainly narrower: line 5 is the headline's
    hit("text_follows", 5, False, [
        "归。",
        "李克强向科威特首相",
        "致贺电",
        "——记者走访见闻",
        "国务院总理李克强19日致电艾哈",
        "迈德纳瓦夫艾哈迈德萨巴赫，",
        "祝贺他就任科威特国首相。",
        "李克强在贺电中表示，中科传统",
        "友谊深厚，科威特是最早同新中国建",
    ]),
    # a kicker and a title set across columns, over an 18 em column: the first line as wide as the column starts it
    hit("under_wide_headline", 4, True, ["（据央视网）", *ACROSS_HEAD, *ACROSS_BODY]),
    # near misses: a wide title's next line, as wide as the column, over the body's indented first line; a deck
    miss("under_wide_headline", 3, ("no_start_shape", False), [
        "（据央视网）", ACROSS_HEAD[1], "新疆维吾尔自治区民政厅联合新疆大", "近日，新疆维吾尔自治区民政厅",
        "联合新疆大学在乌鲁木齐举办社会工作", "论坛，来自各地的代表参加了本次活动。"]),
    miss("under_wide_headline", 3, ("over_deck", False), ["（据央视网）", ACROSS_HEAD[1], "——来自基层的报道",
                                                               *ACROSS_BODY]),
    # a headline stored after its body, at a page's end: the title over its deck is no body's first line
    hit("over_deck", 16, False, [
        "工作人员表示，为保证", "供电，该局将把保障居", "民生活用电放在第一位，", "确保电网安全稳定运行。", "另据了解，我县夏",
        "季用电高峰是八点到", "十一点半，随着高温", "天气的到来，建议市", "民尽量避开用电高峰，", "错峰用电，特别是避",
        "开高峰期使用电热水", "器、洗衣机、空调等耗", "电量大的家用电器。", "东城区民政局", "【社工天地】", "用电高峰来了！",
        "——一线观察之二", "民政工作通讯 2025年5月20日 星期二 第3版 综合新闻"]),
    # a title with its 、 over its deck, stored after its story, before the next story's text (modular seed 67)
    hit("over_deck", 5, False, ["5月20日，工作人员加", "班加点，延迟下班时间，", "让所有前来办理结婚证", "的新人满意而归。",
                                "相约“5.20”表白、", "登记迎来小高潮", "——记者走访见闻", "昨天（10月19日）", "晚上，二十大新闻中心",
                                "举行第四场集体采访。", "重庆、四川、贵州、云", "南、西藏、陕西、甘肃"]),
    # near misses: a line over a dash that opens running text; a paragraph's indented first line over running text
    # that opens on a dash or on OCR's 一一 (the adverb, one by one)
    miss("over_deck", 2, None, ["（据央视网）", "用电高峰来了", "——他说，这是好事。今年的用电高峰比往年", "来得更早一些，大家要做好准备。"]),
    miss("over_deck", 4, ("text_follows", True), ["上文写完了。", "（据央视网）", "城南社区举办便民服务活动", INDENT + "活动当天，最受欢迎的是",
                                                  "——免费测血压，排起了长队", "的居民一直延伸到了街口。社", "工们耐心地为居民提供咨询。"]),
    miss("over_deck", 4, ("text_follows", True), [
        "上文的最后一段到这里写完了。", "", "城南社区举办便民服务活动", INDENT + "活动现场，社工们对居民提出的",
        "一一作了解答，并发放宣传资料二百", "余份，受到了居民们的一致好评。社", "区还将定期开展此类便民服务活动。"]),
    # near miss: a subtitle's dash under the title, as wide as the line below: no first line, before the lines
    # below are asked
    miss("text_follows", 4, ("over_deck", False), SUBTITLE_UNDER_WRAP),
    # a title wrapped after its 、, stored after its story, over the next story's text (modular seed 71)
    hit("short_clause_line", 5, False, WRAPPED_AT_DUN),
    # near misses: a paragraph's first line that lost its indent, full lines under it (seed 001); the same title
    # over a line as wide as the text under it
    miss("short_clause_line", 3, ("prose_line", True), ["（据天津市武清区融媒体中心）", "", "围绕更好落实协议内容、",
                                                         "三地同步建构了“‘通武廊’社", "会工作发展与创新网络”，努力"]),
    miss("short_clause_line", 5, ("prose_line", True), [*WRAPPED_AT_DUN[:5], "登记迎来小高潮据日本财务", *WRAPPED_AT_DUN[6:]]),
    # a full line under a narrower title, cut off by a jump line: not indented, not prose, so no first line
    hit("text_follows", 3, False, [
        "晚会还将在央视财经等同步播出。（据央视《新闻联播》）",
        "德国多个机场安保人员罢工",
        "14日德国服务业联合工会组织德国多个",
        "（下转第2版）",
    ]),
]


@pytest.mark.parametrize(ROW, BODY_STARTS)
def test_body_starts(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    assert_decision("body_starts", rule, lines, at, verdict, is_hit)


def test_a_headline_line_starting_with_a_middle_dot_goes_on_from_the_line_above() -> None:
    """"共建“一带一路”" / "·权威访谈": "·权威访谈" is as narrow as an indented first line, but no
    text starts with a middle dot: the kicker goes on, and the title below it."""
    blocks = kinds(page(
        "社区周报 2025年4月5日 星期六 第3版 社工天地",
        "共建“一带一路”",
        "·权威访谈",
        "新疆积极打造我国",
        "向西开放的桥头堡",
        "共建“一带一路”",
        "，顺应时代",
        "潮流，践行人类命运共同体理念，",
        "为全球治理体系改革提供了中国方",
        "案，也开创了我国对外开放的新格",
        "局。",
        "《新闻联播》从今天（10月3",
        "日）开始推出系列报道【共建“一",
        "带一路”",
        "·权威访谈】",
        "，结合各部门",
        "工作职能和各地区实际，介绍共建",
        "“一带一路”十年来取得的巨大成",
        "就和产生的深远影响，讲述各地深",
        "度融入“一带一路”建设的特色亮",
        "点和经验做法。今天首先来看对新",
        "疆维吾尔自治区党委常委、人民政",
        "府副主席玉苏甫江·麦麦提的专",
        "访，介绍新疆扎实推进“一带一",
        "路”核心区高质量发展的情况。",
        "中国新疆陆地边境线长达",
        "5700多公里，是中国与中亚、欧",
        "洲连接最为便捷的陆路通道重要节",
        "点。共建“一带一路”倡议提出十",
        "年来，新疆全力推进重大基础设施",
    ))
    assert [t for k, t in blocks[1:3]] == [
        "共建“一带一路”·权威访谈",
        "新疆积极打造我国向西开放的桥头堡",
    ]
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("共建“一带一路”，顺应时代潮流，")


def test_a_bracketed_date_split_over_two_lines_opens_the_body() -> None:
    """"据日本财务省今天 〈10月" / "20日) 发布的数据，": the date in brackets runs over the break;
    the line opens the lead (OCR lost text below it, so widths say nothing here)."""
    text = page(
        "出。",
        "(据央视《新闻联播》)",
        "",
        "日本上半财年贸易逆差创新高",
        "据日本财务省今天 〈10月",
        "20日) 发布的数据，",
        "上涨、日元急速贬值等因素影",
        "响，日本上半财年贸易逆差达",
        "110075亿日元，约合733.87亿",
        "美元，是1979年有可比数据以",
        "来的同期最大值。",
    )
    blocks = kinds(text)
    assert blocks[2] == ("heading", "日本上半财年贸易逆差创新高")
    assert blocks[3][1].startswith("据日本财务省今天 〈10月20日)")


def test_a_headline_over_a_body_that_starts_with_a_year() -> None:
    """"  2024年，自治区…" starts its paragraph (indented): no word came down to it from the
    headline's last line, which is then not taken for a line that broke early."""
    first = "  2024年，自治区民政厅"
    text = page(
        "社会工作，是民生保障",
        "的重要力量，各地积极探索",
        "社会工作参与基层治理的新",
        "路径新方法成效好。",
        "",
        "社会工作助力新疆",
        "民政事业发展论坛",
        "在乌鲁木齐举办",
        first,
        "联合新疆大学举办社会工作",
        "论坛，来自各地的代表参加",
        "了本次活动并交流了经验。",
    )
    assert ("heading", "社会工作助力新疆民政事业发展论坛在乌鲁木齐举办") in kinds(text)


def test_a_first_line_short_by_its_indent_and_a_word_pushed_down_with_its_comma() -> None:
    """"…已收获过" / "半，在…": the comma may not start a line, so "半" came down with it; the line
    is short by its indent and that word, and still starts a paragraph, not a headline."""
    text = page(
        "1860万亩晚稻中的早熟品种已经开镰。各地",
        "共投入收割机、烘干机11.16万台套，及时收",
        "获中晚稻。",
        "山东省6600多万亩秋粮目前已收获过",
        "半，在玉米种植大县阳信县，当地借助肉牛产",
        "业优势，推行“种养结合”，把玉米秸秆转化",
        "成青贮饲料，实现双赢。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["paragraph", "paragraph"]
    assert blocks[1][1].startswith("山东省6600多万亩秋粮目前已收获过半，")


def test_two_narrow_lines_with_numbers_are_no_headline_above_a_first_line() -> None:
    """"江西省1400多万亩中" / "稻收获已近8成，1860万": numbers make widths unsure, so the second
    narrow line does not prove the first a headline's last line."""
    text = page(
        "部件的运转参数，确保脱谷",
        "率更高，进一步减少机收损",
        "失。",
        "江西省1400多万亩中",
        "稻收获已近8成，1860万",
        "亩晚稻中的早熟品种已经开",
        "镰。各地共投入收割机。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_an_indented_first_line_is_measured_past_lines_that_broke_before_a_number() -> None:
    """"中央广播电视总台2024年" is indented against a 13 em column, but the two lines below it
    broke early, each before a number that did not fit ("（3月15" / "日）20时…"): look one further."""
    blocks = kinds(page(
        "电艾哈迈德·纳瓦夫·艾哈迈",
        "德·萨巴赫，祝贺他就任科威",
        "特国首相。",
        "李克强在贺电中表示，中",
        "科传统友谊深厚，科威特是最",
        "早同新中国建交的海湾阿拉伯",
        "国家。建交51年来，中科关系",
        "保持健康稳定发展，政治互信",
        "不断巩固，各领域务实合作持",
        "续推进。中国政府高度重视中",
        "科关系发展，愿同科方一道努",
        "力，推动中科战略伙伴关系取",
        "得新进展。",
        "（据央视网）",
        "总台2024年“3·15”晚会",
        "今晚播出",
        "中央广播电视总台2024年",
        "“3·15”晚会今晚（3月15",
        "日）20时在央视财经频道播",
        "出，晚会聚焦“共筑诚信共享",
        "安全”主题，重点关注消防安",
        "全、食品安全、金融安全、数",
        "据安全等领域侵害消费者权益",
        "的行为。晚会还将在央视财",
        "经、央视频客户端和央广经济",
    ))
    assert ("heading", "总台2024年“3·15”晚会今晚播出") in blocks
    assert any(k == "paragraph" and t.startswith("中央广播电视总台2024年“3·15”晚会今晚（3月15日）") for k, t in blocks)


def test_two_narrow_lines_make_a_headline_end_where_narrow_beyond_the_guess() -> None:
    """"当选马尔代夫总统" (a word came down after it) over "10月3日，国家主席" (digits): both
    widths are guesses, but both lines are narrower than the column by more than the guess."""
    blocks = kinds(page(
        "民政简报 综合 2025年5月13日 星期二 第5版",
        "我国西部多地今夜起将",
        "出现雨雪天气",
        "中央气象台预计，今",
        "天（10月3日）夜间起，",
        "西北、西南部分地区将出",
        "现雨雪天气。其中甘肃、",
        "陕西、四川等地的部分地",
        "区有中到大雨，局地暴",
        "雨。青海大部、甘肃西部",
        "等地有中到大雪或雨夹",
        "雪，局地有暴雪或大暴",
        "雪。内蒙古大部、东北地",
        "区大部等地将出现大风降",
        "温。",
        "（来源：央视网）",
        "习近平致电祝贺穆伊兹",
        "当选马尔代夫总统",
        "10月3日，国家主席",
        "习近平致电穆罕默德·穆",
        "伊兹，祝贺他当选马尔代",
        "夫总统。",
        "习近平指出，中国和",
        "马尔代夫友好交往源远流",
        "长。中马两国不仅是真诚",
        "互信、互帮互助的朋友，",
        "更是携手发展、共同繁荣",
        "的伙伴。我高度重视中马",
        "关系发展，愿同穆伊兹当",
        "选总统一道努力，弘扬传",
    ))
    assert ("heading", "习近平致电祝贺穆伊兹当选马尔代夫总统") in blocks
    assert any(k == "paragraph" and t.startswith("10月3日，国家主席习近平致电") for k, t in blocks)


def test_a_first_line_ending_in_a_closing_mark_set_half_width_is_indented() -> None:
    """"为深入推进“通武廊”" is 10 em against an 11 em column: its closing quote was set
    half-width to fit, so it is an indented first line, and the headline above ends there."""
    blocks = kinds(page(
        "区有中到大雨，局地暴",
        "雨。青海大部、甘肃西部",
        "等地有中到大雪或雨夹",
        "雪，局地有暴雪或大暴",
        "雪。内蒙古大部、东北地",
        "区大部等地将出现大风降",
        "温。",
        "（来源：央视网）",
        "机遇与合作：",
        "“通武廊”社会",
        "工作再携手",
        "为深入推进“通武廊”",
        "社会工作协同发展，促进",
        "三地社工站建设专业化水",
        "平不断提升，近日，由天",
        "津市武清区民政局主办，",
        "武清区社会工作服务站指",
        "导中心承办的“",
        "‘通武廊’",
        "社会工作协同发展框架协",
        "议签订暨三地社工站建设",
    ))
    assert ("heading", "机遇与合作：“通武廊”社会工作再携手") in blocks
    assert any(k == "paragraph" and t.startswith("为深入推进“通武廊”社会工作协同发展") for k, t in blocks)


def test_a_body_line_short_by_a_number_that_came_down_is_still_a_full_line() -> None:
    """"2月中国快递发展指数同比提升" is narrower than the first line above it only because
    "26.7%。" came down: a full line, so "记者从国家邮政局获悉，今年1—" starts the body."""
    blocks = kinds(page(
        "新闻发言人介绍说，他们将通过加强",
        "通道建设、平台建设等举措高质量共",
        "建“一带一路”",
        "。",
        "七位新闻发言人还就创新驱动、",
        "乡村振兴等话题回答了中外记者的提",
        "问。",
        "（据央视网）",
        "新闻速递",
        "1—2月中国快递发展指数同比提升",
        "26.7%",
        "记者从国家邮政局获悉，今年1—",
        "2月中国快递发展指数同比提升",
        "26.7%。预计1—2月快递业务量同比",
        "增速约为23.7%，快递业实现良好开",
        "局，市场规模快速增长。",
        "（来源：央视",
        "网）",
        "总台2024年“3·15”晚会今晚播",
    ))
    assert ("heading", "1—2月中国快递发展指数同比提升26.7%") in blocks
    assert any(k == "paragraph" and t.startswith("记者从国家邮政局获悉") for k, t in blocks)


def test_two_narrow_lines_are_no_headline_where_the_first_has_a_number() -> None:
    """"山东省6600多万亩秋粮目前已" / "收获过半，…": the first line measures narrow only by a guess
    at its digits' width; it is a paragraph's first line, not a headline over one."""
    blocks = kinds(page(
        "邻里生活报 2025年7月31日 星期四 第2版 经济",
        "在希望的田野上",
        "全国秋粮收获过半",
        "农业农村部最新农情调度显",
        "示，眼下全国秋粮收获过半，主产",
        "区已进入收获高峰。",
        "在黑龙江北大荒集团五九七农",
        "场，大型收获机械正在进行联合收",
        "割作业。今年，农场在更换先进机",
        "型的基础上，根据早、中、晚空气",
        "湿度和秸秆含水量的不同，每天三",
        "次调整农机作业部件的运转参数，",
        "确保脱谷率更高，进一步减少机收",
        "损失。",
        "江西省1400多万亩中稻收获已",
        "近8成，1860万亩晚稻中的早熟品",
        "种已经开镰。各地共投入收割机、",
        "烘干机11.16万台套，及时收获中晚",
        "稻。",
        "山东省6600多万亩秋粮目前已",
        "收获过半，在玉米种植大县阳信",
        "县，当地借助肉牛产业优势，推行",
        "“种养结合”",
        "。把玉米秸秆转化成青",
        "贮饲料后，运往当地136家规模化肉",
        "牛养殖厂销售，实现养殖户降本和",
        "种粮户增效的双赢。",
        "用好盐碱地等后备耕地资源，",
        "事关国家粮食安全。在江苏省射阳",
        "县的沿海滩涂，退渔复垦后首次种",
    ))
    assert [t for k, t in blocks if k == "heading"] == [
        "在希望的田野上",
        "全国秋粮收获过半",
    ]
    assert any(k == "paragraph" and t.startswith("山东省6600多万亩秋粮目前已收获过半，") for k, t in blocks)


def test_a_first_line_before_a_bracketed_number_is_short_by_it() -> None:
    """"据日本财务省今天" / "（10月20日）…": the bracket stays with the number, which came down
    whole, so the indented first line is that much shorter, and is no headline's last line."""
    text = page(
        "务项目等领域展开合",
        "作。",
        "（据中国社会工作联合",
        "会）",
        "短讯",
        "日本上半财年贸易逆",
        "差创新高",
        "据日本财务省今天",
        "（10月20日）发布的",
        "数据，受能源价格上",
        "涨、日元急速贬值等因",
        "素影响，日本上半财年",
        "贸易逆差创新高。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks][-2:] == ["heading", "paragraph"]
    assert blocks[-1][1].startswith("据日本财务省今天（10月20日）")


def test_a_first_line_cut_at_its_comma_is_measured_past_its_own_rest() -> None:
    """"今天（3月15日）" / "，国家" is one printed line, an indented first line: the headline
    above it ends there (its own rest is no reference for its width)."""
    text = page(
        "（据央视《新闻联播》",
        "）",
        "陕北到安徽特高压直流输",
        "电工程开工",
        "今天（3月15日）",
        "，国家",
        "电网陕北至安徽正负800千",
        "伏特高压直流输电工程开工",
        "建设。该工程为我国“西电",
        "东送”再添一条大动脉。",
    )
    blocks = kinds(text)
    assert [k for k, _ in blocks] == ["credit", "heading", "paragraph"]
    assert blocks[1][1] == "陕北到安徽特高压直流输电工程开工"


def test_a_wide_lead_whose_first_line_was_cut_at_its_comma_is_no_headline_line() -> None:
    """"共建“一带一路”" / "，顺应时代潮流，…" is one printed line of a wide lead: prose, so the
    headline above ends before it."""
    text = page(
        "进“通武廊”合作交流，共同推进京",
        "津冀协同发展。",
        "（据天津市武清区融媒体中心）",
        "共建“一带一路”",
        "·权威访谈",
        "新疆积极打造我国向西开放的桥头堡",
        "共建“一带一路”",
        "，顺应时代潮流，践行人类命运共同体理念，为全",
        "球治理体系改革提供了中国方案，也开创了我国对外开放的新格局。",
        "《新",
        "闻联播》从今天（10月3日）开始推出系列报道【共建“一带一路”",
    )
    blocks = kinds(text)
    assert blocks[2:4] == [("heading", "共建“一带一路”·权威访谈"), ("heading", "新疆积极打造我国向西开放的桥头堡")]
    assert blocks[4][0] == "paragraph" and blocks[4][1].startswith("共建“一带一路”，顺应时代潮流")


def test_a_kicker_wrapped_inside_a_word_over_a_title_of_narrow_lines() -> None:
    """A narrow column: the kicker wraps inside "基础" (its comma took "础" down with it), the
    title runs three lines of 7 em over a 12 em column. "疆民政事业高质" is as narrow as an
    indented first line, but the line after it is just as narrow and goes on: a headline's."""
    text = page(
        "从投资来看，9月份固",
        "定资产投资完成额指数为",
        "52.5%，环比提高1.9个百分",
        "点，仓储业、水上运输业、",
        "邮政快递业、航空运输业依",
        "然是投资重点领域。",
        "（据央视网）",
        "夯实社会工作理论基",
        "础，促进“政校合作”",
        "社会工作助力新",
        "疆民政事业高质",
        "量发展论坛举办",
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
        "，",
        "近日，新疆维吾尔自治区民",
        "政厅联合新疆大学在乌鲁木",
        "齐举办社会工作助力新疆民",
        "政事业高质量发展论坛。自",
        "治区民政厅党组成员、副厅",
        "长杨中，新疆大学党委常",
        "委、副校长顾光海参加论坛",
        "并致辞，自治区民政厅慈善",
        "事业促进和社会工作处处长",
        "麦合木提江·艾麦提主持会",
        "议。",
        "顾光海介绍了新疆大学",
        "发展历程、学科建设特色，",
        "开展社会工作教学、培养社",
        "会工作人才、参与社会工作",
    )
    blocks = kinds(text)[1:]
    assert blocks[1:3] == [("heading", "夯实社会工作理论基础，促进“政校合作”"), ("heading", "社会工作助力新疆民政事业高质量发展论坛举办")]
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("为进一步夯实社会工作理论基础")
    # near miss (dev03, OCR): an indented first line whose next line is as narrow only by its
    # digits, brackets and spaces, whose widths are a guess
    ocr = kinds(page(
        "月3日) 夜间起，西北、西南部",
        "分地区将出现雨雪天气。其中甘",
        "肃、陕西、四川等地的部分地区",
        "有中到大雨，局地暴雨。青海大",
        "部、甘肃西部等地有中到大雪或",
        "雨夹雪，局地有暴雪或大暴雪。",
        "内蒙古大部、东北地区大部等地",
        "将出现大风降温。",
        "(来源: 央视网)",
        "",
        "雅万高铁开始电气化专业核心",
        "",
        "技术施工",
        "雅万高铁第一根接触网导线",
        "昨天(10月19日) 下午悬挂完",
        "成，标志着雅万高铁开始进入电",
        "气化专业核心技术施工阶段。牙",
        "万高铁是印尼第一条时速 350 公",
        "里的高速铁路，是中国高铁首次",
        "全系统、全要素、全产业链在海",
        "外落地的项目，预计2023年6月",
        "开通运营。",
        "(来源: 央视网)",
        "李克强向科威特首相致咒电",
        "国务院总理李克强19 日致电",
    ))
    assert ("paragraph", "雅万高铁第一根接触网导线昨天(10月19日) 下午悬挂完成，标志着雅万高铁开始进入电气化专业核心技术施工阶段。"
            "牙万高铁是印尼第一条时速 350 公里的高速铁路，是中国高铁首次全系统、全要素、全产业链在海外落地的项目，预计2023年6月开通运营。") in ocr


def test_a_first_line_dated_in_brackets_starts_the_body_under_a_headline() -> None:
    """OCR: "昨天 〈10月19日) 晚上" measures narrow (its brackets read as ASCII), but a date in
    brackets opens a news lead, never a headline."""
    text = page(
        "公益时报",
        "",
        "2025年8月22日 星期五",
        "",
        "二十大新闻中心",
        "举行第四场集体",
        "采访",
        "",
        "昨天 〈10月19日) 晚上",
        "二十大新闻中心举行第四场集",
        "体和采访。重庆、四川、贵州、",
        "",
        "云南、西藏、陕西、甘肃七个",
        "省区市代表团的新闻发言人。",
    )
    blocks = kinds(text)
    assert blocks[2] == ("heading", "二十大新闻中心举行第四场集体采访")
    assert blocks[3][0] == "paragraph" and blocks[3][1].startswith("昨天 〈10月19日) 晚上二十大")


def test_a_headline_over_one_line_cut_off_by_a_jump_line_is_a_headline() -> None:
    """The article starts at a page's foot: its headline, one line of text, then (下转第2版)."""
    text = page(
        "晚会还将在央视财经等同步播出。（据央视《新闻联播》）",
        "德国多个机场安保人员罢工",
        "　　14日，德国服务业联合工会组织德国多个",
        "（下转第2版）",
    )
    assert kinds(text)[2:4] == [("heading", "德国多个机场安保人员罢工"),
                                ("paragraph", "14日，德国服务业联合工会组织德国多个")]
