"""``armsflow lists``: the sanctions lists screening uses — what is loaded, loading one, updating them all.

``lists`` shows each loaded list (name, format, entities, the list's own date, how long ago it was loaded,
and whether its last update failed). ``lists load FILE|URL`` reads a list in one of the official formats
(detected when ``--format`` is not given) and replaces that list in the knowledge base in one transaction.
``lists update`` fetches every loaded list again from its official address (or from the URL it was loaded
from); a list that fails to fetch or read stays in use, marked stale with the reason.

Exit codes: 0 done; 1 a fetch or database problem (an update that left a list stale included); 2 bad input
(no such file, unknown format, a malformed list file: the message names the file and line or element).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsflow.cli.helptext import format_help
from armsflow.screening.lists import FETCH_MAX_BYTES as MAX_BYTES
from armsflow.screening.lists import FETCH_TIMEOUT as TIMEOUT
from armsflow.screening.lists import FORMATS, OFFICIAL, ListFormatError, read_list
from armsflow.store import Store, StoreError, default_location

if TYPE_CHECKING:  # the list store imports the name matcher's keys (rigour): only when a lists command runs
    from armsflow.screening.store import ListStore, LoadSummary, StoredList

COMMANDS = ("lists",)
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG = """examples:
  armsflow lists load src/armsflow/samples/lists/sdn.xml      # format detected: ofac-xml
  armsflow lists load SDN.CSV --format ofac-csv               # reads ADD.CSV and ALT.CSV beside it
  armsflow lists load https://scsanctions.un.org/resources/xml/en/consolidated.xml
  armsflow lists                                              # what is loaded, how old, stale or not
  armsflow lists update                                       # fetch every loaded list again
  armsflow lists update --mirror http://lists.internal/       # from a mirror folder of the list files
  armsflow lists rekey                                        # re-index lists after an upgrade (KEYS column)
