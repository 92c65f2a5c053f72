"""Mapping rules, each shown on a small change to a clean fixture report."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import zhgov_parse
from zhgov_parse.script import _converter

from conftest import FIXTURES


def _value(report: zhgov_parse.Report, table: str, row: str, column: str) -> object:
    return report.table(table).loc[row, column]


def _codes(report: zhgov_parse.Report) -> set[str]:
    return set(report.findings["code"])


NEW_ROW = "一、本年新收政府信息公开申请数量 | 82 | 23 | 4 | 9 | 14 | 8 | 140 | ||"


def test_clean_sample_has_no_warnings(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text)
    assert set(r.findings["severity"]) <= {"info"}
    assert _value(r, "application_handling", "new_received", "total") == 140


def test_number_split_across_two_cells_is_joined(sample_text: str) -> None:
    text = sample_text.replace(
        NEW_ROW, "一、本年新收政府信息公开申请数量 | 8 | 2 | 23 | 4 | 9 | 14 | 8 | 140 | ||"
    )
    r = zhgov_parse.parse(text)
    assert _value(r, "application_handling", "new_received", "natural_person") == 82
    assert "cell_repaired" in _codes(r)


def test_row_that_lost_a_cell_is_na_not_shifted(sample_text: str) -> None:
    text = sample_text.replace(NEW_ROW, "一、本年新收政府信息公开申请数量 | 82 | 23 | 4 | 14 | 8 | 140 |")
    r = zhgov_parse.parse(text)
    assert r.table("application_handling").loc["new_received"].isna().all()
    f = r.findings.query("code == 'row_length_mismatch'")
    assert list(f["row"]) == ["new_received"]
    assert "82 | 23 | 4 | 14 | 8 | 140" in f["found"].iloc[0]
    assert _value(r, "application_handling", "carried_in", "total") == 15  # the rest intact


def test_unlabeled_row_is_placed_by_position_with_a_finding(sample_text: str) -> None:
    text = sample_text.replace("2.重复申请 | 4 | 1 |", " | 4 | 1 |")
    r = zhgov_parse.parse(text)
    assert _value(r, "application_handling", "not_processed.duplicate", "total") == 5
    f = r.findings.query("code == 'rows_by_position'")
    assert list(f["row"]) == ["not_processed.duplicate"]


def test_two_unlabeled_rows_in_one_free_slot_are_not_guessed(sample_text: str) -> None:
    text = sample_text.replace("2.重复申请 | 4 | 1 |", " | 4 | 1 |").replace(
        "\n3.要求提供公开出版物", "\n | 9 | 9 | 0 | 0 | 0 | 0 | 18 |\n3.要求提供公开出版物"
    )
    r = zhgov_parse.parse(text)
    assert r.table("application_handling").loc["not_processed.duplicate"].isna().all()
    assert "unmapped_values" in _codes(r)


def test_header_with_swapped_columns_is_followed(sample_text: str) -> None:
    text = sample_text.replace("社会公益组织 | 法律服务机构", "法律服务机构 | 社会公益组织")
    base = zhgov_parse.parse(sample_text).table("application_handling")
    r = zhgov_parse.parse(text)
    swapped = r.table("application_handling")
    pd.testing.assert_series_equal(swapped["nonprofit"], base["legal_services"], check_names=False)
    assert "columns_reordered" in _codes(r)


def test_a_flattened_header_still_orders_the_organisations(sample_text: str) -> None:
    """三's sub-header in one cell (as a PDF or a scraper flattens it), naming 社会公益组织 before
    科研机构, with the rows written in that order: the values follow the header, with a finding."""
    lines = sample_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("商业 企业"))
    lines[at] = "商业企业 社会公益组织 科研机构 法律服务机构 其他 |"
    for i in range(at + 1, len(lines)):
        cells = lines[i].split("|")
        numbers = [j for j, c in enumerate(cells) if c.strip().isdigit()]
        if len(numbers) == 7:
            a, b = numbers[2], numbers[3]
            cells[a], cells[b] = cells[b], cells[a]
            lines[i] = "|".join(cells)
    r = zhgov_parse.parse("\n".join(lines))
    written = zhgov_parse.parse(sample_text).table("application_handling")
    assert r.table("application_handling").equals(written)
    assert [f.table for f in r.finding_list if f.code == "columns_reordered"] == ["application_handling"]


def test_a_row_that_lost_a_cell_beside_padding_is_not_shifted(sample_text: str) -> None:
    """`(七)总计 | 82 | 23 | 4 | 14 | 7 | 139 | ||`: a cell lost, the padding after the last column
    would fill the row to seven with a blank 总计, and every value would sit one column off.  The
    row does not add up with that blank as 0, so it is left NA; a row that does (a zero left blank
    beside the padding) is kept."""
    line = next(x for x in sample_text.split("\n") if x.startswith("(七)总计"))
    cells = line.split("|")
    lost = sample_text.replace(line, "|".join(cells[:4] + cells[5:]))
    r = zhgov_parse.parse(lost)
    assert r.table("application_handling").loc["total"].isna().all()
    assert "row_length_mismatch" in {f.code for f in r.finding_list if f.row == "total"}
    zeros = "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | | ||"
    carried = next(x for x in sample_text.split("\n") if x.startswith("四、结转下年度"))
    kept = zhgov_parse.parse(sample_text.replace(carried, zeros)).table("application_handling")
    assert kept.loc["carried_forward"].tolist()[:6] == [0] * 6


def test_active_disclosure_follows_a_reordered_header_and_says_so(sample_text: str) -> None:
    header = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    flattened = "信息内容 | 本年废止件数 本年制发件数 现行有效件数 |"  # one cell, 废止 first
    text = sample_text.replace(header, flattened)
    text = text.replace("行政规范性文件 | 4 | 1 | 23 |", "行政规范性文件 | 1 | 4 | 23 |")
    r = zhgov_parse.parse(text)
    assert r.table("active_disclosure").loc["normative_documents"].tolist()[:3] == [4, 1, 23]
    assert [f.table for f in r.finding_list if f.code == "columns_reordered"] == ["active_disclosure"]


def test_unreadable_header_falls_back_to_template_order_with_a_finding(sample_text: str) -> None:
    text = sample_text.replace(
        "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |",
        "数据1 | 数据2 | 数据3 | 数据4 | 数据5 |",
    )
    text = text.replace("自然人 | 法人或其他组织 | 总计 |", "类别 | 数据 |")
    r = zhgov_parse.parse(text)
    assert _value(r, "application_handling", "new_received", "commercial") == 23
    assert "columns_by_position" in _codes(r)


@pytest.mark.parametrize(
    "amount", ["125000元", "125千元", "0.00125亿元", "12.5万", "0.00125億元", "12.5（万元）"]
)
def test_amount_in_another_unit_is_converted_to_wan_yuan(sample_text: str, amount: str) -> None:
    r = zhgov_parse.parse(sample_text.replace("行政事业性收费 | 12.5 |", f"行政事业性收费 | {amount} |"))
    assert _value(r, "active_disclosure", "fees", "fee_amount") == 12.5
    f = r.findings.query("code == 'unit_converted'")
    assert f["found"].tolist() == ([] if "(" in amount or "（" in amount else [amount])


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_amount_under_a_header_in_yuan_is_converted_to_wan_yuan(sample_text: str, script: str) -> None:
    """The template's 本年收费金额 is in 万元; a report whose header says 单位：元 writes 125000 for
    12.5 万元, which must not be read as 125000 万元."""

    def report(unit: str, cell: str) -> zhgov_parse.Report:
        text = sample_text.replace("本年收费金额(单位:万元)", f"本年收费金额(单位:{unit})")
        text = text.replace("行政事业性收费 | 12.5 |", f"行政事业性收费 | {cell} |")
        return zhgov_parse.parse(_converter("s2t").convert(text) if script == "traditional" else text)

    r = report("元", "125000")
    assert _value(r, "active_disclosure", "fees", "fee_amount") == 12.5
    assert r.findings.query("code == 'unit_converted'")["found"].tolist() == ["125000 (元)"]
    assert _value(report("元", "12.5万元"), "active_disclosure", "fees", "fee_amount") == 12.5  # its own unit
    assert _value(report("千元", "125"), "active_disclosure", "fees", "fee_amount") == 12.5
    counted = report("件", "3")
    assert pd.isna(_value(counted, "active_disclosure", "fees", "fee_amount"))
    assert "unit_mismatch" in {f.code for f in counted.finding_list}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    "header",
    [
        "本年收费金额(元)",
        "本年收费金额（元）",
        "本年收费金额/元",
        "本年收费金额(人民币元)",
        "本年收费金额(单位:人民币元)",
    ],
)
def test_a_header_stating_yuan_without_danwei_converts_its_amount(
    sample_text: str, script: str, header: str
) -> None:
    """本年收费金额（元） states the unit as 单位：元 does: its 125000 is 12.5 万元, not 125000 万元 (a wrong
    number); 单位：人民币元 names 元 too (before, 人民币 was taken for the unit: NA)."""
    text = sample_text.replace("本年收费金额(单位:万元)", header)
    text = text.replace("行政事业性收费 | 12.5 |", "行政事业性收费 | 125000 |")
    r = zhgov_parse.parse(_converter("s2t").convert(text) if script == "traditional" else text)
    assert _value(r, "active_disclosure", "fees", "fee_amount") == 12.5
    assert r.findings.query("code == 'unit_converted'")["found"].tolist() == ["125000 (元)"]


@pytest.mark.parametrize(
    "header", ["本年收费金额(万元)", "本年收费金额(单位:人民币万元)", "本年收费金额(单位:万元)"]
)
def test_a_header_stating_wan_yuan_keeps_its_amount(sample_text: str, header: str) -> None:
    text = sample_text.replace("本年收费金额(单位:万元)", header)
    r = zhgov_parse.parse(text.replace("行政事业性收费 | 12.5 |", "行政事业性收费 | 125000 |"))
    assert _value(r, "active_disclosure", "fees", "fee_amount") == 125000
    assert not {f.code for f in r.finding_list} & {"unit_converted", "unit_mismatch"}


@pytest.mark.parametrize("cells", ["125000 | 元", "12.5 | 万元", "12.5 | （万元）"])
def test_a_unit_in_a_cell_of_its_own_goes_with_the_number_before_it(sample_text: str, cells: str) -> None:
    """A table (or PDF text) may set the unit apart from its number: ``12.5 | 万元`` is one amount, not
    a row of two values whose last cell is a label."""
    r = zhgov_parse.parse(sample_text.replace("行政事业性收费 | 12.5 |", f"行政事业性收费 | {cells} |"))
    assert _value(r, "active_disclosure", "fees", "fee_amount") == 12.5
    assert not {f.code for f in r.finding_list} & {"missing_row", "row_length_mismatch"}


def test_pdf_text_with_the_unit_set_apart_keeps_its_row() -> None:
    text = (FIXTURES / "fengdu_land_2020_text.txt").read_text(encoding="utf-8")
    assert "政府集中采购\t18\t1,280.45\n" in text
    for line in ("18\t1,280.45 万元", "18 1280.45 万元", "18 1280.45 (万元)"):
        r = zhgov_parse.parse(text.replace("政府集中采购\t18\t1,280.45", f"政府集中采购 {line}"))
        assert _value(r, "active_disclosure", "procurement", "procurement_items") == 18
        assert _value(r, "active_disclosure", "procurement", "procurement_amount") == 1280.45


def test_amount_in_a_unit_that_does_not_convert_is_na_with_a_finding(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text.replace("行政事业性收费 | 12.5 |", "行政事业性收费 | 3件 |"))
    assert pd.isna(_value(r, "active_disclosure", "fees", "fee_amount"))
    f = r.findings.query("code == 'unit_mismatch'")
    assert f[["row", "column", "found"]].values.tolist() == [["fees", "fee_amount", "3件"]]


@pytest.mark.parametrize("cell", ["18.5", "1862元", "0.3万元"])
def test_a_count_is_whole_and_in_no_money_unit(sample_text: str, cell: str) -> None:
    """行政许可's 本年处理决定数量 counts decisions: 18.5 or an amount in 元 there is a row that lost a
    cell (an amount slid into a count's column), so it is NA with a finding, not a count."""
    r = zhgov_parse.parse(sample_text.replace("行政许可 | 1862 |", f"行政许可 | {cell} |"))
    assert pd.isna(_value(r, "active_disclosure", "licensing", "decisions"))
    assert {f.code for f in r.finding_list if f.row == "licensing"} == {"non_numeric"}


@pytest.mark.parametrize("cell", ["-3", "－3", "\u22123", "减少3"])
def test_a_count_or_an_amount_is_never_negative(sample_text: str, cell: str) -> None:
    """Only 本年增/减 has a sign: -3 under 自然人 (or any count, or a fee) is no count (a typo, or a
    change slid into a count's column), NA with a finding, where it was read as -3."""
    assert sample_text.count("(一)予以公开 | 19 |") == 1
    text = sample_text.replace("(一)予以公开 | 19 |", f"(一)予以公开 | {cell} |")
    text = text.replace("行政事业性收费 | 12.5 |", f"行政事业性收费 | {cell} |")
    r = zhgov_parse.parse(text)
    assert pd.isna(_value(r, "application_handling", "granted", "natural_person"))
    assert pd.isna(_value(r, "active_disclosure", "fees", "fee_amount"))
    found = {(f.row, f.column) for f in r.finding_list if f.code == "non_numeric"}
    assert found == {("granted", "natural_person"), ("fees", "fee_amount")}


def test_non_numeric_cell_is_na_with_finding(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text.replace("行政处罚 | 37 |", "行政处罚 | 见附件 |"))
    assert pd.isna(_value(r, "active_disclosure", "penalty", "decisions"))
    cells = r.cells.query("row == 'penalty' and column == 'decisions'")
    assert cells["raw"].tolist() == ["见附件"]
    assert "non_numeric" in _codes(r)


def test_slash_and_blank_are_na_with_raw_text_kept(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text)
    rules = r.cells.query("table == 'active_disclosure' and row == 'rules'")
    assert rules["value"].isna().all()
    assert rules["raw"].str.strip().tolist() == ["/", "/", "/"]
    assert (r.findings.code == "missing_value").sum() == 4


def test_duplicated_row_keeps_first_and_reports(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text.replace(NEW_ROW, NEW_ROW + "\n" + NEW_ROW.replace("82", "99")))
    assert _value(r, "application_handling", "new_received", "natural_person") == 82
    assert "duplicate_row" in _codes(r)


def test_missing_table_is_reported(sample_text: str) -> None:
    start = sample_text.index("四、政府信息公开行政复议")
    end = sample_text.index("五、存在的主要问题")
    r = zhgov_parse.parse(sample_text[:start] + sample_text[end:])
    f = r.findings.query("code == 'missing_table'")
    assert f["table"].tolist() == ["review_litigation"]
    assert r.table("review_litigation").isna().all().all()


def test_labels_wrapped_over_lines_in_pdf_text() -> None:
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6",
            "（二）部分公开（区分处理的，只计这一情",
            "形，不计其他情形） 2 0 0 0 0 0 2",
            "（三）不",
            "予公开",
            "1.属于国家秘密 1 0 0 0 0 0 1",
        ]
    )
    r = zhgov_parse.parse(text)
    t = r.table("application_handling")
    assert t.loc["partially_granted", "total"] == 2
    assert t.loc["withheld.state_secret", "total"] == 1
    assert r.meta["source_format"] == "text"


