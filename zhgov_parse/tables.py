"""The three tables of the template, each mapped from its records with the shared machinery."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence

from . import schema
from .findings import Finding
from .labels import Match, Matcher, key, matcher
from .layout import columns_of_full_rows, fields_counted_from_labels, is_tab_fields, place
from .mapping import (
    AMOUNTS,
    APPLICANT_FRAME,
    OUTCOME_WORDS,
    STATED_UNIT,
    Record,
    Row,
    TableResult,
    applicant_order,
    applicants_reordered,
    assemble,
    assign,
    breaks_total,
    columns_reordered,
    complete,
    drop_fragments,
    fit,
    group_order,
    groups_reordered,
    header_order,
    is_prose,
    length_mismatch,
    make_cells,
    may_add_up,
    row_finding,
    row_total_holds,
    row_width,
    trim_padding,
)
from .reading_order import read_in_order
from .values import Value, is_number_text, parse_value

APPLICATION = "application_handling"
REVIEW = "review_litigation"
ACTIVE = "active_disclosure"

_REVIEW_HEADER_WORDS = ("维持", "纠正", "尚未", "审结", "总计", "其他结果")


# ---------------------------------------------------------------------------------------------
# 三、收到和处理政府信息公开申请情况


def _applicant_columns(
    header: Sequence[Record], zone: Sequence[Record]
) -> tuple[list[str] | None, Finding | None]:
    """Column order of table 三 from its header rows, or the template order with a finding.

    ``header`` holds the rows that name applicant columns; ``zone`` every label above the data,
    fragments included (PDF text breaks 商业企业 over two lines).
    """
    template = [c for c, _ in schema.columns(APPLICATION, "2021")]
    columns_of = matcher(APPLICATION, "column")
    groups_of = matcher(APPLICATION, "group")
    rows: list[list[str | None]] = []

    def code_of(cell: str) -> str | None:
        code = columns_of(cell).code
        return "legal_person" if code is None and groups_of(cell).code == "legal_person" else code

    for rec in header:
        codes: list[str | None] = []
        for cell in rec.labels:
            if " " in cell.strip():
                # a header line of PDF or tab text joined into one cell (法人或其他组织 自然人 总计):
                # its words, where each names a column (商业 企业, a name broken, stays one cell)
                words = [code_of(w) for w in cell.split()]
                if all(words):
                    codes.extend(words)
                    continue
            codes.append(code_of(cell))
        subs = [i for i, c in enumerate(codes) if c in template[1:6]]
        if (
            codes.count("legal_person") == 1
            and "other_org" not in codes
            and len(set(codes[i] for i in subs)) == 4
            and codes.index("legal_person") > subs[0]
        ):
            # 其他组织 among the organisations it names on one line (自然人 | 法律服务机构 | 其他组织 |
            # 商业企业 …): the column of other organisations, not the group over them
            codes[codes.index("legal_person")] = "other_org"
        if "legal_person" in codes and subs and codes.index("legal_person") < subs[0]:
            rows += [codes[: subs[0]], codes[subs[0] :]]  # both header lines read one cell a line
        else:
            rows.append(codes)
    order: list[str] | None = None
    for codes in rows:
        known = list(dict.fromkeys(c for c in codes if c and c != "legal_person"))
        if sorted(known) == sorted(template) and len(known) == 7:
            order = known
    if order is None:
        tops = [c for c in rows if "legal_person" in c]
        subs = [c for c in rows if sum(1 for x in c if x in template[1:6]) >= 4]
        if tops and subs:
            sub = [x for x in subs[0] if x in template[1:6]]
            composed: list[str] = []
            for x in tops[0]:
                if x == "legal_person":
                    composed.extend(sub)
                elif x is not None:
                    composed.append(x)
            if sorted(composed) == sorted(template) and len(composed) == 7:
                order = composed
    if order is not None:
        return order, (applicants_reordered(order) if order != template else None)
    text = "".join(key(r.text) for r in zone)
    if all(w in text for w in APPLICANT_FRAME):
        # The header, flattened beyond reading column by column (商业企业 科研机构 … in one cell, or
        # broken over lines by a PDF): the order it names the columns in still holds.
        named = applicant_order(text)
        if named is not None:
            return named, (applicants_reordered(named) if named != template else None)
        return None, Finding(
            "columns_unreadable",
            "the header names the applicant columns, but not in an order that can be read (自然人 "
            "after an organisation, or 总计 among them): the table's cells are NA",
            APPLICATION,
            expected="a header naming the applicant columns in an order",
            found=text[:80],
        )
    return template, Finding(
        "columns_by_position",
        "the applicant columns' header is missing or unreadable; values were taken in the "
        "template's column order (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)",
        APPLICATION,
        expected="header naming the applicant columns",
        found=text[:80] or "no header",
    )


def _one_cell_header(
    records: list[Record], rows_of: Matcher, is_header: Callable[[str], bool]
) -> list[Record]:
    """A header that came one cell a line (``自然人 |`` / ``法人或其他组织 |`` / ``总计 |`` …), read
    back as one header line of its cells in order: alone, ``总计`` reads as a row and ``行政复议``
    as a group's row label, so the rows would start inside the header.

    Only label lines above the first values count, and the row label right above them is a row's;
    each run of one-cell lines there (a note or a blank line ends a run) is joined if it reads as a
    header.
    """
    end = next((i for i, r in enumerate(records) if any(map(str.strip, r.values))), len(records))
    for back in range(1, min(end, 3) + 1):  # the first row's own label (一、本年新收…, wrapped over
        if len(records[end - back].labels) != 1 or len(records[end - back].labels[0]) > 40:  # lines)
            break
        if rows_of("".join(r.labels[0] for r in records[end - back : end])).code is not None:
            end -= back  # (or 行政复议 over its five values)
            break

    def one_cell(rec: Record) -> bool:
        return len(rec.labels) == 1 and not is_prose(rec) and bool(key(rec.labels[0]))  # not a note

    def header(cells: list[str]) -> list[str] | None:
        return cells if is_header(" ".join(cells)) else None

    return [*_join_runs(records[:end], one_cell, header), *records[end:]]


def _join_runs(
    records: list[Record], in_run: Callable[[Record], bool], header: Callable[[list[str]], list[str] | None]
) -> list[Record]:
    """Each run of two or more one-cell records that ``in_run`` accepts, one header record of the
    cells ``header`` makes of them; a run it makes nothing of stays as it is."""
    out: list[Record] = []
    run: list[Record] = []

    def flush() -> None:
        cells = header([r.labels[0] for r in run]) if len(run) > 1 else None
        if cells:
            out.append(Record(cells, [], run[0].source))
        else:
            out.extend(run)
        run.clear()

    for rec in records:
        if in_run(rec):
            run.append(rec)
            continue
        if run:
            flush()
        out.append(rec)
    flush()
    return out


def _total_last_adds_up(rows: list[Row], at: int) -> bool:
    """Whether table 三's rows add up with 总计 last (the template's place), and not with 总计 at
    ``at`` (where a header put it), in most rows that state all seven values."""
    last = there = stated = 0
    for row in rows:
        if len(row.values) != 7:
            continue
        numbers = [parse_value(v).number for v in row.values]
        if None in numbers:
            continue
        stated += 1
        last += sum(numbers[:6]) == numbers[6]  # type: ignore[arg-type]
        there += sum(numbers) == 2 * numbers[at]  # type: ignore[arg-type, operator]
    return stated > 0 and last > there and 2 * last >= stated


def _is_applicant_header(text: str) -> bool:
    k = key(text)
    hits = sum(1 for w in APPLICANT_FRAME if w in k)
    return hits >= 2 or "申请人情况" in k or "勾稽关系" in k or "法人或其他组织" in k


def _names_columns(text: str) -> bool:
    """A line that names four of 三's columns or more: a header, however long (tab text's 法人或其他
    组织商业企业 | 法人或其他组织科研机构 …, the group's name copied into each cell it spans)."""
    k = key(text)
    return sum(1 for w in APPLICANT_FRAME if w in k) >= 4


