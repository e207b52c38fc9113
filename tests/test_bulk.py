"""The collector settings for bulk runs (armsflow.bulk)."""

import gc

import pytest

from armsflow import extract
from armsflow.bulk import BULK_THRESHOLD, collector_tuned


def test_collector_tuned_raises_generation_zero_and_restores_all_thresholds():
    before = gc.get_threshold()
    with collector_tuned():
        inside = gc.get_threshold()
        events = extract("Norwegen hat der Ukraine zwölf Panzer geliefert.", lang="de")
    assert inside == (BULK_THRESHOLD, before[1], before[2])
    assert gc.get_threshold() == before
    assert [(e.supplier, e.recipient, e.status) for e in events] == [("NOR", "UKR", "delivered")]


def test_collector_tuned_restores_thresholds_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collector_tuned(threshold=5000):
        assert gc.get_threshold()[0] == 5000
        raise RuntimeError("stop")
    assert gc.get_threshold() == before
