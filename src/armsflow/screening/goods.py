"""Goods: HS6/CN8 codes against the control lists, and free-text descriptions to candidate codes.

Compliance teams check the goods of a shipment as well as its counterparty. Three public lists name the goods
Iran's and Russia's drone and missile programmes procure: the Common High Priority Items List (HS6 codes in
tiers), the EU's annexes to Regulation (EU) 2023/1529 and the UK's Schedule 4 of the Iran (Sanctions)
Regulations 2023. armsflow keeps them as versioned data files (``screening/data/controls.json``, each entry with
the document, annex and date it comes from) and checks a code by prefix: a CN8 or TARIC code is covered by the
HS6 or HS4 entry it starts with, and a heading (HS4) is "partly" covered when the list names codes within it.

Most shipping papers describe goods in words, not codes. :func:`candidates` reads a German or English
description against a lexicon of words that name goods (``data/lexicon.tsv``) and ranks HS6 codes with a
confidence and the words behind each: the named goods ("Kugellager", the head of a phrase or the last part of a
German compound) count most, modifiers ("drone camera") less, and what follows "for"/"für" is read as the
purpose ("servo motors for a fixed-wing drone": servo motors, for a drone) — it adds little to the code but
names the weapon category whose transfers the network context shows. The result's ``to_json()`` gives it all.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

ALGORITHM = "armsflow-goods-v1"
LANGS = ("de", "en")
PARTS = "PARTS"  # the lexicon's mark for words such as "Teile", "parts"
TOP = 5
MAX_CHARS = 2000  # a goods description, not a document: longer text is refused, not read for minutes
MIN_CONFIDENCE = 0.05
TRANSFERS_SHOWN = 5

# How much a matched word counts, by its role in the description (see the module docstring).
HEAD, MODIFIER, WITH, PURPOSE, ALTERNATIVE = 1.0, 0.6, 0.4, 0.2, 0.5
PURPOSE_WORDS = frozenset({"for", "fur", "fuer", "zur", "zum", "intended", "suitable", "destined", "bestimmt"})
WITH_WORDS = frozenset({"with", "mit", "including", "incl", "inkl", "inklusive", "samt"})
JOIN_WORDS = frozenset({"and", "und", "or", "oder", "sowie", "plus"})
SUFFIXES = {
    "en": ("", "s", "es"),
    "de": ("", "e", "en", "n", "er", "ern", "s", "es", "ns"),
    "*": ("", "s", "es", "e", "en", "n"),
}
COMPOUND_MIN = 4  # a German word shorter than this is not looked for inside compounds ("ic" in "Plastik")


class GoodsError(ValueError):
    """Bad input to the goods check, stated for a user (the bad value and what would be valid)."""


# --------------------------------------------------------------------------- data files


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon line: a word or phrase (folded), its language, candidate codes, specificity and parts code."""

    lang: str
    term: str
    codes: tuple[str, ...]
    weight: float
    parts: str | None
    line: int


@dataclass(frozen=True, slots=True)
class ControlEntry:
    """One code a control list names, with where it comes from; ``ex`` marks an entry that covers only part of
    its code (the annex's "ex" codes: only goods that also fit its description)."""

    list: str
    code: str
    document: str
    annex: str
    date: str
    description: str
    tier: str | None = None
    ex: bool = False
    follows: str | None = None  # which version of the document the entry follows
    verified: bool = False  # checked against the text in force; ``verification`` says how far, or why not
    verification: str | None = None


@dataclass(frozen=True, slots=True)
class Nomenclature:
    code: str
    category: str
    en: str
    de: str


@dataclass(frozen=True, slots=True)
class Data:
    version: str
    lexicon: tuple[Term, ...]
    hs6: dict[str, Nomenclature]
    controls: tuple[ControlEntry, ...]
    lists: dict[str, dict[str, Any]]


