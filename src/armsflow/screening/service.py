"""One screening: a counterparty (and its goods) against the loaded lists, with decisions and network context.

The CLI, the API and the web page all call :func:`screen`, so they answer alike:

1. the query name's blocking keys (``names.blocking_keys``) fetch candidates from the index in the store
   (``ListStore.candidates``);
2. each candidate is scored (``match.score``), best first; only hits at or above ``match.THRESHOLD`` are
   returned unless ``all_hits``;
3. an analyst's decision on the same counterparty (``names.query_key``) and the same list entity applies while
   the entity is unchanged (same fingerprint): a false positive is then left out of the alerts (shown with
   ``all_hits``), a confirmed hit says so; a changed entity re-opens the decision (``decision.reopened``);
4. network context: for each hit, what the knowledge base knows about the entity's state (its countries, which
   are armsflow's actor ids) or group (a list name armsflow knows as an actor): its transfer records as
   supplier and as recipient (partner, item, status, sources) and the sanctions on it;
5. goods (``--goods``/``--hs``): ``goods.check``'s answer, as it gives it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Protocol

from armsflow.query import QueryError, _actor_index
from armsflow.screening import match, names
from armsflow.screening.model import DECISIONS, IDENTIFIER_KINDS, Entity, Hit, Identifier, Query
from armsflow.store import Store, loads_list

POSTINGS = 20_000  # key postings a candidate lookup reads at most (see TableLists.candidates)
CANDIDATES = 50  # entities scored per screening: the ones sharing most blocking keys with the query
_CONTEXT_ROWS = 20  # transfer records per side and actor in a hit's context


class Lists(Protocol):
    """What screening needs of the list store (``armsflow.screening.store.ListStore``)."""

    def candidates(self, keys: Iterable[str], limit: int) -> Sequence[Any]: ...

    def entity(self, list_name: str, id: str) -> Entity | None: ...


def list_store(store: Store) -> Lists:
    """The list store of the lists package; the tables' own reader until that package is installed."""
    try:
        from armsflow.screening.store import ListStore  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return TableLists(store)
    return ListStore(store)  # type: ignore[no-any-return, unused-ignore]


class TableLists:
    """Candidates and entities read straight from the screening tables of schema 6 (the lists package's
    ``ListStore`` answers the same two questions once it is installed)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def candidates(self, keys: Iterable[str], limit: int) -> list[Entity]:
        """The ``limit`` entities sharing most keys with the query, counted over the query's rarest keys: the
        keys are taken rarest first while their postings stay under ``POSTINGS`` (at least the rarest one),
        so a name as common as "Mohammad" costs no scan of every Mohammad on a list of millions."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        # each key's postings, counted no further than the budget: a key held by a tenth of a list is not
        # counted to the end only to be left out
        counts = []
        for key in wanted:
            row = self.store.fetchone(
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM screening_keys WHERE key = ? LIMIT ?) AS k",
                (key, POSTINGS + 1),
            )
            if row and row["n"]:
                counts.append((int(row["n"]), key))
        chosen: list[str] = []
        total = 0
        for n, key in sorted(counts):
            if chosen and total + n > POSTINGS:
                break
            chosen.append(key)
            total += n
        if not chosen:
            return []
        marks = ", ".join("?" * len(chosen))
        rows = self.store.fetchall(
            f"SELECT list_name, entity_id, COUNT(*) AS n FROM screening_keys WHERE key IN ({marks}) "
            f"GROUP BY list_name, entity_id ORDER BY n DESC, list_name, entity_id LIMIT ?",
            (*chosen, limit),
        )
        by_list: dict[str, list[str]] = {}
        for row in rows:
            by_list.setdefault(row["list_name"], []).append(row["entity_id"])
        found: list[Entity] = []
        for list_name, ids in by_list.items():
            marks = ", ".join("?" * len(ids))
            for row in self.store.fetchall(
                f"SELECT data FROM screening_entities WHERE list_name = ? AND id IN ({marks})", (list_name, *ids)
            ):
                found.append(_cached_entity(row["data"]))
        return found

    def entity(self, list_name: str, id: str) -> Entity | None:
        row = self.store.fetchone("SELECT data FROM screening_entities WHERE list_name = ? AND id = ?", (list_name, id))
        return entity_from_json(row["data"]) if row else None


