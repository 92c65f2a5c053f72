"""Columns a report adds to a table that the template does not have (序号, 单位, 备注, 上年数, 同比增减,
二's 合计, 三's 小计 of the organisations): named by the table's header, their cells are left out of
every row under it, so that a row number, a unit or a remark is never read as a value, nor moves a
row's values off their columns.  Rows are read by where each cell stands only in a grid (HTML with
spans expanded, Markdown, pipe or tab text whose lines hold each of the table's cells): a row as wide
as its header whose numbers stand under the columns the header names."""

from __future__ import annotations

import re

from .document import Block, row_block
from .findings import Finding
from .labels import Matcher, key, matcher
from .values import is_number_text

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


def without_extra_columns(rows: list[Block], table: str, template: str) -> tuple[list[Block], list[Finding]]:
    """``rows`` of one table without the columns its header names that are none of the template's
    (see the module's doc), and the finding that says which."""
    if not _may_name_extra(rows):
        return rows, []
    columns_of, groups_of = matcher(table, "column"), matcher(table, "group")
    out: list[Block] = []
    left_out: dict[str, None] = {}  # the names of the columns left out, once each
    for header, lines in _under_headers(rows, table, template, columns_of, groups_of):
        extra = _extra_columns(header, table)
        if not extra or not _a_grid(header, lines, extra):
            out.extend(lines)
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
    if not left_out:
        return rows, []
    names = ", ".join(left_out)
    return out, [
        Finding(
            "columns_extra",
            f"the header names columns the template does not have ({names}): their cells were left out",
            table,
            expected="the template's columns",
            found=names,
        )
    ]


def _may_name_extra(rows: list[Block]) -> bool:
    """A cheap first test: whether a cell of the table may name an extra column (the usual table's
    二、上年结转… and 本年收费金额（单位：万元） hold the words, but in cells that name more)."""
    text = "\n".join(["\t".join(r.cells) for r in rows if r.kind == "row"])
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


def _under_headers(
    rows: list[Block], table: str, template: str, columns_of: Matcher, groups_of: Matcher
) -> list[tuple[_Header, list[Block]]]:
    """The table's blocks in runs that each begin at a header (its lines of no numbers that name
    columns: 二's small tables each have one), with what the header names; blocks before the first
    header come with none."""
    runs: list[tuple[_Header, list[Block]]] = [({}, [])]
    in_header = False
    for block in rows:
        named = None
        if block.kind == "row" and not any(c and is_number_text(c) for c in block.cells):
            named = _named(block.cells, table, template, columns_of, groups_of)
        if named is not None and not in_header:
            runs.append(({}, []))
        in_header = named is not None or (in_header and block.kind != "row")
        header, lines = runs[-1]
        header.update(named or {})  # the lowest line naming a column tells it (小计 under 法人或其他组织)
        lines.append(block)
    return runs


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
        if codes:
            named[i] = ("total" if codes == ("total",) else "column", k)
        elif groups_of(cell).codes:
            named[i] = ("column", k)
        elif _EXTRA.fullmatch(k) and not (
            table == "active_disclosure" and template == "2019" and _LAST_YEAR.search(k)
        ):  # (2019's 二 has 上一年项目数量, which a report may call 上年数)
            named[i] = ("extra", k)
        elif _SUMS.fullmatch(k):
            named[i] = ("subtotal", k)
    return named or None


def _extra_columns(header: dict[int, tuple[str, str]], table: str) -> set[int]:
    """The grid columns of a header that hold none of the template's: its ``extra`` cells, and a sum
    where the table has no column for one (二) or beside its 总计 (三's 小计 of the organisations)."""
    extra = {i for i, (what, _) in header.items() if what == "extra"}
    sums = {i for i, (what, _) in header.items() if what == "subtotal"}
    if sums and (
        table == "active_disclosure"
        or (table == "application_handling" and any(what == "total" for what, _ in header.values()))
    ):
        extra |= sums
    return extra
