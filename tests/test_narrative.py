"""The narrative's part 五: its problems and improvements, however a report lays them out."""

from __future__ import annotations

import pytest

import zhgov_parse


def _five(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """(kind, tag, subsection code, text) of part 五 of a report whose 五 is ``text``."""
    report = zhgov_parse.parse(
        f"一、总体情况\n2023年，我局做好政府信息公开工作。\n五、存在的主要问题及改进情况\n{text}\n"
        "六、其他需要报告的事项\n无。\n"
    )
    rows = report.sections.query("section == 'problems_improvements' and tag != 'part'")
    rows = rows[["kind", "tag", "subsection_code", "text"]].astype(object)
    return [tuple(x if isinstance(x, str) else None for x in row) for row in rows.itertuples(index=False)]


P, IMP = "problem", "improvement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the Pingtan 2025 page: problems listed after 如：, the lead into improvements after them
            "2025年，我局工作取得了一定成绩，但仍存在一些不足，如：队伍建设有待进一步加强；答复质量待进一步"
            "提升；平台互动功能仍有不足。下一步整改措施：一是强化队伍建设，加强业务培训。二是提升答复质量，"
            "加强合法性审查。",
            [
                ("paragraph", None, None, "2025年，我局工作取得了一定成绩，但仍存在一些不足，如："),
                ("item", P, None, "队伍建设有待进一步加强"),
                ("item", P, None, "答复质量待进一步提升"),
                ("item", P, None, "平台互动功能仍有不足"),
                ("paragraph", None, None, "下一步整改措施："),
                ("item", IMP, None, "强化队伍建设，加强业务培训"),
                ("item", IMP, None, "提升答复质量，加强合法性审查"),
            ],
        ),
        (  # the Pingtan 2020 and 2021 pages: both subsections in one paragraph
            "（一）存在的主要问题：解读形式有待丰富，图解产品偏少。公开渠道有限，难以满足群众需要。"
            "（二）改进措施：一是丰富政策解读形式，推出图解。二是拓宽公开渠道，用好新媒体。",
            [
                ("heading", "subsection", "problems", "（一）存在的主要问题"),
                ("item", P, "problems", "解读形式有待丰富，图解产品偏少"),
                ("item", P, "problems", "公开渠道有限，难以满足群众需要"),
                ("heading", "subsection", "improvements", "（二）改进措施"),
                ("item", IMP, "improvements", "丰富政策解读形式，推出图解"),
                ("item", IMP, "improvements", "拓宽公开渠道，用好新媒体"),
            ],
        ),
        (  # the Pingtan 2019, 2022 and 2023 pages: the lead into improvements trails the last problem
            "存在的问题主要有以下几个方面：一是栏目更新不够及时，存在滞后。二是解读质量有待提高，形式单一。"
            "2024年，我局将采取以下措施加以改进。一是建立栏目更新责任清单。二是丰富政策解读形式。",
            [
                ("paragraph", None, None, "存在的问题主要有以下几个方面："),
                ("item", P, None, "栏目更新不够及时，存在滞后"),
                ("item", P, None, "解读质量有待提高，形式单一"),
                ("paragraph", None, None, "2024年，我局将采取以下措施加以改进。"),
                ("item", IMP, None, "建立栏目更新责任清单"),
                ("item", IMP, None, "丰富政策解读形式"),
            ],
        ),
        (  # the Shanghai 2025 report: the improvements of last year's problems
            "（一）2024年工作中存在问题的改进情况\n针对存在的主要问题，重点采取如下改进措施：一是加大政策"
            "文件集成发布力度。二是加强政策解读发布审核。",
            [
                ("heading", "subsection", "improvements", "（一）2024年工作中存在问题的改进情况"),
                ("paragraph", None, "improvements", "针对存在的主要问题，重点采取如下改进措施："),
                ("item", IMP, "improvements", "加大政策文件集成发布力度"),
                ("item", IMP, "improvements", "加强政策解读发布审核"),
            ],
        ),
        (  # the 2022-style subsections: last year's shortcomings, then the next year's work plan
            "（一）2022年度工作存在的不足\n工作人员多为兼职，专业能力不足。\n（二）2023年度工作计划\n"
            "一是配齐配强工作力量；二是深入推进基层政务公开标准化建设。",
            [
                ("heading", "subsection", "problems", "（一）2022年度工作存在的不足"),
                ("item", P, "problems", "工作人员多为兼职，专业能力不足"),
                ("heading", "subsection", "improvements", "（二）2023年度工作计划"),
                ("item", IMP, "improvements", "配齐配强工作力量"),
                ("item", IMP, "improvements", "深入推进基层政务公开标准化建设"),
            ],
        ),
        (  # items enumerated 第一，第二，; the second subsection's title run on after a stop, ending in one
            "（一）存在的主要问题。第一，公开内容不够全面；第二，业务水平有待提高。（二）改进措施。"
            "第一，建立公开台账，定期督促更新；第二，加强业务培训。",
            [
                ("heading", "subsection", "problems", "（一）存在的主要问题"),
                ("item", P, "problems", "公开内容不够全面"),
                ("item", P, "problems", "业务水平有待提高"),
                ("heading", "subsection", "improvements", "（二）改进措施"),
                ("item", IMP, "improvements", "建立公开台账，定期督促更新"),
                ("item", IMP, "improvements", "加强业务培训"),
            ],
        ),
        (  # the same in Traditional script: the run-on title's words are read in either script
            "（一）存在的主要問題。第一，公開內容不夠全面。（二）改進措施。第一，加強業務培訓。",
            [
                ("heading", "subsection", "problems", "（一）存在的主要問題"),
                ("item", P, "problems", "公開內容不夠全面"),
                ("heading", "subsection", "improvements", "（二）改進措施"),
                ("item", IMP, "improvements", "加強業務培訓"),
            ],
        ),
        (  # items numbered （1）（2） in one paragraph: the markers are no part of the items' text
            "（二）改进措施\n（1）强化信息发布时效；（2）丰富政策解读形式。",
            [
                ("heading", "subsection", "improvements", "（二）改进措施"),
                ("item", IMP, "improvements", "强化信息发布时效"),
                ("item", IMP, "improvements", "丰富政策解读形式"),
            ],
        ),
        (  # a lead-in alone before the items stays one paragraph
            "存在的主要问题：2023年我局工作取得了一定成效，但仍存在一些不足。\n1.栏目更新不够及时。\n"
            "改进情况：\n1.建立栏目更新责任清单。",
            [
                ("paragraph", None, None, "存在的主要问题：2023年我局工作取得了一定成效，但仍存在一些不足。"),
                ("item", P, None, "栏目更新不够及时"),
                ("paragraph", None, None, "改进情况："),
                ("item", IMP, None, "建立栏目更新责任清单"),
            ],
        ),
    ],
)
def test_problems_and_improvements_as_reports_lay_them_out(text: str, expected: list) -> None:
    assert _five(text) == expected


