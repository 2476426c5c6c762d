"""Line kinds that need the lines around them (``normalize.layout.kinds``): page furniture at a
page's edges, credits whose bracket OCR lost, asides in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import INDENT, NEW_PAGE, ROW, blocks_at, hit, kinds, miss, page

from normalize.layout import build_blocks
from normalize.layout.kinds import KIND_PASSES, display_type
from normalize.layout.lines import read_lines
from normalize.loader import load_paths
from normalize.pipeline import document_stages, run_pipeline

# An indented lead over a 16 em column, under the headline of the rows below.
LEAD = [
    INDENT + "近日，新疆维吾尔自治区民政",
    "厅联合新疆大学举办社会工作论坛，",
    "来自各地的代表参加了本次活动。",
]
# "（12月6日-7日）" alone on a line inside a sentence
ASIDE = [
    "承者”转变。活动将于本周末（11月29",
    "日-30日）启动，并延续至下个周末",
    "（12月6日-7日）",
    "。届时，各街道分馆",
    "将在展区联袂呈现“流动非遗市集”",
    "：市",
    "民可在体验区尝试拓印。",
    "（据深圳晚报）",
]
WHY = {"page_edge_names": "page_edge_name", "open_credits": "open_credit", "bracketed_asides": "bracketed_aside",
       "inside_sentences": "inside_sentence", "decoration_runs": "decoration_run", "datelines": "dateline",
       "masthead_debris": "masthead_debris", "signatures": "signature", "section_tags": "section_tag",
       "distribution_block": "distribution_block", "named_again": "named_again", "photo_credits": "photo_credit",
       "offices": ("office_after_story", "office_under_title"), "slashless_bylines": "slashless_byline",
       "compiler_lines": ("compiler_line", "issue_line"), "head_blocks": "head_block", "folio_heads": "folio_head",
       "dated_heads": "dated_head", "crumbed_editors": "crumbed_editor"}
# an OCR text layer's dashed rule, a glyph a line, after a story's last sentence
RULE_RUN = ["－ ——", "卜 －", "—", "＋", "一－—", "·", "卜 －—"]
# OCR's debris between two stories, then a section tag opening on its own line
DEBRIS = ["也守着我的未来。", "·", "…", "、", "～ ｝ ｌ", "、 Ｉ", "／ ～", "，", "【", "生活智慧】"]
# a short story's last lines
VISIT = ["上周末，二十名志愿者走进养老院，陪老人聊天、打扫", "卫生，度过了一个温馨的下午。"]
# OCR's reading of a logo drawn at a page's top, and the first lines of the story under it
MASTHEAD = ["ｌ 瓷", "堍 甏蔑", "魄", "罄 ｜", "ｌ", "《", "氇", "馥 §", "｜", "真 篱典 藏"]
STORY = ["结果出来要7天，我领着阳阳在这个城市的游乐园游", "玩，看着他坐在旋转木马上，向我挥手叫“爸爸”时，", "我的心也飞了起来。"]
# a bulletin's story under its title and office, and a story's first lines
BULLETIN = ["日本上半财年贸易逆差创新高", "市慈善总会", "据日本财务省今天（10月20日）发布", "的数据，日本上半财年贸易逆差创", "新高。"]
CAMPAIGN = ["近日，县民政局联合社区开展复评", "问卷调查活动，号召群众争做文明", "市民，共同维护城市的文明形象。"]
# OCR's reading of a bulletin's masthead: crumbs of its name, its issue, its compiler and its date, a blank between
OCR_MASTHEAD = ["文明创", "", "哇简报", "", "hny", "", "第8期", "", "街道社工站编", "", "2024年5月8日", ""]
# a story closed by its credit, as a typesetter's file stores it before its own headline
CLOSED_STORY = ["社会工作论坛举办", *LEAD, "（据央视《新闻联播》）"]
# a newspaper page's head as its typesetter's file stores it, among the stories: date, editors, section, logo crumbs
PAGE_HEAD = ["2011.5.24星期二", "责任编辑：", "包美芬 /", "版式设计：", "包美芬 /", "文字校对：", "陈玲玲 吴晓玲", "综合新闻",
             "2 NE", "W S", "A", "NME", "N"]
# a long page: its first five and last four lines are its edges (running head, foot)
MIDDLE = ["社会工作论坛举办", "近日，社会工作论坛在乌鲁木齐举办，", "来自各地的代表参加了本次活动，", "大家围绕社会工作交流了经验，",
          "论坛取得了圆满成功。"]


def after_passes(lines: tuple[str, ...], at: int) -> tuple[str, str]:
    """(kind, why) of raw line ``at`` once the kind passes ran over the page's lines."""
    read = read_lines(page(*lines), False)
    for mark in KIND_PASSES:
        mark(read)
    return next((x.kind, x.why) for x in read if x.n == at)


