"""Ingesting HTML pages and feeds, from fixture files and from a local HTTP server.

No test leaves the machine: the server listens on 127.0.0.1 and serves the
fixtures in tests/fixtures/web (pages written for these tests), plus paths
that fail on purpose: a 404, a slow answer, a large answer, an image.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from armsflow.cli import main
from armsflow.ingest.files import ReadProblem
from armsflow.ingest.web import fetch, read_web_source
from armsflow.model import Document
from armsflow.query import RecordFilter, records
from armsflow.store import Store

WEB = Path(__file__).parent / "fixtures" / "web"


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        name = self.path.lstrip("/")
        if name == "slow.html":
            time.sleep(3)
            self._send(200, "text/html", b"<html><body><p>late</p></body></html>")
        elif name == "big.html":
            self._send(200, "text/html", b"<html><body>" + b"<p>filler text</p>" * 200_000 + b"</body></html>")
        elif name == "image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif name == "feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = (WEB / "feed.xml.tmpl").read_text(encoding="utf-8").replace("{base}", base)
            self._send(200, "application/rss+xml", body.encode("utf-8"))
        elif (WEB / name).is_file() and name.endswith(".html"):
            self._send(200, "text/html; charset=utf-8", (WEB / name).read_bytes())
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, code: int, kind: str, body: bytes) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_html_file_gives_main_text_and_metadata():
    (doc,) = list(read_web_source(str(WEB / "article-de.html")))
    assert isinstance(doc, Document)
    assert "IRIS-T SLM geliefert" in doc.text
    assert "Newsletter" not in doc.text and "Impressum" not in doc.text  # boilerplate left out
    assert doc.title == "Luftabwehr für die Ostflanke"
    assert doc.date == "2024-05-14"
    assert doc.publisher == "Nordkurier Beispiel"


def test_feed_over_http_follows_each_entry(server, tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    code = main(["ingest", f"{server}/feed.xml", "--db", db, "--quiet"])
    err = capsys.readouterr().err
    assert code == 1  # two broken entries: reported, and the run says so
    assert f"{server}/missing.html: HTTP error 404" in err
    assert "entry 4: entry has no http(s) link to follow" in err
    assert "2 read, 2 new, 0 duplicate, 0 skipped, 2 failed" in err
    with Store(db) as store:
        docs = {d["url"]: d for d in store.fetchall("SELECT * FROM documents")}
        assert set(docs) == {f"{server}/article-de.html", f"{server}/article-en.html"}
        assert docs[f"{server}/article-en.html"]["publisher"] == "Example Defence Daily"
        assert docs[f"{server}/article-en.html"]["date"] == "2024-06-03"
        deu = records(store, RecordFilter(supplier="DEU", recipient="LTU"))
        assert any(
            r["designation"] == "IRIS-T" and r["variant"] == "IRIS-T SLM" and r["status"] == "delivered" for r in deu
        )
        kor = records(store, RecordFilter(supplier="KOR", recipient="POL"))
        assert any(
            r["designation"] == "K9 Thunder" and r["reported_as"] == ["K9"] and r["item"] == "artillery" for r in kor
        )
    # the same feed again: nothing new
    main(["ingest", f"{server}/feed.xml", "--db", db, "--quiet"])
    assert "0 new, 2 duplicate" in capsys.readouterr().err


def test_feed_file_on_disk(server, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text((WEB / "feed.xml.tmpl").read_text(encoding="utf-8").replace("{base}", server), encoding="utf-8")
    got = list(read_web_source(str(feed)))
    docs = [d for d in got if isinstance(d, Document)]
    problems = [p for p in got if isinstance(p, ReadProblem)]
    assert [d.title for d in docs] == ["Luftabwehr für die Ostflanke", "Seoul signs howitzer deal with Warsaw"]
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("missing.html", {}, "HTTP error 404"),
        ("slow.html", {"timeout": 0.5}, "timed out after 0.5 s"),
        ("big.html", {"max_bytes": 100_000}, "response too large"),
    ],
)
def test_fetch_failures_are_named(server, path, kwargs, message):
    got = fetch(f"{server}/{path}", **kwargs)
    assert isinstance(got, ReadProblem)
    assert got.where == f"{server}/{path}" and message in got.message


def test_unreachable_host_and_non_html_content(server, tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    dead = f"http://127.0.0.1:{_closed_port()}/news.html"
    assert main(["ingest", dead, f"{server}/image.png", f"{server}/article-en.html", "--db", db, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{dead}: unreachable" in err
    assert "neither HTML nor an RSS/Atom feed (content type image/png)" in err
    assert "Traceback" not in err
    with Store(db) as store:
        assert store.counts()["documents"] == 1  # the good page is stored all the same


def test_oversize_cap_from_the_command_line(server, tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    assert main(["ingest", f"{server}/big.html", "--db", db, "--max-bytes", "50000", "--quiet"]) == 1
    assert "response too large" in capsys.readouterr().err


def test_folder_with_html_and_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes((WEB / "article-en.html").read_bytes())
    (folder / "note.md").write_text("Frankreich hat Indien 26 Rafale-M verkauft.", encoding="utf-8")
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    db = str(tmp_path / "kb.db")
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0
    with Store(db) as store:
        assert store.counts()["documents"] == 2
