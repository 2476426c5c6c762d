"""Build the benchmark corpus (reproducibly) from the seed pages: newsletter issues of several pages.

    python scripts/make_corpus.py OUT_DIR [--pages 2000] [--seed 7]

Articles of seeds/gold/001.jsonl and the web copy seeds/000 are set as pages: lines wrapped at
10 to 20 em with a two-em indent, paragraphs shuffled, stray spaces and half-width marks
sprinkled in, a running head per page; four pages per issue; some issues saved as GB18030,
some with a BOM, some with CRLF line ends, some gzipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from make_synthetic import wrap  # the same wrapping by printed width (a sibling script)

ROOT = Path(__file__).resolve().parents[1]
PAGES_PER_ISSUE = 4


def articles() -> list[dict]:
    rows = [json.loads(x) for x in (ROOT / "seeds/gold/001.jsonl").read_text(encoding="utf-8").splitlines()]
    web = (ROOT / "seeds/000_3df54ad85824f0b8.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in web.split("\n\n") if len(p.strip()) > 40]
    rows.append({"title": "社会工作协同发展研讨会在武清区举办", "kicker": None, "paragraphs": paras[:6], "credit": "据天津日报"})
    return rows


def damage(text: str, rng: random.Random) -> str:
    if rng.random() < 0.3:
        text = re.sub(r"([，。；])", lambda m: m.group(1) + (" " if rng.random() < 0.3 else ""), text)
    if rng.random() < 0.3:
        text = re.sub(r"(?<=[\u4e00-\u9fff])(\d+)(?=[\u4e00-\u9fff])", r" \1 ", text)
    if rng.random() < 0.2:
        text = text.replace("，", ",").replace("：", ":")
    return text


def page(rng: random.Random, pool: list[dict], number: int) -> str:
    out = [f"社区时讯 2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 第{number}版"]
    while sum(len(x) for x in out) < 8_500:
        art = rng.choice(pool)
        width = rng.randint(10, 20)
        out.append(art["title"])
        paras = list(art["paragraphs"])
        rng.shuffle(paras)
        for p in paras:
            out += wrap(damage(p, rng), width, "fullwidth")
        out.append(f"（{art['credit']}）")
    out.append(f"本版编辑：社区时讯编辑部 第{number}版")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = articles()
    args.out.mkdir(parents=True, exist_ok=True)
    for issue in range(args.pages // PAGES_PER_ISSUE):
        text = "\f".join(page(rng, pool, n + 1) for n in range(PAGES_PER_ISSUE)) + "\n"
        kind = issue % 10
        name = args.out / f"issue-{issue:04d}.txt"
        if kind == 1:
            name.write_bytes(text.encode("gb18030"))
        elif kind == 2:
            name.write_bytes(text.encode("utf-8-sig"))
        elif kind == 3:
            name.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        elif kind == 4:
            name.with_suffix(".txt.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        else:
            name.write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
