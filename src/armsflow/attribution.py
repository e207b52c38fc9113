"""Attribution: to whom a sentence attributes its claim.

A source is found in the sentence ("laut", "nach Angaben", "according to", a verb of saying
with its subject, a state in an attribution compound such as "nach US-Angaben") and continued
into the next sentences while they stay in reported speech (Konjunktiv I, quotation marks). The
rule that found the source goes on the trace of every event the sentence states.
"""

from __future__ import annotations

from typing import Final

from armsflow.lexicons import words
from armsflow.mentions import (
    ARTICLES,
    EVENT_CUES,
    PREPOSITIONS,
    ActorMention,
    CueMention,
    ItemMention,
    Mentions,
    governor,
)
from armsflow.text.clauses import zero_that_subjects
from armsflow.text.segment import TEXT, Sentence, Token, word_class

_SUBJUNCTIVE: Final = words("verb.subjunctive-form", "de")
_NP_STOP: Final = words("function.ends-speaker-phrase")
_SPEAKER_NOUNS: Final = words("noun.speaker", "en")
_SPEAKER_PLURALS: Final = words("noun.speaker-bare", "en")
_NEW_PHRASE: Final = words("article.opens-new-phrase")
_LEADING: Final = words("function.before-speaker")
_WEEKDAYS: Final = words("noun.weekday")
_GENITIVE_LINKS: Final = words("article.genitive-link")
_SAY_NEXT: Final = words("verb.say-past-short")
_SOURCE_PREPS: Final = words("prep.attribution-compound", "de")
_SOURCE_PREPS_BIT: Final = word_class(_SOURCE_PREPS)
_SOURCE_HEADS: Final = tuple("-" + w for w in sorted(words("noun.attribution-compound-head", "de")))
_BARE_SOURCE_HEADS: Final = words("noun.attribution-compound-head", "de")
_PERFECT_AUX_DE: Final = words("aux.perfect", "de")
_AUX_BEFORE_VERB: Final = words("aux.before-accused", "en")
_PASSIVE_BE: Final = words("aux.finite-passive", "en") | words("aux.passive-be", "en")
_ANNOUNCE_AFTER: Final = words("verb.announce-after-claim", "en")
_JOINED_SPEAKER: Final = (words("article.definite-short", "en") | words("link.coordination", "en") | _SPEAKER_NOUNS) - {
    ","
}
_EVENT_KINDS: Final = EVENT_CUES
_INSEPARABLE: Final = ("be", "er", "ver", "ent", "zer", "emp")  # participles without "ge": "erklärt", "betont"


def is_subjunctive(tokens: list[Token], lang: str) -> bool:
    """Konjunktiv I marks reported speech in German ("habe", "sei", "liefere")."""
    if lang != "de":
        return False
    for tok in tokens:
        w = tok.lower
        if w in _SUBJUNCTIVE:
            return True
        lemma = tok.lemma
        if tok.lowercase and lemma.endswith("en") and len(lemma) > 5 and w == lemma[:-2] + "e" and tok.i > 0:
            return True
    return False


def find_sources(sentence: Sentence, mentions: Mentions, lang: str) -> tuple[str | None, set[int], str]:
    """The speaker this sentence attributes its claim to, the speaker's tokens, and the rule that found it."""
    tokens = sentence.tokens
    goods = {i for it in mentions.items for i in range(it.start, it.end)}
    source, span, rule = _find_source(tokens, mentions, lang)
    if span:
        speaker = _person_heading_span(mentions, span)
        if speaker is not None:
            # "laut einem hochrangigen Geheimdienstoffizier", "according to a senior officer": a person noun
            # that heads the speaker phrase is who speaks, not personnel sent anywhere
            mentions.items.remove(speaker)
            goods = {i for it in mentions.items for i in range(it.start, it.end)}
            rule = "source.person-noun-speaks"
        # A speaker phrase ends where the goods begin ("laut Weißem Haus ballistische Raketen").
        cut = [i for i in sorted(span) if i in goods]
        if cut:
            span = {i for i in span if i < cut[0]}
            source = " ".join(tokens[i].text for i in sorted(span)) or None
            if source:
                while span and tokens[max(span)].lowercase and tokens[max(span)].lower.endswith(("e", "en")):
                    span.discard(max(span))  # a dangling adjective of the goods
                source = " ".join(tokens[i].text for i in sorted(span)) or None
    return source, span, rule


