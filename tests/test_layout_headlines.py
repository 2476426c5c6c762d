"""Headlines (``normalize.layout.headlines``): how far one goes on, the checks that veto it, where
its elements part."""

from __future__ import annotations

import pytest
from helpers import (
    ACROSS_BODY,
    ACROSS_HEAD,
    INDENT,
    NEW_PAGE,
    ROW,
    WRAPPED_AT_DUN,
    assert_decision,
    assert_row,
    blocks_at,
    hit,
    kinds,
    miss,
    ocr_text,
    page,
    verdicts,
)

from normalize.layout import build_blocks
from normalize.layout.text import LETTER_SPACED_RE

# An indented lead over a 16 em column, under the headline lines of the rows below.
LEAD = [
    INDENT + "近日，新疆维吾尔自治区民政",
    "厅联合新疆大学举办社会工作论坛，",
    "来自各地的代表参加了本次活动。",
]
# "“爱心行动”项目…" after a paragraph that ends in a pushed mark, over its body
AIXIN = [
    "换届会上，李文红与康鹏签署",
    "2023年度《国家能源集团“爱心行动”",
    "捐赠协议》",
    "。",
]
AIXIN_BODY = [
    "国家能源集团的品牌项目，也是中国",
    "社会工作联合会的品牌项目，新的捐",
    "赠协议的签署标志着合作正式开始。",
]
# A paragraph whose first line is as narrow as a headline's, after a wide lead
DAPENG = [
    "【香港商报网讯】记者朱开芝、通讯员敬天燕报道：近日，大鹏办事下召开社",
    "工联席会议，共同商讨社工服务，以保障辖区居民接受更多专业服务。",
]
DAPENG_BODY = [
    "服务中心召集，与会人员包括大鹏社会事",
    "务办、大鹏社协、大鹏办事处各专业服务",
    "项目、基础服务项目负责人。",
]

# A headline whose text was cut at its clause mark and at its digits, over its news dateline
# A column tag at a page's foot, over a title with its comma that the next page starts, read down to its dateline
TAG_THEN_COMMA_TITLE = [
    "上文写完了。",
    "（来源：央视网）",
    "【简讯】",
    NEW_PAGE + "文明进社区，我们在",
    "行动",
    "本报讯（记者邱宇）5月18日，广润社区开展问卷调查活动，",
    "号召群众争做文明市民。",
    "本报讯（记者吴晓玲）另一篇报道从这里开始写起，",
    "一直写到这里就结束了。",
]
DATED = [
    "特别是避开高峰期使用电热水器、",
    "空调等耗电量大的家用电器。",
    "相约",
    "“5.20”",
    "表白、",
    "登记迎来小高潮",
    "本报讯（记者 吴晓玲）“5.20”的谐音是“我爱你”，",
    "网络上把这天称作“网络情人节”。",
]

# A headline over its byline, in a narrow column
BYLINED = [
    "（来源：央视网）",
    "李克强向科威特首相",
    "致贺电",
    "文/陈思远",
    "国务院总理李克强19日致电艾哈",
    "迈德·纳瓦夫·艾哈迈德·萨巴赫，",
    "祝贺他就任科威特国首相。",
]

