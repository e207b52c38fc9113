"""The JSON line `armsflow extract` writes is the one json.dumps gives for the result's dict."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from armsflow import Document, extract_document
from armsflow.eventjson import result_line
from armsflow.model import DocumentResult, Event

from .conftest import read_jsonl


def _dumps(result: DocumentResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def test_every_public_document_gives_the_same_line(shared):
    lines = 0
    events = 0
    for name in ("dev", "styles", "probes"):
        for path in sorted((shared / "eval" / name).glob("*docs.jsonl")):
            for row in read_jsonl(path):
                doc = Document(id=row["id"], text=row["text"], lang=row.get("lang"), title=row.get("title"))
                result = extract_document(doc)
                assert result_line(result) == _dumps(result), row["id"]
                lines += 1
                events += len(result.events)
    assert lines > 100 and events > 500


@pytest.mark.parametrize(
    "event",
    [
        # quotes, backslashes, control characters, line and paragraph separators, non-Latin letters
        Event(
            type="transfer",
            status='de"livered\\',
            evidence='Er sagte: "Drohnen"\n\t\x00\x1f\x7f \u2028\u2029 Дроны 无人机 🚀',
            start=0,
            end=12,
            rule="r\b\f\r",
            supplier="IRN",
            recipient=None,
            item="uav",
            designation="Shahed-136",
            quantity=2**70,
            source="Reuters",
            trace=["a", 'b"', ""],
            confidence=0.1 + 0.2,
        ),
        Event(type="sanction", status="imposed", evidence="", start=-1, end=0, rule="", imposer="EU", target="RUS"),
        # values of unexpected types are left to json.dumps
        Event(type="transfer", status="agreed", evidence="e", start=True, end=3, rule="r", quantity=1.5),  # type: ignore[arg-type]
        Event(type="transfer", status="agreed", evidence="e", start=0, end=3, rule="r", confidence=float("nan")),
        Event(type="sanction", status="planned", evidence="e", start=0, end=3, rule="r", target=7),  # type: ignore[arg-type]
    ],
)
def test_odd_values_give_the_same_line(event):
    result = DocumentResult('doc "1"\n', None, [event, event])
    assert result_line(result) == _dumps(result)
    assert json.loads(result_line(result))["events"][0]["evidence"] == event.evidence


def test_a_result_without_events():
    assert result_line(DocumentResult("d", "en", [])) == '{"id": "d", "lang": "en", "events": []}'


def test_extract_command_writes_the_lines(tmp_path):
    text = "Der Iran hat Russland Drohnen geliefert. Norwegen lieferte der Ukraine zwölf Panzer."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "de", "text": text}) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "armsflow.cli", "extract", str(path)], capture_output=True, text=True, check=True
    ).stdout
    expected = _dumps(extract_document(Document(id="a", text=text, lang="de")))
    assert out == expected + "\n"
    assert len(json.loads(out)["events"]) == 2


def test_a_document_id_of_another_type_is_written_as_json_dumps_writes_it():
    event = Event(type="sanction", status="imposed", evidence="e", start=0, end=1, rule="r", imposer="EU")
    result = DocumentResult(17, "de", [event])  # type: ignore[arg-type]
    assert result_line(result) == _dumps(result)
