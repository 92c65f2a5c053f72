"""Run-on page text: digits split under the template's identities, ambiguity reported, never guessed."""

from __future__ import annotations

import random
import re

import pytest

import zhgov_parse
from zhgov_parse import schema
from zhgov_parse.runon import active_disclosure, application_handling, find_runs, review_litigation
from zhgov_parse.runon_split import BLANK, groups_hold, ranges_possible, readings, splits

from goldens import expected_cells, fixture_generator, fixture_names, source
from runon_render import render

NAMES = fixture_names()
APPS = "application_handling"


@pytest.mark.parametrize(
    ("run", "n", "width", "expected"),
    [
        ("640020470", 7, 7, [[64, 0, 0, 2, 0, 4, 70]]),
        ("0000000", 7, 7, [[0] * 7]),
        ("500000 5", 7, 7, [[5, 0, 0, 0, 0, 0, 5]]),  # a space is a boundary
        ("23 0 00 0 023", 7, 7, [[23, 0, 0, 0, 0, 0, 23]]),  # 023 is 0 then 23: no leading zeros
        ("1/0000 1", 7, 7, [[1, None, 0, 0, 0, 0, 1]]),  # a slash is a missing value
        ("21317000001324019", 15, 5, [[2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]]),
    ],
)
def test_splits(run: str, n: int, width: int, expected: list) -> None:
    assert splits(run, ["int"] * n, groups_hold(width)) == expected


def test_a_row_that_splits_two_ways_lists_both() -> None:
    options = splits("220000022", ["int"] * 7, groups_hold(7))
    assert options == [[2, 20, 0, 0, 0, 0, 22], [22, 0, 0, 0, 0, 0, 22]]


def test_signed_and_decimal_columns() -> None:
    assert splits("12-3", ["int", "signed"], lambda v: True) == [[12, -3]]
    assert splits("9116.36", ["decimal"], lambda v: True) == [[9116.36]]
    assert splits("1.5", ["int"], lambda v: True) == []  # no decimals in counts


@pytest.fixture(scope="module")
def runon_reports() -> dict[str, zhgov_parse.Report]:
    return {name: zhgov_parse.parse(render(source(name))) for name in NAMES}


def test_fixtures_render_as_runon(runon_reports: dict) -> None:
    assert {r.meta["source_format"] for r in runon_reports.values()} == {"runon"}


def test_no_wrong_number_and_every_na_explained(runon_reports: dict) -> None:
    total = recovered = full = full_recovered = 0
    for name, report in runon_reports.items():
        want = expected_cells(name)
        got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
        explained = {
            (f.table, f.row)
            for f in report.finding_list
            if f.code in ("runon_ambiguous", "runon_unsolvable", "missing_row", "missing_table")
        }
        blank_rows = {cell[:2] for cell, value in want.items() if value is None}
        for cell, value in want.items():
            total += 1
            mine = got.get(cell)
            if mine is not None:
                assert mine == value, (name, cell, mine, value)  # never a wrong number
            recovered += mine == value
            if cell[:2] not in blank_rows:
                full += 1
                full_recovered += mine == value
            if mine != value:
                assert cell[:2] in explained or (cell[0], None) in explained, (name, cell)
    # Measured 2026-11-27: 95.9% of all cells (96.1% before a dash before digits in a row with
    # 本年增/减 was read as a mark as well as a sign: 8 cells of 2019 rows such as 3-12 were the
    # sign's reading, a guess; 92.2% before rows of 三 and 四 were read with blank
    # cells lost, 95.0% before reports that break an identity were solved by supposing each single
    # fault; 96.2% before 二's rows weighed a lost cell even when several full readings agree on
    # one), 97.0% of the cells in rows without a blank (97.2% before the dash; table 二's rows of
    # 2-3 values have no identity to split by; 三's blank cells next to a zero can swap places).
    assert recovered / total >= 0.959, f"{recovered}/{total}"
    assert full_recovered / full >= 0.970, f"{full_recovered}/{full}"


def test_a_cell_marked_missing_is_said_as_in_a_table(runon_reports: dict) -> None:
    """A cell the report marks missing (``/``, ``—``: qinghe_data's 规章 ``///``) is NA with
    ``missing_value`` naming its column, as the same report's pipe text says it; and no NA cell of
    any rendering goes unsaid (a finding names its row, or its table)."""
    report = runon_reports["qinghe_data_2022_pipe"]
    said = {(f.code, f.table, f.row, f.column) for f in report.finding_list}
    for column in ("issued", "repealed", "in_force"):
        assert ("missing_value", "active_disclosure", "rules", column) in said
    for name, report in runon_reports.items():
        rows = {(f.table, f.row) for f in report.finding_list}
        for c in report._cells:
            if c.value is None:
                assert (c.table, c.row) in rows or (c.table, None) in rows, (name, c.row, c.column)


def test_real_runon_reports_agree_with_their_html_twins() -> None:
    from conftest import SHARED

    corpus = SHARED / "corpus" / "real"
    if not corpus.exists():
        pytest.skip("../shared is absent")
    # 2024 and 2023 state 本年制发 of 行政规范性文件 in their overviews: 1 of its 3 ambiguous cells
    for text, page, count in (("006", "014", 198), ("005", "026", 198), ("007", "027", 197)):
        a = zhgov_parse.read(next(corpus.glob(text + "_*")))
        b = zhgov_parse.read(next(corpus.glob(page + "_*")))
        cells_b = {(c["table"], c["row"], c["column"]): c["value"] for c in b.to_dict()["cells"]}
        recovered = [c for c in a.to_dict()["cells"] if c["value"] is not None]
        assert len(recovered) == count
        for c in recovered:
            assert c["value"] == cells_b[(c["table"], c["row"], c["column"])]


# Table 三 as a report that leaves its zeros blank in the 社会公益组织 column: in run-on text those
# rows hold six values, not seven.  natural_person, commercial, research, nonprofit (None: blank),
# legal_services, other_org; the totals are computed below.
BLANK_RESULTS = {
    "granted": [52, 14, 3, None, 6, 2],
    "partially_granted": [17, 5, 2, None, 3, 1],
    "withheld.state_secret": [1, 2, 1, None, 1, 1],
    "withheld.prohibited_by_law": [3, 1, 2, 4, 1, 2],
    "withheld.security_stability": [2, 3, 1, None, 1, 1],
    "withheld.third_party_rights": [4, 1, 1, None, 2, 1],
    "withheld.internal_affairs": [2, 1, 2, None, 1, 3],
    "withheld.process_information": [5, 2, 1, None, 2, 1],
    "withheld.enforcement_files": [1, 1, 3, None, 1, 2],
    "withheld.administrative_query": [6, 2, 1, None, 3, 1],
    "unavailable.not_held": [23, 7, 2, 1, 4, 3],
    "unavailable.needs_creation": [8, 3, 1, None, 2, 1],
    "unavailable.unclear_after_correction": [4, 2, 1, None, 1, 2],
    "not_processed.complaint": [9, 1, 2, None, 1, 1],
    "not_processed.duplicate": [3, 2, 1, None, 2, 1],
    "not_processed.publication": [2, 1, 1, None, 1, 2],
    "not_processed.excessive": [1, 2, 1, None, 3, 1],
    "not_processed.confirmation": [2, 1, 2, None, 1, 1],
    "other.no_correction": [7, 2, 1, None, 1, 3],
    "other.unpaid_fee": [1, 1, 2, None, 1, 1],
    "other.other": [4, 2, 1, None, 2, 1],
}


def _handling_rows(results: dict[str, list]) -> dict[str, list]:
    """Every row of 三 (2021) with its 总计, the frame rows made to balance; a blank counts 0."""

    def n(v: int | None) -> int:
        return v or 0

    total = [sum(n(r[j]) for r in results.values()) for j in range(6)]
    forward = [6, 2, 1, None, 1, 2]
    carried = [3, 1, 2, None, 2, 1]
    received = [t + n(f) - n(c) for t, f, c in zip(total, forward, carried, strict=True)]
    rows = {
        "new_received": received,
        "carried_in": carried,
        **results,
        "total": total,
        "carried_forward": forward,
    }
    return {code: [*v, sum(n(x) for x in v)] for code, v in rows.items()}


def _runon_text(rows: dict[str, list]) -> str:
    labels = schema.rows("application_handling", "2021")
    return "".join(
        label.split()[-1] + "".join("" if v is None else str(v) for v in rows[code]) for code, label in labels
    )


