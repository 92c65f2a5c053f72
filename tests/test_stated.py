"""Table 二 numbers the prose states, and run-on rows settled by them."""

from __future__ import annotations

import zhgov_parse
from zhgov_parse.stated import stated

from goldens import source
from runon_render import render

COLUMNS = ["issued", "repealed", "in_force"]


def test_tight_phrasings_in_either_script() -> None:
    assert stated("動態更新發布本年度制發行政規範性文件62件", "normative_documents", COLUMNS) == {
        "issued": (62, "制發行政規範性文件62件")
    }
    assert stated("规章现行有效共１２件", "rules", COLUMNS) == {"in_force": (12, "规章现行有效共12件")}


def test_loose_or_conflicting_statements_are_not_used() -> None:
    # a count without the column's verb, and a column stated twice with different numbers
    assert stated("政策、规范性文件类信息68条，公开规范性文件5件", "normative_documents", COLUMNS) == {}
    prose = "全市制发规范性文件40件，其中本局制发规范性文件3件"
    assert stated(prose, "normative_documents", COLUMNS) == {}


def _with_overview(sentence: str) -> str:
    text = render(source("heyu_ecology_2021_pipe"))  # Traditional; 行政規範性文件 3 | 2 | 19 reads 2 ways
    return text.replace("一、總體情況", "一、總體情況" + sentence, 1)


def _normative(report: zhgov_parse.Report) -> list:
    return [c["value"] for c in report.to_dict()["cells"] if c["row"] == "normative_documents"]


def test_a_run_on_row_is_settled_by_what_the_overview_states() -> None:
    before = zhgov_parse.parse(_with_overview(""))
    assert _normative(before) == [None, None, None]  # 3|2|19, 3|21|9, 32|blank|19 …
    one = zhgov_parse.parse(_with_overview("全年現行有效行政規範性文件19件。"))
    assert _normative(one) == [None, None, 19]  # 3|2|19 or 32|blank|19
    after = zhgov_parse.parse(_with_overview("全年制發行政規範性文件3件，現行有效行政規範性文件19件。"))
    assert _normative(after) == [3, 2, 19]
    codes = {f.code for f in after.finding_list if f.row == "normative_documents"}
    assert codes == {"runon_text_resolved"}


def test_a_statement_no_reading_agrees_with_is_ignored() -> None:
    report = zhgov_parse.parse(_with_overview("全年現行有效行政規範性文件393件。"))
    assert _normative(report) == [None, None, None]
    assert {f.code for f in report.finding_list if f.row == "normative_documents"} == {"runon_ambiguous"}


def _page_with_overview(sentence: str) -> bytes:
    page = (source("chenghu_finance_2021_html")).read_bytes()  # 行政规范性文件 6 | 2 | 41
    return page.replace("<p>一、总体情况</p>".encode(), f"<p>一、总体情况</p><p>{sentence}</p>".encode(), 1)


def test_the_overview_is_checked_against_table_2() -> None:
    report = zhgov_parse.parse(
        _page_with_overview("本年度制发行政规范性文件7件，现行有效行政规范性文件41件。")
    )
    mismatches = [f for f in report.finding_list if f.code == "fact_mismatch"]
    assert [(f.row, f.column, f.found, f.expected) for f in mismatches] == [
        ("normative_documents", "issued", "7", "6")
    ]
    assert "制发行政规范性文件7件" in mismatches[0].message
    agreeing = zhgov_parse.parse(_page_with_overview("本年度制发行政规范性文件6件。"))
    assert not [f for f in agreeing.finding_list if f.code == "fact_mismatch"]


def test_a_footnote_mark_after_a_stated_number_is_no_digit_of_it() -> None:
    """``规范性文件88①件``: NFKC made it 881件 (a number the prose never states, set against the
    table); the mark keeps 88 from the 件, so nothing is read from that phrase."""
    for mark in ("①", "¹", "₁"):
        assert stated(f"本年度制发的规范性文件88{mark}件", "normative_documents", COLUMNS) == {}


def test_another_year_s_or_several_years_statement_settles_no_run_on_row() -> None:
    """上年廢止…21件 (last year's) or 累計廢止…21件 (several years') is no statement of the year's 废止:
    it does not pick the reading 3|21|9 of the run-on digits 3219, whose cells are 3|2|19 (before,
    3, 21 and 9: two wrong numbers); this year's statement still does."""
    for sentence in ("上年廢止行政規範性文件21件。", "自2019年以來累計廢止行政規範性文件21件。"):
        assert _normative(zhgov_parse.parse(_with_overview(sentence))) == [None, None, None]
    assert _normative(zhgov_parse.parse(_with_overview("全年廢止行政規範性文件21件。"))) == [3, 21, 9]
    assert stated("2022年制发规范性文件32件。", "normative_documents", COLUMNS, 2023) == {}
    assert stated("2023年，我局制发规范性文件3件。", "normative_documents", COLUMNS, 2023) == {
        "issued": (3, "制发规范性文件3件")
    }
