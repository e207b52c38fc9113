"""Screenshots of the web interface on the bundled samples, for the README: network, a record, the timeline, the map.

    .venv/bin/python scripts/screenshots.py [--out docs]

Ingests the samples into a throwaway SQLite file, serves it on a free local port (nothing leaves the
machine), drives Debian's /usr/bin/chromium headless through Playwright at 1,280 px and writes
docs/network.png, docs/record.png (the record with the most documents), docs/timeline.png and docs/map.png.
Run it again after a change to the pages or the samples; the pictures are what a user sees.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def serve(db: str) -> tuple[object, str]:
    """A uvicorn server over ``db`` in a thread; (the server, its base URL)."""
    import uvicorn

    from armsflow.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=""), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    if not server.started:
        raise SystemExit("screenshots: the server did not start")
    return server, f"http://127.0.0.1:{port}"


def busiest_record(db: str) -> str:
    """The transfer record reported by the most documents (ties: the most recent): the richest record page."""
    from armsflow.store import Store

    with Store(db) as store:
        row = store.fetchone(
            "SELECT id FROM records WHERE type = 'transfer' ORDER BY n_documents DESC, last_reported DESC, id LIMIT 1"
        )
    assert row is not None, "the samples gave no transfer record"
    return str(row["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="docs", help="folder for the PNG files (default: docs)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from armsflow.cli import sample_path
    from armsflow.ingest.files import iter_inputs
    from armsflow.load import ingest
    from armsflow.store import Store

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.db")
        with Store(db) as store:
            ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
        server, base = serve(db)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/#/")
            page.wait_for_selector("svg.network g.node")
            page.locator("svg.network").screenshot(path=str(out / "network.png"))
            page.locator("#timeline-chart").screenshot(path=str(out / "timeline.png"))
            page.goto(f"{base}/#/record/{busiest_record(db)}")
            page.wait_for_selector("#evidence .evidence")
            page.screenshot(path=str(out / "record.png"), full_page=False)
            page.goto(f"{base}/#/map")
            page.wait_for_selector("svg.worldmap path.flow")
            page.locator("#map-holder").screenshot(path=str(out / "map.png"))
            browser.close()
        server.should_exit = True  # type: ignore[attr-defined]
    for name in ("network", "timeline", "record", "map"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
