"""Who supplies and who receives: the roles of a transfer frame.

Roles come from grammar in three steps, each a named rule on the frame's trace:

1. the clause's grammatical functions (``grammar.*``): the subject, the objects, a subject
   inherited from a governing clause, an asker under object control, a pronoun's antecedent,
   and the actors governed by each preposition;
2. the trigger kind's mapping of functions to roles (``roles.give.*``, ``roles.receive.*``,
   ``roles.arrive.*``, ``roles.deal.*``, ``roles.offer.*``): a giver's subject supplies, a
   buyer's subject receives, "to"/"an" marks the recipient, "from"/"von" the supplier …;
3. constructions that override the mapping (``roles.*``), in a fixed order: accusations of
   supplying, answered requests, seized shipments, permitted re-exports …

Every assignment goes through :meth:`Roles.supply` or :meth:`Roles.receive`, which record the
rule on the trace and make it the frame's deciding rule.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Final

from armsflow.attribution import speaker_before
from armsflow.frame import ARRIVE, DEAL, GIVE, NOUN_GOVERNORS, RECEIVE, TRIGGERS, TRIGGERS_BUT_USE, Frame, fire, reject
from armsflow.grammar import (
    ClauseView,
    Group,
    can_act,
    fronted_after_others,
    german_cases,
    groups,
    is_company,
    participial,
    phrase_from,
    prepositional_aside,
    pronoun_subject,
    relative_antecedent,
    relative_clause,
    unique,
)
from armsflow.lexicons import word_list, word_stems, word_values, words
from armsflow.mentions import (
    ARTICLES,
    COMPANY,
    PAIR,
    PREPOSITIONS,
    ROLE_NOUNS,
    ActorMention,
    CueMention,
    ItemMention,
    is_reference,
    is_state,
    meets,
)
from armsflow.text.clauses import REPORTING_ZERO_THAT
from armsflow.text.segment import Token

TO: Final = words("prep.to")
_DECIDING: Final = frozenset({"approve", "refuse"})  # cue kinds
FROM: Final = words("prep.from")
_FROM_BUY: Final = FROM | words("prep.from-seller")
_IN: Final = words("prep.in-destination")
_IN_PLACE: Final = words("prep.in-place")
_AS: Final = words("prep.as-role", "en")
_REPLACE: Final = words("verb.replace", "en")
_THE: Final = words("article.definite-short", "en")
_FOR: Final = words("prep.for")
_HOLDER_PREPS: Final = words("prep.holder", "en")
_DESTINATION_EN: Final = words("prep.carry-destination", "en")
_DETERMINERS_EN: Final = words("determiner.before-noun", "en")
_LIST_NOUNS: Final = words("noun.measure-list", "en")
_DECISION_NOUNS: Final = words("noun.decision", "en")
_WITH: Final = words("prep.with")
_ORDER_NOUNS_EN: Final = words("noun.order", "en")
_WH_RELATIVE: Final = words("pronoun.relative-wh", "en")
_JOINT: Final = words("adjective.joint")
_RE_EXPORT: Final = words("verb.re-export")
_STATE_NAME_KINDS: Final = frozenset({"name", "capital", "metonym"})
_BETWEEN: Final = words("prep.between") | _WITH
_AT_SELLER: Final = words("prep.at-seller", "de")
_PASSIVE_AGENT_DE: Final = words("prep.passive-agent", "de")
_BUYING_AGENT: Final = frozenset({"by"}) | _PASSIVE_AGENT_DE  # the agent of a passive of buying: the buyer
_REQUEST_AT: Final = words("prep.request-at", "de")
_COMPANY_ORDER: Final = words("prep.order-from-company")
_ARRIVE_FOR: Final = words("prep.seized-bound-for")
_TOGETHER: Final = words("adverb.together")
_IN_ACCUSATIVE: Final = words("article.accusative-direction", "de")
_PLURAL_NAMES_DE: Final = frozenset(word_list("name.plural-state", "de"))
_VON_AUS: Final = words("postposition.from-place", "de")
_RANK_AFTER: Final = words("prep.rank-after", "de")
_RANK_AMONG: Final = words("prep.rank-among", "de")
_OBLIQUE: Final = frozenset({"dat", "gen"})
_NOMINATIVE: Final = frozenset({"nom"})
_NOMINATIVE_PRONOUNS: Final = words("pronoun.nominative", "de")
_AMBIGUOUS_PRONOUNS: Final = words("pronoun.nominative-ambiguous", "de")
_PLURAL_PRONOUNS: Final = words("pronoun.plural-subject")
_SINGULAR_PRONOUNS: Final = words("pronoun.singular-subject")
_CAUSAL: Final = words("conj.causal")
_GERUND_PREPS: Final = words("prep.before-gerund", "en")
_INFINITIVE_MARKS: Final = words("particle.infinitive")
_OWN: Final = words("pronoun.possessive")
_FORCES: Final = word_stems("stem.forces")
_STOCKS: Final = word_stems("stem.stocks")
_MADE: Final = tuple("-" + w for w in word_stems("participle.made-suffix"))
_SMUGGLE: Final = words("verb.smuggle", "en")
_RELATIVE: Final = {lang: words("pronoun.relative", lang) for lang in ("de", "en")}
_FORESEEN_BY_DEAL: Final = frozenset({"roles.en.delivery-foreseen-by-deal", "roles.de.delivery-foreseen-by-deal"})
_FRAMEWORK_DEALS: Final = {lang: words("noun.framework-deal", lang) for lang in ("de", "en")}
_ON_BOARD: Final = words("prep.on-board", "en") | words("prep.aboard", "en")
_HERALD: Final = words("verb.herald", "en")
_ARRIVAL_NOUNS: Final = words("noun.arrival", "en")
_HERALD_KINDS: Final = frozenset({"name", "person", "capital", "title", "metonym"})
_OFFER_NOUNS: Final = words("noun.offer")
_OFFER_DETERMINERS: Final = words("determiner.before-offer", "en")
_BUILT: Final = words("participle.built")
_BUILT_STEMS: Final = tuple(sorted(_BUILT))
_REASON: Final = words("prep.reason")
_INSTITUTION_TO: Final = words("prep.to-institution")
_ACTING_HEADS: Final = words("noun.acting-head")
_COMPANY_WORDS: Final = words("noun.company")
_TRAIN: Final = words("verb.train")
_LEASE: Final = words("verb.lease")
_ACCUSED: Final = words("participle.accused", "en")
_ACCUSED_OF: Final = words("prep.accused-of", "en")
_ACCUSING: Final = words("verb.accusing", "en")
_THANKING: Final = words("verb.thanking", "en")
_AUX_BEFORE_ACCUSED: Final = words("aux.before-accused", "en")
_SERVE_WITH: Final = words("prep.serve-with")
_SERVE_IN: Final = _SERVE_WITH | words("prep.serve-in")
_STATION_PLACE: Final = words("prep.station-place", "en")
_WORK_AT_PLACE: Final = words("verb.work-at-place", "en")
_TRAINEES: Final = words("noun.trainee", "en")
_AUX_BEFORE_TRAIN: Final = words("aux.before-training", "en")
_ATTRIBUTIVE_ENDINGS: Final = tuple(word_list("suffix.participle-attributive", "de"))
_COUNT_WORDS: Final = set(word_values("number.small")) | set(word_values("number.multiplier")) | words("number.scale")
_DEFINITE_OBJECT: Final = words("article.definite-object")
_ASKED_FROM: Final = words("prep.request-from")
_COME_FROM: Final = words("verb.come-from")
_ONWARD: Final = words("adverb.onward")
_INTERMEDIARIES: Final = words("noun.intermediary")
_WAR_NOUNS: Final = words("noun.war")
_POSSESSIVES: Final = words("pronoun.possessive")
_AGAINST: Final = words("prep.against")
_AND: Final = words("conj.and")
_RELATIVE_OBJECTS: Final = words("pronoun.relative-object-or-plural", "de")
_SUBJECT_AFTER_RELATIVE: Final = words("pronoun.subject-after-relative", "de")
_EXPORT_STEMS_DE: Final = tuple(word_list("stem.export", "de"))
_GAP_CONJ: Final = words("conj.subject-gap", "de")
_PERFECT_AUX: Final = words("aux.perfect", "de")
_IN_SERVICE: Final = words("verb.in-service")
_SERVICE_WITH: Final = words("prep.in-service-with")
_VEHICLES: Final = tuple(sorted(words("noun.vehicle")))
_NOUN_KINDS: Final = frozenset({"give_noun"})
_LOADED_WITH: Final = words("prep.loaded-with")
_CARGO_STEMS: Final = word_stems("stem.cargo-vessel")
_LAUNCHERS: Final = tuple(sorted(words("noun.launch-vehicle")))
_LAUNCH: Final = words("verb.launch")
_ORIGIN_RULES: Final = frozenset({"roles.give.origin-of-goods", "roles.arrive.origin-of-goods"})
_RELATIVE_SUBJECTS: Final = words("pronoun.relative")
_PERSONAL: Final = words("pronoun.personal")
_INDEFINITE_PEOPLE: Final = words("pronoun.indefinite-people", "en")
_PLACE_OF_TRAINING: Final = words("prep.place-of-training", "en")
_DATE_WORDS: Final = words("noun.month", "en") | words("noun.weekday", "en")
_EXPECT: Final = words("verb.expect-arrival")
_PURPOSE_CONJ: Final = words("conj.purpose")
_BUILT_AT: Final = words("prep.built-at")
_RECEIVING_VERBS: Final = frozenset({"get"})
_VEHICLE_CATEGORIES: Final = frozenset({"ship", "other-aircraft"})  # categories a carrying vehicle has

ALL_PREPS_TO_SUPPLIER: Final = FROM


@dataclass(slots=True, init=False)
class Roles:
    """What role rules read about one frame: its clause's functions and prepositional phrases.

    The constructor is written out (``init=False``), as Token's and Frame's are: compiled, a dataclass's
    generated ``__init__`` runs as interpreted Python behind a keyword dictionary, for every transfer frame.
    """

    view: ClauseView
    frame: Frame
    kind: str  # the trigger kind the roles were assigned for (an answered request turns the frame into giving)
    governors: list[int]
    own: list[Group]
    trig: int
    bare: list[Group]
    subject: Group | None
    objects: list[Group]
    inherited: Group | None
    asker: Group | None
    subj: Group | None
    by_prep: dict[str, list[Group]]
    genitives: list[Group]
    origin: list[str]

    def __init__(
        self,
        view: ClauseView,
        frame: Frame,
        kind: str,
        governors: list[int],
        own: list[Group],
        trig: int,
        bare: list[Group],
    ) -> None:
        self.view = view
        self.frame = frame
        self.kind = kind
        self.governors = governors
        self.own = own
        self.trig = trig
        self.bare = bare
        self.subject = None
        self.objects = []
        self.inherited = None
        self.asker = None
        self.subj = None
        self.by_prep = {}
        self.genitives = []
        self.origin = []

    @property
    def tokens(self) -> list[Token]:
        return self.view.tokens

    @property
    def c(self) -> int:
        return self.frame.clause

    def prep_ids(self, preps: frozenset[str]) -> list[str]:
        """The actors governed by any of these prepositions ("mit" not after "gemeinsam", "together")."""
        tokens = self.view.tokens
        out: list[str] = []
        for p in preps:
            governed = self.by_prep.get(p)
            if governed is None:
                continue  # (most prepositions govern nothing here: no empty list is made for them)
            for g in governed:
                if (
                    p in _WITH
                    and g.first.start > 0
                    and tokens[g.first.start - 2 if g.first.article else g.first.start - 1].lower in _TOGETHER
                ):
                    continue
                out.extend(g.ids)
        return out

    def supply(self, ids: list[str], rule_id: str) -> None:
        before = self.frame.suppliers
        self.frame.suppliers = ids
        self._decided(rule_id, bool(ids or before))

    def receive(self, ids: list[str], rule_id: str) -> None:
        before = self.frame.recipients
        self.frame.recipients = ids
        self._decided(rule_id, bool(ids or before))

    def _decided(self, rule_id: str, changed: bool) -> None:
        if changed and (not self.frame.trace or self.frame.trace[-1] != rule_id):
            fire(self.frame, rule_id)
        if changed:
            self.frame.rule = rule_id


def _inner_relative_antecedent(r: Roles) -> Group | None:
    """ "…, and Egypt which ordered 24 in 2015": a name right before "which"/"who" inside the clause, with the
    trigger after the pronoun, is what the pronoun stands for (the clause continues no relative clause before)."""
    if r.view.lang != "en":
        return None
    tokens = r.tokens
    for g in r.own:
        e = g.members[-1].end
        if g.first.prep is None and e < r.trig and tokens[e].lower in _WH_RELATIVE:
            return g
    return None


def assign_transfer_roles(view: ClauseView, frame: Frame, governors: list[int]) -> None:
    """Fill the frame's supplier and recipient from its clause (and governing clauses)."""
    c = frame.clause
    own = groups(view.actors_by_clause[c], view.tokens)
    bare = [g for g in own if g.first.prep is None and not g.first.genitive and can_act(g, view.tokens)]
    r = Roles(view, frame, frame.trigger_kind, governors, own, frame.trigger.start, bare)
    _functions(r)
    _phrases(r)
    r.origin = [it.origin for it in frame.items if it.origin]
    kind = r.kind
    if (
        kind == "promise"
        and _offer_noun(r.tokens, frame.trigger, {it.start for it in frame.items})
        and r.subj is not None
        and not frame.passive
    ):
        _roles_offer(r)
    elif kind in GIVE:
        _roles_give(r)
    elif kind in _ORDER_KINDS and r.subj is not None and (awardees := _awardees(r)):
        # "Chile vergab einen Auftrag über zwölf Patrouillenboote an Deutschland": whom the order goes to sells
        r.supply(awardees, "roles.award-to-supplier")
        r.receive(r.subj.ids, "roles.award-to-supplier")
    elif kind in ("order", "buy", "get", "deal") and r.subj is not None and (customers := _company_customers(r)):
        # "Saab erhielt einen Auftrag aus Thailand": the company sells.
        r.supply(r.subj.ids, "roles.company-receives-order-sells")
        r.receive(customers, "roles.company-receives-order-sells")
    elif kind in _ORDER_KINDS and r.subj is not None and _wins(r) and (customers := _company_customers(r, True)):
        # "Deutschland gewann einen Auftrag über zwölf Patrouillenboote aus Chile": who wins an order sells
        r.supply(r.subj.ids, "roles.winner-of-order-sells")
        r.receive(customers, "roles.winner-of-order-sells")
    elif kind == "get" and _company_subject(r) and (destinations := _licensed_destinations(r)):
        # "Rheinmetall erhielt die Exportgenehmigung für 50 Lynx nach Ungarn": the licence arrived, the firm exports
        licensor = r.prep_ids(FROM)
        if r.subj is not None and not (licensor and r.subj.first.kind == "ref"):
            r.supply(r.subj.ids, "roles.company-receives-licence-supplies")
        else:  # "Der Konzern hat von der Bundesregierung die Ausfuhrlizenz … bekommen": the licensing state
            r.supply(licensor, "roles.company-receives-licence-from-government")
        r.receive(destinations, "roles.company-receives-licence-supplies")
    elif kind in RECEIVE:
        _roles_receive(r)
    elif kind in ARRIVE:
        _roles_arrive(r)
    elif kind in DEAL:
        _roles_deal(r)
    _constructions(r)
    for a in r.view.mentions.actors:
        if a.reading and (a.id in frame.suppliers or a.id in frame.recipients) and a.reading not in frame.trace:
            fire(frame, a.reading)  # a mention-level reading that placed the party (grammar.state-acts-through-body)
    for it in frame.items:
        if it.reading is not None and it.reading not in frame.trace:
            fire(frame, it.reading)  # a mention-level reading of the goods' category (item.calibre-artillery)
    if r.subj is not None:
        frame.subject_text = phrase_from(r.tokens, r.subj.first.start, r.subj.members[-1].end)
    denier = _denier_of_governing_clause(r)
    if denier is not None:
        # "Asif has denied reports suggesting that China will supply …": who denies is the governing clause's
        # subject, not the complement's
        frame.subject_text = denier
    frame.suppliers = unique(frame.suppliers)
    frame.recipients = [x for x in unique(frame.recipients)]


def _denier_of_governing_clause(r: Roles) -> str | None:
    """The speaker of a verb of denying in a clause that governs the frame's."""
    if "deny" not in r.frame.modifiers:
        return None
    for k in r.governors:
        cue = next((x for x in r.view.cues_by_clause[k] if "deny" in x.kinds), None)
        if cue is not None:
            return speaker_before(r.tokens, cue, r.view.lang)
    return None


# --------------------------------------------------------------------------- grammatical functions


def _own_subject_after_that(r: Roles) -> bool:
    """The English clause opens with "that" and its subject follows it at once."""
    tokens, start = r.view.tokens, r.view.grammar.clauses[r.c][0]
    i = start + 1 if tokens[start].text == "," else start
    subject = r.subject
    return subject is not None and tokens[i].lower == "that" and subject.members[0].start == i + 1


def _zero_that_opened(r: Roles) -> bool:
    """Did a reporting verb right before this clause open it around its subject ("Kirby said | Iran is …")?"""
    return r.subject is not None and _zero_that_clause(r.view.tokens, r.view.grammar.clauses[r.c][0], r.subject)


def _zero_that_clause(tokens: list[Token], start: int, subject: Group) -> bool:
    """Does the clause starting at ``start`` follow a reporting verb and open with ``subject``?"""
    return (
        start > 0
        and tokens[start - 1].lower in REPORTING_ZERO_THAT
        and tokens[start - 1].lowercase
        and subject.first.start in (start, start + 1)
    )


def _functions(r: Roles) -> None:
    """Subject and objects of the clause, then a subject from elsewhere when the clause has none."""
    view, frame, c = r.view, r.frame, r.c
    tokens, grammar = view.tokens, view.grammar
    if grammar.infinitive[c]:
        r.objects = r.bare
    elif _de_subject_gap(r):
        # "Moskau lieferte Aserbaidschan Panzer – und rüstete zugleich Armenien mit Raketen aus": after "und" the
        # finite verb comes first; the conjunct shares the subject of the clause before, its names are objects
        r.objects = r.bare
        fire(frame, "grammar.de.coordinated-verb-shares-subject")
    elif view.lang == "en":
        _english_functions(r)
        if r.subject is not None and _zero_that_opened(r):
            fire(frame, "grammar.en.zero-that-complement")
    else:
        _german_functions(r)
    antecedent = _inner_relative_antecedent(r) or relative_antecedent(grammar, c, view.actors_by_clause, tokens)
    if antecedent is not None and view.lang == "de" and _relative_object(r):
        # ", die es kurz zuvor in Frankreich erhalten hatte": with a nominative pronoun in the clause the
        # relative pronoun is an object
        antecedent = None
        fire(frame, "grammar.de.relative-object-before-pronoun")
    elif antecedent is not None and view.lang == "en" and r.subject is not None and _own_subject_after_that(r):
        # "told reporters in Ottawa that Iran had shipped …": a name right after "that" is the clause's own
        # subject; the name before "that" is not
        antecedent = None
        fire(frame, "grammar.en.that-with-own-subject")
    if antecedent is not None:
        # "Unternehmen aus China, die Russland mit Mikrochips beliefern": the relative pronoun is the subject.
        if r.subject is not None and r.subject is not antecedent:
            r.objects = [r.subject] + r.objects
        r.subject = antecedent
        fire(frame, "grammar.relative-pronoun-subject")
    if r.subject is None and r.governors:
        _requester_subject(r)
    if r.subject is None:
        _plural_pronoun_subject(r)
    if r.subject is None:
        _sanctioned_one_acts_in_cause(r)
    if r.subject is None:
        _inherited_subject(r)
    r.subj = r.subject or r.inherited
    if r.subj is None:
        # (a passive clause's subject is what it says was done: a governing clause's pronoun is only its speaker,
        # "er könne nicht garantieren, dass alle F-16V ausgeliefert werden")
        governors = [] if frame.passive else r.governors
        pronoun = pronoun_subject(tokens, grammar, c, governors, frame.trigger.start)
        if pronoun is not None:
            # "Iran's announcement that it had …", "The Netherlands said it would …"
            earlier = [a for a in view.mentions.actors if a.end <= pronoun and a.kind not in ("origin", "ref")]
            if earlier:
                r.subj = Group([earlier[-1]])
                fire(frame, "grammar.pronoun-antecedent")
            else:
                frame.pronoun_subject = True


