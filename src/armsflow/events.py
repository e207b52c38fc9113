"""From frames to events: status, attribution, coreference, dedup.

This stage carries the discourse across sentences: who spoke last (reported
speech in Konjunktiv I continues an attribution), which state "das Land" or
"the country" stands for, which item "die Systeme" or "the missiles" refer
to, and which transfer an elliptical follow-up sentence continues ("Die
ersten fünf Flugzeuge seien bereits übergeben worden").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from armsflow.frames import GIVE, Frame
from armsflow.mentions import COUNTRY, GROUP, ItemMention, Mentions
from armsflow.model import Event
from armsflow.text.segment import Sentence, Token

_POSSESSIVES = frozenset("its their seine ihre sein ihr dessen deren".split())
_VAGUE_PARTNERS = frozenset(
    "partners allies partner verbündete verbündeten westen west countries länder staaten others andere anderen "
    "donors geber abroad overseas ausland drittstaaten drittländer drittstaat governments customers buyers kunden "
    "abnehmer käufer nations country side sides seiten neighbours neighbors nachbarn nachbarländer "
    "nachbarstaaten".split()
)
_MISSILES = ("ballistic-missile", "cruise-missile", "other-missile", "anti-tank-weapon", "air-defence-system")
_PRONOUNS = frozenset("er sie he she they it es wir we".split())
_NP_STOP_DE = frozenset(
    "am an im in auf bei vor nach mit von dass ob und oder aber, die der das den dem des ein eine".split()
)
_NP_STOP = frozenset(
    "on in at to that said says told and or but , . ; : whether if as from with for by of the a an also "
    "am an im in auf bei vor nach mit dass ob und oder aber sagte sagten sagt erklärte on monday tuesday "
    "wie als weil da wenn wonach zufolge laut who which as when while after before had has have been being was "
    "were is are will would may might could also not it they he she we "
    "wurde wurden wird werden hat haben hatte hatten ist sind war waren sei seien habe soll sollen kann können "
    "hätten hätte würde würden".split()
)
_SPEAKER_NOUNS = frozenset(
    "officials official analysts diplomats sources experts spokesman spokeswoman spokesperson minister ministry "
    "government agency lawmakers people chairperson chairman chairwoman envoy ambassador committee council "
    "prosecutors commander".split()
)
_NEW_PHRASE = frozenset("ein eine einen einem einer die das den dem the a an".split())
_LEADING = frozenset("der die das den dem des ein eine einer eines the a an aus von vom from".split())
_WEEKDAYS = frozenset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)


_THAT = frozenset("das dies this that it these them".split())


_COUNTRY_WORDS = ("country", "land", "staat", "nation", "königreich", "kingdom", "republic", "republik")


@dataclass(slots=True)
class Discourse:
    """What earlier sentences established."""

    actors: list[tuple[int, str]] = field(default_factory=list)  # (sentence, id) in order
    weights: list[float] = field(default_factory=list)  # how much each mention makes its actor salient
    home_weights: list[float] = field(default_factory=list)  # … as the story's own state (the exporter)
    source: tuple[int, str] | None = None
    person_source: str | None = None
    last_transfer: tuple[int, list[str], list[str], list[ItemMention]] | None = None
    # sentence, suppliers, recipients and statuses of the latest transfer or announced package
    last_package: tuple[int, list[str], list[str], list[str]] | None = None
    items: list[ItemMention] = field(default_factory=list)
    imposers: dict[str, int] = field(default_factory=dict)  # how often each actor imposed a measure
    last_targets: tuple[int, list[str]] | None = None  # sentence and targets of the latest measure
    subjects: dict[int, str] = field(default_factory=dict)  # sentence -> the state opening it as its subject
    imposer_order: list[str] = field(default_factory=list)


def is_subjunctive(tokens: list[Token], lang: str) -> bool:
    """Konjunktiv I marks reported speech in German ("habe", "sei", "liefere")."""
    if lang != "de":
        return False
    for tok in tokens:
        w = tok.lower
        if w in (
            "habe",
            "sei",
            "seien",
            "werde",
            "könne",
            "müsse",
            "solle",
            "wolle",
            "dürfe",
            "gebe",
            "erhalte",
            "habest",
            "bereite",
            "beabsichtige",
            "verfüge",
            "liefere",
            "erwäge",
            "plane",
            "stelle",
            "wolle",
        ):
            return True
        lemma = tok.lemma
        if tok.text.islower() and lemma.endswith("en") and len(lemma) > 5 and w == lemma[:-2] + "e" and tok.i > 0:
            return True
    return False


def find_sources(sentence: Sentence, mentions: Mentions, lang: str) -> tuple[str | None, set[int]]:
    """The speaker this sentence attributes its claim to, and the speaker's tokens."""
    tokens = sentence.tokens
    goods = {i for it in mentions.items for i in range(it.start, it.end)}
    source, span = _find_source(tokens, mentions, lang)
    if span:
        # A speaker phrase ends where the goods begin ("laut Weißem Haus ballistische Raketen").
        cut = [i for i in sorted(span) if i in goods]
        if cut:
            span = {i for i in span if i < cut[0]}
            source = " ".join(tokens[i].text for i in sorted(span)) or None
            if source:
                while span and tokens[max(span)].text.islower() and tokens[max(span)].lower.endswith(("e", "en")):
                    span.discard(max(span))  # a dangling adjective of the goods
                source = " ".join(tokens[i].text for i in sorted(span)) or None
    return source, span


