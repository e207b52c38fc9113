"""From frames to events: coreference, discourse, status and attribution, one event per key.

This stage carries the discourse across sentences: who spoke last (reported speech in
Konjunktiv I continues an attribution), which state "das Land" or "the country" stands for
(``coref.*``), which item "die Systeme" or "the missiles" refer to, which transfer an elliptical
follow-up continues, and which side the story's own state takes when a sentence names only one
(``discourse.*``). Status comes from the table in ``rules/status.tsv`` (``status.py``). Every
rule that decided something goes on the event's trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from armsflow.attribution import is_subjunctive
from armsflow.frame import GIVE, RECEIVE, Frame, fire, reject
from armsflow.grammar import part_subject, unique
from armsflow.lexicons import word_list, word_stems, word_values, words
from armsflow.mentions import (
    COMPANY,
    GROUP,
    PAIR,
    REGION_PREFIX,
    ActorMention,
    CueMention,
    ItemMention,
    Mentions,
    is_reference,
    is_state,
    meets,
)
from armsflow.model import Event
from armsflow.status import decide
from armsflow.text.segment import LEMMA, Sentence, Token, word_class, word_class_where

_PASSIVE_AUX: Final = words("aux.passive")
_OF_EN: Final = words("prep.of", "en")
_IN_RETURN: Final = words("noun.in-return", "de")
_POSSESSIVES: Final = words("pronoun.possessive-opening")
_AGAINST_EN: Final = words("prep.against-threat", "en")
_BUYING: Final = frozenset({"buy", "order", "get"})
_BUYING_OR_ASKING: Final = _BUYING | {"request"}
_DEFINITE_BEFORE_WEAPONS: Final = words("determiner.before-general-weapons")
_GENERAL_WEAPONS: Final = words("noun.general-weapons")
_TRADE_HEADS: Final = words("noun.trade-head-after-weapons")
_BACK_TO_LISTED: Final = words("determiner.back-to-listed")
_LOCATED: Final = tuple(tuple(p.split()) for p in sorted(words("phrase.located-in")))
_FROM_THERE: Final = tuple(tuple(p.split()) for p in sorted(words("phrase.from-there")))
_VAGUE_PARTNERS: Final = words("noun.vague-partner")
_EXAMPLE_MARKERS: Final = words("prep.such-as")
_EXAMPLE_ARTICLES: Final = words("article.definite-short")
_TENSE_MARKS: Final = frozenset({"past", "future"})
_OF_THIS_TYPE: Final = tuple(tuple(p.split()) for p in sorted(words("phrase.of-this-type")))
_OF_THIS_TYPE_FIRST: Final = frozenset(p[0] for p in _OF_THIS_TYPE)
_PARTITIVE_LINKS: Final = {
    lang: tuple(tuple(p.split()) for p in sorted(words("phrase.partitive-definite", lang))) for lang in ("de", "en")
}
# (the small numbers from two on, and the quantifiers and larger numbers of the partitive's own list)
_PARTITIVE_COUNTS: Final = words("quantifier.partitive-count") | {
    w for w, v in word_values("number.small").items() if v != "1"
}
_GO_PRESENT: Final = words("verb.de.go-present", "de")
_CLASSIFIERS: Final = words("noun.member-classifier")
_VAGUE_HEADS: Final = word_stems("noun.vague-partner-head")
_BOTH: Final = words("det.both", "en")
_DEAL_BACK_DETERMINERS: Final = words("determiner.deal-named-back", "en")
_INCLUDE_VERBS: Final = words("verb.include", "en")
_MISSILES: Final = ("ballistic-missile", "cruise-missile", "other-missile", "anti-tank-weapon", "air-defence-system")
_AIRCRAFT: Final = ("combat-aircraft", "other-aircraft")
_PLATFORMS: Final = frozenset({"combat-aircraft", "other-aircraft", "helicopter", "ship", "armoured-vehicle", "uav"})
# Categories a general word may stand for when a demonstrative points back to a named system of another one.
_FAMILIES: Final = (_AIRCRAFT, ("ballistic-missile", "cruise-missile", "other-missile"))
_DEMONSTRATIVES: Final = words("determiner.demonstrative-back")
_PRONOUNS: Final = words("pronoun.speaker")
_THAT: Final = words("pronoun.points-back")
_COUNTRY_WORDS: Final = word_stems("noun.country-reference-end")
_DEFINITE: Final = words("determiner.known-goods")
_SUPRANATIONAL: Final = ("EU", "NATO", "UN")
_MEASURES_ONLY: Final = ("UN",)  # an organisation that imposes measures and exports nothing
# What a reference can take up, by its kind ("das Königreich": a monarchy); other references take any state.
_INSTITUTIONS: Final = ("@forces", "@government")
_PLACE: Final = words("prep.in-place")
_DIRECTION: Final = words("article.accusative-direction", "de")
_REFERENT_KINDS: Final = {
    "@monarchy": words("state.monarchy"),
    "@junta": words("state.military-rule"),
    "@emirate": words("state.emirate"),
    "@islamic-republic": words("state.islamic-republic"),
}
_REGION_STATES: Final = {region: frozenset(ids.split()) for region, ids in word_values("region.states").items()}


def _allowed_referents(ref: str) -> frozenset[str] | None:
    """The states a reference can take up: by its kind ("das Königreich": a monarchy) or by its region ("the
    Southeast Asian country"); None when any state can."""
    if ref.startswith(REGION_PREFIX):
        return _REGION_STATES.get(ref[len(REGION_PREFIX) :], frozenset())
    return _REFERENT_KINDS.get(ref)


_DESTINATION_PREPS: Final = words("prep.destination-of-exports")
_PLACE_PREPS: Final = words("prep.place-of-story", "de")
_ORIGIN_PREPS: Final = words("prep.origin")
_FOR_PREPS: Final = words("prep.topic-recipient")
_ADDITIVE: Final = words("adverb.additive")
_ADDITIVE_OPENERS: Final = _ADDITIVE | words("determiner.one-more")
_COMPLEMENTIZERS: Final = words("conj.complement")
_DEFINITE_MEASURE: Final = words("article.definite-measure")
_NAMED_MEASURE_DETERMINERS: Final = _DEFINITE_MEASURE | words("pronoun.possessive")
_NAMED_BEFORE: Final = frozenset({"named_before"})
_GIVING: Final = frozenset({"give", "give_noun"})
_GENITIVE_LINKS: Final = words("article.genitive-link")
_ARTICLES: Final = words("article.any")
_OWN_POSSESSIVES: Final = words("determiner.own-possessive")
_PAIR_LINKS: Final = words("link.pair")
_SEQUENCE: Final = words("verb.sequence") | words("participle.sequence")
_SEQUENCE_BITS: Final = word_class(_SEQUENCE, LEMMA) | word_class(_SEQUENCE)  # its lemma or its form
_SHARES: Final = words("noun.share")
_SHARE_PREPS: Final = words("prep.share-goes-to")

_COUNCILS: Final = word_list("actor.council", "*")
_CLAIMS: Final = words("noun.claim", "en")
# Goods a general export measure covers: its refused transfer is the measure itself.
_GENERAL_GOODS: Final = frozenset({"military-equipment", "technology"})
# Trigger kinds of a purchase or deal, whose buyer a threat of sanctions is against.
_PURCHASE_KINDS: Final = frozenset({"buy", "order", "deal"})
_TREASURIES: Final = word_list("actor.treasury", "*")
# Modalities of a measure announced, threatened or weighed: "neue Strafmaßnahmen angekündigt".
_ANNOUNCED: Final = frozenset({"threaten", "intend", "future", "consider"})
# The rules by which the sentence's subject imposes a measure.
_SUBJECT_IMPOSES: Final = frozenset({"sanction.subject-imposes", "sanction.subject-of-earlier-clause"})
# How many sentences back a measure named again with a definite article ("Die Sanktionen …") may have been reported.
_MEASURE_NAMED_AGAIN_WITHIN: Final = 8


@dataclass(slots=True)
class Discourse:
    """What earlier sentences established."""

    actors: list[tuple[int, str]] = field(default_factory=list)  # (sentence, id) in order
    source: tuple[int, str] | None = None
    person_source: str | None = None
    last_transfer: tuple[int, list[str], list[str], list[ItemMention]] | None = None
    # sentence, suppliers, recipients and statuses of the latest transfer or announced package
    last_package: tuple[int, list[str], list[str], list[str]] | None = None
    items: list[ItemMention] = field(default_factory=list)
    last_named: tuple[int, list[ItemMention]] | None = None  # the latest sentence naming goods, and its goods
    # the latest sentence whose subject uses goods ("The Houthis fired drones …"): sentence, users, categories
    last_users: tuple[int, list[str], set[str]] | None = None
    # a measure on firms or people whose states are not named yet: sentence, imposers, statuses, trace
    open_measure: tuple[int, list[str], list[str], list[str]] | None = None
    imposers: dict[str, int] = field(default_factory=dict)  # how often each actor imposed a measure
    last_targets: tuple[int, list[str]] | None = None  # sentence and targets of the latest measure
    last_imposers: list[str] = field(default_factory=list)  # imposers of the latest measure
    last_joint: tuple[int, list[str]] | None = None  # sentence and imposers of the latest measure by several
    subjects: dict[int, str] = field(default_factory=dict)  # sentence -> the state opening it as its subject
    imposer_order: list[str] = field(default_factory=list)
    suppliers_seen: set[str] = field(default_factory=set)  # who has supplied in a transfer stated so far
    recipients_seen: set[str] = field(default_factory=set)  # who has received
    supplied: dict[str, int] = field(default_factory=dict)  # how many transfers each actor supplied in
    received: dict[str, int] = field(default_factory=dict)  # how many transfers each actor received in
    firms: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, token, state) of named firms
    # Per actor, the sum of its mentions' weights by position (title, lead, later) times their weight: what
    # ``salient`` ranks by. Kept as mentions arrive, so asking costs the number of actors, not of mentions
    # (a long document asks once per clause, which made the document's cost grow with its square).
    totals: dict[str, float] = field(default_factory=dict)
    home_totals: dict[str, float] = field(default_factory=dict)

    def mention(self, sent: int, actor: ActorMention) -> None:
        """Note one mention of a (non-reference) actor in sentence ``sent`` (-1: the title)."""
        self.actors.append((sent, actor.id))
        weight, home = _mention_weight(actor), _home_weight(actor)  # as the place talked about; as exporter
        position = 3.0 if sent < 0 else 2.0 if sent == 0 else 1.0
        self.totals[actor.id] = self.totals.get(actor.id, 0.0) + position * weight
        self.home_totals[actor.id] = self.home_totals.get(actor.id, 0.0) + position * home

    topics: list[tuple[int, frozenset[str], str]] = field(default_factory=list)  # goods "für Kiew" talked about
    last_pair: tuple[int, tuple[str, str]] | None = None  # two states last named together ("Egypt and China")
    # a transfer stated without its recipient: (sentence, suppliers, goods, statuses)
    open_transfer: tuple[int, list[str], list[ItemMention], list[str]] | None = None
    targets: dict[str, int] = field(default_factory=dict)  # how often each actor was a measure's target


_ORIGIN_KINDS: Final = ("adj", "origin", "demonym", "org", "org-gen")


def _named_examples_follow(tokens: list[Token], k: int, in_names: set[int]) -> bool:
    """ "an Staaten wie die USA, Spanien oder Tschechien", "to countries such as Poland": the states are
    named right after the vague word, by examples."""
    j = k + 1
    while j < len(tokens) and j - k <= 5 and tokens[j].lower in _EXAMPLE_MARKERS:  # ("(z. B." is five tokens)
        j += 1
    if j == k + 1:
        return False
    return _name_starts_at(tokens, j, in_names)


def _name_starts_at(tokens: list[Token], j: int, in_names: set[int]) -> bool:
    """A state's name starts at ``j``, after articles and a classifying title ("the NATO member Poland", "EU
    country Hungary", "ally Qatar"): a list of examples or of the states included often names them so."""
    while j < len(tokens) and tokens[j].lower in _EXAMPLE_ARTICLES:
        j += 1
    if j < len(tokens) and tokens[j].lower in _CLASSIFIERS:
        j += 1
    elif j + 1 < len(tokens) and tokens[j + 1].lower in _CLASSIFIERS and tokens[j].capitalised:
        j += 2
    return j in in_names


def _standing_for(item: ItemMention, named: ItemMention) -> ItemMention:
    """The mention ``item`` (its place, words and quantity) standing for the goods ``named`` before (their category,
    designation, origin and maker)."""
    return ItemMention(
        item.start, item.end, named.category, named.designation, item.quantity, named.origin, named.producer, item.text
    )


# Kinds of frames whose missing seller a firm reporting them is: selling, giving, deals, orders, purchases
_FIRM_SELLS: Final = frozenset({"sell", "give", "give_noun", "deal", "order", "buy"})


def _listed_by_include(tokens: list[Token], k: int, in_names: set[int], cues: list[CueMention]) -> bool:
    """ "The countries to which the drone has been exported include Poland, Qatar …": a verb of including after
    the vague word names the states it stands for, right after it."""
    for cue in cues:
        if "include" in cue.kinds and cue.start > k:
            if _name_starts_at(tokens, cue.end, in_names):
                return True
    return False


def _vague(word: str) -> bool:
    """Unnamed states as a party: "Verbündete", "allies", and compounds with them ("EU-Staaten", "Golfstaaten",
    "Nato-Partner"): no side can be filled in from the discourse then. (Asked for every word of a sentence with
    a frame: a word class, worked out once per word form, see ``_VAGUE_WORD``.)"""
    head = word.rsplit("-", 1)[-1]
    return (
        word in _VAGUE_PARTNERS
        or head in _VAGUE_PARTNERS
        or any(word.endswith(v) and len(word) > len(v) + 3 for v in _VAGUE_HEADS)
    )


_VAGUE_WORD: Final = word_class_where(_vague)


