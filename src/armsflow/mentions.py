"""Lexicon matching: actor, item, designation, quantity and cue spans.

Each sentence is matched against the bundled lexicons once. Grammar that the
frame builder needs later is attached here, at the mention: the preposition
and article that govern an actor (case and role in German and English), the
origin adjective of an item ("russische Ausbilder"), the number in front of
an item, and German compounds resolved by their head.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from armsflow.lexicons import (
    ActorEntry,
    DesignationEntry,
    Lexicon,
    designation_key,
    form_tokens,
    kind_group,
    word_list,
    word_stems,
    word_values,
    words,
)
from armsflow.text.clauses import abbreviation_at
from armsflow.text.lemma import lemmatize
from armsflow.text.segment import Sentence, Token
from armsflow.text.verbforms import english_verb_candidates, german_verb_candidates

ARTICLES: Final = words("determiner.before-actor")
_DATE_WORDS: Final = words("noun.month") | words("noun.weekday")
PREPOSITIONS: Final = words("prep.any")
_EN_ARTICLES: Final = words("article.any", "en")
_SKIP_BEFORE_ACTOR: Final = words("function.skipped-before-actor")
_GENITIVE_ARTICLES: Final = words("article.genitive-apposition", "de")
_TYPE_WORDS: Final = words("noun.type")
_DESIGNATION_HEAD: Final = words("noun.designation-head", "en")
_INSTITUTION_HEADS: Final = words("noun.institution-head", "en")
_CREW_HEADS: Final = words("noun.crew-head", "en")
_COMPOUND_HEAD_AFTER_CUE: Final = words("noun.compound-head-after-cue", "en")
_CLASS_LINKS: Final = words("article.class-link")
_DESIGNATION_SHAPE: Final = re.compile(r"^(?:[A-Z][A-Za-z]*-?\d[\w-]*|\d{2,4}[A-Z]{1,3}\d?|[A-Z]{2,}\d*)$")
_LETTER_VARIANT: Final = re.compile(r"^(?:[A-Z]{1,2}\d{0,2}|[A-Z]/[A-Z])$")
_CLASS_NAME: Final = re.compile(r"^([A-Z][\w]+)-(?:class|Klasse)$")
_VARIANT: Final = re.compile(r"^(\d+)[A-Z]{1,2}\d{0,2}$")
_YEAR: Final = re.compile(r"^(19|20)\d\d$")
_MONEY_AFTER: Final = words("unit.not-a-count")
_WORTH: Final = words("unit.worth")
_QUANT_SKIP: Final = words("function.skipped-before-quantity")
_NOUNY_PREFIX_MIN: Final = 3


# The hot mention classes write their constructors out (``init=False``): compiled, a dataclass's generated
# ``__init__`` runs as interpreted Python behind a keyword dictionary; these compile to plain field stores.


@dataclass(slots=True, init=False)
class ActorMention:
    start: int  # token index
    end: int  # exclusive
    id: str
    kind: str  # name, adj, capital, person, ...
    prep: str | None  # governing preposition, lowercased
    article: str | None  # determiner in front, lowercased
    text: str
    genitive: bool
    reading: str  # the rule that gave the mention its place in the clause, when one did ("" otherwise)

    def __init__(
        self,
        start: int,
        end: int,
        id: str,
        kind: str,
        prep: str | None,
        article: str | None,
        text: str,
        genitive: bool = False,
        reading: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.id = id
        self.kind = kind
        self.prep = prep
        self.article = article
        self.text = text
        self.genitive = genitive
        self.reading = reading


@dataclass(slots=True, init=False)
class ItemMention:
    start: int
    end: int
    category: str | None  # None: a carrier noun or missile word to resolve later
    designation: str | None
    quantity: int | None
    origin: str | None  # actor id of an origin adjective
    producer: str | None
    text: str
    carrier: str | None  # "carrier" or "missile" for words that stand for a named item
    categories: list[str]
    part: int | None  # "the first 24 of 96 helicopters": 24 of the quantity handed over so far
    reading: str | None  # the rule that read the category from the words around the goods (item.calibre-artillery)

    def __init__(
        self,
        start: int,
        end: int,
        category: str | None,
        designation: str | None = None,
        quantity: int | None = None,
        origin: str | None = None,
        producer: str | None = None,
        text: str = "",
        carrier: str | None = None,
        categories: list[str] | None = None,
        part: int | None = None,
        reading: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.category = category
        self.designation = designation
        self.quantity = quantity
        self.origin = origin
        self.producer = producer
        self.text = text
        self.carrier = carrier
        self.categories = [] if categories is None else categories
        self.part = part
        self.reading = reading


def meets(kinds: frozenset[str], group: frozenset[str]) -> bool:
    """Does a cue's ``kinds`` hold a kind of ``group``? (``not kinds.isdisjoint(group)``.)

    Compiled, ``isdisjoint`` is a generic method call (about 500 instructions, asked half a million times in
    a 3 MB run), and iterating the kinds allocates an iterator; the answer is memoised per group and kind
    set instead (the lexicon has a few hundred kind sets, each one shared object: see :func:`kind_set`, so
    the look-ups stop at the identity test). ``group`` is meant to be a module constant (a kind group); a set
    built per call still gets the right answer, and the memo stays bounded.
    """
    known = _MEETS.get(group)
    if known is None:
        if len(_MEETS) > 1_000:  # (the rules pass a few dozen constant groups)
            _MEETS.clear()
        known = _MEETS[group] = {}
    answer = known.get(kinds)
    if answer is None:
        if len(known) > 10_000:  # (bounded, though kind sets are few)
            known.clear()
        answer = known[kinds] = not kinds.isdisjoint(group)
    return answer


_MEETS: Final[dict[frozenset[str], dict[frozenset[str], bool]]] = {}


@dataclass(slots=True, init=False)
class CueMention:
    start: int
    end: int
    kinds: frozenset[str]
    lemma: str

    def __init__(self, start: int, end: int, kinds: frozenset[str], lemma: str) -> None:
        self.start = start
        self.end = end
        self.kinds = kinds
        self.lemma = lemma


@dataclass(slots=True, init=False)
class Mentions:
    actors: list[ActorMention]
    items: list[ItemMention]
    cues: list[CueMention]
    # tokens of goods named as a threat defended against ("vor Flugzeugen, Drohnen und Marschflugkörpern") or as
    # what other goods are for ("Granaten für die Haubitze K9, Ersatzteile und …"): no goods, but the members of
    # a list all the same, for the clause boundaries
    threats: list[int]

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(
        self,
        actors: list[ActorMention],
        items: list[ItemMention],
        cues: list[CueMention],
        threats: list[int] | None = None,
    ) -> None:
        self.actors = actors
        self.items = items
        self.cues = cues
        self.threats = threats if threats is not None else []


# --------------------------------------------------------------------------- actors


def find_actors(tokens: list[Token], lex: Lexicon) -> list[ActorMention]:
    found: list[ActorMention] = []
    classified: dict[int, int] = {}
    i = 0
    n = len(tokens)
    english = lex.lang == "en"
    memo = _ACTOR_START_MEMO.setdefault(lex.lang, {})
    while i < n:
        hit = _actor_at(tokens, i, lex, memo)
        if hit is None:
            i += 1
            continue
        size, entry = hit
        if english and i > 0 and _ends_region_name(tokens, i, size):
            # "Latin American states", "the Central American nation": a region's adjective names no state
            # (rule grammar.en.region-adjective-no-state)
            _reject("grammar.en.region-adjective-no-state", f"{tokens[i - 1].text} {tokens[i].text}: a region")
            i += size
            continue
        if i == 0 and _dateline_place(tokens, size, entry):
            # "LUXEMBURG ap ■ Die EU hat …", "VIENNA (AP) — …": the place a report was filed from
            _reject("filter.dateline-place", f"{tokens[0].text!r} heads the report as its dateline")
            i += size
            continue
        if not english and _truncated_before_other_noun(tokens, i + size - 1, lex, memo):
            # "des baltischen EU- und Nato-Landes": "EU-" is the first part of "EU-Landes", a member state
            # referred to, as the completed compound shows by naming no actor itself
            _reject("grammar.de.truncated-compound-no-actor", f"{tokens[i].text} … {tokens[i + size + 1].text}")
            i += size
            continue
        if english and _member_reference(tokens, i, size):
            # "ordered by the NATO member", "the EU country": a member state referred to, not the organisation
            # (the reference is a country_ref cue of its own)
            i += size
            continue
        if english and _classifies_next_name(tokens, i + size):
            # "the NATO country France", "NATO member Turkey", "Kremlin ally Belarus": the first name only
            # classifies the state named after it, which takes the phrase's preposition
            classified[i + size + 1] = i
            i += size
            continue
        start = i
        if english and i > 1 and tokens[i - 1].lower in _OF_OR_THE:
            title = _state_title_before(tokens, i)
            if title is not None:
                start = title  # "to the Republic of Fiji": one name from its title, which the preposition governs
        prep, article = _governor(tokens, classified.get(start, start), lex)
        if english and prep in _EN_ARTICLES:
            # "an Israeli company": the German preposition "an" is an English article, and the preposition
            # before it governs the actor as it does before "the" ("from an Israeli company")
            article = article or prep
            prep = _before_article(tokens, classified.get(i, i), prep)
        if english and prep == "to" and _condition_before_to(tokens, start):
            # "is subject to U.S. approval": the name only says whose approval; nothing goes to it
            _reject("grammar.en.subject-to-names-no-recipient", f"{tokens[start].text}: a condition, not a recipient")
            prep = "subject to"
        text = " ".join(t.text for t in tokens[i : i + size])
        genitive = entry.kind.endswith("-gen") or article == "des" or prep == "gen" or text.endswith(("'s", "’s"))
        if (
            genitive
            and english
            and (_institution_follows(tokens, i + size) or _clause_initial(tokens, i) or prep is not None)
        ):
            # "Iran's Revolutionary Guards", "to Russia's Kursk region": the state itself has the role
            genitive = False  # "Iran's Revolutionary Guards", "Czechia's initiative has supplied": the state acts
        elif genitive and not english and prep is None and article is None and _body_follows_de(tokens, i + size):
            genitive = False  # "Frankreichs Regierung liefert", "Perus Verteidigungsminister unterzeichnete": the same
        if prep == "gen":
            prep = None
        found.append(ActorMention(start, i + size, entry.id, entry.kind, prep, article, text, genitive))
        i += size
    if english:
        found = _nation_before_service(found)
        found = _nation_before_firm(tokens, found)
    found = [a for a in found if not _names_a_paper(tokens, a)]
    return _drop_repeated_abbreviations(tokens, _titles_of_named_states(tokens, found))


def _titles_of_named_states(tokens: list[Token], found: list[ActorMention]) -> list[ActorMention]:
    """ "Libyens Revolutionsführer", "der österreichische Bundeskanzler", "Libya's Supreme Leader": a title the
    lexicon gives one state, right after another state's adjective or genitive, is that state's office (rule
    grammar.title-of-named-state)."""
    out: list[ActorMention] = []
    for a in found:
        b = out[-1] if out else None
        if (
            a.kind == "title"
            and b is not None
            and b.end == a.start
            and b.id != a.id
            and (b.kind in _STATE_OWNER_KINDS or b.genitive)
        ):
            text = " ".join(t.text for t in tokens[b.start : a.end])
            out[-1] = ActorMention(
                b.start, a.end, b.id, "title", b.prep, b.article, text, reading="grammar.title-of-named-state"
            )
            continue
        out.append(a)
    return out


_STATE_OWNER_KINDS: Final = frozenset({"adj", "adj-gen", "name-gen", "capital-gen"})


_PAPER_HEADS: Final = words("noun.newspaper-title-head")
_DATELINE_MARKS: Final = words("punct.dateline-separator")
_AGENCIES: Final = words("noun.lowercase-agency")


def _reject(rule_id: str, what: str) -> None:
    """Log a mention a rule dropped for ``armsflow explain`` (imported here: armsflow.frame imports this module)."""
    from armsflow.frame import reject

    reject(rule_id, what)


def _ends_region_name(tokens: list[Token], i: int, size: int) -> bool:
    """Does the name at i end a region's adjective with the word before it ("Latin American", "Central
    American", "South American")?"""
    name = " ".join(t.lower for t in tokens[i - 1 : i + size])
    return name in _REGION_ADJECTIVES


def _dateline_place(tokens: list[Token], size: int, entry: ActorEntry) -> bool:
    """A name set in capitals that opens the sentence, where the lexicon writes it otherwise, followed by a
    dateline's separator or a news agency's short name ("LUXEMBURG ap ■ …", "LISBON (Reuters) – …",
    "MOSKAU – …"): the place the report was filed from, no party (rule filter.dateline-place)."""
    head = tokens[0].text
    if size != 1 or not _shouted(head) or entry.id == head or size >= len(tokens):
        return False
    k = size
    if tokens[k].text == "(" and k + 1 < len(tokens):
        k += 1
    nxt = tokens[k]
    return nxt.text in _DATELINE_MARKS or nxt.lower in _AGENCIES


def _names_a_paper(tokens: list[Token], actor: ActorMention) -> bool:
    """ "der „Kyiv Post“", "the Tehran Times", "the Jerusalem Post": a city's name before the head of a newspaper's
    title names the paper, not the state."""
    return (
        actor.kind == "capital"
        and actor.end < len(tokens)
        and tokens[actor.end].capitalised
        and tokens[actor.end].text in _PAPER_HEADS
    )


_FIRM_CLASSIFIERS: Final = words("noun.firm-classifier", "en")


def _nation_before_firm(tokens: list[Token], found: list[ActorMention]) -> list[ActorMention]:
    """ "with US manufacturer Lockheed Martin", "from South Korean firm Hyundai Rotem", "with South Korea's Hyundai
    Rotem": after a preposition, a state that only classifies the firm named right after it (the same state) is
    no party of its own; the firm takes the phrase's preposition."""
    out: list[ActorMention] = []
    for actor in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.prep is not None  # (a subject keeps both: grammar.en.possessive-owns-the-name)
            and before.id == actor.id
            and before.kind != "org"
            and actor.kind.startswith("org")
        ):
            gap = tokens[before.end : actor.start]
            classifies = (
                (before.kind == "adj" or before.kind.startswith("name"))
                and 1 <= len(gap) <= 2
                and all(t.lowercase and t.lower in _FIRM_CLASSIFIERS for t in gap)
            )
            owns = not gap and (before.genitive or before.text.endswith(("'s", "’s")))
            if classifies or owns:
                out[-1] = ActorMention(
                    before.start,
                    actor.end,
                    actor.id,
                    actor.kind,
                    before.prep,
                    before.article,
                    actor.text,
                    actor.genitive,
                )
                continue
        out.append(actor)
    return out


def _drop_repeated_abbreviations(tokens: list[Token], found: list[ActorMention]) -> list[ActorMention]:
    """ "the Rapid Support Forces (RSF)", "der Konzern Krauss-Maffei Wegmann (KMW)": an abbreviation in parentheses
    of the name right before repeats it; it is no second actor of the clause (a bare name would read as another
    subject or object)."""
    if len(found) < 2:
        return found
    out = [found[0]]
    for actor in found[1:]:
        before = out[-1]
        if actor.id == before.id and actor.start == before.end + 1 and abbreviation_at(tokens, before.end):
            continue
        out.append(actor)
    return out


_SERVICES_WITHOUT_NATION: Final = words("actor.service-without-nation", "en")


def _nation_before_service(found: list[ActorMention]) -> list[ActorMention]:
    """ "the Saudi Royal Navy", "the Omani Royal Air Force": a service whose name carries no nation belongs to
    the nation of the adjective right before it, not to the state the bare name means ("Royal Navy": Britain)."""
    out: list[ActorMention] = []
    for actor in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.end == actor.start
            and before.kind == "adj"
            and before.id != actor.id
            and actor.text.lower().removesuffix("'s").removesuffix("’s") in _SERVICES_WITHOUT_NATION
        ):
            text = f"{before.text} {actor.text}"
            out[-1] = ActorMention(
                before.start, actor.end, before.id, actor.kind, before.prep, before.article, text, actor.genitive
            )
            continue
        out.append(actor)
    return out


def _actor_at(tokens: list[Token], i: int, lex: Lexicon, memo: dict[str, bool]) -> tuple[int, ActorEntry] | None:
    """The longest actor name starting at token i (its possessive, a hyphenated compound, a name set in capitals,
    a name inside a compound word), as (tokens, entry); None when no actor starts there."""
    n = len(tokens)
    hit = None
    text = tokens[i].text
    may_start = memo.get(text)
    if may_start is None:
        may_start = _memoised(memo, text, lambda text=text: _may_start_actor(text, lex))
    if not may_start:
        return None  # (most words: the lexicon, an interpreted object, is read only past this point)
    starts = lex.actor_starts
    pairs = lex.actor_pairs
    names = lex.actors
    longest = starts.get(text, 1)
    if longest > 1 and i + 1 < n:
        second = tokens[i + 1].text
        if (
            (text, second) not in pairs
            and (text, second[:-2]) not in pairs
            and (text, second.split("-", 1)[0]) not in pairs
        ):
            longest = 1  # "The", "von": many names start so, few with this next word ("Martin's": possessive)
    # (the texts gathered once; a tuple built from a generator per length is a generic iteration)
    texts = [t.text for t in tokens[i : i + longest]] if longest > 1 else []
    for size in range(min(longest, n - i), 0, -1):
        key = (text,) if size == 1 else tuple(texts[:size])
        entry = names.get(key)
        if entry is None and size > 1 and key[-1].endswith(("'s", "’s")):
            # "Lockheed Martin's F-16": the possessive of a multi-word name
            entry = names.get(key[:-1] + (key[-1][:-2],))
            if entry is not None:
                entry = ActorEntry(entry.id, entry.kind if entry.kind.endswith("-gen") else entry.kind + "-gen")
        if entry is None and size > 1 and "-" in key[-1][1:]:
            entry = _multiword_compound_actor(key, lex)  # "Hong Kong-based", "South Korean-made"
        if entry is not None:
            hit = (size, entry)
            break
    if hit is None and _shouted(text):
        entry = names.get((text.capitalize(),))
        if entry is not None and entry.kind in _SHOUTED_KINDS:
            hit = (1, entry)  # "the French shipyard PIRIOU": the name set in capitals
    if hit is None and text.endswith(("'s", "’s")):
        entry = names.get((text[:-2],))  # "Belarus's", "Russia's" where only the name is listed
        if entry is not None:
            hit = (1, ActorEntry(entry.id, entry.kind + "-gen" if not entry.kind.endswith("-gen") else entry.kind))
    if hit is None and not tokens[i].lower.endswith(_FLAGGED):  # "Belize-flagged": a ship's registry, no party
        entry = _actor_in_compound(tokens[i].text, lex)
        if entry is not None:
            if tokens[i].lower.endswith(_MADE):
                entry = ActorEntry(entry.id, "adj")  # "US-made", "russisch-gebaute": an origin
            hit = (1, entry)
    return hit


_OF_OR_THE: Final = frozenset({"of"}) | words("article.definite-short", "en")


