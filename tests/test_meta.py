"""Year and agency from a report's title, as agencies word and lay out their titles."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.meta import year_and_agency


@pytest.mark.parametrize(
    ("title", "year", "agency"),
    [
        ("青河市数据局2023年政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("2023年度青河市数据局政府信息公开工作年度报告", 2023, "青河市数据局"),  # the year first
        ("2023年青河县政府信息公开工作年度报告", 2023, "青河县"),
        ("青河市数据局关于2023年政府信息公开工作的年度报告", 2023, "青河市数据局"),
        ("关于印发青河市数据局2023年政府信息公开工作年度报告的通知", 2023, "青河市数据局"),
        ("关于青河市数据局2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # 关于 before the agency
        # a notice by the office that issues it: the report is the agency's it names after 关于印发
        ("青河市政府办公室关于印发青河市数据局2023年政府信息公开工作年度报告的通知", 2023, "青河市数据局"),
        ("青河市人民政府办公室关于2023年政府信息公开工作年度报告", 2023, "青河市人民政府办公室"),
        ("青河市数据局（2023年）政府信息公开工作年度报告", 2023, "青河市数据局"),  # the year in brackets
        ("青河市数据局(2023年度)政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("【青河市数据局】2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # the agency bracketed
        ("2023年政府信息公开工作年度报告（青河市数据局）", 2023, "青河市数据局"),  # or after the title
        ("2023年政府信息公开工作年度报告（全文）", 2023, None),
        ("青河市数据局二〇二三年政府信息公开工作年度报告", 2023, "青河市数据局"),  # year in numerals
        ("青河市数据局二零二三年度政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("青河市数据局二O二三年政府信息公开工作年度报告", 2023, "青河市数据局"),  # its zero a letter O
        ("青河市数据局二0二三年政府信息公开工作年度报告", 2023, "青河市数据局"),  # or a digit
        ("青河市数据局政府信息公开工作年度报告（2023年度）", 2023, "青河市数据局"),  # the year after 报告
        ("青河市数据局政务公开工作年度报告(2023年)", 2023, "青河市数据局"),
        ("青河市数据局政府信息公开工作年度报告\n（2023年度）", 2023, "青河市数据局"),
        ("政府信息公开工作年度报告（2023年度）", 2023, None),
        ("政府信息公开工作2023年度报告", 2023, None),  # 政府 is the title's, no agency
        ("2023年度青河市數據局政府信息公開工作年度報告", 2023, "青河市數據局"),
        ("2023年政府信息公开工作年度报告", 2023, None),  # no agency named: none guessed
        ("2023年我局政府信息公开工作运行良好，……", 2023, None),  # a sentence, not a title
        ("我局2023年政府信息公开工作年度报告", 2023, None),
        ("2023年度政务公开工作年度报告", 2023, None),
        ("青河市数据局政府信息公开工作2023年度报告", 2023, "青河市数据局"),  # the year after 公开
        ("《青河市数据局2023年政府信息公开工作年度报告》", 2023, "青河市数据局"),
        ("青河市数据局\n2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # the agency above
        ("# 青河市数据局\n\n2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # a Markdown heading
        ("标题: 青河市数据局\n2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # a crawler's label
        ("青河市数据局2023年政府\n信息公开工作年度报告", 2023, "青河市数据局"),  # the title wrapped
        ("青河市\n数据局2023年政府信息公开工作年度报告", 2023, "青河市数据局"),  # wrapped in its agency
        ("# 澜石区住房和城乡\n\n建设局2023年政府信息公开工作年度报告", 2023, "澜石区住房和城乡建设局"),
        ("首页 > 政务公开\n数据局2023年政府信息公开工作年度报告", 2023, "数据局"),  # no area above
        ("青河市人民政府门户网站\n2023年政府信息公开工作年度报告", 2023, None),  # a site's name
        ("青河市人民政府\n2023年政府信息公开工作年度报告", 2023, None),  # a site's: the report says 我局
        ("**青河市人民政府办公室**\n2023年政府信息公开工作年度报告", 2023, None),
        ("青河市人民政府办公室主办\n2023年政府信息公开工作年度报告", 2023, None),  # a site's sponsor
        ("Copyright 青河市数据局\n2023年政府信息公开工作年度报告", 2023, None),
        ("信息公开 > 青河市数据局\n2023年政府信息公开工作年度报告", 2023, None),  # a breadcrumb
        ("首页 > 政务公开\n2023年政府信息公开工作年度报告", 2023, None),
        ("发布时间：2024年1月15日\n2023年政府信息公开工作年度报告", 2023, None),
        ("**青河市数据局2023年政府信息公开工作年度报告**", 2023, "青河市数据局"),  # Markdown bold
        # a second name in brackets: the first is the agency's
        ("青河县发展和改革局（县粮食局）2023年政府信息公开工作年度报告", 2023, "青河县发展和改革局"),
        ("青河县发展和改革局(县粮食局)政府信息公开工作2023年度报告", 2023, "青河县发展和改革局"),
        ("青河县发展和改革局（县粮食局）\n2023年政府信息公开工作年度报告", 2023, "青河县发展和改革局"),
        ("（青河市数据局）2023年政府信息公开工作年度报告", 2023, "青河市数据局"),
        ("# *青河市数据局2023年政府信息公开工作年度报告*", 2023, "青河市数据局"),
        ("__青河市数据局2023年政府信息公开工作年度报告__", 2023, "青河市数据局"),
        ("**青河市数据局**\n**2023年政府信息公开工作年度报告**", 2023, "青河市数据局"),
        (
            "濟(jì)南市章丘區(qū)文化和旅遊局\n2023 年政府信息公開(kāi)工作年度報(bào)告",
            2023,
            "濟南市章丘區文化和旅遊局",
        ),
    ],
)
def test_title_variants(title: str, year: int, agency: str | None) -> None:
    assert year_and_agency(title + "\n一、总体情况\n2024年，我局将继续……") == (year, agency)


@pytest.mark.parametrize(
    "title",
    [
        "樅崗區退役軍人事務局2023年政府信息公開工作年度報告",
        "2023年度樅崗區退役軍人事務局政府信息公開工作年度報告",
        "樅崗區退役軍人事務局關於2023年政府信息公開工作的年度報告",
        "【樅崗區退役軍人事務局】2023年政府信息公開工作年度報告",
        "2023年政府信息公開工作年度報告（樅崗區退役軍人事務局）",  # the agency after the title
        "2023年政府資訊公開工作年度報告（樅崗區退役軍人事務局）",  # Taiwan's words
        "2023年政府信息公開工作年度報告\n（樅崗區退役軍人事務局）",
        "樅崗區退役軍人事務局政府信息公開工作2023年度報告",
        "樅崗區退役軍人事務局\n2023年政府信息公開工作年度報告",
        "樅崗區退役軍人事務局2023年政府\n信息公開工作年度報告",
    ],
)
def test_a_traditional_title_gives_its_agency_as_written(title: str) -> None:
    """Not in Simplified script (the title is read in Simplified to find where the agency is)."""
    assert year_and_agency(title + "\n一、總體情況\n") == (2023, "樅崗區退役軍人事務局")


def test_year_from_the_statistics_period_when_there_is_no_title() -> None:
    text = "一、总体情况\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。2024年，我局将……2024年……"
    assert year_and_agency(text) == (2023, None)


def test_agency_from_the_preamble_s_contact_when_the_title_was_kept_apart() -> None:
    """Scrapers that keep a page's article alone (trafilatura, readability) drop its title: the
    preamble's contact names the body, where it is named with its place."""
    preamble = (
        "本报告所列数据统计期限为2021年1月1日至2021年12月31日。如对本报告有疑问，请与{}联系（联系电话：1）。"
    )
    assert year_and_agency(preamble.format("澄湖市财政局办公室")) == (2021, "澄湖市财政局")
    assert year_and_agency(preamble.format("沭阳县发展和改革局")) == (2021, "沭阳县发展和改革局")
    # a division of its office answers (before, the division: 澄湖市人民政府办公室政府信息公开处)
    assert year_and_agency(preamble.format("澄湖市人民政府办公室政府信息公开处"))[1] == "澄湖市人民政府"
    assert year_and_agency(preamble.format("澄湖市财政局办公室综合科"))[1] == "澄湖市财政局"
    traditional = "如對本報告有疑問，請與樅崗區退役軍人事務局辦公室聯繫（聯繫電話：1）。"
    assert year_and_agency(traditional)[1] == "樅崗區退役軍人事務局"
    assert year_and_agency(preamble.format("县政府办公室"))[1] is None  # may answer for a department
    assert year_and_agency(preamble.format("平潭综合实验区政府信息公开工作领导小组办公室"))[1] is None
    titled = "榆泾县统计局2021年政府信息公开工作年度报告\n" + preamble.format("榆泾县政府办公室")
    assert year_and_agency(titled)[1] == "榆泾县统计局"  # the title's, when there is one