# Reading a headline down from its first line: "line" (the line is the headline's), "stop" (no
# headline here), "body" or no verdict (the body starts at this line).
HEADLINE_GOES_ON = [
    hit("byline_under", 5, "body", BYLINED),
    # near miss: without the byline no headline rule is asked about the line: it starts the body, as the lines
    # below go on as wide (body_starts: text_follows)
    miss("byline_under", 4, None, [*BYLINED[:3], *BYLINED[4:]]),
    hit("dateline_below", 5, "line", DATED),
    # near miss: a sentence ends on the way down to the dateline
    miss("dateline_below", 5, None, [*DATED[:5], "登记处人很多。", *DATED[6:]]),
    hit("page_break_inside", 3, "stop", [
        "上文写完了。",
        "社会工作论坛举办",
        NEW_PAGE + INDENT + "近日，社会工作论坛在乌鲁木齐举办，",
        "取得了一系列成果。",
    ]),
    miss("page_break_inside", 3, None, [
        "上文写完了。",
        "社会工作论坛举办",
        INDENT + "近日，社会工作论坛在乌鲁木齐举办，",
        "取得了一系列成果。",
    ]),
    # after a credit, a title left at a page's foot heads the full first line of the next page
    hit("page_break_inside", 4, "body", [
        "上文写完了。",
        "（据央视网）",
        "科普宣传上街",
        NEW_PAGE + "5月19日，县科技局牵头组织了县科协、林业局、农业局、",
        "气象局等单位在县首府广场举行了宣传活动，共分发科普",
        "系列丛书五千多份。",
    ]),
    # also a dated lead's full first line with no clause mark on it (no headline dates itself so)
    hit("page_break_inside", 4, "body", [
        "上文写完了。",
        "（据央视网）",
        "物流业景气水平加快回升运行趋稳向好",
        NEW_PAGE + "中国物流与采购联合会今天（10 月 8 日）公布 9 月份中国物流",
        "业景气指数。随着一系列政策的落地实施，物流活跃度提升，运行",
        "趋稳向好。",
    ]),
    # ... also where the line ends inside its date's bracket (bulletin seed 89)
    hit("page_break_inside", 5, "body", [
        "上文写完了。",
        "（据央视网）",
        "【简讯】",
        "总台 2024 年“3·15”晚会今晚播出",
        NEW_PAGE + "中央广播电视总台 2024 年“3·15”晚会今晚（3 月 15",
        "日）20 时在央视财经频道播出，晚会聚焦“共筑诚信共享安",
        "全”主题，重点关注消防安全等领域侵害消费者权益的行为。",
    ]),
    # near miss: a title wrapped inside its brackets, short of the line, goes on the headline under its tag
    hit("page_break_inside", 4, "line", [
        "上文写完了。",
        "（据央视网）",
        "【简讯】",
        NEW_PAGE + "全省社会救助工作会议召开（附",
        "会议精神）",
        "本报讯（记者 陈玲玲）5月20日，全省社会救助工作会议在杭州召开，会议部署了",
        "下一阶段的重点工作。",
    ]),
    # or the story under its byline at the next page's top (bulletin seed 71)
    hit("page_break_inside", 7, "body", [
        "上文写完了，这是最后一行的文字。", "（据央视网）", "李克强向科威特首相", "致贺电", "— 2 —", NEW_PAGE + "县残疾人联合会",
        "国务院总理李克强 19 日致", "电艾哈迈德·纳瓦夫·艾哈迈德·萨", "巴赫，祝贺他就任科威特国首", "相。", "李克强在贺电中表示，中科传统",
        "友谊深厚，科威特是最早同新中国建", "交的海湾阿拉伯国家。"]),
    # near miss: the next page opens with another headline-like line
    hit("page_break_inside", 4, "stop", [
        "上文写完了。",
        "（据央视网）",
        "科普宣传上街",
        NEW_PAGE + "社会工作论坛举办",
        "5月19日，县科技局牵头组织了县科协、林业局、农业局、",
        "系列丛书五千多份。",
    ]),
    # or the story's dateline; the headline goes on there with its subtitle, or with the title under a tag
    hit("page_break_inside", 5, "body", [
        "上文写完了。",
        "（县民政局办公室供稿）",
        "孤儿核查工作圆满完",
        "成",
        NEW_PAGE + "本报讯（记者谢芳通讯员李",
        "淑华）为做好儿童福利工作，确保孤儿核查认定工作顺利进行，",
        "县民政局开展了孤儿核查工作。",
    ]),
    hit("page_break_inside", 5, "line", [
        "上文写完了。",
        "（据央视网）",
        "总台2024年“3·15”晚会",
        "今晚播出",
        NEW_PAGE + "——来自基层的报道",
        "中央广播电视总台2024年“3·15”晚会今晚（3月15日）20时在央视财经频道播出，",
        "晚会聚焦“共筑诚信 共享安全”主题。",
    ]),
    hit("page_break_inside", 4, "line", [
        "上文写完了。",
        "（街道社工站供稿）",
        "【经验交流】",
        NEW_PAGE + "德国多个机场安保人员罢",
        "工",
        "14日，德国服务业联合工会组织德国多个机场的安保人员举行罢工，",
        "要求提高员工待遇。",
    ]),
    # under a tag, a title with its comma read down to its dateline on the next page
    hit("page_break_inside", 4, "line", TAG_THEN_COMMA_TITLE),
    # near miss: under a tag, a paragraph's first line with its comma, no dateline below
    hit("page_break_inside", 4, "body", [
        "上文写完了。",
        "（街道社工站供稿）",
        "【简讯】",
        NEW_PAGE + "近日，社区居委会联合城南街道开展",
        "志愿服务活动，",
        "居民们积极参加。",
    ]),
    # near miss: under a title, not a tag, the next page's headline-like line is another headline's
    hit("page_break_inside", 4, "stop", [
        "上文写完了。",
        "（街道社工站供稿）",
        "科普宣传上街",
        NEW_PAGE + "德国多个机场安保人员罢",
        "工",
        "14日，德国服务业联合工会组织德国多个机场的安保人员举行罢工，",
        "要求提高员工待遇。",
    ]),
    hit("pushed_mark_line", 3, "line", [
        "（据新华社）",
        "非遗民俗文献展邀市民“宝读诗书",
        "”",
        INDENT + "近日，非遗民俗文献展在西乡举办，",
        "吸引了众多市民前来参观。",
    ]),
    # the pushed mark brings words with it: a sentence going on, not a headline's last mark
    miss("pushed_mark_line", 3, ("line_continues_above", "stop"), [
        "（据新华社）",
        "非遗民俗文献展邀市民“宝读诗书",
        "”，本次",
        INDENT + "近日，非遗民俗文献展在西乡举办，",
        "吸引了众多市民前来参观。",
    ]),
    hit("line_continues_above", 3, "stop", [
        "（据新华社）",
        "非遗民俗文献展邀市民“宝读诗书",
        "”，本次",
        INDENT + "近日，非遗民俗文献展在西乡举办，",
        "吸引了众多市民前来参观。",
    ]),
    miss("line_continues_above", 3, ("no_body_start", "line"), [
        "（据新华社）",
        "非遗民俗文献展邀市民“宝读诗书",
        "本次",
        INDENT + "近日，非遗民俗文献展在西乡举办，",
        "吸引了众多市民前来参观。",
    ]),
    # a title over a byline the document names again, a long title that body_starts would read as running text
    hit("over_a_byline", 1, "line", [
        "日本上半财年贸易逆差创新高",
        "市慈善总会",
        "据日本财务省今天（10月20日）发布",
        "的数据，日本上半财年贸易逆差创",
        "新高。",
        "",
        "共建单位为复评齐献力",
        "市慈善总会",
        "近日，县民政局联合社区开展复评",
        "问卷调查活动，号召群众争做文明",
        "市民。",
    ]),
    # near miss: a short line printed once that names no office is no byline, and the line over it is read as
    # its shape says
    miss("over_a_byline", 1, None, [
        "日本上半财年贸易逆差创新高",
        "外贸形势观察",
        "据日本财务省今天（10月20日）发布",
        "的数据，日本上半财年贸易逆差创",
        "新高。",
    ]),
    hit("label_then_title", 3, "line", [
        "（据新华社）",
        "新闻速递",
        "社会工作助力新疆民政事业发展",
        INDENT + "近日，自治区民政厅联合新疆大学，",
        "举办社会工作论坛，来自各地的代",
        "表参加了本次活动。",
    ]),
    # after a sentence end no new article is due: the line's shape decides
    miss("label_then_title", 3, ("no_body_start", "line"), [
        "上文写完了。",
        "新闻速递",
        "社会工作助力新疆民政事业发展",
        INDENT + "近日，自治区民政厅联合新疆大学，",
        "举办社会工作论坛，来自各地的代",
        "表参加了本次活动。",
    ]),
    hit("wrapped_kicker_top", 2, "line", [
        "（据新华社）",
        "夯实社会工作理论基础，",
        "促进“政校合作”",
        "社会工作助力",
        "新疆民政事业",
        "高质量发展论",
        "坛举办",
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
        "近日，新疆维吾尔自治区民",
        "政厅联合新疆大学举办论坛。",
    ]),
    # a paragraph's line ending at a comma, as wide as the line after it: running text
    miss("wrapped_kicker_top", 2, None, [
        "（据新华社）",
        "围绕更好落实协议内容，",
        "三地同步建构了“‘通武廊",
        "’社会工作发展与创新网络”",
        "，努力构建与京津冀协同发展",
        "相适应的社会建设机制。",
    ]),
    hit("no_body_start", 2, "line", [
        "上文写完了。",
        "社会工作论坛举办",
        INDENT + "近日，社会工作论坛在乌鲁木齐举办，",
        "取得了一系列成果。",
    ]),
    miss("no_body_start", 3, None, [
        "上文写完了。",
        "社会工作论坛举办",
        INDENT + "近日，社会工作论坛在乌鲁木齐举办，",
        "取得了一系列成果。",
    ]),
    # "权威" runs across the break: "威访谈" is the headline's, narrow as a paragraph's end
    hit("last_word_runs_on", 3, "line", [
        "（据深圳晚报）",
        "共建“一带一路”·权",
        "威访谈",
        "新疆积极打造",
        "我国向西开放",
        "的桥头堡",
        "共 建 “ 一 带 一",
        "路”，顺应时代潮流，",
        "践行人类命运共同体理",
        "念，为全球治理体系改",
        "革提供了中国方案，也",
        "开创了我国对外开放的",
        "新格局。",
    ]),
    miss("last_word_runs_on", 3, ("no_body_start", "line"), [
        "（据深圳晚报）",
        "共建“一带一路”·权威",
        "访谈",
        "新疆积极打造",
        "我国向西开放",
        "的桥头堡",
        "共 建 “ 一 带 一",
        "路”，顺应时代潮流，",
        "践行人类命运共同体理",
        "念，为全球治理体系改",
        "革提供了中国方案，也",
        "开创了我国对外开放的",
        "新格局。",
    ]),
]


