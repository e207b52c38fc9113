"""The lexicon data files, checked in CI (the followthemoney habit).

The TSV files are the extractor's knowledge. A typo in a language code, an
unknown category, a form mapped to two ids, or an entry that silently shadows
another costs recall or precision without failing any unit test, so the data
itself is tested here. New cue kinds, overlaps and exceptions must be added to
the fixed sets below on purpose.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from armsflow import model
from armsflow.lexicons import VERSION, designation_key, form_tokens, read_tsv

HEADERS: dict[str, list[str]] = {
    "actors.tsv": ["id", "lang", "kind", "form"],
    "people.tsv": ["id", "lang", "kind", "form"],
    "designations.tsv": ["form", "designation", "category", "producer", "lang"],
    "items.tsv": ["category", "lang", "match", "form"],
    "cues.tsv": ["kind", "lang", "match", "form"],
    "numbers.tsv": ["lang", "form", "value"],
    "abbreviations.tsv": ["lang", "form"],
}
FILES = sorted(HEADERS)

# The loader reads "*" as "both languages" everywhere except items.tsv, where
# it compares the language exactly: a "*" item row would be silently ignored.
LANGS: dict[str, set[str]] = {
    "actors.tsv": {"de", "en", "*"},
    "people.tsv": {"de", "en", "*"},
    "designations.tsv": {"de", "en", "*"},
    "items.tsv": {"de", "en"},
    "cues.tsv": {"de", "en", "*"},
    "numbers.tsv": {"de", "en", "*"},
    "abbreviations.tsv": {"de", "en", "*"},
}

ACTOR_KINDS = {"name", "name-gen", "adj", "demonym", "capital", "capital-gen", "metonym", "org"}
PEOPLE_KINDS = {"person", "title"}
ITEM_MATCHES = {"head", "word", "phrase"}
CUE_MATCHES = {"lemma", "word", "phrase"}

# Every cue kind the data may use. Code branches on these names; a new kind
# (or a typo) must be added here deliberately.
CUE_KINDS = {
    "agent",
    "ability",
    "select",
    "client",
    "pair_ref",
    "rule_out",
    "deontic",
    "idiom",
    "ongoing",
    "serve",
    "delay",
    "complete",
    "carry",
    "forces",
    "include",
    "producer",
    "request_noun",
    "train",
    "according",
    "accuse",
    "approve",
    "arrive",
    "buy",
    "carrier",
    "consider",
    "country_ref",
    "company_ref",
    "deal",
    "deny",
    "future",
    "get",
    "give",
    "give_noun",
    "go",
    "seize",
    "listing",
    "designate",
    "adopt",
    "react",
    "group_ref",
    "hearsay",
    "impose",
    "intend",
    "intent_deal",
    "decide",
    "lift",
    "link",
    "oppose",
    "investigate",
    "retract",
    "missile",
    "negation",
    "order",
    "past",
    "prevent",
    "promise",
    "pronoun",
    "refuse",
    "report",
    "request",
    "sanction",
    "say",
    "sell",
    "support",
    "threaten",
    "use",
}

# States an arms-transfer extractor cannot do without.
WELL_KNOWN_STATES = """
    USA RUS CHN DEU FRA GBR UKR IRN PRK KOR JPN IND PAK ISR TUR SAU ARE QAT EGY SYR IRQ JOR LBN YEM
    POL ITA ESP NLD BEL CZE SVK HUN ROU BGR GRC SWE FIN NOR DNK CAN AUS BRA BLR KAZ AZE ARM GEO MDA
    MLI NER BFA SDN LBY AFG VEN CUB TWN SRB