# The kind passes change the kind of some lines, each giving its name (singular) as their why:
# a hit's verdict is the line's (kind, why) after them, a near miss's what it is instead.
KIND_PASS_ROWS = [
    # a column tag set among the lines of the story before its headline
    hit("section_tags", 10, ("label", "section_tag"), [*DEBRIS, "阳阳病愈后，我问他：", "“我到底是不是好爸爸？”"]),
    # near miss: a bracketed dateline under a headline
    miss("section_tags", 3, ("text", ""), ["深大鹏办事处召开社工联席会议共", "话社工服务", "【香港商报网讯】",
                                           "记者朱开芝、通讯员敬天燕报道：近日，大鹏办事处召开社工联席会议，"]),
    # a bulletin's distribution block after its last story
    hit("distribution_block", 4, ("furniture", "distribution_block"),
        [*VISIT, "（县民政局供稿）", "报：市民政局", "送：县委办、县政府办，各乡镇（街道）", "民政办", "县民政局办公室 2024年5月3日印发"]),
    hit("distribution_block", 7, ("furniture", "distribution_block"),
        [*VISIT, "（县民政局供稿）", "报：市民政局", "送：县委办、县政府办，各乡镇（街道）", "民政办", "县民政局办公室 2024年5月3日印发"]),
    # near misses: such a line with a sentence after it, and a story's own last line
    miss("distribution_block", 2, ("text", ""), [*VISIT, "报：市民政局", "全县共有十个社区参加了这次活动。"]),
    miss("distribution_block", 1, ("text", ""), [*VISIT]),
    # an office named under a title that the bulletin names again under another title, or in a credit
    hit("named_again", 2, ("byline", "named_again"), [*BULLETIN, "共建单位为复评齐献力", "市慈善总会", *CAMPAIGN]),
    hit("named_again", 2, ("byline", "named_again"), ["日本上半财年贸易逆差创新高", "东城区民政局", *CAMPAIGN[:2],
                                                      "（东城区民政局供稿）"]),
    # near misses: a title's second line, named nowhere else; a name printed again where no title stands over it
    miss("named_again", 2, ("text", ""), ["深大鹏办事处召开社工联席会议", "共话社工服务", *CAMPAIGN]),
    miss("named_again", 2, ("text", ""), [*BULLETIN[:1], *CAMPAIGN[:2], "市慈善总会", *CAMPAIGN]),
    # a series' subtitle repeated under its titles
    miss("named_again", 2, ("text", ""), ["日本上半财年贸易逆差创新高", "——记者走访见闻", *CAMPAIGN[:2], "",
                                          "共建单位为复评齐献力", "——记者走访见闻", *CAMPAIGN]),
    miss("named_again", 2, ("text", ""), ["日本上半财年贸易逆差创新高", "一一记者走访见闻", *CAMPAIGN[:2], "",
                                          "共建单位为复评齐献力", "一一记者走访见闻", *CAMPAIGN]),  # (OCR's dash)
    # a line of running text that wraps alike twice, as long as the column's lines
    miss("named_again", 2, ("text", ""), ["重庆和四川代表团", "的两位新闻发言人介绍", "说，两年多来，两省市高质",
                                          "地，陕西和云南代表团", "的两位新闻发言人介绍", "说，他们将通过加强通道"]),
    # a photographer's credit, also as extraction split it
    hit("photo_credits", 3, ("noise", "photo_credit"), [*VISIT, "陈维连/摄", "科普宣传上街", *CAMPAIGN]),
    hit("photo_credits", 4, ("noise", "photo_credit"), [*VISIT, "陈维连/", "摄", "科普宣传上街", *CAMPAIGN]),
    # near misses: a name and a slash that no 摄 follows; a byline opening with its word
    miss("photo_credits", 3, ("text", ""), [*VISIT, "陈维连/", "科普宣传上街", *CAMPAIGN]),
    miss("photo_credits", 3, ("byline", "byline_line"), [*VISIT, "文/姜钦峰", *CAMPAIGN]),
    # a page's head printed between two stories: its date over the editors' line, its section name among logo crumbs
    hit("head_blocks", 8, ("furniture", "head_block"), [*MIDDLE, *VISIT, *PAGE_HEAD, *CAMPAIGN]),
    hit("head_blocks", 15, ("furniture", "head_block"), [*MIDDLE, *VISIT, *PAGE_HEAD, *CAMPAIGN]),
    # near misses: a title right under the head; a page's own head at its top, a kicker and title under it; a head
    # whose lines above may be a sentence's
    miss("head_blocks", 10, ("text", ""), [*VISIT, *PAGE_HEAD[:7], "科普宣传上街", *CAMPAIGN]),
    miss("head_blocks", 2, ("text", ""), ["基层治理导刊 要闻 2025年3月18日 星期二 第4版", "机遇与合作：", "“通武廊”社会工作",
                                          "再携手", "为深入推进“通武廊”社会工作", "协同发展，促进三地社工站建设专业"]),
    miss("head_blocks", 2, ("text", ""), [VISIT[0], "2011.5.24星期二", "责任编辑：", "包美芬 /", VISIT[1]]),
    # near miss: the next story's title and its first lines under an editors' line, one ending on a colon
    miss("head_blocks", 3, ("text", ""), ["前一篇报道的正文结束了。", "责任编辑：包美芬", "社区开展普法活动",
                                          "区民政局局长在会上说：", "今年全区新增社工站十二", "个，服务居民三万人次。"]),
    # the county page's head as tesseract reads it, at the page's top: dated in figures, with its weekday
    hit("dated_heads", 3, ("furniture", "dated_head"), ["2", "", "综合新闻 2011.5.24 星期二", "", *CAMPAIGN]),
    # near misses: the same inside the page (a typesetter's file cuts a sentence around its date); a date alone
    miss("dated_heads", 7, ("text", ""), [*MIDDLE, "活动定于", "2011.5.24星期二", "在县城举行，", *MIDDLE]),
    miss("dated_heads", 2, ("text", ""), ["活动定于", "2011.5.24星期二", "在县城举行，", *MIDDLE]),  # (at the top)
    miss("dated_heads", 7, ("text", ""), [*MIDDLE, "活动定于", "\f2011.5.24星期二", "在县城举行，", *MIDDLE]),  # (a new page)
    miss("dated_heads", 7, ("text", ""), [*MIDDLE, "活动圆满结束。", "\f2011.5.24星期二上午", "全县举行了复评仪式。",
                                          *MIDDLE]),
    miss("dated_heads", 3, ("text", ""), ["2", "", "2011.5.24", "", *CAMPAIGN]),
    # OCR's crumbs of the logo before the editors' line, a wide space between, under the page's head
    hit("crumbed_editors", 4, ("furniture", "crumbed_editor"), ["2", "", "综合新闻 2011.5.24 星期二",
                                                                "5外 喇            责任编辑:包美芬 / 版式设计:包美芬",
                                                                "", *CAMPAIGN]),
    # near misses: a procedure's step at a page's top, away from any head; prose after the label
    miss("crumbed_editors", 1, ("text", ""), ["第二   审核：通过后上报县民政局备案", *CAMPAIGN]),
    miss("crumbed_editors", 4, ("text", ""), ["2", "", "综合新闻 2011.5.24 星期二", "他说   责任编辑：张三审过了，",
                                              "", *CAMPAIGN]),
    # a magazine page's number and section name on one line at its top, under OCR's reading of its banner
    hit("folio_heads", 2, ("furniture", "folio_head"), ["和和人扩放于攻拓区", "2真情典藏", "", *STORY]),
    # near misses: a title wrapped inside its number; counts; such a line under the page's first sentence
    miss("folio_heads", 2, ("text", ""), ["西部陆海新通道铁海", "联运班列累计开行3", "万列", *STORY]),
    miss("folio_heads", 1, ("text", ""), ["10名志愿者获表彰", *STORY]),
    miss("folio_heads", 1, ("text", ""), ["100天攻坚行动", *STORY]),
    miss("folio_heads", 4, ("text", ""), [*STORY, "2真情典藏", *STORY]),
    # a bulletin's masthead that OCR broke into crumbs: its issue's number and its compiler over its date
    hit("compiler_lines", 9, ("furniture", "compiler_line"), [*OCR_MASTHEAD, "日本上半财年贸易逆差创新高", *LEAD]),
    hit("compiler_lines", 7, ("furniture", "issue_line"), [*OCR_MASTHEAD, "日本上半财年贸易逆差创新高", *LEAD]),
    # near misses: a line ending on 编 beside no dated line; an issue's number inside a page
    miss("compiler_lines", 1, ("text", ""), ["社区新编", *LEAD]),
    miss("compiler_lines", 11, ("text", ""), [*MIDDLE, *MIDDLE, "第8期", *MIDDLE, *MIDDLE]),
    # a byline whose slash OCR lost, under a title, in a document whose other byline has its slash
    hit("slashless_bylines", 3, ("byline", "slashless_byline"),
        ["我国西部多地今夜起将出现雨雪", "天气", "文陈思运", "", *CAMPAIGN, "", "科普宣传上街", "文/李晓明", *LEAD]),
    hit("slashless_bylines", 3, ("byline", "slashless_byline"),
        ["非遗民俗文献展邀市", "民“宝读诗书”", "文李璐", *CAMPAIGN, "", "科普宣传上街", "文/李晓明", *LEAD]),
    # a word 文 begins, where another byline of the page names the writer so (文王 for 文/王璐)
    hit("slashless_bylines", 3, ("byline", "slashless_byline"),
        ["非遗民俗文献展邀市", "民“宝读诗书”", "文王", *CAMPAIGN, "", "科普宣传上街", "文/王璐", *LEAD]),
    # or over a dateline opening the body
    hit("slashless_bylines", 2, ("byline", "slashless_byline"),
        ["邮政储蓄银行老区小学献爱心", "文陈思远", "", "本报讯（记者陈玲玲）5月20日下午，亭旁镇中心小学里", "掌声雷鸣。"]),
    # near misses: neither a byline of the document with its slash nor a dateline; a title's last word wrapped
    # onto a line of its own
    miss("slashless_bylines", 3, ("text", ""), ["我国西部多地今夜起将出现雨雪", "天气", "文陈思运", "", *CAMPAIGN]),
    # a title's words that 文 begins, over a dateline: 文明 is a word, and no byline of the page names a writer 明…
    miss("slashless_bylines", 2, None,
         ["争创全国", "文明城市", "", "本报讯（记者陈玲玲）5月20日下午，亭旁镇中心小学里", "掌声雷鸣。"]),
    miss("slashless_bylines", 2, ("text", ""),
         ["弘扬传统美德传承中华", "文化", "", *CAMPAIGN, "", "科普宣传上街", "文/李晓明", *LEAD]),
    # an office signing the story, at the document's end
    hit("signatures", 3, ("credit", "signature"), [*VISIT, "XX区民政局"]),
    # and before the next story, a blank line after it
    hit("signatures", 3, ("credit", "signature"), [*VISIT, "XX区民政局", "", "街道开展消防演练", "", *LEAD]),
    # near miss: a headline has its body right under it
    miss("signatures", 3, ("text", ""), [*VISIT, "街道开展消防演练", *LEAD]),
    # near miss: OCR broke a sentence with a blank line, its word running on below
    miss("signatures", 3, ("text", ""), [*VISIT, "天津市民政局和北京市通", "", "州区、武清区相关领导参加。"]),
    # an office's name set flush right under its story, the next story's title right under it
    hit("offices", 3, ("credit", "office_after_story"), [*VISIT, "县残疾人联合会", "街道开展消防演练", *LEAD]),
    hit("offices", 3, ("credit", "office_after_story"), [*VISIT, "东城区民政局", "科普宣传上街", "", *CAMPAIGN]),
    # over a title whose 、 lists two of its words (ReportLab seed 283)
    hit("offices", 3, ("credit", "office_after_story"), [*VISIT, "县残疾人联合会", "相约“5.20”表白、", "登记迎来小高潮",
                                                         "文/周文静", *LEAD]),
    # near misses: the office is the subject of the title line under it, over the story's dateline, whatever
    # their widths: the title's first line (a centred title puts a short subject over a long predicate)
    miss("offices", 3, ("text", ""), [*VISIT, "城南社区卫生服务中心", "开展免费义诊进社区",
                                      "本报讯（记者 李晓明）日前，城南社区卫生服务中心的",
                                      "医生来到社区广场，为居民免费义诊。"]),
    miss("offices", 3, ("text", ""), [*VISIT, "东城区民政局", "召开社会救助工作推进会",
                                      "本报讯（记者 李晓明）日前，东城区民政局召开社会救助",
                                      "工作推进会，部署下半年工作。"]),
    # ... unless the document prints the name alone on another line too: a bulletin's office signing the story above
    # (bulletin seed 67's 县民政局办公室 / 共建单位为复评齐献力, the office under another story's title)
    hit("offices", 5, ("credit", "office_after_story"), ["快递发展指数同比提升", "县民政局办公室", *VISIT, "县民政局办公室",
                                                         "共建单位为复评齐献力", "本报讯（记者 陈玲玲）日前，县委宣传部全体",
                                                         "机关干部来到共建单位，清理卫生死角。"]),
    # near miss: the masthead alone names it: the title's first line still
    miss("offices", 5, ("text", ""), ["文明创建简报", "县民政局办公室编", *VISIT, "县民政局办公室", "召开全体干部专题会议",
                                      "本报讯（记者 陈玲玲）5月20日，县民政局办公室召开全体", "干部大会，部署下一阶段重点工作。"]),
    # near miss: a one-line title over a body whose first line has a 、
    miss("offices", 3, ("text", ""), [*VISIT, "最美巾帼志愿服务队", "巾帼志愿者、党员志愿者组成", "的服务队，常年活跃在社区，",
                                      "为居民提供各类服务。"]),
    # a name under a title ending on ！, over a body whose first line has a 、, is the title's byline
    hit("offices", 4, ("byline", "office_under_title"), [*VISIT, "助残日活动温暖人心！", "县残疾人联合会",
                                                          "县残联、县妇联联合举办的", "助残日活动于5月16日在中心",
                                                          "广场举行，吸引众多群众。"]),
    # at a page's foot over its folio, a bare number no line ending on a digit takes in (another typesetter's pages)
    hit("offices", 3, ("credit", "office_after_story"), [*VISIT, "县残疾人联合会", "2", NEW_PAGE + "街道开展消防演练",
                                                        *LEAD]),
    # and under a title, over its story: the byline
    hit("offices", 2, ("byline", "office_under_title"), ["街道开展消防演练", "县残疾人联合会", *LEAD]),
    # under a title with its 、, which no headline line could have elsewhere, over the story's dateline
    hit("offices", 4, ("byline", "office_under_title"), [*VISIT, "相约“5.20”表白、登记迎来小高潮", "街道社工站",
                                                        "本报讯（记者吴晓玲）“5.20”的谐音是“我爱你”，网络虚拟世",
                                                        "界迎来了表白高峰期。"]),
    # under a title ending on a quote, which ends no sentence there; over a page's number and break
    hit("offices", 4, ("byline", "office_under_title"), [*VISIT, "非遗民俗文献展邀市民“宝读诗书”", "东城区民政局", *LEAD]),
    hit("offices", 5, ("byline", "office_under_title"), [*VISIT, "邮政储蓄银行老区小学献爱心", "— 2 —",
                                                        NEW_PAGE + "县残疾人联合会", *LEAD]),
    # near miss: under a credit wrapped over two lines, the story closed: a title's first line (held-out seed 47)
    miss("offices", 4, ("text", ""), ["增速约为23.7%，快递业实现良好开", "局，市场规模快速增长。（来源：央", "视网）", "中国社会工作联合会", "儿童社会救助工作委",
                                      "员会换届大会在京举", "行", *LEAD]),
    # ... also where the credit opened on a line of its own, already read as a credit left open (held-out seed 71)
    miss("offices", 6, ("text", ""), ["局，全面促进“通武廊”", "合作交流，共同推进京津", "冀协同发展。", "（据天津市武清区融媒体", "中心）",
                                      "二十大新闻中心", "举行第四场集体", "采访", "昨天（10月19日）晚", "上，二十大新闻中心举行",
                                      "第四场集体采访。重庆、", "四川、贵州、云南、西", "藏、陕西、甘肃七个省区"]),
    # ...but under a title wrapped inside its brackets, over its story: the byline
    hit("offices", 3, ("byline", "office_under_title"), ["全省社会救助工作会议召开（附", "会议精神）", "县残疾人联合会",
                                                        *LEAD]),
    # near misses: a kicker over a title; a title with its verb on two lines; a title over its subtitle
    miss("offices", 3, ("text", ""), [*VISIT, "文明创建进行时", "街道开展消防演练", *LEAD]),
    # near miss: the title's first line under its kicker, its predicate going on in a title's lines (modules seed 5)
    miss("offices", 4, ("text", ""), [*VISIT, "文明创建进行时", "二十大新闻中心", "举行第四场集体", "采访", *LEAD]),
    # ... but under a subtitle it is the byline, whatever the lines under it (bulletins seed 79)
    hit("offices", 3, ("byline", "office_under_title"), ["日本上半财年贸易逆差创新高", "——一线观察之二", "县残疾人联合会",
                                                        "举行第四场集体", "采访", *LEAD]),
    # ... and under a title, over a narrow column's first line with no clause mark that prose goes on from
    hit("offices", 4, ("byline", "office_under_title"), [*VISIT, "社区开展消防演练", "城南街道办事处",
                                                        "为进一步提高居民消防", "安全意识，街道组织了一次演练，",
                                                        "居民踊跃参加。"]),
    miss("offices", 3, ("text", ""), [*VISIT, "市残联召开座谈会", "部署下半年工作", *LEAD]),
    miss("offices", 3, ("text", ""), [*VISIT, "县残疾人联合会", "——成立三十周年纪实", *LEAD]),
    # near misses: an event's name as a kicker; an office that is the subject of a title's second line over its
    # body; an office in running text that goes on through it
    miss("offices", 3, ("text", ""), [*VISIT, "杭州亚运会", "中国代表团金牌数创新高", *LEAD]),
    miss("offices", 3, ("text", ""), [*VISIT, "城南社区卫生服务中心", "开展免费义诊进社区", *LEAD]),
    miss("offices", 2, ("text", ""), ["日前，社区居委会联合城南街道", "县残疾人联合会", "开展助残日活动，为辖区残疾人",
                                      "送去轮椅、助听器等辅具。"]),
    miss("offices", 2, ("text", ""), ["日前，社区居委会联合城南街道", "县残疾人联合会", "在社区广场举办助残日活动，",
                                      "为辖区残疾人送去轮椅等辅具。"]),
    miss("offices", 3, ("text", ""), [*VISIT, "城南社区卫生服务中心", "为居民免费义诊送健康", *LEAD]),
    # near miss: a narrow column's line of running text, as long as the column's lines
    miss("offices", 5, ("text", ""), ["农业农村部最新农情调度", "显示，眼下全国秋粮收获", "过半，主产区已进入收获",
                                      "高峰。", "黑龙江北大荒集团", "五九七农场，大型收获机", "械正在进行收割作业。"]),
    # OCR of a magazine's logo and its section name over the page's first story
    hit("masthead_debris", 4, ("noise", "masthead_debris"), [*MASTHEAD, *STORY]),
    # near miss: a section tag and a title set short have no debris in them
    miss("masthead_debris", 2, ("text", ""), ["【生活智慧】", "内心强大", "则世界辽阔", *STORY]),
    # the paper's name alone above the dated line at a page's top
    # OCR's crumbs of a running foot: the paper's name over its date, edition and section
    hit("page_edge_names", 5, ("furniture", "page_edge_name"), ["社会工作论坛举办", *LEAD, "民生周刊",
                                                                "2024年7月29日 星期一 第5版 民生"]),
    # OCR's reading of a magazine's banner over its page number and section name: not the story's kicker
    hit("page_edge_names", 1, ("furniture", "page_edge_name"), ["和和人扩放于攻拓区", "2真情典藏", "", *STORY]),
    hit("page_edge_names", 1, ("furniture", "page_edge_name"), [
        "民生周刊",
        "2024年7月29日 星期一 第5版",
        "社会工作论坛举办",
        *LEAD,
    ]),
    # at its foot: the name above the dated foot line (the foot is read upwards)
    hit("page_edge_names", 5, ("furniture", "page_edge_name"), [
        "社会工作论坛举办",
        *LEAD,
        "民生周刊",
        "2024年7月29日 星期一 第5版",
    ]),
    # near miss: a title alone after its story, over a running foot that names its paper itself
    miss("page_edge_names", 6, ("text", ""), [
        *CLOSED_STORY,
        "孤儿核查工作圆满完成",
        "东城社区报 2025年5月20日 星期二 第5版 综合新闻",
    ]),
    # near miss: a title wrapped over three lines after its story, over the running foot (a typesetter's file)
    miss("page_edge_names", 8, ("text", ""), [
        *CLOSED_STORY,
        "习近平致电祝贺",
        "穆伊兹当选马尔",
        "代夫总统",
        "民政工作通讯 2025年5月20日 星期二 第3版",
    ]),
    # near miss: a title left at a page's foot over the page number alone heads the next page's text
    miss("page_edge_names", 5, ("text", ""), [
        "社会工作论坛举办",
        *LEAD,
        "科普宣传上街",
        "— 1 —",
        NEW_PAGE + "5月19日，县科技局牵头组织了县科协、林业局、农",
        "业局等单位在县首府广场举行了宣传活动。",
    ]),
    # too long for a name: prose
    miss("page_edge_names", 1, ("text", ""), [
        "民生周刊社会工作论坛今日举办",
        "2024年7月29日 星期一 第5版",
        "社会工作论坛举办",
        *LEAD,
    ]),
    # wrapped in a narrow column, closed by the line right under it, over an upright title's line (made one)
    hit("open_credits", 2, ("credit", "open_credit"), [
        "受到影响。",
        "（据央视《新闻联",
        "播》）",
        "德", "国", "多", "个", "机", "场", "罢", "工",
        "本报讯（记者 刘洋）今天（10月8日），一列装载",
    ]),
    # OCR lost the closing bracket: after a sentence end, a gap after it
    hit("open_credits", 2, ("credit", "open_credit"), [
        "经济”相关话题深入交流。",
        "〈据央视《新闻联播户",
        "",
        "陕北到安徽特高压直流输",
        "电工程开工",
    ]),
    # its closing marks read as a glyph, the next story's first line closing a bracket of its own
    hit("open_credits", 2, ("credit", "open_credit"), [
        "客的出行受到影响。",
        "〈据央视《新闻联播疙",
        "",
        "日本上半财年贸易逆差创新高",
        "据日本财务省今天〈10月20日)发布的数据，",
    ]),
    # and right over the next title, which OCR's 。 for a dot makes look like a sentence
    hit("open_credits", 2, ("credit", "open_credit"), [
        "出行受到影响。",
        "(据央视《新闻联播轧",
        "总台2024年“3。15”",
        "会今晚播出",
    ]),
    # its title goes on to the next line, which closes it, bracket and all: a credit wrapped, which takes it in
    hit("open_credits", 2, ("credit", "open_credit"), [
        "断取得新进展。",
        "(据央视《新闻联",
        "播》)",
        "",
        "日本上半财年贸易逆差创新高",
    ]),
    hit("open_credits", 2, ("credit", "open_credit"), [
        "乘客的出行受到影响。",
        "（来源：央视",
        "网）",
        "",
        "德国多个机场罢工",
        "",
        "本报讯（记者 刘洋）今天（10月8日），一列装载110个集装箱的铁海联运班列从广西钦州港站开出。",
    ]),
    # an office's 供稿 whose closing bracket OCR lost
    hit("open_credits", 2, ("credit", "open_credit"), [
        "区内各个点设立调查问卷点。",
        "(社区服务中心供稿",
        "",
        "用电高峰来了！",
    ]),
    # an office alone, OCR's 《 for its bracket, the closing one lost
    hit("open_credits", 2, ("credit", "open_credit"), [
        "减轻了社区的工作压力。",
        "《市慈善总会",
        "",
        "用电高峰来了！",
    ]),
    # near miss: the bracket opens an aside the next line goes on with
    miss("open_credits", 2, ("text", ""), [
        "减轻了社区的工作压力。",
        "(市慈善总会",
        "也派人参加了这次活动）。",
    ]),
    # mid-sentence: an aside
    miss("open_credits", 2, ("text", ""), [
        "据介绍，这次会议",
        "（据央视报道称",
        "明天还要继续。",
    ]),
    hit("bracketed_asides", 3, ("text", "bracketed_aside"), ASIDE),
    # an OCR text layer prints a unit on a line of its own inside a sentence
    hit("inside_sentences", 8, ("text", "inside_sentence"), [
        *MIDDLE, "那场雨是今年最大的一场雨，他病了，烧到39.5", "", "℃ 。", "", "我被医生一通骂。", *MIDDLE]),
    # near miss: a number after a sentence end, between two articles, stays a page number
    miss("inside_sentences", 8, ("furniture", "page_number"), [
        *MIDDLE, "那场雨是今年最大的一场雨，冲断了很多路。", "", "5", "", "我被医生一通骂。", *MIDDLE]),
    hit("decoration_runs", 3, ("noise", "decoration_run"), [
        "说完，我把手里的纸撕了，抛撒在妻子的坟头上……", *RULE_RUN, "内心强大则世界辽阔"]),
    hit("decoration_runs", 2, ("noise", "decoration_run"), DEBRIS),
    # near miss: the sentence above goes on below the run; nothing of a sentence is noise
    miss("decoration_runs", 3, ("text", ""), ["说完，我把手里的纸撕了，抛撒在妻子的", *RULE_RUN, "坟头上。"]),
    # near miss: a last line that opens a bracket belongs to the line below
    miss("decoration_runs", 9, ("noise", "no_letters"), DEBRIS),
    hit("datelines", 3, ("text", "dateline"), [
        "孤儿核查工作圆满完成", "本报讯", "（记者 谢芳 通讯员 李淑华）", "为做好儿童福利工作，我县启动孤儿身份认定。"]),
    # near miss: the reporters closing a brief are its credit
    miss("datelines", 2, ("credit", "credit_line"), ["为做好儿童福利工作，我县启动孤儿身份认定。", "（记者 谢芳 通讯员 李淑华）"]),
    # after a sentence end, a bracketed line is the story's source
    miss("bracketed_asides", 2, ("credit", "bracketed_line"), [
        "民可在体验区尝试拓印。",
        "（深圳晚报）",
        "。",
    ]),
]


