"""Tables from page text whose cells run together: 一、本年新收政府信息公开申请数量640020470.

Each row's label is found in template order and the run of digits after it is read as the row's
values (:mod:`zhgov_parse.runon_split`: every well-formed split under the row's own identity,
with a blank cell or two lost or not).  Table 三 is then solved jointly under its column
identities (:mod:`zhgov_parse.runon_solve`), 四 group by group, 二 by the rules that always hold
and what the overview states (:mod:`zhgov_parse.stated`).  Where more than one reading remains,
the cells they all agree on are kept and the others are NA with a finding listing the
alternatives — a wrong number is worse than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import schema
from .column_order import (
    APPLICANT_FRAME,
    APPLICANT_WORDS,
    OUTCOME_WORDS,
    applicant_order,
    applicants_reordered,
    columns_reordered,
    header_order,
)
from .findings import Finding
from .labels import key, spaced_pattern
from .mapping import (
    STATED_UNIT,
    Cell,
    TableResult,
    complete,
    in_unit,
    looks_narrative,
)
from .runon_solve import Reading, jointly
from .runon_split import (
    BLANK,
    MAX_TABLE_NODES,
    MINUS_SIGNS,
    NA_MARKS,
    NOTE,
    UNIT,
    UNITS,
    Value,
    in_template_order,
    is_noted,
    ranges_possible,
    readings,
    splits,
)
from .stated import stated

APPLICATION = "application_handling"
REVIEW = "review_litigation"
ACTIVE = "active_disclosure"

MAX_SHOWN = 6

# Table 三's rows by the start of their template label (Simplified; text is converted first).
# A label may be cut by its own numbers when a PDF wrapped it (5.要求行政机关确认或重新出具4000004
# 已获取信息): only the start is searched, the rest of the label is skipped up to the digits.
_APPLICATION_LABELS: dict[str, str] = {
    "new_received": r"本年新收",
    "carried_in": r"上年结转",
    "granted": r"予以公开",
    "partially_granted": r"部分公开",
    "withheld.state_secret": r"属于国家秘密",
    "withheld.prohibited_by_law": r"其他法律行政法规",
    "withheld.security_stability": r"危及\W{0,2}三安全",
    "withheld.third_party_rights": r"保护第三方",
    "withheld.internal_affairs": r"属于三类内部",
    "withheld.process_information": r"属于四类过程",
    "withheld.enforcement_files": r"属于行政执法",
    "withheld.administrative_query": r"属于行政查询",
    "unavailable.not_held": r"本机关不掌握",
    "unavailable.needs_creation": r"没有现成信息",
    "unavailable.unclear_after_correction": r"补正后申请内容",
    "not_processed.complaint": r"信访举报投诉",
    "not_processed.duplicate": r"重复申请",
    "not_processed.publication": r"要求提供公开出版物",
    "not_processed.excessive": r"无正当理由大量反复",
    "not_processed.confirmation": r"要求行政机关确认",
    "other.no_correction": r"申请人无正当理由逾期不补正",
    "other.unpaid_fee": r"申请人逾期未按收费通知",
    "other.other": r"其他(?=\s*[\d/—－-])",
    "other": r"其他处理(?=\s*[\d/—－-])",
    "total": r"总计(?=\s*[\d/—－-])",
    "carried_forward": r"结转下年度",
}
_ACTIVE_LABELS: dict[str, str] = {
    "rules": r"规章",
    "normative_documents": r"(?:行政)?规范性(?:文件|档案)",
    "licensing": r"行政许可",
    "other_services": r"其他对外管理服务事项",
    "penalty": r"行政处罚",
    "coercion": r"行政强制",
    "fees": r"行政事业性收费",
    "procurement": r"政府集中采购",
}
_ENUMERATOR_TAIL = re.compile(r"[(（]?[1-8]\s*[.．、)）]\s*$")  # the next label's 1. … 8. (1、 1) (1))
_ENUMERATOR_DIGIT = re.compile(r"[1-8]\s*$")  # the same, before a 、 ． or ) no run takes
_ENUMERATOR_ENDS = frozenset("、．)）")
# The rest of a label: no digit, no NA mark (a dash too: 秘密-0000/0 is a row whose first cell is
# marked missing), no （三）-style group marker, no 1.-style item number.
_LABEL_REST = re.compile(
    r"(?:[^\d/—－–\-（(]|[（(](?![一二三四五六七八九十]{1,2}[）)])){0,60}?(?=\s*[\d/—－–\-]|\s*$)"
)
_RUN = re.compile(rf"[\s\d.,，+\-{NA_MARKS}{MINUS_SIGNS}{''.join(sorted(set(''.join(UNITS))))}]*")
# A footnote mark after a cell's digits (41*, 41[1], 41(注), 41注1; ① and ¹ are * already): the cell
# ends there, and the run goes on after it.  注 before two digits or more: where the mark ends is
# unknown (注1 | 2 or 注12), so it stays in the run, which then reads no way.  注 before a colon (注：,
# 注1：) heads the notes after a table: no cell's mark.
_NOTE_MARK = re.compile(r"(?:[*※†‡]{1,2}|[\[【〔]\d{1,2}[\]】〕]|\(注\d{0,2}\)|注\d?(?![\d:：]))")
_NOTE_GLUED = re.compile(r"注(?=\d\d)")
# An estimate's word after a cell's digits (12余, 12多, 12左右): the cell ends there, no number,
# as a footnote mark's.
_ESTIMATE_AFTER = re.compile(r"余|多|左右|以上|以下|上下")
_NOTE_STARTS = frozenset("*※†‡[【〔(注余多左以上")
# An estimate's word before a cell's digits (约12, 近12) or a range's between two (10至12, 10~12):
# where the cell ends is unknown, so the word stays in the run, which then reads no way (NA).
# A page's footer between two of a row's digits (15第3页8, 15第3页共8页8, 401022— 3 —8365: a dash
# apart from its number by spaces, and glued to the digits around it, is no cell's mark), or its
# running header (15某某局2023年政府信息公开工作年度报告8): taken out, the digits joined (where the
# page broke, a cell's edge or not, is unknown).
_FOOTER = r"第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页"
_TITLE = r"年度?政府信息公开(?:工作)?年度报告"
_PAGE_BREAK = re.compile(
    rf"(?:\s*(?:{_FOOTER}|(?P<agency>[^\d。；;]{{0,30}}?)(?:19|20)\d\d\s*{_TITLE}|[—－–]\s*\d{{1,3}}\s*[—－–]))+"
    r"\s*(?=\d)"
)
# The header's year glued to a row's last digits (1582023年政府信息公开工作年度报告): no cell's.
_HEADER_YEAR = re.compile(r"(?:19|20)\d\d\s*$")
_HEADER_TITLE = re.compile(rf"{_TITLE}(?:\s*(?:{_FOOTER}|[—－–]\s*\d{{1,3}}\s*[—－–]))*\s*")
_PAGE_INSIDE = re.compile(r"(?<=\d)[—－–]\s+\d{1,3}\s+[—－–](?=\d)")
_INEXACT_WORD = re.compile(r"(?:约|近|逾|超过|大约|至|到|~)(?=\s*\d)")
# 无 written for a cell (a table's 无 is a cell marked missing) among a run's digits, not a label's
# (无正当理由…, 无法提供): written / in the run.
_NONE_MARK = re.compile(r"[无無](?![\u4e00-\u9fff])")


def _run_from(text: str, at: int, later: Sequence[re.Pattern[str]] = ()) -> tuple[str, int]:
    """The run of a row's cells starting at ``at``, a footnote mark after a cell's digits written
    :data:`~zhgov_parse.runon_split.NOTE`; and its end.  A page's header inside the run never
    holds one of the ``later`` rows' labels (行政处罚158行政强制2023年…报告12 is two rows)."""
    m = _RUN.match(text, at)
    run, end = m.group(0), m.end()  # type: ignore[union-attr]
    while True:
        if text.startswith("年", end) and _HEADER_YEAR.search(run):
            title = _HEADER_TITLE.match(text, end)
            if title:  # the page header's year, not the row's digits (1582023年…年度报告8)
                run = _HEADER_YEAR.sub("", run)
                rest = _RUN.match(text, title.end())
                run += rest.group(0)  # type: ignore[union-attr]
                end = rest.end()  # type: ignore[union-attr]
                continue
        page = _PAGE_BREAK.match(text, end) if run.rstrip()[-1:].isdigit() else None
        if page and page["agency"] and any(p.search(page["agency"]) for p in later):
            page = None
        if page:  # a page's footer or header inside the row (15第3页8): the digits go on after it
            rest = _RUN.match(text, page.end())
            run += rest.group(0)  # type: ignore[union-attr]
            end = rest.end()  # type: ignore[union-attr]
            continue
        none = _NONE_MARK.match(text, end) if run.strip() else None
        if none:
            rest = _RUN.match(text, none.end())
            run += "/" + rest.group(0)  # type: ignore[union-attr]
            end = rest.end()  # type: ignore[union-attr]
            continue
        word = _INEXACT_WORD.match(text, end)
        if word is None and not (text[end : end + 1] in _NOTE_STARTS and run.rstrip()[-1:].isdigit()):
            break
        mark = word or _NOTE_MARK.match(text, end) or _ESTIMATE_AFTER.match(text, end)
        mark = mark or _NOTE_GLUED.match(text, end)
        if mark is None:
            break
        rest = _RUN.match(text, mark.end())
        written = "注" if mark.re is _NOTE_GLUED else mark.group(0) if word else NOTE
        run += written + rest.group(0)  # type: ignore[union-attr]
        end = rest.end()  # type: ignore[union-attr]
    return _PAGE_INSIDE.sub("", run) if "— " in run or "－ " in run or "– " in run else run, end


