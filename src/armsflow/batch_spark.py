"""``armsflow batch --engine spark``: the batch on a Spark cluster (or Spark's local mode).

The driver only plans: it reads the input as a DataFrame, hands each partition's records to
:func:`armsflow.batch.process_batches` in the executors (``mapInArrow``: Arrow batches, no
per-row conversion), and writes the three datasets with Spark's writers. Corpus data never
reaches the driver; what it collects are counts, and for JSON lines one row per input block
(to number the lines as ``armsflow extract`` does). Each executor's Python worker imports
armsflow once and keeps its lexicons for every later batch (Spark reuses its Python workers).

pyspark is imported here only, and only when a Spark batch runs.
"""

from __future__ import annotations

import json
import os
import sys
from functools import partial
from typing import Any

from armsflow.batch import (
    DOCUMENT_FIELDS,
    MANIFEST,
    BatchError,
    Summary,
    document_fields,
    event_fields,
    outcome_schema,
    process_batches,
    reject_fields,
)

JSONL_GLOB = "*.{jsonl,JSONL,ndjson,json,jsonl.gz}"
PARQUET_GLOB = "*.parquet"
# Records per Arrow batch sent to a Python worker: Spark's default (10,000) of long articles can be a
# gigabyte in one worker; a few hundred keep the worker small and cost nothing measurable.
ARROW_BATCH = "spark.sql.execution.arrow.maxRecordsPerBatch"
ARROW_BATCH_RECORDS = 256


def session(master: str | None, conf: dict[str, str] | None = None) -> Any:
    """The active SparkSession (spark-submit's), else a new one on ``master`` (default ``local[*]``)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("armsflow batch")
    if master:
        builder = builder.master(master)
    launched = "PYSPARK_GATEWAY_PORT" in os.environ  # under spark-submit, its configuration decides
    if not launched and (master or "local").startswith("local"):
        # local mode: the workers must run this Python (which has armsflow), and need no network
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def run_spark(
    spark: Any, spec: str, output: str, in_fmt: str, out_fmt: str, partitions: int | None, lang: str | None = None
) -> Summary:
    """Extract INPUT into OUTPUT on ``spark``; returns the counts (aggregated in the executors)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    if not spark.sparkContext.getConf().contains(ARROW_BATCH):  # unless spark-submit's --conf says otherwise
        spark.conf.set(ARROW_BATCH, str(ARROW_BATCH_RECORDS))
    manifest = f"{output.rstrip('/')}/{MANIFEST}"
    _remove(spark, manifest)  # until the new one is written, OUTPUT is no finished output for ingest
    frame = _jsonl_frame(spark, spec) if in_fmt == "jsonl" else _parquet_frame(spark, spec)
    if partitions:
        frame = frame.repartition(partitions)
    outcomes = frame.mapInArrow(partial(process_batches, lang=lang), from_arrow_schema(outcome_schema()))
    # Three writes read the outcomes: extract once, keep them on the executors' disks meanwhile.
    outcomes = outcomes.persist(StorageLevel.DISK_ONLY)
    try:
        docs = outcomes.filter(F.col("reason").isNull()).select([n for n, _ in document_fields()])
        events = docs.select(
            F.col("id").alias("document_id"), "document_hash", "lang", "date", F.inline("events")
        ).select(["document_id", "document_hash", "lang", "date"] + [n for n, _ in event_fields()])
        rejects = outcomes.filter(F.col("reason").isNotNull()).select([n for n, _ in reject_fields()])
        for name, data in (("documents", docs), ("events", events), ("rejects", rejects)):
            writer = data.write.mode("overwrite")
            path = f"{output.rstrip('/')}/{name}"
            if out_fmt == "parquet":
                writer.parquet(path)
            else:
                writer.option("ignoreNullFields", "false").json(path)
        summary = _summary(outcomes)
    finally:
        outcomes.unpersist()
    _write_text(spark, manifest, json.dumps(summary.manifest("spark", out_fmt, spec), indent=1) + "\n")
    return summary


