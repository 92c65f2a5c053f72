"""zhgov_parse.dask on a LocalCluster of 2 workers gives the frames read_many gives."""

from __future__ import annotations

import pandas as pd
import pytest

import zhgov_parse

from conftest import FIXTURES

distributed = pytest.importorskip("dask.distributed")


def test_dask_frames_equal_read_many(tmp_path) -> None:
    import dask

    import zhgov_parse.dask as zd

    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(FIXTURES.glob("*.txt"))[:6] + sorted(FIXTURES.glob("*.html"))[:3]:
        folder.joinpath(path.name).write_bytes(path.read_bytes())
    folder.joinpath("broken.pdf").write_bytes(b"%PDF-1.4")
    expected = zhgov_parse.read_many(folder)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        frames = zd.read_reports(str(folder), npartitions=3)
        computed = dict(zip(frames, dask.compute(*frames.values()), strict=True))
    for name in ("reports", "cells", "facts", "errors"):
        got = computed[name].reset_index(drop=True)
        want = getattr(expected, name)[got.columns].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, want, check_dtype=False, obj=name)
    assert len(computed["errors"]) == 1