@pytest.mark.parametrize(ROW, HEADLINE_GOES_ON)
def test_headline_goes_on(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    assert_decision("headline_goes_on", rule, lines, at, verdict, is_hit)


# The checks that veto a run of headline lines (False). Their decisions name no line (a check
# sees a run of lines, not one: ``decide`` records -1), so ``at`` is the run's first line, and
# the blocks show the veto: no heading there.
DATED_BODY = ["本报讯（记者 邱宇）5月18日，广润社区开展问卷调查活", "动，号召群众争做文明市民。"]
SALT = ["有个年轻人去庙里问高僧。高僧笑而不答，倒满白开水，", "又抓了一大把盐放进去，然后递给他。年轻人吓得赶紧摇"]
# A paper that opens its stories with "本报讯", its text layer's runs a line each, and a name
# set alone inside a story
DATED_PAPER = [
    "孤儿核查工作圆满完成", "本报讯", "（记者 谢芳 通讯员 李淑华）为做好儿童福利工作，", "我县启动孤儿身份认定。",
    "用电高峰来了！", "本报讯（记者 吴晓玲）", "“停电了！”", "5月21日，", "城关一小区停电。",
    "凭残疾证和卡可以在合作商家和", "单位享受购物优惠、", "赠送话费等。”",
    "梅表翔", "告诉记者，", "5", "月份以来，", "县残联还就企业的", "残疾职工就业情况进行调查，调查的重点",
    "是残疾职工的社会保险、工资福利和工种", "岗位等。",
    "近日，", "县质监局对液化气充装站的压力容器、", "学校和", "医院的锅炉、", "大型商场和宾馆的电梯等进行检查。",
]
# The same stories set to a column's width
DATED_COLUMN = [
    "孤儿核查工作圆满完成",
    "本报讯（记者 谢芳）为做好儿童福利工作，我县启动孤儿身",
    "份认定，核查范围为全县在册孤儿。",
    "用电高峰来了！",
    "本报讯（记者 吴晓玲）“停电了！”5月21日，城关一小区",
    "停电。据介绍，此次共送去慰问金及轮椅等辅助器具。",
    "梅表翔",
    "告诉记者，5月份以来，县残联还就企业的残疾职工就业情",
    "况进行调查，调查的重点是残疾职工的社会保险、工资福利",
    "和工种岗位等，对发现虚挂残疾职工或残疾职工工资福利得",
    "不到落实的企业，要求企业及时整改，并将整改情况报送县",
    "残联备案，切实维护残疾职工的合法权益，让残疾人真正得",
    "到实惠。",
]
# A kicker with its comma and a title over a lead set across the page, twice as wide
WIDE_HEAD = ["夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办"]
WIDE_LEAD = [
    "为进一步夯实社会工作理论基础，加强社会工作理论研究，促进“政校合作”，近日，",
    "新疆维吾尔自治区民政厅联合新疆大学在乌鲁木齐举办社会工作助力新疆民政事业高质量发",
    "展论坛。自治区民政厅党组成员、副厅长杨中，新疆大学党委常委、副校长顾光海参加论坛",
    "并致辞，自治区民政厅慈善事业促进和社会工作处处长麦合木提江·艾麦提主持会议。",
]
REVIEW = ["市民们纷纷表示要配合好文明城市复", "评。", "— 2 —"]  # a bulletin's 15 em column, its folio
REVIEW_BODY = ["对记者说：“要做好文明城市复评", "工作，提高市民素质很重要。这种", "问卷调查形式能让市民从一个方面"]
XINJIANG = ["麦提的专访，介绍新疆扎实", "推进“一带一路”核心区高", "质量发展的情况。"]  # a modular page's 12 em column
XINJIANG_BODY = ["达5700多公里，是中国与中亚、", "欧洲连接最为便捷的陆路通"]
# An OCR page's story end and lead, in body type (30 px)
OCR_STORY_END = ["看，平均亩产达到550公斤，在增加农", "民种植收益的同时，也提升了当地沙化", "土壤的肥力。（来源：央视网）", ""]
OCR_LEAD = ["中国物流与采购联合会今天（10月", "8日）公布9月份中国物流业景气指数。", "随着一系列政策的落地实施，物流活跃",
            "度提升，运行趋稳向好。"]
HEADLINE_CHECKS = [
    hit("clauses_or_closers", 2, False, [
        "（据天津市武清区融媒体中心）",
        "他说这件事还没有结束，因",
        "为后续的工作还要继续做",
        "下去，大家都很关心这件事情",
        "的进展，希望早日完成。",
    ]),
    # no clause mark: one headline line after a credit passes the checks
    miss("clauses_or_closers", 2, None, [
        "（据天津市武清区融媒体中心）",
        "他说这件事还没有结束",
        "为后续的工作还要继续做",
        "下去，大家都很关心这件事情",
        "的进展，希望早日完成。",
    ]),
    # the quote closes two lines under the headline
    hit("quote_runs_on", 2, False, [
        "月20日13点14分向自己的恋人表白。",
        "市民洪先生表示：“5.20是网络情人节，大家QQ上",
        "的问候语都改成了‘今天你表白了吗’，我也踩着‘1314’",
        "这个难得的时间点发了彩信给我的女朋友，她很开心。”",
        "而周女士说道：“我身边赶在这一天表白的人太多。”",
    ]),
    hit("quote_runs_on", 2, False, [
        "（据新华社）",
        "非遗文献展邀市民“喜阅西乡",
        "悦”读非遗，西乡历史文化展也同步在",
        "宝安图书馆西乡街道分馆开展。",
    ]),
    # the quote closes on the headline's own line
    miss("quote_runs_on", 2, None, [
        "（据新华社）",
        "非遗文献展邀市民“喜阅西乡”",
        "悦读非遗，西乡历史文化展也同步在",
        "宝安图书馆西乡街道分馆开展。",
    ]),
    # a sentence ended on a full line; the short line under it has no indented body to prove it
    hit("unproven_after_full_line", 2, False, [
        "上一篇文章的最后一句话写在这里。",
        "社会工作论坛举办",
        "近日，社会工作论坛在乌鲁木齐举办，取",
        "得了一系列成果，大家都很满意。",
    ]),
    miss("unproven_after_full_line", 2, None, [
        "上一篇文章的最后一句话写在这里。",
        "社会工作论坛举办",
        INDENT + "近日，社会工作论坛在乌鲁木齐举",
        "办，取得了一系列成果，大家都很满意。",
    ]),
    # a byline under it proves it too (a file that sets each headline after its story: the next story's byline)
    miss("unproven_after_full_line", 2, None, [
        "上一篇文章的最后一句话写在这里。",
        "社会工作论坛举办",
        "文/王璐",
        "近日，社会工作论坛在乌鲁木齐举办，取",
        "得了一系列成果，大家都很满意。",
    ]),
    # narrower than the wide lead above, but as wide as the body below
    hit("no_headline_end", 3, False, [
        *DAPENG,
        "本次会议由大鹏办事处枢纽型社区党群",
        *DAPENG_BODY,
    ]),
    miss("no_headline_end", 3, None, [
        *DAPENG,
        "大鹏社工联席会议召开",
        *DAPENG_BODY,
    ]),
    # OCR read a line of the next column into the headline above a dateline: its comma is inside
    hit("clauses_or_closers", 2, False, [
        "起到了带头示范作用，减轻了社区的工作压力。", "据了解，广润社区是我县省级文明", "建单位为复评齐献力", *DATED_BODY]),
    # above a dateline a line that ends on its comma is a kicker, even over one short line
    miss("clauses_or_closers", 2, None, [
        "起到了带头示范作用，减轻了社区的工作压力。", "文明进社区，", "我们在行动", *DATED_BODY]),
    # and a title whose 、 lists two of its words, wrapping more than a character or two
    miss("clauses_or_closers", 2, None, [
        "起到了带头示范作用，减轻了社区的工作压力。", "相约“5.20”表白、登记", "迎来小高潮", *DATED_BODY]),
    # over a dateline, a title of one line with its comma inside, wrapping a character
    miss("clauses_or_closers", 2, None, [
        "起到了带头示范作用，减轻了社区的工作压力。", "相约“5.20”表白、登记迎来小高", "潮", *DATED_BODY]),
    # over a dateline, a closing quote whose opening one OCR lost is the headline's
    miss("clauses_or_closers", 3, None, [
        "建议市民错峰用电，避开高峰期使用家用电器。", "", "我县 假证被拘”", "第一人现身", "", *DATED_BODY]),
    # a title whose opening quote OCR read as a closing one: the two make a pair, nothing closes a sentence begun above
    miss("clauses_or_closers", 3, None, [
        "衣机、空调等耗电量大的家用电器。", "", "非遗民俗文献展邀市民”宝读诗", "书”", "",
        "“原来三月三是为了庆祝北帝诞辰，祈求这位水神", "保佑我们风调雨顺。”11月25日，展览正式开幕。"]),
    # near miss: a line closing a quote begun above, and a second closing one: a paragraph's lines
    hit("clauses_or_closers", 3, False, [
        "衣机、空调等耗电量大的家用电器。", "", "也将按相关规定办理”他说”", "书”", "",
        "“原来三月三是为了庆祝北帝诞辰，祈求这位水神", "保佑我们风调雨顺。”11月25日，展览正式开幕。"]),
    # a kicker with its comma over a title, right after a credit, both well short of the lead set wide under them
    miss("clauses_or_closers", 2, None, ["（据央视网）", *WIDE_HEAD, *WIDE_LEAD]),
    # ... and first on the page, under its running head (held-out seed 61)
    miss("clauses_or_closers", 2, None, ["乡村振兴周刊 2025年4月13日 星期日 第6版 国际", *WIDE_HEAD, *WIDE_LEAD]),
    # near miss: the same lines with no credit closing a story above: an unfinished paragraph's, perhaps
    hit("clauses_or_closers", 2, False, ["上文还在继续写着", *WIDE_HEAD, *WIDE_LEAD]),
    # after a credit, a kicker with its comma over a title set across columns, wider than the column under it
    miss("clauses_or_closers", 2, None, ["（据央视网）", *ACROSS_HEAD, *ACROSS_BODY]),
    # near misses: no credit closing a story above; a kicker narrower than the column
    hit("clauses_or_closers", 2, False, ["上文还在继续写着", *ACROSS_HEAD, *ACROSS_BODY]),
    hit("clauses_or_closers", 2, False, ["（据央视网）", "文明进社区，我们", ACROSS_HEAD[1], *ACROSS_BODY]),
    # a title set across columns ends there, though the body's first line under it shows no indent
    miss("no_headline_end", 2, None, ["（据央视网）", *ACROSS_HEAD, *ACROSS_BODY]),
    miss("unproven_after_full_line", 2, None, [
        "起到了带头示范作用，减轻了社区的工作压力。", "文明进社区，", "我们在行动", *DATED_BODY]),
    hit("shares_a_printed_line", 4, False, [*SALT, "头：“不能喝！” 高僧又问", INDENT + "为什么不能喝呢，他说太咸了，谁都受不了这样的味道。"]),
    miss("shares_a_printed_line", 4, None, [*SALT, "头：“不能喝！”", "高僧又问", INDENT + "为什么不能喝呢，他说太咸了，谁都受不了这样的味道。"]),
    hit("opens_speech", 2, False, ["结果会如何呢？", "他说：", "“这么一点盐，对湖水几乎没什么影响。”高僧点头微笑道", "：盐是现实世界的烦恼。"]),
    # a headline's colon leads on to the rest of the headline, its quote closing there
    miss("opens_speech", 2, None, [
        "中科战略伙伴关系取得新进展。", "机遇与合作：", "“通武廊”社会工作再携手", "", INDENT + "近日，三地社会工作者齐聚一堂，交流经验。"]),
    hit("undated_in_dated_paper", 13, False, DATED_PAPER),
    # near misses: one dateline does not make the paper's convention; lines set to a column's
    # width prove a headline without a dateline
    miss("undated_in_dated_paper", 13, None, [DATED_PAPER[0], "日前，", *DATED_PAPER[2:]]),
    miss("undated_in_dated_paper", 7, None, DATED_COLUMN),
    # as wide as the column with a paragraph's indent, over a full line: a first line whose indent the text lost
    hit("indented_first_line", 4, False, [*XINJIANG, "中国新疆陆地边境线长", *XINJIANG_BODY]),
    # near misses: a title narrower than that; one as wide, proved by a news dateline or a byline under it
    miss("indented_first_line", 4, None, [*XINJIANG, "新疆边境线", "中国新疆陆地边境线长达", *XINJIANG_BODY[1:]]),
    miss("indented_first_line", 4, None, [*XINJIANG, "中国新疆陆地边境线长", "本报讯 新疆陆地边境线长",
                                          XINJIANG_BODY[0]]),
    miss("indented_first_line", 4, None, [*XINJIANG, "中国新疆陆地边境线长", "文/王璐", *XINJIANG_BODY]),
    # near misses that differ from the hit by one thing: a title narrower than the indented width over the same
    # body; a news dateline that opens with a preposition (据) under it
    miss("indented_first_line", 4, None, [*XINJIANG, "新疆边境线", *XINJIANG_BODY]),
    miss("indented_first_line", 4, None, [*XINJIANG, "中国新疆陆地边境线长", "据新华社乌鲁木齐10月3日电", XINJIANG_BODY[1]]),
    # a first line that fills its 15 em column with its indent exactly, no character come down with a mark
    # (a page's first line, under the page before's folio)
    hit("indented_first_line", 4, False, [*REVIEW, NEW_PAGE + "刚填写完调查表的市民王华土", *REVIEW_BODY]),
    # near miss: a line three em narrower than that is a title over the same body
    miss("indented_first_line", 4, None, [*REVIEW, NEW_PAGE + "调查表填写完毕的市民", *REVIEW_BODY]),
    hit("ends_inside_word", 5, False, [*AIXIN, "“爱心行动”项目不仅是", *AIXIN_BODY]),  # 是 needs what follows
    miss("ends_inside_word", 5, None, [*AIXIN, "“爱心行动”项目签约", *AIXIN_BODY]),
    # a number whose unit opens the next line's short first clause: a brief's first line, no headline
    # (as pdftotext -raw prints the county paper: the number's digits and the clause a line each)
    hit("ends_inside_word", 2, False, ["特种设备操作人员持证情况等。 （陈玲玲 林娟）", "为纪念中国共产党成立 9", "0",
                                       "周年，", "推动以", "“历史的选择”", "为主题的读书活动深入开展。"]),
    # near miss: a title ending on a year, over a body that opens with a short clause of no unit
    miss("ends_inside_word", 3, None, ["社区简报", "", "展望2024", "", "近日，县民政局召开会议，部署今年的工作。",
                                       "会议要求各单位抓好落实。"]),
    # a title wrapped after the 、 listing two of its words, well short of the text under it: no kicker's clause
    miss("clauses_or_closers", 5, None, WRAPPED_AT_DUN),
    # an OCR page (lines with their size in px): a headline set at twice the body's size is one, whatever OCR read
    # into it (dev04 through tesseract: a quote from the white between two words)
    hit("set_in_display_type", 5, True, [*OCR_STORY_END, ("物流业景气水平加快", 57.0), ("回升”运行趋稳向好", 57.0), "",
                                         *OCR_LEAD]),
    # near miss: the same lines in body type: the quote that closes nothing makes them a paragraph's
    miss("set_in_display_type", 5, ("clauses_or_closers", False), [
        *OCR_STORY_END, ("物流业景气水平加快", 30.0), ("回升”运行趋稳向好", 30.0), "", *OCR_LEAD]),
]


@pytest.mark.parametrize(ROW, HEADLINE_CHECKS)
def test_headline_checks(rule: str, lines: tuple, at: int, verdict: object, is_hit: bool) -> None:
    """A hit vetoes a headline (False) or proves one (True); a near miss leaves the headline to the other checks:
    one, unless another vetoes it."""
    text, layout = ocr_text(lines)
    assert_row(verdicts(text, "headline_checks", -1, layout), rule, -1, verdict, is_hit)
    heading = any(b["kind"] == "heading" for b in blocks_at(build_blocks(text, layout), at))
    assert heading is (verdict is True if is_hit else (verdict is None or verdict[1] is not False))


# Where a headline's elements part, at line i of a headline: True, a new element (kicker, title,
# subtitle) starts at line i; False, the element above goes on.
NEW_ELEMENT = [
    hit("set_over_dateline", 4, False, DATED),
    # near miss: no dateline below, the widths decide
    miss("set_over_dateline", 4, None, [*DATED[:6], "“5.20”的谐音是“我爱你”，网络上把", "这天称作“网络情人节”。"]),
    # the cut at a mark: one element (a typesetter's text objects part there)
    hit("set_over_dateline", 6, False, DATED),
    # ...and at a number, where its unit opens the next line: ``wraps_inside`` knows that first
    miss("set_over_dateline", 4, ("wraps_inside", False), [*DATED[:2], "联运班列累计开行3", "万列", *DATED[6:]]),
    # OCR's lines of one title, a blank line between them: one element, however cut
    hit("set_over_dateline", 6, False, [*DATED[:2], "", "文明进社区，我们在", "", "行动", "", *DATED[6:]]),
    # near miss: a kicker over its title, cut between two words: the widths decide (the title grows wider)
    miss("set_over_dateline", 4, None, [*DATED[:2], "文明创建进行时", "西部陆海新通道铁海", "联运班列累计开行", *DATED[6:]]),
    hit("grows_wider", 4, True, [*DATED[:2], "文明创建进行时", "西部陆海新通道铁海", "联运班列累计开行", *DATED[6:]]),
    # a first line short because the quoted number opening the next would not have fitted after it: one element
    hit("wraps_before_word", 4, False, ["上文写完了。", "（据新华社）", "总台2024年", "“3·15”晚会今晚", "播出", *LEAD]),
    # near miss: it would have fitted after a kicker: the title grows wider
    miss("wraps_before_word", 4, ("grows_wider", True), [
        "上文写完了。", "（据新华社）", "总台新闻", "“3·15”晚会今晚播", "出", *LEAD]),
    # near miss: the line is the headline's last, over its body: nothing shows it to be the headline's measure
    miss("wraps_before_word", 4, ("grows_wider", True), [
        "上文写完了。", "（据新华社）", "维护消费者的合法权益", "“3·15”晚会今晚在央视播出", *LEAD]),
    # the title's first line at the page's top wraps inside the quote it opened: one element
    hit("wraps_inside", 2, False, [
        "县残联派送助残“大",
        "礼包”",
        *LEAD,
    ]),
    # ...or inside a number whose unit opens the next line, wider though it is
    hit("wraps_inside", 4, False, ["上文写完了。", "（据新华社）", "总台 2024", "年“3·15”晚会今", "晚播出", *LEAD]),
    # ... or inside a word of the dictionary (发展): one title, no kicker cut short of its word (modular seed 59)
    hit("wraps_inside", 4, False, ["上文写完了。", "（来源：央视网）", "1—2月中国快递发", "展指数同比提升26.7%", *LEAD]),
    # near miss: a kicker that ends on a word, over a wider title
    miss("wraps_inside", 4, ("grows_wider", True), ["上文写完了。", "（来源：央视网）", "喜迎建党节", "日本上半财年贸易逆差创新高",
                                                     *LEAD]),
    # near miss: a kicker that closes its quotes, over its title at the page's top
    miss("wraps_inside", 2, ("under_running_head", True), [
        "喜迎“二十大”",
        "社区开展志愿服务",
        *LEAD,
    ]),
    # the line above is its page's first: the running head's, perhaps
    hit("under_running_head", 2, True, [
        "社会工作专刊",
        "论坛举办",
        *LEAD,
    ]),
    # near miss: the headline began on the page before (a tag at its foot): the page's first line is its title's
    miss("under_running_head", 5, None, TAG_THEN_COMMA_TITLE),
    miss("under_running_head", 3, None, [
        "上文写完了。",
        "社会工作专刊",
        "论坛举办",
        *LEAD,
    ]),
    hit("after_colon", 3, False, [
        "（据新华社）",
        "机遇与合作：",
        "“通武廊”社会工作再携手",
        *LEAD,
    ]),
    miss("after_colon", 3, ("grows_wider", True), [
        "（据新华社）",
        "机遇与合作",
        "“通武廊”社会工作再携手",
        *LEAD,
    ]),
    hit("blank_parts", 5, True, [
        "（据新华社）",
        "",
        "动态",
        "",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    miss("blank_parts", 4, ("grows_wider", True), [
        "（据新华社）",
        "",
        "动态",
        "社会工作论坛举办",
        "",
        *LEAD,
    ]),
    hit("grows_wider", 4, True, [
        "多很好的意见建议。",
        "（据香港商报）",
        "总台新闻",
        "“3·15”晚会今晚播",
        "出",
        "中央广播电视总台",
        "2024年“3·15”晚会今",
        "晚（3月15日）20时在",
        "央视财经频道播出。",
    ]),
    # a letter-spaced line above is justified: its width in the text says nothing
    miss("grows_wider", 4, None, [
        "多很好的意见建议。",
        "（据香港商报）",
        "总 台 2024 年",
        "“3·15”晚会今晚播",
        "出",
        "中央广播电视总台",
        "2024年“3·15”晚会今",
        "晚（3月15日）20时在",
        "央视财经频道播出。",
    ]),
    # nor after a wrapped sentence of the title ("…精" / "彩不断！")
    miss("grows_wider", 4, None, [
        "（据新华社）",
        "西乡北帝三月三精",
        "彩不断！",
        "西乡历史文化展游",
        "人如织",
        *LEAD,
    ]),
]


@pytest.mark.parametrize(ROW, NEW_ELEMENT)
def test_new_element(rule: str, lines: tuple[str, ...], at: int, verdict: object, is_hit: bool) -> None:
    assert_decision("new_element", rule, lines, at, verdict, is_hit)


def test_a_line_narrow_only_beside_a_wide_lead_above_is_no_headline() -> None:
    """A paragraph's first line after a wide lead paragraph is narrower than the lead, but not
    than its own column: the headline test compares a headline's last line with the body below."""
    text = page(
        "【香港商报网讯】记者朱开芝、通讯员敬天燕报道：近日，大鹏办事下召开社",
        "工联席会议，共同商讨社工服务，以保障辖区居民接受更多专业服务。",
        "本次会议由大鹏办事处枢纽型社区党群",
        "服务中心召集，与会人员包括大鹏社会事",
        "务办、大鹏社协、大鹏办事处各专业服务",
        "项目、基础服务项目负责人。",
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]
    headline = text.replace("本次会议由大鹏办事处枢纽型社区党群", "大鹏社工联席会议召开")  # near miss
    assert [k for k, _ in kinds(headline)] == ["paragraph", "heading", "paragraph"]


def test_a_kicker_wrapped_after_its_comma_heads_the_article() -> None:
    head = [
        "夯实社会工作理论基础，",
        "促进“政校合作”",
        "社会工作助力",
        "新疆民政事业",
        "高质量发展论",
        "坛举办",
    ]
    body = [
        "为进一步夯实社会工作",
        "理论基础，加强社会工作理",
        "论研究，促进“政校合作”",
        "近日，新疆维吾尔自治区民",
        "政厅联合新疆大学举办论坛。",
    ]
    blocks = build_blocks(page(*head, *body))
    assert [(b["kind"], b.get("role")) for b in blocks] == [
        ("heading", "kicker"),
        ("heading", "title"),
        ("paragraph", None),
    ]
    assert blocks[0]["text"] == "夯实社会工作理论基础，促进“政校合作”" and blocks[0]["lines"] == [1, 2]
    # near miss: a paragraph's line ending at a comma, as wide as the line after it
    prose = [
        "围绕更好落实协议内容，",
        "三地同步建构了“‘通武廊",
        "’社会工作发展与创新网络”",
        "，努力构建与京津冀协同发展",
        "相适应的社会建设机制。",
    ]
    assert [k for k, _ in kinds(page(*prose))] == ["paragraph"]


def test_labels_between_blank_lines_take_one_headline_not_a_chain() -> None:
    """A label takes the one headline under it: a thousand label-like lines do not recurse (or
    become one headline), and a body's first line set apart with its clause mark is no title."""
    many = page("这是上一篇的正文。", "（据新华社）", "", *["动态", ""] * 1199, "动态")
    assert {k for k, _ in kinds(many)} <= {"paragraph", "heading", "credit"}
    text = page(
        "上一篇的正文到这里就结束了。",
        "（据新华社）",
        "",
        "致敬",
        "",
        "近日，社会工作论坛在乌鲁木齐举办",
        "",
        "来自各地的代表参加了本次活动并交",
        "流了经验，大家一致认为效果很好。",
        "",
    )
    assert ("heading", "近日，社会工作论坛在乌鲁木齐举办") not in kinds(text)


def test_ocr_a_section_label_and_the_headline_under_it_each_between_blank_lines() -> None:
    """OCR sets "动态" and the headline under it each between blank lines; the headline is one
    too, even where its width looks like an indented first line."""
    lines = [
        "业依然是投资重点领域。",
        "",
        "(据央视网)",
        "",
        "动态",
        "",
        "李克强向科威特首相致贺电",
        "",
        "国务院总理李克强19日致电艾哈",
        "迈德. 纳瓦夫 艾哈迈德， 萨巴赫，",
        "祝贺他就任科威特国首相。",
        "",
        "李克强在贺电中表示，中科传统",
        "友这深厚，科威特是最早同新中国建",
        "交的海湾阿拉伯国家。",
    ]
    blocks = kinds(page(*lines))
    assert blocks[2:4] == [("heading", "动态"), ("heading", "李克强向科威特首相致贺电")]
    assert blocks[4][1].startswith("国务院总理李克强19日致电艾哈")
    # near miss: a short headline alone between blank lines over its body stays that headline
    alone = kinds(page(*lines[:4], *lines[6:]))
    assert alone[2] == ("heading", "李克强向科威特首相致贺电")


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("“爱心行动”项目不仅是", ["paragraph", "paragraph"]),  # ends on a word that needs more
        ("“爱心行动”项目签约", ["paragraph", "heading", "paragraph"]),  # near miss: a headline
        ("“爱心行动”积极应对", ["paragraph", "heading", "paragraph"]),  # 对 inside a word (应对)
        ("“爱心行动”指数为", ["paragraph", "paragraph"]),  # a preposition needs its object
        ("“爱心行动”成为", ["paragraph", "heading", "paragraph"]),  # 为 inside a word (成为)
    ],
)
def test_a_short_line_ending_on_a_particle_is_no_headline(first: str, expected: list[str]) -> None:
    text = page(
        "换届会上，李文红与康鹏签署",
        "2023年度《国家能源集团“爱心行动”",
        "捐赠协议》",
        "。",
        first,
        "国家能源集团的品牌项目，也是中国",
        "社会工作联合会的品牌项目，新的捐",
        "赠协议的签署标志着合作正式开始。",
    )
    assert [k for k, _ in kinds(text)] == expected


def test_a_kicker_with_a_comma_set_across_columns_over_a_wider_title() -> None:
    """A kicker with a clause mark over a one-line title is a paragraph's look, unless both are
    wider than the column below them: then they are headline lines set across the columns."""
    blocks = kinds(page(
        "实实在在的成效。",
        "下一步，“通武廊”三地将在平",
        "等互利的基础上，明确各自社会工作",
        "本土化发展定位及特色，发挥资源联",
        "动优势，形成合作互动、优势互补、",
        "互利共赢、协同发展的新格局，全面",
        "促进“通武廊”合作交流，共同推进",
        "京津冀协同发展。（据天津市武清区",
        "融媒体中心）",
        "夯实社会工作理论基础，促进“政校合作”",
        "社会工作助力新疆民政事业高质量发展论坛举办",
        "为进一步夯实社会工作理论基",
        "础，加强社会工作理论研究，促进",
        "“政校合作”，近日，新疆维吾尔自",
        "治区民政厅联合新疆大学在乌鲁木齐",
        "举办社会工作助力新疆民政事业高质",
        "量发展论坛。自治区民政厅党组成",
        "员、副厅长杨中，新疆大学党委常",
        "委、副校长顾光海参加论坛并致辞，",
        "自治区民政厅慈善事业促进和社会工",
        "作处处长麦合木提江·艾麦提主持会",
    ))
    assert [t for k, t in blocks if k == "heading"] == [
        "夯实社会工作理论基础，促进“政校合作”",
        "社会工作助力新疆民政事业高质量发展论坛举办",
    ]
    # near miss: the same two lines no wider than the column are the start of a paragraph
    narrow = [
        "（据天津市武清区融媒体中心）",
        "他说这件事还没有结束，因",
        "为后续的工作还要继续做",
        "下去，大家都很关心这件事情",
        "的进展，希望早日完成。",
    ]
    assert [k for k, _ in kinds(page(*narrow))] == ["credit", "paragraph"]


def test_a_headline_goes_on_past_a_line_that_only_looks_like_a_first_line() -> None:
    """"“政校合作”" is as narrow as an indented first line, but the lines after it run without a
    clause mark to "坛举办", clearly narrower than the indented line below: the kicker's end and
    a three-line title, not a paragraph."""
    lines = [
        "月29日-30日）启动，并延续至",
        "下个周末（12月6日-7日）。届",
        "时，各街道分馆将在展区联袂呈",
        "现“流动非遗市集”：市民可在",
        "体验区尝试拓印、麻篮编织、药",
        "香香牌制作等非遗手工活动。",
        "（据深圳晚报）",
        "夯实社会工作理论基础，促进",
        "“政校合作”",
        "社会工作助力新疆民",
        "政事业高质量发展论",
        "坛举办",
        "为进一步夯实社会工作理论",
        "基础，加强社会工作理论研究，",
        "促进“政校合作”，近日，新疆",
        "维吾尔自治区民政厅联合新疆大",
        "学在乌鲁木齐举办社会工作助力",
        "新疆民政事业高质量发展论坛。",
        "自治区民政厅党组成员、副厅长",
        "杨中，新疆大学党委常委、副校",
        "长顾光海参加论坛并致辞，自治",
    ]
    blocks = kinds(page(*lines))
    assert [t for k, t in blocks if k == "heading"] == [
        "夯实社会工作理论基础，促进“政校合作”",
        "社会工作助力新疆民政事业高质量发展论坛举办",
    ]
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("为进一步夯实社会工作理论基础")
    # near miss: lines that run on to a sentence end are a paragraph
    ended = [("坛举办了。" if t == "坛举办" else t) for t in lines]
    assert not any(k == "heading" and "坛举办" in t for k, t in kinds(page(*ended)))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“松岗七星狮的鼓点暗合北斗", ["paragraph", "paragraph"]),  # "北斗七星" runs on: prose
        ("松岗七星狮鼓点暗合天象", ["paragraph", "heading", "paragraph"]),  # near miss: ends a word
    ],
)
def test_a_line_whose_last_word_runs_on_is_no_headline(line: str, expected: list[str]) -> None:
    text = page(
        "雨顺、驱邪避灾，难怪每年这天宝",
        "安人都要举行舞龙醒狮等盛大庆",
        "典！”",
        line,
        "七星方位，连舞步都藏着天文智",
        "慧！”11月25日，宝安区图书馆一",
        "楼南大厅举办展览。",
    )
    assert [k for k, _ in kinds(text)] == expected


