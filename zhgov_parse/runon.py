"""Tables from page text whose cells run together: 一、本年新收政府信息公开申请数量640020470.

Each row's label is found in template order and the run of digits after it is split into the
row's number of values.  A split is a candidate only if every value is well formed (no leading
zero but a lone 0, decimals only in amount columns, a sign only in 本年增/减) and the row's own
identity holds (总计 = the six applicant columns; each 四 group's 总计 = its four outcomes).  A
blank cell leaves no text, so rows are also read with one or two values fewer, the missing ones
blank (0 in the sums, NA in the output).  Table 三 is then solved jointly: the candidates of each
row that some choice of one candidate a row, under which its column identities hold, uses; a
report that breaks one identity itself is solved under each single fault in turn.  Where more
than one candidate remains, the cells they all agree on are kept and the others are NA with
a finding listing the alternatives — a wrong number is worse than a missing one.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from . import schema
from .findings import Finding
from .mapping import Cell, TableResult, complete
from .stated import stated

APPLICATION = "application_handling"
REVIEW = "review_litigation"
ACTIVE = "active_disclosure"

MAX_NODES = 20_000  # split attempts per row before a row is called too ambiguous
MAX_BLANK_NODES = 5_000  # and when cells may be blank (real rows take under 2,000)
MAX_TABLE_NODES = 120_000  # and per table: a report never costs more than ~0.2 s here
MAX_COMBINATIONS = 30_000  # candidate sums tried for table 三 (~4 µs each)
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


# A page footer glued after a row: — 3 —, - 4 -, 第3页.  An ASCII hyphen only with spaces: 3-1- is
# a row (3 | -1 | -), not a footer.
_PAGE_MARK = re.compile(r"(?:[—－–]\s*\d{1,3}\s*[—－–]|-\s+\d{1,3}\s+-|第\s*\d{1,3}\s*页)\s*$")


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


class _Blank:
    """A cell the source left empty: it leaves no text in a run, so a reading with one is a
    reading of fewer values.  NA in the output, 0 in the identities (a blank counts as nothing)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BLANK"


BLANK = _Blank()
Value = int | float | None | _Blank
MAX_BLANKS = 2  # blank cells a row of 三 or 四 may have lost
_INT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_SIGNED = re.compile(r"[+-]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")


_DASH = re.compile(r"-(?!\d)")


def _tokens(run: str) -> list[str]:
    """Chunks split by spaces; NA markers and a unit are chunks of their own.  A thousands
    separator stays: it binds the digits around it into one value (1,540)."""
    run = run.replace("，", ",").strip(",")
    out: list[str] = []
    for chunk in run.split():
        chunk = _DASH.sub("—", chunk)  # a dash before no digit marks a missing value (3-1- : 3|-1|-)
        out.extend(t for t in re.split(rf"([{_NA}]|万元|元|件|条)", chunk) if t)
    return [t for t in out if t not in ("元", "万元", "件", "条")]


