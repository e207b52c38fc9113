"""Read documents from paths: text/Markdown files, JSONL, standard input.

Bad input is reported, never raised as a traceback: each problem becomes a
:class:`ReadProblem` that names the file (and line) so the caller can go on
with the other documents. Large text files are cut at paragraph boundaries
into parts, so memory stays bounded whatever the file size.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from armsflow.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PART_CHARS = 512 * 1024


@dataclass(slots=True)
class ReadProblem:
    where: str
    message: str
    skipped: bool = False    # True: a warning (nothing to do); False: a failure


@dataclass(slots=True)
class DocumentPart:
    """A piece of a large document; ``offset`` is its start in the whole text."""

    doc: Document
    offset: int
    last: bool


def decode(data: bytes, where: str) -> str:
    """UTF-8, else Windows-1252/Latin-1 when the bytes look like text; else an error."""
    if b"\x00" in data[:8192]:
        raise ValueError(f"{where}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding in ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2"):
            return data.decode(best.encoding, errors="strict")
    except (ImportError, UnicodeDecodeError, LookupError):
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ValueError(f"{where}: not UTF-8 and not Windows-1252 text ({err.reason} at byte {err.start})") from None
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:100_000]) * 0.01:
        raise ValueError(f"{where}: not valid UTF-8 and does not look like text in another encoding")
    return text


def iter_inputs(paths: list[str], stdin: io.BufferedReader | None = None) -> Iterator[Document | DocumentPart | ReadProblem]:
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            yield from _from_bytes(stream.read(), "<stdin>", "stdin", jsonl=None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() in TEXT_SUFFIXES or
                                                                           p.suffix.lower() == ".jsonl"))
            if not files:
                yield ReadProblem(str(path), "folder holds no .txt, .md or .jsonl files", skipped=True)
            for file in files:
                yield from _from_path(file)
            continue
        yield from _from_path(path)


def _from_path(path: Path) -> Iterator[Document | DocumentPart | ReadProblem]:
    where = str(path)
    if not path.exists():
        yield ReadProblem(where, "no such file")
        return
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _jsonl_file(path)
        elif path.stat().st_size > PART_CHARS * 2:
            yield from _large_text(path)
        else:
            yield from _from_bytes(path.read_bytes(), where, path.stem, jsonl=False)
    except OSError as err:
        yield ReadProblem(where, f"cannot read: {err.strerror or err}")


def _from_bytes(data: bytes, where: str, doc_id: str, jsonl: bool | None) -> Iterator[Document | ReadProblem]:
    try:
        text = decode(data, where)
    except ValueError as err:
        yield ReadProblem(where, str(err).removeprefix(f"{where}: "))
        return
    if jsonl is None:
        stripped = text.lstrip()
        jsonl = stripped.startswith("{") and '"text"' in stripped[:100_000]
    if jsonl:
        yield from _jsonl_lines(io.StringIO(text), where)
        return
    if not text.strip():
        yield ReadProblem(where, "empty document, nothing to extract", skipped=True)
        return
    yield Document(id=doc_id, text=text)


def _jsonl_file(path: Path) -> Iterator[Document | ReadProblem]:
    with path.open("rb") as handle:
        lines = (decode_line(line, str(path), n) for n, line in enumerate(handle, 1))
        yield from _jsonl_records(lines, str(path))


def decode_line(line: bytes, where: str, number: int) -> tuple[int, str | ReadProblem]:
    try:
        return number, line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return number, decode(line, f"{where}:{number}")
        except ValueError as err:
            return number, ReadProblem(f"{where}:{number}", str(err).split(": ", 1)[-1])


def _jsonl_lines(stream: io.StringIO, where: str) -> Iterator[Document | ReadProblem]:
    yield from _jsonl_records(((n, line) for n, line in enumerate(stream, 1)), where)


def _jsonl_records(lines, where: str) -> Iterator[Document | ReadProblem]:
    seen = 0
    for number, line in lines:
        if isinstance(line, ReadProblem):
            yield line
            continue
        if not line.strip():
            continue
        seen += 1
        place = f"{where}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadProblem(place, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(row, dict):
            yield ReadProblem(place, "a JSON object with a \"text\" field is expected")
            continue
        text = row.get("text")
        if not isinstance(text, str):
            yield ReadProblem(place, "the document has no \"text\" string")
            continue
        doc_id = row.get("id")
        doc_id = str(doc_id) if doc_id is not None else f"{Path(where).stem}-{number}"
        if not text.strip():
            yield ReadProblem(place, f"document {doc_id!r} is empty", skipped=True)
            continue
        lang = row.get("lang") if isinstance(row.get("lang"), str) else None
        yield Document(id=doc_id, text=text, lang=lang, date=_opt(row.get("date")), title=_opt(row.get("title")),
                       url=_opt(row.get("url")), publisher=_opt(row.get("publisher")))
    if seen == 0:
        yield ReadProblem(where, "no documents in this JSONL file", skipped=True)


def _opt(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _large_text(path: Path) -> Iterator[DocumentPart | ReadProblem]:
    """Parts of a big text file, cut after a blank line or line end near PART_CHARS."""
    where = str(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            yield ReadProblem(where, "looks like a binary file (NUL bytes), not text")
            return
        handle.seek(0)
        encoding = "utf-8"
        try:
            handle.read(PART_CHARS * 4).decode("utf-8")
        except UnicodeDecodeError as err:
            if err.start < PART_CHARS * 4 - 4:
                encoding = "cp1252"
        handle.seek(0)
        reader = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        offset = 0
        carry = ""
        pending: DocumentPart | None = None
        while True:
            block = reader.read(PART_CHARS)
            if not block:
                break
            text = carry + block
            cut = text.rfind("\n\n")
            if cut < len(text) // 2:
                cut = text.rfind("\n")
            if cut <= 0:
                cut = len(text)
            piece, carry = text[:cut + 1] if cut < len(text) else text, text[cut + 1:] if cut < len(text) else ""
            if pending is not None:
                yield pending
            pending = DocumentPart(Document(id=path.stem, text=piece), offset, last=False)
            offset += len(piece)
        if carry:
            if pending is not None:
                yield pending
            pending = DocumentPart(Document(id=path.stem, text=carry), offset, last=False)
        if pending is None:
            yield ReadProblem(where, "empty document, nothing to extract", skipped=True)
            return
        pending.last = True
        yield pending