@lru_cache(maxsize=100_000)
def _cached_entity(data: str) -> Entity:
    return entity_from_json(data)


def entity_from_json(data: str | dict[str, Any]) -> Entity:
    """An entity from the JSON the store keeps (``dataclasses.asdict`` of ``model.Entity``)."""
    d = json.loads(data) if isinstance(data, str) else data
    return Entity(
        id=d["id"],
        list_name=d["list_name"],
        schema=d.get("schema", "LegalEntity"),
        name=d["name"],
        aliases=tuple(d.get("aliases") or ()),
        countries=tuple(d.get("countries") or ()),
        birth_dates=tuple(d.get("birth_dates") or ()),
        identifiers=tuple(Identifier(**i) for i in d.get("identifiers") or ()),
        addresses=tuple(d.get("addresses") or ()),
        programs=tuple(d.get("programs") or ()),
        listed_on=d.get("listed_on"),
        extra=dict(d.get("extra") or {}),
    )


def parse_identifier(text: str) -> Identifier:
    """``KIND:VALUE`` (``imo:9123456``, ``passport:721234567``) or a bare value (kind ``other``)."""
    kind, sep, value = text.partition(":")
    if not sep:
        kind, value = "other", text
    kind = kind.strip().lower()
    if kind not in IDENTIFIER_KINDS:
        raise QueryError(f"unknown identifier kind {kind!r} in {text!r}: use one of {', '.join(IDENTIFIER_KINDS)}")
    if not value.strip():
        raise QueryError(f"identifier {text!r} has no value")
    return Identifier(kind, value.strip())


def make_query(name: str, country: str | None = None, dob: str | None = None, ids: Iterable[str] = ()) -> Query:
    """A checked query: a name with a letter or digit, a three-letter country, an ISO birth date (YYYY[-MM[-DD]])."""
    if not names.normalise(name):
        raise QueryError(f"bad name {name!r}: give a name with at least one letter or digit")
    if len(name) > 500:
        raise QueryError("the name is longer than 500 characters")
    if country is not None and not (len(country) == 3 and country.isalpha()):
        raise QueryError(f"bad country {country!r}: give an ISO 3166 alpha-3 code such as RUS or IRN")
    if dob is not None and not _iso_date(dob):
        raise QueryError(f"bad birth date {dob!r}: give YYYY, YYYY-MM or YYYY-MM-DD")
    return Query(name.strip(), country.upper() if country else None, dob, tuple(parse_identifier(i) for i in ids))


def _iso_date(text: str) -> bool:
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        if len(text) == size:
            try:
                datetime.strptime(text, fmt)
                return True
            except ValueError:
                return False
    return False


def screen(
    store: Store,
    query: Query,
    *,
    all_hits: bool = False,
    goods: str | None = None,
    hs: str | None = None,
    lists: Lists | None = None,
    limit: int = CANDIDATES,
) -> dict[str, Any]:
    """The screening of one counterparty as JSON-ready data (see the module's description)."""
    source = lists or list_store(store)
    hits = sorted(
        (match.score(query, e) for e in _entities(source, query, limit)),
        key=lambda h: (-h.score, h.entity.list_name, h.entity.id),
    )
    decided = _decisions_for(store, names.query_key(query.name), hits)
    context: dict[str, dict[str, Any]] = {}
    out_hits = []
    for hit in hits:
        decision = decided.get((hit.entity.list_name, hit.entity.id))
        alert = hit.score >= match.THRESHOLD and not (
            decision and not decision["reopened"] and decision["decision"] == "false_positive"
        )
        if alert or all_hits:
            out_hits.append(hit_json(hit, decision, alert, _context(store, hit.entity, context)))
    result: dict[str, Any] = {
        "query": query_json(query),
        "algorithm": match.ALGORITHM,
        "threshold": match.THRESHOLD,
        "alerts": sum(1 for h in out_hits if h["alert"]),
        "hits": out_hits,
        "lists": screened_lists(store),
    }
    if goods is not None or hs is not None:
        result["goods"] = goods_check(store, goods, hs)
    return result


