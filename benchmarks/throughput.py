"""Extraction throughput, peak memory and start-up time (run on demand, not a test).

    .venv/bin/python benchmarks/throughput.py            # single process
    .venv/bin/python benchmarks/throughput.py --jobs 2   # also with a pool of 2 workers
    .venv/bin/python benchmarks/throughput.py --profile  # where the time goes (cProfile, top functions)
    ARMSFLOW_PURE=1 .venv/bin/python benchmarks/throughput.py   # the Python sources, not the compiled core

The corpus mixes the public annotated sets (../shared/eval/{dev,styles,probes}/*docs.jsonl:
wire copy, news, analyses, official texts, tickers) and repeats them until it holds at least
--mb megabytes of text. Three figures: the first pass over each distinct document (cold word
caches: what new vocabulary costs), the warm in-process throughput, and a whole
`armsflow extract` process over the corpus as a JSONL file (start-up, reading, cold caches and
writing JSON included), best of --runs. Sizes are UTF-8 bytes of the document texts; KB = 1024
bytes, MB = 1024 KB.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import multiprocessing
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import armsflow
from armsflow import Document, extract_document, native
from armsflow.bulk import collector_tuned

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SETS = ("dev", "styles", "probes")
TARGET_COLD_KB_S = 600
TARGET_KB_S_PER_CORE = 1000
TARGET_PEAK_MB = 300
TARGET_STARTUP_S = 1.0
# A fresh interpreter that imports armsflow and extracts one sentence (so the lexicons are loaded).
STARTUP_CODE = "import armsflow; armsflow.extract('Der Iran liefert Drohnen.')"


def load_corpus(root: Path, min_mb: float) -> tuple[list[Document], int, int]:
    """(documents, text bytes, distinct documents): the sets' documents repeated to at least ``min_mb``."""
    rows = []
    for name in SETS:
        for path in sorted((root / name).glob("*docs.jsonl")):
            with path.open(encoding="utf-8") as handle:
                rows.extend(json.loads(line) for line in handle if line.strip())
    if not rows:
        sys.exit(f"no documents in {root}/{{{','.join(SETS)}}}/*docs.jsonl")
    docs: list[Document] = []
    size = 0
    rounds = 0
    while size < min_mb * 1024 * 1024:
        for row in rows:
            docs.append(
                Document(
                    id=f"{row['id']}#{rounds}",
                    text=row["text"],
                    lang=row.get("lang"),
                    date=row.get("date"),
                    title=row.get("title"),
                )
            )
            size += len(row["text"].encode("utf-8"))
        rounds += 1
    return docs, size, len(rows)


def _count(doc: Document) -> int:
    return len(extract_document(doc).events)


def interpreter() -> str:
    """Which Python runs the benchmark, and whether it reaches its C API through a shared libpython.

    Most of a compiled pass is spent in CPython's own set, dict and allocation functions, so the interpreter's
    build moves every figure: on this project's 2-core VM, Debian's /usr/bin/python3.11 (libpython linked
    into the executable, built for speed by the distribution) ran the same compiled core about 10-18 %
    faster than a pyenv build with a shared libpython and no --enable-optimizations (README, Benchmarks).
    Figures from different interpreters are not comparable."""
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        maps = ""
    linked = "shared libpython" if "libpython" in maps else "libpython linked in" if maps else "linkage unknown"
    version = ".".join(str(v) for v in sys.version_info[:3])
    return f"{sys.executable} (CPython {version}, {linked})"


