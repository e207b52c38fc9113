"""Base forms a verb form may belong to, by rule (German and English).

The lookup lemmatizer misreads some verb forms ("schicken" -> "schick", "angefragt" unknown,
"supplied" in some contexts); the cue lexicon lists infinitives, so these functions list the
infinitives a form may belong to and the cue finder tries each. They run once per new word form (the
results are memoised), which makes them part of what new vocabulary costs: the module is compiled
with the extraction core.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from armsflow.lexicons import word_list

_PARTICLES: Final = ("",) + tuple(word_list("particle.separable-prefix", "de"))


@lru_cache(maxsize=50_000)
def german_verb_candidates(word: str) -> tuple[str, ...]:
    """Infinitives a German verb form may belong to, by rule.

    The lookup lemmatizer misreads some verb forms ("schicken" -> "schick",
    "angefragt" unknown); these rules undo participle "ge", "zu" infixes and
    person/tense endings so the cue lexicon, which lists infinitives, still
    matches.
    """
    w = word.lower()
    out: list[str] = [w]
    stems: list[str] = []
    for particle in _PARTICLES:
        if not w.startswith(particle):
            continue
        rest = w[len(particle) :]
        for infix in ("ge", "zu"):
            if rest.startswith(infix) and len(rest) > len(infix) + 3:
                core = rest[len(infix) :]
                stems.append(particle + core)
    stems.append(w)
    for stem in stems:
        for ending in ("test", "ten", "tet", "te", "en", "st", "et", "t", "e", "n"):
            if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                base = stem[: -len(ending)]
                out.extend((base + "en", base + "n"))
        out.append(stem)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=50_000)
def english_verb_candidates(word: str) -> tuple[str, ...]:
    """Base forms an English verb form may belong to ("buying" -> "buy", "supplied" -> "supply")."""
    w = word.lower()
    out = [w]
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])  # shipping -> ship
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        out += [stem, w[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3 and w[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        out.append(w[:-2])  # "pushes" -> "push"; "planes" is no form of "plan"
    if w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return tuple(dict.fromkeys(out))
