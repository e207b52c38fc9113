"""Readable names for actor ids, in English and German, and the actor codes PLOVER expects.

States are named from their ISO 3166 code through the Unicode CLDR names that Babel ships
(alpha-3 to alpha-2 by followthemoney's country type): "RUS" is "Russia" and "Russland",
"ARE" "United Arab Emirates" and "Vereinigte Arabische Emirate". The lexicon's names are
surface forms for matching text (inflected, abbreviated, historical), not display names, so
they are the last resort. The contract's non-state actors are named here, in both languages.
"""

from __future__ import annotations

from functools import cache

NON_STATE: dict[str, tuple[str, str]] = {
    "EU": ("European Union", "Europäische Union"),
    "NATO": ("NATO", "NATO"),
    "UN": ("United Nations", "Vereinte Nationen"),
    "wagner-group": ("Wagner Group", "Gruppe Wagner"),
    "africa-corps": ("Africa Corps", "Afrikakorps"),
    "hezbollah": ("Hezbollah", "Hisbollah"),
    "hamas": ("Hamas", "Hamas"),
    "houthis": ("Houthis (Ansar Allah)", "Huthis (Ansar Allah)"),
    "palestinian-islamic-jihad": ("Palestinian Islamic Jihad", "Palästinensischer Islamischer Dschihad"),
    "kataib-hezbollah": ("Kata'ib Hezbollah", "Kataib Hisbollah"),
    "rsf": ("Rapid Support Forces", "Rapid Support Forces (RSF)"),
    "sdf": ("Syrian Democratic Forces", "Demokratische Kräfte Syriens"),
    "islamic-state": ("Islamic State", "Islamischer Staat"),
}

# PLOVER codes an actor with an ISO 3166 alpha-3 code, or with one of the manual's non-state codes
# (IGO, NGO, ISM, IMG, MNC), and refines it with a sector (GOV, MIL, REB, PRM, ...). armsflow's
# choices for the contract's non-state actors: international organisations are IGO; groups fighting
# across borders are IMG; a group bound to one state is that state with the sector of its role.
PLOVER_CODES: dict[str, tuple[str, str | None]] = {
    "EU": ("IGO", None),
    "NATO": ("IGO", None),
    "UN": ("IGO", None),
    "wagner-group": ("IMG", None),
    "africa-corps": ("RUS", "MIL"),
    "hezbollah": ("LBN", "PRM"),
    "hamas": ("PSE", "REB"),
    "houthis": ("YEM", "REB"),
    "palestinian-islamic-jihad": ("PSE", "REB"),
    "kataib-hezbollah": ("IRQ", "PRM"),
    "rsf": ("SDN", "REB"),
    "sdf": ("SYR", "REB"),
    "islamic-state": ("IMG", None),
}


def is_state(aid: str) -> bool:
    return len(aid) == 3 and aid.isalpha() and aid.isupper()


@cache
def alpha2(aid: str) -> str | None:
    """The ISO 3166 alpha-2 code of a state id ("IRN" → "ir"), None for anything else."""
    if not is_state(aid):
        return None
    from followthemoney.types import registry

    code = registry.country.clean(aid)
    return str(code) if code else None


@cache
def display_name(aid: str, lang: str = "en") -> str:
    """A readable name of an actor in English (``en``) or German (``de``); the id when none is known."""
    if aid in NON_STATE:
        return NON_STATE[aid][0 if lang == "en" else 1]
    code = alpha2(aid)
    if code:
        from babel import Locale

        name = Locale(lang).territories.get(code.upper())
        if name:
            return str(name)
    return _lexicon_name(aid, lang) or aid


def _lexicon_name(aid: str, lang: str) -> str | None:
    from armsflow.lexicons import read_tsv

    for row in read_tsv("actors.tsv"):
        if row["id"] == aid and row["kind"] == "name" and row["lang"] in ("*", lang):
            return str(row["form"])
    return None


def label(aid: str | None) -> str:
    """``IRN (Iran)``: the id and its English name, for tables read by people."""
    if not aid:
        return ""
    name = display_name(aid)
    return aid if name == aid else f"{aid} ({name})"


def plover_actor(aid: str) -> dict[str, str]:
    """A PLOVER actor object: ``code`` (and ``sector``), with armsflow's id and English name as its identifier."""
    code, sector = PLOVER_CODES.get(aid, (aid, None)) if not is_state(aid) else (aid, None)
    out = {"code": code}
    if sector:
        out["sector"] = sector
    out["identifier_id"] = aid
    out["identifier_text"] = display_name(aid)
    return out
