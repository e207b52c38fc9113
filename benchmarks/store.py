"""Knowledge-base speed: ingest against extraction, then filtered-query latency on 1 million events.

    .venv/bin/python benchmarks/store.py                        # SQLite (a temporary file)
    .venv/bin/python benchmarks/store.py --postgres URL         # also PostgreSQL (an empty database!)
    .venv/bin/python benchmarks/store.py --events 200000        # a smaller run
    .venv/bin/python benchmarks/store.py --events 0             # the ingest figures only

Run on demand, not a test. It prints:

- **ingest beside extraction, on the same documents**: ``--docs`` real
  articles (the public annotated sets in ../shared/eval when present, else
  the bundled samples; repeated, each copy a distinct text). First the
  extractor alone (documents/s), then the store alone (``armsflow.load.ingest``
  given the events already extracted: duplicate check, batched transactions,
  record refresh), then the whole ``armsflow ingest`` path into a fresh
  database (extraction and store). Each distinct article is extracted once
  before the timing starts, so all three run with warm word caches. Target:
  the whole ingest runs at >= 80 %
  of the extractor's documents/s, i.e. storing costs at most a quarter of
  the extraction time;
- **bulk load and merge** of synthetic events shaped like news (a few dozen
  suppliers carry most transfers, recipients spread over all states, 21
  item categories, a third name a designation, ten years of dates, four
  events per document) in large transactions, then every record recomputed
  (``Store.rebuild_records``);
- **query latency**: p50/p95/max over ``--queries`` random filtered transfer
  queries through ``armsflow.query.records`` (the code behind ``armsflow
  transfers``): supplier, recipient, item, status, period and their
  combinations, 100 records per page. Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from armsflow import extract_document, native
from armsflow.bulk import collector_tuned
from armsflow.cli import sample_path
from armsflow.load import ingest
from armsflow.model import ITEM_CATEGORIES, TRANSFER_STATUSES, Document, DocumentResult, Event
from armsflow.query import RecordFilter, records
from armsflow.records import record_id, record_key
from armsflow.store import Store, content_hash

TARGET_P95_MS = 50
TARGET_INGEST_SHARE = 0.8  # whole ingest documents/s over extraction documents/s
EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
EVENTS_PER_DOC = 4
STATES = [
    "USA", "RUS", "FRA", "CHN", "DEU", "ITA", "GBR", "ESP", "KOR", "ISR", "TUR", "NLD", "SWE", "UKR", "CHE",
    "POL", "NOR", "CAN", "AUS", "BRA", "IRN", "PRK", "IND", "PAK", "JPN", "ZAF", "CZE", "BLR", "SRB", "ARE",
    "SAU", "EGY", "QAT", "DZA", "IRQ", "SYR", "LBY", "NGA", "ETH", "MMR", "THA", "IDN", "VNM", "PHL", "MYS",
    "SGP", "TWN", "GRC", "ROU", "BGR", "HUN", "FIN", "EST", "LVA", "LTU", "DNK", "BEL", "PRT", "AUT", "IRL",
    "MEX", "COL", "PER", "CHL", "ARG", "VEN", "CUB", "KAZ", "UZB", "AZE", "ARM", "GEO", "JOR", "KWT", "OMN",
    "BHR", "YEM", "SDN", "MLI", "NER", "BFA", "TCD", "KEN", "UGA", "RWA", "AGO", "MOZ", "ZWE", "BGD", "LKA",
]  # fmt: skip
DESIGNATIONS = [f"System-{n}" for n in range(200)]


def real_documents(n_docs: int) -> tuple[list[Document], str]:
    """``n_docs`` distinct articles: the public annotated sets (else the bundled samples), repeated."""
    rows = []
    for name in ("dev", "styles", "probes"):
        for path in sorted((EVAL / name).glob("*docs.jsonl")):
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    origin = f"{len(rows)} articles of ../shared/eval"
    if not rows:
        lines = sample_path().read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        origin = f"the {len(rows)} bundled sample articles"
    docs = []
    for n in range(n_docs):
        row = rows[n % len(rows)]
        copy = n // len(rows)
        text = row["text"] if copy == 0 else f"{row['text']}\n\n(Copy {copy}.)"  # a distinct text per copy
        docs.append(Document(id=f"{row['id']}#{copy}", text=text, lang=row.get("lang"), date=row.get("date")))
    return docs, origin


def _fresh(doc: Document) -> Document:
    return Document(**{name: getattr(doc, name) for name in Document.__slots__})


class Clock:
    """Wall time and this process's CPU time of a block: on a busy shared machine the CPU time is the
    steadier figure for SQLite (all its work is in this process); PostgreSQL also works in its server."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def _best(clocks: list[Clock]) -> Clock:
    best = Clock()
    best.wall, best.cpu = min(c.wall for c in clocks), min(c.cpu for c in clocks)
    return best


