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
import math
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
            f'{{"type": {_code(e.type)}, "supplier": {_code(e.supplier)}, "recipient": {_code(e.recipient)}, '
            f'"item": {_code(e.item)}, "status": {_code(e.status)}, "designation": {_code(e.designation)}, '
            f'"quantity": {_number(e.quantity)}'
        )
    else:
        head = (
            f'{{"type": {_code(e.type)}, "imposer": {_code(e.imposer)}, "target": {_code(e.target)}, '
            f'"status": {_code(e.status)}'
        )
    trace = ", ".join([_code(step) for step in e.trace])
    return (
        f'{head}, "source": {_text(e.source)}, "evidence": {_text(e.evidence)}, "start": {_number(e.start)}, '
        f'"end": {_number(e.end)}, "rule": {_code(e.rule)}, "trace": [{trace}], '
        f'"confidence": {_number(e.confidence)}}}'
    )


# Rule ids, actor ids, categories, statuses and designations come from fixed vocabularies (the catalogue and
# the lexicons), and every event repeats several of them: each is escaped once. Free text (evidence, source)
# is escaped every time. Bounded, in case a caller's events carry free text in these fields.
_CODES: dict[str, str] = {}


def _code(value: Any) -> str:
    """``_text`` for a value from a fixed vocabulary, memoised."""
    if type(value) is not str:
        return _text(value)
    known = _CODES.get(value)
    if known is None:
        if len(_CODES) > 50_000:
            _CODES.clear()
        known = _CODES[value] = _text(value)
    return known


def _text(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is str:
        return str(encode_basestring(value))
    return json.dumps(value, ensure_ascii=False)


def _number(value: Any) -> str:
    if value is None:
        return "null"
    # (for an int and a float, str is the repr json writes; math.isfinite spares building the infinities
    # at every call)
    if type(value) is int:
        return str(value)
    if type(value) is float and math.isfinite(value):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
