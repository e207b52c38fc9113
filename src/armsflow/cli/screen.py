"""``armsflow screen``: a counterparty (and its goods) against the loaded sanctions lists; analysts' decisions.

    armsflow screen "NAME" [--country ISO3] [--dob DATE] [--id KIND:VALUE …] [--goods TEXT | --hs CODE]
                           [--format table|json] [--all] [--db PATH|URL]
    armsflow screen --csv FILE [--output FILE]
    armsflow screen decide "NAME" --list LIST --entity ID --as false_positive|confirmed [--by NAME] [--why TEXT]
    armsflow screen decisions ["NAME"]

Exit codes: 0 screened (with or without alerts), 1 a database problem, 2 bad input (one line naming it).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsflow.screening.model import DECISIONS, IDENTIFIER_KINDS

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CSV_COLUMNS = ("name", "country", "dob", "id")  # columns of a --csv file; only name is required
RESULT_COLUMNS = (
    "row", "query", "alerts", "rank", "score", "list", "entity_id", "entity_name", "matched_name", "features",
    "decision",
)  # fmt: skip

EXAMPLES = """examples:
  armsflow screen "Aleksandr Petrov" --country RUS --dob 1961
  armsflow screen "Sea Star" --id imo:9123456 --format json
  armsflow screen "Vektor Trade LLC" --goods "servo motors for a fixed-wing drone"
  armsflow screen --csv counterparties.csv --output results.csv
  armsflow screen decide "Aleksandr Petrov" --list ofac-sdn --entity 12345 --as false_positive --why "other DOB"
  armsflow screen decisions "Aleksandr Petrov"
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "screen",
        help="screen a counterparty against the loaded sanctions lists (decide: record a decision on a hit)",
        description="Screen a name against the loaded lists (armsflow lists load …); hits at or above the "
        "match threshold, best first, each with the list entity, its score, why it matched and what the "
        "knowledge base reports about its state or group. 'screen decide' stores an analyst's decision, "
        "'screen decisions' lists them.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("words", nargs="*", metavar="NAME", help="the name to screen (or: decide NAME, decisions [NAME])")
    p.add_argument("--country", metavar="ISO3", help="the counterparty's country, ISO 3166 alpha-3 (RUS, IRN)")
    p.add_argument("--dob", metavar="DATE", help="birth date: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument(
        "--id",
        dest="ids",
        action="append",
        default=[],
        metavar="KIND:VALUE",
        help=f"an identifier, repeatable; KIND one of {', '.join(IDENTIFIER_KINDS)} (imo:9123456)",
    )
    goods = p.add_mutually_exclusive_group()
    goods.add_argument("--goods", metavar="TEXT", help='also check goods described in words ("Kugellager")')
    goods.add_argument("--hs", metavar="CODE", help="also check an HS6 or CN8 code (848210)")
    p.add_argument(
        "--format",
        choices=("table", "jsonl", "json"),
        default="table",
        help="table (default): readable; json: one JSON document (a screening, a decision); jsonl: one JSON "
        "object per line, a decision each (screen decisions, where json is its deprecated old name)",
    )
    p.add_argument("--all", action="store_true", help="also hits below the threshold and decided false positives")
    p.add_argument("--csv", metavar="FILE", help=f"screen every row of a CSV file (columns {', '.join(CSV_COLUMNS)})")
    p.add_argument(
        "--output", "-o", metavar="FILE", help="--csv: write the results CSV here (default: standard output)"
    )
    p.add_argument("--list", dest="list_name", metavar="LIST", help="decide: the list of the entity (ofac-sdn)")
    p.add_argument("--entity", metavar="ID", help="decide: the list entity's id")
    p.add_argument("--as", dest="decision", choices=DECISIONS, help="decide: false_positive or confirmed")
    p.add_argument("--by", metavar="NAME", help="decide: who decides (default $ARMSFLOW_REVIEWER, else the login)")
    p.add_argument("--why", metavar="TEXT", help="decide: the reason, kept with the decision")
    p.add_argument("--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default as for ingest)")


def run(args: argparse.Namespace) -> int:
    """Run the command (its code and modules are imported now, not at every start-up)."""
    from armsflow.cli import screen_run

    return screen_run.run(args)
