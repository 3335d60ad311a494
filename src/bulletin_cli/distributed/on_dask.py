"""The chain on Dask: a list or glob of paths (local, or ``s3://``, ``gs://``… through fsspec) into a
Dask Bag of item records or a Dask DataFrame of Parquet rows, each partition running the same
stage functions as ``bulletin export``; duplicates found by the two-pass design of
:mod:`bulletin_cli.distributed`, so the rows equal ``bulletin export -j 1``'s. Needs the
``dask`` extra (``pip install -e '.[dask]'`` in the clone).

::

    from dask.distributed import Client
    from bulletin_cli.distributed.on_dask import items_bag, to_parquet

    client = Client(n_workers=2, threads_per_worker=1)     # or a cluster's address
    bag = items_bag(["archive/"])                           # or "s3://bucket/bulletins/**/*.pdf"
    to_parquet(bag, "items-parquet/")                       # one file per partition
    # duckdb: SELECT count(*) FROM 'items-parquet/*.parquet'
"""

from __future__ import annotations

from typing import Iterable

from . import duplicates, file_items, finish, input_files, is_candidate, keys_of, read_local, shared_keys

#: Files per partition: enough work to outweigh a task's overhead (about 50 ms) many times over.
FILES_PER_PARTITION = 64


def _inputs(paths: str | Iterable[str], pattern: str | None) -> list[tuple[int, str, str]]:
    """(order, path, source) for local paths as the command line orders them; for URLs, fsspec's
    expansion of each glob, sorted."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    if all("://" not in p for p in paths):
        return input_files(paths, pattern)
    import fsspec

    files: list[str] = []
    for p in paths:
        files += sorted(f.full_name if hasattr(f, "full_name") else f.path for f in fsspec.open_files(p))
    return [(k, f, f) for k, f in enumerate(files)]


def _read(path: str) -> bytes:
    if "://" not in path:
        return read_local(path)
    import fsspec

    with fsspec.open(path, "rb") as fh:
        return fh.read()


def _map_partition(files: list[tuple[int, str, str]], settings=None, rows: bool = False) -> list[dict]:
    out: list[dict] = []
    for order, path, name in files:
        try:
            data = _read(path)
        except OSError as exc:  # an unreadable file costs itself only, as on the command line
            import sys

            print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
            continue
        out += file_items(name, data, order, settings, rows=rows)
    return out


def _candidates(part: list[dict], shared: set[int]) -> list[tuple]:
    return [(rec["_order"], rec.get("item_id"), rec["_keys"]) for rec in part if is_candidate(rec, shared)]


def items_bag(paths: str | Iterable[str], pattern: str | None = None, settings=None,
              files_per_partition: int = FILES_PER_PARTITION, rows: bool = True):
    """A Dask Bag of the items of ``paths``: as rows of the Parquet export (``rows``, the default:
    typed, flat, a third of the size), or as the tagged records ``bulletin tag`` writes."""
    import dask.bag as db

    files = _inputs(paths, pattern)
    if not files:
        return db.from_sequence([], npartitions=1)
    chunks = [files[i:i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    mapped = db.from_sequence(chunks, npartitions=len(chunks)).map_partitions(
        lambda part: [rec for chunk in part for rec in _map_partition(chunk, settings, rows)]).persist()
    # the second pass: count every key, keep the shared ones, run the candidates in run order
    import dask

    counts = mapped.map(keys_of).flatten().frequencies(sort=False).filter(lambda kc: kc[1] > 1).compute()
    shared = dask.delayed(shared_keys(counts), traverse=False)  # sent once, not inside every task
    candidates = mapped.map_partitions(_candidates, shared).compute()
    found = dask.delayed(duplicates(candidates), traverse=False)
    return mapped.map(lambda rec, found: finish(dict(rec), found), found)


def items_frame(paths: str | Iterable[str], pattern: str | None = None, settings=None,
                files_per_partition: int = FILES_PER_PARTITION):
    """A Dask DataFrame with the columns of the Parquet export (nested columns as Python objects)."""
    import pandas as pd

    from ..export.parquet import schema

    columns = schema().names
    meta = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return items_bag(paths, pattern, settings, files_per_partition).to_dataframe(meta=meta)


def to_parquet(bag, folder: str) -> list[str]:
    """Write each partition of an :func:`items_bag` as ``part-NNNNN.parquet`` under ``folder``
    (local or a URL), with the export's schema; return the files written."""
    import dask

    def write(part: list[dict], index: int) -> list[str]:
        import fsspec
        import pyarrow as pa
        import pyarrow.parquet as pq

        from ..export.parquet import item_row, schema

        path = f"{folder.rstrip('/')}/part-{index:05d}.parquet"
        fs, target = fsspec.core.url_to_fs(path)
        fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        with fs.open(target, "wb") as fh:
            rows = [r if "duplicate_of" in r else item_row(r) for r in part]  # rows, or tag records
            pq.write_table(pa.Table.from_pylist(rows, schema()), fh, compression="zstd")
        return [path]

    parts = bag.to_delayed()
    written = dask.compute(*[dask.delayed(write)(p, k) for k, p in enumerate(parts)])
    return [p for group in written for p in group]