def test_blank_cells_of_table_3_are_read_under_its_identities() -> None:
    rows = _handling_rows(BLANK_RESULTS)
    result = application_handling(_runon_text(rows), "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    got = {(c.row, c.column): c.value for c in result.cells}
    assert got == {
        (code, column): v for code, values in rows.items() for column, v in zip(columns, values, strict=True)
    }
    blank = {(f.row, f.column) for f in result.findings if f.code == "missing_value"}
    assert blank == {(code, "nonprofit") for code, values in rows.items() if values[3] is None}
    assert not [f for f in result.findings if f.code.startswith("runon_")]


def test_a_blank_next_to_a_zero_is_ambiguous_not_guessed() -> None:
    # 5 | 0 | blank: the blank and the zero can trade places without breaking any identity
    results = {**BLANK_RESULTS, "withheld.state_secret": [1, 2, 1, None, 0, 1]}
    rows = _handling_rows(results)
    result = application_handling(_runon_text(rows), "2021")
    got = {(c.row, c.column): c.value for c in result.cells if c.row == "withheld.state_secret"}
    assert got == {
        ("withheld.state_secret", c): v
        for c, v in zip(
            ["natural_person", "commercial", "research", "nonprofit", "legal_services"],
            [1, 2, 1, None, None],
            strict=True,
        )
    } | {("withheld.state_secret", "other_org"): 1, ("withheld.state_secret", "total"): 5}
    ambiguous = [f for f in result.findings if f.code == "runon_ambiguous"]
    assert [f.row for f in ambiguous] == ["withheld.state_secret"]
    assert "1|2|1|blank|0|1|5" in ambiguous[0].message and "1|2|1|0|blank|1|5" in ambiguous[0].message


def test_readings_with_blank_cells() -> None:
    assert readings("640020470", 7, 7, blanks=0) == [[64, 0, 0, 2, 0, 4, 70]]
    # 6 | 40 | 0 | 20 | 4 add up to 70 too: a blank cell lost somewhere among them
    assert [64, 0, 0, 2, 0, 4, 70] in readings("640020470", 7, 7)
    assert [6, BLANK, 40, 0, 20, 4, 70] in readings("640020470", 7, 7)
    assert readings("0000000", 7, 7) == [[0] * 7]  # seven zeros: no room for a blank
    assert readings("00000", 7, 7, blanks=1) == []
    # 四: a blank anywhere among a group's parts; a blank total only where its parts are 0
    options = readings("1001 00000 00000", 15, 5)
    assert [o[:5] for o in options] == [
        [BLANK, 1, 0, 0, 1],
        [1, BLANK, 0, 0, 1],
        [1, 0, BLANK, 0, 1],
        [1, 0, 0, BLANK, 1],
    ]
    assert [0, 0, 0, 0, BLANK] in [o[:5] for o in readings("0000 11002 00000", 15, 5)]


def test_table_4_reads_blank_cells_when_no_full_reading_exists() -> None:
    result = review_litigation("行政复议1001未经复议直接起诉00000复议后起诉11002", "2021")
    got = {(c.row, c.column): c.value for c in result.cells}
    assert got["litigation_direct", "total"] == 0 and got["litigation_after_review", "pending"] == 0
    assert got["review", "total"] == 1 and got["review", "corrected"] is None  # where the blank is: unknown
    assert {f.row for f in result.findings if f.code == "runon_ambiguous"} == {"review"}


def _random_results(rng: random.Random) -> dict[str, list[int]]:
    """The result rows of a random table 三 (2021): six applicant counts each, 40% of them 0."""
    codes = [c for c, _ in schema.rows("application_handling", "2021")]
    scale = rng.choice([3, 10, 30, 100])
    return {
        c: [int(rng.expovariate(1 / scale)) if rng.random() < 0.6 else 0 for _ in range(6)]
        for c in codes[2:-2]
    }


def _shown(
    rows: dict[str, list[int]], rng: random.Random, mode: str, column: int
) -> tuple[dict[str, list[tuple[int | None, str]]], str]:
    """Table 三 as run-on text whose zeros are left blank (a column's, two columns', here and there)
    or marked / (a column's): each cell's (value, text), and the text."""

    def shown(v: int, j: int) -> tuple[int | None, str]:
        if v == 0 and (
            (mode == "column" and j == column)
            or (mode == "here and there" and rng.random() < 0.3)
            or (mode == "two columns" and j in (column, (column + 2) % 6))
        ):
            return None, ""
        if v == 0 and mode == "slash" and j == column:
            return None, "/"
        return v, str(v)

    cells = {code: [shown(v, j) for j, v in enumerate(values)] for code, values in rows.items()}
    labels = schema.rows("application_handling", "2021")
    text = "".join(label.split()[-1] + "".join(raw for _, raw in cells[code]) for code, label in labels)
    return cells, text


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_with_blank_zeros_never_read_wrong(seed: int) -> None:
    """Consistent random tables 三 whose zeros are left blank (a column's, or here and there) or
    marked /: whatever is recovered is right, and every cell not recovered is explained."""
    rng = random.Random(seed)
    results = _random_results(rng)
    rows = _handling_rows(results)  # a blank counts 0: here the frame rows' blanks are zeros
    rows = {code: [0 if v is None else v for v in values] for code, values in rows.items()}
    mode, column = rng.choice(["column", "here and there", "two columns", "slash", "none"]), rng.randrange(6)

    cells, text = _shown(rows, rng, mode, column)
    result = application_handling(text, "2021")
    explained = {f.row for f in result.findings if f.code.startswith("runon_")}
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    for c in result.cells:
        truth = cells[c.row][columns.index(c.column)][0]
        if c.value is not None:
            assert c.value == truth, (seed, mode, c.row, c.column, c.value, truth)
        elif truth is not None:
            assert c.row in explained, (seed, mode, c.row, c.column)


def test_messages_name_rows_as_the_report_s_template_does() -> None:
    """2019 reports call the row 规范性文件, 2021 reports 行政规范性文件 (same code)."""
    old = zhgov_parse.parse(render(source("baixi_education_2019_md")))
    about = [f.message for f in old.finding_list if f.row == "normative_documents"]
    assert about and all("规范性文件" in m and "行政规范性文件" not in m for m in about)
    new = zhgov_parse.parse(render(source("heyu_ecology_2021_pipe")))
    about = [f.message for f in new.finding_list if f.row == "normative_documents"]
    assert about and all("行政规范性文件" in m for m in about)


# -- reports that break an identity themselves --------------------------------------------------

FAULTS = ["row total", "（七） cell and total", "（七） cell only", "frame cell", "two columns", "two rows"]
SINGLE = FAULTS[:4]


def _faulty_table(seed: int, fault: str) -> dict[str, list[int]]:
    """A random consistent table 三 (2021), then broken as reports break them: a typo in a row's
    总计, in a cell of （七）总计 (its 总计 following it, or not), in a cell of 一; or two of these."""
    rng = random.Random(seed)
    codes = [c for c, _ in schema.rows("application_handling", "2021")]
    results = _random_results(rng)
    total = [sum(r[j] for r in results.values()) for j in range(6)]
    forward = [rng.randrange(8) for _ in range(6)]
    carried = [min(rng.randrange(8), t + f) for t, f in zip(total, forward, strict=True)]
    received = [t + f - c for t, f, c in zip(total, forward, carried, strict=True)]
    rows = {
        "new_received": received,
        "carried_in": carried,
        **results,
        "total": total,
        "carried_forward": forward,
    }
    rows = {code: [*v, sum(v)] for code, v in rows.items()}

    def typo(code: str, j: int, also_total: bool) -> None:
        k = rng.choice([1, 2, 3, 10])
        rows[code][j] += k
        if also_total and j != 6:
            rows[code][6] += k

    column = rng.randrange(6)
    if fault in ("row total", "two rows"):
        typo(rng.choice(codes[2:-2]), 6, False)
    if fault == "two rows":
        typo(rng.choice(codes[2:-2]), 6, False)
    if fault in ("（七） cell and total", "two columns"):
        typo("total", column, True)
    if fault == "（七） cell only":
        typo("total", column, False)
    if fault in ("frame cell", "two columns"):
        typo("new_received", (column + 1) % 6, True)
    return rows


@pytest.mark.parametrize("fault", FAULTS)
def test_tables_that_break_an_identity_never_read_wrong(fault: str) -> None:
    """Whatever is recovered is what the report says; one fault costs next to nothing (each single
    fault is supposed in turn), two cost more but still never a wrong number."""
    labels = schema.rows("application_handling", "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    recovered = cells = 0
    for seed in range(25):
        rows = _faulty_table(seed, fault)
        text = "".join(label.split()[-1] + "".join(str(v) for v in rows[code]) for code, label in labels)
        result = application_handling(text, "2021")
        explained = {f.row for f in result.findings if f.code.startswith("runon_")}
        for c in result.cells:
            truth = rows[c.row][columns.index(c.column)]
            cells += 1
            if c.value is None:
                assert c.row in explained, (seed, c.row)
            else:
                assert c.value == truth, (seed, fault, c.row, c.column, c.value, truth)
                recovered += 1
    # Measured 2026-11-27 (100 seeds): 99.7-99.8% under one fault (86-90% before faults were
    # weighed), 92% with two broken columns, 84% with two broken rows.
    assert recovered / cells >= (0.99 if fault in SINGLE else 0.8), recovered / cells


@pytest.mark.parametrize("seed", [*range(40), 43, 191, 278, 369])
def test_faults_with_blank_or_marked_zeros_never_read_wrong_unflagged(seed: int) -> None:
    """One typo (a row's 总计, a cell of （七）) in a table whose zeros are blank or marked /: the
    faulty row is spelled with blank cells, a fault that cannot be weighed (a run with a /)
    stops the search for faults, and whatever the table's identities could not check is flagged
    ``runon_unchecked``.  Seeds 43, 191, 278 and 369 read wrong numbers before (a faulty row with
    blank cells could not be weighed, so other faults decided); 278 did until a row read only
    with a cell lost, its rows read alone, was NA (its lost cell may be 总计) — flagged."""
    rng = random.Random(seed)
    rows = _handling_rows(_random_results(rng))
    rows = {code: [0 if v is None else v for v in values] for code, values in rows.items()}
    if rng.random() < 0.5:
        rows[rng.choice(list(BLANK_RESULTS))][6] += rng.choice([1, 2, 3, 10])
    else:
        rows["total"][rng.randrange(6)] += rng.choice([1, 2, 3, 10])
    mode, column = rng.choice(["column", "here and there", "slash"]), rng.randrange(6)

    cells, text = _shown(rows, rng, mode, column)
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    result = application_handling(text, "2021")
    flagged = any(f.code == "runon_unchecked" for f in result.findings)
    for c in result.cells:
        truth = cells[c.row][columns.index(c.column)][0]
        assert c.value is None or c.value == truth or flagged, (seed, mode, c.row, c.column, c.value, truth)


def test_a_row_with_three_blank_cells_is_no_typo() -> None:
    """10 | | 0 | 0 | | | 10 runs together as 100010: no reading with two blank cells at most adds
    up, so the row is supposed faulty; spelled as a typo (1 | | | 0 | 0 | 0 | 10, the report's 10
    written 1) it was read 1 before. The residual with three blanks is a reading too: the cells
    they disagree on are NA (which fault the report made, the digits do not tell)."""
    results = {**BLANK_RESULTS, "withheld.internal_affairs": [10, None, 0, 0, None, None]}
    rows = _handling_rows(results)
    result = application_handling(_runon_text(rows), "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    for c in result.cells:
        if c.value is not None:
            assert c.value == rows[c.row][columns.index(c.column)], (c.row, c.column, c.value)
    got = {c.column: c.value for c in result.cells if c.row == "withheld.internal_affairs"}
    assert got["total"] == 10 and got["natural_person"] is None  # 10 or a typo's 1: not told
    assert "withheld.internal_affairs" in {f.row for f in result.findings if f.code == "runon_ambiguous"}


def test_a_row_whose_total_is_wrong_is_read_from_what_the_others_leave() -> None:
    rows = _handling_rows(BLANK_RESULTS | {"withheld.state_secret": [1, 2, 1, 3, 1, 1]})
    rows["granted"][6] += 3  # the report's 总计 for 予以公开 is off by 3
    rows = {code: [0 if v is None else v for v in values] for code, values in rows.items()}
    result = application_handling(_runon_text(rows), "2021")
    got = {(c.row, c.column): c.value for c in result.cells}
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    assert got == {
        (code, col): v for code, values in rows.items() for col, v in zip(columns, values, strict=True)
    }
    assert not [f for f in result.findings if f.code.startswith("runon_")]


def test_with_two_faults_no_reading_exceeds_the_table_s_total() -> None:
    """Two rows with a wrong 总计: no single fault explains the table, so rows are read alone —
    but no reading holds more than （七）总计 in a column (5911336308 | 4233 adds up, but cannot be)."""
    results = {code: [0 if v is None else v for v in values] for code, values in BLANK_RESULTS.items()}
    rows = _handling_rows(results | {"other.unpaid_fee": [59, 1, 13, 36, 30, 84]})
    rows["other.unpaid_fee"][6] += 10  # 223 written 233: '59113363084233' also reads 591|1|3|3630|8|4233
    rows["granted"][6] += 3
    result = application_handling(_runon_text(rows), "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    for c in result.cells:
        if c.value is not None:
            assert c.value == rows[c.row][columns.index(c.column)], (c.row, c.column, c.value)
    assert {f.row for f in result.findings if f.code == "runon_unsolvable"} >= {"granted", "other.unpaid_fee"}


def test_a_row_that_reads_no_way_is_unsolvable_not_missing() -> None:
    """Two rows each with a cell their 总计 leaves out (the real Pingtan natural-resources 2023 page:
    部分公开 8100008, （七）总计 191000019, each counting a 商业企业 1 more than its 总计): no single
    fault explains the table, neither row reads any way, so both are NA with runon_unsolvable. They
    were also said missing_row, 'not found in the table', though their labels and digits were there;
    now their cells carry the run they could not read."""
    results = {code: [0] * 6 for code, _ in schema.rows("application_handling", "2021")[2:-2]}
    results["granted"] = [6, 0, 0, 0, 0, 0]
    results["partially_granted"] = [8, 0, 0, 0, 0, 0]
    rows = _handling_rows(results)
    rows["partially_granted"][1] = rows["total"][1] = 1  # counted in no 总计
    result = application_handling(_runon_text(rows), "2021")
    unsolvable = {f.row for f in result.findings if f.code == "runon_unsolvable"}
    assert unsolvable == {"partially_granted", "total"}
    assert not [f for f in result.findings if f.code == "missing_row"]
    for c in result.cells:
        if c.row in unsolvable:
            assert c.value is None and c.raw == "".join(str(v) for v in rows[c.row])
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    for c in result.cells:
        if c.value is not None:
            assert c.value == rows[c.row][columns.index(c.column)], (c.row, c.column, c.value)


def test_a_trailing_dash_is_a_missing_value_not_a_page_footer() -> None:
    assert splits("3-1-", ["int", "signed", "int"], lambda v: True) == [[3, -1, None]]
    result = active_disclosure("行政强制3-1-行政事业性收费6-2", "2019")
    got = {(c.row, c.column): c.value for c in result.cells if c.row == "coercion"}
    assert got == {
        ("coercion", "previous_count"): 3,
        ("coercion", "change"): -1,
        ("coercion", "decisions"): None,
    }
    runs = find_runs("行政许可2341587- 4 -", {"licensing": "行政许可"}, ["licensing"]).runs
    assert runs[0].text == "2341587"  # a footer with spaces around its dashes is taken off


@pytest.mark.parametrize("gap", [" ", ""])
def test_the_next_part_s_arabic_number_is_no_value(gap: str) -> None:
    """A part numbered in Arabic digits after a row (…继续办理1000001 4、政府信息公开行政复议…): its 4 is
    the heading's, not the row's (read as the row's, the total was 14 and its identities broke)."""
    text = f"四、结转下年度继续办理1000001{gap}4、政府信息公开行政复议、行政诉讼情况"
    runs = find_runs(text, {"carried_forward": "结转下年度继续办理"}, ["carried_forward"]).runs
    assert runs[0].text == "1000001"


def test_a_dash_before_digits_may_mark_a_cell_missing() -> None:
    """In a row with 本年增/减, 14-2310 is 14 | -2 | 310 or 14 | - | 2310 (a report that marks an
    unchanged count with -): the cells they disagree on are NA, not the sign's reading."""
    assert [14, None, 2310] in splits("14-2310", ["int", "signed", "int"], lambda v: True)
    result = active_disclosure("其他对外管理服务事项14-2310", "2019")
    got = {(c.row, c.column): c.value for c in result.cells if c.row == "other_services"}
    assert got == {
        ("other_services", "previous_count"): 14,
        ("other_services", "change"): None,
        ("other_services", "decisions"): None,
    }
    assert [f.row for f in result.findings if f.code == "runon_ambiguous"] == ["other_services"]


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "\u2212", "\u2010"])
def test_any_dash_before_digits_in_a_signed_row_may_be_its_sign_or_a_mark(dash: str) -> None:
    """14—2310 (an em dash), 14–2310 (an en dash), 14−2310 (the minus sign): as 14-2310, a mark
    (14 | — | 2310) or 本年增/减's sign (14 | —2 | 310). Before, the em and en dashes were read as the
    mark alone (decisions 2310, a wrong number where the dash was a sign), the minus sign ended the
    run. A cell's —2 is no number (values.NEGATIVE_SIGNS), so the em dash's sign reading is NA."""
    result = active_disclosure(f"其他对外管理服务事项14{dash}2310行政事业性收费6{dash}2", "2019")
    got = {(c.row, c.column): c.value for c in result.cells if c.row in ("other_services", "fees")}
    assert got == {
        ("other_services", "previous_count"): 14,
        ("other_services", "change"): None,
        ("other_services", "decisions"): None,
        ("fees", "previous_count"): 6,
        ("fees", "change"): None if dash == "\u2014" else -2,
    }
    assert "other_services" in [f.row for f in result.findings if f.code == "runon_ambiguous"]


def test_a_page_footer_with_no_spaces_is_taken_off_a_row_of_table_3() -> None:
    """-3- glued after a row of 三 (a page's footer, as PDF text joins it) is no cells: in 三 a dash
    marks a missing value, and 17 | 5 | 2 | 0 | 3 | 1 | 28 then - | 3 | - read 3 as a count."""
    results = {code: [v or 0 for v in values] for code, values in BLANK_RESULTS.items()}
    rows = _handling_rows(results)
    text = _runon_text(rows)
    run = "".join(str(v) for v in rows["partially_granted"])
    assert text.count(run) == 1
    result = application_handling(text.replace(run, run + "-3-"), "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    assert {(c.row, c.column): c.value for c in result.cells} == {
        (code, col): v for code, values in rows.items() for col, v in zip(columns, values, strict=True)
    }
    runs = find_runs("行政强制3-1-", {"coercion": "行政强制"}, ["coercion"], signed=True).runs
    assert runs[0].text == "3-1-"  # where a cell may have a sign, it is a row


def test_a_fee_in_yuan_is_converted_to_wan_yuan() -> None:
    """本年收费金额 is in 万元: a run written in 元, or under a header that says 单位:元, is converted."""
    head = "第二十条第(八)项信息内容本年收费金额(单位:{unit})行政事业性收费{run}"
    units = [("元", "125000"), ("千元", "125"), ("万元", "125000元"), ("万元", "12.5")]
    units += [("万元", "0.00125亿元"), ("万元", "12.5万"), ("万元", "125千元")]  # 亿元 was read as 万元
    for unit, run in units:
        result = active_disclosure(head.format(unit=unit, run=run), "2021")
        got = {(c.row, c.column): c.value for c in result.cells if c.row == "fees"}
        assert got == {("fees", "fee_amount"): 12.5}, (unit, run)
        converted = [f for f in result.findings if f.code == "unit_converted"]
        assert len(converted) == (run != "12.5")
    for header in ("本年收费金额(元)", "本年收费金额/元", "本年收费金额(单位:人民币元)"):  # 元 without 单位
        text = head.replace("本年收费金额(单位:{unit})", header).format(run="125000")
        assert [c.value for c in active_disclosure(text, "2021").cells if c.row == "fees"] == [12.5]
    counted = active_disclosure(head.format(unit="万元", run="3件"), "2021")  # no amount's unit
    assert [c.value for c in counted.cells if c.column == "fee_amount"] == [None]
    assert "unit_mismatch" in {f.code for f in counted.findings}


def test_procurements_counted_in_bi() -> None:
    """A 2019-template 政府集中采购 row may count its items in 笔 (``2笔 98400元``): the unit ends the
    count as 件 does, where the run was cut at 笔 (one digit for two cells: both NA)."""
    head = "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购{run}三、收到和处理政府信息公开申请"
    for run in ("2笔 98400元", "2筆98400元", "2笔98400元"):
        result = active_disclosure(head.format(run=run), "2019")
        got = {c.column: c.value for c in result.cells if c.row == "procurement"}
        assert got == {"procurement_items": 2, "procurement_amount": 98400}, run


def test_a_dash_among_counts_marks_a_missing_cell() -> None:
    """Counts are never negative: in a row of 三 a dash before digits is a cell marked missing (a
    zero printed as -), not a sign; and a row may start with one (国家秘密-0000/0)."""
    assert readings("231-107", 7, 7, blanks=0) == [[2, 3, 1, None, 1, 0, 7]]
    runs = find_runs(
        "1.属于国家秘密-0000/02.其他法律行政法规禁止公开-1010/2",
        {"withheld.state_secret": "属于国家秘密", "withheld.prohibited_by_law": "禁止公开"},
        ["withheld.state_secret", "withheld.prohibited_by_law"],
    ).runs
    assert [r.text for r in runs] == ["-0000/0", "-1010/2"]
    assert readings(runs[1].text, 7, 7, blanks=0) == [[None, 1, 0, 1, 0, None, 2]]


@pytest.mark.parametrize(
    ("before", "extra", "table"),
    [
        ("行政强制", "行政确认1523", "active_disclosure"),  # a row some reports add to 二
        ("（二）部分公开", "其中：告知主动公开网址2000002", APPS),  # a sub-row after 予以公开's
    ],
)
def test_a_row_the_template_does_not_have_is_said_not_dropped(before: str, extra: str, table: str) -> None:
    """Run-on text with a row the template has not (its label and digits between two of the
    template's rows) keeps the other rows as they were, and says the row's digits are not used
    (``unmapped_row``, as a table's row so labelled is), where they had been dropped unsaid."""
    text = render(source("qinghe_justice_2020_pipe"))
    at = text.index(before)
    plain = zhgov_parse.parse(text)
    report = zhgov_parse.parse(text[:at] + extra + text[at:])
    assert report.cells.equals(plain.cells)
    said = [f for f in report.finding_list if f.code == "unmapped_row"]
    assert [(f.table, f.found) for f in said] == [(table, extra[-7:] if table == APPS else "1523")]
    assert not [f for f in plain.finding_list if f.code == "unmapped_row"]


def test_item_numbers_and_sentences_between_rows_are_no_rows() -> None:
    """What else stands between rows in page text is no extra row: the next label's item number
    (``(三)不予公开1.``), a heading's enumeration (``主要形式1.门户网站``), a sentence's numbers."""
    found = find_runs(
        "规章000(三)主动公开的主要形式1.门户网站2.公开栏；全年2023年公开107条规范性文件121",
        {"rules": "规章", "normative_documents": "规范性文件"},
        ["rules", "normative_documents"],
    )
    assert [r.text for r in found.runs] == ["000", "121"] and found.extra == []


def test_every_ambiguity_is_real(runon_reports: dict) -> None:
    """Each row left ambiguous lists the report's own values among its readings, and at least one
    other, and no row is unreadable: every cell left NA could not have been told without guessing
    (the 3.8% of cells the fixtures lose as run-on text)."""
    from zhgov_parse.runon import parse_readings

    checked = 0
    for name, report in runon_reports.items():
        want = expected_cells(name)
        for f in report.finding_list:
            assert f.code != "runon_unsolvable", (name, f.message)  # every row has a reading
            if f.code != "runon_ambiguous":
                continue
            columns, options = parse_readings(f.expected)
            truth = [want[(f.table, f.row, c)] for c in columns]
            assert truth in options and len(options) >= 2, (name, f.row, truth, options)
            checked += 1
    assert checked >= 70


def _swap_columns_of_table_3(text: str) -> str:
    """A pipe report with 社会公益组织 and 法律服务机构 swapped in table 三's header and rows."""
    out, inside = [], False
    for line in text.split("\n"):
        if line.startswith("三、"):
            inside = True
        elif line.startswith("四、"):
            inside = False
        if inside and "|" in line:
            cells = line.split("|")
            named = [k for k, c in enumerate(cells) if "社會公益組織" in c or "法律服務機構" in c]
            numbers = [k for k, c in enumerate(cells) if c.strip().isdigit()]
            i, j = named if len(named) == 2 else numbers[3:5] if len(numbers) == 7 else (0, 0)
            cells[i], cells[j] = cells[j], cells[i]
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def test_columns_the_header_reorders_are_placed_by_it(tmp_path) -> None:
    """A header that names 三's columns in another order: run-on values follow it, as the pipe
    text's do (they were placed by the template's order: 26 wrong numbers)."""
    path = tmp_path / "swapped.txt"
    path.write_text(_swap_columns_of_table_3(source("heyu_ecology_2021_pipe").read_text()), encoding="utf-8")
    pipe = zhgov_parse.read(path)
    runon = zhgov_parse.parse(render(path))
    assert {f.code for f in runon.finding_list if f.table == "application_handling"} >= {"columns_reordered"}
    want = {
        (c["row"], c["column"]): c["value"]
        for c in pipe.to_dict()["cells"]
        if c["table"] == "application_handling"
    }
    got = {
        (c["row"], c["column"]): c["value"]
        for c in runon.to_dict()["cells"]
        if c["table"] == "application_handling"
    }
    assert got == want
    assert want[("new_received", "nonprofit")] == 12  # the fixture's own value, under its own column


def test_table_4_columns_the_header_reorders() -> None:
    outcomes = "结果维持 其他结果 结果纠正 尚未审结 总计"  # 其他结果 before 结果纠正
    text = f"行政复议 行政诉讼 {outcomes} 未经复议直接起诉 复议后起诉 {outcomes} {outcomes} 12036 00000 00000"
    result = review_litigation(text, "2021")
    got = {c.column: c.value for c in result.cells if c.row == "review"}
    assert got == {"upheld": 1, "other_outcome": 2, "corrected": 0, "pending": 3, "total": 6}
    assert [f.code for f in result.findings] == ["columns_reordered"]


def test_table_2_columns_the_header_reorders() -> None:
    text = "第二十条第（一）项 信息内容 本年制发件数 现行有效件数 本年废止件数 规章000 行政规范性文件6 41 2"
    result = active_disclosure(text, "2021")
    got = {c.column: c.value for c in result.cells if c.row == "normative_documents"}
    assert got == {"issued": 6, "repealed": 2, "in_force": 41}
    assert {f.code for f in result.findings} == {"columns_reordered", "missing_row"}  # rows left out here


def test_a_fault_that_cannot_be_weighed_is_not_taken_for_none() -> None:
    """A result row read as what the others leave it needs all of them: with one missing, that
    fault cannot be weighed (None), so no other fault may decide the table alone (``{}`` would
    say this one cannot be the fault)."""
    from zhgov_parse.runon_solve import _Free, _solve

    order = [c for c, _ in schema.rows("application_handling", "2021")]
    rows = _handling_rows({code: [v or 0 for v in values] for code, values in BLANK_RESULTS.items()})
    candidates = {
        code: [values] for code, values in rows.items() if code not in ("granted", "partially_granted")
    }
    free = _Free("partially_granted", "".join(map(str, rows["partially_granted"])))
    assert _solve(candidates, order, free=free) is None


def test_a_cell_several_readings_agree_on_may_be_another_column_s() -> None:
    """`| 规章 | 22 |  | 35 |` (the real 012 report leaves 本年废止 blank so) runs together as 2235:
    its full readings 2|2|35 and 2|23|5 agree on 本年制发 2, but 22|blank|35 reads it 22."""
    result = active_disclosure(
        "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章2235", "2021"
    )
    got = {c.column: c.value for c in result.cells if c.row == "rules"}
    assert got["issued"] is None
    ambiguous = [f for f in result.findings if f.code == "runon_ambiguous"]
    assert "22|blank|35" in ambiguous[0].expected


def test_the_fixtures_with_other_numbers_never_read_wrong_as_run_on_text(tmp_path) -> None:
    """Every fixture regenerated with two other sets of numbers (its layout and quirks kept, its
    identities intact), as run-on text: whatever is recovered is the report's own number."""
    import dataclasses

    make = fixture_generator()
    recovered = total = 0
    for k, fx in enumerate([*make.FIXTURES, *make.HTML_FIXTURES]):  # type: ignore[attr-defined]
        for i in (1, 2):
            variant = dataclasses.replace(fx, seed=fx.seed + 7919 * i, breaks=[])
            cells = make.expected_cells(variant)  # type: ignore[attr-defined]
            if fx.fmt == "html":
                page = make.render_html(variant, cells, k)  # type: ignore[attr-defined]
                path = tmp_path / f"{fx.name}_{i}.html"
                path.write_bytes(page.encode(fx.encoding, errors="xmlcharrefreplace"))
            else:
                path = tmp_path / f"{fx.name}_{i}.txt"
                path.write_text(make.render(variant, cells, k), encoding="utf-8")  # type: ignore[attr-defined]
            report = zhgov_parse.parse(render(path))
            flagged = {f.row for f in report.finding_list if f.code.startswith("runon_")}
            for c in report.cell_records():
                want = cells[c["table"], c["row"], c["column"]].value
                total += 1
                if c["value"] is not None:
                    assert c["value"] == want, (fx.name, i, c["row"], c["column"], c["value"], want)
                    recovered += 1
                elif want is not None:
                    assert c["row"] in flagged or None in flagged, (fx.name, i, c["row"], c["column"])
    assert recovered / total >= 0.9, recovered / total  # 0.93 measured 2026-11-27 (48 reports)


def _cells(report: zhgov_parse.Report) -> dict:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


@pytest.mark.parametrize(
    "name", ["chenghu_finance_2021_html", "tianxi_water_2022_html", "lanshi_housing_2023_pipe"]
)
def test_page_text_whose_lines_start_at_numbered_labels_reads_as_run_on_text(
    name: str, runon_reports: dict
) -> None:
    """Page text a block a line, each line starting at a numbered label (二、…, 三、…): a part heading
    with the start of its table after it on its line (``二、主动公开政府信息情况 第二十条…``), and rows
    whose cells a page left apart with spaces (``二、上年结转政府信息公开申请数量 4 2 1 1 0 1 9``)."""
    text = render(source(name))
    lines = "".join(
        ("\n" + ch if ch in "二三四五六" and text[i + 1 : i + 2] == "、" else ch) for i, ch in enumerate(text)
    )
    report = zhgov_parse.parse(lines)
    assert report.meta["source_format"] == "runon"
    assert _cells(report) == _cells(runon_reports[name])
    assert {f.code for f in report.finding_list} == {f.code for f in runon_reports[name].finding_list}


def test_numbers_a_page_s_spans_split_with_a_space_are_joined() -> None:
    """A Word page's text a span a word (``get_text(" ")``) splits 15 into ``1 5``: more numbers than
    cells, so not every space is a cell's edge; every edge is still a space."""
    assert readings("97 1 5 9 4 1 7 9 151", 7, 7) == [[97, 15, 9, 4, 17, 9, 151]]
    assert readings("7 2 1 0 1 0 1 1", 7, 7) == [[7, 2, 1, 0, 1, 0, 11]]
    assert readings("0 5 0 0 0 0 0 5", 7, 7) == []  # 05 is no number
    assert readings("12 3 4 5 6 7 40", 7, 7) == []  # as many numbers as cells: a total that is wrong


def test_a_word_page_s_text_a_span_a_word() -> None:
    """tianxi's page (a Word export) through ``" ".join(itertext())``: a part heading broken by a
    span (``二、主动公开 政府信息情况``) and numbers split over spans still give every cell."""
    from lxml import html as lxml_html

    from zhgov_parse.load import load

    data = source("tianxi_water_2022_html").read_bytes()
    root = lxml_html.document_fromstring(load(data).text)
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    text = " ".join(" ".join(t.split()) for t in root.itertext() if t.strip())
    assert "主动公开 政府信息情况" in text and " 1 5 9 4 1 7 9 151" in text
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    want = {k: v for k, v in expected_cells("tianxi_water_2022_html").items() if v is not None}
    got = _cells(report)
    assert {k: got.get(k) for k in want} == want


def test_invisible_characters_between_digits_do_not_split_a_run() -> None:
    """Page text copied from a browser can carry direction marks and joiners (U+200E, U+200D) or
    Word's soft hyphens between characters; between two digits they split a run of digits in two,
    and the page read 3 of 189 cells. They are taken out of text when it is loaded."""
    text = render(source("qinghe_data_2022_pipe"))
    marked = text
    for mark in ("\u200e", "\u200d", "\u00ad"):
        marked = marked.replace("0", "0" + mark, 3).replace("1", mark + "1", 3)
    marked = "".join(c + "\u200e" if c.isdigit() and i % 5 == 0 else c for i, c in enumerate(marked))
    assert marked.count("\u200e") > 50
    got = zhgov_parse.parse(marked).to_dict()["cells"]
    assert got == zhgov_parse.parse(text).to_dict()["cells"]


_TABLE_HEADINGS = (
    ("二、主动公开政府信息情况", "二、主動公開政府信息情況"),
    ("三、收到和处理政府信息公开申请情况", "三、收到和處理政府信息公開申請情況"),
    ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公開行政復議、行政訴訟情況"),
)


@pytest.mark.parametrize(
    "name",
    [
        "chenghu_finance_2021_html",
        "congang_veterans_2020_html",
        "baixi_education_2019_md",
        "lanshi_housing_2023_pipe",
    ],
)
def test_runon_tables_are_found_by_their_own_headers_where_part_headings_are_left_out(name: str) -> None:
    """Page text with a table's part heading left out (a scraper that keeps the tables' text alone):
    the table is found by the first words of its own header, 第二十条第（一）项, 三's （本列数据的勾稽
    关系…）, 四's 行政复议行政诉讼 (copied by spans or not) or its outcomes where it stands on its side.
    Before, 三 so left lost ~175 of its cells, 二 7–22 and 四 15."""
    text = render(source(name))
    cells = zhgov_parse.parse(text).to_dict()["cells"]
    for headings in _TABLE_HEADINGS:
        without = text
        for heading in headings:
            without = without.replace(heading, "")
        assert without != text
        assert zhgov_parse.parse(without).to_dict()["cells"] == cells
    for heading in (h for pair in _TABLE_HEADINGS for h in pair):
        text = text.replace(heading, "")
    assert zhgov_parse.parse(text).to_dict()["cells"] == cells


@pytest.mark.parametrize("where", ["one-line", "group-first", "total-first"])
def test_table_3_header_with_natural_person_after_the_organisations(where: str) -> None:
    """三's columns 自然人 after the organisations, as page text of that header: the values follow
    it (before, the template's order: six columns wrong, every identity holding). A header naming
    总计 first leaves no way to split a row's digits (总计 is what they add up to): NA, said so."""
    from test_mapping import _ORDER, _WORDS, _read_as_stated, _table_three

    orgs = "\t".join(_WORDS[c] for c in _ORDER[:5])
    header = {
        "one-line": ["\t" + "\t".join(_WORDS[c] for c in _ORDER)],
        "group-first": ["\t法人或其他组织\t\t\t\t\t自然人\t总计", "\t" + orgs],
        "total-first": ["\t总计\t自然人\t" + orgs],
    }[where]
    text = "".join(line.replace("\t", "") for line in _table_three(header).split("\n"))
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    codes = {f.code for f in report.finding_list if f.table == "application_handling"}
    if where == "total-first":
        assert report.table("application_handling").isna().all().all()
        assert "columns_unreadable" in codes
    else:
        assert _read_as_stated(report)
        assert "columns_reordered" in codes


def test_table_4_header_with_the_total_first_leaves_it_na(sample_text: str) -> None:
    """A group's digits are split so that 总计, last, is what the others add up to: a header that
    puts 总计 first says they are not in that order. NA with columns_unreadable, never a split."""
    from test_mapping import _total_first

    text = "".join(line.replace("|", "").replace(" ", "") for line in _total_first(sample_text).split("\n"))
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    assert report.table("review_litigation").isna().all().all()
    assert "columns_unreadable" in {f.code for f in report.finding_list if f.table == "review_litigation"}


def test_rows_run_together_a_line_each_with_table_4_s_groups_on_lines_of_their_own() -> None:
    """lxml's ``text_content()`` of a page whose ``<tr>``s stand on lines of their own: each row's label
    glued to its digits, a row a line, and 四's one row of values broken where the page's source
    broke it, a group a line.  Lines of digits alone are no rows whose cells spaces set apart: three
    of them made the text plain text before, and 三 and 四 were lost (``missing_table``)."""
    results = {code: [v or 0 for v in values] for code, values in BLANK_RESULTS.items()}
    rows = {code: [v or 0 for v in values] for code, values in _handling_rows(results).items()}
    table_3 = [label.split()[-1] + "".join(map(str, rows[code])) for code, label in schema.rows(APPS, "2021")]
    text = "\n".join(
        [
            "某某县农业农村局2023年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容本年制发件数本年废止件数现行有效件数",
            "规章000",
            "行政规范性文件000",
            "第二十条第（五）项",
            "信息内容本年处理决定数量",
            "行政许可38",
            "三、收到和处理政府信息公开申请情况",
            "  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "  自然人法人或其他组织总计",
            "  商业企业科研机构社会公益组织法律服务机构其他",
            *table_3,
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议行政诉讼",
            "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
            "  50207",
            "  10001",
            "  00202",
            "五、存在的主要问题及改进情况",
        ]
    )
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    got = _cells(report)
    columns = [c for c, _ in schema.columns(APPS, "2021")]
    for code, values in rows.items():
        assert [got[(APPS, code, column)] for column in columns] == values, code
    groups = ["review", "litigation_direct", "litigation_after_review"]
    outcomes = ["upheld", "corrected", "other_outcome", "pending", "total"]
    table_4 = [[got[("review_litigation", g, o)] for o in outcomes] for g in groups]
    assert table_4 == [[5, 0, 2, 0, 7], [1, 0, 0, 0, 1], [0, 0, 2, 0, 2]]


def test_a_footnote_mark_in_run_on_text_is_no_digit() -> None:
    """``规章007①``: NFKC made the mark a digit (规章0071 read 0, 0, 71). It is read as any other
    mark after a run's digits (``规章007*``, ``规章007[1]``) is: where a cell ends, the cell it follows
    no number (what does it note?), as a table's ``41*`` is: NA, ``non_numeric`` (before: read 7)."""
    text = render(source("chenghu_finance_2021_html"))
    assert text.count("规章000") == 1

    def rules(mark: str) -> tuple[list, list]:
        report = zhgov_parse.parse(text.replace("规章000", f"规章007{mark}"))
        notes = [(f.row, f.column) for f in report.finding_list if f.code == "non_numeric"]
        return [c["value"] for c in report.to_dict()["cells"] if c["row"] == "rules"], notes

    assert rules("*") == ([0, 0, None], [("rules", "in_force")])
    for mark in ("①", "¹", "₁", "[1]", "【1】", "（注）", "注1", "※"):
        assert rules(mark) == rules("*"), mark


def test_a_footnote_mark_inside_a_run_ends_a_cell() -> None:
    """A mark after a cell inside a row's run (``3*101218``, ``31[1]01218``): the run went on past
    it, the cell it follows NA (``non_numeric``), the others read under the identities; before, the
    run ended at the mark (row NA, its other digits dropped, the table's identities unchecked).
    ``注1`` glued before the next cell's digits (``10注15``) leaves where the mark ends unknown: the
    row reads no way (before, ``规章10`` read blank | 1 | 0: wrong numbers)."""
    text = render(source("chenghu_finance_2021_html"))
    row = "4.保护第三方合法权益3101218"
    assert text.count(row) == 1
    for marked in ("3*101218", "31[1]01218", "31（注）01218"):
        report = zhgov_parse.parse(text.replace(row, "4.保护第三方合法权益" + marked))
        got = _cells(report)
        cells = [got[(APPS, "withheld.third_party_rights", c)] for c, _ in schema.columns(APPS, "2021")]
        at = 0 if marked.startswith("3*") else 1
        assert cells == [None if i == at else v for i, v in enumerate([3, 1, 0, 1, 2, 1, 8])], marked
        assert not any(f.code == "runon_unchecked" for f in report.finding_list)
    report = zhgov_parse.parse(text.replace("规章000", "规章10注15"))
    assert [c["value"] for c in report.to_dict()["cells"] if c["row"] == "rules"] == [None] * 3
    assert any(f.code == "runon_unsolvable" and f.row == "rules" for f in report.finding_list)


def test_a_label_whose_characters_are_set_apart() -> None:
    """A Word table centres a short label by spacing its characters (``规 章``, ``总 计``): in page
    text the space stays inside the label.  Before, 规章 was not found (its row said missing, its
    numbers lost), and a page whose other labels were fewer than three was not read as run-on text."""
    text = (
        "某镇2024年政府信息公开工作年度报告\n二、主动公开政府信息情况 第二十条第（一）项 信息内容 "
        "本年制发件数 本年废止件数 现行有效件数 规 章 2 0 5 行政规范性文件 1 0 3 第二十条第（五）项 "
        "信息内容 本年处理决定数量 行政许可 6 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 9 "
        "行政强制 0"
    )
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    got = _cells(report)
    assert [got[("active_disclosure", "rules", c)] for c in ("issued", "repealed", "in_force")] == [2, 0, 5]
    assert got[("active_disclosure", "penalty", "decisions")] == 9
    found = find_runs("总 计 3 0 0 0 0 0 3", {"total": r"总计(?=\s*[\d/—－-])"}, ["total"])
    assert [r.text for r in found.runs] == ["3 0 0 0 0 0 3"] and not found.missing


def test_a_table_that_leaves_every_total_blank_reads_no_total() -> None:
    """A report that leaves 总计 blank (013 does, in most rows), as page text: every row holds six
    values, and no column identity can check a reading. Each row was read with a blank lost among
    its first six and its last value as 总计: ``1 0 0 0 0 1`` (其他 1, 总计 blank) read 总计 1; the
    lost cell may be 总计, and then nothing checks the row, so its cells are NA."""
    results = {**BLANK_RESULTS, "withheld.state_secret": [1, 0, 0, None, 0, 1]}
    rows = {code: [*values[:6], None] for code, values in _handling_rows(results).items()}
    result = application_handling(_runon_text(rows), "2021")
    columns = [c for c, _ in schema.columns("application_handling", "2021")]
    read = {(c.row, c.column): c.value for c in result.cells if c.value is not None}
    assert all(v == rows[row][columns.index(column)] for (row, column), v in read.items()), read
    assert any(f.code == "runon_unchecked" for f in result.findings)
    said = {f.row for f in result.findings if f.code == "runon_ambiguous" and "may be its 总计" in f.message}
    assert "withheld.state_secret" in said


def test_page_text_cut_off_inside_table_2_reads_the_rows_before_the_cut() -> None:
    """Page text cut off inside table 二 (a scraper's excerpt, a length limit), whose rows run
    together: it holds 规章, 规范性文件, 行政许可 and 其他对外管理服务事项 before the cut. It was not taken
    for run-on text (规范性文件 did not count among the labels that tell it), so no cell was read and
    all three tables were said missing; now the rows before the cut are read, the rest said missing."""
    overview = "本局认真贯彻落实政府信息公开条例，全面推进政务公开工作。" * 5
    text = (
        f"某局2019年政府信息公开工作年度报告一、总体情况{overview}二、主动公开政府信息情况"
        "第二十条第(一)项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000"
        "第二十条第(五)项信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项"
        "000第二十条第(六)项信息内容上一年项目数量本年增/减处理决"
    )
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "runon"
    read = report.cells.dropna(subset=["value"])
    assert set(read["row"]) == {"rules", "normative_documents", "licensing", "other_services"}
    assert len(read) == 12 and (read["value"] == 0).all()
    missing = {f.row for f in report.finding_list if f.code == "missing_row"}
    assert missing == {"penalty", "coercion", "fees", "procurement"}


_PART_TITLES = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议",
    "存在的",
    "其他需要",
)


@pytest.mark.parametrize("numbered", ["第{}部分 ", "（{}）", "arabic"])
def test_runon_part_headings_numbered_otherwise(numbered: str) -> None:
    """Page text whose parts are numbered 第一部分, （一） or 1、 (or whose 五 is worded 存在的不足和改进
    措施): each part still opens where its heading stands (before, the headings were not cut out of
    the run-on text: 五 was missing, and facts of 一 and 六 were lost)."""
    text = render(source("lanshi_housing_2023_pipe"))
    report = zhgov_parse.parse(text)
    for i, (number, title) in enumerate(zip("一二三四五六", _PART_TITLES, strict=True)):
        mark = f"{i + 1}、" if numbered == "arabic" else numbered.format(number)
        text = text.replace(f"{number}、{title}", mark + title, 1)
    text = text.replace("存在的主要问题及改进情况", "存在的不足和改进措施", 1)
    other = zhgov_parse.parse(text)
    columns = ["section", "subsection_code", "kind"]
    if numbered != "（{}）":  # （二）…（四） are no parts: 一's own subsections may bear their titles
        assert other.sections[columns].values.tolist() == report.sections[columns].values.tolist()
    assert other.facts[["section", "subject", "value"]].values.tolist() == (
        report.facts[["section", "subject", "value"]].values.tolist()
    )
    assert _cells(other) == _cells(report)


def test_a_sign_set_apart_from_its_digits_in_a_2019_row() -> None:
    """``行政許可15- 72904``: a cell ``- 7`` (read -7 in a table) or a cell marked ``-`` and 72904.
    Before, the space made the dash a mark alone: 15 | - | 72904, a wrong number. Both readings
    are kept now, and the cells they disagree on are NA."""
    text = render(source("wuling_transport_2019_md"))
    assert text.count("行政許可15-72904") == 1
    for spaced in ("15- 72904", "15— 72904"):
        report = zhgov_parse.parse(text.replace("行政許可15-72904", "行政許可" + spaced))
        got = _cells(report)
        row = [got[("active_disclosure", "licensing", c)] for c in ("previous_count", "change", "decisions")]
        assert row == [15, None, None], spaced
        assert any(f.code == "runon_ambiguous" and f.row == "licensing" for f in report.finding_list)


def test_a_range_in_a_run_is_no_cell_marked_missing_between_two() -> None:
    """A cell holding a range (``1466-1468``, ``8-10``; a table reads it NA, ``non_numeric``) in
    run-on text: its dash was read only as a cell marked missing or a sign, so in 2019's
    ``行政處罰2101466-1468`` (21 | 0 | 1466-1468) previous_count read 2101466, change -1468, and in
    三 ``3.其他11000-213`` (1 | 1 | 0 | 0 | 0-2 | 1 | 3) beside ``2210308-10`` (总计 8-10) read
    其他 2, 总计 13. A dash between digits is now also read as a range's, one cell NA (a total's
    range one that can hold its parts' sum); the cells the readings disagree on are NA."""
    text = render(source("wuling_transport_2019_md"))
    assert text.count("行政處罰2101466") == 1
    report = zhgov_parse.parse(text.replace("行政處罰2101466", "行政處罰2101466-1468"))
    got = _cells(report)
    row = [got[("active_disclosure", "penalty", c)] for c in ("previous_count", "change", "decisions")]
    assert row == [None, None, None]
    text = render(source("heyu_ecology_2021_pipe"))
    third_party = ("application_handling", "withheld.third_party_rights")
    for dash in "-—":
        ranged = text.replace("3.其他1100013", f"3.其他11000{dash}213")
        report = zhgov_parse.parse(ranged.replace("三方合法權益2210308", f"三方合法權益2210308{dash}10"))
        got = _cells(report)
        row = [
            got[("application_handling", "other.other", c)] for c in ("natural_person", "other_org", "total")
        ]
        assert row == [1, None, 3], dash
        assert [got[(*third_party, "total")], got[(*third_party, "natural_person")]] == [None, 2]
        ways = {(f.code, f.row) for f in report.finding_list}
        assert {("runon_ambiguous", "other.other"), ("missing_value", "withheld.third_party_rights")} <= ways
    assert splits("12-14", ["int"], lambda values: True, ranges=True) == [[None]]
    assert splits("12-14", ["int"], lambda values: True) == []  # a table that marks cells so: no range
    assert splits("1-1", ["int"] * 3, lambda values: True, ranges=True) == [[1, None, 1]]  # 1 is not above 1


def test_a_table_that_marks_cells_with_dashes_reads_no_range() -> None:
    """Where a table's dashes can only be marks somewhere (``3-``, ``0-0``), a dash between digits
    is read as a mark alone, as before ranges were read: a column of ``-`` cells would otherwise
    read each ``0-10`` as a range too (the report's own rows lost, 137 of 183 cells read)."""
    assert ranges_possible("予以公开12-15 部分公开3-12")
    assert not ranges_possible("予以公开12-15 部分公开3-0-5")
    assert not ranges_possible("予以公开12-15 部分公开-35")
    assert not ranges_possible("予以公开1215 部分公开335")


def test_another_reports_tables_after_a_run_on_report_are_not_read(tmp_path) -> None:
    """Page text whose cells run together, another report's tables after its 六 (相关链接, last year's
    二 to 四 under its title, no part 一): 四's digits were read after the last 总计 of the text, the
    other report's (15 cells), as it had no row to hold them. They start another report now, as in
    any other form: only the first is read, with more_reports."""
    name = "qinghe_data_2022_pipe"
    text = source(name).read_text(encoding="utf-8")
    tables = text[text.index("二、主动公开") : text.index("五、存在")]
    other = tables.replace("2 | 1 | 0 | 1 | 4 | 1 |", "3 | 1 | 0 | 1 | 5 | 1 |")
    assert other != tables
    page, alone = tmp_path / "page.txt", tmp_path / "alone.txt"
    box = "相关链接\n2021年青禾市数据资源局政府信息公开工作年度报告\n"
    page.write_text(text + box + other, encoding="utf-8")
    alone.write_text(text, encoding="utf-8")
    report = zhgov_parse.parse(render(page))
    assert report.to_dict()["cells"] == zhgov_parse.parse(render(alone)).to_dict()["cells"]
    assert "more_reports" in {f.code for f in report.finding_list}


def test_an_estimate_in_a_run_is_no_count() -> None:
    """``12余``, ``12多`` (a table reads them NA, ``non_numeric``) and ``约12``, ``10至12`` in run-on
    text: the word was dropped, so ``1030004余`` read 总计 4 and ``约1030004`` read the row, as if
    exact. A word after a cell's digits now ends the cell, NA as a footnote mark's; one before a
    cell's digits or between two stays in the run, which reads no way: the row is NA."""
    text = render(source("heyu_ecology_2021_pipe"))
    secret = ("application_handling", "withheld.state_secret")
    for written, read, code in [
        ("1030004余", [1, 0, 3, 0, 0, 0, None], "non_numeric"),
        ("103多0004", [1, 0, None, 0, 0, 0, 4], "non_numeric"),
        ("約1030004", [None] * 7, "runon_unsolvable"),
        ("1030约004", [None] * 7, "runon_unsolvable"),
        ("1030~2004", [None] * 7, "runon_unsolvable"),
    ]:
        report = zhgov_parse.parse(text.replace("國家秘密1030004", "國家秘密" + written))
        got = _cells(report)
        columns = [c for c, _ in schema.columns(secret[0], "2021")]
        assert [got[(*secret, c)] for c in columns] == read, written
        assert any(f.code == code and f.row == secret[1] for f in report.finding_list), written


def test_none_written_for_a_cell_in_a_run_is_a_cell_marked_missing() -> None:
    """``无`` for a cell (a table's ``无`` is a cell marked missing) among a run's digits ended the
    run there (``1030无04`` read as ``1030``, four cells lost) or was skipped with the label
    (``无030004`` read as ``030004``). It is now a cell marked missing, as ``/`` is; a label's 无
    (无正当理由…, 无法提供) is no mark."""
    text = render(source("heyu_ecology_2021_pipe"))
    secret = ("application_handling", "withheld.state_secret")
    columns = [c for c, _ in schema.columns(secret[0], "2021")]
    for written, read in [
        ("1030无04", [1, 0, 3, 0, None, 0, 4]),
        ("无030004", [None, 0, 3, 0, 0, 0, 4]),
        ("103000无", [1, 0, 3, 0, 0, 0, None]),
    ]:
        report = zhgov_parse.parse(text.replace("國家秘密1030004", "國家秘密" + written))
        got = _cells(report)
        assert [got[(*secret, c)] for c in columns] == read, written
        assert any(f.code == "missing_value" and f.row == secret[1] for f in report.finding_list), written
        assert got[("application_handling", "not_processed.excessive", "total")] == 4


def test_a_page_footer_inside_a_row_is_taken_out() -> None:
    """A page's footer between a row's digits (a page break inside the row) ended the run or read
    as cells: ``行政處罰15第3页8`` read 15 (the 8 dropped unsaid), ``上年结转…401022— 3 —8365`` read
    总计 8365. The footer is now taken out and the digits joined."""
    text = render(source("heyu_ecology_2021_pipe"))
    for old, new in [
        ("行政處罰158", "行政處罰15第3页8"),
        ("行政處罰158", "行政處罰第3页158"),
        ("數量94010317", "數量940103— 3 —17"),
    ]:
        got = _cells(zhgov_parse.parse(text.replace(old, new)))
        assert got[("active_disclosure", "penalty", "decisions")] == 158, new
        assert got[("application_handling", "carried_in", "total")] == 17, new


def test_a_page_header_inside_a_row_is_taken_out() -> None:
    """A page's running header (the report's title) or a footer with its page count inside a row,
    a page break between its digits or between its label and them: the run ended at the header
    (``行政處罰15某某局2021年…年度报告8`` read 15, the 8 said unmapped), took its year as digits
    (``行政處罰1582021年…`` read 1582021, ``行政處罰某某局2021年…158`` read 2021) or the page
    number (``第3页共8页158`` read 3). The header or footer is now taken out and the digits joined;
    a header after the next row's label is that row's (行政强制12, not 15812)."""
    text = render(source("heyu_ecology_2021_pipe"))
    head = "某某局2021年政府信息公开工作年度报告"
    for old, new in [
        ("行政處罰158", "行政處罰15" + head + "8"),
        ("行政處罰158", "行政處罰15某某局2021年度政府信息公开工作年度报告 — 3 —8"),
        ("行政處罰158", "行政處罰152021年政府信息公开工作年度报告8"),
        ("行政處罰158", "行政處罰1582021年政府信息公开工作年度报告"),
        ("行政處罰158", "行政處罰" + head + "158"),
        ("行政處罰158", "行政處罰第3页共8页158"),
        ("行政處罰158", "行政處罰15第 3 页 共 8 页8"),
        ("行政強制12", "行政強制" + head + "12"),
        ("數量94010317", "數量9401031" + head + "7"),
    ]:
        report = zhgov_parse.parse(text.replace(old, new))
        got = _cells(report)
        assert got[("active_disclosure", "penalty", "decisions")] == 158, new
        assert got[("active_disclosure", "coercion", "decisions")] == 12, new
        assert got[("application_handling", "carried_in", "total")] == 17, new
        assert "unmapped_row" not in {f.code for f in report.finding_list}, new


def test_a_space_inside_a_number_of_table_2_is_no_cells_edge() -> None:
    """A space in a row of 二 whose spaces are not every edge between its cells (``321 9`` for 3 |
    2 | 19, a span's or a line's break inside 19) was read as an edge: 3 | 21 | 9 and blank | 321 |
    9 agree on 现行有效 9, a wrong number. Such a space may be inside a number: the row reads all
    ways (NA, runon_ambiguous). A row whose spaces set every cell apart keeps them as edges."""
    text = render(source("heyu_ecology_2021_pipe"))
    row = ("active_disclosure", "normative_documents")
    for written, in_force in [("321 9", None), ("3 21 9", 9), ("3 2 19", 19)]:
        report = zhgov_parse.parse(text.replace("規范性文件3219", "規范性文件" + written))
        assert _cells(report)[(*row, "in_force")] == in_force, written
    report = zhgov_parse.parse(text.replace("規范性文件3219", "規范性文件321 9"))
    assert any(f.code == "runon_ambiguous" and f.row == row[1] for f in report.finding_list)


def test_a_part_heading_in_a_short_line_of_run_on_text_is_found() -> None:
    """Run-on text broken by line breaks between labels and their digits (``行政處罰\n158``,
    ``…申請數量\n571714122018138``) left a line under 200 characters holding 三's heading after 二's
    last rows; only longer lines were cut at a heading, so 三 was read as part of 二 (unmapped_row)
    and lost (missing_table). A shorter line of run-on text is cut at a part heading too."""
    text = render(source("heyu_ecology_2021_pipe"))
    for old, new in [("行政處罰158", "行政處罰\n158"), ("數量571714122018138", "數量\n571714122018138")]:
        text = text.replace(old, new)
    report = zhgov_parse.parse(text)
    got = _cells(report)
    assert got[("application_handling", "new_received", "total")] == 138
    assert got[("active_disclosure", "penalty", "decisions")] == 158
    assert not {"missing_table", "unmapped_row"} & {f.code for f in report.finding_list}


@pytest.mark.parametrize("written", ["{})", "{}）", "({})"])
def test_an_item_number_closed_by_a_parenthesis_is_no_rows_digit(written: str) -> None:
    """三's items numbered ``1)`` or ``1）`` (``…10—00012)其他法律…``): the next item's number was
    read as the row's last digit, and where cells are marked — (no identity checks them exactly)
    总计 read 12 for 1, 23 for 2: 7 wrong cells in the fixture; ``(三)不予公开1)`` and ``(1)`` were
    unmapped rows. It is now taken off as ``2.`` and ``2、`` are."""
    name = "songlan_market_2023_md"
    text = render(source(name))
    start = text.index("本年新收政府信息公开申请")
    end = text.index("结转下年度继续办理", start)
    table = re.sub(r"([1-8])\.(?=[\u4e00-\u9fff])", lambda m: written.format(m[1]), text[start:end])
    report = zhgov_parse.parse(text[:start] + table + text[end:])
    assert report.table(APPS).equals(zhgov_parse.parse(text).table(APPS))
    assert "unmapped_row" not in {f.code for f in report.finding_list}


def test_a_footnote_mark_after_a_label_is_no_cells_digit() -> None:
    """A footnote mark after a row's label, before its digits (``行政處罰[1]158``, ``〔1〕``, ``（1）``,
    ``（注1）``): the label's skip ended before the mark's digit, so the row read 1 (``[1]``, ``注1：``)
    or was said missing (``（1）``, its digit then taken for the next item's number); ``注1158`` read
    1158. The
    mark is now skipped with the label; ``注`` glued to digits, its end unknown, leaves the row NA
    (runon_unsolvable)."""
    text = render(source("heyu_ecology_2021_pipe"))
    penalty = ("active_disclosure", "penalty", "decisions")
    marks = [("[1]", 158), ("〔1〕", 158), ("（1）", 158), ("（注1）", 158), ("注1：", 158), ("注1", None)]
    for mark, read in marks:
        report = zhgov_parse.parse(text.replace("行政處罰158", "行政處罰" + mark + "158"))
        assert _cells(report)[penalty] == read, mark
    report = zhgov_parse.parse(text.replace("行政處罰158", "行政處罰注1158"))
    assert any(f.code == "runon_unsolvable" and f.row == "penalty" for f in report.finding_list)


def test_a_space_inside_a_number_of_an_unchecked_table_3_is_no_cells_edge() -> None:
    """Two rows of 三 with a space inside a number (``予以公開1 16001220`` for 11 | 6 | 0 | 0 | 1 | 2 |
    20, ``3.其他330 0006``): no reading fits the column identities, so each row rests on its own
    总计, which cannot tell such a space from an edge: 1 | 1 | 6 | 0 | 0 | 12 | 20 and 1 | 16 | 0 |
    0 | 1 | 2 | 20 agreed on 自然人 1, a wrong number. In a table so unchecked a row whose spaces are
    not every edge is read with them taken out too: 自然人 is NA."""
    text = render(source("yanhui_civil_affairs_2025_text"))
    for old, new in [("予以公開116001220", "予以公開1 16001220"), ("3.其他3300006", "3.其他330 0006")]:
        assert old in text
        text = text.replace(old, new)
    report = zhgov_parse.parse(text)
    assert "runon_unchecked" in {f.code for f in report.finding_list}
    assert _cells(report)[(APPS, "granted", "natural_person")] is None


def test_a_page_footer_set_apart_inside_a_row_of_a_glued_page_is_taken_out() -> None:
    """A page footer on its own line inside a row (``401022 — 3 — 8365`` for 40 | 10 | 2 | 2 | 8 | 3
    | 65, ``- 3 -`` too; or ``3/8``, the page of pages) was read as cells, its dashes or slash marking
    cells missing: the identity then only bounds 总计 from below, and every reading agreed on 总计
    8365. On a page that glues a row's cells (a row of 三 of seven digits) such a footer is taken out
    and the digits joined."""
    text = render(source("liuting_health_2022_md"))
    row = ("application_handling", "carried_in", "total")
    assert "4010228365" in text
    for footer in (" — 3 — ", " - 3 - ", " 3/8 ", " 3 / 8 "):
        got = _cells(zhgov_parse.parse(text.replace("4010228365", "401022" + footer + "8365")))
        assert got[row] == 65, footer
    assert "512192100310102" in text  # 四: 2 | 3 | / | 8 | 1003 read its second group
    got = _cells(zhgov_parse.parse(text.replace("512192100310102", "512192 3/8 100310102")))
    assert got[("review_litigation", "litigation_direct", "total")] == 3


def test_table_four_given_twice_in_run_on_text_is_read_from_its_first_copy(tmp_path) -> None:
    """Page text whose cells run together, 四 given twice in its part (a page's two copies, their
    numbers apart): its digits were read after the text's last 总计, the second copy's (15 cells),
    where a row's first occurrence is kept in any other text. The first copy's are read now, the
    second's said with duplicate_row."""
    name = "qinghe_data_2022_pipe"
    text = source(name).read_text(encoding="utf-8")
    start, end = text.index("行政复议 | 行政诉讼"), text.index("五、存在")
    other = text[start:end].replace("2 | 1 | 0 | 1 | 4 | 1 |", "3 | 1 | 0 | 1 | 5 | 1 |")
    page, alone = tmp_path / "page.txt", tmp_path / "alone.txt"
    page.write_text(text[:end] + other + text[end:], encoding="utf-8")
    alone.write_text(text, encoding="utf-8")
    report, own = zhgov_parse.parse(render(page)), zhgov_parse.parse(render(alone))
    assert report.table("review_litigation").equals(own.table("review_litigation"))
    assert "duplicate_row" in {f.code for f in report.finding_list}


def test_a_faulty_row_is_not_spelled_across_a_space() -> None:
    """A stray number after a row, a space apart (a page number: ``94010317 3``), made 三's row
    unreadable, and the single-fault search then spelled it with the space ignored: 9 | 4 | 0 |
    1 | 0 | 3 | 173, 总计 173 'as written' (identity_broken). A space in a run is a cell's edge in
    a faulty row's spelling too: the row is NA (runon_unsolvable)."""
    text = render(source("heyu_ecology_2021_pipe"))
    report = zhgov_parse.parse(text.replace("數量94010317", "數量94010317 3"))
    got = _cells(report)
    assert got[("application_handling", "carried_in", "total")] is None
    assert any(f.code == "runon_unsolvable" and f.row == "carried_in" for f in report.finding_list)


def test_the_notes_after_a_table_mark_no_cell() -> None:
    """``注：`` heading the notes after a table (``…继续办理5010039注：1.本表…``) was read as a footnote
    mark after the last cell, which was then NA (non_numeric). A 注 before a colon marks no cell;
    ``注1`` after digits still does."""
    text = render(source("heyu_ecology_2021_pipe"))
    for notes, total in [("注：1.本表數據截至2021年12月31日。", 9), ("注1：本表。", 9), ("注1", None)]:
        got = _cells(zhgov_parse.parse(text.replace("繼續辦理5010039", "繼續辦理5010039" + notes)))
        assert got[("application_handling", "carried_forward", "total")] == total, notes
    got = _cells(zhgov_parse.parse(text.replace("行政事業性收費3.75", "行政事業性收費3.75注:收费为登记费。")))
    assert got[("active_disclosure", "fees", "fee_amount")] == 3.75
