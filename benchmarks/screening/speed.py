"""Screening speed on a large index: screenings per second on one core and the latency percentiles.

    .venv/bin/python benchmarks/screening/speed.py                 # 1,000,000 names, SQLite in a temp folder
    .venv/bin/python benchmarks/screening/speed.py --names 200000 --queries 500
    .venv/bin/python benchmarks/screening/speed.py --db /tmp/screen.db --keep   # build once, reuse with --db

The index is synthetic: persons and companies composed from pools of given names, surnames and company
words in Latin, Cyrillic and Arabic script (a third each), so that common names repeat as they do on real
lists; it is loaded as ``armsflow lists load`` loads a list (an index of an older armsflow is re-keyed). Queries
are names of the index respelled (case, order, a typo, transliterated) and names absent from it. Building the
index is not timed; each screening is timed whole (candidates from the store, scoring, decisions, context).
Targets: >= 50 screenings per second per core, p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from armsflow.screening import names, service
from armsflow.screening.model import Entity, ListInfo
from armsflow.screening.store import ListStore
from armsflow.store import Store

GIVEN = {
    "latin": "James John Robert Michael William David Richard Thomas Charles Daniel Matthew Anthony Mark Paul Steven "
    "Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric "
    "Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack "
    "Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan "
    "Carl Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan",
    "cyrillic": "Александр Алексей Андрей Антон Артём Борис Вадим Валентин Валерий Василий Виктор Виталий "
    "Владимир Владислав Вячеслав Геннадий Георгий Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл "
    "Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Роман Руслан Сергей Станислав Степан "
    "Тимур Фёдор Юрий Ярослав Анна Елена Мария Ольга Татьяна Наталья Ирина Светлана Екатерина Юлия",
    "arabic": "محمد أحمد علي حسن حسين محمود مصطفى خالد عمر يوسف إبراهيم عبدالله عبدالرحمن سعيد سامر "
    "طارق وليد ماجد فيصل ناصر رضا مهدی جواد کاظم مجید حمید مسعود مرتضی امیر رحیم سلیمان یاسر",
}
SURNAMES = {
    "latin": "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez "
    "Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker "
    "Hall Rivera Campbell Mitchell Carter Roberts Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker",
    "cyrillic": "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
    "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров "
    "Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев",
    "arabic": "الأحمد الحسن الخطيب الشامي الحلبي المصري العلي النجار الحداد الخوري السيد الزين العمر "
    "رضایی حسینی احمدی محمدی کریمی موسوی جعفری رحیمی صادقی هاشمی قاسمی نوری طاهری",
}
COMPANY = {
    "latin": "Global Trade Marine Star Ocean Tech Industrial Logistics Energy Systems Aero Precision Union "
    "Capital Eastern Western Pacific Atlas Delta Orion Nova Vector Falcon Eagle Summit Crown Apex Titan",
    "cyrillic": "Вектор Альфа Гранит Техно Сервис Трейд Логистик Восток Север Импорт Экспорт Снаб Пром "
    "Маш Строй Авиа Радио Электро Спец Интер Балт Урал Сибирь Волга",
    "arabic": "النور الأمل الفرات البحر الخليج الشرق الصناعات التجارة الهندسة پارس آریا صنعت بازرگانی "
    "مهندسی الکترونیک فناوری",
}
FORMS = {"latin": ["LLC", "Ltd", "GmbH", "FZE", "Co Ltd", "JSC", ""], "cyrillic": ["ООО", "АО", "ЗАО", "ПАО", ""],
         "arabic": ["شركة", "شرکت", ""]}  # fmt: skip


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    pools = {k: (v.split(), SURNAMES[k].split(), COMPANY[k].split()) for k, v in GIVEN.items()}
    out = []
    scripts = list(pools)
    for i in range(n):
        script = scripts[i % 3]
        given, surnames, words = pools[script]
        if rng.random() < 0.7:
            name = f"{rng.choice(surnames)} {rng.choice(given)}"
            if rng.random() < 0.5:
                name += " " + rng.choice(given)
            schema = "Person"
        else:
            name = " ".join(rng.sample(words, rng.choice((1, 2, 2, 3)))) + " " + str(rng.randrange(1, 999))
            name = f"{rng.choice(FORMS[script])} {name}".strip()
            schema = "Company"
        out.append(Entity(id=f"s{i}", list_name="synthetic", schema=schema, name=name))
    return out


def build(store: Store, entities: list[Entity]) -> None:
    """Load the entities as ``armsflow lists load`` does (one transaction: entities, keys, key counts)."""

    def progress(done: int) -> None:
        print(f"\r  indexed {done:,} names", end="", file=sys.stderr, flush=True)

    info = ListInfo(name="synthetic", format="ftm", source="benchmarks/screening/speed.py", published="2026-12-06")
    ListStore(store).load(info, entities, progress)
    print(file=sys.stderr)


def respell(name: str, rng: random.Random) -> str:
    words = names.normalise(name).split() if rng.random() < 0.5 else name.split()
    rng.shuffle(words)
    text = " ".join(words)
    if len(text) > 6 and rng.random() < 0.5:
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text.upper() if rng.random() < 0.2 else text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=1_000_000, help="names in the index (default 1,000,000)")
    ap.add_argument("--queries", type=int, default=1000, help="screenings to time (default 1000)")
    ap.add_argument("--db", help="SQLite file or postgresql:// URL; an existing index of the same size is reused")
    ap.add_argument("--keep", action="store_true", help="keep the temporary database (its path is printed)")
    args = ap.parse_args()
    rng = random.Random(13)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="armsflow-screen-")) / "kb.db")
    entities = make_entities(args.names, rng)
    with Store(db) as store:
        have = store.fetchone("SELECT n_entities, key_version FROM screening_lists WHERE name = 'synthetic'")
        started = time.perf_counter()
        if not have or have["n_entities"] != args.names:
            build(store, entities)
            print(f"index of {args.names:,} names built in {time.perf_counter() - started:.0f} s ({db})")
        elif have["key_version"] != names.keys_algorithm():  # indexed by an older armsflow: re-key, as users do
            ListStore(store).rekey("synthetic")
            print(f"index of {args.names:,} names re-keyed in {time.perf_counter() - started:.0f} s ({db})")
        keys = store.fetchone("SELECT COUNT(*) AS k, COALESCE(SUM(n), 0) AS n FROM screening_postings")
        print(f"index: {args.names:,} names, {keys['k'] if keys else 0:,} keys with {keys['n'] if keys else 0:,} "
              f"postings, {store.backend}")  # fmt: skip
        queries = [
            respell(rng.choice(entities).name, rng) if i % 4 else f"Nobody Unlisted {i}" for i in range(args.queries)
        ]
        lists = service.list_store(store)
        for q in queries[:20]:  # warm the caches of the process (transliteration, the database's pages)
            service.screen(store, service.make_query(q), lists=lists)
        times, alerts = [], 0
        cpu_started = time.process_time()
        for q in queries:
            started = time.perf_counter()
            result = service.screen(store, service.make_query(q), lists=lists)
            times.append(time.perf_counter() - started)
            alerts += result["alerts"]
        cpu = time.process_time() - cpu_started
    total = sum(times)
    p50, p95 = statistics.quantiles(times, n=100)[49], statistics.quantiles(times, n=100)[94]
    rate = len(times) / total
    ok = "ok" if rate >= 50 else "MISSED"
    ok95 = "ok" if p95 <= 0.05 else "MISSED"
    print(f"screenings: {len(times)} ({alerts} alerts), one process on one core; load average "
          f"{os.getloadavg()[0]:.1f} (wall times grow with it; CPU time does not)")  # fmt: skip
    print(f"CPU time: {1000 * cpu / len(times):.1f} ms a screening = {len(times) / cpu:.1f} screenings per CPU-second")
    print(f"throughput: {rate:.1f} screenings/s ({ok}: target >= 50 per core)")
    print(f"latency: p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms ({ok95}: target <= 50), "
          f"max {1000 * max(times):.1f} ms")  # fmt: skip
    if not args.keep and not args.db:
        Path(db).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
