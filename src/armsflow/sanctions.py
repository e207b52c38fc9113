"""Sanction frames: measures, embargoes and export stops against an actor.

A clause holds a measure when it has a sanction word ("Sanktionen", "embargo", "export
controls"), a listing word inside a sanctions story, an asset freeze, or a verb that stops
exports in general ("stoppt alle Rüstungsexporte"). Who imposes it and whom it targets come from
the clause's grammar: a compound prefix ("EU-Sanktionen"), the subject, "gegen/against/on"
phrases, the destination of an export measure, and state adjectives on the sanctioned nouns.
Each decision is a named rule (``sanction.*``) on the frame's trace.
"""

from __future__ import annotations

from typing import Final

from armsflow.frame import Frame, fire, reject
from armsflow.grammar import (
    ClauseView,
    Group,
    dependent,
    governs,
    groups,
    opens_complement,
    pronoun_subject,
    relative_antecedent,
    unique,
    unique_ints,
)
from armsflow.lexicons import words
from armsflow.mentions import ActorMention, CueMention, ItemMention
from armsflow.text.segment import Token

_ASSETS: Final = words("noun.assets")
_FREEZE: Final = words("verb.freeze")
TARGET: Final = words("prep.against")
_TARGET_NOUNS: Final = words("noun.sanction-target")
_COMPANY_NOUNS: Final = words("noun.sanctioned-company")
_REEXPORT: Final = words("noun.re-export")
_INDEFINITE: Final = words("article.indefinite")
_PERMIT_NOUNS: Final = words("noun.permit", "en")
_REASON_BEFORE: Final = words("prep.reason-for-measure")
_IN_ACCUSATIVE: Final = words("article.accusative-direction", "de")
_PLACE_PREPS: Final = words("prep.place-of-target")
_DESTINATION: Final = words("prep.export-destination")
_EXPORT_STEMS: Final = ("export", "ausfuhr")


def sanction_frames(view: ClauseView, sanction_story: bool = False) -> list[Frame]:
    """Sanction frames; in a story already about sanctions, "the list", "betroffen sind", "similar
    steps" continue them."""
    frames: list[Frame] = []
    for c in range(view.n):
        frame = _sanction_frame(view, c, sanction_story)
        if frame is None:
            continue
        frames.append(frame)
        nxt = c + 1
        if (
            nxt < view.n
            and dependent(view.tokens, view.grammar, nxt)
            and any("lift" in x.kinds for x in view.cues_by_clause[nxt])
        ):
            # "… Sanktionen gegen Indien, die erst drei Jahre später aufgehoben wurden": imposed, later lifted
            lifted = Frame(
                "sanction",
                frame.trigger,
                frame.trigger_kind,
                c,
                imposers=list(frame.imposers),
                targets=list(frame.targets),
                modifiers={"lift"},
                trace=list(frame.trace) + ["sanction.lifted-later-in-relative"],
                rule=frame.rule,
            )
            frames.append(lifted)
    return frames


def _sanction_frame(view: ClauseView, c: int, sanction_story: bool) -> Frame | None:
    cues = view.cues_by_clause[c]
    measure = _measure(view, c, sanction_story)
    prevent = next((cue for cue in cues if "prevent" in cue.kinds), None)
    if measure is None and not (prevent and any(_stops_exports(cue, view.tokens, view.lang) for cue in cues)):
        return None
    sanction = measure[0] if measure is not None else None
    if sanction is not None and any(
        x.kinds & {"prevent", "refuse"}
        and "lift" not in x.kinds  # "suspended sanctions" lifts them
        and x.start < sanction.start
        and view.tokens[x.start].text.islower()
        for x in cues
    ):
        # "Ungarn blockiert ein neues EU-Sanktionspaket", "vetoed new sanctions": nothing is imposed
        reject("sanction.vetoed-measure", f"clause {c}: {sanction.lemma!r} is blocked")
        return None
    if sanction is None and not _general_goods(view.mentions.items, view, c):
        # "stopped the delivery of 48 Eurofighters to Riyadh": one transfer refused, no export stop
        reject("sanction.one-consignment-stopped", f"clause {c}: a named consignment, no export stop")
        return None
    if sanction is None:
        bare = [
            g for g in groups(view.actors_by_clause[c], view.tokens) if g.first.prep is None and not g.first.genitive
        ]
        if len(bare) > 1:
            # "Bern untersagte Dänemark die Weitergabe …", "blocked Germany from re-exporting …": a state
            # stopped from passing goods on is refused one transfer; no measure against a country
            reject("sanction.state-stopped-from-passing-on", f"clause {c}: a refused re-export")
            return None
    cue = sanction or prevent
    assert cue is not None
    frame = Frame("sanction", cue, "sanction" if sanction else "prevent", c)
    frame.trace.append(measure[1] if measure is not None else "sanction.export-stop")
    chain = _sanction_modifiers(view, frame, c, prevent, sanction)
    _parties(view, frame, c, cue, prevent)
    _fallback_parties(view, frame, c, chain)
    frame.imposers = unique(frame.imposers)
    frame.targets = [t for t in unique(frame.targets) if t not in frame.imposers]
    end = view.grammar.clauses[c][1]
    frame.target_noun = any(t.lower in _COMPANY_NOUNS or t.lemma in _COMPANY_NOUNS for t in view.tokens[cue.end : end])
    return frame