def application_handling(records: list[Record], template: str, split_at_spaces: bool = False) -> TableResult:
    """Map table 三 (25 rows in the 2021 template, 23 in 2019, × 7 applicant columns).
    ``split_at_spaces``: the rows are text split at whitespace (PDF text), where a blank cell
    leaves no cell and a line may hold part of a row."""
    out = TableResult()
    rows_of = matcher(APPLICATION, "row")
    records = _one_cell_header(records, rows_of, _is_applicant_header)
    first_data = next(
        (
            i
            for i, r in enumerate(records)
            if any(map(str.strip, r.values)) or (rows_of(r.text).code and not _is_applicant_header(r.text))
        ),
        len(records),
    )
    zone = [r for r in records[:first_data] if not is_prose(r) or _names_columns(r.text)]
    header = [r for r in zone if _is_applicant_header(r.text)]
    named, note = _applicant_columns(header, zone)
    rows = assemble(records[first_data:], rows_of, lambda m: 7, _is_applicant_header)
    template_columns = [c for c, _ in schema.columns(APPLICATION, "2021")]
    unread = named is None  # the header names the columns in no order that can be read: NA
    columns = template_columns if named is None else named
    # PDF text whose header names the columns in the template's order: a table left short of
    # cells may be read in reading order
    in_order = split_at_spaces and named == template_columns
    if split_at_spaces:
        rows = _drop_rows_out_of_order(rows, records[first_data:], 7, out)
        _two_labels_then_values(rows, out)
        _interleaved(rows, records[first_data:], 7, out)
    if not rows:
        return _or_in_reading_order(out, records[first_data:], template, rows_of, note) if in_order else out
    if not unread and columns[-1] != "total" and _total_last_adds_up(rows, columns.index("total")):
        note = Finding(
            "columns_by_position",
            f"the header reads as {', '.join(columns)}, but the rows add up only with 总计 last (a "
            "header grid misread, e.g. a colspan lost): values were taken in the template's order",
            APPLICATION,
            expected="总计 = the six applicant columns",
            found=", ".join(columns),
        )
        columns = template_columns
    if note is not None:
        out.findings.append(note)
    order = [c for c, _ in schema.rows(APPLICATION, template)]
    total_last = columns[-1] == "total"
    check = row_total_holds if total_last else None
    if split_at_spaces and total_last:
        _lay_out_short_rows(rows, 7, APPLICATION, out)
    assembled = rows
    rows, fragments = drop_fragments(rows, 7, APPLICATION, check)
    out.findings.extend(fragments)
    if split_at_spaces and check is not None:
        rows = _drop_unbalanced_gathered(rows, 7, APPLICATION, check, out)
    out.findings.extend(
        assign(rows, order, APPLICATION, lambda r: fit(r.values, 7, check)[0] is not None, template)
    )
    short: list[Row] = []  # rows with fewer values than columns: blank cells lost one cell a line
    kept = {id(row) for row in rows}
    if len(kept) < len(assembled):
        taken = {row.code for row in rows}
        for row in assembled:  # set aside for want of values, under a label of their own
            code = row.match.code
            if id(row) not in kept and code is not None and code not in taken and _values(row) < 7:
                row.code = code
                taken.add(code)
                short.append(row)
    for row in rows:
        if row.code is None or row.uncertain:
            continue
        if unread:
            out.findings.append(
                row_finding(
                    "columns_unreadable",
                    "its values' columns are not known (the header's order could not be read): NA",
                    APPLICATION,
                    row,
                    row.code,
                )
            )
            continue
        cells, repair = fit(row.values, 7, check)
        if cells is None:
            if _values(row) < 7:
                short.append(row)
            out.findings.append(length_mismatch(APPLICATION, row, 7, columns))
            continue
        if repair:
            out.findings.append(row_finding("cell_repaired", repair, APPLICATION, row, row.code))
        make_cells(APPLICATION, row, columns, cells, out)
    out.found = out.found or (unread and any(row.code for row in rows))
    short = [row for row in short if row.match.code == row.code]  # not rows placed by position alone
    if (
        short
        and not unread
        and total_last
        and columns == template_columns
        and (split_at_spaces or _one_value_a_line(records))
    ):
        read = [row for row in rows if not row.uncertain]
        _place_lost_blanks([*read, *(r for r in short if id(r) not in kept)], short, template, out)
    if out.found:
        complete(APPLICATION, template, out)
    return _or_in_reading_order(out, records[first_data:], template, rows_of, note) if in_order else out


def _or_in_reading_order(
    result: TableResult, records: list[Record], template: str, rows_of: Matcher, note: Finding | None
) -> TableResult:
    """A reading of 三 from PDF text, or, where it left cells NA, the table read in reading order
    (:mod:`.reading_order`) where that reading is certain and agrees with every cell read."""
    wanted = len(schema.cell_codes(APPLICATION, template))
    if sum(1 for c in result.cells if c.value is not None) >= wanted:
        return result
    found = read_in_order(records, template, rows_of)
    if found is None:
        return result
    cells, finding = found
    read = {(c.row, c.column): c.value for c in cells}
    if any(c.value is not None and read.get((c.row, c.column)) != c.value for c in result.cells):
        return result  # the two readings disagree: the rows read line by line stay
    return TableResult(cells, [*([note] if note else []), finding], True)


def _values(row: Row) -> int:
    return sum(1 for v in row.values if v.strip())


def _values_before_labels(records: list[Record], rows_of: Matcher) -> bool:
    """Whether value lines come right after a line that names no row (a header, 第二十条…): plain
    pdftotext writes a vertically centred label after its row's values (``处理决定数量`` / ``3`` /
    ``-1`` / ``2`` / ``行政处罚``), where a page's text has the label first."""
    fragments: list[str] = []
    for rec in records:
        if rec.labels:
            fragments.append(rec.text)
        if not any(map(str.strip, rec.values)):
            continue
        named = (rows_of("".join(fragments[i:])).code for i in range(len(fragments)))  # looked up only
        if not rec.labels and fragments and not any(named):  # for value lines after label lines
            return True
        fragments = []
    return False


