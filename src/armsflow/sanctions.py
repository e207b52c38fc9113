"""Sanction frames: measures, embargoes and export stops against an actor.

A clause holds a measure when it has a sanction word ("Sanktionen", "embargo", "export
controls"), a listing word inside a sanctions story, an asset freeze, or a verb that stops
exports in general ("stoppt alle Rüstungsexporte"). Who imposes it and whom it targets come from
the clause's grammar: a compound prefix ("EU-Sanktionen"), the subject, "gegen/against/on"
phrases, the destination of an export measure, and state adjectives on the sanctioned nouns.
Each decision is a named rule (``sanction.*``) on the frame's trace.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from armsflow.frame import MODIFIERS, Frame, fire, reject
from armsflow.grammar import (
    ACTING_HEADS,
    LINK,
    ClauseView,
    Group,
    dependent,
    fronted_after_others,
    governs,
    groups,
    opens_complement,
    passive,
    pronoun_subject,
    relative_antecedent,
    relative_clause,
    unique,
    unique_ints,
)
from armsflow.lexicons import kind_group, word_list, word_stems, words
from armsflow.mentions import PREPOSITIONS, ActorMention, CueMention, ItemMention, Mentions, meets
from armsflow.text.segment import Token

_ASSETS: Final = words("noun.assets")
_GIVING_OR_SELLING: Final = frozenset({"give_noun", "sell"})  # cue kinds
_FREEZE: Final = words("verb.freeze")
TARGET: Final = words("prep.against")
_TARGET_NOUNS: Final = words("noun.sanction-target")
_COMPANY_NOUNS: Final = words("noun.sanctioned-company")
_REEXPORT: Final = words("noun.re-export")
_INDEFINITE: Final = words("article.indefinite")
_PERMIT_NOUNS: Final = words("noun.permit", "en")
_REASON_BEFORE: Final = words("prep.reason-for-measure")
_REASON_WEAK: Final = words("prep.reason-only-before-a-deed")
_IN_ACCUSATIVE: Final = words("article.accusative-direction", "de")
_PLACE_PREPS: Final = words("prep.place-of-target")
_DESTINATION: Final = words("prep.export-destination")
_EXPORT_STEMS: Final = word_stems("stem.destination-measure")
_APPLICATION: Final = words("noun.application", "en")
_FOR_EN: Final = words("prep.for", "en")
_LICENCE: Final = words("noun.licence", "en")
_AUTHORIZE: Final = words("verb.authorize", "en")
_DEALINGS: Final = words("noun.dealings", "en")
_FROM_EN: Final = words("prep.kept-from", "en")
_NOT_ONLY: Final = words("adverb.not-only")
# Verbs of stopping exports or deliveries: negated, nothing stops (frames: mod.negated-stop-continues)
STOP_VERBS: Final = words("verb.stop")
_WHETHER_OR: Final = words("phrase.whether-or", "en")
_ABSOLUTE: Final = words("prep.absolute-subject", "en")
_BENEFICIARY: Final = words("prep.procured-for", "en")
_ADVERBIAL: Final = words("conj.adverbial-clause", "en")
_PURPOSE_AGAINST: Final = words("verb.purpose-against", "en")
_LEADING_VERBS: Final = words("verb.leading-organ", "en")
_AUX_PASSIVE_EN: Final = words("aux.passive", "en")
# Cue kinds of exporting: an infinitive of exporting after a measure names its destination.
_EXPORT_KINDS: Final = frozenset({"give", "sell"})
_POSSESSIVE: Final = words("pronoun.possessive")
_ARTICLES: Final = words("determiner.before-actor")
_SKIPPED: Final = words("function.skipped-before-actor")
_NOT_PREP: Final = {lang: words("article.any", lang) for lang in ("de", "en")}
_TIME_NOUNS: Final = words("noun.month") | words("noun.weekday")
_AGENT_PREPS: Final = words("prep.agent")
_COMPARISON: Final = words("conj.comparison")
_SUBJECT_TO: Final = words("phrase.subject-to")
_TARGET_STEMS: Final = word_stems("stem.sanction-target")
_LOCATED: Final = words("participle.located")
_LINKED: Final = words("participle.linked", "en")
_LINK_PREPS: Final = words("prep.linked-to", "en")
_CONTINUE: Final = words("verb.continue-measure")
_MILITARY_AID: Final = words("adjective.military-aid", "en")
_VERB_TRIGGERS: Final = kind_group("trigger")
_BRACKETS: Final = words("punctuation.bracket")
_PLACED_ON: Final = words("prep.placed-on", "en")
_WITHHOLD: Final = words("verb.withhold")
_DISCONTINUE: Final = words("verb.discontinue")
# Modality under which the measure itself is not (yet) taken: then nothing says the precedents took it
_UNDONE: Final = frozenset({"negation", "lift", "consider", "request", "not_imposed", "measure_negated"})
_DAY: Final = words("noun.day")
_BEFORE_NEXT_DAY: Final = words("function.before-next-day")
_DESIGNATION_CLASS: Final = word_stems("stem.designation-class")
_BEFORE_CLASS: Final = words("function.before-designation-class")
_INFLECTION_DE: Final = words("suffix.noun-inflection", "de") | {""}
_INFLECTION_EN: Final = words("suffix.noun-inflection", "en") | {""}
# Company nouns with their inflections, as word endings ("Ölkonzern", "Rüstungsfirmen").
_COMPANY_ENDINGS: Final = tuple(sorted({n + e for n in _COMPANY_NOUNS for e in _INFLECTION_DE}))
# The verbs of a measure whose agent imposes it.
_MEASURE_VERBS: Final = frozenset({"impose", "listing", "designate", "sanction", "prevent"})
_NO_LONGER: Final = words("adverb.no-longer")
# Cue kinds a measure may start from (with the freeze and withhold verbs; "impose" too in a sanctions story).
_STARTS_MEASURE: Final = frozenset({"sanction", "designate", "listing", "prevent"})
_STARTS_MEASURE_IN_STORY: Final = _STARTS_MEASURE | {"impose"}  # in a story of measures, "impose" too
# Cue kinds of auxiliaries and adverbs, which a negation passes over to reach its verb.
_AUXILIARY_KINDS: Final = frozenset({"past", "future", "hearsay", "negation"})
# The verbs with which a relative clause on a measure says who imposed it.
_IMPOSING: Final = frozenset({"impose", "threaten", "listing"})
_RELATIVE_EN: Final = words("pronoun.relative", "en")
_AUX_PASSIVE: Final = words("aux.passive-present", "de")
_GENITIVE_LINK: Final = words("article.genitive-link", "de")
_JOIN_VERBS: Final = words("verb.join", "en")
_RELATIVE_OPENERS: Final = words("pronoun.relative")
_WAR_NOUNS: Final = words("noun.war")
_TIME_PREPS: Final = words("prep.time")
_INFINITIVE_MARK: Final = words("particle.infinitive", "en")
_ADJECTIVE_ENDINGS: Final = tuple(sorted(words("suffix.adjective-inflection", "de")))
_COUNCIL: Final = words("noun.council")
_TREASURY: Final = words("noun.treasury", "en")
_RESTRICTION: Final = words("noun.restriction")
_LIST_VERB: Final = words("verb.list-measure")
# Nouns of transfers and permits: a measure on them names their destination as its target.
_TRANSFER_NOUNS: Final = frozenset({"give_noun", "sell", "approve"})
_DEFINITE: Final = words("article.definite-short")
_COORDINATORS: Final = words("conj.coordinating-verbs")
# Verbs whose coordination splits a clause into verb phrases with their own measures and modality.
_CONJUNCT_VERBS: Final = frozenset(
    {"impose", "lift", "prevent", "refuse", "threaten", "intend", "consider", "adopt", "react", "designate"}
)
# The verbs a negation may negate, in the order of _negations_aside's questions.
_NEGATED_KINDS: Final = frozenset(
    {"adopt", "react", "lift", "threaten", "intend", "consider", "impose", "listing", "designate", "sanction"}
)


def sanction_frames(view: ClauseView, sanction_story: bool = False) -> list[Frame]:
    """Sanction frames; in a story already about sanctions, "the list", "betroffen sind", "similar
    steps" continue them."""
    frames: list[Frame] = []
    for c in range(view.n):
        if not _may_hold_measure(view, c, sanction_story):
            continue
        found = []
        subs = _conjunct_views(view, c)
        for sub in subs:
            found += _sanction_frame(sub, c, sanction_story)
        if not found:
            continue
        if len(subs) > 1:
            for f in found:
                fire(f, "sanction.coordinated-verb-phrase")
            _share_targets(view, c, found)
        frames.extend(found)
        frames.extend(_precedents(view, c, found))
        frame = found[0]
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


def _precedents(view: ClauseView, c: int, found: list[Frame]) -> list[Frame]:
    """ "Nach Deutschland und Dänemark stoppt nun auch Finnland seine Rüstungsexporte nach Katar": the states the
    fronted "nach" names took the same measure before; it is in force."""
    frame = found[0]
    if "grammar.de.fronted-after-others" not in frame.trace or not frame.targets or frame.modifiers & _UNDONE:
        return []
    before = [
        i for g in groups(view.actors_by_clause[c], view.tokens) if fronted_after_others(view, c, g) for i in g.ids
    ]
    return [
        Frame(
            "sanction",
            frame.trigger,
            frame.trigger_kind,
            c,
            imposers=[state],
            targets=[t for t in frame.targets if t != state],
            modifiers=set(),
            trace=[*frame.trace, "sanction.de.precedents-took-it"],
            rule=frame.rule,
        )
        for state in unique(before)
        if state not in frame.imposers
    ]


def _withholds(view: ClauseView, c: int, cue: CueMention) -> bool:
    """A verb of withholding ("hatte Rüstungsexporte an Riad weitgehend verweigert"), or of discontinuing arms
    exports of no kind in particular ("hat alle Rüstungsexporte nach Katar eingestellt"): it stops them."""
    if not view.tokens[cue.start].lowercase:
        return False
    if cue.lemma in _WITHHOLD:
        return True
    return cue.lemma in _DISCONTINUE and all(it.category == "military-equipment" for it in view.items_by_clause[c])


def _may_hold_measure(view: ClauseView, c: int, sanction_story: bool) -> bool:
    """Whether clause c has a word any measure rule starts from (most clauses have none)."""
    kinds = _STARTS_MEASURE_IN_STORY if sanction_story else _STARTS_MEASURE
    return any(
        meets(x.kinds, kinds)
        or x.lemma in _FREEZE
        or x.lemma in _WITHHOLD
        or x.lemma in _DISCONTINUE
        or view.tokens[x.start].lower in _LICENCE
        for x in view.cues_by_clause[c]
    )


