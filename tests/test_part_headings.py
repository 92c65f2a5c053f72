"""Tables found where real pages put their part headings, or where they left them out: a table's
``<caption>``, its first row (typed into the Word table, or a ``<thead>`` cell), tables run into one
with the headings as rows between them, and no heading at all, where the tables' own header rows
tell which is which."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

import zhgov_parse
from zhgov_parse.load import load
from zhgov_parse.locate import TABLE_PARTS, part_of

from goldens import expected_cells, source

HTML = [
    "chenghu_finance_2021_html",
    "tianxi_water_2022_html",
    "zhetang_town_2019_html",
    "congang_veterans_2020_html",
]
TEXT = [
    "lanshi_housing_2023_pipe",
    "heyu_ecology_2021_pipe",
    "baixi_education_2019_md",
    "yunqi_town_2024_text",
]


def _cells(report: zhgov_parse.Report) -> dict[tuple[str, str, str], object]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


def _stated(name: str) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in expected_cells(name).items() if v is not None}


def _assert_reads_as_stated(name: str, content: str) -> None:
    got = _cells(zhgov_parse.parse(content))
    want = _stated(name)
    assert {k: got.get(k) for k in want} == want


def _table_headings(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """The page's part headings of 二, 三 and 四 (outside tables), each with its text."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in (
            "html",
            "body",
            "div",
            "table",
            "tr",
            "td",
            "th",
            "tbody",
        ):
            continue
        if any(a.tag == "table" for a in el.iterancestors()):
            continue
        text = "".join(el.itertext()).strip()
        parent = el.getparent()
        if len(text) < 50 and part_of(text) in TABLE_PARTS:
            if (
                parent is not None
                and parent.tag not in ("body", "div")
                and "".join(parent.itertext()).strip() == text
            ):
                continue  # the outermost element holding the heading alone
            out.append((el, text))
    return out


def _next_table(el: etree._Element) -> etree._Element | None:
    for sibling in el.itersiblings():
        if sibling.tag == "table":
            return sibling
        inner = sibling.find(".//table")
        if inner is not None:
            return inner
        if "".join(sibling.itertext()).strip():
            return None
    return None


def _moved(page: str, where: str) -> str:
    """The page with each table's part heading moved into the table (``caption``, ``row``, ``th``)
    or removed (``dropped``)."""
    root = lxml_html.document_fromstring(page)
    headings = _table_headings(root)
    moved = 0
    for el, text in headings:
        table = _next_table(el)
        if table is None and where != "dropped":
            continue  # a heading the table does not follow (Word's page has one more: a list's)
        el.drop_tree()
        moved += 1
        if where == "caption":
            caption = etree.Element("caption")
            caption.text = text
            table.insert(0, caption)
        elif where in ("row", "th"):
            tr = etree.Element("tr")
            etree.SubElement(tr, "td" if where == "row" else "th", colspan="10").text = text
            body = table.find("tbody")
            (body if body is not None else table).insert(0, tr)
    assert moved >= 3
    return etree.tostring(root, encoding="unicode", method="html")


@pytest.mark.parametrize("where", ["caption", "row", "th", "dropped"])
@pytest.mark.parametrize("name", HTML)
def test_html_tables_with_their_part_headings_inside_them_or_none(name: str, where: str) -> None:
    page = load(source(name).read_bytes()).text
    _assert_reads_as_stated(name, _moved(page, where))


def test_html_tables_run_into_one_with_the_part_headings_as_its_rows() -> None:
    name = "chenghu_finance_2021_html"
    page = _moved(source(name).read_text(encoding="utf-8"), "row")
    first, last = page.index("<table"), page.rindex("</table>")
    inner = re.sub(r"</table>|<table[^>]*>|</?tbody>", "", page[page.index(">", first) + 1 : last])
    one = page[: page.index(">", first) + 1] + inner + page[last:]
    assert one.count("<table") == 1
    _assert_reads_as_stated(name, one)


