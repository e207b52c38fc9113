"""Name-matching quality on the project's own benchmark (names.txt): precision, recall and alerts per 100
non-matching pairs, by script, for armsflow's scorer and, on the same pairs, for baselines and for
nomenklatura's logic-v2 (the algorithm OpenSanctions' yente uses) when nomenklatura is installed.

    .venv/bin/python benchmarks/screening/run.py              # figures
    .venv/bin/python benchmarks/screening/run.py --misses     # also every missed match and every false alert
    .venv/bin/python benchmarks/screening/run.py --no-nomenklatura
    .venv/bin/python benchmarks/screening/run.py --sweep      # armsflow's figures at other thresholds

A pair is (query, entity): each query with its own entity (should match) and with every other entity of its
group and of the group's paired group (should not). The script of a pair is the non-Latin script of the query
or of the entity's main name (Arabic covers Persian), else Latin.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from armsflow.screening import match, names
from armsflow.screening.model import Entity, Query

HERE = Path(__file__).resolve().parent
SCRIPTS = {"arabic": re.compile(r"[\u0600-\u06ff]"), "cyrillic": re.compile(r"[\u0400-\u04ff]"),
           "han": re.compile(r"[\u4e00-\u9fff]")}  # fmt: skip


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: an Entity holds a dict
class Pair:
    query: str
    entity: Entity
    same: bool
    script: str


def script_of(*texts: str) -> str:
    for name, pattern in SCRIPTS.items():
        if any(pattern.search(t) for t in texts):
            return name
    return "latin"


def read_groups(path: Path) -> tuple[dict[str, list[tuple[Entity, list[str]]]], dict[str, str]]:
    """Groups of (entity, its queries), and each group's paired group."""
    groups: dict[str, list[tuple[Entity, list[str]]]] = {}
    paired: dict[str, str] = {}
    current = ""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## group"):
            head = line.removeprefix("## group").strip().split(" / ")
            current = head[0]
            groups[current] = []
            if len(head) > 1:
                paired[current] = head[1]
        elif line.strip() and not line.startswith("#"):
            kind, country, listed, queries = line.split("|")
            all_names = [x.strip() for x in listed.split(";") if x.strip()]
            entity = Entity(
                id=f"{current}-{len(groups[current]) + 1}",
                list_name="bench",
                schema="Person" if kind == "P" else "Company",
                name=all_names[0],
                aliases=tuple(all_names[1:]),
                countries=(country,),
            )
            groups[current].append((entity, [q.strip() for q in queries.split(";") if q.strip()]))
            if not entity.name:
                sys.exit(f"{path}:{n}: no name")
    return groups, paired


def pairs(path: Path) -> list[Pair]:
    groups, paired = read_groups(path)
    out: list[Pair] = []
    for group, members in groups.items():
        others = [e for e, _ in members] + [e for e, _ in groups.get(paired.get(group, ""), [])]
        for entity, queries in members:
            for q in queries:
                for other in others:
                    out.append(Pair(q, other, other.id == entity.id, script_of(q, other.name)))
    return out


def figures(pairs_: list[Pair], decide: Callable[[Pair], bool]) -> dict[str, dict[str, float]]:
    """Per script and overall: matches, recall, non-matches, alerts per 100 non-matches, precision."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fn, fp, tn
    for pair in pairs_:
        alert = decide(pair)
        slot = (0 if alert else 1) if pair.same else (2 if alert else 3)
        counts[pair.script][slot] += 1
        counts["all"][slot] += 1
    out = {}
    for script, (tp, fn, fp, tn) in counts.items():
        out[script] = {
            "matches": tp + fn,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "non_matches": fp + tn,
            "alerts_per_100": 100 * fp / (fp + tn) if fp + tn else 0.0,
            "precision": tp / (tp + fp) if tp + fp else 0.0,
        }
    return out


def print_table(title: str, table: dict[str, dict[str, float]], seconds: float, n: int) -> None:
    print(f"\n{title}  ({n} pairs, {1000 * seconds / n:.2f} ms a pair)")
    print(f"  {'script':<9} {'matches':>7} {'recall':>7} {'non-m.':>7} {'alerts/100':>10} {'precision':>9}")
    for script in ("latin", "cyrillic", "arabic", "han", "all"):
        if script in table:
            f = table[script]
            print(f"  {script:<9} {f['matches']:>7.0f} {f['recall']:>7.1%} {f['non_matches']:>7.0f} "
                  f"{f['alerts_per_100']:>10.1f} {f['precision']:>9.1%}")  # fmt: skip


def run(label: str, pairs_: list[Pair], scorer: Callable[[Pair], float], threshold: float) -> dict[Pair, float]:
    started = time.perf_counter()
    scores = {p: scorer(p) for p in pairs_}
    seconds = time.perf_counter() - started
    print_table(f"{label}, alert at >= {threshold}", figures(pairs_, lambda p: scores[p] >= threshold), seconds,
                len(pairs_))  # fmt: skip
    return scores


def armsflow_score(pair: Pair) -> float:
    return match.score(Query(pair.query), pair.entity).score


def rapidfuzz_score(pair: Pair) -> float:
    """Baseline: rapidfuzz's token_set_ratio on the transliterated names (legal forms kept), best alias."""
    from rapidfuzz import fuzz

    q = names.normalise(pair.query)
    return max(fuzz.token_set_ratio(q, names.normalise(a)) for a in pair.entity.names()) / 100


