"""Table 三 (收到和处理政府信息公开申请情况) from its records: applicant columns by the header, rows by
their labels, the repairs its identities allow."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from .. import schema
from ..column_order import (
    APPLICANT_FRAME,
    applicant_order,
    applicants_reordered,
)
from ..findings import Finding
from ..labels import Matcher, key, matcher
from ..layout import columns_of_full_rows, fields_counted_from_labels, is_tab_fields, label_clear_of, place
from ..mapping import (
    Record,
    Row,
    TableResult,
    assemble,
    assign,
    complete,
    drop_fragments,
    fit,
    is_prose,
    length_mismatch,
    make_cells,
    may_add_up,
    row_finding,
    row_total_holds,
    stray_value,
)
from ..reading_order import read_in_order
from ..values import is_number_text, parse_value
from .common import (
    APPLICATION,
    drop_unbalanced_gathered,
    gathered_set_aside,
    interleaved,
    one_cell_header,
    set_uncertain,
    two_labels_then_values,
    uncertain,
)


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
        codes = _named_once(codes, template)
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
        elif "legal_person" in codes and subs and codes.index("legal_person") > subs[-1]:
            # the organisations' line read before the group's (商业企业 … 其他 / 自然人 / 法人或其他组织
            # / 总计): they stand under the group, where it stands, not before 自然人
            rows += [codes[subs[-1] + 1 :], codes[: subs[-1] + 1]]
        else:
            rows.append(codes)
    order = _order_named(rows, template)
    if order is None:
        # header cells broken over two lines (商业 | 科研 … / 企业 | 机构 …): the upper line's parts
        # (words of a cell that joined a line's: 科研 其他 法律 社会 商业)
        order = _order_named(rows + [_framed(codes, template) for codes in _named_by_parts(zone)], template)
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


def _fewer_columns(header: Sequence[Record], rows: Sequence[Row]) -> tuple[list[str] | None, Finding] | None:
    """Table 三 of fewer columns than the template's: its header names four to six of the applicant
    columns (each once) and no row holds more values than it names (a column left out: 总计, 其他).
    Taken in the template's order, each value after the missing column's would go a column on. The
    columns the header names, in its order (one line naming them all, or the group's line with the
    organisations' under it), and a finding; None for the columns where the header's lines tell no
    order (the table NA). None where a row holds more values (a name lost or unreadable)."""
    widths = [sum(1 for v in row.values if v.strip()) for row in rows]
    if not widths or not 4 <= max(widths) < 7:
        return None  # (the usual table: a row of seven values)
    template = [c for c, _ in schema.columns(APPLICATION, "2021")]
    lines = [[c for cell in rec.labels for c in _cell_codes(cell)] for rec in header]
    named = {c for line in lines for c in line if c in template}
    if not 4 <= len(named) < len(template) or max(widths) != len(named):
        return None
    order = next((line for line in lines if sorted(line) == sorted(named)), None)
    tops = [line for line in lines if line.count("legal_person") == 1]
    subs = [  # the organisations' line, under the group's
        orgs
        for line in lines
        if (orgs := [c for c in line if c in template[1:6]]) and not {"legal_person", template[0]} & set(line)
    ]
    if order is None and len(tops) == 1 and len(subs) == 1:
        order = [x for c in tops[0] for x in (subs[0] if c == "legal_person" else [c])]
    if order is not None and sorted(order) != sorted(named):
        order = None
    missing = [schema.column_label(APPLICATION, c) for c in template if c not in named]
    said = "values follow the header, its cells NA" if order else "where each value stands is not read: NA"
    return order, Finding(
        "columns_missing",
        f"the header names {len(named)} of the seven applicant columns, not {', '.join(missing)}, and no "
        f"row holds more values: the table has fewer columns than the template; {said}",
        APPLICATION,
        expected=", ".join(template),
        found=", ".join(order or [c for c in template if c in named]),
    )


def _cell_codes(cell: str) -> list[str]:
    """The applicant columns (or the group 法人或其他组织) a header cell names: one, or one a word
    (a line of PDF or tab text joined into one cell)."""
    columns_of, groups_of = matcher(APPLICATION, "column"), matcher(APPLICATION, "group")

    def code_of(text: str) -> str | None:
        code = columns_of(text).code
        return "legal_person" if code is None and groups_of(text).code == "legal_person" else code

    whole = code_of(cell)
    if whole is not None:
        return [whole]
    words = [code_of(w) for w in cell.split()]
    return [w for w in words if w] if len(words) > 1 and all(words) else []


def _total_last_adds_up(rows: list[Row], at: int) -> bool:
    """Whether table 三's rows add up with 总计 last (the template's place), and not with 总计 at
    ``at`` (where a header put it), in most rows that state all seven values."""
    last = there = stated = 0
    for row in rows:
        values = fit(row.values, 7, None)[0]  # (pipe text pads rows with empty cells)
        if values is None:
            continue
        numbers = [parse_value(v).number for v in values]
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


def _named_once(codes: list[str | None], template: list[str]) -> list[str | None]:
    """A header line's column codes, the first naming of the seven only where the header is given
    again after it, the same (a page's header repeated under 续表, one cell a line: 自然人 / 法人或
    其他组织 / 总计 / 商业企业 … twice, which read as one line named 总计 second)."""
    seen: set[str] = set()
    for i, code in enumerate(codes):
        if code is not None and code != "legal_person" and code in seen and seen >= set(template):
            first, again = [c for c in codes[:i] if c], [c for c in codes[i:] if c]
            return codes[:i] if again == first[-len(again) :] or again == first[: len(again)] else codes
        if code is not None:
            seen.add(code)
    return codes


def _order_named(rows: list[list[str | None]], template: list[str]) -> list[str] | None:
    """The seven applicant columns in the order header lines of column codes name them: one line
    naming all seven, or the group's line (自然人 | 法人或其他组织 | 总计) with the organisations'."""
    for codes in rows:
        known = list(dict.fromkeys(c for c in codes if c and c != "legal_person"))
        if sorted(known) == sorted(template) and len(known) == 7:
            return known
    tops = [c for c in rows if "legal_person" in c]
    subs = [c for c in rows if sum(1 for x in c if x in template[1:6]) >= 4]
    if tops and subs:
        sub = [x for x in subs[0] if x in template[1:6]]
        composed: list[str] = []
        for x in dict.fromkeys(tops[0]):  # (the group's name copied into each column it spans, once)
            if x == "legal_person":
                composed.extend(sub)
            elif x is not None:
                composed.append(x)
        if sorted(composed) == sorted(template) and len(composed) == 7:
            return composed
    return None


#: 三's columns by their own names (the schema's labels without the group's: 商业企业 of 法人或其他组织
#: 商业企业), the same in both templates.
_COLUMN_NAMES = {label.split()[-1]: code for code, label in schema.columns(APPLICATION, "2021")}


def _by_prefix(cell: str) -> str | None:
    """The column a header cell names by the first part of its name (a name broken over two lines,
    商业 / 企业, 社会公益 / 组织): two characters or more that begin exactly one column's name."""
    text = key(cell)
    named = [code for name, code in _COLUMN_NAMES.items() if len(text) >= 2 and name.startswith(text)]
    return named[0] if len(named) == 1 else None


