"""What every list reader needs: errors that name the place, countries to ISO alpha-3, identifiers and dates.

The official lists spell the same facts in their own ways — a country as "Iran (Islamic Republic of)", "IR" or
"Iran", a birth date as "12 May 1961", "1961-05-12" or "00/05/1961", a Russian tax number as "Tax ID No." or
"tin". The readers bring them to one form here, so that the matcher compares like with like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from armsflow.screening.model import Entity, Identifier, ListInfo


class ListFormatError(ValueError):
    """A list file that cannot be read: the message names the file and the line or element."""


@dataclass(slots=True)
class Reading:
    """A list being read: what the list says about itself, and its entities, read as they are consumed.

    ``entities`` is a generator: a malformed entry raises :class:`ListFormatError` when it is reached, which
    is why :meth:`ListStore.load` consumes it inside its transaction (nothing is half-loaded).
    """

    info: ListInfo
    entities: Iterator[Entity]


@cache
def alpha3(value: str | None) -> str | None:
    """ISO 3166-1 alpha-3 of a country as a list writes it (name, alpha-2 or alpha-3), or None.

    FollowTheMoney's country type knows the names and codes the lists use; a region such as Crimea
    (``ua-cri``) counts as its state, as armsflow's actor ids do.
    """
    if not value or not value.strip():
        return None
    from followthemoney.types import registry
    from rigour.territories import get_territory

    code = registry.country.clean(value.strip())
    territory = get_territory(code) if code else None
    while territory is not None and not territory.alpha3:
        territory = territory.parent
    return territory.alpha3.upper() if territory is not None and territory.alpha3 else None


def countries(values: Iterable[str | None]) -> tuple[str, ...]:
    """Alpha-3 codes of the values that name a country, in order, without repeats."""
    return tuple(dict.fromkeys(c for c in (alpha3(v) for v in values) if c))


# ---------------------------------------------------------------------------------------------- identifiers

_DIGITS = re.compile(r"\D+")


def imo_valid(value: str) -> bool:
    """An IMO ship number (seven digits, optionally after "IMO"): the last digit checks the first six,
    weighted 7 down to 2."""
    digits = _DIGITS.sub("", value)
    if len(digits) != 7:
        return False
    return sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10 == int(digits[6])


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_valid(value: str) -> bool:
    """A Russian taxpayer number (INN): ten digits for a company, twelve for a person, with check digits."""
    d = _DIGITS.sub("", value)
    if len(d) == 10:
        return _weighted(d, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(d[9])
    if len(d) == 12:
        return _weighted(d, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(d[10]) and _weighted(
            d, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
        ) == int(d[11])
    return False


def ogrn_valid(value: str) -> bool:
    """A Russian state registration number: OGRN (13 digits, mod 11) or OGRNIP (15 digits, mod 13)."""
    d = _DIGITS.sub("", value)
    if len(d) == 13:
        return int(d[:12]) % 11 % 10 == int(d[12])
    if len(d) == 15:
        return int(d[:14]) % 13 % 10 == int(d[14])
    return False


def lei_valid(value: str) -> bool:
    """A Legal Entity Identifier (ISO 17442): 20 letters and digits passing ISO 7064 MOD 97-10."""
    code = re.sub(r"\s+", "", value).upper()
    if not re.fullmatch(r"[0-9A-Z]{18}[0-9]{2}", code):
        return False
    return int("".join(str(int(c, 36)) for c in code)) % 97 == 1


CHECKS = {"imo": imo_valid, "inn": inn_valid, "ogrn": ogrn_valid, "lei": lei_valid}


def identifier_valid(identifier: Identifier) -> bool | None:
    """Whether the identifier passes its check digits; None for kinds that have none (passports)."""
    check = CHECKS.get(identifier.kind)
    return check(identifier.value) if check else None


def identifier(label: str | None, value: str | None, country: str | None = None) -> Identifier | None:
    """An identifier from a list's label for it ("Passport", "Tax ID No.", "regnumber", "IMO number") and
    its value, of one of the model's kinds. A Russian tax number is an INN and a Russian registration
    number of 13 or 15 digits an OGRN; a vessel registration given as "IMO 1234567" is an IMO number."""
    if not value or not value.strip():
        return None
    value = " ".join(value.split())
    code = alpha3(country) if country else None
    low = (label or "").casefold()
    digits = _DIGITS.sub("", value)
    if "imo" in low or value.upper().startswith("IMO"):
        kind = "imo"
        value = digits if len(digits) == 7 else value
    elif "passport" in low:
        kind = "passport"
    elif "legal entity" in low or low.strip() == "lei":
        kind = "lei"
    elif "swift" in low or "bic" in low.split():
        kind = "swift"
    elif "mmsi" in low:
        kind = "vessel_mmsi"
    elif "inn" in low.split() or "tax" in low or low in ("tin", "fiscalcode"):
        kind = "inn" if code == "RUS" or (code is None and len(digits) in (10, 12) and inn_valid(digits)) else "other"
    elif "ogrn" in low or "regist" in low or low == "regnumber":
        russian = code == "RUS" or code is None
        kind = "ogrn" if russian and len(digits) in (13, 15) and digits == value.replace(" ", "") else "registration"
    elif "national" in low or low in ("id", "identification number", "cedula no.") or "identity" in low:
        kind = "national_id"
    else:
        kind = "other"
    return Identifier(kind, value, code)


# ---------------------------------------------------------------------------------------------- dates

_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2})[\s-]+)?([A-Za-z]{3,9})\.?[\s-]+(\d{4})")


def iso_date(text: str | None) -> str | None:
    """A date as the lists write it, in ISO 8601, partial when the list knows only the year or month:
    "12 May 1961" and "1961-05-12" → 1961-05-12, "May 1961" → 1961-05, "circa 1961" → 1961,
    "00/00/1961" (the UK list's unknown day and month) → 1961. None when no year can be read."""
    if not text:
        return None
    text = text.strip()
    found = _ISO.fullmatch(text[:10]) if len(text) >= 4 else None
    if found:
        return "-".join(p for p in found.groups() if p)
    found = _DMY.search(text)
    if found:
        d, m, y = (int(g) for g in found.groups())
        if m == 0 or m > 12:
            return str(y)
        return f"{y}-{m:02d}" if d == 0 or d > 31 else f"{y}-{m:02d}-{d:02d}"
    words = _WORDS.search(text)
    if words and words.group(2).casefold() in _MONTHS:
        day = words.group(1)
        return f"{words.group(3)}-{_MONTHS[words.group(2).casefold()]:02d}" + (f"-{int(day):02d}" if day else "")
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return year.group(1) if year else None


def dates(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(d for d in (iso_date(v) for v in values) if d))


# ---------------------------------------------------------------------------------------------- names


def clean(text: str | None) -> str:
    """One line, single spaces; empty for None."""
    return " ".join(text.split()) if text else ""


def join_name(*parts: str | None) -> str:
    """A name from its parts (first, middle, last …), the empty ones left out."""
    return " ".join(p for p in (clean(x) for x in parts) if p)


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (clean(x) for x in values) if v))


