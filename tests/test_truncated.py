"""Inputs cut off (a scraper's byte limit, a download broken off): what they hold up to the cut is
read, a number the cut may have shortened is not, and a ``truncated`` finding says so."""

from __future__ import annotations

import re

import pytest

import zhgov_parse

from conftest import FIXTURES
from goldens import expected_cells

PAGE = "chenghu_finance_2021_html"


def _read(report: zhgov_parse.Report) -> dict[tuple[str, str, str], float]:
    return {
        (c["table"], c["row"], c["column"]): c["value"]
        for c in report.to_dict()["cells"]
        if c["value"] is not None
    }


def _codes(report: zhgov_parse.Report) -> set[str]:
    return {f.code for f in report.finding_list}


@pytest.mark.parametrize(("name", "codec"), [(PAGE, "utf-8"), ("tianxi_water_2022_html", "gbk")])
def test_bytes_cut_inside_a_character_are_read_up_to_it(name: str, codec: str) -> None:
    """Bytes that end with part of a character read as the bytes before it do (before: a ParseError
    for the whole page), with a finding."""
    data = (FIXTURES / f"{name}.html").read_bytes()
    at = data.find("行政许可".encode(codec))
    whole, cut = zhgov_parse.parse(data[:at]), zhgov_parse.parse(data[: at + 1])
    assert _read(cut) == _read(whole) and _read(cut)
    assert "truncated" in _codes(cut) and "truncated" not in _codes(whole)


@pytest.mark.parametrize("name", [PAGE, "luwan_emergency_2024_html", "songlan_market_2023_html"])
def test_a_page_cut_inside_any_number_gives_no_wrong_number(name: str) -> None:
    """A page cut inside each number of its tables (41 → 4), the page ending there, or closed again
    after the cut as a parser that repairs markup writes it (4</td></tr>): every number read is
    the report's own. The cut cell is left out where the page ends in it, or where the document
    ends in a row of 二 (which has no sums) or in a row of 三 or 四 whose 总计 does not add up."""
    page = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    expected = expected_cells(name)
    start, end = page.find("<table"), page.rfind("</table>")
    cuts = 0
    for m in re.finditer(r">\s*(\d)\d+\s*<", page[start:end]):
        at = start + m.start(1) + 1
        for closing in ("", "</td>", "</td></tr>"):
            report = zhgov_parse.parse(page[:at] + closing)
            assert {k: v for k, v in _read(report).items() if expected[k] != v} == {}
            cuts += 1
    assert cuts >= 30


def test_pipe_text_ending_in_a_row_of_table_two() -> None:
    """Pipe text that ends in a row of 二 (行政规范性文件 | 6 | 2 | 4, cut inside 41): that number is
    not read, with a finding; the row's others are."""
    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    cut = text[: text.index("行政规范性文件 | 4 | 1 | 23") + len("行政规范性文件 | 4 | 1 | 2")]
    report = zhgov_parse.parse(cut)
    row = report.table("active_disclosure").loc["normative_documents"]
    assert row["issued"] == 4 and row["repealed"] == 1 and row.isna()["in_force"]
    assert [f.table for f in report.finding_list if f.code == "truncated"] == ["active_disclosure"]


def test_a_document_ending_in_a_row_of_table_three_that_adds_up_keeps_it() -> None:
    """A document that ends in a row of 三 whose 总计 is the sum of the others (a fragment, or a cut
    right after the row) keeps the row: a number a cut shortened seldom adds up."""
    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("一、本年新收"))
    report = zhgov_parse.parse(text[: text.index(line) + len(line)])
    assert report.table("application_handling").loc["new_received"].notna().all()
    assert "truncated" not in _codes(report)


def test_a_table_given_alone_is_a_fragment_not_a_cut() -> None:
    """Table 二 alone, closed (a page's table a user cut out, pipe text with no closing bars): no row
    is taken for cut off, its last number is read."""
    html = (
        "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
        "<td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>41</td></tr></table>"
    )
    text = (
        "二、主动公开政府信息情况\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 1 | 0 | 41"
    )
    for content in (html, text):
        report = zhgov_parse.parse(content)
        assert report.table("active_disclosure").loc["rules", "in_force"] == 41
        assert "truncated" not in _codes(report)