def test_a_line_broken_after_a_quoted_term_is_joined_to_the_next() -> None:
    """PDF text broke the Shanghai 2025 report's lines after 政策公开“政社合作” and 深化“阅办联动”: a
    closing quote ends a sentence only after a stop (…。”), so the item goes on in the next line."""
    text = (
        "（一）改进情况\n一是提升政策公开质效，持续深化政策公开“政社合作”\n机制探索，支持基层创新实践。\n"
        "二是更好发挥政府网站作为政务公开第一平台的功能。\n三是他们说“一网通办。”\n已在全市推广。"
    )
    assert [x[3] for x in _five(text) if x[0] == "item"] == [
        "提升政策公开质效，持续深化政策公开“政社合作”机制探索，支持基层创新实践",
        "更好发挥政府网站作为政务公开第一平台的功能",
        "他们说“一网通办。”",
        "已在全市推广",
    ]


@pytest.mark.parametrize(
    "fixture", ["heyu_ecology_2021_pipe.txt", "qinghe_data_2022_pipe.txt", "luwan_emergency_2024_html.html"]
)
def test_run_on_table_text_is_no_paragraph(fixture: str) -> None:
    """Run-on page text of these fixtures left table 四's header (结果 维持结果 纠正…201031100200011,
    its words split by spaces) or 三's second page (申请人情况…三、本年度办理结果（四）无法提供…) as
    paragraphs of the narrative; the pipe text has no prose there."""
    from conftest import FIXTURES
    from runon_render import render

    report = zhgov_parse.parse(render(FIXTURES / fixture))
    tables = report.sections.query("section in ['application_handling', 'review_litigation']")
    assert tables["kind"].tolist() == ["heading", "heading"]


