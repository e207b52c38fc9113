"""Why an event exists: the analysis of every sentence, and the rules that fired and rejected.

``armsflow explain "TEXT"`` prints, per sentence, the tokens with their lemmas, the clauses, the
mentions (actors, goods, cues), the source, the frames with their traces, the events the sentence
states with the rules behind them, and the candidates that rules rejected. It runs the same
pipeline as extraction (an observer sees each sentence), so what it shows is what extraction did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from armsflow.frame import EXPLAIN, Frame
from armsflow.grammar import analyse
from armsflow.mentions import Mentions
from armsflow.model import Document, DocumentResult, Event
from armsflow.pipeline import extract_document
from armsflow.rules import catalogue
from armsflow.text.lang import detect_language
from armsflow.text.segment import Sentence


@dataclass(slots=True)
class SentenceReport:
    """What the pipeline saw and decided in one sentence."""

    index: int
    text: str
    start: int
    tokens: list[tuple[str, str]]
    clauses: list[str]
    actors: list[dict[str, Any]]
    goods: list[dict[str, Any]]
    cues: list[dict[str, Any]]
    source: str | None
    source_rule: str
    frames: list[dict[str, Any]]
    events: list[Event] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "tokens": [{"text": t, "lemma": lemma} for t, lemma in self.tokens],
            "clauses": self.clauses,
            "actors": self.actors,
            "goods": self.goods,
            "cues": self.cues,
            "source": self.source,
            "source_rule": self.source_rule or None,
            "frames": self.frames,
            "events": [e.to_dict() for e in self.events],
            "rejected": [{"rule": r, "what": w} for r, w in self.rejected],
        }


def explain(doc: Document) -> tuple[DocumentResult, list[SentenceReport]]:
    """Extract ``doc`` and report every sentence's analysis."""
    reports: list[SentenceReport] = []
    lang = doc.lang or detect_language(doc.text) or ""
    doc = Document(doc.id, doc.text, lang or None, doc.date, doc.title, doc.url, doc.publisher)

    def observe(
        index: int, sentence: Sentence, mentions: Mentions, frames: list[Frame], source: str | None, rule: str
    ) -> None:
        rejected = list(EXPLAIN.rejected)
        EXPLAIN.rejected.clear()
        reports.append(_report(index, sentence, mentions, frames, source, rule, rejected, lang))

    EXPLAIN.active = True
    EXPLAIN.rejected.clear()
    try:
        result = extract_document(doc, observer=observe)
    finally:
        EXPLAIN.active = False
        EXPLAIN.rejected.clear()
    for report in reports:
        report.events = [e for e in result.events if e.start == report.start]
    return result, reports


def _report(
    index: int,
    sentence: Sentence,
    mentions: Mentions,
    frames: list[Frame],
    source: str | None,
    source_rule: str,
    rejected: list[tuple[str, str]],
    lang: str,
) -> SentenceReport:
    tokens = sentence.tokens
    grammar = analyse(tokens, mentions, lang)
    clauses = [" ".join(t.text for t in tokens[s:e]) for s, e in grammar.clauses]
    actors = [
        {"text": a.text, "id": a.id, "kind": a.kind, "prep": a.prep, "article": a.article, "genitive": a.genitive}
        for a in mentions.actors
    ]
    goods = [
        {
            "text": it.text or " ".join(t.text for t in tokens[it.start : it.end]),
            "category": it.category,
            "designation": it.designation,
            "quantity": it.quantity,
            "origin": it.origin,
            "producer": it.producer,
        }
        for it in mentions.items
    ]
    cues = [
        {"text": " ".join(t.text for t in tokens[c.start : c.end]), "lemma": c.lemma, "kinds": sorted(c.kinds)}
        for c in mentions.cues
    ]
    framed = [_frame(f, tokens) for f in frames]
    return SentenceReport(
        index,
        sentence.text,
        sentence.start,
        [(t.text, t.lemma) for t in tokens],
        clauses,
        actors,
        goods,
        cues,
        source,
        source_rule,
        framed,
        rejected=rejected,
    )


