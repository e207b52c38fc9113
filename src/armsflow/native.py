"""Whether the extraction core runs compiled or from its Python sources.

At install time ``setup.py`` compiles the extraction core (the modules in
:data:`COMPILED`) with mypyc, which makes extraction about twice as fast, and
records a hash of each source it compiled in ``_native.json``, with its size and modification time
(while both are unchanged, as CPython trusts its cached bytecode, the source is not hashed at start-up:
hashing all of them was about 17 million instructions a process). Python prefers
a compiled module over its source, so after an edit to a source file of an
editable install the old compiled code would silently keep running. This module
is imported first (from ``armsflow/__init__.py``) and loads every module of the
core from its source instead when any source changed since it was compiled,
when the core was never compiled (no C compiler at install time), or when
``ARMSFLOW_PURE`` is set. All of the core or none of it: compiled modules call
each other directly, so a mix would run old code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

# The extraction core, in import order: text processing → mentions → frames → events → pipeline.
COMPILED = (
    "armsflow.text.verbforms",
    "armsflow.text.lemma",
    "armsflow.text.segment",
    "armsflow.text.clauses",
    "armsflow.text.mood",
    "armsflow.mentions",
    "armsflow.grammar",
    "armsflow.frame",
    "armsflow.status",
    "armsflow.roles",
    "armsflow.sanctions",
    "armsflow.frames",
    "armsflow.attribution",
    "armsflow.events",
    "armsflow.confidence",
    "armsflow.pipeline",
    "armsflow.eventjson",
)
# mypyc's shared library for the group (``group_name`` in setup.py, plus "__mypyc").
LIBRARY = "armsflow.core__mypyc"
HASHES = "_native.json"
# The key in HASHES under which setup.py records each source's [size, mtime_ns] as compiled.
STATS = "_stat"
PACKAGE = Path(__file__).resolve().parent


def source_path(module: str, root: Path = PACKAGE) -> Path:
    return root.joinpath(*module.split(".")[1:]).with_suffix(".py")


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _compiled(path: Path) -> bool:
    stem = path.with_suffix("")
    return any(stem.with_name(stem.name + suffix).exists() for suffix in EXTENSION_SUFFIXES)


def reason_for_sources(root: Path = PACKAGE, environ: dict[str, str] | None = None) -> str | None:
    """Why the core must run from its sources, or None when the compiled modules are current."""
    env = os.environ if environ is None else environ
    if env.get("ARMSFLOW_PURE"):
        return "ARMSFLOW_PURE is set"
    try:
        recorded = json.loads((root / HASHES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "not compiled at install time"
    if not _compiled(root / (LIBRARY.split(".")[-1] + ".py")):
        return "not compiled at install time"
    stats = recorded.get(STATS) or {}
    for module in COMPILED:
        path = source_path(module, root)
        if not _compiled(path):
            return "not compiled at install time"
        try:
            stat = path.stat()
            if stats.get(module) == [stat.st_size, stat.st_mtime_ns]:
                continue  # the very file that was compiled: no need to read and hash it
            current = source_hash(path)
        except OSError:
            return f"{path.name} is missing"
        if recorded.get(module) != current:
            return f"{path.relative_to(root)} changed since it was compiled (reinstall to compile it again)"
    return None


class _SourcesFirst:
    """Finds the core's modules as their ``.py`` sources, ahead of any compiled module.

    A meta path finder is any object with ``find_spec``; not deriving from ``importlib.abc.MetaPathFinder``
    spares every start the import of ``importlib.abc`` and ``importlib.resources`` (about 14 ms).
    """

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname not in COMPILED:
            return None
        return spec_from_file_location(fullname, source_path(fullname))


def choose() -> str | None:
    """Route the core's imports to the sources when needed; the reason, or None when compiled.

    Quietly: an edited editable install is correct, only slower until reinstalled, and
    ``armsflow --version`` and the benchmarks say which code runs.
    """
    reason = reason_for_sources()
    if reason is not None and not any(isinstance(f, _SourcesFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesFirst())
    return reason


def describe() -> str:
    """One line for ``--version`` and the benchmarks: which code runs extraction."""
    module = sys.modules.get("armsflow.mentions")
    if module is not None and not str(getattr(module, "__file__", "")).endswith(".py"):
        return "extraction core: compiled (mypyc)"
    return f"extraction core: Python sources ({WHY or 'compiled modules not loaded'})"


WHY = choose()
