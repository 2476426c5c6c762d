"""Article splitter: recognition tables with near-misses, headline assignment, seed 001, jump lines."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.check import check_conservation, closed_titles, record_outputs
from normalize.errors import NormalizeError
from normalize.layout import dehyphenate_records
from normalize.punct import punctuate
from normalize.split import Headline, credit_text, similarity, split_articles, split_document

ROOT = Path(__file__).resolve().parents[1]


def block(kind: str, text: str, first: int, last: int | None = None, page: int = 1, **extra: object) -> dict:
    return {"kind": kind, "text": text, "page": page, "lines": [first, last or first], "gap": "", "why": "", **extra}


def heading(text: str, first: int, headline: int, role: str = "title", **extra: object) -> dict:
    """A heading block as the layout stage gives it: one headline's element, with its role."""
    return block("heading", text, first, headline=headline, role=role, **extra)


def pipeline(text: str, doc: str = "doc.txt") -> list[dict]:
    return list(split_articles(punctuate(dehyphenate_records([{"id": doc, "text": text, "steps": ["load"]}]))))


@pytest.mark.parametrize(
    ("printed", "credit", "misread"),
    [("(据央视《新闻联播轧", "据央视《新闻联播》", "轧"), ("〈据央视《新闻联播疙", "据央视《新闻联播》", "疙"),
     # near misses: the title closed, or open with nothing read in the marks' place
     ("(据央视《新闻联播》)", "据央视《新闻联播》", None), ("(据央视《新闻联播", "据央视《新闻联播", None)],
)
def test_a_credits_book_title_ocr_left_open_is_closed_and_the_glyph_read_for_its_marks_removed(
        printed: str, credit: str, misread: str | None) -> None:
    text = "社区食堂开业\n\n近日，社区食堂正式开业，居民在家门口就能吃上热乎饭。\n" + printed + "\n"
    [article] = pipeline(text)
    assert article["credit"] == credit
    dropped = [r["text"] for r in article["removed"] if r["kind"] == "misread_marks"]
    assert dropped == ([misread] if misread else [])


def test_a_credits_book_title_whose_closing_marks_ocr_dropped_is_closed_where_the_page_prints_it_closed() -> None:
    """``(据央视《新闻联播`` where the page prints ``《新闻联播》`` closed elsewhere: OCR dropped the marks; the title
    is closed, and ``removed`` says so (``misread_marks`` with no glyph), which ``--check`` counts. Near miss: the
    same credit on a page that prints the title nowhere closed stays open (its title may go on)."""
    story = "社区食堂开业\n\n近日，社区食堂正式开业，居民在家门口就能吃上热乎饭。\n"
    other = "\n\n义诊进社区\n\n日前，医生走进社区为居民义诊，测量血压。\n(据央视《新闻联播》)\n"
    first, second = pipeline(story + "(据央视《新闻联播\n" + other)
    assert first["credit"] == second["credit"] == "据央视《新闻联播》"
    assert [(r["kind"], r["text"]) for r in first["removed"] if r["kind"] == "misread_marks"] == [("misread_marks", "")]
    outputs = [t for a in (first, second) for t in record_outputs(a)]
    assert check_conservation("doc.txt", story + "(据央视《新闻联播\n" + other, outputs,
                              closed=closed_titles([first, second])) is None
    [alone] = pipeline(story + "(据央视《新闻联播\n")
    assert alone["credit"] == "据央视《新闻联播" and not alone["removed"]


def test_a_credits_book_title_wrapped_under_a_paragraphs_end_rejoins_the_credit() -> None:
    """``…不断取得新进展。 (据央视《新`` / ``闻联播访`` (OCR's 访 for ``》）``), a gap after: the title's rest is the
    credit's, closed, and the glyph removed. Near miss: a line that goes on otherwise under the open credit (the
    next story's title, ``闻名全国的古镇``) stays apart."""
    story = ["习近平致电祝贺穆伊兹", "", "习近平表示，中马是传统友好邻邦，愿同穆伊兹当选总统一道努力，推动两国关系",
             "不断取得新进展。 (据央视《新"]
    nxt = ["", "我国西部多地今夜起将", "出现雨雪天气", "", "中央气象台预计，今天夜间起西部多地将出现雨雪天气。"]
    first, second = pipeline("\n".join([*story, "闻联播访", *nxt]) + "\n")
    assert first["credit"] == "据央视《新闻联播》" and second["title"] == "我国西部多地今夜起将出现雨雪天气"
    assert [r["text"] for r in first["removed"] if r["kind"] == "misread_marks"] == ["访"]
    articles = pipeline("\n".join([*story, "闻名全国的古镇", *nxt]) + "\n")
    assert articles[0]["credit"] == "据央视《新" and not any("闻名全国" in (a["credit"] or "") for a in articles)


OPEN_TAIL = ["14日，德国服务业联合工会组织德国多个机场的安保人员举行罢工，要求提高员工待遇。罢工导致", "约9万名乘客",
             "的出行受到影响。(据央"]
NEXT_STORY = ["", "李克强向科威特首相", "致贺电", "", "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝",
              "贺他就任科威特国首相。"]


def test_a_credit_wrapped_at_a_paragraphs_end_with_its_closing_marks_misread_closes_the_story() -> None:
    """``…受到影响。(据央`` / ``视《新闻联播六``, a gap after: the credit ends the story, whose paragraph
    otherwise went on into the next story's headline and body."""
    first, second = pipeline("\n".join([*OPEN_TAIL, "视《新闻联播六", *NEXT_STORY]) + "\n")
    assert first["paragraphs"][-1].endswith("的出行受到影响。") and first["credit"] == "据央视《新闻联播》"
    assert second["title"] == "李克强向科威特首相致贺电"
    assert second["paragraphs"] == ["国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺他就任科威特国首相。"]


