"""Review judgements (issue 11, parts 1 and 5) on both backends: judge, re-ingest, merge, export.

Every test that takes ``db_url`` runs on a SQLite file and on a fresh database of the real PostgreSQL
server that scripts/test.sh starts. The articles are written for these tests.
"""

from __future__ import annotations

import csv
import io
import json
import shlex
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from armsflow import Document, extract_document
from armsflow.api import create_app
from armsflow.cli import main, sample_path
from armsflow.export import export
from armsflow.query import QueryError, RecordFilter, document, network, record, records
from armsflow.records import EventRow, merge, record_id
from armsflow.review import Judgement, ReviewError, apply, gold, judge, judgements, need, queue, withdraw
from armsflow.store import Store, content_hash
from armsflow.store.migrations import SCHEMA_VERSION
from tests.conftest import ROOT

DOCS = [
    Document(id="r-1", lang="en", date="2024-03-02", publisher="Harbour Post",
             text="Iran has delivered 40 Shahed-136 drones to Russia, Ukrainian intelligence said on Saturday."),
    Document(id="r-2", lang="de", date="2024-03-05", publisher="Abendblatt Nord",
             text="Der Iran hat Russland nach Angaben aus Kiew weitere 60 Drohnen vom Typ Shahed-136 geliefert."),
    Document(id="r-3", lang="en", date="2024-03-06", publisher="Gulf Courier",
             text="Iran has sent more drones to Russia, British officials said on Monday."),
    Document(id="r-4", lang="en", date="2024-03-09", publisher="Gulf Courier",
             text="Iran's foreign ministry denied that Iran had supplied drones to Russia."),
    Document(id="r-5", lang="en", date="2024-04-01", publisher="Harbour Post",
             text="Russia has delivered Su-35 fighter jets to Iran, the defence ministry in Moscow said. "
                  "Germany will send IRIS-T air defence systems to Ukraine."),
    Document(id="r-6", lang="de", date="2025-02-10", publisher="Abendblatt Nord",
             text="Frankreich hat der indischen Luftwaffe 36 Rafale-Kampfflugzeuge geliefert. "
                  "Die indische Marine bestellte 2025 weitere 26 Rafale M."),
]  # fmt: skip
LATER = Document(
    id="r-7",
    lang="en",
    date="2024-05-01",
    publisher="Coast Review",
    text="Iran delivered further Shahed-136 drones to Russia, according to Estonian intelligence.",
)


