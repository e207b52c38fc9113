"""Progress bars on a terminal: with a total, a percentage and an ETA whenever the total is known.

``extract``, ``ingest`` and ``batch`` show tqdm bars on standard error when it is a terminal. A bar
gets its total from :func:`documents_in`, which counts the documents of local inputs before the run:
one per text, Markdown or HTML file, one per non-blank line of a JSONL file (a line count in 1 MB
chunks in constant memory, 100 MB in 0.5 s on a loaded machine: noise beside extraction), the rows
of a Parquet file from its footer. Standard input, URLs and feeds (whose entries are known only once
fetched) have no total: the bar then counts documents and their rate, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from armsflow.ingest.files import TEXT_SUFFIXES, folder_files
from armsflow.ingest.sources import FEED_SUFFIXES, HTML_SUFFIXES, is_url

CHUNK = 1 << 20


def documents_in(specs: Iterable[str], suffixes: set[str] | frozenset[str]) -> int | None:
    """How many documents ``specs`` (files, folders) hold, or None when that is not known before reading.

    ``suffixes`` are the files a folder contributes (as the command reads folders).
    """
    total = 0
    for spec in specs:
        if spec == "-" or is_url(spec):
            return None
        path = Path(spec)
        if path.is_dir():
            files = [f for f in folder_files(path, set(suffixes)) if isinstance(f, Path)]
        else:
            files = [path]
        for file in files:
            found = documents_in_file(file)
            if found is None:
                return None
            total += found
    return total


def documents_in_file(path: Path) -> int | None:
    """The documents in one file: JSONL lines, Parquet rows, 1 for text or HTML; None for a feed or on error."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            return count_lines(path)
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, ValueError, ImportError):  # the run itself reports the problem
        return None
    if suffix in FEED_SUFFIXES:
        return None
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES or path.is_file():
        return 1
    return None


def rows_in(files: list[Path]) -> int | None:
    """The records of ``armsflow batch``'s input files (JSONL lines, Parquet rows); None for gzip files."""
    total = 0
    for path in files:
        found = None if path.name.lower().endswith(".gz") else documents_in_file(path)
        if found is None:
            return None
        total += found
    return total


def count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in chunks (a line of 50 MB is never held whole)."""
    count, pending = 0, False
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            *whole, rest = chunk.split(b"\n")
            for line in whole:
                if pending or line.strip():
                    count += 1
                pending = False
            pending = pending or bool(rest.strip())
    return count + (1 if pending else 0)


def bar(total: int | None, unit: str = " docs", **options: Any) -> Any:
    """A tqdm bar on standard error: with ``total`` it shows percentage, rate and time left."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True, **options)


def advance_to(progress: Any, done: int) -> None:
    """Set the bar to ``done``; a total that proves low (a huge text stored in parts) grows instead of lying."""
    if progress.total is not None and done > progress.total:
        progress.total = done
    progress.update(done - progress.n)  # redraws at most every mininterval
