"""Reading the knowledge base: filtered records, one record with its evidence, actors, documents.

Filters take what an analyst types: actor ids or names in German or English
("IRN", "Iran", "Russland", "the Kremlin"), item categories or designations
("uav", "Shahed-136"), dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A
name that means nothing is an error that says so, not an empty result.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from armsflow.dates import DATE_FORMS, is_real_date
from armsflow.designations import Canonical, canonical, families, family_names
from armsflow.lexicons import form_tokens, lexicon, read_tsv
from armsflow.model import ITEM_CATEGORIES, NON_STATE_ACTORS, SANCTION_STATUSES, TRANSFER_STATUSES
from armsflow.store import Store, loads_list

MAX_LIMIT = 10_000


class QueryError(ValueError):
    """A filter value armsflow cannot understand; the message says which and why."""


@cache
def _actor_index() -> dict[str, str]:
    """Every actor name and id the lexicon knows, in either language, case-folded -> actor id."""
    index: dict[str, str] = {}
    for lang in ("en", "de"):
        for key, entry in lexicon(lang).actors.items():
            if not entry.id.startswith("@"):
                index.setdefault(" ".join(key).casefold(), entry.id)
    for row in read_tsv("actors.tsv"):
        index[row["id"].casefold()] = row["id"]  # ids win over a name that happens to spell another id
    for aid in NON_STATE_ACTORS:
        index[aid.casefold()] = aid
    return index


_ARTICLES = ("the ", "der ", "die ", "das ", "den ", "dem ", "des ")


def nearest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid values closest in spelling to what was typed, for the error message."""
    pool = {c.casefold(): c for c in choices}
    return [pool[m] for m in difflib.get_close_matches(value.casefold(), list(pool), n=n, cutoff=0.6)]


def _suggest(value: str, choices: Iterable[str]) -> str:
    found = nearest(value, choices)
    return f"; nearest: {', '.join(found)}" if found else ""


def actor_id(name: str) -> str:
    """The actor id for an id in any case or a name in either language ("irn", "Russland", "the Kremlin")."""
    text = " ".join(name.split())
    index = _actor_index()
    candidates = [text]
    low = text.casefold()
    for article in _ARTICLES:
        if low.startswith(article):
            candidates.append(text[len(article) :])
    for candidate in candidates:
        found = index.get(candidate.casefold()) or index.get(" ".join(form_tokens(candidate)).casefold())
        if found:
            return found
    hint = _suggest(text, _actor_choices())
    raise QueryError(f"unknown actor {name!r}: give an actor id (IRN, rsf) or a name in German or English{hint}")


@cache
def _actor_choices() -> tuple[str, ...]:
    """Ids and names to suggest (names shown as the lexicon spells them)."""
    names: set[str] = set(NON_STATE_ACTORS)
    for row in read_tsv("actors.tsv"):
        names.add(row["id"])
        if row["kind"] in ("name", "capital", "metonym", "org"):
            names.add(row["form"])
    return tuple(sorted(names))


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """What ``--item`` selects: a category, or a designation family (and, when named, one variant of it)."""

    category: str | None = None
    family: str | None = None
    variant: str | None = None


def item_filter(value: str, store: Store | None = None) -> ItemMatch:
    """The category, family or variant a user's item names ("uav", "Drohnen", "Eurofighter", "Leopard 2A6").

    A name neither the lexicons nor (with ``store``) any stored record knows is an error with suggestions.
    """
    text = " ".join(value.split())
    low = text.casefold()
    if low in ITEM_CATEGORIES:
        return ItemMatch(category=low)
    for form in dict.fromkeys((low, low.removesuffix("s"), low.removesuffix("n"), low.removesuffix("en"))):
        for lang in ("en", "de"):
            lex = lexicon(lang)
            category = lex.item_words.get(form) or lex.item_heads.get(form) or lex.item_phrases.get(form_tokens(form))
            if category:
                return ItemMatch(category=category)  # "Drohnen", "tanks", "Kampfpanzer"
    found = canonical(text)
    if found.key in families() or _catalogued(found) or found.variant:
        return ItemMatch(family=found.family, variant=found.variant)
    if store is not None:
        row = store.fetchone(
            "SELECT designation FROM records WHERE type = 'transfer' AND LOWER(designation) = LOWER(?) LIMIT 1",
            (found.family,),
        )
        if row is not None:
            return ItemMatch(family=row["designation"])
    hint = _suggest(text, (*ITEM_CATEGORIES, *family_names()))
    raise QueryError(f"unknown item {value!r}: give an item category (uav) or a designation (Shahed-136){hint}")


def _catalogued(found: Canonical) -> bool:
    """Whether the lexicon knows the designation: as a spelling, or by its name ("Gerbera", which the
    texts only ever write with a generic word: "Gerbera drones", "Gerbera-Drohne")."""
    return any(found.key in lexicon(lang).designations for lang in ("en", "de")) or found.family in _names()


