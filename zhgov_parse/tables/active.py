"""Table 二 (主动公开政府信息情况) from its records: four blocks of rows, each with its own columns."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence

from .. import schema
from ..findings import Finding
from ..labels import Match, Matcher, key, matcher
from ..layout import columns_of_full_rows, is_tab_fields, place
from ..mapping import (
    AMOUNTS,
    STATED_UNIT,
    Record,
    Row,
    TableResult,
    assemble,
    assign,
    complete,
    fit,
    length_mismatch,
    make_cells,
    row_finding,
    row_width,
    trim_padding,
)
from ..values import is_number_text, is_value_text, parse_value
from .common import (
    ACTIVE,
    column_positions,
    join_runs,
    set_uncertain,
    two_labels_then_values,
    uncertain,
    values_before_labels,
)


def _header_runs(records: list[Record], rows_of: Matcher, columns_of: Matcher) -> list[Record]:
    """A header that came one cell a line, read back as one header line.

    A run of one-cell lines with no values and no row label, one of them naming a column, becomes
    one record of those cells; a word broken over two lines (``本年新`` / ``制作数量``) is joined
    where the two name a column together.  Other runs stay as they are.
    """

    def fragment(rec: Record) -> bool:
        return (
            len(rec.labels) == 1
            and len(rec.labels[0]) <= 20
            and not any(map(str.strip, rec.values))
            and not key(rec.labels[0]).startswith("第二十条")
            and not rows_of(rec.labels[0]).codes
        )

    def header(cells: list[str]) -> list[str] | None:
        cells = _join_broken_words(cells, columns_of)
        return cells if any(columns_of.scan(c) for c in cells) else None

    return join_runs(_rejoin_line_breaks(records, rows_of, columns_of), fragment, header)


def _rejoin_line_breaks(records: list[Record], rows_of: Matcher, columns_of: Matcher) -> list[Record]:
    """A header line whose cells held line breaks, written over several lines (html2text writes
    ``本年新<br>制作数量`` so: ``信息内容| 本年新`` / ``制作数量| 本年新`` / ``公开数量| 对外公开总数量``),
    read back as one line: each line's first cell continues the last cell of the line before,
    where that names more columns than the two lines do apart."""

    def named(cells: list[str]) -> int:
        return sum(len(columns_of.scan(c)) for c in cells)

    def label_only(rec: Record) -> bool:
        return (
            not any(map(str.strip, rec.values))
            and not key(rec.text).startswith("第二十条")
            and not rows_of(rec.labels[-1]).codes
        )

    out: list[Record] = []
    for rec in records:
        last = out[-1] if out else None
        if last is not None and len(last.labels) > 1 and rec.labels and label_only(last) and label_only(rec):
            joined = [*last.labels[:-1], last.labels[-1] + rec.labels[0], *rec.labels[1:]]
            if named(joined) > named(last.labels) + named(rec.labels):
                out[-1] = Record(joined, list(rec.values), last.source)
                continue
        out.append(rec)
    return out


def _one_value_rows_paired(records: list[Record], rows_of: Matcher, template: str) -> list[Record]:
    """Table 二 of plain pdftotext text writes a small table's one-value rows as a label and a
    value on lines of their own, the value before its label or after it (``3`` / ``行政许可``;
    ``2`` / ``行政处罚`` / ``0`` / ``行政强制``). Where a small table's rows (after its header, to
    the next 第二十条) alternate so, label and value strictly in turn, as many of each, every label
    naming a one-value row, each label is given the value beside it on the side the table starts
    with: rows come in order, so the first value is the first row's."""
    out: list[Record] = []
    body: list[Record] = []  # the trailing records of the current small table that may pair

    def flush() -> None:
        out.extend(_paired(body) or body)
        body.clear()

    for rec in records:
        filled = [v for v in rec.values if v.strip()]
        names_one_value_row = rec.labels and not filled and _one_value_row(rows_of(rec.text).code, template)
        if names_one_value_row or (not rec.labels and len(filled) == 1):
            body.append(rec)
        else:
            flush()
            out.append(rec)
    flush()
    return out