def _conjunct_views(view: ClauseView, c: int) -> list[ClauseView]:
    """Clause c as one view per coordinated verb phrase ("lifted its economic restrictions … but kept its
    arms embargo in place", "has suspended budget support … and is discussing an arms embargo"): each
    sees its own words and what comes before the first verb (the shared subject and auxiliaries)."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    verbs = [
        x.start
        for x in view.cues_by_clause[c]
        if tokens[x.start].lowercase
        and x.kinds & _CONJUNCT_VERBS
        and "sanction" not in x.kinds
        # "its sanctions list": an English noun after a determiner is no verb
        and not (
            view.lang == "en"
            and any(t.lower in _ARTICLES or t.lower in _POSSESSIVE for t in tokens[max(start, x.start - 2) : x.start])
        )
    ]
    verbs += [t.i for t in tokens[start:end] if t.lowercase and t.lemma in _CONTINUE]
    if len(verbs) < 2:
        return [view]
    lo, hi = min(verbs), max(verbs)
    cuts = [j for j in range(lo + 1, hi) if tokens[j].lower in _COORDINATORS]
    if not cuts:
        return [view]
    shared = min(verbs)
    bounds = [start, *cuts, end]
    views = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        keep = set(range(start, shared)) | set(range(lo, hi))
        views.append(_restricted(view, c, keep))
    return views


def _share_targets(view: ClauseView, c: int, found: list[Frame]) -> None:
    """ "has suspended budget support to Addis Ababa and is discussing an arms embargo": a measure of one
    verb phrase without a target of its own is against whom the coordinated phrase names."""
    named = [
        i
        for g in groups(view.actors_by_clause[c], view.tokens)
        if (_prep(g.first, view) in TARGET or _prep(g.first, view) in _DESTINATION)
        and not _after_war_noun(view, g.first)  # "den Krieg gegen die Ukraine": the victim
        for i in g.ids
    ]
    for frame in found:
        if frame.imposers and not frame.targets and named:
            frame.targets = [i for i in unique(named) if i not in frame.imposers]
            fire(frame, "sanction.target-of-coordinated-measure")


def _restricted(view: ClauseView, c: int, keep: set[int]) -> ClauseView:
    """The view with clause c reduced to the tokens in ``keep``."""
    start, end = view.grammar.clauses[c]

    def inside(i: int) -> bool:
        return not start <= i < end or i in keep

    cues = [list(x) for x in view.cues_by_clause]
    actors = [list(x) for x in view.actors_by_clause]
    items = [list(x) for x in view.items_by_clause]
    cues[c] = [x for x in cues[c] if x.start in keep]
    actors[c] = [a for a in actors[c] if a.start in keep]
    items[c] = [it for it in items[c] if it.start in keep]
    mentions = Mentions(
        [a for a in view.mentions.actors if inside(a.start)],
        [it for it in view.mentions.items if inside(it.start)],
        [x for x in view.mentions.cues if inside(x.start)],
    )
    return ClauseView(view.tokens, view.grammar, mentions, view.lang, cues, items, actors)


def _sanction_frame(view: ClauseView, c: int, sanction_story: bool) -> list[Frame]:
    cues = view.cues_by_clause[c]
    measure = _measure(view, c, sanction_story)
    prevent = next(
        (cue for cue in cues if "prevent" in cue.kinds or _withholds(view, c, cue)),
        None,
    )
    if measure is None and not (prevent and any(_stops_exports(cue, view.tokens, view.lang) for cue in cues)):
        return []
    sanction = measure[0] if measure is not None else None
    if sanction is not None and _only_measure_could(view, c, sanction):
        # "Only a UN embargo on Peru can stop the deliveries": a measure named as the one remedy, not taken
        reject("sanction.only-remedy-hypothetical", f"clause {c}: {sanction.lemma!r} named as the only remedy")
        return []
    if sanction is not None and _vetoed(view, c, sanction):
        # "Ungarn blockiert ein neues EU-Sanktionspaket", "vetoed new sanctions": nothing is imposed
        reject("sanction.vetoed-measure", f"clause {c}: {sanction.lemma!r} is blocked")
        return []
    if sanction is None and not _general_goods(view.mentions.items, view, c):
        # "stopped the delivery of 48 Eurofighters to Riyadh": one transfer refused, no export stop
        reject("sanction.one-consignment-stopped", f"clause {c}: a named consignment, no export stop")
        return []
    if sanction is None:
        bare = [
            g
            for g in groups(view.actors_by_clause[c], view.tokens)
            if _prep(g.first, view) is None and _prep_before(view, g.first) is None and not g.first.genitive
        ]
        if len(bare) > 1:
            # "Bern untersagte Dänemark die Weitergabe …", "blocked Germany from re-exporting …": a state
            # stopped from passing goods on is refused one transfer; no measure against a country
            reject("sanction.state-stopped-from-passing-on", f"clause {c}: a refused re-export")
            return []
    cue = sanction or prevent
    assert cue is not None
    frame = Frame("sanction", cue, "sanction" if sanction else "prevent", c)
    frame.trace.append(measure[1] if measure is not None else "sanction.export-stop")
    chain = _sanction_modifiers(view, frame, c, prevent, sanction)
    authorizing = authorized_dealings(view, c) if "sanction.en.licence-authorizes-dealings" in frame.trace else None
    if authorizing is not None:
        frame.modifiers = (frame.modifiers - {"approve", "impose"}) | {"lift"}  # the licence eases the measure
    relative = _relative_imposer(view, c, cue) if sanction is not None else None
    if relative is not None:
        frame.imposers = list(relative[0].ids)  # whoever a relative clause says imposed it; the subject adopts
        fire(frame, "sanction.relative-clause-imposer")
    _parties(view, frame, c, cue, prevent, relative[0] if relative else None)
    found = [frame]
    if relative is not None:
        by = _relative_frame(view, frame, cue, *relative)
        frame.imposers = [i for i in frame.imposers if i not in by.imposers]
        found = [frame, by] if frame.imposers else [by]
    else:
        _fallback_parties(view, frame, c, chain)
    limit = view.grammar.clauses[min(c + 1, view.n - 1)][1]
    if authorizing is None and "sanction.en.barred-from-dealings" in frame.trace:
        authorizing = cue.end  # "barred American banks from doing business with the central bank of Venezuela"
        limit = view.grammar.clauses[c][1]
    if authorizing is not None:
        # "… authorizing transactions with Syria": those dealt with are the measure's target; a name before
        # references ("Myanma Oil and Gas Enterprise, the state energy company")
        near = [a for a in view.mentions.actors if authorizing < a.start < limit and a.id not in frame.imposers]
        named = [a for a in near if a.kind != "ref"]
        dealt = [a.id for a in (named or near)]
        if dealt:
            frame.targets = dealt
    end = view.grammar.clauses[c][1]
    for f in found:
        f.imposers = unique(f.imposers)
        f.targets = [t for t in unique(f.targets) if t not in f.imposers]
        f.target_noun = any(_company_noun(t, view.lang) for t in view.tokens[cue.end : end])
    return found


def _relative_imposer(view: ClauseView, c: int, cue: CueMention) -> tuple[Group, int] | None:
    """Who a relative clause on the measure says imposed it: "die Sanktionen, die die EU gegen Belarus
    verhängt hat", "the sanctions (that) the EU imposed on Belarus"; with the clause it is in."""
    tokens = view.tokens
    if view.lang == "en":
        # "the sanctions the EU imposed": a name right after the measure noun, then its verb
        for g in groups(view.actors_by_clause[c], tokens):
            k = g.members[-1].end
            if (
                cue.end <= g.first.start <= cue.end + 2
                and all(t.lower in _ARTICLES or t.lower in _RELATIVE_EN for t in tokens[cue.end : g.first.start])
                and _prep(g.first, view) is None
                and any(meets(x.kinds, _IMPOSING) for x in view.cues_by_clause[c] if k <= x.start <= k + 1)
            ):
                return g, c
    rc = c + 1
    if rc >= view.n:
        return None
    opener = tokens[view.grammar.clauses[rc][0]].lower
    if not (relative_clause(tokens, view.grammar, rc) or opener in _RELATIVE_EN and view.lang == "en"):
        return None  # ("the sanctions that the EU imposed": "that" on a measure noun opens a relative clause)
    between = [a for a in view.actors_by_clause[c] if a.start >= cue.end]
    if any(_prep(a, view) not in TARGET for a in between) or any(
        x.start >= cue.end and x.kinds & _IMPOSING for x in view.cues_by_clause[c]
    ):
        return None  # the relative clause hangs on another noun
    if not any(meets(x.kinds, _IMPOSING) and tokens[x.start].lowercase for x in view.cues_by_clause[rc]):
        return None
    for g in groups(view.actors_by_clause[rc], tokens):
        if _prep(g.first, view) is None and not g.first.genitive and g.first.kind not in ("adj", "demonym"):
            return g, rc
    return None


def _relative_frame(view: ClauseView, frame: Frame, cue: CueMention, group: Group, rc: int) -> Frame:
    """The measure as the relative clause states it: its imposer, with its own target and modality."""
    by = Frame("sanction", cue, frame.trigger_kind, rc, imposers=list(group.ids), rule=frame.rule)
    by.trace = [frame.trace[0], "sanction.relative-clause-imposer"]
    if rc != frame.clause:
        by.targets = [
            i for g in groups(view.actors_by_clause[rc], view.tokens) if _prep(g.first, view) in TARGET for i in g.ids
        ]
        if by.targets and not frame.targets:
            frame.targets = list(by.targets)  # "übernimmt die Sanktionen, die die EU gegen Belarus verhängt hat"
            fire(frame, "sanction.target-in-relative-clause")
        aside = _negations_aside(view, by, rc)
        by.modifiers |= {k for x in view.cues_by_clause[rc] if x.start not in aside for k in x.kinds}
    else:  # "the restrictions the United Kingdom imposed": the relative clause runs from its subject on
        aside = _negations_aside(view, by, frame.clause)
        by.modifiers |= {
            k
            for x in view.cues_by_clause[frame.clause]
            if x.start > group.first.start and x.start not in aside
            for k in x.kinds
        }
    by.targets = by.targets or [t for t in frame.targets if t not in group.ids]
    by.rule = "sanction.relative-clause-imposer"
    return by


def _vetoed(view: ClauseView, c: int, sanction: CueMention) -> bool:
    """A measure its clause blocks or rejects: a blocking verb before it ("vetoed new sanctions"), or a
    rejecting verb after a fronted measure ("Sanktionen gegen Russland lehnt die Türkei ab")."""
    tokens = view.tokens
    start = view.grammar.clauses[c][0]
    # the measure opens its clause (only determiners and adjectives before it): the object fronted
    fronted = (
        sanction.start - start <= 3
        and not any(start <= a.start < sanction.start for a in view.mentions.actors)
        and not any(start <= x.start < sanction.start for x in view.cues_by_clause[c])
    )
    prefixed = any(a.start == sanction.start for a in view.mentions.actors)
    for x in view.cues_by_clause[c]:
        if "lift" in x.kinds or not tokens[x.start].lowercase:
            continue  # "suspended sanctions" lifts them
        if x.kinds & {"prevent", "refuse"} and x.start < sanction.start:
            return True
        if "refuse" in x.kinds and "prevent" not in x.kinds and x.start > sanction.start and fronted and not prefixed:
            return True
    return False


_LISTED_AS: Final = words("prep.as-role")


def _measure(view: ClauseView, c: int, sanction_story: bool) -> tuple[CueMention, str] | None:
    """The cue of a measure in clause c, and the rule that recognised it."""
    cues = view.cues_by_clause[c]
    sanction = next((cue for cue in cues if "sanction" in cue.kinds), None)
    if sanction is not None:
        return sanction, "sanction.measure-word"
    designation = _designation(view, c)
    if designation is not None:
        return designation, "sanction.designated-as"
    tokens = view.tokens
    for x in cues:
        if x.lemma in _RESTRICTION and any(meets(y.kinds, _GIVING_OR_SELLING) and y.start > x.start for y in cues):
            return x, "sanction.de.restriction-of-transfers"  # "Beschränkungen für Rüstungsexporte in die Türkei"
        if x.lemma in _LIST_VERB and tokens[x.start].lowercase:
            return x, "sanction.de.listing-verb"  # "Die EU hat drei Händler aus Serbien gelistet"
    if sanction_story:
        listing = next((cue for cue in cues if "listing" in cue.kinds), None)
        if listing is not None and not (listing.end < len(tokens) and tokens[listing.end].lower in _LISTED_AS):
            # ("Boeing is also listed as the primary contractor": named in a role, on no list)
            return listing, "sanction.listing-in-sanctions-story"
        # "The government also targeted an Iranian cargo airline": in a sanctions story, a measure
        # aimed at firms or people is another listing
        start, end = view.grammar.clauses[c]
        if any(t.lower in _TARGET_NOUNS or t.lemma in _TARGET_NOUNS for t in view.tokens[start:end]):
            impose = next((cue for cue in cues if "impose" in cue.kinds), None)
            if impose is not None:
                return impose, "sanction.targeting-firms-in-sanctions-story"
    licence = _licence_authorizing_dealings(view, c)
    if licence is not None:
        return licence, "sanction.en.licence-authorizes-dealings"
    barred = _barred_from_dealings(view, c)
    if barred is not None:
        return barred, "sanction.en.barred-from-dealings"
    # "Japan friert die Vermögen von 30 Rüstungsfirmen ein": freezing assets is a measure
    start, end = view.grammar.clauses[c]
    assets = [t.i for t in view.tokens[start:end] if t.lower in _ASSETS]
    if assets:
        freeze = next((cue for cue in cues if cue.lemma in _FREEZE), None)
        if freeze is not None and not _attributive_participle(view, freeze, assets):
            return freeze, "sanction.asset-freeze"
    return None


def authorized_dealings(view: ClauseView, c: int) -> int | None:
    """Where a licence in clause c authorizes dealings, in its own clause or in the clause right after it
    ("issued a new license authorizing transactions with Syria", "General License 11, which authorizes
    transactions involving the Government of Sudan"): the index of the verb of authorizing."""
    if view.lang != "en" or not any(view.tokens[x.start].lower in _LICENCE for x in view.cues_by_clause[c]):
        return None
    tokens = view.tokens
    lo = view.grammar.clauses[c][0]
    hi = view.grammar.clauses[min(c + 1, view.n - 1)][1]
    for j in range(lo, hi):
        if tokens[j].lemma in _AUTHORIZE and any(t.lower in _DEALINGS for t in tokens[j + 1 : min(hi, j + 12)]):
            return j
    return None