@cache
def _names() -> frozenset[str]:
    return frozenset(family_names())


def date_bound(value: str | None, end: bool = False) -> str | None:
    """A date filter as an ISO string; "2024" as an upper bound means the end of 2024."""
    if value is None:
        return None
    text = value.strip()
    if not is_real_date(text):  # the shape alone lets 2024-13-45 through, which matches nothing and means nothing
        raise QueryError(f"bad date {value!r}: {_why_not_a_date(text)}use {DATE_FORMS}")
    if end:
        return text + "~"  # sorts after every date with this prefix
    return text


def _why_not_a_date(text: str) -> str:
    """What is wrong with a date of the right shape ("2024 has no month 13", "February 2024 has 29 days")."""
    found = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not found:
        return ""
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12:
        return f"there is no month {month}; "
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days ({text[:7]}-01 to {text[:7]}-{last:02d}); "


def period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both date bounds, checked against each other: a period that ends before it starts is a mistake."""
    low, high = date_bound(since), date_bound(until, end=True)
    if low and high and low > high:
        raise QueryError(f"--since {since} is after --until {until}: no date can match both")
    return low, high


def confidence_bound(value: float | str) -> float:
    """A confidence threshold in [0, 1]."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise QueryError(f"bad confidence {value!r}: a number between 0 and 1") from None
    if not 0.0 <= number <= 1.0 or number != number:
        raise QueryError(f"bad confidence {value!r}: a number between 0 and 1")
    return number


@dataclass(slots=True)
class RecordFilter:
    type: str = "transfer"
    supplier: str | None = None
    recipient: str | None = None
    imposer: str | None = None
    target: str | None = None
    item: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None  # either side
    min_confidence: float | None = None
    limit: int = 100
    offset: int = 0

    def where(self, store: Store | None = None) -> tuple[str, list[Any]]:
        """SQL conditions and parameters; every value is checked (``store`` lets ``item`` name a stored name)."""
        clauses = ["type = ?"]
        params: list[Any] = [self.type]
        for name in ("supplier", "recipient", "imposer", "target"):
            value = getattr(self, name)
            if value:
                clauses.append(f"{name} = ?")
                params.append(actor_id(value))
        if self.actor:
            aid = actor_id(self.actor)
            sides = ("supplier", "recipient") if self.type == "transfer" else ("imposer", "target")
            clauses.append(f"({sides[0]} = ? OR {sides[1]} = ?)")
            params += [aid, aid]
        if self.item:
            match = item_filter(self.item, store)
            if match.category:
                clauses.append("item = ?")
                params.append(match.category)
            else:
                clauses.append("designation = ?")
                params.append(match.family)
                if match.variant:  # that variant, or the family where the text named none (it may be that one)
                    clauses.append("(variant = ? OR variant IS NULL)")
                    params.append(match.variant)
        if self.status:
            allowed = TRANSFER_STATUSES if self.type == "transfer" else SANCTION_STATUSES
            status = self.status.strip().casefold()
            if status not in allowed:
                hint = _suggest(self.status, allowed)
                raise QueryError(f"unknown status {self.status!r}: one of {', '.join(allowed)}{hint}")
            clauses.append("status = ?")
            params.append(status)
        since, until = period(self.since, self.until)
        if since:
            clauses.append("last_reported >= ?")
            params.append(since)
        if until:
            clauses.append("first_reported <= ?")
            params.append(until)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(confidence_bound(self.min_confidence))
        return " AND ".join(clauses), params


def records(store: Store, flt: RecordFilter) -> list[dict[str, Any]]:
    """Records matching the filter, most recently reported first."""
    if not 1 <= flt.limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if flt.offset < 0:
        raise QueryError("offset must not be negative")
    if flt.actor:
        # "either side" as two index-ordered queries merged here: an OR over two columns would make
        # the database collect and sort every record of a big supplier before the first page
        sides = ("supplier", "recipient") if flt.type == "transfer" else ("imposer", "target")
        merged: dict[str, dict[str, Any]] = {}
        for side in sides:
            one = RecordFilter(**{**_fields(flt), "actor": None, side: flt.actor})
            if getattr(flt, side):  # the side is already fixed to another actor: both must hold
                one = RecordFilter(**{**_fields(flt), "actor": None})
                one_where, one_params = one.where(store)
                other = sides[1] if side == sides[0] else sides[0]
                one_where += f" AND {other} = ?"
                rows = _page(store, one_where, [*one_params, actor_id(flt.actor)], flt.limit + flt.offset, 0)
            else:
                rows = _page(store, *one.where(store), flt.limit + flt.offset, 0)
            for row in rows:
                merged[row["id"]] = row
        # ORDER BY last_reported DESC, id: two stable sorts, the minor key first
        ordered = sorted(merged.values(), key=lambda r: r["id"])
        ordered.sort(key=lambda r: r["last_reported"], reverse=True)
        return [_record(r) for r in ordered[flt.offset : flt.offset + flt.limit]]
    where, params = flt.where(store)
    return [_record(r) for r in _page(store, where, params, flt.limit, flt.offset)]


