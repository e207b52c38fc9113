"""The rule engine: named rules with their examples, traces, the status table, explain, per-rule figures
and confidence."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from armsflow import Document, extract_document
from armsflow.cli import main
from armsflow.confidence import combine, expected_calibration_error, word_count
from armsflow.lexicons import UnknownWordClass, kind_group, words
from armsflow.rules import all_examples, catalogue
from armsflow.rules.check import CORE, PACKAGE, problems
from armsflow.rules.reference import reference
from armsflow.rules.verify import check_example
from armsflow.status import decide
from tests.conftest import ROOT, SHARED

EVAL = SHARED / "eval"
needs_eval = pytest.mark.skipif(not (EVAL / "dev").is_dir(), reason="../shared/eval is not beside the repository")


def test_rules_words_kinds_examples_and_code_are_consistent():
    assert problems() == []


def test_an_unknown_word_class_or_kind_group_fails_at_load_time():
    with pytest.raises(UnknownWordClass, match="words.tsv"):
        words("prep.no-such-class")
    with pytest.raises(KeyError, match="cue_kinds.tsv"):
        kind_group("no-such-group")


def test_the_check_catches_a_rule_the_catalogue_does_not_describe():
    from armsflow.rules.check import _code_problems

    source = "\n".join((PACKAGE / name).read_text(encoding="utf-8") for name in CORE)
    found = _code_problems(source + '\nfire(frame, "roles.give.invented-for-this-test")\n')
    assert any("roles.give.invented-for-this-test" in p for p in found)


EXAMPLES = all_examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['rule']}:{e['where'].rsplit('/', 1)[-1]}" for e in EXAMPLES])
def test_rule_example(example):
    """Each rule fires on its examples, stays silent on its contrasts, and the sentence gives exactly the
    events the example expects (written by the contract)."""
    assert check_example(example) is None, f"{example['where']}: {example['text']}"


def test_every_rule_has_an_example_and_a_contrast():
    rules = catalogue()
    bare = [rid for rid, r in rules.items() if not any(not e.get("contrast") for e in r.examples)]
    uncontrasted = [rid for rid, r in rules.items() if not any(e.get("contrast") for e in r.examples)]
    assert not bare, f"rules without an example: {bare}"
    assert not uncontrasted, f"rules without a contrast: {uncontrasted}"


def test_the_rules_reference_is_up_to_date():
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == reference(), "docs/rules.md is out of date: run `armsflow rules docs`"


def test_every_rule_id_can_be_found_with_grep():
    """A newcomer finds the code or data row behind any event's rule with one grep of its id."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE).rglob("*.py"))
    text += (PACKAGE / "rules" / "status.tsv").read_text(encoding="utf-8")
    missing = [rid for rid in catalogue() if f'"{rid}"' not in text and f"{rid}\t" not in text]
    assert not missing


# --------------------------------------------------------------------------- traces


def test_events_carry_their_trace_rule_and_confidence():
    text = (
        "Der Iran hat Russland nach US-Angaben Hunderte Drohnen geliefert. Teheran bestreitet das. "
        "Die EU verhängte daraufhin neue Sanktionen gegen iranische Drohnenhersteller."
    )
    events = extract_document(Document(id="t", text=text, lang="de")).events
    assert {(e.type, e.status) for e in events} >= {("transfer", "delivered"), ("transfer", "denied")}
    rules = catalogue()
    for e in events:
        assert e.trace and e.rule in e.trace
        assert all(rid in rules for rid in e.trace)
        assert 0.0 <= e.confidence <= 1.0
    delivered = next(e for e in events if e.status == "delivered")
    assert delivered.trace[0] == "trigger.give"
    assert "source.de.attribution-compound" in delivered.trace
    denied = next(e for e in events if e.status == "denied")
    assert denied.rule == "discourse.denial-of-previous"


def test_a_refused_request_is_named_by_the_refusal_not_the_request():
    events = extract_document(
        Document(id="t", text="Chile has rejected Peruvian requests for Spike missiles.", lang="en")
    ).events
    # the refusal names the event; the request it answers is stated too (the contract keeps it as requested)
    assert sorted((e.supplier, e.recipient, e.status, e.rule) for e in events) == [
        ("CHL", "PER", "refused", "roles.answered-request"),
        ("CHL", "PER", "requested", "roles.answered-request"),
    ]


