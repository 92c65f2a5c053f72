"""The intermediate form every reader produces: a list of blocks in document order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .findings import Finding
from .values import is_number_text


class Block(NamedTuple):
    """A heading, a paragraph, or a table row.

    ``cells`` holds the row's cell texts (spans already expanded) or, for headings and
    paragraphs, the text as its only item.  ``source`` says where it came from (``line 12``
    or an element path) so findings can point at it.  ``copies`` marks, for HTML rows, the
    cells that repeat a spanning neighbour instead of holding their own text.  (A named tuple:
    immutable, and cheap to build by the thousand.)  ``spans``: see below.
    """

    kind: str  # "heading" | "paragraph" | "row"
    cells: tuple[str, ...]
    source: str
    level: int = 0
    copies: tuple[int, ...] | None = None
    # Layout text (columns aligned with spaces): where each cell of a row, or each word of a
    # paragraph, stands on its line (first and past-last character).
    spans: tuple[tuple[int, int], ...] | None = None

    @property
    def text(self) -> str:
        """The block's text; a row's cells joined with `` | ``."""
        if self.kind == "row":
            return " | ".join([c for c in self.cells if c])
        return self.cells[0]


_new_tuple = tuple.__new__


def row_block(cells: tuple[str, ...], source: str, copies: tuple[int, ...] | None = None) -> Block:
    """``Block("row", cells, source, copies=copies)`` without the named tuple's Python-level
    ``__new__``, which costs as much again: readers make a row block for every line."""
    return _new_tuple(Block, ("row", cells, source, 0, copies, None))


def without_spacer_columns(rows: list[Block], kept: dict[Block, Block] | None = None) -> list[Block]:
    """One table's rows without its spacer columns: grid columns empty in every row, header rows
    included (a Word table's narrow blank column before or between its cells, an empty
    first column of a Markdown table), which would put a blank cell among a row's values.

    ``kept`` (text, whose header need not stand over its values): a column right of a row's first
    number may instead be a column of blank cells whose header a converter put elsewhere
    (html-to-markdown drops the cells a rowspan covers); one with no cell right of it is left in
    (padding, the mapping's to drop), one among values is left out, and each row as it was read
    (that column kept) is put in ``kept`` under the row without it, for the mapping to choose
    the reading whose rows fit their columns (:func:`~zhgov_parse.parser.spacers_decided`)."""
    if len(rows) < 2:
        return rows
    width = min([len(r.cells) for r in rows])  # a column every row has (trailing blanks: mapping's)
    blank = [i for i, cell in enumerate(rows[0].cells[:width]) if not cell]
    for r in rows:
        if not blank:
            return rows  # (most tables: a row or two in)
        cells = r.cells
        blank = [i for i in blank if not cells[i]]
    if not blank:
        return rows
    among: list[int] = []
    if kept is not None:
        values_from = min([_first_number(r.cells) for r in rows])
        blank = [i for i in blank if i < values_from or _anything_right_of(rows, i)]
        among = [i for i in blank if i >= values_from]
    if not blank:
        return rows
    out = _without_columns(rows, set(blank))
    if among and kept is not None:
        kept.update(zip(out, _without_columns(rows, set(blank) - set(among)), strict=True))
    return out


def _without_columns(rows: list[Block], gone: set[int]) -> list[Block]:
    keep = [i for i in range(max([len(r.cells) for r in rows])) if i not in gone]
    out = []
    for r in rows:
        cells = tuple(r.cells[i] for i in keep if i < len(r.cells))
        copies = None if r.copies is None else tuple(r.copies[i] for i in keep if i < len(r.copies))
        out.append(row_block(cells, r.source, copies))
    return out


def _first_number(cells: tuple[str, ...]) -> int:
    """Where a row's first number stands (past its end if it has none)."""
    return next((i for i, c in enumerate(cells) if c and is_number_text(c)), len(cells))


def _anything_right_of(rows: list[Block], column: int) -> bool:
    return any(any(r.cells[column + 1 :]) for r in rows)


@dataclass(frozen=True, slots=True)
class Document:
    """Blocks in order, plus what the reader learnt about the input's form."""

    blocks: tuple[Block, ...]
    source_format: str  # html | pipe | markdown | text | runon
    findings: tuple[Finding, ...] = ()
    images: tuple[tuple[int, str], ...] = ()  # (the block it comes before, src) of each <img>
    # text: rows read without a blank column among their values -> the rows as read (see
    # :func:`without_spacer_columns`)
    spacers: dict[Block, Block] = field(default_factory=dict)
    # text: each block read from a line with tabs -> that line as a full grid's row (its fields,
    # blanks in place), or None where the lines about it disagree on their fields (the parser
    # reads a table as its grid's rows where every line of it with tabs has one)
    grids: dict[Block, Block | None] = field(default_factory=dict)

    def head(self, chars: int) -> str:
        """The document's text, a block a line (what metadata is read from), as far as the block
        that reaches ``chars`` characters."""
        out: list[str] = []
        n = 0
        for b in self.blocks:
            text = b.text
            out.append(text)
            n += len(text) + 1
            if n >= chars:
                break
        return "\n".join(out)
