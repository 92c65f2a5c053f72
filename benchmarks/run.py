"""Benchmark zhgov_parse against baselines measured in the same process.

    python benchmarks/run.py [--rounds N] [--quick]

The corpus is the fixture reports regenerated with other numbers (``fixtures/make_fixtures.py``
with new seeds), so every timed parse reads a page it has not seen: caches hold what recurs in real
archives (the template's labels, small numbers), not the page.  Each ratio is the median over
rounds of (our time / baseline time) on the same variants, the two timed back to back inside one
round, so machine noise hits both alike.  Nothing here asserts a time: it prints a table and one
summary line last.  See docs/performance.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib.util
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

import zhgov_parse  # noqa: E402
from zhgov_parse.load import load  # noqa: E402
from zhgov_parse.script import _converter, converter_name  # noqa: E402

FIXTURES = ROOT / "fixtures"
VARIANTS = 10  # per fixture; a round parses each once


def _module(path: Path, name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def corpus(n: int, only: str | None = None, first: int = 1) -> list[tuple[str, str, list[bytes]]]:
    """(fixture name, format, ``n`` variants as the bytes a scraper would hold) per fixture (or the
    one named ``only``): the fixture's own layout and quirks, its numbers drawn again with other
    seeds (``first`` onwards)."""
    make = _module(FIXTURES / "make_fixtures.py", "make_fixtures")
    out = []
    for k, fx in enumerate([*make.FIXTURES, *make.HTML_FIXTURES]):  # type: ignore[attr-defined]
        if only is not None and fx.name != only:
            continue
        pages = []
        for i in range(first, first + n):
            variant = dataclasses.replace(fx, seed=fx.seed + 7919 * i, breaks=[])
            cells = make.expected_cells(variant)  # type: ignore[attr-defined]
            if fx.fmt == "html":
                page = make.render_html(variant, cells, k)  # type: ignore[attr-defined]
                pages.append(page.encode(fx.encoding, errors="xmlcharrefreplace"))
            else:
                pages.append(make.render(variant, cells, k).encode("utf-8"))  # type: ignore[attr-defined]
        out.append((fx.name, fx.fmt, pages))
    return out


def each(fn: Callable[[object], object], items: list) -> Callable[[], object]:
    """One call of ``fn`` on every item: a round's unit of work."""
    return lambda: [fn(x) for x in items]


def _time(fn: Callable[[], object], repeat: int) -> float:
    gc.collect()  # each side starts with no garbage of the other's making (pandas leaves plenty)
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def ratio(
    ours: Callable[[], object], base: Callable[[], object], rounds: int, repeat: int
) -> tuple[float, float]:
    """Median of per-round ratios ours/base, and our median time in seconds."""
    ours(), base()  # warm caches and imports
    ratios, times = [], []
    for _ in range(rounds):
        a = _time(ours, repeat)
        b = _time(base, repeat)
        ratios.append(a / b)
        times.append(a)
    return statistics.median(ratios), statistics.median(times)


def read_html_baseline(page: str) -> Callable[[], object]:
    def run() -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return pd.read_html(io.StringIO(page))
            except ValueError:  # pandas cannot read some real spans (colspan=\"2\")
                return None

    return run


def split_baseline(text: str) -> Callable[[], object]:
    return lambda: [line.split("|") for line in text.splitlines()]


def read_html_all(pages: list[str]) -> Callable[[], object]:
    one = [read_html_baseline(p) for p in pages]
    return lambda: [f() for f in one]


def with_narrative(content: bytes) -> object:
    """Everything a report holds: tables, then the checks run on demand (identities, narrative,
    all findings)."""
    report = zhgov_parse.parse(content)
    return report.finding_list


