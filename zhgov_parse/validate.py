"""The accounting identities the template states (勾稽关系), checked on the mapped cells only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def check(cells: Iterable[Cell], template: str) -> list[Finding]:
    """All identities of the schema on one report's cells; tables not present are skipped."""
    grid: dict[tuple[str, str, str], Number] = {}
    present: dict[str, bool] = {}
    for c in cells:
        grid[(c.table, c.row, c.column)] = c.value
        present[c.table] = present.get(c.table, False) or c.raw is not None
    out: list[Finding] = []

    def add(f: Finding | None) -> None:
        if f is not None:
            out.append(f)

    if present.get(_APP):
        rows = [r for r, _ in schema.rows(_APP, template)]
        results = rows[rows.index("granted") : rows.index("total")]
        for col, col_label in schema.columns(_APP, template):

            def g(r: str, col: str = col) -> Number:
                return grid.get((_APP, r, col))

            add(
                check_equation(
                    [g("new_received"), g("carried_in")],
                    [g("total"), g("carried_forward")],
                    table=_APP,
                    row="total",
                    column=col,
                    what=f"一 + 二 = （七）总计 + 四 in column {col_label}",
                )
            )
            add(
                check_equation(
                    [g("total")],
                    [g(r) for r in results],
                    table=_APP,
                    row="total",
                    column=col,
                    what=f"（七）总计 = sum of the results rows in column {col_label}",
                )
            )
        for row, row_label in schema.rows(_APP, template):

            def g(c: str, row: str = row) -> Number:  # type: ignore[misc]
                return grid.get((_APP, row, c))

            add(
                check_equation(
                    [g("total")],
                    [g(c) for c in _APPLICANTS],
                    table=_APP,
                    row=row,
                    column="total",
                    what=f"总计 = sum of the six applicant columns in row {row_label}",
                )
            )
    if present.get(_REV):
        for row, row_label in schema.rows(_REV, template):

            def g(c: str, row: str = row) -> Number:  # type: ignore[misc]
                return grid.get((_REV, row, c))

            add(
                check_equation(
                    [g("total")],
                    [g(c) for c in _OUTCOMES],
                    table=_REV,
                    row=row,
                    column="total",
                    what=f"总计 = 维持 + 纠正 + 其他 + 尚未审结 in row {row_label}",
                )
            )
    return out