def test_items_after_a_lead_in_in_traditional_script() -> None:
    """A lead-in paragraph of 五 longer than 60 characters is split into items where its clauses read
    as items (將, 加強, 問題): the words were matched in Simplified only, so the Traditional report kept
    it as one paragraph."""
    text = (
        "針對上述問題，下一步我局將加強政策解讀，豐富解讀形式；完善依申請公開辦理流程，提升答覆質量；"
        "強化培訓，提高工作人員業務能力。"
    )
    assert [x[:2] for x in _five(text)] == [("item", IMP)] * 3


def test_a_page_footer_in_traditional_script_is_taken_off() -> None:
    """PDF text's page footer 第 1 頁 共 3 頁 (Traditional) is no text of the report: it was kept and
    joined into the sentence it broke (…相關動態298第 1 頁 共 3 頁條；)."""
    report = zhgov_parse.parse(
        "一、總體情況\n全年主動公開政府信息792條，其中政策文件16件、社會救助相關動態298\n第 1 頁 共 3 頁\n"
        "條；發佈政策解讀3篇。\n六、其他需要報告的事項\n無。\n"
    )
    assert "全年主動公開政府信息792條，其中政策文件16件、社會救助相關動態298條；發佈政策解讀3篇。" in set(
        report.sections["text"]
    )
    assert not any("頁" in t for t in report.sections["text"])


_PAGE_END = (
    "\n\n分享到：[微信](javascript:;){.share-wx} [微博](javascript:;){.share-wb}\n\n"
    "[【打印本页】](javascript:window.print();)\n\n-   [网站地图](/wzdt/)\n-   [联系我们](/lxwm/)\n\n"
    "主办单位：青禾市人民政府办公室\n\n版权所有：青禾市人民政府  [京ICP备12345678号](https://beian.miit.gov.cn/)\n"
)


@pytest.mark.parametrize(
    ("six", "closing"),
    [
        (
            "无其他需要报告的事项。\n\n青禾市测试局\n\n2024年2月11日" + _PAGE_END,
            ["青禾市测试局", "2024年2月11日"],
        ),
        # elinks: the page's links listed after it
        (
            "无其他需要报告的事项。\n\n2024年2月11日\n\nReferences\n\n   1. file:///dev/a.files/filelist.xml",
            ["2024年2月11日", "References"],
        ),
        ("本报告经局务会审议，于2024年2月11日发布。" + _PAGE_END, []),  # 六's own sentence, ending in a date
    ],
)
def test_a_sign_off_followed_by_a_pages_clutter_is_the_closing(six: str, closing: list[str]) -> None:
    """pandoc's Markdown of a whole page: the sign-off (某局 / 2024年2月11日) is followed by the page's
    share bar, links and footer; it stayed in 六, as only the last four blocks were looked at. Now the
    sign-off and the clutter after it are ``closing``; a sentence of 六 that ends with a date is not."""
    report = zhgov_parse.parse(
        "# 青禾市测试局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我局做好政府信息公开工作。"
        f"\n\n六、其他需要报告的事项\n\n{six}"
    )
    sections = report.sections
    six_texts = sections.query("section == 'other_matters' and kind != 'heading'")["text"].tolist()
    assert sections.query("section == 'closing'")["text"].tolist()[: len(closing)] == closing
    assert any("分享到" in t for t in six_texts) == (not closing)
    assert six_texts[0].startswith(("无其他需要报告的事项。", "本报告经局务会审议"))


def test_markers_pdf_text_wrote_as_radicals() -> None:
    """pdfplumber writes 一 and 二 of the markers as Kangxi radicals (⼀是, （⼆）: U+2F00, U+2F06): the
    subsection titles were read as paragraphs and the items left in one paragraph."""
    text = (
        "（⼀）存在的主要问题\n⼀是栏目更新不够及时，存在滞后。⼆是解读形式单⼀，图解偏少。\n"
        "（⼆）改进措施\n⼀是建⽴栏目更新责任清单。⼆是丰富政策解读形式。"
    )
    assert _five(text) == [
        ("heading", "subsection", "problems", "（⼀）存在的主要问题"),
        ("item", P, "problems", "栏目更新不够及时，存在滞后"),
        ("item", P, "problems", "解读形式单⼀，图解偏少"),
        ("heading", "subsection", "improvements", "（⼆）改进措施"),
        ("item", IMP, "improvements", "建⽴栏目更新责任清单"),
        ("item", IMP, "improvements", "丰富政策解读形式"),
    ]
    # with no lead-in, an item's own words tag it, radicals read as their characters (不⾜: 不足)
    assert [x[:2] for x in _five("⼀是队伍建设不⾜。⼆是加强业务培训。")] == [("item", P), ("item", IMP)]


