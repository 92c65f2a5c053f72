"""The HTML fixtures converted by pandoc to the markups reports are kept in (see
tests/data/converters/README.md): the page's cells, or NA with a finding, never a wrong number."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import pytest
from opencc import OpenCC

import zhgov_parse

from goldens import (
    FIXTURES,
    expected_cells,
    expected_facts,
    expected_meta,
    expected_sections,
    fact_keys,
    section_keys,
)

DATA = Path(__file__).resolve().parent / "data" / "converters"
NAMES = sorted(p.stem for p in FIXTURES.glob("*_html.html"))
WRITERS = ["markdown", "gfm", "commonmark", "plain", "rst", "org", "mediawiki", "asciidoc", "textile"]
BROWSERS = ["w3m", "elinks", "lynx", "trafilatura", "inscriptis", "turndown"]  # and scrapers' converters
BROWSERS += ["markdownify", "html-to-markdown"]  # Python's HTML-to-Markdown libraries
WORD = ["docx-soffice", "docx-pandoc", "docx2txt", "docx-mammoth", "docx-python-docx"]  # read from .docx
WORD_NAMES = [n for n in NAMES if n != "yujing_stats_2023_html"]  # LibreOffice cannot load that page
_TO_TRADITIONAL = OpenCC("s2t")


@cache
def _read(name: str, writer: str) -> zhgov_parse.Report:
    return zhgov_parse.parse(gzip.decompress((DATA / f"{name}.{writer}.txt.gz").read_bytes()).decode("utf-8"))


def _cells(report: zhgov_parse.Report) -> dict:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


def test_every_html_fixture_has_its_conversions() -> None:
    assert len(NAMES) == 10
    assert all((DATA / f"{n}.{w}.txt.gz").exists() for n in NAMES for w in WRITERS + BROWSERS)
    assert all((DATA / f"{n}.{w}.txt.gz").exists() for n in WORD_NAMES for w in WORD)


CONVERSIONS = [(n, w) for n in NAMES for w in WRITERS + BROWSERS] + [(n, w) for n in WORD_NAMES for w in WORD]


@pytest.mark.parametrize(("name", "writer"), CONVERSIONS)
def test_converted_text_gives_no_wrong_number(name: str, writer: str) -> None:
    """lynx puts a cell's second paragraph on a line of its own under the row's label (``38 8`` /
    ``3`` / ``4 7 3`` / ``63``): values that stand left of every row's first value are in no
    column, so they are not placed by where they stand (which read 4, 3, 7, 3, 38, 8 and added up).
    org writes a cell's paragraphs as rows of their own (``10 | 1 | | 0 | 2 | 1 |`` over
    ``| | 0 | | | | 14``): a row with blank cells at both ends beyond its columns is fitted only
    where one way of dropping them adds up; it read 0|10|1|…, shifted, before."""
    report = _read(name, writer)
    got = _cells(report)
    expected = expected_cells(name)
    wrong = {k: (v, got[k]) for k, v in expected.items() if v is not None and got.get(k) not in (None, v)}
    assert not wrong
    flagged = {(f.table, f.row) for f in report.finding_list} | {
        (f.table, None) for f in report.finding_list if f.code in ("missing_table", "missing_row")
    }
    lost = [k for k, v in expected.items() if v is not None and got.get(k) is None]
    assert all((t, r) in flagged or (t, None) in flagged for t, r, _ in lost)


# What each writer keeps of the cells, measured 2026-11-27: pandoc's plain writes [TABLE] for the
# tables it cannot draw (congang's), org drops some of a table's merged cells. textile keeps
# congang's tables in HTML, whose rows under a merged label open with a blank cell: they were
# dropped with the empty paragraphs of page text (0.93 before).
SHARES = {"plain": 0.90, "org": 0.96, "asciidoc": 0.93, "lynx": 0.99, "inscriptis": 0.95}


@pytest.mark.parametrize("writer", WRITERS + BROWSERS + WORD)
def test_converted_text_gives_the_page_s_cells(writer: str) -> None:
    """pandoc's simple tables (columns under groups of dashes, CJK two columns wide), grid tables
    (cells wrapped inside ``+---+`` borders), w3m's and ELinks' box-drawn tables (merged cells
    found as the rectangles the lines enclose), MediaWiki's ``{| |- | |}`` (``|-`` is no value),
    AsciiDoc's ``|===`` (a row wrapped over lines), and Markdown that carries ``<div>``, ``<span>``
    and ``<table>``: before, a page's tables in gfm were read as one paragraph of HTML."""
    total = found = 0
    for name in WORD_NAMES if writer in WORD else NAMES:
        got = _cells(_read(name, writer))
        known = {k: v for k, v in expected_cells(name).items() if v is not None}
        total += len(known)
        found += sum(got.get(k) == v for k, v in known.items())
    assert found / total >= SHARES.get(writer, 1.0), found / total


@pytest.mark.parametrize(
    "writer", ["markdown", "gfm", "commonmark", "plain", "mediawiki", "asciidoc", "trafilatura", "turndown"]
)
def test_converted_text_gives_the_page_s_metadata(writer: str) -> None:
    """The year and agency come from the report's own title where a portal page lists others
    above it (yujing: ``- 榆泾县统计局2022年…年度报告``), the one whose year the statistics period
    states; pandoc's ``[text]{style=…}`` around a Word page's title is read as its text; with no
    title (trafilatura keeps the article alone), the agency the preamble's contact names."""
    for name in NAMES:
        meta = _read(name, writer).meta
        want = expected_meta(name)
        assert {k: meta[k] for k in ("year", "agency", "template", "script")} == {
            k: want[k] for k in ("year", "agency", "template", "script")
        }, name


