"""Write a synthetic sanctions list of any size as FollowTheMoney JSON lines, for the screening speed runs.

    python benchmarks/screening/make_index.py 1000000 -o /tmp/index.ftm.jsonl        # 1,000,000 names
    armsflow lists load /tmp/index.ftm.jsonl --db /tmp/bench.db

The names are made up from pools of given names, surnames (common ones, and others built from a root and an
ending) and company words in Latin, Cyrillic and Arabic script (about 40 %, 30 % and 30 % of the entities), so
the index has the skew real lists have: many people share a given name or a common surname ("Mohammad",
"Ivanov"), and firms share words ("Trading", "Group"). Each
entity has its name and, for about half, one or two aliases (a transliteration or a variant); people get a
country and a birth date, firms a country and now and then an INN, IMO or LEI with valid check digits.
``N`` counts names (name + aliases), the size the speed target speaks of; ``--entities`` counts entities
instead. The same ``--seed`` writes the same file. There is no upper bound on N: the file is written line
by line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

LATIN_GIVEN = (
    "John Michael David James Robert William Thomas Richard Daniel Mark Paul Peter George Edward Henry Jan "
    "Pieter Lukas Stefan Andreas Marco Luca Pierre Jean Carlos Jose Miguel Ahmed Mohammed Ali Omar Hassan "
    "Reza Hossein Mehdi Ivan Sergei Dmitry Alexei Nikolai Anna Maria Elena Olga Sofia Laura Fatima Leila "
    "Zahra Amina Chen Wei Li Ming Kim Park Juan Ricardo Tomas Viktor Yusuf Karim Tariq Samir Nadia Sara"
).split()
LATIN_SURNAMES = (
    "Smith Johnson Brown Miller Wilson Taylor Anderson Martin Thompson Garcia Martinez Rodriguez Lopez "
    "Gonzalez Perez Sanchez Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Rossi Russo Ferrari "
    "Dubois Moreau Laurent Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Sokolov Volkov Morozov Novikov "
    "Hosseini Mohammadi Ahmadi Rezaei Karimi Moradi Jafari Rahimi Hashemi Sadeghi Al-Rashid Haddad Khoury "
    "Nasser Saleh Mansour Hamdan Aziz Farouk Khan Hussain Shah Malik Chaudhry Wang Zhang Liu Yang Huang "
    "Zhao Wu Zhou Kim Lee Choi Nguyen Tran Pham Silva Santos Oliveira Costa Kowalski Nowak Horvath"
).split()
CYRILLIC_GIVEN = (
    "Александр Сергей Дмитрий Андрей Алексей Максим Иван Михаил Николай Владимир Евгений Павел Олег Игорь "
    "Юрий Виктор Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Екатерина Юлия"
).split()
CYRILLIC_PATRONYMICS = (
    "Александрович Сергеевич Дмитриевич Андреевич Алексеевич Иванович Михайлович Николаевич Владимирович "
    "Викторович Петрович Юрьевич"
).split()
CYRILLIC_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков Алексеев "
    "Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев "
    "Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Кузьмин Фролов Александров Дмитриев Королев"
).split()
ARABIC_GIVEN = (
    "محمد أحمد علي حسن حسين عمر خالد يوسف إبراهيم عبدالله مصطفى سعيد طارق كريم سمير ناصر فاطمة عائشة مريم "
    "زينب ليلى نور رضا مهدي"
).split()
ARABIC_SURNAMES = (
    "الحسيني الأحمد العلي الخطيب النجار الحداد الشامي المصري البغدادي الحلبي العمري الزعبي القاسم السعدي "
    "التميمي الكعبي الهاشمي الرشيد المنصور الجبوري كريمي حسيني محمدي احمدی رضایی"
).split()
COMPANY_WORDS = (
    "Global Trading Industrial Technology Systems Energy Marine Shipping Logistics Aviation Electronics "
    "Precision Engineering Machinery Petroleum Chemical Resources Capital Investment Development Star Golden "
    "Eastern Western Northern Pacific Atlantic Silk Falcon Eagle Crescent Phoenix Horizon Delta Alpha Omega "
    "Nova Orion Vector Titan Atlas Unity Progress Victory Ural Siberian Caspian Gulf Persian Orient Dragon"
).split()
LATIN_FORMS = ("LLC", "Ltd", "GmbH", "Co., Ltd.", "FZE", "JSC", "S.A.", "Limited", "Inc.", "General Trading LLC")
CYRILLIC_COMPANY = (
    "Восток Север Урал Сибирь Прогресс Альфа Технологии Системы Энергия Механика Авионика Оптика Сталь Транс "
    "Импорт Экспорт Инвест Маш Приборы Электроника"
).split()
CYRILLIC_FORMS = ("ООО", "АО", "ПАО", "ЗАО", "ОАО")
ARABIC_COMPANY = "التجارة العامة الصناعات التقنية الطاقة الخليج النجم الذهبي الشرق الهلال الفجر البحرية".split()
ARABIC_FORMS = ("شركة", "مؤسسة", "مجموعة")
# Surnames are also built from a root and an ending, as many are: real lists hold tens of thousands of
# different surnames, and a handful shared by 5,000 entities each would make every lookup a worst case.
LATIN_ROOTS = (
    "Kowal Novak Horn Berg Lind Stein Wald Brand Feld Mark Rich Hart Wood Ash Fair Black White Green Castel "
    "Monte Ferr Bianc Ross Mor Dal Val Sant Bel Gold Silver Iron Stone Hill Brook Rad Mil Jov Pet Stan"
).split()
LATIN_ENDINGS = ("", "ski", "son", "er", "man", "ov", "ic", "ini", "etti", "ford", "ton", "ley", "berg", "ez", "ova")
CYRILLIC_ROOTS = (
    "Кузн Волк Медвед Сокол Орл Лебед Гусь Зайц Бел Чёрн Сер Крас Зелен Бык Коз Баран Рыб Мельник Кузьм Бор "
    "Гор Лес Пол Рек Мор Степ Гром Снег Мороз Ветр Камн Жук Комар Щук Карп Лис Ёж Стар Нов Добр"
).split()
CYRILLIC_ENDINGS = ("ов", "ев", "ин", "ский", "енко", "ович", "уков", "аков", "ышев", "ицкий")
ARABIC_ROOTS = (
    "حسن سعد نجم فهد رشيد منصور هاشم زعب قاسم عمر خطيب نجار حداد شام مصر بغداد حلب جبور تميم كعب شمر عنز "
    "دليم زبيد عتيب حرب قحط سبع"
).split()
ARABIC_ENDINGS = ("ي", "اوي", "اني", "")
PERSIAN_ENDINGS = ("ی", "زاده", "پور", "نیا", "یان")
COUNTRIES = ("ir", "ru", "by", "sy", "kp", "cn", "ae", "tr", "iq", "lb", "ye", "af", "ve", "cu", "mm", "sd")


def _imo(rng: random.Random) -> str:
    six = "".join(str(rng.randint(0, 9)) for _ in range(6))
    six = str(rng.randint(1, 9)) + six[1:]
    return six + str(sum(int(d) * w for d, w in zip(six, range(7, 1, -1), strict=True)) % 10)


def _inn(rng: random.Random) -> str:
    nine = "77" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return nine + str(sum(int(d) * w for d, w in zip(nine, weights, strict=True)) % 11 % 10)


def _lei(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    body = "".join(rng.choice(alphabet) for _ in range(18))
    number = int("".join(str(int(c, 36)) for c in body + "00"))
    return body + f"{98 - number % 97:02d}"


def _surname(rng: random.Random, script: str) -> str:
    """A surname: from the common ones three times in ten, else a root with an ending."""
    common = rng.random() < 0.3
    if script == "latin":
        return rng.choice(LATIN_SURNAMES) if common else rng.choice(LATIN_ROOTS) + rng.choice(LATIN_ENDINGS)
    if script == "cyrillic":
        return rng.choice(CYRILLIC_SURNAMES) if common else rng.choice(CYRILLIC_ROOTS) + rng.choice(CYRILLIC_ENDINGS)
    if common:
        return rng.choice(ARABIC_SURNAMES)
    if rng.random() < 0.6:
        return "ال" + rng.choice(ARABIC_ROOTS) + rng.choice(ARABIC_ENDINGS)
    return rng.choice(ARABIC_ROOTS) + rng.choice(PERSIAN_ENDINGS)


def _person(rng: random.Random, script: str) -> tuple[str, list[str]]:
    surname = _surname(rng, script)
    if script == "latin":
        given = rng.choice(LATIN_GIVEN)
        middle = rng.choice(LATIN_GIVEN) + " " if rng.random() < 0.3 else ""
        name = f"{given} {middle}{surname}"
        aliases = [f"{surname}, {given}"] if rng.random() < 0.3 else []
    elif script == "cyrillic":
        given, patronymic = rng.choice(CYRILLIC_GIVEN), rng.choice(CYRILLIC_PATRONYMICS)
        name = f"{given} {patronymic} {surname}"
        aliases = [f"{surname} {given}"] if rng.random() < 0.5 else []
    else:
        given, father = rng.choice(ARABIC_GIVEN), rng.choice(ARABIC_GIVEN)
        name = f"{given} {father} {surname}"
        aliases = [f"{given} {surname}"] if rng.random() < 0.5 else []
    return name, aliases


def _company(rng: random.Random, script: str) -> tuple[str, list[str]]:
    if script == "latin":
        words = " ".join(rng.sample(COMPANY_WORDS, rng.randint(1, 3)))
        return f"{words} {rng.choice(LATIN_FORMS)}", ([words] if rng.random() < 0.4 else [])
    if script == "cyrillic":
        words = " ".join(rng.sample(CYRILLIC_COMPANY, rng.randint(1, 2)))
        return f"{rng.choice(CYRILLIC_FORMS)} «{words}»", ([words] if rng.random() < 0.4 else [])
    words = " ".join(rng.sample(ARABIC_COMPANY, rng.randint(2, 3)))
    return f"{rng.choice(ARABIC_FORMS)} {words}", ([words] if rng.random() < 0.4 else [])


def entities(rng: random.Random, dataset: str) -> Iterator[dict]:
    """Synthetic entities without end; the caller stops when it has enough."""
    n = 0
    while True:
        n += 1
        script = rng.choices(("latin", "cyrillic", "arabic"), (0.4, 0.3, 0.3))[0]
        person = rng.random() < 0.6
        name, aliases = _person(rng, script) if person else _company(rng, script)
        props: dict[str, list[str]] = {"name": [name], "country": [rng.choice(COUNTRIES)]}
        if aliases:
            props["alias"] = aliases
        if person:
            props["birthDate"] = [f"{rng.randint(1940, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
        else:
            roll = rng.random()
            if roll < 0.1:
                props["innCode"] = [_inn(rng)]
                props["country"] = ["ru"]  # an INN is Russian
            elif roll < 0.15:
                props["imoNumber"] = [_imo(rng)]
            elif roll < 0.2:
                props["leiCode"] = [_lei(rng)]
        yield {
            "id": f"synthetic-{n}",
            "schema": "Person" if person else "Company",
            "properties": props,
            "datasets": [dataset],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="names to write (name and aliases count), e.g. 1000000")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the JSON lines file to write")
    parser.add_argument("--entities", action="store_true", help="N counts entities, not names")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13): the same seed, the same file")
    parser.add_argument("--dataset", default="synthetic", help="the dataset (list) name (default synthetic)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error(f"N must be at least 1 (got {args.n})")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    written_names = written = 0
    with Path(args.output).open("w", encoding="utf-8") as out:
        for entity in entities(rng, args.dataset):
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")
            written += 1
            written_names += 1 + len(entity["properties"].get("alias", ()))
            if (written if args.entities else written_names) >= args.n:
                break
    seconds = time.perf_counter() - started
    print(f"{args.output}: {written} entities, {written_names} names, {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
