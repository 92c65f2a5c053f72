"""Tables from page text whose cells run together: 一、本年新收政府信息公开申请数量640020470.

Each row's label is found in template order and the run of digits after it is split into the
row's number of values.  A split is a candidate only if every value is well formed (no leading
zero but a lone 0, decimals only in amount columns, a sign only in 本年增/减) and the row's own
identity holds (总计 = the six applicant columns; each 四 group's 总计 = its four outcomes).  Table
三 is then solved jointly: one candidate a row such that its column identities hold.  Where more
than one solution remains, the cells all solutions agree on are kept and the others are NA with a
finding listing the alternatives — a wrong number is worse than a missing one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from . import schema
from .findings import Finding
from .mapping import Cell, TableResult, complete

APPLICATION = "application_handling"
REVIEW = "review_litigation"
ACTIVE = "active_disclosure"

MAX_NODES = 20_000  # split attempts per row before a row is called too ambiguous
MAX_TABLE_NODES = 120_000  # and per table: a report never costs more than ~0.2 s here
MAX_COMBINATIONS = 100_000  # joint assignments tried for table 三
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
_NA = "/—－–"
_ENUMERATOR_TAIL = re.compile(r"[1-8]\s*[.．、]\s*$")  # the next label's 1. … 8.
# The rest of a label: no digit, no NA mark, no （三）-style group marker, no 1.-style item number.
_LABEL_REST = re.compile(
    r"(?:[^\d/—－（(]|[（(](?![一二三四五六七八九十]{1,2}[）)])){0,60}?(?=\s*[\d/—－]|\s*$)"
)
_RUN = re.compile(rf"[\s\d.,，+\-{_NA}元万件条]*")


@dataclass(frozen=True, slots=True)
class Run:
    """The text of a row's cells run together, and where it was found."""

    code: str
    text: str


_PAGE_MARK = re.compile(r"[—－–-]\s*\d{1,3}\s*[—－–-]\s*$|第\s*\d{1,3}\s*页\s*$")


def _run_at(text: str, start: int, later: Sequence[re.Pattern[str]]) -> tuple[str, int]:
    """The run after a label's start: the rest of the label skipped, then the digits; and its end.

    The skip never crosses another row's label (a row left blank is followed by the next label,
    whose numbers are not this row's).
    """
    skip = _LABEL_REST.match(text, start)
    at = start
    if skip and skip.end() > start:
        skipped = text[start : skip.end()]
        if not any(p.search(skipped) for p in later):
            at = skip.end()
    m = _RUN.match(text, at)
    run = m.group(0) if m else ""
    end = at + len(run)
    run = _ENUMERATOR_TAIL.sub("", run.strip())
    return _PAGE_MARK.sub("", run).strip(), end  # a page footer (— 3 —) glued after the row


def find_runs(text: str, labels: dict[str, str], order: Sequence[str]) -> tuple[list[Run], list[str]]:
    """Each row's run, by finding the labels in template order; and the codes not found."""
    patterns = [re.compile(labels[code]) for code in order]
    runs: list[Run] = []
    missing: list[str] = []
    pos = 0
    for i, code in enumerate(order):
        m = patterns[i].search(text, pos)
        if m is None:
            missing.append(code)
            continue
        again = patterns[i].search(text, m.end())
        while again and again.start() - m.end() <= 40 and not re.search(r"\d", text[m.end() : again.start()]):
            m, again = again, patterns[i].search(text, again.end())  # a label repeated by merged cells
        run, pos = _run_at(text, m.end(), patterns[i + 1 :])
        runs.append(Run(code, run))
    return runs, missing


# ---------------------------------------------------------------------------------------------
# Splitting one run


Value = int | float | None
_INT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_SIGNED = re.compile(r"[+-]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")


def _tokens(run: str) -> list[str]:
    """Chunks split by spaces; NA markers and a unit are chunks of their own.  A thousands
    separator stays: it binds the digits around it into one value (1,540)."""
    run = run.replace("，", ",").strip(",")
    out: list[str] = []
    for chunk in run.split():
        if chunk == "-":
            out.append("—")  # a lone dash between spaces marks a missing value
            continue
        out.extend(t for t in re.split(rf"([{_NA}]|万元|元|件|条)", chunk) if t)
    return [t for t in out if t not in ("元", "万元", "件", "条")]


