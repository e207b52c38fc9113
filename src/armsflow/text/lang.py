"""Language identification by function words.

News text in German or English is recognised with near certainty from its
most frequent closed-class words; this needs no model, runs in microseconds
and, crucially, says "neither" for French or Spanish text instead of forcing
a guess, so unsupported documents are skipped rather than misread.
"""

from __future__ import annotations

import re

from armsflow.lexicons import words

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_MARKERS: dict[str, frozenset[str]] = {lang: words("function.language-marker", lang) for lang in ("de", "en")}


# Function words of neighbouring languages: a French or Spanish text must not pass for German.
_OTHER = words("function.language-marker-other")


def detect_language(text: str, sample: int = 4000) -> str | None:
    """Return "de", "en" or None when the text is neither (or too short to tell)."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return None
    scores = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    other = sum(w in _OTHER for w in words)
    if other and other >= max(scores.values()):
        return None
    if max(scores.values()) == 0 and len(words) <= 12:
        return _short_text_language(text)
    best = max(scores, key=lambda k: scores[k])
    hits = scores[best]
    # Short texts have few function words: one is enough if the other language has none.
    if hits < 2 and (len(words) > 12 or min(scores.values()) > 0):
        return None
    if hits / len(words) < 0.08 and len(words) >= 25:
        return None
    other = min(scores.values())
    if hits == other:
        return None
    return best


def _short_text_language(text: str) -> str | None:
    """A headline-length text without function words: decide by vocabulary, strictly."""
    from .lemma import vocabulary_share

    de = vocabulary_share(text, "de")
    en = vocabulary_share(text, "en")
    if de >= 0.9 and en < 0.5:
        return "de"
    if en >= 0.9 and de < 0.5:
        return "en"
    return None
