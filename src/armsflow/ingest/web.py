"""Documents from the web: HTML pages (trafilatura) and RSS/Atom feeds (feedparser).

Every failure becomes a :class:`ReadProblem` naming the URL or file and what
went wrong — unreachable host, HTTP status, timeout, a response larger than
the cap, content that is neither HTML nor a feed, a feed entry without a
link — so one bad source never stops an ingest run.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from armsflow import __version__
from armsflow.ingest.files import ReadProblem, choose_encoding
from armsflow.model import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MAX_BYTES = 10 * 1024 * 1024  # default cap on one response
TIMEOUT = 20.0


@dataclass(slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched | ReadProblem:
    """GET ``url`` with a timeout and a size cap; a problem says which of them failed."""
    request = urllib.request.Request(url, headers={"User-Agent": f"armsflow/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked above
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                return ReadProblem(url, f"response too large ({int(declared)} bytes; the cap is {max_bytes})")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                return ReadProblem(url, f"response too large (over {max_bytes} bytes, the cap)")
            content_type = response.headers.get_content_type() or ""
            return Fetched(response.geturl(), data, content_type)
    except urllib.error.HTTPError as err:
        return ReadProblem(url, f"HTTP error {err.code} {err.reason}")
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            return ReadProblem(url, f"timed out after {timeout:g} s")
        return ReadProblem(url, f"unreachable ({reason})")
    except TimeoutError:
        return ReadProblem(url, f"timed out after {timeout:g} s")
    except (OSError, ValueError) as err:
        return ReadProblem(url, f"cannot fetch: {err}")


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
