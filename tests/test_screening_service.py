"""Screening a counterparty end to end: candidates from the index, hits, decisions, context, CLI and CSV.

The entities are loaded with the lists package's ListStore, as ``armsflow lists load`` loads them."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest

from armsflow.cli import main
from armsflow.kb import KnowledgeBase
from armsflow.query import QueryError
from armsflow.screening import match, service
from armsflow.screening.model import Entity, Identifier, ListInfo
from armsflow.screening.store import ListStore
from armsflow.store import Store

PETROV = Entity(
    id="ru-1", list_name="test-list", schema="Person", name="Петров Александр Сергеевич",
    aliases=("Aleksandr Sergeyevich Petrov",), countries=("RUS",), birth_dates=("1961-05-02",),
    identifiers=(Identifier("passport", "72 1234567", "RUS"),), programs=("RUSSIA-EO14024",),
)  # fmt: skip
REZAEI = Entity(id="ir-7", list_name="test-list", schema="Person", name="محمد رضایی", countries=("IRN",))
QODS = Entity(
    id="ir-9", list_name="test-list", schema="Company", name="شرکت صنایع هوایی قدس",
    aliases=("Qods Aviation Industries",), countries=("IRN",),
)  # fmt: skip
VESSEL = Entity(
    id="v-1", list_name="test-list", schema="Vessel", name="Sea Star",
    identifiers=(Identifier("imo", "IMO 9123456"),),
)  # fmt: skip


def put_entities(store: Store, entities: list[Entity], list_name: str = "test-list") -> None:
    """Load a list of these entities as ``armsflow lists load`` does (entities, numbers, postings, key version)."""
    ListStore(store).load(ListInfo(list_name, "test", "ftm", "2026-12-01"), entities)


@pytest.fixture
def loaded(db_url: str) -> str:
    with Store(db_url) as store:
        put_entities(store, [PETROV, REZAEI, QODS, VESSEL])
    return db_url


def test_candidates_come_from_the_index_and_hits_explain_themselves(loaded: str) -> None:
    with Store(loaded) as store:
        result = service.screen(store, service.make_query("Alexander Sergeyevich Petrov", "RUS", "1961"))
    assert [h["id"] for h in result["hits"]] == ["ru-1"]
    hit = result["hits"][0]
    assert hit["alert"] and hit["score"] >= match.THRESHOLD and hit["list"] == "test-list"
    assert hit["explanation"]["matched_name"] == "Aleksandr Sergeyevich Petrov"
    assert {f["result"] for f in hit["explanation"]["features"]} == {"agrees"}
    assert result["algorithm"] == match.ALGORITHM
    assert result["lists"][0]["name"] == "test-list" and result["lists"][0]["entities"] == 4


def test_arabic_script_entity_found_from_a_latin_query_and_an_imo_number(loaded: str) -> None:
    with Store(loaded) as store:
        assert [h["id"] for h in service.screen(store, service.make_query("Mohammed Rezaie"))["hits"]] == ["ir-7"]
        by_imo = service.screen(store, service.make_query("Sea Starr Shipping", ids=["imo:9123456"]))
    assert by_imo["hits"][0]["id"] == "v-1" and by_imo["hits"][0]["score"] >= 0.95


def test_no_alert_for_a_different_person_unless_all(loaded: str) -> None:
    with Store(loaded) as store:
        assert service.screen(store, service.make_query("Aleksei Petrov"))["hits"] == []
        shown = service.screen(store, service.make_query("Aleksei Petrov"), all_hits=True)["hits"]
    assert shown and not shown[0]["alert"]


def test_a_false_positive_decision_is_honoured_until_the_entity_changes(loaded: str) -> None:
    with Store(loaded) as store:
        made = service.decide(store, "Alexander Petrov", "test-list", "ru-1", "false_positive", "anna", "other DOB")
        assert made["decision"] == "false_positive" and not made["reopened"]
        # the same counterparty, spelled in another case and spacing: the decision applies, no alert
        again = service.screen(store, service.make_query("alexander  PETROV"))
        assert again["alerts"] == 0 and again["hits"] == []
        shown = service.screen(store, service.make_query("Alexander Petrov"), all_hits=True)["hits"]
        assert shown[0]["decision"]["by"] == "anna" and not shown[0]["alert"]
        # another counterparty is not covered by it
        assert service.screen(store, service.make_query("Aleksandr Petrov"))["alerts"] == 1
        # the list entity changes (a new alias): the decision re-opens and the alert is back
        put_entities(store, [dataclasses.replace(PETROV, aliases=(*PETROV.aliases, "A. S. Petrov")), REZAEI])
        reopened = service.screen(store, service.make_query("Alexander Petrov"))
        assert reopened["alerts"] == 1 and reopened["hits"][0]["decision"]["reopened"] is True
        assert service.decisions(store, "Alexander Petrov")[0]["reopened"] is True


def test_bad_decisions_and_queries_are_refused(loaded: str) -> None:
    with Store(loaded) as store:
        with pytest.raises(QueryError, match="no entity 'nope'"):
            service.decide(store, "X", "test-list", "nope", "confirmed", "anna")
        with pytest.raises(QueryError, match="bad decision 'maybe'"):
            service.decide(store, "X", "test-list", "ru-1", "maybe", "anna")
    for args, message in (
        (("   ",), "bad name"),
        (("Petrov", "Russia"), "bad country 'Russia'"),
        (("Petrov", None, "1961-13"), "bad birth date '1961-13'"),
    ):
        with pytest.raises(QueryError, match=message):
            service.make_query(*args)
    with pytest.raises(QueryError, match="unknown identifier kind 'pasport'"):
        service.make_query("Petrov", ids=["pasport:123"])


def test_network_context_shows_the_state_s_transfers_and_sanctions(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    with KnowledgeBase(db) as kb:
        kb.add("Iran has delivered Shahed-136 drones to Russia, officials said.", date="2026-01-10")
        put_entities(kb.store, [QODS])
        result = service.screen(kb.store, service.make_query("Qods Aviation Industry"))
    hit = result["hits"][0]
    assert hit["id"] == "ir-9"
    ctx = {c["actor"]: c for c in hit["context"]}
    supplied = ctx["IRN"]["supplies"]
    assert supplied and supplied[0]["partner"] == "RUS" and supplied[0]["item"] == "uav"
    assert supplied[0]["sources"]


def test_cli_screen_table_json_and_errors(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Aleksandr Petrov", "--country", "RUS", "--db", loaded]) == 0
    out = capsys.readouterr().out
    assert "ALERT" in out and "test-list/ru-1" in out and "country RUS: agrees" in out
    assert main(["screen", "Aleksandr Petrov", "--format", "json", "--db", loaded]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hits"][0]["name"] == PETROV.name
    assert main(["screen", "Petrov", "--dob", "yesterday", "--db", loaded]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad birth date 'yesterday'" in err


def test_cli_decide_then_screen_honours_it(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["screen", "decide", "Aleksandr Petrov", "--list", "test-list", "--entity", "ru-1", "--as", "confirmed"]
    assert main([*argv, "--by", "omar", "--why", "same passport", "--db", loaded]) == 0
    assert "confirmed" in capsys.readouterr().out
    assert main(["screen", "Aleksandr Petrov", "--db", loaded]) == 0
    assert "decision: confirmed by omar" in capsys.readouterr().out
    assert main(["screen", "decisions", "--db", loaded]) == 0
    assert "same passport" in capsys.readouterr().out
    assert main(["screen", "decide", "Aleksandr Petrov", "--db", loaded]) == 2


def test_cli_csv_batch_writes_a_results_csv(loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,country,dob,id\nAleksandr Petrov,RUS,,\nJohn Nobody,,,\nSea Star,,,imo:9123456\n")
    out = tmp_path / "out.csv"
    assert main(["screen", "--csv", str(src), "--output", str(out), "--db", loaded]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [(r["row"], r["entity_id"]) for r in rows] == [("2", "ru-1"), ("3", ""), ("4", "v-1")]
    assert "3 counterparties screened, 2 alerts" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nPetrov,Russia\n")
    assert main(["screen", "--csv", str(bad), "--db", loaded]) == 2
    assert f"{bad}:2: bad country 'Russia'" in capsys.readouterr().err


def test_api_screen_and_decisions(loaded: str) -> None:
    from fastapi.testclient import TestClient

    from armsflow.api import create_app

    with TestClient(create_app(loaded, token="s3cret"), raise_server_exceptions=False) as client:
        answer = client.post("/api/screen", json={"name": "Alexander Petrov", "country": "RUS"})
        assert answer.status_code == 200
        assert answer.json()["hits"][0]["id"] == "ru-1"
        bad = client.post("/api/screen", json={"name": "Petrov", "dob": "soon"})
        assert bad.status_code == 400 and "bad birth date 'soon'" in bad.json()["error"]
        body = {"name": "Alexander Petrov", "list": "test-list", "entity_id": "ru-1", "decision": "false_positive",
                "by": "anna"}  # fmt: skip
        assert client.post("/api/screen/decisions", json=body).status_code == 401
        made = client.post("/api/screen/decisions", json=body, headers={"Authorization": "Bearer s3cret"})
        assert made.status_code == 200 and made.json()["decision"] == "false_positive"
        assert client.post("/api/screen", json={"name": "Alexander Petrov"}).json()["hits"] == []
        listed = client.get("/api/screen/decisions", params={"name": "alexander petrov"}).json()
        assert listed["total"] == 1 and listed["items"][0]["by"] == "anna"
        unknown = client.post(
            "/api/screen/decisions", json={**body, "entity_id": "zz"}, headers={"Authorization": "Bearer s3cret"}
        )
        assert unknown.status_code == 400 and "no entity 'zz'" in unknown.json()["error"]
        with Store(loaded) as store, store.write():  # indexed by an older armsflow: refused, saying what to run
            store.execute("UPDATE screening_lists SET key_version = NULL")
        refused = client.post("/api/screen", json={"name": "Alexander Petrov"})
        assert refused.status_code == 503 and "armsflow lists rekey test-list" in refused.json()["error"]


def test_goods_are_handed_to_the_goods_check(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--hs goes to goods.check and its answer is the result's "goods" (what it holds is the goods package's)."""
    assert main(["screen", "Aleksandr Petrov", "--hs", "848210", "--format", "json", "--db", loaded]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "goods" in data and data["hits"][0]["id"] == "ru-1"
    assert main(["screen", "Petrov", "--hs", "1", "--goods", "x", "--db", loaded]) == 2  # one or the other
