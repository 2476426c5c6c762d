"""Held-out newsletter pages like ../shared/dev: HTML -> Chromium PDF -> pdftotext / OCR text, with gold.

    python scripts/make_pages.py OUT_DIR [--docs 12] [--seed 11]

The 18 unique dev gold articles and the three of seeds/gold/001.jsonl, printed exactly as in gold, are dealt
in shuffled rounds (never twice in a document) into documents of one or two A4/B4 pages: a running header
(invented paper, date, 第N版, section) and footer, a grid of 3-5 columns, 1-3 main articles and a box of 2-3
briefs per page in one of four templates (stack, lead_split, sidebar, side), rules between blocks. The dev
generator's knobs (head span/inside, kicker, wide lead, grey photo box, credit inline/left/right and its gap,
font, size, line height, letter spacing, alignment, text-autospace, text-spacing-trim) are drawn with
random.Random(seed). On two-page documents a long article jumps: （下转第N版） ends page 1's part, and
page 2's part starts with （上接第M版）, sometimes under a repeated title. Each layout is measured in Chromium
(--dump-dom with a script) first: an overflowing page gets another template or a smaller style, and the jump
is cut where page 1's text stops showing.

Writes OUT_DIR/{html,pdf}/docNN.*, OUT_DIR/hocr/docNN/page-P.hocr (tesseract's hOCR of the same page images),
OUT_DIR/{pdftotext-raw,pdftotext,ocr}/{inputs,gold}/ and manifest.json
(per document: format, columns, pages, paper, style, templates, items with layout). Warns when the OCR text
interleaves articles; exits 1 when a gold title or paragraph is missing from the pdftotext -raw text.
"""
from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT.parent / "shared/dev/pdftotext-raw/gold").glob("*.jsonl")), ROOT / "seeds/gold/001.jsonl"]
PAPERS = ["社区周报", "公益时报", "民政简报", "乡村振兴周刊", "邻里生活报", "基层治理导刊"]
SECTIONS = ["民生", "经济", "要闻", "文化", "社会", "综合", "社工天地", "国际"]
LABELS = ["简讯", "新闻速递", "动态", "短讯", "要闻速览", "一周要闻"]
NAMES = ["王璐", "陈思远", "李晓明", "赵敏", "周文静", "刘洋"]
SIZES = {"A4": (210, 297), "B4": (250, 353)}
FONTS = ['"Noto Serif CJK SC"', '"Noto Sans CJK SC"']
CHROME = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VARIANTS = ["pdftotext-raw", "pdftotext", "ocr"]
KEYS = ("title", "kicker", "paragraphs", "credit")

# Which pages overflow, and where the jumping article's text stops showing (binary search over its characters).
MEASURE_JS = """<script>
const R={pages:[],jump:null};
for(const pg of document.querySelectorAll('.page')){const bd=pg.querySelector('.bd');
 let o=bd.scrollHeight>bd.clientHeight+2;
 for(const r of pg.querySelectorAll('.rg'))o=o||r.scrollHeight>r.clientHeight+2||r.scrollWidth>r.clientWidth+2;
 R.pages.push(o);}
const j=document.querySelector('.jumpa');
if(j){const b=j.getBoundingClientRect();const out=q=>q.right>b.right+1||q.bottom>b.bottom+1;
 const nodes=[...j.querySelectorAll('p.t')].map(p=>p.firstChild);const lens=nodes.map(n=>n.length);
 const total=lens.reduce((a,c)=>a+c,0);const rg=document.createRange();
 const hid=g=>{let i=0;while(g>=lens[i]){g-=lens[i];i++;}rg.setStart(nodes[i],g);rg.setEnd(nodes[i],g+1);
  const rs=rg.getClientRects();return rs.length>0&&out(rs[rs.length-1]);};
 let lo=0,hi=total;while(lo<hi){const m=(lo+hi)>>1;if(hid(m))hi=m;else lo=m+1;}
 const jl=j.querySelector('.jump');R.jump={first:lo,ok:!jl||!out(jl.getBoundingClientRect())};}
document.body.setAttribute('data-m',JSON.stringify(R));
</script>"""

