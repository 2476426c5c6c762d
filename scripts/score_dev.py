"""Score the whole pipeline on ../shared/dev, the seed and synthetic pages with ../shared/bench/score.py.

    python scripts/score_dev.py [--per-doc] [--blocks] [--heldout DIR]

--heldout DIR also scores pages made by scripts/make_pages.py DIR (its pdftotext-raw and ocr sets).
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from normalize.layout import dehyphenate_records  # noqa: E402
from normalize.punct import punctuate  # noqa: E402
from normalize.split import split_articles  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS = {
    "pdftotext-raw": (sorted((SHARED / "dev/pdftotext-raw/inputs").glob("*.txt")), sorted((SHARED / "dev/pdftotext-raw/gold").glob("*.jsonl"))),
    "ocr": (sorted((SHARED / "dev/ocr/inputs").glob("*.txt")), sorted((SHARED / "dev/ocr/gold").glob("*.jsonl"))),
    "seed-001": ([ROOT / "seeds/001_998312ac65b7c8b7.txt"], [ROOT / "seeds/gold/001.jsonl"]),
}
SYNTH = Path(tempfile.mkdtemp()) / "synthetic"
subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(SYNTH)], check=True)
SETS["synthetic"] = (sorted((SYNTH / "inputs").glob("*.txt")), sorted((SYNTH / "gold").glob("*.jsonl")))
args = sys.argv[1:]
if "--heldout" in args:
    at = args.index("--heldout")
    held = Path(args[at + 1])
    del args[at : at + 2]
    for variant in ("pdftotext-raw", "ocr"):
        SETS[f"heldout {variant}"] = (sorted((held / variant / "inputs").glob("*.txt")),
                                      sorted((held / variant / "gold").glob("*.jsonl")))
extra = [a for a in args if a.startswith("--")]
for name, (inputs, gold) in SETS.items():
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "steps": ["load"]} for p in inputs]
    stages = punctuate(dehyphenate_records(docs))
    rows = list(stages) if "--blocks" in extra else list(split_articles(stages))
    out = Path(tempfile.mkdtemp()) / "pred.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    r = subprocess.run([sys.executable, str(SHARED / "bench/score.py"), str(out), *map(str, gold), *extra],
                       capture_output=True, text=True)
    print(f"== {name}\n{r.stdout.strip()}{r.stderr.strip()}")
