"""Labels as real reports write them, matched to schema codes."""

from __future__ import annotations

import pytest

from zhgov_parse.labels import key, matcher

# (table, axis, label as written, expected code), grouped by where the variant was seen.
TEMPLATE = [
    ("application_handling", "row", "一、本年新收政府信息公开申请数量", "new_received"),
    (
        "application_handling",
        "row",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "partially_granted",
    ),
    ("application_handling", "row", "3.危及“三安全一稳定”", "withheld.security_stability"),
    ("application_handling", "row", "（七）总计", "total"),
    ("application_handling", "row", "四、结转下年度继续办理", "carried_forward"),
    ("application_handling", "row", "3.其他", "other.other"),
    ("application_handling", "row", "（六）其他处理", "other"),
    ("review_litigation", "row", "未经复议直接起诉", "litigation_direct"),
    ("active_disclosure", "column", "本年收费金额（单位：万元）", "fee_amount"),
]
SEEN = [
    # the seed: Traditional, half-width brackets, spaces inside words
    (
        "application_handling",
        "row",
        "(二)部分公開(區分處理的,只計這一情形,不計其他情形)",
        "partially_granted",
    ),
    ("application_handling", "column", "商業 企業", "commercial"),
    ("application_handling", "row", "2.重復申請", "not_processed.duplicate"),
    # Taiwan vocabulary from converters
    ("active_disclosure", "row", "規範性檔案(行政機關制定發布的決定、公告)", "normative_documents"),
    ("active_disclosure", "row", "规范性文档", "normative_documents"),  # OpenCC tw2sp of 规范性文件
    ("review_litigation", "row", "覆議後起訴", "litigation_after_review"),
    # labels cut at a line or cell break (PDF text, Markdown converters)
    ("application_handling", "row", "2.其他法律行政法规禁", "withheld.prohibited_by_law"),
    ("application_handling", "row", "（三）不4.保护第三方合法权益", "withheld.third_party_rights"),
    ("application_handling", "row", "缴纳费用、行政机关不再处理其政", "other.unpaid_fee"),
    ("active_disclosure", "row", "规范性文件", "normative_documents"),
    # 2019 headers with filling instructions in brackets
    ("active_disclosure", "column", "本年增/減(指2020年增加或減少的事項數,減用負值表示,如-8)", "change"),
]

# the template's words replaced by their synonyms
WORDING = [
    ("application_handling", "row", "（七）合计", "total"),
    ("application_handling", "column", "合计", "total"),
    ("review_litigation", "column", "合計", "total"),
    # 其它 for 其他 (one word, two ways to write it): the rows were unmapped_row, their cells NA
    ("application_handling", "row", "3.其它", "other.other"),
    ("application_handling", "row", "（六）其它处理", "other"),
    ("application_handling", "row", "2.其它法律行政法规禁止公开", "withheld.prohibited_by_law"),
    ("application_handling", "column", "其它", "other_org"),
    # 三安全一稳定 spelt out as 条例 第十四条 words it (the row was unmapped_row, its cells NA)
    (
        "application_handling",
        "row",
        "3.危及国家安全、公共安全、经济安全和社会稳定",
        "withheld.security_stability",
    ),
    (
        "application_handling",
        "row",
        "3.危及国家安全、公共安全、经济安全、社会稳定",
        "withheld.security_stability",
    ),
]


# a footnote mark after the label, or before its bracketed note (NFKC made ① and ¹ digits: 总计1)
FOOTNOTED = [
    ("application_handling", "row", f"（七）总计{mark}", "total")
    for mark in [
        "①",
        "⑳",
        "¹",
        "²³",
        "₁",
        "*",
        "※",
        "＊",
        "[1]",
        "［２］",
        "【1】",
        "〔1〕",
        "注1",
        "注①",
        "[注1]",
        " ①",
    ]
] + [
    ("application_handling", "row", "三、本年度办理结果 （七）总计①", "total"),  # a row's labels on one line
    (
        "application_handling",
        "row",
        "（二）部分公开¹（区分处理的，只计这一情形，不计其他情形）",
        "partially_granted",
    ),
    (
        "application_handling",
        "row",
        "（二）部分公开[1]（区分处理的，只计这一情形，不计其他情形）",
        "partially_granted",
    ),
    ("application_handling", "row", "①予以公开", "granted"),  # a list mark before it
    ("application_handling", "column", "总计②", "total"),
    ("active_disclosure", "row", "行政规范性文件[1]", "normative_documents"),
]