@pytest.mark.parametrize(ROW, KIND_PASS_ROWS)
def test_kind_passes(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    got = after_passes(lines, at)
    if not is_hit:
        assert got[1] not in (WHY[rule] if isinstance(WHY[rule], tuple) else (WHY[rule],))
        assert verdict is None or got == verdict
        return
    assert got == verdict
    # the blocks show it: furniture or a credit naming the pass, a bracketed aside inside a paragraph
    kind, why = verdict
    at_line = [(b["kind"], b["why"]) for b in blocks_at(build_blocks(page(*lines)), at)]
    if kind == "text":
        assert [k for k, _ in at_line] == ["paragraph"]
    else:  # (a label line is a heading block, a byline a paragraph of its own)
        assert ({"label": "heading", "byline": "paragraph"}.get(kind, kind), why) in at_line


def test_a_bracketed_line_inside_a_sentence_is_prose_not_a_credit() -> None:
    """"（12月6日-7日）" alone on a line, between "…下个周末" and "。届时…", is part of the sentence."""
    text = page(
        "承者”转变。活动将于本周末（11月29",
        "日-30日）启动，并延续至下个周末",
        "（12月6日-7日）",
        "。届时，各街道分馆",
        "将在展区联袂呈现“流动非遗市集”",
        "：市",
        "民可在体验区尝试拓印。",
        "（据深圳晚报）",
    )
    assert kinds(text) == [("paragraph", "承者”转变。活动将于本周末（11月29日-30日）启动，并延续至下个周末（12月6日-7日）。届时，"
                                         "各街道分馆将在展区联袂呈现“流动非遗市集”：市民可在体验区尝试拓印。"), ("credit", "（据深圳晚报）")]
    # near miss: a bracketed line after a sentence end is the article's source
    assert kinds(page(
        "民可在体验区尝试拓印。",
        "（深圳晚报）",
        "。",
    ))[1] == ("credit", "（深圳晚报）")


@pytest.mark.parametrize("credit", [[
    "（据央视《新闻联播》",
    "）",
], [
    "（据央视",
    "《新闻联播》",
    "）",
]])
def test_credit_split_over_two_or_three_lines_is_a_credit_block(credit: list[str]) -> None:
    text = page(
        "新闻发言人介绍了有关情况。",
        *credit,
        "李克强向科威特首相",
        "致贺电",
        "国务院总理李克强",
        "19日致电艾哈迈德，祝贺",
        "他就任科威特国首相。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "credit", "heading", "paragraph"]
    assert kinds(text)[1] == ("credit", "（据央视《新闻联播》）")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # OCR lost or misread the closing bracket: still the article's credit
        (["经济”相关话题深入交流。",
          "〈据央视《新闻联播户",
          "",
          "陕北到安徽特高压直流输",
          "电工程开工"],
         ["paragraph", "credit", "heading"]),
        (["取得新进展。",
          "(据央视《新闻联播访",
          "1一2月中国快递发展指数同比提",
          "升26.7%",
          "",
          "记者从国家邮政局获悉，今年",
          "1—2月中国快递发展指数同比。"],
         ["paragraph", "credit", "heading", "paragraph"]),
        # near misses: mid-sentence, or a long bracketed aside, is text
        (["据介绍，这次会议",
          "（据央视报道称",
          "明天还要继续。"], ["paragraph"]),
        (["取得新进展。",
          "（据统计，全年共开行班列三万列，比去年多",
          "了一成。"], ["paragraph", "paragraph"]),
        (["全市养老服务取得新进展。",
          "（据不完全统计全市共有",
          "养老机构三百余家）共",
          "收住老人两万余人。"],
         ["paragraph"]),  # an aside whose bracket closes in the prose below
    ],
)
def test_a_credit_whose_closing_bracket_ocr_lost(lines: list[str], expected: list[str]) -> None:
    assert [k for k, _ in kinds(page(*lines))] == expected