def _barred_from_dealings(view: ClauseView, c: int) -> CueMention | None:
    """ "barred American banks from doing business with …", "prohibits U.S. persons from transactions
    with …": a verb of stopping that keeps someone from dealings is a measure against whom they deal with."""
    if view.lang != "en":
        return None
    tokens = view.tokens
    end = view.grammar.clauses[c][1]
    for x in view.cues_by_clause[c]:
        if "prevent" not in x.kinds or not tokens[x.start].lowercase:
            continue
        for k in range(x.end, min(end, x.end + 8)):
            if tokens[k].lower in _FROM_EN and any(t.lower in _DEALINGS for t in tokens[k + 1 : min(end, k + 4)]):
                return x
    return None


def _licence_authorizing_dealings(view: ClauseView, c: int) -> CueMention | None:
    """The licence cue of clause c when it authorizes dealings (see authorized_dealings)."""
    if authorized_dealings(view, c) is None:
        return None
    return next(x for x in view.cues_by_clause[c] if view.tokens[x.start].lower in _LICENCE)


def _attributive_participle(view: ClauseView, verb: CueMention, nouns: list[int]) -> bool:
    """ "frozen Russian assets", "eingefrorene russische Vermögen": a participle on its noun names a measure
    taken before, by someone else than the clause's subject."""
    named = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    return any(
        verb.end <= n <= verb.end + 2
        and all(
            i in named or view.tokens[i].lowercase and view.tokens[i].lower not in _ARTICLES for i in range(verb.end, n)
        )
        for n in nouns
    )


def _designation(view: ClauseView, c: int) -> CueMention | None:
    """ "stufte die Huthi als terroristische Organisation ein", "designated the group a terrorist
    organisation", "listed Hamas as a terrorist organisation": a verb of designating with the class."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    for x in view.cues_by_clause[c]:
        if "designate" not in x.kinds or not tokens[x.start].lowercase:
            continue
        for j in range(start, end):
            if tokens[j].lower.startswith(_DESIGNATION_CLASS) and any(
                t.lower in _BEFORE_CLASS for t in tokens[max(start, j - 3) : j]
            ):
                return x
    return None


def _attributive_doubt(cue: CueMention) -> bool:
    """ "die potenzielle Lieferung": doubt about the goods, not about the measure."""
    return "consider" in cue.kinds and cue.lemma.startswith(("potenziell", "potentiell", "potential", "möglich"))


def _sanction_modifiers(
    view: ClauseView, frame: Frame, c: int, prevent: CueMention | None, sanction: CueMention | None
) -> list[int]:
    """Modality of the measure, from its clause and the clauses that govern it; the governing chain."""
    frame.modifiers = set()
    aside = _negations_aside(view, frame, c) | _passive_auxiliaries(view, frame, c) | _day_after(view, frame, c)
    measure = sanction or prevent
    reason = reason_span(view, c, measure) if measure is not None else set()
    if any(x.start in reason and x.kinds & MODIFIERS for x in view.cues_by_clause[c]):
        # "verhängt Sanktionen wegen der mutmaßlichen Lieferung von Drohnen": the doubt is about the reason,
        # the measure is taken
        aside |= reason
        fire(frame, "sanction.reason-modality-aside")
    aside |= _purposes(view, frame, c) | _provided_by_measure(view, frame, c)
    frame.modifiers |= {
        k
        for x in view.cues_by_clause[c]
        if not _attributive_doubt(x) and x.start not in aside
        for k in x.kinds
        if not (k == "lift" and x is prevent and sanction is None)  # "suspended arms exports" imposes a stop
    }
    chain: list[int] = []
    k = c - 1
    if _coordinated_clause(view, c):
        k = -1  # "…, und auch die EU stoppte alle Lieferungen": a clause of its own, governed by none
        fire(frame, "sanction.coordinated-clause-governs-nothing")
    elif c > 0 and view.tokens[view.grammar.clauses[c][0]].lower in _ADVERBIAL:
        k = (
            -1
        )  # "The plan was dropped | after Washington threatened sanctions": the main clause's mood is not the measure's
        fire(frame, "sanction.en.adverbial-clause-governs-itself")
    while k >= 0 and not any("sanction" in x.kinds for x in view.cues_by_clause[k]):
        chain.append(k)
        if _opens_with_coordinator(view, k + 1):
            # "hat die Budgethilfe gestrichen | und erwägt ein Waffenembargo": a coordinated verb phrase
            # shares the subject and the target, not the modality
            fire(frame, "sanction.coordinated-verb-phrase")
            break
        aside |= _negations_aside(view, frame, k)
        frame.modifiers |= {
            kk for x in view.cues_by_clause[k] if not _attributive_doubt(x) and x.start not in aside for kk in x.kinds
        }
        if not (
            view.grammar.infinitive[k + 1]
            or opens_complement(view.grammar, k + 1)
            or _open_question_clause(view, k + 1)
        ) or _coordinated_clause(view, k):
            break
        k -= 1
    if chain:
        fire(frame, "sanction.modality-of-governing-clause")
    if "future" in frame.modifiers and _perfect_infinitive_measure(view, c):
        # "nachdem Deutschland einen Stopp … verhängt haben soll": a perfect infinitive under "soll" reports a
        # measure taken, not one planned
        frame.modifiers.discard("future")
        frame.modifiers.add("past")
        fire(frame, "mod.de.perfect-infinitive-past")
    start, end = view.grammar.clauses[c]
    if any(t.lemma in _CONTINUE or t.lower in _CONTINUE for t in view.tokens[start:end]):
        frame.modifiers.add("continues")  # "the arms embargo stays", "bleibt in Kraft": in force now
        fire(frame, "sanction.continues")
    if sanction is not None and _in_force_attribute(view.tokens, sanction):
        # "im Blick auf die noch immer bestehenden Sanktionen gegen Peru", "despite existing sanctions": a measure
        # the phrase presupposes is in force, whatever the clause says of something else
        frame.modifiers = {"sanction", "continues"}
        fire(frame, "sanction.presupposed-in-force")
    return chain


def _only_measure_could(view: ClauseView, c: int, measure: CueMention) -> bool:
    """ "Only a UN embargo on Peru can now stop …", "Nur ein Embargo könnte die Lieferungen stoppen": "only" right
    before the measure's phrase and a modal of possibility after it in its clause."""
    tokens = view.tokens
    if not any(t.lower in _ONLY for t in tokens[max(0, measure.start - 4) : measure.start]):
        return False
    _, end = view.grammar.clauses[c]
    return any(t.lower in _MAY_MODALS for t in tokens[measure.end : end])


_ONLY: Final = words("adverb.only")
_MAY_MODALS: Final = words("aux.possibility")


def _in_force_attribute(tokens: list[Token], measure: CueMention) -> bool:
    """An attribute saying the measure is in force ("bestehenden", "geltenden", "existing") among the three
    words before the measure noun, in a prepositional phrase ("trotz der bestehenden Sanktionen", "despite
    existing sanctions"): not what the clause's verb acts on ("könnte die bestehenden Sanktionen aufheben")."""
    for k in range(max(0, measure.start - 3), measure.start):
        if tokens[k].lower in _IN_FORCE:
            return any(
                tokens[p].lower in PREPOSITIONS and (p + 1 == k or tokens[p + 1].lower in _ARTICLES_ANY)
                for p in range(max(0, k - 4), k)
            )
    return False


_IN_FORCE: Final = words("adj.measure-in-force")
_ARTICLES_ANY: Final = words("article.any")


_PERFECT_AUX: Final = words("aux.perfect-infinitive", "de")
_INFINITIVE_PARTICLE: Final = words("particle.infinitive", "de")


def _provided_by_measure(view: ClauseView, frame: Frame, c: int) -> set[int]:
    """ "Das 14. Sanktionspaket sieht Handelsbeschränkungen für chinesische Firmen vor": what a measure
    provides for is as much in force as the measure; "vorsehen" after it is no intention."""
    tokens = view.tokens
    trigger = frame.trigger
    if view.lang != "de" or not tokens[trigger.start].capitalised:
        return set()
    found = {
        x.start
        for x in view.cues_by_clause[c]
        if "intend" in x.kinds and x.lemma in _PROVIDE_FOR and x.start > trigger.start
    }
    if found:
        fire(frame, "sanction.de.provided-by-measure")
    return found


_PROVIDE_FOR: Final = words("verb.provide-for", "de")


_AIM_AT: Final = words("prep.aim-at", "en")


def _purposes(view: ClauseView, frame: Frame, c: int) -> set[int]:
    """ "the UN sanctions, which are intended to deny Pyongyang revenue": a passive participle of intending
    states the measure's purpose, not an intention to impose it."""
    tokens = view.tokens
    found = {
        x.start
        for x in view.cues_by_clause[c]
        if view.lang == "en"
        and "intend" in x.kinds
        and x.start > frame.trigger.start
        and tokens[x.start].lower.endswith("ed")
        and (
            tokens[x.start - 1].lower in _AUX_PASSIVE_EN
            # "The sanctions aimed at choking off Russia's access": aiming at a goal right after the measure
            or x.end < len(tokens)
            and tokens[x.end].lower in _AIM_AT
            and x.start - frame.trigger.end <= 1
        )
    }
    if found:
        fire(frame, "sanction.en.purpose-is-no-intention")
    return found


def _perfect_infinitive_measure(view: ClauseView, c: int) -> bool:
    """A verb of imposing or stopping in the clause followed by a perfect infinitive's auxiliary
    ("verhängt haben soll", "gestoppt zu haben")."""
    if view.lang != "de":
        return False
    tokens = view.tokens
    for x in view.cues_by_clause[c]:
        if not x.kinds & {"impose", "prevent"} or not tokens[x.start].lowercase:
            continue
        j = x.end
        if j < len(tokens) and tokens[j].lower in _INFINITIVE_PARTICLE:
            j += 1
        if j < len(tokens) and tokens[j].lower in _PERFECT_AUX:
            return True
    return False


def _passive_auxiliaries(view: ClauseView, frame: Frame, c: int) -> set[int]:
    """ "Die Hisbollah wird von Kanada als Terrorgruppe eingestuft": "wird" with a participle is the
    present passive, no future (unless "werden" follows the participle: "wird … eingestuft werden")."""
    if view.lang != "de" or not _passive_measure(view, c):
        return set()
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    aux = {x.start for x in view.cues_by_clause[c] if x.kinds == {"future"} and tokens[x.start].lower in _AUX_PASSIVE}
    # one werden-form is the passive ("wird … eingestuft", "… belegt wird"); a second makes it future
    if len(aux) == 1 and sum(t.lower in _AUX_PASSIVE for t in tokens[start:end]) == 1:
        fire(frame, "sanction.de.passive-auxiliary-no-future")
        return aux
    return set()


def _day_after(view: ClauseView, frame: Frame, c: int) -> set[int]:
    """ "It imposed sanctions on Russia the next day", "am nächsten Tag": a day after a past event, no future."""
    tokens = view.tokens
    out = set()
    for x in view.cues_by_clause[c]:
        if "future" in x.kinds and 0 < x.start and x.end < len(tokens):
            if tokens[x.start - 1].lower in _BEFORE_NEXT_DAY and tokens[x.end].lower in _DAY:
                out.add(x.start)
    if out:
        fire(frame, "sanction.next-day-is-no-future")
    return out