@dataclass(frozen=True, slots=True)
class Run:
    """The text of a row's cells run together, and where it was found."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class ExtraRow:
    """Text between a table's rows that reads as a row the template does not have (行政确认1523, a
    row some reports add to 二): its label and its digits, which no cell takes."""

    label: str
    text: str


# A label (two characters at least, none a digit or a sentence's punctuation) and the digits after
# it; digits that go on into a word (2023年, 107条) or end as an item's number (1.门户网站, 2、) are
# a sentence's, not a row's.
_EXTRA_ROW = re.compile(
    r"([^\d\s/—－–\-.,，。；;：:]{2,40}?)\s*(\d[\d\s.,+\-]*)(?![\d年月日条件项个次篇页号%％、．])"
)


# A page footer glued after a row: — 3 —, - 4 -, 第3页.  An ASCII hyphen only with spaces: 3-1- is
# a row (3 | -1 | -), not a footer.
_PAGE_MARK = re.compile(r"(?:[—－–]\s*\d{1,3}\s*[—－–]|-\s+\d{1,3}\s+-|第\s*\d{1,3}\s*页)\s*$")
# -3- with no spaces: a footer too in a table with no sign (三, 四, 二 of 2021), where a dash is a
# missing value's mark and no row ends in a marked 总计 after a count
_GLUED_PAGE_MARK = re.compile(r"-\d{1,3}-\s*$")


def _without_footer(run: str, signed: bool) -> str:
    """A run with the page footer glued after it taken off."""
    run = _PAGE_MARK.sub("", run).strip()
    return run if signed else _GLUED_PAGE_MARK.sub("", run).strip()


_ESTIMATE_BEFORE = re.compile(r"(?:约|近|逾|超过|大约)\s*$")
# A footnote mark after a row's label, before its digits (行政许可[1]446, 行政许可（注1）446, 注1：):
# the mark's number is no cell's.
_LABEL_NOTE = re.compile(r"\d{1,2}\s*[\]】〕)）:：]")
_LABEL_NOTE_OPENS = frozenset("[【〔(（注")


def _run_at(text: str, start: int, later: Sequence[re.Pattern[str]], signed: bool = False) -> tuple[str, int]:
    """The run after a label's start: the rest of the label skipped, then the digits; and its end.

    The skip never crosses another row's label (a row left blank is followed by the next label,
    whose numbers are not this row's).  ``signed``: the table has a 本年增/减 column (3-1- is a row).
    """
    skip = _LABEL_REST.match(text, start)
    at = start
    if skip and skip.end() > start:
        skipped = text[start : skip.end()]
        if not any(p.search(skipped) for p in later):
            at = skip.end()
            estimate = _ESTIMATE_BEFORE.search(skipped)  # 约12: the word is the run's (it reads no way)
            at = start + estimate.start() if estimate else at
            footer = _PAGE_BREAK.match(text, at - 1) if skipped[-1] in "第共" else None
            at = footer.end() if footer else at  # a page's footer between a label and its digits
            note = _LABEL_NOTE.match(text, at) if skipped[-1] in _LABEL_NOTE_OPENS else None
            at = note.end() if note else at  # the label's footnote mark (行政许可[1]446): no cell's
    run, end = _run_from(text, at, later)
    if at > start and text[at - 1] in "无無":  # 无 for the row's first cell (无030004), a mark
        run = "/" + run
    elif at > start and text[at - 1] == "注" and text[at : at + 1].isdigit():
        run = "注" + run  # 行政许可注1446: where the label's mark ends is unknown (it reads no way)
    run = _ENUMERATOR_TAIL.sub("", run.strip())
    if text[end : end + 1] in _ENUMERATOR_ENDS:  # the next item's number: 10300042)其他法律…, or the
        # next heading's: 1000001 4、政府信息公开行政复议…
        run = _ENUMERATOR_DIGIT.sub("", run)
    return _without_footer(run, signed), end  # a page footer (— 3 —) glued after the row


@lru_cache(maxsize=512)
def _spaced(label: str) -> re.Pattern[str]:
    """A row label's pattern, compiled, its characters allowed apart (built once: the labels are the
    template's)."""
    return re.compile(spaced_pattern(label))


