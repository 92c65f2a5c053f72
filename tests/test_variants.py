"""The same report as pipe text, Markdown or PDF-style text, in either script and any encoding,
gives the same cells."""

from __future__ import annotations

import base64
import gzip
import html
import json
import quopri
import re

import pytest

import zhgov_parse
from zhgov_parse.mapping import Cell, TableResult
from zhgov_parse.mhtml import page_of
from zhgov_parse.parser import spacers_decided
from zhgov_parse.script import _converter

from conftest import FIXTURES

BASE = (FIXTURES / "heyu_ecology_2021_pipe.txt").read_text(encoding="utf-8")  # Traditional, no blanks


def _cells(report: zhgov_parse.Report) -> dict[tuple[str, str, str], object]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


def _is_table_line(line: str) -> bool:
    return "|" in line


def to_markdown(text: str) -> str:
    out, in_table = [], False
    for line in text.split("\n"):
        if _is_table_line(line):
            cells = [c.strip() for c in line.rstrip().rstrip("|").split("|")]
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
            in_table = True
        else:
            if re.match(r"^[一二三四五六]、", line):
                line = "## " + line
            out.append(line)
            in_table = False
    return "\n".join(out)


def to_spaced(text: str) -> str:
    """Cells separated by runs of spaces, empty cells gone, as PDF-to-text tools write tables."""
    out = []
    for line in text.split("\n"):
        if _is_table_line(line):
            line = "   ".join(c.strip() for c in line.split("|") if c.strip())
        out.append(line)
    return "\n".join(out)


def full_width_digits(text: str) -> str:
    table = str.maketrans("0123456789", "０１２３４５６７８９")
    return "\n".join(line.translate(table) if _is_table_line(line) else line for line in text.split("\n"))


def one_cell_a_line(text: str, paragraphs: bool = False) -> str:
    """Each table cell on a line of its own (``49 |``), or as a paragraph of its own between blank
    lines, as some portals' text and some scrapers leave tables; empty cells dropped."""
    out = []
    for line in text.split("\n"):
        if _is_table_line(line) and not re.match(r"^\|?\s*:?-{3,}", line.strip()):
            cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
            out += [x for c in cells for x in ((c, "") if paragraphs else (f"{c} |",))]
        elif not re.match(r"^\|?\s*:?-{3,}", line.strip()):
            out += [line, ""] if paragraphs else [line]
    return "\n".join(out)


def _has_blank_cell(text: str) -> bool:
    """Whether a table row has an empty cell between two filled ones (lost one cell a line)."""
    for line in text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if _is_table_line(line) else []
        filled = [i for i, c in enumerate(cells) if c]
        if filled and any(not c for c in cells[filled[0] : filled[-1]]):
            return True
    return False


def to_html(text: str) -> str:
    """The same report as a web page: each run of pipe lines a <table>, every other line a <p>."""
    out, in_table = ["<html><head><meta charset='utf-8'></head><body><div class='article'>"], False
    for line in text.split("\n"):
        if _is_table_line(line):
            if not in_table:
                out.append("<table>")
            cells = [c.strip() for c in line.rstrip().rstrip("|").split("|")]
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            in_table = True
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.strip():
            out.append(f"<p>{line}</p>")
    out.append("</table>" if in_table else "")
    out.append("</div></body></html>")
    return "\n".join(out)


def to_mhtml(page: bytes, transfer: str, charset: str | None) -> bytes:
    """A page saved as a web archive: by a browser (quoted-printable, no charset in the part's
    header: the page's own ``<meta>`` says it) or by Word (a note before the first part, a charset)."""
    body = quopri.encodestring(page) if transfer == "quoted-printable" else base64.encodebytes(page)
    kind = "text/html" + (f'; charset="{charset}"' if charset else "")
    return b"\r\n".join(
        [
            b"From: <Saved by Blink>",
            b"Snapshot-Content-Location: https://www.example.gov.cn/xxgk/2021/1.html",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_01"',
            b"",
            "此文档为“单个文件网页”，也称为“Web 档案”文件。".encode("gb18030"),
            b"",
            b"------=_NextPart_01",
            b"Content-Location: https://www.example.gov.cn/xxgk/2021/1.html",
            f"Content-Transfer-Encoding: {transfer}".encode(),
            f"Content-Type: {kind}".encode(),
            b"",
            body.replace(b"\n", b"\r\n"),
            b"------=_NextPart_01",
            b"Content-Location: https://www.example.gov.cn/style.css",
            b"Content-Type: text/css",
            b"",
            b"p { margin: 0 }",
            b"------=_NextPart_01--",
            b"",
        ]
    )


SIMPLIFIED = _converter("t2s").convert(BASE)

VARIANTS = {
    "simplified": SIMPLIFIED,
    "markdown": to_markdown(BASE),
    "markdown-simplified": to_markdown(SIMPLIFIED),
    "spaced": to_spaced(BASE),
    "spaced-simplified": to_spaced(SIMPLIFIED),
    "full-width-digits": full_width_digits(BASE),
    "gbk-bytes": SIMPLIFIED.encode("gbk"),
    "gb18030-traditional-bytes": BASE.encode("gb18030"),
    "utf-8-bom": b"\xef\xbb\xbf" + BASE.encode("utf-8"),
    "utf-16": BASE.encode("utf-16"),
    "utf-16-le-no-bom": BASE.encode("utf-16-le"),  # as some Windows tools save text
    "utf-16-be-no-bom": SIMPLIFIED.encode("utf-16-be"),
    # a page saved by Windows tools as UTF-16 or UTF-32 with a BOM: its tags are not ASCII bytes
    "html-utf-16": to_html(BASE).replace("<meta charset='utf-8'>", "").encode("utf-16"),
    "html-utf-32": to_html(SIMPLIFIED).replace("<meta charset='utf-8'>", "").encode("utf-32"),
    # web archives (MHTML): a browser's "save as single file", Word's .mht in GBK
    "mhtml-browser": to_mhtml(to_html(BASE).encode("utf-8"), "quoted-printable", None),
    "mhtml-word-gbk": to_mhtml(
        to_html(SIMPLIFIED).replace("<meta charset='utf-8'>", "").encode("gbk"), "quoted-printable", "gb2312"
    ),
    "mhtml-base64-as-str": to_mhtml(to_html(BASE).encode("utf-8"), "base64", "utf-8").decode("gb18030"),
    # markup written as text: an RSS item's description, an API field holding the page escaped twice
    "rss-escaped-html": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
    f"<title>x</title><description>{html.escape(to_html(BASE))}</description></item></channel></rss>",
    "json-escaped-twice": json.dumps({"content": html.escape(html.escape(to_html(SIMPLIFIED)))}),
    # a scraper's stored page (.html.gz), in two gzip members as `cat a.gz b.gz` makes
    "gzip-html": gzip.compress(to_html(BASE).encode("utf-8")[:500])
    + gzip.compress(to_html(BASE).encode()[500:]),
    # a Markdown table whose first column is empty in every row (a spacer column of the table it came from)
    "markdown-spacer-column": re.sub(r"(?m)^\|", "|  |", to_markdown(SIMPLIFIED)),
    "crlf": BASE.replace("\n", "\r\n"),
    # Markdown's escapes, as converters write them before punctuation: 3\.其他, \(六\)
    "markdown-escapes": re.sub(r"(\d)\.(?=\D)", r"\1\\.", to_markdown(SIMPLIFIED)).replace("(", "\\("),
    # invisible characters from the web or Word: direction marks, joiners, soft hyphens
    "invisible-marks": re.sub(r"(\d)(\d)", "\\1\u200e\\2", BASE).replace("公開", "公\u00ad開"),
    # JSON as scrapers store pages: the page as a JSON string, or a record with its text field
    "json-string": json.dumps(BASE),
    "json-record-bytes": json.dumps({"url": "https://example.gov.cn/1.html", "text": BASE}).encode("utf-8"),
    "json-api-response": json.dumps(
        {"code": 200, "data": {"title": "x", "content": BASE}}, ensure_ascii=False
    ),
    # Other bars between cells: full-width (CJK-aware converters), box-drawing with no box, broken
    "full-width-bars": BASE.replace("|", "｜"),
    "full-width-bars-markdown": to_markdown(SIMPLIFIED).replace("|", "｜"),
    "box-drawing-bars": BASE.replace("|", "│"),
    "broken-bars": BASE.replace("|", "¦"),
    # Converters' Markdown: a cell's line breaks as <br>, characters as references (&#65288; for （)
    "markdown-with-br-in-cells": re.sub(
        r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff]{6}[^|\n]* \|)", "<br>", to_markdown(SIMPLIFIED), count=40
    ),
    "character-references": BASE.replace("(", "&#65288;")
    .replace(")", "&#xFF09;")
    .replace(" | 0 |", " |&nbsp;0 |"),
    # a page's bytes decoded as Latin-1 (requests' response.text for a page served with no charset),
    # kept as str or saved again as UTF-8; or as browsers' windows-1252 (undefined bytes as controls)
    "latin-1-decoded-utf-8": BASE.encode("utf-8").decode("latin-1"),
    "latin-1-decoded-saved-as-utf-8": SIMPLIFIED.encode("utf-8").decode("latin-1").encode("utf-8"),
    "latin-1-decoded-gb18030": BASE.encode("gb18030").decode("latin-1"),
    "windows-1252-decoded-gbk-html": "".join(
        chr(b) if 0x80 <= b < 0xA0 and b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in to_html(SIMPLIFIED).replace("utf-8", "gb2312").encode("gbk")
    ),
    "full-width-bars-in-html-paragraphs": "<html><body>"
    + "".join(f"<p>{line}</p>" for line in BASE.replace("|", "｜").split("\n"))
    + "</body></html>",
}


