"""OpenDocument texts (.odt) are read as the page their paragraphs and tables make, as .docx files are."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.errors import BinaryInput
from zhgov_parse.read_odt import odt_page

from conftest import FIXTURES
from goldens import expected_cells

ODT = Path(__file__).parent / "data" / "odt"
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def _odt(body: str, styles: str = "", kind: str = "text") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        z.writestr(
            "content.xml",
            f"<office:document-content {NS}><office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
        )
    return buf.getvalue()


def _paragraphs(body: str, styles: str = "") -> list[str]:
    """The texts of the paragraphs of the page an .odt of ``body`` reads as."""
    return re.findall(r"<p>(.*?)</p>", odt_page(_odt(body, styles), 10**6))


def test_an_odt_reads_as_its_page() -> None:
    """LibreOffice's .odt of a fixture page: the cells, metadata and sections the page gives. Before,
    an .odt was refused (BinaryInput: a zip that is no Word document)."""
    name = "chenghu_finance_2021_html"
    report = zhgov_parse.read(ODT / f"{name}.odt")
    page = zhgov_parse.read(FIXTURES / f"{name}.html")
    got = {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}
    assert got == expected_cells(name)
    assert report.meta == page.meta
    assert report.to_dict()["sections"] == page.to_dict()["sections"]  # the title a heading, as <h1>
    assert [f.code for f in report.finding_list] == [
        "opendocument_text",
        *(f.code for f in page.finding_list),
    ]


def test_a_flat_odt_reads_as_its_odt() -> None:
    """A flat OpenDocument text (.fodt: content and styles in one XML file), as bytes or as text:
    read as the .odt is. Before, its text ran together as one page's (every table missing_table)."""
    with zipfile.ZipFile(ODT / "chenghu_finance_2021_html.odt") as z:
        content, styles = z.read("content.xml").decode(), z.read("styles.xml").decode()
    inner = re.search(r"<office:styles>.*</office:styles>", styles, re.S)
    assert inner is not None
    flat = content.replace("office:document-content", "office:document").replace(
        "<office:automatic-styles>", inner.group(0) + "<office:automatic-styles>", 1
    )
    flat = flat.replace(
        "<office:document ",
        '<office:document office:mimetype="application/vnd.oasis.opendocument.text" ',
        1,
    )
    odt = zhgov_parse.read(ODT / "chenghu_finance_2021_html.odt")
    for given in (flat.encode(), flat):
        report = zhgov_parse.parse(given)
        assert report.to_dict() == odt.to_dict()


def _tc(text: str, attrs: str = "") -> str:
    return f"<table:table-cell {attrs}><text:p>{text}</text:p></table:table-cell>"


def test_spans_covered_and_repeated_cells() -> None:
    covered = "<table:covered-table-cell/>"
    rows = [
        _tc("A", 'table:number-rows-spanned="2"') + _tc("B", 'table:number-columns-spanned="2"') + covered,
        covered + _tc("1") + _tc("2"),
        _tc("C") + _tc("0", 'table:number-columns-repeated="2"'),
    ]
    body = "<table:table>" + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    body += '<table:table-row table:number-rows-repeated="2">' + _tc("D") + "</table:table-row></table:table>"
    page = odt_page(_odt(body), 10**6)
    assert (
        '<table><tr><td rowspan="2"><p>A</p></td><td colspan="2"><p>B</p></td></tr>'
        "<tr><td><p>1</p></td><td><p>2</p></td></tr>"
        "<tr><td><p>C</p></td><td><p>0</p></td><td><p>0</p></td></tr>"
        "<tr><td><p>D</p></td></tr><tr><td><p>D</p></td></tr></table>"
    ) in page


