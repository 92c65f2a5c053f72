"""Table 三 of run-on text solved jointly: each row's readings that some choice of one reading a
row uses, under which the table's column identities hold — 一 + 二 = （七）总计 + 四, and （七）总计 =
the sum of the result rows, in every column.  A report that breaks one identity itself is solved
under each single fault in turn (see :func:`jointly`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from .runon_split import BLANK, INT, MAX_BLANKS, Value, as_number, in_template_order, in_text_order
from .values import MAX_DIGITS

MAX_COMBINATIONS = 30_000  # candidate sums tried for table 三 (~4 µs each)


Reading = list[Value]
_FRAME = ("new_received", "carried_in", "total", "carried_forward")  # 一 + 二 = （七）总计 + 四


class Solution(NamedTuple):
    """Each row's readings, why they are the ones kept, and whether the table's column identities
    checked them (else each row rests on its own 总计, or on part of the identities)."""

    rows: dict[str, list[Reading]]
    why: str
    checked: bool


def jointly(
    candidates: dict[str, list[Reading]],
    order: Sequence[str],
    raw: dict[str, str],
    unsolved: set[str],
    columns: Sequence[int] | None = None,
) -> Solution:
    """Each row's readings that some solution of the whole table uses, and under what.

    First every identity must hold.  A report that breaks one itself (a typo in one cell, a
    column that does not add up) has no such solution: then each single fault is supposed in
    turn — one applicant column's identities set aside (with the 总计 column's), one row read as
    what the other rows leave it but for one cell (the wrong one) — and the readings of every
    fault that explains the whole table are kept together.  A row with no reading of its own
    (``unsolved``: its digits cannot add up) must be the faulty one.  ``columns``: where the
    text's columns stand in the template's, when its header orders them otherwise (readings are
    in the template's order; a run, in the text's).  When no single fault explains the table,
    or one cannot be weighed: the frame rows by 一 + 二 = （七） + 四 alone, or the result rows by
    （七） alone, else each row by itself (``checked`` false).  Searches are bounded: one budget
    for the table under every identity, one for the faults and what follows them; past it, each
    row by itself.
    """
    both = ", a blank cell lost or not"
    alone = Solution(
        {code: _unique(options) for code, options in candidates.items()},
        "that add up within the row" + both,
        False,
    )
    feasible = _solve(candidates, order) if not unsolved else {}
    if feasible is None:
        return alone
    if feasible:
        return Solution(
            _picked(candidates, feasible), "that satisfy every identity of the table" + both, True
        )
    budget = [MAX_COMBINATIONS]
    union = _single_faults(candidates, order, raw, unsolved, budget, columns)
    if union:
        why = "that satisfy every identity of the table but one the report itself breaks"
        return Solution(union, why + both, True)
    if budget[0] <= 0:
        return alone
    if unsolved:  # the result rows cannot be summed without the row: the frame alone
        feasible = _solve(candidates, order, budget=budget)
    if not unsolved or feasible == {}:
        feasible = _solve(candidates, order, frame_check=False, budget=budget)
    if feasible:
        why = "that satisfy the identities that can be checked"
        return Solution(_picked(candidates, feasible), why + both, False)
    return alone


def _single_faults(
    candidates: dict[str, list[Reading]],
    order: Sequence[str],
    raw: dict[str, str],
    unsolved: set[str],
    budget: list[int],
    columns: Sequence[int] | None = None,
) -> dict[str, list[Reading]]:
    """The readings of every single fault that explains the whole table, together (empty: none
    does, or the search was too large to tell)."""
    faults: list[tuple[dict[str, list[Reading]], dict]] = []
    if len(unsolved) == 1:
        code = next(iter(unsolved))
        faults.append((candidates, {"free": _Free(code, raw[code], columns)}))
    elif not unsolved:
        faults += [(candidates, {"unchecked": frozenset({j, 6})}) for j in range(6)]
        faults += [
            ({c: o for c, o in candidates.items() if c != code}, {"free": _Free(code, raw[code], columns)})
            for code in order
            if code in candidates
        ]
    if any(not how["free"].weighable for _, how in faults if "free" in how):
        return {}  # a fault that cannot be weighed might be the one: the others may not decide
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
    report got wrong, whose digits are whatever the run holds between the others' (none: a cell
    left blank).  Cells the residual makes 0 may be blank too, up to :data:`MAX_BLANKS`; and the
    residual itself is a reading where the run spells it with more blank cells than a row's own
    readings weigh (10 | | 0 | 0 | | | 10 as 100010: no fault, but three blanks)."""

    def __init__(self, code: str, run: str, columns: Sequence[int] | None = None) -> None:
        self.code = code
        # a run with NA marks cannot be spelled: the fault is then not weighed at all
        self.digits = "".join(run.split()) if re.fullmatch(r"[\d\s]+", run) else None
        # a space in the run is a cell's edge (17 3 is no 173): the digits before each space
        chunks = run.split()
        self.spaces = frozenset(itertools.accumulate(len(c) for c in chunks[:-1]))
        self.columns = columns  # the run's columns in the template's (None: the same order)
        self.found: dict[tuple[Value, ...], None] = {}

    def spell(self, residual: Sequence[int | float | None]) -> list[tuple[Value, ...]]:
        """The readings of the run equal to ``residual`` in every cell but one."""
        if self.digits is None or any(v is None or v < 0 or isinstance(v, float) for v in residual):
            return []
        text: list[int] = in_text_order(residual, self.columns)  # type: ignore[assignment]
        zeros = [i for i, v in enumerate(text) if v == 0]
        out = []
        for k in range(len(zeros) + 1):
            for lost in itertools.combinations(zeros, k):
                shown = ["" if i in lost else str(v) for i, v in enumerate(text)]
                if k > MAX_BLANKS:
                    if "".join(shown) == self.digits and self._edges_hold(shown):
                        exact: list[Value] = [BLANK if i in lost else v for i, v in enumerate(text)]
                        out.append(tuple(in_template_order(exact, self.columns)))
                    continue
                out.extend(self._with_one_wrong(text, shown, lost))
        return out

    def _with_one_wrong(
        self, text: list[int], shown: list[str], lost: tuple[int, ...]
    ) -> list[tuple[Value, ...]]:
        digits = self.digits or ""
        out = []
        for j in range(len(text)):
            if j in lost:
                continue
            before, after = "".join(shown[:j]), "".join(shown[j + 1 :])
            if len(before) + len(after) > len(digits) or not (
                digits.startswith(before) and digits.endswith(after)
            ):
                continue
            middle = digits[len(before) : len(digits) - len(after)]
            written: Value = (
                BLANK
                if not middle and text[j]
                else int(middle)
                if INT.fullmatch(middle) and len(middle) <= MAX_DIGITS  # longer is no count
                else None
            )
            if written is None or written == text[j]:
                continue
            if self.spaces and not self._edges_hold([*shown[:j], middle, *shown[j + 1 :]]):
                continue
            reading: list[Value] = [BLANK if i in lost else v for i, v in enumerate(text)]
            reading[j] = written
            out.append(tuple(in_template_order(reading, self.columns)))
        return out

    def _edges_hold(self, pieces: Sequence[str]) -> bool:
        """Whether every space in the run falls between two of the cells ``pieces`` spell."""
        return self.spaces <= set(itertools.accumulate(len(p) for p in pieces))

    @property
    def weighable(self) -> bool:
        return self.digits is not None