_SOURCE_HEADS = ("-angaben", "-informationen", "-darstellung", "-kreisen", "-quellen", "-berichten")


def _find_source(tokens: list[Token], mentions: Mentions, lang: str) -> tuple[str | None, set[int]]:
    if lang == "de":
        for i, tok in enumerate(tokens[1:], start=1):
            if tok.lower.endswith(_SOURCE_HEADS) and tokens[i - 1].lower in ("nach", "laut", "aus"):
                return tok.text, {i}  # "nach US-Angaben": the state named in the compound speaks
    for cue in mentions.cues:
        if "according" in cue.kinds:
            span = _np_forward(tokens, cue.end)
            if span:
                return _span_text(tokens, span), set(range(*span))
            if "zufolge" in cue.lemma:
                span = _np_backward(tokens, cue.start)
                if span:
                    return _span_text(tokens, span), set(range(*span))
    for cue in mentions.cues:
        if "say" not in cue.kinds:
            continue
        if (
            _accused_of(tokens, cue)
            or any(t.lower == "bereit" for t in tokens[max(0, cue.start - 2) : cue.start])
            or cue.lemma == "add"
            and any(t.lower == "to" for t in tokens[cue.end : cue.end + 6])
        ):
            # "companies accused of supplying …", "sich bereit erklärt", "added X to its list": nobody is quoted
            continue
        if lang == "en" or "accuse" in cue.kinds:
            # "Eriwan wirft Moskau vor, …": the accuser speaks, the accused follows the verb
            span = _np_backward(tokens, cue.start) or _np_forward(tokens, cue.end)
        else:
            span = _np_forward(tokens, cue.end) or _np_backward(tokens, cue.start)
        if span is None and lang == "de" and cue.start > 0 and tokens[cue.start - 1].text == ",":
            span = _np_forward(tokens, 0)
        if (
            span
            and "accuse" in cue.kinds
            and lang == "de"
            and not any(span[0] <= a.start < span[1] for a in mentions.actors)
        ):
            continue  # "…, dem Washington Angriffe auf Zivilisten vorwirft": no accuser found here
        if span and not any(t.text[:1].isupper() or t.lower in _SPEAKER_NOUNS for t in tokens[span[0] : span[1]]):
            continue
        if span:
            return _span_text(tokens, span), set(range(*span))
    return None, set()


def _accused_of(tokens: list[Token], cue) -> bool:
    """A passive participle of accusing or suspecting ("accused of supplying", "suspected of")."""
    word = tokens[cue.start].lower
    nxt = tokens[cue.end].lower if cue.end < len(tokens) else ""
    prev = tokens[cue.start - 1].lower if cue.start > 0 else ""
    return word.endswith("ed") and nxt in ("of", "over") and prev not in ("has", "have", "had")


def _np_forward(tokens: list[Token], pos: int) -> tuple[int, int] | None:
    i = pos
    while i < len(tokens) and tokens[i].lower in _LEADING:
        i += 1
    start = i
    while i < len(tokens) and i - start < 7:
        tok = tokens[i]
        if tok.lower in _WEEKDAYS or tok.lower in _NP_STOP and tok.lower not in ("des", "der", "of"):
            break
        if i > start and tok.lower in _NEW_PHRASE:
            break  # "nach Angaben aus Kiew | eine weitere Lieferung": a new noun phrase begins
        if not (
            tok.text[:1].isupper()
            or tok.text[:1].isalpha()
            and tok.lower in ("des", "der", "of")
            or _np_lower_ok(tok, tokens, i)
        ):
            break
        i += 1
    while i > start and tokens[i - 1].lower in ("des", "der", "of"):
        i -= 1
    if not any(t.text[:1].isupper() for t in tokens[start:i]):
        return None
    # German speaker phrases hold nouns and inflected adjectives, not adverbs ("bereits").
    cut = start
    while cut < i and (
        tokens[cut].text[:1].isupper()
        or tokens[cut].lower in ("des", "der", "of")
        or tokens[cut].lower.endswith(("e", "en", "er", "es", "em"))
        or not tokens[cut].text.isalpha()
    ):
        cut += 1
    i = cut
    return (start, i) if i > start else None