def splits(
    run: str,
    kinds: Sequence[str],
    accept: Callable[[list[Value]], bool],
    group: int = 0,
    budget: list[int] | None = None,
    blanks: int = 0,
    limit: int = MAX_NODES,
) -> list[list[Value]] | None:
    """All ways to read ``run`` as ``len(kinds)`` values that ``accept`` takes (None: too many).

    With ``group`` (7 for a row of 三, 5 for a group of 四) the last value of every group is the sum
    of the others, so it is not searched for: the digits that follow must spell that sum.  Up to
    ``blanks`` cells may be blank: they left no text and read as :data:`BLANK` (0 in the sums).
    """
    shared = budget if budget is not None else [MAX_TABLE_NODES]
    tokens = _tokens(run)
    n = len(kinds)
    left = [sum(len(t) if t not in _NA else 1 for t in tokens[i:]) for i in range(len(tokens) + 1)]
    out: list[list[Value]] = []
    nodes = 0

    def remaining(t: int, pos: int) -> int:
        return left[t] - pos

    def walk(t: int, pos: int, values: list[Value], spare: int) -> bool:
        nonlocal nodes
        nodes += 1
        shared[0] -= 1
        if nodes > limit or shared[0] < 0:
            return False
        at_total = group and len(values) % group == group - 1
        if spare and len(values) < n:  # this cell may be blank
            parts = values[len(values) - group + 1 :] if at_total else []
            # (a blank total only if its known parts are 0)
            if sum(_num(p) or 0 for p in parts) == 0 and not walk(t, pos, [*values, BLANK], spare - 1):
                return False
        if t == len(tokens):
            if len(values) == n and accept(values):
                out.append(list(values))
            return True
        if len(values) >= n or remaining(t, pos) < n - len(values) - spare:
            return True  # too few characters left for the values still to come
        token = tokens[t]
        if token in _NA:  # a missing-value marker is one value of its own
            return walk(t + 1, 0, [*values, None], spare)
        if at_total:
            parts = values[len(values) - group + 1 :]
            if None not in parts:  # the group's total: exactly the sum of its parts
                total = sum(_num(p) for p in parts)  # type: ignore[misc]
                for spelled in dict.fromkeys((str(total), f"{total:,}")):
                    end = pos + len(spelled)
                    if token[pos:end] == spelled and token[end : end + 1] != ",":
                        nt, npos = (t + 1, 0) if end == len(token) else (t, end)
                        if not walk(nt, npos, [*values, total], spare):
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
            if group and not _room_for_total(values, value, group, remaining(nt, npos), spare):
                continue
            if not walk(nt, npos, [*values, value], spare):
                return False
        return True

    if not tokens:
        return []
    if not blanks and group == n and all(k == "int" for k in kinds) and not any(t in _NA for t in tokens):
        return _total_first(tokens, n, accept, shared)
    if not walk(0, 0, [], blanks):
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
    head = _parts(tuple(tokens), n - 1)
    stop = len(head.text)
    for cut in range(len(last) - 1, 0 if len(tokens) == 1 else -1, -1):
        piece = last[cut:]
        if last[cut - 1 : cut] == "," or not _INT.fullmatch(piece):
            continue
        total = int(piece.replace(",", ""))
        found = head.find(stop - len(piece), n - 1, total, budget)
        if found is None:
            shared[0] = max(0, shared[0] - MAX_NODES)
            return None
        found.sort(key=lambda parts: [len(str(v)) for v in parts])
        out.extend(reading for parts in found if accept(reading := [*parts, total]))
    shared[0] -= min(MAX_NODES, shared[0]) - budget[0]
    return out


def _parts(tokens: tuple[str, ...], most: int) -> _Parts:
    """The tables of a run, kept: a row is read as 7 values, then 6 and 5 with blank cells."""
    return _tables(tokens, max(most, 6))


@functools.lru_cache(maxsize=64)
def _tables(tokens: tuple[str, ...], most: int) -> _Parts:
    return _Parts(tokens, most)


class _Parts:
    """The ways to read the start of a run, up to a position, as so many values with a given sum.

    The least and greatest sum each start can make as k values is tabled first, so a branch whose
    sum is out of reach is cut at once; results are remembered by (position, values, sum).
    """

    def __init__(self, tokens: Sequence[str], most: int) -> None:
        self.text = text = "".join(tokens)
        n = len(text)
        starts: list[int] = []  # for each position, the start of its token (a value never crosses a space)
        for token in tokens:
            starts.extend([len(starts)] * len(token))
        # pieces[end]: each value that can end at ``end``, with its start, shortest first
        self.pieces: list[list[tuple[int, int]]] = [[]]
        for end in range(1, n + 1):
            here: list[tuple[int, int]] = []
            if text[end : end + 1] != ",":
                for at in range(end - 1, starts[end - 1] - 1, -1):
                    piece = text[at:end]
                    if piece.isdigit():  # the common case, without the pattern
                        if piece[0] != "0" or end - at == 1:
                            here.append((at, int(piece)))
                    elif _INT.fullmatch(piece):
                        here.append((at, int(piece.replace(",", ""))))
            self.pieces.append(here)
        inf = float("inf")
        # low[k][end] / high[k][end]: the least / greatest sum of text[:end] read as k values
        self.low: list[list[float]] = [[0] + [inf] * n]
        self.high: list[list[float]] = [[0] + [-inf] * n]
        for _ in range(most):
            last_lo, last_hi = self.low[-1], self.high[-1]
            lo, hi = [inf] * (n + 1), [-inf] * (n + 1)
            for end in range(1, n + 1):
                least, most_ = inf, -inf
                for at, value in self.pieces[end]:
                    a, b = value + last_lo[at], value + last_hi[at]
                    if a < least:
                        least = a
                    if b > most_:
                        most_ = b
                lo[end], hi[end] = least, most_
            self.low.append(lo)
            self.high.append(hi)
        self.memo: dict[tuple[int, int, int], list[tuple[int, ...]]] = {}

    def find(self, end: int, left: int, rest: int, budget: list[int]) -> list[tuple[int, ...]] | None:
        """The ways to read text[:end] as ``left`` values that add up to ``rest`` (None: too many)."""
        if not self.low[left][end] <= rest <= self.high[left][end]:
            return []
        key = (end, left, rest)
        if key in self.memo:
            return list(self.memo[key])
        budget[0] -= 1
        if budget[0] < 0:
            return None
        out: list[tuple[int, ...]] = []
        if left == 0:
            out.append(())
        else:
            for at, value in self.pieces[end]:
                if value > rest:
                    break  # longer pieces are larger still
                heads = self.find(at, left - 1, rest - value, budget)
                if heads is None:
                    return None
                out.extend((*h, value) for h in heads)
        self.memo[key] = out
        return list(out)


