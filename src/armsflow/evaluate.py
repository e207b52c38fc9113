"""Annotated corpora in the contract's format: extraction, strict matching, figures per rule.

A set is a folder of ``NAME.docs.jsonl`` / ``NAME.gold.jsonl`` pairs, as the evaluation contract
defines them. Matching follows the contract's scorer: an event's strict key is (type, supplier,
recipient, item, status) or (type, imposer, target, status); one event per key and document; an
event whose evidence is not in its document is a false positive; gold events marked optional
cost nothing when missed and count for nothing when found. ``armsflow rules stats`` and the
confidence calibration both read a set through this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armsflow.model import Document, Event
from armsflow.pipeline import extract_document

KEYS = {"transfer": ("supplier", "recipient", "item", "status"), "sanction": ("imposer", "target", "status")}


class SetError(ValueError):
    """An annotated set that cannot be read: a clear message, not a traceback."""


@dataclass(slots=True)
class AnnotatedDoc:
    doc: Document
    gold: list[dict[str, Any]]


@dataclass(slots=True)
class Judged:
    """One predicted event with its verdict: "tp", "fp", "optional" (neither) or "duplicate"."""

    doc_id: str
    lang: str
    event: Event
    verdict: str


@dataclass(slots=True)
class SetResult:
    judged: list[Judged] = field(default_factory=list)
    missed: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # (doc id, language, gold key)

    def counts(self, lang: str | None = None) -> tuple[int, int, int]:
        tp = sum(1 for j in self.judged if j.verdict == "tp" and (lang is None or j.lang == lang))
        fp = sum(1 for j in self.judged if j.verdict == "fp" and (lang is None or j.lang == lang))
        fn = sum(1 for _, lg, _ in self.missed if lang is None or lg == lang)
        return tp, fp, fn

    def prf(self, lang: str | None = None) -> tuple[float, float, float]:
        tp, fp, fn = self.counts(lang)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def key_of(event: dict[str, Any] | Event) -> tuple[str, ...] | None:
    data = event if isinstance(event, dict) else event.to_dict()
    etype = data.get("type")
    if etype not in KEYS:
        return None
    values = tuple(data.get(f) for f in KEYS[etype])
    if any(not isinstance(v, str) or not v for v in values):
        return None
    return (etype, *values)  # type: ignore[arg-type]


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise SetError(f"cannot read {path}: {err.strerror or err}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as err:
            raise SetError(f"{path}:{number}: not JSON ({err.msg})") from None


def load_set(folder: str | Path) -> list[AnnotatedDoc]:
    """Documents and gold of every ``*docs.jsonl``/``*gold.jsonl`` pair in a folder."""
    root = Path(folder)
    if not root.is_dir():
        raise SetError(f"{folder}: not a folder (an annotated set is a folder of *docs.jsonl/*gold.jsonl pairs)")
    pairs = sorted(root.glob("*docs.jsonl"))
    if not pairs:
        raise SetError(f"{folder}: no *docs.jsonl file")
    out: list[AnnotatedDoc] = []
    for docs_path in pairs:
        gold_path = docs_path.with_name(docs_path.name[: -len("docs.jsonl")] + "gold.jsonl")
        if not gold_path.exists():
            raise SetError(f"{docs_path}: no gold file {gold_path.name} beside it")
        gold = {row["id"]: row.get("events", []) for row in _read_jsonl(gold_path)}
        for row in _read_jsonl(docs_path):
            if row.get("id") not in gold:
                raise SetError(f"{docs_path}: document {row.get('id')!r} has no line in {gold_path.name}")
            doc = Document(
                id=row["id"], text=row.get("text") or "", lang=row.get("lang"), date=row.get("date"),
                title=row.get("title"),
            )  # fmt: skip
            out.append(AnnotatedDoc(doc, gold[row["id"]]))
    return out


def judge(docs: Iterable[AnnotatedDoc], predictions: dict[str, list[Event]] | None = None) -> SetResult:
    """Extract each document (or take the given predictions) and judge every event against the gold."""
    result = SetResult()
    for item in docs:
        events = predictions[item.doc.id] if predictions is not None else extract_document(item.doc).events
        _judge_doc(item, events, item.doc.lang or "?", result)
    return result


def _judge_doc(item: AnnotatedDoc, events: list[Event], lang: str, result: SetResult) -> None:
    text = _ws(item.doc.text)
    need = {key_of(e): e for e in item.gold if not e.get("optional")}
    maybe = {key_of(e) for e in item.gold if e.get("optional")} - set(need)
    seen: set[tuple[str, ...]] = set()
    for event in events:
        key = key_of(event)
        if key is None or not event.evidence.strip() or _ws(event.evidence) not in text:
            result.judged.append(Judged(item.doc.id, lang, event, "fp"))
            continue
        if key in seen:
            result.judged.append(Judged(item.doc.id, lang, event, "duplicate"))
            continue
        seen.add(key)
        verdict = "tp" if key in need else "optional" if key in maybe else "fp"
        result.judged.append(Judged(item.doc.id, lang, event, verdict))
    for key in need:
        if key is not None and key not in seen:
            result.missed.append((item.doc.id, lang, key))


# --------------------------------------------------------------------------- per-rule figures


@dataclass(slots=True)
class RuleFigures:
    rule: str
    events: int = 0
    tp: int = 0
    fp: int = 0
    optional: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None


def rule_figures(result: SetResult) -> dict[str, RuleFigures]:
    """Per rule: the events whose trace holds it, and how many were right or wrong (strict)."""
    figures: dict[str, RuleFigures] = {}
    for j in result.judged:
        if j.verdict == "duplicate":
            continue
        for rid in dict.fromkeys(j.event.trace):
            f = figures.setdefault(rid, RuleFigures(rid))
            f.events += 1
            if j.verdict == "tp":
                f.tp += 1
            elif j.verdict == "fp":
                f.fp += 1
            else:
                f.optional += 1
    return figures
