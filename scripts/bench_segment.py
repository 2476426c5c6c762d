"""Throughput of the segment stage beside jieba's own ``lcut`` on the same text.

    .venv/bin/python scripts/bench_segment.py [--mb 5] [--rounds 3]

The seed pages are repeated to about ``--mb`` MB of UTF-8 text, one record per page.
Both sides run after a warm-up (jieba's dictionary loaded, a first pass done), each
``--rounds`` times in turn; the best round counts. Prints MB/s and the ratio
(lcut time / stage time: 1.0 means the stage adds nothing; the issue asks for no more
than 1.1x slower, i.e. a ratio of at least 0.91).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.segment import Segmenter, segment_records  # noqa: E402


def pages(mb: float) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(len(s.encode()) for s in seeds)
    return seeds * max(1, round(mb * 1e6 / size))


def best(run: Callable[[], int], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per side (default 3)")
    args = parser.parse_args()

    texts = pages(args.mb)
    records = [{"id": f"p{i}", "text": t} for i, t in enumerate(texts)]
    mb = sum(len(t.encode()) for t in texts) / 1e6

    import jieba  # after the stage's own setup: quiet, cache in the user cache folder

    segmenters = {
        "segment_records (defaults)": Segmenter().load(),
        "segment_records --no-punct": Segmenter(keep_punct=False).load(),
    }

    def lcut() -> int:
        return sum(len(jieba.lcut(t, cut_all=False, HMM=True)) for t in texts)

    def stage(seg: Segmenter) -> Callable[[], int]:
        return lambda: sum(len(r["tokens"]["text"]) for r in segment_records(records, seg))

    warm = texts[: max(1, len(texts) // 20)]
    for t in warm:
        jieba.lcut(t)
    for seg in segmenters.values():
        list(segment_records(records[: len(warm)], seg))

    print(f"{len(texts)} pages, {mb:.2f} MB, best of {args.rounds} rounds, "
          f"jieba {jieba.__version__}, Python {sys.version.split()[0]}")
    base = best(lcut, args.rounds)
    print(f"{'jieba.lcut':<30} {mb / base:6.2f} MB/s  {base:6.2f} s")
    for name, seg in segmenters.items():
        took = best(stage(seg), args.rounds)
        print(f"{name:<30} {mb / took:6.2f} MB/s  {took:6.2f} s  "
              f"ratio {base / took:.3f} (stage is {took / base:.3f}x lcut's time)")


if __name__ == "__main__":
    main()