def _page(store: Store, where: str, params: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    return store.fetchall(
        f"SELECT * FROM records WHERE {where} ORDER BY last_reported DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def _fields(flt: RecordFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in RecordFilter.__slots__}


def count_records(store: Store, flt: RecordFilter) -> int:
    """How many records the filter matches (for "N of M shown")."""
    where, params = flt.where(store)
    row = store.fetchone(f"SELECT COUNT(*) AS n FROM records WHERE {where}", params)
    return int(row["n"]) if row else 0


def _record(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["quantities"] = loads_list(row.get("quantities"))
    out["history"] = loads_list(row.get("history"))
    for name in ("review", "dispute"):  # judgements (armsflow.review) and both sides of a contradiction
        if name in out:
            out[name] = json.loads(row[name]) if row[name] else None
    out["reported_as"] = loads_list(row.get("reported_as"))
    out["sources"] = loads_list(row.get("sources"))
    out.pop("record_group", None)
    if out["type"] == "transfer":
        out.pop("imposer", None)
        out.pop("target", None)
    else:
        for name in ("supplier", "recipient", "item", "designation", "variant", "reported_as"):
            out.pop(name, None)
    return out


def record(store: Store, rid: str) -> dict[str, Any] | None:
    """One record with its status history and every evidence sentence, oldest report first."""
    row = store.fetchone("SELECT * FROM records WHERE id = ?", (rid,))
    if row is None:
        return None
    out = _record(row)
    out["evidence"] = store.fetchall(
        "SELECT e.id AS event_id, e.status, e.designation, e.quantity, e.source, e.evidence, e.start_char, "
        "e.end_char, e.rule, e.trace, e.confidence, e.review, e.extracted, e.judgements, "
        "d.id AS document_id, d.doc_key, d.title, d.url, d.publisher, "
        "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
        "FROM events e JOIN documents d ON d.id = e.document_id WHERE e.record_id = ? "
        "ORDER BY reported, d.id, e.start_char",
        (rid,),
    )
    for ev in out["evidence"]:
        _judged(ev)
    return out


def _judged(ev: dict[str, Any]) -> None:
    """An event row as data: its trace, what the extractor said where a judgement changed it, its judgements."""
    ev["trace"] = loads_list(ev.get("trace"))
    ev["extracted"] = json.loads(ev["extracted"]) if ev.get("extracted") else None
    ev["judgements"] = loads_list(ev.get("judgements"))


def actor(store: Store, name: str) -> dict[str, Any]:
    """What an actor supplies and receives (by partner and item) and the sanctions it imposes or faces."""
    aid = actor_id(name)
    sides = {
        "supplies": ("supplier", "recipient", "transfer"),
        "receives": ("recipient", "supplier", "transfer"),
        "imposes": ("imposer", "target", "sanction"),
        "sanctioned_by": ("target", "imposer", "sanction"),
    }
    out: dict[str, Any] = {"id": aid}
    for label, (own, other, kind) in sides.items():
        item_col = "item" if kind == "transfer" else "NULL"
        out[label] = store.fetchall(
            f"SELECT {other} AS partner, {item_col} AS item, designation, variant, status, first_reported, "
            f"last_reported, n_documents, id AS record_id, review FROM records WHERE type = ? AND {own} = ? "
            f"ORDER BY partner, item, last_reported DESC",
            (kind, aid),
        )
    for rows in (out[label] for label in sides):
        for row in rows:  # judgement counts, as on records, so a judged record is marked in the actor's lists
            row["review"] = json.loads(row["review"]) if row["review"] else None
    out["totals"] = {label: len(out[label]) for label in sides}  # every list is complete: no paging
    return out


def _document_where(store: Store, search: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses, params = ["1 = 1"], []
    if search is not None:
        words = re.findall(r"[^\W_]+", search)
        if not words:
            raise QueryError(f"bad search {search!r}: give at least one word")
        # every word, as a word or the beginning of one, through the full-text index (no scan of every text)
        if store.backend == "postgresql":
            clauses.append("search @@ to_tsquery('simple', ?)")
            params.append(" & ".join(f"{w}:*" for w in words))
        else:
            clauses.append("rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(" ".join(f'"{w}"*' for w in words))
    reported = "COALESCE(date, SUBSTR(ingested_at, 1, 10))"
    low, high = period(since, until)
    if low:
        clauses.append(f"{reported} >= ?")
        params.append(low)
    if high:
        clauses.append(f"{reported} <= ?")
        params.append(high)
    return " AND ".join(clauses), params


def documents(
    store: Store,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stored documents, most recently reported first; ``search``: every word in the title or text."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must not be negative")
    where, params = _document_where(store, search, since, until)
    return store.fetchall(
        "SELECT id, doc_key, COALESCE(date, SUBSTR(ingested_at, 1, 10)) AS reported, lang, title, publisher, url, "
        f"n_events FROM documents WHERE {where} ORDER BY reported DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def count_documents(store: Store, search: str | None = None, since: str | None = None, until: str | None = None) -> int:
    """How many documents the filter matches."""
    where, params = _document_where(store, search, since, until)
    row = store.fetchone(f"SELECT COUNT(*) AS n FROM documents WHERE {where}", params)
    return int(row["n"]) if row else 0


# named, not "*": PostgreSQL's documents also hold the search vector, which is no part of a document
DOCUMENT_COLUMNS = "id, doc_key, lang, title, date, url, publisher, text, n_events, ingested_at"


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and its events (with character spans into the text)."""
    row = store.fetchone(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ? OR doc_key = ? ORDER BY id LIMIT 1", (doc_id, doc_id)
    )
    if row is None:
        return None
    row["events"] = store.fetchall(
        "SELECT id, record_id, type, status, supplier, recipient, imposer, target, item, designation, quantity, "
        "source, evidence, start_char, end_char, rule, trace, confidence, review, extracted, judgements "
        "FROM events WHERE document_id = ? "
        "ORDER BY start_char",
        (row["id"],),
    )
    for ev in row["events"]:
        _judged(ev)
    return row


@cache
def actor_names() -> dict[str, str]:
    """A display name per actor id: the first English (or shared) name in the lexicon."""
    names: dict[str, str] = {}
    for row in read_tsv("actors.tsv"):
        if row["kind"] == "name" and row["lang"] in ("*", "en"):
            names.setdefault(row["id"], row["form"])
    return names


def network(store: Store, flt: RecordFilter) -> dict[str, Any]:
    """Actors as nodes and transfer records as directed edges, for the records the filter selects."""
    rows = records(store, flt)
    names = actor_names()
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        if not (r.get("supplier") and r.get("recipient")):
            continue
        for side, count in ((r["supplier"], "supplies"), (r["recipient"], "receives")):
            node = nodes.setdefault(side, {"id": side, "label": names.get(side, side), "supplies": 0, "receives": 0})
            node[count] += 1
        edges.append(
            {
                "id": r["id"],
                "source": r["supplier"],
                "target": r["recipient"],
                "item": r["item"],
                "designation": r["designation"],
                "variant": r.get("variant"),
                "status": r["status"],
                "first_reported": r["first_reported"],
                "last_reported": r["last_reported"],
                "n_documents": r["n_documents"],
                "contradiction": r["contradiction"],
                "confidence": r.get("confidence"),
                "review": r.get("review"),  # judgement counts: judged edges are marked in the web interface
            }
        )
    # "shown": records on this page (an edge needs both sides, so edges may be fewer)
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges, "shown": len(rows)}


def timeline(store: Store, flt: RecordFilter, by_status: bool = True) -> list[dict[str, Any]]:
    """Per month (and status): how many of the filter's records had an event reported, in how many documents.

    A record counts in every month it was reported in, under the status its events had then (a deal
    agreed in March and delivered in June is in both months), so the chart shows when things were said,
    not only where they stand now. Rejected events count nowhere; the period bounds the months too.
    ``by_status=False`` gives one row per month: a document reporting two statuses counts once there.
    """
    where, params = flt.where(store)
    reported = "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10))"
    clauses = [f"e.record_id IN (SELECT id FROM records WHERE {where})", "(e.review IS NULL OR e.review <> 'rejected')"]
    since, until = period(flt.since, flt.until)
    if since:
        clauses.append(f"{reported} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{reported} <= ?")
        params.append(until)
    month = f"SUBSTR({reported}, 1, 7)"
    keys = f"{month}, e.status" if by_status else month
    rows = store.fetchall(
        f"SELECT {month} AS month, {'e.status' if by_status else 'NULL'} AS status, "
        f"COUNT(DISTINCT e.record_id) AS records, COUNT(DISTINCT e.document_id) AS documents "
        f"FROM events e JOIN documents d ON d.id = e.document_id "
        f"WHERE {' AND '.join(clauses)} GROUP BY {keys} ORDER BY {keys}",
        params,
    )
    out = []
    for r in rows:
        row = {"month": r["month"], "records": int(r["records"]), "documents": int(r["documents"])}
        if by_status:
            row["status"] = r["status"]
        out.append(row)
    return out