def _data_text(name: str) -> str:
    return (resources.files("armsflow.screening") / "data" / name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[tuple[int, list[str]]]:
    """Rows of a data file with their line numbers, without comments and the header."""
    rows = []
    header_seen = False
    for number, line in enumerate(_data_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append((number, line.split("\t")))
    return rows


def _lexicon() -> tuple[Term, ...]:
    terms = []
    for number, cells in _tsv("lexicon.tsv"):
        lang, term, codes, weight, parts = (cells + [""] * 5)[:5]
        terms.append(Term(lang, fold(term), tuple(codes.split()), float(weight), parts or None, number))
    return tuple(terms)


def _hs6() -> dict[str, Nomenclature]:
    return {cells[0]: Nomenclature(*cells[:4]) for _, cells in _tsv("hs6.tsv")}


def _controls(hs6: dict[str, Nomenclature]) -> tuple[tuple[ControlEntry, ...], dict[str, dict[str, Any]], str]:
    raw = json.loads(_data_text("controls.json"))
    entries = []
    for item in raw["entries"]:
        source = raw["lists"][item["list"]]["sources"][item["source"]]
        known = hs6.get(item["code"][:6])
        described = item.get("description") or (known.en if known else "")
        entries.append(
            ControlEntry(
                list=item["list"],
                code=item["code"],
                document=source["document"],
                annex=source["annex"],
                date=source["date"],
                description=described,
                tier=item.get("tier"),
                ex=bool(item.get("ex")),
                follows=source.get("follows"),
                verified=bool(source.get("verified")),
                verification=source.get("verification"),
            )
        )
    return tuple(entries), raw["lists"], raw["version"]


@lru_cache(maxsize=1)
def data() -> Data:
    """The lexicon, the HS6 nomenclature and the control lists, read once."""
    hs6 = _hs6()
    controls, lists, version = _controls(hs6)
    return Data(version, _lexicon(), hs6, controls, lists)


# --------------------------------------------------------------------------- codes


def fold(text: str) -> str:
    """Lower case without accents (ä → a, ß → ss), every run of other characters one space."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def parse_code(text: str) -> str:
    """An HS4, HS6, CN8 or TARIC10 code as digits ("8542.31", "8542 31 90", "85423190" → digits), or
    :class:`GoodsError` naming the bad value."""
    raw = text.strip()
    digits = re.sub(r"[\s.\-]", "", raw)
    if not digits.isdigit() or len(digits) not in (4, 6, 8, 10):
        raise GoodsError(
            f"bad HS/CN code {text!r}: give 4 (heading), 6 (HS), 8 (CN) or 10 (TARIC) digits, e.g. 8542.31 or 85423190"
        )
    chapter = int(digits[:2])
    if not 1 <= chapter <= 97:
        raise GoodsError(f"bad HS/CN code {text!r}: chapter {digits[:2]} does not exist (HS chapters run 01-97)")
    return digits


def show_code(code: str) -> str:
    """A code as printed in tariffs: 8542.31, 8542.31.90, 8542."""
    if len(code) <= 4:
        return code
    return ".".join([code[:4]] + [code[i : i + 2] for i in range(4, len(code), 2)])


def coverage(code: str, entry: ControlEntry) -> str | None:
    """How a list entry covers a code: ``full`` (the code lies within the entry), ``ex`` (within an "ex" entry:
    only goods that also fit its description), ``partly`` (the entry names a narrower code within it), or None."""
    if code.startswith(entry.code):
        return "ex" if entry.ex else "full"
    if entry.code.startswith(code):
        return "partly"
    return None


def controls_for(code: str) -> list[tuple[ControlEntry, str]]:
    """Every list entry covering the code, with how it covers it, in the data file's order."""
    found = []
    for entry in data().controls:
        how = coverage(code, entry)
        if how:
            found.append((entry, how))
    return found


# --------------------------------------------------------------------------- descriptions


@dataclass(frozen=True, slots=True)
class Match:
    term: Term
    start: int
    end: int
    segment: int  # index of the coordinated part of the description
    role: str  # head, modifier, with or purpose
    compound: bool  # found inside a longer word and not at its end


@dataclass(slots=True)
class Reading:
    """What the description named: per code its score and reasons, and the purposes it gave."""

    scores: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    purposes: list[tuple[str, str]] = field(default_factory=list)  # (word, category)
    lang: str | None = None

    def add(self, code: str, amount: float, reason: str) -> None:
        self.scores[code] = self.scores.get(code, 0.0) + amount
        reasons = self.reasons.setdefault(code, [])
        if reason not in reasons:
            reasons.append(reason)


def _occurrences(text: str, term: Term) -> list[tuple[int, int, bool]]:
    """Where a term occurs in the folded text: (start, end, inside a longer word and not at its end)."""
    found = []
    may_compound = term.lang in ("de", "*") and len(term.term) >= COMPOUND_MIN
    suffixes = SUFFIXES[term.lang]
    start = text.find(term.term)
    while start >= 0:
        end = start + len(term.term)
        word_end = text.find(" ", end)
        word_end = len(text) if word_end < 0 else word_end
        rest = text[end:word_end]
        at_start = start == 0 or text[start - 1] == " "
        if (at_start or may_compound) and rest in suffixes:
            found.append((start, word_end, False))
        elif may_compound and rest:
            found.append((start, end, True))
        start = text.find(term.term, start + 1)
    return found


def _segments(text: str) -> list[tuple[int, str]]:
    """Each word's start offset and role: ``main`` until a purpose ("for", "für") or "with" word, and after it
    ``purpose`` or ``with`` until the end (a purpose) or the next purpose word."""
    roles = []
    role = "main"
    offset = 0
    for word in text.split(" "):
        if word in PURPOSE_WORDS:
            role = "purpose"
        elif word in WITH_WORDS and role != "purpose":
            role = "with"
        roles.append((offset, role))
        offset += len(word) + 1
    return roles


def _find(text: str, lang: str | None) -> list[Match]:
    """Every lexicon match, without those inside a longer match, with its role in the description."""
    hits = []
    for term in data().lexicon:
        if lang and term.lang not in (lang, "*"):
            continue
        for start, end, compound in _occurrences(text, term):
            hits.append((start, end, compound, term))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, bool, Term]] = []
    for hit in hits:
        if any(k[0] <= hit[0] and hit[1] <= k[1] and (k[1] - k[0]) > (hit[1] - hit[0]) for k in kept):
            continue
        if any(k[0] == hit[0] and k[1] == hit[1] and k[3].term == hit[3].term for k in kept):
            continue
        kept.append(hit)
    roles = _segments(text)
    words = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    segment_of = _coordinated(text)
    matches = []
    for start, end, compound, term in kept:
        word = max(i for i, w in enumerate(words) if w <= start)
        matches.append(Match(term, start, end, segment_of[word], roles[word][1], compound))
    return _heads(matches)


