"""HTML pages: spans, encodings, page chrome, refusals — each on a small page."""

from __future__ import annotations

import pytest

import zhgov_parse
from zhgov_parse.read_html import JavaScriptShell, LinkOnlyPage, clean_text

ACTIVE_2019 = """
<table>
<tr><td colspan="5">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="2">12</td><td>-2</td><td>340</td></tr>
<tr><td>其他对外管理服务事项</td><td>5</td><td colspan="2">+1</td><td>66</td></tr>
</table>
"""


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_value_spans_that_disagree_with_the_header_are_read_in_cell_order() -> None:
    r = zhgov_parse.parse(page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019))
    t = r.table("active_disclosure")
    assert r.meta["template"] == "2019"
    assert t.loc["licensing"].dropna().tolist() == [12, -2, 340]
    assert t.loc["other_services"].dropna().tolist() == [5, 1, 66]
    f = r.findings.query("code == 'spans_disagree'")
    assert f["row"].tolist() == ["licensing"]


def test_labels_broken_by_br_p_and_spans_read_whole() -> None:
    body = (
        """<p>四、政府信息公开行政复议、行政诉讼情况</p><table>
    <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
    <tr><td rowspan="2">结果<br>维持</td><td rowspan="2"><p>结果</p><p>纠正</p></td>
        <td rowspan="2"><span>其他</span><span>结果</span></td><td rowspan="2">尚未&nbsp;审结</td>
        <td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
    <tr>"""
        + "".join(f"<td>{h}</td>" for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)
        + """</tr>
    <tr>"""
        + "".join(f"<td>{v}</td>" for v in [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 3, 0, 0, 0, 3])
        + "</tr></table>"
    )
    r = zhgov_parse.parse(page(body))
    t = r.table("review_litigation")
    assert t.loc["review"].tolist() == [1, 0, 0, 1, 2]
    assert t.loc["litigation_after_review"].tolist() == [3, 0, 0, 0, 3]
    assert not set(r.findings["code"]) - {"missing_table", "template_unknown", "year_unknown"}


def test_gbk_page_with_charset_meta() -> None:
    html = page(
        "<p>二、主动公开政府信息情况</p>" + ACTIVE_2019,
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    )
    r = zhgov_parse.parse(html.encode("gb18030"))
    assert r.meta["encoding"] == "gb18030"
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340


def test_wrong_declaration_is_corrected_with_a_finding() -> None:
    html = page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019, '<meta charset="gbk">')
    r = zhgov_parse.parse(html.encode("utf-8"))
    assert r.meta["encoding"] == "utf-8"
    assert "charset_mismatch" in set(r.findings["code"])
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252"])
def test_a_western_charset_declared_over_chinese_bytes_is_corrected(declared: str) -> None:
    """A page that declares a charset of one byte a character (a misconfigured CMS) over GBK bytes:
    every byte decodes so, into no Chinese at all; the bytes are read as GB18030 instead, with a
    finding (before, the page was refused: no report content)."""
    html = page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019, f'<meta charset="{declared}">')
    r = zhgov_parse.parse(html.encode("gb18030"))
    assert r.meta["encoding"] == "gb18030"
    assert "charset_mismatch" in set(r.findings["code"])
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340
    western = page("<p>Annual report</p>", f'<meta charset="{declared}">').replace("report", "r\xe9port")
    assert zhgov_parse.load.load(western.encode("latin-1")).encoding != "gb18030"  # its own, kept


def test_big5_hkscs_bytes_are_detected() -> None:
    """Text in Hong Kong's forms (OpenCC's s2hk) holds characters that Big5 lacks and Big5-HKSCS
    has: such bytes are read as Big5-HKSCS (before: GB18030's garbage, no report content)."""
    opencc = pytest.importorskip("opencc")
    body = "<p>二、主动公开政府信息情况</p>" + ACTIVE_2019 + "<p>着裏</p>"
    text = opencc.OpenCC("s2hk").convert(page(body))
    data = text.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    r = zhgov_parse.parse(data)
    assert r.meta["encoding"] == "big5hkscs"
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340


def test_site_chrome_is_left_out_of_the_narrative() -> None:
    body = (
        """
    <nav><a href="/">首页</a><a href="/zwgk">政务公开</a></nav>
    <div class="crumb">当前位置：首页 > 政务公开 > 年报</div>
    <div class="side"><ul><li>通知公告</li><li>人事任免</li><li>政策解读</li></ul></div>
    <div class="article"><h1>青禾市测试局2023年政府信息公开工作年度报告</h1>
      <p>一、总体情况</p><p>2023年，我局认真落实条例要求。</p>
      <p>二、主动公开政府信息情况</p>"""
        + ACTIVE_2019.replace(
            '行政许可</td><td colspan="2">12</td><td>', '行政许可</td><td>12</td><td colspan="2">'
        )
        + """
      <p>六、其他需要报告的事项</p><p>无。</p></div>
    <div class="share">分享到：微信 微博</div>
    <script>var x = "一、总体情况";</script><style>p{color:red}</style>
    <footer>版权所有：青禾市测试局 京ICP备12345678号 网站标识码1234567890</footer>"""
    )
    r = zhgov_parse.parse(page(body, "<title>青禾市测试局2023年政府信息公开工作年度报告</title>"))
    text = "\n".join(r.sections["text"])
    for chrome in ("首页", "当前位置", "通知公告", "分享到", "版权所有", "ICP", "color:red", "var x"):
        assert chrome not in text
    assert r.meta["year"] == 2023
    assert r.meta["agency"] == "青禾市测试局"
    assert list(r.sections["section"].drop_duplicates()) == [
        "preamble",
        "overview",
        "active_disclosure",
        "other_matters",
    ]


def test_site_chrome_in_traditional_script_is_left_out_too() -> None:
    """An article's info line in Traditional (發佈時間：…瀏覽次數：0字號：大中小) is clutter as its
    Simplified form is: it was kept and glued onto the preamble's first paragraph."""
    body = """<div class="article"><h1>青禾市測試局2023年政府信息公開工作年度報告</h1>
      <div class="info">發佈時間：2024-01-19 09:30 來源：青禾市測試局 瀏覽次數：<span>0</span>
        字號：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
      <p>本報告根據《條例》要求編制</p>
      <p>一、總體情況</p><p>2023年，我局認真落實條例要求。</p>
      <p>六、其他需要報告的事項</p><p>無。</p>
      <div>掃一掃在手機打開當前頁</div><div>收藏本頁 返回頂部</div></div>"""
    r = zhgov_parse.parse(page(body))
    texts = r.sections["text"].tolist()
    assert "本報告根據《條例》要求編制" in texts
    for chrome in ("瀏覽次數", "字號", "掃一掃", "收藏本頁"):
        assert not any(chrome in t for t in texts), chrome


def test_layout_table_around_the_report_tables() -> None:
    body = "<table><tr><td><p>二、主动公开政府信息情况</p>" + ACTIVE_2019 + "</td></tr></table>"
    r = zhgov_parse.parse(page(body))
    assert r.table("active_disclosure").loc["other_services", "decisions"] == 66


def test_huge_spans_are_clamped() -> None:
    body = (
        "<p>二、主动公开政府信息情况</p>"
        '<table><tr><td colspan="1000000" rowspan="1000000">第二十条第（一）项</td></tr></table>'
    )
    r = zhgov_parse.parse(page(body))
    assert "span_clamped" in set(r.findings["code"])


@pytest.mark.parametrize("span", ["²", "①", "٣"])
def test_a_span_of_digits_int_cannot_read_is_no_internal_error(span: str) -> None:
    """``colspan="²"``: a digit to ``str.isdigit`` but not to ``int``, which raised (InternalError)."""
    body = (
        "<p>二、主动公开政府信息情况</p><table><tr>"
        f'<td colspan="{span}" rowspan="{span}">第二十条第（五）项</td></tr></table>' + ACTIVE_2019
    )
    r = zhgov_parse.parse(page(body))
    assert r.table("active_disclosure").loc["other_services", "decisions"] == 66


def test_page_linking_only_to_a_pdf() -> None:
    body = (
        '<div class="nav">首页</div>'
        '<p>附件：<a href="/upload/2023年报.pdf">2023年政府信息公开工作年度报告.pdf</a></p>'
    )
    with pytest.raises(LinkOnlyPage, match=r"only links to '/upload/2023年报.pdf'"):
        zhgov_parse.parse(page(body))


def test_javascript_shell() -> None:
    body = '<div id="app"></div><script src="/static/app.js"></script><script>load()</script>'
    with pytest.raises(JavaScriptShell, match="2 scripts"):
        zhgov_parse.parse(page(body))


def test_xhtml_with_an_encoding_declaration() -> None:
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019)
    r = zhgov_parse.parse(xhtml)
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340


def test_beautifulsoup_repairs_what_lxml_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree

    import zhgov_parse.read_html as read_html

    real = etree.fromstring
    calls = []

    def failing_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise etree.ParserError("Document is empty")
        return real(*args, **kwargs)

    monkeypatch.setattr(read_html.etree, "fromstring", failing_once)
    r = zhgov_parse.parse(page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019))
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340
    assert "html_fallback" in set(r.findings["code"])