"""


def add_parsers(sub: Any) -> None:
    formats = ", ".join(FORMATS)
    p = sub.add_parser(
        "lists",
        help="sanctions lists for screening: what is loaded; load FILE|URL; update; rekey",
        description="The sanctions lists screening uses. Without an action: what is loaded.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db(p, top=True)
    p.add_argument("--format", dest="output", choices=("table", "jsonl", "json"), default="table",
                   help=format_help(("table", "jsonl", "json"), "table", each="one list"))  # fmt: skip
    actions = p.add_subparsers(dest="lists_command", metavar="ACTION")

    load = actions.add_parser(
        "load",
        help="load a list file or URL (replaces that list, in one transaction)",
        description="Load a sanctions list in its official format; the list it replaces stays if this fails.",
        epilog="formats:\n"
        + "\n".join(f"  {k:<9} {v[1]}" for k, v in FORMATS.items())
        + "\n\nexamples:\n"
        + "  armsflow lists load src/armsflow/samples/lists/sdn.xml      # format detected: ofac-xml\n"
        + "  armsflow lists load SDN.CSV --format ofac-csv               # reads ADD.CSV and ALT.CSV beside it\n"
        + "  armsflow lists load https://scsanctions.un.org/resources/xml/en/consolidated.xml --name un-sc\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("source", metavar="FILE|URL", help="a list file, or an http(s) address to fetch it from")
    load.add_argument("--format", dest="list_format", choices=tuple(FORMATS), metavar="FORMAT",
                      help=f"the file's format, one of: {formats} (default: detected from its content)")  # fmt: skip
    load.add_argument("--name", metavar="NAME",
                      help="store it under this name (default: ofac-sdn, eu-fsf, un-sc, uk, or an FtM file's "
                           "dataset)")  # fmt: skip
    _fetching(load)
    _db(load)

    update = actions.add_parser(
        "update",
        help="fetch every loaded list again; one that fails stays in use, marked stale",
        description="Fetch each loaded list (or those named) from its official address, or from the URL it was "
        "loaded from, and load it again. A list that cannot be fetched or read stays as it was, marked stale.",
        epilog="official addresses:\n"
        + "\n".join(f"  {k:<9} {v[1]}" for k, v in OFFICIAL.items())
        + "\n\nexamples:\n"
        + "  armsflow lists update                                       # fetch every loaded list again\n"
        + "  armsflow lists update ofac-sdn un-sc                        # only these two\n"
        + "  armsflow lists update --mirror http://lists.internal/       # from a mirror folder of the list files\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    update.add_argument("names", nargs="*", metavar="NAME", help="only these lists (default: every loaded list)")
    update.add_argument("--mirror", metavar="URL",
                        help="fetch official lists from this folder instead (a mirror holding sdn.xml, eu-fsf.xml, "
                             "un-sc.xml, uk-sanctions.csv, opensanctions.ftm.jsonl)")  # fmt: skip
    _fetching(update)
    _db(update)

    rekey = actions.add_parser(
        "rekey",
        help="recompute the blocking keys of loaded lists (after an upgrade changed them)",
        description="Recompute the blocking keys of each loaded list (or those named) from its stored entities, "
        "with this armsflow's key algorithm, in one transaction a list. Screening refuses a list whose keys were "
        "cut by another version (armsflow lists shows it as 'REKEY'); no file or network is needed.",
        epilog="examples:\n  armsflow lists rekey                     # every list indexed with other keys\n"
        "  armsflow lists rekey ofac-sdn --all      # these lists, even when their keys are current\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rekey.add_argument("names", nargs="*", metavar="NAME", help="only these lists (default: every loaded list)")
    rekey.add_argument("--all", action="store_true", help="re-key even lists whose keys are current")
    rekey.add_argument("--quiet", action="store_true", help="no progress bar")
    _db(rekey)

    remove = actions.add_parser(
        "remove",
        help="remove a loaded list and its entities",
        epilog="examples:\n  armsflow lists remove test-list\n  armsflow lists remove ofac-sdn --db screening.db\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("name", metavar="NAME", help="the list's name, as 'armsflow lists' shows it")
    _db(remove)


def _db(p: argparse.ArgumentParser, top: bool = False) -> None:
    # an action's --db must not reset one given before the action ("lists --db X load F"): argparse lets a
    # subparser's default overwrite the value, so only the top parser has a default
    p.add_argument("--db", metavar="PATH|URL", default=None if top else argparse.SUPPRESS,
                   help="SQLite file or postgresql:// URL (default: $ARMSFLOW_DB, else "
                        "~/.local/share/armsflow/armsflow.db)")  # fmt: skip


def _fetching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=TIMEOUT, metavar="S",
                   help=f"seconds a connection or one read may wait (default {TIMEOUT:g})")  # fmt: skip
    p.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                   help=f"cap on one downloaded file (default {MAX_BYTES})")  # fmt: skip
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    for option in ("timeout", "max_bytes"):
        value = getattr(args, option, None)
        if value is not None and not value > 0:
            print(f"armsflow: error: --{option.replace('_', '-')} must be positive (got {value:g})", file=sys.stderr)
            return EXIT_USAGE
    if getattr(args, "timeout", 0) > 3600:
        print(f"armsflow: error: --timeout must be at most 3600 seconds (got {args.timeout:g})", file=sys.stderr)
        return EXIT_USAGE
    from armsflow.screening.store import ListStore

    try:
        with Store(args.db or default_location()) as store:
            lists = ListStore(store)
            if args.lists_command == "load":
                return _load(args, lists)
            if args.lists_command == "update":
                return _update(args, lists)
            if args.lists_command == "remove":
                return _remove(args, lists)
            if args.lists_command == "rekey":
                return _rekey(args, lists)
            return _show(args, lists)
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("armsflow: interrupted; the lists are as they were before this run", file=sys.stderr)
        return EXIT_FAILED


# ---------------------------------------------------------------------------------------------- lists


def _show(args: argparse.Namespace, lists: ListStore) -> int:
    stored = lists.lists()
    if args.output == "jsonl":
        for item in stored:
            print(json.dumps(item.to_json(), ensure_ascii=False))
        return EXIT_OK
    if args.output == "json":
        print(json.dumps([item.to_json() for item in stored], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not stored:
        print("armsflow: no lists loaded (armsflow lists load FILE|URL)", file=sys.stderr)
        return EXIT_OK
    rows = [("LIST", "FORMAT", "ENTITIES", "PUBLISHED", "LOADED", "KEYS", "SOURCE", "STATUS")]
    rows += [
        (s.name, s.format, str(s.entities), s.published or "-", f"{s.age} ago", s.key_version or "unknown", s.source,
         _status(s))
        for s in stored
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return EXIT_OK


def _status(item: StoredList) -> str:
    parts = [] if item.keys_current else [f"REKEY (other blocking keys: armsflow lists rekey {item.name})"]
    if item.stale:
        parts.append(f"STALE ({item.age} old; update failed: {item.stale})")
    return "; ".join(parts) or "current"


# ---------------------------------------------------------------------------------------------- load


def _progress_bar(args: argparse.Namespace, unit: str) -> Any:
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=unit, file=sys.stderr, leave=False, unit_scale=unit == "B")


def _read_and_load(
    args: argparse.Namespace, lists: ListStore, path: Path, fmt: str | None, name: str | None, source: str
) -> LoadSummary:
    """Read a list file and load it (the reading happens inside the load's transaction)."""
    reading = read_list(path, fmt, name, source)
    bar = _progress_bar(args, " entities")
    try:

        def progress(done: int) -> None:
            if bar is not None:
                bar.n = done
                bar.refresh()

        return lists.load(reading.info, reading.entities, progress)
    finally:
        if bar is not None:
            bar.close()


def _fetch(args: argparse.Namespace, url: str, fmt: str | None, folder: Path) -> Path:
    from armsflow.screening.lists.fetch import download_list  # (http.client: only when a list is fetched)

    bar = _progress_bar(args, "B")

    def progress(done: int, total: int | None) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        return download_list(url, fmt, folder, args.timeout, args.max_bytes, progress)
    finally:
        if bar is not None:
            bar.close()


def _dataset_of(url: str) -> str | None:
    """OpenSanctions' addresses name the dataset: …/datasets/latest/sanctions/entities.ftm.json → sanctions."""
    found = re.search(r"/datasets/[^/]+/([^/]+)/[^/]+$", url)
    return found.group(1) if found else None


def _load(args: argparse.Namespace, lists: ListStore) -> int:
    from armsflow.screening.lists.fetch import FetchError, is_url  # (http.client: only when a list is fetched)

    source = args.source
    try:
        if is_url(source):
            with tempfile.TemporaryDirectory(prefix="armsflow-list-") as folder:
                path = _fetch(args, source, args.list_format, Path(folder))
                name = args.name or (_dataset_of(source) if (args.list_format or "ftm") == "ftm" else None)
                summary = _read_and_load(args, lists, path, args.list_format, name, source)
        else:
            if re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", source):
                print(f"armsflow: error: {source}: only http:// and https:// addresses are fetched", file=sys.stderr)
                return EXIT_USAGE
            path = Path(source)
            summary = _read_and_load(args, lists, path, args.list_format, args.name, str(path))
    except ListFormatError as err:
        print(f"armsflow: error: {err}; nothing was loaded", file=sys.stderr)
        return EXIT_USAGE
    except FetchError as err:
        print(f"armsflow: error: {err}; nothing was loaded", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:  # unreadable file, or no room for the download
        print(f"armsflow: error: {err.filename or source}: {err.strerror or err}; nothing was loaded", file=sys.stderr)
        return EXIT_FAILED
    print(f"armsflow: loaded {summary.line()}", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------------------------------------- update


def _address(item: StoredList, mirror: str | None) -> tuple[str, str] | None:
    """Where to fetch a list again and its format: its official address (or the mirror's copy), else the
    URL it was loaded from; None for a list loaded from a file that has no official address."""
    from armsflow.screening.lists.fetch import is_url  # (http.client: only when a list is fetched)

    if item.name in OFFICIAL:
        fmt, url, mirror_name = OFFICIAL[item.name]
        return fmt, (mirror.rstrip("/") + "/" + mirror_name if mirror else url)
    if is_url(item.source):
        return item.format, item.source
    return None


def _update(args: argparse.Namespace, lists: ListStore) -> int:
    from armsflow.screening.lists.fetch import FetchError, is_url  # (http.client: only when a list is fetched)

    stored = {s.name: s for s in lists.lists()}
    unknown = [n for n in args.names if n not in stored]
    if unknown:
        print(f"armsflow: error: no list loaded as {', '.join(unknown)} (see armsflow lists)", file=sys.stderr)
        return EXIT_USAGE
    if args.mirror and not is_url(args.mirror):
        print(f"armsflow: error: --mirror {args.mirror}: give an http:// or https:// address", file=sys.stderr)
        return EXIT_USAGE
    names = args.names or sorted(stored)
    if not names:
        print("armsflow: no lists loaded, nothing to update (armsflow lists load FILE|URL)", file=sys.stderr)
        return EXIT_OK
    failed = 0
    for name in names:
        item = stored[name]
        where = _address(item, args.mirror)
        if where is None:
            print(f"armsflow: {name}: loaded from a file and has no official address; load it again from its file",
                  file=sys.stderr)  # fmt: skip
            continue
        fmt, url = where
        try:
            with tempfile.TemporaryDirectory(prefix="armsflow-list-") as folder:
                path = _fetch(args, url, fmt, Path(folder))
                summary = _read_and_load(args, lists, path, fmt, name, url)
            print(f"armsflow: updated {summary.line()}", file=sys.stderr)
        except (FetchError, ListFormatError, OSError) as err:
            failed += 1
            lists.mark_stale(name, str(err))
            print(f"armsflow: {name}: update failed, the list loaded {item.age} ago stays in use, marked stale: {err}",
                  file=sys.stderr)  # fmt: skip
            if not item.keys_current:  # stays in use: so it must be screenable with this armsflow's keys
                print(f"armsflow: {name}: re-keyed {_rekey_one(args, lists, name)} entities", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


# ---------------------------------------------------------------------------------------------- rekey


def _rekey(args: argparse.Namespace, lists: ListStore) -> int:
    stored = {s.name: s for s in lists.lists()}
    unknown = [n for n in args.names if n not in stored]
    if unknown:
        print(f"armsflow: error: no list loaded as {', '.join(unknown)} (see armsflow lists)", file=sys.stderr)
        return EXIT_USAGE
    todo = [n for n in (args.names or sorted(stored)) if args.all or not stored[n].keys_current]
    if not todo:
        print("armsflow: every list's blocking keys are current, nothing to re-key", file=sys.stderr)
        return EXIT_OK
    for name in todo:
        print(f"armsflow: re-keyed {name}: {_rekey_one(args, lists, name)} entities", file=sys.stderr)
    return EXIT_OK


def _rekey_one(args: argparse.Namespace, lists: ListStore, name: str) -> int:
    """Re-key one list with a progress bar on a terminal; the entities re-keyed."""
    bar = _progress_bar(args, " entities")

    def progress(done: int) -> None:
        if bar is not None:
            bar.n = done
            bar.refresh()

    try:
        return lists.rekey(name, progress)
    finally:
        if bar is not None:
            bar.close()


def _remove(args: argparse.Namespace, lists: ListStore) -> int:
    if not lists.remove(args.name):
        print(f"armsflow: error: no list loaded as {args.name} (see armsflow lists)", file=sys.stderr)
        return EXIT_USAGE
    print(f"armsflow: removed {args.name}", file=sys.stderr)
    return EXIT_OK