def _coordinated(text: str) -> list[int]:
    """For each word, which coordinated part it belongs to ("Kugellager und Servomotoren": two parts)."""
    part, out = 0, []
    for word in text.split(" "):
        if word in JOIN_WORDS:
            part += 1
        out.append(part)
    return out


def _heads(matches: list[Match]) -> list[Match]:
    """In each coordinated part of the main text, the match ending last (not inside a compound) is the head."""
    out = []
    last: dict[int, Match] = {}
    for m in matches:
        if m.role == "main" and not m.compound and (m.segment not in last or m.end >= last[m.segment].end):
            last[m.segment] = m
    heads = {id(m) for m in last.values()}
    for m in matches:
        role = m.role
        if role == "main":
            role = "head" if id(m) in heads else "modifier"
        out.append(Match(m.term, m.start, m.end, m.segment, role, m.compound))
    return out


def read(description: str, lang: str | None = None) -> Reading:
    """Score the HS6 codes a description names (see the module docstring for the roles and weights)."""
    text = fold(description)
    matches = _find(text, lang)
    reading = Reading(lang=lang or _language(matches))
    factor = {"head": HEAD, "modifier": MODIFIER, "with": WITH, "purpose": PURPOSE}
    hs6 = data().hs6
    for m in matches:
        if PARTS in m.term.codes:
            continue
        said = f"{text[m.start : m.end]!r} ({m.term.lang}, {m.role})"
        for rank, code in enumerate(m.term.codes):
            amount = m.term.weight * factor[m.role] * (1.0 if rank == 0 else ALTERNATIVE)
            reading.add(code, amount, said if rank == 0 else f"{said}, another reading")
        if m.role == "purpose" and m.term.codes[0] in hs6:
            reading.purposes.append((text[m.start : m.end], hs6[m.term.codes[0]].category))
    _parts(reading, matches, text)
    return reading