#: A line over a table's header given again on a new page: 续表, （续表）, 續表：
_CONTINUED = re.compile(r"[（(]?[续續]表[)）:：]?")


def _without_header_copies(records: list[Record], rows_of: Matcher, columns_of: Matcher) -> list[Record]:
    """``records`` without a small table's header given again, a cell a line, between a row's label
    and its value (a page break inside the table: ``行政处罚`` / ``续表`` / ``信息内容`` / ``本年处理决定
    数量`` / ``37``), the 续表 line over it too. Read as a header, it cut the label from its value,
    which went to the next row's label (``37`` / ``行政强制``: as PDF text with values before their
    labels). Only a copy, right after a row's label, of the header the small table opened with, or
    under 续表 of the one table 二 opened with (its first rows repeated on each page, a 第二十条 line
    with them)."""
    out: list[Record] = []
    first: list[str] = []  # the columns the first header names
    header: list[str] = []  # the columns the small table's header names
    waiting = False  # after a row's label with no value on its line, and lines of values alone
    i = 0
    while i < len(records):
        rec = records[i]
        continued = _header_cell(rec, rows_of) and _CONTINUED.fullmatch(key(rec.text)) is not None
        j = i + 2 if continued and i + 1 < len(records) and _article(records[i + 1]) else i
        while j < len(records) and _header_cell(records[j], rows_of):
            j += 1
        if j > i and not _article(records[j - 1]):
            cells = _join_broken_words([r.labels[0] for r in records[i:j] if not _article(r)], columns_of)
            named = [code for cell in cells for code in columns_of.scan(cell)]
            if not (named and waiting and (named == header or (continued and named == first))):
                first, header = first or named, named or header
                out.extend(records[i:j])
                waiting = False
            i = j
            continue
        if _article(rec):
            header = []
        waiting = (waiting and not rec.labels) or (
            not any(map(str.strip, rec.values)) and _names_row(rec, rows_of)
        )
        out.append(rec)
        i += 1
    return out


def _names_row(rec: Record, rows_of: Matcher) -> bool:
    return bool(rec.labels) and bool(rows_of(rec.text).codes)


def _article(rec: Record) -> bool:
    """A line that opens a small table of 二 (第二十条第（一）项)."""
    return not any(map(str.strip, rec.values)) and key(rec.text).startswith("第二十条")


def _header_cell(rec: Record, rows_of: Matcher) -> bool:
    """A line of one short cell, no value, naming no row and no 第二十条 line: a header's cell a line
    (or a 续表 line over it)."""
    return (
        len(rec.labels) == 1
        and len(rec.labels[0]) <= 20
        and not any(map(str.strip, rec.values))
        and not _article(rec)
        and not rows_of(rec.labels[0]).codes
    )


def _one_value_row(code: str | None, template: str) -> bool:
    return code is not None and row_width(ACTIVE, template, code) == 1


def _paired(body: list[Record]) -> list[Record] | None:
    """Labels and values in strict turn, as many of each: each label with the value beside it."""
    if len(body) < 2 or len(body) % 2:
        return None
    first_is_label = bool(body[0].labels)
    if any(bool(rec.labels) != (first_is_label == (n % 2 == 0)) for n, rec in enumerate(body)):
        return None
    labels, values = (body[0::2], body[1::2]) if first_is_label else (body[1::2], body[0::2])
    return [
        Record(label.labels, [v for v in value.values if v.strip()], label.source)
        for label, value in zip(labels, values, strict=True)
    ]


def _join_broken_words(cells: list[str], columns_of: Matcher) -> list[str]:
    """Adjacent cells that name a column only together (``本年新`` + ``制作数量``) joined."""
    out: list[str] = []
    for cell in cells:
        if out and not columns_of.scan(out[-1]):
            both = columns_of.scan(out[-1] + cell)
            if both and both != columns_of.scan(cell):
                out[-1] += cell
                continue
        out.append(cell)
    return out