def _partners_in_cooperation(tokens: list, k: int) -> bool:
    """ "In close cooperation with our allies, we have donated …", "in Abstimmung mit den Verbündeten": unnamed
    partners after "with" a word of acting together are how the party acts, not a party."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].lower in _WITH_PARTNERS:
            if any(t.lower in _TOGETHER for t in tokens[max(0, j - 2) : j]):
                reject("discourse.partners-in-cooperation-are-no-party", f"{tokens[k].text}: partners of the party")
                return True
            return False
    return False


_WITH_PARTNERS: Final = words("prep.with")
_TOGETHER: Final = words("noun.acting-together")


_SAYING: Final = frozenset({"say", "according"})


_FIRM_HEADS: Final = word_stems("stem.company-head")
_COMPANY_NOUNS: Final = words("noun.company")
_OTHER_KIND: Final = words("determiner.other-kind")


def _names_firm(actor: ActorMention, tokens: list) -> bool:
    """A named firm ("Rheinmetall", "Saab's") or a state's firm ("ein chinesisches Unternehmen")."""
    if actor.kind in ("org", "org-gen"):
        return True
    if actor.kind not in ("adj", "adj-gen", "demonym") or actor.end >= len(tokens):
        return False
    head = tokens[actor.end].lower
    return head in _COMPANY_NOUNS or any(h in head for h in _FIRM_HEADS)


def _distributive(frame: Frame, items: list[ItemMention], recipients: list[str]) -> dict[int, str]:
    """ "Munition nach Saudi-Arabien und Pistolen nach Nigeria": each item goes to the recipient after it.

    Only when items and recipients alternate in the sentence; otherwise every item goes to every recipient.
    """
    marks = frame.recipient_marks
    if len(recipients) < 2 or len(items) < 2 or len(marks) != len(recipients):
        return {}
    order = sorted([(it.start, "item", id(it)) for it in items] + [(pos, "actor", rid) for rid, pos in marks])
    kinds = [k for _, k, _ in order]
    if kinds[0] != "item" or kinds[-1] != "actor" or "actor" not in kinds[: len(kinds) - 1]:
        return {}
    pairs: dict[int, str] = {}
    pending: list[int] = []
    for _, _, ref in order:
        if isinstance(ref, int):  # an item (its id); an actor's ref is its id string
            pending.append(ref)
        else:
            for item_id in pending:
                pairs[item_id] = ref
            pending = []
    return pairs if not pending else {}


def _stated(sentence: Sentence, trace: list[str], **fields) -> Event:
    """An event whose evidence is the sentence that states it."""
    return Event(evidence=sentence.text, start=sentence.start, end=sentence.end, trace=list(trace), **fields)


def _share_roles(frames: list[Frame]) -> None:
    """ "Tehran denies supplying drones, saying it sent only a few to Russia": one sentence, one pair."""
    for frame in frames:
        for other in frames:
            if other is frame:
                continue
            if not {it.category for it in frame.items} & {it.category for it in other.items}:
                continue  # "requested the jets after … its purchase of Russian S-400 missiles": other goods
            if (
                frame.suppliers
                and not frame.recipients
                and other.recipients
                and not set(other.recipients) & set(frame.suppliers)
                and (frame.suppliers == other.suppliers or not any(r.startswith("@") for r in other.recipients))
            ):
                # "Großbritannien will der Ukraine X liefern, Deutschland lehnt die Lieferung von Y ab"
                frame.recipients = list(other.recipients)
                fire(frame, "discourse.recipient-of-sentence-frame")
            elif frame.recipients and not frame.suppliers and frame.recipients == other.recipients and other.suppliers:
                frame.suppliers = list(other.suppliers)
                fire(frame, "discourse.supplier-of-sentence-frame")
    complete = [f for f in frames if f.suppliers and f.recipients and f.question]
    if len(complete) == 1:
        # "… whether South African weapons had reached Russia, the chairperson said no weapons had
        # been exported": the answer is about the pair the question named
        for frame in frames:
            if not frame.suppliers and not frame.recipients and frame.modifiers & {"negation", "deny"}:
                frame.suppliers, frame.recipients = list(complete[0].suppliers), list(complete[0].recipients)
                fire(frame, "discourse.answer-to-question")


def _home_weight(actor: ActorMention) -> float:
    """The state a report is about acts (subject) or owns ("österreichische Waffen"); destinations
    ("nach Deutschland", "to Israel") are where its exports go."""
    if actor.prep in _DESTINATION_PREPS:
        return 0.3
    if actor.prep is None:
        return 1.5
    return 1.0


def _mention_weight(actor: ActorMention) -> float:
    """Where a story happens ("in Mali") says more about "das Land" than an origin ("aus Dänemark")."""
    if actor.prep in _PLACE_PREPS:
        return 2.0
    if actor.prep in _ORIGIN_PREPS or actor.kind in (
        "adj",
        "origin",
        "adj-gen",
        "demonym",
    ):
        return 0.5
    return 1.0


@dataclass(slots=True, init=False)
class _Parties:
    """The supplier and recipient of a transfer while the discourse fills them, with the rules that did."""

    suppliers: list[str]
    recipients: list[str]
    trace: list[str]
    rule: str

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(self, suppliers: list[str], recipients: list[str], trace: list[str], rule: str) -> None:
        self.suppliers = suppliers
        self.recipients = recipients
        self.trace = trace
        self.rule = rule

    def fill(self, role: str, ids: list[str], rule_id: str) -> None:
        if role == "supplier":
            self.suppliers = ids
        else:
            self.recipients = ids
        self.trace.append(rule_id)
        self.rule = rule_id


