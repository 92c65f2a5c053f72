"""Word documents (.docx) are read as the page Word would save: paragraphs, headings, merged cells."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.errors import BinaryInput, InternalError
from zhgov_parse.read_docx import docx_page, word_xml_page
from zhgov_parse.word_numbers import formatted

from conftest import FIXTURES
from goldens import expected_cells

DOCX = Path(__file__).parent / "data" / "docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _cells(report: zhgov_parse.Report) -> dict:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


@pytest.mark.parametrize("name", ["chenghu_finance_2021_html", "congang_veterans_2020_html"])
def test_a_word_file_reads_as_its_page(name: str) -> None:
    report = zhgov_parse.read(DOCX / f"{name}.docx")
    page = zhgov_parse.read(FIXTURES / f"{name}.html")
    assert {k: v for k, v in _cells(report).items() if v == v} == {
        k: v for k, v in expected_cells(name).items() if v is not None
    }
    assert report.meta == page.meta
    assert report.to_dict()["sections"] == page.to_dict()["sections"]  # the title is a heading, as <h1>
    assert [f.code for f in report.finding_list] == ["word_document", *(f.code for f in page.finding_list)]


def _docx(body: str, styles: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W} {MC}><w:body>{body}</w:body></w:document>")
        if styles is not None:
            z.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return buf.getvalue()


def _tc(text: str, span: int = 1, merge: str | None = None, across: str | None = None) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else "<w:vMerge/>" if merge == "" else f'<w:vMerge w:val="{merge}"/>'
    )
    props += "" if across is None else f'<w:hMerge w:val="{across}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_merged_cells_become_spans() -> None:
    rows = [
        _tc("A", merge="restart") + _tc("B", span=2),
        _tc("", merge="continue") + _tc("1") + _tc("2"),
        _tc("", merge="") + _tc("3") + _tc("4"),  # <w:vMerge/>: continue by default
        _tc("C") + _tc("5", merge="continue") + _tc("6"),  # continues nothing: a cell of its own
        _tc("D", across="restart") + _tc("", across="continue") + _tc("7"),  # Word 97's merge across
    ]
    page = docx_page(_docx("<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"), 10**6)
    assert (
        '<td rowspan="3"><p>A</p></td><td colspan="2"><p>B</p></td></tr><tr><td><p>1</p></td>'
        "<td><p>2</p></td></tr><tr><td><p>3</p></td><td><p>4</p></td></tr><tr><td><p>C</p></td>"
        '<td><p>5</p></td><td><p>6</p></td></tr><tr><td colspan="2"><p>D</p></td><td><p>7</p></td>'
    ) in page


@pytest.mark.parametrize("value", ["²", "①"])
def test_a_span_or_outline_level_of_digits_int_cannot_read_is_no_internal_error(value: str) -> None:
    """``w:gridSpan w:val="²"``, ``w:outlineLvl w:val="①"``: digits to ``str.isdigit``, not to ``int``,
    which raised (InternalError); read as no span and no level."""
    spanned = f'<w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>'
    body = (
        f'<w:p><w:pPr><w:outlineLvl w:val="{value}"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
        f"<w:tbl><w:tr>{spanned}{_tc('1')}</w:tr></w:tbl>"
    )
    page = docx_page(_docx(body), 10**6)
    assert "<p>一、总体情况</p>" in page
    assert "<td><p>A</p></td><td><p>1</p></td>" in page


def test_headings_wrappers_and_what_is_not_text() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Body"/></w:style>'
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>全年</w:t></w:r>'
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>主动公开</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r>'
        "<mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback>"
        "</mc:AlternateContent><w:r><w:t>&lt;5&gt;</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    page = docx_page(_docx(body, styles), 10**6)
    assert "<h1>一、总体情况</h1>" in page
    assert "<p>全年主动公开框&lt;5&gt;</p>" in page


def test_damaged_or_other_zips_are_named() -> None:
    good = (DOCX / "chenghu_finance_2021_html.docx").read_bytes()
    with pytest.raises(zhgov_parse.ParseError):
        zhgov_parse.parse(good[: len(good) // 2])  # cut: no central directory, not read as a docx
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(BinaryInput, match="XLSX, ODT or other zipped file"):
        zhgov_parse.parse(buf.getvalue())
    with pytest.raises(zhgov_parse.ParseError, match="damaged XML"):
        zhgov_parse.parse(_docx("<w:p"))
    with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
        zhgov_parse.parse(_docx("<w:p><w:r><w:t>" + "一" * 5000 + "</w:t></w:r></w:p>"), max_bytes=10_000)


def test_damaged_bytes_are_named_never_an_internal_error() -> None:
    """Bytes flipped or cut anywhere in a .docx (its deflate streams included): a report or a
    ParseError that names the damage, never an InternalError (an exception the reader let escape)."""
    good = (DOCX / "chenghu_finance_2021_html.docx").read_bytes()
    rng = random.Random(7)
    for _ in range(300):
        damaged = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            zhgov_parse.parse(bytes(damaged[: rng.choice([len(damaged), rng.randrange(len(damaged))])]))
        except InternalError as exc:
            raise AssertionError(f"InternalError: {exc}") from exc
        except zhgov_parse.ParseError:
            pass


def test_a_table_pasted_as_a_picture_is_said_so() -> None:
    """Word reports often carry a table as a picture: the part's missing_table finding says so."""
    picture = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:docPr id="1" name="图片 1"/></wp:inline></w:drawing></w:r></w:p>'
    )
    body = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ["澄湖市财政局2021年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息242条。"]
    )
    body += "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>" + picture
    report = zhgov_parse.parse(_docx(body))
    (missing,) = [
        f for f in report.finding_list if f.code == "missing_table" and f.table == "active_disclosure"
    ]
    assert "an image stands in its part" in missing.message


