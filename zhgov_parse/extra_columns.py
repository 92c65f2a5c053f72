"""Columns a report adds to a table that the template does not have (序号, 单位, 备注, 上年数, 同比增减,
二's 合计, 三's 小计 of the organisations): named by the table's header, their cells are left out of
every row under it, so that a row number, a unit or a remark is never read as a value, nor moves a
row's values off their columns.  Rows are read by where each cell stands only in a grid (HTML with
spans expanded, Markdown, pipe or tab text whose lines hold each of the table's cells): a row as wide
as its header whose numbers stand under the columns the header names.  In text that is no grid (pipe
text listing only the cells a row starts, text split at whitespace) only columns after the
template's are left out, a row's last cells: where the text does not tell which cells are whose
(a blank cell lost), the row is NA."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from . import schema
from .document import Block, row_block
from .findings import Finding
from .labels import Matcher, key, matcher
from .layout import Span, columns_of_full_rows, is_tab_fields, label_clear_of, place
from .mapping import may_add_up, row_total_holds
from .values import is_number_text, is_value_text, parse_value

#: Header words (as :func:`~.labels.key` writes them) of columns no table of the template has: a row's
#: number, its unit, a remark, last year's figure or the change from it.
_EXTRA = re.compile(r"序号|编号|(?:计量)?单位.{0,2}|备注|说明|(?:上年|去年|同比|比上年|较上年|增减).{0,6}")
_LAST_YEAR = re.compile(r"上年|去年")
#: A cheap first test of a table's text (either script): no such word, nothing to do (the usual table).
_ANY_EXTRA = re.compile(
    r"序[号號]|[编編][号號]|[单單]位|[备備]注|[说說]明|上年|去年|同比|增[减減]|[合小][计計]"
)
_SUMS = re.compile(r"合计|小计")
#: :data:`_ANY_EXTRA`'s words by their two first characters: a set first lets the regex engine skip
#: ahead (the alternation tries every word at every character: four times as slow).
_ANY_EXTRA_PAIR = re.compile(r"[序编編单單备備说說上去同增合小][号號位注明年比减減计計]")
#: 四's groups of columns, which name none of its columns (where an extra column stands beside them).
_REVIEW_GROUPS = re.compile(r"行政复议|行政诉讼|未经复议直接起诉|复议后起诉")
_NO_BLOCKS: frozenset[Block] = frozenset()
_REMARKS = re.compile(r"备注|说明")


def without_extra_columns(
    rows: list[Block], table: str, template: str, at_spaces: bool = False
) -> tuple[list[Block], list[Finding], frozenset[Block]]:
    """``rows`` of one table without the columns its header names that are none of the template's
    (see the module's doc), the findings that say which, and the rows whose cells the text leaves
    no way to tell apart (to be read NA: :attr:`~.mapping.Record.uncertain`).  ``at_spaces``:
    text split at whitespace, whose header lines are paragraphs of words."""
    if not _may_name_extra(rows, at_spaces):
        return rows, [], _NO_BLOCKS
    columns_of, groups_of = matcher(table, "column"), matcher(table, "group")
    out: list[Block] = []
    left_out: dict[str, None] = {}  # the names of the columns left out, once each
    findings: list[Finding] = []
    unsure: set[Block] = set()
    for header, lines, named in _under_headers(rows, table, template, columns_of, groups_of, at_spaces):
        extra = _extra_columns(header, table, template, columns_of)
        if not extra or at_spaces or not _a_grid(header, lines, extra):
            read = None
            if not any(b.copies for b in lines):  # (text: HTML's rows are grids)
                read = _after_the_values(named, lines, table, template, columns_of, at_spaces)
            if read is None:
                out.extend(lines)
                continue
            out.extend(read.lines)
            unsure.update(read.unsure)
            findings.extend(read.findings)
            left_out.update(dict.fromkeys(read.names))
            continue
        left_out.update(dict.fromkeys(header[i][1] for i in sorted(extra)))
        width = max(len(b.cells) for b in lines if b.kind == "row")
        keep = [i for i in range(width) if i not in extra]
        for block in lines:
            if block.kind != "row" or len(block.cells) != width:
                out.append(block)  # (a line of no numbers not as wide: 二's 第二十条… above its small table)
                continue
            cells = _group_names_kept(block.cells, header, extra)
            copies = None if block.copies is None else tuple(block.copies[i] for i in keep)
            out.append(row_block(tuple(cells[i] for i in keep), block.source, copies))
    if not left_out and not findings:
        return rows, [], _NO_BLOCKS
    if left_out:
        names = ", ".join(left_out)
        findings.insert(
            0,
            Finding(
                "columns_extra",
                f"the header names columns the template does not have ({names}): their cells were left out",
                table,
                expected="the template's columns",
                found=names,
            ),
        )
    return out, findings, frozenset(unsure)


def _may_name_extra(rows: list[Block], at_spaces: bool) -> bool:
    """A cheap first test: whether a cell of the table may name an extra column (the usual table's
    二、上年结转… and 本年收费金额（单位：万元） hold the words, but in cells that name more); in text
    split at whitespace, a word of any line (its header lines are paragraphs)."""
    text = "\n".join(["\t".join(r.cells) for r in rows if r.kind == "row" or at_spaces])
    if at_spaces:
        text = text.replace(" ", "\t")
    for m in _ANY_EXTRA_PAIR.finditer(text):
        if not _ANY_EXTRA.match(text, m.start()):
            continue
        start = max(text.rfind("\t", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [at for at in (text.find("\t", m.end()), text.find("\n", m.end())) if at >= 0]
        k = key(text[start : min(ends, default=len(text))])
        if _EXTRA.fullmatch(k) or _SUMS.fullmatch(k):
            return True
    return False


_Header = dict[int, tuple[str, str]]  # grid column -> what a header names there (see _named), its name
_Named = Mapping[Any, tuple[str, str]]  # what a header names, by any key (its lines': line and cell)
_Line = tuple[tuple[str, ...], _Header]  # a header line's cells, what it names


def _under_headers(
    rows: list[Block], table: str, template: str, columns_of: Matcher, groups_of: Matcher, at_spaces: bool
) -> list[tuple[_Header, list[Block], list[_Line]]]:
    """The table's blocks in runs that each begin at a header (its lines of no numbers that name
    columns: 二's small tables each have one), with what the header names (by grid column, and line
    by line); blocks before the first header come with none."""
    runs: list[tuple[_Header, list[Block], list[_Line]]] = [({}, [], [])]
    in_header = False
    for block in rows:
        named = None
        cells = _header_cells(block, at_spaces)
        if cells and not any(c and is_number_text(c) for c in cells):
            named = _named(cells, table, template, columns_of, groups_of)
            if named and _a_rows_remark(cells, named, table):
                named = None
        if named is not None and not in_header:
            runs.append(({}, [], []))
        in_header = named is not None or (in_header and block.kind != "row")
        header, lines, named_lines = runs[-1]
        if named is not None and cells:
            header.update(named)  # the lowest line naming a column tells it (小计 under 法人或其他组织)
            named_lines.append((cells, named))
        lines.append(block)
    return runs


def _a_rows_remark(cells: tuple[str, ...], named: _Header, table: str) -> bool:
    """Whether a line of no numbers that names only extra columns is a row's, its values blank and
    its remark naming one (``8.属于行政查询事项 | | … | | 同比增长4%``): a cell before it names a row
    (not in 四, whose header names its groups, 行政复议 and 行政诉讼, as its rows are named)."""
    if table == "review_litigation" or any(
        what not in ("extra", "subtotal", "last_year") for what, _ in named.values()
    ):
        return False
    rows_of = matcher(table, "row")
    first = min(named)
    return any(c and rows_of(c).code is not None for c in cells[:first])


def _group_names_kept(cells: tuple[str, ...], header: _Header, extra: set[int]) -> tuple[str, ...]:
    """A header line's cells with a name that stands over an extra column but is not its own (a
    merged cell's text in its first column, the rest empty: Markdown's 法人或其他组织 over 小计 |
    商业企业 …) moved to the next cell it spans, which is kept."""
    out = list(cells)
    for i in sorted(extra, reverse=True):
        after = i + 1
        spanned = after < len(out) and not out[after] and after not in extra
        if out[i] and key(out[i]) != header[i][1] and spanned:
            out[after], out[i] = out[i], ""
    return tuple(out)


def _a_grid(header: _Header, lines: list[Block], extra: set[int]) -> bool:
    """Whether a header's lines are a grid's rows: all as wide, each number under a column the
    header names (or an extra one)."""
    columns = {i for i, (what, _) in header.items() if what in ("column", "total")} | extra
    if extra & {i for i, (what, _) in header.items() if what in ("column", "total")}:
        return False
    width = max(len(b.cells) for b in lines if b.kind == "row")
    for block in lines:
        if block.kind != "row":
            continue
        numbers = {i for i, c in enumerate(block.cells) if c and is_number_text(c)}
        if numbers and (len(block.cells) != width or not numbers <= columns):
            return False
    return True


def _named(
    cells: tuple[str, ...], table: str, template: str, columns_of: Matcher, groups_of: Matcher
) -> dict[int, tuple[str, str]] | None:
    """What each cell of a line of no numbers names, by grid column: ``column`` (a template column
    or group of them), ``total``, ``extra`` (see :data:`_EXTRA`), ``subtotal`` (三's 小计); None
    where it names none of them (a note, a row's label left blank)."""
    named: dict[int, tuple[str, str]] = {}
    for i, cell in enumerate(cells):
        k = key(cell) if cell else ""
        if not k or len(k) > 40:
            continue
        codes = columns_of(cell).codes
        if codes and _LAST_YEAR.match(k) and "previous_count" not in codes:
            named[i] = ("extra", k)  # last year's figure of a column (上年处理决定数量): not the column
        elif codes:
            named[i] = ("total" if codes == ("total",) else "column", k)
        elif groups_of(cell).codes:
            named[i] = ("column", k)
        elif _EXTRA.fullmatch(k):
            # (2019's 二 has 上一年项目数量, which a report may call 上年数: see _extra_columns)
            last_year = table == "active_disclosure" and template == "2019" and _LAST_YEAR.search(k)
            named[i] = ("last_year" if last_year else "extra", k)
        elif _SUMS.fullmatch(k):
            named[i] = ("subtotal", k)
    if all(what == "last_year" for what, _ in named.values()):
        return None
    return named


def _extra_columns(
    header: _Header, table: str, template: str, columns_of: Matcher, whole: _Named | None = None
) -> set[int]:
    """The grid columns of a header (or of one of its lines, ``whole`` the header) that hold none of
    the template's: its ``extra`` cells, a sum where the table has no column for one (二) or beside
    its 总计 (三's 小计 of the organisations), and in 2019's 二 a 上年数 beside the columns it is not
    (上一年项目数量 named too, or a small table's that has none: 本年新制作数量 …)."""
    whole = header if whole is None else whole
    extra = {i for i, (what, _) in header.items() if what == "extra"}
    sums = {i for i, (what, _) in header.items() if what == "subtotal"}
    if sums and (
        table == "active_disclosure"
        or (table == "application_handling" and any(what == "total" for what, _ in whole.values()))
    ):
        extra |= sums
    last_year = {i for i, (what, _) in header.items() if what == "last_year"}
    if last_year:
        named = {c for what, name in whole.values() if what == "column" for c in columns_of(name).codes}
        if named & _no_last_year_beside(template):
            extra |= last_year
    return extra


@cache
def _no_last_year_beside(template: str) -> frozenset[str]:
    """二's columns that a 上年数 beside them is not: 上一年项目数量 itself, and the columns of the
    small tables that have none."""
    with_it = set()
    without = set()
    for row, _ in schema.rows("active_disclosure", template):
        codes = {code for code, _ in schema.columns("active_disclosure", template, row)}
        (with_it if "previous_count" in codes else without).update(codes)
    return frozenset({"previous_count"} | (without - with_it))


def _header_cells(block: Block, at_spaces: bool) -> tuple[str, ...] | None:
    """The cells a block may name columns in: a row's, or at spaces a paragraph's words (a header
    line there holds no value, so is no row)."""
    if block.kind == "row":
        return block.cells
    if at_spaces and block.kind == "paragraph" and len(block.cells[0]) <= 400:
        return tuple(block.cells[0].split())
    return None


class _Read(NamedTuple):
    """Rows of text that is no grid under a header naming extra columns after the values."""

    lines: list[Block]
    unsure: list[Block]  # rows whose cells the text does not tell apart: NA
    findings: list[Finding]
    names: list[str]  # the extra columns' names


def _after_the_values(
    header: list[_Line], lines: list[Block], table: str, template: str, columns_of: Matcher, at_spaces: bool
) -> _Read | None:
    """A header's lines in text that is no grid (pipe text listing only the cells a row starts, text
    split at whitespace), its header naming extra columns after the template's (on its top line,
    after every column or group it names: 上年数, 备注): each row's last cells are those columns',
    so that a row's values are the cells before them.  A row's text cell after its values is a
    remark; a row with all its cells (as many value cells as the header's columns) has its last
    ones left out; a row with as many values as the template's columns is read as it stands where
    a blank cell is an empty cell (pipe text: the extra cells blank), and in text split at
    whitespace, which drops a blank cell, where the extra columns are blank in every row (none has
    more values), else by where its values stand as the rows with all their cells place the
    columns.  Other rows are NA (``row_length_mismatch``).  An extra column that is no row number
    before the columns (序号) nor after them (小计 among the organisations) leaves every row NA
    (``columns_unreadable``).  None where the header names no such column (read as before)."""
    whole = {(li, i): v for li, (_, named) in enumerate(header) for i, v in named.items()}
    top = next((i for i, (cells, named) in enumerate(header) if _placed(cells, named, table)), None)
    if top is None:
        return None
    trailing: list[str] = []
    leading = 0  # (序号 before the columns: a label's cell, or in 四's row of values alone its first)
    among = False
    for i, (cells, named) in enumerate(header):
        placed = _placed(cells, named, table)
        for e in sorted(_extra_columns(named, table, template, columns_of, whole)):
            if not placed:
                continue  # a line naming no column (单位：件 above the header): no column's name
            if i == top and e > max(placed):
                trailing.append(named[e][1])
            elif i == top and e < min(placed):
                leading += 1
            else:
                among = True
    if not trailing and not among:
        return None
    columns = sum(1 for cells, _ in header for cell in cells if cell and columns_of(cell).codes)
    rows = [b for b in lines if b.kind == "row" and any(c and is_number_text(c) for c in b.cells)]
    if among or not _the_templates(columns, whole, table, template, columns_of):
        why = (
            f"the header names {', '.join(trailing) or 'a column'} among the template's columns in text "
            "that is no grid"
            if among
            else f"the header names extra columns ({', '.join(trailing)}) and not the template's columns"
        )
        return _Read(lines, rows, [_unreadable(table, why)], [])
    return _values_before(lines, rows, columns, leading, trailing, table, template, at_spaces)


def _placed(cells: tuple[str, ...], named: _Header, table: str) -> list[int]:
    """Where a header line names a template's column or group (四's groups too)."""
    placed = [i for i, (what, _) in named.items() if what in ("column", "total")]
    if table == "review_litigation":
        placed += [i for i, c in enumerate(cells) if c and _REVIEW_GROUPS.fullmatch(key(c))]
    return placed


def _the_templates(n: int, whole: _Named, table: str, template: str, columns_of: Matcher) -> bool:
    """Whether a header's ``n`` columns are the template's for the table (二: a small table's)."""
    if table == "application_handling":
        return n == len(schema.columns(table, template))
    if table == "review_litigation":  # (its one row of values: three groups of five)
        return n == len(schema.cell_codes(table, template))
    named = {
        c for what, name in whole.values() if what in ("column", "total") for c in columns_of(name).codes
    }
    return len(named) == n and any(
        named == {code for code, _ in schema.columns(table, template, row)}
        for row, _ in schema.rows(table, template)
    )


def _values_before(
    lines: list[Block],
    rows: list[Block],
    n: int,
    lead: int,
    names: list[str],
    table: str,
    template: str,
    at_spaces: bool,
) -> _Read:
    """:func:`_after_the_values` of a header naming ``lead`` extra columns, ``n`` columns, then
    ``names``."""
    k = len(names)
    cut = {block: _split(block, k) for block in rows}
    full = [
        spans[len(labels) :]
        for labels, values, spans, extra in cut.values()
        if len(values) == n + extra == n + k and spans is not None
    ]
    places = columns_of_full_rows(full, n + k) if at_spaces and full else None
    longer = any(len(values) > n for _, values, _, _ in cut.values())
    out: list[Block] = []
    unsure: list[Block] = []
    findings: list[Finding] = []
    for block in lines:
        if block not in cut:
            out.append(block)
            continue
        labels, values, spans, extra = cut[block]
        m = len(values)
        if lead and not labels:  # a row of values alone (四's): its first cells the leading columns'
            if m == lead + n + extra or (m == lead + n and not at_spaces):
                values, m = values[lead:], m - lead
                spans = None if spans is None else spans[lead:]
            else:
                m = -1
        laid = None
        lost = at_spaces and "" not in values  # (a line of tab fields keeps its blank cells: 四's)
        if m < 0:
            unsure.append(block)
        elif m == n + extra:
            values = values[:n]
        elif lost and m < n + k and (laid := _laid(labels, values, spans, places, n, table)) is not None:
            values, spans = laid
        elif m > n or (extra and lost and not _extra_blank(values, n, longer, names, table)):
            unsure.append(block)
        if block in unsure:
            out.append(block)
            findings.append(_undetermined(table, template, block, labels, m, n, names))
            continue
        cells = (*labels, *values)
        if cells == block.cells:
            out.append(block)
        elif at_spaces:
            out.append(
                Block("row", cells, block.source, spans=None if spans is None else tuple(spans[: len(cells)]))
            )
        else:
            out.append(row_block(cells, block.source))
    return _Read(out, unsure, findings, names)


def _laid(
    labels: list[str],
    values: list[str],
    spans: list[Span] | None,
    places: list[Span] | None,
    n: int,
    table: str,
) -> tuple[list[str], list[Span]] | None:
    """A row of text at spaces short of values (a blank cell left no word) laid out in the ``places``
    of the columns as the rows with every cell hold them, the extra columns' left out: where each
    value stands in a column's tab field, or (三) stands under a column as aligned text does, its
    label ending before them, and the row then adds up; else None."""
    if places is None or spans is None or not labels:
        return None
    laid = place(values, spans[len(labels) :], places)
    if laid is None:
        return None
    if table == "application_handling":
        if not may_add_up(laid[:n]) or not label_clear_of(spans[len(labels) - 1][1], places):
            return None
    elif not is_tab_fields(places):
        return None
    return laid[:n], [*spans[: len(labels)], *places[:n]]


def _extra_blank(values: list[str], n: int, longer: bool, names: list[str], table: str) -> bool:
    """Whether a row of text at spaces with no more values than its ``n`` columns has its extra
    cells blank, not a value of its own lost (a blank cell) and an extra cell filled: no row under
    the header has more values, and the extra columns are remarks (备注, 说明: blank where they hold
    no text), or the row adds up (三: its 总计).  四's one row (no other row to tell) only where each
    of its groups adds up or holds no number (— — — — —)."""
    if longer:
        return False
    if table == "review_litigation":
        size = n // 3
        parsed = [parse_value(v) for v in values]
        groups = [parsed[i : i + size] for i in range(0, n, size)]
        return len(values) == n and all(
            row_total_holds(group) or all(v.number is None for v in group) for group in groups
        )
    if all(_REMARKS.fullmatch(name) for name in names):
        return True
    return table == "application_handling" and (
        len(values) < n or row_total_holds([parse_value(v) for v in values])
    )


def _split(block: Block, k: int) -> tuple[list[str], list[str], list[Span] | None, int]:
    """A row's label cells, its value cells (empty ones after the last dropped: padding, or extra
    cells left blank), where they stand (text at spaces), and how many of the ``k`` extra columns
    its value cells may still hold (a text cell after its values is one's: a remark, left out)."""
    cells = list(block.cells)
    spans = list(block.spans) if block.spans is not None and len(block.spans) == len(cells) else None
    while cells and not cells[-1].strip():
        cells.pop()
    extra = k
    while extra and len(cells) > 1 and not is_value_text(cells[-1]) and is_value_text(cells[-2]):
        # (is_value_text: a number, a marker or a blank cell)
        cells.pop()  # a remark (已办结)
        extra -= 1
    start = len(cells)
    while start and (not cells[start - 1].strip() or is_value_text(cells[start - 1])):
        start -= 1
    return cells[:start], cells[start:], None if spans is None else spans[: len(cells)], extra


def _undetermined(
    table: str, template: str, block: Block, labels: list[str], m: int, n: int, names: list[str]
) -> Finding:
    rows_of = matcher(table, "row")
    code = (rows_of(" ".join(labels)).code or rows_of(labels[-1]).code) if labels else None
    label = schema.row_label(table, code, template) if code else " ".join(labels) or "(no label)"
    return Finding(
        "row_length_mismatch",
        f"row {label} has {m} value cells for {n} columns under a header that names {', '.join(names)} "
        "after them: which are the template's cells, the text does not say (a blank cell left no cell); "
        "its values are left NA rather than guessed",
        table,
        code,
        expected=f"{n} values, then {', '.join(names)}",
        found=" | ".join(block.cells),
        source=block.source,
    )


def _unreadable(table: str, why: str) -> Finding:
    return Finding(
        "columns_unreadable",
        f"{why}: which of a row's cells are the template's, the text does not say; the table's rows are NA",
        table,
        expected="the template's columns",
    )
