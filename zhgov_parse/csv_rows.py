"""Tables written as CSV (``pandas.read_html(page)`` saved with ``to_csv``, a spreadsheet's export),
rewritten as the pipe rows the text reader reads."""

from __future__ import annotations

import csv
import re

from .values import is_value_text

#: Rows of values the text's CSV tables hold, at least (prose with ASCII commas has none).
_ROWS_OF_VALUES = 3
#: The longest cell of a CSV table line: the template's longest label is 38 characters.
_LONGEST_CELL = 60


def csv_as_pipes(text: str, lines: list[str]) -> list[str] | None:
    """``lines`` with the lines of CSV tables written as pipe rows (``| 规章 | 0 | 0 | 12 |``), or None
    where the text holds no such table. A table is a run of lines of three fields or more, none long
    or a sentence, with a row of values (two, or a label and its value); the text's tables hold three
    such rows at least.
    pandas' column numbers over a table (``0,1,2,3``) are left out, as quoted fields' quotes are
    (``"1,234"``). Fields apart by semicolons (a spreadsheet's export where the comma is a decimal
    point) are read so where no table's fields are apart by commas, a number with a comma in it no
    field."""
    if "|" in text:
        return None
    rows = _as_pipes(text, lines, ",") if text.count(",") >= 15 else None
    return rows if rows is not None or text.count(";") < 15 else _as_pipes(text, lines, ";")


