"""Mapping table blocks to schema codes: rows by label, columns by header, values by position.

Every table is read the same way whatever the input kind: blocks become records (label cells,
value cells), records are assembled into rows (wrapped labels joined, rows that a scraper put
one cell per line put back together), rows get codes from their labels (or, for unlabeled rows,
from their position between labeled ones), and values go to columns in header order.
Nothing is guessed silently: every fallback leaves a finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, pairwise
from typing import NamedTuple

from . import schema
from .document import Block
from .findings import SET_ASIDE, Finding
from .labels import Match, key, matcher
from .layout import TAB_FIELD, is_tab_fields
from .script import either_script, to_simplified
from .values import (
    AMOUNT_FACTORS,
    UNIT_CELLS,
    Value,
    digit_mark,
    fold_units,
    is_number_text,
    is_value_text,
    parse_value,
)


class Cell(NamedTuple):
    """One reported number (or NA) with the text it was read from (immutable; a named tuple,
    because a report makes hundreds and a frozen dataclass costs four times as much to build)."""

    table: str
    row: str
    column: str
    value: int | float | None
    raw: str | None
    label: str | None
    source: str | None


_new_tuple = tuple.__new__  # NamedTuple(...) minus its Python-level __new__: half the cost


@dataclass(slots=True)
class Record:
    """A block split into its label cells and the value cells after them."""

    labels: list[str]
    values: list[str]
    source: str
    positions: list[int] | None = None  # grid column of each label and value cell (HTML)
    inner_gaps: int = 0  # empty cells between its first and last label cell (a text row)
    spans: tuple[tuple[int, int], ...] | None = None  # layout text: see Block.spans
    uncertain: bool = False  # its values may be a cell off (said by a finding): its row's cells are NA

    @property
    def value_positions(self) -> list[int] | None:
        return self.positions[len(self.labels) :] if self.positions is not None else None

    @property
    def value_spans(self) -> list[tuple[int, int]] | None:
        """Where each value cell stands on its line (layout text), else None."""
        spans = self.spans
        if spans is None or len(spans) != len(self.labels) + len(self.values):
            return None
        return list(spans[len(self.labels) :])

    @property
    def text(self) -> str:
        return " ".join(self.labels)


@dataclass(slots=True)
class Row:
    """A table row as assembled from records: its label text, candidate codes and values."""

    label: str
    match: Match
    values: list[str]
    source: str
    strong: bool  # the label on the row's own line names the row (not wrapped text above it)
    own: bool  # the row's line has label cells of its own
    code: str | None = None
    spans: list[tuple[int, int]] | None = None  # where each value stands on its line (layout text)
    gathered: bool = False  # values taken, in reading order, from lines other than the label's own
    lines: int = 1  # how many lines (table rows) its values come from
    tail: int = 0  # how many values its last line gave, where that line is values alone added after
    label_end: int | None = None  # layout text: where the label on the row's own line ends
    uncertain: bool = False  # its values may be another row's: it keeps its place, its cells are NA
    after_bare: bool = False  # a row's label right before its own had no values (they may be these)
    spaced: int = 0  # how many values a line of its values alone held a single space apart (1 5), if any


@dataclass(slots=True)
class TableResult:
    cells: list[Cell] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    found: bool = False  # any value mapped


def to_record(block: Block) -> Record | None:
    """Split a block into label and value cells; None for blocks with no text at all."""
    if block.kind != "row":
        text = block.cells[0].strip()
        return Record([text], [], block.source, spans=block.spans) if text else None
    cells, copies = block.cells, block.copies
    if copies is None or not any(copies):
        record = _plain_record(cells, block.source, copies is not None)
        if block.spans is not None and record is not None:
            record.spans = block.spans
        return record
    # A spanning cell is one cell: drop its colspan copies, and rowspan copies of values
    # (a label copied down by a rowspan stays: it is the group the row belongs to).
    kept = [i for i, copy in enumerate(copies) if not copy or (copy == 2 and not is_value_text(cells[i]))]
    end = len(kept)  # past the last cell that is text, not a value
    while end:
        cell = cells[kept[end - 1]]
        if cell and not (cell.isdigit() and cell.isascii()) and not is_value_text(cell):
            break
        end -= 1
    labels = [i for i in kept[:end] if cells[i]]
    values = kept[end:]
    value_cells = [cells[i] for i in values]
    if not labels and not any(value_cells):
        return None
    return Record([cells[i] for i in labels], value_cells, block.source, labels + values)


def _plain_record(cells: tuple[str, ...], source: str, with_positions: bool) -> Record | None:
    """:func:`to_record` of a row no span copied into (every row of text): the same split, faster."""
    last = len(cells) - 1
    while last >= 0:  # the last cell that is text, not a value
        cell = cells[last]
        if cell and not (cell.isdigit() and cell.isascii()) and not is_value_text(cell):
            break
        last -= 1
    if (
        last > 0
        and cells[last].strip() in UNIT_CELLS
        and (not with_positions or last == len(cells) - 1)  # folding must not shift a cell's position
        and is_number_text(cells[last - 1])
    ):
        return _plain_record(tuple(fold_units(list(cells))), source, with_positions)  # 12.5 | 万元
    if last > 1 and (not cells[last - 1] or is_value_text(cells[last - 1])):
        last = _before_a_note(cells, last)
    labels = [c for c in cells[: last + 1] if c]
    values = list(cells[last + 1 :])
    if not labels and not any(values):
        return None
    positions = None
    if with_positions:
        positions = [i for i in range(last + 1) if cells[i]] + list(range(last + 1, len(cells)))
    gaps = 0
    if len(labels) < last + 1 and labels:
        first = next(i for i in range(last + 1) if cells[i])
        gaps = last + 1 - first - len(labels)
    return Record(labels, values, source, positions, gaps)


def _before_a_note(cells: tuple[str, ...], last: int) -> int:
    """Where a row's label ends when text follows its values (``5.属于三类内部事务信息 | 3 | 4 | 1 | | 2
    | 3 | 13 | 注：含线上申请``, a remark after the row): the last text cell before values with a
    blank cell among them, the remark one of the values; else ``last``. Read as the label's, the
    values lost their blank cells (empty label cells are passed over) and went a column on."""
    k = last - 1
    while k >= 0 and (not cells[k] or is_value_text(cells[k])):
        k -= 1
    run = cells[k + 1 : last]
    return k if k >= 0 and "" in run and sum(map(is_number_text, run)) >= 2 else last


def is_prose(rec: Record) -> bool:
    """A record that is a sentence of narrative, not a table row (rows of several cells never are)."""
    return len(rec.labels) == 1 and not any(map(str.strip, rec.values)) and looks_narrative(rec.labels[0])


def trim_padding(values: list[str], n: int) -> list[str]:
    """Drop trailing empty cells (padding of merged cells) beyond ``n``."""
    out = list(values)
    while len(out) > n and not out[-1].strip():
        out.pop()
    return out


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]|[(（][^()（）]*$|^[^()（）]*[)）]")


def without_notes(text: str) -> str:
    """``text`` without what it says in brackets (a bracket cut off at either end included)."""
    return _BRACKETED.sub("", text)


def looks_narrative(text: str) -> bool:
    """Prose rather than a table label: long, or with sentence punctuation outside brackets."""
    if len(text) > 60:
        return True
    bare = without_notes(text)
    return any(p in bare for p in "。；，;,")


# ---------------------------------------------------------------------------------------------
# Row assembly shared by tables 三 and 四


def assemble(
    records: Iterable[Record],
    rows_of: Matcher,
    expected: Callable[[Match], int],
    is_header: Callable[[str], bool],
) -> list[Row]:
    """Join records into rows: wrapped labels joined, one-cell-per-line rows put back together."""
    rows: list[Row] = []
    pending: list[str] = []
    current: Row | None = None
    bare = False  # a label naming a row was left without values for the next label's
    records = list(records)
    floor = _first_value_column(records) if any(rec.spans is not None for rec in records) else None
    laid_out = floor is None or not _values_at_the_margin(records)
    for rec in records:
        if rec.labels and not any(map(str.strip, rec.values)) and is_header(rec.text):
            continue
        rec = _text_in_value_cells(rec, rows_of)
        if not any(map(str.strip, rec.values)):
            if not rec.labels:
                continue
            text = rec.text
            if is_header(text):
                continue
            blank_row = bool(rec.values) and rows_of(rec.labels[-1]).code is not None
            if not blank_row:  # a label alone: wrapped text of the next row's label, or prose
                if is_prose(rec) and rows_of(text).how != "exact":  # (not 规章：地方行政规章指…。)
                    pending = []
                elif rows_of(text).code is not None and any(rows_of(p).code for p in pending):
                    pending = [text]  # the earlier label had no values: start afresh
                    bare = True
                elif pending and _names_another_row_with(pending, text, rows_of):
                    pending = [text]  # the lines before are the tail of the row before's label
                else:
                    pending.append(text)
                current = None
                continue
        placeholder = not rec.labels and not any(is_number_text(v) for v in rec.values)
        room = (
            current is not None
            and len(current.values) + len(rec.values) <= expected(current.match)
            and not _fields_filled(current, expected(current.match))
        )
        if (
            placeholder
            and not room
            and not (pending and rows_of("".join(pending)).code is not None)
            and not _one_a_line_after(current, rec)
        ):
            continue  # a row of dashes or blanks with no label: placeholders, no number
        if rec.labels:
            own_text = rec.text
            match = rows_of(rec.labels[-1])  # the most specific part first: （六）其他处理 | 3.其他
            if match.code is None:
                whole = rows_of(own_text)
                if whole.codes:
                    match = whole
            label = own_text
            strong = match.code is not None
            if match.code is None and pending:
                joined = "".join(_from_last_item(pending)) + own_text
                joined_match = rows_of(joined)
                if not joined_match.codes and (tail := _item_tail(own_text)):
                    # layout text: an item's head wrapped onto the line above the row, whose own
                    # label is its groups and the item's tail (2.其他法律行政 / 三、本年度办理结果
                    # （三）不予公开 法规禁止公开 1 0 …)
                    head = "".join(_from_last_item(pending))
                    joined_match = rows_of(head + tail)
                    joined = own_text[: len(own_text) - len(tail)] + head + tail
                if joined_match.codes or joined_match.how == "misnumbered":  # (placed as its lines say)
                    match, label = joined_match, joined
            row = Row(label, match, list(rec.values), rec.source, strong, True, spans=rec.value_spans)
            row.uncertain = rec.uncertain
            if rec.spans is not None and row.spans is not None:
                row.label_end = rec.spans[len(rec.labels) - 1][1]
        else:
            if room:
                spans = rec.value_spans
                if (
                    current.spans is not None
                    and spans is not None
                    and _apart(current.spans, spans)
                    and (current.label_end is None or spans[0][0] >= current.label_end)
                    and laid_out
                    and (floor is None or min(spans[0][0], current.spans[0][0]) >= floor)
                ):
                    # layout text: a row's values over two lines (cells aligned at different
                    # heights in a PDF), put together by where they stand, not line by line; a
                    # value under the row's label is no column's (lynx puts a cell's second
                    # paragraph there), so such lines are taken in reading order
                    pairs = zip([*current.spans, *spans], [*current.values, *rec.values], strict=True)
                    merged = sorted(pairs)
                    current.spans = [span for span, _ in merged]
                    current.values = [value for _, value in merged]
                    current.lines += 1
                else:
                    current.values.extend(rec.values)
                    current.spans = None  # values from several lines, in reading order
                    current.gathered = True
                    current.lines += 1
                    current.tail = len(rec.values)
                    current.spaced = current.spaced or _single_spaced(rec)
                continue
            label = "".join(_from_last_item(pending))
            match = rows_of(label) if label else Match((), "none")
            if match.code is None and len(pending) > 1 and rows_of(pending[-1]).how == "exact":
                match = rows_of(pending[-1])  # 三、本年度办理结果 / （七）总计 one cell a line
            spans = rec.value_spans
            row = Row(label, match, list(rec.values), rec.source, False, False, spans=spans, gathered=True)
            row.after_bare = bare
            row.uncertain = rec.uncertain
            row.spaced = _single_spaced(rec)
        bare = False
        pending = []
        rows.append(row)
        current = row
    return rows


def _single_spaced(rec: Record) -> int:
    """How many values a line of values alone holds, where no run of spaces sets them apart (text
    whose words are split at every space: ``1 5`` may be 15 with a space in it); 0 for any other."""
    return len(rec.values) if len(rec.values) > 1 and not rec.labels and rec.spans is None else 0


def _one_a_line_after(row: Row | None, rec: Record) -> bool:
    """Whether ``rec`` is one value alone on its line after a row whose values came a line each (text
    a cell a line): a marker there (``不适用``) is a line more than the row's columns take, as a
    number would be, not a row of placeholders to pass over (``行政许可`` / ``7`` / ``不适用``: a page
    number before the row's own cell)."""
    return row is not None and row.gathered and row.lines == len(row.values) and len(rec.values) == 1


def _names_another_row_with(pending: list[str], text: str, rows_of: Matcher) -> bool:
    """Whether a label line that names a row exactly on its own would name another row with the
    label lines before it: those are the wrapped tail of the row before, whose values came first
    (layout text: ``5.要求行政机关确认 1 0 …`` / ``或重新出具已获取信`` / ``息`` / ``（六）其他处理`` /
    ``2 2 0 …``, a page break inside the label), not this label's head, where they name no row
    on their own."""
    alone = rows_of(text)
    if alone.how != "exact" or any(rows_of(p).codes for p in pending):
        return False  # (a label listed before it: plain PDF text's labels apart from their values)
    joined = rows_of("".join(pending) + text).code
    return joined is not None and joined != alone.code


def _fields_filled(row: Row, n: int) -> bool:
    """Whether a row of tab-separated text has its fields up to its last column, blank ones
    included (``行政处罚 ⇥ 9 ⇥ ⇥ 15``): it is whole, and a value on a line after it (a page number)
    is none of its cells."""
    spans = row.spans
    return spans is not None and is_tab_fields(spans) and spans[-1][0] >= n * TAB_FIELD


Matcher = Callable[[str], Match]


@cache
def _groups() -> re.Pattern[str]:
    """Table 三's group labels, as a row line of layout text repeats them before an item's tail
    (either script; built on first use: it needs OpenCC)."""
    return re.compile(
        either_script(
            r"^(?:三\s*[、.．]\s*)?(?:本年度办理结果)?\s*"
            r"(?:[(（]\s*[一二三四五六七]\s*[)）]\s*(?:不予公开|无法提供|不予处理|其他处理))?"
        )
    )


def _item_tail(label: str) -> str:
    """What follows table 三's group labels at the head of a row's label, if any did and
    something follows (``法规禁止公开`` of ``三、本年度办理结果（三）不予公开法规禁止公开``)."""
    m = _groups().match(label)
    return label[m.end() :] if m and m.end() and m.end() < len(label) else ""


_ITEM_START = re.compile(r"\s*\d{1,2}\s*[.、．]\s*\D")
_GROUP_START = re.compile(r"\s*[(（]\s*[一二三四五六七]\s*[)）]")


def _from_last_item(pending: list[str]) -> list[str]:
    """A wrapped label's lines from the last that starts an item (``5.要求`` after ``⼤量反`` /
    ``复申请``, the tail of item 4 whose values came before it), with its group's line if that
    comes right before (``（三）不予公开`` / ``1.属于国家秘密``); all of them if none starts one."""
    for i in range(len(pending) - 1, 0, -1):
        if _ITEM_START.match(pending[i]):
            return pending[i - 1 :] if _GROUP_START.match(pending[i - 1]) else pending[i:]
    return pending


def _first_value_column(records: list[Record]) -> int | None:
    """Layout text: where the leftmost value of a row with its label on its line starts (less two
    columns, for a narrower number than the column's widest); values further left stand under
    the labels, in no column (lynx writes a cell's second paragraph there)."""
    starts = [
        spans[len(rec.labels)][0]
        for rec in records
        if rec.labels and rec.values and (spans := rec.spans) is not None and len(spans) > len(rec.labels)
    ]
    return min(starts) - 2 if starts else None


def _values_at_the_margin(records: list[Record]) -> bool:
    """Whether a line of values alone starts at the line's first column, where layout text has its
    labels (pypdf's text: two spaces between words, a wrapped label's tail before a row's first
    values, ``信息  2  0`` / ``  0 `` / ``1  0  1``): no layout, whose places tell no columns."""
    return any(not rec.labels and rec.spans is not None and rec.spans[0][0] == 0 for rec in records)


def _apart(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """Whether two lines are laid out (the first's words apart by runs of spaces, or the second
    indented) and none of the second's words stands over one of the first's or right against it
    (``1  0`` over ``  1``: on one line, ``10``): two lines of one layout row.  (Text without
    layout starts every line at its first column, one space apart.)"""
    laid_out = second[0][0] >= 2 or any(first[i + 1][0] - first[i][1] >= 2 for i in range(len(first) - 1))
    return laid_out and not any(a <= d and c <= b for a, b in first for c, d in second)


def _text_in_value_cells(rec: Record, rows_of: Matcher) -> Record:
    """``行政处罚 | 见附件``: text after a complete row label is a (non-numeric) value, not label."""
    if len(rec.labels) < 2:
        return rec
    cut = len(rec.labels)
    while (
        cut > 1 and not rows_of(rec.labels[cut - 1]).codes and rows_of(" ".join(rec.labels[: cut - 1])).code
    ):
        cut -= 1
    if cut == len(rec.labels) or not rows_of(rec.labels[cut - 1]).code:
        return rec
    moved = rec.labels[cut:]
    return Record(rec.labels[:cut], [*moved, *rec.values], rec.source, rec.positions, uncertain=rec.uncertain)


def assign(
    rows: list[Row],
    order: Sequence[str],
    table: str,
    fits: Callable[[Row], bool] | None = None,
    template: str | None = None,
    whole: Callable[[Row], bool] | None = None,
) -> list[Finding]:
    """Give each row a code.

    Rows whose own line names them are anchors.  Between two anchors, the other rows (labels
    wrapped from lines above, ambiguous or missing) take the template's free codes there: by
    position when their number equals the number of free codes, else by their labels where those
    are in template order.  Whatever is left is reported, never guessed.  ``whole`` (``fits`` if
    not given): of two rows naming one row, the one whose values fill its columns is kept.
    """
    whole = whole or fits
    findings: list[Finding] = []
    position = {code: i for i, code in enumerate(order)}
    taken: dict[str, Row] = {}

    def take(row: Row, code: str) -> None:
        row.code = code
        taken[code] = row

    loose: list[int] = []
    anchors: list[int] = []
    for i, row in enumerate(rows):
        code = row.match.code
        if row.match.codes and not set(row.match.codes) & set(position):
            findings.append(_unmapped(table, row, "belongs to no row of this table's template"))
        elif row.strong and code in position:
            if code in taken:
                first = taken[code]
                # keep the occurrence that fits its columns, or the one with numbers over one with
                # none (a header's line that wrapped: 未经复议 / 直接起诉 | 复议后起诉); a row marked
                # missing (行政许可 | 不适用) states its cells as numbers do
                if (whole is not None and not whole(first) and whole(row)) or (
                    not _states_values(first) and any(map(is_number_text, row.values))
                ):
                    first.code, row.code = None, code  # keep the occurrence that fits its columns
                    anchors.remove(next(j for j, r in enumerate(rows) if r is first))
                    anchors.append(i)
                    taken[code] = row
                    findings.append(_duplicate(table, first, row, template))
                elif pair := _template_row_of(rows, first, row, position, table, template):
                    kept, extra = pair
                    if kept is row:
                        anchors.remove(next(j for j, r in enumerate(rows) if r is first))
                        anchors.append(i)
                        take(row, code)  # type: ignore[arg-type]
                    extra.code = None
                    why = (
                        f"names {schema.row_label(table, code, template)} less closely than row "  # type: ignore[arg-type]
                        f"'{kept.label}', which stands in its place: an extra row; its values are not used"
                    )
                    findings.append(_unmapped(table, extra, why))
                else:
                    differ = _copies_differ(row, first)
                    first.uncertain = first.uncertain or differ
                    findings.append(_duplicate(table, row, first, template, differ))
                continue
            take(row, code)  # type: ignore[arg-type]
            anchors.append(i)
        elif (
            row.own
            and not row.match.codes
            and row.match.how != "misnumbered"
            and not _named_by_piece(row, table)
        ):
            findings.append(_unmapped(table, row, "matches no row of the template; its values are not used"))
        else:
            loose.append(i)
            if fits is not None and _after_a_short_row(rows, i, fits):
                row.uncertain = True  # it keeps its place, NA
                findings.append(
                    row_finding(
                        "row_order_uncertain",
                        "values on lines of their own right after a row short of its values (or opening "
                        "the table, with blank cells): they may be that line's, wrapped, so they are left NA",
                        table,
                        row,
                    )
                )
    for row in rows:
        if row.code is not None and row.match.how == "fuzzy":
            findings.append(
                Finding(
                    "label_fuzzy_match",
                    f"label '{row.label}' read as {schema.row_label(table, row.code, template)} "
                    "by similarity",
                    table,
                    row.code,
                    expected=schema.row_label(table, row.code, template),
                    found=row.label,
                    source=row.source,
                )
            )
    bounds = [-1, *anchors, len(rows)]
    for lo, hi in pairwise(bounds):
        gap = [i for i in loose if lo < i < hi]
        if gap:
            first = position[rows[lo].code] + 1 if lo >= 0 else 0  # type: ignore[index]
            last = position[rows[hi].code] if hi < len(rows) else len(order)  # type: ignore[index]
            slots = [c for c in order[first:last] if c not in taken]
            gap_rows = [rows[i] for i in gap]
            if whole is not None and (labelled := _labels_fit_not_places(gap_rows, slots, whole)):
                findings.extend(_take_by_labels(table, gap_rows, labelled, take))
                continue
            beside = {id(rows[j]) for j in (lo, hi) if 0 <= j < len(rows)}
            elsewhere = frozenset(c for c, r in taken.items() if id(r) not in beside)
            findings.extend(_fill(table, gap_rows, slots, position, take, template, elsewhere))
    return findings


def _labels_fit_not_places(rows: list[Row], slots: list[str], whole: Callable[[Row], bool]) -> list[Row]:
    """Rows between anchors as many as the free rows, placed by position one off their labels (a
    number that is no cell, a page's, opening the gap: ``3`` / ``规章`` / ``/`` … a cell a line):
    the rows whose labels name free rows exactly, in the template's order, where each fills the
    columns its label names and one of them would not fill those of its place (rows as wide as
    their places, 三's and 四's, never so). Empty otherwise."""
    if len(rows) != len(slots) or not any(r.match.code != s for r, s in zip(rows, slots, strict=True)):
        return []
    named = [r for r in rows if r.match.how == "exact" and r.match.code in slots]
    codes = [slots.index(r.match.code) for r in named]  # type: ignore[arg-type]
    if len(named) < 2 or codes != sorted(set(codes)) or not all(map(whole, named)):
        return []
    placed = {
        id(r): Row(r.label, Match((s,), "exact"), r.values, r.source, False, False)
        for r, s in zip(rows, slots, strict=True)
    }
    return named if not all(whole(placed[id(r)]) for r in named) else []


def _take_by_labels(
    table: str, rows: list[Row], named: list[Row], take: Callable[[Row, str], None]
) -> list[Finding]:
    """Each of ``named`` taken as its label names; the other rows' values are no row's."""
    for row in named:
        take(row, row.match.code)  # type: ignore[arg-type]
    return [
        row_finding(
            "unmapped_values",
            f"values before the rows' labels that fill their columns as those name them "
            f"('{' | '.join(row.values)}'): a number that is no cell (a page's), not placed",
            table,
            row,
        )
        for row in rows
        if not any(row is r for r in named)
    ]


def _template_row_of(
    rows: list[Row], first: Row, row: Row, position: dict[str, int], table: str, template: str | None
) -> tuple[Row, Row] | None:
    """Of two rows naming one row of the template, (the template's row, an extra row) where that is
    certain: one label is the template's own, item number and all (``（七）总计``, ``3.其他``,
    ``行政事业性收费``), the other's is not, and the other stands out of the template's place (``合计``
    or ``五、其他`` after 四、结转下年度继续办理) or right beside it, the template's words and more
    (``行政事业性收费减免``), while the first stands in it.  None otherwise (two rows with one label:
    copies of a table)."""
    code = first.match.code
    own = _template_item(schema.row_label(table, code, template))  # type: ignore[arg-type]
    exact = [r for r in (first, row) if _names_item(r.label, own)]
    if len(exact) != 1:
        return None
    kept = exact[0]
    extra = row if kept is first else first
    at = {id(r): j for j, r in enumerate(rows)}
    if _out_of_place(rows, at[id(kept)], code, position):  # type: ignore[arg-type]
        return None
    words, more = key(kept.label), key(extra.label)
    beside = abs(at[id(kept)] - at[id(extra)]) == 1 and words != more and words in more
    if beside or _out_of_place(rows, at[id(extra)], code, position):  # type: ignore[arg-type]
        return kept, extra
    return None


def _template_item(label: str) -> str:
    """A template row's label without its group (``3.其他`` of ``（六）其他处理 3.其他``), in the
    form :func:`_names_item` compares."""
    return _plain(label.split()[-1])


def _plain(text: str) -> str:
    return "".join(to_simplified(unicodedata.normalize("NFKC", text)).split())


def _names_item(label: str, item: str) -> bool:
    """Whether a row's label ends in the template's item label (after its groups, if any)."""
    text = _plain(label)
    return text.endswith(item) and not text[: len(text) - len(item)][-1:].isdigit()


def _out_of_place(rows: list[Row], i: int, code: str, position: dict[str, int]) -> bool:
    """Whether row ``i`` comes after a row its line names that the template puts after ``code``, or
    before one it puts before it."""
    at = position[code]
    for j, row in enumerate(rows):
        other = row.match.code
        if (
            j != i
            and row.strong
            and other != code
            and other in position
            and (j < i) == (position[other] > at)  # type: ignore[index]
        ):
            return True
    return False


def _after_a_short_row(rows: list[Row], i: int, fits: Callable[[Row], bool]) -> bool:
    """Whether row ``i`` is values alone, no label before them, right after a row with values that
    do not fill its columns (``| （七）總計 | | ５ | ２５ | ４６ １ |`` / ``| | | ４ | ５ | ７ |``:
    markitdown's rows of a cell's digits one over another), or first in the table with blank cells
    (tabula's ``一、本年新收…,38,8,,4  7,3,`` / ``,,,3,,,63``: the line before no CSV row)."""
    row = rows[i]
    if row.label or row.own:
        return False
    if i == 0:  # the table's first row, with blank cells: the rest of a line before the table
        return not all(map(str.strip, row.values))
    before = rows[i - 1]
    return any(map(is_number_text, before.values)) and not fits(before)


def _named_by_piece(row: Row, table: str) -> bool:
    """Whether a row with numbers is named by its label as a piece of one row's label alone
    (camelot's stream CSV cuts 三's labels a few characters a line, the values beside a middle one:
    ``,息需要,5,3,0,0,1,0,9`` of 2.没有现成信息需要另行制作); if so it takes that row's name, weakly,
    to be placed between the labeled rows as a wrapped label's row is."""
    if not any(map(is_number_text, row.values)):
        return False
    piece = matcher(table, "row").piece(row.label)
    if piece.code is None:
        return False
    row.match = piece
    return True


def _fill(
    table: str,
    gap: list[Row],
    slots: list[str],
    position: dict[str, int],
    take: Callable[[Row, str], None],
    template: str | None = None,
    elsewhere: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Give a gap's rows the free codes ``slots`` (by position where as many, unless a row is given
    again: :func:`_named_twice`; ``elsewhere``: the codes rows other than the gap's neighbours took)."""
    findings: list[Finding] = []
    named = [row.match.codes[0] if len(row.match.codes) == 1 else None for row in gap]
    if len(gap) == len(slots) and sorted(map(str, named)) == sorted(slots) and named != slots:
        # each row named by its own label, the labels the free rows in another order (四's three
        # rows, a label a line, 行政复议 last): a label wrapped from the row below would keep the
        # template's order, one row off, so these labels are the rows' own
        for row, code in zip(gap, named, strict=True):
            take(row, code)  # type: ignore[arg-type]
        return findings
    if len(gap) == len(slots) and not _named_twice(gap, elsewhere):
        for row, slot in zip(gap, slots, strict=True):
            agrees = slot in row.match.codes
            take(row, slot)
            if not agrees:
                said = f" (its label text '{row.label}' is out of place)" if row.match.codes else ""
                findings.append(
                    row_finding(
                        "rows_by_position",
                        f"row taken as {schema.row_label(table, slot, template)} from its place between "
                        f"labeled rows{said}",
                        table,
                        row,
                        slot,
                    )
                )
        return findings
    # Counts differ: trust wrapped labels that name a free code, in template order.
    last = -1
    sub_anchor: list[int] = []
    for i, row in enumerate(gap):
        code = row.match.code
        if code in slots and position[code] > last:  # type: ignore[index]
            take(row, code)  # type: ignore[arg-type]
            last = position[code]  # type: ignore[index]
            sub_anchor.append(i)
    if not sub_anchor:
        for row in gap:
            findings.append(
                row_finding(
                    "unmapped_values",
                    f"values without a usable row label ('{row.label}'): {len(gap)} such rows "
                    f"for {len(slots)} free rows of the template here, so none is placed",
                    table,
                    row,
                )
            )
        return findings
    bounds = [-1, *sub_anchor, len(gap)]
    for lo, hi in pairwise(bounds):
        rest = gap[lo + 1 : hi]
        if not rest:
            continue
        a = position[gap[lo].code] if lo >= 0 else -1  # type: ignore[index]
        b = position[gap[hi].code] if hi < len(gap) else max(position.values()) + 1  # type: ignore[index]
        free = [c for c in slots if a < position[c] < b and c not in {r.code for r in gap if r.code}]
        findings.extend(
            _fill(table, rest, free, position, take, template, elsewhere)
            if len(rest) == len(free)
            else [
                row_finding(
                    "unmapped_values",
                    f"values without a usable row label ('{row.label}') where no free row fits",
                    table,
                    row,
                )
                for row in rest
            ]
        )
    return findings


def _named_twice(rows: list[Row], elsewhere: frozenset[str]) -> bool:
    """Whether two rows' labels name one row of the template exactly, or one names exactly a row
    taken ``elsewhere`` (a row given again under ``续表``, a page's repeat): as many rows as free
    places is then no proof each stands in its own."""
    named = [row.match.code for row in rows if row.match.how == "exact" and row.match.code is not None]
    return len(named) != len(set(named)) or not elsewhere.isdisjoint(named)


def row_finding(
    code: str, message: str, table: str, row: Row, row_code: str | None = None, expected: str | None = None
) -> Finding:
    """A finding about one row of a table, with the row's value cells and where the row stands."""
    return Finding(
        code, message, table, row_code, expected=expected, found=" | ".join(row.values), source=row.source
    )


def _unmapped(table: str, row: Row, why: str) -> Finding:
    return row_finding(
        "unmapped_row",
        f"row '{row.label}' {why}",
        table,
        row,
    )


def _states_values(row: Row) -> bool:
    """Whether a row's value cells state anything: a number, or a cell marked missing (/, —, 不适用)."""
    return any(v.strip() and is_value_text(v) for v in row.values)


def _copies_differ(row: Row, first: Row) -> bool:
    """Whether two table rows (HTML, Word) naming one row hold different numbers: two copies of a
    table that disagree (a page's desktop and mobile tables, one hidden by a class its CSS defines),
    of which the page shows one, not known which.  (Text's repeated rows are a label's wrapped lines
    or a header's, each with part of the values: the first is kept, as before.)"""
    if not (row.source.startswith("table ") and first.source.startswith("table ")):
        return False
    ours, theirs = _numbers(row), _numbers(first)
    return bool(ours) and bool(theirs) and ours != theirs


def _numbers(row: Row) -> list[int | float]:
    """The numbers a row's value cells hold, in order (blank and non-numeric cells left out)."""
    return [n for n in (parse_value(v).number for v in row.values) if n is not None]


def _duplicate(
    table: str, row: Row, first: Row, template: str | None = None, differ: bool = False
) -> Finding:
    """``row`` not used, as ``first`` (the first occurrence, else the one that fits) is; neither where
    the two hold different numbers (``differ``)."""
    kept = (
        "their numbers differ, so neither is used: NA"
        if differ
        else f"{first.source} is kept, {row.source} is not used"
    )
    return row_finding(
        "duplicate_row",
        f"row {schema.row_label(table, row.code or first.code or '?', template)} occurs twice: {kept}",
        table,
        row,
        first.code,
    )


# ---------------------------------------------------------------------------------------------
# Values


def fit(
    values: list[str], n: int, check: Callable[[list[Value]], bool] | None
) -> tuple[list[str] | None, str | None]:
    """Fit a row's value cells to ``n`` columns; returns (cells, repair note) or (None, None).

    A blank cell at an edge of the row, next to empty cells dropped there as padding (under a
    spanning label, or after the table's last column), may be padding too, the row having lost a
    cell: with ``check`` (the row's total), such a row is taken only if it adds up with the blank
    as 0 (a zero left blank), never shifted into the wrong columns.  (A blank cell that is not
    next to padding is the report's own: real reports leave a 总计 blank.)
    """
    given = len(values)
    if given > n and not values[0].strip() and not values[-1].strip():
        return _trimmed_either_side(values, n, check)
    values = trim_padding(values, n)
    padded_right = bool(values) and len(values) < given and not values[-1].strip()
    padded_left = False
    while len(values) > n and not values[0].strip():
        values = values[1:]  # empty cells under a label that spans several columns
        padded_left = not values[0].strip()
    if len(values) == n:
        if check is not None and (padded_left or padded_right) and not _adds_up(values):
            return None, None
        return values, None
    if n < len(values) <= n + _MAX_JOINS and check is not None:
        # Numbers split across cells by the scraper (a Word page's digits in spans of their own, read
        # one a line): join the one set of neighbouring digit cells that balances the row.
        options = []
        for gaps in combinations(range(len(values) - 1), len(values) - n):
            joined = _joined(values, gaps)
            if joined is not None and check([parse_value(v) for v in joined]):
                options.append((gaps, joined))
                if len(options) > 1:
                    break
        if len(options) == 1 and not _balances_without_some(values, len(values) - n, check):
            gaps, joined = options[0]
            pairs = ", ".join(f"'{values[g]}' and '{values[g + 1]}'" for g in gaps)
            return joined, f"joined cells {pairs} into one number"
    return None, None


def _balances_without_some(values: list[str], k: int, check: Callable[[list[Value]], bool]) -> bool:
    """Whether the row balances with ``k`` of its cells left out: those may be numbers that are no
    cells (OCR's reading of a table's rule as ``1``: ``1 25 17 1 4 2 5 1 54`` balances as 125 … 154
    and as 25 … 54), so joining cells is not sure."""
    parsed = [parse_value(v) for v in values]
    return any(
        check([v for i, v in enumerate(parsed) if i not in out])
        for out in combinations(range(len(values)), k)
    )


def _trimmed_either_side(
    values: list[str], n: int, check: Callable[[list[Value]], bool] | None
) -> tuple[list[str] | None, str | None]:
    """:func:`fit` of a row with blank cells at both edges beyond its ``n`` columns: blanks under a
    spanning label on the left, or padding (or a value the cell wrapped onto a line of its own) on
    the right. Which side to drop is decided only when one way is possible, or with ``check``
    when exactly one way adds up (blanks as 0); else the row is not fitted."""
    surplus = len(values) - n
    blank = [not v.strip() for v in values]
    ways = {
        tuple(values[k : len(values) - surplus + k])
        for k in range(surplus + 1)
        if all(blank[:k]) and all(blank[len(values) - surplus + k :])
    }
    if len(ways) > 1 and check is not None:
        ways = {way for way in ways if _adds_up(list(way))}
    if len(ways) != 1:
        return None, None
    (way,) = ways
    if check is not None and not (way[0].strip() and way[-1].strip()) and not _adds_up(list(way)):
        return None, None
    return list(way), None


_MAX_JOINS = 3  # cells a row may have beyond its columns and still be repaired by joining


def _joined(values: list[str], gaps: tuple[int, ...]) -> list[str] | None:
    """``values`` with the cells on either side of each gap joined; None unless every joined cell is
    digits and starts with no 0 (07 is no number a report prints)."""
    out: list[str] = []
    for i, v in enumerate(values):
        v = v.strip()
        if i - 1 in gaps:
            if not (v.isdigit() and out[-1].isdigit()) or out[-1].startswith("0"):
                return None
            out[-1] += v
        else:
            out.append(v)
    return out


def _adds_up(values: list[str]) -> bool:
    """Whether the last cell is the sum of the others, blank and marked cells counting 0."""
    numbers = [parse_value(v).number or 0 for v in values]
    return sum(numbers[:-1]) == numbers[-1]


def row_total_holds(values: list[Value]) -> bool:
    """Whether the last value equals the sum of the others (all known)."""
    numbers = [v.number for v in values]
    if any(x is None for x in numbers):
        return False
    return sum(numbers[:-1]) == numbers[-1]  # type: ignore[arg-type]


def breaks_total(cells: list[str], blanks_are_zero: bool) -> bool:
    """Whether a row's known 总计 (last) is known to differ from the sum of the others: all known
    and unequal, or the known others already more (a cell marked — is unknown, not 0; a blank
    cell is 0 if ``blanks_are_zero``, else unknown too)."""
    values = [parse_value(v) for v in cells]
    total = values[-1].number
    if total is None:
        return False
    parts = [
        0 if blanks_are_zero and v.number is None and not v.raw.strip() else v.number for v in values[:-1]
    ]
    known = sum(x for x in parts if x is not None)
    return known > total if None in parts else known != total


def may_add_up(cells: list[str]) -> bool:
    """Whether a row's 总计 (last) is known and may be the sum of the others, blanks counting 0."""
    return parse_value(cells[-1]).number is not None and not breaks_total(cells, blanks_are_zero=True)


def make_cells(
    table: str,
    row: Row,
    columns: Sequence[str],
    cells: Sequence[str],
    out: TableResult,
    units: dict[str, str] | None = None,
    stated: dict[str, str] | None = None,
) -> None:
    """Parse a row's cells into :class:`Cell` objects, noting missing and non-numeric ones.

    ``units``: the unit each amount column is kept in; ``stated``: the unit its header states,
    for the cells that write none (本年收费金额（单位：元） over a bare 125000).
    """
    assert row.code is not None
    code, label, source = row.code, row.label, row.source
    append = out.cells.append
    for column, raw in zip(columns, cells, strict=True):
        value = parse_value(raw)
        number = value.number
        if (
            value.problem is not None
            or value.unit is not None
            or number.__class__ is float
            or stated
            or number < 0
        ):
            number = _noted(table, code, column, raw, value, source, out.findings, units, stated)
        append(_new_tuple(Cell, (table, code, column, number, raw, label, source)))  # Cell(...), faster
    if cells:
        out.found = True


def _noted(
    table: str,
    row: str,
    column: str,
    raw: str,
    value: Value,
    source: str,
    findings: list[Finding],
    units: dict[str, str] | None,
    stated: dict[str, str] | None = None,
) -> int | float | None:
    """A cell's number when it is blank, not a number or in another unit, with the finding."""
    if value.problem == "missing":
        findings.append(
            Finding(
                "missing_value",
                f"cell '{raw.strip()}' is blank or marked missing: NA",
                table,
                row,
                column,
                found=raw.strip(),
                source=source,
            )
        )
    elif value.problem == "non_numeric":
        mark = digit_mark(raw)
        why = f" ({mark} is a mark, not a digit)" if mark else ""
        if value.mark:
            why = f" (a footnote mark, {value.mark}, follows its number)"
        if value.signs:
            why = f" (two signs, {value.signs}, before its number: which number is meant is not sure)"
        if value.inexact:
            why = " (words or marks beside its number make it no exact count: 约12, 10-12, 12（含5件）)"
        findings.append(
            Finding(
                "non_numeric",
                f"cell '{raw.strip()}' is not a number{why}: NA",
                table,
                row,
                column,
                expected="a number",
                found=raw.strip(),
                source=source,
            )
        )
    elif column not in AMOUNTS and (
        value.unit in _FACTORS or (isinstance(value.number, float) and not value.number.is_integer())
    ):
        # A count (of requests, documents, decisions) is whole and in no money unit: 42.6万元 under
        # 采购项目数量 is a row that lost a cell, the amount sliding into the count's column.
        findings.append(
            Finding(
                "non_numeric",
                f"cell '{raw.strip()}' is not a count (a whole number of items): NA",
                table,
                row,
                column,
                expected="a whole number",
                found=raw.strip(),
                source=source,
            )
        )
        return None
    elif column not in SIGNED and (value.number or 0) < 0:
        # Only a change (本年增/减) has a sign: -3 under a count is a typo, or a change slid into it.
        findings.append(
            Finding(
                "non_numeric",
                f"cell '{raw.strip()}' is negative, which no count or amount is (only 本年增/减 has a "
                "sign): NA",
                table,
                row,
                column,
                expected="a number not below 0",
                found=raw.strip(),
                source=source,
            )
        )
        return None
    elif units and column in units:
        unit = value.unit or (stated or {}).get(column)
        if unit and unit != units[column]:
            where = (table, row, column)
            own = value.unit is not None
            number, note = in_unit(value.number, unit, units[column], raw.strip(), where, source, not own)
            findings.append(note)
            return number
    return value.number


#: The columns that hold amounts (万元 or as written); every other column is a count.
AMOUNTS = frozenset({"fee_amount", "procurement_amount"})
#: The columns whose values may be below 0 (本年增/减); counts and amounts never are.
SIGNED = frozenset({"change"})
_FACTORS = AMOUNT_FACTORS
#: The unit a header states for its column, after NFKC: 本年收费金额（单位：元）, or after 金额 in
#: brackets or after a slash (本年收费金额（元）, 本年收费金额/元); 人民币 before it names no unit.
STATED_UNIT = re.compile(
    r"(?:(?:单位|單位)\s*:?|(?:金额|金額)\s*[(/](?!\s*(?:单位|單位)))\s*(?:人民币|人民幣)?\s*"
    r"([^\s()（）,，;；:：/]{1,3})"
)


def convert_unit(number: int | float | None, unit: str, target: str) -> int | float | None:
    """An amount in ``unit`` expressed in ``target`` (元 or 万元); None when either is not an amount."""
    if number is None or unit not in _FACTORS or target not in _FACTORS:
        return None
    result = number * _FACTORS[unit] / _FACTORS[target]
    return int(result) if float(result).is_integer() else round(result, 6)


def in_unit(
    number: int | float | None,
    unit: str,
    target: str,
    raw: str,
    where: tuple[str, str | None, str | None],
    source: str | None = None,
    stated: bool = False,
) -> tuple[int | float | None, Finding]:
    """An amount written in ``unit`` (the cell's own, or the one its header ``stated``) expressed in
    ``target``, with the finding at ``where`` (table, row, column) that says so: ``unit_converted``,
    or ``unit_mismatch`` (NA) when ``unit`` is no amount's."""
    converted = convert_unit(number, unit, target)
    said = f"does not convert to {target}: NA" if converted is None else f"converted to {converted} {target}"
    return converted, Finding(
        "unit_converted" if converted is not None else "unit_mismatch",
        f"'{raw}' {'under a header ' if stated else ''}in {unit}: {said}",
        *where,
        expected=target,
        found=f"{raw} ({unit})" if stated else raw,
        source=source,
    )


def length_mismatch(
    table: str, row: Row, n: int, columns: Sequence[str], template: str | None = None
) -> Finding:
    cells = len(trim_padding(row.values, n))
    why = (
        f"has {cells} value cells for {n} columns"
        if cells != n
        else "has a blank cell at its edge, next to empty padding cells, and does not add up with it "
        "as 0: a cell may have been lost"
    )
    return row_finding(
        "row_length_mismatch",
        f"row {schema.row_label(table, row.code or '?', template)} {why}; its values are left NA rather "
        "than guessed",
        table,
        row,
        row.code,
        expected=f"{n} values ({', '.join(columns)})",
    )


def complete(table: str, template: str, result: TableResult) -> None:
    """Add NA cells for every template cell the table did not state, with missing_row findings for
    the rows not found (not those read and left NA with a finding that says why); the cells end in
    template order."""
    if tuple([(c.row, c.column) for c in result.cells]) == schema.cell_codes(table, template):
        return  # every cell stated once, in template order: the usual table
    order = schema.cell_order(table, template)
    placed: dict[tuple[str, str], list[Cell]] = {}
    extra: list[Cell] = []  # cells outside the template keep their order, after it
    for c in result.cells:
        key = (c.row, c.column)
        (placed.setdefault(key, []) if key in order else extra).append(c)
    missing_rows: dict[str, None] = {}
    cells: list[Cell] = []
    for row, column in order:
        found = placed.get((row, column))
        if found is None:
            cells.append(Cell(table, row, column, None, None, None, None))
            missing_rows[row] = None
        else:
            cells.extend(found)
    result.cells[:] = [*cells, *extra]
    stated = {c.row for c in result.cells if c.raw is not None}
    stated.update(f.row for f in result.findings if f.code in SET_ASIDE)  # read, left NA: said so
    for row in missing_rows:
        if row not in stated:
            result.findings.append(
                Finding(
                    "missing_row",
                    f"row {schema.row_label(table, row, template)} was not found in the table: "
                    "its cells are NA",
                    table,
                    row,
                )
            )


def stray_value(row: Row) -> int | None:
    """Where a row that does not add up (总计 last; blank and marked cells 0) holds a value alone on a
    line such that the others may add up without it: its last value, on a line after the row's
    own, or any, where every value came a line each (text a cell a line, the label on lines
    before). That value may be a number that is no cell (a page number) filling a row that lost a
    blank cell. None for any other row."""
    one_a_line = row.gathered and not row.own and row.lines == len(row.values)
    if not (row.tail == 1 or one_a_line) or _adds_up(row.values):
        return None
    values = row.values
    alone = range(len(values)) if one_a_line else (len(values) - 1,)
    return next((k for k in alone if may_add_up(values[:k] + values[k + 1 :])), None)


def drop_fragments(
    rows: list[Row], n: int, table: str, check: Callable[[list[Value]], bool] | None
) -> tuple[list[Row], list[Finding]]:
    """Set aside rows without a label of their own whose values cannot fill ``n`` columns (stray
    numbers, page marks): a label wrapped from lines above does not make them a row."""
    kept: list[Row] = []
    findings: list[Finding] = []
    for row in rows:
        if not row.own and fit(row.values, n, check)[0] is None:
            before = kept[-1] if kept else None
            if (
                check is not None
                and before is not None
                and before.match.code is not None
                and len(before.values) == n
                and all(map(str.strip, before.values))  # (a blank cell: its row's cells are apart)
                and stray_value(before) is None  # (a number that is no cell may have filled it)
                and len(row.values) <= _MAX_JOINS
                and not check([parse_value(v) for v in before.values])
            ):
                # The row above does not add up and more values follow it, one a line: its numbers
                # were split (1 | 5 for 15); it is read again with them (joined, or left NA).
                before.values.extend(row.values)
                continue
            findings.append(
                row_finding(
                    "unmapped_values",
                    f"{len(trim_padding(row.values, n))} value cells without a label, too few or too many "
                    f"for a row of {n}: not placed",
                    table,
                    row,
                )
            )
        else:
            kept.append(row)
    return kept, findings


def row_width(table: str, template: str, row: str) -> int:
    """How many value columns a row of the template has."""
    return len(schema.columns(table, template, row))


def records_of(blocks: Iterable[Block], unsure: frozenset[Block] = frozenset()) -> list[Record]:
    """The records of a table's blocks; those of ``unsure`` blocks uncertain (NA, said already)."""
    blocks = list(blocks)
    width = _grid_width(blocks)
    out = []
    for block in blocks:
        rec = to_record(block)
        if rec is None:
            continue
        if unsure and block in unsure:
            rec.uncertain = True
        values = rec.values
        if width and len(block.cells) < width and values and _grid_row(block):
            # A row a cell short of its table's grid lost one, so the empty cells at the edges of its
            # values are the grid's padding (under a label's columns, after the last), not blank
            # cells: taken as values, every value past the lost cell would move.
            first, last = 0, len(values)
            while first < last and not values[first].strip():
                first += 1
            while last > first and not values[last - 1].strip():
                last -= 1
            rec.values = values[first:last]
        out.append(rec)
    return out


def _grid_row(block: Block) -> bool:
    """A row of text split at its separators (pipes), not expanded by spans nor laid out by position."""
    return block.kind == "row" and block.copies is None and block.spans is None and len(block.cells) > 2


def _grid_width(blocks: list[Block]) -> int | None:
    """How many cells every line of a text table holds, where its rows agree (four in five of five
    rows at least): scrapers that write a table's grid write each row to the same width."""
    widths = [len(b.cells) for b in blocks if _grid_row(b)]
    if len(widths) < 5:
        return None
    width = max(set(widths), key=widths.count)
    return width if widths.count(width) * 5 >= len(widths) * 4 else None


__all__ = ["Cell", "Record", "Row", "TableResult", "assemble", "assign", "fit"]
