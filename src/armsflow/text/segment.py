"""Sentences and tokens with character offsets.

A regex tokenizer keeps designations whole ("Su-35", "IRIS-T", "155-mm",
"F/A-18"), keeps a German coordination hyphen on its word ("Artillerie-"), and
treats "U.S." as one token. The sentence splitter only breaks where a period
ends a sentence, not an abbreviation ("Mio.", "Dr.", "U.S.") or a German
ordinal ("am 3. März"), and keeps a closing quote with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

from armsflow.lexicons import abbreviations, words
from armsflow.text.lemma import lemmatize

_TOKEN: Final = re.compile(
    r"""
      (?![A-Z]\.[A-Z]\.)[^\W\d_][^\W_]*+(?:['’][^\W_]++)?(?:[-/][^\W_]++(?:['’][^\W_]++)?)*+-?
                                               # words first, the common case: Su-35, F/A-18, Artillerie-
    | (?:[A-Z]\.){2,}                          # U.S., U.K.
    | [$€£]?\d+(?:[.,]\d+)+(?:-[^\W_]+)*        # 4.5, 2.000, 1,000
    | [$€£]                                     # currency signs
    | [^\W_]++(?:['’][^\W_]++)?(?:[-/][^\W_]++(?:['’][^\W_]++)?)*+-?  # 155-mm, 2S19
    | \S                                        # any other single character
    """,
    re.VERBOSE,
)
# (Possessive quantifiers: what follows each run never starts with a character of the run, so giving
# characters back could never help a match; saying so spares the engine the bookkeeping, 12 % of findall.)
# No token holds white space (no alternative matches any) and no alternative looks past white space, so
# the tokens of a text are the tokens of its white-space separated chunks, each read on its own.


# The characters every sentence boundary starts with: the boundary pattern's leading set.
_MARKS: Final = ".!?…\n"


def _boundary(lower: str = "", upper: str = "") -> re.Pattern[str]:
    """Where a sentence may end: punctuation before a space or the end, or a newline; with a language's
    ``lower`` and ``upper`` letter classes, also a full stop glued to the next sentence as scraped pages
    have it ("in Südkorea.Nordkorea habe", "to Poland.According to …"): after a word ending in three
    lowercase letters (so no abbreviation, URL or number), before a capitalised word.

    Every alternative starts by consuming one of ``_MARKS``, so the pattern is tried only where one
    stands (:func:`_sentence_spans`); the lookbehinds then say which alternative applies.
    """
    glued = f"|(?<=[.!?])(?<={lower}{{3}}[.!?])(?={upper}{lower}{{2}})" if lower else ""
    return re.compile("[" + _MARKS + r"](?:(?<=[.!?…])[.!?…]*[\"'”“»«’)\]]*(?=\s|$)" + glued + r"|(?<=\n)\n*)")


_BOUNDARIES: Final = {"de": _boundary("[a-zäöüß]", "[A-ZÄÖÜ]"), "en": _boundary("[a-z]", "[A-Z]")}
_BOUNDARY: Final = _boundary()
_WORD: Final = re.compile(r"\S+")
_WORD_BEFORE: Final = re.compile(r"(\S+)\s+$")
_INITIALS: Final = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CAPITALISED: Final = re.compile(r"[A-ZÄÖÜ][\w-]*")
_OPENERS: Final = "\"'“„»«‚(["
# White space: what the patterns' \s and \S tell apart (``str.isspace``; none lies above U+3000).
_SPACES: Final = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())
# Where a word before a period begins: after white space or an opening mark. One set look-up a character
# instead of two string tests.
_WORD_STOPS: Final = _SPACES | frozenset(_OPENERS)


@dataclass(slots=True, init=False)
class Token:
    """One token; ``lemma`` is lowercased so lookups need no case folding.

    ``capitalised``, ``lowercase``, ``alphabetic`` and ``letter_first`` are ``text[:1].isupper()``,
    ``text.islower()``, ``text.isalpha()`` and ``text[:1].isalpha()``, which the rules ask hundreds of times
    a sentence: compiled by mypyc, each of those string methods is a generic Python method call (about 500
    instructions with the slice), a tenth of a warm pass; here they are worked out once per distinct word
    (memoised with its lemma) and read as fields.

    ``classes`` holds one bit per word class (:func:`word_class`) the token's form belongs to: the sets
    that rules test for every token of a sentence, answered by one integer test instead of a set look-up.

    The constructor is written out (``init=False``): compiled, a dataclass's generated ``__init__`` runs
    as interpreted Python behind a keyword dictionary, which made building tokens a tenth of extraction;
    this one compiles to plain field stores. Build tokens with :func:`token` unless the flags are at hand.
    """

    text: str
    start: int
    end: int
    i: int
    lower: str
    lemma: str
    capitalised: bool
    lowercase: bool
    alphabetic: bool
    letter_first: bool
    classes: int

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        i: int,
        lower: str,
        lemma: str,
        capitalised: bool,
        lowercase: bool,
        alphabetic: bool,
        letter_first: bool,
        classes: int,
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.i = i
        self.lower = lower
        self.lemma = lemma
        self.capitalised = capitalised
        self.lowercase = lowercase
        self.alphabetic = alphabetic
        self.letter_first = letter_first
        self.classes = classes


def token(text: str, start: int, end: int, i: int, lower: str, lemma: str) -> Token:
    """A token whose case and letter flags and word classes are worked out from its forms."""
    capitalised, lowercase, alphabetic, letter_first = _flags(text)
    classes = _classes(text, lower, lemma)
    return Token(text, start, end, i, lower, lemma, capitalised, lowercase, alphabetic, letter_first, classes)


# Word classes. A rule that tests every token of a sentence against a word set (``tok.lower in WORDS``)
# pays a set look-up per token, about 90 instructions compiled; registered here, the set becomes a bit of
# ``Token.classes``, worked out once per word form (with the lemma and flags) and tested with an integer
# AND. Which form a class holds: the token's text, its lowercase form or its lemma.
TEXT: Final = 0
LOWER: Final = 1
LEMMA: Final = 2
# At most this many classes: the bits stay within a machine word (mypyc's short integers).
MAX_CLASSES: Final = 60
# Per class: its set (or None), its test on the form (or None: the set decides), which form.
_CLASS_SETS: Final[list[tuple[frozenset[str] | None, Callable[[str], bool] | None, int]]] = []


def word_class(members: frozenset[str], form: int = LOWER) -> int:
    """The bit of ``Token.classes`` that says "the token's ``form`` is in ``members``" (registered once per
    set and form, at import time of the rule modules that use it)."""
    return _register(members, None, form)


def word_class_where(test: Callable[[str], bool], form: int = LOWER) -> int:
    """The bit of ``Token.classes`` that says ``test(form)`` (a test of the word alone, such as "a compound
    ending in a word for allies"), worked out once per word form instead of memoised by the rule."""
    return _register(None, test, form)


def _register(members: frozenset[str] | None, test: Callable[[str], bool] | None, form: int) -> int:
    for k, (known, known_test, known_form) in enumerate(_CLASS_SETS):
        if known is members and known_test is test and known_form == form:
            return 1 << k
    if len(_CLASS_SETS) >= MAX_CLASSES:
        raise ValueError(f"more than {MAX_CLASSES} word classes: test the rarer sets with a set look-up")
    _CLASS_SETS.append((members, test, form))
    _FORMS.clear()  # forms memoised before this class existed lack its bit
    return 1 << (len(_CLASS_SETS) - 1)


def _classes(text: str, lower: str, lemma: str) -> int:
    """The word-class bits of a form (once per distinct word form and language)."""
    bits = 0
    k = 0
    for members, test, form in _CLASS_SETS:
        word = lower if form == LOWER else text if form == TEXT else lemma
        if (word in members) if members is not None else (test is not None and test(word)):
            bits |= 1 << k
        k += 1
    return bits


def _flags(text: str) -> tuple[bool, bool, bool, bool]:
    """Token's capitalised, lowercase, alphabetic and letter_first for ``text``: the one place they are defined."""
    return text[:1].isupper(), text.islower(), text.isalpha(), text[:1].isalpha()


@dataclass(slots=True, init=False)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]

    # (constructor written out, init=False: compiled, it is plain field stores, not interpreted Python)
    def __init__(self, start: int, end: int, text: str, tokens: list[Token] | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.tokens = [] if tokens is None else tokens


@cache
def _abbrev(lang: str) -> frozenset[str]:
    return abbreviations(lang)


# No real sentence or word comes near these lengths (the longest sentence in all annotated sets has
# about 1,000 characters, the longest word 33). Text without sentence ends or with endless hyphen
# chains ("Su-35-Su-35-…") would otherwise reach the clause and compound analyses as one sentence or
# one word, whose cost grows with the square of its length; cut, every piece costs the same, so
# extraction stays linear in the size of any input.
MAX_SENTENCE_CHARS: Final = 3000
MAX_TOKEN_CHARS: Final = 64


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of sentences, whitespace trimmed; none longer than
    MAX_SENTENCE_CHARS (a longer stretch is cut at its last whitespace before the limit)."""
    spans = _sentence_spans(text, lang)
    if any(end - start > MAX_SENTENCE_CHARS for start, end in spans):
        spans = [piece for span in spans for piece in _cut_long(text, span)]
    return spans


def _cut_long(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_SENTENCE_CHARS, at whitespace where there is any."""
    start, end = span
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + 1, limit)
        cut = cut if cut > start else limit
        _push(text, start, cut, pieces)
        start = cut
    _push(text, start, end, pieces)
    return pieces


