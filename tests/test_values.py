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
MISSING = ["", " ", "-", "—", "——", "－", "/", "无", "無", "不适用", "不適用", "\u3000", "∕", "⁄", "╱"]
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