def test_a_column_tag_left_at_a_pages_foot_is_the_kicker_of_the_title_the_next_page_starts_with() -> None:
    """``【基层动态】`` / ``— 2 —`` / next page: ``习近平致电…总统`` / ``——记者走访见闻`` / body: one headline,
    its kicker, title and subtitle; the page number goes to ``removed``."""
    text = "\n".join([
        "近日，社区食堂正式开业，居民在家门口就能吃上热乎饭。", "（据央视网）", "【基层动态】", "— 2 —",
        "\f习近平致电祝贺穆伊兹当选马尔代夫总统", "——记者走访见闻",
        "10月3日，国家主席习近平致电穆罕默德·穆伊兹，祝贺他当选马尔", "代夫总统。"]) + "\n"
    first, second = pipeline(text)
    assert (second["kicker"], second["title"], second["subtitle"]) == (
        "基层动态", "习近平致电祝贺穆伊兹当选马尔代夫总统", "——记者走访见闻")
    assert second["paragraphs"] == ["10月3日，国家主席习近平致电穆罕默德·穆伊兹，祝贺他当选马尔代夫总统。"]
    assert "— 2 —" in {r["text"] for r in first["removed"]}


@pytest.mark.parametrize(("dash", "subtitle"), [("-一来自基层的报道", "——来自基层的报道"), ("来自基层的报道", None)])
def test_ocr_a_tag_title_and_subtitle_each_set_apart_keep_their_roles(dash: str, subtitle: str | None) -> None:
    """OCR sets a column tag, a title and its subtitle after a dash each between blank lines: the tag is the kicker,
    the subtitle no part of the title, its dash as printed (——). Near miss: a line without its dash is the title's."""
    text = "\n".join(["上文写完了。", "", "（据新华社）", "", "【工作动态】", "", "日本上半财年贸易逆差创", "新高", "",
                      dash, "", "据日本财务省今天（10月20日）发布的数据，日本上半财年贸易逆差创", "新高。"]) + "\n"
    article = pipeline(text)[1]
    title = "日本上半财年贸易逆差创新高" + ("" if subtitle else dash)
    assert (article["kicker"], article["title"], article["subtitle"]) == ("工作动态", title, subtitle)


def test_ocr_a_bare_credit_wrapped_after_a_sentence_inside_the_line_closes_its_story() -> None:
    """``…也将按相关规定办理。 (街`` / ``道社工站)``: the piece after the sentence's end, with the next line, is the
    story's credit, and the next story's headline stands on its own."""
    text = "\n".join([
        "此外，我县孤儿认定工作实行动态管理，对以后新出现的", "孤儿将及时予以认定，需要取消的也将按相关规定办理。 (街",
        "道社工站)", "", "李克强向科威特首相致贺电", "东城区民政局", "",
        "国务院总理李克强19日致电艾哈迈德·纳瓦夫·艾哈迈德·萨巴赫，祝贺他就任科威特国首相。"]) + "\n"
    first, second = pipeline(text)
    assert first["paragraphs"][-1].endswith("办理。") and first["credit"] == "街道社工站"
    assert (second["title"], second["byline"]) == ("李克强向科威特首相致贺电", "东城区民政局")


@pytest.mark.parametrize("gap", ["", "\f"])
def test_a_credits_book_title_wrapped_across_a_blank_or_a_page_is_no_open_credit(gap: str) -> None:
    """``(据央视《新闻联`` / blank (or a new page) / ``播》）``: the title goes on to the next line, whose text
    closes it, so the story ends with the whole credit and the next headline stands."""
    text = "\n".join(["社区开展助老活动", "", "近日，某社区组织志愿者走访辖区老人，受到居民好评。(据央视《新闻联", "",
                      gap + "播》）", "", "县里举办技能培训", "", "日前，县人社局举办技能培训班，百余人参加。"]) + "\n"
    first, second = pipeline(text)
    assert first["credit"] == "据央视《新闻联播》" and second["title"] == "县里举办技能培训"
    assert not any(r["kind"] == "misread_marks" for r in first["removed"])


def test_prose_citing_a_document_on_a_narrow_columns_line_is_never_a_credit() -> None:
    """``（据区政府办公室印发的《关于加`` / ``快推进…意见》要求），…``: a sentence citing a document, no credit;
    no character of it is removed."""
    text = "\n".join(["社区开展助老活动", "近日，某社区组织志愿者走访辖", "区老人，送去生活用品和祝福。",
                      "（据区政府办公室印发的《关于加", "快推进基层社会治理现代化的意", "见》要求），各社区要持续开展关",
                      "爱活动，老人们纷纷表示感谢。", "（城南街道）"]) + "\n"
    [article] = pipeline(text)
    assert "（据区政府办公室印发的《关于加快推进基层社会治理现代化的意见》要求），" in article["paragraphs"][-1]
    assert article["credit"] == "城南街道" and not article["removed"]


def test_a_credit_alone_over_a_page_number_and_its_titles_rest() -> None:
    """``（据央视《新闻联`` alone at a page's foot, the next page opening with its number and ``播》）``: the title goes
    on there, whatever the dictionary says of ``新闻联``; no character is removed."""
    text = "\n".join(["社区开展助老活动", "", "近日，某社区组织志愿者走访辖区老人，受到居民好评。", "（据央视《新闻联",
                      "\f2", "播》）", "", "县里举办技能培训", "", "日前，县人社局举办职业技能培训班，百余人参加。"]) + "\n"
    first, second = pipeline(text)
    assert first["credit"] == "据央视《新闻联播》" and second["title"] == "县里举办技能培训"
    assert not any(r["kind"] == "misread_marks" for r in first["removed"])


