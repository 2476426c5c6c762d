"""Held-out documents as an office prints its bulletin (工作简报): Word documents exported to PDF by LibreOffice.

    python scripts/make_docx_pages.py OUT_DIR [--docs 8] [--seed 5] [--more] [--ocr]

``scripts/make_pages.py`` (Chromium) and ``scripts/make_rl_pages.py`` (ReportLab) set newspaper pages in
columns; a county or district office sets its bulletin in a word processor, one column over several pages, and
exports it. Each document gets one office's conventions, drawn from the seed: a red masthead on its first page
(the bulletin's name, the issue, the editing office and the date over a red rule), article titles centred in a
bold sans face either larger than the body or at the body's size, a subtitle after a dash under some, body
paragraphs in a serif face indented two characters, credits as offices print them (``（X供稿）`` set right,
an office alone set right, or ``（X）`` closing the last paragraph), page numbers ``— N —`` at the foot, and
on the last page the distribution block (``报：…`` / ``送：…`` / ``X印发``) between rules. The fonts are embedded
by name (Noto Serif CJK SC, Noto Sans CJK SC). Gold is the articles as printed; masthead, page numbers and the
distribution block are no article's. With ``--more`` (drawn apart, so a seed's other choices stay): a section
tag over some titles (``【工作动态】``, the article's kicker), the office that wrote an article centred under its
title (a byline, no paragraph), and the body set in two columns in some documents. With ``--subheads``, some
stories of three paragraphs or more have numbered subheads in bold (``一、加强组织领导``), each a paragraph of
its own in the gold.

The unique gold articles of the development pages and of the county page in ../shared/real are the text.
Writes OUT_DIR/pdf/docNN.pdf, OUT_DIR/pdftotext-raw/{inputs,gold}/ and, with ``--ocr`` and tesseract installed,
OUT_DIR/ocr/{inputs,gold}/ and OUT_DIR/hocr/docNN/page-P.hocr (200 dpi), the layout ``scripts/score_dev.py
--heldout OUT_DIR`` scores. Needs ``pip install python-docx`` (not a dependency of zhnorm), LibreOffice
(Debian's ``libreoffice-writer-nogui``), ``poppler-utils`` and ``fonts-noto-cjk``.
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
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor
except ImportError:
    sys.exit("make_docx_pages.py: python-docx is missing; try: pip install python-docx")

SERIF, SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"
RED = RGBColor(0xC0, 0x00, 0x00)
BULLETINS = ["民政工作简报", "社会救助工作动态", "乡村振兴工作简报", "文明创建简报"]
OFFICES = ["东城区民政局", "县残疾人联合会", "市慈善总会", "街道社工站", "县民政局办公室"]
SUBTITLES = ["——记者走访见闻", "——来自基层的报道", "——一线观察之二"]
TO = ["市民政局", "县委办、县政府办", "各乡镇（街道）民政办"]
SECTIONS = ["【工作动态】", "【基层动态】", "【经验交流】", "【简讯】"]
SUBHEADS = ["提高思想认识", "加强组织领导", "狠抓工作落实"]


def style(run, font: str, size: float, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.name, run.font.size, run.font.bold = font, Pt(size), bold
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if color is not None:
        run.font.color.rgb = color


def paragraph(doc, text: str, font: str, size: float, *, align=None, indent: float = 0.0, bold: bool = False,
              color: RGBColor | None = None, before: float = 0.0, after: float = 0.0, line: float | None = None):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.first_line_indent = Pt(before), Pt(after), Pt(indent)
    if line:
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(line)
    if align is not None:
        p.alignment = align
    style(p.add_run(text), font, size, bold, color)
    return p


def rule_under(p, color: str = "C00000", size: int = 12, side: str = "bottom") -> None:
    """A rule under the paragraph (its bottom border, or over it: ``side="top"``), as a masthead's red line is
    made."""
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", color)):
        edge.set(qn(key), value)
    borders.append(edge)
    p._p.get_or_add_pPr().append(borders)


def page_numbers(section, font: str) -> None:
    """``— N —`` centred at the foot of every page (a PAGE field)."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style(p.add_run("— "), font, 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    style(p.add_run(" —"), font, 14)


