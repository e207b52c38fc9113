"""Clause boundaries inside a sentence.

Roles and modality are read within a clause: "versorgt habe und sich
möglicherweise darauf vorbereite" holds two clauses, and the hedge of the
second must not weaken the first. A comma or a coordinator separates clauses
unless it only links items or actors of one list ("Drohnen, gelenkten
Fliegerbomben und Artilleriemunition", "Iran, Russia and Belarus").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from armsflow.lexicons import word_values, words
from armsflow.text.segment import Token, word_class

_HARD: Final = frozenset(";:–—()[]")
_COORD: Final = words("conj.clause")
_AND: Final = words("conj.and")
_NEG_PREFIXES: Final = words("prefix.negative-adjective")
_MEASURE_ATTRIBUTES: Final = words("participle.measure-attribute", "en")
_MEASURES: Final = words("noun.measure", "en")
_NOT_YET: Final = words("adverb.not-yet-after", "en")
_NEGATIONS: Final = words("negation.before-yet", "en")
_EN_COORD: Final = words("link.coordination", "en")
SUBORDINATORS: Final = words("conj.subordinating")


@dataclass(slots=True)
class _Scan:
    """What the boundary decisions read of a sentence: its tokens, the tokens inside mentions and inside actors,
    the trigger verbs and the parenthesised asides."""

    tokens: list[Token]
    listed: set[int]
    aside: set[int]
    actors: frozenset[int]
    verbs: frozenset[int]


def clause_ids(
    tokens: list[Token], listed: set[int], verbs: frozenset[int] = frozenset(), actors: frozenset[int] = frozenset()
) -> list[int]:
    """Clause index per token; ``listed`` holds indices of tokens inside mentions, ``actors`` those inside
    actor mentions.

    ``verbs`` holds indices of trigger verbs: an English "to" before one opens
    an infinitive clause ("asked South Korea | to supply shells").

    A boundary token belongs to the clause it opens.
    """
    ids: list[int] = []
    current = 0
    verb_seen = False
    n = len(tokens)
    maybe = _MAYBE_BOUNDARY_BIT
    focus = False  # "nicht nur … | sondern auch …": the clause goes on after the correlative
    aside = _asides(tokens, actors, verbs)
    scan = _Scan(tokens, listed, aside, actors, verbs)
    any_aside = bool(aside)  # most sentences have none: no set lookup per token then
    opens = zero_that_subjects(tokens, actors, verbs)
    is_verb = [False] * n  # (a list index per token instead of a set look-up)
    for v in verbs:
        if 0 <= v < n:
            is_verb[v] = True
    for i, tok in enumerate(tokens):
        word = tok.lower
        if opens and i in opens and ids and ids[-1] == current:
            # "Kirby said | Iran is getting …": a complement clause without "that"
            current += 1
            verb_seen = False
            focus = False
            ids.append(current)
            continue
        if any_aside and i in aside:  # "Deutschland (163 Millionen Franken), …": an aside within the clause
            ids.append(current)
            continue
        if not tok.classes & maybe:  # the common case: a word that never opens a clause
            ids.append(current)
            if is_verb[i] and _finite(tokens, i):
                verb_seen = True
            continue
        boundary = False
        nxt_word = tokens[i + 1].lower if i + 1 < n else ""
        if word in _FOCUS_NEGATION:
            focus = focus or nxt_word in _FOCUS_AFTER
            ids.append(current)
            continue
        if focus and (word in _CORRELATIVE_SECOND or word == "," and nxt_word in _CORRELATIVE_SECOND):
            focus = word == ","  # "…, sondern auch Raketen": the comma and "sondern" stay in the clause
            ids.append(current)
            continue
        if word in _HARD:
            boundary = True
        elif word == "-" and i > 1 and (tokens[i - 1].text == ")" or tokens[i - 2].text == ")") and i + 1 < n:
            boundary = True  # "Lima (dpa) - Frankreich …", "Brüssel (epo.de). - …": a dateline ends at its dash
        elif (
            word == "to"
            and i + 1 in verbs
            and tokens[i + 1].lowercase
            and (i == 0 or tokens[i - 1].lower not in ("is", "are", "was", "were"))  # "China is to deliver"
        ):
            boundary = True
        elif word in _EN_SPLITTERS and i > 0 and tokens[i].lowercase and tokens[i - 1].lower not in ("just", "shortly"):
            boundary = not (word in _PREPOSITION_TOO and _name_without_verb(tokens, i + 1, actors, verbs))
        elif word in _AS_WHILE and i > 0 and tok.lowercase and _name_then_past(tokens, i + 1, actors):
            boundary = True  # "signed a deal … as Macron held talks": a temporal clause with its own subject
        elif word in _SUBJECT_PRONOUNS_EN and i > 0 and tokens[i - 1].lower in _SAID and tok.lowercase:
            boundary = True  # "said it would impose sanctions": a reported clause without "that"
        elif word == ",":
            start = ids.index(current) if current in ids else 0
            boundary = _comma_boundary(scan, i, verb_seen, start)
        elif word in _COORD and i > 0 and i + 1 < n and not (word in _NOT_YET and tokens[i - 1].lower in _NEGATIONS):
            # ("has not yet delivered": "yet" after a negation is no conjunction)
            start = ids.index(current) if current in ids else 0
            boundary = _coordination_boundary(scan, i, verb_seen, start)
        if boundary and ids and ids[-1] == current and i > 0:
            current += 1
            verb_seen = False
            focus = False
        ids.append(current)
        if i in verbs and _finite(tokens, i):
            verb_seen = True
    return ids


def _comma_boundary(scan: _Scan, i: int, verb_seen: bool, clause_start: int) -> bool:
    """Whether the comma at i opens a clause: not inside a list of mentions (with its counts, articles and
    adjectives) or of an article's adjectives; yes before a name with its own finite verb, before an infinitive,
    and for ", and" with a new clause after a verb."""
    tokens, listed, aside, actors, verbs = scan.tokens, scan.listed, scan.aside, scan.actors, scan.verbs
    n = len(tokens)
    p = i - 1
    while p in aside:
        p -= 1
    prev_in = p >= 0 and p in listed
    nxt = tokens[i + 1].lower if i + 1 < n else ""
    # A list goes on with a mention or an adjective before one, not with an article.
    next_in = (
        (i + 1) in listed
        or (nxt not in _ARTICLES and nxt.isalpha() and (i + 2) in listed)
        or (nxt in _ARTICLES and _list_goes_on(tokens, i + 2, listed, aside))
        # "S-300 systems, 92 T-72B1 tanks and …": a count before the next goods goes on with the list
        or ((nxt[:1].isdigit() or nxt in _NUMBERS) and ((i + 2) in listed or (i + 3) in listed))
    )
    boundary = not (prev_in and next_in) or nxt in SUBORDINATORS
    if boundary and prev_in and _as_well_as(tokens, i + 1, listed, actors, p in actors, clause_start):
        boundary = False  # "tanks, as well as artillery ammunition": the list goes on
    if (
        boundary
        and p >= 1
        and tokens[p - 1].lower in _ARTICLES
        and _compound_adjective(tokens[p])
        and i + 1 < n
        and _compound_adjective(tokens[i + 1])
    ):
        # "the shore-based, anti-ship variant": a comma between an article's adjectives ends nothing
        boundary = False
    if not boundary and (i + 1) in listed:
        # "…, Minsk steuerte vier Kampfjets bei": after a clause with its verb, a name followed by its
        # own verb opens a clause
        j = i + 1
        while j < n and j in listed:
            j += 1
        boundary = verb_seen and j in verbs and tokens[j].lowercase
        if (
            not boundary
            and j < n
            and tokens[j].lowercase
            and _in_phrase_before(tokens, p, actors)
            and not any(k in verbs for k in range(clause_start, i))
        ):
            # "Thanks to a loan from Washington, Manila is buying …": a name in a fronted phrase without a
            # cue of its own ("Despite requests from Kyiv, Seoul …" stays one clause), then a name with its
            # own finite verb, the subject of the main clause
            boundary = tokens[j].lower in _FINITE_AFTER_NAME or (j in verbs and _finite(tokens, j))
    if not boundary and clause_start == 0 and (i + 1) in listed and _participle_opener(tokens):
        # "Barred access to US weapons, Cyprus turned to Russia", "Facing sanctions, Iran bought …": a fronted
        # participle phrase ends at its comma when a name with its own finite verb follows
        j = i + 1
        while j < n and j in listed:
            j += 1
        boundary = j < n and tokens[j].lowercase and _finite_after_name(tokens[j].lower, j in verbs, tokens, j)
    if not boundary and (i + 1) in listed:
        # "plant Südkorea, Polen weitere Panzer zu liefern": an infinitive clause opens after the
        # comma when "zu" follows the next mention with no "und" that would continue a list
        j = i + 1
        while j < n and j in listed:
            j += 1
        rest = [t.lower for t in tokens[j:]]
        if "zu" in rest and not any(w in _COORD or w == "," for w in rest[: rest.index("zu")]):
            boundary = True
    if not boundary and nxt in _COORD and (i + 2) in listed and (verb_seen or nxt not in _EN_COORD):
        # ", and Washington offered …" coordinates clauses, ", and Belarus" ends a list; before any verb
        # ("Niger, Togo, and Ethiopia have bought …") the serial comma ends a list of subjects
        j = i + 2
        while j < n and j in listed:
            j += 1
        boundary = j < n and _opens_clause(tokens[j]) and tokens[j].lowercase
        if not boundary and j + 1 < n and tokens[j].alphabetic and tokens[j].lowercase:
            # ", and Iranian officials rejected …": a name's people, then their own verb
            boundary = tokens[j + 1].lowercase and tokens[j + 1].lower.endswith("ed")
    return boundary


def _coordination_boundary(scan: _Scan, i: int, verb_seen: bool, clause_start: int) -> bool:
    """Whether "und"/"and"/"or" at i opens a clause: before a finite verb or a pronoun, not between two mentions;
    after a verb also before a second verb of trading, a short subject with its own auxiliary, or a name with its
    own verb."""
    tokens, listed, aside, actors, verbs = scan.tokens, scan.listed, scan.aside, scan.actors, scan.verbs
    n = len(tokens)
    word = tokens[i].lower
    p = i - 1
    while p in aside:
        p -= 1
    prev = tokens[p].text
    prev_in = p in listed or prev.endswith("-")
    next_in = any(j in listed for j in range(i + 1, min(i + 3, n)))
    boundary = _opens_clause(tokens[i + 1]) and (
        not (prev_in or next_in) or (i + 1 not in listed and tokens[i + 1].lower in _VERBISH)
    )  # "… an Russland und werde …": a finite verb after "und" opens a clause even after a name
    if boundary and _negated_pair(tokens[p], tokens[i + 1]):
        boundary = False  # "the direct or indirect supply", "legal and illegal exports": one phrase
    if boundary and tokens[i + 1].lower in _MEASURE_ATTRIBUTES and i + 2 < n and tokens[i + 2].lower in _MEASURES:
        boundary = False  # "the arms embargo and targeted sanctions on Eritrea": a participle describing measures
    if (
        not boundary
        and verb_seen
        and word in _AND
        and (i + 1) in verbs
        and (i + 1) not in listed
        and not any(
            tokens[k].lower in _PASSIVE_AUX for k in range(clause_start, i)
        )  # ("was built in Italy and delivered to Qatar": one passive subject, one clause)
        and tokens[i + 1].lowercase
        and (tokens[i + 1].lower.endswith("ed") or tokens[i + 1].lower in _VERBISH)
    ):
        # "Rabat bought Israel's Barak MX system and signed for Turkish drones": after a verb, "and" with a
        # second verb of trading opens a clause of its own even right after goods
        boundary = True
    if not boundary and verb_seen and word in _AND and tokens[i + 1].lower in _ARTICLES:
        # "shipped 133 tanks and the remaining 47 will be delivered": after a verb, "and" with an article,
        # a short noun phrase and a finite auxiliary opens a clause with its own tense
        boundary = _subject_then_finite(tokens, i + 2)
    if (
        not boundary
        and verb_seen
        and word in _AND
        and (tokens[i + 1].text.isdigit() or tokens[i + 1].lower in _NUMBERS)
    ):
        # "delivered six jets to Peru and two more are expected next year": a count and its own finite verb (not
        # "a dozen Rafales and two Gowind corvettes had been expected": goods after the count go on with the list)
        j = i + 2 if i + 2 < n and tokens[i + 2].lower in _MORE else i + 1
        boundary = j + 1 < n and tokens[j + 1].lower in _FINITE_AFTER_NAME and tokens[j + 1].lowercase
    if (
        not boundary
        and word in _AND
        and p in verbs
        and tokens[p].lowercase
        and _verb_final_after(scan, i)
        and not any(tokens[k].lower in _PASSIVE_AUX_DE for k in range(clause_start, i))
    ):
        # "haben der Ukraine Kampfjets zugesagt und die Ausbildung der Piloten übernommen": a German verb at the end
        # of its clause, "und", and a second clause that ends in a verb of its own, each with its own object (not
        # "wurde in Deutschland gebaut und an Ägypten übergeben": one passive subject, one clause)
        boundary = True
    if not boundary and verb_seen and word in _AND and (i + 1) in actors:
        # "Italy sold frigates to Egypt and Germany sold submarines to Israel": after a verb, "and" with
        # a name and then a verb of its own joins two clauses, not two names
        j = i + 1
        while j < n and j in actors:
            j += 1
        boundary = j < n and j in verbs and _finite(tokens, j)
    return boundary


def _verb_final_after(scan: _Scan, i: int) -> bool:
    """Does the stretch after "und" at i end in a verb of its own (lowercase, a cue verb) at the end of the sentence
    or before a comma, with a noun between ("und die Ausbildung der Piloten und des Personals übernommen")?"""
    tokens, verbs = scan.tokens, scan.verbs
    for j in range(i + 2, min(len(tokens), i + 12)):
        tok = tokens[j]
        if tok.text == ",":
            return False
        if j in verbs and tok.lowercase:
            return j + 1 >= len(tokens) or not tokens[j + 1].alphabetic
    return False


_EN_SPLITTERS: Final = words("conj.clause-splitter", "en")
_PREPOSITION_TOO: Final = words("conj.also-preposition", "en")


def _name_without_verb(tokens: list[Token], j: int, actors: frozenset[int], verbs: frozenset[int]) -> bool:
    """ "the third country after Peru to buy the radar": "after" with a name and no verb of the name's own is a
    preposition, and opens no clause."""
    n = len(tokens)
    if j >= n or j not in actors:
        return False
    while j < n and j in actors:
        j += 1
    if j >= n:
        return True
    nxt = tokens[j]
    return not (nxt.lower in _FINITE_AFTER_NAME or (j in verbs and _finite(tokens, j)) or nxt.lower.endswith("ed"))


REPORTING_ZERO_THAT: Final = words("verb.reporting-zero-that", "en")
_REPORTING_ZERO_THAT_BIT: Final = word_class(REPORTING_ZERO_THAT)
_FINITE_AFTER_NAME: Final = words("verb.finite-after-name", "en")
_ACTING_HEADS_EN: Final = words("noun.acting-head", "en")


def zero_that_subjects(tokens: list[Token], actors: frozenset[int], verbs: frozenset[int]) -> set[int]:
    """Starts of names that open a complement clause without "that": a reporting verb, the name (an article may
    stand before it), then the name's own finite verb ("Kirby said Iran is getting …", "believes Iran has sent");
    a state's adjective may stand for the name before a noun through which the state acts ("says the Israeli
    regime is exporting")."""
    found: set[int] = set()
    n = len(tokens)
    for i in range(1, n):
        if not tokens[i - 1].classes & _REPORTING_ZERO_THAT_BIT or not tokens[i - 1].lowercase:
            continue
        start = i
        if tokens[i].lower in _ARTICLES and i + 1 < n and i + 1 in actors:
            start = i + 1
        if start not in actors:
            continue
        j = start
        while j < n and j in actors:
            j += 1
        if j + 1 < n and tokens[j].lower in _ACTING_HEADS_EN:
            j += 1  # "says the Israeli government is exporting": the state's adjective, its government, the verb
        if (
            j < n
            and tokens[j].lowercase
            and (tokens[j].lower in _FINITE_AFTER_NAME or j in verbs and _finite(tokens, j))
        ):
            found.add(i)
    return found