def test_credit_printed_at_the_end_of_the_last_line_is_cut_off() -> None:
    text = page(
        "七位新闻发言人还就创新驱",
        "动、乡村振兴等话题回答了中外",
        "记者的提问。（据央视网）",
    )
    assert kinds(text) == [("paragraph", "七位新闻发言人还就创新驱动、乡村振兴等话题回答了中外记者的提问。"),
                           ("credit", "（据央视网）")]


def test_bare_source_name_after_the_last_sentence_is_a_credit() -> None:
    text = page(
        "新闻发言人介绍了有关",
        "的情况和下一步的工作安",
        "排，大家都表示很满意。",
        "（中国新闻网）",
    )
    assert kinds(text)[-1] == ("credit", "（中国新闻网）")
    text = page(
        "新闻发言人介绍了有关",
        "的情况和下一步的工作安",
        "排。（中国新闻网）",
    )
    assert kinds(text) == [("paragraph", "新闻发言人介绍了有关的情况和下一步的工作安排。"), ("credit", "（中国新闻网）")]
    # near-miss: a parenthesis inside a sentence is prose
    text = page(
        "会议（以下简称“大会”）在京",
        "举行，各方代表参加了会议。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph"]


def test_ocr_paper_and_section_names_above_the_dated_line_are_furniture() -> None:
    head = [
        "民政简报",
        "",
        "ra",
        "综合",
        "",
        "2025年4月26日 星期六 第5版",
        "",
    ]
    story = [
        "非遗民俗文献展邀市民“宝读诗书”",
        "",
        "“原来三月三是为了庆祝北帝诞",
        "辰，祈求这位水神保佑我们风调雨",
        "顺、驱那避灾，难怪每年这天宝安人",
        "都要举行舞龙醒狮等盛大庆典! “”“松",
        "岗七星的鼓点暗合北斗七星方位。",
    ]
    blocks = kinds(page(*head, *story))
    assert [k for k, _ in blocks] == ["furniture"] * 4 + ["heading", "paragraph"]
    # "…北帝诞" / "辰，祈求": OCR's uneven widths make two narrow lines, but the second goes on
    # with the word the first broke: no headline's last line above an indented first line
    assert blocks[-1][1].startswith("“原来三月三是为了庆祝北帝诞辰，")
    # near miss: a short headline under the dated line stays a headline
    moved = ["2025年4月26日 星期六 第5版", "", "简讯", "", *story]
    assert [k for k, _ in kinds(page(*moved))] == ["furniture", "heading", "heading", "paragraph"]


def test_ocr_page_tops_with_a_misread_section_name_and_a_gap_in_the_dated_line() -> None:
    """OCR reads "邻里生活报 社会" as "邻里生活报 it会" (9 characters), and prints a running head's
    date and page number far apart on one line: both are still furniture."""
    story = [
        "",
        "西乡北帝三月三精",
        "彩不断!",
        "",
        "西乡历史文化展游",
        "人如织",
        "",
        "传承保护数百载，丙璨非遗放",
        "",
        "异彩。为期9天的省级非遗一一西乡北帝",
        "三月三庙会精彩还在继续，吸引了众",
        "多市民前来。",
    ]
    blocks = kinds(page(
        "邻里生活报 it会",
        "",
        "2025年6月15日 星期日" + " " * 24 + "第3版 国际",
        *story,
    ))
    assert [k for k, _ in blocks] == ["furniture", "furniture", "heading", "heading", "paragraph"]
    # OCR set the lead's first line apart; the next line ends its sentence first: a body's line
    assert blocks[-1][1].startswith("传承保护数百载，丙璨非遗放异彩。为期9天")
    # near miss: prose of 13 characters above the dated line is no paper name
    assert kinds(page(
        "这是一行很长的正文内容不是报名",
        "",
        "2025年6月15日 星期日 第3版",
        *story,
    ))[0][0] != "furniture"


