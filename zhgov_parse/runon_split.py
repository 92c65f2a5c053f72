"""Splitting one run of digits into a row's values: 640020470 → 64 | 0 | 0 | 2 | 0 | 4 | 70.

A split is a reading only if every value is well formed (no leading zero but a lone 0, decimals
only in amount columns, a sign only in 本年增/减), spaces in the run fall between values, ``/`` and
``—`` are values of their own (missing), and the row's own identity holds (each group's last value
the sum of the others).  A blank cell leaves no text: readings with one or two cells fewer put
:data:`BLANK` where they were.  Searches are bounded (split attempts per row and per table).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from .values import AMOUNT_FACTORS, MAX_DIGITS

MAX_NODES = 20_000  # split attempts per row before a row is called too ambiguous
MAX_BLANK_NODES = 5_000  # and when cells may be blank (real rows take under 2,000)
MAX_TABLE_NODES = 120_000  # and per table: a report never costs more than ~0.2 s here
NA_MARKS = "/—－–"  # a cell marked missing: one value of its own
RANGE = "–"  # a hyphen between digits in a row with no sign: a cell marked missing, or a range's (10-12)
#: Units a run may end in (an amount's, or a count's: 3件, 2笔 as procurements are counted, no
#: amount's); longest first.
UNITS = tuple(sorted([*AMOUNT_FACTORS, "件", "条", "條", "笔", "筆"], key=len, reverse=True))
UNIT = "|".join(UNITS)


class _Blank:
    """A cell the source left empty: it leaves no text in a run, so a reading with one is a
    reading of fewer values.  NA in the output, 0 in the identities (a blank counts as nothing)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "BLANK"


BLANK = _Blank()


class _NotedInt(int):
    """A value a footnote mark follows (``41*``): its digits count in the identities, but the cell
    is no number (what does the mark note?), as a table's cell so marked is: NA in the output."""

    __slots__ = ()


class _NotedFloat(float):
    """An amount a footnote mark follows (``1.25*``), as :class:`_NotedInt`."""

    __slots__ = ()


def noted(value: int | float) -> int | float:
    return _NotedFloat(value) if isinstance(value, float) else _NotedInt(value)


def is_noted(value: object) -> bool:
    """Whether a footnote mark follows the value in its run."""
    return isinstance(value, _NotedInt | _NotedFloat)


#: How runon.py writes a footnote mark after a cell's digits (``41①``, ``41[1]``, ``41注1``): the
#: cell ends there, and its value is noted (:func:`noted`).
NOTE = "*"


class _NotedToken(str):
    """A chunk of a run whose last value a footnote mark follows."""

    __slots__ = ()


Value = int | float | None | _Blank
MAX_BLANKS = 2  # blank cells a row of 三 or 四 may have lost
INT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_SIGNED = re.compile(r"[+-]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")


_DASH = re.compile(r"-(?!\d)")
#: Dashes a cell reads as a minus sign (values.NEGATIVE_SIGNS), read as the ASCII one (NFKC has made
#: the full-width one ASCII; an en dash alone marks a cell missing, as a table's cell so marked).
MINUS_SIGNS = "\u2010\u2011\u2012\u2013\u2212\uff0d"
_AS_HYPHEN = str.maketrans(dict.fromkeys(MINUS_SIGNS, "-"))
# Where a cell may have a sign, an em dash before a digit stays in its chunk: a mark, or a cell's —2.
_SIGNED_SPLIT = re.compile(rf"(/|—(?!\d)|{UNIT})")
_SPLIT = re.compile(rf"([{NA_MARKS}]|{UNIT})")


_SPACED_SIGN = re.compile(r"([-—])\s+(?=\d)")


def _tokens(run: str, signed: bool = False, ranges: bool = False) -> list[str]:
    """Chunks split by spaces; NA markers and a unit are chunks of their own.  A thousands
    separator stays: it binds the digits around it into one value (1,540).  A dash is a missing
    value's mark, and before a digit in a row with a ``signed`` column (本年增/减) a mark or a sign
    (3-1- is 3 | -1 | -; 14-2310 is 14 | -2 | 310 or 14 | - | 2310; an en dash or the minus sign
    as the hyphen; an em dash a mark or a cell's —2, no number: 14—2310 is 14 | — | 2310 or
    14 | —2 | 310), and so is a dash before a space and digits (14- 2310: a cell's ``- 2`` is -2);
    counts are never negative (231-107 is 2 | 3 | 1 | - | 1 | 0 | 7; with ``ranges``, or a range's:
    2 | 3 | 1-10 | 7, see :func:`_ranges`)."""
    run = run.replace("，", ",").strip(",")
    if not run.isascii():
        run = run.translate(_AS_HYPHEN)
    if signed:  # a sign set apart from its digits (- 2, as a cell's -2 is read) or a mark before a space
        run = _SPACED_SIGN.sub(r"\1", run)
    out: list[str] = []
    noted = NOTE in run
    for chunk in run.replace(NOTE, NOTE + " ").split() if noted else run.split():
        if signed:
            chunk = _DASH.sub("—", chunk)
        else:
            chunk = (_RANGE_DASH.sub(RANGE, chunk) if ranges else chunk).replace("-", "—")
        split = (_SIGNED_SPLIT if signed else _SPLIT).split(chunk.rstrip(NOTE) if noted else chunk)
        out.extend(t for t in split if t and t not in UNITS)
        if noted and chunk.endswith(NOTE) and out and out[-1] not in NA_MARKS:
            out[-1] = _NotedToken(out[-1])  # a footnote mark ends the chunk: a cell ends there
    return out


