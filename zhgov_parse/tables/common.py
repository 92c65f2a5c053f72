"""What the readers of the three tables share: headers that came one cell a line, rows set aside
as uncertain (values before their labels, two tables' lines interleaved, gathered rows that do not
add up), and where a header's cells stand."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ..findings import Finding
from ..labels import Matcher, key
from ..layout import is_tab_fields
from ..mapping import (
    Record,
    Row,
    TableResult,
    breaks_total,
    fit,
    is_prose,
    row_finding,
)
from ..values import Value, parse_value

APPLICATION = "application_handling"
REVIEW = "review_litigation"
ACTIVE = "active_disclosure"


def one_cell_header(
    records: list[Record], rows_of: Matcher, is_header: Callable[[str], bool]
) -> list[Record]:
    """A header that came one cell a line (``自然人 |`` / ``法人或其他组织 |`` / ``总计 |`` …), read
    back as one header line of its cells in order: alone, ``总计`` reads as a row and ``行政复议``
    as a group's row label, so the rows would start inside the header.

    Only label lines above the first values count, and the row label right above them is a row's;
    each run of one-cell lines there (a note or a blank line ends a run) is joined if it reads as a
    header.
    """
    end = next((i for i, r in enumerate(records) if any(map(str.strip, r.values))), len(records))
    for back in range(1, min(end, 3) + 1):  # the first row's own label (一、本年新收…, wrapped over
        if len(records[end - back].labels) != 1 or len(records[end - back].labels[0]) > 40:  # lines)
            break
        if rows_of("".join(r.labels[0] for r in records[end - back : end])).code is not None:
            end -= back  # (or 行政复议 over its five values)
            break

    def one_cell(rec: Record) -> bool:
        return len(rec.labels) == 1 and not is_prose(rec) and bool(key(rec.labels[0]))  # not a note

    def header(cells: list[str]) -> list[str] | None:
        return cells if is_header(" ".join(cells)) else None

    return [*join_runs(records[:end], one_cell, header), *records[end:]]


def join_runs(
    records: list[Record], in_run: Callable[[Record], bool], header: Callable[[list[str]], list[str] | None]
) -> list[Record]:
    """Each run of two or more one-cell records that ``in_run`` accepts, one header record of the
    cells ``header`` makes of them; a run it makes nothing of stays as it is."""
    out: list[Record] = []
    run: list[Record] = []

    def flush() -> None:
        cells = header([r.labels[0] for r in run]) if len(run) > 1 else None
        if cells:
            out.append(Record(cells, [], run[0].source))
        else:
            out.extend(run)
        run.clear()

    for rec in records:
        if in_run(rec):
            run.append(rec)
            continue
        if run:
            flush()
        out.append(rec)
    flush()
    return out


def values_before_labels(records: list[Record], rows_of: Matcher) -> bool:
    """Whether value lines come right after a line that names no row (a header, 第二十条…): plain
    pdftotext writes a vertically centred label after its row's values (``处理决定数量`` / ``3`` /
    ``-1`` / ``2`` / ``行政处罚``), where a page's text has the label first."""
    fragments: list[str] = []
    for rec in records:
        if rec.labels:
            fragments.append(rec.text)
        if not any(map(str.strip, rec.values)):
            continue
        named = (rows_of("".join(fragments[i:])).code for i in range(len(fragments)))  # looked up only
        if not rec.labels and fragments and not any(named):  # for value lines after label lines
            return True
        fragments = []
    return False


def set_uncertain(row: Row, table: str, why: str, out: TableResult) -> None:
    """Leave a row NA where it stands (no other row is put there by position), and say why."""
    row.uncertain = True
    out.findings.append(uncertain(row, table, why))


def gathered_set_aside(rows: list[Row], table: str, why: str, out: TableResult) -> None:
    """Leave every row whose values were gathered from lines of their own NA where it stands, and
    say why (:func:`set_uncertain`): lines that may hold another row's values."""
    for row in rows:
        if row.gathered and not row.uncertain:
            set_uncertain(row, table, why, out)


def uncertain(row: Row, table: str, why: str) -> Finding:
    """The ``row_order_uncertain`` finding of a row of PDF text whose values are left NA."""
    return row_finding(
        "row_order_uncertain",
        f"row '{row.label or '(no label)'}': {why}, so they are left NA",
        table,
        row,
        row.match.code,
    )


def two_labels_then_values(rows: list[Row], out: TableResult, table: str = APPLICATION) -> None:
    """PDF text that lists two rows' labels before their values (``1.信访举报投诉类申请`` /
    ``2.重复申请`` / 7 values / 7 values): the first label is left with none, the second takes the
    first block, a row with no label the second.  Which block is whose, the text does not say
    (reading order is no proof in PDF text): both rows keep their places, NA, said."""
    for row, after in itertools.pairwise(rows):
        if row.after_bare and row.gathered and after.gathered and not after.own and after.match.code is None:
            why = (
                "its values and the next lines' come after another row's label that has none (PDF text "
                "lists two labels before their values): which are whose the text does not say"
            )
            set_uncertain(row, table, why, out)
            after.uncertain = True