def test_an_agency_name_a_converter_garbled_is_none() -> None:
    """A text browser reading a GB2312 page turns 湉 (GBK only) into control characters."""
    title = "\x9c\x8f溪县水利局2022年政府信息公开工作年度报告"
    assert year_and_agency(title) == (2022, None)
    assert year_and_agency(title.replace("\x9c\x8f", "湉")) == (2022, "湉溪县水利局")


_BODY = "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2024年，我局将继续……"
_PERIOD = "本报告所列数据统计期限为2023年1月1日至2023年12月31日。"


def _listed(*titles: str) -> str:
    return "\n".join(f"{t}政府信息公开工作年度报告" for t in titles)


@pytest.mark.parametrize(
    ("text", "year", "agency"),
    [
        # other years' reports listed above the report's title (a sidebar kept by the extraction)
        (
            _listed("青河市数据局2022年", "青河市数据局2021年", "青河市数据局2023年") + "\n" + _BODY,
            2023,
            "青河市数据局",
        ),
        # other agencies' reports of its year
        (
            _listed("青河县教育局2023年", "青河县财政局2023年", "青河市数据局2023年") + "\n" + _BODY,
            2023,
            "青河市数据局",
        ),
        # its own title unread: the stated period's year, the agency all the titles name
        (
            _listed("青河市数据局2022年", "青河市数据局2021年") + "\n青河市数据局年报\n" + _PERIOD,
            2023,
            "青河市数据局",
        ),
        (_listed("青河县教育局2022年", "青河市数据局2021年") + "\n" + _PERIOD + "\n" + _BODY, 2023, None),
        # nothing tells which is the report's: no guess
        (_listed("青河县教育局2022年", "青河市数据局2021年"), None, None),
        (_listed("青河县教育局2023年", "青河市数据局2023年"), 2023, None),
        # the report's own title twice (the page's and the article's), its period copied from last year's
        (
            _listed("青河市数据局2023年", "青河市数据局2023年")
            + "\n"
            + _PERIOD.replace("2023", "2022")
            + "\n"
            + _BODY,
            2023,
            "青河市数据局",
        ),
        # the page's title names the agency, the article's does not
        (
            "青河市数据局2023年政府信息公开工作年度报告_青河市人民政府\n"
            + "2023年政府信息公开工作年度报告\n"
            + _BODY,
            2023,
            "青河市数据局",
        ),
        # a sentence in the body is no other report's title
        (_listed("青河市数据局2023年") + "\n2024年我局将继续做好政府信息公开工作。", 2023, "青河市数据局"),
    ],
)
def test_the_report_s_own_title_among_others_listed(text: str, year: int | None, agency: str | None) -> None:
    """A page's text may list other reports' titles above the report's own (links, a sidebar): the
    first listed is not the report's."""
    assert year_and_agency(text) == (year, agency)