def _big5() -> bytes | None:
    try:
        return BASE.encode("big5")
    except UnicodeEncodeError:
        return None


@pytest.fixture(scope="module")
def base_cells() -> dict[tuple[str, str, str], object]:
    return _cells(zhgov_parse.parse(BASE))


@pytest.mark.parametrize("name", list(VARIANTS))
def test_same_cells(name: str, base_cells: dict) -> None:
    report = zhgov_parse.parse(VARIANTS[name])
    assert _cells(report) == base_cells
    assert report.meta["year"] == 2021
    assert report.meta["template"] == "2021"


def test_web_archive_names_the_page_it_held() -> None:
    report = zhgov_parse.parse(VARIANTS["mhtml-word-gbk"])
    (archive,) = [f for f in report.finding_list if f.code == "web_archive"]
    assert archive.found == "https://www.example.gov.cn/xxgk/2021/1.html"
    assert report.meta["source_format"] == "html"
    assert report.meta["encoding"] == "gb18030"  # the part's gb2312, read as the superset
    empty = VARIANTS["mhtml-browser"].split(b"------=_NextPart_01")
    with pytest.raises(zhgov_parse.ParseError, match="no HTML or text part"):
        zhgov_parse.parse(b"------=_NextPart_01".join([empty[0], *empty[2:]]))


