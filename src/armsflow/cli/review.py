"""``armsflow review``: judge events and records, see what needs judging, export judgements as gold.

Every judgement names who made it (``--by``, else ``$ARMSFLOW_REVIEWER``,
else the login name) and may say why (``--why``). Problems are one line on
standard error: exit 2 for a bad id, field or value, 1 for a database
problem, never a traceback.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsflow.cli import helptext
from armsflow.cli.helptext import examples

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_EXAMPLES = {
    "accept": ("armsflow review accept 72e1b5529048bf5e --why 'two intelligence services'",
               "armsflow review accept 39972bccb4bcef00 28f6009abebd012a --by analyst1"),
    "reject": ("armsflow review reject 7815f5fd7593427b --why 'a licence requirement refuses no transfer'",
               "armsflow review reject 7815f5fd7593427b --format json"),
    "correct": ("armsflow review correct ce00741f74a32161 --set status=planned",
                "armsflow review correct 72e1b5529048bf5e --set designation=Shahed-136 --set quantity=none"),
    "swap": ("armsflow review swap 213d0e879898cada --why 'India buys, France sells'",
             "armsflow review swap 213d0e879898cada --format json"),
    "merge": ("armsflow review merge 72e1b5529048bf5e 28f6009abebd012a",
              "armsflow review merge 72e1b5529048bf5e 28f6009abebd012a --why 'the same deliveries'"),
    "split": ("armsflow review split 6d5465e7dbdcbaec --events 39972bccb4bcef00",
              "armsflow review split 6d5465e7dbdcbaec --events 39972bccb4bcef00 --why 'a new package'"),
    "undo": ("armsflow review undo 5b0c2e7f1a9d4c3b", "armsflow review undo 5b0c2e7f1a9d4c3b --by analyst1"),
    "list": ("armsflow review list", "armsflow review list --record 6d5465e7dbdcbaec --format jsonl"),
    "queue": ("armsflow review queue", "armsflow review queue --type sanction --limit 50"),
    "export": ("armsflow review export -o review.gold.jsonl --docs review.docs.jsonl",
               "armsflow review export --unjudged omit"),
    "save": ("armsflow review save -o judgements.jsonl", "armsflow review save --db postgresql://localhost/armsflow"),
    "load": ("armsflow review load judgements.jsonl", "armsflow review load - --db other.db < judgements.jsonl"),
}  # fmt: skip
_LINES = ("table", "jsonl", "json")
_HELP = {
    "accept": "the events (or every event of the records) are right",
    "reject": "the events (or records) are wrong: they leave every list, count and export",
    "correct": "set fields: --set supplier=UKR --set status=agreed --set quantity=none",
    "swap": "swap supplier and recipient",
    "merge": "these records are one transfer: the others' events join the first",
    "split": "these events of the record (--events) are another transfer",
}


def add_parser(sub: Any) -> None:
    review = sub.add_parser(
        "review",
        help="judge events and records; the review queue; judgements as gold",
        description="Judge events and records (each judgement names who, when and why), see what needs "
        "judging, and export judgements as gold data. 'armsflow review ACTION --help' for each action.",
        epilog=examples(
            "armsflow review queue                                     # what most needs a human, first",
            "armsflow review accept 72e1b5529048bf5e --why 'two intelligence services'",
            "armsflow review correct ce00741f74a32161 --set status=planned",
        ),
    )
    actions = review.add_subparsers(dest="review_command", metavar="ACTION")
    for name, text in _HELP.items():
        p = actions.add_parser(name, help=text, epilog=examples(*_EXAMPLES[name]))
        p.add_argument("ids", nargs="+", metavar="ID", help="record or event ids" if name != "split" else "record id")
        if name == "correct":
            p.add_argument("--set", dest="changes", action="append", default=[], metavar="FIELD=VALUE", required=True)
        if name == "split":
            p.add_argument(
                "--events", nargs="+", required=True, metavar="EVENT", help="event ids that form a new record"
            )
        _who(p)
        _db(p)
        p.add_argument("--format", choices=("text", "json"), default="text", help=_one_format)
    p = actions.add_parser(
        "undo", help="withdraw a judgement (it stays on file, marked withdrawn)", epilog=examples(*_EXAMPLES["undo"])
    )
    p.add_argument("ids", nargs=1, metavar="JUDGEMENT")
    p.add_argument("--by", metavar="NAME", help="who withdraws it (default $ARMSFLOW_REVIEWER, else the login name)")
    _db(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help=_one_format)
    p = actions.add_parser("list", help="judgements, newest first", epilog=examples(*_EXAMPLES["list"]))
    p.add_argument("--record", metavar="ID", help="judgements on this record's events")
    p.add_argument("--event", metavar="ID", help="judgements on this event")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N judgements (default 100)")
    p.add_argument("--format", choices=_LINES, default="table", help=_lines_format("a judgement"))
    _db(p)
    p = actions.add_parser(
        "queue",
        help="records with unjudged events, the most in need of a human first",
        epilog=examples(*_EXAMPLES["queue"]),
    )
    p.add_argument("--type", choices=("transfer", "sanction"), help="only transfers or only sanctions")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N records (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N records")
    p.add_argument("--format", choices=_LINES, default="table", help=_lines_format("a record"))
    _db(p)
    p = actions.add_parser(
        "export",
        help="documents with judged events, in the evaluation contract's gold format",
        epilog=examples(*_EXAMPLES["export"]),
    )
    p.add_argument("--output", "-o", metavar="FILE", help="gold lines here (default: standard output)")
    p.add_argument("--docs", metavar="FILE", help="also write the documents (id, lang, date, title, text) here")
    p.add_argument(
        "--unjudged",
        choices=("optional", "keep", "omit"),
        default="optional",
        help="a judged document's unjudged events: optional gold (default), gold, or left out",
    )
    _db(p)
    p = actions.add_parser(
        "save",
        help="every judgement as JSON lines, to load into another knowledge base",
        epilog=examples(*_EXAMPLES["save"]),
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write here (default: standard output)")
    _db(p)
    p = actions.add_parser(
        "load", help="add saved judgements this knowledge base lacks (idempotent)", epilog=examples(*_EXAMPLES["load"])
    )
    p.add_argument("file", metavar="FILE", help="a file written by 'review save' (- for standard input)")
    _db(p)


_one_format = helptext.format_help(("text", "json"), "text") + " (the judgement)"


def _lines_format(each: str) -> str:
    return helptext.format_help(("table", "jsonl", "json"), "table", old_json=True, each=each)


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", metavar="NAME", help="who judges (default $ARMSFLOW_REVIEWER, else the login name)")
    p.add_argument("--why", metavar="TEXT", help="the reason, kept with the judgement")


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default as for ingest)")


def run(args: argparse.Namespace) -> int:
    """Run the command (its code and modules are imported now, not at every start-up)."""
    from armsflow.cli import review_run

    return review_run.run(args)
