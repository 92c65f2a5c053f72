"""Golden files of the fixtures: the expected findings of each fixture report.

The expected *cells* (``NAME.cells.csv``) and *meta* (``NAME.meta.json``) are written by
``fixtures/make_fixtures.py`` from the data the fixture was rendered from, independently of the
parser.  The expected *findings* (``NAME.findings.csv``), narrative units (``NAME.sections.csv``) and
stated facts (``NAME.facts.csv``) are the parser's output, read and approved by a person; the
generator's own ``NAME.narrative.json`` (items and stated numbers, from the report's data) checks
them independently. Regenerate the goldens only on purpose::

    python tests/goldens.py            # rewrites fixtures/*.{findings,sections,facts}.csv
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FINDING_FIELDS = ["code", "table", "row", "column"]
SECTION_FIELDS = ["section", "subsection_code", "kind", "tag", "text"]
FACT_FIELDS = ["section", "subject", "value", "unit", "qualifier"]


def fixture_generator() -> Any:
    """``fixtures/make_fixtures.py`` as a module: the fixtures' data, renderers and expected cells."""
    import importlib.util
    import sys

    if "zhgov_make_fixtures" not in sys.modules:
        spec = importlib.util.spec_from_file_location("zhgov_make_fixtures", FIXTURES / "make_fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["zhgov_make_fixtures"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["zhgov_make_fixtures"]


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


def _csv_rows(name: str, kind: str, fields: list[str]) -> list[tuple[str, ...]]:
    with open(FIXTURES / f"{name}.{kind}.csv", encoding="utf-8") as f:
        return [tuple(r[k] for k in fields) for r in csv.DictReader(f)]


def expected_sections(name: str) -> list[tuple[str, ...]]:
    return _csv_rows(name, "sections", SECTION_FIELDS)


def expected_facts(name: str) -> list[tuple[str, ...]]:
    return _csv_rows(name, "facts", FACT_FIELDS)


def _text(value: object) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def section_keys(report: object) -> list[tuple[str, ...]]:
    frame = report.sections  # type: ignore[attr-defined]
    return [tuple(_text(v) for v in row) for row in frame[SECTION_FIELDS].itertuples(index=False)]


def fact_keys(report: object) -> list[tuple[str, ...]]:
    frame = report.facts  # type: ignore[attr-defined]
    return [tuple(_text(v) for v in row) for row in frame[FACT_FIELDS].itertuples(index=False)]


def finding_keys(report: object) -> list[tuple[str, ...]]:
    return [tuple(x or "" for x in (f.code, f.table, f.row, f.column)) for f in report.finding_list]  # type: ignore[attr-defined]


def main() -> None:
    import zhgov_parse

    for name in fixture_names():
        report = zhgov_parse.read(source(name))
        for kind, fields, rows in (
            ("findings", FINDING_FIELDS, finding_keys(report)),
            ("sections", SECTION_FIELDS, section_keys(report)),
            ("facts", FACT_FIELDS, fact_keys(report)),
        ):
            with open(FIXTURES / f"{name}.{kind}.csv", "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(fields)
                w.writerows(rows)
        print(
            name,
            len(report.finding_list),
            "findings",
            len(report.sections),
            "sections",
            len(report.facts),
            "facts",
        )


if __name__ == "__main__":
    main()