def _named_by_parts(zone: Sequence[Record]) -> list[list[str | None]]:
    """Codes of header lines that name columns by their names' first parts: a row whose cells hold
    no later part of a name (机构, 公益, 组织: the other line's), or a cell of four such words (a
    line joined into one cell).  Lines of PDF text, a part a line, come in no order: a row of
    them holds later parts too."""
    out: list[list[str | None]] = []
    for rec in zone:
        words = [w for cell in rec.labels for w in cell.split()]
        if not any(map(_later_part, words)):
            out.append([_by_prefix(w) for w in words])
            continue
        for cell in rec.labels:
            words = cell.split()
            if len(words) >= 4 and all(map(_by_prefix, words)):
                out.append([_by_prefix(w) for w in words])
    return out


def _framed(codes: list[str | None], template: list[str]) -> list[str | None]:
    """A line's codes read from the first parts of names: all seven where they name each once in
    the template's frame (自然人 first, 总计 last), else the organisations alone, to go under the
    group's line (a header read a cell a line into one row names 总计 before them)."""
    known = [c for c in codes if c]
    if len(known) == len(set(known)) == 7 and known[0] == template[0] and known[-1] == template[-1]:
        return codes
    return [code for code in codes if code in template[1:6]]


def _later_part(word: str) -> bool:
    """Whether a word is a part of a column's name other than its first (企业 of 商业企业)."""
    text = key(word)
    return bool(text) and any(text in name and not name.startswith(text) for name in _COLUMN_NAMES)


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
    records = one_cell_header(records, rows_of, _is_applicant_header)
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
    if named is not None and (fewer := _fewer_columns(header, rows)):
        named, note = fewer
    template_columns = [c for c, _ in schema.columns(APPLICATION, "2021")]
    unread = named is None  # the header names the columns in no order that can be read: NA
    columns = template_columns if named is None else named
    # PDF text whose header names the columns in the template's order: a table left short of
    # cells may be read in reading order
    in_order = split_at_spaces and named == template_columns
    if split_at_spaces:
        rows = _drop_rows_out_of_order(rows, records[first_data:], 7, out)
        two_labels_then_values(rows, out)
        interleaved(rows, records[first_data:], 7, out)
    else:
        _after_a_group_line_of_values(rows, out)
        if _values_first(records[first_data:]):  # camelot's CSV of a PDF table whose rules it missed
            why = "its values come from lines of their own in a table that lists values before their labels"
            gathered_set_aside(rows, APPLICATION, why, out)
    if not rows:
        return _or_in_reading_order(out, records[first_data:], template, rows_of, note) if in_order else out
    if (
        not unread
        and "total" in columns
        and columns[-1] != "total"
        and _total_last_adds_up(rows, columns.index("total"))
    ):
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
    n = len(columns)  # (fewer than seven where the table has fewer: _fewer_columns)
    total_last = columns[-1] == "total" and n == 7  # (a row of fewer adds up to no total)
    check = row_total_holds if total_last else None
    if split_at_spaces and total_last:
        _lay_out_short_rows(rows, 7, APPLICATION, out)
    assembled = rows
    rows, fragments = drop_fragments(rows, n, APPLICATION, check)
    out.findings.extend(fragments)
    rows = _common_words_set_aside(rows, template, out)
    if split_at_spaces and check is not None:
        one_a_line = all(len(r.values) <= 1 for r in records[first_data:])  # (pdfminer's: a cell a block)
        rows = drop_unbalanced_gathered(rows, 7, APPLICATION, check, out, by_most=one_a_line)
    if total_last:
        _a_line_a_stray_number(rows, out)
    out.findings.extend(
        assign(rows, order, APPLICATION, lambda r: fit(r.values, n, check)[0] is not None, template)
    )
    short: list[Row] = []  # rows with fewer values than columns: blank cells lost one cell a line
    kept = {id(row) for row in rows}
    if len(kept) < len(assembled):
        taken = {row.code for row in rows}
        for row in assembled:  # set aside for want of values, under a label of their own
            code = row.match.code
            if id(row) not in kept and code is not None and code not in taken and _values(row) < n:
                row.code = code
                taken.add(code)
                short.append(row)
    ruled = total_last and _rules_read_as_ones(rows, n)
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
        cells, repair = fit(row.values, n, check)
        if cells is None:
            if _values(row) < n:
                short.append(row)
            out.findings.append(length_mismatch(APPLICATION, row, n, columns))
            continue
        why = None  # (said after the row's label)
        if total_last and not cells[-1].strip() and _two_values_run_together(cells):
            why = (
                ": its 总计 is blank and its last number the sum of the others with one of them cut in two "
                "(two cells' values run together, the total a cell to the left); its values are left NA "
                "rather than guessed"
            )
        elif ruled and _a_rule_in_a_blank_s_place(cells):
            why = (
                " does not add up, but would with one of its 1s left out and a blank cell where it is not "
                "known: other rows of the table hold 1s that are no cells (OCR's reading of the table's "
                "rules), so its values are left NA"
            )
        if why is not None:
            why = f"row {schema.row_label(APPLICATION, row.code, template)}{why}"
            out.findings.append(row_finding("row_length_mismatch", why, APPLICATION, row, row.code))
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