def _negations_aside(view: ClauseView, frame: Frame, c: int) -> set[int]:
    """What each negation in clause c negates: the first verb after it. Negating the measure's own verb
    adds a derived kind for the status table; a negation of another verb (taking part, criticising, "not
    only") leaves the measure alone, and its start is returned to be set aside."""
    tokens = view.tokens
    cues = view.cues_by_clause[c]
    aside: set[int] = set()
    for neg in cues:
        if "negation" not in neg.kinds:
            continue
        after = [t.lower for t in tokens[neg.end : neg.end + 6]]
        if after[:1] and after[0] in _NOT_ONLY:
            aside.add(neg.start)  # "nicht nur Sanktionen verhängt": no negation at all
            fire(frame, "sanction.negation-scope")
            continue
        if whether_or_not(neg, tokens):
            aside.add(neg.start)  # "whether or not to impose sanctions": an open question, no negation
            frame.modifiers.add("consider")
            fire(frame, "mod.en.whether-or-not-is-no-negation")
            continue
        verb = negated_verb(view, c, neg, frame.trigger)
        if any(w in _NO_LONGER for w in after) and not (verb is not None and "lift" in verb.kinds):
            frame.modifiers.add("no_longer")  # "keinen Beschränkungen mehr", "no longer subject to"
        elif "prevent" in frame.trigger.kinds and _stop_verb(view, c, neg, verb) is frame.trigger:
            frame.modifiers.add("not_imposed")  # "will not stop its arms deliveries": no stop, the deliveries go on
        elif verb is None:
            continue
        elif verb.kinds & {"adopt", "react"}:
            aside.add(neg.start)  # "beteiligt sich nicht an den EU-Sanktionen": the measure stands
        elif "lift" in verb.kinds:
            frame.modifiers.add("not_lifted")  # "hat die Sanktionen nicht aufgehoben": still in force
        elif verb.kinds & {"threaten", "intend", "consider"}:
            frame.modifiers.add("measure_negated")  # "nie mit Sanktionen gedroht": nothing was threatened
        elif verb.kinds & {"impose", "listing", "designate", "sanction"}:
            frame.modifiers.add("not_imposed")  # "hat keine Sanktionen verhängt"
        else:
            continue
        fire(frame, "sanction.negation-scope")
    return aside


def whether_or_not(cue: CueMention, tokens: list[Token]) -> bool:
    """A negation right after "whether or": one side of an open question ("whether or not to impose"), no
    negation."""
    if "negation" not in cue.kinds or cue.start < 2:
        return False
    return " ".join(t.lower for t in tokens[cue.start - 2 : cue.start]) in _WHETHER_OR


def stop_negated(
    view: ClauseView, c: int, neg: CueMention, measure: CueMention, stop: CueMention | None = None
) -> bool:
    """Whether ``neg`` negates a verb of stopping (``stop``, or the clause's verb of stopping): the verb it
    negates, or in German a finite verb of stopping before a clause-final "nicht" ("stoppen ihre Lieferungen
    nicht")."""
    verb = _stop_verb(view, c, neg, negated_verb(view, c, neg, measure))
    return verb is not None and (stop is None or verb is stop)


def _stop_verb(view: ClauseView, c: int, neg: CueMention, verb: CueMention | None) -> CueMention | None:
    """The verb of stopping that ``neg`` negates, given the verb :func:`negated_verb` found for it (None when that
    is no verb of stopping)."""
    if verb is None and view.lang == "de":
        before = [x for x in view.cues_by_clause[c] if x.end <= neg.start and x.lemma in STOP_VERBS]
        final = neg.end >= len(view.tokens) or not view.tokens[neg.end].alphabetic
        verb = before[-1] if before and final and view.tokens[before[-1].start].lowercase else None
    return verb if verb is not None and verb.lemma in STOP_VERBS else None


def negated_verb(view: ClauseView, c: int, neg: CueMention, measure: CueMention) -> CueMention | None:
    """The verb a negation negates: the first verb after it ("hat keine Sanktionen verhängt", "has not
    imposed"), else the nearest before it (the finite verb of a main clause: "trägt … nicht mit").
    Auxiliaries, adverbs and the measure noun itself ("No sanctions were imposed") are passed over."""
    tokens = view.tokens
    verbs = [
        x
        for x in view.cues_by_clause[c]
        if tokens[x.start].lowercase
        and not x.kinds <= _AUXILIARY_KINDS
        and not (x is measure and "sanction" in x.kinds)
    ]
    after = [x for x in verbs if x.start >= neg.end]
    if after:
        return after[0]
    if view.lang != "de":
        return None  # an English negation comes before its verb ("without naming any": no verb of the measure)
    before = [x for x in verbs if x.end <= neg.start and x.kinds & _NEGATED_KINDS]
    return before[-1] if before else None


def _not_adopting(view: ClauseView, c: int, measure: CueMention) -> bool:
    """A negated verb of adopting or joining others' measures in clause c ("not joining sanctions", "trägt die
    Sanktionen nicht mit"): its subject stays out of the measure."""
    return any(
        "adopt" in x.kinds and x is not measure and _negated(view, c, x, measure) for x in view.cues_by_clause[c]
    )


def _negated(view: ClauseView, c: int, verb: CueMention, measure: CueMention) -> bool:
    return any("negation" in x.kinds and negated_verb(view, c, x, measure) is verb for x in view.cues_by_clause[c])


def _parties(
    view: ClauseView, frame: Frame, c: int, cue: CueMention, prevent: CueMention | None, relative: Group | None
) -> None:
    """Imposer and targets from the measure's own clause."""
    tokens = view.tokens
    if _sanctioned_parties_as_subject(view, c, cue):
        # "Die 61 neu sanktionierten Unternehmen kommen … aus der Türkei, Kirgistan und Indien": the participle
        # names the listed parties, the clause where they come from; who listed them is the story's imposer
        frame.targets += unique([a.id for a in view.actors_by_clause[c] if a.start > cue.end])
        fire(frame, "sanction.sanctioned-parties-come-from")
        return
    own = [part for g in groups(view.actors_by_clause[c], tokens) for part in _split_fronted(view, frame, g)]
    named = _named_on_measure(view, frame, cue)
    adopting = bool(frame.imposers)
    _possessive_imposer(view, frame, cue)
    reason = reason_span(view, c, cue)
    _leader_of_target(view, frame, c, cue)
    role = _ClauseRole(_passive_measure(view, c), _subject_to(view, c, cue), adopting, [], _placed_on(view, cue))
    for g in own:
        if (
            g.first.start == cue.start
            or g.first is named
            or g is relative
            or g.first.start == (relative and relative.first.start)
        ):
            continue
        if g.first.start in reason:
            fire(frame, "sanction.reason-is-no-target")
            continue  # "… over Russia's war in Ukraine", "wegen Russlands Krieg gegen die Ukraine": the reason
        if fronted_after_others(view, c, g):
            fire(frame, "grammar.de.fronted-after-others")  # "Nach Deutschland stoppt nun auch Dänemark …"
            continue
        _party(view, frame, g, own, cue, prevent, role)
    if c > 0 and _comparison_clause(view, c - 1):
        role.fellows += groups(view.actors_by_clause[c - 1], tokens)  # "Like Canada, Australia has imposed …"
    if not frame.imposers:
        owner = _owner_of_subject(view, c, cue, own)
        if owner is not None:
            frame.imposers = owner.ids  # "Die Außenminister der EU einigten sich auf Sanktionen", "Resolutions of
            fire(frame, "sanction.owner-of-subject-imposes")  # the UN Security Council prohibit the supply …"
            frame.targets = [t for t in frame.targets if t not in owner.ids]
    if role.fellows and frame.imposers:
        for g in role.fellows:
            frame.imposers += g.ids  # "Polen hat wie Litauen Sanktionen verhängt": Lithuania imposed them too
        fire(frame, "sanction.comparison-shares-role")
    # Origin adjectives on the sanctioned nouns: "russische Einzelpersonen", "Iranian drone makers".
    for actor in view.mentions.actors:
        if (
            view.grammar.clause[actor.start] == c
            and actor.kind in ("adj", "origin")
            and actor.id not in frame.imposers
            and actor is not named
            and actor.start not in reason
            and (actor.start > cue.start or role.passive or _prep(actor, view) in TARGET)
            and _sanctioned_adjective(actor, view)
        ):
            frame.targets.append(actor.id)
            fire(frame, "sanction.adjective-on-targets")
    if not frame.targets and (frame.imposers or _council_subject(view, c, _TREASURY)):
        _appositive_target(view, frame, cue)


def _appositive_target(view: ClauseView, frame: Frame, cue: CueMention) -> None:
    """ "sanctioned Fly Baghdad, a private Iraqi airline it accused of …", "designating Adam Yahya Suleiman, an RSF
    procurement officer who coordinated …": an appositive with a clause of its own right after the measure's
    object says whose firm or person it is."""
    c = frame.clause
    tokens = view.tokens
    if view.lang != "en" or c + 1 >= view.n or cue.start < view.grammar.clauses[c][0]:
        return
    start = view.grammar.clauses[c + 1][0]
    if start >= len(tokens) or tokens[start].text != "," or tokens[start - 1].text[:1].islower():
        return  # the object before the comma is a name
    if start + 1 >= len(tokens) or tokens[start + 1].lower not in _INDEFINITE or _continues_objects(view, c + 1):
        return  # a verbless apposition is a list of targets (sanction.targets-listed-on)
    for actor in view.actors_by_clause[c + 1]:
        if actor.start > start + 4:
            break
        if actor.kind in ("adj", "demonym", "name") and actor.prep is None and _sanctioned_adjective(actor, view):
            frame.targets.append(actor.id)
            fire(frame, "sanction.en.appositive-target")
            return


@dataclass(slots=True)
class _ClauseRole:
    """What the measure's clause says about the roles of its bare actors."""

    passive: bool  # "Die Hamas wurde von Paraguay als Terrororganisation eingestuft": the subject is the target
    subject_to: bool  # "Venezuela remains subject to an EU arms embargo": the subject is the target
    adopting: bool  # the measure's imposer is named on it: a subject can only adopt it
    fellows: list[Group]  # "wie Litauen": actors compared with the subject share its role
    placed_on: bool = False  # "put three firms on its sanctions list": what is put there is the target


def _owner_of_subject(view: ClauseView, c: int, cue: CueMention, own: list[Group]) -> Group | None:
    """A genitive or "of" on the clause's subject noun, before its verb and the measure ("Die
    Außenminister der EU", "Resolutions of the United Nations Security Council")."""
    tokens = view.tokens
    start = view.grammar.clauses[c][0]
    verbs = [x.start for x in view.cues_by_clause[c] if tokens[x.start].lowercase and x.start != cue.start]
    limit = min([cue.start, *verbs])
    for g in own:
        first = g.first
        if not start < first.start < limit or first.kind in ("adj", "demonym"):
            continue
        if (_prep(first, view) == "of" or first.genitive and _prep(first, view) is None) and tokens[start].text[
            :1
        ].isupper():
            return g
    return None


def _clause_subject(view: ClauseView, g: Group) -> bool:
    """Whether g is the first actor of its clause without a preposition (speakers included)."""
    c = view.grammar.clause[g.first.start]
    first = next(
        (
            a
            for a in view.mentions.actors
            if view.grammar.clause[a.start] == c and _prep(a, view) is None and not a.genitive
        ),
        None,
    )
    return first is g.first


def _placed_on(view: ClauseView, cue: CueMention) -> bool:
    """ "put … on its sanctions list", "added … to the Entity List": the measure is where objects are put."""
    if view.lang != "en":
        return False
    j = cue.start - 1
    cued = {x.start for x in view.mentions.cues}
    while j > 0 and cue.start - j <= 3 and view.tokens[j].lower not in _PLACED_ON:
        if not (view.tokens[j].lower in _ARTICLES or view.tokens[j].lowercase) or j in cued:
            return False  # "to impose further sanctions": a verb, no place
        j -= 1
    return j >= 0 and view.tokens[j].lower in _PLACED_ON


def _split_fronted(view: ClauseView, frame: Frame, g: Group) -> list[Group]:
    """ "Against Iran, Britain is preparing …", "Like Canada, Australia has imposed …": a fronted phrase
    and the subject after its comma are no list (a list ends in "und"/"and": "Iran, Russland und Belarus")."""
    tokens = view.tokens
    first = g.first
    start = view.grammar.clauses[view.grammar.clause[first.start]][0]
    fronted = _prep(first, view) is not None or first.start > 0 and tokens[first.start - 1].lower in _COMPARISON
    if len(g.members) < 2 or first.start - start > 2 or not fronted:
        return [g]  # not fronted: "companies in China, Turkey, the United Arab Emirates and other countries"
    links = [tokens[a.end : b.start] for a, b in zip(g.members, g.members[1:], strict=False)]
    last = len(links) - 1
    if any(t.lower in LINK and t.alphabetic for t in links[last]):
        return [g]
    head, rest = g.members[: last + 1], g.members[last + 1 :]
    if any(_prep(m, view) not in (None, _prep(first, view)) for m in rest):
        return [g]
    fire(frame, "sanction.fronted-phrase-is-no-list")
    return [Group(head), Group([replace(m, prep=None) for m in rest])]


