"""FollowTheMoney entities (OpenSanctions, Aleph), one JSON object per line.

- actors: states and international organisations as ``PublicBody``, other groups as
  ``Organization``; ``name`` in English, ``alias`` in German (when it differs), ``country`` for
  states, and armsflow's id as a ``keywords`` value (``armsflow:IRN``), searchable;
- transfer records: ``EconomicActivity`` with ``sender``, ``receiver``, ``goodsDescription``, and
  a ``summary`` — FtM's caption for the schema — that says who sends what to whom and how far it
  got ("Iran → Russia: 40, 60 Shahed-136 (uav), denied; reported 2024-03-02 … 2024-03-07");
- sanction records: ``Sanction`` with ``entity``, ``authority`` and ``program`` (the caption);
- documents: ``Article`` entities, each one the ``proof`` of the records its sentences support
  (only articles that prove an exported record are written, so every one is linked).

``startDate``/``endDate`` of a record are the dates its evidence sentences give for the transfer
or measure itself ("delivered 2020–22", "im April 2025") when any does; the reporting period is
in the summary and on the articles (``publishedAt``), never passed off as the transfer's date.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from armsflow.export import Selection, iter_records
from armsflow.export.names import NON_STATE, alpha2, display_name, is_state
from armsflow.export.textdates import transfer_dates

ORGANISATIONS = ("EU", "NATO", "UN")  # public bodies among the non-state actors


class _Writer:
    def __init__(self, out: TextIO) -> None:
        from followthemoney import model

        self.model, self.out = model, out
        self.actors: dict[str, str] = {}
        self.articles: set[str] = set()
        self.written = 0

    def emit(self, entity: Any) -> None:
        self.out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        self.written += 1

    def actor(self, aid: str) -> str:
        """The id of the actor's entity, written the first time it is needed."""
        if aid not in self.actors:
            public = is_state(aid) or aid in ORGANISATIONS
            entity = self.model.make_entity("PublicBody" if public else "Organization")
            entity.make_id("armsflow-actor", aid)
            english, german = display_name(aid), display_name(aid, "de")
            entity.add("name", english)
            if german != english:
                entity.add("alias", german)
            if aid in ORGANISATIONS or len(aid) <= 4 and aid.isupper():
                entity.add("abbreviation", aid)
            country = alpha2(aid)
            if country:
                entity.add("country", country)
            entity.add("keywords", f"armsflow:{aid}")
            if aid in NON_STATE and not public:
                entity.add("topics", "mil")  # FtM's topic for military and armed groups
            self.emit(entity)
            self.actors[aid] = str(entity.id)
        return self.actors[aid]

    def article(self, e: dict[str, Any]) -> str:
        """The id of the evidence's article, written the first time a record it proves needs it."""
        entity = self.model.make_entity("Article")
        entity.make_id("armsflow-document", e["document_id"])
        if entity.id not in self.articles:
            entity.add("title", e["title"] or e["doc_key"])
            entity.add("sourceUrl", e["url"], quiet=True)
            entity.add("publisher", e["publisher"])
            entity.add("publishedAt", e["published"], quiet=True)
            entity.add("language", e["lang"], quiet=True, fuzzy=True)
            self.emit(entity)
            self.articles.add(str(entity.id))
        return str(entity.id)


def summary(r: dict[str, Any]) -> str:
    """Who sends what to whom and where it stands, in words: the caption FtM shows for the record."""
    period = f"reported {r['first_reported']}" + (
        f" … {r['last_reported']}" if r["last_reported"] != r["first_reported"] else ""
    )
    if r["type"] == "transfer":
        supplier = display_name(r["supplier"]) if r["supplier"] else "unknown supplier"
        recipient = display_name(r["recipient"]) if r["recipient"] else "unknown recipient"
        amount = ", ".join(str(q) for q in r["quantities"])
        what = " ".join(x for x in (amount, r.get("variant") or r["designation"]) if x)  # Leopard 2A6, not 2
        goods = f"{what} ({r['item']})" if what else (r["item"] or "arms")
        return f"{supplier} → {recipient}: {goods}, {r['status']}; {period}"
    imposer = display_name(r["imposer"]) if r["imposer"] else "unknown authority"
    return f"{imposer} sanctions {display_name(r['target'])}: {r['status']}; {period}"


def write(store: Any, out: TextIO, sel: Selection) -> int:
    w = _Writer(out)
    for r in iter_records(store, sel):
        if r["type"] == "sanction" and not r["target"]:
            continue  # a Sanction needs its entity
        proofs = sorted({w.article(e) for e in r["evidence"]})
        if r["type"] == "transfer":
            entity = w.model.make_entity("EconomicActivity")
            if r["supplier"]:
                entity.add("sender", w.actor(r["supplier"]))
            if r["recipient"]:
                entity.add("receiver", w.actor(r["recipient"]))
            named = r.get("variant") or r["designation"]
            entity.add("goodsDescription", " ".join(x for x in (named, r["item"]) if x))
            entity.add("summary", summary(r))
        else:
            entity = w.model.make_entity("Sanction")
            entity.add("entity", w.actor(r["target"]))
            if r["imposer"]:
                entity.add("authority", display_name(r["imposer"]))
            entity.add("program", summary(r))
            entity.add("status", r["status"])
        entity.make_id("armsflow-record", r["id"])
        spans = [d for d in (transfer_dates(e["evidence"]) for e in r["evidence"]) if d]
        if spans:
            entity.add("startDate", min(s for s, _ in spans))
            entity.add("endDate", max(e for _, e in spans))
        entity.add("proof", proofs)
        entity.add("recordId", r["id"])
        entity.add("description", " | ".join(" ".join(e["evidence"].split()) for e in r["evidence"][:20]))
        entity.add("sourceUrl", sorted({e["url"] for e in r["evidence"] if e["url"]}), quiet=True)
        w.emit(entity)
    return w.written
