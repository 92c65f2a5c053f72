"""Evaluation on real reports (../shared/corpus/real): every file ends as a Report or a ParseError,
and the numbers checked by hand against each source stay right. Skipped when ../shared is absent.

Each expectation below was read off the source file; a change may add expectations, never drop one.
"""

from __future__ import annotations

import pytest

import zhgov_parse

from conftest import SHARED

CORPUS = SHARED / "corpus" / "real"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")

A, R, D = "application_handling", "review_litigation", "active_disclosure"

# file prefix -> {(table, row, column): value}; None means the cell must be NA (never a guess).
CELLS: dict[str, dict[tuple[str, str, str], float | None]] = {
    "010": {
        (A, "new_received", "total"): 713,
        (A, "carried_in", "total"): 36,
        (A, "granted", "natural_person"): 290,
        (A, "other.other", "total"): 143,
        (A, "total", "total"): 718,
        (A, "carried_forward", "natural_person"): 31,
        (R, "review", "upheld"): 27,
        (R, "review", "total"): 61,
        (R, "litigation_direct", "total"): 3,
        (R, "litigation_after_review", "pending"): 1,
        (D, "licensing", "decisions"): 517645,
        (D, "fees", "fee_amount"): 4068.208,
    },
    "011": {
        (A, "new_received", "total"): 34,
        (A, "granted", "total"): 9,
        (A, "withheld.internal_affairs", "total"): 1,  # unlabeled row, placed by position
        (A, "unavailable.not_held", "total"): 4,
        (A, "unavailable.needs_creation", "total"): 6,
        (A, "other.no_correction", "total"): 10,  # unlabeled; its wrapped label text sits elsewhere
        (A, "other.unpaid_fee", "total"): 0,
        (A, "total", "total"): 35,
        (A, "carried_forward", "natural_person"): 1,
        (A, "carried_forward", "total"): None,  # empty in the source
        (R, "review", "upheld"): 1,
        (D, "licensing", "decisions"): 97,
        (D, "normative_documents", "issued"): 13,
        (D, "normative_documents", "in_force"): 55,
    },
    "012": {
        (A, "new_received", "total"): 1295,
        (A, "carried_in", "total"): 189,
        (A, "partially_granted", "total"): 2,
        (A, "withheld.third_party_rights", "total"): 0,
        (A, "withheld.internal_affairs", "legal_services"): 1,
        (A, "unavailable.not_held", "total"): 513,
        (A, "other.no_correction", "total"): 43,
        (A, "other.other", "total"): 276,
        (A, "total", "total"): 1191,
        (A, "carried_forward", "total"): 293,
        (R, "review", "total"): 55,
        (R, "litigation_direct", "total"): 12,
        (R, "litigation_after_review", "total"): 22,
        (D, "rules", "issued"): None,  # the source lost a cell of this row
    },
    "013": {
        (D, "rules", "new_made"): 13,
        (D, "rules", "total_published"): 524,
        (D, "normative_documents", "new_published"): 60,
        (D, "licensing", "change"): 0,  # the row spans its first value, not the header's
        (D, "procurement", "procurement_items"): 6,
        (D, "procurement", "procurement_amount"): 251000,  # written 251000元; the label names no unit
        (A, "new_received", "natural_person"): 821,
        (A, "new_received", "total"): 859,
        (A, "carried_in", "total"): 18,
        (A, "granted", "total"): None,  # left blank in the source
        (A, "total", "total"): 805,
        (A, "carried_forward", "total"): 72,
        (R, "review", "upheld"): 5,
        (R, "review", "total"): 7,
        (R, "litigation_direct", "total"): 9,
    },
    "014": {
        (D, "normative_documents", "issued"): 62,
        (D, "normative_documents", "in_force"): 440,
        (D, "licensing", "decisions"): 4529,
        (D, "fees", "fee_amount"): 18651.06,
        (A, "new_received", "natural_person"): 217,
        (A, "new_received", "total"): 218,
        (A, "withheld.internal_affairs", "total"): 32,
        (A, "unavailable.not_held", "total"): 75,
        (A, "other.other", "commercial"): 1,
        (A, "total", "total"): 218,
        (R, "review", "total"): 7,
        (R, "litigation_after_review", "upheld"): 13,
        (R, "litigation_after_review", "total"): 19,
    },
    "015": {
        (D, "penalty", "decisions"): 3985758,
        (D, "coercion", "decisions"): 88283,
        (D, "fees", "fee_amount"): 96171.6,
        (A, "new_received", "total"): 3119,
        (A, "partially_granted", "natural_person"): 447,
        (A, "withheld.state_secret", "total"): 2,
        (A, "unavailable.not_held", "total"): 769,
        (A, "total", "total"): None,  # the fragment ends before it
    },
    "025": {
        (D, "normative_documents", "issued"): 8,
        (D, "normative_documents", "in_force"): 18,
        (A, "new_received", "natural_person"): 26,
        (A, "new_received", "commercial"): None,  # every legal-person cell is blank in the source
        (A, "granted", "total"): 26,
        (R, "review", "pending"): 1,
    },
    "026": {  # the same report as 005 (run-on page text): 80 1 0 0 0 0 81
        (A, "new_received", "natural_person"): 80,
        (A, "new_received", "total"): 81,
        (D, "fees", "fee_amount"): 5949.088667,
        (R, "litigation_direct", "total"): 5,
    },
    "027": {  # the same report as 007: 151 3 0 0 0 0 154, 6 carried forward
        (A, "new_received", "natural_person"): 151,
        (A, "new_received", "total"): 154,
        (A, "carried_forward", "total"): 6,
        (D, "fees", "fee_amount"): 4166.241619,
        (R, "review", "total"): 36,
    },
    "016": {(D, "normative_documents", "in_force"): 0, (D, "fees", "fee_amount"): 0},
    "017": {
        (D, "normative_documents", "issued"): 5,
        (D, "normative_documents", "in_force"): 25,
        (A, "new_received", "total"): 66,
        (A, "partially_granted", "total"): 17,
        (A, "withheld.internal_affairs", "total"): 1,
        (A, "withheld.enforcement_files", "total"): None,  # truncated mid-row
    },
    "018": {
        (D, "penalty", "decisions"): 187,
        (A, "new_received", "total"): 49,
        (A, "carried_in", "natural_person"): 8,
        (A, "unavailable.not_held", "total"): 54,
        (A, "unavailable.needs_creation", "total"): 1,
    },
    "019": {
        (D, "normative_documents", "new_made"): 2,
        (D, "normative_documents", "total_published"): 19,
        (D, "licensing", "previous_count"): 8,
        (D, "licensing", "change"): 5,
        (D, "other_services", "decisions"): 165,
        (D, "coercion", "decisions"): None,  # written "-"
        (D, "fees", "previous_count"): None,
    },
    "022": {(D, "rules", "new_made"): None, (D, "rules", "total_published"): None},
    "023": {(R, "review", "total"): 0, (R, "litigation_after_review", "total"): 0},
    "024": {(R, "litigation_direct", "upheld"): 0},
}

