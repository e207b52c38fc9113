"""The code of `armsflow screen` (its parser is in ``cli/screen.py``), imported only when the command runs:
the store and query modules it needs are no part of other commands' start-up."""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from armsflow.cli.helptext import json_lines
from armsflow.cli.screen import EXIT_FAILED, EXIT_OK, EXIT_USAGE, RESULT_COLUMNS
from armsflow.query import QueryError
from armsflow.store import Store, StoreError, default_location


def run(args: argparse.Namespace) -> int:
    try:
        with Store(args.db or default_location()) as store:
            return _dispatch(args, store)
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except QueryError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, store: Store) -> int:
    from armsflow.screening import service  # (here: the matcher's imports cost start-up)

    words: list[str] = list(args.words)
    if args.csv:
        if words:
            raise QueryError("give either NAME or --csv FILE, not both")
        return _batch(args, store)
    if words and words[0] == "decide":
        if len(words) != 2 or not (args.list_name and args.entity and args.decision):
            raise QueryError('screen decide needs "NAME" --list LIST --entity ID --as false_positive|confirmed')
        by = args.by or os.environ.get("ARMSFLOW_REVIEWER") or getpass.getuser()
        done = service.decide(store, words[1], args.list_name, args.entity, args.decision, by, args.why)
        if args.format in ("json", "jsonl"):  # one decision: one document
            print(json.dumps(done, ensure_ascii=False))
        else:
            print(f"decision {done['id']}: {done['by']} marked {done['list']}/{done['entity_id']} "
                  f"{done['decision']} for {done['name']!r}")  # fmt: skip
        return EXIT_OK
    if words and words[0] == "decisions":
        rows = service.decisions(store, words[1] if len(words) > 1 else None)
        fmt = json_lines(args.format, "screen decisions")
        for row in rows:
            if fmt == "jsonl":
                print(json.dumps(row, ensure_ascii=False))
            else:
                state = " (re-opened: the entity changed)" if row["reopened"] else ""
                why = f" — {row['why']}" if row["why"] else ""
                print(f"{row['at'][:19]}  {row['counterparty']!r} ~ {row['list']}/{row['entity_id']}: "
                      f"{row['decision']} by {row['by']}{state}{why}")  # fmt: skip
        return EXIT_OK
    if len(words) != 1:
        raise QueryError('give one NAME to screen (quote it: armsflow screen "Aleksandr Petrov")')
    query = service.make_query(words[0], args.country, args.dob, args.ids)
    result = service.screen(store, query, all_hits=args.all, goods=args.goods, hs=args.hs)
    if args.format in ("json", "jsonl"):  # one screening: one document (jsonl: on one line)
        print(json.dumps(result, ensure_ascii=False, indent=2 if args.format == "json" else None))
    else:
        print_table(result, sys.stdout)
    return EXIT_OK


def print_table(result: dict[str, Any], out: TextIO) -> None:
    """A screening for people: the lists it ran against, each hit with why, the decision, the context."""
    q = result["query"]
    lists = result["lists"]
    if not lists:
        print("no lists are loaded: load one with 'armsflow lists load FILE'", file=out)
    for lst in lists:
        stale = f"  STALE: {lst['stale']}" if lst.get("stale") else ""
        print(f"list {lst['name']}: {lst['entities']} entities, published {lst['published'] or '?'}{stale}", file=out)
    print(f"{q['name']!r}: {result['alerts']} alerts ({result['algorithm']}, threshold {result['threshold']})",
          file=out)  # fmt: skip
    shown: set[str] = set()  # an actor's context is printed under its first hit only
    for hit in result["hits"]:
        ex = hit["explanation"]
        mark = "ALERT" if hit["alert"] else "     "
        print(f"{mark} {hit['score']:.2f}  {hit['list']}/{hit['id']}  {hit['name']}  [{hit['schema']}]", file=out)
        print(f"        name {ex['name_score']:.2f}: {ex['query_name']!r} ~ {ex['matched_name']!r}", file=out)
        for f in ex["features"]:
            print(f"        {f['feature']}: {f['result']} ({f['effect']:+.2f})", file=out)
        if hit["programs"]:
            print(f"        programmes: {', '.join(hit['programs'])}", file=out)
        if hit["decision"]:
            d = hit["decision"]
            state = "RE-OPENED (the entity changed since)" if d["reopened"] else "applies"
            print(f"        decision: {d['decision']} by {d['by']} on {d['at'][:10]}, {state}", file=out)
        for ctx in hit["context"]:
            if ctx["actor"] in shown:
                print(f"        {ctx['actor']}: see above", file=out)
                continue
            shown.add(ctx["actor"])
            _print_context(ctx, out)
    if "goods" in result:
        from armsflow.cli.goods import render

        print(render(result["goods"]), file=out)


def _print_context(ctx: dict[str, Any], out: TextIO) -> None:
    aid = ctx["actor"]
    for label, verb in (("supplies", "supplies"), ("receives", "receives from")):
        for row in ctx[label][:5]:
            print(f"        {aid} {verb} {row['partner']}: {row['item']} ({row['status']}, "
                  f"{row['n_documents']} documents; record {row['record_id']})", file=out)  # fmt: skip
    for row in ctx["sanctioned_by"][:5]:
        print(f"        {aid} sanctioned by {row['partner']} ({row['status']}; record {row['record_id']})", file=out)


def _batch(args: argparse.Namespace, store: Store) -> int:
    """Every row of a CSV file screened; one results row a hit (or one row without a hit)."""
    from armsflow.screening import service  # (here: the matcher's imports cost start-up)

    path = Path(args.csv)
    if not path.is_file():
        raise QueryError(f"no such file: {args.csv}")
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "name" not in [c.strip().lower() for c in reader.fieldnames]:
            raise QueryError(f"{args.csv}: the first line must name the columns, with at least 'name'")
        rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]
    queries = []
    for n, row in enumerate(rows, 2):
        try:
            ids = [i for i in row.get("id", "").split(";") if i.strip()]
            queries.append(service.make_query(row.get("name", ""), row.get("country") or None,
                                              row.get("dob") or None, ids))  # fmt: skip
        except QueryError as err:
            raise QueryError(f"{args.csv}:{n}: {err}") from err
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    try:
        writer = csv.writer(out)
        writer.writerow(RESULT_COLUMNS)
        alerts = 0
        for n, query in enumerate(queries, 2):
            result = service.screen(store, query, all_hits=args.all)
            alerts += result["alerts"]
            _write_rows(writer, n, result)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{len(queries)} counterparties screened, {alerts} alerts", file=sys.stderr)
    return EXIT_OK


def _write_rows(writer: Any, row: int, result: dict[str, Any]) -> None:
    name = result["query"]["name"]
    if not result["hits"]:
        writer.writerow([row, name, 0, "", "", "", "", "", "", "", ""])
    for rank, hit in enumerate(result["hits"], 1):
        ex = hit["explanation"]
        features = "; ".join(f"{f['feature']} {f['result']}" for f in ex["features"])
        decision = hit["decision"]["decision"] if hit["decision"] else ""
        writer.writerow([row, name, result["alerts"], rank, f"{hit['score']:.4f}", hit["list"], hit["id"],
                         hit["name"], ex["matched_name"], features, decision])  # fmt: skip