def _english_functions(r: Roles) -> None:
    tokens, trig = r.tokens, r.trig
    before = [g for g in r.bare if g.first.start < trig]
    after = [g for g in r.bare if g.first.start > trig]
    r.subject = before[-1] if before else None
    r.objects = after + before[:-1]
    if (
        len(before) > 1
        and before[-2].first.text.endswith(("'s", "’s"))
        and before[-2].members[-1].end == before[-1].first.start
    ):
        # "Germany's TKMS handed over two frigates": the possessive owns the name after it, which acts; the
        # owner is no object
        r.objects = after + before[:-2]
        fire(r.frame, "grammar.en.possessive-owns-the-name")
    if len(before) > 1 and trig > 0 and tokens[trig].lower.endswith("ing") and tokens[trig - 1].lower in _GERUND_PREPS:
        # "Iraq has approached South Korea about acquiring KF-21s": a gerund after a preposition has the
        # clause's subject; the name in between is the object of the verb before
        r.subject, r.objects = before[0], after + before[1:]
        fire(r.frame, "grammar.en.gerund-after-preposition")


def _de_subject_gap(r: Roles) -> bool:
    """A German clause opened by a coordinator and then its finite verb (the trigger or a perfect auxiliary):
    "und rüstete zugleich …", "und hat … geliefert". A coordinator takes no place in the clause, so the verb
    stands first and the subject is the one the conjuncts share."""
    view, tokens = r.view, r.tokens
    start = view.grammar.clauses[r.c][0]
    if view.lang != "de" or r.c == 0 or start + 1 >= len(tokens) or tokens[start].lower not in _GAP_CONJ:
        return False
    verb = tokens[start + 1]
    return verb.lowercase and (start + 1 == r.trig or verb.lower in _PERFECT_AUX)


def _relative_object(r: Roles) -> bool:
    """A German relative clause opened by a pronoun that cannot be its subject next to a subject pronoun:
    ", die es … erhalten hatte" ("die" for plural goods or an object, "es" the subject); not ", das sie …"."""
    tokens = r.tokens
    start, end = r.view.grammar.clauses[r.c]
    k = start + 1 if tokens[start].text == "," else start
    if k >= end or tokens[k].lower not in _RELATIVE_OBJECTS:
        return False
    return k + 1 < end and tokens[k + 1].lower in _SUBJECT_AFTER_RELATIVE


def _german_functions(r: Roles) -> None:
    """Subject and objects of a German clause from case: the determiner and the head's gender tell
    nominative, dative or accusative ("der Iran" is the subject, "der Ukraine" and "den USA" are datives,
    "den Iran" is an object); where nothing tells (bare names), the first name is the subject."""
    tokens = r.tokens
    fellows = [g for g in r.bare if _compared(tokens, g)] if len(r.bare) > 1 else []
    bare = [g for g in r.bare if g not in fellows] if fellows else r.bare
    # (groups and their cases by index, not zip(strict=True), min(default=) or id(): compiled, those are
    # generic Python calls, and this runs for every German transfer clause)
    cases = [german_cases(g.first, tokens) for g in bare]
    dative = [bare[k] for k in range(len(bare)) if "dat" in cases[k] and cases[k] <= _OBLIQUE]
    kept = [k for k in range(len(bare)) if bare[k] not in dative]
    rest = [bare[k] for k in kept]
    start, end = r.view.grammar.clauses[r.c]
    first_bare = min([g.first.start for g in bare]) if bare else end
    if any(t.lower in _NOMINATIVE_PRONOUNS for t in tokens[start:end]) or any(
        t.lower in _AMBIGUOUS_PRONOUNS for t in tokens[start:first_bare]
    ):
        # "Man liefere Russland keine Waffen", "ob es der Ukraine Jets überlassen kann": a nominative
        # pronoun (one ahead of every name, for the ambiguous "es" and "sie") is the subject
        r.objects = dative + rest
        fire(r.frame, "grammar.de.nominative-pronoun")
    else:
        nominative = [bare[k] for k in kept if cases[k] == _NOMINATIVE]
        possible = [bare[k] for k in kept if not cases[k] or "nom" in cases[k]]
        r.subject = nominative[0] if nominative else possible[0] if possible else None
        r.objects = dative + [g for g in rest if g is not r.subject]
        if r.subject is not None and rest and r.subject is not rest[0]:
            # "Den Philippinen übergab Tokio …", "den Iran beliefert Russland …": the case, not the order, says
            # who acts
            fire(r.frame, "grammar.de.case-marks-the-subject")
    if dative:
        fire(r.frame, "grammar.de.dative-object")
    if fellows and r.subject is not None:
        # "Wie Deutschland und Dänemark will auch Finnland keine Waffen mehr liefern": who the subject is compared
        # with does the same
        r.subject = Group(r.subject.members + [m for g in fellows for m in g.members])
        fire(r.frame, "grammar.de.comparison-shares-role")


def _compared(tokens: list[Token], group: Group) -> bool:
    """Is the group what a German clause compares its subject with ("Wie Deutschland …", "ebenso wie
    Norwegen")? Not after a noun, where "wie" gives examples ("in Länder wie Aserbaidschan")."""
    k = group.first.start - 1
    if k < 0 or tokens[k].lower not in _COMPARISON_DE or group.first.article is not None:
        return False
    return k == 0 or not (tokens[k - 1].capitalised and tokens[k - 1].alphabetic)


_COMPARISON_DE: Final = words("conj.comparison", "de")


def _requester_subject(r: Roles) -> None:
    """ "lehnte ein Gesuch Spaniens ab, Flugabwehrkanonen … weiterzugeben", "Spain's request to re-export …":
    whoever made the request is the subject of what was asked."""
    view, g0 = r.view, r.governors[0]
    request = next((x for x in view.cues_by_clause[g0] if "request_noun" in x.kinds), None)
    start = view.grammar.clauses[r.c][0]
    if request is None or not (view.grammar.infinitive[r.c] or r.tokens[start].lower in _INFINITIVE_MARKS):
        return
    askers = [
        a
        for a in view.actors_by_clause[g0]
        if a.genitive and (a.end in (request.start, request.start - 1) or a.start == request.end)
    ]
    if askers:
        r.subject = Group([askers[0]])
        fire(r.frame, "grammar.requester-is-subject")


def _plural_pronoun_subject(r: Roles) -> None:
    """ "sanctioned three Chinese firms because they had shipped …": a plural pronoun takes up the
    firms or people of a state just named, not a state (a state is "it")."""
    plural = pronoun_subject(r.tokens, r.view.grammar, r.c, [], r.frame.trigger.start)
    if plural is None or r.tokens[plural].lower not in _PLURAL_PRONOUNS:
        return
    named = [a for a in r.view.mentions.actors if a.end <= plural and a.kind in ("adj", "demonym")]
    if named:
        r.subject = Group([named[-1]])
        fire(r.frame, "grammar.plural-pronoun-takes-up-firms")


def _sanctioned_one_acts_in_cause(r: Roles) -> None:
    """ "Die USA haben Sanktionen gegen den Iran verhängt, weil er Russland Raketen geliefert hat", "sanctioned Iran
    because it had supplied missiles": in a clause giving the reason for a measure, a singular pronoun takes up the
    measure's target, who did what is punished, not the imposer."""
    view, c, tokens = r.view, r.c, r.tokens
    if c == 0:
        return
    start = view.grammar.clauses[c][0]
    if not any(t.lower in _CAUSAL for t in tokens[start : start + 2]):
        return
    pron = pronoun_subject(tokens, view.grammar, c, [], r.frame.trigger.start)
    if pron is None or tokens[pron].lower not in _SINGULAR_PRONOUNS:
        return
    g = r.governors[0] if r.governors else c - 1
    measures = [x for x in view.cues_by_clause[g] if "sanction" in x.kinds]
    if not measures:
        return
    after = measures[0].start
    targets = [
        a
        for a in view.actors_by_clause[g]
        if a.start > after and (a.prep in _AGAINST or a.prep is None and a.start <= measures[0].end + 1)
    ]
    if targets:
        r.subject = Group([targets[0]])
        fire(r.frame, "grammar.sanctioned-one-acts-in-cause")


def _re_export_asker(r: Roles) -> bool:
    """ "a request from Spain to pass on anti-aircraft guns to Ukraine", "Spain's application to re-export …": the
    one asking for leave to pass goods on is who would pass them on (the infinitive's subject)."""
    view, c = r.view, r.c
    if c == 0 or not view.grammar.infinitive[c] or r.frame.trigger.lemma not in _RE_EXPORT:
        return False
    g = c - 1
    nouns = [cue for cue in view.cues_by_clause[g] if "request_noun" in cue.kinds]
    if not nouns:
        return False
    end = nouns[-1].end
    for grp in groups(view.actors_by_clause[g], view.tokens):
        a = grp.first
        owner = a.end in (nouns[-1].start, nouns[-1].start - 1) and (a.genitive or a.text.endswith(("'s", "’s")))
        if owner or (a.prep in _ASKED_FROM and end <= a.start <= end + 2):
            r.inherited = grp
            fire(r.frame, "roles.re-export-asker-passes-on")
            return True
    return False


def _inherited_subject(r: Roles) -> None:
    """The subject of a governing or earlier clause acts in this one; under "asked X to …" X acts."""
    view, c = r.view, r.c
    grammar, tokens = view.grammar, view.tokens
    if _for_to_subject(r) or _owner_of_decision(r) or _re_export_asker(r):
        return
    for g in r.governors + list(range(c - 1, -1, -1)):
        if g not in r.governors and relative_clause(tokens, grammar, g):
            continue  # "Peru, which regarded the islands as Argentine, … tried to buy": not the relative's names
        found = groups(view.actors_by_clause[g], tokens)
        if found and _gerund_adverbial(tokens, grammar.clauses[g][0]):
            # "Finland announced – one day after joining NATO – that it would buy …": the name a gerund takes is its
            # object, no subject to take up
            reject("grammar.en.gerund-object-is-no-subject", f"clause {g}: {found[0].first.text} after a gerund")
            continue
        if found and prepositional_aside(tokens, grammar, g):
            if any(x.first.prep is None for x in found) and "grammar.prepositional-aside" not in r.frame.trace:
                fire(r.frame, "grammar.prepositional-aside")  # a name far from its preposition
            continue
        cand = [x for x in found if x.first.prep is None and not x.first.genitive]
        if view.lang == "de" and not grammar.infinitive[c]:
            # "Die USA haben der Schweiz mitgeteilt, dass …": a dative addressee is no subject to take up
            cand = [
                x
                for x in cand
                if not (german_cases(x.first, tokens) - {"nom"}) or "nom" in german_cases(x.first, tokens)
            ]
        if not cand and grammar.infinitive[c] and g in r.governors:
            # "Pläne der argentinischen Luftwaffe, … zu übernehmen": the planner of the noun acts
            cand = [x for x in found if x.first.genitive and x.first.prep is None and can_act(x, tokens)]
        if not cand:
            continue
        r.inherited = cand[0]
        fire(r.frame, "grammar.subject-of-governing-clause")
        if view.lang == "en" and _zero_that_clause(tokens, grammar.clauses[g][0], cand[0]):
            fire(r.frame, "grammar.en.zero-that-complement")  # "believes | Iran is preparing | to send …"
        _controlled_subject(r, g, cand)
        return


def _gerund_adverbial(tokens: list[Token], start: int) -> bool:
    """Does the clause open with an adverbial conjunction and a gerund ("after joining NATO", "before signing")?"""
    k = start + 1 if start < len(tokens) and not tokens[start].text[:1].isalnum() else start
    return (
        k + 1 < len(tokens)
        and tokens[k].lower in _ADVERBIAL_CONJ
        and tokens[k + 1].lowercase
        and tokens[k + 1].lower.endswith("ing")
    )


_ADVERBIAL_CONJ: Final = words("conj.adverbial-clause", "en")


def _controlled_subject(r: Roles, g: int, cand: list[Group]) -> None:
    """Under a governing clause g with several bare names, which of them acts in the infinitive: the asked, the
    one given an order, the one allowed or forbidden, a name right before "to"."""
    view, c = r.view, r.c
    grammar, tokens = view.grammar, view.tokens
    if not grammar.infinitive[c] or len(cand) < 2:
        return
    cues = view.cues_by_clause[g]
    governs = g in r.governors
    if governs and any(kind in cue.kinds for cue in cues for kind in ("request", "accuse")):
        # Object control: "Kyiv asked Seoul to supply …" - Seoul supplies, Kyiv receives.
        r.asker, r.inherited = cand[0], cand[1]
        fire(r.frame, "grammar.object-control")
    elif (
        view.lang == "de"
        and (governs or g == c - 1)
        and any("order" in cue.kinds and _order_noun(tokens, cue.start, "de") for cue in cues)
    ):
        # "Südkorea erteilte Heckler & Koch den Auftrag, 400 Maschinenpistolen zu liefern": who is given the
        # order delivers, who gives it receives
        r.asker, r.inherited = cand[0], cand[1]
        r.frame.modifiers.add("order")  # the delivery was ordered: a concluded purchase
        fire(r.frame, "grammar.de.order-object-control")
    elif governs and view.lang == "en" and any("approve" in cue.kinds for cue in cues):
        # "Berlin allowed Poland to send Leopards to Ukraine": the one allowed acts; who allows decides only
        r.inherited = cand[1]
        fire(r.frame, "grammar.en.permission-object-control")
    elif governs and view.lang == "de" and any(cue.lemma in _PERMIT_OR_FORBID for cue in cues):
        # "Die Schweiz hat Spanien untersagt, Waffen an die Ukraine weiterzugeben": the one (not) permitted
        # would act; who permits or forbids decides only
        r.inherited = cand[1]
        fire(r.frame, "grammar.de.permission-object-control")
    elif (
        governs
        and view.lang == "en"
        and cand[-1].members[-1].end == grammar.clauses[c][0]
        and tokens[cand[-1].first.start - 1].lower not in _ANY_PREP_EN
        and not any(cue.kinds & _SUBJECT_CONTROL for cue in cues)
    ):
        # "The US expects Russia to use the drones", "wants Germany to send tanks": the name right before
        # "to" is the infinitive's subject, not the governing clause's
        r.inherited = cand[-1]
        fire(r.frame, "grammar.en.object-before-infinitive-acts")


_SUBJECT_CONTROL: Final = frozenset({"promise"})  # "promised Kyiv to …": the promiser acts
# "the third country after Peru to buy": no object
_ANY_PREP_EN: Final = words("prep.any", "en") | words("word.ranking-before-name", "en")


_PERMIT_OR_FORBID: Final = words("verb.permit-or-forbid", "de")


def _for_to_subject(r: Roles) -> bool:
    """ "The deal called for the U.S. to sell …", "provides for France to deliver …": the for-phrase right
    before an infinitive is the infinitive's subject."""
    view, c = r.view, r.c
    if view.lang != "en" or not view.grammar.infinitive[c] or c == 0 or c - 1 not in r.governors:
        return False
    start = view.grammar.clauses[c][0]
    found = groups(view.actors_by_clause[c - 1], r.tokens)
    last = found[-1] if found else None
    if last is None or last.first.prep not in _FOR or last.members[-1].end != start:
        return False
    r.inherited = last
    fire(r.frame, "grammar.en.for-to-subject")
    return True


def _owner_of_decision(r: Roles) -> bool:
    """ "praised Israel's decision | to halt exports …", "welcomed the Israeli government's plan | to sell …": the
    owner of a noun of deciding or planning right before the infinitive acts in it, not the clause subject."""
    view, c, tokens = r.view, r.c, r.tokens
    if view.lang != "en" or not view.grammar.infinitive[c] or c == 0 or c - 1 not in r.governors:
        return False
    start = view.grammar.clauses[c][0]
    noun = start - 1
    if noun < 0 or tokens[noun].lower not in _DECISION_NOUNS:
        return False
    for a in sorted(view.actors_by_clause[c - 1], key=lambda a: -a.end):
        marks = ("'", "’", "'s", "’s")
        # ("shocked by Israel's refusal": a preposition before a possessive governs the whole noun phrase)
        if noun - 4 <= a.end <= noun and (a.prep is None or a.text.endswith(marks)):
            between = tokens[a.end : noun]
            owned = a.genitive or a.text.endswith(marks) or any(t.text.endswith(marks) for t in between)
            if owned and all(t.alphabetic or t.text.endswith(marks) for t in between):
                r.inherited = Group([a])
                fire(r.frame, "grammar.en.owner-of-decision-acts")
                return True
    return False


def _phrases(r: Roles) -> None:
    """Groups by governing preposition; an English possessive right before the trigger owns it."""
    lang = r.view.lang
    for grp in r.own:
        if lang == "en" and grp.first.text.endswith(("'s", "’s")) and 0 <= r.trig - grp.members[-1].end <= 2:
            grp.first.genitive = True  # "Canberra's 2023 order", "Moscow's request": the owner acts
            fire(r.frame, "grammar.en.possessive-owner-acts")
            continue
        if grp.first.prep:
            prep = grp.first.prep
            if (
                prep == "in"
                and grp.first.article in _IN_ACCUSATIVE
                and lang == "de"
                and not (grp.first.article == "den" and grp.first.text in _PLURAL_NAMES_DE)
            ):
                prep = "nach"  # "in die Ukraine exportiert": a direction, not a place ("in den USA": dative plural)
            if prep in _RANK_AFTER and fronted_after_others(r.view, r.c, grp):
                fire(r.frame, "grammar.de.fronted-after-others")  # "Nach Deutschland stoppt nun auch Dänemark …"
                continue
            if prep in FROM and _from_on_people(r.tokens, grp.first.start):
                # "to fight militants from neighbouring Syria": where the people come from, not the goods
                fire(r.frame, "grammar.from-on-people")
                continue
            if prep in _RANK_AFTER and _ranked_after(r, grp):
                # "Deutschland gehört nach den USA zu den wichtigsten Lieferanten Israels": "nach" ranks, it
                # names no destination
                fire(r.frame, "grammar.de.rank-after")
                continue
            r.by_prep.setdefault(prep, []).append(grp)
    r.genitives = [g for g in r.own if g.first.genitive and g.first.prep is None]


def _from_on_people(tokens: list[Token], start: int) -> bool:
    """Does the from-phrase before the name at ``start`` hang on a noun of people or attacks ("militants from
    neighbouring Syria", "Kämpfer aus dem Irak", "militants encroaching from Syria")? An article or adjective may
    stand between the preposition and the name, an English participle between the noun and the preposition."""
    k = start - 1
    while k > 0 and tokens[k].lower not in FROM and start - k <= 3:
        k -= 1
    if k <= 0 or tokens[k].lower not in FROM:
        return False
    if k > 1 and tokens[k - 1].lower.endswith("ing") and tokens[k - 1].lowercase:
        k -= 1  # "militants encroaching from Syria", "attacks coming from Lebanon"
    return tokens[k - 1].lower in _PEOPLE_FROM


_PEOPLE_FROM: Final = words("noun.people-from")


def _ranked_after(r: Roles, grp: Group) -> bool:
    """Whether "nach X" is followed by "zu den …" and a role noun ("nach den USA zu den größten Lieferanten")."""
    tokens = r.tokens
    k = grp.members[-1].end
    if k >= len(tokens) or tokens[k].lower not in _RANK_AMONG:
        return False
    return any(meets(x.kinds, ROLE_NOUNS) and k < x.start <= k + 4 for x in r.view.cues_by_clause[r.c])


# --------------------------------------------------------------------------- offers


def _offer_noun(tokens: list[Token], cue: CueMention, goods_starts: AbstractSet[int]) -> bool:
    """Whether the offer cue is a noun ("a Turkish bid", "Manila prüft ein Angebot"), not the verb "offer"."""
    tok = tokens[cue.start]
    if tok.lower not in _OFFER_NOUNS and tok.lemma not in _OFFER_NOUNS:
        return False
    if tok.lower.endswith("ed") or cue.end in goods_starts or cue.end + 1 in goods_starts:
        # "The US offered fighter jets to India", "The US offers F-16 jets": a verb with its goods as the object
        return False
    before = tokens[cue.start - 1].lower if cue.start > 0 else ""
    # "a Turkish bid", "Turkey's bid": a state's adjective or possessive between the determiner and the noun
    owned = (
        cue.start > 1
        and tokens[cue.start - 1].capitalised
        and (tokens[cue.start - 2].lower in _OFFER_DETERMINERS or before.endswith(("'s", "’s")))
    )
    return tok.capitalised or before in _OFFER_DETERMINERS or before.isdigit() or owned


