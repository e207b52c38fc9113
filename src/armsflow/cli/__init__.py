"""The ``armsflow`` command line: a thin shell over the library.

Exit codes: 0 every document processed (empty documents and documents in
an unsupported language are skipped with a warning), 1 some documents
failed, 2 usage error (unknown option, bad value, a PATH that does not
exist; nothing is read then). Problems with one document are reported on
standard error with the file (and line) they come from, and the other
documents are still processed. A summary line ends every run on standard
error: "N documents read, S skipped, F failed, E events found".
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NoReturn

from armsflow import __version__, native
from armsflow.bulk import collector_tuned
from armsflow.cli import (
    batch,
    completion,
    goods,
    helptext,
    knowledge,
    output,
    progress,
    review,
    rules,
    screen,
    serve,
    vocab,
)
from armsflow.cli import lists as lists_cli
from armsflow.eventjson import result_line
from armsflow.ingest.files import PART_CHARS, TEXT_SUFFIXES, DocumentPart, ReadProblem, iter_inputs
from armsflow.lexicons import VERSION as LEXICON_VERSION
from armsflow.lexicons import lexicons_loaded
from armsflow.model import Document, DocumentResult
from armsflow.pipeline import UnsupportedLanguage, extract_document
from armsflow.text.lang import detect_language
from armsflow.whole import Parts

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # every command's parser: epilogs of examples keep their lines
        kwargs.setdefault("formatter_class", helptext.HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # argparse exits 2 with usage: keep that, but be brief
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"armsflow: error: {message}\n")


class _Version(argparse.Action):
    """argparse's own version action wraps the line at the terminal width; this prints it whole."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"armsflow {__version__}, lexicons {LEXICON_VERSION}; {native.describe()}")
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="armsflow",
        description="Arms-transfer and sanction events from German and English news. "
        "'armsflow COMMAND --help' describes each command, with examples.",
        epilog=helptext.examples(
            "armsflow ingest --samples            # the bundled sample articles into the knowledge base",
            "armsflow transfers --actor Ukraine   # what was reported, merged into records",
            "armsflow serve                       # the web interface on http://127.0.0.1:8000/",
        ),
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help="show the version, the lexicon version and which code runs extraction, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ext = sub.add_parser(
        "extract",
        help="extract events from files, JSONL or standard input",
        description="Extract events from text files, folders, JSONL documents or standard input; nothing is stored.",
        epilog=helptext.examples(
            "armsflow extract article.txt news/             # one JSON line per document",
            "armsflow extract --format table --lang de - < artikel.txt",
            "armsflow extract --jobs 4 --min-confidence 0.8 archive.jsonl > events.jsonl",
        ),
    )
    ext.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=".txt/.md file, folder, .jsonl file of documents, or - for standard input",
    )
    _output_options(ext)
    ext.add_argument("--samples", action="store_true", help="also read the bundled sample articles")

    demo = sub.add_parser(
        "demo",
        help="extract the bundled sample articles and print a table",
        description="Extract the bundled sample articles (nothing is stored) and print their events.",
        epilog=helptext.examples(
            "armsflow demo                    # a table of the samples' events",
            "armsflow demo --format jsonl     # the same as JSON lines, one per article",
            "armsflow demo --min-confidence 0.9",
        ),
    )
    _output_options(demo, default_format="table")
    batch.add_parser(sub)
    goods.add_parser(sub)
    knowledge.add_parsers(sub)
    review.add_parser(sub)
    rules.add_parsers(sub)
    serve.add_parser(sub)
    screen.add_parser(sub)
    lists_cli.add_parsers(sub)
    vocab.add_parsers(sub)
    completion.add_parser(sub)
    return parser


