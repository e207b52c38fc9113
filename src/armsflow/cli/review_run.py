"""The code of `armsflow review` (its parser is in ``cli/review.py``), imported only when the command runs:
the store and query modules it needs are no part of other commands' start-up."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from armsflow.cli import helptext
from armsflow.cli.knowledge_commands import _print_count
from armsflow.cli.review import _HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE
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
    from armsflow.cli.knowledge_commands import _table as table

    table(rows, columns)
