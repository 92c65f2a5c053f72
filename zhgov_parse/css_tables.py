"""Tables a page lays out with CSS instead of ``<table>``: made ``<table>``, ``<tr>`` and ``<td>`` elements.

A CMS may draw a report's tables with ``<div>``s (or ``<ul>``/``<li>``): rows and cells styled
``display:table-row`` and ``display:table-cell`` (inline, or by a class of the page's style sheet), a
grid (``display:grid`` with ``grid-template-columns``: its items flow into that many columns, an item
spanning columns or rows by ``grid-column: span 2``, ``grid-row: span 3``), or rows styled
``display:flex`` with their cells side by side. Read as blocks, a blank cell (a zero left blank)
leaves no block and the cells after it lose their columns; made a table, each cell keeps its column
where the layout determines it: a CSS table's cells are its columns in order, as a ``<tr>``'s are; a
grid's are where its placement puts them; flex rows only where every row has as many cells (a row
with fewer cells is laid out by widths the markup does not give: left as blocks).
"""

from __future__ import annotations

import re

from lxml import etree

#: A grid's items beyond which its placement is not worked out (a page's layout, not a report's table).
MAX_GRID_ITEMS = 2000
#: The text a cell of such a table holds at most: a longer one is an article's column, not a cell.
MAX_CELL_TEXT = 300

_DISPLAY = re.compile(r"(?:^|;)display:([a-z-]+)")
_GRID_SPAN = re.compile(r"^span(\d{1,2})$")


#: What a page's markup or style sheets say where they lay out a table (as they write it); flex rows
#: are three at least.
_LAYS_OUT = ("table-cell", "TABLE-CELL", "grid-template")
_FLEX = ("display:flex", "display: flex")


def may_lay_out_tables(text: str) -> bool:
    """Whether a page's markup or style sheets may name a display that lays out a table (a few
    searches in C: most pages name none; some a flex box or two for their menus)."""
    return any(word in text for word in _LAYS_OUT) or sum(text.count(word) for word in _FLEX) >= 3


def css_tables(root: etree._Element) -> None:
    """Make the tables the page lays out with CSS ``<table>``, ``<tr>`` and ``<td>`` elements, in place."""
    displays = _sheet_displays(root)
    shown = {el: display for el in root.iter() if (display := _display(el, displays))}
    if not shown:
        return
    parents = {
        el.getparent()
        for el, display in shown.items()
        if display == "table-row" and el.tag != "tr" and _css_table_row(el, shown)
    }
    for parent in parents:
        if parent is not None and parent.tag not in ("table", "tbody", "thead", "tfoot"):
            _rows_into_tables(parent)
    for el, display in shown.items():
        if display in ("grid", "inline-grid") and el.getparent() is not None:
            _grid(el)
    flexed = {el.getparent() for el, display in shown.items() if display in ("flex", "inline-flex")}
    for parent in flexed:
        if parent is not None:
            _flex_rows(parent, shown)


def _display(el: etree._Element, displays: dict[str, str]) -> str | None:
    """An element's display: its style's, else the one the page's style sheets give a class or id of it."""
    if el.tag.__class__ is not str:
        return None
    style = el.get("style")
    if style:
        m = _DISPLAY.search("".join(style.split()).lower())
        if m is not None:
            return m[1]
    if displays:
        from .read_html import _names_of

        for name in _names_of(el):
            if name in displays:
                return displays[name]
    return None


def _sheet_displays(root: etree._Element) -> dict[str, str]:
    """The displays that lay out tables (a table's row or cell, a grid, flex) the page's style sheets give
    classes and ids, by rules whose selector is that one class or id (``.td{display:table-cell}``); a
    name given two displays is left out."""
    from .read_html import _NAME_SELECTOR, _css_rules

    found: dict[str, str] = {}
    torn: set[str] = set()
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if not may_lay_out_tables("".join(css.split()).replace("display:flex", "display:flex" * 3)):
            continue  # (a sheet's one rule of a display:flex class may make every row one)
        for selectors, declarations in _css_rules(css):
            m = _DISPLAY.search("".join(declarations.split()))
            if m is None:
                continue
            for selector in selectors.split(","):
                simple = _NAME_SELECTOR.fullmatch(selector.strip())
                if simple is not None:
                    name = simple.group(1)
                    if found.setdefault(name, m[1]) != m[1]:
                        torn.add(name)
    return {name: display for name, display in found.items() if name not in torn}