# A dash that can be no range's: not between a digit and a digit other than 0 (3-, 0—0, a
# footer's -3-)
_MARK_DASH = re.compile(r"(?<!\d)[-—]|[-—](?![1-9])")
_RANGE_DASH = re.compile(r"(?<=\d)[-—](?=[1-9])")


def ranges_possible(table: str) -> bool:
    """Whether a dash between digits in a table's text (10-12, 10—12) may be a range's as well as a
    cell marked missing: not where a dash in it can only be a mark (the table marks cells so: 3-,
    0—0), as no report is supposed to write both."""
    if not table.isascii():
        table = table.translate(_AS_HYPHEN)
    return ("-" in table or "—" in table) and _MARK_DASH.search(table) is None


def splits(
    run: str,
    kinds: Sequence[str],
    accept: Callable[[list[Value]], bool],
    group: int = 0,
    budget: list[int] | None = None,
    blanks: int = 0,
    limit: int = MAX_NODES,
    signed: bool = False,
    ranges: bool = False,
) -> list[list[Value]] | None:
    """All ways to read ``run`` as ``len(kinds)`` values that ``accept`` takes (None: too many).
    ``signed``: the row has a 本年增/减 column (its dashes are read so), though ``kinds`` lack it
    (the row's readings with a cell lost).  ``ranges``: a hyphen between digits may be a range's
    (see :func:`ranges_possible`).

    With ``group`` (7 for a row of 三, 5 for a group of 四) the last value of every group is the sum
    of the others, so it is not searched for: the digits that follow must spell that sum.  Up to
    ``blanks`` cells may be blank: they left no text and read as :data:`BLANK` (0 in the sums).
    """
    shared = budget if budget is not None else [MAX_TABLE_NODES]
    tokens = _tokens(run, signed or "signed" in kinds, ranges)
    # (``signed``: the row's readings with a cell lost)
    signed_row = ranges and "signed" in kinds and not signed
    n = len(kinds)
    left = [sum(len(t) if t not in NA_MARKS else 1 for t in tokens[i:]) for i in range(len(tokens) + 1)]
    # where a footnote mark follows a token (none, the usual run: [])
    noted_ends = [len(t) if isinstance(t, _NotedToken) else -1 for t in tokens] if NOTE in run else []
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
            if sum(as_number(p) or 0 for p in parts) == 0 and not walk(t, pos, [*values, BLANK], spare - 1):
                return False
        if t == len(tokens):
            if len(values) == n and accept(values):
                out.append(list(values))
            return True
        if len(values) >= n or remaining(t, pos) < n - len(values) - spare:
            return True  # too few characters left for the values still to come
        token = tokens[t]
        if token in NA_MARKS:  # a missing-value marker is one value of its own
            return walk(t + 1, 0, [*values, None], spare)
        # digits, a hyphen, digits: a cell marked missing between two, or a range (10-12); in a
        # signed row a range only in its last cell, where the hyphen is no next cell's sign, and
        # with no cell lost (14-2310 is no 1 | blank | 4-2310)
        ranged = (t + 2 < len(tokens) and tokens[t + 1] == RANGE) or (
            signed_row and len(values) == n - 1 and kinds[-1] != "signed" and "-" in token[pos + 1 :]
        )
        if at_total:
            parts = values[len(values) - group + 1 :]
            if None not in parts:  # the group's total: exactly the sum of its parts
                total = sum(as_number(p) for p in parts)  # type: ignore[misc]
                for spelled in dict.fromkeys((str(total), f"{total:,}")):
                    end = pos + len(spelled)
                    if token[pos:end] == spelled and token[end : end + 1] != ",":
                        nt, npos = (t + 1, 0) if end == len(token) else (t, end)
                        value = noted(total) if noted_ends and end == noted_ends[t] else total
                        if not walk(nt, npos, [*values, value], spare):
                            return False
                # a total written as a range (8-10): one that can hold its parts' sum
                return not ranged or _ranges(tokens, t, pos, values, walk, spare, least=total)
        if token[pos] == "-" and not walk(t, pos + 1, [*values, None], spare):
            return False  # a dash before digits (a signed row's only) may mark a cell missing: 14-2310
        kind = kinds[len(values)]
        if token[pos] == "—":  # an em dash before digits (a signed row's only): a mark, or in
            # 本年增/减 a cell's —2, which is no number (NA), its digits the cell's
            if not walk(t, pos + 1, [*values, None], spare):
                return False
            for end in range(pos + 2, len(token) + 1) if kind == "signed" else ():
                if token[end : end + 1] != "," and INT.fullmatch(token[pos + 1 : end]):
                    nt, npos = (t + 1, 0) if end == len(token) else (t, end)
                    if not walk(nt, npos, [*values, None], spare):
                        return False
            return True
        if ranged and not _ranges(tokens, t, pos, values, walk, spare):
            return False
        pattern = _DECIMAL if kind == "decimal" else _SIGNED if kind == "signed" else INT
        for end in range(pos + 1, len(token) + 1):
            piece = token[pos:end]
            if token[end : end + 1] == "," or not pattern.fullmatch(piece):
                if piece[0] == "0" and kind != "decimal":
                    break  # a leading zero: no longer piece can be a number either
                continue
            plain = piece.replace(",", "")
            if len(plain.split(".")[0]) > MAX_DIGITS:
                break  # no longer piece is a value either
            value: Value = float(plain) if "." in plain else int(plain)
            if noted_ends and end == noted_ends[t]:
                value = noted(value)
            nt, npos = (t + 1, 0) if end == len(token) else (t, end)
            if group and not _room_for_total(values, value, group, remaining(nt, npos), spare):
                continue
            if not walk(nt, npos, [*values, value], spare):
                return False
        return True

    if not tokens:
        return []
    if (
        not blanks
        and group == n
        and all(k == "int" for k in kinds)
        and not any(t in NA_MARKS or isinstance(t, _NotedToken) for t in tokens)
    ):
        return _total_first(tokens, n, accept, shared)
    if not walk(0, 0, [], blanks):
        return None
    return out


