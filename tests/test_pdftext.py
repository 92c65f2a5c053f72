"""The HTML fixtures printed to PDF and read back by pdftotext (see tests/data/pdftext/README.md):
no wrong number, and every cell left NA said in a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.labels import matcher

from goldens import FIXTURES, expected_cells

DATA = Path(__file__).resolve().parent / "data" / "pdftext"
REVIEW = "review_litigation"
OTHERS = (".soffice-", ".weasy-")  # printed by LibreOffice or WeasyPrint (see the README there)
NAMES = sorted({p.name.split(".")[0] for p in DATA.glob("*.txt") if not any(o in p.name for o in OTHERS)})
#: The HTML fixtures printed by LibreOffice instead (its table layout wraps other labels, and plain
#: pdftotext lists other cells out of order): the texts there are.
SOFFICE = sorted(p.name.split(".")[0] for p in DATA.glob("*.soffice-raw.txt"))


def _read(name: str, mode: str) -> tuple[zhgov_parse.Report, dict, dict]:
    report = zhgov_parse.parse((DATA / f"{name}.{mode}.txt").read_text(encoding="utf-8"))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    return report, got, expected_cells(name)


MODES = ["layout", "raw", "plumber", "plumber-layout", "pymupdf"]


def test_every_html_fixture_has_its_pdf_text() -> None:
    assert {n for n in NAMES if n.endswith("_html")} == {p.stem for p in FIXTURES.glob("*_html.html")}
    assert len(NAMES) == 14  # and four pipe/Markdown fixtures as plain HTML tables
    assert all((DATA / f"{n}.{m}.txt").exists() for n in NAMES for m in MODES)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", NAMES)
def test_pdf_text_gives_no_wrong_number(name: str, mode: str) -> None:
    """``pdftotext -layout`` puts a row's values on two lines where its cells sit at different
    heights (``一、本年新收… 38 8 4 7 3`` over ``3 63``): the lines are put together by where each
    value stands, not one after the other (which read 38, 8, 4, 7, 3, 3, 63 and added up).
    Plain ``pdftotext`` lists cells out of row order where labels wrap (``5.属于三类内部事务信息 1``
    then the rest a line each, a value before its label): there only the rows stated on one line
    are kept (values taken line after line went to the next row's label, and still added up)."""
    report, got, expected = _read(name, mode)
    wrong = {k: (v, got[k]) for k, v in expected.items() if v is not None and got.get(k) not in (None, v)}
    assert not wrong
    flagged = {(f.table, f.row) for f in report.finding_list} | {
        (f.table, None) for f in report.finding_list if f.code == "missing_table"
    }
    lost = [k for k, v in expected.items() if v is not None and got.get(k) is None]
    assert all((t, r) in flagged or (t, None) in flagged for t, r, _ in lost)


OTHER_PRINTERS = [
    tuple(p.name.split(".")[:2]) for p in sorted(DATA.glob("*.txt")) if any(o in p.name for o in OTHERS)
]


@pytest.mark.parametrize(("name", "mode"), OTHER_PRINTERS)
def test_pdf_text_of_another_printer_gives_no_wrong_number(name: str, mode: str) -> None:
    """LibreOffice's PDF of a page read by plain pdftotext lists two labels before their values
    (``1.信访举报投诉类申请`` / ``2.重复申请`` / 7 values / 7 values), wraps （二）'s label before its
    first value (``的，只计这一情形，不计其他 7``), interleaves rows' one-value lines (17 after a label),
    and 四's groups; pdfminer.six (``pdf2txt.py``) lists 二's labels and then its values column by
    column (``规章`` / ``规范性文件`` / 0 / 4 / 0 / 4 / 0 / 11), an amount before its count
    (``118.7`` / ``6``), and 四's whole header a cell a line before its values. Each gave wrong
    numbers, now NA with a finding where not read."""
    test_pdf_text_gives_no_wrong_number(name, mode)


def test_pdf_text_of_another_printer_is_read() -> None:
    total = found = 0
    for name in SOFFICE:
        for mode in ("soffice-raw", "soffice-layout"):
            _, got, expected = _read(name, mode)
            known = [k for k, v in expected.items() if v is not None]
            total += len(known)
            found += sum(got.get(k) == expected[k] for k in known)
    assert found / total >= 0.6  # layout 91%, raw 33%


@pytest.mark.parametrize(
    ("mode", "share"),
    [("layout", 0.83), ("raw", 0.35), ("plumber", 0.75), ("plumber-layout", 0.87), ("pymupdf", 0.92)],
)
def test_pdf_text_recovers_most_cells(mode: str, share: float) -> None:
    """Where a wrapped label's lines come before its values (``5.要求`` / ``行政机`` / ``关确认`` /
    ``或重新 4 0 1 0 1 0 6``), the label starts at the last line that starts an item: the lines
    before it (``大量反`` / ``复申请``) are the tail of the item above, whose values came earlier."""
    total = found = 0
    for name in NAMES:
        _, got, expected = _read(name, mode)
        known = [k for k, v in expected.items() if v is not None]
        total += len(known)
        found += sum(got.get(k) == expected[k] for k in known)
    assert found / total >= share


def test_plain_pdf_text_out_of_row_order_is_said() -> None:
    report, got, expected = _read("tangchuan_commerce_2020_html", "raw")
    uncertain = report.findings.query("code == 'row_order_uncertain'")
    assert len(uncertain) >= 5
    assert "active_disclosure" in set(uncertain["table"])
    # 二's last column, set apart after 三's heading (``4`` / ``38`` / ``处理决定数量`` / ``640`` …), is
    # 二's: under 三 it had made all of 三 out of row order (NA); now 三 is read in full.
    three = [k for k, v in expected.items() if k[0] == "application_handling" and v is not None]
    assert all(got[k] == expected[k] for k in three)
    _, got, expected = _read("yujing_stats_2023_html", "raw")  # cells in row order: all of 三 read
    three = [k for k, v in expected.items() if k[0] == "application_handling" and v is not None]
    assert all(got[k] == expected[k] for k in three)


@pytest.mark.parametrize(
    "name", ["chenghu_finance_2021_html", "luwan_emergency_2024_html", "liaoting_culture_2023_html"]
)
def test_plain_pdf_text_of_table_3_is_read_in_reading_order_where_every_identity_holds(name: str) -> None:
    """Plain pdftotext lists 三's cells out of row order around labels that wrap (``1`` / ``0`` /
    ``3`` / ``行政机关不再处理其政府信息公开 2 0 0 0``): read line by line, those rows were NA (0 of
    175 cells). Its 175 values in reading order, a row every seven, each row started at its label's
    line, are the table: every identity holds, and the labels named come in the template's order."""
    report, got, expected = _read(name, "raw")
    three = [k for k, v in expected.items() if k[0] == "application_handling"]
    assert all(got[k] == expected[k] for k in three)
    codes = [f.code for f in report.finding_list if f.table == "application_handling"]
    assert "values_in_reading_order" in codes and "row_order_uncertain" not in codes


def test_a_value_glued_to_its_row_s_label_is_split_off_where_its_line_then_holds_the_row() -> None:
    """PyMuPDF and pdfplumber join a label and the value beside it where the gap is narrow
    (``行政许可3``, ``行政事业性收费0``): split off, the row is read (it was missing). A line that
    would then hold part of its row (``行政规范性文件6`` / ``2`` / ``41``) is left as it was: such
    lines are what makes PDF text's rows uncertain. In table 三, a glued value is the first of its
    row (lanshi: ``…不明确3`` then its other values), where its short row is read as run-on text
    is (before, where the table was read in reading order)."""
    report, got, expected = _read("chenghu_finance_2021_html", "pymupdf")
    for row in ("licensing", "penalty", "coercion"):
        assert (
            got[("active_disclosure", row, "decisions")] == expected[("active_disclosure", row, "decisions")]
        )
    assert got[("active_disclosure", "fees", "fee_amount")] == 0
    assert got[("active_disclosure", "normative_documents", "issued")] is None
    repaired = [f for f in report.finding_list if f.code == "cell_repaired" and f.row == "fees"]
    assert repaired and repaired[0].found == "行政事业性收费0"
    report, got, expected = _read("lanshi_housing_2023_pipe", "pymupdf")
    assert "cell_repaired" in {f.code for f in report.finding_list if f.table == "application_handling"}
    assert all(got[k] == v for k, v in expected.items() if k[0] == "application_handling")


def test_a_value_glued_to_a_label_with_its_groups_is_split_off() -> None:
    """A row's label with its groups before it (``三、本年度办理结果 （三）不予公开 5.属于三类内部事务
    信息6``, ``行政诉讼 未经复议直接起诉0``) names its row as surely as the label alone, where the line
    holds all the row's values: the glued value is split off (the row was missing). A label ending in
    digits on a row short of values (``…不再处理11`` then ``1 0 1 0 0 13``) had lost them to its label:
    the short row, read as run-on text is, read 1 | 0 | 1 | 0 | 0 | 1 | 3 (13 split to add up); now
    the label's digits come first in its run."""
    text = (DATA / "lanshi_housing_2023_pipe.plumber.txt").read_text(encoding="utf-8")
    expected = expected_cells("lanshi_housing_2023_pipe")
    report = zhgov_parse.parse(text)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    direct = [k for k in expected if k[1] == "litigation_direct"]
    assert [got[k] for k in direct] == [expected[k] for k in direct]
    for old, new, row in (
        ("5.属于三类内部事务信息 6 3 0", "5.属于三类内部事务信息6 3 0", "withheld.internal_affairs"),
        ("不再处理 11 1 0", "不再处理11 1 0", "other.no_correction"),
    ):
        assert old in text
        report = zhgov_parse.parse(text.replace(old, new))
        got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
        cells = [k for k in expected if k[:2] == ("application_handling", row)]
        assert [got[k] for k in cells] == [expected[k] for k in cells], row
        assert "cell_repaired" in {f.code for f in report.finding_list if f.row == row}
    # a line that names a row somewhere among other text is no label with its groups
    from zhgov_parse.mapping import Record
    from zhgov_parse.repairs import glued_values_split

    line = "行政事业性收费0三、收到和处理政府信息公开申请情况申请人情况二、上年结转政府信息公开申请数量101"
    records, found = glued_values_split([Record([line], [], "line 1")], "active_disclosure", "2021")
    assert records[0].labels == [line] and not found
    # nor are the digits at the end of a label that holds another number (lines of several rows)
    from zhgov_parse.tables.applications import _glued_digits

    label = "2.申请人逾期未按收费通知要求缴纳费用、{}行政机关不再处理其政府信息公开申请{}"
    assert _glued_digits(label.format("", "11")) == "11 "
    assert _glued_digits(label.format("0000000", "3.其他5")) == ""


def test_a_line_of_table_4_one_of_whose_groups_is_set_aside_is_na_in_every_group() -> None:
    """Table 四's 15 values on one tab-separated line with its first two glued (``21`` of 2 | 1):
    行政复议's 21 0 1 4 1 and 直接起诉's 0 0 0 1 0 do not add up and were set aside, but 复议后起诉,
    shifted, kept 0 | 1 | 0 | 1 (its 总计 blank) of 0 | 0 | 1 | 0 | 1. The line's cells are not where
    they seem: every group of it is NA, said."""
    head = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\t\n"
        "结果 维持结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t复议后起诉\t\n"
        + "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t" * 2
        + "\n"
    )
    values = [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1]
    whole = zhgov_parse.parse(head + "\t".join(map(str, values)) + "\t\n")
    assert [c["value"] for c in whole.to_dict()["cells"] if c["table"] == "review_litigation"] == values
    glued = zhgov_parse.parse(head + "21\t" + "\t".join(map(str, values[2:])) + "\t\n")
    cells = glued.to_dict()["cells"]
    assert not [c for c in cells if c["table"] == "review_litigation" and c["value"] is not None]
    missing = [f.message for f in glued.finding_list if (f.code, f.table) == ("missing_table", REVIEW)]
    assert missing and "values were read but left NA" in missing[0]  # not "no values"
    aside = {f.row for f in glued.finding_list if f.code == "row_order_uncertain"}
    assert aside == {"review", "litigation_direct", "litigation_after_review"}


