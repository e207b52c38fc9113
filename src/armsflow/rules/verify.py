"""Running a rule's examples: does the rule fire where it should, stay silent on its contrasts,
and does the sentence give exactly the events the example expects?"""

from __future__ import annotations

from typing import Any

from armsflow.explain import explain
from armsflow.model import Document, Event


def event_key(event: Event) -> tuple[str, ...]:
    if event.type == "transfer":
        return ("transfer", event.supplier or "", event.recipient or "", event.item or "", event.status)
    return ("sanction", event.imposer or "", event.target or "", event.status)


def fired_rules(text: str, lang: str) -> tuple[set[str], list[tuple[str, ...]]]:
    """Every rule that fired on the text (on events, frames or rejections) and the events' keys."""
    result, reports = explain(Document(id="example", text=text, lang=lang))
    fired: set[str] = set()
    for e in result.events:
        fired.update(e.trace)
    for r in reports:
        for f in r.frames:
            fired.update(f["trace"])
        fired.update(rid for rid, _ in r.rejected)
    return fired, sorted(event_key(e) for e in result.events)


def check_example(ex: dict[str, Any]) -> str | None:
    """None when the example holds, else what went wrong."""
    fired, got = fired_rules(ex["text"], ex["lang"])
    want = sorted(tuple(e) for e in ex.get("expect", []))
    rule = ex["rule"]
    problems = []
    if ex.get("contrast") and rule in fired:
        problems.append(f"{rule} fires on its contrast")
    if not ex.get("contrast") and rule not in fired:
        problems.append(f"{rule} does not fire")
    if got != want:
        problems.append(f"events {got} instead of {want}")
    return "; ".join(problems) or None
