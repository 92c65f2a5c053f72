"""Markup that converters write, read as the text reader reads pipe rows (zhgov_parse.markup and
zhgov_parse.read_mixed)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.boxes import box_tables
from zhgov_parse.column_order import (
    OUTCOME_WORDS,
    group_order,
    header_order,
)
from zhgov_parse.mapping import (
    fit,
    row_total_holds,
)
from zhgov_parse.markup import as_pipe_rows, paragraphs_joined
from zhgov_parse.meta import year_and_agency
from zhgov_parse.read_mixed import is_text_with_html
from zhgov_parse.read_text import read_text
from zhgov_parse.values import parse_value

from goldens import FIXTURES, expected_cells, expected_meta

DATA = Path(__file__).resolve().parent / "data" / "converters"


def _rows(text: str) -> list[tuple[str, ...]]:
    return [b.cells for b in read_text(text).blocks if b.kind == "row"]


def _cells(report: zhgov_parse.Report) -> dict:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


def test_simple_table_columns_are_cut_by_display_width() -> None:
    """A CJK character is two columns wide, as pandoc counts; a blank cell keeps its place."""
    text = "\n".join(
        [
            "  -------------------- -------------- -------------- ------------",
            "  信息内容             本年制发件数   本年废止件数   现行有效件数",
            "  规章                 ---            0              0",
            "  行政规范性文件       6                             41",
            "  -------------------- -------------- -------------- ------------",
        ]
    )
    assert _rows(text) == [
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "---", "0", "0"),
        ("行政规范性文件", "6", "", "41"),
    ]
    assert parse_value("---").problem == "missing"  # pandoc's Markdown for a dash (—)


def test_multiline_table_rows_are_between_empty_lines() -> None:
    text = "\n".join(
        [
            "---------------------------------------",
            "  信息内容         本年处理",
            "                   决定数量",
            "  ---------------- --------------------",
            "  行政许可         12",
            "",
            "  其他对外管理服   7",
            "  务事项",
            "---------------------------------------",
        ]
    )
    assert _rows(text) == [
        ("信息内容", "本年处理决定数量"),
        ("行政许可", "12"),
        ("其他对外管理服务事项", "7"),
    ]


def test_grid_table_cells_wrapped_inside_borders() -> None:
    text = "\n".join(
        [
            "+------------+--------+--------+",
            "| 信息内容   | 本年制 | 本年废 |",
            "|            | 发件数 | 止件数 |",
            "+============+========+========+",
            "| 行政规范性 | 5      | 1      |",
            "| 文件       |        |        |",
            "+------------+--------+--------+",
        ]
    )
    assert _rows(text) == [("信息内容", "本年制发件数", "本年废止件数"), ("行政规范性文件", "5", "1")]


def test_restructuredtext_simple_table() -> None:
    rule = "============ ======== ========"
    text = "\n".join([rule, "信息内容     本年制发 本年废止", rule, "规章         0        1", rule])
    assert _rows(text) == [("信息内容", "本年制发", "本年废止"), ("规章", "0", "1")]


def test_dashes_between_cells_of_a_line_a_cell_are_no_rule() -> None:
    """PyMuPDF's text of a printed Markdown separator row (``--- ---``) above a header one cell a
    line: the lines fit the first column, but none has a second: no table."""
    lines = ["--- ---", "自然", "人", "法人", "25", "5"]
    assert as_pipe_rows(lines) == lines


def test_mediawiki_row_separator_is_no_value_and_blank_cells_keep_their_place() -> None:
    """``|-`` read as a cell was the missing marker ``-``: the row's values shifted one column."""
    text = "\n".join(
        [
            "{|",
            '| colspan="3" | 二、上年结转政府信息公开申请数量',
            "| 2",
            "| 0",
            "|",
            "| /",
            "|-",
            "| 其他 || 1 || 2",
            "|}",
        ]
    )
    assert _rows(text) == [("二、上年结转政府信息公开申请数量", "2", "0", "", "/"), ("其他", "1", "2")]


def test_asciidoc_row_wrapped_over_lines() -> None:
    text = "\n".join(['[cols=",,,",]', "|===", "|规章 |0 |0", "|0", "|行政规范性文件 |5 |3 |22", "|==="])
    assert _rows(text) == [("规章", "0", "0", "0"), ("行政规范性文件", "5", "3", "22")]


