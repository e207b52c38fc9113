"""Lemmas, memoised.

simplemma is a lookup lemmatizer; its greedy mode resolves German compounds
to their inflected head's base form ("Kampfflugzeugen" -> "Kampfflugzeug").
News vocabulary is Zipfian, so a cache makes lemmatising nearly free.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma


@lru_cache(maxsize=200_000)
def lemmatize(word: str, lang: str) -> str:
    """Lowercased lemma; for hyphenated words only the last part is lemmatised."""
    if not word[:1].isalpha():
        return word.lower()
    head = word
    prefix = ""
    if "-" in word.strip("-"):
        cut = word.rstrip("-").rfind("-") + 1
        prefix, head = word[:cut], word[cut:]
    if not head or not head[:1].isalpha():
        return word.lower()
    try:
        base = simplemma.lemmatize(head, lang=lang, greedy=(lang == "de"))
    except (ValueError, KeyError):
        base = head
    return (prefix + base).lower()
