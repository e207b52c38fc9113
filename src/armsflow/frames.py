"""Triggers and roles: candidate event frames per sentence.

A frame is one trigger (a verb or noun of supplying, receiving, buying,
sanctioning …) with the items it governs, the actors in their grammatical
roles, and the modality cues in its scope. Roles come from grammar, not from
word order alone: prepositions ("an", "nach", "to" mark the recipient; "von",
"aus", "from" the supplier), the voice of the clause (in the passive the
"von/by" phrase is the agent), infinitive clauses that inherit their subject
("bereitet sich vor, X zu liefern"), coordination ("entweder der Hisbollah
oder dem Iran") and the direction of the verb (a buyer is the recipient).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from armsflow.mentions import ActorMention, CueMention, ItemMention, Mentions
from armsflow.text.clauses import SUBORDINATORS, clause_ids, is_infinitive
from armsflow.text.segment import Token

GIVE = frozenset({"give", "give_noun", "sell", "promise", "approve", "support", "build_for"})
RECEIVE = frozenset({"get", "buy", "order", "request"})
# "go" needs its destination ("Nach Deutschland gingen vor allem Munition"); a seized shipment was sent.
ARRIVE = frozenset({"arrive", "go", "seize"})
DEAL = frozenset({"deal"})
TRIGGERS = GIVE | RECEIVE | ARRIVE | DEAL | {"use"}
_VERB_KINDS = TRIGGERS | {"deny", "refuse"}
_GIVE_OR_RECEIVE = GIVE | RECEIVE
# Which trigger of a clause leads when several occur: the most directional.
_PRIORITY = [
    "give",
    "get",
    "buy",
    "sell",
    "order",
    "request",
    "arrive",
    "promise",
    "give_noun",
    "approve",
    "deal",
    "support",
    "go",
    "seize",
    "use",
]
MODIFIERS = frozenset(
    {
        "rule_out",
        "complete",
        "delay",
        "deny",
        "refuse",
        "consider",
        "intend",
        "future",
        "promise",
        "approve",
        "deal",
        "order",
        "request",
        "negation",
        "hearsay",
        "past",
        "buy",
        "threaten",
        "lift",
        "prevent",
        "in_use",
    }
)

REACHING = frozenset({"deny", "consider", "refuse", "hearsay", "deal", "approve", "rule_out"})

_TO = frozenset({"an", "nach", "für", "to", "for", "into", "zu", "zum", "zur", "toward", "towards"})
_FROM = frozenset({"von", "vom", "aus", "from", "by", "seitens"})
_FROM_BUY = _FROM | frozenset({"bei", "beim", "in", "of"})
_IN = frozenset({"in", "im", "nach", "at", "to", "into"})
_TARGET = frozenset({"gegen", "gegenüber", "against", "on", "über", "upon"})
_LINK = frozenset(
    {
        "und",
        "oder",
        "sowie",
        "bzw.",
        "entweder",
        "and",
        "or",
        "either",
        "both",
        "sowohl",
        "als",
        "auch",
        ",",
        "as",
        "well",
        "nor",
        "neither",
        "noch",
        "weder",
    }
)
_AUX_PASSIVE_DE = frozenset({"wurde", "wurden", "worden", "werden", "wird", "würden", "würde", "werde"})
_AUX_PASSIVE_EN = frozenset({"was", "were", "been", "being", "be", "is", "are", "get", "got"})


@dataclass(slots=True)
class Group:
    """Coordinated actors sharing one role ("Iran, Russia and Belarus")."""

    members: list[ActorMention]

    @property
    def first(self) -> ActorMention:
        return self.members[0]

    @property
    def ids(self) -> list[str]:
        seen: list[str] = []
        for m in self.members:
            if m.id not in seen:
                seen.append(m.id)
        return seen


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
    item_suppliers: dict[int, str] = field(default_factory=dict)  # id(item) -> supplier, from each item's origin
    target_noun: bool = False  # "sanctions on the state-owned oil company": a target not named by a state
    country_ref: list[str] = field(default_factory=list)  # roles filled by "das Land"
    rule: str = ""


@dataclass(slots=True)
class SentenceGrammar:
    tokens: list[Token]
    clause: list[int]
    clauses: list[tuple[int, int]]  # token spans
    infinitive: list[bool]


def analyse(tokens: list[Token], mentions: Mentions, lang: str) -> SentenceGrammar:
    listed = {i for a in mentions.actors for i in range(a.start, a.end)}
    listed |= {i for it in mentions.items for i in range(it.start, it.end)}
    verbs = frozenset(c.start for c in mentions.cues if not c.kinds.isdisjoint(_VERB_KINDS))
    ids = clause_ids(tokens, listed, verbs)
    spans: list[tuple[int, int]] = []
    for i, cid in enumerate(ids):
        if cid == len(spans):
            spans.append((i, i + 1))
        else:
            spans[cid] = (spans[cid][0], i + 1)
    infinitive = [is_infinitive(tokens, s, e, lang) for s, e in spans]
    return SentenceGrammar(tokens, ids, spans, infinitive)


def build_frames(
    tokens: list[Token], mentions: Mentions, lang: str, speaker_tokens: set[int], sanction_story: bool = False
) -> list[Frame]:
    """Frames of one sentence; actors inside the speaker phrase take no role,
    except as the referent of "it"/"es" ("The Netherlands said it would …")."""
    grammar = analyse(tokens, mentions, lang)
    clause = grammar.clause
    n_clauses = len(grammar.clauses)
    cues_by_clause: list[list[CueMention]] = [[] for _ in range(n_clauses)]
    for cue in mentions.cues:
        cues_by_clause[clause[cue.start]].append(cue)
    items_by_clause: list[list[ItemMention]] = [[] for _ in range(n_clauses)]
    for item in mentions.items:
        items_by_clause[clause[item.start]].append(item)
    if speaker_tokens and any(
        tokens[start].lower in ("und", "and") and any(t in speaker_tokens for t in range(*grammar.clauses[c - 1]))
        for c, (start, _) in enumerate(grammar.clauses)
        if c > 0 and start < len(tokens)
    ):
        # "Die USA haben Bedenken geäußert und drohen mit Sanktionen": the speaker is also the subject
        # of the coordinated clause, not only the source of a reported claim
        speaker_tokens = set()
    actors = [a for a in mentions.actors if a.start not in speaker_tokens and a.kind != "origin"]
    actors_by_clause: list[list[ActorMention]] = [[] for _ in range(n_clauses)]
    for actor in actors:
        actors_by_clause[clause[actor.start]].append(actor)

    frames: list[Frame] = []
    # "… MiG-29s bought from Belarus": a participle after the goods, with its own agent, is its own frame
    participles = _participles(tokens, mentions, frames, lang) if lang == "en" else []
    participle_starts = {f.trigger.start for f in participles}
    # Items in a clause without a trigger attach to the nearest clause that has one.
    owner: dict[int, int] = {}
    for c in range(n_clauses):
        if _lead(cues_by_clause[c]) is not None or _service(cues_by_clause[c], items_by_clause[c]) is not None:
            owner[c] = c
    for c in range(n_clauses):
        if c in owner or not items_by_clause[c]:
            continue
        if c + 1 in owner and owner[c + 1] == c + 1 and grammar.infinitive[c + 1]:
            owner[c] = c + 1  # "The remaining tanks are scheduled | to arrive in 2025"
            continue
        if (
            c + 2 in owner
            and owner[c + 2] == c + 2
            and (
                _dependent(tokens, grammar, c + 1)
                or _appositive(tokens, grammar, c + 1)
                or _participial(tokens, grammar, c + 1)
            )
            and not items_by_clause[c + 2]
            and not _dependent(tokens, grammar, c + 2)
        ):
            owner[c] = c + 2  # "Zudem wurden 15 Gepard, | die Katar zurückgegeben hatte, | an die Ukraine ausgeliefert"
            continue
        if (
            c - 1 in owner
            and any(it.carrier for it in items_by_clause[c - 1])
            and any("include" in x.kinds for x in cues_by_clause[c])
        ):
            owner[c] = c - 1  # "a package for Ukraine that includes CV90s": the package's contents
            continue
        if (
            c > 0
            and (
                any(it.carrier for it in items_by_clause[c - 1])
                or any(x.kinds & {"give_noun", "carrier"} for x in cues_by_clause[c - 1])
            )
            and any("include" in x.kinds for x in cues_by_clause[c])
        ):
            # "The shipment, which included Javelin missiles, was delivered to Kyiv": the contents go with the load
            target = next((k for k in (c + 1, c - 1) if owner.get(k) == k), None)
            if target is not None:
                owner[c] = target
                continue
        if _dependent(tokens, grammar, c) or not _appended(tokens, grammar, c, items_by_clause[c], mentions):
            continue
        candidates = [k for k in owner if k != c]
        if candidates:
            best = min(candidates, key=lambda k: (abs(k - c), k > c))
            if abs(best - c) <= 2:
                owner[c] = best
    starts = {it.start for it in mentions.items}
    inside = {i for it in mentions.items for i in range(it.start, it.end)}
    for c in range(n_clauses):
        lead = _lead([x for x in cues_by_clause[c] if x.start not in participle_starts])
        if lead is None:
            lead = _service(cues_by_clause[c], items_by_clause[c])
        if lead is None:
            continue
        lead_cue, lead_kind = lead
        expected = lead_cue.lemma in ("erwarten", "expect") and lead_kind == "get"
        awaited = next((x for x in cues_by_clause[c] if "give_noun" in x.kinds), None) if expected else None
        if awaited is not None:
            # "Die Lieferung der F-16 aus Dänemark wird im Sommer erwartet": the delivery is the event, and
            # it is expected, so still to come
            lead_cue, lead_kind = awaited, "give_noun"
        if lead_kind == "deal" and any(
            t.lower in _FRAMING for t in tokens[max(0, lead_cue.start - 4) : lead_cue.start]
        ):
            # "Im Rahmen eines Vertrags baut TKMS Fregatten für Ägypten": a deal in a prepositional phrase is the
            # frame of the clause; its verb of building for someone leads
            builder = next((x for x in cues_by_clause[c] if "use" in x.kinds and x.lemma in _BUILD_FOR), None)
            if builder is not None and any(a.prep in ("für", "for") for a in actors_by_clause[c]):
                lead_cue, lead_kind = builder, "use"
        if lead_kind == "use":
            if "carry" in lead_cue.kinds and any(a.prep in ("to", "nach") for a in actors_by_clause[c]):
                lead_kind = "give"  # "flying ballistic missiles to Russia": carrying goods to someone hands them over
            elif lead_cue.lemma in _BUILD_FOR and any(a.prep in ("für", "for") for a in actors_by_clause[c]):
                lead_kind = "build_for"  # "Für Israel baut TKMS drei U-Boote": production under an export contract
            elif lead_cue.lemma in _LAUNCH and any(
                it.category == "space-technology" and it.origin for it in items_by_clause[c]
            ):
                lead_kind = "give"  # "Russia launched an Iranian satellite": a launch service for the satellite's owner
            elif (
                lead_cue.lemma in _BUILD_FOR
                and any(it.category == "technology" for it in items_by_clause[c])
                and any(a.prep in ("in", "im") and a.kind not in ("adj", "origin") for a in actors_by_clause[c])
            ):
                lead_kind = "build_for"  # "Rheinmetall soll Munitionsfabriken in der Ukraine bauen": a factory abroad
            else:
                continue
        items = [it for k, o in owner.items() if o == c for it in items_by_clause[k]]
        # A use verb ("griffen an", "fired") closer to an item than the trigger keeps it.
        items = [
            it for it in items if not _used(it, cues_by_clause[clause[it.start]], lead_cue, starts, inside, tokens)
        ]
        if lead_kind == "support":
            # "unterstützt X mit Y", "hat Iran bei der Entwicklung … unterstützt", "helped X with Y":
            # the goods follow a with-phrase inside the supporting clause
            items = [
                it
                for it in items
                if clause[it.start] == c
                and (
                    any(
                        t.lower in ("mit", "with", "bei", "beim", "in") for t in tokens[max(0, it.start - 8) : it.start]
                    )
                    # "is helping Iran build drones": what the helped one builds is what the help gives
                    or any(x.lemma in _BUILD_FOR and lead_cue.start < x.start < it.start for x in cues_by_clause[c])
                )
                and (lang == "de" or it.start > lead_cue.start)
            ]
            for it in items:
                if it.category not in ("technology", "space-technology") and (
                    any(x.lemma in _BUILD_FOR and lead_cue.start < x.start < it.start for x in cues_by_clause[c])
                    or any(t.lemma in _BUILDING for t in tokens[max(lead_cue.start, it.start - 4) : it.start])
                ):
                    # "helping Iran build drones", "unterstützt Pakistan beim Bau von U-Booten": know-how (the contract)
                    it.category = "technology"
        if "train" in lead_cue.kinds:
            # "bildet ukrainische Soldaten an Leopard-Panzern aus", "trains pilots on F-16s": what the training
            # is on stays where it is; the trainers are what is sent
            items = [
                it
                for it in items
                if not any(t.lower in ("an", "am", "on") for t in tokens[max(0, it.start - 3) : it.start])
            ]
        if not items and grammar.infinitive[c] and c > 0 and items_by_clause[c - 1]:
            items = list(items_by_clause[c - 1])  # "expects the first six jets | to arrive next year"
        if not items and lead_kind != "support":
            items = _antecedent(tokens, grammar, c, items_by_clause) or _anaphoric_items(tokens, grammar, c, mentions)
        if not items and lead_cue.lemma in _IMPLIED and len(actors_by_clause[c]) >= _IMPLIED[lead_cue.lemma][1]:
            # "dass Washington Pakistan aufgerüstet hat": arming someone transfers weapons;
            # "Piloten in Baku auszubilden": trainers sent to the recipient are personnel
            items = [
                ItemMention(lead_cue.start, lead_cue.end, _IMPLIED[lead_cue.lemma][0], text=tokens[lead_cue.start].text)
            ]
        if not items and lead_kind == "give":
            # "Wagner fighters have been deployed to …": the group's fighters are what is sent
            crews = [a for a in actors_by_clause[c] if a.kind == "demonym" and not a.id.isupper()]
            if crews:
                items = [ItemMention(crews[0].start, crews[0].end, "personnel", origin=crews[0].id, text=crews[0].text)]
        noun = lead_cue if lead_kind == "give_noun" else None
        if noun is None and lead_kind == "arrive":
            # "Erste Lieferungen aus Indien waren nach Armenien gelangt": the deliveries themselves arrived
            noun = next((x for x in cues_by_clause[c] if "give_noun" in x.kinds and x.start < lead_cue.start), None)
        if not items and noun is not None and _bare_deliveries(tokens, noun, actors_by_clause[c]):
            # "Lieferungen in die USA, nach Deutschland und in die Schweiz": goods not specified further
            items = [ItemMention(noun.start, noun.end, "military-equipment", text=tokens[noun.start].text)]
        if not items:
            continue
        frame = Frame("transfer", lead_cue, lead_kind, c, items)
        frame.modifiers = _modifiers(cues_by_clause, c, lead_cue, tokens, lead_kind, starts)
        if lead_cue.lemma == "commission" and any(it.category == "ship" for it in items):
            frame.modifiers.add("in_use")  # a navy commissioning a ship puts it into service: it has arrived
        if awaited is not None:
            frame.modifiers.add("future")
        if lead_kind in ("give_noun", "sell", "buy", "deal"):
            k = lead_cue.start - 1
            while k >= 0 and tokens[k].lower in ("die", "der", "den", "dem", "das", "the", "a", "an", "any", "jede"):
                k -= 1
            if k >= 0 and tokens[k].lower in ("gegen", "against"):
                # "Gegen die Lieferung von Leopard-Panzern gibt es Widerstand": a contested plan, not a fact
                frame.modifiers.add("consider")
        governors = _governor_chain(grammar, cues_by_clause, items_by_clause, c)
        # "Griechenland prüft, ob es … überlassen kann": whether is weighed, not only asked
        frame.question = _question(tokens, grammar, c) and not any(
            "consider" in cue.kinds and "doubt" not in cue.kinds for g in governors for cue in cues_by_clause[g]
        )
        # Intentions and promises reach into an infinitive ("sagte zu, … zu liefern"); a
        # reported dass-clause keeps its own tense, only denial and doubt reach into it.
        passes = MODIFIERS if grammar.infinitive[c] else REACHING
        if not _relative_clause(tokens, grammar, c):
            # "sanctions on Chinese firms that supply Russia": a relative clause describes its noun as
            # fact; the hedge on the measure does not reach it
            for g in governors:
                frame.modifiers |= {
                    k for cue in cues_by_clause[g] for k in cue.kinds - _past_background(cue, tokens) if k in passes
                }
                if not grammar.infinitive[c] and any(
                    "deal" in cue.kinds
                    and not any(t.lower in _FRAMING for t in tokens[max(0, cue.start - 4) : cue.start])
                    for cue in cues_by_clause[g]
                ):
                    # "Russia and Belarus have agreed that Minsk will receive …": the agreement is the news
                    frame.modifiers.add("agreed_over")
        if "complete" in frame.modifiers and any(
            "deal" in x.kinds and "complete" not in x.kinds for k in [c, *governors] for x in cues_by_clause[k]
        ):
            frame.modifiers.discard("complete")  # "schlossen einen Vertrag über die Lieferung … ab": a deal
        nxt = [t.lower for t in tokens[lead_cue.end : lead_cue.end + 2]]
        if "future" in frame.modifiers and nxt and nxt[0] in ("haben", "sein", "worden"):
            # "soll … geliefert haben": a perfect infinitive under "soll" reports a past delivery
            frame.modifiers.discard("future")
            frame.modifiers.add("past")
        if tokens and tokens[0].lower in ("if", "wenn", "falls", "sollte", "should", "unless"):
            frame.modifiers.add("consider")  # "If Seoul decides to go ahead, it would send …"
        opening = [t.lower for t in tokens[grammar.clauses[c][0] : grammar.clauses[c][0] + 2]]
        if (
            c > 0
            and any(w in ("falls", "sofern", "if", "unless") for w in opening)
            and not frame.modifiers & {"consider", "intend"}
        ):
            continue  # "droht mit Strafen, falls China Russland mit Waffen beliefert": a condition, no event
        donors = tuple(k for k, o in owner.items() if o == c and k != c)
        frame.passive = _passive(tokens, grammar, c, lead_cue, lang, donors)
        if lang == "de" and frame.passive and "future" in frame.modifiers:
            futures = {tokens[x.start].lower for k in [c, *governors] for x in cues_by_clause[k] if "future" in x.kinds}
            after = tokens[lead_cue.end].lower if lead_cue.end < len(tokens) else ""
            if futures <= {"werden", "wird"} and after not in ("werden", "wird"):
                # "Der Ukraine werden von Deutschland Panzer geliefert": "werden" with a participle is the
                # present passive, not the future ("… geliefert werden")
                frame.modifiers.discard("future")
        frame.infinitive = grammar.infinitive[c] and c > 0 and not _aspectual(tokens, grammar.clauses[c][0])
        frame.ref_initial = any(a.id == "@country" and a.start <= 1 for a in mentions.actors)
        # "wies einen Bericht zurück, wonach …", "rejected accusations that …": the claim is the report's.
        scope = [c] + governors
        if frame.modifiers & {"deny", "refuse"} and any(
            "report" in cue.kinds for k in scope for cue in cues_by_clause[k]
        ):
            frame.reported_by_report = True
        _assign_transfer_roles(
            frame, grammar, actors_by_clause, cues_by_clause, governors, lang, tokens, mentions.actors
        )
        if lead_cue.lemma in _LAUNCH and lead_kind == "give" and not frame.recipients:
            frame.recipients = [it.origin for it in frame.items if it.origin and it.origin not in frame.suppliers][:1]
        if "serve" in lead_cue.kinds and lead_kind == "give":
            _service_roles(frame, [a for a in mentions.actors if grammar.clause[a.start] == c], lead_cue)
        if not frame.suppliers and not frame.recipients and frames and _partitive(tokens, grammar, c):
            # "…, six of which have been delivered": the part goes the way the whole was ordered
            frame.suppliers, frame.recipients = list(frames[-1].suppliers), list(frames[-1].recipients)
        elif (
            not frame.suppliers
            and not frame.recipients
            and frames
            and _relative_clause(tokens, grammar, c)
            and {id(it) for it in frame.items} <= {id(it) for it in frames[-1].items}
        ):
            # "… BrahMos-Raketen bestellt, die nun ausgeliefert wurden": the goods just ordered, the same parties
            frame.suppliers, frame.recipients = list(frames[-1].suppliers), list(frames[-1].recipients)
        _trainees(frame, grammar, mentions, cues_by_clause, tokens)
        frame.rule = f"{lang}:{lead_kind}{':passive' if frame.passive else ''}"
        frames.append(frame)
    for frame in frames:
        agents = _trailing_agents(tokens, grammar, cues_by_clause, items_by_clause, actors_by_clause, frame.clause)
        if agents and not set(agents) & set(frame.recipients):
            frame.suppliers = agents  # "… sind in der Ukraine eingetroffen, geliefert von Dänemark und Deutschland"
    if participles:
        by_item = {id(it): f for f in participles for it in f.items}
        for f in frames:
            shared = [by_item[id(it)] for it in f.items if id(it) in by_item]
            if shared and (
                f.trigger_kind in ("get", "give")
                and f.trigger.start < shared[0].trigger.start
                or f.trigger_kind == "arrive"
                or f.trigger_kind == "give"
                and f.passive
                and shared[0].trigger_kind in RECEIVE
                and (shared[0].recipients or f.recipients)
            ):
                if f.trigger_kind == "give" and f.passive and shared[0].trigger_kind in RECEIVE:
                    # "Rafales ordered by Serbia were handed over", "corvettes ordered from South Korea were
                    # handed over to the Philippines": one transfer, the buyer receives, the seller hands over
                    buyers = shared[0].recipients or f.recipients
                    f.suppliers = [x for x in f.suppliers if x not in buyers] or list(shared[0].suppliers)
                    f.recipients = list(buyers)
                    shared[0].recipients = shared[0].recipients or list(buyers)
                # "has received the corvettes ordered from South Korea": handed over, and ordered before
                if not f.suppliers and shared[0].trigger_kind in RECEIVE:
                    f.suppliers = list(shared[0].suppliers)
                if not shared[0].recipients and f.trigger_kind == "get":
                    shared[0].recipients = list(f.recipients)
                if f.trigger_kind == "arrive" and shared[0].recipients:
                    # "tanks ordered by Lithuania will arrive": the agent belongs to the participle
                    f.suppliers = list(shared[0].suppliers)
                    f.recipients = list(shared[0].recipients)
                continue
            # the goods with their own participle leave the clause's frame ("… MiG-29s bought from Belarus")
            f.items = [it for it in f.items if id(it) not in by_item]
        frames[:] = [f for f in frames if f.items] + participles
    frames.extend(_answers(frames, grammar, cues_by_clause, items_by_clause, actors_by_clause, tokens))
    frames.extend(_sanction_frames(tokens, grammar, mentions, cues_by_clause, actors_by_clause, lang, sanction_story))
    return frames


_ASSETS = frozenset("vermögen vermögenswerte guthaben gelder konten assets funds accounts holdings".split())


def _trainees(frame: Frame, grammar: SentenceGrammar, mentions: Mentions, cues_by_clause, tokens: list[Token]) -> None:
    """ "sent instructors to Britain to train Ukrainian recruits", "sollten nigrische Soldaten schulen":
    the forces being trained receive the trainers, wherever the training takes place."""
    c = frame.clause
    scope = [c] + ([c + 1] if c + 1 < len(cues_by_clause) and grammar.infinitive[c + 1] else [])
    if not any("train" in cue.kinds for k in scope for cue in cues_by_clause[k]):
        return
    forces = {cue.start for k in scope for cue in cues_by_clause[k] if "forces" in cue.kinds}
    trainees = [
        a
        for a in mentions.actors
        if grammar.clause[a.start] in scope
        and a.kind in ("adj", "origin")
        and a.prep is None
        and a.end in forces
        and (a.id not in frame.suppliers or len(frame.suppliers) > 1)
    ]
    if not trainees:
        return
    # "German instructors are training Ukrainian soldiers in Lithuania": the trainers' state supplies, the
    # trainees' state receives, wherever the training is (as the dev corpus annotates "sent instructors to
    # Britain to train Ukrainian recruits")
    frame.suppliers = [s for s in frame.suppliers if s != trainees[0].id]
    frame.recipients = [trainees[0].id]
    frame.items = [it for it in frame.items if it.origin != trainees[0].id]
    if not frame.items:  # "bildet ukrainische Soldaten aus": the trainers are what is sent
        trig = frame.trigger
        frame.items = [ItemMention(trig.start, trig.end, "personnel", text=tokens[trig.start].text)]


_BUILDING = frozenset({"bau", "entwicklung", "herstellung", "produktion", "fertigung", "aufbau", "development"})
_LAUNCH = frozenset({"launch", "starten", "befördern"})
_LEASE = frozenset({"lease", "leasen", "rent", "mieten", "charter", "chartern"})
_AWAIT = frozenset({"waiting", "wait", "waits", "waited", "awaiting", "awaits", "awaited", "expecting", "expects"})


# English past participles that do not end in "-ed" (the regular ones are recognised by their ending).
_IRREGULAR_PARTICIPLES = frozenset(
    "sold sent bought built made given paid lent brought taken held kept left led seen shown known found won "
    "chosen drawn driven flown hidden stolen seized caught put set spent meant written thrown worn torn split "
    "shipped supplied delivered".split()
)


def _participles(tokens: list[Token], mentions: Mentions, frames: list[Frame], lang: str) -> list[Frame]:
    """ "MiG-29s bought from Belarus", "Mirage 2000s delivered by France": a participle after
    the goods is a transfer of its own, with its own agent."""
    out: list[Frame] = []
    by_end = {it.end: it for it in mentions.items if it.category}
    actors = sorted(mentions.actors, key=lambda a: a.start)
    for cue in mentions.cues:
        kind = next((k for k in _PRIORITY if k in cue.kinds and k in _GIVE_OR_RECEIVE), None)
        item = by_end.get(cue.start)
        word = tokens[cue.start].lower
        if kind is None or item is None:
            continue
        if not (word.endswith(("ed", "nt")) or word in _IRREGULAR_PARTICIPLES):
            continue
        after = [a for a in actors if cue.end <= a.start <= cue.end + 4 and a.prep in ("by", "from", "to", "for")]
        agents = [a.id for a in after if a.prep in ("by", "from")]
        in_use = any("use" in c.kinds and (c.start < item.start or "service" in c.lemma) for c in mentions.cues)
        if not agents and in_use and item.origin and kind in GIVE:
            agents = [item.origin]  # "Ethiopian forces used Iranian Mohajer-6 drones supplied in 2021"
        if not agents:
            continue
        frame = Frame("transfer", cue, kind, -1, [item])
        frame.passive = True
        if in_use:
            frame.modifiers.add("in_use")  # "still flies MiG-29s bought from Belarus": they arrived
        if kind in GIVE:
            frame.suppliers = agents
            frame.recipients = [a.id for a in after if a.prep in ("to", "for")]
            if not frame.recipients and "in_use" in frame.modifiers:
                # "Hamas fighters have used rockets smuggled from Iran": who uses the goods received them
                users = [a.id for a in actors if a.end <= item.start and a.prep is None and not a.genitive]
                frame.recipients = [u for u in users[:1] if u not in agents]
        else:
            # "tanks ordered by Lithuania from Germany": the agent of buying is the buyer
            frame.suppliers = [a.id for a in after if a.prep == "from"]
            frame.recipients = [a.id for a in after if a.prep in ("to", "for", "by")]
        if not frame.recipients and any(t.lower in _AWAIT for t in tokens[max(0, item.start - 5) : item.start]):
            # "Kyiv is still waiting for the F-16s promised by the Netherlands": who awaits them receives
            waiting = [a.id for a in actors if a.end <= item.start and a.prep is None and not a.genitive]
            frame.recipients = [w for w in waiting[:1] if w not in frame.suppliers]
        frame.rule = f"{lang}:{kind}:participle"
        out.append(frame)
    return out


def _answers(
    frames: list[Frame],
    grammar: SentenceGrammar,
    cues_by_clause,
    items_by_clause,
    actors_by_clause,
    tokens: list[Token],
) -> list[Frame]:
    """ "…, doch Washington lehnte den Wunsch ab": a refusal or denial of the transfer just named."""
    out: list[Frame] = []
    for c in range(1, len(grammar.clauses)):
        if items_by_clause[c]:
            continue
        cue = next((x for x in cues_by_clause[c] if x.kinds & {"refuse", "deny"} and not x.kinds & TRIGGERS), None)
        if cue is None or any("negation" in x.kinds for x in cues_by_clause[c]):
            continue  # "Berlin werde kein Veto einlegen" answers nothing
        before = [f for f in frames if f.kind == "transfer" and c - 2 <= f.clause < c]
        if not before:
            continue
        prev = before[-1]
        subject = [g for g in _groups(actors_by_clause[c], tokens) if g.first.prep is None and not g.first.genitive]
        answer = Frame(
            "transfer", cue, prev.trigger_kind, c, list(prev.items), list(prev.suppliers), list(prev.recipients)
        )
        kind = "deny" if "deny" in cue.kinds else "refuse"
        answer.modifiers = {kind}
        if kind == "refuse" and prev.trigger_kind in RECEIVE:
            answer.trigger_kind = "give"  # "Riad hatte gebeten, Berlin hatte die Lieferung blockiert": refused
        if subject:
            answer.subject_text = " ".join(m.text for m in subject[0].members)
            if kind == "refuse" and prev.trigger_kind in RECEIVE and not answer.suppliers:
                answer.suppliers = subject[0].ids
        answer.rule = prev.rule + ":answered"
        out.append(answer)
    return out


_LIST_OPENERS = frozenset(
    "darunter unter anderem sowie including such as among namely vor allem insbesondere etwa plus und and "
    "zum beispiel e.g. as well".split()
)


def _appended(
    tokens: list[Token], grammar: SentenceGrammar, c: int, items: list[ItemMention], mentions: Mentions
) -> bool:
    """Only a verbless list of goods hangs on another clause's verb ("…, darunter Kampfhubschrauber")."""
    start, end = grammar.clauses[c]
    covered = {i for it in items for i in range(it.start, it.end)}
    covered |= {i for a in mentions.actors for i in range(a.start, a.end)}
    for i in range(start, end):
        tok = tokens[i]
        if i in covered or not tok.text[:1].isalpha() or tok.lower in _LIST_OPENERS:
            continue
        if tok.lower in (
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "the",
            "a",
            "an",
            "of",
            "von",
            "vom",
            "für",
            "for",
            "mit",
            "with",
            "in",
            "im",
            "its",
            "their",
            "ihre",
            "seine",
            "from",
            "to",
            "bis",
            "zu",
            "zum",
            "zur",
            "such",
            "as",
            "like",
            "wie",
        ):
            continue  # "…, from Su-30 fighters to Kilo-class submarines"
        if tok.text.islower() and tok.lower.endswith(("e", "en", "er", "es", "em")) and (i + 1) in covered:
            continue  # an adjective of the next item
        if tok.text.isdigit() or tok.lower in ("weitere", "weiteren", "more", "additional", "rund", "about"):
            continue
        return False
    return True