def _measure(view: ClauseView, c: int, sanction_story: bool) -> tuple[CueMention, str] | None:
    """The cue of a measure in clause c, and the rule that recognised it."""
    cues = view.cues_by_clause[c]
    sanction = next((cue for cue in cues if "sanction" in cue.kinds), None)
    if sanction is not None:
        return sanction, "sanction.measure-word"
    if sanction_story:
        listing = next((cue for cue in cues if "listing" in cue.kinds), None)
        if listing is not None:
            return listing, "sanction.listing-in-sanctions-story"
        # "The government also targeted an Iranian cargo airline": in a sanctions story, a measure
        # aimed at firms or people is another listing
        start, end = view.grammar.clauses[c]
        if any(t.lower in _TARGET_NOUNS or t.lemma in _TARGET_NOUNS for t in view.tokens[start:end]):
            impose = next((cue for cue in cues if "impose" in cue.kinds), None)
            if impose is not None:
                return impose, "sanction.targeting-firms-in-sanctions-story"
    # "Japan friert die Vermögen von 30 Rüstungsfirmen ein": freezing assets is a measure
    start, end = view.grammar.clauses[c]
    if any(t.lower in _ASSETS for t in view.tokens[start:end]):
        freeze = next((cue for cue in cues if cue.lemma in _FREEZE), None)
        if freeze is not None:
            return freeze, "sanction.asset-freeze"
    return None


def _attributive_doubt(cue: CueMention) -> bool:
    """ "die potenzielle Lieferung": doubt about the goods, not about the measure."""
    return "consider" in cue.kinds and cue.lemma.startswith(("potenziell", "potentiell", "potential", "möglich"))


def _sanction_modifiers(
    view: ClauseView, frame: Frame, c: int, prevent: CueMention | None, sanction: CueMention | None
) -> list[int]:
    """Modality of the measure, from its clause and the clauses that govern it; the governing chain."""
    frame.modifiers = {
        k
        for x in view.cues_by_clause[c]
        if not _attributive_doubt(x)
        for k in x.kinds
        if not (k == "lift" and x is prevent and sanction is None)  # "suspended arms exports" imposes a stop
    }
    chain: list[int] = []
    k = c - 1
    while k >= 0 and not any("sanction" in x.kinds for x in view.cues_by_clause[k]):
        chain.append(k)
        frame.modifiers |= {kk for x in view.cues_by_clause[k] for kk in x.kinds if not _attributive_doubt(x)}
        if not (view.grammar.infinitive[k + 1] or opens_complement(view.grammar, k + 1)):
            break
        k -= 1
    if chain:
        fire(frame, "sanction.modality-of-governing-clause")
    return chain