def _rewritten(data: bytes, edit: Callable[[str], str]) -> bytes:
    """A .docx with its body's XML passed through ``edit``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = edit(body.decode()).encode()
            out.writestr(item, body)
    return buf.getvalue()


def _after_run(data: bytes, after: str, xml: str) -> bytes:
    """A .docx with ``xml`` put after the run whose text is ``after``."""
    run = f"<w:t>{after}</w:t></w:r>"

    def edit(body: str) -> str:
        assert body.count(run) == 1
        return body.replace(run, run + xml)

    return _rewritten(data, edit)


def _with_raised(data: bytes, after: str, mark: str, align: str = "superscript") -> bytes:
    """A .docx with a run ``mark`` set raised (``w:vertAlign``) after the run whose text is ``after``."""
    raised = f'<w:r><w:rPr><w:vertAlign w:val="{align}"/></w:rPr><w:t>{mark}</w:t></w:r>'
    return _after_run(data, after, raised)


@pytest.mark.parametrize("align", ["superscript", "subscript"])
def test_a_raised_footnote_mark_is_no_digit_of_the_number(align: str) -> None:
    """41 then a raised 1 (a footnote mark typed as superscript, not a footnote reference): read as
    the page Word would save (``41<sup>1</sup>``), so the cell is NA with non_numeric, not 411; the
    same after a label (``（七）总计`` raised 1) leaves it naming its row."""
    name = "chenghu_finance_2021_html"
    data = _with_raised((DOCX / f"{name}.docx").read_bytes(), "41", "1", align)
    report = zhgov_parse.parse(_with_raised(data, "（七）总计", "1", align))
    got = _cells(report)
    in_force = ("active_disclosure", "normative_documents", "in_force")
    assert got.pop(in_force) is None  # NA, where it read 411
    expected = expected_cells(name)
    del expected[in_force]
    assert got == expected
    (finding,) = [f for f in report.finding_list if f.code == "non_numeric"]
    assert finding.found == ("41¹" if align == "superscript" else "41₁")


@pytest.mark.parametrize(
    "stale",
    [
        '<w:moveFrom w:id="1" w:author="a"><w:r><w:t>5</w:t></w:r></w:moveFrom>',  # moved away, tracked
        '<w:moveFromRangeStart w:id="2" w:name="m"/><w:moveFrom w:id="3" w:author="a"><w:r><w:t>5</w:t>'
        '</w:r></w:moveFrom><w:moveFromRangeEnd w:id="2"/>',
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>5</w:t></w:r>",  # hidden text
        '<w:r><w:rPr><w:b/><w:vanish w:val="true"/></w:rPr><w:t>5</w:t></w:r>',
        '<w:del w:id="4" w:author="a"><w:r><w:t>5</w:t></w:r></w:del>',  # deleted, its text kept in w:t
    ],
)
def test_text_word_does_not_show_is_no_digit_of_the_number(stale: str) -> None:
    """41 then a 5 Word's final view does not show (moved away with Track Changes on, whose runs
    keep ``w:t``; hidden, ``w:vanish``; deleted by a writer that kept ``w:t`` in ``w:del``, not
    ``w:delText``): read 41, where it read 415 with no finding."""
    name = "chenghu_finance_2021_html"
    report = zhgov_parse.parse(_after_run((DOCX / f"{name}.docx").read_bytes(), "41", stale))
    assert _cells(report) == expected_cells(name)


def test_what_word_shows_of_moved_and_hidden_runs() -> None:
    """Moved-to text and runs hidden only in name are read; a hidden paragraph mark (it joins the
    paragraph to the next on screen) hides no text, nor does formatting a tracked change replaced."""

    def run(text: str, props: str = "") -> str:
        return f"<w:r><w:rPr>{props}</w:rPr><w:t>{text}</w:t></w:r>"

    shown = [
        run("1", '<w:vanish w:val="0"/>'),
        run("2", '<w:vanish w:val="false"/>'),
        run("3", '<w:vanish w:val="off"/>'),
        run("4", "<w:webHidden/>"),  # hidden in Web Layout only: printed
        run("5", "<w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange>"),  # was hidden, is not now
        '<w:moveTo w:id="1" w:author="a">' + run("6") + "</w:moveTo>",
    ]
    hidden = [
        run("7", "<w:vanish/>"),
        run("8", '<w:vanish w:val="1"/>'),
        run("9", "<w:specVanish/>"),
        run("0", "<w:vanish/><w:vanish/>"),  # said twice: taken out once
    ]
    body = (
        "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" + run("全年") + "</w:p>"
        "<w:p>" + "".join(s + h for s, h in zip_longest(shown, hidden, fillvalue="")) + "</w:p>"
        '<w:moveFrom w:id="2" w:author="a"><w:p>' + run("移走") + "</w:p></w:moveFrom>"
    )
    page = docx_page(_docx(body), 10**6)
    assert "<p>全年</p>\n<p>123456</p>\n</body>" in page


def test_a_row_that_starts_or_ends_short_of_the_grid_keeps_its_columns() -> None:
    """``w:gridBefore`` / ``w:gridAfter``: grid columns a row leaves without cells are an empty cell,
    as Word's own page writes them, so the row's cells stay in their columns (and a merge down from
    the row above still finds its column: ``gridBefore`` 0 had been read as 1)."""
    rows = [
        _tc("A", merge="restart") + _tc("B") + _tc("C"),
        '<w:trPr><w:gridBefore w:val="0"/></w:trPr>' + _tc("", merge="continue") + _tc("1") + _tc("2"),
        '<w:trPr><w:gridBefore w:val="2"/></w:trPr>' + _tc("3"),
        '<w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>' + _tc("4"),
    ]
    page = docx_page(_docx("<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"), 10**6)
    assert (
        '<tr><td rowspan="2"><p>A</p></td><td><p>B</p></td><td><p>C</p></td></tr>'
        "<tr><td><p>1</p></td><td><p>2</p></td></tr>"
        '<tr><td colspan="2"></td><td><p>3</p></td></tr>'
        "<tr><td></td><td><p>4</p></td><td></td></tr>"
    ) in page


def test_rows_written_from_a_later_grid_column_read_in_place() -> None:
    """Chenghu's table 三 with the rows of a group (（三）不予公开 2. to 8., （四）无法提供 2. and 3. …)
    starting at grid column 1 (``w:gridBefore``), not with a cell continuing 三、本年度办理结果 down,
    as Word and WPS write rows whose left column is merged down only part way. Before, such rows'
    cells moved one column left: 105 cells NA with row_length_mismatch."""
    continues = r'<w:tc><w:tcPr>(?:(?!</w:tcPr>).)*<w:vMerge w:val="continue"/>(?:(?!</w:tc>).)*</w:tc>'
    first_of_two = re.compile(rf"<w:tr><w:trPr></w:trPr>{continues}(?={continues})")
    name = "chenghu_finance_2021_html"
    data = _rewritten(
        (DOCX / f"{name}.docx").read_bytes(),
        lambda body: first_of_two.sub('<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>', body),
    )
    assert zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").count(b"gridBefore") == 17
    report = zhgov_parse.parse(data)
    assert _cells(report) == expected_cells(name)
    assert [f.code for f in report.finding_list] == ["word_document"]


def _text_box(blocks: str) -> str:
    """A run holding a text box as Word writes it: a drawing, then a VML fallback repeating its text."""
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://'
        'schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="9" name="文本框 9"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:graphicData uri="{wps}"><wps:wsp xmlns:wps="{wps}"><wps:txbx><w:txbxContent>{blocks}'
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f"<w:txbxContent>{blocks}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_no_part_of_the_paragraph_that_holds_it() -> None:
    """A text box anchored in a cell holding 41, the box holding 2: its paragraph stands after the
    cell's (NA, non_numeric ``41 ¦ 2``), where its text ran on into the cell's (412, flagged by no
    more than identity_broken); a table in a box is read as a table, once (not its VML copy too)."""
    name = "chenghu_finance_2021_html"
    data = _after_run(
        (DOCX / f"{name}.docx").read_bytes(), "41", _text_box("<w:p><w:r><w:t>2</w:t></w:r></w:p>")
    )
    report = zhgov_parse.parse(data)
    got = _cells(report)
    in_force = ("active_disclosure", "normative_documents", "in_force")
    assert got.pop(in_force) is None
    expected = expected_cells(name)
    del expected[in_force]
    assert got == expected
    assert [(f.code, f.found) for f in report.finding_list] == [
        ("word_document", "docx"),
        ("non_numeric", "41 ¦ 2"),
    ]
    table = f"<w:tbl><w:tr>{_tc('规章')}{_tc('3')}</w:tr></w:tbl><w:p/>"
    page = docx_page(_docx(f"<w:p><w:r><w:t>附表</w:t></w:r>{_text_box(table)}</w:p>"), 10**6)
    assert (
        "<p>附表</p>\n<table><tr><td><p>规章</p></td><td><p>3</p></td></tr></table>\n<p></p>\n</body>" in page
    )


def test_a_row_deleted_with_track_changes_is_no_row() -> None:
    """A row marked deleted (``w:trPr/w:del``) is not in Word's final view, even where its text kept
    ``w:t`` (before, a row of its old values: chenghu's rows each after such a copy of itself were
    NA, duplicate_row); an inserted row (``w:ins``) is shown, and a merge runs on past a deleted row."""
    rows = [
        _tc("A", merge="restart") + _tc("1"),
        '<w:trPr><w:del w:id="1" w:author="a"/></w:trPr>' + _tc("", merge="continue") + _tc("7"),
        '<w:trPr><w:ins w:id="2" w:author="a"/></w:trPr>' + _tc("", merge="continue") + _tc("2"),
    ]
    page = docx_page(_docx("<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"), 10**6)
    assert '<tr><td rowspan="2"><p>A</p></td><td><p>1</p></td></tr><tr><td><p>2</p></td></tr></table>' in page


def _repackaged(data: bytes, name: Callable[[str], str], text: Callable[[str], str]) -> bytes:
    """A .docx with each member renamed by ``name`` and each XML part's text passed through ``text``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            body = src.read(item.filename)
            out.writestr(name(item.filename), text(body.decode()).encode())
    return buf.getvalue()