""".split()

# Designation forms that are also generic item words. The designation wins
# (it is matched first); each overlap here was reviewed.
DESIGNATION_ITEM_OVERLAPS = {("en", "kalashnikov"), ("de", "kalaschnikow")}


def expand(lang: str) -> tuple[str, ...]:
    return ("de", "en") if lang == "*" else (lang,)


def raw_lines(name: str) -> list[list[str]]:
    with (resources.files("armsflow.lexicons") / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, str]]]:
    return {name: read_tsv(name) for name in FILES}


@pytest.fixture(scope="module")
def actor_ids(rows) -> set[str]:
    return {row["id"] for row in rows["actors.tsv"]}


# --------------------------------------------------------------------------- shape


@pytest.mark.parametrize("name", FILES)
def test_header_exact(name):
    assert raw_lines(name)[0] == HEADERS[name]


@pytest.mark.parametrize("name", FILES)
def test_column_count(name):
    width = len(HEADERS[name])
    bad = [(n, line) for n, line in enumerate(raw_lines(name), 1) if len(line) != width]
    assert not bad, bad[:10]


@pytest.mark.parametrize("name", FILES)
def test_no_blank_or_padded_values(name):
    bad = []
    for n, line in enumerate(raw_lines(name), 1):
        for value in line:
            if not value or value != value.strip() or "  " in value:
                bad.append((n, line))
                break
    assert not bad, bad[:10]


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_rows(name):
    seen: dict[tuple[str, ...], int] = {}
    dups = []
    for n, line in enumerate(raw_lines(name)[1:], 2):
        key = tuple(line)
        if key in seen:
            dups.append((seen[key], n, line))
        seen.setdefault(key, n)
    assert not dups, dups[:10]


@pytest.mark.parametrize("name", FILES)
def test_languages(name, rows):
    bad = [row for row in rows[name] if row["lang"] not in LANGS[name]]
    assert not bad, bad[:10]


def test_version_is_semver():
    text = (resources.files("armsflow.lexicons") / "VERSION").read_text(encoding="utf-8")
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\n?", text), text
    assert VERSION == text.strip()


# --------------------------------------------------------------------------- actors


def test_actor_kinds(rows):
    assert {row["kind"] for row in rows["actors.tsv"]} <= ACTOR_KINDS
    assert {row["kind"] for row in rows["people.tsv"]} <= PEOPLE_KINDS


def test_actor_ids_are_iso_or_non_state(actor_ids):
    bad = sorted(i for i in actor_ids if not re.fullmatch(r"[A-Z]{3}", i) and i not in model.NON_STATE_ACTORS)
    assert not bad


def test_every_non_state_actor_has_entries(actor_ids):
    assert set(model.NON_STATE_ACTORS) <= actor_ids


def test_every_state_is_named_in_both_languages(rows, actor_ids):
    named: dict[str, set[str]] = defaultdict(set)
    for row in rows["actors.tsv"]:
        if row["kind"] == "name":
            named[row["id"]].update(expand(row["lang"]))
    states = {i for i in actor_ids if re.fullmatch(r"[A-Z]{3}", i)}
    missing = sorted(i for i in states if not {"de", "en"} <= named[i])
    assert not missing


def test_well_known_states_present(actor_ids):
    assert len(WELL_KNOWN_STATES) >= 40
    assert not sorted(set(WELL_KNOWN_STATES) - actor_ids)


def test_people_belong_to_known_actors(rows, actor_ids):
    bad = [row for row in rows["people.tsv"] if row["id"] not in actor_ids]
    assert not bad, bad[:10]


def test_actor_forms_are_unique(rows):
    """One (lang, form) is one entry across actors.tsv and people.tsv.

    The loader keeps the first entry for a token key, so a second row for the
    same form is dead at best and a wrong id at worst.
    """
    seen: dict[tuple[str, tuple[str, ...]], tuple[str, dict[str, str]]] = {}
    clashes = []
    for name in ("actors.tsv", "people.tsv"):
        for row in rows[name]:
            for lang in expand(row["lang"]):
                key = (lang, form_tokens(row["form"]))
                if key in seen:
                    clashes.append((seen[key], (name, row)))
                else:
                    seen[key] = (name, row)
    assert not clashes, clashes[:10]


# --------------------------------------------------------------------------- designations


def test_designation_categories(rows):
    bad = [row for row in rows["designations.tsv"] if row["category"] not in model.ITEM_CATEGORIES]
    assert not bad, bad[:10]


def test_designation_producers_are_actors(rows, actor_ids):
    """A producer is an actor, or "-" for a system several states make together (Eurofighter, NH90): the
    exporting state then depends on the deal, so the catalogue names none."""
    bad = [row for row in rows["designations.tsv"] if row["producer"] not in actor_ids and row["producer"] != "-"]
    assert not bad, bad[:10]
    joint = {row["designation"] for row in rows["designations.tsv"] if row["producer"] == "-"}
    assert {"Eurofighter Typhoon", "NH90", "Tornado"} <= joint


def test_designation_keys_are_unambiguous(rows):
    targets: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for row in rows["designations.tsv"]:
        key = designation_key(row["form"])
        assert key, row
        for lang in expand(row["lang"]):
            targets[(lang, key)].add((row["designation"], row["category"], row["producer"]))
    clashes = {k: v for k, v in targets.items() if len(v) > 1}
    assert not clashes


def test_one_category_and_producer_per_designation(rows):
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in rows["designations.tsv"]:
        seen[row["designation"]].add((row["category"], row["producer"]))
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes


def test_designation_catalogue_size(rows):
    assert len({row["designation"] for row in rows["designations.tsv"]}) >= 300


# --------------------------------------------------------------------------- items


def test_item_categories_and_matches(rows):
    bad = [
        row
        for row in rows["items.tsv"]
        if row["category"] not in model.ITEM_CATEGORIES or row["match"] not in ITEM_MATCHES
    ]
    assert not bad, bad[:10]


def test_item_forms_fit_their_match(rows):
    """Heads and words are single tokens; phrases have two or more (the phrase matcher tries no shorter)."""
    bad = []
    for row in rows["items.tsv"]:
        size = len(form_tokens(row["form"].lower()))
        if (row["match"] == "phrase") != (size > 1):
            bad.append(row)
    assert not bad, bad[:10]


def test_item_forms_are_unambiguous(rows):
    targets: dict[tuple[str, str, object], set[str]] = defaultdict(set)
    for row in rows["items.tsv"]:
        form = row["form"].lower()
        key = form_tokens(form) if row["match"] == "phrase" else form
        targets[(row["lang"], row["match"], key)].add(row["category"])
    clashes = {k: v for k, v in targets.items() if len(v) > 1}
    assert not clashes


def test_item_head_and_word_agree(rows):
    """A form that is both a head and a word names one category."""
    cats: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows["items.tsv"]:
        if row["match"] in ("head", "word"):
            cats[(row["lang"], row["form"].lower())].add(row["category"])
    clashes = {k: v for k, v in cats.items() if len(v) > 1}
    assert not clashes


def test_every_category_has_generic_words_in_both_languages(rows):
    assert len(model.ITEM_CATEGORIES) == 21
    langs: dict[str, set[str]] = defaultdict(set)
    for row in rows["items.tsv"]:
        langs[row["category"]].add(row["lang"])
    missing = {c: sorted({"de", "en"} - langs[c]) for c in model.ITEM_CATEGORIES if {"de", "en"} - langs[c]}
    assert not missing


# --------------------------------------------------------------------------- cues, numbers, abbreviations


def test_cue_kinds_are_deliberate(rows):
    assert {row["kind"] for row in rows["cues.tsv"]} == CUE_KINDS


def test_cue_matches(rows):
    bad = [row for row in rows["cues.tsv"] if row["match"] not in CUE_MATCHES]
    assert not bad, bad[:10]


def test_cue_forms_are_unique(rows):
    seen: dict[tuple[str, str, object], set[str]] = defaultdict(set)
    dups = []
    for row in rows["cues.tsv"]:
        form = row["form"].lower()
        key = form_tokens(form) if row["match"] == "phrase" else form
        for lang in expand(row["lang"]):
            if row["kind"] in seen[(lang, row["match"], key)]:
                dups.append(row)
            seen[(lang, row["match"], key)].add(row["kind"])
    assert not dups, dups[:10]


def test_cue_forms_fit_their_match(rows):
    """Words and lemmas are single tokens; phrases have two or more (the phrase matcher tries no shorter)."""
    bad = []
    for row in rows["cues.tsv"]:
        size = len(form_tokens(row["form"].lower()))
        if (row["match"] == "phrase") != (size > 1):
            bad.append(row)
    assert not bad, bad


def test_numbers(rows):
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows["numbers.tsv"]:
        assert re.fullmatch(r"[1-9]\d*", row["value"]), row
        assert row["form"] == row["form"].lower(), row
        for lang in expand(row["lang"]):
            forms[(lang, row["form"])].add(row["value"])
    clashes = {k: v for k, v in forms.items() if len(v) > 1}
    assert not clashes


def test_number_forms_are_single_tokens(rows):
    bad = [row for row in rows["numbers.tsv"] if len(form_tokens(row["form"])) != 1]
    assert not bad, bad


def test_abbreviations_end_with_a_period(rows):
    bad = [row for row in rows["abbreviations.tsv"] if not row["form"].endswith(".") or " " in row["form"]]
    assert not bad, bad[:10]


# --------------------------------------------------------------------------- shadowing


def test_no_actor_form_is_an_item_word(rows):
    """ "Panzer" must not be both a country's name and a tank; the actor would win."""
    item_forms = {(row["lang"], row["form"].lower()) for row in rows["items.tsv"] if row["match"] in ("head", "word")}
    item_phrases = {
        (row["lang"], form_tokens(row["form"].lower())) for row in rows["items.tsv"] if row["match"] == "phrase"
    }
    clashes = []
    for name in ("actors.tsv", "people.tsv"):
        for row in rows[name]:
            for lang in expand(row["lang"]):
                form = row["form"].lower()
                if (lang, form) in item_forms or (lang, form_tokens(form)) in item_phrases:
                    clashes.append((name, row))
    assert not clashes, clashes[:10]


