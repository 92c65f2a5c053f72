"""Tables as CSV: a scraper's ``pandas.read_html(page)`` saved with ``to_csv``, or a report's tables
exported from a spreadsheet. They are read as the same tables in pipe text are; prose with ASCII
commas stays prose."""

from __future__ import annotations

import csv
import io
import re
import warnings

import pandas as pd
import pytest

import zhgov_parse
from zhgov_parse.csv_rows import csv_as_pipes
from zhgov_parse.load import load

from conftest import FIXTURES


def _cells(report: zhgov_parse.Report) -> dict[tuple[str, str, str], object]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


@pytest.mark.parametrize("index", [False, True])
@pytest.mark.parametrize(
    "fixture",
    ["chenghu_finance_2021_html.html", "liaoting_culture_2023_html.html", "tianxi_water_2022_html.html"],
)
def test_pandas_read_html_saved_as_csv_reads_as_the_page(fixture: str, index: bool) -> None:
    """pandas numbers the columns of a table with no header (``0,1,2,3`` over each table) and, with
    its index, each row (``3,规章,0,0,0``); neither is a cell. Before, no cell was read."""
    page = load((FIXTURES / fixture).read_bytes()).text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = pd.read_html(io.StringIO(page))
    text = "\n".join(table.to_csv(index=index) for table in tables)
    assert _cells(zhgov_parse.parse(text)) == _cells(zhgov_parse.parse(page))


def _as_csv(text: str, delimiter: str = ",") -> str:
    lines = []
    for line in text.split("\n"):
        if "|" in line and not re.fullmatch(r"\s*\|?[-:| ]+\|?\s*", line):
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter).writerow(
                [c.strip() for c in line.strip().strip("|").split("|")]
            )
            lines.append(buffer.getvalue().rstrip("\r\n"))
        elif "|" not in line:
            lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(
    "fixture", ["heyu_ecology_2021_pipe.txt", "qinghe_data_2022_pipe.txt", "wuling_transport_2019_md.md"]
)
def test_pipe_tables_written_as_csv_read_the_same(fixture: str) -> None:
    """heyu writes its prose with ASCII commas (``2021年,我局…``): its sentences stay prose."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    written = _as_csv(text)
    assert "|" not in written and written.count(",") > 100
    got, expected = zhgov_parse.parse(written), zhgov_parse.parse(text)
    assert _cells(got) == _cells(expected)
    assert got.sections["text"].tolist() == expected.sections["text"].tolist()


@pytest.mark.parametrize("fixture", ["heyu_ecology_2021_pipe.txt", "lanshi_housing_2023_pipe.txt"])
def test_pipe_tables_written_as_csv_with_semicolons_read_the_same(fixture: str) -> None:
    """A spreadsheet's export with semicolons between fields (where the comma is a decimal point):
    no table was read (missing_table). heyu's prose has ASCII commas, no table's fields."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    written = _as_csv(text, ";")
    assert "|" not in written and written.count(";") > 100
    assert _cells(zhgov_parse.parse(written)) == _cells(zhgov_parse.parse(text))


def test_a_count_with_thousands_commas_between_semicolons_is_read() -> None:
    """Fields apart by semicolons, a count written with a thousands' separator (``行政许可;12,408;``,
    ``…申请数量;711;…;1,540;``): the line was not read, its row NA (missing_row), as the comma might be a
    decimal point (a European spreadsheet's 12.408). A count is whole: 12.408 is none, so a comma
    before each three digits of a count is a thousands' separator, and the row is read."""
    name = "weitang_hrss_2024_pipe"
    report = zhgov_parse.parse(_as_csv((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), ";"))
    got = _cells(report)
    from goldens import expected_cells

    want = expected_cells(name)
    assert got == want
    assert got[("active_disclosure", "licensing", "decisions")] == 12408
    assert got[("application_handling", "new_received", "total")] == 1540
    assert "missing_row" not in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    ("old", "new", "row"),
    [
        ("行政事业性收费 | 0 |", "行政事业性收费 | 1,250 |", "fees"),  # 1.250 万元 or 1250 万元
        ("行政许可 | 12,408 |", "行政许可 | 12,4 |", "licensing"),  # 12.4: no count, or a typo
    ],
)
def test_a_number_with_a_comma_between_semicolons_that_may_be_a_decimal_is_not_read(
    old: str, new: str, row: str
) -> None:
    """Fields apart by semicolons, a number whose comma may be a decimal point: in an amount
    (行政事业性收费's 万元, 1,250 is 1.25 or 1250) or before other than three digits (``12,4``). The
    line does not say which: its row is not read, said (missing_row); every other cell is."""
    name = "weitang_hrss_2024_pipe"
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    assert old in text
    report = zhgov_parse.parse(_as_csv(text.replace(old, new), ";"))
    got = _cells(report)
    from goldens import expected_cells

    want = expected_cells(name)
    assert all(got.get(k) in (None, v) for k, v in want.items())
    assert all(v is None for k, v in got.items() if k[1] == row)
    assert ("missing_row", row) in {(f.code, f.row) for f in report.finding_list}
    assert (
        got[("active_disclosure", "penalty", "decisions")]
        == want[("active_disclosure", "penalty", "decisions")]
    )