@pytest.mark.parametrize(
    ("name", "decisions"),
    [("chenghu_finance_2021_html", (3, 2, 0)), ("songlan_market_2023_html", (2417, 1876, 63))],
)
def test_one_value_rows_of_table_2_in_plain_pdf_text_pair_label_and_value(
    name: str, decisions: tuple
) -> None:
    """Plain pdftotext writes 二's one-value rows a label and a value a line, the value before its
    label (chenghu: ``3`` / ``行政许可``; ``2`` / ``行政处罚`` / ``0`` / ``行政强制``) or after it
    (songlan): where a small table's lines alternate so, each label takes the value beside it."""
    _, got, _ = _read(name, "raw")
    rows = ("licensing", "penalty", "coercion")
    assert tuple(got[("active_disclosure", row, "decisions")] for row in rows) == decisions


def test_one_value_rows_that_do_not_alternate_are_not_paired() -> None:
    """A value lost (``2`` / ``行政处罚`` / ``行政强制``): which row it is cannot be told; NA."""
    lines = _raw_lines("chenghu_finance_2021_html")
    at = lines.index("行政强制")
    assert lines[at - 1] == "0"
    report = zhgov_parse.parse("\n".join(lines[: at - 1] + lines[at:]))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got[("active_disclosure", "penalty", "decisions")] is None
    assert got[("active_disclosure", "coercion", "decisions")] is None
    assert got[("active_disclosure", "licensing", "decisions")] == 3