@needs_eval
def test_every_event_of_the_dev_corpus_has_a_trace_of_known_rules():
    rules = catalogue()
    for line in (EVAL / "dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines()[:30]:
        row = json.loads(line)
        for e in extract_document(Document(id=row["id"], text=row["text"], lang=row["lang"])).events:
            assert e.trace and e.rule in e.trace and set(e.trace) <= set(rules), (row["id"], e.trace)


# --------------------------------------------------------------------------- the status table


@pytest.mark.parametrize(
    ("kind", "mods", "flags", "expected"),
    [
        ("give", set(), set(), [("delivered", False)]),
        ("give", {"future"}, set(), [("planned", False)]),
        ("give", {"deny"}, set(), [("denied", True)]),
        ("give", {"consider", "future"}, set(), [("considered", False)]),  # a hedge over the verb
        ("give", {"negation"}, set(), [("refused", False)]),  # the story's own account
        ("give", {"negation"}, {"attributed"}, [("denied", False)]),  # a rebutted claim
        ("buy", {"future"}, set(), [("requested", False)]),
        ("get", {"order"}, set(), [("delivered", False), ("agreed", False)]),
        ("request", {"refuse"}, set(), [("requested", False)]),  # refusing is no refusal of a request's asker
        ("give_noun", set(), {"role_noun"}, [("delivered", False)]),  # "Indiens wichtigster Lieferant"
        ("give_noun", {"future"}, {"role_noun"}, [("planned", False)]),  # "will become its main supplier"
        ("give_noun", {"negation"}, {"role_noun"}, []),  # "no longer its main supplier": no transfer stated
    ],
)
def test_status_follows_the_table(kind, mods, flags, expected):
    assert decide("transfer", kind, frozenset(mods), frozenset(flags)).statuses == expected


def test_the_status_table_names_the_rows_it_used():
    decision = decide("transfer", "give", frozenset({"deny"}), frozenset({"reported_by_report"}))
    assert decision.rules[0] == "status.denied-rejecting-report"
    assert decision.statuses == [("denied", True), ("delivered", False)]


# --------------------------------------------------------------------------- explain and rules commands


def test_explain_shows_mentions_frames_rules_and_rejections(capsys):
    code = main(["explain", "--lang", "en", "Norway will lease two frigates from Spain. Drones attacked Kyiv."])
    out = capsys.readouterr().out
    assert code == 0
    assert "sentence 1: Norway will lease two frigates from Spain." in out
    assert "ESP → NOR ship ×2: planned" in out
    assert "roles.give.lease-from: Leasing from someone is receiving" in out
    assert "rejected by filter" in out  # the attack is use, not a transfer


def test_explain_json_and_errors(capsys):
    assert main(["explain", "--format", "json", "Die USA liefern Polen Panzer."]) == 0
    data = json.loads(capsys.readouterr().out)
    events = [e for s in data["sentences"] for e in s["events"]]
    assert [(e["supplier"], e["recipient"], e["item"]) for e in events] == [("USA", "POL", "armoured-vehicle")]
    assert data["sentences"][0]["tokens"][2] == {"text": "liefern", "lemma": "liefern"}
    assert data["sentences"][0]["frames"][0]["trace"][0] == "trigger.give"
    assert main(["explain", ""]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["explain", "Le gouvernement a livré des chars."]) == 1
    assert "not supported" in capsys.readouterr().err


def test_explain_a_stored_document(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    doc = tmp_path / "one.txt"
    doc.write_text("Spain has delivered six Caesar howitzers to Estonia.", encoding="utf-8")
    assert main(["ingest", "--db", db, "--quiet", str(doc)]) == 0
    capsys.readouterr()
    assert main(["docs", "--db", db, "--format", "json"]) == 0
    doc_id = json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    assert main(["explain", "--db", db, "--doc", doc_id]) == 0
    assert "ESP → EST artillery" in capsys.readouterr().out
    assert main(["explain", "--db", db, "--doc", "nope"]) == 1
    assert "no document 'nope'" in capsys.readouterr().err


def test_rules_list_and_check(capsys):
    assert main(["rules", "--stage", "role", "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "roles.de.durch-agent" in out and "roles.give.lease-from" in out and "trigger.give" not in out
    assert main(["rules", "check"]) == 0


@needs_eval
def test_rules_stats_counts_true_and_false_positives_per_rule(capsys):
    assert main(["rules", "stats", "--set", str(EVAL / "probes"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    from armsflow.evaluate import judge, load_set

    result = judge(load_set(EVAL / "probes"))
    tp, fp, _ = result.counts()
    by_rule = {r["rule"]: r for r in data["rules"]}
    # every judged event has exactly one trigger or follow-up rule at its head: the heads add up
    heads = [j.event.trace[0] for j in result.judged if j.verdict in ("tp", "fp")]
    for head in set(heads):
        assert by_rule[head]["tp"] + by_rule[head]["fp"] == heads.count(head)
    assert sum(by_rule[h]["tp"] for h in set(heads)) == tp
    assert sum(by_rule[h]["fp"] for h in set(heads)) == fp
    assert data["never_fired"] and all(rid in catalogue() for rid in data["never_fired"])
    assert main(["rules", "stats"]) == 2
    assert main(["rules", "stats", "--set", "/no/such/folder"]) == 2


@needs_eval
def test_the_package_scores_sets_as_the_contracts_scorer_does(tmp_path):
    from armsflow.evaluate import judge, load_set

    pred = tmp_path / "pred.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "armsflow.cli", "extract", str(EVAL / "styles" / "fast.docs.jsonl")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    pred.write_text(done.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(pred), "--set", str(EVAL / "styles"), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    official = json.loads(scored.stdout)["strict"]["all"]
    docs = [d for d in load_set(EVAL / "styles") if d.doc.id.startswith(tuple({json.loads(x)["id"][:5] for x in
            (EVAL / "styles" / "fast.docs.jsonl").read_text(encoding="utf-8").splitlines()}))]  # fmt: skip
    ours = judge(docs)
    tp, fp, _ = ours.counts()
    assert (tp, fp) == (official["tp"], official["fp"])


# --------------------------------------------------------------------------- confidence


def test_records_combine_independent_reports():
    assert combine([0.5, 0.5]) == 0.75
    assert combine([0.9]) == 0.9
    assert combine([]) == 0.0


def test_the_shipped_confidence_model_is_the_one_that_scores():
    """The model comes from the package's ``rules/confidence.json`` (compiled or from sources): a missing file
    falls back to a neutral model that gives every event 0.5, which no check on ranges would notice."""
    from armsflow import extract
    from armsflow.confidence import MODEL_FILE, model

    shipped = json.loads((Path(__file__).resolve().parents[1] / "src" / "armsflow" / "rules" / MODEL_FILE).read_text())
    assert model().rule_precision == shipped["rule_precision"] and model().bias == shipped["bias"]
    events = extract("Der Iran hat Russland im Sommer Hunderte Kampfdrohnen geliefert.")
    assert events and all(e.confidence != 0.5 for e in events)


def test_word_count_agrees_with_split():
    """Scoring counts evidence words without splitting when only single spaces separate them: the count must
    be what ``str.split`` gives for every kind of white space, with and without the shortcut."""
    import random

    spaces = [
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x1f",
        "\x85",
        "\xa0",
        "\u2009",
        "\u2028",
        "\u3000",
        "\u202f",
    ]
    words = ["Iran", "liefert", "Drohnen", "„Shahed“", "—", "T-72B3", "Mi-17", "é", "100", "dass,", "x"]
    rnd = random.Random(11)
    texts = ["", " ", "Drohnen", " Drohnen", "Drohnen ", "a b", "a  b"]
    for _ in range(3000):
        size = rnd.randrange(1, 60)
        parts = [rnd.choice(words) for _ in range(size)]
        seps = [" " if rnd.random() < 0.9 else rnd.choice(spaces) for _ in range(size)]
        text = "".join(p + s for p, s in zip(parts, seps, strict=True))
        texts.append(text if rnd.random() < 0.5 else text.rstrip(" "))
    shortcut = 0
    for text in texts:
        for most in (20, 41):
            assert word_count(text, most) == len(text.split(None, most)), repr(text)
        shortcut += " " in text and text.isprintable() and "  " not in text and not text.endswith(" ")
    assert shortcut > 100  # the shortcut was taken, not only the split


def test_expected_calibration_error():
    assert expected_calibration_error([(0.9, 1)] * 9 + [(0.9, 0)]) == pytest.approx(0.0)
    assert expected_calibration_error([(0.9, 0)] * 10) == pytest.approx(0.9)


@needs_eval
def test_confidence_is_calibrated_on_documents_it_never_saw():
    """Cross-validation over documents of the public corpora: the shipped kind of model is calibrated
    (expected calibration error ≤ 0.08) and beats the per-rule precision floor."""
    from armsflow.calibration import cross_validate, samples_by_doc
    from armsflow.evaluate import load_set

    docs = [d for name in ("dev", "styles", "probes") for d in load_set(EVAL / name)]
    figures = {f.name: f for f in cross_validate(samples_by_doc(docs), folds=5)}
    assert figures["logistic"].ece <= 0.08
    assert figures["logistic"].log_loss <= figures["rule precision"].log_loss
    assert figures["logistic"].precision_at_08 is not None and figures["logistic"].precision_at_08 >= 0.8


def test_min_confidence_filters_extraction(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("Spain has delivered six Caesar howitzers to Estonia.", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    all_events = json.loads(capsys.readouterr().out)["events"]
    assert all_events and all(0 < e["confidence"] <= 1 for e in all_events)
    assert main(["extract", "--min-confidence", "1", str(doc)]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []
    assert main(["extract", "--min-confidence", "1.5", str(doc)]) == 2


def test_records_have_confidence_and_filter_by_it(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    assert main(["ingest", "--db", db, "--samples", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["transfers", "--db", db, "--format", "json", "--limit", "1000"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(0 < r["confidence"] <= 1 for r in rows)
    floor = sorted(r["confidence"] for r in rows)[len(rows) // 2]
    assert main(["transfers", "--db", db, "--format", "json", "--limit", "1000", "--min-confidence", str(floor)]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert kept and len(kept) < len(rows) and all(r["confidence"] >= floor for r in kept)
    assert main(["transfers", "--db", db, "--min-confidence", "x"]) == 2
    out = tmp_path / "high.json"
    assert main(["export", "--db", db, "--format", "json", "--min-confidence", str(floor), "-o", str(out)]) == 0
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported and all(r["confidence"] >= floor for r in exported)
    assert re.search(r"\d+ json items exported", capsys.readouterr().err)