def _ranges(
    tokens: list[str],
    t: int,
    pos: int,
    values: list[Value],
    walk: Callable[[int, int, list[Value], int], bool],
    spare: int,
    least: int | float = 0,
) -> bool:
    """The readings with the digits from ``pos`` to a hyphen and some after it one cell, a range
    (10-12, 8-12: its high end above its low, with as many digits or one more, and not below
    ``least``): no number, NA.  The hyphen ends token ``t`` (a row with no sign: 10–12 are three
    tokens) or stands in it (a signed row's: 10-12).  False: the search's budget ran out."""
    token = tokens[t]
    dash = token.find("-", pos)
    if dash < 0:
        low, after, at = token[pos:], tokens[t + 2], t + 2
    else:
        low, after, at = token[pos:dash], token, t
    start = dash + 1 if dash >= 0 else 0
    if not INT.fullmatch(low):
        return True
    for end in range(start + len(low), min(len(after), start + len(low) + 1) + 1):
        high = after[start:end]
        if after[end : end + 1] == "," or not INT.fullmatch(high):
            if high[0] == "0" or not high[-1].isdigit():
                break
            continue
        if int(high.replace(",", "")) > max(int(low.replace(",", "")), least - 1):
            nt, npos = (at + 1, 0) if end == len(after) else (at, end)
            if not walk(nt, npos, [*values, None], spare):
                return False
    return True


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
        if len(piece.replace(",", "")) > MAX_DIGITS:
            break  # a longer total is no count (and no part exceeds the total)
        if last[cut - 1 : cut] == "," or not INT.fullmatch(piece):
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
                    elif INT.fullmatch(piece):
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
    total = sum(as_number(p) for p in parts)  # type: ignore[misc]
    return chars_left >= still + (len(str(total)) if total or not spare else 0)


def readings(
    run: str,
    width: int,
    group: int,
    blanks: int = MAX_BLANKS,
    budget: list[int] | None = None,
    ranges: bool = False,
) -> list[list[Value]] | None:
    """Every reading of a row of ``width`` whole numbers in groups of ``group`` (each group's last
    value the sum of the others): with all values in the run, then with one, up to ``blanks``,
    cells left blank (a blank cell leaves no text; it counts 0 in the sums).  None: too many.
    ``ranges``: a hyphen between digits may be a range's (:func:`ranges_possible`).

    >>> readings("0000000", 7, 7)
    [[0, 0, 0, 0, 0, 0, 0]]
    >>> readings("000000", 7, 7, blanks=1)[:2]
    [[BLANK, 0, 0, 0, 0, 0, 0], [0, BLANK, 0, 0, 0, 0, 0]]
    """
    shared = budget if budget is not None else [MAX_TABLE_NODES]
    accept = groups_hold(group)
    tokens = _tokens(run, ranges=ranges)
    found = _readings(run, tokens, width, group, accept, blanks, shared, ranges)
    if (
        found == []
        and width < len(tokens) <= width + MAX_SPLIT_NUMBERS
        and all(map(str.isdigit, tokens))
        and not any(isinstance(t, _NotedToken) for t in tokens)  # a mark ends a cell
    ):
        return _joined_at_spaces(tokens, width, accept, shared)
    return found