def _sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentences' spans: the boundary pattern's matches, as ``finditer`` would find them.

    Every match starts with one of ``_MARKS``, so the pattern is tried only where one stands: the
    positions come from ``str.find`` (a fast C scan), while the regex engine's own search tested every
    character against the pattern's leading set (about 40 instructions a character, a fortieth of a
    whole `armsflow extract` run). Like ``finditer``, the next try starts where a match ended.
    """
    abbrevs = _abbrev(lang)
    pattern = _BOUNDARIES.get(lang, _BOUNDARY)
    spans: list[tuple[int, int]] = []
    start = 0
    nexts = [text.find(mark) for mark in _MARKS]
    pos = 0
    while True:
        at = _next_mark(text, pos, nexts)
        if at < 0:
            break
        end = _plain_boundary(text, at)
        if end < 0:  # not one of the two plain cases: the pattern decides
            match = pattern.match(text, at)
            if match is None:
                pos = at + 1
                continue
            end = match.end()
        pos = end
        mark = text[at:end]  # (the match's text and start without two more generic method calls)
        if not mark.startswith("\n"):
            nxt = _next_visible(text, end)
            if nxt is None:
                continue
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
            if mark[0] == "." and _is_abbreviation(text, start, at, abbrevs, lang, end):
                continue
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    return spans


def _next_mark(text: str, pos: int, nexts: list[int]) -> int:
    """The first position at or after ``pos`` holding one of ``_MARKS``, or -1; ``nexts`` keeps each mark's
    next position (-1: none left), found again only once ``pos`` has passed it."""
    best = -1
    for k in range(len(nexts)):
        at = nexts[k]
        if 0 <= at < pos:
            at = nexts[k] = text.find(_MARKS[k], pos)
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


def _plain_boundary(text: str, at: int) -> int:
    """Where the boundary pattern's match at ``at`` ends in its two commonest cases, or -1 for any other:
    a sentence mark followed by white space or the end (the match is the mark alone: nothing after it
    extends the marks-and-quotes run, and the look-ahead holds), and a run of newlines (the match is the
    run). Two regex calls a sentence spared."""
    n = len(text)
    mark = text[at]
    if mark == "\n":
        end = at + 1
        while end < n and text[end] == "\n":
            end += 1
        return end
    if at + 1 == n or text[at + 1] in _SPACES:
        return at + 1
    return -1


def _next_visible(text: str, pos: int) -> str | None:
    """The first character at or after ``pos`` that is not white space (what ``\\S`` finds), or None."""
    n = len(text)
    while pos < n:
        char = text[pos]
        if char not in _SPACES:
            return char
        pos += 1
    return None


def _is_abbreviation(text: str, floor: int, dot: int, abbrevs: frozenset[str], lang: str, after: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or ordinal, not a full stop?"""
    begin = dot
    while begin > floor and text[begin - 1] not in _WORD_STOPS:
        begin -= 1
    word = text[begin : dot + 1]
    if word in abbrevs or word.lower() in abbrevs:
        return True
    core = word[:-1]
    if len(core) == 1 and core.isalpha() and core.isupper():
        return True  # an initial: "John F. Kennedy"
    if "." in core and _INITIALS.fullmatch(core):  # (no period, no initials: the regex call spared)
        # "U.S." ends a sentence only when a new sentence clearly starts.
        nxt = _WORD.search(text, after)
        return bool(nxt and nxt.group()[:1].isupper() and nxt.group().rstrip(",.") not in _SENTENCE_STARTERS)
    if lang == "de" and core.isdigit() and len(core) <= 2:
        return _german_ordinal(text, floor, begin, after)  # "am 3. März", not "den Leopard 2. Polen"
    return False


