"""Sentence grammar: clauses, coordinated actor groups, voice, relative clauses and pronouns.

This stage sits between mentions and frames. It answers questions about the form of a
sentence that several rules ask ("is this clause passive?", "which group opens a relative
clause?", "is this clause an infinitive under that one?"), so that a rule reads grammar
through one named helper instead of scanning tokens itself. Words it looks for are word
classes in ``lexicons/words.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from armsflow.lexicons import kind_group, word_stems, word_values, words
from armsflow.mentions import PREPOSITIONS, ActorMention, CueMention, ItemMention, Mentions, meets
from armsflow.text.clauses import SUBORDINATORS, clause_ids, is_infinitive
from armsflow.text.segment import Token

# Cue kinds whose words are verbs: an English "to" before one opens an infinitive clause.
VERB_KINDS: Final = kind_group("trigger") | kind_group("verb-kind")
LINK: Final = words("link.coordination")
_LINK_ARTICLES: Final = words("article.definite-short")
AUX_PASSIVE_DE: Final = words("aux.passive", "de")
AUX_PASSIVE_EN: Final = words("aux.passive", "en")
_STATE_PASSIVE: Final = words("aux.state-passive", "de")
_FEMININE_SUFFIXES: Final = ("heit", "keit", "ung", "schaft", "ion", "tät", "garde", "polizei", "wache")
_PASSIVE_GAP_EN: Final = words("adverb.passive-gap", "en")
_ACTIVE_BEFORE_PARTICIPLE: Final = words("function.active-before-participle", "en")
_SHORT_PARTICIPLES: Final = words("participle.passive-short", "en")
_AND_EN: Final = words("conj.and", "en")
_AUX_AFTER_PARTICIPLE: Final = words("aux.passive-after-participle", "de")
_PARTITIVE_PRONOUNS: Final = words("pronoun.partitive-of")
_PARTITIVE_ORDINALS: Final = words("quantifier.partitive-ordinal")
_DEFINITE_SHORT: Final = words("article.definite-short")
_COUNTS: Final = set(word_values("number.small"))
_FINITE: Final = words("verb.after-standalone-ordinal")
_PART_OF: Final = words("quantifier.part-of")
_GOODS_PRONOUNS: Final = words("pronoun.goods-of")
_OF: Final = words("prep.of")
IRREGULAR_PARTICIPLES: Final = words("participle.irregular", "en")
REL_PRONOUNS: Final = words("pronoun.relative")
_RELATIVE_OPENERS_EN: Final = words("pronoun.relative-wh", "en")
_PLACE_ON_NOUN: Final = words("prep.place-on-noun", "en")
_NAME_LINKS: Final = words("link.name-list", "en")
ACTING_HEADS: Final = words("noun.acting-head")
_ACTING_STEMS: Final = word_stems("stem.acting-head")
_COMPANY_HEADS: Final = word_stems("stem.company-head")
_GOVERNING: Final = word_stems("stem.governing-body")
_NOT_NOUN: Final = words("function.not-noun")
_NOT_VERB: Final = words("article.any") | words("prep.any")
_SUBJECT_PRONOUNS: Final = words("pronoun.subject")
_DEMONSTRATIVE_SUBJECTS: Final = words("pronoun.demonstrative-subject", "de")
_COMPLEMENTIZERS: Final = words("conj.complement")
_QUESTION: Final = words("conj.whether")
_SET_OFF: Final = words("punct.set-off")
_ASPECT: Final = words("verb.aspectual")
_DEPENDENT_ARTICLES: Final = words("pronoun.relative-article", "de")
_AFTER_OTHERS: Final = words("prep.rank-after", "de")
_ALSO: Final = words("adverb.also", "de")


@dataclass(slots=True, init=False)
class Group:
    """Coordinated actors sharing one role ("Iran, Russia and Belarus")."""

    members: list[ActorMention]

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(self, members: list[ActorMention]) -> None:
        self.members = members

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


@dataclass(slots=True, init=False)
class SentenceGrammar:
    tokens: list[Token]
    clause: list[int]
    clauses: list[tuple[int, int]]  # token spans
    infinitive: list[bool]

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(
        self, tokens: list[Token], clause: list[int], clauses: list[tuple[int, int]], infinitive: list[bool]
    ) -> None:
        self.tokens = tokens
        self.clause = clause
        self.clauses = clauses
        self.infinitive = infinitive


@dataclass(slots=True, init=False)
class ClauseView:
    """One sentence seen clause by clause: what each clause holds, for the rules of the frames stage."""

    tokens: list[Token]
    grammar: SentenceGrammar
    mentions: Mentions
    lang: str
    cues_by_clause: list[list[CueMention]]
    items_by_clause: list[list[ItemMention]]
    actors_by_clause: list[list[ActorMention]]  # actors that may take a role (no speakers, no origins)

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(
        self,
        tokens: list[Token],
        grammar: SentenceGrammar,
        mentions: Mentions,
        lang: str,
        cues_by_clause: list[list[CueMention]],
        items_by_clause: list[list[ItemMention]],
        actors_by_clause: list[list[ActorMention]],
    ) -> None:
        self.tokens = tokens
        self.grammar = grammar
        self.mentions = mentions
        self.lang = lang
        self.cues_by_clause = cues_by_clause
        self.items_by_clause = items_by_clause
        self.actors_by_clause = actors_by_clause

    @property
    def n(self) -> int:
        return len(self.grammar.clauses)


def analyse(tokens: list[Token], mentions: Mentions, lang: str) -> SentenceGrammar:
    """Clause spans of a sentence, and which clauses are infinitives (zu/to + verb)."""
    actor_tokens = frozenset(i for a in mentions.actors for i in range(a.start, a.end))
    listed = set(actor_tokens) | {i for it in mentions.items for i in range(it.start, it.end)} | set(mentions.threats)
    verbs = frozenset(c.start for c in mentions.cues if meets(c.kinds, VERB_KINDS))
    ids = clause_ids(tokens, listed, verbs, actor_tokens)
    # clause ids run 0, 0, …, 1, 1, …: a span ends where the id changes (one tuple per clause, not per token)
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(ids)):
        if ids[i] != ids[i - 1]:
            spans.append((start, i))
            start = i
    if ids:
        spans.append((start, len(ids)))
    infinitive = [is_infinitive(tokens, s, e, lang) for s, e in spans]
    return SentenceGrammar(tokens, ids, spans, infinitive)


def fronted_after_others(view: ClauseView, c: int, group: Group) -> bool:
    """ "Nach Deutschland und Norwegen stoppt nun auch Dänemark seine Exporte": a fronted "nach X" right before
    the finite verb, with "auch" or "ebenfalls" before the subject after it, says who acted before ("after X, Y
    too"); X is no destination (rule grammar.de.fronted-after-others)."""
    tokens = view.tokens
    first, end = group.first, group.members[-1].end
    start, clause_end = view.grammar.clauses[c]
    if view.lang != "de" or first.prep not in _AFTER_OTHERS or not 0 < first.start - start <= 2:
        return False
    if tokens[start].lower not in _AFTER_OTHERS:
        return False  # "nach" opens the clause ("Nach den USA …")
    if end >= len(tokens) or not tokens[end].lowercase or not tokens[end].alphabetic:
        return False  # the finite verb follows the fronted phrase
    # "auch" right before another actor, the subject ("nun auch Dänemark"); "liefert Belgien nun auch Panzer"
    # adds goods for the destination instead
    also = {k for k in range(end + 1, clause_end) if tokens[k].lower in _ALSO}
    return any(a.start - 1 in also or a.start - 2 in also for a in view.actors_by_clause[c] if a.start > end)


def unique(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def unique_ints(values: list[int]) -> list[int]:
    return list(dict.fromkeys(values))


# --------------------------------------------------------------------------- groups and heads


def groups(actors: list[ActorMention], tokens: list[Token]) -> list[Group]:
    """Coordinated actors with the same preposition form one group ("Iran, Russland und Belarus")."""
    out: list[Group] = []
    # (the mention finder gives actors in order: a compiled check spares sorted() its generic key calls)
    ordered = actors if _in_order(actors) else sorted(actors, key=lambda a: a.start)
    for actor in ordered:
        if out:
            last = out[-1].members[-1]
            between = _without_asides(tokens[last.end : actor.start])
            if _titled_person(last, actor, between):
                # "Swedish Prime Minister Ulf Kristersson": the person the adjective and title introduce acts
                out[-1].members[-1] = actor
                continue
            if between and last.kind == "adj" and len(between) > 1 and _acting_head(between[0]):
                # "Der deutsche Rüstungskonzern und …": the adjective's head noun, then the link
                between = between[1:]
            if actor.reading == "grammar.state-acts-through-body":
                # "… und die Regierung Litauens": the body through which the state acts is part of its mention
                while len(between) > 1 and (_acting_head(between[-1]) or between[-1].lower in _LINK_ARTICLES):
                    between = between[:-1]
            comma_only = all(t.text == "," for t in between)
            if (
                between
                and all(t.lower in LINK or t.lower in _LINK_ARTICLES for t in between)
                and any(t.lower in LINK for t in between)
                and (actor.prep is None or actor.prep == out[-1].first.prep)
                # "In Kamerun, China übergab …": after a comma an actor without preposition that a verb follows
                # is the subject of that verb, not one more place
                and not (
                    comma_only and actor.prep is None and out[-1].first.prep is not None and _verb_next(tokens, actor)
                )
            ):
                out[-1].members.append(actor)
                continue
        out.append(Group([actor]))
    return out


def _acting_head(tok: Token) -> bool:
    """A noun through which a state adjective acts ("Rüstungskonzern", "Regierung", "firm")."""
    word = tok.lower
    return word in ACTING_HEADS or tok.lemma in ACTING_HEADS or any(word.startswith(h) for h in _ACTING_STEMS)


def _titled_person(last: ActorMention, actor: ActorMention, between: list[Token]) -> bool:
    """A state adjective or genitive, a capitalised title and a person of that state ("Ukrainian President
    Volodymyr Zelensky", "der ukrainische Präsident Selenskyj", "Russlands Präsident Putin"): one party, named by
    the person."""
    return (
        (actor.kind == "person" or actor.kind == "org")  # "der türkische Hersteller Baykar": the firm, named
        and (last.kind == "adj" or last.kind == "name-gen")
        and last.id == actor.id
        and 0 < len(between) <= 3
        and all(t.capitalised and t.alphabetic for t in between)
    )


def _in_order(actors: list[ActorMention]) -> bool:
    """Are the actors sorted by start already (so a stable sort would keep them as they are)?"""
    for k in range(1, len(actors)):
        if actors[k].start < actors[k - 1].start:
            return False
    return True


def _without_asides(between: list[Token]) -> list[Token]:
    """The tokens between two actors less parenthesised asides ("Deutschland (163 Mio. Franken), Dänemark")."""
    if not any(t.text == "(" for t in between):
        return between
    out: list[Token] = []
    depth = 0
    for t in between:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


def _verb_next(tokens: list[Token], actor: ActorMention) -> bool:
    """Whether a verb follows the actor: a lowercase word that is no link, article or preposition."""
    if actor.end >= len(tokens):
        return False
    nxt = tokens[actor.end]
    return nxt.alphabetic and nxt.lowercase and nxt.lower not in LINK and nxt.lower not in _NOT_VERB


def is_company(group: Group, tokens: list[Token]) -> bool:
    """ "Der schwedische Rüstungskonzern Saab": an adjective of a company is a seller."""
    return any(any(h in t.lower for h in _COMPANY_HEADS) for t in tokens[group.first.end : group.first.end + 2])


def can_act(group: Group, tokens: list[Token]) -> bool:
    """An adjective ("chinesische", "Chinese") acts only through its noun: "chinesische Firmen liefern"."""
    first = group.first
    if first.kind not in ("adj", "adj-gen"):
        return True
    return any(_acting_head(tok) for tok in tokens[first.end : first.end + 3])


def governs(group: Group, tokens: list[Token]) -> bool:
    """An adjective imposes only through a governing body: "die chinesische Regierung verhängte"."""
    for tok in tokens[group.first.end : group.first.end + 2]:
        if tok.lower.startswith(_GOVERNING):
            return True
    return False


def phrase_from(tokens: list[Token], start: int, end: int) -> str:
    """The actor's words with the capitalised name that follows: "Serbian President Aleksandar Vučić"."""
    while end < len(tokens) and end - start < 6 and tokens[end].capitalised and tokens[end].alphabetic:
        end += 1
    return " ".join(t.text for t in tokens[start:end])


# --------------------------------------------------------------------------- German case

_GENDERS: Final = {
    "m": words("noun.gender-masculine", "de"),
    "f": words("noun.gender-feminine", "de"),
    "p": words("noun.gender-plural", "de"),
    "n": words("noun.gender-neuter", "de"),
}
# The cases a determiner allows for a head of each gender (German declension); a head of unknown gender
# takes the union over genders.
_CASES: Final = {
    "der": {"m": ("nom",), "f": ("dat", "gen"), "p": ("gen",), "n": ()},
    "die": {"m": (), "f": ("nom", "acc"), "p": ("nom", "acc"), "n": ()},
    "das": {"m": (), "f": (), "p": (), "n": ("nom", "acc")},
    "den": {"m": ("acc",), "f": (), "p": ("dat",), "n": ()},
    "dem": {"m": ("dat",), "f": (), "p": (), "n": ("dat",)},
    "des": {"m": ("gen",), "f": (), "p": (), "n": ("gen",)},
    "einem": {"m": ("dat",), "f": (), "p": (), "n": ("dat",)},
    "einen": {"m": ("acc",), "f": (), "p": (), "n": ()},
    "einer": {"m": (), "f": ("dat", "gen"), "p": (), "n": ()},
    "diesem": {"m": ("dat",), "f": (), "p": (), "n": ("dat",)},
}


def gender(head: str) -> str | None:
    """m, f, n or p (plural) for a head the lexicon knows, else None."""
    for g, heads in _GENDERS.items():
        if head in heads:
            return g
    return None


def german_cases(actor: ActorMention, tokens: list[Token]) -> frozenset[str]:
    """The cases the determiner and the head's gender allow for an actor without preposition; empty when
    nothing tells (a bare name: "Russland", "Kiew")."""
    article = actor.article
    if article is None or article not in _CASES:
        return frozenset()
    head = tokens[actor.end - 1].text
    if actor.kind in ("adj", "adj-gen") and actor.end < len(tokens):
        # "den kirgisischen Streitkräften", "der nigrischen Armee": the noun after the adjective heads it
        head = tokens[actor.end].text
    by_gender = _CASES[article]
    g = gender(head) or _gender_by_suffix(head)
    cases = frozenset(by_gender[g]) if g is not None else frozenset(c for cs in by_gender.values() for c in cs)
    if article == "der" and actor.kind in ("adj", "adj-gen") and tokens[actor.start].lower.endswith("en"):
        # "der somalischen Spezialeinheit": after "der" an adjective in -en is genitive or dative ("der somalische
        # … " would be the nominative)
        cases = cases - {"nom"} or frozenset({"gen", "dat"})
    return cases


def _gender_by_suffix(head: str) -> str | None:
    """Feminine by suffix: "-einheit", "-ung", "-schaft", "-ion", "-tät", "-garde", "-ei" ("Polizei")."""
    word = head.lower()
    return "f" if word.endswith(_FEMININE_SUFFIXES) and head[:1].isupper() else None


# --------------------------------------------------------------------------- clause types


def first_word(tokens: list[Token], grammar: SentenceGrammar, c: int) -> str:
    """The clause's first word after an opening comma."""
    start, end = grammar.clauses[c]
    words_ = [t.lower for t in tokens[start : min(end, start + 2)]]
    return words_[1] if words_ and words_[0] == "," and len(words_) > 1 else (words_[0] if words_ else "")


def dependent(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """A relative or subordinate clause keeps its items to itself (no trigger, no event)."""
    first = first_word(tokens, grammar, c)
    return first in SUBORDINATORS or first in _DEPENDENT_ARTICLES


def appositive(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """ ", KRI Cakra,": a name set off by commas, not a clause."""
    start, end = grammar.clauses[c]
    ws = [t for t in tokens[start:end] if t.text[:1].isalnum()]
    return bool(ws) and len(ws) <= 4 and all(t.capitalised or t.text[:1].isdigit() for t in ws)


def english_participle(tok: Token) -> bool:
    return tok.lowercase and (tok.lower in IRREGULAR_PARTICIPLES or tok.lower.endswith("ed"))


def german_participle(tok: Token) -> bool:
    return tok.lowercase and tok.lower.startswith("ge") and tok.lower.endswith(("t", "en"))


def participial(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """ ", built in Italy,", ", in Italien gebaut,": a participle set off by commas describes the noun
    before it; it is not a clause of its own."""
    start, end = grammar.clauses[c]
    ws = [t for t in tokens[start:end] if t.letter_first]
    if not ws or end >= len(tokens) or tokens[end].text not in _SET_OFF and tokens[end - 1].text not in _SET_OFF:
        return False
    return english_participle(ws[0]) or german_participle(ws[-1]) or german_participle(ws[0])  # ", gebaut in Spanien,"


def question(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """A clause opened by "whether"/"ob": asked, not asserted."""
    start, end = grammar.clauses[c]
    return any(t.lower in _QUESTION for t in tokens[start : min(end, start + 2)])


def partitive(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """A clause about part of what was just named: "…, von denen sechs …", "…, six of which …"."""
    start, end = grammar.clauses[c]
    head = [t.lower for t in tokens[start : min(end, start + 5)]]
    return c > 0 and (
        any(head[k : k + 2] in (["von", "denen"], ["of", "which"], ["of", "them"]) for k in range(len(head)))
        or _ordinal_alone(tokens, start, end)
    )


def _ordinal_alone(tokens: list[Token], start: int, end: int) -> bool:
    """ "…; the first four arrived in May", "…, die ersten sind inzwischen im Land": an ordinal with no noun
    after it (a number at most) opens the clause and stands for part of the goods just named."""
    k = start
    while k < end and not tokens[k].text[:1].isalnum():
        k += 1  # the comma or semicolon that opens the clause
    if k + 1 >= end or tokens[k].lower not in _DEFINITE_SHORT or tokens[k + 1].lower not in _PARTITIVE_ORDINALS:
        return False
    k += 2
    if k < end and (tokens[k].text.isdigit() or tokens[k].lower in _COUNTS):
        k += 1
    # a finite verb ("die ersten sind …") or, in a verbless conjunct, a preposition ("…, die letzten im Sommer")
    return k < end and (tokens[k].lower in _FINITE or tokens[k].lower in PREPOSITIONS)


def part_subject(tokens: list[Token], start: int, end: int) -> bool:
    """ "The remaining 18 are due by 2027", "Six were delivered in March", "Some of it is finally arriving":
    a subject with no noun of its own (an ordinal, a count, a part of a pronoun) opens the clause and stands
    for part of the goods named before."""
    if _ordinal_alone(tokens, start, end):
        return True
    k = start
    while k < end and not tokens[k].text[:1].isalnum():
        k += 1
    if k + 1 < end and (tokens[k].text.isdigit() or tokens[k].lower in _COUNTS):
        return tokens[k + 1].lower in _FINITE  # "Six were delivered in March"
    return (
        k + 3 < end
        and tokens[k].lower in _PART_OF
        and tokens[k + 1].lower in _OF
        and tokens[k + 2].lower in _GOODS_PRONOUNS
        and tokens[k + 3].lower in _FINITE
    )


def aspectual(tokens: list[Token], start: int) -> bool:
    """ "continue to supply" goes on; it is no future."""
    return any(t.lower in _ASPECT for t in tokens[max(0, start - 3) : start])


def opens_complement(grammar: SentenceGrammar, c: int) -> bool:
    """Whether clause c is a complement of the clause before (", that …", "dass …", an infinitive)."""
    if c >= len(grammar.clauses):
        return False
    start, end = grammar.clauses[c]
    ws = [t.lower for t in grammar.tokens[start : min(end, start + 3)]]
    return bool(ws) and (
        ws[0] == ","
        or ws[0] == ":"
        or ws[0] in _COMPLEMENTIZERS
        or (len(ws) > 1 and ws[1] in _COMPLEMENTIZERS)
        or grammar.infinitive[c]
    )


def prepositional_aside(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """Is clause c a phrase set off by commas that opens with a preposition (", in the presence of his French
    counterpart, signed …", ", unter Vermittlung seines deutschen Amtskollegen, …")? Its names are governed by
    the preposition however many words stand between; none of them is a subject for a later clause to take up
    (rule grammar.prepositional-aside)."""
    start, end = grammar.clauses[c]
    if c == 0 or tokens[start].text != "," or start + 1 >= end or end >= len(tokens):
        return False
    return tokens[start + 1].lower in PREPOSITIONS and tokens[end].text == ","


def relative_clause(tokens: list[Token], grammar: SentenceGrammar, c: int) -> bool:
    """Whether clause c is a relative clause on a noun of the clause before."""
    start, end = grammar.clauses[c]
    if c == 0 or start >= end or grammar.infinitive[c]:
        return False  # ", die Huthi mit Waffen auszurüsten": an article opening an infinitive
    i = start + 1 if tokens[start].text == "," and start + 1 < end else start
    word = tokens[i].lower
    if word in _RELATIVE_OPENERS_EN:
        return True
    if word == "that":
        prev = tokens[i - 1] if i > 0 else None
        return prev is not None and (
            prev.lower in ACTING_HEADS or prev.lemma in ACTING_HEADS or _placed_acting_head(tokens, i)
        )
    return tokens[start].text == "," and word in REL_PRONOUNS and tokens[i].lowercase


def _placed_acting_head(tokens: list[Token], i: int) -> bool:
    """ "companies in China that …", "firms from the United Arab Emirates and Iran that …": names in a place
    phrase on a noun of acting stand between the noun and "that"."""
    k = i - 1
    while k > 0 and (tokens[k].capitalised or tokens[k].lower in _NAME_LINKS) and i - k <= 8:
        k -= 1
    if k == i - 1 or k < 1 or tokens[k].lower not in _PLACE_ON_NOUN:
        return False
    head = tokens[k - 1]
    return head.lower in ACTING_HEADS or head.lemma in ACTING_HEADS


def relative_antecedent(grammar: SentenceGrammar, c: int, actors_by_clause, tokens: list[Token]) -> Group | None:
    """The actor group a relative pronoun opening clause c (or a clause it continues) stands for. In an infinitive
    clause a group governed by a preposition is none: "hatte mit Israel vereinbart, die Lieferung … auszusetzen"
    opens with an article, and the partner "mit" whom it was agreed does not do it."""
    found = _relative_antecedent(grammar, c, actors_by_clause, tokens)
    if found is not None and grammar.infinitive[c] and found.first.prep is not None:
        return None
    return found


def _relative_antecedent(grammar: SentenceGrammar, c: int, actors_by_clause, tokens: list[Token]) -> Group | None:
    k = c
    while k > 0:
        start, end = grammar.clauses[k]
        prev = [t for t in tokens[grammar.clauses[k - 1][0] : grammar.clauses[k - 1][1]] if t.text != ","]
        if len(prev) > 1 and prev[-1].lower in _RELATIVE_OPENERS_EN:
            # "companies in China, Turkey and Kyrgyzstan which, according to …, have shipped": the pronoun
            # ends its clause when a parenthesis follows it
            before = groups(actors_by_clause[k - 1], tokens)
            pron = tokens.index(prev[-1], grammar.clauses[k - 1][0])
            if before and before[-1].members[-1].end == pron:
                return before[-1]
            if before and before[-1].first.kind == "adj" and 0 < pron - before[-1].members[-1].end <= 3:
                # "Chinese firms which, officials said, supplied …": the adjective names the noun the pronoun is for
                gap = tokens[before[-1].members[-1].end : pron]
                if all(t.alphabetic and t.lowercase and t.lower not in _NOT_NOUN for t in gap):
                    return before[-1]
            return None
        ws = [t.lower for t in tokens[start : min(end, start + 2)]]
        first = ws[1] if ws and ws[0] == "," and len(ws) > 1 else (ws[0] if ws else "")
        if first in REL_PRONOUNS and (
            start + 1 < len(tokens)
            and not tokens[start + 1 if ws[0] == "," else start].capitalised
            or first in _RELATIVE_OPENERS_EN
            or first == "that"
        ):
            before = groups(actors_by_clause[k - 1], tokens)
            prev_end = grammar.clauses[k - 1][1]
            # "that" opens a relative clause only right after its noun; after a verb ("the navy said that …")
            # it opens a complement
            slack = 0 if first == "that" else 1
            if before and before[-1].members[-1].end >= prev_end - slack:
                return before[-1]
            if before and before[-1].first.kind == "adj" and before[-1].members[-1].end >= prev_end - 3:
                # "an Iranian cargo airline that …": the adjective names the noun the pronoun refers to
                gap = tokens[before[-1].members[-1].end : prev_end]
                if all(t.alphabetic and t.lower not in _NOT_NOUN for t in gap):
                    return before[-1]
            if (
                before
                and before[-1].first.kind == "adj"
                and _maker_of_goods(tokens[before[-1].members[-1].end : prev_end])
            ):
                # "two Chinese makers of drone engines and parts that helped Russia": the makers, named by the adjective
                return before[-1]
            return None
        if k != c and any(a.prep is None for a in actors_by_clause[k]):
            return None
        k -= 1
        if c - k > 2:
            return None
    return None


def _maker_of_goods(gap: list[Token]) -> bool:
    """ "makers of drone engines and parts", "Hersteller von Drohnenteilen": a noun of makers, "of", and a short phrase
    of what they make, between an adjective and a relative pronoun."""
    return (
        2 < len(gap) <= 8
        and gap[0].lower in _MAKERS
        and gap[1].lower in _OF_MADE
        and all(t.alphabetic and t.lower not in REL_PRONOUNS for t in gap[2:])
    )


_MAKERS: Final = words("noun.maker")
_OF_MADE: Final = words("prep.of-made")


def governor_chain(
    grammar: SentenceGrammar, cues_by_clause, items_by_clause, triggers: frozenset[str], c: int
) -> list[int]:
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
        if kinds & triggers - {"use"} and not kinds & {"promise", "approve", "deal", "request", "deny", "refuse"}:
            break
        chain.append(k)
        if not (grammar.infinitive[c] or opens_complement(grammar, k + 1)):
            break
        k -= 1
    return chain


def pronoun_subject(
    tokens: list[Token], grammar: SentenceGrammar, c: int, governors: list[int], before: int | None = None
) -> int | None:
    """The token of a subject pronoun ("es", "it", "they", "man") in clause c or its governors."""
    for k in [c] + governors:
        start, end = grammar.clauses[k]
        if start < end and not tokens[start].text[:1].isalnum():
            start += 1  # "TOKYO – Japan said … it was preparing": the dash opening the clause is no word of it
        stop = min(end, before) if before is not None and k == c and before > start else min(end, start + 6)
        for t in tokens[start:stop]:
            if t.lower in _SUBJECT_PRONOUNS:
                return t.i
            if t.lower in _DEMONSTRATIVE_SUBJECTS and k == c and t.i + 1 < end and not tokens[t.i + 1].lowercase:
                return t.i  # "weil diese Drohnenteile an Russland geliefert haben": the firms just named
    return None


# --------------------------------------------------------------------------- voice


def passive(
    tokens: list[Token], grammar: SentenceGrammar, c: int, lead: CueMention, lang: str, donors: tuple[int, ...] = ()
) -> bool:
    """Whether the clause of the trigger is in the passive voice."""
    start, end = grammar.clauses[c]
    ws = [t.lower for t in tokens[start:end]]
    for k in donors:  # "Zudem wurden 15 Gepard, die …, an die Ukraine ausgeliefert": the auxiliary came first
        ws += [t.lower for t in tokens[grammar.clauses[k][0] : grammar.clauses[k][1]]]
    if lang == "de":
        return _passive_de(tokens, ws, start, end, lead)
    return _passive_en(tokens, start, lead)


def _passive_de(tokens: list[Token], ws: list[str], start: int, end: int, lead: CueMention) -> bool:
    trig = tokens[lead.start]
    if trig.capitalised:
        return False
    if (
        "give" in lead.kinds
        and lead.end < end
        and tokens[lead.end].lower in _STATE_PASSIVE
        and (trig.lower.startswith("ge") or "ge" in trig.lower[2:6])
    ):
        return True  # "die inzwischen ausgeliefert sind": a giving verb with "sein" is the state passive
    return (
        any(w in AUX_PASSIVE_DE for w in ws)
        and (trig.lower.startswith("ge") or "ge" in trig.lower[2:6] or trig.lower != trig.lemma or _no_ge(trig.lower))
        and (
            "worden" in ws
            or "wurde" in ws
            or "wurden" in ws
            or _follows_aux(tokens, lead.end, end)
            # "Der Hisbollah werden vom Iran Raketen geliefert": "werden" with a clause-final participle
            or (lead.end >= end or not tokens[lead.end].text[:1].isalnum())
            and any(t.lower in ("werden", "wird") for t in tokens[start : lead.start])
        )
    )


def _no_ge(word: str) -> bool:
    """A weak participle of a verb with an inseparable prefix, which takes no "ge-" ("beschafft", "bestellt") and
    which the lemmatiser may not know (an ending in "-en" could as well be the infinitive of a future)."""
    return word.startswith(_INSEPARABLE) and word.endswith("t")


_INSEPARABLE: Final = word_stems("prefix.inseparable")


def _passive_en(tokens: list[Token], start: int, lead: CueMention) -> bool:
    trig = tokens[lead.start]
    if (
        lead.start >= 2
        and tokens[lead.start - 1].lower in _PARTITIVE_PRONOUNS
        and tokens[lead.start - 2].lower == "of"
        and (trig.lower.endswith(("ed", "nt", "ld", "wn")) or trig.lower in IRREGULAR_PARTICIPLES)
    ):
        return True  # "most of them shipped across the Caspian Sea": a participle with its own noun, passive
    if (
        lead.start > 0
        and trig.lower.endswith(("ed", "nt", "ld", "wn"))
        and lead.start + 1 < len(tokens)
        and tokens[lead.start + 1].lower == "by"
        and tokens[lead.start - 1].alphabetic
        and tokens[lead.start - 1].lower not in _ACTIVE_BEFORE_PARTICIPLE
    ):
        return True  # "batteries supplied by the United States"
    for j in range(lead.start - 1, max(start - 1, lead.start - 4), -1):
        w = tokens[j].lower
        if w in AUX_PASSIVE_EN:
            return trig.lower.endswith(("ed", "en", "nt", "ld", "ht", "wn")) or trig.lower in _SHORT_PARTICIPLES
        if w not in _PASSIVE_GAP_EN:
            break
    return _coordinated_participle(tokens, start, lead)


def _coordinated_participle(tokens: list[Token], start: int, lead: CueMention) -> bool:
    """ "was built in Germany and delivered in 1981": a participle after "and" shares the passive auxiliary of
    the participle before it."""
    trig = tokens[lead.start]
    if not (trig.lower.endswith(("ed", "en", "nt", "ld", "ht", "wn")) or trig.lower in _SHORT_PARTICIPLES):
        return False
    if lead.start - 1 <= start or tokens[lead.start - 1].lower not in _AND_EN:
        return False
    for j in range(lead.start - 3, max(start - 1, lead.start - 10), -1):
        if tokens[j].lower in AUX_PASSIVE_EN:
            nxt = tokens[j + 1].lower
            return (
                nxt.endswith(("ed", "en", "nt", "ld", "lt", "ht", "wn"))
                or nxt in _SHORT_PARTICIPLES
                or nxt in IRREGULAR_PARTICIPLES
            )
    return False


def _follows_aux(tokens: list[Token], pos: int, end: int) -> bool:
    return pos < end and tokens[pos].lower in _AUX_AFTER_PARTICIPLE


def item_at(items: list[ItemMention], start: int) -> ItemMention | None:
    return next((it for it in items if it.start == start), None)
