"""Golden files of the fixtures: the expected findings of each fixture report.

The expected *cells* (``NAME.cells.csv``) and *meta* (``NAME.meta.json``) are written by
``fixtures/make_fixtures.py`` from the data the fixture was rendered from, independently of the
parser.  The expected *findings* (``NAME.findings.csv``) are the parser's output, read and
approved by a person; regenerate them only on purpose::

    python tests/goldens.py            # rewrites fixtures/*.findings.csv
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FINDING_FIELDS = ["code", "table", "row", "column"]


def fixture_names() -> list[str]:
    return sorted(p.name[: -len(".meta.json")] for p in FIXTURES.glob("*.meta.json"))


def source(name: str) -> Path:
    for ext in (".txt", ".md", ".html"):
        path = FIXTURES / (name + ext)
        if path.exists():
            return path
    raise FileNotFoundError(name)


def expected_cells(name: str) -> dict[tuple[str, str, str], float | None]:
    with open(FIXTURES / f"{name}.cells.csv", encoding="utf-8") as f:
        return {
            (r["table"], r["row"], r["column"]): (float(r["value"]) if r["value"] != "" else None)
            for r in csv.DictReader(f)
        }


def expected_meta(name: str) -> dict[str, object]:
    return json.loads((FIXTURES / f"{name}.meta.json").read_text(encoding="utf-8"))


def expected_findings(name: str) -> list[tuple[str, ...]]:
    with open(FIXTURES / f"{name}.findings.csv", encoding="utf-8") as f:
        return [tuple(r[k] for k in FINDING_FIELDS) for r in csv.DictReader(f)]


def finding_keys(report: object) -> list[tuple[str, ...]]:
    return [tuple(x or "" for x in (f.code, f.table, f.row, f.column)) for f in report.finding_list]  # type: ignore[attr-defined]


def main() -> None:
    import zhgov_parse

    for name in fixture_names():
        report = zhgov_parse.read(source(name))
        with open(FIXTURES / f"{name}.findings.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(FINDING_FIELDS)
            w.writerows(finding_keys(report))
        print(name, len(report.finding_list), "findings")


if __name__ == "__main__":
    main()