def sibling(path: Path, name: str) -> Path | None:
    """A file beside ``path`` whose name is ``name`` in any case (OFAC's ADD.CSV or add.csv)."""
    for candidate in path.parent.iterdir():
        if candidate.name.casefold() == name.casefold():
            return candidate
    return None


def first_time(seen: set[str], entity_id: str, where: str) -> None:
    """Refuse an id given twice (the store keeps one entity per id and list); ``where`` names the place."""
    if entity_id in seen:
        raise ListFormatError(f"{where}: entity id {entity_id!r} appears twice in the list")
    seen.add(entity_id)


def xml_entries(path: Path, tag: str, label: str) -> Iterator[object]:
    """The ``tag`` elements of a large XML file one at a time (lxml ``iterparse``), each freed after use.

    Entities and the network are never resolved. A syntax error becomes a :class:`ListFormatError` naming
    the file and line; ``label`` names the format in it ("OFAC SDN XML").
    """
    from lxml import etree

    try:
        events = etree.iterparse(
            str(path), events=("end",), tag=f"{{*}}{tag}", resolve_entities=False, no_network=True, huge_tree=True
        )
        for _, element in events:
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno else "?"
        raise ListFormatError(f"{path}: line {line}: not well-formed {label} ({err.msg})") from None


def xml_root(path: Path, label: str) -> tuple[str, dict[str, str]]:
    """The local name and attributes of the file's root element, reading no further than its start tag."""
    from lxml import etree

    try:
        for _, element in etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True, huge_tree=True
        ):
            return local(element.tag), dict(element.attrib)
    except etree.XMLSyntaxError as err:
        raise ListFormatError(f"{path}: line {err.lineno or '?'}: not well-formed {label} ({err.msg})") from None
    raise ListFormatError(f"{path}: empty file, not {label}")


def local(tag: object) -> str:
    """An element's name without its namespace."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def texts(element: object, path: str) -> list[str]:
    """The non-empty texts of the elements at ``path`` (namespace-agnostic: write ``{*}name`` steps)."""
    found = element.iterfind(path)  # type: ignore[attr-defined]
    return [t for t in (clean(e.text) for e in found) if t]


def text(element: object, path: str) -> str:
    """The first non-empty text at ``path``, or ""."""
    values = texts(element, path)
    return values[0] if values else ""
