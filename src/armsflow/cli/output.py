"""Tables for people: fitted to the terminal, status in colour on a terminal, plain when piped.

Every table of the command line goes through :func:`table`, drawn by rich. The width is the
terminal's when standard output is one (``$COLUMNS`` overrides it, as everywhere), ``$COLUMNS``
when output is piped and it is set, else unlimited: a pipe or a file gets one line per row, whole,
so ``grep`` and ``cut`` see every row as it is. A table wider than that first wraps its text
columns (names, designations, evidence, titles) inside their width, then leaves out whole columns
in the order of :data:`DROP_ORDER` until it fits, and says on standard error which it left out.
Colour (each status its own, the header in bold) is rich's decision: on a terminal only, never
with ``$NO_COLOR``, always with ``$FORCE_COLOR``.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # rich is imported when a table is drawn: extraction's start-up does not pay for it
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

# Columns a narrow terminal leaves out, first to last; columns not named here always stay
# (ids, actors, item, status, titles, evidence: what a row is about). The README states this order.
DROP_ORDER: tuple[str, ...] = (
    "contradiction",
    "n_sources",
    "lang",
    "scope",
    "start_char",
    "end_char",
    "first_reported",
    "created_at",
    "confidence",
    "n_documents",
    "events",
    "source",
    "publisher",
    "withdrawn",
    "reviewed",
    "review",
    "n_events",
    "last_reported",
    "reported",
    "designation",
    "record_id",
    "why",
    "reason",
    "changes",
    "need",
)

# Free text that may wrap over several lines inside its column; the other columns never break.
WRAPPING: frozenset[str] = frozenset(
    {"supplier", "recipient", "imposer", "target", "partner", "actors", "parties", "designation", "what",
     "title", "evidence", "publisher", "source", "why", "reason", "changes", "description", "name", "name_de",
     "words", "examples", "author"}
)  # fmt: skip
# Long free text, which takes most of the squeeze.
PROSE: frozenset[str] = frozenset({"evidence", "title", "description", "why", "reason", "changes", "examples", "words"})
NARROWEST = 10  # a wrapping column is not squeezed below this (or its content, if shorter)
PROSE_NARROWEST = 20  # nor a prose column below this
NAME_ROOM = 24  # names and items get up to this before prose gets more
WORD_CAP = 20  # a longer word may be broken to fit
GAP = 2  # characters between columns
CHUNK_ROWS = 200  # rows rich draws at a time

STATUS_STYLES: dict[str, str] = {
    "delivered": "green",
    "agreed": "cyan",
    "planned": "blue",
    "considered": "yellow",
    "requested": "magenta",
    "denied": "red",
    "refused": "bright_red",
    "imposed": "red",
    "lifted": "green",
}

# Short headers for long field names (CSV and JSON keep the field names).
HEADERS: dict[str, str] = {
    "first_reported": "first",
    "last_reported": "last",
    "n_documents": "docs",
    "n_sources": "sources",
    "confidence": "conf",
}

_PLAIN_HEAD = "    \n    \n -- \n    \n    \n    \n    \n    \n"  # a rich box: a rule of dashes under the header


def width(stream: TextIO | None = None) -> int | None:
    """The width tables must fit: ``$COLUMNS``, else the terminal's, else None (no limit) when piped."""
    stream = stream or sys.stdout
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        if stream.isatty():
            return shutil.get_terminal_size().columns
    except (AttributeError, ValueError):  # a closed or unusual stream: treat as piped
        pass
    return None


