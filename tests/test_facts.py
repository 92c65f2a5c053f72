"""Numbers the narrative states (facts): which table quantity each is read as, if any."""

from __future__ import annotations

import pytest

import zhgov_parse
from zhgov_parse import facts
from zhgov_parse.narrative import Section

from goldens import source


def _coded(sentence: str, year: int | None = 2023) -> dict[str, list[int | float]]:
    """The facts of one overview sentence that a table holds, by subject."""
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    out: dict[str, list[int | float]] = {}
    for fact in facts.extract([section], traditional=False, year=year):
        if fact.subject.isascii():
            out.setdefault(fact.subject, []).append(fact.value)
    return out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年因政府信息公开被申请行政复议2次。", {"reviews": [2]}),
        ("全年发生2起行政复议，1起行政诉讼。", {"reviews": [2], "lawsuits": [1]}),
        ("因政府信息公开工作被申请行政复议案件数为3件。", {"reviews": [3]}),
        ("全年办理5件行政复议案件，均已办结。", {"reviews": [5]}),
        ("全年行政复议5件行政诉讼3件。", {"reviews": [5], "lawsuits": [3]}),
        # the case named, but another thing counted
        ("组织学习政府信息公开行政复议和行政诉讼典型案例4次。", {}),
        ("开展行政复议应诉业务培训2次，参训60人次。", {}),
        ("组织4次行政复议培训。", {}),
        ("行政复议被纠错1件。", {}),
        # or counted in another unit: hearings attended, visitors
        ("组织干部旁听行政诉讼2场。", {}),
        ("接待行政复议60人次。", {}),
    ],
)
def test_a_case_count_is_the_number_the_case_noun_counts(sentence: str, expected: dict) -> None:
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年因政府信息公开引发的行政复议和行政诉讼共8件。", {}),
        ("行政复议、行政诉讼共8件。", {}),
        ("全年被申请行政复议和提起行政诉讼5件。", {}),
        ("行政复议、行政诉讼各1件。", {"reviews": [1], "lawsuits": [1]}),
        ("全年因政府信息公开被申请行政复议和提起行政诉讼各2件。", {"reviews": [2], "lawsuits": [2]}),
        ("全年行政复议和行政诉讼共8件，其中行政复议5件、行政诉讼3件。", {"reviews": [5], "lawsuits": [3]}),
        (
            "上年结转和结转下年度各2件。",
            {"applications_carried_in": [2], "applications_carried_forward": [2]},
        ),
        ("收到申请和咨询各5件。", {}),  # each, but not each a table quantity
        ("涉及行政复议、行政诉讼各1件。", {"reviews": [1], "lawsuits": [1]}),  # 涉及's 及 lists nothing
        # 均: each, with a unit or none (均为零)
        ("行政复议、行政诉讼均为0件。", {"reviews": [0], "lawsuits": [0]}),
        ("本年度行政复议、行政诉讼案件数量均为零。", {"reviews": [0], "lawsuits": [0]}),
        ("行政复议和行政诉讼案件数均为0。", {"reviews": [0], "lawsuits": [0]}),
        ("2022年行政复议、行政诉讼均为0件。", {}),
        ("行政复议、行政诉讼纠错率均为0。", {}),
        ("收到申请和咨询均为0件。", {}),
        ("行政复议以及行政诉讼各1件。", {"reviews": [1], "lawsuits": [1]}),
        # 均未发生, or a list's 案件为零 with no 均
        ("行政复议、行政诉讼均未发生。", {"reviews": [0], "lawsuits": [0]}),
        ("因政府信息公开被申请行政复议、提起行政诉讼案件为零。", {"reviews": [0], "lawsuits": [0]}),
        ("2022年行政复议、行政诉讼均未发生。", {}),
        ("收到申请和咨询均未发生变化。", {}),
        ("行政复议、行政诉讼纠错率为0。", {}),
    ],
)
def test_a_count_of_reviews_and_lawsuits_together_is_neither_but_each_is_each(
    sentence: str, expected: dict
) -> None:
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年收到政府信息公开申请256件。", [256]),
        ("全年共收到256件政府信息公开申请。", [256]),
        ("政府信息公开申请共受理256件。", [256]),
        ("全年收到政府信息公开申请的数量为256件。", [256]),
        ("2023年度我局共收到依申请信息公开26件。", [26]),
        ("全年共收到各类政府信息公开申请256件（不含重复申请12件）。", [256]),
        ("全年收到政府资讯公开申请12件。", [12]),  # 政府資訊公開申請, simplified
        ("本年度收到市民提出的政府信息公开申请256件。", [256]),
        # named with no verb, by who or when alone; 依申请公开件
        ("全年政府信息公开申请共256件。", [256]),
        ("依申请公开方面，本年度政府信息公开申请数量为256件。", [256]),
        ("我局全年依申请公开申请256件。", [256]),
        ("收到依申请公开件256件。", [256]),
        ("全年办结政府信息公开申请共256件。", None),
        ("其中政府信息公开申请共256件。", None),
        ("全年政府信息公开申请较上年增加12件。", None),
        ("2022年政府信息公开申请共221件。", None),
        # a kind of applications, or applications not counted
        ("收到重复申请23件。", None),
        ("受理房屋征收类申请140件。", None),
        ("收到申请后5个工作日内答复。", None),
        ("接到12件申请人来电。", None),
    ],
)
def test_applications_received_are_applications_of_no_particular_kind(
    sentence: str, expected: list | None
) -> None:
    assert _coded(sentence).get("applications_received") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2023年共收到依申请公开申请256件。", {"applications_received": [256]}),
        ("今年以来，共受理政府信息公开申请256件。", {"applications_received": [256]}),
        ("2023年以来共受理政府信息公开申请256件。", {"applications_received": [256]}),
        ("2022年收到申请221件，2023年收到申请256件。", {"applications_received": [256]}),
        ("根据《2022年政务公开工作要点》，全年收到申请256件。", {"applications_received": [256]}),
        (
            "全年收到政府信息公开申请104件，上年结转11件。",
            {"applications_received": [104], "applications_carried_in": [11]},
        ),
        ("2023年，未收到政府信息公开申请。", {"applications_received": [0]}),
        # another year, the year before, or since long ago
        ("2022年收到申请221件。", {}),
        ("2022年，全区收到政府信息公开申请221件。", {}),
        ("上年收到政府信息公开申请221件。", {}),
        ("去年同期受理申请221件。", {}),
        ("自《条例》施行以来累计办结依申请公开申请1200余件。", {}),
        ("自《条例》施行以来，累计办结依申请公开申请1200余件。", {}),
        ("2019年以来共办结政府信息公开申请900件。", {}),
        ("近三年来共收到申请800件。", {}),
        ("2022年未发生行政复议。", {}),
    ],
)
def test_a_count_of_another_year_is_not_this_years(sentence: str, expected: dict) -> None:
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "department", "government"),
    [
        (
            "2023年，全市各级行政机关共收到政府信息公开申请2560件，办结2500件。",
            {},
            {"applications_received": [2560]},
        ),
        ("全县未发生因政府信息公开引发的行政复议。", {}, {"reviews": [0]}),
        (  # the department's own count, in a clause naming it
            "全市共收到政府信息公开申请2560件，其中我局收到申请140件。",
            {"applications_received": [140]},
            {"applications_received": [2560]},  # (its part, the department's, is no total)
        ),
        (  # 全年, 全面: no area
            "全年共收到政府信息公开申请140件。",
            {"applications_received": [140]},
            {"applications_received": [140]},
        ),
    ],
)
def test_a_departments_report_quoting_its_areas_counts(
    sentence: str, department: dict, government: dict
) -> None:
    """A department's report quoting its area's counts (全市各级行政机关共收到申请2560件) stated no
    count of its own: they were coded as its applications received, and a false fact_mismatch
    compared them with its tables. An area's government's report (全县…) states its own so."""
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    for area, expected in ((False, department), (True, government)):
        out: dict[str, list[int | float]] = {}
        for fact in facts.extract([section], traditional=False, year=2023, area=area):
            if fact.subject.isascii():
                out.setdefault(fact.subject, []).append(fact.value)
        assert out == expected, area


