"""Where a table starts and ends in text, and what stands between and around tables: a page's
footer and header at a page break, notes, captions, tables the template has not."""

from __future__ import annotations

import re

import pytest

import zhgov_parse

from goldens import expected_cells, source


def _cells(report: zhgov_parse.Report) -> dict[tuple[str, str, str], object]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


def _one_cell_a_line(text: str) -> str:
    """Each table cell on a line of its own (``49 |``), empty cells dropped, as some scrapers leave
    tables."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            out += [f"{c.strip()} |" for c in line.split("|") if c.strip()]
        else:
            out.append(line)
    return "\n".join(out)


def _after_heading(text: str, heading: str, lines: list[str]) -> str:
    """``text`` with ``lines`` right after the line that opens with ``heading``."""
    at = re.search(rf"^{heading}.*\n", text, re.M)
    assert at is not None
    return text[: at.end()] + "".join(f"{line}\n" for line in lines) + text[at.end() :]


def _wrong(report: zhgov_parse.Report, name: str) -> dict:
    want = expected_cells(name)
    return {k: v for k, v in _cells(report).items() if v is not None and v != want.get(k)}


@pytest.mark.parametrize("footer", ["3 / 7", "3"])
def test_a_page_footer_between_a_part_heading_and_its_table_is_no_row(footer: str) -> None:
    """A page break right after 二's heading (the page's number, then its header: the report's
    title) in a table a cell a line: the footer's numbers are no row of 二 (they were taken for 规章's,
    whose cells are all marked missing, by its place before the first label)."""
    name = "qinghe_data_2022_pipe"
    text = _one_cell_a_line(source(name).read_text(encoding="utf-8"))
    title = "青禾市数据资源局2022年政府信息公开工作年度报告"
    report = zhgov_parse.parse(_after_heading(text, "二、", [footer, title]))
    assert _wrong(report, name) == {}
    found = " | ".join(footer.split())
    assert any(f.code == "unmapped_values" and f.found == found for f in report.finding_list)


def test_a_page_footer_before_table_three_s_header_leaves_its_rows_read() -> None:
    """A page's number before 三's header, a cell a line: values before the header made the table
    look like one listing values before their labels, and every row of it was left NA."""
    name = "heyu_ecology_2021_pipe"
    text = _one_cell_a_line(source(name).read_text(encoding="utf-8"))
    title = "鶴嶼市生態環境局2021年政府信息公開工作年度報告"
    report = zhgov_parse.parse(_after_heading(text, "三、", ["3 / 7", title]))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "application_handling"}
    assert {k: got.get(k) for k in want} == want


def test_a_row_marked_missing_keeps_its_cells_over_a_later_table_s_row_of_that_name() -> None:
    """A list of the year's documents by kind after 二 (序号 | 名称 | 数量), one named 行政许可 where
    二's 行政许可 is marked 不适用: the later row's number was taken for 二's (a row with numbers kept
    over one with none, for a header's wrapped line); a cell marked missing states it as a number does."""
    name = "qinghe_govoffice_2025_md"
    text = source(name).read_text(encoding="utf-8")
    extra = ["2025年主动公开信息分类统计", "", "| 序号 | 名称 | 数量（件） |", "|---|---|---|"]
    extra += ["| 1 | 规章 | 2 |", "| 2 | 行政规范性文件 | 5 |", "| 3 | 行政许可 | 17 |", ""]
    at = text.index("## 三、")
    report = zhgov_parse.parse(text[:at] + "\n".join(extra) + "\n" + text[at:])
    assert _wrong(report, name) == {}
    assert _cells(report)["active_disclosure", "licensing", "decisions"] is None
    assert any(f.code == "duplicate_row" and f.row == "licensing" for f in report.finding_list)


def _doubled(lines: list[str]) -> list[str]:
    """Table lines with each value doubled (another year's figures, which add up as the report's do)."""
    return [re.sub(r"(?<=\| )\d+(?= \|)", lambda m: str(int(m.group()) * 2), line) for line in lines]