#: A label that is a group of 三's results alone, or its head: ``（三）不`` of （三）不予公开.
_GROUP_ONLY = re.compile(r"[(（]\s*[三四五六]\s*[)）]\s*(.{0,4})")
_GROUPS = ("不予公开", "无法提供", "不予处理", "其他处理")


def _a_line_a_stray_number(rows: list[Row], out: TableResult) -> None:
    """Rows of seven values that may hold a number that is no cell (:func:`~.mapping.stray_value`: a
    page number at a page break, filling a row that lost a blank cell: ``1.属于国家秘密`` / ``0`` /
    ``1`` / ``4`` / ``1`` / ``0`` / ``6`` / ``7``, read 0 | 1 | 4 | 1 | 0 | 6 | 7). Which it is, the
    text does not tell: NA, said."""
    for row in rows:
        if len(row.values) != 7 or row.uncertain or (stray := stray_value(row)) is None:
            continue
        why = (
            f"its value {row.values[stray].strip()} stands alone on a line, and the others may add up "
            "without it: it may be a number that is no cell (a page number) in a row that lost a blank cell"
        )
        set_uncertain(row, APPLICATION, why, out)


def _after_a_group_line_of_values(rows: list[Row], out: TableResult) -> None:
    """A table's rows (pipe text, Markdown, CSV) where a group's label alone holds a row of values
    after a row with values, and a row its own line names comes next (``| （三）不 | 1 | 0 | … | 1 |``
    / ``| 1.属于国家秘密 | 2 | 0 | … |``: camelot's Markdown of a PDF table, the values a line above
    their labels): that row's values may be the next row's. NA, said. (After a row left blank, the
    group's line holds that row's values: ``2.其他法律行政法规,,,,`` / ``（三）不予公开,,1,2,…``.)"""
    for before, row, after in zip(rows, rows[1:], rows[2:], strict=False):
        group = _GROUP_ONLY.fullmatch(row.label.replace(" ", ""))
        if (
            group is None
            or not row.own
            or row.match.codes
            or not any(map(is_number_text, before.values))  # (a label's row left blank: these its values)
            or not any(name.startswith(group.group(1)) for name in _GROUPS)
            or sum(1 for v in row.values if v.strip()) < 7
            or not after.strong
            or after.uncertain
        ):
            continue
        why = (
            f"its line comes after the line of group '{row.label}', which holds a row of values: the "
            "values may stand a line above their labels, these the next row's"
        )
        set_uncertain(after, APPLICATION, why, out)