def _entities(source: Lists, query: Query, limit: int) -> list[Entity]:
    found: list[Entity] = []
    for item in source.candidates(names.blocking_keys(query.name), limit):
        if isinstance(item, Entity):
            found.append(item)
        else:  # a (list_name, id) pair
            entity = source.entity(item[0], item[1])
            if entity is not None:
                found.append(entity)
    return found


def goods_check(store: Store, description: str | None, hs: str | None) -> Any:
    """The goods package's answer for a description or code (its ``to_json()``); bad goods input is a
    :class:`QueryError` like any other bad screening input (exit 2, HTTP 400)."""
    from armsflow.screening import goods

    try:
        return goods.check(description, hs, None, store).to_json()
    except goods.GoodsError as err:
        raise QueryError(str(err)) from err


def query_json(query: Query) -> dict[str, Any]:
    return {
        "name": query.name,
        "country": query.country,
        "birth_date": query.birth_date,
        "identifiers": [{"kind": i.kind, "value": i.value} for i in query.identifiers],
    }


def hit_json(hit: Hit, decision: dict[str, Any] | None, alert: bool, context: list[dict[str, Any]]) -> dict[str, Any]:
    e = hit.entity
    ex = hit.explanation
    return {
        "id": e.id,
        "list": e.list_name,
        "name": e.name,
        "schema": e.schema,
        "score": hit.score,
        "alert": alert,
        "algorithm": hit.algorithm,
        "explanation": {
            "query_name": ex.query_name,
            "matched_name": ex.matched_name,
            "name_score": ex.name_score,
            "features": [{"feature": f, "result": r, "effect": eff} for f, r, eff in ex.features],
        },
        "countries": list(e.countries),
        "birth_dates": list(e.birth_dates),
        "identifiers": [{"kind": i.kind, "value": i.value} for i in e.identifiers],
        "programs": list(e.programs),
        "decision": decision,
        "context": context,
    }


def screened_lists(store: Store) -> list[dict[str, Any]]:
    """The loaded lists a screening ran against, with their age and whether the last update failed."""
    return store.fetchall(
        "SELECT name, source, published, loaded_at, stale, n_entities AS entities FROM screening_lists ORDER BY name"
    )


# ---------------------------------------------------------------------------------------------- decisions