_ARTICLES: Final = words("article.any")
_PREPOSITIONS: Final = words("prep.any")
_PRONOUNS: Final = words("pronoun.personal")
_VERBISH: Final = words("function.verb-like")
_PASSIVE_AUX: Final = words("aux.passive", "en")
_PASSIVE_AUX_DE: Final = words("aux.passive", "de")
_LIST_GOES_ON: Final = words("function.list-goes-on")
_ADJECTIVES_NOT_VERBS: Final = words("adj.not-a-verb", "de")
_NUMBERS: Final = frozenset(word_values("number.small"))
_MORE: Final = words("word.more-of-count", "en")


_FOCUS_NEGATION: Final = words("negation.focusable")
_FOCUS_AFTER: Final = words("adverb.not-only")
_CORRELATIVE_SECOND: Final = words("conj.correlative-second")


_SUBJECT_PRONOUNS_EN: Final = words("pronoun.subject", "en")
_SAID: Final = words("verb.say-past-short", "en")
_AS_WHILE: Final = words("conj.temporal-as", "en")
_MAYBE_BOUNDARY: Final = (
    _HARD | _EN_SPLITTERS | _COORD | _FOCUS_NEGATION | _SUBJECT_PRONOUNS_EN | _AS_WHILE | {"to", ",", "-"}
)
_MAYBE_BOUNDARY_BIT: Final = word_class(_MAYBE_BOUNDARY)