def jellyfish_score(pair: Pair) -> float:
    """Baseline: jellyfish's Jaro-Winkler on the transliterated tokens, sorted, best alias."""
    import jellyfish

    q = " ".join(sorted(names.normalise(pair.query).split()))
    return max(jellyfish.jaro_winkler_similarity(q, " ".join(sorted(names.normalise(a).split())))
               for a in pair.entity.names())  # fmt: skip


def nomenklatura_scorer() -> Callable[[Pair], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
        from nomenklatura.matching.types import ScoringConfig
    except ImportError:
        return None
    config = ScoringConfig.defaults()

    def proxy(schema: str, key: str, values: list[str], country: str | None = None):  # noqa: ANN202
        ent = model.make_entity(schema)
        ent.id = key
        ent.add("name", values)
        if country:
            ent.add("country", country.lower()[:2] if len(country) == 2 else _alpha2(country))
        return ent

    cache: dict[str, object] = {}
    counter = itertools.count()

    def score(pair: Pair) -> float:
        e = pair.entity
        result = cache.get(e.id)
        if result is None:
            result = cache[e.id] = proxy(e.schema, e.id, list(e.names()))
        # a fresh id for every query: logic-v2 caches what it derives from an entity by the entity's id
        query = proxy(e.schema, f"q{next(counter)}", [pair.query])
        return LogicV2.compare(query, result, config).score  # type: ignore[arg-type]

    return score


def _alpha2(alpha3: str) -> str:
    from rigour.territories import get_territory

    found = get_territory(alpha3.lower())
    return found.code if found else alpha3.lower()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=str(HERE / "names.txt"), help="benchmark file (default names.txt)")
    ap.add_argument("--misses", action="store_true", help="list armsflow's missed matches and false alerts")
    ap.add_argument("--no-nomenklatura", action="store_true", help="skip nomenklatura's logic-v2")
    ap.add_argument("--sweep", action="store_true", help="armsflow's recall and alerts at other thresholds")
    args = ap.parse_args()
    all_pairs = pairs(Path(args.file))
    n_same = sum(p.same for p in all_pairs)
    print(f"benchmark {Path(args.file).name}: {n_same} matching and {len(all_pairs) - n_same} non-matching pairs")
    ours = run(f"armsflow {match.ALGORITHM}", all_pairs, armsflow_score, match.THRESHOLD)
    if args.sweep:
        for t in (0.7, 0.75, 0.8, 0.85, 0.9):
            f = figures(all_pairs, lambda p, t=t: ours[p] >= t)["all"]
            print(f"  threshold {t:.2f}: recall {f['recall']:.1%}, alerts/100 {f['alerts_per_100']:.1f}")
    run("baseline: rapidfuzz token_set_ratio on transliterated names", all_pairs, rapidfuzz_score, 0.85)
    try:
        import jellyfish  # noqa: F401
    except ImportError:
        print("\njellyfish is not installed: pip install jellyfish for its Jaro-Winkler baseline")
    else:
        run("baseline: jellyfish Jaro-Winkler on transliterated sorted tokens", all_pairs, jellyfish_score, 0.9)
    if not args.no_nomenklatura:
        scorer = nomenklatura_scorer()
        if scorer is None:
            print("\nnomenklatura is not installed: pip install nomenklatura to compare with logic-v2")
        else:
            scorer(all_pairs[0])  # loads its data files: not part of the per-pair time
            run("nomenklatura logic-v2 (yente's default algorithm)", all_pairs, scorer, 0.7)
    if args.misses:
        print("\nmissed matches:")
        for p in all_pairs:
            if p.same and ours[p] < match.THRESHOLD:
                print(f"  {ours[p]:.2f}  {p.query!r} ~ {p.entity.name!r}")
        print("false alerts:")
        for p in all_pairs:
            if not p.same and ours[p] >= match.THRESHOLD:
                print(f"  {ours[p]:.2f}  {p.query!r} ~ {p.entity.name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
