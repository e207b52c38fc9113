"""``armsflow batch --engine local`` and ingesting its output; Spark's engine is in test_spark.py.

The reference for every event is ``armsflow extract`` on the same documents; the expected event
ids are computed here from the contract (content hash of the text, then the event's key), not
taken from the code under test.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from armsflow.cli import main
from armsflow.store import Store
from tests.conftest import DEV
from tests.test_cli import DE, DE_KOREA, DE_TURKEY, EN, FR

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

EVENT_KEYS = ("type", "supplier", "recipient", "item", "designation", "quantity", "imposer", "target", "status",
              "source", "evidence", "start", "end", "rule", "trace", "confidence")  # fmt: skip


# ---------------------------------------------------------------- helpers (shared with test_spark.py)


def dev_corpus(tmp_path: Path) -> Path:
    """The public dev documents (German and English, newswire and press) as one JSONL file."""
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is not beside the repository")
    path = tmp_path / "dev.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for name in ("docs.jsonl", "wire.docs.jsonl", "seed.docs.jsonl"):
            out.write((DEV / name).read_text(encoding="utf-8"))
    return path


def extracted(capsys, path: Path) -> dict[str, list[dict]]:
    """``armsflow extract PATH``: each document's events, by document id."""
    assert main(["extract", str(path)]) in (0, 1)
    out, _err = capsys.readouterr()
    return {doc["id"]: doc["events"] for doc in map(json.loads, out.splitlines())}


def dataset(output: Path, name: str) -> list[dict]:
    """The rows of one dataset of a batch output, whichever engine and format wrote it."""
    fmt = json.loads((output / "_armsflow_batch.json").read_text())["format"]
    folder = output / name
    if fmt == "parquet":
        return pq.read_table(folder).to_pylist()
    rows = []
    for part in sorted(folder.iterdir()):
        if part.suffix in (".json", ".jsonl") and not part.name.startswith((".", "_")):
            rows += [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def expected_event_id(text: str, event: dict) -> str:
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    doc_hash = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20]
    if event["type"] == "transfer":
        key = ("transfer", event["supplier"] or "", event["recipient"] or "", event["item"] or "", event["status"])
    else:
        key = ("sanction", event["imposer"] or "", event["target"] or "", event["status"])
    return hashlib.sha1("\x1f".join((doc_hash, *key)).encode("utf-8")).hexdigest()[:16]


def assert_same_as_extract(output: Path, corpus: Path, reference: dict[str, list[dict]]) -> None:
    """Every document of ``corpus`` is in ``output`` with exactly ``extract``'s events, in its order."""
    texts = {row["id"]: row["text"] for row in map(json.loads, corpus.read_text(encoding="utf-8").splitlines())}
    docs = dataset(output, "documents")
    assert sorted(d["id"] for d in docs) == sorted(reference)
    by_doc: dict[str, list[dict]] = {doc_id: [] for doc_id in reference}
    for row in dataset(output, "events"):
        by_doc[row["document_id"]].append(row)
    assert sum(map(len, by_doc.values())) == sum(map(len, reference.values())) > 100
    for doc_id, events in reference.items():
        got = by_doc[doc_id]
        # extract writes only the fields of its event type; batch rows have every column
        assert [{k: r[k] for k in e} for r, e in zip(got, events, strict=True)] == events, doc_id
        assert [r["event_id"] for r in got] == [expected_event_id(texts[doc_id], e) for e in events]
    for doc in docs:
        assert [e["event_id"] for e in doc["events"]] == [r["event_id"] for r in by_doc[doc["id"]]]
        assert doc["n_events"] == len(doc["events"]) and doc["text"] == texts[doc["id"]]