def _header_columns(rec: Record, columns_of: Matcher) -> list[str | None]:
    """The columns a header line names, in order; ``None`` for a header cell naming none
    (``本年新`` left of a lost second line).  The corner cell (信息内容) is not a column, nor is
    what comes before it (the rest of an article line broken over lines: ``六`` / ``）项``). A
    header that is one line of text (tab or whitespace text: ``信息内容 本年新 本年新 对外公开总数量``)
    is its words, a word broken in two joined, as its pipe text's cells would be: an unread cell
    keeps its place."""
    cells = [c for c in rec.labels if c.strip()]
    if len(cells) == 1 and " " in cells[0]:
        cells = _join_broken_words(cells[0].split(), columns_of)
    corner = [i for i, c in enumerate(cells) if key(c) == "信息内容"]
    if corner:
        cells = cells[corner[0] + 1 :]
    elif len(cells) > 1 and not columns_of.scan(cells[0]):
        cells = cells[1:]
    out: list[str | None] = []
    by: dict[str, str] = {}  # the cell that named each column
    latest = _latest_year_alone(cells)
    for cell in cells:
        named = columns_of.scan(cell)
        if not named and cell is latest:
            named = [_TWICE]  # its year's figures beside a column named (上年…): which are the row's?
        if named and "previous_count" not in named and key(cell).startswith(_LAST_YEAR):
            named = []  # last year's figure of a column (上年处理决定数量), no column of the template's
        if any(by.setdefault(c, key(cell)) != key(cell) for c in named):
            named = [_TWICE]  # named again in other words (2022年… | 2021年…), not a merged cell's copy
        out.extend(named or [None])
        if named and any(
            len(p) >= 3 and any(w in p for w in _COLUMN_WORDS) for p in columns_of.unscanned(cell)
        ):
            out.append(None)  # words of a column no alias matched (a typo: 现行效件数) beside those named
    return out


#: What a header cell names where an earlier cell named its column in other words.
_TWICE = "(named twice)"

#: A year alone, what a header cell over that year's figures may say (2023年, 2023年度, （2023年）).
_YEAR_ALONE = re.compile(r"[(]?(\d{4})年度?[)]?")
_YEAR = re.compile(r"(\d{4})年")


def _latest_year_alone(cells: list[str]) -> str | None:
    """The header cell that is a year alone and the latest year the header names (``上年处理决定数量 |
    2023年``, ``2022年处理决定数量 | 2023年``): two years' figures side by side, this year's (the
    report's, a report sets last year's beside its own, never next year's) under no column's name,
    so which column is the row's the header does not say. None where a cell says 本年 (本年处理决定
    数量 | 2022年: the year alone is another's) or the latest year is a column's (2023年处理决定数量 |
    2022年)."""
    if not any(c[:1].isdigit() or c[1:2].isdigit() for c in cells) or any(
        key(c).startswith("本年") for c in cells
    ):
        return None
    plain = ["".join(unicodedata.normalize("NFKC", c).split()) for c in cells]
    alone = [(int(m[1]), c) for c, p in zip(cells, plain, strict=True) if (m := _YEAR_ALONE.fullmatch(p))]
    if not alone:
        return None
    year, cell = max(alone)
    named = [int(y) for p in plain if not _YEAR_ALONE.fullmatch(p) for y in _YEAR.findall(p)]
    return cell if year > max(named, default=0) else None


#: How a header cell for last year's figure of a column starts (上年处理决定数量, 去年制发件数).
_LAST_YEAR = ("上年", "去年")


#: Words every column name of 二 ends in (件数, 数量, 金额), and 本年增/减's: what is left of a header
#: cell once its columns are found, holding one, names another column the cell's words did not match.
_COLUMN_WORDS = ("数", "量", "额", "增", "减")