def padded(page: str, size: int) -> str:
    """The page with narrative paragraphs added before its end, to about ``size`` bytes."""
    filler = "<p>本机关持续完善信息发布审核机制，严格落实保密审查要求，定期清理过期信息。</p>"
    need = max(0, (size - len(page.encode())) // len(filler.encode()))
    cut = page.rfind("六、")
    cut = cut if cut > 0 else len(page)
    return page[:cut] + filler * need + page[cut:]


def import_cost(runs: int = 5) -> tuple[float, float, float]:
    """Milliseconds to import zhgov_parse once pandas is imported (``python -c "import pandas; import
    zhgov_parse" -X importtime``: zhgov_parse's own cumulative time, so the standard modules both use
    count once, for pandas), with bytecode cached as an installed package has it (in a temporary
    ``PYTHONPYCACHEPREFIX``, written by a first import); pandas' own import; and zhgov_parse's first
    import, compiling every module from source (what a machine with ``PYTHONDONTWRITEBYTECODE``, as
    this one, pays each time). Each the best of ``runs`` fresh processes (one alone varies by ±50%
    here; the least is the one the machine disturbed least)."""

    def run(env: dict[str, str]) -> dict[str, float]:
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import pandas; import zhgov_parse"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            env=env,
        ).stderr
        cumulative = {}
        for line in out.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[1].isdigit():
                cumulative[parts[2]] = int(parts[1]) / 1000
        return cumulative

    with tempfile.TemporaryDirectory() as cache:
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = cache
        run(cached)  # writes the bytecode
        warm = [run(cached) for _ in range(runs)]
    cold_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # the standard modules' bytecode is installed
    cold = [run(cold_env) for _ in range(runs)]
    return (
        min(c.get("zhgov_parse", 0.0) for c in warm),
        min(c.get("pandas", 0.0) for c in warm),
        min(c.get("zhgov_parse", 0.0) for c in cold),
    )


_READ_MANY = """
import resource, sys, time
import zhgov_parse
start = time.perf_counter()
batch = zhgov_parse.read_many(sys.argv[1], workers=int(sys.argv[2]))
seconds = time.perf_counter() - start
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(seconds, len(batch.reports), me, workers)
"""


def read_many_run(folder: Path, workers: int) -> tuple[float, int, float, float]:
    """``read_many`` over a folder in a fresh process: seconds, reports read, peak memory (MB) of
    the main process and of the largest worker (0 without workers)."""
    out = subprocess.run(
        [sys.executable, "-c", _READ_MANY, str(folder), str(workers)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2]), float(out[3])


