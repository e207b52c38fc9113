"""When a transfer happened, where its evidence sentence says so.

A record's reporting dates say when the news came, not when the weapons moved: "Frankreich
lieferte 2020 bis 2022 insgesamt 36 Rafale" is reported in 2025 about 2020–2022. The exports
give the transfer's own dates where the sentence states them, as an ISO date as precise as the
text: a day (``2024-03-02``), a month (``2024-03``) or a year (``2020``), and a span for ranges
("2020–22", "from 2020 to 2022", "zwischen 2020 und 2022"). A bare number is taken as a year only
after a word that introduces a time (in, im, seit, until, Anfang, …), so "40 drones", "Patriot
2000" or "von 2000 Granaten" are not dates. Relative expressions ("last week", "am Samstag") are left alone: resolving
them needs more than the sentence.
"""

from __future__ import annotations

import re

from armsflow.dates import is_real_date

_MONTHS = {
    "january": 1, "jan": 1, "januar": 1, "jänner": 1,
    "february": 2, "feb": 2, "februar": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3,
    "april": 4, "apr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juni": 6,
    "july": 7, "jul": 7, "juli": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_INTRO = (
    r"(?:in|im|im\s+Jahr(?:e)?|in\s+the\s+year|seit|since|bis|until|till|by|during|während|"
    r"between|zwischen|Anfang|Ende|Mitte|early|late|mid-?|Frühjahr|Sommer|Herbst|Winter|spring|summer|autumn|fall|"
    r"winter)"
)
_PATTERNS = (
    # 2024-03-02
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # 2. März 2024, 2 March 2024
    ("dmy", re.compile(rf"\b(?P<d>[0-3]?\d)\.?\s+(?P<mon>{_MONTH})\.?\s+(?P<y>{_YEAR})\b", re.IGNORECASE)),
    # March 2, 2024
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>{_YEAR})\b", re.IGNORECASE)),
    # März 2024, March 2024
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<y>{_YEAR})\b", re.IGNORECASE)),
    # 2020–22, 2020-2022, 2020 bis 2022, from 2020 to 2022, zwischen 2020 und 2022
    (
        "range",
        re.compile(
            rf"\b(?P<y>{_YEAR})\s*(?:[–—-]|/|\s(?:bis|to|until|and|und)\s)\s*(?P<y2>{_YEAR}|\d\d)\b(?![.,]?\d)",
            re.IGNORECASE,
        ),
    ),
    # in 2023, im Jahr 2023, seit 2022, Anfang 2024
    (
        "year",
        re.compile(rf"\b{_INTRO}\s+(?:dem\s+|the\s+)?(?:Jahr(?:e)?\s+)?(?P<y>{_YEAR})\b(?![.,]?\d)", re.IGNORECASE),
    ),
)


def transfer_dates(sentence: str) -> tuple[str, str] | None:
    """(start, end) of what the sentence dates, as ISO dates as precise as the text; None without one."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # a longer, more precise form already covers these words
            taken.append((m.start(), m.end()))  # an impossible day is no month either: its words are used up
            span = _span(kind, m)
            if span:
                found.append((m.start(), *span))
    if not found:
        return None
    found.sort()
    return min(s for _, s, _ in found), max(e for _, _, e in found)


def _span(kind: str, m: re.Match[str]) -> tuple[str, str] | None:
    year = m.group("y")
    if kind == "range":
        end = m.group("y2")
        end = end if len(end) == 4 else year[:2] + end
        return (year, end) if year < end else None
    if kind == "year":
        return year, year
    month = int(m.group("m")) if kind == "iso" else _MONTHS[m.group("mon").lower().rstrip(".")]
    if kind == "my":
        return f"{year}-{month:02d}", f"{year}-{month:02d}"
    day = f"{year}-{month:02d}-{int(m.group('d')):02d}"
    return (day, day) if is_real_date(day) else None
