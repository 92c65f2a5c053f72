"""Cell text → number, one rule at a time."""

from __future__ import annotations

import pytest

from zhgov_parse.values import parse_value

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
