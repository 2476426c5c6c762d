"""Held-out newspaper pages set in modules, as a county paper's typesetter sets them, drawn by ReportLab.

    python scripts/make_modular_pages.py OUT_DIR [--docs 10] [--seed 7] [--no-ocr]

``scripts/make_rl_pages.py`` runs its stories down two or three columns one after another; a newspaper page is
set in modules instead. The page's grid of four or five narrow columns (eleven to thirteen characters) is cut
into rows, each row into modules one to four columns wide, and each module holds one story: its headline across
the module (centred or flush left, a kicker over some, a subtitle after a dash under some), its body in the
module's columns, balanced, and rules between the modules. Some titles stand upright beside their body, one
character a line, as Chinese papers set them. The file holds each story's body before its headline, story by
story, and the running head last. The articles and their dress (kickers, bylines,
datelines, credits, offices) are ``make_rl_pages.py``'s; so is the output.

Writes OUT_DIR/pdf/docNN.pdf, OUT_DIR/pdftotext-raw/{inputs,gold}/ and, with tesseract installed,
OUT_DIR/ocr/{inputs,gold}/ and OUT_DIR/hocr/docNN/page-1.hocr (200 dpi). Needs ``pip install reportlab`` (not a
dependency of zhnorm) and Debian's ``poppler-utils``.
"""
from __future__ import annotations

import json
import math
import random
import sys
import tempfile
from pathlib import Path

from make_rl_pages import FONT, PAPERS, SIZES, dress, start, wrap, write_page

try:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas
except ImportError:
    sys.exit("make_modular_pages.py: reportlab is missing; try: .venv/bin/pip install reportlab")

W, H = 595.0, 842.0  # A4
MARGIN, GUTTER, TOP, BOTTOM = 36.0, 10.0, 62.0, 40.0
BODY, LEAD = 9.5, 14.0
TITLE_SIZES = (15.0, 18.0, 22.0)
SPLITS = {4: [(4,), (2, 2), (3, 1), (1, 3), (2, 1, 1), (1, 2, 1)], 5: [(5,), (3, 2), (2, 3), (2, 2, 1), (1, 2, 2)]}
UPRIGHT = 0.15  # the share of one- and two-column modules whose title stands upright beside the body


class Module:
    """One story set in a module: what it draws, and how tall it is."""

    def __init__(self, rng: random.Random, items: list[tuple[str, str]], x: float, cols: int, col_w: float) -> None:
        self.items, self.x, self.cols, self.col_w = items, x, cols, col_w
        self.width = cols * col_w + (cols - 1) * GUTTER
        self.title_size = rng.choice(TITLE_SIZES) if cols > 1 else TITLE_SIZES[0]
        self.upright = cols <= 2 and rng.random() < UPRIGHT and len(self._title()) <= 14
        self.centred = rng.random() < 0.6
        head_w = self.width
        body_w = self.width - (self.title_size + GUTTER if self.upright else 0.0)
        self.heads: list[tuple[str, float, float]] = []  # (text, size, height)
        for kind, text in items:
            if kind in SIZES and not (kind == "title" and self.upright):
                size = self.title_size if kind == "title" else SIZES[kind]
                for line in wrap(text, head_w - 4, size):
                    self.heads.append((line, size, size * 1.4))
        # body lines: (text, indent), paragraphs, bylines and credits, in the module's body columns
        self.sub = max(1, round(body_w / (col_w + GUTTER * 0.5))) if not self.upright else cols
        self.sub_w = (body_w - (self.sub - 1) * GUTTER) / self.sub
        self.lines: list[tuple[str, str]] = []
        for kind, text in items:
            if kind == "para":
                for k, line in enumerate(wrap(text, self.sub_w, BODY, indent=2 * BODY)):
                    self.lines.append(("first" if k == 0 else "line", line))
            elif kind in ("byline", "credit"):  # (one wider than the column wraps)
                self.lines += [(kind, line) for line in wrap(text, self.sub_w, BODY)]
        self.per_col = math.ceil(len(self.lines) / self.sub)
        body_h = self.per_col * LEAD
        if self.upright:
            body_h = max(body_h, len(self._title()) * self.title_size * 1.05 + 6)
        self.height = sum(h for _, _, h in self.heads) + (6 if self.heads else 0) + body_h + 8

    def _title(self) -> str:
        return next(text for kind, text in self.items if kind == "title")

    def draw_body(self, c: canvas.Canvas, top: float) -> None:
        y0 = top - sum(h for _, _, h in self.heads) - (6 if self.heads else 0)
        c.setFont(FONT, BODY)
        for k, (kind, text) in enumerate(self.lines):
            col, row = divmod(k, self.per_col)
            x = self.x + col * (self.sub_w + GUTTER)
            y = y0 - row * LEAD - BODY
            w = pdfmetrics.stringWidth(text, FONT, BODY)
            if kind == "first":
                x += 2 * BODY
            elif kind == "credit":
                x += max(0.0, self.sub_w - w)  # set flush right (a closing mark hangs past the edge)
            elif kind == "byline":
                x += (self.sub_w - w) / 2
            c.drawString(x, y, text)

    def draw_heads(self, c: canvas.Canvas, top: float) -> None:
        y = top
        for text, size, height in self.heads:
            c.setFont(FONT, size)
            w = pdfmetrics.stringWidth(text, FONT, size)
            x = self.x + ((self.width - w) / 2 if self.centred else 0.0)
            c.drawString(x, y - size, text)
            y -= height
        if self.upright:  # one character a line, right of the body
            title, size = self._title(), self.title_size
            c.setFont(FONT, size)
            x = self.x + self.width - size
            for k, ch in enumerate(title):
                c.drawString(x, top - (k + 1) * size * 1.05, ch)