STRICT = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    ),
}


def _strict(xml: str) -> str:
    for transitional, strict in STRICT.items():
        xml = xml.replace(transitional, strict)
    return xml


@pytest.mark.parametrize(
    "name, text",
    [
        (str, _strict),  # Strict Open XML
        (  # Word Online: the body as word/document2.xml
            lambda n: n.replace("word/document.xml", "word/document2.xml"),
            lambda xml: xml.replace("/word/document.xml", "/word/document2.xml").replace(
                '"word/document.xml"', '"word/document2.xml"'
            ),
        ),
        (lambda n: n.replace("/", "\\").replace("word", "Word"), str),  # names in backslashes, in other case
    ],
    ids=["strict", "document2", "backslashes"],
)
def test_a_package_word_opens_is_read(name: Callable[[str], str], text: Callable[[str], str]) -> None:
    """A document saved as Strict Open XML (its ``w:`` namespace ``http://purl.oclc.org/ooxml/…``),
    or whose body is not ``word/document.xml`` (``[Content_Types].xml`` names the main part), or
    whose members are named in another case or with backslashes: read as the plain .docx is. Before,
    the first was no text (NoReportContent), the others a zip that is no Word document."""
    plain = (DOCX / "chenghu_finance_2021_html.docx").read_bytes()
    report = zhgov_parse.parse(_repackaged(plain, name, text))
    assert _cells(report) == expected_cells("chenghu_finance_2021_html")
    assert report.to_dict()["sections"] == zhgov_parse.parse(plain).to_dict()["sections"]  # styles found