def _fingerprints(store: Store, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for list_name, entity_id in keys:
        row = store.fetchone(
            "SELECT fingerprint FROM screening_entities WHERE list_name = ? AND id = ?", (list_name, entity_id)
        )
        if row:
            out[(list_name, entity_id)] = row["fingerprint"]
    return out


def _decisions_for(store: Store, qkey: str, hits: Sequence[Hit]) -> dict[tuple[str, str], dict[str, Any]]:
    """The latest decision on each hit's entity for this counterparty, marked ``reopened`` when the entity
    changed since (its fingerprint differs)."""
    rows = store.fetchall("SELECT * FROM screening_decisions WHERE query_key = ? ORDER BY created_at, id", (qkey,))
    if not rows:
        return {}
    wanted = {(h.entity.list_name, h.entity.id) for h in hits}
    latest = {(r["list_name"], r["entity_id"]): r for r in rows if (r["list_name"], r["entity_id"]) in wanted}
    prints = _fingerprints(store, latest)
    return {key: _decision_json(row, prints.get(key)) for key, row in latest.items()}


def _decision_json(row: dict[str, Any], fingerprint: str | None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "decision": row["decision"],
        "by": row["author"],
        "why": row["reason"],
        "at": row["created_at"],
        "reopened": fingerprint is not None and fingerprint != row["fingerprint"],
    }


def decide(
    store: Store,
    name: str,
    list_name: str,
    entity_id: str,
    decision: str,
    by: str,
    why: str | None = None,
) -> dict[str, Any]:
    """Store an analyst's decision on the hit of counterparty ``name`` on a list entity."""
    if decision not in DECISIONS:
        raise QueryError(f"bad decision {decision!r}: use {' or '.join(DECISIONS)}")
    if not names.normalise(name):
        raise QueryError(f"bad name {name!r}: give the name that was screened")
    if not by.strip():
        raise QueryError("say who decides (--by NAME)")
    prints = _fingerprints(store, [(list_name, entity_id)])
    if not prints:
        raise QueryError(f"no entity {entity_id!r} on list {list_name!r}: see 'armsflow lists'")
    row = {
        "id": uuid.uuid4().hex[:16],
        "query_key": names.query_key(name),
        "list_name": list_name,
        "entity_id": entity_id,
        "fingerprint": prints[(list_name, entity_id)],
        "decision": decision,
        "author": by.strip(),
        "reason": why,
        "created_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }
    with store.write():
        store.execute(
            f"INSERT INTO screening_decisions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
    return {**_decision_json(row, row["fingerprint"]), "name": name, "list": list_name, "entity_id": entity_id}


def decisions(store: Store, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Decisions, newest first; only those on counterparty ``name`` when given."""
    where, params = ("WHERE query_key = ?", [names.query_key(name)]) if name else ("", [])
    rows = store.fetchall(
        f"SELECT * FROM screening_decisions {where} ORDER BY created_at DESC, id DESC LIMIT ?", (*params, limit)
    )
    prints = _fingerprints(store, {(r["list_name"], r["entity_id"]) for r in rows})
    return [
        {
            **_decision_json(r, prints.get((r["list_name"], r["entity_id"]))),
            "counterparty": r["query_key"],
            "list": r["list_name"],
            "entity_id": r["entity_id"],
        }
        for r in rows
    ]


# ---------------------------------------------------------------------------------------------- network context


def actors_of(entity: Entity) -> list[str]:
    """armsflow actor ids for the entity's state or group: its countries, and its names armsflow knows."""
    found = list(dict.fromkeys(c.upper() for c in entity.countries))
    known = _actor_index()  # names only: actor_id's spelling suggestions on a miss cost a scan per alias
    for name in entity.names():
        aid = known.get(" ".join(name.split()).casefold())
        if aid and aid not in found:
            found.append(aid)
    return found


def _context(store: Store, entity: Entity, cache: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for aid in actors_of(entity):
        if aid not in cache:
            cache[aid] = actor_context(store, aid)
        if cache[aid]["supplies"] or cache[aid]["receives"] or cache[aid]["sanctioned_by"]:
            out.append(cache[aid])
    return out


def actor_context(store: Store, aid: str) -> dict[str, Any]:
    """An actor's transfer records as supplier and recipient (partner, item, status, sources) and the
    sanctions on it, most documents first."""
    out: dict[str, Any] = {"actor": aid}
    for label, own, other, kind in (
        ("supplies", "supplier", "recipient", "transfer"),
        ("receives", "recipient", "supplier", "transfer"),
        ("sanctioned_by", "target", "imposer", "sanction"),
    ):
        item = "item, designation," if kind == "transfer" else ""
        rows = store.fetchall(
            f"SELECT id AS record_id, {other} AS partner, {item} status, n_documents, last_reported, sources "
            f"FROM records WHERE type = ? AND {own} = ? ORDER BY n_documents DESC, last_reported DESC, id LIMIT ?",
            (kind, aid, _CONTEXT_ROWS),
        )
        for row in rows:
            row["sources"] = loads_list(row.get("sources"))
        out[label] = rows
    return out