def _comparison_clause(view: ClauseView, c: int) -> bool:
    """A fronted comparison set off by a comma: "Like Canada, …", "Wie Litauen, …"."""
    start, end = view.grammar.clauses[c]
    words_ = [t for t in view.tokens[start:end] if t.text.isalnum()]
    return (
        bool(words_)
        and words_[0].lower in _COMPARISON
        and not view.cues_by_clause[c]
        and bool(view.actors_by_clause[c])
    )


def _named_on_measure(view: ClauseView, frame: Frame, cue: CueMention) -> ActorMention | None:
    """An actor named on the measure word itself: the compound "EU-Sanktionen", "Russland-Sanktionen",
    or an attribute right before it ("US sanctions", "amerikanische Sanktionen", "Japan's sanctions",
    "Iran sanctions"). Organisations, abbreviations, adjectives and possessives impose; a state's plain
    name is what the measure is against."""
    for actor in view.mentions.actors:
        if actor.start == cue.start and actor.kind not in ("adj", "origin"):
            if _attributive_imposes(actor, actor.text.split("-")[0]):
                frame.imposers = [actor.id]  # "EU-Sanktionen": the compound names who imposes
                fire(frame, "sanction.compound-imposer")
            else:
                frame.targets.append(actor.id)  # "Russland-Sanktionen", "Iran-Embargo"
                fire(frame, "sanction.compound-target")
            return actor
        if actor.end == cue.start and actor.kind != "demonym" and _noun_measure(view, cue):
            if _attributive_imposes(actor, actor.text):
                # "the new US sanctions", "unter den amerikanischen Sanktionen", "subject to a UN arms
                # embargo": the preposition before the attribute governs the measure noun
                frame.imposers = [actor.id]
                fire(frame, "sanction.attributive-imposer")
                return actor
            if actor.article is not None and not _prep(actor, view) and view.lang == "en":
                frame.targets.append(actor.id)  # "the Iran sanctions" (but "Japan sanctions …" is a verb)
                fire(frame, "sanction.compound-target")
                return actor
        if view.lang == "en" and _owner_of_measure_set(view.tokens, actor, cue):
            # "adopted the EU's latest package of sanctions against Russia": the owner of the package imposes
            frame.imposers = [actor.id]
            fire(frame, "sanction.en.owner-of-package-imposes")
            return actor
    return None


def _owner_of_measure_set(tokens: list[Token], actor: ActorMention, cue: CueMention) -> bool:
    """A possessive, up to three lowercase words and "of" right before the measure word ("the EU's latest
    package of sanctions", "Washington's new round of sanctions")."""
    if not (actor.genitive or actor.text.endswith(("'s", "’s"))) or cue.start < 2:
        return False
    between = tokens[actor.end : cue.start]
    if not between or len(between) > 4 or between[-1].lower != "of":
        return False
    return all(t.alphabetic and t.lowercase and t.lower not in PREPOSITIONS for t in between[:-1])


def _noun_measure(view: ClauseView, cue: CueMention) -> bool:
    """The measure word is a noun here: not "Japan sanctions two banks" (a verb before its object)."""
    if "sanction" not in cue.kinds:
        return False
    if view.lang == "de" or cue.end >= len(view.tokens):
        return True
    if view.tokens[cue.start].lower.endswith("ed"):
        return False  # "The US Treasury sanctioned …"
    nxt = view.tokens[cue.end]
    return not (
        nxt.lower in _ARTICLES
        or nxt.lower in _SKIPPED
        or nxt.text.isdigit()
        or any(a.start == cue.end for a in view.mentions.actors)
    )


def _attributive_imposes(actor: ActorMention, text: str) -> bool:
    if not actor.id.isupper():
        return False  # a group: "Hamas-Sanktionen" are against it
    return (
        actor.kind in ("adj", "metonym", "org", "title")
        or actor.kind.endswith("-gen")  # "Japan's sanctions", "the Treasury's sanctions office"
        or len(actor.id) != 3  # "EU", "UN", "NATO": organisations
        or text.replace(".", "").isupper()  # "US", "UK"
    )


def _possessive_imposer(view: ClauseView, frame: Frame, cue: CueMention) -> None:
    """ "its arms embargo", "ihre Sanktionen", "on its sanctions list": the possessive stands for the
    sentence's subject, speaker included ("Ottawa said its arms embargo … would stay")."""
    if frame.imposers:
        return
    tokens = view.tokens
    j = cue.start - 1
    while (
        j > 0
        and cue.start - j < 3
        and tokens[j].lowercase
        and tokens[j].lower not in _POSSESSIVE
        and tokens[j].lower not in PREPOSITIONS
        and tokens[j].lower not in _ARTICLES
    ):
        j -= 1  # only adjectives between the possessive and its measure: "its own sanctions", "ihre neuen Sanktionen"
    if j < 0 or tokens[j].lower not in _POSSESSIVE:
        return
    subjects = [
        g
        for g in groups(view.mentions.actors, tokens)
        if g.members[-1].end <= j
        and _prep(g.first, view) is None
        and not g.first.genitive
        and g.first.kind not in ("adj", "origin", "demonym")
    ]
    if subjects:
        frame.imposers = subjects[0].ids
        fire(frame, "sanction.possessive-names-imposer")


def reason_span(view: ClauseView, c: int, cue: CueMention) -> set[int]:
    """The tokens of the measure's reason: from "wegen"/"over" to the end of its noun phrase, with its
    genitives and prepositional phrases ("wegen Russlands Krieg gegen die Ukraine"); in German a new
    noun phrase after it ("wegen Nordkoreas Raketentests drei Banken aus Hongkong") is the measure's again."""
    start = _reason_start(view, c, cue)
    first, end = view.grammar.clauses[c]
    span: set[int] = set()
    if start is not None:
        span |= set(range(start, end if view.lang != "de" else _german_phrase_end(view, start + 1, end, depth=2)))
    if view.lang == "de":
        # "Wegen eines US-Rüstungsgeschäfts mit Taiwan hat China Sanktionen angekündigt": a fronted reason
        for j in range(first, cue.start):
            if view.tokens[j].lower in _REASON_BEFORE:
                span |= set(range(j, _german_phrase_end(view, j + 1, cue.start, depth=2)))
    return span


def _leader_of_target(view: ClauseView, frame: Frame, c: int, cue: CueMention) -> None:
    """ "sanctioned Mirghani Idris Suleiman for leading the Sudanese Armed Forces' efforts to acquire weapons": the
    one sanctioned for leading or running a state's organ is that state's; what the organ does is the reason."""
    if view.lang != "en":
        return
    start = _reason_start(view, c, cue)
    tokens = view.tokens
    if start is None or start + 1 >= len(tokens) or tokens[start + 1].lower not in _LEADING_VERBS:
        return
    for actor in view.actors_by_clause[c]:
        if start + 2 <= actor.start <= start + 4 and actor.kind != "origin" and actor.id not in frame.imposers:
            frame.targets.append(actor.id)
            fire(frame, "sanction.en.leader-of-target")
            return


def _german_phrase_end(view: ClauseView, k: int, end: int, depth: int) -> int:
    """Where the German noun phrase starting at token k ends: past determiners, adjectives, names and
    its head noun, then genitives and (``depth`` levels of) prepositional phrases hanging on it."""
    tokens = view.tokens
    named = {i: a for a in view.mentions.actors for i in range(a.start, a.end)}
    head = False
    while k < end:
        tok = tokens[k]
        if tok.lower in _ARTICLES and not head or tok.lowercase and tok.alphabetic and not head:
            k += 1
        elif k in named or tok.capitalised and tok.text.replace("-", "").isalpha():
            # a name in the genitive ("Russlands Krieg") comes before the head; any other noun is the head
            head = head or k not in named or not (named[k].genitive or named[k].kind.endswith("-gen"))
            k += 1
            if k < end and head and tokens[k].lower in _GENITIVE_LINK:
                k += 1  # "Unterstützung des russischen Angriffskriegs": a genitive attribute
                head = False
            elif (
                k + 1 < end
                and head
                and tokens[k].lowercase
                and tokens[k].lower.endswith("er")
                and tokens[k + 1].capitalised
            ):
                k += 1  # "Lieferung sogenannter Kamikaze-Drohnen": a genitive plural without article
                head = False
            elif (
                k + 1 < end
                and head
                and tokens[k].lowercase
                and tokens[k].lower.endswith(_PARTICIPLE_ENDINGS)
                and tokens[k + 1].capitalised
            ):
                k += 1  # "die vom Iran unterstützten Huthi-Rebellen": the agent of a participle on the head after it
                head = False
            elif k < end and head and tokens[k].lower in PREPOSITIONS and depth > 0:
                return _german_phrase_end(view, k + 1, end, depth - 1)  # "Krieg gegen die Ukraine"
            elif head and not (k < end and (k in named or tokens[k].capitalised)):
                return k
        else:
            return k
    return k


def _reason_start(view: ClauseView, c: int, cue: CueMention) -> int | None:
    """Where the reason of the measure begins in its clause: "over", "wegen", "for" after the measure,
    unless "for" names a state directly (export permits "for Turkey")."""
    tokens = view.tokens
    end = view.grammar.clauses[c][1]
    actors = {a.start: a for a in view.mentions.actors}
    for j in range(cue.end, end):
        if tokens[j].lower not in _REASON_BEFORE:
            continue
        k = j + 1
        while k < end and tokens[k].lower in _ARTICLES:
            k += 1
        actor = actors.get(k)
        possessive = actor is not None and (
            actor.genitive or actor.kind in ("adj", "adj-gen") or actor.text.endswith(("'s", "’s"))
        )
        if actor is not None and not possessive:
            continue  # "export permits for Turkey": the destination, no reason
        g = k
        while g + 1 < end and tokens[g].lower.endswith("ly"):
            g += 1  # "for allegedly supplying": an adverb before the deed
        deed = g < end and tokens[g].lower.endswith("ing") or actor is not None and actor.text.endswith(("'s", "’s"))
        if tokens[j].lower in _REASON_WEAK and not deed:
            continue  # "licences for arms exports to Israel", "weapons for the Sudanese Armed Forces": no reason
        return j
    return None


def _passive_measure(view: ClauseView, c: int) -> bool:
    """Whether the verb of the measure's clause (imposing, listing, designating) is passive."""
    for x in view.cues_by_clause[c]:
        if x.kinds & _MEASURE_VERBS and view.tokens[x.start].lowercase:
            if passive(view.tokens, view.grammar, c, x, view.lang):
                return True
    return False


def _subject_to(view: ClauseView, c: int, cue: CueMention) -> bool:
    """ "Venezuela remains subject to an EU arms embargo", "Ausfuhren … unterliegen einem Embargo"."""
    start = view.grammar.clauses[c][0]
    return any(
        t.lemma in _SUBJECT_TO or " ".join(w.lower for w in view.tokens[t.i : t.i + 2]) in _SUBJECT_TO
        for t in view.tokens[start : cue.start]
    )


def _party(
    view: ClauseView,
    frame: Frame,
    g: Group,
    own: list[Group],
    cue: CueMention,
    prevent: CueMention | None,
    role: _ClauseRole,
) -> None:
    """The role of one actor group in the measure's clause."""
    tokens, lang = view.tokens, view.lang
    first = g.first
    if _party_placed_or_owned(view, frame, g, cue, role):
        return
    prep = _prep(first, view) or (_prep_before(view, first) if first.start > cue.start else None)
    if prep == "of" and first.start > cue.start:
        frame.targets += g.ids  # "sanctions on the leader of Sudan's Rapid Support Forces"
        fire(frame, "sanction.en.members-of-target")
        return
    if prep in _AGENT_PREPS and (lang == "en" or role.passive) and _agent_of_measure(view, first):
        frame.imposers = unique(frame.imposers + g.ids)  # "designated by the United States", "vom Rat gelistet"
        fire(frame, "sanction.passive-agent-imposes")
        return
    if lang == "en" and _linked_to(view, first.start):
        frame.targets += g.ids  # "measures against people linked to the Assad government"
        fire(frame, "sanction.en.linked-to-target")
        return
    if prep == "in" and first.article in _IN_ACCUSATIVE and lang == "de":
        prep = "nach"  # "Rüstungsexporte in die Türkei": a direction, not a place
    if prep in TARGET and _after_war_noun(view, first):
        fire(frame, "sanction.victims-are-no-target")  # "their contributions to Russia's war against Ukraine"
        return
    if prep in _PRESSURE_PREPS and _pressure_before(tokens, first.start):
        frame.targets += g.ids  # "Mit einem Waffenembargo hat der Sicherheitsrat den Druck auf Peru erhöht"
        fire(frame, "sanction.pressure-on-target")
        return
    if (
        prep in TARGET
        or (prep in _PLACE_PREPS and first.start > 1 and _unowned_target_noun(view, _before_prep(tokens, first.start)))
        or (
            prep in _DESTINATION
            and (
                frame.trigger_kind == "prevent"
                or prevent is not None
                # "export controls on chip tools to China": an export measure names its destination
                or (cue.lemma.startswith(_EXPORT_STEMS) and first.start >= cue.end)
                # "Beschränkungen für Rüstungsexporte in die Türkei", "the embargo on arms sales to Libya"
                or _restricted_transfer_before(view, frame, cue, first.start)
            )
        )
    ):
        frame.targets += g.ids
        fire(frame, "sanction.against-target")
    else:
        _party_beyond_target(view, frame, g, own, cue, role, prep)