def _span_copies_dropped(values: list[str], n: int, gaps: int) -> list[str] | None:
    """A row's ``n`` filled cells when it has as many empty cells beyond its ``n`` columns as its
    header has ``gaps`` between its named cells: what merged cells leave in text whose spans differ
    between header and row (``信息内容 | 本年新制作数量 | 本年新公开数量 | | 对外公开总数量`` over
    ``规章 | 1 | | 1 | 4``), else None."""
    values = trim_padding(values, n)
    filled = [v for v in values if v.strip()]
    return filled if len(filled) == n and len(values) - n == gaps else None


def _split_number(row: Row) -> bool:
    """Whether a row's values came from lines of their own, some one alone and one several a single
    space apart (``行政处罚`` / ``9`` / ``1 5``): read so, 1 and 5 would fill two columns."""
    return row.spaced > 0 and row.lines > 1 and len(row.values) != row.spaced * row.lines


def active_disclosure(records: list[Record], template: str, split_at_spaces: bool = False) -> TableResult:
    """Map table 二: small tables, each with its own header row (信息内容 | columns…).
    ``split_at_spaces``: see :func:`application_handling`."""
    out = TableResult()
    rows_of = matcher(ACTIVE, "row")
    columns_of = matcher(ACTIVE, "column")
    units = {"fee_amount": "万元"}
    if any(_header_cell(rec, rows_of) for rec in records[1:]):  # (a header a cell a line)
        records = _without_header_copies(records, rows_of, columns_of)
    if split_at_spaces:
        records = _one_value_rows_paired(records, rows_of, template)
    # Split into the small tables: each starts at 第二十条… or at a header naming its columns.
    segments: list[tuple[list[str | None] | None, list[Record]]] = [(None, [])]  # (header, rows)
    header_open = False
    header_at: list[int] | None = None
    fee_unit: dict[int, str] = {}  # segment -> the unit its header states for 本年收费金额
    header_gaps: dict[int, int] = {}  # segment -> empty cells inside its header line (merged cells)
    for rec in _header_runs(records, rows_of, columns_of):
        text = rec.text
        has_values = any(map(str.strip, rec.values))
        if not has_values and text and len(text) <= 200:
            if key(text).startswith("第二十条"):
                segments.append((None, []))
                header_open = False
                header_at = None
                continue
            found = _header_columns(rec, columns_of) if columns_of.scan(text) else []
            if found and not rows_of(rec.labels[-1]).codes:
                head = segments[-1][0] if header_open and not segments[-1][1] else None
                if any(any(map(str.strip, r.values)) for r in segments[-1][1]):
                    segments.append((None, []))  # a header with no 第二十条 line above starts a table
                segments[-1] = ((head or []) + found, [])  # a header may come one cell per line
                header_open = True
                header_at = column_positions(rec, columns_of)
                header_gaps[len(segments) - 1] = rec.inner_gaps
                stated = STATED_UNIT.search(unicodedata.normalize("NFKC", text))
                if "fee_amount" in found and stated and stated[1] not in ("万元", "萬元"):
                    fee_unit[len(segments) - 1] = stated[1]
                continue
        header_open = False
        segments[-1][1].append(rec)
        if has_values and header_at and rec.value_positions is not None:
            at = [p for p, v in zip(rec.value_positions, rec.values, strict=True) if v.strip()]
            if at and at != header_at[: len(at)]:
                out.findings.append(
                    Finding(
                        "spans_disagree",
                        f"row '{text}': its value cells start at grid columns {at}, the header's at "
                        f"{header_at}; values were taken in the order of the cells",
                        ACTIVE,
                        rows_of(rec.labels[-1]).code if rec.labels else None,
                        found=" | ".join(rec.values),
                        source=rec.source,
                    )
                )
    # each row with its header, the unit its header states, its header's gaps and its small table's rows
    rows: list[tuple[Row, list[str | None] | None, dict[str, str] | None, int, list[Row]]] = []
    for n, (head, recs) in enumerate(segments):

        def expected(m: Match, head: list[str | None] | None = head) -> int:
            if head:
                return len(head)
            return max((len(schema.columns(ACTIVE, template, c)) for c in m.codes), default=3)

        stated = {"fee_amount": fee_unit[n]} if n in fee_unit else None
        gaps = header_gaps.get(n, 0)
        assembled = assemble(recs, rows_of, expected, lambda t: False)
        rows.extend((row, head, stated, gaps, assembled) for row in assembled)
    if split_at_spaces:  # PDF text: a label line with part of its values, the rest on lines after
        # it, in reading order, not cell order; or values before the first row label: every row's
        # values may be the row's before or after
        before = values_before_labels(records, rows_of)
        mixed = [r for r, *_ in rows if r.gathered and (r.own or before)]
        where = "lists values before their labels" if before else "has part on the label's line"
        for row in mixed:
            why = (
                f"its values come from lines of their own in PDF text that {where}: their order is the lines'"
            )
            out.findings.append(uncertain(row, ACTIVE, why))
        rows = [item for item in rows if not (item[0].gathered and (item[0].own or before))]
        for row in [r for r, *_ in rows if _split_number(r)]:
            why = (
                f"its values come a line each but one line holds {row.spaced} a single space apart: that "
                "space may be inside a number (1 5 for 15) or between two cells"
            )
            set_uncertain(row, ACTIVE, why, out)
        plain = [r for r, *_ in rows]
        two_labels_then_values(plain, out, ACTIVE)
        rows = [item for item in rows if not item[0].uncertain]  # 二 has no place to keep
    else:
        before = False
    if not rows:
        return out
    order = [c for c, _ in schema.rows(ACTIVE, template)]
    strays = _overflowed([r for r, *_ in rows], out)
    rows = [item for item in rows if id(item[0]) not in strays]
    out.findings.extend(
        assign([r for r, *_ in rows], order, ACTIVE, template=template, whole=_fits(template))
    )
    reordered: set[tuple[str, ...]] = set()
    ruled = split_at_spaces and _rules_read_as_ones([r for r, *_ in rows], template)
    for row, head, stated, gaps, table in rows:
        if row.code is None or row.uncertain:
            continue
        if ruled and "1" in map(str.strip, row.values):
            why = (
                f"row '{row.label}' holds a 1 where other rows of 二 hold 1s that are no cells (OCR's "
                "reading of the table's rules, in text split at spaces, where a blank cell leaves none): "
                "which of its values are cells is not known, so they are left NA"
            )
            out.findings.append(row_finding("row_length_mismatch", why, ACTIVE, row, row.code))
            continue
        expected = [c for c, _ in schema.columns(ACTIVE, template, row.code)]
        columns = _active_columns(head, expected)
        if columns == []:
            why = (
                "a column twice (two years' figures side by side), so which value is the row's"
                if _TWICE in (head or ())
                else "its named columns out of the template's order beside a cell naming none, so where "
                "each value stands"
            )
            out.findings.append(
                row_finding(
                    "columns_unreadable",
                    f"the header above names {', '.join(c or '(unread)' for c in head or ())}: {why} "
                    "is not known: NA",
                    ACTIVE,
                    row,
                    row.code,
                )
            )
            continue
        named = tuple(columns or ())
        if named and named not in reordered and list(named) != [c for c in expected if c in named]:
            reordered.add(named)  # said once a header
            out.findings.append(
                Finding(
                    "columns_reordered",
                    "the header orders the columns differently from the template; values follow the header",
                    ACTIVE,
                    expected=", ".join(expected),
                    found=", ".join(named),
                )
            )
        if before and columns is not None and len(columns) < len(expected):
            why = (
                f"its header names {len(columns)} of its {len(expected)} columns in PDF text that lists "
                "values before their labels (the header's words and the values interleaved)"
            )
            out.findings.append(uncertain(row, ACTIVE, why))
            continue
        width = len(columns or expected)
        values = row.values
        remarks = head[width:] if head and columns and len(values) > width else [None]
        if remarks and not any(remarks) and not any(_may_be_a_cell(v, columns) for v in values[width:]):
            values = values[:width]  # under header cells naming no column (备注): a remark, no number
        elif columns and head and head[:width] == columns and len(values) == len(head) > width:
            # a cell under each header cell, those naming the row's columns first: the numbers
            # after them are under cells naming none (上年数), no cell of the template's
            out.findings.append(_under_no_column(row, head, width))
            values = values[:width]
        cells, _ = fit(values, width, None)
        if cells is None and (laid := _laid_by_tab_fields(row, table, width)) is not None:
            cells = laid
            out.findings.append(
                row_finding(
                    "values_by_layout",
                    f"row '{row.label}' has {len(row.values)} values for {width} columns: each was put in "
                    "the column of the tab field it holds, as the rows with every value hold them, the "
                    "others are blank",
                    ACTIVE,
                    row,
                    row.code,
                )
            )
        if cells is None and gaps and (cells := _span_copies_dropped(row.values, width, gaps)) is not None:
            out.findings.append(
                row_finding(
                    "spans_disagree",
                    f"row '{row.label}' has {len(row.values) - width} empty cells beyond its {width} "
                    "columns, as a merged cell of its own or of the header leaves them (spans that "
                    "differ between header and row): values were taken in the order of the cells",
                    ACTIVE,
                    row,
                    row.code,
                )
            )
        if columns is None:
            if cells is None:
                out.findings.append(length_mismatch(ACTIVE, row, len(expected), expected, template))
                continue
            columns = expected
            named_head = ", ".join(c or "(unread)" for c in head or ())
            out.findings.append(
                Finding(
                    "columns_by_position",
                    f"no header for row {schema.row_label(ACTIVE, row.code, template)}"
                    + (f" (the header above names {named_head})" if head else "")
                    + f"; values taken in the template's order ({', '.join(expected)})",
                    ACTIVE,
                    row.code,
                    source=row.source,
                )
            )
        elif cells is None:
            out.findings.append(length_mismatch(ACTIVE, row, len(columns), columns, template))
            continue
        if split_at_spaces and row.gathered and _fraction_in_a_count(cells, columns):
            why = (
                "its values come from lines of their own in PDF text, and a count column would hold a "
                "fraction (政府集中采购 118.7 / 6: the amount before the count)"
            )
            out.findings.append(uncertain(row, ACTIVE, why))
            continue
        make_cells(ACTIVE, row, columns, cells, out, units, stated)
    if out.found:
        complete(ACTIVE, template, out)
    return out


