"""Versioned lexicon data and the code that reads it.

The data files (TSV, one entry per line with its language) are the knowledge
of the extractor; this module only parses and indexes them once per process.
Keys are normalised the way the matcher looks them up, so lookups are plain
dictionary hits.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import logging
import pickle
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from armsflow.cache import cache_root, write_atomically

VERSION = (Path(__file__).with_name("VERSION")).read_text(encoding="utf-8").strip()

log = logging.getLogger(__name__)

# The data files beside this module (a plain path: ``importlib.resources`` costs every start about 14 ms)
_DATA = Path(__file__).resolve().parent


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file as dicts (header line gives the keys)."""
    with io.TextIOWrapper((_DATA / name).open("rb"), encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in reader if row and not (next(iter(row.values())) or "").startswith("#")]


_LETTERS_HYPHEN_DIGIT: Final = re.compile(r"^([A-Za-z]+)-(?=\d)")


def _designation_spellings(form: str) -> list[str]:
    """A designation as listed and, where letters and a number are joined by a hyphen ("Fath-360", "MiG-29"), as
    written with a space ("Fath 360"): reports spell them both ways."""
    spaced = _LETTERS_HYPHEN_DIGIT.sub(r"\1 ", form)
    return [form] if spaced == form else [form, spaced]


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
    actor_words: set[str] = field(default_factory=set)  # every token of every form: no other word names an actor
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
    """The indexed lexicon for ``lang``: built once per process, or read from the cache folder.

    Building both languages' lexicons from the TSV files took about as many instructions as extracting
    200 KB of text, a tenth of a whole 3 MB run; the built index is therefore kept as a pickle under
    ``armsflow.cache.cache_root()``, named by a fingerprint of every data file, this module's code and the
    Python version, so an edited lexicon or a new armsflow never reads a stale one. Where the folder cannot
    be written, or a file there cannot be read, the lexicon is built as before.
    """
    # A lexicon is a few hundred thousand long-lived objects, none of them garbage: the cyclic collector,
    # run every few thousand allocations, would walk them again and again while they are built (about as
    # many instructions as the unpickling itself). It is paused meanwhile and resumed as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        path = cache_root() / "lexicons" / f"{lang}-{_fingerprint()}.pickle"
        cached = _read_cached(path, lang)
        if cached is not None:
            return cached
        lex = build_lexicon(lang)
        if write_atomically(path, pickle.dumps(lex, protocol=pickle.HIGHEST_PROTOCOL)):
            _prune(path.parent, f"{lang}-*.pickle", KEEP_CACHED)
        return lex
    finally:
        if collecting:
            gc.enable()


def lexicons_loaded() -> int:
    """How many lexicons this process holds: a bulk run moves each new one out of the collector's
    generations (``gc.freeze``) once it is there, as it does with everything built before the run."""
    return lexicon.cache_info().currsize


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    """A digest of what a built lexicon depends on: the data files, this module and the Python version.

    Reading and hashing the files (600 KB) took about 20 million instructions at every start. While no file
    changed its size or modification time (the test CPython applies to its own cached bytecode), the digest
    computed last time is read back from a small file named by those stamps instead.
    """
    entries = sorted((e for e in _DATA.iterdir() if e.name.endswith(".tsv")), key=lambda e: e.name)
    stamps = _stamps(entries)
    memo = cache_root() / "lexicons" / f"stamps-{stamps}.txt" if stamps else None
    if memo is not None:
        try:
            known = memo.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            known = ""
        if len(known) == 24:
            return known
    digest = hashlib.sha256(f"{sys.version}|{VERSION}".encode())
    digest.update(Path(__file__).read_bytes())
    for entry in entries:
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    fingerprint = digest.hexdigest()[:24]
    if memo is not None and write_atomically(memo, fingerprint.encode("ascii")):
        _prune(memo.parent, "stamps-*.txt", 4 * KEEP_CACHED)
    return fingerprint