@pytest.mark.parametrize("name", TEXT)
def test_text_tables_with_no_part_headings(name: str) -> None:
    lines = source(name).read_text(encoding="utf-8").split("\n")

    def is_table_heading(line: str) -> bool:
        text = line.strip().strip("#*").strip()
        return "|" not in line and part_of(text) in TABLE_PARTS

    kept = [line for line in lines if not is_table_heading(line)]
    assert len(lines) - len(kept) == 3
    _assert_reads_as_stated(name, "\n".join(kept))


@pytest.mark.parametrize(
    ("text", "review_read"),
    [("luwan_emergency_2024_html.weasy-pymupdf", 15), ("jianxi_medsecurity_2022_html.raw", 0)],
)
def test_pdf_text_with_no_part_headings_keeps_table_four_apart(text: str, review_read: int) -> None:
    """PDF text a cell a line: with 四's heading lost, its header's first cell (行政复议 alone on a
    line after 三's rows) starts it; before, 四 ran into 三 and moved 三's rows (45 and 56 wrong cells).
    (Plain pdftotext's 四, its header words interleaved, is not read even under its heading.)"""
    lines = (
        (Path(__file__).parent / "data" / "pdftext" / f"{text}.txt").read_text(encoding="utf-8").split("\n")
    )
    kept = [line for line in lines if not (len(line.strip()) < 50 and part_of(line.strip()) in TABLE_PARTS)]
    assert len(lines) - len(kept) == 3
    got = _cells(zhgov_parse.parse("\n".join(kept)))
    want = _stated(text.split(".")[0])
    wrong = {
        k: (v, got[k]) for k, v in want.items() if got.get(k) is not None and got[k] == got[k] and got[k] != v
    }
    assert wrong == {}
    assert sum(got.get(k) == v for k, v in want.items() if k[0] == "review_litigation") == review_read


@pytest.mark.parametrize("name", TEXT)
def test_part_titles_with_no_number_open_their_parts(name: str) -> None:
    """Each part's whole title on a line of its own, its number dropped (typed bold in the source,
    the numbering an automatic list a converter left out): the same sections and cells."""
    text = source(name).read_text(encoding="utf-8")
    bare = re.sub(r"(?m)^(?:\*\*|#+ )?[一二三四五六]\s*[、.]\s*(?=\S)", "", text)
    assert bare != text
    numbered, unnumbered = zhgov_parse.parse(text), zhgov_parse.parse(bare)
    assert unnumbered.sections["section"].tolist() == numbered.sections["section"].tolist()
    _assert_reads_as_stated(name, bare)
    assert part_of("总体情况") == "overview" and part_of("本年度总体情况良好") is None


@pytest.mark.parametrize(
    ("wording", "section"),
    [
        ("六、其它需要报告的事项", "other_matters"),
        ("六、其他需要说明的事项", "other_matters"),
        ("五、存在的问题和下一步工作打算", "problems_improvements"),
        ("五、存在问题及改进措施", "problems_improvements"),
        ("五、存在的不足及下一步打算", "problems_improvements"),  # before, 五's text was 四's
        ("五、问题与改进", "problems_improvements"),
        ("一、工作概况", "overview"),  # before, 一's text was the preamble's
    ],
)
def test_part_titles_in_other_wordings(wording: str, section: str) -> None:
    """Titles real reports give 五 and 六 besides the template's: the part still opens there (before,
    六's sentences were taken as 五's items, or 五's as 四's)."""
    assert part_of(wording) == section
    text = source("heyu_ecology_2021_pipe").read_text(encoding="utf-8")
    heading = next(line for line in text.split("\n") if line.startswith(wording[:2]))
    report = zhgov_parse.parse(text.replace(heading, wording))
    assert section in set(report.sections["section"])
    assert report.sections.query("kind == 'heading' and section == @section")["text"].iloc[0] == wording