#: Numbers a page's spans may have split with a space (``1 5`` for 15) in one row.
MAX_SPLIT_NUMBERS = 3


def _joined_at_spaces(
    tokens: list[str], width: int, accept: Callable[[list[Value]], bool], shared: list[int]
) -> list[list[Value]] | None:
    """Readings of a row with more numbers than cells, each a space apart (a Word page's text a
    span a word: ``97 1 5 9 4 1 7 9 151``): every cell's edge is a space, but not every space an
    edge, so each value is one or more tokens joined.  None: the table's search budget ran out."""
    out: list[list[Value]] = []
    for cuts in itertools.combinations(range(1, len(tokens)), width - 1):
        shared[0] -= 1
        if shared[0] < 0:
            return None
        edges = (0, *cuts, len(tokens))
        pieces = ["".join(tokens[a:b]) for a, b in itertools.pairwise(edges)]
        if any(len(p) > 1 and p[0] == "0" for p in pieces):
            continue  # no leading zeros: 0 5 is two values
        values: list[Value] = [int(p) for p in pieces]
        if accept(values):
            out.append(values)
    return out


def _readings(
    run: str,
    tokens: list[str],
    width: int,
    group: int,
    accept: Callable[[list[Value]], bool],
    blanks: int,
    shared: list[int],
    ranges: bool,
) -> list[list[Value]] | None:
    if tokens and all(t in NA_MARKS or set(t) == {"0"} for t in tokens):  # zeros and NA marks: one value each
        values: list[Value] = [
            None if t in NA_MARKS else noted(0) if isinstance(t, _NotedToken) and i == len(t) - 1 else 0
            for t in tokens
            for i in range(len(t))
        ]
        lost = width - len(values)
        if not 0 <= lost <= blanks:
            return []
        shared[0] -= 1
        found = (_insert(values, at) for at in itertools.combinations(range(width), lost))
        return [reading for reading in found if accept(reading)]
    if group != width or any(t in NA_MARKS for t in tokens):
        limit = MAX_BLANK_NODES if blanks else MAX_NODES
        kinds = ["int"] * width
        return splits(
            run, kinds, accept, group=group, budget=shared, blanks=blanks, limit=limit, ranges=ranges
        )
    # One group, every value in digits: a blank part leaves the total the sum of the others, so
    # the readings with k blank cells are those of width - k values, a blank put among the parts
    # (the total is not blank: a digit other than 0 is in some part).
    out = splits(run, ["int"] * width, accept, group=group, budget=shared)
    for k in range(1, min(blanks, width - 2) + 1):
        if out is None:
            break
        fewer = splits(run, ["int"] * (width - k), groups_hold(width - k), group=width - k, budget=shared)
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


def as_number(v: Value) -> int | float | None:
    """A value as the identities count it: a blank cell is 0, a marked missing one unknown."""
    return 0 if v is BLANK else v  # type: ignore[return-value]


def _sum_holds(values: Sequence[Value], start: int, width: int) -> bool:
    part = [as_number(v) for v in values[start : start + width]]
    if part[-1] is None:
        return True  # the total is NA: the identity cannot rule the split out
    known = sum(v for v in part[:-1] if v is not None)  # type: ignore[misc]
    if None in part:
        return known <= part[-1]  # type: ignore[operator]  # an NA part is unknown but never negative
    return known == part[-1]


def groups_hold(width: int) -> Callable[[list[Value]], bool]:
    return lambda values: all(_sum_holds(values, i, width) for i in range(0, len(values), width))


def in_template_order(values: Sequence[Value], columns: Sequence[int] | None) -> list[Value]:
    """A reading in the text's column order put in the template's: text column k is the template's
    column ``columns[k]`` (None: the same order)."""
    if columns is None:
        return list(values)
    out = list(values)
    for k, t in enumerate(columns):
        out[t] = values[k]
    return out


def in_text_order(values: Sequence[Value], columns: Sequence[int] | None) -> list[Value]:
    """The inverse of :func:`in_template_order`."""
    return list(values) if columns is None else [values[t] for t in columns]
