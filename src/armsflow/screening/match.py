"""The scorer: how well a screened counterparty matches a list entity, and why.

Names decide; the other features only move a score that the names earned:

- **names**: the query's name against the entity's name and every alias; the best pair counts. Two names are
  compared token by token in any order (``names.tokens``: transliterated, legal forms removed). Each query
  token is aligned with the entity token it resembles most — equal, a typo apart (optimal string alignment
  distance), the same metaphone code (``alexander``/``aleksandr``), the same consonant skeleton
  (``mohammad``/``mhmd``, the way ICU spells Arabic script), or an initial (``a``/``aleksandr``) — and a pair
  below the cut-off counts as no match at all, so "Aleksei Petrov" does not half-match "Aleksandr Petrov".
  Query tokens left unaligned cost their full weight, entity tokens left over a fifth of it (a list gives
  patronymics and full Arabic name chains that a payment order leaves out). Particles (``al``, ``bin``)
  weigh little. The same names written as one word ("Hezbollah", "حزب الله") are caught by comparing the
  joined tokens as well.
- **identifiers** of the same kind (IMO, INN, OGRN, LEI, passport …): equal after removing spaces and
  punctuation lifts the score to at least 0.95 — an identifier is stronger than any spelling; different
  values of the same kind lower it by 0.15.
- **birth date**: the same year (and month and day where both give them) adds 0.05; years more than one
  apart take 0.2 off.
- **country**: a shared country adds 0.03; only different countries take 0.05 off (lists give nationality,
  residence and registration loosely, so a country is weak evidence either way).

The algorithm name ``armsflow-name-v1+names1`` says which scorer and which version of the name data files
(legal forms, particles) produced a score: stored decisions and benchmark figures refer to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from armsflow.screening import names
from armsflow.screening.model import Entity, Explanation, Hit, Identifier, Query

ALGORITHM = f"armsflow-name-v1+names{names.NAMES_DATA_VERSION}"
THRESHOLD = 0.8  # a hit at or above this is an alert (benchmarks/screening/README.md shows why this value)

_EXTRA_RESULT = 0.2  # share of an unaligned entity token's weight that counts against the match
_ID_AGREES, _ID_CONFLICTS = 0.95, -0.15
_DOB_AGREES, _DOB_CONFLICTS = 0.05, -0.2
_COUNTRY_AGREES, _COUNTRY_CONFLICTS = 0.03, -0.05
_ID_CHARS = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name prepared once for comparison: its tokens, their weights, and its joined spellings."""

    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    joined: str
    joined_skeleton: str
    legal_forms: tuple[str, ...]


@lru_cache(maxsize=200_000)
def name_form(text: str) -> NameForm:
    """The prepared form of a name (cached: list aliases come back in screening after screening)."""
    toks, forms = names.split_legal_form(names.normalise(text).split())
    weak = names.particles()
    weights = tuple(_weight(t, weak) for t in toks)
    return NameForm(text, toks, weights, "".join(toks), "".join(names.skeleton(t) for t in toks), forms)


