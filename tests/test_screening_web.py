"""The screening page in a real headless Chromium: a Latin name finds a Cyrillic list entity, with the
knowledge base's context on its state."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from armsflow.api import create_app
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.screening.model import Entity
from armsflow.store import Store

from .test_screening_service import PETROV, QODS, put_entities
from .test_web import browser, page  # noqa: F401 - the browser fixtures of the web tests


@pytest.fixture(scope="module")
def screen_server(tmp_path_factory):
    import uvicorn

    db = str(tmp_path_factory.mktemp("screen") / "kb.db")
    with Store(db) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
        put_entities(store, [PETROV, QODS, Entity(id="x", list_name="test-list", schema="Person", name="Zed")])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, token=""), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_screen_page_shows_hits_with_explanation_and_context(screen_server, page):  # noqa: F811
    page.goto(f"{screen_server}/#/screen")
    page.wait_for_selector("#screen-form")
    assert page.locator("nav a[data-page=screen].active").count() == 1
    page.fill("#screen-name", "Qods Aviation Industry")
    page.click("#screen-run")
    page.wait_for_selector("#screen-result .screen-hit")
    hit = page.inner_text("#screen-result .screen-hit")
    assert "ALERT" in hit and "Qods Aviation Industries" in hit and "test-list / ir-9" in hit
    # the sample articles report Iran's transfers: the actor is named (its code on hover, as everywhere)
    assert "Reported about Iran" in hit
    assert page.locator("#screen-result .screen-hit a.actor[data-actor=IRN]").count() >= 1
    page.goto(f"{screen_server}/#/screen?name=Alexander%20Sergeyevich%20Petrov&country=DEU")
    page.wait_for_selector("#screen-result .screen-hit")
    assert "country DEU vs RUS: conflicts" in page.inner_text("#screen-result")
    page.fill("#screen-name", "")
    page.click("#screen-run")
    page.wait_for_selector("#screen-result .error")
    assert "name" in page.inner_text("#screen-result .error")
