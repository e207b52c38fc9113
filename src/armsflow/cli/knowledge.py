"""Knowledge-base commands: ingest, merge, transfers, sanctions, actor, record, docs, export.

Each command opens the store (``--db``, else ``$ARMSFLOW_DB``, else the
default SQLite file), calls one library function and prints. Problems with
the database or a filter are one line on standard error and exit code 1
(bad input) or 2 (usage), never a traceback. This module holds their parsers; their code is in
``knowledge_commands``, imported only when one of them runs (not at every command's start-up).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsflow.cli import helptext
from armsflow.cli.helptext import examples
from armsflow.ingest.sources import BATCH_DOCUMENTS, MAX_BYTES, MAX_TIMEOUT, TIMEOUT

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
    """Run one of COMMANDS (its code is imported now, not at start-up)."""
    from armsflow.cli import knowledge_commands

    return knowledge_commands.run(args, samples)
