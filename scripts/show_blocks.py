import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from normalize.dehyphenate import build_blocks

for b in build_blocks(Path(sys.argv[1]).read_text()):
    t = b["text"]
    print(f'{b["kind"][:4]:4} {b["lines"][0]:3}-{b["lines"][1]:3} {"OPEN " if b.get("open") else ""}{t[:28]}…{t[-12:]}' if len(t) > 44 else f'{b["kind"][:4]:4} {b["lines"][0]:3}-{b["lines"][1]:3} {t}')