esc = lambda s: html.escape(s, quote=False)
size = lambda a: sum(map(len, a["paragraphs"]))  # body characters
flat = lambda s: re.sub(r"\s+", "", s)


def load_articles() -> list[dict]:
    """Unique gold articles (by title), with ids a01, a02, ..."""
    seen: dict[str, dict] = {}
    for path in SOURCES:
        for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            seen.setdefault(row["title"], row)
    return [{"id": f"a{n:02d}", **{k: r.get(k) for k in KEYS}} for n, r in enumerate(seen.values(), 1)]


# ---------------------------------------------------------------- planning


def draw_style(rng: random.Random) -> dict:
    body = rng.choices(FONTS, [0.65, 0.35])[0]
    return {"body_font": body, "head_font": rng.choice([body, FONTS[1]]), "pt": rng.choice([9.5, 10, 10.5, 11]),
            "lh": rng.choice([1.4, 1.45, 1.5, 1.6, 1.7, 1.8]), "ls": rng.choice([0, 0, 0.02, 0.05]),
            "align": rng.choices(["justify", "left"], [0.8, 0.2])[0],
            "autospace": rng.choice(["normal", "no-autospace"]), "trim": rng.choice(["space-all", "normal"]),
            "gap_mm": rng.choice([4, 5, 6]), "margin_mm": rng.choice([12, 14, 16]), "title_pt": rng.choice([15, 17, 19]),
            "rule_pt": rng.choice([0.75, 1, 1.5])}


def capacity(fmt: str, st: dict) -> float:
    """Rough number of body characters a page holds."""
    w, h = SIZES[fmt]
    em = st["pt"] * 0.3528  # mm
    return (w - 2 * st["margin_mm"]) * (h - 2 * st["margin_mm"] - 25) / (em * (1 + st["ls"]) * em * st["lh"]) * 0.9


def cost(a: dict, lay: dict | None = None) -> float:
    return size(a) + 90 + (150 if lay and lay["photo"] else 0)


def draw_layout(rng: random.Random, a: dict) -> dict:
    breaks = [m.end() for m in re.finditer(r"[！：，]", a["title"]) if 4 < m.end() < len(a["title"]) - 3]
    return {"head": rng.choice(["span", "inside"]), "credit": rng.choices(["inline", "left", "right"], [5, 3, 2])[0],
            "credit_gap": rng.random() < 0.25, "lead_wide": rng.random() < 0.35 and len(a["paragraphs"]) > 1,
            "photo": rng.choices([None, "top", "inside"], [6, 2, 2])[0],
            "title_break": breaks[0] if breaks and rng.random() < 0.6 else None,
            "cont_title": rng.choice(["none", "none", "full", "cont"] + (["short"] if breaks else []))}


def dealer(rng: random.Random, items: list[dict]):
    """take(ok): the next article of the current shuffled round for which ok holds (a new round if none)."""
    queue: list[dict] = []

    def take(ok) -> dict | None:
        for _ in range(2):
            if hit := next((a for a in queue if ok(a)), None):
                queue.remove(hit)
                return hit
            queue.extend(rng.sample(more := [a for a in items if a not in queue], len(more)))
        return None
    return take


