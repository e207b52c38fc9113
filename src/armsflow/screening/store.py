"""Sanctions lists in the knowledge base: entities with their blocking keys, loaded a whole list at a time.

``ListStore(store).load(info, entities)`` replaces a list in ONE transaction: its previous entities and
keys go, the new ones come, and a malformed entity met half-way (the readers raise as they read) rolls all
of it back, leaving the previous list in use. Each entity is stored as JSON with a ``fingerprint`` of it:
an analyst's decision on a hit records the fingerprint, and a list reloaded with that entity changed
re-opens the decision. ``candidates(keys)`` is the matcher's index lookup (no search server): the
entities sharing the most blocking keys with the query, rare keys first.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from armsflow.screening import names
from armsflow.screening.model import Entity, Identifier, ListInfo
from armsflow.store import Store

CHUNK = 2000  # entities written per statement batch
# A key held by more than this share of the entities (and by more than COMMON_MIN) is left out of a lookup that
# has rarer keys, and a lookup reads at most BUDGET index entries beyond its rarest key, rarest keys first. On
# 1,000,000 synthetic names (benchmarks/screening/lookup_speed.py, the matcher's keys) a budget of 40,000 found the
# queried name among the top 50 candidates for 83 % of the queries, 80,000 for 88 % at five times the time.
COMMON = 0.05
COMMON_MIN = 5000
BUDGET = 40_000


def entity_data(entity: Entity) -> str:
    """The entity as canonical JSON (sorted keys, no spaces): what is stored and what the fingerprint hashes."""
    data = {  # by hand: dataclasses.asdict deep-copies every value and took a third of a large load
        "addresses": entity.addresses,
        "aliases": entity.aliases,
        "birth_dates": entity.birth_dates,
        "countries": entity.countries,
        "extra": entity.extra,
        "id": entity.id,
        "identifiers": [{"country": i.country, "kind": i.kind, "value": i.value} for i in entity.identifiers],
        "list_name": entity.list_name,
        "listed_on": entity.listed_on,
        "name": entity.name,
        "programs": entity.programs,
        "schema": entity.schema,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entity_from_data(data: str) -> Entity:
    raw: dict[str, Any] = json.loads(data)
    return Entity(
        id=raw["id"],
        list_name=raw["list_name"],
        schema=raw["schema"],
        name=raw["name"],
        aliases=tuple(raw.get("aliases", ())),
        countries=tuple(raw.get("countries", ())),
        birth_dates=tuple(raw.get("birth_dates", ())),
        identifiers=tuple(Identifier(i["kind"], i["value"], i.get("country")) for i in raw.get("identifiers", ())),
        addresses=tuple(raw.get("addresses", ())),
        programs=tuple(raw.get("programs", ())),
        listed_on=raw.get("listed_on"),
        extra=dict(raw.get("extra") or {}),
    )


def fingerprint(entity: Entity) -> str:
    """A hash of everything the list says about the entity: equal exactly when nothing changed."""
    return hashlib.sha256(entity_data(entity).encode("utf-8")).hexdigest()[:32]


def entity_keys(entity: Entity) -> set[str]:
    """The blocking keys of every name and alias of the entity (each once)."""
    keys: set[str] = set()
    for name in entity.names():
        keys |= names.blocking_keys(name)
    return keys


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def age(timestamp: str | None, now: datetime | None = None) -> str:
    """How long ago a stored UTC timestamp was, for a person: 40 s, 12 min, 5 h, 3 d."""
    if not timestamp:
        return "-"
    try:
        then = datetime.strptime(timestamp[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return "-"
    seconds = max(0, int(((now or datetime.now(UTC)) - then).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


@dataclass(frozen=True, slots=True)
class StoredList:
    """A loaded list as ``armsflow lists`` shows it. ``stale`` is why the last update failed (None when
    it worked or none was tried); ``age`` is the time since it was loaded."""

    name: str
    source: str
    format: str
    published: str | None
    loaded_at: str
    checked_at: str | None
    stale: str | None
    entities: int

    @property
    def age(self) -> str:
        return age(self.loaded_at)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "age": self.age}


@dataclass(frozen=True, slots=True)
class LoadSummary:
    """What a load changed against the list as it was: entities new, changed (their decisions re-open),
    removed and unchanged."""

    name: str
    entities: int
    new: int
    changed: int
    removed: int
    unchanged: int

    def line(self) -> str:
        return (
            f"{self.name}: {self.entities} entities ({self.new} new, {self.changed} changed, "
            f"{self.removed} removed, {self.unchanged} unchanged)"
        )


class ListStore:
    """The screening tables of an open :class:`~armsflow.store.Store` (schema migration 6)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ writing

    def load(
        self, info: ListInfo, entities: Iterable[Entity], progress: Callable[[int], None] | None = None
    ) -> LoadSummary:
        """Replace the list ``info.name`` with ``entities``, in one transaction: all of it or none of it.

        ``entities`` may be a reader's generator; an error it raises half-way rolls the load back, and the
        list loaded before stays as it was. ``progress`` is called with the number of entities written so far.
        """
        store = self.store
        with store.write():
            before = {
                r["id"]: r["fingerprint"]
                for r in store.fetchall(
                    "SELECT id, fingerprint FROM screening_entities WHERE list_name = ?", (info.name,)
                )
            }
            store.execute("DELETE FROM screening_keys WHERE list_name = ?", (info.name,))
            store.execute("DELETE FROM screening_entities WHERE list_name = ?", (info.name,))
            store.execute("DELETE FROM screening_lists WHERE name = ?", (info.name,))
            now = _now()
            store.execute(
                "INSERT INTO screening_lists (name, source, format, published, loaded_at, checked_at, stale, "
                "n_entities) VALUES (?, ?, ?, ?, ?, ?, NULL, 0)",
                (info.name, info.source, info.format, info.published, now, now),
            )
            new = changed = unchanged = total = 0
            for chunk in _chunks(entities, CHUNK):
                entity_rows: list[tuple[Any, ...]] = []
                key_rows: list[tuple[Any, ...]] = []
                for entity in chunk:
                    if entity.list_name != info.name:
                        entity = _renamed(entity, info.name)
                    data = entity_data(entity)
                    print_ = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
                    old = before.pop(entity.id, None)
                    new += old is None
                    changed += old is not None and old != print_
                    unchanged += old == print_
                    entity_rows.append((info.name, entity.id, entity.schema, entity.name, data, print_))
                    key_rows.extend((key, info.name, entity.id) for key in sorted(entity_keys(entity)))
                self._insert("screening_entities", ("list_name", "id", "schema", "name", "data", "fingerprint"),
                             entity_rows)  # fmt: skip
                self._insert("screening_keys", ("key", "list_name", "entity_id"), key_rows)
                total += len(chunk)
                if progress:
                    progress(total)
            store.execute("UPDATE screening_lists SET n_entities = ? WHERE name = ?", (total, info.name))
        return LoadSummary(info.name, total, new, changed, len(before), unchanged)

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Plain inserts (no id conflict to skip: the list's rows were deleted in the same transaction)."""
        if not rows:
            return
        store = self.store
        if store.backend == "postgresql":
            store._copy_in(table, columns, rows, "")  # the store's own bulk path (COPY)
            return
        per = max(1, 30_000 // len(columns))
        one = "(" + ", ".join("?" for _ in columns) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for start in range(0, len(rows), per):
            part = rows[start : start + per]
            store.execute(head + ", ".join(one for _ in part), [v for row in part for v in row])

    def mark_stale(self, name: str, why: str) -> None:
        """The last update of ``name`` failed: it stays in use, marked stale with the reason and the time."""
        with self.store.write():
            self.store.execute(
                "UPDATE screening_lists SET stale = ?, checked_at = ? WHERE name = ?", (why, _now(), name)
            )

    def remove(self, name: str) -> bool:
        """Remove a list and its entities and keys; False when no such list is loaded."""
        with self.store.write():
            present = self.store.fetchone("SELECT 1 AS x FROM screening_lists WHERE name = ?", (name,)) is not None
            self.store.execute("DELETE FROM screening_keys WHERE list_name = ?", (name,))
            self.store.execute("DELETE FROM screening_entities WHERE list_name = ?", (name,))
            self.store.execute("DELETE FROM screening_lists WHERE name = ?", (name,))
        return present

    # ------------------------------------------------------------------ reading

    def lists(self) -> list[StoredList]:
        rows = self.store.fetchall(
            "SELECT name, source, format, published, loaded_at, checked_at, stale, n_entities "
            "FROM screening_lists ORDER BY name"
        )
        return [
            StoredList(r["name"], r["source"], r["format"], r["published"], r["loaded_at"], r["checked_at"],
                       r["stale"], int(r["n_entities"]))
            for r in rows
        ]  # fmt: skip

    def entity(self, list_name: str, entity_id: str) -> Entity | None:
        row = self.store.fetchone(
            "SELECT data FROM screening_entities WHERE list_name = ? AND id = ?", (list_name, entity_id)
        )
        return entity_from_data(row["data"]) if row else None

    def entities(self, list_name: str) -> Iterator[Entity]:
        """Every entity of a list, in id order."""
        rows = self.store.fetchall("SELECT data FROM screening_entities WHERE list_name = ? ORDER BY id", (list_name,))
        return (entity_from_data(r["data"]) for r in rows)

    def fingerprint(self, list_name: str, entity_id: str) -> str | None:
        """The stored entity's fingerprint (what a decision on it compares), None when it is not loaded."""
        row = self.store.fetchone(
            "SELECT fingerprint FROM screening_entities WHERE list_name = ? AND id = ?", (list_name, entity_id)
        )
        return str(row["fingerprint"]) if row else None

    def candidates(self, keys: Iterable[str], limit: int = 50, lists: Sequence[str] | None = None) -> list[Entity]:
        """The entities sharing the most of ``keys`` with a query, at most ``limit``, best first.

        A shared key counts by its rarity (the logarithm of entities per entity holding it), so an entity
        sharing a rare surname ranks above one sharing a common given name. Keys held by a large share of all
        entities ("al", "mohammed", "trading") would make every lookup scan most of the index: they are left
        out while the query has rarer keys, and all keys count when it has none; beyond its rarest key a lookup
        reads keys rarest first while it stays within BUDGET index entries. ``lists`` limits the lookup to
        those lists.
        """
        wanted = sorted(set(keys))
        if not wanted:
            return []
        scope, scope_params = "", []
        if lists:
            scope = f" AND list_name IN ({', '.join('?' for _ in lists)})"
            scope_params = list(lists)
        total = max(self._total_entities(), 1)
        cap = max(COMMON_MIN, int(total * COMMON))
        counts: dict[str, int] = {}
        for key in wanted:  # counted no further than the cap: a key over it is not read unless all are
            row = self.store.fetchone(
                f"SELECT COUNT(*) AS n FROM (SELECT 1 FROM screening_keys WHERE key = ?{scope} LIMIT ?) AS k",
                [key, *scope_params, cap + 1],
            )
            if row and row["n"]:
                counts[key] = int(row["n"])
        if not counts:
            return []
        use = _within_budget(counts, cap)
        weights: list[Any] = []
        for key in use:
            weights += [key, round(math.log(1 + total / counts[key]), 4)]
        cases = " ".join("WHEN ? THEN ?" for _ in use)
        rows = self.store.fetchall(
            f"SELECT list_name, entity_id, SUM(CASE key {cases} ELSE 0 END) AS score FROM screening_keys "
            f"WHERE key IN ({', '.join('?' for _ in use)}){scope} "
            f"GROUP BY list_name, entity_id ORDER BY score DESC, list_name, entity_id LIMIT ?",
            [*weights, *use, *scope_params, limit],
        )
        return self._fetch([(r["list_name"], r["entity_id"]) for r in rows])

    def _total_entities(self) -> int:
        row = self.store.fetchone("SELECT COALESCE(SUM(n_entities), 0) AS n FROM screening_lists")
        return int(row["n"]) if row else 0

    def _fetch(self, refs: Sequence[tuple[str, str]]) -> list[Entity]:
        """The entities by (list, id), in the order given."""
        if not refs:
            return []
        where = " OR ".join("(list_name = ? AND id = ?)" for _ in refs)
        rows = self.store.fetchall(
            f"SELECT list_name, id, data FROM screening_entities WHERE {where}", [v for ref in refs for v in ref]
        )
        by_ref = {(r["list_name"], r["id"]): r["data"] for r in rows}
        return [entity_from_data(by_ref[ref]) for ref in refs if ref in by_ref]


def _within_budget(counts: dict[str, int], cap: int) -> list[str]:
    """The keys a lookup reads: rarest first, while the index entries read stay within BUDGET (the rarest key
    always), leaving out keys over ``cap`` unless the query has no other; sorted, for a stable statement."""
    rare = sorted((n, k) for k, n in counts.items() if n <= cap) or sorted((n, k) for k, n in counts.items())
    use: list[str] = []
    read = 0
    for n, key in rare:
        if use and read + n > BUDGET:
            break
        use.append(key)
        read += n
    return sorted(use)


def _chunks(items: Iterable[Entity], size: int) -> Iterator[list[Entity]]:
    chunk: list[Entity] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _renamed(entity: Entity, list_name: str) -> Entity:
    from dataclasses import replace

    return replace(entity, list_name=list_name)