@pytest.mark.parametrize(("second", "byline", "first_text"), [
    # an OCR layer's byline whose name opens the next line, a space after it
    ("姜钦峰 有个年轻人去庙里问高僧：", "◎ 文／姜钦峰", "有个年轻人去庙里问高僧："),
    # near miss: no space after the first words, the line is the story's
    ("有个年轻人去庙里问高僧：", "◎ 文／", "有个年轻人去庙里问高僧："),
])
def test_a_bylines_name_on_the_next_line_goes_to_the_byline(second: str, byline: str, first_text: str) -> None:
    lines = read_lines(page("◎ 文／", second, "为什么我老是觉得痛苦？"), False)
    assert (lines[0].kind, lines[0].text) == ("byline", byline)
    assert (lines[1].kind, lines[1].text) == ("text", first_text)


def test_an_office_named_again_parts_each_title_from_its_story() -> None:
    """A bulletin's two stories, each office under its title named twice: each title is a headline of its own,
    even the document's first line, and each office a byline, in no title and no paragraph."""
    text = page(*BULLETIN, "", "共建单位为复评齐献力", "市慈善总会", *CAMPAIGN)
    got = [(b["kind"], b.get("role"), b["text"]) for b in build_blocks(text)]
    assert got == [("heading", "title", BULLETIN[0]), ("paragraph", "byline", "市慈善总会"),
                   ("paragraph", None, "".join(BULLETIN[2:])), ("heading", "title", "共建单位为复评齐献力"),
                   ("paragraph", "byline", "市慈善总会"), ("paragraph", None, "".join(CAMPAIGN))]


