"""One document's events as a JSON line, written straight from the events (compiled with the core).

`armsflow extract` writes a line per document. Building the dict of every event
(``DocumentResult.to_dict``) and handing it to ``json.dumps`` cost about as
much as the encoding itself, together a tenth of a warm pass over the public
documents. The fields and their order are fixed by the contract, so the line is
put together here from the fields directly; strings go through the ``json``
module's own escaping function, numbers through the same ``repr`` it uses, so
the line is byte for byte the one ``json.dumps(result.to_dict(),
ensure_ascii=False)`` gives (a test compares both on every public document and
on strings with quotes, backslashes and control characters). Anything else
(a value of an unexpected type) is left to ``json.dumps``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from armsflow.model import DocumentResult, Event


def result_line(result: DocumentResult) -> str:
    """``json.dumps(result.to_dict(), ensure_ascii=False)``, without the dicts."""
    r: Any = result  # (fields read as Any, as in _event)
    events = ", ".join([_event(e) for e in r.events])
    return f'{{"id": {_text(r.id)}, "lang": {_text(r.lang)}, "events": [{events}]}}'


def _event(event: Event) -> str:
    # Read as Any: compiled, a field read with its declared type is checked, and a value of another type
    # (which json.dumps would write all the same) would raise instead of being written.
    e: Any = event
    if e.type == "transfer":
        head = (
            f'{{"type": {_text(e.type)}, "supplier": {_text(e.supplier)}, "recipient": {_text(e.recipient)}, '
            f'"item": {_text(e.item)}, "status": {_text(e.status)}, "designation": {_text(e.designation)}, '
            f'"quantity": {_number(e.quantity)}'
        )
    else:
        head = (
            f'{{"type": {_text(e.type)}, "imposer": {_text(e.imposer)}, "target": {_text(e.target)}, '
            f'"status": {_text(e.status)}'
        )
    trace = ", ".join([_text(step) for step in e.trace])
    return (
        f'{head}, "source": {_text(e.source)}, "evidence": {_text(e.evidence)}, "start": {_number(e.start)}, '
        f'"end": {_number(e.end)}, "rule": {_text(e.rule)}, "trace": [{trace}], '
        f'"confidence": {_number(e.confidence)}}}'
    )


def _text(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is str:
        return str(encode_basestring(value))
    return json.dumps(value, ensure_ascii=False)


def _number(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)