_ACTOR_START_MEMO: Final[dict[str, dict[str, bool]]] = {}


def _before_article(tokens: list[Token], i: int, article: str) -> str | None:
    """The preposition before the English article ``article`` right before token i ("from" in "from an
    Israeli firm"), or None ("bought an Israeli system")."""
    if i < 2 or tokens[i - 1].lower != article:
        return None
    prep, _ = _direct_governor(tokens, i - 1)
    return None if prep in _EN_ARTICLES else prep


_MEMBER_CLASSIFIERS: Final = words("noun.member-classifier", "en")
_THE_EN: Final = words("article.definite-short", "en")


def _truncated_before_other_noun(tokens: list[Token], last: int, lex: Lexicon, memo: dict) -> bool:
    """A name cut off by a hyphen before a coordinator ("EU- und Nato-Landes", "US- oder EU-Sanktionen") is the first
    part of a compound whose head comes with the next one; it names an actor only where that compound does
    ("EU-Sanktionen" does, "Nato-Landes" does not)."""
    n = len(tokens)
    if not tokens[last].text.endswith("-") or last + 2 >= n or tokens[last + 1].lower not in _COORDINATORS:
        return False
    completing = tokens[last + 2]
    if "-" not in completing.text[1:] or not completing.text[:1].isalpha():
        return False
    return _actor_at(tokens, last + 2, lex, memo) is None


def _condition_before_to(tokens: list[Token], start: int) -> bool:
    """ "subject to U.S. approval", "pending Congress's approval": "to" after a word of condition."""
    k = start - 1
    while k > 0 and tokens[k].lower in _EN_ARTICLES_OR_TO:
        k -= 1
    return k >= 0 and tokens[k].lower in _CONDITION_WORDS


_EN_ARTICLES_OR_TO: Final = frozenset({"to", "the", "a", "an"})
_CONDITION_WORDS: Final = words("word.condition-before-to", "en")


def _member_reference(tokens: list[Token], i: int, size: int) -> bool:
    """ "the NATO member", "the EU country" with no name after: a member state referred to."""
    k = i + size
    return (
        i > 0
        and tokens[i - 1].lower in _THE_EN
        and tokens[i].text.isupper()
        and k < len(tokens)
        and tokens[k].lower in _MEMBER_CLASSIFIERS
        and tokens[k].lowercase
        and not (k + 1 < len(tokens) and tokens[k + 1].capitalised and tokens[k + 1].letter_first)
    )


def _classifies_next_name(tokens: list[Token], k: int) -> bool:
    """A classifying noun right after a name, then a capitalised name ("NATO country France")."""
    return (
        k + 1 < len(tokens)
        and tokens[k].lower in _MEMBER_CLASSIFIERS
        and tokens[k].lowercase
        and tokens[k + 1].capitalised
        and tokens[k + 1].letter_first
    )


_MEMBERS: Final = words("noun.members", "de")
_MEMBER_NOUNS_EN: Final = words("noun.members", "en")
_ORGANISATIONS: Final = words("actor.organisation-of-states")
_AND_OR: Final = words("conj.and-or", "en")
_CURRENCIES: Final = words("noun.currency")
_MEMBERSHIP_EVENTS: Final = words("noun.membership-event", "de")


def _may_start_actor(text: str, lex: Lexicon) -> bool:
    """Whether an actor can begin with this word; most words cannot, and the answer is memoised."""
    if text in lex.actor_starts:
        return True
    if text.endswith(("'s", "’s")) and (text[:-2],) in lex.actors:
        return True
    if _shouted(text) and (text.capitalize(),) in lex.actors:
        return True  # "PIRIOU", "RUSSIA": a name set in capitals
    return _actor_in_compound(text, lex) is not None


def _shouted(text: str) -> bool:
    """A word of four or more letters set all in capitals ("PIRIOU"), which may be a name written so."""
    return len(text) >= 4 and text.isalpha() and text.isupper()


_SHOUTED_KINDS: Final = frozenset({"org", "name"})


_MADE: Final = tuple("-" + w for w in word_stems("participle.made-suffix"))
_FLAGGED: Final = tuple("-" + w for w in word_stems("participle.registry-suffix"))