def _ingest(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        result = extract_document(Document(**{f: getattr(doc, f) for f in doc.__slots__}))
        store.add_document(doc, result.events, result.lang)


def _one(store: Store, variant: str | None | bool = False, **flt: str) -> dict:
    """The one record the filter matches (--item matches a family and its variants: ``variant`` picks a deal)."""
    rows = records(store, RecordFilter(limit=1000, **flt))
    if variant is not False:
        rows = [r for r in rows if r.get("variant") == variant]
    assert len(rows) == 1, rows
    return rows[0]


def _state(store: Store) -> tuple[list[dict], list[dict]]:
    recs = store.fetchall("SELECT * FROM records ORDER BY id")
    evs = store.fetchall(
        "SELECT id, record_id, supplier, recipient, item, designation, status, quantity, review, extracted, judgements "
        "FROM events ORDER BY id"
    )
    return recs, evs


def _event(store: Store, doc_key: str, **where: str) -> str:
    rows = store.fetchall(
        "SELECT e.* FROM events e JOIN documents d ON d.id = e.document_id WHERE d.doc_key = ?", (doc_key,)
    )
    found = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert len(found) == 1, found
    return found[0]["id"]


def _judge_all(store: Store) -> dict[str, str]:
    """The judgements of the round trip; the record and event ids they were made on."""
    ids = {
        "shahed": _one(store, supplier="IRN", recipient="RUS", item="Shahed-136")["id"],
        "drones": _one(store, supplier="IRN", recipient="RUS", item="uav", status="denied")["id"],
        "su35": _one(store, supplier="RUS", recipient="IRN")["id"],
        "rafale": _one(store, supplier="FRA", item="Rafale", variant=None)["id"],
        "rafale_m": _one(store, supplier="FRA", item="Rafale M", variant="Rafale M")["id"],
        "iris_t": _event(store, "r-5", supplier="DEU"),
        "r2": _event(store, "r-2"),
    }
    judge(store, "merge", [ids["shahed"], ids["drones"]], by="ana", why="the same drone deliveries")
    judge(store, "reject", [ids["iris_t"]], by="ana", why="test sentence, not news")
    judge(store, "swap", [ids["su35"]], by="ben", why="direction reversed")
    judge(store, "correct", [ids["rafale_m"]], by="ben", changes={"status": "planned", "quantity": "none"})
    judge(store, "split", [ids["shahed"]], by="ana", events=[ids["r2"]], why="a second batch")
    judge(store, "accept", [ids["rafale"]], by="ana")
    return ids


def _holds(store: Store, ids: dict[str, str]) -> None:
    """What the judgements of _judge_all say, checked in records, lists, the network and the documents."""
    shahed = record(store, ids["shahed"])
    assert shahed is not None
    assert shahed["designation"] == "Shahed" and shahed["variant"] == "Shahed-136"  # the merged-into record's
    assert sorted(e["doc_key"] for e in shahed["evidence"]) == ["r-1", "r-3", "r-4"]  # r-2 split off
    assert shahed["status"] == "delivered" and shahed["contradiction"] == "delivered/denied"
    assert shahed["review"]["unjudged"] == 3 and len(shahed["review"]["judgements"]) == 1  # the merge
    assert [j["action"] for j in judgements(store, record=ids["shahed"])] == ["split", "merge"]
    assert record(store, ids["drones"]) is None  # merged away
    pair = records(store, RecordFilter(supplier="IRN", recipient="RUS", limit=1000))
    split = [r for r in pair if r["id"] != ids["shahed"] and r["variant"] == "Shahed-136"]
    assert len(split) == 1 and record(store, split[0]["id"])["evidence"][0]["doc_key"] == "r-2"
    # rejected: gone from lists, the network and the counts; the document still shows it, judged
    assert records(store, RecordFilter(supplier="DEU", limit=1000)) == []
    assert "DEU" not in {n["id"] for n in network(store, RecordFilter(limit=1000))["nodes"]}
    doc = document(store, "r-5")
    assert doc is not None
    assert {e["supplier"]: e["review"] for e in doc["events"]} == {"DEU": "rejected", "IRN": "corrected"}
    # swapped: the record moved to the other direction, with what the extractor said kept
    assert record(store, ids["su35"]) is None
    su35 = _one(store, supplier="IRN", recipient="RUS", item="Su-35")
    assert record(store, su35["id"])["evidence"][0]["extracted"] == {"recipient": "IRN", "supplier": "RUS"}
    assert su35["review"]["corrected"] == 1
    rafale_m = _one(store, supplier="FRA", item="Rafale M", variant="Rafale M")
    assert rafale_m["status"] == "planned" and rafale_m["quantities"] == []
    accepted = _one(store, supplier="FRA", item="Rafale", variant=None)["review"]
    assert {k: v for k, v in accepted.items() if k != "judgements"} == {
        "accepted": 1, "corrected": 0, "rejected": 0, "unjudged": 0
    }  # fmt: skip
    assert len(accepted["judgements"]) == 1 and accepted["judgements"] != rafale_m["review"]["judgements"]


def test_judgements_hold_through_reingest_merge_and_export(db_url, tmp_path, capsys):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        ids = _judge_all(store)
        _holds(store, ids)
        judged = _state(store)
        _ingest(store, DOCS)  # re-ingest: nothing new, nothing changed
        assert _state(store) == judged
        store.rebuild_records()  # merge recomputes every record from events plus judgements
        assert _state(store) == judged
        _ingest(store, [LATER])  # new evidence for the merged record's key joins it
        assert sorted(e["doc_key"] for e in record(store, ids["shahed"])["evidence"]) == ["r-1", "r-3", "r-4", "r-7"]
        later = _state(store)
        store.rebuild_records()
        assert _state(store) == later
        _holds_exports(store, ids)
    assert main(["merge", "--db", db_url]) == 0
    with Store(db_url) as store:
        assert _state(store) == later


def _holds_exports(store: Store, ids: dict[str, str]) -> None:
    out = io.StringIO()
    export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert not [r for r in rows if r["supplier"] == "DEU"]
    assert [r["record_id"] for r in rows if r["designation"] == "Su-35"] != [ids["su35"]]
    assert {(r["supplier"], r["recipient"]) for r in rows if r["designation"] == "Su-35"} == {("IRN", "RUS")}
    out = io.StringIO()
    export(store, "json", out)
    exported = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}  # JSON lines
    assert ids["shahed"] in exported and ids["drones"] not in exported and ids["su35"] not in exported
    assert exported[ids["shahed"]]["review"]["unjudged"] == 4
    assert exported[ids["shahed"]]["dispute"]["denial"]["by_accused"] == ["Iran's foreign ministry"]
    (su35,) = [r for r in rows if r["designation"] == "Su-35"]
    assert su35["review"] == "accepted 0; corrected 1; rejected 0; unjudged 0"
    out = io.StringIO()
    export(store, "plover", out)
    plover = [json.loads(line) for line in out.getvalue().splitlines()]
    # the rejected event is not exported
    assert plover and not [p for p in plover if p["source"][0]["code"] == "DEU"]
    lines = {line["id"]: line for _, line in gold(store)}
    assert set(lines) == {"r-5", "r-6"}  # documents with a judged event
    assert [(e["supplier"], e["recipient"], e.get("optional")) for e in lines["r-5"]["events"]] == [
        ("IRN", "RUS", None)
    ]
    assert {(e["designation"], e["status"], e["quantity"]) for e in lines["r-6"]["events"]} == {
        ("Rafale", "delivered", 36),
        ("Rafale M", "planned", None),
    }