@pytest.mark.xfail(strict=True, reason="an office's name that ends a two-line title (the object of its verb) reads "
                   "as the story's byline: the text alone does not tell the two apart")
def test_an_office_ending_a_two_line_title_is_the_titles() -> None:
    assert after_passes((*VISIT, "喜报！我区这支队伍获评", "全国先进志愿服务队", *LEAD), 4) == ("text", "")


def ocr_page(top: list[tuple[str, float, float]], body: int = 24) -> tuple[str, dict]:
    """A scanned page as OCR gives it: ``top`` lines (text, left edge, height in px) over a story of
    ``body`` lines, 50 px high, in a column from x 230 to 1270."""
    rows: list[str] = []
    boxes: list[list[float] | None] = []
    y = 100.0
    for text, x0, height in top:
        rows.append(text)
        boxes.append([1, x0, y, x0 + len(text) * height, y + height, height, 0, 0])
        y += height + 20
    rows.append("")
    boxes.append(None)
    for k in range(body):
        x0 = 330.0 if k == 0 else 230.0
        rows.append("结果出来要七天，我领着阳阳在这个城市的游乐园游" if k < body - 1 else "我的心也飞了起来。")
        boxes.append([1, x0, y, 1270.0, y + 50, 50.0, 1, 0])
        y += 70
    return "\n".join(rows), {"unit": "px", "lines": boxes}