@pytest.mark.parametrize(("table", "axis", "label", "code"), TEMPLATE + SEEN + WORDING + FOOTNOTED)
def test_label_maps_to_code(table: str, axis: str, label: str, code: str) -> None:
    assert matcher(table, axis)(label).code == code


def test_ambiguous_truncation_lists_both_candidates() -> None:
    m = matcher("application_handling", "row")("行政机关不再处理其政府信息公")
    assert m.code is None
    assert set(m.codes) == {"other.no_correction", "other.unpaid_fee"}


@pytest.mark.parametrize("label", ["申请人情况", "第二十条第（一）项", "信息内容", "", "备注", "①"])
def test_non_row_labels_match_nothing(label: str) -> None:
    assert matcher("application_handling", "row")(label).codes == ()


def test_key_normalizes_script_width_and_markers() -> None:
    assert key("（三）不予公開") == key("(三)不予公开") == "不予公开"
    assert key("１.属于国家秘密") == "属于国家秘密"


def test_fuzzy_matching_skips_aliases_of_another_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long line (three header lines joined, a sentence) cannot be a typo of a short label: it must
    not go through difflib against every alias (that cost a text report 70% more time)."""
    import difflib

    calls = []
    real = difflib.SequenceMatcher

    def counting(*args: object, **kwargs: object) -> difflib.SequenceMatcher:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    from zhgov_parse.labels import Matcher

    fresh = Matcher("application_handling", "row")  # no cache shared with other tests
    assert (
        fresh("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" * 2).code
        is None
    )
    assert calls == []
    assert fresh("4.保护第三方合法权易").code == "withheld.third_party_rights"  # a typo still matches
    assert calls


@pytest.mark.parametrize("mark", ["①", "¹", "[1]", "注1"])
def test_a_row_label_with_a_footnote_mark_in_pipe_text(sample_text: str, mark: str) -> None:
    """``| （七）总计① | 82 | … |``: the row is 总计 (it was unmapped_row, its seven cells NA with
    missing_row)."""
    import zhgov_parse

    text = sample_text.replace("(七)总计 |", f"(七)总计{mark} |")
    assert text != sample_text
    report = zhgov_parse.parse(text)
    assert report.table("application_handling").loc["total"].tolist() == [82, 23, 4, 9, 14, 7, 139]
    assert not {"unmapped_row", "missing_row"} & {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    ("after", "label"),
    [
        ("8.属于行政查询事项 | 5 | 2 | 0 | 0 | 0 | 0 | 7 | ||", "合计"),  # 不予公开's sum
        ("5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 1 | 0 | 1 | 2 | ||", "合计"),
        ("3.其他 | 4 | 2 | 0 | 0 | 1 | 1 | 8 | ||", "合计"),  # 其他处理's sum, before （七）总计
        ("8.属于行政查询事项 | 5 | 2 | 0 | 0 | 0 | 0 | 7 | ||", "总计"),
        ("8.属于行政查询事项 | 5 | 2 | 0 | 0 | 0 | 0 | 7 | ||", "其他"),  # an item a report added
        ("5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 1 | 0 | 1 | 2 | ||", "其他"),
    ],
)
def test_a_common_word_among_the_results_names_no_row_out_of_its_place(
    sample_text: str, after: str, label: str
) -> None:
    """``| 合计 | … |`` after a group's items in pipe text (its group's cell on its first row only) is
    that group's sum, ``| 其他 | … |`` there an item the report added: they were read as （七）总计 and
    3.其他, the first of the two kept (7 wrong cells); now they are unmapped_row and 总计 and 3.其他 are
    the table's own rows."""
    import zhgov_parse

    text = sample_text.replace(after, f"{after}\n{label} | 901 | 902 | 903 | 904 | 905 | 906 | 5421 | ||")
    assert text != sample_text
    report = zhgov_parse.parse(text)
    table = report.table("application_handling")
    assert table.loc["total"].tolist() == [82, 23, 4, 9, 14, 7, 139]
    assert table.loc["other.other"].tolist() == [4, 2, 0, 0, 1, 1, 8]
    codes = {f.code for f in report.finding_list}
    assert "unmapped_row" in codes and "duplicate_row" not in codes


