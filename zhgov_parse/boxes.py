"""Tables drawn with box-drawing characters (制表符), as w3m and elinks dump a page's table and as
plain-text documents draw one: ``┌──┬──┐`` / ``│规章│0│`` / ``├──┼──┤``.

Cells are the rectangles the lines enclose, a merged cell one rectangle over several columns or
rows (a partial border ``│ 三、本年度办理结果 ├──┼──┤`` ends the rows on its right only).  Each
table becomes an HTML table with those spans, read as a page's table is.
"""

from __future__ import annotations

import re
import unicodedata

from .document import Block
from .findings import Finding
from .markup import display_width, joined_lines

_VERTICAL = frozenset("│┃║├┤┼┬┴┌┐└┘┣┫╋┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝╟╢╫╤╧╪╞╡")
_HORIZONTAL = frozenset("─━═")
_BOX = _VERTICAL | _HORIZONTAL
_TOP = re.compile(r"^[ \t]*[┌┏╔][─━═┬┳╦╤]*[┐┓╗][ \t]*$", re.M)


def has_boxes(text: str) -> bool:
    """Whether ``text`` holds the top border of a box-drawn table."""
    return ("┌" in text or "┏" in text or "╔" in text) and _TOP.search(text) is not None


_PAD = "\0"  # the second column of a wide character


def _grid(line: str, wide: frozenset[str]) -> str:
    """``line`` by display column: each character of ``wide`` followed by a pad."""
    if not wide.intersection(line):
        return line
    return "".join(ch + _PAD if ch in wide else ch for ch in line)


def _wide_characters(lines: list[str], ambiguous: bool) -> frozenset[str]:
    """The characters of ``lines`` two columns wide: CJK, and (``ambiguous``) those of ambiguous
    width (“ ” …) but a box's lines."""
    chars = set("".join(lines))
    return frozenset(
        ch
        for ch in chars
        if display_width(ch) == 2
        or (ambiguous and ch not in _BOX and not ch.isascii() and unicodedata.east_asian_width(ch) == "A")
    )


_RULED = re.compile("[─━═]")
_BAR = re.compile("[" + "".join(sorted(_VERTICAL)) + "]")


def _bars(grid: list[str]) -> list[int]:
    return sorted({m.start() for row in grid for m in _BAR.finditer(row)})


def box_tables(lines: list[str]) -> tuple[list[str], dict[int, list[Block]], list[Finding]]:
    """``lines`` with each box-drawn table blanked, its rows (as blocks, keyed by the table's first
    line number) and the findings reading them gave."""
    from .read_html import table_rows

    out = list(lines)
    inserts: dict[int, list[Block]] = {}
    findings: list[Finding] = []
    i = 0
    while i < len(out):
        if not _TOP.match(out[i]):
            i += 1
            continue
        end = i + 1
        while end < len(out) and out[end].strip()[:1] in _VERTICAL:
            end += 1
        table = _as_html(out[i:end])
        if table is not None:
            rows, found = table_rows(table, f"line {i + 1}")
            inserts[i + 1] = rows
            findings.extend(found)
            out[i:end] = [""] * (end - i)
        i = end
    return out, inserts, findings


def _as_html(lines: list[str]) -> str | None:
    """The table ``lines`` draw, as HTML with its merged cells' spans; None if they draw none."""
    # Quotes and the like are one column wide or two, as the tool that drew the table counted
    # them (w3m in a CJK locale: two): the count whose bars line up is the tool's.
    lines = [line.rstrip() for line in lines]
    narrow = _wide_characters(lines, ambiguous=False)
    grid = [_grid(line, narrow) for line in lines]
    xs = _bars(grid)
    wide = _wide_characters(lines, ambiguous=True)
    if wide != narrow:
        wider = [_grid(line, wide) for line in lines]
        if len(_bars(wider)) < len(xs):
            grid, xs = wider, _bars(wider)
    if len({len(row) for row in grid}) > 1:
        return None  # ragged: rows of a malformed table drawn as they come, or lines cut short

    # Borders: runs of lines with a horizontal line in them (a partial border under one cell,
    # then a whole one, is one border); rows lie between them.
    bands: list[list[int]] = []
    for y, row in enumerate(grid):
        if "─" in row or "━" in row or "═" in row:
            if bands and bands[-1][1] == y - 1:
                bands[-1][1] = y
            else:
                bands.append([y, y])
    if len(xs) < 2 or len(bands) < 2:
        return None
    rows, cols = len(bands) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for r in range(rows):
        inner = range(bands[r][1] + 1, bands[r + 1][0])
        under = range(bands[r + 1][0], bands[r + 1][1] + 1)
        for c in range(cols):
            if c + 1 < cols and inner and not any(grid[y][xs[c + 1]] in _VERTICAL for y in inner):
                parent[find(r * cols + c + 1)] = find(r * cols + c)  # no bar between: one cell
            if r + 1 < rows and not any(_RULED.search(grid[y], xs[c] + 1, xs[c + 1]) for y in under):
                parent[find((r + 1) * cols + c)] = find(r * cols + c)  # no border under: one cell
    cells: dict[int, list[int]] = {}  # root -> [top row, left col, bottom row, right col]
    for r in range(rows):
        for c in range(cols):
            box = cells.setdefault(find(r * cols + c), [r, c, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
    html_rows: list[list[str]] = [[] for _ in range(rows)]
    for top, left, bottom, right in sorted(cells.values()):
        text = _text(grid, bands[top][1] + 1, bands[bottom + 1][0], xs[left] + 1, xs[right + 1])
        spans = f' rowspan="{bottom - top + 1}"' * (bottom > top) + f' colspan="{right - left + 1}"' * (
            right > left
        )
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        html_rows[top].append(f"<td{spans}>{escaped}</td>")
    return "<table>" + "".join(f"<tr>{''.join(row)}</tr>" for row in html_rows) + "</table>"


def _text(grid: list[str], y0: int, y1: int, x0: int, x1: int) -> str:
    """The text inside a cell's rectangle, its lines joined (no space where CJK meets anything)."""
    parts = []
    for y in range(y0, y1):
        part = grid[y][x0:x1].translate(_NO_BOX).strip()
        if part:
            parts.append(" ".join(part.split()))
    return joined_lines(parts)


_NO_BOX = str.maketrans(dict.fromkeys([*_BOX, _PAD]))