@pytest.mark.parametrize("tab", ["<w:r><w:tab/></w:r>", "<w:r><w:t>……</w:t></w:r>"])
def test_a_table_of_contents_is_no_report_before_the_report(tab: str) -> None:
    """Word's table of contents (a TOC field: 一 … 六 a line each, a tab or leader dots, the page
    number) after the title: its 二 … 四 have no table, so the real 一、总体情况 after it starts no
    second report. Before, the report was cut there (more_reports): every table missing_table. The
    field's lines are left out: the parts' sections are the body's."""

    def line(n: int, heading: str) -> str:
        field = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText>'
        )
        field += '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if n == 6 else ""
        runs = f"<w:r><w:t>{heading}</w:t></w:r>{tab}<w:r><w:t>{n}</w:t></w:r>"
        return (
            f'<w:p>{field if n == 1 else ""}<w:hyperlink w:anchor="_Toc{n}">{runs}</w:hyperlink>{end}</w:p>'
        )

    parts = "总体情况 主动公开政府信息情况 收到和处理政府信息公开申请情况 政府信息公开行政复议、行政诉讼情况"
    parts += " 存在的主要问题及改进情况 其他需要报告的事项"
    toc = "<w:p><w:r><w:t>目录</w:t></w:r></w:p>" + "".join(
        line(n, f"{'一二三四五六'[n - 1]}、{part}") for n, part in enumerate(parts.split(), 1)
    )
    name = "chenghu_finance_2021_html"
    report = zhgov_parse.parse(
        _rewritten(
            (DOCX / f"{name}.docx").read_bytes(), lambda body: body.replace("</w:p>", "</w:p>" + toc, 1)
        )
    )
    assert _cells(report) == expected_cells(name)
    assert [f.code for f in report.finding_list] == ["word_document"]
    # its lines are no sections (they were: 一 … 六 twice, the page numbers as text of their own)
    plain = zhgov_parse.read(DOCX / f"{name}.docx")

    def sections(r: zhgov_parse.Report) -> list[tuple]:
        return [
            (s["section"], s["subsection"], s["text"]) for s in r.to_dict()["sections"] if s["text"] != "目录"
        ]

    assert sections(report) == sections(plain)


