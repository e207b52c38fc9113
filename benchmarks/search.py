"""Document search speed: the full-text index against the LIKE scan it replaced.

    .venv/bin/python benchmarks/search.py                     # SQLite (a temporary file), 50,000 documents
    .venv/bin/python benchmarks/search.py --postgres URL      # also PostgreSQL (an empty database!)
    .venv/bin/python benchmarks/search.py --docs 20000        # a smaller run

Run on demand, not a test. Documents are synthetic news-like texts of about
1.5 KB: four words of a fixed topical vocabulary (weapon names, states,
verbs, in German and English) among made-up filler words with Zipf-like
frequencies. For each of ``--queries`` searches (one or two words, some of
them word beginnings) it times ``armsflow.query.documents`` (the code behind
``armsflow docs --search`` and ``GET /api/documents?search=``, first 100, most
recent first, with the total as the CLI prints it) and the old
``LOWER(title) LIKE … OR LOWER(text) LIKE …`` scan on the same database, and
prints p50/p95 for both.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from armsflow.query import count_documents, documents
from armsflow.store import Store, content_hash

WORDS = (
    "Leopard Panzer Drohnen drones Shahed Rafale Eurofighter Typhoon Patriot IRIS-T HIMARS Gripen Fregatten frigates "
    "Ukraine Russland Russia Iran Deutschland Germany Frankreich France Indien India Polen Poland Ägypten Egypt "
    "geliefert delivered bestellt ordered signed unterzeichnet Vertrag contract Regierung government Ministerium "
    "ministry said sagte according laut Angaben officials Beamte weitere further Lieferung delivery Munition "
    "ammunition Luftabwehr air defence Marine navy Luftwaffe air force Heer army Exportgenehmigung export licence"
).split()
SYLLABLES = "ka ri to men sch lan der ber ung ver ge be ein ter sta na li mo pe ra so tu wi".split()
QUERIES = ("Shahed", "Leopard Ukraine", "Eurofight", "Fregatten Ägypten", "Patriot", "Gripen contract", "Luftabw")


def _vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up filler words with Zipf-like frequencies (as cumulative weights), as in running text."""
    words = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)})
    rng.shuffle(words)
    return words, list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))


def _text(rng: random.Random, n: int, vocabulary: tuple[list[str], list[float]]) -> str:
    words = rng.choices(vocabulary[0], cum_weights=vocabulary[1], k=220) + rng.sample(
        WORDS, 4
    )  # a few topical words per article
    rng.shuffle(words)
    return f"Bericht {n}: " + " ".join(words) + "."


def load(store: Store, n_docs: int) -> None:
    rng = random.Random(5)
    vocabulary = _vocabulary(rng)
    for start in range(0, n_docs, 5000):
        rows = []
        for n in range(start, min(n_docs, start + 5000)):
            text = _text(rng, n, vocabulary)
            date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rows.append((content_hash(text), f"doc-{n}", "de", f"Titel {n}", date, None, None, text, 0, date))
        with store.write():
            store.executemany(
                "INSERT INTO documents (id, doc_key, lang, title, date, url, publisher, text, n_events, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                rows,
            )
    store.execute("ANALYZE")


def _like(store: Store, search: str) -> int:
    clauses, params = [], []
    for word in search.lower().split():
        clauses.append("(LOWER(title) LIKE ? OR LOWER(text) LIKE ?)")
        params += [f"%{word}%"] * 2
    where = " AND ".join(clauses)
    store.fetchall(f"SELECT id FROM documents WHERE {where} ORDER BY date DESC, id LIMIT 100", params)
    row = store.fetchone(f"SELECT COUNT(*) AS n FROM documents WHERE {where}", params)
    return int(row["n"]) if row else 0


def _timed(fn, queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return sorted(out)


def _line(label: str, ms: list[float]) -> str:
    p95 = ms[int(0.95 * (len(ms) - 1))]
    return f"{label:<28} p50 {statistics.median(ms):8.1f} ms  p95 {p95:8.1f} ms"


def run(label: str, location: str, n_docs: int, n_queries: int) -> None:
    print(f"\n== {label}")
    store = Store(location)
    if store.counts()["documents"]:
        sys.exit(f"{label}: the database is not empty; give an empty one")
    start = time.perf_counter()
    load(store, n_docs)
    print(f"loaded {n_docs} documents in {time.perf_counter() - start:.1f} s (index kept up to date as they arrive)")
    rng = random.Random(3)
    queries = [rng.choice(QUERIES) for _ in range(n_queries)]

    def indexed(q: str) -> int:
        documents(store, search=q, limit=100)
        return count_documents(store, search=q)

    print(_line("full-text index (docs)", _timed(indexed, queries)))
    print(_line("LIKE scan (before)", _timed(lambda q: _like(store, q), queries)))
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=50_000, help="documents to store (default 50,000)")
    parser.add_argument("--queries", type=int, default=40, help="searches to time (default 40)")
    parser.add_argument("--postgres", metavar="URL", help="also run on this (empty) PostgreSQL database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", str(Path(tmp) / "search.db"), args.docs, args.queries)
    if args.postgres:
        run("PostgreSQL", args.postgres, args.docs, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