# file prefix -> (template, year, source_format, finding codes that must be present)
META: dict[str, tuple[str, int | None, str, set[str]]] = {
    "001": ("2019", 2019, "runon", {"runon_tables"}),
    "003": ("2021", 2021, "runon", {"runon_tables"}),
    "007": ("2021", 2025, "runon", {"runon_tables"}),
    "008": ("pre2019", 2018, "text", {"pre2019_template"}),
    "010": ("2021", 2025, "markdown", {"columns_by_position"}),
    "011": ("2021", 2024, "markdown", {"rows_by_position", "unmapped_values"}),
    "012": ("2021", 2025, "markdown", {"row_length_mismatch"}),
    "013": ("2019", 2019, "html", {"spans_disagree", "missing_value"}),
    "014": ("2021", 2024, "html", set()),
    "015": ("2021", None, "text", {"missing_row"}),
    "017": ("2021", 2024, "pipe", {"row_length_mismatch", "missing_table"}),
    "019": ("2019", 2020, "pipe", {"unmapped_row", "missing_value"}),
    "020": ("2019", 2020, "text", {"missing_table"}),
    "022": ("2019", 2019, "text", {"row_length_mismatch", "missing_table"}),
    "025": ("2021", 2023, "html", {"missing_value"}),
}
# Reports whose tables add up in the source: no identity may be reported broken.
CONSISTENT = ["010", "011", "012", "013", "014", "018", "025", "026", "027"]
TEXT_FORMS = (".txt", ".md", ".json")


def _file(prefix: str):
    return next(CORPUS.glob(prefix + "_*"))


def _parse(prefix: str) -> zhgov_parse.Report:
    return zhgov_parse.read(_file(prefix))


def test_every_file_ends_as_report_or_parse_error() -> None:
    outcomes = {}
    for path in sorted(CORPUS.iterdir()):
        if path.name == "MANIFEST.tsv":
            continue
        try:
            zhgov_parse.read(path)
            outcomes[path.name] = "report"
        except zhgov_parse.ParseError as exc:
            outcomes[path.name] = type(exc).__name__
    text_reports = [n for n, o in outcomes.items() if n.endswith(TEXT_FORMS) and o != "report"]
    assert text_reports == ["009_jinhu_2023_peerdump_mojibake.json"]  # a JSON dump, not a report
    assert all(o == "report" for n, o in outcomes.items() if n.endswith(".html"))


@pytest.mark.parametrize("prefix", sorted(CELLS))
def test_cells_read_by_hand(prefix: str) -> None:
    report = _parse(prefix)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    wrong = {k: (v, got.get(k, "absent")) for k, v in CELLS[prefix].items() if got.get(k) != v}
    assert not wrong


AGENCY = {  # the agency each title names, with the year before it or split over lines by a PDF
    "011": "上海市科委",
    "012": "上海市人民政府办公厅",
    "013": "上海市人民政府办公厅",  # 2019年上海市人民政府办公厅政府信息公开工作年度报告
    "020": "上海市人民政府辦公廳",
    "025": "沭阳县发展和改革局",
}


@pytest.mark.parametrize("prefix", sorted(AGENCY))
def test_agency_from_the_title(prefix: str) -> None:
    assert _parse(prefix).meta["agency"] == AGENCY[prefix]


