"""Canonical designations: which family and variant a designation the text gives belongs to.

Texts name one system many ways ("Eurofighter", "Typhoon", "EF-2000"; "Typ 212CD", "212CD"; "Leopard 2A6",
"Leo 2A6"). Records key on the *family* (``Eurofighter Typhoon``, ``Type 212CD``, ``Leopard 2``), so one
transfer is one record however it was spelt, and ``--item`` matches a family with all its variants. The
*variant* (``Leopard 2A6``, ``Rafale M``) and the armed service it implies tell different deals of one
family apart (see :mod:`armsflow.records`). What the text said stays on the event and is shown beside the
canonical name.

The knowledge is data: ``lexicons/families.tsv`` (families, their spellings and variants) and
``lexicons/services.tsv`` (words naming an armed service). A designation the family list lacks is looked
up in the extractor's catalogue (``designations.tsv``), whose canonical column gives its family; a known
name followed by a version code ("Su-57E", "K2PL", "Leopard 2A4") is a variant of that name's family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from armsflow.lexicons import designation_key, lexicon, read_tsv

FAMILIES_FILE = "families.tsv"
SERVICES_FILE = "services.tsv"
SERVICES = ("air", "army", "navy")


@dataclass(frozen=True, slots=True)
class Canonical:
    """A designation's family, its variant (None: the family itself, or unspecified) and the service implied."""

    family: str
    variant: str | None = None
    service: str | None = None

    @property
    def key(self) -> str:
        """Spelling-insensitive key of the family, as records are keyed."""
        return designation_key(self.family)


@cache
def families() -> dict[str, Canonical]:
    """Every spelling of ``families.tsv`` (as a designation key) with its family, variant and service."""
    out: dict[str, Canonical] = {}
    for row in read_tsv(FAMILIES_FILE):
        key = designation_key(row["form"])
        if key:
            out.setdefault(key, Canonical(row["family"], row["variant"] or None, row["service"] or None))
    return out


@cache
def family_names() -> tuple[str, ...]:
    """Every family and variant name, for suggestions when a filter names nothing known."""
    names = {c.family for c in families().values()} | {c.variant for c in families().values() if c.variant}
    for lang in ("en", "de"):
        names.update(entry.designation for entry in lexicon(lang).designations.values())
    return tuple(sorted(names))


def _catalogue(key: str) -> str | None:
    for lang in ("en", "de"):
        entry = lexicon(lang).designations.get(key)
        if entry is not None:
            return entry.designation
    return None


def _known(text: str) -> Canonical | None:
    """The family entry, else the catalogue's canonical name, for a whole spelling; None when neither knows it."""
    key = designation_key(text)
    if not key:
        return None
    found = families().get(key)
    if found is not None:
        return found
    named = _catalogue(key)
    if named is None:
        return None
    return families().get(designation_key(named)) or Canonical(named)


# A version code after a known name: "A6", "PL", "E", "MKI", "C/D", "2PL", "A7+" (upper case: "Leopard 2s" is a plural)
_VERSION_CODE = re.compile(r"(?:[A-Z]{1,4}\d{0,2}[A-Z]?\+?|[A-Z]/[A-Z]|\d[A-Z]{1,3})")


@lru_cache(maxsize=20_000)
def canonical(designation: str) -> Canonical:
    """The family (and variant) of a designation as a text gives it; an unknown name is its own family."""
    text = " ".join(designation.split())
    found = _known(text)
    if found is not None:
        return found
    # a variant the lists lack: the longest known head followed by a version code
    for cut in range(len(text) - 1, 0, -1):
        if not (text[cut - 1] in " -" or (text[cut - 1].isdigit() and text[cut].isalpha())):
            continue
        head, tail = text[:cut].rstrip(" -"), text[cut:].strip(" -")
        if not head or not _VERSION_CODE.fullmatch(tail):
            continue
        base = _known(head)
        if base is None or base.variant is not None:
            continue
        joint = text[len(head) : cut + (len(text[cut:]) - len(text[cut:].lstrip(" -")))]
        # "Leo 2A6" is a Leopard 2A6 (the family ends in the version number); "C-130H" stays a C-130H
        stem = base.family if base.family[-1:].isdigit() else head
        return Canonical(base.family, stem + joint + tail, base.service)
    return Canonical(text)


@cache
def _service_patterns() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """One pattern of look-alikes to remove, and one pattern per service (all its words at a word start)."""
    ignore: list[str] = []
    words: dict[str, list[str]] = {}
    for row in read_tsv(SERVICES_FILE):
        if row["service"] == "-":
            ignore.append(re.escape(row["form"]))
        else:
            words.setdefault(row["service"], []).append(re.escape(row["form"]))
    named = tuple(
        (service, re.compile(r"(?<!\w)(?:" + "|".join(forms) + ")", re.IGNORECASE))
        for service, forms in sorted(words.items())
    )
    return re.compile("|".join(ignore) or r"(?!)", re.IGNORECASE), named


@lru_cache(maxsize=50_000)
def services_named(sentence: str) -> frozenset[str]:
    """The armed services an evidence sentence names ("the Indian Air Force", "für ihre Marine").

    Memoised: recomputing a group's records reads the same sentences again.
    """
    ignore, named = _service_patterns()
    text = ignore.sub(" ", sentence)
    return frozenset(service for service, pattern in named if pattern.search(text))


def variant_in_text(designation: str, sentence: str) -> Canonical:
    """The designation's canonical form, taking a variant word the extractor left out of its span.

    "26 Rafale Marine fighter jets" gives the designation "Rafale"; the word after it in the sentence
    names the variant (Rafale M), which is what tells the Navy's deal from the Air Force's.
    """
    found = canonical(designation)
    if found.variant is not None or not sentence:
        return found
    at = sentence.find(designation)
    if at < 0:
        return found
    following = re.match(r"[ -]?([\w/+-]+)", sentence[at + len(designation) :])
    if following:
        longer = canonical(designation + " " + following.group(1))
        if longer.variant is not None and longer.family == found.family:
            return longer
    return found
