"""Show where predicted articles differ from gold: unmatched articles, titles, punctuation."""
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rapidfuzz.distance import Levenshtein

from normalize.dehyphenate import dehyphenate_records
from normalize.punct import punctuate
from normalize.split import split_articles

variant = sys.argv[1]  # a dev variant (pdftotext-raw, ocr) or a make_pages.py variant folder
SH = Path(variant) if Path(variant).is_dir() else Path(__file__).resolve().parents[2] / "shared/dev" / variant
flat = lambda s: re.sub(r"\s+", "", s or "")
pc = Counter()
for f in sorted((SH / "inputs").glob("*.txt")):
    arts = list(split_articles(punctuate(dehyphenate_records([{"id": f.name, "text": f.read_text()}]))))
    gold = [json.loads(l) for l in open(SH / "gold" / (f.stem + ".jsonl"))]
    for g in gold:
        gb = flat("".join(g["paragraphs"]))
        best = max(arts, key=lambda a: Levenshtein.normalized_similarity(gb, flat("".join(a["paragraphs"]))), default=None)
        sim = Levenshtein.normalized_similarity(gb, flat("".join(best["paragraphs"]))) if best else 0
        if sim < 0.8:
            print(f"{f.stem} UNMATCHED {sim:.2f} gold title={g['title']}  best={best and best['title']}")
            continue
        t = {flat(best["title"]), flat((best["kicker"] or "") + (best["title"] or ""))}
        if flat(g["title"]) not in t and flat((g["kicker"] or "") + g["title"]) not in t:
            print(f"{f.stem} TITLE gold={g['kicker']}|{g['title']}  pred={best['kicker']}|{best['title']}")
        if (g.get("credit") or "") and re.sub(r"[\s（）()]", "", g["credit"]) not in re.sub(r"[\s（）()]", "", best.get("credit") or ""):
            print(f"{f.stem} CREDIT gold={g['credit']} pred={best.get('credit')}")
        pb = flat("".join(best["paragraphs"]))
        for tag, a1, a2, b1, b2 in Levenshtein.opcodes(pb, gb):
            if tag != "equal":
                seg_g, seg_p = gb[b1:b2], pb[a1:a2]
                if any(not ch.isalnum() for ch in seg_g + seg_p):
                    pc[(seg_p, seg_g)] += 1
    for a in arts:
        if not any(Levenshtein.normalized_similarity(flat("".join(g["paragraphs"])), flat("".join(a["paragraphs"]))) >= 0.8 for g in gold):
            print(f"{f.stem} EXTRA title={a['title']} text={a['text'][:60]}")
print("punct diffs (pred, gold):", pc.most_common(25))