def _parts(reading: Reading, matches: list[Match], text: str) -> None:
    """A parts word as the head ("Teile für Drohnen", "Drohnenteile", "turbojet parts") gives the parts code
    of the things it is said of."""
    for head in (m for m in matches if m.role == "head" and PARTS in m.term.codes):
        for m in matches:
            if m.term.parts and (m.segment == head.segment or m.role == "purpose"):
                said = f"{text[head.start : head.end]!r} of {text[m.start : m.end]!r} ({m.term.lang})"
                reading.add(m.term.parts, m.term.weight * HEAD, said)


def _language(matches: list[Match]) -> str | None:
    counts = {lang: sum(1 for m in matches if m.term.lang == lang) for lang in LANGS}
    best = max(counts.values())
    return None if best == 0 else max(LANGS, key=lambda lang: counts[lang])


def confidence(score: float, total: float) -> float:
    """How sure the reading is of one code: its share of all the description's evidence (square root, so a
    close second costs less), times the evidence's strength (one specific word names a code fully)."""
    if total <= 0:
        return 0.0
    return round(math.sqrt(score / total) * min(1.0, score), 2)


# --------------------------------------------------------------------------- the check


@dataclass(slots=True)
class Candidate:
    """A code the goods may have, how sure the reading is, why, and the list entries covering it."""

    code: str
    confidence: float
    reasons: list[str]
    controls: list[tuple[ControlEntry, str]]
    known: Nomenclature | None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "code_shown": show_code(self.code),
            "description": self.known.en if self.known else None,
            "description_de": self.known.de if self.known else None,
            "category": self.known.category if self.known else None,
            "confidence": self.confidence,
            "reasons": self.reasons,
            "controlled": bool(self.controls),
            "controls": [_control_json(entry, how) for entry, how in self.controls],
        }


def _control_json(entry: ControlEntry, how: str) -> dict[str, Any]:
    """One covering list entry; ``caveat`` is the data file's note on how far the list's entries are checked."""
    return {
        "list": entry.list,
        "code": entry.code,
        "coverage": how,
        "tier": entry.tier,
        "document": entry.document,
        "annex": entry.annex,
        "date": entry.date,
        "description": entry.description,
        "follows": entry.follows,
        "verified": entry.verified,
        "verification": entry.verification,
        "caveat": data().lists[entry.list].get("note"),
    }


@dataclass(slots=True)
class GoodsResult:
    """The goods check of one description or code; ``network`` is None when no knowledge base was given."""

    description: str | None
    hs: str | None
    lang: str | None
    candidates: list[Candidate]
    purposes: list[tuple[str, str]]
    network: list[dict[str, Any]] | None = None

    @property
    def controlled(self) -> bool:
        """Whether any candidate code is on a control list (in full, as an "ex" code, or partly)."""
        return any(c.controls for c in self.candidates)

    def to_json(self) -> dict[str, Any]:
        """The whole result as JSON-ready data (a dict): query, candidates best first, purposes, network."""
        d = data()
        return {
            "algorithm": ALGORITHM,
            "data_version": d.version,
            "query": {"description": self.description, "hs": self.hs, "lang": self.lang},
            "controlled": self.controlled,
            "candidates": [c.to_json() for c in self.candidates],
            "purposes": [{"word": word, "category": category} for word, category in self.purposes],
            "network": self.network,
        }


