"""Shared fixtures: the evaluation material lives beside the repository in ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
SEED = SHARED / "seeds" / "000_bc117fd46e1e488c.txt"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is not beside the repository")
    return SHARED
