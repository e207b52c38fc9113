"""``armsflow batch``: extraction over large archives, on one machine or on a Spark cluster.

Both engines run the same function, :func:`process`, over Arrow record batches of input records:
``--engine local`` feeds it from a process pool, ``--engine spark`` from ``mapInArrow`` in the
executors (:mod:`armsflow.batch_spark`). :func:`process` checks each record as ``armsflow extract``
checks a JSONL line and extracts it with :func:`armsflow.whole.extract_whole`, the function behind
``extract``'s results, so the events are the same as ``extract``'s for the same documents.

The output is a folder of three datasets and a manifest::

    OUTPUT/documents/   one row per document, its events nested (what ``armsflow ingest`` reads)
    OUTPUT/events/      one row per event: every contract field, offsets, rule, trace, confidence
    OUTPUT/rejects/     one row per bad input record, with the reason
    OUTPUT/_armsflow_batch.json   counts, format and versions, written last

Event ids are the ids the knowledge base gives the events (``Event.event_id`` of the document's
content hash), so a rerun writes the same ids and ``ingest`` recognises what it already holds.
pyarrow is imported only when a batch runs, so the package works without it.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from armsflow import __version__
from armsflow.bulk import collector_tuned
from armsflow.ingest.files import ReadProblem, decode, decode_line, jsonl_document, row_document
from armsflow.lexicons import VERSION as LEXICON_VERSION
from armsflow.model import Document, Event
from armsflow.pipeline import UnsupportedLanguage
from armsflow.store import content_hash
from armsflow.whole import PartFailed, extract_whole

if TYPE_CHECKING:
    import pyarrow as pa

MANIFEST = "_armsflow_batch.json"
DATASETS = ("documents", "events", "rejects")
FORMATS = ("parquet", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet",)
DOCUMENT_FIELDS = ("id", "text", "lang", "date", "title", "url", "publisher")
CHUNK_ROWS = 64  # records per task of the local engine
CHUNK_BYTES = 256 * 1024  # … or fewer, when they hold this much text
EXCERPT_CHARS = 160
ROW_GROUP_ROWS = 2000  # rows per Parquet row group of the local engine's output


class BatchError(ValueError):
    """A mistake in the command line (a bad INPUT, OUTPUT or option): nothing is read or written."""


# --------------------------------------------------------------------------- schemas


def event_fields() -> list[tuple[str, Any]]:
    """The columns of one event: the contract's fields, offsets, rule, trace, confidence."""
    import pyarrow as pa

    s, i64 = pa.string(), pa.int64()
    return [
        ("event_id", s), ("type", s), ("supplier", s), ("recipient", s), ("item", s), ("designation", s),
        ("quantity", i64), ("imposer", s), ("target", s), ("status", s), ("source", s), ("evidence", s),
        ("start", i64), ("end", i64), ("rule", s), ("trace", pa.list_(s)), ("confidence", pa.float64()),
    ]  # fmt: skip


def document_fields() -> list[tuple[str, Any]]:
    import pyarrow as pa

    s = pa.string()
    return [
        ("id", s), ("document_hash", s), ("lang", s), ("date", s), ("title", s), ("url", s), ("publisher", s),
        ("text", s), ("n_events", pa.int32()), ("events", pa.list_(pa.struct(event_fields()))),
    ]  # fmt: skip


def reject_fields() -> list[tuple[str, Any]]:
    import pyarrow as pa

    s = pa.string()
    return [("source", s), ("line", pa.int64()), ("id", s), ("reason", s), ("message", s), ("excerpt", s)]


def outcome_schema() -> pa.Schema:
    """What :func:`process` returns: a document row, or a reject row (``reason`` set), per record."""
    import pyarrow as pa

    names = {name for name, _ in document_fields()}
    return pa.schema(document_fields() + [(n, t) for n, t in reject_fields() if n not in names])


