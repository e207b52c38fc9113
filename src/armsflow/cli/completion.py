"""``armsflow completion bash|zsh``: a shell completion script, generated from the parser by shtab.

The script is static (the shell does not start Python on every Tab): commands, options, the choices
of ``--format``, ``--lang`` and the like come from the argparse tree; the values of the filters that
take free text are added here by option name, so commands added later get them too: statuses for
``--status``, item categories for ``--item``, actor ids for ``--supplier``, ``--actor`` and the
other actor options, files for ``--db``, ``--output`` and paths.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from armsflow.cli.helptext import examples

SHELLS = ("bash", "zsh")
ACTOR_OPTIONS = ("--supplier", "--recipient", "--actor", "--imposer", "--target")
FILE_OPTIONS = ("--db", "--output", "--docs")
FILE_METAVARS = ("PATH", "PATH|URL", "FILE", "INPUT", "OUTPUT")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script (bash or zsh)",
        description="Print a completion script for bash or zsh: commands, options, formats, statuses, item "
        "categories and actor ids complete with Tab.",
        epilog=examples(
            "armsflow completion bash > ~/.local/share/bash-completion/completions/armsflow",
            'armsflow completion zsh > "${fpath[1]}/_armsflow"   # then: compinit',
            'eval "$(armsflow completion bash)"                  # this shell only',
        ),
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash or zsh")


def _values() -> dict[str, tuple[str, ...]]:
    from armsflow.cli.vocab import actors
    from armsflow.model import ITEM_CATEGORIES, SANCTION_STATUSES, TRANSFER_STATUSES

    statuses = tuple(dict.fromkeys((*TRANSFER_STATUSES, *SANCTION_STATUSES)))
    return {"statuses": statuses, "items": ITEM_CATEGORIES, "actors": tuple(a["id"] for a in actors())}


def _annotate(parser: argparse.ArgumentParser) -> None:
    """Set shtab's ``complete`` on every action whose values are known but not argparse choices."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _annotate(sub)
            continue
        if action.choices:
            continue
        options = set(action.option_strings)
        kind = None
        if "--status" in options:
            kind = "statuses"
        elif "--item" in options:
            kind = "items"
        elif options & set(ACTOR_OPTIONS) or (not options and action.metavar == "ACTOR"):
            kind = "actors"
        if kind:
            action.complete = {"bash": f"_armsflow_{kind}", "zsh": f"_armsflow_{kind}"}  # type: ignore[attr-defined]
        elif options & set(FILE_OPTIONS) or (not options and action.metavar in FILE_METAVARS):
            import shtab

            action.complete = shtab.FILE  # type: ignore[attr-defined]


def _preamble(shell: str) -> str:
    lines = []
    for kind, values in _values().items():
        words = " ".join(values)
        if shell == "bash":
            lines.append(f'_armsflow_{kind}() {{ compgen -W "{words}" -- "$1"; }}')
        else:
            lines.append(f"_armsflow_{kind}() {{ compadd -- {words}; }}")
    return "\n".join(lines) + "\n"


def script(shell: str) -> str:
    """The completion script for ``shell`` (bash or zsh)."""
    import shtab

    from armsflow.cli import build_parser

    parser = build_parser()
    _annotate(parser)
    return shtab.complete(parser, shell=shell, preamble=_preamble(shell))


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args.shell))
    return 0