def test_escaped_attribute_quotes_from_a_javascript_string() -> None:
    escaped = ACTIVE_2019.replace('"', '\\"')
    r = zhgov_parse.parse(page("<p>二、主动公开政府信息情况</p>" + escaped))
    assert r.table("active_disclosure").loc["licensing"].dropna().tolist() == [12, -2, 340]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("结果\n   维持", "结果维持"),
        ("尚未\u00a0\u00a0审结", "尚未审结"),
        ("  12\u200b ", "12"),
        ("82\u200b1", "821"),  # a zero-width space shows no gap (UEditor's filler between digit spans)
        ("4\ufeff1\u200c", "41"),
        ("商业 企业", "商业企业"),
        ("A  b", "A b"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_a_header_grid_misread_gives_way_to_rows_that_add_up() -> None:
    """With its colspans lost, 三's header grid puts 总计 third (自然人 and 总计 carried down by their
    rowspans into the row of organisations); the rows add up only with 总计 last, so the values are
    taken in the template's order, with a finding, instead of read into the wrong columns."""
    import re

    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert 'colspan="5"' in html  # 法人或其他组织 over the five organisations
    damaged = zhgov_parse.parse(re.sub(r'\scolspan="\d+"', "", html))
    written = zhgov_parse.parse(html)
    assert damaged.table("application_handling").equals(written.table("application_handling"))
    found = [f for f in damaged.finding_list if f.code == "columns_by_position"]
    assert [f.table for f in found] == ["application_handling"]


@pytest.mark.parametrize("fixture", ["chenghu_finance_2021_html.html", "tianxi_water_2022_html.html"])
def test_tables_drawn_with_divs_one_cell_a_block(fixture: str) -> None:
    """Some pages draw the tables with <div>s (a row of cell blocks), not <table>: read as one cell
    a line, as text is."""
    from lxml import etree
    from lxml import html as lxml_html

    from zhgov_parse.load import load

    from conftest import FIXTURES

    data = (FIXTURES / fixture).read_bytes()
    root = lxml_html.document_fromstring(load(data).text)
    for table in list(root.iter("table")):
        grid = etree.Element("div", {"class": "table"})
        for tr in table.iter("tr"):
            row = etree.SubElement(grid, "div", {"class": "row"})
            for td in tr.iterchildren("td", "th"):
                etree.SubElement(row, "div", {"class": "cell"}).text = td.text_content()
        table.getparent().replace(table, grid)
    report = zhgov_parse.parse(lxml_html.tostring(root, encoding="unicode"))
    expected = zhgov_parse.parse(data)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == {(c["table"], c["row"], c["column"]): c["value"] for c in expected.to_dict()["cells"]}
    assert "missing_table" not in set(report.findings["code"])


@pytest.mark.parametrize("gap", ["\u3000\u3000", "&nbsp;&nbsp;&nbsp;", "   "])
def test_tables_typed_as_lines_of_text_with_spaces_between_cells(gap: str) -> None:
    """A page with no <table> whose rows are paragraphs, their cells apart by spaces (a table
    typed as text in Word, aligned with 　 or &nbsp;): read as text is, as PDF text's rows are."""
    import html

    from conftest import FIXTURES

    text = (FIXTURES / "heyu_ecology_2021_pipe.txt").read_text(encoding="utf-8")
    lines = []
    for line in text.split("\n"):
        cells = [html.escape(c.strip()) for c in line.strip().strip("|").split("|") if c.strip()]
        lines.append("<p>" + gap.join(cells) + "</p>")
    report = zhgov_parse.parse(page("".join(lines)))
    expected = zhgov_parse.parse(text)
    assert report.meta["source_format"] == "text"
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == {(c["table"], c["row"], c["column"]): c["value"] for c in expected.to_dict()["cells"]}


@pytest.mark.parametrize("fixture", ["chenghu_finance_2021_html", "congang_veterans_2020_html"])
def test_rows_whose_cells_are_inline_elements_run_together(fixture: str) -> None:
    """A page with no <table> whose rows are paragraphs of <span> cells with nothing between them
    (规章 then 0, 0, 3 reads 规章003): its text is page text with the cells run together, read
    as such (source_format runon), not a page of prose with no tables."""
    from lxml import etree
    from lxml import html as lxml_html

    from conftest import FIXTURES
    from goldens import expected_cells

    root = lxml_html.document_fromstring((FIXTURES / f"{fixture}.html").read_text(encoding="utf-8"))
    for table in list(root.iter("table")):
        rows = []
        for tr in table.iter("tr"):
            row = etree.Element("p")
            for td in tr.iterchildren("td", "th"):
                etree.SubElement(row, "span").text = td.text_content().strip()
            rows.append(row)
        parent, at = table.getparent(), table.getparent().index(table)
        parent.remove(table)
        for k, row in enumerate(rows):
            parent.insert(at + k, row)
    report = zhgov_parse.parse(lxml_html.tostring(root, encoding="unicode"))
    assert report.meta["source_format"] == "runon"
    expected = expected_cells(fixture)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    read = {k: v for k, v in got.items() if v is not None}
    assert read == {k: expected[k] for k in read}  # never a wrong number
    assert len(read) >= 0.95 * sum(v is not None for v in expected.values())


def test_a_page_of_prose_with_a_few_numbers_stays_prose() -> None:
    prose = "".join(f"<p>第{i}项工作 {i} 件</p>" for i in range(1, 4))
    assert (
        zhgov_parse.parse(page("<h1>某某县2023年政府信息公开工作年度报告</h1>" + prose)).meta["source_format"]
        == "html"
    )


def test_a_table_given_as_a_picture_is_said_so() -> None:
    """Many pages put a table's screenshot where the table should be: the missing table's finding
    names the image in its part (the site's logo outside the article is none of them)."""
    page = """<html><head><title>某某县财政局2023年政府信息公开工作年度报告</title></head><body>
    <div class="nav"><img src="logo.png"></div><div class="article">
    <h1>某某县财政局2023年政府信息公开工作年度报告</h1>
    <p>一、总体情况</p><p>2023年，我局<img src="i.gif">坚持公开。</p>
    <p>二、主动公开政府信息情况</p><p><img src="/uploads/2024/table2.png"></p>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>
    <td>0</td><td>1</td></tr></table>
    <p>四、政府信息公开行政复议、行政诉讼情况</p><p>见下图</p><img src="t4.jpg">
    <p>五、存在的主要问题及改进情况</p><p>无。</p></div></body></html>"""
    report = zhgov_parse.parse(page)
    missing = report.findings.query("code == 'missing_table'").set_index("table")
    assert set(missing.index) == {"active_disclosure", "review_litigation"}
    assert missing.loc["active_disclosure", "found"] == "/uploads/2024/table2.png"
    assert "may be a picture" in missing.loc["review_litigation", "message"]
    assert missing.loc["review_litigation", "found"] == "t4.jpg"
    assert "2023年，我局坚持公开。" in set(report.sections["text"])  # an inline image splits no paragraph


@pytest.mark.parametrize("fixture", ["chenghu_finance_2021_html.html", "congang_veterans_2020_html.html"])
def test_a_spacer_column_empty_in_every_row_is_left_out(fixture: str) -> None:
    """A Word table's narrow blank column before the labels, in every row of every table: 四's value
    row (no label) had a blank first value and lost its 15 cells."""
    from lxml import etree
    from lxml import html as lxml_html

    from zhgov_parse.load import load

    from conftest import FIXTURES

    data = (FIXTURES / fixture).read_bytes()
    root = lxml_html.document_fromstring(load(data).text)
    for tr in root.iter("tr"):
        tr.insert(0, etree.Element("td"))
    report = zhgov_parse.parse(lxml_html.tostring(root, encoding="unicode"))
    assert report.cells.equals(zhgov_parse.parse(data).cells)


@pytest.mark.parametrize("review_first", [True, False], ids=["review first", "litigation first"])
def test_table_four_cut_into_two_tables(review_first: bool) -> None:
    """四 cut into 行政复议's table and 行政诉讼's (a Word table too wide for its page), either first."""
    outcomes = "".join(f"<td>{w}</td>" for w in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    review = (
        f"<table><tr><td colspan='5'>行政复议</td></tr><tr>{outcomes}</tr>"
        "<tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td></tr></table>"
    )
    litigation = (
        "<table><tr><td colspan='10'>行政诉讼</td></tr>"
        "<tr><td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
        f"<tr>{outcomes}{outcomes}</tr><tr>"
        + "".join(f"<td>{v}</td>" for v in [0, 1, 0, 0, 1, 2, 0, 0, 1, 3])
        + "</tr></table>"
    )
    tables = review + litigation if review_first else litigation + review
    table = zhgov_parse.parse(page(f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{tables}")).table(
        "review_litigation"
    )
    assert table.values.tolist() == [[1, 0, 0, 1, 2], [0, 1, 0, 0, 1], [2, 0, 0, 1, 3]]


def _chenghu_with(old: str, new: str) -> zhgov_parse.Report:
    """chenghu's page with one cell's markup replaced (it must occur once)."""
    from conftest import FIXTURES

    text = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return zhgov_parse.parse(text.replace(old, new))


def _cells_of(report: zhgov_parse.Report) -> dict[tuple[str, str, str], float | None]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


IN_FORCE = ("active_disclosure", "normative_documents", "in_force")


@pytest.mark.parametrize(
    "mark",
    [
        "<sup>1</sup>",
        "<sub>1</sub>",
        "<SUP>1</SUP>",
        "<sup><span>1</span></sup>",
        "<sup>[1]</sup>",
        '<span style="vertical-align:super">1</span>',  # Google Docs' export, some editors'
        '<span style="font-size:7pt;vertical-align: super">1</span>',
        '<span style="VERTICAL-ALIGN: sub">1</span>',  # (IE wrote property names in capitals)
        '<font style="Vertical-Align : super"><b>1</b></font>',
    ],
)
def test_a_footnote_mark_in_sup_is_no_digit_of_the_number(mark: str) -> None:
    """``<td>41<sup>1</sup></td>`` (a footnote's mark on 现行有效件数 41): the cell's text read whole
    gave 411. Now its mark is raised as the page shows it (41¹), so the cell is no number: NA with
    ``non_numeric``; every other cell as before."""
    from goldens import expected_cells

    report = _chenghu_with("<td>41</td>", f"<td>41{mark}</td>")
    got = _cells_of(report)
    assert got.pop(IN_FORCE) is None
    expected = expected_cells("chenghu_finance_2021_html")
    del expected[IN_FORCE]
    assert got == expected
    (finding,) = [f for f in report.finding_list if f.code == "non_numeric"]
    assert (finding.row, finding.column) == IN_FORCE[1:]
    assert finding.found in ("41¹", "41₁", "41[¹]")


@pytest.mark.parametrize(
    "mark",
    [
        "<sup>[1]</sup>",
        # Word's footnote reference: [1] in a span of a class its style sheet raises
        "<a href='#_ftn1' name='_ftnref1'><span class=MsoFootnoteReference>[1]</span></a>",
    ],
)
def test_bracketed_footnote_marks_set_raised_are_values_cells(mark: str) -> None:
    """A row whose every value has a bracketed footnote mark set raised (``<p>&nbsp;0<sup>[1]</sup></p>``
    read ``0[¹]``): each a value's cell with a footnote mark, NA with ``non_numeric`` (before, they
    read as labels: the row was not found, missing_row, which says nothing of the marks)."""
    import re

    from conftest import FIXTURES

    html = (FIXTURES / "congang_veterans_2020_html.html").read_text(encoding="utf-8")
    start = html.index("規章</td>")
    end = html.index("</tr>", start)
    row = re.sub(r"(\d)(?:&nbsp;)*</", lambda m: f"{m[1]}{mark}</", html[start:end])
    css = "span.MsoFootnoteReference\n\t{mso-style-noshow:yes;\n\tvertical-align:super;}"
    html = (html[:start] + row + html[end:]).replace("</head>", f"<style>{css}</style></head>")
    report = zhgov_parse.parse(html)
    found = [(f.code, f.column, f.found) for f in report.finding_list if f.row == "rules"]
    assert found == [("non_numeric", c, "0[¹]") for c in ("new_made", "new_published", "total_published")]


@pytest.mark.parametrize(
    "mark",
    [
        '<a href="#note1">1</a>',
        '<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>1</span></a>',
        ' <a href="notes.html#2"><span>2</span></a>',
    ],
)
def test_a_note_number_linked_after_a_number_is_no_digit_of_it(mark: str) -> None:
    """``41<a href="#note1">1</a>``: a footnote's number linked to its note, shown as a link after
    41, was read as a digit of it (411, no finding). Now raised as a ``<sup>``: NA, non_numeric."""
    report = _chenghu_with("<td>41</td>", f"<td>41{mark}</td>")
    assert _cells_of(report)[IN_FORCE] is None
    assert ("non_numeric", "in_force") in {(f.code, f.column) for f in report.finding_list}


@pytest.mark.parametrize("cell", ['<a href="#t2">41</a>', '<a href="/a.html">4</a><a href="/b.html">1</a>'])
def test_a_number_in_a_link_is_the_number(cell: str) -> None:
    """A link holding the whole number (``<a href="#t2">41</a>``) is the number: 41."""
    assert _cells_of(_chenghu_with("<td>41</td>", f"<td>{cell}</td>"))[IN_FORCE] == 41


@pytest.mark.parametrize(
    ("css", "mark"),
    [
        (".fn{vertical-align:super;font-size:9px}", '<span class="fn">1</span>'),
        ("p.x, SPAN.Note { Vertical-Align : sub }", '<span class="note big">1</span>'),
        # Word's: a footnote's reference, its number in a span of a class its style sheet raises
        (
            "span.MsoFootnoteReference\n\t{mso-style-noshow:yes;\n\tvertical-align:super;}",
            '<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>1</span></a>',
        ),
    ],
)
def test_a_footnote_mark_of_a_class_set_raised_is_no_digit_of_the_number(css: str, mark: str) -> None:
    """``41<span class="fn">1</span>`` under ``<style>.fn{vertical-align:super}</style>``: the page
    shows 41¹ (before, 411 with no finding); NA with ``non_numeric``."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", f"<td>41{mark}</td>").replace(
        "</head>", f"<style>{css}</style></head>"
    )
    report = zhgov_parse.parse(html)
    assert _cells_of(report)[IN_FORCE] is None
    (finding,) = [f for f in report.finding_list if f.code == "non_numeric"]
    assert (finding.row, finding.column, finding.found) == (
        *IN_FORCE[1:],
        "41₁" if "sub" in css else "41¹",
    )


@pytest.mark.parametrize(
    "cell",
    [
        "<sup>41</sup>",
        " <sup><span>41</span></sup> ",
        "<sup>4</sup><sup>1</sup>",
        '<span style="vertical-align:super">41</span>',
        '<span style="vertical-align:sub">4</span><sup>1</sup>',
    ],
)
def test_a_number_set_in_sup_whole_is_still_the_number(cell: str) -> None:
    """A cell whose whole text is raised (``<td><sup>41</sup></td>``) holds no mark: 41."""
    assert _cells_of(_chenghu_with("<td>41</td>", f"<td>{cell}</td>"))[IN_FORCE] == 41


@pytest.mark.parametrize(
    "mark",
    [
        "<sup>*</sup>",
        "①",
        "<sup>1</sup>",
        "<sup>[1]</sup>",
        "<sup>注1</sup>",
        "[1]",
        '<i style="vertical-align:super">1</i>',
    ],
)
def test_a_label_with_a_footnote_mark_still_names_its_row(mark: str) -> None:
    """``（七）总计①``, ``（七）总计<sup>1</sup>`` (a footnote on a label): still row ``total`` (the mark
    read as a digit, 总计1, named no row: its seven cells were NA, unmapped_row and missing_row)."""
    from goldens import expected_cells

    report = _chenghu_with(">（七）总计</td>", f">（七）总计{mark}</td>")
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")


def test_a_footnote_mark_in_sup_in_pipe_rows_of_paragraphs(sample_text: str) -> None:
    """A page with no <table> whose rows are pipe text in ``<p>``s: ``23<sup>1</sup>`` is no 231."""
    import html

    old = "行政规范性文件 | 4 | 1 | 23 |"
    lines = [
        f"<p>{html.escape(line)}</p>".replace(old, old[:-2] + "<sup>1</sup> |")
        for line in sample_text.split("\n")
    ]
    report = zhgov_parse.parse(page("".join(lines)))
    assert report.meta["source_format"] == "pipe"
    row = report.cells.query("row == 'normative_documents'").set_index("column")
    assert row["value"].isna().tolist() == [False, False, True]
    assert row.loc["in_force", "raw"] == "23¹"


@pytest.mark.parametrize(
    "cell",
    [
        '<td><span class=msoDel><del cite="mailto:a" datetime="2024-01-10T09:00">7</del></span>'
        '<span class=msoIns><ins cite="mailto:a" datetime="2024-01-10T09:00">41</ins></span></td>',
        '<td>4<span style="display:none">7</span>1</td>',
        '<td>4<span style="COLOR: red; DISPLAY : NONE">7</span>1</td>',
        "<td>4<span hidden>7</span>1</td>",
        '<td>4<span style="display&#58;none">7</span>1</td>',
        '<td>4<span style="display:\n\tnone">7</span>1</td>',
        '<td>4<span style="visibility:\thidden">7</span>1</td>',
        '<td>4<span style="visibility: hidden">7</span>1</td>',
        '<td>4<span style="font-size:0px;color:#fff">7</span>1</td>',
        '<td>4<span style="opacity:0">7</span>1</td>',
        '<td>4<span style="color:red; Opacity: 0.0">7</span>1</td>',
        '<td>4<span style="background-color:transparent; COLOR: Transparent">7</span>1</td>',
        "<td><s>7</s>41</td>",
        "<td><strike>7</strike> 41</td>",
        '<td><S style="color:red">17</S>&nbsp;<span>41</span></td>',
        '<td><span style="text-decoration: line-through;">7</span>41</td>',
        '<td><span style="TEXT-DECORATION: underline line-through">17</span> <span>41</span></td>',
        '<td><span style="text-decoration-line:line-through;color:red">9</span>41</td>',
    ],
    ids=[
        "word-tracked-deletion",
        "display-none",
        "display-none-upper",
        "hidden",
        "colon-as-entity",
        "display-tab-none",
        "visibility-tab-hidden",
        "visibility-hidden",
        "font-size-0",
        "opacity-0",
        "opacity-0.0",
        "color-transparent",
        "struck",
        "strike",
        "struck-upper",
        "line-through",
        "line-through-upper",
        "line-through-longhand",
    ],
)
def test_what_a_cell_holds_but_does_not_show_is_left_out(cell: str) -> None:
    """A tracked deletion (Word's "Save as Web Page": <del>), a hidden element in a cell (an
    anti-copy watermark, Word's hidden text) or a number struck out beside its correction (<s>,
    <strike>, a style's line-through as UEditor writes it) is no part of its number: 41, not 741, 471
    or 1741."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert html.count("<td>41</td>") == 1
    report = zhgov_parse.parse(html.replace("<td>41</td>", cell))
    assert report.table("active_disclosure").loc["normative_documents", "in_force"] == 41


@pytest.mark.parametrize(
    "cell",
    [
        "<ruby>41<rt>15</rt></ruby>",
        "<ruby>41<rp>(</rp><rt>15</rt><rp>)</rp></ruby>",
        "<RUBY><span>41</span><RT>1</RT></RUBY>",
    ],
)
def test_a_ruby_annotation_is_no_part_of_the_number(cell: str) -> None:
    """``<ruby>41<rt>15</rt></ruby>`` shows 41 with 15 set small over it (an annotation, in brackets
    ``<rp>`` where rubies are not shown): the number is 41 (read as 4115 before, or as no number)."""
    assert _cells_of(_chenghu_with("<td>41</td>", f"<td>{cell}</td>"))[IN_FORCE] == 41


def test_a_ruby_annotation_is_no_part_of_a_label() -> None:
    """A label annotated with its pinyin (``<ruby>规<rt>guī</rt>章<rt>zhāng</rt></ruby>``) still names
    its row."""
    from goldens import expected_cells

    report = _chenghu_with(">规章</td>", "><ruby>规<rt>guī</rt>章<rt>zhāng</rt></ruby></td>")
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        ("<td colspan=2 class=xl65 style='mso-ignore:colspan'>规章</td><td>0</td><td>0</td>", (None, 0, 0)),
        ('<td colspan="2" style="MSO-IGNORE: colspan">规章</td><td>3</td><td>4</td>', (None, 3, 4)),
        ("<td>规章</td><td colspan=2 style='mso-ignore:colspan'></td><td>5</td>", (None, None, 5)),
    ],
)
def test_an_excel_run_of_blank_cells_is_blank_cells(cells: str, read: tuple[int | None, ...]) -> None:
    """Excel saves a sheet's cells with nothing in them after a cell as one ``<td colspan=2
    style='mso-ignore:colspan'>``, the first cell's text (a label running over the blank cell) in
    it: the cells after the first are blank, no copies of its text (before, the label's copy made
    the row's values one short: all three NA, row_length_mismatch)."""
    report = _chenghu_with("<td>规章</td><td>0</td><td>0</td><td>0</td>", cells)
    columns = ("issued", "repealed", "in_force")
    cells_read = _cells_of(report)
    assert tuple(cells_read[("active_disclosure", "rules", c)] for c in columns) == read
    codes = {(f.code, f.column) for f in report.finding_list if f.row == "rules"}
    assert {("missing_value", c) for c, v in zip(columns, read, strict=True) if v is None} <= codes
    assert "row_length_mismatch" not in {code for code, _ in codes}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("<tr><td>行政规范性文件</td>", "<td>行政规范性文件</td>"),  # its <tr> lost: cells of no row
        ("<tr><td>行政规范性文件</td>", "</tr></tr><td>行政规范性文件</td>"),
        ("<tr><td>结果维持</td><td>结果纠正</td>", "<td>结果维持</td><td>结果纠正</td>"),  # 四's header
    ],
)
def test_cells_outside_any_row_are_read_as_the_browser_shows_them(old: str, new: str) -> None:
    """A row whose ``<tr>`` the page lost (``</tr><td>行政规范性文件</td><td>6</td>…</tr>``): lxml
    keeps its cells in the table outside any row, where a browser shows them as a row of their own;
    they were not read (the row NA, missing_row; 四's header row lost: columns_by_position)."""
    from goldens import expected_cells, expected_findings, finding_keys

    report = _chenghu_with(old, new)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert finding_keys(report) == expected_findings("chenghu_finance_2021_html")


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("<td class=xl67 x:num=\"0\"><span style='mso-spacerun:yes'>   </span>- </td>", 0),  # accounting
        ("<td class=xl54 align=right x:num=\"0\"><span style='mso-spacerun:yes'>  </span></td>", 0),
        ('<td x:num="12">—</td>', None),  # a number its format hides (;;;): not shown
        ('<td x:num="5.8">6</td>', 6),  # shown rounded: the page states 6
        ('<td x:num="0">0</td>', 0),
        ("<td x:num>7</td>", 7),
        ('<td x:str="-">-</td>', None),  # a dash typed as text: no number
        ('<td x:num="abc">-</td>', None),
    ],
)
def test_an_excel_number_shown_as_a_dash_is_its_value(cell: str, read: int | None) -> None:
    """Excel saves a number cell whose format shows it otherwise with its value in ``x:num``: an
    accounting format's dash for 0 (``<td x:num="0"> - </td>``), a format hiding zeros (blank). The
    value is 0 (before, NA: missing_value); a cell shown as a number is read as shown, and one whose
    format hides another number shows none: NA."""
    report = _chenghu_with("<td>行政规范性文件</td><td>6</td>", f"<td>行政规范性文件</td>{cell}")
    issued = ("active_disclosure", "normative_documents", "issued")
    assert _cells_of(report)[issued] == read
    missing = {f.column for f in report.finding_list if f.code == "missing_value"}
    assert ("issued" in missing) == (read is None and ("-" in cell or "—" in cell))