@pytest.mark.parametrize(("separator", "copies"), [(",", 2), (";", 3)])
def test_prose_with_separators_and_a_few_numbers_is_no_table(separator: str, copies: int) -> None:
    lines = [
        "2023年,我局共收到申请12件,办结11件,结转1件",
        "全年发布信息300条,其中政策文件20件,解读10篇",
        "培训2次,参训100人次,自查5次",
        "一是加强审核,二是完善制度,三是强化培训",
    ]
    prose = "\n".join([line.replace(",", separator) for line in lines] * copies)
    assert csv_as_pipes(prose, prose.split("\n")) is None


def test_text_with_thousands_separators_is_no_csv() -> None:
    """PDF text whose cells stand apart by spaces, its numbers written 28,000: cut at its commas it
    would give fields ``数量 28`` and ``000 16``, whose values would be read as numbers of their own."""
    text = (FIXTURES / "yunqi_town_2024_text.txt").read_text(encoding="utf-8")
    lines = []
    for line in text.split("\n"):
        if re.search(r"\s{2,}\d", line) and not re.search(r"[。，]|\d\.\d", line):
            line = re.sub(r"(?<=\s)(\d+)(?=\s|$)", lambda m: f"{int(m.group(1)) * 1000:,}", line)
        lines.append(line)
    thousands = "\n".join(lines)
    assert thousands.count(",") > 60
    assert csv_as_pipes(thousands, lines) is None
    report = zhgov_parse.parse(thousands)
    assert report.meta["source_format"] == "text"
    assert (
        report.table("application_handling").loc["new_received", "total"]
        == 1000 * zhgov_parse.parse(text).table("application_handling").loc["new_received", "total"]
    )


def test_run_on_text_with_thousands_separators_is_no_csv() -> None:
    """Page text a row a line, its labels and digits run together and its numbers written 1,234:
    cut at its commas, a label would take the digits run into it (``申请数量1``)."""
    rows = [
        "一、本年新收政府信息公开申请数量1,2345678901,31",
        "二、上年结转政府信息公开申请数量1,0000000001,000",
        "（一）予以公开1,2004000001,204",
        "（七）总计2,2105678902,235",
    ]
    assert csv_as_pipes("\n".join(rows * 4), rows * 4) is None


def test_a_number_s_point_or_sign_on_a_line_of_its_own_is_no_digit_lost() -> None:
    """PyMuPDF's table cells (``find_tables()`` saved with ``to_csv``) put a number's point or sign on
    a line after its digits, inside the quoted field (``"732`` / ``."`` for 73.2, ``"9`` / ``-"`` for
    -9): read line by line, the digits alone were the value (732) and the sign a cell of the row's
    own (the values after it moved). A sign goes back before the digits; a point, which may have
    stood between any two of them, leaves the cell NA, said."""
    text = "\n".join(
        [
            "某县某局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（五）项,,,",
            "信息内容,上一年项目数量,本年增/减,处理决定数量",
            '行政许可,31,"4',
            '-",275',
            "其他对外管理服务事项,12,+3,86",
            "第二十条第（九）项,,,",
            "信息内容,采购项目数量,采购总金额,",
            '政府集中采购,7,"518',
            '.",',
        ]
    )
    report = zhgov_parse.parse(text)
    got = _cells(report)
    assert [got["active_disclosure", "licensing", c] for c in ("previous_count", "change", "decisions")] == [
        31,
        -4,
        275,
    ]
    assert got["active_disclosure", "procurement", "procurement_amount"] is None
    said = [f for f in report.finding_list if f.row == "procurement" and f.code == "non_numeric"]
    assert said and "518." in said[0].message


_CAMELOT_LATTICE = """三、收到和处理政府信息公开申请情况
"（本列数据的勾稽关系为：第一项加第二项之和，
等于第三项加第四项之和）",,,申请人情况,,,,,,
一、本年新收政府信息公开申请数量,,,50,12,3,2,6,"4
77",
"三、本年度
办理结果",（一）予以公开,,30,5,2,1,4,"1
43",
,"（二）部分公开（区分处理的，只计
这一情形，不计其他情形）",,11,2,"0
0",,0,"2
15",
,"（三）不予公
开",1.属于国家秘密,3,0,1,0,0,0,4
,,"3.危及“三安全一稳
2
定”",,0,"1
0",,1,"0
4",
,,1.本机关不掌握相关政府信息,10,2,"1
0
1",,,2,16"""


