"""Markdown (or other text) that carries raw HTML → Document.

Converters leave HTML in the Markdown they write: ``pandoc -t gfm`` wraps a Word page's text in
``<div>`` and ``<span style=…>`` and writes a table it cannot draw in pipes as ``<table>``.  Such
a document is text with tags, not a page: read as HTML, its pipe rows would be one paragraph.
Here each ``<table>`` is read as HTML would be (spans expanded), the other tags are dropped and
the rest is read line by line as text, line numbers kept.
"""

from __future__ import annotations

import html
import re
from itertools import islice

from .document import Block, Document
from .findings import Finding

#: Signs of text tables outside any HTML table: a Markdown separator with pipes, pipe rows, or
#: the rule of another text table style (see :mod:`markup`).
_PIPE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)
_PIPE_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.M)
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.I)
_BREAK = re.compile(r"<br\b[^>]*>", re.I)
_TAG = re.compile(r"<[!/]?[A-Za-z][^<>]*>")


_BLOCK_TAG = re.compile(r"<(?:p|div|br|h[1-6]|li|tr|td|body|html|section|article)\b", re.I)
_PAGE_TAG = re.compile(r"<(?:html|head|body)\b", re.I)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)


def is_text_with_html(text: str) -> bool:
    """Whether a document with HTML tags is text that carries them: its tables drawn in text, or
    its paragraphs Markdown's lines (few block tags outside its ``<table>`` elements).  A page
    (``<html>``, ``<head>`` or ``<body>`` in its first 4 KB) is HTML, and costs one search."""
    from .markup import has_table_markup

    if _PAGE_TAG.search(text, 0, 4096) or text.count("\n", 0, 4096) < 5:
        return False  # a page, or one on a few lines (as scrapers save them)
    outside = _without_tables(text)
    if "|" in outside and (
        _PIPE_SEPARATOR.search(outside) or len(list(islice(_PIPE_ROW.finditer(outside), 3))) == 3
    ):
        return True
    if has_table_markup(outside):
        return True
    if _PAGE_TAG.search(text):
        return False
    lines = sum(1 for line in outside.split("\n") if line.strip())
    if lines < 5 or len(_BLOCK_TAG.findall(outside)) * 4 >= lines:
        return False
    return _MD_HEADING.search(outside) is not None or outside.count("\n\n") >= 3


def _islands(text: str) -> list[tuple[int, int]]:
    """Where each outermost ``<table>…</table>`` starts and ends (an unclosed one runs to the end)."""
    spans = []
    depth = 0
    start = 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.end()))
    if depth:
        spans.append((start, len(text)))
    return spans


def _without_tables(text: str) -> str:
    out = []
    at = 0
    for a, b in _islands(text):
        out.append(text[at:a])
        at = b
    out.append(text[at:])
    return "".join(out)


def _without_tags(text: str) -> str:
    """``text`` with its tags dropped (``<br>`` read as a space), its lines kept in place (see
    :func:`markup.replaced_in_place`)."""
    from .markup import replaced_in_place

    return replaced_in_place(_BREAK.sub(" ", text), _TAG, lambda m: "")


def read_text_with_html(text: str, markdown: bool = True) -> Document:
    """Read text that carries HTML: its ``<table>`` elements as HTML tables, the rest as text
    (``markdown``: as Markdown; else a paragraph a line, as Word's paragraphs, which may hold a table
    typed with tabs: see :func:`~zhgov_parse.read_docx.docx_page`)."""
    from .read_html import table_rows
    from .read_text import read_text

    pieces = []
    inserts: dict[int, list[Block]] = {}
    findings: list[Finding] = []
    at = 0
    line = 1
    for n, (a, b) in enumerate(_islands(text), 1):
        pieces.append(text[at:a])
        line += text.count("\n", at, a)
        island = text[a:b]
        rows, found = table_rows(island, f"table {n}")
        inserts.setdefault(line + 1, []).extend(rows)  # after the text before it on its line
        findings.extend(found)
        pieces.append("\n" * island.count("\n"))
        line += island.count("\n")
        at = b
    pieces.append(text[at:])
    rest = _without_tags("".join(pieces))
    doc = read_text(html.unescape(rest), inserts, markdown=markdown)
    kind = "markdown" if markdown else doc.source_format
    return Document(doc.blocks, kind, (*doc.findings, *findings), doc.images, doc.spacers, doc.grids)
