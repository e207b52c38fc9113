"""Names as the screening index and scorer see them: transliterated, normalised, cut into tokens and keys.

A sanctions list writes "Петров Александр Сергеевич", a payment order "PETROV, Alexander", a freight document
"Aleksandr Petroff"; a list writes "محمد باقر قالیباف", a newspaper "Mohammad Bagher Ghalibaf". Every name is
therefore brought into one space before it is compared:

- **transliteration** to lower-case ASCII with ``rigour`` (OpenSanctions' name library, already installed
  with followthemoney): its own tables for Cyrillic (``Шевченко`` -> ``shevchenko``), ICU's for Arabic,
  Persian and Chinese (``习近平`` -> ``xi jin ping``);
- **tokens**: words, with the legal forms of ``data/legal_forms.tsv`` removed from company names (``OOO``,
  ``GmbH``, ``Sherkat``, ``sahami khass`` …) so "Romashka LLC" and "ООО Ромашка" compare on "romashka";
- **skeletons**: ICU writes Arabic script without its short vowels (``mhmd bakr klybaf``), so a token is also
  compared as its consonant skeleton, where Latin spellings lose their vowels and digraphs the same way
  (``mohammad`` -> ``mhmd``, ``ghalibaf`` -> ``klbf``);
- **blocking keys**: each token, its metaphone code and its skeleton; the store indexes an entity under the
  keys of every name and alias, and a query fetches the entities that share one of its keys.

Order of words is not kept anywhere: the scorer aligns tokens, so "Petrov Aleksandr" and "Aleksandr Petrov"
are the same name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rigour.text.phonetics import metaphone
from rigour.text.translit import ascii_text

NAMES_DATA_VERSION = "1"  # of data/legal_forms.tsv and data/name_particles.tsv; part of match.ALGORITHM
# Bump when blocking_keys() (or tokens(), skeleton(), phonetic() under it) cuts a name into other keys: every
# list indexed under an older version is then refused by lookups until it is re-keyed (see keys_algorithm).
KEYS_VERSION = "1"

_WORD = re.compile(r"[a-z0-9]+")
_GLUE = re.compile(r"[\'\u2018\u2019\u02bc\u02be\u02bf\u02c8`?]")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Arabic script before ICU: a zero-width non-joiner joins the parts of a Persian compound name, as Latin
# spellings do ("حسن‌زاده" -> "hassanzadeh"); the ta marbuta is silent at a word's end ("خليفة" -> "khalifa");
# Persian letters ICU only knows in their Arabic shape get that shape.
_ARABIC_SCRIPT = str.maketrans({"\u200c": "", "ة": "", "ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه"})
_PERSIAN_LETTERS = re.compile(r"[پچژگیک]")
# Persian speaks these Arabic letters as z, s, t, h: "رضا" is "Reza" (not Arabic's "Rida").
_PERSIAN_SOUNDS = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز", "ث": "س", "ص": "س", "ط": "ت", "ح": "ه"})
# Skeletons: the spellings of one sound in English, German, French and ICU's transliterations become one letter
# (longest first), vowels and the half-vowels y, w, v are dropped, doubled letters are one.
_DIGRAPHS = (("tsch", "s"), ("sch", "s"), ("tch", "s"), ("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "s"),
             ("zh", "s"), ("ts", "s"), ("tz", "s"), ("th", "s"), ("dh", "d"), ("ph", "f"), ("ck", "k"))  # fmt: skip
_SKELETON = str.maketrans({"q": "k", "g": "k", "c": "k", "x": "ks", "z": "s", "v": "", "w": "", "y": ""})
_PROCLITICS = ("wal", "bal", "al", "el", "ll")  # ICU writes "and the", "with the", "the", "for the" onto the word
_VOWELS = re.compile(r"[aeiou]")


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("armsflow.screening").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def legal_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The legal forms as token sequences by their first word, longest first ("pte ltd" before "pte")."""
    forms = sorted({tuple(row[0].split()) for row in _data_lines("legal_forms.tsv")}, key=lambda f: (-len(f), f))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        by_first.setdefault(form[0], []).append(form)
    return {word: tuple(group) for word, group in by_first.items()}


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Articles, particles and honorifics: weak tokens (see data/name_particles.tsv)."""
    return frozenset(row[0] for row in _data_lines("name_particles.tsv"))


def transliterate(text: str) -> str:
    """Lower-case ASCII for a name in any script; Latin names only lose their accents. Word by word, each
    word cached: names repeat their words across a list and across millions of screenings."""
    text = unicodedata.normalize("NFKC", text)
    persian = bool(_PERSIAN_LETTERS.search(text))  # a name with one Persian letter is read as Persian throughout
    return " ".join(_word_ascii(word, persian) for word in text.split())


@lru_cache(maxsize=500_000)
def _word_ascii(word: str, persian: bool) -> str:
    if _NON_LATIN.search(word):
        if _ARABIC.search(word):
            if persian:
                word = word.translate(_PERSIAN_SOUNDS)
            word = word.translate(_ARABIC_SCRIPT)
        word = ascii_text(word)
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(name: str) -> str:
    """Transliterated, case-folded, accents removed, punctuation to spaces, one space between words.

    Apostrophes and the ayin/hamza signs (and the ``?`` ICU writes for a sign it cannot spell) join what
    they stand between: "Mu'assasa", "O'Brien" and "الصناعات" keep one word each."""
    return " ".join(_WORD.findall(_GLUE.sub("", transliterate(name))))


def tokens(name: str) -> tuple[str, ...]:
    """The name's words with its legal forms removed (all of them if a form is the whole name, none)."""
    return split_legal_form(normalise(name).split())[0]


