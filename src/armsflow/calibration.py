"""Fitting and checking the confidence model on annotated corpora, by cross-validation over documents.

Every predicted event of a set is judged under the contract's strict match (true or false positive;
events matching optional gold are left out). Documents are split into folds; each fold's events are
scored by models fitted on the other folds only, so the figures say how the model does on documents
it never saw. ``scripts/calibrate.py`` prints them and writes the model fitted on all documents.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from armsflow.confidence import (
    Model,
    expected_calibration_error,
    features,
    fit_logistic,
    fit_rule_precision,
)
from armsflow.evaluate import AnnotatedDoc, judge

Sample = tuple[list[str], str, int]


@dataclass(slots=True)
class HeldOut:
    """Figures of one kind of model on held-out folds."""

    name: str
    ece: float
    brier: float
    log_loss: float
    precision_at_08: float | None
    share_at_08: float
    n: int

    def line(self) -> str:
        p = "—" if self.precision_at_08 is None else f"{self.precision_at_08:.3f}"
        return (
            f"{self.name:<16} ECE {self.ece:.3f}  Brier {self.brier:.3f}  log-loss {self.log_loss:.3f}  "
            f"precision at ≥0.8 {p} ({self.share_at_08:.0%} of {self.n} events)"
        )


def samples_by_doc(docs: Sequence[AnnotatedDoc]) -> dict[str, list[Sample]]:
    """Each document's judged events as (features, deciding rule, 1 if right) samples."""
    result = judge(docs)
    out: dict[str, list[Sample]] = {d.doc.id: [] for d in docs}
    for j in result.judged:
        if j.verdict in ("tp", "fp"):
            out[j.doc_id].append((features(j.event, j.lang), j.event.rule, 1 if j.verdict == "tp" else 0))
    return out


def _fold(doc_id: str, folds: int) -> int:
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def cross_validate(by_doc: dict[str, list[Sample]], folds: int = 5) -> list[HeldOut]:
    """Held-out figures of the prior, the per-rule precision floor and the logistic model."""
    fitters: dict[str, Callable[[list[Sample]], Model]] = {
        "prior": lambda s: Model(prior=fit_rule_precision(s).prior),
        "rule precision": fit_rule_precision,
        "logistic": fit_logistic,
    }
    pairs: dict[str, list[tuple[float, int]]] = {name: [] for name in fitters}
    for k in range(folds):
        train = [s for d, ss in by_doc.items() if _fold(d, folds) != k for s in ss]
        test = [s for d, ss in by_doc.items() if _fold(d, folds) == k for s in ss]
        if not train or not test:
            continue
        for name, fit in fitters.items():
            m = fit(train)
            pairs[name] += [(m.predict(f, r), y) for f, r, y in test]
    return [_figures(name, p) for name, p in pairs.items()]


def _figures(name: str, pairs: list[tuple[float, int]]) -> HeldOut:
    n = len(pairs)
    brier = sum((p - y) ** 2 for p, y in pairs) / n if n else 0.0
    eps = 1e-6
    loss = -sum(y * math.log(max(p, eps)) + (1 - y) * math.log(max(1 - p, eps)) for p, y in pairs) / n if n else 0.0
    high = [(p, y) for p, y in pairs if p >= 0.8]
    prec = sum(y for _, y in high) / len(high) if high else None
    return HeldOut(name, expected_calibration_error(pairs), brier, loss, prec, len(high) / n if n else 0.0, n)
