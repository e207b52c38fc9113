"""``armsflow review``: judge events and records, see what needs judging, export judgements as gold.

Every judgement names who made it (``--by``, else ``$ARMSFLOW_REVIEWER``,
else the login name) and may say why (``--why``). Problems are one line on
standard error: exit 2 for a bad id, field or value, 1 for a database
problem, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from armsflow.cli import helptext
from armsflow.cli.helptext import examples
from armsflow.cli.knowledge import _print_count
from armsflow.query import QueryError
from armsflow.review import (
    count_judgements,
    gold,
    judge,
    judgements,
    load,
    parse_changes,
    queue,
    saved,
    summary,
    withdraw,
)
from armsflow.store import Store, StoreError, default_location

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
    if args.review_command is None:
        print("armsflow: error: review needs an action: "
              + ", ".join([*_HELP, "undo", "list", "queue", "export", "save", "load"]),
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    try:
        with Store(args.db or default_location()) as store:
            return _dispatch(args, store)
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except QueryError as err:  # ReviewError included
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, store: Store) -> int:
    cmd = args.review_command
    if cmd in _HELP or cmd == "undo":
        if cmd == "undo":
            done = withdraw(store, args.ids[0], by=args.by)
        else:
            done = judge(
                store,
                cmd,
                args.ids,
                by=args.by,
                why=args.why,
                changes=parse_changes(args.changes) if cmd == "correct" else None,
                events=getattr(args, "events", None) or (),
            )
        if args.format == "json":
            print(json.dumps(done, ensure_ascii=False))
        else:
            verb = "withdrew" if cmd == "undo" else f"{done['action']}:"
            changes = " ".join(f"{k}={v}" for k, v in done["changes"].items())
            print(f"judgement {done['id']}: {done['author']} {verb} {len(done['events'])} events {changes}".rstrip())
            print("records now: " + (", ".join(done["records"]) or "(none: every event rejected)"))
        return EXIT_OK
    if cmd in ("list", "queue"):
        args.format = helptext.json_lines(args.format, f"review {cmd}")
    if cmd == "list":
        if not 1 <= args.limit <= 10_000:
            raise QueryError("--limit must be between 1 and 10000")
        rows = judgements(store, record=args.record, event=args.event, limit=args.limit)
        _print_count(len(rows), count_judgements(store, args.record, args.event), 0, args.limit, "judgements")
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
            return EXIT_OK
        if not rows:
            print("(no judgements)", file=sys.stderr)
            return EXIT_OK
        _table(
            [
                {
                    **r,
                    "events": len(r["events"]),
                    "changes": " ".join(f"{k}={v}" for k, v in r["changes"].items()),
                    "withdrawn": r["withdrawn_at"] or "",
                }
                for r in rows
            ],
            ("id", "created_at", "author", "action", "scope", "record_id", "events", "changes", "reason", "withdrawn"),
        )
        return EXIT_OK
    if cmd == "queue":
        total, rows = queue(store, args.type, args.limit, args.offset)
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
        elif rows:
            for row in rows:
                row["parties"] = " → ".join(x or "?" for x in (row["supplier"] or row["imposer"],
                                                              row["recipient"] or row["target"]))  # fmt: skip
                row["what"] = " ".join(x for x in (row["designation"], row["item"]) if x)
                row["reviewed"] = summary(row["review"])
            _table(rows, ("id", "need", "parties", "what", "status", "confidence", "n_sources", "n_documents",
                          "reviewed", "why"))  # fmt: skip
        shown = f"{args.offset + 1}–{args.offset + len(rows)}" if rows else "none"
        print(f"armsflow: {total} records wait for review; showing {shown} (--limit, --offset for more)",
              file=sys.stderr)  # fmt: skip
        return EXIT_OK
    if cmd == "export":
        return _export(args, store)
    if cmd == "save":
        return _save(args, store)
    if cmd == "load":
        return _load(args, store)
    raise AssertionError(cmd)


def _save(args: argparse.Namespace, store: Store) -> int:
    lines = [json.dumps(j, ensure_ascii=False) + "\n" for j in saved(store)]
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                out.writelines(lines)
        else:
            sys.stdout.writelines(lines)
    except OSError as err:
        print(f"armsflow: error: cannot write {args.output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    print(f"armsflow: {len(lines)} judgements saved", file=sys.stderr)
    return EXIT_OK


def _load(args: argparse.Namespace, store: Store) -> int:
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as err:
        print(f"armsflow: error: cannot read {args.file}: {getattr(err, 'strerror', None) or err}", file=sys.stderr)
        return EXIT_USAGE
    lines = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                lines.append(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as err:
                print(f"armsflow: error: {args.file}:{n}: not JSON ({err})", file=sys.stderr)
                return EXIT_USAGE
    done = load(store, lines)
    print(
        f"armsflow: {done['judgements']} judgements loaded on {done['events']} events "
        f"({done['known']} already here; {done['unknown_events']} judged events not in this knowledge base)",
        file=sys.stderr,
    )
    return EXIT_OK


def _export(args: argparse.Namespace, store: Store) -> int:
    lines = list(gold(store, args.unjudged))
    try:
        if args.docs:
            with open(args.docs, "w", encoding="utf-8") as out:
                for doc, _ in lines:
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                for _, line in lines:
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            for _, line in lines:
                print(json.dumps(line, ensure_ascii=False))
    except OSError as err:
        print(f"armsflow: error: cannot write {err.filename}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    events = sum(len(line["events"]) for _, line in lines)
    print(f"armsflow: {len(lines)} judged documents exported with {events} gold events", file=sys.stderr)
    return EXIT_OK


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    from armsflow.cli.knowledge import _table as table

    table(rows, columns)
