"""Markup that converters write, rewritten as the lines the text reader reads.

Markdown's paragraphs wrapped over lines (pandoc and html2text wrap at about 72 columns, a Word
page's spans break lines anywhere) are put back on one line each; pandoc's attributes around text
are dropped; and tables in text styles other than pipe rows become pipe rows.

Converters write a report's tables in several styles: pandoc's simple and multiline tables
(columns under groups of dashes, as in ``pandoc -t markdown`` or ``-t plain``), grid tables
(``+----+----+`` borders, pandoc and reStructuredText), reStructuredText's simple tables (groups
of ``=``), MediaWiki's ``{| … |}`` and AsciiDoc's ``|===``.  A cell may be wrapped over several
lines of its column;
every such row becomes one pipe line at its first line, the row's other lines left blank, so
line numbers keep pointing at the input.  Columns are cut where the rules put them, counted in
display width (a CJK character is two columns wide, as the converters count it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise

from .values import is_value_text

#: A line that can only be part of a table in one of these styles.
_RULE_LINE = re.compile(
    r"^[ \t]*(?:\+(?:[-=:]+\+)+|:?-{3,}:?(?:[ \t]+:?-{3,}:?)+|={3,}(?:[ \t]+={3,})+|\{\|.*|\|===)[ \t]*$",
    re.M,
)
_GROUPS = re.compile(r"^[ \t]*(?::?-{3,}:?(?:[ \t]+:?-{3,}:?)+|={3,}(?:[ \t]+={3,})+)[ \t]*$")
_FULL_DASHES = re.compile(r"^[ \t]*-{3,}[ \t]*$")
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
_GROUP = re.compile(r"[-=:]+")
_EMPTY = ("", "\r")


# pandoc's Markdown: a bracketed span with attributes, [text]{style="…"}, and a fenced div's line,
# ::: {align="center"}, both around a Word page's text (a span's parts may wrap over lines).
_SPAN = re.compile(r"\[([^\[\]]*)\]\{([^{}]*)\}")
_FENCE = re.compile(r"^[ \t]*:::.*$", re.M)


def replaced_in_place(text: str, pattern: re.Pattern[str], keep: Callable[[re.Match[str]], str]) -> str:
    """``text`` with each match of ``pattern`` replaced by ``keep(match)``. The line breaks a match
    held and its replacement does not (a tag or attributes wrapped over lines) are put back where
    its paragraph ends, so that the paragraph's lines stay together and every line after it keeps
    its number."""
    out: list[str] = []
    pending = 0  # line breaks taken out, not yet put back
    at = 0
    for m in pattern.finditer(text):
        piece = text[at : m.start()]
        end = piece.find("\n\n") if pending else -1
        if end >= 0:
            piece = piece[:end] + "\n" * pending + piece[end:]
            pending = 0
        kept = keep(m)
        out += [piece, kept]
        pending += m.group().count("\n") - kept.count("\n")
        at = m.end()
    out.append(text[at:] + "\n" * pending)
    return "".join(out)


def without_attributes(text: str) -> str:
    """``text`` with pandoc's bracketed spans reduced to their text (spans inside spans too)."""
    for _ in range(8):  # innermost first
        if "]{" not in text or not _SPAN.search(text):
            break
        text = replaced_in_place(text, _SPAN, lambda m: m.group(1))
    return text


def without_fences(text: str) -> str:
    """``text`` with pandoc's fenced-div lines (``::: {align="center"}``, ``:::``) blank."""
    return _FENCE.sub("", text) if ":::" in text else text


#: A line that starts a block of its own, never a wrapped paragraph's next line: a list item, an
#: enumerated heading or item (一、 （一） 1. 一是), a Markdown heading, table row, quote, HTML or
#: image, a date.
@cache
def _new_block() -> re.Pattern[str]:
    """(Compiled on first use: its CJK classes cost milliseconds at import.)"""
    return re.compile(
        r"[ \t]*(?:[-*+•·][ \t]|\d{1,2}[ \t]*[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
        r"|[一二三四五六七八九十]{1,3}(?:[、.．]|是)|第[一二三四五六七八九十]{1,3}[，、,]|[#|>!<]|\*\*|\[TABLE\]"
        r"|[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$)"  # a signature's date
    )


_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_HEADING_CHARS = 30  # an enumerated line this short is a heading: the next line is not its own


