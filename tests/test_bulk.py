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


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_a_lexicon_pauses_the_collector_and_resumes_it_as_it_was(enabled, monkeypatch):
    from armsflow import lexicons

    seen = []
    real_read = lexicons._read_cached

    def read(path, lang):
        seen.append(gc.isenabled())  # the state while the lexicon's objects are made
        return real_read(path, lang)

    monkeypatch.setattr(lexicons, "_read_cached", read)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        lexicons.lexicon.cache_clear()
        lex = lexicons.lexicon("de")
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
        lexicons.lexicon.cache_clear()
    assert seen == [False]
    assert after is enabled
    assert lex.actors and lexicons.lexicons_loaded() == 0  # (the cache was cleared again)


def test_a_bulk_run_freezes_each_lexicon_once_after_it_is_loaded(monkeypatch):
    from armsflow import cli

    loaded = [0]
    monkeypatch.setattr(cli, "lexicons_loaded", lambda: loaded[0])
    monkeypatch.setattr(cli, "_frozen_lexicons", [0])
    frozen = []
    monkeypatch.setattr(cli.gc, "freeze", lambda: frozen.append(loaded[0]))
    job = (cli.Document(id="d", text="Norwegen hat der Ukraine zwölf Panzer geliefert."), 0, "de")
    cli._work(job)
    loaded[0] = 1  # the first document of a language loads its lexicon
    result, problem, _ = cli._work(job)
    cli._work(job)
    loaded[0] = 2  # the other language's
    cli._work(job)
    assert frozen == [1, 2]
    assert problem is None and [(e.supplier, e.recipient) for e in result.events] == [("NOR", "UKR")]