@pytest.mark.parametrize(
    "table",
    [
        # run-on page text (Pingtan's 2018 page)
        "指标名称计量单位2018年度历年累计主动公开文件数条3012345其中：1.政府网站公开数条30123452.政府公报公开数条00",
        "| 指标名称 | 计量单位 | 2018年度 | 历年累计 |\n|---|---|---|---|\n"
        "| 主动公开文件数 | 条 | 30 | 123 |\n| 其中：1.政府网站公开数 | 条 | 30 | 123 |\n"
        "| 受理依申请公开信息总数 | 条 | 0 | 0 |",
    ],
)
def test_a_pre_2019_statistics_table_after_part_5_gives_no_items(table: str) -> None:
    """Reports from before 2019 end with 六、政府信息公开情况统计表, a part no template names: its rows
    were read as 五's items (tagged improvement). After a statistics table's title they are paragraphs."""
    report = zhgov_parse.parse(
        "某县人民政府办公室2018年政府信息公开工作年度报告\n一、概述\n2018年，我县认真落实《条例》。\n"
        "五、主要问题和改进措施\n一是公开形式单一。二是队伍建设有待加强。\n六、政府信息公开情况统计表\n"
        f"{table}\n某县人民政府办公室\n2019年1月10日\n"
    )
    five = report.sections.query("section == 'problems_improvements'")
    assert five["kind"].tolist()[:4] == ["heading", "item", "item", "heading"]
    assert set(five["kind"].tolist()[4:]) == {"paragraph"}
    assert "主动公开文件数" in "".join(five["text"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Pingtan 2018's one paragraph: its problems, then 下一步 in a sentence of its own
            "虽然我局政务公开工作取得了一定成效，但还存在公开内容不够精准、互动回应不够及时等问题。"
            "下一步，我局将加强政策解读，完善办理流程。",
            [
                (
                    "item",
                    P,
                    "虽然我局政务公开工作取得了一定成效，但还存在公开内容不够精准、互动回应不够及时等问题",
                ),
                ("item", IMP, "下一步，我局将加强政策解读，完善办理流程"),
            ],
        ),
        (  # a lead-in with a colon, a problem, then 下一步 with none
            "我局工作仍存在一些不足：公开内容不够全面。下一步，我局将进一步加强信息发布。",
            [
                ("paragraph", None, "我局工作仍存在一些不足："),
                ("item", P, "公开内容不够全面"),
                ("item", IMP, "下一步，我局将进一步加强信息发布"),
            ],
        ),
        (  # marked problems, the last one going on to 下一步 (before: that item tagged improvement)
            "一是公开内容不够精准。二是互动回应不及时。下一步，我局将加强政策解读。",
            [
                ("item", P, "公开内容不够精准"),
                ("item", P, "互动回应不及时"),
                ("item", IMP, "下一步，我局将加强政策解读"),
            ],
        ),
        (  # 针对上述问题 with no colon turns as 下一步 does
            "2023年我局政府信息公开工作虽然取得了一定成效，但仍存在公开内容不够丰富、政策解读不够深入等问题。"
            "针对上述问题，我局将加强政策解读，丰富公开内容。",
            [
                (
                    "item",
                    P,
                    "2023年我局政府信息公开工作虽然取得了一定成效，但仍存在公开内容不够丰富、政策解读不够深入等问题",
                ),
                ("item", IMP, "针对上述问题，我局将加强政策解读，丰富公开内容"),
            ],
        ),
        (  # a short 五 complete in itself: no lead-in, though it has a lead-in's words
            "我局还存在公开内容不够丰富等问题。下一步，我局将加强政策解读。",
            [
                ("item", P, "我局还存在公开内容不够丰富等问题"),
                ("item", IMP, "下一步，我局将加强政策解读"),
            ],
        ),
        (  # a short sentence reporting a fix under 上年度问题整改情况; a short lead-in stays one
            "（一）上年度问题整改情况\n针对上年度报告中的解读形式单一问题，我局已制作图解15期，已整改到位。\n"
            "（二）存在的主要问题\n我局还存在一些不足。\n一是解读不够深入。",
            [
                ("heading", "subsection", "（一）上年度问题整改情况"),
                ("item", IMP, "针对上年度报告中的解读形式单一问题，我局已制作图解15期，已整改到位"),
                ("heading", "subsection", "（二）存在的主要问题"),
                ("paragraph", None, "我局还存在一些不足。"),
                ("item", P, "解读不够深入"),
            ],
        ),
        (  # one problem and its improvement a paragraph, the improvement with no marker of its own
            "一是重点领域信息公开不够全面。针对这一问题，我局将建立信息公开清单。\n"
            "二是政策解读质量有待提升。对此，我局将邀请专家参与解读。",
            [
                ("item", P, "重点领域信息公开不够全面"),
                ("item", IMP, "针对这一问题，我局将建立信息公开清单"),
                ("item", P, "政策解读质量有待提升"),
                ("item", IMP, "对此，我局将邀请专家参与解读"),
            ],
        ),
    ],
)
def test_a_sentence_that_turns_to_next_steps_is_an_improvement(text: str, expected: list) -> None:
    """五's problems followed by 下一步 (or 今后) in a sentence of their own, with no marker and no
    lead-in colon: the problems were one item with the improvements, tagged problem (the real
    Pingtan 2018 page), or the last marked problem was tagged improvement for the sentence after it."""
    assert [(kind, tag, text) for kind, tag, _, text in _five(text)] == expected


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("（一）上年度问题整改情况", "improvements"),
        ("（一）2024年工作中存在问题的改进情况", "improvements"),
        ("（一）存在的问题和不足", "problems"),
        ("（一）主要问题和改进措施", "problems"),
    ],
)
def test_a_subsection_on_the_fixes_of_last_years_problems_is_improvements(title: str, code: str) -> None:
    """上年度问题整改情况 reports what was done about last year's problems (before: `problems`, by 问题)."""
    assert zhgov_parse.narrative.subsection_code(title) == code