def test_box_drawn_table_with_merged_cells() -> None:
    """A cell over two rows (its border only under the cells on its right), a header over two
    columns, a cell's text over two lines, and quotes two columns wide as w3m counts them in a
    CJK locale: its bars line up only so."""
    text = "\n".join(
        [
            "┌" + "─" * 12 + "┬" + "─" * 13 + "┐",
            "│" + " " * 12 + "│   申请人    │",
            "│（三）不予公├──────┬──────┤",
            "│开          │自然人│ 总计 │",
            "├" + "─" * 12 + "┼──────┼──────┤",
            "│3.危及“三安│  1   │  2   │",
            "│全一稳定”  │      │      │",
            "└" + "─" * 12 + "┴──────┴──────┘",
        ]
    )
    rows = _rows(text)
    assert rows[:2] == [("（三）不予公开", "申请人", "申请人"), ("（三）不予公开", "自然人", "总计")]
    assert rows[2] == ("3.危及“三安全一稳定”", "1", "2")


def test_dashes_that_are_cells_are_no_rule() -> None:
    """PDF text of a page that printed Markdown's separator row: ``---`` under labels wider than it
    are cells, not a table's rule (cutting there ran values together: 3301119)."""
    lines = [
        "第二十条第（一）项",
        " ---          ---      ---      ---",
        "规范性文件           5        5      31",
    ]
    assert as_pipe_rows(lines) == lines


def test_numbers_on_two_lines_of_one_cell_are_no_number() -> None:
    text = "\n".join(
        [
            "  ---------- ------",
            "  总计       3",
            "             30",
            "",
            "  其他       1",
            "  ---------- ------",
        ]
    )
    rows = _rows(text)
    assert rows[0] == ("总计", "3 ¦ 30")
    assert parse_value(rows[0][1]).number is None  # not 330


def test_a_row_with_blank_cells_at_both_ends_is_fitted_only_where_one_way_adds_up() -> None:
    values = ["", "10", "1", "", "0", "2", "1", ""]  # a blank label column, and 14 on a line below
    assert fit(values, 7, row_total_holds) == (None, None)
    assert fit(["", "10", "1", "0", "0", "2", "1", "14", ""], 7, row_total_holds)[0] == [
        *["10", "1", "0", "0", "2", "1", "14"]
    ]  # one way only
    one_way = fit(["", "3", "1", "", "0", "0", "4", ""], 7, row_total_holds)[0]  # only the right adds up
    assert one_way == ["", "3", "1", "", "0", "0", "4"]
    assert fit(["", "5", "3", "22", ""], 3, None)[0] == ["5", "3", "22"]  # one way only


def test_markdown_paragraphs_wrapped_over_lines_are_one() -> None:
    lines = [
        "白溪区教育局2019年政府信息公开",
        "工作年度报告",
        "",
        "一、总体情况",
        "2019年，我局坚持以公开为常态、不公开为例外，紧扣学前教育",
        "普惠等中心工作。",
        "一是加强培训。",
        "二是健全制度。",
        "行政许可 3",
        "规章",
        "0",
        "",
        "白溪区教育局",
        "2020年2月13日",
    ]
    assert [line for line in paragraphs_joined(lines) if line] == [
        "白溪区教育局2019年政府信息公开工作年度报告",
        "一、总体情况",  # a heading takes no line after it
        "2019年，我局坚持以公开为常态、不公开为例外，紧扣学前教育普惠等中心工作。",
        "一是加强培训。",
        "二是健全制度。",
        "行政许可 3",  # a row's label and value, and a cell a line, are no prose
        "规章",
        "0",
        "白溪区教育局",
        "2020年2月13日",  # a date under a signature
    ]


def test_text_whose_lines_are_its_paragraphs_is_not_joined() -> None:
    """Pipe text with no blank lines between paragraphs (as scrapers write it) keeps its lines."""
    text = (FIXTURES / "heyu_ecology_2021_pipe.txt").read_text(encoding="utf-8")
    assert read_text(text).blocks == read_text(text.replace("\n", "\n", 1)).blocks
    assert len([b for b in read_text(text).blocks if b.kind != "row"]) > 20


def _markdown_with_html(text: str) -> str:
    """A pipe fixture as ``pandoc -t gfm`` writes a Word page: a ``<div>`` around it, each line of
    text in a ``<span>`` whose tag wraps over two lines, 三 as an HTML ``<table>``."""
    out = ['<div class="WordSection1">', ""]
    table: list[str] = []
    for line in text.split("\n"):
        if table and "|" not in line:
            out += ["<table>", *table, "</table>", ""]
            table = []
        if "|" in line and ("申請人" in line or table or "本年新收" in line or "自然人" in line):
            cells = [c.strip() for c in line.strip().rstrip("|").split("|")]
            table.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        elif "|" in line:
            out.append(line)
        elif line.strip():
            out += [f'<span style="font-size:16.0pt"\nlang="ZH-CN">{line}</span>', ""]
    out.append("</div>")
    return "\n".join(out)


