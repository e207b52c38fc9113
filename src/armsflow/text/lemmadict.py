"""simplemma's dictionaries, loaded in milliseconds, and its lemmatizer (the interpreted half of lemmas).

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

The factory subclasses one of simplemma's classes, which the compiled core cannot; the per-word work
lives in ``lemma`` (compiled), and reaches the dictionary through :func:`direct_parts`.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

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
def lemmatizer(greedy: bool) -> simplemma.Lemmatizer:
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


# The version whose lookup chain ``lemma._direct`` reproduces (a test compares both on a large vocabulary).
DIRECT_VERSION = "2.0.0"


@lru_cache(maxsize=4)
def direct_parts(lang: str) -> tuple[Any, Mapping[str, str], int, bool] | None:
    """What ``lemma._direct`` needs for ``lang``: the MARISA trie (None without one), the dictionary,
    the greedy round's minimum length, and whether simplemma canonicalises this language's tokens;
    None when simplemma is another version than the one the shortcut reproduces."""
    if simplemma.__version__ != DIRECT_VERSION:
        return None
    from simplemma.strategies.greedy_dictionary_lookup import greedy_min_length
    from simplemma.utils import CANON_LANGS

    table = dictionary(lang)
    trie = getattr(table, "_trie", None)
    # (simplemma's mapping over the trie answers through two Python layers per lookup; the trie's own
    # ``get`` is one call)
    direct = trie if trie is not None and hasattr(trie, "get") else None
    return (direct, table, greedy_min_length(lang), lang in CANON_LANGS)