def wraps_paragraphs(text: str, lines: list[str]) -> bool:
    """Whether ``text`` has a paragraph wrapped over lines: two lines of text with no blank line
    between, in text that separates its paragraphs with blank lines as Markdown does; ``lines``:
    its lines, tables as pipe rows."""
    after_text = False
    for line in lines:
        text_line = "|" not in line and bool(line.strip())
        if text_line and after_text:
            break
        after_text = text_line
    else:
        return False
    prose = sum(1 for line in lines if line.strip() and "|" not in line)
    return (text.count("\n\n") or len(_BLANK_LINES.findall(text))) * 4 >= prose


def _cell_like(text: str) -> bool:
    """A table's row (``|``, or words ending in a value: ``行政许可 3``), a line laid out in
    columns, or a value alone (a cell a line)."""
    return "|" in text or "  " in text or is_value_text(text.rsplit(" ", 1)[-1])


def paragraphs_joined(lines: list[str]) -> list[str]:
    """``lines`` with each paragraph wrapped over lines put on its first line (the others left
    blank): no space where CJK meets anything, one between two Latin words."""
    out = list(lines)
    into = -1  # the line the next line of text continues, if any
    pieces: list[str] = []  # the paragraph's lines so far (joined once, at its end)

    def close() -> None:
        if len(pieces) > 1:
            out[into] = "".join(pieces)

    for k, line in enumerate(out):
        text = line.strip()
        new_block = bool(text) and _new_block().match(line) is not None
        cells = _cell_like(text) or "\t" in line.lstrip()  # (a row whose cells tabs set apart)
        if not text or into < 0 or new_block or cells:
            close()
            starts = text and (not new_block or (len(text) > _HEADING_CHARS and text[0] not in "#|<"))
            into = k if starts and not cells else -1
            pieces = [line.rstrip()] if into >= 0 else []
            continue
        pieces.append((" " if pieces[-1][-1].isascii() and text[0].isascii() else "") + text)
        out[k] = ""
    close()
    return out


def has_table_markup(text: str) -> bool:
    """Whether ``text`` holds a rule line of one of the table styles read here."""
    if not (
        "- -" in text
        or "+-" in text
        or "+=" in text
        or "= =" in text
        or "{|" in text
        or "|===" in text
        or "-\t-" in text
        or "=\t=" in text
    ):
        return False  # what every rule line holds, found by substring searches (no regex)
    return _RULE_LINE.search(text) is not None


def as_pipe_rows(lines: list[str]) -> list[str]:
    """``lines`` with every table in these styles rewritten as pipe rows (same number of lines)."""
    out = list(lines)
    i = 0
    floor = 0  # lines above this one belong to a table already rewritten
    while i < len(out):
        line = out[i]
        if line.lstrip().startswith("{|"):
            i = _mediawiki(out, i)
            floor = i
        elif line.strip() == "|===":
            i = _asciidoc(out, i)
            floor = i
        elif _GRID_BORDER.match(line):
            i = _grid(out, i)
            floor = i
        elif _GROUPS.match(line):
            i = _columns_table(out, i, floor)
            floor = i
        else:
            i += 1
    return out


