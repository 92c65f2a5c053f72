"""Errors raised by zhgov_parse.

Every error is a :class:`ParseError`, itself a :class:`ValueError`, so callers can catch one
type.  Each subclass says what was expected, what was found and what to do.
"""

from __future__ import annotations


class ParseError(ValueError):
    """The input could not be read as a government information-disclosure annual report."""

    code = "parse_error"
    default_message = "the input could not be parsed as an annual report"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class InternalError(ParseError):
    """An unexpected failure inside the parser (a bug): reported as a ParseError, never a crash."""

    code = "internal"


class EmptyInput(ParseError):
    """The input holds no text at all."""

    code = "empty"
    default_message = "expected the text of an annual report (HTML, pipe text or Markdown), found empty input"


class BinaryInput(ParseError):
    """The input is a binary document (PDF, Office file, image, archive)."""

    code = "binary"

    def __init__(self, kind: str) -> None:
        self.kind = kind
        if kind == "PDF":
            how = (
                "pdftotext -layout, or PyMuPDF's page.get_text(), which keep a table's rows; plain "
                "pdftotext lists their cells out of order"
            )
        elif kind.startswith("ZIP"):
            how = (  # a .docx is read as it is (zhgov_parse.read_docx)
                "an XLSX, ODT or other zipped file: LibreOffice's soffice --headless --convert-to html; "
                "a Word .docx is read as it is, as is an OpenDocument text .odt"
            )
        elif kind.startswith("password-protected"):
            how = "open it with its password and save it without one, as .docx"
        elif kind.startswith(("legacy Office", "RTF")):
            how = "a .doc or RTF file: LibreOffice's soffice --headless --convert-to html"
        else:
            how = "save it as HTML or as text"
        super().__init__(
            f"expected the text of an annual report, found {'an' if kind == 'RTF' else 'a'} {kind} file; "
            f"convert it to text or HTML first ({how})"
        )


class UndecodableInput(ParseError):
    """Bytes that decode in no supported encoding."""

    code = "undecodable"
    default_message = "expected text in UTF-8, GB18030/GBK or Big5, found bytes that decode in none of them"


class NoReportContent(ParseError):
    """Text that contains none of the report's parts or tables."""

    code = "no_report_content"
    default_message = (
        "expected an annual report with at least one of its parts "
        "(一、总体情况 … 六、其他需要报告的事项) or tables, found none"
    )


class StrictModeError(ParseError):
    """Raised by ``parse(..., strict=True)`` on the first finding."""

    code = "strict"

    def __init__(self, finding: object) -> None:
        self.finding = finding
        super().__init__(f"strict mode: {finding}")