def test_markdown_carrying_html_gives_the_fixture_s_cells() -> None:
    """Read as an HTML page, its pipe rows were one paragraph: no table at all."""
    name = "heyu_ecology_2021_pipe"
    text = _markdown_with_html((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert "<table>" in text and is_text_with_html(text)
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "markdown"
    assert report.meta["year"] == 2021 and report.meta["agency"] == "鶴嶼市生態環境局"
    got = _cells(report)
    assert {k: got.get(k) for k in expected_cells(name)} == expected_cells(name)
    sources = set(report.cells["source"])
    assert any(s.startswith("table 1 row") for s in sources) and any(s.startswith("line") for s in sources)


def test_an_html_page_stays_html() -> None:
    page = (FIXTURES / "tianxi_water_2022_html.html").read_bytes().decode("gb18030")
    assert not is_text_with_html(page)  # many lines, few block tags outside its tables: still a page
    assert (
        zhgov_parse.parse((FIXTURES / "tianxi_water_2022_html.html").read_bytes()).meta["source_format"]
        == "html"
    )


def test_bold_headings_of_markdown() -> None:
    report = zhgov_parse.parse(
        "# 白溪区教育局2019年政府信息公开工作年度报告\n\n**一、总体情况**\n\n全年主动公开政府信息217条。\n"
    )
    assert list(report.sections["section"]) == ["preamble", "overview", "overview"]
    assert report.sections["text"].iloc[1] == "一、总体情况"


def test_the_title_among_links_to_other_reports() -> None:
    """A portal page's text lists other reports above the report's own title: the title whose year
    the statistics period states is the report's, else the one the report's body follows."""
    text = "\n".join(
        [
            "政府信息公开年报",
            "榆泾县统计局2022年政府信息公开工作年度报告",
            "榆泾县教育局2023年政府信息公开工作年度报告",
            "当前位置：首页 > 年报",
            "榆泾县统计局2023年政府信息公开工作年度报告",
            "本报告所列数据统计期限为2023年1月1日至2023年12月31日。",
        ]
    )
    assert year_and_agency(text) == (2023, "榆泾县统计局")  # the last title of that year before it
    without = text.replace("本报告所列数据统计期限为2023年1月1日至2023年12月31日。", "")
    assert year_and_agency(without + "一、总体情况") == (2023, "榆泾县统计局")  # the one the body follows
    assert year_and_agency(without) == (None, None)  # nothing tells: the first was another report's


def _page(text: str, style: str) -> str:
    lines = text.split("\n")
    body = {
        "p": "".join(f"<p>{line}</p>\n" for line in lines),
        "br": "<br>\n".join(lines),
        "pre": "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</pre>",
    }[style]
    return f"<html><head><title>t</title></head><body><div>{body}</div></body></html>"


@pytest.mark.parametrize("style", ["p", "br", "pre"])
@pytest.mark.parametrize("name", ["heyu_ecology_2021_pipe", "qinghe_justice_2020_pipe"])
def test_a_page_whose_tables_are_text(name: str, style: str) -> None:
    """A page with no <table> whose tables are pipe rows, a <p> or <br> line each, or in a <pre>:
    read as the text is (its rows were paragraphs of HTML: no cell at all)."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    report = zhgov_parse.parse(_page(text, style))
    assert report.meta["source_format"] == "pipe"
    assert _cells(report) == _cells(zhgov_parse.parse(text))
    assert {k: report.meta[k] for k in ("year", "agency")} == {
        k: expected_meta(name)[k] for k in ("year", "agency")
    }


def test_a_box_drawn_table_in_a_pre() -> None:
    dumped = gzip.decompress((DATA / "chenghu_finance_2021_html.w3m.txt.gz").read_bytes()).decode("utf-8")
    report = zhgov_parse.parse(_page(dumped, "pre"))
    want = expected_cells("chenghu_finance_2021_html")
    assert {k: _cells(report).get(k) for k in want} == want


def test_a_table_given_as_a_picture_in_markdown_is_said_so() -> None:
    text = "\n\n".join(
        [
            "# 某某县财政局2023年政府信息公开工作年度报告",
            "## 二、主动公开政府信息情况",
            "![表一](/uploads/table2.png)",
            "## 三、收到和处理政府信息公开申请情况",
            "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "## 四、政府信息公开行政复议、行政诉讼情况",
            "无图。",
        ]
    )
    missing = zhgov_parse.parse(text).findings.query("code == 'missing_table'").set_index("table")
    assert missing.loc["active_disclosure", "found"] == "/uploads/table2.png"
    assert "picture" not in missing.loc["review_litigation", "message"]


def test_grid_table_cells_with_line_blocks() -> None:
    """reStructuredText writes a cell's line breaks as line blocks (``| 结``): a bar that stands
    under no ``+`` of the border is text, not a column (columns cut there read the header of 四
    shifted, and two outcomes swapped in both litigation groups)."""
    text = "\n".join(
        [
            "+------+------+------+",
            "| | 结 | | 其 | 总   |",
            "| | 果 | | 他 | 计   |",
            "+======+======+======+",
            "| 1    | 0    | 1    |",
            "+------+------+------+",
        ]
    )
    assert _rows(text) == [("结果", "其他", "总计"), ("1", "0", "1")]


def test_a_header_run_together_tells_no_order() -> None:
    """Cells of a malformed table's header drawn run together (elinks, 013): the words come in
    mixed orders, so neither the groups' nor the outcomes' order is taken from them."""
    garbled = "其他结果尚未审结总计未经复议直接起诉复议后起诉其他结果尚未审结总计结果维持结果纠正"
    assert group_order(["行政复议 行政诉讼 " + garbled]) is None
    assert header_order(garbled + " 结果维持 结果纠正", OUTCOME_WORDS) is None
    twice = "结果纠正 结果维持 其他结果 尚未审结 总计 结果纠正 结果维持 其他结果 尚未审结 总计"
    assert header_order(twice, OUTCOME_WORDS) == [1, 0, 2, 3]  # the same order each time: taken
    assert group_order(["行政诉讼 行政复议", "未经复议直接起诉 复议后起诉 结果维持 结果纠正"]) == [
        "litigation_direct",
        "litigation_after_review",
        "review",
    ]


def test_group_names_copied_into_each_merged_column_tell_their_order() -> None:
    """pandas' to_markdown writes a merged cell's text into every column it spans: 四's header line
    names 复议后起诉 five times, then 未经复议直接起诉 five times.  The names stand in two blocks, so
    their order is told (it was taken for no order: 复议后起诉's values read as 直接起诉's)."""
    names = " | ".join(["复议后起诉"] * 5 + ["未经复议直接起诉"] * 5)
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "| " + " | ".join(["行政复议"] * 5 + ["行政诉讼"] * 10) + " |",
            "|" + "---|" * 15,
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | " + names + " |",
            "| " + " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + " |",
            "| 1 | 0 | 1 | 0 | 2 | 3 | 1 | 0 | 0 | 4 | 0 | 2 | 0 | 0 | 2 |",
        ]
    )
    report = zhgov_parse.parse(text)
    cells = _cells(report)
    assert cells[("review_litigation", "litigation_after_review", "upheld")] == 3
    assert cells[("review_litigation", "litigation_after_review", "total")] == 4
    assert cells[("review_litigation", "litigation_direct", "corrected")] == 2
    assert "columns_reordered" in {f.code for f in report.finding_list}
    assert group_order(["行政复议 复议后起诉 未经复议直接起诉 复议后起诉"]) is None  # alternating: no order


def test_a_ragged_box_table_is_left_as_text() -> None:
    """Lines of different widths (a dump narrower than its table, a malformed table drawn row by
    row): no rectangle can be trusted, so none is read as a cell."""
    lines = ["┌──────┬────┐", "│ 规章 │ 0  │", "│ 规范性文件 │ 1 │", "└──────┴────┘"]
    kept, inserts, _ = box_tables(lines)
    assert inserts == {} and kept == lines
    assert box_tables([lines[0], lines[1], lines[3]])[1]  # the same table, its lines even: read


#: Table 三's part heading and Markdown header as a converter of a sparse report's page writes
#: them: the header's cells under their grid columns, two columns beyond 总计.
_SPARSE_HEADER = [
    "三、收到和处理政府信息公开申请情况",
    "",
    "| （本列数据的勾稽关系为：第一项加第二项之和） | | | 申请人情况 | | | | | | |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    "| | 自然人 | 法人或其他组织 | | | | | 总计 | | |",
    "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | | |",
]


def test_a_column_of_blank_cells_between_values_is_no_spacer_column() -> None:
    """html-to-markdown 3.21 drops the cells a rowspan covers, so 三's header names its columns left
    of their values; a report that leaves every 法人 cell blank (025's) then has a column empty in
    every row between a row's 自然人 and 总计. Taken for a spacer and left out, each row's values
    slid one column: 26 read as 商业企业's and 自然人 blank. A column empty in every row among a
    table's values is read both ways; here only the reading with it fits the row under a three-cell
    label (seven values, not six), and it is the table's."""
    blanks = " |" * 5
    text = "\n".join(
        [
            *_SPARSE_HEADER,
            f"| 一、本年新收政府信息公开申请数量 | | | 17 |{blanks} 17 |",
            f"| 二、上年结转政府信息公开申请数量 | | | 2 |{blanks} 2 |",
            f"| 三、本年度办理结果 | （一）予以公开 | | 15 |{blanks} 15 |",
            f"| | （三）不予公开 | 1.属于国家秘密 | 1 |{blanks} 1 |",
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    rows = [("new_received", 17), ("carried_in", 2), ("granted", 15), ("withheld.state_secret", 1)]
    for row, value in rows:
        assert got["application_handling", row, "natural_person"] == value
        assert got["application_handling", row, "commercial"] is None
        assert got["application_handling", row, "total"] == value


def test_a_last_column_of_blank_cells_is_no_spacer_column() -> None:
    """The same header, in a report that leaves every 总计 blank: the last column, empty in every
    row, was left out as a spacer, and a row under a two-cell label (its third cell the label's
    blank) had seven cells again, read one column right: 7 as 商业企业's, 总计 0. Padding after a
    row's last column (nothing right of it in any row) is the mapping's to drop."""
    text = "\n".join(
        [
            *_SPARSE_HEADER,
            "| 一、本年新收政府信息公开申请数量 | | | 9 | 1 | 1 | 0 | 2 | 0 | |",
            "| 三、本年度办理结果 | （一）予以公开 | | 7 | 1 | 0 | 0 | 3 | 0 | |",
            "| | （三）不予公开 | 1.属于国家秘密 | 3 | 1 | 0 | 1 | 2 | 1 | |",
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    columns = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]
    rows = {
        "new_received": [9, 1, 1, 0, 2, 0],
        "granted": [7, 1, 0, 0, 3, 0],
        "withheld.state_secret": [3, 1, 0, 1, 2, 1],
    }
    for row, values in rows.items():
        read = [got["application_handling", row, c] for c in columns]
        assert all(v in (None, want) for v, want in zip(read, values, strict=True)), row  # never shifted
        assert got["application_handling", row, "total"] is None
    # the row under a three-cell label is its seven cells; the others, one blank too many at each
    # end, fit two ways, neither with a 总计 to tell them apart: NA
    assert [got["application_handling", "withheld.state_secret", c] for c in columns] == [3, 1, 0, 1, 2, 1]


@pytest.mark.parametrize(
    "cell",
    [
        "<td><del>7</del>9</td>",
        "<td><s>7</s>9</td>",
        '<td>9<span style="display:none">7</span></td>',
        '<td><input value="9" readonly></td>',
    ],
    ids=["deleted", "struck", "hidden", "text-box"],
)
def test_an_html_table_in_markdown_is_read_as_a_page_shows_it(cell: str) -> None:
    """A ``<table>`` that a Markdown text carries holds the text a page would show, as on a page:
    deleted, struck and hidden text left out, a text box's value read (before: 79, 97 and NA)."""
    name = "heyu_ecology_2021_pipe"
    text = _markdown_with_html((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert text.count("<td>(一)予以公開</td><td>9</td>") == 1
    text = text.replace("<td>(一)予以公開</td><td>9</td>", f"<td>(一)予以公開</td>{cell}")
    report = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "markdown"
    assert _cells(report)[("application_handling", "granted", "natural_person")] == 9


@pytest.mark.parametrize("cell", ["~~7~~41", "~~17~~ 41", "41~~7~~"])
def test_markdown_strikethrough_in_a_cell_is_no_part_of_its_number(cell: str) -> None:
    """A number struck out beside its correction, as converters write a page's <s>7</s>41 or
    <del>7</del>41 in Markdown (~~7~~41): 41, as the page itself gives, not 741 or NA."""
    md = (FIXTURES / "baixi_education_2019_md.md").read_text(encoding="utf-8")
    assert md.count("| 41 |") == 1
    report = zhgov_parse.parse(md.replace("| 41 |", f"| {cell} |"))
    assert report.table("application_handling").loc["total", "natural_person"] == 41