def _person_heading_span(mentions: Mentions, span: set[int]) -> ItemMention | None:
    """The personnel mention that ends the speaker phrase, when it is the phrase's only goods."""
    inside = [it for it in mentions.items if it.start in span]
    if len(inside) != 1 or inside[0].category != "personnel" or inside[0].end != max(span) + 1:
        return None
    return inside[0]


def _find_source(tokens: list[Token], mentions: Mentions, lang: str) -> tuple[str | None, set[int], str]:
    if lang == "de":
        for i in range(1, len(tokens)):
            tok = tokens[i]
            # (the set look-up first: it fails on almost every token, the suffix test costs more)
            if tokens[i - 1].classes & _SOURCE_PREPS_BIT and tok.lower.endswith(_SOURCE_HEADS):
                return tok.text, {i}, "source.de.attribution-compound"  # "nach US-Angaben": the state speaks
            if (
                i > 1
                and tok.lower in _BARE_SOURCE_HEADS
                and tokens[i - 2].lower in _SOURCE_PREPS
                and any(a.start == i - 1 and a.kind == "adj" for a in mentions.actors)
            ):
                # "nach französischen Angaben": the state of the adjective speaks, it is no party
                return f"{tokens[i - 1].text} {tok.text}", {i - 1, i}, "source.de.state-adjective-sources"
    for cue in mentions.cues:
        if "according" in cue.kinds:
            span = _np_forward(tokens, cue.end)
            if span:
                return _span_text(tokens, span), set(range(*span)), "source.according-to"
            if "zufolge" in cue.lemma:
                span = _np_backward(tokens, cue.start)
                if span:
                    return _span_text(tokens, span), set(range(*span)), "source.de.zufolge"
    for cue in mentions.cues:
        if "say" not in cue.kinds:
            continue
        found = _speaker_of(tokens, mentions, cue, lang)
        if found is not None:
            return _span_text(tokens, found), set(range(*found)), "source.speaker-of-saying"
    for cue in mentions.cues:
        if cue.lemma in _ANNOUNCE_AFTER:
            found = _announcer_after(tokens, mentions, cue)
            if found is not None:
                return _span_text(tokens, found), set(range(*found)), "source.en.announced-after-the-claim"
    return None, set(), ""


def speaker_before(tokens: list[Token], cue: CueMention, lang: str) -> str | None:
    """The noun phrase that speaks before the verb of ``cue`` (past its auxiliaries: "Asif has denied …"; in
    German, the clause's first noun phrase before a perfect: "Der Kreml hat einen Bericht zurückgewiesen")."""
    if lang == "de":
        span = _perfect_subject(tokens, cue)
        k = cue.start - 1
        while k >= 0 and tokens[k].text not in (",", ";", ":") and tokens[k].lower not in _PERFECT_AUX_DE:
            k -= 1
        if span is None and (k < 0 or tokens[k].lower not in _PERFECT_AUX_DE):
            span = _np_backward(tokens, cue.start)  # "Präsident Vučić bestritt, dass …": the subject before it
    else:
        before = cue.start
        while before > 0 and tokens[before - 1].lower in _AUX_BEFORE_VERB:
            before -= 1
        span = _np_backward(tokens, before)
    if span is None or not _names_a_speaker(tokens, span):
        return None
    return _span_text(tokens, span)


def _announcer_after(tokens: list[Token], mentions: Mentions, cue: CueMention) -> tuple[int, int] | None:
    """ "…, the Kuwaiti army announced on Tuesday": after the claim, a comma, a noun phrase and a verb of
    announcing with nothing after it but the time; the noun phrase speaks."""
    span = _np_backward(tokens, cue.start)
    if span is None:
        return None
    k = span[0] - 1
    while k > 0 and span[0] - k <= 6 and (tokens[k].lower in _JOINED_SPEAKER or tokens[k].capitalised):
        k -= 1  # "the company and the Kuwaiti army": speakers joined before the last one
    if k <= 0 or tokens[k].text != ",":
        return None
    span = (k + 1, span[1])
    if not _names_a_speaker(tokens, span):
        return None
    after = range(cue.end, len(tokens))
    if any(it.start in after for it in mentions.items) or any(a.start in after for a in mentions.actors):
        return None
    if any(x.start in after and x.kinds & _EVENT_KINDS for x in mentions.cues):
        return None
    return span