def layout(rng: random.Random, stories: list[list[tuple[str, str]]],
           grid: int) -> tuple[list[tuple[float, list[Module]]], list[int]]:
    """Rows of modules down the page, as many stories as fit: (the row's top, its modules), and the stories placed.
    A row that does not fit is tried again with one story across the page, then with the stories after it."""
    col_w = (W - 2 * MARGIN - (grid - 1) * GUTTER) / grid
    rows: list[tuple[float, list[Module]]] = []
    placed: list[int] = []
    top, left = H - TOP, list(range(len(stories)))
    while left:
        split = rng.choice(SPLITS[grid])
        for attempt in (split, *((grid,) for _ in left)):
            take = left[: len(attempt)] if attempt is split else [left[0]]
            modules, x = [], MARGIN
            for k, span in zip(take, attempt):
                modules.append(Module(rng, stories[k], x, span, col_w))
                x += span * (col_w + GUTTER)
            height = max(m.height for m in modules)
            if top - height >= BOTTOM:
                break
            if attempt is not split:
                left.remove(take[0])  # (too long for what is left of the page)
                if not left:
                    return rows, placed
        else:
            break
        if top - height < BOTTOM:
            break
        rows.append((top, modules))
        placed += take
        left = [k for k in left if k not in take]
        top -= height + 8
    return rows, placed


def render(path: Path, rng: random.Random, paper: str, rows: list[tuple[float, list[Module]]]) -> None:
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for top, modules in rows:  # (each story's body before its headline, as a typesetter's file holds them)
        for m in modules:
            m.draw_body(c, top)
            m.draw_heads(c, top)
    c.setLineWidth(0.5)
    for n, (top, modules) in enumerate(rows):
        bottom = top - max(m.height for m in modules)
        if n + 1 < len(rows):
            c.line(MARGIN, bottom - 4, W - MARGIN, bottom - 4)
        for m in modules[1:]:
            c.line(m.x - GUTTER / 2, top, m.x - GUTTER / 2, bottom)
    c.setFont(FONT, 9)
    c.drawString(MARGIN, H - 38, f"{paper}  2025年5月20日  星期二  第{rng.randint(2, 8)}版  综合新闻")
    c.setLineWidth(0.8)
    c.line(MARGIN, H - 44, W - MARGIN, H - 44)
    c.showPage()
    c.save()


def main() -> None:
    args, rng, pool, tesseract = start(__doc__)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for d in range(1, args.docs + 1):
            name, grid, paper = f"doc{d:02d}", rng.choice([4, 5]), PAPERS[d % len(PAPERS)]
            rng.shuffle(pool)
            dressed = [dress(random.Random(args.seed * 1000 + d * 50 + i), a) for i, a in enumerate(pool[:16])]
            rows, placed = layout(random.Random(args.seed * 100 + d), [items for _, items in dressed], grid)
            pdf = args.out / "pdf" / f"{name}.pdf"
            render(pdf, random.Random(d), paper, rows)
            gold = "".join(json.dumps({"doc": name, **dressed[k][0]}, ensure_ascii=False) + "\n" for k in placed)
            write_page(args.out, name, pdf, gold, tesseract, tmp)
            print(f"{name}: {grid} grid columns, {len(placed)} articles in {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
