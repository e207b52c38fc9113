"""The knowledge-base commands themselves (parsers in ``knowledge``): imported only when one runs.

Opening the store, querying, exporting and ingesting need the store, query, export, review, batch
and web modules; importing them for every command, `armsflow extract` included, cost a fifth of
the command line's start-up.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from armsflow.batch import MANIFEST, BatchError, is_batch_output, is_unfinished_output, read_manifest
from armsflow.bulk import collector_tuned
from armsflow.cli import helptext, output, progress
from armsflow.cli.knowledge import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from armsflow.export import Selection, export
from armsflow.export.names import label
from armsflow.ingest.web import MAX_TIMEOUT, is_url, refused_scheme
from armsflow.load import FOLDER_SUFFIXES, IngestSummary, ingest, ingest_batch, iter_sources
from armsflow.query import (
    QueryError,
    RecordFilter,
    actor,
    confidence_bound,
    count_documents,
    count_records,
    document,
    documents,
    record,
    records,
)
from armsflow.review import record_fate, summary
from armsflow.store import Store, StoreError, default_location


def run(args: argparse.Namespace, samples: str) -> int:
    try:
        with Store(getattr(args, "db", None) or default_location()) as store:
            return _dispatch(args, store, samples)
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except QueryError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace, store: Store, samples: str) -> int:
    cmd = args.command
    if cmd == "ingest":
        return _ingest(args, store, samples)
    if cmd == "merge":
        n = store.rebuild_records()
        print(f"armsflow: {n} records rebuilt from {store.counts()['events']} events", file=sys.stderr)
        return EXIT_OK
    if cmd in ("transfers", "sanctions") or (cmd == "docs" and not args.id):
        args.format = helptext.json_lines(args.format, cmd)
    if cmd in ("transfers", "sanctions"):
        flt = RecordFilter(
            type="transfer" if cmd == "transfers" else "sanction",
            status=args.status,
            since=args.since,
            until=args.until,
            actor=args.actor,
            min_confidence=None if args.min_confidence is None else confidence_bound(args.min_confidence),
            limit=args.limit,
            offset=args.offset,
        )
        columns: tuple[str, ...]
        if cmd == "transfers":
            flt.supplier, flt.recipient, flt.item = args.supplier, args.recipient, args.item
            columns = ("id", "supplier", "recipient", "item", "designation", "status", "first_reported",
                       "last_reported", "n_documents", "n_sources", "confidence", "contradiction",
                       "reviewed")  # fmt: skip
        else:
            flt.imposer, flt.target = args.imposer, args.target
            columns = ("id", "imposer", "target", "status", "first_reported", "last_reported", "n_documents",
                       "n_sources", "confidence")  # fmt: skip
        rows = records(store, flt)
        if args.format == "table":  # names beside ids, the designation as the texts reported it
            rows = _named([{**r, "designation": _as_reported(r)} for r in rows])
        if args.format != "jsonl":  # a judged record says so (✓ accepted, ✎ corrected, ✗ rejected, ? unjudged)
            for row in rows:
                row["reviewed"] = summary(row.get("review"))
            columns += () if "reviewed" in columns else ("reviewed",)
        _print_rows(rows, columns, args.format)
        _print_count(len(rows), count_records(store, flt), flt.offset, flt.limit, "records")
        return EXIT_OK
    if cmd == "actor":
        found = actor(store, args.name)
        if args.format == "json":
            print(json.dumps(found, ensure_ascii=False, indent=1))
            return EXIT_OK
        for label in ("supplies", "receives", "imposes", "sanctioned_by"):
            n = len(found[label])
            print(f"{found['id']} {label.replace('_', ' ')} ({n} record{'' if n == 1 else 's'}, all shown):")
            rows = _named(found[label])
            if rows:
                _table(rows, ("partner", "item", "designation", "status", "first_reported", "last_reported",
                              "n_documents", "record_id"))  # fmt: skip
            else:
                print("  (none)")
        return EXIT_OK
    if cmd == "record":
        rec = record(store, args.id)
        if rec is None:
            return _gone(store, args.id, args.format)
        if args.format == "json":
            print(json.dumps(rec, ensure_ascii=False, indent=1))
            return EXIT_OK
        _print_record(rec)
        return EXIT_OK
    if cmd == "docs":
        if args.id:
            doc = document(store, args.id)
            if doc is None:
                print(f"armsflow: error: no document {args.id!r}", file=sys.stderr)
                return EXIT_FAILED
            if args.format in ("json", "jsonl"):
                print(json.dumps(doc, ensure_ascii=False, indent=1 if args.format == "json" else None))
            else:
                print(f"{doc['title'] or doc['doc_key']}  [{doc['id']}]  {doc['date'] or ''}  {doc['publisher'] or ''}")
                print(doc["url"] or "")
                print()
                print(doc["text"])
                print()
                _table(_named(doc["events"]), ("type", "supplier", "recipient", "imposer", "target", "item", "status",
                                               "start_char", "end_char", "record_id", "review"))  # fmt: skip
            return EXIT_OK
        rows = documents(store, args.search, args.since, args.until, args.limit, args.offset)
        _print_rows(rows, ("id", "reported", "lang", "publisher", "n_events", "title"), args.format)
        total = count_documents(store, args.search, args.since, args.until)
        _print_count(len(rows), total, args.offset, args.limit, "documents")
        return EXIT_OK
    if cmd == "export":
        return _export(args, store)
    raise AssertionError(cmd)


def _export(args: argparse.Namespace, store: Store) -> int:
    fmt = helptext.json_lines(args.format, "export")
    fmt = "json" if fmt == "jsonl" else fmt  # the library's name for JSON lines
    selection = Selection(
        type=args.type,
        actor=args.actor,
        item=args.item,
        status=args.status,
        since=args.since,
        until=args.until,
        min_confidence=args.min_confidence,
    )
    selection.filters(store)  # a bad filter value is a usage error before any file is created
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                n = export(store, fmt, out, selection=selection)
        except OSError as err:
            print(f"armsflow: error: cannot write {args.output}: {err.strerror or err}", file=sys.stderr)
            return EXIT_FAILED
    else:
        n = export(store, fmt, sys.stdout, selection=selection)
    print(f"armsflow: {n} {args.format} items exported", file=sys.stderr)
    return EXIT_OK


def _ingest(args: argparse.Namespace, store: Store, samples: str) -> int:
    specs = ([samples] if args.samples else []) + list(args.sources)
    if not specs:
        print("armsflow: error: give at least one PATH or URL (or --samples)", file=sys.stderr)
        return EXIT_USAGE
    problem = _bad_sources(args)
    if problem:  # a mistake in the command line itself: stop before reading anything
        print(f"armsflow: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    batches = [s for s in specs if is_batch_output(s)]
    others = [s for s in specs if s not in batches]
    bar = None
    if not args.quiet and sys.stderr.isatty():
        bar = progress.bar(_ingest_total(others, batches), mininterval=0.5)

    def advance(summary: IngestSummary) -> None:
        if bar is not None:
            bar.set_postfix(new=summary.new, events=summary.events, refresh=False)
            progress.advance_to(bar, summary.read + summary.failed + summary.skipped)

    def report(message: str) -> None:
        if bar is not None:
            bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    try:
        with collector_tuned():
            summary = IngestSummary()
            if others:
                summary = ingest(
                    store,
                    iter_sources(others, timeout=args.timeout, max_bytes=args.max_bytes),
                    lang=args.lang,
                    report=report,
                    progress=advance,
                    batch_size=args.batch,
                )
            for spec in batches:  # extracted already: documents and events go in through the bulk path
                ingest_batch(store, spec, summary, advance)
                rejected = read_manifest(spec).get("rejects")
                if rejected:
                    report(f"armsflow: warning: {spec}: the batch rejected {rejected} records (see its rejects/)")
    except BatchError as err:
        if bar is not None:
            bar.close()
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print("armsflow: interrupted; every document stored so far is complete", file=sys.stderr)
        return EXIT_FAILED
    if bar is not None:
        bar.close()
    counts = store.counts()
    print(f"armsflow: {summary.line()}", file=sys.stderr)
    print(
        f"armsflow: {store.label} now holds {counts['documents']} documents, {counts['events']} events, "
        f"{counts['records']} records",
        file=sys.stderr,
    )
    return EXIT_FAILED if summary.failed else EXIT_OK


def _ingest_total(others: list[str], batches: list[str]) -> int | None:
    """The documents ingest will go through, when known before reading (for the progress bar)."""
    total = progress.documents_in(others, FOLDER_SUFFIXES) if others else 0
    for spec in batches:
        counted = read_manifest(spec).get("documents")
        if total is None or not isinstance(counted, int):
            return None
        total += counted
    return total


def _bad_sources(args: argparse.Namespace) -> str | None:
    """What is wrong with ingest's sources or numeric options, if anything (a usage error, exit 2)."""
    if args.lang and any(is_batch_output(s) for s in args.sources):
        return "--lang does not apply to a batch output: its events are extracted already"
    unfinished = [s for s in args.sources if is_unfinished_output(s)]
    if unfinished:
        return f"{unfinished[0]} is an unfinished armsflow batch output (no {MANIFEST}): run the batch again"
    absent = [s for s in args.sources if s != "-" and not is_url(s) and not Path(s).exists()]
    refused = [s for s in absent if refused_scheme(s)]
    if refused:  # "ftp://…" is no missing file: say what armsflow does not do
        return "; ".join(
            f"{s}: only http:// and https:// URLs are fetched ({refused_scheme(s)} is refused)" for s in refused
        )
    if absent:
        return f"no such file or folder: {', '.join(absent)}"
    # "nan" fails every comparison, "inf" and 1e308 overflow the socket's timer: accept a sensible range only
    if not 0 < args.timeout <= MAX_TIMEOUT:
        return f"--timeout must be a number of seconds between 0 and {MAX_TIMEOUT:g} (got {args.timeout:g})"
    if args.max_bytes <= 0:
        return "--max-bytes must be positive"
    if args.batch <= 0:
        return f"--batch must be a positive number of documents (got {args.batch})"
    return None


