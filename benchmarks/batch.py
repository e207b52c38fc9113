"""``armsflow batch`` throughput: 1 and 2 local cores, the scaling between them, Spark's overhead.

    .venv/bin/python benchmarks/batch.py              # local engine, then Spark in local mode
    .venv/bin/python benchmarks/batch.py --mb 8       # a larger input
    .venv/bin/python benchmarks/batch.py --no-spark   # the local engine only
    .venv/bin/python benchmarks/batch.py --repeat 3   # best of three runs each (a busy machine)

Run on demand, not a test. It repeats the documents of ``../shared/eval/dev/*docs.jsonl`` (each
copy with its own id and a line of its own, so that the knowledge base keeps every copy) until
they hold ``--mb`` MB of text, writes them as one JSONL file, extracts each dev document once
(so every run finds the word caches warm, the pool's workers inheriting them), and times the
whole batch — reading, extraction, writing Parquet — on the same input:

- **local, 1 core**: ``--engine local --jobs 1``, in this process (lexicons loaded beforehand);
- **local, 2 cores**: ``--jobs 2``, a pool of two worker processes; the **scaling** is its
  throughput over the 1-core figure (target at least 1.7); and the CPU seconds of each run (this
  process and its workers), whose ratio shows whether the pool adds work, whatever else runs;
- **spark, local[1]** and **local[2]**: ``--engine spark`` on a session started beforehand (its
  start-up is printed apart), ``--partitions`` equal to the cores; Spark's **overhead** is its
  time over the local engine's with the same cores, and its CPU (driver, JVM and Python workers,
  read from ``/proc``) over the local engine's CPU: unlike the wall-clock ratio, this does not
  depend on what else runs on the machine.

Repeated documents find the word caches warm after the first copy, as a large archive's common
vocabulary does; benchmarks/throughput.py reports the cold first pass separately. The machine's
load average is printed before and after: other processes on the same cores lower every figure,
and the scaling most. Last comes a paper estimate for 10 million articles on 100 cores, from the
1-core run's KB per CPU second (a cluster task has its core to itself; on a shared machine the
wall-clock figure would understate a core), with and without Spark's CPU overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from armsflow import extract, native
from armsflow.batch import run_local
from armsflow.load import ingest_batch
from armsflow.store import Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
TARGET_SCALING = 1.7
ARCHIVE_ARTICLES = 10_000_000
CLUSTER_CORES = 100


def _dev_documents() -> list[dict]:
    docs = []
    for name in sorted(DEV.glob("*docs.jsonl")):
        docs += [json.loads(line) for line in name.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs


def corpus(mb: float, folder: Path) -> tuple[Path, int, int]:
    """A JSONL file of at least ``mb`` MB of text; its path, bytes of text and documents."""
    docs = _dev_documents()
    if not docs:
        sys.exit(f"no documents in {DEV}: the benchmark reads the public dev corpus")
    path = folder / "corpus.jsonl"
    size = count = 0
    with path.open("w", encoding="utf-8") as out:
        while size < mb * 1024 * 1024:
            for doc in docs:
                # each copy its own text too, or the knowledge base would store one copy only (the ingest step)
                text = f"{doc['text']}\n\n({count})"
                out.write(
                    json.dumps({**doc, "id": f"{doc['id']}-copy{count}", "text": text}, ensure_ascii=False) + "\n"
                )
                size += len(doc["text"].encode("utf-8"))
                count += 1
    return path, size, count


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the local engine's pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, size: int, docs: int, run, repeat: int = 1) -> tuple[float, float]:
    """Wall and CPU seconds, best of ``repeat`` runs: other processes on the machine only ever slow a run down."""
    times = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_seconds()
        summary = run()
        times.append((time.perf_counter() - start, cpu_seconds() - cpu))
    seconds, cpu = min(times)
    print(
        f"{label:<22} {seconds:7.1f} s  {size / 1024 / seconds:7.0f} KB/s  {docs / seconds:6.0f} docs/s  "
        f"({summary.documents} documents, {summary.events} events, {summary.rejects} rejected"
        + ("; Spark's processes not counted)" if label.startswith("spark") else f"; {cpu:.1f} s CPU)")
    )
    return seconds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=4.0, help="MB of text to extract (default 4)")
    parser.add_argument("--no-spark", action="store_true", help="the local engine only")
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N runs each (default 1)")
    parser.add_argument("--article-kb", type=float, help="article size for the estimate (default: the input's mean)")
    args = parser.parse_args(argv)
    print(f"{load()}; {native.describe()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, size, docs = corpus(args.mb, folder)
        print(f"input: {size / 1024 / 1024:.1f} MB of text, {docs} documents (dev corpus repeated)")
        for doc in _dev_documents():  # lexicons and word caches warm before any clock starts (the pool inherits them)
            extract(doc["text"], doc.get("lang"))
        out = str(folder / "out")
        one, cpu_one = timed(
            "local, 1 core", size, docs, lambda: run_local(str(path), out, "jsonl", "parquet", 1), args.repeat
        )
        two, cpu_two = timed(
            "local, 2 cores", size, docs, lambda: run_local(str(path), out, "jsonl", "parquet", 2), args.repeat
        )
        scaling = one / two
        verdict = "ok" if scaling >= TARGET_SCALING else "MISSED"
        print(f"scaling 1 → 2 cores    {scaling:7.2f}×  (target ≥ {TARGET_SCALING}: {verdict})")
        # Independent of other processes: whether the pool adds work (CPU of the parent and its workers).
        print(
            f"CPU per run, 2 vs 1    {cpu_two / cpu_one:7.2f}×  (1.00: the pool adds no work; two idle cores "
            f"would give at most {2 * cpu_one / cpu_two:.2f}×)"
        )
        _ingest(out, folder)
        overhead = None
        if not args.no_spark:
            overhead = _spark(path, size, docs, folder, {1: (one, cpu_one), 2: (two, cpu_two)}, args.repeat)
        # A cluster's task has its core to itself: the 1-core run's KB per CPU second is that core's speed,
        # whatever else ran on this machine meanwhile.
        per_core = size / 1024 / cpu_one
        print(f"per core               {per_core:7.0f} KB per CPU second (1-core run)")
        _estimate(per_core, args.article_kb * 1024 if args.article_kb else size / docs, overhead)
    print(load())
    return 0


def _ingest(output: str, folder: Path) -> None:
    """``armsflow ingest`` of the batch output into a new SQLite file: the bulk path, records merged."""
    with Store(str(folder / "kb.db")) as store:
        start = time.perf_counter()
        summary = ingest_batch(store, output)
        seconds = time.perf_counter() - start
        records = store.counts()["records"]
    rate = f"{summary.new / seconds:7.0f} docs/s  {summary.events / seconds:6.0f} events/s"
    print(
        f"ingest of the output    {seconds:6.1f} s  {rate}  "
        f"(SQLite; {summary.new} documents, {summary.events} events, {records} records)"
    )


def _spark(path: Path, size: int, docs: int, folder: Path, local: dict[int, tuple[float, float]], repeat: int) -> float:
    """Spark's runs; returns the CPU overhead of the second (its CPU over the local engine's for the input).

    The second session runs in the JVM the first one started and warmed up (class loading, the JIT),
    as every job after the first does on a cluster's executors.
    """
    from armsflow.batch_spark import run_spark, session

    overheads = {}
    for cores in (1, 2):
        start = time.perf_counter()
        spark = session(f"local[{cores}]", {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"})
        print(f"spark start-up, local[{cores}] {time.perf_counter() - start:5.1f} s")
        out = str(folder / f"spark{cores}")
        cpu: list[float] = []

        def run(spark=spark, out=out, cores=cores, cpu=cpu):
            before = tree_cpu(os.getpid())
            summary = run_spark(spark, str(path), out, "jsonl", "parquet", cores)
            cpu.append(tree_cpu(os.getpid()) - before)
            return summary

        seconds, _cpu = timed(f"spark, local[{cores}]", size, docs, run, repeat)
        overheads[cores] = min(cpu) / local[cores][1]
        print(
            f"spark overhead, local[{cores}] {seconds / local[cores][0]:6.2f}× the local engine's time, "
            f"{overheads[cores]:.2f}× its CPU ({min(cpu):.1f} s: driver, JVM and Python workers)"
        )
        spark.stop()
    return overheads[2]


def tree_cpu(root: int) -> float:
    """CPU seconds of ``root`` and every live process below it, with their reaped children's.

    Spark's JVM and its Python workers are children of this process that outlive a job, so
    ``getrusage`` does not see them; ``/proc`` does (Linux only). Each process counts its own time
    and that of the children it has reaped, which are no longer in the tree: nothing counts twice.
    """
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(f) for f in fields[11:15]) / tick  # utime stime cutime cstime
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid and child not in tree]
        tree.update(children)
        frontier += children
    return sum(times.get(pid, 0.0) for pid in tree)


def _estimate(per_core_kb: float, bytes_per_doc: float, overhead: float | None) -> None:
    """Core-hours and wall time for 10 million articles of ``bytes_per_doc`` on 100 cores."""
    total_kb = ARCHIVE_ARTICLES * bytes_per_doc / 1024
    core_hours = total_kb / per_core_kb / 3600
    print(
        f"estimate: {ARCHIVE_ARTICLES:,} articles of {bytes_per_doc / 1024:.1f} KB = {total_kb / 1024 / 1024:.1f} GB "
        f"of text at {per_core_kb:.0f} KB/s per core: {core_hours:.1f} core-hours, "
        f"{core_hours / CLUSTER_CORES * 60:.0f} min on {CLUSTER_CORES} cores"
        + (f", {core_hours / CLUSTER_CORES * 60 * overhead:.0f} min with Spark's CPU overhead" if overhead else "")
    )


if __name__ == "__main__":
    sys.exit(main())