def _in_phrase_before(tokens: list[Token], p: int, actors: frozenset[int]) -> bool:
    """The name ending at ``p`` stands in a prepositional phrase ("a loan from Washington")."""
    if p not in actors:
        return False
    k = p
    while k - 1 in actors:
        k -= 1
    if k > 0 and tokens[k - 1].lower in _ARTICLES:
        k -= 1
    return k > 0 and tokens[k - 1].lower in _PREPOSITIONS


def _as_well_as(
    tokens: list[Token], k: int, listed: set[int], actors: frozenset[int], actor_before: bool, clause_start: int
) -> bool:
    """ "as well as", "ebenso wie" at ``k`` and, within the next six words, a mention of the same sort as the one
    before the comma (goods after goods, an actor after an actor), or goods when the clause named goods before
    ("sold drones to Peru, as well as rifles"): one more member of a list."""
    size = next((len(p) for p in _ONE_MORE_MEMBER if [t.lower for t in tokens[k : k + len(p)]] == p), 0)
    if not size:
        return False
    first = next((j for j in range(k + size, min(k + size + 6, len(tokens))) if j in listed), -1)
    if first < 0:
        return False
    if (first in actors) == actor_before:
        return True
    return first not in actors and any(j in listed and j not in actors for j in range(clause_start, k))