def _jsonl_frame(spark: Any, spec: str) -> Any:
    """Records ``source``, ``line``, ``raw``: every line of every JSONL file, numbered within its file.

    Spark reads a large file in blocks, in parallel, and numbers nothing; so a first pass counts
    the lines of each block (one small row per block reaches the driver), and each line's number
    is then its block's start plus its place in the block. The numbers name a document that has
    no id, as in ``armsflow extract``, and tell where a rejected line is.
    """
    from pyspark.sql import functions as F

    raw = (
        _reader(spark, spec, JSONL_GLOB)
        .text(spec)
        .select(
            F.col("value").cast("binary").alias("raw"),
            F.col("_metadata.file_path").alias("source"),
            F.col("_metadata.file_block_start").alias("block"),
            F.monotonically_increasing_id().alias("row"),
        )
    )
    blocks = raw.groupBy("source", "block").agg(F.count("*").alias("n"), F.min("row").alias("first")).collect()
    starts = []
    before: dict[str, int] = {}
    for b in sorted(blocks, key=lambda b: (b["source"], b["block"])):
        starts.append((b["source"], b["block"], b["first"], before.get(b["source"], 0)))
        before[b["source"]] = before.get(b["source"], 0) + b["n"]
    table = spark.createDataFrame(starts, "source string, block long, first long, lines_before long")
    joined = raw.join(F.broadcast(table), ["source", "block"])
    line = F.col("row") - F.col("first") + F.col("lines_before") + 1
    return joined.select("source", line.alias("line"), "raw")


def _reader(spark: Any, spec: str, glob: str) -> Any:
    """Spark's reader for INPUT: a folder is read recursively, its files of the format only."""
    fs, path = _hadoop(spark, spec)
    if not fs.exists(path):
        raise BatchError(f"no such file or folder: {spec}")
    reader = spark.read
    if fs.getFileStatus(path).isDirectory():
        reader = reader.option("recursiveFileLookup", "true").option("pathGlobFilter", glob)
    return reader


def _parquet_frame(spark: Any, spec: str) -> Any:
    """Records ``source``, ``line`` (row number in its file, from 1) and the document fields."""
    from pyspark.sql import functions as F

    data = _reader(spark, spec, PARQUET_GLOB).parquet(spec)
    columns = [F.col("_metadata.file_path").alias("source"), (F.col("_metadata.row_index") + 1).alias("line")]
    for name in DOCUMENT_FIELDS:
        if name not in data.columns:
            continue  # an absent column reads as null, as an absent JSON field does
        column = F.col(name)
        kind = data.schema[name].dataType.typeName()
        if name != "text" and kind != "string":
            column = column.cast("string")
        columns.append(column.alias(name))
    return data.select(columns)


def _summary(outcomes: Any) -> Summary:
    from pyspark.sql import functions as F

    summary = Summary()
    rows = outcomes.groupBy("reason").agg(F.count("*").alias("n"), F.sum("n_events").alias("events")).collect()
    for row in rows:
        if row["reason"] is None:
            summary.documents += row["n"]
            summary.events += row["events"] or 0
        else:
            summary.rejects += row["n"]
            summary.reasons[row["reason"]] += row["n"]
    return summary


def _hadoop(spark: Any, uri: str) -> tuple[Any, Any]:
    """Hadoop's file system for ``uri``, and its path: what Spark writes HDFS, S3, GCS and local files with."""
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), path


def _remove(spark: Any, uri: str) -> None:
    fs, path = _hadoop(spark, uri)
    if fs.exists(path):
        fs.delete(path, False)


def _write_text(spark: Any, uri: str, text: str) -> None:
    """A small file at any URI Spark writes to."""
    fs, path = _hadoop(spark, uri)
    out = fs.create(path, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()
