import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.dehyphenate import build_blocks

W = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")
L = lambda s: "".join(W.findall(s or ""))
variant = sys.argv[1]
for f in sorted(Path(f"../shared/dev/{variant}/inputs").glob("*.txt")):
    blocks = [b for b in build_blocks(f.read_text()) if b["kind"] not in ("noise", "furniture")]
    bl = [L(b["text"]) for b in blocks]
    gold = [json.loads(l) for l in open(f"../shared/dev/{variant}/gold/{f.stem}.jsonl")]
    for g in gold:
        for p in g["paragraphs"]:
            hit = process.extractOne(L(p), bl, scorer=Levenshtein.normalized_similarity)
            if hit[1] < 0.95:
                b = blocks[hit[2]]
                print(f"{f.stem} MISS {hit[1]:.2f} gold={p[:15]}…{p[-8:]}  block[{b['kind']} {b['lines']}]={b['text'][:15]}…{b['text'][-8:]}")
    others = [L(g.get(k)) for g in gold for k in ("title","kicker","credit") if g.get(k)]
    paras = [L(p) for g in gold for p in g["paragraphs"]]
    for b, t in zip(blocks, bl):
        if len(t) >= 20 and process.extractOne(t, paras + others, scorer=Levenshtein.normalized_similarity)[1] < 0.95:
            print(f"{f.stem} IMPRECISE [{b['kind']} {b['lines']}] {b['text'][:20]}…{b['text'][-10:]}")
