"""Shared fixtures: the evaluation material lives beside the repository in ../shared."""

from __future__ import annotations

import json
import os
import re
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


# --------------------------------------------------------------------------- databases

POSTGRES = os.environ.get("ARMSFLOW_TEST_POSTGRES")
REQUIRE_POSTGRES = os.environ.get("ARMSFLOW_REQUIRE_POSTGRES") == "1"


def _postgres_database(name: str) -> str:
    """A fresh, empty database on the test server; its URL."""
    import psycopg

    assert POSTGRES
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return POSTGRES.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """The location of an empty knowledge base, once per backend.

    PostgreSQL runs on the real server that scripts/test.sh starts; without
    it the PostgreSQL cases skip — unless ARMSFLOW_REQUIRE_POSTGRES=1 (set by
    the test command and CI), where they fail instead.
    """
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    if not POSTGRES:
        if REQUIRE_POSTGRES:
            pytest.fail("ARMSFLOW_TEST_POSTGRES is not set, but PostgreSQL tests are required")
        pytest.skip("no PostgreSQL server (run scripts/test.sh)")
    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    return _postgres_database(name)