def _may_be_a_cell(value: str, columns: list[str] | None) -> bool:
    """Whether a value after a row's columns may be one of its cells, not a remark: a number; or,
    where no header names the columns (None), a mark too (``规章 1 — — —``, OCR's reading of a rule
    as 1 before the row's three marks: read as a remark, the last — was dropped and 1 read)."""
    return is_number_text(value) or (columns is None and value.strip() != "" and is_value_text(value))


def _rules_read_as_ones(rows: list[Row], template: str) -> bool:
    """Whether two rows of 二 hold more values than their columns, as many more as they hold 1s
    (``行政规范性文件 4 1 1 1 23``, ``行政事业性收费 4 1 0``): OCR read the table's rules as 1, so a 1 in
    any row may be a rule standing where a blank cell left none (``行政处罚 9 1 15`` for 9 | | 15)."""
    over = 0
    for row in rows:
        if row.match.code is None:
            continue
        filled = [v.strip() for v in row.values if v.strip()]
        extra = len(filled) - row_width(ACTIVE, template, row.match.code)
        over += 0 < extra <= filled.count("1")
    return over >= 1


def _fits(template: str) -> Callable[[Row], bool]:
    """Whether a row's values fill the columns of the row its label names (of two rows so named, the
    one that does is the table's: not a list's ``1 | 规章 | 2`` before it)."""

    def fits(row: Row) -> bool:
        code = row.match.code
        return code is not None and fit(row.values, row_width(ACTIVE, template, code), None)[0] is not None

    return fits