@pytest.mark.parametrize("paper", ["人民政协报", "人民法院报", "中国老年报", "中国网"])
def test_a_papers_name_ending_its_credit_loses_no_character(paper: str) -> None:
    """Near miss of the misread closing marks: OCR lost the 》 of ``（据《人民法院报）``; the name's last character
    (报, 网…) is no glyph of marks."""
    text = "社区开展助老活动\n\n近日，某社区组织志愿者走访辖区老人，受到居民好评。\n(据《" + paper + "\n"
    [article] = pipeline(text)
    assert article["credit"] == "据《" + paper
    assert not any(r["kind"] == "misread_marks" for r in article["removed"])


def test_a_book_title_going_on_to_the_next_line_is_no_open_credit() -> None:
    """Near miss: ``(据央视《新闻联`` / ``播》)``, no gap between: the credit closes on the next line, as printed."""
    [first, _] = pipeline("\n".join([*OPEN_TAIL[:2], "的出行受到影响。(据央视《新闻联", "播》)", *NEXT_STORY]) + "\n")
    assert first["credit"] == "据央视《新闻联播》"
    assert not any(r["kind"] == "misread_marks" for r in first["removed"])


@pytest.mark.parametrize(
    ("printed", "credit"),
    [("（据新疆民政）", "据新疆民政"), ("(来源：央视网)", "来源：央视网"), ("（据央视《新闻联播》）", "据央视《新闻联播》"),
     ("（〈陈维连）", "陈维连"), ("（来源：中国政府网(www.gov.cn)）", "来源：中国政府网(www.gov.cn)"),
     ("（据新华社电(记者 张三)）", "据新华社电(记者 张三)")],
)
def test_credit_loses_only_its_outer_brackets(printed: str, credit: str) -> None:
    assert credit_text(printed) == credit


@pytest.mark.parametrize(
    ("blocks", "parts"),
    [
        ([heading("夯实社会工作理论基础，促进“政校合作”", 1, 1, "kicker"), heading("社会工作助力新疆民政事业", 2, 1),
          heading("高质量发展论坛举办", 3, 1)],
         ("夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办", None)),
        ([heading("全国秋粮收获过半", 1, 1), heading("——来自主产区的报道", 2, 1, "subtitle")],
         (None, "全国秋粮收获过半", "——来自主产区的报道")),
        # a title repeated above "（上接…）" is still a title; the visual gap inside a headline is not kept
        ([heading("物流业景气水平加快回升 运行趋稳向好", 1, 1, "repeated")], (None, "物流业景气水平加快回升运行趋稳向好", None)),
    ],
)
def test_headline_parts_are_the_roles_the_blocks_carry(blocks: list[dict], parts: tuple[str | None, str, str | None]) -> None:
    assert Headline(blocks).parts() == parts


def test_split_refuses_a_record_without_blocks() -> None:
    with pytest.raises(NormalizeError, match=r"no blocks.*dehyphenate first"):
        list(split_articles([{"id": "a.txt", "text": "正文。"}]))


BODIES = {
    "通武廊": ["为深入推进“通武廊”社会工作协同发展，三地在武清区举办研讨会。", "会上，三地民政局签订了合作框架协议。"],
    "儿助会": ["中国社会工作联合会儿童社会救助工作委员会换届大会在京举行，会长出席。", "儿助会开展助医、助学等公益活动。"],
    "新疆": ["新疆维吾尔自治区民政厅联合新疆大学举办社会工作助力民政事业发展论坛。", "论坛推进新疆社会工作事业繁荣发展。"],
}
TITLES = {
    "通武廊": "机遇与合作：“通武廊”社会工作再携手",
    "儿助会": "中国社会工作联合会儿童社会救助工作委员会换届大会在京举行",
    "新疆": "社会工作助力新疆民政事业高质量发展论坛举办",
}


def clustered_page(order: list[str]) -> list[dict]:
    """Seed 001's layout: a body, a cluster of three headlines, then two bodies; each body credited."""
    blocks, n = [], 1

    def add(kind: str, text: str) -> None:
        nonlocal n
        extra = {"headline": n, "role": "title"} if kind == "heading" else {}
        blocks.append(block(kind, text, n, **extra))
        n += 2  # a blank line after each: separate headlines

    add("paragraph", BODIES["通武廊"][0]); add("paragraph", BODIES["通武廊"][1]); add("credit", "（据甲）")  # noqa: E702
    for key in order:
        add("heading", TITLES[key])
    for key in ("新疆", "儿助会"):
        add("paragraph", BODIES[key][0]); add("paragraph", BODIES[key][1]); add("credit", f"（据{key}）")  # noqa: E702
    return blocks


@pytest.mark.parametrize("seed", range(6))
def test_clustered_headlines_go_to_the_bodies_they_name_whatever_their_order(seed: int) -> None:
    order = list(TITLES)
    random.Random(seed).shuffle(order)
    articles, _ = split_document({"id": "p.txt", "blocks": clustered_page(order)})
    got = {a["title"]: a["paragraphs"][0] for a in articles}
    assert got == {TITLES[k]: BODIES[k][0] for k in TITLES}
    assert [a["title"] for a in articles] == [TITLES[k] for k in order]  # reading order of the headlines


def test_similarity_prefers_the_body_the_headline_names() -> None:
    assert similarity(TITLES["新疆"], "".join(BODIES["新疆"])) > similarity(TITLES["新疆"], "".join(BODIES["儿助会"]))


def test_lead_printed_after_the_credit_goes_first_in_its_article() -> None:
    blocks = [
        heading(TITLES["儿助会"], 1, 1),
        block("paragraph", "陈存根指出，儿助会始终坚持以人为本的理念，开展各项公益活动。", 3),
        block("credit", "（据中国社会工作联合会）", 5),
        heading(TITLES["新疆"], 7, 2),
        block("paragraph", BODIES["新疆"][0], 9),
        block("credit", "（据新疆民政）", 11),
        block("paragraph", "日前，中国社会工作联合会儿童社会救助工作委员会（以下简称“儿助会”）换届大会在京举行。", 13),
    ]
    articles, _ = split_document({"id": "p.txt", "blocks": blocks})
    assert len(articles) == 2
    assert articles[0]["paragraphs"][0].startswith("日前") and articles[0]["lines"][0] == [13, 13]