def _roles_offer(r: Roles) -> None:
    """ "Lima is weighing three bids: Saab's Gripen E, …", "Manila prüft ein Angebot aus Seoul":
    whoever weighs an offer would receive; the offer names its supplier."""
    assert r.subj is not None
    r.receive(r.subj.ids, "roles.offer.weigher-receives")
    from_ids = r.prep_ids(FROM)
    r.supply(from_ids or [i for g in r.genitives for i in g.ids] or unique(r.origin), "roles.offer.bidder-supplies")
    if len(unique(r.origin)) > 1 and not from_ids:
        r.frame.item_suppliers = {id(it): it.origin for it in r.frame.items if it.origin}
        fire(r.frame, "roles.offer.each-bid-its-maker")


# --------------------------------------------------------------------------- giving


_WITHHOLD: Final = words("verb.keep-back-from")


def _roles_give(r: Roles) -> None:
    """Supplying verbs and nouns: the subject (or the von/by agent of a passive) supplies."""
    frame = r.frame
    if frame.passive:
        _give_passive(r)
    elif frame.trigger.lemma in _LEASE and r.prep_ids(FROM) and not r.prep_ids(TO) and r.subj is not None:
        # "Indonesia will lease submarines from South Korea": leasing from someone is receiving
        r.supply(r.prep_ids(FROM), "roles.give.lease-from")
        r.receive(list(r.subj.ids), "roles.give.lease-from")
    else:
        _give_active_supplier(r)
        _give_active_recipient(r)
        _holder_of_decided_transfer(r)
        origin = r.prep_ids(FROM - {"by", "von", "vom"})
        if frame.trigger.lemma in _SMUGGLE and origin and r.prep_ids(TO) and r.view.lang == "en":
            # "operatives who smuggled weapons from Iran to the militia": smugglers carry; the state the goods
            # come from supplies them (transit and carriers are no suppliers)
            r.supply([i for i in origin if i not in r.prep_ids(TO)], "roles.en.smuggled-from-supplies")
            r.receive(r.prep_ids(TO), "roles.en.smuggled-from-supplies")
    if not frame.recipients and frame.trigger.lemma in _WITHHOLD and r.prep_ids(FROM) and not frame.passive:
        # "The US withheld Patriot missiles from Peru": what is kept from a state was due to it
        r.receive([i for i in r.prep_ids(FROM) if i not in frame.suppliers], "roles.give.withheld-from")
    if frame.trigger.lemma in _EQUIP and not frame.passive and r.subj is not None:
        sources = [i for i in r.prep_ids(FROM - {"by", "von", "vom"}) if i not in r.subj.ids]
        if sources and all(i in r.subj.ids for i in frame.recipients):
            # "Peru rüstet seine Marine mit Fregatten aus Italien auf", "equipped its navy with frigates from
            # Italy": who equips its own forces receives; where the goods come from supplies
            r.supply(sources, "roles.give.equips-own-forces-from")
            r.receive(list(r.subj.ids), "roles.give.equips-own-forces-from")
    if (
        not frame.recipients
        and frame.suppliers
        and frame.trigger_kind == "sell"
        and frame.trigger.lemma in _TRADE_DEAL_NOUNS
        and not frame.passive
    ):
        # "Spanien lehnte ein Rüstungsgeschäft mit Peru ab": the partner of the seller's arms deal buys
        partners = [i for i in r.prep_ids(_WITH) if i not in frame.suppliers]
        if partners:
            r.receive(partners, "roles.give.arms-deal-partner-buys")
    if not frame.recipients and frame.requesters:
        # "Despite repeated requests from Kyiv, the government has refused to send weapons": the one who asked
        r.receive(list(frame.requesters), "roles.give.requester-receives")
    if not frame.suppliers and r.origin:
        r.supply(unique(r.origin), "roles.give.origin-of-goods")
        if len(frame.suppliers) > 1:
            # "three bids: Saab's Gripen E, Lockheed Martin's F-16 and Dassault's Rafale"
            frame.item_suppliers = {id(it): it.origin for it in frame.items if it.origin}
    if not frame.suppliers and frame.passive and "item.relative-antecedent" in frame.trace:
        found = _antecedent_from(r)
        if found:
            # "zwölf Flugzeuge aus den USA, die 2021 übergeben wurden": an agentless handover of goods said to
            # come from a state, in the relative clause on them
            r.supply(found, "roles.give.antecedent-from")
    _supplier_where_built(r)


_TRADE_DEAL_NOUNS: Final = words("noun.arms-deal")
_EQUIP: Final = words("lemma.equip")


def _antecedent_from(r: Roles) -> list[str]:
    """The state of a from-phrase right after the goods a relative clause is about ("… A-29 aus den USA, die …")."""
    if r.view.lang != "de" or not r.frame.items:
        return []
    item = r.frame.items[-1]
    start = r.view.grammar.clauses[r.frame.clause][0]
    home = r.view.grammar.clause[item.start]
    if any(meets(cue.kinds, TRIGGERS_BUT_USE) for cue in r.view.cues_by_clause[home]):
        return []  # "hat zwei Fregatten aus Italien gekauft, die … übergeben werden": that clause's parties
    return unique(
        [
            a.id
            for a in r.view.mentions.actors
            if a.prep in FROM and item.end < a.start <= item.end + 3 and a.end <= start and a.kind not in ("org",)
        ]
    )


def _supplier_where_built(r: Roles) -> None:
    """Where the goods were built supplies them: in the clause ("was built in Germany and delivered"), or in
    a participle or relative clause set off next to it ("The frigates, built in Italy, were handed over",
    "Built in Spain, the frigates …", "The frigate, which was built in Spain, was delivered")."""
    frame, view = r.frame, r.view
    if not frame.suppliers:
        built = _built_in(r.own, r.tokens)
        if built:
            r.supply(built, "roles.give.built-in")
    for k in (r.c - 1, r.c - 2):
        if frame.suppliers or k < 0 or k == r.c - 2 and view.items_by_clause[k + 1]:
            break
        start, end = view.grammar.clauses[k]
        if participial(r.tokens, view.grammar, k) or any(
            r.tokens[i].lower.startswith(_BUILT_STEMS) for i in range(start, end)
        ):
            built = _built_in(groups(view.actors_by_clause[k], r.tokens), r.tokens)
            if built:
                r.supply([b for b in built if b not in frame.recipients], "roles.give.built-in-participle")


def _give_passive(r: Roles) -> None:
    frame = r.frame
    r.supply(r.prep_ids(FROM), "roles.give.passive-agent")
    if not frame.suppliers and "approve" in frame.modifiers and r.subj is not None and not r.subj.first.genitive:
        # "…, allowing Patriot missiles to be shipped to the United States": who allows exports
        r.supply([i for i in r.subj.ids if i not in r.prep_ids(TO)], "roles.give.allower-exports")
    to_ids = r.prep_ids(TO)
    if to_ids:
        r.receive(to_ids, "roles.give.to-recipient")
    elif r.bare:
        r.receive([i for g in r.bare for i in g.ids], "roles.give.passive-bare-recipient")
    if not frame.recipients and any("arrive" in cue.kinds for cue in r.view.cues_by_clause[r.c]):
        in_ids = r.prep_ids(_IN)
        if in_ids:
            r.receive(in_ids, "roles.give.arrived-in")
    if not frame.recipients:
        arrived = _arrived_in_next(r)
        if arrived:
            r.receive(arrived, "roles.give.arrived-in")


def _holder_of_decided_transfer(r: Roles) -> None:
    """ "Switzerland has blocked the re-export of Gepard ammunition from Germany to Ukraine", "Washington approved
    the transfer of HAWK missiles from Spanish stocks to Ukraine": a transfer noun under a verb of deciding, with
    its own from-phrase, is made by who holds the goods; who decides does not supply."""
    frame, tokens = r.frame, r.tokens
    if r.view.lang != "en" or not frame.modifiers & {"approve", "refuse", "prevent"} or r.subj is None:
        return
    if not tokens[r.trig].lowercase or tokens[r.trig].lower not in _TRANSFER_NOUNS:
        return
    deciding = [x for x in r.view.cues_by_clause[r.c] if x.kinds & {"approve", "refuse", "prevent"} and x.end <= r.trig]
    if not deciding or r.subj.first.start > deciding[0].start:
        return  # the decider is the subject of a verb of deciding before the noun ("Washington approved the sale …")
    holders = unique(
        [i for p in FROM for g in r.by_prep.get(p, []) if g.first.start > r.trig for i in g.ids if i not in r.subj.ids]
    )
    if len(holders) != 1 or holders[0] in frame.recipients:
        return
    frame.suppliers = list(holders)
    fire(frame, "roles.give.holder-of-decided-transfer")


_TRANSFER_NOUNS: Final = words("noun.transfer", "en")


def _arrived_in_next(r: Roles) -> list[str]:
    """ "Howitzers from Portugal have been delivered and have arrived in Mozambique": a coordinated clause
    without goods of its own says where the goods arrived."""
    view, k = r.view, r.c + 1
    if k >= view.n or view.items_by_clause[k]:
        return []
    start = view.grammar.clauses[k][0]
    if r.tokens[start].lower not in _AND or not any("arrive" in cue.kinds for cue in view.cues_by_clause[k]):
        return []
    return unique([a.id for a in view.actors_by_clause[k] if a.prep in _IN])


def _give_active_supplier(r: Roles) -> None:
    frame, tokens = r.frame, r.tokens
    if r.subj is not None and not _reason_phrase(tokens, frame.trigger.start):
        r.supply(r.subj.ids, "roles.give.subject-supplies")
    elif r.subj is not None:
        frame.suppliers = []
        fire(frame, "roles.give.reason-not-supplier")
    if (
        frame.trigger_kind == "give_noun"
        and frame.suppliers
        and not frame.modifiers & NOUN_GOVERNORS
        and "mod.negated-stop-continues" not in frame.trace  # a verb of stopping governs it, negated
        and not any(t.lower in _OWN for t in tokens[max(0, frame.trigger.start - 5) : frame.trigger.start])
        and relative_antecedent(r.view.grammar, r.c, r.view.actors_by_clause, tokens) is None
    ):
        # "um die Zeit bis zur Auslieferung der Jets zu überbrücken": a delivery noun names its
        # supplier itself (von, aus, genitive), unless a verb of deciding governs it
        frame.suppliers = []
        fire(frame, "roles.give.delivery-noun-names-its-supplier")
    owners = [g for g in r.genitives if 0 <= frame.trigger.start - g.members[-1].end <= 2]
    if (
        r.view.lang == "en"
        and frame.trigger_kind in ("give_noun", "sell")
        and owners
        and frame.suppliers
        and set(frame.suppliers) != set(owners[0].ids)
    ):
        # "The United States has approved Israel's sale of the Arrow 3 to Germany": the seller is the owner of
        # the sale, not whoever approves or welcomes it
        r.supply(owners[0].ids, "roles.give.noun-genitive-supplier")
    own_from = _from_right_after_noun(r)
    if own_from and frame.suppliers and set(own_from) != set(frame.suppliers):
        # "The UN granted exemptions for arms shipments from France and Russia to Mali": a transfer noun's own
        # from-phrase names who ships; the subject who allows it does not
        r.supply(own_from, "roles.give.noun-from-supplier")
    if frame.trigger_kind in ("give_noun", "promise", "approve", "sell") and not frame.suppliers:
        from_ids = r.prep_ids(FROM)
        brokers = _intermediaries(r)
        if brokers and set(from_ids) & brokers:
            # "Waffenlieferungen an die Ukraine über Vermittler aus der NATO": where the intermediaries come
            # from is no supplier (the contract: transit countries and intermediaries are not suppliers)
            from_ids = [i for i in from_ids if i not in brokers]
            fire(frame, "roles.intermediary-is-no-supplier")
        if from_ids:
            r.supply(from_ids, "roles.give.noun-from-supplier")
        elif r.genitives:
            r.supply([i for g in r.genitives for i in g.ids], "roles.give.noun-genitive-supplier")


def _from_right_after_noun(r: Roles) -> list[str]:
    """The actors of a from-phrase right after a transfer noun ("shipments from France and Russia"), with those
    coordinated to it; empty when the trigger is no noun or no such phrase follows within three tokens."""
    frame, tokens = r.frame, r.tokens
    if frame.trigger_kind != "give_noun":
        return []
    end = frame.trigger.end
    heads = [g for p in FROM for g in r.by_prep.get(p, []) if end < g.first.start <= end + 3]
    if not heads or any(t.text == "," for t in tokens[end : heads[0].first.start]):
        return []
    return unique([i for g in heads for i in g.ids])


def _intermediaries(r: Roles) -> set[str]:
    """Actors of a from-phrase right after a noun of intermediaries ("über Vermittler aus der NATO",
    "via middlemen from Bulgaria")."""
    tokens = r.tokens
    found: set[str] = set()
    for p in FROM:
        for g in r.by_prep.get(p, []):
            k = g.first.start - (2 if g.first.article else 1) - 1
            if k >= 0 and tokens[k].lower in _INTERMEDIARIES:
                found.update(g.ids)
    return found


def _give_active_recipient(r: Roles) -> None:
    frame, tokens, view = r.frame, r.tokens, r.view
    to_ids = r.prep_ids(TO)
    objects = [i for g in r.objects for i in g.ids]
    if to_ids and objects and all(is_reference(i) for i in to_ids):
        # "liefert Brasilien Kampfjets für die Luftwaffe": the object names the state, the phrase its forces
        r.receive(objects + to_ids, "roles.give.object-recipient")
    elif to_ids:
        r.receive(to_ids, "roles.give.to-recipient")
    elif objects:
        r.receive(objects, "roles.give.object-recipient")
    frame.recipient_marks = [(m.id, m.start) for p in TO for g in r.by_prep.get(p, []) for m in g.members]
    if not frame.recipients and any("arrive" in cue.kinds for cue in view.cues_by_clause[r.c]):
        in_ids = r.prep_ids(_IN)  # "tanks gifted by Australia have arrived in Ukraine"
        if in_ids:
            r.receive(in_ids, "roles.give.arrived-in")
    trains = frame.trigger.lemma in _TRAIN
    after = tokens[frame.trigger.end] if frame.trigger.end < len(tokens) else None
    if (
        trains
        and view.lang == "en"
        # no object: a place or the end of the clause follows the verb ("train in Russia", "train, the air
        # force said")
        and (after is None or not after.text[:1].isalnum() or after.lower in PREPOSITIONS)
        and _trainees_before(tokens, frame.trigger.start)
    ):
        # "Myanmar's pilots train in Russia", "Egyptian officers are training in France": the trainees go to
        # be trained; no trainers are sent to them, so no personnel move by the contract
        frame.suppliers = []
        frame.recipients = []
        frame.no_fill = True
        fire(frame, "roles.en.trainees-train-abroad")
        return
    if not frame.recipients and trains:
        in_ids = r.prep_ids(_IN)  # "Piloten in Baku auszubilden": trainers go there
        if in_ids:
            r.receive(in_ids, "roles.give.trainers-go-there")
    if trains:
        frame.no_fill = True  # who is trained where must be said; no guessing from the discourse
        fire(frame, "roles.give.training-needs-both-sides")
    if _own_forces(tokens, r.c, view) and r.subj is not None:
        # "Norwegen will seine Marine mit britischen Fregatten ausrüsten": equipping one's own forces
        r.receive(r.subj.ids, "roles.give.equipping-own-forces")
        r.supply([o for o in r.origin if o not in r.subj.ids][:1], "roles.give.equipping-own-forces")
    if not frame.recipients and frame.trigger_kind == "give_noun" and view.lang == "de":
        in_ids = r.prep_ids(frozenset({"in"}))
        if in_ids:
            r.receive(in_ids, "roles.give.de.deliveries-in")  # "Lieferungen in die USA"
    if not frame.recipients:
        trailing = _trailing_recipient(view, r.c)
        if trailing:
            r.receive(trailing, "roles.give.destination-after-parenthesis")
    if not frame.recipients and r.asker is not None:
        r.receive(r.asker.ids, "roles.give.asker-receives")
    if not frame.recipients and view.lang == "en":
        users = _user_of_goods(r)
        if users:
            # "to stop delivering parts for F-35 jets used by Israel": the parts go to whoever uses the jets
            r.receive(users, "roles.give.user-of-goods-receives")


def _user_of_goods(r: Roles) -> list[str]:
    """The by-phrase right after a participle of use that follows the frame's goods ("jets used by Israel")."""
    view, frame = r.view, r.frame
    first_item = min((it.start for it in frame.items if it.start > frame.trigger.start), default=None)
    if first_item is None:
        return []
    uses = [x for x in view.cues_by_clause[r.c] if "use" in x.kinds and x.start > first_item]
    for g in r.by_prep.get("by", []):
        if any(x.end == g.first.start - 1 for x in uses) and g.first.kind not in ("adj", "origin"):
            return g.ids
    return []


def _own_forces(tokens: list[Token], c: int, view: ClauseView) -> bool:
    start, end = view.grammar.clauses[c]
    for i in range(start, end - 1):
        if tokens[i].lower in _OWN and tokens[i + 1].lower.startswith(_FORCES):
            return True
    return False


def _reason_phrase(tokens: list[Token], trigger: int) -> bool:
    """ "Die EU hat wegen der Lieferung von Drohnen an Russland …", "listed for supplying Russia":
    the subject did not deliver."""
    if trigger > 0 and tokens[trigger - 1].lower == "for" and tokens[trigger].lower.endswith("ing"):
        return True
    window = tokens[max(0, trigger - 3) : trigger]
    return any(
        t.lower in _REASON or t.lower == "because" and k + 1 < len(window) and window[k + 1].lower == "of"
        for k, t in enumerate(window)
    )  # "because of the delivery" is a reason; "because they had shipped" a clause with its own subject


def _built_in(found: list[Group], tokens: list[Token]) -> list[str]:
    """ "was built in Germany and delivered in 1981": where the goods were made is where they come from."""
    for g in found:
        start, end = g.first.start, g.members[-1].end
        if g.first.prep in _IN_PLACE and start >= 2 and tokens[start - 2].lower in _BUILT:
            return g.ids
        if g.first.prep in _IN_PLACE and start >= 3 and tokens[start - 3].lower in _BUILT:
            return g.ids
        if g.first.prep in _IN_PLACE and end < len(tokens) and tokens[end].lower.startswith(_BUILT_STEMS):
            return g.ids  # "in Spanien gebaut", "eine in Italien gebaute Korvette"
    return []


def _trailing_recipient(view: ClauseView, c: int) -> list[str]:
    """ "will dispatch 6,000 personnel, including 1,000 specialists, to Russia's Kursk region":
    the destination can follow a parenthesis."""
    for k in range(c + 1, min(c + 3, view.n)):
        if any(meets(cue.kinds, TRIGGERS) for cue in view.cues_by_clause[k]):
            return []
        to = [a.id for a in view.actors_by_clause[k] if a.prep in TO]
        if to and view.actors_by_clause[k][0].prep in TO:
            return to
    return []


# --------------------------------------------------------------------------- buying and receiving


def _origins_of_goods(r: Roles) -> list[str]:
    """The goods' origin; with goods of several origins ("South Korean and American tanks"), each its own."""
    origins = unique(r.origin)
    if len(origins) > 1 and all(it.origin for it in r.frame.items):
        r.frame.item_suppliers = {id(it): it.origin for it in r.frame.items if it.origin}
        return origins
    return origins[:1]


def _expected(r: Roles) -> bool:
    """Whether an infinitive's governing verb is one of expecting ("expects … to arrive")."""
    if not r.view.grammar.infinitive[r.c] or r.c == 0:
        return False
    start, end = r.view.grammar.clauses[r.c - 1]
    return any(t.lemma in _EXPECT for t in r.tokens[start:end])


def _awardees(r: Roles) -> list[str]:
    """Whom a verb of awarding in the clause gives the order or contract to (its an/to-phrase after the order
    noun), when the subject is not the one who wins it; else none."""
    start, end = r.view.grammar.clauses[r.c]
    lang = r.view.lang
    if not any(r.tokens[k].lemma in _AWARD_VERBS[lang] for k in range(start, end)):
        return []
    orders = [cue.start for cue in r.view.cues_by_clause[r.c] if cue.kinds & _ORDER_KINDS]
    return unique(
        [
            i
            for p in _AWARDED_TO[lang]
            for g in r.by_prep.get(p, [])
            if orders and g.first.start > orders[0] and r.subj is not None and g.first.start > r.subj.first.start
            for i in g.ids
            if i not in r.subj.ids
        ]
    )