def test_a_cell_styled_struck_out_is_blank() -> None:
    """A cell whose own style strikes its text out (``<td style="text-decoration:line-through">41``) is
    blank, as a cell holding only ``<s>41</s>`` is: NA, not 41."""
    report = _chenghu_with("<td>41</td>", '<td style="text-decoration:line-through">41</td>')
    assert _cells_of(report)[IN_FORCE] is None
    assert ("missing_value", "in_force") in {(f.code, f.column) for f in report.finding_list}


def test_what_is_left_out_is_what_the_markup_hides_in_cells() -> None:
    """The quick test of a page's text (:func:`_may_hide`) and the walk of its tree (:func:`_unshown`)
    find exactly what the definition finds, stated as an XPath: every <del>, every element inside
    a cell that is hidden or styled display:none (letters in any case, spaces anywhere), and every
    element inside a cell, no cell or row itself, styled visibility:hidden, font-size:0 or opacity:0; on
    random pages that also hold the words in style sheets, scripts and other attributes."""
    import random

    from lxml import etree

    from zhgov_parse.read_html import _PARSER, _may_hide, _unshown

    definition = etree.XPath(  # (white space in a style, tabs and line breaks too, is no part of it)
        "//del | (//td | //th)//*[@hidden or "
        "contains(translate(@style, 'DISPLAYNOE \t\n\r', 'displaynoe'), 'display:none')] | "
        "(//td | //th)//*[not(self::td or self::th or self::tr)]"
        "[contains(translate(@style, 'VISBLTYHDEN \t\n\r', 'visbltyhden'), 'visibility:hidden') or "
        "contains(concat(translate(@style, ' \t\n\r', ''), ';'), 'font-size:0;') or "
        "contains(concat(translate(@style, ' \t\n\r', ''), ';'), 'font-size:0px;') or "
        "contains(concat(translate(@style, ' \t\n\r', ''), ';'), 'opacity:0;')]"
    )
    styles = ["", "display:none", "DISPLAY : NONE", "color:red; Display: None", "display:block",
              "visibility:hidden", "overflow: hidden", "display:\tnone", "display&#58;none",
              "Visibility : hidden", "font-size:0", "color:#fff; font-size: 0px", "font-size:0.8em",
              "font-size:10.5pt", "opacity:0", "opacity: 0", "opacity:0.5"]  # fmt: skip
    extras = ["", '<input type="hidden" value="1">', "<style>.m{display:none}</style>",
              "<script>if (a < b) x.hidden = 1;</script>", '<div data-hidden="1">x</div>']  # fmt: skip
    rng = random.Random(7)

    def element(depth: int) -> str:
        tag = rng.choice(tags)
        attrs = f' style="{rng.choice(styles)}"' if rng.random() < 0.5 else ""
        attrs += rng.choice(["", "", "", " hidden", ' hidden=""'])
        inner = "".join(element(depth + 1) for _ in range(rng.randint(0, 3))) if depth < 3 else "4"
        return f"<{tag}{attrs}>{rng.choice(['1', '', '规章'])}{inner}</{tag}>{rng.choice(['', '7'])}"

    found = 0
    for n in range(1500):
        tags = ["span", "p", "td", "table", "tr", "div"] + ["del"] * (n % 3 == 0)  # the gate's other words
        text = (
            f"<html><head>{rng.choice(extras)}</head><body>{rng.choice(extras)}<table><tr><td>"
            f"{element(0)}</td></tr></table>{element(0)}</body></html>"
        )
        root = etree.fromstring(text, _PARSER)
        tree = root.getroottree()
        want = [tree.getpath(el) for el in definition(root)]
        got = [tree.getpath(el) for el in _unshown(root)] if _may_hide(text) else []
        assert got == want, text
        found += bool(want)
    assert 300 < found < 1400  # pages with and without something to leave out