@dataclass(slots=True)
class Found:
    """What :func:`find_runs` found of a table's rows in its text."""

    runs: list[Run]
    missing: list[str]  # the codes of rows whose label is not there
    extra: list[ExtraRow]  # rows the template does not have, between its rows or after them


def find_runs(text: str, labels: dict[str, str], order: Sequence[str], signed: bool = False) -> Found:
    """Each row's run, by finding the labels in template order (their characters may be set apart:
    规 章 000); the codes not found; and the rows between them that are none of the template's."""
    patterns = [_spaced(labels[code]) for code in order]
    found = Found([], [], [])
    pos = 0
    gap_from: int | None = None  # where the text after the last row's run starts
    for i, code in enumerate(order):
        m = patterns[i].search(text, pos)
        if m is None:
            found.missing.append(code)
            continue
        again = patterns[i].search(text, m.end())
        while again and again.start() - m.end() <= 40 and not re.search(r"\d", text[m.end() : again.start()]):
            m, again = again, patterns[i].search(text, again.end())  # a label repeated by merged cells
        if gap_from is not None:
            found.extra.extend(_extra_rows(text[gap_from : m.start()]))
        run, pos = _run_at(text, m.end(), patterns[i + 1 :], signed)
        found.runs.append(Run(code, run))
        gap_from = pos
    if gap_from is not None:
        found.extra.extend(_extra_rows(text[gap_from:]))
    return found


def _extra_rows(gap: str) -> list[ExtraRow]:
    """The rows in text between two of the template's rows (or after the last): a label and its
    digits; the next label's item number (1.) and sentences (…类别2023年，在…) are none."""
    if not any(c.isdigit() for c in gap):
        return []
    gap = _ENUMERATOR_TAIL.sub("", gap)
    rows = []
    for m in _EXTRA_ROW.finditer(gap):
        label, digits = m[1].strip(), _without_footer(m[2].strip(), signed=True)
        if digits and not digits.endswith(".") and not looks_narrative(label):
            rows.append(ExtraRow(label, digits))
    return rows


def _unmapped(table: str, extra: list[ExtraRow]) -> list[Finding]:
    """An ``unmapped_row`` finding for each row of run-on text the template does not have."""
    return [
        Finding(
            "unmapped_row",
            f"row '{row.label}' matches no row of the template; its digits '{row.text}' are not used",
            table,
            found=row.text,
        )
        for row in extra
    ]


# ---------------------------------------------------------------------------------------------
# The tables


def _fmt(values: Sequence[Value]) -> str:
    def one(v: Value) -> str:
        if v is None:
            return "NA"
        if v is BLANK:
            return "blank"
        return f"{v:f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)

    return "|".join(one(v) for v in values)


def _cells(table: str, code: str, columns: Sequence[str], values: Sequence[Value], run: str) -> list[Cell]:
    """Cells of one row; ``raw`` is the row's whole run, the only text there is for each cell."""
    return [
        Cell(table, code, c, None if v is BLANK else v, run, None, "run-on text")  # type: ignore[arg-type]
        for c, v in zip(columns, values, strict=True)
    ]


