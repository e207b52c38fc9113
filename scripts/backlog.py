"""How many known failures (tests/fixtures/backlog/*.jsonl) the engine now gets right, by file.

.venv/bin/python scripts/backlog.py [--show]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from armsflow import Document, extract_document
from armsflow.rules.verify import event_key

ROOT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "backlog"


def main() -> int:
    show = "--show" in sys.argv
    total = held = 0
    for path in sorted(ROOT.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        ok = 0
        for row in rows:
            got = sorted(event_key(e) for e in extract_document(Document("b", row["text"], row["lang"])).events)
            if got == sorted(tuple(e) for e in row["expect"]):
                ok += 1
            elif show:
                print(f"{path.name}: {row['text']}\n    want {row['expect']}\n    got  {got}")
        print(f"{path.name:24} {ok:3} of {len(rows):3} hold")
        total += len(rows)
        held += ok
    print(f"{'all':24} {held:3} of {total:3} hold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