def _set_uncertain(row: Row, table: str, why: str, out: TableResult) -> None:
    """Leave a row NA where it stands (no other row is put there by position), and say why."""
    row.uncertain = True
    out.findings.append(_uncertain(row, table, why))


def _uncertain(row: Row, table: str, why: str) -> Finding:
    """The ``row_order_uncertain`` finding of a row of PDF text whose values are left NA."""
    return row_finding(
        "row_order_uncertain",
        f"row '{row.label or '(no label)'}': {why}, so they are left NA",
        table,
        row,
        row.match.code,
    )


def _drop_rows_out_of_order(rows: list[Row], records: list[Record], n: int, out: TableResult) -> list[Row]:
    """PDF text in reading order that puts part of a row's values on its label's line and the
    rest on lines of their own (pdftotext without -layout: ``5.属于三类内部事务信息 1`` / ``1`` /
    ``0`` …, a wrapped label's tail between them) lists cells out of row order: a value on a line
    of its own may be the row's, the next row's or the one before's, in rows that add up either
    way, and values may come before their label.  Such a table keeps only the rows stated on one
    line; the others are NA, said."""
    partial = sum(
        1 for r in records if r.labels and 0 < sum(1 for v in r.values if v.strip()) < n and r.spans is None
    )
    if not partial:
        return rows
    kept = []
    for row in rows:
        if not row.gathered:
            kept.append(row)
            continue
        why = (
            "its values come from lines of their own in text that lists the table's cells out of row "
            f"order ({partial} label lines carry only part of their values): they may be another row's"
        )
        out.findings.append(_uncertain(row, APPLICATION, why))
    return kept


def _two_labels_then_values(rows: list[Row], out: TableResult, table: str = APPLICATION) -> None:
    """PDF text that lists two rows' labels before their values (``1.信访举报投诉类申请`` /
    ``2.重复申请`` / 7 values / 7 values): the first label is left with none, the second takes the
    first block, a row with no label the second.  Which block is whose, the text does not say
    (reading order is no proof in PDF text): both rows keep their places, NA, said."""
    for row, after in itertools.pairwise(rows):
        if row.after_bare and row.gathered and after.gathered and not after.own and after.match.code is None:
            why = (
                "its values and the next lines' come after another row's label that has none (PDF text "
                "lists two labels before their values): which are whose the text does not say"
            )
            _set_uncertain(row, table, why, out)
            after.uncertain = True


def _interleaved(
    rows: list[Row],
    records: list[Record],
    n: int,
    out: TableResult,
    table: str = APPLICATION,
    zeros_only: bool = True,
) -> None:
    """PDF text whose lines of one value after a label are more than a row's and not whole rows
    (17 after ``3.要求提供公开出版物``, 9 after the next label): plain pdftotext interleaves the rows'
    cells.  A row read from such a run whose values are all 0 adds up whoever's zeros they are
    (another row's 1 may be among the lines it lost): it keeps its place, NA, said.  (Values that
    add up to a total other than 0 are a row's own, as seven lines read in a row.)  Table 四's
    groups of five, side by side in the PDF, interleave too (``1 0 0 0 1 2`` of 1 0 0 1 2 and a 0
    of the next group): no group read from such a run is certain (``zeros_only=False``)."""
    runs: dict[str, int] = {}  # the source of each line of one value: how many its run holds
    run: list[str] = []
    for rec in [*records, Record(["end"], [], "")]:
        if rec.labels:
            runs.update(dict.fromkeys(run, len(run)))
            run = []
        elif len(rec.values) == 1 and rec.values[0].strip() and rec.spans is None:
            run.append(rec.source)  # a value on a line of its own (a row's cells on one line are a row's)
    for row in rows:
        count = runs.get(row.source, 0)
        if not row.gathered or row.uncertain or count <= n or not count % n:
            continue
        if zeros_only and any(parse_value(v).number for v in row.values):
            continue
        why = (
            f"its values come from lines of their own in text that interleaves the table's rows (its "
            f"label is followed by {count} values, more than a row's and not whole rows)"
            + (", and all 0" if zeros_only else "")
            + ": they may be another row's"
        )
        _set_uncertain(row, table, why, out)


def _lay_out_short_rows(rows: list[Row], n: int, table: str, out: TableResult) -> None:
    """Rows of layout text short of values (a blank cell leaves no word), each value put in the
    column it stands under as the rows with all ``n`` values place the columns, the others blank,
    where the row then adds up (总计 last; blanks 0, a cell marked — unknown)."""
    short = [  # rows that name themselves: a wrapped label's tail (公开申请数量 | 1) names none
        row
        for row in rows
        if row.spans is not None and 0 < len(row.values) < n and row.match.code is not None
    ]
    if not short:
        return
    spans = [row.spans for row in rows if row.spans is not None]
    places = columns_of_full_rows(spans, n)
    counted = places is None  # no row with every value: tab fields counted from the label
    if counted:
        places = fields_counted_from_labels(spans, n)
    if places is None:
        return
    for row in short:
        if counted and (row.spans or [None])[-1] != places[-1]:
            continue  # its last field short of 总计's: how many fields it had, the text does not say
        laid = place(row.values, row.spans or [], places)
        if laid is None or not may_add_up(laid):
            continue
        out.findings.append(
            row_finding(
                "values_by_layout",
                f"row '{row.label}' has {len(row.values)} values for {n} columns: each was put in the "
                f"column it stands under ({_laid_by(row.spans, counted)}), the others are blank",
                table,
                row,
                row.match.code,
            )
        )
        row.values = laid


def _laid_by(spans: list[tuple[int, int]] | None, counted: bool = False) -> str:
    """What placed a row's values: tab fields (points), as the full rows hold them or ``counted``
    from the label (no row has every value), or columns aligned with spaces."""
    if spans and is_tab_fields(spans) and counted:
        return "the tab field each value holds, counted from the label: its last field is 总计's"
    if spans and is_tab_fields(spans):
        return "the tab field each value holds, as in the rows with every value"
    return "the text's columns aligned with spaces"


def _drop_unbalanced_gathered(
    rows: list[Row], n: int, table: str, check: Callable[[list[Value]], bool], out: TableResult
) -> list[Row]:
    """Rows of PDF text that do not add up (总计 ≠ the sum of the others): likelier misread than a
    report's typo.  Lines in reading order may hold another row's values, or this row's in another
    order (a cell's value set lower than its neighbours' comes after them); a number too wide for
    its cell wraps onto the next line (``２５`` over ``５``).  NA, said."""
    for row in rows:
        cells = fit(row.values, n, check)[0]  # digits split over cells joined
        if cells is None or not breaks_total(cells, blanks_are_zero=False):
            continue
        how = "come from lines of their own" if row.gathered else "stand on one line"
        why = (
            f"its values {how} in PDF text and do not add up (总计 ≠ the sum of the others): they may "
            "be another row's, out of order or wrapped in their cells"
        )
        _set_uncertain(row, table, why, out)
    return rows