def _speaker_of(tokens: list[Token], mentions: Mentions, cue: CueMention, lang: str) -> tuple[int, int] | None:
    """The noun phrase that says something, around a verb of saying."""
    if (
        _accused_of(tokens, cue)
        or any(t.lower == "bereit" for t in tokens[max(0, cue.start - 2) : cue.start])
        or cue.lemma == "add"
        and any(t.lower == "to" for t in tokens[cue.end : cue.end + 6])
    ):
        # "companies accused of supplying …", "sich bereit erklärt", "added X to its list": nobody is quoted
        return None
    if (
        lang == "en"
        and tokens[cue.start].lower.endswith("ed")
        and cue.end < len(tokens)
        and tokens[cue.end].alphabetic
        and tokens[cue.end].lowercase
        and cue.start > 0
        and tokens[cue.start - 1].text.endswith(("'s", "’s", "'", "’"))
    ):
        return None  # "Israel's reported decision": a participle on a noun quotes nobody
    if (
        lang == "en"
        and cue.start > 0
        and tokens[cue.start - 1].lower in _PASSIVE_BE
        and not tokens[cue.start].lower.endswith("ing")
    ):
        # "Qatar's order … was confirmed on Tuesday": the subject of a passive of saying is what is said; who
        # said it follows "by", if anyone
        if cue.end < len(tokens) and tokens[cue.end].lower == "by":
            return _np_forward(tokens, cue.end + 1)
        return None
    perfect = _perfect_subject(tokens, cue) if lang == "de" else None
    if perfect is not None and "accuse" in cue.kinds and not _acts_before(mentions, perfect[1], cue.start):
        # "Blinken hat Iran vorgeworfen, …": in the perfect the accuser opens the clause; the accused stands
        # right before the participle
        span: tuple[int, int] | None = perfect
    elif lang == "en" or "accuse" in cue.kinds:
        # "Eriwan wirft Moskau vor, …": the accuser speaks, the accused follows the verb; "Kyiv has accused
        # Minsk of …": the subject before the auxiliary
        before = cue.start
        while before > 0 and tokens[before - 1].lower in _AUX_BEFORE_VERB:
            before -= 1
        span = _np_backward(tokens, before)
        if span is None and not _opens_complement(tokens, mentions, cue):
            span = _np_forward(tokens, cue.end)
    else:
        span = perfect or _np_forward(tokens, cue.end) or _np_backward(tokens, cue.start)
    if span is None and lang == "de" and cue.start > 0 and tokens[cue.start - 1].text == ",":
        span = _np_forward(tokens, 0)
    if (
        span
        and "accuse" in cue.kinds
        and lang == "de"
        and not any(span[0] <= a.start < span[1] for a in mentions.actors)
    ):
        return None  # "…, dem Washington Angriffe auf Zivilisten vorwirft": no accuser found here
    if span and not _names_a_speaker(tokens, span):
        return None
    return span


_ACTING_KINDS: Final = frozenset({"impose", "sanction", "give", "buy", "order", "deal", "sell", "get"})


def _acts_before(mentions: Mentions, start: int, end: int) -> bool:
    """A cue of acting between a perfect's subject and its participle of accusing ("Die USA haben Sanktionen
    verhängt und der Miliz Völkermord vorgeworfen"): the subject acts there too; it is no mere speaker."""
    return any(start <= x.start < end and x.kinds & _ACTING_KINDS for x in mentions.cues)


def _opens_complement(tokens: list[Token], mentions: Mentions, cue: CueMention) -> bool:
    """ "He said Tehran is seeking …": a name after the verb of saying with its own finite verb is the subject of
    the complement clause, not the speaker (grammar.en.zero-that-complement)."""
    if cue.end >= len(tokens) or cue.end - 1 != cue.start:
        return False
    actor_tokens = frozenset(i for a in mentions.actors for i in range(a.start, a.end))
    return cue.end in zero_that_subjects(tokens, actor_tokens, frozenset())