def dress(rng: random.Random, a: dict, office: dict, more: random.Random | None,
          subheads: random.Random | None = None) -> tuple[dict, list[tuple[str, str]]]:
    """The article's gold and what is printed of it, as (kind, text) items; ``more`` draws the ``--more``
    conventions, ``subheads`` the ``--subheads`` one."""
    gold = {"title": a["title"], "kicker": None, "paragraphs": list(a["paragraphs"]), "credit": a.get("credit")}
    items: list[tuple[str, str]] = [("title", a["title"])]
    if more is not None and more.random() < 0.3:
        tag = more.choice(SECTIONS)
        gold["kicker"] = tag.strip("【】")
        items.insert(0, ("section", tag))
    if rng.random() < 0.2:
        items.append(("subtitle", rng.choice(SUBTITLES)))
    if more is not None and more.random() < 0.3:
        items.append(("office", more.choice(OFFICES)))
    paras = [("para", p) for p in gold["paragraphs"]]
    if subheads is not None and len(paras) >= 3 and subheads.random() < 0.5:
        heads = [f"{n}、{SUBHEADS[k % len(SUBHEADS)]}" for k, n in enumerate("一二三")]
        paras = [paras[0], ("subhead", heads[0]), *paras[1:2], ("subhead", heads[1]), *paras[2:]]
        gold["paragraphs"] = [*gold["paragraphs"][:1], heads[0], *gold["paragraphs"][1:2], heads[1],
                              *gold["paragraphs"][2:]]
    if gold["credit"]:
        items += [*paras, ("credit", f"（{gold['credit']}）")]
    elif office["credit"] == "closing":
        name = rng.choice(OFFICES)
        gold["credit"] = name
        items += [*paras[:-1], ("para", paras[-1][1] + f"（{name}）")]
    else:
        name = rng.choice(OFFICES)
        gold["credit"] = name if office["credit"] == "office" else f"{name}供稿"
        items += [*paras, ("credit", name if office["credit"] == "office" else f"（{name}供稿）")]
    return gold, items


