"""Score the whole pipeline with ../shared/bench/score.py: the dev pages in every form, the real pages,
the seed and generated synthetic pages.

    python scripts/score_dev.py [--per-doc] [--blocks] [--heldout DIR] [--only NAME,NAME]

--heldout DIR also scores pages made by scripts/make_pages.py DIR (its pdftotext-raw, ocr, PDF and hOCR sets).
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from normalize.loader import load_paths  # noqa: E402
from normalize.pipeline import document_stages, run_pipeline  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV, REAL = SHARED / "dev", SHARED / "real"
HOCR = {"pages_per_folder": True, "glob": "*.hocr"}


def gold(*patterns: Path) -> list[Path]:
    return [p for pattern in patterns for p in sorted(pattern.parent.glob(pattern.name))]


# name: (paths, load options, gold files)
SETS = {
    "pdftotext-raw": ([DEV / "pdftotext-raw/inputs"], {}, gold(DEV / "pdftotext-raw/gold/*.jsonl")),
    "ocr": ([DEV / "ocr/inputs"], {}, gold(DEV / "ocr/gold/*.jsonl")),
    "pdf": ([DEV / "pdf"], {}, gold(DEV / "pdftotext-raw/gold/*.jsonl")),
    "hocr": ([DEV / "hocr"], HOCR, gold(DEV / "ocr/gold/*.jsonl")),
    "real-pdf": ([REAL / "pdf/sanmen02.pdf"], {}, gold(REAL / "gold/sanmen02.jsonl")),
    "real-raw": ([REAL / "pdftotext-raw/sanmen02.txt"], {}, gold(REAL / "gold/sanmen02.jsonl")),
    "real-layer": ([REAL / "pdftotext-raw/mag12ocrlayer.txt"], {}, gold(REAL / "gold/mag12ocrlayer.jsonl")),
    "real-layer-pdf": ([REAL / "pdf/mag12ocrlayer.pdf"], {}, gold(REAL / "gold/mag12ocrlayer.jsonl")),
    "real-ocr": ([REAL / "ocr"], {}, gold(REAL / "gold/mag12img.jsonl", REAL / "gold/sanmen02.jsonl")),
    "real-hocr": ([REAL / "hocr"], HOCR, gold(REAL / "gold/mag12img.jsonl", REAL / "gold/sanmen02.jsonl")),
    "seed-001": ([ROOT / "seeds/001_998312ac65b7c8b7.txt"], {}, [ROOT / "seeds/gold/001.jsonl"]),
}
args = sys.argv[1:]
if "--heldout" in args:
    at = args.index("--heldout")
    held = Path(args[at + 1])
    del args[at : at + 2]
    golds = gold(held / "pdftotext-raw/gold/*.jsonl")
    SETS |= {"heldout raw": ([held / "pdftotext-raw/inputs"], {}, golds),
             "heldout ocr": ([held / "ocr/inputs"], {}, golds),
             "heldout pdf": ([held / "pdf"], {}, golds),
             "heldout hocr": ([held / "hocr"], HOCR, golds)}
keep = [*SETS, "synthetic"]
if "--only" in args:
    at = args.index("--only")
    keep = args[at + 1].split(",")
    del args[at : at + 2]
    SETS = {k: v for k, v in SETS.items() if k in keep}
if "synthetic" in keep:
    synth = Path(tempfile.mkdtemp()) / "synthetic"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(synth)], check=True)
    SETS["synthetic"] = ([synth / "inputs"], {}, gold(synth / "gold/*.jsonl"))
extra = [a for a in args if a.startswith("--")]
for name, (paths, options, golds) in SETS.items():
    if not all(p.exists() for p in paths):
        print(f"== {name}: not here, skipped")
        continue
    docs = load_paths([str(p) for p in paths], on_error=lambda err: print(f"  {err}", file=sys.stderr), **options)
    stages = document_stages()[:-1] if "--blocks" in extra else document_stages()
    rows = list(run_pipeline(docs, stages))
    if "--blocks" in extra:  # the scorer names a document by "doc" first; a folder of pages has no file name
        rows = [{"doc": r["id"], **r} for r in rows]
    out = Path(tempfile.mkdtemp()) / "pred.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    r = subprocess.run([sys.executable, str(SHARED / "bench/score.py"), str(out), *map(str, golds), *extra],
                       capture_output=True, text=True)
    print(f"== {name}\n{r.stdout.strip()}{r.stderr.strip()}")
