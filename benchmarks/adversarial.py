"""Extraction cost on hostile text: does it grow linearly with the input? (run on demand, not a test)

    .venv/bin/python benchmarks/adversarial.py                 # 50k to 400k characters per pattern
    .venv/bin/python benchmarks/adversarial.py --max-kchars 1600

Each pattern repeats one construction that once made some stage's cost grow with the square of
its length: endless hyphen chains ("Su-35-Su-35-…", one giant word), designations without a
sentence end, periods without spaces, cue words without a sentence end (one giant sentence),
capitals. For every doubling of the input the time should roughly double; the script prints the
ratio per doubling and marks a pattern `SUPERLINEAR` when the last ratio exceeds 2.6.
"""

from __future__ import annotations

import argparse
import sys
import time

from armsflow import extract

PATTERNS = {
    "hyphen chain": "Su-35-",
    "designations, no sentence end": "Su-35 ",
    "periods without spaces": "a.b.",
    "cue words, no sentence end": "Russland liefert Panzer und ",
    "capitals": "ABC ",
    "long German words": "Raketenabwehrsystemlieferungsgenehmigungsverfahren ",
}
LIMIT_RATIO = 2.6


def seconds(text: str) -> float:
    start = time.perf_counter()
    extract(text, lang="de")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--max-kchars", type=int, default=400, help="largest input in thousands of characters")
    args = parser.parse_args(argv)
    extract("Der Iran liefert Drohnen.", lang="de")  # lexicons loaded outside the timing
    sizes = []
    size = 50_000
    while size <= args.max_kchars * 1000:
        sizes.append(size)
        size *= 2
    worst = 0.0
    for name, unit in PATTERNS.items():
        times = [seconds((unit * (n // len(unit) + 1))[:n]) for n in sizes]
        ratios = [b / a if a > 0 else 0.0 for a, b in zip(times, times[1:], strict=False)]
        last = ratios[-1] if ratios else 0.0
        worst = max(worst, last)
        cells = "  ".join(f"{n // 1000}k {t:6.2f} s" for n, t in zip(sizes, times, strict=True))
        flag = "SUPERLINEAR" if last > LIMIT_RATIO else "linear"
        print(f"{name:32s} {cells}  ratio per doubling {' '.join(f'{r:.1f}' for r in ratios)}  {flag}")
    return 1 if worst > LIMIT_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