def _under_no_column(row: Row, head: list[str | None], width: int) -> Finding:
    """The finding for a row's numbers under header cells that name no column of the template."""
    return row_finding(
        "columns_extra",
        f"row '{row.label}': {len(head) - width} header cells after its columns name none of the "
        "template's; the numbers under them were left out",
        ACTIVE,
        row,
        row.code,
    )


def _overflowed(rows: list[Row], out: TableResult) -> set[int]:
    """Rows of 二 whose values came a line each and did not end where the row did: lines of values
    after a full row that no row could take (a page number among them, 行政许可 / 5 / 2417). 二 has
    no sums to tell the row's values from the stray one, so the row is left NA, and the stray
    lines (returned, by id) are no row's: taken by position, they would be the next row's when
    its own cell is blank (行政规范性文件 / 5 / 2 / 0 / 11 / 行政许可 / 行政处罚 read 行政许可 11)."""
    why = "its values come a line each, and more value lines follow it than its columns take"
    strays: set[int] = set()
    for before, row in itertools.pairwise(rows):
        if row.match.code is not None or row.label or not (row.gathered and before.gathered):
            continue
        if id(before) in strays:
            strays.add(id(row))  # more stray lines
        elif before.match.codes:
            if not before.uncertain:
                set_uncertain(before, ACTIVE, why, out)
            strays.add(id(row))
    for row in rows:
        if id(row) in strays:
            out.findings.append(
                row_finding(
                    "unmapped_values",
                    "values on lines of their own after a full row of values a line each: no row's",
                    ACTIVE,
                    row,
                )
            )
    return strays


