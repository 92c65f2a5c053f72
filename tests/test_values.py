"""Cell text → number, one rule at a time."""

from __future__ import annotations

import sys
import unicodedata

import pytest

import zhgov_parse
from zhgov_parse import values
from zhgov_parse.values import is_value_text, parse_value

NUMBERS = [
    ("0", 0),
    ("12", 12),
    (" 12 ", 12),
    ("１２", 12),  # full-width digits
    ("1,234", 1234),
    ("1，234", 1234),  # full-width comma (NFKC makes it ASCII)
    ("12.5", 12.5),
    ("4166.241619", 4166.241619),
    ("-2", -2),
    ("+3", 3),
    ("－2", -2),  # full-width minus sign
    ("\u22121", -1),  # a change (本年增/减) typeset with the minus sign
    ("\u20111", -1),  # … or with Word's non-breaking hyphen
    ("\u20131", -1),
    ("增加3", 3),  # … or in words
    ("减少2", -2),
    ("減1", -1),
    ("增 2", 2),
    ("1\u00ad2", 12),  # invisible characters: a soft hyphen (Word), joiners, direction marks
    ("1\u200d2", 12),
    ("\u202a12\u202c", 12),
    ("12\u200e", 12),
    ("\u20603", 3),
    ("3件", 3),
    ("251000元", 251000),
    ("42.6万元", 42.6),
    ("12.5万", 12.5),  # 万 alone: shorthand for 万元
    ("1.2亿元", 1.2),
    ("3（件）", 3),  # a unit in brackets
    ("12.5(万元)", 12.5),
    ("1 2", 12),  # a stray space inside a number
    ("零", 0),  # zero as a numeral
    ("〇", 0),
    ("12份", 12),  # documents counted in 份, cases in 起 or 例
    ("3起", 3),
    ("2例", 2),
    ("2笔", 2),  # procurements counted in 笔 (a 2020 report's 政府集中采购 2笔 984361元)
    ("3筆", 3),
    ("𝟒𝟏", 41),  # mathematical digits are digits (NFKC: 41), unlike the marks below
]
MISSING = [
    "",
    " ",
    "-",
    "—",
    "——",
    "－",
    "/",
    "无",
    "無",
    "不适用",
    "不適用",
    "\u3000",
    "∕",
    "⁄",
    "╱",
    "_",
    "＿",
    "__",
    "空",  # typed for a blank
    "空白",
    # what data tools print for an empty cell (pandas' to_string, to_markdown)
    "NaN",
    "nan",
    "None",
    "null",
    "N/A",
]
NOT_NUMBERS = ["见附件", "约20", "1/2", "12%x", "二十", "增加", "减少1.2.3", "--1"]


@pytest.mark.parametrize(("raw", "number"), NUMBERS)
def test_numbers(raw: str, number: float) -> None:
    value = parse_value(raw)
    assert value.number == number
    assert type(value.number) is type(number)
    assert value.raw == raw


@pytest.mark.parametrize("raw", MISSING)
def test_missing_markers_are_na_not_zero(raw: str) -> None:
    value = parse_value(raw)
    assert value.number is None
    assert value.problem == "missing"


@pytest.mark.parametrize("raw", NOT_NUMBERS)
def test_other_text_is_non_numeric(raw: str) -> None:
    assert parse_value(raw).problem == "non_numeric"


# A footnote mark after a number, which NFKC would make a digit of it (41① → 411): superscript,
# subscript, circled, parenthesized and dotted numerals, fractions, a digit with a comma. Such a
# cell is no number (its raw text kept), as 41* and 41（注） are none.
FOOTNOTED = ["41①", "41¹", "41²", "41₁", "41⑴", "41⒈", "41㈠", "1½", "4🄂000", "①", "¹", "⑳"]


@pytest.mark.parametrize("raw", FOOTNOTED)
def test_a_footnote_mark_is_no_digit_of_the_number(raw: str) -> None:
    value = parse_value(raw)
    assert (value.number, value.problem, value.raw) == (None, "non_numeric", raw)


def test_digit_marks_cover_every_character_nfkc_makes_digits_of() -> None:
    """Every character that NFKC turns into ASCII digits is a decimal digit itself (full-width,
    mathematical: read as the number) or one of ``values.DIGIT_MARKS`` (refused)."""
    missed = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if unicodedata.decomposition(c)
        and unicodedata.category(c) != "Nd"
        and any("0" <= d <= "9" for d in unicodedata.normalize("NFKC", c))
        and not values.DIGIT_MARKS.fullmatch(c)
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("raw", "mark"),
    [
        ("41①", "①"),
        ("4 1¹", "¹"),
        ("41*", "*"),
        ("41※", "※"),
        ("41[1]", "[1]"),
        ("41注1", "注1"),
        ("41（注）", "（注）"),
    ],
)
def test_a_number_with_a_footnote_mark_is_a_value_cell_holding_no_number(raw: str, mark: str) -> None:
    """Where a row's values end, a cell ``41*`` is one of them (NA), not the row's label."""
    value = parse_value(raw)
    assert (value.number, value.problem, value.mark) == (None, "non_numeric", mark)
    assert is_value_text(raw)


@pytest.mark.parametrize("raw", ["①", "⑴", "3.其他", "41(1)", "见附件"])
def test_a_mark_with_no_number_before_it_is_no_value_cell(raw: str) -> None:
    assert not is_value_text(raw)


