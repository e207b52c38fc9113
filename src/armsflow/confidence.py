"""Confidence: how likely an event is right, from the rules that produced it.

Every event gets ``confidence`` in [0, 1]: a logistic model over features of its trace (which rules
fired), its status, type and language, whether a source is named and how long its sentence is. The
model is data (``rules/confidence.json``), fitted by ``scripts/calibrate.py`` on the public annotated
corpora and checked there by cross-validation over documents: an event is never scored by a model
that saw its document. Where the model knows no feature of an event, the smoothed precision of the
event's deciding rule is the floor it falls back to.

Records combine the confidence of their events across independent documents (:func:`combine`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from armsflow.model import Event
from armsflow.rules import data_path

MODEL_FILE = "confidence.json"


def features(event: Event, lang: str | None) -> list[str]:
    """The features of one event: rule ids on its trace and a few facts about it."""
    out = [f"rule:{r}" for r in dict.fromkeys(event.trace)]
    out.append(f"status:{event.type}:{event.status}")
    out.append(f"lang:{lang or '?'}")
    out.append(f"deciding:{event.rule}")
    out.append("source:named" if event.source else "source:none")
    if event.type == "transfer":
        out.append("designation:yes" if event.designation else "designation:no")
        out.append(f"item:{event.item}")
    words = len(event.evidence.split())
    out.append("sentence:short" if words <= 20 else "sentence:medium" if words <= 40 else "sentence:long")
    discourse = sum(1 for r in event.trace if r.startswith(("discourse.", "coref.")))
    out.append(f"filled:{min(discourse, 2)}")
    return out


@dataclass(slots=True)
class Model:
    """A logistic model over named features, with per-rule precision as the fallback."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    rule_precision: dict[str, float] = field(default_factory=dict)
    prior: float = 0.5
    meta: dict[str, object] = field(default_factory=dict)

    def predict(self, feats: Sequence[str], rule: str) -> float:
        known = [f for f in feats if f in self.weights]
        if not known:
            return self.rule_precision.get(rule, self.prior)
        z = self.bias + sum(self.weights[f] for f in known)
        return _sigmoid(z)

    def to_json(self) -> str:
        data = {
            "version": 1,
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) > 1e-6},
            "rule_precision": {k: round(v, 4) for k, v in sorted(self.rule_precision.items())},
            "prior": round(self.prior, 4),
            "meta": self.meta,
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model (``rules/confidence.json``); a neutral model when the file is missing."""
    try:
        raw = data_path(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return Model()
    data = json.loads(raw)
    return Model(data["weights"], data["bias"], data["rule_precision"], data["prior"], data.get("meta", {}))


_SCORED: dict[tuple[object, ...], float] = {}


def score(events: Iterable[Event], lang: str | None) -> None:
    """Set ``confidence`` on each event. The features repeat across events (trace, status, item, sentence
    length class), so the prediction is memoised on them."""
    m = model()
    for event in events:
        # The memo's key holds what the features are made of, not the features themselves: building
        # the feature strings for every event cost more than the rest of scoring (the trace ids are
        # shared strings, so the key hashes cheaply).
        words = word_count(event.evidence, 41)
        key = (
            event.rule,
            tuple(event.trace),
            event.type,
            event.status,
            lang,
            bool(event.source),
            bool(event.designation),
            event.item,
            0 if words <= 20 else 1 if words <= 40 else 2,
        )
        known = _SCORED.get(key)
        if known is None:
            if len(_SCORED) > 100_000:
                _SCORED.clear()
            known = _SCORED[key] = round(m.predict(features(event, lang), event.rule), 3)
        event.confidence = known


def word_count(text: str, most: int) -> int:
    """How many words ``str.split()`` finds in ``text``, counted up to ``most + 1``.

    Most evidence sentences hold no white space but single spaces between words: in a printable string
    (``str.isprintable`` is false for every character ``str.split`` takes as white space except the space
    itself) without a double, leading or trailing space, the words are the spaces plus one, counted
    without building a string per word (splitting each event's evidence was the larger part of scoring).
    """
    if text and text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return min(text.count(" ") + 1, most + 1)
    return len(text.split(None, most))


def combine(values: Iterable[float]) -> float:
    """The confidence of a record from its events' confidences in independent documents (noisy-or):
    each independent report that could be wrong on its own makes the claim more likely."""
    miss = 1.0
    for v in values:
        miss *= 1.0 - max(0.0, min(1.0, v))
    return round(1.0 - miss, 3)


# --------------------------------------------------------------------------- fitting


def fit_rule_precision(samples: Sequence[tuple[Sequence[str], str, int]], smoothing: float = 5.0) -> Model:
    """Per deciding rule: precision with ``smoothing`` pseudo-events at the overall precision."""
    prior = sum(y for _, _, y in samples) / len(samples) if samples else 0.5
    counts: dict[str, list[int]] = {}
    for _, rule, y in samples:
        c = counts.setdefault(rule, [0, 0])
        c[0] += y
        c[1] += 1
    precision = {r: (tp + smoothing * prior) / (n + smoothing) for r, (tp, n) in counts.items()}
    return Model({}, 0.0, precision, prior)


def fit_logistic(
    samples: Sequence[tuple[Sequence[str], str, int]],
    l2: float = 10.0,
    epochs: int = 300,
    rate: float = 0.5,
    min_count: int = 2,
) -> Model:
    """A logistic regression over the features (L2-regularised, full-batch gradient descent with
    AdaGrad steps); features seen fewer than ``min_count`` times are left out. The L2 weight is chosen by
    5-fold cross-validation over documents (10 since this round's rules: held-out log loss below the per-rule
    floor's, where 20 no longer was)."""
    base = fit_rule_precision(samples)
    seen: dict[str, int] = {}
    for feats, _, _ in samples:
        for f in set(feats):
            seen[f] = seen.get(f, 0) + 1
    names = sorted(f for f, n in seen.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    rows = [([index[f] for f in set(feats) if f in index], y) for feats, _, y in samples]
    w = [0.0] * len(names)
    bias = math.log(base.prior / (1 - base.prior)) if 0 < base.prior < 1 else 0.0
    g2 = [1e-8] * len(names)
    gb2 = 1e-8
    n = max(1, len(rows))
    for _ in range(epochs):
        grad = [0.0] * len(names)
        gb = 0.0
        for idx, y in rows:
            p = _sigmoid(bias + sum(w[i] for i in idx))
            d = p - y
            gb += d
            for i in idx:
                grad[i] += d
        for i in range(len(w)):
            gi = grad[i] / n + l2 * w[i] / n
            g2[i] += gi * gi
            w[i] -= rate * gi / math.sqrt(g2[i])
        gb /= n
        gb2 += gb * gb
        bias -= rate * gb / math.sqrt(gb2)
    return Model({f: w[i] for f, i in index.items()}, bias, base.rule_precision, base.prior)


def expected_calibration_error(pairs: Sequence[tuple[float, int]], bins: int = 10) -> float:
    """Mean |confidence − accuracy| over equal-width confidence bins, weighted by bin size."""
    if not pairs:
        return 0.0
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if members:
            conf = sum(p for p, _ in members) / len(members)
            acc = sum(y for _, y in members) / len(members)
            total += len(members) * abs(conf - acc)
    return total / len(pairs)
