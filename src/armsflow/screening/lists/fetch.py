"""Lists fetched from their addresses: streamed to a temporary folder, never held in memory whole.

OFAC's and the EU's XML files are over 100 MB, so a download goes to disk in chunks, with a timeout on
every read (not on the whole transfer, which may take minutes) and a cap on the size. Only http and
https are fetched; a redirect elsewhere is refused. Every failure is a :class:`FetchError` saying what
went wrong, which ``lists update`` records as the reason a list is stale.
"""

from __future__ import annotations

import http.client
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlparse

from armsflow import __version__
from armsflow.screening.lists import FETCH_MAX_BYTES, FETCH_TIMEOUT

TIMEOUT = FETCH_TIMEOUT  # seconds a connection or a single read may wait
MAX_BYTES = FETCH_MAX_BYTES  # (both set in the package, which the command line reads at start-up)
CHUNK = 1024 * 1024


class FetchError(RuntimeError):
    """A list that could not be fetched; the message names the URL and the reason."""


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001 - urllib's signature
        target = headers.get("location") or headers.get("uri") or ""
        if urlparse(urljoin(req.full_url, target.strip())).scheme.lower() not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirect to {target} refused: only http and https are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _HttpOnly(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def is_url(spec: str) -> bool:
    return spec[:8].lower().startswith(("http://", "https://"))


def file_name(url: str) -> str:
    """The file name a URL's path ends in ("SDN.XML"), or "list" when it ends in a folder."""
    return Path(urlparse(url).path).name or "list"


def download(
    url: str,
    target: Path,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int, int | None], None] | None = None,
) -> Path:
    """Fetch ``url`` into the file ``target``; ``progress(bytes so far, bytes declared or None)``."""
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": f"armsflow/{__version__}"})
    try:
        with _opener().open(request, timeout=timeout) as response, target.open("wb") as out:
            declared_text = response.headers.get("Content-Length")
            declared = int(declared_text) if declared_text and declared_text.isdigit() else None
            if declared is not None and declared > max_bytes:
                raise FetchError(f"{url}: response too large ({declared} bytes; the cap is {max_bytes})")
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: response too large (over {max_bytes} bytes, the cap)")
                out.write(chunk)
                if progress:
                    progress(size, declared)
            if declared is not None and size < declared:
                raise FetchError(f"{url}: the connection closed after {size} of {declared} bytes")
    except FetchError:
        target.unlink(missing_ok=True)
        raise
    except urllib.error.HTTPError as err:
        target.unlink(missing_ok=True)
        raise FetchError(f"{url}: HTTP error {err.code} {err.reason}") from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        target.unlink(missing_ok=True)
        if isinstance(err, TimeoutError) or isinstance(getattr(err, "reason", None), TimeoutError):
            raise FetchError(f"{url}: timed out (no data for {timeout:g} s)") from None
        if isinstance(err, urllib.error.URLError):
            raise FetchError(f"{url}: unreachable ({err.reason})") from None
        raise FetchError(f"{url}: cannot fetch ({err or type(err).__name__})") from None
    return target


def download_list(
    url: str,
    fmt: str | None,
    folder: Path,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int, int | None], None] | None = None,
) -> Path:
    """Fetch a list file into ``folder``; for OFAC's CSV list, ADD.CSV and ALT.CSV from beside it as well.

    Returns the path of the main file. ``folder`` is the caller's (a temporary folder it removes).
    """
    main = download(url, folder / file_name(url), timeout, max_bytes, progress)
    if fmt == "ofac-csv" or (fmt is None and file_name(url).casefold() == "sdn.csv"):
        upper = file_name(url).isupper()
        for other in ("ADD.CSV", "ALT.CSV"):
            name = other if upper else other.lower()
            download(urljoin(url, name), folder / name, timeout, max_bytes, progress)
    return main


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
