"""Terminal output: tables that fit the width, status in colour on a terminal and plain when piped.

The tables run on the bundled samples (ingested once). In-process runs see a pipe (pytest captures
standard output), so they are plain; ``$COLUMNS`` gives them a width. One test runs the command on a
real pseudo-terminal of 100 columns, as a person would see it.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from armsflow.cli import main
from armsflow.cli.output import DROP_ORDER, HEADERS, fit

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("terminal") / "kb.db")
    assert main(["ingest", "--samples", "--quiet", "--db", db]) == 0
    return db


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def header(out: str) -> list[str]:
    return out.splitlines()[0].split()


def test_piped_tables_are_plain_whole_lines(samples_db, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    code, out, err = run(capsys, "transfers", "--db", samples_db)
    assert code == 0
    lines = out.splitlines()
    assert header(out)[:4] == ["id", "supplier", "recipient", "item"]
    assert set(lines[1]) == {"-"}
    assert len(lines) == 2 + 100  # one line per record, nothing wrapped, nothing left out
    assert not ANSI.search(out)
    assert all(line == line.rstrip() for line in lines)
    assert "left out" not in err
    assert any("USA (United States)" in line and "HIMARS" in line for line in lines)


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_tables_fit_columns_and_leave_out_columns_in_the_stated_order(samples_db, capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = run(capsys, "transfers", "--db", samples_db)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= columns
    shown = header(out)
    assert {"id", "supplier", "recipient", "item", "status"} <= set(shown)
    left_out = re.search(r"left out to fit \d+ characters: ([\w, ]+) \(", err).group(1).split(", ")
    order = [HEADERS.get(c, c) for c in DROP_ORDER]
    assert left_out == [c for c in order if c in left_out]  # in the stated order
    assert not set(left_out) & set(shown)
    # every record is still there: its id starts a line
    assert len(re.findall(r"^[0-9a-f]{16}  ", out, flags=re.M)) == 100


def test_a_wider_terminal_shows_more_columns(samples_db, capsys, monkeypatch):
    shown = {}
    for columns in (80, 100, 160):
        monkeypatch.setenv("COLUMNS", str(columns))
        shown[columns] = header(run(capsys, "transfers", "--db", samples_db)[1])
    assert len(shown[80]) < len(shown[100]) < len(shown[160])
    assert "designation" in set(shown[100]) - set(shown[80])
    assert len(shown[160]) == 12  # every column of the transfers table but the first to go, contradiction
    assert "contradiction" not in shown[160]


def test_long_text_wraps_inside_its_column(samples_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "transfers", "--db", samples_db, "--supplier", "USA", "--limit", "3")
    assert code == 0
    # "USA (United States)" is wider than the supplier column gets at 80: it wraps at the space
    lines = out.splitlines()
    first = next(n for n, line in enumerate(lines) if "USA (United" in line)
    assert "States)" in lines[first + 1] and lines[first + 1].startswith(" " * 16)


def test_every_table_command_fits_80_columns(samples_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for args in (
        ["sanctions"],
        ["docs"],
        ["actor", "Iran"],
        ["review", "queue"],
        ["demo"],
        ["rules"],
    ):
        code, out, _ = run(capsys, *args, *(["--db", samples_db] if args[0] not in ("demo", "rules") else []))
        assert code == 0, args
        assert out.strip(), args
        assert max(len(line) for line in out.splitlines()) <= 80, (args, out)


def test_fit_keeps_what_fits_and_drops_in_order():
    natural = {"id": 16, "supplier": 20, "status": 10, "confidence": 10, "n_sources": 9, "evidence": 200}
    kept, dropped, widths = fit(list(natural), natural, None)
    assert dropped == [] and widths == natural
    kept, dropped, widths = fit(list(natural), natural, 80)
    assert dropped == ["n_sources"]  # before confidence, as DROP_ORDER says
    assert sum(widths.values()) + 2 * (len(kept) - 1) == 80
    assert widths["id"] == 16 and widths["status"] == 10  # columns that do not wrap keep their width
    assert widths["supplier"] == 16 and widths["evidence"] == 20  # names get the room first
    kept, dropped, widths = fit(list(natural), natural, 70)
    assert dropped == ["n_sources", "confidence"]
    assert widths["supplier"] == 18 and widths["evidence"] == 20
    kept, dropped, widths = fit(list(natural), natural, 120)
    assert dropped == [] and widths["supplier"] == 20 and widths["evidence"] == 120 - 65 - 10


def _on_terminal(args: list[str], columns: int, env: dict[str, str]) -> str:
    """Run armsflow with all three standard streams on a pseudo-terminal of ``columns``; what it shows."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "armsflow.cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_on_a_real_terminal_status_is_coloured_and_the_table_fits(samples_db):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "LINES")}
    env["TERM"] = "xterm-256color"
    shown = _on_terminal(["transfers", "--db", samples_db, "--status", "delivered", "--limit", "5"], 100, env)
    assert "\x1b[32mdelivered" in shown  # delivered in green
    plain = ANSI.sub("", shown)
    table = [line for line in plain.splitlines() if not line.startswith("armsflow:")]
    assert table and max(len(line) for line in table) <= 100
    assert re.search(r"armsflow: \d+ records match, showing 1–5", plain)
    env["NO_COLOR"] = "1"
    shown = _on_terminal(["transfers", "--db", samples_db, "--status", "delivered", "--limit", "5"], 100, env)
    assert "\x1b[32m" not in shown