def _noted(
    table: str,
    code: str,
    columns: Sequence[str],
    options: Sequence[Sequence[Value]],
    values: Sequence[Value],
    findings: list[Finding],
    run: str,
) -> list[Value]:
    """The row's ``values`` with each cell that a reading has a footnote mark follow (``41*``) NA,
    and a non_numeric finding for it: no number, as a table's cell so marked (what does the mark
    note?)."""
    out = list(values)
    for i, column in enumerate(columns):
        if any(is_noted(o[i]) for o in options):
            out[i] = None
            findings.append(
                Finding(
                    "non_numeric",
                    f"row {schema.row_label(table, code)}: a footnote mark or an estimate's word (12余, "
                    f"12多) follows this cell's digits in '{run}' (written *): no number (what does the "
                    "mark note?); NA",
                    table,
                    code,
                    column,
                    found=run,
                )
            )
    return out


def _blanks(
    table: str, code: str, columns: Sequence[str], values: Sequence[Value], run: str
) -> list[Finding]:
    """A missing_value finding for each cell that every reading of the row leaves blank."""
    where = [c for c, v in zip(columns, values, strict=True) if v is BLANK]
    return [
        Finding(
            "missing_value",
            f"row {schema.row_label(table, code)}: every reading of the digits '{run}' under the "
            "table's identities leaves this cell blank (a blank cell leaves no digits): NA",
            table,
            code,
            column,
            found=run,
        )
        for column in where
    ]


_DASH_BETWEEN_DIGITS = re.compile(rf"\d[—{MINUS_SIGNS}-]\d")


def _marked(
    table: str, code: str, columns: Sequence[str], options: Sequence[Sequence[Value]], run: str
) -> list[Finding]:
    """A missing_value finding for each cell that every reading of the row reads as marked missing
    (``/``, ``—``) or as a range (``8-10``), as a table's cell so marked is said."""
    how = "(/ or —) or written as a range (8-10)" if _DASH_BETWEEN_DIGITS.search(run) else "(/ or —)"
    return [
        Finding(
            "missing_value",
            f"row {schema.row_label(table, code)}: the cell marked missing in '{run}' {how}: NA",
            table,
            code,
            column,
            found=run,
        )
        for i, column in enumerate(columns)
        if all(o[i] is None for o in options)
    ]


def _ambiguous(
    table: str,
    code: str,
    run: str,
    options: Sequence[Sequence[Value]],
    why: str,
    columns: Sequence[str],
    template: str | None = None,
) -> Finding:
    shown = ", ".join(_fmt(o) for o in options[:MAX_SHOWN]) + (" …" if len(options) > MAX_SHOWN else "")
    return Finding(
        "runon_ambiguous",
        f"row {schema.row_label(table, code, template)}: the digits '{run}' read {len(options)} ways {why} "
        f"({shown}); the cells they disagree on are NA",
        table,
        code,
        expected=format_readings(columns, options),
        found=run,
    )


def format_readings(columns: Sequence[str], options: Sequence[Sequence[Value]]) -> str:
    """The readings of a row, for a finding's ``expected``: its columns, then each reading.

    >>> format_readings(["issued", "repealed", "in_force"], [[6, 2, 34], [6, 23, 4], [6, None, 234]])
    'issued|repealed|in_force: 6|2|34; 6|23|4; 6|NA|234'
    """
    return "|".join(columns) + ": " + "; ".join(_fmt(o) for o in options)


def parse_readings(text: str, blank: Any = None) -> tuple[list[str], list[list[Any]]]:
    """The columns and readings :func:`format_readings` wrote (an NA cell is None, a blank one
    ``blank``: None unless asked otherwise).

    >>> parse_readings("issued|repealed|in_force: 6|2|34; 6|NA|234; 6|blank|234")
    (['issued', 'repealed', 'in_force'], [[6, 2, 34], [6, None, 234], [6, None, 234]])
    """
    head, _, body = text.partition(": ")
    columns = head.split("|")

    def value(x: str) -> Any:
        if x == "NA":
            return None
        if x == "blank":
            return blank
        return float(x) if "." in x else int(x)

    return columns, [[value(x) for x in reading.split("|")] for reading in body.split("; ") if reading]


def _unsolvable(
    table: str, code: str | None, run: str, n: int, why: str, template: str | None = None
) -> Finding:
    where = f"row {schema.row_label(table, code, template)}" if code else "the table's rows"
    if _INEXACT_WORD.search(run):
        why += " (an estimate or a range, 约12 or 10至12, is no count, and where its cell ends is unknown)"
    return Finding(
        "runon_unsolvable",
        f"{where}: the digits '{run}' cannot be read as {n} values {why}; NA",
        table,
        code,
        expected=f"{n} values",
        found=run,
    )


def _agreed(options: Sequence[Sequence[Value]]) -> list[Value]:
    first = options[0]
    return [v if all(o[i] == v for o in options) else None for i, v in enumerate(first)]


def application_handling(text: str, template: str) -> TableResult:
    """Table 三 from run-on text, solved jointly under its identities."""
    return _application_handling(text, template)[0]


