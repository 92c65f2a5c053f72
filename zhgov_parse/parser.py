"""The pipeline: load → read → locate → map → check → :class:`Report`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import tables
from .document import Block, Document
from .errors import InternalError, NoReportContent, ParseError, StrictModeError
from .extra_columns import without_extra_columns
from .findings import SET_ASIDE, Finding
from .load import DEFAULT_MAX_BYTES, Loaded, load
from .locate import (
    TABLE_PARTS,
    Located,
    attachment_caption,
    locate,
    other_year_copies,
    split_run_in_titles,
    values_before_header,
)
from .mapping import (
    Cell,
    TableResult,
    records_of,
    row_total_holds,
)
from .meta import (
    body_offset,
    detect_template,
    governs_area,
    has_title,
    region_of,
    titles_listed,
    year_and_agency,
)
from .read_text import read_text
from .repairs import (
    cells_over_two_columns,
    glued_values_split,
    lone_values_down_a_column,
    values_apart_in_a_cell,
    values_in_labels,
    values_under_filled_cells,
)
from .report import Report
from .script import detect_script, simplify_long
from .validate import check
from .values import folded, is_number_text, parse_value

if TYPE_CHECKING:
    from . import facts, narrative

_MAPPERS: dict[str, Callable[..., TableResult]] = {
    "active_disclosure": tables.active_disclosure,
    "application_handling": tables.application_handling,
    "review_litigation": tables.review_litigation,
}
_PART_NAMES = {
    "active_disclosure": "二、主动公开政府信息情况",
    "application_handling": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}
_HEAD = 20_000  # what metadata reads (the year cited most often: from the first 20,000 characters)


def parse(content: str | bytes, *, strict: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Parse one report given as content: ``str`` (always content, never a path) or ``bytes``.

    Returns a :class:`Report`, or raises :class:`ParseError` (a ``ValueError``) saying what was
    expected and what was found.  ``strict=True`` raises on the first finding of severity
    ``warning`` or ``error``.  Input longer than ``max_bytes`` is refused.
    """
    try:
        report = _parse(content, max_bytes=max_bytes)
    except ParseError:
        raise
    except Exception as exc:
        raise InternalError(
            f"internal error while parsing ({type(exc).__name__}: {exc}); please report it"
        ) from exc
    if strict:
        for finding in report.finding_list:
            if finding.severity != "info":
                raise StrictModeError(finding)
    return report


