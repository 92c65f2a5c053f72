"""The benchmark's corpus: the fixtures regenerated with other numbers (no timing asserted here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import zhgov_parse

ROOT = Path(__file__).resolve().parent.parent


def _run_module() -> object:
    spec = importlib.util.spec_from_file_location("zhgov_bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["zhgov_bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_variants_have_other_numbers_and_still_add_up() -> None:
    bench = _run_module()
    name = "chenghu_finance_2021_html"
    ((_, fmt, variants),) = bench.corpus(2, only=name)  # type: ignore[attr-defined]
    assert fmt == "html" and len(variants) == 2 and variants[0] != variants[1]
    fixture = zhgov_parse.read(ROOT / "fixtures" / f"{name}.html")
    for page in variants:
        report = zhgov_parse.parse(page)
        codes = {f.code for f in report.finding_list}
        assert "identity_broken" not in codes and "missing_table" not in codes
        assert report.meta["template"] == fixture.meta["template"]
        assert report.to_dict()["cells"] != fixture.to_dict()["cells"]  # other numbers