def test_a_web_archive_cut_one_character_past_a_base64_group_reads_the_page_up_to_the_cut() -> None:
    """An archive cut mid-download, its page in base64 ending one character past a group of four:
    ``email`` gave up on the part and handed back its base64 text, which held no report
    (NoReportContent). Now that character is left out and the page is read up to the cut."""
    page = to_html(BASE).encode("utf-8")
    archive = to_mhtml(page, "base64", "utf-8")
    end = page.index(b"</table>", page.index(b"</table>") + 1) + len(b"</table>")  # 二 and 三 whole
    letters = -(-end // 3) * 4 + 1  # base64 for a few bytes past 三, and one character more
    start = archive.index(b"\r\n\r\n", archive.index(b"Content-Type: text/html")) + 4
    cut = start
    while letters:
        letters -= archive[cut : cut + 1].isalnum() or archive[cut : cut + 1] in b"+/"
        cut += 1
    report = zhgov_parse.parse(archive[:cut])
    whole = _cells(zhgov_parse.parse(archive))
    read = _cells(report)
    assert {k: v for k, v in read.items() if k[0] != "review_litigation"} == {
        k: v for k, v in whole.items() if k[0] != "review_litigation"
    }
    assert all(v is None for k, v in read.items() if k[0] == "review_litigation")  # after the cut


@pytest.mark.parametrize(("cut", "left"), [("=E", b""), ("=E5=9", b"\xe5"), ("=E5=9B=9", b"\xe5\x9b")])
def test_a_web_archive_cut_inside_a_quoted_printable_escape_ends_with_the_bytes_before_it(
    cut: str, left: bytes
) -> None:
    """Quoted-printable cut inside an escape (四 is =E5=9B=9B): ``email`` kept the half escape as text,
    so the page's bytes ended in a character cut short and then ``=9``, which no charset decodes
    (UndecodableInput, where a decoder can drop a character cut short at the very end). Now the
    half escape is left out and the bytes end where the cut left the character."""
    archive = to_mhtml(to_html(BASE).encode("utf-8"), "quoted-printable", "utf-8")
    end = archive.index(b"=E5=9B=9B", archive.index(b"</table>", archive.index(b"</table>") + 1))
    page = page_of(archive[: end + len(cut)])
    assert page is not None
    assert page[0].endswith(b"<p>" + left)


def test_a_few_tags_quoted_in_text_leave_it_text() -> None:
    quoted = BASE.replace("\n", "\n示例：&lt;p&gt;与&lt;td&gt;标记\n", 3)
    report = zhgov_parse.parse(quoted)
    assert report.meta["source_format"] == "pipe"
    assert "escaped_markup" not in {f.code for f in report.finding_list}
    assert "escaped_markup" in {f.code for f in zhgov_parse.parse(VARIANTS["rss-escaped-html"]).finding_list}


def test_a_table_printed_by_pandas_reads_its_nan_cells_as_blank(base_cells: dict) -> None:
    """A table read into pandas and printed (``to_string``: cells apart by spaces, an empty cell
    ``NaN``): NaN was taken for a label's text, so each row with one had too few values (NA,
    row_length_mismatch); now a blank cell's, NA, and every other cell is read."""
    text = to_spaced(re.sub(r"(?<=\| )0(?= \|)", "NaN", BASE))
    report = zhgov_parse.parse(text)
    cells = _cells(report)
    for key, value in base_cells.items():
        assert cells[key] in ((None, 0) if value == 0 else (value,)), key
    assert "row_length_mismatch" not in {f.code for f in report.finding_list}


def test_a_page_decoded_as_latin_1_is_read_again_from_its_bytes() -> None:
    """requests' ``response.text`` of a page served with no charset is its bytes decoded as
    Latin-1: every byte a character, nothing lost; the bytes are read again, in their own encoding,
    with an info finding. A page whose first characters beyond ASCII are an &nbsp; or a © before
    its Chinese, or a Western page, is left as it is."""
    report = zhgov_parse.parse(VARIANTS["latin-1-decoded-gb18030"])
    assert report.meta["encoding"] == "gb18030"
    (reread,) = [f for f in report.finding_list if f.code == "latin1_reread"]
    assert reread.severity == "info" and "gb18030" in reread.message
    assert zhgov_parse.parse(VARIANTS["windows-1252-decoded-gbk-html"]).meta["source_format"] == "html"
    for text in ("\xa0\xa9 " + BASE, "Rapport annuel: d\xe9penses, \xe9l\xe8ves, r\xe9gion. " * 20 + BASE):
        report = zhgov_parse.parse(text)
        assert "latin1_reread" not in {f.code for f in report.finding_list}
        assert report.meta["encoding"] is None
    western = "Rapport annuel de la r\xe9gion: d\xe9penses et \xe9l\xe8ves. " * 40
    assert zhgov_parse.load.load(western).text == western


def test_big5_bytes(base_cells: dict) -> None:
    data = _big5()
    if data is None:
        pytest.skip("the fixture uses a character Big5 lacks")
    report = zhgov_parse.parse(data)
    assert report.meta["encoding"] == "big5"
    assert _cells(report) == base_cells


def test_encoding_and_script_are_reported() -> None:
    report = zhgov_parse.parse(VARIANTS["gbk-bytes"])
    assert report.meta["encoding"] == "gb18030"
    assert report.meta["script"] == "simplified"
    assert zhgov_parse.parse(BASE).meta["script"] == "traditional"
    assert {zhgov_parse.parse(VARIANTS[k]).meta["source_format"] for k in ("markdown", "spaced")} == {
        "markdown",
        "text",
    }


NARRATIVE = ["section", "subsection", "subsection_code", "kind", "tag", "text"]


@pytest.mark.parametrize("fixture", ["heyu_ecology_2021_pipe.txt", "qinghe_data_2022_pipe.txt"])
def test_same_narrative_from_pipe_markdown_and_html(fixture: str) -> None:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    reports = [zhgov_parse.parse(t) for t in (text, to_markdown(text), to_html(text))]
    assert [r.meta["source_format"] for r in reports] == ["pipe", "markdown", "html"]
    base = reports[0]
    for other in reports[1:]:
        assert other.sections[NARRATIVE].equals(base.sections[NARRATIVE])
        assert other.facts.drop(columns="position").equals(base.facts.drop(columns="position"))
        assert _cells(other) == _cells(base)
        assert [(f.code, f.row, f.column) for f in other.finding_list] == [
            (f.code, f.row, f.column) for f in base.finding_list
        ]


TEXT_FIXTURES = sorted(p.name for p in [*FIXTURES.glob("*_pipe.txt"), *FIXTURES.glob("*_md.md")])


@pytest.mark.parametrize("paragraphs", [False, True], ids=["lines", "paragraphs"])
@pytest.mark.parametrize("fixture", TEXT_FIXTURES)
def test_one_cell_a_line_gives_the_same_cells(fixture: str, paragraphs: bool) -> None:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    report, flattened = zhgov_parse.parse(text), zhgov_parse.parse(one_cell_a_line(text, paragraphs))
    expected, got = _cells(report), _cells(flattened)
    wrong = {
        k: (v, got[k]) for k, v in expected.items() if v is not None and got[k] is not None and v != got[k]
    }
    assert not wrong
    # a row that does not add up (the report's typo: weitang's （一）予以公开) may, one value a line,
    # be another row's values out of order, as in PDF text: NA, said
    uncertain = {(f.table, f.row) for f in flattened.finding_list if f.code == "row_order_uncertain"}
    for table, row in uncertain:
        cells = {k[2]: v for k, v in expected.items() if k[:2] == (table, row)}
        assert cells["total"] != sum(v for c, v in cells.items() if c != "total" and v is not None)
        assert all(got[(table, row, c)] is None for c in cells)
    got = {k: (expected[k] if k[:2] in uncertain else v) for k, v in got.items()}
    if not _has_blank_cell(text):  # a row's blank cell cannot be placed once the row is flattened
        assert got == expected
        # header and labels read as such: no fallback a clean layout would not need (a row whose one
        # value cell is blank, 行政强制 | |||, is indistinguishable from a row lost: missing_row)
        said = set(flattened.findings["code"]) - {"missing_row"}
        if uncertain:  # the NA row leaves identities it took part in unassessable
            said -= {"row_order_uncertain", "identity_unassessable"}
        assert said <= set(report.findings["code"])
    else:  # a blank cell leaves no line: placed where 三's identities allow one way, else NA, said
        lost = [k for k, v in expected.items() if v is not None and got[k] is None]
        assert len(lost) <= 0.1 * sum(v is not None for v in expected.values())
        flagged = {(f.table, f.row) for f in flattened.finding_list}
        assert all((table, row) in flagged for table, row, _ in lost)


def test_a_row_one_cell_a_line_short_of_a_value_is_never_read_with_a_value_split() -> None:
    """One cell a line, the first value of 二、上年结转 and of （七）总计 glued to their labels (as
    html2text writes a table it was told to ignore): 上年结转's six values ``2 0 0 2 0 15`` were read
    with the blank cells' solver, which may split a run-on token, as 2 | 0 | 0 | 2 | 0 | 1 | 5 (a row
    that adds up; 总计 was missing, so no column weighed it), with no finding. Each line is one
    value: only blanks are placed among them, so the row is NA, said."""
    lines = one_cell_a_line((FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")).split("\n")
    for label in ("二、上年结转", "(七)总计"):
        at = next(i for i, line in enumerate(lines) if line.startswith(label))
        lines[at : at + 2] = [lines[at].rstrip(" |") + lines[at + 1]]  # 二、上年结转…数量11 |
    report = zhgov_parse.parse("\n".join(lines))
    got = _cells(report)
    from goldens import expected_cells

    want = expected_cells("qinghe_data_2022_pipe")
    keys = [k for k in want if k[:2] == ("application_handling", "carried_in")]
    read = [got[k] for k in keys]
    # the 11 glued to its label is the row's first value (11 | 2 | 0 | 0 | 2 | 0 | 15), said; else NA
    assert read == [want[k] for k in keys] or all(v is None for v in read)
    assert "carried_in" in {f.row for f in report.finding_list}


@pytest.mark.parametrize("paragraphs", [False, True])
def test_a_value_line_holding_a_number_split_by_a_space_leaves_its_row_na(paragraphs: bool) -> None:
    """二 one cell a line, bare lines or paragraphs, 行政处罚's 15 written ``1 5`` (``行政处罚`` / ``9`` /
    ``1 5``): the space may be inside the number or between two cells, and read 9 | 1 | 5 (two cells
    wrong, no finding). Lines of one value and a line of several a single space apart: the row is NA,
    said. lynx's ``0  0`` (a run of spaces between two cells) stays read."""
    pipe = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8")
    text = one_cell_a_line(pipe, paragraphs)
    text = "\n".join(line.removesuffix(" |") for line in text.split("\n"))
    at, end = text.index("行政处罚"), text.index("行政强制")
    report = zhgov_parse.parse(text[:at] + text[at:end].replace("15", "1 5") + text[end:])
    got = _cells(report)
    assert [got[("active_disclosure", "penalty", c)] for c in ("previous_count", "change", "decisions")] == [
        None
    ] * 3
    assert ("row_order_uncertain", "penalty") in {(f.code, f.row) for f in report.finding_list}
    assert got[("active_disclosure", "coercion", "decisions")] == 4


def test_a_letter_read_for_a_digit_leaves_no_digit_glued_to_the_label() -> None:
    """Text split at spaces, OCR's ``l1`` for 11 as 上年结转's first value (``…申请数量   l1   2   0
    …``): the token is no value, so it stays with the label, and its ``1`` was read as the row's
    first value glued to the label (natural_person 1 for 11, cell_repaired). A digit after a letter
    is none glued to a label: the cell is NA, said."""
    from goldens import expected_cells

    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    row = "二、上年结转政府信息公开申请数量 | 11 | 2 |"
    assert row in text
    report = zhgov_parse.parse(to_spaced(text.replace(row, row.replace("| 11 |", "| l1 |"))))
    got, want = _cells(report), expected_cells("qinghe_data_2022_pipe")
    assert not {k for k, v in got.items() if v is not None and want.get(k) not in (None, v)}
    assert got[("application_handling", "carried_in", "natural_person")] is None
    assert "carried_in" in {f.row for f in report.finding_list}


def test_a_value_no_number_run_into_a_label_leaves_the_blank_cells_unplaced() -> None:
    """Text split at spaces that lost 三's blank cells, OCR's ``Z`` for 2 in a row (``6.屬於四類過程性
    信息   10   5   Z   3 …``): the row's first values ran into its label (``…過程性信息105Z``), and the
    run-on solver that places the blank cells other rows lost read the table with that row short,
    its column sums then placing another row's blank wrongly (``3.危及“三安全一穩定”`` 2 | 1 | 2 |
    blank | 0 | 1 | 6 read with 2, 1, 2 in other columns: 4 cells wrong). A label that ends in a letter
    holds a cell that is no number: no blank is placed by the solver (the short rows NA, said)."""
    from goldens import expected_cells

    text = (FIXTURES / "liuting_health_2022_md.md").read_text(encoding="utf-8")
    row = "| 10 | 5 | 2 | 3 | 1 | 0 | 21 |"
    assert row in text
    text = "\n".join(
        line for line in text.replace(row, row.replace("| 2 |", "| Z |")).split("\n") if "---" not in line
    )
    report = zhgov_parse.parse(to_spaced(text))
    got, want = _cells(report), expected_cells("liuting_health_2022_md")
    assert not {k for k, v in got.items() if v is not None and want.get(k) not in (None, v)}
    assert "withheld.security_stability" in {f.row for f in report.finding_list}


def test_cells_are_not_joined_where_the_row_balances_without_some_of_them() -> None:
    """Text split at spaces, OCR having read the table's rules as ``1`` (``（二）部分公開…   1   25   17
    1   4   2   5   1   54``): joining 1 and 25, 1 and 54 balanced the row (125 | 17 | 1 | 4 | 2 | 5 |
    154: two cells wrong, said only as cell_repaired), and so does leaving the two ``1`` out.
    Joining is not sure: the row is NA, said."""
    text = (FIXTURES / "liuting_health_2022_md.md").read_text(encoding="utf-8")
    row = "| 25 | 17 | 1 | 4 | 2 | 5 | 54 |"
    assert row in text
    text = text.replace(row, "| 1 | 25 | 17 | 1 | 4 | 2 | 5 | 1 | 54 |")
    report = zhgov_parse.parse(to_spaced("\n".join(line for line in text.split("\n") if "---" not in line)))
    got = _cells(report)
    assert all(v is None for k, v in got.items() if k[:2] == ("application_handling", "partially_granted"))
    assert "partially_granted" in {f.row for f in report.finding_list}


def test_a_1_in_a_blank_cell_s_place_where_rules_are_read_as_1_leaves_its_row_na() -> None:
    """Markdown (its tables' separator lines kept) whose table rows OCR wrote split at spaces, having
    read the table's rules as ``1``, one standing where a blank cell left none (``5.屬於三類內部事務信息
    3   4   1   1   2   3   13`` for 3 | 4 | 1 | | 2 | 3 | 13): the row fills its columns and was read,
    社会公益组织 1, 法律服务机构 2, 其他 3 (3 wrong cells, said only as identity_broken; text that is no
    Markdown leaves a row that does not add up NA already). Where another row adds up only with its 1s
    left out, a row that does not add up but would with a 1 left out is NA (row_length_mismatch); a
    row that adds up is read."""
    from goldens import expected_cells

    text = (FIXTURES / "liuting_health_2022_md.md").read_text(encoding="utf-8")
    for old, new in [
        ("| 25 | 17 | 1 | 4 | 2 | 5 | 54 |", "| 1 | 25 | 17 | 1 | 4 | 2 | 5 | 1 | 54 |"),
        ("| 3 | 4 | 1 |  | 2 | 3 | 13 |", "| 3 | 4 | 1 | 1 | 2 | 3 | 13 |"),
    ]:
        assert old in text
        text = text.replace(old, new)
    report = zhgov_parse.parse(
        "\n".join(line if "---" in line else to_spaced(line) for line in text.split("\n"))
    )
    got, want = _cells(report), expected_cells("liuting_health_2022_md")
    assert not {k for k, v in got.items() if v is not None and want.get(k) != v}
    assert ("row_length_mismatch", "withheld.internal_affairs") in {
        (f.code, f.row) for f in report.finding_list
    }
    assert got[("application_handling", "total", "total")] == 512


def test_a_1_in_table_two_where_its_rules_are_read_as_1_is_no_sure_cell() -> None:
    """Text split at spaces, OCR having read 二's rules as ``1``: a row holding as many values more than
    its columns as it holds 1s (``行政事业性收费   4 1 0``) shows it, and a 1 in another row may be a rule
    where a blank cell left none (``行政处罚   9   1   15`` for 9 | | 15: read as 本年增/减 1, 1 wrong
    cell, no finding). 二 has no sums to tell: a row holding a 1 is NA (row_length_mismatch)."""
    from goldens import expected_cells

    name = "qinghe_justice_2020_pipe"
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    for old, new in [
        ("行政处罚 | 9 | |15 |", "行政处罚 | 9 | 1 | 15 |"),
        ("行政事业性收费 | 4 | 0 |", "行政事业性收费 | 4 | 1 | 0 |"),
    ]:
        assert old in text
        text = text.replace(old, new)
    report = zhgov_parse.parse(to_spaced(text))
    got, want = _cells(report), expected_cells(name)
    assert not {k for k, v in got.items() if v is not None and want.get(k) != v}
    assert ("row_length_mismatch", "penalty") in {(f.code, f.row) for f in report.finding_list}
    assert got[("active_disclosure", "licensing", "decisions")] == 340


@pytest.mark.parametrize("form", ["cell_lines", "bare_cell_lines", "spaces"])
def test_a_page_number_after_a_row_of_three_that_lost_a_blank_cell_fills_none(form: str) -> None:
    """Text that lost a blank cell (one cell a line, or split at spaces), a number on a line of its
    own after the row (a page number where a page break cut the table): ``7.属于行政执法案卷`` / ``1``
    / ``0`` / ``0`` / ``1`` / ``0`` / ``2`` / ``7``. The number filled the short row: 1 | 0 | 0 | 1 | 0 |
    2 | 7, five cells wrong, flagged only by identity_broken (where a marker stands among the values,
    ``/`` or ``—``, not even that). The values before it may add up without it: the row is NA,
    row_order_uncertain."""
    from goldens import expected_cells

    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    row = "7.属于行政执法案卷 | 1 | 0 | 0 | 0 | 1 | 0 | 2 | ||"
    blank = (
        "7.属于行政执法案卷 | 1 |  | 0 | / | 1 | 0 | 2 | ||"
        if form == "spaces"
        else row.replace("| 0 |", "|  |", 1)
    )
    text = text.replace(row, f"{blank}\n7")
    text = {
        "cell_lines": one_cell_a_line,
        "bare_cell_lines": lambda t: "\n".join(
            line.removesuffix(" |") for line in one_cell_a_line(t).split("\n")
        ),
        "spaces": to_spaced,
    }[form](text)
    report = zhgov_parse.parse(text)
    got, want = _cells(report), expected_cells("qinghe_data_2022_pipe")
    assert not {k for k, v in got.items() if v is not None and want.get(k) not in (None, v)}
    enforcement = [
        v for k, v in got.items() if k[:2] == ("application_handling", "withheld.enforcement_files")
    ]
    assert all(v is None for v in enforcement)
    assert ("row_order_uncertain", "withheld.enforcement_files") in {
        (f.code, f.row) for f in report.finding_list
    }


@pytest.mark.parametrize("bare", [False, True])
def test_a_page_number_inside_a_row_a_cell_a_line_fills_none_of_its_cells(bare: bool) -> None:
    """One cell a line, a number that is no cell (a page number) between a row's label and its
    values: in 三, a row that lost a blank cell (``四、结转下年度继续办理`` / ``7`` / ``11`` / ``2`` / ``2``
    / ``1`` / ``16``) was read 7 | 11 | 2 | 2 | 1 | 16 (six cells wrong, identity_broken); in 二,
    before a row's marks (``规章`` / ``7`` / ``/`` / ``/`` / ``/``) it was read as the row's first cell,
    the last mark passed over as a placeholder, with no finding. Each row is NA, said."""
    from goldens import expected_cells

    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    row = "四、结转下年度继续办理 | 11 | 2 | 0 | 0 | 2 | 1 | 16 | ||"
    assert row in text
    lines = one_cell_a_line(text.replace(row, row.replace("| 0 |", "|  |", 1))).split("\n")
    for label in ("四、结转下年度继续办理 |", "规章 |"):
        lines.insert(lines.index(label) + 1, "7")
    if bare:
        lines = [line.removesuffix(" |") for line in lines]
    report = zhgov_parse.parse("\n".join(lines))
    got, want = _cells(report), expected_cells("qinghe_data_2022_pipe")
    assert not {k for k, v in got.items() if v is not None and want.get(k) not in (None, v)}
    for table, code in (("application_handling", "carried_forward"), ("active_disclosure", "rules")):
        assert all(v is None for k, v in got.items() if k[:2] == (table, code))
        assert ("row_order_uncertain", code) in {(f.code, f.row) for f in report.finding_list}


@pytest.mark.parametrize("fixture", ["lanshi_housing_2023_pipe.txt", "weitang_hrss_2024_pipe.txt"])
@pytest.mark.parametrize("sep", ["\t", " "], ids=["tabs", "spaces"])
def test_row_labels_joined_on_one_line_with_their_group(fixture: str, sep: str) -> None:
    # 三、本年度办理结果 <sep> （六）其他处理 <sep> 3.其他 <sep> 15 …: the short last item names the row
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    joined = "\n".join(
        sep.join(c.strip() for c in line.strip().strip("|").split("|") if c.strip()) if "|" in line else line
        for line in text.split("\n")
    )
    report, expected = zhgov_parse.parse(joined), _cells(zhgov_parse.parse(text))
    assert _cells_but_uncertain_rows(report, expected) == expected


def _cells_but_uncertain_rows(report: zhgov_parse.Report, expected: dict) -> dict:
    """The report's cells, those of rows said ``row_order_uncertain`` replaced by the expected ones,
    once checked that such a row does not add up (PDF text: a row that does not add up is NA)."""
    uncertain = {(f.table, f.row) for f in report.finding_list if f.code == "row_order_uncertain"}
    got = _cells(report)
    for table, row in uncertain:
        cells = {k[2]: v for k, v in expected.items() if k[:2] == (table, row)}
        assert cells["total"] != sum(v for c, v in cells.items() if c != "total" and v is not None)
        assert all(got[(table, row, c)] is None for c in cells)
    return {k: (expected[k] if k[:2] in uncertain else v) for k, v in got.items()}


@pytest.mark.parametrize(
    ("heading", "variant"),
    [
        ("一、总体情况", "第一部分 总体情况"),
        ("一、总体情况", "**一、总体情况**"),  # Markdown bold for a heading
        ("一、总体情况", "一、基本情况"),
        ("五、存在的主要问题及改进情况", "五、存在的不足及改进措施"),
        ("五、存在的主要问题及改进情况", "第五部分：存在的主要问题及改进情况"),
        ("六、其他需要报告的事项", "六、其他"),
        ("一、总体情况", "1.总体情况"),  # parts numbered in Arabic digits
        ("五、存在的主要问题及改进情况", "5、存在的主要问题及改进情况"),
        ("六、其他需要报告的事项", "6．其他需要报告的事项"),
    ],
)
def test_part_headings_as_reports_vary_them(heading: str, variant: str) -> None:
    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    assert heading in text
    expected = zhgov_parse.parse(text).sections
    got = zhgov_parse.parse(text.replace(heading, variant)).sections
    assert got["section"].tolist() == expected["section"].tolist()


@pytest.mark.parametrize(
    "fixture",
    ["tianxi_water_2022_html.html", "chenghu_finance_2021_html.html", "luwan_emergency_2024_html.html"],
)
@pytest.mark.parametrize("sep", ["\n", " | "], ids=["lines", "one-line"])
def test_page_text_one_element_a_line_gives_the_same_cells(fixture: str, sep: str) -> None:
    """A scraper's ``get_text("\\n")`` of the page: every cell, and every span inside a cell (Word
    splits 15 into <span>1</span><span>5</span>), on a line of its own; prose wrapped the same way."""
    from bs4 import BeautifulSoup

    data = (FIXTURES / fixture).read_bytes()
    soup = BeautifulSoup(zhgov_parse.load.load(data).text, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    report = zhgov_parse.parse(soup.get_text(sep, strip=True))  # " | ": the whole page on one line
    assert _cells(report) == _cells(zhgov_parse.parse(data))
    repaired = report.findings.query("code == 'cell_repaired'")
    assert set(report.findings["code"]) - {"cell_repaired"} <= set(zhgov_parse.parse(data).findings["code"])
    if fixture.startswith("tianxi"):  # its digits are split: rejoined where only one way adds up
        assert sorted(repaired["row"]) == ["new_received", "other.other"]


ALL_FIXTURES = sorted(
    p.name
    for p in [*FIXTURES.glob("*.txt"), *FIXTURES.glob("*.md"), *FIXTURES.glob("*.html")]
    if p.name != "README.md"
)


@pytest.mark.parametrize("config", ["s2twp", "s2hk", "s2twp>tw2sp"])
@pytest.mark.parametrize("fixture", ALL_FIXTURES)
def test_traditional_with_regional_words_gives_the_same_report(fixture: str, config: str) -> None:
    """A report converted with Taiwan's words (OpenCC s2twp: 政府資訊 for 政府信息, 規範性檔案 for
    规范性文件, 專案數量 for 项目数量, 列印本頁 for 打印本页) or Hong Kong's forms reads as its
    Simplified twin: same cells, year, findings and parts; the agency the same name in the other
    script. ``s2twp>tw2sp``: such a report taken back to Simplified with Taiwan's phrases
    (规范性文档 for 規範性檔案)."""
    try:
        text = (FIXTURES / fixture).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pytest.skip("a GBK page: its Traditional twins are tested in its own script")
    simplified = _converter("t2s").convert(text)
    converted = simplified
    for step in config.split(">"):
        converted = _converter(step).convert(converted)
    base, regional = zhgov_parse.parse(simplified), zhgov_parse.parse(converted)
    assert _cells(regional) == _cells(base)
    assert regional.meta["year"] == base.meta["year"]
    agency = regional.meta["agency"]
    assert (agency is None) == (base.meta["agency"] is None)
    assert agency is None or len(agency) == len(base.meta["agency"])
    findings = lambda r: sorted((f.code, f.table, f.row, f.column) for f in r.finding_list)  # noqa: E731
    assert findings(regional) == findings(base)
    assert regional.sections["section"].tolist() == base.sections["section"].tolist()


_FOUR = "四、政府信息公开行政复议、行政诉讼情况"
_ON_ITS_SIDE = {  # qinghe_data_2022's table 四 (2 1 0 1 4 | 1 0 0 0 1 | 0 0 1 0 1) with its outcomes as rows
    "groups": ["| 行政复议 | 行政诉讼未经复议直接起诉 | 行政诉讼复议后起诉 |"],
    "two-level": ["| | 行政复议 | 行政诉讼 | |", "| | | 未经复议直接起诉 | 复议后起诉 |"],
    "reordered": ["| | 行政诉讼复议后起诉 | 行政复议 | 行政诉讼未经复议直接起诉 |"],
}
_OUTCOME_LINES = {
    "groups": ["2 | 1 | 0", "1 | 0 | 0", "0 | 0 | 1", "1 | 0 | 0", "4 | 1 | 1"],
    "reordered": ["0 | 2 | 1", "0 | 1 | 0", "1 | 0 | 0", "0 | 1 | 0", "1 | 4 | 1"],
}


def _turned(header: str, html: bool, traditional: bool) -> str:
    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index(_FOUR)
    values = _OUTCOME_LINES["reordered" if header == "reordered" else "groups"]
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    table = [*_ON_ITS_SIDE.get(header, []), *(f"{o} | {v} |" for o, v in zip(outcomes, values, strict=True))]
    text = "\n".join([*lines[: at + 1], *table, *lines[at + 5 :]])
    text = to_html(text) if html else text
    return _converter("s2t").convert(text) if traditional else text


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
@pytest.mark.parametrize("html", [False, True], ids=["pipe", "html"])
@pytest.mark.parametrize("header", ["groups", "two-level", "reordered", "none"])
def test_table_four_on_its_side(header: str, html: bool, traditional: bool) -> None:
    """四 with its five outcomes as rows and its three groups as columns is read across, in the
    header's group order; with no header to give that order, its cells are NA with findings."""
    expected = _cells(zhgov_parse.parse((FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")))
    report = zhgov_parse.parse(_turned(header, html, traditional))
    got = _cells(report)
    four = {k: v for k, v in expected.items() if k[0] == "review_litigation"}
    if header == "none":
        assert all(got.get(k) is None for k in four)
        assert {"missing_table", "unmapped_row"} <= set(report.findings["code"])
        return
    assert got == expected
    assert "table_transposed" in set(report.findings["code"])


BLANK_CELL_FIXTURES = [
    f for f in TEXT_FIXTURES if _has_blank_cell((FIXTURES / f).read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("fixture", BLANK_CELL_FIXTURES)
def test_pdf_text_whose_blank_cells_left_no_token(fixture: str) -> None:
    """PDF text splits a row at whitespace, so a blank cell leaves nothing: 三's rows that fall short
    get their blanks placed where the table's identities allow one way only, else NA, said."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    expected = _cells(zhgov_parse.parse(text))
    report = zhgov_parse.parse(to_spaced(text))
    assert report.meta["source_format"] == "text"
    got = _cells(report)
    assert not {k for k, v in expected.items() if v is not None and got.get(k) not in (None, v)}
    lost = [k for k, v in expected.items() if v is not None and got.get(k) is None]
    three = [k for k in lost if k[0] == "application_handling"]
    assert len(three) <= 0.1 * sum(
        v is not None for k, v in expected.items() if k[0] == "application_handling"
    )
    flagged = {(f.table, f.row) for f in report.finding_list}
    assert all((table, row) in flagged for table, row, _ in lost)


def test_space_text_whose_labels_run_on_under_the_values_is_no_layout() -> None:
    """Text whose cells are apart by three spaces, zeros blank (``…2.其他法律行政法规禁止公开   1   1
    2``), its two rows with every value (一、本年新收… and （七）总计) as long in label as to stand in
    line: a short row was laid out in the columns those two place (values_by_layout), but its label
    runs on past where their values stand, so nothing lines up. It put 1 | 1 | 2 under 法律服务机构,
    其他 and 总计 (8 wrong cells, 2 more in a row beside). Such rows are NA, row_length_mismatch."""
    text = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8")
    expected = _cells(zhgov_parse.parse(text))
    start, end = text.index("一、本年新收"), text.index("四、政府信息公开行政复议")
    table = re.sub(r"(?<=\| )0 \|", "|", text[start:end])  # 三's zeros blank
    report = zhgov_parse.parse(to_spaced(text[:start] + table + text[end:]))
    got = _cells(report)
    wrong = {k for k, v in expected.items() if v and got.get(k) not in (None, v)}
    wrong |= {k for k, v in expected.items() if v == 0 and got.get(k) not in (None, 0)}
    assert not wrong
    assert "values_by_layout" not in {f.code for f in report.finding_list}


def to_html2text(text: str) -> str:
    """Tables as html2text writes them: no outer pipes, ``---|---`` under each table's first line,
    a blank cell as spaces (so a blank last cell leaves the line ending in ``|``), and two spaces
    closing each line."""
    out, in_table = [], False
    for line in text.split("\n"):
        if not _is_table_line(line):
            out.append(line)
            in_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        out.append("| ".join(c or " " for c in cells) + "  ")
        if not in_table:
            out.append("|".join("---" for _ in cells))
        in_table = True
    return "\n".join(out)


@pytest.mark.parametrize("fixture", ["qinghe_justice_2020_pipe.txt", "weitang_hrss_2024_pipe.txt"])
def test_html2text_tables_give_the_same_cells(fixture: str) -> None:
    """html2text's rows have no closing pipe: ``（一）予以公开| 258| 12| …| 1|`` ends in a blank 总计
    cell, not in a closing pipe; a header cell with a line break (本年新<br>制作数量) is written
    over two lines, each line's first cell continuing the last cell of the line before."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    converted = to_html2text(text)
    if "本年新制作数量| 本年新公开数量" in converted:
        converted = converted.replace(
            "本年新制作数量| 本年新公开数量", "本年新  \n制作数量| 本年新  \n公开数量"
        )
        assert "\n制作数量| 本年新" in converted
    report = zhgov_parse.parse(converted)
    assert report.meta["source_format"] == "markdown"
    expected = _cells(zhgov_parse.parse(text))
    assert _cells(report) == expected
    # a row whose 总计 the report left blank, with no padding cell after it (as in a real 2019 page)
    lines = converted.split("\n")
    at = next(i for i, line in enumerate(lines) if "（一）予以公开|" in line)
    values = lines[at].rstrip().split("| ")
    lines[at] = "| ".join(values[:-1]) + "|    "
    blank = zhgov_parse.parse("\n".join(lines))
    assert _cells(blank) == {**expected, ("application_handling", "granted", "total"): None}
    assert "row_length_mismatch" not in set(blank.findings["code"])


_SPANS = [  # qinghe_justice_2020's 二 as merged cells leave it in text, spans differing by row
    (
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "信息内容 | 本年新制作数量 | 本年新公开数量 | | 对外公开总数量 |",
    ),
    ("规范性文件 | 3 | 3 | 18 |", "规范性文件 | 3 | | 3 | 18 |"),
    ("规章 | 0 | 0 | 0 |", "规章 | 0 | | 0 | 0 |"),
    ("信息内容 | 采购项目数量 | 采购总金额 | |", "信息内容 | 采购项目数量 | | 采购总金额 | |"),
    ("政府集中采购 | 27 | 356.8 | |", "政府集中采购 | 27 | | 356.8 | |"),
]


def test_merged_cells_left_as_empty_cells_whose_spans_differ_between_header_and_row() -> None:
    """``信息内容 | 本年新制作数量 | 本年新公开数量 | | 对外公开总数量`` over ``规章 | 0 | | 0 | 0``
    (Word's cells span other columns in the header than in the rows; markdownify writes a span as
    empty cells): a row with as many empty cells beyond its columns as its header has between its
    names takes its filled cells in order, finding spans_disagree. Without such header gaps, or
    with a blank of its own, the row is NA."""
    text = (FIXTURES / "qinghe_justice_2020_pipe.txt").read_text(encoding="utf-8")
    merged = text
    for before, after in _SPANS:
        assert before in merged
        merged = merged.replace(before, after)
    report = zhgov_parse.parse(merged)
    assert _cells(report) == _cells(zhgov_parse.parse(text))
    said = report.findings.query("code == 'spans_disagree'")
    assert sorted(said["row"]) == ["normative_documents", "procurement", "rules"]

    no_gap = zhgov_parse.parse(merged.replace(_SPANS[0][1], _SPANS[0][0]))  # header without the gap
    own_blank = zhgov_parse.parse(merged.replace("规章 | 0 | | 0 | 0 |", "规章 | 0 | | | 0 |"))
    for r, row in ((no_gap, "rules"), (own_blank, "rules")):
        assert all(v is None for k, v in _cells(r).items() if k[:2] == ("active_disclosure", row))
        assert "row_length_mismatch" in set(r.findings.query(f"row == '{row}'")["code"])


def test_other_bars_are_cell_separators_only_where_they_separate_rows_cells() -> None:
    """A few ｜ in a title or narrative do not make rows; beside ASCII pipe rows a ｜ is text."""
    from zhgov_parse.read_text import bars_as_pipes

    prose = "首页｜政务公开｜年报\n一、总体情况\n本机关｜本年度工作有序推进。"
    assert bars_as_pipes(prose) == prose
    mixed = BASE.replace("行政许可", "行政｜许可")
    assert bars_as_pipes(mixed) == mixed
    assert bars_as_pipes(BASE.replace("|", "｜")) == BASE


def test_bars_apart_among_pipes_are_cell_separators() -> None:
    """OCR text that read a table's rules as ``｜`` in some places and ``|`` in others
    (``2.其他法律行政法规禁止公开 ｜ 2 | 0 | 0 | 0 | 2 | 0 | 4 | |｜``): the ``｜`` was text, so the
    row's first value ran into its label and the others moved a column left (four cells wrong, said
    only by identity_unassessable). A bar standing apart in a pipe row separates cells; one inside a
    cell's words (``行政｜许可``) is text."""
    from goldens import expected_cells

    text = (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")
    row = "2.其他法律行政法规禁止公开 | 2 | 0 | 0 | 0 | 2 | 0 | 4 | ||"
    assert row in text
    mixed = row.replace(" | 2 |", " ｜ 2 |", 1).replace("| 0 | 0 |", "| 0 ｜ 0 |", 1)[:-1] + "｜"
    report = zhgov_parse.parse(text.replace(row, mixed).replace("行政许可 |", "行政｜许可 |"))
    assert _cells(report) == expected_cells("qinghe_data_2022_pipe")


def _scraped(name: str, blank_zero: bool) -> str:
    """A page's rows as a scraper joins them: ``" | ".join(cell texts)``, a merged cell once, no
    pipe before the first cell or after the last; zeros written as blank cells if ``blank_zero``."""
    from lxml import html as lxml_html

    from zhgov_parse.load import load

    root = lxml_html.document_fromstring(load((FIXTURES / f"{name}.html").read_bytes()).text)
    lines = []
    for el in root.body.iter("p", "h1", "h2", "h3", "tr"):
        if el.tag == "tr":
            cells = [" ".join(td.text_content().split()) for td in el if td.tag in ("td", "th")]
            lines.append(" | ".join("" if blank_zero and c == "0" else c for c in cells))
        elif not any(a.tag in ("td", "th") for a in el.iterancestors()):
            lines.append(" ".join(el.text_content().split()))
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["chenghu_finance_2021_html", "tangchuan_commerce_2020_html"])
def test_cells_a_scraper_joined_with_pipes_keep_a_blank_last_cell(name: str) -> None:
    """``规章 |  |  | `` (three blank cells, joined): the last pipe opens a blank cell, not closes the
    row, where the text's rows have no pipe after their last cell; every number keeps its column."""
    from goldens import expected_cells

    want = {k: v for k, v in expected_cells(name).items() if v}
    got = _cells(zhgov_parse.parse(_scraped(name, blank_zero=True)))
    assert {k: got.get(k) for k in want} == want
    assert _cells(zhgov_parse.parse(_scraped(name, blank_zero=False))) == _cells(
        zhgov_parse.parse((FIXTURES / f"{name}.html").read_bytes())
    )


def test_joined_rows_with_pipes_at_both_ends_keep_reading_them_as_outer_pipes() -> None:
    """In text whose rows are joined cells, a row written ``| 2 | 1 | … |`` still has outer pipes:
    read as a joined row, its first blank would shift every value."""
    text = _scraped("jianxi_medsecurity_2022_html", blank_zero=False)
    lines = [("| " + line + " |") if line.count("|") >= 12 else line for line in text.split("\n")]
    assert _cells(zhgov_parse.parse("\n".join(lines))) == _cells(zhgov_parse.parse(text))


def _cells_broken_inside(text: str) -> str:
    """Every text cell of eight characters or more broken over two lines at its middle, as a
    scraper that keeps a cell's own line breaks writes it (未经复议 / 直接起诉 | 复议后起诉 | …)."""
    out = []
    for line in text.split("\n"):
        if "|" in line and not set(line) <= set("|-: "):
            cells = line.split("|")
            for i, cell in enumerate(cells):
                word = cell.strip()
                if len(word) >= 8 and not re.search(r"\d", word):
                    cells[i] = cell.replace(word, word[: len(word) // 2] + "\n" + word[len(word) // 2 :])
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(
    "fixture",
    [
        "heyu_ecology_2021_pipe.txt",
        "qinghe_justice_2020_pipe.txt",
        "weitang_hrss_2024_pipe.txt",
        "wuling_transport_2019_md.md",
    ],
)
def test_pipe_rows_whose_cells_hold_line_breaks(fixture: str) -> None:
    """A header line so broken leaves a line of labels with no numbers (直接起诉 | 复议后起诉): the
    row with the numbers is kept, not that line (it was: 四's group 复议后起诉 NA)."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    broken = _cells_broken_inside(text)
    assert broken.count("\n") > text.count("\n") + 10
    assert _cells(zhgov_parse.parse(broken)) == _cells(zhgov_parse.parse(text))


@pytest.mark.parametrize("fixture", ["lanshi_housing_2023_pipe.txt", "qinghe_govoffice_2025_md.md"])
@pytest.mark.parametrize("at", [1, 2, 3, 5, 8])
def test_a_spacer_column_between_cells_is_left_out(fixture: str, at: int) -> None:
    """A table exported with a narrow blank column among its cells (every row's, header and values
    alike: a Word table's spacer) reads as without it, wherever it stands: between label cells,
    between the label and the values, or between two values (numbers on both sides of it)."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    rule = re.compile(r"^\|?\s*:?-{3,}")
    lines = []
    for line in text.split("\n"):
        cells = line.split("|")
        if "|" in line and len(cells) > at:
            cells.insert(at, "---" if rule.match(line.strip()) else " ")
        lines.append("|".join(cells))
    spaced = zhgov_parse.parse("\n".join(lines)).cells
    assert spaced[["table", "row", "column", "value"]].equals(
        zhgov_parse.parse(text).cells[["table", "row", "column", "value"]]
    )


def test_a_blank_column_read_apart_either_way_leaves_its_rows_na() -> None:
    """A column empty in every row among a table's values is read without it (a spacer) and with it
    (a column of blank cells); where neither reading fits its rows better and they read a row
    apart, that row is NA with row_length_mismatch, never one of the two guesses."""
    spaced = TableResult([Cell("t", "a", "x", 1, "1", None, None), Cell("t", "b", "x", 2, "2", None, None)])
    as_read = TableResult([Cell("t", "a", "x", 1, "1", None, None), Cell("t", "b", "x", 3, "3", None, None)])
    got = spacers_decided("t", spaced, as_read)
    assert [(c.row, c.value) for c in got.cells] == [("a", 1), ("b", None)]
    assert [(f.code, f.row) for f in got.findings] == [("row_length_mismatch", "b")]


def test_a_last_pipe_after_a_blank_cell_says_nothing_of_the_text_s_pipes() -> None:
    """Cells joined by `` | `` in a sparse report: rows whose last cells are blank end ``|  | `` in
    either style, so they tell nothing; only a pipe after a filled cell closes rows. Counted as
    closing pipes, they outnumbered the rows that end with a cell, and ``行政规范性文件 | 4 |  | ``
    lost its blank last cells: NA, row_length_mismatch."""
    blank = " | ".join([""] * 7)
    results = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益"]
    text = "\n".join(
        [
            "某镇2023年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
            "规章 | 2 | 1 | 30",
            "行政规范性文件 | 4 |  | ",
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3",
            *(f"（三）不予公开 | {label} | {blank}" for label in results),
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    assert [
        got[("active_disclosure", "normative_documents", c)] for c in ("issued", "repealed", "in_force")
    ] == [
        4,
        None,
        None,
    ]
    assert got[("active_disclosure", "rules", "in_force")] == 30


def test_a_first_pipe_of_joined_cells_opens_a_blank_first_cell() -> None:
    """Cells joined by `` | ``: a row whose first cell is blank starts with a pipe (table 四's row of
    values, 行政复议's 结果维持 blank: `` | 1 |  | 1 | 2 | … | 1``); with no pipe at its end it has no
    outer pipes, so the first pipe opens a blank cell. Taken for an outer pipe, the row had 14
    values for 15: unmapped_values, every cell of 四 NA."""
    text = _scraped("chenghu_finance_2021_html", blank_zero=True)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.count("|") == 14 and "结果" not in line)
    groups = [["", "1", "", "1", "2"], ["", "1", "", "", "1"], ["1", "", "", "", "1"]]
    lines[at] = " | ".join(v for group in groups for v in group)
    got = _cells(zhgov_parse.parse("\n".join(lines)))
    columns = ["upheld", "corrected", "other_outcome", "pending", "total"]
    for row, group in zip(["review", "litigation_direct", "litigation_after_review"], groups, strict=True):
        want = [int(v) if v else None for v in group]
        assert [got.get(("review_litigation", row, c)) for c in columns] == want, row


def test_the_space_a_join_leaves_before_a_blank_last_cell_says_the_cells_are_joined() -> None:
    """``" | ".join(cells)`` with a blank last cell leaves ``规范性文件 |  | 50 | ``: a pipe and then the
    space of the join. Where a merged cell's padding and blank zeros end most rows so
    (``第二十条第（一）项 |  |  | ``), the lines that end with a pipe after a filled cell outnumbered
    the rows that end with a cell, the pipes were taken for closing ones, and every such row of 二
    was NA (row_length_mismatch). The trailing space is no closing pipe's."""
    text = "\n".join(
        [
            "某镇2019年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项 |  |  | ",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
            "规章 |  |  | ",
            "规范性文件 |  | 50 | ",
            "第二十条第（五）项 |  |  | ",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政许可 | 1 | 8 | ",
            "其他对外管理服务事项 | 76 | -14 | 32",
            "第二十条第（六）项 |  |  | ",
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
            "行政处罚 |  | 14 | ",
            "行政强制 | 703 | -7 | 744",
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    assert [got[("active_disclosure", "normative_documents", c)] for c in ("new_made", "new_published")] == [
        None,
        50,
    ]
    assert [
        got[("active_disclosure", "licensing", c)] for c in ("previous_count", "change", "decisions")
    ] == [
        1,
        8,
        None,
    ]
    assert got[("active_disclosure", "penalty", "change")] == 14
