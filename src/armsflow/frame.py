"""The frame: one trigger with its goods, roles and modality, and the trace of rules that built it.

A frame is what the frames stage hands to the events stage. Every rule that decides something
about a frame appends its id to ``frame.trace`` (see ``rules/catalogue.tsv`` for what each id
means), so that an event can say why it exists. Candidates a rule rejects are logged only when
``EXPLAIN`` is switched on (``armsflow explain``), so bulk extraction does not pay for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from armsflow.lexicons import kind_group, trigger_priority
from armsflow.mentions import CueMention, ItemMention

# Kind groups, from the schema (lexicons/cue_kinds.tsv).
GIVE: Final = kind_group("give")
RECEIVE: Final = kind_group("receive")
ARRIVE: Final = kind_group("arrive")
DEAL: Final = kind_group("deal")
TRIGGERS: Final = kind_group("trigger")
PRIORITY: Final = trigger_priority()
MODIFIERS: Final = kind_group("modifier")
REACHING: Final = kind_group("reaching")
NOUN_GOVERNORS: Final = kind_group("noun-governor")
GIVE_OR_RECEIVE: Final = GIVE | RECEIVE
# Unions and differences the rules test cues against, built once (built inside a test, each cost a new set
# of some dozens of kinds per cue).
TRIGGERS_OR_MODIFIERS: Final = TRIGGERS | MODIFIERS
TRIGGERS_BUT_USE: Final = TRIGGERS - {"use"}
TRIGGERS_BUT_APPROVE: Final = TRIGGERS - {"approve"}


@dataclass(slots=True, init=False)
class Frame:
    """One reading of a trigger: its parties, goods, modifiers and the rules that decided them.

    The constructor is written out (``init=False``): compiled, a dataclass's generated ``__init__`` runs as
    interpreted Python behind a keyword dictionary (about 12,000 instructions a frame); this one compiles
    to plain field stores. Empty list, set and dict fields are made fresh per frame.
    """

    kind: str  # "transfer" or "sanction"
    trigger: CueMention
    trigger_kind: str
    clause: int
    items: list[ItemMention]
    suppliers: list[str]
    recipients: list[str]
    imposers: list[str]
    targets: list[str]
    modifiers: set[str]
    passive: bool
    subject_text: str | None  # the deny/refuse clause subject, a source candidate
    reported_by_report: bool  # the claim is a report's that someone rejects
    pronoun_subject: bool
    infinitive: bool  # "… expects the jets | to arrive": not yet happened
    recipient_marks: list[tuple[str, int]]  # (id, token) of "to X" recipients
    ref_initial: bool  # "Das Land hat …" opens the sentence
    no_fill: bool  # roles must come from the sentence, not from the discourse
    question: bool  # inside "whether …"/"ob …": asked, not asserted
    attributed: bool  # the sentence attributes its claim to someone
    role_noun: bool  # led by a noun of the supplier's or customer's role ("Hauptabnehmer", "supplier")
    item_suppliers: dict[int, str]  # id(item) -> supplier, from each item's origin
    target_noun: bool  # "sanctions on the state-owned oil company": a target not named by a state
    council: bool  # "Der Rat hat … verhängt": the council the story is about imposes
    treasury: bool  # "The Treasury sanctioned …": the treasury of the story's state imposes
    country_ref: list[str]  # roles filled by "das Land"
    requesters: list[str]  # who asked for what the clause does ("after a request from X")
    aside: bool  # stated in a relative clause on a party ("Qatar, which has bought 36 of them"): background
    trace: list[str]  # rule ids, in the order they decided
    rule: str  # the rule that decided the parties (the last role rule on the trace)

    def __init__(
        self,
        kind: str,
        trigger: CueMention,
        trigger_kind: str,
        clause: int,
        items: list[ItemMention] | None = None,
        suppliers: list[str] | None = None,
        recipients: list[str] | None = None,
        imposers: list[str] | None = None,
        targets: list[str] | None = None,
        modifiers: set[str] | None = None,
        passive: bool = False,
        subject_text: str | None = None,
        reported_by_report: bool = False,
        pronoun_subject: bool = False,
        infinitive: bool = False,
        recipient_marks: list[tuple[str, int]] | None = None,
        ref_initial: bool = False,
        no_fill: bool = False,
        question: bool = False,
        attributed: bool = False,
        role_noun: bool = False,
        item_suppliers: dict[int, str] | None = None,
        target_noun: bool = False,
        council: bool = False,
        treasury: bool = False,
        country_ref: list[str] | None = None,
        requesters: list[str] | None = None,
        aside: bool = False,
        trace: list[str] | None = None,
        rule: str = "",
    ) -> None:
        self.kind = kind
        self.trigger = trigger
        self.trigger_kind = trigger_kind
        self.clause = clause
        self.items = [] if items is None else items
        self.suppliers = [] if suppliers is None else suppliers
        self.recipients = [] if recipients is None else recipients
        self.imposers = [] if imposers is None else imposers
        self.targets = [] if targets is None else targets
        self.modifiers = set() if modifiers is None else modifiers
        self.passive = passive
        self.subject_text = subject_text
        self.reported_by_report = reported_by_report
        self.pronoun_subject = pronoun_subject
        self.infinitive = infinitive
        self.recipient_marks = [] if recipient_marks is None else recipient_marks
        self.ref_initial = ref_initial
        self.no_fill = no_fill
        self.question = question
        self.attributed = attributed
        self.role_noun = role_noun
        self.item_suppliers = {} if item_suppliers is None else item_suppliers
        self.target_noun = target_noun
        self.council = council
        self.treasury = treasury
        self.country_ref = [] if country_ref is None else country_ref
        self.requesters = [] if requesters is None else requesters
        self.aside = aside
        self.trace = [] if trace is None else trace
        self.rule = rule


def fire(frame: Frame, rule_id: str) -> None:
    """Record that a rule decided something about this frame."""
    frame.trace.append(rule_id)


@dataclass(slots=True)
class Explain:
    """Switched on by ``armsflow explain``: rejected candidates, with the rule that rejected them."""

    active: bool = False
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (rule id, what was rejected)


EXPLAIN: Final = Explain()


def reject(rule_id: str, what: str) -> None:
    """Log a candidate a rule dropped (only while explaining)."""
    if EXPLAIN.active:
        EXPLAIN.rejected.append((rule_id, what))
