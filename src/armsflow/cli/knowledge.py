"""Knowledge-base commands: ingest, merge, transfers, sanctions, actor, record, docs, export.

Each command opens the store (``--db``, else ``$ARMSFLOW_DB``, else the
default SQLite file), calls one library function and prints. Problems with
the database or a filter are one line on standard error and exit code 1
(bad input) or 2 (usage), never a traceback.
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
from armsflow.cli.helptext import examples
from armsflow.export import Selection, export
from armsflow.export.names import label
from armsflow.ingest.web import MAX_BYTES, MAX_TIMEOUT, TIMEOUT, is_url, refused_scheme
from armsflow.load import BATCH_DOCUMENTS, FOLDER_SUFFIXES, IngestSummary, ingest, ingest_batch, iter_sources
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

# export's formats: jsonl added, json its old name (deprecated)
EXPORT_FORMATS = ("csv", "jsonl", "graphml", "ftm", "plover", "json")
COMMANDS = ("ingest", "merge", "transfers", "sanctions", "actor", "record", "docs", "export")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parsers(sub: Any) -> None:
    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="PATH|URL",
            help="SQLite file or postgresql:// URL (default: $ARMSFLOW_DB, else ~/.local/share/armsflow/armsflow.db)",
        )

    p = sub.add_parser(
        "ingest",
        help="read files, folders, HTML pages and feeds into the knowledge base",
        description="Read documents, extract their events and merge them into records in the knowledge base. "
        "Documents already stored are recognised and skipped.",
        epilog=examples(
            "armsflow ingest --samples                       # the bundled sample articles",
            "armsflow ingest news/ feed.xml https://example.org/article.html",
            "armsflow ingest batch-out/ --db postgresql://localhost/armsflow   # an 'armsflow batch' output",
        ),
    )
    p.add_argument("sources", nargs="*", metavar="PATH|URL", help="file, folder, .jsonl, .html, feed file or URL")
    db(p)
    p.add_argument("--samples", action="store_true", help="also ingest the bundled sample articles")
    p.add_argument("--lang", choices=("de", "en"), help="force the language instead of detecting it")
    p.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="S",
        help=f"seconds per HTTP request, all told (default {TIMEOUT:g}, at most {MAX_TIMEOUT:g})",
    )
    p.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="N", help=f"cap on one response (default {MAX_BYTES})"
    )
    p.add_argument(
        "--batch",
        type=int,
        default=BATCH_DOCUMENTS,
        metavar="N",
        help=f"documents stored per transaction, at most (default {BATCH_DOCUMENTS})",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser(
        "merge",
        help="recompute every record from the stored events",
        description="Recompute every record from the stored events and the judgements on them.",
        epilog=examples("armsflow merge", "armsflow merge --db postgresql://localhost/armsflow"),
    )
    db(p)

    def listing(p: argparse.ArgumentParser, status: str) -> None:
        formats = ("table", "jsonl", "csv", "json")
        db(p)
        p.add_argument("--status", metavar="STATUS", help=status)
        p.add_argument("--since", metavar="DATE", help="last reported on or after (YYYY[-MM[-DD]])")
        p.add_argument("--until", metavar="DATE", help="first reported on or before (YYYY[-MM[-DD]])")
        p.add_argument("--min-confidence", type=float, metavar="C", help="only records with confidence ≥ C (0–1)")
        p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N records (default 100)")
        p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N records")
        p.add_argument(
            "--format",
            choices=formats,
            default="table",
            help=helptext.format_help(formats, "table", old_json=True, each="a record"),
        )

    p = sub.add_parser(
        "transfers",
        help="transfer records, filtered",
        description="Transfer records (the events of one deal merged), most recently reported first.",
        epilog=examples(
            "armsflow transfers --supplier Iran --recipient Russland --since 2023",
            'armsflow transfers --item "Leopard 2" --status delivered',
            "armsflow transfers --actor UKR --format csv > ukraine.csv",
        ),
    )
    p.add_argument("--supplier", metavar="ACTOR", help=helptext.ACTOR)
    p.add_argument("--recipient", metavar="ACTOR", help="an actor id or name")
    p.add_argument("--actor", metavar="ACTOR", help="an actor on either side")
    p.add_argument("--item", metavar="ITEM", help=helptext.ITEM)
    listing(p, helptext.TRANSFER_STATUS)

    p = sub.add_parser(
        "sanctions",
        help="sanction records, filtered",
        description="Sanction records (the sanction events of one imposer against one target merged).",
        epilog=examples(
            "armsflow sanctions --target Pjöngjang",
            "armsflow sanctions --imposer EU --status imposed --since 2024",
        ),
    )
    p.add_argument("--imposer", metavar="ACTOR", help=helptext.ACTOR)
    p.add_argument("--target", metavar="ACTOR", help="an actor id or name")
    p.add_argument("--actor", metavar="ACTOR", help="an actor on either side")
    listing(p, helptext.SANCTION_STATUS)

    one = ("table", "json")
    p = sub.add_parser(
        "actor",
        help="what an actor supplies and receives, by partner and item",
        description="What an actor supplies and receives, by partner and item, and the sanctions it imposes and faces.",
        epilog=examples("armsflow actor Iran", "armsflow actor wagner-group --format json"),
    )
    p.add_argument("name", metavar="ACTOR", help=helptext.ACTOR)
    db(p)
    p.add_argument("--format", choices=one, default="table", help=helptext.format_help(one, "table"))

    p = sub.add_parser(
        "record",
        help="one record with its status history and evidence",
        description="One record with its status history, sources, contradiction and every evidence sentence.",
        epilog=examples(
            "armsflow record 72e1b5529048bf5e             # an id from transfers or sanctions",
            "armsflow record 72e1b5529048bf5e --format json",
        ),
    )
    p.add_argument("id", metavar="ID", help="record id (from transfers/sanctions)")
    db(p)
    p.add_argument("--format", choices=one, default="table", help=helptext.format_help(one, "table"))

    p = sub.add_parser(
        "docs",
        help="stored documents, or one document with its events",
        description="The stored documents, most recent first; with ID, one document's text and its events.",
        epilog=examples(
            'armsflow docs --search "Leopard Ukr"           # every word, or the beginning of one',
            "armsflow docs --since 2024-06 --format csv",
            "armsflow docs sample-de-01                     # one document with its events",
        ),
    )
    p.add_argument("id", nargs="?", metavar="ID", help="show this document (id or original id)")
    p.add_argument("--search", metavar="TEXT", help="every word (or word beginning) in the title or text")
    listing_db = p
    db(listing_db)
    p.add_argument("--since", metavar="DATE", help="reported on or after")
    p.add_argument("--until", metavar="DATE", help="reported on or before")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N documents (default 100)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N documents")
    docs_formats = ("table", "jsonl", "csv", "json")
    p.add_argument(
        "--format",
        choices=docs_formats,
        default="table",
        help="table (default): a table fitted to the terminal (with ID: the text, then its events); "
        "jsonl: one JSON object per line, a document each; csv: comma-separated values with a header row "
        "(the list); json: with ID, one JSON document; without, the old name of jsonl (deprecated)",
    )

    p = sub.add_parser(
        "export",
        help="export the knowledge base, or the records the filters select",
        description="Write the whole knowledge base, or the records the filters select, in an exchange format.",
        epilog=examples(
            "armsflow export --format csv -o register.csv",
            "armsflow export --format ftm --item uav --status delivered -o drones.ftm.jsonl",
            "armsflow export --format plover --actor UKR --since 2024 -o ukraine.plover.jsonl",
        ),
    )
    db(p)
    p.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        required=True,
        help="csv: one row per record; jsonl: one record per line; graphml: a graph of actors and transfers; "
        "ftm: FollowTheMoney entities, one per line; plover: PLOVER events, one per line; "
        "json: the old name of jsonl here (deprecated)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--type", choices=("transfer", "sanction"), help="only transfer or only sanction records")
    p.add_argument("--actor", metavar="ACTOR", help="records with this actor on either side (id or name)")
    p.add_argument("--item", metavar="ITEM", help=helptext.ITEM)
    p.add_argument("--status", metavar="STATUS", help=helptext.ANY_STATUS)
    p.add_argument("--since", metavar="DATE", help="last reported on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="first reported on or before (YYYY[-MM[-DD]])")
    p.add_argument("--min-confidence", type=float, metavar="C", help="only records (events) with confidence ≥ C")


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