def test_a_departments_report_is_told_from_its_governments_by_its_name() -> None:
    text = source("qinghe_data_2022_pipe").read_text(encoding="utf-8")
    at = text.index("一、总体情况") + len("一、总体情况") + 1
    quoted = "2022年，全市各级行政机关共收到政府信息公开申请2560件，全市未发生行政复议。\n"
    for agency, mismatches in (("青禾市数据资源局", 0), ("青禾市人民政府", 2)):
        report = zhgov_parse.parse((text[:at] + quoted + text[at:]).replace("青禾市数据资源局", agency))
        assert report.meta["agency"] == agency
        assert sum(f.code == "fact_mismatch" for f in report.finding_list) == mismatches


def test_applications_carried_in_and_forward_named_in_full() -> None:
    assert _coded("上年度结转政府信息公开申请9件，结转下年度继续办理的政府信息公开申请4件。") == {
        "applications_carried_in": [9],
        "applications_carried_forward": [4],
    }


def test_applications_carried_to_the_next_year_by_its_number() -> None:
    assert _coded("结转至2024年继续办理4件。") == {"applications_carried_forward": [4]}
    assert _coded("结转到2024年度4件。") == {"applications_carried_forward": [4]}
    assert _coded("另有4件申请结转至2024年。") == {"applications_carried_forward": [4]}
    assert _coded("结转至2024年继续办理4件。", year=2024) == {}
    assert _coded("另有4件申请结转至2025年。") == {}
    assert _coded("结转至2024年继续办理4件。", year=None) == {}  # which year is next is unknown


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年共收到政府信息公开申请256件，比上年增加35件。", {"applications_received": [256]}),
        ("全年收到政府信息公开申请256件，比上年收到的申请增加35件。", {"applications_received": [256]}),
        ("较上年同期多收到申请35件。", {}),
        ("同比多收到政府信息公开申请35件。", {}),
        ("全年收到政府信息公开申请256件，较2022年的221件有所增加。", {"applications_received": [256]}),
        # the year compared with is not the time of what follows
        (
            "全年收到政府信息公开申请256件，比上年增加35件，结转下年度继续办理4件。",
            {"applications_received": [256], "applications_carried_forward": [4]},
        ),
        ("与2022年相比，全年收到政府信息公开申请256件。", {"applications_received": [256]}),
    ],
)
def test_a_change_is_not_a_count(sentence: str, expected: dict) -> None:
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("月均收到政府信息公开申请22件，全年共收到申请265件。", {"applications_received": [265]}),
        ("全年共收到申请265件，平均每月收到申请22件。", {"applications_received": [265]}),
        ("日均受理政府信息公开申请3件。", {}),
    ],
)
def test_a_rate_is_not_a_count(sentence: str, expected: dict) -> None:
    """A count per month or day (月均, 平均每月) is not the year's total: read as one, it raised a
    false fact_mismatch against a right table."""
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "全年收到政府信息公开申请256件，其中通过网络平台收到申请201件、收到重复申请23件。",
            {"applications_received": [256]},
        ),
        ("全年共收到申请256件，其中收到政府信息公开申请201件。", {"applications_received": [256]}),
        ("通过信函方式收到申请55件。", {}),
        ("当面受理政府信息公开申请12件。", {}),
        # by channels not named so before (each read as the year's total)
        (
            "全年共收到政府信息公开申请256件，线上收到申请200件，线下收到申请56件。",
            {"applications_received": [256]},
        ),
        ("全年共收到政府信息公开申请256件，通过政务服务网收到申请200件。", {"applications_received": [256]}),
        ("通过12345热线转办收到政府信息公开申请20件。", {}),
        ("通过电话收到政府信息公开申请20件。", {}),
        # by one kind of applicant (公民: natural persons; 企业: commercial), not all
        ("收到企业提出的申请16件。", {}),
        ("收到公民提出的申请240件，法人或其他组织提出的申请16件。", {}),
        ("全年收到群众提出的政府信息公开申请256件。", {"applications_received": [256]}),
        # 各类申请: applications of every kind, disclosure ones among them
        ("全年共收到各类申请256件，其中政府信息公开申请100件。", {}),
        ("全年共收到各类政府信息公开申请256件。", {"applications_received": [256]}),
        # 其中 of the subject itself, or of another subject
        (
            "全年共收到申请265件，其中本年新收申请256件、上年结转9件。",
            {"applications_received": [265, 256], "applications_carried_in": [9]},
        ),
        (
            "全年收到政府信息公开申请256件，其中依申请公开信息处理费收取0元。",
            {"applications_received": [256], "processing_fee": [0]},
        ),
        ("全年行政复议和行政诉讼共8件，其中行政复议5件。", {"reviews": [5]}),
    ],
)
def test_a_part_of_the_applications_is_not_their_total(sentence: str, expected: dict) -> None:
    assert _coded(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年收取信息处理费0元，减免信息处理费300元。", {"processing_fee": [0]}),
        ("全年收取行政事业性收费12万元。", {"fee_amount": [12]}),
        ("本年度收取信息处理费共计人民币300元。", {"processing_fee": [300]}),
        ("收取人民币300元信息处理费。", {"processing_fee": [300]}),
        ("全年为企业减免行政事业性收费1200万元。", {}),
        ("免收信息处理费300元。", {}),
        ("依法免收300元信息处理费。", {}),
        ("退还信息处理费50元。", {}),
    ],
)
def test_money_waived_is_not_money_charged(sentence: str, expected: dict) -> None:
    assert _coded(sentence) == expected