def test_records_are_a_pure_function_of_events_and_judgements(db_url, tmp_path):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        _judge_all(store)
        first = _state(store)
        made = store.fetchall("SELECT * FROM judgements ORDER BY id")
        links = store.fetchall("SELECT * FROM judgement_events ORDER BY judgement_id, event_id")
    with Store(str(tmp_path / "other.db")) as other:  # the same documents in another order, the same judgements
        _ingest(other, list(reversed(DOCS)))
        with other.write():
            names = list(made[0])
            other.executemany(
                f"INSERT INTO judgements ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
                [[row[n] for n in names] for row in made],
            )
            other.executemany(
                "INSERT INTO judgement_events (judgement_id, event_id) VALUES (?, ?)",
                [(row["judgement_id"], row["event_id"]) for row in links],
            )
        other.rebuild_records()
        assert _state(other) == first


def test_undoing_every_judgement_gives_back_the_extracted_records(db_url):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        before = _state(store)
        _judge_all(store)
        assert _state(store) != before
        for made in judgements(store):  # newest first
            done = withdraw(store, made["id"], by="cas")
            assert done["withdrawn_by"] == "cas" and done["withdrawn_at"]
        recs, evs = _state(store)
        assert recs == before[0]
        assert [{**e, "judgements": None} for e in evs] == before[1]
        with pytest.raises(ReviewError, match="already withdrawn"):
            withdraw(store, made["id"], by="cas")


def test_bad_judgements_are_refused_and_change_nothing(db_url):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        before = _state(store)
        rid = _one(store, supplier="RUS", recipient="IRN")["id"]
        for action, targets, options, message in (
            ("correct", [rid], {"changes": {"status": "shipped"}}, "unknown status 'shipped'"),
            ("correct", [rid], {"changes": {"item": "tanks"}}, "unknown item 'tanks'"),
            ("correct", [rid], {"changes": {"colour": "red"}}, "unknown field 'colour'"),
            ("correct", [rid], {"changes": {"quantity": "-3"}}, "bad quantity"),
            ("correct", [rid], {"changes": {"supplier": "Atlantis"}}, "unknown actor"),
            ("correct", [rid], {"changes": {"supplier": "Iran"}}, "supplier and recipient would both be 'IRN'"),
            ("reject", ["0123456789abcdef"], {}, "unknown record or event '0123456789abcdef'"),
            ("merge", [rid], {}, "merge takes two or more record ids"),
            ("split", [rid], {"events": []}, "split needs some, not all"),
            ("split", [rid], {"events": ["0123456789abcdef"]}, "is not in record"),
            ("approve", [rid], {}, "unknown action 'approve'"),
        ):
            with pytest.raises(QueryError, match=message):  # ReviewError is one: exit 2, HTTP 400
                judge(store, action, targets, by="ana", **options)
        assert _state(store) == before