def console(stream: TextIO | None = None, columns: int | None = None) -> Console:
    """A rich console on ``stream`` that colours only when rich finds a terminal (NO_COLOR, FORCE_COLOR)."""
    from rich.console import Console

    return Console(
        file=stream or sys.stdout,
        width=columns or 1_000_000,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def status_text(status: str | None) -> Text:
    """A status as text in its colour (shown only where the console colours)."""
    from rich.text import Text

    return Text(status or "", style=STATUS_STYLES.get(status or "", ""))


def fit(
    columns: Sequence[str],
    natural: dict[str, int],
    limit: int | None,
    names: dict[str, str] | None = None,
    words: dict[str, int] | None = None,
) -> tuple[list[str], list[str], dict[str, int]]:
    """The columns kept, those left out, and each kept column's width, so that the table fits ``limit``.

    ``natural`` is each column's widest cell (header included), ``words`` its longest word. A column
    that does not wrap needs its natural width; a wrapping one its header and its longest word (up to
    :data:`WORD_CAP`: a name such as "wagner-group" is not broken inside), at least :data:`NARROWEST`
    (prose: :data:`PROSE_NARROWEST`), or its natural width when that is less. Columns go in DROP_ORDER
    until the rest fit. The room left goes to the short wrapping columns first (names and items read
    best unbroken, up to :data:`NAME_ROOM`), then to the prose, then to whatever still wraps.
    """
    kept = list(columns)
    dropped: list[str] = []
    if limit is None:
        return kept, dropped, dict(natural)

    def floor(c: str) -> int:
        if c not in WRAPPING:
            return natural[c]
        least = PROSE_NARROWEST if c in PROSE else max(NARROWEST, min((words or {}).get(c, 0), WORD_CAP))
        return min(natural[c], max(len((names or {}).get(c, c)), least))

    def needed(cols: list[str]) -> int:
        return sum(floor(c) for c in cols) + GAP * (len(cols) - 1)

    for name in DROP_ORDER:
        if needed(kept) <= limit:
            break
        if name in kept and len(kept) > 1:
            kept.remove(name)
            dropped.append(name)
    widths = {c: floor(c) for c in kept}
    spare = limit - needed(kept)
    short = [c for c in kept if c in WRAPPING and c not in PROSE]
    for group, cap in ((short, NAME_ROOM), ([c for c in kept if c in PROSE], None), (short, None)):
        spare = _share(widths, {c: min(natural[c], cap or natural[c]) for c in group}, spare)
    return kept, dropped, widths


def _share(widths: dict[str, int], targets: dict[str, int], spare: int) -> int:
    """Give ``spare`` characters to the columns below their target, the narrowest first; returns what is left."""
    while spare > 0:
        short = [c for c, target in targets.items() if widths[c] < target]
        if not short:
            break
        widths[min(short, key=lambda c: widths[c])] += 1
        spare -= 1
    return spare


def cell(value: Any) -> str:
    """A value as one line of text: None empty, white space (line ends included) collapsed."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    stream: TextIO | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Print ``rows`` (dicts) as a table of ``columns``, fitted to the width (see the module's docstring).

    rich draws a table that wraps or colours, :data:`CHUNK_ROWS` rows at a time with the widths fixed
    here, so the first rows show at once however many follow; a table that needs neither (piped, no
    width) is one padded line per row, written directly: rich measures every cell, which took tens
    of seconds for 10,000 records.
    """
    from rich.cells import cell_len
    from rich.text import Text

    out = stream or sys.stdout
    texts = [{c: cell(r.get(c)) for c in columns} for r in rows]
    names = {c: (headers or {}).get(c) or HEADERS.get(c, c) for c in columns}
    natural = {c: max([cell_len(names[c]), *(cell_len(t[c]) for t in texts)]) for c in columns}
    limit = width(out)
    words = {c: max([0, *(cell_len(w) for t in texts for w in t[c].split())]) for c in columns if c in WRAPPING}
    kept, dropped, widths = fit(columns, natural, limit, names, words)
    con = console(out, limit)
    coloured = con.is_terminal and con.color_system is not None
    wraps = any(widths[c] < natural[c] for c in kept)
    if not coloured and not wraps:
        _plain(out, kept, names, widths, texts)
    for start in range(0, max(len(texts), 1), CHUNK_ROWS) if coloured or wraps else ():
        if start and wraps:
            out.write("\n")  # the gap between rows of several lines, across chunks too
        grid = _grid(kept, names, widths, coloured, wraps, header=start == 0)
        for t in texts[start : start + CHUNK_ROWS]:
            grid.add_row(*(status_text(t[c]) if c == "status" else Text(t[c]) for c in kept))
        if coloured:
            con.print(grid)
        else:  # plain: no padding at line ends
            buffer = io.StringIO()
            console(buffer, limit).print(grid)
            out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
    if dropped:
        print(
            f"armsflow: {len(dropped)} column{'s' if len(dropped) > 1 else ''} left out to fit {limit} characters: "
            f"{', '.join(names[c] for c in dropped)} (a wider terminal or $COLUMNS shows them)",
            file=sys.stderr,
        )


def _grid(
    kept: list[str], names: dict[str, str], widths: dict[str, int], coloured: bool, wraps: bool, header: bool
) -> Table:
    from rich import box
    from rich.table import Table

    grid = Table(
        box=box.SIMPLE_HEAD if coloured else box.Box(_PLAIN_HEAD, ascii=True),
        show_edge=False,
        show_header=header,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        header_style="bold" if coloured else "",
        leading=1 if wraps else 0,  # rows of several lines need a gap to tell them apart
    )
    for c in kept:  # rich adds the padding (one space) and the separator (one) to these widths
        grid.add_column(names[c], no_wrap=c not in WRAPPING, overflow="fold", width=widths[c])
    return grid


def _plain(
    out: TextIO, kept: list[str], names: dict[str, str], widths: dict[str, int], texts: list[dict[str, str]]
) -> None:
    """The table as rich draws it without colour or wrapping: padded cells, two spaces apart, a rule of dashes."""
    from rich.cells import cell_len

    def line(cells: list[str]) -> str:
        return "  ".join(text + " " * (widths[c] - cell_len(text)) for c, text in zip(kept, cells, strict=True))

    out.write(line([names[c] for c in kept]).rstrip() + "\n")
    out.write("-" * (sum(widths[c] for c in kept) + GAP * (len(kept) - 1)) + "\n")
    out.writelines(line([t[c] for c in kept]).rstrip() + "\n" for t in texts)