def test_a_headline_broken_at_its_colon_is_one_headline() -> None:
    text = page(
        "中科战略伙伴关系取得新进展。",
        "机遇与合作：",
        "“通武廊”社会工作再携手",
        "为深入推进“通武廊”社会工作协同",
        "发展，促进三地社工站建设专业化水平不",
        "断提升，近日，由天津市武清区民政局主",
        "办，武清区社会工作服务站承办。",
    )
    assert kinds(text)[1] == ("heading", "机遇与合作：“通武廊”社会工作再携手")
    # OCR: an ASCII colon and a blank line between the two lines
    ocr = [
        "中科战略伙伴关系取得新进展。",
        "(据央视《新闻联播》)",
        "",
        "机遇与合作:",
        "",
        "“通武廊”社会工作再携手",
        "",
        "为深入推进“通武廊”社会工作",
        "协同发展，促进三地社工站建设专业",
        "化水平不断提升，近日，由天津市武",
        "清区民政局主办，武清区社会工作服",
        "务站承办。",
    ]
    assert [b for b in kinds(page(*ocr)) if b[0] == "heading"] == [("heading", "机遇与合作:“通武廊”社会工作再携手")]
    # near miss: a colon that opens a quotation in prose
    prose = [
        "这是前一段的最后一句话，说完",
        "了。他在会上说：",
        "“我们将继续努力，把工作做得",
        "更好，让群众满意。”",
    ]
    assert [k for k, _ in kinds(page(*prose))] == ["paragraph"]