def schema(dataset: str) -> pa.Schema:
    import pyarrow as pa

    if dataset == "documents":
        return pa.schema(document_fields())
    if dataset == "events":
        head = [("document_id", pa.string()), ("document_hash", pa.string()), ("lang", pa.string())]
        return pa.schema(head + [("date", pa.string())] + event_fields())
    return pa.schema(reject_fields())


# --------------------------------------------------------------------------- one batch of records


def process_batches(batches: Iterable[pa.RecordBatch], lang: str | None = None) -> Iterator[pa.RecordBatch]:
    """:func:`process` over a stream of batches: the function Spark's executors run (``mapInArrow``).

    A batch is processed :data:`CHUNK_ROWS` records at a time, so a worker holds the Python objects
    of a few dozen documents, not of the thousands an Arrow batch from Spark may carry.
    """
    with collector_tuned():
        for batch in batches:
            for start in range(0, batch.num_rows, CHUNK_ROWS):
                yield process(batch.slice(start, CHUNK_ROWS), lang)


def process(batch: pa.RecordBatch, lang: str | None = None) -> pa.RecordBatch:
    """One outcome row per input record: a document with its events, or a reject with its reason.

    Input records are either JSONL lines (columns ``source``, ``line``, ``raw`` bytes) or document
    rows (``source``, ``line`` and the document fields). Blank JSONL lines give no row, as in
    ``extract``. Nothing a record holds makes this raise: one bad record never fails the job.
    """
    import pyarrow as pa

    records = batch.to_pylist()
    rows = [(record, outcome(record, lang)) for record in records]
    kept = [(record, row) for record, row in rows if row is not None]
    target = outcome_schema()
    try:
        return pa.RecordBatch.from_pylist([row for _, row in kept], schema=target)
    except (pa.ArrowException, ValueError, TypeError, OverflowError):
        # some row Arrow cannot hold: find it, reject it, keep the others of the batch
        return pa.RecordBatch.from_pylist([_writable(record, row, target) for record, row in kept], schema=target)


def _writable(record: dict[str, Any], row: dict[str, Any], target: pa.Schema) -> dict[str, Any]:
    import pyarrow as pa

    try:
        pa.RecordBatch.from_pylist([row], schema=target)
        return row
    except (pa.ArrowException, ValueError, TypeError, OverflowError) as err:
        source, line = str(record.get("source") or ""), int(record.get("line") or 0)
        return _reject(record, source, line, f"cannot be written: {type(err).__name__}: {err}", row.get("id"))


def outcome(record: dict[str, Any], lang: str | None) -> dict[str, Any] | None:
    source, line = str(record.get("source") or ""), int(record.get("line") or 0)
    found = _document(record, source, line)
    if found is None:
        return None
    if isinstance(found, ReadProblem):
        return _reject(record, source, line, found.message)
    try:
        result = extract_whole(found, lang)
    except (UnsupportedLanguage, PartFailed) as err:
        return _reject(record, source, line, str(err), found.id)
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the job
        return _reject(record, source, line, f"extraction failed: {type(err).__name__}: {err}", found.id)
    doc_hash = content_hash(found.text)
    events = [event_row(e, doc_hash) for e in result.events]
    huge = result.oversized_quantity()
    if huge is not None:  # Parquet (and the knowledge base) hold 64-bit integers: say so, for this document only
        return _reject(record, source, line, f"quantity {huge} does not fit a 64-bit integer", found.id)
    return {
        "id": found.id,
        "document_hash": doc_hash,
        "lang": result.lang,
        "date": found.date,
        "title": found.title,
        "url": found.url,
        "publisher": found.publisher,
        "text": found.text,
        "n_events": len(events),
        "events": events,
    }