def _room_for_total(values: Sequence[Value], value: Value, group: int, chars_left: int, spare: int) -> bool:
    """Whether enough characters remain for the group's parts still to come and its total, which
    is at least the sum of the parts so far (up to ``spare`` of them may be blank, taking none)."""
    parts = [*values[len(values) - len(values) % group :], value]
    if None in parts or len(parts) >= group:
        return True
    still = max(0, group - 1 - len(parts) - spare)
    total = sum(_num(p) for p in parts)  # type: ignore[misc]
    return chars_left >= still + (len(str(total)) if total or not spare else 0)


def readings(
    run: str,
    width: int,
    group: int,
    blanks: int = MAX_BLANKS,
    budget: list[int] | None = None,
) -> list[list[Value]] | None:
    """Every reading of a row of ``width`` whole numbers in groups of ``group`` (each group's last
    value the sum of the others): with all values in the run, then with one, up to ``blanks``,
    cells left blank (a blank cell leaves no text; it counts 0 in the sums).  None: too many.

    >>> readings("0000000", 7, 7)
    [[0, 0, 0, 0, 0, 0, 0]]
    >>> readings("000000", 7, 7, blanks=1)[:2]
    [[BLANK, 0, 0, 0, 0, 0, 0], [0, BLANK, 0, 0, 0, 0, 0]]
    """
    shared = budget if budget is not None else [MAX_TABLE_NODES]
    accept = _groups_hold(group)
    tokens = _tokens(run)
    if tokens and all(t in _NA or set(t) == {"0"} for t in tokens):  # zeros and NA marks: one value each
        values: list[Value] = [None if t in _NA else 0 for t in tokens for _ in t]
        lost = width - len(values)
        if not 0 <= lost <= blanks:
            return []
        shared[0] -= 1
        found = (_insert(values, at) for at in itertools.combinations(range(width), lost))
        return [reading for reading in found if accept(reading)]
    if group != width or any(t in _NA for t in tokens):
        limit = MAX_BLANK_NODES if blanks else MAX_NODES
        return splits(run, ["int"] * width, accept, group=group, budget=shared, blanks=blanks, limit=limit)
    # One group, every value in digits: a blank part leaves the total the sum of the others, so
    # the readings with k blank cells are those of width - k values, a blank put among the parts
    # (the total is not blank: a digit other than 0 is in some part).
    out = splits(run, ["int"] * width, accept, group=group, budget=shared)
    for k in range(1, min(blanks, width - 2) + 1):
        if out is None:
            break
        fewer = splits(run, ["int"] * (width - k), _groups_hold(width - k), group=width - k, budget=shared)
        if fewer is None:
            return None
        out.extend(
            _insert(option, at) for option in fewer for at in itertools.combinations(range(width - 1), k)
        )
    return out


def _insert(values: Sequence[Value], at: Sequence[int]) -> list[Value]:
    """``values`` with a blank cell at each index of ``at`` (ascending) of the longer row."""
    out = list(values)
    for i in at:
        out.insert(i, BLANK)
    return out


def _num(v: Value) -> int | float | None:
    """A value as the identities count it: a blank cell is 0, a marked missing one unknown."""
    return 0 if v is BLANK else v  # type: ignore[return-value]