def _raw_lines(name: str) -> list[str]:
    return (DATA / f"{name}.raw.txt").read_text(encoding="utf-8").split("\n")


def test_table_3_is_not_read_in_reading_order_where_its_labels_move_or_an_identity_breaks() -> None:
    """Two rows listed in another order than the template's (their labels say so), or two values of
    a row swapped (the column identities break): the reading in order is not taken."""
    lines = _raw_lines("chenghu_finance_2021_html")
    at = lines.index("3.危及“三安全一稳定”")
    assert lines[at + 8] == "4.保护第三方合法权益"
    moved = lines[:at] + lines[at + 8 : at + 16] + lines[at : at + 8] + lines[at + 16 :]
    swapped = list(lines)
    swapped[at + 1], swapped[at + 2] = swapped[at + 2], swapped[at + 1]
    assert swapped[at + 1] != swapped[at + 2]
    for text in ("\n".join(moved), "\n".join(swapped)):
        report = zhgov_parse.parse(text)
        assert "values_in_reading_order" not in {f.code for f in report.finding_list}
    assert "values_in_reading_order" in {f.code for f in zhgov_parse.parse("\n".join(lines)).finding_list}


def test_blank_cells_of_layout_text_are_placed_by_where_the_values_stand() -> None:
    """Zhetang leaves many cells of 三 blank: a row of ``pdftotext -layout`` short of values has each
    put in the column it stands under (as the rows with all seven values place the columns),
    where that fits clearly best and the row adds up."""
    report, got, expected = _read("zhetang_town_2019_html", "layout")
    placed = report.findings.query("code == 'values_by_layout'")
    assert len(placed) >= 10
    three = [k for k, v in expected.items() if k[0] == "application_handling" and v is not None]
    assert sum(got.get(k) == expected[k] for k in three) >= 0.9 * len(three)


def test_an_item_head_wrapped_above_its_row_line_names_the_row() -> None:
    """Layout text puts the head of a wrapped item label on the line above its row, whose own label
    is the groups and the item's tail (``2.其他法律行政`` / ``三、本年度办理结果 （三）不予公开
    法规禁止公开 1 1 0 0 0 0 2``): head and tail together name the row."""
    _, got, expected = _read("qinghe_justice_2020_pipe", "layout")
    for row in ("withheld.prohibited_by_law", "withheld.internal_affairs", "unavailable.not_held"):
        cells = {k: v for k, v in expected.items() if k[:2] == ("application_handling", row)}
        assert all(got[k] == v for k, v in cells.items())