def bad_rows(tmp_path: Path) -> Path:
    """One good document among the kinds of bad record an archive holds, one a line."""
    lines = [
        b"\xef\xbb\xbf" + json.dumps({"id": "good", "text": DE, "date": "2024-02-01"}).encode(),  # after a BOM
        b'{"id": "broken", "text": "Der Iran',  # not JSON
        json.dumps({"id": "no-text", "title": "Nur ein Titel"}).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps({"id": "french", "text": FR}).encode(),
        b"\xff\xfe\x00\x01\x02binary\x00\x00",  # not text at all
        b"",  # a blank line is no record
        json.dumps({"id": "bad-date", "text": EN, "date": "2024-13-45"}).encode(),
        json.dumps({"text": EN}).encode(),  # no id: named after the file and line, as extract names it
        json.dumps({"id": "huge-number", "text": "Iran delivered 99999999999999999999999 drones to Russia."}).encode(),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


EXPECTED_REJECTS = {
    # line: (id, reason)
    2: (None, "bad JSONL line"),
    3: ("no-text", "no text"),
    4: ("empty", "empty"),
    5: ("french", "unsupported language"),
    6: (None, "binary file"),
    8: ("bad-date", "bad date"),
    10: ("huge-number", "other"),  # a quantity no 64-bit integer holds
}


def assert_rejects(output: Path) -> None:
    rejects = {r["line"]: r for r in dataset(output, "rejects")}
    assert {n: (r["id"], r["reason"]) for n, r in rejects.items()} == EXPECTED_REJECTS
    assert all(Path(r["source"]).name == "mixed.jsonl" and r["message"] for r in rejects.values())
    assert "2024-13-45" in rejects[8]["message"] and "is not supported (de, en)" in rejects[5]["message"]
    assert "99999999999999999999999 does not fit a 64-bit integer" in rejects[10]["message"]
    assert rejects[2]["excerpt"] == '{"id": "broken", "text": "Der Iran'
    docs = {d["id"]: d for d in dataset(output, "documents")}
    assert sorted(docs) == ["good", "mixed-9"]
    assert docs["good"]["n_events"] >= 1 and docs["mixed-9"]["n_events"] >= 1
    manifest = json.loads((output / "_armsflow_batch.json").read_text())
    assert (manifest["documents"], manifest["rejects"]) == (2, 7)


def files_of(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- the local engine


def test_local_batch_gives_extracts_events_on_the_dev_corpus(tmp_path, capsys):
    corpus = dev_corpus(tmp_path)
    reference = extracted(capsys, corpus)
    code = main(["batch", str(corpus), str(tmp_path / "out"), "--jobs", "2"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    assert_same_as_extract(tmp_path / "out", corpus, reference)
    assert re.search(rf"{len(reference)} documents, \d+ events, 0 rejected", err)


def test_bad_records_go_to_rejects_with_their_reason(tmp_path, capsys):
    code = main(["batch", str(bad_rows(tmp_path)), str(tmp_path / "out"), "--jobs", "1"])
    _out, err = capsys.readouterr()
    assert code == 0  # bad records never fail the run
    assert "2 documents" in err and "7 rejected" in err and "1 bad JSONL line" in err
    assert_rejects(tmp_path / "out")


def test_parquet_input_with_bad_rows_and_jsonl_output(tmp_path, capsys):
    table = pa.table(
        {
            "id": ["p1", "p2", "p3", None],
            "text": [DE.encode(), b"\x00\x01\x02\x03", None, EN.encode("cp1252")],
            "date": pa.array([None, None, None, 20240105], pa.int64()),  # not a date: rejected
        }
    )
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    code = main(["batch", str(source), str(tmp_path / "out"), "--format", "jsonl"])
    assert code == 0, capsys.readouterr().err
    docs = dataset(tmp_path / "out", "documents")
    assert [d["id"] for d in docs] == ["p1"] and docs[0]["events"][0]["supplier"] == "IRN"
    rejects = {r["line"]: (r["id"], r["reason"]) for r in dataset(tmp_path / "out", "rejects")}
    assert rejects == {2: ("p2", "binary file"), 3: ("p3", "no text"), 4: (None, "bad date")}
    assert (tmp_path / "out" / "events" / "part-00000.jsonl").is_file()


def test_large_documents_are_cut_and_merged_as_extract_does(tmp_path, capsys, monkeypatch):
    from armsflow.ingest import files

    monkeypatch.setattr(files, "PART_CHARS", 4000)
    monkeypatch.setattr(files, "LARGE_BYTES", 8000)
    said = [DE] * 150 + [DE_TURKEY] * 100 + [DE_KOREA] * 50  # three transfers, two of them only in later parts
    text = "\n\n".join(f"Absatz {n}. {sentence}" for n, sentence in enumerate(said))
    corpus = tmp_path / "huge.jsonl"
    corpus.write_text(json.dumps({"id": "huge", "text": text}) + "\n", encoding="utf-8")
    reference = extracted(capsys, corpus)
    assert main(["batch", str(corpus), str(tmp_path / "out"), "--jobs", "2"]) == 0
    events = dataset(tmp_path / "out", "events")
    assert len(events) == len(reference["huge"]) >= 3
    assert [{k: r[k] for k in e} for r, e in zip(events, reference["huge"], strict=True)] == reference["huge"]
    assert max(r["start"] for r in events) > 8000  # offsets in the whole text, not in a part


def test_rerun_writes_the_same_output_and_replaces_it_whole(tmp_path, capsys):
    corpus = bad_rows(tmp_path)
    out = tmp_path / "out"
    assert main(["batch", str(corpus), str(out)]) == 0
    first = files_of(out)
    (out / "documents" / "stale.parquet").write_bytes(b"left from an older run")
    assert main(["batch", str(corpus), str(out)]) == 0
    assert files_of(out) == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.jsonl", "out"], "no such file or folder: missing.jsonl"),
        (["in.jsonl", "out", "--partitions", "4"], "--partitions is for --engine spark"),
        (["in.jsonl", "out", "--master", "local[2]"], "--master is for --engine spark"),
        (["in.jsonl", "out", "--jobs", "0"], "--jobs must be at least 1 (got 0)"),
        (["in.jsonl", "hdfs://nn/out"], "OUTPUT hdfs://nn/out is a URI: --engine local"),
        (["in.jsonl", "notes"], "notes is not empty and holds no armsflow batch output"),
        (["in.txt", "out"], "cannot tell the format of in.txt"),
        (["in.jsonl", "out", "--engine", "spark", "--jobs", "2"], "--jobs is for --engine local"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_text(json.dumps({"id": "a", "text": DE}) + "\n")
    Path("in.txt").write_text(DE)
    Path("notes").mkdir()
    Path("notes/todo.txt").write_text("keep me")
    code = main(["batch", *args])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert Path("notes/todo.txt").read_text() == "keep me" and not Path("out").exists()


# ---------------------------------------------------------------- into the knowledge base


def _kb(url: str) -> tuple[list[dict], list[dict], list[dict]]:
    with Store(url) as store:
        docs = store.fetchall("SELECT id, doc_key, lang, date, n_events FROM documents ORDER BY id")
        events = store.fetchall(
            "SELECT id, document_id, type, status, supplier, recipient, item, quantity, imposer, target, source, "
            "evidence, start_char, end_char, rule, record_id, trace, confidence FROM events ORDER BY id"
        )
        records = store.fetchall(
            "SELECT id, status, first_reported, last_reported, n_documents, n_sources, contradiction, quantities, "
            "confidence FROM records ORDER BY id"
        )
    return docs, events, records


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_ingest_reads_a_batch_output_as_ingest_of_the_documents_would(db_url, tmp_path, capsys, fmt):
    corpus = dev_corpus(tmp_path)
    out = tmp_path / "out"
    assert main(["batch", str(corpus), str(out), "--format", fmt]) == 0
    capsys.readouterr()
    assert main(["ingest", str(out), "--db", db_url]) == 0
    err = capsys.readouterr().err
    docs, events, records = _kb(db_url)
    assert len(docs) > 40 and len(events) > 100 and records
    assert {e["id"] for e in events} == {r["event_id"] for r in dataset(out, "events")}
    # the same documents ingested one by one, extracted by ingest itself
    reference = str(tmp_path / "reference.db")
    assert main(["ingest", str(corpus), "--db", reference]) == 0
    capsys.readouterr()
    assert _kb(db_url) == _kb(reference)
    assert f"{len(docs)} new, 0 duplicate" in err
    # again: nothing new, nothing changed
    assert main(["ingest", str(out), "--db", db_url]) == 0
    assert f"0 new, {len(docs)} duplicate" in capsys.readouterr().err
    assert _kb(db_url) == (docs, events, records)


def test_ingest_warns_of_the_rejects_and_refuses_lang_and_unfinished_outputs(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(bad_rows(tmp_path)), str(out)]) == 0
    capsys.readouterr()
    db = str(tmp_path / "kb.db")
    assert main(["ingest", str(out), "--db", db, "--lang", "de"]) == 2
    assert "--lang does not apply to a batch output" in capsys.readouterr().err
    assert main(["ingest", str(out), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "the batch rejected 7 records" in err and "2 read, 2 new" in err
    (out / "_armsflow_batch.json").unlink()  # as while Spark is still writing, or after it failed
    assert main(["ingest", str(out), "--db", db]) == 2
    assert "is an unfinished armsflow batch output (no _armsflow_batch.json)" in capsys.readouterr().err
