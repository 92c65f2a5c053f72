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
#: One identity: (left terms, right terms, row, column, what it says); its table is the one asked for.
Equation = tuple[tuple[Key, ...], tuple[Key, ...], str, str, str]


def _row_totals(table: str, template: str, parts: Sequence[str], says: str) -> list[Equation]:
    """总计 = the sum of ``parts`` in every row of the table."""
    return [
        (((table, row, "total"),), tuple((table, row, c) for c in parts), row, "total", f"{says} {label}")
        for row, label in schema.rows(table, template)
    ]


@cache
def _equations(table: str, template: str) -> tuple[Equation, ...]:
    """The identities of one table for a template version (built once)."""
    if table == _REV:
        return tuple(_row_totals(_REV, template, _OUTCOMES, "总计 = 维持 + 纠正 + 其他 + 尚未审结 in row"))
    rows = [r for r, _ in schema.rows(_APP, template)]
    results = rows[rows.index("granted") : rows.index("total")]
    out: list[Equation] = []
    for col, label in schema.columns(_APP, template):
        out.append(
            (
                ((_APP, "new_received", col), (_APP, "carried_in", col)),
                ((_APP, "total", col), (_APP, "carried_forward", col)),
                "total",
                col,
                f"一 + 二 = （七）总计 + 四 in column {label}",
            )
        )
        out.append(
            (
                ((_APP, "total", col),),
                tuple((_APP, r, col) for r in results),
                "total",
                col,
                f"（七）总计 = sum of the results rows in column {label}",
            )
        )
    out += _row_totals(_APP, template, _APPLICANTS, "总计 = sum of the six applicant columns in row")
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
        for left, right, row, column, what in _equations(table, template):
            finding = check_equation(
                [get(k) for k in left],
                [get(k) for k in right],
                table=table,
                row=row,
                column=column,
                what=what,
            )
            if finding is not None:
                out.append(finding)
    return out