# (longest first: "as well as" before a shorter phrase it starts with)
_ONE_MORE_MEMBER: Final = sorted((p.split() for p in words("link.one-more-member")), key=len, reverse=True)


_PAST_IRREGULAR: Final = words("verb.past-irregular", "en")


def _name_then_past(tokens: list[Token], start: int, actors: frozenset[int]) -> bool:
    """A name (an actor mention or capitalised words) from ``start``, then a finite verb: an auxiliary, a past
    form in -ed or an irregular past ("as Macron held talks", "as the Kremlin was weighing …")."""
    j = start
    if j < len(tokens) and tokens[j].lower == "the":
        j += 1
    first = j
    while j < len(tokens) and (j in actors or tokens[j].capitalised) and j - first < 4:
        j += 1
    if j == first or j >= len(tokens) or not tokens[j].lowercase:
        return False
    word = tokens[j].lower
    return word in _FINITE_AFTER_NAME or word in _PAST_IRREGULAR or (word.endswith("ed") and len(word) > 4)


def _participle_opener(tokens: list[Token]) -> bool:
    """Whether the sentence opens with an English participle ("Barred access to …", "Facing sanctions …")."""
    first = tokens[0]
    return (
        len(tokens) > 2
        and first.capitalised
        and len(first.lower) > 4
        and first.lower.endswith(("ed", "ing"))
        and tokens[1].lowercase
    )


