"""Sanctions lists in their official formats, read into :class:`~armsflow.screening.model.Entity` objects.

One reader module per format; :func:`read_list` picks one (``detect`` tells the format from the file's
first bytes when it is not given) and returns a :class:`Reading` whose entities are read as they are
consumed, so a 100 MB XML file never sits in memory whole. ``OFFICIAL`` gives each list's official
address, which ``armsflow lists update`` fetches.
"""

from __future__ import annotations

import re
from pathlib import Path

from armsflow.screening.lists import eu, ftm, ofac, uk, un
from armsflow.screening.lists.common import ListFormatError, Reading, identifier_valid

__all__ = ["FORMATS", "OFFICIAL", "ListFormatError", "Reading", "detect", "identifier_valid", "read_list"]

# format → (reader, what it is)
# Downloads (``fetch``): seconds a connection or a single read may wait, and the cap on one file (the
# EU file is ~150 MB, OFAC's XML ~110 MB, OpenSanctions' sanctions collection ~1 GB). Here, not in
# ``fetch``, so that the command line's parser has them without importing http.client at start-up.
FETCH_TIMEOUT = 60.0
FETCH_MAX_BYTES = 2 * 1024**3

FORMATS = {
    "ftm": (ftm.read, "OpenSanctions FollowTheMoney entities, JSON lines"),
    "ofac-xml": (ofac.read_xml, "OFAC SDN list, XML (SDN.XML)"),
    "ofac-csv": (ofac.read_csv, "OFAC SDN list, CSV (SDN.CSV with ADD.CSV and ALT.CSV beside it)"),
    "eu-xml": (eu.read, "EU Financial Sanctions File, XML"),
    "un-xml": (un.read, "UN Security Council consolidated list, XML"),
    "uk-csv": (uk.read, "UK sanctions list (FCDO), CSV"),
}

# list name → (format, official address, the file's name in a mirror folder: ``lists update --mirror``).
# OFAC's CSV list is SDN.CSV with ADD.CSV and ALT.CSV beside it; the official list is its XML file.
OFFICIAL: dict[str, tuple[str, str, str]] = {
    "ofac-sdn": (
        "ofac-xml",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
        "sdn.xml",
    ),
    "eu-fsf": (
        "eu-xml",
        "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
        "eu-fsf.xml",
    ),
    "un-sc": ("un-xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml", "un-sc.xml"),
    "uk": ("uk-csv", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv", "uk-sanctions.csv"),
    "sanctions": (
        "ftm",
        "https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json",
        "opensanctions.ftm.jsonl",
    ),
}

_XML_ROOTS = {"sdnList": "ofac-xml", "export": "eu-xml", "CONSOLIDATED_LIST": "un-xml"}
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def detect(path: Path) -> str:
    """The format of a list file from its first 8 KB; a :class:`ListFormatError` when it is none of them."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as err:
        raise ListFormatError(f"{path}: cannot read ({err.strerror or err})") from None
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if path.name.casefold() in ("add.csv", "alt.csv"):
        raise ListFormatError(f"{path}: give OFAC's SDN.CSV; {path.name} is read from beside it")
    if body.startswith(b"{"):
        return "ftm"
    if body.startswith(b"<"):
        for found in _ROOT_TAG.finditer(body):
            tag = found.group(2).decode("ascii")
            if tag.startswith(("?", "!")) or body[found.start() + 1 : found.start() + 2] in (b"?", b"!"):
                continue
            if tag in _XML_ROOTS:
                return _XML_ROOTS[tag]
            raise ListFormatError(f"{path}: XML with root element <{tag}>, not a list format armsflow reads")
    first = body.split(b"\n", 2)[:2]
    text = b"\n".join(first).decode("utf-8", "replace").casefold()
    if "unique id" in text or "group id" in text:
        return "uk-csv"
    if re.match(rb"\d+,", body) and b"-0-" in head:
        return "ofac-csv"
    raise ListFormatError(f"{path}: cannot tell the list format; give --format ({', '.join(FORMATS)})")


def read_list(path: Path, fmt: str | None = None, name: str | None = None, source: str | None = None) -> Reading:
    """Open a list file: its :class:`ListInfo` now, its entities as they are consumed.

    ``fmt`` is one of :data:`FORMATS` (detected when None); ``name`` overrides the list's own name (ofac-sdn,
    eu-fsf, un-sc, uk, the dataset of an FtM file); ``source`` is what ``lists`` shows as its origin, the
    URL it was fetched from, say (default: the file).
    """
    if path.is_dir():
        raise ListFormatError(f"{path}: a folder, not a list file")
    if not path.is_file():
        raise ListFormatError(f"{path}: no such file")
    fmt = fmt or detect(path)
    if fmt not in FORMATS:
        raise ListFormatError(f"unknown list format {fmt!r}; one of {', '.join(FORMATS)}")
    reading = FORMATS[fmt][0](path, name)
    if source is not None:
        from dataclasses import replace

        reading.info = replace(reading.info, source=source)
    return reading
