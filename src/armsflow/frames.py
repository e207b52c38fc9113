"""Triggers, goods and modality: candidate transfer frames per clause.

A frame is one trigger (a verb or noun of supplying, receiving, buying …) with the goods it
governs, the actors in their roles (``roles.py``) and the modality cues in its scope. The stage
runs as a sequence of named decisions, each recorded on the frame's trace:

1. item owners: goods in a clause without a trigger attach to the clause whose verb governs them;
2. the lead trigger of each clause (``trigger.*``);
3. the goods of the frame (``item.*``), with filters for goods used rather than sent;
4. modality in scope (``mod.*``): hedges, intentions, governing verbs, conditions;
5. voice and roles (``grammar.*``, ``roles.*``);
6. frames across clauses: participles after the goods, answers to requests (``frames.*``).

Sanction frames are built in ``sanctions.py``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Final

from armsflow.frame import (
    GIVE,
    GIVE_OR_RECEIVE,
    MODIFIERS,
    PRIORITY,
    REACHING,
    RECEIVE,
    TRIGGERS,
    TRIGGERS_BUT_APPROVE,
    TRIGGERS_BUT_USE,
    TRIGGERS_OR_MODIFIERS,
    Frame,
    fire,
    reject,
)
from armsflow.grammar import (
    IRREGULAR_PARTICIPLES,
    ClauseView,
    Group,
    SentenceGrammar,
    analyse,
    appositive,
    aspectual,
    can_act,
    dependent,
    english_participle,
    german_participle,
    governor_chain,
    groups,
    participial,
    partitive,
    passive,
    pronoun_subject,
    question,
    relative_clause,
    unique,
)
from armsflow.lexicons import word_list, word_stems, word_values, words
from armsflow.mentions import (
    ARTICLES,
    GROUP,
    PREPOSITIONS,
    ROLE_NOUNS,
    ActorMention,
    CueMention,
    ItemMention,
    Mentions,
    deal_compound,
    is_reference,
    meets,
    replaced_by_at,
)
from armsflow.roles import (
    FROM,
    TO,
    USED_BY,
    assign_transfer_roles,
    counted_after,
    owner_demonyms,
    service_roles,
    trainees,
)
from armsflow.sanctions import (
    STOP_VERBS,
    authorized_dealings,
    reason_span,
    sanction_frames,
    stop_negated,
    whether_or_not,
)
from armsflow.text.clauses import abbreviation_at
from armsflow.text.mood import counterfactual, polar_questions
from armsflow.text.segment import Token, word_class
from armsflow.text.segment import token as build_token

_COORD_SPEAKER: Final = words("conj.and")
_GIVING_OR_CARRIER: Final = frozenset({"give_noun", "carrier"})  # cue kinds
_COORDINATORS: Final = words("conj.coordinating-verbs")
_AT_WORK: Final = words("verb.personnel-at-work", "en")
_MEMORANDUM: Final = words("noun.memorandum", "en")
_WITH: Final = words("prep.with", "en")
_TOGETHER: Final = words("adverb.together-with-goods", "en")
_AUX_AFTER_NEGATION: Final = words("aux.after-negation", "en")
_TRANSFER_NOUN_KINDS: Final = frozenset({"sell", "give_noun", "deal", "order"})
_SERVE: Final = frozenset({"serve"})
_TRIGGERS_OR_SERVE: Final = TRIGGERS | _SERVE
_BUILD_FOR: Final = words("verb.build")
_OPEN_PLANT: Final = words("verb.open-plant")
# Modality that leaves a plant unopened: to come, intended, promised, weighed, asked for or negated
_PLANT_NOT_YET: Final = frozenset({"future", "intend", "promise", "consider", "request", "negation"})
_EXPECT: Final = words("verb.expect")
_SIGN: Final = words("verb.sign", "en")
_WITHOUT: Final = words("prep.without", "en")
_MODALS: Final = words("aux.modal", "en")
_APPLICATION: Final = words("noun.application", "en")
_APPLICATION_DE: Final = tuple(word_list("suffix.application", "de"))
_EXPORT_STEMS_DE: Final = tuple(word_list("stem.export", "de"))
_CLAIM_NOUNS: Final = words("noun.claim", "en")
_RELATIVE_EN_CLAIM: Final = words("pronoun.relative", "en")
_LAUNCH: Final = words("verb.launch")
_IN_SERVICE: Final = words("verb.in-service")
_ONSET: Final = words("verb.onset")
# what keeps a purchase from being a past fact, in its own clause or in a relative clause on its goods
_NOT_YET_BOUGHT: Final = frozenset({"future", "intend", "promise", "consider", "negation", "request", "refuse", "deny"})
_RESPECTIVELY: Final = words("conj.respectively")
_DEAL_BACK: Final = words("determiner.deal-named-before")
_TARGET_NOUNS: Final = words("noun.weapon-target")
_ASKS_ONLY_WITH: Final = words("verb.asks-only-with-for", "en")
_AMOUNT_VERBS: Final = words("verb.amount-to")
_SALES_NOUNS: Final = words("noun.sales-total")
_ASK_PREPS: Final = words("prep.asked-for", "en")
_MODAL_INFINITIVES: Final = words("verb.modal-infinitive", "de")
_DEFINITE_SINGULAR: Final = words("article.definite-singular")
_A: Final = words("article.indefinite", "en")
_LICENCE_NOUNS: Final = words("noun.production-licence")
_LICENCE_PREPS: Final = words("prep.under-licence")
_EXPORT_LICENCES: Final = tuple(word_list("suffix.export-licence", "de"))
_PURPOSE_FOR: Final = words("prep.for", "de")
_VALUE_NOUNS: Final = words("noun.value-of-goods", "de")
_PLAN_NOUNS: Final = words("noun.plan")
_YEAR_PREPS: Final = words("prep.before-year")
_FUNDING_PARTICIPLES: Final = words("participle.funding", "en")
_ARTICLES_EN: Final = words("article.any", "en")
_SERVICE_WITH: Final = words("phrase.service-with", "en")
_HOLDER_PREPS: Final = words("prep.holder", "en")
_REPLACE_VERBS: Final = words("lemma.replace")
_COMPLEMENTIZERS_EN: Final = words("pronoun.relative", "en") | words("conj.subordinating", "en")
_CRITICISING: Final = words("verb.criticise", "en")
_DEAL_NOUNS: Final = words("noun.deal")
_SET_OFF_MARKS: Final = words("punct.set-off")
_BUILT_PARTICIPLES: Final = tuple(sorted(words("participle.built")))
_PLACE_PREPS: Final = words("prep.in-place")
_GAP_ENDS: Final = words("punct.gapped-conjunct-end")
_GAP_SUBJECTS: Final = frozenset({"name", "capital", "metonym", "org"})  # actor kinds that name a party
_GOODS_FROM: Final = words("prep.goods-from")
_DE_FROM: Final = words("prep.from", "de")
_PAST_TENSE_ENDINGS: Final = tuple(word_list("suffix.past-tense", "de"))
_GAP_CONJ: Final = words("conj.subject-gap", "de")
_SUBJECT_PRONOUNS: Final = words("pronoun.subject", "de")
_DE_ORIGIN_AFTER: Final = words("prep.goods-origin-after-participle", "de")
_SERVICE_OBJECT: Final = words("prep.service-object", "de")
_FRAMING: Final = words("prep.framing")
_ACCORDING_TO: Final = words("prep.according-to")
_UNDER_DEAL: Final = words("prep.under-deal")
_RESTRICTION_NOUNS: Final = words("noun.export-restriction")
_DETERMINERS_BEFORE_NOUN_EN: Final = words("determiner.before-noun", "en")
_CONDITIONAL: Final = words("aux.conditional")
_NOT_ONLY: Final = words("adverb.not-only")
_POPULATION_SHARE: Final = words("noun.population-share")
_INSTEAD_OF: Final = words("prep.instead-of")
_INSTEAD_OF_FIRSTS: Final = frozenset(w.split()[0] for w in _INSTEAD_OF if " " in w)  # "instead" of "instead of"
_INSTEAD_OF_ANY: Final = word_class(_INSTEAD_OF) | word_class(_INSTEAD_OF_FIRSTS)
_PERFECT_FINITE: Final = words("aux.perfect-finite", "en")
_UNTIL: Final = words("conj.until")
_EVALUATIVE: Final = words("verb.evaluative")
_RESTRICTION_LINKS: Final = words("function.restriction-link")
_DESPITE: Final = words("prep.despite")
_ATTRIBUTIVE_DOUBT: Final = words("adj.attributive-doubt")
_BUILDING: Final = words("noun.building")
_AWAIT: Final = words("verb.await", "en")
_WH_RELATIVE: Final = words("pronoun.relative-wh", "en")
_NOT_LIST_NAMES: Final = frozenset({"adj", "origin", "demonym", "person", "title"})
_VALUE_WORDS: Final = words("word.value", "en")
_RELATIVE_ON_GOODS: Final = words("pronoun.relative-object", "en")
_SUBJECT_PRONOUNS_EN: Final = words("pronoun.subject", "en")
_SERVICE_PREDICATES: Final = words("participle.in-service", "en")
_SERVICE_ENTRY: Final = words("verb.enter-service", "en")
_SERVICE_NOUN: Final = words("noun.service", "en")
_HOLD_GOODS: Final = words("verb.hold-goods", "en")
_PHRASE_BREAKS: Final = words("punct.phrase-break", "en")
_PHRASE_ENDERS: Final = words("word.participle-phrase-end", "en")
_LIST_OPENERS: Final = words("list.opener")
_LIST_FILLERS: Final = words("list.filler")
_RELATIVE_OR_SUBORDINATE: Final = words("pronoun.relative", "en") | words("pronoun.interrogative", "en")
_LIST_QUANTIFIERS: Final = words("list.quantifier")
_PURPOSE_PREPS: Final = words("prep.purpose")
_RELATIVE: Final = words("pronoun.relative-object")
_OWN: Final = words("pronoun.possessive")
_MISSION_STEMS: Final = word_stems("noun.alliance-mission")
_NOT_YET_BEFORE: Final = words("adverb.not-yet-before")
_NOT_YET_AFTER: Final = words("adverb.not-yet-after", "en")
_PLAIN_NEGATIONS: Final = words("negation.not-yet")
_WITH_ABSOLUTE: Final = words("prep.with-absolute", "en")
_PENDING_NEGATIONS: Final = words("negation.pending", "de")
_REMAINDER: Final = words("pronoun.remainder")
_NOUNISH_EN: Final = words("function.after-remainder", "en")
_ORDINAL_PART_EN: Final = words("quantifier.partitive-ordinal", "en") - words("pronoun.remainder", "en")
_ONE_WORDS: Final = words("pronoun.one", "en")
_FINITE_AFTER_PART: Final = words("verb.finite-after-name", "en")
_ITEM_PRONOUNS: Final = words("pronoun.goods")
_BEFORE_BARE_COUNT: Final = words("determiner.before-bare-count", "en")
_AFTER_BARE_COUNT: Final = words("function.after-bare-count", "en")
_EXPLETIVE: Final = words("pronoun.expletive", "de")
_EXISTENTIAL: Final = words("verb.existential", "de")
_LIGHT_VERBS: Final = words("verb.de.light", "de")
_LIGHT_NOUNS: Final = words("noun.de.light-verb-object", "de")
_LIGHT_VERBS_EN: Final = words("verb.en.light", "en")
_LIGHT_NOUNS_EN: Final = words("noun.en.light-verb-object", "en")
_DETERMINER_PRONOUNS: Final = words("pronoun.demonstrative-determiner")
_DETERMINER_PRONOUNS_EN: Final = words("pronoun.demonstrative-determiner", "en")
_SUPPORT_WITH: Final = words("prep.support-with")
_TRAINING_ON: Final = words("prep.training-on")
_AGAINST: Final = words("prep.against-plan")
_DETERMINERS_BEFORE_NOUN: Final = words("article.before-transfer-noun")
_BUILT_IN: Final = words("verb.build-in", "en")
_SHARE_WORDS: Final = words("noun.share", "en")
_SPEAKING: Final = words("verb.speaking", "en")
_NEEDED_FOR: Final = words("participle.needed-for", "en")
_TO_INFINITIVE: Final = words("particle.infinitive", "en")
_POSSESSIVE_OPENING: Final = words("pronoun.possessive-opening", "en")
_EN_PREPOSITIONS: Final = words("prep.any", "en") - words("prep.with") - words("prep.of", "en")
_THAT_EN: Final = words("conj.that-finding", "en")
_INTO: Final = words("prep.into-host", "en")
_ANNOUNCE: Final = words("verb.announce", "en")
_COPULA: Final = words("verb.copula")
_MEMBERSHIP_VERBS: Final = words("verb.membership", "de")
_MEMBER_ARTICLES: Final = words("article.dative-plural", "de")
_PERMISSION_MODALS: Final = words("verb.permission-modal", "de")
_TOPIC_PREDICATE: Final = words("noun.topic-predicate", "de")
_ATTRIBUTIVE_DETERMINERS: Final = words("determiner.before-attributive-participle", "de")
_ATTRIBUTIVE_ENDINGS: Final = tuple(word_list("suffix.participle-attributive", "de"))
_CONDITION_OPENERS: Final = words("conj.condition-sentence")
_CONDITION_CLAUSE: Final = words("conj.condition-clause")
_PERFECT_AUX: Final = words("aux.perfect-infinitive", "de")
_INFINITIVE_PARTICLE: Final = words("particle.infinitive", "de")
_PRESENT_PASSIVE: Final = words("aux.present-passive", "de")
_FAIL: Final = words("verb.fail", "de")
_TO_INSTITUTION: Final = words("prep.to-institution", "de")
_FURTHER: Final = words("adj.further-deliveries", "de")
_TO_BUILD: Final = words("prep.to-build", "de")
_IMPERSONAL: Final = words("pronoun.impersonal", "de")
_ABOUT: Final = words("prep.about-topic", "de")
_STATE_AUX: Final = words("aux.state-passive", "de")
_STATIONING_VERBS: Final = words("lemma.stationing")
_VEHICLE_NOUNS: Final = tuple(sorted(words("noun.vehicle", "de")))
_GENITIVE_RELATIVE: Final = words("pronoun.relative-genitive", "de")
_RELATIVE_DE: Final = words("pronoun.relative", "de")
_QUESTION_OPENERS: Final = words("conj.whether")
_UNCLEAR: Final = words("adjective.unclear")
_SCHEDULE_PREPS: Final = words("prep.schedule", "de")
_IN_MONTH: Final = words("prep.in-month", "de")
_MONTHS_DE: Final = words("noun.month", "de")
_SCHEDULE_ADVERBS: Final = words("adverb.schedule", "de")
_SCHEDULE_POINTS: Final = words("noun.time", "de") | words("noun.schedule-point", "de")
_TRAIN: Final = words("verb.train")
_COUNT_WORDS: Final = {w: int(v) for w, v in word_values("number.small").items()}
_EXCHANGE_NOUNS: Final = words("noun.exchange")
_EXCHANGE_FOR: Final = words("prep.exchange-for")
_EXCHANGE_BEFORE: Final = words("prep.before-exchange")
_IMPLIED: Final = {w: v.split(":") for w, v in word_values("verb.implies-goods").items()}
_BARE_DELIVERY_NEXT: Final = words("prep.after-delivery-noun")
_BARE_DELIVERY_TO: Final = words("prep.delivery-destination")
_PARTICIPLE_AGENT: Final = words("prep.participle-agent", "en")
_PARTICIPLE_TO: Final = words("prep.participle-recipient", "en")
_DESTINATION: Final = words("prep.carry-destination")
_FOR: Final = words("prep.for")
_HEAD_AFTER_TRADE_NOUN: Final = words("noun.head-after-trade-noun", "en")
_OPTION_NOUNS: Final = words("noun.option", "en")
_ALLOW: Final = words("verb.allow", "en")
_AFTER_REQUEST: Final = words("prep.after-request", "en")
_OF_REQUESTER: Final = words("prep.of-requester", "en")
_IN: Final = words("prep.in-place")
_AGENT_OR_PLACE: Final = words("prep.after-describing-participle")
_COMPARATIVE_QUANTIFIERS: Final = words("word.comparative-quantifier", "en")


# --------------------------------------------------------------------------- the stage


def _training_beside_supply(view: ClauseView, frame: Frame) -> list[Frame]:
    """ "Turkey will train Syria's new army and supply it with weapons": a verb of training coordinated with
    a verb of supplying leads the clause and takes the supplying verb's goods; the trainers it sends are a
    transfer of their own, with the same parties and modality."""
    if view.lang != "en" or frame.trigger.lemma not in _TRAIN or not frame.suppliers or not frame.recipients:
        return []
    if any(it.category == "personnel" for it in frame.items):
        return []
    tokens = view.tokens
    other = [
        x
        for x in view.cues_by_clause[frame.clause]
        if "give" in x.kinds and x.start > frame.trigger.end and x.lemma not in _TRAIN
    ]
    if not other or not all(it.start > other[0].start for it in frame.items):
        return []
    if not any(tokens[j].lower in _COORDINATORS for j in range(frame.trigger.end, other[0].start)):
        return []
    trig = frame.trigger
    trainers = replace(
        frame,
        items=[ItemMention(trig.start, trig.end, "personnel", text=tokens[trig.start].text)],
        suppliers=list(frame.suppliers),
        recipients=list(frame.recipients),
        modifiers=set(frame.modifiers),
        trace=[*frame.trace, "item.training-beside-supply"],
    )
    return [trainers]


def build_frames(
    tokens: list[Token], mentions: Mentions, lang: str, speaker_tokens: set[int], sanction_story: bool = False
) -> list[Frame]:
    """Frames of one sentence; actors inside the speaker phrase take no role,
    except as the referent of "it"/"es" ("The Netherlands said it would …")."""
    grammar = analyse(tokens, mentions, lang)
    view = _view(tokens, grammar, mentions, lang, speaker_tokens)
    frames: list[Frame] = []
    # "… MiG-29s bought from Belarus": a participle after the goods, with its own agent, is its own frame
    participles = participle_frames(tokens, mentions, lang) if lang == "en" else []
    participle_starts = {f.trigger.start for f in participles}
    owners = item_owners(view)
    for c in range(view.n):
        frame = _clause_frame(view, c, owners, participle_starts, frames)
        if frame is not None:
            gapped = _gapped_conjunct(view, frame, participle_starts, frames)
            frames.extend(gapped or [frame])
            frames.extend(_training_beside_supply(view, frame))
            if not gapped:
                frames.extend(_gapped_goods_with_party(view, frame))
    frames[:] = [g for f in frames if f.items for g in _respectively(view, f)]
    _infinitive_continues_transfer(view, frames)
    for frame in frames:
        _trailing_agents(view, frame)
    if participles:
        _merge_participles(frames, participles)
    frames.extend(answer_frames(view, frames))
    frames.extend(sanction_frames(view, sanction_story))
    return _mood(view, frames)


_REPORTING: Final = frozenset({"say", "according", "hearsay", "accuse", "report"})


def _mood(view: ClauseView, frames: list[Frame]) -> list[Frame]:
    """Frames in a stretch that asserts nothing: a yes/no question ("Hat Nordkorea … geliefert?",
    "Will the EU impose sanctions …?") asks whether the transfer or measure exists; a counterfactual
    ("hätte … exportieren können", "a resolution that would have blocked …") says it did not happen."""
    spans = polar_questions(view.tokens, view.lang)
    for frame in frames:
        if any(a <= frame.trigger.start < b for a, b in spans):
            frame.question = True
            fire(frame, "mod.polar-question")
    if any("retract" in cue.kinds for cue in view.mentions.cues):
        # "Korrektur: In einer früheren Fassung hieß es, …": what an earlier version said is withdrawn
        for frame in frames:
            reject("filter.retracted-claim", f"{frame.trigger.lemma!r} in a withdrawn claim")
        return []
    reported = any(meets(cue.kinds, _REPORTING) for cue in view.mentions.cues)
    kept: list[Frame] = []
    for frame in frames:
        if 0 <= frame.clause < view.n and _counterfactual(view, frame, reported):
            reject("filter.counterfactual", f"clause {frame.clause}: {frame.trigger.lemma!r} would have been")
            continue
        kept.append(frame)
    return kept


def _counterfactual(view: ClauseView, frame: Frame, reported: bool) -> bool:
    """The frame's clause (or, for an infinitive, the clause governing it) is a Konjunktiv II past or a
    "would have": what it says did not happen."""
    grammar, c = view.grammar, frame.clause
    clauses = [c]
    if grammar.infinitive[c] and c > 0:
        clauses.append(c - 1)  # "Seoul would have been ready | to ship shells"
    return any(counterfactual(view.tokens, *grammar.clauses[k], view.lang, reported) for k in clauses)


def _view(
    tokens: list[Token], grammar: SentenceGrammar, mentions: Mentions, lang: str, speaker_tokens: set[int]
) -> ClauseView:
    n = len(grammar.clauses)
    cues_by_clause: list[list[CueMention]] = [[] for _ in range(n)]
    for cue in mentions.cues:
        cues_by_clause[grammar.clause[cue.start]].append(cue)
    items_by_clause: list[list[ItemMention]] = [[] for _ in range(n)]
    for item in mentions.items:
        items_by_clause[grammar.clause[item.start]].append(item)
    if speaker_tokens and any(
        tokens[start].lower in _COORD_SPEAKER and any(t in speaker_tokens for t in range(*grammar.clauses[c - 1]))
        for c, (start, _) in enumerate(grammar.clauses)
        if c > 0 and start < len(tokens)
    ):
        # "Die USA haben Bedenken geäußert und drohen mit Sanktionen": the speaker is also the subject
        # of the coordinated clause, not only the source of a reported claim
        speaker_tokens = set()
    elif speaker_tokens and lang == "de" and _speaker_controls_infinitive(grammar, mentions, speaker_tokens):
        # "Katar hat bestätigt, zwölf Eurofighter zu bestellen", "erklärte, … kaufen zu wollen": who says it
        # will do what the zu-infinitive says (subject control); it stays the source as well
        speaker_tokens = set()
    # a mention any of whose tokens belongs to the speaker phrase ("the defence ministry said") takes no role
    actors = [
        a
        for a in mentions.actors
        if a.kind != "origin"
        and not any(i in speaker_tokens for i in range(a.start, a.end))
        and not (lang == "en" and _funder(tokens, a.start))
    ]
    actors_by_clause: list[list[ActorMention]] = [[] for _ in range(n)]
    for actor in actors:
        actors_by_clause[grammar.clause[actor.start]].append(actor)
    return ClauseView(tokens, grammar, mentions, lang, cues_by_clause, items_by_clause, actors_by_clause)


def _speaker_controls_infinitive(grammar: SentenceGrammar, mentions: Mentions, speaker_tokens: set[int]) -> bool:
    """A zu-infinitive clause right after the clause holding the speaker phrase and a verb of saying whose
    subject does what the infinitive says ("bestätigte, … zu bestellen"; not "warnte Iran, … zu liefern")."""
    return any(
        grammar.infinitive[c]
        and any(t in speaker_tokens for t in range(*grammar.clauses[c - 1]))
        and any(_subject_control_saying(x) and grammar.clause[x.start] == c - 1 for x in mentions.cues)
        for c in range(1, len(grammar.clauses))
    )


_OBJECT_CONTROL_SAYING: Final = words("verb.object-control-saying", "de")


def _subject_control_saying(cue: CueMention) -> bool:
    """A German verb of saying or confirming whose subject does what its zu-infinitive says: not one that
    accuses, warns, asks or urges someone else to do it."""
    return "say" in cue.kinds and "accuse" not in cue.kinds and cue.lemma not in _OBJECT_CONTROL_SAYING


def _funder(tokens: list[Token], start: int) -> bool:
    """ "tanks from a batch financed by Germany", "shells paid for by the Netherlands": who pays for goods bought
    elsewhere is no party of the transfer (the seller's state supplies)."""
    k = start - 1
    if k >= 0 and tokens[k].lower in _ARTICLES_EN:
        k -= 1
    if k < 1 or tokens[k].lower != "by":
        return False
    k -= 1
    if tokens[k].lower == "for" and k > 0:
        k -= 1  # "paid for by"
    return tokens[k].lower in _FUNDING_PARTICIPLES


def _compound_goods_yield(lead: CueMention, items: list[ItemMention], trace: list[str]) -> list[ItemMention]:
    """ "ein Rüstungsgeschäft mit Kolumbien über zwölf Hubschrauber": goods in general that a deal compound names yield
    to the goods the deal is about; one deal, of those. (Deliveries and exports in general stay beside the goods
    named with them, "Waffenlieferungen, darunter Kampfpanzer", as the contract's annotators keep both.)"""
    if not deal_compound(lead.lemma):
        return items
    general = [it for it in items if it.start == lead.start and it.category == "military-equipment"]
    if not general or len(general) == len(items):
        return items
    trace.append("item.compound-goods-yield-to-named")
    return [it for it in items if it not in general]


def _clause_frame(
    view: ClauseView, c: int, owners: dict[int, tuple[int, str]], participle_starts: set[int], frames: list[Frame]
) -> Frame | None:
    """The transfer frame of clause c, or None when the clause has no trigger, goods or assertion."""
    lead = choose_lead(view, c, participle_starts)
    if lead is None:
        return None
    lead_cue, lead_kind, trace = lead
    if (
        view.lang == "en"
        and lead_cue.end < len(view.tokens)
        and view.tokens[lead_cue.end].lower in _HEAD_AFTER_TRADE_NOUN
        and not view.tokens[lead_cue.start].text.endswith("ing")
    ):
        # "it has a sales pitch", "the export office": the trade noun only modifies the noun after it
        reject(
            "filter.trade-noun-modifies", f"clause {c}: {lead_cue.lemma!r} before {view.tokens[lead_cue.end].text!r}"
        )
        return None
    items = frame_items(view, c, owners, lead_cue, lead_kind, trace)
    if not items:
        reject("filter.no-goods", f"clause {c}: trigger {lead_cue.lemma!r} without goods")
        return None
    if _rejected_before_modality(view, c, lead_cue, lead_kind, trace, items):
        return None
    items = _compound_goods_yield(lead_cue, items, trace)
    frame = Frame("transfer", lead_cue, lead_kind, c, items)
    frame.trace = trace
    frame.aside = _relative_on_party(view, c, lead_cue)
    if view.lang == "en" and any(
        view.grammar.clause[a.start] in (c, c + 1) and _funder(view.tokens, a.start) for a in view.mentions.actors
    ):
        # the payer, in the clause or an appended participle ("…, paid for by Denmark"), was left out of the
        # actors that can take a role (_view)
        fire(frame, "roles.en.funder-is-no-party")
    governors = governor_chain(view.grammar, view.cues_by_clause, view.items_by_clause, TRIGGERS, c)
    set_modifiers(view, frame, governors)
    if _rejected_by_scope(view, c, frame, governors, lead_kind) or _rejected_as_restriction(view, c, frame):
        return None
    _frame_roles(view, frame, governors, owners, frames, lead_kind)
    return frame


def _own_goods_on_mission(view: ClauseView, items: list[ItemMention]) -> bool:
    """Goods after a possessive ("their jets", "seine Kampfjets") sent in a sentence that names an alliance mission
    or an exercise ("NATO-Ostflanke", "air policing", "Manöver")."""
    tokens = view.tokens
    if not any(it.start > 0 and tokens[it.start - 1].lower in _OWN for it in items):
        return False
    return any(t.lower.endswith(_MISSION_STEMS) for t in tokens)


def _rejected_before_modality(
    view: ClauseView, c: int, lead_cue: CueMention, lead_kind: str, trace: list[str], items: list[ItemMention]
) -> bool:
    """Whether the clause's trigger, with its goods, states no transfer whatever its modality: goods stationed,
    vehicles that only move, "es geht um", pressing on, reaching targets, another act allowed, an option, a
    participle describing the goods."""
    if (
        lead_cue.lemma in _STATIONING_VERBS
        and all(it.category != "personnel" for it in items)
        and "trigger.deploy-foreign-goods" not in trace
    ):
        # "deployed a Patriot battery in Lithuania", "verlegt Patriot-Staffeln nach Polen": weapons deployed stay
        # under the sender's command (stationing); only forces deployed to serve with another are transferred
        reject("filter.deployed-goods-stationed", f"clause {c}: {lead_cue.lemma!r} deploys goods, not forces")
        return True
    if lead_kind == "give" and _own_goods_on_mission(view, items):
        # "haben ihre Kampfflugzeuge nach Bulgarien entsandt, um die NATO-Ostflanke zu verteidigen": one's own
        # aircraft sent on an alliance mission or exercise stay under one's own command (stationing)
        reject("filter.own-goods-on-mission", f"clause {c}: {lead_cue.lemma!r} sends its own goods on a mission")
        return True
    if (
        view.lang == "de"
        and "trigger.carry-to" in trace
        and all(it.end <= lead_cue.start and view.tokens[it.start].lemma.endswith(_VEHICLE_NOUNS) for it in items)
    ):
        # "Frachtflugzeuge der Fluggesellschaft Silk Way seien nach Baku geflogen": the vehicles themselves fly;
        # what they carry is not named
        reject("filter.de.vehicle-without-cargo", f"clause {c}: {lead_cue.lemma!r} moves only its vehicles")
        return True
    if view.lang == "de" and lead_kind == "go" and _about_idiom(view.tokens, lead_cue):
        # "ging es um mehr als eine Modernisierung": "es geht um" says what something is about; nothing goes
        reject("filter.de.es-geht-um", f"clause {c}: {lead_cue.lemma!r} in 'es geht um'")
        return True
    if lead_kind == "request" and _pressing_on(view, lead_cue):
        # "as the Kremlin presses its invasion": pressing on with something asks nobody for anything
        reject("mod.en.pressing-on", f"clause {c}: {lead_cue.lemma!r} without 'for' or 'to'")
        return True
    if lead_kind == "arrive" and _reaches_targets(view, c):
        # "mit den Zielen, die dieses System erreicht", "can reach targets deep inside Russia": the weapon's
        # range or use, nothing delivered
        reject("filter.reaches-targets", f"clause {c}: {lead_cue.lemma!r} reaches targets")
        return True
    if _allowed_other_act(view, c, lead_cue, items):
        # "Colombo allowed Chinese research vessels to call at its ports": what is allowed is another act
        reject("filter.en.allowed-other-act", f"clause {c}: {lead_cue.lemma!r} allows no transfer")
        return True
    if _under_option(view, c):
        # "with an option to buy two more if needed": an option names what may be bought later, nothing
        # concluded or planned
        reject("filter.en.option-to-buy", f"clause {c}: {lead_cue.lemma!r} under an option")
        return True
    if _en_attributive_participle(view, c, lead_cue, items):
        # "the exported F-35 parts are used in violations": the participle describes the goods; the clause
        # is about something else and names nobody
        reject("filter.en.attributive-participle", f"clause {c}: {lead_cue.lemma!r} describes its goods")
        return True
    return False


def _rejected_by_scope(view: ClauseView, c: int, frame: Frame, governors: list[int], lead_kind: str) -> bool:
    """Whether what governs the frame makes it no transfer (a failed attempt, a call to stop, a condition, an
    export applied for, a licence for dealings), after mending what the negation or an application decides."""
    lead_cue = frame.trigger
    if "negation" in frame.modifiers and _negation_of_another_verb(view, c, lead_cue):
        # "the sale of equipment and support does not alter the military balance": the negation denies what the
        # sale does, not the sale
        frame.modifiers.discard("negation")
        fire(frame, "mod.en.negated-other-verb")
    if view.grammar.infinitive[c] and any(
        view.tokens[i].lemma in _FAIL for k in governors for i in range(*view.grammar.clauses[k])
    ):
        # "ist mit dem Versuch gescheitert, deutsche Waffenlieferungen an Israel untersagen zu lassen": what an
        # attempt that failed aimed at did not happen
        reject("filter.failed-attempt", f"clause {c}: {lead_cue.lemma!r} under a failed attempt")
        return True
    if (
        view.grammar.infinitive[c]
        and any(
            "refuse" in x.kinds and (x.start > lead_cue.start if view.lang == "de" else x.start < lead_cue.start)
            for x in view.cues_by_clause[c]
        )
        and any("request" in x.kinds for k in governors for x in view.cues_by_clause[k])
    ):
        # "forderte Israel auf, die Rüstungsexporte an Baku einzustellen", "urged Israel to stop arms exports to
        # Baku": a call to stop a transfer states no transfer of its own
        reject("filter.asked-to-stop", f"clause {c}: {lead_cue.lemma!r} asked to be stopped")
        return True
    if _condition_clause(view, c) and not frame.modifiers & {"consider", "intend"}:
        # "droht mit Strafen, falls China Russland mit Waffen beliefert": a condition, no event
        reject("filter.condition-clause", f"clause {c}: {lead_cue.lemma!r} inside a condition")
        return True
    if "trigger.de.export-application" in frame.trace:
        frame.modifiers.discard("request")  # the application is the exporter's, no request of the recipient
        if not frame.modifiers & {"refuse", "approve"}:
            # "zwei Anträge auf Ausfuhr … an Polizeibehörden in Honduras, die … versagt wurden": the decision on
            # the applications in the relative clause after them
            frame.modifiers |= _decision_in_relative(view, c)
    if "trigger.de.export-application" in frame.trace and not frame.modifiers & {"refuse", "approve"}:
        # "Anträge auf Ausfuhr von Gewehren nach Mexiko liegen vor": an export applied for is no transfer yet
        reject("filter.de.export-applied-for", f"clause {c}: {lead_cue.lemma!r} applied for, not decided")
        return True
    if lead_kind == "approve" and (
        authorized_dealings(view, c) is not None or (c > 0 and authorized_dealings(view, c - 1) is not None)
    ):
        # "issued General License 24, which authorizes transactions with Syria": the licence eases a measure
        # (sanction.en.licence-authorizes-dealings); it licenses no goods
        reject("filter.en.licence-for-dealings", f"clause {c}: {lead_cue.lemma!r} authorizes dealings")
        return True
    if _applied_for(view, lead_cue):
        decision = _en_decision_on_application(view, c, lead_cue)
        if not decision:
            # "Applications for permits for the export of military goods to Azerbaijan are assessed …": an
            # export applied for is no transfer yet; the decision on it, if any, is stated elsewhere
            reject("filter.en.export-applied-for", f"clause {c}: {lead_cue.lemma!r} applied for")
            return True
        # "an application for the export of gun barrels to Pakistan, which was refused": the decision on the
        # application is the transfer's
        frame.modifiers.discard("request")
        frame.modifiers |= decision
        fire(frame, "mod.en.decision-on-application")
    return False


def _rejected_as_restriction(view: ClauseView, c: int, frame: Frame) -> bool:
    """Whether the transfer is only what a restriction is about, an opinion, a hypothetical judgement, a modal of
    another verb, or a topic or remit; a restricting verb makes it refused instead."""
    lead_cue = frame.trigger
    restriction = _restriction(view, frame)
    if restriction == "noun":
        # "lifted its ban on arms exports to Kazakhstan", "imposed a ban on arms exports to Georgia": the
        # exports name what the measure is about; the measure is the event (its refused transfer is optional)
        reject("filter.restricted-transfer", f"clause {c}: {lead_cue.lemma!r} inside a restriction")
        return True
    if restriction == "verb" and "negation" not in frame.modifiers and "mod.negated-stop-continues" not in frame.trace:
        frame.modifiers.add("refuse")  # "restricts arms exports to Argentina": the exports are barred
        frame.no_fill = True  # "An arms embargo bars weapons transfers to the group": nobody's exports in particular
        fire(frame, "mod.restricted-transfer")
    if frame.modifiers & {"refuse", "oppose"} and _public_opinion(view, frame):
        # "Nach Umfragen lehnt die Hälfte der Japaner den Export tödlicher Waffen ab": an opinion poll
        reject("filter.public-opinion", f"clause {c}: {lead_cue.lemma!r} rejected by a share of the public")
        return True
    if _hypothetical_evaluation(view, frame):
        # "It would be the first export of Japanese warships": a judgement on a transfer that may come
        reject("filter.hypothetical-evaluation", f"clause {c}: {lead_cue.lemma!r} in a hypothetical judgement")
        return True
    if _modal_of_another_verb(view, frame):
        # "Sie dürfen nicht in die EU einreisen": the permission is for the verb it governs, no transfer
        reject("filter.modal-of-another-verb", f"clause {c}: {lead_cue.lemma!r} governs a verb of no transfer")
        return True
    if _topic_or_competence(view, frame):
        # "Dabei spielten auch Waffenlieferungen an die Türkei eine Rolle", "Die Behörde ist für die
        # Bewilligung von Waffenexporten zuständig": what is talked about or in someone's remit, not a transfer
        reject("filter.topic-or-competence", f"clause {c}: {lead_cue.lemma!r} as a topic or a remit")
        return True
    return False


def _frame_roles(
    view: ClauseView,
    frame: Frame,
    governors: list[int],
    owners: dict[int, tuple[int, str]],
    frames: list[Frame],
    lead_kind: str,
) -> None:
    """The frame's voice and roles, less what "instead of" sets aside and who opposes, then the roles the
    grammar leaves to the sentence's other frames and to training."""
    set_voice(view, frame, owners, governors)
    assign_transfer_roles(view, frame, governors)
    excluded = _instead_of(view, frame)
    if excluded:
        # "kauft in Indien statt in Russland", "rather than hardware": what is set aside takes no part
        frame.items = [it for it in frame.items if it.start not in excluded]
        ids = {a.id for a in view.mentions.actors if a.start in excluded}
        kept = {a.id for a in view.mentions.actors if a.start not in excluded}
        frame.suppliers = [x for x in frame.suppliers if x not in ids - kept]
        frame.recipients = [x for x in frame.recipients if x not in ids - kept]
        fire(frame, "mod.instead-of-excluded")
    if "mod.opposed-transfer" in frame.trace or "mod.investigated-transfer" in frame.trace:
        opposers = _opposers(view, frame, governors)
        frame.suppliers = [x for x in frame.suppliers if x not in opposers]
        frame.recipients = [x for x in frame.recipients if x not in opposers]
    _roles_after_grammar(view, frame, frames, lead_kind)
    trainees(view, frame)


# --------------------------------------------------------------------------- gapping and "respectively"


def _gapped_conjunct(
    view: ClauseView, frame: Frame, participle_starts: set[int], frames: list[Frame]
) -> list[Frame] | None:
    """ "Bagdad bezog aus China Panzer, Teheran Seezielflugkörper", "Norway delivered NASAMS to Kyiv in June,
    Spain Aspide missiles a month later": after a comma, a new subject with its own goods and no verb
    shares the verb; the other party is the first clause's unless the conjunct names its own. Returns the
    first clause's frame read without the conjunct, and the conjunct's frame."""
    tokens, c = view.tokens, frame.clause
    if frame.passive or frame.trigger_kind not in GIVE_OR_RECEIVE:
        return None
    start = frame.trigger.end
    end = view.grammar.clauses[c + 1][1] if c + 1 < view.n else view.grammar.clauses[c][1]
    actors = {a.start: a for a in view.mentions.actors}
    for p in range(start, end - 2):
        if tokens[p].text != "," or not frame.items or min(it.start for it in frame.items) > p:
            continue
        subject = actors.get(p + 1)
        if subject is None or subject.prep is not None or subject.genitive or subject.kind not in _GAP_SUBJECTS:
            continue
        stop = next((k for k in range(p + 1, end) if tokens[k].text in _GAP_ENDS), end)
        goods = [it for it in view.mentions.items if p < it.start < stop and it.category]
        cues = [x for x in view.mentions.cues if p < x.start < stop and meets(x.kinds, TRIGGERS_OR_MODIFIERS)]
        if not goods or cues:
            continue
        return _split_gapped(view, frame, participle_starts, frames, p, stop, subject, goods)
    return None


def _infinitive_continues_transfer(view: ClauseView, frames: list[Frame]) -> None:
    """ "Poland has ordered 48 K9 howitzers from South Korea, to be delivered by 2026": a passive infinitive that
    takes the goods of the clause before, naming no party, moves them between that clause's parties."""
    if view.lang != "en":
        return
    for f in frames:
        if not f.passive or f.suppliers or f.recipients or "item.infinitive-previous-clause" not in f.trace:
            continue
        before = [g for g in frames if g.clause < f.clause and g.suppliers and g.recipients]
        shared = [g for g in before if any(it in g.items for it in f.items)]
        if len(shared) != 1:
            continue
        f.suppliers = list(shared[0].suppliers)
        f.recipients = list(shared[0].recipients)
        f.modifiers.discard("past")  # the infinitive's time is its own ("to be delivered by 2026")
        f.modifiers.discard("order")
        f.modifiers.add("future")
        fire(f, "frames.en.infinitive-continues-transfer")


def _gapped_goods_with_party(view: ClauseView, frame: Frame) -> list[Frame]:
    """ "Sri Lanka received a patrol aircraft from India in 2022, three cutters from the United States and a
    frigate from China": verbless conjuncts after a comma, each goods with its own from-phrase (to-phrase after a
    verb of giving), repeat the verb and its subject; each names its own other party."""
    tokens, c = view.tokens, frame.clause
    if frame.passive or frame.trigger_kind not in GIVE_OR_RECEIVE or c + 1 >= view.n:
        return []
    if not frame.suppliers or not frame.recipients or not frame.items:
        return []
    preps = TO if frame.trigger_kind in GIVE else FROM
    start, end = view.grammar.clauses[c]
    # the first clause itself names its party by the same preposition, after the trigger
    if not any(a.prep in preps and frame.trigger.end <= a.start < end for a in view.actors_by_clause[c]):
        return []
    n_start, n_end = view.grammar.clauses[c + 1]
    if tokens[n_start].text != "," or any(meets(x.kinds, TRIGGERS_OR_MODIFIERS) for x in view.cues_by_clause[c + 1]):
        return []
    cuts = [n_start] + [k for k in range(n_start + 1, n_end) if tokens[k].lower in _GAP_SPLITS] + [n_end]
    out: list[Frame] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        goods = [it for it in view.items_by_clause[c + 1] if a < it.start < b and it.category]
        named = [x for x in view.actors_by_clause[c + 1] if a < x.start < b]
        parties = [x for x in named if x.prep is not None]
        if goods and not named and b == cuts[-1] and out:
            continue  # "… and a Type 053 frigate | that China donated": the last goods may have a clause of their own
        if not goods or len(parties) != 1 or parties[0].prep not in preps or parties[0].start < goods[0].start:
            return []  # not a clean list of goods with their parties: leave the conjunct alone
        if any(x.prep is None and x.start > goods[-1].end for x in named):
            return []  # a name of its own after the goods: a clause of its own, not a conjunct
        second = Frame("transfer", frame.trigger, frame.trigger_kind, c, goods)
        second.modifiers = set(frame.modifiers)
        second.trace = [frame.trace[0], "frames.gapped-goods-with-party"]
        second.rule = "frames.gapped-goods-with-party"
        if frame.trigger_kind in GIVE:
            second.suppliers, second.recipients = list(frame.suppliers), [parties[0].id]
        else:
            second.suppliers, second.recipients = [parties[0].id], list(frame.recipients)
        out.append(second)
    return out


_GAP_SPLITS: Final = words("punct.gapped-goods-split", "en")


def _split_gapped(
    view: ClauseView,
    frame: Frame,
    participle_starts: set[int],
    frames: list[Frame],
    p: int,
    stop: int,
    subject: ActorMention,
    goods: list[ItemMention],
) -> list[Frame] | None:
    c = frame.clause
    inside = range(p, stop)
    narrowed = ClauseView(
        view.tokens,
        view.grammar,
        view.mentions,
        view.lang,
        view.cues_by_clause,
        [[it for it in items if it.start not in inside] for items in view.items_by_clause],
        [[a for a in actors if a.start not in inside] for actors in view.actors_by_clause],
    )
    first = _clause_frame(narrowed, c, item_owners(narrowed), participle_starts, frames)
    if first is None or not first.suppliers or not first.recipients:
        return None
    if subject.id in first.suppliers or subject.id in first.recipients:
        return None
    own = [a for a in view.mentions.actors if p + 1 < a.start < stop and a.prep is not None]
    second = Frame("transfer", frame.trigger, frame.trigger_kind, c, goods)
    second.modifiers = set(first.modifiers)
    second.trace = [first.trace[0], "frames.gapped-conjunct"]
    second.rule = "frames.gapped-conjunct"
    if first.trigger_kind in GIVE:
        second.suppliers = [subject.id]
        second.recipients = unique([a.id for a in own if a.prep in TO]) or list(first.recipients)
    else:
        second.recipients = [subject.id]
        second.suppliers = unique([a.id for a in own if a.prep in FROM]) or list(first.suppliers)
    return [first, second]


def _respectively(view: ClauseView, frame: Frame) -> list[Frame]:
    """ "Finnland und Schweden lieferten Lettland Minenwerfer beziehungsweise Radargeräte", "… mortars and
    radars respectively": two lists of the same length pair off in order."""
    if frame.clause < 0 or len(frame.items) < 2 and len(frame.suppliers) < 2:
        return [frame]
    start, end = view.grammar.clauses[frame.clause]
    if not any(t.lower in _RESPECTIVELY for t in view.tokens[start:end]):
        return [frame]
    items = sorted(frame.items, key=lambda it: it.start)
    sup, rec = frame.suppliers, frame.recipients
    if len(sup) == len(items) >= 2 and len(rec) == 1:
        return [_pair_frame(frame, [it], [s], list(rec)) for it, s in zip(items, sup, strict=True)]
    if len(rec) == len(items) >= 2 and len(sup) == 1:
        return [_pair_frame(frame, [it], list(sup), [r]) for it, r in zip(items, rec, strict=True)]
    if len(sup) == len(rec) >= 2:
        return [_pair_frame(frame, items, [s], [r]) for s, r in zip(sup, rec, strict=True)]
    return [frame]


def _pair_frame(frame: Frame, goods: list[ItemMention], suppliers: list[str], recipients: list[str]) -> Frame:
    pair = replace(frame, items=goods, suppliers=suppliers, recipients=recipients)
    pair.modifiers = set(frame.modifiers)
    pair.trace = [*frame.trace, "frames.respectively-pairs"]
    pair.rule = "frames.respectively-pairs"
    return pair


# --------------------------------------------------------------------------- item owners


def item_owners(view: ClauseView) -> dict[int, tuple[int, str]]:
    """Which clause's trigger governs the goods of each clause, and the rule that said so."""
    owners: dict[int, tuple[int, str]] = {}
    for c in range(view.n):
        if _together_with(view, c):
            # "Washington approved the sale in 2019, | together with Hellfire missiles, spare parts and pilot
            # training": the goods added belong to the clause before, whose trigger has none of its own
            owners[c] = (c - 1, "item.en.together-with")
            continue
        lead = _lead(view.cues_by_clause[c])
        if lead is not None and lead[1] == "use" and _built_where(view.tokens, lead[0]):
            lead = None  # ", in Spanien gebaut,": a participle saying where goods were built owns nothing
        if (
            lead is not None
            or _service(view.cues_by_clause[c], view.items_by_clause[c])
            or _joined_scheme(view, c) is not None
        ):
            owners[c] = (c, "")  # a clause with a trigger owns its goods
    for c in list(owners):
        if owners[c][0] == c and c - 1 not in owners and c + 1 not in owners and _members_named_after(view, c):
            # "Zu den Waffen, deren Export Deutschland zugestimmt hat, gehörten Getriebe für …": the members
            # named are what the relative clause transfers, not the general noun they belong to
            owners[c + 1] = (c, "item.members-of-the-goods")
            owners[c - 1] = (-1, "")
    for c in range(view.n):
        if c in owners or not view.items_by_clause[c]:
            continue
        found = _owner_of(view, c, owners)
        if found is not None:
            owners[c] = found
    return owners


def _negation_of_another_verb(view: ClauseView, c: int, lead: CueMention) -> bool:
    """An English noun of transfer after an article, the subject of a negated verb that is no cue ("the sale
    … does not alter …"): the negation is that verb's."""
    tokens = view.tokens
    if view.lang != "en" or lead.start == 0 or tokens[lead.start - 1].lower not in ARTICLES:
        return False
    if not lead.kinds & _TRANSFER_NOUN_KINDS:
        return False
    negs = [x for x in view.cues_by_clause[c] if "negation" in x.kinds]
    if len(negs) != 1 or negs[0].start < lead.end:
        return False
    end = view.grammar.clauses[c][1]
    cue_starts = {x.start for x in view.cues_by_clause[c]}
    k = negs[0].end
    while k < end and tokens[k].lower in _AUX_AFTER_NEGATION:
        k += 1
    return k < end and tokens[k].lowercase and tokens[k].alphabetic and k not in cue_starts


def _together_with(view: ClauseView, c: int) -> bool:
    """Clause c opens with "together with"/"along with" and adds goods to the clause before, whose trigger
    names none of its own."""
    if view.lang != "en" or c == 0 or not view.items_by_clause[c] or view.items_by_clause[c - 1]:
        return False
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    k = start + 1 if tokens[start].text == "," else start
    return (
        k + 1 < end
        and tokens[k].lower in _TOGETHER
        and tokens[k + 1].lower in _WITH
        and _lead(view.cues_by_clause[c - 1]) is not None
    )


def _owns_itself(owners: dict[int, tuple[int, str]], k: int) -> bool:
    return k in owners and owners[k][0] == k


def _owner_of(view: ClauseView, c: int, owners: dict[int, tuple[int, str]]) -> tuple[int, str] | None:
    tokens, grammar = view.tokens, view.grammar
    items, cues = view.items_by_clause, view.cues_by_clause
    if _owns_itself(owners, c + 1) and grammar.infinitive[c + 1]:
        lead = _lead(cues[c + 1])
        if lead is not None and lead[1] == "support":
            # "The Akinci aircraft are designed | to help contain …": goods that help are the means, not what
            # is given
            return None
        return c + 1, "item.owner.infinitive-next"  # "The remaining tanks are scheduled | to arrive in 2025"
    if (
        _owns_itself(owners, c + 2)
        and (
            dependent(tokens, grammar, c + 1)
            or appositive(tokens, grammar, c + 1)
            or participial(tokens, grammar, c + 1)
        )
        and not items[c + 2]
        and not dependent(tokens, grammar, c + 2)
    ):
        # "Zudem wurden 15 Gepard, | die Katar zurückgegeben hatte, | an die Ukraine ausgeliefert"
        return c + 2, "item.owner.across-inserted-clause"
    if _owns_itself(owners, c + 1) and not items[c + 1] and _described_where_built(view, c):
        # "Die Fregatten, in Spanien gebaut, | wurden an Saudi-Arabien übergeben": goods described by where
        # they were built belong to the verb after the description
        return c + 1, "item.owner.across-inserted-clause"
    if c - 1 in owners and any(it.carrier for it in items[c - 1]) and any("include" in x.kinds for x in cues[c]):
        return c - 1, "item.owner.package-contents"  # "a package for Ukraine that includes CV90s"
    if (
        c > 0
        and (any(it.carrier for it in items[c - 1]) or any(meets(x.kinds, _GIVING_OR_CARRIER) for x in cues[c - 1]))
        and any("include" in x.kinds for x in cues[c])
    ):
        # "The shipment, which included Javelin missiles, was delivered to Kyiv": the contents go with the load
        target = next((k for k in (c + 1, c - 1) if _owns_itself(owners, k)), None)
        if target is not None:
            return target, "item.owner.shipment-contents"
    if dependent(tokens, grammar, c):
        return None
    rule = "item.owner.appended-list"  # "…, darunter Kampfhubschrauber"
    if not _appended(view, c, -1):
        cut = _purpose_start(view, c)
        if cut < 0 or not _appended(view, c, cut):
            return None
        # "…, darunter für Ersatzteile und Übungsmunition für die Kampfpanzer Leopard 2 A4": what the listed
        # goods are for only describes them
        rule = "item.owner.appended-purpose"
    candidates = [k for k in owners if k != c]
    if candidates:
        best = min(candidates, key=lambda k: (abs(k - c), k > c))
        if abs(best - c) <= 2:
            return best, rule
    return None


def _modifies_item(tokens: list[Token], i: int, end: int, covered: set[int]) -> bool:
    """Whether a run of lower-case words from token i runs into listed goods ("coastal defense systems")."""
    k = i
    while k < end and k - i < 3 and tokens[k].alphabetic and tokens[k].lowercase and k not in covered:
        if tokens[k].lower in _LIST_FILLERS:
            return False
        k += 1
    return k < end and k in covered


def _purpose_start(view: ClauseView, c: int) -> int:
    """Where a for-phrase right after listed goods begins in clause c ("Ersatzteile für die …"), else -1."""
    start, end = view.grammar.clauses[c]
    ends = {it.end for it in view.items_by_clause[c]}
    for i in range(start + 1, end):
        if view.tokens[i].lower in _PURPOSE_FOR and i in ends:
            return i
    return -1


def _described_where_built(view: ClauseView, c: int) -> bool:
    """Whether clause c is goods followed by where they were built, and nothing else leads it."""
    cues = view.cues_by_clause[c]
    lead = _lead(cues)
    return lead is not None and lead[1] == "use" and _built_where(view.tokens, lead[0])


def _appended(view: ClauseView, c: int, stop: int) -> bool:
    """Only a verbless list of goods hangs on another clause's verb ("…, darunter Kampfhubschrauber"); the
    list ends at the clause's end or at ``stop`` when that is not negative."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    if stop >= 0:
        end = stop
    first = next((t.lower for t in tokens[start:end] if t.letter_first), "")
    opened = first in _LIST_OPENERS  # "…, including …": a list that says it is one
    covered = {i for it in view.items_by_clause[c] for i in range(it.start, it.end)}
    covered |= {i for a in view.mentions.actors for i in range(a.start, a.end)}
    cue_tokens = {i for x in view.cues_by_clause[c] for i in range(x.start, x.end)}
    for i in range(start, end):
        tok = tokens[i]
        if i in covered or not tok.letter_first or tok.lower in _LIST_OPENERS:
            continue
        if tok.lower in _LIST_FILLERS:
            continue  # "…, from Su-30 fighters to Kilo-class submarines"
        if tok.lowercase and tok.lower.endswith(("e", "en", "er", "es", "em")) and (i + 1) in covered:
            continue  # an adjective of the next item
        if (
            view.lang == "en"
            and tok.lowercase
            and i not in cue_tokens
            and not tok.lower.endswith(("ed", "ing"))
            and tok.lower not in _RELATIVE_OR_SUBORDINATE
            and ((i + 1) in covered or (i + 2) in covered and tokens[i + 1].lowercase)
            and (i - 1 in covered or tokens[i - 1].lowercase)
        ):
            continue  # "Harpoon coastal defense systems": modifiers of the goods they stand before
        if (
            view.lang == "en"
            and opened
            and tok.alphabetic
            and tok.lowercase
            and _modifies_item(tokens, i, end, covered)
        ):
            continue  # "including Harpoon coastal defense systems": words of the noun phrase before its head
        if tok.text.isdigit() or tok.lower in _LIST_QUANTIFIERS:
            continue
        return False
    return True


# --------------------------------------------------------------------------- the lead trigger

# The rule of each trigger kind that can lead a clause (``cue_kinds.tsv`` ranks them).
_TRIGGER_RULES: Final = {
    "give": "trigger.give",
    "get": "trigger.get",
    "buy": "trigger.buy",
    "select": "trigger.select",
    "sell": "trigger.sell",
    "order": "trigger.order",
    "request": "trigger.request",
    "arrive": "trigger.arrive",
    "promise": "trigger.promise",
    "give_noun": "trigger.give-noun",
    "approve": "trigger.approve",
    "deal": "trigger.deal",
    "support": "trigger.support",
    "go": "trigger.go",
    "seize": "trigger.seize",
    "use": "trigger.use-verb",
}


# Rank of each trigger kind in PRIORITY (a kind in PRIORITY but no trigger has none): one dictionary probe
# where two scans of the list were.
_TRIGGER_RANK: Final = {kind: rank for rank, kind in enumerate(PRIORITY) if kind in TRIGGERS}


def _lead(cues: list[CueMention]) -> tuple[CueMention, str] | None:
    """The most directional trigger of a clause (``cue_kinds.tsv`` ranks them)."""
    best: tuple[int, CueMention, str] | None = None
    for cue in cues:
        ranked = _LEAD_RANKS.get(cue.kinds)
        if ranked is None:
            if len(_LEAD_RANKS) > 50_000:  # (bounded, though the lexicon's kind sets are few)
                _LEAD_RANKS.clear()
            ranked = _LEAD_RANKS[cue.kinds] = _lead_rank(cue.kinds)
        if ranked[0] >= 0 and (best is None or ranked[0] < best[0]):
            best = (ranked[0], cue, ranked[1])
    if best is None:
        return None
    return best[1], best[2]


# A cue's rank as a lead by its set of kinds: cues share a few hundred kind sets, so each is ranked once.
_LEAD_RANKS: Final[dict[frozenset[str], tuple[int, str]]] = {}


def _lead_rank(kinds: frozenset[str]) -> tuple[int, str]:
    """The best (rank, kind) of a cue with ``kinds``, or (-1, "") when none of them is a trigger."""
    best = (-1, "")
    for kind in kinds:
        rank = _TRIGGER_RANK.get(kind, -1)
        if rank >= 0:
            if meets(kinds, ROLE_NOUNS):
                rank += len(PRIORITY)  # "negotiating with a South Korean supplier": the verb leads
            if best[0] < 0 or rank < best[0]:
                best = (rank, kind)
    return best


def _personnel_at_work(view: ClauseView, c: int) -> CueMention | None:
    """ "Cuban military advisers help Venezuela's armed forces keep watch …", "Russian technicians stationed at
    the air base maintain the jets", "Turkish instructors accompanied the drones": a state's advisers,
    instructors or technicians as the subject of a verb of working for others lead the clause."""
    if view.lang != "en":
        return None
    tokens = view.tokens
    start = view.grammar.clauses[c][0]
    people = _people_with_origin(view, c)
    if not people:
        return None
    first = min(it.start for it in view.items_by_clause[c])
    if people[0].start != first or any(
        a.prep is not None for a in view.actors_by_clause[c] if a.start < people[0].start and a.start >= start
    ):
        return None  # the people are the subject: the clause's first goods, in no prepositional phrase
    if any(x.start < people[0].start and meets(x.kinds, _TRIGGERS_OR_SERVE) for x in view.cues_by_clause[c]):
        return None  # "Its air force helps Turkish instructors maintain them": a verb before them leads
    for x in view.cues_by_clause[c]:
        if x.start < people[0].end or not tokens[x.start].lowercase:
            continue
        if x.lemma in _AT_WORK and "serve" in x.kinds:
            return x
        if x.kinds & TRIGGERS and "use" not in x.kinds:
            return None  # another verb leads ("… instructors delivered …"); "stationed" only places them
    return None


def _people_with_origin(view: ClauseView, c: int) -> list[ItemMention]:
    """Personnel of clause c with their state: "Russian technicians"; through coordinated modifiers,
    "Cuban military and intelligence advisers" (the state adjective opens the noun phrase)."""
    tokens = view.tokens
    found: list[ItemMention] = []
    for it in view.items_by_clause[c]:
        if it.category != "personnel":
            continue
        if it.origin:
            found.append(it)
            continue
        for a in view.actors_by_clause[c]:
            if (
                a.kind in ("adj", "origin")
                and a.prep is None
                and 0 < it.start - a.end <= 3
                and all(t.lowercase and t.alphabetic for t in tokens[a.end : it.start])
            ):
                found.append(replace(it, origin=a.id))
                break
    return found


def _service(cues: list[CueMention], items: list[ItemMention]) -> tuple[CueMention, str] | None:
    """ "Nordkoreanische Soldaten kämpfen für Russland", "Cuban mercenaries serving in the Russian army":
    a state's people fighting or serving with another's forces were sent to them."""
    if not any(it.category == "personnel" and it.origin for it in items):
        return None
    cue = next((x for x in cues if "serve" in x.kinds), None)
    return (cue, "give") if cue is not None else None


def _decision_in_relative(view: ClauseView, c: int) -> set[str]:
    """Refusing or approving in a German relative clause right after clause c ("…, die … versagt wurden")."""
    if c + 1 >= view.n:
        return set()
    start, end = view.grammar.clauses[c + 1]
    words_ = [t.lower for t in view.tokens[start : min(end, start + 2)]]
    if not any(w in _RELATIVE_DE for w in words_):
        return set()
    return {k for x in view.cues_by_clause[c + 1] for k in x.kinds & {"refuse", "approve"}}


def _en_decision_on_application(view: ClauseView, c: int, cue: CueMention) -> set[str]:
    """Refusing or approving the application in its own clause after the export noun ("an application for
    the export of … was refused") or in a relative clause right after it (", which was refused")."""
    found = {k for x in view.cues_by_clause[c] if x.start > cue.start for k in x.kinds & {"refuse", "approve"}}
    if not found and c + 1 < view.n:
        start, end = view.grammar.clauses[c + 1]
        if view.tokens[start].lower in _RELATIVE_EN_CLAIM or (
            start + 1 < end and view.tokens[start + 1].lower in _RELATIVE_EN_CLAIM
        ):
            found = {k for x in view.cues_by_clause[c + 1] for k in x.kinds & {"refuse", "approve"}}
    return found


def _de_export_application(view: ClauseView, cue: CueMention) -> bool:
    """ "Antrag", "Anträge", "Exportantrag": a German noun of applying (for a licence), not a buyer's request."""
    return view.lang == "de" and cue.lemma.endswith(_APPLICATION_DE) and view.tokens[cue.start].capitalised


def _applied_for(view: ClauseView, cue: CueMention) -> bool:
    """ "applications for permits for the export of …", "an application for the export of …": a transfer noun
    in the object of an application."""
    tokens = view.tokens
    if view.lang != "en" or not tokens[cue.start].lowercase:
        return False
    window = [t.lower for t in tokens[max(0, cue.start - 6) : cue.start]]
    return any(w in _APPLICATION and k + 1 < len(window) and window[k + 1] in _FOR for k, w in enumerate(window))


def _only_without_after(view: ClauseView, frame: Frame, governors: list[int]) -> bool:
    """Whether every negation in the frame's scope is an English "without" after its verb."""
    if view.lang != "en":
        return False
    start = frame.trigger.start
    if any(t.lower in _MODALS for t in view.tokens[max(0, start - 3) : start]):
        return False  # "firms cannot obtain American technology without a licence": a condition, nothing happened
    negations = [x for k in [frame.clause, *governors] for x in view.cues_by_clause[k] if "negation" in x.kinds]
    return bool(negations) and all(
        view.tokens[x.start].lower in _WITHOUT and x.start > frame.trigger.start for x in negations
    )


def _negation_after_described_goods(view: ClauseView, frame: Frame, governors: list[int]) -> bool:
    """Whether the trigger is a German participle inflected before its goods (a count may come between) and
    every negation in its scope comes after those goods, so it negates the clause's own verb."""
    tokens = view.tokens
    trig = tokens[frame.trigger.start]
    if view.lang != "de" or frame.trigger.end != frame.trigger.start + 1:
        return False
    if not trig.lowercase or not trig.lower.endswith(_ATTRIBUTIVE_ENDINGS):
        return False
    ends = [it.end for it in view.mentions.items if counted_after(tokens, frame.trigger.end, it.start)]
    if not ends:
        return False
    negations = [x for k in [frame.clause, *governors] for x in view.cues_by_clause[k] if "negation" in x.kinds]
    return all(x.start >= min(ends) for x in negations)


def _signed_for_goods(view: ClauseView, c: int, cue: CueMention) -> bool:
    """ "Romania signed for 54 K9s", "Jakarta signed for an initial six jets": a verb of signing with "for" and the
    goods right after it, no contract noun in between."""
    tokens = view.tokens
    if view.lang != "en" or cue.lemma not in _SIGN or cue.end >= len(tokens) or tokens[cue.end].lower not in _FOR:
        return False
    starts = {it.start for it in view.items_by_clause[c]}
    cue_tokens = {k for x in view.cues_by_clause[c] for k in range(x.start, x.end)}
    for k in range(cue.end + 1, min(len(tokens), cue.end + 5)):
        if k in starts:
            return True
        if k in cue_tokens or not tokens[k].lowercase and not tokens[k].text[:1].isdigit():
            return False  # "signed for the purchase of …": a deal noun leads; "signed for Poland": no goods
    return False


def _noun_in_list(view: ClauseView, cue: CueMention) -> bool:
    """ "… as well as supplies and parts": a form of supplying between list links is a noun, not a verb."""
    tokens = view.tokens
    if view.lang != "en" or cue.start == 0 or cue.end >= len(tokens):
        return False
    return tokens[cue.start - 1].lower in _LIST_LINKS and tokens[cue.end].lower in _LIST_LINKS


_LIST_LINKS: Final = words("link.coordination", "en") | words("link.coordination", "*")


def _light_verb(view: ClauseView, c: int, cues: list[CueMention]) -> CueMention | None:
    """The German cue "geben" of clause c when a noun of the clause makes it another predicate, or an "es" an
    existential; in English, a verb of receiving with a noun of attention as its object.

    "geben" is a verb of supplying only with goods as its object: "in Auftrag geben" orders, "die Schuld geben"
    blames, "grünes Licht geben" approves (that phrase is a cue of its own), "bekannt geben" announces.
    """
    if view.lang == "en":
        return _en_light_verb(view, cues)
    verb = next((x for x in cues if x.lemma in _LIGHT_VERBS), None) if view.lang == "de" else None
    if verb is None:
        return None
    start, end = view.grammar.clauses[c]
    for t in view.tokens[start:end]:
        # (an "es" of the clause: "es gibt", "gab es", "dass es keine Einwände … gebe")
        if t.i != verb.start and (t.lemma in _LIGHT_NOUNS or t.lower in _EXPLETIVE):
            return verb
    return None


def _en_light_verb(view: ClauseView, cues: list[CueMention]) -> CueMention | None:
    """ "The Super Tucano is getting a lot of attention", "drew praise": a verb of receiving whose object (within
    four words) is a noun of attention or opinion receives no goods."""
    tokens = view.tokens
    for x in cues:
        if x.lemma in _LIGHT_VERBS_EN and any(t.lower in _LIGHT_NOUNS_EN for t in tokens[x.end : x.end + 4]):
            return x
    return None


@dataclass(slots=True)
class _Lead:
    """The lead of a clause as it is being chosen: the clause and its cues, the participles set aside, the lead
    cue and kind so far, and the rules that chose them."""

    view: ClauseView
    c: int
    cues: list[CueMention]
    participle_starts: set[int]
    cue: CueMention
    kind: str
    trace: list[str]


def choose_lead(view: ClauseView, c: int, participle_starts: set[int]) -> tuple[CueMention, str, list[str]] | None:
    """The trigger that leads clause c, its kind, and the rules that chose it."""
    cues = view.cues_by_clause[c]
    light = _light_verb(view, c, cues)
    if light is not None:
        # "hat … Fregatten in Auftrag gegeben", "gab dem Westen die Schuld", "es gibt": with these words "geben"
        # forms another predicate (or says that something exists); it gives nothing, another cue may lead
        cues = [x for x in cues if x is not light]
        rule = "trigger.de.light-verb-phrase" if view.lang == "de" else "trigger.en.receiving-attention"
        reject(rule, f"clause {c}: {light.lemma!r} in a phrase of another meaning")
    lead = _lead([x for x in cues if x.start not in participle_starts])
    if lead is None or lead[1] == "deal":
        joined = _joined_scheme(view, c)
        if joined is not None:
            # "Tschechien plant, dem Rahmenvertrag beizutreten", "Indonesia joined the KF-21 programme": joining a
            # procurement scheme is buying what it procures
            return joined, "buy", ["trigger.join-procurement"]
    trace: list[str] = []
    at_work = _personnel_at_work(view, c)
    if at_work is not None:
        # "Cuban military advisers help Venezuela's armed forces …": the advisers are what was sent
        return at_work, "give", ["trigger.en.personnel-at-work"]
    if lead is None:
        lead = _service(cues, view.items_by_clause[c])
        if lead is None:
            return None
        trace.append("trigger.serve-with-forces")
    else:
        trace.append(_TRIGGER_RULES[lead[1]])
    lead_cue, lead_kind = lead
    choice = _Lead(view, c, cues, participle_starts, lead_cue, lead_kind, trace)
    _lead_over_descriptions(choice)
    _lead_over_frames(choice)
    lead_cue, lead_kind = choice.cue, choice.kind
    if lead_kind == "use":
        converted = _use_as_transfer(view, c, lead_cue)
        if converted is None:
            reject("filter.use-only", f"clause {c}: {lead_cue.lemma!r} is use or own production")
            return None
        lead_kind, rule = converted
        trace.append(rule)
    return lead_cue, lead_kind, trace


def _lead_over_descriptions(lead: _Lead) -> None:
    """Another cue leads when the first one only describes the goods or names an application: an attributive
    participle, "supplies" in a list, an export application, ordered goods that move, an expected delivery."""
    view, c, cues, participle_starts, trace = lead.view, lead.c, lead.cues, lead.participle_starts, lead.trace
    lead_cue, lead_kind = lead.cue, lead.kind
    if (
        lead_kind not in ("buy", "order")
        and trace == [_TRIGGER_RULES[lead_kind]]
        and _de_attributive_before_goods(view, lead_cue)
        and not _de_participle_agent(view, c, lead_cue)
    ):
        other = _lead([x for x in cues if x is not lead_cue and x.start not in participle_starts])
        if other is not None and other[1] != "use" and not _de_attributive_before_goods(view, other[0]):
            # "Die Türkei verkauft bewaffnete Drohnen an Äthiopien", "dass Marokko die erste Charge bewaffneter
            # Drohnen erhalten habe": the participle inflected before the goods describes them; the verb leads
            lead_cue, lead_kind = other
            trace[-1:] = [_TRIGGER_RULES[lead_kind], "trigger.de.attributive-participle-describes"]
    if lead_kind == "give" and "give_noun" in lead_cue.kinds and _noun_in_list(view, lead_cue):
        other = _lead([x for x in cues if x is not lead_cue and x.start not in participle_starts])
        if other is not None and other[0].start < lead_cue.start:
            # "requested to purchase 6,700 anti-tank missiles as well as supplies and parts": "supplies" in a
            # list of goods is a noun; the verb before it leads
            lead_cue, lead_kind = other
            trace[-1:] = [_TRIGGER_RULES[lead_kind], "trigger.en.supplies-noun-in-list"]
    if lead_kind == "request" and _de_export_application(view, lead_cue):
        applied = next(
            (
                x
                for x in cues
                if "give_noun" in x.kinds and 0 < x.start - lead_cue.end <= 2 and x.lemma.startswith(_EXPORT_STEMS_DE)
            ),
            None,
        )
        if applied is not None or lead_cue.lemma.startswith(_EXPORT_STEMS_DE):
            # "lehnte den Antrag auf Ausfuhr von Maschinenpistolen nach Honduras ab", "den Exportantrag": an
            # exporter's application is for the export; the export leads, its recipient is no asker
            if applied is not None:
                lead_cue = applied
            lead_kind = "give_noun"
            trace.append("trigger.de.export-application")
    if lead_kind in ("buy", "order") and _ordered_goods_participle(view, lead_cue):
        moving = _lead([x for x in cues if x is not lead_cue and x.start not in participle_starts])
        if moving is not None and moving[1] in ("arrive", "get", "give"):
            # "the first of 400 ordered Tomahawks arrived", "trafen die ersten der bestellten Marschflugkörper
            # ein": the participle describes the goods; the verb of arriving leads, the order stays behind it
            lead_cue, lead_kind = moving
            trace.append("trigger.ordered-goods-move")
    if lead_kind == "get":
        asked = next(
            (x for x in cues if "request_noun" in x.kinds and lead_cue.end <= x.start <= lead_cue.end + 2), None
        )
        if asked is not None:
            # "Chile received a request from Peru for howitzers", "erhielt eine Anfrage aus Peru": the request is
            # the event; who received it is asked
            lead_cue, lead_kind = asked, "request"
            trace.append("trigger.received-request")
    if lead_cue.lemma in _EXPECT and lead_kind == "get":
        awaited = next((x for x in cues if "give_noun" in x.kinds), None)
        if awaited is not None and awaited.start < lead_cue.start:
            # "Die Lieferung der F-16 aus Dänemark wird im Sommer erwartet": the delivery is the event, and
            # it is expected, so still to come ("Peru erwartet die Lieferung …": who expects it receives it)
            lead_cue, lead_kind = awaited, "give_noun"
            trace.append("trigger.expected-delivery-noun")
    lead.cue, lead.kind = lead_cue, lead_kind


def _lead_over_frames(lead: _Lead) -> None:
    """The lead's kind or another lead when the first cue frames the clause: signing for goods is buying, a deal
    or licence framing a verb of building, deploying another state's goods, a client noun after "to"."""
    view, c, cues, participle_starts, trace = lead.view, lead.c, lead.cues, lead.participle_starts, lead.trace
    lead_cue, lead_kind = lead.cue, lead.kind
    if lead_kind == "deal" and _signed_for_goods(view, c, lead_cue):
        # "Romania signed for 54 K9s in July": signing for goods is buying them; the signer buys
        lead_kind = "buy"
        trace.append("trigger.en.signed-for-goods")
    if lead_kind == "deal" and any(
        t.lower in _FRAMING for t in view.tokens[max(0, lead_cue.start - 4) : lead_cue.start]
    ):
        # "Im Rahmen eines Vertrags baut TKMS Fregatten für Ägypten": a deal in a prepositional phrase is the
        # frame of the clause; its verb of building for someone leads
        builder = next((x for x in cues if "use" in x.kinds and x.lemma in _BUILD_FOR), None)
        if builder is not None and any(a.prep in _FOR for a in view.actors_by_clause[c]):
            lead_cue, lead_kind = builder, "use"
            trace.append("trigger.framing-deal-builder")
    if lead_kind == "approve" and _licence_noun(view, lead_cue) and _licensed(view, c):
        builder = next((x for x in cues if "use" in x.kinds and x.lemma in _BUILD_FOR), None)
        if builder is not None:
            # "Egypt builds K9 howitzers under a licence from South Korea": the licence frames the building
            lead_cue, lead_kind = builder, "use"
    if lead_kind == "give" and lead_cue.lemma in _DEPLOY and _deploys_foreign_goods(view, c):
        # "Egypt has deployed Chinese HQ-9B systems in the Sinai": deploying goods of another state, with no
        # destination, is having them in service
        lead_kind = "use"
        trace[-1:] = [_TRIGGER_RULES["use"], "trigger.deploy-foreign-goods"]
    if "client" in lead_cue.kinds and _client_after_recipient_prep(view, lead_cue):
        other = _lead([x for x in cues if x is not lead_cue and x.start not in participle_starts])
        if other is not None and other[0].start < lead_cue.start:
            # "a prolific supplier of electronics to Russian buyers": the buyers name where the goods of the
            # supplier before them go; the supplier leads
            lead_cue, lead_kind = other
            trace[-1:] = [_TRIGGER_RULES[lead_kind], "trigger.client-noun-after-to"]
    lead.cue, lead.kind = lead_cue, lead_kind


def _deploys_foreign_goods(view: ClauseView, c: int) -> bool:
    """Goods of a named origin and no state the clause sends them to."""
    return not any(a.prep in TO for a in view.actors_by_clause[c]) and any(
        it.origin is not None for it in view.items_by_clause[c]
    )


_DEPLOY: Final = words("verb.deploy")


def _joined_scheme(view: ClauseView, c: int) -> CueMention | None:
    """A verb of joining with a noun of a procurement scheme in its clause (the verb's cue)."""
    join = next((x for x in view.cues_by_clause[c] if x.lemma in _JOIN), None)
    if join is None:
        return None
    start, end = view.grammar.clauses[c]
    if any(_scheme_noun(t) for t in view.tokens[start:end]):
        return join
    return None


def _scheme_noun(tok: Token) -> bool:
    return tok.lower.endswith(_SCHEMES) or tok.lemma.endswith(_SCHEMES)


_JOIN: Final = words("verb.join-scheme")
_FORCES_FOR_HIRE: Final = words("group.forces-for-hire")
_SCHEMES: Final = word_stems("noun.procurement-scheme")
_SCHEME_BACK: Final = words("determiner.scheme-named-before")


def _scheme_named_before(view: ClauseView, c: int) -> list[ItemMention]:
    """ "dem Rahmenvertrag beizutreten": a scheme noun with a determiner pointing back stands for the goods of
    the transfer named before (resolved from the discourse)."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    for k in range(start + 1, end):
        if _scheme_noun(tokens[k]) and any(t.lower in _SCHEME_BACK for t in tokens[max(start, k - 3) : k]):
            return [ItemMention(k, k + 1, None, carrier="pronoun", text=tokens[k].text)]
    return []


def _client_after_recipient_prep(view: ClauseView, cue: CueMention) -> bool:
    """A customer noun in a recipient's phrase ("to Russian buyers", "an russische Abnehmer"): a preposition of
    the recipient among the three words before it."""
    return any(t.lower in TO for t in view.tokens[max(0, cue.start - 3) : cue.start])


def _use_as_transfer(view: ClauseView, c: int, cue: CueMention) -> tuple[str, str] | None:
    """A verb of use or production that transfers after all: carrying to, building for, launching."""
    actors = view.actors_by_clause[c]
    items = view.items_by_clause[c]
    if "carry" in cue.kinds and any(a.prep in _DESTINATION for a in actors):
        return "give", "trigger.carry-to"  # "flying ballistic missiles to Russia": carrying goods hands them over
    if cue.lemma in _BUILD_FOR and _licensed(view, c):
        # "fertigt Drohnen … mit einer Lizenz aus dem Iran", "builds K9s under a licence from South Korea"
        return "give", "trigger.licence-production"  # the licence is handed over; the building goes on
    if cue.lemma in _BUILD_FOR and any(a.prep in _FOR for a in actors):
        return "build_for", "trigger.build-for"  # "Für Israel baut TKMS drei U-Boote": production under contract
    if cue.lemma in _LAUNCH and any(
        it.category == "space-technology" and (it.origin or any(a.prep in _FOR and a.start > it.end for a in actors))
        for it in items
    ):
        return "give", "trigger.launch-satellite"  # "Russia launched an Iranian satellite": a launch service
    if (
        cue.lemma in _IN_SERVICE
        and view.tokens[cue.start].lowercase  # a verb: "Einsatz" names use in attacks as well
        and any(it.origin or _goods_from(view, it) for it in _in_service(view, cue, items))
    ):
        # "its air force also flies Russian MiG-29 fighters", "dessen Luftwaffe chinesische Kampfdrohnen
        # einsetzt": goods of another state in service were received from it
        return "get", "trigger.goods-in-service"
    if view.lang == "en" and cue.lemma in _IN_SERVICE and _used_by_holder(view, c, cue, items):
        # "Hawk missiles operated by Peru", "Chinese drones are used by the Nigerian air force": another state's
        # goods used by a holder were received from it
        return "get", "trigger.en.goods-used-by"
    if view.lang == "en" and cue.lemma in _SERVICE_WITH and _holder_after(view, c, cue):
        held = [it for it in items if it.end <= cue.start and it.category not in ("personnel", None)]
        if any(it.origin or it.producer or _goods_from(view, it) for it in held):
            # "The Bayraktar TB2 is in service with the armed forces of Ethiopia", "Chinese-made drones have
            # entered service with the Nigerian air force": another state's goods with a holder were received
            return "get", "trigger.en.goods-in-service-with"
    if (
        (cue.lemma in _BUILD_FOR or cue.lemma in _OPEN_PLANT)
        and any(it.category == "technology" for it in items)
        and any(a.prep in _IN and a.kind not in ("adj", "origin") for a in actors)
    ):
        return "build_for", "trigger.factory-abroad"  # "Rheinmetall soll Munitionsfabriken in der Ukraine bauen"
    return None


def _holder_after(view: ClauseView, c: int, cue: CueMention) -> bool:
    """An actor after the service phrase, with "with" or "of" before it ("in service with the Polish army",
    "into the arsenals of Azerbaijan")."""
    return any(
        a.start >= cue.end and (a.prep is None or a.prep in _HOLDER_PREPS) and not a.id.startswith("@")
        for a in view.actors_by_clause[c]
    )


def _used_by_holder(view: ClauseView, c: int, cue: CueMention, items: list[ItemMention]) -> bool:
    """An English participle of having in service right after goods of another state (a form of "be" between
    allowed), with a by-phrase naming a state after it ("Hawk missiles operated by Peru")."""
    tokens = view.tokens
    word = tokens[cue.start]
    if not (word.lowercase and word.lower.endswith("ed")) or cue.start == 0:
        return False
    k = cue.start - 1
    if tokens[k].lower in _BE_BEFORE_PARTICIPLE:
        k -= 1
    held = [it for it in items if it.end == k + 1 and (it.origin or it.producer)]
    return bool(held) and any(
        a.start > cue.start and a.prep in USED_BY and a.kind != "origin" and can_act(Group([a]), tokens)
        for a in view.actors_by_clause[c]
    )


_BE_BEFORE_PARTICIPLE: Final = words("aux.passive", "en")


def _in_service(view: ClauseView, cue: CueMention, items: list[ItemMention]) -> list[ItemMention]:
    """The goods a verb of having in service governs, with the goods coordinated after them ("used Chinese
    fighter jets, PL-15 missiles and drones")."""
    kept: set[int] = set()
    last: ItemMention | None = None
    for it in sorted(items, key=lambda x: x.start):
        if it.category == "personnel":
            continue
        listed = last is not None and _coordinated(view.tokens[last.end : it.start])
        if listed or _object_of(view, cue, it):
            if it.category is not None:  # (a bare "missiles" still links the list)
                kept.add(id(it))
            last = it
    return [it for it in items if id(it) in kept]


def _coordinated(between: list[Token]) -> bool:
    """Commas and coordinating words between two goods, then perhaps the next one's capitalised adjective
    ("fighter jets and American drones"): they are one list."""
    n = 0
    while n < len(between) and (between[n].text == "," or between[n].lower in _LIST_LINKS):
        n += 1
    rest = between[n:]
    return 0 < n <= 2 and len(rest) <= 1 and all(t.capitalised for t in rest)


def _goods_from(view: ClauseView, item: ItemMention) -> bool:
    """ "gepanzerte Fahrzeuge aus den Emiraten": a from-phrase right after the goods."""
    for a in view.actors_by_clause[view.grammar.clause[item.start]]:
        between = view.tokens[item.end : a.start]
        if a.prep in _GOODS_FROM and between and all(t.lower in _GOODS_FROM or t.lower in ARTICLES for t in between):
            return True
    return False


_ENEMY: Final = words("adj.enemy", "en")
_RELATED: Final = words("adj.related-equipment", "en")


def _licence_item(view: ClauseView, it: ItemMention) -> bool:
    """ "under licence" as goods: a production licence after "under"/"in"."""
    tokens = view.tokens
    return tokens[it.start].lemma in _LICENCE_NOUNS and any(
        t.lower in _LICENCE_PREPS for t in tokens[max(0, it.start - 2) : it.start]
    )


def _licence_noun(view: ClauseView, cue: CueMention) -> bool:
    """ "under a licence", "in Lizenz", "mit einer Lizenz": a licence to produce, not an export approval."""
    tokens = view.tokens
    return tokens[cue.start].lemma in _LICENCE_NOUNS and any(
        t.lower in _LICENCE_PREPS for t in tokens[max(0, cue.start - 2) : cue.start]
    )


def _licensed(view: ClauseView, c: int) -> bool:
    """Whether clause c builds under a licence whose licensor is named ("aus dem Iran", "russischer Lizenz")."""
    licences = _licences(view, c)
    if licences and view.lang == "en" and any(it.producer and it not in licences for it in view.items_by_clause[c]):
        return True  # "Egypt is assembling K9 howitzers under licence": the named system's maker licensed it
    return any(
        it.origin or any(a.prep in FROM and 0 < a.start - it.start <= 4 for a in view.mentions.actors)
        for it in licences
    )


def _licences(view: ClauseView, c: int) -> list[ItemMention]:
    """Licence goods of clause c or of a verbless phrase set off after it ("… – mit einer Lizenz aus dem Iran")."""
    tokens = view.tokens
    found = []
    for k in (c, c + 1):
        if k >= view.n or k == c + 1 and any(meets(x.kinds, TRIGGERS_BUT_APPROVE) for x in view.cues_by_clause[k]):
            continue
        for it in view.items_by_clause[k]:
            if tokens[it.start].lemma in _LICENCE_NOUNS and any(
                t.lower in _LICENCE_PREPS for t in tokens[max(0, it.start - 2) : it.start]
            ):
                found.append(it)
    return found


def _object_of(view: ClauseView, cue: CueMention, item: ItemMention) -> bool:
    """Whether the goods are the verb's object: in English right after it (no preposition, infinitive or
    other noun between), in German not inside a prepositional phrase other than the verb's own ("verfügt über")."""
    tokens = view.tokens
    if view.lang == "en":
        between = tokens[cue.end : item.start]
        return item.start >= cue.end and len(between) <= 4 and all(t.lower not in PREPOSITIONS for t in between)
    k = item.start - 1
    while k >= 0 and (tokens[k].lowercase and tokens[k].lower not in PREPOSITIONS or tokens[k].text.isdigit()):
        k -= 1  # "über drei Unterseeboote", "chinesische Kampfdrohnen": back over numbers and adjectives
    return k < 0 or tokens[k].lower not in PREPOSITIONS or tokens[k].lower in _SERVICE_OBJECT


# --------------------------------------------------------------------------- goods


def _replaced(tokens: list[Token], item: ItemMention, lead: CueMention) -> bool:
    """A verb of replacing after the trigger and at most eleven words before the goods, within one phrase ("to
    replace its ageing fleet of F-16s and French Mirage fighters"), or (German) right after them ("die alten
    MiG-29 zu ersetzen")."""
    for k in range(item.start - 1, max(lead.end, item.start - 12) - 1, -1):
        if tokens[k].lemma in _REPLACE_VERBS:
            return True
        if tokens[k].text in (";", ":", "(", ")") or tokens[k].lower in _COMPLEMENTIZERS_EN:
            return False  # the object of "replace" ends at a new clause or phrase
    after = tokens[item.end : item.end + 3]
    return any(t.lemma in _REPLACE_VERBS for t in after) and item.start > lead.end


_MAINTAIN_VERBS: Final = words("lemma.maintain")


def _maintained(tokens: list[Token], item: ItemMention, lead: CueMention) -> bool:
    """A verb of keeping up after the trigger and at most six words before the goods, within one phrase ("to
    maintain its fleet of F-16s", "um ihre F-16 zu warten")."""
    if _maintaining_verb(tokens, item, lead) is not None:
        return True
    after = tokens[item.end : item.end + 3]
    return item.start > lead.end and any(t.lemma in _MAINTAIN_VERBS for t in after)


def _maintaining_verb(tokens: list[Token], item: ItemMention, lead: CueMention) -> int | None:
    """The verb of keeping up after the trigger and at most six words before the goods, within one phrase."""
    for k in range(item.start - 1, max(lead.end, item.start - 7) - 1, -1):
        if tokens[k].lemma in _MAINTAIN_VERBS or tokens[k].lower in _MAINTAIN_VERBS:
            return k
        if not tokens[k].text[:1].isalnum():
            return None
    return None


def _upkeep_purpose(tokens: list[Token], item: ItemMention, lead: CueMention) -> bool:
    """The goods are the object of a verb of keeping up in a purpose phrase after the trigger ("aimed at modernising
    the country's ageing military equipment", "to upgrade its F-16s"): "at"/"to" right before the verb."""
    k = _maintaining_verb(tokens, item, lead)
    return k is not None and k > 0 and tokens[k - 1].lower in _PURPOSE_MARKS


_PURPOSE_MARKS: Final = words("prep.aim-at", "en")  # "aimed at modernising", "to upgrade"


def _as_function(tokens: list[Token], item: ItemMention, items: list[ItemMention]) -> bool:
    """Goods after "als"/"as" and at most five words of a noun phrase ("als Ergänzung der Flugabwehr", "as a supplement
    to its air defence"), with other goods named before them: what those goods serve as."""
    if item.designation is not None or not any(it.end <= item.start for it in items if it is not item):
        return False
    for k in range(item.start - 1, max(-1, item.start - 7), -1):
        tok = tokens[k]
        if tok.lower in _AS_ROLE:
            if k > 0 and tokens[k - 1].lower in _NOT_FUNCTION_AS or tokens[k + 1].lower in _NOT_FUNCTION_AS:
                return False  # "such as", "as well as", "sowohl … als auch", "mehr als"
            return k + 1 < item.start  # a noun of the role between ("als Ergänzung der …"), not "als Flugabwehr"
        if not tok.alphabetic or tok.lower in _COMPLEMENTIZERS_EN:
            return False
    return False


_AS_ROLE: Final = words("prep.as-function")
_NOT_FUNCTION_AS: Final = words("word.before-as-not-function")


def _in_exchange(tokens: list[Token], item: ItemMention, items: list[ItemMention]) -> bool:
    """Whether the goods follow "im Austausch für", "im Gegenzug für", "in exchange for", "in return for"
    within their noun phrase (at most four words between, no other goods)."""
    others = {k for it in items if it is not item for k in range(it.start, it.end)}
    for k in range(item.start - 1, max(0, item.start - 7), -1):
        tok = tokens[k]
        if not tok.text[:1].isalnum() or k in others:
            return False
        if tok.lower in _EXCHANGE_FOR and k > 1 and tokens[k - 1].lower in _EXCHANGE_NOUNS:
            return tokens[k - 2].lower in _EXCHANGE_BEFORE
    return False


def _governed_by_for(tokens: list[Token], item: ItemMention) -> bool:
    """Goods governed by "für"/"for", with an article, a possessive or adjectives between."""
    for k in range(item.start - 1, max(-1, item.start - 4), -1):
        if tokens[k].lower in _FOR:
            return True
        if not (tokens[k].lower in ARTICLES or tokens[k].lowercase and tokens[k].alphabetic):
            return False
    return False


@dataclass(slots=True)
class _GoodsScope:
    """What the decisions on a frame's goods read: the clause, the lead cue and kind, and the trace they add to."""

    view: ClauseView
    c: int
    lead_cue: CueMention
    lead_kind: str
    trace: list[str]


def frame_items(
    view: ClauseView,
    c: int,
    owners: dict[int, tuple[int, str]],
    lead_cue: CueMention,
    lead_kind: str,
    trace: list[str],
) -> list[ItemMention]:
    """The goods of the frame led by ``lead_cue`` in clause c."""
    if "trigger.en.personnel-at-work" in trace:
        # the advisers or technicians at work were sent; what they maintain or accompany is no transfer here
        return [it for it in _people_with_origin(view, c) if it.end <= lead_cue.start]
    items: list[ItemMention] = []
    for k, (o, rule) in owners.items():
        if o == c:
            if k != c and view.items_by_clause[k]:
                trace.append(rule)
            items.extend(view.items_by_clause[k])
    if "trigger.licence-production" in trace:
        # what is transferred is the licence; the goods built with it stay where they are built
        return _licences(view, c)
    items = _drop_used(view, items, lead_cue, trace)
    scope = _GoodsScope(view, c, lead_cue, lead_kind, trace)
    items = _drop_goods_elsewhere(scope, items)
    items = _drop_goods_not_sent(scope, items)
    return _goods_when_none(scope, items)


def _drop_goods_elsewhere(scope: _GoodsScope, items: list[ItemMention]) -> list[ItemMention]:
    """Goods of the clause that stay where they are: the host of integrated parts, the buyer's own equipment, what
    is selected for, replaced, kept up, given back in exchange or built under a licence."""
    view, lead_cue, lead_kind, trace = scope.view, scope.lead_cue, scope.lead_kind, scope.trace
    if view.lang == "en" and len(items) > 1:
        kept = [it for it in items if not _host_of_parts(view.tokens, it, items)]
        if len(kept) < len(items):
            # "components … had been integrated into Bayraktar TB2 drones": the system the parts went into
            # is not what was sent
            trace.append("item.en.host-of-integrated-parts")
            items = kept
    if view.lang == "de":
        kept = [it for it in items if not _for_own(view.tokens, it)]
        if len(kept) < len(items) and kept:
            # "Für seine Kampfjets vom Typ F-35 kauft Tokio Seezielflugkörper": what the goods are for is the
            # buyer's own equipment
            trace.append("item.de.for-own-equipment")
            items = kept
    if lead_kind == "select":
        kept = [it for it in items if not _governed_by_for(view.tokens, it)]
        if len(kept) < len(items):
            # "das die Marine für die neuen Fregatten ausgewählt hat", "Für die neuen Fregatten hat Brasilien das
            # NSM ausgewählt": what the chosen system is for is not what is chosen
            trace.append("item.selected-for-purpose")
            items = kept
    if view.tokens[lead_cue.start].lemma in _REPLACE_VERBS:
        # "replacing its F-5 with Gripen", "seine MiG-29 durch Kampfjets ersetzen": what "with"/"durch" names is
        # acquired, the rest is replaced
        trace.append("trigger.replace-with-acquires")
        by = replaced_by_at(view.tokens, lead_cue.start, view.lang)
        kept = [it for it in items if it.start > by]
    else:
        kept = [it for it in items if not _replaced(view.tokens, it, lead_cue)]
    if len(kept) < len(items):
        # "bought 40 jets to replace its ageing fleet of American F-16s", "um die MiG-29 zu ersetzen": what is
        # replaced stays where it is; it is not what this transfer moves
        trace.append("item.replaced-goods-stay")
        items = kept
    kept = [it for it in items if not _maintained(view.tokens, it, lead_cue)]
    if len(kept) < len(items) and kept:
        # "bought spare parts from the US to maintain its fleet of F-16s": the fleet kept up is the buyer's own
        trace.append("item.maintained-goods-stay")
        items = kept
    elif (
        len(kept) < len(items)
        and lead_kind in ("buy", "order")
        and all(_upkeep_purpose(view.tokens, it, lead_cue) for it in items)
    ):
        # "a series of purchases aimed at modernising the country's ageing military equipment": the purchases'
        # purpose is to keep up the buyer's own goods, which are not what they buy
        reject("item.goods-kept-up-are-no-purchase", f"{lead_cue.lemma!r}: the goods kept up are the buyer's own")
        items = kept
    kept = [it for it in items if not _as_function(view.tokens, it, items)]
    if len(kept) < len(items) and kept:
        # "Die ersten Jets … werden als Ergänzung der Flugabwehr eingesetzt": what the goods serve as is their role,
        # not more goods
        trace.append("item.function-named-with-as")
        items = kept
    kept = [it for it in items if not _in_exchange(view.tokens, it, items)]
    if len(kept) < len(items) and kept:
        # "lieferte Munition im Austausch für Satellitentechnik", "in exchange for fighter jets": what comes
        # back in exchange is not what this transfer sends
        trace.append("item.in-exchange-goes-back")
        items = kept
    if view.lang == "de" and any(view.tokens[it.start].lemma in _LICENCE_NOUNS for it in items):
        kept = [it for it in items if not _built_under_licence(view.tokens, it)]
        if len(kept) < len(items):
            # "erhielt eine Lizenz zum Bau deutscher U-Boote": the licence is sent; the boats are built at home
            trace.append("item.de.built-under-licence-stays")
            items = kept
    return items


def _drop_goods_not_sent(scope: _GoodsScope, items: list[ItemMention]) -> list[ItemMention]:
    """Goods words that are no goods of this transfer: the enemy's, related equipment of goods named, goods built
    under a licence, the arms of a measure word, the forces receiving, goods in use, support, training."""
    view, c, lead_cue, lead_kind, trace = scope.view, scope.c, scope.lead_cue, scope.lead_kind, scope.trace
    if view.lang == "en" and items:
        enemy: set[int] = set()
        for it in sorted(items, key=lambda x: x.start):
            before = view.tokens[it.start - 1].lower if it.start > 0 else ""
            if before in _ENEMY or before in ("and", "or", ",") and it.start - 1 in enemy:
                enemy.update(range(it.start, it.end + 1))  # "enemy radars and drones": the list shares the word
        kept = [it for it in items if it.start not in enemy]
        if len(kept) < len(items):
            # "capability to suppress and destroy enemy air defenses": the enemy's goods are targets, not sent
            trace.append("item.en.enemy-goods-are-targets")
            items = kept
    if view.lang == "en" and len(items) > 1:
        named = [it for it in items if it.category not in (None, "military-equipment")]
        kept = [
            it
            for it in items
            if not (it.category == "military-equipment" and view.tokens[it.start - 1].lower in _RELATED and named)
        ]
        if len(kept) < len(items) and kept:
            # "F-16 Block 70/72 aircraft and related equipment": the equipment goes with the goods named, it is
            # no transfer of its own
            trace.append("item.en.related-equipment-goes-with-goods")
            items = kept
    if view.lang == "en" and len(items) > 1:
        licences = [it for it in items if _licence_item(view, it)]
        builders = [x.start for x in view.cues_by_clause[c] if x.lemma in _BUILD_FOR]
        if licences and builders:
            built = [it for it in items if it not in licences and min(builders) < it.start < licences[0].start]
            if built:
                # "agreed to build a factory to produce the rifles and their ammunition under licence": the
                # licence is transferred; the goods made with it are made where it goes
                trace.append("item.en.built-under-licence-stays")
                items = [it for it in items if it not in built]
    measures = [x for x in view.mentions.cues if "sanction" in x.kinds and x.end - x.start > 1]
    kept = [it for it in items if not any(x.start <= it.start and it.end <= x.end for x in measures)]
    if len(kept) < len(items):
        # "A U.N. arms embargo bars weapons transfers": the arms of "arms embargo" name the measure, no goods
        trace.append("item.inside-measure-word")
        items = kept
    if view.lang == "de" and (lead_kind in GIVE or lead_kind in ("go", "arrive")):
        kept = [it for it in items if not _forces_receiving(view, it)]
        if len(kept) < len(items):
            # "die Maschinen seien an die Truppe übergeben worden": the forces the goods go to receive them
            trace.append("item.de.forces-receiving")
        items = kept
    if "trigger.goods-in-service" in trace:
        items = _in_service(view, lead_cue, items)  # "Hamas fighters have used rockets": the fighters are no goods
    if lead_kind == "support":
        items = _support_goods(view, c, items, lead_cue, trace)
    if "train" in lead_cue.kinds:
        kept = [
            it for it in items if not any(t.lower in _TRAINING_ON for t in view.tokens[max(0, it.start - 3) : it.start])
        ]
        if len(kept) < len(items):
            # "bildet ukrainische Soldaten an Leopard-Panzern aus", "trains pilots on F-16s": what the training
            # is on stays where it is; the trainers are what is sent
            trace.append("item.training-on-stays")
        items = kept
    return items


def _goods_when_none(scope: _GoodsScope, items: list[ItemMention]) -> list[ItemMention]:
    """Goods when the clause names none of its own: the arms a licence value stands for, an earlier clause's or a
    pronoun's, or arms in general for a role noun."""
    view, c, lead_cue, lead_kind, trace = scope.view, scope.c, scope.lead_cue, scope.lead_kind, scope.trace
    if (
        lead_kind == "approve"
        and not any(view.grammar.clause[it.start] == c for it in items)
        and _licence_value(view, c, lead_cue)
    ):
        # "Für Chile wurden Genehmigungen im Wert von 42,7 Millionen Euro erteilt": export licences measured in
        # money license arms in general (goods listed after them, "darunter …", are some of them)
        items = [ItemMention(lead_cue.start, lead_cue.end, "military-equipment", text=lead_cue.lemma), *items]
        trace.append("item.licence-value-general-goods")
    if not items:
        items = _goods_from_context(view, c, lead_cue, lead_kind, trace)
    if not items and lead_cue.kinds & ROLE_NOUNS and not view.mentions.items:
        # "Größtes Empfängerland war Brasilien", "Russia is India's largest supplier": arms, unspecified (when the
        # sentence names goods elsewhere, its other clauses tell them)
        items = [ItemMention(lead_cue.start, lead_cue.end, "military-equipment", text=lead_cue.lemma)]
        trace.append("item.role-noun-general-goods")
    return items


def _about_idiom(tokens: list[Token], lead: CueMention) -> bool:
    """ "es geht um", "ging es um": the impersonal pronoun next to the verb and "um" after it."""
    near = [t.lower for t in tokens[max(0, lead.start - 1) : lead.end + 1]]
    after = [t.lower for t in tokens[lead.end : lead.end + 4]]
    return any(w in _IMPERSONAL for w in near) and any(w in _ABOUT for w in after)


def _built_under_licence(tokens: list[Token], item: ItemMention) -> bool:
    """Whether goods follow a licence noun and "zum Bau", "zur Herstellung" ("Lizenz zum Bau deutscher U-Boote")."""
    for k in range(max(2, item.start - 3), item.start):
        if tokens[k].lemma in _BUILDING and tokens[k - 1].lower in _TO_BUILD and tokens[k - 2].lemma in _LICENCE_NOUNS:
            return True
    return False


def _for_own(tokens: list[Token], item: ItemMention) -> bool:
    """Whether goods follow "für" and a possessive ("für seine Kampfjets", "für ihre neuen Fregatten")."""
    k = item.start - 1
    while k > 0 and tokens[k].lowercase and tokens[k].lower not in _OWN and tokens[k].lower not in _PURPOSE_FOR:
        k -= 1  # back over adjectives
    return k > 0 and tokens[k].lower in _OWN and tokens[k - 1].lower in _PURPOSE_FOR


def _forces_receiving(view: ClauseView, item: ItemMention) -> bool:
    """Whether personnel goods follow "an" and an article ("an die Truppe"): the forces that receive."""
    if item.category != "personnel" or item.start < 2:
        return False
    tokens = view.tokens
    k = item.start - 1
    while k > 1 and tokens[k].alphabetic and tokens[k].lowercase and tokens[k].lower not in ARTICLES:
        k -= 1  # "an die eigene Truppe": back over adjectives
    return tokens[k].lower in ARTICLES and tokens[k - 1].lower in _TO_INSTITUTION


def _licence_value(view: ClauseView, c: int, lead: CueMention) -> bool:
    """Whether the lead is an export licence noun followed by its value ("Genehmigungen im Wert von …")."""
    tokens = view.tokens
    end = view.grammar.clauses[c][1]
    return tokens[lead.start].lemma.endswith(_EXPORT_LICENCES) and any(
        tokens[i].lower in _VALUE_NOUNS for i in range(lead.end, min(end, lead.end + 3))
    )


def _buys_share_of_its(view: ClauseView, lead: CueMention) -> bool:
    """An English present "buys/buy" followed at once by a share of a possessor's goods ("buys most of its
    weapons from Russia", "buy the bulk of their arms abroad")."""
    if view.lang != "en":
        return False
    tokens = view.tokens
    verb = tokens[lead.start]
    if verb.lower not in (verb.lemma, verb.lemma + "s"):
        return False  # "bought": a purchase, not a habit
    after = [t.lower for t in tokens[lead.end : lead.end + 4]]
    for k in range(len(after) - 2):
        if after[k] in _SHARE_WORDS and after[k + 1] == "of" and after[k + 2] in _POSSESSIVE_OPENING:
            return True
    return False


def _appositive_participle(view: ClauseView, c: int, lead: CueMention) -> bool:
    """Clause c is ", bought in 2015," right after a clause that names only goods (no cue, no verb)."""
    if view.lang != "en" or c == 0 or not view.items_by_clause[c - 1] or view.cues_by_clause[c - 1]:
        return False
    tokens = view.tokens
    start = view.grammar.clauses[c][0]
    if tokens[start].text != "," or lead.start != start + 1:
        return False
    word = tokens[lead.start]
    return word.lower != word.lemma and word.lower.endswith(("ed", "ght", "nt", "ld"))


def _host_of_parts(tokens: list[Token], item: ItemMention, items: list[ItemMention]) -> bool:
    """ "integrated into Bayraktar TB2 drones", "fitted to the frigates", "engines needed to finish the submarine":
    goods after a participle of building in and its preposition, or after "needed to" and a verb, with other goods
    named before them."""
    for k in range(item.start - 1, max(0, item.start - 4), -1):
        if tokens[k].lower in _INTO and tokens[k - 1].lemma in _BUILT_IN:
            return any(other.end <= k - 1 for other in items if other is not item)
    for k in range(item.start - 2, max(0, item.start - 5), -1):
        if tokens[k].lower in _TO_INFINITIVE and tokens[k - 1].lower in _NEEDED_FOR:
            # "the engines needed to finish the submarine": what the parts are needed for is not sent
            return any(other.end <= k - 1 for other in items if other is not item)
    return False


def _drop_used(view: ClauseView, items: list[ItemMention], lead: CueMention, trace: list[str]) -> list[ItemMention]:
    """A use verb ("griffen an", "fired") closer to an item than the trigger keeps it."""
    starts = {it.start for it in view.mentions.items}
    inside = {i for it in view.mentions.items for i in range(it.start, it.end)}
    kept = [
        it
        for it in items
        if not _used(
            it, view.cues_by_clause[view.grammar.clause[it.start]], lead, starts, inside, view.tokens, view.lang
        )
    ]
    if len(kept) < len(items):
        trace.append("item.used-not-sent")
    return kept


def _support_goods(
    view: ClauseView, c: int, items: list[ItemMention], lead: CueMention, trace: list[str]
) -> list[ItemMention]:
    """ "unterstützt X mit Y", "hat Iran bei der Entwicklung … unterstützt", "helped X with Y":
    the goods follow a with-phrase inside the supporting clause."""
    tokens, clause = view.tokens, view.grammar.clause
    builds = [x for x in view.cues_by_clause[c] if x.lemma in _BUILD_FOR]
    kept = [
        it
        for it in items
        if clause[it.start] == c
        and (
            any(t.lower in _SUPPORT_WITH for t in tokens[max(0, it.start - 8) : it.start])
            # "is helping Iran build drones": what the helped one builds is what the help gives
            or any(lead.start < x.start < it.start for x in builds)
        )
        and (view.lang == "de" or it.start > lead.start)
    ]
    trace.append("item.support-with-goods")
    for it in kept:
        if it.category not in ("technology", "space-technology") and (
            any(lead.start < x.start < it.start for x in builds)
            or any(t.lemma in _BUILDING for t in tokens[max(lead.start, it.start - 4) : it.start])
        ):
            # "helping Iran build drones", "unterstützt Pakistan beim Bau von U-Booten": know-how (the contract)
            it.category = "technology"
            trace.append("item.help-to-build-is-technology")
    return kept


def _goods_from_context(
    view: ClauseView, c: int, lead: CueMention, lead_kind: str, trace: list[str]
) -> list[ItemMention]:
    """Goods when the clause names none: an earlier clause's, a pronoun's, or the verb's own."""
    tokens, grammar = view.tokens, view.grammar
    if grammar.infinitive[c] and c > 0 and view.items_by_clause[c - 1] and lead_kind != "support":
        # (goods before "to help" are the means that help, not what is given: "The jets are designed | to help …")
        trace.append("item.infinitive-previous-clause")  # "expects the first six jets | to arrive next year"
        return list(view.items_by_clause[c - 1])
    if _de_bracket_before_participle(view, c, lead):
        # "Die Militärs haben drei Panzer, neun Haubitzen, …, Kommunikationsmittel usw. erhalten": commas inside the
        # bracket of a finite auxiliary and its final participle split a list, not the clause
        trace.append("item.de.bracket-goods-before-participle")
        return list(view.items_by_clause[c - 1])
    if (
        lead_kind == "give_noun"
        and lead.start > 0
        and tokens[lead.start - 1].lower in _FURTHER
        and not view.items_by_clause[c]
    ):
        # "Peking stellte weitere Lieferungen danach ein": further deliveries are not the goods named before
        trace.append("item.de.further-deliveries")
        return [ItemMention(lead.start, lead.end, "military-equipment", text=tokens[lead.start].text)]
    if (
        lead_kind == "give_noun"
        and c > 0
        and view.items_by_clause[c - 1]
        and not view.items_by_clause[c]
        and tokens[grammar.clauses[c][0] + (tokens[grammar.clauses[c][0]].text == ",")].lower in _WITH_ABSOLUTE
    ):
        # "ordered 20 helicopters from France, with deliveries to begin in 2019": the deliveries of the goods just
        # named
        trace.append("item.en.with-deliveries-of-previous")
        return list(view.items_by_clause[c - 1])
    if _object_shared_with_next(view, c, lead):
        # "Chile bestellte und erhielt 146 Leopard-Panzer", "Chile ordered and received 146 tanks": two verbs
        # joined before their one object share it
        trace.append("item.object-shared-by-coordinated-verbs")
        return list(view.items_by_clause[c + 1])
    if _appositive_participle(view, c, lead):
        # "Chinese CH-4B armed drones, bought in 2015, flew hundreds of missions": the participle set off after
        # the goods is about them
        trace.append("item.en.appositive-participle")
        return list(view.items_by_clause[c - 1])
    if lead_kind != "support":
        found = _antecedent(view, c)
        if found:
            trace.append(found[1])
            return found[0]
        pronoun = _anaphoric_items(tokens, grammar, c, view.lang, lead.start)
        if pronoun:
            trace.append("item.pronoun-object")
            return pronoun
        bare = _bare_count_object(view, c, lead)
        if bare:
            trace.append("item.bare-count-object")
            return bare
        also = _also_supplied(view, c, lead, lead_kind)
        if also:
            trace.append("item.also-supplied-the-same")
            return also
        deal = _deal_named_before(view, c, lead_kind)
        if deal:
            trace.append("item.deal-named-before")
            return deal
        scheme = _scheme_named_before(view, c) if "trigger.join-procurement" in trace else []
        if scheme:
            trace.append("item.scheme-named-before")
            return scheme
    return _goods_implied(view, c, lead, lead_kind, trace)


def _goods_implied(view: ClauseView, c: int, lead: CueMention, lead_kind: str, trace: list[str]) -> list[ItemMention]:
    """Goods the verb or the sentence implies when none are named: weapons of arming, a group's fighters, a force
    for hire, the delivery talked about, deliveries not specified further."""
    tokens, grammar = view.tokens, view.grammar
    actors = view.actors_by_clause[c]
    # (a party only named against whom or where, "im Krieg gegen die Rebellen", is no side of the arming)
    named = len([a for a in actors if a.prep is None or a.prep in TO])
    if grammar.infinitive[c] and c > 0:
        # "Moscow continues to arm Myanmar": the governing clause's subject arms
        named += len([a for a in view.actors_by_clause[c - 1] if a.prep is None and not a.genitive])
    if lead.lemma in _IMPLIED and named >= int(_IMPLIED[lead.lemma][1]):
        # "dass Washington Pakistan aufgerüstet hat": arming someone transfers weapons;
        # "Piloten in Baku auszubilden": trainers sent to the recipient are personnel
        trace.append("item.implied-by-verb")
        return [ItemMention(lead.start, lead.end, _IMPLIED[lead.lemma][0], text=tokens[lead.start].text)]
    if lead_kind == "give":
        # "Wagner fighters have been deployed to …": the group's fighters are what is sent
        crews = [a for a in actors if a.kind == "demonym" and not a.id.isupper()]
        if crews:
            trace.append("item.group-fighters")
            return [ItemMention(crews[0].start, crews[0].end, "personnel", origin=crews[0].id, text=crews[0].text)]
    if lead_kind == "support":
        hired = [a for a in actors if a.id in _FORCES_FOR_HIRE and (a.prep is None or a.prep in FROM)]
        if hired:
            # "Mali wird von der Wagner-Gruppe unterstützt": a force for hire supports with its fighters
            trace.append("item.forces-for-hire-support")
            return [ItemMention(hired[0].start, hired[0].end, "personnel", origin=hired[0].id, text=hired[0].text)]
    noun = lead if lead_kind == "give_noun" else None
    if noun is None and lead_kind == "arrive":
        # "Erste Lieferungen aus Indien waren nach Armenien gelangt": the deliveries themselves arrived
        noun = next((x for x in view.cues_by_clause[c] if "give_noun" in x.kinds and x.start < lead.start), None)
    sale = noun or (lead if lead_kind == "sell" else None)
    if (
        sale is not None
        and _definite_singular(tokens, sale)
        and any(a.prep in _BARE_DELIVERY_TO and a.start > sale.start for a in actors)
    ):
        # "grünes Licht für die Lieferung durch die israelische Industrie an Deutschland", "approved the sale to
        # Finland": the delivery talked about, of the goods named before (else arms in general)
        trace.append("item.definite-delivery-named-before")
        return [ItemMention(sale.start, sale.end, None, carrier="delivery", text=tokens[sale.start].text)]
    if noun is not None and _bare_deliveries(tokens, noun, actors):
        # "Lieferungen in die USA, nach Deutschland und in die Schweiz": goods not specified further
        trace.append("item.bare-deliveries")
        return [ItemMention(noun.start, noun.end, "military-equipment", text=tokens[noun.start].text)]
    return []


def _definite_singular(tokens: list[Token], noun: CueMention) -> bool:
    """ "die Lieferung", "der Verkauf", "the sale": a single delivery with a definite article, its goods not
    named after it ("die Ausfuhr von Erdöl": other goods)."""
    word = tokens[noun.start]
    if noun.start == 0 or tokens[noun.start - 1].lower not in _DEFINITE_SINGULAR:
        return False
    nxt = tokens[noun.end].lower if noun.end < len(tokens) else ""
    if nxt in _BARE_DELIVERY_NEXT and nxt not in _BARE_DELIVERY_TO:
        return False
    return word.lower == word.lemma or word.lower.endswith("ung")


def _used(
    item: ItemMention,
    cues: list[CueMention],
    lead: CueMention,
    item_starts: set[int],
    inside: set[int],
    tokens: list[Token],
    lang: str,
) -> bool:
    """Is the item governed by a verb of use or own production rather than the trigger?"""
    for cue in cues:
        if "use" in cue.kinds and cue is not lead and not meets(cue.kinds, TRIGGERS_BUT_USE):
            if cue.end in item_starts or cue.end + 1 in item_starts or cue.start in inside:
                continue  # "attack helicopters", "one-way attack drones": a modifier, not a verb
            word = tokens[cue.start].lower
            nxt = tokens[cue.end] if cue.end < len(tokens) else None
            if (
                word.endswith("ing")
                and nxt is not None
                and nxt.alphabetic
                and nxt.lowercase
                and nxt.lower not in _DETERMINERS_BEFORE_NOUN_EN
            ):
                continue  # "a drone manufacturing plant": a gerund modifier, not a verb ("using the planes" is one)
            if cue.start == item.end and nxt is not None and nxt.lower in _AGENT_OR_PLACE:
                continue  # "submarines built by Naval Group": a participle describing the goods
            if (
                lang == "en"
                and word.endswith("ed")
                and cue.start - 1 in inside
                and lead.end <= item.start
                and item.end <= cue.start
            ):
                continue  # "supplied … drones and rockets used in 170 attacks": a participle describing the goods
            if _built_where(tokens, cue):
                continue  # "The corvette was built in Italy and delivered": where it was built, not own production
            if cue.lemma in _LAUNCH and item.category != "space-technology":
                continue  # "Die Lieferungen der Panzer starten im Mai": only satellites are launched
            if "support" in lead.kinds and cue.lemma in _BUILD_FOR:
                continue  # "is helping Iran build a satellite launch site": the help is the transfer
            if cue.start > item.start and item.end <= cue.start <= item.end + 1 and word == "launch":
                continue  # "satellite launch site": a noun modifier
            before = [t.lower for t in tokens[max(0, cue.start - 2) : cue.start]]
            if before and (
                before[-1] in _PURPOSE_PREPS or len(before) == 2 and before[0] in _PURPOSE_PREPS and before[1] in _OWN
            ):
                continue  # "Satellitendaten für ihre Angriffe": the purpose of the goods, not their use here
            if lang == "en" and item.end <= cue.start and _counted_noun(tokens, cue):
                continue  # "rockets used in more than 170 attacks": attacks counted, a noun, no verb of use
            if abs(cue.start - item.start) < abs(lead.start - item.start):
                return True
    return False


def _counted_noun(tokens: list[Token], cue: CueMention) -> bool:
    """ "in more than 170 attacks", "in 40 strikes": a use word after a preposition and a number is a noun."""
    k = cue.start - 1
    seen_number = False
    while k >= 0 and cue.start - k <= 5:
        tok = tokens[k]
        if tok.text[:1].isdigit():
            seen_number = True
        elif tok.lower in PREPOSITIONS:
            return seen_number
        elif tok.lower not in _COMPARATIVE_QUANTIFIERS:
            return False
        k -= 1
    return False


def _built_where(tokens: list[Token], cue: CueMention) -> bool:
    """ "built in Italy", "in Deutschland gebaut", "eine in Italien gebaute Korvette": a participle of building
    with the place where; it says where goods come from."""
    word = tokens[cue.start].lower
    if not word.startswith(_BUILT_PARTICIPLES):
        return False
    after = [t.lower for t in tokens[cue.end : cue.end + 1]]
    before = [t.lower for t in tokens[max(0, cue.start - 4) : cue.start]]
    return bool(after and after[0] in _PLACE_PREPS or any(w in _PLACE_PREPS for w in before[-3:]))


def _year(tokens: list[Token], k: int) -> bool:
    """ "handed over in 2025", "bis 2027": a four-digit number after a preposition of time is a year, no count."""
    text = tokens[k].text
    return (
        len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100 and k > 0 and tokens[k - 1].lower in _YEAR_PREPS
    )


def _antecedent(view: ClauseView, c: int) -> tuple[list[ItemMention], str] | None:
    """A relative clause ("…, das Moskau 2019 an Ankara geliefert hatte") is about the noun before it."""
    tokens, grammar, items_by_clause = view.tokens, view.grammar, view.items_by_clause
    start, end = grammar.clauses[c]
    ws = [t.lower for t in tokens[start : min(end, start + 3)]]
    if c == 0 or not ws:
        return None
    if partitive(tokens, grammar, c) and items_by_clause[c - 1]:
        # "42 Rafale bestellt, von denen sechs bereits geliefert wurden", "six of which have been delivered":
        # part of the goods just named, counted by the number in this clause
        last = items_by_clause[c - 1][-1]
        count = next(
            (
                _count(t)
                for k, t in enumerate(tokens[start:end], start)
                if _count(t) is not None and not _year(tokens, k)
            ),
            None,
        )
        part = ItemMention(
            last.start, last.end, last.category, last.designation, count, last.origin, last.producer, last.text
        )
        return [part], "item.partitive-part"
    rel = ws[1] if ws[0] == "," and len(ws) > 1 else ws[0]
    if rel not in _RELATIVE or not items_by_clause[c - 1]:
        return None
    last = items_by_clause[c - 1][-1]
    if last.end < grammar.clauses[c - 1][1] - 4:  # "… die Eurofighter-Flotte des Königreichs, die …"
        return None
    subject = _copula_subject(view, items_by_clause[c - 1], last)
    if subject is not None:
        # "Der Gepard war das erste Waffensystem, das Deutschland zugesagt hatte": the general noun is
        # what the named system is; the relative clause is about the system
        return [subject], "item.relative-on-predicate-noun"
    return [last], "item.relative-antecedent"


def _members_named_after(view: ClauseView, c: int) -> bool:
    """ "Zu den Waffen, | deren … zugestimmt hat, | gehörten Getriebe": clause c is a relative clause on the noun
    of "zu den …", and the clause after it names the goods that belong to that noun with "gehören/zählen"."""
    tokens, grammar, items_by_clause = view.tokens, view.grammar, view.items_by_clause
    if view.lang != "de" or c < 1 or c + 1 >= view.n or not items_by_clause[c + 1]:
        return False
    start = grammar.clauses[c - 1][0]
    if tokens[start].lower != "zu" or start + 1 >= len(tokens) or tokens[start + 1].lower not in _MEMBER_ARTICLES:
        return False
    nxt = [t for t in tokens[grammar.clauses[c + 1][0] : grammar.clauses[c + 1][1]] if t.text != ","]
    return bool(nxt) and nxt[0].lower in _MEMBERSHIP_VERBS and relative_clause(tokens, grammar, c)


def _copula_subject(view: ClauseView, items: list[ItemMention], last: ItemMention) -> ItemMention | None:
    """Named goods as the subject of "sein" whose predicate noun is general goods ("Der Gepard war das
    erste schwere Waffensystem")."""
    if last.category != "military-equipment" or len(items) < 2:
        return None
    tokens = view.tokens
    for it in items[:-1]:
        if (
            it.category != "military-equipment"
            and it.end < last.start
            and tokens[it.end].lower in _COPULA
            and last.start - it.end <= 5
            and not any(t.text in (",", ";", ":") for t in tokens[it.end : last.start])
        ):
            return it
    return None


def _count(tok: Token) -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return _COUNT_WORDS.get(tok.lower)


def _subject_before_active(tokens: list[Token], i: int, lead: int) -> bool:
    """Is the English word at i within three words before an active finite verb of the clause (no "be" right
    before it), and so its subject?"""
    if not 0 < lead - i <= 3 or tokens[lead - 1].lower in _BE_BEFORE_PARTICIPLE or tokens[lead].text.endswith("ing"):
        return False
    return all(t.lowercase and t.alphabetic for t in tokens[i + 1 : lead])


_PERSONAL_PRONOUNS_EN: Final = words("pronoun.personal", "en")


def _object_shared_with_next(view: ClauseView, c: int, lead: CueMention) -> bool:
    """Does the clause end with its verb, and the next open with "und"/"and" and another verb of a transfer, then
    goods ("Chile bestellte | und erhielt 146 Panzer")? The goods are the object of both verbs."""
    tokens, grammar = view.tokens, view.grammar
    if c + 1 >= view.n or view.items_by_clause[c]:
        return False
    end = grammar.clauses[c][1]
    start = grammar.clauses[c + 1][0]
    if lead.end != end or tokens[start].lower not in _AND_SHARED or start + 1 >= len(tokens):
        return False
    verb = next((x for x in view.cues_by_clause[c + 1] if x.start == start + 1), None)
    if verb is None or not verb.kinds & _SHARED_VERB_KINDS or not view.items_by_clause[c + 1]:
        return False
    return _verb_reading(tokens, lead, view.lang) and _verb_reading(tokens, verb, view.lang)


def _verb_reading(tokens: list[Token], cue: CueMention, lang: str) -> bool:
    """Is the cue a verb here, not a noun ("Russia's export and import of military hardware")?"""
    if "give_noun" in cue.kinds or not tokens[cue.start].lowercase:
        return False
    if lang != "en":
        return True
    before = tokens[cue.start - 1] if cue.start > 0 else None
    after = tokens[cue.end].lower if cue.end < len(tokens) else ""
    return after != "of" and not (
        before is not None and (before.lower in _DETERMINERS_BEFORE_NOUN_EN or before.text.endswith(("'s", "’s")))
    )


_AND_SHARED: Final = words("conj.and")
_SHARED_VERB_KINDS: Final = frozenset({"give", "get", "buy", "order", "sell"})


def _also_supplied(view: ClauseView, c: int, lead: CueMention, lead_kind: str) -> list[ItemMention]:
    """ "It is also supplying Namibia", "Auch Namibia wird beliefert": a verb of supplying or selling with "also"
    and a state to supply, but no goods of its own, supplies the goods named before (the adverb stands for them,
    as a pronoun would; coreference finds them or the frame has none)."""
    if lead_kind not in _ALSO_KINDS or not view.actors_by_clause[c]:
        return []
    start, end = view.grammar.clauses[c]
    tokens = view.tokens
    named = {k for a in view.actors_by_clause[c] for k in range(a.start, a.end)}
    # only states, the verb, "also" and function words: "Russia also sells oil to India" has goods of its own
    # that are no arms, so it says nothing about the goods named before
    if any(
        tokens[k].alphabetic and k not in named and k != lead.start and tokens[k].lower not in _ALSO_FILLERS
        for k in range(start, end)
    ):
        return []
    for k in range(start, end):
        if tokens[k].lower in _ALSO_SAME:
            return [ItemMention(k, k + 1, None, carrier="pronoun", text=tokens[k].text)]
    return []


_ALSO_KINDS: Final = frozenset({"give", "sell"})
_ALSO_SAME: Final = words("adverb.also-the-same")
_ALSO_FILLERS: Final = _ALSO_SAME | words("function.also-supplied-filler")


def _anaphoric_items(
    tokens: list[Token], grammar: SentenceGrammar, c: int, lang: str = "", lead: int = -1
) -> list[ItemMention]:
    """A pronoun object ("it", "sie", "them") stands for the last named item; an English pronoun after a
    preposition other than "with"/"of" ("each government behind them") is no object of the verb, nor one before
    an active verb ("It also sells oil to Namibia": the subject; "It was delivered to Namibia" stays goods)."""
    start, end = grammar.clauses[c]
    for i in range(start, end):
        word = tokens[i].lower
        if lang == "en" and i > 0 and tokens[i - 1].lower in _EN_PREPOSITIONS:
            continue
        if lang == "en" and word in _PERSONAL_PRONOUNS_EN and _subject_before_active(tokens, i, lead):
            continue
        if word in _ITEM_PRONOUNS and not _determiner(tokens, i):
            if lang == "en" and i + 1 < end and tokens[i + 1].lower in _FINITE_AFTER_PART:
                # "Israel said it was halting exports": "it" before a finite verb is the subject, not goods
                continue
            if word in _EXPLETIVE and any(t.lemma in _EXISTENTIAL for t in tokens[start:end]):
                # "Für entsprechende Anfragen habe es Genehmigungen gegeben": the "es" of "es gibt" stands for nothing
                reject("item.de.existential-es", f"clause {c}: {tokens[i].text!r} of an existential")
                continue
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text)]
        if lang == "en" and word in _PASSIVE_SUBJECT_PRONOUNS and _passive_after(tokens, i + 1, end):
            # "Kazakhstan bought Su-30SM fighters from Russia. They were delivered last year.": the subject of a
            # passive of supplying stands for the goods named last
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text)]
        if (
            lang == "en"
            and i == start + 1
            and tokens[start].lower in _AND_SHARED
            and _passive_after(tokens, i + 1, end)
        ):
            count = _count(tokens[i])
            if count is not None:
                # "sold 12 jets to Peru and 6 were delivered in May": a bare count as the subject of a passive
                # of supplying counts the goods named before
                return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text, quantity=count)]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in _REMAINDER and (nxt is None or not nxt.capitalised and nxt.lower not in _NOUNISH_EN):
            # "two more would follow", "die übrigen sollen folgen", "weitere sollen folgen" (the count before the
            # word counts the rest)
            before = tokens[i - 1].text if i > start else ""
            count = _count(tokens[i - 1]) if before and not (before.isdigit() and len(before) == 4) else None
            # (a year is no count: "lieferte ab 1987 weitere")
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text, quantity=count)]
        if (
            lang == "en"
            and word in _ORDINAL_PART_EN
            and i > 0
            and tokens[i - 1].lower == "the"
            and nxt is not None
            and (nxt.lower in _ONE_WORDS or _count(nxt) is not None or nxt.lower in _FINITE_AFTER_PART)
        ):
            # "with the first one expected to be delivered next year", "the first two will arrive in May": the
            # first (or last) of the goods named before
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text)]
    return []


