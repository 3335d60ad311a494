"""Beyond one process: the Parquet export (typed, in row groups, read by DuckDB), the two-pass
duplicate design, and the chain on Dask and on Spark giving the same rows as ``export -j 1``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.distributed import (
    duplicates,
    file_items,
    input_files,
    is_candidate,
    keys_of,
    read_local,
    shared_keys,
)
from bulletin_cli.tag.dedupe import Deduper

from .conftest import SAMPLES, seed_path

#: Why an engine's test skips: its packages are the engines extra, kept out of the test extra
#: (the README's test command) for their weight; .ci/run installs them.
ENGINES = "needs {} (the engines extra, not in the test extra: pip install -e '.[engines]'; .ci/run installs it)"

pa = pytest.importorskip("pyarrow", reason="needs pyarrow (the parquet extra)")
import pyarrow.parquet as pq  # noqa: E402

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def export_parquet(source: Path, out: Path) -> list[dict]:
    result = runner.invoke(app, ["export", str(source), "-o", str(out), "-j", "1", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return sorted(pq.read_table(out).to_pylist(), key=lambda r: (r["item_id"], r["source"]))


def test_parquet_holds_typed_items_with_their_documents(tmp_path):
    rows = export_parquet(seed_path("004"), tmp_path / "items.parquet")
    table = pq.read_table(tmp_path / "items.parquet")
    assert str(table.schema.field("doc_date").type) == "date32[day]" and str(table.schema.field("doc_issue").type) == "int32"
    first = next(r for r in rows if r["headline"] == "县科工局加速技改助力企业转型升级")
    assert str(first["doc_date"]) == "2023-04-21" and first["doc_issue"] == 18 and first["doc_editor"] == "李勉"
    assert {"text": "5452万元", "value": 5452.0, "unit": "万元", "base_value": 54520000.0, "base_unit": "yuan",
            "approx": False, "change": None} in first["figures"]
    assert first["tag_units"][0]["canonical"] == "科学技术和工业信息化局" and first["category"] == "economy"
    assert len(rows) == 8


def test_parquet_is_written_in_row_groups_as_the_run_goes(tmp_path):
    from bulletin_cli.export.parquet import write_items

    items = [r for p in sorted(SAMPLES.glob("*.txt"))[:4] for r in file_items(p.name, p.read_bytes(), 0)]
    n = write_items(iter(items), str(tmp_path / "a.parquet"), row_group=10)
    meta = pq.ParquetFile(tmp_path / "a.parquet").metadata
    assert n == len(items) > 20 and meta.num_row_groups == -(-n // 10) and meta.num_rows == n


def test_duckdb_answers_the_readme_query(tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="needs duckdb (pip install duckdb)")
    export_parquet(SAMPLES, tmp_path / "items.parquet")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```sql\n")[1:]]
    query = next(b for b in blocks if "'items.parquet'" in b).replace("items.parquet", str(tmp_path / "items.parquet"))
    got = duckdb.sql(query).fetchall()
    assert ("科学技术和工业信息化局", "2023-04") in {(u, str(m)[:7]) for u, m, _ in got}
    assert all(n >= 1 for _, _, n in got)


def test_parquet_needs_items_and_says_what_to_install(tmp_path, monkeypatch):
    result = runner.invoke(app, ["normalise", str(seed_path("004")), "-o", str(tmp_path / "d.parquet")])
    assert result.exit_code != 0 and "Parquet output holds items" in result.stderr
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(app, ["export", str(seed_path("004")), "-o", str(tmp_path / "i.parquet")])
    assert result.exit_code != 0 and "Parquet output needs pyarrow: pip install -e '.[parquet]' in your clone" in result.stderr
    assert not (tmp_path / "i.parquet").exists()


def test_the_two_pass_duplicates_equal_one_process_over_the_samples():
    files = input_files([str(SAMPLES)])
    items = [rec for order, path, name in files for rec in file_items(name, read_local(path), order)]
    one = Deduper()
    expected = {}
    for rec in items:
        other, sim = one.check(rec, tuple(rec["_keys"]))
        if other:
            expected[rec["_order"]] = (other, sim)
    counts: dict[int, int] = {}
    for rec in items:
        for k in keys_of(rec):
            counts[k] = counts.get(k, 0) + 1
    shared = shared_keys(counts.items())
    candidates = [(r["_order"], r["item_id"], r["_keys"]) for r in reversed(items) if is_candidate(r, shared)]
    assert len(candidates) < len(items) and len(expected) > 100
    assert duplicates(candidates) == expected


def corpus(tmp: Path, n: int = 40) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_chain import build_corpus

    build_corpus(tmp / "bench", n)
    return tmp / "bench"


DASK_RUN = """
import sys
from dask.distributed import Client, LocalCluster
from bulletin_cli.distributed.on_dask import items_bag, to_parquet
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, Client(c):
        to_parquet(items_bag([sys.argv[1]], files_per_partition=7), sys.argv[2])