def split_legal_form(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the words without legal forms, the legal forms found). A name that is nothing but a legal form keeps
    its words: "AG" alone is still a name to compare."""
    kept: list[str] = []
    found: list[str] = []
    i = 0
    forms = legal_forms()
    while i < len(words):
        for form in forms.get(words[i], ()):
            if tuple(words[i : i + len(form)]) == form:
                found.append(" ".join(form))
                i += len(form)
                break
        else:
            kept.append(words[i])
            i += 1
    if not kept:
        return tuple(words), ()
    return tuple(kept), tuple(found)


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """The consonants of a token in a common spelling: what survives ICU's vowel-less Arabic transliteration
    and the many Latin spellings of the same name (``muhammad``, ``mohammed``, ``mhmd`` -> ``mhmd``)."""
    for clitic in _PROCLITICS:  # the article ICU attaches: "alsnaat" (الصناعات), "llastyrad" (للاستيراد)
        if len(token) > len(clitic) + 2 and token.startswith(clitic) and token[len(clitic)] not in "aeiou":
            token = token[len(clitic) :]
            break
    if token[:5] in ("abdul", "abdel", "abdol", "abdal"):
        token = "abd" + token[5:]  # "servant of the": Abdulrahman, Abdel Karim and عبد الرحمن (bd alrhmn) agree
    for pair, single in _DIGRAPHS:
        token = token.replace(pair, single)
    token = _VOWELS.sub("", token.translate(_SKELETON))
    out: list[str] = []
    for c in token:
        if not out or out[-1] != c:  # doubled letters: "hosseini", "mohammad"
            out.append(c)
    if len(out) > 2 and out[-1] == "h":
        out.pop()  # "khalifah", "zadeh": a final h is not written in Arabic script or dropped in Latin
    return "".join(out)


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """Metaphone code of a Latin token (``alexander`` and ``aleksandr`` -> ``ALKSNTR``); empty for digits."""
    return metaphone(token) if token.isalpha() else ""


def blocking_keys(name: str) -> set[str]:
    """Keys under which the store indexes a name; a query's keys fetch its candidates.

    ``w:`` a token, ``p:`` its metaphone code, ``k:`` its skeleton; particles (``al``, ``bin``) and
    one-letter tokens are not keys, legal forms never are."""
    keys: set[str] = set()
    weak = particles()
    for token in tokens(name):
        if len(token) < 2 or token in weak:
            continue
        keys.add("w:" + token)
        code = phonetic(token)
        if len(code) >= 2:
            keys.add("p:" + code)
        skel = skeleton(token)
        if len(skel) >= 2:
            keys.add("k:" + skel)
    return keys


@lru_cache(maxsize=1)
def keys_algorithm() -> str:
    """The version of the blocking keys, stored with each loaded list: ``keys1+names1+rigour2.6.1``.

    Keys are computed when a list is loaded and when a query is screened; if the two were cut differently a
    lookup would silently miss entities. The name says everything they depend on: this module's key code, the
    name data files (legal forms and particles are no keys), and the ``rigour`` release that transliterates
    (its tables may change between releases)."""
    try:
        from importlib.metadata import version

        rigour = version("rigour")
    except Exception:  # noqa: BLE001 - an unusual install without metadata: still a usable, stable name
        rigour = "unknown"
    return f"keys{KEYS_VERSION}+names{NAMES_DATA_VERSION}+rigour{rigour}"


def query_key(name: str) -> str:
    """The key an analyst's decision on a hit is stored under: the same counterparty, however it is spelled
    in spacing, case or script, finds its decision again."""
    return normalise(name)
