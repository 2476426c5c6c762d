import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from normalize.dehyphenate import _Doc, _split_lines, heading_span, is_heading_candidate

t = Path(sys.argv[1]).read_text(); a, b = int(sys.argv[2]), int(sys.argv[3])
ls = _split_lines(t, False); d = _Doc(ls)
for i, ln in enumerate(ls):
    if a <= ln.n <= b:
        if ln.kind == "text":
            print(ln.n, f"{d.width[i]:5.1f}+{d.slack[i]:.1f}", "S" if d.short(i) else " ", "I" if d.indent(i) else " ", "B" if d.body_starts(i) else " ", "H" if is_heading_candidate(ln.text) else " ", heading_span(d, i), ln.text)
        else:
            print(ln.n, ln.kind, ln.text)
