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
    """Lowercased lemma; for hyphenated words only the last part is lemmatised ("155-mm-Granaten")."""
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
    if lang == "de" and _feminine_e_noun(head, base):
        base = head
    return (prefix + base).lower()


def _feminine_e_noun(word: str, base: str) -> bool:
    """A noun in -e that simplemma cuts to a homograph: "Granate" -> "Granat", "Patrone" -> "Patron".

    The word is a lemma itself when its -en plural lemmatises back to it
    ("Granaten" -> "Granate"); a dative or plural -e ("Jahre" -> "Jahr") does not.
    """
    if not (word[:1].isupper() and base[:1].isupper() and word.endswith("e") and base + "e" == word):
        return False
    try:
        return simplemma.lemmatize(word + "n", lang="de", greedy=True) == word
    except (ValueError, KeyError):
        return False


_PARTICLES = (
    "zurück",
    "bereit",
    "weiter",
    "heraus",
    "zusammen",
    "vorbei",
    "an",
    "ab",
    "auf",
    "aus",
    "bei",
    "ein",
    "fest",
    "frei",
    "her",
    "hin",
    "los",
    "mit",
    "nach",
    "vor",
    "weg",
    "zu",
    "um",
    "dar",
    "fort",
    "durch",
    "über",
    "unter",
)


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
    for particle in ("",) + _PARTICLES:
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
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return tuple(dict.fromkeys(out))