@pytest.mark.parametrize(
    ("hide", "close", "sheet"),
    [
        ('<div style="display:none">', "</div>", ""),
        ("<div hidden>", "</div>", ""),
        ('<div class="m">', "</div>", ".m{display:none}"),
        ('<section id="print">', "</section>", "#print { DISPLAY: none !important }"),
        ('<div class="tab y2020">', "</div>", "div.y2020{visibility:hidden}"),
        ("<details><summary>2020年度报告</summary>", "</details>", ""),
    ],
    ids=["style", "hidden", "class", "id", "element-class", "details"],
)
def test_a_hidden_copy_of_a_report_beside_the_shown_one_takes_its_text_with_it(
    hide: str, close: str, sheet: str
) -> None:
    """A page holding a hidden copy of a report before the one it shows (a print version, another
    year's behind a tab), its tables twins of the shown ones: its tables were left out, but its text
    stayed, read before the shown report's: its overview's numbers were cross-checked against the
    shown tables (fact_mismatch where the two copies differ: two here) and its sections doubled. The hidden
    element around the twin tables, holding no other table, is left out whole. A copy hidden by a class
    or id of the page's style sheet, or in a closed ``<details>``, is hidden as well (before, the copy
    was the report read: 117 cells wrong here, with more_reports)."""
    import re

    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)[1]  # type: ignore[index]
    other = re.sub(r"(?<=[>\d申请])(\d+)(?=</td>|件)", lambda m: str(int(m[1]) + 2), body)  # other numbers
    page = html.replace("<body>", f"<body>{hide}{other}{close}", 1)
    page = page.replace("</head>", f"<style>{sheet}</style></head>", 1) if sheet else page
    report, shown = zhgov_parse.parse(page), zhgov_parse.parse(html)
    assert report.to_dict()["cells"] == shown.to_dict()["cells"]
    assert report.to_dict()["sections"] == shown.to_dict()["sections"]
    assert [f.code for f in report.finding_list] == [f.code for f in shown.finding_list]


def test_a_hidden_copy_naming_a_row_otherwise_is_a_copy() -> None:
    """A hidden copy of the report before the shown one whose 二 names a row otherwise (政府规章 for
    规章: another year's wording) is a copy still: its tables hold all of a shown table's labels but
    one in five. Before, that table was no twin and stayed, with the copy's text: the copy's 二 was
    the report read (its numbers, with more_reports)."""
    import re

    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)[1]  # type: ignore[index]
    other = re.sub(r"(?<=>)(\d+)(?=</td>)", lambda m: str(int(m[1]) + 2), body).replace("规章", "政府规章")
    page = html.replace("<body>", f'<body><div style="display:none">{other}</div>', 1)
    assert _cells_of(zhgov_parse.parse(page)) == _cells_of(zhgov_parse.parse(html))


