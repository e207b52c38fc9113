"""Canonical designations and deals, canonical sources, filters that never fail silently, counts and paging,
full-text document search — on both backends where a database is involved.

The articles below are written for these tests.
"""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient

from armsflow import Document, extract_document
from armsflow.api import create_app
from armsflow.cli import main
from armsflow.designations import canonical, services_named
from armsflow.query import QueryError, RecordFilter, count_documents, count_records, document, documents, records
from armsflow.records import EventRow, canonical_source, deals, merge
from armsflow.store import Store, content_hash
from armsflow.store.migrations import SCHEMA_VERSION

ARTICLES = [
    Document(
        id="rafale",
        lang="en",
        date="2025-04-28",
        text="India signed a contract with France on Monday to buy 26 Rafale Marine fighter jets for its navy, the "
        "ministry in New Delhi said. The Indian Air Force already flies 36 Rafale jets that France delivered "
        "between 2020 and 2022.",
    ),
    Document(
        id="u-boot-de",
        lang="de",
        date="2024-09-17",
        text="Norwegen hat bei Deutschland zwei weitere U-Boote vom Typ 212CD bestellt, teilte das Ministerium in "
        "Oslo mit.",
    ),
    Document(
        id="u-boot-en",
        lang="en",
        date="2024-10-01",
        text="Germany will deliver the first Type 212CD submarine to Norway in 2029, officials in Oslo said.",
    ),
    Document(id="typhoon", lang="en", date="2025-03-21", text="Britain has delivered 24 Typhoon jets to Qatar."),
    Document(
        id="eurofighter",
        lang="de",
        date="2024-03-11",
        text="Italien hat Ägypten nach Angaben aus Kairo weitere Eurofighter-Kampfjets geliefert.",
    ),
    Document(
        id="gripen",
        lang="en",
        date="2025-08-26",
        text="Thailand signed a contract with Sweden for four Gripen E/F fighter jets. Thailand already operates 11 "
        "Gripen C/D jets delivered by Sweden.",
    ),
    Document(
        id="leopard-1",
        lang="de",
        date="2023-03-28",
        text="Kiew bestätigte, dass Deutschland der Ukraine weitere Leopard 2A6 geliefert hat.",
    ),
    Document(
        id="leopard-2",
        lang="de",
        date="2024-07-02",
        text="Nach Angaben Kiews hat Deutschland der Ukraine zehn Leopard-2A6-Panzer geliefert.",
    ),
]


def _load(store: Store, docs: list[Document] = ARTICLES) -> None:
    for doc in docs:
        result = extract_document(Document(**{f: getattr(doc, f) for f in doc.__slots__}))
        store.add_document(doc, result.events, result.lang)


# ------------------------------------------------------------------------------------ designations


@pytest.mark.parametrize(
    ("said", "family", "variant"),
    [
        ("Eurofighter", "Eurofighter Typhoon", None),
        ("Typhoon", "Eurofighter Typhoon", None),
        ("EF-2000", "Eurofighter Typhoon", None),
        ("Typ 212CD", "Type 212CD", None),
        ("212CD", "Type 212CD", None),
        ("Leopard 2A4", "Leopard 2", "Leopard 2A4"),
        ("Leo 2A6", "Leopard 2", "Leopard 2A6"),  # a spelling the list lacks: the family's name, the version code
        ("Rafale Marine", "Rafale", "Rafale M"),
        ("Su-57E", "Su-57", "Su-57E"),  # the catalogue's name with a version letter
        ("C-130H", "C-130 Hercules", "C-130H"),
        ("Hangar-Klasse X", "Hangar-Klasse X", None),  # unknown: its own family
    ],
)
def test_designations_have_families_and_variants(said, family, variant):
    found = canonical(said)
    assert (found.family, found.variant) == (family, variant)