def plan_doc(rng: random.Random, name: str, mains, briefs) -> dict:
    """One document: 1-2 pages, each with 1-3 mains (the last on page 1 may jump to page 2) and a box of 2-3 briefs."""
    fmt = rng.choices(["A4", "B4"], [0.7, 0.3])[0]
    st, cols = draw_style(rng), rng.choices([3, 4, 5], [5, 4, 2 if fmt == "B4" else 0])[0]
    cap, two = capacity(fmt, st), rng.random() < 0.4
    date = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    doc = {"doc": name, "format": fmt, "grid_columns": cols, "pages": 2 if two else 1, "paper": rng.choice(PAPERS),
           "section": rng.choice(SECTIONS), "date": date.isoformat(), "first_page_no": rng.randint(1, 7),
           "header": rng.randrange(3), "footer": rng.randrange(3), "editor": rng.choice(NAMES), "style": st,
           "jump": None, "pages_plan": []}
    used: set[str] = set()
    new = lambda a: a["id"] not in used
    spill = 0.0
    for pno in range(doc["pages"]):
        arts = [{"id": doc["jump"]["id"], "part": "B", "layout": doc["jump"]["layout"]}] if pno and doc["jump"] else []
        box = [briefs(new) for _ in range(rng.choice([2, 3]))]
        used.update(b["id"] for b in box)
        room = cap * (0.85 if pno == 0 else 0.8) - spill - sum(size(b) + 30 for b in box) - 30
        reserve = 450 if two and pno == 0 else 0  # room for the start of the jumping article
        for _ in range(rng.choice([1, 2, 2, 3]) - (reserve > 0) - len(arts)):
            if not (a := mains(lambda m, r=room - reserve: new(m) and cost(m) <= r)):
                break
            used.add(a["id"])
            arts.append({"id": a["id"], "part": None, "layout": (lay := draw_layout(rng, a))})
            room -= cost(a, lay)
        if reserve and (j := mains(lambda m, r=room: new(m) and size(m) > r + 150)):
            used.add(j["id"])  # it starts on page 1 and goes on on page 2
            doc["jump"] = {"id": j["id"], "title": j["title"], "layout": draw_layout(rng, j), "cut": None}
            arts.append({"id": j["id"], "part": "A", "layout": doc["jump"]["layout"]})
            spill = size(j) - room + 100
        elif not arts:  # nothing fits the estimate: the smallest main left, and let fit() shrink the style
            a = mains(lambda m: new(m) and size(m) < 500)
            used.add(a["id"])
            arts.append({"id": a["id"], "part": None, "layout": draw_layout(rng, a)})
        templates = ["stack", "sidebar"] + (["lead_split", "side"] if len(arts) > 1 else [])
        rng.shuffle(templates)
        doc["pages_plan"].append({"arts": arts, "box": {"ids": [b["id"] for b in box], "label": rng.choice(LABELS)
                                  if rng.random() < 0.65 else None, "look": rng.choice(["rule", "grey", "plain"]),
                                  "credit": rng.choice(["inline", "line"])}, "templates": templates, "t": 0,
                                  "split": rng.choice([1, 2]) if cols >= 4 else 1, "mirror": rng.random() < 0.3})
    return doc


def plan(rng: random.Random, arts: list[dict], ndocs: int) -> list[dict]:
    mains, briefs = dealer(rng, [a for a in arts if size(a) >= 250]), dealer(rng, [a for a in arts if size(a) < 250])
    return [plan_doc(rng, f"doc{n:02d}", mains, briefs) for n in range(1, ndocs + 1)]


# ---------------------------------------------------------------- HTML


def regions(pg: dict, cols: int) -> list[tuple[int, int, bool, list]]:
    """(first column, columns, top row?, blocks) of a page's template; blocks are article items or "box"."""
    arts, box = pg["arts"], ["box"]
    name, k = pg["templates"][pg["t"]], cols - pg["split"]
    if name == "stack":  # a jumping part A stays last: it takes the rest of the page
        return [(0, cols, False, [a for a in arts if a["part"] != "A"] + box + [a for a in arts if a["part"] == "A"])]
    if name == "sidebar":
        return [(0, 1, False, box), (1, cols - 1, False, arts)] if pg["mirror"] else \
            [(0, cols - 1, False, arts), (cols - 1, 1, False, box)]
    if name == "lead_split":
        return [(0, cols, True, arts[:1]), (0, k, False, arts[1:]), (k, cols - k, False, box)]
    return [(0, k, False, arts[:1]), (k, cols - k, False, box + arts[1:])]  # side