def splits(
    run: str,
    kinds: Sequence[str],
    accept: Callable[[list[Value]], bool],
    group: int = 0,
    budget: list[int] | None = None,
) -> list[list[Value]] | None:
    """All ways to read ``run`` as ``len(kinds)`` values that ``accept`` takes (None: too many).

    With ``group`` (7 for a row of 三, 5 for a group of 四) the last value of every group is the sum
    of the others, so it is not searched for: the digits that follow must spell that sum.
    """
    shared = budget if budget is not None else [MAX_TABLE_NODES]
    tokens = _tokens(run)
    n = len(kinds)
    left = [sum(len(t) if t not in _NA else 1 for t in tokens[i:]) for i in range(len(tokens) + 1)]
    out: list[list[Value]] = []
    nodes = 0

    def remaining(t: int, pos: int) -> int:
        return left[t] - pos

    def walk(t: int, pos: int, values: list[Value]) -> bool:
        nonlocal nodes
        nodes += 1
        shared[0] -= 1
        if nodes > MAX_NODES or shared[0] < 0:
            return False
        if t == len(tokens):
            if len(values) == n and accept(values):
                out.append(list(values))
            return True
        if len(values) >= n or remaining(t, pos) < n - len(values):
            return True  # too few characters left for the values still to come
        token = tokens[t]
        if token in _NA:  # a missing-value marker is one value of its own
            return walk(t + 1, 0, [*values, None])
        if group and len(values) % group == group - 1:
            parts = values[len(values) - group + 1 :]
            if None not in parts:  # the group's total: exactly the sum of its parts
                total = sum(parts)  # type: ignore[arg-type]
                for spelled in dict.fromkeys((str(total), f"{total:,}")):
                    end = pos + len(spelled)
                    if token[pos:end] == spelled and token[end : end + 1] != ",":
                        nt, npos = (t + 1, 0) if end == len(token) else (t, end)
                        if not walk(nt, npos, [*values, total]):
                            return False
                return True
        kind = kinds[len(values)]
        pattern = _DECIMAL if kind == "decimal" else _SIGNED if kind == "signed" else _INT
        for end in range(pos + 1, len(token) + 1):
            piece = token[pos:end]
            if token[end : end + 1] == "," or not pattern.fullmatch(piece):
                if piece[0] == "0" and kind != "decimal":
                    break  # a leading zero: no longer piece can be a number either
                continue
            plain = piece.replace(",", "")
            value: Value = float(plain) if "." in plain else int(plain)
            nt, npos = (t + 1, 0) if end == len(token) else (t, end)
            if group and not _room_for_total(values, value, group, remaining(nt, npos)):
                continue
            if not walk(nt, npos, [*values, value]):
                return False
        return True

    if not tokens:
        return []
    if group == n and all(k == "int" for k in kinds) and not any(t in _NA for t in tokens):
        return _total_first(tokens, n, accept, shared)
    if not walk(0, 0, []):
        return None
    return out


def _total_first(
    tokens: list[str], n: int, accept: Callable[[list[Value]], bool], shared: list[int]
) -> list[list[Value]] | None:
    """Splits of a row whose last value is the sum of the others: the total is read first, as a
    suffix of the run, then the parts are searched with their sum bounded by it."""
    out: list[list[Value]] = []
    budget = [min(MAX_NODES, shared[0])]
    last = tokens[-1]
    for cut in range(len(last) - 1, -1, -1):
        piece = last[cut:]
        if last[cut - 1 : cut] == "," or not _INT.fullmatch(piece):
            continue
        total = int(piece.replace(",", ""))
        head = [*tokens[:-1], last[:cut]] if cut else tokens[:-1]
        head = [t for t in head if t]
        if not head:
            continue
        if not _parts(head, 0, 0, n - 1, total, [], out, accept, total, budget):
            shared[0] = max(0, shared[0] - MAX_NODES)
            return None
    shared[0] -= min(MAX_NODES, shared[0]) - budget[0]
    return out