#: The groups of 三's results with items of their own: a sum under one of them is the group's.
_ITEM_GROUPS = frozenset({"withheld", "unavailable", "not_processed", "other"})
#: Rows a word that other rows may bear names (合计, 总计; 其他), each with its group and the item
#: number the template gives it: （七）总计, （六）其他处理 3.其他.
_COMMON_WORDS: dict[str, tuple[str | None, re.Pattern[str]]] = {
    "total": (None, re.compile(r"[(（]\s*七\s*[)）]")),
    "other.other": ("other", re.compile(r"(?<![\d.])3\s*[.、．]")),
}


def _common_words_set_aside(rows: list[Row], template: str, out: TableResult) -> list[Row]:
    """``rows`` without those named 总计 or 3.其他 by a word alone (``合计``, ``总计``, ``其他``: no
    item number of the template's) that stand where the template does not put that row: under
    another group of the results (``（三）不予公开 | 合计``, ``（五）不予处理 | 其他``), or before a row
    the template puts before it, or that row itself (pipe text's ``合计`` or ``其他`` after 8.属于行政
    查询事项, the group's cell on its first row only): a group's sum, or an item a report added.
    Read as the template's row, it took that row's place (the first of two is kept) or left it NA.
    Such a row is unmapped_row, its values unused."""
    order = {code: i for i, (code, _) in enumerate(schema.rows(APPLICATION, template))}
    groups_of = matcher(APPLICATION, "group")
    kept: list[Row] = []
    for i, row in enumerate(rows):
        code = row.match.code
        if code in _COMMON_WORDS and code in order:
            group, number = _COMMON_WORDS[code]
            if not number.search(row.label) and (
                (_ITEM_GROUPS - {group}).intersection(groups_of.scan(row.label))
                or any(
                    r.strong and order.get(r.match.code or "", len(order)) <= order[code]
                    for r in rows[i + 1 :]
                )
            ):
                why = (
                    f"names no row where it stands (not the template's {schema.row_label(APPLICATION, code)})"
                )
                out.findings.append(
                    row_finding(
                        "unmapped_row", f"row '{row.label}' {why}: its values are unused", APPLICATION, row
                    )
                )
                continue
        kept.append(row)
    return kept


def _rules_read_as_ones(rows: list[Row], n: int) -> bool:
    """Whether a row of text split at spaces holds more values than the ``n`` columns and adds up only
    with as many of its 1s left out: OCR read the table's rules as 1 (``（二）部分公開… 1 25 17 1 4 2 5
    1 54``)."""
    for row in rows:
        extra = len(row.values) - n
        if not 0 < extra <= 3:  # (most rows: as many values as columns)
            continue
        ones = [i for i, v in enumerate(row.values) if v.strip() == "1"]
        if extra <= len(ones):
            for out in itertools.combinations(ones, extra):
                kept = [parse_value(v) for i, v in enumerate(row.values) if i not in out]
                if row_total_holds(kept):
                    return True
    return False