def test_cli_review_commands(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "kb.db")
    monkeypatch.setenv("ARMSFLOW_REVIEWER", "dora")
    with Store(db) as store:
        _ingest(store, DOCS)
        su35 = _one(store, supplier="RUS", recipient="IRN")["id"]
    capsys.readouterr()
    assert main(["review", "swap", su35, "--db", db, "--why", "reversed"]) == 0
    assert "dora swap: 1 events" in capsys.readouterr().out
    assert main(["record", su35, "--db", db]) == 0  # a record judged away says where its events went
    assert f"record {su35} is no more" in capsys.readouterr().out
    assert main(["review", "correct", su35, "--set", "status=delivered", "--db", db]) == 2
    assert "unknown record or event" in capsys.readouterr().err
    assert main(["review", "correct", "x", "--set", "status", "--db", db]) == 2
    assert "bad --set 'status'" in capsys.readouterr().err
    assert main(["transfers", "--supplier", "IRN", "--recipient", "RUS", "--item", "Su-35", "--db", db]) == 0
    assert "✎1" in capsys.readouterr().out  # a judged record says so in the list
    assert main(["review", "list", "--db", db, "--format", "json"]) == 0
    listed = capsys.readouterr()
    made = [json.loads(line) for line in listed.out.splitlines()]
    assert [(m["author"], m["action"], m["reason"]) for m in made] == [("dora", "swap", "reversed")]
    assert "armsflow: 1 judgement matches, all shown" in listed.err  # every list says how many matched
    assert main(["review", "undo", made[0]["id"], "--db", db]) == 0
    assert main(["review", "queue", "--db", db, "--limit", "3"]) == 0
    captured = capsys.readouterr()
    assert "records wait for review; showing 1–3" in captured.err
    assert main(["review", "--db", db]) == 2
    # an argument that is not valid text (undecodable bytes in argv arrive as lone surrogates)
    assert main(["review", "accept", su35, "--why", "caf\udce9", "--db", db]) == 2
    assert "lone surrogate" in capsys.readouterr().err


# --------------------------------------------------------------------------- the current status (part 5)


def _row(status: str, source: str | None, day: str, doc: str) -> EventRow:
    return EventRow(type="transfer", status=status, document_id=doc, reported=day, ingested_at=day,
                    supplier="IRN", recipient="RUS", item="uav", source=source, publisher=f"paper {doc}",
                    event_id=doc)  # fmt: skip


def test_a_denial_by_the_accused_does_not_replace_a_corroborated_delivery():
    claims = [
        _row("delivered", "Ukrainian intelligence", "2024-03-02", "a"),
        _row("delivered", "Pentagon", "2024-03-04", "b"),
    ]
    for denier in ("Iran", "Teheran", "Iran's foreign ministry", "a foreign ministry spokesman", None, "Kremlin"):
        rec = merge([*claims, _row("denied", denier, "2024-03-09", "c")])
        assert rec.status == "delivered", denier
        assert rec.contradiction == "delivered/denied"
        assert rec.dispute is not None and rec.dispute["denial_outweighed"] is True
        assert rec.dispute["claim"]["sources"] == ["Pentagon", "Ukrainian intelligence"]
    # a single source against the denial: the latest report still decides
    rec = merge([claims[0], _row("denied", "Iran", "2024-03-09", "c")])
    assert rec.status == "denied" and rec.dispute is not None and rec.dispute["denial_outweighed"] is False
    # a denial by someone else than the parties (a third state) is evidence too: it decides when latest
    rec = merge([*claims, _row("denied", "the Turkish government", "2024-03-09", "c")])
    assert rec.status == "denied" and rec.dispute["denial"]["by_accused"] == []
    # a later delivery after the denial is current anyway; no contradiction without a denial
    assert merge([claims[0], _row("denied", "Iran", "2024-03-03", "c"), claims[1]]).status == "delivered"
    assert merge(claims).dispute is None


# --------------------------------------------------------------------------- pure parts and the queue


def test_later_judgements_override_earlier_ones():
    raw = {"supplier": "RUS", "recipient": "IRN", "item": "uav", "status": "delivered", "designation": None}

    def j(n: int, action: str, **changes: object) -> Judgement:
        return Judgement(id=f"j{n}", created_at=f"2026-01-0{n}T00:00:00Z", author="a", action=action,
                         scope="event", events=["e"], changes=dict(changes))  # fmt: skip

    assert apply(raw, [j(1, "accept")])[1] == "accepted"
    values, verdict, _ = apply(raw, [j(2, "reject"), j(1, "correct", status="agreed")])
    assert verdict == "rejected" and values["status"] == "agreed"
    values, verdict, _ = apply(raw, [j(1, "reject"), j(2, "correct", status="agreed")])
    assert verdict == "corrected"
    assert apply(raw, [j(1, "correct", status="delivered")])[1] == "accepted"  # a correction to the same value
    assert apply(raw, [j(1, "correct", status="agreed"), j(2, "correct", status="delivered")])[:2] == (raw | {
        "quantity": None, "imposer": None, "target": None}, "accepted")  # fmt: skip


