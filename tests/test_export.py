"""to_dict / to_json: everything a report holds, as plain data with a versioned layout."""

from __future__ import annotations

import json

import zhgov_parse


def test_to_json_round_trip(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text)
    data = json.loads(r.to_json())
    assert data["schema_version"] == 1
    assert set(data) == {"schema_version", "meta", "cells", "sections", "facts", "findings"}
    assert data["meta"]["region"] == "青禾市"
    assert len(data["cells"]) == len(r.cells)
    assert [s["text"] for s in data["sections"]] == r.sections["text"].tolist()
    assert [f["subject"] for f in data["facts"]] == r.facts["subject"].tolist()
    assert {f["code"] for f in data["findings"]} == set(r.findings["code"])
    cell = next(c for c in data["cells"] if c["row"] == "rules" and c["column"] == "issued")
    assert (cell["value"], cell["raw"].strip()) == (None, "/")


def test_report_repr_names_what_it_holds(sample_text: str) -> None:
    text = repr(zhgov_parse.parse(sample_text))
    assert text.startswith("<Report 青禾市数据资源局 2022 template=2021")
    assert "findings=" in text
