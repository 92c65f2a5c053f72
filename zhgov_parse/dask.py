"""Scale-out on Dask: the frames of :func:`zhgov_parse.read_many` as Dask DataFrames.

    from dask.distributed import Client
    import zhgov_parse.dask as zd

    client = Client("tcp://scheduler:8786")          # or LocalCluster()
    frames = zd.read_reports("s3://bucket/reports/**/*.html", npartitions=400)
    frames["cells"].to_parquet("s3://bucket/zhgov/cells/")

Needs the ``dask`` extra (``pip install 'zhgov_parse[dask]'``); remote paths go through fsspec.
Each partition is parsed once however many frames are computed together
(``dask.compute(*frames.values())``); computing frames one by one parses again — ``persist()``
the ones you need.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .batch import COLUMNS, FRAMES, Source, convert_one, frame, iter_sources


def _meta(name: str) -> pd.DataFrame:
    return frame(name, [])


def _convert_partition(items: Sequence[Any]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAMES}
    for item in items:
        source = _as_source(item)
        result = convert_one(source)
        for name in FRAMES:
            rows[name].extend(result[name])
    return {name: frame(name, rows[name])[COLUMNS[name]] for name in FRAMES}


def _as_source(item: Any) -> Source:
    if isinstance(item, Source):
        return item
    # an fsspec OpenFile: read on the worker, named by its path
    with item as f:
        return Source(item.path, content=f.read())


def _items(paths_or_urlpath: str | Iterable[Any], storage_options: dict[str, Any] | None) -> list[Any]:
    if isinstance(paths_or_urlpath, str) and "://" in paths_or_urlpath:
        import fsspec

        return list(fsspec.open_files(paths_or_urlpath, mode="rb", **(storage_options or {})))
    return list(iter_sources(paths_or_urlpath))


def read_reports(
    paths_or_urlpath: str | Iterable[Any],
    *,
    npartitions: int | None = None,
    storage_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Dask DataFrames ``reports``, ``cells``, ``sections``, ``facts``, ``findings``, ``errors``.

    ``paths_or_urlpath``: what :func:`zhgov_parse.read_many` takes (local paths, folders, globs,
    ``.jsonl`` records), or one fsspec URL with a glob (``s3://bucket/*.html``) whose files are
    read on the workers.  ``npartitions`` defaults to one partition per 100 inputs.
    The across-year findings of ``read_many`` need all reports at once and are not computed here.
    """
    import dask
    import dask.dataframe as dd

    items = _items(paths_or_urlpath, storage_options)
    n = npartitions or max(1, -(-len(items) // 100))
    size = max(1, -(-len(items) // n)) if items else 1
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    parts = [dask.delayed(_convert_partition)(chunk) for chunk in chunks]
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(p, name) for p in parts], meta=_meta(name), verify_meta=False
        )
        for name in FRAMES
    }