@pytest.mark.parametrize(
    ("writer", "share"), [("markdown", 0.9), ("gfm", 0.98), ("commonmark", 0.98), ("plain", 0.9)]
)
def test_converted_text_gives_the_page_s_narrative(writer: str, share: float) -> None:
    """Markdown's paragraphs wrapped over lines are read as one (commonmark's text beside HTML tables
    was one paragraph before, a Word page's spans broke ``2022`` / ``年`` apart); the rest of what
    differs is the converter's (pandoc writes “ ” as ")."""
    sections = facts = total_sections = total_facts = 0
    for name in NAMES:
        report = _read(name, writer)
        got_sections, got_facts = set(section_keys(report)), set(fact_keys(report))
        want_sections, want_facts = expected_sections(name), expected_facts(name)
        total_sections += len(want_sections)
        total_facts += len(want_facts)
        sections += sum(s in got_sections for s in want_sections)
        facts += sum(f in got_facts for f in want_facts)
    assert sections / total_sections >= share
    assert facts / total_facts >= share


@pytest.mark.parametrize("writer", WRITERS + BROWSERS + WORD)
def test_converted_text_in_traditional_script_gives_the_same_cells(writer: str) -> None:
    """The conversions of two reports (one with merged cells over paragraphs, one with blank cells)
    put into Traditional script by OpenCC: the same cells as in Simplified."""
    for name in ("chenghu_finance_2021_html", "zhetang_town_2019_html"):
        text = gzip.decompress((DATA / f"{name}.{writer}.txt.gz").read_bytes()).decode("utf-8")
        traditional = zhgov_parse.parse(_TO_TRADITIONAL.convert(text))
        assert traditional.meta["script"] == "traditional"
        assert _cells(traditional) == _cells(_read(name, writer))


def _word_text(name: str, tool: str) -> str:
    return gzip.decompress((DATA / f"{name}.{tool}.txt.gz").read_bytes()).decode("utf-8")


@pytest.mark.parametrize("tool", ["docx-soffice", "docx2txt"])
def test_blank_cells_of_a_word_table_written_a_cell_a_line_keep_their_place(tool: str) -> None:
    """LibreOffice's text export writes a Word table a cell a line, a blank cell as an empty line
    (docx2txt puts an empty line after every cell, two for a blank one). Read as lines, zhetang's
    blank cells left no line and its rows of 三 with one were NA (56 of its 118 cells read); each
    row label of 三 followed by exactly seven cells is the row, blanks where they stand; 四's row is
    the fifteen cells after its header (its blanks had cost 9 cells)."""
    report = zhgov_parse.parse(_word_text("zhetang_town_2019_html", tool))
    got, expected = _cells(report), expected_cells("zhetang_town_2019_html")
    assert got == expected  # 四's fifteen cells after its header too
    blanks = {(f.table, f.row, f.column) for f in report.finding_list if f.code == "missing_value"}
    tables = ("application_handling", "review_litigation")
    assert {k for k, v in expected.items() if v is None and k[0] in tables} <= blanks


@pytest.mark.parametrize("tool", ["docx-soffice", "docx2txt"])
def test_a_word_table_a_cell_a_line_that_lost_a_line_is_read_as_before(tool: str) -> None:
    """A blank cell's line lost (or one too many) shifts a row's cells: its 总计 slides out of place
    (the empty line after it, a merged label's, comes in), or 四's row is one short, and the table
    is read line by line as before, never with the shifted cells."""
    lines = _word_text("zhetang_town_2019_html", tool).split("\n")
    at = lines.index("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    step = 2 if tool == "docx2txt" else 1
    assert lines[at + 3 * step] == ""  # its third cell is blank
    review = max(i for i, line in enumerate(lines) if line == "总计") + step  # 四's first value
    assert lines[review + 6 * step] == ""  # 四's seventh cell is blank
    changes = [
        lines[: at + 3 * step] + lines[at + 4 * step :],
        [*lines[: at + step], "", *lines[at + step :]],
        lines[: review + 6 * step] + lines[review + 7 * step :],
    ]
    for changed in changes:
        report = zhgov_parse.parse("\n".join(changed))
        got, expected = _cells(report), expected_cells("zhetang_town_2019_html")
        read = {k for k, v in got.items() if v is not None}
        assert all(got[k] == expected[k] for k in read)  # the row that changed too: never shifted
        assert len(read) < sum(1 for v in expected.values() if v is not None)


def test_a_cell_s_paragraph_lynx_wrote_right_against_a_value_is_taken_in_reading_order() -> None:
    """lynx writes a cell's paragraphs on lines of their own, indented by the cell's ``&nbsp;``: 四's
    fourth value (``<p>&nbsp;</p><p>&nbsp;&nbsp;1</p>``) stood one column right of the first value and
    right against the second (``1  0   0`` over ``  1``), and was put between them by where it
    stands: 1 1 0 0 | 2 for 1 0 0 1 | 2, a row that still adds up. Words that touch would be one word
    on one line, so the lines are no layout of one row and are read in line order."""
    values = [
        "   1  0   0",
        "",
        "",
        "     1",
        "   2  0   1",
        "",
        "",
        "     0",
        "   0  1   0",
        "",
        "",
        "     0",
    ]
    text = "\n".join(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "   行政复议 行政诉讼",
            "   结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
            "   " + " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3),
            *values,
            "   0  0   0",
        ]
    )
    got = _cells(zhgov_parse.parse(text))
    review = [
        got["review_litigation", "review", c] for c in ("upheld", "corrected", "other_outcome", "pending")
    ]
    assert review == [1, 0, 0, 1]
    assert got["review_litigation", "litigation_direct", "corrected"] == 1