def _finite_after_name(word: str, trigger: bool, tokens: list[Token], j: int) -> bool:
    return (
        word in _FINITE_AFTER_NAME
        or word in _PAST_IRREGULAR
        or (word.endswith("ed") and len(word) > 4)
        or (trigger and _finite(tokens, j))
    )


def _subject_then_finite(tokens: list[Token], start: int) -> bool:
    """Up to three words of a noun phrase from ``start`` (after its article), then a finite auxiliary."""
    for j in range(start, min(start + 4, len(tokens))):
        word = tokens[j].lower
        if j > start and word in _FINITE_AFTER_NAME and tokens[j].lowercase:
            return True
        if not (word.isalnum() or "-" in word) or word in _COORD:
            return False
    return False


def _asides(tokens: list[Token], actors: frozenset[int], verbs: frozenset[int]) -> set[int]:
    """Parentheses holding no actor and no verb ("(163 Millionen Franken)", "(2023)", "(KNDS)" is an actor):
    asides that neither end a clause nor break a list."""
    aside: set[int] = set()
    i = 0
    n = len(tokens)
    while i < n:
        if tokens[i].text == "(":
            j = i + 1
            while j < n and j - i <= 12 and tokens[j].text not in ("(", ")"):
                j += 1
            if (
                j < n
                and tokens[j].text == ")"
                and (
                    _abbreviation_after_name(tokens, i, j)
                    or not any(k in actors or k in verbs for k in range(i + 1, j))
                )
            ):
                aside.update(range(i, j + 1))
                i = j
        i += 1
    return aside