def _frame(frame: Frame, tokens: list) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": frame.kind,
        "trigger": " ".join(t.text for t in tokens[frame.trigger.start : frame.trigger.end]),
        "trigger_kind": frame.trigger_kind,
        "clause": frame.clause,
        "modifiers": sorted(frame.modifiers),
        "passive": frame.passive,
        "trace": list(frame.trace),
    }
    if frame.kind == "transfer":
        out["goods"] = [it.text or it.category for it in frame.items]
        out["suppliers"] = list(frame.suppliers)
        out["recipients"] = list(frame.recipients)
    else:
        out["imposers"] = list(frame.imposers)
        out["targets"] = list(frame.targets)
    return out


# --------------------------------------------------------------------------- text output


def render(result: DocumentResult, reports: list[SentenceReport], rules_shown: bool = True) -> str:
    """A plain-text account, sentence by sentence."""
    described = catalogue()
    lines: list[str] = [f"language: {result.lang}, {len(reports)} sentences, {len(result.events)} events"]
    for r in reports:
        lines.append("")
        lines.append(f"sentence {r.index + 1}: {r.text}")
        lines.append("  tokens:  " + " ".join(t if t.lower() == lemma else f"{t}/{lemma}" for t, lemma in r.tokens))
        if len(r.clauses) > 1:
            lines.append("  clauses: " + " | ".join(f"[{i}] {c}" for i, c in enumerate(r.clauses)))
        if r.actors:
            lines.append("  actors:  " + " · ".join(_actor(a) for a in r.actors))
        if r.goods:
            lines.append("  goods:   " + " · ".join(_good(g) for g in r.goods))
        if r.cues:
            lines.append("  cues:    " + " · ".join(f"{c['text']} ({', '.join(c['kinds'])})" for c in r.cues))
        if r.source:
            lines.append(f"  source:  {r.source} ({r.source_rule})")
        for i, f in enumerate(r.frames, start=1):
            lines.append(f"  frame {i}: {_frame_line(f)}")
            lines.append("    trace: " + " → ".join(f["trace"]))
        for e in r.events:
            lines.append(f"  event:   {_event_line(e)}")
            lines.append(f"    rule:  {e.rule}")
            if rules_shown:
                for rid in dict.fromkeys(e.trace):
                    rule = described.get(rid)
                    lines.append(f"      {rid}: {rule.description if rule else '(not in the catalogue)'}")
        for rid, what in r.rejected:
            rule = described.get(rid)
            lines.append(f"  rejected by {rid}: {what}" + (f" ({rule.description})" if rule else ""))
    return "\n".join(lines)


def _actor(a: dict[str, Any]) -> str:
    marks = [a["kind"]]
    if a["prep"]:
        marks.append(a["prep"])
    if a["article"]:
        marks.append(a["article"])
    if a["genitive"]:
        marks.append("genitive")
    return f"{a['text']} → {a['id']} ({', '.join(marks)})"


def _good(g: dict[str, Any]) -> str:
    extra = [x for x in (g["designation"], f"×{g['quantity']}" if g["quantity"] else None) if x]
    origin = f", from {g['origin']}" if g["origin"] else ""
    return f"{g['text']} → {g['category'] or '?'}" + (f" ({', '.join(extra)})" if extra else "") + origin


def _frame_line(f: dict[str, Any]) -> str:
    mods = f" [{', '.join(f['modifiers'])}]" if f["modifiers"] else ""
    voice = " passive" if f["passive"] else ""
    if f["kind"] == "transfer":
        parties = f"{','.join(f['suppliers']) or '?'} → {','.join(f['recipients']) or '?'}"
        return f"transfer '{f['trigger']}' ({f['trigger_kind']}{voice}){mods}: {parties}, goods {f['goods']}"
    parties = f"{','.join(f['imposers']) or '?'} ⊣ {','.join(f['targets']) or '?'}"
    return f"measure '{f['trigger']}' ({f['trigger_kind']}){mods}: {parties}"


def _event_line(e: Event) -> str:
    conf = f", confidence {e.confidence:.2f}" if e.confidence is not None else ""
    src = f", source {e.source}" if e.source else ""
    if e.type == "transfer":
        what = (e.item or "") + (f" {e.designation}" if e.designation else "")
        what += f" ×{e.quantity}" if e.quantity else ""
        return f"{e.supplier} → {e.recipient} {what}: {e.status}{src}{conf}"
    return f"sanction {e.imposer} ⊣ {e.target}: {e.status}{src}{conf}"
