"""Table 三 of PDF text whose cells come out of row order, read as its values in reading order.

Plain ``pdftotext`` (no ``-layout``) writes a row whose label wraps over several lines with part of
its values on the label's line and the rest on lines of their own, before or after it
(``1`` / ``0`` / ``3`` / ``行政机关不再处理其政府信息公开 2 0 0 0``); other rows' labels come after
their values.  Read line by line, such rows are uncertain.  But the values themselves come row
after row: when the table holds exactly as many values as the template has cells, every seventh
value starts a row, and a row whose label's line comes inside its seven starts at that line (the
values on a label's line are the row's first).  Such a reading is kept only where it is the one
reading (values as they come, or each row started at its label's line; a value glued to its
label, ``四、结转下年度继续办理2``, is the first of its line) under which every
identity of the table holds: each row's 总计, each column's 一 + 二 = （七） + 四 and （七） = the
sum of the outcomes; and where the labels the text names (a quarter of the rows at least) come in
the template's order.
"""

from __future__ import annotations

from typing import NamedTuple

from . import schema
from .findings import Finding
from .labels import Matcher
from .mapping import (
    Cell,
    Record,
)
from .repairs import (
    glued_values_split,
)
from .validate import check
from .values import parse_value

APPLICATION = "application_handling"


class _Value(NamedTuple):
    raw: str
    number: int
    record: Record
    on_label_line: bool


def read_in_order(
    records: list[Record], template: str, rows_of: Matcher
) -> tuple[list[Cell], Finding] | None:
    """Table 三's cells read from its values in reading order, with the finding that says so; None
    where the values are not exactly the template's cells or no single reading satisfies every
    identity."""
    rows = [code for code, _ in schema.rows(APPLICATION, template)]
    columns = {code: [c for c, _ in schema.columns(APPLICATION, template, code)] for code in rows}
    records = glued_values_split(records, APPLICATION, template, whole_rows_only=False)[0]
    values: list[_Value] = []
    for rec in records:
        for raw in rec.values:
            if not raw.strip():
                continue
            value = parse_value(raw)
            if value.problem is not None or value.unit is not None or not isinstance(value.number, int):
                return None  # a marked or unparsable cell: nothing says which cell it is
            values.append(_Value(raw.strip(), value.number, rec, bool(rec.labels)))
    cells_wanted = sum(map(len, columns.values()))
    if len(values) != cells_wanted or not _labels_in_template_order(records, rows_of, rows):
        return None
    readings = [_cells(values, rows, columns, started_at_label=False)]
    turned = _cells(values, rows, columns, started_at_label=True)
    if [c.value for c in turned] != [c.value for c in readings[0]]:
        readings.append(turned)  # the same values otherwise: one reading, checked once
    holding = [cells for cells in readings if not check(cells, template) and _labels_agree(cells, template)]
    if len(holding) != 1:
        return None  # none holds, or two different readings do
    finding = Finding(
        "values_in_reading_order",
        f"table 三 of PDF text lists its cells out of row order around labels that wrap; its "
        f"{cells_wanted} values were read in reading order, {len(columns[rows[0]])} a row"
        + (", each row starting at its label's line" if holding[0] is turned else "")
        + ": every identity of the table holds",
        APPLICATION,
        expected=f"{cells_wanted} values, a row a line",
        found=f"{cells_wanted} values, {sum(v.on_label_line for v in values)} of them on label lines",
    )
    return holding[0], finding


def _labels_agree(cells: list[Cell], template: str) -> bool:
    """Whether no row of a reading starts on a line whose label is a piece of another row's label
    and none of its own (``息需要 5 3 0 0 1 0 9`` read as 1.本机关不掌握相关政府信息: a row's lines
    moved, which keeps every identity)."""
    from .labels import full_key, row_label_keys

    labels = row_label_keys(APPLICATION, template)
    for cell in cells:
        if cell.column != "natural_person" or not cell.label:
            continue
        piece = full_key(cell.label)
        if len(piece) < 2 or piece in labels[cell.row]:
            continue
        if any(piece in label for code, label in labels.items() if code != cell.row):
            return False
    return True


def _labels_in_template_order(records: list[Record], rows_of: Matcher, rows: list[str]) -> bool:
    """Whether the rows the text's labels name come in the template's order (a report that moves a
    row would have its values read as another row's), a quarter of them at least (labels that
    wrap leave fragments that name none)."""
    index = {code: i for i, code in enumerate(rows)}
    named = [index[code] for rec in records if rec.labels and (code := rows_of(rec.text).code) in index]
    return len(set(named)) * 4 >= len(rows) and named == sorted(named)


def _cells(
    values: list[_Value], rows: list[str], columns: dict[str, list[str]], *, started_at_label: bool
) -> list[Cell]:
    out: list[Cell] = []
    at = 0
    for code in rows:
        width = len(columns[code])
        run = values[at : at + width]
        at += width
        if started_at_label:
            run = _started_at_label(run)
        label = next((v.record.text for v in run if v.on_label_line), None)
        for column, value in zip(columns[code], run, strict=True):
            out.append(Cell(APPLICATION, code, column, value.number, value.raw, label, value.record.source))
    return out


def _started_at_label(run: list[_Value]) -> list[_Value]:
    """A row's values turned to start at its label's line, where that line's values are together
    inside the run (the lines before it hold the row's last values)."""
    on_label = [i for i, v in enumerate(run) if v.on_label_line]
    if not on_label or on_label[0] == 0 or len({id(run[i].record) for i in on_label}) != 1:
        return run
    if on_label != list(range(on_label[0], on_label[-1] + 1)):
        return run
    return run[on_label[0] :] + run[: on_label[0]]