@lru_cache(maxsize=4096)
def display_width(ch: str) -> int:
    """How many columns ``ch`` takes on a terminal: 2 for a wide (CJK) character, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _positions(line: str) -> list[int]:
    """The display column where each character of ``line`` starts (tabs as one column)."""
    cols = []
    col = 0
    for ch in line:
        cols.append(col)
        col += 1 if ch.isascii() else display_width(ch)
    return cols


def _cut(line: str, bounds: list[tuple[int, int]]) -> list[str]:
    """``line`` cut into the columns ``bounds`` (display columns [start, end)); a character in a
    gap between two columns goes to the column on its left."""
    cells = [""] * len(bounds)
    j = 0
    for ch, col in zip(line, _positions(line), strict=True):
        while j + 1 < len(bounds) and col >= bounds[j + 1][0]:
            j += 1
        cells[j] += ch
    return [c.strip() for c in cells]


def joined_lines(parts: list[str]) -> str:
    """A cell's text from its lines: no space where CJK meets CJK (a wrapped label), else one.
    Numbers on two lines of one cell are no number (no converter wraps one): they are kept apart
    by ``¦``, so that the cell reads as text, never as their digits run together."""
    out: list[str] = []
    value = False  # whether the text so far is one value
    for part in parts:
        if not part:
            continue
        if out and value and is_value_text(part):
            out.append(" ¦ ")
        elif out and (out[-1][-1].isascii() or part[0].isascii()):
            out.append(" ")
        value = not out and is_value_text(part)
        out.append(part)
    return "".join(out)


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "¦") for c in cells) + " |"


def _write_rows(out: list[str], rows: list[list[int]], bounds: list[tuple[int, int]], cut=None) -> None:
    """Rewrite each row (its line indexes) as one pipe line at its first line."""
    cut = cut or (lambda line: _cut(line, bounds))
    for row in rows:
        pieces = [cut(out[k]) for k in row]
        cells = [joined_lines([p[j] for p in pieces]) for j in range(len(bounds))]
        for k in row:
            out[k] = ""
        if any(cells):
            out[row[0]] = _pipe(cells)


def _is_rule(line: str) -> bool:
    return _RULE_LINE.match(line) is not None or _FULL_DASHES.match(line) is not None


def _columns_table(out: list[str], i: int, floor: int) -> int:
    """A table whose columns stand under groups of dashes (or ``=``) on line ``i``: pandoc's
    simple and multiline tables, reStructuredText's simple tables. Returns the line after it."""
    rule = out[i]
    bounds = [m.span() for m in _GROUP.finditer(rule)]
    # The header: the lines just above, up to a blank line or a multiline table's top rule.
    top = i
    while top - 1 >= floor and out[top - 1].strip() and not _is_rule(out[top - 1]):
        top -= 1
    header = list(range(top, i))
    topped = top - 1 >= floor and _FULL_DASHES.match(out[top - 1]) is not None
    # A table with a header is a multiline one when a rule stands above its header (it then ends
    # at a rule of dashes); a table with none ends at a rule with its columns or of dashes.
    closing = _closing_rule(out, i + 1, bounds) if topped or not header else None
    if closing is None:
        end = i + 1
        while end < len(out) and out[end].strip() and not _RULE_LINE.match(out[end]):
            end += 1
    else:
        end = closing
    body = range(i + 1, end)
    lines = [out[k] for k in (*header, *body)]
    if not all(_fits(line, bounds) for line in lines) or not any(_columns_used(x, bounds) > 1 for x in lines):
        return i + 1  # text across the columns, or in one only: the dashes are no rule (cells of dashes)
    if topped:
        out[top - 1] = ""
    rows: list[list[int]] = [header] if header else []
    # A multiline table's rows are separated by empty lines; a simple table's row with no text
    # in any cell is a line of spaces.
    if any(out[k] in _EMPTY for k in body):
        group: list[int] = []
        for k in body:
            if out[k] not in _EMPTY:
                group.append(k)
            elif group:
                rows.append(group)
                group = []
        if group:
            rows.append(group)
    else:
        rows.extend([k] for k in body if out[k].strip())
    out[i] = ""
    _write_rows(out, rows, bounds)
    if closing is None or rule.lstrip().startswith("="):
        return end  # reStructuredText's rule under its header opens the body: read next
    out[closing] = ""
    return closing + 1


def _closing_rule(out: list[str], start: int, bounds: list[tuple[int, int]]) -> int | None:
    """The line of the rule that closes a body starting at ``start``: of dashes alone or with the
    same columns; None when a line that is no table's, or two blank lines, come first."""
    k = start
    while k < len(out):
        line = out[k]
        if _FULL_DASHES.match(line) or _GROUPS.match(line):
            same = [m.span() for m in _GROUP.finditer(line)] == bounds
            return k if same or _FULL_DASHES.match(line) else None
        if not line.strip():
            if k + 1 < len(out) and not out[k + 1].strip():
                return None  # two blank lines: no table goes on
        elif not _fits(line, bounds):
            return None
        k += 1
    return None