def interleaved(
    rows: list[Row],
    records: list[Record],
    n: int,
    out: TableResult,
    table: str = APPLICATION,
    zeros_only: bool = True,
) -> None:
    """PDF text whose lines of one value after a label are more than a row's and not whole rows
    (17 after ``3.要求提供公开出版物``, 9 after the next label): plain pdftotext interleaves the rows'
    cells.  A row read from such a run whose values are all 0 adds up whoever's zeros they are
    (another row's 1 may be among the lines it lost): it keeps its place, NA, said.  (Values that
    add up to a total other than 0 are a row's own, as seven lines read in a row.)  Table 四's
    groups of five, side by side in the PDF, interleave too (``1 0 0 0 1 2`` of 1 0 0 1 2 and a 0
    of the next group): no group read from such a run is certain (``zeros_only=False``)."""
    runs: dict[str, int] = {}  # the source of each line of one value: how many its run holds
    run: list[str] = []
    for rec in [*records, Record(["end"], [], "")]:
        if rec.labels:
            runs.update(dict.fromkeys(run, len(run)))
            run = []
        elif len(rec.values) == 1 and rec.values[0].strip() and rec.spans is None:
            run.append(rec.source)  # a value on a line of its own (a row's cells on one line are a row's)
    for row in rows:
        count = runs.get(row.source, 0)
        if not row.gathered or row.uncertain or count <= n or not count % n:
            continue
        if zeros_only and any(parse_value(v).number for v in row.values):
            continue
        why = (
            f"its values come from lines of their own in text that interleaves the table's rows (its "
            f"label is followed by {count} values, more than a row's and not whole rows)"
            + (", and all 0" if zeros_only else "")
            + ": they may be another row's"
        )
        set_uncertain(row, table, why, out)


def drop_unbalanced_gathered(
    rows: list[Row],
    n: int,
    table: str,
    check: Callable[[list[Value]], bool],
    out: TableResult,
    by_most: bool = False,
) -> list[Row]:
    """Rows of PDF text that do not add up (总计 ≠ the sum of the others): likelier misread than a
    report's typo.  Lines in reading order may hold another row's values, or this row's in another
    order (a cell's value set lower than its neighbours' comes after them); a number too wide for
    its cell wraps onto the next line (``２５`` over ``５``).  NA, said.  A row whose cells tabs set
    apart on its own line (a Word table saved as text, a spreadsheet's rows) holds the table's own
    cells, as a pipe row does: one that does not add up is the report's, kept for the identities
    to report.
    ``by_most``: where most rows gathered from lines of their own do not add up, the text's order is
    none to read by (pdfminer's text lists each cell a block, a row's in an order of its own:
    ``3 0 0 0 18 10 5``, and others that still add up, ``38 8 4 7 3 3 63`` for ``38 8 3 4 7 3 63``):
    every row gathered so is NA, but where its order cannot matter (all 0)."""
    held = broken = 0
    fitted: dict[int, list[str] | None] = {}  # id of a row -> its cells, digits split over cells joined
    for row in rows:
        if not row.gathered and row.spans and is_tab_fields(row.spans):
            continue
        cells = fitted[id(row)] = fit(row.values, n, check)[0]
        if cells is None:
            continue
        if not breaks_total(cells, blanks_are_zero=False):
            held += row.gathered
            continue
        broken += row.gathered
        how = "come from lines of their own" if row.gathered else "stand on one line"
        why = (
            f"its values {how} in PDF text and do not add up (总计 ≠ the sum of the others): they may "
            "be another row's, out of order or wrapped in their cells"
        )
        set_uncertain(row, table, why, out)
    if by_most and broken > held:
        why = (
            f"its values come from lines of their own in PDF text where most rows gathered so do not add "
            f"up ({broken} of {broken + held}): their order is not the columns'"
        )
        for row in rows:
            if row.gathered and not row.uncertain and not _order_free(fitted.get(id(row))):
                set_uncertain(row, table, why, out)
    return rows


def _order_free(cells: list[str] | None) -> bool:
    """Whether a row's values read the same in any order that adds up: all known, its cells other
    than the total one number (0 | 0 | … | 0)."""
    if cells is None:
        return False
    numbers = [parse_value(c).number for c in cells]
    return None not in numbers and len(set(numbers[:-1])) == 1


def column_positions(rec: Record, columns_of: Matcher) -> list[int] | None:
    """Grid columns of the header cells that name a column (HTML rows only)."""
    if rec.positions is None:
        return None
    return [p for p, cell in zip(rec.positions, rec.labels, strict=False) if columns_of(cell).codes]