def test_a_row_read_in_order_from_a_line_that_names_another_row_is_refused() -> None:
    """A row's value line moved below the next row's (``握相关 10 1 2 0 2 1 16`` after ``息需要 5 3 0
    0 1 0 9``) trades the two rows' places in reading order, and every identity still holds: the
    reading is refused where a row would start on a line whose label is a piece of another row's."""
    lines = (DATA / "tianxi_water_2022_html.weasy-layout.txt").read_text(encoding="utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if "握相关" in line)
    j = next(k for k, line in enumerate(lines) if "息需要" in line)
    moved = [*lines[:i], *lines[i + 1 : j + 1], lines[i], *lines[j + 1 :]]
    report = zhgov_parse.parse("\n".join(moved))
    expected = expected_cells("tianxi_water_2022_html")
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert not [k for k, v in got.items() if v is not None and v == v and v != expected[k]]


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        ("chenghu_finance_2021_html.pymupdf", ("现行有效件数", "现行效件数")),
        (
            "tangchuan_commerce_2020_html.weasy-pymupdf",
            ("上一年项目数量本年增/减", "上一年项数目量本年增/减"),
        ),
        (  # 本年增/减 misspelt: 行政处罚's 4 | +2 | 27 had been read 4 | (none) | 2, the 27 dropped
            "tangchuan_commerce_2020_html.weasy-pymupdf",
            (
                "上一年项目数量本年增/减\n处理决定数量\n行政处罚",
                "上一年项目数量僂年增/减\n处理决定数量\n行政处罚",
            ),
        ),
    ],
)
def test_a_header_line_with_a_column_name_misspelt_does_not_set_its_rows_width(
    text: str, typo: tuple[str, str]
) -> None:
    """PDF text runs a header's cells together (``本年制发件数本年废止件数现行效件数``): with one name
    misspelt, the header named two of three columns, so a row with two values on lines of their own
    (``行政规范性文件6`` / ``2`` / ``41``: the 6 glued to its label) was read as those two columns, each
    value a column off. A header cell's words left over that name a column (数, 量, 额, 增, 减) now make the
    header unread: the row is read in the template's order, or NA."""
    source = (DATA / f"{text}.txt").read_text(encoding="utf-8")
    assert source.count(typo[0]) >= 1
    report = zhgov_parse.parse(source.replace(typo[0], typo[1], 1))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    expected = expected_cells(text.split(".")[0])
    wrong = {
        k: (v, got[k])
        for k, v in expected.items()
        if v is not None and got.get(k) is not None and got[k] == got[k] and got[k] != v
    }
    assert wrong == {}


def test_table_three_s_last_row_set_apart_after_table_four_s_heading_goes_back_to_three() -> None:
    """Plain pdftotext of liuting puts 三's last values (``40`` / ``7`` / ``4`` / ``0`` / ``1 52``)
    after 四's part heading, before 四's header: read as 四's, they made its values unplaceable (0 of
    15 cells). Values alone there, no more than a row's, before 四's header words, are 三's."""
    report, got, expected = _read("liuting_health_2022_md", "raw")
    four = [k for k, v in expected.items() if k[0] == "review_litigation" and v is not None]
    assert len(four) == 15 and all(got[k] == expected[k] for k in four)
    assert not [
        f for f in report.finding_list if f.table == "review_litigation" and f.code == "unmapped_values"
    ]


def _marked(name: str, mode: str, line: str, mark: str) -> tuple[zhgov_parse.Report, dict, dict]:
    """The PDF text with ``mark`` after the line that reads ``line``: its report, its cells and the
    fixture's, once no number read differs from the fixture's."""
    lines = (DATA / f"{name}.{mode}.txt").read_text(encoding="utf-8").split("\n")
    (at,) = [i for i, text in enumerate(lines) if " ".join(text.split()) == line]
    lines[at] = lines[at].rstrip() + mark
    report = zhgov_parse.parse("\n".join(lines))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    expected = expected_cells(name)
    assert {k: v for k, v in got.items() if v is not None and v != expected[k]} == {}
    return report, got, expected


@pytest.mark.parametrize("mark", ["①", "¹", "*", "注", "[1]"])
@pytest.mark.parametrize(
    ("name", "mode", "line", "row"),
    [
        ("chenghu_finance_2021_html", "soffice-plumber-layout", "2 0 0 0 1 0 3", "other.no_correction"),
        (
            "luwan_emergency_2024_html",
            "weasy-plumber",
            "予处理 4.无正当理由大量反复申请 4 0 0 0 0 0 4",
            "not_processed.excessive",
        ),
    ],
)
def test_a_footnote_mark_after_a_row_s_last_value_leaves_that_value_na(
    name: str, mode: str, line: str, row: str, mark: str
) -> None:
    """A row's line ending with a footnote mark on its 总计 (``… 0 3①``, ``… 0 3*``): the cell with the
    mark read as a label, so the line's values ended nowhere and the next row's were read as this
    row's (3 for 2 and 0 for 1: wrong numbers, said nowhere). Now that cell is NA with ``non_numeric``
    and the row's others are read."""
    report, got, expected = _marked(name, mode, line, mark)
    assert got[("application_handling", row, "total")] is None
    assert (
        got[("application_handling", row, "natural_person")]
        == expected[("application_handling", row, "natural_person")]
    )
    found = {(f.row, f.column) for f in report.finding_list if f.code == "non_numeric"}
    assert (row, "total") in found