def test_a_line_the_headlines_last_word_runs_on_into_is_the_headlines() -> None:
    """"共建“一带一路”·权" / "威访谈": the second line is as narrow as a paragraph's last, but
    "权威" runs across the break, so the headline goes on there (and on to the title below)."""
    blocks = kinds(page(
        "日-30日）启动，并延续",
        "至 下 个 周 末 （ 12 月 6",
        "日-7日）。届时，各街",
        "道分馆将在展区联袂呈",
        "现“流动非遗市集”：",
        "市民可在体验区尝试拓",
        "印、麻篮编织、药香香",
        "牌制作等非遗手工活",
        "动。",
        "（据深圳晚报）",
        "共建“一带一路”·权",
        "威访谈",
        "新疆积极打造",
        "我国向西开放",
        "的桥头堡",
        "共 建 “ 一 带 一",
        "路”，顺应时代潮流，",
        "践行人类命运共同体理",
        "念，为全球治理体系改",
        "革提供了中国方案，也",
        "开创了我国对外开放的",
        "新格局。《新闻联播》",
        "从今天（10月3日）开",
    ))
    assert [t for k, t in blocks if k == "heading"] == [
        "共建“一带一路”·权威访谈",
        "新疆积极打造我国向西开放的桥头堡",
    ]
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("共 建 “ 一 带 一路”，顺应时代潮流")


