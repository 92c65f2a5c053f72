"""Rows a scraper or converter broke in known ways: a value glued to its label, a row's first value
typed into its label's cell, two values apart by a space in one cell. Each is split off where the
row then holds all its values, or the row is set aside (NA) with a finding."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise, takewhile

from . import schema
from .findings import Finding
from .labels import Match, Matcher, key
from .labels import matcher as label_matcher
from .mapping import Record, row_width, trim_padding
from .values import folded, is_number_text, is_value_text

_GLUED = re.compile(r"^(.*[^\d\s.,，．、])(\d+(?:\.\d+)?)$")


def glued_values_split(
    records: list[Record], table: str, template: str, whole_rows_only: bool = True
) -> tuple[list[Record], list[Finding]]:
    """Records of PDF text whose last label cell ends in the row's first value, glued to it
    (PyMuPDF and pdfplumber join a label and the value beside it where the gap is narrow:
    ``行政许可452``, ``四、结转下年度继续办理2 0 0 0 0 0 2``): the number split off where the words
    before it are exactly a row label of the table (or one with its groups before it, where the
    line holds all its values), the whole cell is not, and the line then holds
    all the row's values (a line with part of them would make the table's lines out of row order,
    which PDF text read line by line does not take: ``行政规范性文件6`` / ``2`` / ``41`` stays,
    unless ``whole_rows_only`` is false); with findings."""
    rows_of = label_matcher(table, "row")
    out: list[Record] = []
    findings: list[Finding] = []
    for rec in records:
        glued = _GLUED.match(rec.labels[-1]) if rec.labels else None
        if glued is not None and rows_of(glued[0]).how != "exact":
            label = rows_of(glued[1])
            values = 1 + sum(1 for v in rec.values if v.strip())
            whole = label.code is not None and values == row_width(table, template, label.code)
            # a row's label with its groups before it (三、本年度办理结果（六）其他处理1.申请人…申请11)
            # names the row as surely where it ends the words and the line holds all its values
            path = label.how == "contains" and whole and _ends_in_label(glued[1], table, template, label.code)
            if (label.how == "exact" and (whole or not whole_rows_only)) or path:
                findings.append(
                    Finding(
                        "cell_repaired",
                        f"'{glued[0]}': a value glued to its row's label (PDF text) split off: "
                        f"{glued[1]} | {glued[2]}",
                        table,
                        label.code,
                        found=glued[0],
                        source=rec.source,
                    )
                )
                rec = Record([*rec.labels[:-1], glued[1]], [glued[2], *rec.values], rec.source)
        out.append(rec)
    return out, findings


def _ends_in_label(words: str, table: str, template: str, row: str | None) -> bool:
    """Whether ``words`` end in the row's own label, its last part (``…（三）不予公开 5.属于三类
    内部事务信息``), not in a line of other text that names the row somewhere (``行政事业性收费0三、
    收到和处理…数量101``)."""
    return row is not None and key(words).endswith(key(schema.row_label(table, row, template).split()[-1]))


_VALUE_AFTER_LABEL = re.compile(r"^(.*[^\d\s.,，．、])( ?)(\d+(?:\.\d+)?)$")


def values_in_labels(records: list[Record], table: str, template: str) -> tuple[list[Record], list[Finding]]:
    """Records of a table's cells (HTML, Word, pipe text, Markdown) whose last label cell ends in
    a number after words that are exactly a row label, while the row's value cells hold fewer
    values than its columns: the row's first value typed into its label's cell, its other values
    a cell to the left (``行政规范性文件<br>6 | 2 | 41 |``), or a mark beside a row with a blank
    cell. A number set apart (on a line of the cell's own, written ``行政规范性文件 6`` by the
    readers; after a space) where the row then holds all its values is split off; else the row
    keeps its place, NA. A row whose value cells hold all its values keeps them (the number a
    mark, ``规章1``). With findings."""
    rows_of = label_matcher(table, "row")
    out: list[Record] = []
    findings: list[Finding] = []
    for rec in records:
        label = rec.labels[-1] if rec.labels and rec.values else ""
        found = _VALUE_AFTER_LABEL.match(label) if label[-1:].isdigit() else None
        match = None if found is None or rows_of(label).how == "exact" else _exact_label(found[1], rows_of)
        if match is None:
            out.append(rec)
            continue
        words, apart, number = found.groups()  # type: ignore[union-attr]
        width = row_width(table, template, match.code)  # type: ignore[arg-type]
        values = sum(1 for v in rec.values if v.strip())
        if values >= width:
            out.append(rec)
            continue
        labels = [*rec.labels[:-1], words]
        if apart and values + 1 == width:
            findings.append(
                Finding(
                    "cell_repaired",
                    f"'{label}': a value on a line of its own in its row's label cell, the row's other "
                    f"values a cell to the left, split off: {words} | {number}",
                    table,
                    match.code,
                    found=label,
                    source=rec.source,
                )
            )
            out.append(Record(labels, [number, *rec.values], rec.source))
            continue
        how = "apart (on a line of its own)" if apart else "joined to the label"
        findings.append(
            Finding(
                "row_length_mismatch",
                f"row {schema.row_label(table, match.code, template)}: its label cell '{label}' ends in a "
                f"number {how}, beside {values} value cells for {width} columns: the row's first value "
                "typed into its label's cell (its others a cell to the left) or a mark beside a blank "
                "cell; its values are left NA rather than guessed",
                table,
                match.code,
                expected=f"{width} values",
                found=" | ".join([label, *rec.values]),
                source=rec.source,
            )
        )
        out.append(Record(labels, list(rec.values), rec.source, uncertain=True))
    return out, findings


_SPACED_DIGITS = re.compile(r"\d+(?:\s+\d+)+")
_DIGITS_APART = re.compile(r"\d\s+\d")


def values_apart_in_a_cell(
    records: list[Record], table: str, template: str
) -> tuple[list[Record], list[Finding]]:
    """Records of a table's cells (HTML, Word, pipe text, Markdown) with a cell of numbers apart by
    a space (``6　2``, ``<span>6</span> <span>2</span>``) before blank cells that end the row, as
    many as the numbers beyond the first: two values typed into one cell, the row's other values a
    cell to the left (``6 2 | 41 |`` of 6, 2, 41), or one number with a stray space (62, 41 and a
    blank). Which, the cells do not tell: the row keeps its place, NA, said. So too where the blank
    cells open the row (markitdown's tables of a PDF: ``果 |  |  |  | 7 1 | 0 0 | 3 0 | 11``, a
    label's columns split off and two values a cell), and wherever such a cell's first number is 0
    (``0 0 1``: no number with a stray space). (In a row with no such blank cells the space is a
    stray one inside a number: 6 2 is 62, as before.)"""
    rows_of = label_matcher(table, "row")
    out: list[Record] = []
    findings: list[Finding] = []
    for rec in records:
        values = rec.values
        # (the usual row: no digits apart by a space)
        if not values or _DIGITS_APART.search("|".join(values)) is None:
            out.append(rec)
            continue
        code = rows_of(rec.labels[-1]).code if rec.labels else None
        width = row_width(table, template, code) if code else _UNNAMED_WIDTH.get(table, 0)
        cells = trim_padding(values, width)
        while len(cells) > width and not cells[0].strip():
            cells = cells[1:]  # blank cells under a label's columns (a label on a line of its own)
        blanks = sum(1 for v in cells if not v.strip())
        spaced = [
            folded(v).strip() for v in cells if len(v) > 2 and _SPACED_DIGITS.fullmatch(folded(v).strip())
        ]
        apart = sum(len(v.split()) - 1 for v in spaced)
        if not width or not spaced or (not _zero_led(spaced) and (len(cells) != width or apart > blanks)):
            out.append(rec)
            continue
        label = schema.row_label(table, code, template) if code else "(no label)"
        findings.append(
            Finding(
                "row_length_mismatch",
                f"row {label}: its cell '{spaced[0]}' holds numbers apart by a space, and the row {blanks} "
                "blank cells: two values typed into one cell (the row's others a cell off) or one number "
                "with a stray space; its values are left NA rather than guessed",
                table,
                code,
                expected=f"{width} values",
                found=" | ".join(values),
                source=rec.source,
            )
        )
        out.append(Record(list(rec.labels), list(values), rec.source, rec.positions, uncertain=True))
    return out, findings


def values_under_filled_cells(
    records: list[Record], table: str, template: str
) -> tuple[list[Record], list[Finding]]:
    """Records of 三 (pipe text, Markdown: a row a line) whose row is short of its values and whose
    next line, values alone, holds the rest under cells the row filled (markitdown's tables of a
    PDF: ``| 2.重复申请 | | | 2 | 0 | 0 | 0 | 0 |`` / ``| | … | 0 | | | 2 |``, a cell of two values one
    over another): which column each value is, the lines do not tell (read as a row, its leading
    blank cells took the first columns). The row keeps its place, NA, said. (A row with blank cells
    among its values takes the next line's values into them, as before.)"""
    if table != "application_handling":
        return records, []
    rows_of = label_matcher(table, "row")
    out = list(records)
    findings: list[Finding] = []
    for i, (rec, after) in enumerate(pairwise(records)):
        if not rec.labels or after.labels or rec.positions is not None or after.positions is not None:
            continue
        ours, theirs = _numbers_at(rec.values), _numbers_at(after.values)
        code = rows_of(rec.labels[-1]).code or rows_of(rec.text).code
        if not ours or not theirs or code is None:
            continue
        width = row_width(table, template, code)
        shift = len(after.values) - len(rec.values)  # the two lines right-aligned: one grid
        if (
            len(ours) + len(theirs) != width
            or ours[-1] - ours[0] >= len(ours)  # blank cells among its values, for the rest to fill
            or shift < 0
            or not {n - shift for n in theirs} <= set(ours)
        ):
            continue
        findings.append(
            Finding(
                "row_length_mismatch",
                f"row {schema.row_label(table, code, template)}: its values run over two lines, the second's "
                "under cells the first filled (a cell's values one over another): which column each is "
                "is not known; its values are left NA rather than guessed",
                table,
                code,
                expected=f"{width} values",
                found=" | ".join([*rec.values, "/", *after.values]),
                source=rec.source,
            )
        )
        out[i] = replace(rec, uncertain=True)
    return out, findings


def lone_values_down_a_column(
    records: list[Record], table: str, template: str
) -> tuple[list[Record], list[Finding]]:
    """Records of 三 (pipe text, Markdown: a row a line) whose row holds one number, not its 总计,
    its other cells blank, and a line next to it a number in that column (camelot's Markdown of a
    cell over lines, a line a row: ``| 1.信访举报投诉类申请 | | | 0 | | | | |`` between ``… | 3 |``
    and ``… | 1 |``, the lines of 0⏎1⏎0⏎7): that number may be any line's of the cell. The row keeps
    its place, NA, said."""
    if table != "application_handling":
        return records, []
    rows_of = label_matcher(table, "row")
    out = list(records)
    findings: list[Finding] = []
    for i, rec in enumerate(records):
        if not rec.labels or rec.positions is not None or len(rec.values) < 7 or rec.values[-1].strip():
            continue  # (a row of 三's seven cells, or more, its 总计 blank)
        at = _numbers_at(rec.values)
        if len(at) != 1 or sum(1 for v in rec.values if v.strip()) != 1:
            continue
        column = len(rec.values) - at[0]  # counted from the row's end: the lines share one grid
        near = [records[k] for k in (i - 1, i + 1) if 0 <= k < len(records) and records[k].positions is None]
        if not any(len(r.values) >= column and is_number_text(r.values[-column]) for r in near):
            continue
        code = rows_of(rec.labels[-1]).code or rows_of(rec.text).code
        if code is None:
            continue
        findings.append(
            Finding(
                "row_length_mismatch",
                f"row {schema.row_label(table, code, template)}: its one number, 总计 blank, stands in a "
                "column whose lines around it hold numbers too (a cell's lines a row each): whose it is "
                "is not known; its values are left NA rather than guessed",
                table,
                code,
                found=" | ".join(rec.values),
                source=rec.source,
            )
        )
        out[i] = replace(rec, uncertain=True)
    return out, findings


def _numbers_at(cells: list[str]) -> list[int]:
    """Where a row's cells hold a number."""
    return [n for n, cell in enumerate(cells) if is_number_text(cell)]


_VALUES_ON_TWO_LINES = re.compile(r"\d\s*¦\s*\d")


def cells_over_two_columns(
    records: list[Record], table: str, template: str
) -> tuple[list[Record], list[Finding]]:
    """Records of 三 or 四 (every value its own column, no cell spans two) whose row has a cell of
    values on two lines (``５<br>０``: narrower than its number) and a value cell whose text the next
    cell repeats (``２１９|２１９``): a table grid misread for that row (PyMuPDF's ``to_markdown``
    repeats a cell over the columns it spans), one cell over two columns holding both columns'
    values run together (21 and 9 as 219). Which digits are whose, the cells do not tell: the row
    keeps its place, NA, said. (A value repeated with no such cell in the row is two equal
    values, 0 | 0, as before.)"""
    if table == "active_disclosure":
        return records, []  # (二: a value over a colspan of its header's is one value, repeated)
    rows_of = label_matcher(table, "row")
    out: list[Record] = []
    findings: list[Finding] = []
    for rec in records:
        cells = [*rec.labels, *rec.values]  # (a row whose last cell is no value: its values are labels)
        # (the usual row: no cell of values on two lines)
        if "¦" not in "".join(cells) or not any(map(_VALUES_ON_TWO_LINES.search, cells)):
            out.append(rec)
            continue
        if not _repeats_a_value(cells):
            out.append(rec)
            continue
        head = list(takewhile(lambda cell: not is_value_text(cell), rec.labels))
        code = (rows_of(head[-1]).code or rows_of(" ".join(head)).code) if head else None
        label = schema.row_label(table, code, template) if code else "(no label)"
        findings.append(
            Finding(
                "row_length_mismatch",
                f"row {label}: a cell holds values on two lines and a cell's text is repeated in the next "
                "(one cell over two columns: the table's grid misread for the row, two columns' values "
                "run together); its values are left NA rather than guessed",
                table,
                code,
                found=" | ".join(cells[len(head) :]),
                source=rec.source,
            )
        )
        if head:  # (its values as its value cells, not labels: the row keeps its place)
            rec = replace(rec, labels=head, values=cells[len(head) :])
        out.append(replace(rec, uncertain=True))
    return out, findings


def _repeats_a_value(cells: list[str]) -> bool:
    """Whether a cell's number is the next cell's too (one cell over two columns)."""
    return any(a == b and is_number_text(a) for a, b in pairwise(map(str.strip, cells)))


#: How many values a row holds whose label names no row (a wrapped label's tail): every row of 三
#: holds seven, 四's line fifteen; 二's rows differ.
_UNNAMED_WIDTH = {"application_handling": 7, "review_litigation": 15}


def _zero_led(spaced: list[str]) -> bool:
    """Whether a cell's numbers apart by a space start with a 0 (``0 0 1``): several values, for no
    number is written 001 (a stray space inside one never makes it so)."""
    return any(v[0] == "0" for v in spaced)


def _exact_label(words: str, rows_of: Matcher) -> Match | None:
    """The row that ``words`` name exactly, or whose label they end in after a space (its group
    before it: ``行政诉讼 未经复议直接起诉``); else None."""
    match = rows_of(words)
    if match.how != "exact" and " " in words:
        last = rows_of(words.rsplit(" ", 1)[1])
        match = last if last.code in match.codes else match
    return match if match.how == "exact" and match.code is not None else None
