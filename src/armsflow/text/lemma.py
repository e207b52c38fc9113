"""Lemmas, memoised, for every token: the per-word half, compiled with the core.

simplemma is a lookup lemmatizer; its greedy mode resolves German compounds
to their inflected head's base form ("Kampfflugzeugen" -> "Kampfflugzeug").
News vocabulary is Zipfian, so a cache makes lemmatising repeated words free;
what remains is the first sight of each word, and archives keep bringing new
ones. For a word the dictionary holds (four in five new words), :func:`_direct`
does simplemma's two steps (lookup, German greedy round) straight on the MARISA
trie; compiled, a new word costs about a third of what the interpreted chain of
simplemma's strategies costs. Everything else goes through simplemma itself.
The dictionaries and the lemmatizer live in ``lemmadict`` (interpreted: it
subclasses one of simplemma's classes).
"""

from __future__ import annotations

import unicodedata
from typing import Any, Final

from simplemma.utils import canonicalize_token, levenshtein_dist

from armsflow.text.lemmadict import cache_dir, dictionary, direct_parts, vocabulary_share
from armsflow.text.lemmadict import lemmatizer as _lemmatizer

__all__ = ["cache_dir", "dictionary", "lemmatize", "vocabulary_share"]

_MEMO: Final[dict[tuple[str, str], str]] = {}
_MEMO_LIMIT: Final = 200_000  # bounded: a long run over many topics must not grow without end


def lemmatize(word: str, lang: str) -> str:
    """Lowercased lemma; for hyphenated words only the last part is lemmatised ("155-mm-Granaten")."""
    key = (word, lang)
    known = _MEMO.get(key)
    if known is not None:
        return known
    if len(_MEMO) >= _MEMO_LIMIT:
        _MEMO.clear()
    result = _MEMO[key] = _lemma(word, lang)
    return result


def _lemma(word: str, lang: str) -> str:
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


_PARTS: Final[dict[str, tuple[Any, Any, int, bool] | None]] = {}


def _parts(lang: str) -> tuple[Any, Any, int, bool] | None:
    if lang not in _PARTS:
        _PARTS[lang] = direct_parts(lang)
    return _PARTS[lang]


def _lookup(trie: Any, table: Any, key: str) -> str | None:
    """``key``'s entry: on the MARISA trie its own ``get`` (a list of UTF-8 values), else the mapping's."""
    if trie is None:
        found: str | None = table.get(key)
        return found
    value = trie.get(key)
    return value[0].decode() if value else None


def _direct(word: str, lang: str) -> str | None:
    """The lemma of a word the dictionary knows, looked up directly.

    simplemma answers through a chain of strategies (apostrophes, dictionary, clitics, hyphens, rules,
    affixes) and, for German, a greedy round on the result; for a word the dictionary holds, that
    chain ends at the dictionary lookup and the greedy round. Doing those two steps here, without the
    chain's layers of calls, makes a first pass over new vocabulary markedly faster. Anything else
    (no entry, apostrophes, numbers) returns None and goes through simplemma as before. The steps are
    simplemma 2.0.0's: NFC normalisation, the language's canonical folding (none for German or English),
    the lookup as written, then with the first letter's case changed.
    """
    parts = _parts(lang)
    if parts is None:
        return None
    trie, table, minimum, folds = parts
    token = word if word.isascii() else unicodedata.normalize("NFC", word)
    if folds:
        token = canonicalize_token(token, lang)
    if not token or token.isnumeric() or "'" in token or "’" in token or "ʼ" in token:
        return None
    candidate = _lookup(trie, table, token)
    if candidate is None:
        candidate = _lookup(trie, table, token.lower() if token[:1].isupper() else token.capitalize())
    if not candidate:
        return None
    if lang != "de":
        return candidate
    token = canonicalize_token(candidate, lang) if folds else candidate  # the greedy round (German): one step further
    if len(token) <= minimum:
        return token
    further = _lookup(trie, table, token)
    if not further or len(further) > len(token) or levenshtein_dist(further, token) > 5:
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
        return bool(_lemmatizer(True).lemmatize(word + "n", lang="de") == word)
    except (ValueError, KeyError):
        return False