def _np_lower_ok(tok: Token, tokens: list[Token], i: int) -> bool:
    """Lowercase words inside a speaker phrase: adjectives before a noun ("ukrainischen Militärgeheimdienstes")."""
    if not tok.text.isalpha() or tok.lower in _NP_STOP:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and (
        nxt.text[:1].isupper()
        or nxt.text.isalpha()
        and nxt.lower not in _NP_STOP
        and nxt.lower not in ("said", "says", "told", "sagte", "sagten")
    )


def _np_backward(tokens: list[Token], pos: int) -> tuple[int, int] | None:
    end = pos
    i = pos - 1
    while i >= 0 and pos - i <= 7:
        tok = tokens[i]
        if tok.lower in _NP_STOP or not tok.text[:1].isalnum():
            break
        if tok.lower in _WEEKDAYS:
            break
        if not (tok.text[:1].isupper() or tok.text.isalpha()):
            break
        if tok.text.islower() and tok.lower.endswith(("ing", "ed")):
            break
        i -= 1
    start = i + 1
    while start < end and tokens[start].lower in _LEADING:
        start += 1
    if start >= end:
        return None
    # A lowercase verb is no speaker: "… and said" has no subject here.
    if (
        all(t.text.islower() for t in tokens[start:end])
        and end - start == 1
        and tokens[start].lower not in ("officials", "analysts", "diplomats", "sources", "experts")
    ):
        return None
    return start, end


def _span_text(tokens: list[Token], span: tuple[int, int]) -> str:
    start, end = span
    return " ".join(t.text for t in tokens[start:end])


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


def _stated(sentence: Sentence, **fields) -> Event:
    """An event whose evidence is the sentence that states it."""
    return Event(evidence=sentence.text, start=sentence.start, end=sentence.end, **fields)


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
            elif frame.recipients and not frame.suppliers and frame.recipients == other.recipients and other.suppliers:
                frame.suppliers = list(other.suppliers)
    complete = [f for f in frames if f.suppliers and f.recipients and f.question]
    if len(complete) == 1:
        # "… whether South African weapons had reached Russia, the chairperson said no weapons had
        # been exported": the answer is about the pair the question named
        for frame in frames:
            if not frame.suppliers and not frame.recipients and frame.modifiers & {"negation", "deny"}:
                frame.suppliers, frame.recipients = list(complete[0].suppliers), list(complete[0].recipients)


def _home_weight(actor) -> float:
    """The state a report is about acts (subject) or owns ("österreichische Waffen"); destinations
    ("nach Deutschland", "to Israel") are where its exports go."""
    if actor.prep in ("nach", "an", "in", "im", "to", "into", "für", "for"):
        return 0.3
    if actor.prep is None:
        return 1.5
    return 1.0


def _mention_weight(actor) -> float:
    """Where a story happens ("in Mali") says more about "das Land" than an origin ("aus Dänemark")."""
    if actor.prep in ("in", "im", "nach"):
        return 2.0
    if actor.prep in ("aus", "von", "vom", "from", "bei", "beim") or actor.kind in (
        "adj",
        "origin",
        "adj-gen",
        "demonym",
    ):
        return 0.5
    return 1.0


