"""The UK Sanctions List (FCDO), CSV: one row per name of a designation, the rows of one designation
sharing its ``Unique ID``.

A first line gives the list's date ("Report Date: 05/12/2026" or "Last Updated,05/12/2026"), the next
the header. Columns are found by their header, so the FCDO file and the older OFSI consolidated list
(``ConList.csv``: ``Group ID``, ``Group Type``, ``Regime``, ``Listed On``) both read: names in ``Name 1`` …
``Name 6`` (6 is the surname) or ``Name``, ``Name type``/``Alias Type``, ``Name non-latin script``,
``Individual, Entity, Ship``/``Group Type``, ``Regime Name``, ``D.O.B`` (day/month/year, 00 when not
known), ``Nationality(/ies)``, ``Passport number``, ``National Identifier number``, ``Business
registration number (s)``, ``IMO number``, ``Address Line 1`` … ``6``, ``Address Country``, ``Date
Designated``. Several values in one cell are separated by ``|``.
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
    identifier,
    iso_date,
    join_name,
    unique,
)
from armsflow.screening.model import Entity, Identifier, ListInfo

NAME = "uk"
LABEL = "UK sanctions list CSV"
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("uniqueid", "groupid", "ofsigroupid"),
    "name": ("name",),
    "name_type": ("nametype", "aliastype"),
    "non_latin": ("namenonlatinscript",),
    "kind": ("individualentityship", "grouptype", "designationtype"),
    "regime": ("regimename", "regime"),
    "dob": ("dob", "dateofbirth"),
    "nationality": ("nationalityies", "nationality"),
    "passport": ("passportnumber",),
    "national_id": ("nationalidentifiernumber", "nationalidentificationnumber"),
    "registration": ("businessregistrationnumbers", "businessregistrationnumber"),
    "imo": ("imonumber",),
    "flag": ("currentbelievedflagofship",),
    "country": ("addresscountry", "country"),
    "postcode": ("addresspostalcode", "postzipcode"),
    "designated": ("datedesignated", "listedon", "uksanctionslistdatedesignated"),
}
_SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.casefold())


class _Header:
    """Where each field is in a row, from the header's names."""

    def __init__(self, row: list[str]) -> None:
        keys = [_key(h) for h in row]
        self.width = len(row)
        self.at = {f: next((keys.index(c) for c in cands if c in keys), -1) for f, cands in _COLUMNS.items()}
        self.names = [keys.index(f"name{n}") for n in range(1, 7) if f"name{n}" in keys]
        self.lines = [i for n in range(1, 7) for i, k in enumerate(keys) if k in (f"addressline{n}", f"address{n}")]

    def get(self, row: list[str], field: str) -> str:
        i = self.at[field]
        return clean(row[i]) if 0 <= i < len(row) else ""

    def many(self, row: list[str], field: str) -> list[str]:
        return [v for v in (clean(p) for p in self.get(row, field).split("|")) if v]


def read(path: Path, name: str | None = None) -> Reading:
    published, header, rows = _read_rows(path)
    info = ListInfo(name or NAME, str(path), "uk-csv", published)
    return Reading(info, _entities(path, info.name, header, rows))


def _read_rows(path: Path) -> tuple[str | None, _Header, Iterator[tuple[int, list[str]]]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
        reader = csv.reader(handle)
        first = next(reader, None)
        published = None
        if first and not {"uniqueid", "groupid"} & {_key(cell) for cell in first}:
            published = iso_date(" ".join(first))  # the date line before the header
            first = next(reader, None)
    except UnicodeDecodeError as err:
        raise ListFormatError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except csv.Error as err:
        raise ListFormatError(f"{path}: not CSV ({err})") from None
    if not first:
        raise ListFormatError(f"{path}: no header row, not {LABEL}")
    header = _Header(first)
    if header.at["id"] < 0 or not (header.names or header.at["name"] >= 0):
        raise ListFormatError(
            f"{path}: line {reader.line_num}: the header has no 'Unique ID' (or 'Group ID') and name columns, "
            f"not {LABEL}"
        )

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            with handle:
                for row in reader:
                    if any(cell.strip() for cell in row):
                        yield reader.line_num, row
        except UnicodeDecodeError as err:
            raise ListFormatError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
        except csv.Error as err:
            raise ListFormatError(f"{path}: line {reader.line_num}: not CSV ({err})") from None

    return published, header, rows()


def _entities(path: Path, list_name: str, header: _Header, rows: Iterator[tuple[int, list[str]]]) -> Iterator[Entity]:
    """Rows grouped by designation (the rows of one need not be adjacent), then one entity per group."""
    groups: dict[str, list[list[str]]] = {}
    for line, row in rows:
        if len(row) > header.width:
            raise ListFormatError(f"{path}: line {line}: {len(row)} fields, the header has {header.width}")
        eid = header.get(row, "id")
        if not eid:
            raise ListFormatError(f"{path}: line {line}: a row without a Unique ID")
        if not _name(header, row) and not header.get(row, "non_latin"):
            raise ListFormatError(f"{path}: line {line}: designation {eid} has a row without a name")
        groups.setdefault(eid, []).append(row)
    for eid, group in groups.items():
        yield _entity(header, eid, group, list_name)


def _name(header: _Header, row: list[str]) -> str:
    if header.names:
        parts = [clean(row[i]) if i < len(row) else "" for i in header.names]
        return join_name(*parts[:5], parts[5] if len(parts) > 5 else None)
    return header.get(row, "name")


def _entity(header: _Header, eid: str, rows: list[list[str]], list_name: str) -> Entity:
    primary = [r for r in rows if header.get(r, "name_type").casefold().startswith("primary name")]
    ordered = sorted(rows, key=lambda r: (r not in primary, header.get(r, "name_type").casefold() != "primary name"))
    names = unique([*(_name(header, r) for r in ordered), *(header.get(r, "non_latin") for r in ordered)])

    def every(field: str) -> list[str]:
        return [v for r in rows for v in header.many(r, field)]

    found: list[Identifier] = []
    nationality = every("nationality") or every("country")  # a firm's identifiers are of its address's country
    for field, label in (("passport", "passport"), ("national_id", "national id"), ("registration", "registration"),
                         ("imo", "imo")):  # fmt: skip
        for value in every(field):
            country = nationality[0] if nationality and field != "imo" else None
            one = identifier(label, value, country)
            if one:
                found.append(one)
    addresses = []
    for r in rows:
        parts = [clean(r[i]) for i in header.lines if i < len(r)]
        parts += [header.get(r, "postcode"), header.get(r, "country")]
        addresses.append(", ".join(p for p in parts if p))
    first = rows[0]
    designated = [iso_date(d) for d in every("designated")]
    return Entity(
        id=eid,
        list_name=list_name,
        schema=_SCHEMAS.get(header.get(first, "kind").casefold(), "LegalEntity"),
        name=names[0],
        aliases=names[1:],
        countries=countries([*every("nationality"), *every("flag"), *every("country")]),
        birth_dates=dates(every("dob")),
        identifiers=tuple(dict.fromkeys(found)),
        addresses=unique(addresses),
        programs=unique(every("regime")),
        listed_on=min((d for d in designated if d), default=None),
    )
