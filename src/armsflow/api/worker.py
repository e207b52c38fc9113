"""Extraction for the HTTP server: in a separate process, within a time budget.

Why: the server answers requests from threads of one process, and extraction is pure Python work
that holds the interpreter while it runs. A large `/api/extract` or `/api/ingest` body would make
every other request wait for it (a health check rose from 48 ms to over 2 s). In a worker process it
holds only that process's interpreter, so the server's threads keep answering. The budget
(``$ARMSFLOW_EXTRACT_SECONDS``, default 30 s per request) bounds what one request may cost: when it
runs out the worker is stopped and replaced, and the request gets 503.

The worker starts on the first extraction (a fresh interpreter from the forkserver, which loads the
lexicons once), not when the application is created, so tests and read-only servers pay nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.pool import Pool

from armsflow.load import BudgetExceeded
from armsflow.model import Document, DocumentResult
from armsflow.pipeline import extract_document

DEFAULT_SECONDS = 30.0


def budget_from_environment() -> float:
    """``$ARMSFLOW_EXTRACT_SECONDS`` as a positive number of seconds (default 30); a bad value is an error."""
    raw = os.environ.get("ARMSFLOW_EXTRACT_SECONDS")
    if not raw:
        return DEFAULT_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 3600:
        raise ValueError(f"ARMSFLOW_EXTRACT_SECONDS must be a number of seconds in (0, 3600], not {raw!r}")
    return value


def _warm() -> None:
    """Load both lexicons in the new worker, so the first request does not pay for it."""
    extract_document(Document(id="warm", text="Der Iran liefert Drohnen.", lang="de"))
    extract_document(Document(id="warm", text="Iran supplies drones.", lang="en"))


class ExtractionWorker:
    """One worker process that extracts documents for the server's threads, one request's budget at a time."""

    def __init__(self, seconds: float = DEFAULT_SECONDS) -> None:
        self.seconds = seconds
        self._pool: Pool | None = None
        self._lock = threading.Lock()

    def deadline(self) -> float:
        """The monotonic time by which a request started now must be done."""
        return time.monotonic() + self.seconds

    def extract(self, doc: Document, deadline: float) -> DocumentResult:
        """``extract_document(doc)`` in the worker; :class:`BudgetExceeded` when ``deadline`` passes first.

        Errors of the extraction (an unsupported language) come back as they were raised.
        """
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise BudgetExceeded(self._message())
        pool = self._current()
        pending = pool.apply_async(extract_document, (doc,))
        try:
            return pending.get(timeout=remaining)
        except multiprocessing.TimeoutError:
            self._replace(pool)
            raise BudgetExceeded(self._message()) from None

    def pids(self) -> list[int]:
        """Process ids of the running worker (none before the first extraction)."""
        with self._lock:
            pool = self._pool
        return [p.pid for p in getattr(pool, "_pool", ()) if p.pid is not None] if pool is not None else []

    def close(self) -> None:
        """Stop the worker (at server shutdown): a running extraction is abandoned, not awaited."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()  # the worker process is reaped, not left behind

    def _message(self) -> str:
        return (
            f"extraction took longer than the server's budget of {self.seconds:g} s "
            "($ARMSFLOW_EXTRACT_SECONDS); send a shorter text or raise the budget"
        )

    def _current(self) -> Pool:
        with self._lock:
            if self._pool is None:
                self._pool = multiprocessing.get_context("forkserver").Pool(1, initializer=_warm)
            return self._pool

    def _replace(self, pool: Pool) -> None:
        """Stop a worker that ran out of time; the next request starts a fresh one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()
        pool.join()