# An OCR page's top lines (text, left edge, height in px) over a story in a column 230 px in
BOX_PASS_ROWS = [
    # a magazine's section banner and issue, four em out in the margin: running heads
    hit("margin_heads", 2, "margin_head", [("和和人扩放于攻拓区", 29.0, 61.0), ("2真情典藏", 43.0, 83.0)]),
    # a title inside the text block, however large, heads the story
    miss("margin_heads", 1, "headline_before_body", [("内心强大则世界辽阔", 300.0, 100.0)]),
    # out in the margin but holding a clause: text
    miss("margin_heads", 1, None, [("2真情典藏，结果", 43.0, 83.0)]),
    # a line set twice the body's size, by its x-height and its box: display type
    hit("display_type", 1, True, [("物流业景气水平加快", 230.0, 100.0)]),
    # near miss: a size up (a lead, a kicker) is not display type
    miss("display_type", 1, False, [("物流业景气水平加快", 230.0, 60.0)]),
]


@pytest.mark.parametrize(ROW, BOX_PASS_ROWS)
def test_box_passes(rule: str, lines: tuple, at: int, verdict: object, is_hit: bool) -> None:
    text, layout = ocr_page(list(lines))
    if rule == "display_type":  # (what it marks, each line's ``display``, is for the headline checks to read)
        read = read_lines(text, False)
        display_type(read, layout["lines"])
        assert [ln.display for ln in read if ln.n == at] == [verdict]
        return
    blocks = build_blocks(text, layout)
    why = {n: b["why"] for b in blocks for n in range(b["lines"][0], b["lines"][1] + 1)}
    if is_hit:
        assert why[at] == "margin_head"
        assert not [b for b in blocks if b["kind"] == "heading"]  # (the story under it has no title)
    else:
        assert why[at] != "margin_head"
        assert verdict is None or why[at] == verdict


def test_a_page_with_too_few_body_lines_measures_no_margin() -> None:
    text, layout = ocr_page([("和和人扩放于攻拓区", 29.0, 61.0)], body=12)
    assert not [b for b in build_blocks(text, layout) if b.get("why") == "margin_head"]


def test_the_magazine_scans_banner_is_a_running_head_and_its_first_story_has_no_title() -> None:
    """The scanned magazine page opens in the middle of a story carried over from the page before, under
    the magazine's section banner out in the margin (gold: no title)."""
    folder = Path(__file__).resolve().parents[2] / "shared" / "real" / "hocr" / "mag12img"
    if not folder.exists():
        pytest.skip("../shared is not beside this checkout")
    docs = load_paths([str(folder)], pages_per_folder=True, glob="*.hocr")
    first = next(iter(run_pipeline(docs, document_stages())))
    assert first["title"] is None and first["kicker"] is None
    assert first["paragraphs"][0].startswith("结果出来要7天")
    assert [r["text"] for r in first["removed"][:2]] == ["和和人扩放于攻拓区", "2真情典藏"]