@pytest.mark.parametrize("mark", ["①", "¹"])
@pytest.mark.parametrize(
    "line",
    ["8.属于行政查询事项 1 1 / — 0 2", "1.属于国家秘密 0 0 / — 0 0", "3.要求提供公开出版物 0 0 / 1 0 1"],
)
def test_a_row_that_lost_a_blank_is_not_solved_past_a_footnote_mark(line: str, mark: str) -> None:
    """Rows of 三 that lost their blank cells are read as run-on text is, their values NFKC'd: a
    footnote mark on one (``… 0 2①``) made 21 of its 总计 (and a blank 0). Now such a table's lost
    blanks are not placed: its short rows stay NA with row_length_mismatch, no number wrong."""
    report, _, _ = _marked("zhetang_town_2019_html", "weasy-plumber", line, mark)
    short = {f.row: f.found for f in report.finding_list if f.code == "row_length_mismatch"}
    assert any(found.endswith(mark) for found in short.values())


def test_pypdf_text_s_spaced_values_are_taken_in_reading_order() -> None:
    """pypdf's ``extract_text()`` puts two spaces between words and a wrapped label's tail before a
    row's first values (``信息  2  0`` / ``  0 `` / ``1  0  1`` / ``  4 ``): no layout, but the values'
    places were read as columns, putting the ``0`` of the second line before the ``2`` (0 | 2 for
    2 | 0: wrong, said nowhere). A table where a line of values alone starts at the margin is no
    layout: its rows' lines are taken in reading order."""
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            "一、本年新收政府信息公开申请数量  5  1",
            "  0 ",
            "1  0  1",
            "  8 ",
            "（四）无法提",
            "供",
            "1.本机关不掌握相关政府",
            "信息  2  0",
            "  0 ",
            "1  0  1",
            "  4 ",
        ]
    )
    got = {(c["row"], c["column"]): c["value"] for c in zhgov_parse.parse(text).to_dict()["cells"]}
    not_held = [got[("unavailable.not_held", c)] for c in ("natural_person", "commercial", "research")]
    assert not_held == [2, 0, 0]
    assert got[("new_received", "natural_person")] == 5


_THREE_HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    "| 一、本年新收政府信息公开申请数量 | 43 | 11 | 4 | 4 | 9 | 4 | 75 |",
]


@pytest.mark.parametrize(
    "row",
    [
        "| （二）部分公开 |  |  |  | 7 1 | 0 0 | 3 0 | 11 |",  # blank cells opening the row
        "| （二）部分公开 |  | 59 |  | 22 | 4 | 4 116 106 |  |",  # blank cells here and there
        "| （二）部分公开 | 7 | 1 | 0 | 0 | 3 | 0 0 | 11 |",  # 0 0: no number
    ],
)
def test_markitdown_s_cells_of_two_values_leave_their_row_na(row: str) -> None:
    """markitdown's tables of a PDF (pdfplumber's columns, not the table's) put two values in a cell
    and leave blank cells where a label's columns were split off (``果 |  |  |  | 7 1 | 0 0 | 3 0 |
    11``): each such cell was read as one number with a stray space (71, 0, 30: wrong, in 64 cells
    of the 14 fixtures' markitdown texts), as a row with no blank cell to take its numbers has it.
    Blank cells anywhere in the row, as many as the numbers beyond the first, or a cell whose first
    number is 0 (``0 0 1``, written so by no one as a number), now leave the row NA, said."""
    report = zhgov_parse.parse("\n".join([*_THREE_HEAD, row]))
    cells = [c["value"] for c in report.to_dict()["cells"] if c["row"] == "partially_granted"]
    assert cells == [None] * 7
    said = [f.message for f in report.finding_list if f.row == "partially_granted"]
    assert any("apart by a space" in m for m in said)
    new = [c["value"] for c in report.to_dict()["cells"] if c["row"] == "new_received"]
    assert new == [43, 11, 4, 4, 9, 4, 75]


def test_camelot_s_values_before_their_labels_are_not_taken_for_the_next_label_s() -> None:
    """camelot's CSV of a PDF table whose rules it missed holds the table's body in one quoted cell,
    a value a line, each row's values before its label (``"68`` / ``16`` / … / ``118`` / ``一、本年新收…``
    / ``12`` / …): the values after a label were read as its own, the next row's, adding up (31 wrong
    cells in two fixtures' camelot texts). A table a value a line that opens with values before any
    row's label now leaves the rows gathered after their labels NA, ``row_order_uncertain``."""
    first, second = ["9", "5", "2", "1", "3", "0", "20"], ["4", "0", "1", "0", "1", "0", "6"]
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
        *[f"| {v} |" for v in first],
        "| 一、本年新收政府信息公开申请数量 |",
        *[f"| {v} |" for v in second],
        "| 二、上年结转政府信息公开申请数量 |",
    ]
    report = zhgov_parse.parse("\n".join(lines))
    assert not [c for c in report.to_dict()["cells"] if c["value"] is not None]
    said = {f.row for f in report.finding_list if f.code == "row_order_uncertain"}
    assert "new_received" in said