def _fronted_question_hedged(view: ClauseView, c: int) -> bool:
    """A question clause opening the sentence whose matrix, right after it, says it is unclear: the hedge cue in
    the same clause after the question's verb (English, no comma) or in the clause after it."""
    if view.grammar.clauses[c][0] != 0 or view.tokens[0].lower not in _QUESTION_OPENERS:
        return False
    cues = [x for x in view.cues_by_clause[c] if x.lemma in _UNCLEAR]
    if c + 1 < len(view.grammar.clauses):
        cues += [x for x in view.cues_by_clause[c + 1] if x.lemma in _UNCLEAR]
    return bool(cues)


def _relative_on_party(view: ClauseView, c: int, lead: CueMention) -> bool:
    """Whether clause c is a relative clause on a party ("Qatar, which has bought …", "and Egypt which ordered …"),
    not on goods from somewhere ("Tucanos aus den USA, die 2021 übergeben wurden")."""
    tokens = view.tokens
    start = view.grammar.clauses[c][0]
    if relative_clause(tokens, view.grammar, c):
        return any(a.end == start and a.prep is None for a in view.mentions.actors)
    return view.lang == "en" and any(
        a.prep is None and a.end < lead.start and tokens[a.end].lower in _WH_RELATIVE for a in view.actors_by_clause[c]
    )