class Assembler:
    """Turns the frames of a document's sentences into deduplicated events."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.state = Discourse()
        self.events: dict[tuple[str, ...], Event] = {}
        self._sentence_items: list[ItemMention] = []
        self._sentence_actors: list = []
        self._speaker_tokens: set[int] = set()
        self._sentence_suppliers: set[str] = set()
        self._sentence_says = False

    def add_title(self, mentions: Mentions) -> None:
        """Actors in the headline make a state salient for "das Land" later on."""
        for actor in mentions.actors:
            if actor.id not in (COUNTRY, GROUP):
                self.state.actors.append((-1, actor.id))
                self.state.weights.append(_mention_weight(actor))
                self.state.home_weights.append(_home_weight(actor))

    def add_sentence(
        self,
        index: int,
        sentence: Sentence,
        mentions: Mentions,
        frames: list[Frame],
        source: str | None,
        speaker_tokens: set[int] | None = None,
    ) -> None:
        speaker_tokens = speaker_tokens or set()
        tokens = sentence.tokens
        state = self.state
        source = self._resolve_source(index, sentence, source)
        self._sentence_items = mentions.items
        self._sentence_actors = mentions.actors
        self._sentence_says = any(c.kinds & {"say", "according"} for c in mentions.cues)
        self._speaker_tokens = speaker_tokens
        _share_roles([f for f in frames if f.kind == "transfer"])
        self._sentence_suppliers = {a for f in frames if f.kind == "transfer" for a in f.suppliers}
        for frame in frames:
            self._resolve_refs(frame, index)
            if frame.kind == "transfer":
                self._transfer(index, sentence, frame, source)
            else:
                self._sanction(index, sentence, frame, source)
        if not frames:
            self._denial_of_previous(index, sentence, mentions)
            self._contents_of_previous(index, sentence, mentions, source)
            self._delivery_of_previous(index, sentence, mentions, source)
        subject = next(
            (
                a
                for a in mentions.actors
                if a.prep is None and not a.genitive and a.kind not in ("adj", "origin", "adj-gen", "demonym")
            ),
            None,
        )
        if subject is not None and len(subject.id) == 3 and subject.id.isupper() and subject.start <= 3:
            state.subjects[index] = subject.id  # a state opening the sentence is what it is about
        for actor in mentions.actors:
            if actor.id not in (COUNTRY, GROUP):
                state.actors.append((index, actor.id))
                state.weights.append(_mention_weight(actor))
                state.home_weights.append(_home_weight(actor))
        named = [it for it in mentions.items if it.category]
        if named:
            state.items.extend(named)
        del tokens

    def _others_named(self, pair: set[str]) -> bool:
        """ "Belgien hat die Lieferung seiner Jets verschoben": another state acting here is not the
        pair just talked about."""
        return any(
            a.id not in pair
            and a.id not in (COUNTRY, GROUP)
            and a.kind not in ("adj", "origin", "demonym")
            and a.prep is None
            for a in self._sentence_actors
        )

    def _denial_of_previous(self, index: int, sentence: Sentence, mentions: Mentions) -> None:
        """ "Der Iran hat Russland Drohnen geliefert. Teheran bestreitet das.": a party to the transfer
        just reported denies it; the denial is stated by this sentence."""
        last = self.state.last_transfer
        if last is None or last[0] != index - 1:
            return
        if not any("deny" in c.kinds for c in mentions.cues) or any("negation" in c.kinds for c in mentions.cues):
            return
        points_back = any("report" in c.kinds for c in mentions.cues) or any(
            t.lower in _THAT for t in sentence.tokens
        )  # "bestreitet das", "denied the reports"
        if not points_back:
            return
        _, suppliers, recipients, items = last
        deniers = [a for a in mentions.actors if a.prep is None and a.id in suppliers + recipients]
        if not deniers:
            return
        subject = deniers[0].text
        self._add_between(
            sentence, suppliers, recipients, items, ["denied"], "denial-of-previous", subject, with_quantity=False
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
        if any(a.prep is None and not a.genitive and a.start < end for a in mentions.actors):
            return  # "Russia's arsenal includes Su-35s": a subject of its own
        _, suppliers, recipients, statuses = last
        if any("consider" in c.kinds for c in mentions.cues):
            statuses = ["considered"]  # "The package could also include …"
        if any(a.id not in suppliers + recipients for a in mentions.actors if a.kind not in ("adj", "origin")):
            return  # other parties named: not simply the contents of the last transfer
        self._add_between(sentence, suppliers, recipients, mentions.items, statuses, "contents-of-previous", source)

    def _delivery_of_previous(self, index: int, sentence: Sentence, mentions: Mentions, source: str | None) -> None:
        """ "Poland signed a deal to buy 96 Apaches. Deliveries are due to begin in 2028.": a sentence about the
        delivery of the goods just named, with no goods or parties of its own, schedules or reports it."""
        last = self.state.last_transfer
        if last is None or last[0] != index - 1:
            return
        opener = next((c for c in mentions.cues if "give_noun" in c.kinds and c.start <= 2), None)
        if opener is None or any(it.category for it in mentions.items):
            return
        _, suppliers, recipients, items = last
        if any(a.id not in suppliers + recipients for a in mentions.actors if a.kind not in ("adj", "origin")):
            return
        kinds = {k for c in mentions.cues for k in c.kinds}
        if kinds & {"negation", "consider", "deny", "refuse"}:
            return
        if kinds & {"future", "delay", "intend"}:
            status = "planned"  # "Deliveries are due to begin in 2028", "Die Auslieferung soll 2028 beginnen"
        elif kinds & {"past", "complete"}:
            status = "delivered"  # "Deliveries began in March"
        else:
            return
        self._add_between(
            sentence, suppliers, recipients, items, [status], "delivery-of-previous", source, with_quantity=False
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
        with_quantity: bool = True,
    ) -> None:
        """Transfers this sentence states about parties and goods already known (an earlier sentence's)."""
        for supplier in suppliers:
            for recipient in recipients:
                for item in items:
                    for status in statuses:
                        if supplier != recipient and item.category:
                            self._add(
                                _stated(
                                    sentence,
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
            return state.source[1]
        return None

    # ------------------------------------------------------------------ coreference
    def _resolve_refs(self, frame: Frame, index: int) -> None:
        """Replace "das Land"/"the country" by the state the discourse is about."""
        roles = (frame.suppliers, frame.recipients, frame.imposers, frame.targets)
        for ref, states in ((COUNTRY, True), (GROUP, False)):
            if not any(ref in r for r in roles):
                continue
            used = {a for r in roles for a in r if a not in (COUNTRY, GROUP)}
            here = [
                a.id
                for a in self._sentence_actors
                if a.id not in used
                and a.id not in (COUNTRY, GROUP)
                and (len(a.id) == 3 and a.id.isupper()) == states
                and a.id not in ("EU", "NATO", "UN")
            ]
            for role in roles:
                if ref in role:
                    # Two references in one frame ("die Söldnertruppe … den Milizionären") are two actors.
                    earlier = [
                        a.id
                        for a in self._sentence_actors
                        if a.id not in used
                        and len(a.id) == 3
                        and a.id.isupper()
                        and a.start < frame.trigger.start
                        and a.kind not in ("adj", "origin")
                        and a.prep is None
                        and not a.genitive
                    ]
                    if here and not states:
                        actor = here.pop(0)
                    elif role is frame.imposers and states and self.state.imposers:
                        # "The government also targeted …": the government that has been imposing measures
                        actor = self._main_imposer(exclude=used)
                    elif states and earlier and not frame.ref_initial:
                        # "Caracas took delivery … after Washington barred sales to the country": a state
                        # just named in the same sentence
                        actor = earlier[-1] if earlier[-1] not in used else earlier[0]
                    elif (
                        states
                        and role is frame.targets
                        and self.state.last_targets
                        and self.state.last_targets[0] == index - 1
                        and self.state.last_targets[1][0] not in used
                    ):
                        # "Sanktionen gegen Belarus verschärfen. … Ausfuhren in das Land verboten": a measure
                        # right after another continues against its target
                        actor = self.state.last_targets[1][0]
                    elif frame.ref_initial and states:
                        # "Das Land hat …" opening a sentence continues the state just talked about
                        # "the country" continues the state the last sentence was about; "the administration",
                        # "the government" may be any government just named
                        country = any(
                            a.id == COUNTRY and a.text.lower().endswith(_COUNTRY_WORDS) for a in self._sentence_actors
                        )
                        actor = self.recent_state(index, exclude=used, by_subject=country) or self.salient(
                            index, exclude=used
                        )
                    else:
                        # "genehmigte die Regierung": a government that acts is the story's own state
                        acting = role is frame.suppliers or role is frame.imposers
                        actor = self.salient(index, exclude=used, states=states, home=acting and states)
                    pos = role.index(ref)
                    if actor:
                        role[pos] = actor
                        used.add(actor)
                        if frame.ref_initial and states:
                            self.state.subjects[index] = actor  # "The kingdom has ordered …" opens about it
                    else:
                        del role[pos]

    def _main_imposer(self, exclude: set[str]) -> str | None:
        counts = {a: n for a, n in self.state.imposers.items() if a not in exclude}
        if not counts:
            return None
        order = self.state.imposer_order
        return max(counts, key=lambda a: (counts[a], -order.index(a)))  # ties: the lead's imposer

    def recent_state(self, index: int, exclude: set[str], by_subject: bool = False) -> str | None:
        """The last state named in the previous sentence; with ``by_subject``, the state that sentence
        opened with as its subject ("Armenia is diversifying away from Russia. The country signed …")."""
        subject = self.state.subjects.get(index - 1) if by_subject else None
        if subject is not None and subject not in exclude:
            return subject
        for sent, actor in reversed(self.state.actors):
            if sent < index - 1:
                return None
            if sent == index - 1 and actor not in exclude and len(actor) == 3 and actor.isupper():
                return actor
        return None

    def salient(self, index: int, exclude: set[str], states: bool = True, home: bool = False) -> str | None:
        """The state (or group) most talked about so far, recent mentions weighing more.

        ``home`` asks for the story's own state (the exporter of an agentless export)
        rather than the place the story is about.
        """
        scores: dict[str, float] = {}
        weights = self.state.home_weights if home else self.state.weights
        for (sent, actor), base in zip(self.state.actors, weights, strict=True):
            is_state = len(actor) == 3 and actor.isupper()
            if actor in exclude or is_state != states or actor in ("EU", "NATO", "UN"):
                continue
            weight = (3.0 if sent < 0 else 2.0 if sent == 0 else 1.0) * base
            weight += 0.5 if sent >= index - 1 else 0.0
            scores[actor] = scores.get(actor, 0.0) + weight
        if not scores:
            return None
        return max(scores, key=lambda a: scores[a])

    def _last_actor(self, exclude: list[str]) -> str | None:
        for _, actor in reversed(self.state.actors):
            if actor not in exclude:
                return actor
        return None

    # ------------------------------------------------------------------ transfers
    def _transfer(self, index: int, sentence: Sentence, frame: Frame, source: str | None) -> None:
        state = self.state
        suppliers = list(frame.suppliers)
        recipients = list(frame.recipients)
        kind = frame.trigger_kind
        items = [it for it in map(self._resolve_item, frame.items) if it is not None and it.category]
        if not items:
            if any(it.carrier for it in frame.items) and suppliers and recipients and not frame.question:
                # "The US announced a new aid package for Ukraine.": its contents may follow
                state.last_package = (index, suppliers, recipients, [st for st, _ in self._statuses(frame)])
            return
        if frame.pronoun_subject:
            role = suppliers if kind in GIVE and not frame.passive else recipients
            if not role:
                other = recipients if role is suppliers else suppliers
                # "The kingdom has ordered … It is also negotiating …": the subject of the sentence before
                subject = state.subjects.get(index - 1)
                actor = subject if subject is not None and subject not in other else self._last_actor(other)
                if actor:
                    role.append(actor)
        last = state.last_transfer
        vague = _VAGUE_PARTNERS & {t.lower for t in sentence.tokens}
        if last and last[0] >= index - 3 and (not suppliers or not recipients) and not vague:
            _, l_sup, l_rec, l_items = last
            cats = {it.category for it in l_items}
            if suppliers and not recipients and set(suppliers) <= set(l_sup):
                recipients = list(l_rec)
            elif (
                recipients
                and not suppliers
                and set(recipients) <= set(l_rec)
                and (kind != "request" or self._definite(sentence, frame))
            ):  # "Taipeh hatte die Systeme angefragt": the systems of the transfer just named
                suppliers = list(l_sup)
            elif (
                not suppliers
                and not recipients
                and (
                    {it.category for it in items} & cats
                    or {it.producer for it in items} & set(l_sup)
                    or (  # "Zudem sollen die zugesagten Jets übergeben werden", naming no one else
                        last[0] == index - 1 and all(a.id in (COUNTRY, GROUP) for a in self._sentence_actors)
                    )
                )
                and self._definite(sentence, frame)
                and not self._others_named(set(l_sup) | set(l_rec))
            ):
                suppliers, recipients = list(l_sup), list(l_rec)
        if recipients and not suppliers and (kind in GIVE or kind in ("arrive", "go")) and not vague:
            # An agentless export ("Genehmigt wurde die Ausfuhr von Pistolen an …") is the story's state's.
            actor = self.salient(index, exclude=set(recipients), home=True)
            producers = {it.producer for it in items if it.producer}
            if actor:
                suppliers = [actor]
            elif len(producers) == 1 and not producers & set(recipients):
                # nothing else named: the maker's state of a named system exports it ("the sale of Rafale jets")
                suppliers = list(producers)
        # Other states named here could be the recipient, so only fill from the discourse when the
        # sentence names none (suppliers of its frames, speakers and origin adjectives do not count).
        named_here = {
            a.id
            for a in self._sentence_actors
            if a.id not in (COUNTRY, GROUP)
            and a.start not in self._speaker_tokens
            and a.kind not in ("adj", "origin", "demonym")
        } - self._sentence_suppliers
        if not recipients and suppliers and sentence.tokens and sentence.tokens[0].lower in _POSSESSIVES:
            actor = self.recent_state(index, exclude=set(suppliers))  # "Its air force still flies …"
            if actor:
                recipients = [actor]
        if (suppliers or kind == "arrive") and not recipients and not vague and kind != "request":
            # "Drei Staffeln hat Moskau bereits geliefert": to the state the story is about - unless
            # the sentence names another state that could be meant instead.
            actor = self.salient(index, exclude=set(suppliers))
            if actor and (named_here <= set(suppliers) or actor in named_here):
                recipients = [actor]
        if recipients and not suppliers and kind in ("get", "buy", "order", "arrive") and not vague:
            # "…, which took delivery of its first batteries": goods named earlier come from their maker
            producers = {it.producer for it in items if it.producer} - set(recipients)
            if len(producers) == 1:
                suppliers = list(producers)
        if frame.question or (frame.no_fill and (not frame.suppliers or not frame.recipients)):
            return  # an open question ("whether … had reached Russia") asserts nothing
        if not suppliers or not recipients:
            return
        frame.attributed = source is not None or self._sentence_says
        statuses = self._statuses(frame)
        pairs = _distributive(frame, items, recipients)
        made = False
        for supplier in suppliers:
            for recipient in recipients:
                if supplier == recipient:
                    continue
                for item in items:
                    if pairs and pairs.get(id(item), recipient) != recipient:
                        continue
                    if frame.item_suppliers and frame.item_suppliers.get(id(item), supplier) != supplier:
                        continue
                    for status, src in statuses:
                        self._add(
                            _stated(
                                sentence,
                                type="transfer",
                                status=status,
                                rule=frame.rule,
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
        if made:
            state.last_transfer = (index, suppliers, recipients, items)
            state.last_package = (index, suppliers, recipients, [st for st, _ in statuses])
        if {"negation", "approve"} <= frame.modifiers | {frame.trigger_kind} and any(
            it.category == "military-equipment" for it in items
        ):
            # "genehmigt keine Rüstungsexporte mehr nach X": a general export stop is a sanction.
            for supplier in suppliers:
                for recipient in recipients:
                    if supplier != recipient:
                        self._add(
                            _stated(
                                sentence,
                                type="sanction",
                                status="imposed",
                                rule=frame.rule + ":export-stop",
                                imposer=supplier,
                                target=recipient,
                                source=source,
                            )
                        )

    @staticmethod
    def _definite(sentence: Sentence, frame: Frame) -> bool:
        """A continuation names its goods as known: "Die Maschinen sollen 2029 ausgeliefert werden"."""
        for item in frame.items:
            if item.carrier:
                return True
            before = sentence.tokens[max(0, item.start - 3) : item.start]
            if any(
                t.lower
                in (
                    "die",
                    "der",
                    "das",
                    "den",
                    "dem",
                    "the",
                    "these",
                    "those",
                    "diese",
                    "dieser",
                    "ersten",
                    "first",
                    "weitere",
                    "further",
                    "more",
                )
                for t in before
            ):
                return True
        return False

    def _resolve_item(self, item: ItemMention) -> ItemMention | None:
        if item.category:
            return item
        here = [it for it in self._sentence_items if it.category and it.start < item.start]
        for prev in reversed(self.state.items + here):
            if item.carrier == "missile" and prev.category not in _MISSILES:
                continue
            if item.carrier == "carrier" and not prev.designation and prev.category not in _MISSILES:
                continue
            return ItemMention(
                item.start,
                item.end,
                prev.category,
                prev.designation,
                item.quantity,
                prev.origin,
                prev.producer,
                item.text,
            )
        if item.carrier == "missile":
            # "Raketen an die Huthis geliefert": missiles no earlier name makes specific are missiles all the same
            return ItemMention(item.start, item.end, "other-missile", None, item.quantity, item.origin, None, item.text)
        return None

    def _statuses(self, frame: Frame) -> list[tuple[str, str | None]]:
        """The strongest status the clause asserts, per the contract's precedence."""
        mods = frame.modifiers
        kind = frame.trigger_kind
        if "deny" in mods:
            out = [("denied", frame.subject_text)]
            if frame.reported_by_report and "negation" not in mods:
                # "wies einen Bericht zurück, wonach Russland … geliefert habe": the report's claim stands
                # as reported; "Man liefere weder … noch …" is only the denier's own words
                out.append((self._base(frame, mods - {"deny", "refuse", "negation"}), None))
            return out
        if "in_use" in mods and kind in ("order", "buy"):
            return [("delivered", None), ("agreed", None)]
        if (
            kind in ("give", "sell")
            and "deal" in mods
            and mods & {"future", "intend"}
            and not mods & {"consider", "negation", "request", "refuse"}
        ):
            # "India will supply BrahMos to Vietnam under a deal signed on Tuesday": concluded, and to come
            return [(self._base(frame, mods), None), ("agreed", None)]  # "boats ordered from Korea entered service"
        if (
            kind in ("buy", "order", "get")
            and "deal" in mods
            and "future" in mods
            and not mods & {"consider", "negation", "request", "refuse", "intend", "agreed_over"}
        ):
            # "Under the deal, Brazil will acquire 36 Gripens": the deal is concluded; receiving is still to come
            concluded: list[tuple[str, str | None]] = [("agreed", None)]
            return concluded + [("planned", None)] if kind == "get" else concluded
        if "order" in mods and kind in ("get", "give", "arrive") and not mods & {"negation", "consider"}:
            # "taken delivery of the tanks it ordered": the delivery and the order behind it; "still waiting for
            # the fighters it ordered": the order, and its delivery still to come; "refused to deliver the
            # corvette Pakistan had ordered": the order, refused
            first = "refused" if "refuse" in mods else self._base(frame, mods)
            return [(first, None), ("agreed", None)]
        if "rule_out" in mods and "negation" in mods:
            return [("considered", None)]  # "schließt Waffenlieferungen nicht mehr aus": possible now
        if "refuse" in mods and kind != "request":
            if frame.reported_by_report:
                return [("denied", frame.subject_text), (self._base(frame, mods - {"refuse"}), None)]
            return [("refused", None)]
        return [(self._base(frame, mods), None)]

    def _base(self, frame: Frame, mods: set[str]) -> str:
        kind = frame.trigger_kind
        if "negation" in mods and (kind == "approve" or "approve" in mods):
            return "refused"  # "genehmigt keine Ausfuhren mehr", "will not approve transfers"
        if "negation" in mods and kind in GIVE | {"arrive", "go", "get", "buy"}:
            # "will not send", "cannot deliver" refuse; "has not delivered", "does not sell" deny.
            # A claim rebutted by someone ("…, sagte eine Sprecherin") is denied; the story's own account
            # that a state sent nothing ("In die Ukraine wurde kein Kriegsmaterial exportiert") a refusal.
            if mods & {"future", "intend", "refuse", "consider"} or not frame.attributed:
                return "refused"
            return "denied"
        if "consider" in mods:
            return "considered"
        if "delay" in mods and kind in GIVE | {"arrive", "get", "go"}:
            return "planned"  # "Die Lieferung der F-35 an Polen verzögert sich": still to come
        if "agreed_over" in mods and not mods & {"request", "intend"}:
            return "agreed"  # a that-clause under "agreed" states what was agreed, future tense and all
        if kind == "request" or "request" in mods:
            return "requested"
        if "intend" in mods:
            return "requested" if kind in ("buy", "order", "get") else "planned"
        if kind == "promise":
            return "planned"  # "Ein Angebot Pekings über Jets": the offer itself
        if "complete" in mods and kind == "give_noun" and not mods & {"future", "intend", "promise"}:
            return "delivered"  # "hat die Lieferung der S-400 abgeschlossen": the delivery is done, not a deal
        if mods & {"deal", "approve"} and "future" not in mods and kind not in ("get", "arrive", "go"):
            return "agreed"  # "The agreement commits Saab to transferring know-how": a concluded deal
        if kind in ("buy", "order") and mods & {"promise", "intend"}:
            return "requested"  # "kündigte an, chinesische Drohnen zu beschaffen": the buyer's intention
        if kind == "promise" or "promise" in mods:
            return "planned"
        if "future" in mods:
            # "Denmark will buy …" is the buyer's intention; "soll erhalten" a planned delivery
            return "requested" if kind in ("buy", "order") else "planned"
        if "in_use" in mods and kind in ("buy", "order", "get"):
            return "delivered"  # bought and now flown: the handover happened
        if kind in ("buy", "order", "sell", "deal", "approve", "build_for"):
            return "agreed"
        if mods & {"deal", "approve"} or ("order" in mods and kind not in ("get", "give", "arrive", "go")):
            # "taken delivery of the tanks it ordered": the order is background, the delivery the news
            return "agreed"
        if frame.infinitive and kind in GIVE | {"arrive", "get"} and "past" not in mods:
            return "planned"  # an infinitive under a neutral verb ("expects them to arrive") is still to come
        return "delivered"

    # ------------------------------------------------------------------ sanctions
    def _sanction(self, index: int, sentence: Sentence, frame: Frame, source: str | None) -> None:
        imposers = list(frame.imposers)
        targets = list(frame.targets)
        if not imposers and frame.pronoun_subject:
            actor = self._last_actor(targets)
            if actor:
                imposers = [actor]
        if not imposers and self.state.imposers:
            # An agentless measure ("Three generals were designated") is the story's main imposer's.
            best = self._main_imposer(exclude=set())
            imposers = [best] if best and best not in targets else []
        if imposers and not targets and frame.target_noun and "sanction" in frame.trigger.kinds:
            # "considering sanctions on the state-owned oil and gas company": the story's country's firm
            actor = self.salient(index, exclude=set(imposers))
            if actor:
                targets = [actor]
        if not imposers or not targets:
            return
        mods = frame.modifiers
        if "negation" in mods and "lift" not in mods:
            # "haben sich nicht auf Sanktionen einigen können", "gedroht, aber nie verhängt"
            status = "planned" if "threaten" in mods else "considered"
        elif "lift" in mods:
            status = "lifted"
        elif "consider" in mods:
            status = "considered"
        elif mods & {"threaten", "intend", "future"}:
            status = "planned"
        else:
            status = "imposed"
        self.state.last_targets = (index, list(targets))
        for imposer in imposers:
            self.state.imposers[imposer] = self.state.imposers.get(imposer, 0) + 1
            if imposer not in self.state.imposer_order:
                self.state.imposer_order.append(imposer)
        for imposer in imposers:
            for target in targets:
                if imposer == target:
                    continue
                self._add(
                    _stated(
                        sentence,
                        type="sanction",
                        status=status,
                        rule=frame.rule,
                        imposer=imposer,
                        target=target,
                        source=source,
                    )
                )

    def _add(self, event: Event) -> None:
        key = event.key
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
