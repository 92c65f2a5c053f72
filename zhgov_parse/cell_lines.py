"""Tables 三 and 四 of a Word file's text written a cell a line, where a blank cell is an empty
line (LibreOffice's text export; docx2txt, which also puts an empty line after every cell): their
rows put back together with their blank cells.

Read as lines of text, a blank cell is lost (empty lines end paragraphs), so a row with one reads
short and its values are left NA.  Where the part holds such a table, every row label of 三 that
values follow is followed by exactly seven cells, each a value, a marker or empty, and then by a
cell that is no value (the next label, or an empty cell a merged label leaves): the seven are the
row, blanks where they stand.  The table is taken so only if every one of its rows is, one at
least has a blank cell, every row states its 总计 and may add up to it (blanks 0), and the rows
come once each in the template's order.  四's one row is the fifteen cells after its header's last
word, where they are fifteen to the next part.
"""

from __future__ import annotations

from . import schema
from .document import Block, row_block
from .labels import matcher
from .locate import part_of
from .mapping import may_add_up
from .values import is_value_text, parse_value

APPLICATION = "application_handling"
REVIEW = "review_litigation"
_WIDTH = 7
_BLANK = "\u00a0\u3000 \t"


def rows_with_blank_cells(text: str, lines: list[str]) -> dict[int, list[Block]] | None:
    """The rows of 三 and 四, keyed by the line number (1-based) each starts on, where a part is
    written a cell a line with blank cells as empty lines; None for any other text.  ``lines`` are
    the text's; the lines the rows come from are emptied in it."""
    found = {**(_application_rows(text, lines) or {}), **(_review_row(text, lines) or {})}
    return found or None


def _review_row(text: str, lines: list[str]) -> dict[int, list[Block]] | None:
    """四's row of fifteen cells (行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, five
    each): the cells after its header's last word, to the next part, where they are fifteen, one
    at least blank, and each group that states its 总计 may add up to it."""
    start = next((i for i in _lines_starting(text, "四") if _part(lines[i]) == REVIEW), None)
    if start is None:
        return None
    ends = [i for n in "五六" for i in _lines_starting(text, n) if i > start and _part(lines[i]) is not None]
    numbers = _cell_lines(lines, start + 1, min(ends, default=len(lines)))
    if numbers is None:
        return None
    cells = [lines[n].strip(_BLANK) for n in numbers]
    header_end = max((k for k, c in enumerate(cells) if c and not is_value_text(c)), default=-1)
    row = cells[header_end + 1 :]
    while row and not row[-1]:
        row.pop()  # empty lines after the table (a blank last cell would leave the row short)
    if header_end < 0 or len(row) != 3 * 5 or all(row) or not all(is_value_text(c) for c in row if c):
        return None
    if not all(_group_may_add_up(row[g : g + 5]) for g in (0, 5, 10)):
        return None
    first = numbers[header_end + 1]
    for k in range(header_end + 1, header_end + 1 + len(row)):
        lines[numbers[k]] = ""
    return {first + 1: [row_block(tuple(row), f"line {first + 1}")]}


def _group_may_add_up(cells: list[str]) -> bool:
    """A group of 四 whose cells are all blank or marked says nothing; else its 总计 is stated and
    may be the sum of its outcomes."""
    return all(parse_value(c).number is None for c in cells) or may_add_up(cells)


def _application_rows(text: str, lines: list[str]) -> dict[int, list[Block]] | None:
    """三's rows, keyed by the line number of each row's label (see the module's text)."""
    start = next((i for i in _lines_starting(text, "三") if _part(lines[i]) == APPLICATION), None)
    if start is None:
        return None
    ends = [
        i for n in "四五六" for i in _lines_starting(text, n) if i > start and _part(lines[i]) is not None
    ]
    numbers = _cell_lines(lines, start + 1, min(ends, default=len(lines)))
    if numbers is None:
        return None
    cells = [lines[n].strip(_BLANK) for n in numbers]
    if not any(
        not cells[k]
        and is_value_text(cells[k - 1])
        and is_value_text(cells[k + 1])
        and cells[k - 1]
        and cells[k + 1]
        for k in range(1, len(cells) - 1)
    ):
        return None  # no blank cell between values: read as before
    rows_of = matcher(APPLICATION, "row")
    rows: list[tuple[int, list[int]]] = []  # (index of the label cell, indexes of its seven cells)
    for i, cell in enumerate(cells):
        if not cell or is_value_text(cell) or rows_of(cell).code is None:
            continue  # a row label is text naming a row (not the tail of a label, a header cell)
        seven = list(range(i + 1, i + 1 + _WIDTH))
        row = [cells[k] for k in seven if k < len(cells)]
        after = seven[-1] + 1
        if (
            len(row) == _WIDTH
            and all(not c or is_value_text(c) for c in row)
            and any(row)
            and not (after < len(cells) and cells[after] and is_value_text(cells[after]))
        ):
            if not may_add_up(row):
                return None
            rows.append((i, seven))
        elif row and row[0]:
            return None  # values follow the label, but not seven of them: another layout
        # else a label with no value after it (a group's, a header's): read as before
    codes = [rows_of(cells[i]).code for i, _ in rows]
    if len(rows) < 10 or not any(_in_order(codes, template) for template in ("2021", "2019")):
        return None  # few rows, a row twice, or out of the template's order: not this layout
    out: dict[int, list[Block]] = {}
    for i, seven in rows:
        line = numbers[i]
        out[line + 1] = [row_block((cells[i], *(cells[k] for k in seven)), f"line {line + 1}")]
        for k in (i, *seven):
            lines[numbers[k]] = ""
    return out


def _lines_starting(text: str, numeral: str) -> list[int]:
    """The indexes of the lines that start with ``numeral`` (a part heading: 三、…; in text a cell
    a line, headings have no indent), found by ``str.find``."""
    out = [0] if text.startswith(numeral) else []
    line, counted = 0, 0  # the line index at position ``counted``
    at = text.find("\n" + numeral)
    while at >= 0:
        line += text.count("\n", counted, at + 1)
        counted = at + 1
        out.append(line)
        at = text.find("\n" + numeral, at + 1)
    return out


def _in_order(codes: list[str | None], template: str) -> bool:
    order = {code: n for n, (code, _) in enumerate(schema.rows(APPLICATION, template))}
    at = [order.get(code or "", -1) for code in codes]
    return -1 not in at and at == sorted(set(at))


def _part(line: str) -> str | None:
    """The part a line opens: a heading marked 一、 … 六、 (a line a cell holds no other)."""
    text = line.strip()
    return part_of(text) if len(text) <= 46 else None


def _cell_lines(lines: list[str], start: int, end: int) -> list[int] | None:
    """The line numbers of the part's cells: every line (LibreOffice), or every other line where
    each cell is followed by an empty one (docx2txt); None where the part is not written so."""
    filled = [n for n in range(start, end) if lines[n].strip(_BLANK)]
    if len(filled) < 2 * _WIDTH:
        return None
    if all(n + 1 >= end or not lines[n + 1].strip(_BLANK) for n in filled):  # docx2txt
        first = filled[0]
        numbers = list(range(first, end, 2))
        if any(lines[n].strip(_BLANK) for n in range(first + 1, end, 2)):
            return None
        return numbers
    if sum(1 for n in filled if " " in lines[n].strip() or "|" in lines[n]) > len(filled) // 10:
        return None  # rows on lines of their own, not a cell a line
    return list(range(filled[0], end))