_AWARD_VERBS: Final = {lang: words("verb.award", lang) for lang in ("de", "en")}
_AWARDED_TO: Final = {lang: words("prep.awarded-to", lang) for lang in ("de", "en")}


def _wins(r: Roles) -> bool:
    """Does a verb of winning stand in the frame's clause ("won a contract", "gewann den Auftrag")?"""
    start, end = r.view.grammar.clauses[r.c]
    return any(r.tokens[k].lemma in _WIN_VERBS[r.view.lang] for k in range(start, end))


_WIN_VERBS: Final = {lang: words("verb.win-order", lang) for lang in ("de", "en")}


def _company_customers(r: Roles, any_subject: bool = False) -> list[str]:
    """A company (not a state institution) that wins an order or a contract, named as a noun, sells: its
    customers, or none when the clause is no such order (``any_subject``: a state that wins one as well)."""
    assert r.subj is not None
    if not (any_subject or r.subj.first.kind == "org" or is_company(r.subj, r.tokens)):
        return []
    orders = [
        cue
        for cue in r.view.cues_by_clause[r.c]
        if cue.kinds & _ORDER_KINDS and _order_noun(r.tokens, cue.start, r.view.lang)
    ]
    if not orders:
        return []
    # a contract "for" someone is the deal rules' ("signed a contract for jets for Thailand"); "from" names the client
    if r.prep_ids(_COMPANY_ORDER & FROM if r.kind == "deal" else _COMPANY_ORDER):
        return r.prep_ids(_COMPANY_ORDER)
    return _delivery_recipients(r, orders[0].start)


def _delivery_recipients(r: Roles, order: int) -> list[str]:
    """ "erhielt den Auftrag für die Lieferung von 50 Lynx an Ungarn", "won an order for the delivery of … to
    Hungary": the recipient of a delivery noun after the order is the customer."""
    delivery = next(
        (cue.start for cue in r.view.cues_by_clause[r.c] if cue.start > order and "give_noun" in cue.kinds), None
    )
    if delivery is None:
        return []
    return [i for p in TO for g in r.by_prep.get(p, []) if g.first.start > delivery for i in g.ids]


def _licensed_destinations(r: Roles) -> list[str]:
    """ "Rheinmetall erhielt die Exportgenehmigung für 50 Lynx nach Ungarn", "KNDS received a licence for
    howitzers to India": a company that receives an approval exports; the destinations named after the
    approval noun receive. None when what the company receives is no approval."""
    start, end = r.view.grammar.clauses[r.c]  # the whole clause: the German verb may come last
    approval = next((k for k in range(start, end) if _approval_noun(r.tokens[k], r.view.lang)), None)
    if approval is None:
        return []
    own = set(r.subj.ids) if r.subj is not None else set()
    return [i for p in TO for g in r.by_prep.get(p, []) if g.first.start > approval for i in g.ids if i not in own]


def _company_subject(r: Roles) -> bool:
    """The subject is a company: a firm's name ("Rheinmetall", "der Konzern Saab") or, with no actor as
    subject, a reference to one before the verb ("Der Konzern hat … bekommen")."""
    if r.subj is not None:
        return r.subj.first.kind == "org" or r.subj.ids == [COMPANY] or is_company(r.subj, r.tokens)
    start = r.view.grammar.clauses[r.c][0]
    return any("company_ref" in cue.kinds and start <= cue.start < r.trig for cue in r.view.cues_by_clause[r.c])


def _approval_noun(tok: Token, lang: str) -> bool:
    """ "Genehmigung", "Rüstungsexportgenehmigung", "licence", "approval": a noun naming an approval."""
    if lang == "de":
        return tok.capitalised and tok.lemma.endswith(_APPROVAL_NOUNS_DE)
    return tok.lemma in _APPROVAL_NOUNS_EN


_APPROVAL_NOUNS_DE: Final = tuple(word_list("noun.approval", "de"))
_APPROVAL_NOUNS_EN: Final = words("noun.approval", "en")
_ORDER_KINDS: Final = frozenset({"order", "deal"})
_BEFORE_VERB_EN: Final = words("function.verb-like", "en") | words("particle.infinitive", "en")


def _order_noun(tokens: list[Token], k: int, lang: str) -> bool:
    """ "einen Auftrag", "a new order", "won orders": the order is a noun, not the verb "ordered"."""
    tok = tokens[k]
    if lang == "de":
        return tok.capitalised and k > 0
    return tok.lower in (tok.lemma, tok.lemma + "s") and (k == 0 or tokens[k - 1].lower not in _BEFORE_VERB_EN)


def _determined_noun(tokens: list[Token], trig: int) -> bool:
    """A lowercase trigger with a determiner right before it or before one adjective ("the possible purchase")."""
    return (
        tokens[trig].lowercase
        and trig > 0
        and (tokens[trig - 1].lower in _DETERMINERS_EN or trig > 1 and tokens[trig - 2].lower in _DETERMINERS_EN)
    )


def _of_phrase_only(tokens: list[Token], trig: int, g: Group) -> bool:
    """Only the noun's of-phrase (numbers, names, nouns) between the trigger and the by-phrase."""
    between = tokens[trig + 1 : g.first.start - 1]
    return (
        bool(between)
        and between[0].lower == "of"
        # ("the procurement of drones manufactured by AeroVironment": the by-phrase is the participle's)
        and all(t.text not in (",", ";") and not (t.lowercase and t.lower.endswith("ed")) for t in between)
    )


USED_BY: Final = words("prep.holder-of-used-goods", "en")


def _roles_receive(r: Roles) -> None:
    """Receiving, buying, ordering and requesting: the subject receives; von/aus/from/bei supply."""
    frame, tokens, lang = r.frame, r.tokens, r.view.lang
    kind, trig = frame.trigger_kind, r.trig
    by = r.by_prep.get("by", [])
    by_noun = [g for g in by if trig < g.first.start <= trig + 3 and tokens[trig].lowercase]
    if not by_noun and lang == "en" and _determined_noun(tokens, trig):
        # "approved the possible purchase of 20 F-16 fighters by the Philippines": the by-phrase after the
        # noun's of-phrase is the buyer; the clause's subject only approves
        by_noun = [g for g in by if trig < g.first.start <= trig + 12 and _of_phrase_only(tokens, trig, g)]
        if by_noun:
            r.subj = None
    if "trigger.en.goods-used-by" in frame.trace:
        # "Hawk missiles operated by Peru": who holds them received them
        holders = [
            i for g in r.own if g.first.prep in USED_BY and g.first.start > trig and can_act(g, tokens) for i in g.ids
        ]
        r.receive(holders, "roles.receive.holder-of-used-goods")
    elif (frame.passive or by_noun and not r.subj) and lang == "en" and by:
        # "were bought by Manila", "the third Israeli arms purchase by the Philippines": the buyer
        r.receive(r.prep_ids(frozenset({"by"})), "roles.receive.by-buyer")
    elif frame.passive and lang == "de" and kind in ("buy", "order") and r.prep_ids(_PASSIVE_AGENT_DE):
        # "Der K9 wurde von Polen bestellt": the agent of a passive of buying or ordering is the buyer
        r.receive(r.prep_ids(_PASSIVE_AGENT_DE), "roles.receive.de.passive-agent-buys")
    elif (
        lang == "de"
        and kind in ("buy", "order")
        and tokens[trig].capitalised
        and not r.subj
        and (buyers := [i for g in r.by_prep.get("durch", []) if g.first.start > trig for i in g.ids])
    ):
        # "Der Kauf von sechs Rafale-Jets aus Frankreich durch Peru wurde bestätigt": "durch" after a noun of
        # buying names the buyer
        r.receive(buyers, "roles.receive.de.durch-buyer")
    else:
        _receiver(r)
    joint = any(t.lower in _JOINT for t in tokens[max(0, trig - 2) : trig])
    preps, with_orderee = _seller_preps(r, joint, bool(by_noun))
    agents = _participle_agents(r) if kind in ("buy", "order") and lang == "de" else []
    if agents:
        # "die von Bern bestellten Patriot-Systeme": "von" right before an attributive participle of buying names
        # who bought, the participle's agent, not a seller
        r.receive(agents, "roles.de.attributive-buyer-after-von")
        preps = preps - {"von", "vom"}
    seller = r.prep_ids(preps)
    if seller:
        r.supply(seller, "roles.receive.order-placed-with" if with_orderee else "roles.receive.from-supplier")
    partners = [i for i in r.prep_ids(_WITH) if i not in frame.suppliers and i not in frame.recipients]
    if joint and partners and frame.recipients:
        # "Slovenia is negotiating with Croatia for a joint purchase of helicopters from France": the partner of a
        # joint purchase buys too; it sells nothing
        r.receive(frame.recipients + partners, "roles.receive.joint-purchase-partners-buy")
    _seller_when_unnamed(r)
    if frame.passive and kind in ("buy", "order") and lang == "en" and seller:
        demonyms = owner_demonyms(r.view.mentions.actors, frame.items, seller)
        if demonyms and all(i.startswith("@") for i in frame.recipients):
            # "Chilean warships which were acquired second-hand from the Netherlands": goods bought from another
            # state carry their buyer's demonym, not their maker's
            r.receive(demonyms, "roles.receive.en.demonym-of-goods-bought-from")
    # ("für die Armee", "for the navy": the buyer's own forces, no one else it buys for)
    beneficiaries = [
        i
        for g in r.by_prep.get("for", []) + r.by_prep.get("für", [])
        if g.first.start > trig
        for i in g.ids
        if i != _OWN_FORCES
    ]
    if kind in ("buy", "order") and beneficiaries and not frame.passive:
        # "Britain and Norway jointly bought NASAMS launchers for Ukraine": the buyers pay, the one they buy
        # for receives, and the seller's state supplies (funders are no suppliers, the contract)
        r.receive(beneficiaries, "roles.receive.bought-for-beneficiary")
        producers = unique([it.producer for it in frame.items if it.producer])
        sellers = [s for s in (r.prep_ids(preps) or r.origin[:1] or producers) if s not in beneficiaries][:1]
        r.supply(sellers, "roles.receive.bought-for-beneficiary")
    elif kind in ("buy", "order") and frame.passive and not frame.recipients:
        # "Für die peruanische Armee wurden 53 Hubschrauber in Russland beschafft": procured, with no buyer
        # named, for a state's forces: that state receives
        procured_for = [
            i for g in r.by_prep.get("for", []) + r.by_prep.get("für", []) for i in g.ids if i != _OWN_FORCES
        ]
        r.receive(procured_for, "roles.receive.procured-for-forces")


def _seller_preps(r: Roles, joint: bool, by_noun: bool) -> tuple[frozenset[str], bool]:
    """The prepositions that name the seller of a purchase, order or request, and whether the order went "with" a
    seller ("placed an order … with Spain")."""
    frame, tokens, lang, kind, trig = r.frame, r.tokens, r.view.lang, r.frame.trigger_kind, r.trig
    preps = _FROM_BUY if kind in ("buy", "order") and lang == "de" else FROM | _AT_SELLER
    if frame.modifiers & {"deal"} and not joint:
        preps = preps | _WITH  # "hatte Warschau den Kauf mit Washington vereinbart"
    with_orderee = kind == "order" and lang == "en" and not r.prep_ids(preps) and tokens[trig].lower in _ORDER_NOUNS_EN
    if with_orderee:
        preps = preps | _WITH  # "placed an order for transport aircraft with Spain": the order goes to the seller
    if kind == "request" and lang == "de":
        preps = preps | _REQUEST_AT  # "bemüht sich in Moskau um Kampfflugzeuge"
    if by_noun or frame.passive and lang == "en" and kind in ("buy", "order"):
        preps = preps - {"by"}  # "ordered by nine countries -- Turkey, India …": the agent bought, it sold nothing
    if frame.passive and lang == "de" and kind in ("buy", "order"):
        preps = (preps - _PASSIVE_AGENT_DE) | _SELLER_PLACE_DE  # "von Polen in Südkorea gekauft": bought there
    return preps, with_orderee


def _signing_firms(r: Roles) -> list[str]:
    """The firms among two or more who sign a deal on buying together with a state or government, when the others are
    no firms: the ids of the firms; otherwise none."""
    subj = r.subj
    if subj is None or len(subj.members) < 2 or "deal" not in r.frame.modifiers:
        return []
    firms = [m for m in subj.members if m.kind == "org" or is_company(Group([m]), r.tokens)]
    if not firms or len(firms) == len(subj.members):
        return []
    ids = unique([m.id for m in firms])
    return ids if all(m.id not in ids for m in subj.members if m not in firms) else []


def _participle_agents(r: Roles) -> list[str]:
    """The "von" group right before an attributive participle of buying ("die von Bern bestellten Systeme")."""
    if "mod.de.attributive-participle-own-modality" not in r.frame.trace:
        return []
    return [i for g in r.by_prep.get("von", []) if g.members[-1].end == r.trig for i in g.ids]


def _receiver(r: Roles) -> None:
    frame, kind = r.frame, r.frame.trigger_kind
    owner = _possessive_owner(r) if kind in _OWNED_NOUN_KINDS and (r.subj is not None or r.view.lang == "de") else None
    if owner is not None and owner is not r.subj:
        # "Saab is expanding production to meet Ukraine's Gripen order": whose order it is receives, not the
        # clause's subject
        # ("Er verwies auf Polens Kauf von Panzern": the German genitive before the noun, whatever governs it)
        rule = "roles.receive.genitive-owner" if r.view.lang == "de" else "roles.receive.possessive-owner-of-order"
        r.receive(owner.ids, rule)
        return
    firms = _signing_firms(r)
    if r.subj is not None and firms:
        # "Der Rüstungskonzern und die Regierung des Landes unterzeichneten einen Vertrag über den Kauf von Munition":
        # of the two that sign a purchase, the firm sells and the government buys
        r.supply(firms, "roles.receive.signing-firm-sells")
        r.receive([i for i in r.subj.ids if i not in firms], "roles.receive.signing-firm-sells")
        return
    if r.subj:
        r.receive(r.subj.ids, "roles.receive.subject-receives")
        return
    if kind in ("buy", "order") and r.view.lang == "en" and r.genitives and not frame.passive:
        makers = [g for g in r.genitives if g.first.start > r.trig and _owns_goods(r, g)]
        if makers and len(makers) == len(r.genitives):
            # "considering buying Russia's S-400 air defence system": the owner of the goods bought sells them
            if not frame.suppliers:
                r.supply([i for g in makers for i in g.ids], "roles.receive.owner-of-goods-bought-sells")
            return
    if kind in ("buy", "order", "request", "get") and r.genitives:
        r.receive([i for g in r.genitives for i in g.ids], "roles.receive.genitive-owner")
        return
    if frame.passive:
        # "Most of Nigeria's Super Tucanos were bought from the United States": the owner bought them
        owners = [i for g in r.own if g.first.kind.endswith("-gen") and g.first.start < r.trig for i in g.ids]
        if owners:
            r.receive(owners, "roles.receive.owner-of-bought-goods")


_OWNED_NOUN_KINDS: Final = frozenset({"order", "buy", "request"})
_OWN_FORCES: Final = "@forces"  # a reference to armed forces without a state ("die Armee", "the navy")


def _possessive_owner(r: Roles) -> Group | None:
    """The possessive right before the trigger noun ("Ukraine's Gripen order", "Manila's request", "Polens Kauf",
    "Indiens geplanter Erwerb")."""
    if r.view.lang != "en":
        return _de_genitive_owner(r)
    goods = {k for it in r.frame.items for k in range(it.start, it.end)}
    for grp in r.own:
        end = grp.members[-1].end
        if not grp.first.text.endswith(("'s", "’s")) or not 0 <= r.trig - end <= 4:
            continue
        # only a number or the goods between ("Ukraine's 100+ Gripen order")
        if all(k in goods or not r.tokens[k].alphabetic for k in range(end, r.trig)):
            return grp
    return None


def _de_genitive_owner(r: Roles) -> Group | None:
    """A German name in the genitive right before the trigger noun, at most with lowercase attributes between
    ("Er verwies auf Polens Kauf von Panzern", "Indiens geplanter Erwerb"): the noun's owner."""
    tokens = r.tokens
    if not tokens[r.trig].capitalised:
        return None
    for grp in r.own:
        end = grp.members[-1].end
        if grp.first.kind.endswith("-gen") and 0 <= r.trig - end <= 2:
            if all(tokens[k].lowercase and tokens[k].alphabetic for k in range(end, r.trig)):
                return grp
    return None


def owner_demonyms(actors: list[ActorMention], items: list[ItemMention], sellers: list[str]) -> list[str]:
    """Plain demonyms right before the goods ("Chilean warships", not "Dutch-built warships"), other than the
    sellers'."""
    starts = {it.start for it in items}
    found = [a for a in actors if a.kind == "origin" and a.end in starts]
    return unique([a.id for a in found if not a.text.lower().endswith(_MADE) and a.id not in sellers])[:1]


def _owns_goods(r: Roles, g: Group) -> bool:
    """A possessive right before goods of the frame ("Russia's S-400 air defence system"), or a German genitive
    right after them ("drei gebrauchte Black Hawk der jordanischen Luftstreitkräfte")."""
    end = g.members[-1].end
    if any(0 <= it.start - end <= 1 for it in r.frame.items):
        return True
    return r.view.lang == "de" and any(0 <= g.first.start - it.end <= 1 for it in r.frame.items)


_WH_RELATIVES: Final = words("pronoun.relative-wh", "en")


def _behind_wh_relative_on_goods(r: Roles, g: Group) -> bool:
    """ "Ghana wants the drones which impressed Kenya": a name after a which/who-relative on the goods belongs to
    the relative clause; it is not asked and does not sell."""
    tokens = r.tokens
    ends = [it.end for it in r.frame.items if it.end <= g.first.start]
    return bool(ends) and any(tokens[k].lower in _WH_RELATIVES for k in range(max(ends), g.first.start))


def _seller_when_unnamed(r: Roles) -> None:
    frame, kind, lang = r.frame, r.frame.trigger_kind, r.view.lang
    if not frame.suppliers and (kind == "request" or kind == "buy" and (lang == "de" or "request" in frame.modifiers)):
        # "bat Berlin um Panzer", "hat Frankreich Kampfjets abgekauft": the dative object is asked or sells
        asked = [i for g in r.objects if not _behind_wh_relative_on_goods(r, g) for i in g.ids]
        if asked:
            r.supply(asked, "roles.receive.object-asked-or-sells")
    if not frame.suppliers and kind in ("buy", "request", "get", "order"):
        owners = [i for g in r.genitives if _owns_goods(r, g) and is_state(g.first.id) for i in g.ids]
        owners = [i for i in owners if i not in frame.recipients]
        if owners:
            # "Peru wants Iran's drones", "bought Iran's drones": the state whose goods they are sells them
            r.supply(owners, "roles.receive.owner-of-goods-sells")
    if not frame.suppliers and r.origin:
        r.supply(_origins_of_goods(r), "roles.receive.origin-of-goods")
    if not frame.suppliers and not _vague_seller(r):
        # The producing state of a named new system ("Taiwan received 38 Abrams tanks").
        producers = unique([it.producer for it in frame.items if it.producer])
        if len(producers) > 1 and all(it.producer for it in frame.items) and _coordinated(r.tokens, frame.items):
            # "shortlisted the Rafale and the Gripen": each named system comes from its own maker's state
            r.supply(producers, "roles.receive.each-system-from-its-producer")
            frame.item_suppliers = {id(it): it.producer for it in frame.items if it.producer}
        elif producers:
            r.supply(producers[:1], "roles.receive.producer-of-system")


def _vague_seller(r: Roles) -> bool:
    """Does a from-phrase of the clause name unnamed sellers ("von westlichen Verbündeten erhalten", "supplied
    by allies")? Then the text says the seller is left open, and no maker's state fills it
    (rule roles.receive.unnamed-seller-stays-open)."""
    start, end = r.view.grammar.clauses[r.c]
    tokens = r.tokens
    buyer_by = r.frame.passive and r.frame.trigger_kind in ("buy", "order")
    for k in range(start, end):
        if buyer_by and tokens[k].lower in _BUYING_AGENT:
            continue  # "ordered by nine countries": the agent of buying is no seller
        if tokens[k].lower in FROM and any(t.lower in _VAGUE_PARTNERS for t in tokens[k + 1 : min(end, k + 4)]):
            fire(r.frame, "roles.receive.unnamed-seller-stays-open")
            return True
    return False


