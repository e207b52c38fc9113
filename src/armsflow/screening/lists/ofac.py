"""OFAC's Specially Designated Nationals list: the XML file (``SDN.XML``) and the classic CSV files.

XML: ``<sdnList>`` with ``<publshInformation><Publish_Date>`` (OFAC's spelling, month/day/year) and one
``<sdnEntry>`` per entry: ``uid``, ``lastName``/``firstName``, ``sdnType`` (Individual, Entity, Vessel,
Aircraft), ``programList``, ``idList``, ``akaList``, ``addressList``, ``nationalityList``,
``citizenshipList``, ``dateOfBirthList``, ``vesselInfo``. The file is over 100 MB: it is read entry by entry.

CSV: three files without a header row, ``-0-`` for an empty field. ``SDN.CSV`` (entity number, name,
type, programmes as ``IRAN] [SDGT``, title, call sign, vessel type, tonnage, gross tonnage, flag, owner,
remarks), ``ADD.CSV`` (entity number, address number, address, city/state/postal code, country, remarks)
and ``ALT.CSV`` (entity number, alias number, type, alias, remarks) beside it. Birth dates, nationalities
and identifiers are only in the remarks ("DOB 12 May 1961; nationality Iran; Passport A1234567 (Iran)").
"""

from __future__ import annotations

import csv
import re
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
    iso_date,
    join_name,
    local,
    sibling,
    text,
    texts,
    unique,
    xml_entries,
)
from armsflow.screening.model import Entity, Identifier, ListInfo

NAME = "ofac-sdn"
XML_LABEL = "OFAC SDN XML"
CSV_LABEL = "OFAC SDN CSV"
_SCHEMAS = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Aircraft"}


# ---------------------------------------------------------------------------------------------- XML


def read_xml(path: Path, name: str | None = None) -> Reading:
    info = ListInfo(name or NAME, str(path), "ofac-xml", _published(path))
    return Reading(info, _xml_entities(path, info.name))


def _published(path: Path) -> str | None:
    for element in xml_entries(path, "publshInformation", XML_LABEL):
        return iso_date(_us_date(text(element, "{*}Publish_Date")))
    return None


def _us_date(value: str) -> str:
    """OFAC writes 12/05/2026 for 5 December 2026: month first."""
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value.strip())
    return f"{found.group(3)}-{int(found.group(1)):02d}-{int(found.group(2)):02d}" if found else value


def _xml_entities(path: Path, list_name: str) -> Iterator[Entity]:
    seen: set[str] = set()
    for element in xml_entries(path, "sdnEntry", XML_LABEL):
        where = f"{path}: line {element.sourceline}: <sdnEntry>"  # type: ignore[attr-defined]
        uid = text(element, "{*}uid")
        if not uid:
            raise ListFormatError(f"{where} has no <uid>")
        name = _person_name(element)
        if not name:
            raise ListFormatError(f"{where} {uid} has no <lastName>")
        first_time(seen, uid, where)
        yield _xml_entity(element, uid, name, list_name)


def _person_name(element: object) -> str:
    return join_name(text(element, "{*}firstName"), text(element, "{*}lastName"))


def _xml_entity(element: object, uid: str, name: str, list_name: str) -> Entity:
    kind = text(element, "{*}sdnType").casefold()
    aliases = [_person_name(aka) for aka in element.iterfind("{*}akaList/{*}aka")]  # type: ignore[attr-defined]
    found: list[Identifier] = []
    for ident in element.iterfind("{*}idList/{*}id"):  # type: ignore[attr-defined]
        one = identifier(text(ident, "{*}idType"), text(ident, "{*}idNumber"), text(ident, "{*}idCountry") or None)
        if one:
            found.append(one)
    addresses = []
    for address in element.iterfind("{*}addressList/{*}address"):  # type: ignore[attr-defined]
        parts = [clean(child.text) for child in address if local(child.tag) != "uid"]
        addresses.append(", ".join(p for p in parts if p))
    country_names = [
        *texts(element, "{*}nationalityList/{*}nationality/{*}country"),
        *texts(element, "{*}citizenshipList/{*}citizenship/{*}country"),
        *texts(element, "{*}vesselInfo/{*}vesselFlag"),
        *texts(element, "{*}addressList/{*}address/{*}country"),
    ]
    extra = {
        key: value
        for key, value in (
            ("remarks", text(element, "{*}remarks")),
            ("title", text(element, "{*}title")),
            ("call_sign", text(element, "{*}vesselInfo/{*}callSign")),
            ("vessel_type", text(element, "{*}vesselInfo/{*}vesselType")),
        )
        if value
    }
    return Entity(
        id=uid,
        list_name=list_name,
        schema=_SCHEMAS.get(kind, "LegalEntity"),
        name=name,
        aliases=tuple(a for a in unique(aliases) if a != name),
        countries=countries(country_names),
        birth_dates=dates(texts(element, "{*}dateOfBirthList/{*}dateOfBirthItem/{*}dateOfBirth")),
        identifiers=tuple(dict.fromkeys(found)),
        addresses=unique(addresses),
        programs=unique(texts(element, "{*}programList/{*}program")),
        extra=extra,
    )