def test_a_contents_field_left_open_takes_no_text() -> None:
    """A TOC field that never ends (a damaged file): nothing is left out, for its result would run to
    the document's end; a page reference (PAGEREF) inside a TOC's lines ends before it does."""
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o </w:instrText></w:r>'
    begin += '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    page = docx_page(_docx(f"<w:p>{begin}<w:r><w:t>一、总体情况</w:t></w:r></w:p>"), 10**6)
    assert "<p>一、总体情况</p>" in page
    pageref = (
        begin.replace("TOC \\o", "PAGEREF _Toc1 \\h")
        + '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = f"<w:p>{begin}<w:r><w:t>一、总体情况</w:t></w:r>{pageref}</w:p>"
    body += '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p>'
    assert re.findall(r"<p>([^<]*)</p>", docx_page(_docx(body), 10**6)) == ["", "", "正文"]


def test_a_table_typed_with_tabs_keeps_its_blank_fields() -> None:
    """Table 三 typed as paragraphs, its cells apart by tabs (``w:tab``; Word's table converted to
    text), a blank cell an empty field between two tabs: read as tab text is, each value in its
    field. Before, a tab was a space, the blank field was lost and such rows were NA
    (runon_ambiguous). Tab stops the paragraph defines (``w:tabs``) are no tabs typed."""
    lines = [
        "柘塘镇人民政府2019年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "自然人\t法人或其他组织\t总计",
        "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t10\t6\t1\t2\t2\t2\t23",
        "二、上年结转政府信息公开申请数量\t2\t0\t\t/\t—\t0\t2",
        "三、本年度办理结果\t（一）予以公开\t4\t1\t1\t/\t—\t0\t6",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t\t1\t—\t0\t1",
        "（三）不予公开\t1.属于国家秘密\t0\t0\t\t/\t—\t0\t0",
        "2.其他法律行政法规禁止公开\t0\t0\t\t/\t1\t0\t1",
    ]
    stops = (
        '<w:pPr><w:tabs><w:tab w:val="left" w:pos="1200"/><w:tab w:val="left" w:pos="2400"/></w:tabs></w:pPr>'
    )
    body = "".join(
        f"<w:p>{stops}"
        + "<w:r><w:tab/></w:r>".join(
            f"<w:r><w:t>{field}</w:t></w:r>" if field else "" for field in line.split("\t")
        )
        + "</w:p>"
        for line in lines
    )
    got = _cells(zhgov_parse.parse(_docx(body)))
    columns = [
        "natural_person",
        "commercial",
        "research",
        "nonprofit",
        "legal_services",
        "other_org",
        "total",
    ]
    row = "application_handling", "carried_in"
    assert [got[(*row, c)] for c in columns] == [2, 0, None, None, None, 0, 2]
    row = "application_handling", "partially_granted"
    assert [got[(*row, c)] for c in columns] == [0, 0, None, 1, None, 0, 1]
    typed = f"<w:p>{stops}<w:r><w:t>规章</w:t><w:tab/><w:t>3</w:t></w:r></w:p>"
    assert "<p>规章\t3</p>" in docx_page(
        _docx(typed), 10**6
    )  # no tab for each stop: 四's row kept its fields


def test_a_table_typed_with_tabs_among_word_tables_is_read() -> None:
    """Table 四 typed as paragraphs, its cells apart by tabs, while 二 and 三 are Word's tables: the
    document is read as its paragraphs a line each, its tables as HTML, so 四's lines are read as
    tab text's are. Before, the page's paragraphs were no rows beside its tables (15 cells lost,
    missing_table). A line of a contents list (a title, a tab, its page number) is no such row, nor
    a phone number typed with tabs (which read the whole document as text)."""
    review = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    lines = [
        "行政复议\t行政诉讼",
        f"{review}\t未经复议直接起诉\t复议后起诉",
        f"{review}\t{review}",
        "1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0",
    ]
    tab = "<w:r><w:tab/></w:r>"
    runs = (tab.join(f"<w:r><w:t>{f}</w:t></w:r>" for f in line.split("\t")) for line in lines)
    typed = "".join(f"<w:p>{r}</w:p>" for r in runs)
    name = "chenghu_finance_2021_html"
    data = (DOCX / f"{name}.docx").read_bytes()
    last = re.compile(r"<w:tbl>(?:(?!<w:tbl>).)*</w:tbl>(?=(?:(?!<w:tbl>).)*$)", re.S)
    report = zhgov_parse.parse(_rewritten(data, lambda body: last.sub(typed, body)))
    assert _cells(report) == expected_cells(name)
    assert report.meta["source_format"] == "text"

    # the title still a heading (a Markdown one in the text), not run into the paragraph after it
    def sections(r: zhgov_parse.Report) -> list[tuple]:
        return [
            (s["section"], s["subsection"], s["kind"], s["tag"], s["text"]) for s in r.to_dict()["sections"]
        ]

    assert sections(report) == sections(zhgov_parse.read(DOCX / f"{name}.docx"))
    contents = "<w:p><w:r><w:t>一、总体情况</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
    contents += "<w:p><w:r><w:t>联系电话：</w:t><w:tab/><w:t>0532</w:t><w:tab/><w:t>7317438</w:t></w:r></w:p>"
    assert (
        docx_page(_rewritten(data, lambda body: body.replace("<w:tbl>", contents + "<w:tbl>", 1)), 10**6)[:6]
        == "<html>"
    )


def _importing(chunk: bytes, name: str, before: str = "") -> bytes:
    """A .docx whose body imports ``chunk`` (``w:altChunk``), stored as ``word/{name}``."""
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdAlt1" Target="' + name + '" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>'
    )
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "word/document.xml",
            f'<w:document {W} {r}><w:body>{before}<w:altChunk r:id="rIdAlt1"/></w:body></w:document>',
        )
        z.writestr("word/_rels/document.xml.rels", rels)
        z.writestr(f"word/{name}", chunk)
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["htm", "mht"])
def test_content_a_word_document_imports_is_read(kind: str) -> None:
    """A body that imports an HTML page or a web archive stored in the package (``w:altChunk``, as
    programs that make .docx files from HTML write it; Word merges it on saving): the page is read
    in its place, as the page itself is. Before, the document was no text (NoReportContent)."""
    name = "chenghu_finance_2021_html"
    page = (FIXTURES / f"{name}.html").read_bytes()
    if kind == "mht":
        page = (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
            b"Content-Type: text/html; charset=utf-8\r\nContent-Location: file:///C:/a.htm\r\n\r\n"
            + page
            + b"\r\n--B--\r\n"
        )
    report = zhgov_parse.parse(_importing(page, f"afchunk.{kind}", "<w:p><w:r><w:t>附件</w:t></w:r></w:p>"))
    assert _cells(report) == expected_cells(name)
    assert report.meta == {**zhgov_parse.read(FIXTURES / f"{name}.html").meta, "encoding": "utf-8"}
    with pytest.raises(zhgov_parse.ParseError, match=r"w:altChunk: word/afchunk.rtf\); open it in Word"):
        zhgov_parse.parse(_importing(b"{\\rtf1\\ansi 2021}", "afchunk.rtf"))