def _a_rule_in_a_blank_s_place(cells: list[str]) -> bool:
    """Whether a row that fills its columns, text split at spaces, does not add up but would with a
    1 left out and a blank cell anywhere (``5 1 3 0 1 0 9`` for 5 3 0 _ 1 0 9: a rule read as 1 where
    the blank cell was lost)."""
    values = [parse_value(c) for c in cells]
    if row_total_holds(values) or any(v.number is None for v in values):
        return False
    numbers = [v.number for v in values]
    return any(numbers[i] == 1 and sum(numbers[:-1]) - 1 == numbers[-1] for i in range(len(numbers) - 1)) or (
        numbers[-1] == 1 and sum(numbers[:-2]) == numbers[-2]
    )


def _two_values_run_together(cells: list[str]) -> bool:
    """Whether a row's last number is the sum of the others once one of them is cut in two, its 总计
    cell blank (PyMuPDF's cells of a PDF table: ``59 | 22 | 4 | 4 | 116 | 106 |``, 11 and 6 run
    together and 106 the 总计, a cell to the left)."""
    numbers = [parse_value(c).number for c in cells[:-1]]
    if None in numbers or not all(isinstance(n, int) for n in numbers):
        return False
    *parts, total = numbers
    whole = sum(parts)  # type: ignore[arg-type]
    for cell, n in zip(cells, parts, strict=False):
        digits = unicodedata.normalize("NFKC", cell).strip()
        for k in range(1, len(digits)):
            if (digits[k] != "0" or k == len(digits) - 1) and whole - n + int(digits[:k]) + int(
                digits[k:]
            ) == total:
                return True
    return False


def _values(row: Row) -> int:
    return sum(1 for v in row.values if v.strip())


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
        out.findings.append(uncertain(row, APPLICATION, why))
    return kept


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
        if not label_clear_of(row.label_end, places):
            continue
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


def _values_first(records: list[Record]) -> bool:
    """Whether a table a value a line opens with values alone, before any row's label (camelot's CSV
    of a PDF table whose rules it missed, the body in one quoted cell: ``"68`` / ``16`` / … /
    ``一、本年新收…`` / ``12`` / …): values may come before their labels, so values gathered after a
    label may be the next row's, adding up all the same."""
    return bool(records) and not records[0].labels and _one_value_a_line(records)


def _one_value_a_line(records: list[Record]) -> bool:
    """Whether the table came one value a line (or a block a cell), not a row a line."""
    return sum(len(r.values) == 1 for r in records) > sum(len(r.values) > 1 for r in records)


_TRAILING_DIGITS = re.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ])\d+$")  # not after a letter: OCR's l1 for 11


#: A label that ends in a letter or an unread character (after which digits may come): a value cell
#: that is no number (OCR's ``Z`` for 2, ``10S``), which text split at spaces leaves in the label.
_UNREAD_TAIL = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ?？□■]\d*$")


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
    from ..runon import application_handling as solve

    if any(parse_value(v).mark for row in short for v in row.values):
        return  # 2① is no number (a footnote's mark): the solver would read 21 (NFKC), or the 2
    if any(_UNREAD_TAIL.search(row.label) for row in short):
        return  # a cell no number (OCR's 1O, Z for 2) ran into the label: the row's cells are not known
    place = {code: i for i, (code, _) in enumerate(schema.rows(APPLICATION, template))}
    shorts = {id(row) for row in short}
    text = "".join(
        f"{schema.row_label(APPLICATION, row.code, template)} "
        + (_glued_digits(row.label) if id(row) in shorts else "")
        + " ".join(_one_token(v) for v in row.values if v.strip())
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


def _one_token(value: str) -> str:
    """A value as one token of run-on text: a tab field's digits apart by a space (``1 3``, a Word
    page's digits in spans) are one number, as the field is one cell."""
    return _DIGITS_APART.sub("", unicodedata.normalize("NFKC", value).strip())


_DIGITS_APART = re.compile(r"(?<=\d)\s+(?=\d)")


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
    from ..runon_split import BLANK, readings

    values = [_one_token(v) for v in row.values if v.strip()]
    values = [*_glued_digits(row.label).split(), *values]  # the label's digits come first (…不再处理11)
    numbers = [parse_value(v).number for v in values]
    total = numbers[-1] if numbers else None
    if total is not None and any(n is not None and n > total for n in numbers[:-1]):
        return False
    options = readings(" ".join(values), 7, 7) or []
    return any(sum(v is not BLANK for v in option) > len(values) for option in options)
