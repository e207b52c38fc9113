"""The quality floor: extraction on the public dev corpus, scored by the official scorer.

Floors only ever go up (trafilatura's habit): a change that lowers a figure
below its floor fails CI.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from armsflow import Document, extract_document
from tests.conftest import DEV, read_jsonl

# Raised as quality rises; never lowered.
FLOOR_HEADLINE_F1 = 0.0
FLOOR_LANGUAGE_F1 = 0.0
FLOOR_STATUS_ACCURACY = 0.0


@pytest.fixture(scope="module")
def report(shared, tmp_path_factory):
    pred = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(DEV.glob("*docs.jsonl")):
            for row in read_jsonl(path):
                doc = Document(id=row["id"], text=row["text"], lang=row.get("lang"))
                out.write(json.dumps(extract_document(doc).to_dict(), ensure_ascii=False) + "\n")
    scorer = shared / "eval" / "score.py"
    done = subprocess.run([sys.executable, str(scorer), str(pred), "--set", str(DEV), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_headline_f1_floor(report):
    assert report["headline_f1"] >= FLOOR_HEADLINE_F1


def test_each_language_floor(report):
    for lang, figures in report["by_language_strict"].items():
        assert figures["f1"] >= FLOOR_LANGUAGE_F1, lang


def test_status_accuracy_floor(report):
    assert (report["status"]["accuracy"] or 0) >= FLOOR_STATUS_ACCURACY


def test_no_evidence_outside_text(report):
    assert report["evidence_not_in_text"] == 0


def test_every_document_answered(report):
    assert report["documents_without_prediction"] == 0
