"""The intermediate form every reader produces: a list of blocks in document order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .findings import Finding


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


def without_spacer_columns(rows: list[Block]) -> list[Block]:
    """One table's rows without its spacer columns: grid columns empty in every row, header rows
    included (a Word table's narrow blank column before or between its cells, an empty
    first column of a Markdown table), which would put a blank cell among a row's values."""
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
    gone = set(blank)
    keep = [i for i in range(max([len(r.cells) for r in rows])) if i not in gone]
    out = []
    for r in rows:
        cells = tuple(r.cells[i] for i in keep if i < len(r.cells))
        copies = None if r.copies is None else tuple(r.copies[i] for i in keep if i < len(r.copies))
        out.append(row_block(cells, r.source, copies))
    return out


@dataclass(frozen=True, slots=True)
class Document:
    """Blocks in order, plus what the reader learnt about the input's form."""

    blocks: tuple[Block, ...]
    source_format: str  # html | pipe | markdown | text | runon
    findings: tuple[Finding, ...] = ()
    images: tuple[tuple[int, str], ...] = ()  # (the block it comes before, src) of each <img>

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
