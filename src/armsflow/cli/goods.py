"""``armsflow goods``: a goods description or HS/CN code against the control lists, with the network context.

The same check ``armsflow screen --goods/--hs`` runs for a counterparty, on its own: which HS codes a German or
English description may have (with a confidence and the words behind each), which of the Common High Priority
Items List, the EU annexes to Regulation (EU) 2023/1529 and the UK's Iran Schedule 4 cover them, and what the
knowledge base reports about transfers of the item categories involved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from armsflow.cli.helptext import examples, format_help

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
LIST_NAMES = {"chpl": "CHPL", "eu-2023-1529": "EU 2023/1529", "uk-iran-2023": "UK Iran Sch. 4"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "goods",
        help="check a goods description or HS/CN code against the control lists (CHPL, EU, UK)",
        description="Map a German or English goods description to candidate HS codes (with confidence and the "
        "words behind each), check them or a given HS4/HS6/CN8/TARIC code against the Common High Priority "
        "Items List (tiers), the EU annexes to Regulation (EU) 2023/1529 and the UK Iran Schedule 4, and show the "
        "knowledge base's transfer records of the item categories involved.",
        epilog=examples(
            'armsflow goods "servo motors for a fixed-wing drone"',
            "armsflow goods Kugellager --lang de",
            "armsflow goods --hs 8542.31.90 --format json",
        ),
    )
    p.add_argument("description", nargs="?", metavar="DESCRIPTION", help="the goods in words (German or English)")
    p.add_argument("--hs", metavar="CODE", help="an HS4, HS6, CN8 or TARIC code (8542, 8542.31, 85423190)")
    p.add_argument("--lang", choices=("de", "en"), help="the description's language (default: read both)")
    p.add_argument("--top", type=int, default=5, metavar="N", help="at most N candidate codes (default 5)")
    p.add_argument("--format", choices=("table", "json"), default="table", help=format_help(("table", "json"), "table"))
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        help="knowledge base for the network context (default: $ARMSFLOW_DB or the default one, when it exists)",
    )
    p.add_argument("--no-network", action="store_true", help="leave out the knowledge base's transfer records")


def run(args: argparse.Namespace) -> int:
    from armsflow.screening.goods import GoodsError, check
    from armsflow.store import Store, StoreError, default_location

    if args.description is None and args.hs is None:
        print('armsflow: error: give a DESCRIPTION or --hs CODE (e.g. armsflow goods "Kugellager")', file=sys.stderr)
        return EXIT_USAGE
    location = None if args.no_network else (args.db or default_location())
    if location and not args.db and "://" not in location and not Path(location).exists():
        location = None  # no knowledge base yet: do not create one just to find it empty
    try:
        if location:
            with Store(location) as store:
                result = check(args.description, args.hs, args.lang, store, top=args.top)
        else:
            result = check(args.description, args.hs, args.lang, top=args.top)
    except GoodsError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    out = result.to_json()
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(render(out))
    return EXIT_OK


def render(out: dict[str, Any]) -> str:
    """The check as readable text: one block per candidate code, then purposes and the network context."""
    query = out["query"]
    said = query["description"] or ""
    if query["hs"]:
        said = f"{said} --hs {query['hs']}".strip()
    lines = [f"goods: {said}" + (f" ({query['lang']})" if query["lang"] else "")]
    if not out["candidates"]:
        lines.append("  no candidate code: no word of the description is in the goods lexicon")
    for c in out["candidates"]:
        what = c["description"] or "(not in armsflow's HS6 list)"
        lines.append(f"  {c['code_shown']:<12} {c['confidence']:.2f}  {c['category'] or '-':<14} {what}")
        lines.append(f"      why: {'; '.join(c['reasons'])}")
        for entry in c["controls"]:
            tier = f" tier {entry['tier']}" if entry["tier"] else ""
            lines.append(
                f"      listed: {LIST_NAMES.get(entry['list'], entry['list'])}{tier} {entry['code']} "
                f"({entry['coverage']}) - {entry['annex']}, {entry['document']}, {entry['date']}"
            )
        if not c["controls"]:
            lines.append("      listed: on none of the control lists")
    for p in out["purposes"]:
        lines.append(f"  purpose: {p['word']!r} -> {p['category']}")
    caveats = {e["list"]: e["caveat"] for c in out["candidates"] for e in c["controls"] if e["caveat"]}
    for name, caveat in caveats.items():
        lines.append(f"  note on {LIST_NAMES.get(name, name)}: {caveat}")
    lines.extend(_network_lines(out["network"]))
    return "\n".join(lines)


def _network_lines(network: list[dict[str, Any]] | None) -> list[str]:
    if network is None:
        return ["  network: no knowledge base (give --db)"]
    lines = []
    for n in network:
        lines.append(f"  network {n['category']}: {_n(n['records'], 'transfer record')} ({'; '.join(n['why'])})")
        for t in n["transfers"]:
            name = f" {t['designation']}" if t["designation"] else ""
            lines.append(
                f"      {t['supplier']}→{t['recipient']} {t['item']}{name} {t['status']} "
                f"({t['first_reported']}..{t['last_reported']}, {_n(t['documents'], 'document')}) {t['id']}"
            )
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
