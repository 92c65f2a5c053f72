"""Benchmark zhgov_parse against baselines measured in the same process.

    python benchmarks/run.py [--rounds N] [--quick]

Each ratio is the median over rounds of (our time / baseline time), the two timed back to back on
the same input inside one round, so machine noise hits both alike.  Nothing here asserts a time:
it prints a table and one summary line last.  See docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
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

FIXTURES = ROOT / "fixtures"


def _time(fn: Callable[[], object], repeat: int) -> float:
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


def html_pages() -> list[Path]:
    return sorted(FIXTURES.glob("*.html"))


def text_reports() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = ap.parse_args(argv)
    repeat = 3 if args.quick else 10
    rounds = 3 if args.quick else args.rounds

    print(f"zhgov_parse {zhgov_parse.__version__}, Python {sys.version.split()[0]}, pandas {pd.__version__}")
    print(f"{'input':<44} {'KB':>6} {'ms':>7} {'/read_html':>11} {'/lxml':>7}")
    html_ratios, lxml_ratios = [], []
    for path in html_pages():
        data = path.read_bytes()
        page = load(data).text  # read_html gets the decoded page, as we do
        ours = partial(zhgov_parse.parse, data)
        r_html, t = ratio(ours, read_html_baseline(page), rounds, repeat)
        r_lxml, _ = ratio(ours, partial(lxml_html.document_fromstring, data), rounds, repeat)
        html_ratios.append(r_html)
        lxml_ratios.append(r_lxml)
        print(f"{path.name:<44} {len(data) / 1024:6.1f} {t * 1000:7.2f} {r_html:11.2f} {r_lxml:7.2f}")
    text_ratios = []
    for path in text_reports():
        text = path.read_text(encoding="utf-8")
        r_text, t = ratio(partial(zhgov_parse.parse, text), split_baseline(text), rounds, repeat)
        text_ratios.append(r_text)
        size = len(text.encode()) / 1024
        print(f"{path.name:<44} {size:6.1f} {t * 1000:7.2f} {'/split ' + format(r_text, '.1f'):>11}")
    summary = []
    if html_ratios:
        summary.append(f"HTML parse/read_html median {statistics.median(html_ratios):.2f} (goal <= 0.25)")
        summary.append(f"parse/lxml median {statistics.median(lxml_ratios):.1f} (goal <= 4)")
    if text_ratios:
        summary.append(f"text parse/split median {statistics.median(text_ratios):.0f}")
    print("SUMMARY: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
