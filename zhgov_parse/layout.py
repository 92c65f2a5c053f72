"""Blank cells of layout text, placed by where the values stand.

Text that keeps a table's columns aligned with runs of spaces (``pdftotext -layout``) drops a blank
cell from the words of its row without trace, but not from the row's geometry: each value still
stands under its column.  The columns' places come from the rows that have a value in every
column; a row short of values has its values put in the columns they stand under, the others
blank, where one way of doing so fits clearly better than any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

Span = tuple[int, int]

#: How far apart a tab-separated row's fields are placed, counted from its label (any distance
#: wider than 1: a field is a point, ``(8, 8)``, no word of layout text).
TAB_FIELD = 8


def is_tab_fields(spans: Sequence[Span]) -> bool:
    """Whether places are tab fields (points, ``(8, 8)``), not words of layout text."""
    return all(a == b for a, b in spans)


def label_clear_of(label_end: int | None, columns: Sequence[Span]) -> bool:
    """Whether a row's label ends before the first column's values (or the columns are tab fields,
    counted from the label): a label running on under the columns says the text's columns are not
    aligned, and its values may not be placed by where they stand."""
    return label_end is None or label_end <= columns[0][0] or is_tab_fields(columns)


def columns_of_full_rows(rows: Sequence[Sequence[Span]], n: int) -> list[Span] | None:
    """Each column's extent over the rows that have all ``n`` values (each value's span, in
    order), when those extents do not overlap; else None.  Tab fields (points): the fields those
    rows hold their values in, where they all agree."""
    full = [spans for spans in rows if len(spans) == n]
    if not full:
        return None
    if all(map(is_tab_fields, full)):
        fields = {tuple(spans) for spans in full}
        return list(fields.pop()) if len(fields) == 1 else None
    columns = [(min(s[i][0] for s in full), max(s[i][1] for s in full)) for i in range(n)]
    if any(columns[i][1] > columns[i + 1][0] for i in range(n - 1)):
        return None  # the full rows do not line up
    return columns


def fields_counted_from_labels(rows: Sequence[Sequence[Span]], n: int) -> list[Span] | None:
    """Tab rows where none has all ``n`` values (every row blank somewhere): the ``n`` fields after
    the label, when some row fills the ``n``-th (总计 in its last field: as many fields as columns)
    and none has a value beyond it (a padded label or a spacer column: fields not the columns);
    else None."""
    if not rows or not all(map(is_tab_fields, rows)):
        return None
    last = n * TAB_FIELD
    ends = [spans[-1][0] for spans in rows if spans]
    if last not in ends or any(end > last for end in ends):
        return None
    return [(k * TAB_FIELD, k * TAB_FIELD) for k in range(1, n + 1)]


def place(values: Sequence[str], spans: Sequence[Span], columns: Sequence[Span]) -> list[str] | None:
    """``values`` laid out in ``columns``, left to right, blank where none stands: the choice of
    columns whose middles lie nearest the values' middles, when it is nearer by a character at
    least than any other choice and no value is further than a column's spacing from its column
    (places that are points, tab fields, must match exactly); else None.

    >>> place(["2", "0", "/", "2"], [(25, 26), (27, 28), (34, 35), (44, 45)],
    ...       [(25, 27), (28, 29), (31, 32), (34, 35), (44, 46)])
    ['2', '0', '', '/', '2']
    """
    k, n = len(values), len(columns)
    if k != len(spans) or not 0 < k < n or n > 16:
        return None
    middles = [(a + b) / 2 for a, b in columns]
    spacing = min(middles[i + 1] - middles[i] for i in range(n - 1))
    at = [(a + b) / 2 for a, b in spans]
    costs = sorted(
        (sum(abs(middles[c] - x) for c, x in zip(choice, at, strict=True)), choice)
        for choice in combinations(range(n), k)
    )
    (best, choice), second = costs[0], costs[1][0] if len(costs) > 1 else float("inf")
    if is_tab_fields(spans) and (best or not is_tab_fields(columns)):
        return None  # tab fields (points): a value stands in its column's field (the full rows agree on)
    if second - best < 1 or any(abs(middles[c] - x) > spacing for c, x in zip(choice, at, strict=True)):
        return None
    out = [""] * n
    for c, value in zip(choice, values, strict=True):
        out[c] = value
    return out