def render(path: Path, office: dict, number: int, stories: list[list[tuple[str, str]]]) -> None:
    """The bulletin as a .docx at ``path``."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    body, line = office["body"], office["body"] * 1.75
    page_numbers(section, SERIF)
    paragraph(doc, office["name"], SERIF, 30, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, color=RED)
    paragraph(doc, f"第{number}期", SERIF, body, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
    meta = paragraph(doc, f"{office['editor']}编\t\t2024年5月{number}日", SERIF, body - 2, after=18)
    meta.paragraph_format.tab_stops.add_tab_stop(Mm(156), 2)  # right-aligned tab (WD_TAB_ALIGNMENT.RIGHT)
    rule_under(meta)
    title_size = office["title"]
    if office.get("columns", 1) > 1:  # the body in columns: a new section after the masthead
        body_section = doc.add_section(0)  # WD_SECTION.CONTINUOUS
        cols = body_section._sectPr.xpath("./w:cols")
        cols = cols[0] if cols else OxmlElement("w:cols")
        cols.set(qn("w:num"), str(office["columns"]))
        cols.set(qn("w:space"), "425")
        body_section._sectPr.append(cols)
    for items in stories:
        for kind, text in items:
            if kind == "title":
                paragraph(doc, text, SANS, title_size, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=18, after=6)
            elif kind == "section":
                paragraph(doc, text, SANS, body, bold=True, before=18)
            elif kind == "office":
                paragraph(doc, text, SERIF, body - 1, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
            elif kind == "subtitle":
                paragraph(doc, text, SERIF, body, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
            elif kind == "subhead":  # a numbered subhead in bold, set from the paragraphs' indent
                paragraph(doc, text, SANS, body, indent=2 * body, bold=True, line=line)
            elif kind == "para":
                paragraph(doc, text, SERIF, body, indent=2 * body, line=line, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            else:  # a credit set right
                paragraph(doc, text, SERIF, body, align=WD_ALIGN_PARAGRAPH.RIGHT, line=line)
    top = paragraph(doc, f"报：{TO[0]}", SERIF, body - 2, before=24)
    top.paragraph_format.keep_with_next = True
    rule_under(top, "000000", 8, side="top")
    paragraph(doc, f"送：{TO[1]}，{TO[2]}", SERIF, body - 2).paragraph_format.keep_with_next = True
    last = paragraph(doc, f"{office['editor']}　　　　2024年5月{number}日印发", SERIF, body - 2)
    rule_under(last, "000000", 8)
    doc.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--ocr", action="store_true", help="also tesseract's text and hOCR of each page")
    parser.add_argument("--more", action="store_true", help="also section tags, offices under titles, two columns")
    parser.add_argument("--subheads", action="store_true", help="also numbered subheads in bold inside stories")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or sys.exit("make_docx_pages.py: LibreOffice is missing; try: "
                                                  "apt-get install libreoffice-writer-nogui")
    tesseract = shutil.which("tesseract") if args.ocr else None
    rng = random.Random(args.seed)
    pool = unique_articles(1200)
    for sub in ("pdf", "pdftotext-raw/inputs", "pdftotext-raw/gold", *(("ocr/inputs", "ocr/gold") if tesseract else ())):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for d in range(1, args.docs + 1):
            name = f"doc{d:02d}"
            office = {"name": rng.choice(BULLETINS), "editor": rng.choice([*OFFICES[-2:], "区民政局办公室"]),
                      "body": rng.choice([14.0, 15.0, 16.0]), "credit": rng.choice(["supplied", "office", "closing"])}
            office["title"] = rng.choice([office["body"], office["body"], 18.0, 22.0])
            more = random.Random(args.seed * 7919 + d) if args.more else None
            if more is not None and more.random() < 0.4:
                office["columns"] = 2
            rng.shuffle(pool)
            subheads = random.Random(args.seed * 104729 + d) if args.subheads else None
            dressed = [dress(rng, a, office, more, subheads) for a in pool[:rng.randint(3, 6)]]
            render(tmp / f"{name}.docx", office, d, [items for _, items in dressed])
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(args.out / "pdf"),
                            str(tmp / f"{name}.docx")], check=True, capture_output=True)
            pdf = args.out / "pdf" / f"{name}.pdf"
            gold = "".join(json.dumps({"doc": name, **g}, ensure_ascii=False) + "\n" for g, _ in dressed)
            raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                 text=True, check=True).stdout
            (args.out / "pdftotext-raw/inputs" / f"{name}.txt").write_text(raw, encoding="utf-8")
            (args.out / "pdftotext-raw/gold" / f"{name}.jsonl").write_text(gold, encoding="utf-8")
            pages = raw.count("\f")
            if tesseract:
                subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp / "page")], check=True)
                hocr = args.out / "hocr" / name
                hocr.mkdir(parents=True, exist_ok=True)
                texts = []
                for k, png in enumerate(sorted(tmp.glob("page-*.png")), start=1):
                    subprocess.run([tesseract, str(png), str(hocr / f"page-{k}"), "-l", "chi_sim", "hocr"],
                                   check=True, capture_output=True)
                    texts.append(subprocess.run([tesseract, str(png), "stdout", "-l", "chi_sim"], check=True,
                                                capture_output=True, text=True).stdout)
                    png.unlink()
                (args.out / "ocr/inputs" / f"{name}.txt").write_text("\f".join(texts), encoding="utf-8")
                (args.out / "ocr/gold" / f"{name}.jsonl").write_text(gold, encoding="utf-8")
            print(f"{name}: {pages} pages, {len(dressed)} articles, body {office['body']:g} pt, "
                  f"titles {office['title']:g} pt, credits {office['credit']}, {office.get('columns', 1)} column(s)",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