def _party_placed_or_owned(view: ClauseView, frame: Frame, g: Group, cue: CueMention, role: _ClauseRole) -> bool:
    """Roles decided before the group's preposition: placed on a list, a German genitive imposer, victims of a war,
    members of a target; True when one of them decided."""
    lang = view.lang
    first = g.first
    if (
        role.placed_on
        and first.start < cue.start
        and not _clause_subject(view, g)
        and not set(g.ids) & set(frame.imposers)
    ):
        frame.targets += g.ids  # "Australia put three subsidiaries of China's state shipbuilder on its list"
        fire(frame, "sanction.en.placed-on-list")
        return True
    if first.genitive and _prep(first, view) is None and first.start in (cue.end, cue.end + 1) and lang == "de":
        if not frame.imposers:
            frame.imposers = g.ids  # "ein Waffenembargo der Vereinten Nationen"
            fire(frame, "sanction.de.genitive-imposer")
        return True
    if _prep(first, view) == "of" and _after_war_noun(view, first):
        fire(frame, "sanction.victims-are-no-target")  # "sanctioned since Russia's invasion of Ukraine"
        return True
    if _prep(first, view) == "of" and first.start > cue.start:
        frame.targets += g.ids  # "sanctions on four leaders of Kataib Hezbollah"
        fire(frame, "sanction.en.members-of-target")
        return True
    return False


def _party_beyond_target(
    view: ClauseView,
    frame: Frame,
    g: Group,
    own: list[Group],
    cue: CueMention,
    role: _ClauseRole,
    prep: str | None,
) -> None:
    """Roles of a group that names no target by its preposition: a measure applied to it, applications under a
    measure, procuring for a target, a possessor after the measure, a bare group, an absolute subject."""
    first = g.first
    if (
        prep in _DESTINATION
        and view.lang == "en"
        and first.start > cue.start
        and any(
            "impose" in x.kinds and x.start < first.start and x is not cue and view.tokens[x.start].lowercase
            for x in view.cues_by_clause[frame.clause]
        )
        # "sanctions on Iranian firms involved in supplying drones to Russia": a transfer between names its deed
        and not any(
            x.kinds & _VERB_TRIGGERS and cue.end <= x.start < first.start for x in view.cues_by_clause[frame.clause]
        )
    ):
        frame.targets += g.ids  # "the restrictive licensing practice applied to Türkiye", "sanctions extended to
        fire(frame, "sanction.en.applied-to-target")  # Belarus": to whom the measure is applied
    elif prep in _DESTINATION and first.start < cue.start and _applied_export_before(view, frame, cue, first.start):
        frame.targets += g.ids  # "Applications for the export of … to Azerbaijan are assessed under a presumption
        fire(frame, "sanction.en.applications-under-measure")  # of denial": the measure stops those exports
    elif prep in _BENEFICIARY and first.start > cue.start and _procured_by_targets(view, frame, cue, first.start):
        frame.targets += g.ids  # "sanctioned two entities involved in procuring weapons for the Sudanese Armed Forces"
        fire(frame, "sanction.en.procuring-for-target")
    elif (
        (first.genitive or first.text.endswith(("'s", "’s")))
        and first.start > cue.start
        and not (first.start > 0 and view.tokens[first.start - 1].lower in _TIME_PREPS)
        # ("auf Drängen Russlands", "at Russia's insistence": who urged the measure, no target)
        and not (first.start > 0 and view.tokens[first.start - 1].lower in _URGING)
        and not (first.end < len(view.tokens) and view.tokens[first.end].lower in _URGING)
    ):
        # ("sanctioned since Russia's invasion of Ukraine": a time, no target)
        frame.targets += g.ids  # "sanctions on targets linked to Russia's war", "on Syria's central bank"
        fire(frame, "sanction.possessor-after-measure-is-target")
    elif prep is None and not first.genitive:
        _bare_party(view, frame, g, own, cue, role)
    elif _absolute_subject(view, g) and first.start < cue.start and not frame.imposers:
        frame.imposers = g.ids  # "…, with Tokyo considering sanctions against Moscow"
        fire(frame, "sanction.en.with-absolute-subject")


def _procured_by_targets(view: ClauseView, frame: Frame, cue: CueMention, start: int) -> bool:
    """A verb of buying between the measure and an actor, after a noun for those targeted: they procure for
    that actor, whose network is targeted ("entities involved in procuring weapons for the SAF")."""
    tokens = view.tokens
    return view.lang == "en" and any(
        "buy" in x.kinds
        and cue.end <= x.start < start
        and any(_target_noun(tokens[j], view.lang) for j in range(cue.end, x.start))
        for x in view.cues_by_clause[frame.clause]
    )


def _restricted_transfer_before(view: ClauseView, frame: Frame, cue: CueMention, start: int) -> bool:
    """A transfer noun between the measure and an actor: the measure restricts that transfer ("the embargo on
    arms sales to Libya"). When a noun for those targeted comes between the measure and the transfer, the
    transfer is their deed and its destination is not targeted ("sanctions on Iranian firms involved in
    supplying drones to Russia")."""
    tokens = view.tokens
    transfers = [
        x for x in view.cues_by_clause[frame.clause] if x.kinds & _TRANSFER_NOUNS and cue.end <= x.start < start
    ]
    if not transfers:
        return False
    if all(any(_target_noun(tokens[j], view.lang) for j in range(cue.end, x.start)) for x in transfers):
        fire(frame, "sanction.deed-of-targets-names-no-target")
        return False
    return True


def _applied_export_before(view: ClauseView, frame: Frame, cue: CueMention, start: int) -> bool:
    """An English export noun in the object of an application before the actor, the measure after it:
    "Applications for permits for the export of military goods to Azerbaijan are assessed under a
    presumption of denial"."""
    tokens = view.tokens
    return (
        view.lang == "en"
        and any(
            x.kinds & _TRANSFER_NOUNS
            and x.start < start
            and any(
                tokens[j].lower in _APPLICATION and tokens[j + 1].lower in _FOR_EN
                for j in range(max(view.grammar.clauses[frame.clause][0], x.start - 6), x.start)
            )
            for x in view.cues_by_clause[frame.clause]
        )
        and cue.start > start
    )


def _pressure_before(tokens: list[Token], start: int) -> bool:
    """A noun of pressure right before the preposition of the name at ``start`` (with an article or adjective
    between): "den Druck auf Peru", "pressure on Peru", "Druck auf das benachbarte Eritrea"."""
    k = start - 1
    while k > 0 and start - k <= 3 and tokens[k].lower not in _PRESSURE_PREPS:
        k -= 1
    return k > 0 and tokens[k].lower in _PRESSURE_PREPS and tokens[k - 1].lemma in _PRESSURE_NOUNS


_PRESSURE_PREPS: Final = words("prep.acted-on")
_URGING: Final = words("noun.urging")
_PRESSURE_NOUNS: Final = words("noun.pressure")


def _prep(actor: ActorMention, view: ClauseView) -> str | None:
    """The actor's preposition in its language ("an EU arms embargo": an English article), unless it
    governs a date before the name ("In December China placed …", "Im März hat Japan …")."""
    if actor.prep in _NOT_PREP[view.lang]:
        return None
    if actor.prep is not None and actor.start > 0 and view.tokens[actor.start - 1].lower in _TIME_NOUNS:
        return None
    return actor.prep


def _prep_before(view: ClauseView, actor: ActorMention) -> str | None:
    """The preposition of a name after titles, adjectives and possessives the mention did not pass:
    "against former president Bashar al-Assad", "of Sudan's Rapid Support Forces", "gegen das
    benachbarte Eritrea", "in north-eastern Syria"."""
    tokens = view.tokens
    german = view.lang == "de" and actor.kind != "person"
    j = actor.start - 1
    while j >= 0 and actor.start - j <= 4:
        tok = tokens[j]
        if tok.lower in PREPOSITIONS:
            if tok.lower in _INFINITIVE_MARK and tokens[j + 1].lowercase:
                return None  # "to punish Nicaragua": an infinitive, no preposition
            return tok.lower
        if (
            not tok.text.replace("-", "").isalpha()
            and not tok.text.endswith(("'s", "’s"))
            or any(x.start == j for x in view.mentions.cues)
        ):
            return None
        if german and not (tok.lower in _ARTICLES or tok.lowercase and tok.lower.endswith(_ADJECTIVE_ENDINGS)):
            return None  # "gegen das benachbarte Eritrea": only articles and adjectives between
        j -= 1
    return None


def _agent_of_measure(view: ClauseView, actor: ActorMention) -> bool:
    """ "by"/"von"/"durch" after or before a participle of imposing or listing: the agent."""
    tokens = view.tokens
    for x in view.mentions.cues:
        if x.kinds & _MEASURE_VERBS and tokens[x.start].lowercase and abs(x.start - actor.start) <= 6:
            return True
    return False


_VICTIMS: Final = words("noun.attacked")


def _sanctioned_parties_as_subject(view: ClauseView, c: int, cue: CueMention) -> bool:
    """ "Die 61 neu sanktionierten Unternehmen …", "The newly sanctioned firms …": the measure is a participle on a
    noun of acting parties that opens the clause (only articles, numbers and adverbs before it)."""
    tokens = view.tokens
    tok = tokens[cue.start]
    if not tok.lowercase or not tok.lower.endswith(_PARTICIPLE_ENDINGS) or cue.end >= len(tokens):
        return False
    head = tokens[cue.end]
    if head.lower not in ACTING_HEADS and head.lemma not in ACTING_HEADS:
        return False
    before = [t for t in tokens[view.grammar.clauses[c][0] : cue.start] if t.text != ","]
    return all(t.lower in _ARTICLES or t.text.isdigit() or t.lowercase and t.lower not in PREPOSITIONS for t in before)


_PARTICIPLE_ENDINGS: Final = tuple(word_list("suffix.participle-attributive", "de")) + ("ed",)