def _perfect_subject(tokens: list[Token], cue: CueMention) -> tuple[int, int] | None:
    """ "Die USA haben der Schweiz mitgeteilt, dass …": a participle of saying after a finite "haben" has the
    clause's first noun phrase as its subject; the one just before it is the addressee."""
    start = 0
    aux = None
    for k in range(cue.start - 1, -1, -1):
        if tokens[k].text in (",", ";", ":"):
            start = k + 1
            break
        if tokens[k].lower in _PERFECT_AUX_DE:
            aux = k
    word = tokens[cue.start].lower
    participle = word.endswith(("t", "en")) and ("ge" in word[:6] or word.startswith(_INSEPARABLE))
    if aux is None or aux == start or not participle:
        return None
    span = _np_forward(tokens, start)
    if span is not None and span[1] <= aux:
        return span
    if all(t.lower in _LEADING for t in tokens[start:aux]):
        # "Zumindest hatte (im Februar) das algerische Fernsehen … bestätigt": an adverb first, the subject after
        # the auxiliary, at the first article no preposition governs
        first = _np_forward(tokens, aux + 1)
        if first is not None and first[1] <= cue.start:
            return first
        for k in range(aux + 2, cue.start):
            if tokens[k].lower in ARTICLES and tokens[k - 1].lower not in PREPOSITIONS:
                after = _np_forward(tokens, k)
                return after if after is not None and after[1] <= cue.start else None
    return None


def _accused_of(tokens: list[Token], cue: CueMention) -> bool:
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
        if tok.lower in _WEEKDAYS or tok.lower in _NP_STOP and tok.lower not in _GENITIVE_LINKS:
            break
        if i > start and tok.lower in _NEW_PHRASE:
            break  # "nach Angaben aus Kiew | eine weitere Lieferung": a new noun phrase begins
        if not (
            tok.capitalised
            or tok.letter_first
            and tok.lower in _GENITIVE_LINKS
            or _np_lower_ok(tok, tokens, i)
            or tok.lower in _LOWERCASE_AGENCIES
        ):
            break
        i += 1
    while i > start and tokens[i - 1].lower in _GENITIVE_LINKS:
        i -= 1
    if not any(t.capitalised or t.lower in _LOWERCASE_AGENCIES for t in tokens[start:i]):
        return None
    # German speaker phrases hold nouns and inflected adjectives, not adverbs ("bereits").
    cut = start
    while cut < i and (
        tokens[cut].capitalised
        or tokens[cut].lower in _LOWERCASE_AGENCIES  # "die Nachrichtenagentur dpa"
        or tokens[cut].lower in _GENITIVE_LINKS
        or tokens[cut].lower.endswith(("e", "en", "er", "es", "em"))
        or not tokens[cut].alphabetic
    ):
        cut += 1
    i = cut
    return (start, i) if i > start else None


_LOWERCASE_AGENCIES: Final = words("noun.lowercase-agency")