def test_one_cell_per_line() -> None:
    lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 |"]
    lines += [f"{v} |" for v in (3, 1, 0, 0, 0, 0, 4)] + ["||", "二、上年结转政府信息公开申请数量 |"]
    lines += [f"{v} |" for v in (1, 0, 0, 0, 0, 0, 1)]
    t = zhgov_parse.parse("\n".join(lines)).table("application_handling")
    assert t.loc["new_received"].tolist() == [3, 1, 0, 0, 0, 0, 4]
    assert t.loc["carried_in", "total"] == 1


def _cell_per_line_active(header: list[str], rows: dict[str, list[str]]) -> str:
    """Table 二 of the 2019 template as some portals flatten it: one cell a line, ending in ``|``."""
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项 |", "||||", *[f"{h} |" for h in header]]
    for label, values in rows.items():
        lines += [f"{label} |", *[f"{v} |" for v in values], "|"]
    return "\n".join(lines)


def test_one_cell_per_line_header_with_words_broken_over_lines() -> None:
    broken = ["信息内容", "本年新", "制作数量", "本年新", "公开数量", "对外公开总数量"]
    r = zhgov_parse.parse(
        _cell_per_line_active(broken, {"规章": ["5", "3", "20"], "规范性文件": ["7", "2", "41"]})
    )
    t = r.table("active_disclosure")
    assert t.loc["rules"].tolist()[:3] == [5, 3, 20]
    assert t.loc["normative_documents"].tolist()[:3] == [7, 2, 41]
    assert not {"columns_by_position", "unmapped_values"} & _codes(r)


@pytest.mark.parametrize(
    "header",
    [
        ["信息内容", "本年新", "本年新", "对外公开总数量"],  # the header's second line lost
        ["信息内容", "上年", "本年新", "对外公开总数量"],
    ],
)
def test_header_cells_that_name_no_column_keep_their_place(header: list[str]) -> None:
    # Only the last header cell is read: the first value must not go to 对外公开总数量.
    r = zhgov_parse.parse(_cell_per_line_active(header, {"规章": ["5", "3", "20"]}))
    assert r.table("active_disclosure").loc["rules"].tolist()[:3] == [5, 3, 20]
    found = r.findings.query("code == 'columns_by_position' and row == 'rules'")
    assert "(unread)" in found["message"].iloc[0]


@pytest.mark.parametrize(
    "lost", ["| 本年新 | 本年新 | 对外公开总数量 |", "| 本年新 | 公开数量 | 对外公开总数量 |"]
)
def test_header_cells_that_name_no_column_in_a_markdown_row(lost: str) -> None:
    text = (FIXTURES / "baixi_education_2019_md.md").read_text(encoding="utf-8")
    damaged = text.replace("| 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |", lost)
    assert damaged != text
    r = zhgov_parse.parse(damaged)
    expected = zhgov_parse.parse(text).table("active_disclosure")
    for row in ("rules", "normative_documents"):
        pd.testing.assert_series_equal(r.table("active_disclosure").loc[row], expected.loc[row])
    assert "columns_by_position" in _codes(r)


def test_small_tables_of_active_disclosure_without_article_lines(sample_text: str) -> None:
    # Some reports drop the 第二十条… lines: each header then starts the next small table.
    text = "\n".join(line for line in sample_text.split("\n") if not line.startswith("第二十条"))
    assert text != sample_text
    expected = zhgov_parse.parse(sample_text).table("active_disclosure")
    got = zhgov_parse.parse(text)
    pd.testing.assert_frame_equal(got.table("active_disclosure"), expected)
    assert "missing_row" not in _codes(got)


def test_marks_for_missing_one_cell_per_line_belong_to_the_label_above() -> None:
    header = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
    r = zhgov_parse.parse(
        _cell_per_line_active(header, {"规章": ["/", "/", "/"], "规范性文件": ["0", "1", "9"]})
    )
    t = r.table("active_disclosure")
    assert t.loc["rules"].isna().all() and t.loc["normative_documents"].tolist()[:3] == [0, 1, 9]
    found = r.findings.query("row == 'rules'")["code"].tolist()
    assert found == ["missing_value"] * 3  # the marks were read, not the row lost


def test_review_table_as_three_labelled_rows_or_one_row_of_fifteen() -> None:
    head = "四、政府信息公开行政复议、行政诉讼情况\n"
    one = head + "行政复议 | 行政诉讼\n" + " | ".join(["1", "0", "0", "1", "2"] * 3)
    three = (
        head
        + "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
        + "\n".join(
            f"{label} | 1 | 0 | 0 | 1 | 2"
            for label in ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
        )
    )
    a = zhgov_parse.parse(one).table("review_litigation")
    b = zhgov_parse.parse(three).table("review_litigation")
    pd.testing.assert_frame_equal(a, b)
    assert a.loc["litigation_after_review", "total"] == 2


@pytest.mark.parametrize(("joined", "group"), [(False, True), (True, True), (False, False)])
def test_applicant_names_broken_over_two_header_lines_tell_their_order(joined: bool, group: bool) -> None:
    """三's organisations named in another order than the template's, each name broken over two
    lines (法律 / 服务机构, 科研 / 机构 …): the upper line's first parts name one column each, so
    the values follow them.  (The header was unreadable, so the template's order was taken: 4 of a
    row's 5 organisations' numbers put in the wrong columns, with columns_by_position.)  A cell that
    holds the line's words (tab text read a line a cell) reads alike; with no group's line above
    it, a line naming 自然人 first and 总计 last names all seven."""
    upper = " | | | | 法律 | 其他 | 科研 | 商业 | 社会 |"
    if joined:
        upper = " | | | | 法律 其他 科研 商业 社会 | | | | |"
    if not group:
        upper = " | | | 自然人 | 法律 | 其他 | 科研 | 商业 | 社会 | 总计"
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 |",
            *([" | | | 自然人 | 法人或其他组织 | | | | | 总计"] if group else []),
            upper,
            " | | | | 服务机构 | | 机构 | 企业 | 公益组织 |",
            "一、本年新收政府信息公开申请数量 | | | 30 | 1 | 2 | 3 | 4 | 5 | 45",
            "二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        ]
    )
    r = zhgov_parse.parse(text)
    row = r.table("application_handling").loc["new_received"]
    assert list(row) == [30, 4, 3, 5, 1, 2, 45]
    assert "columns_reordered" in _codes(r)
    # lines of PDF text, a part a line, in no order: their first parts tell none (and a row of them
    # holds the other parts too)
    scrambled = "法人或其他组织 | 自然人 | 社会 | 总计 | 科研 | 法律服务 | 商业企业 | 公益 | 其他 | 机构"
    r = zhgov_parse.parse(text.replace(upper, scrambled))
    assert "columns_reordered" not in _codes(r)


@pytest.mark.parametrize("html", [False, True])
def test_review_row_of_fifteen_that_does_not_add_up_is_kept_and_reported(html: bool) -> None:
    """四's one row of 15, under its header, whose 行政复议 group does not add up (5+5+1+1 ≠ 13): the
    report's own break, kept and reported (identity_broken).  As an HTML table row or a text line of
    15 numbers its values stand in their columns (every group was NA, said to be PDF text's lines)."""
    values = ["5", "5", "1", "1", "13", "0", "1", "0", "0", "1", "2", "0", "0", "1", "3"]
    header = [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
    ]
    part = "四、政府信息公开行政复议、行政诉讼情况"
    if html:
        rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in [*header, values])
        text = f"<h3>{part}</h3><table>{rows}</table>"
    else:
        text = "\n".join([part, *(" | ".join(r) for r in [*header, values])])
    r = zhgov_parse.parse(text)
    assert _value(r, "review_litigation", "review", "total") == 13
    assert _value(r, "review_litigation", "litigation_after_review", "total") == 3
    broken = {f.row for f in r.finding_list if f.code == "identity_broken"}
    assert broken == {"review"}
    assert "row_order_uncertain" not in _codes(r)
    # a line of pandas' column numbers (0 … 14) is no row of the table's: still set aside
    numbers = " | ".join(str(n) for n in range(15))
    r = zhgov_parse.parse("\n".join([part, " | ".join(header[2]), numbers]))
    assert "row_order_uncertain" in _codes(r)


@pytest.mark.parametrize(
    ("top", "groups", "order"),
    [
        (
            "行政诉讼 | 行政复议",
            "未经复议直接起诉 | 复议后起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
            (1, 2, 0),
        ),
        (
            "行政复议 | 行政诉讼",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 复议后起诉 | 未经复议直接起诉",
            (0, 2, 1),
        ),
    ],
)
def test_review_groups_follow_the_header(sample_text: str, top: str, groups: str, order: tuple) -> None:
    """A row of 15 under a header that puts 行政诉讼 before 行政复议, or 复议后起诉 before 直接起诉:
    each group's values follow the header (every group adds up either way)."""
    lines = sample_text.split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    values = [v.strip() for v in lines[at + 4].split("|") if v.strip()]
    lines[at + 1], lines[at + 2] = top, groups
    lines[at + 4] = " | ".join(v for g in order for v in values[5 * g : 5 * g + 5])
    r = zhgov_parse.parse("\n".join(lines))
    assert r.table("review_litigation").equals(zhgov_parse.parse(sample_text).table("review_litigation"))
    assert "columns_reordered" in {f.code for f in r.finding_list if f.table == "review_litigation"}


def test_review_header_naming_no_outcome_is_reported(sample_text: str) -> None:
    """A 四 header of 行政复议 | 行政诉讼 alone says nothing of the outcomes' order: the values are
    taken in the template's, with a finding; a header that names them (whole or in the fragments a
    PDF leaves) needs none."""
    lines = sample_text.split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    values = next(i for i in range(at + 1, len(lines)) if lines[i][:1].isdigit())
    bare = "\n".join(lines[: at + 2] + lines[values:])
    r = zhgov_parse.parse(bare)
    assert [f.table for f in r.finding_list if f.code == "columns_by_position"] == ["review_litigation"]
    assert r.table("review_litigation").equals(zhgov_parse.parse(sample_text).table("review_litigation"))
    fragments = "\n".join([*lines[: at + 2], "维持纠正结果审结计结果结果其他尚未总", *lines[values:]])
    assert "columns_by_position" not in {f.code for f in zhgov_parse.parse(fragments).finding_list}
    assert "columns_by_position" not in {f.code for f in zhgov_parse.parse(sample_text).finding_list}


def test_template_2019_from_labels_and_2021_from_year() -> None:
    r19 = zhgov_parse.parse(
        "二、主动公开政府信息情况\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n"
        "规章 | 1 | 1 | 5"
    )
    assert r19.meta["template"] == "2019"
    assert r19.table("active_disclosure").loc["rules", "total_published"] == 5
    r21 = zhgov_parse.parse("2022年政府信息公开工作年度报告\n一、总体情况\n今年我局……")
    assert r21.meta["template"] == "2021"
    assert r21.meta["year"] == 2022


def test_template_2019_from_table_three_s_one_other_row() -> None:
    """A 2019 table 三 with no table 二 and no year: its （六）其他处理 is one row, with none of 2021's
    three under it, and the table goes on to （七）总计: the 2019 template (before, unknown: the row
    unmapped and 总计 a false identity_broken). Cut off before 总计, still unknown."""
    lines = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    r = zhgov_parse.parse("\n".join(lines[start:end]))
    assert (r.meta["template"], r.meta["year"]) == ("2019", None)
    assert r.table("application_handling").loc["other", "total"] == 13
    assert not {"identity_broken", "unmapped_row"} & {f.code for f in r.finding_list}
    other = next(i for i in range(start, end) if "（六）其他处理" in lines[i])
    assert zhgov_parse.parse("\n".join(lines[start : other + 1])).meta["template"] == "unknown"


def test_identity_with_na_is_unassessable_or_certainly_broken(sample_text: str) -> None:
    na = zhgov_parse.parse(sample_text.replace("(七)总计 | 82 |", "(七)总计 | / |"))
    f = na.findings.query("code == 'identity_unassessable' and row == 'total' and column == 'natural_person'")
    assert len(f) == 2
    broken = zhgov_parse.parse(
        sample_text.replace("| 6 | 2 | 0 | 2 | 3 | 0 | 13 |", "| 6 | 2 | 0 | 2 | 3 | 0 | / |").replace(
            "(一)予以公开 | 19 | 5 | 1 | 3 | 1 | 2 | 31", "(一)予以公开 | 19 | 5 | 1 | 3 | 1 | 2 | 331"
        )
    )
    f = broken.findings.query("code == 'identity_broken' and row == 'total' and column == 'total'")
    assert "exceed" in f["message"].iloc[0]


def test_typo_in_label_matched_by_similarity_with_finding(sample_text: str) -> None:
    r = zhgov_parse.parse(sample_text.replace("4.保护第三方合法权益", "4.保护第三方合法权易"))
    assert _value(r, "application_handling", "withheld.third_party_rights", "total") == 7
    f = r.findings.query("code == 'label_fuzzy_match'")
    assert f["row"].tolist() == ["withheld.third_party_rights"]


def test_table_4_outcomes_in_the_header_s_order() -> None:
    """A 四 whose header puts 其他结果 before 结果纠正 in every group: values follow the header."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "fixtures" / "heyu_ecology_2021_pipe.txt").read_text()
    lines = text.split("\n")
    at = lines.index("四、政府信息公開行政復議、行政訴訟情況")
    for n, groups in ((2, 1), (3, 3), (4, 3)):  # the two header lines, then the values
        cells = lines[at + n].split("|")
        for g in range(groups):
            cells[5 * g + 1], cells[5 * g + 2] = cells[5 * g + 2], cells[5 * g + 1]
        lines[at + n] = "|".join(cells)
    before, after = zhgov_parse.parse(text), zhgov_parse.parse("\n".join(lines))
    assert after.table("review_litigation").equals(before.table("review_litigation"))
    assert "columns_reordered" in _codes(after) - _codes(before)


@pytest.mark.parametrize(
    "fixture", ["lanshi_housing_2023_pipe.txt", "songlan_market_2023_md.md", "liuting_health_2022_md.md"]
)
def test_a_row_a_cell_short_of_its_table_s_grid_is_na_not_shifted(fixture: str) -> None:
    """Every line of these tables holds the same number of cells; a row that lost one holds one
    fewer. Its empty cells at the edges (one padding cell after the last column, or the empty third
    label column of a Markdown table) were taken as a blank 总计 or a blank 自然人, every value after
    the lost cell one column off (3 wrong cells a row). Such a row is NA, the rest of the table read."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    lines = text.split("\n")
    base = zhgov_parse.parse(text).table("application_handling")
    rows = [
        i for i, x in enumerate(lines) if "|" in x and re.search(r"（[一二七]）", x) and re.search(r"\d", x)
    ]
    assert len(rows) == 3
    for i in rows:
        cells = lines[i].split("|")
        del cells[len(cells) // 2]
        broken = zhgov_parse.parse("\n".join([*lines[:i], "|".join(cells), *lines[i + 1 :]]))
        got = broken.table("application_handling")
        stated = got.notna()
        assert (got[stated] == base[stated]).all().all()
        assert stated.sum().sum() >= base.notna().sum().sum() - 7


@pytest.mark.parametrize("typo", ["结果厗持", "结果果维持", "结维持"])
def test_a_typo_in_one_group_s_outcome_leaves_table_four_in_the_template_s_order(typo: str) -> None:
    """四's header names each outcome once a group; with 行政复议's 结果维持 misspelt, the first
    结果维持 left is the next group's, which made the header's order read 纠正, 其他, 尚未, 维持 (a
    consistent pattern, group after group): every value of 四 one column off, said reordered."""
    text = (FIXTURES / "weitang_hrss_2024_pipe.txt").read_text(encoding="utf-8")
    header = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉"
    assert text.count(header) == 1
    r = zhgov_parse.parse(text.replace(header, header.replace("结果维持", typo, 1)))
    assert r.table("review_litigation").equals(zhgov_parse.parse(text).table("review_litigation"))
    assert "columns_reordered" not in _codes(r)


@pytest.mark.parametrize("swapped", [False, True], ids=["template order", "groups swapped"])
def test_table_four_cut_into_review_and_litigation_tables(swapped: bool) -> None:
    """四 too wide for its page, cut into 行政复议's table (a row of 5) and 行政诉讼's (a row of 10
    under its two groups): the ten values are the two groups, in the order the header names them."""
    outcomes = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    direct, after = "0 | 1 | 0 | 0 | 1", "2 | 0 | 0 | 1 | 3"
    groups = ["复议后起诉", "未经复议直接起诉"] if swapped else ["未经复议直接起诉", "复议后起诉"]
    values = f"{after} | {direct}" if swapped else f"{direct} | {after}"
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议 | | | | |",
            f"{outcomes} |",
            "1 | 0 | 0 | 1 | 2 |",
            "行政诉讼 | | | | | | | | | |",
            f"{groups[0]} | | | | | {groups[1]} | | | | |",
            f"{outcomes} | {outcomes} |",
            f"{values} |",
        ]
    )
    table = zhgov_parse.parse(text).table("review_litigation")
    assert table.loc["review"].tolist() == [1, 0, 0, 1, 2]
    assert table.loc["litigation_direct"].tolist() == [0, 1, 0, 0, 1]
    assert table.loc["litigation_after_review"].tolist() == [2, 0, 0, 1, 3]


def test_table_four_cut_in_two_with_names_copied_into_spanned_cells() -> None:
    """Pipe text that writes a spanning cell's name into each cell it spans (python-docx's way), with
    行政诉讼's table first: 行政复议 copied five times still names its row of five."""
    outcomes = " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            " | ".join(["行政诉讼"] * 10) + " |",
            " | ".join(["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5) + " |",
            f"{outcomes} | {outcomes} |",
            "0 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 1 | 3 |",
            " | ".join(["行政复议"] * 5) + " |",
            f"{outcomes} |",
            "1 | 0 | 0 | 1 | 2 |",
        ]
    )
    table = zhgov_parse.parse(text).table("review_litigation")
    assert table.values.tolist() == [[1, 0, 0, 1, 2], [0, 1, 0, 0, 1], [2, 0, 0, 1, 3]]


_ORDER = ["commercial", "research", "nonprofit", "legal_services", "other_org", "natural_person", "total"]
_WORDS = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "nonprofit": "社会公益组织",
    "legal_services": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}


def _table_three(header: list[str], sep: str = "\t") -> str:
    """A report of table 三 alone, its columns in ``_ORDER`` (自然人 after the organisations) under
    ``header`` lines, each row's values those of qinghe_data_2022_pipe."""
    from zhgov_parse import schema

    from goldens import expected_cells

    cells = expected_cells("qinghe_data_2022_pipe")
    lines = ["清河市数据局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", *header]
    for row, label in schema.rows("application_handling", "2021"):
        values = [cells[("application_handling", row, c)] for c in _ORDER]
        lines.append(sep.join([label.split(" ")[-1], *("" if v is None else str(int(v)) for v in values)]))
    return "\n".join(lines) + "\n"


def _read_as_stated(report: zhgov_parse.Report) -> bool:
    from goldens import expected_cells

    cells = expected_cells("qinghe_data_2022_pipe")
    got = report.table("application_handling")
    return all(
        (pd.isna(got.loc[r, c]) and v is None) or got.loc[r, c] == v
        for (t, r, c), v in cells.items()
        if t == "application_handling"
    )


@pytest.mark.parametrize(
    "header",
    [
        ["\t" + "\t".join(_WORDS[c] for c in _ORDER)],  # one line
        ["\t法人或其他组织\t\t\t\t\t自然人\t总计", "\t" + "\t".join(_WORDS[c] for c in _ORDER[:5])],  # two
        [
            "\t" + "\t".join(("法人或其他组织" if c in _ORDER[:5] else "") + _WORDS[c] for c in _ORDER)
        ],  # named
    ],
    ids=["one-line", "two-lines-group-first", "group-named-in-each-cell"],
)
def test_tab_text_header_with_natural_person_after_the_organisations(header: list[str]) -> None:
    """三's columns in another order, 自然人 after the organisations, under a tab text header: its
    lines come as one text, or (long: the group's name in each cell) as prose. The values follow
    the header; before, they were taken in the template's order (6 of 7 columns wrong, no finding
    that said so, the row and column identities all holding)."""
    r = zhgov_parse.parse(_table_three(header))
    assert _read_as_stated(r)
    assert "columns_reordered" in {f.code for f in r.finding_list if f.table == "application_handling"}


def test_html_header_naming_other_organisations_among_them() -> None:
    """A one-row header that calls the sixth column 其他组织 (法人或其他组织's words): among the
    organisations it is that column, not the group over them."""
    import html

    names = [("其他组织" if c == "other_org" else _WORDS[c]) for c in _ORDER]
    rows = ["<tr><td>项目</td>" + "".join(f"<td>{n}</td>" for n in names) + "</tr>"]
    for line in _table_three([]).split("\n")[2:]:
        if line:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
    r = zhgov_parse.parse(
        "<h1>清河市数据局2022年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>"
        f"<table>{''.join(rows)}</table>"
    )
    assert _read_as_stated(r)


def test_a_header_whose_order_cannot_be_read_leaves_the_table_na() -> None:
    """The organisations named in one cell under the group, then 自然人 and 总计: the header says the
    columns are not in the template's order, but not which is where. NA with columns_unreadable,
    each row's values kept in its finding; never the template's order."""
    header = ["\t法人或其他组织：" + "、".join(_WORDS[c] for c in _ORDER[:5]) + "\t自然人\t总计"]
    r = zhgov_parse.parse(_table_three(header, " | "))
    assert r.table("application_handling").isna().all().all()
    found = [f for f in r.finding_list if f.code == "columns_unreadable"]
    assert found[0].row is None and {f.row for f in found[1:]} >= {"new_received", "total"}
    assert next(f for f in found if f.row == "new_received").found == "23 | 4 | 9 | 14 | 8 | 82 | 140"


def _total_first(sample_text: str) -> str:
    """The sample with each group of 四 laid out 总计 first, header and values alike."""
    lines = sample_text.split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    outcomes = "结果 维持 | 结果 纠正 | 其他 结果 | 尚未 审结"
    lines[at + 2] = f"总计 | {outcomes} | 未经复议直接起诉 | 复议后起诉 | ||||||||"
    lines[at + 3] = f"总计 | {outcomes} | 总计 | {outcomes} | |||||"
    values = [v.strip() for v in lines[at + 4].split("|") if v.strip()]
    lines[at + 4] = " | ".join(v for g in range(3) for v in [values[5 * g + 4], *values[5 * g : 5 * g + 4]])
    return "\n".join(lines)


def test_review_outcomes_follow_a_header_with_the_total_first(sample_text: str) -> None:
    """四 with 总计 first in each group: the values follow the header (before, 总计 was taken to be
    last whatever the header said: eight of fifteen cells wrong, with identity_broken only)."""
    r = zhgov_parse.parse(_total_first(sample_text))
    assert r.table("review_litigation").equals(zhgov_parse.parse(sample_text).table("review_litigation"))
    assert "columns_reordered" in {f.code for f in r.finding_list if f.table == "review_litigation"}
    assert "identity_broken" not in _codes(r)


@pytest.mark.parametrize("remark", ["", "含转发件"])
def test_active_disclosure_header_reordered_with_a_remarks_column(sample_text: str, remark: str) -> None:
    """二's header names its columns in another order and then 备注, a column the template has not:
    the values follow the header (before, the unread 备注 cell made the header unusable and the
    values were taken in the template's order: all three wrong)."""
    header = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    text = sample_text.replace(header, "信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数 | 备注 |")
    text = text.replace("行政规范性文件 | 4 | 1 | 23 |", f"行政规范性文件 | 23 | 4 | 1 | {remark} |")
    r = zhgov_parse.parse(text)
    assert r.table("active_disclosure").loc["normative_documents"].tolist()[:3] == [4, 1, 23]
    assert [f.table for f in r.finding_list if f.code == "columns_reordered"] == ["active_disclosure"]


def test_active_disclosure_header_out_of_order_beside_an_unread_cell_is_na(sample_text: str) -> None:
    """A header naming 二's columns out of the template's order beside a cell it cannot read (a typo:
    现存件数): where each value stands is not known. NA with columns_unreadable, not the template's
    order."""
    header = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    text = sample_text.replace(header, "信息内容 | 现存件数 | 本年废止件数 | 本年制发件数 |")
    r = zhgov_parse.parse(text)
    assert r.table("active_disclosure").loc["normative_documents"].isna().all()
    assert "columns_unreadable" in {f.code for f in r.finding_list if f.row == "normative_documents"}


_OUTCOME_LINES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_REVIEW = {
    "review": [3, 1, 0, 1, 5],
    "litigation_direct": [1, 0, 0, 0, 1],
    "litigation_after_review": [0, 0, 2, 0, 2],
}


def _review_a_cell_a_line(lines: list[str]) -> zhgov_parse.Report:
    text = "\n".join(
        ["澄湖县水务局2022年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", *lines]
    )
    return zhgov_parse.parse(text + "\n五、存在的主要问题及改进情况\n")


def _review_as_written(report: zhgov_parse.Report) -> bool:
    table = report.table("review_litigation")
    return all(table.loc[row].tolist() == values for row, values in _REVIEW.items())


def test_review_header_a_cell_a_line_naming_litigation_first() -> None:
    """四's header a cell a line (PDF or Word text), 行政诉讼 named before 行政复议: the groups follow
    it. Before, 尚未审结 alone on a line was taken for the header, and the groups went in the
    template's order (ten cells wrong, no finding naming them)."""
    values = [
        str(v) for row in ("litigation_direct", "litigation_after_review", "review") for v in _REVIEW[row]
    ]
    report = _review_a_cell_a_line(
        ["行政诉讼", "行政复议", "未经复议直接起诉", "复议后起诉", *_OUTCOME_LINES * 3, *values]
    )
    assert _review_as_written(report)
    assert "columns_reordered" in {f.code for f in report.finding_list if f.table == "review_litigation"}


def test_review_rows_labelled_a_line_each_in_another_order() -> None:
    """四 as three labelled rows, each label on a line of its own above its values, 行政复议 last:
    the labels name the rows. Before, the rows were placed by position (rows_by_position): all
    fifteen cells in the wrong rows."""
    lines = [*_OUTCOME_LINES]
    for row, label in (
        ("litigation_direct", "未经复议直接起诉"),
        ("litigation_after_review", "复议后起诉"),
        ("review", "行政复议"),
    ):
        lines += [label, *map(str, _REVIEW[row])]
    report = _review_a_cell_a_line(lines)
    assert _review_as_written(report)
    assert "rows_by_position" not in {f.code for f in report.finding_list}


#: 二's first part a cell a line, 行政规范性文件 with a value line more than its three columns take.
_ACTIVE_A_CELL_A_LINE = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    *["规章", "1", "0", "4", "行政规范性文件", "5", "2", "0", "11", "第二十条第（五）项"],
]


def test_active_disclosure_a_cell_a_line_with_a_stray_value_line() -> None:
    """二 a cell a line (Word or PDF text) with one value line more than a row's columns (a page
    number among them): 二 has no sums to tell which is the stray, so the row is NA with
    row_order_uncertain. Before, its first three values were taken (5, 2, 0 for 2, 0, 11)."""
    lines = [*_ACTIVE_A_CELL_A_LINE]
    lines += ["信息内容", "本年处理决定数量", "行政许可", "17"]
    report = zhgov_parse.parse("\n".join(["澄湖县水务局2022年政府信息公开工作年度报告", *lines]))
    table = report.table("active_disclosure")
    assert table.loc["rules"].tolist()[:3] == [1, 0, 4]
    assert table.loc["normative_documents"].isna().all()
    assert table.loc["licensing", "decisions"] == 17
    found = {(f.code, f.row) for f in report.finding_list}
    assert ("row_order_uncertain", "normative_documents") in found


def test_review_on_its_side_with_groups_named_in_brackets() -> None:
    """四 on its side (outcomes as rows) under a header naming 行政诉讼（未经复议直接起诉）and
    行政诉讼（复议后起诉）: the group's name inside the brackets counts (before, brackets were
    dropped as a note: no group named, the table unread, 15 cells NA)."""
    rows = ["| 项目 | 行政诉讼（复议后起诉） | 行政复议 | 行政诉讼（未经复议直接起诉） |"]
    for outcome, values in zip(
        _OUTCOME_LINES,
        zip(*(_REVIEW[g] for g in ("litigation_after_review", "review", "litigation_direct")), strict=True),
        strict=True,
    ):
        rows.append(f"| {outcome} | " + " | ".join(map(str, values)) + " |")
    report = _review_a_cell_a_line(rows)
    assert _review_as_written(report)
    assert "table_transposed" in {f.code for f in report.finding_list}


def test_tab_text_row_whose_merged_label_a_spreadsheet_repeats() -> None:
    """A spreadsheet saved as tab text repeats a merged label in each cell it covered: 三、本年度办理
    结果, then （二）部分公开（区分处理的，只计这一情形，不计其他情形） twice. Counted once it is a
    label, not a sentence (before, over 60 characters it was taken for prose: 7 cells NA)."""
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    text = _table_three(["\t" + "\t".join(_WORDS[c] for c in _ORDER)])
    line = next(x for x in text.split("\n") if x.startswith("（二）部分公开"))
    text = text.replace(line, "\t".join(["三、本年度办理结果", label, label, *line.split("\t")[1:]]))
    report = zhgov_parse.parse(text)
    assert _read_as_stated(report)


def test_active_disclosure_a_cell_a_line_a_stray_value_line_is_not_the_next_row_s() -> None:
    """As above, with 行政许可's cell blank (no line): the stray line was taken by position as
    行政许可's value, so 行政规范性文件 was read 5, 2, 0 with no finding of its own, and 行政许可 11
    (a page's Word spans joined with `` | ``: ``23`` written ``2 | 3`` made the stray). The stray
    lines are no row's: 行政规范性文件 is NA, said, 行政许可 blank, the rows after it as written."""
    lines = [*_ACTIVE_A_CELL_A_LINE]
    lines += ["信息内容", "本年处理决定数量", "行政许可"]  # its cell blank
    lines += ["第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "17", "行政强制", "3"]
    report = zhgov_parse.parse("\n".join(["澄湖县水务局2022年政府信息公开工作年度报告", *lines]))
    table = report.table("active_disclosure")
    assert table.loc["normative_documents"].isna().all()
    assert pd.isna(table.loc["licensing", "decisions"])
    assert (table.loc["penalty", "decisions"], table.loc["coercion", "decisions"]) == (17, 3)
    found = {(f.code, f.row) for f in report.finding_list}
    assert ("row_order_uncertain", "normative_documents") in found
    assert "rows_by_position" not in {code for code, _ in found}


@pytest.mark.parametrize(
    ("shifted", "read"),
    [
        ("行政规范性文件 4 | 1 | 23 | |", [4, 1, 23]),  # apart by a space: the row's first value
        ("行政规范性文件4 | 1 | 23 | |", [None, None, None]),  # a value, or a mark beside a blank
        ("行政规范性文件1 | 4 | 1 | 23 |", [4, 1, 23]),  # a mark beside a full row
    ],
)
def test_pipe_row_with_a_number_in_its_label_cell(shifted: str, read: list[object]) -> None:
    """A number after a row's label in its cell, the row's other values a cell to the left: split off
    where it stands apart and the row then holds all its values, else the row NA (before, 1 and 23
    were read one column to the left, under 本年制发件数 and 本年废止件数)."""
    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    row = "行政规范性文件 | 4 | 1 | 23 |"
    assert row in text
    r = zhgov_parse.parse(text.replace(row, shifted))
    got = [c["value"] for c in r.cell_records() if c["row"] == "normative_documents"]
    assert got == read
    if read[0] is None:
        assert "row_length_mismatch" in _codes(r)


_DEFINED = {
    "规章": "规章：地方行政规章指省、自治区、直辖市和设区的市的人民政府制定的规章。",
    "规范性文件": "规范性文件:行政机关依照法定权限、程序制定并公开发布的公文。",
    "行政许可": "行政许可：行政机关根据申请，经依法审查，准予其从事特定活动的行为。",
    "行政强制": "行政强制:包括行政强制措施和行政强制执行。",
}


def test_labels_with_a_definition_after_a_colon_one_cell_a_line() -> None:
    """Table 二 a cell a line, its labels carrying the template's definitions after a colon
    (``规章：地方行政规章指…。`` / ``0`` / ``0`` / ``0``): each label names its row (before, the
    long labels read as sentences, so the values came before any label and all of 二 was NA,
    row_order_uncertain). A colon before a number (``规章：0``) is no definition."""
    from zhgov_parse.labels import matcher

    rows_of = matcher("active_disclosure", "row")
    assert rows_of(_DEFINED["规章"]).code == "rules"
    assert rows_of("规章：0").how == "none"
    lines = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8").split("\n")
    start = lines.index("二、主动公开政府信息情况")
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    out = lines[: start + 1]
    for line in lines[start + 1 : end]:
        cells = [c.strip() for c in line.rstrip(" |").split("|") if c.strip()]
        out += [_DEFINED.get(cells[0], cells[0]), *cells[1:]]
    out += ["\t".join(c.strip() for c in line.rstrip(" |").split("|")) for line in lines[end:]]
    r = zhgov_parse.parse("\n".join(out))
    assert "row_order_uncertain" not in _codes(r)
    from goldens import expected_cells

    want = expected_cells("qinghe_justice_2020_pipe")
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in r.cell_records()}
    active = [k for k in want if k[0] == "active_disclosure" and k[1] != "penalty"]  # (its blank lost)
    assert {k: got[k] for k in active} == {k: want[k] for k in active}


def test_pipe_header_with_the_organisations_group_blank_keeps_the_total_last(sample_text: str) -> None:
    """三's upper header line with the group's cell blank (自然人 | | 总计) over the organisations: the
    flattened header reads 总计 second, but the rows add up only with 总计 last. In pipe text whose
    rows are padded with empty cells that check found no row of seven values, and every row was read
    with 总计 second (all but the 自然人 column wrong). Now the padded rows are weighed too: the
    template's order, with columns_by_position."""
    text = sample_text.replace("自然人 | 法人或其他组织 | 总计 |", "自然人 | |总计 |")
    r = zhgov_parse.parse(text)
    as_written = zhgov_parse.parse(sample_text).table("application_handling")
    assert r.table("application_handling").equals(as_written)
    assert "columns_by_position" in {f.code for f in r.finding_list if f.table == "application_handling"}


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_active_disclosure_numbers_under_a_header_cell_naming_no_column(template: str) -> None:
    """二's header names its columns and then a cell naming none (其中转发, 上年数: no column of the
    template), each row a cell under each header cell. A row with its own cells blank and a number
    under that cell: the number was taken for the last column (the blank cells on the left dropped
    as padding). Now the cells under the named columns are the row's (blank: NA), the number is left
    out with columns_extra; a full row is read too (it was NA, one cell too many)."""
    columns = {
        "2021": "本年制发件数 | 本年废止件数 | 现行有效件数",
        "2019": "本年新制作数量 | 本年新公开数量 | 对外公开总数量",
    }
    year, documents = ("2022", "行政规范性文件") if template == "2021" else ("2020", "规范性文件")
    text = "\n".join(
        [
            f"某县司法局{year}年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            f"| 信息内容 | {columns[template]} | 其中转发 |",
            "|---|---|---|---|---|",
            "| 规章 |  |  |  | 21 |",
            f"| {documents} | 4 | 1 | 23 | 3 |",
            "三、收到和处理政府信息公开申请情况",
        ]
    )
    r = zhgov_parse.parse(text)
    table = r.table("active_disclosure")
    assert table.loc["rules"].isna().all()
    assert table.loc["normative_documents"].tolist()[:3] == [4, 1, 23]
    assert {f.row for f in r.finding_list if f.code == "columns_extra"} == {"rules", "normative_documents"}


def _with_a_column(lines: list[str], at: int, cells: list[str]) -> list[str]:
    """Markdown table lines with a cell put in at column ``at`` of each (the separator line too)."""
    out = []
    for line, cell in zip(lines, cells, strict=True):
        parts = line.strip().strip("|").split("|")
        parts.insert(at, "---" if set(line) <= set("|-") else f" {cell} ")
        out.append("|" + "|".join(parts) + "|")
    return out


def _markdown_table(text: str, first: str) -> tuple[int, int]:
    """Where the Markdown table whose first line starts with ``first`` starts and ends (lines)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return start, end


def _songlan_with_a_column(table_first: str, at: int, cells: list[str]) -> str:
    text = (FIXTURES / "songlan_market_2023_md.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    start, end = _markdown_table(text, table_first)
    lines[start:end] = _with_a_column(lines[start:end], at, cells)
    return "\n".join(lines)


def test_a_row_number_column_before_table_four_is_left_out() -> None:
    """四 with a 序号 column before its fifteen (1 in the data row): the row had sixteen values and
    was lost (unmapped_values, missing_table). The header names 序号, a column the template has
    not: its cells are left out (columns_extra), the fifteen read as written."""
    text = _songlan_with_a_column("| 行政复议", 0, ["序号", "", "", "", "1"])
    r = zhgov_parse.parse(text)
    as_written = zhgov_parse.parse((FIXTURES / "songlan_market_2023_md.md").read_text(encoding="utf-8"))
    assert r.table("review_litigation").equals(as_written.table("review_litigation"))
    assert {f.code for f in r.finding_list if f.table == "review_litigation"} == {"columns_extra"}


def test_a_subtotal_of_the_organisations_in_table_three_is_left_out() -> None:
    """三 with a 小计 column first under 法人或其他组织 (Markdown writes the group's name in its first
    cell, over 小计): the sum was taken for 商业企业 and every organisation a column on, or the rows
    were NA. Beside 总计, 小计 is no column of the template's: its cells are left out, the group's
    name kept over the organisations."""
    text = (FIXTURES / "songlan_market_2023_md.md").read_text(encoding="utf-8")
    start, end = _markdown_table(text, "| （本列数据")
    cells = ["", "", "", "小计", *["12"] * (end - start - 4)]
    lines = text.split("\n")
    block = _with_a_column(lines[start:end], 4, cells)
    block[2] = block[2].replace("|  | 法人或其他组织 |", "| 法人或其他组织 |  |", 1)  # over 小计, its first
    assert "| 自然人 | 法人或其他组织 |  | " in block[2]
    assert "| 小计 | 商业企业 | 科研机构 |" in block[3]
    lines[start:end] = block
    r = zhgov_parse.parse("\n".join(lines))
    as_written = zhgov_parse.parse(text)
    assert r.table("application_handling").equals(as_written.table("application_handling"))
    assert "columns_extra" in {f.code for f in r.finding_list if f.table == "application_handling"}


def test_a_remarks_column_of_text_after_table_three_keeps_blank_cells_in_place() -> None:
    """三 as HTML with a 备注 column of text after 总计 (已办结): a row ending in text was read as all
    label cells, its numbers then split off with its blank cells dropped, so each value after a blank
    moved a column left. The header names 备注: its cells are left out, the rows read as written."""
    page = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    blank = page.replace(
        "<td>9</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>11</td>",
        "<td>9</td><td>1</td><td></td><td>1</td><td>0</td><td>0</td><td>11</td>",
    )
    start, end = blank.index("申请人情况"), blank.index("</table>", blank.index("申请人情况"))
    table = blank[start:end].replace("</tr>", "<td>已办结</td></tr>")
    table = table.replace("申请人情况</td><td>已办结</td>", '申请人情况</td><td rowspan="3">备注</td>', 1)
    table = table.replace("总计</td><td>已办结</td>", "总计</td>", 1).replace(
        "其他</td><td>已办结</td>", "其他</td>"
    )
    r = zhgov_parse.parse(blank[:start] + table + blank[end:])
    as_written = zhgov_parse.parse(blank)
    assert r.table("application_handling").equals(as_written.table("application_handling"))
    assert as_written.table("application_handling").loc["carried_in"].isna().sum() == 1


@pytest.mark.parametrize("left_out", ["总计", "其他"])
def test_table_three_without_a_column_reads_the_columns_its_header_names(left_out: str) -> None:
    """三 in Markdown with a column left out (总计, or 其他): its header names six applicant columns
    and no row holds more values. Before, the rows were read by position in the template's seven
    columns (总计 missing: with a blank label cell taken for 自然人, every value a column on; 其他
    missing: 总计 read as 其他), hundreds of cells wrong over the fixtures. Now the values follow the
    six columns the header names, the missing one NA, with columns_missing."""
    text = (FIXTURES / "songlan_market_2023_md.md").read_text(encoding="utf-8")
    start, end = _markdown_table(text, "| （本列数据")
    lines = text.split("\n")
    at = 9 if left_out == "总计" else 8
    for i in range(start, end):
        parts = lines[i].strip().strip("|").split("|")
        del parts[at]
        lines[i] = "|" + "|".join(parts) + "|"
    r = zhgov_parse.parse("\n".join(lines))
    column = "total" if left_out == "总计" else "other_org"
    as_written = zhgov_parse.parse(text).table("application_handling").drop(columns=column)
    assert r.table("application_handling").drop(columns=column).equals(as_written)
    assert r.table("application_handling")[column].isna().all()
    assert "columns_missing" in {f.code for f in r.finding_list if f.table == "application_handling"}


def _table_three_lines(text: str) -> tuple[list[str], int, int]:
    """The text's lines and where its table 三 starts (its header's first line) and ends."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "勾稽关系" in line)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、政府信息公开"))
    return lines, start, end


def _pipe_with_last_column(text: str, name: str, cells: dict[str, str]) -> str:
    """Pipe text whose table 三 has one more column after 总计: ``name`` on the header's first line,
    and after each row's last value its cell in ``cells`` (by the row's first cell), else ``9``."""
    lines, start, end = _table_three_lines(text)
    lines[start] = lines[start].replace("申请人情况 | ", f"申请人情况 | {name} | ", 1)
    for i in range(start + 3, end):
        body = lines[i].rstrip("|").rstrip()  # (its cells, then padding: |…|)
        lines[i] = f"{body} {cells.get(lines[i].split(' | ')[0], '9')} | |"
    return "\n".join(lines)


def test_pipe_text_with_a_remarks_column_of_text_keeps_blank_cells_in_place(sample_text: str) -> None:
    """三 in pipe text that is no grid (a row lists the cells it starts) with a 备注 column of text
    after 总计 (已办结): the text cell made the whole row label cells, its blank cells dropped, each
    value after a blank a column left (68 cells wrong a run over the fixtures). The header names 备注
    after the template's columns: a row's text cell after its values is the remark, left out."""
    blank = sample_text.replace(
        "二、上年结转政府信息公开申请数量 | 11 | 2 | 0 | 0 | 2 | 0 | 15 | ||",
        "二、上年结转政府信息公开申请数量 | 11 | 2 | |0 | 2 | 0 | 15 | ||",
    )
    assert blank != sample_text
    lines, start, end = _table_three_lines(blank)
    remarks = {line.split(" | ")[0]: "已办结" for line in lines[start:end]}
    text = _pipe_with_last_column(blank, "备注", remarks)
    assert "| 11 | 2 | |0 | 2 | 0 | 15 | 已办结 | |" in text
    r = zhgov_parse.parse(text)
    as_written = zhgov_parse.parse(blank).table("application_handling")
    assert r.table("application_handling").equals(as_written)
    assert as_written.loc["carried_in"].fillna(-1).tolist() == [11, 2, -1, 0, 2, 0, 15]
    assert "columns_extra" in _codes(r)


def test_pipe_text_with_last_years_numbers_after_table_three_joins_no_cells(sample_text: str) -> None:
    """三 in pipe text that is no grid with a 上年数 column after 总计: every row had a value too many
    (NA), and where joining two neighbouring digits made the row add up, they were joined (2 | 0 into
    20, its 上年数 22 taken for 总计). The header names 上年数 after the template's columns: a row's
    last cell is left out, the row read as written."""
    text = sample_text.replace(
        "8.属于行政查询事项 | 5 | 2 | 0 | 0 | 0 | 0 | 7 | ||",
        "8.属于行政查询事项 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||",
    )
    wider = _pipe_with_last_column(text, "上年数", {"8.属于行政查询事项": "22"})
    assert "8.属于行政查询事项 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | 22 | |" in wider
    r = zhgov_parse.parse(wider)
    assert r.table("application_handling").equals(zhgov_parse.parse(text).table("application_handling"))
    row = r.table("application_handling").loc["withheld.administrative_query"]
    assert row.tolist() == [2, 0, 0, 0, 0, 0, 2]