def test_no_designation_is_an_actor_form(rows):
    designations = defaultdict(list)
    for row in rows["designations.tsv"]:
        for lang in expand(row["lang"]):
            designations[(lang, designation_key(row["form"]))].append(row["form"])
    clashes = []
    for name in ("actors.tsv", "people.tsv"):
        for row in rows[name]:
            for lang in expand(row["lang"]):
                key = (lang, designation_key(row["form"]))
                if key in designations:
                    clashes.append((row, designations[key]))
    assert not clashes, clashes[:10]


def test_no_designation_is_an_item_word_unless_reviewed(rows):
    designations = {
        (lang, designation_key(row["form"])) for row in rows["designations.tsv"] for lang in expand(row["lang"])
    }
    overlaps = {
        (row["lang"], row["form"].lower())
        for row in rows["items.tsv"]
        if row["match"] in ("head", "word") and (row["lang"], designation_key(row["form"])) in designations
    }
    assert overlaps == DESIGNATION_ITEM_OVERLAPS


def test_a_word_class_has_one_row_per_language():
    """Two rows for one class and language would merge silently, and the second note would replace the first."""
    seen: dict[tuple[str, str], int] = {}
    for row in read_tsv("words.tsv"):
        key = (row["class"], row["lang"])
        seen[key] = seen.get(key, 0) + 1
    assert [k for k, n in seen.items() if n > 1] == []


