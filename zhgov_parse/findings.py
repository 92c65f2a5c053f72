"""Findings: problems found in a document, reported on the result instead of raised."""

from __future__ import annotations

from dataclasses import dataclass

#: The closed set of finding codes, with their severity and meaning (see docs/findings.md).
CATALOGUE: dict[str, tuple[str, str]] = {
    "identity_broken": ("error", "an accounting identity of the template does not hold"),
    "identity_unassessable": ("info", "an identity could not be checked because a term is missing"),
    "missing_table": ("warning", "a table of the template was not found in the report"),
    "missing_row": ("warning", "a row of the template has no values in the report"),
    "missing_value": ("info", "a cell is blank or marked missing (/, -, 无…): value is NA"),
    "non_numeric": ("warning", "a value cell holds text that is not a number: value is NA"),
    "unmapped_row": ("warning", "a row with values whose label matches no row of the template"),
    "unmapped_values": ("warning", "values found where no table row could take them"),
    "duplicate_row": ("warning", "a row of the template occurs twice; the first is kept"),
    "row_length_mismatch": ("warning", "a row has more or fewer values than its columns"),
    "cell_repaired": ("info", "a known scraping defect in a row was repaired"),
    "rows_by_position": ("warning", "an unlabeled row was mapped by its position in the template"),
    "columns_by_position": ("warning", "columns were mapped by template order, not by header"),
    "columns_reordered": ("info", "the header orders columns differently from the template"),
    "columns_missing": ("warning", "the table has fewer columns than the template: the missing ones are NA"),
    "columns_extra": ("info", "the header names columns the template has not: their cells were left out"),
    "more_reports": ("warning", "the input holds another report after the first: only the first was read"),
    "truncated": ("warning", "the input was cut off: what it holds up to the cut was read"),
    "hidden_text_unsure": (
        "warning",
        "a cell holds text styled out of its line, where the page does not say it is shown: NA",
    ),
    "columns_unreadable": ("warning", "the header names the columns in an order that cannot be read: NA"),
    "row_order_uncertain": ("warning", "a row's values may be another row's (PDF text out of row order): NA"),
    "values_in_reading_order": (
        "info",
        "table 三 of PDF text out of row order read as its values in order: every identity holds",
    ),
    "values_by_layout": (
        "info",
        "a row short of values in layout text: each put in the column it stands under",
    ),
    "table_other_year": (
        "info",
        "a copy of a table under a caption for another year's figures was left out: the report's own read",
    ),
    "table_annexed": (
        "info",
        "a table in part 五 or 六 like one the report has before (an attachment's) was left out",
    ),
    "table_transposed": ("info", "a table stands on its side: its columns as rows, its rows as columns"),
    "label_fuzzy_match": ("info", "a label was matched by similarity, not exactly"),
    "unit_converted": ("info", "an amount written in another unit was converted"),
    "unit_mismatch": ("warning", "an amount is written in a unit that does not convert to its column's: NA"),
    "template_unknown": ("warning", "the template version could not be determined"),
    "year_unknown": ("info", "the report's year could not be determined: meta year is None"),
    "pre2019_template": ("warning", "an old (pre-2019) report: its tables are not in the schema"),
    "runon_tables": ("info", "table cells ran together without separators: read by splitting digits"),
    "runon_ambiguous": ("warning", "a row's run of digits splits in several valid ways: cells left NA"),
    "runon_unsolvable": ("warning", "a row's run of digits splits in no valid way: its cells are NA"),
    "runon_unchecked": (
        "warning",
        "run-on table 三 read without its column identities: each row rests on its own 总计",
    ),
    "runon_year_resolved": (
        "warning",
        "a run-on 规章/规范性文件 row read several ways: settled by last year's 现行有效件数 in the batch",
    ),
    "runon_text_resolved": (
        "warning",
        "a run-on 规章/规范性文件 row read several ways: settled by a number the report's text states",
    ),
    "fact_mismatch": ("warning", "a number the text states disagrees with the table that holds it"),
    "year_mismatch": ("warning", "the overview opens with a year other than the report's"),
    "problems_missing": ("warning", "part 五 (problems and improvements) is missing or empty"),
    "carryover_mismatch": ("warning", "二、上年结转 differs from last year's 四、结转下年度继续办理"),
    "in_force_mismatch": ("warning", "现行有效件数 differs from last year's plus 本年制发 minus 本年废止"),
    "items_mismatch": ("warning", "上一年项目数量 differs from last year's 上一年项目数量 plus 本年增/减"),
    "encoding_repaired": ("warning", "mojibake (UTF-8 read as GBK) was detected and repaired"),
    "latin1_reread": ("info", "a page's bytes decoded as Latin-1 (no charset served) were read again"),
    "html_fallback": ("info", "lxml could not read the page; it was repaired with BeautifulSoup first"),
    "span_clamped": ("warning", "a rowspan or colspan beyond any real table was clamped"),
    "spans_disagree": ("info", "a row's cell spans differ from its header's: values taken in cell order"),
    "charset_mismatch": ("warning", "the page declares one encoding but its bytes are in another"),
    "decoded_by_detection": ("info", "bytes had no BOM and were not UTF-8; encoding was detected"),
    "json_content": ("info", "the input was JSON: the report was read from its string or its text field"),
    "decompressed": ("info", "the input was gzip-compressed (a scraper's stored .html.gz): decompressed"),
    "escaped_markup": ("info", "the page's markup was written as text (&lt;td&gt;): unescaped, read as HTML"),
    "word_document": ("info", "the input was a Word document (.docx or Word 2003 XML): its body was read"),
    "opendocument_text": ("info", "the input was an OpenDocument text (.odt): its body was read"),
    "web_archive": ("info", "the input was a web archive (MHTML): the page inside it was read"),
}


#: Findings that say a row's (or a table's) values were read and left NA, not that none were there.
SET_ASIDE = frozenset(
    ["row_order_uncertain", "row_length_mismatch", "columns_unreadable", "runon_ambiguous",
     "runon_unsolvable"]
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a report; ``code`` is one of :data:`CATALOGUE`."""

    code: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: str | None = None
    found: str | None = None
    source: str | None = None

    @property
    def severity(self) -> str:
        return CATALOGUE[self.code][0]

    def __str__(self) -> str:
        where = "/".join(x for x in (self.table, self.row, self.column) if x)
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


FINDING_COLUMNS = ["code", "severity", "message", "table", "row", "column", "expected", "found", "source"]