def test_the_family_list_is_consistent():
    from armsflow.designations import FAMILIES_FILE, SERVICES, SERVICES_FILE
    from armsflow.lexicons import designation_key, read_tsv

    rows = read_tsv(FAMILIES_FILE)
    assert rows and all(set(r) == {"form", "family", "variant", "service"} for r in rows)
    meaning: dict[str, tuple[str, str]] = {}
    for r in rows:
        key = designation_key(r["form"])
        assert meaning.setdefault(key, (r["family"], r["variant"])) == (r["family"], r["variant"]), r
        assert r["service"] in ("", *SERVICES), r
    families = {r["family"] for r in rows}
    assert all(designation_key(f) in meaning and meaning[designation_key(f)] == (f, "") for f in families)
    assert {r["service"] for r in read_tsv(SERVICES_FILE)} <= {"-", *SERVICES}


def test_services_are_read_from_the_sentence_not_from_a_shipyard_name():
    assert services_named("India will buy 26 jets for its navy") == {"navy"}
    assert services_named("The Indian Air Force already flies 36 of them") == {"air"}
    assert services_named("Die Jets sind für die Flugzeugträger der Marine bestimmt") == {"navy"}
    assert not services_named("bei Thyssenkrupp Marine Systems bestellt")


def _row(n: int, reported: str, status: str, designation: str, quantity: int | None = None, evidence: str = ""):
    return EventRow(
        type="transfer",
        status=status,
        document_id=f"d{n}",
        reported=reported,
        ingested_at=reported,
        supplier="FRA",
        recipient="IND",
        item="combat-aircraft",
        designation=designation,
        quantity=quantity,
        event_id=f"e{n}",
        evidence=evidence or f"{designation} jets",
    )


def test_deals_split_on_variant_service_and_order_size_and_join_delivery_tranches():
    rows = [
        _row(1, "2020-05-01", "delivered", "Rafale", 36, "The Air Force received 36 Rafale jets"),
        _row(2, "2021-05-01", "delivered", "Rafale", 10, "France delivered 10 more Rafale to the air force"),
        _row(3, "2025-04-28", "agreed", "Rafale Marine", 26, "India ordered 26 Rafale Marine"),
        _row(4, "2025-05-01", "planned", "Rafale", None, "The first Rafale Marine will arrive in 2028"),
        _row(5, "2025-06-01", "considered", "Rafale", 114, "India weighs 114 more Rafale"),
    ]
    found = deals(rows)
    assert [[r.event_id for r in members] for _, members in found] == [["e1", "e2"], ["e3", "e4"], ["e5"]]
    assert found[0][0] == ""  # the first deal keeps the group's own id
    assert len({label for label, _ in found}) == 3
    # a pure function of the events: any order gives the same deals
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert deals(shuffled) == found


def test_a_delivery_within_the_order_is_part_of_it_a_larger_one_is_not():
    rows = [
        _row(1, "2024-01-01", "agreed", "K2", 180),
        _row(2, "2024-06-01", "delivered", "K2", 18),
        _row(3, "2024-07-01", "delivered", "K2", 40),
        _row(4, "2024-08-01", "delivered", "K2", 300),
    ]
    assert [[r.event_id for r in m] for _, m in deals(rows)] == [["e1", "e2", "e3"], ["e4"]]


def test_orders_years_apart_are_new_deals_but_late_deliveries_are_not():
    rows = [
        _row(1, "2015-06-01", "agreed", "Rafale"),
        _row(2, "2017-06-01", "delivered", "Rafale"),
        _row(3, "2020-06-01", "delivered", "Rafale"),  # three years on: still the 2015 order arriving
        _row(4, "2024-01-10", "agreed", "Rafale"),  # an order four years after: a deal of its own
        _row(5, "2024-02-01", "refused", "Rafale"),
    ]
    assert [[r.event_id for r in m] for _, m in deals(rows)] == [["e1", "e2", "e3"], ["e4", "e5"]]


def test_an_event_that_names_nothing_joins_the_latest_deal():
    rows = [
        _row(1, "2024-01-01", "agreed", "Gripen E/F", 4),
        _row(2, "2024-02-01", "delivered", "Gripen C/D", 11),
        _row(3, "2024-03-01", "requested", "Gripen", None),
    ]
    assert [[r.event_id for r in m] for _, m in deals(rows)] == [["e1"], ["e2", "e3"]]


