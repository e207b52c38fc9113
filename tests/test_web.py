"""The web interface in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A real server (uvicorn, in a thread) serves the sample knowledge base on a
free local port; the browser loads the pages, clicks and types as a user would.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from armsflow.api import create_app
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.store import Store

from .conftest import SEED

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    db = str(tmp_path_factory.mktemp("web") / "kb.db")
    with Store(db) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db, token=""), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
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
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], errors  # no JavaScript error on any page


def test_network_filter_click_arrow_and_read_the_record(server, page):
    page.goto(f"{server}/#/")
    page.wait_for_selector("svg.network path.edge")
    items_of = "els => els.flatMap(e => e.dataset.items.split(' '))"
    all_items = set(page.eval_on_selector_all("path.edge", items_of))
    assert len(all_items) > 3
    edges_before = page.locator("path.edge").count()
    page.select_option("select[name=item]", "uav")
    # the page re-renders once the filtered network has arrived: wait for that, not for the old drawing
    page.wait_for_function(
        "() => location.hash.includes('item=uav') && document.querySelectorAll('path.edge').length > 0"
        " && [...document.querySelectorAll('path.edge')].every(e => e.dataset.items === 'uav')",
        timeout=15000,
    )
    items = set(page.eval_on_selector_all("path.edge", items_of))
    assert items == {"uav"}
    assert page.locator("path.edge").count() < edges_before
    assert page.input_value("select[name=item]") == "uav"  # the filter form shows what is applied
    arrow = page.locator("path.edge[data-source=IRN][data-target=RUS]").first
    count = int(arrow.get_attribute("data-count"))
    arrow.dispatch_event("click")  # the aggregated edge opens into its records
    page.wait_for_selector("#pair-panel .pair-records li")
    assert page.locator("#pair-panel .pair-records li").count() == count
    page.locator("#pair-panel .pair-records a").first.click()
    page.wait_for_selector("#evidence .evidence")
    assert "#/record/" in page.url
    heading = page.inner_text("h1")
    assert "Iran" in heading and "Russia" in heading and "uav" in heading  # names; the codes on hover
    assert page.get_attribute("h1 a.actor >> nth=0", "title") == "IRN"
    evidence = page.inner_text("#evidence")
    assert re.search(r"Iran|iranisch", evidence), evidence
    assert page.locator("#evidence mark").count() >= 1  # each sentence highlighted inside its article
    assert page.locator("svg.timeline rect").count() >= 1


def test_try_it_finds_the_seed_drone_event(server, page):
    page.goto(f"{server}/#/try")
    page.fill("#try-text", SEED.read_text(encoding="utf-8"))
    page.click("#try-run")
    page.wait_for_selector("#try-result #events tr[data-key]")
    rows = page.inner_text("#try-result #events")
    assert "IRN → RUS: uav" in rows
    assert page.locator("#try-result mark").count() >= 1


def test_document_and_actor_pages(server, page):
    page.goto(f"{server}/#/documents")
    page.wait_for_selector("table a[href^='#/document/']")
    page.locator("table a[href^='#/document/']").first.click()
    page.wait_for_selector("#doctext")
    marks = page.locator("#doctext mark").count()
    rows = page.locator("#events tr[data-key]").count()
    assert marks >= 1 and rows >= marks
    page.goto(f"{server}/#/actor/DEU")
    page.wait_for_selector("h2:has-text('Supplies')")  # the actor page, not the document page before it
    text = page.inner_text("main")
    assert "Supplies" in text and "Ukraine" in text
    assert page.locator("main a.actor[title=UKR]").count() >= 1
    page.wait_for_selector("#timeline-chart svg.months rect.bar")  # the actor's reports per month


def test_record_page_shows_judgements_and_both_sides(server, page):
    """Last in this module: it judges records of the shared sample database through the API."""
    import json as _json
    import urllib.request

    def post(body: dict) -> dict:
        request = urllib.request.Request(
            f"{server}/api/judgements", data=_json.dumps(body).encode(), headers={"content-type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return _json.loads(answer.read())

    post({"action": "merge", "ids": ["72e1b5529048bf5e", "28f6009abebd012a"], "by": "web", "why": "same drones"})
    judged = post({"action": "reject", "ids": ["452b2a456c065ea0"], "by": "web"})
    page.goto(f"{server}/#/record/72e1b5529048bf5e")
    page.wait_for_selector("#evidence .evidence")
    sides = page.inner_text("p.dispute")
    assert "Claimed (delivered) by: " in sides and "Against (denied) by: " in sides
    assert "a denial by the accused does not replace a claim" in sides
    assert "0 accepted" in page.inner_text("p.review")
    assert judged["records"] == []  # a rejected event belongs to no record's counts, but its record shows it judged
    page.goto(f"{server}/#/record/45a4be588143ce8e")
    page.wait_for_function("() => document.querySelectorAll('#evidence .evidence').length === 2", timeout=15000)
    assert "judged rejected" in page.inner_text("#evidence")
    assert "1 rejected, 1 not yet judged" in page.inner_text("p.review")