def _numbered_titles(data: bytes, lists: str) -> bytes:
    """The .docx with its parts' and their sections' numbers (一、, （一）) taken out of the titles' text
    and made Word's list numbers instead (``w:numPr``, levels 0 and 1 of list 1), ``lists`` its
    ``numbering.xml``."""
    title = re.compile(
        r"(<w:pPr>)((?:(?!</w:pPr>).)*</w:pPr><w:r><w:rPr></w:rPr><w:t>)(（?)[一二三四五六][、）]"
    )

    def numbered(m: re.Match[str]) -> str:
        level = int(bool(m.group(3)))
        return f'{m.group(1)}<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>{m.group(2)}'

    def edit(body: str) -> str:  # the titles outside the tables
        pieces = re.split(r"(<w:tbl>.*?</w:tbl>)", body, flags=re.S)
        return "".join(p if n % 2 else title.sub(numbered, p) for n, p in enumerate(pieces))

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_rewritten(data, edit))) as src, zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("word/numbering.xml", f"<w:numbering {W}>{lists}</w:numbering>")
    return buf.getvalue()


def test_the_numbers_word_writes_before_part_titles_are_read() -> None:
    """Part titles numbered by Word (一、 and （一） from ``numbering.xml``: Chinese counting, level
    texts ``%1、`` and ``（%2）``, the second level restarting under each part) read as if typed.
    Before, the titles came without their numbers: the sections' titles lost them, and every
    （一）…（五） section of 一 was no section."""
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for n, text in enumerate(["%1、", "（%2）"])
    )
    lists = f'<w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
    lists += '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
    name = "chenghu_finance_2021_html"
    plain = zhgov_parse.read(DOCX / f"{name}.docx")
    report = zhgov_parse.parse(_numbered_titles((DOCX / f"{name}.docx").read_bytes(), lists))
    assert report.to_dict()["sections"] == plain.to_dict()["sections"]
    assert _cells(report) == expected_cells(name)


