"""``armsflow actors`` and ``armsflow items``: the values ``--supplier``, ``--actor`` and ``--item`` accept.

A filter takes an id or a name; these list the ids with readable names (and, for items, the words
and designations that select them), from the lexicons shipped in the package, so a user need not
guess and meet "unknown actor" first. Nothing here opens the knowledge base.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from typing import Any

from armsflow.cli import helptext, output
from armsflow.cli.helptext import examples
from armsflow.lexicons import read_tsv
from armsflow.model import ITEM_CATEGORIES, NON_STATE_ACTORS

# (armsflow.export.names and armsflow.query, with the calendar and query code they import, are imported by
# the functions that use them: building the command line's parser, which every command does, `armsflow
# extract` included, need not pay for them)

COMMANDS = ("actors", "items")
EXIT_OK, EXIT_USAGE = 0, 2
FORMATS = ("table", "jsonl", "csv")
ORGANISATIONS = ("EU", "NATO", "UN")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "actors",
        help="actor ids with their English and German names (what --supplier, --actor, … accept)",
        description="The actors armsflow knows: states by ISO 3166 alpha-3 code, and the non-state actors "
        "of the contract, each with its English and German name. Filters take the id or any name.",
        epilog=examples(
            "armsflow actors                  # every actor",
            "armsflow actors korea            # ids, names or other names (Pjöngjang) containing 'korea'",
            "armsflow actors --kind group --format csv",
        ),
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="only actors whose id or any name contains TEXT")
    p.add_argument(
        "--kind",
        choices=("state", "organisation", "group"),
        help="only states, international organisations (EU, NATO, UN) or armed groups",
    )
    p.add_argument("--format", choices=FORMATS, default="table", help=helptext.format_help(FORMATS, "table"))

    p = sub.add_parser(
        "items",
        help="item categories with words that name them, or one category's designations (what --item accepts)",
        description="Without CATEGORY: the item categories, each with English and German words that select it "
        "and the number of designations the lexicon knows. With CATEGORY: its designations and producers.",
        epilog=examples(
            "armsflow items                   # the 21 categories",
            "armsflow items uav               # every designation of drones the lexicon knows",
            "armsflow items Flugabwehr --format csv   # a word for a category: air-defence-system",
        ),
    )
    p.add_argument(
        "category",
        nargs="?",
        metavar="CATEGORY",
        help="list this category's designations (a category or a word for one)",
    )
    p.add_argument("--format", choices=FORMATS, default="table", help=helptext.format_help(FORMATS, "table"))


def run(args: argparse.Namespace) -> int:
    if args.command == "actors":
        rows = actors(args.text, args.kind)
        columns: tuple[str, ...] = ("id", "name", "name_de", "kind")
        what = "actors"
    elif args.category is None:
        rows, columns, what = categories(), ("category", "designations", "words"), "categories"
    else:
        category = _category(args.category)
        if category is None:
            from armsflow.query import nearest

            found = ", ".join(nearest(args.category, ITEM_CATEGORIES))
            print(
                f"armsflow: error: unknown item category {args.category!r}: one of {', '.join(ITEM_CATEGORIES)}"
                + (f"; nearest: {found}" if found else ""),
                file=sys.stderr,
            )
            return EXIT_USAGE
        rows, columns, what = designations(category), ("designation", "producer", "producer_name"), "designations"
    _write(rows, columns, args.format)
    print(f"armsflow: {len(rows)} {what}", file=sys.stderr)
    return EXIT_OK


def _category(value: str) -> str | None:
    """The category a category name or a word for one names ("uav", "Drohnen", "tanks"), as --item reads it."""
    from armsflow.query import QueryError, item_filter

    try:
        return item_filter(value).category
    except QueryError:
        return None


def _kind(aid: str) -> str:
    from armsflow.export.names import is_state

    if is_state(aid):
        return "state"
    return "organisation" if aid in ORGANISATIONS else "group"


def actors(text: str | None = None, kind: str | None = None) -> list[dict[str, str]]:
    """Every actor id with its names and kind, states first by id; ``text`` matches the id or any known name."""
    from armsflow.export.names import display_name, is_state

    forms: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("actors.tsv"):
        if not row["id"].startswith("@"):
            forms[row["id"]].add(row["form"].casefold())
    ids = sorted(set(forms) | set(NON_STATE_ACTORS), key=lambda a: (not is_state(a), a.casefold()))
    needle = " ".join(text.split()).casefold() if text else ""
    rows = []
    for aid in ids:
        row = {"id": aid, "name": display_name(aid, "en"), "name_de": display_name(aid, "de"), "kind": _kind(aid)}
        if kind and row["kind"] != kind:
            continue
        names = {aid.casefold(), row["name"].casefold(), row["name_de"].casefold(), *forms[aid]}
        if needle and not any(needle in n for n in names):
            continue
        rows.append(row)
    return rows


def categories() -> list[dict[str, Any]]:
    """Each item category with a few English and German words that select it and its number of designations."""
    words: dict[str, dict[str, list[str]]] = {c: {"en": [], "de": []} for c in ITEM_CATEGORIES}
    for row in read_tsv("items.tsv"):
        lang_words = words.get(row["category"], {}).get(row["lang"])
        form = row["form"]
        if lang_words is None or len(lang_words) >= 3 or row["match"] not in ("word", "head"):
            continue
        if form.removesuffix("s") not in lang_words and form.removesuffix("n") not in lang_words:  # no plurals
            lang_words.append(form)
    counts: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("designations.tsv"):
        counts[row["category"]].add(row["designation"])
    return [
        {"category": c, "designations": len(counts[c]), "words": ", ".join(words[c]["en"] + words[c]["de"])}
        for c in ITEM_CATEGORIES
    ]


def designations(category: str) -> list[dict[str, str]]:
    """The designations of one category the lexicon knows, by name, with their producer."""
    from armsflow.export.names import display_name

    found: dict[str, str] = {}
    for row in read_tsv("designations.tsv"):
        if row["category"] == category:
            found.setdefault(row["designation"], row["producer"] or "")
    return [
        {"designation": d, "producer": p, "producer_name": display_name(p) if p else ""}
        for d, p in sorted(found.items(), key=lambda kv: kv[0].casefold())
    ]


def _write(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in rows)
    elif rows:
        output.table(rows, columns)