def test_byline_editor_line_and_labels() -> None:
    blocks = [
        block("furniture", "民生周刊 2024年7月29日星期一 第5版", 1),
        block("heading", "简讯", 2, role="label"),
        heading("德国多个机场安保人员罢工", 3, 1),
        block("paragraph", "本报记者 张三", 4, role="byline"),
        block("paragraph", "14日，德国服务业联合工会组织多个机场的安保人员举行罢工。", 5),
        block("credit", "（据央视网）", 6),
        block("furniture", "责任编辑：李四", 7),
    ]
    [article], removed = split_document({"id": "p.txt", "blocks": blocks})
    assert (article["title"], article["byline"], article["credit"]) == ("德国多个机场安保人员罢工", "本报记者 张三", "据央视网")
    assert article["paragraphs"] == ["14日，德国服务业联合工会组织多个机场的安保人员举行罢工。"]
    assert sorted(r["text"] for r in removed) == sorted(["民生周刊 2024年7月29日星期一 第5版", "简讯", "责任编辑：李四"])


def test_short_body_line_is_not_mistaken_for_a_byline() -> None:
    """Near-miss: a sentence that starts with 记者 is prose."""
    blocks = [heading("标题在这里", 1, 1), block("paragraph", "记者从国家邮政局获悉，今年快递增长。", 2)]
    [article], _ = split_document({"id": "p.txt", "blocks": blocks})
    assert article["byline"] is None and len(article["paragraphs"]) == 1


# Page 1 of a two-page document: an article that jumps on to page 6, and page 6's running head.
JUMPING_PAGE = [
    "民生周刊 2024年7月29日星期一 第5版 民生",
    "全国秋粮收获过半",
    "农业农村部最新农情调度",
    "显示，眼下全国秋粮收获过半，",
    "主产区已进入收获高峰。",
    "山东省6600多万亩秋粮目前",
    "已收获过半，把玉米秸秆转化成",
    "青贮饲料后，运往当地136家规",
    "（下转第6版）",
    "\f民生周刊 2024年7月29日星期一 第6版 民生",
]


def test_article_continued_across_pages_by_jump_lines_is_one_article() -> None:
    text = "\n".join([
        *JUMPING_PAGE,
        "另一篇文章的标题",
        "另一篇文章的正文就写",
        "在这里，这些内容与前文",
        "完全没有关系，到此结束。",
        "（据新华社）",
        "（上接第5版）",
        "模化肉牛养殖厂销售，实现",
        "养殖户降本和种粮户增效。",
        "（来源：央视网）",
    ])
    articles = pipeline(text)
    grain = next(a for a in articles if a["title"] == "全国秋粮收获过半")
    assert grain["pages"] == [1, 2] and grain["credit"] == "来源：央视网"
    # the paragraph cut by the jump is one paragraph, and the article between stays apart
    assert grain["paragraphs"][-1] == "山东省6600多万亩秋粮目前已收获过半，把玉米秸秆转化成青贮饲料后，运往当地136家规模化肉牛养殖厂销售，实现养殖户降本和种粮户增效。"
    assert [a["title"] for a in articles] == ["全国秋粮收获过半", "另一篇文章的标题"]
    assert {r["text"] for r in articles[0]["removed"]} >= {"（下转第6版）", "（上接第5版）"}


def test_a_headline_with_nothing_under_it_is_no_article() -> None:
    """OCR misread a running foot at a document's end (``社区周报 第]版``): a headline over no
    paragraph and no credit heads no article; its text is on ``removed``."""
    story = ["社会工作论坛举办", "", "\u3000\u3000近日，社会工作论坛在乌鲁木齐举办，来自各地的代表参加了本次活动。", "（据新华社）"]
    [article] = pipeline("\n".join([*story, "", "社区周报 第]版"]))
    assert article["title"] == "社会工作论坛举办"
    assert {"kind": "unmatched_heading", "text": "社区周报第]版"}.items() <= next(
        r for r in article["removed"] if r["kind"] == "unmatched_heading").items()


def test_a_title_repeated_above_the_jump_back_line_is_furniture() -> None:
    """Papers repeat a continued article's title above "（上接第1版）"; it is not a new article,
    nor the start of the continued paragraph."""
    text = "\n".join([
        *JUMPING_PAGE,
        "全国秋粮收获过半",
        "（上接第5版）",
        "模化肉牛养殖厂销售，实现",
        "养殖户降本和种粮户增效。",
        "（来源：央视网）",
    ])
    [grain] = pipeline(text)
    assert grain["title"] == "全国秋粮收获过半" and grain["pages"] == [1, 2]
    assert grain["paragraphs"][-1].endswith("运往当地136家规模化肉牛养殖厂销售，实现养殖户降本和种粮户增效。")
    assert {"kind": "furniture", "text": "全国秋粮收获过半", "lines": [11, 11], "page": 2} in grain["removed"]
    # with its "（续）" (continued) on a line of its own
    continued = text.replace("\n全国秋粮收获过半\n（上接", "\n全国秋粮收获过半\n（续）\n（上接")
    [grain] = pipeline(continued)
    assert grain["paragraphs"][-1].endswith("实现养殖户降本和种粮户增效。") and "全国秋粮收获过半（续）" in {r["text"] for r in grain["removed"]}
    # OCR: the repeated title in two lines parted by a blank line makes two heading blocks
    ocr = text.replace("\n全国秋粮收获过半\n（上接", "\n全国秋粮\n\n收获过半\n\n（上接")
    [grain] = pipeline(ocr)
    assert grain["title"] == "全国秋粮收获过半" and grain["paragraphs"][-1].endswith("实现养殖户降本和种粮户增效。")
    assert {r["text"] for r in grain["removed"]} >= {"全国秋粮", "收获过半"}
    # near miss: another headline above the repeated title is not taken for part of it
    other_head = text.replace("\n全国秋粮收获过半\n（上接", "\n乡村振兴专题报道\n\n全国秋粮收获过半\n（上接")
    removed = {r["text"]: r["kind"] for r in pipeline(other_head)[0]["removed"]}
    # (with nothing under it, it heads no article: it is kept as an unmatched heading)
    assert removed["全国秋粮收获过半"] == "furniture" and removed["乡村振兴专题报道"] == "unmatched_heading"
    # near miss: a headline above a paragraph, with no jump line after it, is a headline
    [other] = pipeline("\n".join([*text.split("\n")[9:11], *text.split("\n")[12:]]))
    assert other["title"] == "全国秋粮收获过半" and other["paragraphs"] == ["模化肉牛养殖厂销售，实现养殖户降本和种粮户增效。"]