def check(
    description: str | None = None, hs: str | None = None, lang: str | None = None, store: Any = None, *, top: int = TOP
) -> Any:
    """Candidate codes for a description (or the given code), each with the list entries that control it and
    the reported transfers involving its category; the result has ``to_json()``.

    A given code comes first with confidence 1; a description adds its own candidates after it. ``store`` (an
    open :class:`armsflow.store.Store`) adds the network context; ``top`` caps the candidates; raises
    :class:`GoodsError` on bad input.
    """
    if top < 1:
        raise GoodsError(f"bad number of candidates {top}: at least 1")
    if lang is not None and lang not in LANGS:
        raise GoodsError(f"bad language {lang!r}: de or en (or none, to read both)")
    text = (description or "").strip()
    if not text and not (hs or "").strip():
        raise GoodsError("give a goods description or an HS/CN code")
    if len(text) > MAX_CHARS:
        raise GoodsError(f"the goods description has {len(text)} characters: at most {MAX_CHARS}")
    found: list[Candidate] = []
    purposes: list[tuple[str, str]] = []
    if hs is not None and hs.strip():
        code = parse_code(hs)
        found.append(_candidate(code, 1.0, ["the code given"]))
    result_lang = lang
    if text:
        reading = read(text, lang)
        result_lang = reading.lang
        purposes = list(dict.fromkeys(reading.purposes))
        total = sum(reading.scores.values())
        ranked = sorted(reading.scores.items(), key=lambda kv: (-kv[1], kv[0]))
        for code, score in ranked:
            if len(found) >= top or any(c.code == code for c in found):
                continue
            sure = confidence(score, total)
            if sure >= MIN_CONFIDENCE:
                found.append(_candidate(code, sure, reading.reasons[code]))
    result = GoodsResult(text or None, hs, result_lang, found, purposes)
    if store is not None:
        result.network = network(store, result)
    return result


def _candidate(code: str, sure: float, reasons: list[str]) -> Candidate:
    return Candidate(code, sure, reasons, controls_for(code), data().hs6.get(code[:6]))


# --------------------------------------------------------------------------- network context


def _categories(result: GoodsResult) -> dict[str, list[str]]:
    """The armsflow item categories whose transfers matter for this check, each with why: the candidates' own
    categories, the weapons the covering lists are about, and the purposes the description names."""
    why: dict[str, list[str]] = {}
    lists = data().lists
    for c in result.candidates[:3]:
        if c.known:
            why.setdefault(c.known.category, []).append(f"category of {show_code(c.code)}")
        for entry, _how in c.controls:
            for category in lists[entry.list].get("concerns", []):
                reason = f"{lists[entry.list]['title']} concerns it"
                if reason not in why.setdefault(category, []):
                    why[category].append(reason)
    for word, category in result.purposes:
        why.setdefault(category, []).append(f"purpose named: {word!r}")
    return why


def network(store: Any, result: GoodsResult) -> list[dict[str, Any]]:
    """For each relevant item category: how many transfer records the knowledge base has, and the most
    recently reported ones (supplier, recipient, item, designation, status, sources)."""
    from armsflow.query import RecordFilter, count_records, records

    out = []
    for category, why in _categories(result).items():
        flt = RecordFilter(type="transfer", item=category, limit=TRANSFERS_SHOWN)
        shown = [_transfer(r) for r in records(store, flt)]
        out.append({"category": category, "why": why, "records": count_records(store, flt), "transfers": shown})
    return out


def _transfer(row: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "supplier", "recipient", "item", "designation", "status", "first_reported", "last_reported")
    out = {name: row.get(name) for name in keep}
    out["sources"] = row.get("sources") or []
    out["documents"] = row.get("n_documents")
    return out