_CAMELOT_STREAM_PIECES = """三、收到和处理政府信息公开申请情况
三、本,（一）予以公开,6,1,0,0,0,0,7
,8.属于行政查询事项,,,,,,,
,,2,0,0,0,0,0,2
,1.本机,,,,,,,
,关不掌,,,,,,,
,握相关,3,0,1,0,0,0,4
,政府信,,,,,,,
,息,,,,,,,
,2.没有,,,,,,,
（四）,,,,,,,,
,现成信,,,,,,,
无法提,,,,,,,,
,息需要,2,1,0,0,0,0,3
供,,,,,,,,
,另行制,,,,,,,
,作,,,,,,,
,3.补正后申请内容仍不明确,1,0,0,0,0,0,1"""


def test_camelot_s_label_piece_beside_values_names_the_row_whose_label_holds_it() -> None:
    """camelot's stream CSV of 三 cuts each label a few characters a line, the values beside a middle
    piece (``,息需要,2,1,…`` of 2.没有现成信息需要另行制作). Such a piece named no row (``unmapped_row``),
    and with an unlabeled line of values (a blank row's) in its stead, the rows between two labeled
    ones were as many as the free rows there and each took the next one's place (48 wrong cells in a
    fixture's camelot CSV). A piece of one row's label alone, three characters at least, now names
    that row, weakly: the rows go where their labels say, the line of values no row's is NA."""
    report = zhgov_parse.parse(_CAMELOT_STREAM_PIECES)
    got = {c["row"]: c["value"] for c in report.to_dict()["cells"] if c["column"] == "natural_person"}
    assert (got["unavailable.not_held"], got["unavailable.needs_creation"]) == (3, 2)
    assert got["withheld.administrative_query"] is None
    assert "unmapped_values" in {f.code for f in report.finding_list}


def _a_block_a_line(rows: list[tuple[str, list[int]]]) -> str:
    """Table 三 as pdfminer.six's text has it: each label and each cell a block of its own, a line
    apart from the next by a blank one."""
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
    lines += ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for label, values in rows:
        lines += [label, *map(str, values)]
    return "\n\n".join(lines)


def test_a_cell_a_block_text_whose_rows_mostly_do_not_add_up_reads_none_in_its_order() -> None:
    """pdfminer.six's text lists each cell of 三 a block, a row's in an order of its own: most rows
    gathered from their lines do not add up (``3 0 0 0 18 10 5``, NA), and some still do in another
    order than the columns' (``38 8 4 7 3 3 63`` for ``38 8 3 4 7 3 63``): 12 wrong cells in a
    fixture's pdfminer text. Where most rows gathered so do not add up in a text a value a line,
    every row gathered so is NA (``row_order_uncertain``), but one whose order cannot matter (all 0)."""
    text = _a_block_a_line(
        [
            ("一、本年新收政府信息公开申请数量", [20, 5, 4, 2, 3, 1, 35]),
            ("二、上年结转政府信息公开申请数量", [6, 0, 1, 0, 0, 2, 3]),
            ("三、本年度办理结果", []),
            ("（一）予以公开", [2, 0, 0, 0, 9, 7, 4]),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 0]),
            ("（三）不予公开", []),
            ("1.属于国家秘密", [0, 0, 0, 0, 0, 0, 0]),
        ]
    )
    report = zhgov_parse.parse(text)
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got["new_received", "total"] is None
    assert got["withheld.state_secret", "total"] == 0
    said = [
        f.message for f in report.finding_list if f.row == "new_received" and f.code == "row_order_uncertain"
    ]
    assert said and "most rows" in said[0]


_HEAD_ON_THE_VALUES_LINE = """三、收到和处理政府信息公开申请情况

| 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |
|:--|:--|--:|--:|--:|--:|--:|--:|--:|
| 三、本年度办理结果 | （一）予以公开 | 13 | 2 | 3 | 1 | 3 | 2 | 24 |
| （三） | 1.属于 | 2 | 0 | 0 | 0 | 1 | 0 | 3 |
| 不予公 | 国家秘 | | | | | | | |
| 开 | 密 | | | | | | | |
| | 2.其他 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
| | 法律行 | | | | | | | |
| | 政法规 | | | | | | | |
| | 禁止公 | | | | | | | |
| | 开 | | | | | | | |
| （六）其他处理 | 3.其他 | 7 | 2 | 1 | 0 | 1 | 0 | 11 |"""


@pytest.mark.parametrize("with_other", [True, False])
def test_an_item_s_head_that_reads_as_another_item_is_not_that_item(with_other: bool) -> None:
    """camelot's and tabula's Markdown of 三 put an item's head on its values' line and the rest of its
    label on lines after (``| | 2.其他 | 4 | 0 | …`` / ``| | 法律行 |`` / …): ``2.其他`` named 3.其他 (其他
    alone is its label), whose row took 2.其他法律行政法规禁止公开's values, the first of two rows so
    named kept (5 cells wrong in two fixtures' Markdown). A label whose item number is not the one
    the template gives the row it names (2, not 3) names no row now; where its place tells which
    row it is, it is placed there, else NA."""
    text = _HEAD_ON_THE_VALUES_LINE if with_other else _HEAD_ON_THE_VALUES_LINE.rsplit("\n", 1)[0]
    report = zhgov_parse.parse(text)
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert (got["other.other", "natural_person"], got["other.other", "total"]) == (
        (7, 11) if with_other else (None, None)
    )
    assert matcher("application_handling", "row")("2.其他").codes == ()