def _lanshi_with(sentence: str) -> zhgov_parse.Report:
    """lanshi_housing_2023 (三: 256 new, 9 carried in, 261 answered; 四: 5 reviews, 3 lawsuits; 二:
    47.3 万元 fees) with its overview's sentence on applications followed by ``sentence``."""
    text = source("lanshi_housing_2023_pipe").read_text(encoding="utf-8")
    anchor = "全年共收到政府信息公开申请265件（含上年结转9件）；"
    assert anchor in text
    return zhgov_parse.parse(text.replace(anchor, anchor + sentence, 1))


@pytest.mark.parametrize(
    "sentence",
    [
        "比上年收到的申请增加35件，其中通过网络平台收到申请201件、收到重复申请23件。2022年收到申请221件。",
        "组织学习政府信息公开行政复议和行政诉讼典型案例4次，开展行政复议应诉业务培训2次。",
        "全年因政府信息公开引发的行政复议和行政诉讼共8件。",
        "全年为企业减免行政事业性收费1200万元。自《条例》施行以来累计办结依申请公开申请1200余件。",
    ],
)
def test_numbers_that_are_not_the_tables_raise_no_mismatch(sentence: str) -> None:
    report = _lanshi_with(sentence)
    assert [f.message for f in report.finding_list if f.code == "fact_mismatch"] == []
    subjects = report.facts["subject"].tolist()
    assert subjects.count("applications_received") == 1 and subjects.count("reviews") == 1


