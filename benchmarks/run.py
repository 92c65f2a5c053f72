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
import subprocess
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
from zhgov_parse.script import _converter, converter_name  # noqa: E402

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


def padded(page: str, size: int) -> str:
    """The page with narrative paragraphs added before its end, to about ``size`` bytes."""
    filler = "<p>本机关持续完善信息发布审核机制，严格落实保密审查要求，定期清理过期信息。</p>"
    need = max(0, (size - len(page.encode())) // len(filler.encode()))
    cut = page.rfind("六、")
    cut = cut if cut > 0 else len(page)
    return page[:cut] + filler * need + page[cut:]


def import_cost() -> tuple[float, float]:
    """Milliseconds to import zhgov_parse beyond pandas, and pandas itself (python -X importtime)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import zhgov_parse"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stderr
    cumulative = {}
    for line in out.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            cumulative[parts[2]] = int(parts[1]) / 1000
    total = cumulative.get("zhgov_parse", 0.0)
    pandas = cumulative.get("pandas", 0.0)
    return total - pandas, pandas


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

    beyond, pandas_ms = import_cost()
    print(f"\nImport: zhgov_parse costs {beyond:.0f} ms beyond pandas ({pandas_ms:.0f} ms) (goal < 150 ms)")

    summary = []
    if html_ratios:
        summary.append(f"HTML parse/read_html median {statistics.median(html_ratios):.2f} (goal <= 0.25)")
        summary.append(f"parse/lxml median {statistics.median(lxml_ratios):.1f} (goal <= 4)")
    if text_ratios:
        summary.append(f"text parse/split median {statistics.median(text_ratios):.0f}")
    summary.append(f"Traditional/Simplified {r_script:.2f}")
    summary.append(f"200KB per-KB cost x{per_kb[-1] / per_kb[0]:.2f} of 6KB")
    summary.append(f"import {beyond:.0f} ms beyond pandas")
    print("SUMMARY: " + "; ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