_MONTHS: Final = words("noun.month", "de")
_ORDINAL_BEFORE: Final = words("function.before-ordinal", "de")


def _german_ordinal(text: str, floor: int, begin: int, after: int) -> bool:
    """Is the number ending at a period an ordinal, not the end of a name ("Leopard 2", "Typ 26")?

    A number right after a capitalised noun that is not a function word
    ("den Leopard 2. Polen", "vom Typ 26. Norwegen") ends the sentence unless a
    month follows ("Freitag 3. März" is rare; "Montag, 3. März" has a comma).
    """
    nxt = _WORD.search(text, after)
    if nxt and nxt.group().lower().rstrip(",") in _MONTHS:
        return True
    prev = _WORD_BEFORE.search(text, floor, begin)
    if prev is None:
        return True
    word = prev.group(1)
    if _CAPITALISED.fullmatch(word) and word.lower() not in _ORDINAL_BEFORE:
        return False
    return True


_SENTENCE_STARTERS: Final = words("function.sentence-starter", "en")


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class _Form:
    """What a word form gives every token of it: the form's first-seen string, lowercase form, lemma, the
    four flags and the word classes.

    A class, not a tuple: compiled, reading a field of a native object is one load, while a typed tuple
    taken out of a dict is checked and unpacked element by element (about 150 instructions a token).
    """

    def __init__(
        self,
        text: str,
        lower: str,
        lemma: str,
        capitalised: bool,
        lowercase: bool,
        alphabetic: bool,
        letter_first: bool,
        classes: int,
    ) -> None:
        self.text = text
        self.lower = lower
        self.lemma = lemma
        self.capitalised = capitalised
        self.lowercase = lowercase
        self.alphabetic = alphabetic
        self.letter_first = letter_first
        self.classes = classes