def test_a_page_whose_article_is_hidden_until_a_script_shows_it_is_read() -> None:
    """Hidden elements are left out inside table cells only: a page that hides its whole article
    (shown by a script) is still read."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    hidden = html.replace("<body>", '<body><div style="display:none">').replace("</body>", "</div></body>")
    assert (
        zhgov_parse.parse(hidden)
        .table("active_disclosure")
        .equals(zhgov_parse.parse(html).table("active_disclosure"))
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("yujing_stats_2023_html", "jianxi_medsecurity_2022_html"),
        ("chenghu_finance_2021_html", "zhetang_town_2019_html"),
    ],
)
def test_a_page_holding_two_reports_reads_the_first(first: str, second: str) -> None:
    """A listing page that shows one year's report and then another's: only the first is read, with
    more_reports. Before, the second's rows filled the first's blank ones (another year's numbers
    under this year's: 规章 0, 0, 0 where the 2023 report writes / / /)."""
    import re

    from conftest import FIXTURES
    from goldens import expected_cells

    def body(name: str) -> str:
        html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
        return re.search(r"<body[^>]*>(.*)</body>", html, re.S).group(1)  # type: ignore[union-attr]

    report = zhgov_parse.parse(
        f"<html><body><div>{body(first)}</div><hr><div>{body(second)}</div></body></html>"
    )
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(first)
    assert "more_reports" in {f.code for f in report.finding_list}


def _other_reports_tables(name: str, page: str, fill: tuple[str, str]) -> str:
    """``page`` with another report's title and its parts 二 to 四 after its 六 (a 相关链接 box, no
    part 一 of their own), the cells it leaves blank filled (``fill``: its blank, a number)."""
    cut = page.index("五、存在")
    tables = page[page.index("二、主动公开") : cut].replace(*fill)
    if name.endswith("_html"):
        start = page.rfind("<p", 0, page.index("二、主动公开"))
        tables = page[start : page.rfind("<p", 0, cut)].replace(*fill)
        end = page.rfind("</body>")
        box = f"<div><p>相关链接</p><h2>2018年政府信息公开工作年度报告</h2>{tables}</div>"
        return page[:end] + box + page[end:]
    return page + "相关链接\n2021年青禾市数据资源局政府信息公开工作年度报告\n" + tables


@pytest.mark.parametrize(
    ("name", "fill"),
    [
        ("qinghe_data_2022_pipe", ("行政强制 | |||", "行政强制 | 5 |||")),
        ("zhetang_town_2019_html", ("<td></td>", "<td>7</td>")),
    ],
)
def test_another_reports_tables_after_the_report_fill_none_of_its_blanks(
    name: str, fill: tuple[str, str]
) -> None:
    """Another report's tables after the report's 六 (相关链接 showing last year's 二 to 四, with no part
    一 before them) start another report: only the first is read, with more_reports. Before, their
    rows filled the report's blank ones (行政强制 5 where the report leaves it blank; in the 2019
    page, six cells: 规章 and 行政强制), with duplicate_row only; in HTML the other rows, copies that
    differ, were NA (88 cells lost)."""
    from goldens import expected_cells, source

    page = source(name).read_text(encoding="utf-8")
    report = zhgov_parse.parse(_other_reports_tables(name, page, fill))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(name)
    assert "more_reports" in {f.code for f in report.finding_list}


@pytest.mark.parametrize("name", ["qinghe_data_2022_pipe", "chenghu_finance_2021_html"])
def test_another_reports_tables_before_the_report_are_not_read(name: str) -> None:
    """Another report's tables before the report (a sidebar's copy of last year's 二 to 四 under its
    title, with no part 一 and no text of their own): left out, the report after them read, with
    more_reports. Before, they were read as the first report and the report itself left out: every
    number the sidebar's (194 cells wrong in the pipe text, 200 in the page). A report whose part 一
    heading is lost keeps its text, and is read as before (test_a_page_holding_two_reports_…)."""
    import re

    from goldens import expected_cells, source

    page = source(name).read_text(encoding="utf-8")
    other = re.sub(r"(?<=[ >])(\d+)(?= [|]|</td>)", lambda m: str(int(m[1]) + 3), page)  # other numbers
    if name.endswith("_html"):
        start = other.rfind("<p", 0, other.index("二、主动公开"))
        end = other.rfind("<p", 0, other.index("五、存在"))
        box = f"<div><h2>2020年度报告</h2>{other[start:end]}</div>"
        text = page.replace("<body>", "<body>" + box, 1)
    else:
        text = "2020年度报告\n" + other[other.index("二、主动公开") : other.index("五、存在")] + page
    report = zhgov_parse.parse(text)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(name)
    assert "more_reports" in {f.code for f in report.finding_list}


@pytest.mark.parametrize("name", ["chenghu_finance_2021_html", "qinghe_data_2022_pipe"])
def test_a_report_without_tables_takes_none_of_the_next_report_s(name: str) -> None:
    """A page holding a report whose tables are pictures (its parts 二 to 四 an image each) or left
    out, then another report with its tables: the second's tables were read as the first's, under
    the first's year and agency (about 200 cells of another report; fact_mismatch only where the prose
    happened to disagree). A part 一 heading after the first report's text and a later part starts
    the next report, tables or not: only the first is read, its tables missing, with more_reports."""
    import re

    from goldens import source

    page = source(name).read_text(encoding="utf-8")
    if name.endswith("_html"):
        pictures = "".join(
            f"<p>{part}</p><p><img src='t{n}.png'></p>"
            for n, part in enumerate(["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"])
        )
        first = page[: page.index("<p>二、")] + pictures + page[page.index("<p>五、") :]
        other = source("tianxi_water_2022_html").read_bytes().decode("gbk")
        body = re.search(r"<body[^>]*>(.*)</body>", other, re.S)[1]  # type: ignore[index]
        text = first.replace("</body>", f"<hr>{body}</body>")
    else:
        text = page[: page.index("二、主动")] + page[page.index("五、存在") :] + "\n"
        text += source("qinghe_justice_2020_pipe").read_text(encoding="utf-8")
    report = zhgov_parse.parse(text)
    assert all(c["value"] is None for c in report.to_dict()["cells"])
    codes = [f.code for f in report.finding_list]
    assert "more_reports" in codes
    assert codes.count("missing_table") == 3


def test_a_sidebar_s_excerpt_of_last_year_s_report_before_the_report_is_not_read() -> None:
    """A portal's sidebar before the article holding an excerpt of last year's report (its title,
    一、总体情况 and its text, 二's heading and （详见原文）, no tables): it was the page's first report,
    and the report after it was cut off as another: every cell NA (197 lost), missing_table for the
    three tables. A report with no tables whose title names another year than the page's, before
    one whose title names the page's, is left out now (more_reports); the page's report is read."""
    from goldens import expected_cells, source

    page = source("yujing_stats_2023_html").read_text(encoding="utf-8")
    excerpt = (
        '<div class="box"><h3>榆泾县统计局2022年政府信息公开工作年度报告</h3><p>一、总体情况</p>'
        "<p>2022年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息300条，收到政府信息公开申请12件。</p>"
        "<p>二、主动公开政府信息情况</p><p>（详见原文）</p></div>"
    )
    report = zhgov_parse.parse(page.replace('<ul class="side-list">', excerpt + '<ul class="side-list">', 1))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells("yujing_stats_2023_html")
    codes = [f.code for f in report.finding_list]
    assert "more_reports" in codes
    assert "missing_table" not in codes


@pytest.mark.parametrize(
    ("cell", "value", "sheet"),
    [
        ('4<span style="display:block">1</span>', None, ""),
        ('4<font style="Display : Flex">1</font>', None, ""),
        ('<span style="display:block">4</span><b style="display: list-item">1</b>', None, ""),
        ("4<br>1", None, ""),
        ('4<span class="n">1</span>', None, "span.n { DISPLAY: block }"),
        ('4<span id="b2">1</span>', None, ".a, #b2{display:block}"),
        ('<span style="display:block; text-align:center">41</span>', 41, ""),
        ('4<span style="display:inline-block">1</span>', 41, ""),
        ('4<span class="n">1</span>', 41, ".n{display:block} .t .n{display:inline}"),
        ('4<span class="n">1</span>', 41, "@media (max-width:600px){.n{display:block}}"),
        ('4<span class="n" style="color:red">1</span>', 41, ".n{display:block}"),
    ],
    ids=[
        "block",
        "flex",
        "two-blocks",
        "br",
        "class",
        "id",
        "whole",
        "inline-block",
        "class-toggled",
        "class-media",
        "class-styled",
    ],
)
def test_an_element_styled_a_block_in_a_number_is_a_line_of_its_own(
    cell: str, value: int | None, sheet: str
) -> None:
    """``4<span style="display:block">1</span>``: the page shows 4 and 1 on two lines, as ``4<br>1``;
    no number, NA with non_numeric (before, 41 with no finding), so too for an element of a class or
    id the page's style sheet sets a block. A number in one such element, one ``inline-block`` (on
    the line), or of a class a rule may set otherwise (a toggle, some screens) or that has a style of
    its own is the number."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", f"<td>{cell}</td>")
    report = zhgov_parse.parse(html.replace("</head>", f"<style>{sheet}</style></head>") if sheet else html)
    assert _cells_of(report)[IN_FORCE] == value
    assert (("non_numeric", "in_force") in {(f.code, f.column) for f in report.finding_list}) == (
        value is None
    )


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("<pre>4\n1</pre>", None),
        ('<span style="White-Space : Pre-Line">4\n1</span>', None),
        ('<font style="white-space:pre-wrap"><b>4</b>\n1</font>', None),
        ("<pre>\n41\n</pre>", 41),
        ('<span style="white-space:nowrap">4\n1</span>', 41),
    ],
    ids=["pre", "pre-line", "pre-wrap", "pre-whole", "nowrap"],
)
def test_a_line_break_a_cell_shows_in_a_number_is_a_line(cell: str, value: int | None) -> None:
    """``<pre>4\n1</pre>`` (or a ``white-space:pre`` style) shows 4 and 1 on two lines, as ``4<br>1``:
    no number, NA with non_numeric (before, 41 with no finding). A line break elsewhere is a space."""
    report = _chenghu_with("<td>41</td>", f"<td>{cell}</td>")
    assert _cells_of(report)[IN_FORCE] == value
    assert (("non_numeric", "in_force") in {(f.code, f.column) for f in report.finding_list}) == (
        value is None
    )


@pytest.mark.parametrize("between", ["<br>", "</p><p>"])
def test_two_rows_values_on_lines_of_one_cell_are_no_number(between: str) -> None:
    """Two rows typed into one (each cell holds both rows' texts on two lines: 3.其他 and （七）总计):
    a cell's two values are no number, NA, not their digits run together (3<br>46 read 346 under
    总计 before)."""
    import re

    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    rows = re.search(
        r'<tr><td>(3\.其他)</td>(.*?)</tr>\n<tr><td colspan="2">(（七）总计)</td>(.*?)</tr>', html
    )
    assert rows is not None
    values = zip(re.findall(r"<td>(\d+)</td>", rows[2]), re.findall(r"<td>(\d+)</td>", rows[4]), strict=True)
    merged = f"<tr><td>{rows[1]}{between}{rows[3]}</td>" + "".join(
        f"<td><p>{a}{between}{b}</p></td>" for a, b in values
    )
    report = zhgov_parse.parse(html.replace(rows[0], merged + "</tr>"))
    expected = expected_cells("chenghu_finance_2021_html")
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert all(value is None or value == expected[key] for key, value in got.items())
    assert got[("application_handling", "total", "total")] is None


_HIDDEN_ROW = "<tr height=0 style='display:none;mso-height-source:userset;mso-height-alt:300'>"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (  # a stale copy of a row, hidden above it
            '<tr><td colspan="3">一、本年新收',
            f'{_HIDDEN_ROW}<td colspan="3">一、本年新收政府信息公开申请数量</td>'
            + "<td>50</td>" * 6
            + '<td>300</td></tr><tr><td colspan="3">一、本年新收',
        ),
        (  # a hidden row inside (三)不予公开's group, which its rowspan counts (8 rows shown)
            '<td rowspan="8">（三）不予公开</td>',
            '<td rowspan="9">（三）不予公开</td>',
        ),
        (  # a hidden cell: the row shows its seven values
            "<td>43</td>",
            "<td style='display:none' x:num>99</td><td>43</td>",
        ),
    ],
    ids=["hidden-row", "hidden-row-in-a-rowspan", "hidden-cell"],
)
def test_rows_and_cells_a_page_does_not_show_are_left_out(old: str, new: str) -> None:
    """An Excel sheet saved as a web page writes its hidden rows, numbers and all, as
    ``<tr height=0 style='display:none;…'>``: they are no rows of the table (before, a stale row
    hidden above 一、本年新收 was read in its place, flagged only by duplicate_row; inside a rowspan
    group the hidden row's values took the next row's place)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert html.count(old) == 1
    html = html.replace(old, new)
    if 'rowspan="9"' in new:  # the hidden row, after 2.其他法律行政法规禁止公开
        hidden = f"{_HIDDEN_ROW}<td>3.危及“三安全一稳定”</td>" + "<td>5</td>" * 6 + "<td>30</td></tr>"
        html = html.replace("<tr><td>3.危及", hidden + "<tr><td>3.危及")
    report = zhgov_parse.parse(html)
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells("chenghu_finance_2021_html")


_NORMATIVE = "<tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td></tr>"
_APPLIED = "<tr><td>3.其他</td><td>3</td><td>1</td><td>1</td><td>0</td><td>0</td><td>2</td><td>7</td></tr>"
_APPLIED_SHIFTED = (
    "<tr><td>3.其他<br>3</td><td>1</td><td>1</td><td>0</td><td>0</td><td>2</td><td>7</td><td></td></tr>"
)


@pytest.mark.parametrize(
    ("row", "shifted"),
    [
        (_NORMATIVE, "<tr><td>行政规范性文件<br>6</td><td>2</td><td>41</td><td></td></tr>"),
        (_NORMATIVE, "<tr><td><p>行政规范性文件</p><p>6</p></td><td>2</td><td>41</td><td></td></tr>"),
        (_NORMATIVE, "<tr><td>行政规范性文件<br>6</td><td>2</td><td>41</td></tr>"),
        (_APPLIED, _APPLIED_SHIFTED),
    ],
)
def test_a_value_on_its_own_line_in_the_label_cell_is_the_rows_first(row: str, shifted: str) -> None:
    """A row's first value typed into its label's cell, on a line of its own, the row's other values
    a cell to the left (a blank cell after them): the number is split off where the row then holds
    all its values (before, 行政规范性文件6 matched its row, and 2, 41 stood one column to the left)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert row in html
    report = zhgov_parse.parse(html.replace(row, shifted))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells("chenghu_finance_2021_html")
    assert "cell_repaired" in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    "shifted",
    [
        "<tr><td>行政规范性文件6</td><td>2</td><td>41</td><td></td></tr>",  # a value, or a mark and a blank
        "<tr><td>行政规范性文件<br>6</td><td>2</td><td></td><td></td></tr>",  # short of a value either way
    ],
)
def test_a_number_in_the_label_cell_that_may_be_a_value_leaves_the_row_na(shifted: str) -> None:
    """A number after a row's label in its cell, where the row's cells do not tell whether it is the
    row's first value (its other values a cell to the left) or a mark: the row NA, said."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    report = zhgov_parse.parse(html.replace(_NORMATIVE, shifted))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    expected = expected_cells("chenghu_finance_2021_html")
    row = {k: v for k, v in got.items() if k[1] == "normative_documents"}
    assert set(row.values()) == {None}
    assert all(v == expected[k] for k, v in got.items() if k[1] != "normative_documents")
    assert any(
        f.code == "row_length_mismatch" and f.row == "normative_documents" for f in report.finding_list
    )


def test_a_mark_after_a_full_rows_label_is_left() -> None:
    """A digit after the label of a row whose cells hold all its values is no value: the row is read."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    for marked in ("行政规范性文件1", "行政规范性文件<br>1"):
        report = zhgov_parse.parse(html.replace(">行政规范性文件<", f">{marked}<"))
        got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
        assert got == expected_cells("chenghu_finance_2021_html")


_GRANTED = "<td>9</td><td>1</td><td>1</td><td>0</td><td>2</td><td>0</td><td>13</td></tr>"
_REVIEWED = "<tr>" + "<td>{}</td>" * 15 + "</tr>"
_REVIEWED = _REVIEWED.format(*"100120100100000")
_REVIEWED_SHIFTED = "<tr><td>1 0</td>" + "<td>{}</td>" * 14 + "</tr>"
_REVIEWED_SHIFTED = _REVIEWED_SHIFTED.format(*"0120100100000", "")


@pytest.mark.parametrize(
    ("row", "shifted", "table", "na"),
    [
        (
            _NORMATIVE,
            "<tr><td>行政规范性文件</td><td>6　2</td><td>41</td><td></td></tr>",
            "active_disclosure",
            3,
        ),
        (
            _NORMATIVE,
            "<tr><td>行政规范性文件</td><td><span>6</span> <span>2</span></td><td>41</td><td></td></tr>",
            "active_disclosure",
            3,
        ),
        (
            _NORMATIVE,
            "<tr><td>行政规范性文件</td><td>６ 2</td><td>41</td><td></td></tr>",
            "active_disclosure",
            3,
        ),
        (
            _GRANTED,
            "<td>9 1</td><td>1</td><td>0</td><td>2</td><td>0</td><td>13</td><td></td></tr>",
            "application_handling",
            7,
        ),
        (
            _REVIEWED,
            _REVIEWED_SHIFTED,
            "review_litigation",
            15,
        ),
    ],
)
def test_values_apart_in_one_cell_before_a_blank_cell_leave_the_row_na(
    row: str, shifted: str, table: str, na: int
) -> None:
    """Two values typed into one cell apart by a space, the row's other values a cell to the left and
    its last cell blank: two values (6, 2, 41) or one number with a stray space (62, 41, blank)? The
    row NA, said (before, 62 under 本年制发件数 and 41 under 本年废止件数)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert html.count(row) == 1
    report = zhgov_parse.parse(html.replace(row, shifted))
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    expected = expected_cells("chenghu_finance_2021_html")
    assert all(v is None or v == expected[k] for k, v in got.items())
    assert sum(1 for k, v in expected.items() if v is not None and got.get(k) is None) == na
    assert any(f.code == "row_length_mismatch" and f.table == table for f in report.finding_list)


def test_a_stray_space_inside_a_number_of_a_full_row_is_joined() -> None:
    """A space inside a number, in a row with no blank cell it could have moved into: one number."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    report = zhgov_parse.parse(html.replace(_NORMATIVE, _NORMATIVE.replace("<td>41<", "<td>4 1<")))
    got = {c["column"]: c["value"] for c in report.to_dict()["cells"] if c["row"] == "normative_documents"}
    assert got == {"issued": 6, "repealed": 2, "in_force": 41}


_ACTIVE_2021 = """
<table class="{cls}">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td>行政规范性文件</td><td>{issued}</td><td>2</td><td>41</td></tr>
</table>
"""


@pytest.mark.parametrize("issued", ["6", "7"], ids=["same-numbers", "numbers-differ"])
def test_two_copies_of_a_table_that_disagree_leave_their_rows_na(issued: str) -> None:
    """A page with its table twice, for desktop and for phones, one hidden by a class its CSS
    defines (``hidden-xs``): where the copies hold the same numbers they are the row's; where a
    row's numbers differ, which copy the page shows is not known, so the row is NA (before, the
    first copy's, the hidden one's here, was read: 7 under 本年制发件数, flagged only by
    duplicate_row)."""
    mobile = _ACTIVE_2021.format(cls="visible-xs", issued=issued)
    desktop = _ACTIVE_2021.format(cls="hidden-xs", issued="6")
    report = zhgov_parse.parse(page("<p>二、主动公开政府信息情况</p>" + mobile + desktop))
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got[("rules", "in_force")] == 3
    normative = [got[("normative_documents", c)] for c in ("issued", "repealed", "in_force")]
    duplicate = [f.message for f in report.finding_list if f.code == "duplicate_row" and f.row]
    if issued == "6":
        assert normative == [6, 2, 41]
    else:
        assert normative == [None, None, None]
        assert any("行政规范性文件" in m and "numbers differ" in m for m in duplicate)


def test_a_zero_width_space_between_a_numbers_digit_spans_is_no_gap() -> None:
    """An editor's zero-width filler between a number's digit spans (UEditor writes &#8203; beside
    inline elements) shows no gap: 26, not 2 6, which in a row with blank cells left it NA as two
    values typed into one cell (025_shuyang's (七)总计 so written lost its 26 and 26)."""
    digits = '<span lang="EN-US">2</span>&#8203;<span lang="EN-US">6</span>'
    mobile = _ACTIVE_2021.format(cls="", issued=digits).replace("<td>2</td>", "<td></td>")
    report = zhgov_parse.parse(page("<p>二、主动公开政府信息情况</p>" + mobile))
    got = {(c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert [got[("normative_documents", c)] for c in ("issued", "repealed", "in_force")] == [26, None, 41]


@pytest.mark.parametrize(
    ("declared", "script", "codec"), [("gb2312", "s2t", "big5"), ("big5", "s2s", "gb18030")]
)
def test_a_chinese_charset_declared_over_another_s_bytes_is_corrected(
    declared: str, script: str, codec: str
) -> None:
    """A page that kept the ``<meta charset>`` of its first form over bytes in another Chinese charset
    (a Traditional page's Big5 bytes declaring gb2312): the declared charset decodes them into garbage
    with none of a report's words, so the bytes are read as the charset that does read them, with a
    finding (before, the page was refused: no report content)."""
    opencc = pytest.importorskip("opencc")
    html = page("<p>二、主动公开政府信息情况</p>" + ACTIVE_2019, f'<meta charset="{declared}">')
    if script == "s2t":
        html = opencc.OpenCC("s2t").convert(html)
    r = zhgov_parse.parse(html.encode(codec))
    assert r.meta["encoding"] == codec
    assert "charset_mismatch" in set(r.findings["code"])
    assert r.table("active_disclosure").loc["licensing", "decisions"] == 340


@pytest.mark.parametrize(
    ("old", "new", "repaired"),
    [
        ('<td rowspan="3" colspan="3">（本列', '<td rowspan="2" colspan="3">（本列', 1),
        ('<td rowspan="2">自然人</td>', "<td>自然人</td>", 1),
        ('<td rowspan="2">自然人</td>', '<td rowspan="3">自然人</td>', 1),
        ('<td rowspan="3">（四）无法提供', '<td rowspan="4">（四）无法提供', 1),
        ('<td rowspan="2">结果纠正', '<td rowspan="3">结果纠正', 1),
        ('<td rowspan="2">结果纠正', '<td rowspan="4">结果纠正', 1),
        ('<td rowspan="8">（三）不予公开', '<td rowspan="10">（三）不予公开', 1),
        ('<td rowspan="3">（四）无法提供', '<td rowspan="5">（四）无法提供', 1),
    ],
    ids=[
        "note-short",
        "natural-person-short",
        "natural-person-long",
        "group-long",
        "outcome-long",
        "by-two",
        "withheld-group-by-two",
        "unavailable-group-by-two",
    ],
)
def test_a_rowspan_one_row_too_long_or_too_short_is_read_as_the_rows_show(
    old: str, new: str, repaired: int
) -> None:
    """A rowspan that ends a row early leaves a gap in the next row, its own cells a column left;
    one a row too long pushes its cell into the next row, whose own cells fill the table. Where
    one change of that span makes the row as wide as the others, it is read so, with a finding.
    Before, the first left 总计 to run on into 一、本年新收's values, the others put the label
    among values (一 row, 四's only row, 三's （五）不予处理 group): 7 to 26 cells NA. So too a group's
    span two rows too long (10 for 8), which pushes the next group's first two rows right (before:
    the second of them NA, 7 cells)."""
    from goldens import expected_cells

    report = _chenghu_with(old, new)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert sum(f.code == "cell_repaired" for f in report.finding_list) == repaired


def test_a_row_that_overflows_by_blank_cells_at_its_end_keeps_its_rowspans() -> None:
    """Word writes empty cells past a row's last: a row one blank cell too wide under a rowspan
    in its last row is no sign of that span being too long (the span is left as it is)."""
    report = _chenghu_with(
        "<td>3.补正后申请内容仍不明确</td><td>3</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td>",
        "<td>3.补正后申请内容仍不明确</td><td>3</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td>"
        "<td>&nbsp;</td>",
    )
    from goldens import expected_cells

    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert "cell_repaired" not in {f.code for f in report.finding_list}


def test_a_stray_cell_before_a_header_row_leaves_no_header_in_another_order() -> None:
    """A blank cell before 自然人 (Word's placeholder cell, a stray cell a CMS left) puts the row's
    cells a column right: the row under it falls a column short of 总计's rowspan, a hole in the
    browser. 总计 is not read into that row after the organisations and the 自然人 its rowspan
    carries among them (a header of all seven columns in another order, whose values would follow
    it: 36 wrong), nor into the row after it among its values."""
    from goldens import expected_cells

    placeholder = (
        "<td width=7 style='mso-cell-special:placeholder;border:none;padding:0cm 0cm 0cm 0cm'>"
        "<p class='MsoNormal'>&nbsp;</p></td>"
    )
    report = _chenghu_with('<tr><td rowspan="2">自然人</td>', f'<tr>{placeholder}<td rowspan="2">自然人</td>')
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")


def test_tables_of_different_widths_in_one_table_keep_their_rowspans() -> None:
    """三 (ten columns) and 四 (fifteen) in one ``<table>``, as some pages put all their tables: 四's
    header rows are as wide as each other, and no wider than 三's rows make them look; its
    rowspans are its own (before, read as one row too long: five spurious repairs)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    three_end = html.index("</table>", html.index("申请人情况"))
    four_start = html.index("<table", three_end)
    four_rows = html.index("<tr>", four_start)
    html = html[:three_end] + html[four_rows:]
    report = zhgov_parse.parse(html)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert "cell_repaired" not in {f.code for f in report.finding_list}


@pytest.mark.parametrize("number", ["7", "12", "８"])
def test_a_page_number_between_a_tables_two_parts_is_no_cell(number: str) -> None:
    """A number alone in a paragraph after a table's row (the page number a converter leaves where
    a page break cut 三 in two) is no cell of that row: a row short of its last cell stays short
    (NA, row_length_mismatch), not completed by the page number (before: 总计 read as 7, flagged
    only by identity_broken)."""
    report = _chenghu_with(
        "<td>4</td><td>9</td><td>4</td><td>80</td></tr>",
        f"<td>4</td><td>9</td><td>4</td></tr></table><p>{number}</p><table>",
    )
    cells = _cells_of(report)
    assert [cells[("application_handling", "total", c)] for c in ("natural_person", "total")] == [None, None]
    assert "row_length_mismatch" in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    "cell",
    [
        '<td><input type="text" readonly value="41"></td>',
        "<td><INPUT VALUE=41 class=f></td>",
        '<td><input type="number" value=" 41 " disabled></td>',
        "<td><textarea readonly>41</textarea></td>",
        '<td><input type="hidden" value="7">41</td>',
        "<td><select><option>3</option><option selected>41</option></select></td>",
        '<td><select disabled><option value="1">41</option><option>3</option></select></td>',
        '<td><SELECT><OPTION label="41">四十一</OPTION></SELECT></td>',
    ],
    ids=["input", "input-upper", "number", "textarea", "hidden-input", "select", "select-first", "label"],
)
def test_a_read_only_form_shows_its_values(cell: str) -> None:
    """A form a CMS publishes read-only holds each value in a text box (``<input value="41">``, a
    ``<textarea>``) or a drop-down list (its selected option shown, or its first): its value is the
    cell's text, as a browser shows it (before: a blank cell, NA).
    A hidden input shows nothing, and a form's controls outside the tables are still no text."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert html.count("<td>41</td>") == 1
    html = html.replace("<td>41</td>", cell).replace("<body>", '<body><form><input value="搜索 2021"></form>')
    from zhgov_parse.read_html import read_html

    report = zhgov_parse.parse(html)
    assert report.table("active_disclosure").loc["normative_documents", "in_force"] == 41
    assert not any("搜索" in block.text for block in read_html(html).blocks)


@pytest.mark.parametrize(
    "cell",
    [
        "<td><select multiple><option>3</option><option selected>41</option></select></td>",
        '<td><select size="3"><option>3</option><option selected>41</option></select></td>',
    ],
    ids=["multiple", "list-box"],
)
def test_a_list_box_showing_several_options_is_no_value(cell: str) -> None:
    """A list box shows all its options, the selected one marked: which is the cell's number the
    text does not say (NA, a blank cell), never their digits run together."""
    assert _cells_of(_chenghu_with("<td>41</td>", cell))[IN_FORCE] is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('<tr><td rowspan="8">（三）不予公开', '<tr><td></td><td rowspan="8">（三）不予公开'),
        ('<tr><td rowspan="3">（四）无法提供', '<tr><td>&nbsp;</td><td rowspan="3">（四）无法提供'),
        ("<tr><td>2.重复申请", "<tr><td></td><td>2.重复申请"),
    ],
    ids=["withheld-group", "unavailable-group", "carried-group"],
)
def test_a_stray_blank_cell_opening_a_row_is_left_out(old: str, new: str) -> None:
    """A blank cell opening a row of 三, the row one column wider than the table: it pushes the
    row's cells, and those its rowspans carry into the rows after it, a column right. Right of
    every cell carried into the row, those cells reaching rows after it, it is a stray one, left
    out with a finding (before, the rowspan of 三、本年度办理结果 was cut to end above the row, its
    group's other rows read label, group, values: 49 cells NA)."""
    from goldens import expected_cells

    report = _chenghu_with(old, new)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert sum(f.code == "cell_repaired" for f in report.finding_list) == 1