def _application_handling(text: str, template: str) -> tuple[TableResult, bool]:
    """Table 三, and whether any reading its identities leave has a blank cell."""
    out = TableResult()
    blanks = False
    order = [c for c, _ in schema.rows(APPLICATION, template)]
    columns = [c for c, _ in schema.columns(APPLICATION, template)]
    found = find_runs(text, _APPLICATION_LABELS, order)
    runs = found.runs
    if not runs:
        return out, blanks
    out.findings.extend(_unmapped(APPLICATION, found.extra))
    first = re.search(_APPLICATION_LABELS[runs[0].code], text)
    header = text[: first.start()] if first else ""
    placed = _applicant_placed(header, columns, out)  # text column k is the template's placed[k]
    if placed == []:
        return out, blanks
    candidates: dict[str, list[list[Value]]] = {}
    raw: dict[str, str] = {}
    unsolved: dict[str, Finding] = {}  # rows with no reading that adds up
    budget = [MAX_TABLE_NODES]
    unread: list[str] = []  # rows found whose digits read no way
    ranges = ranges_possible(text)
    for run in runs:
        raw[run.code] = run.text
        options = readings(run.text, 7, 7, budget=budget, ranges=ranges)
        if options is None:
            out.findings.append(_unsolvable(APPLICATION, run.code, run.text, 7, "in a bounded search"))
            unread.append(run.code)
        elif not options:
            unsolved[run.code] = _unsolvable(
                APPLICATION, run.code, run.text, 7, "that add up to the row's 总计"
            )
        else:
            candidates[run.code] = [in_template_order(o, placed) for o in options]
    chosen, why, checked = jointly(candidates, order, raw, set(unsolved), placed)
    out.findings.extend(finding for code, finding in unsolved.items() if code not in chosen)
    unread.extend(code for code in unsolved if code not in chosen)
    if not checked and chosen:
        out.findings.append(_unchecked(raw, chosen))
        for code in _spaced_within(chosen, raw, placed, ranges):  # too ambiguous with spaces taken out
            out.findings.append(_unsolvable(APPLICATION, code, raw[code], 7, "in a bounded search"))
            unread.append(code)
    for code in order:
        if code not in chosen:
            continue
        unique = chosen[code]
        if not unique:  # no part above （七）总计, no （七）总计 below its parts
            out.findings.append(_unsolvable(APPLICATION, code, raw[code], 7, "that fit the other rows' sums"))
            unread.append(code)
            continue
        blanks = blanks or any(BLANK in o for o in unique)
        if not checked and all(BLANK in o for o in unique):
            out.findings.append(_total_may_be_blank(code, raw[code], unique, columns))
            out.cells.extend(_cells(APPLICATION, code, columns, [None] * len(columns), raw[code]))
            out.found = True
            continue
        values = unique[0] if len(unique) == 1 else _agreed(unique)
        if len(unique) > 1:
            out.findings.append(_ambiguous(APPLICATION, code, raw[code], unique, why, columns))
        out.findings.extend(_blanks(APPLICATION, code, columns, values, raw[code]))
        out.findings.extend(_marked(APPLICATION, code, columns, unique, raw[code]))
        if NOTE in raw[code]:
            values = _noted(APPLICATION, code, columns, unique, values, out.findings, raw[code])
        out.cells.extend(_cells(APPLICATION, code, columns, values, raw[code]))
        out.found = True
    if out.found:  # rows whose label was not found are reported by complete() as missing_row
        for code in unread:  # found, so not said missing: NA, the run their raw text
            out.cells.extend(_cells(APPLICATION, code, columns, [None] * len(columns), raw[code]))
        complete(APPLICATION, template, out)
    return out, blanks


def _spaced_within(
    chosen: dict[str, list[Reading]], raw: dict[str, str], placed: list[int] | None, ranges: bool
) -> list[str]:
    """Each row of a table 三 that no column identity checks, whose spaces are not every edge between
    its cells, given the readings of its run with a space between digits taken out too: its own
    总计 alone cannot tell a space inside a number from an edge (``1 16001220``, 11 | 6 | 0 | 0 | 1 |
    2 | 20, read 1 | 1 | 6 | 0 | 0 | 12 | 20 and 1 | 16 | 0 | 0 | 1 | 2 | 20, which agree on 1).
    The rows so read too many ways are taken out of ``chosen`` and returned."""
    lost = []
    for code, options in chosen.items():
        joined = _spaces_inside_numbers(raw[code], 7)
        if joined == raw[code] or not options:
            continue
        more = readings(joined, 7, 7, budget=[MAX_TABLE_NODES], ranges=ranges)
        if more is None:
            lost.append(code)
            continue
        seen = {tuple(o) for o in options}
        chosen[code] = options + [r for o in more if tuple(r := in_template_order(o, placed)) not in seen]
    for code in lost:
        del chosen[code]
    return lost


def _total_may_be_blank(code: str, run: str, options: Sequence[Reading], columns: Sequence[str]) -> Finding:
    """A row of 三 read only with a cell lost, in a table no column identity checks: the lost cell
    may be its 总计 (013 leaves 总计 blank), and then the run's last value is the sixth column's and
    nothing checks how its digits split (``1 0 0 0 0 1``, 总计 blank, read 总计 1)."""
    shown = ", ".join(_fmt(o) for o in options[:MAX_SHOWN]) + (" …" if len(options) > MAX_SHOWN else "")
    return Finding(
        "runon_ambiguous",
        f"row {schema.row_label(APPLICATION, code)}: the digits '{run}' read only with a cell lost "
        f"({shown}), and no column identity checks them: the lost cell may be its 总计, left blank "
        "(then nothing checks how its digits split); NA",
        APPLICATION,
        code,
        expected=format_readings(columns, options),
        found=run,
    )