# Each armsflow version or lexicon edit leaves a pickle of about 750 KB per language (and a stamp file) in the
# cache folder; without pruning, a developer's folder held 378 files and 270 MB after one day. The newest few
# stay, so processes of a few versions side by side (a test run beside a bulk run) keep theirs.
KEEP_CACHED: Final = 6


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the ``keep`` most recently written files matching ``pattern`` in ``folder``.

    Best effort: a file another process removed or still holds open is left to that process (a reader that
    loses its file rebuilds the lexicon, as for any unreadable cache file)."""
    try:
        found = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for old in found[keep:]:
        try:
            old.unlink()
        except OSError:
            pass


def _stamps(entries: list) -> str | None:
    """A digest of the path, size and modification time of this module and every data file, or None
    where the data are no plain files (a zipped package): then the files themselves are hashed."""
    if not all(isinstance(e, Path) for e in entries):
        return None
    parts = [sys.version, VERSION]
    try:
        for path in (Path(__file__), *entries):
            stat = path.stat()
            parts.append(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _read_cached(path: Path, lang: str) -> Lexicon | None:
    """The cached lexicon at ``path``, or None when there is none or it cannot be read."""
    try:
        with path.open("rb") as handle:
            lex = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a damaged cache file is rebuilt, whatever is wrong with it
        log.info("lexicon cache %s unreadable (%s); rebuilding it", path, exc)
        return None
    return lex if isinstance(lex, Lexicon) and lex.lang == lang else None


def build_lexicon(lang: str) -> Lexicon:
    """Index the lexicon files for ``lang``."""
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
                lex.actor_words.update(key)
            if row["kind"] in ("metonym", "capital", "name") and len(row["form"]) >= 4 and " " not in row["form"]:
                lex.compound_prefixes.setdefault(row["form"], entry)
    for row in read_tsv("designations.tsv"):
        if row["lang"] not in _langs(lang):
            continue
        for form in _designation_spellings(row["form"]):
            spelling = designation_key(form)
            if not spelling:
                continue
            case = not any(ch.isdigit() for ch in form)
            producer = "" if row["producer"] == "-" else row["producer"]  # "-": made by several states together
            lex.designations.setdefault(spelling, DesignationEntry(row["designation"], row["category"], producer, case))
            parts = form_tokens(form)
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


# --------------------------------------------------------------------------- word classes

WORDS_FILE = "words.tsv"


class UnknownWordClass(KeyError):
    """A rule names a word class that ``words.tsv`` does not define: a load-time error, not a silent miss."""

    def __str__(self) -> str:
        return f"unknown word class {self.args[0]!r}: add it to src/armsflow/lexicons/{WORDS_FILE}"


@dataclass(frozen=True, slots=True)
class WordClass:
    """A closed list of words a rule reads ("prep.to", "aux.passive"), per language, with what it is for."""

    name: str
    by_lang: dict[str, tuple[str, ...]]
    values: dict[str, str]
    note: str
    of: str = ""  # "cue-lemma": the words are compared with cue lemmas, so each must be one

    @property
    def all(self) -> frozenset[str]:
        return frozenset(w for ws in self.by_lang.values() for w in ws)


@lru_cache(maxsize=1)
def word_classes() -> dict[str, WordClass]:
    """Every word class of ``words.tsv`` (read once per process).

    A row is ``class, lang, words, note``; words are separated by `` | `` and may carry a value
    (``aufrüsten=military-equipment``). A class may span several rows, one per language.
    """
    by_lang: dict[str, dict[str, list[str]]] = {}
    values: dict[str, dict[str, str]] = {}
    notes: dict[str, str] = {}
    of: dict[str, str] = {}
    for row in read_tsv(WORDS_FILE):
        name, lang = row["class"], row["lang"]
        entries = [w.strip() for w in (row["words"] or "").split("|") if w.strip()]
        for entry in entries:
            word, _, value = entry.partition("=")
            by_lang.setdefault(name, {}).setdefault(lang, []).append(word)
            if value:
                values.setdefault(name, {})[word] = value
        if row.get("note"):
            notes[name] = row["note"]
        if row.get("of"):
            of[name] = row["of"]
        by_lang.setdefault(name, {})
    return {
        name: WordClass(
            name, {k: tuple(v) for k, v in langs.items()}, values.get(name, {}), notes.get(name, ""), of.get(name, "")
        )
        for name, langs in by_lang.items()
    }


def word_class(name: str) -> WordClass:
    try:
        return word_classes()[name]
    except KeyError:
        raise UnknownWordClass(name) from None


def words(name: str, lang: str | None = None) -> frozenset[str]:
    """The words of a class, in one language (with the shared ``*`` rows) or in all of them."""
    wc = word_class(name)
    if lang is None:
        return wc.all
    return frozenset(w for key in (lang, "*") for w in wc.by_lang.get(key, ()))


def word_list(name: str, lang: str) -> tuple[str, ...]:
    """The words of a class in one language, in the order of the data (for rules that try them in order)."""
    wc = word_class(name)
    return tuple(w for key in (lang, "*") for w in wc.by_lang.get(key, ()))


def word_stems(name: str) -> tuple[str, ...]:
    """A class of word beginnings or parts (``str.startswith``/``in`` tests), in a stable order."""
    return tuple(sorted(word_class(name).all))


def word_values(name: str) -> dict[str, str]:
    """The values attached to a class's words (``word=value`` in the data)."""
    return dict(word_class(name).values)


# --------------------------------------------------------------------------- cue kinds (the schema)

CUE_KINDS_FILE = "cue_kinds.tsv"


@dataclass(frozen=True, slots=True)
class CueKind:
    """A kind of cue word (schema as data): what it means, which groups it belongs to and, for
    triggers, its rank when several triggers share a clause (1 leads)."""

    kind: str
    groups: frozenset[str]
    priority: int | None
    description: str


@lru_cache(maxsize=1)
def cue_kinds() -> dict[str, CueKind]:
    out: dict[str, CueKind] = {}
    for row in read_tsv(CUE_KINDS_FILE):
        priority = int(row["priority"]) if row["priority"] else None
        out[row["kind"]] = CueKind(row["kind"], frozenset(row["groups"].split()), priority, row["description"])
    return out


def kind_group(group: str) -> frozenset[str]:
    """The cue kinds of a group ("give", "trigger", "modifier" …); an unknown group is an error."""
    found = frozenset(k.kind for k in cue_kinds().values() if group in k.groups)
    if not found:
        raise KeyError(f"no cue kind belongs to group {group!r} in src/armsflow/lexicons/{CUE_KINDS_FILE}")
    return found


def trigger_priority() -> list[str]:
    """Trigger kinds from the most directional to the least: which one leads a clause."""
    ranked = [k for k in cue_kinds().values() if k.priority is not None]
    return [k.kind for k in sorted(ranked, key=lambda k: k.priority or 0)]
