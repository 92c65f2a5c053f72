"""The accounting identities the template states (勾稽关系), checked on the mapped cells only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from . import schema
from .findings import Finding
from .mapping import Cell

Number = int | float | None
_APP = "application_handling"
_REV = "review_litigation"
_APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org")
_OUTCOMES = ("upheld", "corrected", "other_outcome", "pending")


def _fmt(terms: Sequence[Number]) -> str:
    return " + ".join("NA" if t is None else _num(t) for t in terms)


def _side(terms: Sequence[Number], total: float, known: bool) -> str:
    if len(terms) == 1:
        return _fmt(terms)
    return f"{_fmt(terms)} = {_num(total) if known else '?'}"


def _num(x: int | float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _sum(terms: Sequence[Number]) -> float:
    return float(sum(t for t in terms if t is not None))


def check_equation(
    left: Sequence[Number],
    right: Sequence[Number],
    *,
    table: str,
    row: str | None,
    column: str | None,
    what: str,
) -> Finding | None:
    """Check ``sum(left) == sum(right)``; NA terms make it unassessable unless already broken."""
    l_known = None not in left
    r_known = None not in right
    ls, rs = _sum(left), _sum(right)
    if l_known and r_known and abs(ls - rs) < 1e-6:
        return None  # the usual case: nothing to format
    shown = f"{_side(left, ls, l_known)} vs {_side(right, rs, r_known)}"
    if l_known and r_known:
        return Finding(
            "identity_broken", f"{what}: {shown}", table, row, column, expected=_num(ls), found=_num(rs)
        )
    if all(t is None for t in (*left, *right)):
        return None  # nothing stated: reported as missing rows, not as an identity
    if not l_known and not r_known:
        return Finding(
            "identity_unassessable", f"{what}: terms missing on both sides ({shown})", table, row, column
        )
    # One side is known; counts are never negative, so the partial sum of the other bounds it.
    known, partial = (ls, rs) if l_known else (rs, ls)
    if partial > known + 1e-6:
        return Finding(
            "identity_broken",
            f"{what}: the known terms already exceed the total ({shown})",
            table,
            row,
            column,
            expected=f"<= {_num(known)}",
            found=_num(partial),
        )
    return Finding("identity_unassessable", f"{what}: a term is NA ({shown})", table, row, column)


Key = tuple[str, str, str]
#: One identity: (left terms, right terms, table, row, column, what it says).
Equation = tuple[tuple[Key, ...], tuple[Key, ...], str, str, str, str]


@cache
def _equations(table: str, template: str) -> tuple[Equation, ...]:
    """The identities of one table for a template version (built once)."""
    out: list[Equation] = []
    if table == _APP:
        rows = [r for r, _ in schema.rows(_APP, template)]
        results = rows[rows.index("granted") : rows.index("total")]
        for col, col_label in schema.columns(_APP, template):

            def k(r: str, col: str = col) -> Key:
                return (_APP, r, col)

            out.append(
                (
                    (k("new_received"), k("carried_in")),
                    (k("total"), k("carried_forward")),
                    _APP,
                    "total",
                    col,
                    f"一 + 二 = （七）总计 + 四 in column {col_label}",
                )
            )
            out.append(
                (
                    (k("total"),),
                    tuple(k(r) for r in results),
                    _APP,
                    "total",
                    col,
                    f"（七）总计 = sum of the results rows in column {col_label}",
                )
            )
        for row, row_label in schema.rows(_APP, template):
            out.append(
                (
                    ((_APP, row, "total"),),
                    tuple((_APP, row, c) for c in _APPLICANTS),
                    _APP,
                    row,
                    "total",
                    f"总计 = sum of the six applicant columns in row {row_label}",
                )
            )
    elif table == _REV:
        for row, row_label in schema.rows(_REV, template):
            out.append(
                (
                    ((_REV, row, "total"),),
                    tuple((_REV, row, c) for c in _OUTCOMES),
                    _REV,
                    row,
                    "total",
                    f"总计 = 维持 + 纠正 + 其他 + 尚未审结 in row {row_label}",
                )
            )
    return tuple(out)


def check(cells: Iterable[Cell], template: str) -> list[Finding]:
    """All identities of the schema on one report's cells; tables not present are skipped."""
    grid: dict[Key, Number] = {}
    present: set[str] = set()
    for c in cells:
        grid[(c.table, c.row, c.column)] = c.value
        if c.raw is not None:
            present.add(c.table)
    out: list[Finding] = []
    get = grid.get
    for table in (_APP, _REV):
        if table not in present:
            continue
        for left_keys, right_keys, tab, row, column, what in _equations(table, template):
            left = [get(k) for k in left_keys]
            right = [get(k) for k in right_keys]
            if None not in left and None not in right and abs(sum(left) - sum(right)) < 1e-6:  # type: ignore[arg-type]
                continue  # the usual case
            finding = check_equation(left, right, table=tab, row=row, column=column, what=what)
            if finding is not None:
                out.append(finding)
    return out
