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
    (``"1,234"``)."""
    if text.count(",") < 15 or "|" in text:
        return None
    if '"' in text:
        lines = _marks_put_back(lines)
    fields: list[list[str] | None] = [_fields(line) for line in lines]
    runs: list[tuple[int, int, int]] = []  # (first line, past the last, rows of values)
    i = 0
    while i < len(lines):
        if fields[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and fields[j] is not None:
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
        rows = [row for row in fields[i:j] if row is not None]
        numbered = _row_numbers(rows)
        for k, row in zip(range(i, j), rows, strict=True):
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


def _fields(line: str) -> list[str] | None:
    """A line's CSV fields, where it reads as a table's line: three fields or more, none a sentence;
    or two, a label and its value (``行政许可,3``) or a short header (``信息内容,本年处理决定数量``)."""
    if "," not in line:
        return None
    row = next(csv.reader([line]), [])
    if len(row) < 2:
        return None
    row = [" ".join(cell.split()) for cell in row]
    if any(len(cell) > _LONGEST_CELL or "。" in cell or "；" in cell or "|" in cell for cell in row):
        return None
    if any(_NOT_A_FIELD.search(cell) for cell in row):
        return None  # text whose cells stand apart by spaces, its numbers written 28,007
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
