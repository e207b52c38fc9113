"""simplemma's suffix rules for the languages armsflow does not read, compiled only if ever used.

Importing simplemma imports its rule tables for 21 languages and compiles their 380 regular
expressions (Finnish alone has 97): about a fifth of a billion instructions, a quarter of the
command line's start-up, for every process. armsflow lemmatises German and English only. Before
simplemma is first imported, :func:`defer_other_languages` puts a small stand-in module in place of
each other language's rule module: it has the same ``apply_xx`` function, which imports the real
module (and compiles its expressions) on its first call and hands the word on. Lemmas do not change:
German and English use simplemma's own modules, and any other language gets the real rules the
first time it needs them. The stand-ins follow the ``from .xx import apply_xx`` lines of simplemma's
``defaultrules/__init__.py``; if that file reads differently (another simplemma), nothing is replaced.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

KEPT = frozenset({"de", "en"})  # the languages armsflow reads: simplemma's own modules, loaded as usual
PACKAGE = "simplemma.strategies.defaultrules"
_IMPORT = re.compile(r"^from \.(\w+) import (apply_\w+)$", re.MULTILINE)


def defer_other_languages() -> list[str]:
    """Put stand-ins in place of the other languages' rule modules; the module names replaced."""
    if "simplemma" in sys.modules:
        return []  # already imported: too late, and nothing to save
    spec = importlib.util.find_spec("simplemma")
    if spec is None or spec.origin is None:
        return []
    try:
        source = (Path(spec.origin).parent / "strategies" / "defaultrules" / "__init__.py").read_text("utf-8")
    except OSError:
        return []
    replaced = []
    for module, function in _IMPORT.findall(source):
        name = f"{PACKAGE}.{module}"
        if module in KEPT or name in sys.modules:
            continue
        stand_in = types.ModuleType(name)
        setattr(stand_in, function, _deferred(name, function, stand_in))
        sys.modules[name] = stand_in
        replaced.append(name)
    return replaced


def _deferred(name: str, function: str, stand_in: types.ModuleType) -> Callable[[str], str | None]:
    def apply(token: str) -> str | None:
        module = sys.modules.get(name)
        if module is None or module is stand_in:
            sys.modules.pop(name, None)
            module = importlib.import_module(name)  # the real module, compiled now
        result: str | None = getattr(module, function)(token)
        return result

    apply.__name__ = function
    return apply