@pytest.mark.parametrize("rowspan", ["3", "4"])
def test_a_blank_zero_after_a_rowspan_too_long_is_no_stray_cell(rowspan: str) -> None:
    """A blank first value (a zero left blank) in 四's row of values under a header cell whose
    rowspan is one or two rows too long is no stray cell: the span is cut, the values stay in
    their columns (the blank one NA), none read a column left."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    values = "<tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>"
    assert html.count(values) == 1
    html = html.replace('<td rowspan="2">结果维持', f'<td rowspan="{rowspan}">结果维持', 1)
    got = _cells_of(zhgov_parse.parse(html.replace(values, values.replace("<td>1</td>", "<td></td>", 1))))
    want = expected_cells("chenghu_finance_2021_html")
    assert {k: v for k, v in want.items() if got[k] is not None and got[k] != v} == {}
    assert [k for k, v in got.items() if v is None] == [("review_litigation", "review", "upheld")]


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        (".jammer{display:none}", '<td>4<font class="jammer">7</font>1</td>', 41),
        ("span.wm { FONT-SIZE: 0px; color: #fff }", '<td>4<span class="wm">7</span>1</td>', 41),
        ("/* .x{} */ .a, .jammer { visibility : hidden }", '<td>4<span class="b jammer">7</span>1</td>', 41),
        (".wm{opacity:0}", '<td>4<span class="wm">7</span>1</td>', 41),
        (".wm{color:transparent}", '<td>4<span class="wm">7</span>1</td>', 41),
        (".wm{background-color:transparent}", '<td><span class="wm">41</span></td>', 41),
        (".wm{opacity:0.6}", '<td><span class="wm">41</span></td>', 41),
        ("@media print { .p { display: none } }", '<td><span class="p">41</span></td>', 41),
        (".x{display:none} .open .x{display:inline}", '<td><span class="x">41</span></td>', 41),
        (".x{display:none}", '<td><span class="x" style="display:inline">41</span></td>', 41),
    ],
    ids=[
        "jammer",
        "font-size-0",
        "visibility",
        "opacity-0",
        "color-transparent",
        "background-transparent",
        "opacity-shown",
        "media-print",
        "toggled",
        "styled-shown",
    ],
)
def test_text_a_style_sheet_hides_in_a_cell_is_left_out(sheet: str, cell: str, value: int) -> None:
    """An element in a cell of a class the page's style sheet hides (an anti-copy watermark's
    digits among a number's: ``<style>.jammer{display:none}</style>`` … ``4<font class=jammer>7
    </font>1``) is left out: 41, not 471. A class hidden on some screens only (``@media``), one a
    rule shows again (a script's toggle) or an element styled shown itself keeps its text."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", cell).replace("</head>", f"<style>{sheet}</style></head>")
    report = zhgov_parse.parse(html)
    assert report.table("active_disclosure").loc["normative_documents", "in_force"] == value


def test_a_cell_styled_to_show_none_of_its_text_is_blank() -> None:
    """``<td style="visibility:hidden">41</td>`` shows a blank cell in its column: NA (missing_value),
    not 41; the row's other cells stay in their columns."""
    report = _chenghu_with("<td>41</td>", '<td style="visibility:hidden">41</td>')
    cells = _cells_of(report)
    assert cells[IN_FORCE] is None
    assert cells[("active_disclosure", "normative_documents", "issued")] == 6


_ROW_41 = "<tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td></tr>"


@pytest.mark.parametrize(
    ("sheet", "row"),
    [
        (
            ".h{display:none}",
            '<tr><td>行政规范性文件</td><td class="h">99</td><td>6</td><td>2</td><td>41</td></tr>',
        ),
        (
            "#old { display: none }",
            '<tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td><td id="old">9</td></tr>',
        ),
        (
            ".h{display:none}",
            '<tr class="h"><td>行政规范性文件</td><td>9</td><td>9</td><td>49</td></tr>' + _ROW_41,
        ),
        (
            "",
            "<tbody hidden><tr><td>行政规范性文件</td><td>9</td><td>9</td><td>49</td></tr></tbody>" + _ROW_41,
        ),
        (
            "tbody.v2022{visibility:hidden}",
            '<tbody class="v2022"><tr><td>行政规范性文件</td><td>9</td><td>9</td><td>49</td></tr></tbody>'
            + _ROW_41,
        ),
        (
            "",
            '<tr style="visibility: hidden"><td>行政规范性文件</td><td>9</td><td>9</td><td>49</td></tr>'
            + _ROW_41,
        ),
        (
            "",
            '<tr style="visibility:collapse"><td>行政规范性文件</td><td>9</td><td>9</td><td>49</td></tr>'
            + _ROW_41,
        ),
    ],
    ids=[
        "class-cell",
        "id-cell-last",
        "class-row",
        "hidden-tbody",
        "class-tbody",
        "invisible-row",
        "collapsed-row",
    ],
)
def test_rows_and_cells_a_style_sheet_or_a_hidden_body_hides_are_passed_by(sheet: str, row: str) -> None:
    """A cell of a class or id the page's style sheet hides (``<td class="h">99</td>``), a row so
    hidden, or the rows of a hidden ``<tbody>`` (a stale copy of a row) are no part of the table, as a
    ``hidden`` or ``display:none`` one is: before, the hidden cell made the row one too long (every
    value of 二 NA, row_length_mismatch) and a hidden row a duplicate_row (NA)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace(_ROW_41, row).replace("</head>", f"<style>{sheet}</style></head>")
    report = zhgov_parse.parse(html)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert not {"row_length_mismatch", "duplicate_row"} & {f.code for f in report.finding_list}


@pytest.mark.parametrize("style", ["display:none", "visibility: hidden"])
def test_a_hidden_stale_copy_of_a_table_is_left_out(style: str) -> None:
    """A page keeping a hidden copy of a table beside the one it shows (other numbers: last year's,
    a draft) shows one table: the copy is left out (before, every row a duplicate_row, the tables
    NA). A page whose report tables are all hidden beside a table it shows that is no twin of
    them (a table of links) still reads them."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    start = html.index("<table", html.index("三、收到和处理"))
    end = html.index("</table>", start) + len("</table>")
    stale = html[start:end].replace("<td>9</td>", "<td>19</td>").replace("<td>13</td>", "<td>23</td>")
    copied = html[:start] + f'<div style="{style}">{stale}</div>' + html[start:]
    assert _cells_of(zhgov_parse.parse(copied)) == expected_cells("chenghu_finance_2021_html")
    links = "<table><tr><td>首页</td><td>政务公开</td><td>年度报告</td></tr></table>"
    article = html.replace("<body>", f'<body>{links}<div style="display:none">').replace(
        "</body>", "</div></body>"
    )
    assert _cells_of(zhgov_parse.parse(article)) == expected_cells("chenghu_finance_2021_html")


def test_a_stray_blank_cell_pushing_a_row_s_own_rowspans_is_left_out() -> None:
    """The first row of 三's part after a page break opens with a blank cell before its own rowspans
    (三、本年度办理结果, （四）无法提供), one column wider than the table: the rows after it put their
    labels before the cells those spans carry. The blank is left out with a finding (before: 14
    cells NA, row_length_mismatch)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    name = "luwan_emergency_2024_html"
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    row = '<tr><td rowspan="12">三、本年度办理结果</td><td rowspan="3">（四）无法提供</td>'
    assert html.count(row) == 1
    report = zhgov_parse.parse(html.replace(row, row.replace("<tr>", "<tr><td></td>")))
    assert _cells_of(report) == expected_cells(name)
    assert sum(f.code == "cell_repaired" for f in report.finding_list) == 1


_SR_ONLY = ".sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0,0,0,0)}"


@pytest.mark.parametrize(
    ("cell", "sheet", "value"),
    [
        ('4<span style="position:absolute;left:-9999px">7</span>1', "", 41),
        ('4<span style="position: relative; top: -100em">7</span>1', "", 41),
        ('4<span style="display:inline-block;text-indent:-9999px;overflow:hidden">7</span>1', "", 41),
        ('4<span style="position:absolute;clip:rect(0 0 0 0)">7</span>1', "", 41),
        ('4<span style="display:inline-block;width:0;height:0;overflow:hidden">7</span>1', "", 41),
        ('4<span class="sr-only">7</span>1', _SR_ONLY, 41),
        (
            '4<i class="visually-hidden">7</i>1',
            ".visually-hidden{position:absolute!important;clip:rect(1px 1px 1px 1px)}",
            41,
        ),
        ('41<span class="sr-only">件</span>', _SR_ONLY, 41),
        ('4<span style="text-indent:-9999px">7</span>1', "", 471),
        ('4<span style="width:0;height:0;overflow:hidden">7</span>1', "", 471),
        ('4<span style="position:relative;left:-2px">7</span>1', "", 471),
        ('4<div style="text-indent:-9999px;overflow:hidden">7</div>1', "", None),
        ('4<span style="position:absolute">7</span>1', "", None),
        ('4<span style="margin-left:-9999px">7</span>1', "", None),
    ],
    ids=[
        "absolute-far-left",
        "relative-far-up",
        "indented-inline-block",
        "clipped",
        "no-size-box",
        "sr-only-class",
        "visually-hidden-class",
        "sr-only-unit",
        "indent-of-inline-shown",
        "size-of-inline-shown",
        "nudged-shown",
        "indented-block-a-line",
        "absolute-unsure",
        "margin-unsure",
    ],
)
def test_text_set_off_the_page_in_a_number_is_left_out(cell: str, sheet: str, value: int | None) -> None:
    """A digit in a number set where a sighted reader sees none of it (off the page: ``position:
    absolute;left:-9999px``, a box's ``text-indent:-9999px``; clipped to nothing or in a box of no
    size, as the screen-reader-only classes of a page's style sheet set it) is no digit of the number
    the page shows: 41, not 471 (before, 471 with no finding). A style that does not apply to an inline
    element (its ``text-indent``, its ``width``) hides nothing; an indented block still ends a line
    (no number); a digit drawn out of its line where the page does not say where is NA, with a finding."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", f"<td>{cell}</td>")
    report = zhgov_parse.parse(html.replace("</head>", f"<style>{sheet}</style></head>"))
    cells = _cells_of(report)
    assert cells[IN_FORCE] == value
    assert cells[("active_disclosure", "normative_documents", "issued")] == 6
    unsure = [f for f in report.finding_list if f.code == "hidden_text_unsure"]
    assert bool(unsure) == (value is None and "<div" not in cell)


def _with_stale_copy_first(html: str, before: str, after: str) -> str:
    """A page with a copy of its body (every number of a cell three more: another year's) placed
    before its own, inside ``before`` … ``after``."""
    import re

    start = html.index("<body>") + len("<body>")
    end = html.index("</body>")
    body = html[start:end]
    stale = re.sub(r"<td>(\d+)</td>", lambda m: f"<td>{int(m[1]) + 3}</td>", body)
    return html[:start] + before + stale + after + body + html[end:]


@pytest.mark.parametrize(
    ("sheet", "before", "after"),
    [
        ("#old .x {display:none}", '<div id="old"><div class="x">', "</div></div>"),
        ("#old > div{display: none}", '<div id="old"><div>', "</div></div>"),
        ("div.copy.y2020{display:none}", '<div class="copy y2020">', "</div>"),
        ("section div{visibility:hidden}", "<section><div>", "</div></section>"),
        (".wrap .m{height:0;overflow:hidden}", '<div class="wrap"><div class="m">', "</div></div>"),
        ("", '<div style="height:0;overflow:hidden">', "</div>"),
        (
            ".tab .pane{display:none} .tab .pane.on{display:block}",
            '<div class="tab"><div class="pane">',
            "</div></div>",
        ),
        ("@media screen { .p { display: none } }", '<div class="p">', "</div>"),
        ("div[data-year='2020']{display:none}", '<div data-year="2020">', "</div>"),
    ],
    ids=[
        "descendant",
        "child",
        "compound",
        "tag",
        "no-height-class",
        "no-height",
        "toggled-off",
        "media-screen",
        "attribute",
    ],
)
def test_a_copy_a_style_sheet_hides_by_its_context_is_left_out(sheet: str, before: str, after: str) -> None:
    """A copy of the report before the one the page shows, hidden by a rule of the page's style sheet
    whose selector is more than one class or id (a descendant's, a child's, a compound's, a tag's) or by
    a box of no height with its overflow hidden, is left out (before: the copy read, its 196 numbers
    wrong, with more_reports), as is one an ``@media screen`` rule hides (every screen's), or a rule
    naming an attribute of it (``div[data-year='2020']``). A rule that
    shows the copy again when a script gives it a class (``.pane.on``) leaves the copy without it
    hidden."""
    from conftest import FIXTURES
    from goldens import expected_cells

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = _with_stale_copy_first(html, before, after).replace("</head>", f"<style>{sheet}</style></head>")
    report = zhgov_parse.parse(html)
    assert _cells_of(report) == expected_cells("chenghu_finance_2021_html")
    assert "more_reports" not in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    ("sheet", "old", "new", "value"),
    [
        ("td span.wm{display:none}", "<td>41</td>", '<td>4<span class="wm">7</span>1</td>', 41),
        ("td > .wm{visibility:hidden}", "<td>41</td>", '<td>4<span class="wm">7</span>1</td>', 41),
        ("table tr.old{display:none}", _ROW_41, _ROW_41.replace("<tr>", '<tr class="old">') + _ROW_41, 41),
        ("tr td.old{display:none}", "<td>41</td>", '<td class="old">9</td><td>41</td>', 41),
        ("tr td.old{visibility:hidden}", "<td>41</td>", '<td class="old">41</td>', None),
    ],
    ids=["in-cell", "in-cell-invisible", "row", "cell", "cell-invisible"],
)
def test_text_rows_and_cells_a_rule_hides_by_context_are_left_out(
    sheet: str, old: str, new: str, value: int | None
) -> None:
    """A watermark's digit, a stale row or a cell hidden by a rule naming its context (``td span.wm``,
    ``table tr.old``) is left out as one hidden by its class alone is (before: 471, a duplicate_row, the
    row's values a column off); a cell the rule leaves in place (``visibility:hidden``) is blank."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    assert html.count(old) == 1
    report = zhgov_parse.parse(html.replace(old, new).replace("</head>", f"<style>{sheet}</style></head>"))
    cells = _cells_of(report)
    assert cells[IN_FORCE] == value
    assert cells[("active_disclosure", "normative_documents", "issued")] == 6
    assert "duplicate_row" not in {f.code for f in report.finding_list}


@pytest.mark.parametrize(
    ("cell", "sheet", "value"),
    [
        ('<td>4<span style="color:#fff">7</span>1</td>', "", 41),
        ('<td>4<font color="white">7</font>1</td>', "", 41),
        ('<td>4<span style="color: rgb(254, 254, 254)">7</span>1</td>', "", 41),
        ('<td style="background-color:#FFFFFF">4<span style="color:#fff">7</span>1</td>', "", 41),
        ('<td>4<span style="color:#fff">7</span>1</td>', "table{background-color:white}", 41),
        ('<td bgcolor="#003366">4<span style="color:#fff">7</span>1</td>', "", 471),
        ('<td style="background:#ffc">4<span style="color:#fff">7</span>1</td>', "", 471),
        ('<td>4<span style="color:red">7</span>1</td>', "", 471),
        ('<td>4<span style="color:#fff">7</span>1</td>', ".t td{background:#036}", None),
        ('<td style="background:url(bg.png)">4<span style="color:#fff">7</span>1</td>', "", None),
        ('<td>4<span class="wm">7</span>1</td>', ".wm{color:#FFFFFF}", 41),
        ('<td>4<span class="wm">7</span>1</td>', ".wm{color:white} .t td{background:#036}", None),
    ],
    ids=[
        "white",
        "font-white",
        "nearly-white",
        "cell-background",
        "sheet-white",
        "on-dark-cell",
        "on-light-yellow",
        "red",
        "sheet-background",
        "image",
        "class-white",
        "class-white-sheet-background",
    ],
)
def test_a_digit_in_the_colour_of_its_background_is_left_out(
    cell: str, sheet: str, value: int | None
) -> None:
    """A digit set in the colour of what it stands on (a watermark's white digit among a number's:
    ``4<span style="color:#fff">7</span>1`` on a white page, or on the cell's own background) shows
    nothing: 41 (before, 471 with no finding). On a background of another colour it shows (471). Where
    the page's style sheets may give the cell a background (or an image does), a white digit may show
    or not: NA, with a finding."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", cell)
    report = zhgov_parse.parse(html.replace("</head>", f"<style>{sheet}</style></head>"))
    cells = _cells_of(report)
    assert cells[IN_FORCE] == value
    assert cells[("active_disclosure", "normative_documents", "issued")] == 6
    assert any(f.code == "hidden_text_unsure" for f in report.finding_list) == (value is None)


