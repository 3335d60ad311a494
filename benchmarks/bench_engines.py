#!/usr/bin/env python3
"""The chain on each engine over the benchmark corpus: ``bulletin export -j 1``, ``-j 2``, Dask
(a local cluster of 2 worker processes) and Spark (``local[2]``), each writing Parquet; the item
rows of each compared with ``-j 1``'s (sorted by item_id and source, duplicates included); time,
documents a second, and the peak memory of the whole process tree (sampled every 0.2 s).

usage: python benchmarks/bench_engines.py [--docs 10000] [--engines j1,j2,dask,spark]

Needs the dask, spark and parquet extras (pyarrow, dask[distributed], pyspark) and Java for Spark.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "bulletin"


def peak_rss(proc: subprocess.Popen) -> tuple[int, float]:
    """Wait for ``proc``; return its exit code and the peak RSS (MB) of it and all its children."""
    import psutil

    peak = 0.0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            rss = root.memory_info().rss + sum(c.memory_info().rss for c in root.children(recursive=True))
            peak = max(peak, rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.2)
    return proc.returncode, peak


DASK = """
import sys
from dask.distributed import Client, LocalCluster
from bulletin_cli.distributed.on_dask import items_bag, to_parquet
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, Client(c):
        to_parquet(items_bag([sys.argv[1]]), sys.argv[2])
"""

SPARK = """
import os, sys
os.environ["PYSPARK_PYTHON"] = sys.executable
from pyspark.sql import SparkSession
from bulletin_cli.distributed.on_spark import items_dataframe
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
items_dataframe(spark, sys.argv[1]).write.parquet(sys.argv[2])
spark.stop()
"""


def command(engine: str, corpus: Path, out: Path) -> list[str]:
    if engine in ("j1", "j2"):
        return [str(BIN), "export", str(corpus), "-o", str(out), "-j", engine[1], "--no-progress", "--force"]
    script = out.parent / f"run_{engine}.py"
    script.write_text(DASK if engine == "dask" else SPARK)
    return [sys.executable, str(script), str(corpus), str(out)]


def rows(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return sorted(pq.read_table(path).to_pylist(), key=lambda r: (r["item_id"], r["source"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--engines", default="j1,j2,dask,spark")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_chain import build_corpus

    work = Path(tempfile.mkdtemp(prefix="engines-"))
    corpus = work / "bench"
    size = build_corpus(corpus, args.docs)
    print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB; {os.cpu_count()} processors", file=sys.stderr)
    reference = None
    results = []
    for engine in args.engines.split(","):
        out = work / (f"{engine}.parquet" if engine in ("j1", "j2") else engine)
        start = time.perf_counter()
        proc = subprocess.Popen(command(engine, corpus, out), stderr=subprocess.DEVNULL if engine == "spark" else None)
        code, peak = peak_rss(proc)
        took = time.perf_counter() - start
        got = rows(out) if code == 0 else None
        if engine == "j1":
            reference = got
        same = got == reference if got is not None and reference is not None else None
        dups = sum(1 for r in got if r["duplicate_of"]) if got else 0
        results.append({"engine": engine, "seconds": round(took, 1), "docs_per_s": round(args.docs / took, 1),
                        "MB_per_s": round(size / 1e6 / took, 2), "peak_MB": round(peak), "items": len(got or []),
                        "duplicates": dups, "same_rows_as_j1": same, "exit": code})
        print(json.dumps(results[-1]), file=sys.stderr)
    print("| engine | seconds | documents/s | MB/s | peak memory (MB) | items | duplicates | rows = `-j 1` |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['engine']} | {r['seconds']} | {r['docs_per_s']} | {r['MB_per_s']} | {r['peak_MB']} | {r['items']} "
              f"| {r['duplicates']} | {r['same_rows_as_j1']} |")


if __name__ == "__main__":
    main()
