"""``make bench``: throughput of every stage and of ``zhnorm run`` beside NFKC, memory, start-up,
and ``zhnorm run`` on PDFs beside ``pdftotext -raw`` followed by ``zhnorm run`` on its text.

Builds the corpus once (scripts/make_corpus.py, ~2,000 pages, ~50 MB) under .bench/, then
prints each figure as MB/s and as a ratio to ``unicodedata.normalize("NFKC", ...)`` over the
same texts in the same run. The PDF figures use the development and real PDFs where they lie
beside the repository (and need poppler's pdftotext). Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT / ".bench"
ZHNORM = [sys.executable, "-c", "from cli.app import main; main()"]


def corpus(name: str, pages: int) -> Path:
    folder = BENCH / name
    if not folder.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(folder), "--pages", str(pages)], check=True)
    return folder


def timed(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of a child process (and its workers), in MB."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(out.stdout.strip()) / 1024


def startup(a: list[str], b: list[str], n: int = 31) -> tuple[float, float]:
    """Median start-up times of two commands, run alternately so that load on the machine falls on both."""
    def once(args: list[str]) -> float:
        return timed(lambda: subprocess.run(args, capture_output=True, check=True, cwd=ROOT))

    runs = [(once(a), once(b)) for _ in range(n)]
    return statistics.median(x for x, _ in runs), statistics.median(y for _, y in runs)


def main() -> None:
    from normalize.layout import dehyphenate_records
    from normalize.loader import load_paths
    from normalize.punct import punctuate
    from normalize.split import split_articles

    full = corpus("corpus", 2000)
    tenth = corpus("corpus-tenth", 200)
    docs = list(load_paths([str(full)]))
    texts = [d["text"] for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(docs)} documents, {sum(d['pages'] for d in docs)} pages, {mb:.1f} MB (UTF-8)")

    # The stages stream one document at a time; here every input is held at once, and the
    # collector would rescan that whole heap on each collection: freeze it, as streaming would.
    gc.freeze()
    nfkc = timed(lambda: [unicodedata.normalize("NFKC", t) for t in texts], repeat=3)
    rows = [("NFKC (reference)", nfkc)]
    blocks = list(dehyphenate_records(docs))
    rows.append(("dehyphenate", timed(lambda: list(dehyphenate_records(docs)))))
    normalized = list(punctuate(blocks))
    gc.freeze()
    rows.append(("punct", timed(lambda: list(punctuate(blocks)))))
    list(split_articles(normalized[:20]))  # jieba's dictionary loads once, outside the timing
    rows.append(("split", timed(lambda: list(split_articles(normalized)))))
    try:
        from normalize.segment import Segmenter, segment_records

        articles = list(split_articles(normalized))
        seg = Segmenter()
        list(segment_records(articles[:5], seg))
        rows.append(("segment", timed(lambda: list(segment_records(articles, seg)))))
        import jieba

        rows.append(("jieba.lcut alone", timed(lambda: [jieba.lcut(a["text"]) for a in articles])))
    except ImportError:
        pass
    out = BENCH / "out.jsonl"
    for jobs in (1, 2):
        rows.append((f"run --jobs {jobs}", timed(lambda j=jobs: subprocess.run(
            [*ZHNORM, "run", str(full), "-o", str(out), "--jobs", str(j), "-q"], check=True, cwd=ROOT))))

    print(f"\n{'':22} {'seconds':>8} {'MB/s':>8} {'x NFKC':>8}")
    for name, seconds in rows:
        print(f"{name:22} {seconds:8.2f} {mb / seconds:8.1f} {nfkc / seconds:8.3f}")
    j1, j2 = rows[-2][1], rows[-1][1]
    print(f"\nrun --jobs 2 vs --jobs 1: {j1 / j2:.2f}x on {os.cpu_count()} cores (target 1.8x)")

    rss_full = peak_rss_mb([*ZHNORM, "run", str(full), "-o", str(out), "--jobs", "1", "-q"])
    rss_tenth = peak_rss_mb([*ZHNORM, "run", str(tenth), "-o", str(out), "--jobs", "1", "-q"])
    print(f"peak RSS, run --jobs 1: full corpus {rss_full:.0f} MB, a tenth {rss_tenth:.0f} MB, ratio {rss_full / rss_tenth:.2f} (target <= 1.2)")

    bare = [sys.executable, "-c", "import typer; app = typer.Typer(); app.command()(lambda: None); app(['--help'])"]
    ours, theirs = startup([*ZHNORM, "--help"], bare)
    print(f"start-up: zhnorm --help {ours * 1000:.0f} ms, a bare Typer app {theirs * 1000:.0f} ms, ratio {ours / theirs:.2f} (target <= 1.1)")


PDF_SETS = [ROOT.parent / "shared/dev/pdf", ROOT.parent / "shared/real/pdf"]
PDF_COPIES = 3  # copies of each PDF in the folder timed: a run long enough to measure


def pdf_figures() -> None:
    """zhnorm run on a folder of PDFs against pdftotext -raw on each, then zhnorm run on the texts;
    peak memory on a long PDF against a short one."""
    import shutil

    pdfs = [p for folder in PDF_SETS if folder.exists() for p in sorted(folder.glob("*.pdf"))
            if p.name != "mag12img.pdf"]  # (a scan without a text layer)
    if not pdfs or shutil.which("pdftotext") is None:
        print("\nPDF: the shared PDFs or pdftotext are not here; skipped")
        return
    folder, texts = BENCH / "pdf", BENCH / "pdf-text"
    for f in (folder, texts):
        shutil.rmtree(f, ignore_errors=True)
        f.mkdir(parents=True)
    for k in range(PDF_COPIES):
        for p in pdfs:
            shutil.copy(p, folder / f"{k}-{p.name}")
    out = BENCH / "out.jsonl"
    ours = timed(lambda: subprocess.run([*ZHNORM, "run", str(folder), "-o", str(out), "-j", "1", "-q"],
                                        check=True, cwd=ROOT), repeat=2)

    def theirs() -> None:
        for p in sorted(folder.glob("*.pdf")):
            subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(p), str(texts / f"{p.stem}.txt")], check=True)
        subprocess.run([*ZHNORM, "run", str(texts), "-o", str(out), "-j", "1", "-q"], check=True, cwd=ROOT)

    other = timed(theirs, repeat=2)
    n = len(list(folder.glob("*.pdf")))
    print(f"\nPDF: zhnorm run on {n} PDFs {ours:.2f} s; pdftotext -raw + zhnorm run on the text {other:.2f} s; "
          f"ratio {ours / other:.2f} (target <= 1.5)")
    long_pdf, short_pdf = BENCH / "long.pdf", BENCH / "short.pdf"
    for path, pages in ((long_pdf, 500), (short_pdf, 50)):
        if not path.exists():
            import pypdfium2 as pdfium

            source = pdfium.PdfDocument(str(pdfs[0]))
            made = pdfium.PdfDocument.new()
            made.import_pages(source, [k % len(source) for k in range(pages)])  # (one call: shared fonts)
            made.save(str(path))
    rss_long = peak_rss_mb([*ZHNORM, "load", str(long_pdf), "-o", str(BENCH / "long.jsonl")])
    rss_short = peak_rss_mb([*ZHNORM, "load", str(short_pdf), "-o", str(BENCH / "short.jsonl")])
    print(f"peak RSS, load a PDF: 500 pages {rss_long:.0f} MB, 50 pages {rss_short:.0f} MB, "
          f"ratio {rss_long / rss_short:.2f} (flat in pages: target <= 1.2)")
    # the reading alone, each page dropped once read: what is left of the growth is the record itself
    read = ("import sys; from pathlib import Path; from normalize.paged import read_pages; "
            "sum(1 for _ in read_pages(Path(sys.argv[1]), 'pdf', name=sys.argv[1]))")
    rss_long, rss_short = (peak_rss_mb([sys.executable, "-c", read, str(path)]) for path in (long_pdf, short_pdf))
    print(f"peak RSS, read a PDF's pages without keeping them: 500 pages {rss_long:.0f} MB, 50 pages "
          f"{rss_short:.0f} MB, ratio {rss_long / rss_short:.2f}")


if __name__ == "__main__":
    main()
    pdf_figures()