def _laid_out_with_css(html: str, style: str) -> str:
    """A page with each of its tables drawn with ``<div>``s as a CMS lays them out with CSS: a merged
    cell's text in its first place, the places it covers blank (a CSS table: ``display:table-row`` and
    ``table-cell``), or spanning them (a grid: ``grid-column``/``grid-row: span``); flex rows of
    ``<li>``s."""
    from html import escape

    from lxml import etree

    from zhgov_parse.read_html import _leaf_tables, _parse_tree, _rows

    root = _parse_tree(html, [])
    for table in _leaf_tables(root):
        rows = [(list(b.cells), list(b.copies or [0] * len(b.cells))) for b in _rows(table, [], "t")]
        width = max(len(cells) for cells, _ in rows)
        rows = [
            (cells + [""] * (width - len(cells)), copies + [0] * (width - len(cells)))
            for cells, copies in rows
        ]
        if style == "grid":
            items = []
            for r, (cells, copies) in enumerate(rows):
                for c, text in enumerate(cells):
                    if copies[c]:
                        continue
                    wide = next((k for k in range(1, width - c) if copies[c + k] != 1), width - c)
                    high = next((k for k in range(1, len(rows) - r) if rows[r + k][1][c] != 2), len(rows) - r)
                    span = (f"grid-column:span {wide};" if wide > 1 else "") + (
                        f"grid-row: span {high}" if high > 1 else ""
                    )
                    items.append(f'<div style="{span}">{escape(text)}</div>')
            markup = (
                f'<div style="display:grid;grid-template-columns:repeat({width}, 1fr)">{"".join(items)}</div>'
            )
        else:
            row, cell, end = (
                ('<div class="tr">', '<div class="td">{}</div>', "</div>")
                if style == "table"
                else ('<ul style="display:flex">', "<li>{}</li>", "</ul>")
            )
            markup = "<div>"
            for cells, copies in rows:
                texts = (escape(text) if not copy else "" for text, copy in zip(cells, copies, strict=True))
                markup += row + "".join(map(cell.format, texts)) + end
            markup += "</div>"
        div = etree.fromstring(markup, etree.HTMLParser()).find(".//body")[0]
        div.tail = table.tail
        table.getparent().replace(table, div)
    sheet = "<style>.tr{display:table-row}.td{display:table-cell;border:1px solid}</style>"
    return etree.tostring(root, encoding="unicode", method="html").replace("</head>", sheet + "</head>")


