"""The UN Security Council's Consolidated List, XML (``consolidated.xml``).

``<CONSOLIDATED_LIST dateGenerated="…">`` holds ``<INDIVIDUALS>`` and ``<ENTITIES>``; each
``<INDIVIDUAL>``/``<ENTITY>`` has ``DATAID``, ``FIRST_NAME`` … ``FOURTH_NAME`` (an entity's name is its
``FIRST_NAME``), ``UN_LIST_TYPE`` (the committee: DPRK, Iran, ISIL (Da'esh) & Al-Qaida, …),
``REFERENCE_NUMBER`` (KPi.066, IRe.001: the id here), ``LISTED_ON``, ``NAME_ORIGINAL_SCRIPT``,
``NATIONALITY/VALUE``, ``…_ALIAS`` (``QUALITY``, ``ALIAS_NAME``), ``…_ADDRESS``, ``…_DATE_OF_BIRTH``
(``DATE``, ``YEAR`` or ``FROM_YEAR``/``TO_YEAR``) and ``…_DOCUMENT`` (``TYPE_OF_DOCUMENT``, ``NUMBER``,
``ISSUING_COUNTRY``).
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
    local,
    text,
    texts,
    unique,
    xml_root,
)
from armsflow.screening.model import Entity, Identifier, ListInfo

NAME = "un-sc"
LABEL = "UN Security Council consolidated list XML"


def read(path: Path, name: str | None = None) -> Reading:
    tag, attributes = xml_root(path, LABEL)
    if tag != "CONSOLIDATED_LIST":
        raise ListFormatError(f"{path}: line 1: root element <{tag}>, {LABEL} has <CONSOLIDATED_LIST>")
    published = (attributes.get("dateGenerated") or "")[:10] or None
    info = ListInfo(name or NAME, str(path), "un-xml", published)
    return Reading(info, _entities(path, info.name))


def _entities(path: Path, list_name: str) -> Iterator[Entity]:
    seen: set[str] = set()
    entries = _both(path)
    for element in entries:
        kind = local(element.tag)  # type: ignore[attr-defined]
        where = f"{path}: line {element.sourceline}: <{kind}>"  # type: ignore[attr-defined]
        eid = text(element, "REFERENCE_NUMBER") or text(element, "DATAID")
        if not eid:
            raise ListFormatError(f"{where} has neither <REFERENCE_NUMBER> nor <DATAID>")
        parts = [text(element, f) for f in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = join_name(*parts)
        if not name:
            raise ListFormatError(f"{where} {eid} has no <FIRST_NAME>")
        first_time(seen, eid, where)
        yield _entity(element, kind, eid, name, list_name)


def _both(path: Path) -> Iterator[object]:
    """INDIVIDUAL and ENTITY elements in file order (one pass: iterparse takes one tag, so match either)."""
    from lxml import etree

    try:
        for _, element in etree.iterparse(
            str(path), events=("end",), tag=("INDIVIDUAL", "ENTITY"), resolve_entities=False, no_network=True,
            huge_tree=True,
        ):  # fmt: skip
            yield element
            element.clear(keep_tail=False)
    except etree.XMLSyntaxError as err:
        raise ListFormatError(f"{path}: line {err.lineno or '?'}: not well-formed {LABEL} ({err.msg})") from None


def _entity(element: object, kind: str, eid: str, name: str, list_name: str) -> Entity:
    find = element.iterfind  # type: ignore[attr-defined]
    aliases = [*texts(element, f"{kind}_ALIAS/ALIAS_NAME"), *texts(element, "NAME_ORIGINAL_SCRIPT")]
    found: list[Identifier] = []
    for doc in find(f"{kind}_DOCUMENT"):
        one = identifier(text(doc, "TYPE_OF_DOCUMENT"), text(doc, "NUMBER"), text(doc, "ISSUING_COUNTRY") or None)
        if one:
            found.append(one)
    births = []
    for birth in find(f"{kind}_DATE_OF_BIRTH"):
        births.append(text(birth, "DATE") or text(birth, "YEAR") or text(birth, "FROM_YEAR"))
    addresses = []
    for address in find(f"{kind}_ADDRESS"):
        parts = [clean(child.text) for child in address if local(child.tag) != "NOTE"]
        addresses.append(", ".join(p for p in parts if p))
    nationality = texts(element, "NATIONALITY/VALUE")
    address_countries = texts(element, f"{kind}_ADDRESS/COUNTRY")
    return Entity(
        id=eid,
        list_name=list_name,
        schema="Person" if kind == "INDIVIDUAL" else "Organization",
        name=name,
        aliases=tuple(a for a in unique(aliases) if a != name),
        countries=countries([*nationality, *address_countries]),
        birth_dates=dates(births),
        identifiers=tuple(dict.fromkeys(found)),
        addresses=unique(addresses),
        programs=unique([text(element, "UN_LIST_TYPE")]),
        listed_on=text(element, "LISTED_ON")[:10] or None,
        extra={k: v for k, v in (("dataid", text(element, "DATAID")), ("comments", text(element, "COMMENTS1"))) if v},
    )