# --------------------------------------------------------------------------- cache of built lexicons

_LEXICON_PROBE = (
    "import json, pickle; from armsflow import lexicons as L; "
    "built = [L.build_lexicon(x) for x in ('de', 'en')]; got = [L.lexicon(x) for x in ('de', 'en')]; "
    "print(json.dumps({'equal': got == built, 'actors': len(got[0].actors), 'cues': len(got[1].cue_lemmas)}))"
)


def _lexicon_run(cache: str) -> dict:
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, ARMSFLOW_CACHE=cache)
    done = subprocess.run(
        [sys.executable, "-c", _LEXICON_PROBE], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout)


def test_built_lexicons_are_cached_and_read_back_equal(tmp_path):
    first = _lexicon_run(str(tmp_path))
    files = sorted(p.name.split("-")[0] for p in (tmp_path / "lexicons").glob("*.pickle"))
    assert files == ["de", "en"]
    assert not list(tmp_path.rglob("*.tmp"))  # written under a temporary name, then renamed
    stamp = {p: p.stat().st_mtime_ns for p in (tmp_path / "lexicons").glob("*.pickle")}
    second = _lexicon_run(str(tmp_path))
    assert first["equal"] and second["equal"]  # what the cache gives is what the files build
    assert first == second and first["actors"] > 1000
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "lexicons").glob("*.pickle")} == stamp  # read, not rebuilt


def test_a_damaged_or_unwritable_lexicon_cache_builds_in_memory(tmp_path):
    _lexicon_run(str(tmp_path))
    for path in (tmp_path / "lexicons").glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert _lexicon_run(str(tmp_path))["equal"]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    assert _lexicon_run(str(blocker))["equal"]