def _timed_ingest(
    location: str, docs: list[Document], n_events: int, extractor: Callable[[Document], DocumentResult]
) -> Clock:
    """``armsflow.load.ingest`` into an empty database with this extractor (the real one, or a lookup of
    events extracted before: the store alone)."""
    _empty(location)
    with Store(location) as store, Clock() as clock:
        summary = ingest(store, (_fresh(d) for d in docs), report=print, extractor=extractor)
    assert summary.new == len(docs) and summary.events == n_events, summary.line()
    _empty(location)
    return clock


def ingest_against_extraction(label: str, location: str, n_docs: int, runs: int) -> None:
    """Extraction alone, the store alone and the whole ingest on the same documents (documents/s, best of runs)."""
    docs, origin = real_documents(n_docs)
    print(f"\n== {label}: ingest beside extraction, {n_docs} documents from {origin}, best of {runs}")
    timings: dict[str, list[Clock]] = {"extraction alone": [], "store alone": [], "whole ingest": []}
    with collector_tuned():
        for doc in docs[: len({d.text.split("\n\n(Copy")[0] for d in docs})]:
            extract_document(_fresh(doc))  # warm the word caches first: every run below then meets known words
        for _ in range(runs):
            with Clock() as clock:
                results: dict[str, DocumentResult] = {d.id: extract_document(_fresh(d)) for d in docs}
            timings["extraction alone"].append(clock)
            n_events = sum(len(r.events) for r in results.values())
            lookup = results.__getitem__
            timings["store alone"].append(_timed_ingest(location, docs, n_events, lambda d, get=lookup: get(d.id)))
            del results  # as in a real run, the whole ingest holds only the batch it is about to store
            gc.collect()
            timings["whole ingest"].append(_timed_ingest(location, docs, n_events, extract_document))
    print(f"code: {native.describe()}; {n_events} events; documents/s by wall time, and by CPU time of this process")
    best = {name: _best(clocks) for name, clocks in timings.items()}
    for name, clock in best.items():
        print(f"{name:<26} {n_docs / clock.wall:8.0f} documents/s wall  {n_docs / clock.cpu:8.0f} documents/s CPU")
    for kind in ("wall", "cpu"):
        share = getattr(best["extraction alone"], kind) / getattr(best["whole ingest"], kind)
        verdict = "met" if share >= TARGET_INGEST_SHARE else "MISSED"
        target = f"target >= {TARGET_INGEST_SHARE:.0%}: {verdict}"
        print(f"whole ingest / extraction  {share:8.0%} by {kind} time ({target})")


def synthetic_documents(n_docs: int, seed: int = 7):
    rng = random.Random(seed)
    supplier_weights = [1 / (rank + 1) ** 1.1 for rank in range(len(STATES))]
    for n in range(n_docs):
        year = rng.randint(2015, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"Synthetic article {n}. " + " ".join(f"Sentence {k} of article {n}." for k in range(EVENTS_PER_DOC))
        doc = Document(id=f"bench-{n}", text=text, lang="en", date=date, publisher=f"Outlet {rng.randint(1, 300)}")
        events = []
        for k in range(EVENTS_PER_DOC):
            supplier = rng.choices(STATES, supplier_weights)[0]
            recipient = rng.choice([s for s in STATES if s != supplier])
            sentence = f"Sentence {k} of article {n}."
            start = text.index(sentence)
            events.append(
                Event(
                    type="transfer",
                    status=rng.choices(TRANSFER_STATUSES, [40, 25, 15, 8, 6, 4, 2])[0],
                    evidence=sentence,
                    start=start,
                    end=start + len(sentence),
                    rule="benchmark",
                    supplier=supplier,
                    recipient=recipient,
                    item=rng.choice(ITEM_CATEGORIES),
                    designation=rng.choice(DESIGNATIONS) if rng.random() < 0.33 else None,
                    quantity=rng.randint(1, 500) if rng.random() < 0.4 else None,
                    source=rng.choice([None, None, "officials", "ministry"]),
                )
            )
        yield doc, events


def bulk_load(store: Store, batch: list[tuple[Document, list[Event]]]) -> None:
    """Many documents in one transaction, records left for ``rebuild_records``."""
    with store.write():
        store.executemany(
            "INSERT INTO documents (id, doc_key, lang, title, date, url, publisher, text, n_events, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [
                (content_hash(d.text), d.id, d.lang, None, d.date, None, d.publisher, d.text, len(ev),
                 f"{d.date}T00:00:00Z")
                for d, ev in batch
            ],
        )  # fmt: skip
        rows = []
        for d, events in batch:
            h = content_hash(d.text)
            for e in events:
                rows.append(
                    (e.event_id(h), h, e.type, e.status, e.supplier, e.recipient, e.item, e.designation, e.quantity,
                     e.imposer, e.target, e.source, e.evidence, e.start, e.end, e.rule, record_id(record_key(e)))
                )  # fmt: skip
        store.executemany(
            "INSERT INTO events (id, document_id, type, status, supplier, recipient, item, designation, quantity, "
            "imposer, target, source, evidence, start_char, end_char, rule, record_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            rows,
        )