def test_a_sum_under_a_group_in_an_html_table_is_not_the_tables_total() -> None:
    """An HTML row ``（三）不予公开 (rowspan) | 合计 | …``: its label names the group, so it is the
    group's sum, not （七）总计 (it made 总计 a duplicate_row, NA)."""
    from test_variants import BASE, to_html

    import zhgov_parse

    rows = [line for line in BASE.splitlines() if line.startswith("8.屬于行政查詢事項")]
    assert len(rows) == 1
    page = to_html(BASE.replace(rows[0], f"{rows[0]}\n合計 | 901 | 902 | 903 | 904 | 905 | 906 | 5421 | ||"))
    report = zhgov_parse.parse(page)
    assert report.table("application_handling").loc["total"].tolist() == [61, 21, 13, 13, 20, 18, 146]


_FORMS = ("pipe", "markdown", "html")


def _in_form(text: str, form: str) -> str:
    from test_variants import to_html, to_markdown

    return {"pipe": text, "markdown": to_markdown(text), "html": to_html(text)}[form]


@pytest.mark.parametrize("form", _FORMS)
@pytest.mark.parametrize("label", ["合計", "總計", "其他", "五、其他"])
def test_an_extra_row_after_the_last_row_of_three_leaves_the_templates_row_its_values(
    label: str, form: str
) -> None:
    """A row a report added after 四、结转下年度继续办理 (``合计``, ``其他``, ``五、其他``): its word
    names （七）总计 or 3.其他, which stand in their places with the template's labels. In HTML the two
    rows' numbers differed, so the template's row was NA (duplicate_row); now the added row is
    unmapped_row, its values unused, in every form."""
    from test_variants import BASE

    import zhgov_parse

    last = next(line for line in BASE.splitlines() if line.startswith("四、結轉下年度"))
    text = BASE.replace(last, f"{last}\n{label} | 901 | 902 | 903 | 904 | 905 | 906 | 5421 | ||")
    report = zhgov_parse.parse(_in_form(text, form))
    table = report.table("application_handling")
    assert table.loc["total"].tolist() == [61, 21, 13, 13, 20, 18, 146]
    assert table.loc["other.other"].tolist() == [1, 1, 0, 0, 0, 1, 3]
    assert table.loc["carried_forward"].tolist() == [5, 0, 1, 0, 0, 3, 9]
    codes = {f.code for f in report.finding_list}
    assert "unmapped_row" in codes and "duplicate_row" not in codes


@pytest.mark.parametrize("form", _FORMS)
@pytest.mark.parametrize("before", [True, False])
def test_a_row_beside_a_template_row_with_its_words_and_more_is_an_extra_row(before: bool, form: str) -> None:
    """``行政事业性收费减免`` beside 行政事业性收费 names it by containing its words: after it, in HTML
    (numbers differing) the fee row was NA, duplicate_row; before it, in text, the first of the two was
    kept: its amount read as the fee's, wrong. Now it is unmapped_row and the fee row keeps its own."""
    from test_variants import BASE

    import zhgov_parse

    fee = "行政事業性收費 | 3.75 | ||"
    extra = "行政事業性收費減免 | 8.5 | ||"
    text = BASE.replace(fee, f"{extra}\n{fee}" if before else f"{fee}\n{extra}")
    assert text != BASE
    report = zhgov_parse.parse(_in_form(text, form))
    assert report.table("active_disclosure").loc["fees", "fee_amount"] == 3.75
    codes = {f.code for f in report.finding_list}
    assert "unmapped_row" in codes and "duplicate_row" not in codes
