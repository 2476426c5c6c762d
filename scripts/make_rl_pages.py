"""Held-out pages from another typesetter: ReportLab drawing each line, in a CID font the PDF does not embed.

    python scripts/make_rl_pages.py OUT_DIR [--docs 10] [--seed 7] [--no-ocr]

``scripts/make_pages.py`` prints through Chromium in the development pages' conventions; these pages
differ in both. The unique gold articles of the development pages and of the county page in ../shared/real
are set one after another down two or three columns of an A4 page in STSong-Light (Adobe's CID font, named
and not embedded: no font metrics in the file), under a running head and its rule: centred titles, a
kicker over some (``【社工天地】``, ``聚焦民生实事``), a subtitle after a dash under some, ``文/王璐`` under
some, ``本报讯（记者 X 通讯员 Y）`` opening some first paragraphs, and credits as printed or, where an article
has none, an office set flush right (``东城区民政局``) or ``（X供稿）``. A headline keeps three lines of its
body with it; punctuation hangs past the column's edge. Gold is the articles as printed (the kicker without
its brackets, the dateline in the first paragraph, the office or 供稿 line as the credit).

Writes OUT_DIR/pdf/docNN.pdf, OUT_DIR/pdftotext-raw/{inputs,gold}/ and, with tesseract installed,
OUT_DIR/ocr/{inputs,gold}/ and OUT_DIR/hocr/docNN/page-1.hocr (200 dpi), the layout of make_pages.py, so
``scripts/score_dev.py --heldout OUT_DIR`` scores them. Needs ``pip install reportlab`` (not a dependency of
zhnorm) and Debian's ``poppler-utils``.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gold_articles import unique_articles

try:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
except ImportError:
    sys.exit("make_rl_pages.py: reportlab is missing; try: .venv/bin/pip install reportlab")

FONT = "STSong-Light"
W, H = 595.0, 842.0  # A4
MARGIN, GUTTER, TOP, BOTTOM = 40.0, 16.0, 60.0, 50.0
BODY, LEAD = 10.0, 15.0
SIZES = {"kicker": 11.0, "title": 16.0, "subtitle": 11.0}
NO_LINE_START = set("，。、；：！？”’）》")
NAMES = ["王璐", "陈思远", "李晓明", "赵敏", "周文静", "刘洋", "黄海涛", "吴晓玲"]
OFFICES = ["东城区民政局", "社区服务中心", "县残疾人联合会", "街道社工站", "市慈善总会"]
KICKERS = ["聚焦民生实事", "【社工天地】", "文明创建进行时", "喜迎建党节"]
SUBTITLES = ["——记者走访见闻", "——来自基层的报道", "——一线观察之二"]
PAPERS = ["东城社区报", "民政工作通讯", "乡村振兴快报"]


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Lines broken at ``width``, any character a break; a closing mark hangs past the edge, one at
    most: a second one takes the line's last character down with the first (``。”``)."""
    lines: list[str] = []
    cur, used = "", indent
    for ch in text:
        w = pdfmetrics.stringWidth(ch, FONT, size)
        if ch in NO_LINE_START and not cur and lines:
            lines[-1], cur = lines[-1][:-2], lines[-1][-2:] + ch
            used = pdfmetrics.stringWidth(cur, FONT, size)
            continue
        if used + w > width and cur:
            if ch in NO_LINE_START:
                lines.append(cur + ch)
                cur, used = "", 0.0
                continue
            lines.append(cur)
            cur, used = "", 0.0
        cur += ch
        used += w
    return [*lines, cur] if cur else lines


def dress(rng: random.Random, a: dict) -> tuple[dict, list[tuple[str, str]]]:
    """The article's gold and what is printed of it, as (kind, text) items."""
    gold = {"title": a["title"], "kicker": None, "paragraphs": list(a["paragraphs"]), "credit": a.get("credit")}
    items: list[tuple[str, str]] = []
    if rng.random() < 0.35:
        kicker = rng.choice(KICKERS)
        gold["kicker"] = kicker.strip("【】")
        items.append(("kicker", kicker))
    items.append(("title", a["title"]))
    if rng.random() < 0.2:
        items.append(("subtitle", rng.choice(SUBTITLES)))
    if rng.random() < 0.3:
        items.append(("byline", f"文/{rng.choice(NAMES)}"))
    paras = gold["paragraphs"]
    if not paras[0].startswith("本报讯") and rng.random() < 0.4:
        dateline = f"本报讯（记者 {rng.choice(NAMES)} 通讯员 {rng.choice(NAMES)}）"
        items += [("para", dateline + paras[0]), *(("para", p) for p in paras[1:])]
        paras[0] = dateline.replace(" ", "") + paras[0]
    else:
        items += [("para", p) for p in paras]
    if gold["credit"]:
        items.append(("credit", f"（{gold['credit']}）"))
    elif (r := rng.random()) < 0.5:
        office = rng.choice(OFFICES)
        gold["credit"] = office if r < 0.3 else f"{office}供稿"
        items.append(("credit", office if r < 0.3 else f"（{office}供稿）"))
    return gold, items


class Overflow(Exception):
    """The articles do not fit the page."""


