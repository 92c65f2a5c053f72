"""Every fixture report gives exactly its expected cells, meta and findings."""

from __future__ import annotations

import pytest

import zhgov_parse

from goldens import (
    expected_cells,
    expected_facts,
    expected_findings,
    expected_meta,
    expected_sections,
    fact_keys,
    finding_keys,
    fixture_names,
    section_keys,
    source,
)

NAMES = fixture_names()


def test_enough_fixtures() -> None:
    assert len(NAMES) >= 10


@pytest.fixture(scope="module", params=NAMES)
def parsed(request: pytest.FixtureRequest) -> tuple[str, zhgov_parse.Report]:
    return request.param, zhgov_parse.read(source(request.param))


def test_cells(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    want = expected_cells(name)
    assert set(got) == set(want)
    wrong = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
    assert not wrong


def test_meta(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    want = expected_meta(name)
    assert {k: report.meta[k] for k in want} == want


def test_findings(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    assert finding_keys(report) == expected_findings(name)


def test_sections(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    assert section_keys(report) == expected_sections(name)


def test_facts(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    assert fact_keys(report) == expected_facts(name)


def _narrative_truth(name: str) -> dict:
    import json

    from goldens import FIXTURES

    return json.loads((FIXTURES / f"{name}.narrative.json").read_text(encoding="utf-8"))


def test_items_match_the_generators_truth(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    items = report.sections.query("kind == 'item'")
    assert [[t, x] for t, x in zip(items["tag"], items["text"], strict=True)] == _narrative_truth(name)[
        "items"
    ]


def test_stated_quantities_match_the_generators_truth(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    coded = report.facts[report.facts["subject"].str.fullmatch(r"[a-z_]+")]
    first = coded.drop_duplicates("subject").set_index("subject")["value"].to_dict()
    assert first == _narrative_truth(name)["facts"]


def test_cross_checks_fire_where_the_fixture_was_built_to(parsed: tuple[str, zhgov_parse.Report]) -> None:
    name, report = parsed
    fired = sorted(
        {f.code for f in report.finding_list} & {"fact_mismatch", "year_mismatch", "problems_missing"}
    )
    assert fired == sorted(_narrative_truth(name)["cross_checks"])


def test_each_cross_check_fires_in_at_least_two_fixtures() -> None:
    counts: dict[str, int] = {}
    for name in NAMES:
        for code in _narrative_truth(name)["cross_checks"]:
            counts[code] = counts.get(code, 0) + 1
    assert counts == {"fact_mismatch": 4, "year_mismatch": 2, "problems_missing": 2}


def test_broken_identities_are_reported() -> None:
    broken = {
        name: {
            (f.row, f.column)
            for f in zhgov_parse.read(source(name)).finding_list
            if f.code == "identity_broken"
        }
        for name in NAMES
    }
    assert broken["weitang_hrss_2024_pipe"] == {("granted", "total"), ("total", "total")}
    assert broken["qinghe_govoffice_2025_md"] == {("total", "legal_services"), ("total", "total")}
    assert sum(1 for v in broken.values() if v) == 2


def test_same_report_as_markdown_and_as_html_page() -> None:
    md = zhgov_parse.read(source("songlan_market_2023_md"))
    page = zhgov_parse.read(source("songlan_market_2023_html"))
    assert expected_cells("songlan_market_2023_md") == expected_cells("songlan_market_2023_html")
    values = lambda r: [(c["table"], c["row"], c["column"], c["value"]) for c in r.to_dict()["cells"]]  # noqa: E731
    assert values(md) == values(page)
    assert finding_keys(md) == finding_keys(page)
    assert {k: v for k, v in md.meta.items() if k != "source_format"} == {
        k: v for k, v in page.meta.items() if k != "source_format"
    }
    parts = lambda r: [s for s in r.sections["section"].drop_duplicates() if s != "preamble"]  # noqa: E731
    assert parts(md) == parts(page)
