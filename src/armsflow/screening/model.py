"""The types screening shares: what a list entity holds, and what a hit says about it.

A list entity keeps everything the official list gives that helps tell two people or firms apart: its names
and aliases in every script, countries, birth dates, identifiers, addresses and programmes. The scorer reads
these; the store keeps them as JSON beside the entity's list, so a list reloaded later is compared field by
field (a changed entity re-opens an analyst's decision on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What an analyst may decide on a hit, and the identifier kinds a list entity or a query carries (light
# constants here, so that the command line builds its parser without importing the matcher).
DECISIONS = ("false_positive", "confirmed")
IDENTIFIER_KINDS = (
    "imo", "inn", "ogrn", "lei", "passport", "national_id", "registration", "swift", "vessel_mmsi", "other",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier as the list gives it: ``kind`` is one of imo, inn, ogrn, lei, passport, national_id,
    registration, swift, vessel_mmsi or other; ``value`` as printed, ``country`` (ISO alpha-3) when given."""

    kind: str
    value: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One entry of a list. ``id`` is unique within its list (the list's own reference number when it has one);
    ``schema`` is Person, Organization, Company, Vessel, Aircraft or LegalEntity (FollowTheMoney's names)."""

    id: str
    list_name: str
    schema: str
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-3, as armsflow's actor ids
    birth_dates: tuple[str, ...] = ()  # ISO 8601, possibly partial (1961, 1961-05)
    identifiers: tuple[Identifier, ...] = ()
    addresses: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()  # the sanctions programmes or regimes the entry is listed under
    listed_on: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def names(self) -> tuple[str, ...]:
        """The name and every alias, the name first, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class ListInfo:
    """A loaded list: ``name`` is the short key (ofac-sdn, eu-fsf, un-sc, uk, or the file's dataset name),
    ``source`` the file or URL it was read from, ``published`` the date the list gives itself."""

    name: str
    source: str
    format: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """What is screened: a name, and what else the caller knows."""

    name: str
    country: str | None = None
    birth_date: str | None = None
    identifiers: tuple[Identifier, ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a hit scored as it did: the query's name and the list alias it matched best, and each feature that
    agreed or conflicted (country, birth date, identifier) with its effect on the score."""

    query_name: str
    matched_name: str
    name_score: float
    features: tuple[tuple[str, str, float], ...] = ()  # (feature, agrees|conflicts|missing, effect)


@dataclass(frozen=True, slots=True)
class Hit:
    """A list entity a query matched, best first by ``score`` in [0, 1] under ``algorithm`` (a fixed, versioned
    name such as ``armsflow-name-v1``)."""

    entity: Entity
    score: float
    algorithm: str
    explanation: Explanation
