"""The one place that decides status: a first-match table read from ``rules/status.tsv``.

Each table ("transfer", "base", "sanction", "follow-up", …) is an ordered list of rows; the
first row whose conditions hold decides, and its id goes on the event's trace. The order of the
rows is the contract's precedence (a denial or refusal over the verb, a hedge over the verb, an
order behind a delivery, then the verb's own status), so the table reads like the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from armsflow.lexicons import kind_group
from armsflow.rules import read_tsv


@dataclass(frozen=True, slots=True)
class StatusRow:
    id: str
    table: str
    kinds: frozenset[str]  # empty: any kind
    negate_kinds: bool
    mods_all: frozenset[str]
    mods_any: frozenset[str]
    mods_none: frozenset[str]
    flags_true: frozenset[str]
    flags_false: frozenset[str]
    outputs: tuple[str, ...]

    def holds(self, kind: str, mods: frozenset[str], flags: frozenset[str]) -> bool:
        if self.kinds and (kind in self.kinds) == self.negate_kinds:
            return False
        if not self.mods_all <= mods or self.mods_none & mods:
            return False
        if self.mods_any and not self.mods_any & mods:
            return False
        return self.flags_true <= flags and not self.flags_false & flags


@dataclass(slots=True)
class StatusDecision:
    """The statuses a rule row gives, with whether the denier is the source, and the rows consulted."""

    statuses: list[tuple[str, bool]]
    rules: list[str]


def _kinds(spec: str) -> tuple[frozenset[str], bool]:
    negate = spec.startswith("!")
    names: set[str] = set()
    for word in spec.lstrip("!").split():
        names |= kind_group(word[1:]) if word.startswith("@") else {word}
    return frozenset(names), negate


def _load() -> dict[str, list[StatusRow]]:
    tables: dict[str, list[StatusRow]] = {}
    for row in read_tsv("status.tsv"):
        kinds, negate = _kinds(row["kind_in"])
        flags = row["flags"].split()
        outputs = tuple(part.strip() for part in row["status"].split("+"))
        tables.setdefault(row["table"], []).append(
            StatusRow(
                row["id"],
                row["table"],
                kinds,
                negate,
                frozenset(row["mods_all"].split()),
                frozenset(row["mods_any"].split()),
                frozenset(row["mods_none"].split()),
                frozenset(f for f in flags if not f.startswith("!")),
                frozenset(f[1:] for f in flags if f.startswith("!")),
                outputs,
            )
        )
    return tables


TABLES: Final = _load()


_DECIDED: Final[dict[tuple[str, str, frozenset[str], frozenset[str]], StatusDecision]] = {}


def decide(table: str, kind: str, mods: frozenset[str], flags: frozenset[str]) -> StatusDecision:
    """The statuses the first matching row of ``table`` gives (an empty list for "none"). The answer depends on
    its arguments only, and the same few combinations recur, so it is memoised; callers get their own copy."""
    key = (table, kind, mods, flags)
    known = _DECIDED.get(key)
    if known is None:
        known = _DECIDED[key] = _first_row(table, kind, mods, flags)
    return StatusDecision(list(known.statuses), list(known.rules))


def _first_row(table: str, kind: str, mods: frozenset[str], flags: frozenset[str]) -> StatusDecision:
    for row in TABLES[table]:
        if row.holds(kind, mods, flags):
            return _apply(row, kind, mods, flags)
    raise LookupError(f"status table {table!r} has no row for kind {kind!r} with {sorted(mods)}")


def _apply(row: StatusRow, kind: str, mods: frozenset[str], flags: frozenset[str]) -> StatusDecision:
    decision = StatusDecision([], [row.id])
    for out in row.outputs:
        if out == "none":
            continue
        if out == "base" or out.startswith("base-without:"):
            drop = frozenset(out.split(":", 1)[1].split(",")) if ":" in out else frozenset()
            base = decide("base", kind, mods - drop, flags)
            decision.statuses.extend(base.statuses)
            decision.rules.extend(base.rules)
        elif out.endswith("@subject"):
            decision.statuses.append((out.split("@", 1)[0], True))
        else:
            decision.statuses.append((out, False))
    return decision