@pytest.mark.parametrize("style", ["table", "grid", "flex"])
def test_a_table_laid_out_with_css_keeps_its_blank_cells_columns(style: str) -> None:
    """A report whose tables a CMS draws with ``<div>``s laid out by CSS (a table's rows and cells by a
    class of its style sheet, a grid its items span places of, flex rows of ``<li>``s as many in each)
    is read as its tables: each cell in its column, blank ones too (before, a blank cell left no block,
    62 cells of zhetang's 三 and 四 NA with runon_ambiguous)."""
    from conftest import FIXTURES
    from goldens import expected_cells

    name = "zhetang_town_2019_html"
    html = _laid_out_with_css((FIXTURES / f"{name}.html").read_text(encoding="utf-8"), style)
    assert "<td" not in html
    assert _cells_of(zhgov_parse.parse(html)) == expected_cells(name)


def test_flex_rows_of_other_widths_and_a_layout_s_columns_are_no_table() -> None:
    """Flex rows with more cells in one than another (their columns set by widths the markup does not
    give) stay blocks; a page's columns laid out as a CSS table around its article, whose cells hold a
    table, stay as they are: the article's table is read."""
    from zhgov_parse.css_tables import css_tables
    from zhgov_parse.read_html import _parse_tree

    from conftest import FIXTURES
    from goldens import expected_cells

    rows = '<div style="display:flex"><span>规章</span><span>1</span></div>' * 2
    rows += '<div style="display:flex"><span>行政许可</span><span>1</span><span>2</span></div>'
    root = _parse_tree(f"<div>{rows}</div>", [])
    css_tables(root)
    assert root.find(".//table") is None
    name = "chenghu_finance_2021_html"
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    body = html.index("<body>") + len("<body>")
    html = (
        html[:body]
        + '<div style="display:table"><div style="display:table-row">'
        + '<div style="display:table-cell">导航</div><div style="display:table-cell">'
        + html[body:].replace("</body>", "</div></div></div></body>")
    )
    assert _cells_of(zhgov_parse.parse(html)) == expected_cells(name)


@pytest.mark.parametrize(
    ("cell", "sheet", "value"),
    [
        ('4<span style="opacity:0.01">7</span>1', "", 41),
        ('4<span style="color:rgba(0,0,0,0)">7</span>1', "", 41),
        ('4<span style="color: rgb(0 0 0 / 0)">7</span>1', "", 41),
        ('4<span style="font-size:0.1px">7</span>1', "", 41),
        ('4<span class="wm">7</span>1', ".wm{opacity:.02}", 41),
        ('4<span style="display:inline-block;max-width:0;overflow:hidden">7</span>1', "", 41),
        ('4<span style="display:inline-block;transform:scale(0)">7</span>1', "", 41),
        ('4<span style="font-size:2px">7</span>1', "", None),
        ('4<span style="opacity:0.5">7</span>1', "", 471),
        ('4<span style="color:rgb(0,0,0)">7</span>1', "", 471),
        ('4<span style="color:rgba(0,0,0,0.8)">7</span>1', "", 471),
        ('4<span style="transform:scale(0)">7</span>1', "", 471),
        ('<span style="font-size:10.5pt">41</span>', "", 41),
    ],
    ids=[
        "opacity-1%",
        "rgba-clear",
        "rgb-slash-clear",
        "font-tenth-pixel",
        "class-opacity",
        "no-max-width",
        "scaled-to-nothing",
        "font-two-pixels-unsure",
        "half-opacity",
        "rgb-black",
        "rgba-opaque-enough",
        "scale-of-inline",
        "usual-font",
    ],
)
def test_text_too_faint_or_small_to_read_in_a_number_is_left_out(
    cell: str, sheet: str, value: int | None
) -> None:
    """A digit in a number set too faint or small for a sighted reader to see (an opacity under 5%, a
    colour with no alpha, a font under a pixel, a box of no width or scaled to nothing) is no digit of
    the number the page shows: 41 (before, 471 with no finding). A font of a few pixels shows a speck
    or a digit to read closely: NA, with a finding. Black, half-faint or a scale on an inline element
    (which applies to nothing) show."""
    from conftest import FIXTURES

    html = (FIXTURES / "chenghu_finance_2021_html.html").read_text(encoding="utf-8")
    html = html.replace("<td>41</td>", f"<td>{cell}</td>")
    report = zhgov_parse.parse(html.replace("</head>", f"<style>{sheet}</style></head>"))
    cells = _cells_of(report)
    assert cells[IN_FORCE] == value
    assert cells[("active_disclosure", "normative_documents", "issued")] == 6
    assert any(f.code == "hidden_text_unsure" for f in report.finding_list) == (value is None)
