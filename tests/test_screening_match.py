"""Name matching for screening: transliteration, legal forms, blocking keys, and the scorer's explanations."""

from __future__ import annotations

import pytest

from armsflow.screening import match, names
from armsflow.screening.model import Entity, Identifier, Query


def entity(name: str, *aliases: str, **more: object) -> Entity:
    return Entity(id="e1", list_name="test", schema="Person", name=name, aliases=aliases, **more)  # type: ignore[arg-type]


def test_transliteration_of_cyrillic_arabic_persian_and_chinese() -> None:
    assert names.normalise("Петров Александр Сергеевич") == "petrov aleksandr sergeevich"
    assert names.normalise("Шевченко Тарас") == "shevchenko taras"
    assert names.tokens("محمد باقر قالیباف") == ("mhmd", "baqr", "qalybaf")
    assert names.normalise("习近平") == "xi jin ping"
    assert names.normalise("Fürst  Müller-Lüdenscheidt") == "furst muller ludenscheidt"
    # ayin and apostrophes join what they stand between
    assert names.normalise("Mu'assasa") == "muassasa"


def test_legal_forms_are_removed_but_a_bare_form_stays_a_name() -> None:
    assert names.tokens("ООО «Ромашка»") == ("romashka",)
    assert names.tokens("Romashka LLC") == ("romashka",)
    assert names.tokens("PJSC Sberbank") == names.tokens("ПАО Сбербанк") == ("sberbank",)
    assert names.tokens("Global Trading F.Z.E.") == ("global", "trading")
    assert names.tokens("AG") == ("ag",)
    assert names.split_legal_form(["pte", "ltd"]) == (("pte", "ltd"), ())


def test_skeletons_bridge_vowelless_arabic_and_latin_spellings() -> None:
    assert names.skeleton("mohammad") == names.skeleton("mhmd") == names.skeleton("muhammed")
    assert names.skeleton("ghalibaf") == names.skeleton("qalybaf")
    assert names.skeleton("kusnezow") == names.skeleton("kuznetsov")
    assert names.skeleton("schewtschenko") == names.skeleton("shevchenko")
    assert names.skeleton("alsnaat") == names.skeleton("sanaat")  # the article ICU attaches
    assert names.skeleton("petrov") != names.skeleton("ivanov")


def test_blocking_keys_are_shared_across_scripts_and_skip_particles() -> None:
    latin = names.blocking_keys("Mohammad Bagher Ghalibaf")
    arabic = names.blocking_keys("محمد باقر قالیباف")
    assert {"k:mhmd", "k:bkr", "k:klbf"} <= latin & arabic
    assert names.blocking_keys("Aleksandr Petrov") & names.blocking_keys("Александр Петров")
    assert not any(k.endswith(":al") for k in names.blocking_keys("Abdul Rahman al-Qadi"))
    assert not any("llc" in k for k in names.blocking_keys("Romashka LLC"))


def test_query_key_is_the_same_for_spacing_case_and_script() -> None:
    assert names.query_key("  PETROV   aleksandr ") == names.query_key("petrov Aleksandr")
    assert names.query_key("Петров Александр") == "petrov aleksandr"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aleksandr Petrov", "Петров Александр Сергеевич"),
        ("PETROV, Alexander", "Петров Александр Сергеевич"),
        ("Mohammad Rezaei", "محمد رضایی"),
        ("Hassan Ali Khalifa", "حسن علي خليفة"),
        ("Wladimir Kusnezow", "Кузнецов Владимир Алексеевич"),
        ("Rosoboronexport JSC", "АО Рособоронэкспорт"),
        ("A. Petrov", "Aleksandr Petrov"),
    ],
)
def test_same_names_across_scripts_and_spellings_match(query: str, listed: str) -> None:
    hit = match.score(Query(query), entity(listed))
    assert hit.score >= match.THRESHOLD, hit
    assert hit.algorithm == match.ALGORITHM


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aleksei Petrov", "Петров Александр Сергеевич"),
        ("Mohsen Rezaei", "محمد رضایی"),
        ("Ali Hosseini", "Mohammad Hosseini"),
        ("Vektor Trade LLC", "ООО Вектор Логистик"),
        ("Abu Ali", "Abu Bakr"),  # particles alone are no match
    ],
)
def test_different_people_and_firms_with_shared_words_do_not_match(query: str, listed: str) -> None:
    assert match.score(Query(query), entity(listed)).score < match.THRESHOLD


def test_the_best_alias_is_named_in_the_explanation() -> None:
    hit = match.score(Query("Victor Bout"), entity("Бут Виктор Анатольевич", "Viktor Bout", "Boris"))
    assert hit.explanation.matched_name == "Viktor Bout"
    assert hit.explanation.query_name == "Victor Bout"
    assert hit.explanation.name_score >= 0.9


def test_identifier_birth_date_and_country_move_the_score_and_say_so() -> None:
    listed = entity(
        "Ivan Ivanov",
        countries=("RUS",),
        birth_dates=("1961-05-02",),
        identifiers=(Identifier("passport", "72 1234567", "RUS"),),
    )
    name_only = match.score(Query("Ivan Ivanov"), listed).score
    agreeing = match.score(Query("Ivan Ivanov", country="rus", birth_date="1961"), listed)
    assert agreeing.score > name_only or agreeing.score == 1.0
    assert [f[1] for f in agreeing.explanation.features] == ["agrees", "agrees"]
    conflicting = match.score(Query("Ivan Ivanov", country="DEU", birth_date="1975-01-01"), listed)
    assert conflicting.score < name_only
    assert {f[1] for f in conflicting.explanation.features} == {"conflicts"}
    # an identifier outweighs a spelling: a weak name with the same passport number is an alert
    by_id = match.score(Query("I. Iwanow", identifiers=(Identifier("passport", "721234567"),)), listed)
    assert by_id.score >= 0.95
    assert by_id.explanation.features[0][:2] == ("identifier passport 721234567", "agrees")
    other_id = match.score(Query("Ivan Ivanov", identifiers=(Identifier("passport", "99"),)), listed)
    assert other_id.score < name_only


def test_identifiers_compare_without_spaces_punctuation_or_imo_prefix() -> None:
    assert match.normalise_identifier("IMO 9 123 456") == match.normalise_identifier("9123456")
    assert match.normalise_identifier("ab-12.34") == "AB1234"
