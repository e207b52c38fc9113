"""Read documents from paths: text/Markdown files, JSONL, standard input.

Bad input is reported, never raised as a traceback: each problem becomes a
:class:`ReadProblem` that names the file (and line) so the caller can go on
with the other documents. Large text files (and large standard input) are
decoded as a stream and cut at paragraph boundaries into parts, so memory
stays bounded whatever the input size.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from armsflow.dates import DATE_FORMS, is_real_date
from armsflow.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PART_CHARS = 512 * 1024  # characters per part of a large text
LARGE_BYTES = PART_CHARS * 2  # inputs above this many bytes are read in parts
READ_BLOCK = 1024 * 1024
# Single-byte encodings accepted when charset-normalizer proposes them for non-UTF-8, non-Windows-1252 bytes.
_LEGACY = ("cp1250", "iso8859_2", "iso8859_15", "latin_1")
_FIELDS = ("text", "id", "lang", "date", "title", "url", "publisher")


@dataclass(slots=True)
class ReadProblem:
    where: str
    message: str
    skipped: bool = False  # True: a warning (nothing to do); False: a failure


@dataclass(slots=True)
class DocumentPart:
    """A piece of a large document; ``offset`` is its start in the whole text."""

    doc: Document
    offset: int
    last: bool
    first: bool = False


def choose_encoding(data: bytes, where: str, complete: bool = True) -> str:
    """The codec for ``data``: UTF-8, else Windows-1252 (or a close legacy encoding) when it reads as text.

    ``complete=False`` says ``data`` is only the head of a longer input, so a
    multi-byte character cut at its end is not an error. Raises ``ValueError``
    naming ``where`` for binary data and for bytes that are text in none of them.
    """
    if b"\x00" in data[:8192]:
        raise ValueError(f"{where}: looks like a binary file (NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    # German and English news not in UTF-8 is nearly always Windows-1252; try it before any guess, since
    # charset-normalizer readily calls short German text cp1250, which turns à, è, ñ or £ into other letters.
    try:
        _check_text(data.decode("cp1252"), where)
        return "cp1252"
    except UnicodeDecodeError as err:
        reason = f"{err.reason} at byte {err.start}"
    except ValueError:
        reason = "control characters"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding in _LEGACY:
            _check_text(data.decode(best.encoding), where)
            return best.encoding
    except (ImportError, UnicodeDecodeError, LookupError, ValueError):
        pass
    raise ValueError(f"{where}: not UTF-8 and not Windows-1252 text ({reason}); is it a binary file?")


def _check_text(text: str, where: str) -> None:
    sample = text[:100_000]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0)
    if controls > len(sample) * 0.01:
        raise ValueError(f"{where}: not valid UTF-8 and does not look like text in another encoding")


def decode(data: bytes, where: str) -> str:
    """UTF-8, else Windows-1252 (or a close legacy encoding) when the bytes look like text; else ValueError."""
    return data.decode(choose_encoding(data, where))


def iter_inputs(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Document | DocumentPart | ReadProblem]:
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            yield from _from_stream(stream, "<stdin>", "stdin", jsonl=None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = list(folder_files(path, TEXT_SUFFIXES | {".jsonl"}))
            if not found:
                yield ReadProblem(str(path), "folder holds no .txt, .md or .jsonl files", skipped=True)
            for file in found:
                yield from _from_path(file) if isinstance(file, Path) else [file]
            continue
        yield from _from_path(path)


def folder_files(folder: Path, suffixes: set[str]) -> Iterator[Path | ReadProblem]:
    """The files under ``folder`` (recursively, sorted) with one of ``suffixes``; a problem per unreadable folder.

    ``Path.rglob`` passes over a sub-folder it may not list without a word, so
    its files would be missing from a run that ends "all done"; ``os.walk``
    reports each such folder, and the caller counts it as a failure.
    """
    problems: list[ReadProblem] = []

    def unreadable(err: OSError) -> None:
        problems.append(ReadProblem(str(err.filename or folder), f"cannot read the folder ({err.strerror or err})"))

    found = [
        Path(top) / name
        for top, _dirs, names in os.walk(folder, onerror=unreadable)
        for name in names
        if Path(name).suffix.lower() in suffixes and (Path(top) / name).is_file()
    ]
    yield from problems
    yield from sorted(found)


def _from_path(path: Path) -> Iterator[Document | DocumentPart | ReadProblem]:
    where = str(path)
    if not path.exists():
        yield ReadProblem(where, "no such file")
        return
    try:
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_file(path)
        else:
            with path.open("rb") as handle:
                yield from _from_stream(handle, where, path.stem, jsonl=False)
    except OSError as err:
        yield ReadProblem(where, f"cannot read: {err.strerror or err}")


def _from_stream(
    handle: BinaryIO, where: str, doc_id: str, jsonl: bool | None
) -> Iterator[Document | DocumentPart | ReadProblem]:
    """One input stream; ``jsonl=None`` sniffs whether it holds JSONL documents or plain text."""
    head = handle.read(LARGE_BYTES + 1)
    if len(head) <= LARGE_BYTES:
        yield from _from_bytes(head, where, doc_id, jsonl)
        return
    if jsonl is None:
        stripped = head.lstrip()
        jsonl = stripped.startswith(b"{") and b'"text"' in stripped[:100_000]
    if jsonl:
        yield from _jsonl_records(_lines(head, handle), where)
        return
    yield from _large_text(head, handle, where, doc_id)


def _lines(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``handle``."""
    rest = b""
    for line in io.BytesIO(head):
        if line.endswith(b"\n"):
            yield line
        else:
            rest = line
    if rest:
        yield rest + handle.readline()
    yield from handle


