"""Documents from the web: HTML pages (trafilatura) and RSS/Atom feeds (feedparser).

Every failure becomes a :class:`ReadProblem` naming the URL or file and what
went wrong — unreachable host, HTTP status, timeout, a response larger than
the cap, content that is neither HTML nor a feed, a feed entry without a
link — so one bad source never stops an ingest run.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

from armsflow import __version__
from armsflow.ingest.files import ReadProblem, choose_encoding
from armsflow.ingest.sources import FEED_SUFFIXES as FEED_SUFFIXES
from armsflow.ingest.sources import HTML_SUFFIXES as HTML_SUFFIXES
from armsflow.ingest.sources import MAX_BYTES as MAX_BYTES
from armsflow.ingest.sources import MAX_TIMEOUT as MAX_TIMEOUT
from armsflow.ingest.sources import TIMEOUT as TIMEOUT
from armsflow.ingest.sources import is_url as is_url
from armsflow.ingest.sources import refused_scheme as refused_scheme
from armsflow.model import Document

# FEED_SUFFIXES, HTML_SUFFIXES, MAX_BYTES, MAX_TIMEOUT, TIMEOUT, is_url and refused_scheme live in the light
# ``sources`` module (the command line needs them at start-up) and are named here too.
READ_CHUNK = 64 * 1024


@dataclass(slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


class _RefusedRedirect(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _Deadline:
    """One deadline for a whole request: connecting, every redirect, the headers and the body.

    A socket timeout bounds each read, so a server sending a byte every half
    second would keep a "20 s" request alive for ever; at the deadline this
    shuts the request's sockets down, which ends whatever read is waiting.
    """

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self.expired = False
        self._connections: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(self.at - time.monotonic(), 0.001)

    def connection(self, cls: type[http.client.HTTPConnection]):
        """A connection factory for ``urllib``'s handlers that remembers each connection it makes."""

        def make(host: str, **kwargs: object) -> http.client.HTTPConnection:
            conn = cls(host, **kwargs)  # type: ignore[arg-type]
            with self._lock:
                self._connections.append(conn)
            return conn

        return make

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for conn in connections:
            sock = getattr(conn, "sock", None)
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cancel(self) -> None:
        self._timer.cancel()


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only: ``urllib`` would follow one to ``ftp://`` (and log in there)."""

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001 - urllib's signature
        target = headers.get("location") or headers.get("uri")
        if target:
            absolute = urljoin(req.full_url, target.strip())
            if urlparse(absolute).scheme.lower() not in ("http", "https"):
                raise _RefusedRedirect(absolute)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener for http(s) alone (no ftp, file or data handlers), its connections under ``deadline``."""

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):  # noqa: ANN001
            return self.do_open(deadline.connection(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):  # noqa: ANN001
            return self.do_open(deadline.connection(http.client.HTTPSConnection), req, context=self._context)

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        HTTP(),
        HTTPS(),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched | ReadProblem:
    """GET ``url`` within ``timeout`` seconds in all and a size cap; a problem says which of them failed."""
    if not 0 < timeout <= MAX_TIMEOUT:  # a library caller's inf or nan: no timer can wait that long
        return ReadProblem(url, f"timeout must be between 0 and {MAX_TIMEOUT:g} seconds (got {timeout:g})")
    deadline = _Deadline(timeout)
    try:
        got = _get(url, deadline, max_bytes)
        if deadline.expired:
            raise TimeoutError
        return got if isinstance(got, Fetched) else ReadProblem(url, got)
    except _RefusedRedirect as err:
        return ReadProblem(url, f"redirect to {err.target} refused: only http and https are followed")
    except urllib.error.HTTPError as err:
        return ReadProblem(url, f"HTTP error {err.code} {err.reason}")
    except (OSError, ValueError, http.client.HTTPException) as err:
        if deadline.expired or isinstance(err, TimeoutError) or isinstance(getattr(err, "reason", None), TimeoutError):
            return ReadProblem(url, f"timed out after {timeout:g} s")
        if isinstance(err, urllib.error.URLError):
            return ReadProblem(url, f"unreachable ({err.reason})")
        return ReadProblem(url, f"cannot fetch: {err or type(err).__name__}")
    finally:
        deadline.cancel()


def _get(url: str, deadline: _Deadline, max_bytes: int) -> Fetched | str:
    """The response, or why it is refused (too large); raises what ``urllib`` raises."""
    request = urllib.request.Request(url, headers={"User-Agent": f"armsflow/{__version__}"})
    with _opener(deadline).open(request, timeout=deadline.remaining()) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            return f"response too large ({int(declared)} bytes; the cap is {max_bytes})"
        chunks: list[bytes] = []
        size = 0
        while not deadline.expired:
            chunk = response.read1(min(READ_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                return f"response too large (over {max_bytes} bytes, the cap)"
        content_type = response.headers.get_content_type() or ""
        return Fetched(response.geturl(), b"".join(chunks), content_type)


def _kind(data: bytes, content_type: str, name: str) -> str | None:
    """ "html", "feed" or None, from the content type, the file name and the first bytes."""
    head = data[:2048].lstrip().lower()
    if content_type in ("application/rss+xml", "application/atom+xml") or Path(name).suffix.lower() in FEED_SUFFIXES:
        return "feed"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if content_type in ("text/html", "application/xhtml+xml") or Path(name).suffix.lower() in HTML_SUFFIXES:
        return "html"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def html_document(data: bytes, where: str, url: str | None = None) -> Document | ReadProblem:
    """The main text and metadata of an HTML page."""
    import trafilatura

    try:
        html = data.decode(choose_encoding(data, where))
    except ValueError as err:
        return ReadProblem(where, str(err).removeprefix(f"{where}: "))
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return ReadProblem(where, "no article text found in the HTML page", skipped=True)
    host = urlparse(url).hostname if url else None
    return Document(
        id=url or Path(where).stem,
        text=text,
        title=getattr(found, "title", None),
        date=getattr(found, "date", None),
        url=url,
        publisher=getattr(found, "sitename", None) or host,
    )


def _feed_entries(data: bytes, where: str) -> Iterator[tuple[str, str | None, str | None] | ReadProblem]:
    """(link, title, date) per entry; a broken entry is a problem, the others still come."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield ReadProblem(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    if not parsed.entries:
        yield ReadProblem(where, "the feed has no entries", skipped=True)
        return
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not link or not is_url(link):
            yield ReadProblem(f"{where} entry {number}", "entry has no http(s) link to follow")
            continue
        date = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            date = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        yield link, entry.get("title"), date