def test_the_readme_states_the_order_in_which_columns_are_left_out():
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    order = ", ".join(f"`{HEADERS.get(c, c)}`" for c in DROP_ORDER)
    assert f"columns in this order until the rest fit: {order}." in text


def _serve_first_lines(db: str, host: str, token: str | None) -> list[str]:
    """Start ``armsflow serve`` for real; the lines it writes to standard error before it serves."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "ARMSFLOW_TOKEN"}
    if token:
        env["ARMSFLOW_TOKEN"] = token
    proc = subprocess.Popen(
        [sys.executable, "-m", "armsflow.cli", "serve", "--db", db, "--host", host, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = []
        while not lines or "serving" not in lines[-1]:
            line = proc.stderr.readline()
            assert line, lines
            lines.append(line)
        return lines
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_warns_when_it_binds_beyond_loopback_without_a_token(tmp_path):
    db = str(tmp_path / "kb.db")
    warned = _serve_first_lines(db, "0.0.0.0", None)
    assert len(warned) == 2 and warned[0].startswith("armsflow: warning: 0.0.0.0:")
    assert "ARMSFLOW_TOKEN is not set" in warned[0] and "POST /api/ingest" in warned[0]
    assert _serve_first_lines(db, "0.0.0.0", "s3cret")[0].startswith("armsflow: serving")  # a token guards writes
    assert _serve_first_lines(db, "127.0.0.1", None)[0].startswith("armsflow: serving")


def test_loopback_hosts():
    from armsflow.cli.serve import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST."))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "example.org", "10.0.0.1"))


def test_documents_are_counted_before_the_run_when_the_inputs_allow(tmp_path, monkeypatch):
    from armsflow.cli import progress

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Der Iran hat Russland Drohnen geliefert.", encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text("# B\n\ntext", encoding="utf-8")
    (tmp_path / "news" / "skip.csv").write_text("x", encoding="utf-8")
    lines = tmp_path / "docs.jsonl"
    lines.write_bytes(b'{"text": "a"}\n\n  \n{"text": "b"}\r\n{"text": "' + b"x" * 5000 + b'"}')  # no final newline
    monkeypatch.setattr(progress, "CHUNK", 1000)  # lines across chunk boundaries
    assert progress.count_lines(lines) == 3
    assert progress.documents_in([str(tmp_path / "news"), str(lines)], {".txt", ".md", ".jsonl"}) == 5
    assert progress.documents_in([str(lines), "-"], {".jsonl"}) is None  # standard input: unknown
    assert progress.documents_in(["https://example.org/feed.xml"], {".jsonl"}) is None
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    assert progress.documents_in([str(tmp_path / "feed.xml")], {".xml"}) is None  # entries known once read


@pytest.mark.parametrize("command", ["extract", "ingest", "batch"])
def test_the_progress_bar_on_a_terminal_has_a_total_and_a_time_left(tmp_path, command):
    docs = tmp_path / "docs.jsonl"
    sample = (ROOT / "src" / "armsflow" / "samples" / "articles.jsonl").read_text(encoding="utf-8")
    copies = 20  # a run of several seconds, so the bar is redrawn once the rate (and so the time left) is known
    articles = [json.loads(line) for line in sample.splitlines() if line.strip()]
    with docs.open("w", encoding="utf-8") as out:
        for n in range(copies):  # distinct texts: ingest would pass over copies as duplicates at once
            for article in articles:
                changed = {**article, "id": f"{article['id']}-{n}", "text": f"{article['text']}\n\n({n})"}
                out.write(json.dumps(changed, ensure_ascii=False) + "\n")
    total = len(articles) * copies
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    args = {
        "extract": ["extract", str(docs), "--format", "table"],
        "ingest": ["ingest", str(docs), "--db", str(tmp_path / "kb.db")],
        "batch": ["batch", str(docs), str(tmp_path / "out"), "--jobs", "1"],
    }[command]
    shown = ANSI.sub("", _on_terminal(args, 100, env))
    frames = re.findall(rf"(\d+)%\|[^|]*\| (\d+)/{total} \[(\d\d:\d\d)<(\d\d:\d\d|\?)", shown)
    assert frames, shown[-2000:]
    if command != "batch":  # batch advances a chunk of records at a time: it may finish in one step
        assert any(eta != "?" for *_, eta in frames)  # a time left, once the rate is known
    assert "Traceback" not in shown
    assert re.search(rf"armsflow: {total} (documents read|read|documents,)", shown), shown[-2000:]