def _laid_by_tab_fields(row: Row, table: list[Row], width: int) -> list[str] | None:
    """A tab-separated row short of values (a blank cell is an empty field: ``行政处罚 ⇥ 9 ⇥ ⇥ 15``),
    each value in the column whose field it holds, as the rows of its small table that have all
    ``width`` values hold them, where its last value stands in the last column's field (a blank
    last cell leaves no field, nor does a tab lost before it: which, the text does not say). None
    where no full row says where the columns are: counted from the label alone, a tab typed after
    it (``行政事业性收费 ⇥ ⇥ 4``) would move the value a column on, and 二 has no sum to catch it."""
    if row.gathered or not row.spans or not is_tab_fields(row.spans):
        return None
    places = columns_of_full_rows([r.spans for r in table if r.spans is not None and not r.gathered], width)
    if places is None or row.spans[-1] != places[-1]:
        return None
    return place(row.values, row.spans, places)


def _active_columns(head: list[str | None] | None, expected: list[str]) -> list[str] | None:
    """The columns a row of 二 takes from the header above it: those it names, where it names only
    the row's columns, or all of them and after them cells naming none (备注, a column the template
    has not); [] where those it names, the row's, are out of the template's order beside a cell
    it cannot read, or where it names one twice; else None (the template's order)."""
    if not head:
        return None
    named = [c for c in head if c]
    if _TWICE in named:
        return []  # a column named twice (2022年处理决定数量 | 2021年处理决定数量): which is not known
    if set(head) <= set(expected):
        return named
    if sorted(named) == sorted(expected) and head[: len(named)] == named:
        return named  # 信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 | 备注
    if set(named) <= set(expected) and named != [c for c in expected if c in named]:
        return []
    return None  # (a header naming other columns: another table's, the row read as before)


def _fraction_in_a_count(cells: list[str], columns: Sequence[str]) -> bool:
    """Whether a column that counts (all of 二's but its amounts) would take a number with a
    fraction: values in another order than the columns'."""
    for cell, column in zip(cells, columns, strict=False):
        number = parse_value(cell).number
        if column not in AMOUNTS and isinstance(number, float) and not number.is_integer():
            return True
    return False