def test_agency_from_the_sign_off_when_the_title_names_none() -> None:
    """A report signs off with its agency's name on a line and the date under it (落款): that is its
    agency where its title names none; only a name, only at the end, only dated after the year."""
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n……\n六、其他需要报告的事项\n无。\n{}"
    assert year_and_agency(text.format("青河市数据局\n2024年1月20日")) == (2023, "青河市数据局")
    assert year_and_agency(text.format("**青河市数据局**\n二〇二四年一月二十日\n")) == (2023, "青河市数据局")
    assert year_and_agency(text.format("青河市数据局\n2022年1月20日"))[1] is None  # dated before its year
    assert year_and_agency(text.format("特此报告。\n2024年1月20日"))[1] is None  # no name
    assert year_and_agency(text.format("青河市数据局\n2024年1月20日\n" + "相关链接\n" * 4))[1] is None
    titled = "青河市财政局" + text.format("青河市数据局\n2024年1月20日")
    assert year_and_agency(titled)[1] == "青河市财政局"  # the title's, when it names one
    page = "<html><body><h1>2023年政府信息公开工作年度报告</h1>{}</body></html>".format(
        "<p>一、总体情况</p><p>2023年，我局……</p>" * 2000 + "<p>青河市数据局</p><p>2024年1月20日</p>"
    )
    assert zhgov_parse.parse(page).meta["agency"] == "青河市数据局"  # past the head metadata is read from


