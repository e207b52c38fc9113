"""Every example command of the README's knowledge-base sections returns what its comment says.

The README shows commands such as ``armsflow transfers --item Eurofighter   # → 4 records: GBR→QAT, …``.
This test ingests the bundled samples once, runs each such command as written (with ``--db``) and checks
its comment: ``N records``/``N documents`` is the count the command reports as matching, each
``A→B [words]`` must be a line of its output (supplier or imposer A before recipient or target B, and the
words on that line), and ``error: TEXT`` means exit 2 with TEXT in the message.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from armsflow.cli import main

ROOT = Path(__file__).resolve().parents[1]
QUERY_COMMANDS = ("transfers", "sanctions", "docs", "actor", "record", "export", "explain")


def _examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            command, _, expected = line.partition("# →")
            words = shlex.split(command.strip()) if expected else []
            if len(words) > 1 and words[0].endswith("armsflow") and words[1] in QUERY_COMMANDS:
                found.append((command.strip(), expected.strip()))
    return found


EXAMPLES = _examples()


def test_the_readme_has_query_examples_with_expectations():
    commands = {shlex.split(c)[1] for c, _ in EXAMPLES}
    assert {"transfers", "sanctions", "docs", "explain"} <= commands
    assert len(EXAMPLES) >= 12


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("readme") / "kb.db")
    assert main(["ingest", "--samples", "--quiet", "--db", db]) == 0
    return db


def _has_line(output: str, pair: str) -> bool:
    """Whether a line of the output has A before B and the words after the pair ("IRN→RUS uav")."""
    head, *words = pair.split()
    left, right = head.split("→")
    pattern = re.compile(rf"(?<![\w-]){re.escape(left)}(?![\w-]).*(?<![\w-]){re.escape(right)}(?![\w-])")
    return any(pattern.search(line) and all(w in line for w in words) for line in output.splitlines())


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(samples_db, capsys, command, expected):
    words = shlex.split(command)[1:]
    code = main([*words, "--db", samples_db])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if expected.startswith("error:"):
        assert code == 2, err
        assert expected.removeprefix("error:").strip() in err, err
        return
    assert code == 0, err
    counted = re.fullmatch(r"(\d+) (\w+)(?::\s*(.*))?", expected)
    listed = (counted.group(3) or "") if counted else expected
    if counted:
        number, what = counted.group(1), counted.group(2).removesuffix("s")
        assert re.search(rf"armsflow: {number} {what}s? match", err), err
    for pair in filter(None, (p.strip() for p in listed.split(","))):
        assert _has_line(out, pair), f"{pair!r} not in the output of {command}:\n{out}"