# Per language, per word form: its _Form. Tokens take the form's first-seen string as their text, so every
# later dict or set look-up keyed by a token's text meets the very object it stored (an identity test)
# instead of comparing equal strings character by character.
_FORMS: Final[dict[str, dict[str, _Form]]] = {}
# Marks after a run of letters and digits that the regex makes a token of their own: none of them continues
# a word, a number or a designation (as "'", "-" or "/" may)
_CLOSERS: Final = '.,;:!?)"”“»«'


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``, their offsets shifted by ``offset``.

    Most chunks between white space are plain words or numbers, which the regex would return whole as one
    token, or such a run with a closing mark, which it would return as two: they skip it (a regex call
    costs more than ten string operations: each match allocates and frees the engine's stack).
    ``str.split()`` and the regex's ``\\s`` agree on what white space is.
    """
    tokens: list[Token] = []
    forms = _FORMS.setdefault(lang, {})
    if len(forms) > 200_000:  # bounded: a long run over many topics must not grow without end
        forms.clear()
    pos = 0
    for chunk in text.split():
        pos = text.find(chunk, pos)  # only white space lies between the last chunk and this one
        size = len(chunk)
        if size <= MAX_TOKEN_CHARS and chunk.isalnum():  # "Drohnen", "2024": one run of letters and digits
            tokens.append(_token(chunk, pos + offset, len(tokens), forms, lang))
            pos += size
            continue
        if size <= MAX_TOKEN_CHARS and chunk[-1] in _CLOSERS and chunk[:-1].isalnum():  # "Russland.", "2024,"
            tokens.append(_token(chunk[:-1], pos + offset, len(tokens), forms, lang))
            tokens.append(_token(chunk[-1], pos + offset + size - 1, len(tokens), forms, lang))
            pos += size
            continue
        found: str
        for found in _TOKEN.findall(chunk):
            # (compiled, the helper is a plain C call; only a run longer than any word is cut in pieces)
            if len(found) <= MAX_TOKEN_CHARS:
                tokens.append(_token(found, pos + offset, len(tokens), forms, lang))
                pos += len(found)
                continue
            for piece in _pieces(found):
                tokens.append(_token(piece, pos + offset, len(tokens), forms, lang))
                pos += len(piece)
    return tokens


def _token(word: str, pos: int, i: int, forms: dict[str, _Form], lang: str) -> Token:
    """The token for ``word`` at ``pos``; its shared text, lowercase form, lemma, flags and word classes
    memoised in ``forms``."""
    form = forms.get(word)
    if form is None:
        capitalised, lowercase, alphabetic, letter_first = _flags(word)
        lower = word.lower()
        lemma = lemmatize(word, lang)
        form = _Form(word, lower, lemma, capitalised, lowercase, alphabetic, letter_first, _classes(word, lower, lemma))
        forms[word] = form
    return Token(
        form.text,
        pos,
        pos + len(word),
        i,
        form.lower,
        form.lemma,
        form.capitalised,
        form.lowercase,
        form.alphabetic,
        form.letter_first,
        form.classes,
    )


def _pieces(word: str) -> list[str]:
    """A run of characters longer than any word, in pieces of MAX_TOKEN_CHARS."""
    return [word[k : k + MAX_TOKEN_CHARS] for k in range(0, len(word), MAX_TOKEN_CHARS)]


def sentences(text: str, lang: str) -> list[Sentence]:
    result = []
    for start, end in split_sentences(text, lang):
        chunk = text[start:end]
        result.append(Sentence(start, end, chunk, tokenize(chunk, lang, start)))
    return result