_DIGITS_ONE_OVER_ANOTHER = """三、收到和处理政府信息公开申请情况

| （五）不予处理 | 1.信访举报投诉类申请 | 13 4 | 2   | 4 1 24 |
| ------- | ----------- | ---- | --- | ------ |
|     | 3.其他 | 17 6 | 1 3 | 3 0 30 |
| --- | ---- | ---- | --- | ------ |
２ ５
|       |     | １１  | ３   | ３    |
| ----- | --- | --- | --- | ---- |
| （七）总计 |     | ５   | ２５  | ４６ １ |
|       |     | ４   | ５   | ７    |
５ ２

四、结转下年度继续
|     |     |     |     |     | 40 7 | 4   | 0 1 52 |
| --- | --- | --- | --- | --- | ---- | --- | ------ |
办理"""


def test_values_after_a_row_short_of_its_own_are_not_the_next_row_s() -> None:
    """markitdown's Markdown of a PDF table sets a cell's digits one over another over three lines
    (``| （七）总计 | | ５ | ２５ | ４６ １ |`` / ``| | | ４ | ５ | ７ |`` / ``５ ２``), 总计's row short of
    its values: the lines of values after it were a row of their own, placed by position as 四、结转
    下年度继续办理 (whose own line came after the table's end: 3 wrong cells in a fixture). Values
    alone right after a row short of its values may be that row's: NA, ``row_order_uncertain``."""
    report = zhgov_parse.parse(_DIGITS_ONE_OVER_ANOTHER)
    got = [c["value"] for c in report.to_dict()["cells"] if c["row"] == "carried_forward"]
    assert not [v for v in got if v is not None]
    assert any(
        "short of its values" in f.message for f in report.finding_list if f.code == "row_order_uncertain"
    )


_SECOND_LINE_UNDER_FILLED_CELLS = """三、收到和处理政府信息公开申请情况

|     |     |     |           |     |     |      |      |     |      |      |
| --- | --- | --- | --------- | --- | --- | ---- | ---- | --- | ---- | ---- |
|     |     |     |    1.信访举报投诉类申请 | 3 | 0 |  0  | 1    | 0   |  0   | 4    |
|     |     |     |    2.重复申请 |     |     |  3   | 0    | 0   |  0   | 0    |
|     |     |     |           |     |     |      |   1  |     |      |   4  |"""


def test_a_row_s_second_line_under_cells_it_filled_leaves_it_na() -> None:
    """markitdown's Markdown of a PDF table sets a cell's two values one over another: a row short of
    its values, blank cells before them, and a line of values alone under cells it filled
    (``| 2.重复申请 | | | 3 | 0 | 0 | 0 | 0 |`` / ``| | … | 1 | | | 4 |``). The row was read as its
    cells stand, its leading blanks the first columns: 3 wrong cells in a fixture's markitdown text.
    Which column each value is the lines do not tell: NA, ``row_length_mismatch``."""
    report = zhgov_parse.parse(_SECOND_LINE_UNDER_FILLED_CELLS)
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert not [v for (row, _), v in got.items() if row == "not_processed.duplicate" and v is not None]
    assert got["not_processed.complaint", "total"] == 4
    said = [f.message for f in report.finding_list if f.row == "not_processed.duplicate"]
    assert any("under cells the first filled" in m for m in said)


_VALUES_A_LINE_ABOVE = """三、收到和处理政府信息公开申请情况

| 三、本年度办理结果 | （一）予以公开 | 6 | 1 | 0 | 0 | 2 | 0 | 9 |
| | （二）部分公开（区分处理的，只计这一情 | 3 | 1 | 0 | 0 | 1 | 0 | 5 |
| | 形，不计其他情形） | | | | | | | |
| | （三）不 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | 1.属于国家秘密 | 2 | 0 | 0 | 0 | 1 | 0 | 3 |
| | 予公开 | | | | | | | |
| | 2.其他法律行政法规禁止公开 | | | | | | | |"""


def test_a_group_s_line_with_values_leaves_the_next_row_na() -> None:
    """camelot's Markdown of a PDF table may set 三's values a line above their labels: the group's
    label alone holds a row of values (``| （三）不 | 1 | 0 | … | 1 |``, 1.属于国家秘密's), and the next
    line, which names its row, the row after's (``| 1.属于国家秘密 | 2 | 0 | … | 3 |``, 2.其他…'s, whose
    label comes with none): 3 wrong cells in a fixture. A row right after a group's line of values,
    itself after a row with values, is NA (``row_order_uncertain``)."""
    report = zhgov_parse.parse(_VALUES_A_LINE_ABOVE)
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert not [v for (row, _), v in got.items() if row == "withheld.state_secret" and v is not None]
    assert got["partially_granted", "total"] == 5


_A_CELL_S_LINES_A_ROW_EACH = """三、收到和处理政府信息公开申请情况

| 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |
|:--|:--|:--|--:|--:|--:|--:|--:|--:|--:|
| | | 3.补正后申请内容仍不明确 | 3 | 1 | 0 | | | 0 | 5 |
| | | | | | 1 | | | | |
| | | | | | 0 | | | | |
| | （五）不 | 3 | | 0 | 5 | | | | |
| | 予处理 | 1.信访举报投诉类申请 | | | 0 | | | | |
| | | | | | 2 | | | | |
| | | | | | 0 | | | | |
| | | | | | 10 | | | | |"""