def test_need_ranks_doubt_and_weight():
    base = {"confidence": 0.95, "contradiction": None, "n_sources": 3, "n_documents": 3}
    assert need({**base, "confidence": 0.5}) > need(base)
    assert need({**base, "contradiction": "delivered/denied"}) > need(base)
    assert need({**base, "n_sources": 1}) > need(base)
    assert need({**base, "n_documents": 40}) > need(base)
    # doubt before weight: a contradicted single-source record before a well-sourced one in many documents
    assert need({**base, "contradiction": "delivered/denied", "n_sources": 1}) > need({**base, "n_documents": 100})


def test_queue_orders_by_need_and_judged_records_leave_it(db_url):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        total, rows = queue(store, limit=100)
        assert total == len(rows) == store.counts()["records"]
        assert [r["need"] for r in rows] == sorted((r["need"] for r in rows), reverse=True)
        top = rows[0]
        assert top["need"] == max(need(r) for r in records(store, RecordFilter(limit=1000)))
        judge(store, "accept", [top["id"]], by="ana")
        total_after, rows_after = queue(store, limit=100)
        assert total_after == total - 1 and top["id"] not in {r["id"] for r in rows_after}
        assert queue(store, "sanction")[0] == 0


# --------------------------------------------------------------------------- gold export and the scorer