def test_a_kicker_wrapped_inside_a_word_over_a_narrow_title_is_the_kicker() -> None:
    """One heading block (the kicker is as wide as the column, the title narrower below it):
    the kicker's comma on its second line took "础" down with it."""
    lines = ["（据央视网）", "夯实社会工作理论基", "础，促进“政校合作”", "社会工作助力", "新疆民政事业", "高质量发展论", "坛举办",
             "为进一步夯实社会工", "作理论基础，加强社会工", "作理论研究，促进“政校", "合作”，近日在乌鲁木齐", "举办论坛。"]
    [article] = pipeline("\n".join(lines))
    assert (article["kicker"], article["title"]) == ("夯实社会工作理论基础，促进“政校合作”", "社会工作助力新疆民政事业高质量发展论坛举办")


def test_a_two_sentence_title_wrapped_in_a_narrow_column_is_one_title() -> None:
    """"西乡北帝三月三精" / "彩不断！" / "西乡历史文化展游" / "人如织": the line after the first
    sentence's end grows wider, but it is the title's second sentence, not a title under a
    kicker; and "记者还了解到，" / "“喜阅西" (cut at the quote, beside short lines) is one line."""
    [article] = pipeline("\n".join(["（据", "央视网）", "西乡北帝三月三精", "彩不断！", "西乡历史文化展游", "人如织", "传承保护数百载，璀璨", "非遗放异彩。为期9天的省", "级非遗——西乡北帝三月三", "庙会精彩还在继续，西乡历", "史文化展作为今年庙会活动", "的重头戏之一，这几天也迎", "来了不少游客前来参观。", "据了解，此次非遗展", "览，这是宝安图书馆与西乡", "非遗文化首次深度融合，推", "出了“非遗+阅读”的展览新", "模式，旨在更好地传承和弘", "扬非遗文化。观众在“观非", "遗文化·品书香生活”活动", "现场，还可以领取免费读者", "证。", "策展人、西乡非遗文化", "传播者邓主文表示，本次西", "乡人文历史展的策展理念是", "以环保和人文历史为主，旨", "在为大家呈现西乡的人文历", "史以及田园风貌，希望有更", "多的人能参与非遗文化的探", "讨和传播。", "记者还了解到，", "“喜阅西", "乡·", "‘悦’读非遗|西乡历史", "文化展”也同步在分会场宝", "安图书馆西乡街道分馆开", "展，重点为观众普及传统文", "化，讲好西乡故事。", "（据深圳", "新闻网）"]))
    assert (article["kicker"], article["title"]) == (None, "西乡北帝三月三精彩不断！西乡历史文化展游人如织")
    assert article["paragraphs"][-1].startswith("记者还了解到，“喜阅西乡·‘悦’读非遗|西乡历史文化展”")
    assert article["credit"] == "据深圳新闻网"


def test_article_records_have_the_documented_fields() -> None:
    lines = ["标题在这里", "", "正文从这里开始写，一", "直写到这里，这一段就", "结束了。", "（据新华社）"]
    [article] = pipeline("\n".join(lines), doc="a/b.txt")
    assert article["id"] == "a/b.txt#1" and article["doc"] == "a/b.txt"
    assert article["text"] == "标题在这里\n正文从这里开始写，一直写到这里，这一段就结束了。"
    assert article["lines"] == [[3, 5]] and article["pages"] == [1]
    assert article["steps"] == ["load", "dehyphenate", "punct", "split"]
    assert set(article) >= {"title", "kicker", "subtitle", "byline", "credit", "paragraphs", "removed"}


def test_furniture_file_collects_removed_blocks_per_document() -> None:
    furniture: list[dict] = []
    records = dehyphenate_records([{"id": "a.txt", "text": "民生周刊 2024年7月29日 第5版\n标题\n\n正文写完了。"}])
    [article] = split_articles(records, furniture=furniture)
    assert "removed" not in article
    assert furniture == [{"doc": "a.txt", "removed": [{"kind": "furniture", "text": "民生周刊 2024年7月29日 第5版", "lines": [1, 1], "page": 1}]}]