def test_what_the_document_does_not_show_is_no_text() -> None:
    """A note's mark and text, a comment, deleted text kept apart, hidden text and a table of
    contents are no text of the paragraph (41 stays 41); a raised span is ``<sup>``; spaces
    (``text:s``), tabs and line breaks are kept; a text box's paragraphs follow its paragraph."""
    styles = (
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties style:text-position="super 58%"/></style:style>'
        '<style:style style:name="T2" style:family="text">'
        '<style:text-properties style:text-position="-33% 58%"/></style:style>'
    )
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>7</text:p>'
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:table-of-content><text:index-body><text:p>一、总体情况<text:tab/>1</text:p></text:index-body>"
        "</text:table-of-content>"
        '<text:p>4<text:change text:change-id="c1"/>1<text:note text:note-class="footnote">'
        "<text:note-citation>2</text:note-citation><text:note-body><text:p>注9</text:p></text:note-body></text:note>"
        "<office:annotation><dc:creator>x</dc:creator><text:p>3</text:p></office:annotation>"
        '<text:hidden-text text:is-hidden="true" text:string-value="5"/></text:p>'
        '<text:p>41<text:span text:style-name="T1">1</text:span> 6'
        '<text:span text:style-name="T2">2</text:span></text:p>'
        '<text:p>规章<text:s text:c="3"/>3<text:tab/>4<text:line-break/>5<draw:frame><draw:text-box>'
        "<text:p>框</text:p></draw:text-box></draw:frame></text:p>"
    )
    assert _paragraphs(body, styles) == [
        "41",
        "41<sup>1</sup> 6<sub>2</sub>",
        "规章   3\t4<br>5",
        "框",
    ]


def test_headings_by_outline_level_or_style() -> None:
    styles = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Heading_20_2"/>'
    )
    body = (
        '<text:p text:style-name="P1">报告</text:p><text:h text:outline-level="3">一、总体情况</text:h>'
        '<text:p text:style-name="P2">二</text:p><text:list><text:list-item><text:p>项</text:p>'
        "</text:list-item></text:list><text:section><text:p>节</text:p></text:section>"
    )
    page = odt_page(_odt(body, styles), 10**6)
    assert "<h1>报告</h1>\n<h3>一、总体情况</h3>\n<h2>二</h2>\n<p>项</p>\n<p>节</p>" in page


def test_the_numbers_of_list_items_are_read() -> None:
    """A numbered list's items (一、 …, （一） … under them) get the numbers the document shows: the
    list styles' formats, prefixes and suffixes; a list that continues another (``continue-list``)
    or the last of its style (``continue-numbering``) counts on, another restarts; a nested level
    restarts under each item of its parent; a bullet is no number. Before, such part titles came
    without their numbers (LibreOffice's .odt of a .docx whose titles Word numbers)."""
    levels = (
        '<text:list-level-style-number text:level="1" style:num-suffix="、" '
        'style:num-format="一, 二, 三, ..."/>'
        '<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" '
        'style:num-format="一, 二, 三, ..."/>'
    )
    styles = f'<text:list-style style:name="L1">{levels}</text:list-style>'
    styles += (
        '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1"/></text:list-style>'
    )

    def items(*texts: str, nested: str = "") -> str:
        return "".join(f"<text:list-item><text:p>{t}</text:p>{nested}</text:list-item>" for t in texts)

    sub = f"<text:list>{items('主动公开', '依申请公开')}</text:list>"
    body = (
        f'<text:list xml:id="a" text:style-name="L1">{items("总体情况", nested=sub)}</text:list>'
        "<text:p>正文</text:p>"
        f'<text:list text:continue-list="a" text:style-name="L1">{items("主动公开政府信息情况")}</text:list>'
        f'<text:list text:style-name="L2">{items("要点")}</text:list>'
        '<text:list text:continue-numbering="true" text:style-name="L1">'
        f"{items('申请', nested=sub)}</text:list>"
        f'<text:list text:style-name="L1">{items("另一")}</text:list>'
    )
    assert _paragraphs(body, styles) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "正文",
        "二、主动公开政府信息情况",
        "要点",
        "三、申请",
        "（一）主动公开",
        "（二）依申请公开",
        "一、另一",
    ]


def test_damaged_or_other_opendocuments_are_named() -> None:
    with pytest.raises(BinaryInput, match="XLSX, ODT or other zipped file"):
        zhgov_parse.parse(_odt("<text:p>x</text:p>", kind="spreadsheet"))
    with pytest.raises(zhgov_parse.ParseError, match="damaged XML"):
        zhgov_parse.parse(_odt("<text:p>"))
    with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
        zhgov_parse.parse(_odt("<text:p>" + "一" * 5000 + "</text:p>"), max_bytes=10_000)
    good = (ODT / "chenghu_finance_2021_html.odt").read_bytes()
    with pytest.raises(zhgov_parse.ParseError):
        zhgov_parse.parse(good[: len(good) // 2])