def _coordinated(tokens: list[Token], items: list[ItemMention]) -> bool:
    """Are the goods one list ("the Rafale and the Gripen"), with no preposition between them ("chose the Gripen
    over the F-16")?"""
    ordered = sorted(items, key=lambda it: it.start)
    return not any(
        t.lower in PREPOSITIONS for a, b in zip(ordered, ordered[1:], strict=False) for t in tokens[a.end : b.start]
    )


_VAGUE_PARTNERS: Final = words("noun.vague-partner")


# --------------------------------------------------------------------------- arriving


def _goods_bound_for(r: Roles) -> list[str]:
    """States in a für/for phrase right after the frame's goods ("Waffen für Simbabwe", "weapons for Zimbabwe")."""
    ends = [it.end for it in r.frame.items]
    return [
        i
        for p in _FOR
        for g in r.by_prep.get(p, [])
        if any(0 < g.first.start - end <= 2 for end in ends)
        for i in g.ids
    ]


def _roles_arrive(r: Roles) -> None:
    """Goods arriving, going or seized: where they arrive receives; where they come from supplies."""
    frame, view, trig, kind = r.frame, r.view, r.trig, r.frame.trigger_kind
    in_ids = r.prep_ids(_IN)
    preps = _IN
    if kind == "go" and not in_ids:
        in_ids = r.prep_ids(TO)  # "Die Korvetten gingen im Mai an Katar", "went to Qatar"
        preps = TO
    bound_for = _goods_bound_for(r) if in_ids and kind == "arrive" else []
    if bound_for:
        # "Ein Schiff mit Waffen für Simbabwe ist in Mosambik eingetroffen": the goods' own destination
        # receives; where they arrived is a stop on the way
        r.receive(bound_for, "roles.arrive.goods-for-over-place")
    elif in_ids:
        r.receive(in_ids, "roles.arrive.in-destination")
        if kind == "arrive" and all(
            _port_before(r.tokens, m.start) for p in preps for g in r.by_prep.get(p, []) for m in g.members
        ):
            frame.modifiers.add("port-of-call")  # "arrived at a port in Greece": maybe a stop on the way
        # "Ein Flugzeug geht an Pakistan und 72 Raketen an die Philippinen": where each destination stands,
        # for goods and destinations that alternate (discourse.each-good-to-its-recipient)
        frame.recipient_marks = [(m.id, m.start) for p in preps for g in r.by_prep.get(p, []) for m in g.members]
    elif r.objects:
        r.receive([i for g in r.objects for i in g.ids], "roles.arrive.object-reached")
    elif (
        r.subject is not None
        and r.subject.first.kind not in ("adj", "adj-gen")  # "die russische Armee": the forces reached
        and frame.items
        and min(it.start for it in frame.items) < r.subject.first.start
    ):
        # "Die Drohnen aus der Türkei erreichten Kenia": with the goods first, the bare name is what they reached
        r.receive(list(r.subject.ids), "roles.arrive.object-reached")
    if not frame.recipients and kind == "arrive" and r.inherited is not None and _expected(r):
        # "Kazakhstan expects four transport aircraft to arrive from Spain": who expects them receives
        r.receive(list(r.inherited.ids), "roles.arrive.expecter-receives")
    if not frame.recipients and kind == "arrive":
        # "Die ersten Leopard-2-Panzer für Tschechien sind … eingetroffen": whom they are for receives
        for_ids = r.prep_ids(_FOR)
        if for_ids:
            r.receive(for_ids, "roles.arrive.for-receiver")
    _arrival_receiver_by_meaning(r)
    if kind == "seize":
        # "seized 300 engines … from China bound for Russia": who seized is neither side
        r.receive(r.prep_ids(_ARRIVE_FOR), "roles.arrive.seized-bound-for")
        frame.no_fill = True
    # "… was seized by the US Navy": the agent of a seizure is neither side
    sources = FROM - {"by", "von", "vom"} if kind == "seize" and frame.passive else FROM
    source = r.prep_ids(sources)
    if source:
        r.supply(source, "roles.arrive.from-supplier")
    elif r.origin:
        r.supply(_origins_of_goods(r), "roles.arrive.origin-of-goods")
    else:
        frame.suppliers = []
    if (
        not frame.suppliers
        and frame.recipients
        and any(r.tokens[it.start - 1].lower in _OWN for it in frame.items if it.start)
    ):
        # "Serbia has denied reports that its ammunition was reaching Ukraine": with the receiver named,
        # "its" goods are the sentence subject's
        owner = next((a.id for a in view.mentions.actors if a.prep is None and not a.genitive and a.start < trig), None)
        if owner is not None and owner not in frame.recipients:
            r.supply([owner], "roles.arrive.its-goods-are-the-subjects")
    if not frame.suppliers:
        _supplier_where_built(r)  # "Die Korvetten, gefertigt in Italien, gingen an Katar"
    if not frame.suppliers:
        producers = unique([it.producer for it in frame.items if it.producer])[:1]
        if producers:
            r.supply(producers, "roles.arrive.producer-of-system")
    if not frame.suppliers and kind == "arrive":
        owner = _consignment_owner(r)
        if owner is not None:
            r.supply([owner], "roles.arrive.consignment-owner-supplies")


def _consignment_owner(r: Roles) -> str | None:
    """ "A Chilean shipment of rifles reached Peru", "Chile's arms shipment arrived", "Eine chilenische Lieferung
    von Gewehren erreichte Peru": the state whose adjective or possessive stands on the consignment noun sent it."""
    items = r.frame.items
    for cue in r.view.cues_by_clause[r.c]:
        if "give_noun" not in cue.kinds:
            continue
        for a in r.view.actors_by_clause[r.c]:
            if a.kind not in _OWNER_KINDS and not a.genitive or a.id in r.frame.recipients:
                continue
            if a.end == cue.start or any(it.start == a.end and it.end == cue.start for it in items):
                return a.id
    return None


_OWNER_KINDS: Final = frozenset({"adj", "adj-gen", "origin", "name-gen", "capital-gen"})


# --------------------------------------------------------------------------- deals


def _port_before(tokens: list[Token], start: int) -> bool:
    """Does a port noun govern the place at ``start`` ("at a port in Greece", "in einem Hafen in Griechenland",
    "im Hafen von Piräus", "the Greek port of Alexandroupolis")?"""
    k = start - 1
    if k >= 0 and tokens[k].lower in _PORT_LINKS:
        k -= 1
    return k >= 0 and (tokens[k].lower in _PORTS or tokens[k].lemma in _PORTS)


_PORTS: Final = words("noun.port")
_PORT_LINKS: Final = words("prep.port-link")


def _arrival_receiver_by_meaning(r: Roles) -> None:
    """The receiver of arriving goods when no destination is named: the state of forces reached, a state or its
    leader heralding the arrival, or whose goods arrive."""
    frame, view, trig, kind = r.frame, r.view, r.trig, r.frame.trigger_kind
    if not frame.recipients:
        # "reached Russian units", "erreichten russische Truppen": the forces' state receives
        forces = {cue.start for cue in view.cues_by_clause[r.c] if "forces" in cue.kinds}
        reached = unique(
            [
                a.id
                for a in view.actors_by_clause[r.c]
                if a.kind in ("adj", "adj-gen") and (a.start > trig or view.lang == "de") and a.end in forces
            ]
        )[:1]
        if not reached:
            # "reached Russian troops": people of a state after the goods are the forces reached, not goods
            first = min((it.start for it in frame.items), default=trig)
            people = [it for it in frame.items if it.category == "personnel" and it.origin and it.start > first]
            if people and any(it.category != "personnel" for it in frame.items):
                reached = [people[0].origin or ""]
                frame.items = [it for it in frame.items if it not in people]
        if reached:
            r.receive(reached, "roles.arrive.forces-reached")
    if not frame.recipients and kind == "arrive" and view.lang == "en" and r.subj is not None:
        herald = [k for k in range(r.subj.members[-1].end, trig) if r.tokens[k].lower in _HERALD]
        if r.tokens[trig].lower in _ARRIVAL_NOUNS and herald and r.subj.first.kind in _HERALD_KINDS:
            # "Rama announced the arrival of three TB2 drones from Turkey": a state or its leader announcing or
            # welcoming the arrival of goods from abroad receives them
            r.receive([i for i in r.subj.ids if not i.startswith("@")], "roles.arrive.en.herald-receives")
    if not frame.recipients and kind == "arrive":
        # "Vietnam's first batch of T-90S tanks arrived from Russia": whose goods arrive receives them
        owners = r.genitives + [g for g in r.own if g.first.kind.endswith("-gen") and g.first.start < trig]
        owned = [i for g in owners for i in g.ids if i not in frame.suppliers]
        if owned:
            r.receive(owned, "roles.arrive.owner-of-goods")


def _roles_deal(r: Roles) -> None:
    """Deals between partners: the maker's side sells; with no maker, who signs buys from the with-partner."""
    frame = r.frame
    partners = (r.subj.ids if r.subj else []) + r.prep_ids(_BETWEEN)
    source = r.prep_ids(FROM) or r.origin[:1]
    rule = "roles.deal.from-or-origin-sells"
    if not source:
        # "signed a contract for South Korea's Cheongung II": the maker's state named as the system's owner
        makers = [
            a.id
            for a in r.view.actors_by_clause[r.c]
            for it in frame.items
            if a.kind.endswith("-gen") and a.end == it.start and it.producer == a.id
        ]
        if makers:
            source, rule = makers[:1], "roles.deal.makers-system-sells"
    if not source:
        # "signed a contract with Israel's Elbit Systems": the arms maker in a deal sells
        buyers = r.subj.ids if r.subj else []
        makers = [i for p in _WITH for g in r.by_prep.get(p, []) if is_company(g, r.tokens) for i in g.ids]
        makers += [a.id for a in r.view.mentions.actors if a.kind == "org" and a.start > r.trig and a.id in partners]
        source = unique([m for m in makers if m not in buyers])
        rule = "roles.deal.arms-maker-sells"
    if source:
        r.supply(source, rule)
        r.receive([p for p in partners if p not in source], rule)
    else:
        _deal_by_producer(r, partners)
    if frame.suppliers and not frame.recipients:
        # "Lockheed Martin will build 24 F-16s for Bulgaria under a deal": whom the goods are for buys
        for_ids = [i for i in r.prep_ids(_FOR) if i not in frame.suppliers]
        if for_ids:
            r.receive(for_ids, "roles.deal.for-buyer")
    subj = r.subj
    if (
        not frame.suppliers
        and not frame.recipients
        and subj is not None
        and len(subj.ids) == 1
        and subj.first.kind in _STATE_NAME_KINDS
        and subj.first.prep is None
        and not frame.passive
        and "consider" not in frame.trigger.kinds  # "joined the talks on the KF-21": no deal signed
        and not r.prep_ids(_BETWEEN)
        and frame.items
        and "item.deal-named-before" not in frame.trace  # "eine entsprechende Vereinbarung": parties named before
        and all((it.category or it.carrier) and it.origin not in subj.ids for it in frame.items)
        and not any(it.start <= subj.first.start < it.end for it in r.view.mentions.items)  # "Dakar-Klasse"
    ):
        # "Indonesia signed a deal for the system in 2025": a state signing for goods with no partner named buys
        # them; who sells comes from the goods or the story
        r.receive(list(subj.ids), "roles.deal.lone-signer-buys")
        producers = unique([it.producer for it in frame.items if it.producer and it.producer not in subj.ids])
        if len(producers) == 1:
            r.supply(producers, "roles.deal.lone-signer-buys")


def _deal_by_producer(r: Roles, partners: list[str]) -> None:
    frame = r.frame
    producers = {it.producer for it in frame.items if it.producer}
    makers = [p for p in partners if p in producers]
    if makers:
        r.supply(makers, "roles.deal.producer-partner-sells")
        r.receive([p for p in partners if p not in producers], "roles.deal.producer-partner-sells")
    with_partners = r.prep_ids(_WITH)
    if not frame.suppliers and r.subj is not None and len(r.subj.ids) == 1 and len(with_partners) == 1:
        # "Katar unterzeichnete einen Vertrag über NH90-Hubschrauber mit Italien": no maker settles it,
        # so the buyer is who signs, and the state it signs with sells
        if with_partners[0] not in r.subj.ids and (r.subj.first.kind == "org" or is_company(r.subj, r.tokens)):
            # "The Tokyo-based company has signed a contract with the Philippine defense ministry for four radar
            # systems": a company signing with a state sells to it
            r.supply(list(r.subj.ids), "roles.deal.company-signer-sells")
            r.receive(with_partners, "roles.deal.company-signer-sells")
        elif with_partners[0] not in r.subj.ids:
            r.supply(with_partners, "roles.deal.signer-buys-from-partner")
            r.receive(list(r.subj.ids), "roles.deal.signer-buys-from-partner")


# --------------------------------------------------------------------------- constructions over the mapping


def _owner_of_list_receives_nothing(r: Roles) -> None:
    """ "added to the US entity list for supplying satellite images to the Wagner group": a state named on a
    list of measures owns the list; it receives nothing."""
    frame, tokens = r.frame, r.tokens
    if r.view.lang != "en" or not frame.recipients:
        return
    owners = {
        a.id
        for a in r.view.actors_by_clause[r.c]
        if a.end + 1 < len(tokens)
        and (tokens[a.end].lower in _LIST_NOUNS or tokens[a.end + 1].lower in _LIST_NOUNS)
        and tokens[a.end].lowercase
    }
    if owners & set(frame.recipients):
        frame.recipients = [i for i in frame.recipients if i not in owners]
        fire(frame, "roles.en.list-owner-receives-nothing")


def _owner_of_goods_sold_sells(r: Roles) -> None:
    """ "granted authorisation for the sale of Israel's Arrow 3 system to Germany": the owner of the goods a sale
    noun names sells them; who approves or reports the sale does not."""
    frame, tokens, trig = r.frame, r.tokens, r.trig
    if r.view.lang != "en" or r.kind != "sell" or not tokens[trig].lowercase or trig == 0:
        return
    if tokens[trig - 1].lower not in _DETERMINERS_EN:
        return  # a noun of sale ("the sale of"), not the verb
    owners = [
        g for g in r.own if g.first.start > trig and g.members[-1].text.endswith(("'s", "’s")) and _owns_goods(r, g)
    ]
    if owners and set(frame.suppliers) != set(owners[0].ids):
        frame.recipients = [i for i in frame.recipients if i not in owners[0].ids]
        r.supply(list(owners[0].ids), "roles.give.owner-of-goods-sold-sells")


def _reactor_is_no_party(r: Roles) -> None:
    """ "Russia condemned the delivery of F-16 jets from Denmark to Ukraine": who reacts to a transfer noun is
    no party of it; the noun's own from-phrase names the supplier."""
    frame = r.frame
    if "mod.en.reacted-to-transfer" not in frame.trace or r.subj is None:
        return
    reactor = set(r.subj.ids)
    if reactor & set(frame.suppliers + frame.recipients):
        frame.suppliers = [i for i in frame.suppliers if i not in reactor]
        frame.recipients = [i for i in frame.recipients if i not in reactor]
        sellers = [i for i in r.prep_ids(FROM) if i not in frame.recipients and i not in reactor]
        if not sellers:
            # "slammed the sale of Indian-made arms to Armenia": without a from-phrase, the goods' origin sells
            sellers = [i for i in unique(r.origin) if i not in frame.recipients and i not in reactor][:1]
        if sellers:
            r.supply(sellers, "roles.en.reactor-is-no-party")
        else:
            fire(frame, "roles.en.reactor-is-no-party")


def _holder_in_service_receives(r: Roles) -> None:
    """ "in service with the Nigerian air force", "into the arsenals of Azerbaijan, Ukraine and Qatar": the holder
    named after the service phrase receives the goods before it."""
    frame = r.frame
    if "trigger.en.goods-in-service-with" not in frame.trace or frame.recipients:
        return
    holders = [
        i
        for g in r.own
        if g.first.start >= frame.trigger.end and (g.first.prep is None or g.first.prep in _HOLDER_PREPS)
        for i in g.ids
        if not i.startswith("@") and i not in frame.suppliers
    ]  # ("the armed forces of Ethiopia and Morocco": the forces name no state, the names after them do)
    if holders:
        r.receive(unique(holders), "roles.en.holder-in-service-receives")


def _promised_one_receives(r: Roles) -> None:
    """ "Biden promised Zelenskyy to transfer air defence systems": the one promised, the object of a verb of
    promising right before the infinitive, receives what the infinitive gives."""
    frame, view, c = r.frame, r.view, r.c
    if view.lang != "en" or r.kind not in GIVE or frame.recipients or not view.grammar.infinitive[c] or c == 0:
        return
    if c - 1 not in r.governors:
        return
    promise = next(
        (x for x in view.cues_by_clause[c - 1] if "promise" in x.kinds and r.tokens[x.start].lower.endswith("ed")),
        None,
    )  # a past verb ("promised"), not the noun
    if promise is None:
        return
    objects = [
        a
        for a in view.actors_by_clause[c - 1]
        if a.start >= promise.end and a.prep is None and not a.genitive and a.id not in frame.suppliers
    ]
    if objects:
        r.receive([objects[-1].id], "roles.en.promised-one-receives")


def _accused_of_buying(r: Roles) -> None:
    """ "accused Russia of buying weapons from North Korea": the one accused of buying or receiving receives,
    not the accuser who is the clause's subject."""
    tokens, trig = r.tokens, r.trig
    if (
        r.view.lang != "en"
        or r.kind not in RECEIVE
        or r.kind == "request"
        or trig < 3
        or tokens[trig - 1].lower != "of"
    ):
        return
    if not any(t.lower in _ACCUSING for t in tokens[max(0, trig - 6) : trig - 1]):
        return
    near = [
        a
        for a in r.view.mentions.actors
        if trig - 5 <= a.start and a.end <= trig - 1 and a.id not in r.frame.suppliers and a.kind != "origin"
    ]
    if near:
        r.receive([near[-1].id], "roles.accused-of-buying")


_REASON_FOR_MEASURE: Final = words("prep.reason-for-measure", "de")
_AGAINST_DE: Final = words("prep.against", "de")


def _target_of_measure_for_delivery(r: Roles) -> None:
    """ "Die EU verhängte Sanktionen gegen Laos wegen der Lieferung von Munition an Myanmar": a delivery named as
    the reason of a measure was made by the measure's target (the English "for supplying" is
    roles.accused-of-supplying)."""
    tokens, trig, frame = r.tokens, r.trig, r.frame
    if r.view.lang != "de" or frame.trigger_kind != "give_noun" or frame.suppliers or trig < 3:
        return
    if not any(t.lower in _REASON_FOR_MEASURE for t in tokens[trig - 3 : trig]):
        return
    measures = [x.start for k in range(r.view.n) for x in r.view.cues_by_clause[k] if "sanction" in x.kinds]
    if not measures or min(measures) > trig:
        return
    targets = [
        a
        for a in r.view.mentions.actors
        if min(measures) < a.start < trig and a.prep in _AGAINST_DE and a.id not in frame.recipients
    ]
    if any(a.start > trig and a.id not in frame.recipients for a in r.view.actors_by_clause[r.c]):
        return  # "… an die Ukraine durch Polen": the phrase names who delivered
    if len({a.id for a in targets}) == 1:
        r.supply([targets[0].id], "roles.de.target-of-measure-supplied")


def _accused_of_supplying(r: Roles) -> None:
    """The one a gerund is said of supplies: "Chinese companies accused of supplying components",
    "accusing Pyongyang of arming Russia", "designated three Turkish companies for shipping …"."""
    tokens, trig, frame = r.tokens, r.trig, r.frame
    if r.view.lang != "en" or r.kind not in GIVE or trig < 3:
        return
    prev_word = tokens[trig - 1].lower
    window: tuple[int, int] | None = None
    if (
        prev_word in _ACCUSED_OF
        and tokens[trig - 2].lower in _ACCUSED
        and tokens[trig - 3].lower not in _AUX_BEFORE_ACCUSED
    ):
        window = (trig - 8, trig - 2)
    elif prev_word == "of" and any(t.lower in _ACCUSING for t in tokens[max(0, trig - 6) : trig - 1]):
        window = (trig - 5, trig - 1)
    elif prev_word == "for" and any(t.lower in _THANKING for t in tokens[max(0, trig - 6) : trig - 1]):
        window = (trig - 5, trig - 1)  # "Khan thanked China for providing the aircraft": the one thanked gave
    elif (
        prev_word == "for"
        and tokens[trig].lower.endswith("ing")
        and any(
            cue.kinds & {"sanction", "listing", "impose"} and cue.start < trig
            for x in r.view.cues_by_clause
            for cue in x
        )
    ):
        window = (trig - 12, trig - 1)
    if window is None:
        return
    lo, hi = window
    measure_starts = {x.start for k in range(r.view.n) for x in r.view.cues_by_clause[k] if "sanction" in x.kinds}
    near = [
        a
        for a in r.view.mentions.actors
        if lo <= a.start
        and a.end <= hi
        and a.id not in frame.recipients
        and a.end not in measure_starts  # "added to the US entity list for shipping …": the list's owner
    ]
    if near:
        r.supply([near[-1].id], "roles.accused-of-supplying")


