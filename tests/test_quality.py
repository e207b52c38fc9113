"""The quality floor: extraction on the public dev corpus, scored by the official scorer.

Floors only ever go up (trafilatura's habit): a change that lowers a figure
below its floor fails CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from armsflow import Document, extract_document
from tests.conftest import DEV, read_jsonl

# Raised as quality rises; never lowered.
FLOOR_HEADLINE_F1 = 0.83
FLOOR_LANGUAGE_F1 = 0.82
FLOOR_STATUS_ACCURACY = 0.98


def _score(shared, tmp_path, dev_dir, pattern="*docs.jsonl") -> dict:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted(dev_dir.glob(pattern)):
            for row in read_jsonl(path):
                doc = Document(
                    id=row["id"], text=row["text"], lang=row.get("lang"), title=row.get("title"), date=row.get("date")
                )
                out.write(json.dumps(extract_document(doc).to_dict(), ensure_ascii=False) + "\n")
    scorer = shared / "eval" / "score.py"
    done = subprocess.run(
        [sys.executable, str(scorer), str(pred), "--set", str(dev_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def report(shared, tmp_path_factory):
    return _score(shared, tmp_path_factory.mktemp("dev"), DEV)


@pytest.fixture(scope="module")
def seed_report(shared, tmp_path_factory):
    seed_dir = tmp_path_factory.mktemp("seed")
    for name in ("seed.docs.jsonl", "seed.gold.jsonl"):
        shutil.copy(DEV / name, seed_dir / name)
    return _score(shared, tmp_path_factory.mktemp("seedpred"), seed_dir)


def test_seed_is_exactly_right(seed_report):
    """The article armsflow started from: all 13 required events, right status and source, nothing else."""
    strict = seed_report["strict"]["all"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (13, 0, 0)
    assert seed_report["status"]["accuracy"] == 1.0
    assert seed_report["source"]["accuracy"] == 1.0


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