def _from_bytes(
    data: bytes, where: str, doc_id: str, jsonl: bool | None
) -> Iterator[Document | DocumentPart | ReadProblem]:
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


def _jsonl_file(path: Path) -> Iterator[Document | DocumentPart | ReadProblem]:
    with path.open("rb") as handle:
        yield from _jsonl_records(handle, str(path))


def decode_line(line: bytes, where: str, number: int) -> str | ReadProblem:
    if number == 1:
        line = line.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark (Windows editors write one)
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode(line, f"{where}:{number}")
        except ValueError as err:
            return ReadProblem(f"{where}:{number}", str(err).split(": ", 1)[-1])


def _jsonl_lines(stream: io.StringIO, where: str) -> Iterator[Document | DocumentPart | ReadProblem]:
    yield from _jsonl_records(stream, where)


def _jsonl_records(lines: Iterable[bytes | str], where: str) -> Iterator[Document | DocumentPart | ReadProblem]:
    """The documents of JSONL lines; a bad line is one problem naming ``where`` and its number, never a raise.

    A document longer than a large text file's limit is cut into parts (with
    its metadata on each), like a text file, so one huge line costs no more
    memory downstream than a huge file. Lines are read, decoded and parsed here,
    each copy dropped as soon as the next exists (no generator in between holds
    one): a 50 MB line then peaks at its text and one decoded copy, not three.
    """
    seen = 0
    number = 0  # (counted by hand: enumerate keeps its last tuple, and with it the last raw line, alive)
    line: bytes | str | ReadProblem
    for line in lines:
        number += 1
        if isinstance(line, bytes):
            line = decode_line(line, where, number)  # rebinding lets the raw bytes go
        if isinstance(line, ReadProblem):
            yield line
            continue
        if not line or line.isspace():  # (no stripped copy of a huge line)
            continue
        seen += 1
        got = jsonl_document(line, where, number)
        line = ""  # a huge line's text is not kept alive beside its parts
        yield from in_parts(got)
    if seen == 0:
        yield ReadProblem(where, "no documents in this JSONL file", skipped=True)


def jsonl_document(line: str, where: str, number: int) -> Document | ReadProblem:
    """The document on line ``number`` of ``where``, or the problem with that line."""
    place = f"{where}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        return ReadProblem(place, f"not valid JSON ({err.msg} at column {err.colno})")
    except RecursionError:  # the JSON parser recurses once per level: "[[[[…" a hundred thousand deep
        return ReadProblem(place, "not readable JSON (nested too deeply)")
    if not isinstance(row, dict):
        return ReadProblem(place, 'a JSON object with a "text" field is expected')
    return row_document(row, where, number)


def _lone_surrogate(value: str) -> int | None:
    """Where ``value`` holds its first lone surrogate, or None.

    Strict UTF-8 refuses exactly the surrogates (U+D800 to U+DFFF), so encoding answers the question in
    C at memory speed; a regex scan of the same text cost about 40 instructions a character, more than
    a hundredth of a whole `armsflow extract` run. ASCII text (known in constant time) holds none. The
    text is encoded in pieces, so a huge document is not held a second time (a surrogate is one code
    point in a str, so no cut can split one).
    """
    if value.isascii():
        return None
    for begin in range(0, len(value), _SURROGATE_PIECE):
        try:
            value[begin : begin + _SURROGATE_PIECE].encode("utf-8")
        except UnicodeEncodeError as error:
            return begin + error.start
    return None


_SURROGATE_PIECE = 1 << 16


