"""Every command's ``--help``: its options documented in the README, its examples valid, its values listed.

The commands are found by walking the argparse tree that ``armsflow`` itself builds, so a command added
later is covered without touching this file. A command's README section is the one whose heading
names it in code (```armsflow CMD```), down to the next heading of the same or a higher level; every
option its ``--help`` shows must appear there (the sqlite-utils habit: help and documentation cannot
drift apart).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
from pathlib import Path

import pytest

from armsflow.cli import build_parser, main
from armsflow.model import ITEM_CATEGORIES, SANCTION_STATUSES, TRANSFER_STATUSES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path (("transfers",), ("review", "accept"), ...) under ``parser``."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*path, name))
                found.extend(_commands(sub, (*path, name)))
    return found


COMMANDS = _commands(build_parser())


def _help(capsys, path: tuple[str, ...]) -> str:
    assert main([*path, "--help"]) == 0
    out, err = capsys.readouterr()
    assert not err
    return out


def _options(help_text: str) -> set[str]:
    """The long options the help's option list shows (``--help`` itself aside)."""
    listed = help_text.split("\noptions:\n", 1)[1].split("\n\n", 1)[0] if "\noptions:\n" in help_text else ""
    return set(re.findall(r"^\s{2}(?:-\w(?: \S+)?, )?(--[a-z][a-z0-9-]*)", listed, flags=re.M)) - {"--help"}


def _section(command: str) -> str:
    """The README text under every heading that names ``armsflow COMMAND`` in code."""
    lines = README.splitlines()
    parts = []
    for n, line in enumerate(lines):
        heading = re.match(r"(#+) ", line)
        if heading and re.search(rf"`armsflow {re.escape(command)}(?:[` ]|$)", line):
            level = len(heading.group(1))
            end = next(
                (m for m in range(n + 1, len(lines)) if re.match(rf"#{{1,{level}}} ", lines[m])),
                len(lines),
            )
            parts.append("\n".join(lines[n:end]))
    return "\n".join(parts)


