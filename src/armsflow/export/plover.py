"""PLOVER events, as the PLOVER manual (Open Event Data Alliance, draft 0.7) specifies them.

One JSON object per line and per stored event that PLOVER codes, with the manual's field names:
``id``, ``date`` (YYYY-MM-DD), ``source`` and ``recipient`` as lists of actor objects (``code``:
ISO 3166 alpha-3 or a non-state code; ``sector``; ``identifier_id`` and ``identifier_text``),
``event`` (a list of categories), ``mode`` only for categories whose mode table the manual
defines, ``context``, ``event_text``, ``quad_code``, ``event_scale``, ``text_info`` (character
offsets), ``cite_info`` (the article). What PLOVER has no field for (status, item, designation,
quantity, attribution, record, confidence) is in one extension object, ``armsflow``, as the
manual invites ("providers should feel free to include named fields").

The mapping, from the manual's category definitions:

- delivered → ``AID`` (mode ``military``: "military and police assistance including arms");
- agreed, planned → ``AGREE`` (promises and intentions; verbal, so no mode);
- considered → ``AID`` with context ``hypothetical``; denied → ``AID`` with context ``negation``
  (the manual's contexts for events that did not, or not yet, happen);
- refused → ``REJECT`` (mode ``assist``: "any form of exchange, relations, or assistance");
- requested → not coded: PLOVER drops CAMEO's APPEAL, and a request is not a demand;
- sanctions imposed → ``SANCTION`` (mode ``sever``), planned → ``SANCTION`` with context
  ``future``, considered → with ``hypothetical``; lifted → ``RETREAT`` (CAMEO 085, easing
  sanctions, is RETREAT in the manual's translation table).

Transfers carry the context ``military``. ``date`` is the day the evidence sentence names when it
names one (``textdates``), else the article's publication date, else the day it was ingested.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import armsflow
from armsflow.export import Selection, iter_records
from armsflow.export.names import plover_actor
from armsflow.export.textdates import transfer_dates

# (type, status) → (category, mode or None, contexts)
MAPPING: dict[tuple[str, str], tuple[str, str | None, tuple[str, ...]]] = {
    ("transfer", "delivered"): ("AID", "military", ("military",)),
    ("transfer", "agreed"): ("AGREE", None, ("military",)),
    ("transfer", "planned"): ("AGREE", None, ("military",)),
    ("transfer", "considered"): ("AID", "military", ("military", "hypothetical")),
    ("transfer", "denied"): ("AID", "military", ("military", "negation")),
    ("transfer", "refused"): ("REJECT", "assist", ("military",)),
    ("sanction", "imposed"): ("SANCTION", "sever", ()),
    ("sanction", "planned"): ("SANCTION", "sever", ("future",)),
    ("sanction", "considered"): ("SANCTION", "sever", ("hypothetical",)),
    ("sanction", "lifted"): ("RETREAT", None, ()),
}
# The manual's quad categories and "Schrodt scores" for the categories used here.
QUAD = {"AGREE": 1, "AID": 2, "RETREAT": 2, "REJECT": 3, "SANCTION": 3}
SCALE = {"AGREE": 4.2, "AID": 7.4, "RETREAT": 7.6, "REJECT": -4.2, "SANCTION": -5.2}
CODEBOOK = "PLOVER 0.7b1 (armsflow mapping)"


def events(store: Any, sel: Selection) -> Any:
    """The PLOVER events of the selected records; ``min_confidence`` also applies to each event's own."""
    for r in iter_records(store, sel):
        for e in r["evidence"]:
            if sel.min_confidence is not None and (e["confidence"] or 0.0) < sel.min_confidence:
                continue
            event = plover_event(e)
            if event is not None:
                yield event


def plover_event(e: dict[str, Any]) -> dict[str, Any] | None:
    """One stored event (with its document's fields) as a PLOVER record; None when PLOVER has no category."""
    coded = MAPPING.get((e["type"], e["status"]))
    if coded is None:
        return None
    category, mode, context = coded
    actor, recipient = (e["supplier"], e["recipient"]) if e["type"] == "transfer" else (e["imposer"], e["target"])
    if not actor:
        return None  # PLOVER requires a source actor
    dates = transfer_dates(e["evidence"])
    date = dates[0] if dates and len(dates[0]) == 10 else e["reported"]
    out: dict[str, Any] = {
        "id": f"armsflow-{e['event_id']}",
        "date": date,
        "source": [plover_actor(actor)],
        "event": [category],
    }
    if recipient:
        out["recipient"] = [plover_actor(recipient)]
    if mode:
        out["mode"] = [mode]
    if context:
        out["context"] = list(context)
    cite = {
        "citation": e["document_id"],
        "url": e["url"],
        "title": e["title"],
        "language": e["lang"],
        "publication": e["publisher"],
        "coder": f"armsflow {armsflow.__version__}",
        "codebook": CODEBOOK,
    }
    out.update(
        event_text=[e["evidence"]],
        quad_code=QUAD[category],
        event_scale=SCALE[category],
        text_info={"start": e["start_char"], "end": e["end_char"]},
        cite_info={k: v for k, v in cite.items() if v is not None},
    )
    out["armsflow"] = {
        "type": e["type"],
        "status": e["status"],
        "item": e["item"],
        "designation": e["designation"],
        "quantity": e["quantity"],
        "attributed_to": e["source"],
        "transfer_dates": list(dates) if dates else None,
        "reported": e["reported"],
        "record_id": e["record_id"],
        "confidence": e["confidence"],
        "rule": e["rule"],
        "review": e["review"],  # accepted or corrected by a reviewer, None when unjudged (rejected: not exported)
    }
    return out


def write(store: Any, out: TextIO, sel: Selection) -> int:
    n = 0
    for event in events(store, sel):
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n