def read(path: str | os.PathLike[str], *, strict: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read and parse the report stored at ``path`` (any text or HTML file, any encoding)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise FileNotFoundError(f"cannot read report file {str(p)!r}: {exc.strerror}") from exc
    if size > max_bytes:
        raise ParseError(f"expected at most {max_bytes} bytes (max_bytes), found {size} in {p}")
    return parse(p.read_bytes(), strict=strict, max_bytes=max_bytes)


def _read_document(text: str, is_html: bool, word_lines: bool = False) -> Document:
    if is_html:
        from .read_html import read_html
        from .read_mixed import is_text_with_html, read_text_with_html

        if word_lines:
            return read_text_with_html(text, markdown=False)
        if is_text_with_html(text):
            return read_text_with_html(text)

        return read_html(text)
    return read_text(text)


def _parse(content: str | bytes, *, max_bytes: int) -> Report:
    loaded = load(content, max_bytes=max_bytes)
    doc = _read_document(loaded.text, loaded.is_html, loaded.word_lines)
    blocks, images = split_run_in_titles(doc.blocks, doc.images)
    if blocks is not doc.blocks:
        doc = Document(blocks, doc.source_format, doc.findings, images, doc.spacers, doc.grids)
    located = locate(doc.blocks)
    findings: list[Finding] = [*loaded.findings, *doc.findings]
    # Metadata is read from the head: of the blocks where the reader took markup off the text
    # (tags, pandoc's [text]{attributes}), else of the text itself.
    marked = loaded.is_html or "]{" in loaded.text[:_HEAD]
    plain = doc.head(_HEAD) if marked else loaded.text
    script = detect_script(plain[body_offset(plain) :])  # the report's script, not its page's menu
    # the sign-off from the document's last blocks: a page's head may stop short of it
    year, agency = year_and_agency(plain, "\n".join(b.text for b in doc.blocks[-4:]))
    located = _first_report(located, findings, year)
    by_table: dict[str, list[Block]] = {t: [] for t in TABLE_PARTS}
    for loc in _without_annexed_copies(located, findings):
        if loc.table is not None and not loc.is_part_heading:
            by_table[loc.table].append(loc.block)
    last = located[-1] if located else None
    if last is not None and last.table is not None and last.block.kind == "row" and _cut_off(loaded):
        _cut_in_a_table(last.table, by_table[last.table], findings)
    template = detect_template(
        (
            cell
            for t in ("active_disclosure", "application_handling")
            for b in by_table[t]
            for cell in b.cells
        ),
        year,
    )
    parts = {loc.section for loc in located if loc.is_part_heading}
    cells: list[Cell] = []
    mapping_template = template if template in ("2019", "2021") else "2021"
    if doc.source_format == "runon":
        findings.append(
            Finding(
                "runon_tables",
                "the tables' cells run together with no separator (page text); their numbers were "
                "read by splitting each row's digits under the template's identities",
                expected="cells separated by |, tabs, spaces or table markup",
                found="labels glued to digits, e.g. 规章000",
            )
        )
        simplified = script == "simplified"
        # a row's cells (a line split at spaces) as words: the spaces tell its cells apart
        joined = {t: " ".join(" ".join(b.cells) for b in by_table[t]) for t in TABLE_PARTS}
        texts = {t: folded(x) for t, x in joined.items()}  # NFKC, but 41① is no 411
        if not simplified:
            texts = {t: simplify_long(x) for t, x in texts.items()}
        from . import runon  # only page text with cells run together needs it

        prose = " ".join(loc.block.text for loc in located if loc.section == "overview")
        for result in runon.extract(texts, mapping_template, prose):
            cells.extend(result.cells)
            findings.extend(result.findings)
    else:
        at_spaces = doc.source_format == "text"
        for table in TABLE_PARTS:
            rows = _without_other_years(by_table[table], table, year, findings)
            rows = _without_values_before_header(rows, table, findings)
            grid = _as_grid(rows, doc.grids) if doc.grids else None
            if grid is not None:
                rows = grid
            spaces = at_spaces and grid is None
            spaced = None
            if doc.spacers and any(b in doc.spacers for b in rows):
                spaced, _, spaced_unsure = without_extra_columns(
                    [doc.spacers.get(b, b) for b in rows], table, mapping_template, spaces
                )
            rows, extra, unsure = without_extra_columns(rows, table, mapping_template, spaces)
            result = _mapped(rows, table, mapping_template, spaces, unsure)
            if spaced is not None:
                result = spacers_decided(
                    table, result, _mapped(spaced, table, mapping_template, spaces, spaced_unsure)
                )
            if unsure:  # (a row of 二 left NA is no row found: its finding says why)
                said = {f.row for f in extra if f.code in SET_ASIDE}
                result.findings = [f for f in result.findings if f.code != "missing_row" or f.row not in said]
            cells.extend(result.cells)
            findings.extend(extra)
            findings.extend(result.findings)
    found_tables = {c.table for c in cells if c.raw is not None}
    if not found_tables and not parts and (listed := titles_listed(loaded.text)) >= _LISTED:
        raise NoReportContent(
            f"expected an annual report with at least one of its parts or tables, found a list of "
            f"{listed} reports' titles and none of their parts or tables (a listing page or an index)"
        )
    if not found_tables and not parts and not has_title(plain):
        raise NoReportContent(
            "expected an annual report with a title, at least one of its parts (一、总体情况 … "
            "六、其他需要报告的事项) or its tables, found " + _describe(plain, doc)
        )
    if (
        not found_tables
        and (template == "unknown" or (year is not None and year <= 2018))
        and _old_style(loaded.text)
    ):
        template = "pre2019"
        findings.append(
            Finding(
                "pre2019_template",
                "a report in the pre-2019 format (统计表 of 指标/计量单位): its tables are not in the schema",
                expected="the 2019 or 2021 template",
                found="pre-2019 statistics table",
            )
        )
    else:
        pictured = _pictured(located, doc.images) if doc.images else {}
        aside = {f.table for f in findings if f.code in SET_ASIDE}
        unplaced = {f.table for f in findings if f.code in ("unmapped_values", "unmapped_row")}
        for table in TABLE_PARTS:
            if table not in found_tables and template != "pre2019":
                findings.append(
                    Finding(
                        "missing_table",
                        (
                            f"table {_PART_NAMES[table]} gave no value: its values were read but left NA, "
                            "as its other findings say"
                            if table in aside
                            else f"table {_PART_NAMES[table]} was not found"
                            + _not_found_why(table, parts, found_tables, table in unplaced)
                        )
                        + (
                            f"; an image stands in its part ({pictured[table]}): the table may be a "
                            "picture, to be read by OCR or from the report's text version"
                            if table in pictured
                            else ""
                        ),
                        table,
                        found=pictured.get(table),
                    )
                )
    if template == "unknown":
        findings.append(
            Finding("template_unknown", "neither the labels nor a year tell the template version")
        )
    if year is None:
        findings.append(
            Finding(
                "year_unknown",
                "the report's year was not found: no title names it, no statistics period states it, and "
                "the overview's opening year and the sign-off's date tell none (or disagree): meta year None",
                expected="a year",
            )
        )
    meta = {
        "template": template,
        "script": script,
        "year": year,
        "source_format": doc.source_format,
        "encoding": loaded.encoding,
        "agency": agency,
        "region": region_of(agency),
    }
    analysis = _Analysis(located, script == "traditional", cells, year, template, agency)
    return Report(meta, cells, findings, narrative=analysis)


def _without_other_years(
    rows: list[Block], table: str, year: int | None, findings: list[Finding]
) -> list[Block]:
    """A table's blocks without its copies under a caption for another year's figures (see
    :func:`~zhgov_parse.locate.other_year_copies`), each said with ``table_other_year``."""
    copies = other_year_copies(rows, table, year) if len(rows) > 8 else []
    for begin, _, caption in copies:
        annexed = attachment_caption(caption, year)
        findings.append(
            Finding(
                "table_annexed" if annexed else "table_other_year",
                f"a copy of the table under the caption '{caption}' "
                + ("(an attachment's, another unit's)" if annexed else "(another year's figures)")
                + " was left out; the report's own copy was read",
                table,
                found=caption,
                source=rows[begin].source,
            )
        )
    for begin, end, _ in sorted(copies, reverse=True):
        rows = rows[:begin] + rows[end:]
    return rows


def _without_values_before_header(rows: list[Block], table: str, findings: list[Finding]) -> list[Block]:
    """A table's blocks without the rows of values alone before its header (a page's footer), each
    said with ``unmapped_values``."""
    stray = values_before_header(rows, table)
    for block in stray:
        findings.append(
            Finding(
                "unmapped_values",
                "values before the table's header (a page's number or footer at a page break): not placed",
                table,
                found=block.text,
                source=block.source,
            )
        )
    gone = {id(b) for b in stray}
    return [b for b in rows if id(b) not in gone] if gone else rows


def _as_grid(blocks: list[Block], grids: dict[Block, Block | None]) -> list[Block] | None:
    """A table's blocks with each line of tabs as its full grid's row, read as pipe text's (a blank
    cell an empty field, in its column), where every line of the table with tabs stands in a grid
    whose lines agree on their fields; else None (read as text split at whitespace)."""
    if not any(b in grids for b in blocks):
        return None
    rows = [grids.get(b, b) for b in blocks]
    return None if None in rows else [row for row in rows if row is not None]


def _mapped(
    blocks: list[Block], table: str, template: str, at_spaces: bool, unsure: frozenset[Block] = frozenset()
) -> TableResult:
    """A table's blocks mapped to its cells (``at_spaces``: text split at whitespace; ``unsure``: rows
    whose cells are NA, a finding says why)."""
    if at_spaces:
        records, repaired = glued_values_split(records_of(blocks, unsure), table, template)
        result = _MAPPERS[table](records, template, split_at_spaces=True)
        result.findings[:0] = repaired
        return result
    records, shifted = values_in_labels(records_of(blocks, unsure), table, template)
    records, apart = values_apart_in_a_cell(records, table, template)
    records, spread = cells_over_two_columns(records, table, template)
    records, stacked = values_under_filled_cells(records, table, template)
    records, lone = lone_values_down_a_column(records, table, template)
    result = _MAPPERS[table](records, template)
    result.findings[:0] = [*shifted, *apart, *spread, *stacked, *lone]
    return result


def spacers_decided(table: str, spaced: TableResult, as_read: TableResult) -> TableResult:
    """A text table read without a column empty in every row among its values (``spaced``) and with
    it (``as_read``): a Word table's spacer, or a column of blank cells whose header a converter put
    elsewhere (html-to-markdown, which drops the cells a rowspan covers). The reading whose warnings
    (rows one short or one long of their columns, values no row took) are fewer, each of them one
    the other reading has too, is the table's; else the rows the two read apart are NA with
    ``row_length_mismatch``."""
    flagged, flagged_as_read = _rows_with_findings(spaced), _rows_with_findings(as_read)
    if flagged < flagged_as_read:
        return spaced
    if flagged_as_read < flagged:
        return as_read
    one = {(c.row, c.column): c.value for c in spaced.cells}
    other = {(c.row, c.column): c.value for c in as_read.cells}
    apart = {
        row for row, column in one.keys() | other.keys() if one.get((row, column)) != other.get((row, column))
    }
    if not apart:
        return spaced
    for row in sorted(apart):
        spaced.findings.append(
            Finding(
                "row_length_mismatch",
                "a column empty in every row of the table stands among this row's values: a spacer "
                "(read without it) or a column of blank cells (read with it) give it different values: NA",
                table,
                row,
            )
        )
    spaced.cells = [c._replace(value=None) if c.row in apart else c for c in spaced.cells]
    return spaced


def _rows_with_findings(result: TableResult) -> set[tuple[str, str | None]]:
    """What a reading warns about: each warning's code and row (None: values no row took); a blank
    cell's ``missing_value`` is no warning."""
    return {(f.code, f.row) for f in result.findings if f.severity != "info"}


class _Analysis:
    """What a report's cells and text are checked for — the tables' identities, the narrative's
    sections and stated facts and their cross-checks with the tables — run when first asked for:
    a caller that wants only the tables does not pay for it."""

    __slots__ = ("agency", "cells", "located", "template", "traditional", "year")

    def __init__(
        self,
        located: list[Located],
        traditional: bool,
        cells: list[Cell],
        year: int | None,
        template: str,
        agency: str | None,
    ):
        self.located, self.traditional, self.cells, self.year = located, traditional, cells, year
        self.template, self.agency = template, agency

    def __call__(self) -> tuple[list[narrative.Section], list[facts.Fact], list[Finding]]:
        from . import facts, narrative  # (their patterns are half of an import: built when first asked)

        identities = check(self.cells, self.template)
        units = narrative.build(self.located)
        area = governs_area(self.agency)  # (its 全市 counts its own)
        stated = facts.extract(units, traditional=self.traditional, year=self.year, area=area)
        grid = {(c.table, c.row, c.column): c.value for c in self.cells}
        return units, stated, [*identities, *facts.cross_check(stated, grid, units, self.year)]


#: A table of contents' page number, after its leader dots.
_PAGE_NUMBER = re.compile(r"[\s.…·]*\d{1,4}\s*")


#: Parts after the tables, where a table's header starts an annex's table (a sub-unit's 三 after 六).
_LATER_PARTS = ("problems_improvements", "other_matters")


def _without_annexed_copies(located: list[Located], findings: list[Finding]) -> list[Located]:
    """``located`` without the blocks of a table that stands in part 五 or 六 (an attachment's table, a
    sub-unit's 四 after the report's own) where its own part, or the text before, holds that table
    with values already, each such copy said with ``table_annexed``. (A table found only there,
    its part heading lost or worded as another's, stays.)"""
    if not any(loc.table is not None and loc.section in _LATER_PARTS for loc in located):
        return located
    seen: set[str] = set()
    gone: set[int] = set()
    said: set[tuple[str, str]] = set()
    for i, loc in enumerate(located):
        if loc.table is None or loc.is_part_heading:
            continue
        if loc.section not in _LATER_PARTS:
            if loc.block.kind == "row" and any(map(is_number_text, loc.block.cells)):
                seen.add(loc.table)
            continue
        if loc.table not in seen:
            continue
        gone.add(i)
        if (loc.table, loc.section) not in said:
            said.add((loc.table, loc.section))
            findings.append(
                Finding(
                    "table_annexed",
                    f"a table like this one in part {_PART_TITLES[loc.section]} (an attachment's, another "
                    "unit's) was left out; the report's own, before it, was read",
                    loc.table,
                    found=loc.block.text[:80],
                    source=loc.block.source,
                )
            )
    return [loc for i, loc in enumerate(located) if i not in gone] if gone else located


_PART_TITLES = {"problems_improvements": "五", "other_matters": "六"}


def _first_report(located: list[Located], findings: list[Finding], year: int | None = None) -> list[Located]:
    """The blocks of the page's first report, where another follows it (a listing page holding the
    2023 report and then the 2022 one): a part 一 heading after the first report's tables (or after
    its part 一's text and a later part's heading: a report whose tables are pictures) starts the
    next report, from its title if one stands just before; so does the heading of a table part
    whose rows with numbers the first report holds already, once a later part has begun (another
    report's tables after the first's 六, under 相关链接, with no part 一 of their own). Read
    together, the second report's rows would fill the first's blank ones (another year's numbers),
    with a finding. Tables before a report's part 一 with no part 一 and no text of their own (a
    sidebar's copy of another report's 二 to 四) are no report: left out, the report after them read;
    so is a report with no tables whose title names another year than the page's (``year``: a
    sidebar's excerpt of last year's report) before one whose title names the page's.
    A table part's heading with nothing after it but its page number and the next part heading is a
    table of contents' line (Word's TOC: 一 … 六 a line each), no table of a report."""
    begin = 0
    while (cut := _next_report(located, begin)) is not None:
        start, heading = cut
        first = located[start].block
        if located[heading].section == "overview" and _tables_alone(located[begin:start]):
            tables = next(j for j in range(begin, start) if located[j].is_part_heading)
            findings.append(
                _more_reports(
                    f"tables before the report (from '{located[tables].block.text[:60]}'), with no part 一 "
                    f"and no text of their own, are another report's: left out; the report after them "
                    f"(from '{first.text[:60]}') was read",
                    located[tables].block,
                )
            )
            located = located[:tables] + located[start:]
            begin = tables
            continue
        if located[heading].section == "overview" and _another_year_before(located[begin:start], first, year):
            findings.append(
                _more_reports(
                    f"a report with no tables before the report, its title naming another year than the "
                    f"page's {year}, was left out; the report after it (from '{first.text[:60]}') was read",
                    located[begin].block,
                )
            )
            located = located[:begin] + located[start:]
            continue
        alone = "" if located[heading].section == "overview" else ", its tables with no part 一 before them"
        findings.append(
            _more_reports(
                f"the page holds another report after this one (from '{first.text[:60]}'{alone}): "
                "only the first was read",
                first,
            )
        )
        return located[:start]
    return located


def _more_reports(message: str, block: Block) -> Finding:
    """A ``more_reports`` finding on the block where the report left out starts."""
    return Finding("more_reports", message, expected="one report", found=block.text[:80], source=block.source)


def _next_report(located: list[Located], begin: int) -> tuple[int, int] | None:
    """Where the report after the one starting at ``begin`` starts (its title, else its heading) and
    the index of the part heading that tells it (see :func:`_first_report`); None if none follows."""
    tables = in_table_part = story = later = False
    valued: set[str] = set()  # the table parts whose rows with numbers were read
    part = ""
    for i in range(begin, len(located)):
        loc = located[i]
        if not loc.is_part_heading:  # (each test made only until it tells: a block's text is a join)
            if in_table_part:
                tables = tables or not _PAGE_NUMBER.fullmatch(loc.block.text)
                if part not in valued and _holds_values(loc.block):
                    valued.add(part)
            elif part == "overview" and not story:
                story = not _PAGE_NUMBER.fullmatch(loc.block.text)
            continue
        in_table_part = loc.section in TABLE_PARTS
        again = loc.section in valued and loc.section != part  # a table part read already: a copy's
        later = later or (story and loc.section != "overview")
        part = loc.section
        if (loc.section == "overview" and (tables or later)) or again:
            return _title_before(located, i, begin), i
    return None


def _holds_values(block: Block) -> bool:
    """Whether a block of a table part holds its values: a row with a number, or a paragraph of
    run-on text whose digits run on from its labels (行政许可1862), no page number."""
    if block.kind == "row":
        return any(map(is_number_text, block.cells))
    return _GLUED_VALUE.search(block.text) is not None


#: A label's last character with its value's digits glued to it (run-on text).
_GLUED_VALUE = re.compile(r"[\u4e00-\u9fff][\d/—]{1,}\d(?![\d年月日号条件项个次篇])")  # (no date, no count)


#: A paragraph this long outside a report's tables is its text (a preamble, its part 一's).
_OWN_TEXT = 40


def _tables_alone(run: list[Located]) -> bool:
    """Whether blocks before a report's part 一 are tables with no report around them: no part 一
    heading, no paragraph of text outside the table parts (a title, a caption, links are short)."""
    return not any(
        loc.section == "overview"
        or (loc.table is None and loc.block.kind == "paragraph" and len(loc.block.text) >= _OWN_TEXT)
        for loc in run
    )


def _another_year_before(run: list[Located], title: Block, year: int | None) -> bool:
    """Whether ``run``, the blocks before a report starting at ``title``, is a report with no tables
    whose title (the last before its first part heading, if any) names another year than the
    page's, where ``title`` names the page's."""
    if year is None or _title_year(title) != year:
        return False
    if any(loc.table is not None and _holds_values(loc.block) for loc in run):
        return False
    heading = next((i for i, loc in enumerate(run) if loc.is_part_heading), len(run))
    own = next((loc.block for loc in reversed(run[:heading]) if _title_year(loc.block) is not None), None)
    return own is None or _title_year(own) != year  # (its title the last before its part 一)


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _title_year(block: Block) -> int | None:
    """The year a report's title names (its first), if it is one."""
    if block.kind == "row" or len(block.text) > 120 or not has_title(block.text):
        return None
    m = _YEAR.search(block.text)
    return int(m.group(1)) if m else None


def _title_before(located: list[Located], i: int, begin: int = 0) -> int:
    """Where the report whose part heading is block ``i`` starts: at its title, where one stands in
    the five blocks before it (after ``begin``), else at that heading."""
    for j in range(i - 1, max(i - 6, begin - 1), -1):
        block = located[j].block
        if block.kind != "row" and len(block.text) <= 120 and has_title(block.text):
            return j
    return i


def _cut_off(loaded: Loaded) -> bool:
    """Whether the input shows it was cut off inside a table: a page whose last table is not closed
    (…<td>4</td></tr>, the tags a repairing parser adds), or pipe text whose last row lacks the
    closing | its other rows have. (A table given alone, closed, is a fragment, not a cut.)"""
    text = loaded.text
    if loaded.is_html:
        tail = text[-2000:].lower()
        at = max(tail.rfind("<td"), tail.rfind("<th"))
        return at >= 0 and "</table" not in tail[at:]
    last = text.rstrip().rsplit("\n", 1)[-1].rstrip()
    return "|" in last and not last.endswith("|") and text.count("|\n") >= 3


def _cut_in_a_table(table: str, rows: list[Block], findings: list[Finding]) -> None:
    """A document that ends in a table's row was cut off there (the rest of the report would
    follow): the row's last number may have lost digits (4 of 41). In 二, which has no sums to tell,
    that cell is left out, with a finding; in 三 and 四 only where the row's 总计 (its last value,
    and its group's in 四) is not the sum of the others, as a cut one seldom is."""
    if any(f.code == "truncated" for f in findings):
        return  # said already (the page ended inside that cell)
    cells = list(rows[-1].cells)
    filled = [i for i, c in enumerate(cells) if c.strip()]
    if not filled or not is_number_text(cells[filled[-1]]):
        return
    if table != "active_disclosure":
        values = [parse_value(cells[i]) for i in filled]
        if row_total_holds(values[-5:] if table == "review_litigation" else values[-7:]):
            return
    last = filled[-1]
    findings.append(
        Finding(
            "truncated",
            f"the document ends in a row of its tables ('{rows[-1].text[:40]}'): it was cut off there, "
            f"and that row's last number, {cells[last].strip()}, which may have lost digits, was not read",
            table,
            expected="the rest of the report after this row",
            found=cells[last].strip(),
            source=rows[-1].source,
        )
    )
    copies = rows[-1].copies
    k = last
    cells[k] = ""
    while copies is not None and copies[k] == 1 and k > 0:  # a cell spanning columns: every copy
        k -= 1
        cells[k] = ""
    rows[-1] = rows[-1]._replace(cells=tuple(cells))


def _pictured(located: list[Located], images: tuple[tuple[int, str], ...]) -> dict[str, str]:
    """The src of the first image inside each table part (after its heading, before the next)."""
    out: dict[str, str] = {}
    for at, src in images:
        if 0 < at <= len(located):
            part = located[at - 1].section
            if part in TABLE_PARTS:
                out.setdefault(part, src or "no src")
    return out


#: Distinct report titles in a text with no part or table of a report that make it a list of
#: reports (a portal's listing page, an index of files), not one report that lost its body.
_LISTED = 3


def _not_found_why(table: str, parts: set[str], found_tables: set[str], unplaced: bool = False) -> str:
    """What a missing table's message adds: its part heading stood there with no values, or with
    values no row could take (``unplaced``: its unmapped findings), or the page holds no part and no
    table at all (a page of its title alone: the report in a file or images)."""
    if table in parts and unplaced:
        return " (its part heading is there, and values no row of it could take: its unmapped findings)"
    if table in parts:
        return " (its part heading is there but no values)"
    if not parts and not found_tables:
        return (
            " (nor any of the report's part headings: its body may be in a file the page links to, "
            "or in images)"
        )
    return ""


def _describe(text: str, doc: Document) -> str:
    head = text.lstrip()[:200]
    if head.startswith(("{", "[")) and '":' in head:
        return "JSON data (a structured dump, not the report's text); pass the report's own text or HTML"
    return f"{len(doc.blocks)} lines of text with none of them" if doc.blocks else "no text"


def _old_style(text: str) -> bool:
    return any(w in text for w in ("统计表", "統計表", "指标名称", "指標名稱", "计量单位", "計量單位"))
