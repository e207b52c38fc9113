"""What a regular (non-editable) install ships: every data file the package reads must be named by
pyproject.toml's package-data, or a wheel leaves it out and the installed armsflow quietly differs from the
source tree (it happened: without ``rules/confidence.json`` every event of an installed armsflow scored 0.5)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "armsflow"
CODE_SUFFIXES = (".py", ".pyc", ".so", ".c", ".h")


def _globs() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]["package-data"]["armsflow"]


def _packaged(relative: str, globs: list[str]) -> bool:
    # setuptools matches each glob against paths of the same depth ("*" does not cross a "/")
    return any(fnmatch.fnmatch(relative, g) and relative.count("/") == g.count("/") for g in globs)


def _data_files() -> list[str]:
    return sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(CODE_SUFFIXES)
    )


def test_every_data_file_is_named_by_package_data() -> None:
    globs = _globs()
    files = _data_files()
    assert "rules/confidence.json" in files and "lexicons/actors.tsv" in files  # the walk sees the data
    missing = [f for f in files if not _packaged(f, globs)]
    assert missing == [], f"not in pyproject.toml's package-data, so not installed: {missing}"


def test_the_matcher_follows_setuptools_depth_rule() -> None:
    # the check above is only as good as this reading of a glob
    assert _packaged("rules/examples/de/status.jsonl", ["rules/examples/*/*.jsonl"])
    assert not _packaged("rules/examples/de/status.jsonl", ["rules/examples/*.jsonl"])
    assert not _packaged("rules/confidence.json", ["rules/*.tsv"])