def _bare_count_object(view: ClauseView, c: int, lead: CueMention) -> list[ItemMention]:
    """A count right after a verb of supplying or buying, with no noun after it ("Egypt ordered 24 in 2015",
    "has delivered eight so far", "bought another 12"), stands for more of the goods named before."""
    tokens = view.tokens
    k = lead.end
    if view.lang != "en" or not tokens[lead.start].lowercase or k >= len(tokens):
        return []
    if tokens[k].lower in _BEFORE_BARE_COUNT:
        k += 1  # "another 12", "a further 12"
    if k >= len(tokens) or view.grammar.clause[k] != c:
        return []
    count = _count(tokens[k])
    if count is None or 1900 <= count <= 2100 or tokens[k].text[:1] == "$":
        return []
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.lower not in _AFTER_BARE_COUNT:
        return []  # "ordered 24 fighters", "sold 24 million rounds": a noun follows
    return [ItemMention(k, k + 1, None, quantity=count, carrier="pronoun", text=tokens[k].text)]


def _sales_total(view: ClauseView, frame: Frame) -> bool:
    """A plural sales noun with a verb of amounting after it in its clause ("sales … totaled")."""
    if view.tokens[frame.trigger.start].lower not in _SALES_NOUNS:
        return False
    end = view.grammar.clauses[frame.clause][1]
    return any(t.lower in _AMOUNT_VERBS for t in view.tokens[frame.trigger.end : end])