@pytest.mark.parametrize("name", [*TEXT, "fengdu_land_2020_text", "chenghu_finance_2021_html"])
def test_part_titles_run_into_their_first_sentence(name: str) -> None:
    """A part's title with its first paragraph run on (一、总体情况：2023年，… typed so, or
    <p><strong>一、总体情况</strong>2023年…</p>): the title opens the part and the sentence is that
    part's first paragraph, its numbers among the part's facts."""
    path = source(name)
    text = path.read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    units = report.sections
    for part in ("overview", "problems_improvements", "other_matters"):
        heading = units.query("kind == 'heading' and section == @part and tag == 'part'")["text"].iloc[0]
        if path.suffix == ".html":
            pattern = rf"<p>(<strong>)?{re.escape(heading)}(</strong>)?</p>\s*<p>"
            text, n = re.subn(pattern, f"<p><strong>{heading}</strong>", text, count=1)
        else:
            pattern = rf"(?m)^((?:\*\*|#+ )?){re.escape(heading)}((?:\*\*)?)\s*\n+"
            run_on = f"\\g<1>{heading}\\g<2>："
            text, n = re.subn(pattern, run_on, text, count=1)
        assert n == 1, (part, heading)
    run_in = zhgov_parse.parse(text)
    columns = ["section", "kind", "text"]
    assert run_in.sections[columns].values.tolist() == units[columns].values.tolist()
    assert run_in.facts.values.tolist() == report.facts.values.tolist()
    assert _cells(run_in) == _cells(report)


@pytest.mark.parametrize("wording", ["五、存在的不足和改进措施", "五、政府信息公开工作存在的问题和整改措施"])
def test_other_wordings_of_five_run_into_their_first_sentence(wording: str) -> None:
    """五 titled otherwise than the template, its first sentence run on: the part still opens there
    (before, its heading and first sentence were 四's paragraph and the part was missing)."""
    text = source("lanshi_housing_2023_pipe").read_text(encoding="utf-8")
    report = zhgov_parse.parse(text.replace("五、存在的主要问题及改进情况\n", wording + "："))
    five = report.sections.query("section == 'problems_improvements'")
    assert five["text"].iloc[0] == wording
    assert "problems_missing" not in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    "name", ["lanshi_housing_2023_pipe", "fengdu_land_2020_text", "liaoting_culture_2023_html"]
)
def test_parts_numbered_as_subsections(name: str) -> None:
    """Parts numbered （一）总体情况 … （六）其他需要报告的事项: 一, 五 and 六 open their parts where the
    title is the part's and the number its own (before, the whole report was its preamble, with no
    finding); the tables are found as when their headings are left out."""
    text = source(name).read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    for number in "一二三四五六":
        text = re.sub(rf"(?<=[>\n]){number}、(?=[总主收政存其])", f"（{number}）", text, count=1)
    bracketed = zhgov_parse.parse(text)
    parts = set(bracketed.sections.query("kind == 'heading' and tag == 'part'")["section"])
    assert {"overview", "problems_improvements", "other_matters"} <= parts
    columns = ["section", "subject", "value", "unit"]
    assert bracketed.facts[columns].values.tolist() == report.facts[columns].values.tolist()
    assert _cells(bracketed) == _cells(report)


@pytest.mark.parametrize("name", ["chenghu_finance_2021_html", "congang_veterans_2020_html"])
def test_parts_numbered_with_a_space_on_a_page(name: str) -> None:
    """A page's 一 总体情况 (a space, &nbsp; or 　 between number and title, or two bold runs), whose
    space the page's text collapses: 一总体情况 opens its part where the title is the part's whole title
    and the number its own (before, 一's prose was the preamble's, 六's the table's)."""
    text = source(name).read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    for number, space in zip("一二三四五六", [" ", "&nbsp;", "\u3000", " ", "</b> <b>", " "], strict=True):
        text = re.sub(rf"(?<=>){number}、(?=[总總主收政存其])", number + space, text, count=1)
    spaced = zhgov_parse.parse(text)
    assert spaced.sections["section"].tolist() == report.sections["section"].tolist()
    assert spaced.facts.values.tolist() == report.facts.values.tolist()
    assert _cells(spaced) == _cells(report)
    assert part_of("一总体情况") == "overview" and part_of("二总体情况") is None


