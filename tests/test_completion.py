"""Shell completion: the scripts ``armsflow completion bash|zsh`` prints, driven by the real shells.

bash: the completion function is called as bash calls it on Tab (COMP_WORDS, COMP_CWORD) and its
COMPREPLY read back. zsh: an interactive zsh on a pseudo-terminal (zpty) with the script on its
fpath is sent a command line and Tab, and the candidates it lists are read from the screen. zsh
comes from Debian's package (scripts/test.sh installs it); without it the zsh test skips, except
under the test command (ARMSFLOW_REQUIRE_POSTGRES=1), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from armsflow.cli.completion import script

BASH_DRIVER = r"""
source "$1"
shift
COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
_shtab_armsflow
printf '%s\n' "${COMPREPLY[@]}"
"""


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("bash") / "armsflow.bash"
    path.write_text(script("bash"), encoding="utf-8")
    return path


def bash_complete(path, *words: str) -> list[str]:
    done = subprocess.run(
        ["bash", "-c", BASH_DRIVER, "driver", str(path), "armsflow", *words],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("tra",), ["transfers"]),
        (("act",), ["actor", "actors"]),
        (("transfers", "--sta"), ["--status"]),
        (("transfers", "--status", "de"), ["delivered", "denied"]),
        (("sanctions", "--status", "l"), ["lifted"]),
        (("transfers", "--item", "air"), ["air-defence-system"]),
        (("export", "--item", "cruise"), ["cruise-missile"]),
        (("transfers", "--supplier", "IR"), ["IRL", "IRN", "IRQ"]),
        (("actor", "wagner"), ["wagner-group"]),
        (("transfers", "--format", ""), ["table", "jsonl", "csv", "json"]),
        (("review", "ac"), ["accept"]),
        (("completion", ""), ["bash", "zsh"]),
    ],
)
def test_bash_completes_commands_options_and_values(bash_script, words, expected):
    assert sorted(bash_complete(bash_script, *words)) == sorted(expected)


def test_bash_completes_files_for_db(bash_script, tmp_path):
    (tmp_path / "knowledge.db").write_text("", encoding="utf-8")
    found = bash_complete(bash_script, "transfers", "--db", str(tmp_path / "know"))
    assert found == [str(tmp_path / "knowledge.db")]


ZSH_DRIVER = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PS1=""; fpath=($1 $fpath); autoload -U compinit; compinit -u -D; LISTMAX=10000'
zpty -w z "fpath=($1 \$fpath); compinit -u -D"
zpty -n -w z "$2"$'\t\t'
sleep 3
out=""
while zpty -r -t z chunk; do out+="$chunk"; done
print -r -- "$out"
zpty -d z
"""


def zsh_candidates(folder, line: str) -> str:
    done = subprocess.run(
        ["zsh", "-f", "-c", ZSH_DRIVER, "driver", str(folder), line], capture_output=True, text=True, timeout=60
    )
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", done.stdout)


def test_zsh_completes_commands_and_values(tmp_path):
    if shutil.which("zsh") is None:
        if os.environ.get("ARMSFLOW_REQUIRE_POSTGRES") == "1":
            pytest.fail("zsh is not installed (apt-get install zsh)")
        pytest.skip("zsh is not installed")
    (tmp_path / "_armsflow").write_text(script("zsh"), encoding="utf-8")
    shown = zsh_candidates(tmp_path, "armsflow transfers --status de")
    assert re.search(r"\bdelivered\b", shown) and re.search(r"\bdenied\b", shown)
    assert not re.search(r"\bagreed\b", shown)
    shown = zsh_candidates(tmp_path, "armsflow transfers --item ballistic")
    assert "ballistic-missile" in shown
    shown = zsh_candidates(tmp_path, "armsflow revi")
    assert "armsflow review" in shown
