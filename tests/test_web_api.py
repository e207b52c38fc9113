"""The API behind the web interface: offline docs and assets, response models, timeline, names.

Run against the bundled samples through FastAPI's test client (no browser, no network), on both backends.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from fastapi.testclient import TestClient

from armsflow.api import create_app
from armsflow.api.assets import ASSETS
from armsflow.cli import sample_path
from armsflow.ingest.files import iter_inputs
from armsflow.load import ingest
from armsflow.store import Store

# A URL naming a host: in src=, href=, url(), @import or a fetch of a page or asset, it would make the browser
# go outside. Namespace names of XML (w3.org) are identifiers, never fetched.
EXTERNAL = re.compile(r"(?:https?:)?//(?!(?:www\.)?w3\.org/)[a-z0-9.-]+\.[a-z]{2,}", re.I)


@pytest.fixture
def client(db_url):
    """The samples on SQLite and on PostgreSQL (the timeline and names are SQL of their own)."""
    db = db_url
    with Store(db) as store:
        ingest(store, iter_inputs([str(sample_path())]), report=lambda m: None)
    with TestClient(create_app(db, token="")) as c:
        yield c


def test_docs_are_served_offline_from_packaged_swagger_ui(client):
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/vendor/swagger-ui-bundle.js" in scripts and "/vendor/swagger-ui.css" in scripts
    assert all(s.startswith("/") or s.startswith("data:") for s in scripts), scripts
    bundle = client.get("/vendor/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text[:2_000_000]
    assert client.get("/redoc").status_code == 404  # no second docs page that would load from a CDN
    assert client.get("/vendor/nothing.js").json() == {"error": "no asset 'nothing.js'"}


def test_every_asset_is_served_and_described_with_package_version_and_licence(client):
    described = {a["name"]: a for a in client.get("/api/assets").json()["items"]}
    assert set(described) == set(ASSETS)
    for name, about in described.items():
        assert about["licence"] and about["package_version"] != "not installed", about
        answer = client.get(about["url"])
        assert answer.status_code == 200 and len(answer.content) > 1000, name
    assert "d3.v5" not in described["d3.js"]["url"]  # served under our own name, whatever the package calls it
    assert b'class="de country' in client.get("/vendor/worldmap.svg").content  # Germany's shape, by its alpha-2 code


def test_no_page_or_own_asset_names_an_external_host(client):
    own = ["/", "/docs", "/static/app.js", "/static/app.css", "/static/docs.js"]
    own += [f"/static/{m}" for m in re.findall(r'src="/static/([^"]+)"', client.get("/").text)]
    for path in own:
        answer = client.get(path)
        assert answer.status_code == 200, path
        found = EXTERNAL.findall(answer.text)
        assert found == [], (path, found)
    for name, asset in ASSETS.items():  # a stylesheet would load what it names; the bundles are checked in Chromium
        if asset.media_type == "text/css":
            text = client.get(f"/vendor/{name}").text
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", text), name


def test_openapi_describes_every_answer_and_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"]["ErrorAnswer"]["required"] == ["error"]
    operations = [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 16
    for path, method, op in operations:
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok.get("$ref") or ok.get("properties") or ok.get("additionalProperties"), (path, method, ok)
        assert ok != {}, (path, method)
        errors = [code for code in op["responses"] if code.startswith(("4", "5"))]
        for code in errors:
            schema = op["responses"][code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorAnswer"}, (path, method, code)
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in errors, (path, method)  # a malformed request answers the error shape, documented


def test_answers_keep_their_fields_under_the_models(client):
    """The models describe the answers without changing them: a transfer record has no imposer key."""
    transfer = client.get("/api/transfers", params={"limit": 1}).json()["items"][0]
    assert "imposer" not in transfer and "target" not in transfer
    assert {"id", "supplier", "recipient", "item", "status", "history", "reported_as"} <= set(transfer)
    detail = client.get(f"/api/records/{transfer['id']}").json()
    assert detail["evidence"] and all("trace" in e and "document_id" in e for e in detail["evidence"])
    assert client.get("/api/health").json()["schema"] >= 1  # the field keeps its name (an alias in the model)


def test_network_and_actor_answers_carry_readable_names_in_english_and_german(client):
    nodes = {n["id"]: n for n in client.get("/api/network").json()["nodes"]}
    assert nodes["RUS"]["name_en"] == "Russia" and nodes["RUS"]["name_de"] == "Russland"
    assert nodes["RUS"]["iso2"] == "ru"
    assert nodes["DEU"]["name_de"] == "Deutschland"
    groups = [n for n in nodes.values() if n["iso2"] is None]
    assert groups and all(n["name_en"] != n["id"] for n in groups if n["id"] in ("wagner-group", "rsf")), groups
    actor = client.get("/api/actors/DEU").json()
    assert actor["name_en"] == "Germany" and actor["name_de"] == "Deutschland"
    names = {n["id"]: n for n in client.get("/api/names").json()["items"]}
    assert set(nodes) <= set(names)


def test_timeline_counts_records_and_documents_per_month_and_status(client):
    """Checked against the evidence of every record of the filter, read through the record endpoint."""
    params = {"item": "uav"}
    got = {
        (r["month"], r["status"]): (r["records"], r["documents"])
        for r in client.get("/api/timeline", params=params).json()["items"]
    }
    ids = [r["id"] for r in client.get("/api/transfers", params={**params, "limit": 1000}).json()["items"]]
    assert len(ids) > 3
    recs: dict[tuple[str, str], set[str]] = defaultdict(set)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rid in ids:
        for e in client.get(f"/api/records/{rid}").json()["evidence"]:
            if e.get("review") == "rejected":
                continue
            key = (e["reported"][:7], e["status"])
            recs[key].add(rid)
            docs[key].add(e["document_id"])
    assert got == {k: (len(recs[k]), len(docs[k])) for k in recs}
    months = client.get("/api/timeline", params=params).json()["months"]
    assert {m["month"]: (m["records"], m["documents"]) for m in months} == {
        month: (
            len(set().union(*(recs[k] for k in recs if k[0] == month))),
            len(set().union(*(docs[k] for k in docs if k[0] == month))),
        )
        for month in {k[0] for k in recs}
    }
    narrow = client.get("/api/timeline", params={**params, "since": "2025-01", "until": "2025-06"}).json()["items"]
    assert narrow and all("2025-01" <= r["month"] <= "2025-06" for r in narrow)
    assert client.get("/api/timeline", params={"status": "sold"}).status_code == 400
    assert "unknown status" in client.get("/api/timeline", params={"status": "sold"}).json()["error"]