def _bare_party(view: ClauseView, frame: Frame, g: Group, own: list[Group], cue: CueMention, role: _ClauseRole) -> None:
    """An actor without preposition: adjective targets, infinitive objects, adopters, threatened states,
    the subject imposing."""
    tokens, lang, c = view.tokens, view.lang, frame.clause
    first = g.first
    cues = view.cues_by_clause[c]
    if first.start > 0 and tokens[first.start - 1].lower in _COMPARISON and first.start < cue.start:
        role.fellows.append(g)  # "Island hat ebenso wie Norwegen …": compared with the subject
    elif lang == "en" and first.start < cue.start and _joined_in_measure(view, first, cue):
        role.fellows.append(g)  # "it would join Washington in sanctioning …": Washington imposes beside the subject
        fire(frame, "sanction.en.joined-in-measure")
    elif first.kind in ("adj", "demonym") and first.end < len(tokens) and tokens[first.end].lower in _VICTIMS:
        fire(frame, "sanction.victims-are-no-target")  # "drones used to target Ukrainian civilians"
    elif first.kind in ("adj", "demonym") and not governs(g, tokens):
        frame.targets += g.ids
        fire(frame, "sanction.adjective-target")
    elif view.grammar.infinitive[c]:
        frame.targets += g.ids  # "erwägt, weitere Firmen auf die Liste zu setzen": objects only
        fire(frame, "sanction.infinitive-object-target")
    elif (role.passive or role.subject_to) and first.start < cue.start:
        frame.targets += g.ids  # "Die Hamas wurde … eingestuft", "Venezuela remains subject to an embargo"
        fire(frame, "sanction.passive-subject-is-target" if role.passive else "sanction.subject-to-measure")
    elif any("react" in x.kinds and first.start < x.start < cue.start and tokens[x.start].lowercase for x in cues):
        fire(frame, "sanction.subject-reacts-to-measure")  # "Russland kritisierte die EU-Sanktionen"
    elif frame.imposers and any(
        "request" in x.kinds and first.start < x.start < cue.start and tokens[x.start].lowercase for x in cues
    ):
        fire(frame, "sanction.demander-is-no-target")  # "Schweden fordert ein EU-weites Waffenembargo gegen …"
    elif role.adopting and g is own[0] and first.start < cue.start:
        adopt = next((x for x in cues if x.kinds & {"adopt", "impose"} and x.start != cue.start), None)
        if adopt is not None and _negated(view, c, adopt, cue):
            fire(frame, "sanction.not-adopting")  # "Ungarn trägt die EU-Sanktionen nicht mit": Hungary stays out
        elif adopt is not None:
            frame.imposers += g.ids  # "Die Schweiz übernimmt die EU-Sanktionen": adopting them imposes them
            fire(frame, "sanction.adopting-imposes")
        elif lang == "de":
            frame.targets += g.ids  # "Indien treffen die US-Sanktionen hart"
            fire(frame, "sanction.de.object-target")
    elif frame.imposers and lang == "de" and first.kind not in ("adj", "demonym"):
        frame.targets += g.ids  # "Die USA hatten Indien mit Sanktionen gedroht"
        fire(frame, "sanction.de.object-target")
    elif (
        frame.imposers
        and lang == "en"
        and first.start < cue.start
        and "with" in [t.lower for t in tokens[g.members[-1].end : cue.start]]
        and any("threaten" in x.kinds for x in cues)
    ):
        frame.targets += g.ids  # "Washington threatened Ankara with sanctions"
        fire(frame, "sanction.en.threatened-with")
    elif g is own[0] and first.start < cue.start and _not_adopting(view, c, cue):
        fire(frame, "sanction.not-adopting")  # "one of two nations not joining sanctions against Russia"
    elif not frame.imposers and _measure_as_reason(tokens, cue):
        fire(frame, "sanction.measure-as-reason")  # "Wegen der Sanktionen gegen Russland kann Indien …": no imposer
    elif not frame.imposers and (first.start < cue.start or lang == "de"):
        frame.imposers = g.ids
        fire(frame, "sanction.subject-imposes")
    elif lang == "en" and any(
        (x is cue or x.kinds & _MEASURE_VERBS and tokens[x.start].lowercase)
        and x.end <= first.start <= x.end + 3
        and _object_gap(view, x.end, first.start)
        for x in cues
    ):
        frame.targets += g.ids  # "OFAC designated the Houthis", "the committee added three Houthi commanders"
        fire(frame, "sanction.en.object-after-measure")


def _joined_in_measure(view: ClauseView, actor: ActorMention, cue: CueMention) -> bool:
    """ "join Washington in sanctioning", "joined the EU in imposing sanctions": the actor right after a verb of
    joining, then "in" before the measure, is the subject's fellow, not the subject."""
    tokens = view.tokens
    k = actor.start - (2 if actor.article else 1)
    if k < 0 or tokens[k].lemma not in _JOIN_VERBS:
        return False
    end = actor.end
    while end < len(tokens) and end < cue.start and tokens[end].lower != "in":
        end += 1
    return end < cue.start and cue.start - end <= 3


def _after_war_noun(view: ClauseView, actor: ActorMention) -> bool:
    """ "Angriffskrieg gegen die Ukraine", "war against Ukraine": the actor is what a war is waged against."""
    k = actor.start - (2 if actor.article else 1) - 1
    return k >= 0 and view.tokens[k].lower in _WAR_NOUNS


def _absolute_subject(view: ClauseView, g: Group) -> bool:
    """ "with Berlin considering whether to impose sanctions": the actor after "with" is the subject of the
    -ing verb right after it."""
    tokens = view.tokens
    end = g.members[-1].end
    return (
        _prep(g.first, view) in _ABSOLUTE
        and end < len(tokens)
        and tokens[end].lowercase
        and tokens[end].lower.endswith("ing")
    )


def _targets_listed_on(view: ClauseView, frame: Frame, c: int) -> None:
    """ "sanctioned two entities and one individual …, as well as three companies based in the United Arab
    Emirates": the list of those targeted goes on after the comma."""
    tokens, grammar = view.tokens, view.grammar
    nxt = c + 1
    while nxt < view.n and tokens[grammar.clauses[nxt][0]].text in _BRACKETS:
        nxt += 1  # "(SAF)": a parenthesis between the list's parts
    if frame.imposers and nxt < view.n and _continues_objects(view, nxt):
        role = _ClauseRole(False, False, False, [])
        own = groups(view.actors_by_clause[nxt], tokens)
        before = len(frame.targets)
        for g in own:
            _party(view, frame, g, own, frame.trigger, None, role)
        if len(frame.targets) > before:
            fire(frame, "sanction.targets-listed-on")


def _object_gap(view: ClauseView, start: int, end: int) -> bool:
    """Only determiners, numbers and adjectives between a verb and its object."""
    return all(t.lower in _ARTICLES or t.text.isdigit() or t.lower in _SKIPPED for t in view.tokens[start:end])


def _target_of_relative_ban(view: ClauseView, frame: Frame, c: int) -> None:
    """ "United Nations sanctions that ban North Korea from the arms trade", "Sanktionen, die Nordkorea den
    Waffenhandel verbieten": the one a relative clause right after the measure bans is its target."""
    if c + 1 >= view.n:
        return
    start, _ = view.grammar.clauses[c + 1]
    tokens = view.tokens
    opener = next((k for k in range(start, min(start + 2, len(tokens))) if tokens[k].text != ","), start)
    if tokens[opener].lower not in _RELATIVE_OPENERS or opener - frame.trigger.end > 1:
        return
    bans = [x for x in view.cues_by_clause[c + 1] if "prevent" in x.kinds]
    if not bans:
        return
    banned = [
        a.id
        for a in view.actors_by_clause[c + 1]
        if _prep(a, view) is None
        and not a.genitive
        and a.kind not in ("adj", "origin", "demonym")
        and (view.lang == "de" or a.start > bans[0].start)
    ]
    if banned:
        frame.targets += banned[:1]
        fire(frame, "sanction.relative-ban-target")


def _fallback_parties(view: ClauseView, frame: Frame, c: int, chain: list[int]) -> None:
    """Imposer and target from a relative antecedent, the governing or earlier clauses, or a pronoun."""
    tokens, grammar = view.tokens, view.grammar
    _targets_listed_on(view, frame, c)
    if not frame.targets:
        _target_of_relative_ban(view, frame, c)
    if not frame.imposers and _union_members_subject(view, c):
        # "Die EU-Staaten einigten sich auf ein Sanktionspaket", "EU member states agreed on sanctions": the members
        # adopt the Union's measure together; the Union imposes it
        frame.imposers = ["EU"]
        fire(frame, "sanction.union-members-impose")
        return
    if not frame.imposers and _unnamed_subject(view, c):
        # "Die westafrikanische Staatengemeinschaft Ecowas hob … auf": someone the lexicon does not know
        # imposes; no one from the discourse
        frame.no_fill = True
        fire(frame, "sanction.unnamed-subject")
        return
    if not frame.imposers and _council_subject(view, c):
        frame.council = True  # "Der Rat hat weitere Sanktionen verhängt": the EU's or the Security Council
        fire(frame, "sanction.council-imposes")
        return
    if not frame.imposers and (
        _council_subject(view, c, _TREASURY)
        # "Treasury remains prepared to use all available tools against …": the infinitive's governing subject
        or (grammar.infinitive[c] and any(_council_subject(view, ci, _TREASURY) for ci in chain if ci < c))
    ):
        frame.treasury = True  # "The Treasury sanctioned …": the US Treasury, or the one of the story's state
        fire(frame, "sanction.en.treasury-imposes")
        return
    if not frame.imposers:
        antecedent = relative_antecedent(grammar, c, view.actors_by_clause, tokens)
        if antecedent is not None and antecedent.first.kind not in ("adj", "origin"):
            frame.imposers = antecedent.ids  # "… the European Union, which adopted its own sanctions"
            fire(frame, "sanction.relative-pronoun-imposes")
    if not frame.imposers and _passive_measure(view, c):
        reject("sanction.subject-of-earlier-clause", f"clause {c}: a passive measure's agent is not said here")
    elif not frame.imposers:
        _imposer_from_earlier_clause(view, frame, c, chain)
    if not frame.targets and c > 0 and c - 1 not in chain and _opens_with_coordinator(view, c):
        chain = [*chain, c - 1]  # "eased its trade restrictions on Cuba | but kept its arms embargo in place"
        fire(frame, "sanction.coordinated-verb-phrase")
    if not frame.targets:
        for ci in chain:
            coordinated = ci + 1 == c and _opens_with_coordinator(view, c)
            for x in groups(view.actors_by_clause[ci], tokens):
                if _after_war_noun(view, x.first):
                    fire(frame, "sanction.victim-of-war-no-target")  # "den Krieg gegen die Ukraine": the victim
                elif _prep(x.first, view) in TARGET:
                    frame.targets += x.ids
                    fire(frame, "sanction.target-in-governing-clause")
                elif coordinated and _prep(x.first, view) in _DESTINATION:
                    frame.targets += x.ids  # "hat die Budgethilfe für Mali gestrichen und erwägt ein Waffenembargo"
                    fire(frame, "sanction.target-of-coordinated-measure")
    if not frame.targets and view.lang == "en":
        _target_in_purpose_infinitive(view, frame, c)
    if not frame.targets:
        _target_served_by_listed(view, frame, c)
    if not frame.imposers:
        pronoun = pronoun_subject(tokens, grammar, c, chain)
        if pronoun is not None:
            earlier = [a for a in view.mentions.actors if a.end <= pronoun and a.kind not in ("origin", "ref", "adj")]
            if earlier:
                frame.imposers = [earlier[-1].id]
                fire(frame, "sanction.pronoun-antecedent-imposes")
            else:
                frame.pronoun_subject = True


def _imposer_from_earlier_clause(view: ClauseView, frame: Frame, c: int, chain: list[int]) -> None:
    """The imposer from the subject of a governing or earlier clause: not through an infinitive clause, and not a
    subject that only reacts to the measure."""
    tokens, grammar = view.tokens, view.grammar
    for ci in unique_ints(chain + list(range(c - 1, -1, -1))):
        if grammar.infinitive[ci] and ci != c:
            # "wirft Teheran vor, den russischen Krieg … zu unterstützen | und beschließt Strafmaßnahmen": an
            # infinitive clause has no subject of its own to lend
            fire(frame, "sanction.infinitive-lends-no-subject")
            continue
        cand = [
            x
            for x in groups(view.actors_by_clause[ci], tokens)
            if (_prep(x.first, view) is None or _absolute_subject(view, x)) and not x.first.genitive
        ]
        shared = ci == c - 1 and "sanction.coordinated-verb-phrase" in frame.trace
        if cand and _opposes(view, ci) and not shared:  # ("condemned the sale and imposed sanctions": one subject)
            # "praised Israel's decision to halt exports", "vetoed a resolution that would have extended
            # sanctions", "mit dem Versuch gescheitert, … untersagen zu lassen": not the one imposing
            reject("sanction.subject-of-earlier-clause", f"clause {ci}: its subject reacts to the measure")
            return
        if cand:
            frame.imposers = cand[0].ids
            if _absolute_subject(view, cand[0]):
                fire(frame, "sanction.en.with-absolute-subject")
            fire(frame, "sanction.subject-of-earlier-clause")
            _targets_listed_on(view, frame, c)
            return