def test_a_count_the_tables_contradict_still_raises_a_mismatch() -> None:
    report = _lanshi_with("行政复议、行政诉讼各1件。")
    mismatches = [(f.expected, f.found) for f in report.finding_list if f.code == "fact_mismatch"]
    assert mismatches == [("5", "1"), ("3", "1")]


def test_the_reports_year_tells_this_years_counts() -> None:
    report = _lanshi_with("2023年新收政府信息公开申请256件，2022年收到221件，结转至2024年继续办理4件。")
    coded = report.facts[report.facts["subject"].str.fullmatch(r"[a-z_]+")]
    values = coded.groupby("subject")["value"].apply(list).to_dict()
    assert values["applications_received"] == [265, 256]
    assert values["applications_carried_forward"] == [4, 4]  # the fixture's own, then this one
    assert not [f for f in report.finding_list if f.code == "fact_mismatch"]


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度行政復議、行政訴訟案件數量均為零。",
        "行政復議、行政訴訟均未發生。",
        "行政復議、行政訴訟案件為零。",
    ],
)
def test_a_statement_of_none_for_each_is_read_in_traditional_script(sentence: str) -> None:
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    assert {(f.subject, f.value) for f in facts.extract([section], year=2023)} == {
        ("reviews", 0),
        ("lawsuits", 0),
    }