def test_a_headline_line_wider_only_by_its_digits_does_not_start_a_new_element() -> None:
    """"西部陆海新通道铁海" / "联运班列累计开行3万" / "列": the second line is wider only by the
    guessed width of a digit; it is the same headline, not a title under a kicker."""
    text = page(
        "约9万名乘客的出行受",
        "到影响。",
        "（据央视《新闻联播》",
        "）",
        "西部陆海新通道铁海",
        "联运班列累计开行3万",
        "列",
        "今天（10月8日）",
        "，",
        "一列装载110个集装箱",
        "的铁海联运班列从广西",
        "钦州铁路集装箱中心站",
        "开出。",
    )
    assert [b for b in kinds(text) if b[0] == "heading"] == [("heading", "西部陆海新通道铁海联运班列累计开行3万列")]


def test_headline_between_articles_stands_alone() -> None:
    text = page(
        "七位新闻发言人还就创新驱动",
        "等话题回答了记者的提问。",
        "（据央视网）",
        "日本上半财年贸易逆差创新高",
        "据日本财务省今天发布",
        "的数据，受能源价格上涨、日",
        "元急速贬值等因素影响，日本",
        "上半财年贸易逆差创新高。",
    )
    blocks = kinds(text)
    assert ("heading", "日本上半财年贸易逆差创新高") in blocks
    assert blocks[-1][0] == "paragraph" and blocks[-1][1].startswith("据日本财务省")


