"""The extractor's rules as data: the catalogue of rule ids, the status table and the examples.

Every decision of the extraction core carries a rule id (``frames.py``, ``roles.py``,
``sanctions.py``, ``events.py``, ``status.py``). ``catalogue.tsv`` says what each id means, in
which language it applies and at which stage; ``status.tsv`` is the status decision itself;
``examples/*.jsonl`` hold, per rule, sentences it must get right and contrast sentences it must
leave alone. :func:`check` validates them against each other and against the code.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent  # (a plain path: importlib.resources costs a start about 14 ms)
STAGES = (
    "trigger",
    "item",
    "grammar",
    "mod",
    "role",
    "frames",
    "coref",
    "discourse",
    "source",
    "status",
    "filter",
    "sanction",
)


def data_path(name: str) -> Path:
    """A data file of this package (``confidence.json``): the compiled core asks here, since a module
    compiled by mypyc does not know its own file's place (its ``__file__`` names a path that does not exist)."""
    return _DATA / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV file of this package; lines starting with # are comments."""
    with io.TextIOWrapper((_DATA / name).open("rb"), encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "") for k, v in row.items()} for row in reader]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named decision of the extractor."""

    id: str
    lang: str  # de, en, or * for both
    stage: str
    description: str
    examples: tuple[dict, ...] = field(default=())


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Rule]:
    """Every rule, by id, with its examples (read once)."""
    examples = all_examples()
    by_rule: dict[str, list[dict]] = {}
    for ex in examples:
        by_rule.setdefault(ex["rule"], []).append(ex)
    out: dict[str, Rule] = {}
    for row in read_tsv("catalogue.tsv"):
        rid = row["id"]
        out[rid] = Rule(rid, row["lang"], row["stage"], row["description"], tuple(by_rule.get(rid, ())))
    for row in read_tsv("status.tsv"):
        rid = row["id"]
        out[rid] = Rule(rid, "*", "status", row["description"], tuple(by_rule.get(rid, ())))
    return out


@lru_cache(maxsize=1)
def all_examples() -> list[dict]:
    """The example sentences of every rule, from ``examples/<lang>/*.jsonl`` (one JSON object a line).

    A line is ``{"rule": ID, "text": …, "expect": [[type, supplier, recipient, item, status] |
    [type, imposer, target, status], …]}``; ``"contrast": true`` marks a sentence the rule must leave
    alone. Either way the extracted events must be exactly ``expect``.
    """
    out: list[dict] = []
    root = _DATA / "examples"
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".jsonl"):
                continue
            with entry.open("rb") as handle:
                for n, raw in enumerate(handle, start=1):
                    line = raw.decode("utf-8").strip()
                    if not line or line.startswith("#"):
                        continue
                    ex = json.loads(line)
                    ex.setdefault("lang", folder.name)
                    ex["where"] = f"rules/examples/{folder.name}/{entry.name}:{n}"
                    out.append(ex)
    return out