@pytest.mark.parametrize("where", ["before", "after"])
def test_last_year_s_copy_of_table_three_under_its_caption_is_left_out(where: str) -> None:
    """Table 三 given twice in its part, once under ``附：2020年度…（对比）`` with last year's figures:
    before the report's own, each row's first occurrence (last year's) was read as the report's,
    every cell wrong; after it, as it stands first. The copy under that caption is left out."""
    name = "heyu_ecology_2021_pipe"
    lines = source(name).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if "勾稽關系" in line)
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公開"))
    copy = ["附：2020年度收到和處理政府信息公開申請情況（對比）", *_doubled(lines[start:end])]
    at = start if where == "before" else end
    report = zhgov_parse.parse("\n".join(lines[:at] + copy + lines[at:]))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "application_handling"}
    assert {k: got.get(k) for k in want} == want
    assert [f.code for f in report.finding_list].count("table_other_year") == 1


def test_last_year_s_copy_of_table_four_in_pdf_text_is_left_out() -> None:
    """四's header and row of values again after the report's own, in PDF text, under a caption naming
    last year (上年度): its row had been read as a group of the report's table."""
    name = "tongxi_agriculture_2021_text"
    lines = source(name).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    values = "      ".join("220040002210001")  # (复议后起诉 1 where the report's is 0)
    copy = ["上年度行政复议、行政诉讼情况", *lines[start : end - 1], values]
    report = zhgov_parse.parse("\n".join(lines[:end] + copy + lines[end:]))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "review_litigation"}
    assert {k: got.get(k) for k in want} == want


def test_an_attachment_s_table_four_after_part_six_is_left_out() -> None:
    """A sub-unit's table 四 in an attachment after part 六, in PDF text: its row of values was read
    as one of the report's groups (复议后起诉 1 where the report states 0)."""
    name = "tongxi_agriculture_2021_text"
    lines = source(name).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    values = "      ".join("220040002210001")
    annex = [
        "附件：区农业综合行政执法大队政府信息公开行政复议、行政诉讼情况",
        *lines[start : end - 1],
        values,
    ]
    report = zhgov_parse.parse("\n".join(lines + annex))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "review_litigation"}
    assert {k: got.get(k) for k in want} == want
    assert any(f.code == "table_annexed" for f in report.finding_list)


def test_a_list_of_documents_by_kind_before_table_two_leaves_its_rows_read() -> None:
    """A list before 二's table in its part (序号 | 名称 | 数量（件）, ``1 | 规章 | 2``): its rows name 二's
    规章 and 规范性文件 with one value, where 二's rows have three. The first occurrence was kept and
    left NA (a row short of its columns); the row whose values fill the columns is the table's."""
    name = "heyu_ecology_2021_pipe"
    text = source(name).read_text(encoding="utf-8")
    listed = [
        "2021年主動公開信息分類統計",
        "序號 | 名稱 | 數量（件） |",
        "1 | 規章 | 2 |",
        "2 | 行政規范性文件 | 5 |",
    ]
    report = zhgov_parse.parse(_after_heading(text, "二、", listed))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "active_disclosure"}
    assert {k: got.get(k) for k in want} == want


def test_table_four_given_twice_a_cell_a_line_a_blank_lost_takes_no_group_from_its_header() -> None:
    """A page that gives 四 twice, a cell a line (``行政复议 |`` / … / ``复议后起诉 |`` / ``结果维持 |``
    / … / ``总计 |`` / ``2 |`` / …), its row short of a blank cell: the second copy's header words
    were its values' label, 复议后起诉 among them, so its first five values were read as that group's
    (6 | 2 | 1 | 3 | 12, four cells wrong). Values under header words take no group from them."""
    text = source("weitang_hrss_2024_pipe").read_text(encoding="utf-8")
    row = "6 | 2 | 1 | 3 | 12 | 3 | 1 | 0 | 2 | 6 | 2 | 0 | 1 | 1 | 4 |"
    start, end = text.index("行政复议 | 行政诉讼"), text.index(row) + len(row)
    table = text[start:end].replace(row, row.replace("| 0 |", "|  |", 1))
    report = zhgov_parse.parse(_one_cell_a_line(text[:start] + table + "\n" + table + text[end:]))
    assert not _wrong(report, "weitang_hrss_2024_pipe")