def test_titles_that_disagree_defer_to_the_agency_the_report_names() -> None:
    """PDF text of a page lays a sidebar's titles out around the report's own, which a label before
    it (名称) kept unread: where the titles of the year disagree on the agency, the agency the
    preamble's contact (its 联 / 系 wrapped apart) or the sign-off names is the report's."""
    listed = (
        _listed("青河县人民政府2023年", "青河县教育局2023年")
        + "\n名称 青河县统计局2023年政府信息公开工作年度报告\n"
    )
    period = "统计期限为2023年1⽉1⽇⾄2023年12⽉31⽇。"  # ⽉ and ⽇: PDF text's Kangxi radicals
    contact = "如对本报告有疑问，请与青河县统计局办公室联\n   系(联系电话:1)。\n"
    assert year_and_agency(listed + period + contact + _BODY) == (2023, "青河县统计局")
    signed = listed + period + _BODY + "\n青河县统计局\n2024年1月20日"
    assert year_and_agency(signed) == (2023, "青河县统计局")
    assert year_and_agency(listed + period + _BODY) == (2023, None)  # else none: the last read is not it


def test_a_list_s_bullets_are_kept_apart_from_emphasis() -> None:
    """``* …年度报告`` is an item of a list (a link to a report), not a title in emphasis."""
    assert year_and_agency("* 青河县教育局2023年政府信息公开工作年度报告\n" + _BODY) == (2023, None)


def test_an_agency_pdf_text_wrote_with_radicals_is_read_as_its_characters() -> None:
    """PDF text writes some characters as radicals (Kangxi ⼈ for 人, the supplement's ⺠ for 民),
    which no name holds: they are read as the characters, and a name with one not known is none."""
    title = "{}2019年政府信息公开⼯作年度报告\n一、总体情况"
    assert year_and_agency(title.format("柘塘镇⼈⺠政府")) == (2019, "柘塘镇人民政府")
    assert year_and_agency(title.format("⻘⽲市司法局")) == (2019, "青禾市司法局")
    assert year_and_agency(title.format("樅崗區退役軍⼈事務局")) == (2019, "樅崗區退役軍人事務局")
    assert year_and_agency(title.format("青河⺮市司法局")) == (2019, None)


def test_the_article_s_title_over_a_page_title_of_another_year() -> None:
    """A CMS may keep last year's title in the page's <title>; the article's <h1> above the element
    holding the report is its own."""
    page = (
        "<html><head><title>青禾市数据局{title}年政府信息公开工作年度报告</title></head><body>"
        "<h1>青禾市数据局2023年政府信息公开工作年度报告</h1><div class='article'>"
        "<p>本报告所列数据统计期限为2023年1月1日至2023年12月31日。</p><p>一、总体情况</p><p>2023年，我局……</p>"
        "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr>"
        "<tr><td>规章</td><td>1</td></tr></table><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>"
    )
    for title in ("2022", "2023"):
        report = zhgov_parse.parse(page.format(title=title))
        assert (report.meta["year"], report.meta["agency"]) == (2023, "青禾市数据局")
        assert "year_mismatch" not in {f.code for f in report.finding_list}


def test_year_with_no_title_nor_statistics_period() -> None:
    """The year the overview opens with, else the year before an early sign-off, not the next year's
    plans the text cites more often."""
    plans = "五、存在的主要问题及改进情况\n2024年，我局将深化公开。2024年做好培训。2024年力争全覆盖。\n"
    signed = "青河市数据局\n2024年1月20日"
    assert year_and_agency("一、总体情况\n2023年，我局坚持……\n" + plans + signed)[0] == 2023
    assert year_and_agency("一、总体情况\n我局坚持……\n" + plans + signed)[0] == 2023
    in_numerals = "青河市数据局\n二〇二四年二月二日"
    assert year_and_agency("一、总体情况\n我局坚持……\n" + plans + in_numerals)[0] == 2023
    late = "一、总体情况\n我局坚持……2023年完成……2023年开展……\n青河市数据局\n2023年12月28日"
    assert year_and_agency(late)[0] == 2023  # signed late in the year: the year it cites most
    copied = "一、总体情况\n2022年，我局坚持……\n" + plans + signed  # last year's opening kept
    assert year_and_agency(copied)[0] is None
    assert year_and_agency("一、总体情况\n2024年，我局将……\n" + plans + signed)[0] == 2023  # a plan