def _sum_holds(values: Sequence[Value], start: int, width: int) -> bool:
    part = [_num(v) for v in values[start : start + width]]
    if part[-1] is None:
        return True  # the total is NA: the identity cannot rule the split out
    known = sum(v for v in part[:-1] if v is not None)  # type: ignore[misc]
    if None in part:
        return known <= part[-1]  # type: ignore[operator]  # an NA part is unknown but never negative
    return known == part[-1]


def _groups_hold(width: int) -> Callable[[list[Value]], bool]:
    return lambda values: all(_sum_holds(values, i, width) for i in range(0, len(values), width))


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


def parse_readings(text: str) -> tuple[list[str], list[list[int | float | None]]]:
    """The columns and readings :func:`format_readings` wrote (a blank or NA cell is None).

    >>> parse_readings("issued|repealed|in_force: 6|2|34; 6|NA|234")
    (['issued', 'repealed', 'in_force'], [[6, 2, 34], [6, None, 234]])
    """
    head, _, body = text.partition(": ")
    columns = head.split("|")

    def value(x: str) -> int | float | None:
        if x in ("NA", "blank"):
            return None
        return float(x) if "." in x else int(x)

    return columns, [[value(x) for x in reading.split("|")] for reading in body.split("; ") if reading]


def _unsolvable(
    table: str, code: str | None, run: str, n: int, why: str, template: str | None = None
) -> Finding:
    where = f"row {schema.row_label(table, code, template)}" if code else "the table's rows"
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
    runs, _ = find_runs(text, _APPLICATION_LABELS, order)
    if not runs:
        return out, blanks
    candidates: dict[str, list[list[Value]]] = {}
    raw: dict[str, str] = {}
    unsolved: dict[str, Finding] = {}  # rows with no reading that adds up
    budget = [MAX_TABLE_NODES]
    for run in runs:
        raw[run.code] = run.text
        options = readings(run.text, 7, 7, budget=budget)
        if options is None:
            out.findings.append(_unsolvable(APPLICATION, run.code, run.text, 7, "in a bounded search"))
        elif not options:
            unsolved[run.code] = _unsolvable(
                APPLICATION, run.code, run.text, 7, "that add up to the row's 总计"
            )
        else:
            candidates[run.code] = options
    chosen, why = _jointly(candidates, order, raw, set(unsolved))
    out.findings.extend(finding for code, finding in unsolved.items() if code not in chosen)
    for code in order:
        if code not in chosen:
            continue
        unique = chosen[code]
        if not unique:  # its readings all exceed （七）总计
            out.findings.append(_unsolvable(APPLICATION, code, raw[code], 7, "within （七）总计"))
            continue
        blanks = blanks or any(BLANK in o for o in unique)
        values = unique[0] if len(unique) == 1 else _agreed(unique)
        if len(unique) > 1:
            out.findings.append(_ambiguous(APPLICATION, code, raw[code], unique, why, columns))
        out.findings.extend(_blanks(APPLICATION, code, columns, values, raw[code]))
        out.cells.extend(_cells(APPLICATION, code, columns, values, raw[code]))
        out.found = True
    if out.found:  # rows whose label was not found are reported by complete() as missing_row
        complete(APPLICATION, template, out)
    return out, blanks


Reading = list[Value]
_FRAME = ("new_received", "carried_in", "total", "carried_forward")  # 一 + 二 = （七）总计 + 四


def _jointly(
    candidates: dict[str, list[Reading]], order: Sequence[str], raw: dict[str, str], unsolved: set[str]
) -> tuple[dict[str, list[Reading]], str]:
    """Each row's readings that some solution of the whole table uses, and under what.

    First every identity must hold.  A report that breaks one itself (a typo in one cell, a
    column that does not add up, 一 + 二 ≠ （七） + 四) has no such solution: then each single
    fault is supposed in turn — one column's identities set aside, the frame's set aside, one
    row read as what the other rows leave it but for one cell (the wrong one) — and the readings
    of every fault that explains the whole table are kept together.  A row with no reading of
    its own (``unsolved``: its digits cannot add up) must be the faulty one.  When no single
    fault explains the table, or the search is too large, each row keeps its own readings.
    """
    both = ", a blank cell lost or not"
    if not unsolved:
        feasible = _solve(candidates, order)
        if feasible:
            return _picked(candidates, feasible), "that satisfy every identity of the table" + both
    if unsolved or feasible == {}:
        union = _single_faults(candidates, order, raw, unsolved)
        if union:
            why = "that satisfy every identity of the table but one the report itself breaks"
            return union, why + both
    # No single fault explains the table: as before faults were weighed, the frame (results
    # unchecked when a row has no reading), then the frame set aside, then each row alone.
    feasible = _solve(candidates, order)
    if feasible == {}:
        feasible = _solve(candidates, order, frame_check=False)
    if feasible:
        return _picked(candidates, feasible), "that satisfy the identities that can be checked" + both
    return {
        code: _unique(options) for code, options in candidates.items()
    }, "that add up within the row" + both