def _habitual_sales(view: ClauseView, frame: Frame) -> bool:
    """An English "sells" with goods named only by their kind, without determiner, count or designation
    ("sells weapons to Peru", "sells Russian helicopters to"): a habit, what is going on, not one sale."""
    tokens = view.tokens
    lead = frame.trigger
    if view.lang != "en" or tokens[lead.start].lower not in _PRESENT_SELLS or not frame.items:
        return False
    for item in frame.items:
        if item.quantity is not None or item.designation is not None or item.start < lead.end:
            return False
        if any(t.lower in _BEFORE_NOUN or not t.letter_first for t in tokens[lead.end : item.start]):
            return False  # "sells the tanks", "sells 12 jets", "sells its old frigates"
    return True


_PRESENT_SELLS: Final = words("verb.present-sells", "en")
_BEFORE_NOUN: Final = words("determiner.before-noun", "en")


def _pressing_on(view: ClauseView, cue: CueMention) -> bool:
    """ "presses its invasion", "pressed ahead": a verb that asks only with "for" or "to" after it ("pressed
    Washington for the missiles", "pressed Berlin to send tanks") asks for nothing without them."""
    if view.lang != "en" or cue.lemma not in _ASKS_ONLY_WITH:
        return False
    return not any(t.lower in _ASK_PREPS for t in view.tokens[cue.end : cue.end + 4])


