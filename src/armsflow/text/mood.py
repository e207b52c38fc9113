"""Mood: stretches of a sentence that assert nothing.

A transfer named in a polar question ("Hat Nordkorea Russland Raketen geliefert?", "Will Sweden
send Gripens?") or in a counterfactual ("hätte … exportieren können", "would have blocked") is
not reported as happening. These functions read mood from word forms and punctuation only; the
frames stage decides what a frame in such a stretch becomes.
"""

from __future__ import annotations

from typing import Final

from armsflow.lexicons import words
from armsflow.text.segment import TEXT, Token, word_class

_INTERROGATIVE: Final = {lang: words("pronoun.interrogative", lang) for lang in ("de", "en")}
_QUESTION_OPENERS: Final = words("function.opens-question")
_QUESTION_OPENERS_BIT: Final = word_class(_QUESTION_OPENERS, TEXT)
_COUNTERFACTUAL_AUX: Final = {lang: words("aux.counterfactual", lang) for lang in ("de", "en")}
_PERFECT_AFTER_MODAL: Final = words("aux.perfect-after-modal", "en")
_MODAL_INFINITIVE: Final = words("verb.modal-infinitive", "de")


def polar_questions(tokens: list[Token], lang: str) -> list[tuple[int, int]]:
    """Token spans of the yes/no questions of a sentence: from the start (or an opening quote or colon)
    to a question mark, unless a question word opens the span ("Warum liefert …?", "How many …?" take the
    transfer for granted and ask about it)."""
    spans: list[tuple[int, int]] = []
    interrogative = _INTERROGATIVE.get(lang, frozenset())
    start = 0
    for i, tok in enumerate(tokens):
        if tok.classes & _QUESTION_OPENERS_BIT:
            start = i + 1
        elif tok.text == "?":
            opening = [t.lower for t in tokens[start:i] if t.letter_first][:3]
            if opening and not any(w in interrogative for w in opening):
                spans.append((start, i + 1))
            start = i + 1
    return spans


def counterfactual(tokens: list[Token], start: int, end: int, lang: str, reported: bool) -> bool:
    """Does the clause tokens[start:end] say what would have happened ("hätte … exportieren können",
    "wäre … geliefert worden", "would have blocked")? A German "hätte … geliefert" in reported speech
    (``reported``) stands in for the Konjunktiv I and still reports a fact, unless a modal infinitive
    ("können", "müssen") makes it a possibility that was not realised."""
    auxiliaries = _COUNTERFACTUAL_AUX.get(lang, frozenset())
    for i in range(start, end):
        word = tokens[i].lower
        if word not in auxiliaries:
            continue
        rest = [t.lower for t in tokens[i + 1 : end]]
        if lang == "en":
            # "would have blocked", "would not have sold": the perfect after "would"
            if any(w in _PERFECT_AFTER_MODAL for w in rest[:3]):
                return True
            continue
        if any(w in _MODAL_INFINITIVE for w in rest):
            return True  # "hätte … kaum exportieren können"
        if not reported and _verb_final_participle(tokens, start, end, i):
            return True  # "Ohne die Zustimmung hätte Seoul keine Panzer verkauft", "…, wenn Seoul geliefert hätte"
    return False


def _verb_final_participle(tokens: list[Token], start: int, end: int, aux: int) -> bool:
    """A participle closes the verb group: the last word of the clause, or the word before a final
    auxiliary ("verkauft hätte", "geliefert worden wäre")."""
    ws = [t for t in tokens[start:end] if t.letter_first and t.i != aux]
    if not ws:
        return False
    last = ws[-1]
    if last.lower == "worden" and len(ws) > 1:
        last = ws[-2]
    return last.lowercase and len(last.text) > 4 and last.lower.endswith(("t", "en")) and last.i > aux - 2