"""


def test_dask_gives_the_rows_of_one_process(tmp_path):
    pytest.importorskip("dask.distributed", reason=ENGINES.format("dask[distributed]"))
    folder = corpus(tmp_path)
    expected = export_parquet(folder, tmp_path / "j1.parquet")
    (tmp_path / "run_dask.py").write_text(DASK_RUN)
    subprocess.run([sys.executable, str(tmp_path / "run_dask.py"), str(folder), str(tmp_path / "dask")],
                   check=True, capture_output=True, timeout=600)
    got = sorted(pq.read_table(tmp_path / "dask").to_pylist(), key=lambda r: (r["item_id"], r["source"]))
    assert sum(1 for r in expected if r["duplicate_of"]) > 100
    assert got == expected


def _java_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return ENGINES.format("pyspark")
    if shutil.which("java") is None:
        return "needs Java 17+ for Spark (apt-get install openjdk-17-jre-headless); .ci/run installs it"
    return None


@pytest.mark.skipif(_java_missing() is not None, reason=str(_java_missing()))
def test_spark_gives_the_rows_of_one_process(tmp_path, monkeypatch):
    """From an absolute path and from a relative one (names kept as given, as ``-j 1`` keeps
    them, while Spark reports absolute paths), with no ``PYSPARK_PYTHON`` and a ``python3`` on the
    PATH that cannot run a task: the local workers run this Python."""
    folder = corpus(tmp_path)
    expected = export_parquet(folder, tmp_path / "j1.parquet")
    monkeypatch.chdir(tmp_path)
    expected_relative = export_parquet(Path("bench"), tmp_path / "j1-relative.parquet")
    assert {r["source"].split("/")[0] for r in expected_relative} == {"bench"}
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    decoy = tmp_path / "decoy"  # the python3 Spark would start without PYSPARK_PYTHON: one that cannot run a task
    decoy.mkdir()
    (decoy / "python3").write_text("#!/bin/sh\necho 'not this python' >&2\nexit 1\n")
    (decoy / "python3").chmod(0o755)
    monkeypatch.setenv("PATH", f"{decoy}{os.pathsep}{os.environ.get('PATH', '')}")
    from pyspark.sql import SparkSession

    from bulletin_cli.distributed.on_spark import items_dataframe

    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    try:
        frame = items_dataframe(spark, str(folder))
        assert frame.schema["doc_date"].dataType.typeName() == "date"
        frame.write.parquet(str(tmp_path / "spark"))
        items_dataframe(spark, "bench").write.parquet("spark-relative")
    finally:
        spark.stop()
    for out, rows in (("spark", expected), ("spark-relative", expected_relative)):
        got = sorted(pq.read_table(tmp_path / out).to_pylist(), key=lambda r: (r["item_id"], r["source"]))
        assert got == rows


def test_dask_reads_urls_through_fsspec(tmp_path):
    """Object storage (``s3://``, ``gs://``) is reached through fsspec; its in-memory filesystem
    stands in for one here (the threaded scheduler: memory:// lives in this process)."""
    dask = pytest.importorskip("dask", reason=ENGINES.format("dask"))
    fsspec = pytest.importorskip("fsspec", reason=ENGINES.format("fsspec"))
    from bulletin_cli.distributed.on_dask import items_bag

    fs = fsspec.filesystem("memory")
    for name in ("001", "004"):
        fs.pipe(f"/corpus/{name}.txt", seed_path(name).read_bytes())
    with dask.config.set(scheduler="threads"):
        rows = items_bag("memory://corpus/*.txt").compute()
    assert {r["source"] for r in rows} == {"memory:///corpus/001.txt", "memory:///corpus/004.txt"}  # fsspec's full names
    assert len(rows) == 8 + len(file_items("x", seed_path("001").read_bytes(), 0))
    assert sum(1 for r in rows if r["doc_issue"] == 18) == 8