def test_table_four_given_twice_a_cell_a_line_a_blank_lost_and_a_page_number_is_na() -> None:
    """A page that gives 四 twice a cell a line, its row short of a blank cell (``0 |  | 0 | 0 | 0``)
    and a page number (``7``) after the first copy's values: that copy read fifteen values, the
    number 复议后起诉's 总计 after its marks (``/ / / / 7``) and 直接起诉's 总计 the first ``/``
    (two cells wrong, no finding of their own). A group whose 总计 and outcomes are not marked alike
    says the values moved: the line is NA, said."""
    text = source("weitang_hrss_2024_pipe").read_text(encoding="utf-8")
    row = "6 | 2 | 1 | 3 | 12 | 3 | 1 | 0 | 2 | 6 | 2 | 0 | 1 | 1 | 4 |"
    start, end = text.index("行政复议 | 行政诉讼"), text.index(row) + len(row)
    table = text[start:end].replace(row, "6 | 2 | 1 | 3 | 12 | 0 |  | 0 | 0 | 0 | / | / | / | / | / |")
    report = zhgov_parse.parse(_one_cell_a_line(text[:start] + table + "\n7\n" + table + text[end:]))
    got = {k: v for k, v in _cells(report).items() if k[0] == "review_litigation"}
    assert all(v is None for v in got.values())  # (a table all NA is missing_table, its cells none)
    said = {f.row for f in report.finding_list if f.code == "row_order_uncertain"}
    assert {"review", "litigation_direct", "litigation_after_review"} <= said


def test_table_four_given_twice_in_pdf_text_is_read_from_one_copy() -> None:
    """PDF text giving 四 twice in its part (a page's two copies), its header over three lines: the
    second copy's line ``未经复议直接起诉  复议后起诉`` was its values' label, naming 复议后起诉 more
    closely than the first copy's row (no label), so that group was the second copy's (five cells of
    another copy's numbers, the other two groups the first's). A label naming several groups is a
    header's line: every group is the first copy's, duplicate_row for the second."""
    name = "yunqi_town_2024_text"
    lines = source(name).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    values = "      ".join("111142111511114")
    report = zhgov_parse.parse("\n".join([*lines[:end], "", *lines[start : end - 1], values, *lines[end:]]))
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "review_litigation"}
    assert {k: got.get(k) for k in want} == want
    assert any(f.code == "duplicate_row" for f in report.finding_list)


@pytest.mark.parametrize(
    "name", ["chenghu_finance_2021_html", "luwan_emergency_2024_html", "qinghe_data_2022_pipe"]
)
def test_a_sub_unit_s_table_three_in_its_part_after_the_report_s_own_is_left_out(name: str) -> None:
    """An attachment's copy of 三 in part 三, after the report's own, under its caption (``附表：区数据
    中心政府信息公开申请情况``; in luwan's page both split over two tables at a page break, the header
    repeated): left out, table_annexed. Before, the page's rows whose two copies differ were NA, as
    a page's desktop and mobile copies are (175 cells lost), and the text kept its first rows with
    duplicate_row (a row the report leaves blank would have taken the attachment's numbers)."""
    text = source(name).read_text(encoding="utf-8")
    start, end = text.index("三、收到和处理"), text.index("四、政府信息公开行政")
    own = text[start:end]
    if name.endswith("_html"):
        table = own[own.index("<table") : own.rindex("</table>") + len("</table>")]
        caption = "<p>附表：区数据中心政府信息公开申请情况</p>"
        end = text.rfind("<p", 0, end)
    else:
        table, caption = own[own.index("\n") + 1 :], "附表：区数据中心政府信息公开申请情况\n"
    other = re.sub(r"(?<=[ >])(\d+)(?= [|]|</td>)", lambda m: str(int(m[1]) + 2), table)
    report = zhgov_parse.parse(text[:end] + caption + other + text[end:])
    got = _cells(report)
    want = {k: v for k, v in expected_cells(name).items() if k[0] == "application_handling"}
    assert {k: got.get(k) for k in want} == want
    assert [f.code for f in report.finding_list].count("table_annexed") == 1