def test_records_key_on_the_family_and_keep_what_the_text_said(db_url):
    with Store(db_url) as store:
        _load(store)
        subs = records(store, RecordFilter(supplier="DEU", recipient="NOR"))
        assert len(subs) == 1 and subs[0]["designation"] == "Type 212CD"
        assert subs[0]["reported_as"] == ["212CD", "Type 212CD"] and subs[0]["n_documents"] == 2
        rafale = records(store, RecordFilter(supplier="FRA", recipient="IND", item="Rafale"))
        assert sorted((r["variant"] or "", r["status"], r["quantities"]) for r in rafale) == [
            ("", "delivered", [36]),
            ("Rafale M", "agreed", [26]),
        ]
        gripen = records(store, RecordFilter(item="Gripen"))
        assert sorted(r["variant"] for r in gripen) == ["Gripen C/D", "Gripen E/F"]
        euro = records(store, RecordFilter(item="Eurofighter"))
        assert {(r["supplier"], r["recipient"]) for r in euro} == {("GBR", "QAT"), ("ITA", "EGY")}
        assert {r["designation"] for r in euro} == {"Eurofighter Typhoon"}
        assert records(store, RecordFilter(item="Typhoon")) == euro
        only_m = records(store, RecordFilter(item="Rafale M"))  # the variant, and the family where none is named
        assert {r["variant"] for r in only_m} == {"Rafale M", None} and len(only_m) == 2
        assert len(records(store, RecordFilter(item="Gripen E/F"))) == 1
        # two reports of Leopard 2A6 deliveries, spelt differently, a year apart: one flow, one record
        leo = records(store, RecordFilter(item="Leopard 2A6"))
        assert len(leo) == 1 and leo[0]["n_documents"] == 2 and leo[0]["reported_as"] == ["Leopard 2A6", "Leopard-2A6"]
        before = store.fetchall("SELECT * FROM records ORDER BY id")
        store.rebuild_records()
        assert store.fetchall("SELECT * FROM records ORDER BY id") == before


def test_ingest_order_does_not_change_the_deals(tmp_path):
    with Store(str(tmp_path / "a.db")) as one, Store(str(tmp_path / "b.db")) as other:
        _load(one)
        _load(other, list(reversed(ARTICLES)))
        query = "SELECT * FROM records ORDER BY id"
        assert one.fetchall(query) == other.fetchall(query)
        events = "SELECT id, record_id FROM events ORDER BY id"
        assert one.fetchall(events) == other.fetchall(events)


# ------------------------------------------------------------------------------------------ sources


@pytest.mark.parametrize(
    ("one", "other", "lang"),
    [
        ("Kiews", "Kiew", "de"),
        ("Kyiv", "Kiew", "en"),
        ("des Weißen Hauses", "the White House", "de"),
        ("Officials", "officials", "en"),
        ("UAE of", "the United Arab Emirates", "en"),
        ("des Friedensforschungsinstituts Sipri", "Friedensforschungsinstitut Sipri", "de"),
    ],
)
def test_one_source_however_the_text_inflects_it(one, other, lang):
    assert canonical_source(one, lang)[0] == canonical_source(other, lang)[0]


def test_sources_show_without_inflection_and_never_as_a_fragment():
    assert canonical_source("UAE of", "en")[1] == canonical_source("UAE", "en")[1]
    assert "of" not in canonical_source("UAE of", "en")[1].split()
    assert canonical_source("des Friedensforschungsinstituts Sipri", "de")[1] == "Friedensforschungsinstitut Sipri"
    assert canonical_source("des Geheimdienstes", "de")[1] == "Geheimdienst"
    assert canonical_source("Officials", "en")[0] != canonical_source("Ukrainian officials", "en")[0]


def test_n_sources_counts_canonical_sources(db_url):
    with Store(db_url) as store:
        _load(store)
        leo = records(store, RecordFilter(item="Leopard 2A6"))[0]
        assert leo["n_documents"] == 2 and leo["n_sources"] == 1  # "Kiew" and "Kiews"
        assert leo["sources"] == ["Ukraine"]


