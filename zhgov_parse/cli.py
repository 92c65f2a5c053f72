"""The ``zhgov-parse`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import schema
from .errors import ParseError
from .parser import read
from .report import Report

_TABLE_TITLES = {
    "active_disclosure": "二、主动公开政府信息情况",
    "application_handling": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}


def _cell_text(value: object) -> str:
    import pandas as pd

    if value is None or value is pd.NA:
        return "—"
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _show_text(report: Report) -> str:
    import pandas as pd

    lines = [repr(report), ""]
    for k, v in report.meta.items():
        lines.append(f"{k:>14}: {v}")
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_rows", 100):
        for name in schema.TABLES:
            table = report.table(name, labels=True)
            lines += ["", _TABLE_TITLES[name]]
            if table.isna().all().all():
                lines.append("  (not found)")
                continue
            if name == "active_disclosure":
                table = table.dropna(axis=1, how="all")
            lines.append(table.astype(object).map(_cell_text).to_string())
        findings = report.findings
        lines += ["", f"findings: {len(findings)}"]
        for f in report.finding_list:
            lines.append(f"  {f.severity:<7} {f}")
    return "\n".join(lines)


def _cmd_show(args: argparse.Namespace) -> int:
    from .batch import escape_surrogates

    status = 0
    for path in args.files:
        name = escape_surrogates(path)  # a name's bytes that are not UTF-8 print as \udcff escapes
        try:
            report = read(path, strict=args.strict)
        except (ParseError, OSError) as exc:
            print(f"{name}: {type(exc).__name__}: {escape_surrogates(str(exc))}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps({"file": name, **report.to_dict()}, ensure_ascii=False, indent=1))
        else:
            if len(args.files) > 1:
                print(f"==> {name} <==")
            print(_show_text(report))
    return status


class Progress:
    """A one-line progress bar on a terminal (count, rate, ok/failed, ETA); plain lines otherwise."""

    def __init__(self, stream: Any = None, every: int = 500) -> None:
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int, ok: int, failed: int) -> None:
        now = time.monotonic()
        if self.tty and now - self.last < 0.2 and done < total:
            return
        if not self.tty and done % self.every and done != total:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        eta = (total - done) / rate if rate else 0.0
        line = f"{done}/{total} reports  {rate:.1f}/s  ok {ok}  failed {failed}  ETA {eta:.0f}s"
        if self.tty:
            width = 24
            filled = int(width * done / max(total, 1))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {line}")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _cmd_convert(args: argparse.Namespace) -> int:
    from .batch import iter_sources
    from .output import convert

    out = Path(args.output)
    if out.exists() and not out.is_dir():
        print(f"zhgov-parse convert: -o {out} exists and is not a folder", file=sys.stderr)
        return 2
    missing = [i for i in args.inputs if not any(ch in i for ch in "*?[") and not Path(i).exists()]
    if missing:
        print(f"zhgov-parse convert: no such input: {', '.join(missing)}", file=sys.stderr)
        return 2
    sources = list(iter_sources(args.inputs))
    try:
        counts = convert(
            sources,
            out,
            fmt=args.format,
            workers=args.workers,
            resume=args.resume,
            chunk=args.chunk_size,
            progress=Progress(),
            report=Path(args.report) if args.report else None,
        )
    except ValueError as exc:
        print(f"zhgov-parse convert: {exc}", file=sys.stderr)
        return 2
    failed = counts.get("errors", 0)
    print(
        f"{len(sources)} inputs: {counts.get('reports', 0)} reports written, {failed} failed; "
        f"{counts.get('cells', 0)} cells, {counts.get('findings', 0)} findings -> {out}/ ({args.format})"
    )
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhgov-parse",
        description="Parse Chinese government information-disclosure annual reports into data.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show", help="print a report's metadata, its three tables and its findings")
    show.add_argument("files", nargs="+", help="report files (HTML, pipe text, Markdown; any encoding)")
    show.add_argument("--json", action="store_true", help="print everything as JSON instead")
    show.add_argument("--strict", action="store_true", help="fail on the first warning or error finding")
    show.set_defaults(func=_cmd_show)
    conv = sub.add_parser(
        "convert",
        help="convert many reports (files, folders, globs, .jsonl scraper records) into data files",
    )
    conv.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, folders (recursive), globs or .jsonl"
    )
    conv.add_argument("-o", "--output", required=True, help="output folder")
    conv.add_argument("--format", choices=["csv", "jsonl", "sqlite", "parquet"], default="csv")
    conv.add_argument("--workers", type=int, default=1, help="processes to parse in (default 1)")
    conv.add_argument(
        "--resume", action="store_true", help="skip inputs an interrupted run already converted"
    )
    conv.add_argument("--chunk-size", type=int, default=200, help="reports committed at a time (default 200)")
    conv.add_argument("--report", metavar="HTML", help="also write a self-contained HTML summary of the run")
    conv.set_defaults(func=_cmd_convert)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``zhgov-parse`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "chunk_size", 1) < 1 or getattr(args, "workers", 1) < 1:
        parser.error("--chunk-size and --workers must be at least 1")
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `zhgov-parse show --json … | head`: the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
