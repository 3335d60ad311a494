"""The chain on Spark: binary files → ``mapPartitions`` over the library → a DataFrame with the
Parquet export's schema declared; duplicates by the two-pass design of
:mod:`bulletin_cli.distributed`, so the rows equal ``bulletin export -j 1``'s. Needs pyspark
(``pip install 'bulletin-cli[spark]'``) and Java 17 or newer.

::

    from pyspark.sql import SparkSession
    from bulletin_cli.distributed.on_spark import items_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()   # or a cluster
    items = items_dataframe(spark, "archive/")                      # a folder, file or glob; s3a:// too
    items.write.parquet("items-parquet/")
    items.groupBy("doc_issuer").count().show()

Each executor needs ``bulletin-cli`` installed (``--py-files`` or the cluster's image).
"""

from __future__ import annotations

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


def _binary_files(spark, path: str, pattern: str | None):
    """(binary files DataFrame, name → order). A local folder is walked as the command line walks
    it (same files, same order); a URL is read with Spark's own listing, its paths sorted."""
    reader = spark.read.format("binaryFile")
    if "://" not in path:
        files = input_files([path], pattern)
        frame = reader.load([p for _, p, _ in files]) if files else reader.load(path)
        return frame.select("path", "content"), {name: k for k, _, name in files}
    if pattern:
        reader = reader.option("pathGlobFilter", pattern)
    elif "*" not in path:
        reader = reader.option("recursiveFileLookup", "true")
    frame = reader.load(path).select("path", "content")
    names = sorted(local_path(r.path) for r in frame.select("path").collect())  # names only: small
    return frame, {name: k for k, name in enumerate(names)}


def items_dataframe(spark, path: str, pattern: str | None = None, settings=None):
    """A DataFrame of every item in the files under ``path`` (rows as the Parquet export's)."""
    from pyspark import StorageLevel

    files, orders = _binary_files(spark, path, pattern)
    order = spark.sparkContext.broadcast(orders)

    def map_partition(rows):
        for row in rows:
            name = local_path(row.path)
            yield from file_items(name, bytes(row.content), order.value[name], settings, rows=True)

    items = files.rdd.mapPartitions(map_partition).persist(StorageLevel.MEMORY_AND_DISK)
    shared = shared_keys(items.flatMap(keys_of).map(lambda k: (k, 1)).reduceByKey(lambda a, b: a + b)
                         .filter(lambda kc: kc[1] > 1).collect())
    shared_b = spark.sparkContext.broadcast(shared)
    candidates = items.filter(lambda rec: is_candidate(rec, shared_b.value)).map(
        lambda rec: (rec["_order"], rec.get("item_id"), rec["_keys"])).collect()
    found = spark.sparkContext.broadcast(duplicates(candidates))
    rows = items.map(lambda rec: finish(dict(rec), found.value))
    return spark.createDataFrame(rows, spark_schema())