def row_document(row: dict, where: str, number: int) -> Document | ReadProblem:
    """The document in one record (a JSONL object or a Parquet row), checked as a JSONL line is.

    One set of checks for every reader, so `armsflow extract` and `armsflow batch` accept and refuse
    the same records for the same reasons; ``number`` is the line (or row) that names a document
    without an id.
    """
    place = f"{where}:{number}"
    text = row.get("text")
    if not isinstance(text, str):
        return ReadProblem(place, 'the document has no "text" string')
    for name in _FIELDS:
        value = row.get(name)
        # A lone surrogate ("\ud800") is valid JSON but no Unicode text: it cannot be written as UTF-8
        # (standard output, the database), so it would stop the run far from this line.
        at = _lone_surrogate(value) if isinstance(value, str) else None
        if isinstance(value, str) and at is not None:
            return ReadProblem(
                place,
                f'"{name}" holds a lone surrogate (\\u{ord(value[at]):04x}) at character {at}, '
                "which is not valid Unicode",
            )
    doc_id = row.get("id")
    doc_id = str(doc_id) if doc_id is not None else f"{Path(where).stem}-{number}"
    if not text or text.isspace():  # (no stripped copy of a huge text)
        return ReadProblem(place, f"document {doc_id!r} is empty", skipped=True)
    date = _opt(row.get("date"))
    if date is not None and not is_real_date(date, with_time=True):
        return ReadProblem(place, f"bad date {date!r}: {DATE_FORMS} (optionally with a time)")
    lang = row.get("lang") if isinstance(row.get("lang"), str) else None
    return Document(
        id=doc_id,
        text=text,
        lang=lang,
        date=date,
        title=_opt(row.get("title")),
        url=_opt(row.get("url")),
        publisher=_opt(row.get("publisher")),
    )


def in_parts(thing: Document | DocumentPart | ReadProblem) -> Iterator[Document | DocumentPart | ReadProblem]:
    """A document longer than a large text file's limit as its parts, anything else as it is.

    For documents from any source (JSONL lines, web pages, feeds, API bodies): cut like text files,
    one huge document costs no more memory downstream than a huge file.
    """
    if isinstance(thing, Document) and len(thing.text) > LARGE_BYTES:
        yield from _document_parts(thing)
    else:
        yield thing


def _document_parts(doc: Document) -> Iterator[DocumentPart]:
    """``doc`` cut like a large text file, each part carrying the document's id and metadata."""
    pending: DocumentPart | None = None
    for offset, piece in split_parts([doc.text], PART_CHARS):
        if pending is not None:
            yield pending
        pending = DocumentPart(replace(doc, text=piece), offset, last=False, first=pending is None)
    if pending is not None:  # the text is not blank (checked before), so there is at least one part
        pending.last = True
        yield pending


def _opt(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _large_text(head: bytes, handle: BinaryIO, where: str, doc_id: str) -> Iterator[DocumentPart | ReadProblem]:
    """Parts of a big text: ``head`` (already read) and the rest of ``handle``, decoded as a stream.

    The encoding is chosen from the head; bytes further on that do not fit it
    are replaced (U+FFFD) rather than failing the whole input.
    """
    try:
        encoding = choose_encoding(head, where, complete=False)
    except ValueError as err:
        yield ReadProblem(where, str(err).removeprefix(f"{where}: "))
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")

    def blocks() -> Iterator[str]:
        yield decoder.decode(head)
        for chunk in iter(lambda: handle.read(READ_BLOCK), b""):
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)

    pending: DocumentPart | None = None
    for offset, piece in split_parts(blocks()):
        if pending is not None:
            yield pending
        pending = DocumentPart(Document(id=doc_id, text=piece), offset, last=False, first=pending is None)
    if pending is None:
        yield ReadProblem(where, "empty document, nothing to extract", skipped=True)
        return
    pending.last = True
    yield pending


def split_parts(blocks: Iterable[str], size: int = PART_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of about ``size`` characters, cut after a blank line, line end or sentence.

    Pieces holding only white space are left out; offsets count them, so an
    offset is always the piece's start in the whole text. The pieces are sliced
    from the buffer at a moving start, not by copying the rest of the buffer after
    each piece: one 50-million-character block costs one copy per piece, not a
    second and third copy of itself (and no quadratic time).
    """
    buf = ""
    start = 0  # where the unread part of ``buf`` begins
    offset = 0
    for block in blocks:
        buf = buf[start:] + block if start else buf + block
        start = 0
        while len(buf) - start >= size:
            cut = _cut(buf[start : start + size], size)
            piece = buf[start : start + cut]
            start += cut
            if piece.strip():
                yield offset, piece
            offset += len(piece)
    rest = buf[start:]
    if rest.strip():
        yield offset, rest


def _cut(text: str, size: int) -> int:
    window = text[:size]
    for mark in ("\n\n", "\n", ". ", " "):
        at = window.rfind(mark)
        if at >= size // 2:
            return at + len(mark)
    return size
