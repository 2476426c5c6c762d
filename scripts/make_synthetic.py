"""Synthetic pdftotext-raw pages with gold, from the dev gold articles: a check on unseen layouts.

    python scripts/make_synthetic.py OUT_DIR [--pages 12] [--seed 3]

Each page: a running head, four articles (some under a kicker, the third sometimes under a
section label such as 简讯), headlines wrapped two em narrower than the column,
paragraphs wrapped by printed width (Latin glyphs about half an em) at 12 to 22 em, indented
either by two full-width spaces or by starting two em short, the credit at the end of the last
line or on a line of its own; some documents have a second page, onto which the first page's
last article jumps (（下转第2版） / （上接第1版）). Writes OUT_DIR/inputs/*.txt and OUT_DIR/gold/*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT.parent / "shared/dev/pdftotext-raw/gold"


LABELS = ["简讯", "动态", "新闻速递", "资讯快览"]
KICKERS = ["【数字十年】", "聚焦基层治理", "在希望的田野上", "共建“一带一路”·权威访谈"]


def em(ch: str) -> float:
    return 0.55 if ord(ch) < 128 else 1.0


def wrap(text: str, width: int, indent: str) -> list[str]:
    lines: list[str] = []
    line, used = ("\u3000\u3000", 2.0) if indent == "fullwidth" else ("", 0.0)
    for ch in text:
        cap = width - 2 if indent == "short" and not lines else width
        if used + em(ch) > cap + 0.01:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + ch, used + em(ch)
    if line:
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool: dict[str, dict] = {}
    for path in sorted(DEV_GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            pool.setdefault(row["title"], row)
    (args.out / "inputs").mkdir(parents=True, exist_ok=True)
    (args.out / "gold").mkdir(parents=True, exist_ok=True)
    for n in range(args.pages):
        width, indent = rng.randint(12, 22), rng.choice(["fullwidth", "short"])
        doc = f"s{n:02d}"
        gold: list[dict] = []
        pages = [_page(rng, pool, width, indent, n, 1, doc, gold)]
        if rng.random() < 0.3:  # a second page; the first page's last article jumps onto it
            second = _page(rng, pool, width, indent, n, 2, doc, gold)
            first = pages[0]
            end = len(first) - 1 - first[::-1].index("<END>")  # the last article's end
            cut = end - 3  # mid-paragraph, three lines before its end
            rest = first[cut:end]
            pages[0] = [*first[:cut], "（下转第2版）"]
            at = second.index("<END>") + 1  # after the second page's first article
            pages.append([*second[:at], "（上接第1版）", *rest, *second[at:]])
        text = "\n\f".join("\n".join(x for x in page if x != "<END>") for page in pages)
        (args.out / "inputs" / f"{doc}.txt").write_text(text + "\n", encoding="utf-8")
        (args.out / "gold" / f"{doc}.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")


def _page(rng: random.Random, pool: dict[str, dict], width: int, indent: str, n: int, number: int, doc: str,
          gold: list[dict]) -> list[str]:
    """One page's lines (each article ends with an "<END>" marker, removed when written)."""
    lines = [f"社区时讯 2024年{n % 12 + 1}月3日 第{number}版"]
    taken = {g["title"] for g in gold}
    for k, art in enumerate(rng.sample([a for a in pool.values() if a["title"] not in taken], 4)):
        if k == 2 and rng.random() < 0.5:
            lines.append(rng.choice(LABELS))  # a section label over the briefs: not in gold
        kicker = rng.choice(KICKERS) if rng.random() < 0.25 else art["kicker"]
        if kicker:
            lines += wrap(kicker, width - 4, "none")
        lines += wrap(art["title"], width - 2, "none")
        for i, para in enumerate(art["paragraphs"]):
            body = wrap(para, width, indent)
            if i == len(art["paragraphs"]) - 1 and rng.random() < 0.5:
                body[-1] += f"（{art['credit']}）"
            lines += body
        if not lines[-1].endswith("）"):
            lines.append(f"（{art['credit']}）")
        lines.append("<END>")
        # a column tag's gold is its words, as in the real pages' gold ("【生活智慧】" -> "生活智慧")
        tag = kicker and kicker.startswith("【") and kicker.endswith("】")
        gold.append({"doc": doc, "title": art["title"], "kicker": kicker[1:-1] if tag else kicker,
                     "paragraphs": art["paragraphs"], "credit": art["credit"]})
    return lines


if __name__ == "__main__":
    main()
