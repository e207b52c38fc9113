"""HTTP API speed: requests/s and latency of the records and network endpoints on 1 million events.

    .venv/bin/python benchmarks/api.py                      # builds a 1M-event SQLite file, then measures
    .venv/bin/python benchmarks/api.py --db /tmp/b1m.db     # reuse a database (built by an earlier run)
    .venv/bin/python benchmarks/api.py --db postgresql://…  # a PostgreSQL database (empty: it is filled)

Run on demand, not a test. The knowledge base is filled with the synthetic
events of benchmarks/store.py. The server is the real one (``armsflow
serve``, uvicorn, one process) on a local port; clients in ``--clients``
threads send random filtered requests over keep-alive connections:

- records: ``GET /api/transfers`` with 1–3 random filters (supplier,
  recipient, either side, item, status, period), 100 records per page;
- network: ``GET /api/network`` with an item or an actor and a period, up
  to 300 edges.

It prints requests/s and p50/p95/max latency per endpoint. Target: p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))

import store as store_bench  # noqa: E402 - the synthetic data of benchmarks/store.py

from armsflow.model import ITEM_CATEGORIES, TRANSFER_STATUSES  # noqa: E402
from armsflow.store import Store  # noqa: E402

TARGET_P95_MS = 100


def fill(location: str, n_events: int) -> None:
    with Store(location) as s:
        if s.counts()["events"]:
            print(f"using the {s.counts()['events']} events already in {location}")
            return
        print(f"filling {location} with {n_events} synthetic events …", flush=True)
        batch: list = []
        for item in store_bench.synthetic_documents(n_events // store_bench.EVENTS_PER_DOC):
            batch.append(item)
            if len(batch) >= 5000:
                store_bench.bulk_load(s, batch)
                batch = []
        if batch:
            store_bench.bulk_load(s, batch)
        s.rebuild_records()


def records_path(rng: random.Random) -> str:
    q: dict[str, str] = {"limit": "100"}
    for _ in range(rng.randint(1, 3)):
        choice = rng.choice(("supplier", "recipient", "actor", "item", "status", "since"))
        if choice in ("supplier", "actor"):
            q[choice] = rng.choice(store_bench.STATES[:40])
        elif choice == "recipient":
            q[choice] = rng.choice(store_bench.STATES)
        elif choice == "item":
            q[choice] = rng.choice(ITEM_CATEGORIES)
        elif choice == "status":
            q[choice] = rng.choice(TRANSFER_STATUSES)
        else:
            q[choice] = str(rng.randint(2016, 2025))
    return "/api/transfers?" + urlencode(q)


def network_path(rng: random.Random) -> str:
    q = {"limit": "300", "since": str(rng.randint(2015, 2024))}
    if rng.random() < 0.5:
        q["item"] = rng.choice(ITEM_CATEGORIES)
    else:
        q["actor"] = rng.choice(store_bench.STATES[:40])
    return "/api/network?" + urlencode(q)


def load(port: int, make_path, n_requests: int, clients: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = n_requests // clients

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(per_client):
            path = make_path(rng)
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            mine.append((time.perf_counter() - start) * 1000)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies) / (time.perf_counter() - start), sorted(latencies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="/tmp/armsflow-bench-1m.db", help="knowledge base (filled when empty)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=600, help="requests per endpoint (default 600)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (default 4)")
    args = parser.parse_args(argv)
    fill(args.db, args.events)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "armsflow.cli", "serve", "--db", args.db, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/health")
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        for label, make_path in (("records", records_path), ("network", network_path)):
            load(port, make_path, 40, 2)  # warm-up
            rate, ms = load(port, make_path, args.requests, args.clients)
            p95 = ms[int(0.95 * (len(ms) - 1))]
            verdict = "ok" if p95 <= TARGET_P95_MS else "MISSED"
            print(
                f"{label:8} {rate:7.0f} requests/s   p50 {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   "
                f"max {ms[-1]:6.1f} ms   ({len(ms)} requests, {args.clients} clients; target p95 <= "
                f"{TARGET_P95_MS} ms: {verdict})"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