def _names_a_speaker(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Does the phrase hold a name, a speaker noun ("officials", "a source") or a lowercase agency ("dpa")?"""
    return any(
        t.capitalised or t.lower in _SPEAKER_NOUNS or t.lower in _LOWERCASE_AGENCIES for t in tokens[span[0] : span[1]]
    )


_WH_RELATIVES: Final = words("pronoun.relative-wh", "en")
_SAY_VERB_FORMS: Final = words("verb.say-past-short", "en")
_SPEAKER_PRONOUNS_EN: Final = words("pronoun.speaker", "en")


def _np_lower_ok(tok: Token, tokens: list[Token], i: int) -> bool:
    """Lowercase words inside a speaker phrase: adjectives before a noun ("ukrainischen Militärgeheimdienstes")."""
    if not tok.alphabetic or tok.lower in _NP_STOP:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and (
        nxt.capitalised or nxt.alphabetic and nxt.lower not in _NP_STOP and nxt.lower not in _SAY_NEXT
    )


def _np_backward(tokens: list[Token], pos: int) -> tuple[int, int] | None:
    found = _np_right_before(tokens, pos)
    if found is not None:
        return found
    for k in range(pos - 1, max(0, pos - 12), -1):
        if tokens[k].lower in _WH_RELATIVES:
            # "A source who asked not to be identified said …": the speaker stands before the relative clause
            # whose subject the pronoun is ("which it says" has a subject of its own)
            if k + 1 < pos and tokens[k + 1].lower in _SPEAKER_PRONOUNS_EN:
                return None
            span = _np_right_before(tokens, k - 1 if tokens[k - 1].text == "," else k)
            if span is not None and tokens[span[1] - 1].lower in _SPEAKER_NOUNS:
                return span
            return None
        if tokens[k].text in (".", ";", ":") or tokens[k].lower in _SAY_VERB_FORMS:
            break
    return None


def _np_right_before(tokens: list[Token], pos: int) -> tuple[int, int] | None:
    end = pos
    i = pos - 1
    while i >= 0 and pos - i <= 7:
        tok = tokens[i]
        if tok.lower in _NP_STOP or not tok.text[:1].isalnum():
            break
        if tok.lower in _WEEKDAYS:
            break
        if not (tok.capitalised or tok.alphabetic):
            break
        if tok.lowercase and tok.lower.endswith(("ing", "ed")):
            break
        i -= 1
    start = i + 1
    while start < end and tokens[start].lower in _LEADING:
        start += 1
    if start >= end:
        return None
    # A lowercase verb is no speaker: "… and said" has no subject here.
    if (
        all(t.lowercase for t in tokens[start:end])
        and end - start == 1
        and tokens[start].lower not in _SPEAKER_PLURALS
        # "A source said …", "the official said …": a speaker noun after its determiner is the speaker
        and not (start > 0 and tokens[start - 1].lower in _LEADING and tokens[start].lower in _SPEAKER_NOUNS)
    ):
        return None
    return start, end


def _span_text(tokens: list[Token], span: tuple[int, int]) -> str:
    start, end = span
    return " ".join(t.text for t in tokens[start:end])


# --------------------------------------------------------------------------- "we" and "you" in interviews and quotes


_FIRST_PLURAL: Final = words("pronoun.first-plural")
_SPEAKER_PRONOUNS: Final = words("pronoun.third-singular-speaker")
_SECOND_FORMAL: Final = words("pronoun.second-person")
_INTERVIEW: Final = words("noun.interview")
_INTERVIEW_BIT: Final = word_class(_INTERVIEW)
_QUESTION_LABELS: Final = words("label.question")
_OFFICES: Final = tuple(sorted(words("stem.office")))
_WITH_PERSON: Final = words("prep.interview-with")
_ADDRESS: Final = words("noun.address")
_WITH_PERSON_BIT: Final = word_class(_WITH_PERSON)
_ADDRESS_BIT: Final = word_class(_ADDRESS, TEXT)
_OPENING_MARKS: Final = words("punct.opens-quote")
_STATE_OWNERS: Final = frozenset({"name-gen", "adj", "adj-gen", "capital-gen"})  # actor kinds naming whose


class Voices:
    """Who "we" and "you" are in an interview or a quote: the state of the interviewee or of the quoted
    speaker ("Interview with Colombia's air force chief … Ruiz: we buy our helicopters from the United
    States", "Herr Cebotari, … liefere Ihnen Kampfdrohnen"). Pronouns that stand for that state become
    actor mentions of it, before the roles are read; an answer speaks for the interviewee."""

    __slots__ = ("asked", "earlier_person", "interview", "interviewee", "last_person", "name", "seen")

    def __init__(self) -> None:
        self.interview = False
        self.interviewee: str | None = None
        self.name: str | None = None
        self.asked = False
        self.seen = 0
        self.last_person: str | None = None  # the state of the person named last, up to this sentence
        self.earlier_person: str | None = None  # … up to the sentence before

    def learn(self, tokens: list[Token], mentions: Mentions, title: bool = False) -> None:
        """An interview is announced by its title or first sentences, or shown by question labels; the
        interviewee's state is the one owning a title or office there ("Colombia's air force chief"), the
        interviewee's name follows "mit"/"with" there or labels the answers ("Ruiz: …")."""
        labelled = _question_label(tokens)
        if not title:
            self.earlier_person = self.last_person
            persons = [a.id for a in mentions.actors if a.kind == "person" and a.id.isupper()]
            if persons:
                self.last_person = persons[-1]
        announced = any(t.classes & _INTERVIEW_BIT for t in tokens)
        if announced or labelled:
            self.interview = True
        if self.interviewee is None and not labelled and (title or self.seen < 2 or announced):
            owners = [
                a.id
                for a in mentions.actors
                if a.kind in _STATE_OWNERS
                and a.id.isupper()
                and any(t.lower.endswith(_OFFICES) for t in tokens[a.end : a.end + 3])
            ]  # "Colombia's air force chief", "Moldaus Staatssekretär": whose office the interviewee holds
            if owners:
                self.interviewee = owners[0]
        if self.name is None:
            self.name = _interviewee_name(tokens, announced, labelled)
        if not title:
            self.seen += 1

    def bind(self, tokens: list[Token], mentions: Mentions, speaker_tokens: set[int]) -> str | None:
        """Add the state a first-person plural (in an answer or a quote) or a polite second person (in an
        interview question) stands for; return the interviewee as the source of an answer."""
        quoted = [a.id for a in mentions.actors if a.start in speaker_tokens and a.kind == "person"]
        reading = ""
        if not quoted and not speaker_tokens and self.earlier_person and _pronoun_says_quote(tokens, mentions):
            # "“… we have donated 19 F-16s …,” he said", after "Danish Defence Minister Troels Lund Poulsen …": the
            # pronoun speaker is the person named just before, and "we" that person's state
            quoted, reading = [self.earlier_person], "coref.quoted-pronoun-speaker-named-before"
        asking = _question_label(tokens) or bool(tokens) and tokens[-1].text == "?"
        answering = self.interview and self.asked and not asking
        if asking:
            self.asked = True
        state = None
        pronouns = _FIRST_PLURAL
        if asking and self.interview:
            pronouns, state = _SECOND_FORMAL, self.interviewee
        elif not asking:
            state = quoted[0] if len(set(quoted)) == 1 else (self.interviewee if answering else None)
        if state is not None:
            taken = {i for a in mentions.actors for i in range(a.start, a.end)}
            for tok in tokens:
                if tok.i in taken or tok.i in speaker_tokens or tok.text not in pronouns:
                    continue
                if tok.text == "Sie" and (tok.i == 0 or tokens[tok.i - 1].text in _OPENING_MARKS):
                    continue  # "Sie" opening a sentence may be "they"
                prep, article = governor(tokens, tok.i)
                mentions.actors.append(
                    ActorMention(
                        tok.i, tok.i + 1, state, "pronoun", prep, article or tok.lower, tok.text, reading=reading
                    )
                )
            mentions.actors.sort(key=lambda a: a.start)
        return self.name if answering and not speaker_tokens else None


def _pronoun_says_quote(tokens: list[Token], mentions: Mentions) -> bool:
    """A quote that "he"/"she" said, right after or before the verb of saying ("“…,” he said", "„…“, sagte er")."""
    if not any(t.text in _OPENING_MARKS for t in tokens[:2]):
        return False
    says = {x.start for x in mentions.cues if "say" in x.kinds}
    return any(tokens[k].lower in _SPEAKER_PRONOUNS and (k - 1 in says or k + 1 in says) for k in range(1, len(tokens)))


def _interviewee_name(tokens: list[Token], announced: bool, labelled: bool) -> str | None:
    """ "Ein Gespräch mit Staatssekretär Andrei Cebotari über …", "Interview with Colonel Ana Ruiz, …",
    "Ruiz: …", "Herr Cebotari, …": the interviewee's name."""
    if len(tokens) > 2 and tokens[1].text == ":" and tokens[0].capitalised and not labelled:
        return tokens[0].text  # an answer label
    for k in range(len(tokens) - 1):
        tok = tokens[k]
        if (announced and tok.classes & _WITH_PERSON_BIT) or tok.classes & _ADDRESS_BIT:
            name: list[str] = []
            for nxt in tokens[k + 1 : k + 7]:
                if not nxt.alphabetic or not nxt.capitalised and name:
                    break
                if nxt.capitalised:
                    name.append(nxt.text)  # after "mit dem litauischen": the title and the name
            if name:
                return " ".join(name)
    return None


def _question_label(tokens: list[Token]) -> bool:
    """ "Q: …", "Frage: …": a question of the interviewer."""
    return len(tokens) > 1 and tokens[0].lower in _QUESTION_LABELS and tokens[1].text == ":"
