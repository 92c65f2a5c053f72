"""Rowspans one row too long or too short, as a page's table gives them, read as the table means.

A rowspan one row too long pushes its cell into the next row, whose own cells then stand a column
right and overflow the table (四's header cell 结果纠正 over its row of values: the row reads
``3 | 结果纠正 | 1 | …``); one too short leaves a gap in the next row, its own cells a column left
(三's header: 商业企业 over the label column).  Where the row's own cells fill the table (every
span reaching it ends a row earlier), the cells in their last row are as wide as its overflow (they
do), or one cell ending in the row above is as wide as its gap (it reaches the row), and the row is
then as wide as the row before it (or, that row short, as most rows) with no gap, the page means
those spans.  Anything else is left as the page gives it.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

#: Rows a table may have that its spans overflow or leave a gap in for them to be mended (each is
#: tried with the grid laid out again): a span or two a row off makes one such row each.
MOST_IRREGULAR = 4
#: Rows a rowspan may overflow the next rows' cells by for it to be mended: a span typed one or
#: two rows too long (10 for 8) pushes the cells of as many rows after it a column right.
TOO_LONG_BY = 2


class SpanCell(NamedTuple):
    """A shown cell of a table's row: its spans, and whether it is blank."""

    colspan: int
    rowspan: int
    blank: bool


#: A table's rows as cells (None: a row the page does not show, which a rowspan still covers).
Layout = list[list[SpanCell] | None]
Key = tuple[int, int]  # (row, cell): the cell-th shown cell of the row-th row


class _Row(NamedTuple):
    width: int  # columns of the row
    filled: int  # columns to the row's last cell that is not blank
    gap: int  # blank columns left before a cell a rowspan carries into the row
    own: int  # columns of the row's own cells
    lead: int  # columns before the row's first own cell (cells carried into it)
    carried: dict[Key, tuple[int, int]]  # cell carried into the row -> (rows left, this one too; colspan)
    ending: dict[Key, int]  # cell whose span ends in this row -> its colspan


def _grid(layout: Layout, rowspans: dict[Key, int]) -> list[_Row | None]:
    """The rows as a browser lays them out (a cell a rowspan carries right of a row's own cells
    still stands in its column, a gap before it), with ``rowspans`` for the cells' own."""
    out: list[_Row | None] = []
    carried: dict[int, tuple[int, Key]] = {}  # column -> (rows left, cell) of a cell from above
    for r, row in enumerate(layout):
        if row is None:
            carried = {c: (left - 1, key) for c, (left, key) in carried.items() if left > 1}
            out.append(None)
            continue
        col = end = gap = own = 0  # end: past the last cell not blank
        lead = -1
        here: dict[Key, tuple[int, int]] = {}
        ending: dict[Key, int] = {}
        for i, cell in enumerate(row):
            rowspan = rowspans.get((r, i), cell.rowspan)
            if not rowspan:
                continue  # a stray cell left out
            col = _carry(carried, col, here, ending)
            if lead < 0:
                lead = col
            for c in range(col, col + cell.colspan):
                if rowspan > 1:
                    carried[c] = (rowspan - 1, (r, i))
            if rowspan == 1:
                ending[(r, i)] = cell.colspan
            col += cell.colspan
            own += cell.colspan
            if not cell.blank:
                end = col
        for c in sorted(carried):
            if c >= col:
                gap += c - col
                col = end = _carry(carried, c, here, ending)
        out.append(_Row(col, end, gap, own, max(lead, 0), here, ending))
    return out


def _carry(
    carried: dict[int, tuple[int, Key]],
    col: int,
    here: dict[Key, tuple[int, int]],
    ending: dict[Key, int],
) -> int:
    """Put the cells carried into a row from ``col`` on (noting each in ``here``, and in ``ending``
    where its span ends in the row); the next column."""
    while col in carried:
        left, cell = carried[col]
        rows, span = here.get(cell, (left, 0))
        here[cell] = (rows, span + 1)
        if left == 1:
            ending[cell] = span + 1
            del carried[col]
        else:
            carried[col] = (left - 1, cell)
        col += 1
    return col


def _width_around(grid: list[_Row | None], at: int) -> int | None:
    """How wide the row before row ``at`` is (rows of blanks passed over): the width of its part of
    the table (a page may put 三 and 四, ten columns and fifteen, in one table, but a rowspan does
    not reach from one into the other)."""
    return next((row.width for row in reversed(grid[:at]) if row is not None and row.filled), None)


def _irregular(row: _Row | None, width: int | None) -> bool:
    """Whether a row has a gap, or a cell a rowspan carries into it and more filled columns than
    the row before is wide (blank cells at its end are no overflow: Word's empty last cells) or
    own cells as wide as it (blank or not: zeros left blank)."""
    if row is None or width is None:
        return False
    return row.gap > 0 or (bool(row.carried) and (row.filled > width or row.own == width))


