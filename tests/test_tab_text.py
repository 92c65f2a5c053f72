"""Tables as tab-separated text (a Word table saved as text, rows copied from a spreadsheet,
``"\\t".join(cell.text …)`` over python-docx): a blank cell is an empty field, and keeps its
column where that is certain; a stray or lost tab never moves a value into another column."""

from __future__ import annotations

import random
import re

import pytest
from lxml import html as lxml_html

import zhgov_parse
from zhgov_parse.load import load

from goldens import FIXTURES, expected_cells, fixture_names, source

HTML_FIXTURES = [n for n in fixture_names() if n.endswith("_html")]


def as_tab_text(page: bytes, zero: str = "0", grid: bool = False) -> str:
    """A page's tables a row a line, cells joined by tabs as Word saves them: a merged cell once,
    empty fields below it where it spans rows (``grid``: and after it where it spans columns, as a
    spreadsheet exports a table, each line as many fields); each cell ``0`` written as ``zero``."""
    root = lxml_html.document_fromstring(load(page).text)
    lines: list[str] = []
    for el in root.body.iter("p", "h1", "h2", "h3", "table"):
        if el.tag != "table":
            if el.getparent().tag not in ("td", "th"):
                lines.append(" ".join(el.text_content().split()))
            continue
        below: dict[int, int] = {}  # grid column -> rows a rowspan still covers
        for tr in el.iter("tr"):
            fields, col = [], 0
            for td in (c for c in tr if c.tag in ("td", "th")):
                while below.get(col):
                    fields.append("")
                    below[col] -= 1
                    col += 1
                text = " ".join(td.text_content().split())
                fields.append(zero if text == "0" else text)
                span, rows = int(td.get("colspan", 1)), int(td.get("rowspan", 1))
                fields += [""] * (span - 1) * grid
                for k in range(span):
                    below[col + k] = rows - 1
                col += span
            while below.get(col):  # a rowspan at the row's end
                fields.append("")
                below[col] -= 1
                col += 1
            lines.append("\t".join(fields))
    return "\n".join(lines)


def _cells(text: str) -> dict[tuple[str, str, str], object]:
    report = zhgov_parse.parse(text)
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


@pytest.mark.parametrize("name", HTML_FIXTURES)
def test_word_table_saved_as_text_gives_every_cell(name: str) -> None:
    want = {k: v for k, v in expected_cells(name).items() if v is not None}
    got = _cells(as_tab_text(source(name).read_bytes()))
    assert {k: got.get(k) for k in want} == want


# zhetang's own table has blank cells and marks already: no zero of it is written as a blank
@pytest.mark.parametrize("name", [n for n in HTML_FIXTURES if not n.startswith("zhetang")])
def test_blank_cells_keep_their_columns(name: str) -> None:
    """Zeros written as blank cells: every number still in its column (the blanks NA, as the
    schema has it); before, a row with a blank was NA whole where the identities did not settle it."""
    want = {k: v for k, v in expected_cells(name).items() if v}
    got = _cells(as_tab_text(source(name).read_bytes(), zero=""))
    read = {k: got[k] for k in want if got.get(k) == got.get(k) and got.get(k) is not None}
    assert all(read[k] == want[k] for k in read)
    assert len(read) >= 0.8 * len(want)  # 23-53% before blanks kept their fields
    blanks = [v for k, v in got.items() if k not in want and k[0] == "application_handling"]
    assert all(v != v or v is None for v in blanks)  # a blank is NA, never 0


def test_a_stray_or_lost_tab_never_moves_a_value() -> None:
    """Tabs added or lost (alignment typed by hand, a field dropped): a row whose fields do not
    match the full rows' exactly stays NA with a finding, never laid out by how near it stands."""
    page = source("jianxi_medsecurity_2022_html").read_bytes()
    want = expected_cells("jianxi_medsecurity_2022_html")
    lines = as_tab_text(page, zero="").split("\n")
    rnd = random.Random(5)
    wrong = []
    for trial in range(40):
        out = []
        for line in lines:
            fields = line.split("\t")
            if len(fields) > 3 and rnd.random() < 0.3:
                if rnd.random() < 0.5:
                    fields.insert(rnd.randrange(len(fields) + 1), "")
                elif "" in fields[1:]:
                    del fields[max(i for i, f in enumerate(fields) if not f)]
            out.append("\t".join(fields))
        got = _cells("\n".join(out))
        wrong += [(trial, k) for k, v in got.items() if v == v and v is not None and v != want.get(k)]
    assert wrong == []


@pytest.mark.parametrize("name", ["chenghu_finance_2021_html", "congang_veterans_2020_html"])
def test_a_blank_first_value_keeps_its_column(name: str) -> None:
    """``（一）予以公开\\t\\t1\\t1\\t…``: the empty field right after the label is the first value's
    blank (Word and browsers write a merged label once, with no padding), so every number of these
    reports keeps its column."""
    want = {k: v for k, v in expected_cells(name).items() if v}
    report = zhgov_parse.parse(as_tab_text(source(name).read_bytes(), zero=""))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert {k: got.get(k) for k in want} == want
    laid = [f.message for f in report.finding_list if f.code == "values_by_layout"]
    assert laid and all("tab field" in m for m in laid)  # said how, not "aligned with spaces"


@pytest.mark.parametrize("name", ["liaoting_culture_2023_html", "yujing_stats_2023_html"])
def test_a_row_of_table_4_opening_with_a_blank_cell_is_read(name: str) -> None:
    """四's row of values whose 结果维持 is blank (``⇥⇥⇥1⇥1⇥…``, fifteen fields): it was dropped
    with the empty paragraphs of page text (its first cell is empty), and table 四 said missing."""
    text = as_tab_text(source(name).read_bytes(), zero="")
    assert "\n\t\t\t1\t1\t" in text
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "review_litigation" and v}
    got = _cells(text)
    assert {k: got.get(k) for k in want} == want


def test_a_spreadsheet_s_padded_merged_label_is_not_taken_for_a_blank() -> None:
    """A spreadsheet copies a merged label with an empty field after it (``（一）予以公开\\t\\t9…``):
    rows so padded disagree with the others on their fields, and no row is laid out by them."""
    text = as_tab_text(source("chenghu_finance_2021_html").read_bytes(), zero="")
    padded = "\n".join(
        line.replace("（一）予以公开\t", "（一）予以公开\t\t").replace("（七）总计\t", "（七）总计\t\t")
        for line in text.split("\n")
    )
    want = expected_cells("chenghu_finance_2021_html")
    got = _cells(padded)
    assert all(v == want[k] for k, v in got.items() if v == v and v is not None)


_NOTED_LABELS = """某县文旅局2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容{s}本年新制作数量{s}本年新公开数量{s}对外公开总数量
规章{s}0{s}0{s}0
规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规程”等字样的公文，一般情况下属于规范性文件）{s}3{s}3{s}27
第二十条第（五）项
信息内容{s}上一年项目数量{s}本年增/减{s}处理决定数量
行政许可{s}6{s}2{s}41
其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、行政奖励、行政裁决、行政给付、行政检查和其他类，以及公共服务事项）{s}58{s}0{s}203
"""


@pytest.mark.parametrize("sep", ["\t", "  "])
def test_a_label_with_a_long_note_is_a_row(sep: str) -> None:
    """A row label that carries the template's guidance in brackets (long, with commas: a sentence by
    its look) on a line whose cells tabs or runs of spaces set apart is a row; before, the line was
    read as prose and its numbers lost, the row said missing."""
    report = zhgov_parse.parse(_NOTED_LABELS.format(s=sep))
    got = _cells(_NOTED_LABELS.format(s=sep))
    noted = {"normative_documents": [3, 3, 27], "other_services": [58, 0, 203]}
    columns = {"normative_documents": ("new_made", "new_published", "total_published")}
    for row, values in noted.items():
        names = columns.get(row, ("previous_count", "change", "decisions"))
        assert [got[("active_disclosure", row, c)] for c in names] == values
    missing = [f.row for f in report.finding_list if f.code == "missing_row"]
    assert not set(missing) & set(noted)


_SPARSE = """某街道2023年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
\t自然人\t法人或其他组织\t\t\t\t\t总计
一、本年新收政府信息公开申请数量\t{pad}4\t\t\t\t\t1\t5
二、上年结转政府信息公开申请数量\t{pad}\t\t\t\t\t\t0
三、本年度办理结果\t（一）予以公开\t{pad}3\t\t\t\t\t\t3
\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t{pad}\t\t\t\t\t1\t1
"""


def test_blank_cells_keep_their_columns_where_no_row_has_every_value() -> None:
    """Every row blank somewhere (a report that leaves blank what it did not count): no full row
    places the columns, so the fields are counted from the label, for rows whose last field holds
    总计 (as many fields as columns).  Before, every such row was NA; a label padded by a field (a
    spreadsheet's merged cell) puts 总计 a field further, and then no row is laid out."""
    got = _cells(_SPARSE.format(pad=""))
    row = [got[("application_handling", "new_received", c)] for c in ("natural_person", "other_org", "total")]
    assert row == [4, 1, 5]
    assert got[("application_handling", "carried_in", "total")] == 0
    assert got[("application_handling", "granted", "natural_person")] == 3
    assert got[("application_handling", "partially_granted", "other_org")] == 1
    assert got[("application_handling", "carried_in", "natural_person")] is None  # blank: NA
    padded = _cells(_SPARSE.format(pad="\t"))
    read = {k: v for k, v in padded.items() if k[0] == "application_handling" and v == v and v is not None}
    assert all(v == got[k] for k, v in read.items())


def test_a_number_split_by_a_space_in_its_field_is_one_value() -> None:
    """A Word page's digits in spans of their own, each cell's text joined with ``" "`` and the
    cells with tabs (``行政处罚\\t4\\t\\t2 7``): split at whitespace, the row read 4 | 2 | 7, its blank
    cell lost and 27 taken for two values. A field is one cell: 27 in 处理决定数量, or NA, said."""
    text = as_tab_text(source("tangchuan_commerce_2020_html").read_bytes())
    assert "\n行政处罚\t4\t+2\t27\n" in text
    report = zhgov_parse.parse(text.replace("\n行政处罚\t4\t+2\t27\n", "\n行政处罚\t4\t\t2 7\n"))
    got = {(c.row, c.column): c.value for c in report._cells if c.table == "active_disclosure"}
    assert got["penalty", "change"] is None
    assert got["penalty", "previous_count"] in (4, None) and got["penalty", "decisions"] in (27, None)
    if None in (got["penalty", "previous_count"], got["penalty", "decisions"]):
        assert "penalty" in {f.row for f in report.finding_list}


def test_a_value_line_after_a_row_whose_fields_are_all_there_is_none_of_its_cells() -> None:
    """A row whose tab fields reach its last column, blank ones included (``行政处罚 ⇥ 4 ⇥ ⇥ 27``),
    is whole: a value on a line after it (a page number, centred) is none of its cells. It had filled
    the row (4 | 27 | 5: two wrong cells, no finding); now it is no row's (``unmapped_values``)."""
    text = as_tab_text(source("tangchuan_commerce_2020_html").read_bytes())
    row = "\n行政处罚\t4\t+2\t27\n"
    assert row in text
    report = zhgov_parse.parse(text.replace(row, "\n行政处罚\t4\t\t27\n" + " " * 40 + "5\n"))
    got = {(c.row, c.column): c.value for c in report._cells if c.table == "active_disclosure"}
    assert got["penalty", "change"] is None
    assert got["penalty", "decisions"] in (27, None)
    assert 5 not in {got["penalty", c] for c in ("previous_count", "change", "decisions")}
    assert "unmapped_values" in {f.code for f in report.finding_list}


@pytest.mark.parametrize("sep", ["\t", "  "])
def test_a_header_line_with_unread_cells_keeps_their_places(sep: str) -> None:
    """A header of 二 whose cells are cut short (``信息内容 ⇥ 本年新 ⇥ 本年新 ⇥ 对外公开总数量``, the
    second line of each lost) reads as its pipe text does: its cells apart, the unread ones kept,
    so the rows below take the template's order, said (before, the line was one cell naming one
    column, and every row of three values NA; under 上一年 ⇥ 本年增/减 ⇥ 处理决定数量, a row of
    two values put its 上一年项目数量 under 本年增/减)."""
    name = "tangchuan_commerce_2020_html"
    page = source(name).read_text(encoding="utf-8")
    header = '<td>本年新制作数量</td><td colspan="2">本年新公开数量</td>'
    assert header in page
    page = page.replace(header, '<td>本年新</td><td colspan="2">本年新</td>')
    text = as_tab_text(page.encode()).replace("\t", sep)
    report = zhgov_parse.parse(text)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    want = expected_cells(name)
    rules = [k for k in want if k[1] in ("rules", "normative_documents")]
    assert {k: got[k] for k in rules} == {k: want[k] for k in rules}
    assert "columns_by_position" in {f.code for f in report.finding_list}


@pytest.mark.parametrize("pad", ["\t", ""])
def test_a_row_short_of_values_under_a_header_with_an_unread_cell(pad: str) -> None:
    """``信息内容 ⇥ 上一 ⇥ 本年增/减 ⇥ 处理决定数量`` over ``行政处罚 ⇥ 9 ⇥ ⇥ 15`` (a blank 本年增/减,
    whose field text split at whitespace does not keep): never 9 under 本年增/减 (the two cells the
    header names). Where the two lines agree on their fields (a full grid), each value in its
    field, in the template's order (the header reads too little to say another), the blank NA as
    in pipe text; where they disagree (the header padded by a tab) and no full row places the
    columns, the row is NA: counted from its label alone, a tab typed after it would move a value."""
    from conftest import FIXTURES

    text = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index("行政处罚 | 9 | |15 |")
    assert lines[at - 1] == "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |"
    lines[at - 1] = "信息内容\t上一\t本年增/减\t处理决定数量" + pad
    lines[at] = "行政处罚\t9\t\t15"
    report = zhgov_parse.parse("\n".join(lines))
    got = {c["column"]: c["value"] for c in report.to_dict()["cells"] if c["row"] == "penalty"}
    said = {f.code for f in report.finding_list if f.row == "penalty"}
    if pad:
        assert set(got.values()) == {None} and "row_length_mismatch" in said
    else:
        assert got == {"previous_count": 9, "change": None, "decisions": 15}
        assert {"missing_value", "columns_by_position"} <= said


def test_a_tab_typed_after_a_label_of_table_2_moves_no_value() -> None:
    """``行政事业性收费 ⇥ ⇥ 4`` (a tab too many after the label) alone in its small table under a
    header of its columns: no full row says where the columns are, and counted from the label the 4
    would be 本年增/减's; the row is NA, said (it read change = 4)."""
    text = (
        "某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n"
        "信息内容\t上一年项目数量\t本年增/减\t\n行政事业性收费\t\t4\t\t\n"
    )
    report = zhgov_parse.parse(text)
    got = {c["column"]: c["value"] for c in report.to_dict()["cells"] if c["row"] == "fees"}
    assert all(value is None for value in got.values())
    assert "row_length_mismatch" in {f.code for f in report.finding_list if f.row == "fees"}


def _pipe_as_tabs(name: str) -> str:
    """A pipe fixture with each ``|`` a tab (blank cells empty fields), as a spreadsheet copies rows."""
    from conftest import FIXTURES

    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return re.sub(r"[ \t]*\|[ \t]*", "\t", text)


def test_a_blank_cell_of_table_2_keeps_its_column() -> None:
    """``行政处罚 ⇥ 9 ⇥ ⇥ 15`` under a header of three columns and beside the full row ``行政强制 ⇥ 2
    ⇥ 0 ⇥ 4``: 9 and 15 in the fields they hold, 本年增/减 blank (before: NA, row_length_mismatch,
    and said missing_row as well, 'not found in the table'). The fixture pads each row of a table
    to as many cells as its others: every line of a table has as many fields, a full grid, read
    as the pipe text is (the same cells and findings: the blank cell NA, ``missing_value``)."""
    name = "qinghe_justice_2020_pipe"
    report = zhgov_parse.parse(_pipe_as_tabs(name))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(name)
    pipe = zhgov_parse.parse(source(name).read_text(encoding="utf-8"))
    assert _said(report) == _said(pipe)
    assert "missing_value" in {f.code for f in report.finding_list if f.row == "penalty"}


def _said(report: zhgov_parse.Report) -> list[tuple[str, str, str, str]]:
    return sorted((f.code, f.table or "", f.row or "", f.column or "") for f in report.finding_list)


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("行政处罚\t9\t15", "the last cell blank, or a tab lost before 15"),
        ("行政处罚\t9\t\t\t15", "a tab too many"),
    ],
)
def test_a_row_of_table_2_whose_fields_do_not_say_is_na_and_not_said_missing(row: str, why: str) -> None:
    text = _pipe_as_tabs("qinghe_justice_2020_pipe").replace("行政处罚\t9\t\t15\t", row)
    report = zhgov_parse.parse(text)
    got = {c["column"]: c["value"] for c in report.to_dict()["cells"] if c["row"] == "penalty"}
    assert set(got.values()) == {None}, why
    said = [f.code for f in report.finding_list if f.row == "penalty"]
    assert "row_length_mismatch" in said and "missing_row" not in said  # read, left NA: not missing


def test_a_row_of_table_3_that_does_not_add_up_is_the_report_s_as_in_pipe_text() -> None:
    """Tabs set a row's cells apart as pipes do: a row of 三 whose 总计 is not the sum of the others
    (weitang's 予以公开, 287 for 285) is the report's own, kept for the identities to report, as the
    pipe text's is (before: NA as PDF text's values out of order, and said missing_row too)."""
    name = "weitang_hrss_2024_pipe"
    report = zhgov_parse.parse(_pipe_as_tabs(name))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(name)
    codes = {(f.code, f.row) for f in report.finding_list}
    assert ("identity_broken", "granted") in codes and ("row_order_uncertain", "granted") not in codes


@pytest.mark.parametrize("name", HTML_FIXTURES)
def test_a_full_grid_s_blank_cells_keep_their_columns(name: str) -> None:
    """A table as a spreadsheet exports it (xlsx to tsv): every line of it as many fields, a merged
    label padded with empty fields (``一、本年新收…⇥⇥⇥16⇥10⇥13⇥⇥⇥⇥39``), zeros left blank, so that
    hardly a row has every value. Each value is in the column of the field it stands in, as pipe
    text with empty cells reads; a blank cell is NA. Before, the rows with a blank were NA
    (runon_unsolvable, row_length_mismatch): 53-91 cells a report."""
    want = expected_cells(name)
    got = _cells(as_tab_text(source(name).read_bytes(), zero="", grid=True))
    assert {k: got.get(k) for k, v in want.items() if v} == {k: v for k, v in want.items() if v}
    assert all(got.get(k) in (None, 0) for k, v in want.items() if v == 0)  # blank: NA (０ is kept)
    assert all(v is None or v == want.get(k) for k, v in got.items() if v == v and k in want)


_GRID_2 = """某区教育局2024年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项\t\t\t
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t\t2\t31
行政规范性文件\t6\t\t
第二十条第（五）项\t\t\t
信息内容\t本年处理决定数量\t\t
行政许可\t45\t\t
"""


def test_a_full_grid_s_trailing_blank_cells_are_cells() -> None:
    """``行政规范性文件 ⇥ 6 ⇥ ⇥`` under ``信息内容 ⇥ 本年制发件数 ⇥ 本年废止件数 ⇥ 现行有效件数``, every
    line of the table four fields: the empty fields at the end are its blank cells (before, a
    blank last cell and a lost tab left the same text: NA, row_length_mismatch)."""
    report = zhgov_parse.parse(_GRID_2)
    got = {(c.row, c.column): c.value for c in report._cells if c.table == "active_disclosure"}
    assert [got["rules", c] for c in ("issued", "repealed", "in_force")] == [None, 2, 31]
    assert [got["normative_documents", c] for c in ("issued", "repealed", "in_force")] == [6, None, None]
    assert got["licensing", "decisions"] == 45
    said = {(f.code, f.row) for f in report.finding_list}
    assert ("missing_value", "normative_documents") in said
    assert not {code for code, row in said if row in ("rules", "normative_documents", "licensing")} & {
        "row_length_mismatch",
        "missing_row",
    }


def test_a_tab_more_or_less_in_a_full_grid_never_moves_a_value() -> None:
    """A line of a full grid with a tab more or one less than the others (a field lost, a tab
    typed): the table's lines disagree, so it is read as before, by nothing but the identities;
    its rows are right or NA with a finding, never shifted."""
    name = "jianxi_medsecurity_2022_html"
    want = expected_cells(name)
    lines = as_tab_text(source(name).read_bytes(), zero="", grid=True).split("\n")
    rows = [i for i, line in enumerate(lines) if line.count("\t") == 9 and re.search(r"\t\d", line)]
    assert len(rows) >= 20
    rnd = random.Random(7)
    wrong, unsaid = [], []
    for i in rows:
        fields = lines[i].split("\t")
        at = rnd.randrange(1, len(fields) + 1)
        gone = rnd.choice([k for k, f in enumerate(fields) if not f and k])
        for changed in ([*fields[:at], "", *fields[at:]], fields[:gone] + fields[gone + 1 :]):
            report = zhgov_parse.parse("\n".join([*lines[:i], "\t".join(changed), *lines[i + 1 :]]))
            got = {(c.table, c.row, c.column): c.value for c in report._cells}
            wrong += [(i, k) for k, v in got.items() if v == v and v is not None and v != want.get(k)]
            said = {f.row for f in report.finding_list}
            unsaid += [(i, k) for k, v in got.items() if v is None and want.get(k) and k[1] not in said]
    assert wrong == []
    assert unsaid == []


def test_a_tab_field_s_digits_apart_by_a_space_are_one_value_where_blank_cells_are_placed() -> None:
    """Tab text whose fields disagree between rows (a Markdown table's lines, its rule ``---`` fields
    kept), 三's blank cells placed by the run-on solver, a field's digits apart by a space (``1 3``
    for 13, a Word page's digits in spans): the solver took them for two values, and read
    ``5.屬於三類內部事務信息`` 3 | 4 | 1 | blank | 2 | 3 | 13 with 23 for its 其他 (1 cell wrong, flagged
    only by identity_broken). The field is one cell: 13."""
    text = source("liuting_health_2022_md").read_text(encoding="utf-8")
    assert "| 2 | 3 | 13 |" in text
    text = "\n".join(
        "\t".join(c.strip() for c in line.strip().strip("|").split("|")) if "|" in line else line
        for line in text.replace("| 2 | 3 | 13 |", "| 2 | 3 | 1 3 |").split("\n")
    )
    want = expected_cells("liuting_health_2022_md")
    assert not {k: v for k, v in _cells(text).items() if v is not None and v != want.get(k)}


@pytest.mark.parametrize("rule", [True, False])
def test_markdown_as_tab_text_keeps_its_rows_apart(rule: bool) -> None:
    """Markdown turned into tab text (``规章\t\t\t``), its ``---\t---`` lines kept (table markup: the text's
    paragraphs wrapped over lines are joined), a page number between two rows of 二: 二's rows were
    joined as one paragraph, so 二 was lost and the page's ``3`` read as 行政事业性收费
    (``columns_by_position``). A line with a tab inside is a row: 二 is read, the 3 placed nowhere."""
    lines = []
    for line in (FIXTURES / "liuting_health_2022_md.md").read_text(encoding="utf-8").split("\n"):
        if line.startswith("|---") and not rule:
            continue
        if line.startswith("|"):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        lines += ["3", line] if line.startswith("信息內容\t本年處理決定數量") and "3" not in lines else [line]
    got = _cells("\n".join(lines))
    want = expected_cells("liuting_health_2022_md")
    keys = [k for k in want if k[0] == "active_disclosure"]
    assert {k: got.get(k) for k in keys} == {k: want[k] for k in keys}