def _applicant_placed(header: str, columns: list[str], out: TableResult) -> list[int] | None:
    """Where each column of 三's run-on rows stands in the template (None: in its order), as its
    header names them; [] (with the table NA and a finding) where the header names all seven but
    not in an order the text can be read in (a row's digits are split with 总计 last)."""
    flat = key(header)
    if not all(w in flat for w in APPLICANT_FRAME):
        moved = _columns_named(header, APPLICATION, APPLICANT_WORDS, out.findings)
        return [0, *(1 + t for t in moved), 6] if moved else None
    named = applicant_order(flat, strict=True)  # page text keeps the page's order
    if named == columns:
        return None
    if named is None or named[-1] != "total":
        out.findings.append(
            Finding(
                "columns_unreadable",
                "the header names the applicant columns, but not in an order the rows' digits can "
                "be split in (总计 last): the table's cells are NA",
                APPLICATION,
                expected="a header naming 三's columns in an order, 总计 last",
                found=flat[:80],
            )
        )
        out.found = True
        complete(APPLICATION, "2021", out)
        return []
    out.findings.append(applicants_reordered(named))
    return [columns.index(c) for c in named]


def _columns_named(
    header: str, table: str, words: Sequence[str], findings: list[Finding]
) -> list[int] | None:
    """Where the ``header`` puts ``words`` when not in the template's order (with the finding)."""
    moved = header_order(header, words)
    if moved:
        findings.append(columns_reordered(table, words, moved))
    return moved


def _unchecked(raw: dict[str, str], chosen: dict[str, list[Reading]]) -> Finding:
    return Finding(
        "runon_unchecked",
        "table 三's column identities could not check its rows' readings (the report breaks more "
        "than one, or a run with / or — keeps a fault from being weighed, or the search was too "
        f"large): the numbers of its {len(chosen)} rows rest on each row's own 总计; one the "
        "report got wrong may be misread",
        APPLICATION,
        expected="a reading under every identity, or all but one the report breaks",
        found=f"{len(raw)} rows read",
    )


_REVIEW_LABELS = {
    "review": r"行政复议(?=\s*[\d/—－-])",
    "litigation_direct": r"直接起诉[）)]?(?=\s*[\d/—－-])",
    "litigation_after_review": r"复议后起诉[）)]?(?=\s*[\d/—－-])",
}


def review_litigation(text: str, template: str, blanks: bool = False) -> TableResult:
    """Table 四 from run-on text: 15 values after its header, or three labelled rows of five.

    四 has no identity across its rows, so nearly every run of it could also be read with a blank
    cell lost.  Such readings are weighed only when ``blanks`` (the report's table 三 has blank
    cells, or may have) or when no reading without one exists.
    """
    out = TableResult()
    order = [c for c, _ in schema.rows(REVIEW, template)]
    columns = [c for c, _ in schema.columns(REVIEW, template)]
    digit = re.search(r"\d", text)
    head = text[: digit.start()] if digit else text
    with_total = header_order(head, (*OUTCOME_WORDS, "总计"))
    if with_total and with_total[-1] != 4:  # a group's digits split with 总计 last: not these
        out.findings.append(
            Finding(
                "columns_unreadable",
                "the header puts 总计 before other outcome columns, and a group's digits are split "
                "with 总计 last (what the others add up to): the table's cells are NA",
                REVIEW,
                expected="结果维持, 结果纠正, 其他结果, 尚未审结, 总计 (总计 last)",
                found=head[-80:],
            )
        )
        out.found = True
        complete(REVIEW, template, out)
        return out
    moved = _columns_named(head, REVIEW, OUTCOME_WORDS, out.findings)
    placed = [5 * g + t for g in range(3) for t in (*moved, 4)] if moved else None
    ends = _first_copy([m.end() for m in re.finditer(r"总计(?=\s*[\d/—－-])", text)], text, out.findings)
    digits = _without_footer(_run_from(text, ends[-1])[0], signed=False) if ends else ""
    if digits:
        rows = [Run("review", digits)]
        width = 15
    else:
        found = find_runs(text, _REVIEW_LABELS, order)
        rows = found.runs
        out.findings.extend(_unmapped(REVIEW, found.extra))
        width = 5
    unread: list[tuple[str, str]] = []  # rows found whose digits read no way, and their run
    ranges = ranges_possible(text)
    for row in rows:
        options = readings(row.text, width, 5, blanks=0, ranges=ranges)
        if blanks or not options:
            options = readings(row.text, width, 5, ranges=ranges)
        if options and placed:
            options = [in_template_order(o, placed[: len(o)]) for o in options]
        codes = order if width == 15 else [row.code]
        if not options:
            why = "in a bounded search" if options is None else "that add up within each group"
            where = None if width == 15 else row.code  # the wide run holds all three rows
            out.findings.append(_unsolvable(REVIEW, where, row.text, width, why))
            unread.extend((code, row.text) for code in codes)
            continue
        for i, code in enumerate(codes):
            group = [list(x) for x in dict.fromkeys(tuple(o[5 * i : 5 * i + 5]) for o in options)]
            values = group[0] if len(group) == 1 else _agreed(group)
            if len(group) > 1:
                why = "that add up within each group, a blank cell lost or not"
                out.findings.append(_ambiguous(REVIEW, code, row.text, group, why, columns))
            out.findings.extend(_blanks(REVIEW, code, columns, values, row.text))
            out.findings.extend(_marked(REVIEW, code, columns, group, row.text))
            if NOTE in row.text:  # (a noted cell and its unnoted equal are one in group)
                noted = [o[5 * i : 5 * i + 5] for o in options]
                values = _noted(REVIEW, code, columns, noted, values, out.findings, row.text)
            out.cells.extend(_cells(REVIEW, code, columns, values, row.text))
        out.found = True
    if out.found:
        for code, run in unread:  # found, so not said missing: NA, the run their raw text
            out.cells.extend(_cells(REVIEW, code, columns, [None] * len(columns), run))
        complete(REVIEW, template, out)
    return out


