"""Year and agency from a report's title, as agencies word and lay out their titles."""

from __future__ import annotations

import pytest

from zhgov_parse.meta import year_and_agency


@pytest.mark.parametrize(
    ("title", "year", "agency"),
    [
        ("青河市数据局2023年政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("2023年度青河市数据局政府信息公开工作年度报告", 2023, "青河市数据局"),  # the year first
        ("2023年青河县政府信息公开工作年度报告", 2023, "青河县"),
        ("青河市数据局关于2023年政府信息公开工作的年度报告", 2023, "青河市数据局"),
        ("关于印发青河市数据局2023年政府信息公开工作年度报告的通知", 2023, "青河市数据局"),
        ("青河市数据局二〇二三年政府信息公开工作年度报告", 2023, "青河市数据局"),  # year in numerals
        ("青河市数据局二零二三年度政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("2023年度青河市數據局政府信息公開工作年度報告", 2023, "青河市數據局"),
        ("2023年政府信息公开工作年度报告", 2023, None),  # no agency named: none guessed
        ("2023年我局政府信息公开工作运行良好，……", 2023, None),  # a sentence, not a title
        ("我局2023年政府信息公开工作年度报告", 2023, None),
        ("2023年度政务公开工作年度报告", 2023, None),
    ],
)
def test_title_variants(title: str, year: int, agency: str | None) -> None:
    assert year_and_agency(title + "\n一、总体情况\n2024年，我局将继续……") == (year, agency)


def test_year_from_the_statistics_period_when_there_is_no_title() -> None:
    text = "一、总体情况\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。2024年，我局将……2024年……"
    assert year_and_agency(text) == (2023, None)
