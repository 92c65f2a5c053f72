"""The result of parsing one report: metadata, cells, findings and narrative, as DataFrames."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import schema
from .errors import InternalError, ParseError
from .findings import FINDING_COLUMNS, Finding
from .mapping import Cell
from .script import to_simplified

if TYPE_CHECKING:  # (the narrative's modules load when a report's narrative is first read)
    from .facts import Fact
    from .narrative import Section

FACT_COLUMNS = [
    "position",
    "section",
    "subject",
    "words",
    "value",
    "unit",
    "approximate",
    "sentence",
    "qualifier",
]
EXPORT_VERSION = 1  # bump only when the layout of to_dict() changes incompatibly
CELL_COLUMNS = ["table", "row", "column", "value", "raw", "row_label", "column_label", "label", "source"]
SECTION_COLUMNS = [
    "position",
    "section",
    "subsection",
    "subsection_code",
    "kind",
    "tag",
    "text",
    "text_simplified",
    "source",
]


class Report:
    """A parsed annual report.

    ``meta`` is a dict (template, script, year, source_format, encoding, agency); ``cells``,
    ``findings`` and ``sections`` are DataFrames built on first access, then cached;
    ``table(name)`` gives one table in its wide form.  The checks — the tables' identities, the
    narrative's sections and facts and the findings that compare them with the tables — run on
    first access to any of ``findings``, ``finding_list``, ``sections`` or ``facts``.
    """

    def __init__(
        self,
        meta: dict[str, Any],
        cells: Sequence[Cell],
        findings: Sequence[Finding],
        sections: Sequence[Section] = (),
        facts: Sequence[Fact] = (),
        *,
        narrative: Callable[[], tuple[Sequence[Section], Sequence[Fact], Sequence[Finding]]] | None = None,
    ) -> None:
        self.meta: dict[str, Any] = dict(meta)
        self._cells = tuple(cells)
        self._table_findings = tuple(findings)
        self._pending = narrative
        self._narrative: tuple[tuple[Section, ...], tuple[Fact, ...], tuple[Finding, ...]] | None = (
            None if narrative is not None else (tuple(sections), tuple(facts), ())
        )

    def _analysed(self) -> tuple[tuple[Section, ...], tuple[Fact, ...], tuple[Finding, ...]]:
        if self._narrative is None:
            assert self._pending is not None
            try:
                sections, facts, checks = self._pending()
            except ParseError:
                raise
            except Exception as exc:
                raise InternalError(
                    f"internal error while checking the report ({type(exc).__name__}: {exc}); "
                    "please report it"
                ) from exc
            self._narrative = (tuple(sections), tuple(facts), tuple(checks))
            self._pending = None
        return self._narrative

    @property
    def _sections(self) -> tuple[Section, ...]:
        return self._analysed()[0]

    @property
    def _facts(self) -> tuple[Fact, ...]:
        return self._analysed()[1]

    @cached_property
    def _findings(self) -> tuple[Finding, ...]:
        return self._table_findings + self._analysed()[2]

    # -- tables --------------------------------------------------------------------------------
    def cell_records(self) -> list[dict[str, Any]]:
        """The cells as plain dicts, with the same keys as the columns of :attr:`cells`."""
        template = self.meta.get("template")
        return [
            {
                "table": c.table,
                "row": c.row,
                "column": c.column,
                "value": c.value,
                "raw": c.raw,
                "row_label": schema.row_label(c.table, c.row, template),
                "column_label": schema.column_label(c.table, c.column, template),
                "label": c.label,
                "source": c.source,
            }
            for c in self._cells
        ]

    @cached_property
    def cells(self) -> pd.DataFrame:
        """Long form: one row a cell (table, row, column, value, raw text, labels, source)."""
        template = self.meta.get("template")
        cells = self._cells
        if not cells:  # no table at all: the columns, empty, as object (and value Float64)
            frame = pd.DataFrame(columns=CELL_COLUMNS)
            frame["value"] = pd.array([], dtype="Float64")
            return frame
        columns = {  # built by column: faster than from row dicts
            "table": [c.table for c in cells],
            "row": [c.row for c in cells],
            "column": [c.column for c in cells],
            "value": pd.array([c.value for c in cells], dtype="Float64"),
            "raw": [c.raw for c in cells],
            "row_label": [schema.row_label(c.table, c.row, template) for c in cells],
            "column_label": [schema.column_label(c.table, c.column, template) for c in cells],
            "label": [c.label for c in cells],
            "source": [c.source for c in cells],
        }
        return pd.DataFrame(columns, columns=CELL_COLUMNS)

    def table(self, name: str, *, labels: bool = False) -> pd.DataFrame:
        """One table in wide form: index = row codes in template order, columns = column codes.

        ``labels=True`` uses the template's Chinese labels instead of the codes.  Counts are
        ``Int64``; table ``active_disclosure`` is ``Float64`` (it holds amounts).  Cells not in
        the report are NA.
        """
        if name not in schema.TABLES:
            raise KeyError(f"unknown table {name!r}; expected one of {', '.join(schema.TABLES)}")
        template = self.meta.get("template")
        template = template if template in schema.TEMPLATES else "2021"
        rows = [r for r, _ in schema.rows(name, template)]
        columns = [c for c, _ in schema.columns(name, template)]
        values: dict[tuple[str, str], Any] = {
            (c.row, c.column): c.value for c in self._cells if c.table == name
        }
        data = {col: [values.get((row, col)) for row in rows] for col in columns}
        dtype = "Float64" if name == "active_disclosure" else "Int64"
        frame = pd.DataFrame(
            {
                col: pd.array([pd.NA if v is None else v for v in vals], dtype=dtype)
                for col, vals in data.items()
            },
            index=pd.Index(rows, name="row"),
        )
        frame.columns.name = "column"
        if labels:
            frame.index = pd.Index([schema.row_label(name, r, template) for r in rows], name="row")
            frame.columns = pd.Index([schema.column_label(name, c, template) for c in columns], name="column")
        return frame

    @cached_property
    def findings(self) -> pd.DataFrame:
        """Problems found: code, severity, message, table, row, column, expected, found, source."""
        return pd.DataFrame.from_records(
            [
                (f.code, f.severity, f.message, f.table, f.row, f.column, f.expected, f.found, f.source)
                for f in self._findings
            ],
            columns=FINDING_COLUMNS,
        )

    def section_records(self) -> list[dict[str, Any]]:
        """The narrative units as plain dicts, with the same keys as the columns of :attr:`sections`."""
        convert = self.meta.get("script") == "traditional"
        return [
            {
                "position": s.position,
                "section": s.section,
                "subsection": s.subsection,
                "subsection_code": s.subsection_code,
                "kind": s.kind,
                "tag": s.tag,
                "text": s.text,
                "text_simplified": to_simplified(s.text) if convert else s.text,  # facts' conversions, cached
                "source": s.source,
            }
            for s in self._sections
        ]

    @cached_property
    def sections(self) -> pd.DataFrame:
        """Narrative text units in document order.

        Columns: position, section (code), subsection (as written) and subsection_code, kind
        (heading, paragraph, item), tag (part/subsection/unknown for headings, problem/improvement
        for items of 五), text (as in the source), text_simplified, source.
        """
        return pd.DataFrame.from_records(self.section_records(), columns=SECTION_COLUMNS)

    @cached_property
    def facts(self) -> pd.DataFrame:
        """Numbers the narrative states: position (of its section row), section, subject (a stable
        code where a table holds the quantity, else the words), words, value, unit, approximate,
        qualifier (多, 余, 近, 约, 左右 …), sentence."""
        return pd.DataFrame.from_records([asdict(f) for f in self._facts], columns=FACT_COLUMNS)

    # -- plain data ----------------------------------------------------------------------------
    @property
    def finding_list(self) -> tuple[Finding, ...]:
        """The findings as frozen dataclasses."""
        return self._findings

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-serializable data (layout documented in docs/export.md)."""
        return {
            "schema_version": EXPORT_VERSION,
            "meta": self.meta,
            "cells": [
                {
                    "table": c.table,
                    "row": c.row,
                    "column": c.column,
                    "value": c.value,
                    "raw": c.raw,
                    "label": c.label,
                    "source": c.source,
                }
                for c in self._cells
            ],
            "sections": [asdict(s) for s in self._sections],
            "facts": [asdict(f) for f in self._facts],
            "findings": [asdict(f) | {"severity": f.severity} for f in self._findings],
        }

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as a JSON string (Chinese kept as is; ``kwargs`` go to ``json.dumps``)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def _repr_html_(self) -> str:
        from .display import report_html

        return report_html(self)

    def __repr__(self) -> str:
        m = self.meta
        stated = sum(1 for c in self._cells if c.value is not None)
        return (
            f"<Report {m.get('agency') or '?'} {m.get('year') or '?'} template={m.get('template')} "
            f"script={m.get('script')} format={m.get('source_format')} "
            f"cells={stated}/{len(self._cells)} findings={len(self._findings)}>"
        )