def read_web_source(
    spec: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES
) -> Iterator[Document | ReadProblem]:
    """Documents from a URL or a local HTML/feed file; feeds are followed entry by entry."""
    if is_url(spec):
        got = fetch(spec, timeout, max_bytes)
        if isinstance(got, ReadProblem):
            yield got
            return
        data, content_type, url = got.data, got.content_type, got.url
    else:
        path = Path(spec)
        try:
            data = path.read_bytes()
        except OSError as err:
            yield ReadProblem(spec, f"cannot read: {err.strerror or err}")
            return
        content_type, url = "", None
    kind = _kind(data, content_type, urlparse(spec).path if is_url(spec) else spec)
    if kind is None:
        yield ReadProblem(spec, f"neither HTML nor an RSS/Atom feed (content type {content_type or 'unknown'})")
        return
    if kind == "html":
        yield html_document(data, spec, url)
        return
    for entry in _feed_entries(data, spec):
        if isinstance(entry, ReadProblem):
            yield entry
            continue
        link, title, date = entry
        page = fetch(link, timeout, max_bytes)
        if isinstance(page, ReadProblem):
            yield page
            continue
        if _kind(page.data, page.content_type, urlparse(link).path) != "html":
            yield ReadProblem(link, f"feed entry is not an HTML page (content type {page.content_type or 'unknown'})")
            continue
        doc = html_document(page.data, link, page.url)
        if isinstance(doc, Document):
            doc.title = doc.title or title
            doc.date = doc.date or date
        yield doc


def is_web_source(spec: str) -> bool:
    """Whether ``spec`` is read here (a URL, an HTML or feed file) rather than by ``ingest.files``."""
    return is_url(spec) or Path(spec).suffix.lower() in HTML_SUFFIXES | FEED_SUFFIXES