def test_no_year_from_an_overview_copied_from_last_year() -> None:
    """With no title year, statistics period or sign-off date, the overview's opening year (2022年，我局…,
    copied from last year's report) is none where the rest of the text tells another year: another
    paragraph's opening, the year's work looked back on, the next year's plans, a format issued later
    (before, 2022, last year's). Kept where nothing tells against it."""
    overview = "一、总体情况\n2022年，我局坚持……\n"
    problems = "五、存在的主要问题及改进情况\n"
    assert year_and_agency(overview + problems + "下一步，我局将深化公开。")[0] == 2022
    for rest in (
        "六、其他需要报告的事项\n2023年，我局认真落实上级政务公开工作要点。",
        problems + "存在的主要问题：2023年我局政府信息公开工作虽取得一定成效，但仍存在问题。",
        problems + "2024年，我局将深化公开。",
        problems + "下一步，确保2024年政务公开工作要点各项任务按时完成。",
    ):
        assert year_and_agency(overview + rest)[0] is None, rest
    cited = "本报告根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。\n"
    assert year_and_agency(cited + "一、总体情况\n2020年，我局坚持……\n")[0] is None


def test_no_agency_from_a_title_the_preamble_contradicts() -> None:
    """A page's list of other reports beside the report, as PDF text of the page mixes them: the one title
    read (another agency's, wrapped) against the agency the preamble gives for questions: none (before,
    the other agency's). Kept where the contact is the agency or its part."""
    preamble = "本报告根据《条例》要求编制。如对本报告有疑问，请与{}办公室联系（联系电话：0555-1234567）。\n"
    listed = "政府信息公开年报\n   青河市教育局2023年政府信息\n   公开工作年度报告\n"
    body = "一、总体情况\n2023年，青河市统计局认真落实……\n"
    assert year_and_agency(listed + preamble.format("青河市统计局") + body) == (2023, None)
    own = "平潭综合实验区2023年度政府信息公开工作年度报告\n" + preamble.format("平潭综合实验区管委会")
    assert year_and_agency(own + body) == (2023, "平潭综合实验区")
    titled = "青河市统计局2023年政府信息公开工作年度报告\n"
    for office in ("青河市人民政府办公室政务公开科", "青河市政府办政务公开科"):  # a government's office
        assert (
            year_and_agency(titled + preamble.format(office).replace("办公室联系", "联系") + body)[1]
            == "青河市统计局"
        )


@pytest.mark.parametrize("page", ["青河市人民政府_", "【青河市人民政府】"])
def test_no_agency_from_a_page_title_the_report_s_voice_denies(page: str) -> None:
    """A page's title that puts the site's name before the report's (青河市人民政府_2023年…报告) above the
    report's title naming no agency: the site's name is not the agency where the body speaks as a 局 (我局…);
    before, 青河市人民政府. Kept where it speaks as none, or as the site's agency."""
    title = "2023年政府信息公开工作年度报告\n"
    period = "本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n"
    text = page + title + title + period + "一、总体情况\n2023年，{}坚持……\n"
    assert year_and_agency(text.format("我局")) == (2023, None)
    assert year_and_agency(text.format("我市")) == (2023, "青河市人民政府")


def test_no_year_from_a_title_the_overview_and_the_sign_off_contradict() -> None:
    """A title copied from last year's report (2022年…报告, its statistics period too, or none) under an
    overview that opens with 2023年 and a sign-off dated 2024年1月: none (before, 2022). The title's year
    is kept against the overview alone, or against the sign-off alone."""
    title = "青河市数据局2022年政府信息公开工作年度报告\n"
    period = "本报告所列数据统计期限为2022年1月1日至2022年12月31日。\n"
    overview = "一、总体情况\n{}年，我局坚持……\n"
    signed = "青河市数据局\n2024年1月20日"
    assert year_and_agency(title + overview.format(2023) + signed) == (None, "青河市数据局")
    assert year_and_agency(title + period + overview.format(2023) + signed)[0] is None
    assert year_and_agency(title + overview.format(2023))[0] == 2022
    assert year_and_agency(title + overview.format(2022) + signed)[0] == 2022