def _document(record: dict[str, Any], source: str, line: int) -> Document | ReadProblem | None:
    raw = record.get("raw")
    if "raw" in record:  # a JSONL line, as bytes: decoded and checked exactly as extract does
        if raw is None or not raw.strip():
            return None
        text = decode_line(raw, source, line)
        return text if isinstance(text, ReadProblem) else jsonl_document(text, source, line)
    fields = {name: record.get(name) for name in DOCUMENT_FIELDS}
    if isinstance(fields["text"], bytes):  # a binary column: text only if it decodes as text does in files
        try:
            fields["text"] = decode(fields["text"], f"{source}:{line}")
        except ValueError as err:
            return ReadProblem(f"{source}:{line}", str(err).split(": ", 1)[-1])
    return row_document(fields, source, line)


def _reject(record: dict[str, Any], source: str, line: int, message: str, doc_id: str | None = None) -> dict:
    from armsflow.load import reason_of

    raw = record.get("raw") if "raw" in record else record.get("text")
    if isinstance(raw, bytes):
        excerpt = raw[: EXCERPT_CHARS * 4].decode("utf-8", "replace")
    else:
        excerpt = raw if isinstance(raw, str) else ""
    excerpt = "".join(ch if ch.isprintable() else "\ufffd" for ch in excerpt[:EXCERPT_CHARS])
    if doc_id is None:
        doc_id = _record_id(record)
    return {"source": source, "line": line, "id": doc_id, "reason": reason_of(message), "message": message,
            "excerpt": excerpt, "n_events": 0, "events": []}  # fmt: skip


def _record_id(record: dict[str, Any]) -> str | None:
    """The id a rejected record names, when it names one (so the reject can be traced to its document)."""
    found = record.get("id")
    if "raw" in record:
        try:
            row = json.loads(record["raw"] or b"")
        except (ValueError, RecursionError):
            return None
        found = row.get("id") if isinstance(row, dict) else None
    return None if found is None else str(found)


def event_row(e: Event, doc_hash: str) -> dict[str, Any]:
    """One event as a row: its id in the knowledge base, then the fields of ``Event.to_dict``."""
    return {
        "event_id": e.event_id(doc_hash), "type": e.type, "supplier": e.supplier, "recipient": e.recipient,
        "item": e.item, "designation": e.designation, "quantity": e.quantity, "imposer": e.imposer,
        "target": e.target, "status": e.status, "source": e.source, "evidence": e.evidence, "start": e.start,
        "end": e.end, "rule": e.rule, "trace": list(e.trace), "confidence": e.confidence,
    }  # fmt: skip


def split(outcomes: pa.RecordBatch) -> dict[str, pa.Table]:
    """The documents, events and rejects of one outcome batch (the local engine's writer)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.Table.from_batches([outcomes])
    rejected = pc.is_valid(table["reason"])
    docs = table.filter(pc.invert(rejected)).select([n for n, _ in document_fields()])
    rejects = table.filter(rejected).select([n for n, _ in reject_fields()])
    nested = docs["events"].combine_chunks()
    parents = pc.list_parent_indices(nested)
    flat = pc.list_flatten(nested)
    heads = {"document_id": "id", "document_hash": "document_hash", "lang": "lang", "date": "date"}
    columns = [docs[src].take(parents) for src in heads.values()]
    columns += [flat.field(n) for n, _ in event_fields()]
    events = pa.Table.from_arrays(columns, schema=schema("events"))
    return {"documents": docs, "events": events, "rejects": rejects}


# --------------------------------------------------------------------------- inputs


def input_format(spec: str, given: str) -> str:
    """``jsonl`` or ``parquet``: as given, else from INPUT's name or the files in its folder."""
    if given != "auto":
        return given
    low = spec.lower().rstrip("/")
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if not is_uri(spec) and Path(spec).is_dir():
        kinds = {_kind(p) for p in Path(spec).rglob("*") if p.is_file()} - {None}
        if len(kinds) == 1:
            return kinds.pop() or ""
        if kinds:
            raise BatchError(f"{spec} holds both JSONL and Parquet files: give --input-format")
        raise BatchError(f"{spec} holds no .jsonl or .parquet files")
    raise BatchError(f"cannot tell the format of {spec} from its name: give --input-format jsonl or parquet")


