"""The report the project started from parses to exactly the numbers it states."""

from __future__ import annotations

import zhgov_parse

from conftest import shared_path


def test_seed_numbers() -> None:
    r = zhgov_parse.read(shared_path("seeds", "000_a42e1796065e364f.txt"))
    assert r.meta == {
        "template": "2021",
        "script": "traditional",
        "year": 2021,
        "source_format": "pipe",
        "encoding": "utf-8",
        "agency": None,
        "region": None,
    }
    cells = r.cells
    assert len(cells) == 6 + 6 * 0 + 4 + 175 + 15  # 二 has 10 cells in 2021, 三 25 x 7, 四 3 x 5
    assert cells["value"].notna().all()
    ones = {
        (t, row, col)
        for t, row, col, v in cells[["table", "row", "column", "value"]].itertuples(index=False)
        if v
    }
    assert ones == {
        ("application_handling", row, col)
        for row in ("new_received", "granted", "total")
        for col in ("natural_person", "total")
    }
    assert r.findings.empty
    assert list(r.sections["section"].drop_duplicates()) == [
        "overview",
        "active_disclosure",
        "application_handling",
        "review_litigation",
        "problems_improvements",
        "other_matters",
    ]


def test_seed_narrative_items_and_facts() -> None:
    r = zhgov_parse.read(shared_path("seeds", "000_a42e1796065e364f.txt"))
    items = r.sections.query("kind == 'item'")
    assert items["tag"].tolist() == ["problem"] * 3 + ["improvement"] * 3
    assert items["text"].iloc[0] == "政府信息公開時效性有待進一步加強"
    assert items["text_simplified"].iloc[0] == "政府信息公开时效性有待进一步加强"
    subsections = r.sections.query("section == 'overview'")["subsection_code"].dropna().unique().tolist()
    assert subsections == [
        "active_disclosure",
        "applications",
        "information_management",
        "platforms",
        "oversight",
    ]
    facts = r.facts.set_index("subject")
    assert facts.loc["applications_received", "value"] == 1
    assert facts.loc["applications_answered", "value"] == 1
    assert facts.loc["reviews", "value"] == 0
    assert facts.loc["lawsuits", "value"] == 0
    assert facts.loc["processing_fee", "value"] == 0
    published = r.facts.query("unit == '条'").iloc[0]
    assert (published["value"], published["approximate"], published["qualifier"]) == (200, True, "多")