def _reaches_targets(view: ClauseView, c: int) -> bool:
    """Whether the clause, or the noun a relative clause hangs on, names targets ("die Ziele, die das System
    erreicht", "reach targets")."""
    start, end = view.grammar.clauses[c]
    return any(t.lower in _TARGET_NOUNS for t in view.tokens[max(0, start - 2) : end])


_ACTS_ON_DEAL: Final = frozenset({"approve"})


def _deal_named_before(view: ClauseView, c: int, lead_kind: str) -> list[ItemMention]:
    """ "unterzeichneten ein entsprechendes Abkommen", "signed the deal": a deal noun with a determiner that
    points back stands for the goods of the transfer named before (resolved from the discourse)."""
    if lead_kind not in ("deal", "approve"):
        return []
    tokens = view.tokens
    # "hat das Geschäft genehmigt": a verb approving the deal is its verb (undoing it, "Das Geschäft ist
    # gescheitert", continued the wrong pair too often)
    verbs = sum(
        1
        for x in view.cues_by_clause[c]
        if (x.kinds & _ACTS_ON_DEAL or x.lemma in _CANCEL) and "deal" not in x.kinds and tokens[x.start].lowercase
    )
    if sum("deal" in x.kinds for x in view.cues_by_clause[c]) + verbs < 2:
        return []  # "Von dem Exportstopp ist dieses Geschäft nicht betroffen": no verb of signing the deal
    # "Peru cancelled the contract", "stornierte den Vertrag": a deal cancelled is the deal just reported, named
    # with any definite article
    cancelled = any(
        "refuse" in x.kinds and "deal" not in x.kinds and x.lemma in _CANCEL and tokens[x.start].lowercase
        for x in view.cues_by_clause[c]
    )
    if cancelled and any(a.prep in _WITH_PARTNER for a in view.actors_by_clause[c]):
        # "wollte den Vertrag mit Saudi-Arabien stornieren": whether the partner buys or sells, the clause
        # does not say
        cancelled = False
    back = _DEAL_BACK | _DEFINITE_DEAL if cancelled else _DEAL_BACK
    for x in view.cues_by_clause[c]:
        if "deal" not in x.kinds or not tokens[x.start].capitalised and view.lang == "de":
            continue
        before = [t.lower for t in tokens[max(0, x.start - 2) : x.start]]
        if not before:
            continue
        if (
            before[-1] in back
            or before[0] in back
            and before[1] in _A
            or cancelled
            and _definite_phrase(tokens, x.start)
        ):
            return [ItemMention(x.start, x.end, None, carrier="pronoun", text=tokens[x.start].text)]
    return []


def _definite_phrase(tokens: list[Token], k: int) -> bool:
    """A definite article opening the noun phrase of the noun at k, across lowercase attributes ("den im Jahr
    davor unterzeichneten Vertrag", "the contract")."""
    j = k - 1
    while j >= 0 and k - j <= 6:
        if tokens[j].lower in _DEFINITE_DEAL:
            return True
        if not (tokens[j].lowercase or tokens[j].text[:1].isdigit()) and not tokens[j].capitalised:
            return False
        j -= 1
    return False


_CANCEL: Final = words("verb.cancel-deal")
_WITH_PARTNER: Final = words("prep.with")
_DEFINITE_DEAL: Final = words("article.definite-short")


_FINITE_AUX_DE: Final = words("aux.perfect", "de") | words("aux.state-passive", "de") | words("aux.passive", "de")


def _de_bracket_before_participle(view: ClauseView, c: int, lead: CueMention) -> bool:
    """A German participle lead at the end of clause c, whose clause names no goods, after a clause that holds a
    finite auxiliary and goods but no cue of its own: the two are one clause bracket."""
    if view.lang != "de" or c == 0 or view.items_by_clause[c] or not view.items_by_clause[c - 1]:
        return False
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    rest = [t for t in tokens[lead.end : end] if t.text[:1].isalnum()]
    if not tokens[lead.start].lowercase or rest or tokens[start].text != ",":
        return False
    p_start, p_end = view.grammar.clauses[c - 1]
    if any(x.kinds & TRIGGERS for x in view.cues_by_clause[c - 1]):
        return False
    return any(t.lower in _FINITE_AUX_DE for t in tokens[p_start:p_end])


def _passive_after(tokens: list[Token], k: int, end: int) -> bool:
    """A passive auxiliary right after a pronoun ("They were delivered", "they have been handed over")."""
    if k >= end:
        return False
    if tokens[k].lower in _PASSIVE_AUX_EN:
        verb = k + 1
    elif k + 1 < end and tokens[k].lower in _AUX_BEFORE_BEEN and tokens[k + 1].lower in _BEEN:
        verb = k + 2
    else:
        return False
    # "They were trained in Moscow": people are trained, goods are not
    return verb < end and tokens[verb].lemma not in _TRAIN_VERBS and tokens[verb].lower not in _TRAIN_VERBS


_PASSIVE_SUBJECT_PRONOUNS: Final = words("pronoun.goods-passive-subject", "en")
_TRAIN_VERBS: Final = words("verb.train", "en") | words("participle.train", "en")
_PASSIVE_AUX_EN: Final = words("aux.finite-passive", "en")
_AUX_BEFORE_BEEN: Final = words("aux.before-passive-be", "en")
_BEEN: Final = words("aux.passive-be", "en")


def _determiner(tokens: list[Token], i: int) -> bool:
    """ "diese destabilisierenden Transfers", "these drones": a determiner, not a pronoun."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.alphabetic:
        return False
    if tokens[i].lower in _DETERMINER_PRONOUNS:
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        return (
            nxt.capitalised or tokens[i].lower in _DETERMINER_PRONOUNS_EN or (after is not None and after.capitalised)
        )
    return False


def _bare_deliveries(tokens: list[Token], cue: CueMention, actors: list[ActorMention]) -> bool:
    nxt = tokens[cue.end].lower if cue.end < len(tokens) else ""
    return nxt not in _BARE_DELIVERY_NEXT and any(a.prep in _BARE_DELIVERY_TO and a.start > cue.start for a in actors)


# --------------------------------------------------------------------------- modality in scope


def _reason_of_measure(view: ClauseView, frame: Frame) -> int | None:
    """Where a measure's reason phrase starts when the transfer lies inside it ("Sanktionen … wegen der
    Lieferung", "sanctions … over the supply"): the measure's own reason span, as sanctions.py reads it."""
    if frame.trigger_kind not in ("give_noun", "give"):
        return None
    for x in view.mentions.cues:
        if "sanction" in x.kinds and x.end <= frame.trigger.start:
            span = reason_span(view, view.grammar.clause[x.start], x)
            if frame.trigger.start in span:
                return min(span)
    return None


