"""``armsflow serve``: the HTTP API and the web interface over one knowledge base."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Any

from armsflow.cli.helptext import examples
from armsflow.store import StoreError, default_location


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the HTTP API and the web interface",
        description="Serve the knowledge base over HTTP: the JSON API (/api/…, described at /docs) and the "
        "web interface (/). Writes need $ARMSFLOW_TOKEN when it is set.",
        epilog=examples(
            "armsflow serve                                  # http://127.0.0.1:8000/, this machine only",
            "armsflow serve --db postgresql://localhost/armsflow --port 8080",
            "ARMSFLOW_TOKEN=s3cret armsflow serve --host 0.0.0.0   # reachable from the network, writes guarded",
        ),
    )
    p.add_argument("--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default as for ingest)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from armsflow.api import create_app

    if not 0 < args.port < 65536:
        print("armsflow: error: --port must be between 1 and 65535", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db or default_location())
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return 1
    except ValueError as err:  # a bad $ARMSFLOW_EXTRACT_SECONDS
        print(f"armsflow: error: {err}", file=sys.stderr)
        return 2
    warning = exposure_warning(args.host, args.port, os.environ.get("ARMSFLOW_TOKEN"))
    if warning:
        print(warning, file=sys.stderr)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"armsflow: serving {args.db or default_location()} — open http://{host}:{args.port}/", file=sys.stderr)
    try:
        # On SIGTERM, requests still running after 5 s are cancelled rather than awaited.
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=5)
    except (OSError, SystemExit) as err:
        print(f"armsflow: error: cannot serve on {args.host}:{args.port}: {err}", file=sys.stderr)
        return 1
    return 0


def is_loopback(host: str) -> bool:
    """Whether ``host`` reaches this machine only: ``localhost``, 127.0.0.0/8 or ::1 (names are not resolved)."""
    if host.strip().casefold().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:  # a host name: it may well be a public address
        return False


def exposure_warning(host: str, port: int, token: str | None) -> str | None:
    """The warning for a server other machines can reach with no token guarding its writes, else None."""
    if token or is_loopback(host):
        return None
    return (
        f"armsflow: warning: {host}:{port} is reachable beyond this machine and ARMSFLOW_TOKEN is not set: "
        "anyone who reaches it can store documents (POST /api/ingest) and judge records (POST /api/judgements); "
        "set ARMSFLOW_TOKEN, or bind 127.0.0.1"
    )