def split_paras(paras: list[str], cut: list[int] | None) -> tuple[list[str], list[str]]:
    """Part A and part B paragraphs for a cut (paragraph, offset)."""
    if not cut:
        return paras, []
    pi, off = cut
    return paras[:pi] + ([paras[pi][:off]] if off else []), [paras[pi][off:], *paras[pi + 1:]]


def article_html(a: dict, item: dict, cols: int, doc: dict, pageno: int) -> str:
    lay, part, cut = item["layout"], item["part"], doc["jump"]["cut"] if item["part"] else None
    paras = split_paras(a["paragraphs"], cut)[part == "B"]
    out = [f'<div class="art{" jumpa" if part == "A" else ""}" style="column-count:{cols}">']
    if part == "B":
        t, brk = a["title"], lay["title_break"]
        ct = {"full": t, "cont": t + "（续）", "short": t[:brk or len(t)].rstrip("！：，")}.get(lay["cont_title"])
        out += [f'<div class="head span"><div class="title">{esc(ct)}</div></div>'] if ct else []
        out.append(f'<p class="jump">（上接第{pageno - 1}版）</p>')
    else:
        brk = lay["title_break"] or len(a["title"])
        kicker = f'<div class="kicker">{esc(a["kicker"])}</div>' if a["kicker"] else ""
        out.append(f'<div class="head{" span" * (lay["head"] == "span")}">{kicker}<div class="title">'
                   f'{esc(a["title"][:brk])}{"<br>" * (brk < len(a["title"]))}{esc(a["title"][brk:])}</div></div>')
    photo = lay["photo"] if part != "B" else None
    out += ['<div class="photo span"></div>'] if photo == "top" else []
    for i, p in enumerate(paras):
        if part != "A" and i == len(paras) - 1 and lay["credit"] == "inline":
            p += f"（{a['credit']}）"
        cls = "t" + " lead" * (lay["lead_wide"] and i == 0 and part != "B") + " ni" * (part == "B" and i == 0 and cut[1] > 0)
        out.append(f'<p class="{cls}">{esc(p)}</p>')
        out += ['<div class="photo"></div>'] if photo == "inside" and i == 0 else []
    if part != "A" and lay["credit"] != "inline":
        out.append(f'<p class="credit {lay["credit"]}{" gap" * lay["credit_gap"]}">（{esc(a["credit"])}）</p>')
    if part == "A" and cut:
        out.append(f'<p class="jump {lay["credit"]}">（下转第{pageno + 1}版）</p>')
    return "\n".join(out) + "</div>"


def box_html(box: dict, by_id: dict, cols: int) -> str:
    out = [f'<div class="art box {box["look"]}" style="column-count:{cols}">']
    out += [f'<div class="label span">{esc(box["label"])}</div>'] if box["label"] else []
    for b in map(by_id.get, box["ids"]):
        out.append(f'<div class="btitle">{esc(b["title"])}</div>')
        for n, p in enumerate(b["paragraphs"], 1):
            inline = box["credit"] == "inline" and n == len(b["paragraphs"])
            out.append(f'<p class="t">{esc(p)}{"（" + esc(b["credit"]) + "）" if inline else ""}</p>')
        out += [f'<p class="credit left">（{esc(b["credit"])}）</p>'] if box["credit"] == "line" else []
    return "\n".join(out) + "</div>"


