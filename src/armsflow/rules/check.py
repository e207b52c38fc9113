"""Consistency of the rules with their data and with the code.

Run by ``armsflow rules check`` and by the test suite. It catches what a rule engine over data
files gets wrong silently: a rule id the code fires that the catalogue does not describe (or a
catalogue entry nothing fires), a word class nobody reads, a word a rule compares with cue
lemmas that no cue has (so the rule can never fire), a cue kind with no meaning, and examples
that name unknown rules.
"""

from __future__ import annotations

import re
from pathlib import Path

from armsflow.lexicons import cue_kinds, read_tsv, word_classes
from armsflow.rules import STAGES, all_examples, catalogue

PACKAGE = Path(__file__).resolve().parent.parent
# The modules of the extraction core, where rules fire and words are read.
CORE = (
    "text/clauses.py",
    "text/mood.py",
    "text/segment.py",
    "text/lang.py",
    "text/lemma.py",
    "text/verbforms.py",
    "mentions.py",
    "grammar.py",
    "frame.py",
    "frames.py",
    "roles.py",
    "sanctions.py",
    "attribution.py",
    "status.py",
    "events.py",
    "pipeline.py",
)
_RULE_ID = re.compile(
    r'"((?:trigger|item|grammar|mod|roles|frames|coref|discourse|source|status|filter|sanction)\.[a-z0-9.-]*[a-z0-9])"'
)
_WORD_USE = re.compile(r'word(?:s|_stems|_values|_list|_class)\(\s*"([a-z0-9.-]+)"')


def _sources() -> str:
    return "\n".join((PACKAGE / name).read_text(encoding="utf-8") for name in CORE)


def problems() -> list[str]:
    """Every inconsistency found, one line each; an empty list when all is well."""
    out: list[str] = []
    out += _catalogue_problems()
    out += _code_problems(_sources())
    out += _word_problems()
    out += _kind_problems()
    return out


def _catalogue_problems() -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for row in read_rules_rows():
        if row["id"] in seen:
            out.append(f"rule {row['id']} is listed twice")
        seen.add(row["id"])
        if row["stage"] not in STAGES:
            out.append(f"rule {row['id']}: unknown stage {row['stage']!r} (one of {', '.join(STAGES)})")
        if row["lang"] not in ("de", "en", "*"):
            out.append(f"rule {row['id']}: unknown language {row['lang']!r}")
    rules = catalogue()
    for ex in all_examples():
        if ex.get("rule") not in rules:
            out.append(f"{ex['where']}: example for unknown rule {ex.get('rule')!r}")
    return out


def read_rules_rows() -> list[dict[str, str]]:
    from armsflow.rules import read_tsv as read_rules_tsv

    return read_rules_tsv("catalogue.tsv")


def _code_problems(source: str) -> list[str]:
    out: list[str] = []
    rules = catalogue()
    fired = {rid for rid in _RULE_ID.findall(source) if not rid.endswith(".tsv")}
    for rid in sorted(fired - set(rules)):
        out.append(f"the code fires rule {rid!r}, which rules/catalogue.tsv does not describe")
    status_ids = {rid for rid, rule in rules.items() if rule.stage == "status"}
    for rid in sorted(set(rules) - fired - status_ids):
        out.append(f"rule {rid!r} is in the catalogue but nothing in the code fires it")
    used = set(_WORD_USE.findall(source))
    classes = word_classes()
    for name in sorted(used - set(classes)):
        out.append(f"the code reads word class {name!r}, which lexicons/words.tsv does not define")
    for name in sorted(set(classes) - used):
        out.append(f"word class {name!r} in lexicons/words.tsv is read by no rule")
    return out


def _cue_lemmas() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"de": set(), "en": set()}
    for row in read_tsv("cues.tsv"):
        for lang in ("de", "en") if row["lang"] == "*" else (row["lang"],):
            out.setdefault(lang, set()).add(row["form"].lower())
    return out


def _word_problems() -> list[str]:
    out: list[str] = []
    lemmas = _cue_lemmas()
    for wc in word_classes().values():
        if not wc.note:
            out.append(f"word class {wc.name!r} has no note saying what it is for")
        if wc.of != "cue-lemma":
            continue
        for lang, ws in wc.by_lang.items():
            for w in ws:
                known = lemmas.get(lang, set()) if lang != "*" else lemmas["de"] | lemmas["en"]
                if w not in known:
                    out.append(
                        f"word class {wc.name!r} ({lang}): {w!r} is no cue in cues.tsv,"
                        " so the rule reading it never fires"
                    )
    return out


def _kind_problems() -> list[str]:
    out: list[str] = []
    kinds = cue_kinds()
    for row in read_tsv("cues.tsv"):
        if row["kind"] not in kinds:
            out.append(f"cues.tsv: kind {row['kind']!r} ({row['form']}) is not declared in cue_kinds.tsv")
    used = {row["kind"] for row in read_tsv("cues.tsv")}
    for kind, ck in kinds.items():
        if kind not in used and "Derived" not in ck.description:
            out.append(f"cue_kinds.tsv: kind {kind!r} has no cue in cues.tsv")
    return out