def test_review_export_is_gold_the_contract_scorer_accepts(shared, tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        _ingest(store, DOCS)
        _judge_all(store)
    folder = tmp_path / "review"
    folder.mkdir()
    gold_file, docs_file = str(folder / "gold.jsonl"), str(folder / "docs.jsonl")
    assert main(["review", "export", "--db", db, "-o", gold_file, "--docs", docs_file]) == 0
    assert "2 judged documents exported with 3 gold events" in capsys.readouterr().err
    score = shared / "eval" / "score.py"

    def scored(pred: str) -> dict:
        done = subprocess.run(
            [sys.executable, str(score), pred, "--set", str(folder), "--json"], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    perfect = scored(str(folder / "gold.jsonl"))  # the gold scored against itself
    assert perfect["headline_f1"] == 1.0 and perfect["evidence_not_in_text"] == 0 and perfect["documents"] == 2
    # the extractor's own output: the rejected IRIS-T event, the swapped Su-35 and the Rafale M status are errors
    assert main(["extract", str(folder / "docs.jsonl")]) == 0
    (tmp_path / "pred.jsonl").write_text(capsys.readouterr().out, encoding="utf-8")
    machine = scored(str(tmp_path / "pred.jsonl"))
    assert (machine["strict"]["all"]["tp"], machine["strict"]["all"]["fp"], machine["strict"]["all"]["fn"]) == (1, 3, 2)


# --------------------------------------------------------------------------- the API


def test_api_judgements_need_the_token_and_show_everywhere(db_url):
    with Store(db_url) as store:
        _ingest(store, DOCS)
        su35 = _one(store, supplier="RUS", recipient="IRN")["id"]
    with TestClient(create_app(db_url, token="s3cret"), raise_server_exceptions=False) as client:
        body = {"action": "swap", "ids": [su35], "by": "eve", "why": "reversed"}
        assert client.post("/api/judgements", json=body).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        bad = client.post(
            "/api/judgements", json={**body, "action": "correct", "changes": {"status": "x"}}, headers=auth
        )
        assert bad.status_code == 400 and "unknown status 'x'" in bad.json()["error"]
        done = client.post("/api/judgements", json=body, headers=auth)
        assert done.status_code == 200, done.text
        made = done.json()
        assert made["author"] == "eve" and made["changes"] == {"recipient": "RUS", "supplier": "IRN"}
        (moved,) = made["records"]
        gone = client.get(f"/api/records/{su35}")
        assert gone.status_code == 404 and moved in gone.json()["error"]
        rec = client.get(f"/api/records/{moved}").json()
        assert rec["supplier"] == "IRN" and rec["review"]["corrected"] == 1
        assert rec["evidence"][0]["judgements"] == [made["id"]]
        listed = client.get("/api/transfers", params={"supplier": "IRN", "item": "Su-35"}).json()["items"]
        assert [r["id"] for r in listed] == [moved]
        assert client.get("/api/judgements", params={"record": moved}).json()["items"][0]["id"] == made["id"]
        page = client.get("/api/review/queue", params={"limit": 2}).json()
        assert page["total"] >= 2 and len(page["items"]) == 2 and page["items"][0]["need"] >= page["items"][1]["need"]
        assert page["previous"] is None and "offset=2" in page["next"]  # review lists page like every list
        rest = client.get(page["next"]).json()
        assert rest["offset"] == 2 and not {r["id"] for r in rest["items"]} & {r["id"] for r in page["items"]}
        listed = client.get("/api/judgements", params={"limit": 1}).json()
        assert listed["total"] == 1 and listed["next"] is None and len(listed["items"]) == 1
        assert client.get("/api/review/queue", params={"type": "weapons"}).status_code == 422
        exported = client.get("/api/review/export", params={"with_documents": True}).json()
        assert exported["total"] == 1 and exported["documents"][0]["id"] == "r-5"
        undo = f"/api/judgements/{made['id']}/undo"
        assert client.post(undo, json={"by": "eve"}).status_code == 401
        assert client.post(undo, json={"by": "eve"}, headers=auth).json()["withdrawn_by"] == "eve"
        assert client.get(f"/api/records/{su35}").json()["supplier"] == "RUS"
        spec = client.get("/openapi.json").json()["paths"]
        review_paths = {"/api/judgements", "/api/judgements/{judgement_id}/undo", "/api/review/queue"}
        assert review_paths | {"/api/review/export", "/api/judgements/{judgement_id}"} <= set(spec)


def test_readme_review_examples_do_what_it_says_on_the_samples(tmp_path, capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Review judgements: `armsflow review …`", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in section.splitlines() if line.startswith("armsflow review")]
    assert len(commands) >= 7
    db = str(tmp_path / "kb.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARMSFLOW_REVIEWER", "readme")
    assert main(["ingest", str(sample_path()), "--db", db, "--quiet"]) == 0
    for command in commands:
        assert main([*shlex.split(command)[1:], "--db", db]) == 0, command
    capsys.readouterr()
    with Store(db) as store:
        # the Shahed deliveries (two reports and Tehran's rejection of the claims), with the undesignated drones
        # merged in
        shahed = record(store, "72e1b5529048bf5e")
        assert shahed["review"]["accepted"] == 3 and record(store, "28f6009abebd012a") is None
        assert shahed["status"] == "delivered" and shahed["dispute"]["denial_outweighed"] is True
        assert record(store, "7815f5fd7593427b") is None  # "United States refuses China technology": judged wrong
        assert record(store, "ce00741f74a32161")["status"] == "planned"  # Arrow 3
        pledges = records(store, RecordFilter(supplier="DEU", recipient="UKR", item="IRIS-T"))
        assert sorted(r["first_reported"][:4] for r in pledges) == ["2023", "2024"]  # the 2024 pledge split off
        assert [e["doc_key"] for e in record(store, "6d5465e7dbdcbaec")["evidence"]] == ["sample-de-01"]
        # what the designation catalogue and the deals do without a judgement
        ship = record(store, "35eb5fe00650f1ea")  # one record for "Typ 212CD" and "212CD"
        assert ship["n_documents"] == 1 and len(ship["evidence"]) == 2
        navy = record(store, "213d0e879898cada")  # the Navy's Rafale Marine, without the Air Force's 36
        assert 36 not in navy["quantities"] and "delivered" not in {h["status"] for h in navy["history"]}
        air = [
            r
            for r in records(store, RecordFilter(supplier="FRA", recipient="IND", item="Rafale"))
            if r["status"] == "delivered"
        ]
        assert [r["quantities"] for r in air] == [[36]]
    lines = [json.loads(line) for line in (tmp_path / "review.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in (tmp_path / "review.docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [g["id"] for g in lines] and len(lines) == 4
    assert "sample-en-09" in [g["id"] for g in lines]  # the rejected record's article: its other events are gold


def test_sanction_judgements(db_url):
    doc = Document(id="s-1", lang="en", date="2024-06-03", publisher="Harbour Post",
                   text="The European Union imposed new sanctions on Belarus on Monday, the Council said.")  # fmt: skip
    with Store(db_url) as store:
        _ingest(store, [doc])
        rid = records(store, RecordFilter(type="sanction", imposer="EU"))[0]["id"]
        with pytest.raises(QueryError, match="only a transfer has a direction"):
            judge(store, "swap", [rid], by="ana")
        with pytest.raises(QueryError, match="unknown field 'item' for a sanction"):
            judge(store, "correct", [rid], by="ana", changes={"item": "uav"})
        with pytest.raises(QueryError, match="unknown status 'delivered'"):
            judge(store, "correct", [rid], by="ana", changes={"status": "delivered"})
        done = judge(store, "correct", [rid], by="ana", changes={"target": "Weißrussland", "status": "planned"})
        assert done["changes"] == {"status": "planned", "target": "BLR"}
        (moved,) = records(store, RecordFilter(type="sanction", imposer="EU"))
        assert moved["id"] == rid and moved["status"] == "planned" and moved["review"]["corrected"] == 1


def test_api_refuses_text_it_cannot_store(db_url):
    with TestClient(create_app(db_url, token=""), raise_server_exceptions=False) as client:
        body = b'{"action": "accept", "ids": ["0123456789abcdef"], "by": "ana", "why": "\\ud800"}'
        answer = client.post("/api/judgements", content=body, headers={"content-type": "application/json"})
        assert answer.status_code == 422 and "why: " in answer.json()["error"]
        answer = client.post("/api/judgements/nope/undo", json={"by": "ana"})
        assert answer.status_code == 400 and "unknown judgement 'nope'" in answer.json()["error"]
        assert client.get("/api/judgements/nope").status_code == 404


def test_gold_ids_and_unjudged_events(tmp_path):
    twins = [  # two stored documents that came with the same id (parts of one long text do too)
        Document(id="same", lang="en", date="2024-05-02", text="Russia has delivered Su-35 fighter jets to Iran."),
        Document(id="same", lang="en", date="2024-05-03",
                 text="Germany has delivered IRIS-T air defence systems to Ukraine. "
                      "France will send Caesar howitzers to Ukraine."),
    ]  # fmt: skip
    with Store(str(tmp_path / "kb.db")) as store:
        _ingest(store, [*twins, DOCS[5]])
        judge(store, "accept", [_event(store, "r-6", designation="Rafale")], by="ana")
        iris = store.fetchone("SELECT id, document_id FROM events WHERE supplier = 'DEU'")
        judge(store, "reject", [iris["id"]], by="ana")
        with pytest.raises(ReviewError, match="unknown --unjudged 'maybe'"):
            list(gold(store, "maybe"))
        for mode, expected in (("optional", [True]), ("keep", [None]), ("omit", [])):
            lines = {line["id"]: line["events"] for _, line in gold(store, mode)}
            assert set(lines) == {"r-6", iris["document_id"]}  # the shared id gives way to the content hash
            assert [e.get("optional") for e in lines[iris["document_id"]]] == expected, mode
            assert [e["designation"] for e in lines["r-6"] if not e.get("optional")] == (
                ["Rafale"] if mode != "keep" else ["Rafale", "Rafale M"]
            )


def test_saved_judgements_load_into_another_knowledge_base(db_url, tmp_path, capsys):
    first = str(tmp_path / "first.db")
    with Store(first) as store:
        _ingest(store, DOCS)
        _judge_all(store)
        withdraw(store, judgements(store)[-1]["id"], by="ana")  # the oldest (the merge): withdrawn ones travel too
        expected = _state(store)
    saved_file = str(tmp_path / "judgements.jsonl")
    assert main(["review", "save", "--db", first, "-o", saved_file]) == 0
    assert "6 judgements saved" in capsys.readouterr().err
    with Store(db_url) as other:  # the same articles read in another order, on the other backend too
        _ingest(other, list(reversed(DOCS[1:])))  # r-1 not (yet) here
    assert main(["review", "load", saved_file, "--db", db_url]) == 0
    # r-1's event is judged only by the merge, which was withdrawn: it arrives later, unjudged, as it was
    assert "6 judgements loaded on 8 events (0 already here; 1 judged events not in this" in capsys.readouterr().err
    with Store(db_url) as other:
        _ingest(other, [DOCS[0]])
        recs, evs = _state(other)
    assert (recs, evs) == expected
    assert main(["review", "load", saved_file, "--db", db_url]) == 0  # twice: nothing new
    assert "0 judgements loaded on 0 events (6 already here" in capsys.readouterr().err
    with Store(db_url) as other:
        assert _state(other) == (recs, evs)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "created_at": "2026", "author": "a", "action": "approve", "scope": "event"}\n')
    assert main(["review", "load", str(bad), "--db", db_url]) == 2
    assert "line 1: unknown action 'approve'" in capsys.readouterr().err


def test_loaded_judgements_give_the_same_records(db_url, tmp_path, capsys):
    first = str(tmp_path / "first.db")
    with Store(first) as store:
        _ingest(store, DOCS)
        _judge_all(store)
        expected = _state(store)
    saved_file = str(tmp_path / "judgements.jsonl")
    assert main(["review", "save", "--db", first, "-o", saved_file]) == 0
    with Store(db_url) as other:
        _ingest(other, list(reversed(DOCS)))
    assert main(["review", "load", saved_file, "--db", db_url]) == 0
    assert "6 judgements loaded on" in capsys.readouterr().err
    with Store(db_url) as other:
        assert _state(other) == expected


def test_judgements_made_at_schema_4_hold_after_the_upgrade_to_families_and_deals(db_url):
    """A knowledge base judged under schema 4 (records keyed on the designation as written) upgrades
    to schema 5 (designation families, deals) with its judgements in force: the merged record keeps its
    id, the rejected event stays out, and a rebuild changes nothing."""
    old = Store(db_url, migrate=False)
    old.migrate(target=4)
    old.close()
    with Store(db_url, migrate=False) as store:
        assert store.schema_version() == 4
        events: dict[str, list] = {}
        for doc in DOCS[:4]:  # what schema 4 stored: documents, events with the old record key
            found = extract_document(Document(**{f: getattr(doc, f) for f in doc.__slots__})).events
            h = content_hash(doc.text)
            store.execute(
                "INSERT INTO documents (id, doc_key, lang, title, date, url, publisher, text, n_events, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (h, doc.id, doc.lang, None, doc.date, None, doc.publisher, doc.text, len(found), "2024-10-01"),
            )
            for e in found:
                old_key = ("transfer", e.supplier or "", e.recipient or "", e.item or "", e.designation or "")
                store.execute(
                    "INSERT INTO events (id, document_id, type, status, supplier, recipient, item, designation, "
                    "quantity, imposer, target, source, evidence, start_char, end_char, rule, record_id, confidence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.event_id(h), h, e.type, e.status, e.supplier, e.recipient, e.item, e.designation, e.quantity,
                     e.imposer, e.target, e.source, e.evidence, e.start, e.end, e.rule, record_id(old_key),
                     e.confidence),
                )  # fmt: skip
                events.setdefault(doc.id, []).append((e.event_id(h), record_id(old_key)))
        assert all(len(found) == 1 for found in events.values()), events
        shahed = events["r-1"][0][1]  # the old id of the Shahed-136 record, merged into below
        assert events["r-3"][0][1] != shahed
        covered = [found[0][0] for found in events.values()]
        made = [("j-merge", "2024-10-02T00:00:00.000000Z", "merge", shahed, covered),
                ("j-reject", "2024-10-03T00:00:00.000000Z", "reject", None, [events["r-3"][0][0]])]  # fmt: skip
        for jid, created, action, group, judged in made:
            store.execute(
                "INSERT INTO judgements (id, created_at, author, action, scope, record_id, group_id) "
                "VALUES (?, ?, 'ana', ?, 'record', ?, ?)",
                (jid, created, action, shahed, group),
            )
            store.executemany("INSERT INTO judgement_events (judgement_id, event_id) VALUES (?, ?)",
                              [(jid, eid) for eid in judged])  # fmt: skip
    with Store(db_url) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        pair = records(upgraded, RecordFilter(supplier="IRN", recipient="RUS", limit=1000))
        assert [r["id"] for r in pair] == [shahed]  # one record: the merge holds, under its id
        merged = record(upgraded, shahed)
        assert merged is not None and merged["designation"] == "Shahed" and merged["variant"] == "Shahed-136"
        assert merged["n_documents"] == 3 and merged["review"]["rejected"] == 1  # r-3 judged wrong
        assert {e["doc_key"]: e["review"] for e in merged["evidence"]}["r-3"] == "rejected"
        assert sorted(merged["review"]["judgements"]) == ["j-merge", "j-reject"]
        state = _state(upgraded)
        upgraded.rebuild_records()
        assert _state(upgraded) == state