# ---------------------------------------------------------------------------------------------- CSV

_EMPTY = "-0-"


def _field(value: str) -> str:
    value = clean(value)
    return "" if value == _EMPTY else value


def _rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """The rows of one of the CSV files, with their line numbers; OFAC ends each file with a Ctrl-Z line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            for row in reader:
                if not row or (len(row) == 1 and row[0].strip() in ("", "\x1a")):
                    continue
                if len(row) != columns:
                    raise ListFormatError(
                        f"{path}: line {reader.line_num}: {len(row)} fields, {CSV_LABEL} has {columns} in this file"
                    )
                if not row[0].strip().isdigit():
                    raise ListFormatError(f"{path}: line {reader.line_num}: entity number {row[0]!r} is not a number")
                yield reader.line_num, [_field(v) for v in row]
    except UnicodeDecodeError as err:
        raise ListFormatError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except csv.Error as err:
        raise ListFormatError(f"{path}: not CSV ({err})") from None


def read_csv(path: Path, name: str | None = None) -> Reading:
    """``path`` is SDN.CSV; ADD.CSV and ALT.CSV are read from the same folder when they are there."""
    addresses: dict[str, list[tuple[str, str]]] = {}
    add = sibling(path, "add.csv")
    if add is not None:
        for _, row in _rows(add, 6):
            line = ", ".join(p for p in row[2:5] if p)
            addresses.setdefault(row[0], []).append((line, row[4]))
    aliases: dict[str, list[str]] = {}
    alt = sibling(path, "alt.csv")
    if alt is not None:
        for _, row in _rows(alt, 5):
            aliases.setdefault(row[0], []).append(_flip(row[3]))
    info = ListInfo(name or NAME, str(path), "ofac-csv", None)
    return Reading(info, _csv_entities(path, info.name, addresses, aliases))


def _flip(name: str) -> str:
    """OFAC writes people as "SURNAME, Given Names": given names first, as every other list does."""
    last, comma, first = name.partition(", ")
    return f"{first} {last}" if comma and first and "," not in first else name


def _csv_entities(
    path: Path, list_name: str, addresses: dict[str, list[tuple[str, str]]], aliases: dict[str, list[str]]
) -> Iterator[Entity]:
    seen: set[str] = set()
    for line, row in _rows(path, 12):
        uid, raw_name, kind, programs, title, call_sign, vessel_type, _, _, flag, _, remarks = row
        if not raw_name:
            raise ListFormatError(f"{path}: line {line}: entity {uid} has no name")
        first_time(seen, uid, f"{path}: line {line}")
        person = kind.casefold() == "individual"
        name = _flip(raw_name) if person else raw_name
        facts = _remarks(remarks)
        here = addresses.get(uid, [])
        yield Entity(
            id=uid,
            list_name=list_name,
            schema=_SCHEMAS.get(kind.casefold() or "entity", "LegalEntity"),
            name=name,
            aliases=tuple(a for a in unique([*aliases.get(uid, []), *facts.aliases]) if a != name),
            countries=countries([*facts.countries, flag, *(c for _, c in here)]),
            birth_dates=dates(facts.births),
            identifiers=tuple(dict.fromkeys(facts.identifiers)),
            addresses=unique(a for a, _ in here),
            programs=unique(p.strip("[] ") for p in programs.split("] [")),
            extra={
                k: v
                for k, v in (
                    ("remarks", remarks),
                    ("title", title),
                    ("call_sign", call_sign),
                    ("vessel_type", vessel_type),
                )
                if v
            },  # fmt: skip
        )


class _Facts:
    def __init__(self) -> None:
        self.births: list[str] = []
        self.countries: list[str] = []
        self.identifiers: list[Identifier] = []
        self.aliases: list[str] = []


_ID_REMARK = re.compile(
    r"^(?:alt\.\s+)?(?P<label>Passport|National ID No\.|Tax ID No\.|Registration Number|Registration ID|"
    r"Legal Entity Number|SWIFT/BIC|MMSI|Vessel Registration Identification|IMO|Identification Number|"
    r"Cedula No\.|C\.U\.R\.P\.|Business Registration Number)\s+(?P<value>[^()]+?)\s*(?:\((?P<country>[^)]*)\))?$",
    re.I,
)


def _remarks(remarks: str) -> _Facts:
    """What the CSV files say only in the remarks: birth dates, nationalities, identifiers, aliases."""
    facts = _Facts()
    for part in (p.strip() for p in remarks.rstrip(".").split(";")):
        low = part.casefold()
        if low.startswith("dob "):
            facts.births.append(part[4:])
        elif low.startswith(("nationality ", "citizen ")):
            facts.countries.append(part.split(" ", 1)[1])
        elif low.startswith(("a.k.a. ", "f.k.a. ", "n.k.a. ")):
            facts.aliases.append(_flip(part[7:].strip(" '\"")))
        else:
            found = _ID_REMARK.match(part)
            if found:
                one = identifier(found.group("label"), found.group("value"), found.group("country"))
                if one:
                    facts.identifiers.append(one)
    return facts