def _single_faults(
    candidates: dict[str, list[Reading]], order: Sequence[str], raw: dict[str, str], unsolved: set[str]
) -> dict[str, list[Reading]]:
    """The readings of every single fault that explains the whole table, together (empty: none
    does, or the search was too large to tell)."""
    faults: list[tuple[dict[str, list[Reading]], dict]] = []
    if len(unsolved) == 1:
        code = next(iter(unsolved))
        faults.append((candidates, {"free": _Free(code, raw[code])}))
    elif not unsolved:
        faults += [(candidates, {"unchecked": frozenset({j, 6})}) for j in range(6)]
        faults += [
            ({c: o for c, o in candidates.items() if c != code}, {"free": _Free(code, raw[code])})
            for code in order
            if code in candidates
        ]
    budget = [MAX_COMBINATIONS]
    union: dict[str, dict[tuple[Value, ...], None]] = {}
    for rows, how in faults:
        feasible = _solve(rows, order, budget=budget, **how)
        if feasible is None:
            return {}
        if not feasible:
            continue
        picked = _picked(rows, feasible)
        free: _Free | None = how.get("free")
        if free:
            picked[free.code] = [list(r) for r in free.found]
        for code, options in picked.items():
            union.setdefault(code, {}).update((tuple(o), None) for o in options)
    return {code: [list(o) for o in options] for code, options in union.items()}


def _unique(options: Sequence[Reading]) -> list[Reading]:
    return [list(x) for x in dict.fromkeys(tuple(o) for o in options)]


def _picked(candidates: dict[str, list[Reading]], feasible: dict[str, set[int]]) -> dict[str, list[Reading]]:
    return {
        code: _unique([options[i] for i in sorted(feasible[code])]) for code, options in candidates.items()
    }


class _Free:
    """A row read as what the other rows leave it (its residual), but for one cell: the one the
    report got wrong, whose digits are whatever the run holds between the others'."""

    def __init__(self, code: str, run: str) -> None:
        self.code = code
        self.digits = "".join(run.split()) if re.fullmatch(r"[\d\s]+", run) else ""
        self.found: dict[tuple[int, ...], None] = {}

    def spell(self, residual: Sequence[int | float | None]) -> list[tuple[int, ...]]:
        """The readings of the run equal to ``residual`` in every cell but one."""
        if not self.digits or any(v is None or v < 0 or isinstance(v, float) for v in residual):
            return []
        shown = [str(v) for v in residual]
        out = []
        for j in range(len(shown)):
            before, after = "".join(shown[:j]), "".join(shown[j + 1 :])
            middle = self.digits[len(before) : len(self.digits) - len(after)]
            if (
                len(before) + len(after) < len(self.digits)
                and self.digits.startswith(before)
                and self.digits.endswith(after)
                and _INT.fullmatch(middle)
                and int(middle) != residual[j]
            ):
                out.append((*residual[:j], int(middle), *residual[j + 1 :]))  # type: ignore[arg-type]
        return out


Vector = tuple[int | float | None, ...]


def _vector(values: Sequence[Value]) -> Vector:
    return tuple(_num(v) for v in values)