def set_modifiers(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """The modality cues that govern the frame: its own clause's, and those reaching in from governors. Each step
    is a function of its own, in the order the decisions depend on one another."""
    starts = {it.start for it in view.mentions.items}
    aside = _aside_cues(view, frame, governors, starts)
    frame.modifiers = _modifiers(
        view.cues_by_clause, frame.clause, frame.trigger, view.tokens, frame.trigger_kind, starts, aside
    )
    _own_clause_marks(view, frame, governors, aside)
    _question(view, frame, governors)
    _reach_from_governors(view, frame, governors, aside)
    _after_reach(view, frame, governors)
    _parties_and_negation(view, frame, governors)
    _announcements(view, frame)
    _deal_and_tense(view, frame, governors)
    _goods_arrived(view, frame)


def _aside_cues(view: ClauseView, frame: Frame, governors: list[int], starts: AbstractSet[int]) -> set[int]:
    """The cues in scope that are not the frame's modality: participles of other nouns, pressing on, the reason of
    a measure, a hedge on a value, a wh-relative's own, an attributive participle's other cues, an earlier step."""
    tokens, c = view.tokens, frame.clause
    lead = frame.trigger
    aside = _participles_of_other_nouns(view, starts) - {lead.start}
    pressing = {
        x.start
        for k in [c, *governors]
        for x in view.cues_by_clause[k]
        if "request" in x.kinds and _pressing_on(view, x)
    }
    _set_aside(frame, aside, pressing, "mod.en.pressing-on")  # "as Moscow presses its offensive": no request
    reason = _reason_of_measure(view, frame)
    if reason is not None:
        # "erwägt Sanktionen wegen der Lieferung von Drohnen": the delivery is why; the measure's modality
        # is not the delivery's
        aside |= set(range(reason))
        fire(frame, "mod.reason-outside-measure-modality")
    valued = {
        cue.start
        for cue in view.cues_by_clause[c]
        if "consider" in cue.kinds
        and cue is not lead
        and any(t.lower in _VALUE_WORDS for t in tokens[cue.end : cue.end + 3])
    }
    # "in a deal believed to be worth more than $70 million", "estimated to cost": the hedge is on the value
    _set_aside(frame, aside, valued, "mod.en.hedge-on-value")
    # "are intended to replace two warships which were acquired from the Netherlands in 2004": a relative clause on
    # the goods has its own modality; the main verb's intention does not reach into it, nor back
    _set_aside(frame, aside, _behind_wh_relative(view, c, lead), "mod.en.wh-relative-own-modality")
    own = _de_attributive_own_span(view, lead, starts)
    if own is not None:
        # "Ghana will die aus China gekauften Kampfjets bald einsetzen": an attributive participle says what
        # was done to the goods; the main verb's modality is about something else
        aside |= {
            x.start
            for k in [c, *governors]
            for x in view.cues_by_clause[k]
            if x.start not in own and not ("negation" in x.kinds and x.start > lead.end)
        }  # (a negation after the goods: mod.de.negation-after-described-goods)
        fire(frame, "mod.de.attributive-participle-own-modality")
    # "Wie versprochen hat Russland … ausgeliefert", "as agreed": the promise or agreement is what the transfer is
    # compared with, it is kept; no modality of the transfer
    _set_aside(frame, aside, _as_compared(view, [c, *governors], lead), "mod.as-promised")
    # "A source who asked not to be identified said Chile agreed to sell …", "ein Beamter, der nicht genannt werden
    # wollte, sagte …": what the relative clause says of the speaker is no modality of the report
    _set_aside(frame, aside, _relative_on_speaker(view, [c, *governors]), "mod.relative-on-speaker")
    # "has received 18 of the 19 Caesar howitzers pledged by Denmark", "handed over the last of the 24 jets it
    # promised to Ukraine": what the participle or reduced relative after the goods says was done to them earlier is
    # not the main verb's modality
    _set_aside(frame, aside, _en_goods_described_after(view, c, lead), "mod.en.described-goods-own-modality")
    earlier = _fronted_earlier_step(view, c, lead, governors)
    if earlier:
        # "Nach einer Absichtserklärung im Mai hat Norwegen den Kauf … bekanntgegeben": the earlier step does not
        # govern what follows it
        aside |= earlier
        fire(frame, "mod.fronted-earlier-step")
    return aside


def _relative_on_speaker(view: ClauseView, clauses: list[int]) -> set[int]:
    """Cues between a wh-relative pronoun (or a German relative after a comma) and the verb of saying that ends the
    speaker's phrase, in the same clause or the clauses up to it: the relative clause describes the speaker."""
    tokens = view.tokens
    found: set[int] = set()
    for k in clauses:
        say = next((x for x in view.cues_by_clause[k] if "say" in x.kinds), None)
        if say is None:
            continue
        start = view.grammar.clauses[k][0]
        rels = _SPEAKER_RELATIVES[view.lang]
        rel = next(
            (
                i
                for i in range(max(1, start - 12), say.start)
                if tokens[i].lower in rels and (tokens[i - 1].alphabetic or tokens[i - 1].text == ",")
            ),
            None,
        )
        if rel is None:
            continue
        found |= {x.start for xs in view.cues_by_clause for x in xs if rel < x.start < say.start}
    return found


_AS_COMPARED: Final = words("conj.as-compared")
_SPEAKER_RELATIVES: Final = {"en": words("pronoun.relative-wh", "en"), "de": words("pronoun.relative-article", "de")}


def _en_goods_described_after(view: ClauseView, c: int, lead: CueMention) -> set[int]:
    """English cues after the lead that describe goods named before them: a participle right after the goods
    ("howitzers pledged by Denmark") or the verb of a reduced relative with a pronoun subject ("jets it promised")."""
    if view.lang != "en":
        return set()
    tokens = view.tokens
    ends = {it.end for it in view.items_by_clause[c] if it.start >= lead.end}
    return {
        x.start
        for x in view.cues_by_clause[c]
        if x.start > lead.end
        and x.kinds & _DESCRIBING_KINDS
        and tokens[x.start].lowercase
        and (x.start in ends or x.start - 1 in ends and tokens[x.start - 1].lower in _REDUCED_RELATIVE_SUBJECTS)
    }


_DESCRIBING_KINDS: Final = frozenset({"promise", "intend", "request"})
_REDUCED_RELATIVE_SUBJECTS: Final = words("pronoun.personal", "en")  # "the 24 jets it promised"


def _set_aside(frame: Frame, aside: set[int], found: AbstractSet[int], rule_id: str) -> None:
    """Add the cues a reading found to those that are no modality of the frame, and record the reading's rule."""
    if found:
        aside |= found
        fire(frame, rule_id)


def _as_compared(view: ClauseView, clauses: list[int], lead: CueMention) -> set[int]:
    """Cues of promising or agreeing right after a comparing "wie"/"as" ("Wie versprochen", "as agreed")."""
    tokens = view.tokens
    return {
        x.start
        for k in clauses
        for x in view.cues_by_clause[k]
        if x is not lead and x.start > 0 and tokens[x.start - 1].lower in _AS_COMPARED and tokens[x.start].lowercase
    }


def _own_clause_marks(view: ClauseView, frame: Frame, governors: list[int], aside: AbstractSet[int]) -> None:
    """Facts of the frame's own clause that mark or correct its modality: a denied request, a sales total, restricted
    goods, "not only", commissioning, goods in service, expected deliveries, a contested plan."""
    tokens, c = view.tokens, frame.clause
    lead = frame.trigger
    if "refuse" in frame.modifiers and any(x.lemma == "deny" and "refuse" in x.kinds for x in view.cues_by_clause[c]):
        # "denied Ankara's request for F-35 jets": denying a request refuses it (mentions._deny_as_refusal)
        fire(frame, "mod.en.deny-a-request")
    if (
        "future" in frame.modifiers
        and lead.start > 0
        and any(x.end == lead.start and x.lemma == "to" for x in view.cues_by_clause[c])
    ):
        fire(
            frame, "mod.en.headline-infinitive-future"
        )  # "Seoul to sell 48 K9 howitzers" (mentions._headline_infinitive)
    if frame.trigger_kind == "sell" and _sales_total(view, frame):
        # "Canada's arms sales to Turkey totaled $87 million in 2018": sales measured by a total happened
        frame.modifiers.add("sales_total")
        fire(frame, "mod.sales-total-happened")
    if frame.trigger_kind == "sell" and _habitual_sales(view, frame):
        # "Chile sells weapons to Peru and Bolivia": a present of selling goods of a kind is what goes on
        frame.modifiers.add("habitual")
        fire(frame, "mod.en.habitual-sales")
    if any(x.start in aside and x.kinds & MODIFIERS for k in [c, *governors] for x in view.cues_by_clause[k]):
        # "im Zuge seiner beantragten Mitgliedschaft … bereit, Waffen zu liefern": the participle describes
        # the membership; what was requested is not the transfer
        fire(frame, "mod.de.participle-describes-other-noun" if view.lang == "de" else "mod.en.restricted-goods")
    if any(_not_only(x, tokens) for x in view.cues_by_clause[c]):
        # "nicht nur Drohnen, sondern auch Raketen", "not only drones but also missiles": no negation, and
        # the goods after the correlative belong to the same clause (text/clauses.py)
        fire(frame, "mod.not-only-is-no-negation")
    if any(whether_or_not(x, tokens) for x in view.cues_by_clause[c]):
        fire(frame, "mod.en.whether-or-not-is-no-negation")
    if lead.lemma == "commission" and (
        any(it.category == "ship" for it in frame.items)
        or any("forces" in x.kinds and x.start < lead.start for x in view.cues_by_clause[c])
    ):
        frame.modifiers.add("in_use")  # a navy commissioning a ship, an air force its jets: in service, arrived
        frame.trigger_kind = "get"  # received, not bought: an order behind it must be named to count
        fire(frame, "mod.commissioned-in-service")
    if "trigger.goods-in-service" in frame.trace:
        frame.modifiers.add("in_use")  # in service: the goods have arrived
    if "trigger.licence-production" in frame.trace:
        frame.modifiers.discard("approve")  # "under a licence": a licence to produce, no export approval
    if "trigger.factory-abroad" in frame.trace and lead.lemma in _OPEN_PLANT and not frame.modifiers & _PLANT_NOT_YET:
        # "Iran has opened a drone factory in Tajikistan", "eröffnet in Litauen eine Munitionsfabrik": an opened
        # plant works: the technology has arrived ("will open" stays planned: the future decides first)
        frame.modifiers.add("in_use")
        fire(frame, "mod.opened-plant-works")
    if "item.en.with-deliveries-of-previous" in frame.trace and any(
        t.lower == "to" for t in tokens[lead.end : lead.end + 4]
    ):
        frame.modifiers.add("future")  # "…, with deliveries to begin in 2019": scheduled, still to come
        fire(frame, "mod.en.with-deliveries-to-come")
    if "trigger.expected-delivery-noun" in frame.trace:
        frame.modifiers.add("future")
    elif lead.lemma in _EXPECT and frame.trigger_kind == "get":
        frame.modifiers.add("future")  # "Die Slowakei erwartet im Frühjahr finnische Radpanzer": still to come
        fire(frame, "mod.expecting-is-to-come")
    if frame.trigger_kind in ("give_noun", "sell", "buy", "deal") and _contested(tokens, lead.start):
        # "Gegen die Lieferung von Leopard-Panzern gibt es Widerstand": a contested plan, not a fact
        frame.modifiers.add("consider")
        fire(frame, "mod.opposed-plan")
    if _objection_given_up(view, c):
        # "gibt seinen Widerstand gegen die Lieferung … auf", "lifted its veto on the sale of …": the transfer is
        # cleared, neither refused nor only contested
        frame.modifiers -= {"consider", "refuse", "lift", "prevent"}
        frame.modifiers.add("approve")
        fire(frame, "mod.objection-given-up")


def _objection_given_up(view: ClauseView, c: int) -> bool:
    """Does clause c give up an objection ("Widerstand", "Veto", "objection") with a verb of giving up ("aufgeben",
    "fallen lassen", "drop", "lift", "withdraw"; a German separable particle at the clause's end counts)?"""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    if not any(tokens[k].lower in _OBJECTIONS for k in range(start, end)):
        return False
    last = end - 1
    while last > start and not tokens[last].text[:1].isalnum():
        last -= 1
    particle = tokens[last].lower if view.lang == "de" else ""
    return any(tokens[k].lemma in _GIVE_UP or particle + tokens[k].lemma in _GIVE_UP for k in range(start, end))


_OBJECTIONS: Final = words("noun.objection")
_GIVE_UP: Final = words("verb.give-up")


def _question(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """Whether the frame is only asked about, or weighed by a question that doubt governs."""
    tokens, grammar, c = view.tokens, view.grammar, frame.clause
    # "Griechenland prüft, ob es … überlassen kann": whether is weighed, not only asked
    frame.question = question(tokens, grammar, c) and not any(
        cue.kinds & {"consider", "investigate"} and "doubt" not in cue.kinds
        for g in governors
        for cue in view.cues_by_clause[g]
    )
    if frame.question and _fronted_question_hedged(view, c):
        # "Ob Russland Su-35 an den Iran liefert, ist unklar", "Whether Russia will deliver … is unclear": the
        # doubt on the whole question is a hedge, as in "Es ist unklar, ob …"
        frame.question = False
        frame.modifiers.add("consider")
        fire(frame, "mod.fronted-whether-hedged")
    if frame.question:
        fire(frame, "mod.whether-asked")


def _after_reach(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """Corrections once the governors' modality has reached the frame: negated telling, wanting to give, a deal to
    come, a zu-infinitive under saying, doubt on a detail, a stranded modal, an answered request, an absolute
    passive infinitive."""
    tokens, grammar, c = view.tokens, view.grammar, frame.clause
    lead = frame.trigger
    if "negation" in frame.modifiers and frame.modifiers & {"refuse", "prevent"} and _negated_stop(view, frame):
        # "The US will not stop its arms deliveries to Qatar", "werden ihre Waffenlieferungen nicht stoppen": nothing
        # stops; the deliveries go on (and the future was the stopping's)
        frame.modifiers -= {"negation", "refuse", "prevent", "future"}
        fire(frame, "mod.negated-stop-continues")
    if "negation" in frame.modifiers and _negated_saying(view, frame):
        # "did not comment on the purchase of Iranian drones", "hat keine Details zum Kauf genannt": what is
        # negated is the saying; the transfer stays what the rest of the clause makes it
        frame.modifiers.discard("negation")
        fire(frame, "mod.negated-saying-not-transfer")
    if frame.trigger_kind in ("give", "sell") and _wanting_to_give(view, frame, governors):
        # "Germany wants to deliver patrol boats to Ghana": who wants to give intends to; it asks for nothing
        frame.modifiers.discard("request")
        fire(frame, "mod.wanting-to-give-intends")
    if frame.trigger_kind in ("buy", "order") and _deal_to_come(view, frame):
        # "The deal will be followed by letters of agreement on the procurement of missiles": the deal itself is
        # still to come (status.deal-to-come)
        fire(frame, "mod.deal-to-come")
    if _de_infinitive_under_saying(view, frame, governors):
        # "Katar hat bestätigt, zwölf Eurofighter zu bestellen", "Berlin erklärte, Panzer an Kiew zu liefern":
        # a present zu-infinitive under a verb of saying says what the speaker will do
        frame.modifiers.add("future")
        fire(frame, "mod.de.infinitive-under-saying-is-to-come")
    if frame.modifiers & _DETAIL_DOUBTS and _doubt_only_on_detail(view, frame, governors, lead.start):
        # "It is unclear how many interceptors were exported", "Unklar ist, wie viele Raketen … exportiert
        # wurden": the doubt is about how many or when; the transfer itself is taken as given
        frame.modifiers -= _DETAIL_DOUBTS
        fire(frame, "mod.doubt-on-detail-only")
    stranded = _stranded_modal(view, c)
    first = next((t.i for t in tokens[grammar.clauses[c][0] : grammar.clauses[c][1]] if t.text[:1].isalnum()), -1)
    if first == lead.start and stranded - frame.modifiers:
        # "it will, in the coming weeks, take delivery of …": a modal cut off from its verb by an inserted
        # phrase governs the verb after the insertion
        frame.modifiers |= stranded
        fire(frame, "mod.en.stranded-modal")
    _answered_request(view, frame)
    if _absolute_passive_infinitive(view, lead.start):
        # "…, with the first one to be delivered in 2029": a passive infinitive with no verb of its own to
        # govern it speaks of what is to come
        frame.modifiers.add("future")
        fire(frame, "mod.en.absolute-passive-infinitive")


def _parties_and_negation(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """Reactions and opposition that leave the frame's parties unfilled, and negations that belong to something else
    ("without", a described participle)."""
    if _reacted_to_transfer(view, frame):
        # "China condemned the arms sale": a transfer noun that a verb of reacting takes as its object is
        # contested there, its critic no party (the sale itself is reported where it is stated)
        frame.no_fill = True
        fire(frame, "mod.en.reacted-to-transfer")
    if "oppose" in frame.modifiers and "negation" not in frame.modifiers:
        # "Beijing opposes any arms sales to Taiwan": who opposes is no party; the transfer is at most a
        # contested plan, with both sides named in the sentence
        frame.modifiers.add("consider")
        frame.no_fill = True
        fire(frame, "mod.opposed-transfer")
    if "negation" in frame.modifiers and _only_without_after(view, frame, governors):
        # "sentenced … for illegally exporting firearms to North Korea and for acting as an agent … without
        # notifying the Attorney General", "exported rifle parts without a licence": what happens without
        # something still happened
        frame.modifiers.discard("negation")
        scope = [x for k in [frame.clause, *governors] for x in view.cues_by_clause[k]]
        without = min(x.start for x in scope if "negation" in x.kinds)
        if not any("approve" in x.kinds and x.start < without for x in scope):
            frame.modifiers.discard("approve")  # "without a licence": the approval is what is missing
        fire(frame, "mod.en.without-after-the-verb")
    if "negation" in frame.modifiers and _negation_after_described_goods(view, frame, governors):
        # "die Hälfte der von Nordkorea gelieferten Granaten ist nicht funktionstüchtig": the negation is the
        # main predicate's; the participle describing the goods stays asserted
        frame.modifiers.discard("negation")
        fire(frame, "mod.de.negation-after-described-goods")


def _announcements(view: ClauseView, frame: Frame) -> None:
    """Announcing that only attributes or reports, what is still to come before "until", and investigated transfers."""
    if "promise" in frame.modifiers and frame.trigger_kind != "promise" and _announced_after(view, frame):
        # "Turkey has sold Kaan fighters to Indonesia, President Erdogan announced": the verb of announcing after
        # the report only attributes it
        frame.modifiers.discard("promise")
        fire(frame, "mod.en.announced-after-is-attribution")
    if "promise" in frame.modifiers and frame.trigger_kind != "promise" and _announced_past(view, frame):
        # "announced Monday Indonesia had ordered 42 Rafale jets": a past act reported, not promised
        frame.modifiers.discard("promise")
        fire(frame, "mod.announced-past-is-report")
    if "promise" in frame.modifiers and _announced_sale(view, frame):
        # "announced the sale of six T-129 helicopters to Nigeria": the sale it reports is concluded
        frame.modifiers.discard("promise")
        fire(frame, "mod.en.announced-sale-concluded")
    if _until_clause(view, frame):
        # "as a stopgap until the Rafales arrive", "…, bis die Rafale eintreffen": not yet there
        frame.modifiers.add("future")
        fire(frame, "mod.until-still-to-come")
    if "investigate" in frame.modifiers:
        # "UN experts are investigating reports that Iran shipped drones to Russia": suspected, and the
        # investigators are no party
        frame.modifiers.add("consider")
        frame.no_fill = True
        fire(frame, "mod.investigated-transfer")


def _deal_and_tense(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """Deals concluded or framing the clause, German perfect infinitives, conditional sentences and deliveries not yet
    begun."""
    tokens, c = view.tokens, frame.clause
    lead = frame.trigger
    if "complete" in frame.modifiers and any(
        "deal" in x.kinds and "complete" not in x.kinds for k in [c, *governors] for x in view.cues_by_clause[k]
    ):
        frame.modifiers.discard("complete")  # "schlossen einen Vertrag über die Lieferung … ab": a deal
        fire(frame, "mod.concluding-a-deal")
        negotiations = [x for k in [c, *governors] for x in view.cues_by_clause[k] if {"consider", "deal"} <= x.kinds]
        if view.lang == "de" and "consider" in frame.modifiers and negotiations:
            # "dass die Verhandlungen über den Vertrag … abgeschlossen worden seien": negotiations concluded are
            # no longer weighed; the deal stands
            frame.modifiers.discard("consider")
            fire(frame, "mod.negotiations-concluded")
    if "deal" in frame.modifiers and any(
        "deal" in x.kinds and x is not lead and _framing_deal(view, x)
        for k in [c, *governors]
        for x in view.cues_by_clause[k]
    ):
        # "Under a 2019 contract, the air force has received …": the deal frames what the clause reports
        frame.modifiers.add("under_deal")
        fire(frame, "mod.under-deal")
    if view.lang == "de" and _perfect_infinitive(view, lead):
        # "soll … geliefert haben", "wirft … vor, … geliefert zu haben": a perfect infinitive reports a
        # past delivery, under "soll" as under a verb of saying or accusing
        frame.modifiers.discard("future")
        frame.modifiers.add("past")
        fire(frame, "mod.de.perfect-infinitive-past")
    if tokens and tokens[0].lower in _CONDITION_OPENERS and not (c == 0 and _condition_clause(view, 0)):
        frame.modifiers.add("consider")  # "If Seoul decides to go ahead, it would send …"
        fire(frame, "mod.conditional-sentence")
    if frame.trigger_kind in ("give", "get", "arrive") and "negation" in frame.modifiers and _not_yet(view, frame):
        # "wurden bis heute nicht geliefert", "have not yet been delivered": still pending, no refusal
        frame.modifiers.discard("negation")
        frame.modifiers.add("not_yet")
        fire(frame, "mod.not-yet-delivered")
    if frame.trigger_kind == "give_noun" and "negation" in frame.modifiers and _onset_negated(view, frame):
        # "deliveries to the UAE had not begun", "Die Lieferungen haben noch nicht begonnen": pending, no
        # refusal and no denial of a transfer
        frame.modifiers.add("not_begun")
        fire(frame, "mod.delivery-not-begun")


def _not_yet(view: ClauseView, frame: Frame) -> bool:
    """A negation of the frame's clause marked as "not yet" ("noch nicht", "bis heute nicht", "not yet", "still
    not"), with no refusal in the clause."""
    tokens, c = view.tokens, frame.clause
    if frame.modifiers & {"refuse", "prevent", "deny"}:
        return False
    for x in view.cues_by_clause[c]:
        if "negation" in x.kinds and tokens[x.start].lower in _PENDING_NEGATIONS:
            return True  # "ohne dass die Bomben geliefert worden wären"
        if "negation" not in x.kinds or tokens[x.start].lower not in _PLAIN_NEGATIONS:
            continue
        before = tokens[x.start - 1].lower if x.start > 0 else ""
        after = tokens[x.end].lower if x.end < len(tokens) else ""
        if before in _NOT_YET_BEFORE or after in _NOT_YET_AFTER:
            return True
        end = view.grammar.clauses[c][1]
        if (
            view.lang == "en"
            and end >= 2
            and tokens[end - 2].lower in _NOT_YET_AFTER
            and not tokens[end - 1].text[:1].isalnum()
        ):
            return True  # "has not delivered the tanks yet": "yet" closing the clause
    return False


def _goods_arrived(view: ClauseView, frame: Frame) -> None:
    """Goods said to be in use or in service, or delivered after the clause: they arrived."""
    c = frame.clause
    lead = frame.trigger
    if (
        "item.en.appositive-participle" in frame.trace
        and c + 1 < view.n
        and any("use" in x.kinds for x in view.cues_by_clause[c + 1])
    ):
        # "Chinese CH-4B armed drones, bought in 2015, flew hundreds of missions": goods flown were delivered
        frame.modifiers.add("in_use")
        fire(frame, "mod.goods-in-use")
    if frame.trigger_kind == "buy" and _buys_share_of_its(view, lead):
        # "Algiers, which buys most of its weapons from Russia": a habitual share of its arms is what it has
        # been receiving, not one deal
        frame.trigger_kind = "get"
        fire(frame, "mod.en.buys-share-of-its-arms")
    if frame.trigger_kind in ("build_for", "buy", "order") and _delivered_participle_after(view, c):
        # "Beijing built three corvettes for the Algerian navy, delivered in 2015 and 2016": a past participle
        # of handing over, set off after the clause, says the goods arrived
        frame.modifiers.add("in_use")
        fire(frame, "mod.en.delivered-participle-after")
    if _bought_goods_in_service(view, frame):
        # "bought TB2 drones from Turkey, which its army has flown since 2023", "kaufte Drohnen in der Türkei,
        # die seine Armee seither einsetzt": a relative clause puts the bought goods in service: they arrived
        frame.modifiers.add("in_use")
        fire(frame, "mod.bought-goods-in-service-relative")
    elif _bought_object_in_service(view, frame):
        # "Colombia operates Kfir jets it bought from Israel", "Peru flies MiG-29s that it bought from Belarus":
        # goods in service, described by a relative clause of buying, arrived
        frame.modifiers.add("in_use")
        fire(
            frame,
            "mod.en.goods-in-service-bought-relative"
            if view.lang == "en"
            else "mod.de.goods-in-service-bought-relative",
        )
    elif _de_bought_attributive_in_service(view, frame):
        # "Ghana setzt die aus China gekauften Kampfjets ein", "hat die in China erworbenen Jets in seine Luftwaffe
        # aufgenommen": goods that a participle of buying describes, in service or taken into the forces, arrived
        frame.modifiers.add("in_use")
        fire(frame, "mod.de.bought-goods-in-service-attributive")
    elif _bought_subject_in_service(view, frame):
        # "The 16 JF-17 fighters that Myanmar bought from Pakistan have been grounded", "the corvettes which
        # Egypt ordered from Germany entered service": the goods a relative clause says were bought are the
        # subject of a predicate of service: they arrived
        frame.modifiers.add("in_use")
        fire(frame, "mod.en.bought-goods-subject-in-service")


def _bought_object_in_service(view: ClauseView, frame: Frame) -> bool:
    """An English verb of service before goods (at most three tokens), a relative clause of buying right after
    them: "that"/"which", or a bare subject pronoun ("jets it bought")."""
    tokens, trig = view.tokens, frame.trigger.start
    if frame.trigger_kind not in ("buy", "order") or frame.modifiers & _NOT_YET_BOUGHT:
        return False
    if view.lang == "de":
        return _de_bought_object_in_service(view, frame)
    for item in frame.items:
        between = tokens[item.end : trig]
        if not 1 <= len(between) <= 2 or not (
            between[0].lower in _RELATIVE_ON_GOODS or len(between) == 1 and between[0].lower in _SUBJECT_PRONOUNS_EN
        ):
            continue
        if any(
            cue.lemma in _IN_SERVICE and item.start - 4 <= cue.end <= item.start and "use" in cue.kinds
            for cue in view.mentions.cues
        ):
            return True
    return False


def _de_bought_object_in_service(view: ClauseView, frame: Frame) -> bool:
    """ "Litauen betreibt acht Hubschrauber, die es aus Frankreich gekauft hat": a German relative clause of buying
    right after goods that a verb of service (at most four tokens before them) has in service."""
    tokens = view.tokens
    start = view.grammar.clauses[frame.clause][0]
    k = start + 1 if tokens[start].text == "," else start
    if k >= len(tokens) or tokens[k].lower not in _RELATIVE_DE or not tokens[k].lowercase:
        return False
    item = next((it for it in view.mentions.items if it.end == start), None)
    return item is not None and any(
        cue.lemma in _IN_SERVICE and item.start - 4 <= cue.end <= item.start and "use" in cue.kinds
        for cue in view.mentions.cues
    )


_INDUCT_DE: Final = words("verb.induct", "de")
_ADJECTIVE_ENDINGS_DE: Final = tuple(word_list("suffix.adjective-inflection", "de"))


def _de_bought_attributive_in_service(view: ClauseView, frame: Frame) -> bool:
    """A German participle of buying right before its goods ("die aus China gekauften Kampfjets") in a clause
    whose verb has them in service or takes them into the forces ("in seine Luftwaffe aufgenommen")."""
    lead = frame.trigger
    if view.lang != "de" or frame.trigger_kind not in ("buy", "order") or frame.modifiers & _NOT_YET_BOUGHT:
        return False
    tok = view.tokens[lead.start]
    if not tok.lowercase or not tok.lower.endswith(_ADJECTIVE_ENDINGS_DE):
        return False
    if not any(lead.end <= it.start <= lead.end + 1 for it in frame.items):
        return False
    cues = view.cues_by_clause[frame.clause]
    if any(x.kinds & _NOT_YET_BOUGHT for x in cues if x.start < lead.start - 6 or x.start > lead.start):
        return False  # "will die gekauften Jets bald einsetzen": the service is still to come
    if any("use" in x.kinds and x.lemma in _IN_SERVICE and x is not lead for x in cues):
        return True
    tokens = view.tokens
    start, end = view.grammar.clauses[frame.clause]
    inducted = any(tokens[k].lemma in _INDUCT_DE for k in range(lead.end, end))
    return inducted and any(
        "forces" in x.kinds and any(t.lower == "in" for t in tokens[max(start, x.start - 3) : x.start]) for x in cues
    )


def _bought_subject_in_service(view: ClauseView, frame: Frame) -> bool:
    """An English buying verb in a "that"/"which" clause right after the goods, followed in the same clause by
    the main predicate of those goods, a participle of service ("have been grounded", "entered service")."""
    c, tokens = frame.clause, view.tokens
    if view.lang != "en" or frame.trigger_kind not in ("buy", "order") or frame.modifiers & _NOT_YET_BOUGHT:
        return False
    start, end = view.grammar.clauses[c]
    ends = {it.end for it in view.mentions.items}
    if not any(tokens[k].lower in _RELATIVE_ON_GOODS and k in ends for k in range(start, frame.trigger.start)):
        return False
    after = tokens[frame.trigger.end : end]
    return any(
        t.lower in _SERVICE_PREDICATES
        or t.lower in _SERVICE_ENTRY
        and k + 1 < len(after)
        and after[k + 1].lower in _SERVICE_NOUN
        for k, t in enumerate(after)
    )


def _delivered_participle_after(view: ClauseView, c: int) -> bool:
    """Clause c is followed by ", delivered in …": an English past participle of a giving verb opening the
    next clause, with no goods, actors or subject of its own."""
    if view.lang != "en" or c + 1 >= view.n:
        return False
    tokens = view.tokens
    start, end = view.grammar.clauses[c + 1]
    if tokens[start].text != "," or start + 1 >= end or view.items_by_clause[c + 1]:
        return False
    if view.actors_by_clause[c + 1]:
        return False
    lead = next((x for x in view.cues_by_clause[c + 1] if x.start == start + 1), None)
    word = tokens[start + 1].lower
    return lead is not None and "give" in lead.kinds and word != lead.lemma and word.endswith(("ed", "over"))


def _stranded_modal(view: ClauseView, c: int) -> frozenset[str]:
    """The modality of an English modal that ends an earlier clause with no verb after it, when only
    inserted phrases without cues stand between it and clause c ("said it will, in the coming weeks, take")."""
    if view.lang != "en" or c == 0:
        return frozenset()
    tokens, clauses = view.tokens, view.grammar.clauses
    k = c - 1
    while k > 0 and not view.cues_by_clause[k] and clauses[k][1] - clauses[k][0] <= 8:
        k -= 1  # ", in the coming weeks": an inserted phrase
    start, end = clauses[k]
    words_k = [t for t in tokens[start:end] if t.text[:1].isalnum()]
    if not words_k or not view.cues_by_clause[k]:
        return frozenset()
    last = view.cues_by_clause[k][-1]
    if last.start != words_k[-1].i or last.end != words_k[-1].i + 1 or tokens[last.start].lower not in _MODALS:
        return frozenset()
    return frozenset(last.kinds & MODIFIERS)


def _onset_negated(view: ClauseView, frame: Frame) -> bool:
    """The delivery noun's own clause says its start is negated: a verb of starting after the noun, and
    no other verb of transfer in the clause."""
    c, lead = frame.clause, frame.trigger
    end = view.grammar.clauses[c][1]
    if not any(t.lemma in _ONSET for t in view.tokens[lead.end : end]):
        return False
    return not any(x is not lead and x.kinds & GIVE_OR_RECEIVE for x in view.cues_by_clause[c])


def _bought_goods_in_service(view: ClauseView, frame: Frame) -> bool:
    """A past purchase whose goods a following relative clause has in service (no goods, no tense of its own
    to come, no negation or hedge in it)."""
    c = frame.clause
    if frame.trigger_kind not in ("buy", "order") or not frame.items or c + 1 >= view.n:
        return False
    if frame.modifiers & _NOT_YET_BOUGHT:
        return False
    if not relative_clause(view.tokens, view.grammar, c + 1) or view.items_by_clause[c + 1]:
        return False
    cues = view.cues_by_clause[c + 1]
    if any(meets(x.kinds, _NOT_YET_BOUGHT) for x in cues):
        return False
    # the noun too ("die inzwischen im Einsatz sind"): on goods already bought, use means they are there
    return any(x.lemma in _IN_SERVICE for x in cues)


def _reacted_to_transfer(view: ClauseView, frame: Frame) -> bool:
    """An English verb of criticising ("condemned", "criticised") right before the transfer noun, with at most two
    words of its noun phrase between ("condemned the arms sale"); who welcomes an arrival may well receive it."""
    lead = frame.trigger
    if view.lang != "en" or not view.tokens[lead.start].lowercase:
        return False
    for x in view.cues_by_clause[frame.clause]:
        if "react" in x.kinds and x.lemma in _CRITICISING and x.end <= lead.start and lead.start - x.end <= 3:
            between = view.tokens[x.end : lead.start]
            return all(t.alphabetic and t.lowercase for t in between) and any(
                t.lower in _DETERMINERS_BEFORE_NOUN_EN for t in between
            )
    return False


def _announced_after(view: ClauseView, frame: Frame) -> bool:
    """Every promise cue in scope comes after the trigger and a comma ("…, President Erdogan announced"), and
    none before it: an English verb of announcing that only attributes what came before."""
    if view.lang != "en":
        return False
    lead = frame.trigger
    promises = [x for k in range(view.n) for x in view.cues_by_clause[k] if "promise" in x.kinds and x is not lead]
    if not promises or any(x.start < lead.start for x in promises):
        return False
    tokens = view.tokens
    return all(any(t.text == "," for t in tokens[lead.end : x.start]) for x in promises) and all(
        tokens[x.start].lower.endswith("ed") or tokens[x.start].lower.endswith("s") for x in promises
    )


def _announced_past(view: ClauseView, frame: Frame) -> bool:
    """A promise cue before the trigger with a finite perfect auxiliary in between ("announced Thursday
    Indonesia had ordered"): the verb of announcing reports a past act."""
    lead = frame.trigger
    promise = [x for x in view.cues_by_clause[frame.clause] if "promise" in x.kinds and x.end <= lead.start]
    if not promise:
        return False
    between = view.tokens[promise[-1].end : lead.start]
    return view.lang == "en" and any(t.lower in _PERFECT_FINITE for t in between)


def _announced_sale(view: ClauseView, frame: Frame) -> bool:
    """ "announced the sale of …", "announced the arrival of …": a past verb of announcing right before a
    determiner and a noun of sale or arrival."""
    lead = frame.trigger
    if view.lang != "en" or frame.trigger_kind not in ("sell", "arrive") or lead.start < 2:
        return False
    tokens = view.tokens
    verb = tokens[lead.start - 2]
    return (
        tokens[lead.start - 1].lower in _DETERMINERS_BEFORE_NOUN
        and verb.lemma in _ANNOUNCE
        and verb.lower != verb.lemma
        and not verb.lower.endswith("s")
        and any(x.start == verb.i and "promise" in x.kinds for x in view.cues_by_clause[frame.clause])
    )


def _until_clause(view: ClauseView, frame: Frame) -> bool:
    """A clause opened by "until/bis" whose verb is in the present: what it says has not happened yet."""
    tokens, c = view.tokens, frame.clause
    start, end = view.grammar.clauses[c]
    opening = [t for t in tokens[start : start + 2] if t.letter_first][:1]
    if not opening or opening[0].lower not in _UNTIL or (view.lang == "de" and c == 0):
        return False  # "Bis 2026 soll Polen …": a preposition, not the conjunction
    tok = tokens[frame.trigger.start]
    if view.lang == "en":
        return not tok.lower.endswith("ed") and tok.lower not in IRREGULAR_PARTICIPLES
    # the present: the plural form is the infinitive ("eintreffen"), or the present passive ("geliefert werden")
    return tok.lower == tok.lemma or any(t.lower in _PRESENT_PASSIVE for t in tokens[start:end])


def _public_opinion(view: ClauseView, frame: Frame) -> bool:
    """A share of a population ("die Hälfte der Japaner", "a majority of Germans") before the verb of
    rejecting or opposing: the subject is part of the public, not a state."""
    start = view.grammar.clauses[frame.clause][0]
    cue = next((x for x in view.cues_by_clause[frame.clause] if x.kinds & {"refuse", "oppose"}), None)
    stop = max(cue.start if cue is not None else 0, frame.trigger.start)  # V2: "lehnt die Hälfte … den Export ab"
    return any(t.lower in _POPULATION_SHARE for t in view.tokens[start:stop])


def _modal_of_another_verb(view: ClauseView, frame: Frame) -> bool:
    """A modal verb of permission leads ("dürfen") while the clause ends in an infinitive that is no cue
    ("Sie dürfen nicht in die EU einreisen"): the permission is for that verb."""
    lead, tokens = frame.trigger, view.tokens
    if view.lang != "de" or lead.lemma not in _PERMISSION_MODALS:
        return False
    start, end = view.grammar.clauses[frame.clause]
    k = end - 1
    while k > lead.end and not tokens[k].alphabetic:
        k -= 1
    last = tokens[k]
    covered = {i for x in view.cues_by_clause[frame.clause] for i in range(x.start, x.end)}
    return (
        k > lead.end
        and k not in covered
        and last.lowercase
        and last.lower.endswith("en")
        and not any(it.start <= k < it.end for it in view.mentions.items)
    )


def _topic_or_competence(view: ClauseView, frame: Frame) -> bool:
    """A transfer noun whose clause says only that it plays a role, is a topic or lies in someone's remit
    ("spielten … eine Rolle", "war Thema", "ist für die Bewilligung von Waffenexporten zuständig"), with no
    verb of transfer, approval or modality in the clause."""
    if view.lang != "de":
        return False
    tokens, lead = view.tokens, frame.trigger
    if not tokens[lead.start].capitalised:
        return False
    start, end = view.grammar.clauses[frame.clause]
    if not any(t.lower in _TOPIC_PREDICATE for t in tokens[start:end]):
        return False
    return not any(
        x is not lead and tokens[x.start].lowercase and meets(x.kinds, TRIGGERS_OR_MODIFIERS)
        for x in view.cues_by_clause[frame.clause]
    )


def _hypothetical_evaluation(view: ClauseView, frame: Frame) -> bool:
    """A transfer noun in a clause that judges it under "would/würde" ("It would be the first export of …",
    "Die Lieferung würde die Armee unabhängig machen"): the clause evaluates, it reports no transfer."""
    tokens, lead = view.tokens, view.tokens[frame.trigger.start]
    if "give_noun" not in frame.trigger.kinds and not (view.lang == "de" and lead.capitalised):
        return False
    start, end = view.grammar.clauses[frame.clause]
    span = tokens[start:end]
    return any(t.lower in _CONDITIONAL for t in span) and any(
        t.lemma in _EVALUATIVE and t.lower not in _CONDITIONAL for t in span
    )


def _instead_of(view: ClauseView, frame: Frame) -> set[int]:
    """Token positions set aside by "statt/instead of/rather than" in the frame's clause: the phrase after it,
    up to a comma or the next trigger verb."""
    tokens = view.tokens
    start, end = view.grammar.clauses[frame.clause]
    triggers: set[int] | None = None  # (found only for a clause with such a phrase: most have none)
    out: set[int] = set()
    for i in range(max(0, start - 1), end):
        if not tokens[i].classes & _INSTEAD_OF_ANY:  # (most words: one integer test)
            continue
        word = tokens[i].lower
        if word in _INSTEAD_OF:
            j = i + 1
        elif word in _INSTEAD_OF_FIRSTS and i + 1 < len(tokens) and f"{word} {tokens[i + 1].lower}" in _INSTEAD_OF:
            j = i + 2
        else:
            continue
        if triggers is None:
            triggers = {
                k for x in view.cues_by_clause[frame.clause] if x.kinds & TRIGGERS for k in range(x.start, x.end)
            }
        while j < len(tokens) and tokens[j].text not in (",", ";", ":", ".") and j not in triggers:
            out.add(j)
            j += 1
    return out


def _opposers(view: ClauseView, frame: Frame, governors: list[int]) -> set[str]:
    """Who opposes or investigates: the subject before that verb (a pronoun stands for the actor before it)."""
    tokens = view.tokens
    out: set[str] = set()
    for k in [frame.clause, *governors]:
        cue = next((x for x in view.cues_by_clause[k] if x.kinds & {"oppose", "investigate"}), None)
        if cue is None:
            continue
        subjects = [
            g for g in groups(view.actors_by_clause[k], tokens) if g.first.prep is None and g.first.start < cue.start
        ]
        if subjects:
            out.update(subjects[-1].ids)
        pronoun = pronoun_subject(tokens, view.grammar, k, [], cue.start)
        if pronoun is not None:
            earlier = [a for a in view.mentions.actors if a.end <= pronoun and a.kind not in ("origin", "ref")]
            out.update(a.id for a in earlier[-1:])
    return out


def _restriction(view: ClauseView, frame: Frame) -> str:
    """Whether a transfer noun comes right after a restriction ("ban on arms exports", "Verbot von
    Rüstungsexporten", "suspension of export permits": "noun"; "restricts arms exports": "verb"), else ""."""
    tokens, lead = view.tokens, frame.trigger
    word = tokens[lead.start].text
    if (view.lang == "de" and not word[:1].isupper()) or (view.lang == "en" and word.lower().endswith("ed")):
        return ""  # a verb: "Trotz des Embargos lieferte Belarus …"
    if view.lang == "de" and _prohibited_predicate(view, frame.clause):
        # "Ausfuhren nach Russland und Belarus sind gestützt auf die Verordnung …, untersagt": the exports are
        # the subject of a prohibiting participle
        fire(frame, "mod.de.prohibited-predicate")
        return "verb"
    restrictions = {
        x.start for x in view.cues_by_clause[frame.clause] if x is not lead and x.kinds & {"prevent", "sanction"}
    }
    items = {i for it in view.items_by_clause[frame.clause] for i in range(it.start, it.end)}
    for k in range(lead.start - 1, max(-1, lead.start - 5), -1):
        tok = tokens[k]
        if k in restrictions or tok.lower in _RESTRICTION_NOUNS:
            return "noun" if _noun(view, k, items) else "verb"
        if k not in items and tok.lower not in _RESTRICTION_LINKS:
            return ""
    return ""


def _prohibited_predicate(view: ClauseView, c: int) -> bool:
    """Whether clause c (or the one-word tail closing it after an inserted clause) ends in a prohibiting
    participle after a form of "sein"/"bleiben" ("… sind untersagt", "bleiben verboten")."""
    tokens, grammar = view.tokens, view.grammar
    start, end = grammar.clauses[c]
    if not any(t.lower in _STATE_AUX for t in tokens[start:end]):
        return False
    for k in (c, c + 2):
        if k >= view.n:
            continue
        words_k = [i for i in range(*grammar.clauses[k]) if tokens[i].letter_first]
        if k == c + 2 and len(words_k) != 1:
            continue
        if words_k and any(x.start == words_k[-1] and "prevent" in x.kinds for x in view.cues_by_clause[k]):
            return True
    return False


def _noun(view: ClauseView, k: int, items: set[int]) -> bool:
    """Is the restriction word at k a noun ("the ban", "Stopp", "arms embargo") rather than a verb ("blocked",
    "restricts", "stoppte")?"""
    tok = view.tokens[k]
    if view.lang == "de":
        return tok.capitalised and k > 0  # "Verbot", not "verbot" (verbieten)
    if tok.lower in _RESTRICTION_NOUNS:
        return True
    before = view.tokens[k - 1].lower if k > 0 else ""
    return not tok.lower.endswith("ed") and (before in _DETERMINERS_BEFORE_NOUN_EN or k - 1 in items)


def _framing_deal(view: ClauseView, deal: CueMention) -> bool:
    """ "Under a 2019 contract", "Im Rahmen eines Vertrags", "aus dem ersten Rahmenvertrag": a deal noun in a
    phrase opened by a framing word, with only its determiners and modifiers in between."""
    tokens = view.tokens
    if not tokens[deal.start].capitalised and tokens[deal.start].lower.endswith("ed"):
        return False  # "has signed": a verb
    # a demonstrative ("In Ausführung dieser Verträge") is a determiner here, not a cue that ends the phrase
    cue_tokens = {i for x in view.mentions.cues if x.kinds - {"pronoun"} for i in range(x.start, x.end)}
    actor_tokens = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    for k in range(deal.start - 1, max(-1, deal.start - 5), -1):
        tok = tokens[k]
        if tok.lower in _UNDER_DEAL:
            return True
        if k in cue_tokens or k in actor_tokens or not tok.text[:1].isalnum():
            return False
    return False


def _perfect_infinitive(view: ClauseView, lead: CueMention) -> bool:
    """ "geliefert haben", "zur Verfügung gestellt zu haben", "übergeben worden sein": the verb group after
    the trigger (and the participle of its phrase) is a perfect infinitive."""
    tokens = view.tokens
    j = lead.end
    parts = {x.start: x.end for x in view.cues_by_clause[view.grammar.clause[lead.start]] if x.kinds & TRIGGERS}
    while j in parts and parts[j] > j and tokens[j].lowercase:
        j = parts[j]  # "zur Verfügung | gestellt": the participle of the phrase
    if j < len(tokens) and tokens[j].lower in _INFINITIVE_PARTICLE:
        j += 1
    return j < len(tokens) and tokens[j].lower in _PERFECT_AUX


def _contested(tokens: list[Token], start: int) -> bool:
    k = start - 1
    while k >= 0 and tokens[k].lower in _DETERMINERS_BEFORE_NOUN:
        k -= 1
    return k >= 0 and tokens[k].lower in _AGAINST


def _reach_from_governors(
    view: ClauseView, frame: Frame, governors: list[int], aside: AbstractSet[int] = frozenset()
) -> None:
    """Intentions and promises reach into an infinitive ("sagte zu, … zu liefern"); a reported
    dass-clause keeps its own tense, only denial and doubt reach into it."""
    tokens, grammar, c = view.tokens, view.grammar, frame.clause
    start = grammar.clauses[c][0]
    opener = next((t.lower for t in tokens[start : start + 2] if t.text != ","), "")
    if (
        c > 0
        and opener in _RELATIVE
        and any(
            "deal" in cue.kinds and cue.lemma in _DEAL_NOUNS and start - 2 <= cue.end <= start
            for cue in view.cues_by_clause[c - 1]
        )
    ):
        # "two contracts that will bring Rafale jets into Jakarta's air force", "Verträge, die die Lieferung
        # von Konstruktionsunterlagen vorsahen": what a deal will bring is what the deal concluded
        frame.modifiers.add("deal")
        frame.modifiers -= {"future", "intend"}
        fire(frame, "mod.relative-on-deal")
        return
    memo = memorandum_before(view, c)
    if memo is not None:
        # "a defence memorandum with Tehran that, according to officials, foresees the delivery of Iranian
        # drones": what a memorandum of intent provides for is planned, not concluded
        frame.modifiers -= {"deal"}
        frame.modifiers.add("promise")
        fire(frame, "mod.relative-on-memorandum")
        return
    if (
        c > 0
        and opener in _RELATIVE
        and any(
            "intend" in cue.kinds and cue.lemma.lower() in _PLAN_NOUNS and start - 2 <= cue.end <= start
            for cue in view.cues_by_clause[c - 1]
        )
    ):
        # "a purchasing plan that includes acquiring 40 F-35s from the U.S.", "Pläne, die den Kauf von … vorsehen":
        # what a plan includes is intended, not concluded
        frame.modifiers.add("intend")
        fire(frame, "mod.relative-on-plan")
        return
    if relative_clause(tokens, grammar, c):
        # "sanctions on Chinese firms that supply Russia": a relative clause describes its noun as
        # fact; the hedge on the measure does not reach it
        if governors:
            fire(frame, "mod.relative-clause-is-fact")
        return
    if grammar.infinitive[c] and governors and _deal_provides(view, governors[0]):
        # "The deal called for the U.S. to sell …", "The contract provides for France to deliver …": what a
        # deal provides for is still to come; the deal neither asks nor concludes it in this clause
        frame.modifiers.add("future")
        fire(frame, "mod.deal-provides-for")
        return
    passes = MODIFIERS if grammar.infinitive[c] else REACHING
    for g in governors:
        that_clause = tokens[grammar.clauses[c][0]].lower in _THAT_EN
        subject_nouns = {
            cue.start for cue in view.cues_by_clause[g] if that_clause and _hedge_noun_as_subject(view, g, cue)
        }
        if subject_nouns:
            # "The subsequent review found credible evidence that …": the review is who found, it weighs nothing
            fire(frame, "mod.en.review-as-subject")
        reached = {
            k
            for cue in view.cues_by_clause[g]
            if cue.start not in aside and cue.start not in subject_nouns
            for k in cue.kinds - _past_background(cue, tokens) - _open_question(cue, tokens, frame)
            if k in passes
        }
        if reached - frame.modifiers:
            fire(frame, "mod.infinitive-under-governor" if grammar.infinitive[c] else "mod.reaching-into-complement")
        frame.modifiers |= reached
        if not grammar.infinitive[c] and any(
            "deal" in cue.kinds and not any(t.lower in _FRAMING for t in tokens[max(0, cue.start - 4) : cue.start])
            for cue in view.cues_by_clause[g]
        ):
            # "Russia and Belarus have agreed that Minsk will receive …": the agreement is the news
            frame.modifiers.add("agreed_over")
            fire(frame, "mod.agreed-that")


def _open_question(cue: CueMention, tokens: list[Token], frame: Frame) -> frozenset[str]:
    """ "whether or not to send tanks": the negation is one side of an open question, no negation."""
    if whether_or_not(cue, tokens):
        fire(frame, "mod.en.whether-or-not-is-no-negation")
        frame.modifiers.add("consider")  # an open question: weighed, whatever verb governs it
        return frozenset({"negation"})
    return frozenset()


def _hedge_noun_as_subject(view: ClauseView, g: int, cue: CueMention) -> bool:
    """An English noun of weighing ("review", "investigation") opening clause g after a determiner and
    adjectives, so the subject of its verb, not a hedge on what the clause reports."""
    if view.lang != "en" or "consider" not in cue.kinds:
        return False
    tokens = view.tokens
    start = view.grammar.clauses[g][0]
    before = [t for t in tokens[start : cue.start] if t.text != ","]
    if not before or before[0].lower not in _DETERMINERS_BEFORE_NOUN_EN:
        return False
    return all(t.lowercase and t.alphabetic and t.lower not in _MODALS for t in before[1:]) and len(before) <= 3


def _report_speaks(view: ClauseView, cue: CueMention, k: int) -> bool:
    """ "Reports said the delay followed Chile's refusal …": a report that is the subject of a verb of saying
    right after it tells of the refusal; it is not what is refused or denied."""
    return "deny" not in cue.kinds and any(
        x.start == cue.end and "say" in x.kinds and "deny" not in x.kinds for x in view.cues_by_clause[k]
    )


def _attributive_report(view: ClauseView, cue: CueMention) -> bool:
    """ "Israel's reported decision to halt exports": an English participle on a noun is no report rejected."""
    tokens = view.tokens
    tok = tokens[cue.start]
    return (
        view.lang == "en"
        and tok.lower.endswith("ed")
        and cue.end < len(tokens)
        and tokens[cue.end].alphabetic
        and tokens[cue.end].lowercase
        and cue.start > 0
        and (
            tokens[cue.start - 1].lower in _DETERMINERS_BEFORE_NOUN
            or tokens[cue.start - 1].text.endswith(("'", "’", "'s", "’s"))
        )
    )


def _allowed_other_act(view: ClauseView, c: int, lead: CueMention, items: list[ItemMention]) -> bool:
    """ "allowed Chinese research vessels | to call at its ports": an English verb of allowing whose goods are
    followed by "to" and a verb that cues nothing."""
    if view.lang != "en" or lead.lemma not in _ALLOW:
        return False
    tokens = view.tokens
    # (an idiom, "carry out", "follow up", cues no event)
    cue_starts = {x.start for k in range(view.n) for x in view.cues_by_clause[k] if "idiom" not in x.kinds}
    for it in items:
        j = it.end
        if j + 1 < len(tokens) and tokens[j].lower == "to" and tokens[j + 1].alphabetic:
            nxt = tokens[j + 1]
            return nxt.lowercase and nxt.i not in cue_starts and nxt.lower not in ("be", "the", "a", "an")
    # "these units will allow the Moroccan armed forces | to respond to threats": whoever is allowed does
    # another act, and nothing transferred is named in between
    actor_ends = {a.end for a in view.mentions.actors}
    forces = {x.end for k in range(view.n) for x in view.cues_by_clause[k] if "forces" in x.kinds}
    for j in range(lead.end, min(len(tokens) - 1, lead.end + 7)):
        if j in cue_starts and j not in forces and j not in actor_ends:
            return False
        if tokens[j].lower == "to" and (j in actor_ends or j in forces):
            nxt = tokens[j + 1]
            return nxt.lowercase and nxt.alphabetic and nxt.i not in cue_starts and nxt.lower not in ARTICLES
    return False


def _under_option(view: ClauseView, c: int) -> bool:
    """An English infinitive right after an option noun ("an option | to buy two more")."""
    if view.lang != "en" or c == 0 or not view.grammar.infinitive[c]:
        return False
    start = view.grammar.clauses[c][0]
    return start > 0 and view.tokens[start - 1].lower in _OPTION_NOUNS


def _en_attributive_participle(view: ClauseView, c: int, lead: CueMention, items: list[ItemMention]) -> bool:
    """ "the exported F-35 parts", "the delivered tanks": an English participle between a determiner and its
    goods, in a clause that names no actor."""
    tokens = view.tokens
    tok = tokens[lead.start]
    return (
        view.lang == "en"
        and lead.end - lead.start == 1
        and tok.lowercase
        and tok.lower.endswith("ed")
        and lead.start > 0
        and tokens[lead.start - 1].lower in _DETERMINERS_BEFORE_NOUN
        and any(lead.end <= it.start <= lead.end + 1 for it in items)
        and not view.actors_by_clause[c]
    )


def _answered_request(view: ClauseView, frame: Frame) -> None:
    """ "plans to send drones to Somalia | after a request from the Somali government", "will deliver boats
    at the request of Fiji": the act answers a request; the request is background, not the act's mood, and
    whoever made it asked for the goods."""
    if view.lang != "en" or frame.kind != "transfer":
        return
    tokens, grammar, c = view.tokens, view.grammar, frame.clause
    found = [x for x in view.cues_by_clause[c] if "request_noun" in x.kinds]
    for k in (c - 1, c + 1):
        if 0 <= k < len(grammar.clauses) and tokens[grammar.clauses[k][0]].lower in _AFTER_REQUEST:
            found += [x for x in view.cues_by_clause[k] if "request_noun" in x.kinds]
    for cue in found:
        before = [t.lower for t in tokens[max(0, cue.start - 3) : cue.start]]
        if not any(w in _AFTER_REQUEST for w in before):
            continue
        k = grammar.clause[cue.start]
        askers = [
            a
            for a in view.actors_by_clause[k]
            if a.prep in _OF_REQUESTER
            and cue.end <= a.start <= cue.end + 3
            or (a.genitive or a.text.endswith(("'s", "’s")))
            and a.end in (cue.start, cue.start - 1)
        ]
        if not askers:
            continue
        frame.requesters = [askers[0].id]
        if k == c and not any("request" in x.kinds for x in view.cues_by_clause[c] if x is not cue):
            frame.modifiers.discard("request")
        fire(frame, "mod.answers-request")
        return


def _deal_provides(view: ClauseView, g: int) -> bool:
    """A governing clause that a deal noun opens and that ends in a for-phrase right before the
    infinitive ("The deal called for the U.S. | to sell …")."""
    end = view.grammar.clauses[g][1]
    cues = sorted(view.cues_by_clause[g], key=lambda x: x.start)
    if view.lang != "en" or not cues or "deal" not in cues[0].kinds or cues[0].lemma not in _DEAL_NOUNS:
        return False
    last = max(view.actors_by_clause[g], key=lambda a: a.end, default=None)
    return last is not None and last.prep in _FOR and last.end == end


def _ordered_goods_participle(view: ClauseView, cue: CueMention) -> bool:
    """ "400 bestellten Marschflugkörpern", "400 ordered Tomahawks": a participle of buying right before goods."""
    tok = view.tokens[cue.start]
    if not tok.lowercase or not tok.lower.endswith(_ATTRIBUTIVE_ENDINGS + ("ed",)):
        return False
    return any(it.start == cue.end for it in view.mentions.items)


def _de_participle_agent(view: ClauseView, c: int, cue: CueMention) -> bool:
    """ "die von Portugal gespendeten Haubitzen", "die zugesagten Gripen aus Schweden": the participle names its
    own supplier (roles.de.attributive-participle-agent reads it)."""
    for a in view.actors_by_clause[c]:
        if a.prep in _DE_FROM and a.end <= cue.start or a.prep in _DE_ORIGIN_AFTER and a.start > cue.start:
            return True
    return False


def _de_attributive_before_goods(view: ClauseView, cue: CueMention) -> bool:
    """ "bewaffnete Drohnen", "der gelieferten Panzer": a German participle with an adjective ending right before
    the goods (at most one adjective between) inside a noun phrase, not a finite verb."""
    tokens = view.tokens
    k = cue.start
    if view.lang != "de" or cue.end != k + 1 or k == 0:
        return False
    tok = tokens[k]
    if not tok.lowercase or not tok.lower.endswith(_ATTRIBUTIVE_ENDINGS):
        return False
    prev = tokens[k - 1]
    if tok.lower.endswith(_PAST_TENSE_ENDINGS) and not prev.text[:1].isdigit():
        # "lieferte", "lieferten" may be the finite past ("Hensoldt lieferte Radargeräte", "sie lieferten"): an
        # adjective only after a word of the noun phrase or a verb ("verkauft bewaffnete Drohnen")
        if not prev.lowercase or prev.lower in _GAP_CONJ or prev.lower in _SUBJECT_PRONOUNS:
            return False
    starts = {it.start for it in view.mentions.items}
    nxt = cue.end
    if nxt < len(tokens) and nxt not in starts and tokens[nxt].lowercase:
        nxt += 1  # "bewaffnete unbemannte Drohnen": one more adjective
    return nxt in starts


def _attributive_participle(tokens: list[Token], cue: CueMention, item_starts: AbstractSet[int]) -> bool:
    """ "die zugesagten Kampfpanzer", "die bestellten Staffeln": a participle describing the goods."""
    tok = tokens[cue.start]
    return (
        tok.lowercase
        and tok.lower.endswith(_ATTRIBUTIVE_ENDINGS)  # "zugesagten", "versprochenen"
        and (cue.end in item_starts or cue.end + 1 in item_starts)
        and not cue.kinds & {"consider", "future", "negation"}
    )


def _de_attributive_own_span(view: ClauseView, lead: CueMention, item_starts: AbstractSet[int]) -> set[int] | None:
    """The tokens from the determiner to an attributive German participle that leads a frame ("die [aus China
    gekauften] Kampfjets", "die [noch nicht gelieferten] Panzer"), whose cues alone set its modality; None when
    the lead is no such participle."""
    tokens = view.tokens
    tok = tokens[lead.start]
    if (
        view.lang != "de"
        or lead.end != lead.start + 1
        or not tok.lowercase
        or not tok.lower.endswith(_ATTRIBUTIVE_ENDINGS)
        or not (
            lead.end in item_starts
            or lead.end + 1 in item_starts
            and tokens[lead.end].lowercase
            and tokens[lead.end].lower not in _ATTRIBUTIVE_DETERMINERS
            and not any(x.start == lead.end for xs in view.cues_by_clause for x in xs)  # "genehmigte keine …"
        )
    ):
        return None
    for k in range(lead.start - 1, max(-1, lead.start - 7), -1):
        word = tokens[k]
        if word.lower in _ATTRIBUTIVE_DETERMINERS:
            return set(range(k + 1, lead.end))
        if not word.alphabetic or word.text == ",":
            return None
    return None


def _participles_of_other_nouns(view: ClauseView, item_starts: AbstractSet[int]) -> set[int]:
    """ "im Zuge seiner beantragten Mitgliedschaft", "nach dem angekündigten Besuch": an inflected participle
    between a determiner and a noun that is neither goods nor a cue describes that noun only."""
    if view.lang == "en":
        return _restricted_goods(view, item_starts)
    if view.lang != "de":
        return set()
    tokens = view.tokens
    cue_starts = {x.start for xs in view.cues_by_clause for x in xs}
    found = set()
    for xs in view.cues_by_clause:
        for cue in xs:
            tok = tokens[cue.start]
            nxt = cue.end
            if (
                cue.end == cue.start + 1
                and tok.lowercase
                and tok.lower.endswith(_ATTRIBUTIVE_ENDINGS)
                and cue.start > 0
                and tokens[cue.start - 1].lower in _ATTRIBUTIVE_DETERMINERS
                and nxt < len(tokens)
                and tokens[nxt].capitalised
                and tokens[nxt].alphabetic
                and nxt not in item_starts
                and nxt not in cue_starts
            ):
                found.add(cue.start)
    return found


_RESTRICTING: Final = frozenset({"prevent", "refuse"})


def _restricted_goods(view: ClauseView, item_starts: AbstractSet[int]) -> set[int]:
    """ "smuggling restricted firearms parts into Russia", "shipped banned drone engines": a participle of
    restricting right before the goods describes them (controlled goods); it refuses no transfer."""
    tokens = view.tokens
    found = set()
    verbs: set[int] | None = None  # (the ends of trigger verbs, gathered once a clause has such a participle)
    for xs in view.cues_by_clause:
        for cue in xs:
            k = cue.start
            if not meets(cue.kinds, _RESTRICTING):
                continue
            if verbs is None:
                verbs = {x.end for ys in view.cues_by_clause for x in ys if x.kinds & TRIGGERS}
            if (
                cue.end == k + 1
                and tokens[k].lowercase
                and tokens[k].lower.endswith("ed")
                and cue.end in item_starts
                and k > 0
                and (
                    tokens[k - 1].lower in ARTICLES
                    or tokens[k - 1].lower in PREPOSITIONS
                    or tokens[k - 1].lower.endswith("ing")
                    or k in verbs  # "shipped restricted drone components": right after the verb, its object
                )
            ):
                found.add(k)
    return found


def _modifiers(
    cues_by_clause: list[list[CueMention]],
    c: int,
    lead: CueMention,
    tokens: list[Token],
    lead_kind: str,
    item_starts: AbstractSet[int] = frozenset(),
    aside: AbstractSet[int] = frozenset(),
) -> set[str]:
    mods: set[str] = set()
    for cue in cues_by_clause[c]:
        if cue.start in aside:
            continue  # "seiner beantragten Mitgliedschaft": it describes another noun
        kinds = cue.kinds if cue is not lead else cue.kinds - TRIGGERS
        if cue.lemma in _ATTRIBUTIVE_DOUBT:
            continue  # "approved a possible sale": the sale is approved, not doubted
        if (
            cue is not lead
            and lead_kind in ("get", "give", "arrive", "go")
            and _attributive_participle(tokens, cue, item_starts)
        ):
            kinds = kinds & {"order"}  # "hat alle zugesagten Kampfpanzer erhalten": the promise is history
        background = _past_background(cue, tokens)
        if background:
            kinds = kinds - background
        if _not_only(cue, tokens):
            kinds = kinds - {"negation"}  # "nicht nur … sondern auch", "not only … but also"
        elif whether_or_not(cue, tokens):
            kinds = (kinds - {"negation"}) | {"consider"}  # "whether or not to send": an open question
        mods |= {k for k in kinds if k in MODIFIERS}
    return mods


_AFTER_EARLIER: Final = words("prep.after-earlier-step")


def _fronted_earlier_step(view: ClauseView, c: int, lead: CueMention, governors: list[int]) -> set[int]:
    """The tokens of a phrase or clause "nach/nachdem/after/following …" that opens the sentence before the
    clause's subject and names an earlier step ("Nach einer Absichtserklärung im Mai hat Norwegen …", "After a
    letter of intent in May, Norway …"), when a cue of modality stands in it; empty otherwise. An attribution
    ("Nach Angaben …") is a cue of its own and no such phrase. Inside the clause, the German phrase ends at the
    finite verb before the named subject, the English one at its comma."""
    out: set[int] = set()
    # (a clause governed by the opening one is its complement, "Following the refusal | to sell …", unless the
    # comma after the opening step starts it)
    after_comma = c == 1 and view.tokens[view.grammar.clauses[c][0]].text == ","
    for g in (c, *(governors if after_comma else [])):
        span = _opening_step(view, g, lead if g == c else None)
        if span is not None and any(x.start in span and x.kinds & MODIFIERS for x in view.cues_by_clause[g]):
            out |= span
    return out


def _opening_step(view: ClauseView, g: int, lead: CueMention | None) -> set[int] | None:
    """The span of clause g's opening "after …" step: the whole clause when it governs another (``lead`` None
    and g opens the sentence), else the phrase up to the subject of the lead's clause."""
    tokens = view.tokens
    start, end = view.grammar.clauses[g]
    while start < end and tokens[start].text == ",":
        start += 1
    if start >= end or tokens[start].lower not in _AFTER_EARLIER or (lead is not None and start >= lead.start):
        return None
    if any(x.start == start for x in view.cues_by_clause[g]):
        return None  # "Nach Angaben des Ministeriums", "Nach Berichten": an attribution
    if lead is None:
        return set(range(start, end)) if g == 0 else None
    stop = -1
    if view.lang == "en":
        stop = next((k for k in range(start + 1, lead.start) if tokens[k].text == ","), -1)
    else:
        subject = next((a.start for a in view.actors_by_clause[g] if a.prep is None and start < a.start), -1)
        if start + 2 < subject <= lead.start and tokens[subject - 1].lowercase:
            stop = subject - 1
    return set(range(start, stop)) if stop > start else None


def _behind_wh_relative(view: ClauseView, c: int, lead: CueMention) -> set[int]:
    """Starts of the modal cues of clause c that a "which"/"who" right after goods separates from the lead."""
    if view.lang != "en":
        return set()
    tokens = view.tokens
    ends = {it.end for it in view.mentions.items}
    walls = [k for k in range(*view.grammar.clauses[c]) if tokens[k].lower in _WH_RELATIVE and k in ends]
    out: set[int] = set()
    for cue in view.cues_by_clause[c]:
        if cue is lead or not cue.kinds & MODIFIERS:
            continue
        lo, hi = (cue.end, lead.start) if cue.end <= lead.start else (lead.end, cue.start)
        if any(lo <= k < hi for k in walls):
            out.add(cue.start)
    return out


def _not_only(cue: CueMention, tokens: list[Token]) -> bool:
    """A negation followed by "nur/only": a focus ("nicht nur Drohnen"), not a negation."""
    return "negation" in cue.kinds and cue.end < len(tokens) and tokens[cue.end].lower in _NOT_ONLY


_BACKGROUND_KINDS: Final = frozenset({"delay", "consider"})
_NO_KINDS: Final[frozenset[str]] = frozenset()


def _past_background(cue: CueMention, tokens: list[Token]) -> frozenset[str]:
    """Kinds a cue loses after "trotz", "after" and the like: "trotz Verzögerungen geliefert", "after long
    delays" (it did come), "After months of negotiations, Washington agreed …" (the talks are over)."""
    if not meets(cue.kinds, _BACKGROUND_KINDS):
        return _NO_KINDS  # (most cues: the test of the word and the words before is spared)
    word = tokens[cue.start].text
    # a noun: capitalised inside a German sentence, or an English noun of talks and delays
    noun = (word[:1].isupper() and cue.start > 0) or word.lower().endswith(("ion", "ions", "ay", "ays", "talks"))
    if noun and any(t.lower in _DESPITE for t in tokens[max(0, cue.start - 3) : cue.start]):
        return _BACKGROUND_KINDS  # a noun after the preposition, not "Dem Vernehmen nach erwägt"
    return _NO_KINDS


def _de_infinitive_under_saying(view: ClauseView, frame: Frame, governors: list[int]) -> bool:
    """A German present zu-infinitive ("zu bestellen", not "bestellt zu haben") governed by a verb of saying, with
    no modality of its own or from the governor."""
    c, tokens = frame.clause, view.tokens
    if view.lang != "de" or not view.grammar.infinitive[c] or frame.modifiers & MODIFIERS:
        return False
    if not any(_subject_control_saying(x) for g in governors for x in view.cues_by_clause[g]):
        return False
    start, end = view.grammar.clauses[c]
    return not any(
        tokens[k].lower == "zu" and k + 1 < end and tokens[k + 1].lower in _PERFECT_AUX for k in range(start, end)
    )


_DISCLOSING: Final = words("verb.disclose")


def _negated_stop(view: ClauseView, frame: Frame) -> bool:
    """Whether the clause's only refusal is a negated verb of stopping ("nicht stoppen", "will not halt") whose
    object is the transfer: an English transfer after the verb, a German one anywhere in its clause."""
    c, lead = frame.clause, frame.trigger
    refusals = [x for x in view.cues_by_clause[c] if x.kinds & {"refuse", "prevent"}]
    if len(refusals) != 1 or refusals[0].lemma not in STOP_VERBS or refusals[0] is lead:
        return False
    stop = refusals[0]
    if view.lang == "en" and lead.start < stop.end:
        return False
    return any("negation" in x.kinds and stop_negated(view, c, x, lead) for x in view.cues_by_clause[c])


def _negated_saying(view: ClauseView, frame: Frame) -> bool:
    """A transfer noun in a clause whose verb is a verb of saying, with the clause's negation: the saying is
    negated ("did not comment on the purchase", "hat keine Details zum Kauf genannt"), not the transfer."""
    lead = frame.trigger
    if not view.tokens[lead.start].capitalised and view.lang == "de":
        return False
    if view.lang == "en" and (lead.start == 0 or view.tokens[lead.start - 1].lower not in _DETERMINERS_BEFORE_NOUN):
        return False  # the lead is a noun ("the purchase"), not a verb that a negation may govern
    cues = view.cues_by_clause[frame.clause]
    if any(x.kinds & {"deny", "refuse"} for x in cues):
        return False
    start, end = view.grammar.clauses[frame.clause]
    return any(t.lowercase and (t.lemma in _DISCLOSING or t.lower in _DISCLOSING) for t in view.tokens[start:end])


def _wanting_to_give(view: ClauseView, frame: Frame, governors: list[int]) -> bool:
    """An infinitive of giving whose only request in scope is a verb of wanting (a cue both of intending and of
    asking: "want"): its subject is the giver, who intends."""
    if "request" not in frame.modifiers or not view.grammar.infinitive[frame.clause]:
        return False
    asking = [(k, x) for k in [frame.clause, *governors] for x in view.cues_by_clause[k] if "request" in x.kinds]
    return (
        bool(asking)
        and all("intend" in x.kinds for _, x in asking)
        # (not "Ghana wants Germany to deliver …": an object after the wanting is who gives, for the wanter)
        and not any(a.start > x.start for k, x in asking for a in view.actors_by_clause[k])
    )


def _deal_to_come(view: ClauseView, frame: Frame) -> bool:
    """A future cue, then a deal noun, then the lead of buying, in one clause ("will be followed by letters of
    agreement on the procurement of …"); not "Under the deal, Brazil will acquire …" (the deal first)."""
    if not {"deal", "future"} <= frame.modifiers:
        return False
    cues = view.cues_by_clause[frame.clause]
    lead = frame.trigger.start
    futures = [x.start for x in cues if "future" in x.kinds and x.start < lead]
    tokens = view.tokens
    return bool(futures) and any(
        "deal" in x.kinds
        and min(futures) < x.start < lead
        and x is not frame.trigger
        and not any(t.lower in _UNDER_DEAL or t.lower in _ACCORDING_TO for t in tokens[max(0, x.start - 5) : x.start])
        for x in cues
    )  # (not "wird laut dem unterzeichneten Abkommen … kaufen": the deal it follows from)


def _four_digits(tok: Token) -> bool:
    """A year written as four digits ("2027")."""
    return tok.text.isdigit() and len(tok.text) == 4


def _scheduled(view: ClauseView, c: int) -> bool:
    """Whether clause c names a time from or by which something happens ("ab 2026", "bis Ende 2027")."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    if any(t.lower in _SCHEDULE_ADVERBS for t in tokens[start:end]):
        return True  # "Die Hubschrauber werden schrittweise geliefert": a delivery in stages to come
    for i in range(start, end - 1):
        if tokens[i].lower in _PRESENT_PASSIVE and _four_digits(tokens[i + 1]):
            return True  # "werden 2027 geliefert": a year right after the present-passive auxiliary is to come
        if tokens[i].lower in _IN_MONTH and tokens[i + 1].lower in _MONTHS_DE:
            return True  # "werden noch im Dezember geliefert": a month named is a date to come
        if tokens[i].lower not in _SCHEDULE_PREPS:
            continue
        nxt = tokens[i + 1]
        if _four_digits(nxt) or nxt.lower in _SCHEDULE_POINTS:
            return True
    return False


def _condition_clause(view: ClauseView, c: int) -> bool:
    """A clause opened by "falls/if" inside the sentence, or the condition opening it ("Wenn Iran …
    liefern würde, | wäre das …": the hypothetical itself, not what would follow from it)."""
    start, end = view.grammar.clauses[c]
    opening = [t.lower for t in view.tokens[start : start + 2]]
    if c == 0:
        return bool(opening) and opening[0] in _CONDITION_OPENERS and end < len(view.tokens) - 1
    return any(w in _CONDITION_CLAUSE for w in opening)


def set_voice(view: ClauseView, frame: Frame, owners: dict[int, tuple[int, str]], governors: list[int]) -> None:
    """Passive voice, the German present passive, infinitive and sentence-level facts of the frame."""
    tokens, grammar, c, lead = view.tokens, view.grammar, frame.clause, frame.trigger
    donors = tuple(k for k, (o, _) in owners.items() if o == c and k != c)
    frame.passive = passive(tokens, grammar, c, lead, view.lang, donors)
    if frame.passive:
        fire(frame, "grammar.de.passive" if view.lang == "de" else "grammar.en.passive")
    if view.lang == "de" and frame.passive and "future" in frame.modifiers:
        futures = {
            tokens[x.start].lower for k in [c, *governors] for x in view.cues_by_clause[k] if "future" in x.kinds
        }
        after = tokens[lead.end].lower if lead.end < len(tokens) else ""
        modal = tokens[lead.end + 1].lower if lead.end + 1 < len(tokens) else ""
        if futures <= _PRESENT_PASSIVE and after in _PRESENT_PASSIVE and modal in _MODAL_INFINITIVES:
            # "dass die Panzer an Deutschland weitergegeben werden dürfen": a passive infinitive under a modal,
            # no future; the modal says what is allowed or possible
            frame.modifiers.discard("future")
            fire(frame, "mod.de.passive-infinitive-under-modal")
        elif futures <= _PRESENT_PASSIVE and after not in _PRESENT_PASSIVE and _scheduled(view, c):
            # "Die Panzer werden ab 2026 an Polen geliefert": the present passive with a point it starts from
            # or is due by speaks of what is to come
            fire(frame, "mod.de.present-passive-scheduled")
        elif futures <= _PRESENT_PASSIVE and after not in _PRESENT_PASSIVE:
            # "Der Ukraine werden von Deutschland Panzer geliefert": "werden" with a participle is the
            # present passive, not the future ("… geliefert werden")
            frame.modifiers.discard("future")
            fire(frame, "mod.de.present-passive-not-future")
    frame.infinitive = grammar.infinitive[c] and c > 0 and not aspectual(tokens, grammar.clauses[c][0])
    if frame.infinitive and any("accuse" in x.kinds for k in governors for x in view.cues_by_clause[k]):
        # "wirft Belarus vor, Russland mit Granaten zu beliefern": the infinitive is what the accused is
        # said to do, a claim like any reported one, not something still to come
        frame.infinitive = False
        frame.modifiers.add("accused")
        fire(frame, "mod.accused-act-is-claim")
    frame.ref_initial = any(is_reference(a.id) and a.id != GROUP and a.start <= 1 for a in view.mentions.actors)
    # "wies einen Bericht zurück, wonach …", "rejected accusations that …": the claim is the report's.
    if frame.modifiers & {"deny", "refuse"} and any(
        "report" in cue.kinds and not _attributive_report(view, cue) and not _report_speaks(view, cue, k)
        for k in [c, *governors]
        for cue in view.cues_by_clause[k]
    ):
        frame.reported_by_report = True
        fire(frame, "mod.rejected-report")


# --------------------------------------------------------------------------- after the roles


def _roles_after_grammar(view: ClauseView, frame: Frame, frames: list[Frame], lead_kind: str) -> None:
    """Roles that come from the goods or from the frame just built, when the clause names no party."""
    lead, c = frame.trigger, frame.clause
    if lead.lemma in _LAUNCH and lead_kind == "give" and not frame.recipients:
        # "launched an Iranian satellite", "launched a satellite for Pakistan": the owner receives the launch
        owners = [a.id for a in view.actors_by_clause[c] if a.prep in _FOR and a.start > lead.start]
        owners += [it.origin for it in frame.items if it.origin]
        frame.recipients = [o for o in owners if o not in frame.suppliers][:1]
        _decided(frame, "roles.launch-satellite-owner")
    if "serve" in lead.kinds and lead_kind == "give":
        service_roles(frame, [a for a in view.mentions.actors if view.grammar.clause[a.start] == c], lead)
        _decided(frame, "roles.serving-people")
    if "mod.relative-on-memorandum" in frame.trace and not frame.recipients:
        _memorandum_partners(view, frame)
    if "item.en.with-deliveries-of-previous" in frame.trace and frames and frames[-1].clause == c - 1:
        # "ordered 20 helicopters from France, with deliveries to begin in 2019": the trade's parties
        # (the absolute clause has no subject: the supplier is always the trade's)
        frame.suppliers = list(frames[-1].suppliers)
        frame.recipients = [x for x in frame.recipients if x not in frame.suppliers] or list(frames[-1].recipients)
        _decided(frame, "roles.with-deliveries-of-previous")
    if (
        "roles.arrive.come-from" in frame.trace
        and frames
        and frames[-1].clause == c - 1
        and not frames[-1].suppliers
        and {id(it) for it in frame.items} & {id(it) for it in frames[-1].items}
    ):
        # "hätten Waffenlieferungen erhalten, die mutmaßlich aus den Emiraten stammten": the relative clause
        # states where the goods received came from; the receiving clause is the same transfer
        frames[-1].items = []
        reject("roles.arrive.come-from", f"clause {c - 1}: the goods' source is stated in clause {c}")
    if (
        view.lang == "de"
        and frame.suppliers
        and frames
        and frames[-1].clause == c - 1
        and not frames[-1].suppliers
        and frames[-1].trigger_kind in _RECEIVING
        and relative_clause(view.tokens, view.grammar, c)
        and frame.items
        and {id(it) for it in frame.items} <= {id(it) for it in frames[-1].items}
    ):
        # "will 48 Eurofighter kaufen, die von Großbritannien aus geliefert würden": the relative clause on the
        # goods bought names who supplies them
        frames[-1].suppliers = [x for x in frame.suppliers if x not in frames[-1].recipients]
        _decided(frames[-1], "roles.relative-names-the-supplier")
    if (
        view.lang == "de"
        and lead_kind == "arrive"
        and frame.modifiers & {"future", "delay"}
        and frames
        and frames[-1].clause == c - 1
        and frames[-1].trigger_kind == "get"
        and not frames[-1].modifiers & {"future", "negation", "consider", "intend", "request"}
        and view.tokens[view.grammar.clauses[c][0] + 1].lower in _GENITIVE_RELATIVE
    ):
        # "bezieht das System Arrow 3, dessen erste Komponenten noch in diesem Jahr eintreffen sollen": what is
        # received is still on its way
        frames[-1].modifiers.add("awaited")
        fire(frames[-1], "mod.de.goods-still-to-arrive")
    if not frame.suppliers and not frame.recipients and frames and partitive(view.tokens, view.grammar, c):
        # "…, six of which have been delivered": the part goes the way the whole was ordered
        frame.suppliers, frame.recipients = list(frames[-1].suppliers), list(frames[-1].recipients)
        _decided(frame, "roles.partitive-same-parties")
    elif (
        not frame.suppliers
        and not frame.recipients
        and frames
        and relative_clause(view.tokens, view.grammar, c)
        and {id(it) for it in frame.items} <= {id(it) for it in frames[-1].items}
    ):
        # "… BrahMos-Raketen bestellt, die nun ausgeliefert wurden": the goods just ordered, the same parties
        frame.suppliers, frame.recipients = list(frames[-1].suppliers), list(frames[-1].recipients)
        _decided(frame, "roles.relative-same-parties")


def _decided(frame: Frame, rule_id: str) -> None:
    fire(frame, rule_id)
    frame.rule = rule_id


_SEQUENCE: Final = words("verb.sequence")
_BOUGHT: Final = frozenset({"buy", "order"})
_RECEIVING: Final = frozenset({"get", "arrive", "buy", "order"})


def _trailing_agents(view: ClauseView, frame: Frame) -> None:
    """The agents of a giving participle set off after the frame's clause (", geliefert von X", ", supplied
    by X"), or before it (", donated by Portugal,", "Donated by Portugal, the howitzers …"): it describes
    the goods of the clause, so its agent supplies them."""
    _trailing_agent(view, frame, frame.clause + 1, "roles.trailing-participle-agent")
    if not frame.suppliers:
        for k in (frame.clause - 1, frame.clause - 2):
            if k >= 0 and not frame.suppliers:
                _trailing_agent(view, frame, k, "roles.inserted-participle-agent")


def _trailing_agent(view: ClauseView, frame: Frame, k: int, rule: str) -> None:
    tokens, grammar = view.tokens, view.grammar
    if k >= view.n or view.items_by_clause[k]:
        return
    start, end = grammar.clauses[k]
    ws = [t for t in tokens[start:end] if t.letter_first]
    if tokens[start].text not in _SET_OFF_MARKS and start != 0 or not ws:
        return
    first = ws[0]
    lead = _lead(view.cues_by_clause[k])
    if (
        not (
            english_participle(first)
            or german_participle(first)
            or start == 0
            and _capital_participle(first)
            or view.lang == "de"
            and first.lowercase
            and first.lower.endswith(("t", "en"))  # "bereitgestellt"
        )
        or lead is None
        or lead[1] not in GIVE | _BOUGHT
        or lead[0].start != first.i
        or lead[0].lemma in _SEQUENCE
    ):
        return
    if lead[1] in _BOUGHT and (frame.trigger_kind not in _RECEIVING or frame.suppliers):
        return  # ", bought from China" names the seller of goods received, not of goods given
    agents = unique([i for g in groups(view.actors_by_clause[k], tokens) if g.first.prep in FROM for i in g.ids])
    if agents and not set(agents) & set(frame.recipients):
        # "… sind in der Ukraine eingetroffen, geliefert von Dänemark und Deutschland", "took delivery of two
        # submarines, bought from China"
        frame.suppliers = agents
        _decided(frame, rule)


def _capital_participle(tok: Token) -> bool:
    """ "Donated by Portugal, …", "Geliefert von Dänemark, …": a participle opening the sentence."""
    lower = build_token(tok.lower, tok.start, tok.end, tok.i, tok.lower, tok.lemma)
    return english_participle(lower) or german_participle(lower)


# --------------------------------------------------------------------------- participles after the goods


def _participle_kind(kinds: frozenset[str]) -> str | None:
    """The first kind of giving or receiving in priority order among a cue's ``kinds``, or None; memoised per
    kind set (a scan of the priority list per cue was 600,000 set look-ups in a 3 MB run)."""
    known = _PARTICIPLE_KINDS.get(kinds)
    if known is None:
        if len(_PARTICIPLE_KINDS) > 10_000:  # (bounded, though kind sets are few)
            _PARTICIPLE_KINDS.clear()
        known = _PARTICIPLE_KINDS[kinds] = next((k for k in PRIORITY if k in kinds and k in GIVE_OR_RECEIVE), "")
    return known or None


_PARTICIPLE_KINDS: Final[dict[frozenset[str], str]] = {}


def participle_frames(tokens: list[Token], mentions: Mentions, lang: str) -> list[Frame]:
    """ "MiG-29s bought from Belarus", "Mirage 2000s delivered by France": a participle after
    the goods is a transfer of its own, with its own agent."""
    out: list[Frame] = []
    by_end = {it.end: it for it in mentions.items if it.category}
    actors = sorted(mentions.actors, key=lambda a: a.start)
    for cue in mentions.cues:
        kind = _participle_kind(cue.kinds)
        item = by_end.get(cue.start)
        set_off = item is None and cue.start >= 2 and tokens[cue.start - 1].text == ","
        if set_off:
            # "JF-17 Thunder, supplied to Myanmar by Pakistan, …": a participle set off by a comma after the goods
            item = by_end.get(cue.start - 1)
        word = tokens[cue.start].lower
        if kind is None or item is None:
            continue
        if not (word.endswith(("ed", "nt")) or word in IRREGULAR_PARTICIPLES):
            continue
        if set_off and not _set_off_participle(tokens, mentions, actors, cue):
            continue
        frame = _participle_frame(tokens, mentions, actors, cue, kind, item)
        if frame is not None and set_off:
            fire(frame, "trigger.en.set-off-participle-after-goods")
        if frame is not None:
            out.append(frame)
    return out


def _set_off_participle(tokens: list[Token], mentions: Mentions, actors: list[ActorMention], cue: CueMention) -> bool:
    """ ", supplied to Myanmar by Pakistan": a participle after a comma is passive, not a finite verb of the
    subject before, only with its agent ("by") in its own phrase and no goods of its own as object."""
    reach = _participle_reach(tokens, cue)
    if any(cue.end <= it.start < reach for it in mentions.items):
        return False
    return any(cue.end <= a.start < reach and a.prep == "by" for a in actors)


def _participle_reach(tokens: list[Token], cue: CueMention) -> int:
    """Where the phrase of a participle after the goods ends: at a comma or other break, a conjunction or a
    relative pronoun, at most nine tokens on ("acquired by the Philippine Navy from South Korea's shipyard")."""
    end = min(len(tokens), cue.end + 9)
    k = cue.end
    while k < end:
        if abbreviation_at(tokens, k):
            # "bought by the Kenyan Army (KA) from China": an abbreviation of the name before is no break
            end = min(len(tokens), end + 3)
            k += 3
            continue
        if tokens[k].text in _PHRASE_BREAKS or tokens[k].lower in _PHRASE_ENDERS:
            return k
        k += 1
    return end


def _coordinated_after(tokens: list[Token], actors: list[ActorMention], heads: list[ActorMention]) -> list[str]:
    """Actors joined by "and"/"or" or a comma to the last of the heads ("supplied by Turkey and the UAE"): the
    preposition of the first governs them all."""
    if not heads:
        return []
    last = max(a.end for a in heads)
    out: list[str] = []
    closed = 0  # the list counts up to its member after "and"/"or" ("from Iran, Israeli officials claim": none)
    for a in actors:
        if a.start < last or a.prep is not None:
            continue
        gap = tokens[last : a.start]
        if not gap or not all(t.lower in _LIST_LINKS or t.text == "," or t.lower in ARTICLES for t in gap):
            break
        if (
            not any(t.lower in _LIST_LINKS or t.text == "," for t in gap)
            or a.kind in _NOT_LIST_NAMES
            or a.kind.endswith("-gen")
        ):
            break  # ("supplied by Turkey and Iran's drones are …": a possessive opens a new noun phrase)
        out.append(a.id)
        last = a.end
        if any(t.lower in _LIST_LINKS and t.text != "," for t in gap):
            closed = len(out)
    return out[:closed]


def _participle_frame(
    tokens: list[Token], mentions: Mentions, actors: list[ActorMention], cue: CueMention, kind: str, item: ItemMention
) -> Frame | None:
    reach = _participle_reach(tokens, cue)
    after = [
        a
        for a in actors
        if cue.end <= a.start
        and (a.start <= cue.end + 4 or a.start < reach)
        and a.prep in _PARTICIPLE_AGENT | _PARTICIPLE_TO
    ]
    agents = [a.id for a in after if a.prep in _PARTICIPLE_AGENT]
    # "supplied by Turkey and the UAE", "bought from Russia, Italy or the United States", "to Niger and Mali"
    co: dict[str, list[str]] = {}
    for prep in {a.prep for a in after if a.prep is not None}:
        co[prep] = _coordinated_after(tokens, actors, [a for a in after if a.prep == prep])
    co_agents = [i for p in _PARTICIPLE_AGENT for i in co.get(p, [])]
    agents += [i for i in co_agents if i not in agents]
    in_use = any("use" in c.kinds and (c.start < item.start or "service" in c.lemma) for c in mentions.cues)
    frame = Frame("transfer", cue, kind, -1, [item])
    frame.trace.append("trigger.participle-after-goods")
    if any(co.values()):
        fire(frame, "roles.participle.coordinated-agents")
    if not agents and in_use and item.origin and kind in GIVE:
        agents = [item.origin]  # "Ethiopian forces used Iranian Mohajer-6 drones supplied in 2021"
        fire(frame, "roles.participle.origin-supplies-used-goods")
    if not agents:
        return None
    frame.passive = True
    if in_use:
        frame.modifiers.add("in_use")  # "still flies MiG-29s bought from Belarus": they arrived
        fire(frame, "mod.goods-in-use")
    if kind in GIVE:
        frame.suppliers = agents
        frame.recipients = [a.id for a in after if a.prep in _PARTICIPLE_TO]
        frame.recipients += [i for p in _PARTICIPLE_TO for i in co.get(p, []) if i not in frame.recipients]
        _decided(frame, "roles.participle.give-agent-supplies")
        if not frame.recipients and "in_use" in frame.modifiers:
            # "Hamas fighters have used rockets smuggled from Iran": who uses the goods received them
            users = [a.id for a in actors if a.end <= item.start and a.prep is None and not a.genitive]
            frame.recipients = [u for u in users[:1] if u not in agents]
            _decided(frame, "roles.participle.user-received")
    else:
        # "tanks ordered by Lithuania from Germany": the agent of buying is the buyer
        frame.suppliers = [a.id for a in after if a.prep == "from"] + co.get("from", [])
        frame.recipients = [a.id for a in after if a.prep in _PARTICIPLE_TO or a.prep == "by"]
        frame.recipients += [i for p in (*_PARTICIPLE_TO, "by") for i in co.get(p, []) if i not in frame.recipients]
        _decided(frame, "roles.participle.buy-agent-receives")
        if not frame.recipients and "in_use" in frame.modifiers:
            # "Bangladesh's army has inducted launchers bought from Turkey": who has them in service bought them
            users = [a.id for a in actors if a.end <= item.start and a.prep is None and a.kind != "org"]
            frame.recipients = [u for u in users[:1] if u not in frame.suppliers]
            _decided(frame, "roles.participle.user-received")
        if frame.recipients and not frame.suppliers:
            maker = _producer_before(mentions, actors, item)
            if maker is not None and maker not in frame.recipients:
                # "The Spanish shipyard Cardama is cutting steel for two patrol vessels ordered by Uruguay's navy",
                # "Navantia is building five frigates ordered by Saudi Arabia": the maker named before sells them
                frame.suppliers = [maker]
                frame.modifiers.discard("in_use")  # building or launching them is no delivery yet
                _decided(frame, "roles.participle.producer-sells-ordered-goods")
        if not frame.recipients and frame.suppliers:
            # "Polish tanks bought from South Korea": the buyer's demonym on goods bought from another state
            frame.recipients = owner_demonyms(mentions.actors, [item], frame.suppliers)
            if frame.recipients:
                _decided(frame, "roles.receive.en.demonym-of-goods-bought-from")
    if not frame.recipients and any(t.lower in _AWAIT for t in tokens[max(0, item.start - 5) : item.start]):
        # "Kyiv is still waiting for the F-16s promised by the Netherlands": who awaits them receives
        waiting = [a.id for a in actors if a.end <= item.start and a.prep is None and not a.genitive]
        frame.recipients = [w for w in waiting[:1] if w not in frame.suppliers]
        _decided(frame, "roles.participle.awaiting-receives")
    if not frame.recipients and frame.suppliers:
        holder = _holder_of_goods(tokens, actors, item)
        if holder is not None and holder not in frame.suppliers:
            # "the SDF keeps heavy weapons supplied by the United States", "the air force unveiled the first of
            # 36 jets bought from Sweden": who holds the goods received them; they arrived
            frame.recipients = [holder]
            frame.modifiers.add("in_use")
            _decided(frame, "roles.participle.holder-received")
    return frame


def _memorandum_partners(view: ClauseView, frame: Frame) -> None:
    """ "La Paz defended a memorandum with Tehran that foresees the delivery of Iranian drones": the
    memorandum's parties are the transfer's; the one that does not supply receives."""
    m = memorandum_before(view, frame.clause)
    if m is None:
        return
    subjects = [
        a for a in view.actors_by_clause[m] if a.prep is None and not a.genitive and a.kind not in ("adj", "origin")
    ]
    partners = [a for a in view.actors_by_clause[m] if a.prep in _WITH]
    if not subjects:
        return
    if not frame.suppliers and partners:
        frame.suppliers = [partners[0].id]
    if frame.suppliers and subjects[0].id not in frame.suppliers:
        frame.recipients = [subjects[0].id]
        _decided(frame, "roles.memorandum-partners")


_DETAIL_DOUBTS: Final = frozenset({"consider", "negation"})
_DETAIL_QUESTIONS: Final = {lang: words("question.detail", lang) for lang in ("de", "en")}
_WHETHER: Final = words("conj.whether")


def _doubt_only_on_detail(view: ClauseView, frame: Frame, governors: list[int], lead: int) -> bool:
    """Every hedge or negation in scope stands before a question word of amount, time or manner ("how many",
    "when", "wie viele", "wann") that opens what the lead verb says, with no "whether" between."""
    tokens = view.tokens
    details = _DETAIL_QUESTIONS[view.lang]
    scope = [x for k in (frame.clause, *governors) for x in view.cues_by_clause[k] if x.kinds & _DETAIL_DOUBTS]
    if not scope:
        return False
    first = min(x.start for x in scope)
    wh = next((k for k in range(first, lead) if tokens[k].lower in details), None)
    if wh is None or any(tokens[k].lower in _WHETHER for k in range(first, lead)):
        return False
    if view.lang == "de" and wh > 0 and tokens[wh - 1].text != ",":
        return False  # German: the question word opens the clause ("Unklar ist, wie viele …")
    return all(x.end <= wh for x in scope)


def _absolute_passive_infinitive(view: ClauseView, k: int) -> bool:
    """ "with the first one to be delivered in 2029": the verb at k is a passive infinitive ("to be …") in a
    clause that "with" opens, an absolute phrase with no finite verb."""
    tokens = view.tokens
    if view.lang != "en" or k < 2 or tokens[k - 1].lower != "be" or tokens[k - 2].lower != "to":
        return False
    start = view.grammar.clauses[view.grammar.clause[k]][0]
    first = start + 1 if tokens[start].text == "," else start
    return first < k and tokens[first].lower in _WITH


def memorandum_before(view: ClauseView, c: int) -> int | None:
    """The clause of a memorandum that the relative clause c is on ("a memorandum with Tehran that foresees
    …", "… that, according to officials, foresees …"), or None."""
    if view.lang != "en" or c == 0:
        return None
    tokens, grammar = view.tokens, view.grammar
    start = grammar.clauses[c][0]
    k = next((j for j in range(start, min(start + 2, len(tokens))) if tokens[j].lower in _RELATIVE), None)
    cc = c - 1
    while k is None and cc >= 0 and c - cc <= 2:
        s0, e0 = grammar.clauses[cc]
        words_ = [j for j in range(s0, e0) if tokens[j].text != ","]
        if len(words_) == 1 and tokens[words_[0]].lower in _RELATIVE:
            k = words_[0]  # "that" standing alone before an aside
        elif not any("according" in x.kinds or "say" in x.kinds for x in view.cues_by_clause[cc]):
            return None
        cc -= 1
    if k is None:
        return None
    for j in range(k - 1, max(-1, k - 6), -1):
        if tokens[j].lower in _MEMORANDUM:
            return grammar.clause[j]
    return None


def _producer_before(mentions: Mentions, actors: list[ActorMention], item: ItemMention) -> str | None:
    """The subject before the goods when it is a firm ("Navantia") or a demonym on a noun of producing ("the
    Spanish shipyard")."""
    makers = {cue.start for cue in mentions.cues if "producer" in cue.kinds}
    before = [
        a
        for a in actors
        if a.end <= item.start and a.prep is None and not a.genitive and (a.kind == "org" or a.end in makers)
    ]
    return before[0].id if before else None


def _holder_of_goods(tokens: list[Token], actors: list[ActorMention], item: ItemMention) -> str | None:
    """The subject of a verb of holding or showing goods that stands at most six tokens before them."""
    verbs = [k for k in range(max(0, item.start - 6), item.start) if tokens[k].lower in _HOLD_GOODS]
    if not verbs:
        return None
    subjects = [a for a in actors if a.end <= verbs[-1] and a.prep is None and not a.genitive and a.kind != "org"]
    if not subjects or any(tokens[k].text in _PHRASE_BREAKS for k in range(subjects[-1].end, verbs[-1])):
        return None
    return subjects[-1].id


def _merge_participles(frames: list[Frame], participles: list[Frame]) -> None:
    """A clause frame and a participle on its goods: one transfer, or the goods leave the clause frame."""
    by_item = {id(it): f for f in participles for it in f.items}
    for f in frames:
        shared = [by_item[id(it)] for it in f.items if id(it) in by_item]
        if not shared:
            continue
        p = shared[0]
        if (
            f.trigger_kind in ("get", "give")
            and f.trigger.start < p.trigger.start
            or f.trigger_kind == "arrive"
            or f.trigger_kind == "give"
            and f.passive
            and p.trigger_kind in RECEIVE
            and (p.recipients or f.recipients)
        ):
            _join_participle(f, p)
            continue
        # the goods with their own participle leave the clause's frame ("… MiG-29s bought from Belarus")
        f.items = [it for it in f.items if id(it) not in by_item]
        fire(f, "frames.participle-takes-its-goods")
    frames[:] = [f for f in frames if f.items] + participles


def _join_participle(f: Frame, p: Frame) -> None:
    if f.trigger_kind == "give" and f.passive and p.trigger_kind in RECEIVE:
        # "Rafales ordered by Serbia were handed over", "corvettes ordered from South Korea were
        # handed over to the Philippines": one transfer, the buyer receives, the seller hands over
        buyers = p.recipients or f.recipients
        f.suppliers = [x for x in f.suppliers if x not in buyers] or list(p.suppliers)
        f.recipients = list(buyers)
        p.recipients = p.recipients or list(buyers)
        _decided(f, "roles.ordered-goods-handed-over")
    if (
        f.trigger_kind == "give"
        and not f.passive
        and p.trigger_kind in RECEIVE
        and p.recipients
        and set(f.recipients) <= set(f.suppliers)
    ):
        # "Embraer has delivered the first two of six Super Tucanos ordered by the Uruguayan Air Force": who
        # ordered the goods receives them, and who delivers them sold them
        f.recipients = list(p.recipients)
        p.suppliers = p.suppliers or list(f.suppliers)
        _decided(f, "roles.delivered-goods-ordered-by")
        _decided(p, "roles.delivered-goods-ordered-by")
    # "has received the corvettes ordered from South Korea": handed over, and ordered before
    if not f.suppliers and p.trigger_kind in RECEIVE:
        f.suppliers = list(p.suppliers)
        _decided(f, "roles.received-goods-ordered-from")
    if not p.recipients and f.trigger_kind == "get":
        p.recipients = list(f.recipients)
        _decided(p, "roles.participle.receiver-of-clause")
    if f.trigger_kind == "arrive" and p.recipients:
        # "tanks ordered by Lithuania will arrive": the agent belongs to the participle
        f.suppliers = list(p.suppliers)
        f.recipients = list(p.recipients)
        _decided(f, "roles.arriving-goods-ordered-by")


# --------------------------------------------------------------------------- answers


def answer_frames(view: ClauseView, frames: list[Frame]) -> list[Frame]:
    """ "…, doch Washington lehnte den Wunsch ab": a refusal or denial of the transfer just named."""
    out: list[Frame] = []
    for c in range(1, view.n):
        if view.items_by_clause[c]:
            continue
        cue = next((x for x in view.cues_by_clause[c] if x.kinds & {"refuse", "deny"} and not x.kinds & TRIGGERS), None)
        if cue is None or any("negation" in x.kinds for x in view.cues_by_clause[c]):
            continue  # "Berlin werde kein Veto einlegen" answers nothing
        before = [f for f in frames if f.kind == "transfer" and c - 2 <= f.clause < c]
        if (
            not before
            or any(f.kind == "transfer" and f.clause == c for f in frames)
            or "refuse" in before[-1].modifiers
        ):
            continue  # (a clause refusing a transfer of its own, "stellte weitere Lieferungen ein", answers nothing)
        if any(f.kind == "transfer" and c < f.clause <= c + 2 and cue.kinds & f.modifiers for f in frames):
            # "confirmed that Chile has gifted … a helicopter, and denied rumors that Chile would sell tanks": the
            # denial governs its own complement, not the transfer before it
            reject("frames.answer-governs-its-complement", f"clause {c}: {cue.lemma!r} governs the clause after it")
            continue
        if _declined_to_speak(view, cue):
            # "Hanoi … declined to comment", "refused to say": refusing to speak refuses no transfer
            reject("frames.en.declined-to-comment", f"clause {c}: {cue.lemma!r} to speak")
            continue
        if view.lang == "de" and _own_matter(view, c):
            # "… und hat ihre Mitarbeit in dem Militärbündnis auf Eis gelegt": what is put on hold is the
            # subject's own matter, not the transfer just named
            reject("frames.refusal-of-own-matter", f"clause {c}: {cue.lemma!r} refuses the subject's own matter")
            continue
        if (
            view.lang == "en"
            and "refuse" in cue.kinds
            and "deny" not in cue.kinds
            and _receiver_answers(view, c, before[-1])
        ):
            # "Israel shipped 18 HAWK missiles to Iran; the Iranians rejected them": the goods came; that the
            # receiver turned them back refuses nothing the supplier did
            reject("frames.receiver-rejects-goods", f"clause {c}: {cue.lemma!r} by the recipient")
            continue
        out.append(_answer(view, c, cue, before[-1]))
    return out


def _declined_to_speak(view: ClauseView, cue: CueMention) -> bool:
    """An English refusal whose infinitive is a verb of speaking ("declined to comment", "refused to say")."""
    tokens = view.tokens
    k = cue.end
    return (
        view.lang == "en"
        and k + 1 < len(tokens)
        and tokens[k].lower in _TO_INFINITIVE
        and tokens[k + 1].lemma in _SPEAKING
    )


def _rejects_claims(view: ClauseView, cue: CueMention) -> bool:
    """ "Iranian officials rejected the U.S. accusations": rejecting what was said is denying it, not refusing."""
    tokens = view.tokens
    if view.lang != "en":
        return False
    if any(t.lower in _CLAIM_NOUNS for t in tokens[cue.end : cue.end + 4]):
        return True
    # "…, a claim Havana rejects as slander", "allegations that Moscow denies": the claim before its denier
    named = {k for a in view.mentions.actors for k in range(a.start, a.end)}
    k = cue.start - 1
    while k >= 0 and (k in named or tokens[k].lower in _RELATIVE_EN_CLAIM):
        k -= 1
    return 0 <= k < cue.start - 1 and tokens[k].lower in _CLAIM_NOUNS and any(j in named for j in range(k, cue.start))


def _own_matter(view: ClauseView, c: int) -> bool:
    """Whether clause c has a possessive before a noun as its object ("ihre Mitarbeit", "seine Teilnahme")."""
    tokens = view.tokens
    start, end = view.grammar.clauses[c]
    return any(tokens[i].lower in _OWN and tokens[i + 1].capitalised for i in range(start, end - 1))


def _receiver_answers(view: ClauseView, c: int, prev: Frame) -> bool:
    """The subject of the answering clause is the one the transfer went to."""
    subject = [
        g for g in groups(view.actors_by_clause[c], view.tokens) if g.first.prep is None and not g.first.genitive
    ]
    return bool(subject and prev.recipients) and set(subject[0].ids) <= set(prev.recipients)


def _answer(view: ClauseView, c: int, cue: CueMention, prev: Frame) -> Frame:
    subject = [
        g for g in groups(view.actors_by_clause[c], view.tokens) if g.first.prep is None and not g.first.genitive
    ]
    answer = Frame("transfer", cue, prev.trigger_kind, c, list(prev.items), list(prev.suppliers), list(prev.recipients))
    answer.trace = list(prev.trace)
    answer.rule = prev.rule
    answer.no_fill = prev.no_fill  # the answer is about the same parties, named or not
    kind = "deny" if "deny" in cue.kinds or _rejects_claims(view, cue) else "refuse"
    answer.modifiers = {kind}
    fire(answer, "frames.answer-deny" if kind == "deny" else "frames.answer-refuse")
    if kind == "refuse" and prev.trigger_kind in RECEIVE:
        answer.trigger_kind = "give"  # "Riad hatte gebeten, Berlin hatte die Lieferung blockiert": refused
    if subject:
        answer.subject_text = " ".join(m.text for m in subject[0].members)
        if kind == "refuse" and prev.trigger_kind in RECEIVE and not answer.suppliers:
            answer.suppliers = subject[0].ids
            _decided(answer, "roles.refuser-of-request-supplies")
    return answer