def page_html(doc: dict, pno: int, by_id: dict) -> str:
    pg, pageno = doc["pages_plan"][pno], doc["first_page_no"] + pno
    d, g = datetime.date.fromisoformat(doc["date"]), '<i class="g"></i>'  # g: a gap pdftotext reads as a space
    date = f"{d.year}年{d.month}月{d.day}日"
    paper, day, ban = f'<b class="paper">{doc["paper"]}</b>', f"星期{'一二三四五六日'[d.weekday()]}", f"第{pageno}版"
    head = [[paper, date + g + day, ban + g + doc["section"]], [ban + g + doc["section"], paper, date + g + day],
            [paper + g + doc["section"], date + g + day + g + ban]][doc["header"]]
    other = NAMES[(NAMES.index(doc["editor"]) + 1) % len(NAMES)]
    foot = [[f"本版编辑：{doc['paper']}编辑部{g}{date}{g}{ban}"], [f"本版编辑：{doc['editor']}", date + g + ban],
            [f"责任编辑：{doc['editor']}{g}校对：{other}", doc["paper"] + g + ban]][doc["footer"]]
    regs = regions(pg, doc["grid_columns"])
    out = ['<div class="page"><div class="hd">' + "".join(f"<span>{h}</span>" for h in head) + '</div><div class="bd">']
    for c0, k, top, blocks in regs:
        row = "1" if top else "2" if any(r[2] for r in regs) else "1 / span 2"
        out.append(f'<div class="rg{" low" * (row == "2")}" style="grid-column:{c0 + 1} / span {k};grid-row:{row}">')
        for b in blocks:
            if b == "box":
                out.append(box_html(pg["box"], by_id, k))
            elif b["part"] != "B" or doc["jump"]["cut"]:  # part B waits for the cut
                out.append(article_html(by_id[b["id"]], b, k, doc, pageno))
        out.append("</div>")
    return "\n".join(out) + '</div><div class="ft">' + "".join(f"<span>{f}</span>" for f in foot) + "</div></div>"


def doc_html(doc: dict, by_id: dict, measure: bool) -> str:
    st, (w, h) = doc["style"], SIZES[doc["format"]]
    css = f"""@page {{ size: {doc['format']}; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {st['body_font']}; font-size: {st['pt']}pt; line-height: {st['lh']}; letter-spacing: {st['ls']}em;
  text-autospace: {st['autospace']}; text-spacing-trim: {st['trim']}; }}
.page {{ width: {w}mm; height: {h - 0.5}mm; box-sizing: border-box; padding: {st['margin_mm']}mm; display: flex;
  flex-direction: column; overflow: hidden; break-after: page; }}
.page:last-child {{ break-after: auto; }}
.hd, .ft {{ display: flex; justify-content: space-between; align-items: baseline; letter-spacing: 0; }}
.hd {{ border-bottom: 1.5pt solid; padding-bottom: 1.5mm; margin-bottom: 4mm; font-size: 10pt; }}
.ft {{ border-top: 0.5pt solid; margin-top: 3mm; padding-top: 1mm; font-size: 8pt; }}
.paper {{ font-size: 18pt; font-family: {st['head_font']}; }}  i.g {{ display: inline-block; width: 0.8em; }}
.bd {{ flex: 1 1 0; min-height: 0; display: grid; grid-template-columns: repeat({doc['grid_columns']}, 1fr);
  grid-template-rows: auto 1fr; column-gap: {st['gap_mm']}mm; row-gap: 5mm; }}
.rg {{ display: flex; flex-direction: column; gap: 5mm; min-height: 0; min-width: 0; overflow: hidden; }}
.art {{ flex: none; column-gap: {st['gap_mm']}mm; }}  /* rules: tesseract then reads blocks whole, as in dev */
.rg > .art + .art, .bd > .rg.low {{ border-top: {st['rule_pt']}pt solid; padding-top: 3mm; }}
.jumpa {{ flex: 1 1 0; min-height: 0; column-fill: auto; overflow: hidden; }}
p {{ margin: 0; text-indent: 2em; text-align: {st['align']}; }}  p.ni, p.credit, p.jump {{ text-indent: 0; }}
.span, p.lead {{ column-span: all; }}  p.lead {{ font-size: {st['pt'] + 1}pt; margin-bottom: 2mm; }}
.head {{ margin-bottom: 2.5mm; font-family: {st['head_font']}; letter-spacing: 0; break-inside: avoid; }}
.kicker {{ font-size: 11pt; margin-bottom: 1mm; }}
.title {{ font-size: {st['title_pt']}pt; font-weight: bold; line-height: 1.3; }}
.photo {{ background: #c8c8c8; height: 32mm; margin: 2mm 0; break-inside: avoid; position: relative; z-index: 1; }}
.right {{ text-align: right; }}  .left {{ text-align: left; }}  .gap {{ margin-top: 3mm; }}
.box.rule {{ border-top: 2pt solid; padding-top: 2mm; }}  .box.grey {{ background: #eee; padding: 2mm; }}
.label, .btitle {{ font-weight: bold; font-family: {st['head_font']}; letter-spacing: 0; }}
.label {{ font-size: 12pt; margin-bottom: 1mm; }}
.btitle {{ font-size: {st['pt'] + 1}pt; margin-top: 2mm; break-after: avoid; }}"""
    pages = "\n".join(page_html(doc, p, by_id) for p in range(doc["pages"]))
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{doc["doc"]}</title>\n'
            f"<style>\n{css}\n</style></head>\n<body>\n{pages}\n{MEASURE_JS if measure else ''}</body></html>\n")


