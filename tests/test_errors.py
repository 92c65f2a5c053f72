"""Bad input: a clear ParseError saying what was expected and what was found, nothing else."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

import zhgov_parse
from zhgov_parse.errors import BinaryInput, EmptyInput, NoReportContent, UndecodableInput


def _xlsx() -> bytes:  # a zip that is not a Word document (those are read: tests/test_docx.py)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


@pytest.mark.parametrize("content", ["", "   \n\t ", b"", b"\n\n", "\x00\x00"])
def test_empty(content: str | bytes) -> None:
    with pytest.raises(EmptyInput, match="found empty input"):
        zhgov_parse.parse(content)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("%PDF-1.4 text that was read as str", "PDF"),
        (_xlsx(), "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "legacy Office"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le"),
            "password",
        ),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "an RTF file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "a PNG image file"),
        (b"\xff\xd8\xff\xe0" + bytes(50), "JPEG"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_formats_are_named(content: bytes, kind: str) -> None:
    with pytest.raises(BinaryInput) as info:
        zhgov_parse.parse(content)
    assert kind in str(info.value)
    assert "convert it to text or HTML first" in str(info.value)
    # for a PDF, the extractors whose text keeps a table's rows (tests/test_pdftext.py)
    assert ("pdftotext -layout" in str(info.value)) == (kind == "PDF")
    assert ("a Word .docx is read as it is" in str(info.value)) == (kind == "ZIP")
    assert ("soffice" in str(info.value)) == (kind in ("ZIP", "legacy Office", "an RTF file"))
    # an encrypted .docx (a compound file, as a .doc is): no converter reads it without its password
    assert ("save it without one" in str(info.value)) == (kind == "password")


def test_gzip_is_bounded_and_damage_is_named() -> None:
    bomb = gzip.compress(b"<p>" + b" " * 5_000_000)
    with pytest.raises(zhgov_parse.ParseError, match="once decompressed"):
        zhgov_parse.parse(bomb, max_bytes=1_000_000)
    page = gzip.compress("<p>一、总体情况</p>".encode() * 50)
    with pytest.raises(zhgov_parse.ParseError, match="cut short"):
        zhgov_parse.parse(page[: len(page) // 2])
    with pytest.raises(zhgov_parse.ParseError, match="damaged"):
        zhgov_parse.parse(page[:10] + b"\xff" * 40)
    with pytest.raises(EmptyInput):
        zhgov_parse.parse(gzip.compress(b"  \n"))


def test_text_without_report_parts() -> None:
    with pytest.raises(NoReportContent, match="expected an annual report") as info:
        zhgov_parse.parse("404 Not Found\n页面不存在，请返回首页。")
    assert "found 2 lines of text with none of them" in str(info.value)


def test_errors_are_value_errors() -> None:
    for cls in (EmptyInput, BinaryInput, NoReportContent, UndecodableInput):
        assert issubclass(cls, zhgov_parse.ParseError)
        assert issubclass(cls, ValueError)


def test_wrong_type_is_a_parse_error() -> None:
    with pytest.raises(zhgov_parse.ParseError, match="expected str or bytes content, found int"):
        zhgov_parse.parse(42)  # type: ignore[arg-type]


def test_a_path_given_to_parse_is_content_not_a_file(tmp_path, sample_text: str) -> None:
    path = tmp_path / "r.txt"
    path.write_text(sample_text, encoding="utf-8")
    with pytest.raises(NoReportContent):
        zhgov_parse.parse(str(path))
    assert zhgov_parse.read(path).meta["year"] == 2022
    assert zhgov_parse.read(str(path)).meta["year"] == 2022


def test_max_bytes(sample_text: str) -> None:
    with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
        zhgov_parse.parse(sample_text.encode(), max_bytes=1000)


def test_strict_raises_on_first_warning(sample_text: str) -> None:
    broken = sample_text.replace("(七)总计 | 82 |", "(七)总计 | 83 |")
    zhgov_parse.parse(broken)  # lenient: a report with findings
    with pytest.raises(zhgov_parse.ParseError, match="identity_broken"):
        zhgov_parse.parse(broken, strict=True)


def test_missing_file_is_reported_as_such(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="cannot read report file"):
        zhgov_parse.read(tmp_path / "nope.txt")


def test_binary_with_a_zero_every_other_byte_is_not_read_as_utf_16() -> None:
    """UTF-16 text without a BOM is read (tests/test_variants.py); bytes that have its 0s but do not
    decode to printable text with a report's words stay binary."""
    with pytest.raises(zhgov_parse.ParseError, match="binary"):
        zhgov_parse.parse(b"\x01\x00\x07\x00" * 500)
    with pytest.raises(zhgov_parse.ParseError, match="binary"):
        zhgov_parse.parse("xyz|abc 12\n".encode("utf-16-le") * 100)


def test_a_list_of_reports_is_no_report() -> None:
    """A portal's listing page (or an index of files) names several reports and holds none of their
    parts: it was read as a report with every table missing; it is an error that says what it is."""
    listing = "\n".join(
        f"- 青河市{body}{year}年政府信息公开工作年度报告  {year + 1}-01-20"
        for body in ("数据局", "财政局")
        for year in (2021, 2022, 2023)
    )
    with pytest.raises(NoReportContent, match="list of 6 reports' titles"):
        zhgov_parse.parse("政府信息公开年报\n" + listing)
    one = "青河市数据局2023年政府信息公开工作年度报告\n附件：青河市数据局2023年政府信息公开工作年度报告.pdf"
    assert zhgov_parse.parse(one).meta["agency"] == "青河市数据局"  # a report's page with its file: a report


def test_a_crawlers_page_of_its_title_alone_is_a_report() -> None:
    """A crawler's page text names the page's title in its header and its folder, above a body that
    is the title alone (the report a .doc the page links to): one title, not a list of three. It was
    refused as a listing page; it is the report, whose tables the page does not hold, and says so."""
    title = "青河市公安局2020年政府信息公开工作年度报告"
    page = (
        f"标题: {title}\n发布时间: 2021-01-28 11:10\n"
        f"本地目录: zwgk/zfxxgknb/202101/80590_{title}\n"
        f"==================== 正文 ====================\n{title}"
    )
    report = zhgov_parse.parse(page)
    assert report.meta["agency"] == "青河市公安局" and report.meta["year"] == 2020
    assert [f.code for f in report.finding_list] == ["missing_table"] * 3
    assert all("nor any of the report's part headings" in f.message for f in report.finding_list)
    listing = "\n".join(f"{title[:-17]}{year}年政府信息公开工作年度报告" for year in (2021, 2022, 2023))
    with pytest.raises(NoReportContent, match="list of 3 reports' titles"):
        zhgov_parse.parse(listing)


def test_a_missing_table_whose_values_no_row_could_take_says_so() -> None:
    """A table part whose heading stands there with values that no row could take (three values
    alone under 四's heading) was said to have 'no values', while its unmapped_values finding
    listed them: the message now says the values were there and where they are said."""
    from conftest import FIXTURES

    text = (FIXTURES / "lanshi_housing_2023_pipe.txt").read_text(encoding="utf-8")
    start, end = text.index("结果维持 | 结果纠正"), text.index("五、存在的主要问题")
    report = zhgov_parse.parse(text[:start] + "| 3 | 1 | 0 |\n" + text[end:])
    said = {f.code: f.message for f in report.finding_list if f.table == "review_litigation"}
    assert "unmapped_values" in said
    assert "but no values" not in said["missing_table"] and "unmapped" in said["missing_table"]