def _parts(
    tokens: list[str],
    t: int,
    pos: int,
    left: int,
    rest: int,
    values: list[Value],
    out: list[list[Value]],
    accept: Callable[[list[Value]], bool],
    total: int,
    budget: list[int],
) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    chars = sum(len(x) for x in tokens[t:]) - pos
    if left == 0:
        if chars == 0 and rest == 0 and accept([*values, total]):
            out.append([*values, total])
        return True
    if chars < left or chars > left * len(f"{rest:,}"):
        return True  # too few characters for the values to come, or more than they can hold
    token = tokens[t]
    for end in range(pos + 1, len(token) + 1):
        piece = token[pos:end]
        if token[end : end + 1] == "," or not _INT.fullmatch(piece):
            if piece[0] == "0":
                break
            continue
        value = int(piece.replace(",", ""))
        if value > rest:
            break  # longer pieces are larger still
        nt, npos = (t + 1, 0) if end == len(token) else (t, end)
        if not _parts(tokens, nt, npos, left - 1, rest - value, [*values, value], out, accept, total, budget):
            return False
    return True


def _room_for_total(values: Sequence[Value], value: Value, group: int, chars_left: int) -> bool:
    """Whether enough characters remain for the group's parts still to come and its total, which
    is at least the sum of the parts so far."""
    parts = [*values[len(values) - len(values) % group :], value]
    if None in parts:
        return True
    still = group - 1 - len(parts)
    return chars_left >= still + len(str(sum(parts)))  # type: ignore[arg-type]


def _sum_holds(values: Sequence[Value], start: int, width: int) -> bool:
    part = values[start : start + width]
    if any(v is None for v in part):
        return True  # NA: the identity cannot rule the split out
    return sum(part[:-1]) == part[-1]  # type: ignore[arg-type, operator]


def _groups_hold(width: int) -> Callable[[list[Value]], bool]:
    return lambda values: all(_sum_holds(values, i, width) for i in range(0, len(values), width))


# ---------------------------------------------------------------------------------------------
# The tables


def _fmt(values: Sequence[Value]) -> str:
    def one(v: Value) -> str:
        if v is None:
            return "NA"
        return f"{v:f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)

    return "|".join(one(v) for v in values)


def _cells(table: str, code: str, columns: Sequence[str], values: Sequence[Value], run: str) -> list[Cell]:
    """Cells of one row; ``raw`` is the row's whole run, the only text there is for each cell."""
    return [Cell(table, code, c, v, run, None, "run-on text") for c, v in zip(columns, values, strict=True)]


def _ambiguous(table: str, code: str, run: str, options: Sequence[Sequence[Value]], why: str) -> Finding:
    shown = ", ".join(_fmt(o) for o in options[:MAX_SHOWN]) + (" …" if len(options) > MAX_SHOWN else "")
    return Finding(
        "runon_ambiguous",
        f"row {schema.row_label(table, code)}: the digits '{run}' read {len(options)} ways {why} "
        f"({shown}); the cells they disagree on are NA",
        table,
        code,
        found=run,
    )