def test_the_tree_holds_every_command():
    assert {("extract",), ("transfers",), ("review",), ("review", "accept"), ("serve",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_option_in_help_is_in_the_readme_section_of_its_command(capsys, path):
    section = _section(path[0])
    assert section, f"the README has no heading naming `armsflow {path[0]}`"
    missing = sorted(o for o in _options(_help(capsys, path)) if not re.search(rf"{o}(?![\w-])", section))
    assert not missing, f"armsflow {' '.join(path)}: {', '.join(missing)} not in the README section"


def test_top_level_options_are_in_the_readme(capsys):
    assert main(["--help"]) == 0
    for option in _options(capsys.readouterr().out):
        assert f"armsflow {option}" in README


def _example_commands(help_text: str) -> list[list[str]]:
    """The example command lines of a help text, each as the words after ``armsflow``."""
    found = []
    epilog = help_text.split("\nexamples:\n", 1)[1] if "\nexamples:\n" in help_text else ""
    for line in epilog.splitlines():
        line = line.split(" # ", 1)[0].strip()
        for part in line.split(" | "):
            words = shlex.split(part)
            while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value armsflow …
                words.pop(0)
            if words and words[0] == "armsflow":
                cut = next((n for n, w in enumerate(words) if w in (">", "<")), len(words))
                found.append(words[1:cut])
    return found


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_examples_that_parse(capsys, path):
    commands = _example_commands(_help(capsys, path))
    assert len(commands) >= 2, f"armsflow {' '.join(path)} --help has fewer than two examples"
    for words in commands:
        assert tuple(words[: len(path)]) == path, words  # an example of this very command
        build_parser().parse_args(words)  # a usage error would exit 2 here


def test_help_lists_the_valid_values_of_status_item_and_format(capsys):
    transfers = " ".join(_help(capsys, ("transfers",)).split())
    assert all(s in transfers for s in TRANSFER_STATUSES)
    assert all(c in transfers for c in ITEM_CATEGORIES)
    for name in ("table (default)", "jsonl: one JSON object per line", "csv:"):
        assert name in transfers
    sanctions = " ".join(_help(capsys, ("sanctions",)).split())
    assert all(s in sanctions for s in SANCTION_STATUSES) and "refused" not in sanctions
    export = " ".join(_help(capsys, ("export",)).split())
    assert all(s in export for s in (*TRANSFER_STATUSES, *SANCTION_STATUSES, *ITEM_CATEGORIES))
    demo = " ".join(_help(capsys, ("demo",)).split())
    assert "table (default)" in demo and "default for extract" not in demo


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("help") / "kb.db")
    assert main(["ingest", "--samples", "--quiet", "--db", db]) == 0
    return db


@pytest.mark.parametrize(
    "command",
    [["transfers"], ["sanctions"], ["docs"], ["export"], ["review", "queue"], ["review", "list"], ["demo"], ["rules"]],
    ids=" ".join,
)
def test_jsonl_is_one_object_per_line_and_json_its_deprecated_old_name_there(samples_db, capsys, command):
    db = [] if command[0] in ("demo", "rules") else ["--db", samples_db]
    assert main([*command, *db, "--format", "jsonl"]) == 0
    lines, err = capsys.readouterr()
    assert "deprecated" not in err
    assert lines.strip() or command == ["review", "list"]  # no judgements in a fresh knowledge base
    assert all(isinstance(json.loads(line), dict) for line in lines.splitlines())
    assert main([*command, *db, "--format", "json"]) == 0
    old, err = capsys.readouterr()
    assert old == lines  # the old spelling goes on working …
    assert f"'{' '.join(command)} --format json' is deprecated" in err and "--format jsonl" in err  # … on notice


def test_json_is_one_document(samples_db, capsys):
    assert main(["transfers", "--db", samples_db, "--format", "jsonl", "--limit", "1"]) == 0
    rid = json.loads(capsys.readouterr().out)["id"]
    for command in (["record", rid], ["actor", "Iran"], ["docs", "sample-de-01"]):
        assert main([*command, "--db", samples_db, "--format", "json"]) == 0
        out, err = capsys.readouterr()
        assert isinstance(json.loads(out), dict) and len(out.splitlines()) > 1 and not err
    assert main(["docs", "sample-de-01", "--db", samples_db, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_extract_writes_json_lines_by_default_without_a_warning(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Der Iran hat Russland Drohnen geliefert.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt")]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["events"] and "deprecated" not in err


def test_actors_lists_ids_with_names_that_the_filters_accept(capsys):
    from armsflow.query import actor_id

    assert main(["actors", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert by_id["IRN"] == {"id": "IRN", "name": "Iran", "name_de": "Iran", "kind": "state"}
    assert by_id["DEU"]["name_de"] == "Deutschland" and by_id["rsf"]["kind"] == "group"
    assert by_id["EU"]["kind"] == "organisation"
    assert len(rows) > 190
    for row in rows:  # every id listed is one --supplier/--actor takes, and so is its English name
        assert actor_id(row["id"]) == row["id"]
    assert actor_id(by_id["PRK"]["name"]) == "PRK"
    assert main(["actors", "Pjöngjang"]) == 0  # another name of North Korea
    out = capsys.readouterr().out
    assert re.search(r"^PRK\s+North Korea\s+Nordkorea\s+state$", out, flags=re.M) and len(out.splitlines()) == 3


def test_items_lists_categories_and_a_categorys_designations(capsys):
    from armsflow.query import item_filter

    assert main(["items", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "category,designations,words"
    assert [line.split(",")[0] for line in out[1:]] == list(ITEM_CATEGORIES)
    assert main(["items", "Drohnen", "--format", "jsonl"]) == 0  # a word for a category, as --item reads it
    drones = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    names = {d["designation"] for d in drones}
    assert {"Shahed-136", "Bayraktar TB2"} <= names
    assert next(d for d in drones if d["designation"] == "Shahed-136")["producer"] == "IRN"
    for name in names:
        assert item_filter(name).family  # every designation listed is one --item takes
    assert main(["items", "Leopardd"]) == 2
    assert "unknown item category 'Leopardd'" in capsys.readouterr().err