@pytest.mark.parametrize("name", ["lanshi_housing_2023_pipe", "chenghu_finance_2021_html"])
@pytest.mark.parametrize("style", ["1 ", "1", "一）"])
def test_parts_numbered_in_digits_with_a_space_or_none_or_a_half_bracket(name: str, style: str) -> None:
    """1 总体情况 (text), 1总体情况 (a page's, its space collapsed), 一）总体情况 (一, 五 and 六 only, as
    （一）总体情况): the part opens there, as 1.总体情况 and （一）总体情况 do (before, 一's prose was the
    preamble's, 五's and 六's 四's)."""
    text = source(name).read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    for i, number in enumerate("一二三四五六"):
        if style == "一）" and number in "二三四":
            continue
        mark = style.replace("1", str(i + 1)).replace("一", number)
        text = re.sub(rf"(?<=[>\n]){number}、(?=[总主收政存其])", mark, text, count=1)
    numbered = zhgov_parse.parse(text)
    assert numbered.sections["section"].tolist() == report.sections["section"].tolist()
    assert numbered.facts.values.tolist() == report.facts.values.tolist()


def test_subsections_of_one_named_as_parts_stay_subsections() -> None:
    """一's subsections titled as the table parts, under their numbers (（二）主动公开政府信息情况,
    （三）收到和处理政府信息公开申请情况): they stay 一's, its prose and facts too."""
    text = source("lanshi_housing_2023_pipe").read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    text = text.replace("（一）主动公开情况", "（二）主动公开政府信息情况", 1)
    text = text.replace("（二）依申请公开情况", "（三）收到和处理政府信息公开申请情况", 1)
    renamed = zhgov_parse.parse(text)
    assert renamed.facts.values.tolist() == report.facts.values.tolist()
    assert renamed.sections["section"].tolist() == report.sections["section"].tolist()


_ITEMS = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况")
_ITEMS += ("政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况")


@pytest.mark.parametrize("tables", [True, False])
@pytest.mark.parametrize(
    "listing",
    [
        "；".join(f"（{n}）{w}" for n, w in zip("一二三四五", _ITEMS, strict=True)),
        "，".join(f"{n}、{w}" for n, w in zip("一二三四五", _ITEMS, strict=True)),
    ],
)
def test_a_preamble_listing_the_parts_by_their_numbers_opens_none(listing: str, tables: bool) -> None:
    """A long preamble that lists the parts by their numbers in one sentence (全文包括（一）总体情况；
    （二）主动公开政府信息情况；…；（五）存在的主要问题及改进情况。, as a real Jiangsu report does; 一、…，
    二、… too): its items are no part headings. Before, they were cut out as headings, and the report's
    own 一、总体情况 then opened "another report" (more_reports): a report with its tables as pictures
    lost every part after its preamble."""
    lines = source("lanshi_housing_2023_pipe").read_text(encoding="utf-8").split("\n")
    preamble = (
        "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、区政府办公室《关于切实做好"
        "2023年政府信息公开年度报告编制发布工作的通知》和《中华人民共和国政府信息公开工作年度报告格式》"
        f"的要求，由澜石区住房和城乡建设局办公室编制。全文包括{listing}。"
        "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    )
    body = lines[2:] if tables else [line for line in lines[2:] if "|" not in line]
    report = zhgov_parse.parse("\n".join([lines[0], preamble, *body]))
    assert "more_reports" not in {f.code for f in report.finding_list}
    parts = report.sections.query("kind == 'heading' and tag == 'part'")["section"].tolist()
    assert parts == list(dict.fromkeys(parts))  # each part opened once
    assert {"overview", "problems_improvements", "other_matters"} <= set(parts)
    assert report.sections["section"].iloc[0] == "preamble"
    assert preamble[:20] in report.sections.query("section == 'preamble'")["text"].str.cat()
