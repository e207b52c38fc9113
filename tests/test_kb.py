"""The Python API of the knowledge base (``armsflow.open``), on both backends, against the query layer."""

from __future__ import annotations

import io
import json

import pytest

import armsflow
from armsflow.cli import sample_path
from armsflow.kb import Actor, Evidence, Record, StoredDocument
from armsflow.query import QueryError, RecordFilter, records

REPORT = "Iran has delivered 40 Shahed-136 drones to Russia, Ukrainian intelligence said on Saturday."


def test_open_ingest_and_query_records(db_url):
    with armsflow.open(db_url) as kb:
        summary = kb.ingest(sample_path())
        assert summary.new >= 30 and summary.failed == 0
        assert kb.add(REPORT, id="report-1", date="2024-03-02", publisher="Harbour Post") is True
        assert kb.add("  " + REPORT + "\n") is False  # the same text, however spaced
        found = kb.transfers(supplier="Iran", recipient="Russland", item="Shahed-136")
        assert len(found) == 1 and isinstance(found[0], Record)
        shahed = found[0]
        assert (shahed.supplier, shahed.supplier_name, shahed.recipient_name) == ("IRN", "Iran", "Russia")
        # records key on the family; the variant and the names the texts gave are kept beside it
        assert (shahed.designation, shahed.variant) == ("Shahed", "Shahed-136") and 40 in shahed.quantities
        assert "Shahed-136" in shahed.reported_as
        # the same records, in the same order, as the query layer behind `armsflow transfers`
        ukr = kb.transfers(actor="UKR", limit=500)
        assert [r.id for r in ukr] == [r["id"] for r in records(kb.store, RecordFilter(actor="UKR", limit=500))]
        assert kb.sanctions(imposer="EU") and all(r.imposer == "EU" for r in kb.sanctions(imposer="EU"))

        full = kb.record(shahed.id)
        assert full is not None and full.evidence and all(isinstance(e, Evidence) for e in full.evidence)
        sentence = next(e for e in full.evidence if e.publisher == "Harbour Post")
        assert (sentence.doc_key, sentence.reported) == ("report-1", "2024-03-02")
        assert REPORT[sentence.start_char : sentence.end_char] == sentence.evidence
        assert kb.record("0000000000000000") is None
        as_dict = json.loads(json.dumps(full.to_dict()))
        assert as_dict["evidence"][0]["event_id"] == full.evidence[0].event_id
        assert (as_dict["supplier_name"], as_dict["recipient_name"]) == ("Iran", "Russia")

        russia = kb.actor("Russland")
        assert isinstance(russia, Actor) and (russia.id, russia.name, russia.name_de) == ("RUS", "Russia", "Russland")
        assert any(r.partner == "IRN" and r.partner_name == "Iran" for r in russia.receives)

        docs = kb.documents(search="Shahed")
        assert docs and all(isinstance(d, StoredDocument) for d in docs)
        one = kb.document("report-1")
        assert one is not None and one.text == REPORT and one.events and one.publisher == "Harbour Post"
        assert kb.counts()["documents"] == summary.new + 1


def test_filters_raise_query_errors_and_unknown_names_are_type_errors(db_url):
    with armsflow.open(db_url) as kb:
        kb.ingest(sample_path())
        with pytest.raises(QueryError, match="Atlantis"):
            kb.transfers(supplier="Atlantis")
        with pytest.raises(QueryError, match="2024-13"):
            kb.transfers(since="2024-13")
        with pytest.raises(TypeError, match="suplier"):
            kb.transfers(suplier="IRN")


def test_export_and_iter_records_stream_the_selection(db_url):
    with armsflow.open(db_url) as kb:
        kb.ingest(sample_path())
        streamed = list(kb.iter_records(actor="UKR", type="transfer"))
        assert {r.id for r in streamed} == {r.id for r in kb.transfers(actor="UKR", limit=500)}
        assert all(r.evidence for r in streamed)
        out = io.StringIO()
        assert kb.export("json", out, actor="UKR", type="transfer") == len(streamed)
        assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [r.id for r in streamed]


def test_the_readme_example_runs_and_prints_what_it_says(tmp_path, monkeypatch, capsys):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Knowledge base from Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Iran → Russia Shahed-136 delivered [40]"
    assert out[1].startswith("  2024-03-02 delivered Iran has delivered 40 Shahed-136 drones to Russia")
    assert out[2] == "Russia Russland ['Iran']"