@pytest.mark.parametrize(
    ("kind", "numbers"),
    [
        ("chineseCounting", "一 二 十 十一 二十 二十三"),
        ("chineseCountingThousand", "一 二 十 十一 二十 二十三"),
        ("ideographTraditional", "甲 乙 癸 None None None"),
        ("decimal", "1 2 10 11 20 23"),
        ("decimalEnclosedCircle", "① ② ⑩ ⑪ ⑳ None"),
        ("upperRoman", "I II X XI XX XXIII"),
        ("bullet", "None None None None None None"),
    ],
)
def test_word_list_number_formats(kind: str, numbers: str) -> None:
    assert " ".join(str(formatted(n, kind)) for n in (1, 2, 10, 11, 20, 23)) == numbers


def test_word_lists_count_as_word_does() -> None:
    """Two list instances of one list count on together (the second restarts it only where it
    overrides a start); a level restarts under its parent; a heading style may number its
    paragraphs; a bullet writes nothing; paragraphs in a table count but keep their text."""
    levels = (
        '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:suff w:val="space"/></w:lvl>'
    )
    lists = (
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = '<w:style w:styleId="H"><w:name w:val="heading 1"/>'
    styles += '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'

    def p(text: str, num: str = "", level: int = 0, style: str = "") -> str:
        props = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>' if num else ""
        props += f'<w:pStyle w:val="{style}"/>' if style else ""
        return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    cell = f"<w:tbl><w:tr><w:tc>{p('甲', '1')}</w:tc></w:tr></w:tbl>"
    body = p("总体", style="H") + p("细", "1", 1) + p("细", "2", 1) + p("主动", "2") + cell + p("要点", "4")
    body += p("申请", "3") + p("细", "3", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
        z.writestr("word/numbering.xml", f"<w:numbering {W}>{lists}</w:numbering>")
    page = docx_page(buf.getvalue(), 10**6)
    assert re.findall(r"<(?:p|h1)>([^<]*)</", page) == [
        "一、总体",
        "一.1 细",  # each level's own format (Word's legal numbering, w:isLgl, would write 1.1)
        "一.2 细",
        "二、主动",
        "甲",
        "要点",
        "五、申请",
        "五.1 细",
    ]


def _word_2003(data: bytes) -> str:
    """A .docx's body and styles as Word 2003 XML (WordprocessingML 2003): its namespace, its merges
    (``w:vmerge``), its body in a section (``wx:sect``, ``wx:sub-section``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    body = body[body.index("<w:body>") + 8 : body.rindex("</w:body>")].replace("<w:vMerge", "<w:vmerge")
    styles = re.sub(r"<w:styles[^>]*>", "<w:styles>", styles[styles.index("<w:styles") :], count=1)
    return (
        '<?xml version="1.0" encoding="GBK"?><?mso-application progid="Word.Document"?><w:wordDocument '
        'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
        'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
        f'xmlns:aml="http://schemas.microsoft.com/aml/2001/core">{styles}'
        f"<w:body><wx:sect><wx:sub-section>{body}</wx:sub-section></wx:sect></w:body></w:wordDocument>"
    )


def test_a_word_2003_xml_document_reads_as_its_docx() -> None:
    """Word 2003 XML (``w:wordDocument``: Word's "XML Document", and the .doc files programs make
    from templates), as bytes or as text: read as the .docx it was made from is, merged cells
    (``w:vmerge``) as spans; a tracked insertion's runs are read, a deletion's and a comment's not;
    a numbered paragraph's number is the one Word wrote (``wx:t``). Before, its text ran together
    as one page's (every table missing_table)."""
    name = "chenghu_finance_2021_html"
    plain = zhgov_parse.read(DOCX / f"{name}.docx")
    xml = _word_2003((DOCX / f"{name}.docx").read_bytes())
    for given in (xml.encode("gbk"), xml):
        report = zhgov_parse.parse(given)
        assert _cells(report) == expected_cells(name)
        assert report.to_dict()["sections"] == plain.to_dict()["sections"]
        assert [f.code for f in report.finding_list] == ["word_document"]
    runs = (
        '<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>7</w:delText></w:r>'
        "</aml:content></aml:annotation>"
        '<aml:annotation w:type="Word.Insertion"><aml:content><w:r><w:t>4</w:t></w:r></aml:content>'
        '</aml:annotation><w:r><w:t>1</w:t></w:r><aml:annotation w:type="Word.Comment">'
        "<aml:content><w:p><w:r><w:t>9</w:t></w:r></w:p></aml:content></aml:annotation>"
    )
    numbered = (
        '<w:p><w:pPr><w:listPr><wx:t wx:val="一、"/></w:listPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>'
    )
    page = word_xml_page(
        xml.replace("<wx:sect>", f"<wx:sect>{numbered}<w:p>{runs}</w:p>").encode("gbk"), 10**7
    )
    assert "<p>一、总体情况</p>\n<p>41</p>" in page


def test_a_flat_opc_word_document_reads_as_its_docx() -> None:
    """A Word document in one XML file (Flat OPC, ``pkg:package``: Word's "Word XML Document", and
    the .doc files programs make from templates), as bytes or as text: read as its .docx is, its
    styles and numbering with it. Before, its text ran together as one page's (missing_table)."""
    name = "chenghu_finance_2021_html"
    data = (DOCX / f"{name}.docx").read_bytes()
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for item in z.namelist():
            if item.endswith((".xml", ".rels")):
                xml = re.sub(r"^\s*<\?xml[^>]*\?>", "", z.read(item).decode())
                parts.append(f'<pkg:part pkg:name="/{item}"><pkg:xmlData>{xml}</pkg:xmlData></pkg:part>')
    flat = '<?xml version="1.0" encoding="GBK"?><?mso-application progid="Word.Document"?>'
    flat += '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
    flat += "".join(parts) + "</pkg:package>"
    plain = zhgov_parse.parse(data)
    for given in (flat.encode("gbk"), flat):
        report = zhgov_parse.parse(given)
        assert _cells(report) == expected_cells(name)
        assert report.to_dict()["sections"] == plain.to_dict()["sections"]
        assert [f.code for f in report.finding_list] == ["word_document"]


def test_an_alternative_around_a_table_or_row_is_read_once() -> None:
    """``mc:AlternateContent`` around a table or a row (markup compatibility allows it anywhere): its
    first choice is read, the fallback (the same content again) is not. Before, neither was read: the
    table was lost (missing_table)."""

    def alternative(xml: str) -> str:
        choice = f'<mc:Choice Requires="w14">{xml}</mc:Choice>'
        return f"<mc:AlternateContent>{choice}<mc:Fallback>{xml}</mc:Fallback></mc:AlternateContent>"

    row = f"<w:tr>{_tc('行政许可')}{_tc('5')}</w:tr>"
    body = alternative(f"<w:tbl><w:tr>{_tc('规章')}{_tc('3')}</w:tr>{alternative(row)}</w:tbl>")
    page = docx_page(_docx(body), 10**6)
    assert page.count("<table>") == 1
    assert (
        "<tr><td><p>规章</p></td><td><p>3</p></td></tr><tr><td><p>行政许可</p></td><td><p>5</p></td></tr>"
        in page
    )


@pytest.mark.parametrize("digits", [9, 5000])
def test_a_span_of_thousands_of_digits_is_the_widest(digits: int) -> None:
    """A ``w:gridSpan`` of nine digits or of 5,000 (past the 4,300 ``int`` converts) is read as the
    widest span, as a large one is; before, 5,000 digits raised an internal error."""
    data = (DOCX / "chenghu_finance_2021_html.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for name in source.namelist():
            member = source.read(name)
            if name == "word/document.xml":
                span = b'<w:tcPr><w:gridSpan w:val="' + b"9" * digits + b'"/>'
                member = member.replace(b"<w:tcPr>", span, 1)
            copy.writestr(name, member)
    assert zhgov_parse.parse(out.getvalue()).meta["template"] == "2021"