# ---------------------------------------------------------------- Chromium: measure and fit


def chromium(args: list[str], page: Path) -> str:
    profile = tempfile.mkdtemp(prefix="mkpages-")
    try:
        return subprocess.run([*CHROME, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                              capture_output=True, text=True, check=True, timeout=180).stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def measure(doc: dict, by_id: dict, tmp: Path) -> dict:
    path = tmp / f"{doc['doc']}.measure.html"
    path.write_text(doc_html(doc, by_id, measure=True), encoding="utf-8")
    dom = chromium(["--virtual-time-budget=3000", "--dump-dom"], path)
    return json.loads(html.unescape(re.search(r'data-m="([^"]*)"', dom).group(1)))


class DoesNotFit(Exception):
    """A document whose pages overflow in every template and style."""


def fit(doc: dict, by_id: dict, tmp: Path) -> None:
    """Change templates, style and the jump cut until nothing overflows."""
    st = doc["style"]
    for _ in range(40):
        m, jump = measure(doc, by_id, tmp), doc["jump"]
        over = [p for p, o in enumerate(m["pages"]) if o and not (jump and p == 1 and not jump["cut"])]
        if over:  # next template for that page; when all are tried, a smaller style for the whole document
            pg = doc["pages_plan"][over[0]]
            if pg["t"] + 1 < len(pg["templates"]):
                pg["t"] += 1
            elif st["pt"] > 9.5 or st["lh"] > 1.4:
                st["pt"], st["lh"] = (st["pt"] - 0.5, st["lh"]) if st["pt"] > 9.5 else (st["pt"], round(st["lh"] - 0.1, 2))
                over = [0]
                for q in doc["pages_plan"]:
                    q["t"] = 0
            elif whole := [a for a in pg["arts"] if a["part"] is None][1:]:  # last resort: one main fewer
                pg["arts"].remove(whole[-1])
                print(f"  {doc['doc']}: {whole[-1]['id']} left out of page {over[0] + 1}", file=sys.stderr)
            else:
                raise DoesNotFit(f"{doc['doc']}: page {over[0] + 1} does not fit; document left out")
            if jump and over[0] == 0:
                jump["cut"] = None
            continue
        paras = by_id[jump["id"]]["paragraphs"] if jump else []
        first, total = (m["jump"]["first"], sum(map(len, paras))) if jump else (0, 0)
        if not jump or (jump["cut"] and first == sum(map(len, split_paras(paras, jump["cut"])[0])) and m["jump"]["ok"]):
            return
        if not jump["cut"] and first >= total:
            unjump(doc, 1)  # it fits whole on page 1
            continue
        # cut a line (and a bit) before the first hidden character, to leave room for the jump line
        cpl = int((SIZES[doc["format"]][0] - 2 * st["margin_mm"]) / doc["grid_columns"] / (st["pt"] * 0.3528 * (1 + st["ls"])))
        cut = min(first - cpl - 1, total - 60)
        if cut < 40 + (len(paras[0]) if jump["layout"]["lead_wide"] else 0):
            if jump["layout"]["lead_wide"]:
                jump["layout"]["lead_wide"] = False
            elif (pg := doc["pages_plan"][0])["t"] + 1 < len(pg["templates"]):
                pg["t"] += 1
            else:
                unjump(doc, 2)  # no room left for it on page 1
            continue
        pi = 0
        while cut >= len(paras[pi]):
            cut, pi = cut - len(paras[pi]), pi + 1
        while cut and paras[pi][cut] in "，。、；：？！”）》":  # page 2 does not start with closing punctuation
            cut -= 1
        jump["cut"] = [pi, cut]
    raise DoesNotFit(f"{doc['doc']}: no fit after 40 tries; document left out")


def unjump(doc: dict, page: int) -> None:
    """Print the jumping article whole on page 1 or 2 instead."""
    jid = doc["jump"]["id"]
    for pg in doc["pages_plan"]:
        pg["arts"] = [a for a in pg["arts"] if a["id"] != jid or a["part"] == "AB"[page - 1]]
        for a in pg["arts"]:
            a["part"] = None if a["id"] == jid else a["part"]
    doc["jump"] = None
    print(f"  {doc['doc']}: the jumping article goes whole on page {page}", file=sys.stderr)


# ---------------------------------------------------------------- outputs


def placed(doc: dict):
    """(page, region, block) in reading order: top region, then regions left to right, blocks top to bottom."""
    for pno, pg in enumerate(doc["pages_plan"], 1):
        for reg in sorted(regions(pg, doc["grid_columns"]), key=lambda r: (not r[2], r[0])):
            for b in reg[3]:
                yield pno, reg, b


def gold_rows(doc: dict, by_id: dict) -> list[dict]:
    ids: list[str] = []
    for pno, _, b in placed(doc):
        ids += doc["pages_plan"][pno - 1]["box"]["ids"] if b == "box" else [b["id"]]
    return [{"doc": doc["doc"], **{k: by_id[i][k] for k in KEYS}} for i in dict.fromkeys(ids)]


def manifest_entry(doc: dict, by_id: dict) -> dict:
    items = []
    for pno, (c0, k, top, _), b in placed(doc):
        where = {"page": pno, "region": {"first_col": c0 + 1, "cols": k, "top": top}}
        items.append({**where, "kind": "briefs", **doc["pages_plan"][pno - 1]["box"]} if b == "box" else
                     {**where, "kind": "article", "id": b["id"], "title": by_id[b["id"]]["title"], "part": b["part"],
                      "layout": b["layout"]})
    keep = ("doc", "format", "grid_columns", "pages", "paper", "section", "date", "first_page_no", "style")
    return {**{k: doc[k] for k in keep}, "page_templates": [pg["templates"][pg["t"]] for pg in doc["pages_plan"]],
            "jump_cut": doc["jump"] and doc["jump"]["cut"], "items": items}


def check(doc: dict, raw: str, gold: list[dict]) -> int:
    """Warn about gold titles and paragraphs (both parts of a cut one) missing from the pdftotext -raw text."""
    want = [s for g in gold for s in [g["title"], *g["paragraphs"]]]
    if doc["jump"] and doc["jump"]["cut"][1]:  # the paragraph cut by the page break: its two parts
        pi, off = doc["jump"]["cut"]
        whole = next(g for g in gold if g["title"] == doc["jump"]["title"])["paragraphs"][pi]
        want += [whole[:off], whole[off:]]
        want.remove(whole)
    missing = [s for s in want if flat(s) not in flat(raw)]
    for s in missing:
        print(f"  WARNING {doc['doc']}: not in the pdftotext -raw text: {s[:40]}…", file=sys.stderr)
    return len(missing)


def check_ocr(doc: dict, ocr: str, gold: list[dict]) -> None:
    """Warn when the OCR text interleaves runs of lines of different articles (the dev OCR text never does)."""
    grams = lambda s: {s[i:i + 3] for i in range(len(s) - 2)}
    arts, seq = [grams(flat(g["title"] + "".join(g["paragraphs"]))) for g in gold], []
    for q in (grams(flat(line)) for line in ocr.splitlines()):
        best = max(range(len(arts)), key=lambda i: len(q & arts[i]))
        seq += [best] if len(q) >= 6 and len(q & arts[best]) >= len(q) / 2 else []
    runs = [k for k, _ in groupby(k for k, run in groupby(seq) if len(list(run)) > 3)]
    if len(runs) > len(gold) + (doc["jump"] is not None):
        print(f"  WARNING {doc['doc']}: the OCR text interleaves articles: {runs}", file=sys.stderr)


def render(doc: dict, by_id: dict, out: Path, tmp: Path) -> int:
    """HTML, PDF, the three text versions and gold of one document; returns the number of missing gold strings."""
    name, run = doc["doc"], lambda *cmd: subprocess.run(list(map(str, cmd)), capture_output=True, text=True, check=True).stdout
    page, pdf = out / "html" / f"{name}.html", out / "pdf" / f"{name}.pdf"
    page.write_text(doc_html(doc, by_id, measure=False), encoding="utf-8")
    chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}"], page)
    if int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1)) != doc["pages"]:
        sys.exit(f"{name}: Chromium made a different number of pages")
    run("pdftotext", "-raw", "-enc", "UTF-8", pdf, out / "pdftotext-raw/inputs" / f"{name}.txt")
    run("pdftotext", "-enc", "UTF-8", pdf, out / "pdftotext/inputs" / f"{name}.txt")
    for old in tmp.glob("pg-*.png"):
        old.unlink()
    run("pdftoppm", "-r", "200", "-png", pdf, tmp / "pg")
    pngs = sorted(tmp.glob("pg-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    hocr = out / "hocr" / name
    hocr.mkdir(parents=True, exist_ok=True)
    pages = []
    for k, png in enumerate(pngs, start=1):  # one tesseract run gives the text and the hOCR of a page
        run("tesseract", png, tmp / "ocr", "-l", "chi_sim", "txt", "hocr")
        pages.append((tmp / "ocr.txt").read_text(encoding="utf-8"))
        shutil.move(tmp / "ocr.hocr", hocr / f"page-{k}.hocr")
    ocr = "".join(t if t.endswith("\f") else t + "\f" for t in pages)  # each page ends with \f, as in dev
    (out / "ocr/inputs" / f"{name}.txt").write_text(ocr, encoding="utf-8")
    gold = gold_rows(doc, by_id)
    check_ocr(doc, ocr, gold)
    for v in VARIANTS:
        (out / v / "gold" / f"{name}.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
                                                          encoding="utf-8")
    return check(doc, (out / "pdftotext-raw/inputs" / f"{name}.txt").read_text(encoding="utf-8"), gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    arts = load_articles()
    by_id = {a["id"]: a for a in arts}
    docs = plan(random.Random(args.seed), arts, args.docs)
    for sub in ["html", "pdf"] + [f"{v}/{k}" for v in VARIANTS for k in ("inputs", "gold")]:
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    missing = 0
    with tempfile.TemporaryDirectory(prefix="mkpages-") as tmp:
        for doc in list(docs):
            try:
                fit(doc, by_id, Path(tmp))
            except DoesNotFit as err:
                print(err, file=sys.stderr)
                docs.remove(doc)
                continue
            missing += render(doc, by_id, args.out, Path(tmp))
            print(f"{doc['doc']}: {doc['format']}, {doc['grid_columns']} columns, {doc['pages']} page(s), "
                  f"{[pg['templates'][pg['t']] for pg in doc['pages_plan']]}, jump: {doc['jump'] and doc['jump']['cut']}",
                  file=sys.stderr)
    manifest = [manifest_entry(d, by_id) for d in docs]
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents, {sum(d['pages'] for d in docs)} pages in {args.out}; "
          f"{missing} gold strings missing from the pdftotext -raw text", file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