def _one_value_a_line(records: list[Record]) -> bool:
    """Whether the table came one value a line (or a block a cell), not a row a line."""
    return sum(len(r.values) == 1 for r in records) > sum(len(r.values) > 1 for r in records)


_TRAILING_DIGITS = re.compile(r"\d+$")
_INNER_NUMBER = re.compile(r"\d+(?![\d.．、])")  # a number in a label, not an item's 1.


def _glued_digits(label: str) -> str:
    """The digits a short row's label ends in, with a space after: its first values, glued to it
    (…政府信息公开申请1010 | 3 | 1015: a row short of them, not only of blank cells).  None where
    the label holds another number (…缴纳费用、0000000行政机关…3.其他5: lines of several rows
    joined, whose digits are no one row's)."""
    label = label.rstrip()
    m = _TRAILING_DIGITS.search(label)
    if m is None or _INNER_NUMBER.search(label, 0, m.start()):
        return ""
    return m.group(0) + " "


def _place_lost_blanks(rows: list[Row], short: list[Row], template: str, out: TableResult) -> None:
    """Rows of 三 that lost their blank cells (a page read one cell a line, where an empty cell
    leaves no line; PDF text, where it leaves no token) read as run-on text is: each value a
    token, the blanks placed where the table's identities allow one way only (else NA with
    ``runon_ambiguous``).  Used only if the solver reads every other row as it was read here, and
    the table's identities weighed its readings (where they could not, a line the text lost may
    have been a value's, moved elsewhere by the PDF reader, not a blank cell's); a row read with
    a value split only where a column identity weighs it, or the value cannot be one cell."""
    from .runon import application_handling as solve

    if any(parse_value(v).mark for row in short for v in row.values):
        return  # 2① is no number (a footnote's mark): the solver would read 21 (NFKC), or the 2
    place = {code: i for i, (code, _) in enumerate(schema.rows(APPLICATION, template))}
    shorts = {id(row) for row in short}
    text = "".join(
        f"{schema.row_label(APPLICATION, row.code, template)} "
        + (_glued_digits(row.label) if id(row) in shorts else "")
        + " ".join(unicodedata.normalize("NFKC", v).strip() for v in row.values if v.strip())
        + " "
        for row in sorted((r for r in rows if r.code in place), key=lambda r: place[r.code or ""])
    )
    solved = solve(text, template)
    if any(f.code == "runon_unchecked" for f in solved.findings):
        return  # the table's identities could not weigh the readings: a lost line may be a value's
    got = {(c.row, c.column): c.value for c in solved.cells}
    if any(got.get((c.row, c.column), c.value) != c.value for c in out.cells):
        return
    present = {row.code for row in rows if row.code in place}
    short = [row for row in short if _weighed(row.code, present, template) or not _splits_a_value(row)]
    lost = {row.code for row in short}
    set_aside = {(row.source, " | ".join(row.values)) for row in short}
    out.findings[:] = [
        f
        for f in out.findings
        if not (f.code == "row_length_mismatch" and f.row in lost)
        and not (f.code == "unmapped_values" and (f.source, f.found) in set_aside)
    ]
    by_row = {row.code: row for row in short}
    for cell in solved.cells:
        if cell.row in lost:
            row = by_row[cell.row]
            out.cells.append(cell._replace(label=row.label, source=row.source))
            out.found = True
    out.findings.extend(f for f in solved.findings if f.row in lost)
    placed = {c.row for c in solved.cells if c.row in lost}
    for row in short:
        if row.code in placed and (glued := _glued_digits(row.label)):
            why = f"'{glued.strip()}' at the end of its label read as its first values, glued to it"
            out.findings.append(row_finding("cell_repaired", why, APPLICATION, row, row.code))


def _weighed(code: str | None, present: set[str | None], template: str) -> bool:
    """Whether a column identity of 三 checks row ``code`` with every other term read: 一 + 二 =
    （七）总计 + 四 for those four, （七）总计 = the result rows for a result row (either for 总计)."""
    order = [c for c, _ in schema.rows(APPLICATION, template)]
    frame = {"new_received", "carried_in", "total", "carried_forward"}
    results = {*order[order.index("granted") : order.index("total")], "total"}
    return any(code in rows and rows <= present for rows in (frame, results))


def _splits_a_value(row: Row) -> bool:
    """Whether a reading of a short row of 三 splits one of its values (the digits its label ends
    in first, :func:`_glued_digits`) where each may be a cell of its own. The run-on solver splits
    runs of digits, so it may read ``2 0 0 2 0 15`` (its first value lost) as 2 | 0 | 0 | 2 | 0 |
    1 | 5, which adds up; a value greater than the row's 总计 is no cell, but digits of several run
    together (pdfplumber's ``165 42 8 181513 261``)."""
    from .runon_split import BLANK, readings

    values = [unicodedata.normalize("NFKC", v).strip() for v in row.values if v.strip()]
    values = [*_glued_digits(row.label).split(), *values]  # the label's digits come first (…不再处理11)
    numbers = [parse_value(v).number for v in values]
    total = numbers[-1] if numbers else None
    if total is not None and any(n is not None and n > total for n in numbers[:-1]):
        return False
    options = readings(" ".join(values), 7, 7) or []
    return any(sum(v is not BLANK for v in option) > len(values) for option in options)


# ---------------------------------------------------------------------------------------------
# 四、政府信息公开行政复议、行政诉讼情况


def _column_positions(rec: Record, columns_of: Matcher) -> list[int] | None:
    """Grid columns of the header cells that name a column (HTML rows only)."""
    if rec.positions is None:
        return None
    return [p for p, cell in zip(rec.positions, rec.labels, strict=False) if columns_of(cell).codes]


def _is_review_header(text: str) -> bool:
    k = key(text)
    if "行政复议" in k and "行政诉讼" in k:
        return True
    return sum(1 for w in _REVIEW_HEADER_WORDS if w in k) >= 2


# What is left of the outcomes' names in any header: PDF text keeps fragments (结果/维持 over two
# lines: 维持纠正结果审结) or one character a line (维 纠 结 审 / 持 正 果 结).
_OUTCOME_HINTS = ("维", "纠", "其他", "尚未", "审")


def _header_zone(records: list[Record]) -> str:
    """The label text above table 四's first values (prose left out; a header line of fifteen
    outcomes is long, but no prose)."""
    zone = []
    for rec in records:
        if any(map(str.strip, rec.values)):
            break
        if not is_prose(rec) or _is_review_header(rec.text):
            zone.append(key(rec.text))
    return "".join(zone)


def _review_heads(records: list[Record]) -> list[str]:
    return [key(r.text) for r in records if _is_review_header(r.text) and not any(map(str.strip, r.values))]