def test_camelot_s_cells_over_several_lines_are_read_as_cells() -> None:
    """camelot's lattice CSV quotes a cell whose text runs over lines: a label (``"三、本年度`` /
    ``办理结果",``), a cell over two or three columns whose rule it missed, their numbers a line each
    and the cells after it blank (``4,"1`` / ``43",``), or a label's cell that took the row's first
    value (``"3.危及“三安全一稳`` / ``2`` / ``定”",,0``). Read line by line, such a cell's first number
    closed its row and the others made rows of their own: 10 wrong cells in a fixture's camelot CSV
    (予以公开's 总计 read 1). A quoted field over lines is now one cell; its numbers go into the blank
    cells after it where these are as many as they need."""
    got = _cells(zhgov_parse.parse(_CAMELOT_LATTICE))
    columns = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]
    columns.append("total")
    rows = {
        "new_received": [50, 12, 3, 2, 6, 4, 77],
        "granted": [30, 5, 2, 1, 4, 1, 43],
        "partially_granted": [11, 2, 0, 0, 0, 2, 15],
        "withheld.state_secret": [3, 0, 1, 0, 0, 0, 4],
        "withheld.security_stability": [2, 0, 1, 0, 1, 0, 4],
        "unavailable.not_held": [10, 2, 1, 0, 1, 2, 16],
    }
    assert {row: [got["application_handling", row, c] for c in columns] for row in rows} == rows


def test_two_cells_run_together_before_a_blank_total_leave_the_row_na() -> None:
    """PyMuPDF's cells of a PDF table (``find_tables()`` saved with ``to_csv``) may run two cells'
    values together, the row's 总计 a cell to the left and its own cell blank (``…,30,12,4,2,116,65,``:
    11 and 6, 65 the total): read as they stand, 116 and 65 were two columns' values (2 wrong cells in
    a fixture's text). Where the last number is the sum of the others with one of them cut in two,
    the row is NA, ``row_length_mismatch``."""
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            ",自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计",
            "一、本年新收政府信息公开申请数量,30,12,4,2,116,65,",
            "二、上年结转政府信息公开申请数量,1,0,0,1,0,1,3",
            "三、本年度办理结果（一）予以公开,5,1,0,0,1,0,7",
        ]
    )
    report = zhgov_parse.parse(text)
    got = _cells(report)
    assert got.get(("application_handling", "new_received", "legal_services")) is None
    assert got["application_handling", "carried_in", "total"] == 3
    said = [
        f.message for f in report.finding_list if f.row == "new_received" and f.code == "row_length_mismatch"
    ]
    assert said and "cut in two" in said[0]


def test_values_alone_at_a_table_s_start_are_not_its_first_row() -> None:
    """tabula's stream CSV of a PDF table may write a row over two lines, the first with two values
    in one cell (``一、本年新收…,38,8,,4  7,3,``: no CSV row, numbers apart by spaces) and the second
    values alone (``,,,3,,,63``), the table's first CSV row: placed by position as 一、本年新收…, its 3
    read as 社会公益组织's (it is 科研机构's). Values alone with blank cells opening a table may be the
    rest of a line before it: NA, ``row_order_uncertain``."""
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量,20,6,,4  7,3,",
            ",,,3,,,43",
            "二、上年结转政府信息公开申请数量,8,1,0,0,0,0,9",
            "三、本年度办理结果（一）予以公开,5,1,0,0,1,0,7",
        ]
    )
    report = zhgov_parse.parse(text)
    got = _cells(report)
    assert got.get(("application_handling", "new_received", "nonprofit")) is None
    assert got["application_handling", "carried_in", "total"] == 9


def test_a_number_in_a_row_s_first_cell_before_its_label_is_its_first_value() -> None:
    """camelot's stream CSV of 二 may set a cell over the label's column and the first value's, its
    lines the number and then the label (``"2`` / ``行政事业性收费",-1,``; the header's ``"信息内容`` /
    ``上一年项目数量",本年增/减,``). Read line by line, the row's values were ``-1`` and a blank,
    -1 its 上一年项目数量 (1 wrong cell in a fixture's camelot CSV). The number is the row's first
    value, a cell after the label."""
    text = "\n".join(
        [
            "二、主动公开政府信息情况",
            "第二十条第（一）项,,第二十条第（一）项 第二十条第（一）项 第二十条第（一）项,",
            "信息内容,本年新制作数量,本年新公开数量,对外公开总数量",
            "规章,0,0,0",
            "规范性文件,5,5,31",
            "第二十条第（五）项,第二十条第（五）项 第二十条第（五）项 第二十条第（五）项,",
            '"信息内容',
            '上一年项目数量",本年增/减,处理决定数量',
            '"8',
            '行政许可",+1,126',
            "第二十条第（八）项,第二十条第（八）项 第二十条第（八）项 第二十条第（八）项,",
            '"信息内容',
            '上一年项目数量",本年增/减,',
            '"2',
            '行政事业性收费",-1,',
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    assert [got["active_disclosure", "fees", c] for c in ("previous_count", "change")] == [2, -1]
    assert got["active_disclosure", "licensing", "decisions"] == 126
