"""Table 四 (政府信息公开行政复议、行政诉讼情况) from its records: three groups of five outcomes, by
rows, by one line of fifteen values, or on its side."""

from __future__ import annotations

from .. import schema
from ..column_order import (
    OUTCOME_WORDS,
    columns_reordered,
    group_order,
    groups_reordered,
    header_order,
)
from ..findings import Finding
from ..labels import Match, key, matcher
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
    row_total_holds,
)
from ..values import parse_value
from .common import (
    REVIEW,
    drop_unbalanced_gathered,
    gathered_set_aside,
    interleaved,
    one_cell_header,
    set_uncertain,
)

_REVIEW_HEADER_WORDS = ("维持", "纠正", "尚未", "审结", "总计", "其他结果")


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
    records = one_cell_header(records, rows_of, _is_review_header)
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
        if not row.own and row.match.how != "exact" and _is_review_header(row.label):
            # value lines under a header broken over lines (PDF text; a cell a line, where a page
            # gives the table twice) take no group from the header's words (复议后起诉 among them);
            # their group is not told, not guessed
            row.match = Match((), "none")
        values = [v for v in row.values]
        trimmed = values
        while len(trimmed) > 15 and not trimmed[-1].strip():
            trimmed = trimmed[:-1]
        pair = _two_groups(row) if len(trimmed) == 10 else None
        if (len(trimmed) == 15 or pair) and not row.match.code:
            whole = _one_table_row(row, trimmed)
            # a label naming two groups or three is a header's line (未经复议直接起诉 复议后起诉), no
            # group's own: kept, it named the last group more closely than a copy of the table before
            label = row.label if len(row.match.codes) < 2 else ""
            lines.append([])
            for i, code in enumerate(pair or groups):
                lines[-1].append(
                    Row(
                        label,
                        Match((code,), "exact"),
                        trimmed[5 * i : 5 * i + 5],
                        row.source,
                        True,
                        True,
                        gathered=row.gathered and not whole,
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
            rows = drop_unbalanced_gathered(rows, 5, REVIEW, holds, out)
        interleaved(rows, records, 5, out, REVIEW, zeros_only=False)
        if not heads:  # no header: lines of one value there may be any table's (pdfminer's text)
            why = "its values come from lines of their own in PDF text, under no header of table 四"
            gathered_set_aside(rows, REVIEW, why, out)
        _line_set_aside(lines, out)
    elif holds is not None and any(row.gathered for row in rows):
        gathered = [row for row in rows if row.gathered]
        drop_unbalanced_gathered(gathered, 5, REVIEW, holds, out)
        _line_set_aside([groups for groups in lines if groups[0].gathered], out)
    _marks_astray([groups for groups in lines if groups[0].gathered], out)
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


def _one_table_row(row: Row, values: list[str]) -> bool:
    """Whether 四's line of values is a row of its table as the page has it (a row of an HTML or
    Word table; a text line of fifteen numbers, pandas' column numbers 0 … 14 aside), not values
    gathered from lines of their own: its values stand in their columns, and groups that do not add
    up are the report's own (kept, ``identity_broken``)."""
    if row.lines > 1:
        return False
    if row.source.startswith("table "):
        return True
    numbers = [parse_value(v).number for v in values]
    return len(values) == 15 and None not in numbers and numbers != list(range(15))


def _marks_astray(lines: list[list[Row]], out: TableResult) -> None:
    """Fifteen values gathered from lines of their own, a group of which has its 总计 marked (``/``,
    ``—``) among numbers or its 总计 a number after outcomes all marked (``0 0 0 0 /`` then ``/ / /
    / 7``): a page's marks fill a group or single cells, so the values may have moved by a blank
    cell lost and a number that is no cell (a page number) come among them. Every group of the
    line is NA, said."""
    for groups in lines:
        astray = next((g for g in groups if not g.uncertain and _marked_apart(g.values)), None)
        if astray is None:
            continue
        why = (
            f"its values come from lines of their own, and {astray.match.code}'s 总计 and outcomes are "
            "not marked alike: the values may have moved by a blank cell lost and a number that is no cell"
        )
        for group in groups:
            if not group.uncertain:
                set_uncertain(group, REVIEW, why, out)


def _marked_apart(values: list[str]) -> bool:
    """Whether a group's 总计 (last) is marked while an outcome is a number, or is a number while
    every outcome is marked (blank cells aside)."""
    parsed = [parse_value(v) for v in values if v.strip()]
    if len(parsed) < 2:
        return False
    *outcomes, total = parsed
    if total.number is None:
        return any(v.number is not None for v in outcomes)
    return all(v.number is None for v in outcomes)


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
                set_uncertain(group, REVIEW, why, out)
