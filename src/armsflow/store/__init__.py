"""The knowledge base: documents, their events and the merged records, in SQLite or PostgreSQL.

One schema (``migrations.py``) and one set of statements serve both
backends; what differs — placeholders, locking, catalogue queries — is kept
in the few lines of :class:`Store` that check ``self.backend``.

Writes are serialised, so concurrent ingest processes neither corrupt nor
duplicate: SQLite takes its write lock at ``BEGIN IMMEDIATE`` (and waits up
to ``busy_timeout`` for it), PostgreSQL takes a transaction-scoped advisory
lock. A document, its events and the records they touch are written in one
transaction, so an interrupted ingest leaves either the whole document or
nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from armsflow.model import Document, Event
from armsflow.records import PINNED, EventRow, derive, group_id, group_records, record_key
from armsflow.store.migrations import MIGRATIONS, SCHEMA_VERSION

_PINNED_RANGE = (PINNED, PINNED[:-1] + chr(ord(PINNED[-1]) + 1))  # every group id that starts with PINNED
_LOCK_KEY = 0x41524D53  # "ARMS": the advisory lock every PostgreSQL writer takes
_BUSY_MS = 30_000  # how long a writer waits for another's lock (ARMSFLOW_LOCK_TIMEOUT, seconds)


class StoreError(RuntimeError):
    """A database problem stated for a user (path or URL, and what went wrong)."""


def default_location() -> str:
    """``$ARMSFLOW_DB``, else ``~/.local/share/armsflow/armsflow.db`` (XDG data home)."""
    env = os.environ.get("ARMSFLOW_DB")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "armsflow" / "armsflow.db")


def _lock_timeout_ms() -> int:
    raw = os.environ.get("ARMSFLOW_LOCK_TIMEOUT")
    try:
        return int(float(raw) * 1000) if raw else _BUSY_MS
    except ValueError:
        return _BUSY_MS


def content_hash(text: str) -> str:
    """The document id: the same article, however its whitespace was kept, is stored once."""
    # (split() and join() are re.sub(r"\s+", " ", …).strip() exactly, same whitespace, three times faster)
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _writable(folder: Path) -> bool:
    """Whether files can be created in ``folder``: its permission bits (which root ignores) and access."""
    try:
        return bool(folder.stat().st_mode & 0o222) and os.access(folder, os.W_OK)
    except OSError:
        return False


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class Store:
    """An open knowledge base. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, location: str | None = None, *, migrate: bool = True) -> None:
        self.location = location or default_location()
        self.backend = "postgresql" if self.location.startswith(("postgresql://", "postgres://")) else "sqlite"
        self.label = _redact(self.location) if self.backend == "postgresql" else self.location
        self.busy_ms = _lock_timeout_ms()
        self._conn: Any = self._connect()
        if migrate:
            self.migrate()

    # ------------------------------------------------------------------ connection

    def _connect(self) -> Any:
        if self.backend == "postgresql":
            try:
                import psycopg
            except ImportError as err:  # pragma: no cover - psycopg is a declared dependency
                raise StoreError("PostgreSQL needs the psycopg package") from err
            try:
                pg = psycopg.connect(self.location, autocommit=True, connect_timeout=10)
                pg.execute(f"SET lock_timeout = {int(self.busy_ms)}")  # the writers' advisory lock included
                return pg
            except psycopg.Error as err:
                raise StoreError(f"cannot connect to {self.label}: {_first_line(err)}") from err
        path = Path(self.location)
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the folder for {path}: {err.strerror or err}") from err
        # A file without write permission bits is opened read-only, even by root, who could write anyway.
        # So is any database in a folder without write permission bits: SQLite could create no journal
        # there, and a WAL database would need its shared-memory side file, which it cannot create either;
        # opened as immutable, it is read in place with no side file at all.
        folder_locked = path.exists() and not _writable(path.parent)
        read_only = path.exists() and (folder_locked or not path.stat().st_mode & 0o222)
        try:
            if read_only:
                uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if folder_locked else "")
                conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                conn = sqlite3.connect(str(path), timeout=self.busy_ms / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {self.busy_ms}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only and os.access(path.parent, os.W_OK):
                conn.execute("PRAGMA journal_mode = WAL")  # readers do not block the writer
                # In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
                # transactions but never corrupts the file, and an ingest re-run restores them (idempotent).
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -32768")  # 32 MB of pages: a batch's record refresh stays in memory
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.row_factory = sqlite3.Row
            return conn
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot open {path}: {err}") from err

    def close(self) -> None:
        try:
            if self.backend == "sqlite":
                self._conn.execute("PRAGMA optimize")  # keeps the planner's statistics current, cheaply
            self._conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not mask the real error
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.backend == "postgresql" else sql

    def _errors(self) -> tuple[type[BaseException], ...]:
        if self.backend == "postgresql":
            import psycopg

            return (psycopg.Error,)
        return (sqlite3.Error,)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(self._sql(sql), tuple(params))
        except self._errors() as err:
            raise StoreError(self._explain(err)) from err

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            if self.backend == "postgresql":
                with self._conn.cursor() as cur:
                    cur.executemany(self._sql(sql), [tuple(r) for r in rows])
            else:
                self._conn.executemany(sql, rows)
        except self._errors() as err:
            raise StoreError(self._explain(err)) from err

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        if self.backend == "postgresql":
            names = [d.name for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        return [dict(row) for row in cur.fetchall()]

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    def _explain(self, err: BaseException) -> str:
        text = _first_line(err)
        low = text.lower()
        if "readonly" in low or "read-only" in low:
            return f"{self.label} is read-only: nothing was written ({text})"
        if "locked" in low or "busy" in low:
            return (
                f"{self.label} is locked by another process and stayed locked for {self.busy_ms / 1000:g} s "
                f"({text}); nothing was written"
            )
        if "full" in low or "no space" in low:
            return f"{self.label}: the disk is full ({text}); this document was not written, earlier ones are intact"
        return f"{self.label}: {text}"

    @contextmanager
    def write(self) -> Iterator[None]:
        """One serialised write transaction: all of it is stored, or none of it."""
        if self.backend == "postgresql":
            import psycopg

            try:
                with self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                    yield
            except psycopg.Error as err:
                raise StoreError(self._explain(err)) from err
            return
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            self._rollback()
            raise StoreError(self._explain(err)) from err

    def _rollback(self) -> None:
        """Undo the open SQLite transaction, unless SQLite already has.

        After some errors (a full disk, an I/O error) SQLite rolls the transaction back by itself; a
        second ROLLBACK would then fail with "no transaction is active" and replace the real error.
        """
        if not self._conn.in_transaction:
            return
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone either way; the error that led here is the one to report

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        if self.backend == "postgresql":
            row = self.fetchone("SELECT to_regclass('meta') IS NOT NULL AS present")
            present = bool(row and row["present"])
        else:
            present = self.fetchone("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'") is not None
        if not present:
            return 0
        row = self.fetchone("SELECT value FROM meta WHERE key = 'schema_version'")
        if row is None:
            return 0
        try:
            return int(row["value"])
        except (TypeError, ValueError):
            # a hand-edited or foreign database: say what is wrong rather than fail with a traceback
            raise StoreError(
                f"{self.label} has schema version {row['value']!r} in its meta table, not a number; "
                "is it an armsflow database?"
            ) from None

    def migrate(self, target: int = SCHEMA_VERSION) -> list[int]:
        """Apply the migrations this database lacks, up to ``target``; returns the versions applied."""
        applied: list[int] = []
        if SCHEMA_VERSION >= self.schema_version() >= target:
            return applied  # up to date: no write lock, so a read-only database can still be queried
        with self.write():
            current = self.schema_version()
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.label} has schema version {current}, newer than this armsflow knows "
                    f"({SCHEMA_VERSION}); upgrade armsflow"
                )
            rebuild = False
            for migration in MIGRATIONS:
                if current < migration.version <= target:
                    own = migration.postgresql if self.backend == "postgresql" else migration.sqlite
                    for statement in (*migration.statements, *own):
                        self.execute(statement)
                    self.execute(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (str(migration.version),),
                    )
                    rebuild = rebuild or migration.rebuild_records
                    applied.append(migration.version)
            if rebuild and target == SCHEMA_VERSION:
                # derived tables are recomputed once, by the merge of this version, on the complete schema
                self._assign_groups()
                self._reapply_judgements()
                self._rebuild_records()
        return applied

    # ------------------------------------------------------------------ writing

    def has_document(self, doc_hash: str) -> bool:
        return self.fetchone("SELECT 1 AS x FROM documents WHERE id = ?", (doc_hash,)) is not None

    def add_document(self, doc: Document, events: Sequence[Event], lang: str | None = None) -> bool:
        """Store a document with its events and update the records they touch.

        Returns False (and stores nothing) when the same text is already stored.
        """
        return self.add_documents([(doc, events, lang)])[0]

    def add_documents(
        self, batch: Sequence[tuple[Document, Sequence[Event], str | None]], hashes: Sequence[str] | None = None
    ) -> list[bool]:
        """Store several documents with their events in one transaction, and refresh each touched record once.

        One commit (one sync) and one record refresh per batch instead of per document is what lets
        ingest keep up with extraction. Returns, per document, whether it was stored: False for a text
        already in the database or earlier in the same batch. All of the batch is stored, or none of it.
        ``hashes`` are the documents' content hashes when the caller has them already.
        """
        if hashes is None:
            hashes = [content_hash(doc.text) for doc, _, _ in batch]
        stored = [False] * len(batch)
        with self.write():
            # writers are serialised, so what is not stored now cannot be stored by another before we commit
            existing = self.existing_documents(hashes)
            doc_rows: list[tuple[Any, ...]] = []
            event_rows: list[tuple[Any, ...]] = []
            touched: set[str] = set()
            for n, ((doc, events, lang), doc_hash) in enumerate(zip(batch, hashes, strict=True)):
                if doc_hash in existing:
                    continue
                existing.add(doc_hash)
                stored[n] = True
                doc_rows.append(
                    (doc_hash, doc.id, lang or doc.lang, doc.title, doc.date, doc.url, doc.publisher, doc.text,
                     len(events), _now())
                )  # fmt: skip
                event_rows.extend(self._event_rows(doc_hash, events, touched))
            self.insert_rows("documents", self._DOCUMENT_COLUMNS, doc_rows)
            self.insert_rows("events", self._EVENT_COLUMNS, event_rows)
            self._refresh(touched)
        return stored

    def existing_documents(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored (one query per 500)."""
        found: set[str] = set()
        wanted = sorted(set(hashes))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self.fetchall(f"SELECT id FROM documents WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
            found.update(r["id"] for r in rows)
        return found

    _DOCUMENT_COLUMNS = (
        "id", "doc_key", "lang", "title", "date", "url", "publisher", "text", "n_events", "ingested_at",
    )  # fmt: skip
    _EVENT_COLUMNS = (
        "id", "document_id", "type", "status", "supplier", "recipient", "item", "designation", "quantity",
        "imposer", "target", "source", "evidence", "start_char", "end_char", "rule", "record_id", "trace",
        "confidence", "record_group",
    )  # fmt: skip

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows, skipping ids already present: multi-row ``INSERT … VALUES (…), (…)`` statements
        on SQLite (one prepared statement per chunk of rows), ``COPY`` on PostgreSQL (:meth:`_copy_in`).
        """
        if not rows:
            return
        if self.backend == "postgresql":
            self._copy_in(table, columns, rows, "ON CONFLICT (id) DO NOTHING")
            return
        per = max(1, 30_000 // len(columns))  # under SQLite's limit on parameters per statement
        one = "(" + ", ".join("?" for _ in columns) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            params = [value for row in chunk for value in row]
            self.execute(head + ", ".join(one for _ in chunk) + " ON CONFLICT (id) DO NOTHING", params)

    def _copy_in(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], conflict: str) -> None:
        """PostgreSQL: ``COPY`` the rows into a temporary twin of ``table``, then one ``INSERT … SELECT``.

        COPY streams the rows in one round trip without parsing a statement per row; a multi-row
        ``INSERT`` with tens of thousands of placeholders cost more client time in psycopg's query
        parser than the database spent storing them. ``conflict`` says what a present id does.
        """
        import psycopg

        names = ", ".join(columns)
        # one twin per column list: a connection that outlives a migration never reuses a stale one
        twin = f"armsflow_in_{table}_{hashlib.sha1(names.encode()).hexdigest()[:8]}"
        try:
            # only the columns written, without constraints: columns later migrations add keep their defaults
            self._conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {twin} ON COMMIT DELETE ROWS "
                f"AS SELECT {names} FROM {table} WITH NO DATA"
            )
            with self._conn.cursor() as cur, cur.copy(f"COPY {twin} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            self._conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {twin} {conflict}")
            self._conn.execute(f"TRUNCATE {twin}")
        except psycopg.Error as err:
            raise StoreError(self._explain(err)) from err

    @staticmethod
    def _event_rows(doc_hash: str, events: Sequence[Event], touched: set[str]) -> Iterator[tuple[Any, ...]]:
        seen: set[str] = set()
        for e in events:
            rid = group_id(record_key(e))  # the group's; the merge moves it to its deal's record
            touched.add(rid)
            eid = e.event_id(doc_hash)
            if eid in seen:  # the same claim twice in one document is one event, as it always was
                continue
            seen.add(eid)
            yield (
                eid, doc_hash, e.type, e.status, e.supplier, e.recipient, e.item, e.designation, e.quantity,
                e.imposer, e.target, e.source, e.evidence, e.start, e.end, e.rule, rid, json.dumps(e.trace),
                e.confidence, rid,
            )  # fmt: skip

    _EVENT_ROWS = (
        "SELECT e.id, e.record_id, e.record_group, e.type, e.status, e.document_id, e.supplier, e.recipient, e.item, "
        "e.designation, e.imposer, e.target, e.quantity, e.source, e.confidence, e.start_char, e.evidence, "
        "e.review, e.judgements, d.publisher, d.ingested_at, d.lang, "
        "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
        "FROM events e JOIN documents d ON d.id = e.document_id"
    )
    # The same, as plain tuples (group, record id, then EventRow's fields in order): the refresh of every
    # batch reads tens of thousands of these, and building a dict per row was a third of its time.
    _EVENT_TUPLES = (
        "SELECT e.record_group, e.record_id, e.type, e.status, e.document_id, "
        "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)), d.ingested_at, e.supplier, e.recipient, e.item, "
        "e.designation, e.imposer, e.target, e.quantity, e.source, d.publisher, e.confidence, e.id, e.start_char, "
        "e.evidence, d.lang, e.review, e.judgements FROM events e JOIN documents d ON d.id = e.document_id"
    )

    def _refresh(self, groups: Iterable[str]) -> None:
        """Recompute the records of these groups: their deals may split, join or move events.

        A record a judged merge or split pinned is recomputed with every group that adds to it (the
        groups of its events, and those whose deal has its id), all at once; there are as many of them
        as an analyst made judgements, so this stays small.
        """
        wanted = set(groups)
        pinned = self._pinned_rows()
        related = self._pin_related(pinned) if pinned else set()
        if not wanted & related:
            related = set()
        rest = sorted(wanted - related)
        for start in range(0, len(rest), 500):
            chunk = rest[start : start + 500]
            self._drop_stale(chunk, self._store_groups(self._group_rows(chunk)))
        if related:
            both = sorted(related)
            kept = self._store_groups(self._group_rows([g for g in both if not g.startswith(PINNED)]), pinned)
            self._drop_stale(both, kept)

    def _group_rows(self, gids: Sequence[str]) -> list[list[Member]]:
        """The events of these groups, group by group, each with the record it is in now."""
        members: dict[str, list[Member]] = {gid: [] for gid in gids}
        for start in range(0, len(gids), 500):
            chunk = list(gids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            for row in self.execute(self._EVENT_TUPLES + f" WHERE e.record_group IN ({marks})", chunk).fetchall():
                members[row[0]].append(_member(row))
        return [rows for rows in members.values() if rows]

    def _drop_stale(self, gids: Sequence[str], kept: set[str]) -> None:
        """Delete the records of these groups that the merge did not write again."""
        for start in range(0, len(gids), 500):
            chunk = list(gids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            stale = self.fetchall(f"SELECT id FROM records WHERE record_group IN ({marks})", chunk)
            gone = [(r["id"],) for r in stale if r["id"] not in kept]
            if gone:
                self.executemany("DELETE FROM records WHERE id = ?", gone)

    def _pinned_rows(self) -> list[dict[str, Any]]:
        """The events a judged merge or split pinned to a record (see armsflow.review)."""
        # asked at every ingest: the judgements table (small) says first whether any merge or split is in force
        if not self.fetchone(
            "SELECT 1 AS x FROM judgements WHERE action IN ('merge', 'split') AND withdrawn_at IS NULL LIMIT 1"
        ):
            return []
        return self.fetchall(self._EVENT_ROWS + " WHERE " + self._pinned_clause("e.record_group"), _PINNED_RANGE)

    def _pinned_clause(self, column: str) -> str:
        """Whether a group is pinned: a range on SQLite (binary collation, so the index serves it); on
        PostgreSQL the database's collation may not order by code point, so the range's bounds compare as C."""
        if self.backend == "postgresql":
            return f'({column} COLLATE "C" >= ? AND {column} COLLATE "C" < ?)'
        return f"({column} >= ? AND {column} < ?)"

    def _pin_related(self, pinned: list[dict[str, Any]]) -> set[str]:
        """The groups the pinned records are computed with: their own, their events' groups by key, and
        the groups of other events now in them (new evidence that joined a merged record)."""
        pins = sorted({r["record_group"][len(PINNED) :] for r in pinned})
        out = {PINNED + pin for pin in pins} | {group_id(record_key(r)) for r in pinned}
        for start in range(0, len(pins), 500):
            chunk = pins[start : start + 500]
            rows = self.fetchall(
                f"SELECT DISTINCT record_group FROM events WHERE record_id IN ({', '.join('?' for _ in chunk)})",
                chunk,
            )
            out |= {r["record_group"] for r in rows if r["record_group"]}
        return out

    def _store_groups(self, groups: list[list[Member]], pinned: Sequence[dict[str, Any]] = ()) -> set[str]:
        """Merge the groups into their deals' records (with the pinned events, their judged records), write
        them and point the events at them; the ids of the records written."""
        current = {ev.event_id: rid for rows in groups for rid, ev in rows}
        current.update((r["id"], r["record_id"]) for r in pinned)
        found = group_records([[ev for _, ev in rows] for rows in groups], [_event_row(r) for r in pinned])
        out: list[dict[str, Any]] = []
        moved: list[tuple[str, str]] = []
        for rid, is_pinned, members in found:
            rec = derive(members, rid, is_pinned)
            if rec is not None:
                out.append(rec.row())
            moved += [(rid, m.event_id) for m in members if current.get(m.event_id) != rid]
        self._upsert_many(out)
        if moved:
            self.executemany("UPDATE events SET record_id = ? WHERE id = ?", moved)
        return {row["id"] for row in out}

    _RECORD_COLUMNS = (
        "id", "type", "supplier", "recipient", "item", "designation", "imposer", "target", "status",
        "first_reported", "last_reported", "n_documents", "n_sources", "n_publishers", "contradiction",
        "quantities", "history", "confidence", "review", "dispute", "variant", "reported_as", "sources",
        "record_group",
    )  # fmt: skip

    def _upsert_many(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        names = self._RECORD_COLUMNS
        update = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
        if self.backend == "postgresql":
            self._copy_in(
                "records", names, [[row[n] for n in names] for row in rows], f"ON CONFLICT (id) DO UPDATE SET {update}"
            )
            return
        one = "(" + ", ".join("?" for _ in names) + ")"
        per = 30_000 // len(names)
        for start in range(0, len(rows), per):  # multi-row statements: one prepared statement per chunk
            chunk = rows[start : start + per]
            self.execute(
                f"INSERT INTO records ({', '.join(names)}) VALUES {', '.join(one for _ in chunk)} "
                f"ON CONFLICT (id) DO UPDATE SET {update}",
                [row[n] for row in chunk for n in names],
            )

    def _assign_groups(self) -> None:
        """Each event's group from its fields, recomputed (a newer family list may regroup old events);
        events a judgement pinned keep their judged group (armsflow.review.reapply decides it)."""
        rows = self.fetchall(
            "SELECT id, record_group, type, supplier, recipient, item, designation, imposer, target FROM events "
            f"WHERE record_group IS NULL OR NOT {self._pinned_clause('record_group')}",
            _PINNED_RANGE,
        )
        changed = [(gid, r["id"]) for r in rows if (gid := group_id(record_key(r))) != r["record_group"]]
        if changed:
            self.executemany("UPDATE events SET record_group = ? WHERE id = ?", changed)

    def _rebuild_records(self) -> None:
        """Every record again from the events, group by group; the pinned records and their groups last."""
        self.execute("DELETE FROM records")
        pinned = self._pinned_rows()
        related = self._pin_related(pinned) if pinned else set()
        pending: list[list[Member]] = []
        group: list[Member] = []
        current = None
        size = 0
        for row in self.execute(self._EVENT_TUPLES + " ORDER BY e.record_group").fetchall():
            if row[0] in related:
                continue
            if group and row[0] != current:
                pending.append(group)
                size += len(group)
                group = []
                if size >= 5000:
                    self._store_groups(pending)
                    pending, size = [], 0
            group.append(_member(row))
            current = row[0]
        if group:
            pending.append(group)
        self._store_groups(pending)
        if related:
            self._store_groups(self._group_rows(sorted(g for g in related if not g.startswith(PINNED))), pinned)

    def _reapply_judgements(self) -> None:
        """Derive every judged event's fields and record from what was extracted plus its judgements."""
        from armsflow.review import reapply  # the review module builds on this one

        reapply(self)

    def rebuild_records(self) -> int:
        """Recompute every record from the stored events (the merge is deterministic); returns the count."""
        with self.write():
            self._assign_groups()
            self._reapply_judgements()
            self._rebuild_records()
        self.execute("ANALYZE")  # fresh statistics, so the planner picks the selective index
        row = self.fetchone("SELECT COUNT(*) AS n FROM records")
        return int(row["n"]) if row else 0

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "events", "records"):
            row = self.fetchone(f"SELECT COUNT(*) AS n FROM {table}")
            out[table] = int(row["n"]) if row else 0
        return out


Member = tuple[str | None, EventRow]  # an event of a group, with the id of the record it is in now


def _member(t: Sequence[Any]) -> Member:
    """A row of ``Store._EVENT_TUPLES`` as (record id, EventRow), built without a dict per row."""
    group = t[0] or ""
    return t[1], EventRow(
        t[2], t[3], t[4], str(t[5])[:10], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15],
        t[16], t[17], t[18], t[19], t[20], t[21],
        tuple(loads_list(t[22])) if t[22] else (),
        group[len(PINNED) :] if group.startswith(PINNED) else None,
    )  # fmt: skip


def _event_row(r: dict[str, Any]) -> EventRow:
    return EventRow(
        type=r["type"],
        status=r["status"],
        document_id=r["document_id"],
        reported=str(r["reported"])[:10],
        ingested_at=r["ingested_at"],
        supplier=r["supplier"],
        recipient=r["recipient"],
        item=r["item"],
        designation=r["designation"],
        imposer=r["imposer"],
        target=r["target"],
        quantity=r["quantity"],
        source=r["source"],
        publisher=r["publisher"],
        confidence=r["confidence"],
        event_id=r["id"],
        start=r["start_char"],
        evidence=r["evidence"],
        lang=r["lang"],
        review=r["review"],
        judgements=tuple(loads_list(r["judgements"])),
        pin=r["record_group"][len(PINNED) :] if (r["record_group"] or "").startswith(PINNED) else None,
    )


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def open_store(location: str | None = None) -> Store:
    """Open (creating and upgrading as needed) the knowledge base at a path or ``postgresql://`` URL."""
    return Store(location)


def loads_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []
