"""What ``--help`` says: the valid values of the shared options, examples, one meaning per format name.

Every command's parser uses :class:`HelpFormatter` (the command line's parser class sets it), so an
epilog made by :func:`examples` keeps its lines, and each command lists two or three examples of use.
The values listed for ``--status`` and ``--item`` come from the event model, so help cannot drift from
what the filters accept.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from armsflow.model import ITEM_CATEGORIES, SANCTION_STATUSES, TRANSFER_STATUSES


class HelpFormatter(argparse.HelpFormatter):
    """Paragraphs are filled to the width; lines that start with spaces (examples) are kept as written."""

    def _split_lines(self, text: str, width: int) -> list[str]:  # never break "air-defence-system" at a hyphen
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out = []
        for para in text.split("\n\n"):
            if any(line.startswith(" ") for line in para.splitlines()[1:]):
                out.append("\n".join(indent + line for line in para.splitlines()))
            else:
                out.append(
                    textwrap.fill(
                        " ".join(para.split()),
                        width,
                        initial_indent=indent,
                        subsequent_indent=indent,
                        break_on_hyphens=False,
                    )
                )
        return "\n\n".join(out)


def examples(*lines: str) -> str:
    """An epilog of example command lines, one per line, each optionally followed by ``#`` and what it does."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


TRANSFER_STATUS = "only records whose current status is this: " + ", ".join(TRANSFER_STATUSES)
SANCTION_STATUS = "only records whose current status is this: " + ", ".join(SANCTION_STATUSES)
ANY_STATUS = (
    f"only records whose current status is this; transfers: {', '.join(TRANSFER_STATUSES)}; "
    f"sanctions: {', '.join(SANCTION_STATUSES)}"
)
ITEM = (
    "an item category (" + ", ".join(ITEM_CATEGORIES) + "), a word for one in German or English (Drohnen, tanks), "
    "or a designation family or variant (Leopard 2, Shahed-136); 'armsflow items' lists them"
)
ACTOR = "an actor id or a name in German or English (IRN, Iran, Russland, rsf); 'armsflow actors' lists them"

# What each format name means, the same in every command that offers it.
FORMATS = {
    "table": "a table fitted to the terminal",
    "text": "readable text",
    "jsonl": "one JSON object per line",
    "json": "one JSON document",
    "csv": "comma-separated values with a header row",
    "parquet": "Apache Parquet files",
}
JSON_LINES_WAS_JSON = "json: the old name of jsonl here (deprecated)"


def format_help(choices: tuple[str, ...], default: str | None, old_json: bool = False, each: str = "") -> str:
    """The help of a ``--format`` option: each choice with its meaning, the default marked.

    ``old_json``: json is the deprecated old name of jsonl here; ``each``: what one JSON line holds.
    """
    parts = []
    for name in choices:
        if name == "json" and old_json:
            parts.append(JSON_LINES_WAS_JSON)
            continue
        mark = " (default)" if name == default else ""
        meaning = FORMATS.get(name, name) + (f", {each} each" if name == "jsonl" and each else "")
        parts.append(f"{name}{mark}: {meaning}")
    return "; ".join(parts)


def json_lines(fmt: str, command: str) -> str:
    """``jsonl`` for a listing asked for ``json``, the name it had when json meant lines, with a note saying so.

    In these commands ``json`` has always written one object per line; in ``record``, ``actor`` and
    ``docs ID`` it writes one document. The old spelling goes on working, on notice.
    """
    if fmt != "json":
        return fmt
    print(
        f"armsflow: warning: '{command} --format json' is deprecated: it writes one JSON object per line, "
        "which is now --format jsonl; json is to mean one JSON document, as it does for record and actor",
        file=sys.stderr,
    )
    return "jsonl"