def _kind(path: Path) -> str | None:
    low = path.name.lower()
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "jsonl" if low.endswith(JSONL_SUFFIXES) else None


def is_uri(spec: str) -> bool:
    """``hdfs://…``, ``s3a://…``, ``file:/…``: a location for Spark, not a local path."""
    head, sep, _ = spec.partition(":")
    return bool(sep) and len(head) > 1 and head.replace("+", "").isalnum()


def local_files(spec: str, fmt: str) -> list[Path]:
    """The input files of a local INPUT (a file, or a folder read recursively), sorted."""
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) == fmt)
        if not files:
            raise BatchError(f"{spec} holds no {fmt} files")
        return files
    return [path]


def read_chunks(files: list[Path], fmt: str) -> Iterator[pa.RecordBatch]:
    """Input records in batches of about :data:`CHUNK_ROWS` records or :data:`CHUNK_BYTES` of text."""
    for path in files:
        yield from (_jsonl_chunks(path) if fmt == "jsonl" else _parquet_chunks(path))


def _jsonl_chunks(path: Path) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    lines: list[bytes] = []
    numbers: list[int] = []
    size = 0
    with _open(path) as handle:
        for number, raw in enumerate(handle, 1):
            lines.append(raw.removesuffix(b"\n").removesuffix(b"\r"))  # as Spark's reader gives a line
            numbers.append(number)
            size += len(raw)
            if len(lines) >= CHUNK_ROWS or size >= CHUNK_BYTES:
                yield _line_batch(pa, str(path), numbers, lines)
                lines, numbers, size = [], [], 0
    if lines:
        yield _line_batch(pa, str(path), numbers, lines)


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")  # type: ignore[return-value]


def _line_batch(pa: Any, source: str, numbers: list[int], lines: list[bytes]) -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays(
        [pa.array([source] * len(lines), pa.string()), pa.array(numbers, pa.int64()), pa.array(lines, pa.binary())],
        names=["source", "line", "raw"],
    )


def _parquet_chunks(path: Path) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = pq.ParquetFile(path)
    present = [n for n in DOCUMENT_FIELDS if n in file.schema_arrow.names]
    first = 1
    for batch in file.iter_batches(batch_size=CHUNK_ROWS, columns=present):
        columns = [pa.array([str(path)] * batch.num_rows, pa.string()), pa.array(range(first, first + batch.num_rows))]
        names = ["source", "line"]
        for name in present:
            column = batch.column(name)
            if name != "text" and not pa.types.is_string(column.type):
                column = column.cast(pa.string())  # dates, numeric ids: as text, as Spark's reader casts them
            columns.append(column)
            names.append(name)
        first += batch.num_rows
        yield pa.RecordBatch.from_arrays(columns, names=names)


# --------------------------------------------------------------------------- output


@dataclass(slots=True)
class Summary:
    documents: int = 0
    events: int = 0
    rejects: int = 0
    reasons: Counter = field(default_factory=Counter)

    def line(self) -> str:
        why = "; ".join(f"{n} {r}" for r, n in sorted(self.reasons.items(), key=lambda x: (-x[1], x[0])))
        return f"{self.documents} documents, {self.events} events, {self.rejects} rejected" + (
            f" ({why})" if why else ""
        )

    def manifest(self, engine: str, fmt: str, source: str) -> dict[str, Any]:
        """What the output holds; no time stamp, so a rerun over the same input writes the same file."""
        return {
            "armsflow": __version__, "lexicons": LEXICON_VERSION, "engine": engine, "format": fmt,
            "input": source, "documents": self.documents, "events": self.events, "rejects": self.rejects,
            "reasons": dict(sorted(self.reasons.items())),
        }  # fmt: skip