def batch_figures(n: int) -> str:
    """``read_many`` with 1 and 2 workers on ``n`` generated reports: reports/s, and peak memory
    of the main process and of each worker."""
    bench = _module(ROOT / "benchmarks" / "batch.py", "zhgov_batch_bench")
    tmp = Path(tempfile.mkdtemp(prefix="zhgov-bench-"))
    try:
        bench.generate(tmp / "in", n)  # type: ignore[attr-defined]
        t1, n1, main1, _ = read_many_run(tmp / "in", 1)
        t2, n2, main2, worker2 = read_many_run(tmp / "in", 2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nBatch: read_many over {n} generated reports, in a fresh process:")
    print(f"  1 worker:  {n1 / t1:5.0f} reports/s, peak memory {main1:.0f} MB (in the main process)")
    print(
        f"  2 workers: {n2 / t2:5.0f} reports/s (x{t1 / t2:.2f}), peak memory {worker2:.0f} MB a worker, "
        f"{main2:.0f} MB the main process (it holds the batch's frames)"
    )
    return f"read_many x{t1 / t2:.2f} with 2 workers, {worker2:.0f} MB a worker"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else 2
    rounds = 3 if args.quick else args.rounds

    print(f"zhgov_parse {zhgov_parse.__version__}, Python {sys.version.split()[0]}, pandas {pd.__version__}")
    n = 3 if args.quick else VARIANTS
    reports = corpus(n)
    print(f"corpus: {len(reports)} fixtures x {n} variants with other numbers; ms = our median a report")
    print(f"{'input':<36} {'KB':>6} {'ms':>6} {'/read_html':>11} {'+findings':>11} {'/lxml':>7}")
    html_ratios, full_ratios, lxml_ratios, text_ratios = [], [], [], []
    per_format: dict[str, list[float]] = {}
    for name, fmt, variants in reports:
        size = sum(map(len, variants)) / len(variants) / 1024
        ours = each(zhgov_parse.parse, variants)
        if fmt == "html":
            pages = [load(v).text for v in variants]  # read_html gets the decoded page, as we do
            r_html, t = ratio(ours, read_html_all(pages), rounds, repeat)
            r_full, _ = ratio(each(with_narrative, variants), read_html_all(pages), rounds, repeat)
            # lxml gets the decoded page too: from the bytes it trusts a wrong <meta charset> and
            # stops early (the GBK Word page with charset=gb2312 is read as 8 elements).
            r_lxml, _ = ratio(ours, each(lxml_html.document_fromstring, pages), rounds, repeat)
            html_ratios.append(r_html)
            full_ratios.append(r_full)
            lxml_ratios.append(r_lxml)
            t_one = t / len(variants)
            per_format.setdefault(fmt, []).append(t_one)
            print(f"{name:<36} {size:6.1f} {t_one * 1000:6.2f} {r_html:11.2f} {r_full:11.2f} {r_lxml:7.1f}")
        else:
            texts = [v.decode("utf-8") for v in variants]
            splits = each(lambda x: [line.split("|") for line in x.splitlines()], texts)
            r_text, t = ratio(each(zhgov_parse.parse, texts), splits, rounds, repeat)
            text_ratios.append(r_text)
            t_one = t / len(variants)
            per_format.setdefault(fmt, []).append(t_one)
            print(f"{name:<36} {size:6.1f} {t_one * 1000:6.2f} {'/split ' + format(r_text, '.0f'):>11}")
    print(
        "\nparse, reports/s by format (median of the format's reports): "
        + ", ".join(f"{fmt} {1 / statistics.median(times):.0f}" for fmt, times in sorted(per_format.items()))
    )

    print("\nPage size (reports/s, and time per KB relative to the smallest page):")
    base = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    per_kb = []
    for size in (6_000, 50_000, 200_000):
        page = padded(base, size)
        _, t = ratio(partial(zhgov_parse.parse, page), read_html_baseline(page), rounds, max(1, repeat // 2))
        kb = len(page.encode()) / 1024
        per_kb.append(t / kb)
        growth = per_kb[-1] / per_kb[0]
        print(f"  {kb:6.0f} KB: {1 / t:7.0f} reports/s, {t * 1000:6.2f} ms, per-KB cost x{growth:.2f}")

    print(
        f"\nScript (Traditional / Simplified for the same report, OpenCC implementation: {converter_name()}):"
    )
    trad = (FIXTURES / "heyu_ecology_2021_pipe.txt").read_text(encoding="utf-8")
    simp = _converter("t2s").convert(trad)
    r_script, _ = ratio(partial(zhgov_parse.parse, trad), partial(zhgov_parse.parse, simp), rounds, repeat)
    print(f"  pipe text: {r_script:.2f} (goal <= 1.2)")
    simp_page = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    trad_page = _converter("s2t").convert(simp_page)
    r_script_html, _ = ratio(
        partial(zhgov_parse.parse, trad_page), partial(zhgov_parse.parse, simp_page), rounds, repeat
    )
    print(f"  HTML page: {r_script_html:.2f}")
    # With the narrative read too (facts, sections with text_simplified), each round on variants
    # it has not seen: their prose differs, so no conversion is cached from an earlier round.
    script_ratios = []
    for r in range(rounds):
        fresh = corpus(5, only="chenghu_finance_2021_html", first=100 + 5 * r)[0][2]
        simp_pages = [load(v).text for v in fresh]
        trad_pages = [_converter("s2t").convert(v) for v in simp_pages]
        t_trad = _time(each(lambda p: zhgov_parse.parse(p).sections, trad_pages), 1)
        t_simp = _time(each(lambda p: zhgov_parse.parse(p).sections, simp_pages), 1)
        script_ratios.append(t_trad / t_simp)
    r_script_all = statistics.median(script_ratios)
    print(f"  HTML page with the narrative and text_simplified (prose not seen before): {r_script_all:.2f}")

    batch = batch_figures(200 if args.quick else 1000)

    beyond, pandas_ms, compiling = import_cost()
    print(
        f"\nImport: zhgov_parse costs {beyond:.0f} ms beyond pandas ({pandas_ms:.0f} ms) with its bytecode "
        f"cached (goal < 150 ms); {compiling:.0f} ms on a first import, compiling it from source"
    )

    summary = []
    if html_ratios:
        summary.append(f"HTML parse/read_html median {statistics.median(html_ratios):.2f} (goal <= 0.25)")
        summary.append(f"with all findings {statistics.median(full_ratios):.2f}")
        summary.append(f"parse/lxml median {statistics.median(lxml_ratios):.1f} (goal <= 4)")
    if text_ratios:
        summary.append(f"text parse/split median {statistics.median(text_ratios):.0f}")
    summary.append(f"Traditional/Simplified {r_script:.2f} ({r_script_all:.2f} with the narrative)")
    summary.append(f"200KB per-KB cost x{per_kb[-1] / per_kb[0]:.2f} of 6KB")
    summary.append(f"import {beyond:.0f} ms beyond pandas")
    summary.append(batch)
    print("SUMMARY: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
