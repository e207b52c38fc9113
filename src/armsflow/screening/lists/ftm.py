"""OpenSanctions' FollowTheMoney entities, one JSON object a line (``entities.ftm.json``).

A line holds one entity: ``id``, ``schema``, ``properties`` (every value a list) and ``datasets``. People,
organisations, companies, vessels and aircraft are screened; the other schemas add to them: a ``Sanction``
names its ``entity`` and ``program``, an ``Identification`` or ``Passport`` its ``holder`` and ``number``.
Those links may come before or after the entity they point to, so the file is read twice: once for the
links (lines of the linking schemas only), once for the entities.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from armsflow.screening.lists.common import (
    ListFormatError,
    Reading,
    countries,
    dates,
    first_time,
    identifier,
    unique,
)
from armsflow.screening.model import Entity, Identifier, ListInfo

LABEL = "FollowTheMoney JSON lines"
SCREENED = {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Aircraft", "PublicBody"}
_LINKS = ("Sanction", "Identification", "Passport")
_LINK_HINT = re.compile(r'"schema"\s*:\s*"(Sanction|Identification|Passport)"')
_CHANGED = re.compile(r'"last_change"\s*:\s*"([0-9T:-]{10,19})')
# property → identifier label given to common.identifier (which decides the kind)
_ID_PROPS = {
    "imoNumber": "imo",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "leiCode": "lei",
    "passportNumber": "passport",
    "swiftBic": "swift",
    "mmsi": "mmsi",
    "registrationNumber": "registration",
    "taxNumber": "tax",
    "idNumber": "national id",
}


def read(path: Path, name: str | None = None) -> Reading:
    links, dataset, published = _links(path)
    info = ListInfo(name or dataset or path.stem.split(".")[0], str(path), "ftm", published)
    return Reading(info, _entities(path, info.name, links))


def _line_error(path: Path, number: int, what: str) -> ListFormatError:
    return ListFormatError(f"{path}: line {number}: {what}")


def _parse(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise _line_error(path, number, f"not JSON ({err.msg}, column {err.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("properties", {}), dict):
        raise _line_error(path, number, f"not a {LABEL} entity (an object with id, schema and properties)")
    if not isinstance(data.get("id"), str) or not isinstance(data.get("schema"), str):
        raise _line_error(path, number, "an entity without a string id or schema")
    return data


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield number, line
    except UnicodeDecodeError as err:
        raise ListFormatError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None


class _Links:
    """What the linking entities add to the screened ones: programmes and identifiers by entity id."""

    def __init__(self) -> None:
        self.programs: dict[str, list[str]] = {}
        self.identifiers: dict[str, list[Identifier]] = {}


def _prop(data: dict[str, Any], key: str) -> list[str]:
    values = data.get("properties", {}).get(key) or []
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _links(path: Path) -> tuple[_Links, str | None, str | None]:
    """First pass: the links, the dataset most lines belong to, and the latest change (the list's date)."""
    links = _Links()
    dataset: str | None = None
    latest = ""
    for number, line in _lines(path):
        changed = _CHANGED.search(line)
        if changed and changed.group(1) > latest:
            latest = changed.group(1)
        if dataset is None and '"datasets"' in line:
            dataset = _dataset(line)
        if not _LINK_HINT.search(line):
            continue
        data = _parse(path, number, line)
        schema = data["schema"]
        if schema == "Sanction":
            for target in _prop(data, "entity"):
                links.programs.setdefault(target, []).extend(_prop(data, "program") + _prop(data, "programId"))
        elif schema in _LINKS:
            label = "passport" if schema == "Passport" else " ".join(_prop(data, "type")) or "national id"
            for holder in _prop(data, "holder"):
                for number_text in _prop(data, "number"):
                    for country in _prop(data, "country") or [None]:  # type: ignore[list-item]
                        found = identifier(label, number_text, country)
                        if found:
                            links.identifiers.setdefault(holder, []).append(found)
    return links, dataset, latest[:10] or None


def _dataset(line: str) -> str | None:
    """The first dataset a line names, if it is readable (the second pass reports a line that is not)."""
    try:
        sets = json.loads(line).get("datasets")
    except (json.JSONDecodeError, AttributeError):
        return None
    return sets[0] if isinstance(sets, list) and sets and isinstance(sets[0], str) else None


def _entities(path: Path, list_name: str, links: _Links) -> Iterator[Entity]:
    seen: set[str] = set()
    for number, line in _lines(path):
        data = _parse(path, number, line)
        if data["schema"] not in SCREENED:
            continue
        names = _prop(data, "name")
        if not names:
            raise _line_error(path, number, f"{data['schema']} {data['id']} has no name")
        first_time(seen, data["id"], f"{path}: line {number}")
        yield _entity(data, list_name, names, links)


def _entity(data: dict[str, Any], list_name: str, names: list[str], links: _Links) -> Entity:
    eid = data["id"]
    aliases = unique([*names[1:], *_prop(data, "alias"), *_prop(data, "weakAlias"), *_prop(data, "previousName")])
    found: list[Identifier] = []
    homes = _prop(data, "jurisdiction") or _prop(data, "country") or _prop(data, "nationality")
    home = homes[0] if homes else None
    for prop, label in _ID_PROPS.items():
        for value in _prop(data, prop):
            ident = identifier(label, value, home if prop not in ("imoNumber", "leiCode") else None)
            if ident:
                found.append(ident)
    found.extend(links.identifiers.get(eid, ()))
    programs = unique([*_prop(data, "programId"), *_prop(data, "program"), *links.programs.get(eid, [])])
    return Entity(
        id=eid,
        list_name=list_name,
        schema="Organization" if data["schema"] == "PublicBody" else data["schema"],
        name=names[0],
        aliases=tuple(a for a in aliases if a != names[0]),
        countries=countries(
            [
                *_prop(data, "country"),
                *_prop(data, "nationality"),
                *_prop(data, "citizenship"),
                *_prop(data, "jurisdiction"),
                *_prop(data, "flag"),
            ]
        ),  # fmt: skip
        birth_dates=dates(_prop(data, "birthDate")),
        identifiers=tuple(dict.fromkeys(found)),
        addresses=unique(_prop(data, "address")),
        programs=programs,
        listed_on=(data.get("first_seen") or "")[:10] or None,
        extra={k: v for k, v in (("topics", ", ".join(_prop(data, "topics"))),) if v},
    )