def test_a_site_s_name_above_an_agency_less_title_yields_to_the_contact() -> None:
    """A site's name above a title naming no agency (青河市人民政府 / 2023年…报告) where the preamble's
    contact names another agency, a department: that one is the report's (before, none, and before
    that, the site's name); a name above that the contact names is kept."""
    preamble = "本报告所列数据统计期限为2023年1月1日至2023年12月31日。如对本报告有疑问，请与{}办公室联系。\n"
    body = "一、总体情况\n2023年，本机关坚持……\n"
    site = "青河市人民政府\n2023年政府信息公开工作年度报告\n"
    assert year_and_agency(site + preamble.format("青河市司法局") + body) == (2023, "青河市司法局")
    own = "青河市司法局\n2023年政府信息公开工作年度报告\n"
    assert year_and_agency(own + preamble.format("青河市司法局") + body) == (2023, "青河市司法局")


def test_a_wrapped_title_after_links_to_other_reports() -> None:
    """The report's own title wrapped before its last words (as PDF text wraps it), under a page's
    links to other years' reports: its own year, not the last link's."""
    links = "".join(f"青河市数据局{year}年政府信息公开工作年度报告\n" for year in (2022, 2021))
    title = "2023 年青河市数据局政府信息公开\n工作年度报告\n"
    body = "本年度报告根据《条例》编制。\n\n一、总体情况\n我局坚持……2024年，我局将……\n"
    assert year_and_agency(links + title + body) == (2023, "青河市数据局")
    title = "2023 年青河市数据局政府信息公开工作\n年度报告\n"
    assert year_and_agency(links + title + body) == (2023, "青河市数据局")


def test_links_to_other_years_reports_above_a_body_with_no_title() -> None:
    """A page's links to other years' reports directly above a body that names its own report but
    has no title (the extraction dropped it): the body's year, not the last link's."""
    links = "".join(f"青河市数据局{year}年政府信息公开工作年度报告\n" for year in (2021, 2020))
    body = "一、总体情况\n根据《条例》规定，现公布我局2022年政府信息公开工作年度报告。\n（一）主动公开\n……"
    assert year_and_agency(links + body)[0] == 2022


@pytest.mark.parametrize(
    "name", ["tianxi_water_2022_html.plumber.txt", "tianxi_water_2022_html.plumber-layout.txt"]
)
def test_a_statistics_period_whose_numbers_are_on_the_line_under_it(name: str) -> None:
    """pdfplumber's text of a PDF whose digits are set in another font puts them on a line of their
    own: the title's year under it (湉溪县⽔利局 年政府信息公开⼯作年度报 / 2022 / 告), the statistics
    period's under its words (期限为 年 ⽉ ⽇⾄ 年 ⽉ ⽇。 / 2022 1 1 2022 12 31). The period still tells
    the year: 2022 (before, none)."""
    path = Path(__file__).parent / "data" / "pdftext" / name
    assert zhgov_parse.read(path).meta["year"] == 2022
    text = "报告\n本报告所列数据统计期限为 年 月 日至 年 月 日。\n 2021  1  1  2021  12  31\n"
    assert year_and_agency(text)[0] == 2021
    assert year_and_agency(text.replace("2021  12", "2022  12"))[0] is None  # not one year's period


def test_a_report_whose_year_is_not_found_says_so() -> None:
    """A report whose text names no year (its title and preamble cut off) has no year, and a
    finding says so; the whole report has its year and no such finding."""
    import re

    from conftest import FIXTURES

    text = (FIXTURES / "lanshi_housing_2023_pipe.txt").read_text(encoding="utf-8")
    assert "year_unknown" not in set(zhgov_parse.parse(text).findings["code"])
    body = re.sub(r"(?:19|20)\d\d\s*年", "本年", text[text.index("一、总体情况") :])
    report = zhgov_parse.parse(body)
    assert report.meta["year"] is None
    assert "year_unknown" in set(report.findings["code"])