def _first_copy(ends: list[int], text: str, findings: list[Finding]) -> list[int]:
    """Where 四's header ends before its digits (its last 总计), in its first copy only: a page that
    gives the table twice has its header (行政复议 …) again after the first copy's digits. The
    second copy is not read (a row's first occurrence is kept, as in any text), said with
    ``duplicate_row``."""
    again = next((k for k in range(1, len(ends)) if "行政复议" in text[ends[k - 1] : ends[k]]), None)
    if again is None:
        return ends
    second = _without_footer(_run_from(text, ends[again])[0], signed=False)
    findings.append(
        Finding(
            "duplicate_row",
            f"table 四 is given twice (its header again after its digits): the first copy's digits were "
            f"read, the second's ('{second}') not used",
            REVIEW,
            found=second,
        )
    )
    return ends[:again]


_KINDS = {"change": "signed", "fee_amount": "decimal", "procurement_amount": "decimal"}


def _plausible(template: str, code: str, columns: Sequence[str]) -> Callable[[list[Value]], bool]:
    """Rules that always hold for table 二's rows, which have no identity of their own."""

    def rule(values: list[Value]) -> bool:
        row = {c: 0 if v is BLANK else v for c, v in zip(columns, values, strict=True)}  # a blank counts 0
        if "issued" in row and None not in (row["issued"], row["repealed"], row["in_force"]):
            return row["issued"] <= row["in_force"] + row["repealed"]  # type: ignore[operator]
        if "new_published" in row and None not in (row["new_published"], row["total_published"]):
            return row["new_published"] <= row["total_published"]  # type: ignore[operator]
        if "change" in row and None not in (row["previous_count"], row["change"]):
            return row["previous_count"] + row["change"] >= 0  # type: ignore[operator]
        return True

    return rule


_DOCUMENT_WORDS = {  # 二 第（一）项's columns, as its header names them
    "2021": ("本年制发", "本年废止", "现行有效"),
    "2019": ("本年新制作", "本年新公开", "对外公开总数"),
}


def _in_order(
    rule: Callable[[list[Value]], bool], placed: Sequence[int] | None
) -> Callable[[list[Value]], bool]:
    """``rule`` (on the template's order) for readings in the text's column order."""
    return rule if placed is None else lambda values: rule(in_template_order(values, placed))


def _with_a_lost_cell(
    run: str, kinds: Sequence[str], rule: Callable[[list[Value]], bool], ranges: bool
) -> list[list[Value]]:
    """Readings of a run as one value fewer, the missing one blank (a cell that left no text)."""
    out: list[list[Value]] = []
    signed = "signed" in kinds
    for lost in range(len(kinds)):
        rest = [k for i, k in enumerate(kinds) if i != lost]
        for option in splits(run, rest, lambda values: True, signed=signed, ranges=ranges) or []:
            reading = [*option[:lost], BLANK, *option[lost:]]
            if rule(reading):
                out.append(reading)
    return out


_SPACE_IN_NUMBER = re.compile(r"(?<=\d)\s+(?=\d)")


def _spaces_inside_numbers(run: str, cells: int) -> str:
    """A run as split where no identity checks its columns (二; 三 when unchecked): where its spaces
    set apart fewer chunks than the row's ``cells`` (so they are not the page's edges between cells)
    each space between digits may be inside a number (``211 4`` for 2 | 1 | 14: a span's or a
    line's break), no edge, and is taken out: nothing rules out the split a space would impose
    (2 | 11 | 4).  Otherwise the run as it is."""
    if " " not in run or len(run.split()) >= cells or not _SPACE_IN_NUMBER.search(run):
        return run
    return _SPACE_IN_NUMBER.sub("", run)


def active_disclosure(text: str, template: str, prose: str = "") -> TableResult:
    """Table 二 from run-on text: each row's values by the template's columns for that row.

    A row that reads several ways keeps those readings that agree with what the report's
    ``prose`` (its overview) states of the row's cells, if any reading does (see
    :mod:`zhgov_parse.stated`): a ``runon_text_resolved`` finding names the phrase.
    """
    out = TableResult()
    order = [c for c, _ in schema.rows(ACTIVE, template)]
    found = find_runs(text, _ACTIVE_LABELS, order, signed=template == "2019")
    runs = found.runs
    out.findings.extend(_unmapped(ACTIVE, found.extra))
    first = re.search(_ACTIVE_LABELS["rules"], text)  # 第（一）项's header comes before 规章
    moved = _columns_named(
        text[: first.start()] if first else "", ACTIVE, _DOCUMENT_WORDS[template], out.findings
    )
    unread: list[Cell] = []  # NA cells of rows found whose digits read no way
    ranges = ranges_possible(text)
    for run in runs:
        columns = [c for c, _ in schema.columns(ACTIVE, template, run.code)]
        if not run.text:
            continue
        kinds = [_KINDS.get(c, "int") for c in columns]
        placed = moved if run.code in ("rules", "normative_documents") else None
        rule = _in_order(_plausible(template, run.code, columns), placed)
        digits = _spaces_inside_numbers(run.text, len(columns))
        options = splits(digits, kinds, rule, ranges=ranges)
        if not options:
            out.findings.append(
                _unsolvable(ACTIVE, run.code, run.text, len(columns), "within the template's rules", template)
            )
            unread.extend(_cells(ACTIVE, run.code, columns, [None] * len(columns), run.text))
            continue
        if len(columns) > 1:
            # No identity guards these rows: a blank cell that left no text (9 | | 15 → 915)
            # would read as a wrong number, and the cells several readings agree on (5 in 5|1|23
            # and 5|12|3) may belong to another column (| 5 | 123).  So the readings with a cell
            # lost count too.
            options += _with_a_lost_cell(digits, kinds, rule, ranges)
        options = [in_template_order(o, placed) for o in options]
        if len(options) > 1 and prose:
            options = _as_stated(options, prose, run, columns, template, out.findings)
        values = options[0] if len(options) == 1 else _agreed(options)
        if len(options) > 1:
            why = "within the template's rules, a blank cell lost or not"
            out.findings.append(_ambiguous(ACTIVE, run.code, run.text, options, why, columns, template))
        out.findings.extend(_marked(ACTIVE, run.code, columns, options, run.text))
        if NOTE in run.text:
            values = _noted(ACTIVE, run.code, columns, options, values, out.findings, run.text)
        if "fee_amount" in columns:
            values = _in_wan_yuan(values, columns, _fee_unit(text, run.text), run.text, out.findings)
        out.cells.extend(_cells(ACTIVE, run.code, columns, values, run.text))
        out.found = True
    if out.found:
        out.cells.extend(unread)
        complete(ACTIVE, template, out)
    return out