def _clause_initial(tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    return not prev.text[:1].isalnum() or prev.lower in _CLAUSE_OPENERS_EN or prev.text.isdigit()


_CLAUSE_OPENERS_EN: Final = words("function.before-clause-initial-actor", "en")
_STATE_BODIES_EN: Final = words("noun.state-body", "en")


def _body_follows_de(tokens: list[Token], j: int) -> bool:
    """Does a body through which a state acts follow a German genitive name at once ("Frankreichs Regierung",
    "Perus Verteidigungsminister", "Chinas Staatsführung")?"""
    if j >= len(tokens) or not tokens[j].capitalised:
        return False
    word = tokens[j].lower
    return word in INSTITUTIONS or word.endswith(_STATE_BODY_ENDS)


_STATE_BODY_ENDS: Final = word_stems("stem.state-body-end")


def _institution_follows(tokens: list[Token], j: int) -> bool:
    for tok in tokens[j : j + 4]:
        if tok.lower in INSTITUTIONS or tok.lower in _STATE_BODIES_EN:
            return True
        if not tok.alphabetic:
            return False
    return False


_COMPOUND_MEMO: Final[dict[tuple[str, str], object]] = {}


def _memoised(memo: dict, key: object, compute):
    """A per-word result kept across documents; the memo is emptied when it grows past a bound."""
    if key in memo:
        return memo[key]
    if len(memo) > 200_000:
        memo.clear()
    value = memo[key] = compute()
    return value


def _multiword_compound_actor(key: tuple[str, ...], lex: Lexicon):
    """ "Hong Kong-based", "New Delhi-based": a multi-word name as the first part of a hyphenated compound
    counts as the single-word compounds do ("UAE-based")."""
    head, rest = key[-1].split("-", 1)
    if not head or not rest or "-" in rest:
        return None
    if rest.lower() in _MEMBERS or rest.lower() in _CURRENCIES or rest.lower() in _MEMBERSHIP_EVENTS:
        return None
    entry = lex.actors.get(key[:-1] + (head,))
    if entry is None:
        return None
    if ("-" + rest.lower()).endswith(_MADE):
        return ActorEntry(entry.id, "adj")
    return entry if entry.kind not in ("adj", "demonym") else None


_STANDARD_SUFFIXES: Final = words("suffix.standard-not-origin")


def _actor_in_compound(word: str, lex: Lexicon):
    """ "US-Beamte", "EU-Sanktionen", "Kremlsprecher": an actor as first part (memoised)."""
    return _memoised(_COMPOUND_MEMO, (lex.lang, word), lambda: _compound_actor(word, lex))


def _compound_actor(word: str, lex: Lexicon):
    if word.lower().startswith(("ex-", "ehemals-")) and word.count("-") == 1:
        entry = lex.actors.get(form_tokens(word.split("-", 1)[1]))
        if entry is not None and entry.kind in ("adj", "demonym"):
            return ActorEntry(entry.id, "adj")  # "24 ex-Danish F-16s": the former owner's goods
    if "-" in word:
        parts = word.split("-")
        if parts[-1].lower() in _MEMBERS:
            return None  # "EU-Staaten", "Nato-Partner": some members, not the organisation itself
        if parts[-1].lower() in _CURRENCIES:
            return None  # "3,6 Milliarden US-Dollar": a currency, no actor
        if parts[-1].lower() in _MEMBERSHIP_EVENTS:
            return None  # "zum NATO-Beitritt Schwedens": someone's accession, the organisation does not act
        if parts[-1].lower() in _STANDARD_SUFFIXES:
            return None  # "the NATO-configured A-29N", "NATO-Standard": built to a standard, not from there
        for size in range(len(parts) - 1, 0, -1):
            entry = lex.actors.get(form_tokens("-".join(parts[:size])))
            if entry is not None and (entry.kind not in ("adj", "demonym") or word.lower().endswith(_MADE)):
                return entry  # "US-Beamte", "Chinese-made"
        return None
    if lex.lang == "de" and word[:1].isupper() and len(word) > 7:
        for cut in range(len(word) - 4, 3, -1):
            entry = lex.compound_prefixes.get(word[:cut])
            if entry is not None and entry.kind in ("metonym", "title") and word[cut:].islower():
                return entry
    return None


INSTITUTIONS: Final = words("noun.institution")


_ARTICLE_OR_SKIP: Final = ARTICLES | _SKIP_BEFORE_ACTOR


def governor(tokens: list[Token], i: int) -> tuple[str | None, str | None]:
    """Preposition and article that govern a word taken as an actor (a pronoun standing for a state)."""
    return _direct_governor(tokens, i)


def _governor(tokens: list[Token], i: int, lex: Lexicon | None = None) -> tuple[str | None, str | None]:
    """Preposition and article that govern the actor at token i.

    A genitive attribute ("aus Beständen der Bundeswehr") and a seat
    ("die Regierung in Baku") take the role of the noun they hang on.
    """
    prep, article = _direct_governor(tokens, i, name=True)
    j = i - 1
    while (
        j >= 0
        and tokens[j].lower in _ARTICLE_OR_SKIP
        or (j >= 0 and tokens[j].lowercase and tokens[j].lower.endswith(("en", "er", "e")) and j == i - 1)
    ):
        j -= 1
    head = tokens[j] if j >= 0 else None
    if (
        prep is None
        and article is None
        and i > 0
        and lex is not None
        and _s_genitive(tokens, i, lex)
        and tokens[i - 1].capitalised
        and tokens[i - 1].alphabetic
        and i - 1 > 0
    ):
        # "an die Streitkräfte Indonesiens": the genitive names whose forces they are
        outer, outer_article = _direct_governor(tokens, i - 1)
        return (outer or "gen"), outer_article
    if (
        head is not None
        and j < i - 1
        and article in ("der", "des")
        and prep is None
        and head.capitalised
        and head.alphabetic
        and j > 0
        and not (lex is not None and _names_actor(tokens, j, lex))
    ):
        outer, outer_article = _direct_governor(tokens, j)
        return (outer or "gen"), outer_article or article
    if prep in _FIRM_SEAT_PREPS and lex is not None:
        seated = _seated_firms(tokens, i, prep, lex.lang)
        if seated is not None:
            # "Companies in China supplied …", "Firmen aus China lieferten …", "to firms based in the UAE": the
            # firms' state takes their place in the clause
            return _direct_governor(tokens, seated)
    if prep in _SEAT_PREPS:
        k = i - 1
        while k >= 0 and tokens[k].lower not in _SEAT_PREPS:
            k -= 1
        if (
            k > 0
            and (tokens[k - 1].lower in INSTITUTIONS or tokens[k - 1].lower.endswith(_INSTITUTION_ENDS))
            and not (k > 1 and lex is not None and (tokens[k - 2].text,) in lex.actors)
        ):
            return _direct_governor(tokens, k - 1)
    return prep, article


def _state_title_before(tokens: list[Token], i: int) -> int | None:
    """Where the title of a state's official name begins when the name at i follows it ("the People's Republic
    of Bangladesh", "the Republic of the Philippines"): capitalised words before the title belong to it."""
    j = i - 1
    if j > 0 and tokens[j].lower in _THE_EN:
        j -= 1
    if j < 1 or tokens[j].lower != "of" or not tokens[j - 1].capitalised or tokens[j - 1].lower not in _STATE_TITLES:
        return None
    start = j - 1
    while start > 0 and j - start < 4 and tokens[start - 1].capitalised and tokens[start - 1].lower not in _THE_EN:
        start -= 1
    return start


_STATE_TITLES: Final = words("noun.state-title", "en")


def _seated_firms(tokens: list[Token], i: int, prep: str, lang: str) -> int | None:
    """The noun of firms right before the preposition that names their state (past "based"), or None."""
    k = i - 1
    while k > 0 and tokens[k].lower != prep and i - k <= 2:
        k -= 1
    if k <= 0 or tokens[k].lower != prep:
        return None
    h = k - 1
    if tokens[h].lower in _BASED and h > 0:
        h -= 1
    return h if tokens[h].lower in _FIRMS[lang] else None


_FIRM_SEAT_PREPS: Final = words("prep.firm-seat")
_FIRMS: Final = {lang: words("noun.firms-seated", lang) for lang in ("de", "en")}
_BASED: Final = words("participle.based-in")
_INSTITUTION_ENDS: Final = word_stems("stem.institution-end")
_SEAT_PREPS: Final = words("prep.seat")


def _s_genitive(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    entry = lex.actors.get((tokens[i].text,))
    return entry is not None and entry.kind in ("name-gen", "capital-gen") and lex.lang == "de"


def _names_actor(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Is token j (part of) an actor name? Then "Moskau der Armee" is no genitive attribute."""
    if tokens[j].text not in lex.actor_words:
        return False  # (most words are in no actor's name: the spans around them are not built)
    for size in range(1, lex.actor_max + 1):
        for start in range(max(0, j - size + 1), j + 1):
            if tuple(t.text for t in tokens[start : start + size]) in lex.actors:
                return True
    return False


_TIME_NOUNS: Final = words("noun.time", "de")
_MONTHS: Final = words("noun.month", "de")


_CALL_VERBS: Final = words("verb.call-on", "en")
_CALL_ON_PREPS: Final = words("prep.acted-on", "en")


def _direct_governor(tokens: list[Token], i: int, name: bool = False) -> tuple[str | None, str | None]:
    """The preposition and article right before token i (``name``: i is the actor's own name, which an
    adjective may precede: "für die alten Dassault"; a noun it hangs on takes its own adjectives otherwise)."""
    article = None
    j = i - 1
    steps = 0
    noun_skipped = False
    while j >= 0 and steps < 5:
        tok = tokens[j]
        word = tok.lower
        if word in ARTICLES and article is None:
            article = word
        elif word in PREPOSITIONS:
            if article is not None and j > 0 and tokens[j - 1].text == "," and j == i - 2:
                return None, None  # ", bei dem Deutschland …": a relative pronoun, not an article
            if j > 0 and tokens[j - 1].lower in _REPLACEMENT:
                return "replacing", article  # "als Ersatz für", "to replace": what is replaced, no party
            if j > 0 and tokens[j - 1].lower in _TIES and word in _TIES_PREPS:
                return "ties", article  # "links to Russia", "Verbindungen zu Moskau": a tie, no destination
            if j > 0 and word in _CALL_ON_PREPS and tokens[j - 1].lower in _CALL_VERBS:
                return None, article  # "called on Chile to …": the one called on is the object, as after "urged"
            return word, article
        elif (
            not noun_skipped
            and j == i - 1
            and tok.capitalised
            and (tok.alphabetic or _member_compound(word))
            and j > 0
            and word not in _TIME_NOUNS
            and word not in _MONTHS
            and word not in _DATE_WORDS  # "In September Baghdad signed": a date, no appositive
        ):
            # An appositive name: "beim südkoreanischen Konzern Hanwha", "bei der Werft Naval Group".
            noun_skipped = True
        elif noun_skipped and tok.lowercase and word.endswith(("e", "en", "er", "es", "em")) and word.isalpha():
            pass  # an adjective of that noun
        elif (
            name
            and j == i - 1
            and article is None
            and tok.lowercase
            and word.endswith(("e", "en", "er", "es", "em"))
            and word.isalpha()
            and j > 1
            and tokens[j - 1].lower in ARTICLES
            and tokens[j - 2].lower in PREPOSITIONS
        ):
            pass  # "für die alten Dassault", "in die benachbarte Slowakei": preposition, article, adjective, name
        elif word not in _SKIP_BEFORE_ACTOR:
            if j == i - 1 and "-" in tok.text and tok.capitalised:
                return None, _genitive_of_compound(tokens, j)
            return None, _appositive_article(article, noun_skipped)
        j -= 1
        steps += 1
    return None, _appositive_article(article, noun_skipped)


def _member_compound(word: str) -> bool:
    """ "das Nato-Mitglied Türkei", "dem EU-Mitgliedstaat Polen": a member described by its organisation,
    the name after it the actor (the appositive noun's preposition governs the name)."""
    return "-" in word and word.rsplit("-", 1)[1] in _MEMBERS


def _appositive_article(article: str | None, noun_skipped: bool) -> str | None:
    """The article of an appositive name's noun tells its case only when it is the genitive "des":
    "die Triebwerke des Konzerns General Electric" (the maker's), not "der Konzern Saab" (any case)."""
    if not noun_skipped:
        return article
    return article if article in _GENITIVE_ARTICLES else None


_ENDINGS: Final = ("e", "en", "er", "es", "em")


def _genitive_of_compound(tokens: list[Token], j: int) -> str | None:
    """ "des US-Konzerns General Electric": a name after a compound noun in the genitive shares its case."""
    k = j - 1
    while k >= 0 and tokens[k].lower not in ARTICLES and tokens[k].lowercase and tokens[k].lower.endswith(_ENDINGS):
        k -= 1  # "des amerikanischen US-Konzerns"
    if k >= 0 and tokens[k].lower in _GENITIVE_ARTICLES:
        return tokens[k].lower
    return None


# --------------------------------------------------------------------------- items


def find_items(
    tokens: list[Token], lex: Lexicon, actor_tokens: frozenset[int] = frozenset(), threats: list[int] | None = None
) -> list[ItemMention]:
    raw: list[ItemMention] = []
    n = len(tokens)
    i = 0
    words = lex.item_words
    relevant = _ITEM_START_MEMO.setdefault(lex.lang, {})
    while i < n:
        tok = tokens[i]
        text = tok.text
        may_start = relevant.get(text)
        if may_start is None:
            may_start = _memoised(relevant, text, lambda tok=tok: _may_start_item(tok, lex))
        if not may_start:
            i += 1
            continue
        item = None
        if tok.lower in lex.item_phrase_starts:
            item = _phrase_item(tokens, i, lex)
        if item is None and text[:1].isalnum() and (text[:1].isupper() or text[:1].isdigit() or "-" in text):
            item = _designation_item(tokens, i, lex)
        if item is None and (
            text[:1].isupper()
            or text[:1].isdigit()
            or tok.lower in words
            or tok.lemma in words
            or tok.lemma in lex.carrier_lemmas
        ):
            item = _word_item(tokens, i, lex)
        if item is None and tok.lower in _PARTS and i + 2 < n and tokens[i + 1].lower in _FOR:
            item = ItemMention(i, i + 1, "technology")  # "Teile für ballistische Raketen": the parts are sent
        if item is None and tok.lower in _CIVIL_VEHICLES and _for_military_use(tokens, i + 1):
            item = ItemMention(i, i + 1, "military-equipment")  # "Lastwagen für militärische Zwecke", "trucks for
            # the army": vehicles for the forces are military equipment
        if item is None:
            i += 1
            continue
        raw.append(item)
        i = item.end
    # A token that names an actor is not also an item ("Wagner-Söldner" stays, "Elbit Systems" goes);
    # dropped before purposes are read, so "Elbit Systems for coastal radars" keeps its radars.
    raw = [
        it
        for it in raw
        if not _inside_actor(tokens, it, actor_tokens)
        and not _export_permit(tokens, it)
        and not _deal_named_before(tokens, it, lex)
        and not (lex.lang == "en" and _verb_homograph(tokens, it, lex))
    ]
    # "Der F-16-Hersteller Lockheed", "F-16 maker Lockheed Martin": the system names the maker, it does not move
    raw = [it for it in raw if not _names_maker(tokens, it)]
    raw = _services_for_goods(tokens, raw)
    _coordinated_heads(tokens, raw, lex)
    _armoured_vehicles(tokens, raw)
    raw.sort(key=lambda m: m.start)
    if lex.lang == "en":
        raw = [
            it
            for it in _english_compounds(raw)
            if not _modifies_producer(tokens, it, lex)
            and not _modifies_other_noun(tokens, it)
            and not _in_institution_name(tokens, it)
            and not _portion_of(tokens, it)
            and not _titled_adviser(tokens, it)
        ]
    items = _merge_designations(tokens, raw, lex)
    items = [it for it in _purposes(tokens, items, threats) if not _means_of_transport(tokens, it)]
    items = [it for it in items if not _vessel_of_cargo(tokens, it, items) and not _capability(tokens, it)]
    for item in items:
        item.quantity = _quantity(tokens, item.start, lex)
        item.part = _part(tokens, item.start, item.quantity, lex)
        if item.category == "ammunition" and _artillery_calibre(tokens, item):
            item.category, item.reading = "artillery-ammunition", "item.calibre-artillery"
        item.text = " ".join(t.text for t in tokens[item.start : item.end])
        if _the_weapon(tokens, item):
            item.category, item.carrier = None, "weapon"
        elif item.category == "combat-aircraft" and _the_aircraft(tokens, item, lex.lang):
            # "sold the jets to Laos", "Ein drittes Flugzeug soll folgen": the aircraft named before
            item.category, item.carrier = None, "aircraft"
    return items


def _services_for_goods(tokens: list[Token], raw: list[ItemMention]) -> list[ItemMention]:
    """ "maintenance for Peru's F-16 fleet", "Modernisierung für die T-72": a service for goods is technology (the
    contract's parts and services for a system); the goods it is for stay their owner's and are no goods here."""
    taken = {k for it in raw for k in range(it.start, it.end)}
    for i in range(len(tokens) - 2):
        if tokens[i].lower not in _SERVICE_NOUNS or i in taken or tokens[i + 1].lower not in _FOR:
            continue
        served = [it for it in raw if i + 2 <= it.start < i + 7]
        if served:
            raw = [it for it in raw if it not in served]
            raw.append(ItemMention(i, i + 1, "technology"))
    return raw


_SERVICE_NOUNS: Final = words("noun.service-for-goods")


def _for_military_use(tokens: list[Token], k: int) -> bool:
    """Does a for-phrase naming military use or the forces start at token k ("für militärische Zwecke", "für die
    Armee", "for the army", "for military use"), or does the sentence hand the vehicles to forces ("53 Lastwagen an
    die malischen Streitkräfte liefern", "trucks to the Malian army")?"""
    if k < len(tokens) and tokens[k].lower in _FOR and any(t.lower in _MILITARY_USE for t in tokens[k + 1 : k + 4]):
        return True
    return any(
        tokens[j].lower in _TO_FORCES and any(t.lower in _MILITARY_USE for t in tokens[j + 1 : j + 5])
        for j in range(len(tokens))
    )


_TO_FORCES: Final = words("prep.to-institution")


_CIVIL_VEHICLES: Final = words("noun.civil-vehicle")
_MILITARY_USE: Final = words("word.military-use")


def _in_institution_name(tokens: list[Token], item: ItemMention) -> bool:
    """ "Poland's Armament Agency", "the Missile Defense Agency": a capitalised goods word before the head of an
    institution's name is part of the name."""
    return (
        item.designation is None
        and item.end - item.start == 1
        and item.start > 0
        and tokens[item.start].capitalised
        and item.end < len(tokens)
        and tokens[item.end].capitalised
        and tokens[item.end].lower in _INSTITUTION_HEADS
    )


def _armoured_vehicles(tokens: list[Token], items: list[ItemMention]) -> None:
    """ "geschützte Transportfahrzeuge", "armoured medical evacuation vehicles": a vehicle with armour is an
    armoured vehicle, whatever it is for."""
    for item in items:
        if item.category is not None or item.designation is not None or item.end - item.start != 1:
            continue
        if not tokens[item.start].lemma.endswith(_VEHICLES):
            continue
        k = item.start - 1
        while k >= 0 and item.start - k <= 4 and tokens[k].lowercase and tokens[k].letter_first:
            if tokens[k].lower.startswith(_ARMOURED):
                item.start, item.category, item.carrier = k, "armoured-vehicle", None
                break
            k -= 1


_VEHICLES: Final = word_stems("stem.vehicle")
_ARMOURED: Final = word_stems("stem.armoured")


def _the_weapon(tokens: list[Token], item: ItemMention) -> bool:
    """ "Kiew bittet um die Waffe", "Korea sold the weapon to …": one weapon with a definite article is the
    system named before (resolved in events.py; weapons in general when none was named)."""
    if item.designation is not None or item.end - item.start != 1 or item.start == 0:
        return False
    return tokens[item.start].lower in _WEAPON_SINGULAR and tokens[item.start - 1].lower in _DEFINITE_SINGULAR


def _the_aircraft(tokens: list[Token], item: ItemMention, lang: str) -> bool:
    """ "the jets", "these planes", "die Maschinen", "ein drittes Flugzeug": aircraft with a definite determiner
    or an ordinal of one more are the aircraft named before."""
    if item.designation is not None or item.end - item.start != 1 or item.start == 0:
        return False
    return (
        tokens[item.start].lower in _GENERIC_AIRCRAFT[lang]
        and tokens[item.start - 1].lower in _KNOWN_AIRCRAFT_DET[lang]
    )


def _modifies_other_noun(tokens: list[Token], item: ItemMention) -> bool:
    """ "jet fuel", "drone attacks", "tank crews": in an English noun compound whose head is no goods, the goods
    word only modifies it."""
    if item.end >= len(tokens):
        return False
    if item.designation is not None:
        # "Harrier pilots", "F-16 crews": a named system before such a head only modifies it too
        return tokens[item.end].lower in _NOT_GOODS_HEADS and tokens[item.end].lower in _CREW_HEADS
    return tokens[item.end].lower in _NOT_GOODS_HEADS and tokens[item.end - 1].lowercase


def _deal_named_before(tokens: list[Token], item: ItemMention, lex: Lexicon) -> bool:
    """ "das Rüstungsgeschäft", "dieser Waffendeal": a deal compound after a definite article or demonstrative is the
    deal the story named before; the goods its first part names are no new goods ("ein Rüstungsgeschäft" are)."""
    if lex.lang != "de" or item.end - item.start != 1 or item.start == 0:
        return False
    if not deal_compound(tokens[item.start].lemma):
        return False
    if tokens[item.start - 1].lower in _DEFINITE_DEAL:
        _reject("item.de.deal-named-before-names-no-goods", f"{tokens[item.start - 1].text} {tokens[item.start].text}")
        return True
    return False


def deal_compound(lemma: str) -> bool:
    """ "Rüstungsgeschäft", "Waffendeal", "212CD-Auftrag": a German compound whose head is a deal."""
    word = lemma.lower()
    return any(word.endswith(head) and len(word) > len(head) + 3 for head in _DEAL_HEADS)


_DEAL_HEADS: Final = tuple(words("noun.deal-head", "de"))
_DEFINITE_DEAL: Final = words("article.definite-measure", "de")


def _titled_adviser(tokens: list[Token], item: ItemMention) -> bool:
    """ "the chief adviser", "National Security Adviser Jake Sullivan": one adviser with the title of an office is
    a person in that office, not personnel sent."""
    tok = tokens[item.start]
    if item.end - item.start != 1 or tok.lower not in _ONE_ADVISER or item.start == 0:
        return False
    if tokens[item.start - 1].lower in _OFFICE_TITLES:
        _reject("item.en.titled-adviser-is-a-person", f"{tokens[item.start - 1].text} {tok.text}: an office")
        return True
    return False


_ONE_ADVISER: Final = words("noun.one-adviser", "en")
_OFFICE_TITLES: Final = words("adjective.office-title", "en")


def _portion_of(tokens: list[Token], item: ItemMention) -> bool:
    """ "large parts of its Soviet-era stockpiles", "part of the shipment": "part(s)" before "of" and a
    determiner measures a share of what follows; it names no components."""
    if item.end - item.start != 1 or item.end + 1 >= len(tokens):
        return False
    return (
        tokens[item.start].lower in _PORTION_NOUNS
        and tokens[item.end].lower == "of"
        and tokens[item.end + 1].lower in _DETERMINERS
    )


def _export_permit(tokens: list[Token], item: ItemMention) -> bool:
    """ "export licences", "licences for arms exports", "Exportlizenzen": a permit to export is
    an approval of the goods it names, not a production licence (technology) of its own."""
    if item.category != "technology" or item.designation is not None or item.end - item.start != 1:
        return False
    tok = tokens[item.start]
    if tok.lemma.startswith(_EXPORT_PREFIXES) and tok.lemma.endswith(("lizenz", "genehmigung")):
        return True
    if tok.lower not in _LICENCES:
        return False
    before = tokens[item.start - 1].lower if item.start else ""
    after = tokens[item.end : item.end + 4]
    if before.startswith(_EXPORT_PREFIXES) or any(t.lower.startswith(_EXPORT_PREFIXES) for t in after):
        return True
    # "issues licences for companies to sell weapons", "a licence that had allowed oil and gas deals": a permit
    # for trade, not a production licence
    return any(t.lower in _PERMITTED_TRADE for t in tokens[item.end : item.end + 5])


_EXPORT_PREFIXES: Final = word_stems("stem.export")
_LICENCES: Final = words("noun.licence", "en")
_DESCRIBED_HEADS: Final = words("reference.described-head", "en")
_DESCRIBING_ADJECTIVES: Final = words("adj.describing-a-state", "en")
_REGION_ADJECTIVES: Final = word_values("adj.region")
REGION_PREFIX: Final = "@region:"
_BARE_REGIONS: Final = word_values("reference.bare-region")
_INTRANSITIVE_GIVING: Final = words("verb.gives-without-object", "en")
_GROUP_HEADS: Final = words("reference.group-head", "en")
_PERMITTED_TRADE: Final = words("word.permitted-trade", "en")
_ITEM_START_MEMO: Final[dict[str, dict[str, bool]]] = {}
_PARTS: Final = words("noun.parts", "de")
_PART_HEADS: Final = words("noun.parts-head", "de")


def _may_start_item(tok: Token, lex: Lexicon) -> bool:
    """Whether any item reading can begin at this word (a word's lemma follows from its text)."""
    text = tok.text
    if tok.lower in lex.item_phrase_starts or tok.lower in _PARTS or tok.lower in _CIVIL_VEHICLES:
        return True
    if text[:1].isalnum() and (text[:1].isupper() or text[:1].isdigit() or "-" in text):
        if _may_start_designation(text, lex):
            return True
    words = lex.item_words
    if (
        text[:1].isupper()
        or text[:1].isdigit()
        or tok.lower in words
        or tok.lemma in words
        or tok.lemma in lex.carrier_lemmas
    ):
        return _word_category(tok, lex) is not None
    return False


_PURPOSE: Final = words("prep.purpose-of-goods")
_AGAINST_GOODS: Final = words("prep.against-threat")
_THREAT_NOUNS: Final = words("noun.threat")
_AFTER_THREAT: Final = words("prep.after-threat")
_OBLIQUE_ARTICLES: Final = words("article.oblique", "de")
_WEAPON_SINGULAR: Final = words("noun.weapon-singular")
_GENERIC_AIRCRAFT: Final = {lang: words("noun.generic-aircraft", lang) for lang in ("de", "en")}
_KNOWN_AIRCRAFT_DET: Final = {lang: words("determiner.known-aircraft", lang) for lang in ("de", "en")}
_DEFINITE_SINGULAR: Final = words("determiner.definite-singular")
_NOT_GOODS_HEADS: Final = words("noun.not-goods-head", "en")
_PORTION_NOUNS: Final = words("noun.portion", "en")
_FOR: Final = words("prep.for")
_AMMO_OF: Final = {
    "artillery": "artillery-ammunition",
    "air-defence-system": "ammunition",
    "combat-aircraft": "ammunition",
}


def _capability(tokens: list[Token], item: ItemMention) -> bool:
    """ "Iskander systems capable of carrying nuclear warheads": what a system can carry is not sent."""
    first = max(0, item.start - 5)
    # (one word looked up per position, no list built: this runs for every goods word)
    return any(
        _CAPABLE_PAIRS.get(tokens[k].lower) == tokens[k + 1].lower for k in range(first, item.start - 1)
    ) and any(tokens[k].lower in _CAPABLE_VERBS for k in range(first, item.start))


_CAPABLE_PAIRS: Final = {"capable": "of", "able": "to", "designed": "to"}


def _vessel_of_cargo(tokens: list[Token], item: ItemMention, items: list[ItemMention]) -> bool:
    """ "Ein Frachtschiff mit iranischen Waffen", "a plane carrying drones": the vessel carries the goods."""
    if item.designation is not None or item.category not in ("ship", "other-aircraft"):
        return False
    if item.end >= len(tokens) or tokens[item.end].lower not in _LOADED_WITH:
        return False
    words = " ".join(t.lower for t in tokens[max(0, item.start - 1) : item.end])
    if not any(w in words for w in _CARGO):
        return False  # "two frigates with Aster missiles": a warship with its armament is the goods
    return any(item.end < other.start <= item.end + 4 for other in items)


_CARGO: Final = word_stems("stem.cargo-vessel")
_CAPABLE_VERBS: Final = words("verb.capable-of", "en")
_LOADED_WITH: Final = words("prep.loaded-with")
_MEANS_OF_TRANSPORT: Final = words("prep.means-of-transport")


def _verb_homograph(tokens: list[Token], item: ItemMention, lex: Lexicon) -> bool:
    """ "Iran ships drones", "to ship": a goods word that is also a verb is goods only after a determiner, a
    number or a noun or participle before it ("both ships", "two ships", "the navy's ships", "retired ships")."""
    tok = tokens[item.start]
    if item.designation is not None or item.end - item.start != 1 or tok.lemma not in _HOMOGRAPHS:
        return False
    if item.start > 0 and tokens[item.start - 1].lower.startswith(_CARGO_VESSEL):
        return True  # "a cargo ship", "merchant ships": they carry goods, they are none
    return tok.lower not in _HOMOGRAPHS or _verb_homograph_at(tokens, item.start, lex)  # "shipped" is the verb


def _verb_homograph_at(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    if i == 0:
        return True
    prev = tokens[i - 1]
    return not (
        prev.lower in _DETERMINERS
        or prev.lower in _VESSEL_BEFORE
        or prev.text.isdigit()
        or prev.lower in lex.numbers
        or prev.lower.endswith(("ed", "'s", "’s"))
    )


def _means_of_transport(tokens: list[Token], item: ItemMention) -> bool:
    """ "per Schiff und Bahn", "by ship": how goods travelled, not what was sent. Also a craft named with an
    article and its owner's name after "by" ("the first delivery made by an Indian Air Force aircraft"): a word for
    a carrying craft there is the carrier; a weapon after "by" ("attacked by Iranian drones") stays goods."""
    if item.designation is not None or item.start == 0:
        return False
    if tokens[item.start - 1].lower in _MEANS_OF_TRANSPORT:
        return True
    if item.end - item.start != 1 or tokens[item.start].lower not in _CARRYING_CRAFT:
        return False
    for k in range(item.start - 1, max(-1, item.start - 7), -1):
        word = tokens[k].lower
        if word in _MEANS_OF_TRANSPORT:
            if k + 1 < item.start and tokens[k + 1].lower in _INDEFINITE_ARTICLES:
                _reject("item.craft-carries-goods", f"{tokens[item.start].text}: the craft that carried the goods")
                return True
            return False
        if not (tokens[k].capitalised or tokens[k].lower in _INDEFINITE_ARTICLES):
            return False
    return False


_CARRYING_CRAFT: Final = words("noun.carrying-craft")
_INDEFINITE_ARTICLES: Final = words("article.indefinite")


def _artillery_calibre(tokens: list[Token], item: ItemMention) -> bool:
    """ "155-mm-Munition", "155mm ammunition", "Munition im Kaliber 155 Millimeter": ammunition of a calibre that
    only guns, howitzers and mortars fire is artillery ammunition (the contract's own example); 105 and 120 mm,
    fired by tanks too, and small calibres leave it ammunition."""
    head = tokens[item.start].lower
    if _calibre_number(head) in _ARTILLERY_CALIBRES:  # the calibre inside the compound
        return True
    before = [t.lower for t in tokens[max(0, item.start - 3) : item.start]]
    if before and _calibre_number(before[-1]) in _ARTILLERY_CALIBRES:  # "155-mm ammunition"
        return True
    if len(before) >= 2 and before[-1] in _CALIBRE_UNITS and before[-2] in _ARTILLERY_CALIBRES:  # "155 mm"
        return True
    after = [t.lower for t in tokens[item.end : item.end + 5]]
    # "Munition des Kalibers 155", "ammunition of 155 mm calibre"
    return any(w in _CALIBRE_WORDS for w in after) and any(w in _ARTILLERY_CALIBRES for w in after)


def _calibre_number(word: str) -> str:
    """ "155" of "155-mm-munition", "155mm", "155-millimeter"; "" for any other word."""
    digits = 0
    while digits < len(word) and word[digits].isdigit():
        digits += 1
    if not digits or digits > 3:
        return ""
    rest = word[digits:].lstrip("-")
    return word[:digits] if any(rest.startswith(u) for u in _CALIBRE_UNITS) else ""


_ARTILLERY_CALIBRES: Final = words("number.artillery-calibre")
_CALIBRE_UNITS: Final = words("word.calibre-unit")
_CALIBRE_WORDS: Final = words("noun.calibre")


_FUNDS: Final = words("noun.funds")
_HOMOGRAPHS: Final = words("noun.verb-homograph-goods", "en")
_CARGO_VESSEL: Final = word_stems("stem.cargo-vessel")
_VESSEL_BEFORE: Final = words("noun.before-vessel", "en")
_REPLACEMENT: Final = words("noun.replacement")
_PASSIVE_AGENT: Final = words("prep.passive-agent", "en")
_NAME_PART_BEFORE_NUMBER: Final = words("word.name-part-before-number")
_TIES: Final = words("noun.ties")
_TIES_PREPS: Final = words("prep.ties")
_RELATIVE_OPENERS: Final = words("function.opens-relative-goods", "en")
_INCLUDING: Final = words("prep.including", "en")
_COORDINATORS: Final = words("conj.coordinating")
_PART_IN: Final = words("prep.part-in")
_FUNDS_OR_REPLACEMENT: Final = _FUNDS | _REPLACEMENT
_VALUE_WORDS: Final = words("noun.value-of-deal")


def _threat_of(tokens: list[Token], start: int) -> bool:
    """ "the threat of Russian cruise missiles", "threats posed by drones": goods after a threat noun."""
    for k in range(start - 1, max(-1, start - 5), -1):
        if tokens[k].lower in _THREAT_NOUNS:
            gap = tokens[k + 1 : start]
            return bool(gap) and gap[0].lower in _AFTER_THREAT and all(t.alphabetic for t in gap)
    return False


def _against_goods(tokens: list[Token], start: int) -> bool:
    """ "gegen Drohnen", "vor Marschflugkörpern", "against the missiles": a preposition of defending against,
    right before the goods or before one word of them; not an idiom ("vor allem Munition")."""
    for k in (start - 1, start - 2):
        if k >= 0 and tokens[k].lower in _AGAINST_GOODS:
            return k + 1 == start or tokens[k + 1].alphabetic and tokens[k + 1].lower not in _NOT_AFTER_AGAINST
    return False


_NOT_AFTER_AGAINST: Final = words("word.idiom-after-against")


def _acting_in_action(tokens: list[Token], start: int) -> bool:
    """ "der Einmarsch türkischer Truppen", "the invasion by Russian troops": people named after a noun of
    invading or attacking (an article, a preposition or an adjective between) carry it out themselves."""
    for k in range(start - 1, max(-1, start - 4), -1):
        if tokens[k].lower in _MILITARY_ACTIONS:
            return True
        if not tokens[k].alphabetic or tokens[k].capitalised and k != start - 1 and tokens[k].lower not in ARTICLES:
            return False
    return False


_MILITARY_ACTIONS: Final = words("noun.military-action")


_NEVER_A_PURPOSE: Final = words("category.not-a-purpose")


def _purposes(tokens: list[Token], items: list[ItemMention], threats: list[int] | None = None) -> list[ItemMention]:
    """ "Munition für ihre Artillerie", "Ersatzteile für Panzerhaubitzen", "missiles for its destroyers":
    the second noun names what the goods are for; it is not itself transferred. Goods named as a threat
    have their tokens added to ``threats``."""
    out: list[ItemMention] = []
    purpose: ItemMention | None = None  # the last item read as a purpose
    threat = False  # whether that purpose is a threat
    for item in items:
        if purpose is not None and threats is not None:
            threats.extend(range(purpose.start, purpose.end))
        if (
            purpose is not None
            and all(t.lower in _COORDINATORS or t.text == "," for t in tokens[purpose.end : item.start])
            and (threat or item.category not in _NEVER_A_PURPOSE or item.category == purpose.category)
        ):
            purpose = item  # "engines for tanks and helicopters": the helicopters are a purpose too
            continue
        # ("Granaten für die Haubitze K9, Ersatzteile und Werkzeug": parts after a platform are more goods)
        purpose = None
        threat = False
        if _against_goods(tokens, item.start) or _threat_of(tokens, item.start):
            purpose = item  # "Patriot systems to defend cities against missiles and drones": the threat, not goods
            threat = True
            if threats is not None:
                threats.extend(range(item.start, item.end))
            continue
        if item.category == "personnel" and _acting_in_action(tokens, item.start):
            purpose = item  # "nach dem Einmarsch türkischer Truppen in Syrien": troops acting, not sent to anyone
            continue
        # up to eight words back: "Ersatz für bereits an die Ukraine gelieferte T72-Panzer"
        before = [t.lower for t in tokens[max(0, item.start - 8) : item.start]]
        if any(w in _FOR for w in before):
            cut = max(i for i, w in enumerate(before) if w in _FOR)
            valued = any(t.lower in _VALUE_WORDS for t in tokens[max(0, item.start - 10) : item.start])
            if cut > 0 and before[cut - 1] in _FUNDS_OR_REPLACEMENT and not valued:
                # "100 Millionen Euro für Drohnen": money, not goods; "Ersatz für seine alten Kampfjets",
                # "a replacement for its ageing MiG-29s": what is to be replaced is not what is sought
                continue
        prev = out[-1] if out else None
        if prev is not None:
            gap = [t.lower for t in tokens[prev.end : item.start]]
            if prev.category == "technology" and gap and gap[0] in _PART_IN and len(gap) <= 4:
                purpose = item  # "the engines in Iran's drones", "Triebwerke in russischen Raketen": parts of the whole
                continue
            if (
                gap
                and gap[0] in _PURPOSE
                and len(gap) <= 4
                and all(w in _PURPOSE or w in ARTICLES or w.isalpha() for w in gap)
                # "a package for Ukraine that includes CV90s": a relative clause names goods after all; not after
                # parts ("components for military aircraft including fighter jets": kinds of what they are for)
                and not any(
                    w in _RELATIVE_OPENERS and not (prev.category == "technology" and w in _INCLUDING) for w in gap
                )
                # "Fregatten für Algerien und Luftverteidigungssysteme für Singapur": coordinated goods
                and not any(w in _COORDINATORS for w in gap)
            ):
                if prev.category == "ammunition" and item.category == "artillery":
                    prev.category = "artillery-ammunition"
                missiles = prev.category == "other-missile" or prev.category is None and prev.carrier == "missile"
                if missiles and item.category == "air-defence-system":
                    prev.category = "air-defence-system"  # "Raketen für das Flugabwehrsystem IRIS-T": interceptors
                if item.category == "technology" and prev.designation is None:
                    prev.category = "technology"  # "equipment for a drone manufacturing plant"
                purpose = item
                continue
        out.append(item)
    if purpose is not None and threats is not None:
        threats.extend(range(purpose.start, purpose.end))
    return out


def _negates_a_date(tokens: list[Token], cue: CueMention) -> bool:
    """ "not before 2027", "nicht vor Ende 2026", "not until May": the negation moves a date later, it does not
    negate the transfer."""
    if "negation" not in cue.kinds or cue.end + 1 >= len(tokens):
        return False
    if tokens[cue.end].lower not in _TEMPORAL_LIMITS:
        return False
    after = tokens[cue.end + 1]
    return after.text[:1].isdigit() or after.lower in _DATE_WORDS or after.lower in _DATE_OPENERS


def _attack_on_victims(tokens: list[Token], cue: CueMention) -> bool:
    """ "to target Ukrainian civilians", "targeting cities": a measure verb whose object (within three words) is a
    noun of people or places attacked is an attack, no measure."""
    if "impose" not in cue.kinds or tokens[cue.start].lower not in _ATTACK_VERBS:
        return False
    return any(t.lower in _ATTACKED for t in tokens[cue.end : cue.end + 3])


_ATTACK_VERBS: Final = words("verb.aim-at", "en")
_ATTACKED: Final = words("noun.attacked", "en")


def _training_in_package(tokens: list[Token], cue: CueMention, found: list[CueMention]) -> bool:
    """ "The deal includes training and ammunition", "spare parts and training.": training named among the
    contents of a sale is part of the package, not a sending of trainers (no object follows it)."""
    if "train" not in cue.kinds or not tokens[cue.start].lower.endswith("ing") or cue.start == 0:
        return False
    prev = tokens[cue.start - 1].lower
    nxt = tokens[cue.end].lower if cue.end < len(tokens) else "."
    after_include = any("include" in c.kinds and c.end == cue.start for c in found)
    listed = prev in _LIST_LINKS and not nxt[:1].isalnum()
    return after_include or listed or prev in _LIST_LINKS and nxt in _LIST_LINKS


def _kept_up(tokens: list[Token], found: list[CueMention]) -> list[CueMention]:
    """ "will keep leasing Gripens", "kept supplying shells": a verb of keeping on before a gerund of a cue says
    the transfer goes on."""
    out: list[CueMention] = []
    for c in found:
        k = c.start - 1
        if k >= 0 and tokens[k].lemma in _KEEP_ON and tokens[c.start].lower.endswith("ing") and c.kinds & TRIGGERS_EN:
            out.append(CueMention(k, k + 1, frozenset({"ongoing"}), tokens[k].lemma))
    return out


_DENIED_ASKING: Final = words("noun.en.denied-is-refused", "en")
_BEFORE_DENIED_NOUN: Final = (
    words("determiner.before-offer", "en") | words("pronoun.possessive", "en") | words("function.before-denied-noun")
)


_AS_COMPARED: Final = {lang: words("conj.as-compared", lang) for lang in ("de", "en")}
_AS_PLANNED: Final = {lang: words("participle.as-planned", lang) for lang in ("de", "en")}


def _not_as_planned(tokens: list[Token], c: CueMention, lang: str) -> CueMention:
    """ "können nicht wie geplant 2027 geliefert werden", "will not arrive as scheduled": the negation is of the
    plan's date, not of the transfer; a delay, still to come."""
    k = c.end
    if "negation" not in c.kinds or k + 1 >= len(tokens):
        return c
    if tokens[k].lower in _AS_COMPARED[lang] and tokens[k + 1].lower in _AS_PLANNED[lang]:
        return CueMention(c.start, c.end, kind_set(["delay"]), c.lemma)
    return c


_CONCERNS: Final = words("noun.concern", "en")


def _dismissing_concerns(tokens: list[Token], c: CueMention) -> bool:
    """ "Qatar dismissed concerns about its purchase of Chinese drones": rejecting worries or criticism denies no
    transfer; the purchase stands."""
    return c.kinds == kind_set(["deny"]) and any(t.lower in _CONCERNS for t in tokens[c.end : c.end + 3])


def _deny_as_refusal(tokens: list[Token], c: CueMention) -> CueMention:
    """ "Washington denied Ankara's request for F-35 jets", "denied export licences": denying a request or a
    licence refuses it; denying a report or having done something stays a denial."""
    if c.lemma != "deny" or "deny" not in c.kinds:
        return c
    n = len(tokens)
    k = c.end
    while k < n and (tokens[k].lower in _BEFORE_DENIED_NOUN or tokens[k].capitalised):
        k += 1  # "the", "Ankara's", "Turkish", "export"
    if k < n and k - c.end <= 4 and (tokens[k].lower in _DENIED_ASKING or tokens[k].lemma in _DENIED_ASKING):
        return CueMention(c.start, c.end, kind_set(["refuse"]), c.lemma)
    return c


def _near_deals(tokens: list[Token], found: list[CueMention]) -> list[CueMention]:
    """ "is close to a deal with China", "nearing an agreement", "on the verge of a contract", "close to
    purchasing two frigates": a deal or purchase that is near is not concluded; a hedge on the words before the
    deal noun or gerund (which stays a cue of its kind)."""
    out: list[CueMention] = []
    for c in found:
        if not c.kinds & _NEAR_KINDS:
            continue
        k = c.start - 1
        if k >= 0 and tokens[k].lower in _INDEFINITE_EN:
            k -= 1
        for phrase in _NEAR_PHRASES:
            n = len(phrase)
            if k - n + 1 >= 0 and tuple(t.lower for t in tokens[k - n + 1 : k + 1]) == phrase:
                out.append(CueMention(k - n + 1, k + 1, frozenset({"consider"}), " ".join(phrase)))
                break
    return out


def _hedges_free_relative(tokens: list[Token], cue: CueMention) -> bool:
    """ "what is believed to be", "what was thought to be": a hedge inside a free relative that only
    describes a noun phrase ("in what is believed to be the largest airlift") weakens nothing else."""
    if "consider" not in cue.kinds or cue.start < 2:
        return False
    return tokens[cue.start - 2].lower in _FREE_RELATIVE and tokens[cue.start - 1].lower in _BE_FINITE


_MAKER_NOUNS: Final = words("noun.maker")
_MAKER_HEADS_DE: Final = tuple("-" + w for w in sorted(words("noun.maker", "de")))


def _names_maker(tokens: list[Token], item: ItemMention) -> bool:
    """A designated system that only names its maker: a German compound with a maker noun as its head
    ("F-16-Hersteller") or a maker noun right after it ("F-16 maker", "the Leopard manufacturer")."""
    if item.designation is None:
        return False
    if tokens[item.end - 1].lower.endswith(_MAKER_HEADS_DE):
        return True
    return item.end < len(tokens) and tokens[item.end].lower in _MAKER_NOUNS


def _modifies_producer(tokens: list[Token], item: ItemMention, lex: Lexicon) -> bool:
    """ "Russian arms makers", "drone factories": the goods name the producer, they are not what moves."""
    if item.end >= len(tokens):
        return False
    following = tokens[item.end].lower
    if item.designation is not None:
        return following in _PROGRAMME  # "the F-35 programme"
    if lex.lang == "en" and following in _HEAD_AFTER_GOODS:
        return True  # "a major armament push", "the arms race": the goods word only modifies the noun after it
    if lex.lang == "en" and (_has_kind(tokens[item.end], lex, "agent") or _has_kind(tokens[item.end], lex, "client")):
        return True  # "Russia's state-owned arms supplier", "a weapons customer": the goods name the role
    return _has_kind(tokens[item.end], lex, "producer")


def _english_compounds(items: list[ItemMention]) -> list[ItemMention]:
    """ "rocket technology", "drone parts": in an English noun compound the last noun is the head."""
    out: list[ItemMention] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == item.start
            and prev.designation is None
            and item.designation is None
            and item.category is not None
            and (prev.category is not None or prev.carrier is not None)  # "missile corvette": a corvette
        ):
            item.start = prev.start
            if item.category == "military-equipment" and prev.category is not None:
                item.category = prev.category  # "air defence equipment": the catch-all head takes the kind
            out[-1] = item
            continue
        out.append(item)
    return out


def _named_systems(tokens: list[Token], lex: Lexicon) -> list[ItemMention]:
    found: list[ItemMention] = []
    i = 0
    while i < len(tokens):
        item = _designation_item(tokens, i, lex)
        if item is None:
            i += 1
            continue
        found.append(item)
        i = item.end
    return found


def _phrase_item(tokens: list[Token], i: int, lex: Lexicon) -> ItemMention | None:
    for size in range(min(lex.item_phrase_starts.get(tokens[i].lower, 0), len(tokens) - i), 1, -1):
        key = tuple(t.lower for t in tokens[i : i + size])
        cat = lex.item_phrases.get(key)
        if cat is None:
            key = tuple(t.lower for t in tokens[i : i + size - 1]) + (tokens[i + size - 1].lemma,)
            cat = lex.item_phrases.get(key)
        if cat is not None:
            return ItemMention(i, i + size, cat)
    return None


def _designation_item(tokens: list[Token], i: int, lex: Lexicon) -> ItemMention | None:
    """A named system from the catalogue starting at token i, longest match first."""
    n = len(tokens)
    text = tokens[i].text
    memo = _DESIGNATION_START_MEMO.setdefault(lex.lang, {})
    may_start = memo.get(text)
    if may_start is None:
        may_start = _memoised(memo, text, lambda: _may_start_designation(text, lex))
    if not may_start:
        return None  # no catalogue name starts here (the common case: keep it cheap)
    first = designation_key(text)
    longest = max(lex.designation_starts.get(first, 1), 2 if i + 1 < n else 1)
    for size in range(min(longest, n - i), 0, -1):
        span = tokens[i : i + size]
        if not span[0].text[:1].isalnum() or not span[-1].text[-1:].isalnum():
            continue
        key = designation_key("".join(t.text for t in span))
        entry, surface = _catalogue_entry(span, key, lex)
        if entry is None and size == 1 and (named_class := _CLASS_NAME.match(span[0].text)):
            return _class_item(i, named_class.group(1), lex)  # "Nagapasa-class", "Dakar-Klasse"
        if entry is None and size == 1 and "-" in span[0].text:
            compound = _compound_designation(i, span[0].text, lex)
            if compound is not _NOT_A_COMPOUND:
                return compound  # "Su-35-Kampfflugzeugen", "Leopard-2A6-Panzer" (or a lowercase miss: None)
        if entry is None:
            continue
        if entry.case_sensitive and not span[0].capitalised:
            continue
        end, surface = _variant_suffix(tokens, i + size, surface, lex)
        if end < n and tokens[end].lower in _DESIGNATION_HEAD:
            end += 1  # "F-35 planes": the generic head belongs to the name
        return ItemMention(i, end, entry.category, surface, producer=entry.producer)
    return None


def _catalogue_entry(span: list[Token], key: str, lex: Lexicon) -> tuple[DesignationEntry | None, str]:
    """The catalogue entry a span names, with its inflected or versioned forms, and the surface to keep."""
    surface = " ".join(t.text for t in span)
    entry = lex.designations.get(key)
    if entry is None and span[-1].text.endswith("s") and (len(span[-1].text) > 3 or span[-1].text[-2:-1].isdigit()):
        # English plurals of names: "Kfirs", "F-16s", "Rafales", "K9s", "Leopard 2s"
        entry = lex.designations.get(designation_key("".join(t.text for t in span)[:-1]))
        if entry is not None:
            surface = surface[:-1]
    if entry is None and lex.lang == "de" and span[-1].text.endswith("n") and span[-1].capitalised:
        # German dative plurals of names: "Eurofightern", "mit zwölf Tornados und vier Leoparden"
        stem = _german_plural_stem(key)
        entry = lex.designations.get(stem) if stem else None
        if entry is not None:
            surface = surface[: len(stem) - len(key)]
    if entry is None and len(span) > 1:
        m = _VARIANT.match(span[-1].text)
        if m:
            entry = lex.designations.get(designation_key("".join(t.text for t in span[:-1]) + m.group(1)))
    if entry is None and len(span) == 1:
        # "Su-57E", "F-16V", "J-10CE", "K2PL", "T-72B1": a catalogue name with a version mark the catalogue lacks
        word = span[0].text.rstrip("s") if span[0].text.endswith("s") and len(span[0].text) > 4 else span[0].text
        for cut in (1, 2, 3):
            stem, suffix = word[:-cut], word[-cut:]
            if len(stem) >= 2 and _version_mark(stem, suffix):
                entry = lex.designations.get(designation_key(stem))
                if entry is not None:
                    surface = word
                    break
    return entry, surface


def _version_mark(stem: str, suffix: str) -> bool:
    """Whether ``suffix`` reads as a version mark after ``stem``: capitals after a number ("F-16" + "V", "T-72" +
    "B1"), or one digit after a capital ("T-72B" + "1"); never digits that lengthen a number ("F-35" + "0")."""
    if stem[-1:].isdigit():
        return (
            suffix[:1].isalpha()
            and suffix[:1].isupper()
            and (suffix[1:].isdigit() or suffix[1:].isupper() or not suffix[1:])
        )
    return len(suffix) == 1 and suffix.isdigit() and stem[-1:].isalpha() and stem[-1:].isupper()


def _class_item(i: int, name: str, lex: Lexicon) -> ItemMention:
    """A named class the catalogue may lack: a word standing for a system until the text says more."""
    known = lex.designations.get(designation_key(name))
    return ItemMention(
        i,
        i + 1,
        known.category if known else None,
        name,
        producer=known.producer if known else None,
        carrier=None if known else "carrier",
    )


_NOT_A_COMPOUND: Final = ItemMention(0, 0, None)


def _compound_designation(i: int, word: str, lex: Lexicon) -> ItemMention | None:
    """ "Su-35-Kampfflugzeugen", "Taurus-Marschflugkörpern", "Leopard-2A6-Panzer": a name and a generic head;
    ``_NOT_A_COMPOUND`` when no name begins the word, None when it does but in lowercase."""
    parts = word.split("-")
    for cut in range(len(parts) - 1, 0, -1):
        head = "-".join(parts[:cut])
        entry = lex.designations.get(designation_key(head))
        if entry is None:
            m = _VARIANT.match(parts[cut - 1])
            if m:
                entry = lex.designations.get(designation_key("-".join(parts[: cut - 1] + [m.group(1)])))
        if entry is None:
            continue
        rest = "-".join(parts[cut:])
        item = ItemMention(i, i + 1, entry.category, head, producer=entry.producer)
        generic = _head_category(rest.lower(), lex) if rest else None
        if rest.lower() in _PARTS or rest.lower() in _PART_HEADS:
            generic = "technology"  # "F-35-Teile": parts of a system are technology (the contract)
        if generic and generic not in ("military-equipment",):
            item.category = generic if _specific_generic(generic, entry.category, rest.lower()) else entry.category
        if entry.case_sensitive and not head[:1].isupper():
            return None
        return item
    return _NOT_A_COMPOUND


def _variant_suffix(tokens: list[Token], end: int, surface: str, lex: Lexicon) -> tuple[int, str]:
    """A version after the name: "Gripen E", "Rafale F4", "SAMP/T NG", "F-16 Block 70"."""
    n = len(tokens)
    if (
        end < n
        and _LETTER_VARIANT.match(tokens[end].text)
        and (tokens[end].text,) not in lex.actors
        and not (end + 1 < n and tokens[end + 1].text[:1].isdigit())
    ):
        surface = f"{surface} {tokens[end].text}"
        end += 1
    if (
        end + 1 < n
        and tokens[end].text == "Block"
        and tokens[end + 1].text[:1].isdigit() | (tokens[end + 1].text in _ROMAN)
    ):
        surface = f"{surface} Block {tokens[end + 1].text}"
        end += 2
    return end, surface


_DESIGNATION_START_MEMO: Final[dict[str, dict[str, bool]]] = {}


def _may_start_designation(text: str, lex: Lexicon) -> bool:
    first = designation_key(text)
    return (
        first in lex.designation_starts
        or "-" in text
        or (text.endswith("s") and first[:-1] in lex.designations)
        or (lex.lang == "de" and _german_plural_stem(first) in lex.designations)
    )


def _german_plural_stem(key: str) -> str:
    """ "eurofightern" -> "eurofighter", "leoparden" -> "leopard": a German dative plural on a name."""
    if key.endswith("en") and len(key) > 5:
        return key[:-2]
    if key.endswith("n") and len(key) > 4:
        return key[:-1]
    return ""


_AIRCRAFT_NAMED: Final = words("category.aircraft-a-name-tells")
_PLAIN_AIRCRAFT: Final = words("noun.plain-aircraft")


def _specific_generic(generic: str, designated: str, word: str) -> bool:
    """Whether a generic noun's category should win over the designation's.

    "Patriot-Radare" is a sensor of the Patriot system and "Luft-Luft-Raketen vom
    Typ IRIS-T" are air-to-air missiles: a specific noun says what was sent.
    The catch-all "military-equipment" yields to the named system, and so does a
    plain word for aircraft ("das Flugzeug ASC 890", "six Apache aircraft"), which cannot
    tell a fighter from a surveillance or transport plane, a helicopter or a drone as
    the catalogue can.
    """
    if generic == "combat-aircraft" and (
        designated == "other-aircraft" or designated in _AIRCRAFT_NAMED and word in _PLAIN_AIRCRAFT
    ):
        return False
    if generic == "personnel":
        return False  # "24 Hurjet trainers": a named system is no person, so the word means the aircraft
    return generic != "military-equipment" and generic != designated


def _word_item(tokens: list[Token], i: int, lex: Lexicon) -> ItemMention | None:
    tok = tokens[i]
    found = _memoised(_WORD_ITEM_MEMO, (lex.lang, tok.text, tok.lemma), lambda: _word_category(tok, lex))
    if found is None:
        return None
    return ItemMention(i, i + 1, found[0], carrier=found[1])


_WORD_ITEM_MEMO: Final[dict[tuple[str, str, str], tuple[str | None, str | None] | None]] = {}


def _word_category(tok: Token, lex: Lexicon) -> tuple[str | None, str | None] | None:
    """(category, carrier) a single word names, from its form alone."""
    if not tok.text[:1].isalnum():
        return None
    cat = lex.item_words.get(tok.lower) or lex.item_words.get(tok.lemma)
    compound = tok.capitalised or (tok.text[:1].isdigit() and "-" in tok.text)  # "155-mm-Munition"
    if cat is None and lex.lang == "de" and compound:
        cat = _head_category(tok.lemma, lex)
    if cat is None and lex.lang == "de" and compound:
        cat = _goods_of_transfer_noun(tok.lemma, lex)
    if cat is None and lex.lang == "de" and compound and _parts_of_goods(tok.lemma, lex):
        cat = "technology"  # "Drohnenteile", "Raketenteile": parts of weapons (not "Vorteil", "Großteil")
    if cat is not None:
        return (cat, None)
    kinds = lex.cue_lemmas.get(tok.lemma) or lex.cue_words.get(tok.lower)
    if not kinds and lex.lang == "de" and tok.capitalised:
        kinds = _carrier_head(tok.lemma, lex)
    if kinds and ("carrier" in kinds or "missile" in kinds):
        if lex.lang == "de" and not tok.capitalised:
            return None
        return (None, "missile" if "missile" in kinds else "carrier")
    return None


_TRANSFER_HEADS: Final = tuple(words("noun.transfer-head", "de"))
_GOODS_PREFIXES: Final = word_values("stem.generic-goods")


def _goods_of_transfer_noun(lemma: str, lex: Lexicon) -> str | None:
    """ "Kampfpanzerlieferung", "Munitionsexport", "Waffenlieferungen": the goods sit in the compound."""
    word = lemma.lower()
    for head in _TRANSFER_HEADS:
        if word.endswith(head) and len(word) > len(head) + 3:
            prefix = word[: -len(head)].rstrip("-")
            if prefix in _GOODS_PREFIXES:
                return _GOODS_PREFIXES[prefix]
            for stem in (
                prefix,
                prefix[:-1] if prefix.endswith("s") else None,
                prefix[:-1] if prefix.endswith("n") else None,
                prefix[:-2] if prefix.endswith("en") else None,
            ):
                if stem and len(stem) > 3:
                    cat = lex.item_heads.get(stem) or lex.item_words.get(stem) or _head_category(stem, lex)
                    if cat is not None:
                        return cat
    return None


def _parts_of_goods(lemma: str, lex: Lexicon) -> bool:
    """A compound in "-teil" whose first part names weapons."""
    word = lemma.lower()
    if not word.endswith("teil") or len(word) < 9:
        return False
    prefix = word[:-4].rstrip("-")
    for stem in (
        prefix,
        prefix[:-1] if prefix.endswith(("s", "n")) else "",
        prefix[:-2] if prefix.endswith("en") else "",
    ):
        if len(stem) > 3 and (lex.item_words.get(stem) or lex.item_heads.get(stem) or _head_category(stem, lex)):
            return True
    return False


def _carrier_head(lemma: str, lex: Lexicon) -> set[str]:
    """ "Raketensysteme", "Waffensystem": a compound ending in a carrier noun."""
    for cut in range(3, len(lemma) - 4):
        kinds = lex.cue_lemmas.get(lemma[cut:])
        if kinds and kinds & {"carrier", "missile"}:
            return kinds
    return set()


_HEAD_MEMO: Final[dict[tuple[str, str], str | None]] = {}


def _head_category(lemma: str, lex: Lexicon) -> str | None:
    """Longest item head that ends the (compound) lemma (memoised)."""
    return _memoised(_HEAD_MEMO, (lex.lang, lemma), lambda: _longest_head_category(lemma, lex))


def _longest_head_category(lemma: str, lex: Lexicon, plural: bool = True) -> str | None:
    heads = lex.item_heads
    word = lemma.lower()
    found = _compound_head(word, heads)
    if found is None and plural:
        # a plural the lemmatizer does not know ("Trainingsflugzeuge", "Minenwerfern"): its singular's head
        for ending in _PLURAL_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 4:
                found = _compound_head(word[: -len(ending)], heads)
                if found is not None:
                    break
    if found is not None:
        return found
    collection = next((c for c in _COLLECTIONS if word.endswith(c) and len(word) > len(c) + 3), None)
    if collection is not None:
        # "Artilleriearsenal", "Drohnenflotte", "Panzerbestand": a stock of goods is goods of that kind
        stem = word[: -len(collection)].rstrip("-")
        for joint in (
            stem,
            stem[:-1] if stem.endswith(("n", "s", "e")) else "",
            stem[:-2] if stem.endswith("en") else "",
        ):
            cat = _longest_head_category(joint, lex, False) if len(joint) > 3 else None
            if cat is not None:
                return cat  # "Drohnen|flotte": without the joining -n- the modifier is "Drohne"
    return None


_COLLECTIONS: Final = tuple(words("noun.collection", "de"))
_PLURAL_ENDINGS: Final = tuple(word_list("suffix.noun-plural", "de"))


def _compound_head(word: str, heads: dict[str, str]) -> str | None:
    """The category of the longest item head that ends the word."""
    for cut in range(0, len(word) - 2):
        if cut and cut < _NOUNY_PREFIX_MIN and word[cut - 1] != "-":
            continue
        cat = heads.get(word[cut:])
        if cat is not None:
            return cat
    return None


def _coordinated_heads(tokens: list[Token], items: list[ItemMention], lex: Lexicon) -> None:
    """ "Artillerie- und Panzergeschosse": the truncated word borrows the next head."""
    if lex.lang != "de":
        return
    by_start = {m.start: m for m in items}
    for i, tok in enumerate(tokens[:-2]):
        if not tok.text.endswith("-") or len(tok.text) < 3:
            continue
        if tokens[i + 1].lower not in _TRUNCATION_LINKS:
            continue
        nxt = by_start.get(i + 2)
        if nxt is None:
            continue
        cat = _borrowed_category(tok.text[:-1].lower(), tokens[i + 2].lemma, lex)
        if cat is None:
            continue
        if i in by_start:
            by_start[i].category = cat
        else:
            items.append(ItemMention(i, i + 1, cat))


def _borrowed_category(prefix: str, lemma: str, lex: Lexicon) -> str | None:
    """Complete "Panzerabwehr-" with the shortest tail of "Flugabwehrraketen" that makes a known word."""
    word = lemma.lower()
    for cut in range(len(word) - 3, 0, -1):
        combined = prefix + word[cut:]
        cat = lex.item_heads.get(combined) or lex.item_words.get(combined)
        if cat is not None:
            return cat
    head = _longest_head(word, lex)
    return _head_category(prefix + head, lex) if head else None


def _longest_head(lemma: str, lex: Lexicon) -> str | None:
    """The last compound element of ``lemma``: the bare noun a truncated word borrows."""
    word = lemma.lower()
    for cut in range(len(word) - 3, -1, -1):
        if word[cut:] in lex.item_heads or word[cut:] in lex.item_words:
            return word[cut:]
    return None


def _merge_designations(tokens: list[Token], items: list[ItemMention], lex: Lexicon) -> list[ItemMention]:
    """Join a generic noun with the designation that names it.

    "Kampfjets vom Typ F-16", "F-16 fighter jets", "vier IRIS-T-Startgeräte",
    "Patriot air defence battery", "Fregatten vom Typ 26".
    """
    merged: list[ItemMention] = []
    skip: set[int] = set()
    for idx, item in enumerate(items):
        if idx in skip:
            continue
        nxt = items[idx + 1] if idx + 1 < len(items) else None
        if item.designation is None and nxt is not None and nxt.designation is not None:
            gap = [t.lower for t in tokens[item.end : nxt.start]]
            if (
                gap
                and gap[-1] in _TYPE_WORDS
                and len(gap) <= 3
                or not gap
                and item.category is not None
                # "U-Boote der Daphné-Klasse", "frigates of the Meko class": the class names the boats
                or item.category is not None
                and len(gap) <= 2
                and all(w in _CLASS_LINKS for w in gap)
                and tokens[nxt.end - 1].lower.rsplit("-", 1)[-1] in _TYPE_WORDS
            ):
                _combine(item, nxt, tokens[item.end - 1].lower)
                item.end = nxt.end
                skip.add(idx + 1)
        elif item.designation is not None and nxt is not None and nxt.designation is None and nxt.start == item.end:
            _combine(nxt, item, tokens[nxt.end - 1].lower)
            nxt.start = item.start
            merged.append(nxt)
            skip.add(idx + 1)
            continue
        if item.designation is None:
            _unknown_designation(tokens, item, lex)
        merged.append(item)
    return merged


def _combine(generic: ItemMention, named: ItemMention, word: str) -> None:
    """The generic noun takes the name; whose category wins, ``_specific_generic`` says (``word``: the noun)."""
    generic.designation = named.designation
    generic.producer = named.producer
    if (
        generic.category is None
        or generic.category == "military-equipment"
        or not _specific_generic(generic.category, named.category or "", word)
        and named.category is not None
    ):
        generic.category = named.category
    generic.carrier = None


def _unknown_designation(tokens: list[Token], item: ItemMention, lex: Lexicon) -> None:
    """A name the catalogue lacks, recognised by construction: "Jets vom Typ JF-99"."""
    j = item.end
    words = [t.lower for t in tokens[j : j + 3]]
    if words and words[0] in _TYPE_LINKS and len(words) > 1 and words[1] in _TYPE_WORDS:
        j += 2
    elif words and words[0] in _TYPE_WORDS:
        j += 1
    else:
        return
    if j < len(tokens) and _DESIGNATION_SHAPE.match(tokens[j].text):
        name = tokens[j].text
        if j + 1 < len(tokens) and _DESIGNATION_SHAPE.match(tokens[j + 1].text):
            name += " " + tokens[j + 1].text
            j += 1
        item.designation = name
        item.end = j + 1


_MULTIPLIERS: Final = {w: int(v) for w, v in word_values("number.multiplier").items()}
_MODEL_WORDS: Final = words("noun.model")
_ONE: Final = words("number.one")
_PART_OF: Final = words("prep.part-of")
_TRUNCATION_LINKS: Final = words("conj.truncation-link", "de")
_TYPE_LINKS: Final = words("prep.type-link")
_PROGRAMME: Final = words("noun.programme", "en")
_HEAD_AFTER_GOODS: Final = words("noun.head-after-goods", "en")
_FREE_RELATIVE: Final = words("pronoun.free-relative", "en")
_NEAR_PHRASES: Final = tuple(tuple(p.split()) for p in word_list("phrase.near-a-deal", "en"))
_NEAR_KINDS: Final = frozenset({"deal", "buy", "order", "sell"})
_INDEFINITE_EN: Final = words("article.indefinite", "en")
_KEEP_ON: Final = words("verb.keep-on", "en")
_LIST_LINKS: Final = words("function.list-link", "en")
TRIGGERS_EN: Final = kind_group("trigger")
_TEMPORAL_LIMITS: Final = words("prep.temporal-limit")
_DATE_OPENERS: Final = words("noun.date-opener")
_BE_FINITE: Final = words("aux.finite-passive", "en")
_ROMAN: Final = words("number.roman")


def _quantity(tokens: list[Token], start: int, lex: Lexicon) -> int | None:
    """The number in front of an item: "24 gebrauchte Kampfjets", "zwei Dutzend", "three hundred"."""
    j = start - 1
    steps = 0
    while j >= 0 and steps < 5:
        tok = tokens[j]
        word = tok.lower
        if tok.text == ")" and j >= 2 and tokens[j - 2].text == "(" and tokens[j - 1].text.isdigit():
            return int(tokens[j - 1].text)  # "twelve (12) AH-64E helicopters": the figure in brackets repeats the count
        if word in _MULTIPLIERS:
            factor = _MULTIPLIERS[word]
            before = tokens[j - 1] if j > 0 else None
            count = _number(before, lex) if before is not None else None
            after = tokens[j + 1].lower if j + 1 < start else ""
            if (
                j > 1
                and tokens[j - 2].text in "$€£"
                or after in _MONEY_AFTER
                or any(t.lower in _WORTH for t in tokens[j:start])
            ):
                return None  # "$1 million worth of ammunition": money, no count
            if count is not None and count < factor:
                return count * factor
            return factor if before is not None and before.lower in _ONE else None
        value = _number(tok, lex)
        if value is not None and j > 0 and tokens[j - 1].lower in _MODEL_WORDS:
            j -= 2  # "40 used Type 74 tanks", "Leopard vom Typ 2": a model number counts nothing
            steps += 1
            continue
        if value is not None:
            nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
            first = _first_digit_group(tokens, j)  # "2 000 Granaten": one number in groups of three
            if nxt in _MONEY_AFTER or (first > 0 and tokens[first - 1].text in "$€£"):
                return None
            if first < j:
                return int("".join(t.text for t in tokens[first : j + 1]))
            if _YEAR.match(tok.text):
                return None
            return value or None  # "000" alone, a count of none, is no count
        if word in _CONTAINERS:
            return None  # "two shipments of Fath-360 missiles", "20 000 Container mit Munition": loads, not units
        if word in _COUNT_CLASSIFIERS and j + 1 < start and tokens[j + 1].lower in _QUANT_SKIP:
            j -= 1  # "146 Stück des Leopard 2", "six units of the Caracal": the classifier counts the goods
            continue
        width = _maker_width(tokens, j, lex) if j + 1 == start and tok.capitalised else 0
        if width:
            j -= width  # "30 Airbus Caracal helicopters", "12 Lockheed Martin F-35A": the maker names no count
            steps += 1
            continue
        if word in _QUANT_SKIP or (tok.text[:1].islower() and word.isalpha() and steps < 2 and lex.lang == "de"):
            j -= 1
            steps += 1
            continue
        if lex.lang == "en" and word.isalpha() and tok.lowercase and steps < 2:
            j -= 1
            steps += 1
            continue
        if lex.lang == "en" and steps < 2 and _origin_word(tok.text, lex):
            j -= 1  # "24 Danish F-16s", "12 ex-Danish F-16s", "40 US-made howitzers"
            steps += 1
            continue
        return None
    return None


def _maker_width(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """How many words of a maker's name end at token j before goods (0: none): the first word of
    designations that is no designation itself ("Airbus" in "Airbus H145M"), or a firm's name of one or two
    words ("Boeing", "Lockheed Martin")."""
    key = designation_key(tokens[j].text)
    if key in lex.designation_starts and key not in lex.designations:
        return 1
    for width in (1, 2):
        if j - width + 1 < 0:
            break
        entry = lex.actors.get(tuple(t.text for t in tokens[j - width + 1 : j + 1]))
        if entry is not None and entry.kind == "org":
            return width
    return 0


def _first_digit_group(tokens: list[Token], j: int) -> int:
    """The first token of a number written in groups of three digits with one space between ("2 000",
    "1 200 000") that ends at token j; j itself for any other number."""
    while (
        j > 0
        and len(tokens[j].text) == 3
        and tokens[j].text.isdigit()
        and tokens[j - 1].text.isdigit()
        and len(tokens[j - 1].text) <= 3
        and tokens[j].start - tokens[j - 1].end == 1
    ):
        j -= 1
    return j


def _origin_word(text: str, lex: Lexicon) -> bool:
    entry = lex.actors.get((text,))
    if entry is not None:
        return entry.kind == "adj"
    compound = _actor_in_compound(text, lex)
    return isinstance(compound, ActorEntry) and (compound.kind == "adj" or text.lower().endswith(_MADE))


_CONTAINERS: Final = words("noun.load")
_COUNT_CLASSIFIERS: Final = words("noun.count-classifier")


def _part(tokens: list[Token], start: int, total: int | None, lex: Lexicon) -> int | None:
    """ "the first 24 of 96 Apache helicopters", "die ersten 4 der 12 Jets": a part of the order."""
    if total is None:
        return None
    for j in range(start - 1, max(1, start - 6), -1):
        if _number(tokens[j], lex) != total:
            continue
        k = j - 1
        while k > 1 and (
            tokens[k].lower in _IN_TOTAL or tokens[k].lower in _PART_OF and tokens[k - 1].lower in _IN_TOTAL
        ):
            k -= 1  # "die ersten vier von insgesamt zwölf", "the first 11 of a total of 29"
        if tokens[k].lower in _PART_OF:
            part = _number(tokens[k - 1], lex) if k >= 1 else None
            return part if part is not None and part < total else None
    return None


_IN_TOTAL: Final = words("word.in-total")


_GROUPED_NUMBER: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _number(tok: Token, lex: Lexicon) -> int | None:
    text = tok.text
    if text.isdigit():
        return int(text)
    if text[:1].isdigit() and _GROUPED_NUMBER.fullmatch(text):  # "8.000", "3,000"
        return int(text.replace(".", "").replace(",", ""))
    return lex.numbers.get(tok.lower)


# --------------------------------------------------------------------------- cues


def find_cues(tokens: list[Token], lex: Lexicon) -> list[CueMention]:
    """The cue mentions of a sentence: phrases and words of the cue lexicon, verb and particle joined, then the
    readings the sentence rules out."""
    found = _scan_cues(tokens, lex)
    _separable_particles(tokens, found, lex)
    if lex.lang == "de":
        _reflexive_with_subject_between(tokens, found, lex)
    found = [c for c in found if not _negates_a_date(tokens, c)]
    found = [_not_as_planned(tokens, c, lex.lang) for c in found]
    # "bot Katar Bomben zum Kauf an", "offered Qatar bombs for sale": the purchase or sale is what the offer is
    # for, the offer states the transfer; "lieferte ohne Genehmigung Pistolen nach Mexiko", "mit Genehmigung der
    # Regierung": a licence named as the manner of a transfer approves nothing of its own (one pass for both)
    found = [c for c in found if not (_purpose_of_offer(tokens, c, found) or _licence_as_manner(tokens, c))]
    if lex.lang == "en":
        found = _english_cue_readings(tokens, found)
        found = _english_cue_nouns(tokens, found, lex)
    found += _replacing_with(tokens, found, lex.lang)
    if lex.lang == "en":
        found += _headline_infinitive(tokens, found)
    return found


def _headline_infinitive(tokens: list[Token], found: list[CueMention]) -> list[CueMention]:
    """ "Seoul to sell 48 K9 howitzers to Australia", "UPDATE: Australia to buy …": a name opening the sentence (or
    its part after a colon) right before "to" and a verb of trade, with no finite verb, is the headline's future
    ("will sell"): "to" carries it (rule mod.en.headline-infinitive-future)."""
    for cue in found:
        i = cue.start
        if i < 2 or tokens[i - 1].lower != "to" or not cue.kinds & _TRADE_NOUN_KINDS or not tokens[i - 2].capitalised:
            continue
        start = i - 2
        while start > 0 and tokens[start - 1].capitalised and tokens[start - 1].text[:1].isalpha():
            start -= 1
        if (start == 0 or tokens[start - 1].text == ":") and tokens[start].capitalised:
            return [CueMention(i - 1, i, kind_set(("future",)), "to")]
    return []


def _replacing_with(tokens: list[Token], found: list[CueMention], lang: str) -> list[CueMention]:
    """ "Chile is replacing its F-5 with Gripen from Sweden", "Peru will seine MiG-29 durch Kampfjets aus Schweden
    ersetzen": a verb of replacing with "with"/"durch" in its clause acquires what that phrase names, as buying
    does (rule trigger.replace-with-acquires); in a sentence that names a trade already ("bought Gripen to replace
    its F-5") it stays a purpose."""
    if any(c.kinds & TRIGGERS_EN for c in found):
        return []
    new: list[CueMention] = []
    for i, tok in enumerate(tokens):
        if tok.lemma in _REPLACE_LEMMAS and tok.lowercase and replaced_by_at(tokens, i, lang) >= 0:
            new.append(CueMention(i, i + 1, kind_set(("buy",)), tok.lemma))
    return new


def replaced_by_at(tokens: list[Token], i: int, lang: str) -> int:
    """Where the "with"/"durch" of the verb of replacing at i stands in its clause (after it in English, on
    either side in German), or -1."""
    steps = (1,) if lang == "en" else (1, -1)
    for step in steps:
        k = i + step
        while 0 <= k < len(tokens) and abs(k - i) <= 10 and tokens[k].text not in _CLAUSE_MARKS:
            if tokens[k].lower in _REPLACED_BY[lang]:
                return k
            k += step
    return -1


_REPLACE_LEMMAS: Final = words("lemma.replace")
_REPLACED_BY: Final = {lang: words("prep.replaced-by", lang) for lang in ("de", "en")}
_CLAUSE_MARKS: Final = frozenset({".", ";", ":", "?", "!"})


def _reflexive_with_subject_between(tokens: list[Token], found: list[CueMention], lex: Lexicon) -> None:
    """ "Berichten zufolge interessiert sich auch Chile für Panzer": a reflexive verb phrase of the lexicon ("sich
    interessieren für") whose subject stands between "sich" and the preposition, as in verb-first order; the
    verb and "sich" carry the phrase's kinds (a one-word reading of the verb gives way)."""
    n = len(tokens)
    for i in range(n - 3):
        if (
            tokens[i + 1].lower != "sich"
            or not tokens[i].lowercase
            or (tokens[i].lower, "sich") not in lex.cue_phrase_pairs
        ):
            continue
        for j in range(i + 3, min(n, i + 8)):
            if not (tokens[j].alphabetic or "-" in tokens[j].text):
                break
            kinds = lex.cue_phrases.get((tokens[i].lower, "sich", tokens[j].lower))
            if kinds:
                found[:] = [c for c in found if not (c.start == i and c.end == i + 1)]
                if not any(c.start <= i < c.end for c in found):
                    found.append(CueMention(i, i + 2, kind_set(kinds), f"{tokens[i].lower} sich {tokens[j].lower}"))
                    found.sort(key=lambda c: c.start)
                break


def _licence_as_manner(tokens: list[Token], cue: CueMention) -> bool:
    """A noun of approving right after "ohne"/"mit" (an article or possessive between allowed)."""
    if "approve" not in cue.kinds or not tokens[cue.start].capitalised or cue.start == 0:
        return False
    k = cue.start - 1
    if tokens[k].lower in ARTICLES and k > 0:
        k -= 1
    return tokens[k].lower in _LICENCE_MANNER


def _purpose_of_offer(tokens: list[Token], cue: CueMention, found: list[CueMention]) -> bool:
    """A noun of buying or selling right after "zum"/"for" ("zum Kauf", "for sale") in a sentence with an offer."""
    return (
        cue.start > 0
        and bool(cue.kinds & _TRADE_KINDS)
        and (
            tokens[cue.start - 1].lower in _OFFER_PURPOSE
            # "hat Brasilien den Kauf eines U-Bootes angeboten", "offered Brazil the purchase of": the offered
            # purchase is the offer's object; the offer states the transfer
            or tokens[cue.start - 1].lower in ARTICLES
            and (tokens[cue.start].capitalised or cue.end < len(tokens) and tokens[cue.end].lower in _OF_OR_THE)
        )
        and any("promise" in x.kinds and x.lemma in _OFFER_VERBS and tokens[x.start].lowercase for x in found)
    )


def _scan_cues(tokens: list[Token], lex: Lexicon) -> list[CueMention]:
    """Cue words and the longest cue phrases, left to right."""
    found: list[CueMention] = []
    n = len(tokens)
    i = 0
    # (the lexicon is an interpreted object: its attributes are read once here, not at every phrase start)
    starts = lex.cue_phrase_starts
    pairs = lex.cue_phrase_pairs
    phrases = lex.cue_phrases
    memo = _CUE_MEMO.setdefault(lex.lang, {})
    while i < n:
        hit = None
        tok = tokens[i]
        entry = memo.get(tok.text)
        if entry is None:
            entry = _memoised(memo, tok.text, lambda tok=tok: _cue_entry(tok, lex))
        if entry is not _PHRASE_START:
            # the common case: one token whose reading depends at most on whether a noun follows
            if entry is not _NO_CUE:
                without, with_noun = entry
                cue = with_noun if i + 1 < n and tokens[i + 1].capitalised else without
                if cue[0]:
                    found.append(CueMention(i, i + 1, cue[0], cue[1]))
            i += 1
            continue
        longest = starts[tok.lower]
        if i + 1 < n:
            pair = (tok.lower, tokens[i + 1].lower)
            if pair not in pairs and (tok.lower, tokens[i + 1].lemma) not in pairs:
                longest = 0  # "the", "die", "in" start phrases, but rarely with this next word
        # (the lowercase forms are gathered once, in a list: a tuple built from a generator per length costs
        # a generic iteration, a fifth of finding cues)
        lowers = [t.lower for t in tokens[i : i + longest]] if longest > 1 else []
        for size in range(min(longest, n - i), 1, -1):
            key = tuple(lowers[:size])
            kinds = phrases.get(key)
            if kinds is None:
                key = (*lowers[: size - 1], tokens[i + size - 1].lemma)
                kinds = phrases.get(key)
            if kinds:
                hit = CueMention(i, i + size, kind_set(kinds), " ".join(key))
                break
        if hit is None:
            tok = tokens[i]
            nxt = tokens[i + 1].text if i + 1 < n else ""
            word_kinds, lemma = _token_cue(tok.text, tok.lower, tok.lemma, nxt[:1].isupper(), lex)
            if word_kinds:
                hit = CueMention(i, i + 1, word_kinds, lemma)
        if hit is not None:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found


def _english_cue_readings(tokens: list[Token], found: list[CueMention]) -> list[CueMention]:
    """English readings the sentence rules out or turns: the month May, a hedge on a free relative, near deals,
    goods kept up, denying a request, dismissing concerns, training in a package, attacks on victims."""
    # "by May", "in May 2025": inside a sentence the capitalised modal is the month
    found = [c for c in found if not (c.start > 0 and tokens[c.start].text == "May")]
    # "in what is believed to be the biggest airlift": the hedge describes a noun phrase, not the clause
    found = [c for c in found if not _hedges_free_relative(tokens, c)]
    found += _near_deals(tokens, found)
    found += _kept_up(tokens, found)
    found = [_deny_as_refusal(tokens, c) for c in found]
    found = [c for c in found if not _dismissing_concerns(tokens, c)]
    found = [c for c in found if not _training_in_package(tokens, c, found)]
    # "drones used by Russia to target Ukrainian civilians": a verb of aiming at people or places attacks them
    found = [c for c in found if not _attack_on_victims(tokens, c)]
    # "to use frozen Russian assets": a participle before a noun without an auxiliary describes it; "the China
    # National Aero-Technology Import and Export Corporation": a capitalised word inside a name; "and two more are
    # expected": the rest is to be supplied (one pass for the three)
    found = [
        _remainder_expected(tokens, c)
        for c in found
        if not (_attributive_measure_participle(tokens, c) or _inside_capitalised_name(tokens, c))
    ]
    # "voted to lift the arms embargo and targeted sanctions on Eritrea": a participle before a measure noun
    # describes it, no verb of imposing; "military end users in Laos", "end-use checks": "end" modifies the noun,
    # nothing is ended (one pass for both)
    return [
        c
        for c in found
        if not (
            _describes_measure(tokens, c, found) or (c.end < len(tokens) and tokens[c.end].lower in _END_COMPOUND_HEADS)
        )
    ]


def _inside_capitalised_name(tokens: list[Token], cue: CueMention) -> bool:
    """Is the English cue of a trade a capitalised word amid a name's capitalised words, "and" or "&" linking them
    ("Import and Export Corporation")?"""
    i = cue.start
    if cue.end - cue.start != 1 or i == 0 or cue.end >= len(tokens) or not tokens[i].capitalised:
        return False
    if not cue.kinds & TRIGGERS_EN:
        return False  # ("the Egyptian Air Force": a word of forces names them inside the name too)
    return _name_word(tokens, i - 1, -1) and _name_word(tokens, i + 1, 1)


def _name_word(tokens: list[Token], k: int, step: int) -> bool:
    """Is token k a capitalised word of a name, or a linking "and"/"&" with one on its far side?"""
    tok = tokens[k]
    if tok.lower in _NAME_LINKS:
        k += step
        return 0 <= k < len(tokens) and tokens[k].capitalised and tokens[k].text[:1].isalpha()
    return tok.capitalised and tok.text[:1].isalpha()


_NAME_LINKS: Final = words("link.inside-name", "en")


def _remainder_expected(tokens: list[Token], cue: CueMention) -> CueMention:
    """ "and two more are expected next year", "the remaining four are due in 2026": the rest of the goods
    expected or due are to be delivered; the word of expecting reads as a verb of supplying to come."""
    if "future" not in cue.kinds or tokens[cue.start].lower not in _EXPECTED_DUE or cue.start < 2:
        return cue
    k = cue.start - 1
    if tokens[k].lower not in _BE_FINITE:
        return cue
    if tokens[k - 1].lower not in _REMAINDER_WORDS:
        return cue
    return CueMention(cue.start, cue.end, cue.kinds | _GIVE_KIND, cue.lemma)


_EXPECTED_DUE: Final = words("word.expected-due", "en")
_REMAINDER_WORDS: Final = words("pronoun.remainder", "en")
_GIVE_KIND: Final = frozenset({"give"})


def _attributive_measure_participle(tokens: list[Token], cue: CueMention) -> bool:
    """ "frozen Russian assets": the participle of a measure verb with no auxiliary before it and a word after it
    that is no preposition or punctuation is an adjective ("has frozen arms exports", "remain frozen" are verbs)."""
    if tokens[cue.start].lower not in _ATTRIBUTIVE_MEASURE or cue.start == 0 or cue.end >= len(tokens):
        return False
    before, after = tokens[cue.start - 1].lower, tokens[cue.end]
    if before in _AUX_BEFORE_PARTICIPLE or before.endswith(("ly", "n't")) or before == "not":
        return False
    return after.alphabetic and after.lower not in PREPOSITIONS


_ATTRIBUTIVE_MEASURE: Final = words("participle.attributive-measure", "en")
_AUX_BEFORE_PARTICIPLE: Final = (
    words("aux.passive", "en") | words("aux.perfect-finite", "en") | words("verb.remain-state", "en")
)


def _describes_measure(tokens: list[Token], cue: CueMention, found: list[CueMention]) -> bool:
    return tokens[cue.start].lower in _MEASURE_ATTRIBUTES and any(
        x.start == cue.end and "sanction" in x.kinds for x in found
    )


def _english_cue_nouns(tokens: list[Token], found: list[CueMention], lex: Lexicon) -> list[CueMention]:
    """English verb forms that are nouns or names here: "follow" with an object, a version ("Batch 2"), a
    technical compound, a verb form after a determiner, preposition or number."""
    # "the deal follows the delivery of …": "follow" gives only without an object ("more will follow")
    found = [
        c
        for c in found
        if not (
            c.lemma in _INTRANSITIVE_GIVING
            and c.end < len(tokens)
            and (tokens[c.end].lower in _DETERMINERS or tokens[c.end].lower in _PASSIVE_AGENT)
            and meets(c.kinds, _VERB_KINDS)
        )
    ]
    # "to aid its fight against drug trafficking", "oil exports": a trade in civil goods is no trade in arms
    found = [
        c
        for c in found
        if not (c.start > 0 and tokens[c.start - 1].lower in _CIVIL_TRADE_GOODS and meets(c.kinds, _TRADE_NOUN_KINDS))
    ]
    # "F-16 Block 70", "Batch 2": a capitalised word before a number names a version, no measure
    found = [
        c
        for c in found
        if not (
            c.start > 0
            and c.end < len(tokens)
            and tokens[c.start].capitalised
            and tokens[c.start].lower in _NAME_PART_BEFORE_NUMBER
            and tokens[c.end].text[:1].isdigit()
        )
    ]
    # "the Exocet's guidance system", "guidance kits": a technical compound, no official guidance
    found = [
        c
        for c in found
        if not (
            "sanction" in c.kinds
            and c.end < len(tokens)
            and tokens[c.start].lower in _TECHNICAL_MODIFIERS
            and tokens[c.end].lower in _TECHNICAL_HEADS
        )
    ]
    # "at ships", "the ships": after a determiner or preposition a verb form is a noun;
    # "40 used tanks": after a number a participle is an adjective ("second-hand")
    found = [
        c
        for c in found
        if not (
            c.kinds <= _VERB_KINDS
            and c.end - c.start == 1
            and c.start > 0
            and (
                tokens[c.start - 1].lower in _DETERMINERS
                or tokens[c.start - 1].lower in _VESSEL_MODIFIERS  # "a cargo ship", "the supply ships"
                and tokens[c.start].lower in _HOMOGRAPHS  # not "the navy received"
                or tokens[c.start].lower in _HOMOGRAPHS  # "two ships", "the navy's ships", "retired ships"
                and not _verb_homograph_at(tokens, c.start, lex)
                or tokens[c.start - 1].lower in PREPOSITIONS
                and tokens[c.start - 1].lower != "to"
                and not tokens[c.start].lower.endswith("ing")  # "of flying": a gerund is a verb
                or tokens[c.start].lower.endswith("ed")
                and (tokens[c.start - 1].text.isdigit() or tokens[c.start - 1].lower in lex.numbers)
                and not _YEAR.match(tokens[c.start - 1].text)  # "Chile in 2019 delivered": a date, no count
                and c.end < len(tokens)
                and tokens[c.end].alphabetic
                and tokens[c.end].lower not in PREPOSITIONS
            )
        )
    ]
    return found


_CIVIL_TRADE_GOODS: Final = words("noun.civil-trade-goods", "en")
# kinds of a cue of trade: a noun of them after a civil good is no cue, a verb of them after "to" may be a headline's
_TRADE_NOUN_KINDS: Final = frozenset({"give", "give_noun", "sell", "buy", "get", "deal", "order"})


_PHRASE_START: Final[tuple] = ("phrase",)
_NO_CUE: Final[tuple] = ("none",)


def _cue_entry(tok: Token, lex: Lexicon) -> tuple:
    """What a word contributes to cue finding: a phrase may start here, nothing, or its readings
    (without and with a following noun)."""
    if tok.lower in lex.cue_phrase_starts:
        return _PHRASE_START
    without = _token_cue(tok.text, tok.lower, tok.lemma, False, lex)
    if not without[0]:
        # a following noun only ever narrows the reading (it rules out inflected adjectives as verbs),
        # so a word that is no cue on its own is none before a noun either: most words stop here
        return _NO_CUE
    with_noun = _token_cue(tok.text, tok.lower, tok.lemma, True, lex)
    return (without, with_noun)


_VERB_KINDS: Final = kind_group("en-verb")
_DETERMINERS: Final = words("determiner.before-noun", "en")
_TECHNICAL_MODIFIERS: Final = words("noun.measure-or-technical", "en")
_TECHNICAL_HEADS: Final = words("noun.technical-head", "en")
_VESSEL_MODIFIERS: Final = words("noun.before-vessel", "en")


_CUE_MEMO: Final[dict[str, dict[str, tuple]]] = {}
_TOKEN_MEMO: Final[dict[tuple, tuple[frozenset[str], str]]] = {}


_PARTICIPLE_ENDS: Final = tuple(word_list("suffix.participle", "de"))


def _token_cue(text: str, lower: str, lemma: str, noun_follows: bool, lex: Lexicon) -> tuple[frozenset[str], str]:
    """Cue kinds of one token, memoised: news vocabulary repeats, the rules need not."""
    key = (lex.lang, text, lemma, noun_follows)
    memo = _TOKEN_MEMO.get(key)
    if memo is not None:
        return memo
    kinds = set(lex.cue_words.get(lower, ()))
    kinds |= lex.cue_lemmas.get(lemma, set())
    if not kinds and lex.lang == "de" and lemma != lower and text.islower() and lemma.endswith(_PARTICIPLE_ENDS):
        # "die in China erworbenen Jets", "die zugesagten Panzer": the lemma of an inflected strong or prefixed
        # participle is the participle ("erworben", "zugesagt"); its own lemma is the verb
        verb = lemmatize(lemma, "de")
        by_verb = lex.cue_lemmas.get(verb)
        if by_verb:
            kinds |= by_verb
            lemma = verb
    if not kinds and "-" in lemma and lex.lang == "de":
        lemma = lemma.rsplit("-", 1)[1]
        kinds |= lex.cue_lemmas.get(lemma, set())
    if not kinds and lex.lang == "de" and text[:1].isupper() and len(lemma) > 7:
        kinds |= _noun_cue_head(lemma, lex)
    if not kinds and lex.lang == "en" and text.islower() and text.isalpha():
        for candidate in english_verb_candidates(text)[1:]:
            by_rule = lex.cue_lemmas.get(candidate)
            if by_rule:
                kinds |= by_rule
                lemma = candidate
                break
    if (
        not kinds
        and lex.lang == "de"
        and text.islower()
        and text.isalpha()
        and not (noun_follows and lower.endswith(_ENDINGS))
    ):
        # (an inflected adjective before a noun, "gebrauchte Kampfjets", is no verb; "beschafft Ungarn" is)
        for candidate in german_verb_candidates(text):
            by_rule = lex.cue_lemmas.get(candidate)
            if by_rule:
                kinds |= by_rule
                lemma = candidate
                break
    if len(_TOKEN_MEMO) > 500_000:
        _TOKEN_MEMO.clear()
        _CUE_MEMO.clear()
    result = (kind_set(kinds), lemma)
    _TOKEN_MEMO[key] = result
    return result


# One frozenset object per distinct set of cue kinds: rules key dicts by a cue's kinds (a lead's rank), and a
# look-up that meets an equal but distinct frozenset compares them element by element (about 400
# instructions); with one object per set, it stops at the identity test.
_KIND_SETS: Final[dict[frozenset[str], frozenset[str]]] = {}


def kind_set(kinds: Iterable[str]) -> frozenset[str]:
    """The one shared frozenset holding ``kinds``."""
    fixed = frozenset(kinds)
    shared = _KIND_SETS.get(fixed)
    if shared is None:
        if len(_KIND_SETS) > 10_000:  # (bounded, though the lexicons' kind sets are a few hundred)
            _KIND_SETS.clear()
        shared = _KIND_SETS[fixed] = fixed
    return shared


_NOUN_CUE_KINDS: Final = kind_group("noun-cue")
ROLE_NOUNS: Final = kind_group("role-noun")


def _noun_cue_head(lemma: str, lex: Lexicon) -> set[str]:
    """German compounds ending in a cue noun: "Munitionslieferung", "Ölembargo"."""
    for cut in range(3, len(lemma) - 4):
        kinds = lex.cue_lemmas.get(lemma[cut:])
        if kinds:
            nouns = kinds & _NOUN_CUE_KINDS
            if nouns & ROLE_NOUNS:
                return set(kinds)  # "Waffenlieferant", "Hauptabnehmerland": the role and its trigger
            if nouns:
                return set(nouns)
    return set()


_PARTICLES: Final = words("particle.separable", "de")
_PARTICLE_END: Final = words("function.after-separable-particle")
_PARTICLE_CHANGES_VERB: Final = words("verb.de.particle-changes-meaning", "de")


_PARTICIPLE_INFLECTIONS: Final = tuple(word_list("suffix.participle-attributive", "de"))


def _attributive_participle(tokens: list[Token], j: int) -> bool:
    """An inflected German participle right before a noun ("gekauften Kampfjets", "zugesagten Panzer"): an
    attribute, never the finite verb a clause-final particle belongs to."""
    word = tokens[j].lower
    return (
        j + 1 < len(tokens)
        and tokens[j + 1].capitalised
        and word.endswith(_PARTICIPLE_INFLECTIONS)
        and "ge" in word[:6]
        and len(word) > 6
    )


def _separable_particles(tokens: list[Token], cues: list[CueMention], lex: Lexicon) -> None:
    """ "lehnte … ab", "sicherte … zu", "stellt … bereit": join verb and particle."""
    if lex.lang != "de":
        return
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.lower not in _PARTICLES or not tok.lowercase:
            continue
        nxt = tokens[i + 1].text if i + 1 < n else "."
        if nxt not in _PARTICLE_END:
            continue
        for j in range(i - 1, max(-1, i - 25), -1):
            if tokens[j].text in (",", ";", ":"):
                break
            verb = tokens[j]
            if not verb.lowercase or _attributive_participle(tokens, j):
                continue  # "setzt die aus China gekauften Kampfjets ein": the finite verb takes the particle
            combined = tok.lower + verb.lemma
            kinds = lex.cue_lemmas.get(combined)
            if kinds:
                # the particle is part of the verb now ("stellte … bereit"), not a cue of its own
                cues[:] = [c for c in cues if c.start not in (j, i)]
                cues.append(CueMention(j, j + 1, kind_set(kinds), combined))
                cues.sort(key=lambda c: c.start)
                break
            if verb.lemma in _PARTICLE_CHANGES_VERB and any(c.start == j for c in cues):
                # "Sie geht … davon aus", "geht … vor": with its particle the verb is another one, no going
                cues[:] = [c for c in cues if c.start != j]
                break


COUNTRY: Final = "@country"
GROUP: Final = "@group"
# A reference to a state names what kind of state it can be: forces, a government, a monarchy, a junta …
# (resolved in events.py; ``state.*`` word classes list the states each kind can take up).
REFERENCE_KINDS: Final = ("forces", "government", "monarchy", "junta", "emirate", "islamic-republic")
_REFERENCE_WORDS: Final = {
    "forces": words("reference.forces"),
    "government": words("reference.government"),
    "monarchy": words("reference.monarchy"),
    "junta": words("reference.junta"),
    "emirate": words("reference.emirate"),
    "islamic-republic": words("reference.islamic-republic"),
}


def reference_id(text: str) -> str:
    """ "@forces" for "die Armee", "@monarchy" for "the kingdom" …, "@country" for "das Land"."""
    ws = [w.removesuffix("'s").removesuffix("’s") for w in text.lower().split()]
    for kind in ("islamic-republic", "monarchy", "junta", "emirate", "forces", "government"):
        if any(w in _REFERENCE_WORDS[kind] for w in ws):
            return "@" + kind
    return COUNTRY


def is_reference(actor_id: str) -> bool:
    return actor_id.startswith("@")


COMPANY: Final = "@company"
PAIR: Final = "@pair"
_REFERENCE_CUES: Final = frozenset({"country_ref", "group_ref", "company_ref", "pair_ref"})


def _country_refs(tokens: list[Token], cues: list[CueMention], actors: list[ActorMention], lex: Lexicon) -> None:
    """ "das Land", "the country", "the regime", "das Unternehmen": an actor to resolve from the discourse."""
    taken = {i for a in actors for i in range(a.start, a.end)}
    for cue in cues:
        if meets(cue.kinds, _REFERENCE_CUES) and all(k not in taken for k in range(cue.start, cue.end)):
            nxt = tokens[cue.end].lower if cue.end < len(tokens) else ""
            if nxt in _REFERENCE_NAMED and (cue.end + 1 in taken or cue.end + 2 in taken) or cue.end in taken:
                if "country_ref" in cue.kinds:
                    _state_acts_through_body(tokens, cue, actors, lex)
                continue  # "die Regierung in Baku", "die Marine Ägyptens": the state is named
            text = " ".join(t.text for t in tokens[cue.start : cue.end])
            ref = (
                PAIR
                if "pair_ref" in cue.kinds
                else reference_id(text)
                if "country_ref" in cue.kinds
                else GROUP
                if "group_ref" in cue.kinds
                else COMPANY
            )
            if ref == COMPANY and _names_follow(tokens, cue.end, lex.lang):
                continue  # "der Konzern Saab", "den Hersteller KNDS": the firm is named right here
            head = cue.start + 1 if tokens[cue.start].lower in ARTICLES else cue.start
            prep, article = _governor(tokens, head, lex)
            actors.append(
                ActorMention(
                    cue.start,
                    cue.end,
                    ref,
                    "ref",
                    prep,
                    article or tokens[cue.start].lower,
                    text,
                    genitive=article == "des" or tokens[cue.start].lower == "des",
                )
            )
    if lex.lang == "en":
        _described_refs(tokens, actors, lex)
    else:
        _described_refs_de(tokens, actors, lex)
    actors.sort(key=lambda a: a.start)


def _state_acts_through_body(tokens: list[Token], cue: CueMention, actors: list[ActorMention], lex: Lexicon) -> None:
    """ "Das Verteidigungsministerium Perus unterzeichnete", "The Ministry of Defence of Peru bought": a state
    named in the genitive or after "of" right behind a body through which it acts, with no preposition before
    the body, is the party and stands where the body stands (subject or object by the body's article);
    behind a preposition the governor already passes on ("an die Streitkräfte Indonesiens")."""
    at = cue.end + 1 if lex.lang == "en" and tokens[cue.end].lower == "of" else cue.end
    k = next((m for m, a in enumerate(actors) if a.start == at), -1)
    if k < 0:
        return
    a = actors[k]
    named = a.prep == "of" if lex.lang == "en" else (a.prep is None and a.genitive and a.article != "des")
    if not named or a.kind not in _BODY_OWNER_KINDS:
        return
    head = cue.start + 1 if tokens[cue.start].lower in ARTICLES else cue.start
    if cue.start > 1 and tokens[cue.start - 1].capitalised and tokens[cue.start - 1].alphabetic:
        return  # "Generäle der Armee Myanmars", "Angaben der Regierung Perus": the body hangs on a noun itself
    prep, article = _direct_governor(tokens, head)
    if prep is None:
        actors[k] = ActorMention(
            a.start, a.end, a.id, a.kind, None, article, a.text, reading="grammar.state-acts-through-body"
        )


_BODY_OWNER_KINDS: Final = frozenset({"name", "name-gen"})


def _described_refs_de(tokens: list[Token], actors: list[ActorMention], lex: Lexicon) -> None:
    """ "das südamerikanische Land", "dem krisengeplagten Land": an article, one or two inflected adjectives and
    "Land" are a reference like "das Land"; a region's adjective lets only a state of that region take it up."""
    taken = {i for a in actors for i in range(a.start, a.end)}
    n = len(tokens)
    for i in range(n - 2):
        if tokens[i].lower not in _DE_REF_ARTICLES or i in taken:
            continue
        h = i + 1
        while h < n and h - i <= 2 and tokens[h].lowercase and tokens[h].lower.endswith(_ENDINGS):
            h += 1
        if h == i + 1 or h >= n or tokens[h].lower not in _DE_REF_HEADS or taken & set(range(i, h + 1)):
            continue
        text = " ".join(t.text for t in tokens[i : h + 1])
        prep, article = _governor(tokens, i + 1, lex)
        region = _REGION_ADJECTIVES.get(tokens[h - 1].lower.rstrip("nrsme"))
        ref = REGION_PREFIX + region if region is not None else COUNTRY
        actors.append(
            ActorMention(i, h + 1, ref, "ref", prep, article or tokens[i].lower, text, tokens[i].lower == "des")
        )
        taken |= set(range(i, h + 1))


_DE_REF_ARTICLES: Final = words("article.before-described-land", "de")
_DE_REF_HEADS: Final = words("noun.described-land", "de")


def _described_refs(tokens: list[Token], actors: list[ActorMention], lex: Lexicon) -> None:
    """ "the gas-rich emirate", "the Balkan country", "the Central Asian nation", "the landlocked country",
    "the formerly Soviet republic": a reference with up to three describing words between the article and its
    head is a reference all the same."""
    taken = {i for a in actors for i in range(a.start, a.end)}
    n = len(tokens)
    for i in range(n - 1):
        if i + 2 < n and tokens[i].lower == "the" and tokens[i + 2].lower in _GROUP_HEADS:
            k = next((m for m, a in enumerate(actors) if a.start == i + 1 and a.end == i + 2), -1)
            if k >= 0 and actors[k].kind in ("adj", "origin") and not taken & {i, i + 2}:
                # "to the Iraqi militia", "the Lebanese group": a group described by its country is the group
                # named before, not the state (coref.group-named-in-sentence)
                a = actors[k]
                text = " ".join(t.text for t in tokens[i : i + 3])
                actors[k] = ActorMention(i, i + 3, GROUP, "ref", a.prep, "the", text)
                taken |= {i, i + 1, i + 2}
                continue
        if tokens[i].lower != "the":
            continue
        bare = _BARE_REGIONS.get(tokens[i + 1].text.lower()) if tokens[i + 1].capitalised else None
        if bare is not None and i + 1 not in taken and (i + 2 >= n or not tokens[i + 2].capitalised):
            # "supplied air defence systems to the North": a part of a divided country named by its side alone
            text = f"{tokens[i].text} {tokens[i + 1].text}"
            prep, article = _governor(tokens, i + 1, lex)
            actors.append(ActorMention(i, i + 2, REGION_PREFIX + bare, "ref", prep, article or "the", text))
            taken |= {i, i + 1}
            continue
        if i + 2 >= n:
            continue
        h = _described_head(tokens, i + 1)
        if h > i + 2 and taken & set(range(i + 1, h)) and region_reference(tokens[i + 1 : h]) is not None:
            # "the South American country", "the Latin American nation": "American" in a region's name is no
            # United States
            inside = [a for a in actors if i < a.start and a.end <= h]
            if all(a.kind == "adj" for a in inside):
                for a in inside:
                    actors.remove(a)
                    taken -= set(range(a.start, a.end))
        if h < 0 or taken & set(range(i, h + 1)):
            continue
        word = tokens[i + 1].text
        if h + 2 < n and tokens[h + 1].lower == "of" and h + 2 in taken:
            # "to the South American country of Peru": the state is named right here, the phrase's preposition
            # governs it
            k = next((m for m, a in enumerate(actors) if a.start == h + 2 and a.prep == "of"), -1)
            prep, article = _governor(tokens, i + 1, lex)
            if k >= 0:
                a = actors[k]
                actors[k] = ActorMention(a.start, a.end, a.id, a.kind, prep, article, a.text, a.genitive)
            continue
        if h + 1 in taken:
            # "from the Balkan country Bulgaria": the state is named right here and takes the phrase's preposition
            k = next((m for m, a in enumerate(actors) if a.start == h + 1 and a.prep is None), -1)
            prep, article = _governor(tokens, i + 1, lex)
            if k >= 0 and prep is not None and h == i + 2 and ("-" in word or word[:1].isupper()):
                a = actors[k]
                actors[k] = ActorMention(a.start, a.end, a.id, a.kind, prep, article, a.text, a.genitive)
            continue
        text = " ".join(t.text for t in tokens[i : h + 1])
        prep, article = _governor(tokens, i + 1, lex)
        ref = region_reference(tokens[i + 1 : h]) or reference_id(text)
        actors.append(ActorMention(i, h + 1, ref, "ref", prep, article or "the", text))
        taken |= set(range(i, h + 1))


def region_reference(describing: list[Token]) -> str | None:
    """ "the Southeast Asian country", "the Gulf state": "@region:southeast-asia", a reference that only a
    state of that region can take up (the longest region name ending right before the head)."""
    words_ = [t.lower for t in describing]
    for k in range(len(words_)):
        region = _REGION_ADJECTIVES.get(" ".join(words_[k:]))
        if region is not None:
            return REGION_PREFIX + region
    return None


def _described_head(tokens: list[Token], start: int) -> int:
    """Index of a reference's head after one to three describing words from ``start``, or -1.

    A describing word is hyphenated ("gas-rich"), capitalised ("Balkan", "Central Asian"), an adverb in -ly
    or the word after it ("formerly soviet") or one of the lexicon's state-describing adjectives ("landlocked"); an
    article, a number or any other word ends the search."""
    j = start
    while j < len(tokens) and j - start < 3:
        word = tokens[j].text
        low = tokens[j].lower
        if j > start and low in _DESCRIBED_HEADS:
            return j
        if not word[:1].isalpha() or low in ARTICLES:
            return -1
        adverb = low.endswith("ly") and j + 1 < len(tokens) and tokens[j + 1].lower not in _DESCRIBED_HEADS
        after_adverb = j > start and tokens[j - 1].lower.endswith("ly")
        if not ("-" in word or word[:1].isupper() or adverb or after_adverb or low in _DESCRIBING_ADJECTIVES):
            return -1
        j += 1
    return j if j < len(tokens) and j > start and tokens[j].lower in _DESCRIBED_HEADS else -1


def _names_follow(tokens: list[Token], k: int, lang: str) -> bool:
    """A name the lexicon does not know follows: an acronym ("KNDS") or, in English, a capitalised word
    (German capitalises every noun: "dem Konzern Aufträge")."""
    if k >= len(tokens) or not tokens[k].capitalised:
        return False
    text = tokens[k].text
    return (text.isupper() and len(text) > 1) or (lang == "en" and text.isalpha())


EVENT_CUES: Final = kind_group("event")
_TOPIC_FOR: Final = words("prep.topic-recipient")
_REFERENCE_NAMED: Final = words("function.reference-names-its-state")


def _without_member_attributes(tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """ "the first NATO member country to acquire", "an EU and NATO member state": an organisation's name before
    a noun of its members only classifies them (as the German compound "EU-Staaten" does); the organisation
    itself takes no part."""
    dropped: set[int] = set()
    for k in range(len(actors) - 1, -1, -1):
        a = actors[k]
        if a.id not in _ORGANISATIONS or a.end >= len(tokens):
            continue
        nxt = tokens[a.end].lower
        if nxt in _MEMBER_NOUNS_EN:
            dropped.add(a.start)
        elif (
            nxt in _AND_OR
            and k + 1 < len(actors)
            and actors[k + 1].start == a.end + 1
            and actors[k + 1].start in dropped
        ):
            dropped.add(a.start)  # "EU and NATO member states": both classify
    return [a for a in actors if a.start not in dropped] if dropped else actors


def find_mentions(sentence: Sentence, lex: Lexicon) -> Mentions:
    tokens = sentence.tokens
    cues = find_cues(tokens, lex)
    actors = find_actors(tokens, lex)
    starts = {a.start: a for a in actors}
    # "to Sudan's RSF", "Libya's LNA": a state's possessive on a named group only locates the group
    actors = [
        a
        for a in actors
        if not (
            a.kind.endswith("-gen")
            and a.end in starts
            and not starts[a.end].id.isupper()
            and a.id.isupper()
            and a.text.endswith(("'s", "’s"))
        )
    ]
    if lex.lang == "en":
        actors = _without_member_attributes(tokens, actors)
    if not any(meets(c.kinds, EVENT_CUES) for c in cues):
        # No verb or noun that could state an event: only the actors and the named systems
        # matter, for the discourse ("Das Flugabwehrsystem S-400 … Drei Staffeln hat Moskau geliefert").
        _country_refs(tokens, cues, actors, lex)
        if any(a.prep in _TOPIC_FOR for a in actors):
            # "über Kampfjets für Kiew debattiert": goods for a state talked about set the story's topic
            return Mentions(
                actors, find_items(tokens, lex, frozenset(i for a in actors for i in range(a.start, a.end))), cues
            )
        return Mentions(actors, _named_systems(tokens, lex), cues)
    _examples_of_unnamed_states(tokens, actors, lex)
    actor_tokens = frozenset(i for a in actors for i in range(a.start, a.end))
    threats: list[int] = []
    items = find_items(tokens, lex, actor_tokens, threats)
    items = _forces_not_goods(tokens, actors, items, lex)
    _origins(tokens, actors, items, lex)
    cues = _cues_describing(tokens, actors, items, cues, lex)
    _people_of_groups(tokens, actors, items)
    cues = _cues_inside_names(tokens, items, cues, lex)
    _country_refs(tokens, cues, actors, lex)
    # "Die Söldnertruppe bestritt …": a group opening the sentence is who acts, not what is sent
    opener = next((a for a in actors if a.kind == "ref" and a.start == 0), None)
    if opener is not None:
        items = [it for it in items if not (opener.start <= it.start and it.end <= opener.end)]
    return Mentions(actors, items, cues, threats)


def _examples_of_unnamed_states(tokens: list[Token], actors: list[ActorMention], lex: Lexicon) -> None:
    """ "arms sales to countries including Peru and Bolivia", "an mehrere Länder geliefert, darunter Peru": the
    states named after "including"/"darunter" are the unnamed states just before it and take their preposition
    (rule grammar.examples-of-unnamed-states)."""
    for k, a in enumerate(actors):
        m = a.start - 1
        if m < 2 or a.prep is not None and tokens[m].lower not in _EXAMPLE_INTROS:
            continue
        if tokens[m].lower in ARTICLES:
            m -= 1
        if tokens[m].text == "-" and tokens[m - 1].text == "-":
            m -= 1  # "ordered by nine countries -- Turkey, India …": a double hyphen, as a dash
        elif tokens[m].lower not in _EXAMPLE_INTROS:
            continue
        v = m - 1
        while v > 0 and m - v <= 6 and tokens[v].lower not in _UNNAMED_STATES:
            v -= 1
        if tokens[v].lower not in _UNNAMED_STATES or any(b.start < m and b.end > v for b in actors):
            continue
        prep, article = _governor(tokens, v, lex)
        w = v - 1
        while prep is None and w > 0 and v - w <= 2 and (tokens[w].text.isdigit() or tokens[w].lower in lex.numbers):
            prep, article = _governor(tokens, w, lex)  # "by nine countries", "von neun Ländern": past the count
            w -= 1
        if prep is None:
            continue
        end = a.start
        for j in range(k, len(actors)):  # the example and the names coordinated with it ("Peru and Bolivia")
            b = actors[j]
            if j > k and (b.prep is not None or not all(t.lower in _NAME_LIST_LINKS for t in tokens[end : b.start])):
                break
            actors[j] = ActorMention(
                b.start, b.end, b.id, b.kind, prep, article, b.text, reading="grammar.examples-of-unnamed-states"
            )
            end = b.end


_EXAMPLE_INTROS: Final = words("word.example-intro")
_NAME_LIST_LINKS: Final = words("link.coordination") | ARTICLES  # "Peru and the Philippines"
_UNNAMED_STATES: Final = words("noun.vague-partner")


def _forces_not_goods(
    tokens: list[Token], actors: list[ActorMention], items: list[ItemMention], lex: Lexicon
) -> list[ItemMention]:
    """Stand-ins for systems that name forces after a state's adjective ("Russian units"), and people after a
    dative or genitive adjective ("der somalischen Spezialeinheit"): no goods."""
    # "reached Russian units", "Ukrainian units received": after a state's adjective a word that is both
    # a stand-in for a system and a word for forces ("units", "Einheiten") names the forces, not goods
    adjective_ends = {a.end for a in actors if a.kind in ("adj", "adj-gen", "origin")}
    # "der somalischen Spezialeinheit … bereitgestellt": forces after an adjective in the dative or genitive
    # ("der/dem/den …-en") are who receives or owns, not people sent
    oblique_ends = {
        a.end
        for a in actors
        if a.kind in ("adj", "adj-gen", "origin")
        and a.start > 0
        and tokens[a.start - 1].lower in _OBLIQUE_ARTICLES
        and tokens[a.start].lower.endswith("en")
    }
    items = [
        it
        for it in items
        if not (
            (it.carrier or it.category == "personnel" and it.start in oblique_ends)
            and it.designation is None
            and it.end - it.start == 1
            and it.start in adjective_ends
            and _has_kind(tokens[it.start], lex, "forces")
        )
    ]
    return items


def _cues_describing(
    tokens: list[Token], actors: list[ActorMention], items: list[ItemMention], cues: list[CueMention], lex: Lexicon
) -> list[CueMention]:
    """Participles that describe a state's name (German) or the goods before them (English): no cues."""
    if lex.lang == "de":
        # "der von Russland angegriffenen Ukraine": an inflected participle right before a state's name is an
        # attribute of that state, no event of the clause
        named = {a.start for a in actors if a.kind in ("name", "capital", "metonym")}
        cues = [c for c in cues if not _attribute_of_name(tokens, c, named)]
    ends = {it.end for it in items}
    if lex.lang == "en":
        # "Stryker vehicles equipped with mounts": a participle of equipping right after goods describes them
        cues = [c for c in cues if not _describes_goods(tokens, c, ends)]
    # "The helicopters are equipped with anti-ship missiles", "Die Hubschrauber sind mit Raketen ausgestattet":
    # goods opening a state passive of equipping are described, nothing is handed over
    return [c for c in cues if not _equipped_state(tokens, c, ends, actors, lex.lang)]


def _equipped_state(
    tokens: list[Token], cue: CueMention, item_ends: set[int], actors: list[ActorMention], lang: str
) -> bool:
    if cue.lemma not in _EQUIP_STATE or not tokens[cue.start].lowercase or any(a.start < cue.start for a in actors):
        return False
    if lang == "en":
        # goods, "are/were", the participle, "with"
        return (
            cue.start >= 2
            and tokens[cue.start - 1].lower in _STATE_BE_EN
            and (cue.start - 1) in item_ends
            and cue.end < len(tokens)
            and tokens[cue.end].lower == "with"
        )
    # goods, "sind/waren", "mit …", the participle
    return (
        cue.start >= 3
        and any(k in item_ends and tokens[k].lower in _STATE_BE_DE for k in range(1, cue.start))
        and any(t.lower == "mit" for t in tokens[: cue.start])
    )


def _people_of_groups(tokens: list[Token], actors: list[ActorMention], items: list[ItemMention]) -> None:
    """The people of a named group ("Africa Corps fighters", "Kämpfer der Hisbollah", "Wagner-Söldner") are
    personnel from that group."""
    groups_ending = {a.end: a for a in actors if not a.id.isupper()}
    for item in items:
        group = groups_ending.get(item.start)
        if group is not None and item.end - item.start == 1 and tokens[item.start].lower in _FIGHTERS:
            item.category, item.origin = "personnel", group.id  # "Africa Corps fighters": people, not jets
    groups_after = {a.start: a for a in actors if not a.id.isupper() and (a.genitive or a.prep in _OF)}
    for item in items:
        group = groups_ending.get(item.start) or groups_after.get(item.end) or groups_after.get(item.end + 1)
        if group is not None and item.category == "personnel" and item.origin is None:
            # "Wagner instructors", "Kämpfer der Hisbollah", "fighters of Hezbollah": the group's people
            item.origin = group.id
    for item in items:
        if item.category == "personnel" and item.origin is None:
            # "Wagner-Söldner": the group's own fighters come from the group
            group = next(
                (a for a in actors if a.start == item.start and a.end == item.end and not a.id.isupper()), None
            )
            if group is not None:
                item.origin = group.id


def _cues_inside_names(
    tokens: list[Token], items: list[ItemMention], cues: list[CueMention], lex: Lexicon
) -> list[CueMention]:
    """Cue words inside a multi-word or designated name ("F-16 Block 70"), or an English cue word opening a noun
    compound ("a press release"): no cues."""
    inside = {i for it in items for i in range(it.start, it.end) if it.end - it.start > 1 or it.designation}
    cues = [c for c in cues if c.start not in inside or c.kinds & {"carrier", "missile"}]  # "F-16 Block 70"
    if lex.lang == "en":
        # "a press release", "a press conference": a cue word as the first part of a noun compound cues nothing
        cues = [
            c
            for c in cues
            if not (c.end < len(tokens) and c.end - c.start == 1 and tokens[c.end].lower in _COMPOUND_HEAD_AFTER_CUE)
        ]
    return cues


_FIGHTERS: Final = words("noun.fighters")
_ORIGIN_LINKS: Final = words("link.coordination")
_OF: Final = words("prep.of", "en")
_BEFORE_ATTRIBUTIVE_NAME: Final = words("word.before-attributive-name", "en")


def _inside_actor(tokens: list[Token], item: ItemMention, actor_tokens: frozenset[int]) -> bool:
    return (
        item.designation is None
        and item.start in actor_tokens
        and item.end - item.start == 1
        and "-" not in tokens[item.start].text[1:]
    )


def _has_kind(tok: Token, lex: Lexicon, kind: str) -> bool:
    """Whether the cue lexicon gives this token the kind, by its form or its lemma."""
    return kind in lex.cue_words.get(tok.lower, ()) or kind in lex.cue_lemmas.get(tok.lemma, ())


def _attribute_of_name(tokens: list[Token], cue: CueMention, named: set[int]) -> bool:
    """An inflected German participle ("angegriffenen", "unterstützte") right before a name."""
    tok = tokens[cue.start]
    word = tok.lower
    if not (
        cue.end == cue.start + 1
        and cue.end in named
        and tok.lowercase
        and word.endswith(_ATTRIBUTIVE_ENDINGS)
        and ("ge" in word[:9] or word.startswith(_INSEPARABLE_PREFIXES))
    ):
        return False
    # an article opens the phrase the participle stands in ("der [von Russland] angegriffenen Ukraine"); a name
    # in between is the participle's agent, after "von" ("Die USA erlaubten Dänemark": a finite verb)
    k = cue.start - 1
    while k >= 0 and cue.start - k <= 4:
        if tokens[k].lower in ARTICLES:
            return True
        if k in named and k > 0 and tokens[k - 1].lower in _AGENT_PREPS_DE:
            k -= 2
            continue
        if tokens[k].text in (",", ";", ":") or not tokens[k].lowercase:
            return False
        k -= 1
    return False


_ATTRIBUTIVE_ENDINGS: Final = tuple(word_list("suffix.participle-attributive", "de"))
_INSEPARABLE_PREFIXES: Final = tuple(word_list("prefix.inseparable", "de"))
_AGENT_PREPS_DE: Final = words("prep.participle-agent", "de")


def _describes_goods(tokens: list[Token], cue: CueMention, item_ends: set[int]) -> bool:
    """A participle of equipping right after goods and before "with" ("vehicles equipped with machine guns")."""
    return (
        cue.lemma in _EQUIP_DESCRIBES
        and cue.start in item_ends
        and cue.end < len(tokens)
        and tokens[cue.end].lower == "with"
        and tokens[cue.start].lower.endswith("ed")
    )


_EQUIP_DESCRIBES: Final = words("verb.equip-describes", "en")
_EQUIP_STATE: Final = words("verb.equip-state")
_STATE_BE_EN: Final = words("aux.state-be", "en")
_STATE_BE_DE: Final = words("aux.state-passive", "de")


def _elliptic_ones(tokens: list[Token], actors: list[ActorMention], items: list[ItemMention]) -> None:
    """ "Myanmar took delivery of a China-made one": "one" after an origin adjective stands for goods named
    before (resolved from the discourse), with that origin."""
    starts = {it.start for it in items}
    for actor in actors:
        k = actor.end
        if actor.kind in ("adj", "origin") and k < len(tokens) and tokens[k].lower in _ONES and k not in starts:
            items.append(ItemMention(k, k + 1, None, carrier="one", origin=actor.id, text=tokens[k].text))
            actor.kind = "origin"


_ONES: Final = words("noun.elliptic-one", "en")
_OFFER_PURPOSE: Final = words("prep.purpose-of-offer")
_TRADE_KINDS: Final = frozenset({"buy", "sell"})
_OFFER_VERBS: Final = words("verb.offer")
_LICENCE_MANNER: Final = words("prep.licence-manner", "de")
_MEASURE_ATTRIBUTES: Final = words("participle.measure-attribute", "en")
_END_COMPOUND_HEADS: Final = words("noun.after-end", "en")


def _made_in(tokens: list[Token], actors: list[ActorMention], items: list[ItemMention]) -> None:
    """Goods made in a state come from it: "drones produced in China" (after the goods), "in China hergestellte
    Drohnen" (a participle before them). The state is where they were made, no party of its own."""
    places = {a.start: a for a in actors if a.prep in _IN_PLACE and is_state(a.id)}
    ends = {a.end: a for a in actors if a.prep in _IN_PLACE and is_state(a.id)}
    for item in items:
        if item.origin is not None:
            continue
        k = item.end
        if k + 2 < len(tokens) and tokens[k].lower in _MADE_IN and tokens[k + 1].lower in _IN_PLACE:
            place = places.get(k + 2) or places.get(k + 3)
            if place is not None:
                item.origin = place.id
                place.kind = "origin"
                continue
        j = item.start - 1
        while j > item.start - 3 and j > 0 and tokens[j].lowercase and not tokens[j].lower.startswith(_MADE_IN_STEMS):
            j -= 1  # (adjectives between the participle and the goods: "in China gebaute moderne Drohnen")
        if j > 0 and tokens[j].lower.startswith(_MADE_IN_STEMS) and j in ends:
            place = ends[j]
            item.origin = place.id
            place.kind = "origin"


def is_state(actor_id: str) -> bool:
    """A three-letter upper-case id ("RUS", "UKR"). Memoised on the id (a fixed vocabulary): compiled,
    ``str.isupper`` is a generic method call, and this is asked for every actor of every sentence."""
    known = _STATE_IDS.get(actor_id)
    if known is None:
        if len(_STATE_IDS) > 50_000:
            _STATE_IDS.clear()
        known = _STATE_IDS[actor_id] = len(actor_id) == 3 and actor_id.isupper()
    return known


_STATE_IDS: Final[dict[str, bool]] = {}


_MADE_IN: Final = words("participle.made-in", "en")
_MADE_IN_STEMS: Final = word_stems("stem.made-in")
_IN_PLACE: Final = words("prep.made-in")


def _origin_over_conjuncts(tokens: list[Token], items: list[ItemMention]) -> None:
    """ "Chinese fighter jets, PL-15 missiles and drones": an origin adjective before the first goods of a list
    covers the goods coordinated after it that name no origin or maker of their own."""
    ordered = sorted(items, key=lambda it: it.start)
    for k in range(1, len(ordered)):
        before, item = ordered[k - 1], ordered[k]
        if before.origin is None or item.origin is not None or item.producer not in (None, before.origin):
            continue
        between = tokens[before.end : item.start]
        if between and len(between) <= 2 and all(t.text == "," or t.lower in _ORIGIN_LINKS for t in between):
            item.origin = before.origin


def _origins(tokens: list[Token], actors: list[ActorMention], items: list[ItemMention], lex: Lexicon) -> None:
    """An origin adjective right in front of an item: "britische Fregatten", "Iranian drones"."""
    by_end = {a.end: a for a in actors if a.kind in ("adj", "adj-gen")}
    # "Saab's Gripen E", "Lockheed Martin's F-16", "Dassault fighter jets": a maker's name names the origin too
    makers = {a.end: a for a in actors if a.kind == "org"}
    extra: list[ItemMention] = []
    for item in items:
        maker = makers.get(item.start)
        if maker is not None and item.origin is None:
            item.origin = maker.id
            continue
        for gap in range(0, 3):
            actor = by_end.get(item.start - gap)
            if actor is not None:
                between = tokens[actor.end : item.start]
                # "der ukrainischen Armee weitere Panzer": an adjective on the forces is no origin
                if all(
                    t.letter_first and t.lower not in PREPOSITIONS and not _has_kind(t, lex, "forces") for t in between
                ):
                    item.origin = actor.id
                    actor.kind = "origin"
                    # "Swedish, German and South Korean submarines": each coordinated origin has its own goods
                    k = actor.start
                    while k > 1 and tokens[k - 1].lower in _ORIGIN_LINKS and by_end.get(k - 1) is not None:
                        other = by_end[k - 1]
                        other.kind = "origin"
                        extra.append(replace(item, origin=other.id))
                        k = other.start
                break
    _made_in(tokens, actors, items)
    _origin_over_conjuncts(tokens, items)
    items.extend(extra)
    if lex.lang == "en":
        _elliptic_ones(tokens, actors, items)
    if lex.lang == "en":
        names = {a.end: a for a in actors if a.kind == "name" and not a.genitive}
        for item in items:
            actor = names.get(item.start)
            if actor is None or item.origin is not None or actor.start == 0:
                continue
            before = tokens[actor.start - 1]
            # "French Rafale and U.S. F-15QA fighters": after goods of another origin, coordinated
            listed = before.lower in _ORIGIN_LINKS and any(
                it.end == actor.start - 1 and it.origin is not None for it in items
            )
            if before.lower in _BEFORE_ATTRIBUTIVE_NAME or before.text[:1].isdigit() or listed:
                # "the first UK submarines", "three US tanks": a name used as an adjective names the origin
                item.origin = actor.id
                actor.kind = "origin"