@pytest.mark.parametrize("bare", [False, True])
@pytest.mark.parametrize("before", ["行政许可", "行政处罚"])
def test_a_row_given_again_under_a_continuation_mark_moves_no_row(bare: bool, before: str) -> None:
    """二 a cell a line, a page's ``续表`` giving 规章's row again (``续表`` / ``规章`` / ``/`` / ``/`` /
    ``/``) before 行政许可 or 行政处罚: as many rows as free places, they were taken by position, the copy as
    行政处罚 and 行政处罚's 37 as 行政强制's (said only by rows_by_position). A label naming a row twice
    makes the count no proof: each row takes its label, the copy is unmapped_values."""
    name = "qinghe_data_2022_pipe"
    lines = _one_cell_a_line(source(name).read_text(encoding="utf-8")).split("\n")
    at = lines.index(f"{before} |")
    lines[at:at] = ["续表 |", "规章 |", "/ |", "/ |", "/ |"]
    if bare:
        lines = [line.removesuffix(" |") for line in lines]
    report = zhgov_parse.parse("\n".join(lines))
    assert not _wrong(report, name)
    assert _cells(report)[("active_disclosure", "penalty", "decisions")] == 37


@pytest.mark.parametrize("bare", [False, True])
@pytest.mark.parametrize(
    "copy",
    [
        ["续表", "信息内容", "本年处理决定数量"],
        ["续表", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["信息内容", "本年处理决定数量"],
    ],
)
def test_a_header_given_again_between_a_label_and_its_value_a_cell_a_line_moves_no_value(
    bare: bool, copy: list[str]
) -> None:
    """二 a cell a line, a page break between 行政处罚 and its 37, the page giving the small table's
    header again (or 二's first rows, under 续表): read as a header, it cut 行政处罚 from its value and
    the 37 after it was paired with the next label, 行政强制 (whose blank cell a line leaves out), as
    in PDF text with values before their labels (1 wrong cell, said only by missing_row penalty).
    The copy is left out: 37 is 行政处罚's."""
    name = "qinghe_data_2022_pipe"
    lines = _one_cell_a_line(source(name).read_text(encoding="utf-8")).split("\n")
    at = lines.index("行政处罚 |") + 1
    lines[at:at] = [f"{line} |" for line in copy]
    if bare:
        lines = [line.removesuffix(" |") for line in lines]
    report = zhgov_parse.parse("\n".join(lines))
    assert not _wrong(report, name)
    assert _cells(report)[("active_disclosure", "penalty", "decisions")] == 37


def test_a_page_number_before_table_two_s_first_label_a_cell_a_line_moves_no_row() -> None:
    """二 a cell a line, a page number after its first header and before its first label (``现行有效
    件数 |`` / ``3`` / ``规章 |`` / ``/ |`` …): the rows were taken by position one off their own
    labels, as if values came before them (行政许可's 1862 read as 行政处罚's, 行政处罚's 37 as 行政强制's:
    two cells wrong, said only by rows_by_position). Each label fills the columns it names, its place
    would not: the rows take their labels, the number is unmapped_values."""
    name = "qinghe_data_2022_pipe"
    lines = _one_cell_a_line(source(name).read_text(encoding="utf-8")).split("\n")
    lines.insert(lines.index("规章 |"), "3")
    report = zhgov_parse.parse("\n".join(lines))
    assert not _wrong(report, name)
    got = _cells(report)
    assert got[("active_disclosure", "penalty", "decisions")] == 37
    assert "unmapped_values" in {f.code for f in report.finding_list if f.table == "active_disclosure"}


def test_table_three_s_header_repeated_under_a_continuation_mark_a_cell_a_line_keeps_its_order() -> None:
    """三 a cell a line, its header's column lines given again under ``续表`` before its rows (a page
    break after the header, the page repeating it): the two namings read as one header line that
    names 总计 second (自然人 / 法人或其他组织 / 总计 / 商业企业 … twice, deduplicated), so every row's
    values went a column on (all of 三 wrong, said only as columns_reordered). The header given
    again, the same, is read once."""
    name = "qinghe_data_2022_pipe"
    text = source(name).read_text(encoding="utf-8")
    head = (
        "自然人 | 法人或其他组织 | 总计 | |||||||\n"
        "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n"
    )
    assert head in text
    report = zhgov_parse.parse(_one_cell_a_line(text.replace(head, head + "续表\n" + head)))
    assert not _wrong(report, name)
    assert "columns_reordered" not in {f.code for f in report.finding_list}


def _pdftotext_pages(lines: list[str], breaks: dict[str, int]) -> str:
    """``lines`` as pdftotext writes pages: before each line named in ``breaks`` a page ends with its
    number alone on a line, and a form feed opens the next page's first line."""
    out = []
    for line in lines:
        if line in breaks:
            out += [str(breaks[line]), "\f" + line]
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("bare", [False, True])
def test_a_page_number_before_a_form_feed_inside_a_row_is_no_cell(bare: bool) -> None:
    """pdftotext's text of 二 a cell a line, a page ending between 行政处罚 and its values with its
    number (``行政处罚`` / ``7`` / ``\\f9`` / ``15``, the row's 本年增/减 blank, lost a cell a line): 7 was
    read as 上一年项目数量 and 9 as 本年增/减 (2 wrong cells, no finding), the exact text of a row 7 | 9 |
    15. Where the pages' last lines are numbers that count on with the pages, they are page numbers,
    left out: the row is 9 | 15, short (NA, row_length_mismatch), as with no page break."""
    name = "qinghe_justice_2020_pipe"
    lines = _one_cell_a_line(source(name).read_text(encoding="utf-8")).split("\n")
    if bare:
        lines = [line.removesuffix(" |") for line in lines]
    first = "9" if bare else "9 |"
    at = lines.index("行政处罚" + ("" if bare else " |")) + 1
    assert lines[at] == first
    lines[at] = "(break)"
    text = _pdftotext_pages(
        lines, {"三、收到和处理政府信息公开申请情况": 8, "(break)": 7, "二、主动公开政府信息情况": 6}
    )
    report = zhgov_parse.parse(text.replace("(break)", first) + "\n9\n\f")
    assert not _wrong(report, name)
    assert "row_length_mismatch" in {f.code for f in report.finding_list if f.row == "penalty"}


def test_numbers_ending_pages_that_do_not_count_on_are_kept() -> None:
    """A page's last line that is a row's value (no page number printed) is no page number: numbers
    ending the pages that do not count on with them are read as before."""
    name = "qinghe_data_2022_pipe"
    lines = _one_cell_a_line(source(name).read_text(encoding="utf-8")).split("\n")
    text = "\n".join(lines)
    for label in ("行政许可 |\n1862 |\n", "行政处罚 |\n37 |\n"):
        assert label in text
        text = text.replace(label, label + "\f")
    report = zhgov_parse.parse(text)
    assert not _wrong(report, name)
    assert _cells(report)[("active_disclosure", "penalty", "decisions")] == 37
