"""Build: compile the extraction core with mypyc when possible, else install it as plain Python.

mypyc turns the typed modules of the core (``armsflow.native.COMPILED``) into C
extensions; on the dev corpus extraction runs about twice as fast. Compiling
needs a C compiler and Python's headers. Without them, with ``ARMSFLOW_PURE=1``,
or when mypyc reports a type error, armsflow installs as plain Python and works
the same, only slower. ``armsflow --version`` says which one runs.

The hashes written to ``_native.json`` let ``armsflow.native`` notice an edited
source in an editable install and run that source instead of stale compiled code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "armsflow"
# Kept equal to armsflow.native.COMPILED (a test checks); not imported, the package is not built yet.
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


def _path(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


# What the hashes will record, worked out before compiling; written by BuildExt once the build succeeded.
_RECORD: dict = {}


def ext_modules() -> list:
    hashes = PACKAGE / "_native.json"
    hashes.unlink(missing_ok=True)
    if os.environ.get("ARMSFLOW_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("armsflow: mypyc is not available; installing the extraction core as plain Python", file=sys.stderr)
        return []
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypyc names modules from paths relative to here
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", *(str(_path(m).relative_to(ROOT)) for m in COMPILED)],
            opt_level="3",
            group_name="armsflow.core",
        )
    except (SystemExit, Exception) as exc:  # mypyc exits on a type error
        print(f"armsflow: mypyc failed ({exc}); installing the extraction core as plain Python", file=sys.stderr)
        return []
    finally:
        os.chdir(cwd)
    for extension in extensions:
        extension.optional = True  # no compiler: plain Python, which armsflow.native then loads
    _RECORD.update({m: hashlib.sha256(_path(m).read_bytes()).hexdigest() for m in COMPILED})
    # Size and modification time of each source as compiled: while they are unchanged, armsflow.native
    # need not hash the sources at every start (the test CPython applies to its own cached bytecode).
    _RECORD["_stat"] = {m: [_path(m).stat().st_size, _path(m).stat().st_mtime_ns] for m in COMPILED}
    return extensions


class BuildExt(build_ext):
    """Writes the hashes only when every extension was built (or found up to date) without error. The extensions
    are optional: when one fails to compile, the build goes on, and older compiled modules may still lie beside the
    sources; a record written before compiling would make armsflow.native run that older code as current."""

    failed = False

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            self.failed = True  # the optional extension's error is reported by setuptools, which goes on
            raise

    def run(self) -> None:
        super().run()
        outputs = [Path(self.get_ext_fullpath(e.name)) for e in self.extensions]
        if self.failed or not _RECORD or not all(p.exists() for p in outputs):
            print("armsflow: the extraction core was not compiled; it runs from its Python sources", file=sys.stderr)
            return
        text = json.dumps(_RECORD, indent=1) + "\n"
        targets = {PACKAGE / "_native.json", Path(self.build_lib) / "armsflow" / "_native.json"}
        for target in targets:
            if target.parent.is_dir():
                target.write_text(text, encoding="utf-8")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildExt})
