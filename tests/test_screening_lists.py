"""Sanctions lists in their official formats: read from the bundled fixtures, loaded on both backends.

The fixtures (src/armsflow/samples/lists/) are small lists written for the project in each format; the
expectations below are what those files say, read by eye, not what the readers returned.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from armsflow.screening import names
from armsflow.screening.lists import FORMATS, ListFormatError, detect, read_list
from armsflow.screening.lists.common import alpha3, identifier, imo_valid, inn_valid, iso_date, lei_valid, ogrn_valid
from armsflow.screening.model import Entity, Identifier
from armsflow.screening.store import ListStore, fingerprint
from armsflow.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "armsflow" / "samples" / "lists"
FIXTURES = {  # file → (format, list name, entities)
    "sdn.xml": ("ofac-xml", "ofac-sdn", 8),
    "sdn.csv": ("ofac-csv", "ofac-sdn", 8),
    "eu-fsf.xml": ("eu-xml", "eu-fsf", 5),
    "un-sc.xml": ("un-xml", "un-sc", 4),
    "uk-sanctions.csv": ("uk-csv", "uk", 7),
    "opensanctions.ftm.jsonl": ("ftm", "sanctions", 9),
}


def _read(file: str, fmt: str | None = None) -> dict[str, Entity]:
    return {e.id: e for e in read_list(SAMPLES / file, fmt).entities}


# ---------------------------------------------------------------------------------------------- common facts


def test_identifier_checksums_on_published_numbers():
    # IMO 9074729 is the worked example of the IMO scheme; Sberbank's INN 7707083893 and OGRN 1027700132195 and
    # Bloomberg's LEI 5493001KJTIIGC8Y1R12 are public registry entries
    assert imo_valid("IMO 9074729") and not imo_valid("9074728") and not imo_valid("907472")
    assert inn_valid("7707083893") and not inn_valid("7707083894")
    assert ogrn_valid("1027700132195") and not ogrn_valid("1027700132196")
    assert lei_valid("5493001KJTIIGC8Y1R12") and not lei_valid("5493001KJTIIGC8Y1R13")


def test_identifier_kinds_from_the_lists_labels():
    assert identifier("Tax ID No.", "7707083893", "Russia") == Identifier("inn", "7707083893", "RUS")
    assert identifier("Tax ID No.", "123456789", "Germany") == Identifier("other", "123456789", "DEU")
    assert identifier("Registration Number", "1027700132195", "Russia") == Identifier("ogrn", "1027700132195", "RUS")
    assert identifier("regnumber", "100298115", "BY").kind == "registration"
    assert identifier("Vessel Registration Identification", "IMO 9074729") == Identifier("imo", "9074729", None)
    assert identifier("Legal Entity Number", "5493001KJTIIGC8Y1R12").kind == "lei"
    assert identifier("Passport", " K 123 ", "Iran") == Identifier("passport", "K 123", "IRN")
    assert identifier("Passport", "  ") is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("Iran (Islamic Republic of)", "IRN"), ("RU", "RUS"), ("Russian Federation", "RUS"), ("Korea, North", "PRK"),
     ("Democratic People's Republic of Korea", "PRK"), ("ae", "ARE"), ("Crimea", "UKR"), ("Atlantis", None),
     ("", None)],
)  # fmt: skip
def test_countries_become_iso_alpha3(written, code):
    assert alpha3(written) == code


@pytest.mark.parametrize(
    ("written", "iso"),
    [("14 Mar 1968", "1968-03-14"), ("1968-03-14", "1968-03-14"), ("2026-11-30T17:05:12.000+01:00", "2026-11-30"),
     ("May 1961", "1961-05"), ("circa 1961", "1961"), ("00/00/1971", "1971"), ("02/11/1975", "1975-11-02"),
     ("00/05/1961", "1961-05"), ("Report Date: 05-Dec-2026", "2026-12-05"), ("unknown", None)],
)  # fmt: skip
def test_dates_become_iso(written, iso):
    assert iso_date(written) == iso


# ---------------------------------------------------------------------------------------------- readers


@pytest.mark.parametrize("file", FIXTURES)
def test_each_fixture_is_detected_and_read(file):
    fmt, name, count = FIXTURES[file]
    assert detect(SAMPLES / file) == fmt
    reading = read_list(SAMPLES / file)
    assert (reading.info.name, reading.info.format) == (name, fmt)
    entities = list(reading.entities)
    assert len(entities) == count
    assert all(e.list_name == name and e.name and e.schema for e in entities)


def test_published_dates_the_lists_give_themselves():
    published = {f: read_list(SAMPLES / f).info.published for f in FIXTURES}
    assert published == {
        "sdn.xml": "2026-11-27",  # <Publish_Date>11/27/2026: month first
        "sdn.csv": None,  # the CSV files carry no date
        "eu-fsf.xml": "2026-11-30",
        "un-sc.xml": "2026-11-28",
        "uk-sanctions.csv": "2026-12-01",
        "opensanctions.ftm.jsonl": "2026-02-03",  # the latest last_change
    }


def test_ofac_xml_entry():
    reza = _read("sdn.xml")["90101"]
    assert reza.schema == "Person"
    assert reza.name == "Reza KARIMI-TABAR"
    assert reza.aliases == ("Reza KARIMITABAR", "Mohammad Reza KARIMI")
    assert reza.countries == ("IRN",)
    assert reza.birth_dates == ("1968-03-14",)
    assert reza.identifiers == (Identifier("passport", "K48213570", "IRN"),)
    assert reza.programs == ("NPWMD", "IFSR")
    assert reza.addresses == ("Tehran, Iran",)
    vessel = _read("sdn.xml")["90105"]
    assert (vessel.schema, vessel.countries) == ("Vessel", ("PAN",))
    assert vessel.identifiers == (Identifier("imo", "9214537"),)
    assert vessel.aliases == ("PERSIAN STAR",)


def test_ofac_xml_and_csv_say_the_same_about_each_entry():
    xml, csv = _read("sdn.xml"), _read("sdn.csv")
    assert xml.keys() == csv.keys()
    for uid in xml:
        a, b = xml[uid], csv[uid]
        facts = ("schema", "name", "aliases", "countries", "birth_dates", "identifiers", "programs")
        assert [getattr(a, f) for f in facts] == [getattr(b, f) for f in facts], uid


def test_ofac_csv_companies_and_remarks():
    csv = _read("sdn.csv")
    vostok = csv["90103"]
    assert vostok.identifiers == (Identifier("inn", "7704125834", "RUS"), Identifier("ogrn", "1027700123450", "RUS"))
    assert vostok.addresses == ("Ul. Aviamotornaya 8, Str. 2, Moscow 111024, Russia",)
    assert csv["90108"].programs == ("IRAN-CON-ARMS-EO", "RUSSIA-EO14024")
    assert csv["90106"].identifiers == (Identifier("lei", "2534009XKQ7YT1M3R868"),)


def test_eu_entry_keeps_every_script():
    eu = _read("eu-fsf.xml")
    volkov = eu["710002"]
    assert volkov.name == "Dmitry Sergeyevich Volkov"
    assert volkov.aliases == ("Дмитрий Сергеевич Волков",)
    assert volkov.birth_dates == ("1975-11-02",)
    assert volkov.identifiers == (Identifier("inn", "772409817310", "RUS"),)
    assert volkov.programs == ("UKR",) and volkov.listed_on == "2024-02-23"
    assert volkov.extra["eu_reference"] == "EU.9102.37"
    assert eu["710003"].aliases == ("ОАО «Минская прецизионная оптика»", "ААТ «Мінская прэцызійная оптыка»")
    assert eu["710004"].aliases == ("شرکت بازرگانی قطعات هواپیمای پارس",)
    assert eu["710004"].schema == "Organization" and eu["710004"].countries == ("IRN",)


def test_un_entries():
    un = _read("un-sc.xml")
    assert set(un) == {"IRi.901", "KPi.902", "IRe.903", "KPe.904"}
    reza = un["IRi.901"]
    assert reza.name == "REZA KARIMI TABAR"
    assert "رضا کریمی تبار" in reza.aliases and "Reza Karimitabar" in reza.aliases
    assert reza.identifiers == (Identifier("passport", "K48213570", "IRN"),)
    assert reza.listed_on == "2025-09-28" and reza.programs == ("Iran",)
    assert un["KPi.902"].birth_dates == ("1966",) and un["KPi.902"].countries == ("PRK",)
    assert un["KPe.904"].schema == "Organization" and "조선송악무역회사" in un["KPe.904"].aliases


def test_uk_rows_of_one_designation_make_one_entity():
    uk = _read("uk-sanctions.csv")
    volkov = uk["RUS9102"]
    assert volkov.name == "Dmitry Sergeyevich Volkov"
    assert set(volkov.aliases) == {"Dmitri Volkov", "Дмитрий Сергеевич Волков"}
    assert volkov.birth_dates == ("1975-11-02",)  # day/month/year
    assert uk["SYR9107"].birth_dates == ("1971",)  # 00/00/1971
    assert uk["RUS9104"].schema == "Vessel" and uk["RUS9104"].identifiers == (Identifier("imo", "9214537"),)
    assert uk["RUS9101"].identifiers == (Identifier("ogrn", "1027700123450", "RUS"),)
    assert "شركة الهلال الذهبي للتجارة العامة ذ.م.م" in uk["IRQ9103"].aliases
    assert uk["IRQ9103"].countries == ("ARE",) and uk["IRQ9103"].programs == ("Iran",)


def test_ftm_entities_and_what_linked_entities_add():
    ftm = _read("opensanctions.ftm.jsonl")
    assert "os-passport-k48213570" not in ftm and "os-address-ural" not in ftm  # not screened themselves
    reza = ftm["os-reza-karimi-tabar"]
    assert reza.identifiers == (Identifier("passport", "K48213570", "IRN"),)  # from the Passport entity
    assert "Non-Proliferation of Weapons of Mass Destruction (NPWMD)" in reza.programs  # from the Sanction
    assert ftm["os-ural-drone-systems"].identifiers == (
        Identifier("inn", "7730198469", "RUS"),
        Identifier("ogrn", "1157746128792", "RUS"),
    )
    assert ftm["os-sea-falcon-7"].identifiers == (Identifier("imo", "9214537"),)  # "IMO 9214537"
    assert ftm["os-golden-crescent"].countries == ("ARE",)
    assert "深圳华信电子有限公司" in ftm["os-shenzhen-huaxin"].aliases


def test_the_fixtures_identifiers_pass_their_checksums():
    from armsflow.screening.lists import identifier_valid

    checked = 0
    for file in FIXTURES:
        for entity in read_list(SAMPLES / file).entities:
            for ident in entity.identifiers:
                valid = identifier_valid(ident)
                assert valid in (True, None), (file, entity.id, ident)
                checked += valid is True
    assert checked >= 20


# ---------------------------------------------------------------------------------------------- bad files


def _broken(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_xml_names_file_and_line(tmp_path):
    text = (SAMPLES / "eu-fsf.xml").read_text(encoding="utf-8")
    cut = text.index('<sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.9103.55"')
    path = _broken(tmp_path, "eu.xml", text[:cut] + "<sanctionEntity <broken>\n" + text[cut:])
    line = text[:cut].count("\n") + 1
    with pytest.raises(ListFormatError, match=rf"eu\.xml: line {line}: not well-formed"):
        list(read_list(path).entities)  # (raised on opening or on reading, as far as the parser had read ahead)


def test_entry_without_its_id_names_the_element(tmp_path):
    text = (SAMPLES / "sdn.xml").read_text(encoding="utf-8").replace("<uid>90104</uid>", "", 1)
    path = _broken(tmp_path, "sdn.xml", text)
    line = text[: text.index("<sdnEntry>", text.index("<uid>90103</uid>"))].count("\n") + 1
    with pytest.raises(ListFormatError, match=rf"sdn\.xml: line {line}: <sdnEntry> has no <uid>"):
        list(read_list(path).entities)


def test_bad_json_line_and_bad_csv_row(tmp_path):
    lines = (SAMPLES / "opensanctions.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6][:40]
    path = _broken(tmp_path, "x.ftm.jsonl", "\n".join(lines))
    with pytest.raises(ListFormatError, match=r"x\.ftm\.jsonl: line 7: not JSON"):
        list(read_list(path).entities)
    rows = (SAMPLES / "sdn.csv").read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2].rsplit(",", 3)[0]
    path = _broken(tmp_path, "sdn.csv", "\n".join(rows))
    with pytest.raises(ListFormatError, match=r"sdn\.csv: line 3: 9 fields, OFAC SDN CSV has 12"):
        list(read_list(path).entities)


def test_duplicate_ids_are_refused(tmp_path):
    text = (SAMPLES / "un-sc.xml").read_text(encoding="utf-8").replace("KPe.904", "IRe.903")
    with pytest.raises(ListFormatError, match=r"entity id 'IRe\.903' appears twice"):
        list(read_list(_broken(tmp_path, "un.xml", text)).entities)


def test_unknown_files_are_refused_with_the_formats(tmp_path):
    with pytest.raises(ListFormatError, match=r"cannot tell the list format; give --format \(ftm, ofac-xml"):
        detect(_broken(tmp_path, "notes.txt", "just some text\n"))
    with pytest.raises(ListFormatError, match=r"root element <rss>"):
        detect(_broken(tmp_path, "feed.xml", '<?xml version="1.0"?>\n<rss version="2.0"></rss>'))
    with pytest.raises(ListFormatError, match="give OFAC's SDN.CSV"):
        detect(SAMPLES / "add.csv")
    with pytest.raises(ListFormatError, match="no such file"):
        read_list(tmp_path / "missing.xml")
    with pytest.raises(ListFormatError, match="not well-formed"):
        list(read_list(_broken(tmp_path, "un.xml", "<CONSOLIDATED_LIST><INDIVIDUALS>"), "un-xml").entities)


# ---------------------------------------------------------------------------------------------- the store


def _load(lists: ListStore, file: str, fmt: str | None = None):
    reading = read_list(SAMPLES / file, fmt)
    return lists.load(reading.info, reading.entities)


def test_every_fixture_loads_and_round_trips(db_url):
    with Store(db_url) as store:
        lists = ListStore(store)
        for file, (_, name, count) in FIXTURES.items():
            summary = _load(lists, file)
            assert (summary.name, summary.entities) == (name, count)
            for entity in read_list(SAMPLES / file).entities:
                assert lists.entity(name, entity.id) == entity
                assert lists.fingerprint(name, entity.id) == fingerprint(entity)
        shown = {s.name: (s.format, s.entities, s.stale) for s in lists.lists()}
        assert shown == {  # sdn.csv replaced sdn.xml: one OFAC list
            "ofac-sdn": ("ofac-csv", 8, None),
            "eu-fsf": ("eu-xml", 5, None),
            "un-sc": ("un-xml", 4, None),
            "uk": ("uk-csv", 7, None),
            "sanctions": ("ftm", 9, None),
        }
        keys = store.fetchone("SELECT COALESCE(SUM(n), 0) AS n FROM screening_postings WHERE list_name = 'uk'")
        assert keys and int(keys["n"]) == sum(len(_keys(e)) for e in _read("uk-sanctions.csv").values())


def _keys(entity: Entity) -> set[str]:
    found: set[str] = set()
    for name in (entity.name, *entity.aliases):
        found |= names.blocking_keys(name)
    return found


def test_candidates_come_from_every_list_most_shared_keys_first(db_url):
    with Store(db_url) as store:
        lists = ListStore(store)
        for file in ("sdn.xml", "eu-fsf.xml", "uk-sanctions.csv", "un-sc.xml"):
            _load(lists, file)
        found = lists.candidates(names.blocking_keys("Volkov Dmitry Sergeyevich"), limit=10)
        assert {(e.list_name, e.id) for e in found[:3]} == {
            ("ofac-sdn", "90104"), ("eu-fsf", "710002"), ("uk", "RUS9102")
        }  # fmt: skip
        assert lists.candidates(names.blocking_keys("Волков"), 10)[0].id == "710002"  # the Cyrillic alias
        assert [e.id for e in lists.candidates(names.blocking_keys("Volkov"), 10, lists=["uk"])] == ["RUS9102"]
        assert lists.candidates(names.blocking_keys("Zebedee Quimby"), 10) == []
        assert lists.candidates([], 10) == []


def test_reloading_counts_new_changed_removed(db_url, tmp_path):
    with Store(db_url) as store:
        lists = ListStore(store)
        first = _load(lists, "un-sc.xml")
        assert (first.new, first.changed, first.removed) == (4, 0, 0)
        again = _load(lists, "un-sc.xml")
        assert (again.new, again.changed, again.removed, again.unchanged) == (0, 0, 0, 4)
        text = (SAMPLES / "un-sc.xml").read_text(encoding="utf-8")
        text = text.replace("<NUMBER>745310288</NUMBER>", "<NUMBER>745310289</NUMBER>")
        start, end = text.index("    <ENTITY>\n      <DATAID>6990202"), text.index("  </ENTITIES>")
        changed = tmp_path / "un.xml"
        changed.write_text(text[:start] + text[end:], encoding="utf-8")
        before = lists.fingerprint("un-sc", "KPi.902")
        reading = read_list(changed)
        summary = lists.load(reading.info, reading.entities)
        assert (summary.new, summary.changed, summary.removed, summary.unchanged) == (0, 1, 1, 2)
        assert lists.fingerprint("un-sc", "KPi.902") != before
        assert lists.entity("un-sc", "KPe.904") is None
        assert lists.candidates(names.blocking_keys("Songak"), 10) == []  # its keys went with it


def test_a_malformed_file_leaves_the_loaded_list_as_it_was(db_url, tmp_path):
    with Store(db_url) as store:
        lists = ListStore(store)
        _load(lists, "opensanctions.ftm.jsonl")
        rows_before = store.fetchall("SELECT key, list_name, n, nums FROM screening_postings ORDER BY key, list_name")
        lines = (SAMPLES / "opensanctions.ftm.jsonl").read_text(encoding="utf-8").splitlines()
        lines[11] = lines[11].replace('"name": ["Ural Drone Systems JSC"], ', "")  # a company without a name
        broken = tmp_path / "sanctions.ftm.jsonl"
        broken.write_text("\n".join(lines), encoding="utf-8")
        reading = read_list(broken)
        with pytest.raises(ListFormatError, match=r"line 12: Company os-ural-drone-systems has no name"):
            lists.load(reading.info, reading.entities)
        assert (
            store.fetchall("SELECT key, list_name, n, nums FROM screening_postings ORDER BY key, list_name")
            == rows_before
        )
        assert [(s.name, s.entities, s.source) for s in lists.lists()] == [
            ("sanctions", 9, str(SAMPLES / "opensanctions.ftm.jsonl"))
        ]
        assert lists.entity("sanctions", "os-ural-drone-systems") is not None


def test_mark_stale_keeps_the_list(db_url):
    with Store(db_url) as store:
        lists = ListStore(store)
        _load(lists, "uk-sanctions.csv")
        lists.mark_stale("uk", "HTTP error 503 Service Unavailable")
        (item,) = lists.lists()
        assert item.stale == "HTTP error 503 Service Unavailable" and item.entities == 7
        assert item.checked_at is not None
        assert lists.entity("uk", "RUS9102") is not None
        assert lists.remove("uk") and lists.lists() == [] and not lists.remove("uk")


def test_formats_table_matches_the_readers():
    assert set(FORMATS) == {"ftm", "ofac-xml", "ofac-csv", "eu-xml", "un-xml", "uk-csv"}


def test_ofac_csv_without_its_companions_still_reads(tmp_path):
    shutil.copy(SAMPLES / "sdn.csv", tmp_path / "SDN.CSV")
    alone = {e.id: e for e in read_list(tmp_path / "SDN.CSV").entities}
    assert alone["90104"].aliases == ()  # the aliases are in ALT.CSV
    assert alone["90104"].birth_dates == ("1975-11-02",)  # the remarks are in SDN.CSV itself


def test_rare_keys_rank_first_and_common_keys_are_left_out(db_url, monkeypatch):
    import armsflow.screening.store as screening_store
    from armsflow.screening.model import ListInfo

    firms = [Entity(str(n), "t", "Company", f"{word} Trading") for n, word in enumerate(
        ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa"))]  # fmt: skip
    firms.append(Entity("golden", "t", "Company", "Golden Horizon Trading"))
    firms.append(Entity("horizon", "t", "Company", "Horizon Alpha"))
    with Store(db_url) as store:
        lists = ListStore(store)
        lists.load(ListInfo("t", "test", "ftm"), firms)
        # every key counts: "golden" (1 entity) outweighs "trading" (11) and "horizon" (2) ranks next
        ranked = [e.id for e in lists.candidates(names.blocking_keys("Golden Horizon Trading"), 3)]
        assert ranked[:2] == ["golden", "horizon"]
        assert len(lists.candidates(names.blocking_keys("Trading"), 20)) == 11
        # "trading" held by 11 of 12 entities is over the cap: left out while the query has rarer keys ...
        monkeypatch.setattr(screening_store, "COMMON_MIN", 2)
        monkeypatch.setattr(screening_store, "COMMON", 0.5)
        assert [e.id for e in lists.candidates(names.blocking_keys("Golden Horizon Trading"), 20)] == [
            "golden", "horizon"
        ]  # fmt: skip
        # ... and used when it is all the query has
        assert len(lists.candidates(names.blocking_keys("Trading"), 20)) == 11


def test_the_fixtures_have_names_in_latin_cyrillic_and_arabic_script():
    import unicodedata

    scripts: set[str] = set()
    for file in FIXTURES:
        for entity in read_list(SAMPLES / file).entities:
            for name in entity.names():
                scripts |= {unicodedata.name(c, "").split()[0] for c in name if c.isalpha()}
    assert {"LATIN", "CYRILLIC", "ARABIC"} <= scripts


def test_make_index_writes_a_loadable_list_of_n_names(tmp_path):
    import json
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "screening" / "make_index.py"
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        done = subprocess.run(
            [sys.executable, str(script), "500", "-o", str(tmp_path / name), "--seed", "3"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]  # the same seed, the same file
    rows = [json.loads(line) for line in outputs[0].splitlines()]
    count = sum(1 + len(r["properties"].get("alias", [])) for r in rows)
    assert 500 <= count <= 502  # the last entity may bring an alias or two beyond N
    entities = list(read_list(tmp_path / "a.jsonl").entities)
    assert len(entities) == len(rows)
    from armsflow.screening.lists import identifier_valid

    identifiers = [i for e in entities for i in e.identifiers]
    assert {i.kind for i in identifiers} == {"inn", "imo", "lei"}
    assert all(identifier_valid(i) for i in identifiers)
    bad = subprocess.run([sys.executable, str(script), "0", "-o", str(tmp_path / "c")], capture_output=True, text=True)
    assert bad.returncode == 2 and "N must be at least 1" in bad.stderr


def test_a_list_loaded_before_key_versions_is_refused_until_rekeyed(db_url):
    """A knowledge base of schema 6 (keys one row each, no key version) upgrades; its list is refused with what
    to run, since nobody knows how its keys were cut, and ``rekey`` makes it screenable from its stored entities."""
    from armsflow.screening.store import StaleKeysError, entity_data

    old = Store(db_url, migrate=False)
    old.migrate(target=6)
    old.close()
    entities = list(_read("un-sc.xml").values())
    with Store(db_url, migrate=False) as store, store.write():  # what schema 6 stored for a loaded list
        store.execute(
            "INSERT INTO screening_lists (name, source, format, published, loaded_at, checked_at, stale, n_entities) "
            "VALUES ('un-sc', 'un-sc.xml', 'un-xml', '2026-11-28', '2026-12-01T00:00:00Z', NULL, NULL, ?)",
            (len(entities),),
        )
        for e in entities:
            store.execute(
                "INSERT INTO screening_entities (list_name, id, schema, name, data, fingerprint) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                ("un-sc", e.id, e.schema, e.name, entity_data(e), fingerprint(e)),
            )
            for key in sorted(_keys(e)):
                store.execute(
                    "INSERT INTO screening_keys (key, list_name, entity_id) VALUES (?, 'un-sc', ?)", (key, e.id)
                )
    with Store(db_url) as store:
        lists = ListStore(store)
        [stored] = lists.lists()
        assert (stored.name, stored.entities, stored.key_version, stored.keys_current) == ("un-sc", 4, None, False)
        with pytest.raises(StaleKeysError, match=r"'un-sc' was indexed with blocking keys of an unknown version.*"
                                                 r"run 'armsflow lists rekey un-sc'"):  # fmt: skip
            lists.candidates(names.blocking_keys("Songak"), 10)
        assert lists.rekey("un-sc") == 4
        assert lists.lists()[0].key_version == names.keys_algorithm()
        assert "KPe.904" in [e.id for e in lists.candidates(names.blocking_keys("Songak"), 10)]
        # the postings are those a fresh load writes (numbers aside: a re-key numbers the entities in id order)
        got = store.fetchone("SELECT COALESCE(SUM(n), 0) AS n FROM screening_postings WHERE list_name = 'un-sc'")
        assert int(got["n"]) == sum(len(_keys(e)) for e in entities)
