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


@dataclass(slots=True)
class Frame:
    kind: str  # "transfer" or "sanction"
    trigger: CueMention
    trigger_kind: str
    clause: int
    items: list[ItemMention] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    imposers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    modifiers: set[str] = field(default_factory=set)
    passive: bool = False
    subject_text: str | None = None  # the deny/refuse clause subject, a source candidate
    reported_by_report: bool = False  # the claim is a report's that someone rejects
    pronoun_subject: bool = False
    infinitive: bool = False  # "… expects the jets | to arrive": not yet happened
    recipient_marks: list[tuple[str, int]] = field(default_factory=list)  # (id, token) of "to X" recipients
    ref_initial: bool = False  # "Das Land hat …" opens the sentence
    no_fill: bool = False  # roles must come from the sentence, not from the discourse
    question: bool = False  # inside "whether …"/"ob …": asked, not asserted
    attributed: bool = False  # the sentence attributes its claim to someone
    role_noun: bool = False  # led by a noun of the supplier's or customer's role ("Hauptabnehmer", "supplier")
    item_suppliers: dict[int, str] = field(default_factory=dict)  # id(item) -> supplier, from each item's origin
    target_noun: bool = False  # "sanctions on the state-owned oil company": a target not named by a state
    council: bool = False  # "Der Rat hat … verhängt": the council the story is about imposes
    country_ref: list[str] = field(default_factory=list)  # roles filled by "das Land"
    requesters: list[str] = field(default_factory=list)  # who asked for what the clause does ("after a request from X")
    trace: list[str] = field(default_factory=list)  # rule ids, in the order they decided
    rule: str = ""  # the rule that decided the parties (the last role rule on the trace)


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