def random_filter(rng: random.Random) -> RecordFilter:
    flt = RecordFilter(limit=100)
    for _ in range(rng.randint(1, 3)):
        choice = rng.choice(("supplier", "recipient", "item", "status", "since", "actor"))
        if choice == "supplier":
            flt.supplier = rng.choice(STATES[:40])
        elif choice == "recipient":
            flt.recipient = rng.choice(STATES)
        elif choice == "item":
            flt.item = rng.choice(ITEM_CATEGORIES)
        elif choice == "status":
            flt.status = rng.choice(TRANSFER_STATUSES)
        elif choice == "since":
            flt.since = f"{rng.randint(2016, 2025)}"
        else:
            flt.actor = rng.choice(STATES[:40])
    return flt


def run(label: str, location: str, n_events: int, n_queries: int) -> None:
    print(f"\n== {label}: bulk load, merge and queries")
    store = Store(location)
    if store.counts()["documents"]:
        sys.exit(f"{label}: the database is not empty; give an empty one")
    n_docs = n_events // EVENTS_PER_DOC
    start = time.perf_counter()
    batch: list = []
    for item in synthetic_documents(n_docs):
        batch.append(item)
        if len(batch) >= 5000:
            bulk_load(store, batch)
            batch = []
    if batch:
        bulk_load(store, batch)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    n_records = store.rebuild_records()
    merged = time.perf_counter() - start
    if store.backend == "postgresql":
        store.execute("ANALYZE")
    counts = store.counts()
    print(f"bulk load                  {loaded:8.1f} s  ({counts['documents']} documents, {counts['events']} events)")
    print(f"merge (rebuild records)    {merged:8.1f} s  ({n_records} records)")
    rng = random.Random(11)
    timings = []
    hits = 0
    for _ in range(n_queries):
        flt = random_filter(rng)
        t = time.perf_counter()
        hits += len(records(store, flt))
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    verdict = "ok" if p95 <= TARGET_P95_MS else "MISSED"
    print(
        f"filtered transfer query    p50 {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms  "
        f"max {timings[-1]:6.1f} ms  over {n_queries} queries, {hits / n_queries:.0f} records each on average "
        f"(target p95 <= {TARGET_P95_MS} ms: {verdict})"
    )
    store.close()


def _empty(location: str) -> None:
    """Empty the database between the ingest runs and before the bulk load (a figure per empty start)."""
    with Store(location) as store, store.write():
        for table in ("events", "records", "documents"):
            store.execute(f"DELETE FROM {table}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to bulk-load (default 1M)")
    parser.add_argument("--docs", type=int, default=3000, help="real documents for the ingest figures (default 3000)")
    parser.add_argument("--runs", type=int, default=3, help="ingest figures: best of this many runs (default 3)")
    parser.add_argument("--queries", type=int, default=300, help="filtered queries to time (default 300)")
    parser.add_argument("--postgres", metavar="URL", help="also run on this (empty) PostgreSQL database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        ingest_against_extraction("SQLite", str(Path(tmp) / "bench.db"), args.docs, args.runs)
        if args.events:
            run("SQLite", str(Path(tmp) / "bench.db"), args.events, args.queries)
    if args.postgres:
        with Store(args.postgres) as store:
            if store.counts()["documents"]:
                sys.exit("PostgreSQL: the database is not empty; give an empty one")
        ingest_against_extraction("PostgreSQL", args.postgres, args.docs, args.runs)
        if args.events:
            run("PostgreSQL", args.postgres, args.events, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
