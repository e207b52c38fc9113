"""The EU's Financial Sanctions File (FSF), XML version 1.1, as the Commission's FSF platform publishes it.

``<export generationDate="…">`` holds one ``<sanctionEntity logicalId euReferenceNumber unitedNationId>``
per entry: ``<regulation programme="…">``, ``<subjectType code="person|enterprise">``, a ``<nameAlias>``
per name (``wholeName``, ``firstName``/``lastName``, ``nameLanguage``, ``strong``), ``<citizenship>``,
``<birthdate>``, ``<identification>`` (``identificationTypeCode``: passport, id, regnumber, tin, …,
``number``, ``countryIso2Code``) and ``<address>``, their facts in attributes. Over 100 MB: read entry by
entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from armsflow.screening.lists.common import (
    ListFormatError,
    Reading,
    clean,
    countries,
    dates,
    first_time,
    identifier,
    join_name,
    unique,
    xml_entries,
    xml_root,
)
from armsflow.screening.model import Entity, Identifier, ListInfo

NAME = "eu-fsf"
LABEL = "EU Financial Sanctions File XML"
_SCHEMAS = {"person": "Person", "enterprise": "Organization", "vessel": "Vessel"}
_ID_LABELS = {
    "passport": "passport",
    "id": "national id",
    "regnumber": "registration",
    "tin": "tin",
    "fiscalcode": "tax",
    "swiftbic": "swift",
    "imo": "imo",
    "lei": "lei",
}


def read(path: Path, name: str | None = None) -> Reading:
    tag, attributes = xml_root(path, LABEL)
    if tag != "export":
        raise ListFormatError(f"{path}: line 1: root element <{tag}>, {LABEL} has <export>")
    published = (attributes.get("generationDate") or "")[:10] or None
    info = ListInfo(name or NAME, str(path), "eu-xml", published)
    return Reading(info, _entities(path, info.name))


def _entities(path: Path, list_name: str) -> Iterator[Entity]:
    seen: set[str] = set()
    for element in xml_entries(path, "sanctionEntity", LABEL):
        where = f"{path}: line {element.sourceline}: <sanctionEntity>"  # type: ignore[attr-defined]
        eid = clean(element.get("logicalId"))  # type: ignore[attr-defined]
        if not eid:
            raise ListFormatError(f"{where} has no logicalId")
        names = unique(_name(alias) for alias in element.iterfind("{*}nameAlias"))  # type: ignore[attr-defined]
        if not names:
            raise ListFormatError(f"{where} {eid} has no <nameAlias> with a name")
        first_time(seen, eid, where)
        yield _entity(element, eid, names, list_name)


def _name(alias: object) -> str:
    whole = clean(alias.get("wholeName"))  # type: ignore[attr-defined]
    if whole:
        return whole
    get = alias.get  # type: ignore[attr-defined]
    return join_name(get("firstName"), get("middleName"), get("lastName"))


def _entity(element: object, eid: str, names: tuple[str, ...], list_name: str) -> Entity:
    find = element.iterfind  # type: ignore[attr-defined]
    subject = next(iter(find("{*}subjectType")), None)
    code = clean(subject.get("code")) if subject is not None else ""
    found: list[Identifier] = []
    for ident in find("{*}identification"):
        kind = clean(ident.get("identificationTypeCode")).casefold()
        label = _ID_LABELS.get(kind) or clean(ident.get("identificationTypeDescription")) or kind
        one = identifier(label, ident.get("number") or ident.get("latinNumber"), ident.get("countryIso2Code"))
        if one:
            found.append(one)
    addresses = []
    address_countries = []
    for address in find("{*}address"):
        parts = [clean(address.get(k)) for k in ("street", "poBox", "zipCode", "city", "region", "place")]
        parts.append(clean(address.get("countryDescription")))
        addresses.append(", ".join(p for p in parts if p and p != "UNKNOWN"))
        address_countries.append(address.get("countryIso2Code"))
    births = []
    for birth in find("{*}birthdate"):
        births.append(birth.get("birthdate") or birth.get("year"))
    reference = clean(element.get("euReferenceNumber"))  # type: ignore[attr-defined]
    un_id = clean(element.get("unitedNationId"))  # type: ignore[attr-defined]
    listed = [clean(r.get("publicationDate")) for r in find("{*}regulation")]
    return Entity(
        id=eid,
        list_name=list_name,
        schema=_SCHEMAS.get(code.casefold(), "LegalEntity"),
        name=names[0],
        aliases=names[1:],
        countries=countries([*(c.get("countryIso2Code") for c in find("{*}citizenship")), *address_countries]),
        birth_dates=dates(births),
        identifiers=tuple(dict.fromkeys(found)),
        addresses=unique(addresses),
        programs=unique(r.get("programme") for r in find("{*}regulation")),
        listed_on=min((d for d in listed if d), default=None),
        extra={k: v for k, v in (("eu_reference", reference), ("un_reference", un_id)) if v},
    )