def _fits(line: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether every character of ``line`` stands wholly inside one of the columns (not over a
    gap, not left of the first; the last column runs on): a table line, not prose."""
    last = bounds[-1][0]
    for ch, col in zip(line, _positions(line), strict=True):
        if ch != " " and col < last:
            end = col + (1 if ch.isascii() else display_width(ch))
            if not any(a <= col and end <= b for a, b in bounds):
                return False
    return True


def _columns_used(line: str, bounds: list[tuple[int, int]]) -> int:
    return sum(1 for cell in _cut(line, bounds) if cell)


_BARS = "|"


def _grid(out: list[str], i: int) -> int:
    """A grid table from its border on line ``i`` (``+----+``, as pandoc and reStructuredText write
    it): rows between borders, cells between the border's ``+``s, wrapped over the row's lines.
    A ``+`` under which some line of the row has no bar is no boundary there (a cell merged
    across columns); a bar that stands under no ``+`` is text (reStructuredText starts a cell's
    line break with ``| ``)."""
    k = i
    rows: list[tuple[str, list[int]]] = []  # (the border above, the row's lines)
    row: list[int] = []
    above = out[i]
    while k < len(out):
        line = out[k]
        if _GRID_BORDER.match(line):
            if row:
                rows.append((above, row))
                row = []
            above = line
            out[k] = ""
        elif line.strip()[:1] == "|":
            row.append(k)
        else:
            break
        k += 1
    if row:
        rows.append((above, row))
    for border, lines in rows:
        pluses = [n for n, ch in enumerate(border) if ch == "+"]  # the border is ASCII: columns
        bars = [x for x in pluses if all(_at_column(out[n], x) == "|" for n in lines)]
        bounds = [(a + 1, b) for a, b in pairwise(bars)]
        if not bounds:
            continue
        pieces = [_cut(out[n], bounds) for n in lines]
        cells = [joined_lines([p[j].strip("| ") for p in pieces]) for j in range(len(bounds))]
        for n in lines:
            out[n] = ""
        if any(cells):
            out[lines[0]] = _pipe(cells)
    return k


def _at_column(line: str, column: int) -> str:
    """The character of ``line`` that starts at display column ``column`` ("" if none does)."""
    for ch, col in zip(line, _positions(line), strict=True):
        if col >= column:
            return ch if col == column else ""
    return ""


_WIKI_CELL = re.compile(r"\|\||!!")


def _mediawiki(out: list[str], i: int) -> int:
    """A MediaWiki table from its ``{|`` on line ``i``: rows after ``|-``, cells after ``|`` or
    ``!`` (several on a line after ``||`` or ``!!``), a cell's attributes before its own ``|``."""
    rows: list[tuple[int, list[list[str]]]] = []  # (line, each cell's lines)
    current: list[list[str]] | None = None
    first = i
    k = i + 1
    out[i] = ""
    while k < len(out):
        line = out[k].strip()
        out[k] = ""
        if line.startswith("|}"):
            k += 1
            break
        if line.startswith("|-"):
            current = None
        elif line.startswith("|+"):
            out[k] = line[2:].strip()  # the caption, read as a line of text
        elif line[:1] in ("|", "!"):
            if current is None:
                current = []
                rows.append((k, current))
            for cell in _WIKI_CELL.split(line[1:]):
                attrs, bar, text = cell.partition("|")
                current.append([(text if bar and "=" in attrs else cell).strip()])
        elif current:
            current[-1].append(line)
        k += 1
    for at, parts in rows:
        cells = [joined_lines(lines) for lines in parts]
        if any(cells):
            out[at] = _pipe(cells)
    return max(k, first + 1)


_COLS = re.compile(r'^\[.*\bcols\s*=\s*"([^"]*)"')


def _asciidoc(out: list[str], i: int) -> int:
    """An AsciiDoc table from its ``|===`` on line ``i``: cells after ``|``, a row as many cells as
    the table has columns (its ``[cols=…]`` line says how many, else its first line has them),
    wherever its lines break."""
    cols = _COLS.match(out[i - 1].strip()) if i else None
    width = len(cols.group(1).split(",")) if cols else 0
    if cols:
        out[i - 1] = ""
    out[i] = ""
    cells: list[tuple[int, list[str]]] = []  # (line, lines) of each cell
    k = i + 1
    while k < len(out) and out[k].strip() != "|===":
        line = out[k].strip()
        if line.startswith("|"):
            parts = line[1:].split("|")
            width = width or len(parts)
            cells.extend((k, [part.strip()]) for part in parts)
        elif line and cells:
            cells[-1][1].append(line)
        out[k] = ""
        k += 1
    if k < len(out):
        out[k] = ""
    for n in range(0, len(cells) - width + 1 if width else 0, width or 1):
        row = [joined_lines(lines) for _, lines in cells[n : n + width]]
        if any(row):
            out[cells[n][0]] = _pipe(row)
    return k + 1
