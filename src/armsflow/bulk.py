"""Settings for long extraction runs: `armsflow extract`, `armsflow ingest`, batch workers.

Why this exists: the extractor allocates many small, short-lived containers for every sentence
(tokens, mentions, candidate frames, role lists). CPython starts a generation-0 collection after
every 700 net allocations of such objects, so a collection runs every few sentences and walks all
the young objects still alive at that moment; the generation-1 and full collections that follow
walk the surviving ones again. Almost all of them are freed by reference counting once their
sentence is done, so the collections find nothing to free: they are pure cost. With a
generation-0 threshold of 10,000 most of a sentence's temporaries are gone before a collection
looks, and a whole `armsflow extract` process runs about 15–20 % faster (benchmarks/throughput.py)
with the same peak memory. Reference cycles are still collected, only less often.

The setting is process-wide, so the library never changes it on import: the command line turns it
on for its bulk commands, and a program extracting many documents can do the same with
:func:`collector_tuned`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Generation-0 threshold during bulk runs (CPython's default is 700).
BULK_THRESHOLD = 10_000


@contextmanager
def collector_tuned(threshold: int = BULK_THRESHOLD) -> Iterator[None]:
    """Run the block with a larger generation-0 threshold; the previous thresholds are restored after."""
    previous = gc.get_threshold()
    gc.set_threshold(threshold, previous[1], previous[2])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
