"""``armsflow lists``, ``lists load`` and ``lists update`` against a local HTTP server on loopback.

The server serves a folder of list files (copies of the bundled fixtures) and can be told to fail, so an
update that cannot fetch, or fetches a broken file, is seen to keep the previous list, marked stale.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from armsflow.cli import main
from armsflow.screening.store import ListStore
from armsflow.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "armsflow" / "samples" / "lists"


class _Server:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fail: int | None = None  # an HTTP status to answer every request with
        outer = self

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if outer.fail:
                    self.send_error(outer.fail)
                    return
                super().do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tmp_path) -> Iterator[_Server]:
    folder = tmp_path / "mirror"
    shutil.copytree(SAMPLES, folder)
    running = _Server(folder)
    yield running
    running.close()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _shown(capsys, db: str) -> dict[str, dict]:
    code, out, _ = _run(capsys, "lists", "--format", "jsonl", "--db", db)
    assert code == 0
    lines = {item["name"]: item for item in map(json.loads, out.splitlines())}
    code, out, _ = _run(capsys, "lists", "--format", "json", "--db", db)  # the same, as one document
    assert code == 0 and {item["name"]: item for item in json.loads(out)}.keys() == lines.keys()
    return lines


def test_load_detects_each_format_and_lists_shows_them(capsys, db_url):
    for file in ("sdn.xml", "eu-fsf.xml", "un-sc.xml", "uk-sanctions.csv", "opensanctions.ftm.jsonl"):
        code, _, err = _run(capsys, "lists", "load", str(SAMPLES / file), "--db", db_url)
        assert code == 0, err
    shown = _shown(capsys, db_url)
    assert {n: (s["format"], s["entities"], s["stale"]) for n, s in shown.items()} == {
        "ofac-sdn": ("ofac-xml", 8, None),
        "eu-fsf": ("eu-xml", 5, None),
        "un-sc": ("un-xml", 4, None),
        "uk": ("uk-csv", 7, None),
        "sanctions": ("ftm", 9, None),
    }
    code, out, _ = _run(capsys, "lists", "--db", db_url)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["LIST", "FORMAT", "ENTITIES", "PUBLISHED", "LOADED"]
    assert any(r.split()[:4] == ["eu-fsf", "eu-xml", "5", "2026-11-30"] and "current" in r for r in rows)


def test_load_again_reports_what_changed(capsys, tmp_path):
    db = str(tmp_path / "kb.db")
    _run(capsys, "lists", "--db", db, "load", str(SAMPLES / "un-sc.xml"))  # --db before the action counts too
    code, _, err = _run(capsys, "lists", "load", str(SAMPLES / "un-sc.xml"), "--db", db)
    assert code == 0
    assert "loaded un-sc: 4 entities (0 new, 0 changed, 0 removed, 4 unchanged)" in err


def test_load_errors_are_one_line_and_exit_2(capsys, tmp_path):
    db = str(tmp_path / "kb.db")
    broken = tmp_path / "sdn.xml"
    broken.write_text((SAMPLES / "sdn.xml").read_text(encoding="utf-8")[:3000], encoding="utf-8")
    code, _, err = _run(capsys, "lists", "load", str(broken), "--db", db)
    assert code == 2 and f"{broken}: line" in err and "nothing was loaded" in err
    code, _, err = _run(capsys, "lists", "load", str(tmp_path / "missing.csv"), "--db", db)
    assert code == 2 and "missing.csv: no such file" in err
    code, _, err = _run(capsys, "lists", "load", str(tmp_path), "--db", db)
    assert code == 2 and "a folder, not a list file" in err
    code, _, err = _run(capsys, "lists", "load", str(SAMPLES / "sdn.xml"), "--format", "uk-csv", "--db", db)
    assert code == 2 and "not UK sanctions list CSV" in err
    code, _, err = _run(capsys, "lists", "load", "ftp://example.org/sdn.xml", "--db", db)
    assert code == 2 and "only http:// and https://" in err
    code, _, err = _run(capsys, "lists", "load", str(SAMPLES / "sdn.xml"), "--format", "pdf", "--db", db)
    assert code == 2 and "invalid choice: 'pdf'" in err
    code, _, err = _run(capsys, "lists", "update", "nosuchlist", "--db", db)
    assert code == 2 and "no list loaded as nosuchlist" in err
    code, _, err = _run(capsys, "lists", "update", "--timeout", "0", "--db", db)
    assert code == 2 and "--timeout must be positive" in err
    assert _shown(capsys, db) == {}


def test_load_from_a_url_and_update_from_it(capsys, db_url, server):
    url = f"{server.url}/opensanctions.ftm.jsonl"
    code, _, err = _run(capsys, "lists", "load", url, "--name", "os-sample", "--db", db_url)
    assert code == 0, err
    assert _shown(capsys, db_url)["os-sample"]["source"] == url
    lines = (server.folder / "opensanctions.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    # the last five lines go: Shenzhen Huaxin, Nordic Breeze, Ural Drone Systems and two linked entities
    (server.folder / "opensanctions.ftm.jsonl").write_text("\n".join(lines[:-5]) + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "lists", "update", "--db", db_url)
    assert code == 0, err
    assert "updated os-sample: 6 entities (0 new, 0 changed, 3 removed, 6 unchanged)" in err


def test_a_failed_update_keeps_the_list_marked_stale(capsys, db_url, server):
    for file in ("sdn.xml", "un-sc.xml", "uk-sanctions.csv", "eu-fsf.xml", "opensanctions.ftm.jsonl"):
        assert _run(capsys, "lists", "load", str(SAMPLES / file), "--db", db_url)[0] == 0
    # the mirror works: every list is fetched from it again (OFAC's from sdn.xml, official file names)
    code, _, err = _run(capsys, "lists", "update", "--mirror", server.url, "--db", db_url)
    assert code == 0, err
    shown = _shown(capsys, db_url)
    assert shown["ofac-sdn"]["source"] == f"{server.url}/sdn.xml"
    assert all(s["stale"] is None and s["source"].startswith(server.url) for s in shown.values())
    # the server fails: every list stays as it was, marked stale with the reason; one indexed with other keys
    # (as an older armsflow left it) is re-keyed, so that it stays in use for screening too
    with Store(db_url) as store, store.write():
        store.execute("UPDATE screening_lists SET key_version = 'keys0' WHERE name = 'uk'")
    server.fail = 503
    code, _, err = _run(capsys, "lists", "update", "--mirror", server.url, "--db", db_url)
    assert code == 1
    assert "ofac-sdn: update failed, the list loaded" in err and "stays in use, marked stale" in err
    assert "uk: re-keyed 7 entities" in err and "ofac-sdn: re-keyed" not in err
    assert _shown(capsys, db_url)["uk"]["keys_current"] is True
    shown = _shown(capsys, db_url)
    assert {n: s["entities"] for n, s in shown.items()} == {
        "ofac-sdn": 8,
        "un-sc": 4,
        "uk": 7,
        "eu-fsf": 5,
        "sanctions": 9,
    }
    assert all("HTTP error 503" in s["stale"] for s in shown.values())
    code, out, _ = _run(capsys, "lists", "--db", db_url)
    assert "STALE (" in out and "update failed: " in out
    # the server answers again, but with a broken UN file: that list stays stale, the others recover
    server.fail = None
    (server.folder / "un-sc.xml").write_text("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", encoding="utf-8")
    code, _, err = _run(capsys, "lists", "update", "--mirror", server.url, "--db", db_url)
    assert code == 1
    shown = _shown(capsys, db_url)
    assert shown["un-sc"]["entities"] == 4 and "not well-formed" in shown["un-sc"]["stale"]
    assert shown["ofac-sdn"]["stale"] is None and shown["uk"]["stale"] is None
    with Store(db_url) as store:
        assert ListStore(store).entity("un-sc", "KPi.902") is not None


def test_update_fetches_ofac_csv_with_its_companions(capsys, db_url, server):
    code, _, err = _run(capsys, "lists", "load", f"{server.url}/sdn.csv", "--name", "ofac-csv-copy", "--db", db_url)
    assert code == 0, err
    with Store(db_url) as store:
        volkov = ListStore(store).entity("ofac-csv-copy", "90104")
    assert volkov is not None and volkov.aliases == ("Dmitrii VOLKOV",)  # from alt.csv, fetched beside sdn.csv
    (server.folder / "alt.csv").unlink()
    code, _, err = _run(capsys, "lists", "update", "ofac-csv-copy", "--db", db_url)
    assert code == 1 and "alt.csv: HTTP error 404" in err


def test_update_skips_lists_without_an_address(capsys, tmp_path):
    db = str(tmp_path / "kb.db")
    _run(capsys, "lists", "load", str(SAMPLES / "un-sc.xml"), "--name", "my-un-copy", "--db", db)
    code, _, err = _run(capsys, "lists", "update", "--db", db)
    assert code == 0 and "my-un-copy: loaded from a file and has no official address" in err
    assert _run(capsys, "lists", "remove", "my-un-copy", "--db", db)[0] == 0
    assert _run(capsys, "lists", "remove", "my-un-copy", "--db", db)[0] == 2


def test_the_readme_lists_example_runs_as_shown(capsys, tmp_path):
    """The README's Lists section: its commands run from the repository, and the table they print has the rows
    shown there (list, format, entities, published; the ages differ)."""
    import re
    import shlex

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Lists: `armsflow lists`") :]
    commands, table = re.findall(r"```(?:bash)?\n(.*?)```", section, flags=re.S)[:2]
    db = str(tmp_path / "kb.db")
    root = Path(__file__).resolve().parents[1]
    output = ""
    for line in commands.splitlines():
        words = shlex.split(line.split("#")[0])
        assert words[0] == "armsflow"
        args = [str(root / w) if w.startswith("src/") else w for w in words[1:]]
        code, output, err = _run(capsys, *args, "--db", db)
        assert code == 0, err
    shown = [r.split()[:4] for r in output.splitlines()]
    expected = [r.split()[:4] for r in table.strip().splitlines()]
    assert shown == expected


def test_lists_record_their_key_algorithm_and_an_older_one_is_refused_until_rekeyed(capsys, db_url):
    from armsflow.screening import names

    for file in ("sdn.xml", "un-sc.xml"):
        assert _run(capsys, "lists", "load", str(SAMPLES / file), "--db", db_url)[0] == 0
    shown = _shown(capsys, db_url)
    assert {n: (s["key_version"], s["keys_current"]) for n, s in shown.items()} == {
        "ofac-sdn": (names.keys_algorithm(), True),
        "un-sc": (names.keys_algorithm(), True),
    }
    code, out, _ = _run(capsys, "lists", "--db", db_url)
    assert out.splitlines()[0].split()[:6] == ["LIST", "FORMAT", "ENTITIES", "PUBLISHED", "LOADED", "KEYS"]
    assert names.keys_algorithm() in out and "REKEY" not in out
    code, out, _ = _run(capsys, "screen", "Dmitrii Volkov", "--format", "json", "--db", db_url)
    assert code == 0 and "90104" in {h["id"] for h in json.loads(out)["hits"]}

    # as an older armsflow left it: another key version, and keys that a query's no longer meet
    with Store(db_url) as store, store.write():
        store.execute("UPDATE screening_lists SET key_version = 'keys0+names1+rigour0' WHERE name = 'ofac-sdn'")
        store.execute("UPDATE screening_postings SET key = 'old:' || key WHERE list_name = 'ofac-sdn'")
    code, out, err = _run(capsys, "screen", "Dmitrii Volkov", "--db", db_url)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "'ofac-sdn' was indexed with blocking keys keys0+names1+rigour0" in err
    assert "run 'armsflow lists rekey ofac-sdn'" in err
    code, out, _ = _run(capsys, "lists", "--db", db_url)
    ofac = next(r for r in out.splitlines() if r.startswith("ofac-sdn"))
    assert "keys0+names1+rigour0" in ofac and "REKEY" in ofac
    assert _shown(capsys, db_url)["ofac-sdn"]["keys_current"] is False

    code, _, err = _run(capsys, "lists", "rekey", "--db", db_url)
    assert code == 0 and "re-keyed ofac-sdn: 8 entities" in err and "un-sc" not in err  # un-sc's keys are current
    assert all(s["keys_current"] for s in _shown(capsys, db_url).values())
    code, out, _ = _run(capsys, "screen", "Dmitrii Volkov", "--format", "json", "--db", db_url)
    assert code == 0 and "90104" in {h["id"] for h in json.loads(out)["hits"]}
    with Store(db_url) as store:
        assert store.fetchone("SELECT COUNT(*) AS n FROM screening_postings WHERE key LIKE ?", ("old:%",))["n"] == 0
    assert "nothing to re-key" in _run(capsys, "lists", "rekey", "--db", db_url)[2]
    code, _, err = _run(capsys, "lists", "rekey", "un-sc", "--all", "--db", db_url)
    assert code == 0 and "re-keyed un-sc: 4 entities" in err
    code, _, err = _run(capsys, "lists", "rekey", "nope", "--db", db_url)
    assert code == 2 and "no list loaded as nope" in err
