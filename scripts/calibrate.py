"""Fit the confidence model on annotated corpora and report its held-out calibration.

    .venv/bin/python scripts/calibrate.py --set ../shared/eval/dev --set ../shared/eval/styles \
        --set ../shared/eval/probes [--folds 5] [--write src/armsflow/rules/confidence.json]

Prints, for the prior alone, the per-rule precision floor and the logistic model, the expected
calibration error, Brier score, log-loss and precision at confidence ≥ 0.8 on held-out folds of
documents; with --write, saves the logistic model fitted on all documents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from armsflow.calibration import cross_validate, samples_by_doc
from armsflow.confidence import fit_logistic
from armsflow.evaluate import SetError, load_set


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", required=True, metavar="DIR")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", metavar="FILE", help="write the model fitted on all documents here")
    args = parser.parse_args()
    try:
        docs = [d for folder in args.sets for d in load_set(folder)]
    except SetError as err:
        print(f"calibrate: {err}", file=sys.stderr)
        return 2
    by_doc = samples_by_doc(docs)
    n = sum(len(s) for s in by_doc.values())
    print(f"{len(docs)} documents, {n} judged events; {args.folds}-fold cross-validation over documents")
    figures = cross_validate(by_doc, args.folds)
    for f in figures:
        print(f.line())
    if args.write:
        model = fit_logistic([s for ss in by_doc.values() for s in ss])
        logistic = next(f for f in figures if f.name == "logistic")
        model.meta = {
            "sets": [Path(s).name for s in args.sets],
            "documents": len(docs),
            "events": n,
            "held_out_ece": round(logistic.ece, 4),
            "held_out_precision_at_0.8": None
            if logistic.precision_at_08 is None
            else round(logistic.precision_at_08, 4),
        }
        Path(args.write).write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
