"""Sanctions lists in the knowledge base: entities with their blocking keys, loaded a whole list at a time.

``ListStore(store).load(info, entities)`` replaces a list in ONE transaction: its previous entities and
keys go, the new ones come, and a malformed entity met half-way (the readers raise as they read) rolls all
of it back, leaving the previous list in use. Each entity is stored as JSON with a ``fingerprint`` of it:
an analyst's decision on a hit records the fingerprint, and a list reloaded with that entity changed
re-opens the decision. ``candidates(keys)`` is the matcher's index lookup (no search server): the
entities sharing the most blocking keys with the query, rare keys first.

Each list records the blocking-key algorithm it was indexed with (``names.keys_algorithm()``, schema
migration 7). A lookup refuses a list indexed by another version with :class:`StaleKeysError` (its stored keys
no longer meet the query's, so entities would be missed without a word), until ``rekey(name)`` recomputes the
keys from the stored entities or the list is loaded again. The index is a table of postings: one row a key and
list with how many entities hold the key and their numbers (``screening_entities.num``, packed), so a lookup
weighs its keys and reads their entities with one indexed row a key, and adds the weights up in Python.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from armsflow.screening import names
from armsflow.screening.model import Entity, Identifier, ListInfo
from armsflow.store import Store, StoreError

CHUNK = 2000  # entities written per statement batch
# A key held by more than this share of the entities (and by more than COMMON_MIN) is left out of a lookup that
# has rarer keys, and a lookup reads at most BUDGET postings beyond its rarest key, rarest keys first. On 1,000,000
# synthetic names (benchmarks/screening/lookup_speed.py, the matcher's keys) a budget of 40,000 found the queried
# name among the top 50 candidates for 87 % of the queries (schema 7; 85 % with schema 6's tie order).
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


class StaleKeysError(StoreError):
    """A list was indexed with other blocking keys than this armsflow computes: screening it would miss
    entities silently, so it is refused with what to run."""


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
    key_version: str | None = None  # the blocking-key algorithm it was indexed with (None: loaded before 7)

    @property
    def age(self) -> str:
        return age(self.loaded_at)

    @property
    def keys_current(self) -> bool:
        """Whether its keys were cut as this armsflow cuts a query's (else lookups refuse it)."""
        return self.key_version == names.keys_algorithm()

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "age": self.age, "keys_current": self.keys_current}


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
    """The screening tables of an open :class:`~armsflow.store.Store` (schema migrations 6 and 7)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------ writing

    def load(
        self, info: ListInfo, entities: Iterable[Entity], progress: Callable[[int], None] | None = None
    ) -> LoadSummary:
        """Replace the list ``info.name`` with ``entities``, in one transaction: all of it or none of it.

        ``entities`` may be a reader's generator; an error it raises half-way rolls the load back, and the
        list loaded before stays as it was. ``progress`` is called with the number of entities written so far.
        The entities are numbered in the order read; the postings (each key's entity numbers) are written last.
        """
        store = self.store
        with store.write():
            before = {
                r["id"]: r["fingerprint"]
                for r in store.fetchall(
                    "SELECT id, fingerprint FROM screening_entities WHERE list_name = ?", (info.name,)
                )
            }
            self._delete(info.name)
            now = _now()
            store.execute(
                "INSERT INTO screening_lists (name, source, format, published, loaded_at, checked_at, stale, "
                "n_entities, key_version) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?)",
                (info.name, info.source, info.format, info.published, now, now, names.keys_algorithm()),
            )
            postings: dict[str, array[int]] = {}
            new = changed = unchanged = total = 0
            for chunk in _chunks(entities, CHUNK):
                entity_rows: list[tuple[Any, ...]] = []
                for entity in chunk:
                    if entity.list_name != info.name:
                        entity = _renamed(entity, info.name)
                    data = entity_data(entity)
                    print_ = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
                    old = before.pop(entity.id, None)
                    new += old is None
                    changed += old is not None and old != print_
                    unchanged += old == print_
                    num = total + len(entity_rows)
                    entity_rows.append((info.name, entity.id, num, entity.schema, entity.name, data, print_))
                    _post(postings, entity_keys(entity), num)
                self._insert("screening_entities",
                             ("list_name", "id", "num", "schema", "name", "data", "fingerprint"),
                             entity_rows)  # fmt: skip
                total += len(chunk)
                if progress:
                    progress(total)
            self._write_postings(info.name, postings)
            store.execute("UPDATE screening_lists SET n_entities = ? WHERE name = ?", (total, info.name))
        return LoadSummary(info.name, total, new, changed, len(before), unchanged)

    def rekey(self, name: str, progress: Callable[[int], None] | None = None) -> int:
        """Recompute the blocking keys of a loaded list from its stored entities, in one transaction, and record
        this armsflow's key algorithm with it; the number of entities re-keyed. No file or network is needed:
        the entities are stored whole. They are numbered again in id order. A list not loaded is a
        :class:`StoreError`."""
        store = self.store
        with store.write():
            if store.fetchone("SELECT 1 AS x FROM screening_lists WHERE name = ?", (name,)) is None:
                raise StoreError(f"no list named {name!r} is loaded (armsflow lists shows them)")
            store.execute("DELETE FROM screening_postings WHERE list_name = ?", (name,))
            postings: dict[str, array[int]] = {}
            done, after = 0, ""
            while True:  # in pages of ids, so a list of millions is never held in memory whole
                rows = store.fetchall(
                    "SELECT id, data FROM screening_entities WHERE list_name = ? AND id > ? ORDER BY id LIMIT ?",
                    (name, after, CHUNK),
                )
                if not rows:
                    break
                numbered = []
                for num, row in enumerate(rows, start=done):
                    _post(postings, entity_keys(entity_from_data(row["data"])), num)
                    numbered.append((num, name, row["id"]))
                store.executemany("UPDATE screening_entities SET num = ? WHERE list_name = ? AND id = ?", numbered)
                done += len(rows)
                after = rows[-1]["id"]
                if progress:
                    progress(done)
            self._write_postings(name, postings)
            store.execute("UPDATE screening_lists SET key_version = ? WHERE name = ?", (names.keys_algorithm(), name))
        return done

    def _write_postings(self, name: str, postings: dict[str, array[int]]) -> None:
        rows = [(key, name, len(nums), _encode(nums)) for key, nums in sorted(postings.items())]
        for start in range(0, len(rows), 20_000):  # bounded statements (the blobs of common keys are large)
            self._insert("screening_postings", ("key", "list_name", "n", "nums"), rows[start : start + 20_000])

    def _delete(self, name: str) -> None:
        for table, column in (("screening_postings", "list_name"), ("screening_entities", "list_name"),
                              ("screening_lists", "name")):  # fmt: skip
            self.store.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))

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
            self._delete(name)
        return present

    # ------------------------------------------------------------------ reading

    def lists(self) -> list[StoredList]:
        rows = self.store.fetchall(
            "SELECT name, source, format, published, loaded_at, checked_at, stale, n_entities, key_version "
            "FROM screening_lists ORDER BY name"
        )
        return [
            StoredList(r["name"], r["source"], r["format"], r["published"], r["loaded_at"], r["checked_at"],
                       r["stale"], int(r["n_entities"]), r["key_version"])
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
        those lists. A list in scope indexed with other keys than a query's raises :class:`StaleKeysError`.
        """
        wanted = sorted(set(keys))
        total = max(self._check_keys(lists), 1)
        if not wanted:
            return []
        scope, scope_params = "", []
        if lists:
            scope = f" AND list_name IN ({', '.join('?' for _ in lists)})"
            scope_params = list(lists)
        cap = max(COMMON_MIN, int(total * COMMON))
        marks = ", ".join("?" for _ in wanted)
        rows = self.store.fetchall(
            f"SELECT key, SUM(n) AS n FROM screening_postings WHERE key IN ({marks}){scope} GROUP BY key",
            [*wanted, *scope_params],
        )
        # a key over the cap counts as cap + 1 (how far it was once counted): it is read only when all keys are
        counts = {r["key"]: min(int(r["n"]), cap + 1) for r in rows if r["n"]}
        if not counts:
            return []
        use = _within_budget(counts, cap)
        # integer weights (1/10,000ths), so that sums are exact and ties do not depend on the order of adding
        weight = {key: round(10_000 * math.log(1 + total / counts[key])) for key in use}
        scores: dict[str, dict[int, int]] = {}
        for r in self.store.fetchall(
            f"SELECT key, list_name, nums FROM screening_postings WHERE key IN ({', '.join('?' for _ in use)}){scope}",
            [*use, *scope_params],
        ):
            acc = scores.setdefault(r["list_name"], {})
            get, w = acc.get, weight[r["key"]]
            for num in _decode(r["nums"]):
                acc[num] = get(num, 0) + w
        return self._fetch(_best(scores, limit))

    def _check_keys(self, lists: Sequence[str] | None) -> int:
        """The entities of all loaded lists (what key rarity is measured against); raises
        :class:`StaleKeysError` when a list in scope was indexed with other blocking keys than a query's."""
        current = names.keys_algorithm()
        total = 0
        for r in self.store.fetchall("SELECT name, n_entities, key_version FROM screening_lists ORDER BY name"):
            total += int(r["n_entities"])
            if r["key_version"] != current and (not lists or r["name"] in lists):
                raise StaleKeysError(stale_keys_message(r["name"], r["key_version"]))
        return total

    def _fetch(self, refs: Sequence[tuple[str, int]]) -> list[Entity]:
        """The entities by (list, number), in the order given."""
        by_list: dict[str, list[int]] = {}
        for list_name, num in refs:
            by_list.setdefault(list_name, []).append(num)
        by_ref: dict[tuple[str, int], str] = {}
        for list_name, nums in by_list.items():
            marks = ", ".join("?" for _ in nums)
            rows = self.store.fetchall(
                f"SELECT num, data FROM screening_entities WHERE list_name = ? AND num IN ({marks})", [list_name, *nums]
            )
            by_ref.update(((list_name, int(r["num"])), r["data"]) for r in rows)
        return [entity_from_data(by_ref[ref]) for ref in refs if ref in by_ref]


def _post(postings: dict[str, array[int]], keys: Iterable[str], num: int) -> None:
    for key in keys:
        nums = postings.get(key)
        if nums is None:
            postings[key] = nums = array("I")
        nums.append(num)


def _encode(nums: array[int]) -> bytes:
    """Entity numbers as stored: unsigned 32-bit, little-endian (the same file reads on any machine)."""
    if sys.byteorder == "big":
        nums = array("I", nums)
        nums.byteswap()
    return nums.tobytes()


def _decode(blob: bytes | memoryview) -> array[int]:
    nums = array("I")
    nums.frombytes(bytes(blob))
    if sys.byteorder == "big":
        nums.byteswap()
    return nums


def _best(scores: dict[str, dict[int, int]], limit: int) -> list[tuple[str, int]]:
    """The ``limit`` best (list, number) by score, then list name and number. Only entries at or above the
    limit-th best score are sorted (a common key's thousands of one-key entities never are)."""
    every = sorted((s for acc in scores.values() for s in acc.values()), reverse=True)
    if not every:
        return []
    floor = every[min(limit, len(every)) - 1]
    top = [(-s, list_name, num) for list_name, acc in scores.items() for num, s in acc.items() if s >= floor]
    top.sort()
    return [(list_name, num) for _, list_name, num in top[:limit]]


def stale_keys_message(name: str, version: str | None) -> str:
    """What to do about a list indexed with other blocking keys, in one line."""
    was = (
        f"blocking keys {version}"
        if version
        else "blocking keys of an unknown version (loaded before they were recorded)"
    )
    return (
        f"list {name!r} was indexed with {was}, this armsflow cuts names into {names.keys_algorithm()}: "
        f"its lookups would miss entities; run 'armsflow lists rekey {name}' (or load the list again)"
    )


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