def _is_cell_content(el: etree._Element) -> bool:
    """Whether an element may be a table's cell: short text, no table or heading inside."""
    if el.find(".//table") is not None or any(el.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        return False
    return len(etree.tostring(el, method="text", encoding="unicode", with_tail=False)) <= MAX_CELL_TEXT


def _css_table_row(row: etree._Element, shown: dict[etree._Element, str]) -> bool:
    """Make a row styled ``display:table-row`` whose children are all cells (``display:table-cell``)
    a ``<tr>`` of ``<td>``s; whether it was."""
    cells = [child for child in row if child.tag.__class__ is str]
    if not cells or any(shown.get(c) != "table-cell" or not _is_cell_content(c) for c in cells):
        return False
    for cell in cells:
        cell.tag = "td"
    row.tag = "tr"
    return True


def _rows_into_tables(parent: etree._Element) -> None:
    """Put each run of ``<tr>``s among an element's children into a ``<table>`` of its own, in its place
    (the element's other children, a title or a note, stay outside it)."""
    run: list[etree._Element] = []
    for child in [*parent, None]:
        if child is not None and child.tag == "tr":
            run.append(child)
            continue
        if run:
            table = etree.Element("table")
            run[0].addprevious(table)
            for tr in run:
                table.append(tr)
            table.tail, run[-1].tail = run[-1].tail, None
            run = []


def _tracks(template: str) -> int:
    """How many columns a ``grid-template-columns`` value makes (``repeat(9, 1fr)``, ``2fr 1fr 1fr``,
    ``120px repeat(7, minmax(40px, 1fr))``); 0 where it does not say (``auto-fill``, ``auto-fit``: as
    many as the width holds)."""
    if "auto-" in template:
        return 0
    template = re.sub(r"\[[^\]]*\]", " ", template.lower())  # (line names)
    count = 0
    depth = 0
    word = ""
    repeat_at = -1
    for at, ch in enumerate(template + " "):
        if ch == "(":
            if depth == 0 and word.strip().endswith("repeat"):
                repeat_at = at
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and repeat_at >= 0:
                times, _, tracks = template[repeat_at + 1 : at].partition(",")
                count += int(times) * _tracks(tracks) if times.strip().isdigit() else 0
                repeat_at = -1
                word = ""
                continue
        if depth == 0 and ch.isspace():
            if word.strip() and not word.strip().startswith("repeat("):
                count += 1
            word = ""
        elif depth == 0 or repeat_at < 0:
            word += ch
    return count


def _grid(grid: etree._Element) -> None:
    """A grid's items placed into rows as a browser's auto-placement does (row by row, each in the
    first place its spans fit, the places a span above covers skipped), made ``<td>``s with those
    spans in ``<tr>``s: only where its columns are given and no item is placed by line numbers."""
    from .read_html import _declarations

    style = _declarations(grid.get("style") or "")
    columns = _tracks(style.get("grid-template-columns", ""))
    items = [child for child in grid if child.tag.__class__ is str]
    if columns < 2 or len(items) < 2 * columns or len(items) > MAX_GRID_ITEMS:
        return
    if not all(_is_cell_content(item) for item in items):
        return
    spans = []
    for item in items:
        declared = _declarations(item.get("style") or "")
        span = [_grid_span(declared.get("grid-column")), _grid_span(declared.get("grid-row"))]
        if None in span or span[0] > columns:  # type: ignore[operator]
            return  # (placed by line numbers, or wider than the grid)
        spans.append(span)
    taken: set[tuple[int, int]] = set()
    rows: list[list[etree._Element]] = []
    r = c = 0
    for item, (width, height) in zip(items, spans, strict=True):
        while c + width > columns or any((r, c + k) in taken for k in range(width)):
            c += 1
            if c + width > columns:
                r, c = r + 1, 0
        for dr in range(height):
            for dc in range(width):
                taken.add((r + dr, c + dc))
        while len(rows) <= r:
            rows.append([])
        item.tag = "td"
        if width > 1:
            item.set("colspan", str(width))
        if height > 1:
            item.set("rowspan", str(height))
        rows[r].append(item)
        c += width
    grid.tag = "table"
    for row in rows:
        tr = etree.SubElement(grid, "tr")
        for item in row:
            tr.append(item)  # (moves it: its tail with it)


def _grid_span(value: str | None) -> int | None:
    """How many tracks a ``grid-column`` or ``grid-row`` value spans (``span 2``: 2; none: 1); None
    where it places the item by line numbers (``2 / 4``), whose place auto-placement does not give."""
    if not value or value.strip() == "auto":
        return 1
    value = "".join(value.split())
    if value.startswith("auto/"):
        value = value[5:]
    m = _GRID_SPAN.fullmatch(value)
    return int(m[1]) if m is not None and int(m[1]) >= 1 else None


def _flex_rows(parent: etree._Element, shown: dict[etree._Element, str]) -> None:
    """The rows under ``parent`` styled ``display:flex`` (in a row, not wrapped), three at least and
    every child of ``parent`` one, made ``<tr>``s of their children as ``<td>``s, ``parent`` a
    ``<table>``: where every row has as many cells, two at least (else their columns are what their
    widths make: left as they are)."""
    from .read_html import _declarations

    rows = [child for child in parent if child.tag.__class__ is str]
    if len(rows) < 3 or parent.tag in ("table", "body", "html", "tr", "td"):
        return
    widths = set()
    for row in rows:
        if shown.get(row) not in ("flex", "inline-flex"):
            return
        style = _declarations(row.get("style") or "")
        if style.get("flex-direction", "row") != "row" or style.get("flex-wrap", "nowrap") != "nowrap":
            return
        cells = [child for child in row if child.tag.__class__ is str]
        if not all(_is_cell_content(cell) for cell in cells):
            return
        widths.add(len(cells))
    if len(widths) != 1 or min(widths) < 2:
        return
    for row in rows:
        for cell in row:
            if cell.tag.__class__ is str:
                cell.tag = "td"
        row.tag = "tr"
    parent.tag = "table"