@pytest.mark.parametrize(
    ("sentence", "value"), [("本年度未收取資訊處理費。", 0), ("本年度共收取資訊處理費300元。", 300)]
)
def test_the_processing_fee_in_taiwan_s_words(sentence: str, value: int) -> None:
    """資訊處理費, as Taiwan's words (OpenCC's s2twp) write 信息处理费: the fee (before, no fact)."""
    section = Section(0, "other_matters", None, None, "paragraph", None, sentence, "p1")
    assert {(f.subject, f.value) for f in facts.extract([section], year=2023)} == {("processing_fee", value)}


@pytest.mark.parametrize("sentence", ["本年度无政府信息公开申请。", "全年没有收到政府信息公开申请。"])
def test_no_applications_is_a_statement_of_none(sentence: str) -> None:
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    assert {(f.subject, f.value) for f in facts.extract([section], traditional=False, year=2023)} == {
        ("applications_received", 0)
    }


@pytest.mark.parametrize(
    "sentence",
    ["平均答复时间为5至8个工作日。", "全年收到申请5到8件。", "办理时限为3-5个工作日。", "收到申请五至八件。"],
)
def test_a_range_states_no_number(sentence: str) -> None:
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    assert facts.extract([section], traditional=False, year=2023) == []


def test_numbers_pdf_text_wrote_with_radicals_are_read() -> None:
    """pdfplumber writes some characters as their Kangxi radicals (六⼗三件, ⼗ U+2F17 for 十): the
    count is read as 六十三 (before, no number, and the words around it gave false mismatches)."""
    from pathlib import Path

    import zhgov_parse

    path = Path(__file__).parent / "data" / "pdftext" / "congang_veterans_2020_html.plumber.txt"
    text = path.read_text(encoding="utf-8")
    assert "六\u2f17三件" in text
    report = zhgov_parse.parse(text)
    stated = {(f.subject, f.value) for f in report.facts.itertuples()}
    assert ("applications_received", 63) in stated
    assert "fact_mismatch" not in {f.code for f in report.finding_list}


def _stated(sentence: str) -> list[tuple[str, int | float, bool]]:
    section = Section(0, "overview", None, None, "paragraph", None, sentence, "p1")
    stated = facts.extract([section], traditional=False, year=2023)
    return [(f.subject, f.value, f.approximate) for f in stated]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a real Pingtan page's 汇聚数据8232万条 was the fact 0条 (万 read as a numeral alone)
        ("汇聚数据8232万条。", [("汇聚数据", 82320000, True)]),
        ("累计发布信息3万余条。", [("累计发布信息", 30000, True)]),
        # rounded to ten-thousands: never compared with a table's count
        ("全年收到政府信息公开申请1.2万件。", [("全年收到政府信息公开申请", 12000, True)]),
        ("收取费用1200万元。", [("收取费用", 1200, False)]),  # 万元 is the unit
        # no number said: 上万, 近万; a numeral after digits (2千条) is not read alone
        ("共收集网络信息上万条。", []),
        ("发布信息近万条，2千条为图片。", []),
    ],
)
def test_a_count_in_ten_thousands_is_its_value_never_zero(sentence: str, expected: list) -> None:
    assert _stated(sentence) == expected