@pytest.mark.parametrize("mark", ["①", "¹", "₁", "⑴"])
def test_a_footnote_mark_in_pipe_text_leaves_the_cell_na_with_a_finding(sample_text: str, mark: str) -> None:
    """``行政规范性文件 | 4 | 1 | 23① |``: 23① is no number (was 231), said so; the row's others are read."""
    text = sample_text.replace("行政规范性文件 | 4 | 1 | 23 |", f"行政规范性文件 | 4 | 1 | 23{mark} |")
    assert text != sample_text
    report = zhgov_parse.parse(text)
    row = report.cells.query("row == 'normative_documents'").set_index("column")
    assert row["value"].isna().tolist() == [False, False, True]
    assert row.loc["in_force", "raw"] == f"23{mark}"
    (finding,) = [f for f in report.finding_list if f.code == "non_numeric"]
    assert (finding.row, finding.column, finding.found) == ("normative_documents", "in_force", f"23{mark}")
    assert f"a footnote mark, {mark}, follows its number" in finding.message


INEXACT = [
    "约2",
    "約2",
    "近12",
    "12余",
    "12餘件",
    "12多",
    "12左右",
    "10-12",
    "10至12",
    "10～12",
    "12（含5件）",
]
INEXACT += ["12(含5件)", "12,5", "约1.5万元"]


@pytest.mark.parametrize("raw", INEXACT)
def test_an_estimate_a_range_or_a_note_is_a_value_cell_holding_no_number(raw: str) -> None:
    """``约2``, ``10-12``, ``12（含5件）`` stand where a row's values do: NA, but no label (as ``41*``)."""
    value = parse_value(raw)
    assert (value.number, value.problem, value.inexact) == (None, "non_numeric", True)
    assert is_value_text(raw)


@pytest.mark.parametrize("raw", [*INEXACT[:4], "10-12", "12（含5件）", "空"])
def test_an_inexact_cell_first_in_table_4_s_row_keeps_the_row(sample_text: str, raw: str) -> None:
    """Table 四's 15 values on a line of their own, the first ``约2``: it was read as the row's label,
    so the table was lost (missing_table); the cell is NA with a finding, the other 14 are read."""
    row = "2 | 1 | 0 | 1 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 1 | 0 | 1 |"
    assert sample_text.count(row) == 1
    report = zhgov_parse.parse(sample_text.replace(row, raw + row[1:]))
    cells = report.cells.query("table == 'review_litigation'")
    assert cells["value"].isna().sum() == 1
    assert cells.query("row == 'review' and column == 'corrected'")["value"].tolist() == [1]
    codes = {f.code for f in report.finding_list if f.table == "review_litigation" and f.column == "upheld"}
    assert codes == ({"missing_value"} if raw == "空" else {"non_numeric"})


@pytest.mark.parametrize("raw", ["--253", "- -253", "+-3", "−−5", "－－8"])
def test_a_number_after_two_signs_is_no_sure_number(raw: str) -> None:
    """``--253`` (a typo for -253, or a dash and 253?) is NA, but a value's cell, not a label."""
    value = parse_value(raw)
    assert (value.number, value.problem, value.raw) == (None, "non_numeric", raw)
    assert value.signs is not None and is_value_text(raw)


# A 2019-form table 二 of a real report (北京通州, 2019) whose 本年增/减 reads --253 (numbers invented).
ITEMS_2019 = """二、主动公开政府信息情况
第二十条第（五）项 |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 12 | +2 | 340 |
第二十条第（六）项 |
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政处罚 | 57 | --57 | 0 |
行政强制 | 3 | 1 | 6 |
"""


@pytest.mark.parametrize("one_cell_a_line", [False, True])
def test_a_cell_with_two_signs_is_na_and_its_row_keeps_its_other_values(one_cell_a_line: bool) -> None:
    """It was taken for a label: in pipe text 行政处罚 lost its three values (row_length_mismatch),
    one cell a line every row of the table (row_order_uncertain: "values before their labels")."""
    text = ITEMS_2019
    if one_cell_a_line:
        text = "\n".join(c.strip() for line in text.splitlines() for c in line.split("|") if c.strip())
    report = zhgov_parse.parse(text)
    table = report.table("active_disclosure")[["previous_count", "change", "decisions"]]
    assert table.loc["licensing"].tolist() == [12, 2, 340]
    assert table.loc["coercion"].tolist() == [3, 1, 6]
    assert table.loc["penalty"].isna().tolist() == [False, True, False]
    assert table.loc["penalty", ["previous_count", "decisions"]].tolist() == [57, 0]
    (finding,) = [f for f in report.finding_list if f.code == "non_numeric"]
    assert (finding.row, finding.column, finding.found) == ("penalty", "change", "--57")


# A 2019-form table 二 a page gives one cell a paragraph, blanks typed as underscores (深圳龙华, 2020;
# numbers invented).
UNDERSCORED_2019 = "\n\n".join(
    [
        *[
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容",
            "本年新\n制作数量",
            "本年新\n公开数量",
        ],
        *["对外公开总数量", "规章", "_", "_", "_", "规范性文件", "_", "4", "7"],
        *["第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        *["行政许可", "5", "＿", "31"],
    ]
)


def test_an_underscore_typed_for_a_blank_is_missing_and_its_row_keeps_its_values() -> None:
    """``_`` was taken for text: 规范性文件 had two values for three columns (row_length_mismatch), and
    the table gave no value."""
    report = zhgov_parse.parse(UNDERSCORED_2019)
    table = report.table("active_disclosure")
    assert table.loc[
        "normative_documents", ["new_made", "new_published", "total_published"]
    ].isna().tolist() == [
        True,
        False,
        False,
    ]
    assert table.loc["normative_documents", ["new_published", "total_published"]].tolist() == [4, 7]
    assert table.loc["licensing", ["previous_count", "decisions"]].tolist() == [5, 31]
    assert table.loc["rules"].isna().all()
    codes = {f.code for f in report.finding_list}
    assert "missing_value" in codes and not {"row_length_mismatch", "missing_table"} & {
        f.code for f in report.finding_list if f.table == "active_disclosure"
    }