def _attributive_participle_agent(r: Roles) -> None:
    """ "wartet auf die von Deutschland versprochenen Iris-T", "auf die zugesagten Gripen aus Schweden": the
    agent of an attributive participle, or where the goods come from, supplies; the clause's subject is
    who the goods are for."""
    frame, tokens, trig = r.frame, r.tokens, r.trig
    word = tokens[trig]
    if not (
        r.view.lang == "de"
        and r.kind in ("give", "promise", "sell")
        and word.lowercase
        and word.lower.endswith(_ATTRIBUTIVE_ENDINGS)
        and any(counted_after(tokens, frame.trigger.end, it.start) for it in frame.items)
        and (r.by_prep.get("von") or r.by_prep.get("aus"))
        and (r.subj is None or r.subj.first.start < trig)
    ):
        return
    agents = [i for g in r.by_prep.get("von", []) if g.first.start < trig for i in g.ids] or [
        i for g in r.by_prep.get("aus", []) if g.first.start > trig for i in g.ids
    ]
    if not agents:
        return
    start = min((g.first.start for g in r.by_prep.get("von", []) if g.first.start < trig), default=trig)
    own = [i for p in TO for g in r.by_prep.get(p, []) if start < g.first.start < trig for i in g.ids]
    if own:
        _participle_with_own_parties(r, agents, own)
        return
    # "Die von Schweden gelieferten Schützenpanzer sind in Lettland eingetroffen": with the goods as the
    # subject, where they arrived (roles.give.arrived-in) or who has them in service receives
    r.supply(agents, "roles.de.attributive-participle-agent")
    if r.subj is not None:
        r.receive([i for i in r.subj.ids if i not in agents], "roles.de.attributive-participle-agent")
    elif not frame.recipients:
        r.receive([i for i in _in_service_with(r) if i not in agents], "roles.de.attributive-participle-agent")


_SELLER_PLACE_DE: Final = words("prep.seller-place", "de")


def _attributive_order_phrase(r: Roles) -> None:
    """ "Die von Polen in Südkorea bestellten Panzer werden 2027 geliefert": an attributive participle of buying
    or ordering before the goods carries its own parties - its von-agent bought, its in/bei/aus-phrase sold - and
    the delivery the clause reports is of those goods between them (not from the von-agent)."""
    frame, tokens, trig = r.frame, r.tokens, r.trig
    if r.view.lang != "de" or r.kind not in GIVE and r.kind not in ARRIVE:
        return  # ("… sind eingetroffen": goods bought so arriving, the same)
    part = next(
        (
            x
            for x in r.view.cues_by_clause[r.c]
            if x.kinds & {"buy", "order"}
            and x.end == x.start + 1
            and tokens[x.start].lowercase
            and tokens[x.start].lower.endswith(_ATTRIBUTIVE_ENDINGS)
            and any(counted_after(tokens, x.end, it.start) for it in frame.items)
        ),
        None,
    )
    if part is None or part.start > trig:
        return
    inside = [
        a
        for a in r.view.actors_by_clause[r.c]
        if part.start - 8 <= a.start and a.end <= part.start and all(t.alphabetic for t in tokens[a.end : part.start])
    ]
    buyers = unique([a.id for a in inside if a.prep == "von"])
    sellers = unique([a.id for a in inside if a.prep in _SELLER_PLACE_DE and a.id not in buyers])
    if not buyers:
        return
    r.receive(buyers, "roles.de.attributive-order-phrase-parties")
    r.supply(sellers or [i for i in frame.suppliers if i not in buyers], "roles.de.attributive-order-phrase-parties")


def _participle_with_own_parties(r: Roles, agents: list[str], recipients: list[str]) -> None:
    """ "verweigert Munition für die von Deutschland an die Ukraine gelieferten Gepard": a participle phrase
    naming its own supplier and recipient states a transfer of its own, of the goods after it, with the status
    of its own verb form: the clause's subject, its other goods and its modality (the refusal) are not its."""
    frame = r.frame
    r.supply(agents, "roles.de.attributive-participle-own-parties")
    r.receive(recipients, "roles.de.attributive-participle-own-parties")
    frame.items = [it for it in frame.items if it.start > r.trig]
    frame.modifiers.clear()


def counted_after(tokens: list[Token], end: int, start: int) -> bool:
    """ "die gelieferten Panzer", "der gelieferten 1,5 Millionen Granaten": the goods follow the participle,
    at most a count between."""
    if start < end or start - end > 3:
        return False
    return all(t.text[:1].isdigit() or t.lower in _COUNT_WORDS for t in tokens[end:start])


def _in_service_with(r: Roles) -> list[str]:
    """ "sind bei der lettischen Armee im Einsatz", "in service with the Latvian army": the state whose forces
    have the goods in service."""
    view = r.view
    if not any("use" in cue.kinds and cue.lemma in _IN_SERVICE for cue in view.cues_by_clause[r.c]):
        return []
    forces = {cue.start for cue in view.cues_by_clause[r.c] if "forces" in cue.kinds}
    return unique(
        [a.id for a in view.actors_by_clause[r.c] if a.prep in _SERVICE_WITH and (a.end in forces or a.kind != "adj")]
    )


_GENITIVE_ARTICLES_DE: Final = words("article.genitive-link", "de")


def _answered_request(r: Roles) -> None:
    """ "Israel has rejected Ukrainian requests for Iron Dome", "lehnte eine Anfrage Kiews nach … ab",
    "Washington has approved Kyiv's request for Patriot interceptors": the one answering a request
    refuses or agrees; the asker stands before the noun or in the genitive after it ("das Ersuchen der Ukraine")."""
    frame, trig = r.frame, r.trig
    cues = r.view.cues_by_clause[r.c]
    answer = next((k for k in ("refuse", "approve", "consider", "get") if any(k in cue.kinds for cue in cues)), None)
    if not (
        r.kind == "request"
        and "request_noun" in frame.trigger.kinds
        and answer is not None
        and r.subj is not None
        and r.subj.first.start < trig
    ):
        return
    end = frame.trigger.end
    askers = [
        a.id
        for a in r.view.mentions.actors
        if (
            a.end in (trig, trig - 1)
            or (a.start == end or a.start == end + 1 and r.tokens[end].lower in _GENITIVE_ARTICLES_DE)
            and a.genitive
            or a.prep in _ASKED_FROM
            and end <= a.start <= end + 2
        )
        and a.id not in r.subj.ids
    ]  # "Kyiv's request", "eine Anfrage Kiews", "a request from Kyiv"
    if not askers:
        return
    passed_to = r.prep_ids(TO)
    if passed_to and any(cue.lemma in _RE_EXPORT for cue in cues) and askers[-1] not in passed_to:
        # "lehnte einen Antrag Spaniens zur Weitergabe von Flugabwehrkanonen an die Ukraine ab": the asker would
        # pass the goods on; who answers only permits or forbids it
        r.supply(askers[-1:], "roles.re-export-asker-passes-on")
        r.receive(passed_to, "roles.re-export-asker-passes-on")
        if answer != "consider":
            frame.trigger_kind = "give"
        return
    r.supply(list(r.subj.ids), "roles.answered-request")
    r.receive(askers[-1:], "roles.answered-request")
    # the asker asked: the request stands beside the answer ("Das Pentagon prüft eine Anfrage Polens nach …":
    # weighed, and requested; "rejected Warsaw's request": refused, and requested)
    frame.requesters = askers[-1:]
    if answer == "get":
        return  # "Chile received a request from Peru for howitzers": asked, nothing answered yet
    if answer != "consider":
        frame.trigger_kind = "give"
        frame.modifiers.add(answer)
        frame.modifiers.discard("request")


def _seized_shipment(r: Roles) -> None:
    """ "A shipment of Iranian rifles … was seized by the US Navy": the seizer is neither side."""
    frame = r.frame
    if r.kind != "give_noun" or not any("seize" in cue.kinds for cue in r.view.cues_by_clause[r.c]):
        return
    r.supply(r.prep_ids(FROM - {"by", "von", "vom"}) or r.origin[:1], "roles.seized-shipment")
    frame.no_fill = True


def _permitted_reexport(r: Roles) -> None:
    """ "…, Deutschland die Wiederausfuhr an die Ukraine zu erlauben", "verweigert Deutschland die Weitergabe":
    whoever is permitted (or refused) the export, the dative object, exports; the other state only
    allows or blocks it."""
    frame = r.frame
    if not (
        r.kind == "give_noun"
        and r.view.lang == "de"
        and r.objects
        and any(meets(cue.kinds, _DECIDING) for cue in r.view.cues_by_clause[r.c])
        and not frame.passive
    ):
        return
    permitted = [i for g in r.objects for i in g.ids if i not in frame.recipients]
    if permitted:
        r.supply(permitted[:1], "roles.de.permitted-exporter")


def _de_parts_for_forces_systems(r: Roles) -> None:
    """ "Ersatzteile für die amerikanischen F-4-Kampfjets der iranischen Luftwaffe": an adjective on the systems
    the parts are for names their maker; the forces whose systems they are receive."""
    frame, view, tokens = r.frame, r.view, r.tokens
    if view.lang != "de" or r.kind not in GIVE or not frame.items:
        return
    if any(it.category != "technology" for it in frame.items):
        return
    forces = {cue.start for cue in view.cues_by_clause[r.c] if "forces" in cue.kinds}
    actors = view.actors_by_clause[r.c]
    makers = [
        a
        for a in actors
        if a.kind == "adj"
        and a.prep in _FOR
        and a.id in frame.recipients
        and a.end < len(tokens)
        and a.end not in forces
    ]
    if not makers:
        return
    owners = [a for a in actors if (a.genitive or a.prep is None) and a.start > makers[0].end and a.end in forces]
    if owners and owners[0].id not in frame.suppliers:
        r.receive([owners[0].id], "roles.de.parts-for-forces-systems")


def _stocks_of_a_state(r: Roles) -> None:
    """ "blockiert die Weitergabe von Munition aus deutschen Beständen", "from German stocks": the goods leave
    the state whose stocks they are; who allows or blocks that is no party."""
    frame, tokens = r.frame, r.tokens
    if r.kind != "give_noun" or not any(
        cue.kinds & {"approve", "refuse", "prevent"} for cue in r.view.cues_by_clause[r.c]
    ):
        return
    stocks = [
        a.id
        for a in r.view.mentions.actors
        if a.prep in ("aus", "from")
        and a.start > r.trig
        and a.end < len(tokens)
        and tokens[a.end].lower.startswith(_STOCKS)
        and a.id not in frame.recipients
    ]
    if stocks:
        r.supply(stocks[:1], "roles.stocks-of-a-state")


def _refused_purchase(r: Roles) -> None:
    """ "Die USA verweigern Ankara den Kauf von F-35-Jets": whoever is allowed or refused the purchase (the
    dative object) buys; the one deciding sells."""
    frame = r.frame
    if not (
        r.kind == "buy"
        and r.view.lang == "de"
        and r.tokens[r.trig].capitalised
        and r.objects
        and r.subj is not None
        and any(meets(cue.kinds, _DECIDING) for cue in r.view.cues_by_clause[r.c])
    ):
        return
    r.receive([i for g in r.objects for i in g.ids], "roles.de.refused-purchase")
    r.supply([i for i in r.subj.ids if i not in frame.recipients], "roles.de.refused-purchase")


def _durch_agent(r: Roles) -> None:
    """ "hat die Lieferung von 40 Eurofightern durch Großbritannien vereinbart", "Die Ablieferung der Fregatten an
    Peru durch Italien ist vorgesehen": "durch" after the delivery noun names who delivers; the subject agreeing to
    it receives."""
    frame = r.frame
    if not (r.kind == "give_noun" and r.view.lang == "de" and r.by_prep.get("durch") and not frame.passive):
        return
    goods_end = max((it.end for it in frame.items if it.start > r.trig), default=-1)
    # a decided, promised or refused delivery, or "durch" after the goods ("Die Ablieferung der Fregatten an Peru
    # durch Italien ist vorgesehen"); right after the noun it is a route ("Lieferungen durch Polen in die Ukraine")
    decided = bool(frame.modifiers & {"deal", "approve", "promise", "refuse", "prevent", "request"})
    agents = [
        i
        for g in r.by_prep["durch"]
        if g.first.start > r.trig and (decided or 0 <= goods_end < g.first.start)
        for i in g.ids
    ]
    if agents:
        if r.subj is not None and not frame.recipients:
            r.receive([i for i in r.subj.ids if i not in agents], "roles.de.durch-agent")
        r.supply(agents, "roles.de.durch-agent")


def _deal_partners_by_maker(r: Roles) -> None:
    """ "Vietnam and the Czech Republic have agreed on the supply of L-39NG jets": partners to a deal on
    a named system; its maker's state supplies, the other receives."""
    frame = r.frame
    if not (r.kind in GIVE and "deal" in frame.modifiers and len(frame.suppliers) > 1 and not frame.recipients):
        return
    makers = [p for p in frame.suppliers if p in {it.producer for it in frame.items}]
    if len(makers) == 1:
        r.receive([p for p in frame.suppliers if p not in makers], "roles.deal-partners-split-by-maker")
        r.supply(makers, "roles.deal-partners-split-by-maker")


def _forces_and_maker_sign(r: Roles) -> None:
    """ "The Royal Thai Navy and China's state-owned shipbuilder signed the deal for the submarine", "the Thai
    navy and a Chinese shipyard signed a contract": of two parties to a deal, the armed force buys and the maker
    sells."""
    frame, view = r.frame, r.view
    if view.lang != "en" or r.kind != "deal" or frame.recipients:
        return
    lead = frame.trigger
    if r.tokens[lead.start].lower == lead.lemma:
        return  # a deal noun ("the arms deal"), no verb of signing with its parties as subject
    cues = view.mentions.cues
    if not any("link" in x.kinds and x.start < lead.start for x in cues):
        return  # "A and B signed …": the two parties are coordinated
    forces: set[str] = set()
    makers: set[str] = set()
    for a in view.mentions.actors:
        if a.start >= lead.start or a.prep is not None or view.grammar.clause[a.start] > r.c:
            continue
        near = [x for x in cues if a.start <= x.start <= a.end + 2]
        if a.kind == "org" or any("producer" in x.kinds for x in near):
            makers.add(a.id)
        elif any("forces" in x.kinds for x in near):
            forces.add(a.id)
    if len(forces) == 1 and len(makers) == 1 and forces != makers and set(frame.suppliers) <= forces | makers:
        r.supply(list(makers), "roles.deal.forces-buy-from-maker")
        r.receive(list(forces), "roles.deal.forces-buy-from-maker")
        return
    parties = forces | makers
    producers = {it.producer for it in frame.items if it.producer} & parties
    if len(parties) == 2 and len(producers) == 1 and set(frame.suppliers) <= parties:
        # "France's Naval Group and Indonesian state shipbuilder PT PAL have signed a contract for two Scorpène
        # submarines": the maker of the system the deal is for sells it
        r.supply(list(producers), "roles.deal-partners-split-by-maker")
        r.receive(list(parties - producers), "roles.deal-partners-split-by-maker")


def _deal_partner_of_infinitive(r: Roles) -> None:
    """ "BAE Systems has signed a deal with Brazil to supply three patrol vessels", "signed a contract with the
    Brazilian Navy to supply it with …": the deal's with-partner receives what the infinitive supplies, and
    sells what it buys."""
    frame, view = r.frame, r.view
    if view.lang != "en" or not view.grammar.infinitive[r.c] or not r.governors:
        return
    g = r.governors[0]
    if not any("deal" in x.kinds for x in view.cues_by_clause[g]):
        return
    partners = [a.id for a in view.actors_by_clause[g] if a.prep in _WITH and not a.genitive]
    if len(set(partners)) != 1:
        return
    if r.kind in GIVE and not frame.recipients and partners[0] not in frame.suppliers:
        r.receive(partners[:1], "roles.en.deal-partner-of-infinitive")
    elif r.kind in ("buy", "order") and not frame.suppliers and partners[0] not in frame.recipients:
        r.supply(partners[:1], "roles.en.deal-partner-of-infinitive")


def _purpose_clause_receiver(r: Roles) -> None:
    """ "Portugal schickte drei Leopard 2A6, damit die Ukraine ein vollständiges Bataillon erhält", "sent the
    jets so that Kyiv receives …": whoever the purpose clause says will receive is the recipient."""
    frame, view = r.frame, r.view
    k = r.c + 1
    if r.kind not in GIVE or frame.passive or frame.recipients or not frame.suppliers or k >= view.n:
        return
    start = view.grammar.clauses[k][0]
    opener = [t.lower for t in r.tokens[start : start + 3] if t.text != ","]
    if not opener or not (opener[0] in _PURPOSE_CONJ or start > 0 and r.tokens[start - 1].lower in _PURPOSE_CONJ):
        return  # "…, damit …", "… so | that …"
    if not any(meets(cue.kinds, RECEIVE) for cue in view.cues_by_clause[k]):
        return
    bare = [g for g in groups(view.actors_by_clause[k], r.tokens) if g.first.prep is None and not g.first.genitive]
    if bare and not set(bare[0].ids) & set(frame.suppliers):
        r.receive(list(bare[0].ids), "roles.give.purpose-clause-receiver")


def _user_of_supplied_goods(r: Roles) -> None:
    """ "Die Marine verfügte über drei U-Boote, die von Frankreich geliefert worden waren", "the navy operates
    frigates that Italy delivered": whoever has or uses the goods a relative clause says were supplied
    received them."""
    frame, view, c = r.frame, r.view, r.c
    if r.kind not in GIVE or frame.recipients or not frame.suppliers or "item.relative-antecedent" not in frame.trace:
        return
    if not any(
        "use" in cue.kinds and not meets(cue.kinds, TRIGGERS_BUT_USE) or meets(cue.kinds, _RECEIVING_VERBS)
        for cue in view.cues_by_clause[c - 1]
    ):
        return  # "verfügte über U-Boote, die …", "received … a frigate that China donated"
    users = [
        g
        for g in groups(view.actors_by_clause[c - 1], r.tokens)
        if g.first.prep is None and not g.first.genitive and can_act(g, r.tokens)
    ]
    if users and not set(users[0].ids) & set(frame.suppliers):
        r.receive(list(users[0].ids), "roles.give.user-of-supplied-goods")


def _adjective_on_supply_noun(r: Roles) -> None:
    """ "Israeli deliveries to Azerbaijan", "a Turkish bid for two corvettes", "russische Waffenlieferungen":
    a state's adjective on a noun of supplying or offering names the supplier."""
    frame, tokens, trig = r.frame, r.tokens, r.trig
    if frame.suppliers or r.kind not in ("give_noun", "promise", "sell") or not tokens[trig].letter_first:
        return
    before = [
        a
        for a in r.view.mentions.actors
        if a.kind in ("adj", "origin")
        and trig - 2 <= a.end <= trig
        and (a.prep is None and a.id not in frame.recipients or a.end == trig and a.prep not in _DESTINATION_EN)
    ]  # ("for a British sale of the jets to Ankara": the preposition before the adjective governs the whole noun)
    between = tokens[before[-1].end : trig] if before else []
    if before and all(t.alphabetic and t.lower not in PREPOSITIONS for t in between):
        frame.recipients = [i for i in frame.recipients if i != before[-1].id]
        r.supply([before[-1].id], "roles.give.adjective-on-supply-noun")
        if r.kind == "promise" and not frame.recipients and r.subj is not None and r.subj.first.start < trig:
            # "Manila is studying a Turkish bid": who weighs the offer would receive
            r.receive([i for i in r.subj.ids if i != before[-1].id], "roles.give.adjective-on-supply-noun")


