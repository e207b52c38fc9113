"""``armsflow batch``: extract a whole archive into Parquet (or JSON lines), locally or on Spark.

Exit codes: 0 the output is complete (bad records are in its rejects, they do not fail the run),
1 the run failed (Spark or the file system), 2 usage error (nothing is read or written).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from armsflow.batch import FORMATS, BatchError, Summary, check_output, input_format, is_uri
from armsflow.cli.helptext import examples, format_help

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="extract an archive into Parquet or JSON lines, locally or on Apache Spark",
        description="Extract a whole archive of documents into datasets of documents, events and rejects.",
        epilog=examples(
            "armsflow batch archive.jsonl out/                      # this machine, a process per core",
            "armsflow batch archive/ out/ --jobs 2 --format jsonl   # a folder of .jsonl or .parquet files",
            "armsflow batch hdfs:///news/ hdfs:///armsflow/run1 --engine spark --input-format parquet",
        ),
    )
    p.add_argument("input", metavar="INPUT", help="JSONL or Parquet documents: a file, a folder, or (Spark) a URI")
    p.add_argument("output", metavar="OUTPUT", help="folder (or, with Spark, URI) for documents/, events/, rejects/")
    p.add_argument("--engine", choices=("local", "spark"), default="local", help="local process pool or Spark")
    p.add_argument("--master", metavar="URL", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, metavar="N", help="Spark: repartition the input into N tasks")
    p.add_argument("--jobs", type=int, metavar="N", help="local: worker processes (default: all cores)")
    p.add_argument(
        "--format", choices=FORMATS, default="parquet", help=format_help(FORMATS, "parquet", each="a document")
    )
    p.add_argument(
        "--input-format",
        choices=("auto", "jsonl", "parquet"),
        default="auto",
        help="input format (default: from the name, or the files in the folder)",
    )
    p.add_argument("--lang", choices=("de", "en"), help="force the language instead of detecting it")


def run(args: argparse.Namespace) -> int:
    try:
        in_fmt = _check(args)
    except BatchError as err:
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = _run(args, in_fmt)
    except BatchError as err:  # found only once Spark looks at a URI
        print(f"armsflow: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ImportError as err:
        extra = "pyspark" if args.engine == "spark" else "pyarrow"
        print(f"armsflow: error: armsflow batch needs {extra} ({err}): pip install 'armsflow[spark]'", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("armsflow: interrupted; OUTPUT is as it was before this run", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:
        print(f"armsflow: error: {err.filename or args.output}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # noqa: BLE001 - Spark's errors (a lost cluster, a denied write): one line, no trace
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        print(f"armsflow: error: the Spark job failed: {first}", file=sys.stderr)
        return EXIT_FAILED
    print(f"armsflow: {summary.line()} → {args.output}", file=sys.stderr)
    if not summary.documents and not summary.rejects:
        print(f"armsflow: warning: {args.input} holds no records", file=sys.stderr)
    return EXIT_OK


def _check(args: argparse.Namespace) -> str:
    """The input format; a BatchError for any mistake in the command line."""
    spark = args.engine == "spark"
    if not spark and args.master:
        raise BatchError("--master is for --engine spark")
    if not spark and args.partitions is not None:
        raise BatchError("--partitions is for --engine spark (use --jobs for local worker processes)")
    if spark and args.jobs is not None:
        raise BatchError("--jobs is for --engine local (Spark's cores come from --master or spark-submit)")
    if args.partitions is not None and args.partitions < 1:
        raise BatchError(f"--partitions must be at least 1 (got {args.partitions})")
    if args.jobs is not None and args.jobs < 1:
        raise BatchError(f"--jobs must be at least 1 (got {args.jobs})")
    for name, spec in (("INPUT", args.input), ("OUTPUT", args.output)):
        if is_uri(spec) and not spark:
            raise BatchError(f"{name} {spec} is a URI: --engine local reads and writes local paths only")
    if not is_uri(args.input) and not Path(args.input).exists():
        raise BatchError(f"no such file or folder: {args.input}")
    if not is_uri(args.output):
        check_output(args.output)
        if Path(args.output).resolve() == Path(args.input).resolve():
            raise BatchError("OUTPUT must not be INPUT")
    return input_format(args.input, args.input_format)


def _run(args: argparse.Namespace, in_fmt: str) -> Summary:
    if args.engine == "local":
        import pyarrow  # noqa: F401 - say what is missing before any work starts

        from armsflow.batch import run_local

        jobs = args.jobs or os.cpu_count() or 1
        return run_local(args.input, args.output, in_fmt, args.format, jobs, args.lang, sys.stderr.isatty())
    from armsflow.batch_spark import run_spark, session

    spark = session(args.master)
    return run_spark(spark, args.input, args.output, in_fmt, args.format, args.partitions, args.lang)