def test_seed_001_golden_articles() -> None:
    gold = [json.loads(x) for x in (ROOT / "seeds/gold/001.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = pipeline((ROOT / "seeds/001_998312ac65b7c8b7.txt").read_text(encoding="utf-8"), doc="001_998312ac65b7c8b7.txt")
    got = [(a["title"], a["kicker"], a["paragraphs"], a["credit"]) for a in articles]
    assert got == [(g["title"], g["kicker"], g["paragraphs"], g["credit"]) for g in gold]
    assert [r["text"] for r in articles[0]["removed"]] == ["”"]


LINE = st.text(alphabet="中文通讯政策发展社会工作，。！？、：（）“” 0123", max_size=20)
PAGE = st.lists(st.one_of(LINE, st.just(""), st.just("（据新华社）"), st.just("第2版"), st.just("简讯")), max_size=25)


@settings(max_examples=150, deadline=None)
@given(PAGE)
def test_every_block_ends_in_exactly_one_article_or_in_removed(lines: list[str]) -> None:
    [doc] = dehyphenate_records([{"id": "x", "text": "\n".join(lines)}])
    articles, removed = split_document(doc)
    placed = [("paragraph", t) for a in articles for t in a["paragraphs"]]
    placed += [("credit", a["credit"]) for a in articles if a["credit"]]
    placed += [("byline", a["byline"]) for a in articles if a["byline"]]
    expected = [b for b in doc["blocks"] if b["kind"] in ("paragraph", "credit")]
    # each paragraph or credit block is in one article (joined with a neighbour at most) or removed
    for b in expected:
        in_articles = sum(1 for _, t in placed if t and (credit_text(b["text"]) in t or b["text"] in t))
        in_removed = sum(1 for r in removed if r["text"] == b["text"])
        assert in_articles + in_removed >= 1, b
    assert len([p for a in articles for p in a["paragraphs"]]) + len([r for r in removed if r["kind"] == "noise"]) <= len(
        [b for b in doc["blocks"] if b["kind"] in ("paragraph", "noise")]
    )


def test_seed_000_web_copy_gives_the_same_articles_as_the_page() -> None:
    """The web copy (NFKC-damaged, a paragraph a line, blank lines between) restores to gold 001."""
    from rapidfuzz.distance import Levenshtein

    gold = [json.loads(x) for x in (ROOT / "seeds/gold/001.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = pipeline((ROOT / "seeds/000_3df54ad85824f0b8.txt").read_text(encoding="utf-8"))
    by_credit = {a["credit"]: a for a in articles}
    assert sorted(by_credit) == sorted(g["credit"] for g in gold)
    for g in gold:
        a = by_credit[g["credit"]]
        assert len(a["paragraphs"]) == len(g["paragraphs"])
        assert (a["kicker"] or "") + a["title"] == (g["kicker"] or "") + g["title"]
        assert Levenshtein.normalized_similarity("".join(a["paragraphs"]), "".join(g["paragraphs"])) >= 0.99


def test_running_heads_repeated_on_each_page_are_removed_even_when_they_change() -> None:
    text = "\n".join([
        "社区时讯 · 要闻版", "第一篇文章的标题", "正文从这里开始写起，写到", "这里就结束了，大家都满意。", "（据新华社）",
        "\f社区时讯 · 要闻二版", "第二篇文章的标题", "正文从这里开始写起，写到", "这里也结束了，大家都满意。", "（据新华社）",
    ])
    articles = pipeline(text)
    assert [a["title"] for a in articles] == ["第一篇文章的标题", "第二篇文章的标题"]
    assert sorted(r["text"] for r in articles[0]["removed"]) == ["社区时讯 · 要闻二版", "社区时讯 · 要闻版"]  # as printed


def test_briefs_under_a_label_are_one_article_each() -> None:
    text = "\n".join([
        "上一篇的最后一句话写在这里。", "（据新华社）",
        "简讯",
        "日本上半财年贸易逆差创新高",
        "据日本财务省今天发布的", "数据，受能源价格上涨等因素", "影响，贸易逆差创下新高。", "（据央视网）",
        "陕北到安徽特高压工程开工",
        "今天上午，国家电网陕北至", "安徽正负800千伏特高压直流", "输电工程正式开工建设。", "（据央视网）",
    ])
    first, *briefs = pipeline(text)  # the first is the end of the story before the box
    assert first["title"] is None and first["credit"] == "据新华社"
    assert [a["title"] for a in briefs] == ["日本上半财年贸易逆差创新高", "陕北到安徽特高压工程开工"]
    assert all(a["kicker"] is None and a["credit"] == "据央视网" for a in briefs)
    assert "简讯" in [r["text"] for r in first["removed"]]


def test_a_kicker_ocr_broke_into_pieces_stays_off_the_title() -> None:
    """OCR parts a kicker's last character from it by a blank line, above a title set in lines."""
    raw = "\n".join([
        "首段正文写在这里，已经结束了。", "", "（据新华社）", "",
        "共建“一带一路”权威访", "", "谈", "新疆积极打造", "我国向西开放", "的桥头堡", "",
        "中国新疆陆地边境线长达五千七百多公里，是中国与中亚欧洲交往的重要通道，新疆积极打造开放桥头堡。",
        "", "（来源：央视网）"])
    articles = split_articles(dehyphenate_records([{"id": "p.txt", "text": raw}]))
    last = list(articles)[-1]
    assert (last["kicker"], last["title"]) == ("共建“一带一路”权威访谈", "新疆积极打造我国向西开放的桥头堡")


def test_headlines_side_by_side_in_ocr_columns_stay_apart() -> None:
    """Read column by column, a headline block that starts no lower than the one before is
    another column's headline, not the next line of the same one (near-miss: the next line is)."""
    blocks = [heading("社会工作助力新疆民政事业高质量发展论坛举办", 11, 1,
                      parts=["社会工作助力新疆民政事业", "高质量发展论坛举办"]),
              heading("儿童社会救助工作委员会换届", 10, 2),
              block("paragraph", BODIES["新疆"][0], 13), block("credit", "（据新疆民政）", 14),
              block("paragraph", BODIES["儿助会"][0], 15), block("credit", "（据中国社会报）", 16)]
    articles, _ = split_document({"id": "p.txt", "blocks": blocks})
    assert {(a["kicker"], a["title"]) for a in articles} == {
        (None, "社会工作助力新疆民政事业高质量发展论坛举办"), (None, "儿童社会救助工作委员会换届")}
    # near-miss: two pieces of one line (cut at an inline break) are kicker and title of one headline
    pieces = [heading("社会工作再上新台阶？", 1, 1, "kicker"), heading("新疆民政事业发展取得显著的成效", 1, 1),
              block("paragraph", BODIES["新疆"][0], 2), block("credit", "（据新疆民政）", 3)]
    [article], _ = split_document({"id": "p.txt", "blocks": pieces})
    assert (article["kicker"], article["title"]) == ("社会工作再上新台阶？", "新疆民政事业发展取得显著的成效")


def test_a_headline_read_after_its_story_heads_it() -> None:
    """A vertical title beside its story is read after it: with nothing under it, it heads the untitled story
    before it that shares its words. Near miss: a headline sharing no words is left unmatched."""
    story = [block("paragraph", "上周末，二十名志愿者走进养老院，陪老人聊天、打扫卫生，度过了一个温馨的下午。", 1, 2),
             block("credit", "（据社区周报）", 3)]
    for title, matched in (("社区志愿者走进养老院", True), ("物流业景气水平加快回升", False)):
        articles, removed = split_document({"id": "v.pdf", "blocks": [*story, heading(title, 4, 1)]})
        assert [a["title"] for a in articles] == ([title] if matched else [None])
        assert ({"unmatched_heading"} <= {r["kind"] for r in removed}) is not matched


@pytest.mark.parametrize(("tag", "kicker", "glyph"), [
    ("【工作动态】", "工作动态", None), ("【工作动态]", "工作动态", None), ("【工作动态1", "工作动态", "1"),
    ("【工作动态l", "工作动态", "l"), ("【工作动态]】", "工作动态", None),
    ("【聚焦2021", "聚焦2021", None),  # near miss: a 1 after a digit is the number's
    ("[工作动态】", "工作动态", None),  # OCR's [ for the opening bracket
    ("[工作动态]", "工作动态", None)])  # and ] for the closing one, around words of Han alone
def test_a_column_tag_whose_closing_bracket_ocr_misread_is_the_kicker(tag: str, kicker: str, glyph: str | None) -> None:
    """OCR reads a tag's 】 as ``]`` or ``1``: the tag is still the kicker over the title, without its brackets and
    without the glyph read for one, which goes to ``removed`` (nothing is lost)."""
    from normalize.check import check_conservation, closed_titles, record_outputs

    text = "\n".join(["（据央视网）", "", tag, "西乡北帝三月三精彩不断！", "", "为期9天的省级非遗西乡北帝三月三庙会精彩",
                      "还在继续，这几天也迎来了不少游客前来参观。"])
    [article] = pipeline(text)
    assert (article["kicker"], article["title"]) == (kicker, "西乡北帝三月三精彩不断！")
    misread = [r for r in article["removed"] if r["kind"] == "misread_marks"]
    assert [r["text"] for r in misread] == ([glyph] if glyph else [])
    assert closed_titles([article]) == 0  # (no book title closed: --check allows no extra 》)
    assert check_conservation("doc.txt", text, [t for a in [article] for t in record_outputs(a)]) is None


def test_ocr_a_title_in_pieces_keeps_the_subtitle_under_it() -> None:
    """An OCR layer sets a title's two lines and its subtitle each between blank lines; the title's pieces are
    joined, the subtitle stays the subtitle (ReportLab page through tesseract)."""
    text = "\n".join(["落地的项目，预计2023年6月开通运营。", "", "(来源:央视网)", "", "陕北到安徽特高压直流输电工程", "", "开工",
                      "", "一一记者走访见闻", "", "今天〈3月15日) ，国家电网陕北至安徽正负800千伏",
                      "特高压直流输电工程开工建设。", "", "(据央视网)"]) + "\n"
    article = pipeline(text)[-1]
    assert (article["title"], article["subtitle"]) == ("陕北到安徽特高压直流输电工程开工", "一一记者走访见闻")


@pytest.mark.parametrize(("rest", "credit"), [("疾人联合会", "县残疾人联合会"),
                                             # near miss: a title's line right under the open credit stays the title's
                                             ("邮政储蓄银行老区小学献爱心", "县残"), ("春耕", "县残")])
def test_ocr_an_office_wrapped_in_a_credit_left_open_is_the_credit(rest: str, credit: str) -> None:
    """Held-out seed 263 doc07 through tesseract: ``…家用电器。 (县残`` / ``疾人联合会``, the closing bracket lost, a
    blank, the next story's title: the office's name is the credit's, not the title's first line."""
    text = "\n".join(["峰，错峰用电，特别是避开高峰", "期使用电热水器、洗衣机、空调", "等耗电量大的家用电器。 (县残", rest, "",
                      "非遗民俗文献展邀市", "民“宝读诗书”", "", "“原来三月三是为了庆祝北帝诞辰，祈求这位水神保佑我们",
                      "风调雨顺、驱邪避灾。", "(据深圳晚报)"]) + "\n"
    first, *_, last = pipeline(text)
    assert first["credit"] == credit
    assert last["title"] == "非遗民俗文献展邀市民“宝读诗书”"


STORY = [
    heading("文明进社区，我们在行动", 1, 1),
    block("paragraph", "本报讯（记者 邱宇）5月18日，广润社区开展问卷调查活动，号召群众争做文明市民。", 2, role="dateline"),
    block("paragraph", "据了解，广润社区是我县开展问卷调查活动的首个试点社区。", 3),
]
BRIEF = block("paragraph", "近日，县质监局对液化气充装站的压力容器进行检查。", 4)


@pytest.mark.parametrize(("credit", "brief"), [
    ("（陈玲玲 林娟）", True),  # other people than the dateline's: the brief under the story signs itself
    ("（陈佳）", True),
    ("（邱宇）", False),  # near miss: the dateline's own reporter signs the story
    ("（县民政局办公室）", False),  # near misses: an office, a source
    ("（据新华社）", False),
    ("（据央视网）", False),
])
def test_a_credit_naming_others_than_the_datelines_reporter_signs_a_brief_of_its_own(credit: str, brief: bool) -> None:
    record = {"id": "d", "blocks": [*STORY, BRIEF, block("credit", credit, 5)], "steps": []}
    articles, _ = split_document(record)
    if brief:
        story, item = articles
        assert (story["title"], story["credit"], len(story["paragraphs"])) == ("文明进社区，我们在行动", None, 2)
        assert (item["title"], item["credit"], item["paragraphs"]) == (None, credit_text(credit), [BRIEF["text"]])
    else:
        [story] = articles
        assert story["credit"] == credit_text(credit) and len(story["paragraphs"]) == 3


def test_a_story_without_a_dateline_keeps_its_credit_of_names() -> None:
    """Near miss: no dateline names the story's reporter, so nothing says the credit signs another item."""
    blocks = [STORY[0], block("paragraph", "5月18日，广润社区开展问卷调查活动，号召群众争做文明市民。", 2), STORY[2],
              BRIEF, block("credit", "（陈玲玲 林娟）", 5)]
    [story] = split_document({"id": "d", "blocks": blocks, "steps": []})[0]
    assert story["credit"] == "陈玲玲 林娟" and len(story["paragraphs"]) == 3


BRIEF_NAMED = [
    block("paragraph", "5月19日，县科技局在县首府广场举行了科普宣传活动，发放资料5000多份。", 1),
    block("credit", "（陈维连）", 2),
]


def story_under(kicker: str) -> list[dict]:
    return [
        heading(kicker, 3, 1, role="kicker"),
        heading("我县“假证被拘”第一人现身", 4, 1),
        block("paragraph", "本报讯（记者 陈玲玲）5月1日，修改后的道路交通安全法正式实施。", 5, role="dateline"),
        block("paragraph", "昨日中午，交警在县城巡查时发现一辆轿车逆向行驶，驾驶人持假证。", 6),
    ]


@pytest.mark.parametrize(("kicker", "moves"), [
    ("科普宣传上街", True),  # it names the untitled brief, not the story under it: the brief's title
    ("交警严查假证", False),  # near miss: it shares words with its own story
    ("文明创建进行时", False),  # near miss: no untitled story shares its words
])
def test_a_kicker_naming_an_untitled_story_is_that_storys_title(kicker: str, moves: bool) -> None:
    articles, _ = split_document({"id": "d", "blocks": [*BRIEF_NAMED, *story_under(kicker)], "steps": []})
    brief, story = articles
    assert brief["title"] == (kicker if moves else None)
    assert (story["kicker"], story["title"]) == (None if moves else kicker, "我县“假证被拘”第一人现身")


def test_ocrs_dash_read_as_one_hyphen_one_opens_the_subtitle() -> None:
    """OCR reads a subtitle's ``——`` as ``一-`` (``一-一线观察之二``): the line is the subtitle, its dash set as ``——``."""
    text = ("上文写完了。\n（据新华社）\n日本上半财年贸易逆差创新高\n一-一线观察之二\n\n"
            "据日本财务省今天发布的数据，日本上半财年贸易逆差创新高。\n（据央视网）\n")
    article = pipeline(text)[-1]
    assert (article["title"], article["subtitle"]) == ("日本上半财年贸易逆差创新高", "——一线观察之二")


STORIES = [
    ("科普宣传上街", "5月19日，县科技局在县首府广场举行科普宣传活动，发放科普资料5000多份。"),
    ("雅万高铁开始电气化施工", "雅万高铁第一根接触网导线昨天悬挂完成，标志着雅万高铁开始进入电气化施工阶段。"),
    ("全国秋粮收获过半", "农业农村部最新农情调度显示，眼下全国秋粮收获过半，主产区已进入收获高峰。"),
]


def stories_blocks(trailing: bool) -> list[dict]:
    """The three stories as a file holds them: each headline before its body, or after it (``trailing``)."""
    blocks: list[dict] = []
    for k, (title, body) in enumerate(STORIES, 1):
        pair = [heading(title, 2 * k, k), block("paragraph", body, 2 * k + 1)]
        blocks += pair[::-1] if trailing else pair
    return blocks


@pytest.mark.parametrize("trailing", [True, False])
def test_a_file_that_sets_each_headline_after_its_story_keeps_each_with_its_story(trailing: bool) -> None:
    articles, _ = split_document({"id": "d", "blocks": stories_blocks(trailing), "steps": []})
    assert [(a["title"], a["paragraphs"]) for a in articles] == [(t, [b]) for t, b in STORIES]


def test_headlines_between_stories_that_name_neither_move_nowhere() -> None:
    """Near miss: a file that opens with a body, its headlines naming neither story beside them, keeps the order."""
    blocks = [block("paragraph", STORIES[0][1], 1)]
    for k, title in enumerate(["社区新闻一则", "社区新闻二则"], 1):
        blocks += [heading(title, 2 * k, k), block("paragraph", STORIES[k][1], 2 * k + 1)]
    articles = split_document({"id": "d", "blocks": blocks, "steps": []})[0]
    assert [(a["title"], a["paragraphs"][-1]) for a in articles] == [
        ("社区新闻一则", STORIES[1][1]), ("社区新闻二则", STORIES[2][1])]  # (the opening body: the first one's lead)


def test_trailing_headlines_with_subtitles_diluting_their_words_still_head_the_story_before() -> None:
    """Each headline after its story with a long subtitle whose words name neither story."""
    blocks: list[dict] = []
    for k, (title, body) in enumerate(STORIES, 1):
        blocks += [block("paragraph", body, 3 * k), heading(title, 3 * k + 1, k),
                   heading("——本报记者深入基层一线蹲点调研走访见闻系列报道之二", 3 * k + 2, k, role="subtitle")]
    articles, _ = split_document({"id": "d", "blocks": blocks, "steps": []})
    assert [(a["title"], a["subtitle"], a["paragraphs"]) for a in articles] == [
        (t, "——本报记者深入基层一线蹲点调研走访见闻系列报道之二", [b]) for t, b in STORIES]
