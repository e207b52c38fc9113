"""Every page of the web interface in real headless Chromium (issue 12): the network at 1,000 records with no
two labels overlapping (measured from the rendered boxes), names in English and German, filters in the URL,
the timeline, the map, review on the record page with a token asked for once per tab, the review queue, the
document page at 1,280 px, the try-it trace, and no request leaving this machine.

Two servers: the bundled samples (open, no token), and 1,100 generated one-sentence reports of 40 states
(a token is set), which the extractor turns into 1,100 transfer records.
"""

from __future__ import annotations

import itertools
import random
import re
import socket
import threading
import time
from urllib.parse import urlparse

import pytest

from armsflow.api import create_app
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.model import Document
from armsflow.store import Store

from .conftest import SEED
from .test_web import ARGS, CHROMIUM

STATES = [
    "Germany", "France", "Italy", "Spain", "Poland", "Sweden", "Norway", "Finland", "Denmark", "the Netherlands",
    "Belgium", "Austria", "Greece", "Turkey", "Israel", "Egypt", "Saudi Arabia", "Qatar", "India", "Pakistan",
    "Japan", "South Korea", "Australia", "Brazil", "Argentina", "Chile", "Canada", "Mexico", "Ukraine", "Russia",
    "Iran", "China", "Vietnam", "Indonesia", "Thailand", "Morocco", "Algeria", "Nigeria", "Kenya", "Serbia",
]  # fmt: skip
ITEMS = [
    "tanks", "howitzers", "fighter jets", "helicopters", "drones", "air defence systems", "rifles",
    "artillery shells", "frigates", "radars", "anti-tank missiles", "cruise missiles",
]  # fmt: skip
TOKEN = "web-test-token"

# Boxes of the visible labels of the network (node names, edge counts) as the browser rendered them, and how
# many pairs of them share any area.
LABELS = """() => {
  const shown = [...document.querySelectorAll('svg.network text')]
    .filter(t => getComputedStyle(t).visibility !== 'hidden');
  const r = shown.map(t => t.getBoundingClientRect());
  let clashes = 0;
  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++)
    if (r[i].left < r[j].right && r[j].left < r[i].right && r[i].top < r[j].bottom && r[j].top < r[i].bottom) clashes++;
  const nodes = shown.filter(t => t.classList.contains('node-label')).length;
  return {shown: r.length, nodes, all_nodes: document.querySelectorAll('svg.network text.node-label').length, clashes};
}"""