class Assembler:
    """Turns the frames of a document's sentences into deduplicated events."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.state = Discourse()
        self.events: dict[tuple[str, ...], Event] = {}
        self._sentence_items: list[ItemMention] = []
        self._sentence_cues: list[CueMention] = []
        self._sentence_buyers: list[str] = []
        self._open_purchase_sellers: list[str] = []
        self._sentence_imposers: set[str] = set()
        self._sentence_targets: set[str] = set()
        self._sentence_recipients: set[str] = set()
        self._sentence_actors: list[ActorMention] = []
        self._sentence_tokens: list = []
        self._vague_tokens: list[int] = []  # tokens naming unnamed states ("Verbündete", "allies")
        self._both_named = False  # "both governments": the two states named, no unnamed ones
        self._speaker_tokens: set[int] = set()
        self._sentence_suppliers: set[str] = set()
        self._sentence_says = False
        self._source_rule = ""

    def add_title(self, mentions: Mentions) -> None:
        """Actors in the headline make a state salient for "das Land" later on."""
        for actor in mentions.actors:
            if not is_reference(actor.id):
                self.state.mention(-1, actor)

    def add_sentence(
        self,
        index: int,
        sentence: Sentence,
        mentions: Mentions,
        frames: list[Frame],
        source: str | None,
        speaker_tokens: set[int] | None = None,
        source_rule: str = "",
    ) -> None:
        speaker_tokens = speaker_tokens or set()
        state = self.state
        self._source_rule = source_rule
        source = self._resolve_source(index, sentence, source)
        self._sentence_items = mentions.items
        self._sentence_cues = mentions.cues
        self._sentence_actors = mentions.actors
        self._sentence_tokens = sentence.tokens
        # ("die Vereinigten Staaten" is a name, not unnamed states; "the country" stays a vague word)
        # ("Western governments say Tehran shipped …": unnamed states that speak are the source, not a party)
        # (the word test first: it is memoised and rarely true, so most sentences need no set of name tokens)
        self._note_vague_words(sentence, mentions, speaker_tokens)
        self._sentence_says = any(meets(c.kinds, _SAYING) for c in mentions.cues)
        self._speaker_tokens = speaker_tokens
        self._note_sentence_parties(frames)
        for frame in sorted(frames, key=lambda f: f.kind != "transfer"):
            # transfers first: a measure threatened over a purchase is against the buyer the sentence names
            self._resolve_refs(frame, index)
            if frame.kind == "transfer":
                self._transfer(index, sentence, frame, source)
            else:
                self._sanction(index, sentence, frame, source)
        if not frames:
            self._share_of_open_transfer(index, sentence, mentions, source)
            self._targets_located_next(index, sentence, mentions, source)
        self._ranking_goes_on(index, sentence, mentions, source)
        if not frames:
            self._denial_of_previous(index, sentence, mentions)
            self._contents_of_previous(index, sentence, mentions, source)
            self._delivery_of_previous(index, sentence, mentions, source)
            self._part_of_previous(index, sentence, mentions, source)
        subject = next(
            (
                a
                for a in mentions.actors
                if a.prep is None and not a.genitive and a.kind not in ("adj", "origin", "adj-gen", "demonym")
            ),
            None,
        )
        if subject is not None and is_state(subject.id) and subject.start <= 3:
            state.subjects[index] = subject.id  # a state opening the sentence is what it is about
        state.firms.extend((index, a.start, a.id) for a in mentions.actors if _names_firm(a, sentence.tokens))
        self._note_topic(index, mentions)
        self._note_pair(index, sentence, mentions)
        for actor in mentions.actors:
            if not is_reference(actor.id):
                state.mention(index, actor)
        named = [it for it in mentions.items if it.category]
        if named:
            state.items.extend(named)
            state.last_named = (index, named)
            self._note_users(index, mentions, named)

    def _note_vague_words(self, sentence: Sentence, mentions: Mentions, speaker_tokens: set[int]) -> None:
        """The tokens naming unnamed states in the sentence (not inside names, not followed by named examples or
        listed by "include", not speaking), and whether "both" names two states."""
        tokens = sentence.tokens
        vague = [k for k in range(len(tokens)) if tokens[k].classes & _VAGUE_WORD and k not in speaker_tokens]
        if vague:
            in_names = {k for a in mentions.actors if not is_reference(a.id) for k in range(a.start, a.end)}
            vague = [
                k
                for k in vague
                if k not in in_names
                and not _named_examples_follow(tokens, k, in_names)
                and not _listed_by_include(tokens, k, in_names, mentions.cues)
                and not _partners_in_cooperation(tokens, k)
            ]
        self._vague_tokens = vague
        both = [k for k in self._vague_tokens if k > 0 and sentence.tokens[k - 1].lower in _BOTH]
        if both and self.lang == "en":
            # "under an agreement that both governments are renegotiating": the two states named, not unnamed ones
            self._vague_tokens = [k for k in self._vague_tokens if k not in both]
        self._both_named = bool(both) and self.lang == "en"

    def _note_sentence_parties(self, frames: list[Frame]) -> None:
        """The parties the sentence's frames name: suppliers, imposers, targets, recipients, and the sellers of a
        purchase whose buyer it leaves unnamed."""
        _share_roles([f for f in frames if f.kind == "transfer"])
        self._sentence_suppliers = {a for f in frames if f.kind == "transfer" for a in f.suppliers}
        self._sentence_buyers = []
        # "A plan to buy Su-35 fighters from Moscow was shelved after Washington threatened sanctions": a purchase
        # whose buyer the sentence does not name, with the sellers it names
        self._sentence_imposers = {a for f in frames if f.kind != "transfer" for a in f.imposers}
        self._sentence_targets = {a for f in frames if f.kind != "transfer" for a in f.targets}
        self._sentence_recipients = {a for f in frames if f.kind == "transfer" for a in f.recipients}
        self._open_purchase_sellers = [
            a
            for f in frames
            if f.kind == "transfer" and not f.recipients and f.trigger_kind in _PURCHASE_KINDS
            for a in [*f.suppliers, ""]
        ]

    def _note_users(self, index: int, mentions: Mentions, named: list[ItemMention]) -> None:
        """A state or group named as the subject before a verb of use with goods ("The Houthis fired drones at
        ships"): who holds those goods, for a sentence that says where they came from."""
        use = next((c for c in mentions.cues if "use" in c.kinds and len(c.kinds) == 1), None)
        if use is None or not any(it.start > use.start for it in named):
            return
        users = [
            a.id
            for a in mentions.actors
            if a.start < use.start and a.prep is None and not a.genitive and a.kind in ("name", "capital", "metonym")
        ]
        if len(users) == 1:
            self.state.last_users = (index, users, {it.category for it in named if it.category})

    def _fill_user_of_goods(
        self, index: int, sentence: Sentence, frame: Frame, parties: _Parties, items: list[ItemMention]
    ) -> None:
        """ "The Houthis fired drones at ships. The drones came from Iran.": goods the sentence before showed in
        someone's use, said to come from a supplier, were received by that user."""
        users = self.state.last_users
        if parties.recipients or not parties.suppliers or users is None or users[0] != index - 1:
            return
        if frame.trigger_kind not in ("arrive", "get", "give") or not self._definite(sentence, frame):
            return
        if not any(it.category in users[2] for it in items):
            return
        holders = [u for u in users[1] if u not in parties.suppliers]
        if holders:
            parties.fill("recipient", holders, "discourse.user-of-goods-named-before-received")

    def _source_trace(self, source: str | None) -> list[str]:
        return [self._source_rule] if source is not None and self._source_rule else []

    # ------------------------------------------------------------------ sentences about the last transfer

    def _others_named(self, pair: set[str]) -> bool:
        """ "Belgien hat die Lieferung seiner Jets verschoben": another state acting here is not the
        pair just talked about."""
        return any(
            a.id not in pair
            and not is_reference(a.id)
            and a.kind not in ("adj", "origin", "demonym")
            and a.prep is None
            for a in self._sentence_actors
        )

    def _party_named_besides(self, known: set[str]) -> bool:
        """ "Washington supplied the British forces …", "die die spanischen Luftstreitkräfte bestellt hatten": a state
        or group named here besides the known parties, even as an adjective of forces or an office, could be the
        missing side; only the origin or maker of the goods ("Iranian-made drones", "Saab's Gripen") and speakers
        do not count."""
        before_goods = {it.start - k for it in self._sentence_items for k in range(3)}
        return any(
            a.id not in known
            and not is_reference(a.id)
            and a.start not in self._speaker_tokens
            and not (a.kind in _ORIGIN_KINDS and a.end in before_goods)
            for a in self._sentence_actors
        )

    def _denial_of_previous(self, index: int, sentence: Sentence, mentions: Mentions) -> None:
        """ "Der Iran hat Russland Drohnen geliefert. Teheran bestreitet das.": a party to the transfer
        just reported denies it; the denial is stated by this sentence."""
        last = self.state.last_transfer
        if last is None or last[0] != index - 1:
            return
        toks = sentence.tokens
        rejects_claim = any(
            "refuse" in c.kinds and any(t.lower in _CLAIMS for t in toks[c.end : c.end + 4]) for c in mentions.cues
        )  # "rejected the accusations": rejecting what was said denies it
        if not (rejects_claim or any("deny" in c.kinds for c in mentions.cues)) or any(
            "negation" in c.kinds for c in mentions.cues
        ):
            return
        points_back = any("report" in c.kinds for c in mentions.cues) or any(
            t.lower in _THAT or t.lower in _CLAIMS for t in sentence.tokens
        )  # "bestreitet das", "denied the reports", "rejected the accusations"
        if not points_back:
            return
        _, suppliers, recipients, items = last
        deniers = [a for a in mentions.actors if a.prep is None and a.id in suppliers + recipients]
        if not deniers:
            return
        decision = decide("denial", "", frozenset(), frozenset())
        self._add_between(
            sentence,
            suppliers,
            recipients,
            items,
            [s for s, _ in decision.statuses],
            "discourse.denial-of-previous",
            deniers[0].text,
            decision.rules,
            with_quantity=False,
        )

    def _contents_of_previous(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "… approved a new aid package for Ukraine. It includes HIMARS rockets and Stinger missiles.",
        "Darunter sind auch Munition und Panzerabwehrwaffen.": the goods of the transfer or package just
        reported, with its parties and status."""
        last = self.state.last_package
        if last is None or last[0] < index - 2:
            return
        cue = next((c for c in mentions.cues if "include" in c.kinds), None)
        if cue is None:
            return
        end = cue.start
        if any(
            a.prep is None and not a.genitive and a.start < end and a.kind not in ("adj", "demonym")
            for a in mentions.actors
        ):
            return  # "Russia's arsenal includes Su-35s": a subject of its own ("from Danish stocks" is none)
        items = [it for it in mentions.items if it.start > cue.start]
        if not items and (
            self.lang != "en" or cue.start > 0 and self._sentence_tokens[cue.start - 1].lower in _PASSIVE_AUX
        ):
            items = list(mentions.items)  # "Es könnte auch ATACMS-Raketen umfassen", "HIMARS rockets are included"
        if not items:
            return  # "The Akinci aircraft are designed to help contain …": goods that contain are no contents
        _, suppliers, recipients, statuses = last
        mods = frozenset(k for c in mentions.cues for k in c.kinds)
        decision = decide("contents", "", mods, frozenset())
        if decision.statuses and decision.statuses[0][0] != "previous":
            statuses = [s for s, _ in decision.statuses]  # "The package could also include …"
        if any(
            a.id not in suppliers + recipients and not is_reference(a.id)
            for a in mentions.actors
            if a.kind not in ("adj", "origin")
        ):
            return  # other parties named: not simply the contents of the last transfer ("the government said" is none)
        self._add_between(
            sentence,
            suppliers,
            recipients,
            items,
            statuses,
            "discourse.contents-of-previous",
            source,
            decision.rules + self._source_trace(source),
        )

    def _delivery_of_previous(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "Poland signed a deal to buy 96 Apaches. Deliveries are due to begin in 2028.": a sentence about the
        delivery of the goods just named, with no goods or parties of its own, schedules or reports it."""
        last = self.state.last_transfer
        if last is None or last[0] < index - 2:
            return
        if last[0] == index - 2:
            if any(sent == index - 1 for sent, _ in self.state.actors):
                return
            # "… unterzeichnet. Der Auftragswert beläuft sich auf 3,1 Milliarden Euro. Die Auslieferung soll 2026
            # beginnen.": a sentence naming no one in between keeps the deal the topic
            fire_trace = ["discourse.delivery-after-an-aside"]
        else:
            fire_trace = []
        opener = next((c for c in mentions.cues if "give_noun" in c.kinds and c.start <= 2), None)
        if opener is None or any(it.category for it in mentions.items):
            return
        self._continue_last_transfer(
            sentence, mentions, last, "follow-up", "discourse.delivery-of-previous", source, fire_trace
        )

    def _continue_last_transfer(
        self,
        sentence: Sentence,
        mentions: Mentions,
        last: tuple[int, list[str], list[str], list[ItemMention]],
        table: str,
        rule_id: str,
        source: str | None,
        fire_trace: list[str],
    ) -> None:
        """A sentence about the delivery (or part) of the goods of the last transfer, naming no other party: the
        status table ``table`` reads its modality; the event goes between the last transfer's parties."""
        _, suppliers, recipients, items = last
        if any(a.id not in suppliers + recipients for a in mentions.actors if a.kind not in ("adj", "origin")):
            return  # another party named ("The first is due in Montevideo": the recipient's capital is none)
        kinds = frozenset(k for c in mentions.cues for k in c.kinds)
        decision = decide(table, "", kinds, frozenset())
        if not decision.statuses:
            reject(decision.rules[0], f"a sentence about the goods just named ({table}): {sorted(kinds)}")
            return
        self._add_between(
            sentence,
            suppliers,
            recipients,
            items,
            [s for s, _ in decision.statuses],
            rule_id,
            source,
            fire_trace + decision.rules + self._source_trace(source),
            with_quantity=False,
        )

    def _part_of_previous(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "Morocco ordered 24 Apaches from the United States. The remaining 18 are due by 2027.", "The first is
        due in Montevideo in 2026.", "Some of it is finally arriving.": a sentence whose subject is part of the
        goods just named, with no goods or other parties of its own, reports or schedules their delivery."""
        last = self.state.last_transfer
        if last is None or last[0] < index - 2:
            return
        if last[0] == index - 2 and any(sent == index - 1 for sent, _ in self.state.actors):
            return  # a sentence naming someone in between has moved on
        if not part_subject(sentence.tokens, 0, len(sentence.tokens)):
            return
        if any(it.category for it in mentions.items):
            return
        self._continue_last_transfer(sentence, mentions, last, "part", "discourse.part-of-previous", source, [])

    def _targets_located_next(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "The Commerce Department added 28 entities to the Entity List. The entities are located in China, Iran
        and the UAE.": a sentence right after a measure on unnamed firms, about them, that says where they are
        names the states the measure is against."""
        opened = self.state.open_measure
        if opened is None or opened[0] != index - 1:
            return
        tokens = sentence.tokens
        if not tokens or tokens[0].lower not in _BACK_TO_LISTED:
            return
        lowers = [t.lower for t in tokens]
        at = next(
            (
                i + len(p)
                for p in _LOCATED
                for i in range(len(lowers) - len(p) + 1)
                if tuple(lowers[i : i + len(p)]) == p
            ),
            None,
        )
        if at is None:
            return
        _, imposers, statuses, trace = opened
        targets = unique(
            [a.id for a in mentions.actors if a.start >= at - 1 and is_state(a.id) and a.id not in imposers]
        )
        if targets:
            self._add_measures(
                sentence,
                [*trace, "discourse.listed-firms-located-next"] + self._source_trace(source),
                imposers,
                targets,
                statuses,
                "discourse.listed-firms-located-next",
                source,
            )

    def _share_of_open_transfer(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "Die Bundesregierung hat Ausfuhrgenehmigungen im Wert von 7,5 Milliarden Euro erteilt. Knapp zwei Drittel
        entfielen auf die Ukraine.", "About a third went to Saudi Arabia.": a share of a transfer stated without
        its recipient names where that share went."""
        open_ = self.state.open_transfer
        if open_ is None or open_[0] < index - 2:
            return
        if not any(t.lower in _SHARES for t in sentence.tokens) or any(it.category for it in mentions.items):
            return
        suppliers = open_[1]
        shares = [
            a.id
            for a in mentions.actors
            if a.prep in _SHARE_PREPS and is_state(a.id) and a.kind not in ("adj", "demonym") and a.id not in suppliers
        ]
        if not shares:
            return
        shares = list(dict.fromkeys(shares))
        self._add_between(
            sentence,
            suppliers,
            shares[:1],
            open_[2],
            open_[3],
            "discourse.share-of-the-transfer",
            source,
            self._source_trace(source),
            with_quantity=False,
        )
        # the states ranked after it in the sentence ("…, auf den Plätzen folgen Singapur, Indien") go on from here
        self.state.last_transfer = (index, suppliers, shares[:1], open_[2])
        self.state.last_package = (index, suppliers, shares[:1], open_[3])

    def _ranking_goes_on(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "Größter Abnehmer blieb Deutschland, gefolgt von den USA und Italien", "auf den Plätzen folgen Singapur,
        Indien und Südkorea": states ranked after the recipient just reported received the same from the same
        supplier, with the same status."""
        last, package = self.state.last_transfer, self.state.last_package
        if last is None or package is None or last[0] < index - 1 or package[0] != last[0]:
            return
        seq = next((t.i for t in sentence.tokens if t.classes & _SEQUENCE_BITS), None)
        if seq is None or any(it.category for it in mentions.items):
            return
        _, suppliers, recipients, items = last
        ranked = [
            a.id
            for a in mentions.actors
            if a.start > seq and is_state(a.id) and a.kind not in ("adj", "demonym") and a.id not in suppliers
        ]
        ranked = [r for r in dict.fromkeys(ranked) if r not in recipients]
        if not ranked:
            return
        self._add_between(
            sentence,
            suppliers,
            ranked,
            items,
            package[3],
            "discourse.ranking-goes-on",
            source,
            self._source_trace(source),
            with_quantity=False,
        )

    def _add_between(
        self,
        sentence: Sentence,
        suppliers: list[str],
        recipients: list[str],
        items: list[ItemMention],
        statuses: list[str],
        rule: str,
        source: str | None,
        trace_after: list[str],
        with_quantity: bool = True,
    ) -> None:
        """Transfers this sentence states about parties and goods already known (an earlier sentence's)."""
        trace = [rule, *trace_after]
        for supplier in suppliers:
            for recipient in recipients:
                for item in items:
                    for status in statuses:
                        if supplier != recipient and item.category:
                            self._add(
                                _stated(
                                    sentence,
                                    trace,
                                    type="transfer",
                                    status=status,
                                    rule=rule,
                                    supplier=supplier,
                                    recipient=recipient,
                                    item=item.category,
                                    designation=item.designation,
                                    quantity=item.quantity if with_quantity else None,
                                    source=source,
                                )
                            )

    # ------------------------------------------------------------------ attribution
    def _resolve_source(self, index: int, sentence: Sentence, source: str | None) -> str | None:
        state = self.state
        if source is not None:
            if source.split()[0].lower() in _PRONOUNS:
                source = state.person_source or (state.source[1] if state.source else None)
                self._source_rule = "source.pronoun-takes-up-last-speaker"
            if source:
                state.source = (index, source)
                if any(w[:1].isupper() for w in source.split()) and source.split()[0].lower() not in _PRONOUNS:
                    state.person_source = source
            return source
        if (
            state.source
            and state.source[0] >= index - 2
            and (is_subjunctive(sentence.tokens, self.lang) or sentence.text.lstrip()[:1] in '"„“»')
        ):
            state.source = (index, state.source[1])
            self._source_rule = "source.reported-speech-continues"
            return state.source[1]
        return None

    # ------------------------------------------------------------------ coreference
    def _resolve_refs(self, frame: Frame, index: int) -> None:
        """Replace "das Land", "the navy", "das Königreich", "die Miliz" by what the discourse is about."""
        roles = (frame.suppliers, frame.recipients, frame.imposers, frame.targets)
        if any(COMPANY in r for r in roles):
            self._resolve_firm(frame, index, roles)
        if any(PAIR in r for r in roles):
            self._resolve_pair(frame, index, roles)
        refs = list(dict.fromkeys(a for r in roles for a in r if is_reference(a)))
        for ref in refs:
            states = ref != GROUP
            allowed = _allowed_referents(ref)
            used = {a for r in roles for a in r if not is_reference(a)}
            if ref in _INSTITUTIONS:
                for role in roles:
                    if ref in role and any(is_state(a) for a in role if not is_reference(a)):
                        # "Für Indonesien … Radaranlagen für die Marine": the forces or government of a state
                        # named in the same role are that state's; the reference adds no party
                        role.remove(ref)
                        fire(frame, "coref.institution-of-named-party")
            here = [
                a.id
                for a in self._sentence_actors
                if a.id not in used
                and not is_reference(a.id)
                and is_state(a.id) == states
                and a.id not in _SUPRANATIONAL
            ]
            for role in roles:
                if ref not in role:
                    continue
                actor, rule = self._referent(frame, index, role, ref, used, here)
                pos = role.index(ref)
                if actor:
                    role[pos] = actor
                    used.add(actor)
                    fire(frame, rule)
                    if allowed is not None:
                        fire(frame, "coref.reference-by-kind-of-state")
                    if frame.ref_initial and states:
                        self.state.subjects[index] = actor  # "The kingdom has ordered …" opens about it
                else:
                    del role[pos]
                    if rule == "coref.reference-described-by-genitive":
                        fire(frame, rule)
                        frame.no_fill = True  # the sentence names a party we cannot place
                    if rule == "coref.reference-listed-by-include":
                        fire(frame, rule)  # the names listed stand in the frame already
                    else:
                        fire(frame, "coref.unresolved-reference-dropped")

    def _resolve_pair(self, frame: Frame, index: int, roles: tuple[list[str], ...]) -> None:
        """ "Egypt and China signed a memorandum. The two states later signed a contract covering Wing Loong
        drones.": the two states last named together; the maker's state of the goods supplies, the other
        receives. Without a maker among them the direction is unknown and the reference is dropped."""
        pair = self.state.last_pair if self.state.last_pair and self.state.last_pair[0] >= index - 3 else None
        makers = {it.producer for it in frame.items if it.producer}
        imposing = PAIR in frame.imposers
        receiving = PAIR in frame.recipients
        for role in roles:
            while PAIR in role:
                role.remove(PAIR)
        if pair is not None and frame.kind == "transfer" and receiving and frame.suppliers:
            if not set(frame.suppliers) & set(pair[1]):
                # "Pilatus sold aircraft to Peru and Chile … has since supplied spare parts to the two states": a
                # named supplier's goods go to both
                frame.recipients = [a for a in pair[1] if a not in frame.recipients] + frame.recipients
                fire(frame, "coref.both-states-receive")
                return
        if pair is not None and frame.kind != "transfer" and imposing:
            # "Beide Länder hatten die Ausfuhr von Rüstungsgütern in die Türkei gestoppt": each of the two states
            # named together takes the measure
            frame.imposers = [a for a in pair[1] if a not in frame.targets]
            fire(frame, "coref.both-states-impose")
            return
        if pair is None or frame.kind != "transfer" or len(makers & set(pair[1])) != 1:
            fire(frame, "coref.unresolved-reference-dropped")
            frame.no_fill = True
            return
        maker = next(iter(makers & set(pair[1])))
        other = next(a for a in pair[1] if a != maker)
        frame.suppliers = [maker] if not frame.suppliers else frame.suppliers
        frame.recipients = [other] if not frame.recipients else frame.recipients
        fire(frame, "coref.the-two-states")

    def _resolve_firm(self, frame: Frame, index: int, roles: tuple[list[str], ...]) -> None:
        """ "Das Unternehmen", "the company": the firm named last, in this sentence or the two before,
        and so its state; with no firm named the role stays empty and the discourse may not fill it."""
        ref = next(a for a in self._sentence_actors if a.id == COMPANY and any(a.id in r for r in roles))
        firms = [f for f in self.state.firms if f[0] >= index - 2] + [
            (index, a.start, a.id)
            for a in self._sentence_actors
            if a.start < ref.start and _names_firm(a, self._sentence_tokens)
        ]
        for role in roles:
            while COMPANY in role:
                pos = role.index(COMPANY)
                if firms:
                    role[pos] = firms[-1][2]
                    fire(frame, "coref.company-just-named")
                else:
                    del role[pos]
                    frame.no_fill = True  # the sentence names its party, a firm we cannot place
                    fire(frame, "coref.unresolved-reference-dropped")

    def _described_by_genitive(self, ref: str) -> bool:
        """Whether the reference ("das Land", "the country") is followed by a genitive or of-phrase that names no
        actor ("das Land des Lizenzgebers", "the country of origin")."""
        tokens = self._sentence_tokens
        starts = {a.start for a in self._sentence_actors if a.id != ref}
        for a in self._sentence_actors:
            if a.id != ref or a.end >= len(tokens) or tokens[a.end].lower not in _GENITIVE_LINKS:
                continue
            k = a.end + 1
            if k < len(tokens) and tokens[k].lower in _ARTICLES and k not in starts:
                k += 1
            if k < len(tokens) and k not in starts and tokens[k].letter_first:
                return True
        return False

    def _subject_role(self, frame: Frame) -> list[str] | None:
        """The role the grammatical subject of the frame's verb takes: the supplier of active giving, the
        recipient of active receiving, buying and ordering, the imposer of a measure."""
        if frame.kind != "transfer":
            return frame.imposers
        if frame.passive:
            return None
        if frame.trigger_kind in GIVE:
            return frame.suppliers
        if frame.trigger_kind in RECEIVE:
            return frame.recipients
        return None

    def _ref_is_subject(self, ref: str) -> bool:
        """Whether the reference stands without a preposition or genitive, as a clause's subject or object."""
        return any(a.id == ref and a.prep is None and not a.genitive for a in self._sentence_actors)

    def _speaking_state(self, used: set[str], firm: bool = False) -> str | None:
        """The one state that speaks in the sentence ("Singapore's foreign ministry responded that …", "the
        Government of Türkiye stated that …"), if exactly one does; with ``firm``, the state of the one firm that
        speaks ("Embraer confirms …", "Rheinmetall said …")."""
        speakers = {
            a.id
            for a in self._sentence_actors
            if a.start in self._speaker_tokens and is_state(a.id) and (a.kind == "org" if firm else a.kind != "demonym")
        }
        if len(speakers) != 1:
            return None
        speaker = next(iter(speakers))
        return None if speaker in used else speaker

    def _speakers_state(self, used: set[str]) -> tuple[bool, str | None]:
        """Whether the reference is "ihr/sein/unser Land", "their/his/our country", and the speaker's state."""
        own = any(
            is_reference(a.id)
            and a.start < len(self._sentence_tokens)
            and self._sentence_tokens[a.start].lower in _OWN_POSSESSIVES
            for a in self._sentence_actors
        )
        if not own:
            return False, None
        speakers = [
            a.id
            for a in self._sentence_actors
            if a.start in self._speaker_tokens and is_state(a.id) and a.id not in used
        ]
        return True, (speakers[0] if speakers else None)

    def _listed_reference(self, ref: str) -> bool:
        """Whether the reference ``ref`` in this sentence is followed by a verb of including that names the states
        it stands for."""
        actors = self._sentence_actors
        in_names = {k for a in actors if not is_reference(a.id) for k in range(a.start, a.end)}
        return any(
            a.id == ref and _listed_by_include(self._sentence_tokens, a.end - 1, in_names, self._sentence_cues)
            for a in actors
        )

    def _referent(
        self, frame: Frame, index: int, role: list[str], ref: str, used: set[str], here: list[str]
    ) -> tuple[str | None, str]:
        """What one reference ("das Land", "die Miliz", "das Königreich") in one role of the frame stands for,
        and the rule. A reference by kind takes up only that kind of state ("das Königreich": a monarchy);
        forces and governments are the story's, not another party's of the same sentence."""
        states = ref != GROUP
        allowed = _allowed_referents(ref)
        institution = ref in _INSTITUTIONS
        decided = self._referent_in_sentence(frame, role, ref, used, here, states, allowed, institution)
        if decided is not None:
            return decided
        last_targets = self.state.last_targets
        if (
            states
            and role is frame.targets
            and last_targets
            and last_targets[0] == index - 1
            and last_targets[1][0] not in used
            and (allowed is None or last_targets[1][0] in allowed)
        ):
            # "Sanktionen gegen Belarus verschärfen. … Ausfuhren in das Land verboten": a measure
            # right after another continues against its target
            return last_targets[1][0], "coref.target-of-last-measure"
        if frame.ref_initial and states:
            # "Das Land hat …" opening a sentence continues the state just talked about;
            # "the country" continues the state the last sentence was about; "the administration",
            # "the government" may be any government just named
            country = any(
                is_reference(a.id) and a.id != GROUP and a.text.lower().endswith(_COUNTRY_WORDS)
                for a in self._sentence_actors
            )
            actor = self.recent_state(index, exclude=used, by_subject=country, allowed=allowed) or self.salient(
                index, exclude=used, allowed=allowed
            )
            return actor, "coref.sentence-opening-reference"
        # "genehmigte die Regierung": a government that acts is the story's own state
        acting = role is frame.suppliers or role is frame.imposers
        if institution:
            placed = [
                a.id
                for a in self._sentence_actors
                if a.prep in _PLACE
                and a.article not in _DIRECTION
                and is_state(a.id)
                and a.id not in used
                and a.id not in self._sentence_suppliers
            ]  # "in die Ukraine" is where goods go, not where the transfer happens
            if placed:
                # "hat in Niger Flugzeuge an die Armee übergeben", "to the army at a ceremony in Yaoundé": the
                # forces or government of the state where it happens
                return placed[0], "coref.institution-of-the-place"
        if institution and not acting:
            used = used | self._sentence_suppliers  # "the air force's jets": not the forces of who supplies them
        if institution and states and self._ref_is_subject(ref) and role is self._subject_role(frame):
            last_subject = self.state.subjects.get(index - 1)
            if last_subject is not None and last_subject not in used and (allowed is None or last_subject in allowed):
                # "2021 unterzeichnete Zagreb einen Vertrag … Ende 2024 bestellte die Regierung zudem …": the
                # government acting as subject is that of the state the sentence before was about
                return last_subject, "coref.government-of-last-subject"
        actor = self.salient(index, exclude=used, states=states, home=acting and states, allowed=allowed)
        return actor, "coref.salient-actor"

    def _referent_in_sentence(
        self,
        frame: Frame,
        role: list[str],
        ref: str,
        used: set[str],
        here: list[str],
        states: bool,
        allowed: frozenset[str] | None,
        institution: bool,
    ) -> tuple[str | None, str] | None:
        """A referent the sentence itself settles: a group named in it, states listed or described, the speaker's
        own country or government, the government imposing measures, a state named earlier in the sentence;
        None when the sentence does not settle it."""
        # Two references in one frame ("die Söldnertruppe … den Milizionären") are two actors.
        earlier = [
            a.id
            for a in self._sentence_actors
            if a.id not in used
            and is_state(a.id)
            and (allowed is None or a.id in allowed)
            and a.start < frame.trigger.start
            and a.kind not in ("adj", "origin")
            and a.prep is None
            and not a.genitive
        ]
        if here and not states:
            return here.pop(0), "coref.group-named-in-sentence"
        if states and self._listed_reference(ref):
            # "The countries to which the drone has been exported include Poland, Qatar …": the names listed are
            # the states meant, and they are in the frame already
            return None, "coref.reference-listed-by-include"
        if states and not institution and self._described_by_genitive(ref):
            # "an das Land des Lizenzgebers", "to the country of origin": a state picked out by what the phrase
            # says of it, not one the story has named
            return None, "coref.reference-described-by-genitive"
        own, speaker_state = self._speakers_state(used)
        if states and own:
            # "Die Vertreterin der Vereinigten Staaten erklärte, ihr Land habe …": the speaker's own country (with no
            # speaker named, "sein Land" is nobody we know)
            return speaker_state, "coref.speakers-own-country"
        if institution and states and (role is frame.suppliers or role is frame.imposers):
            speaker = self._speaking_state(used)
            if speaker is not None:
                # "Singapore's foreign ministry said the government had not authorised any exports": the
                # government that acts in what a state's organ reports is that state's
                return speaker, "coref.government-of-the-speaker"
        if role is frame.imposers and states and self.state.imposers and allowed is None:
            # "The government also targeted …": the government that has been imposing measures
            return self._main_imposer(exclude=used), "coref.government-imposing-measures"
        if states and earlier and not frame.ref_initial and not institution:
            # "Caracas took delivery … after Washington barred sales to the country": a state
            # just named in the same sentence
            return (earlier[-1] if earlier[-1] not in used else earlier[0]), "coref.state-earlier-in-sentence"
        return None

    def _main_imposer(self, exclude: set[str]) -> str | None:
        counts = {a: n for a, n in self.state.imposers.items() if a not in exclude}
        if not counts:
            return None
        order = self.state.imposer_order
        return max(counts, key=lambda a: (counts[a], -order.index(a)))  # ties: the lead's imposer

    def recent_state(
        self, index: int, exclude: set[str], by_subject: bool = False, allowed: frozenset[str] | None = None
    ) -> str | None:
        """The last state named in the previous sentence; with ``by_subject``, the state that sentence
        opened with as its subject ("Armenia is diversifying away from Russia. The country signed …")."""
        subject = self.state.subjects.get(index - 1) if by_subject else None
        if subject is not None and subject not in exclude and (allowed is None or subject in allowed):
            return subject
        for sent, actor in reversed(self.state.actors):
            if sent < index - 1:
                return None
            if sent == index - 1 and actor not in exclude and is_state(actor) and (allowed is None or actor in allowed):
                return actor
        return None

    def _note_pair(self, index: int, sentence: Sentence, mentions: Mentions) -> None:
        """Two states joined by "und/and" ("Egypt and China signed …"), or the only two states a sentence names,
        for "the two states" later."""
        tokens = sentence.tokens
        # (a firm stands for its state's industry, not for one of two states named: "Pilatus sold aircraft to Peru
        # and Chile")
        states = [
            a
            for a in mentions.actors
            if is_state(a.id) and a.kind not in ("adj", "demonym") and not (a.kind == "org" and _names_firm(a, tokens))
        ]
        if not states:
            return
        # (neighbours by index, the words between read one by one, distinct ids gathered by hand: compiled, these
        # are plain C loops where zip, slices and dict.fromkeys are generic Python calls, every sentence)
        for k in range(len(states) - 1):
            a, b = states[k], states[k + 1]
            if (
                a.id != b.id
                and a.end < min(b.start, len(tokens))
                and all(tokens[w].lower in _PAIR_LINKS for w in range(a.end, b.start))
            ):
                self.state.last_pair = (index, (a.id, b.id))
                return
        distinct: list[str] = []
        for a in states:
            if a.id not in distinct:
                distinct.append(a.id)
        if len(distinct) == 2:  # "Indien rückt an die USA heran. … beide Regierungen …": the two states named
            self.state.last_pair = (index, (distinct[0], distinct[1]))

    def _note_topic(self, index: int, mentions: Mentions) -> None:
        """ "Im Bundestag wird über Kampfjets für Kiew debattiert": goods for a state talked about without a
        transfer of their own make that state the recipient of such goods the story goes on to report."""
        if not any(it.category for it in mentions.items):
            return  # (most sentences name no goods: no set is built for them)
        cats = frozenset(it.category for it in mentions.items if it.category)
        last_item = max(it.end for it in mentions.items if it.category)
        for actor in mentions.actors:
            if actor.prep in _FOR_PREPS and is_state(actor.id) and last_item <= actor.start <= last_item + 2:
                self.state.topics.append((index, cats, actor.id))

    def _topic_recipient(self, index: int, items: list[ItemMention], exclude: set[str]) -> str | None:
        recent = [(cats, actor) for sent, cats, actor in self.state.topics if sent < index and index - sent <= 3]
        cats = {it.category for it in items if it.category}
        same = [actor for topic_cats, actor in recent if cats & topic_cats and actor not in exclude]
        if same:
            return same[-1]
        others = {actor for _, actor in recent}
        # one state the arms talked about were for: other goods sent, unnamed where, go there too
        return next(iter(others)) if len(others) == 1 and not others & exclude else None

    def salient(
        self,
        index: int,
        exclude: set[str],
        states: bool = True,
        home: bool = False,
        allowed: frozenset[str] | None = None,
    ) -> str | None:
        """The state (or group) most talked about so far, recent mentions weighing more.

        ``home`` asks for the story's own state (the exporter of an agentless export)
        rather than the place the story is about.
        """
        totals = self.state.home_totals if home else self.state.totals
        scores = {
            actor: total
            for actor, total in totals.items()
            if actor not in exclude
            and is_state(actor) == states
            and actor not in _SUPRANATIONAL
            and (allowed is None or actor in allowed)
        }
        if not scores:
            return None
        for sent, actor in reversed(self.state.actors):  # mentions come in sentence order
            if sent < index - 1:
                break
            if actor in scores:
                scores[actor] += 0.5  # named in this or the previous sentence
        return max(scores, key=lambda a: scores[a])

    def _last_actor(self, exclude: list[str], since: int = -1) -> str | None:
        """The actor named last (in sentence ``since`` or later), other than those excluded."""
        for sent, actor in reversed(self.state.actors):
            if sent < since:
                return None
            if actor not in exclude:
                return actor
        return None

    # ------------------------------------------------------------------ transfers
    def _transfer(self, index: int, sentence: Sentence, frame: Frame, source: str | None) -> None:
        state = self.state
        items = self._frame_goods(frame, index)
        parties = _Parties(list(frame.suppliers), list(frame.recipients), list(frame.trace), frame.rule)
        if not items:
            if (
                any(it.carrier for it in frame.items)
                and parties.suppliers
                and parties.recipients
                and not frame.question
            ):
                # "The US announced a new aid package for Ukraine.": its contents may follow
                state.last_package = (
                    index,
                    parties.suppliers,
                    parties.recipients,
                    [st for st, _ in self._statuses(frame).statuses],
                )
            reject("filter.no-goods-known", f"{frame.trigger.lemma!r}: goods named only by a word for them")
            return
        # ("Die wichtigsten Abnehmerländer waren …": the role noun names the states listed, not unnamed ones)
        vague = any(not (frame.role_noun and frame.trigger.start <= k < frame.trigger.end) for k in self._vague_tokens)
        if self._both_named and not vague and not (parties.suppliers and parties.recipients):
            fire(frame, "discourse.both-states-are-named")
        if vague and not (parties.suppliers and parties.recipients):
            reject(
                "discourse.unnamed-states-fill-nothing", "unnamed states in the sentence: no side from the discourse"
            )
        self._fill_from_there(index, sentence, frame, parties)
        self._fill_user_of_goods(index, sentence, frame, parties, items)
        self._fill_pronoun_subject(index, frame, parties)
        self._fill_origin_of_pronoun_goods(frame, parties, items, vague)
        self._fill_origin_of_definite_goods(index, frame, parties, vague)
        self._fill_speaking_state_supplier(frame, parties, vague)
        self._port_on_the_way(index, frame, parties, items)
        self._fill_from_last_transfer(index, sentence, frame, parties, items, vague)
        self._fill_agentless_supplier(index, frame, parties, items, vague)
        self._fill_recipient(index, sentence, frame, parties, items, vague)
        if frame.question or (frame.no_fill and (not frame.suppliers or not frame.recipients)):
            # an open question ("whether … had reached Russia") asserts nothing
            reject("filter.question" if frame.question else "filter.needs-both-sides-named", frame.trigger.lemma)
            return
        if not parties.suppliers or not parties.recipients:
            reject("filter.missing-party", f"{frame.trigger.lemma!r}: {parties.suppliers} → {parties.recipients}")
            if parties.suppliers and not parties.recipients and not vague and not frame.no_fill:
                # "Die Bundesregierung hat Ausfuhrgenehmigungen für 7,5 Milliarden Euro erteilt": where to, the
                # next sentences may say ("Knapp zwei Drittel entfielen auf die Ukraine")
                statuses = [st for st, _ in self._statuses(frame).statuses]
                state.open_transfer = (index, list(parties.suppliers), items, statuses)
            return
        frame.attributed = source is not None or self._sentence_says
        made = self._emit_transfers(index, sentence, frame, parties, items, source)
        if made:
            state.suppliers_seen.update(parties.suppliers)
            state.recipients_seen.update(parties.recipients)
            for supplier in parties.suppliers:
                state.supplied[supplier] = state.supplied.get(supplier, 0) + 1
            for recipient in parties.recipients:
                state.received[recipient] = state.received.get(recipient, 0) + 1
            if frame.aside and state.last_transfer is not None:
                # "the UAE is following the lead of Qatar, which has bought 36 of the planes": a transfer said in
                # passing about a party is background; what follows goes on with the story's transfer
                fire(frame, "discourse.relative-on-party-is-background")
            else:
                statuses = [st for st, _ in self._statuses(frame).statuses]
                state.last_transfer = (index, parties.suppliers, parties.recipients, items)
                state.last_package = (index, parties.suppliers, parties.recipients, statuses)
        if (
            {"negation", "approve"} <= frame.modifiers | {frame.trigger_kind}
            and any(it.category == "military-equipment" for it in items)
            and any(st == "refused" for st, _ in self._statuses(frame).statuses)
        ):  # a rebutted claim of past approvals ("has not approved any since 2021, a spokesman said") stops nothing
            self._export_stop(sentence, parties, source)

    def _demonstrative_antecedent(self, item: ItemMention) -> ItemMention | None:
        """The named system a demonstrative with a general word for its kind points back to ("these warplanes",
        "diese Flugzeuge" after Yak-130 trainers), when the word alone would give another category of the
        same family (aircraft, missiles); None otherwise."""
        tokens = self._sentence_tokens
        if item.designation or item.start == 0 or tokens[item.start - 1].lower not in _DEMONSTRATIVES:
            return None
        family = next((f for f in _FAMILIES if item.category in f), None)
        if family is None:
            return None
        prev = next((p for p in reversed(self.state.items) if p.designation and p.start != item.start), None)
        if prev is None or prev.category not in family or prev.category == item.category:
            return None
        return prev

    def _partitive_antecedent(self, item: ItemMention) -> ItemMention | None:
        """The named system a general word in a definite partitive stands for ("Qatar has bought 36 of the
        planes", "Katar kaufte 36 der Kampfjets" after Rafale jets): a part of goods already known, so the last
        named system of the story of the same family; None when the words before are no partitive."""
        tokens = self._sentence_tokens
        if item.designation or item.start < 3:
            return None
        links = _PARTITIVE_LINKS.get(self.lang, ())
        for link in links:
            k = item.start - len(link)
            if k < 1 or tuple(t.lower for t in tokens[k : item.start]) != link:
                continue
            count = tokens[k - 1]
            if not (count.text[:1].isdigit() or count.lower in _PARTITIVE_COUNTS):
                continue
            return self._system_named_before(item)
        return None

    def _system_named_before(self, item: ItemMention) -> ItemMention | None:
        """The named system mentioned last (before ``item`` in its sentence, or in the story), when it is of the
        family of ``item``'s category."""
        family = next((f for f in _FAMILIES if item.category in f), frozenset({item.category}))
        here = [it for it in self._sentence_items if it.designation and it.end <= item.start]
        prev = next((p for p in reversed(self.state.items + here) if p.designation), None)
        return prev if prev is not None and prev.category in family else None

    def _type_antecedent(self, item: ItemMention) -> ItemMention | None:
        """The named system a general word followed by "of this type" / "dieses Typs" stands for ("24 fighters of
        this type" after the Su-35): the last named system of the story, of the same family."""
        tokens = self._sentence_tokens
        if item.designation or item.end >= len(tokens) or tokens[item.end].lower not in _OF_THIS_TYPE_FIRST:
            return None  # (asked for every item of every frame: one set look-up before the phrases)
        after = tuple(t.lower for t in tokens[item.end : item.end + 4])
        if not any(after[: len(p)] == p for p in _OF_THIS_TYPE):
            return None
        return self._system_named_before(item)

    def _frame_goods(self, frame: Frame, index: int = -1) -> list[ItemMention]:
        """The frame's goods with words for them ("the missiles", "sie") resolved to goods named before."""
        out: list[ItemMention] = []
        for it in frame.items:
            named = self._weapons_named_before(it, index)
            if named:
                # "Amnesty dokumentierte chinesische Lenkbomben sowie Haubitzen. China habe die Waffen an die
                # Emirate geliefert": the weapons are the goods the sentence before named
                fire(frame, "coref.the-weapons-named-before")
                out.extend(_standing_for(it, prev) for prev in named)
                continue
            resolved = self._resolve_item(it, frame)
            if resolved is not None and resolved.category:
                if it.category is None:
                    fire(frame, "coref.goods-named-before")
                out.append(self._story_reading(resolved, frame))
        return out

    def _story_reading(self, item: ItemMention, frame: Frame) -> ItemMention:
        """ "Die US-Navy will 22 Tiger-Kampfjets abkaufen … Etwa vierzig Tiger wurden bereits verkauft": a bare
        designation that names other goods elsewhere ("Tiger": a helicopter too) keeps the reading the story gave
        it with a head noun (rule coref.designation-read-as-before)."""
        if item.designation is None or item.text != item.designation:
            return item
        key = item.designation.lower()
        for prev in reversed(self.state.items):
            if (
                prev.designation is not None
                and prev.designation.lower() == key
                and prev.text != prev.designation
                and prev.category != item.category
                and prev.category in _PLATFORMS
            ):
                fire(frame, "coref.designation-read-as-before")
                return ItemMention(
                    item.start,
                    item.end,
                    prev.category,
                    item.designation,
                    item.quantity,
                    item.origin,
                    prev.producer,
                    item.text,
                )
        return item

    def _weapons_named_before(self, item: ItemMention, index: int) -> list[ItemMention]:
        """The goods of the sentence before that a definite general word for weapons stands for ("die Waffen",
        "the weapons" right after goods of other kinds were named), one of each kind; none otherwise."""
        last = self.state.last_named
        tokens = self._sentence_tokens
        if (
            last is None
            or last[0] != index - 1
            or item.designation is not None
            or item.category != "military-equipment"
            or item.end - item.start != 1
            or item.start == 0
            or tokens[item.start - 1].lower not in _DEFINITE_BEFORE_WEAPONS
            or tokens[item.start].lower not in _GENERAL_WEAPONS
            or item.end < len(tokens)
            and tokens[item.end].lower in _TRADE_HEADS  # "the arms sales": a modifier
        ):
            return []
        out: list[ItemMention] = []
        for prev in last[1]:
            if prev.category != "military-equipment" and all(p.category != prev.category for p in out):
                out.append(prev)
        return out

    def _fill_origin_of_pronoun_goods(
        self, frame: Frame, parties: _Parties, items: list[ItemMention], vague: bool
    ) -> None:
        """ "More African countries want these Turkish drones. Niger, Togo and Ethiopia have already bought them.":
        goods named by a pronoun come from where the goods it stands for were said to come from; so do goods asked
        for ("Chile ordered 12 Brazilian jets, and Bolivia wanted 36")."""
        if parties.suppliers or not parties.recipients or vague or frame.trigger_kind not in _BUYING_OR_ASKING:
            return
        if not frame.items or any(it.carrier != "pronoun" for it in frame.items):
            return
        origins = {it.origin for it in items}
        origin = next(iter(origins)) if len(origins) == 1 else None
        if origin is not None and origin not in parties.recipients and is_state(origin):
            parties.fill("supplier", [origin], "discourse.origin-of-goods-named-before")

    def _fill_origin_of_definite_goods(self, index: int, frame: Frame, parties: _Parties, vague: bool) -> None:
        """ "Kenya bought Turkish drones. Ghana wants the drones too.": a buyer of goods named with a definite
        determiner, of the kind the sentence before named with an origin, buys them from that origin."""
        if parties.suppliers or not parties.recipients or vague or frame.trigger_kind not in _BUYING_OR_ASKING:
            return
        last = self.state.last_named
        tokens = self._sentence_tokens
        if last is None or last[0] != index - 1 or not frame.items:
            return
        if any(
            it.designation is not None
            or it.origin is not None
            or it.category is None
            or it.start == 0
            or tokens[it.start - 1].lower not in _DEFINITE
            for it in frame.items
        ):
            return
        kinds = {it.category for it in frame.items}
        origins = unique([p.origin for p in last[1] if p.category in kinds and p.origin is not None])
        if len(origins) == 1 and is_state(origins[0]) and origins[0] not in parties.recipients:
            parties.fill("supplier", origins, "discourse.origin-of-definite-goods-named-before")

    def _fill_pronoun_subject(self, index: int, frame: Frame, parties: _Parties) -> None:
        """ "The kingdom has ordered … It is also negotiating …": the subject of the sentence before."""
        if not frame.pronoun_subject:
            return
        giving = frame.trigger_kind in GIVE and not frame.passive
        role = parties.suppliers if giving else parties.recipients
        if role:
            return
        other = parties.recipients if giving else parties.suppliers
        subject = self.state.subjects.get(index - 1)
        last = self.state.last_transfer
        if self.lang == "en" and subject is None and last is not None and last[0] == index - 1:
            # "Despite requests from Kyiv, the government has refused to send weapons. Instead, it lent …": with
            # no state opening the sentence before, the pronoun continues the same side of its transfer
            same = [x for x in (last[1] if giving else last[2]) if x not in other]
            if len(same) == 1:
                parties.fill(
                    "supplier" if giving else "recipient", same, "discourse.pronoun-continues-side-of-last-transfer"
                )
                return
        actor = subject if subject is not None and subject not in other else self._last_actor(other, since=index - 1)
        if actor:
            parties.fill("supplier" if giving else "recipient", [actor], "discourse.pronoun-subject-of-last-sentence")

    def _fill_from_there(self, index: int, sentence: Sentence, frame: Frame, parties: _Parties) -> None:
        """ "China habe die Waffen an die Emirate geliefert, von dort seien sie an die RSF weitergereicht worden",
        "from there they went to Yemen": where the goods just went is where they leave from."""
        last = self.state.last_transfer
        if parties.suppliers or not parties.recipients or last is None or last[0] < index - 1:
            return
        tokens = sentence.tokens
        start = frame.trigger.start
        k = start - 1
        while k > 0 and tokens[k].text not in (",", ";", ":", "."):
            k -= 1
        words_before = tuple(t.lower for t in tokens[k:start])
        at = next(
            (
                k + i
                for p in _FROM_THERE
                for i in range(len(words_before) - len(p) + 1)
                if words_before[i : i + len(p)] == p
            ),
            None,
        )
        if at is None or any(k <= a.start < at for a in self._sentence_actors):
            return  # ("per Schiff nach Guinea und von dort …": "there" is the place just named)
        origin = [x for x in last[2] if x not in parties.recipients]
        if origin:
            parties.fill("supplier", origin, "discourse.from-there-is-last-destination")

    def _port_on_the_way(self, index: int, frame: Frame, parties: _Parties, items: list[ItemMention]) -> None:
        """ "Peru bought 42 Strykers from the US. 17 have already arrived at a port in Chile": the goods of the
        transfer just reported, arriving at a port of a state that is neither side of it, stop there on their way
        to its buyer (rule discourse.port-on-the-way)."""
        last = self.state.last_transfer
        if "port-of-call" not in frame.modifiers or not last or last[0] < index - 3 or not parties.recipients:
            return
        _, l_sup, l_rec, l_items = last
        if not l_rec or set(parties.recipients) & (set(l_rec) | set(l_sup)):
            return
        if parties.suppliers and not set(parties.suppliers) <= set(l_sup):
            return
        if not {it.category for it in items} & {it.category for it in l_items}:
            return
        parties.fill("recipient", list(l_rec), "discourse.port-on-the-way")
        if not parties.suppliers:
            parties.fill("supplier", list(l_sup), "discourse.port-on-the-way")

    def _fill_from_last_transfer(
        self, index: int, sentence: Sentence, frame: Frame, parties: _Parties, items: list[ItemMention], vague: bool
    ) -> None:
        """A sentence naming one side (or none) of the transfer just reported continues it."""
        last = self.state.last_transfer
        if not last or last[0] < index - 3 or (parties.suppliers and parties.recipients) or vague:
            return
        _, l_sup, l_rec, l_items = last
        cats = {it.category for it in l_items}
        suppliers, recipients = parties.suppliers, parties.recipients
        if (
            suppliers
            and not recipients
            and self.lang == "de"
            and set(suppliers) <= set(l_rec)
            and not set(suppliers) & set(l_sup)
            and any(t.lower in _IN_RETURN for t in sentence.tokens)
            and not self._party_named_besides(set(suppliers) | set(l_sup))
        ):
            # "… Militärgerät an die USA abzugeben. Im Gegenzug sollte Washington neue Ausrüstung liefern": what
            # is given in return goes back to who gave
            parties.fill("recipient", list(l_sup), "discourse.de.in-return-goes-back")
        elif suppliers and not recipients and set(suppliers) <= set(l_sup):
            if self._party_named_besides(set(suppliers) | set(l_rec)):
                reject("discourse.continue-last-transfer-recipient", "the sentence names another party")
            else:
                parties.fill("recipient", list(l_rec), "discourse.continue-last-transfer-recipient")
        elif (
            recipients
            and not suppliers
            and set(recipients) <= set(l_rec)
            and not self._party_named_besides(set(recipients) | set(l_sup))
            and (frame.trigger_kind != "request" or self._definite(sentence, frame))
        ):  # "Taipeh hatte die Systeme angefragt": the systems of the transfer just named
            makers = {it.producer for it in items if it.producer} - set(recipients)
            maker = next(iter(makers)) if len(makers) == 1 else None
            if maker is not None and maker not in l_sup and self.state.supplied.get(maker, 0) > 0:
                # "Portugal schickte drei Leopard … Bereits im vergangenen Jahr war das Land mit Flakpanzern vom
                # Typ Gepard versorgt worden": goods whose maker has supplied in this story come from that maker,
                # not from whoever supplied last
                parties.fill("supplier", [maker], "discourse.maker-supplied-before")
            else:
                parties.fill("supplier", list(l_sup), "discourse.continue-last-transfer-supplier")
        elif (
            recipients
            and not suppliers
            and last[0] == index - 1
            and "item.pronoun-object" in frame.trace
            and {it.category for it in items} <= cats
            and not set(recipients) & set(l_sup)
            and not self._party_named_besides(set(recipients) | set(l_sup) | set(l_rec))
        ):
            # "… dass Marokko die erste Charge Drohnen erhalten habe. Äthiopien erwägt, sie zu kaufen": the same goods,
            # from whoever just supplied them
            parties.fill("supplier", list(l_sup), "discourse.pronoun-goods-same-supplier")
        elif (
            not suppliers
            and not recipients
            and (
                {it.category for it in items} & cats
                or {it.producer for it in items} & set(l_sup)
                or (  # "Zudem sollen die zugesagten Jets übergeben werden", naming no one else
                    last[0] == index - 1 and all(is_reference(a.id) for a in self._sentence_actors)
                )
                or self._adds_to_last(sentence)
                or self._deal_named_back(sentence, frame)
            )
            and (
                self._definite(sentence, frame)
                or self._adds_to_last(sentence)
                or self._deal_named_back(sentence, frame)
                or self._agentless_passive_next(frame, index, last[0])
            )
            and not self._others_named(set(l_sup) | set(l_rec))
        ):
            if self._agentless_passive_next(frame, index, last[0]) and not self._definite(sentence, frame):
                fire(frame, "discourse.agentless-passive-continues")
            if self._adds_to_last(sentence):
                fire(frame, "discourse.additive-adverb-continues")
            elif self._deal_named_back(sentence, frame):
                fire(frame, "discourse.en.the-deal-includes")
            parties.fill("supplier", list(l_sup), "discourse.continue-last-transfer-pair")
            parties.fill("recipient", list(l_rec), "discourse.continue-last-transfer-pair")

    def _agentless_passive_next(self, frame: Frame, index: int, last: int) -> bool:
        """ "Russia donated two helicopters to Peru. Nine armoured vehicles were delivered in April.": a passive of
        giving that names nobody, right after a transfer, continues it with the goods it names."""
        return frame.passive and last == index - 1 and not self._sentence_actors and frame.trigger_kind in _GIVING

    def _deal_named_back(self, sentence: Sentence, frame: Frame) -> bool:
        """ "The deal includes a transfer of technology", "The contract also covers spare parts": a deal named with
        a definite article as the subject, right before a verb of including, is the deal just reported."""
        tokens = sentence.tokens
        k = frame.trigger.start
        for cue in self._sentence_cues:
            if "deal" not in cue.kinds or cue.start == 0 or cue.end >= k:
                continue
            if tokens[cue.start - 1].lower not in _DEAL_BACK_DETERMINERS:
                continue
            if any(t.lower in _INCLUDE_VERBS for t in tokens[cue.end : min(k, cue.end + 3)]):
                return not any(not is_reference(a.id) and a.start < k for a in self._sentence_actors)
        return False

    def _adds_to_last(self, sentence: Sentence) -> bool:
        """ "Zusätzlich wurden 8.000 Mörsergranaten geliefert.", "Additionally, 40 trucks were shipped.", "Ein drittes
        Flugzeug soll im Herbst folgen.": an additive adverb or an ordinal of one more opening a sentence that names
        no one adds goods to the transfer just reported."""
        opening = [t.lower for t in sentence.tokens[:3]]
        return bool(set(opening) & _ADDITIVE_OPENERS) and not any(not is_reference(a.id) for a in self._sentence_actors)

    def _named_here(self) -> set[str]:
        """The actors the sentence names itself (no references, speakers or origin adjectives)."""
        return {
            a.id
            for a in self._sentence_actors
            if not is_reference(a.id)
            and a.start not in self._speaker_tokens
            and a.kind not in ("adj", "origin", "demonym")
        }

    def _fill_speaking_state_supplier(self, frame: Frame, parties: _Parties, vague: bool) -> None:
        """ "the Government of Türkiye stated that no drones had been exported to …": a state that says nothing
        was exported speaks of its own exports."""
        kind = frame.trigger_kind
        if (
            self.lang != "en"
            or vague
            or parties.suppliers
            or not parties.recipients
            or "negation" not in frame.modifiers
            or not (kind in GIVE or kind in ("arrive", "go"))
        ):
            return
        speaker = self._speaking_state(set(parties.recipients))
        if speaker is not None:
            parties.fill("supplier", [speaker], "discourse.speaking-state-exported-nothing")

    def _fill_agentless_supplier(
        self, index: int, frame: Frame, parties: _Parties, items: list[ItemMention], vague: bool
    ) -> None:
        """An agentless export ("Genehmigt wurde die Ausfuhr von Pistolen an …") is the story's state's."""
        kind = frame.trigger_kind
        if parties.recipients and not parties.suppliers and not vague and kind in _FIRM_SELLS:
            firm = self._speaking_state(set(parties.recipients), firm=True)
            if firm is not None:
                # "Embraer confirms the sale of 8 Super Tucanos to Peru": a firm reporting a sale made it
                parties.fill("supplier", [firm], "discourse.speaking-firm-sells")
                return
        if kind == "deal" and not parties.suppliers and not parties.recipients and not vague:
            # "Am Freitag wurde der Kaufvertrag über 15 Gripen unterzeichnet": a deal naming neither side sells
            # the maker's system; the buyer is the state the story is about (filled next)
            producers = {it.producer for it in items if it.producer}
            if len(producers) == 1 and index > 0 and self.salient(index, exclude=producers) is not None:
                parties.fill("supplier", list(producers), "discourse.maker-sells-in-agentless-deal")
            return
        if not (
            parties.recipients and not parties.suppliers and (kind in GIVE or kind in ("arrive", "go")) and not vague
        ):
            return
        actor = self.salient(index, exclude=set(parties.recipients), home=True)
        producers = {it.producer for it in items if it.producer}
        seen = self.state.suppliers_seen
        rule = "discourse.home-state-exports"
        if actor and seen and actor not in seen:
            # the story's exports so far came from others: this state has not been the exporter
            reject("discourse.home-state-not-an-exporter", f"{actor} has supplied nothing in this story")
            actor = None
            sole = next(iter(seen)) if len(seen) == 1 else None
            if sole is not None and is_state(sole) and sole not in parties.recipients and not frame.pronoun_subject:
                # one exporter so far ("Baykar has signed a contract with Kuwait … The countries to which the drone
                # has been exported include …"): the story is about its exports
                actor, rule = sole, "discourse.sole-exporter-of-story-exports"
        others = {
            a.id
            for a in self._sentence_actors
            if a.id in self._named_here()
            and a.id not in parties.recipients
            and is_state(a.id)
            and a.prep is None
            and not a.genitive
            and a.kind == "name"
            and not (a.start > 0 and self._sentence_tokens[a.start - 1].text == "(")  # "Schardscha (Emirate)"
            and not any(  # "the U.S. had information that the North delivered weapons": a governing clause's
                t.lower in _COMPLEMENTIZERS for t in self._sentence_tokens[a.end : frame.trigger.start]
            )
        }
        if actor and others and actor not in others:
            # "Die USA unterstützen Kairo mit Militärhilfe, mit der … Panzer … beschafft wurden": another state
            # the sentence names could be the exporter
            reject("discourse.home-state-not-with-another-state-named", f"{sorted(others)} named in the sentence")
            actor = None
        if actor and self.lang == "en" and (actor in self._sentence_targets or actor in self._sentence_recipients):
            # "OFAC sanctioned two entities involved in procuring weapons for the Sudanese Armed Forces, as well as
            # companies that have facilitated the supply of weapons to the RSF": a state the sentence sanctions or
            # shows receiving is not the one exporting here
            reject("discourse.home-state-not-the-sanctioned", f"{actor} is sanctioned or receives in the sentence")
            actor = None
        if actor:
            parties.fill("supplier", [actor], rule)
        elif len(producers) == 1 and not producers & set(parties.recipients):
            # nothing else named: the maker's state of a named system exports it ("the sale of Rafale jets")
            parties.fill("supplier", list(producers), "discourse.maker-exports")

    def _main_recipient(self, exclude: set[str]) -> str | None:
        """The state that has received most in the story so far, at least twice and more than any other, and
        more often than it supplied."""
        received = self.state.received
        ranked = sorted(((n, a) for a, n in received.items() if a not in exclude), reverse=True)
        if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        main = ranked[0][1]
        if self.state.supplied.get(main, 0) >= ranked[0][0] or not is_state(main):
            return None
        return main

    def _share_of_its(self, sentence: Sentence, frame: Frame) -> bool:
        """ "supplied about 70 percent of its arms imports": a share of a possessor's goods after the verb."""
        if self.lang != "en":
            return False
        tokens = sentence.tokens
        stop = min((it.start for it in frame.items if it.start > frame.trigger.start), default=-1)
        for k in range(frame.trigger.end, stop - 1):
            if (
                tokens[k].lower in _SHARES
                and tokens[k + 1].lower == "of"
                and k + 2 < len(tokens)
                and tokens[k + 2].lower in _POSSESSIVES
            ):
                return True
        return False

    def _fill_recipient(
        self, index: int, sentence: Sentence, frame: Frame, parties: _Parties, items: list[ItemMention], vague: bool
    ) -> None:
        """The receiving side from the discourse when the sentence names only the supplier."""
        kind = frame.trigger_kind
        # Other states named here could be the recipient, so only fill from the discourse when the
        # sentence names none (suppliers of its frames, speakers and origin adjectives do not count).
        named_here = self._named_here() - self._sentence_suppliers
        if self.lang == "en":
            # "flew hundreds of missions against Islamic State": whom goods are used against receives nothing
            named_here -= {a.id for a in self._sentence_actors if a.prep in _AGAINST_EN} - {
                a.id for a in self._sentence_actors if a.prep not in _AGAINST_EN
            }
        if (
            not parties.recipients
            and parties.suppliers
            and sentence.tokens
            and sentence.tokens[0].lower in _POSSESSIVES
        ):
            actor = self.recent_state(index, exclude=set(parties.suppliers))  # "Its air force still flies …"
            if actor:
                parties.fill("recipient", [actor], "discourse.its-forces-are-the-last-state")
        if not parties.recipients and parties.suppliers and not vague and self._share_of_its(sentence, frame):
            # "Bangladesh leans towards Beijing. China supplied about 70 percent of its arms imports": whose
            # imports they are is the state the sentence before was about
            here = [
                a.id
                for a in self._sentence_actors
                if a.id in named_here and a.id not in parties.suppliers and is_state(a.id)
            ]
            if here:
                # "For Hanoi, … Russia, which has furnished the bulk of its arsenal": a state the sentence names
                actor = here[0] if len(set(here)) == 1 else None
            else:
                actor = self.recent_state(index, exclude=set(parties.suppliers), by_subject=True)
            if actor:
                parties.fill("recipient", [actor], "discourse.en.share-of-its-imports")
        if (parties.suppliers or kind == "arrive") and not parties.recipients and not vague and kind != "request":
            if self._fill_story_recipient(index, frame, parties, items, named_here):
                return  # the goods talked about decided; no maker fills in
        if (
            parties.recipients
            and not parties.suppliers
            and kind in ("get", "buy", "order", "arrive", "request", "deal")
            and not vague
        ):
            # "…, which took delivery of its first batteries": goods named earlier come from their maker
            producers = {it.producer for it in items if it.producer} - set(parties.recipients)
            if len(producers) == 1:
                parties.fill("supplier", list(producers), "discourse.maker-of-goods-named-before")
            elif not producers:
                self._fill_maker_of_storys_system(parties, items)

    def _fill_maker_of_storys_system(self, parties: _Parties, items: list[ItemMention]) -> None:
        """Goods named only by their kind ("Togo erhielt eine Lieferung von Drohnen") in a story that has named one
        system of that kind ("die Bayraktar TB2"), made in one state: they are that system, from that state."""
        kinds = {it.category for it in items if it.category}
        named = {it.producer for it in self.state.items if it.designation and it.producer and it.category in kinds}
        named -= set(parties.recipients)
        tokens = self._sentence_tokens
        other = any(
            t.lower in _OTHER_KIND for it in items for t in tokens[max(0, it.start - 2) : it.end + 3]
        )  # "24 fighters of another type": not the system named
        # (only while the story has shown no other supplier: once it has, goods of that kind may come from any of them)
        others = self.state.suppliers_seen - named
        if len(named) == 1 and not other and not others and all(not it.designation for it in items):
            parties.fill("supplier", list(named), "discourse.maker-of-the-storys-system")

    def _fill_story_recipient(
        self, index: int, frame: Frame, parties: _Parties, items: list[ItemMention], named_here: set[str]
    ) -> bool:
        """The recipient a supplier's sentence leaves unnamed: the state the goods talked about were for, the
        story's state (unless it has not received or mostly supplies), the story's buyer of a threatened purchase,
        or the state that has received most."""
        kind = frame.trigger_kind
        # "Drei Staffeln hat Moskau bereits geliefert": to the state the story is about - unless
        # the sentence names another state that could be meant instead.
        topic = self._topic_recipient(index, items, set(parties.suppliers))
        if topic is not None and named_here <= set(parties.suppliers):
            parties.fill("recipient", [topic], "discourse.recipient-of-the-goods-talked-about")
            return True
        actor = self.salient(index, exclude=set(parties.suppliers))
        seen = self.state.recipients_seen
        state_supplied = self.state.supplied
        state_received = self.state.received
        if actor and seen and actor not in seen:
            # the story's transfers so far went to others: this state has not been the receiver
            reject("discourse.story-state-not-a-receiver", f"{actor} has received nothing in this story")
            actor = None
        if actor and state_supplied.get(actor, 0) > state_received.get(actor, 0):
            # "Russia's arms business in Latin America …": a state the story shows supplying more often than
            # receiving is not the one that receives unnamed
            reject("discourse.story-state-not-a-receiver", f"{actor} has supplied more than received")
            actor = None
        threat_buyer = (
            self.lang == "en"
            and kind in _PURCHASE_KINDS
            and bool(self._sentence_imposers)
            and named_here - self._sentence_imposers <= set(parties.suppliers)
            and "roles.receive.from-supplier" in frame.trace
        )
        if actor and (named_here <= set(parties.suppliers) or actor in named_here):
            parties.fill("recipient", [actor], "discourse.story-state-receives")
        elif threat_buyer:
            # "A plan to buy Su-35 fighters from Moscow was shelved after Washington threatened sanctions": who
            # threatens a measure is no buyer; the buyer left unnamed is the state the story is about
            buyer = actor or self.salient(index, exclude=set(parties.suppliers) | self._sentence_imposers)
            if buyer and self.state.received.get(buyer, 0) > 0:  # a buyer of arms before in the story
                parties.fill("recipient", [buyer], "discourse.story-buyer-of-threatened-purchase")
        elif (
            actor is None
            and self.lang == "en"
            and named_here <= set(parties.suppliers)
            and {"roles.give.subject-supplies", "roles.receive.from-supplier"} & set(frame.trace)
            and not {"item.pronoun-object", "coref.goods-named-before"} & set(frame.trace)
        ):
            main = self._main_recipient(set(parties.suppliers))
            if main:
                # "Russia sold Venezuela Su-30s … Beijing supplied K-8 jet trainers": the salient state is a
                # supplier here; the state that has received most in the story receives
                parties.fill("recipient", [main], "discourse.story-main-recipient-receives")
        return False

    def _goes_under_approvals(self, index: int, frame: Frame) -> bool:
        """A German present "geht an" with no time of its own, right after transfers that were only agreed."""
        last = self.state.last_package
        return (
            self.lang == "de"
            and frame.trigger_kind == "go"
            and self._sentence_tokens[frame.trigger.start].lower in _GO_PRESENT
            and not frame.modifiers & _TENSE_MARKS
            and last is not None
            and index - last[0] <= 1
            and set(last[3]) == {"agreed"}
        )

    def _emit_transfers(
        self,
        index: int,
        sentence: Sentence,
        frame: Frame,
        parties: _Parties,
        items: list[ItemMention],
        source: str | None,
    ) -> bool:
        decision = self._statuses(frame)
        last = self.state.last_package
        if frame.role_noun and parties.rule.startswith("discourse.") and last and last[3]:
            # "Größtes Empfängerland war Brasilien" after licences granted: the recipient of those licences
            decision.statuses = [(st, False) for st in dict.fromkeys(last[3])]
            decision.rules = ["discourse.role-noun-continues-report"]
        elif self._goes_under_approvals(index, frame):
            # "Der Bundessicherheitsrat genehmigte … Ein Flugzeug geht an Pakistan": the present names what the
            # approvals just reported cover, not a delivery
            decision.statuses = [("agreed", False)]
            decision.rules = ["discourse.de.goes-under-approvals"]
        if not decision.statuses:
            reject(decision.rules[-1], "the status table gives no event")
        trace = parties.trace + decision.rules + self._source_trace(source)
        pairs = _distributive(frame, items, parties.recipients)
        if pairs:
            trace.append("discourse.each-good-to-its-recipient")
        made = False
        for supplier in parties.suppliers:
            if supplier in _MEASURES_ONLY:
                # "The UN Security Council prohibits the supply of arms to North Korea": the embargo is the measure;
                # the UN has no arms to give
                reject("filter.un-supplies-nothing", f"{supplier} exports nothing")
                continue
            for recipient in parties.recipients:
                if supplier == recipient:
                    continue
                if recipient in _MEASURES_ONLY:
                    # "UN sanctions ban North Korea from selling arms": the UN imposes; it buys no arms either
                    reject("filter.un-receives-nothing", f"{recipient} receives no arms")
                    continue
                for item in items:
                    if pairs and pairs.get(id(item), recipient) != recipient:
                        continue
                    if frame.item_suppliers and frame.item_suppliers.get(id(item), supplier) != supplier:
                        continue
                    statuses = decision.statuses
                    item_trace = trace
                    if item.part and [st for st, _ in statuses] == ["delivered"]:
                        # "received the first 11 of 29 HIMARS": the 29 were ordered
                        statuses = [*statuses, ("agreed", False)]
                        item_trace = [*trace, "status.part-of-an-order"]
                    for status, from_subject in statuses:
                        src = frame.subject_text if from_subject else None
                        self._add(
                            _stated(
                                sentence,
                                item_trace,
                                type="transfer",
                                status=status,
                                rule=parties.rule or (parties.trace[0] if parties.trace else ""),
                                supplier=supplier,
                                recipient=recipient,
                                item=item.category,
                                designation=item.designation,
                                # "the first 24 of 96": the delivered count is the part, the order the whole
                                quantity=item.part if status == "delivered" and item.part else item.quantity,
                                source=src if src is not None else source,
                            )
                        )
                        made = True
        return made

    def _export_stop(self, sentence: Sentence, parties: _Parties, source: str | None) -> None:
        """ "genehmigt keine Rüstungsexporte mehr nach X": a general export stop is a sanction."""
        decision = decide("export-stop", "", frozenset(), frozenset())
        trace = parties.trace + ["sanction.general-export-stop", *decision.rules] + self._source_trace(source)
        statuses = [st for st, _ in decision.statuses]
        self._count_measure(parties.suppliers, parties.recipients)
        self._add_measures(
            sentence, trace, parties.suppliers, parties.recipients, statuses, "sanction.general-export-stop", source
        )

    def _count_measure(self, imposers: list[str], targets: list[str]) -> None:
        """Who the story's measures are by and against (the main target of the story, the imposers in order)."""
        for target in targets:
            self.state.targets[target] = self.state.targets.get(target, 0) + 1
        for imposer in imposers:
            self.state.imposers[imposer] = self.state.imposers.get(imposer, 0) + 1
            if imposer not in self.state.imposer_order:
                self.state.imposer_order.append(imposer)

    @staticmethod
    def _definite(sentence: Sentence, frame: Frame) -> bool:
        """A continuation names its goods as known: "Die Maschinen sollen 2029 ausgeliefert werden"."""
        for item in frame.items:
            if item.carrier:
                return True
            before = sentence.tokens[max(0, item.start - 3) : item.start]
            if any(t.lower in _DEFINITE for t in before):
                return True
        return False

    def _resolve_item(self, item: ItemMention, frame: Frame | None = None) -> ItemMention | None:
        if item.category:
            named = self._demonstrative_antecedent(item)
            if named is None:
                part_of = self._partitive_antecedent(item)
                if part_of is not None:
                    if frame is not None:
                        fire(frame, "coref.partitive-of-goods-named-before")  # "36 of the planes"
                    return _standing_for(item, part_of)
                typed = self._type_antecedent(item)
                if typed is None:
                    return item
                if frame is not None:
                    fire(frame, "coref.type-named-before")  # "ordered 24 fighters of this type"
                return _standing_for(item, typed)
            if frame is not None:
                # "Laos received four Yak-130 jets … These warplanes are part of an order": the trainers named
                # before, not any fighters
                fire(frame, "coref.demonstrative-goods-named-before")
            return _standing_for(item, named)
        tokens = self._sentence_tokens
        if item.carrier == "carrier" and item.end < len(tokens) and tokens[item.end].lower in _OF_EN:
            # "three batteries of the shore-based, anti-ship variant of the BrahMos missile system": the system
            # the of-phrase names
            named = next(
                (it for it in self._sentence_items if it.designation and item.end < it.start <= item.end + 10),
                None,
            )
            if named is not None and all(t.letter_first or t.text == "," for t in tokens[item.end : named.start]):
                if frame is not None:
                    fire(frame, "coref.system-of-carrier")
                return _standing_for(item, named)
        if item.carrier == "carrier" and any(
            it.category and item.end <= it.start <= item.end + 3 for it in self._sentence_items
        ):
            # "the first batch of Turkish drones", "die erste Charge türkischer Drohnen": the counter counts the
            # goods named right after it; it stands for no goods named before
            if frame is not None:
                fire(frame, "coref.counter-of-goods-after")
            return None
        here = [it for it in self._sentence_items if it.category and it.start < item.start]
        # ("Qatar has bought 36 of the planes, and Egypt ordered 24": the part stands for the goods named before)
        here = [_standing_for(it, p) if (p := self._partitive_antecedent(it)) is not None else it for it in here]
        if item.carrier == "one":
            prev_one = next(reversed(self.state.items + here), None)
            if prev_one is None:
                return None
            if frame is not None:
                # "France offered submarines … Myanmar took delivery of a China-made one": goods of the kind named
                # before, of the origin the adjective names (another system, so no designation)
                fire(frame, "coref.one-of-the-goods-named-before")
            return ItemMention(
                item.start, item.end, prev_one.category, None, item.quantity, item.origin, None, item.text
            )
        for prev in reversed(self.state.items + here):
            if item.carrier == "missile" and prev.category not in _MISSILES:
                continue
            if item.carrier == "carrier" and not prev.designation and prev.category not in _MISSILES:
                continue
            if item.carrier == "weapon" and not prev.designation:
                continue
            if item.carrier == "aircraft" and (prev.category not in _AIRCRAFT or not prev.designation):
                continue
            if item.carrier == "aircraft" and frame is not None:
                # "Vietnam ordered Yak-130 trainers … Russia has sold the jets to Laos": the trainers named before
                fire(frame, "coref.en.the-jets-named-before")
            return _standing_for(item, prev)
        if item.carrier == "aircraft":
            # "the jets" with no aircraft named before: fighters, as the word says
            return ItemMention(
                item.start, item.end, "combat-aircraft", None, item.quantity, item.origin, None, item.text
            )
        if item.carrier == "missile":
            # "Raketen an die Huthis geliefert": missiles no earlier name makes specific are missiles all the same
            return ItemMention(item.start, item.end, "other-missile", None, item.quantity, item.origin, None, item.text)
        if item.carrier in ("weapon", "delivery"):  # "the weapon", "die Lieferung" with nothing named before
            category = "military-equipment"
            return ItemMention(item.start, item.end, category, None, item.quantity, item.origin, None, item.text)
        return None

    def _statuses(self, frame: Frame):
        """The status decision for a transfer frame (``rules/status.tsv``, table "transfer")."""
        flags = set()
        if frame.reported_by_report:
            flags.add("reported_by_report")
        if frame.attributed:
            flags.add("attributed")
        if frame.infinitive:
            flags.add("infinitive")
        if frame.role_noun:
            flags.add("role_noun")
        if "request_noun" in frame.trigger.kinds:
            flags.add("request_noun")  # "did not answer Kyiv's request": the negation is not on the asking
        if set(frame.requesters) & set(frame.recipients):
            flags.add("asked_by_recipient")  # "plans to send drones to Somalia after a request from Mogadishu"
        if "roles.company-receives-order-sells" in frame.trace:
            flags.add("order_won")  # "Saab erhielt einen Auftrag": the order is what arrived, not the goods
        if "mod.deal-to-come" in frame.trace:
            flags.add("deal_to_come")  # "will be followed by a contract for …": the deal is to come
        if "roles.company-receives-licence-supplies" in frame.trace:
            flags.add("licence_won")  # "erhielt die Exportgenehmigung": the approval arrived, not the goods
        return decide("transfer", frame.trigger_kind, frozenset(frame.modifiers), frozenset(flags))

    # ------------------------------------------------------------------ sanctions
    def _sanction(self, index: int, sentence: Sentence, frame: Frame, source: str | None) -> None:
        trace = list(frame.trace)
        named_again = frame.trigger.start > 0 and sentence.tokens[frame.trigger.start - 1].lower in _DEFINITE_MEASURE
        imposers = self._measure_imposers(index, frame, list(frame.targets), trace, named_again)
        targets = self._measure_targets(index, sentence, frame, imposers, list(frame.targets), trace)
        if frame.question:
            reject("filter.question", f"measure {frame.trigger.lemma!r}")  # "Will the EU impose sanctions …?"
            return
        self._note_open_measure(index, frame, imposers, targets, trace)
        if not imposers or not targets:
            reject("filter.missing-party", f"measure {frame.trigger.lemma!r}: {imposers} → {targets}")
            return
        decision = decide(
            "sanction", frame.trigger_kind, frozenset(frame.modifiers), self._measure_flags(sentence, frame)
        )
        if not decision.statuses:
            # "hat keine Sanktionen verhängt": the status table says the text states no measure
            reject(decision.rules[0], f"measure {frame.trigger.lemma!r}: {imposers} → {targets}, no status")
            return
        trace += decision.rules + self._source_trace(source)
        self.state.last_targets = (index, list(targets))
        self.state.last_imposers = list(imposers)
        if len(imposers) > 1:
            self.state.last_joint = (index, list(imposers))
        self._count_measure(imposers, targets)
        rule = next(
            (r for r in reversed(frame.trace) if r.startswith("sanction.")), frame.trace[0] if frame.trace else ""
        )
        self._add_measures(sentence, trace, imposers, targets, [st for st, _ in decision.statuses], rule, source)

    def _measure_imposers(
        self, index: int, frame: Frame, targets: list[str], trace: list[str], named_again: bool = False
    ) -> list[str]:
        """Who imposes a measure named without an imposer: the last actor for a pronoun, the story's council or
        treasury, the imposer of the measure just reported, or the story's main imposer."""
        imposers = list(frame.imposers)
        if not imposers and frame.pronoun_subject:
            actor = self._last_actor(targets)
            if actor:
                imposers = [actor]
                trace.append("discourse.pronoun-imposer-last-actor")
        if not imposers and frame.council:
            # "Der Rat": the council named last in the story (the Security Council's UN), else the EU's Council
            councils = [actor for _, actor in self.state.actors if actor in _COUNCILS]
            imposers = [councils[-1] if councils else _COUNCILS[0]]
            trace.append("discourse.council-of-the-story")
        if not imposers and frame.treasury:
            # "The Treasury sanctioned …": the treasury of the state named last among those that have one (the
            # UK's in a British story), else the US Treasury
            treasuries = [actor for _, actor in self.state.actors if actor in _TREASURIES]
            imposers = [treasuries[-1] if treasuries else _TREASURIES[0]]
            trace.append("discourse.treasury-of-the-story")
        last = self.state.last_targets
        if (
            not imposers
            and targets
            and not frame.no_fill
            and last is not None
            and last[0] == index - 1
            and set(targets) <= set(last[1])
            and self.state.last_imposers
            and not set(self.state.last_imposers) & set(targets)
            and "coref.target-of-last-measure" not in trace  # the target named here, not taken up from there
        ):
            # "EU foreign ministers agreed to suspend sanctions on Syria's banking … An arms embargo and measures
            # against people linked to the Assad government remain in force": the same imposer's measures
            imposers = list(self.state.last_imposers)
            trace.append("discourse.imposer-of-last-measure")
        if (
            not imposers
            and self.lang == "de"
            and targets
            and not frame.no_fill
            and last is not None
            and last[0] == index - 1
            and self.state.last_imposers
            and not set(self.state.last_imposers) & set(targets)
            and "sanction.listing-in-sanctions-story" in frame.trace
        ):
            # "Die USA verschärfen ihre Sanktionen gegen die Militärregierung. Betroffen sind zwei Firmen aus
            # Singapur.": who is affected is listed under the measure just reported, by its imposer
            imposers = list(self.state.last_imposers)
            trace.append("discourse.de.listing-under-last-measure")
        joint = self.state.last_joint
        if (
            not imposers
            and named_again
            and not frame.no_fill
            and joint is not None
            and index - joint[0] <= _MEASURE_NAMED_AGAIN_WITHIN
            and not set(joint[1]) & set(targets)
        ):
            # "Die USA, Großbritannien und Frankreich haben Sanktionen gegen den Iran verhängt. … Die Sanktionen
            # betreffen auch russische Frachtschiffe": the measure named again with a definite article is the one
            # reported a few sentences before by several imposers, all of them
            imposers = list(joint[1])
            trace.append("discourse.imposers-of-measure-named-again")
        if not imposers and self.state.imposers and not frame.no_fill:
            # An agentless measure ("Three generals were designated") is the story's main imposer's.
            best = self._main_imposer(exclude=set())
            imposers = [best] if best and best not in targets else []
            if imposers:
                trace.append("discourse.main-imposer-of-story")
        return imposers

    @staticmethod
    def _measure_flags(sentence: Sentence, frame: Frame) -> frozenset[str]:
        """Facts about the measure for the status table: "named_before" when a definite or possessive determiner
        names a measure already in force ("urged Belgrade to align with its sanctions")."""
        start = frame.trigger.start
        if start > 0 and sentence.tokens[start - 1].lower in _NAMED_MEASURE_DETERMINERS:
            return _NAMED_BEFORE
        return frozenset()

    def _measure_targets(
        self, index: int, sentence: Sentence, frame: Frame, imposers: list[str], targets: list[str], trace: list[str]
    ) -> list[str]:
        """Against whom a measure named without a target is: the story's main target of announced measures, the
        target of a measure lifted by its definite name, the firm of the story's state, the buyer threatened."""
        announced = bool(_SUBJECT_IMPOSES & set(frame.trace))
        if (
            announced
            and not targets
            and self.state.targets
            and (frame.modifiers & _ANNOUNCED or "impose" in frame.modifiers and "prevent" in frame.trigger.kinds)
            and "sanction" in frame.trigger.kinds
        ):
            # "Auch Großbritannien und die USA kündigten neue Strafmaßnahmen an", "Norwegen und Finnland haben bereits
            # einen Exportstopp verhängt": against whom the story's measures are
            counts = {t: n for t, n in self.state.targets.items() if t not in imposers}
            if counts:
                targets = [max(counts, key=lambda t: counts[t])]
                trace.append("discourse.main-target-of-story")
        last = self.state.last_targets
        if (
            imposers
            and not targets
            and "lift" in frame.modifiers
            and last is not None
            and index - last[0] <= 3
            and frame.trigger.start > 0
            and sentence.tokens[frame.trigger.start - 1].lower in _DEFINITE_MEASURE
        ):
            # "Schweden hatte die Ausfuhr in die Türkei gestoppt. … Schweden hob das Embargo 2022 auf", "Washington
            # lifted the embargo in 2016": the measure named with a definite article is the one just reported
            targets = [t for t in last[1] if t not in imposers]
            if targets:
                trace.append("discourse.definite-measure-lifted")
        if imposers and not targets and frame.target_noun and "sanction" in frame.trigger.kinds:
            # "considering sanctions on the state-owned oil and gas company": the story's country's firm
            actor = self.salient(index, exclude=set(imposers))
            if actor:
                targets = [actor]
                trace.append("discourse.firm-of-the-story-state")
        if (
            self.lang == "en"
            and imposers
            and not targets
            and "threaten" in frame.modifiers
            and "sanction" in frame.trigger.kinds
        ):
            # "Russia has begun delivering S-400s to India despite the threat of US sanctions": a threat over a
            # transfer the sentence reports is against its buyer
            buyers = [b for b in self._sentence_buyers if b not in imposers]
            if buyers:
                targets = buyers[:1]
                trace.append("discourse.threat-against-buyer")
            elif self._open_purchase_sellers and not frame.no_fill:
                # "A plan to buy Su-35 fighters from Moscow was shelved after Washington threatened sanctions":
                # the buyer left unnamed is the state the story is about
                exclude = set(imposers) | set(self._open_purchase_sellers)
                actor = self.salient(index, exclude=exclude)
                if actor:
                    targets = [actor]
                    trace.append("discourse.threat-against-story-buyer")
        return targets

    def _note_open_measure(
        self, index: int, frame: Frame, imposers: list[str], targets: list[str], trace: list[str]
    ) -> None:
        """A measure with an imposer and no target yet: the imposer is known for the agentless listings that follow,
        and the next sentence may say where the listed firms are."""
        if imposers and not targets and "impose" in frame.modifiers and "negation" not in frame.modifiers:
            # "The Commerce Department added 28 entities to the Entity List": no target named, but the story's
            # imposer is known for the agentless listings that follow ("The two UAE companies are added …")
            for imposer in imposers:
                if imposer not in self.state.imposers:
                    self.state.imposers[imposer] = 0
                    self.state.imposer_order.append(imposer)
        if imposers and not targets and not frame.question:
            # "added 28 entities to the Entity List. The entities are located in China, Iran and the UAE.": the
            # next sentence may say where the listed firms are
            opened = decide("sanction", frame.trigger_kind, frozenset(frame.modifiers), frozenset())
            statuses = [st for st, _ in opened.statuses]
            if statuses:
                self.state.open_measure = (index, list(imposers), statuses, trace + opened.rules)

    def _add_measures(
        self,
        sentence: Sentence,
        trace: list[str],
        imposers: list[str],
        targets: list[str],
        statuses: list[str],
        rule: str,
        source: str | None,
    ) -> None:
        """One sanction event per imposer, target and status (nobody sanctions itself)."""
        self._drop_refusals_under_measure(sentence, imposers, targets)
        for imposer in imposers:
            for target in targets:
                if imposer == target:
                    continue
                for status in statuses:
                    self._add(
                        _stated(
                            sentence,
                            trace,
                            type="sanction",
                            status=status,
                            rule=rule,
                            imposer=imposer,
                            target=target,
                            source=source,
                        )
                    )

    def _drop_refusals_under_measure(self, sentence: Sentence, imposers: list[str], targets: list[str]) -> None:
        """ "Resolutions of the Security Council prohibit the supply of arms to North Korea": the measure against a
        state is the event; a refused transfer to it that the same sentence states from a supplier other than
        the one imposing (found only in the discourse) is the measure's content, not news of its own."""
        for key, event in list(self.events.items()):
            if (
                event.type == "transfer"
                and event.status == "refused"
                and event.recipient in targets
                and event.supplier not in imposers
                and event.supplier not in self._sentence_imposers
                and event.start == sentence.start
                and event.item in _GENERAL_GOODS
            ):
                del self.events[key]
                reject(
                    "filter.refused-transfer-under-measure",
                    f"{event.supplier} → {event.recipient} {event.item}: the measure against {event.recipient}",
                )

    def _add(self, event: Event) -> None:
        key = event.key
        if event.type == "transfer" and event.recipient and event.recipient not in self._sentence_buyers:
            self._sentence_buyers.append(event.recipient)
        have = self.events.get(key)
        if have is None:
            self.events[key] = event
            return
        if have.designation is None and event.designation:
            have.designation = event.designation
        if have.quantity is None and event.quantity is not None:
            have.quantity = event.quantity
        if have.source is None and event.source:
            have.source = event.source