def _weight(token: str, weak: frozenset[str]) -> float:
    if token in weak:
        return 0.3
    if len(token) == 1:
        return 0.4
    return 0.6 if len(token) <= 3 else 1.0


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> float:
    """How alike two tokens are, in [0, 1]; 0 below the cut-off (see the module's description)."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.8 if a[0] == b[0] else 0.0  # an initial
    best = OSA.normalized_similarity(a, b)
    sa, sb = names.skeleton(a), names.skeleton(b)
    if sa and sa == sb:
        best = max(best, 0.9 if len(sa) >= 2 else 0.8)
    elif len(sa) >= 3 and len(sb) >= 3:
        best = max(best, 0.9 * OSA.normalized_similarity(sa, sb))
    pa, pb = names.phonetic(a), names.phonetic(b)
    if len(pa) >= 2 and pa == pb:
        best = max(best, 0.9)
    cutoff = 0.8 if max(len(a), len(b)) <= 5 else 0.7
    return best if best >= cutoff else 0.0


def compare_names(query: NameForm, result: NameForm) -> float:
    """Similarity of two prepared names in [0, 1] (the token alignment, or the joined spellings)."""
    if not query.tokens or not result.tokens:
        return 0.0
    pairs = sorted(
        ((token_similarity(a, b), i, j) for i, a in enumerate(query.tokens) for j, b in enumerate(result.tokens)),
        reverse=True,
    )
    used_q: set[int] = set()
    used_r: set[int] = set()
    num = den = 0.0
    for sim, i, j in pairs:
        if sim <= 0.0:
            break
        if i in used_q or j in used_r:
            continue
        used_q.add(i)
        used_r.add(j)
        w = (query.weights[i] + result.weights[j]) / 2
        num += sim * w
        den += w
    den += sum(w for i, w in enumerate(query.weights) if i not in used_q)
    den += _EXTRA_RESULT * sum(w for j, w in enumerate(result.weights) if j not in used_r)
    aligned = num / den if den else 0.0
    if num and all(query.tokens[i] in names.particles() for i in used_q):
        aligned = min(aligned, 0.5)  # "al" and "bin" alone are no match
    return max(aligned, _joined(query, result))


def _joined(query: NameForm, result: NameForm) -> float:
    """The names run together ("xi jin ping"/"xijinping", "hzb allh"/"hezbollah"): only a close call counts."""
    if len(query.tokens) == len(result.tokens) or min(len(query.joined), len(result.joined)) < 6:
        return 0.0  # same token count: the alignment has already seen every pair
    best = OSA.normalized_similarity(query.joined, result.joined)
    if len(query.joined_skeleton) >= 4 and query.joined_skeleton == result.joined_skeleton:
        best = max(best, 0.9)
    return best if best >= 0.85 else 0.0


def best_name(query: str, entity: Entity) -> tuple[float, str]:
    """The entity's name or alias the query matches best, with its score."""
    form = name_form(query)
    best, matched = 0.0, entity.name
    for alias in entity.names():
        score = compare_names(form, name_form(alias))
        if score > best:
            best, matched = score, alias
            if score >= 1.0:
                break
    return best, matched


def score(query: Query, entity: Entity) -> Hit:
    """The hit of ``query`` on ``entity``: the name score moved by identifiers, birth date and country."""
    name_score, matched = best_name(query.name, entity)
    features: list[tuple[str, str, float]] = []
    total = name_score
    id_effect = _identifiers(query.identifiers, entity.identifiers)
    if id_effect is not None:
        features.append(id_effect)
        total = max(total, _ID_AGREES) if id_effect[1] == "agrees" else total + id_effect[2]
    for feature in (_birth_date(query.birth_date, entity.birth_dates), _country(query.country, entity.countries)):
        if feature is not None:
            features.append(feature)
            total += feature[2]
    total = round(min(1.0, max(0.0, total)), 4)
    explanation = Explanation(query.name, matched, round(name_score, 4), tuple(features))
    return Hit(entity, total, ALGORITHM, explanation)


def normalise_identifier(value: str) -> str:
    """An identifier as compared: upper case, letters and digits only ("IMO 9 123 456" -> "IMO9123456"),
    the "IMO" prefix dropped."""
    out = _ID_CHARS.sub("", value.upper())
    return out[3:] if out.startswith("IMO") else out


def _identifiers(query: tuple[Identifier, ...], entity: tuple[Identifier, ...]) -> tuple[str, str, float] | None:
    if not query or not entity:
        return None
    theirs = {(i.kind, normalise_identifier(i.value)) for i in entity}
    values = {v for _, v in theirs}
    for ident in query:
        value = normalise_identifier(ident.value)
        if (ident.kind, value) in theirs or (ident.kind == "other" and value in values):
            return (f"identifier {ident.kind} {ident.value}", "agrees", _ID_AGREES)
    kinds = {k for k, _ in theirs}
    clash = [i for i in query if i.kind in kinds and i.kind != "other"]
    if clash:
        return (f"identifier {clash[0].kind} {clash[0].value}", "conflicts", _ID_CONFLICTS)
    return None


def _birth_date(query: str | None, entity: tuple[str, ...]) -> tuple[str, str, float] | None:
    if not query or not entity:
        return None
    for date in entity:
        n = min(len(query), len(date))
        if query[:n] == date[:n]:
            return (f"birth date {query} ~ {date}", "agrees", _DOB_AGREES)
    years = [int(d[:4]) for d in entity if d[:4].isdigit()]
    if query[:4].isdigit() and years and min(abs(int(query[:4]) - y) for y in years) > 1:
        return (f"birth date {query} vs {', '.join(entity)}", "conflicts", _DOB_CONFLICTS)
    return None


def _country(query: str | None, entity: tuple[str, ...]) -> tuple[str, str, float] | None:
    if not query or not entity:
        return None
    if query.upper() in entity:
        return (f"country {query.upper()}", "agrees", _COUNTRY_AGREES)
    return (f"country {query.upper()} vs {', '.join(entity)}", "conflicts", _COUNTRY_CONFLICTS)
