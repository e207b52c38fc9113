"""What names a web source, and the limits on fetching one: the light half of ``ingest.web``.

The command line needs these to build its parser and to count a run's documents, for every
command; ``ingest.web`` itself pulls in ``http.client``, ``urllib`` and the e-mail parser, a
noticeable share of start-up that only `armsflow ingest` of a URL needs.
"""

from __future__ import annotations

import re

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MAX_BYTES = 10 * 1024 * 1024  # default cap on one response
TIMEOUT = 20.0
MAX_TIMEOUT = 3600.0  # the longest --timeout taken: a socket cannot wait for inf or 1e308 seconds
BATCH_DOCUMENTS = 2000  # documents per transaction, at most (armsflow ingest --batch)


def is_url(spec: str) -> bool:
    return spec[:8].lower().startswith(("http://", "https://"))


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+):")


def refused_scheme(spec: str) -> str | None:
    """The scheme of ``spec`` when it is a URL armsflow will not fetch (``ftp:``, ``file:``, ``javascript:``)."""
    found = _SCHEME.match(spec)
    return found.group(1).lower() if found and not is_url(spec) else None