def _relative_pronoun_subject(r: Roles) -> None:
    """ "Manila signed a contract that will bring Korean corvettes to the Philippines", "die Werft, die zwei
    Korvetten nach Manila bringen wird": a relative pronoun right before the verb is the subject; the
    governing clause's subject does not act here, the goods' origin supplies."""
    frame, view, tokens = r.frame, r.view, r.tokens
    if r.kind not in GIVE or frame.passive or r.subject is not None or r.inherited is None or r.c == 0:
        return
    if r.asker is not None:
        return  # "erteilte Heckler & Koch den Auftrag, der dortigen Polizei … zu liefern": the controller acts
    if frame.rule in _FORESEEN_BY_DEAL:
        return  # "einen Vertrag, der die Lieferung … vorsieht": the pronoun stands for the deal, its partners decided
    start = view.grammar.clauses[r.c][0]
    words = [t for t in tokens[start : r.trig] if t.text != ","]
    if not words or words[0].lower not in _RELATIVE_SUBJECTS or words[0].capitalised:
        return
    if r.bare or set(frame.suppliers) != set(r.inherited.ids) or any(t.lower in _PERSONAL for t in words[1:]):
        return  # "die Moskau geliefert hat", "the allegation that it had sold": another subject follows
    antecedent = start - 1
    while antecedent > 0 and tokens[antecedent].text == ",":
        antecedent -= 1
    if any(it.start <= antecedent < it.end for it in view.mentions.items):
        return  # "unterstützt das Land mit Militärberatern, die … ausbilden": the subject's own people act
    r.supply([o for o in unique(r.origin) if o not in frame.recipients], "roles.relative-pronoun-subject")


def _each_from_its_source(r: Roles) -> None:
    """ "erhielt Kampfdrohnen aus den Emiraten, Bayraktar TB2 aus der Türkei und Mohajer-6 aus Iran", "received
    a patrol aircraft from India and three cutters from the United States": each good comes from the source
    named right after it."""
    frame = r.frame
    if r.kind not in RECEIVE or len(frame.suppliers) < 2 or len(frame.items) < 2:
        return
    sources = [(g.first.start, g.ids) for p in FROM for g in r.by_prep.get(p, []) if g.first.start > r.trig]
    marks = sorted([(it.start, "item", id(it)) for it in frame.items] + [(pos, "source", 0) for pos, _ in sources])
    kinds = [k for _, k, _ in marks]
    if not kinds or kinds[0] != "item" or kinds[-1] != "source":
        return
    by_pos = {pos: ids for pos, ids in sources}
    pairs: dict[int, str] = {}
    pending: list[int] = []
    for pos, kind, ref in marks:
        if kind == "item":
            pending.append(ref)
            continue
        ids = by_pos[pos]
        if len(ids) != 1 or not pending:
            return
        for item_id in pending:
            pairs[item_id] = ids[0]
        pending = []
    if len(set(pairs.values())) > 1:
        frame.item_suppliers = pairs
        fire(frame, "roles.receive.each-good-from-its-source")


def _each_by_its_maker(r: Roles) -> None:
    """ "Lima is weighing three bids: Saab's Gripen E, Lockheed Martin's F-16 Block 70 and Dassault's Rafale": each
    good named after its maker's possessive comes from that maker's state."""
    frame, view = r.frame, r.view
    if view.lang != "en" or not frame.items or not frame.recipients:
        return
    makers = {a.end: a.id for a in view.mentions.actors if a.kind == "org-gen"}
    pairs: dict[int, str] = {}
    for it in frame.items:
        maker = makers.get(it.start)
        if maker is None or maker in frame.recipients:
            return
        pairs[id(it)] = maker
    if len(set(pairs.values())) > 1 and set(frame.suppliers) <= set(pairs.values()):
        r.supply(list(dict.fromkeys(pairs.values())), "roles.en.each-good-by-its-maker")
        frame.item_suppliers = pairs
    elif len(set(pairs.values())) == 1 and not frame.suppliers:
        r.supply(list(set(pairs.values())), "roles.en.each-good-by-its-maker")  # "is weighing Saab's Gripen E"


def _vehicle_subject(r: Roles) -> None:
    """ "A cargo ship from Belarus delivered 3,000 rifles to Venezuela", "Einen Monat später brachte ein
    ägyptisches Kriegsschiff Artilleriegeschütze nach Mogadischu": a vehicle carrying the goods as the
    subject is no goods of its own; its state (adjective or from-phrase) supplies."""
    frame, view, trig, tokens = r.frame, r.view, r.trig, r.tokens
    if r.kind in _NOUN_KINDS or not (r.kind in GIVE or r.kind in ARRIVE):
        return
    start, _ = view.grammar.clauses[r.c]
    laden = _laden_vehicle(r, start)
    if laden is None and (frame.passive or r.subject is not None):
        return
    last = max((it.start for it in frame.items), default=start)
    limit = trig if view.lang == "en" else last
    vehicles = _VEHICLES + (_LAUNCHERS if frame.trigger.lemma in _LAUNCH else ())
    vehicle = (
        laden
        if laden is not None
        else next(
            (
                k
                for k in range(start, limit)
                if k != trig
                and (
                    tokens[k].lemma.endswith(vehicles)
                    # "transport planes", "ein Transportflugzeug mit Instrukteuren": aircraft that carry cargo
                    or any(
                        it.start <= k < it.end and it.category == "other-aircraft" and _cargo_word(it.text)
                        for it in frame.items
                    )
                )
            ),
            None,
        )
    )
    if vehicle is None:
        return
    first_cargo = min((it.start for it in frame.items if not it.start <= vehicle < it.end), default=vehicle)
    if r.kind in ARRIVE and not any(
        t.lower in _LOADED_WITH for t in tokens[vehicle + 1 : max(first_cargo, vehicle + 1)]
    ):
        return  # arriving warships are goods, unless they come "with" a cargo
    carried = [it for it in frame.items if it.start <= vehicle < it.end]
    cargo = [it for it in frame.items if it.start > vehicle and it not in carried]
    if not cargo or any(it.category not in _VEHICLE_CATEGORIES for it in carried) and not cargo:
        return
    origins = [it.origin for it in carried if it.origin]
    origins += [a.id for a in view.mentions.actors if a.kind in ("adj", "origin") and a.end in (vehicle, vehicle - 1)]
    origins += [
        i
        for g in groups(view.actors_by_clause[r.c], tokens)
        if g.first.prep in FROM and vehicle < g.first.start <= vehicle + 3
        for i in g.ids
    ]
    frame.items = [it for it in frame.items if it not in carried]
    fire(frame, "roles.give.vehicle-carries")
    origins = [o for o in unique(origins) if o not in frame.recipients]
    if origins and (not frame.suppliers or frame.rule in _ORIGIN_RULES):
        frame.item_suppliers = {}  # the vehicle's origin was one of the goods' origins
        r.supply(origins[:1], "roles.give.vehicle-carries")


def _laden_vehicle(r: Roles, start: int) -> int | None:
    """A ship or cargo aircraft among the frame's goods right before a word of its cargo, with goods after it ("a
    vessel carrying tanks … was seized", "ein Frachtschiff mit Panzern"), in any voice and beside any subject."""
    tokens = r.tokens
    for it in r.frame.items:
        k = it.end - 1
        if (
            it.category in _VEHICLE_CATEGORIES
            and k >= start
            and it.end < len(tokens)
            and tokens[it.end].lower in _LOADED_WITH
            and tokens[k].lemma.endswith(_VEHICLES)
            and any(other.start > it.end for other in r.frame.items)
        ):
            return k
    return None


def _conveyance_after_goods(r: Roles) -> None:
    """ "drones flown in from the UAE on cargo planes", "rifles shipped aboard a freighter", "arrived aboard two
    C-130 transport planes", "an Bord einer Antonow": a craft after "aboard" (a cargo vessel after "on"), with
    other goods before it, carries them and is no goods of its own."""
    frame, tokens = r.frame, r.tokens
    if len(frame.items) < 2 or not (r.kind in GIVE or r.kind in ARRIVE or r.kind in RECEIVE):
        return
    first = min(it.start for it in frame.items)
    conveyed = [
        it
        for it in frame.items
        if it.start > first
        and it.category in _VEHICLE_CATEGORIES
        and (
            r.view.lang == "en"
            and _cargo_word(it.text)
            and any(t.lower in _ON_BOARD for t in tokens[max(0, it.start - 2) : it.start])
            or _aboard_before(tokens, it.start)
        )
    ]
    if conveyed and len(conveyed) < len(frame.items):
        frame.items = [it for it in frame.items if it not in conveyed]
        fire(frame, "roles.en.conveyance-after-goods")


def _aboard_before(tokens: list[Token], start: int) -> bool:
    """ "aboard two Brazilian C-130 transport planes", "an Bord einer russischen Antonow": a word of travelling
    aboard a craft, at most six words before it, in the same phrase."""
    for k in range(start - 1, max(-1, start - 7), -1):
        word = tokens[k].lower
        if word in _ABOARD and (word != "bord" or k > 0 and tokens[k - 1].lower == "an"):
            return True
        if not tokens[k].text[:1].isalnum():
            return False
    return False


_ABOARD: Final = words("prep.aboard")


def _cargo_word(text: str) -> bool:
    return any(stem in text.lower() for stem in _CARGO_STEMS)


def _forces_in_service(r: Roles) -> None:
    """ "Ukrainian troops are using Danish-supplied howitzers", "kirgisische Einheiten setzten türkische
    Drohnen ein": the state of the forces that have the goods in service received them."""
    frame, view, trig = r.frame, r.view, r.trig
    if frame.recipients or "trigger.goods-in-service" not in frame.trace:
        return
    forces = {cue.start for cue in view.cues_by_clause[r.c] if "forces" in cue.kinds}
    users = [
        it.origin
        for it in view.mentions.items
        if it.category == "personnel" and it.origin and view.grammar.clause[it.start] == r.c and it.start < trig
    ] + [
        a.id
        for a in view.mentions.actors
        if a.kind in ("adj", "origin") and a.end in forces and a.prep is None and view.grammar.clause[a.start] == r.c
    ]
    users = [u for u in unique(users) if u not in frame.suppliers]
    if users:
        r.receive(users[:1], "roles.receive.forces-in-service")


def _onward_destination(r: Roles) -> None:
    """ "per Schiff nach Conakry und von dort nach Ouagadougou gebracht", "shipped to Djibouti and from there
    on to Addis Ababa": a stop on the way is no recipient; the last destination receives."""
    frame, tokens = r.frame, r.tokens
    if not (r.kind in GIVE or r.kind in ARRIVE) or len(frame.recipients) < 2:
        return
    marked = [g for p in TO | _IN for g in r.by_prep.get(p, []) if set(g.ids) <= set(frame.recipients)]
    marked.sort(key=lambda g: g.first.start)
    if len(marked) < 2:
        return
    between = tokens[marked[0].members[-1].end : marked[-1].first.start]
    if any(t.lower in _ONWARD for t in between):
        r.receive(list(marked[-1].ids), "roles.give.onward-destination")


def _come_from(r: Roles) -> None:
    """ "Die Triebwerke der iranischen Drohnen stammen aus China", "The engines in Iran's drones come from
    China", "came from suppliers in Russia": where goods come from supplies; whose goods they are (a
    genitive or adjective owner) receives - a place named with "in" is no destination here."""
    frame, view, trig = r.frame, r.view, r.trig
    if r.kind not in ARRIVE or frame.trigger.lemma not in _COME_FROM:
        return
    agents = {cue.end for cue in view.cues_by_clause[r.c] if "agent" in cue.kinds}
    actors = view.actors_by_clause[r.c]
    sources = [
        i
        for g in groups(actors, r.tokens)
        if g.first.prep in FROM and g.first.start > trig or g.first.prep in _IN_PLACE and g.first.start - 1 in agents
        for i in g.ids
    ]
    owners = [
        a.id
        for a in actors
        if a.id not in sources
        and (a.start < trig or view.lang == "de")
        and (a.kind.endswith("-gen") or a.genitive or a.kind == "adj" and (a.prep is None or a.prep in _IN_PLACE))
        and not (a.prep in FROM and a.start > trig)
    ]
    if not owners and r.c > 0 and {"item.partitive-part", "item.relative-antecedent"} & set(frame.trace):
        before = view.actors_by_clause[r.c - 1]
        # "Israel's arms imports, most of which come from the United States": whose goods they are
        owners = [a.id for a in before if a.kind.endswith("-gen")]
        if not owners and any(meets(cue.kinds, RECEIVE) for cue in view.cues_by_clause[r.c - 1]):
            # "die RSF hätten Waffenlieferungen erhalten, die aus den Emiraten stammten": who received them
            bare = [g for g in groups(before, r.tokens) if g.first.prep is None and not g.first.genitive]
            owners = list(bare[0].ids) if bare else []
    if not owners:
        # "Die Triebwerke der iranischen Drohnen stammen aus China": the state of the goods they are part of
        owners = [
            a.id
            for a in view.mentions.actors
            if a.kind == "origin" and view.grammar.clause[a.start] == r.c and (a.start < trig or view.lang == "de")
        ]
    owners = [o for o in owners if o not in sources]
    r.supply(unique(sources) or frame.suppliers, "roles.arrive.come-from")
    r.receive(unique(owners), "roles.arrive.come-from")


def _licence_production(r: Roles) -> None:
    """ "Egypt builds K9 howitzers under a licence from South Korea", "fertigt eine Fabrik bei Duschanbe
    Drohnen – mit einer Lizenz aus dem Iran": the licensor supplies technology; who builds, or where, receives."""
    frame, view = r.frame, r.view
    if "trigger.licence-production" not in frame.trace:
        return
    licences = {it.start for it in frame.items}
    licensors = [
        a.id for a in view.mentions.actors if a.prep in FROM and any(0 < a.start - s <= 4 for s in licences)
    ] + [it.origin for it in frame.items if it.origin]
    if not licensors and view.lang == "en":
        # "Egypt is assembling K9 howitzers under licence": the maker of the named system built under it
        licensors = [it.producer for it in view.items_by_clause[r.c] if it.producer and it.start not in licences]
    builders = [i for i in (r.subj.ids if r.subj else []) if i not in licensors]
    if not builders:
        builders = [a.id for a in view.actors_by_clause[r.c] if a.prep in _BUILT_AT and a.id not in licensors]
    r.supply(unique(licensors)[:1], "roles.licence-production")
    r.receive(unique(builders)[:1], "roles.licence-production")
    frame.no_fill = True  # "wo die Fahrzeuge in Lizenz gefertigt werden": a licensor nobody names is no party


def _built_abroad(r: Roles) -> None:
    """A factory built in another state passes technology to it."""
    frame = r.frame
    if r.kind != "build_for" or frame.recipients or "trigger.licence-production" in frame.trace:
        return
    r.receive([i for i in r.prep_ids(_IN_PLACE) if i not in frame.suppliers], "roles.factory-abroad-receives")
    frame.items = [it for it in frame.items if it.category == "technology"]


def _delivery_under_deal(r: Roles) -> None:
    """ "Indonesien unterzeichnete mit Frankreich ein Abkommen zur Lieferung von 42 Rafale", "Egypt signed a contract
    with Italy for the delivery of two frigates": the delivery is between the partners of the deal; the maker's
    side supplies, else the one the signer deals with."""
    frame = r.frame
    noun = r.kind == "give_noun" or r.kind == "give" and r.trig > 0 and r.tokens[r.trig - 1].lower in _DEFINITE_OBJECT
    if not noun or "deal" not in frame.modifiers or r.subj is None:
        return
    partners = r.prep_ids(_WITH)
    signers = [i for i in r.subj.ids if i not in partners]
    if not partners or not signers or r.prep_ids(TO) or r.prep_ids(FROM):
        return
    makers = {it.producer for it in frame.items if it.producer}
    if r.view.lang == "de" and r.kind == "give_noun" and frame.trigger.lemma.startswith(_EXPORT_STEMS_DE):
        # "Die Türkei hat ihre Exporte von Kampfdrohnen erhöht und Verkaufsabkommen mit Marokko ausgehandelt":
        # exports are the signer's own; the partner buys
        r.supply(signers, "roles.de.exports-under-deal")
        r.receive(partners, "roles.de.exports-under-deal")
        return
    if makers & set(signers) and not makers & set(partners):
        supplier, recipient = [s for s in signers if s in makers], partners
    else:
        supplier, recipient = partners, signers
    r.supply(supplier, "roles.deal.delivery-between-partners")
    r.receive(recipient, "roles.deal.delivery-between-partners")


def _delivery_foreseen_by_deal(r: Roles) -> None:
    """ "La Paz defended a memorandum with Tehran that foresees the delivery of Iranian drones", "Frankreich
    unterzeichnete mit Serbien einen Vertrag, der die Lieferung von zwölf Rafale vorsieht": a delivery in a
    relative clause on a deal is between the deal's partners; whoever of them does not supply receives."""
    frame, view = r.frame, r.view
    if r.kind not in GIVE or frame.recipients or frame.passive:
        return
    lang = view.lang
    relative, framework = _RELATIVE[lang], _FRAMEWORK_DEALS[lang]
    rule = "roles.en.delivery-foreseen-by-deal" if lang == "en" else "roles.de.delivery-foreseen-by-deal"
    for k in range(r.c - 1, max(-1, r.c - 4), -1):
        start, end = view.grammar.clauses[k]
        if not any("deal" in x.kinds for x in view.cues_by_clause[k]) and not any(
            t.lemma in framework for t in r.tokens[start:end]
        ):
            continue
        if not any(
            r.tokens[view.grammar.clauses[j][0] + (r.tokens[view.grammar.clauses[j][0]].text == ",")].lower in relative
            for j in range(k + 1, r.c + 1)
        ):
            return
        partners = unique([a.id for a in view.actors_by_clause[k] if a.prep in _WITH and not a.genitive])
        signers = unique(
            [a.id for a in view.actors_by_clause[k] if a.prep is None and not a.genitive and a.id not in partners]
        )
        if len(partners) != 1 or len(signers) != 1:
            return
        # the relative pronoun stands for the deal, not for a party: the goods' origin or maker says who supplies
        makers = unique([it.producer for it in frame.items if it.producer])
        supplier = (unique(r.origin) or makers)[:1]
        if supplier == partners:
            r.supply(partners, rule)
            r.receive(signers, rule)
        elif supplier == signers:
            r.supply(signers, rule)
            r.receive(partners, rule)
        return


_ARMS_TRADE: Final = words("noun.arms-trade")
_RANKING_SCOPE: Final = words("noun.ranking-scope")
_ROLE_TO: Final = words("prep.role-counterpart-recipient")
_ROLE_FROM: Final = words("prep.role-counterpart-supplier")


def _role_noun(r: Roles) -> None:
    """ "Russland ist Indiens wichtigster Waffenlieferant", "Größtes Empfängerland war Brasilien", "Turkmenistan
    zählt zu den Kunden des Herstellers Baykar": a noun of the role leads. Who holds the role (the subject or
    the complement, or a state adjective of the noun: "ein türkischer Kunde") supplies or receives; its owner
    ("Indiens", "India's", "des Herstellers Baykar") or an of/to/from phrase is the other side."""
    frame = r.frame
    cue = frame.trigger
    if not cue.kinds & ROLE_NOUNS or _other_trade(r, cue):
        return
    # (a state adjective after the noun is the origin of its complement: "Abnehmer Schweizer Kriegsmaterials")
    after = [g for g in r.bare if g.first.kind in ("adj", "demonym") and g.first.start > cue.start]
    holders = [i for g in r.bare if g not in after for i in g.ids]
    holders += [
        a.id
        for a in r.view.actors_by_clause[r.c]
        if a.kind in ("adj", "demonym") and cue.start - 2 <= a.end <= cue.start and a.id not in holders
    ]
    if not holders and "client" not in cue.kinds and "grammar.subject-of-governing-clause" in frame.trace:
        # "One Kyrgyz company founded last year, …, has been a supplier of chips to Russia": the subject the
        # clause inherits holds the role
        holders = list(frame.suppliers)
    owners = [i for g in r.genitives for i in g.ids if i not in holders]
    if not owners:
        # "zu den wichtigsten Waffenlieferanten Indiens": the preposition governs the role noun; the genitive
        # right after the noun owns it
        owners = [
            i
            for g in r.own
            if g.first.genitive and g.first.start == cue.end and g.first.prep is not None
            for i in g.ids
            if i not in holders
        ]
        if owners:
            fire(frame, "grammar.de.genitive-after-role-noun")
    if not owners and r.view.lang == "en":
        # "one of Germany's main arms customers": "of" governs the whole phrase; the possessive owns the noun
        owners = [
            i
            for g in r.own
            if g.first.genitive and g.first.text.endswith(("'s", "’s")) and 0 <= cue.start - g.members[-1].end <= 3
            for i in g.ids
            if i not in holders
        ]
        if owners:
            fire(frame, "grammar.en.possessive-inside-of-phrase-owns")
    client = "client" in cue.kinds
    others = owners or [i for i in r.prep_ids(_ROLE_FROM if client else _ROLE_TO) if i not in holders]
    if client and not others:
        # "the largest recipient of Russian arms", "Abnehmer Schweizer Kriegsmaterials"
        others = r.origin[:1] or [i for g in after for i in g.ids][:1]
    if not holders or not (client or others):
        frame.no_fill = True  # "tritt Japan als Lieferant auf": to whom, the story does not say
        return
    if not others and any(t.lower in _RANKING_SCOPE for t in r.tokens[cue.end : cue.end + 4]):
        frame.no_fill = True  # "zu den größten Waffenimporteuren der Welt": a world ranking names no supplier
    rule = "roles.role-noun.customer-receives" if client else "roles.role-noun.supplier-supplies"
    r.supply(others if client else holders, rule)
    r.receive(holders if client else others, rule)
    frame.role_noun = True
    frame.trigger_kind = "give_noun"
    if _hedged_role(r.tokens, cue):
        # "nannte Bolivien und Peru als mögliche Kunden", "a potential customer for Swedish jets": a role that
        # may come is weighed, not held
        frame.modifiers.add("consider")
        fire(frame, "mod.hedged-role-noun")