def _unsolvable(table: str, code: str, run: str, n: int, why: str) -> Finding:
    return Finding(
        "runon_unsolvable",
        f"row {schema.row_label(table, code)}: the digits '{run}' cannot be read as {n} values {why}; NA",
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
    out = TableResult()
    order = [c for c, _ in schema.rows(APPLICATION, template)]
    columns = [c for c, _ in schema.columns(APPLICATION, template)]
    runs, _ = find_runs(text, _APPLICATION_LABELS, order)
    if not runs:
        return out
    candidates: dict[str, list[list[Value]]] = {}
    raw: dict[str, str] = {}
    budget = [MAX_TABLE_NODES]
    for run in runs:
        raw[run.code] = run.text
        options = splits(run.text, ["int"] * 7, _groups_hold(7), group=7, budget=budget)
        if options is None:
            out.findings.append(_unsolvable(APPLICATION, run.code, run.text, 7, "in a bounded search"))
        elif not options:
            out.findings.append(
                _unsolvable(APPLICATION, run.code, run.text, 7, "that add up to the row's 总计")
            )
        else:
            candidates[run.code] = options
    solutions = _solve(candidates, order, template)
    if not solutions:  # the report breaks 一 + 二 = （七） + 四 itself: solve with the result rows alone
        solutions = _solve(candidates, order, template, frame_check=False)
    for code, options in candidates.items():
        chosen = [s[code] for s in solutions] if solutions else options
        unique = [list(x) for x in dict.fromkeys(tuple(o) for o in chosen)]
        values = unique[0] if len(unique) == 1 else _agreed(unique)
        if len(unique) > 1:
            why = "that satisfy every identity of the table" if solutions else "that add up within the row"
            out.findings.append(_ambiguous(APPLICATION, code, raw[code], unique, why))
        out.cells.extend(_cells(APPLICATION, code, columns, values, raw[code]))
        out.found = True
    if out.found:  # rows whose label was not found are reported by complete() as missing_row
        complete(APPLICATION, template, out)
    return out


def _solve(
    candidates: dict[str, list[list[Value]]], order: Sequence[str], template: str, frame_check: bool = True
) -> list[dict[str, list[Value]]]:
    """Every choice of one candidate a row under which the column identities of 三 hold.

    The frame rows (一, 二, （七）总计, 四) are tried against 一 + 二 = （七） + 四; for each frame
    that holds, the result rows are searched depth-first for choices that add up to （七）总计 in
    every column, pruning as soon as a column overshoots.  Empty when nothing holds or the search
    is too large to finish (then each row keeps its own candidates).
    """
    frame = [c for c in ("new_received", "carried_in", "total", "carried_forward") if c in candidates]
    results = [c for c in order[order.index("granted") : order.index("total")]]
    complete_results = all(c in candidates for c in results)
    solutions: list[dict[str, list[Value]]] = []
    budget = [MAX_COMBINATIONS]
    for combo in itertools.product(*(candidates[c] for c in frame)):
        chosen = dict(zip(frame, combo, strict=True))
        if frame_check and not _frame_holds(chosen):
            continue
        if not complete_results or "total" not in chosen:
            rest = [c for c in candidates if c not in chosen]
            for combo2 in itertools.product(*(candidates[c] for c in rest)):
                budget[0] -= 1
                if budget[0] < 0:
                    return []
                solutions.append({**chosen, **dict(zip(rest, combo2, strict=True))})
            continue
        target: list[Value] = list(chosen["total"])
        fixed = {c: candidates[c][0] for c in results if len(candidates[c]) == 1}
        for vector in fixed.values():
            target = _minus(target, vector)
        multi = [c for c in results if len(candidates[c]) > 1]
        if not _search(
            multi,
            0,
            target,
            candidates,
            {},
            partial(_emit, solutions, {**chosen, **fixed}),
            budget,
        ):
            return []
        if len(solutions) > 200:
            return []
    return solutions


def _emit(
    solutions: list[dict[str, list[Value]]], base: dict[str, list[Value]], found: dict[str, list[Value]]
) -> None:
    solutions.append({**base, **found})


def _minus(target: list[Value], vector: Sequence[Value]) -> list[Value]:
    return [None if t is None or v is None else t - v for t, v in zip(target, vector, strict=True)]


def _search(
    multi: Sequence[str],
    i: int,
    target: list[Value],
    candidates: dict[str, list[list[Value]]],
    found: dict[str, list[Value]],
    emit: Callable[[dict[str, list[Value]]], None],
    budget: list[int],
) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if any(t is not None and t < 0 for t in target):
        return True  # a column overshoots 总计: prune
    if i == len(multi):
        if all(t is None or t == 0 for t in target):
            emit(dict(found))
        return True
    code = multi[i]
    for option in candidates[code]:
        found[code] = option
        if not _search(multi, i + 1, _minus(target, option), candidates, found, emit, budget):
            return False
    found.pop(code, None)
    return True


def _frame_holds(rows: dict[str, list[Value]]) -> bool:
    """一 + 二 = （七）总计 + 四 in every column where all four are known."""
    if len(rows) < 4:
        return True
    for col in range(7):
        a, b, t, f = (rows[c][col] for c in ("new_received", "carried_in", "total", "carried_forward"))
        if None not in (a, b, t, f) and a + b != t + f:  # type: ignore[operator]
            return False
    return True


_REVIEW_LABELS = {
    "review": r"行政复议(?=\s*[\d/—－-])",
    "litigation_direct": r"直接起诉[）)]?(?=\s*[\d/—－-])",
    "litigation_after_review": r"复议后起诉[）)]?(?=\s*[\d/—－-])",
}


def review_litigation(text: str, template: str) -> TableResult:
    """Table 四 from run-on text: 15 values after its header, or three labelled rows of five."""
    out = TableResult()
    order = [c for c, _ in schema.rows(REVIEW, template)]
    columns = [c for c, _ in schema.columns(REVIEW, template)]
    ends = [m.end() for m in re.finditer(r"总计(?=\s*[\d/—－-])", text)]
    run = _RUN.match(text[ends[-1] :]) if ends else None
    digits = run.group(0).strip() if run else ""
    if digits:
        rows = [Run("review", digits)]
        width = 15
    else:
        rows, _ = find_runs(text, _REVIEW_LABELS, order)
        width = 5
    for row in rows:
        options = splits(row.text, ["int"] * width, _groups_hold(5), group=5)
        if not options:
            out.findings.append(
                _unsolvable(REVIEW, row.code, row.text, width, "that add up within each group")
            )
            continue
        values = options[0] if len(options) == 1 else _agreed(options)
        if len(options) > 1:
            out.findings.append(
                _ambiguous(REVIEW, row.code, row.text, options, "that add up within each group")
            )
        codes = order if width == 15 else [row.code]
        for i, code in enumerate(codes):
            out.cells.extend(_cells(REVIEW, code, columns, values[5 * i : 5 * i + 5], row.text))
        out.found = True
    if out.found:
        complete(REVIEW, template, out)
    return out


_KINDS = {"change": "signed", "fee_amount": "decimal", "procurement_amount": "decimal"}


def _plausible(template: str, code: str, columns: Sequence[str]) -> Callable[[list[Value]], bool]:
    """Rules that always hold for table 二's rows, which have no identity of their own."""

    def rule(values: list[Value]) -> bool:
        row = dict(zip(columns, values, strict=True))
        if "issued" in row and None not in (row["issued"], row["repealed"], row["in_force"]):
            return row["issued"] <= row["in_force"] + row["repealed"]  # type: ignore[operator]
        if "new_published" in row and None not in (row["new_published"], row["total_published"]):
            return row["new_published"] <= row["total_published"]  # type: ignore[operator]
        if "change" in row and None not in (row["previous_count"], row["change"]):
            return row["previous_count"] + row["change"] >= 0  # type: ignore[operator]
        return True

    return rule


def _with_a_lost_cell(
    run: str, kinds: Sequence[str], rule: Callable[[list[Value]], bool]
) -> list[list[Value]]:
    """Readings of a run as one value fewer, the missing one NA (a blank cell that left no text)."""
    out: list[list[Value]] = []
    for lost in range(len(kinds)):
        rest = [k for i, k in enumerate(kinds) if i != lost]
        for option in splits(run, rest, lambda values: True) or []:
            reading = [*option[:lost], None, *option[lost:]]
            if rule(reading):
                out.append(reading)
    return out


def active_disclosure(text: str, template: str) -> TableResult:
    """Table 二 from run-on text: each row's values by the template's columns for that row."""
    out = TableResult()
    order = [c for c, _ in schema.rows(ACTIVE, template)]
    runs, _ = find_runs(text, _ACTIVE_LABELS, order)
    for run in runs:
        columns = [c for c, _ in schema.columns(ACTIVE, template, run.code)]
        if not run.text:
            continue
        kinds = [_KINDS.get(c, "int") for c in columns]
        rule = _plausible(template, run.code, columns)
        options = splits(run.text, kinds, rule)
        if not options:
            out.findings.append(
                _unsolvable(ACTIVE, run.code, run.text, len(columns), "within the template's rules")
            )
            continue
        if len(options) == 1 and len(columns) > 1:
            # No identity guards these rows: a blank cell that left no text (9 | | 15 → 915)
            # would read as a wrong number.  Unique only if no reading with a cell lost exists.
            options += _with_a_lost_cell(run.text, kinds, rule)
        values = options[0] if len(options) == 1 else _agreed(options)
        if len(options) > 1:
            why = "within the template's rules, a blank cell lost or not"
            out.findings.append(_ambiguous(ACTIVE, run.code, run.text, options, why))
        out.cells.extend(_cells(ACTIVE, run.code, columns, values, run.text))
        out.found = True
    if out.found:
        complete(ACTIVE, template, out)
    return out


def extract(parts: dict[str, str], template: str) -> Iterator[TableResult]:
    """The three tables from the run-on text of their parts."""
    yield active_disclosure(parts.get(ACTIVE, ""), template)
    yield application_handling(parts.get(APPLICATION, ""), template)
    yield review_litigation(parts.get(REVIEW, ""), template)