def render(path: Path, paper: str, cols: int, stories: list[list[tuple[str, str]]]) -> None:
    c = canvas.Canvas(str(path), pagesize=(W, H))
    c.setFont(FONT, 9)
    c.drawString(MARGIN, H - 36, f"{paper}  2025年5月20日  星期二  第2版  综合新闻")
    c.setLineWidth(0.8)
    c.line(MARGIN, H - 42, W - MARGIN, H - 42)
    width = (W - 2 * MARGIN - GUTTER * (cols - 1)) / cols
    col, y = 0, H - TOP

    def next_column() -> None:
        nonlocal col, y
        col, y = col + 1, H - TOP
        if col >= cols:
            raise Overflow

    def x0() -> float:
        return MARGIN + col * (width + GUTTER)

    def draw(text: str, size: float, where: str, indent: float = 0.0) -> None:
        nonlocal y
        c.setFont(FONT, size)
        w = pdfmetrics.stringWidth(text, FONT, size)
        x = {"left": x0() + indent, "centre": x0() + (width - w) / 2, "right": x0() + width - w}[where]
        c.drawString(x, y - size, text)

    for n, items in enumerate(stories):
        head = [text for kind, text in items if kind in ("kicker", "title", "subtitle", "byline")]
        need = sum(len(wrap(t, width - 10, SIZES["title"])) * SIZES["title"] * 1.45 for t in head) + 3 * LEAD + 8
        if n and y - need - 14 < BOTTOM:
            next_column()
        elif n:
            c.setLineWidth(0.4)
            c.line(x0(), y + 4, x0() + width, y + 4)
            y -= 10
        for kind, text in items:
            if kind in SIZES:
                for line in wrap(text, width - 10, SIZES[kind]):
                    draw(line, SIZES[kind], "centre")
                    y -= SIZES[kind] * 1.45
                y -= 4 if kind == "title" else 0
            elif kind == "byline":
                draw(text, 9.0, "centre")
                y -= LEAD + 2
            elif kind == "para":
                for k, line in enumerate(wrap(text, width, BODY, indent=2 * BODY)):
                    if y - LEAD < BOTTOM:
                        next_column()
                    draw(line, BODY, "left", 2 * BODY if k == 0 else 0.0)
                    y -= LEAD
            else:  # a credit stays under its story's last line, in the foot margin if need be
                draw(text, BODY, "right")
                y -= LEAD
        y -= 8
    c.setFont(FONT, 9)
    c.drawString(W / 2 - 5, 30, "2")
    c.showPage()
    c.save()


def page_of(rng: random.Random, pool: list[dict], seed: int, cols: int, paper: str, tmp: Path) -> list[tuple[dict, list]]:
    """As many articles of the shuffled pool as fit one page."""
    fitting: list[tuple[dict, list]] = []
    for k in range(1, len(pool) + 1):
        dressed = [dress(random.Random(seed * 1000 + i), a) for i, a in enumerate(pool[:k])]
        try:
            render(tmp / "probe.pdf", paper, cols, [items for _, items in dressed])
        except Overflow:
            break
        fitting = dressed
    return fitting


def start(doc: str | None) -> tuple[argparse.Namespace, random.Random, list[dict], str | None]:
    """A page maker's command line (OUT_DIR, --docs, --seed, --no-ocr), its font, its articles and its output
    folders: the arguments, the seeded generator, the pool of articles and tesseract's path (None: no OCR)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-ocr", action="store_true", help="skip the tesseract text and hOCR")
    args = parser.parse_args()
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    tesseract = None if args.no_ocr else shutil.which("tesseract")
    for sub in ("pdf", "pdftotext-raw/inputs", "pdftotext-raw/gold", *(("ocr/inputs", "ocr/gold") if tesseract else ())):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    return args, random.Random(args.seed), unique_articles(900), tesseract


def write_page(out: Path, name: str, pdf: Path, gold: str, tesseract: str | None, tmp: Path) -> None:
    """A page's PDF as ``pdftotext -raw`` text, and with ``tesseract`` as OCR text and hOCR of its 200 dpi image,
    each beside its gold."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    (out / "pdftotext-raw/inputs" / f"{name}.txt").write_text(raw, encoding="utf-8")
    (out / "pdftotext-raw/gold" / f"{name}.jsonl").write_text(gold, encoding="utf-8")
    if tesseract:
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp / "page")], check=True)
        hocr = out / "hocr" / name
        hocr.mkdir(parents=True, exist_ok=True)
        subprocess.run([tesseract, str(tmp / "page.png"), str(hocr / "page-1"), "-l", "chi_sim", "hocr"],
                       check=True, capture_output=True)
        text = subprocess.run([tesseract, str(tmp / "page.png"), "stdout", "-l", "chi_sim"], check=True,
                              capture_output=True, text=True).stdout
        (out / "ocr/inputs" / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / "ocr/gold" / f"{name}.jsonl").write_text(gold, encoding="utf-8")


def main() -> None:
    args, rng, pool, tesseract = start(__doc__)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for d in range(1, args.docs + 1):
            name, cols, paper = f"doc{d:02d}", rng.choice([2, 3]), PAPERS[d % len(PAPERS)]
            rng.shuffle(pool)
            dressed = page_of(rng, pool, args.seed * 100 + d, cols, paper, tmp)
            pdf = args.out / "pdf" / f"{name}.pdf"
            render(pdf, paper, cols, [items for _, items in dressed])
            gold = "".join(json.dumps({"doc": name, **g}, ensure_ascii=False) + "\n" for g, _ in dressed)
            write_page(args.out, name, pdf, gold, tesseract, tmp)
            print(f"{name}: {cols} columns, {len(dressed)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
