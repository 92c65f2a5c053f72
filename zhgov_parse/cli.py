"""The ``zhgov-parse`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

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
    status = 0
    for path in args.files:
        try:
            report = read(path, strict=args.strict)
        except (ParseError, OSError) as exc:
            print(f"{path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps({"file": str(path), **report.to_dict()}, ensure_ascii=False, indent=1))
        else:
            if len(args.files) > 1:
                print(f"==> {path} <==")
            print(_show_text(report))
    return status


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``zhgov-parse`` console script."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
