"""The HTTP API on a real database (SQLite and PostgreSQL), through FastAPI's test client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from armsflow.api import create_app
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.store import Store
from armsflow.store.migrations import SCHEMA_VERSION

SHAHED = {
    "id": "api-report",
    "lang": "en",
    "date": "2024-03-02",
    "publisher": "Harbour Post",
    "text": "Iran has delivered 40 Shahed-136 drones to Russia, Ukrainian intelligence said on Saturday.",
}


@pytest.fixture
def loaded(db_url):
    with Store(db_url) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
    return db_url


@pytest.fixture
def client(loaded):
    with TestClient(create_app(loaded, token=""), raise_server_exceptions=False) as c:
        yield c


def test_health_and_openapi(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["documents"] >= 30 and health["schema"] == SCHEMA_VERSION
    spec = client.get("/openapi.json").json()
    assert {"/api/transfers", "/api/records/{record_id}", "/api/network", "/api/extract", "/api/ingest"} <= set(
        spec["paths"]
    )


def test_transfers_are_paginated_and_filtered_by_names(client):
    page = client.get("/api/transfers", params={"limit": 5}).json()
    assert page["limit"] == 5 and len(page["items"]) == 5 and page["total"] > 5
    second = client.get("/api/transfers", params={"limit": 5, "offset": 5}).json()
    assert not {r["id"] for r in page["items"]} & {r["id"] for r in second["items"]}
    by_name = client.get("/api/transfers", params={"supplier": "Nordkorea", "recipient": "Russia"}).json()
    assert by_name["total"] >= 1 and all(r["supplier"] == "PRK" and r["recipient"] == "RUS" for r in by_name["items"])
    sanctions = client.get("/api/sanctions", params={"imposer": "EU"}).json()
    assert sanctions["items"] and all(r["imposer"] == "EU" for r in sanctions["items"])


def test_record_actor_network_and_documents(client):
    rid = client.get("/api/transfers", params={"supplier": "IRN", "recipient": "RUS"}).json()["items"][0]["id"]
    rec = client.get(f"/api/records/{rid}").json()
    assert rec["evidence"] and rec["history"]
    ev = rec["evidence"][0]
    doc = client.get(f"/api/documents/{ev['document_id']}").json()
    assert doc["text"][ev["start_char"] : ev["end_char"]] == ev["evidence"]
    assert any(e["record_id"] == rid for e in doc["events"])
    actor = client.get("/api/actors/Iran").json()
    assert actor["id"] == "IRN" and any(r["record_id"] == rid for r in actor["supplies"])
    net = client.get("/api/network", params={"item": "uav"}).json()
    assert net["edges"] and all(e["item"] == "uav" for e in net["edges"])
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert {"IRN", "RUS"} <= ids
    docs = client.get("/api/documents", params={"search": "Drohnen", "limit": 3}).json()
    assert 0 < len(docs["items"]) <= 3


def test_errors_are_json_with_the_right_status(client):
    cases = [
        (client.get("/api/records/does-not-exist"), 404, "no record"),
        (client.get("/api/documents/nope"), 404, "no document"),
        (client.get("/api/actors/Atlantis"), 404, "unknown actor"),
        (client.get("/api/transfers", params={"supplier": "Atlantis"}), 400, "unknown actor"),
        (client.get("/api/transfers", params={"since": "last spring"}), 400, "bad date"),
        (client.get("/api/transfers", params={"status": "shipped"}), 400, "unknown status"),
        (client.get("/api/transfers", params={"limit": 0}), 422, "limit"),
        (client.post("/api/extract", json={"text": ""}), 422, "text"),
        (client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}), 422, ""),
        (client.post("/api/extract", json={"text": "Le gouvernement français a livré des chars."}), 422, "language"),
        (client.post("/api/ingest", json={"documents": []}), 422, "documents"),
    ]
    for response, status, words in cases:
        assert response.status_code == status, (response.status_code, response.text)
        body = response.json()
        assert words in body["error"] and "Traceback" not in body["error"]


def test_extract_stores_nothing(client):
    before = client.get("/api/health").json()["documents"]
    got = client.post("/api/extract", json={"text": SHAHED["text"]}).json()
    assert got["lang"] == "en"
    assert [(e["supplier"], e["recipient"], e["item"], e["status"]) for e in got["events"]] == [
        ("IRN", "RUS", "uav", "delivered")
    ]
    event = got["events"][0]
    assert SHAHED["text"][event["start"] : event["end"]] == event["evidence"]
    assert client.get("/api/health").json()["documents"] == before


def test_ingest_needs_the_token_when_one_is_set(loaded):
    with TestClient(create_app(loaded, token="s3cret"), raise_server_exceptions=False) as c:
        assert c.post("/api/ingest", json={"documents": [SHAHED]}).status_code == 401
        wrong = c.post("/api/ingest", json={"documents": [SHAHED]}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "ARMSFLOW_TOKEN" in wrong.json()["error"]
        ok = c.post("/api/ingest", json={"documents": [SHAHED]}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["new"] == 1 and ok.json()["events"] == 1
        again = c.post("/api/ingest", json={"documents": [SHAHED]}, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["duplicate"] == 1 and again.json()["new"] == 0
        found = c.get("/api/transfers", params={"item": "Shahed-136"}).json()["items"]
        assert found and found[0]["quantities"] == [40]
        assert c.get("/api/transfers").status_code == 200  # reading needs no token


def test_oversized_bodies_are_refused(loaded):
    with TestClient(create_app(loaded, token="", max_body=10_000), raise_server_exceptions=False) as c:
        big = {"text": "Der Iran hat Russland Drohnen geliefert. " * 1000}
        response = c.post("/api/extract", json=big)
        assert response.status_code == 413 and "too large" in response.json()["error"]

        def chunks():  # no Content-Length: the limit holds for streamed bodies too
            for _ in range(50):
                yield b" " * 1000

        streamed = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413


def test_web_interface_is_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "function armsflowPage" in script.text
    network = client.get("/static/network.js")  # a page in its own file, registered through armsflowPage()
    assert network.status_code == 200 and 'armsflowPage("network"' in network.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN


def test_serve_command_binds_to_this_machine_and_says_where(tmp_path):
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    db = str(tmp_path / "kb.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "armsflow.cli", "serve", "--db", db, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stderr.readline()
        assert f"open http://127.0.0.1:{port}/" in line
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                    assert json.load(r)["status"] == "ok"
                break
            except OSError:
                assert time.time() < deadline and proc.poll() is None, "the server did not come up"
                time.sleep(0.2)
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
        local = [row.split()[3] for row in listening.splitlines() if row.strip()]
        assert local == [f"127.0.0.1:{port}"]  # the local address: loopback only
    finally:
        proc.terminate()
        proc.wait(timeout=10)