def test_a_row_s_one_number_among_a_cell_s_lines_is_na() -> None:
    """camelot's Markdown of a cell over lines writes a row for each line: a column of numbers down
    the rows (5 / 0 / 2 / 0 / 10: 1.信访举报投诉类申请's cell over five columns), one of them on the
    row its label names, its other cells blank (``| 1.信访举报投诉类申请 | | | 0 | | | | |``): the 0
    was read as its 科研机构 (it is 社会公益组织's; 1 wrong cell in a fixture). A row of 三 with one
    number, 总计 blank, in a column whose lines around it hold numbers too, is NA."""
    report = zhgov_parse.parse(_A_CELL_S_LINES_A_ROW_EACH)
    got = [c["value"] for c in report.to_dict()["cells"] if c["row"] == "not_processed.complaint"]
    assert not [v for v in got if v is not None]
    said = [f.message for f in report.finding_list if f.row == "not_processed.complaint"]
    assert any("its one number" in m for m in said)


def test_a_label_s_tail_over_a_page_break_does_not_name_the_next_row() -> None:
    """pdftotext -layout of a 三 whose row 5.要求行政机关确认… runs over a page break: its values on
    its first line, its label's tail (``或重新出具已获取信`` / ``息``) on lines of their own, then the
    next row's label line (``（六）其他处理``) and its values under a wrapped ``果``. The tail joined to
    the next label named row 5 again, which took （六）'s values. A label line that names a row
    exactly on its own starts afresh after lines that would make it name another."""
    lines = [
        "某县某局2019年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "                   自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "三、本年度办理结 （五）不予处理 5.要求行政机关确认 3 0    0   0   0   1   4",
        "果                  或重新出具已获取信",
        "\f                                          息",
        " 三、本年度办理结 （六）其他处理                         （六）其他处理",
        " 果                               5  2  0 1 0  2  10",
    ]
    report = zhgov_parse.parse("\n".join(lines))
    got = {c["row"]: c["value"] for c in report.to_dict()["cells"] if c["column"] == "total"}
    assert got.get("not_processed.confirmation") in (None, 4)
    assert got.get("other") in (None, 10)


def test_a_row_with_a_cell_over_two_columns_and_values_on_two_lines_is_na() -> None:
    """PyMuPDF's Markdown of a table whose grid it misread for a row (``to_markdown``): a cell over
    two columns, repeated in each, holds both columns' values run together (``219 | 219`` for 21 and
    9), beside cells narrower than their numbers (``5<br>0``). The repeated cells were read as 219
    twice. A row of 三 or 四 with a cell of values on two lines and a number repeated in the next
    cell is NA, said; a number repeated in a row with no such cell is two equal values."""
    rows = [
        "| 三、本年度办理结果 | （一）予以公开 | 5<br>0 | 219 | 219 | 7 | 13<br>1 | 13<br>1 | 1<br>2 |",
        "| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 25 | 17 | 1 | 4 | 4 | 5 | 56 |",
    ]
    report = zhgov_parse.parse("\n".join([*_THREE_HEAD, *rows]))
    cells = report.to_dict()["cells"]
    assert [c["value"] for c in cells if c["row"] == "granted"] == [None] * 7
    assert [c["value"] for c in cells if c["row"] == "partially_granted"] == [25, 17, 1, 4, 4, 5, 56]
    said = [f.message for f in report.finding_list if f.row == "granted" and f.code == "row_length_mismatch"]
    assert said and "two columns" in said[0]


def test_table_4_s_values_on_lines_of_their_own_under_a_markdown_header_that_do_not_add_up_are_na() -> None:
    """pymupdf4llm's Markdown of 四: the header a Markdown table, the values lines of their own below
    it in another order than the row's (its 1s last: ``0`` ×6 / ``0 0 0 0 0`` / ``1`` ×4 for
    1 0 0 0 1 | 0 1 0 0 1 | 0 0 0 0 0), read in reading order as 0 0 0 0 0 | 0 0 0 0 0 | 0 1 1 1 1
    (8 wrong cells). Values gathered from lines of their own that do not add up leave their group NA,
    and with it every group of their line of 15, as in PDF text split at spaces."""
    lines = [
        "四、政府信息公开行政复议、行政诉讼情况",
        "|行政复|行政诉|||||||||",
        "|---|---|---|---|---|---|---|---|---|---|",
        "|议|讼|||||||||",
        "|结果维|结果纠|其他结|尚未审|总|未经复议直接起|复议后起||||",
        "|持|正|果|结|计|诉|诉||||",
        "|结果维<br>持|结果纠<br>正|其他结<br>果|尚未审<br>结|总<br>计|结果维持|结果纠正|其他结<br>果|尚未审<br>结|总<br>计|",
        "",
        *[x for v in ["0"] * 6 + ["0 0 0 0 0"] + ["2"] * 4 for x in (v, "")],
    ]
    report = zhgov_parse.parse("\n".join(lines))
    assert not [c for c in report.to_dict()["cells"] if c["table"] == REVIEW and c["value"] is not None]
    said = {f.row for f in report.finding_list if f.code == "row_order_uncertain"}
    assert "litigation_after_review" in said