def _parties(view: ClauseView, frame: Frame, c: int, cue: CueMention, prevent: CueMention | None) -> None:
    """Imposer and targets from the measure's own clause."""
    tokens = view.tokens
    own = groups(view.actors_by_clause[c], tokens)
    prefixed = {a.start: a for a in view.mentions.actors}.get(cue.start)
    if prefixed is not None and prefixed.kind not in ("adj", "origin"):
        frame.imposers = [prefixed.id]  # "EU-Sanktionen": the compound names who imposes
        fire(frame, "sanction.compound-imposer")
    adopting = bool(frame.imposers)
    for g in own:
        if g.first.start == cue.start:
            continue
        _party(view, frame, g, own, cue, prevent, adopting)
    # Origin adjectives on the sanctioned nouns: "russische Einzelpersonen", "Iranian drone makers".
    for actor in view.mentions.actors:
        if (
            view.grammar.clause[actor.start] == c
            and actor.kind in ("adj", "origin")
            and actor.id not in frame.imposers
            and _sanctioned_adjective(actor, tokens)
        ):
            frame.targets.append(actor.id)
            fire(frame, "sanction.adjective-on-targets")


def _party(
    view: ClauseView,
    frame: Frame,
    g: Group,
    own: list[Group],
    cue: CueMention,
    prevent: CueMention | None,
    adopting: bool,
) -> None:
    """The role of one actor group in the measure's clause."""
    tokens, lang = view.tokens, view.lang
    first = g.first
    before = [t.lower for t in tokens[max(0, first.start - 3) : first.start]]
    if first.start > cue.start and any(w in _REASON_BEFORE for w in before[:-1]):
        fire(frame, "sanction.reason-is-no-target")
        return  # "… for supporting Russia's military": the reason, not the target
    if first.genitive and first.prep is None and first.start in (cue.end, cue.end + 1) and lang == "de":
        if not frame.imposers:
            frame.imposers = g.ids  # "ein Waffenembargo der Vereinten Nationen"
            fire(frame, "sanction.de.genitive-imposer")
        return
    if first.prep == "of" and first.start > cue.start:
        frame.targets += g.ids  # "sanctions on four leaders of Kataib Hezbollah"
        fire(frame, "sanction.en.members-of-target")
        return
    prep = first.prep
    if prep == "in" and first.article in _IN_ACCUSATIVE and lang == "de":
        prep = "nach"  # "Rüstungsexporte in die Türkei": a direction, not a place
    if (
        prep in TARGET
        or (
            prep in _PLACE_PREPS
            and first.start > 1
            and tokens[_before_prep(tokens, first.start)].lower in _TARGET_NOUNS
        )
        or (
            prep in _DESTINATION
            and (
                frame.trigger_kind == "prevent"
                or prevent is not None
                # "export controls on chip tools to China": an export measure names its destination
                or cue.lemma.startswith(_EXPORT_STEMS)
            )
        )
    ):
        frame.targets += g.ids
        fire(frame, "sanction.against-target")
    elif (first.genitive or first.text.endswith(("'s", "’s"))) and first.start > cue.start:
        frame.targets += g.ids  # "sanctions on targets linked to Russia's war", "on Syria's central bank"
        fire(frame, "sanction.possessor-after-measure-is-target")
    elif prep is None and not first.genitive:
        _bare_party(view, frame, g, own, cue, adopting)


def _bare_party(view: ClauseView, frame: Frame, g: Group, own: list[Group], cue: CueMention, adopting: bool) -> None:
    """An actor without preposition: adjective targets, infinitive objects, adopters, threatened states,
    the subject imposing."""
    tokens, lang, c = view.tokens, view.lang, frame.clause
    first = g.first
    if first.kind in ("adj", "demonym") and not governs(g, tokens):
        frame.targets += g.ids
        fire(frame, "sanction.adjective-target")
    elif view.grammar.infinitive[c]:
        frame.targets += g.ids  # "erwägt, weitere Firmen auf die Liste zu setzen": objects only
        fire(frame, "sanction.infinitive-object-target")
    elif adopting and g is own[0] and first.start < cue.start and not view.grammar.infinitive[c]:
        frame.imposers += g.ids  # "Die Schweiz übernimmt die EU-Sanktionen": adopting them imposes them
        fire(frame, "sanction.adopting-imposes")
    elif frame.imposers and lang == "de" and first.kind not in ("adj", "demonym"):
        frame.targets += g.ids  # "Die USA hatten Indien mit Sanktionen gedroht"
        fire(frame, "sanction.de.object-target")
    elif (
        frame.imposers
        and lang == "en"
        and first.start < cue.start
        and "with" in [t.lower for t in tokens[g.members[-1].end : cue.start]]
    ):
        frame.targets += g.ids  # "Washington threatened Ankara with sanctions"
        fire(frame, "sanction.en.threatened-with")
    elif not frame.imposers and (first.start < cue.start or lang == "de"):
        frame.imposers = g.ids
        fire(frame, "sanction.subject-imposes")
    elif lang == "en" and first.start > cue.start:
        frame.targets += g.ids
        fire(frame, "sanction.en.object-after-measure")


