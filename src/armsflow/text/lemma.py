"""Lemmas, memoised, from a dictionary that loads in milliseconds.

simplemma is a lookup lemmatizer; its greedy mode resolves German compounds
to their inflected head's base form ("Kampfflugzeugen" -> "Kampfflugzeug").
News vocabulary is Zipfian, so a cache makes lemmatising nearly free.

simplemma ships its dictionaries compressed; decoding the German one takes
about a second, which would be most of armsflow's start-up. The first run
therefore stores each dictionary as a MARISA trie in the user's cache folder
(``ARMSFLOW_CACHE`` or the platform cache dir); later runs map it in a few
milliseconds. The trie is written to a temporary file and renamed into
place, so concurrent first runs never read a half-written file. Where no
cache folder is writable, the plain in-memory dictionary is used instead.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DEFAULT_DICTIONARY_FACTORY,
    DictionaryFactory,
)

from armsflow.cache import cache_root

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Where the lemma tries live: under armsflow's cache folder, per simplemma version."""
    return cache_root() / "lemmas" / f"simplemma-{simplemma.__version__}"


def _trie_factory() -> DictionaryFactory:
    """A trie-backed dictionary factory with atomic cache writes, or the default one."""
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import (
            TrieDictionaryFactory,
        )
    except ImportError:  # pragma: no cover - marisa-trie is a declared dependency
        return DEFAULT_DICTIONARY_FACTORY

    class AtomicTrieFactory(TrieDictionaryFactory):
        def _write_trie_to_disk(self, lang: str, trie: object) -> None:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{lang}.", suffix=".tmp", dir=self._cache_dir)
            os.close(fd)
            try:
                trie.save(tmp)  # type: ignore[attr-defined]
                os.chmod(tmp, 0o644)
                os.replace(tmp, self._cache_dir / f"{lang}.dic")
            finally:
                Path(tmp).unlink(missing_ok=True)

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe.")
        probe.close()
    except OSError:
        log.info("lemma cache folder %s is not writable; using the in-memory dictionary", folder)
        return DEFAULT_DICTIONARY_FACTORY
    return AtomicTrieFactory(disk_cache_dir=str(folder))


@lru_cache(maxsize=1)
def _factory() -> DictionaryFactory:
    return _trie_factory()


@lru_cache(maxsize=2)
def _lemmatizer(greedy: bool) -> simplemma.Lemmatizer:
    strategy = DefaultStrategy(greedy=greedy, dictionary_factory=_factory())
    return simplemma.Lemmatizer(lemmatization_strategy=strategy)


def dictionary(lang: str) -> Mapping[str, str]:
    """The word -> lemma dictionary for ``lang``."""
    return _factory().get_dictionary(lang)


def vocabulary_share(text: str, lang: str) -> float:
    """Share of the text's words that ``lang``'s dictionary knows (for headline-length texts)."""
    strategy = DefaultStrategy(greedy=False, dictionary_factory=_factory())
    detector = simplemma.LanguageDetector(lang, lemmatization_strategy=strategy)
    return detector.proportion_in_target_languages(text)


@lru_cache(maxsize=200_000)
def lemmatize(word: str, lang: str) -> str:
    """Lowercased lemma; for hyphenated words only the last part is lemmatised ("155-mm-Granaten")."""
    head = word
    prefix = ""
    if "-" in word.strip("-"):
        cut = word.rstrip("-").rfind("-") + 1
        prefix, head = word[:cut], word[cut:]
    if not head or not head[:1].isalpha():
        return word.lower()
    base = _direct(head, lang)
    if base is None:
        try:
            base = _lemmatizer(lang == "de").lemmatize(head, lang=lang)
        except (ValueError, KeyError):
            base = head
    if lang == "de" and _feminine_e_noun(head, base):
        base = head
    return (prefix + base).lower()


# The version whose lookup chain ``_direct`` reproduces (a test compares both on a large vocabulary).
_DIRECT_VERSION = "2.0.0"


@lru_cache(maxsize=4)
def _direct_lookup(lang: str):
    """The dictionary and helpers for ``_direct``, or None when simplemma is another version."""
    if simplemma.__version__ != _DIRECT_VERSION:
        return None
    from simplemma.strategies.greedy_dictionary_lookup import greedy_min_length
    from simplemma.utils import canonicalize_token, has_apostrophe, levenshtein_dist, normalize_token

    helpers = (canonicalize_token, has_apostrophe, levenshtein_dist, normalize_token)
    return (_getter(dictionary(lang)), greedy_min_length(lang), *helpers)


def _getter(table: Mapping[str, str]):
    """The fastest ``word -> lemma or None`` for ``table``: on the MARISA trie, the trie's own lookup.

    simplemma's mapping over the trie answers through two Python layers per lookup; a first pass over new
    vocabulary makes tens of thousands of lookups, so going to the trie directly saves a tenth of it.
    """
    trie = getattr(table, "_trie", None)
    if trie is None or not hasattr(trie, "get"):
        return table.get

    def get(key: str) -> str | None:
        value = trie.get(key)
        return value[0].decode() if value else None

    return get


def _direct(word: str, lang: str) -> str | None:
    """The lemma of a word the dictionary knows, looked up directly.

    simplemma answers through a chain of strategies (apostrophes, dictionary, clitics, hyphens, rules,
    affixes) and, for German, a greedy round on the result; for a word the dictionary holds, that
    chain ends at the dictionary lookup and the greedy round. Doing those two steps here, without the
    chain's layers of calls, makes a first pass over new vocabulary markedly faster. Anything else
    (no entry, apostrophes, numbers) returns None and goes through simplemma as before.
    """
    found = _direct_lookup(lang)
    if found is None:
        return None
    lookup, minimum, canonical, apostrophe, distance, normal = found
    token = canonical(normal(word), lang)
    if not token or token.isnumeric() or apostrophe(token):
        return None
    candidate = lookup(token)
    if candidate is None:
        candidate = lookup(token.lower() if token[:1].isupper() else token.capitalize())
    if not candidate:
        return None
    if lang != "de":
        return candidate
    token = canonical(candidate, lang)  # the greedy round (German): one more step towards the base
    if len(token) <= minimum:
        return token
    further = lookup(token)
    if not further or len(further) > len(token) or distance(further, token) > 5:
        return token
    return further


def _feminine_e_noun(word: str, base: str) -> bool:
    """A noun in -e that simplemma cuts to a homograph: "Granate" -> "Granat", "Patrone" -> "Patron".

    The word is a lemma itself when its -en plural lemmatises back to it
    ("Granaten" -> "Granate"); a dative or plural -e ("Jahre" -> "Jahr") does not.
    """
    if not (word[:1].isupper() and base[:1].isupper() and word.endswith("e") and base + "e" == word):
        return False
    try:
        return _lemmatizer(True).lemmatize(word + "n", lang="de") == word
    except (ValueError, KeyError):
        return False
