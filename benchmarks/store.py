"""Knowledge-base speed: ingest throughput and filtered-query latency on 1 million events.

    .venv/bin/python benchmarks/store.py                        # SQLite (a temporary file)
    .venv/bin/python benchmarks/store.py --postgres URL         # also PostgreSQL (an empty database!)
    .venv/bin/python benchmarks/store.py --events 200000        # a smaller run

Run on demand, not a test. The events are synthetic but shaped like news:
a few dozen suppliers carry most transfers (Zipf-like weights), recipients
spread over all states, 21 item categories, a third of the events name a
designation, dates spread over ten years, four events per document.

It prints:

- **ingest through the store**: documents/s for ``Store.add_document`` (one
  transaction per document, records refreshed incrementally) on the first
  ``--docs`` documents — the path ``armsflow ingest`` takes — to compare with
  the extractor's documents/s (benchmarks/throughput.py): the store must not
  be the bottleneck;
- **bulk load and merge**: the rest loaded in large transactions, then every
  record recomputed (``Store.rebuild_records``);
- **query latency**: p50/p95/max over ``--queries`` random filtered transfer
  queries through ``armsflow.query.records`` (the code behind ``armsflow
  transfers``): supplier, recipient, item, status, period and their
  combinations, 100 records per page. Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from armsflow.model import ITEM_CATEGORIES, TRANSFER_STATUSES, Document, Event
from armsflow.query import RecordFilter, records
from armsflow.records import record_id, record_key
from armsflow.store import Store, content_hash

TARGET_P95_MS = 50
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


def run(label: str, location: str, n_events: int, n_docs_incremental: int, n_queries: int) -> None:
    print(f"\n== {label}")
    store = Store(location)
    if store.counts()["documents"]:
        sys.exit(f"{label}: the database is not empty; give an empty one")
    n_docs = n_events // EVENTS_PER_DOC
    docs = synthetic_documents(n_docs)
    start = time.perf_counter()
    for _ in range(min(n_docs_incremental, n_docs)):
        doc, events = next(docs)
        store.add_document(doc, events, "en")
    elapsed = time.perf_counter() - start
    print(
        f"ingest through the store   {n_docs_incremental / elapsed:8.0f} documents/s  (add_document, incremental merge)"
    )
    start = time.perf_counter()
    batch: list = []
    for item in docs:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events to store (default 1,000,000)")
    parser.add_argument("--docs", type=int, default=3000, help="documents ingested one by one (default 3000)")
    parser.add_argument("--queries", type=int, default=300, help="filtered queries to time (default 300)")
    parser.add_argument("--postgres", metavar="URL", help="also run on this (empty) PostgreSQL database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", str(Path(tmp) / "bench.db"), args.events, args.docs, args.queries)
    if args.postgres:
        run("PostgreSQL", args.postgres, args.events, args.docs, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