def check_output(spec: str) -> None:
    """OUTPUT may be new, empty, or an earlier batch output (replaced); anything else is refused."""
    path = Path(spec)
    if not path.exists():
        return
    if not path.is_dir():
        raise BatchError(f"{spec} is a file; OUTPUT is a folder")
    if any(path.iterdir()) and not (path / MANIFEST).is_file():
        raise BatchError(f"{spec} is not empty and holds no armsflow batch output: refusing to overwrite it")


class LocalWriter:
    """The three datasets, one part file each, written batch by batch into a temporary folder.

    :meth:`commit` swaps it for OUTPUT only when everything is written, so an interrupted run
    leaves the previous output (or none) in place, never half of one.
    """

    def __init__(self, output: str, fmt: str) -> None:
        self.output = Path(output)
        self.fmt = fmt
        self.tmp = self.output.with_name(f".{self.output.name}.tmp-{os.getpid()}")
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.summary = Summary()
        self._files: dict[str, Any] = {}
        self._pending: dict[str, list[pa.Table]] = {name: [] for name in DATASETS}
        for name in DATASETS:
            (self.tmp / name).mkdir(parents=True)
            part = self.tmp / name / f"part-00000.{fmt}"
            if fmt == "parquet":
                import pyarrow.parquet as pq

                self._files[name] = pq.ParquetWriter(part, schema(name))
            else:
                self._files[name] = part.open("w", encoding="utf-8")

    def write(self, outcomes: pa.RecordBatch) -> None:
        tables = split(outcomes)
        self.summary.documents += tables["documents"].num_rows
        self.summary.events += tables["events"].num_rows
        self.summary.rejects += tables["rejects"].num_rows
        self.summary.reasons.update(tables["rejects"]["reason"].to_pylist())
        for name, table in tables.items():
            if not table.num_rows:
                continue
            if self.fmt == "parquet":
                # a chunk is a few dozen documents: gather row groups of a useful size before writing
                self._pending[name].append(table)
                if sum(t.num_rows for t in self._pending[name]) >= ROW_GROUP_ROWS:
                    self._flush(name)
            else:
                out = self._files[name]
                for row in table.to_pylist():
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def _flush(self, name: str) -> None:
        import pyarrow as pa

        if self._pending[name]:
            self._files[name].write_table(pa.concat_tables(self._pending[name]))
            self._pending[name] = []

    def close(self) -> None:
        for name, handle in self._files.items():
            if self.fmt == "parquet":
                self._flush(name)
            handle.close()
        self._files = {}

    def commit(self, manifest: dict[str, Any]) -> None:
        self.close()
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        old = self.output.with_name(f".{self.output.name}.old-{os.getpid()}")
        if self.output.exists():
            self.output.rename(old)
        self.tmp.rename(self.output)
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files = {}
        shutil.rmtree(self.tmp, ignore_errors=True)


def run_local(
    spec: str, output: str, in_fmt: str, out_fmt: str, jobs: int, lang: str | None = None, progress: bool = False
) -> Summary:
    """``--engine local``: :func:`process` over the input's chunks in ``jobs`` worker processes."""
    files = local_files(spec, in_fmt)
    writer = LocalWriter(output, out_fmt)
    bar = None
    try:
        if progress:  # a bar with a total (and so a time left) when the files' rows can be counted up front
            from armsflow.cli.progress import bar as progress_bar
            from armsflow.cli.progress import rows_in

            bar = progress_bar(rows_in(files), mininterval=0.5)
        with collector_tuned():
            for outcomes in _outcomes(read_chunks(files, in_fmt), jobs, lang):
                writer.write(outcomes)
                if bar is not None:
                    bar.update(outcomes.num_rows)
        writer.commit(writer.summary.manifest("local", out_fmt, spec))
    except BaseException:
        writer.abandon()
        raise
    finally:
        if bar is not None:
            bar.close()
    return writer.summary