def rowspans_mended(layout: Layout) -> dict[Key, tuple[int, int]]:
    """The cells whose rowspans a row after them shows to be one too long or too short, each with
    (the rowspan it has, the one the table means) — none where the rows agree with their spans."""
    grid = _grid(layout, {})
    widths = Counter(row.width for row in grid if row is not None and row.filled)
    usual = [width for width, n in widths.items() if n == max(widths.values())]
    irregular = [r for r, row in enumerate(grid) if _irregular(row, _width_around(grid, r))]
    opening = set(_opening_blank_pushing_spans(layout, grid, usual[0]) if len(usual) == 1 else ())
    irregular = sorted(opening.union(irregular))
    if len(irregular) > MOST_IRREGULAR:
        return {}  # spans broken throughout (or a hostile page's): no span a row off
    rowspans: dict[Key, int] = {}
    for at in irregular:
        row, above, before = grid[at], grid[at - 1] if at else None, _width_around(grid, at)
        if row is None or before is None or not (_irregular(row, before) or at in opening):
            continue  # (mended with a row before it)
        # as wide as the row before, or as most of the table's rows (the row before a header row
        # a span left short)
        for width in dict.fromkeys([before, *usual[:1]] if len(usual) == 1 else [before]):
            change = _stray_blank(layout, grid, at, width) or _change(row, above, width)
            if change is None:
                continue
            trial = {key: rowspans.get(key, _cell(layout, key).rowspan) + by for key, by in change.items()}
            mended = _grid(layout, rowspans | trial)
            now = mended[at]
            if now is not None and not now.gap and now.filled <= width and now.width == width:
                rowspans |= trial
                grid = mended
                break
    return {key: (_cell(layout, key).rowspan, n) for key, n in rowspans.items()}


def _stray_blank(layout: Layout, grid: list[_Row | None], at: int, width: int) -> dict[Key, int] | None:
    """A blank cell opening a row that makes it one column wider than the table (``<tr><td></td>
    <td rowspan="8">（三）不予公开</td>…``): it pushes the row's cells, and those the row's rowspans
    carry into the rows after it, a column right. It is a stray one (left out: a rowspan of 0)
    where it stands right of every cell carried into the row, and those cells all reach rows after
    it within the table (a span ending in the row may instead be too long, the blank a zero's)."""
    row, cells = grid[at], layout[at]
    if row is None or not cells or row.width != width + 1 or row.gap:
        return None
    first = cells[0]
    if not first.blank or first.colspan != 1 or first.rowspan != 1:
        return None
    if not row.carried:  # (a row no span reaches: its own spans pushed, :func:`_opening_blank_pushing_spans`)
        return {(at, 0): -1} if _spans_within(cells, at, len(layout)) else None
    if row.lead != sum(span for _, span in row.carried.values()):
        return None
    if any(left < 2 or at + left > len(layout) for left, _ in row.carried.values()):
        return None
    return {(at, 0): -1}


def _spans_within(cells: list[SpanCell], at: int, rows: int) -> bool:
    """Whether a row's own cells after its first hold a rowspan, each such reaching rows within
    the table."""
    spans = [cell.rowspan for cell in cells[1:] if cell.rowspan > 1]
    return bool(spans) and all(at + span <= rows for span in spans)


def _opening_blank_pushing_spans(layout: Layout, grid: list[_Row | None], usual: int) -> list[int]:
    """Rows that no rowspan reaches, one column wider than most of the table's rows and than the
    row before, that open with a blank cell and hold rowspans of their own (``<tr><td></td><td
    rowspan="12">三、本年度办理结果</td>…``, the first row of a table's part after a page break):
    the blank pushes the cells the spans carry a column right, the rows after it then put their
    labels before them (:func:`_stray_blank`)."""
    out = []
    for at, row in enumerate(grid):
        cells = layout[at]
        if row is None or not cells or row.carried or row.width != usual + 1:
            continue
        if _width_around(grid, at) != usual or not cells[0].blank:
            continue
        if _spans_within(cells, at, len(layout)):
            out.append(at)
    return out


def _cell(layout: Layout, key: Key) -> SpanCell:
    row = layout[key[0]]
    assert row is not None
    return row[key[1]]


def _change(row: _Row, above: _Row | None, width: int) -> dict[Key, int] | None:
    """The rowspans that would mend an irregular row, each by how many rows; None if no one way."""
    if row.gap:
        # one too short: the one cell ending in the row above as wide as the gap reaches this row
        reach = [key for key, span in (above.ending.items() if above else ()) if span == row.gap]
        return {reach[0]: 1} if len(reach) == 1 else None
    excess = row.filled - width
    if row.own == width:  # the row's own cells fill the table: no cell from above reaches it
        return {key: -left for key, (left, _) in row.carried.items()}
    for by in range(1, TOO_LONG_BY + 1):
        # one too long: the cells in their last row end a row earlier; or two too long, in their
        # last row but one (三's group cell over its eight rows and the next group's first two)
        last = {key: span for key, (left, span) in row.carried.items() if left == by}
        if last and sum(last.values()) == excess:
            return dict.fromkeys(last, -by)
    return None