def test_merge_counts_sources_case_folded():
    rows = [_row(1, "2024-01-01", "delivered", "Rafale"), _row(2, "2024-01-02", "delivered", "Rafale")]
    rows[0].source, rows[1].source = "Officials", "officials"
    assert merge(rows).n_sources == 1


# ------------------------------------------------------------------------------------------ filters


@pytest.fixture
def loaded(db_url):
    with Store(db_url) as store:
        _load(store)
    return db_url


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("actor", "XYZ", "unknown actor 'XYZ'"),
        ("supplier", "Atlantis", "unknown actor 'Atlantis'"),
        ("item", "Leopardd", "nearest: Leopard"),
        ("item", "Raffale", "nearest: Rafale"),
        ("status", "deliverd", "nearest: delivered"),
        ("since", "2024-13", "there is no month 13"),
        ("since", "2024-02-30", "February 2024 has 29 days"),
        ("until", "2023-02-29", "February 2023 has 28 days"),
    ],
)
def test_a_filter_that_means_nothing_is_an_error_naming_it(loaded, field, value, message):
    with Store(loaded) as store, pytest.raises(QueryError, match=message):
        records(store, RecordFilter(**{field: value}))


def test_a_period_that_ends_before_it_starts_is_an_error(loaded):
    with Store(loaded) as store, pytest.raises(QueryError, match="after --until"):
        records(store, RecordFilter(since="2025", until="2024-06"))


@pytest.mark.parametrize("name", ["deu", "DEU", "Deutschland", "Germany", "the Federal Republic of Germany", "Berlin"])
def test_actors_by_id_in_any_case_or_any_name(loaded, name):
    with Store(loaded) as store:
        assert {r["supplier"] for r in records(store, RecordFilter(supplier=name))} == {"DEU"}


def test_names_with_articles_and_non_state_ids_in_any_case():
    from armsflow.query import actor_id

    assert actor_id("the Kremlin") == "RUS"
    assert actor_id("Pjöngjang") == "PRK"
    assert actor_id("RSF") == actor_id("rsf") == "rsf"
    assert actor_id("irn") == "IRN"
    assert actor_id("Wagner-Group") == "wagner-group"


def test_cli_filters_exit_2_with_the_nearest_values(loaded, capsys):
    assert main(["transfers", "--db", loaded, "--item", "Leopardd"]) == 2
    err = capsys.readouterr().err
    assert "unknown item 'Leopardd'" in err and "Leopard 2" in err and "Traceback" not in err
    assert main(["transfers", "--db", loaded, "--actor", "XYZ"]) == 2
    assert main(["docs", "--db", loaded, "--search", "!!"]) == 2


# ----------------------------------------------------------------------------------- counts and paging