def _outcomes(chunks: Iterator[pa.RecordBatch], jobs: int, lang: str | None) -> Iterator[pa.RecordBatch]:
    """The chunks' outcomes in input order; with ``jobs`` > 1 from a pool, a bounded window ahead."""
    if jobs == 1:
        for chunk in chunks:
            yield process(chunk, lang)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start) as pool:
        window: deque = deque()
        for chunk in chunks:
            window.append(pool.apply_async(process, (chunk, lang)))
            if len(window) > 4 * jobs:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def _worker_start() -> None:
    """Each worker keeps the bulk collector setting for its life (it runs nothing else)."""
    import gc

    from armsflow.bulk import BULK_THRESHOLD

    gc.set_threshold(BULK_THRESHOLD, *gc.get_threshold()[1:])


# --------------------------------------------------------------------------- reading an output back


def is_batch_output(spec: str) -> bool:
    return Path(spec).is_dir() and (Path(spec) / MANIFEST).is_file()


def is_unfinished_output(spec: str) -> bool:
    """A batch output whose run has not finished (or failed): its datasets, but no manifest yet."""
    path = Path(spec)
    return path.is_dir() and not is_batch_output(spec) and all((path / name).is_dir() for name in DATASETS)


def read_manifest(spec: str) -> dict[str, Any]:
    try:
        found = json.loads((Path(spec) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise BatchError(f"{spec}: unreadable {MANIFEST} ({err})") from err
    if not isinstance(found, dict) or found.get("format") not in FORMATS:
        raise BatchError(f"{spec}: {MANIFEST} names no known format")
    return found


def read_documents(spec: str, chunk: int = 1000) -> Iterator[list[tuple[Document, list[Event], str | None]]]:
    """The documents of a batch output with their events, ``chunk`` documents at a time.

    Reads the ``documents`` dataset part by part (Parquet row group by row group), so memory stays
    bounded whatever the size of the output.
    """
    fmt = read_manifest(spec)["format"]
    files = sorted(p for p in (Path(spec) / "documents").rglob("*") if p.is_file() and _is_part(p, fmt))
    rows: Iterator[dict[str, Any]]
    if fmt == "parquet":
        rows = _parquet_rows(files, chunk)
    else:
        rows = (json.loads(line) for path in files for line in path.open(encoding="utf-8") if line.strip())
    pending: list[tuple[Document, list[Event], str | None]] = []
    for row in rows:
        doc = Document(
            id=row["id"], text=row["text"], lang=row.get("lang"), date=row.get("date"), title=row.get("title"),
            url=row.get("url"), publisher=row.get("publisher"),
        )  # fmt: skip
        pending.append((doc, [_event(e) for e in row.get("events") or []], row.get("lang")))
        if len(pending) >= chunk:
            yield pending
            pending = []
    if pending:
        yield pending


def _is_part(path: Path, fmt: str) -> bool:
    name = path.name
    if name.startswith(("_", ".")):  # Spark's _SUCCESS, checksums
        return False
    return name.endswith(".parquet") if fmt == "parquet" else name.endswith((".json", ".jsonl"))


def _parquet_rows(files: list[Path], chunk: int) -> Iterator[dict[str, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise BatchError("reading Parquet needs pyarrow: pip install 'armsflow[spark]'") from err
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk):
            yield from batch.to_pylist()


def _event(row: dict[str, Any]) -> Event:
    return Event(
        type=row["type"], status=row["status"], evidence=row["evidence"], start=row["start"], end=row["end"],
        rule=row["rule"], supplier=row.get("supplier"), recipient=row.get("recipient"), item=row.get("item"),
        designation=row.get("designation"), quantity=row.get("quantity"), imposer=row.get("imposer"),
        target=row.get("target"), source=row.get("source"), trace=list(row.get("trace") or []),
        confidence=row.get("confidence"),
    )  # fmt: skip
