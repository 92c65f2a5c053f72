"""The output contract, loaded from the package's embedded copy of the schema.

``data/cells.csv`` is the contract (a copy of the project's shared schema); ``data/aliases.csv``
holds the label variants used to recognize rows and columns.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLES = ("active_disclosure", "application_handling", "review_litigation")
SECTIONS = (
    "preamble",
    "overview",
    "active_disclosure",
    "application_handling",
    "review_litigation",
    "problems_improvements",
    "other_matters",
    "closing",
)
TEMPLATES = ("2019", "2021")


@dataclass(frozen=True, slots=True)
class Alias:
    table: str
    axis: str
    code: str
    alias: str
    match: str
    seen: str


@dataclass(frozen=True, slots=True)
class CellSpec:
    table: str
    template: str
    row: str
    row_label: str
    column: str
    column_label: str


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


CELLS = tuple(CellSpec(**r) for r in _read("cells.csv"))


ALIASES = tuple(Alias(**r) for r in _read("aliases.csv"))


def _applies(spec_template: str, template: str) -> bool:
    return spec_template == "both" or spec_template == template


@cache
def rows(table: str, template: str) -> tuple[tuple[str, str], ...]:
    """(code, Chinese label) of a table's rows for a template version, in template order."""
    out: dict[str, str] = {}
    for c in CELLS:
        if c.table == table and _applies(c.template, template) and c.row != "*":
            out.setdefault(c.row, c.row_label)
    return tuple(out.items())


@cache
def columns(table: str, template: str, row: str | None = None) -> tuple[tuple[str, str], ...]:
    """(code, Chinese label) of a table's columns (of one row, for active_disclosure)."""
    out: dict[str, str] = {}
    for c in CELLS:
        if c.table != table or not _applies(c.template, template) or c.column == "*":
            continue
        if row is not None and c.row not in ("*", row):
            continue
        out.setdefault(c.column, c.column_label)
    return tuple(out.items())


@cache
def cell_codes(table: str, template: str) -> tuple[tuple[str, str], ...]:
    """Every (row, column) of a table for a template version, in template order."""
    if table == "active_disclosure":
        return tuple((r, c) for r, _ in rows(table, template) for c, _ in columns(table, template, r))
    return tuple((r, c) for r, _ in rows(table, template) for c, _ in columns(table, template))


@cache
def cell_order(table: str, template: str) -> dict[tuple[str, str], int]:
    """Each (row, column) of a table's template → its place in template order."""
    return {rc: i for i, rc in enumerate(cell_codes(table, template))}


@cache
def row_label(table: str, row: str, template: str | None = None) -> str:
    """The template's Chinese label of a row (of the given template version where they differ)."""
    labels = {c.template: c.row_label for c in CELLS if c.table == table and c.row == row}
    return labels.get(template or "", labels.get("both", next(iter(labels.values()), row)))


@cache
def column_label(table: str, column: str, template: str | None = None) -> str:
    """The template's Chinese label of a column (of the given template version where they differ)."""
    labels = {c.template: c.column_label for c in CELLS if c.table == table and c.column == column}
    return labels.get(template or "", labels.get("both", next(iter(labels.values()), column)))