_ROLE_HEDGES: Final = words("adjective.hedge-before-role")


def _hedged_role(tokens: list[Token], cue: CueMention) -> bool:
    """A hedging adjective right before the role noun ("mögliche Kunden", "potential buyer")."""
    k = cue.start - 1
    return k >= 0 and (tokens[k].lower in _ROLE_HEDGES or tokens[k].lemma in _ROLE_HEDGES)


def _other_trade(r: Roles, cue: CueMention) -> bool:
    """ "Russland ist einer der größten Abnehmer ecuadorianischer Bananen", "buyer of Ecuadorian bananas": the noun
    after the role noun is no goods, actor or arms trade, so the role is in another trade."""
    tokens, view = r.tokens, r.view
    named = {i for a in view.mentions.actors if a.kind not in ("adj", "demonym") for i in range(a.start, a.end)}
    named |= {i for it in view.mentions.items for i in range(it.start, it.end)}
    adjectives = {i for a in view.mentions.actors if a.kind in ("adj", "demonym") for i in range(a.start, a.end)}
    start = cue.end
    if view.lang == "en":
        if start >= len(tokens) or tokens[start].lower != "of":
            return False
        start += 1
    for k in range(start, min(len(tokens), start + 4)):
        tok = tokens[k]
        if not tok.letter_first or k in named or tok.lower.endswith(tuple(_ARMS_TRADE)):
            return False
        if k in adjectives or tok.lower in _RANKING_SCOPE:
            continue  # "Abnehmer Schweizer Kriegsmaterials": the origin of what follows; "der Welt": a ranking
        end = k + 1 == len(tokens) or not tokens[k + 1].letter_first
        noun = tok.capitalised if view.lang == "de" else end
        if noun and tok.lower not in ARTICLES:
            return True
    return False


def _asker_of_exports(r: Roles) -> None:
    """ "Türkiye has repeatedly requested the resumption of exports of these components": whoever asks for
    exports in its own clause is who would receive them; the exporter comes from elsewhere."""
    frame = r.frame
    view = r.view
    tokens = r.tokens
    if view.lang != "en" or r.kind not in GIVE or frame.passive or frame.recipients or r.subj is None:
        return
    if "request" not in frame.modifiers or r.subj.ids != frame.suppliers:
        return
    asked = [
        x
        for x in view.cues_by_clause[r.c]
        if "request" in x.kinds
        and tokens[x.start].lowercase
        and r.subj.members[-1].end <= x.start < frame.trigger.start
    ]
    if not asked:
        return
    r.receive(list(frame.suppliers), "roles.en.asker-of-exports-receives")
    r.supply([], "roles.en.asker-of-exports-receives")


def _deployed_in_a_place(r: Roles) -> None:
    """ "continued to deploy troops in North and South Kivu": forces deployed in a place no lexicon knows are
    stationed there; the story's state does not become their recipient."""
    frame = r.frame
    view = r.view
    tokens = r.tokens
    if view.lang != "en" or frame.recipients or r.kind not in GIVE:
        return
    if not frame.items or any(it.category != "personnel" for it in frame.items):
        return
    clause = view.grammar.clause
    taken = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    for k in range(frame.trigger.end, len(tokens) - 1):
        if clause[k] != frame.clause:
            break
        word = tokens[k + 1]
        if (
            tokens[k].lower in _PLACE_OF_TRAINING
            and k + 1 not in taken
            and word.capitalised
            and word.alphabetic
            and word.lower not in _DATE_WORDS
        ):
            frame.no_fill = True
            fire(frame, "roles.en.deployed-in-a-place")
            return


def _carried_from(r: Roles) -> None:
    """ "Rail wagons took 40,000 mortar rounds from Belarus to Russia": goods carried from a state to another
    leave the state they are carried from."""
    frame = r.frame
    if "trigger.carry-to" not in frame.trace or frame.suppliers or not frame.recipients:
        return
    sources = [i for i in r.prep_ids(FROM) if i not in frame.recipients]
    if sources:
        r.supply(sources[:1], "roles.carried-from-source")


def _indefinite_relative_subject(r: Roles) -> None:
    """ "will punish anyone who sells drones to Russia", "tools against those who supply weapons to the RSF": the
    subject is whoever might do it, nobody named; no state from the sentence or the discourse takes its place."""
    frame = r.frame
    view = r.view
    tokens = r.tokens
    if view.lang != "en" or frame.passive or not (r.kind in GIVE or r.kind in RECEIVE):
        return
    named = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    head = -1
    for k in range(r.trig - 1, max(-1, r.trig - 4), -1):
        if k in named or not tokens[k].letter_first:
            return
        if tokens[k].lower in _INDEFINITE_PEOPLE:
            head = k  # "whoever sells …"
            break
        if tokens[k].lower in _RELATIVE_SUBJECTS:
            head = k - 1 if k > 0 and tokens[k - 1].text != "," else k - 2
            break
    if head < 0 or tokens[head].lower not in _INDEFINITE_PEOPLE:
        return
    if r.kind in GIVE:
        r.supply([], "roles.en.indefinite-relative-subject")
    else:
        r.receive([], "roles.en.indefinite-relative-subject")
    frame.no_fill = True
    fire(frame, "roles.en.indefinite-relative-subject")


def _unknown_party_to(r: Roles) -> None:
    """ "accused Algiers of supplying drones to the Polisario": a to-phrase after the verb naming a party we do not
    know is the recipient all the same; the discourse must not put a known state in its place."""
    frame = r.frame
    view = r.view
    tokens = r.tokens
    if view.lang != "en" or frame.recipients or frame.passive or r.kind not in GIVE:
        return
    clause = view.grammar.clause
    taken = {i for a in view.mentions.actors for i in range(a.start, a.end)}
    taken |= {i for it in view.mentions.items for i in range(it.start, it.end)}
    for k in range(frame.trigger.end, len(tokens) - 1):
        if clause[k] != frame.clause:
            break
        if tokens[k].lower not in TO or k in taken:
            continue
        j = k + 1
        if tokens[j].lower in ARTICLES and j + 1 < len(tokens):
            j += 1
        word = tokens[j]
        if j in taken or not word.capitalised or not word.letter_first or clause[j] != frame.clause:
            continue
        frame.no_fill = True
        fire(frame, "roles.en.unknown-party-to")
        return


def _pair_subject(r: Roles) -> None:
    """ "The two states signed a contract …": both sides act together; the discourse resolves which is which
    (``coref.the-two-states``), so the pair stands in a role until then."""
    frame = r.frame
    if r.subj is not None and r.subj.ids == [PAIR] and not frame.suppliers and not frame.recipients:
        frame.recipients = [PAIR]


def _from_place(r: Roles) -> None:
    """ "Eurofighter, die von Großbritannien aus geliefert würden": "von X aus" names the place the goods
    leave from, the supplier (not a passive agent, never a recipient)."""
    if r.view.lang != "de" or r.kind not in GIVE:
        return
    tokens = r.tokens
    found = [
        i
        for g in r.by_prep.get("von", [])
        if g.members[-1].end < len(tokens) and tokens[g.members[-1].end].lower in _VON_AUS
        for i in g.ids
    ]
    if found:
        r.receive([x for x in r.frame.recipients if x not in found], "roles.give.de.from-place")
        r.supply(found, "roles.give.de.from-place")


def _replaced_as(r: Roles) -> None:
    """ "China, which has replaced the United States as Thailand's biggest arms supplier", "Turkey has overtaken
    Russia as Azerbaijan's main supplier": the state replaced "as" a supplier is a former supplier, neither side
    of this transfer; the one who replaced it supplies, the possessor after "as" receives."""
    if r.view.lang != "en" or r.kind != "sell":
        return
    tokens = r.tokens
    start, end = r.view.grammar.clauses[r.c]
    actors = r.view.actors_by_clause[r.c]
    for a in actors:
        if a.end >= end or tokens[a.end].lower not in _AS:
            continue
        before = [t for t in tokens[max(start, a.start - 2) : a.start] if t.lower not in _THE]
        if not before or before[-1].lemma not in _REPLACE:
            continue
        owner = None
        for b in actors:
            if b.start == a.end + 1 and b.genitive:
                owner = b
                break
        verb = before[-1].i
        subject = [b.id for b in actors if b.end <= verb and b.prep is None and not b.genitive]
        if subject and subject[-1] != a.id:
            r.supply([subject[-1]], "roles.en.replaced-as-supplier")
        if "agent" in r.frame.trigger.kinds:
            r.frame.trigger_kind = "give_noun"  # a supplier named by its role has delivered, as "X is Y's supplier"
        if owner is not None:
            r.receive([owner.id], "roles.en.replaced-as-supplier")
        else:
            r.receive([x for x in r.frame.recipients if x != a.id], "roles.en.replaced-as-supplier")
        return


def _possessed_agent(r: Roles) -> None:
    """ "helicopters built by Lockheed Martin's Polish subsidiary PZL Mielec": the by-phrase's head is the firm
    the possessive owns; the goods leave from that firm's state, not the owner's."""
    if r.view.lang != "en" or not r.frame.suppliers:
        return
    actors = r.view.actors_by_clause[r.c]
    for g in r.by_prep.get("by", []):
        if not g.first.text.endswith(("'s", "’s")) or not set(g.ids) & set(r.frame.suppliers):
            continue
        end = g.members[-1].end
        owned = next(
            (a for a in actors if end <= a.start <= end + 2 and a.kind in ("org", "name") and a.prep is None), None
        )
        if owned is not None and owned.id not in g.ids and owned.id not in r.frame.recipients:
            r.supply([owned.id if x in g.ids else x for x in r.frame.suppliers], "roles.en.possessed-agent")


def _gapped_firms(r: Roles) -> None:
    """ "Dassault liefert die Flugzeuge, Thales die Radargeräte und Safran die Triebwerke": firms of the
    supplier's state after a comma or "und", each followed by its own goods, share the verb as its subjects;
    they divide the supply among them and receive nothing."""
    frame, tokens = r.frame, r.tokens
    if r.view.lang != "de" or r.kind not in GIVE or frame.passive or not frame.recipients or not frame.suppliers:
        return
    starts = {it.start for it in frame.items}
    gapped = set()
    for g in r.own:
        first, end = g.first, g.members[-1].end
        if first.kind != "org" or first.prep is not None or first.start == 0:
            continue
        if tokens[first.start - 1].text != "," and tokens[first.start - 1].lower not in _AND:
            continue
        if end + 1 < len(tokens) and tokens[end].lower in ARTICLES and any(end < k <= end + 3 for k in starts):
            gapped.update(g.ids)
    if gapped and gapped <= set(frame.suppliers) and gapped & set(frame.recipients):
        r.receive([x for x in frame.recipients if x not in gapped], "roles.de.gapped-firms-supply")


# In this order; a later construction overrides an earlier one.
def _possessor_of_punished_supply(r: Roles) -> None:
    """ "sanctions against the Islamic Republic over its supply of drones to Russia", "Sanktionen gegen Iran
    wegen seiner Lieferungen an Russland": the possessive of a supply that a measure punishes is the measure's
    target, who supplies."""
    frame, tokens, view = r.frame, r.tokens, r.view
    if frame.trigger_kind not in GIVE or frame.trigger.start < 2:
        return
    if tokens[frame.trigger.start - 1].lower not in _POSSESSIVES:
        return
    if not any("sanction" in x.kinds and x.end <= frame.trigger.start for x in view.mentions.cues):
        return
    targets = [
        a
        for a in view.mentions.actors
        if a.prep in _AGAINST and a.end < frame.trigger.start and a.id not in frame.recipients
    ]
    if targets:
        r.supply([targets[-1].id], "roles.possessor-of-punished-supply")


def _owner_of_supported_war(r: Roles) -> None:
    """ "den russischen Angriffskrieg mit Drohnen zu unterstützen", "to support Russia's war with drones": whose
    war is supported with goods receives them."""
    frame, tokens = r.frame, r.tokens
    if r.kind != "support" or frame.recipients:
        return
    for a in r.view.actors_by_clause[r.c]:
        if a.id in frame.suppliers or a.prep is not None or a.kind not in ("adj", "name-gen", "capital-gen"):
            continue
        if a.end < len(tokens) and tokens[a.end].lower in _WAR_NOUNS:
            r.receive([a.id], "roles.owner-of-supported-war")
            return


def _constructions(r: Roles) -> None:
    """The role constructions, in order: each looks for its own construction and fills what it finds.

    Written out as direct calls, not a loop over a tuple of functions: compiled, a call through a tuple is a
    generic Python call (arguments boxed, the callee's wrapper parsing them) of about 540 instructions, and the
    46 constructions run for every transfer frame (2.5 % of extraction); a direct call is a plain C call.
    A new construction is one more line here, where its place in the order is decided.
    """
    _delivery_under_deal(r)
    _delivery_foreseen_by_deal(r)
    _role_noun(r)
    _pair_subject(r)
    _accused_of_supplying(r)
    _target_of_measure_for_delivery(r)
    _accused_of_buying(r)
    _promised_one_receives(r)
    _holder_in_service_receives(r)
    _reactor_is_no_party(r)
    _owner_of_goods_sold_sells(r)
    _owner_of_list_receives_nothing(r)
    _attributive_participle_agent(r)
    _attributive_order_phrase(r)
    _answered_request(r)
    _seized_shipment(r)
    _permitted_reexport(r)
    _de_parts_for_forces_systems(r)
    _stocks_of_a_state(r)
    _refused_purchase(r)
    _durch_agent(r)
    _deal_partners_by_maker(r)
    _forces_and_maker_sign(r)
    _deal_partner_of_infinitive(r)
    _licence_production(r)
    _user_of_supplied_goods(r)
    _purpose_clause_receiver(r)
    _adjective_on_supply_noun(r)
    _relative_pronoun_subject(r)
    _each_from_its_source(r)
    _each_by_its_maker(r)
    _vehicle_subject(r)
    _forces_in_service(r)
    _onward_destination(r)
    _come_from(r)
    _built_abroad(r)
    _unknown_party_to(r)
    _deployed_in_a_place(r)
    _carried_from(r)
    _conveyance_after_goods(r)
    _indefinite_relative_subject(r)
    _asker_of_exports(r)
    _from_place(r)
    _replaced_as(r)
    _possessed_agent(r)
    _gapped_firms(r)
    _owner_of_supported_war(r)
    _possessor_of_punished_supply(r)


# --------------------------------------------------------------------------- trainees and service


def _trainees_before(tokens: list[Token], start: int) -> bool:
    """A noun of people being trained right before the verb, auxiliaries aside ("pilots train",
    "officers are training")."""
    k = start - 1
    while k >= 0 and tokens[k].lower in _AUX_BEFORE_TRAIN:
        k -= 1
    return k >= 0 and tokens[k].lower in _TRAINEES


def trainees(view: ClauseView, frame: Frame) -> None:
    """ "sent instructors to Britain to train Ukrainian recruits", "sollten nigrische Soldaten schulen":
    the forces being trained receive the trainers, wherever the training takes place."""
    c, grammar, cues = frame.clause, view.grammar, view.cues_by_clause
    scope = [c] + ([c + 1] if c + 1 < len(cues) and grammar.infinitive[c + 1] else [])
    if not any("train" in cue.kinds for k in scope for cue in cues[k]):
        return
    forces = {cue.start for k in scope for cue in cues[k] if "forces" in cue.kinds}
    found = [
        a
        for a in view.mentions.actors
        if grammar.clause[a.start] in scope
        and a.kind in ("adj", "origin")
        and a.prep is None
        and a.end in forces
        and (a.id not in frame.suppliers or len(frame.suppliers) > 1)
    ]
    if not found:
        return
    implied = all(it.start == frame.trigger.start for it in frame.items)
    if (
        view.lang == "en"
        and implied
        and not any(
            a.prep in _PLACE_OF_TRAINING and a.id not in frame.suppliers and a.kind not in ("adj", "demonym")
            for a in view.mentions.actors
        )
    ):
        # "Denmark has begun training Ukrainian pilots": no trainers are said to go anywhere (abroad, "in
        # Romania", or to the trainees' state); by the contract no personnel move
        frame.suppliers = []
        frame.recipients = []
        frame.no_fill = True
        fire(frame, "roles.en.training-at-home")
        return
    # "German instructors are training Ukrainian soldiers in Lithuania": the trainers' state supplies, the
    # trainees' state receives, wherever the training is (as the dev corpus annotates "sent instructors to
    # Britain to train Ukrainian recruits")
    frame.suppliers = [s for s in frame.suppliers if s != found[0].id]
    frame.recipients = [found[0].id]
    fire(frame, "roles.trainees-receive-trainers")
    frame.rule = "roles.trainees-receive-trainers"
    frame.items = [it for it in frame.items if it.origin != found[0].id]
    if not frame.items:  # "bildet ukrainische Soldaten aus": the trainers are what is sent
        trig = frame.trigger
        frame.items = [ItemMention(trig.start, trig.end, "personnel", text=view.tokens[trig.start].text)]


def service_roles(frame: Frame, actors: list[ActorMention], cue: CueMention) -> None:
    """Who serves with whom: the people whose state stands unmarked ("Nordkoreanische Soldaten") are
    sent; the forces they serve ("an der Seite russischer Truppen", "in the Russian army", "für
    Russland") receive them."""
    by_start = {a.start: a for a in actors}
    sent = [it for it in frame.items if it.category == "personnel" and it.origin]
    senders = [it for it in sent if by_start.get(it.start - 1) is None or by_start[it.start - 1].prep is None]
    hosts = [
        a.id
        for a in actors
        if a.start > cue.start
        and (a.prep in _SERVE_WITH or a.kind in ("adj", "origin", "adj-gen", "name-gen") and a.prep in _SERVE_IN)
    ]  # a state's forces served in; "fighting in Ukraine" is only a place, "gegen russische Truppen" the enemy
    at_work = "trigger.en.personnel-at-work" in frame.trace
    if at_work:
        origins = {it.origin for it in senders}
        # "help Venezuela's armed forces", "help Iraqi crews": the forces worked for; "stationed near Harare":
        # the host
        hosts += [
            a.id
            for a in actors
            if a.id not in origins
            and (
                a.start > cue.start
                and a.prep is None
                and a.kind in ("adj", "adj-gen", "name-gen", "name")
                or a.prep in _STATION_PLACE
                and (a.start < cue.start or cue.lemma in _WORK_AT_PLACE)
            )
        ]  # ("Russian instructors are working in Mali": the place worked in hosts them)
    suppliers = unique([it.origin for it in senders if it.origin and it.origin not in hosts])
    frame.items = [it for it in frame.items if it in senders]
    frame.suppliers, frame.recipients = (suppliers, unique(hosts)) if suppliers and hosts else ([], [])
    if at_work and suppliers and not hosts:
        frame.suppliers = suppliers  # "Turkish instructors accompanied the drones": whom, the story says