def _output_options(p: argparse.ArgumentParser, default_format: str = "jsonl") -> None:
    formats = ("jsonl", "table", "json")
    p.add_argument(
        "--format",
        choices=formats,
        default=default_format,
        help=helptext.format_help(formats, default_format, old_json=True, each="a document"),
    )
    p.add_argument("--lang", choices=("de", "en"), help="force the language instead of detecting it")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument(
        "--min-confidence", type=float, default=None, metavar="C", help="only events with confidence ≥ C (0–1)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (usage errors give 2, they do not raise)."""
    try:
        return _main(argv)
    except SystemExit as stop:  # argparse: usage errors, --help, --version
        code = stop.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except BrokenPipeError:
        # The reader went away ("armsflow transfers | head"): stop quietly, without a traceback at exit.
        _silence_stdout()
        return EXIT_FAILED


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # io.UnsupportedOperation: stdout is not a real file
        pass


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command in knowledge.COMMANDS:
        return knowledge.run(args, str(sample_path()))
    if args.command == "serve":
        return serve.run(args)
    if args.command == "batch":
        return batch.run(args)
    if args.command == "goods":
        return goods.run(args)
    if args.command == "review":
        return review.run(args)
    if args.command in rules.COMMANDS:
        return rules.run(args)
    if args.command == "screen":
        return screen.run(args)
    if args.command in lists_cli.COMMANDS:
        return lists_cli.run(args)
    if args.command in vocab.COMMANDS:
        return vocab.run(args)
    if args.command == "completion":
        return completion.run(args)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    floor = args.min_confidence
    if floor is not None and not 0.0 <= floor <= 1.0:
        parser.error("--min-confidence must be between 0 and 1")
    paths: list[str] = list(getattr(args, "paths", []))
    # A path that does not exist is a mistake in the command line itself: stop before reading anything
    # (exit 2), rather than spend a long run on the other inputs and fail at the end.
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        parser.error("no such file or folder: " + ", ".join(missing))
    use_samples = args.command == "demo" or args.samples
    if not paths and not use_samples:
        if sys.stdin.isatty():
            parser.error("give at least one PATH (or - for standard input)")
        paths = ["-"]
    inputs: list[Iterable] = []
    if use_samples:
        inputs.append(iter_inputs([str(sample_path())]))
    if paths:
        inputs.append(iter_inputs(paths))
    try:
        with collector_tuned():
            # Everything built so far (modules, lexicons, the parser) lives as long as the process: moved
            # out of the collector's generations, the collections during the run do not walk it again.
            gc.freeze()
            fmt = helptext.json_lines(args.format, args.command)
            total = None
            if sys.stderr.isatty():  # the bar's total: counted before the run, when the inputs allow
                specs = [str(sample_path())] if use_samples else []
                total = progress.documents_in([*specs, *paths], TEXT_SUFFIXES | {".jsonl"})
            return run(_chain(inputs), fmt, args.lang, args.jobs, floor, total=total)
    except BrokenPipeError:
        # The reader went away (e.g. piped into head): stop quietly, without a traceback at exit.
        _silence_stdout()
        return EXIT_FAILED


def sample_path():
    return Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"


def _chain(iterables: list[Iterable]) -> Iterator:
    for it in iterables:
        yield from it


def _work(job: tuple[Document, int, str | None]) -> tuple[DocumentResult | None, str | None, bool]:
    doc, _offset, lang = job
    if lang:
        doc.lang = lang
    try:
        return extract_document(doc), None, False
    except UnsupportedLanguage as err:
        return None, str(err), True
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the run
        return None, f"extraction failed: {type(err).__name__}: {err}", False
    finally:
        _freeze_new_lexicons()


_frozen_lexicons = [0]  # lexicons already moved out of the collector's generations, in this process


def _freeze_new_lexicons() -> None:
    """Once a document has loaded a language's lexicon (on first use, after the run's ``gc.freeze``), move
    it out of the collector's generations too: every full collection of the run, and the one at exit,
    would walk its few hundred thousand objects again. (Whatever else is alive at that moment is frozen
    with it; it is still freed by reference counting, only a reference cycle in it would stay: at most
    one document's worth, once per language.)"""
    loaded = lexicons_loaded()
    if loaded != _frozen_lexicons[0]:
        _frozen_lexicons[0] = loaded
        gc.freeze()


def run(
    inputs: Iterator,
    fmt: str,
    lang: str | None,
    jobs: int,
    min_confidence: float | None = None,
    total: int | None = None,
) -> int:
    """Extract every input, write the results, report problems; returns the exit code.

    A large text comes as parts: they share one language (forced, else detected
    on the first part that shows one), their events are merged into one result
    with offsets in the whole text, and the document counts once. If a part
    fails, the events of the other parts are still written but the document
    counts as failed. ``total``: the documents the inputs hold, if known (the progress bar's total).
    """
    read = skipped = failed = events = 0
    printer = _TablePrinter() if fmt == "table" else None
    part_lang: str | None = None

    def jobs_iter() -> Iterator[tuple[object, tuple[Document, int, str | None] | None]]:
        nonlocal part_lang
        for thing in inputs:
            if isinstance(thing, ReadProblem):
                yield thing, None
            elif isinstance(thing, DocumentPart):
                if thing.first:
                    part_lang = None
                if not lang and part_lang is None:  # a JSONL document's own "lang" holds for all its parts
                    part_lang = thing.doc.lang or detect_language(thing.doc.text)
                yield thing, (thing.doc, thing.offset, lang or part_lang)
            else:
                yield thing, (thing, 0, lang)

    pool = None
    stream = jobs_iter()
    if jobs > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(jobs)
        results = _parallel(pool, stream, jobs)
    else:
        results = ((thing, _work(job) if job else None) for thing, job in stream)
    parts: Parts | None = None
    try:
        for thing, outcome in _with_progress(results, total):
            if isinstance(thing, ReadProblem):
                label = "warning" if thing.skipped else "error"
                print(f"armsflow: {label}: {thing.where}: {thing.message}", file=sys.stderr)
                if thing.skipped:
                    skipped += 1
                else:
                    failed += 1
                continue
            result, problem, was_skipped = outcome
            if isinstance(thing, DocumentPart):
                doc = thing.doc
                if thing.first or parts is None:
                    parts = Parts(doc.id)
                if result is not None:
                    parts.add(result, thing.offset)
                elif was_skipped:
                    parts.skipped += 1
                    parts.skip_reason = problem or ""
                else:
                    parts.failed += 1
                    print(
                        f"armsflow: error: {doc.id}: characters {thing.offset}-{thing.offset + len(doc.text)}: "
                        f"{problem}",
                        file=sys.stderr,
                    )
                if not thing.last:
                    continue
                merged, parts = parts, None
                if merged.done == 0 and merged.failed == 0:
                    print(f"armsflow: warning: {doc.id}: {merged.skip_reason} (skipped)", file=sys.stderr)
                    skipped += 1
                    continue
                if merged.skipped:
                    total = merged.done + merged.skipped + merged.failed
                    print(
                        f"armsflow: warning: {doc.id}: {merged.skipped} of {total} parts skipped: {merged.skip_reason}",
                        file=sys.stderr,
                    )
                result = DocumentResult(doc.id, merged.lang, merged.events)
                ok = merged.failed == 0
            elif problem:
                print(
                    f"armsflow: {'warning' if was_skipped else 'error'}: {thing.id}: {problem}"
                    f"{' (skipped)' if was_skipped else ''}",
                    file=sys.stderr,
                )
                if was_skipped:
                    skipped += 1
                else:
                    failed += 1
                continue
            else:
                ok = True
            assert result is not None
            if min_confidence is not None:
                result.events = [e for e in result.events if (e.confidence or 0.0) >= min_confidence]
            if ok:
                read += 1
            else:
                failed += 1
            events += len(result.events)
            if printer:
                printer.add(result)
            else:
                sys.stdout.write(result_line(result) + "\n")
    except KeyboardInterrupt:
        print("armsflow: interrupted", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if pool is not None:
            pool.terminate()
    if printer:
        printer.flush()
    sys.stdout.flush()
    print(
        f"armsflow: {read} documents read, {skipped} skipped, {failed} failed, {events} events found", file=sys.stderr
    )
    return EXIT_FAILED if failed else EXIT_OK


def _with_progress(results: Iterator, total: int | None = None) -> Iterator:
    """The results, with a progress bar (documents done, their rate; with a total, percentage and time
    left) when standard error is a terminal.

    Long runs over folders or large JSONL files give no other sign of life until the end; a pipe or
    a log file gets nothing but the final summary line. A document read in parts counts once, when
    its last part is done.
    """
    if not sys.stderr.isatty():
        yield from results
        return
    with progress.bar(total, mininterval=0.5) as shown:
        done = 0
        for item in results:
            yield item
            if not isinstance(item[0], DocumentPart) or item[0].last:
                done += 1
                progress.advance_to(shown, done)


def _parallel(pool, stream, jobs: int):
    """Ordered parallel map over a sliding window, so memory stays bounded and read problems pass in order.

    (``Pool.imap`` would read the whole input ahead; ``map`` on batches would wait for each batch's slowest.)
    """
    window: deque = deque()
    max_tasks, max_chars = 32 * jobs, 2 * jobs * PART_CHARS
    chars = 0
    for thing, job in stream:
        size = len(job[0].text) if job else 0
        window.append((thing, pool.apply_async(_work, (job,)) if job else None, size))
        chars += size
        while window and (len(window) > max_tasks or chars > max_chars):
            thing0, handle, size0 = window.popleft()
            chars -= size0
            yield thing0, (handle.get() if handle is not None else None)
    while window:
        thing0, handle, _ = window.popleft()
        yield thing0, (handle.get() if handle is not None else None)


class _TablePrinter:
    """A readable table: one line per event, grouped by document (fitted to the terminal by cli.output)."""

    COLUMNS = ("document", "actors", "item", "status", "designation", "source", "evidence")

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, result: DocumentResult) -> None:
        for e in result.events:
            if e.type == "transfer":
                who = f"{e.supplier or '?'} → {e.recipient or '?'}"
                what = e.item or ""
            else:
                who = f"{e.imposer or '?'} ⊣ {e.target or '?'}"
                what = "sanction"
            extra = e.designation or ""
            if e.quantity is not None:
                extra = f"{extra} ×{e.quantity}".strip()
            values = (result.id, who, what, e.status, extra, e.source or "", _short(e.evidence, 70))
            self.rows.append(dict(zip(self.COLUMNS, values, strict=True)))

    def flush(self) -> None:
        output.table(self.rows, self.COLUMNS)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