#: 四's outcomes by the keys a row label may have when the table stands on its side.
_OUTCOME_ROWS = {
    "结果维持": 0,
    "维持": 0,
    "结果纠正": 1,
    "纠正": 1,
    "其他结果": 2,
    "尚未审结": 3,
    "总计": 4,
    "合计": 4,
}
#: Where a group's name stands in the header (复议后起诉 names 复议 too, 行政复议 alone does not).
_GROUP_MARKS = {
    "review": "行政复议",
    "litigation_direct": "直接起诉",
    "litigation_after_review": "复议后起诉",
}
_GROUP_LABELS = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 复议后起诉",
}


_NO_BRACKETS = str.maketrans("", "", "（）()［］[]")


def _on_its_side(records: list[Record]) -> list[Record] | None:
    """Table 四 with its five outcomes as rows and its three groups as columns (``结果维持 | 2 | 1 |
    0``, under ``行政复议 | 行政诉讼`` / ``未经复议直接起诉 | 复议后起诉``), turned into its three group
    rows; None for a table that is not such (each outcome once, three values each, and a header
    that names the three groups, whose order it gives)."""
    outcomes: dict[int, list[str]] = {}
    header = []
    for rec in records:
        values = list(rec.values)
        while len(values) > 3 and not values[-1].strip():
            values.pop()
        k = key(rec.text)
        if k in _OUTCOME_ROWS and any(v.strip() for v in values):
            if len(values) != 3 or _OUTCOME_ROWS[k] in outcomes:
                return None
            outcomes[_OUTCOME_ROWS[k]] = values
        elif not outcomes and not any(v.strip() for v in values):
            # brackets kept open: 行政诉讼（未经复议直接起诉） names its group inside them
            header.append(key(rec.text.translate(_NO_BRACKETS)))
        elif any(v.strip() for v in values):
            return None  # a row of another kind: not this layout
    heading = "".join(header)
    where = {g: heading.find(mark) for g, mark in _GROUP_MARKS.items()}
    if len(outcomes) < 4 or -1 in where.values():
        return None
    groups = sorted(where, key=where.__getitem__)
    source = records[0].source
    out = [Record(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], [], source)]
    for i, group in enumerate(groups):
        cells = [outcomes[o][i] if o in outcomes else "" for o in range(5)]
        out.append(Record([_GROUP_LABELS[group]], cells, source))
    return out


def _blank(rec: Record) -> bool:
    return not any(v.strip() for v in rec.values)


def _group_headers(records: list[Record]) -> list[Record]:
    """A group's name with blank cells beside it (``行政复议 | | | | |``: text of a header cell over
    five columns), where a row of values with no label of its own follows under the outcomes'
    names, read as the header line it is, not as the group's row with its values blank (the
    values below were then placed by position, as another group's)."""
    out = []
    for i, rec in enumerate(records):
        named = rec.labels and rec.values and _blank(rec) and any(w in key(rec.text) for w in _GROUP_NAMES)
        if named:
            below = next((r for r in records[i + 1 :] if not (r.labels and _blank(r))), None)
            if below is not None and not below.labels and not _blank(below):
                rec = Record(rec.labels, [], rec.source)
        out.append(rec)
    return out


_GROUP_NAMES = (*_GROUP_MARKS.values(), "行政诉讼")