def _solve(
    candidates: dict[str, list[Reading]],
    order: Sequence[str],
    frame_check: bool = True,
    unchecked: frozenset[int] = frozenset(),
    free: _Free | None = None,
    budget: list[int] | None = None,
) -> dict[str, set[int]] | None:
    """For each row, the candidates that take part in some choice of one candidate a row under
    which the column identities of 三 hold (but in the ``unchecked`` columns).

    The frame rows (一, 二, （七）总计, 四) are tried against 一 + 二 = （七） + 四; for each （七）总计 of
    a frame that holds, the result rows are solved to add up to it in every column (see
    :func:`_results_solve`).  A ``free`` row has no candidates: its readings are spelled from
    what the identities leave it, and gathered in ``free.found``.  Empty when nothing holds,
    None when the search is too large to finish (then each row keeps its own candidates).
    """
    free_code = free.code if free else None
    frame = [c for c in _FRAME if c in candidates]
    results = [c for c in order[order.index("granted") : order.index("total")]]
    complete_results = all(c in candidates or c == free_code for c in (*results, "total"))
    if free_code in results and not complete_results:
        return {}  # a result row is what the others leave it only when all of them are there
    vectors = {code: [_vector(o) for o in options] for code, options in candidates.items()}
    used: dict[str, set[int]] = {code: set() for code in candidates}
    budget = budget if budget is not None else [MAX_COMBINATIONS]
    solved: dict[Vector, dict[str, set[int]] | None] = {}
    any_holds = False
    for combo in itertools.product(*(range(len(candidates[c])) for c in frame)):
        budget[0] -= 1
        if budget[0] < 0:
            return None
        chosen = dict(zip(frame, combo, strict=True))
        rows = {c: vectors[c][i] for c, i in chosen.items()}
        if free and free_code in _FRAME:
            residual = _frame_residual(free_code, rows)
            spelled = free.spell(residual) if residual else []
            if not spelled:
                continue
            target = residual if free_code == "total" else rows.get("total")
        else:
            if frame_check and not _frame_holds(rows, unchecked):
                continue
            spelled = []
            target = rows.get("total")
        if complete_results and target is not None:
            if unchecked:
                target = tuple(None if j in unchecked else t for j, t in enumerate(target))
            if target not in solved:
                in_results = free if free_code in results else None
                found = solved[target] = _results_solve(results, vectors, target, budget, in_results)
                if budget[0] < 0:
                    return None
                for code, indices in (found or {}).items():  # once a target: frames share them
                    used[code] |= indices
            if not solved[target]:
                continue
        any_holds = True
        for code, i in chosen.items():
            used[code].add(i)
        if free:
            free.found.update((tuple(s), None) for s in spelled)
    if not any_holds:
        return {}
    if not complete_results:  # the result rows cannot be summed: each keeps its candidates
        ceiling = _ceiling([vectors["total"][i] for i in used.get("total", ())])
        for code in candidates:
            if code not in frame:  # but no part of （七）总计 exceeds it
                used[code] = {i for i, v in enumerate(vectors[code]) if _below(v, ceiling)}
    return used


def _ceiling(totals: Sequence[Vector]) -> Vector | None:
    """The most each column of （七）总计 may hold by its readings (None: unknown)."""
    if not totals:
        return None
    return tuple(None if None in column else max(column) for column in zip(*totals, strict=True))  # type: ignore[type-var]


def _below(vector: Vector, ceiling: Vector | None) -> bool:
    if ceiling is None:
        return True
    return all(v is None or c is None or v <= c for v, c in zip(vector, ceiling, strict=True))


def _frame_residual(code: str, rows: dict[str, Vector]) -> Vector | None:
    """What 一 + 二 = （七） + 四 leaves the frame row ``code`` given the other three (None:
    one of them unknown)."""
    if len(rows) < 3:
        return None
    sign = {"new_received": 1, "carried_in": 1, "total": -1, "carried_forward": -1}
    out = []
    for j in range(7):
        terms = [(sign[c], rows[c][j]) for c in rows]
        if any(v is None for _, v in terms):
            return None
        out.append(-sign[code] * sum(s * v for s, v in terms))  # type: ignore[operator]
    return tuple(out)


_FIELD = 48  # bits a column's sum takes in a packed vector (counts stay far below 2**46)
_UNKNOWN = 1 << (_FIELD - 2)  # the target of a column whose 总计 is NA: never reached
_LARGE = 1 << (_FIELD - 8)  # no count in a report comes near this; 30 rows of it still fit a field


def _pack(values: Sequence[int | float | None]) -> tuple[int, int]:
    """A row's numbers as one integer, a column a field (NA as 0), and the mask of NA columns:
    column sums are then one addition, and bounds one subtraction (see :func:`_results_solve`)."""
    packed = mask = 0
    for j, v in enumerate(values):
        if v is None:
            mask |= 1 << j
        else:
            packed |= int(v) << (_FIELD * j)
    return packed, mask


def _unpack(packed: int, width: int) -> tuple[int, ...]:
    return tuple(packed >> (_FIELD * j) & ((1 << _FIELD) - 1) for j in range(width))