def test_every_cli_list_says_how_many_match_and_shows_the_rest(loaded, capsys):
    with Store(loaded) as store:
        total = count_records(store, RecordFilter())
    assert total > 4
    assert main(["transfers", "--db", loaded, "--limit", "3"]) == 0
    err = capsys.readouterr().err
    assert f"{total} records match, showing 1–3 (--offset 3 for the next 3, --limit {total} for all)" in err
    assert main(["transfers", "--db", loaded, "--limit", "3", "--offset", str(total - 1), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and f"showing {total}–{total}" in err
    assert main(["docs", "--db", loaded, "--limit", "2", "--offset", "2"]) == 0
    assert f"{len(ARTICLES)} documents match, showing 3–4 (--offset 4 for the next 2" in capsys.readouterr().err


def test_every_api_list_has_total_and_links(loaded):
    with TestClient(create_app(loaded, token=""), raise_server_exceptions=False) as client:
        for path in ("/api/transfers", "/api/documents", "/api/network"):
            first = client.get(path, params={"limit": 2}).json()
            assert first["total"] > 2 and first["previous"] is None, path
            second = client.get(first["next"]).json()
            assert second["offset"] == 2 and second["previous"].endswith("offset=0&limit=2"), path
            last = client.get(path, params={"limit": 2, "offset": first["total"] - 1}).json()
            assert last["next"] is None
        page = client.get("/api/transfers", params={"item": "Eurofighter", "limit": 1}).json()
        assert page["total"] == 2 and "item=Eurofighter" in page["next"]
        assert client.get("/api/sanctions").json()["next"] is None
        bad = client.get("/api/transfers", params={"item": "Leopardd"})
        assert bad.status_code == 400 and "nearest: Leopard" in bad.json()["error"]
        bad = client.get("/api/transfers", params={"actor": "XYZ"})
        assert bad.status_code == 400 and "XYZ" in bad.json()["error"]
        assert client.get("/api/transfers", params={"actor": "rsf"}).status_code == 200
        assert client.get("/api/documents", params={"since": "2024-02-30"}).status_code == 400


# ------------------------------------------------------------------------------------ document search


def test_document_search_is_full_text(loaded):
    with Store(loaded) as store:
        keys = lambda **kw: {d["doc_key"] for d in documents(store, **kw)}  # noqa: E731
        assert keys(search="Leopard") == {"leopard-1", "leopard-2"}
        assert keys(search="leopard ukraine") == {"leopard-1", "leopard-2"}  # every word, any case
        assert keys(search="Kampfj") == {"eurofighter"}  # the beginning of a word
        assert keys(search="jets Qatar") == {"typhoon"}
        assert keys(search="ighter") == set()  # a word's middle is no word (a LIKE scan found "fighter")
        assert "eurofighter" not in keys(search="jets")  # nor is the end of "Kampfjets"
        assert keys(search="Ägypten") == {"eurofighter"}
        assert count_documents(store, search="Norwegen OR Norway") == 0  # words, not query syntax
        assert keys(search="Leopard", since="2024") == {"leopard-2"}
        one = document(store, "typhoon")  # the search vector is no part of a document
        assert one is not None and "search" not in one and one["text"].startswith("Britain")
        if store.backend == "postgresql":
            plan = store.fetchall("EXPLAIN SELECT id FROM documents WHERE search @@ to_tsquery('simple', 'x:*')")
            assert plan  # the column and its index exist (the planner may still scan a tiny table)
        else:
            assert store.fetchone("SELECT COUNT(*) AS n FROM documents_fts")["n"] == len(ARTICLES)


def test_upgrade_from_schema_version_3_indexes_old_documents_and_regroups_records(db_url):
    old = Store(db_url, migrate=False)
    old.migrate(target=3)
    old.close()
    with Store(db_url, migrate=False) as store:
        assert store.schema_version() == 3
        # what schema 3 stored: a document and its events, with the old record key (the designation as written)
        for doc in ARTICLES[1:3]:
            events = extract_document(doc).events
            h = content_hash(doc.text)
            store.execute(
                "INSERT INTO documents (id, doc_key, lang, title, date, url, publisher, text, n_events, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (h, doc.id, doc.lang, None, doc.date, None, None, doc.text, len(events), "2024-10-01T00:00:00Z"),
            )
            for e in events:
                store.execute(
                    "INSERT INTO events (id, document_id, type, status, supplier, recipient, item, designation, "
                    "quantity, imposer, target, source, evidence, start_char, end_char, rule, record_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.event_id(h), h, e.type, e.status, e.supplier, e.recipient, e.item, e.designation,
                     e.quantity, e.imposer, e.target, e.source, e.evidence, e.start, e.end, e.rule, "old-" + e.rule),
                )  # fmt: skip
    with Store(db_url) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        subs = records(upgraded, RecordFilter(supplier="DEU", recipient="NOR"))
        assert len(subs) == 1 and subs[0]["n_documents"] == 2 and subs[0]["designation"] == "Type 212CD"
        assert {d["doc_key"] for d in documents(upgraded, search="212CD")} == {"u-boot-de", "u-boot-en"}
        assert not upgraded.fetchall("SELECT id FROM events WHERE SUBSTR(record_id, 1, 4) = ?", ("old-",))
