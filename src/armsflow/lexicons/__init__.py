"""Versioned lexicon data and the code that reads it.

The data files (TSV, one entry per line with its language) are the knowledge
of the extractor; this module only parses and indexes them once per process.
Keys are normalised the way the matcher looks them up, so lookups are plain
dictionary hits.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

VERSION = (Path(__file__).with_name("VERSION")).read_text(encoding="utf-8").strip()

_DATA = resources.files(__name__)


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file as dicts (header line gives the keys)."""
    with io.TextIOWrapper((_DATA / name).open("rb"), encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in reader if row and not (next(iter(row.values())) or "").startswith("#")]


def _langs(lang: str) -> tuple[str, ...]:
    return (lang, "*")


_SPLIT = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’][^\W_]+)?(?:[-/][^\W_]+)*|\S", re.UNICODE)


def form_tokens(form: str) -> tuple[str, ...]:
    """Split a lexicon form the way the tokenizer splits running text."""
    return tuple(_SPLIT.findall(form))


@lru_cache(maxsize=100_000)
def designation_key(text: str) -> str:
    """Spelling-insensitive key: "Su-35", "SU 35" and "su35" meet (memoised: every capitalised word asks)."""
    return _KEY_NOISE.sub("", text).casefold()


_KEY_NOISE = re.compile(r"[\s\-‐‑–_/.]")


@dataclass(slots=True)
class ActorEntry:
    id: str
    kind: str


@dataclass(slots=True)
class DesignationEntry:
    designation: str
    category: str
    producer: str
    case_sensitive: bool


@dataclass(slots=True)
class Lexicon:
    """Everything the matcher needs for one language."""

    lang: str
    actors: dict[tuple[str, ...], ActorEntry] = field(default_factory=dict)
    actor_max: int = 1
    actor_starts: dict[str, int] = field(default_factory=dict)  # first token -> longest form
    actor_pairs: set[tuple[str, ...]] = field(default_factory=set)  # first two tokens of longer forms
    compound_prefixes: dict[str, ActorEntry] = field(default_factory=dict)
    designations: dict[str, DesignationEntry] = field(default_factory=dict)
    designation_max: int = 1
    designation_starts: dict[str, int] = field(default_factory=dict)
    item_heads: dict[str, str] = field(default_factory=dict)
    item_words: dict[str, str] = field(default_factory=dict)
    item_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    item_phrase_max: int = 1
    item_phrase_starts: dict[str, int] = field(default_factory=dict)
    cue_lemmas: dict[str, set[str]] = field(default_factory=dict)
    cue_words: dict[str, set[str]] = field(default_factory=dict)
    cue_phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    cue_phrase_max: int = 1
    cue_phrase_starts: dict[str, int] = field(default_factory=dict)
    cue_phrase_pairs: set[tuple[str, ...]] = field(default_factory=set)  # first two words of each phrase
    numbers: dict[str, int] = field(default_factory=dict)
    carrier_lemmas: set[str] = field(default_factory=set)  # words that stand for a named item


ACTOR_FILES = ("actors.tsv", "people.tsv")


def _longest(index: dict[str, int], first: str, size: int) -> None:
    """Remember the longest form starting with ``first``: the matcher tries no longer spans."""
    if size > index.get(first, 0):
        index[first] = size


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """The indexed lexicon for ``lang`` (built once per process)."""
    lex = Lexicon(lang)
    for name in ACTOR_FILES:
        for row in read_tsv(name):
            if row["lang"] not in _langs(lang):
                continue
            entry = ActorEntry(row["id"], row["kind"])
            forms = {row["form"]}
            if row["kind"] == "adj" and row["form"][:1].islower():
                forms.add(row["form"][:1].upper() + row["form"][1:])  # sentence-initial
            for form in forms:
                key = form_tokens(form)
                lex.actors.setdefault(key, entry)
                lex.actor_max = max(lex.actor_max, len(key))
                _longest(lex.actor_starts, key[0], len(key))
                lex.actor_pairs.add(key[:2])
            if row["kind"] in ("metonym", "capital", "name") and len(row["form"]) >= 4 and " " not in row["form"]:
                lex.compound_prefixes.setdefault(row["form"], entry)
    for row in read_tsv("designations.tsv"):
        if row["lang"] not in _langs(lang):
            continue
        spelling = designation_key(row["form"])
        if not spelling:
            continue
        case = not any(ch.isdigit() for ch in row["form"])
        lex.designations.setdefault(
            spelling, DesignationEntry(row["designation"], row["category"], row["producer"], case)
        )
        parts = form_tokens(row["form"])
        lex.designation_max = max(lex.designation_max, len(parts))
        _longest(lex.designation_starts, designation_key(parts[0]), len(parts))
    for row in read_tsv("items.tsv"):
        if row["lang"] != lang:
            continue
        form = row["form"].lower()
        if row["match"] == "head":
            lex.item_heads.setdefault(form, row["category"])
        elif row["match"] == "word":
            lex.item_words.setdefault(form, row["category"])
        else:
            key = form_tokens(form)
            lex.item_phrases.setdefault(key, row["category"])
            lex.item_phrase_max = max(lex.item_phrase_max, len(key))
            _longest(lex.item_phrase_starts, key[0], len(key))
    for row in read_tsv("cues.tsv"):
        if row["lang"] not in _langs(lang):
            continue
        form = row["form"].lower()
        if row["match"] == "lemma":
            lex.cue_lemmas.setdefault(form, set()).add(row["kind"])
            if row["kind"] in ("carrier", "missile"):
                lex.carrier_lemmas.add(form)
        elif row["match"] == "word":
            lex.cue_words.setdefault(form, set()).add(row["kind"])
        else:
            key = form_tokens(form)
            lex.cue_phrases.setdefault(key, set()).add(row["kind"])
            lex.cue_phrase_max = max(lex.cue_phrase_max, len(key))
            _longest(lex.cue_phrase_starts, key[0], len(key))
            lex.cue_phrase_pairs.add(key[:2])
    for row in read_tsv("numbers.tsv"):
        if row["lang"] in _langs(lang):
            lex.numbers[row["form"].lower()] = int(row["value"])
    return lex


@lru_cache(maxsize=4)
def abbreviations(lang: str) -> frozenset[str]:
    return frozenset(row["form"] for row in read_tsv("abbreviations.tsv") if row["lang"] in _langs(lang))