def _fallback_parties(view: ClauseView, frame: Frame, c: int, chain: list[int]) -> None:
    """Imposer and target from a relative antecedent, the governing or earlier clauses, or a pronoun."""
    tokens, grammar = view.tokens, view.grammar
    if not frame.imposers:
        antecedent = relative_antecedent(grammar, c, view.actors_by_clause, tokens)
        if antecedent is not None and antecedent.first.kind not in ("adj", "origin"):
            frame.imposers = antecedent.ids  # "… the European Union, which adopted its own sanctions"
            fire(frame, "sanction.relative-pronoun-imposes")
    if not frame.imposers:
        for ci in unique_ints(chain + list(range(c - 1, -1, -1))):
            cand = [
                x for x in groups(view.actors_by_clause[ci], tokens) if x.first.prep is None and not x.first.genitive
            ]
            if cand:
                frame.imposers = cand[0].ids
                fire(frame, "sanction.subject-of-earlier-clause")
                break
    if not frame.targets:
        for ci in chain:
            for x in groups(view.actors_by_clause[ci], tokens):
                if x.first.prep in TARGET:
                    frame.targets += x.ids
                    fire(frame, "sanction.target-in-governing-clause")
    if not frame.imposers:
        pronoun = pronoun_subject(tokens, grammar, c, chain)
        if pronoun is not None:
            earlier = [a for a in view.mentions.actors if a.end <= pronoun and a.kind not in ("origin", "ref", "adj")]
            if earlier:
                frame.imposers = [earlier[-1].id]
                fire(frame, "sanction.pronoun-antecedent-imposes")
            else:
                frame.pronoun_subject = True


def _stops_exports(cue: CueMention, tokens: list[Token], lang: str) -> bool:
    """What a stopping verb must stop to be an export measure: exports, sales or export permits."""
    if cue.kinds & {"give_noun", "sell"}:
        # "paused a shipment of bombs": one consignment is refused, no export stop is imposed; a blocked
        # re-export ("Weitergabe", "re-export") is the re-exporter's refused transfer (the contract)
        if cue.lemma in _REEXPORT:
            return False
        return not any(t.lower in _INDEFINITE for t in tokens[max(0, cue.start - 2) : cue.start])
    if "approve" not in cue.kinds:
        return False
    word = tokens[cue.start].text
    return word[:1].isupper() if lang == "de" else cue.lemma in _PERMIT_NOUNS  # "Genehmigungen", "licences"


def _general_goods(items: list[ItemMention], view: ClauseView, c: int) -> bool:
    """Whether what a clause stops is goods in general ("Rüstungsexporte", "arms sales", "goods
    related to ballistic missiles"), the mark of an export measure against a country, rather than
    one counted or named consignment ("the delivery of 48 Eurofighters")."""
    return all(it.designation is None and it.quantity is None for it in items if view.grammar.clause[it.start] == c)


def _sanctioned_adjective(actor: ActorMention, tokens: list[Token]) -> bool:
    """ "gegen russische Einzelpersonen", "Three North Korean generals were designated" - but not
    "wegen dessen Unterstützung des russischen Angriffskriegs"."""
    if actor.prep in TARGET:
        return True
    return any(t.lower in _TARGET_NOUNS or t.lemma in _TARGET_NOUNS for t in tokens[actor.end : actor.end + 3])


def _before_prep(tokens: list[Token], start: int) -> int:
    j = start - 1
    while j > 0 and tokens[j].lower not in _PLACE_PREPS:
        j -= 1
    return max(j - 1, 0)