def test_subsections_of_part_1_numbered_in_digits() -> None:
    """一's subsections written 1.主动公开 2.依申请公开 … (before: `unknown` headings with no code); a 1.
    line under a （一）-style subsection stays that subsection's."""
    report = zhgov_parse.parse(
        "一、总体情况\n2023年，我局做好政府信息公开工作。\n1.主动公开\n全年主动公开信息428条。\n"
        "2.依申请公开情况\n全年收到申请5件。\n（三）平台建设\n1.监督保障\n完善网站。\n"
        "五、存在的主要问题及改进情况\n一是解读不够深入。\n六、其他需要报告的事项\n无。\n"
    )
    rows = report.sections.query("section == 'overview' and kind == 'heading' and tag != 'part'")
    got = [(r.text, r.tag, r.subsection_code) for r in rows.astype(object).itertuples()]
    assert got == [
        ("1.主动公开", "subsection", "active_disclosure"),
        ("2.依申请公开情况", "subsection", "applications"),
        ("（三）平台建设", "subsection", "platforms"),
        ("1.监督保障", "unknown", "platforms"),
    ]


@pytest.mark.parametrize("seal", ["（盖章）", "(盖章)", "（印章）", "（公章）", "（蓋章）"])
def test_a_sign_off_with_a_note_for_the_seal_is_the_closing(seal: str) -> None:
    """The signing body's name with a note where its seal goes (澜石区住房和城乡建设局（盖章）) is the
    sign-off, as the name alone is: ``closing``. Before, it stayed a paragraph of 六."""
    from conftest import FIXTURES

    text = (FIXTURES / "lanshi_housing_2023_pipe.txt").read_text(encoding="utf-8")
    sealed = text.replace("澜石区住房和城乡建设局\n2024", f"澜石区住房和城乡建设局{seal}\n2024")
    assert sealed != text
    plain, report = zhgov_parse.parse(text).sections, zhgov_parse.parse(sealed).sections
    assert report["section"].tolist() == plain["section"].tolist()
    assert report["section"].tolist()[-2:] == ["closing", "closing"]