@pytest.mark.parametrize("digits", [17, 5000])
def test_a_number_longer_than_any_count_is_no_fact(digits: int) -> None:
    """Prose stating a number of thousands of digits (past the 4,300 ``int`` converts) states no fact;
    before, it raised an internal error when the facts were asked for."""
    report = zhgov_parse.parse(f"一、总体情况\n全年共收到政府信息公开申请{'9' * digits}件。\n")
    assert report.facts.empty
    stated = zhgov_parse.parse("一、总体情况\n全年共收到政府信息公开申请12件。\n").facts
    assert stated["value"].tolist() == [12]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年共收到政府信息公开申请256件（上年236件），上年结转9件。", [256, 9, None]),
        ("全年共收到政府信息公开申请256件（2022年为236件），结转下年度继续办理4件。", [256, None, 4]),
        ("上年（2022年）收到政府信息公开申请236件。", [None, None, None]),  # outside it, 上年 still counts
        ("（2022年）收到政府信息公开申请236件。", [None, None, None]),  # a bracket opening the sentence
    ],
)
def test_a_bracketed_aside_s_year_is_its_own(sentence: str, expected: list) -> None:
    """Last year's count in brackets (（上年236件）) does not make the counts after the bracket last
    year's: the carried-in and carried-forward counts stated after it are read (before, lost)."""
    coded = _coded(sentence)
    codes = ("applications_received", "applications_carried_in", "applications_carried_forward")
    assert [coded.get(code, [None])[0] for code in codes] == expected


def test_a_year_of_the_republic_of_china_s_calendar_is_another_year() -> None:
    """民國111年 is 2022: a 2023 report's count for it is not this year's."""
    sentence = "民國111年收到政府資訊公開申請221件，民國112年收到申請256件。"
    assert _coded(facts.to_simplified(sentence)) == {"applications_received": [256]}


@pytest.mark.parametrize(
    "sentence",
    ["上年度结转的行政复议案件1件已审结。", "上年结转行政复议案件1件。", "结转下年度的行政诉讼1件。"],
)
def test_a_case_carried_over_is_not_one_of_the_year_s(sentence: str) -> None:
    """A review or lawsuit carried in from last year (or on to the next) is no count of the year's
    cases (before, reviews or lawsuits 1, checked against table 四's 总计)."""
    assert _coded(sentence) == {}


def test_a_year_in_full_width_digits_is_a_year() -> None:
    """２０２２年收到申请２２１件 in a 2023 report is 2022's count (before, this year's: a wrong
    applications_received fact); 结转至２０２４年 is this year's carried-forward count."""
    sentence = "２０２２年收到申请２２１件，２０２３年收到申请２５６件，结转至２０２４年继续办理４件。"
    assert _coded(sentence) == {"applications_received": [256], "applications_carried_forward": [4]}


def test_a_year_in_chinese_numerals_is_a_year() -> None:
    """二〇二二年收到申请221件 in a 2023 report is 2022's count (before, this year's)."""
    assert _coded("二〇二二年收到申请221件，二〇二三年收到申请256件。") == {"applications_received": [256]}
    assert _coded("二零二二年度收到申请221件。") == {}


def test_the_year_before_last_is_another_year() -> None:
    """前年收到申请200件 is not this year's count (before, it was); 当前年度 still is."""
    assert _coded("前年收到政府信息公开申请200件。") == {}
    assert _coded("当前年度收到政府信息公开申请256件。") == {"applications_received": [256]}


@pytest.mark.parametrize(
    "sentence",
    [
        "上半年收到政府信息公开申请100件，下半年收到申请156件。",
        "第一季度收到政府信息公开申请50件。",
        "截至11月底，共收到政府信息公开申请230件。",
        "2023年1-11月收到政府信息公开申请230件。",
    ],
)
def test_a_part_of_the_year_s_count_is_not_the_year_s(sentence: str) -> None:
    """A half's, a quarter's or the first eleven months' count is not the year's (before, each was
    applications_received, checked against the table's 本年新收)."""
    assert _coded(sentence) == {}


@pytest.mark.parametrize(
    "sentence", ["截至12月底，共收到政府信息公开申请256件。", "2023年1月至12月收到政府信息公开申请256件。"]
)
def test_a_whole_year_s_count_by_its_months_is_the_year_s(sentence: str) -> None:
    assert _coded(sentence) == {"applications_received": [256]}