@pytest.mark.parametrize("prefix", sorted(META))
def test_meta_and_findings(prefix: str) -> None:
    template, year, source_format, codes = META[prefix]
    report = _parse(prefix)
    assert (report.meta["template"], report.meta["year"], report.meta["source_format"]) == (
        template,
        year,
        source_format,
    )
    assert codes <= set(report.findings["code"])


@pytest.mark.parametrize("prefix", CONSISTENT)
def test_consistent_reports_break_no_identity(prefix: str) -> None:
    assert "identity_broken" not in set(_parse(prefix).findings["code"])


def test_json_dump_error_says_what_it_is() -> None:
    with pytest.raises(zhgov_parse.ParseError, match="JSON data"):
        _parse("009")


FULL = ["preamble", "overview", "active_disclosure", "application_handling", "review_litigation"]
FULL += ["problems_improvements", "other_matters"]
# file prefix -> the section codes in order, as read in each source
SECTIONS: dict[str, list[str]] = {
    **{p: FULL for p in ("001", "002", "003", "004", "005", "006", "007", "011", "012", "013", "014")},
    **{p: FULL for p in ("026", "027")},
    "008": FULL[:-1],  # pre-2019: 一 概述 … 五 主要问题和改进措施, then its statistics table
    "010": [*FULL, "closing"],
    "015": ["application_handling"],
    "016": ["overview", "active_disclosure", "application_handling"],
    "017": ["overview", "active_disclosure", "application_handling"],
    "018": ["preamble"],
    "019": ["preamble"],
    "020": ["preamble", "overview"],
    "021": ["preamble", "overview"],
    "022": ["overview", "active_disclosure", "application_handling", "review_litigation"],
    "023": ["preamble", "review_litigation", "problems_improvements"],
    "024": ["review_litigation", "problems_improvements"],
    "025": [*FULL, "closing"],
}
# file prefix -> (problem items, improvement items) of part 五, counted in the source
# (014 and 006 list three problems after 如 in the paragraph that leads into the improvements)
ITEMS = {"010": (3, 3), "013": (4, 6), "014": (3, 3), "024": (2, 2), "025": (3, 2)}
ITEMS |= {"001": (3, 3), "002": (3, 4), "003": (2, 3), "004": (3, 3), "005": (3, 3), "006": (3, 3)}
ITEMS |= {"007": (3, 3), "012": (3, 3), "026": (3, 3), "027": (3, 3)}


@pytest.mark.parametrize("prefix", sorted(SECTIONS))
def test_section_codes_read_by_hand(prefix: str) -> None:
    assert list(_parse(prefix).sections["section"].drop_duplicates()) == SECTIONS[prefix]


@pytest.mark.parametrize("prefix", sorted(ITEMS))
def test_problem_and_improvement_items(prefix: str) -> None:
    tags = _parse(prefix).sections.query("kind == 'item'")["tag"].tolist()
    assert (tags.count("problem"), tags.count("improvement")) == ITEMS[prefix]


def test_stated_facts_agree_with_tables_in_real_reports() -> None:
    """The real reports' prose and tables agree; a cross-check firing here would be a false alarm."""
    for prefix in (
        "001",
        "003",
        "004",
        "005",
        "006",
        "007",
        "010",
        "011",
        "012",
        "013",
        "014",
        "025",
        "027",
    ):
        codes = set(_parse(prefix).findings["code"])
        assert not codes & {"fact_mismatch", "year_mismatch", "problems_missing"}, prefix
    # 026 (Pingtan 2023) really disagrees with itself: its overview publishes 现行有效行政规范性文件
    # 393件, its table 二 says 470 in force (the 2022 report's same phrase, 698, matches its table)
    mismatches = _parse("026").findings.query("code == 'fact_mismatch'")
    assert mismatches[["row", "column", "found", "expected"]].values.tolist() == [
        ["normative_documents", "in_force", "393", "470"]
    ]
    facts = _parse("027").facts.set_index("subject")["value"]
    assert (facts["applications_received"], facts["applications_answered"]) == (154, 148)
    assert (facts["reviews"], facts["lawsuits"]) == (36, 9)


# Run-on page text (cells glued to labels): cells recovered, checked against the identities and,
# where the corpus holds the same report as HTML, against it (tests/test_runon.py).
# 2022-2024 state 行政规范性文件 counts in their overviews (runon_text_resolved): 3, 1 and 1 more cells.
RUNON_RECOVERED = {"001": 179, "002": 182, "003": 197, "004": 200, "005": 198, "006": 198, "007": 197}


@pytest.mark.parametrize("prefix", sorted(RUNON_RECOVERED))
def test_runon_cells_recovered(prefix: str) -> None:
    report = _parse(prefix)
    stated = sum(1 for c in report.to_dict()["cells"] if c["value"] is not None)
    assert stated == RUNON_RECOVERED[prefix]
    broken = {f.code for f in report.finding_list} & {"identity_broken", "runon_unsolvable"}
    assert broken == ({"identity_broken"} if prefix == "002" else set())  # 002's own sums do not add up
