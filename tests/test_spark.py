"""``armsflow batch --engine spark`` in Spark's local mode: the same events as ``armsflow extract``.

Spark takes seconds to start and each job has a fixed cost, so these tests are few and share one
session; select them with ``-m spark``. They need pyspark and a Java runtime (scripts/test.sh
installs both); without them they skip, unless ARMSFLOW_REQUIRE_POSTGRES=1 (the test command, CI),
where they fail, as the PostgreSQL tests do.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from armsflow.cli import main
from tests.conftest import REQUIRE_POSTGRES
from tests.test_batch import (
    assert_rejects,
    assert_same_as_extract,
    bad_rows,
    dataset,
    dev_corpus,
    extracted,
)
from tests.test_cli import DE, DE_PARAGRAPH, EN

pytestmark = pytest.mark.spark
SPARK = ["--engine", "spark", "--master", "local[2]"]


@pytest.fixture(scope="session")
def spark():
    """One local SparkSession (two cores) for every test; ``armsflow batch`` finds and reuses it."""
    problem = None
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as err:
        problem = f"pyspark or pyarrow is not installed ({err})"
    if problem is None and not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        problem = "no Java runtime (apt-get install default-jre-headless)"
    if problem:
        if REQUIRE_POSTGRES:
            pytest.fail(f"{problem}, but the Spark tests are required (ARMSFLOW_REQUIRE_POSTGRES=1)")
        pytest.skip(problem)
    from armsflow.batch_spark import session

    conf = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"}
    found = session("local[2]", conf)
    yield found
    found.stop()


def test_spark_batch_gives_extracts_events_on_the_dev_corpus(spark, tmp_path, capsys):
    corpus = dev_corpus(tmp_path)
    reference = extracted(capsys, corpus)
    code = main(["batch", str(corpus), str(tmp_path / "out"), *SPARK, "--partitions", "3"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    assert_same_as_extract(tmp_path / "out", corpus, reference)
    assert f"{len(reference)} documents" in err and "0 rejected" in err


def test_spark_rejects_bad_records_and_its_json_lines_go_into_the_knowledge_base(spark, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(bad_rows(tmp_path)), str(out), *SPARK, "--format", "jsonl"]) == 0
    assert_rejects(out)
    capsys.readouterr()
    assert main(["ingest", str(out), "--db", str(tmp_path / "kb.db")]) == 0
    assert "2 read, 2 new" in capsys.readouterr().err
    missing = (tmp_path / "none.jsonl").as_uri()  # a URI only Spark looks at: still a usage error, in one line
    assert main(["batch", missing, str(tmp_path / "out2"), *SPARK]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no such file or folder: {missing}" in err


def test_spark_rerun_writes_the_same_rows_as_before_and_as_the_local_engine(spark, tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "in.parquet"
    texts = [DE, EN, "", None, DE_PARAGRAPH]  # the last one has no id: "in-5" in every engine
    pq.write_table(pa.table({"id": ["a", "b", "c", "d", None], "text": texts}), source, row_group_size=2)
    spark_out, local_out = tmp_path / "spark", tmp_path / "local"
    assert main(["batch", str(source), str(local_out)]) == 0

    def rows(output: Path) -> dict[str, list[str]]:
        found = {}
        for name in ("documents", "events", "rejects"):
            found[name] = sorted(
                json.dumps({**r, "source": Path(r.get("source") or "").name}, sort_keys=True)
                for r in dataset(output, name)
            )
        return found

    assert main(["batch", str(source), str(spark_out), *SPARK]) == 0
    first = rows(spark_out)
    assert main(["batch", str(source), str(spark_out), *SPARK, "--partitions", "2"]) == 0
    assert rows(spark_out) == first  # nothing doubled, nothing lost
    assert first == rows(local_out)
    assert [len(first[n]) for n in ("documents", "rejects")] == [3, 2]
    assert sorted(d["id"] for d in dataset(spark_out, "documents")) == ["a", "b", "in-5"]
    assert json.loads((spark_out / "_armsflow_batch.json").read_text())["engine"] == "spark"
