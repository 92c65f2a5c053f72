"""Batch conversion: throughput with 1 and 2 workers, and peak memory for 1,000 vs 20,000 reports.

    python benchmarks/batch.py [--small]

Each run is a fresh ``zhgov-parse convert`` subprocess over generated inputs (the fixture reports
with a varying line, so every input is distinct); peak memory is the child's maximum RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def generate(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    reports = [
        p
        for p in sorted(FIXTURES.glob("*"))
        if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    ]
    for i in range(n):
        path = reports[i % len(reports)]
        tail = f"\n<!-- {i} -->\n" if path.suffix == ".html" else f"\n附{i}\n"
        (folder / f"r{i:06d}{path.suffix}").write_bytes(path.read_bytes() + tail.encode())


def run(inputs: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one conversion in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "zhgov_parse",
            "convert",
            str(inputs),
            "-o",
            str(out),
            "--workers",
            str(workers),
        ],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="200/2,000 reports instead of 2,000/20,000")
    args = ap.parse_args()
    n_speed, n_small, n_large = (400, 200, 2000) if args.small else (2000, 1000, 20000)
    tmp = Path(tempfile.mkdtemp(prefix="zhgov-bench-"))
    try:
        generate(tmp / "speed", n_speed)
        t1, _ = run(tmp / "speed", tmp / "o1", 1)
        t2, _ = run(tmp / "speed", tmp / "o2", 2)
        rates = f"1 worker {n_speed / t1:.0f}/s, 2 workers {n_speed / t2:.0f}/s"
        print(f"{n_speed} reports: {rates}, speed-up {t1 / t2:.2f}x")
        generate(tmp / "small", n_small)
        _, m_small = run(tmp / "small", tmp / "o3", 1)
        print(f"{n_small} reports: peak RSS {m_small:.0f} MB")
        generate(tmp / "large", n_large)
        _, m_large = run(tmp / "large", tmp / "o4", 1)
        print(f"{n_large} reports: peak RSS {m_large:.0f} MB")
        memory = f"peak memory {m_small:.0f} MB for {n_small} vs {m_large:.0f} MB for {n_large} reports"
        print(f"SUMMARY: workers 2/1 speed-up {t1 / t2:.2f}x; {memory}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