def _results_solve(
    results: Sequence[str],
    vectors: dict[str, list[Vector]],
    target: Vector,
    budget: list[int],
    free: _Free | None = None,
) -> dict[str, set[int]] | None:
    """Which candidates of the result rows take part in a choice that adds up to ``target`` in
    every column where the sum can be checked (a column with a marked missing value in it cannot,
    but its known values still may not exceed the target: counts are never negative).

    Candidates out of reach of the other rows' least and greatest sums are dropped first; then,
    forward, the partial sums each row can reach within those bounds; backward, those that reach
    ``target``.  Sums are packed, a column a field, with a guard bit on top of each field: after
    a subtraction a cleared guard bit is a column below zero.  A ``free`` row is left out of the
    sums (it may hold anything up to the target): a sum is reached when what it leaves spells the
    free row's run but for one cell.
    """
    width = len(target)
    if free and (None in target or any(None in v for code in results for v in vectors.get(code, ()))):
        return None  # what a free row is left is unknown where a value is NA: not decided here
    results = [code for code in results if not free or code != free.code]
    numbers = [v for code in results for vector in vectors[code] for v in vector] + list(target)
    if any(v is not None and abs(v) >= _LARGE for v in numbers):
        return None  # not a count: sums this large would not fit the packed fields
    guard = sum(1 << (_FIELD * j + _FIELD - 1) for j in range(width))
    known = sum(1 << j for j, t in enumerate(target) if t is not None)
    tops, _ = _pack([_UNKNOWN if t is None else t for t in target])
    top = tops | guard  # each field: its target with the guard bit set
    spare = tops if free else 0  # the most a free row may take: anything up to the target
    floors: dict[int, int] = {}

    def floor(strict: int) -> int:  # the targets of the columns that must be reached exactly
        if strict not in floors:
            floors[strict] = _pack([t if strict >> j & 1 else 0 for j, t in enumerate(target)])[0]
        return floors[strict]

    options = {code: [_pack(v) for v in vectors[code]] for code in results}
    alive = {code: list(range(len(options[code]))) for code in results}
    all_columns = (1 << width) - 1

    def bounds(code: str) -> tuple[int, int, int]:
        """A row's least and greatest value in each column (packed), and the columns it may blur."""
        lo = hi = 0
        blur = 0
        for j in range(width):
            column = [options[code][k][0] >> (_FIELD * j) & ((1 << _FIELD) - 1) for k in alive[code]]
            lo |= min(column) << (_FIELD * j)
            hi |= max(column) << (_FIELD * j)
        for k in alive[code]:
            blur |= options[code][k][1]
        return lo, hi, blur

    def fits(packed: int, mask: int, lo: int, hi: int, blur: int) -> bool:
        if (top - (packed + lo)) & guard != guard:
            return False  # a column overshoots its target even with the least of the rest
        strict = known & ~mask & ~blur & all_columns
        return (packed + hi + guard - floor(strict)) & guard == guard  # or falls short with the most

    for _ in range(4):  # drop what the other rows cannot complete, until nothing changes
        each = {code: bounds(code) for code in results}
        lo_all = sum(b[0] for b in each.values())
        hi_all = sum(b[1] for b in each.values()) + spare
        changed = False
        for code in results:
            lo, hi, _ = each[code]
            blur = 0
            for other in results:
                if other != code:
                    blur |= each[other][2]
            budget[0] -= len(alive[code])
            keep = [k for k in alive[code] if fits(*options[code][k], lo_all - lo, hi_all - hi, blur)]
            if not keep:
                return {}
            changed |= len(keep) < len(alive[code])
            alive[code] = keep
        if not changed:
            break
    if budget[0] < 0:
        return None
    # rows with few candidates first: the partial sums multiply late, where the bounds cut most
    results = sorted(results, key=lambda code: len(alive[code]))
    # the least and greatest sums of the rows after each one, and the columns they may blur
    rest: list[tuple[int, int, int]] = [(0, spare, 0)]
    for code in reversed(results):
        lo, hi, blur = bounds(code)
        rest.append((rest[-1][0] + lo, rest[-1][1] + hi, rest[-1][2] | blur))
    rest.reverse()
    layers: list[dict[tuple[int, int], None]] = [{(0, 0): None}]
    for i, code in enumerate(results):
        lo, hi, blur = rest[i + 1]
        reached: dict[tuple[int, int], None] = {}
        for packed, mask in layers[-1]:
            budget[0] -= len(alive[code])
            if budget[0] < 0:
                return None
            for k in alive[code]:
                vector, vmask = options[code][k]
                nxt = packed + vector
                if fits(nxt, mask | vmask, lo, hi, blur):
                    reached[nxt, mask | vmask] = None
        if not reached:
            return {}
        layers.append(reached)
    if free:  # the sums whose remainder the free row's run spells
        good = set()
        for packed, mask in layers[-1]:
            spelled = free.spell([t - s for t, s in zip(target, _unpack(packed, width), strict=True)])  # type: ignore[operator]
            if spelled:
                good.add((packed, mask))
                free.found.update((s, None) for s in spelled)
    else:
        good = set(layers[-1])  # the last bounds (nothing left) leave only sums that hit the target
    if not good:
        return {}
    used: dict[str, set[int]] = {}
    for i in range(len(results) - 1, -1, -1):
        code = results[i]
        before: set[tuple[int, int]] = set()
        used[code] = set()
        for packed, mask in layers[i]:
            for k in alive[code]:
                vector, vmask = options[code][k]
                if (packed + vector, mask | vmask) in good:
                    before.add((packed, mask))
                    used[code].add(k)
        good = before
    return used