def test_two_line_headline_is_one_heading_block() -> None:
    text = page(
        "前文的最后一句话在这里。",
        "（据央视网）",
        "陕北到安徽特高压直流输电工",
        "程开工",
        "今天（3月15日），国家电",
        "网陕北至安徽正负800千伏特高",
        "压直流输电工程开工建设。该工",
        "程为我国再添一条大动脉。",
    )
    assert ("heading", "陕北到安徽特高压直流输电工程开工") in kinds(text)


def test_headline_whose_last_line_is_as_narrow_as_an_indent() -> None:
    text = page(
        "上一篇文章的最后一句话在这里。",
        "（据央视网）",
        "西部陆海新通道铁海联",
        "运班列累计开行万列",
        "今天上午，一列装载集",
        "装箱的铁海联运班列从广西钦",
        "州铁路集装箱中心站开出，这",
        "标志着班列累计开行三万列。",
    )
    assert ("heading", "西部陆海新通道铁海联运班列累计开行万列") in kinds(text)


def test_a_line_closing_quotes_it_never_opened_is_no_headline() -> None:
    text = page(
        "记者还了解到，“喜阅西乡",
        "",
        "悦”读非遗西乡历史文化展”也同",
        "",
        "步在分会场宝安图书馆西乡街",
        "道分馆开展，重点为观众普及",
        "传统文化，讲好西乡故事。",
    )
    assert "heading" not in [k for k, _ in kinds(text)]


def test_after_a_credit_a_short_run_between_blank_lines_is_a_headline() -> None:
    """OCR sets blank lines around a headline; its second line can be as narrow as an indent."""
    text = page(
        "记者的提问。",
        "",
        "（据央视网）",
        "",
        "物流业景气水平加快",
        "回升运行趋稳向好",
        "",
        "中国物流与采购联合会今天",
        "公布9月份中国物流业景气指",
        "数，物流活跃度提升，运行趋",
        "稳向好。",
    )
    assert ("heading", "物流业景气水平加快回升运行趋稳向好") in kinds(text)


TITLE_OVER_FULL_LINE = [
    "提高1.9个百分点，仓储业、水上运输业、邮政快递业、航空运输",
    "业依然是投资重点领域。",
    "（据央视网）",
    "李克强向科威特首相致贺电",
    "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴",
    "赫，祝贺他就任科威特国首相。",
    "李克强在贺电中表示，中科传统友谊深厚，科威特是最早同新",
    "中国建交的海湾阿拉伯国家。",
]


def test_a_title_over_a_full_line_that_runs_on_is_a_headline_of_one_line() -> None:
    """A full first line without clause marks under a short line could be the title's second line, but the lines
    below go on from it as wide: it is the body's first line, and the short line over it the title alone."""
    got = kinds(page(*TITLE_OVER_FULL_LINE))
    assert ("heading", "李克强向科威特首相致贺电") in got
    assert ("paragraph", "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺他就任科威特国首相。") in got
    # with no credit above, the same: the short line is over a full line that the lines below go on from, as
    # where that line has a comma; near miss: a short line that ends its sentence is a paragraph's
    no_credit = kinds(page(*TITLE_OVER_FULL_LINE[:2], *TITLE_OVER_FULL_LINE[3:]))
    assert ("heading", "李克强向科威特首相致贺电") in no_credit
    ended = kinds(page(*TITLE_OVER_FULL_LINE[:2], "李克强向科威特首相致贺电。", *TITLE_OVER_FULL_LINE[4:]))
    assert not any(kind == "heading" for kind, _ in ended)
    # a title on two lines over it: the two lines are the title
    two_lines = [*TITLE_OVER_FULL_LINE[:3], "李克强向科威特首相", "致贺电", *TITLE_OVER_FULL_LINE[4:]]
    assert ("heading", "李克强向科威特首相致贺电") in kinds(page(*two_lines))
    # under a bulletin's masthead, where a title is due as after a credit; also under a section tag
    masthead = ["民政工作简报", "第8期", "区民政局办公室编", "2024年5月8日", *TITLE_OVER_FULL_LINE[3:]]
    assert ("heading", "李克强向科威特首相致贺电") in kinds(page(*masthead))
    tagged = kinds(page(*masthead[:4], "【简讯】", *TITLE_OVER_FULL_LINE[3:]))
    assert ("heading", "【简讯】") in tagged and ("heading", "李克强向科威特首相致贺电") in tagged


def test_a_byline_under_a_title_ends_the_headline_over_an_unindented_body() -> None:
    """``李克强向科威特首相致贺电`` / ``市慈善总会`` / ``国务院总理李克强19日致`` (a bulletin's two columns, the body's
    first line neither indented nor set apart): the office's byline ends the headline. Near miss: the same lines
    without the byline run on as one paragraph, as the widths say nothing."""
    lines = ["工作。", "（据香港商报）", "李克强向科威特首相致贺电", "市慈善总会", "国务院总理李克强19日致",
             "电艾哈迈德·纳瓦夫·艾哈迈德·萨", "巴赫，祝贺他就任科威特国首", "相。", "李克强在贺电中表示，中科传",
             "统友谊深厚。"]
    got = kinds(page(*lines))
    assert ("heading", "李克强向科威特首相致贺电") in got and ("paragraph", "市慈善总会") in got
    assert ("heading", "李克强向科威特首相致贺电") not in kinds(page(*lines[:3], *lines[4:]))


def test_a_kicker_over_a_title_set_wider_than_the_column_keeps_its_title() -> None:
    """Near miss of ``title_over_full_line``: the line under the kicker is wider than the column, a title's,
    no body's first line: the run is kicker and title (first on its page: ``_opens_page``), never the kicker alone
    as a title."""
    blocks = build_blocks(page(
        "第7版 经济 民政简报 2025年5月28日 星期三",
        "夯实社会工作理论基础，促进“政校合作”",
        "社会工作助力新疆民政事业高质量发展论坛举办",
        "为进一步夯实社会工作理论基础，",
        "加强社会工作理论研究，促进“政校合",
        "作”，近日，新疆维吾尔自治区民政厅",
        "联合新疆大学在乌鲁木齐举办社会工作",
        "助力新疆民政事业高质量发展论坛。",
    ))
    roles = [(b.get("role"), b["text"]) for b in blocks if b["kind"] == "heading"]
    assert roles == [("kicker", "夯实社会工作理论基础，促进“政校合作”"), ("title", "社会工作助力新疆民政事业高质量发展论坛举办")]


def test_a_letter_spaced_dateline_opens_the_story_under_its_headline() -> None:
    """``本 报 讯 （ 记 者 吴 晓`` (pdftotext spaced a justified line out) opens the story as ``本报讯`` does: the
    lines over it and the office's byline are its headline's."""
    got = kinds(page(
        "遗手工活动。", "（据深圳晚报）", "相约“5.20”表白、", "登记迎来小高潮", "市慈善总会", "本 报 讯 （ 记 者 吴 晓",
        "玲）“5.20”的谐音是“我爱你”，网络虚拟世界迎来了表白高峰，", "现实中的婚姻登记处也迎来了登记小高潮。"))
    assert ("heading", "相约“5.20”表白、登记迎来小高潮") in got



