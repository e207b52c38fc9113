"""Calendar dates as armsflow accepts them: real days, not just the right shape.

A filter or a document date such as ``2024-13-45`` matches ``YYYY-MM-DD``
but names no day; stored, it breaks sorting and the web interface's
timeline ("Invalid time value"). Everything that takes a date from a user
(filters, ingest, the API) checks it here, so they all agree.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAY_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S")


def is_real_date(value: str, with_time: bool = False) -> bool:
    """Whether ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real year, month or day.

    ``with_time=True`` also accepts an ISO 8601 date and time
    (``2024-03-01T10:00:00Z``), as publication dates often come.
    """
    found = _SHAPE.fullmatch(value)
    if found:
        year, month, day = found.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return False
        return True
    if with_time and _DAY_AND_TIME.match(value):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
        return True
    return False


DATE_FORMS = "a real date as YYYY, YYYY-MM or YYYY-MM-DD"