def _frame_holds(rows: dict[str, Vector], unchecked: frozenset[int] = frozenset()) -> bool:
    """一 + 二 = （七）总计 + 四 in every column where all four are known (but the ``unchecked``)."""
    if len(rows) < 4:
        return True
    for col in range(7):
        if col in unchecked:
            continue
        a, b, t, f = (rows[c][col] for c in _FRAME)
        if None not in (a, b, t, f) and a + b != t + f:  # type: ignore[operator]
            return False
    return True


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
        options = readings(row.text, width, 5, blanks=0)
        if blanks or not options:
            options = readings(row.text, width, 5)
        codes = order if width == 15 else [row.code]
        if not options:
            why = "in a bounded search" if options is None else "that add up within each group"
            where = None if width == 15 else row.code  # the wide run holds all three rows
            out.findings.append(_unsolvable(REVIEW, where, row.text, width, why))
            continue
        for i, code in enumerate(codes):
            group = [list(x) for x in dict.fromkeys(tuple(o[5 * i : 5 * i + 5]) for o in options)]
            values = group[0] if len(group) == 1 else _agreed(group)
            if len(group) > 1:
                why = "that add up within each group, a blank cell lost or not"
                out.findings.append(_ambiguous(REVIEW, code, row.text, group, why, columns))
            out.findings.extend(_blanks(REVIEW, code, columns, values, row.text))
            out.cells.extend(_cells(REVIEW, code, columns, values, row.text))
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


def active_disclosure(text: str, template: str, prose: str = "") -> TableResult:
    """Table 二 from run-on text: each row's values by the template's columns for that row.

    A row that reads several ways keeps those readings that agree with what the report's
    ``prose`` (its overview) states of the row's cells, if any reading does (see
    :mod:`zhgov_parse.stated`): a ``runon_text_resolved`` finding names the phrase.
    """
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
                _unsolvable(ACTIVE, run.code, run.text, len(columns), "within the template's rules", template)
            )
            continue
        if len(options) == 1 and len(columns) > 1:
            # No identity guards these rows: a blank cell that left no text (9 | | 15 → 915)
            # would read as a wrong number.  Unique only if no reading with a cell lost exists.
            options += _with_a_lost_cell(run.text, kinds, rule)
        if len(options) > 1 and prose:
            options = _as_stated(options, prose, run, columns, template, out.findings)
        values = options[0] if len(options) == 1 else _agreed(options)
        if len(options) > 1:
            why = "within the template's rules, a blank cell lost or not"
            out.findings.append(_ambiguous(ACTIVE, run.code, run.text, options, why, columns, template))
        out.cells.extend(_cells(ACTIVE, run.code, columns, values, run.text))
        out.found = True
    if out.found:
        complete(ACTIVE, template, out)
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


def extract(parts: dict[str, str], template: str, prose: str = "") -> Iterator[TableResult]:
    """The three tables from the run-on text of their parts (``prose``: the overview's text)."""
    yield active_disclosure(parts.get(ACTIVE, ""), template, prose)
    handling, blanks = _application_handling(parts.get(APPLICATION, ""), template)
    yield handling
    yield review_litigation(parts.get(REVIEW, ""), template, blanks=blanks)