def _abbreviation_after_name(tokens: list[Token], i: int, j: int) -> bool:
    """ "the China North Industries Corporation (NORINCO)": one upper-case word in parentheses right after a
    capitalised name abbreviates that name, even when it is an actor of its own; the clause goes on."""
    return j == i + 2 and abbreviation_at(tokens, i)


def abbreviation_at(tokens: list[Token], i: int) -> bool:
    """Does an abbreviation in parentheses, "( KA )", open at token i right after a capitalised name?"""
    if i == 0 or i + 2 >= len(tokens) or tokens[i].text != "(" or tokens[i + 2].text != ")":
        return False
    word = tokens[i + 1].text
    return 2 <= len(word) <= 8 and word.isupper() and word.isalpha() and tokens[i - 1].capitalised


def _negated_pair(first: Token, second: Token) -> bool:
    """ "direct or indirect", "formal and informal": a word and its negative-prefixed form, coordinated."""
    word = first.lower
    return first.lowercase and second.lowercase and any(second.lower == p + word for p in _NEG_PREFIXES)


def _compound_adjective(tok: Token) -> bool:
    """A lowercase hyphenated word such as "shore-based", "anti-ship", "long-range"."""
    parts = tok.text.split("-")
    return len(parts) > 1 and all(part.isalpha() and part.islower() for part in parts)


def _finite(tokens: list[Token], i: int) -> bool:
    """A verb, not a noun: lowercase and not after a determiner ("sold", "lieferte"; not "the sale", "Lieferung")."""
    return tokens[i].lowercase and (i == 0 or tokens[i - 1].lower not in _ARTICLES)


def _list_goes_on(tokens: list[Token], j: int, listed: set[int], aside: set[int] | None = None) -> bool:
    """ "The United States, the European Union and Japan": an article starts a list member
    when a mention follows and the list continues after it (an aside may stand between: "(102 Mio. Franken)")."""
    if j not in listed:
        return False
    while j < len(tokens) and (j in listed or aside is not None and j in aside):
        j += 1
    return j < len(tokens) and tokens[j].lower in _LIST_GOES_ON


def _opens_clause(tok: Token) -> bool:
    """After "und"/"and": does a new clause start here rather than a second noun phrase?"""
    word = tok.lower
    if word in _PRONOUNS:
        return True
    if tok.capitalised or word in _ARTICLES or not word.isalpha() or word in _NUMBERS:
        return False  # ("und acht zweisitzige Gripen": a number starts a noun phrase)
    if word in _VERBISH or word.endswith("ed"):
        return True
    # German nouns are capitalised, so a lowercase word here is a verb, adverb or reflexive.
    return (
        not word.isascii()
        or word.endswith(("en", "te", "st", "t", "sich"))
        and len(word) > 2
        and word not in _ADJECTIVES_NOT_VERBS
    )


def is_infinitive(tokens: list[Token], start: int, end: int, lang: str) -> bool:
    """Does the clause tokens[start:end] read as an infinitive clause (zu/to + verb)?"""
    for i in range(start, end):
        word = tokens[i].lower
        if "zu" not in word and word != "to":
            continue
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if lang == "de" and word == "zu" and nxt.isalpha() and nxt.endswith(("en", "ern", "eln")):
            return True
        if lang == "en" and word == "to" and i in (start, start + 1) and nxt.isalpha() and tokens[i + 1].lowercase:
            return True
        if lang == "de" and "zu" in word[2:-2] and word.endswith(("en", "rn", "ln")) and tokens[i].lowercase:
            # anzuwenden, bereitzustellen, auszuliefern: the zu sits inside the verb
            stem = word.replace("zu", "", 1)
            if len(stem) > 5 and stem != word and word.index("zu") <= 6:
                return True
    return False