def test_a_breadcrumb_naming_another_year_s_report_is_not_the_report_s_year() -> None:
    """A page with no title of its own whose breadcrumb names last year's report (首页 > 年报 >
    2022年政府信息公开工作年度报告) above a body whose statistics period or overview tells 2023: the
    period's year where the overview agrees, else none (before, 2022); a breadcrumb that agrees, or is
    all that tells a year, still gives it."""
    crumb = "首页 > 政府信息公开年报 > {}年政府信息公开工作年度报告\n"
    period = "本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n"
    body = "一、总体情况\n2023年，我局坚持……\n五、存在的主要问题及改进情况\n2024年，我局将深化公开。\n"
    assert year_and_agency(crumb.format(2022) + period + body)[0] == 2023
    assert year_and_agency(crumb.format(2022) + body)[0] is None  # the overview's 2023 against it
    assert year_and_agency(crumb.format(2022) + period + body.replace("2023年，", ""))[0] is None
    assert year_and_agency(crumb.format(2023) + body)[0] == 2023
    assert year_and_agency(crumb.format(2022) + body.replace("2023年，", ""))[0] == 2022


def test_a_year_of_the_republic_of_china_s_calendar() -> None:
    """Taiwan's Traditional text counts years from 1912 (民國112年 is 2023): the title's, the
    statistics period's and the sign-off's years are read so, and the sign-off is the closing."""
    import re

    from conftest import FIXTURES

    page = (FIXTURES / "congang_veterans_2020_html.html").read_text(encoding="utf-8")
    roc = re.sub(r"((?:19|20)\d{2})\s*年", lambda m: f"民國{int(m.group(1)) - 1911}年", page)
    assert "2020年" not in roc and "民國109年" in roc
    report = zhgov_parse.parse(roc)
    assert report.meta["year"] == 2020
    assert "year_unknown" not in set(report.findings["code"])
    assert report.sections["section"].iloc[-1] == "closing"
    assert year_and_agency("中華民國112年青河市數據局政府資訊公開工作年度報告")[0] == 2023


@pytest.mark.parametrize(
    ("agency", "region"),
    [
        ("广州市财政局", "广州市"),  # a 州 that 市 follows is the city's name (before, 广州)
        ("江苏省苏州市吴中区人民政府", "江苏省苏州市吴中区"),  # before, 江苏省苏州
        ("贵州省遵义市生态环境局", "贵州省遵义市"),  # before, 贵州
        ("恩施土家族苗族自治州巴东县民政局", "恩施土家族苗族自治州巴东县"),
        ("湘西州吉首市教育局", "湘西州吉首市"),
        ("苏州市城市管理局", "苏州市"),  # 城市管理 is the office's (before, 苏州市城市)
        ("原澄湖市财政局", "澄湖市"),  # the former office of an agency reorganised (before, 原澄湖市)
        ("原阳县人民政府", "原阳县"),  # 原 is the area's name's (before, 阳县)
        ("原平市财政局", "原平市"),
        ("原州区教育局", "原州区"),
        ("原村乡", "原村乡"),
        ("天津市和平区教育局", "天津市和平区"),  # a name that starts with 和 (before, 天津市)
        ("安徽省马鞍山市和县林业局", "安徽省马鞍山市和县"),  # before, 安徽省马鞍山市
        ("和田地区行政公署", "和田地区"),  # before, none
        ("镇江市京口区教育局", "镇江市京口区"),  # a name that starts with 镇, 乡 or 市 (before, none)
        ("乡宁县人民政府", "乡宁县"),
        ("济南市市中区财政局", "济南市市中区"),  # before, 济南市
        ("晋城市城区人民政府", "晋城市城区"),
        ("澄湖县乡村振兴局", "澄湖县"),  # 乡村, 乡镇, 市场: an office's words
        ("澄湖县乡镇企业局", "澄湖县"),
        ("乡镇企业局", None),
        ("新乡市财政局", "新乡市"),  # a 乡 or 镇 that another kind follows is the name's (before, 新乡)
        ("江西省抚州市东乡区教育局", "江西省抚州市东乡区"),  # before, 江西省抚州市东乡
        ("中山市三乡镇人民政府", "中山市三乡镇"),  # before, 中山市三乡
        ("中共澄湖市委宣传部", "澄湖市"),
        ("国家税务总局澄湖市税务局", None),  # an office's name first, no area (before, 国家税务总局澄湖市)
        ("中国人民银行澄湖市中心支行", None),
        ("澄湖市市场监督管理局", "澄湖市"),
        ("澄湖县城关镇人民政府", "澄湖县城关镇"),
        ("澄湖县人民政府城关街道办事处", "澄湖县"),  # before, 澄湖县人民政府城关街道
        ("澄湖县政府城关街道办事处", "澄湖县"),
        ("府谷县人民政府", "府谷县"),
    ],
)
def test_the_region_an_agency_s_name_starts_with(agency: str, region: str | None) -> None:
    from zhgov_parse.meta import region_of

    assert region_of(agency) == region


