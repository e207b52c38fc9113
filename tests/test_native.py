"""The compiled extraction core: built when it can be, never stale, and equal to the sources."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import armsflow
from armsflow import native

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
COMPILED_HERE = native.WHY is None


def test_setup_compiles_the_modules_the_guard_watches():
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    listed = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED" for t in node.targets)
    )
    assert tuple(listed) == native.COMPILED
    for module in native.COMPILED:
        assert native.source_path(module).is_file(), module


@pytest.mark.skipif(bool(os.environ.get("ARMSFLOW_PURE")), reason="ARMSFLOW_PURE asks for the Python sources")
@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler to build with")
def test_the_install_runs_the_compiled_core():
    """With a C compiler the install compiles the core; a type error mypyc rejects would land here."""
    assert native.WHY is None, native.WHY
    assert native.describe() == "extraction core: compiled (mypyc)"
    import armsflow.mentions

    assert not str(armsflow.mentions.__file__).endswith(".py")


def test_the_core_type_checks_as_mypyc_needs():
    """mypyc compiles only type-correct modules; a type error would silently leave the core uncompiled.

    The whole package is checked, not only the compiled modules: mypyc type-checks everything they import,
    ``armsflow/__init__.py`` and through it the knowledge base and the exports, and there an error fails
    the compile. Checking the compiled files alone, mypy found ``armsflow`` installed and kept quiet about
    errors in the modules it reached that way (a store typing error once left an existing venv uncompiled).
    """
    pytest.importorskip("mypy", reason="mypy is in the test extras")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--ignore-missing-imports",
            str(native.PACKAGE),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.skipif(not COMPILED_HERE, reason="the core is not compiled in this install")
def test_compiled_and_source_extraction_agree_on_the_dev_corpus(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*docs.jsonl"))), encoding="utf-8")
    runs = {}
    for label, extra in (("compiled", {}), ("sources", {"ARMSFLOW_PURE": "1"})):
        env = {k: v for k, v in os.environ.items() if k != "ARMSFLOW_PURE"} | extra
        done = subprocess.run(
            [sys.executable, "-m", "armsflow.cli", "extract", str(docs)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        runs[label] = done.stdout
        version = subprocess.run(
            [sys.executable, "-m", "armsflow.cli", "--version"], capture_output=True, text=True, env=env, check=True
        ).stdout
        assert ("compiled (mypyc)" in version) == (label == "compiled"), version
    assert runs["compiled"].count("\n") >= 80
    assert runs["compiled"] == runs["sources"]


def _fake_install(root: Path) -> None:
    """A package tree as setup.py leaves it: sources, compiled modules beside them, their hashes."""
    suffix = EXTENSION_SUFFIXES[0]
    recorded = {}
    for module in native.COMPILED:
        path = native.source_path(module, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {module}\nVALUE = 1\n", encoding="utf-8")
        path.with_name(path.stem + suffix).write_bytes(b"")
        recorded[module] = native.source_hash(path)
    (root / (native.LIBRARY.split(".")[-1] + suffix)).write_bytes(b"")
    (root / native.HASHES).write_text(json.dumps(recorded), encoding="utf-8")


def test_current_compiled_modules_are_used(tmp_path):
    _fake_install(tmp_path)
    assert native.reason_for_sources(tmp_path, environ={}) is None


def test_an_edited_source_is_run_instead_of_its_stale_compiled_module(tmp_path):
    _fake_install(tmp_path)
    frames = native.source_path("armsflow.frames", tmp_path)
    frames.write_text(frames.read_text(encoding="utf-8") + "VALUE = 2\n", encoding="utf-8")
    assert native.reason_for_sources(tmp_path, environ={}) == (
        "frames.py changed since it was compiled (reinstall to compile it again)"
    )


def test_sources_run_when_nothing_was_compiled_or_when_asked(tmp_path):
    _fake_install(tmp_path)
    assert native.reason_for_sources(tmp_path, environ={"ARMSFLOW_PURE": "1"}) == "ARMSFLOW_PURE is set"
    segment = native.source_path("armsflow.text.segment", tmp_path)
    segment.with_name(segment.stem + EXTENSION_SUFFIXES[0]).unlink()
    assert native.reason_for_sources(tmp_path, environ={}) == "not compiled at install time"
    (tmp_path / native.HASHES).unlink()
    assert native.reason_for_sources(tmp_path, environ={}) == "not compiled at install time"


def test_the_public_api_is_the_same_either_way():
    events = armsflow.extract("Der Iran hat Russland Drohnen geliefert.", doc_id="t")
    assert [(e.supplier, e.recipient, e.item, e.status) for e in events] == [("IRN", "RUS", "uav", "delivered")]


def _record_stats(root: Path) -> None:
    """What setup.py adds to the hashes: each compiled source's [size, mtime_ns]."""
    recorded = json.loads((root / native.HASHES).read_text(encoding="utf-8"))
    recorded[native.STATS] = {}
    for module in native.COMPILED:
        stat = native.source_path(module, root).stat()
        recorded[native.STATS][module] = [stat.st_size, stat.st_mtime_ns]
    (root / native.HASHES).write_text(json.dumps(recorded), encoding="utf-8")


def test_sources_with_their_recorded_size_and_time_are_not_hashed_again(tmp_path, monkeypatch):
    _fake_install(tmp_path)
    _record_stats(tmp_path)

    def no_hashing(path):
        raise AssertionError(f"{path} was hashed")

    with monkeypatch.context() as patch:
        patch.setattr(native, "source_hash", no_hashing)
        assert native.reason_for_sources(tmp_path, environ={}) is None
    # Touched without a change: hashed, and still current.
    roles = native.source_path("armsflow.roles", tmp_path)
    stat = roles.stat()
    os.utime(roles, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert native.reason_for_sources(tmp_path, environ={}) is None
    # Edited to the same size (the recorded time no longer matches): the hash finds the change.
    roles.write_text(roles.read_text(encoding="utf-8").replace("VALUE = 1", "VALUE = 2"), encoding="utf-8")
    assert roles.stat().st_size == stat.st_size
    assert native.reason_for_sources(tmp_path, environ={}) == (
        "roles.py changed since it was compiled (reinstall to compile it again)"
    )