def test_text_at_spaces_with_last_years_numbers_after_table_three_leaves_a_short_row_na() -> None:
    """三 in text split at whitespace with a 上年数 column after 总计: a row with a blank cell (no
    word left) and its 上年数 had seven values, read in order, 上年数 taken for 总计 (over the
    fixtures ~60 cells wrong a run, ~120 in tab text). The header names 上年数 after the template's
    columns: a row with eight values is read without its last, a row short of one is NA (which
    cell is blank the text does not say: its columns are not aligned), with row_length_mismatch."""
    text = (FIXTURES / "tongxi_agriculture_2021_text.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith("申请人情况"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("四、政府信息公开"))
    lines[start] += "    上年数"
    for i in range(start + 3, end):
        if re.search(r"\d\s*$", lines[i]):
            lines[i] += "     12"
    short = next(i for i in range(start, end) if lines[i].startswith("二、上年结转"))
    assert lines[short].endswith("     14      3      0      0      2      0     19     12")
    lines[short] = lines[short].replace("      3      0      0", "      3      0", 1)
    r = zhgov_parse.parse("\n".join(lines))
    table = r.table("application_handling")
    as_written = zhgov_parse.parse(text).table("application_handling")
    assert table.drop(index="carried_in").equals(as_written.drop(index="carried_in"))
    assert table.loc["carried_in"].isna().all()
    assert "row_length_mismatch" in {f.code for f in r.finding_list if f.row == "carried_in"}


def test_tab_text_with_last_years_number_after_table_four_a_blank_cell_lost() -> None:
    """四 in tab text read at whitespace (its lines not a grid) with a 上年数 column after its fifteen:
    with all fifteen stated the row had sixteen values (NA), with a blank cell the fifteen words
    were read in order, 上年数 taken for the last 总计. The header names 上年数 after the columns:
    sixteen values are read without the last; fifteen with a blank cell lost are NA unless each of
    the three groups adds up (the blank then the 上年数's)."""
    text = (FIXTURES / "fengdu_land_2020_text.txt").read_text(encoding="utf-8")
    row = "4\t2\t1\t1\t8\t2\t0\t1\t1\t4\t1\t0\t0\t0\t1"
    assert row in text
    header = text.replace("\t行政诉讼\n", "\t行政诉讼" + "\t" * 10 + "上年数\n", 1)
    assert header != text
    r = zhgov_parse.parse(header.replace(row, row + "\t12"))
    as_written = zhgov_parse.parse(text).table("review_litigation")
    assert r.table("review_litigation").equals(as_written)
    blank = zhgov_parse.parse(header.replace(row, "4\t2\t\t1\t8\t2\t0\t1\t1\t4\t1\t0\t0\t0\t1\t12"))
    assert blank.table("review_litigation").isna().all().all()
    assert "row_length_mismatch" in {f.code for f in blank.finding_list if f.table == "review_litigation"}


def test_last_years_numbers_beside_table_two_columns_of_2019_are_left_out() -> None:
    """2019's 二 has 上一年项目数量, which a report may call 上年数, so that a 上年数 cell was never taken
    for an extra column; in text at spaces, a row with a blank cell lost and last year's number
    after its values read it as its 处理决定数量. Beside 上一年项目数量 (or a small table's columns
    that have none: 本年新制作数量 …), 上年数 is an extra column: a row with every cell is read
    without it, a row short of a cell is NA, said (no missing_row)."""
    text = "\n".join(
        [
            "某县司法局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容    本年新制作数量    本年新公开数量    对外公开总数量    上年数",
            "规章      0      0      0      2",
            "规范性文件      3      3     18      3",
            "第二十条第（六）项",
            "信息内容    上一年项目数量    本年增/减    处理决定数量    上年数",
            "行政处罚      9     15     19",
            "行政强制      2      0      4     16",
            "三、收到和处理政府信息公开申请情况",
        ]
    )
    r = zhgov_parse.parse(text)
    table = r.table("active_disclosure")
    assert table.loc["normative_documents"].dropna().tolist() == [3, 3, 18]
    assert table.loc["coercion"].dropna().tolist() == [2, 0, 4]
    assert table.loc["penalty"].isna().all()
    assert {f.code for f in r.finding_list if f.row == "penalty"} == {"row_length_mismatch"}


@pytest.mark.parametrize("form", ["markdown", "tab"])
def test_a_page_number_after_a_row_of_three_with_blank_cells_is_none_of_its_cells(form: str) -> None:
    """A number on a line of its own after a row of 三 whose blank cells keep their places (a page
    number where a page break cut the table): ``| … | 7.属于行政执法案卷 | | 3 | | | | | 3 |`` / ``7``.
    It was taken for a value the row's digits had split (as ``1`` / ``5`` for 15 one a line), the
    row's first blank then dropped as padding: 3 | … | 3 | 7, three cells wrong. A row with a blank
    cell has its cells apart; the number is unmapped_values."""
    text = (FIXTURES / "baixi_education_2019_md.md").read_text(encoding="utf-8")
    row = "| 三、本年度办理结果 | （三）不予公开 | 7.属于行政执法案卷 | 0 | 3 | 0 | 0 | 0 | 0 | 3 |"
    blanks = row.replace("| 0 ", "|  ")
    text = text.replace(row, f"{blanks}\n7")
    if form == "tab":
        text = "\n".join(
            "\t".join(c.strip() for c in line.strip("|").split("|")) if line.startswith("|") else line
            for line in text.split("\n")
            if not line.startswith("|--")
        )
    report = zhgov_parse.parse(text)
    row_read = report.table("application_handling").loc["withheld.enforcement_files"].tolist()
    assert [v for v in row_read if not pd.isna(v)] == [3, 3]
    assert row_read[1] == 3 and row_read[-1] == 3
    assert "unmapped_values" in _codes(report)


def test_a_row_whose_values_are_all_blank_and_whose_remark_names_a_change_is_no_header(
    sample_text: str,
) -> None:
    """三 in pipe text with a 备注 column holding a change on every row (``同比增长5%``), a row with
    all its values blank: its line (``8.属于行政查询事项 | | … | | 同比增长4%``) holds no number and
    names an extra column (同比…), so it was read as a header line, and the rows after it as under
    none, the next row's blank dropped and its remark read as its 总计 (3 cells wrong). A line
    that names a row is no header."""
    text = sample_text.replace(
        "8.属于行政查询事项 | 5 | 2 | 0 | 0 | 0 | 0 | 7 | ||", "8.属于行政查询事项 | | | | | | | | ||"
    ).replace(
        "(四)无法提供 | 1.本机关不掌握相关政府信息 | 4 | 1 | 0 | 0 | 2 | 0 | 7 | |",
        "(四)无法提供 | 1.本机关不掌握相关政府信息 | 4 | 1 | | 0 | 2 | 0 | 7 | |",
    )
    assert text.count("| 4 | 1 | | 0 |") == 1 and "查询事项 | | |" in text
    lines, start, end = _table_three_lines(text)
    changes = {line.split(" | ")[0]: f"同比增长{i % 9 + 1}%" for i, line in enumerate(lines[start:end])}
    report = zhgov_parse.parse(_pipe_with_last_column(text, "备注", changes))
    row = report.table("application_handling").loc["unavailable.not_held"]
    assert row.fillna(-1).tolist() == [4, 1, -1, 0, 2, 0, 7]


_TWO_YEARS = [
    ("本年处理决定数量", "上年处理决定数量", "liaoting_culture_2023_html", 452),
    ("2023年处理决定数量", "2022年处理决定数量", "liaoting_culture_2023_html", None),
    ("本年处理决定数量", "上年处理决定数量", "qinghe_data_2022_pipe", None),
    ("2022年处理决定数量", "2021年处理决定数量", "qinghe_data_2022_pipe", None),
]


@pytest.mark.parametrize(("this", "other", "name", "licensing"), _TWO_YEARS)
def test_a_small_table_of_two_with_two_years_side_by_side_takes_no_other_year_s_number(
    this: str, other: str, name: str, licensing: object
) -> None:
    """二's small table giving two years side by side, each under a header cell naming the column
    (``信息内容 | 本年处理决定数量 | 上年处理决定数量``, ``… | 2023年处理决定数量 | 2022年处理决定数量``): the
    header named the column twice, read as reordered: the second cell's number, the other year's,
    was taken (行政许可 and 行政处罚: 2 cells wrong). A cell naming last year's figure (上年…, 去年…)
    names no column of the template's (a grid's: left out, the row read); a column named twice in
    other words tells no column (columns_unreadable: NA), as text that is no grid does not either."""
    from goldens import expected_cells, source

    text = source(name).read_text(encoding="utf-8")
    if name.endswith("_html"):
        text = text.replace("<td>本年处理决定数量</td>", f"<td>{this}</td><td>{other}</td>")
        text = text.replace("<td>452</td>", "<td>452</td><td>400</td>").replace(
            "<td>61</td>", "<td>61</td><td>50</td>"
        )
    else:
        text = text.replace("信息内容 | 本年处理决定数量 | ||", f"信息内容 | {this} | {other} ||")
        text = text.replace("行政许可 | 1862 | ||", "行政许可 | 1862 | 1500 ||").replace(
            "行政处罚 | 37 | ||", "行政处罚 | 37 | 40 ||"
        )
    report = zhgov_parse.parse(text)
    want = expected_cells(name)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert all(v is None or v == want[k] for k, v in got.items())
    assert got[("active_disclosure", "licensing", "decisions")] == licensing


@pytest.mark.parametrize(
    ("header", "licensing"),
    [
        ("<td>上年处理决定数量</td><td>2023年</td>", None),
        ("<td>2022年处理决定数量</td><td>2023年</td>", None),
        ("<td>2022年处理决定数量</td><td>（2023年度）</td>", None),
        ("<td>2023年处理决定数量</td><td>2022年</td>", 452),
        ("<td>本年处理决定数量</td><td>2022年</td>", 452),
    ],
)
def test_a_year_alone_over_this_year_s_figures_beside_another_year_s_column_tells_no_column(
    header: str, licensing: object
) -> None:
    """二's small table giving two years side by side, this year's figures under a cell that is its
    year alone (``信息内容 | 上年处理决定数量 | 2023年``, ``… | 2022年处理决定数量 | 2023年``): the cell
    naming a column was read as the row's, the other year's number taken (行政许可 and 行政处罚: 2
    cells wrong). The latest year, the report's, names no column: which is the row's is not known
    (columns_unreadable: NA). Where the latest year is a column's, or a cell says 本年, the year alone
    is another year's, left out as before."""
    from goldens import expected_cells, source

    name = "liaoting_culture_2023_html"
    text = source(name).read_text(encoding="utf-8")
    text = text.replace("<td>本年处理决定数量</td>", header)
    first, second = ("452", "400") if licensing else ("400", "452")
    text = text.replace("<td>452</td>", f"<td>{first}</td><td>{second}</td>")
    text = text.replace(
        "<td>61</td>", "<td>50</td><td>61</td>" if licensing is None else "<td>61</td><td>50</td>"
    )
    report = zhgov_parse.parse(text)
    want = expected_cells(name)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert all(v is None or v == want[k] for k, v in got.items())
    assert got[("active_disclosure", "licensing", "decisions")] == licensing


@pytest.mark.parametrize("bare", [False, True])
def test_the_organisations_header_line_read_before_the_group_s_a_cell_a_line_keeps_the_template_order(
    bare: bool,
) -> None:
    """三's two header lines a cell a line, the organisations' line first (商业企业 … 其他 / 自然人 /
    法人或其他组织 / 总计: a PDF's text puts the cells spanning both lines, 自然人 and 总计, level with
    the lower one): read as one line naming the columns in another order, every row's values went
    to the wrong columns (all of 三 wrong, said only by columns_reordered; 1529 wrong cells over the
    fixtures a cell a line, 1135 split at spaces). The organisations stand under the group, where
    it stands."""
    from goldens import expected_cells, source

    name = "qinghe_data_2022_pipe"
    text = source(name).read_text(encoding="utf-8")
    top = "自然人 | 法人或其他组织 | 总计 | |||||||\n"
    subs = "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n"
    assert top + subs in text
    lines = []
    for line in text.replace(top + subs, subs + top).split("\n"):
        cells = [c.strip() for c in line.split("|") if c.strip()] if "|" in line else [line]
        lines += [c if bare else f"{c} |" for c in cells] if "|" in line else cells
    report = zhgov_parse.parse("\n".join(lines))
    want = expected_cells(name)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == want
    assert "columns_reordered" not in {f.code for f in report.finding_list}


def test_a_remark_after_a_row_with_a_blank_cell_moves_no_value() -> None:
    """A remark after a row of 三 that has a blank cell (``| 5.屬於三類內部事務信息 | 3 | 4 | 1 |  | 2 | 3
    | 13 | 注：含线上申请 |``): text last, the row's cells were read as its label's, the blank passed
    over as an empty label cell, and the values went a column on (社会公益组织 read 2, 法律服务机构 3,
    其他 13, the remark 总计: 3 wrong cells). The label ends before the values, blank and remark
    among them: a cell more than the columns, NA (row_length_mismatch), as a row without a blank."""
    from goldens import expected_cells, source

    name = "liuting_health_2022_md"
    text = source(name).read_text(encoding="utf-8")
    old = "| 5.屬於三類內部事務信息 | 3 | 4 | 1 |  | 2 | 3 | 13 |"
    assert old in text
    report = zhgov_parse.parse(text.replace(old, old + " 注：含线上申请 |"))
    want = expected_cells(name)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert all(v is None or v == want[k] for k, v in got.items())
    assert ("row_length_mismatch", "withheld.internal_affairs") in {
        (f.code, f.row) for f in report.finding_list
    }


def test_a_number_before_a_row_s_marks_under_an_unread_header_is_no_remark_to_drop() -> None:
    """二 under a header with a cell naming no column (``信息内容 | 本年制发件数 | 本年废止件数 | 1 | 现行有效
    件数``, OCR's reading of a rule as 1), a row with a value more than its columns, its last a mark
    (``规章 | 1 | — | — | — |``): the last — was dropped as a remark under no column, and 1 read as 本年
    制发件数 (1 wrong cell). With no header naming the columns, a mark after them may be a cell: the
    row is NA (row_length_mismatch)."""
    from goldens import expected_cells, source

    name = "songlan_market_2023_md"
    text = source(name).read_text(encoding="utf-8")
    for old, new in [
        (
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 1 | 现行有效件数 |",
        ),
        ("| 规章 | — | — | — |", "| 规章 | 1 | — | — | — |"),
    ]:
        assert old in text
        text = text.replace(old, new)
    report = zhgov_parse.parse(text)
    want = expected_cells(name)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert all(v is None or v == want[k] for k, v in got.items())
    assert ("row_length_mismatch", "rules") in {(f.code, f.row) for f in report.finding_list}