def test_a_year_the_report_s_other_dates_contradict_is_none() -> None:
    """With no title of its own, a statistics period copied from last year's report (2022年1月1日至…)
    or a link to last year's report just above the body, against the overview's opening year and an
    early sign-off (2023): no year (before, 2022, a wrong year); a period the sign-off agrees with is
    kept against an overview copied from last year's."""
    period = "本报告所列数据统计期限为{0}年1月1日至{0}年12月31日。\n"
    body = "一、总体情况\n{}年，我局坚持……\n六、其他需要报告的事项\n无。\n青河市数据局\n{}年1月20日"
    assert year_and_agency(period.format(2022) + body.format(2023, 2024))[0] is None
    assert year_and_agency(period.format(2022) + body.format(2022, 2023))[0] == 2022
    assert year_and_agency(period.format(2024) + body.format(2023, 2025))[0] == 2024  # its overview copied
    link = "青河市数据局2022年政府信息公开工作年度报告\n"
    assert year_and_agency(link + period.format(2023) + body.format(2023, 2024))[0] is None
    assert year_and_agency(link + period.format(2022) + body.format(2022, 2023))[0] == 2022
    radicals = body.format(2023, 2025).replace("1月20日", "1⽉20⽇")  # PDF text's Kangxi radicals
    assert year_and_agency(period.format(2024) + radicals)[0] == 2024


@pytest.mark.parametrize(
    "period",
    ["2021年1月1日至12月31日", "自2021年1月1日起至12月31日止", "从 2021年1月1日到12月31日止"],
)
def test_a_statistics_period_that_names_its_year_once(period: str) -> None:
    """A statistics period whose end leaves its year out (统计期限为2021年1月1日至12月31日, as real reports
    of Shanghai, Zigong and Wenzhou write it) states the year as the full one does: against an overview
    copied from the next year's, no year (before, the period was not read: none where nothing else
    told the year, and 2022, a wrong year, from the overview)."""
    text = "本报告所列数据的统计期限" + period + "。\n一、总体情况\n{}我局主动公开信息12条。\n"
    assert year_and_agency(text.format(""))[0] == 2021
    assert year_and_agency(text.format("2021年，"))[0] == 2021
    assert year_and_agency(text.format("2022年，"))[0] is None


@pytest.mark.parametrize(
    "line",
    [
        "主办单位：青河市人民政府办公室",
        "附件：青河市数据局",
        "撰稿：青河市数据局办公室",
        "发布机构：青河市数据局",
    ],
)
def test_a_label_s_line_names_no_agency(line: str) -> None:
    """A line with a label (a page's footer 主办单位：…, 附件：…) where a title names no agency, as the
    sign-off above its date or as a name above the title, is no agency (before, 主办单位:青河市人民政府办公室,
    label and all, and the site's office rather than the report's)."""
    body = (
        "2023年政府信息公开工作年度报告\n本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n"
        "一、总体情况\n2023年，我局坚持……\n六、其他需要报告的事项\n无。\n"
    )
    assert year_and_agency(body + line + "\n2024年1月20日") == (2023, None)
    assert year_and_agency(line + "\n" + body) == (2023, None)
    assert year_and_agency(body + "青河市数据局\n2024年1月20日") == (2023, "青河市数据局")


def test_no_year_from_the_years_a_text_cites_most() -> None:
    """A text with no title, statistics period, opening year or sign-off: not the year it cites most,
    which is as often its plans' (确保2024年政务公开工作要点… in a 2023 report; before, 2024), but the
    year its paragraphs open with where they agree, else none."""
    plans = "五、存在的主要问题及改进情况\n下一步，确保2024年政务公开工作要点各项任务按时完成。\n"
    assert year_and_agency("一、总体情况\n我局坚持……\n" + plans)[0] is None
    opened = "一、总体情况\n我局坚持……\n（二）依申请公开\n2023 年,我单位依法答复……\n"
    assert year_and_agency(opened + plans + "2024年，我局将深化公开。\n")[0] == 2023
    assert year_and_agency(opened + "2022年，我局……\n" + plans)[0] is None  # openings disagree