def _named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a terminal table: each actor id with its English name beside it ("IRN (Iran)")."""
    sides = ("supplier", "recipient", "imposer", "target", "partner")
    return [{**r, **{s: label(r[s]) for s in sides if r.get(s)}} for r in rows]


def _print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    else:
        if not rows:
            print("(no records match)" if "supplier" in columns or "imposer" in columns else "(none)", file=sys.stderr)
            return
        _table(rows, columns)


def _as_reported(row: dict[str, Any]) -> str | None:
    """The canonical designation with what the texts said when that differs: "Type 212CD (212CD, Typ 212CD)"."""
    name = row.get("designation")
    if not name:
        return name
    shown = row.get("variant") or name
    said = [d for d in row.get("reported_as") or () if d not in (name, shown)]
    return f"{shown} ({', '.join(said)})" if said else shown


def _print_count(shown: int, total: int, offset: int, limit: int, what: str) -> None:
    """How many matched and how many are shown, with the options that show the rest (on standard error)."""
    what = what.removesuffix("s") if total == 1 else what
    if shown == total:
        print(f"armsflow: {total} {what} {'matches' if total == 1 else 'match'}, all shown", file=sys.stderr)
        return
    if not shown:
        print(f"armsflow: {total} {what} match, none shown at --offset {offset}", file=sys.stderr)
        return
    rest = []
    if offset + shown < total:
        rest.append(f"--offset {offset + shown} for the next {min(limit, total - offset - shown)}")
    rest.append(f"--limit {total} for all" if total <= 10_000 else "--offset to page on")
    print(
        f"armsflow: {total} {what} match, showing {offset + 1}–{offset + shown} ({', '.join(rest)})",
        file=sys.stderr,
    )


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    output.table(rows, columns)


def _gone(store: Store, rid: str, fmt: str) -> int:
    """A record id that names no record: say what judgements made of it, else that it is unknown."""
    fate = record_fate(store, rid)
    if fate is None:
        print(f"armsflow: error: no record {rid!r}", file=sys.stderr)
        return EXIT_FAILED
    if fmt == "json":
        print(json.dumps(fate, ensure_ascii=False, indent=1))
        return EXIT_OK
    now = ", ".join(fate["now_in"]) or "no record"
    print(f"record {rid} is no more: {fate['rejected_events']} of its events rejected, the others now in {now}")
    for j in fate["judgements"]:
        print(f"  {j['created_at']}  {j['author']} {j['action']}  {j['reason'] or ''}  [{j['id']}]".rstrip())
    return EXIT_OK


def _status_line(before: str, status: str, after: str) -> None:
    """A line with a status in it, the status in its colour on a terminal (plain when piped)."""
    from rich.text import Text

    sys.stdout.flush()
    line = Text(before)
    line.append_text(output.status_text(status))
    line.append(after)
    output.console(sys.stdout).print(line)


def _print_record(found: dict[str, Any]) -> None:
    if found["type"] == "transfer":
        what = " ".join(x for x in (_as_reported(found), found.get("item")) if x)
        print(f"{label(found['supplier']) or '?'} → {label(found['recipient']) or '?'}: {what}   [{found['id']}]")
    else:
        print(f"{label(found['imposer']) or '?'} sanctions {label(found['target']) or '?'}   [{found['id']}]")
    _status_line("status: ", found["status"], f"   reported {found['first_reported']} … {found['last_reported']}")
    print(
        f"documents: {found['n_documents']}   sources: {found['n_sources']}   publishers: {found['n_publishers']}"
        + (f"   contradiction: {found['contradiction']}" if found["contradiction"] else "")
    )
    if found.get("sources"):
        print("sources: " + "; ".join(found["sources"]))
    if found.get("dispute"):
        d = found["dispute"]
        print(f"  claims ({d['claim']['status']}): " + "; ".join(d["claim"]["sources"]))
        print(f"  against ({'/'.join(d['denial']['statuses'])}): " + "; ".join(d["denial"]["sources"]))
        if d["denial_outweighed"]:
            print(f"  current status {d['current']}: {d['rule']}")
    if found.get("review"):
        print("reviewed: " + summary(found["review"]) + "   judgements: " + " ".join(found["review"]["judgements"]))
    if found["quantities"]:
        print("quantities reported: " + ", ".join(str(q) for q in found["quantities"]))
    print("history:")
    for h in found["history"]:
        _status_line("  ", h["status"], f"{' ' * (10 - len(h['status']))} {h['first']} … {h['last']}  "
                     f"({h['documents']} documents)")  # fmt: skip
    print("evidence:")
    for e in found["evidence"]:
        where = e["url"] or e["doc_key"]
        by = f" according to {e['source']}" if e["source"] else ""
        said = f" ({e['designation']})" if e.get("designation") else ""
        judged = f"  [{e['review']}]" if e.get("review") else ""
        print(f"  {e['reported']}  {e['status']}{said}{by}  — {e['publisher'] or ''} {where}{judged}")
        print(f"    “{' '.join(e['evidence'].split())}”")