def startup_seconds(repeat: int = 3) -> float:
    """Best of ``repeat`` fresh interpreters running STARTUP_CODE."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", STARTUP_CODE], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def whole_process(docs: list[Document], size: int, runs: int) -> None:
    """A whole `armsflow extract` process over the corpus as one JSONL file, output discarded (best of runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for doc in docs:
                out.write(json.dumps({"id": doc.id, "lang": doc.lang, "text": doc.text}, ensure_ascii=False) + "\n")
        exe = str(Path(sys.executable).with_name("armsflow"))
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [exe, "extract", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
            )
            best = min(best, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    kb_s = size / 1024 / best
    print(
        f"whole process        {kb_s:8.0f} KB/s  `armsflow extract` on {size / 1024 / 1024:.1f} MB of JSONL, "
        f"{best:.2f} s best of {runs} (target >= {TARGET_KB_S_PER_CORE}: {mark(kb_s >= TARGET_KB_S_PER_CORE)}), "
        f"peak {peak:.0f} MB"
    )


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(label: str, size: int, docs: int, events: int, seconds: float, cores: int, peak_mb: float) -> None:
    kb = size / 1024
    per_core = kb / seconds / cores
    print(f"{label}")
    print(f"  text               {size / 1024 / 1024:8.2f} MB in {docs} documents")
    print(f"  time               {seconds:8.2f} s")
    print(
        f"  throughput         {kb / seconds:8.0f} KB/s, {per_core:.0f} KB/s per core "
        f"(target >= {TARGET_KB_S_PER_CORE}: {mark(per_core >= TARGET_KB_S_PER_CORE)})"
    )
    print(f"  documents          {docs / seconds:8.1f} /s")
    print(f"  events found       {events:8d}")
    print(
        f"  peak memory        {peak_mb:8.0f} MB per process (ru_maxrss; target <= {TARGET_PEAK_MB}: "
        f"{mark(peak_mb <= TARGET_PEAK_MB)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=5.0, help="minimum corpus size in MB (default 5)")
    parser.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="also measure with a multiprocessing pool of N workers"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the single-process run with cProfile and print the top functions",
    )
    parser.add_argument("--eval", type=Path, default=EVAL, help=f"folder of the annotated sets (default {EVAL})")
    parser.add_argument(
        "--default-gc",
        action="store_true",
        help="time the in-process passes with CPython's default collector thresholds (not armsflow.bulk's)",
    )
    parser.add_argument("--runs", type=int, default=3, help="whole-process runs; the best counts (default 3)")
    args = parser.parse_args(argv)

    print(f"code                 {native.describe()}")
    print(f"interpreter          {interpreter()}")
    startup = startup_seconds()
    print(
        f'start-up             {startup:8.2f} s  fresh `python -c "{STARTUP_CODE}"` '
        f"(target < {TARGET_STARTUP_S:g}: {mark(startup < TARGET_STARTUP_S)})"
    )

    docs, size, distinct = load_corpus(args.eval, args.mb)
    print(f"corpus               {distinct} documents of {', '.join(SETS)} repeated {len(docs) // distinct}x")
    whole_process(docs, size, args.runs)
    load_start = time.perf_counter()
    # Both languages' lexicons load outside the timing: the corpus mixes German and English, and a first
    # pass that also paid for loading the second lexicon would not measure new vocabulary alone.
    armsflow.extract("Der Iran hat Russland Drohnen geliefert.", lang="de")
    armsflow.extract("Iran has delivered drones to Russia.", lang="en")
    print(f"lexicon load         {time.perf_counter() - load_start:8.2f} s (de and en, in this process, before timing)")
    tuned = nullcontext() if args.default_gc else collector_tuned()
    if not args.default_gc:
        # `armsflow extract` moves what was built before its run, and each lexicon once loaded, out of the
        # collector's generations (gc.freeze); the passes here run as it does
        gc.freeze()
    print(
        "collector            "
        + (
            "CPython defaults (--default-gc)"
            if args.default_gc
            else "tuned for bulk runs, modules and lexicons frozen, as the command line runs"
        )
    )

    profiler = cProfile.Profile() if args.profile else None
    with tuned:
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        events = sum(_count(doc) for doc in docs[:distinct])
        first_pass = time.perf_counter() - start
        events += sum(_count(doc) for doc in docs[distinct:])
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
    first_kb = sum(len(doc.text.encode("utf-8")) for doc in docs[:distinct]) / 1024
    cold = first_kb / first_pass
    print(
        f"first pass           {cold:8.0f} KB/s  each document once, word caches still cold "
        f"({first_kb:.0f} KB in {first_pass:.2f} s; target >= {TARGET_COLD_KB_S}: {mark(cold >= TARGET_COLD_KB_S)})"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report(
        "single process" + (" (under cProfile: slower than normal)" if profiler else ""),
        size,
        len(docs),
        events,
        seconds,
        1,
        peak_mb,
    )

    if profiler:
        for key in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(25)
            print(f"\ncProfile, top 25 by {key} (total {seconds:.1f} s):")
            print(out.getvalue().split("\n", 6)[-1].rstrip())

    if args.jobs > 1:
        start = time.perf_counter()
        # Workers fork inside the block, so they run with the same collector settings as the single process.
        with (
            nullcontext() if args.default_gc else collector_tuned(),
            multiprocessing.get_context("fork").Pool(args.jobs) as pool,
        ):
            events_pool = sum(pool.imap(_count, docs, chunksize=16))
            pool.close()
            pool.join()
        seconds = time.perf_counter() - start
        peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report(f"pool of {args.jobs} workers (fork)", size, len(docs), events_pool, seconds, args.jobs, peak_children)
        if events_pool != events:
            print(f"  WARNING: the pool found {events_pool} events, the single process {events}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