def _dependent(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """A relative or subordinate clause keeps its items to itself (no trigger, no event)."""
    start, end = grammar.clauses[c]
    words = [t.lower for t in tokens[start : min(end, start + 2)]]
    first = words[1] if words and words[0] == "," and len(words) > 1 else (words[0] if words else "")
    return first in SUBORDINATORS or first in ("die", "der", "das", "dem", "den", "deren", "dessen")


def _appositive(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """ ", KRI Cakra,": a name set off by commas, not a clause."""
    start, end = grammar.clauses[c]
    words = [t for t in tokens[start:end] if t.text[:1].isalnum()]
    return bool(words) and len(words) <= 4 and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words)


def _participial(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """ ", built in Italy,", ", in Italien gebaut,": a participle set off by commas describes the noun
    before it; it is not a clause of its own."""
    start, end = grammar.clauses[c]
    words = [t for t in tokens[start:end] if t.text[:1].isalpha()]
    if not words or end >= len(tokens) or tokens[end].text != "," and tokens[end - 1].text != ",":
        return False
    first, last = words[0], words[-1]
    return _english_participle(first) or _german_participle(last)


def _english_participle(tok: Token) -> bool:
    return tok.text.islower() and (tok.lower in _IRREGULAR_PARTICIPLES or tok.lower.endswith("ed"))


def _german_participle(tok: Token) -> bool:
    return tok.text.islower() and tok.lower.startswith("ge") and tok.lower.endswith(("t", "en"))


def _trailing_agents(
    tokens: list[Token], grammar: SentenceGrammar, cues_by_clause, items_by_clause, actors_by_clause, c: int
) -> list[str]:
    """The agents of a giving participle set off after clause c (", geliefert von X", ", supplied by X"):
    it describes the goods of clause c, so its agent supplies them."""
    k = c + 1
    if k >= len(grammar.clauses) or items_by_clause[k]:
        return []
    start, end = grammar.clauses[k]
    words = [t for t in tokens[start:end] if t.text[:1].isalpha()]
    if tokens[start].text != "," or not words:
        return []
    first = words[0]
    lead = _lead(cues_by_clause[k])
    if (
        not (_english_participle(first) or _german_participle(first))
        or lead is None
        or lead[1] not in GIVE
        or lead[0].start != first.i
    ):
        return []
    return _unique([i for g in _groups(actors_by_clause[k], tokens) if g.first.prep in _FROM for i in g.ids])


def _service(cues: list[CueMention], items: list[ItemMention]) -> tuple[CueMention, str] | None:
    """ "Nordkoreanische Soldaten kämpfen für Russland", "Cuban mercenaries serving in the Russian army":
    a state's people fighting or serving with another's forces were sent to them."""
    if not any(it.category == "personnel" and it.origin for it in items):
        return None
    cue = next((x for x in cues if "serve" in x.kinds), None)
    return (cue, "give") if cue is not None else None


def _service_roles(frame: Frame, actors: list[ActorMention], cue: CueMention) -> None:
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
    suppliers = _unique([it.origin for it in senders if it.origin and it.origin not in hosts])
    frame.items = [it for it in frame.items if it in senders]
    frame.suppliers, frame.recipients = (suppliers, _unique(hosts)) if suppliers and hosts else ([], [])


_SERVE_WITH = frozenset({"für", "for", "alongside", "neben"})
_SERVE_IN = _SERVE_WITH | {"an", "in", "im", "bei", "beim", "into"}


def _lead(cues: list[CueMention]) -> tuple[CueMention, str] | None:
    best: tuple[int, CueMention, str] | None = None
    for cue in cues:
        for kind in cue.kinds:
            if kind in TRIGGERS:
                rank = _PRIORITY.index(kind)
                if "agent" in cue.kinds:
                    rank += len(_PRIORITY)  # "negotiating with a South Korean supplier": the verb leads
                if best is None or rank < best[0]:
                    best = (rank, cue, kind)
    if best is None:
        return None
    # A use verb leads only when no transfer verb is in the clause.
    return best[1], best[2]


def _used(
    item: ItemMention,
    cues: list[CueMention],
    lead: CueMention,
    item_starts: set[int],
    inside: set[int],
    tokens: list[Token],
) -> bool:
    """Is the item governed by a verb of use or own production rather than the trigger?"""
    for cue in cues:
        if "use" in cue.kinds and cue is not lead and not (cue.kinds & TRIGGERS - {"use"}):
            if cue.end in item_starts or cue.end + 1 in item_starts or cue.start in inside:
                continue  # "attack helicopters", "one-way attack drones": a modifier, not a verb
            word = tokens[cue.start].lower
            nxt = tokens[cue.end] if cue.end < len(tokens) else None
            if word.endswith("ing") and nxt is not None and nxt.text.isalpha() and nxt.text.islower():
                continue  # "a drone manufacturing plant": a gerund modifier, not a verb
            if cue.start == item.end and nxt is not None and nxt.lower in ("by", "in", "von"):
                continue  # "submarines built by Naval Group": a participle describing the goods
            if "support" in lead.kinds and cue.lemma in _BUILD_FOR:
                continue  # "is helping Iran build a satellite launch site": the help is the transfer
            if cue.start > item.start and item.end <= cue.start <= item.end + 1 and word == "launch":
                continue  # "satellite launch site": a noun modifier
            before = [t.lower for t in tokens[max(0, cue.start - 2) : cue.start]]
            if before and (
                before[-1] in _PURPOSE_PREPS or len(before) == 2 and before[0] in _PURPOSE_PREPS and before[1] in _OWN
            ):
                continue  # "Satellitendaten für ihre Angriffe": the purpose of the goods, not their use here
            if abs(cue.start - item.start) < abs(lead.start - item.start):
                return True
    return False


_PURPOSE_PREPS = frozenset({"für", "for", "zur", "zum"})
_RELATIVE = frozenset("der die das den dem deren dessen welche welcher welches which that".split())


def _antecedent(tokens: list[Token], grammar: SentenceGrammar, c: int, items_by_clause) -> list[ItemMention]:
    """A relative clause ("…, das Moskau 2019 an Ankara geliefert hatte") is about the noun before it."""
    start, end = grammar.clauses[c]
    words = [t.lower for t in tokens[start : min(end, start + 3)]]
    if c == 0 or not words:
        return []
    if _partitive(tokens, grammar, c) and items_by_clause[c - 1]:
        # "42 Rafale bestellt, von denen sechs bereits geliefert wurden", "six of which have been delivered":
        # part of the goods just named, counted by the number in this clause
        last = items_by_clause[c - 1][-1]
        count = next((_count(t) for t in tokens[start:end] if _count(t) is not None), None)
        return [
            ItemMention(last.start, last.end, last.category, last.designation, count, last.origin, last.producer,
                        last.text)
        ]  # fmt: skip
    rel = words[1] if words[0] == "," and len(words) > 1 else words[0]
    if rel not in _RELATIVE or not items_by_clause[c - 1]:
        return []
    last = items_by_clause[c - 1][-1]
    if last.end < grammar.clauses[c - 1][1] - 4:  # "… die Eurofighter-Flotte des Königreichs, die …"
        return []
    return [last]


def _partitive(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """A clause about part of what was just named: "…, von denen sechs …", "…, six of which …"."""
    start, end = grammar.clauses[c]
    head = [t.lower for t in tokens[start : min(end, start + 5)]]
    return c > 0 and any(
        head[k : k + 2] in (["von", "denen"], ["of", "which"], ["of", "them"]) for k in range(len(head))
    )


_COUNT_WORDS = {
    w: n
    for n, words in enumerate(
        (
            "", "ein eine one", "zwei two", "drei three", "vier four", "fünf five", "sechs six", "sieben seven",
            "acht eight", "neun nine", "zehn ten", "elf eleven", "zwölf twelve",
        )
    )
    for w in words.split()
}  # fmt: skip


def _count(tok: Token) -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return _COUNT_WORDS.get(tok.lower)


def _anaphoric_items(tokens: list[Token], grammar: SentenceGrammar, c: int, mentions: Mentions) -> list[ItemMention]:
    """A pronoun object ("it", "sie", "them") stands for the last named item."""
    start, end = grammar.clauses[c]
    for i in range(start, end):
        word = tokens[i].lower
        if word in ("it", "them", "sie", "es", "diese", "these", "those", "solche") and not _determiner(tokens, i):
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text)]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in _REMAINDER and (nxt is None or not nxt.text[:1].isupper() and nxt.lower not in _NOUNISH_EN):
            # "two more would follow", "die übrigen sollen folgen", "weitere sollen folgen"
            return [ItemMention(i, i + 1, None, carrier="pronoun", text=tokens[i].text)]
    return []


_ASPECT = frozenset(
    "continue continues continued continuing begin begins began begun start starts started keep keeps kept "
    "fortsetzen weiter".split()
)


def _aspectual(tokens: list[Token], start: int) -> bool:
    """ "continue to supply" goes on; it is no future."""
    return any(t.lower in _ASPECT for t in tokens[max(0, start - 3) : start])


_NOT_NOUN = frozenset({"of", "in", "to", "from", "and", "or", "von", "aus", "und", "oder", "mit", "with"})
_BUILD_FOR = frozenset({"bauen", "fertigen", "herstellen", "produzieren", "build", "produce", "manufacture"})
_IMPLIED = {
    "aufrüsten": ("military-equipment", 2),
    "bewaffnen": ("military-equipment", 2),
    "rearm": ("military-equipment", 2),
    "hochrüsten": ("military-equipment", 2),
    "arm": ("military-equipment", 2),
    "ausbilden": ("personnel", 1),
    "schulen": ("personnel", 1),
    "train": ("personnel", 1),
}


def _bare_deliveries(tokens: list[Token], cue: CueMention, actors: list[ActorMention]) -> bool:
    nxt = tokens[cue.end].lower if cue.end < len(tokens) else ""
    return nxt not in ("von", "vom", "of", "an", "über") and any(
        a.prep in ("nach", "in", "to", "an") and a.start > cue.start for a in actors
    )


def _determiner(tokens: list[Token], i: int) -> bool:
    """ "diese destabilisierenden Transfers", "these drones": a determiner, not a pronoun."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.text.isalpha():
        return False
    if tokens[i].lower in ("these", "those", "diese", "solche"):
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        return (
            nxt.text[:1].isupper()
            or tokens[i].lower in ("these", "those")
            or (after is not None and after.text[:1].isupper())
        )
    return False


_REMAINDER = frozenset("more others remaining rest übrigen restlichen weitere anderen".split())
_NOUNISH_EN = frozenset("of than".split())


def _question(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    start, end = grammar.clauses[c]
    words = [t.lower for t in tokens[start : min(end, start + 2)]]
    return any(w in ("whether", "ob") for w in words)


def _attributive_participle(tokens: list[Token], cue: CueMention, item_starts: AbstractSet[int]) -> bool:
    """ "die zugesagten Kampfpanzer", "die bestellten Staffeln": a participle describing the goods."""
    tok = tokens[cue.start]
    return (
        tok.text.islower()
        and tok.lower.endswith(("te", "ten", "tes", "ter", "tem"))
        and (cue.end in item_starts or cue.end + 1 in item_starts)
        and not cue.kinds & {"consider", "future", "negation"}
    )


def _modifiers(
    cues_by_clause: list[list[CueMention]],
    c: int,
    lead: CueMention,
    tokens: list[Token],
    lead_kind: str,
    item_starts: AbstractSet[int] = frozenset(),
) -> set[str]:
    mods: set[str] = set()
    for cue in cues_by_clause[c]:
        kinds = cue.kinds if cue is not lead else cue.kinds - TRIGGERS
        if cue.lemma in _ATTRIBUTIVE_DOUBT:
            continue  # "approved a possible sale": the sale is approved, not doubted
        if (
            cue is not lead
            and lead_kind in ("get", "give", "arrive", "go")
            and _attributive_participle(tokens, cue, item_starts)
        ):
            kinds = kinds & {"order"}  # "hat alle zugesagten Kampfpanzer erhalten": the promise is history
        kinds = kinds - _past_background(cue, tokens)
        mods |= {k for k in kinds if k in MODIFIERS}
    return mods


def _past_background(cue: CueMention, tokens: list[Token]) -> frozenset[str]:
    """Kinds a cue loses after "trotz", "after" and the like: "trotz Verzögerungen geliefert", "after long
    delays" (it did come), "After months of negotiations, Washington agreed …" (the talks are over)."""
    word = tokens[cue.start].text
    # a noun: capitalised inside a German sentence, or an English noun of talks and delays
    noun = (word[:1].isupper() and cue.start > 0) or word.lower().endswith(("ion", "ions", "ay", "ays", "talks"))
    if (
        cue.kinds & {"delay", "consider"}
        and noun
        and any(t.lower in _DESPITE for t in tokens[max(0, cue.start - 3) : cue.start])
    ):
        return frozenset({"delay", "consider"})  # a noun after the preposition, not "Dem Vernehmen nach erwägt"
    return frozenset()


_FRAMING = frozenset({"under", "unter", "rahmen", "part", "gemäß", "laut"})  # "Under the agreement, Turkey will …"
_DESPITE = frozenset({"trotz", "nach", "despite", "after", "following", "ohne", "without"})


_ATTRIBUTIVE_DOUBT = frozenset({"possible", "potential", "möglich", "potenziell", "potentiell", "mögliche"})


def _governor_chain(grammar: SentenceGrammar, cues_by_clause, items_by_clause, c: int) -> list[int]:
    """Preceding item-less clauses whose verbs govern clause c.

    "…, sagte Kirby, bereite sich die Wagner-Gruppe darauf vor, [der Hisbollah
    … zur Verfügung zu stellen]": the preparing clause governs the giving one.
    """
    chain: list[int] = []
    k = c - 1
    if k >= 0 and items_by_clause[k] and grammar.infinitive[c]:
        return [k]  # "The first four aircraft are scheduled | to arrive in 2026"
    while k >= 0 and not items_by_clause[k]:
        kinds = {kind for cue in cues_by_clause[k] for kind in cue.kinds}
        if kinds & TRIGGERS - {"use"} and not kinds & {"promise", "approve", "deal", "request", "deny", "refuse"}:
            break
        chain.append(k)
        if not (grammar.infinitive[c] or _opens_complement(grammar, k + 1)):
            break
        k -= 1
    return chain


def _opens_complement(grammar: SentenceGrammar, c: int) -> bool:
    if c >= len(grammar.clauses):
        return False
    start, end = grammar.clauses[c]
    words = [t.lower for t in grammar.tokens[start : min(end, start + 3)]]
    return bool(words) and (
        words[0] in (",", ":", "that", "dass", "ob", "whether", "wonach")
        or (len(words) > 1 and words[1] in ("dass", "that", "ob", "whether", "wonach"))
        or grammar.infinitive[c]
    )


def _passive(
    tokens: list[Token], grammar: SentenceGrammar, c: int, lead: CueMention, lang: str, donors: tuple[int, ...] = ()
) -> bool:
    start, end = grammar.clauses[c]
    words = [t.lower for t in tokens[start:end]]
    for k in donors:  # "Zudem wurden 15 Gepard, die …, an die Ukraine ausgeliefert": the auxiliary came first
        words += [t.lower for t in tokens[grammar.clauses[k][0] : grammar.clauses[k][1]]]
    trig = tokens[lead.start]
    if lang == "de":
        if trig.text[:1].isupper():
            return False
        return (
            any(w in _AUX_PASSIVE_DE for w in words)
            and (trig.lower.startswith("ge") or "ge" in trig.lower[2:6] or trig.lower != trig.lemma)
            and (
                "worden" in words
                or "wurde" in words
                or "wurden" in words
                or _follows_aux(tokens, lead.end, start, end)
                # "Der Hisbollah werden vom Iran Raketen geliefert": "werden" with a clause-final participle
                or (lead.end >= end or not tokens[lead.end].text[:1].isalnum())
                and any(t.lower in ("werden", "wird") for t in tokens[start : lead.start])
            )
        )
    if (
        lead.start >= 2
        and tokens[lead.start - 1].lower in ("them", "those", "which", "these")
        and tokens[lead.start - 2].lower == "of"
        and (trig.lower.endswith(("ed", "nt", "ld", "wn")) or trig.lower in _IRREGULAR_PARTICIPLES)
    ):
        return True  # "most of them shipped across the Caspian Sea": a participle with its own noun, passive
    if (
        lead.start > 0
        and trig.lower.endswith(("ed", "nt", "ld", "wn"))
        and lead.start + 1 < len(tokens)
        and tokens[lead.start + 1].lower == "by"
        and tokens[lead.start - 1].text.isalpha()
        and tokens[lead.start - 1].lower not in ("has", "have", "had", "it", "he", "she", "they", "who")
    ):
        return True  # "batteries supplied by the United States"
    for j in range(lead.start - 1, max(start - 1, lead.start - 4), -1):
        w = tokens[j].lower
        if w in _AUX_PASSIVE_EN:
            return trig.lower.endswith(("ed", "en", "nt", "ld", "ht", "wn")) or trig.lower in ("sent", "sold", "given")
        if w not in (
            "also",
            "already",
            "reportedly",
            "allegedly",
            "secretly",
            "recently",
            "since",
            "not",
            "never",
            "being",
            "been",
            "quietly",
            "officially",
            "first",
        ):
            break
    return False


def _follows_aux(tokens: list[Token], pos: int, start: int, end: int) -> bool:
    return pos < end and tokens[pos].lower in ("werden", "worden", "wurden", "wurde")


# --------------------------------------------------------------------------- roles


def _groups(actors: list[ActorMention], tokens: list[Token]) -> list[Group]:
    groups: list[Group] = []
    for actor in sorted(actors, key=lambda a: a.start):
        if groups:
            last = groups[-1].members[-1]
            between = tokens[last.end : actor.start]
            if (
                between
                and all(t.lower in _LINK or t.lower in ("der", "die", "das", "dem", "den", "the") for t in between)
                and any(t.lower in _LINK for t in between)
                and (actor.prep is None or actor.prep == groups[-1].first.prep)
            ):
                groups[-1].members.append(actor)
                continue
        groups.append(Group([actor]))
    return groups


def _assign_transfer_roles(
    frame: Frame,
    grammar: SentenceGrammar,
    actors_by_clause,
    cues_by_clause,
    governors: list[int],
    lang: str,
    tokens: list[Token],
    actors_all: list[ActorMention],
) -> None:
    c = frame.clause
    own = _groups(actors_by_clause[c], tokens)
    trig = frame.trigger.start
    bare = [g for g in own if g.first.prep is None and not g.first.genitive and _can_act(g, tokens)]
    subject: Group | None = None
    objects: list[Group] = []
    if grammar.infinitive[c]:
        objects = bare
    elif lang == "en":
        before = [g for g in bare if g.first.start < trig]
        after = [g for g in bare if g.first.start > trig]
        subject = before[-1] if before else None
        objects = after + before[:-1]
        if (
            len(before) > 1
            and trig > 0
            and tokens[trig].lower.endswith("ing")
            and tokens[trig - 1].lower in _GERUND_PREPS
        ):
            # "Iraq has approached South Korea about acquiring KF-21s": a gerund after a preposition has the
            # clause's subject; the name in between is the object of the verb before
            subject, objects = before[0], after + before[1:]
    else:
        dative = [g for g in bare if g.first.article == "dem"]
        rest = [g for g in bare if g not in dative]
        start, end = grammar.clauses[c]
        first_bare = min((g.first.start for g in bare), default=end)
        if any(t.lower in ("man", "er") for t in tokens[start:end]) or any(
            t.lower in ("es", "sie") for t in tokens[start:first_bare]
        ):
            # "Man liefere Russland keine Waffen", "ob es der Ukraine Jets überlassen kann": a nominative
            # pronoun (one ahead of every name, for the ambiguous "es" and "sie") is the subject
            objects = dative + rest
        else:
            subject = rest[0] if rest else None
            objects = dative + rest[1:]
    inherited: Group | None = None
    asker: Group | None = None
    antecedent = _relative_antecedent(grammar, c, actors_by_clause, tokens)
    if antecedent is not None:
        # "Unternehmen aus China, die Russland mit Mikrochips beliefern": the relative pronoun is the subject.
        if subject is not None and subject is not antecedent:
            objects = [subject] + objects
        subject = antecedent
    if subject is None and governors:
        # "lehnte ein Gesuch Spaniens ab, Flugabwehrkanonen … weiterzugeben", "Spain's request to re-export …":
        # whoever made the request is the subject of what was asked
        request = next((x for x in cues_by_clause[governors[0]] if "request_noun" in x.kinds), None)
        start = grammar.clauses[c][0]
        if request is not None and (grammar.infinitive[c] or tokens[start].lower in ("to", "zu")):
            askers = [
                a
                for a in actors_by_clause[governors[0]]
                if a.genitive and (a.end in (request.start, request.start - 1) or a.start == request.end)
            ]
            if askers:
                subject = Group([askers[0]])
    if subject is None:
        plural = _pronoun_subject(tokens, grammar, c, [], frame.trigger.start)
        if plural is not None and tokens[plural].lower in ("they", "diese", "jene"):
            # "sanctioned three Chinese firms because they had shipped …": a plural pronoun takes up the
            # firms or people of a state just named, not a state (a state is "it")
            named = [a for a in actors_all if a.end <= plural and a.kind in ("adj", "demonym")]
            if named:
                subject = Group([named[-1]])
    if subject is None:
        for g in governors + _earlier(grammar, c):
            cand = [x for x in _groups(actors_by_clause[g], tokens) if x.first.prep is None and not x.first.genitive]
            if not cand and grammar.infinitive[c] and g in governors:
                # "Pläne der argentinischen Luftwaffe, … zu übernehmen": the planner of the noun acts
                cand = [
                    x
                    for x in _groups(actors_by_clause[g], tokens)
                    if x.first.genitive and x.first.prep is None and _can_act(x, tokens)
                ]
            if cand:
                inherited = cand[0]
                # Object control: "Kyiv asked Seoul to supply …" - Seoul supplies, Kyiv receives.
                if (
                    g in governors
                    and grammar.infinitive[c]
                    and len(cand) > 1
                    and any(kind in cue.kinds for cue in cues_by_clause[g] for kind in ("request", "accuse"))
                ):
                    asker, inherited = cand[0], cand[1]
                break
    subj = subject or inherited
    if subj is None:
        pronoun = _pronoun_subject(tokens, grammar, c, governors, frame.trigger.start)
        if pronoun is not None:
            # "Iran's announcement that it had …", "The Netherlands said it would …"
            earlier = [a for a in actors_all if a.end <= pronoun and a.kind not in ("origin", "ref")]
            if earlier:
                subj = Group([earlier[-1]])
            else:
                frame.pronoun_subject = True
    by_prep: dict[str, list[Group]] = {}
    trig_end = frame.trigger.start
    for grp in own:
        if lang == "en" and grp.first.text.endswith(("'s", "’s")) and 0 <= trig_end - grp.members[-1].end <= 2:
            grp.first.genitive = True  # "Canberra's 2023 order", "Moscow's request": the owner acts
            continue
        if grp.first.prep:
            prep = grp.first.prep
            if prep == "in" and grp.first.article in ("die", "den", "das") and lang == "de":
                prep = "nach"  # "in die Ukraine exportiert": a direction, not a place
            by_prep.setdefault(prep, []).append(grp)
    genitives = [g for g in own if g.first.genitive and g.first.prep is None]

    def prep_ids(preps: frozenset[str]) -> list[str]:
        return [
            i
            for p in preps
            for g in by_prep.get(p, [])
            for i in g.ids
            if not (
                p in ("mit", "with")
                and g.first.start > 0
                and tokens[g.first.start - 2 if g.first.article else g.first.start - 1].lower
                in ("gemeinsam", "zusammen", "together")
            )
        ]

    kind = frame.trigger_kind
    origin = [it.origin for it in frame.items if it.origin]
    if kind == "promise" and _offer_noun(tokens, frame.trigger) and subj is not None and not frame.passive:
        # "Lima is weighing three bids: Saab's Gripen E, …", "Manila prüft ein Angebot aus Seoul":
        # whoever weighs an offer would receive; the offer names its supplier
        frame.recipients = subj.ids
        frame.suppliers = prep_ids(_FROM) or [i for g in genitives for i in g.ids] or _unique(origin)
        if len(_unique(origin)) > 1 and not prep_ids(_FROM):
            frame.item_suppliers = {id(it): it.origin for it in frame.items if it.origin}
    elif kind in GIVE:
        if frame.passive:
            frame.suppliers = prep_ids(_FROM)
            if not frame.suppliers and "approve" in frame.modifiers and subj is not None and not subj.first.genitive:
                # "…, allowing Patriot missiles to be shipped to the United States": who allows exports
                frame.suppliers = [i for i in subj.ids if i not in prep_ids(_TO)]
            frame.recipients = prep_ids(_TO) or [i for g in bare for i in g.ids]
            if not frame.recipients and any("arrive" in cue.kinds for cue in cues_by_clause[c]):
                frame.recipients = prep_ids(_IN)
        elif frame.trigger.lemma in _LEASE and prep_ids(_FROM) and not prep_ids(_TO) and subj is not None:
            # "Indonesia will lease submarines from South Korea": leasing from someone is receiving
            frame.suppliers, frame.recipients = prep_ids(_FROM), list(subj.ids)
        else:
            frame.suppliers = subj.ids if subj and not _reason_phrase(tokens, frame.trigger.start) else []
            if (
                kind == "give_noun"
                and not frame.modifiers & _NOUN_GOVERNORS
                and not any(t.lower in _OWN for t in tokens[max(0, frame.trigger.start - 5) : frame.trigger.start])
                and _relative_antecedent(grammar, c, actors_by_clause, tokens) is None
            ):
                # "um die Zeit bis zur Auslieferung der Jets zu überbrücken": a delivery noun names its
                # supplier itself (von, aus, genitive), unless a verb of deciding governs it
                frame.suppliers = []
            if kind in ("give_noun", "promise", "approve", "sell") and not frame.suppliers:
                frame.suppliers = prep_ids(_FROM) or [i for g in genitives for i in g.ids]
            frame.recipients = prep_ids(_TO) or [i for g in objects for i in g.ids]
            frame.recipient_marks = [(m.id, m.start) for p in _TO for g in by_prep.get(p, []) for m in g.members]
            if not frame.recipients and any("arrive" in cue.kinds for cue in cues_by_clause[c]):
                frame.recipients = prep_ids(_IN)  # "tanks gifted by Australia have arrived in Ukraine"
            if not frame.recipients and frame.trigger.lemma in ("ausbilden", "schulen", "train"):
                frame.recipients = prep_ids(_IN)  # "Piloten in Baku auszubilden": trainers go there
            if frame.trigger.lemma in ("ausbilden", "schulen", "train"):
                frame.no_fill = True  # who is trained where must be said; no guessing from the discourse
            if _own_forces(tokens, frame.trigger.start, c, grammar) and subj is not None:
                # "Norwegen will seine Marine mit britischen Fregatten ausrüsten": equipping one's own forces
                frame.recipients, frame.suppliers = subj.ids, [o for o in origin if o not in subj.ids][:1]
            if not frame.recipients and kind == "give_noun" and lang == "de":
                frame.recipients = prep_ids(frozenset({"in"}))  # "Lieferungen in die USA"
            if not frame.recipients:
                frame.recipients = _trailing_recipient(grammar, actors_by_clause, cues_by_clause, c)
            if not frame.recipients and _to_institution(tokens, grammar, c):
                # "hat in Mali Kampfhubschrauber an die Armee übergeben": the army of the state named as the place
                frame.recipients = [i for i in prep_ids(frozenset({"in", "im"})) if i not in frame.suppliers]
            if not frame.recipients and asker is not None:
                frame.recipients = asker.ids
        if not frame.suppliers and origin:
            frame.suppliers = _unique(origin)
            if len(frame.suppliers) > 1:
                # "three bids: Saab's Gripen E, Lockheed Martin's F-16 and Dassault's Rafale"
                frame.item_suppliers = {id(it): it.origin for it in frame.items if it.origin}
        if not frame.suppliers:
            frame.suppliers = _built_in(own, tokens)
        if not frame.suppliers and c > 0 and _participial(tokens, grammar, c - 1):
            # "The frigates, built in Italy, were handed over …"
            frame.suppliers = _built_in(_groups(actors_by_clause[c - 1], tokens), tokens)
    elif (
        kind in ("order", "buy", "get")
        and subj is not None
        and (subj.first.kind == "org" or _company(subj, tokens))
        and prep_ids(frozenset({"von", "vom", "aus", "für", "from", "for", "by"}))
    ):
        # "Saab erhielt einen Auftrag aus Thailand": the company sells.
        frame.suppliers = subj.ids
        frame.recipients = prep_ids(frozenset({"von", "vom", "aus", "für", "from", "for", "by"}))
    elif kind in RECEIVE:
        by_noun = [g for g in by_prep.get("by", []) if trig < g.first.start <= trig + 3 and tokens[trig].text.islower()]
        if (frame.passive or by_noun and not subj) and lang == "en" and by_prep.get("by"):
            # "were bought by Manila", "the third Israeli arms purchase by the Philippines": the buyer
            frame.recipients = prep_ids(frozenset({"by"}))
        else:
            frame.recipients = subj.ids if subj else []
            if not frame.recipients and kind in ("buy", "order", "request", "get"):
                frame.recipients = [i for g in genitives for i in g.ids]
            if not frame.recipients and frame.passive:
                # "Most of Nigeria's Super Tucanos were bought from the United States": the owner bought them
                frame.recipients = [
                    i for g in own if g.first.kind.endswith("-gen") and g.first.start < trig for i in g.ids
                ]
        preps = _FROM_BUY if kind in ("buy", "order") and lang == "de" else _FROM | {"bei", "beim"}
        if frame.modifiers & {"deal"}:
            preps = preps | {"mit", "with"}  # "hatte Warschau den Kauf mit Washington vereinbart"
        if kind == "request" and lang == "de":
            preps = preps | {"bei", "beim", "in"}  # "bemüht sich in Moskau um Kampfflugzeuge"
        if by_noun:
            preps = preps - {"by"}
        frame.suppliers = prep_ids(preps)
        if not frame.suppliers and (
            kind == "request" or kind == "buy" and (lang == "de" or "request" in frame.modifiers)
        ):
            # "bat Berlin um Panzer", "hat Frankreich Kampfjets abgekauft": the dative object is asked or sells
            frame.suppliers = [i for g in objects for i in g.ids]
        if not frame.suppliers and origin:
            frame.suppliers = origin[:1]
        if not frame.suppliers:
            # The producing state of a named new system ("Taiwan received 38 Abrams tanks").
            frame.suppliers = _unique([it.producer for it in frame.items if it.producer])[:1]
        beneficiaries = [
            i for g in by_prep.get("for", []) + by_prep.get("für", []) if g.first.start > trig for i in g.ids
        ]
        if kind in ("buy", "order") and beneficiaries and not frame.passive:
            # "Britain and Norway jointly bought NASAMS launchers for Ukraine": the buyers pay, the one they buy
            # for receives, and the seller's state supplies (funders are no suppliers, the contract)
            frame.recipients = beneficiaries
            frame.suppliers = [
                s
                for s in (prep_ids(preps) or origin[:1] or _unique([it.producer for it in frame.items if it.producer]))
                if s not in beneficiaries
            ][:1]
    elif kind in ARRIVE:
        frame.recipients = prep_ids(_IN) or [i for g in objects for i in g.ids]
        if not frame.recipients and kind == "arrive":
            # "Die ersten Leopard-2-Panzer für Tschechien sind … eingetroffen": whom they are for receives
            frame.recipients = prep_ids(frozenset({"für", "for"}))
        if not frame.recipients:
            # "reached Russian units", "erreichten russische Truppen": the forces' state receives
            frame.recipients = _unique(
                [
                    a.id
                    for a in actors_by_clause[c]
                    if a.kind in ("adj", "adj-gen")
                    and a.start > trig
                    and a.end in {cue.start for cue in cues_by_clause[c] if "forces" in cue.kinds}
                ]
            )[:1]
        if not frame.recipients and kind == "arrive":
            # "Vietnam's first batch of T-90S tanks arrived from Russia": whose goods arrive receives them
            owners = genitives + [g for g in own if g.first.kind.endswith("-gen") and g.first.start < trig]
            frame.recipients = [i for g in owners for i in g.ids if i not in frame.suppliers]
        if kind == "seize":
            # "seized 300 engines … from China bound for Russia": who seized is neither side
            frame.recipients = prep_ids(frozenset({"for", "für", "to", "nach"}))
            frame.no_fill = True
        # "… was seized by the US Navy": the agent of a seizure is neither side
        sources = _FROM - {"by", "von", "vom"} if kind == "seize" and frame.passive else _FROM
        frame.suppliers = prep_ids(sources) or origin[:1]
        if (
            not frame.suppliers
            and frame.recipients
            and any(tokens[it.start - 1].lower in _OWN for it in frame.items if it.start)
        ):
            # "Serbia has denied reports that its ammunition was reaching Ukraine": with the receiver named,
            # "its" goods are the sentence subject's
            owner = next((a.id for a in actors_all if a.prep is None and not a.genitive and a.start < trig), None)
            frame.suppliers = [owner] if owner is not None and owner not in frame.recipients else []
        if not frame.suppliers:
            frame.suppliers = _unique([it.producer for it in frame.items if it.producer])[:1]
    elif kind in DEAL:
        partners = (subj.ids if subj else []) + prep_ids(frozenset({"mit", "with", "zwischen", "between"}))
        source = prep_ids(_FROM) or origin[:1]
        if not source:
            # "signed a contract with Israel's Elbit Systems": the arms maker in a deal sells
            buyers = subj.ids if subj else []
            makers = [i for p in ("mit", "with") for g in by_prep.get(p, []) if _company(g, tokens) for i in g.ids]
            makers += [a.id for a in actors_all if a.kind == "org" and a.start > trig and a.id in partners]
            source = _unique([m for m in makers if m not in buyers])
        if source:
            frame.suppliers = source
            frame.recipients = [p for p in partners if p not in source]
        else:
            producers = {it.producer for it in frame.items if it.producer}
            frame.suppliers = [p for p in partners if p in producers]
            frame.recipients = [p for p in partners if p not in producers] if frame.suppliers else []
            with_partners = prep_ids(frozenset({"mit", "with"}))
            if not frame.suppliers and subj is not None and len(subj.ids) == 1 and len(with_partners) == 1:
                # "Katar unterzeichnete einen Vertrag über NH90-Hubschrauber mit Italien": no maker settles it,
                # so the buyer is who signs, and the state it signs with sells
                if with_partners[0] not in subj.ids:
                    frame.suppliers, frame.recipients = with_partners, list(subj.ids)
        if frame.suppliers and not frame.recipients:
            # "Lockheed Martin will build 24 F-16s for Bulgaria under a deal": whom the goods are for buys
            frame.recipients = [i for i in prep_ids(frozenset({"for", "für"})) if i not in frame.suppliers]
    # The one a gerund is said of supplies: "Chinese companies accused of supplying components",
    # "accusing Pyongyang of arming Russia", "designated three Turkish companies for shipping …".
    accused_window = None
    if lang == "en" and kind in GIVE and trig >= 3:
        prev_word = tokens[trig - 1].lower
        if (
            prev_word in ("of", "over")
            and tokens[trig - 2].lower in ("accused", "suspected", "sanctioned", "designated", "blacklisted")
            and tokens[trig - 3].lower not in ("has", "have", "had", "is", "are", "was", "were", "been")
        ):
            accused_window = (trig - 8, trig - 2)
        elif prev_word == "of" and any(
            t.lower in ("accusing", "accuses", "accuse") for t in tokens[max(0, trig - 6) : trig - 1]
        ):
            accused_window = (trig - 5, trig - 1)
        elif (
            prev_word == "for"
            and tokens[trig].lower.endswith("ing")
            and any(
                cue.kinds & {"sanction", "listing", "impose"} and cue.start < trig for x in cues_by_clause for cue in x
            )
        ):
            accused_window = (trig - 8, trig - 1)
    if accused_window is not None:
        lo, hi = accused_window
        near = [a for a in actors_all if lo <= a.start and a.end <= hi and a.id not in frame.recipients]
        if near:
            frame.suppliers = [near[-1].id]
    trigger_word = tokens[trig]
    if (
        lang == "de"
        and kind in ("give", "promise", "sell")
        and trigger_word.text.islower()
        and trigger_word.lower.endswith(("en", "ten", "te", "tes", "ter", "tem"))
        and any(it.start == frame.trigger.end for it in frame.items)
        and (by_prep.get("von") or by_prep.get("aus"))
        and subj is not None
        and subj.first.start < trig
    ):
        # "wartet auf die von Deutschland versprochenen Iris-T", "auf die zugesagten Gripen aus Schweden": the
        # agent of an attributive participle, or where the goods come from, supplies; the clause's subject is
        # who the goods are for
        agents = [i for g in by_prep.get("von", []) if g.first.start < trig for i in g.ids] or [
            i for g in by_prep.get("aus", []) if g.first.start > trig for i in g.ids
        ]
        if agents:
            frame.suppliers = agents
            frame.recipients = [i for i in subj.ids if i not in agents]
    answer = next(
        (k for k in ("refuse", "approve", "consider") if any(k in cue.kinds for cue in cues_by_clause[c])), None
    )
    if (
        kind == "request"
        and "request_noun" in frame.trigger.kinds
        and answer is not None
        and subj is not None
        and subj.first.start < trig
    ):
        # "Israel has rejected Ukrainian requests for Iron Dome", "lehnte eine Anfrage Kiews nach … ab",
        # "Washington has approved Kyiv's request for Patriot interceptors": the one answering a request
        # refuses or agrees; the asker stands before the noun or in the genitive after it
        askers = [
            a.id
            for a in actors_all
            if (
                a.end in (trig, trig - 1)
                or a.start == frame.trigger.end
                and a.genitive
                or a.prep in ("from", "von", "aus")
                and frame.trigger.end <= a.start <= frame.trigger.end + 2
            )
            and a.id not in subj.ids
        ]  # "Kyiv's request", "eine Anfrage Kiews", "a request from Kyiv"
        if askers:
            frame.suppliers = list(subj.ids)
            frame.recipients = askers[-1:]
            if answer == "consider":
                # "Das Pentagon prüft eine Anfrage Polens nach …": weighing a request leaves it a request
                frame.modifiers.discard("consider")
            else:
                frame.trigger_kind = "give"
                frame.modifiers.add(answer)
                frame.modifiers.discard("request")
    if kind == "give_noun" and any("seize" in cue.kinds for cue in cues_by_clause[c]):
        # "A shipment of Iranian rifles … was seized by the US Navy": the seizer is neither side
        frame.suppliers = prep_ids(_FROM - {"by", "von", "vom"}) or origin[:1]
        frame.no_fill = True
    if (
        kind == "give_noun"
        and lang == "de"
        and objects
        and any(cue.kinds & {"approve", "refuse"} for cue in cues_by_clause[c])
        and not frame.passive
    ):
        # "…, Deutschland die Wiederausfuhr an die Ukraine zu erlauben", "verweigert Deutschland die Weitergabe":
        # whoever is permitted (or refused) the export, the dative object, exports; the other state only
        # allows or blocks it
        permitted = [i for g in objects for i in g.ids if i not in frame.recipients]
        if permitted:
            frame.suppliers = permitted[:1]
    if kind == "give_noun" and any(cue.kinds & {"approve", "refuse", "prevent"} for cue in cues_by_clause[c]):
        # "blockiert die Weitergabe von Munition aus deutschen Beständen", "from German stocks": the goods leave
        # the state whose stocks they are; who allows or blocks that is no party
        stocks = [
            a.id
            for a in actors_all
            if a.prep in ("aus", "from")
            and a.start > trig
            and a.end < len(tokens)
            and tokens[a.end].lower.startswith(_STOCKS)
            and a.id not in frame.recipients
        ]
        if stocks:
            frame.suppliers = stocks[:1]
    if (
        kind == "buy"
        and lang == "de"
        and trigger_word.text[:1].isupper()
        and objects
        and subj is not None
        and any(cue.kinds & {"approve", "refuse"} for cue in cues_by_clause[c])
    ):
        # "Die USA verweigern Ankara den Kauf von F-35-Jets": whoever is allowed or refused the purchase (the
        # dative object) buys; the one deciding sells
        frame.recipients = [i for g in objects for i in g.ids]
        frame.suppliers = [i for i in subj.ids if i not in frame.recipients]
    if (
        kind == "give_noun"
        and lang == "de"
        and by_prep.get("durch")
        and not frame.passive
        and frame.modifiers & {"deal", "approve", "promise", "refuse", "prevent", "request"}
    ):
        # "hat die Lieferung von 40 Eurofightern durch Großbritannien vereinbart": "durch" after the delivery
        # noun names who delivers; the subject agreeing to it receives
        agents = [i for g in by_prep["durch"] if g.first.start > trig for i in g.ids]
        if agents:
            if subj is not None and not frame.recipients:
                frame.recipients = [i for i in subj.ids if i not in agents]
            frame.suppliers = agents
    if kind in GIVE and "deal" in frame.modifiers and len(frame.suppliers) > 1 and not frame.recipients:
        # "Vietnam and the Czech Republic have agreed on the supply of L-39NG jets": partners to a deal on
        # a named system; its maker's state supplies, the other receives
        makers = [p for p in frame.suppliers if p in {it.producer for it in frame.items}]
        if len(makers) == 1:
            frame.recipients = [p for p in frame.suppliers if p not in makers]
            frame.suppliers = makers
    if kind == "build_for" and not frame.recipients:
        frame.recipients = [i for i in prep_ids(frozenset({"in", "im"})) if i not in frame.suppliers]
        frame.items = [it for it in frame.items if it.category == "technology"]
    if subj is not None:
        frame.subject_text = _phrase_from(tokens, subj.first.start, subj.members[-1].end)
    frame.suppliers = _unique(frame.suppliers)
    frame.recipients = [r for r in _unique(frame.recipients)]


_STOCKS = ("bestand", "bestände", "lager", "depot", "arsenal", "stock", "stockpile", "inventor", "reserve")


ACTING_HEADS = frozenset(
    "regierung führung armee militär streitkräfte luftwaffe marine ministerium außenministerium behörden "
    "verteidigungsministerium unternehmen firmen firma konzern konzerne rüstungskonzern rüstungskonzerne hersteller "
    "werft werften tochter staatsbetriebe beamte regierungsvertreter diplomaten geheimdienst behörde präsident "
    "fluggesellschaft "
    "government army military forces navy ministry authorities companies company firms firm manufacturer "
    "manufacturers makers maker shipyard officials diplomats intelligence president leadership state-owned "
    "airline airlines reederei supplier suppliers lieferant lieferanten "
    "state offiziere officers generäle generals kommandeure commanders "
    "air units troops defence defense coast einheiten truppen".split()  # "the Indonesian air force will receive"
)


_COMPANY_HEADS = (
    "konzern",
    "hersteller",
    "werft",
    "unternehmen",
    "firma",
    "company",
    "maker",
    "manufacturer",
    "shipyard",
    "contractor",
    "group",
)


_OFFER_NOUNS = frozenset("offer offers bid bids proposal angebot gebot vorschlag".split())


def _offer_noun(tokens: list[Token], cue: CueMention) -> bool:
    tok = tokens[cue.start]
    if tok.lower not in _OFFER_NOUNS and tok.lemma not in _OFFER_NOUNS:
        return False
    before = tokens[cue.start - 1].lower if cue.start > 0 else ""
    return (
        tok.text[:1].isupper()
        or before in ("a", "an", "the", "its", "their", "this")
        or before.isdigit()
        or (before in ("two", "three", "four", "several", "new", "rival"))
    )


def _company(group: Group, tokens: list[Token]) -> bool:
    """ "Der schwedische Rüstungskonzern Saab": an adjective of a company is a seller."""
    return any(any(h in t.lower for h in _COMPANY_HEADS) for t in tokens[group.first.end : group.first.end + 2])


def _can_act(group: Group, tokens: list[Token]) -> bool:
    """An adjective ("chinesische", "Chinese") acts only through its noun: "chinesische Firmen liefern"."""
    first = group.first
    if first.kind not in ("adj", "adj-gen"):
        return True
    for tok in tokens[first.end : first.end + 3]:
        word = tok.lower
        if word in ACTING_HEADS or tok.lemma in ACTING_HEADS or any(word.startswith(h) for h in _ACTING_STEMS):
            return True
    return False


_ACTING_STEMS = (
    "streitkr",
    "regierung",
    "behörde",
    "ministeri",
    "armee",
    "militär",
    "luftwaffe",
    "marine",
    "konzern",
    "hersteller",
    "werft",
    "unternehmen",
    "firm",
    "beamte",
    "diplomat",
    "staatsbetrieb",
    "rüstungs",
)


_REL_PRONOUNS = frozenset("die der das deren dessen welche welcher welches which who that".split())


def _relative_clause(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    start, end = grammar.clauses[c]
    if c == 0 or start >= end or grammar.infinitive[c]:
        return False  # ", die Huthi mit Waffen auszurüsten": an article opening an infinitive
    i = start + 1 if tokens[start].text == "," and start + 1 < end else start
    word = tokens[i].lower
    if word in ("which", "who"):
        return True
    if word == "that":
        prev = tokens[i - 1] if i > 0 else None
        return prev is not None and (prev.lower in ACTING_HEADS or prev.lemma in ACTING_HEADS)
    return tokens[start].text == "," and word in _REL_PRONOUNS and tokens[i].text.islower()


def _relative_antecedent(grammar: SentenceGrammar, c: int, actors_by_clause, tokens: list[Token]) -> Group | None:
    k = c
    while k > 0:
        start, end = grammar.clauses[k]
        prev = [t for t in tokens[grammar.clauses[k - 1][0] : grammar.clauses[k - 1][1]] if t.text != ","]
        if len(prev) > 1 and prev[-1].lower in ("which", "who"):
            # "companies in China, Turkey and Kyrgyzstan which, according to …, have shipped": the pronoun
            # ends its clause when a parenthesis follows it
            before = _groups(actors_by_clause[k - 1], tokens)
            pron = tokens.index(prev[-1], grammar.clauses[k - 1][0])
            return before[-1] if before and before[-1].members[-1].end == pron else None
        words = [t.lower for t in tokens[start : min(end, start + 2)]]
        first = words[1] if words and words[0] == "," and len(words) > 1 else (words[0] if words else "")
        if first in _REL_PRONOUNS and (
            start + 1 < len(tokens)
            and not tokens[start + 1 if words[0] == "," else start].text[:1].isupper()
            or first in ("which", "who", "that")
        ):
            before = _groups(actors_by_clause[k - 1], tokens)
            prev_end = grammar.clauses[k - 1][1]
            if before and before[-1].members[-1].end >= prev_end - 1:
                return before[-1]
            if before and before[-1].first.kind == "adj" and before[-1].members[-1].end >= prev_end - 3:
                # "an Iranian cargo airline that …": the adjective names the noun the pronoun refers to
                gap = tokens[before[-1].members[-1].end : prev_end]
                if all(t.text.isalpha() and t.lower not in _NOT_NOUN for t in gap):
                    return before[-1]
            return None
        if k != c and any(a.prep is None for a in actors_by_clause[k]):
            return None
        k -= 1
        if c - k > 2:
            return None
    return None


_GOVERNING = (
    "regierung",
    "government",
    "ministeri",
    "ministry",
    "behörde",
    "authorities",
    "präsident",
    "president",
    "außenminist",
    "foreign minist",
    "führung",
    "leadership",
    "parlament",
    "parliament",
    "treasury",
)


def _governs(group: Group, tokens: list[Token]) -> bool:
    """An adjective imposes only through a governing body: "die chinesische Regierung verhängte"."""
    for tok in tokens[group.first.end : group.first.end + 2]:
        if tok.lower.startswith(_GOVERNING):
            return True
    return False


_BUILT = frozenset(
    "built made produced manufactured gebaut hergestellt gefertigt produziert entwickelt developed".split()
)


def _built_in(groups: list[Group], tokens: list[Token]) -> list[str]:
    """ "was built in Germany and delivered in 1981": where the goods were made is where they come from."""
    for g in groups:
        start = g.first.start
        if g.first.prep in ("in", "im") and start >= 2 and tokens[start - 2].lower in _BUILT:
            return g.ids
        if g.first.prep in ("in", "im") and start >= 3 and tokens[start - 3].lower in _BUILT:
            return g.ids
    return []


_NOUN_GOVERNORS = frozenset(
    {
        "approve",
        "refuse",
        "promise",
        "deal",
        "prevent",
        "deny",
        "intend",
        "consider",
        "request",
        "order",
        "future",
        "delay",
        "complete",
    }
)
_GERUND_PREPS = frozenset({"about", "on", "over", "into", "in"})
_OWN = frozenset("seine ihre sein ihr seinen ihren seiner ihrer its their".split())
_FORCES = (
    "marine",
    "luftwaffe",
    "armee",
    "streitkr",
    "heer",
    "truppen",
    "navy",
    "air force",
    "army",
    "forces",
    "military",
)


def _own_forces(tokens: list[Token], trigger: int, c: int, grammar: SentenceGrammar) -> bool:
    start, end = grammar.clauses[c]
    for i in range(start, end - 1):
        if tokens[i].lower in _OWN and tokens[i + 1].lower.startswith(_FORCES):
            return True
    return False


_REASON = frozenset("wegen aufgrund angesichts over despite trotz".split())


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


def _phrase_from(tokens: list[Token], start: int, end: int) -> str:
    """The actor's words with the capitalised name that follows: "Serbian President Aleksandar Vučić"."""
    while end < len(tokens) and end - start < 6 and tokens[end].text[:1].isupper() and tokens[end].text.isalpha():
        end += 1
    return " ".join(t.text for t in tokens[start:end])


def _to_institution(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """Whether the clause gives to an unnamed state institution: "an die Armee", "to the government"."""
    start, end = grammar.clauses[c]
    for k in range(start, end - 2):
        if tokens[k].lower in ("an", "to") and tokens[k + 1].lower in ("die", "das", "den", "the"):
            if tokens[k + 2].lower in ACTING_HEADS and tokens[k + 2].lower not in _COMPANY_WORDS:
                return True
    return False


_COMPANY_WORDS = frozenset("unternehmen firmen firma konzern companies company firms firm manufacturer".split())


def _trailing_recipient(grammar: SentenceGrammar, actors_by_clause, cues_by_clause, c: int) -> list[str]:
    """ "will dispatch 6,000 personnel, including 1,000 specialists, to Russia's Kursk region":
    the destination can follow a parenthesis."""
    for k in range(c + 1, min(c + 3, len(grammar.clauses))):
        if any(cue.kinds & TRIGGERS for cue in cues_by_clause[k]):
            return []
        to = [a.id for a in actors_by_clause[k] if a.prep in _TO]
        if to and actors_by_clause[k][0].prep in _TO:
            return to
    return []


def _earlier(grammar: SentenceGrammar, c: int) -> list[int]:
    return list(range(c - 1, -1, -1))


def _pronoun_subject(
    tokens: list[Token], grammar: SentenceGrammar, c: int, governors: list[int], before: int | None = None
) -> int | None:
    for k in [c] + governors:
        start, end = grammar.clauses[k]
        stop = min(end, before) if before is not None and k == c and before > start else min(end, start + 6)
        for t in tokens[start:stop]:
            if t.lower in ("es", "it", "sie", "they", "er", "he", "she", "man"):
                return t.i
            if t.lower in ("diese", "jene") and k == c and t.i + 1 < end and not tokens[t.i + 1].text.islower():
                return t.i  # "weil diese Drohnenteile an Russland geliefert haben": the firms just named
    return None


def _has_pronoun_subject(tokens: list[Token], grammar: SentenceGrammar, c: int, governors: list[int]) -> bool:
    return _pronoun_subject(tokens, grammar, c, governors) is not None


def _unique_ints(values: list[int]) -> list[int]:
    return list(dict.fromkeys(values))


def _unique(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


# --------------------------------------------------------------------------- sanctions


def _sanction_frames(
    tokens: list[Token],
    grammar: SentenceGrammar,
    mentions: Mentions,
    cues_by_clause,
    actors_by_clause,
    lang: str,
    sanction_story: bool = False,
) -> list[Frame]:
    """Sanction frames; in a story already about sanctions, "the list", "betroffen sind", "similar
    steps" continue them."""
    frames: list[Frame] = []
    all_actors = {a.start: a for a in mentions.actors}
    for c, cues in enumerate(cues_by_clause):
        sanction = next((cue for cue in cues if "sanction" in cue.kinds), None)
        if sanction is None and sanction_story:
            sanction = next((cue for cue in cues if "listing" in cue.kinds), None)
        if sanction is None and sanction_story:
            # "The government also targeted an Iranian cargo airline": in a sanctions story, a measure
            # aimed at firms or people is another listing
            start, end = grammar.clauses[c]
            if any(t.lower in _TARGET_NOUNS or t.lemma in _TARGET_NOUNS for t in tokens[start:end]):
                sanction = next((cue for cue in cues if "impose" in cue.kinds), None)
        if sanction is None:
            # "Japan friert die Vermögen von 30 Rüstungsfirmen ein": freezing assets is a measure
            start, end = grammar.clauses[c]
            if any(t.lower in _ASSETS for t in tokens[start:end]):
                sanction = next((cue for cue in cues if cue.lemma in ("einfrieren", "freeze")), None)
        prevent = next((cue for cue in cues if "prevent" in cue.kinds), None)
        if sanction is None and not (prevent and any(_stops_exports(cue, tokens, lang) for cue in cues)):
            continue
        if sanction is not None and any(
            x.kinds & {"prevent", "refuse"}
            and "lift" not in x.kinds  # "suspended sanctions" lifts them
            and x.start < sanction.start
            and tokens[x.start].text.islower()
            for x in cues
        ):
            continue  # "Ungarn blockiert ein neues EU-Sanktionspaket", "vetoed new sanctions": nothing is imposed
        cue = sanction or prevent
        assert cue is not None
        if sanction is None and not _general_goods(mentions.items, grammar, c):
            # "stopped the delivery of 48 Eurofighters to Riyadh": one transfer refused, no export stop
            continue
        if sanction is None:
            bare = [g for g in _groups(actors_by_clause[c], tokens) if g.first.prep is None and not g.first.genitive]
            if len(bare) > 1:
                # "Bern untersagte Dänemark die Weitergabe …", "blocked Germany from re-exporting …": a state
                # stopped from passing goods on is refused one transfer; no measure against a country
                continue
        frame = Frame("sanction", cue, "sanction" if sanction else "prevent", c)
        frame.modifiers = {
            k
            for x in cues
            if not _attributive_doubt(x)
            for k in x.kinds
            if not (k == "lift" and x is prevent and sanction is None)  # "suspended arms exports" imposes a stop
        }
        chain = []
        k = c - 1
        while k >= 0 and not any("sanction" in x.kinds for x in cues_by_clause[k]):
            chain.append(k)
            frame.modifiers |= {kk for x in cues_by_clause[k] for kk in x.kinds if not _attributive_doubt(x)}
            if not (grammar.infinitive[k + 1] or _opens_complement(grammar, k + 1)):
                break
            k -= 1
        own = _groups(actors_by_clause[c], tokens)
        # The imposer: a compound prefix on the sanction word ("EU-Sanktionen"), else the subject.
        prefixed = all_actors.get(cue.start)
        imposers: list[str] = []
        targets: list[str] = []
        if prefixed is not None and prefixed.kind not in ("adj", "origin"):
            imposers = [prefixed.id]
        adopting = bool(imposers)
        for g in own:
            if g.first.start == cue.start:
                continue
            before = [t.lower for t in tokens[max(0, g.first.start - 3) : g.first.start]]
            if g.first.start > cue.start and any(w in ("for", "over", "wegen") for w in before[:-1]):
                continue  # "… for supporting Russia's military": the reason, not the target
            if g.first.genitive and g.first.prep is None and g.first.start in (cue.end, cue.end + 1) and lang == "de":
                if not imposers:
                    imposers = g.ids  # "ein Waffenembargo der Vereinten Nationen"
                continue
            if g.first.prep == "of" and g.first.start > cue.start:
                targets += g.ids  # "sanctions on four leaders of Kataib Hezbollah"
                continue
            prep = g.first.prep
            if prep == "in" and g.first.article in ("die", "den", "das") and lang == "de":
                prep = "nach"  # "Rüstungsexporte in die Türkei": a direction, not a place
            if (
                prep in _TARGET
                or (
                    prep in ("in", "im", "aus")
                    and g.first.start > 1
                    and tokens[_before_prep(tokens, g.first.start)].lower in _TARGET_NOUNS
                )
                or (
                    prep in ("mit", "nach", "an", "to")
                    and (
                        frame.trigger_kind == "prevent"
                        or prevent is not None
                        # "export controls on chip tools to China": an export measure names its destination
                        or cue.lemma.startswith(("export", "ausfuhr"))
                    )
                )
            ):
                targets += g.ids
            elif (g.first.genitive or g.first.text.endswith(("'s", "’s"))) and g.first.start > cue.start:
                targets += g.ids  # "sanctions on targets linked to Russia's war", "on Syria's central bank"
            elif prep is None and not g.first.genitive:
                if g.first.kind in ("adj", "demonym") and not _governs(g, tokens):
                    targets += g.ids
                elif grammar.infinitive[c]:
                    targets += g.ids  # "erwägt, weitere Firmen auf die Liste zu setzen": objects only
                elif adopting and g is own[0] and g.first.start < cue.start and not grammar.infinitive[c]:
                    imposers += g.ids  # "Die Schweiz übernimmt die EU-Sanktionen": adopting them imposes them
                elif imposers and lang == "de" and g.first.kind not in ("adj", "demonym"):
                    targets += g.ids  # "Die USA hatten Indien mit Sanktionen gedroht"
                elif (
                    imposers
                    and lang == "en"
                    and g.first.start < cue.start
                    and "with" in [t.lower for t in tokens[g.members[-1].end : cue.start]]
                ):
                    targets += g.ids  # "Washington threatened Ankara with sanctions"
                elif not imposers and (g.first.start < cue.start or lang == "de"):
                    imposers = g.ids
                elif lang == "en" and g.first.start > cue.start:
                    targets += g.ids
        # Origin adjectives on the sanctioned nouns: "russische Einzelpersonen", "Iranian drone makers".
        for actor in mentions.actors:
            if (
                grammar.clause[actor.start] == c
                and actor.kind in ("adj", "origin")
                and actor.id not in imposers
                and _sanctioned_adjective(actor, tokens)
            ):
                targets.append(actor.id)
        if not imposers:
            antecedent = _relative_antecedent(grammar, c, actors_by_clause, tokens)
            if antecedent is not None and antecedent.first.kind not in ("adj", "origin"):
                imposers = antecedent.ids  # "… the European Union, which adopted its own sanctions"
        if not imposers:
            for ci in _unique_ints(chain + _earlier(grammar, c)):
                cand = [
                    x for x in _groups(actors_by_clause[ci], tokens) if x.first.prep is None and not x.first.genitive
                ]
                if cand:
                    imposers = cand[0].ids
                    break
        if not targets:
            for ci in chain:
                for x in _groups(actors_by_clause[ci], tokens):
                    if x.first.prep in _TARGET:
                        targets += x.ids
        if not imposers:
            pronoun = _pronoun_subject(tokens, grammar, c, chain)
            if pronoun is not None:
                earlier = [a for a in mentions.actors if a.end <= pronoun and a.kind not in ("origin", "ref", "adj")]
                if earlier:
                    imposers = [earlier[-1].id]
                else:
                    frame.pronoun_subject = True
        frame.imposers = _unique(imposers)
        frame.targets = [t for t in _unique(targets) if t not in frame.imposers]
        start, end = grammar.clauses[c]
        frame.target_noun = any(t.lower in _COMPANY_NOUNS or t.lemma in _COMPANY_NOUNS for t in tokens[cue.end : end])
        frame.rule = f"{lang}:{frame.trigger_kind}"
        frames.append(frame)
        nxt = c + 1
        if (
            nxt < len(cues_by_clause)
            and _dependent(tokens, grammar, nxt)
            and any("lift" in x.kinds for x in cues_by_clause[nxt])
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
                rule=frame.rule + ":lifted",
            )
            frames.append(lifted)
    return frames


_TARGET_NOUNS = frozenset(
    "unternehmen firmen firma personen einzelpersonen organisationen banken reedereien konzerne hersteller "
    "offiziere kommandeure generäle staatsbetriebe zulieferer rüstungskonzerne regierungsvertreter "
    "drohnenhersteller airline fluggesellschaft "
    "companies firms entities individuals banks businesses people officials manufacturers makers producers "
    "suppliers shipping generals officers commanders leaders airline airlines entities networks".split()
)


_COMPANY_NOUNS = frozenset(
    "company companies firm firms unternehmen firma firmen konzern konzerne bank banks entity entities".split()
)


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


_REEXPORT = frozenset({"weitergabe", "wiederausfuhr", "reexport", "re-export", "re-exports", "retransfer"})
_INDEFINITE = frozenset({"a", "an", "ein", "eine", "einen", "einer", "eines"})
_PERMIT_NOUNS = frozenset({"licence", "license", "permit", "approval", "authorisation", "authorization"})


def _general_goods(items: list[ItemMention], grammar: SentenceGrammar, c: int) -> bool:
    """Whether what a clause stops is goods in general ("Rüstungsexporte", "arms sales", "goods
    related to ballistic missiles"), the mark of an export measure against a country, rather than
    one counted or named consignment ("the delivery of 48 Eurofighters")."""
    return all(it.designation is None and it.quantity is None for it in items if grammar.clause[it.start] == c)


def _sanctioned_adjective(actor: ActorMention, tokens: list[Token]) -> bool:
    """ "gegen russische Einzelpersonen", "Three North Korean generals were designated" - but not
    "wegen dessen Unterstützung des russischen Angriffskriegs"."""
    if actor.prep in _TARGET:
        return True
    return any(t.lower in _TARGET_NOUNS or t.lemma in _TARGET_NOUNS for t in tokens[actor.end : actor.end + 3])


def _before_prep(tokens: list[Token], start: int) -> int:
    j = start - 1
    while j > 0 and tokens[j].lower not in ("in", "im", "aus"):
        j -= 1
    return max(j - 1, 0)


def _attributive_doubt(cue: CueMention) -> bool:
    """ "die potenzielle Lieferung": doubt about the goods, not about the measure."""
    return "consider" in cue.kinds and cue.lemma.startswith(("potenziell", "potentiell", "potential", "möglich"))


def first_subordinate(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[0].lower in SUBORDINATORS