def test_lexicon_cache_name_changes_with_any_data_file(tmp_path, monkeypatch):
    import shutil

    from armsflow import lexicons

    copy = tmp_path / "data"
    shutil.copytree(Path(lexicons.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setattr(lexicons, "_DATA", copy)
    lexicons._fingerprint.cache_clear()
    before = lexicons._fingerprint()
    with (copy / "cues.tsv").open("a", encoding="utf-8") as handle:
        handle.write("# an edit\n")
    lexicons._fingerprint.cache_clear()
    after = lexicons._fingerprint()
    lexicons._fingerprint.cache_clear()
    assert before != after


def test_lexicon_fingerprint_read_back_by_stamps_is_the_one_the_files_give(tmp_path, monkeypatch):
    import os
    import shutil

    from armsflow import lexicons

    copy = tmp_path / "data"
    shutil.copytree(Path(lexicons.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setattr(lexicons, "_DATA", copy)
    monkeypatch.setenv("ARMSFLOW_CACHE", str(tmp_path / "cache"))
    fingerprints = []
    for _ in range(2):  # the first computes and records it, the second reads it back
        lexicons._fingerprint.cache_clear()
        fingerprints.append(lexicons._fingerprint())
    assert len(list((tmp_path / "cache" / "lexicons").glob("stamps-*.txt"))) == 1
    # An edit that keeps the size (one letter for another) changes the modification time: hashed again.
    cues = copy / "cues.tsv"
    text = cues.read_text(encoding="utf-8")
    cues.write_text(text.replace("liefern", "liefert", 1), encoding="utf-8")
    stat = cues.stat()
    os.utime(cues, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    lexicons._fingerprint.cache_clear()
    edited = lexicons._fingerprint()
    monkeypatch.setattr(lexicons, "_stamps", lambda entries: None)  # no stamps: the files are hashed
    lexicons._fingerprint.cache_clear()
    hashed = lexicons._fingerprint()
    lexicons._fingerprint.cache_clear()
    assert "liefern" in text and cues.stat().st_size == len(text.encode("utf-8"))
    assert fingerprints[0] == fingerprints[1] != edited == hashed


def test_the_lexicon_cache_keeps_only_the_newest_versions(tmp_path, monkeypatch):
    """Every lexicon version leaves a pickle; writing a new one deletes all but the newest KEEP_CACHED per
    language (older versions' files, here stand-ins with older modification times), and other languages'
    files are left alone."""
    import os

    from armsflow import lexicons

    folder = tmp_path / "lexicons"
    folder.mkdir()
    for k in range(10):
        for lang in ("de", "en"):
            old = folder / f"{lang}-old{k:02d}.pickle"
            old.write_bytes(b"an older version")
            os.utime(old, ns=(10**18 + k * 10**9, 10**18 + k * 10**9))
    monkeypatch.setenv("ARMSFLOW_CACHE", str(tmp_path))
    lexicons.lexicon.cache_clear()
    try:
        built = lexicons.lexicon("de")
    finally:
        lexicons.lexicon.cache_clear()
    kept = sorted(p.name for p in folder.glob("de-*.pickle"))
    current = f"de-{lexicons._fingerprint()}.pickle"
    assert len(kept) == lexicons.KEEP_CACHED and current in kept
    # the newest stand-ins stay, the oldest go
    assert "de-old09.pickle" in kept and "de-old00.pickle" not in kept
    assert len(list(folder.glob("en-*.pickle"))) == 10
    assert built.actors  # the lexicon itself came out whole


def test_hyphenated_designations_match_with_a_space():
    """ "Fath-360" is listed as one token; reports also write "Fath 360" and "MiG 29", two tokens: the matcher
    must look for two-token spellings starting with "Fath" and "MiG"."""
    from armsflow.lexicons import lexicon

    for lang in ("de", "en"):
        lex = lexicon(lang)
        for first in ("Fath", "MiG"):
            assert lex.designation_starts[designation_key(first)] >= 2


def test_a_designation_written_with_a_space_is_found():
    from armsflow.lexicons import lexicon
    from armsflow.mentions import find_items
    from armsflow.text.segment import tokenize as split

    tokens = split("Der Iran lieferte Raketen vom Typ Fath 360 an Russland.", "de")
    found = find_items(tokens, lexicon("de"))
    assert [(it.category, it.designation) for it in found if it.designation] == [("ballistic-missile", "Fath 360")]