def _target_in_purpose_infinitive(view: ClauseView, frame: Frame, c: int) -> None:
    """ "halt the granting of new licences | to export arms to Saudi Arabia", "the UN sanctions which are intended |
    to deny Pyongyang revenue": the infinitive after the measure (or its relative clause) names the
    destination of the exports it restricts, or the one its purpose verb acts against."""
    tokens, grammar = view.tokens, view.grammar
    starts = {a.start: a for a in view.actors_by_clause[c]}
    for j in range(frame.trigger.end, grammar.clauses[c][1] - 2):
        # the purpose inside the measure's own clause: "the UN sanctions which are intended to weaken Pyongyang"
        word = tokens[j + 1]
        actor = starts.get(j + 2)
        if (
            tokens[j].lower in _INFINITIVE_MARK
            and (word.lemma in _PURPOSE_AGAINST or word.lower in _PURPOSE_AGAINST)
            and actor is not None
            and _prep(actor, view) is None
        ):
            frame.targets.append(actor.id)
            fire(frame, "sanction.en.target-in-purpose-infinitive")
            return
    for k in range(c + 1, min(c + 3, view.n)):
        if not grammar.infinitive[k]:
            if k == c + 1 and relative_clause(tokens, grammar, k):
                continue  # "the sanctions | which are intended | to deny Pyongyang revenue"
            return
        start, end = grammar.clauses[k]
        verb = next((t for t in tokens[start:end] if t.lower not in _INFINITIVE_MARK), None)
        exports = any(x.kinds & _EXPORT_KINDS for x in view.cues_by_clause[k])
        for g in groups(view.actors_by_clause[k], tokens):
            prep = _prep(g.first, view)
            against = (
                verb is not None
                and (verb.lemma in _PURPOSE_AGAINST or verb.lower in _PURPOSE_AGAINST)
                and prep is None
                and g.first.start == verb.i + 1
            )
            if (exports and prep in _DESTINATION) or against:
                frame.targets += g.ids
                fire(frame, "sanction.en.target-in-purpose-infinitive")
        return


def _target_served_by_listed(view: ClauseView, frame: Frame, c: int) -> None:
    """ "sanctions on companies | that supplied drone parts to Russia", "Sanktionen gegen Firmen, | die Waffen für
    die Huthi beschafft haben": with no target named, the relative clause right after the measure says whom the
    listed parties supply or procure for; the measure keeps goods from reaching them."""
    tokens, grammar = view.tokens, view.grammar
    k = c + 1
    if k >= view.n or grammar.clauses[c][1] != grammar.clauses[k][0] or not relative_clause(tokens, grammar, k):
        return
    if not any(x.kinds & _SERVING_KINDS for x in view.cues_by_clause[k]):
        return
    served = [i for a in view.actors_by_clause[k] if _prep(a, view) in _SERVED for i in [a.id]]
    if served:
        frame.targets += [i for i in dict.fromkeys(served) if i not in frame.imposers]
        fire(frame, "sanction.target-served-by-listed")


_SERVING_KINDS: Final = frozenset({"give", "sell", "buy", "give_noun"})
_SERVED: Final = _DESTINATION | words("prep.for")


def _coordinated_clause(view: ClauseView, c: int) -> bool:
    """A clause opened by a coordinator with a subject of its own (", und auch die EU stoppte …"; not the
    shared subject of "will gegen Belarus vorgehen und plant, …")."""
    return _opens_with_coordinator(view, c) and any(
        _prep(a, view) is None and not a.genitive for a in view.actors_by_clause[c]
    )


def _opens_with_coordinator(view: ClauseView, c: int) -> bool:
    """Clause c opens with "und", "but", ", and" …"""
    start, end = view.grammar.clauses[c]
    ws = [t.lower for t in view.tokens[start : min(end, start + 2)]]
    if _open_question_clause(view, c):
        return False  # "whether | or not to impose": one side of an open question, no coordinated verb phrase
    return c > 0 and bool(ws) and (ws[0] in _COORDINATORS or ws[0] == "," and len(ws) > 1 and ws[1] in _COORDINATORS)


def _open_question_clause(view: ClauseView, c: int) -> bool:
    """Clause c is "or not to …" after "whether": the second half of an open question."""
    start = view.grammar.clauses[c][0]
    return any(whether_or_not(x, view.tokens) and x.start == start + 1 for x in view.cues_by_clause[c])


def _continues_objects(view: ClauseView, c: int) -> bool:
    """Clause c continues the objects: it opens with a list link (", as well as", ", sowie") or is an
    apposition (", a former Serbian intelligence chief"), and has no verb of its own."""
    start, end = view.grammar.clauses[c]
    opener = next((x for x in view.cues_by_clause[c] if x.start <= start + 1), None)
    words_ = [t.lower for t in view.tokens[start : min(end, start + 2)]]
    apposition = len(words_) == 2 and words_[0] == "," and words_[1] in _INDEFINITE
    return (
        (opener is not None and "link" in opener.kinds or apposition)
        and not any(x.kinds & _CONJUNCT_VERBS or x.kinds & _VERB_TRIGGERS for x in view.cues_by_clause[c])
        and not any("say" in x.kinds for x in view.cues_by_clause[c])
    )


def _opposes(view: ClauseView, c: int) -> bool:
    """Whether clause c reacts to, rejects or fails at something (its subject imposes nothing there)."""
    return any(
        x.kinds & {"react", "refuse"} and "lift" not in x.kinds and "prevent" not in x.kinds
        for x in view.cues_by_clause[c]
        if view.tokens[x.start].lowercase
    )


def _unnamed_subject(view: ClauseView, c: int) -> bool:
    """The clause opens with a noun and a name the lexicon does not know, before an active verb: its
    subject is that organisation ("Die westafrikanische Staatengemeinschaft Ecowas hob … auf"), not the
    story's imposer (as "Die Außenminister", "The Treasury" may be)."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    verbs = [x.start for x in view.cues_by_clause[c] if tokens[x.start].lowercase]
    if not verbs or _passive_measure(view, c) or tokens[start].lower not in _ARTICLES:
        return False
    head = [t for t in tokens[start + 1 : verbs[0]] if t.alphabetic]
    while head and head[-1].lowercase:
        head.pop()  # "Ecowas wiederum hob …": an adverb after the subject
    return (
        len(head) >= 2
        and head[-1].capitalised
        and (head[-2].capitalised or view.lang == "en")
        and not any(start <= a.start < verbs[0] for a in view.mentions.actors)
        and not any(start <= x.start < verbs[0] for x in view.mentions.cues)
        and not _council_subject(view, c)
    )


def _union_members_subject(view: ClauseView, c: int) -> bool:
    """The members of the EU, together, as the subject near the start of the measure's clause: "die EU-Staaten",
    "die EU-Außenminister", "EU member states", "EU foreign ministers" (no preposition before them)."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    for j in range(start, min(end, start + 6)):
        if j > 0 and tokens[j - 1].lower in PREPOSITIONS:
            continue
        word = tokens[j].lower
        if view.lang == "de" and word.startswith("eu-") and word[3:] in _UNION_MEMBERS:
            return True
        if (
            view.lang == "en"
            and tokens[j].text == "EU"
            and any(t.lower in _UNION_MEMBERS for t in tokens[j + 1 : j + 3])
        ):
            return True
    return False


_UNION_MEMBERS: Final = words("noun.union-members")


def _council_subject(view: ClauseView, c: int, heads: frozenset[str] = _COUNCIL) -> bool:
    """ "Der Rat", "the Council" (or "the Treasury") as the subject of the measure's clause (no preposition
    before it)."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    named = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    for j in range(start + 1, end):
        tok = tokens[j]
        if tok.lower in heads and tok.capitalised and j not in named and tokens[j - 1].lower in _DEFINITE:
            return j < 2 or tokens[j - 2].lower not in PREPOSITIONS
    return False


def _stops_exports(cue: CueMention, tokens: list[Token], lang: str) -> bool:
    """What a stopping verb must stop to be an export measure: exports, sales or export permits."""
    if "support" in cue.kinds and lang == "en" and cue.start > 0:
        # "suspended military aid to Niamey", "suspended a $3 billion aid package for the Lebanese army"
        return tokens[cue.start - 1].lower in _MILITARY_AID or _aid_for_forces(tokens, cue.end)
    # "paused a shipment of bombs", "refused an export licence for rifles to Peru": one consignment or one licence
    # is refused, no export stop is imposed
    one = any(t.lower in _INDEFINITE for t in tokens[max(0, cue.start - 2) : cue.start])
    if cue.kinds & {"give_noun", "sell"}:
        # a blocked re-export ("Weitergabe", "re-export") is the re-exporter's refused transfer (the contract)
        return cue.lemma not in _REEXPORT and not one
    if "approve" not in cue.kinds or one:
        return False
    word = tokens[cue.start].text
    return word[:1].isupper() if lang == "de" else cue.lemma in _PERMIT_NOUNS  # "Genehmigungen", "licences"


def _aid_for_forces(tokens: list[Token], k: int) -> bool:
    """Is the aid that ends before token k for a state's forces ("aid package for the Lebanese army", "aid to
    Mali's armed forces")? Aid to an army is military aid."""
    for j in range(k, min(k + 2, len(tokens))):
        if tokens[j].lower in _AID_FOR:
            return any(t.lower in _FORCES_AIDED for t in tokens[j + 1 : j + 5] if t.alphabetic)
        if not tokens[j].alphabetic:
            return False
    return False


_AID_FOR: Final = words("prep.aid-for", "en")
_FORCES_AIDED: Final = words("noun.forces-aided", "en")


def _general_goods(items: list[ItemMention], view: ClauseView, c: int) -> bool:
    """Whether what a clause stops is goods in general ("Rüstungsexporte", "arms sales", "goods
    related to ballistic missiles"), the mark of an export measure against a country, rather than
    one counted or named consignment ("the delivery of 48 Eurofighters")."""
    return all(it.designation is None and it.quantity is None for it in items if view.grammar.clause[it.start] == c)


def _sanctioned_adjective(actor: ActorMention, view: ClauseView) -> bool:
    """ "gegen russische Einzelpersonen", "Three North Korean generals were designated" - but not
    "wegen dessen Unterstützung des russischen Angriffskriegs"."""
    if _prep(actor, view) in TARGET:
        return True
    return any(_target_noun(t, view.lang) for t in view.tokens[actor.end : actor.end + 3])


def _company_noun(tok: Token, lang: str) -> bool:
    """A company noun, also as the head of a German compound ("den staatlichen Ölkonzern")."""
    if tok.lower in _COMPANY_NOUNS or tok.lemma in _COMPANY_NOUNS:
        return True
    return lang == "de" and tok.capitalised and tok.lower.endswith(_COMPANY_ENDINGS)


def _unowned_target_noun(view: ClauseView, j: int) -> bool:
    """ "Richter in Belarus", "firms based in Hong Kong": the place names the target, unless the noun
    already names whose they are ("Wagner-Kommandeure in Mali", "Islamic State commanders in Somalia")."""
    return _target_noun(view.tokens[j], view.lang) and not any(
        a.start <= j < a.end or a.end == j for a in view.mentions.actors
    )  # "Islamic State commanders in Somalia", "iranische Offiziere in Syrien": the owner is named


def _target_noun(tok: Token, lang: str) -> bool:
    """A noun for firms or people a measure may target, inflected or as the head of a compound
    ("Richter", "Rüstungskonzernen", "money changers", "shipping companies")."""
    word = tok.lower
    if word in _TARGET_NOUNS or tok.lemma in _TARGET_NOUNS:
        return True
    endings = _INFLECTION_DE if lang == "de" else _INFLECTION_EN
    for stem in _TARGET_STEMS:
        at = word.rfind(stem)
        if at >= 0 and (at == 0 or tok.capitalised) and (word[at + len(stem) :] in endings):
            return True
    return False


def _linked_to(view: ClauseView, start: int) -> bool:
    """ "measures against people linked to the Assad government", "firms tied to Iran's Revolutionary Guards": the
    state or group those targeted are linked to is the target."""
    tokens = view.tokens
    j = start - 1
    while j > 0 and tokens[j].lower in _ARTICLES:
        j -= 1
    if j < 2 or tokens[j].lower not in _LINK_PREPS or tokens[j - 1].lower not in _LINKED:
        return False
    return _unowned_target_noun(view, j - 2)


def _before_prep(tokens: list[Token], start: int) -> int:
    """The word before the place preposition of the actor at start, past a participle ("firms based in")."""
    j = start - 1
    while j > 0 and tokens[j].lower not in _PLACE_PREPS:
        j -= 1
    j = max(j - 1, 0)
    if j > 0 and tokens[j].lower in _LOCATED:
        j -= 1
    return j


_REASON_BEFORE_MEASURE: Final = words("prep.reason-for-measure-noun")


def _measure_as_reason(tokens: list[Token], cue: CueMention) -> bool:
    """A measure noun governed by a preposition of reason ("wegen der Sanktionen gegen Russland", "because of the
    sanctions on Russia"): the measure is why something happens, and the clause's subject does not impose it."""
    for k in range(cue.start - 1, max(-1, cue.start - 4), -1):
        if tokens[k].lower in _REASON_BEFORE_MEASURE:
            return True
        if not (tokens[k].alphabetic and tokens[k].lowercase):
            return False  # "wegen des Krieges Sanktionen": the preposition governs another noun
    return False
