"""The chain on Spark: binary files → ``mapPartitions`` over the library → a DataFrame with the
Parquet export's schema declared; duplicates by the two-pass design of
:mod:`bulletin_cli.distributed`, so the rows equal ``bulletin export -j 1``'s. Needs pyspark
(``pip install -e '.[spark]'`` in the clone) and Java 17 or newer.

::

    from pyspark.sql import SparkSession
    from bulletin_cli.distributed.on_spark import items_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()   # or a cluster
    items = items_dataframe(spark, "archive/")                      # a folder, file or glob; s3a:// too
    items.write.parquet("items-parquet/")
    items.groupBy("doc_issuer").count().show()

Each executor needs a Python with ``bulletin-cli`` installed. On a ``local`` master, when neither
``PYSPARK_PYTHON`` nor ``spark.pyspark.python`` names one, the workers run this Python
(``sys.executable``), not the ``python3`` on the PATH that Spark would otherwise start; on a
cluster, set ``PYSPARK_PYTHON`` (or ship ``--py-files`` / the cluster's image).
"""

from __future__ import annotations

import os
import sys

from . import duplicates, file_items, finish, input_files, is_candidate, keys_of, local_path, shared_keys


def spark_schema():
    """The Parquet export's schema as a Spark ``StructType``."""
    import pyarrow as pa
    from pyspark.sql import types as T

    from ..export.parquet import schema

    def convert(t):
        if pa.types.is_string(t):
            return T.StringType()
        if pa.types.is_int32(t):
            return T.IntegerType()
        if pa.types.is_float64(t):
            return T.DoubleType()
        if pa.types.is_boolean(t):
            return T.BooleanType()
        if pa.types.is_date32(t):
            return T.DateType()
        if pa.types.is_list(t):
            return T.ArrayType(convert(t.value_type))
        if pa.types.is_struct(t):
            return T.StructType([T.StructField(f.name, convert(f.type)) for f in t])
        raise TypeError(t)

    return T.StructType([T.StructField(f.name, convert(f.type)) for f in schema()])


def _worker_python(sc) -> None:
    """On a local master with no Python named for the workers, this one: Spark would start the
    ``python3`` on the PATH, which need not have ``bulletin_cli`` (a virtual environment not
    activated), and every task would fail to import it."""
    named = os.environ.get("PYSPARK_PYTHON") or sc.getConf().get("spark.pyspark.python", None)
    if not named and (sc.master or "").startswith("local") and sc.pythonExec == "python3":
        sc.pythonExec = sys.executable


def _binary_files(spark, path: str, pattern: str | None):
    """(binary files DataFrame, Spark's path → (order, name)). A local folder is walked as the
    command line walks it (same files, same order, the names as given: relative stays relative),
    each file looked up by the absolute path Spark reports for it; a URL is read with Spark's own
    listing, its paths sorted."""
    reader = spark.read.format("binaryFile")
    if "://" not in path:
        files = input_files([path], pattern)
        frame = reader.load([p for _, p, _ in files]) if files else reader.load(path)
        lookup = {}
        for k, p, name in files:
            lookup[os.path.realpath(p)] = lookup[os.path.abspath(p)] = (k, name)
        return frame.select("path", "content"), lookup
    if pattern:
        reader = reader.option("pathGlobFilter", pattern)
    elif "*" not in path:
        reader = reader.option("recursiveFileLookup", "true")
    frame = reader.load(path).select("path", "content")
    names = sorted(local_path(r.path) for r in frame.select("path").collect())  # names only: small
    return frame, {name: (k, name) for k, name in enumerate(names)}


def _place(lookup: dict, url: str) -> tuple[int, str]:
    """(order, name) of the file Spark reports as ``url``."""
    path = local_path(url)
    found = lookup.get(path)
    if found is None and path.startswith("/"):
        found = lookup.get(os.path.realpath(path))
    if found is None:
        raise KeyError(f"{path}: not among the files listed for this run")
    return found


def items_dataframe(spark, path: str, pattern: str | None = None, settings=None):
    """A DataFrame of every item in the files under ``path`` (rows as the Parquet export's)."""
    from pyspark import StorageLevel

    _worker_python(spark.sparkContext)
    files, lookup = _binary_files(spark, path, pattern)
    places = spark.sparkContext.broadcast(lookup)

    def map_partition(rows):
        for row in rows:
            order, name = _place(places.value, row.path)
            yield from file_items(name, bytes(row.content), order, settings, rows=True)

    items = files.rdd.mapPartitions(map_partition).persist(StorageLevel.MEMORY_AND_DISK)
    shared = shared_keys(items.flatMap(keys_of).map(lambda k: (k, 1)).reduceByKey(lambda a, b: a + b)
                         .filter(lambda kc: kc[1] > 1).collect())
    shared_b = spark.sparkContext.broadcast(shared)
    candidates = items.filter(lambda rec: is_candidate(rec, shared_b.value)).map(
        lambda rec: (rec["_order"], rec.get("item_id"), rec["_keys"])).collect()
    found = spark.sparkContext.broadcast(duplicates(candidates))
    rows = items.map(lambda rec: finish(dict(rec), found.value))
    return spark.createDataFrame(rows, spark_schema())