def test_a_body_line_spaced_out_with_its_marks_and_digits_ends_the_headline_above() -> None:
    """``今 天 （ 3 月 15`` (a justified first line of a narrow column, two characters of it and its date spaced
    out) is running text: the two lines over it, after a credit, are the title. Near miss: ``2024 年 5 月`` and
    ``陈玲玲 林娟`` are spaced as printed, no line spaced out."""
    got = kinds(page("部等地有中到大雪或雨夹雪。", "（来源：央视网）", "“中国经济展望”大使圆", "桌对话活动在北京举行",
                     "今 天 （ 3 月 15", "日），“中国经济展望”大使", "圆桌对话活动在北京举行。国", "家相关部门负责人出席。"))
    assert ("heading", "“中国经济展望”大使圆桌对话活动在北京举行") in got
    assert [bool(LETTER_SPACED_RE.search(t)) for t in ("今 天 （ 3 月 15", "2024 年 5 月", "陈玲玲 林娟")] == [
        True, False, False]


def test_a_letter_spaced_headline_line_is_full_width_not_a_kicker() -> None:
    """A justified headline line ("总 台 2024 年") is as wide as the next; near-miss: a narrow one is cut."""
    after = [
        "中央广播电视总台",
        "2024年“3·15”晚会今",
        "晚（3月15日）20时在",
        "央视财经频道播出。",
    ]
    spaced = kinds(page(
        "多很好的意见建议。",
        "（据香港商报）",
        "总 台 2024 年",
        "“3·15”晚会今晚播",
        "出",
        *after,
    ))
    assert [t for k, t in spaced if k == "heading"] == ["总 台 2024 年“3·15”晚会今晚播出"]
    narrow = kinds(page(
        "多很好的意见建议。",
        "（据香港商报）",
        "总台新闻",
        "“3·15”晚会今晚播",
        "出",
        *after,
    ))
    assert [t for k, t in narrow if k == "heading"] == [
        "总台新闻",
        "“3·15”晚会今晚播出",
    ]


def test_text_after_a_sentence_inside_a_printed_line_never_closes_a_document_as_a_headline() -> None:
    assert kinds(page("他说完了这件事情。 春天来了真美好，", "万物复苏")) == [
        ("paragraph", "他说完了这件事情。"), ("paragraph", "春天来了真美好，万物复苏")]


def test_a_headline_read_down_to_its_dateline_is_one_heading() -> None:
    """Cut at its clause mark and its digits, the headline over "本报讯" is one headline (its
    short first line a kicker), and the dateline opens the body."""
    blocks = build_blocks(page(*DATED))
    heads = [b for b in blocks if b["kind"] == "heading"]
    assert "".join(b["text"] for b in heads) == "相约“5.20”表白、登记迎来小高潮"
    assert len({b["headline"] for b in heads}) == 1 and "label" not in {b.get("role") for b in heads}
    assert blocks[-1]["text"].startswith("本报讯")


@pytest.mark.parametrize(("lines", "heading"), [
    # OCR's blank lines: the lead's first line opens a quote of speech that closes below
    (["投资重点领域。（据央视网）", "", "非遗民俗文献展邀市民", "", "“原来三月三是为了庆祝北帝", "", "雨顺、", "盟！”", "",
      "北斗七星方位，", "宝安区图书馆一楼南大厅的展览正式开幕。"], "非遗民俗文献展邀市民"),
    # near miss: a title's quoted name wraps onto its next line
    (["投资重点领域。（据央视网）", "", "非遗民俗文献展邀市民“宝读", "诗书”", "",
      "“原来三月三是为了庆祝北帝诞辰，祈求风调雨顺！”宝安区图书馆", "一楼南大厅的展览正式开幕。"], "非遗民俗文献展邀市民“宝读诗书”"),
])
def test_a_quote_of_speech_starts_the_body_under_a_headline(lines: list[str], heading: str) -> None:
    assert [b["text"] for b in build_blocks(page(*lines)) if b["kind"] == "heading"] == [heading]


OCR_315 = ["的肥力。", "(来源: 央视网)", "", "总台2024年“3。15”晚会今", "晚播出", "", "中央广播电视总台 2024",
           "年“3.15”晚会今晚〈3 月 15", "日) 20 时在央视财经频道播", "出，晚会聚焦“共筑诚信共享安", "全”主题。",
           "〈据央视《新闻联播》)"]


def test_ocr_a_title_with_a_point_read_as_a_full_stop_over_a_body_going_on_from_its_number() -> None:
    """Held-out seed 263 doc09 through tesseract: the title's ``3·15`` read ``3。15`` (no sentence end between two
    digits), and the body's first line set apart by a blank goes on from its number (``2024`` / ``年…``): it is the
    body's, not the title's."""
    got = kinds(page(*OCR_315))
    assert ("heading", "总台2024年“3。15”晚会今晚播出") in got
    assert any(kind == "paragraph" and text.startswith("中央广播电视总台 2024年") for kind, text in got)
    # near miss: a full stop after the number ends a sentence: no title
    stopped = [*OCR_315[:3], "总台2024年“3.15”晚会今晚播出。", *OCR_315[5:]]
    assert "heading" not in [kind for kind, text in kinds(page(*stopped)) if text.startswith("总台")]
    # near miss: a body's first line whose full stop stands between two numbers ends a sentence there: no title
    hotline = [*OCR_315[:3], "便民服务热线号码为12345。3月起", "全天24小时有人接听，欢迎广大群", "众来电咨询。", "(县民政局)"]
    assert "heading" not in [kind for kind, _ in kinds(page(*hotline))]


OCR_PARAGRAPH = ["片却是假的。", "", "经进一步调查，驾驶人", "姓“丁”，系江西人，驾驶证是", "他一个星期前花了80元从制假",
                 "证的人手里买的。根据修改后5", "月1日开始施行的交通安全法，", "丁某被处以4100元罚款。"]


def test_ocr_a_paragraphs_first_line_with_a_comma_after_a_blank_is_no_title() -> None:
    """Held-out seed 263 doc10 through tesseract: an OCR paragraph's first line (a blank before it, the text right
    under it) with a comma, as wide as the column with the indent OCR lost and a character that came down with its
    quote, is the paragraph's, not a title over it."""
    got = kinds(page(*OCR_PARAGRAPH))
    assert got[-1][0] == "paragraph" and got[-1][1].startswith("经进一步调查，驾驶人姓“丁”")
    # near miss: a title with a comma clearly narrower than its column stays a title
    titled = [*OCR_PARAGRAPH[:2], "进社区，我们在行动", *OCR_PARAGRAPH[3:]]
    assert ("heading", "进社区，我们在行动") in kinds(page(*titled))
    # near miss: as wide, but the line under it opens a sentence of its own (日前), not the clause's predicate
    title = ["活动圆满结束。", "", "携手同行，共创美好", "日前，县残联组织志愿者走进", "社区送去慰问品。"]
    assert ("heading", "携手同行，共创美好") in kinds(page(*title))


def test_a_tag_at_a_pages_foot_heads_the_title_with_its_comma_the_next_page_starts() -> None:
    heads = [(b["role"], b["text"]) for b in build_blocks(page(*TAG_THEN_COMMA_TITLE)) if b["kind"] == "heading"]
    assert heads == [("kicker", "【简讯】"), ("title", "文明进社区，我们在行动")]


@pytest.mark.parametrize("last, heading", [
    # a file that stores each headline after its story ends on one: its column tag and three title lines
    (["【社工天地】", "“中国经济展望”", "大使圆桌对话活", "动在北京举行"], True),
    # near miss: four headline-like lines with no tag over them close the document: prose cut short, not a title
    (["中国经济展望", "大使圆桌对话活", "动在北京举行", "今年的会议在"], False),
])
def test_a_tagged_headline_of_three_lines_may_close_a_document(last: list[str], heading: bool) -> None:
    got = kinds(page("观经济走势，并就“中国经", "济”相关话题深入交流。", "（据央视《新闻联播》）", *last,
                     "乡村振兴快报 2025年5月20日 星期二 第8版 综合新闻"))
    assert (("heading", "“中国经济展望”大使圆桌对话活动在北京举行") in got) is heading
    assert any(kind == "heading" for kind, _ in got) is heading


def test_a_column_tag_alone_at_a_documents_end_stays_out_of_the_story() -> None:
    """Near miss of the tagged closing headline: a tag alone closing the document is still a headline's line (the
    splitter drops it with no title under it), never a paragraph of the story above."""
    got = kinds(page("全国秋粮收获过半", "", INDENT + "记者从农业农村部获悉，全国秋粮已收获", "过半，进度快于去年同期。", "",
                     "【社工天地】"))
    assert got[-1] == ("heading", "【社工天地】")