Vector = tuple[int | float | None, ...]


def _vector(values: Sequence[Value]) -> Vector:
    return tuple(as_number(v) for v in values)


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
    results = list(order[order.index("granted") : order.index("total")])
    complete_results = all(c in candidates or c == free_code for c in (*results, "total"))
    if free_code in results and not complete_results:
        return None  # a result row is what the others leave it only when all are there: not weighed
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
            if residual is None:
                return None  # what the frame leaves the row is unknown: the fault cannot be weighed
            spelled = free.spell(residual)
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
    if not complete_results:  # the result rows cannot be summed: each keeps its candidates, but
        # no part of （七）总计 exceeds it where the frame vouches for （七）, and where it does not,
        # （七） is at least what the result rows hold for certain
        parts = [code for code in candidates if code not in frame]
        if frame_check and len(frame) == 4:
            ceiling = _ceiling([vectors["total"][i] for i in used["total"]])
            for code in parts:
                used[code] = {i for i, v in enumerate(vectors[code]) if _below(v, ceiling)}
        else:
            for code in parts:
                used[code] = set(range(len(candidates[code])))
            if "total" in used:
                least = _least_sum([vectors[code] for code in parts])
                used["total"] = {i for i in used["total"] if _below(least, vectors["total"][i])}
    return used


def _least_sum(rows: Sequence[Sequence[Vector]]) -> Vector:
    """Per column, the sum of each row's least reading (an NA counts 0): what the rows hold for certain."""
    width = len(rows[0][0]) if rows and rows[0] else 7
    return tuple(sum(min(v[j] or 0 for v in readings) for readings in rows if readings) for j in range(width))


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