def _as_pipes(text: str, lines: list[str], delimiter: str) -> list[str] | None:
    """:func:`csv_as_pipes` with fields apart by ``delimiter``."""
    joined: set[int] = set()  # lines a field quoted over several lines took into the line before
    if '"' in text and delimiter == ",":
        lines, joined = _quoted_lines_joined(_marks_put_back(lines))
    fields: list[list[str] | None] = [_fields(line, delimiter) for line in lines]
    runs: list[tuple[int, int, int]] = []  # (first line, past the last, rows of values)
    i = 0
    while i < len(lines):
        if fields[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and (fields[j] is not None or j in joined):
            j += 1
        valued = sum(_has_values(f) for f in fields[i:j] if f is not None)
        runs.append((i, j, valued))
        i = j
    if sum(valued for _, _, valued in runs) < _ROWS_OF_VALUES:
        return None
    out = list(lines)
    for i, j, valued in runs:
        if not valued:
            continue  # lines of commas with no row of values: prose, or a table's header alone
        at = [k for k in range(i, j) if fields[k] is not None]
        rows = [row for row in fields[i:j] if row is not None]
        numbered = _row_numbers(rows)
        for k, row in zip(at, rows, strict=True):
            if numbered:
                row = row[1:]
            out[k] = "" if _column_numbers(row) else "| " + " | ".join(row) + " |"
    return out


#: A quoted field left open at a line's end with digits so far, and the next line that closes it
#: with a number's point or sign alone (PyMuPDF's cells, ``find_tables()`` saved with ``to_csv``).
_OPEN_NUMBER = re.compile(r'(?:^|,)"([+\-]?\d[\d,.]*)$')
_MOVED_MARK = re.compile(r'([.+\-])"(?=,|$)')


def _marks_put_back(lines: list[str]) -> list[str]:
    """``lines`` with a number's point or sign that its cell put on a line of its own below its
    digits (``政府集中采购,9,"732`` / ``.",`` for 73.2; ``行政许可,212,"9`` / ``-",640`` for -9: PyMuPDF
    sorts a glyph lower than the digits onto a line after them) joined to its line again. A sign
    goes back before the digits, the one place it stands; a point may have stood between any two,
    so the field is ``732.``, no number (NA, ``non_numeric``): read as its digits, it gave 732."""
    out = list(lines)
    for i in range(len(lines) - 1):
        line = lines[i]
        if not line.endswith(tuple("0123456789")) or line.count('"') % 2 == 0:
            continue
        head, mark = _OPEN_NUMBER.search(line), _MOVED_MARK.match(lines[i + 1])
        if head is None or mark is None:
            continue
        digits, sign = head.group(1), mark.group(1)
        field = sign + digits if sign in "+-" else digits + sign
        out[i] = f'{line[: head.start(1)]}{field}"{lines[i + 1][mark.end() :]}'
        out[i + 1] = ""
    return out


#: A field opened by a quote and left open at the line's end.
_OPEN_FIELD = re.compile(r'(?:^|,)"[^"]*$')
#: The most lines a quoted field runs over (a cell of 三 holds a label of three lines, or seven values).
_FIELD_LINES = 12


def _quoted_lines_joined(lines: list[str]) -> tuple[list[str], set[int]]:
    """``lines`` with each line that leaves a quoted field open joined to the lines up to the one
    that closes the last field it opens (camelot's CSV of cells over several lines: ``"三、本年度``
    / ``办理结果",（一）予以公开,,11,5,2,1,4,"1`` / ``24",``), at the first one's place; and the lines
    taken into it, left empty. Read line by line, such a field's lines were rows of their own, a
    value a line. Only a table's row whose every field reads plainly (:func:`_plain`) is joined: a
    field that holds several rows' labels and values (a table's body in one cell) stays a line a
    row, as does prose with a quote."""
    out, taken = list(lines), set()
    i = 0
    while i < len(lines):
        quotes = lines[i].count('"')
        if quotes % 2 == 0 or not _OPEN_FIELD.search(lines[i]):
            i += 1
            continue
        j = i
        while quotes % 2 and j + 1 < len(lines) and j + 1 - i < _FIELD_LINES:
            j += 1
            quotes += lines[j].count('"')
        record = "\n".join(lines[i : j + 1])
        if quotes % 2 or not _plain(record) or _fields(record) is None:
            i += 1
            continue  # no CSV row: its lines stay as they are
        out[i] = record
        for k in range(i + 1, j + 1):
            out[k] = ""
            taken.add(k)
        i = j + 1
    return out, taken


def _plain(record: str) -> bool:
    """Whether a CSV row whose fields run over several lines reads plainly: each such field is text
    alone, numbers alone, or text with one run of numbers that the blank cells after it take, or
    the row's first field, one number before its label (``"2`` / ``行政事业性收费",-1,``: camelot's
    cell over the label's column and the first value's, as its header's ``"信息内容`` / ``上一年项目
    数量"``), the number the first value."""
    try:
        row = next(csv.reader([record]), [])
    except csv.Error:
        return False
    for i, cell in enumerate(row):
        if "\n" not in cell:
            continue
        kinds = [is_value_text(part.strip()) for part in cell.split("\n") if part.strip()]
        runs = sum(1 for n, kind in enumerate(kinds) if n == 0 or kind != kinds[n - 1])
        if all(kinds) or not any(kinds):
            continue
        if runs > 3 or (runs == 3 and kinds[0]):
            return False
        if _blanks_after(row, i) != sum(kinds) and not (
            i == 0 and runs == 2 and kinds[0] and sum(kinds) == 1
        ):
            return False
    return True


def _blanks_after(row: list[str], i: int) -> int:
    """How many blank cells follow cell ``i`` of a row, up to a cell with text or the row's end."""
    n = 0
    while i + 1 + n < len(row) and not row[i + 1 + n].strip():
        n += 1
    return n


def _cells_spread(row: list[str]) -> list[str]:
    """A row's cells with those over several lines made one line each, a label's lines run
    together. A cell's numbers go into the blank cells right after it where these are as many as its
    numbers less one (a cell of numbers alone: ``"1\n24",`` is 1 | 24, camelot's cell over two
    columns whose rule it missed) or as many (a label's cell that took the row's first value:
    ``"3.危及“三安全一稳\n2\n定”",,0`` is 3.危及“三安全一稳定” | 2 | 0); else a cell of numbers
    alone keeps them apart by spaces, several values in one cell (NA, ``row_length_mismatch``), and
    a label's number is a cell right after it (``"2\n行政事业性收费",-1`` is 行政事业性收费 | 2 | -1)."""
    out: list[str] = []
    i = 0
    while i < len(row):
        cell = row[i]
        if "\n" not in cell:
            out.append(cell)
            i += 1
            continue
        parts = [part.strip() for part in cell.split("\n") if part.strip()]
        numbers = [part for part in parts if is_value_text(part)]
        words = "".join(part for part in parts if not is_value_text(part))
        blanks = _blanks_after(row, i)
        if numbers and blanks == len(numbers) - (not words):
            out.extend([*([words] if words else []), *numbers])
            i += blanks
        else:
            out.extend([words, *numbers] if words else [" ".join(numbers)])
        i += 1
    return out


def _has_values(row: list[str]) -> bool:
    """A row of values: two values or more, or a label and its value (``行政许可,452``)."""
    values = sum(map(is_value_text, (c for c in row if c)))
    return values >= 2 or (values == 1 and not is_value_text(row[0]))


def _row_numbers(rows: list[list[str]]) -> bool:
    """Whether the rows start with pandas' row numbers (``to_csv()`` with its index): 0, 1, 2, … in
    the first field of each row, the header's left empty."""
    numbers = [row[0] for row in rows if row[0] != ""]
    return len(numbers) >= 2 and numbers == [str(n) for n in range(len(numbers))]


#: What a CSV field never holds but a line of text with thousands separators cut at its commas
#: does (``数量 28``, ``007 16``): a digit next to a space, or a number with a leading 0.
_NOT_A_FIELD = re.compile(r"\d\s|\s\d|^0\d")


#: A label that ends in digits: in page text cut at its commas, a label and the digits run into it.
_GLUED = re.compile(r"[^\d\s.,+\-]\d+$")


#: A number with a comma in it: 3,750 is 3750 or 3.750 where semicolons part the fields.
_COMMA_IN_NUMBER = re.compile(r"\d,\d")
#: A number with a comma before each three digits: a count of thousands (1,540), as no count is 1.540.
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
#: The rows of 二 whose values are amounts (万元) where a comma may be a decimal point.
_AMOUNT_ROWS = re.compile(r"[事業业]性收[费費]|集中[采採][购購]")


def _counts_with_commas(row: list[str]) -> bool:
    """Whether a row of fields apart by semicolons holds no number with a comma but counts written
    with thousands' separators (``一、本年新收…;1,540;…``: a count is whole, so 1,540 is no 1.540): in
    a row of amounts (行政事业性收费, 政府集中采购) a comma may be a decimal point, or where the digits
    after it are not three (``12,4``), and the row is not read."""
    commas = [cell for cell in row if _COMMA_IN_NUMBER.search(cell)]
    if not commas:
        return True
    return all(_THOUSANDS.fullmatch(cell.strip()) for cell in commas) and not any(
        _AMOUNT_ROWS.search(cell) for cell in row
    )


def _fields(line: str, delimiter: str = ",") -> list[str] | None:
    """A line's CSV fields, where it reads as a table's line: three fields or more, none a sentence;
    or two, a label and its value (``行政许可,3``) or a short header (``信息内容,本年处理决定数量``).
    Fields apart by semicolons: none a number with a comma, but counts with thousands' separators
    (:func:`_counts_with_commas`; else a decimal point or a thousands' separator, the line does not
    say: the line is no table's, its row not read)."""
    if delimiter not in line:
        return None
    row = next(csv.reader([line], delimiter=delimiter), [])
    if len(row) < 2 or (delimiter == ";" and not _counts_with_commas(row)):
        return None
    spread = "\n" in line  # a quoted field over lines: its numbers apart by spaces are cells'
    one_line = [" ".join(cell.split()) for cell in row if not spread or "\n" not in cell]
    if any(_NOT_A_FIELD.search(cell) for cell in one_line):
        return None  # text whose cells stand apart by spaces, its numbers written 28,007
    row = [" ".join(cell.split()) for cell in _cells_spread(row)] if spread else one_line
    if any(len(cell) > _LONGEST_CELL or "。" in cell or "；" in cell or "|" in cell for cell in row):
        return None
    if any(_GLUED.search(cell) and not is_value_text(cell) for cell in row):
        return None  # page text whose labels and numbers run together: 申请数量1,234
    if len(row) == 2 and not (
        (is_value_text(row[1]) and not is_value_text(row[0]))
        or all(len(cell) <= 20 and not any(c.isdigit() for c in cell) for cell in row)
    ):
        return None
    return row


def _column_numbers(row: list[str]) -> bool:
    """pandas' column names of a table without a header: ``0,1,2,…``."""
    return row == [str(n) for n in range(len(row))]
