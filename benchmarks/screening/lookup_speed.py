"""How fast the store's candidate lookup is, and whether it finds the entity a query was taken from.

    python benchmarks/screening/make_index.py 1000000 -o /tmp/index.ftm.jsonl
    armsflow lists load /tmp/index.ftm.jsonl --db /tmp/bench.db
    python benchmarks/screening/lookup_speed.py --db /tmp/bench.db --queries 500

Queries are names of stored entities picked at random (seeded), each asked as written and with its words
in reverse order. Prints the lookup time per query (median, 95th percentile, mean) and how often the entity
the name came from, or another of exactly that name, is among the candidates (``--limit``, default 50).
This is the index lookup alone; the matcher's scoring comes on top.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from armsflow.screening import names
from armsflow.screening.store import ListStore
from armsflow.store import Store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, metavar="PATH|URL", help="a knowledge base with a list loaded")
    parser.add_argument("--queries", type=int, default=500, metavar="N", help="names to look up (default 500)")
    parser.add_argument("--limit", type=int, default=50, metavar="K", help="candidates per lookup (default 50)")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    with Store(args.db) as store:
        lists = ListStore(store)
        total = sum(s.entities for s in lists.lists())
        rows = store.fetchall("SELECT list_name, id, name FROM screening_entities")
        picked = random.Random(args.seed).sample(rows, min(args.queries, len(rows)))
        times: list[float] = []
        found = 0
        for row in picked:
            for query in (row["name"], " ".join(reversed(row["name"].split()))):
                started = time.perf_counter()
                candidates = lists.candidates(names.blocking_keys(query), args.limit)
                times.append((time.perf_counter() - started) * 1000)
                # found: the entity, or one of the same name (a large list has many people of one name)
                found += any(c.id == row["id"] or c.name == row["name"] for c in candidates)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{store.backend}, {total} entities, {len(times)} lookups, top {args.limit}")
    print(f"lookup ms: median {statistics.median(times):.1f}, p95 {p95:.1f}, mean {statistics.mean(times):.1f}")
    print(f"the queried entity (or one of the same name) among the candidates: {found / len(times):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