def _fee_unit(text: str, run: str) -> str:
    """The unit of the run's 收费金额: its own (125000元, or 3件, which is no amount's), else its
    header's, else the template's 万元."""
    own = re.search(rf"({UNIT})$", run)
    if own:
        return own[1]
    at = re.search(_ACTIVE_LABELS["fees"], text)
    stated_unit = STATED_UNIT.search(text, max(0, at.start() - 40), at.start()) if at else None
    return stated_unit[1] if stated_unit else "万元"


def _in_wan_yuan(
    values: Sequence[Value], columns: Sequence[str], unit: str, run: str, findings: list[Finding]
) -> list[Value]:
    """The row's 收费金额 converted to 万元 from the ``unit`` it is written in, with a finding (NA
    when the unit is not an amount's)."""
    out = list(values)
    j = columns.index("fee_amount")
    amount = out[j]
    if unit not in ("万元", "萬元") and isinstance(amount, int | float):
        where = (ACTIVE, "fees", "fee_amount")
        out[j], note = in_unit(amount, unit, "万元", run, where, stated=not run.endswith(unit))
        findings.append(note)
    return out


def _as_stated(
    options: list[Reading], prose: str, run: Run, columns: list[str], template: str, findings: list[Finding]
) -> list[Reading]:
    """The readings of a row of 二 that agree with every number the prose states of its cells
    (a statement no reading agrees with is about something else, and is not used)."""
    kept = options
    used = []
    for column, (value, phrase) in stated(prose, run.code, columns).items():
        j = columns.index(column)
        agreeing = [o for o in kept if o[j] == value]
        if agreeing and len(agreeing) < len(kept):
            kept = agreeing
            used.append(phrase)
    if used:
        findings.append(
            Finding(
                "runon_text_resolved",
                f"row {schema.row_label(ACTIVE, run.code, template)}: the digits '{run.text}' read "
                f"{len(options)} ways; the report's text states {'、'.join(repr(p) for p in used)}, "
                f"which leaves {len(kept)} ({', '.join(_fmt(o) for o in kept[:MAX_SHOWN])})",
                ACTIVE,
                run.code,
                expected=format_readings(columns, kept),
                found=run.text,
            )
        )
    return kept


# A page footer on its line between two of a row's digits (401022 — 3 — 8365), on a page that glues a
# row's cells (a run of seven digits: no page that spaces its cells writes one), where — 3 — would
# otherwise be three cells; a hyphen's only outside 二 (2019's 二 has signs: 14 - 3 - 5).
_FOOTER_APART = re.compile(r"(?<=\d)\s+[—－–]\s*\d{1,3}\s*[—－–]\s+(?=\d)")
_HYPHEN_FOOTER_APART = re.compile(r"(?<=\d)\s+-\s*\d{1,3}\s*-\s+(?=\d)")
# and a page's number of pages (401022 3/8 8365: no cell holds a fraction, and / marks a cell
# missing only alone), its page no later than its last
_PAGE_OF_APART = re.compile(r"(?<=\d)\s+(\d{1,3})\s*/\s*(\d{1,3})\s+(?=\d)")
_GLUED_ROW_OF_SEVEN = re.compile(r"\d{7}")


def _without_footers_apart(parts: dict[str, str]) -> dict[str, str]:
    """The tables' texts with a page footer set apart by spaces inside a row taken out (— 3 —, 3/8),
    the digits around it joined, where the page glues a row's cells (see :data:`_FOOTER_APART`)."""
    if not any(" " in t and ("— " in t or "- " in t or "/" in t) for t in parts.values()):
        return parts
    if not _GLUED_ROW_OF_SEVEN.search(parts.get(APPLICATION, "")):
        return parts
    out = {table: _PAGE_OF_APART.sub(_page_of, _FOOTER_APART.sub("", text)) for table, text in parts.items()}
    return {t: x if t == ACTIVE else _HYPHEN_FOOTER_APART.sub("", x) for t, x in out.items()}


def _page_of(m: re.Match[str]) -> str:
    """A page's number of pages (3/8) taken out; a first number above the second is no page's."""
    return "" if int(m[1]) <= int(m[2]) else m[0]


def extract(parts: dict[str, str], template: str, prose: str = "") -> Iterator[TableResult]:
    """The three tables from the run-on text of their parts (``prose``: the overview's text)."""
    parts = _without_footers_apart(parts)
    yield active_disclosure(parts.get(ACTIVE, ""), template, prose)
    handling, blanks = _application_handling(parts.get(APPLICATION, ""), template)
    yield handling
    yield review_litigation(parts.get(REVIEW, ""), template, blanks=blanks)