def _named_by_its_table(row: Row, values: int) -> bool:
    """A row of five values under a header line that is a group's name alone (行政复议 over its own
    table, 四 cut in two): that name is the row's, as a label on its own line would be."""
    if row.own or values != 5 or len(row.match.codes) != 1:
        return False
    k = key(row.label)  # the name once, or copied into each cell it spans (行政复议 行政复议 …)
    return any(k and len(k) % len(t) == 0 and k == t * (len(k) // len(t)) for t in _GROUP_TITLES)


_GROUP_TITLES = (
    "行政复议",
    "行政诉讼未经复议直接起诉",
    "未经复议直接起诉",
    "行政诉讼复议后起诉",
    "复议后起诉",
)


def _two_groups(row: Row) -> list[str] | None:
    """The two groups a row of ten values holds, in the order its label names them: 行政诉讼's
    未经复议直接起诉 and 复议后起诉, where table 四, too wide for its page, was cut into 行政复议's
    table and 行政诉讼's; None for any other row."""
    if len(row.match.codes) != 2:
        return None
    label = key(row.label)
    where = {code: label.find(_GROUP_MARKS[code]) for code in row.match.codes}
    if -1 in where.values():
        return None
    return sorted(where, key=where.__getitem__)


_OUTCOMES_AND_TOTAL = (*OUTCOME_WORDS, "总计")


def _outcome_order(header: str) -> tuple[list[int] | None, Finding | None]:
    """Where each of a group's five columns stands in the template, as 四's header names them
    (None: in the template's order), with the finding; 总计 stays last where the header does not
    name it (or names it in no order the outcomes keep)."""
    moved = header_order(header, _OUTCOMES_AND_TOTAL)
    if moved:
        return moved, columns_reordered(REVIEW, _OUTCOMES_AND_TOTAL, moved)
    moved = header_order(header, OUTCOME_WORDS)  # each group's outcomes, in the header's order
    if moved:
        return [*moved, 4], columns_reordered(REVIEW, OUTCOME_WORDS, moved)
    return None, None


def review_litigation(records: list[Record], template: str, split_at_spaces: bool = False) -> TableResult:
    """Map table 四: one row of 15 values, or three labeled rows of 5 (or five rows of 3, the
    table on its side).  ``split_at_spaces``: see :func:`application_handling`."""
    out = TableResult()
    turned = _on_its_side(records) if len(records) <= 12 else None
    if turned is not None:
        records = turned
        out.findings.append(
            Finding(
                "table_transposed",
                "table 四 has its outcomes as rows and its three groups as columns: read across",
                REVIEW,
            )
        )
    rows_of = matcher(REVIEW, "row")
    order = [c for c, _ in schema.rows(REVIEW, template)]
    columns = [c for c, _ in schema.columns(REVIEW, template)]
    records = _group_headers(records)

    def expected(m: Match) -> int:
        return 5 if m.codes else 15

    heads = _review_heads(records)
    records = _one_cell_header(records, rows_of, _is_review_header)
    if not any("直接起诉" in h and "复议后起诉" in h for h in heads):
        # lines that name two header words each tell more, unless none names the litigation
        # groups (尚未审结 alone on a line): the header read back from its cells then does, where
        # it names the outcomes whole (PDF text's fragments, 结果 / 维持, tell no order)
        joined = _review_heads(records)
        if not heads or (joined and all(w in "".join(joined) for w in OUTCOME_WORDS)):
            heads = joined
    header = " ".join(heads)
    placed, reordered = _outcome_order(header)  # text column k is the template's placed[k]
    holds = row_total_holds if placed is None or placed[-1] == 4 else None  # (总计 last: its sum)
    groups = group_order(heads) or order  # a row of 15 holds the three groups in the header's order
    if groups != order:
        out.findings.append(groups_reordered(groups))
    rows: list[Row] = []
    lines: list[list[Row]] = []  # the groups read from one line of 15 (or 10) values
    for row in assemble(records, rows_of, expected, _is_review_header):
        if split_at_spaces and not row.own and row.match.how != "exact" and _is_review_header(row.label):
            # PDF text: value lines under a header broken over lines take no group from the
            # header's words (复议后起诉 among them); their group is not told, not guessed
            row.match = Match((), "none")
        values = [v for v in row.values]
        trimmed = values
        while len(trimmed) > 15 and not trimmed[-1].strip():
            trimmed = trimmed[:-1]
        pair = _two_groups(row) if len(trimmed) == 10 else None
        if (len(trimmed) == 15 or pair) and not row.match.code:
            lines.append([])
            for i, code in enumerate(pair or groups):
                lines[-1].append(
                    Row(
                        row.label,
                        Match((code,), "exact"),
                        trimmed[5 * i : 5 * i + 5],
                        row.source,
                        True,
                        True,
                        gathered=row.gathered,
                        uncertain=row.uncertain,
                    )
                )
            rows.extend(lines[-1])
        else:
            # 行政复议's own table, after 行政诉讼's: its heading names its row wherever it stands
            if pair is None and not split_at_spaces and _named_by_its_table(row, len(trimmed)):
                row.strong = True
            rows.append(row)
    if not rows:
        return out
    if not heads:
        out.findings.append(
            Finding(
                "columns_by_position",
                "no header found above table 四; values were taken in the template's order "
                "(行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果, 尚未审结, 总计)",
                REVIEW,
            )
        )
    if reordered is not None:
        out.findings.append(reordered)
    elif heads and not any(w in _header_zone(records) for w in _OUTCOME_HINTS):
        out.findings.append(
            Finding(
                "columns_by_position",
                "the header above table 四 names none of its outcome columns; values were taken in the "
                "template's order (结果维持, 结果纠正, 其他结果, 尚未审结, 总计 in each group)",
                REVIEW,
                expected="结果维持, 结果纠正, 其他结果, 尚未审结, 总计",
                found=header[:80],
            )
        )
    rows, fragments = drop_fragments(rows, 5, REVIEW, holds)
    out.findings.extend(fragments)
    if split_at_spaces:
        if holds is not None:
            rows = _drop_unbalanced_gathered(rows, 5, REVIEW, holds, out)
        _interleaved(rows, records, 5, out, REVIEW, zeros_only=False)
        if not heads:  # no header: lines of one value there may be any table's (pdfminer's text)
            why = "its values come from lines of their own in PDF text, under no header of table 四"
            for row in rows:
                if row.gathered and not row.uncertain:
                    _set_uncertain(row, REVIEW, why, out)
        _line_set_aside(lines, out)
    out.findings.extend(
        assign(rows, order, REVIEW, lambda r: fit(r.values, 5, holds)[0] is not None, template)
    )
    for row in rows:
        if row.code is None or row.uncertain:
            continue
        cells, repair = fit(row.values, 5, holds)
        if cells is None:
            out.findings.append(length_mismatch(REVIEW, row, 5, columns))
            continue
        if repair:
            out.findings.append(Finding("cell_repaired", repair, REVIEW, row.code, source=row.source))
        if placed:
            cells = [cells[placed.index(t)] for t in range(5)]
        make_cells(REVIEW, row, columns, cells, out)
    if out.found:
        complete(REVIEW, template, out)
    return out


def _line_set_aside(lines: list[list[Row]], out: TableResult) -> None:
    """A line of 15 values one of whose groups was set aside (it does not add up: ``21 0 1 4 1``
    of 2 | 1 | 0 | 1 | 4, two values glued): the line's cells are not where they seem, and the
    groups after it, shifted, may add up by chance (``0 1 0 1`` of 0 | 0 | 1 | 0 | 1, its 总计
    blank).  Every group of the line is NA, said."""
    for groups in lines:
        aside = next((g for g in groups if g.uncertain), None)
        if aside is None:
            continue
        for group in groups:
            if not group.uncertain:
                why = (
                    f"its values share one line with {aside.match.code}'s, which were set aside: the "
                    "line's values may not stand in the columns they seem to"
                )
                _set_uncertain(group, REVIEW, why, out)


# ---------------------------------------------------------------------------------------------
# 二、主动公开政府信息情况


def _header_runs(records: list[Record], rows_of: Matcher, columns_of: Matcher) -> list[Record]:
    """A header that came one cell a line, read back as one header line.

    A run of one-cell lines with no values and no row label, one of them naming a column, becomes
    one record of those cells; a word broken over two lines (``本年新`` / ``制作数量``) is joined
    where the two name a column together.  Other runs stay as they are.
    """

    def fragment(rec: Record) -> bool:
        return (
            len(rec.labels) == 1
            and len(rec.labels[0]) <= 20
            and not any(map(str.strip, rec.values))
            and not key(rec.labels[0]).startswith("第二十条")
            and not rows_of(rec.labels[0]).codes
        )

    def header(cells: list[str]) -> list[str] | None:
        cells = _join_broken_words(cells, columns_of)
        return cells if any(columns_of.scan(c) for c in cells) else None

    return _join_runs(_rejoin_line_breaks(records, rows_of, columns_of), fragment, header)


def _rejoin_line_breaks(records: list[Record], rows_of: Matcher, columns_of: Matcher) -> list[Record]:
    """A header line whose cells held line breaks, written over several lines (html2text writes
    ``本年新<br>制作数量`` so: ``信息内容| 本年新`` / ``制作数量| 本年新`` / ``公开数量| 对外公开总数量``),
    read back as one line: each line's first cell continues the last cell of the line before,
    where that names more columns than the two lines do apart."""

    def named(cells: list[str]) -> int:
        return sum(len(columns_of.scan(c)) for c in cells)

    def label_only(rec: Record) -> bool:
        return (
            not any(map(str.strip, rec.values))
            and not key(rec.text).startswith("第二十条")
            and not rows_of(rec.labels[-1]).codes
        )

    out: list[Record] = []
    for rec in records:
        last = out[-1] if out else None
        if last is not None and len(last.labels) > 1 and rec.labels and label_only(last) and label_only(rec):
            joined = [*last.labels[:-1], last.labels[-1] + rec.labels[0], *rec.labels[1:]]
            if named(joined) > named(last.labels) + named(rec.labels):
                out[-1] = Record(joined, list(rec.values), last.source)
                continue
        out.append(rec)
    return out


def _one_value_rows_paired(records: list[Record], rows_of: Matcher, template: str) -> list[Record]:
    """Table 二 of plain pdftotext text writes a small table's one-value rows as a label and a
    value on lines of their own, the value before its label or after it (``3`` / ``行政许可``;
    ``2`` / ``行政处罚`` / ``0`` / ``行政强制``). Where a small table's rows (after its header, to
    the next 第二十条) alternate so, label and value strictly in turn, as many of each, every label
    naming a one-value row, each label is given the value beside it on the side the table starts
    with: rows come in order, so the first value is the first row's."""
    out: list[Record] = []
    body: list[Record] = []  # the trailing records of the current small table that may pair

    def flush() -> None:
        out.extend(_paired(body) or body)
        body.clear()

    for rec in records:
        filled = [v for v in rec.values if v.strip()]
        names_one_value_row = rec.labels and not filled and _one_value_row(rows_of(rec.text).code, template)
        if names_one_value_row or (not rec.labels and len(filled) == 1):
            body.append(rec)
        else:
            flush()
            out.append(rec)
    flush()
    return out


def _one_value_row(code: str | None, template: str) -> bool:
    return code is not None and row_width(ACTIVE, template, code) == 1


def _paired(body: list[Record]) -> list[Record] | None:
    """Labels and values in strict turn, as many of each: each label with the value beside it."""
    if len(body) < 2 or len(body) % 2:
        return None
    first_is_label = bool(body[0].labels)
    if any(bool(rec.labels) != (first_is_label == (n % 2 == 0)) for n, rec in enumerate(body)):
        return None
    labels, values = (body[0::2], body[1::2]) if first_is_label else (body[1::2], body[0::2])
    return [
        Record(label.labels, [v for v in value.values if v.strip()], label.source)
        for label, value in zip(labels, values, strict=True)
    ]


def _join_broken_words(cells: list[str], columns_of: Matcher) -> list[str]:
    """Adjacent cells that name a column only together (``本年新`` + ``制作数量``) joined."""
    out: list[str] = []
    for cell in cells:
        if out and not columns_of.scan(out[-1]):
            both = columns_of.scan(out[-1] + cell)
            if both and both != columns_of.scan(cell):
                out[-1] += cell
                continue
        out.append(cell)
    return out


def _header_columns(rec: Record, columns_of: Matcher) -> list[str | None]:
    """The columns a header line names, in order; ``None`` for a header cell naming none
    (``本年新`` left of a lost second line).  The corner cell (信息内容) is not a column, nor is
    what comes before it (the rest of an article line broken over lines: ``六`` / ``）项``). A
    header that is one line of text (tab or whitespace text: ``信息内容 本年新 本年新 对外公开总数量``)
    is its words, a word broken in two joined, as its pipe text's cells would be: an unread cell
    keeps its place."""
    cells = [c for c in rec.labels if c.strip()]
    if len(cells) == 1 and " " in cells[0]:
        cells = _join_broken_words(cells[0].split(), columns_of)
    corner = [i for i, c in enumerate(cells) if key(c) == "信息内容"]
    if corner:
        cells = cells[corner[0] + 1 :]
    elif len(cells) > 1 and not columns_of.scan(cells[0]):
        cells = cells[1:]
    out: list[str | None] = []
    for cell in cells:
        named = columns_of.scan(cell)
        out.extend(named or [None])
        if named and any(
            len(p) >= 3 and any(w in p for w in _COLUMN_WORDS) for p in columns_of.unscanned(cell)
        ):
            out.append(None)  # words of a column no alias matched (a typo: 现行效件数) beside those named
    return out


#: Words every column name of 二 ends in (件数, 数量, 金额), and 本年增/减's: what is left of a header
#: cell once its columns are found, holding one, names another column the cell's words did not match.
_COLUMN_WORDS = ("数", "量", "额", "增", "减")


def _span_copies_dropped(values: list[str], n: int, gaps: int) -> list[str] | None:
    """A row's ``n`` filled cells when it has as many empty cells beyond its ``n`` columns as its
    header has ``gaps`` between its named cells: what merged cells leave in text whose spans differ
    between header and row (``信息内容 | 本年新制作数量 | 本年新公开数量 | | 对外公开总数量`` over
    ``规章 | 1 | | 1 | 4``), else None."""
    values = trim_padding(values, n)
    filled = [v for v in values if v.strip()]
    return filled if len(filled) == n and len(values) - n == gaps else None


def active_disclosure(records: list[Record], template: str, split_at_spaces: bool = False) -> TableResult:
    """Map table 二: small tables, each with its own header row (信息内容 | columns…).
    ``split_at_spaces``: see :func:`application_handling`."""
    out = TableResult()
    rows_of = matcher(ACTIVE, "row")
    columns_of = matcher(ACTIVE, "column")
    units = {"fee_amount": "万元"}
    if split_at_spaces:
        records = _one_value_rows_paired(records, rows_of, template)
    # Split into the small tables: each starts at 第二十条… or at a header naming its columns.
    segments: list[tuple[list[str | None] | None, list[Record]]] = [(None, [])]  # (header, rows)
    header_open = False
    header_at: list[int] | None = None
    fee_unit: dict[int, str] = {}  # segment -> the unit its header states for 本年收费金额
    header_gaps: dict[int, int] = {}  # segment -> empty cells inside its header line (merged cells)
    for rec in _header_runs(records, rows_of, columns_of):
        text = rec.text
        has_values = any(map(str.strip, rec.values))
        if not has_values and text and len(text) <= 200:
            if key(text).startswith("第二十条"):
                segments.append((None, []))
                header_open = False
                header_at = None
                continue
            found = _header_columns(rec, columns_of) if columns_of.scan(text) else []
            if found and not rows_of(rec.labels[-1]).codes:
                head = segments[-1][0] if header_open and not segments[-1][1] else None
                if any(any(map(str.strip, r.values)) for r in segments[-1][1]):
                    segments.append((None, []))  # a header with no 第二十条 line above starts a table
                segments[-1] = ((head or []) + found, [])  # a header may come one cell per line
                header_open = True
                header_at = _column_positions(rec, columns_of)
                header_gaps[len(segments) - 1] = rec.inner_gaps
                stated = STATED_UNIT.search(unicodedata.normalize("NFKC", text))
                if "fee_amount" in found and stated and stated[1] not in ("万元", "萬元"):
                    fee_unit[len(segments) - 1] = stated[1]
                continue
        header_open = False
        segments[-1][1].append(rec)
        if has_values and header_at and rec.value_positions is not None:
            at = [p for p, v in zip(rec.value_positions, rec.values, strict=True) if v.strip()]
            if at and at != header_at[: len(at)]:
                out.findings.append(
                    Finding(
                        "spans_disagree",
                        f"row '{text}': its value cells start at grid columns {at}, the header's at "
                        f"{header_at}; values were taken in the order of the cells",
                        ACTIVE,
                        rows_of(rec.labels[-1]).code if rec.labels else None,
                        found=" | ".join(rec.values),
                        source=rec.source,
                    )
                )
    rows: list[tuple[Row, list[str | None] | None, dict[str, str] | None, int]] = []
    for n, (head, recs) in enumerate(segments):

        def expected(m: Match, head: list[str | None] | None = head) -> int:
            if head:
                return len(head)
            return max((len(schema.columns(ACTIVE, template, c)) for c in m.codes), default=3)

        stated = {"fee_amount": fee_unit[n]} if n in fee_unit else None
        gaps = header_gaps.get(n, 0)
        rows.extend((row, head, stated, gaps) for row in assemble(recs, rows_of, expected, lambda t: False))
    if split_at_spaces:  # PDF text: a label line with part of its values, the rest on lines after
        # it, in reading order, not cell order; or values before the first row label: every row's
        # values may be the row's before or after
        before = _values_before_labels(records, rows_of)
        mixed = [r for r, *_ in rows if r.gathered and (r.own or before)]
        where = "lists values before their labels" if before else "has part on the label's line"
        for row in mixed:
            why = (
                f"its values come from lines of their own in PDF text that {where}: their order is the lines'"
            )
            out.findings.append(_uncertain(row, ACTIVE, why))
        rows = [item for item in rows if not (item[0].gathered and (item[0].own or before))]
        plain = [r for r, *_ in rows]
        _two_labels_then_values(plain, out, ACTIVE)
        rows = [item for item in rows if not item[0].uncertain]  # 二 has no place to keep
    else:
        before = False
    if not rows:
        return out
    order = [c for c, _ in schema.rows(ACTIVE, template)]
    strays = _overflowed([r for r, *_ in rows], out)
    rows = [item for item in rows if id(item[0]) not in strays]
    out.findings.extend(assign([r for r, *_ in rows], order, ACTIVE, template=template))
    reordered: set[tuple[str, ...]] = set()
    for row, head, stated, gaps in rows:
        if row.code is None or row.uncertain:
            continue
        expected = [c for c, _ in schema.columns(ACTIVE, template, row.code)]
        columns = _active_columns(head, expected)
        if columns == []:
            out.findings.append(
                row_finding(
                    "columns_unreadable",
                    f"the header above names {', '.join(c or '(unread)' for c in head or ())}: its named "
                    "columns out of the template's order beside a cell naming none, so where each value "
                    "stands is not known: NA",
                    ACTIVE,
                    row,
                    row.code,
                )
            )
            continue
        named = tuple(columns or ())
        if named and named not in reordered and list(named) != [c for c in expected if c in named]:
            reordered.add(named)  # said once a header
            out.findings.append(
                Finding(
                    "columns_reordered",
                    "the header orders the columns differently from the template; values follow the header",
                    ACTIVE,
                    expected=", ".join(expected),
                    found=", ".join(named),
                )
            )
        if before and columns is not None and len(columns) < len(expected):
            why = (
                f"its header names {len(columns)} of its {len(expected)} columns in PDF text that lists "
                "values before their labels (the header's words and the values interleaved)"
            )
            out.findings.append(_uncertain(row, ACTIVE, why))
            continue
        width = len(columns or expected)
        values = row.values
        remarks = head[width:] if head and columns and len(values) > width else [None]
        if remarks and not any(remarks) and not any(is_number_text(v) for v in values[width:]):
            values = values[:width]  # under header cells naming no column (备注): a remark, no number
        cells, _ = fit(values, width, None)
        if cells is None and gaps and (cells := _span_copies_dropped(row.values, width, gaps)) is not None:
            out.findings.append(
                row_finding(
                    "spans_disagree",
                    f"row '{row.label}' has {len(row.values) - width} empty cells beyond its {width} "
                    "columns, as a merged cell of its own or of the header leaves them (spans that "
                    "differ between header and row): values were taken in the order of the cells",
                    ACTIVE,
                    row,
                    row.code,
                )
            )
        if columns is None:
            if cells is None:
                out.findings.append(length_mismatch(ACTIVE, row, len(expected), expected, template))
                continue
            columns = expected
            named_head = ", ".join(c or "(unread)" for c in head or ())
            out.findings.append(
                Finding(
                    "columns_by_position",
                    f"no header for row {schema.row_label(ACTIVE, row.code, template)}"
                    + (f" (the header above names {named_head})" if head else "")
                    + f"; values taken in the template's order ({', '.join(expected)})",
                    ACTIVE,
                    row.code,
                    source=row.source,
                )
            )
        elif cells is None:
            out.findings.append(length_mismatch(ACTIVE, row, len(columns), columns, template))
            continue
        if split_at_spaces and row.gathered and _fraction_in_a_count(cells, columns):
            why = (
                "its values come from lines of their own in PDF text, and a count column would hold a "
                "fraction (政府集中采购 118.7 / 6: the amount before the count)"
            )
            out.findings.append(_uncertain(row, ACTIVE, why))
            continue
        make_cells(ACTIVE, row, columns, cells, out, units, stated)
    if out.found:
        complete(ACTIVE, template, out)
    return out


def _overflowed(rows: list[Row], out: TableResult) -> set[int]:
    """Rows of 二 whose values came a line each and did not end where the row did: lines of values
    after a full row that no row could take (a page number among them, 行政许可 / 5 / 2417). 二 has
    no sums to tell the row's values from the stray one, so the row is left NA, and the stray
    lines (returned, by id) are no row's: taken by position, they would be the next row's when
    its own cell is blank (行政规范性文件 / 5 / 2 / 0 / 11 / 行政许可 / 行政处罚 read 行政许可 11)."""
    why = "its values come a line each, and more value lines follow it than its columns take"
    strays: set[int] = set()
    for before, row in itertools.pairwise(rows):
        if row.match.code is not None or row.label or not (row.gathered and before.gathered):
            continue
        if id(before) in strays:
            strays.add(id(row))  # more stray lines
        elif before.match.codes:
            if not before.uncertain:
                _set_uncertain(before, ACTIVE, why, out)
            strays.add(id(row))
    for row in rows:
        if id(row) in strays:
            out.findings.append(
                row_finding(
                    "unmapped_values",
                    "values on lines of their own after a full row of values a line each: no row's",
                    ACTIVE,
                    row,
                )
            )
    return strays


def _active_columns(head: list[str | None] | None, expected: list[str]) -> list[str] | None:
    """The columns a row of 二 takes from the header above it: those it names, where it names only
    the row's columns, or all of them and after them cells naming none (备注, a column the template
    has not); [] where those it names, the row's, are out of the template's order beside a cell
    it cannot read; else None (the template's order)."""
    if not head:
        return None
    named = [c for c in head if c]
    if set(head) <= set(expected):
        return named
    if sorted(named) == sorted(expected) and head[: len(named)] == named:
        return named  # 信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 | 备注
    if set(named) <= set(expected) and named != [c for c in expected if c in named]:
        return []
    return None  # (a header naming other columns: another table's, the row read as before)


def _fraction_in_a_count(cells: list[str], columns: Sequence[str]) -> bool:
    """Whether a column that counts (all of 二's but its amounts) would take a number with a
    fraction: values in another order than the columns'."""
    for cell, column in zip(cells, columns, strict=False):
        number = parse_value(cell).number
        if column not in AMOUNTS and isinstance(number, float) and not number.is_integer():
            return True
    return False
