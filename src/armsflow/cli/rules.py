"""``armsflow explain`` and ``armsflow rules``: why events exist, and what each rule is worth.

- ``explain "TEXT"`` (or ``--doc ID`` for a stored document, ``-`` for standard input) prints each
  sentence's analysis and the rules behind every event; ``--format json`` gives the same as data.
- ``rules`` lists every rule with its language, stage, description and number of examples.
- ``rules stats --set DIR`` runs an annotated corpus and prints, per rule, the events it took part
  in and how many were right and wrong under the contract's strict match, and the rules that never
  fired.
- ``rules check`` validates rules, word lists and cue kinds against each other and the code.
- ``rules docs`` writes the rules reference (``docs/rules.md``), which a test keeps in sync.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from armsflow.cli import helptext
from armsflow.cli.helptext import examples

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("explain", "rules")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "explain",
        help="show how a text is read, sentence by sentence, and the rules behind each event",
        description="Show how armsflow reads a text: tokens and lemmas, clauses, mentions, frames, "
        "the events with the rules that fired, and the candidates rules rejected.",
        epilog=examples(
            'armsflow explain "Der Iran hat Russland Drohnen geliefert, sagte Kirby."',
            "armsflow explain --lang en - < article.txt       # standard input",
            "armsflow explain --doc 3f2a91c0 --format json    # a stored document, as data",
        ),
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="the text to explain (- reads standard input)")
    p.add_argument("--lang", choices=("de", "en"), help="the text's language (detected when not given)")
    p.add_argument("--doc", metavar="ID", help="explain a document stored in the knowledge base instead")
    p.add_argument("--db", metavar="PATH|URL", help="knowledge base for --doc (default: $ARMSFLOW_DB or the default)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=helptext.format_help(("text", "json"), "text")
    )
    p.add_argument("--brief", action="store_true", help="list rule ids only, without their descriptions")

    p = sub.add_parser(
        "rules",
        help="list the extraction rules; per-rule figures on an annotated corpus; consistency checks",
        description="The named rules of the extractor (rules/catalogue.tsv, rules/status.tsv).",
        epilog=examples(
            "armsflow rules --lang de --stage role          # id, language, stage, examples, description",
            "armsflow rules stats --set ../shared/eval/dev  # per rule: events, right and wrong, never fired",
            "armsflow rules check                           # rules, word lists and code agree",
        ),
    )
    p.add_argument("action", nargs="?", choices=("list", "stats", "check", "examples", "docs"), default="list")
    p.add_argument("files", nargs="*", metavar="FILE", help="for examples: example files to run (default: all)")
    p.add_argument("--set", dest="sets", action="append", metavar="DIR", help="annotated set folder (for stats)")
    p.add_argument("--lang", choices=("de", "en", "*"), help="only rules of this language")
    p.add_argument("--stage", help="only rules of this stage (trigger, item, role, status, …)")
    p.add_argument(
        "--format",
        choices=("table", "jsonl", "json"),
        default="table",
        help="table (default): a table fitted to the terminal (list, stats); jsonl: one JSON object per line, "
        "a rule each (list); json: one JSON document (stats), for list the old name of jsonl (deprecated)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="for docs: where to write (default docs/rules.md)")


def run(args: argparse.Namespace) -> int:
    if args.command == "explain":
        return _explain(args)
    action = args.action
    if action == "check":
        return _check()
    if action == "stats":
        return _stats(args)
    if action == "docs":
        return _docs(args)
    if action == "examples":
        return _examples(args)
    return _list(args)


# --------------------------------------------------------------------------- explain


def _explain(args: argparse.Namespace) -> int:
    from armsflow.explain import explain, render
    from armsflow.model import Document
    from armsflow.pipeline import UnsupportedLanguage

    if args.doc:
        doc = _stored(args.doc, args.db)
        if doc is None:
            return EXIT_FAILED
    else:
        if args.text is None:
            print("armsflow: error: give a TEXT to explain (or - for standard input, or --doc ID)", file=sys.stderr)
            return EXIT_USAGE
        text = sys.stdin.read() if args.text == "-" else args.text
        if not text.strip():
            print("armsflow: error: the text is empty", file=sys.stderr)
            return EXIT_USAGE
        doc = Document(id="explain", text=text, lang=args.lang)
    try:
        result, reports = explain(doc)
    except UnsupportedLanguage as err:
        print(f"armsflow: error: {err}; give --lang de or --lang en if the detection is wrong", file=sys.stderr)
        return EXIT_FAILED
    if args.format == "json":
        print(json.dumps({"id": result.id, "lang": result.lang, "sentences": [r.to_dict() for r in reports]},
                         ensure_ascii=False, indent=1))  # fmt: skip
    else:
        print(render(result, reports, rules_shown=not args.brief))
    return EXIT_OK


def _stored(doc_id: str, db: str | None):
    from armsflow.model import Document
    from armsflow.query import document
    from armsflow.store import Store, StoreError, default_location

    try:
        with Store(db or default_location()) as store:
            found = document(store, doc_id)
    except StoreError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return None
    if found is None:
        print(f"armsflow: error: no document {doc_id!r} in the knowledge base", file=sys.stderr)
        return None
    return Document(id=str(found["id"]), text=found["text"], lang=found.get("lang"), title=found.get("title"))


# --------------------------------------------------------------------------- rules


def _selected(args: argparse.Namespace):
    from armsflow.rules import catalogue

    rules = list(catalogue().values())
    if args.lang:
        rules = [r for r in rules if r.lang == args.lang or args.lang != "*" and r.lang == "*"]
    if args.stage:
        rules = [r for r in rules if r.stage == args.stage]
    return rules


def _list(args: argparse.Namespace) -> int:
    rules = _selected(args)
    if helptext.json_lines(args.format, "rules") == "jsonl":
        for r in rules:
            print(json.dumps({"id": r.id, "lang": r.lang, "stage": r.stage, "description": r.description,
                              "examples": len(r.examples)}, ensure_ascii=False))  # fmt: skip
        return EXIT_OK
    from armsflow.cli.output import table

    rows = [{"rule": r.id, "lang": r.lang, "stage": r.stage, "ex": len(r.examples), "description": r.description}
            for r in rules]  # fmt: skip
    table(rows, ("rule", "lang", "stage", "ex", "description"))
    print(f"({len(rules)} rules)", file=sys.stderr)
    return EXIT_OK


def _check() -> int:
    from armsflow.rules.check import problems

    found = problems()
    for line in found:
        print(line)
    if found:
        print(f"armsflow: {len(found)} problems", file=sys.stderr)
        return EXIT_FAILED
    print("armsflow: rules, word lists, cue kinds and examples are consistent", file=sys.stderr)
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from armsflow.evaluate import SetError, judge, load_set, rule_figures
    from armsflow.rules import catalogue

    if not args.sets:
        print("armsflow: error: rules stats needs --set DIR (an annotated corpus folder)", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "jsonl":  # the figures are one document, not a list of lines
        print("armsflow: error: rules stats writes one JSON document: --format json", file=sys.stderr)
        return EXIT_USAGE
    try:
        docs = [d for folder in args.sets for d in load_set(folder)]
    except SetError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    result = judge(docs)
    figures = rule_figures(result)
    rules = {r.id: r for r in _selected(args)}
    shown = sorted((f for f in figures.values() if f.rule in rules), key=lambda f: (-f.events, f.rule))
    never = sorted(set(rules) - set(figures))
    p, r, f1 = result.prf()
    if args.format == "json":
        print(json.dumps({
            "documents": len(docs), "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "rules": [{"rule": x.rule, "events": x.events, "tp": x.tp, "fp": x.fp, "optional": x.optional,
                       "precision": None if x.precision is None else round(x.precision, 4)} for x in shown],
            "never_fired": never,
        }, ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    described = catalogue()
    width = max((len(x.rule) for x in shown), default=10)
    print(f"{len(docs)} documents; strict P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(f"{'rule':<{width}}  events    tp    fp   opt  precision")
    for x in shown:
        prec = "" if x.precision is None else f"{x.precision:.2f}"
        print(f"{x.rule:<{width}}  {x.events:>6} {x.tp:>5} {x.fp:>5} {x.optional:>5}  {prec:>9}")
    print(f"\nnever fired ({len(never)}):")
    for rid in never:
        print(f"  {rid}: {described[rid].description}")
    return EXIT_OK


def _examples(args: argparse.Namespace) -> int:
    from armsflow.rules import all_examples
    from armsflow.rules.verify import check_example

    if args.files:
        examples = []
        for name in args.files:
            lang = Path(name).parent.name if Path(name).parent.name in ("de", "en") else None
            try:
                lines = Path(name).read_text(encoding="utf-8").splitlines()
            except OSError as err:
                print(f"armsflow: error: cannot read {name}: {err.strerror or err}", file=sys.stderr)
                return EXIT_USAGE
            for n, line in enumerate(lines, start=1):
                if line.strip() and not line.startswith("#"):
                    try:
                        ex = json.loads(line)
                    except json.JSONDecodeError as err:
                        print(f"armsflow: error: {name}:{n}: not JSON ({err.msg})", file=sys.stderr)
                        return EXIT_USAGE
                    ex.setdefault("lang", lang)
                    ex["where"] = f"{name}:{n}"
                    examples.append(ex)
    else:
        examples = all_examples()
    failed = 0
    for ex in examples:
        if args.stage and not ex["rule"].startswith(args.stage):
            continue
        problem = check_example(ex)
        if problem:
            failed += 1
            print(f"{ex['where']}: {problem}\n    {ex['text']}")
    print(f"armsflow: {len(examples) - failed} of {len(examples)} examples hold", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _docs(args: argparse.Namespace) -> int:
    from armsflow.rules.reference import reference

    target = Path(args.output or "docs/rules.md")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(reference(), encoding="utf-8")
    except OSError as err:
        print(f"armsflow: error: cannot write {target}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    print(f"armsflow: wrote {target}", file=sys.stderr)
    return EXIT_OK