@pytest.fixture(scope="module")
def chromium():
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        if os.environ.get("ARMSFLOW_REQUIRE_POSTGRES") == "1":  # the test command installs Chromium too
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(chromium):
    """A fresh browser tab (its own session storage) at 1,280 × 900; any JavaScript error fails the test."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], errors


def _serve(db: str, token: str):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    return srv, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("pages") / "kb.db")
    with Store(db) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
    srv, thread, url = _serve(db, "")
    yield url
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """1,100 transfer records among 40 states (each report one supplier, recipient and item), token set."""
    db = str(tmp_path_factory.mktemp("large") / "kb.db")
    triples = [t for t in itertools.product(STATES, STATES, ITEMS) if t[0] != t[1]]
    random.Random(7).shuffle(triples)
    docs = [
        Document(
            id=f"report-{n}",
            text=f"{s} delivered {i} to {r}, officials said.",
            lang="en",
            date=f"2024-{1 + n % 12:02d}-{1 + n % 27:02d}",
            title=f"Report {n}",
        )
        for n, (s, r, i) in enumerate(triples[:1100])
    ]
    with Store(db) as store:
        ingest(store, docs, report=lambda m: None)
        assert store.fetchone("SELECT COUNT(*) AS n FROM records")["n"] == 1100
    srv, thread, url = _serve(db, TOKEN)
    yield url
    srv.should_exit = True
    thread.join(timeout=10)


def _open(page, url: str, ready: str) -> None:
    """Load ``url`` afresh and wait for ``ready``: going from one hash route to another keeps the old page's
    elements until the new one is drawn, and a selector could match those. The tab (and its session storage)
    stays the same."""
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector(ready)


def _outside(page, base: str) -> list[str]:
    """Start recording every request of the page; the list fills with those that leave this server."""
    own = urlparse(base).netloc
    found: list[str] = []
    page.on("request", lambda r: found.append(r.url) if urlparse(r.url).netloc not in (own, "") else None)
    return found


def test_network_holds_1000_records_without_overlapping_labels(large, tab):
    tab.goto(f"{large}/#/")
    tab.wait_for_selector("svg.network g.node")
    drawn = tab.eval_on_selector_all("path.edge", "els => els.reduce((n, e) => n + Number(e.dataset.count), 0)")
    assert drawn == 1000  # the first 1,000 records of 1,100, aggregated into pairs
    assert tab.locator("path.edge").count() < 1000
    assert "1000 of 1100 transfer records" in tab.inner_text("#network-summary")
    labels = tab.evaluate(LABELS)
    assert labels["clashes"] == 0, labels
    assert labels["all_nodes"] == 40 and labels["nodes"] >= 36, labels  # nearly every name readable at once
    box = tab.locator("svg.network").bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(4):
        tab.mouse.wheel(0, -300)  # zoom in: more labels find room, none may overlap
    tab.wait_for_timeout(300)
    zoomed = tab.evaluate(LABELS)
    assert zoomed["clashes"] == 0, zoomed
    assert zoomed["shown"] >= labels["shown"]
    assert tab.eval_on_selector("svg.network g.world", "g => g.getAttribute('transform')")  # zoom is applied


def test_names_in_english_or_german_with_codes_on_hover_and_filters_in_the_url(samples, tab):
    tab.goto(f"{samples}/#/?status=delivered&since=2024")
    tab.wait_for_selector("svg.network g.node")
    assert tab.input_value("select[name=status]") == "delivered" and tab.input_value("input[name=since]") == "2024"
    assert set(tab.eval_on_selector_all("path.edge", "els => els.map(e => e.dataset.status)")) == {"delivered"}
    russia = tab.locator("g.node[data-actor=RUS]")
    assert russia.locator("text").text_content() == "Russia"
    assert russia.locator("title").text_content().startswith("RUS: Russia")
    tab.select_option("#lang", "de")
    tab.wait_for_function("() => document.querySelector('g.node[data-actor=RUS] text')?.textContent === 'Russland'")
    assert tab.locator("g.node[data-actor=DEU] text").text_content() == "Deutschland"
    assert "status=delivered" in tab.url  # the filters stay in the URL
    tab.fill("input[name=min_confidence]", "0.8")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_function("() => location.hash.includes('min_confidence=0.8')")
    tab.reload()
    tab.wait_for_selector("svg.network g.node")
    assert tab.input_value("input[name=min_confidence]") == "0.8"
    assert tab.locator("g.node[data-actor=RUS] text").text_content() == "Russland"  # the choice is kept


def test_timeline_follows_the_period_selector(samples, tab):
    import json
    import urllib.request

    tab.goto(f"{samples}/#/?since=2024-01&until=2024-06")
    tab.wait_for_selector("#timeline-chart svg.months rect.bar")
    months = set(tab.eval_on_selector_all("#timeline-chart rect.bar", "els => els.map(e => e.dataset.month)"))
    assert months and all("2024-01" <= m <= "2024-06" for m in months), months
    drawn = tab.eval_on_selector_all(
        "#timeline-chart rect.bar", "els => els.reduce((n, e) => n + Number(e.dataset.records), 0)"
    )
    with urllib.request.urlopen(f"{samples}/api/timeline?since=2024-01&until=2024-06", timeout=30) as answer:
        found = json.loads(answer.read())
    rows = found["items"]
    assert drawn == sum(r["records"] for r in rows)
    dots = tab.eval_on_selector_all(
        "circle.documents-dot", "els => els.map(e => [e.dataset.month, +e.dataset.documents])"
    )
    per_month = {r["month"]: r["documents"] for r in found["months"]}
    assert {m: n for m, n in dots if n} == per_month
    shown = [m for m, _ in dots]  # every month of the span, a quiet one too
    assert shown[0] == min(per_month) and shown[-1] == max(per_month) and len(shown) == len(set(shown))
    assert all(int(b[5:]) - int(a[5:]) in (1, -11) for a, b in zip(shown, shown[1:], strict=False)), shown


def test_map_draws_flows_between_states_and_names_the_groups_it_cannot_place(samples, tab):
    tab.goto(f"{samples}/#/map")
    tab.wait_for_selector("svg.worldmap path.flow")
    flows = tab.eval_on_selector_all("path.flow", "els => els.map(e => [e.dataset.source, e.dataset.target])")
    assert ["IRN", "RUS"] in flows
    assert all(len(s) == 3 and len(t) == 3 for s, t in flows)  # states only: groups have no shape
    assert tab.locator("svg.worldmap g.ru.country.involved").count() == 1
    summary = tab.inner_text("#map-summary")
    assert "Houthis" in summary and "in the network only" in summary


def test_record_review_asks_for_the_token_once_per_tab(large, tab):
    import json
    import urllib.request

    with urllib.request.urlopen(f"{large}/api/transfers?supplier=DEU&limit=3", timeout=30) as answer:
        first, second, third = (r["id"] for r in json.loads(answer.read())["items"])
    tab.goto(f"{large}/#/record/{first}")
    tab.wait_for_selector("#review-panel")
    heading = tab.inner_text("h1")
    supplier, recipient = heading.split(":")[0].split(" → ")
    tab.click("#review-panel button[data-action=swap]")
    tab.wait_for_selector("#token-form")
    tab.fill("#token-input", TOKEN)
    tab.click("#token-form button")
    tab.wait_for_function("() => document.getElementById('review-message')?.textContent.includes('saved')")
    assert tab.inner_text("h1").split(":")[0] == f"{recipient} → {supplier}"  # the direction swapped
    assert "corrected" in tab.inner_text("p.review")
    swapped = tab.url.split("#/record/")[1]  # another supplier and recipient: another record
    _open(tab, f"{large}/#/record/{second}", "#review-panel")  # same tab: no second question
    tab.select_option("#correct-status", "agreed")
    tab.click("#review-panel button[data-action=correct]")
    tab.wait_for_function("() => document.getElementById('review-message')?.textContent.includes('status → agreed')")
    assert tab.locator("#token-form").count() == 0
    assert tab.inner_text("p:has(.badge)").startswith("current status agreed")
    _open(tab, f"{large}/#/record/{swapped}", "#review-panel")
    tab.fill("#merge-with", third)
    tab.click("#review-panel button[data-action=merge]")
    tab.wait_for_function("() => document.getElementById('review-message')?.textContent.includes('Merged')")
    assert tab.locator("#evidence .evidence").count() == 2  # the other record's report is now here
    tab.locator("#evidence input.split-pick").nth(1).check()
    tab.click("#review-panel button[data-action=split]")
    tab.wait_for_function("() => document.getElementById('review-message')?.textContent.includes('Split 1')")
    assert tab.locator("#evidence .evidence").count() == 1
    assert tab.locator("#review-panel h2 .judged-mark").count() == 1  # judged records are marked
    _open(tab, f"{large}/#/actor/DEU", "h2:has-text('Supplies')")
    assert tab.locator(f"tr:has(a[href='#/record/{second}']) .judged-mark").count() == 1


def test_wrong_token_is_refused_with_the_servers_message(large, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        import json
        import urllib.request

        with urllib.request.urlopen(f"{large}/api/transfers?supplier=FRA&limit=1", timeout=30) as answer:
            rid = json.loads(answer.read())["items"][0]["id"]
        pg.goto(f"{large}/#/record/{rid}")
        pg.wait_for_selector("#review-panel")
        pg.click("#review-panel button[data-action=accept]")
        pg.fill("#token-input", "not-the-token")
        pg.click("#token-form button")
        pg.wait_for_selector("#review-message.error")
        assert "Authorization: Bearer" in pg.inner_text("#review-message")
        assert pg.evaluate("() => sessionStorage.getItem('armsflow-token')") is None  # a wrong token is forgotten
    finally:
        context.close()


def test_review_queue_judges_and_drops_the_record(samples, tab):
    tab.goto(f"{samples}/#/queue")
    tab.wait_for_selector("#queue tr[data-record]")
    row = tab.locator("#queue tr[data-record]").first
    rid = row.get_attribute("data-record")
    row.locator("button[data-action=accept]").click()
    tab.wait_for_selector(f"#queue tr[data-record='{rid}'].done .judged-mark")
    tab.reload()
    tab.wait_for_selector("#queue tr[data-record]")
    assert tab.locator(f"#queue tr[data-record='{rid}']").count() == 0  # every event judged: off the queue
    _open(tab, f"{samples}/#/record/{rid}", "#review-panel")
    review = tab.inner_text("p.review")
    assert re.search(r"\b[1-9]\d* accepted", review) and "0 not yet judged" in review, review


def test_document_page_never_scrolls_sideways_at_1280(samples, tab):
    tab.goto(f"{samples}/#/documents")
    tab.wait_for_selector("table a[href^='#/document/']")
    links = tab.eval_on_selector_all("table a[href^='#/document/']", "els => els.map(e => e.getAttribute('href'))")
    widest = 0
    for href in links[:12]:
        _open(tab, f"{samples}/{href}", "#events")
        for row in tab.locator("#events tr[data-key]").all():
            row.hover()
        for box in tab.locator("#events details.trace").all()[:3]:
            box.locator("summary").click()
        widest = max(
            widest, tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        )
    assert widest <= 0, f"the page scrolls {widest} px sideways"


def test_try_it_shows_the_trace_and_confidence_on_demand(samples, tab):
    tab.goto(f"{samples}/#/try")
    tab.fill("#try-text", SEED.read_text(encoding="utf-8"))
    tab.click("#try-run")
    tab.wait_for_selector("#try-result #events tr[data-key]")
    trace = tab.locator("#try-result details.trace").first
    assert not trace.locator("ol").is_visible()  # on demand: closed until asked
    trace.locator("summary").click()
    trace.locator("ol li").first.wait_for()
    assert trace.locator("ol li code").count() >= 1
    assert trace.locator("li.deciding").count() == 1
    assert "confidence 0." in trace.inner_text()


def test_no_page_requests_anything_from_another_host(samples, tab):
    outside = _outside(tab, samples)
    for route, ready in [
        ("/#/", "svg.network g.node"),
        ("/#/map", "svg.worldmap path.flow"),
        ("/#/queue", "#queue"),
        ("/#/actor/RUS", "svg.months"),
        ("/#/documents", "table"),
        ("/#/try", "#try-text"),
        ("/docs", ".swagger-ui .opblock"),
    ]:
        _open(tab, f"{samples}{route}", ready)
    assert tab.locator(".swagger-ui .opblock").count() >= 16  # the API docs rendered, offline
    assert outside == []


def test_screenshot_script_writes_the_readme_pictures(tmp_path, chromium):
    """scripts/screenshots.py (the README's pictures) runs on the samples and writes each PNG it names."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "screenshots.py"
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name in ("network", "record", "timeline", "map"):
        data = (tmp_path / f"{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, name
    readme = (script.parent.parent / "README.md").read_text(encoding="utf-8")
    for name in ("network", "record", "timeline"):
        assert f"(docs/{name}.png)" in readme and (script.parent.parent / "docs" / f"{name}.png").exists()
