"""Dev loop: dehyphenate the dev pages and seed and score blocks with ../shared/bench/score.py."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from normalize.dehyphenate import build_blocks

SHARED = Path(__file__).resolve().parents[2] / "shared"
sets = {"raw": SHARED / "dev/pdftotext-raw", "ocr": SHARED / "dev/ocr"}
for name, d in sets.items():
    out = Path(tempfile.mkdtemp()) / "b.jsonl"
    with out.open("w") as fh:
        for f in sorted((d / "inputs").glob("*.txt")):
            fh.write(json.dumps({"doc": f.name, "blocks": build_blocks(f.read_text())}, ensure_ascii=False) + "\n")
    r = subprocess.run([sys.executable, SHARED / "bench/score.py", "--blocks", out, *sorted((d / "gold").glob("*.jsonl")), "--json", *sys.argv[1:]], capture_output=True, text=True)
    print(name, r.stdout.strip(), r.stderr[-300:])
seed = SHARED / "seeds/001_998312ac65b7c8b7.txt"
out = Path(tempfile.mkdtemp()) / "s.jsonl"
out.write_text(json.dumps({"doc": seed.name, "blocks": build_blocks(seed.read_text())}, ensure_ascii=False) + "\n")
r = subprocess.run([sys.executable, SHARED / "bench/score.py", "--blocks", out, SHARED / "seeds/gold/001.jsonl", "--json"], capture_output=True, text=True)
print("seed", r.stdout.strip(), r.stderr[-300:])
