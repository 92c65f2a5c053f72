"""Text readers: pipe-delimited, Markdown and whitespace-separated (PDF-to-text) → Document."""

from __future__ import annotations

import itertools
import re
from functools import cache
from itertools import groupby

from .boxes import box_tables, has_boxes
from .cell_lines import rows_with_blank_cells
from .csv_rows import csv_as_pipes
from .document import Block, Document, row_block, without_spacer_columns
from .findings import Finding
from .labels import spaced_pattern
from .layout import TAB_FIELD
from .mapping import looks_narrative, without_notes
from .markup import (
    as_pipe_rows,
    has_table_markup,
    joined_lines,
    paragraphs_joined,
    without_attributes,
    without_fences,
    wraps_paragraphs,
)
from .script import either_script
from .values import UNIT_CELLS, fold_units, is_value_text

_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# A Markdown heading (# …, pandoc's {#id .class} after it) or an AsciiDoc one (= …).
_MD_HEADING = re.compile(r"^(#{1,6}|={1,6}(?=\s))\s*(.*?)\s*[#=]*\s*(?:\{[#.][^{}]*\})?\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)\s*$")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"^[ \t]*\*([^*\s][^*]*)\*[ \t]*$")  # a line in *…* (italic; AsciiDoc's bold)
#: Markdown's strikethrough (GFM, pandoc: a page's <s>7</s>41 or <del> converted as ~~7~~41): text the
#: report struck out, no part of what it states, as an HTML page's is not; within one cell.
_STRUCK = re.compile(r"~~[^~|\n]+?~~")
#: A separator under a Markdown pipe table's header: the text is Markdown (a heading alone is no
#: proof: PDF-to-Markdown converters write headings above tables left one cell a line).
_MARKDOWN = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)
_PAGE_FOOTER = re.compile(
    r"^(?:[—–\-－─]+\s*\d{1,4}\s*[—–\-－─]+|P\.\s*\d{1,4}|Page\s+\d{1,4}\b.*|第\s*\d{1,4}\s*[页頁](?:\s*共\s*\d+\s*[页頁])?)$"
)
_FOOTER_FIRST = frozenset("—–-－─P第")  # what a footer line can start with (cheap test first)
# Labels glued to digits with no separator, as page text scrapers leave them.
_RUNON = re.compile(
    spaced_pattern(  # a label's characters set apart too: 规 章 000
        r"(?:规章|規章|规范性文件|規範性文件|行政许可|行政許可|行政处罚|行政處罰|予以公开|予以公開"
        r"|结转下年度继续办理|結轉下年度繼續辦理"
        r"|本年新收政府(?:信息|資訊)公开申请数量|本年新收政府(?:信息|資訊)公開申請數量)"
    )
    + r"\s?[\d/—－]"
)
#: A row of 三 and its seven values with nothing at all between them (its rows run together a line
#: each): no PDF text that glues a label to its first value (行政许可452) holds seven digits so.
_GLUED_ROW = re.compile(
    r"(?:本年新收政府(?:信息|資訊)公[开開]申[请請][数數]量|予以公[开開]|[结結][转轉]下年度[继繼][续續][办辦]理)\d{7}"
)


# Part headings run into the surrounding text in page text: split before them.
@cache
def _runon_heading() -> re.Pattern[str]:
    """Part headings buried in run-on text, in either script (built on first use: it needs OpenCC)."""
    return re.compile(
        spaced_pattern(
            either_script(
                r"(?:[一二三四五六七八][、.．]|第[一二三四五六]部分[、.．:：]?|[1-6][、.．]|[（(][一二三四五六][)）])\s*"
                r"(?:总体情况|概述|主动公开政府信息情况|收到和处理政府信息公开申请情况"
                r"|政府信息公开行政法?复议、行政诉讼情况|因政府信息公开(?:工作)?被?申请(?:提起)?行政复议[^。，]{0,16}?情况"
                r"|(?:政府信息公开工作|工作中)?存在的?(?:主要)?(?:问题|不足)(?:及|和|与)(?:改进|整改)(?:情况|措施)"
                r"|主要问题(?:和|及)改进措施|(?:工作中)?存在的?(?:主要)?(?:问题|不足)(?:和|及|与)下一步工作(?:打算|计划)"
                r"|其他需要报告的(?:事项|情况)|政府信息依申请公开(?:工作)?情况|依申请公开政府信息(?:的)?情况"
                r"|政府信息公开的?收费及减免情况|政府信息公开情况统计表)"
            )
        )
    )


@cache
def _runon_cut() -> re.Pattern[str]:
    """Where run-on text is cut: at its part headings, and at the first words of each table's own
    header (第二十条第（一）项, 三's （本列数据的勾稽关系…）, 四's 行政复议行政诉讼, or its outcomes where
    it stands on its side), which find the tables where the part headings were left out (the text of a
    page's tables alone)."""
    starts = spaced_pattern(
        either_script(
            r"第二十条第[（(]一[)）]项|[（(]本列数据的勾稽关[系係][^（）()]{0,40}[)）]"
            r"|(?:行政复议\s*[、和]?\s*)+(?:行政诉讼\s*)+(?=结果|未经复议|复议后)"
            r"|结果维持\s*结果纠正\s*其他结果\s*尚未审结\s*总计(?=\s*行政复议)"  # 四 on its side
        )
    )
    return re.compile(f"{_runon_heading().pattern}|{starts}")


def _split_runon(blocks: list[Block], leading: bool = False) -> list[Block]:
    """Cut long page-text paragraphs at the part headings buried in them; ``leading`` (run-on text):
    and a shorter one that holds a part heading, at its start (page text a block a line: ``二、主动
    公开政府信息情况 第二十条第（一）项 信息内容…``) or after a table's digits, a line break having cut
    the run elsewhere (``158行政强制12…三、收到和处理政府信息公开申请情况…``)."""
    out: list[Block] = []
    for block in blocks:
        text = block.cells[0]
        if block.kind != "paragraph" or (len(text) < 200 and not (leading and _runon_heading().search(text))):
            out.append(block)
            continue
        start = 0
        found = list(_runon_cut().finditer(text))
        listed = _listed(text, found)
        for i, m in enumerate(found):
            if i in listed:
                continue
            if m.start() > start:
                out.append(Block("paragraph", (text[start : m.start()].strip(),), block.source))
            out.append(Block("paragraph", (m.group(0).rstrip(),), block.source))
            start = m.end()
        if start < len(text):
            out.append(Block("paragraph", (text[start:].strip(),), block.source))
    return [b for b in out if b.cells[0] or b.kind == "row"]  # a row may open with a blank cell


#: What sets a part's title apart in a listing of the parts (全文包括（一）总体情况；（二）…；（五）…。).
_LISTING = re.compile(r"\s*[;；、]")
_LISTED_AFTER = re.compile(r"(?:[;；、]|包括|包含)\s*$")
#: What stands between two items of such a listing (一、总体情况，二、主动公开政府信息情况).
_BETWEEN_ITEMS = re.compile(r"\s*[;；、，,]\s*")


def _listed(text: str, found: list[re.Match[str]]) -> set[int]:
    """Which of the part headings found in a paragraph are items of the preamble's listing of the parts
    (全文包括（一）总体情况；（二）主动公开政府信息情况；…), no headings: those with a list separator
    after them or before them, and two that a comma alone sets apart."""
    listed = set()
    for i, m in enumerate(found):
        before = _LISTED_AFTER.search(text, max(0, m.start() - 8), m.start())
        if _LISTING.match(text, m.end()) is not None or before is not None:
            listed.add(i)
        if i and _BETWEEN_ITEMS.fullmatch(text, found[i - 1].end(), m.start()) is not None:
            listed |= {i - 1, i}
    return listed


#: Bars that stand for ``|`` between cells: the full-width ``｜`` (CJK-aware converters, tables
#: typed in Word), the box-drawing ``│`` and ``┃`` with no box around them, and ``¦``.
_BARS = "｜│┃¦"
_AS_PIPE = str.maketrans(dict.fromkeys(_BARS, "|"))


def bars_as_pipes(text: str) -> str:
    """``text`` with another bar written as ``|`` where that bar separates the cells of its table
    rows (three lines or more hold two of it) and ``|`` itself does not."""
    if not any(bar in text for bar in _BARS):
        return text
    lines = text.split("\n")
    if sum(line.count("|") >= 2 for line in lines) >= 3:
        return _bars_between_pipe_cells(lines, text)
    rows = sum(sum(line.count(bar) for bar in _BARS) >= 2 for line in lines)
    return text.translate(_AS_PIPE) if rows >= 3 else text


#: A bar that stands apart (space, a ``|`` or the line's end on each side) in a pipe row: OCR's
#: reading of a table's rule as ``｜`` in some places and ``|`` in others (``禁止公开 ｜ 2 | 0 |``).
_BAR_APART = re.compile(rf"(?:(?<=[\s|])|^)[{_BARS}](?=[\s|]|$)")


def _bars_between_pipe_cells(lines: list[str], text: str) -> str:
    """``text`` with each bar that stands apart in a pipe row (two ``|`` at least) written ``|``; a
    bar inside a cell's words (``行政｜许可``) stays."""
    if not any(_BAR_APART.search(line) and line.count("|") >= 2 for line in lines):
        return text
    return "\n".join(_BAR_APART.sub("|", line) if line.count("|") >= 2 else line for line in lines)


_BREAK = re.compile(r"<br\s*/?>", re.I)


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation


def _split_pipe(line: str, closed: bool = True, joined: bool = False) -> tuple[str, ...]:
    """A pipe line's cells; ``closed``: a last ``|`` closes the row (``| a | b |``), else it opens
    a last cell, blank when nothing follows (``a| b|``, as html2text writes a row); ``joined``: the
    cells joined by pipes (a row with no first pipe), a last pipe opening a blank cell, and a first
    one too where no pipe ends the line (`` | 1 | 2``: its first cell blank).  A cell's line breaks
    (``<br>``, how Markdown converters keep them) join its lines as a cell of a grid table's."""
    line = " ".join(line.split())  # whitespace collapsed once for the line, not cell by cell
    # Markdown's escapes: ``\|`` is a pipe inside a cell, ``3\.其他`` is 3.其他
    cells = [_ESCAPED.sub(r"\1", c) for c in _UNESCAPED_PIPE.split(line)] if "\\" in line else line.split("|")
    if cells and not cells[0].strip() and line.startswith("|") and not (joined and line[-1] != "|"):
        cells = cells[1:]  # (joined cells with no pipe at the end: a first pipe opens a blank cell)
    if cells and not cells[-1].strip() and closed and not joined:
        cells = cells[:-1]
    if "<" in line and _BREAK.search(line):
        return tuple([joined_lines([p.strip() for p in _BREAK.split(c)]).strip() for c in cells])
    return tuple([c.strip() for c in cells])


def _joined_cells(lines: list[str]) -> bool:
    """Whether the text's pipe rows are cells joined by `` | `` (a scraper's ``" | ".join(…)``), with
    no pipe before the first cell or after the last: a last ``|`` there opens a blank last cell.
    (Rows written ``规章 | 0 | 0 | 0 |`` end with a pipe that closes them.)"""
    ended = joined = 0  # (a row whose first cell is blank starts with a pipe either way)
    for line in lines:
        if line.count("|") >= 2:
            if line.endswith(" | "):  # the space a join by `` | `` leaves before a blank last cell
                joined += 1
                continue
            line = line.rstrip()
            if line[-1] != "|":
                joined += 1
            elif line[:-1].rsplit("|", 1)[-1].strip():
                ended += 1  # a pipe after a filled cell closes the row (after a blank cell: either way)
    return joined >= 3 and ended * 3 < joined


#: Character references a converter leaves in text (``&#65288;`` for （, ``&nbsp;``); never one
#: for < > &, which would make markup of text.
_ENTITY = re.compile(r"&(?:#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6})|(nbsp|ensp|emsp|thinsp));")
_NAMED = {"nbsp": "\u00a0", "ensp": "\u2002", "emsp": "\u2003", "thinsp": "\u2009"}


def _character(m: re.Match[str]) -> str:
    if m.group(3):
        return _NAMED[m.group(3)]
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or chr(code) in "<>&" or code < 32:
        return m.group()
    return chr(code)


def without_entities(text: str) -> str:
    """``text`` with its numeric character references and space entities as the characters."""
    return _ENTITY.sub(_character, text) if "&" in text else text


@cache
def _row_labels() -> str:
    """The template's row labels, their notes kept, a line each (built on first use)."""
    from .labels import row_label_keys

    tables = ("active_disclosure", "application_handling", "review_litigation")
    return "\n".join(k for t in tables for v in ("2019", "2021") for k in row_label_keys(t, v).values())


def _piece_of_a_row_label(text: str) -> bool:
    """Whether ``text`` is a piece of a row label, six characters at least: the tail of （二）部分公开
    （区分处理的，只计这一情形，不计其他情形） wrapped before its value (``的，只计这一情形，不计其他 7``)
    has the commas of a sentence."""
    from .labels import full_key

    piece = full_key(text)
    return len(piece) >= 6 and piece in _row_labels()


def _split_whitespace(line: str) -> tuple[str, ...] | None:
    """A PDF-text line as (label, value, value, …), or None when it holds no trailing values."""
    tokens = line.split()
    if tokens[-1] in UNIT_CELLS:  # PDF text sets a unit apart: 1,280.45 万元
        tokens = fold_units(tokens)
    n = len(tokens)
    while n > 0 and is_value_text(tokens[n - 1]):
        n -= 1
    if n == len(tokens):
        return None
    label = "".join(tokens[:n])
    if not label:
        return tuple(tokens)
    # (a label a spreadsheet repeats over the cells it merged counts once: 三、本年度办理结果
    # （二）部分公开（区分处理的，…） （二）部分公开（区分处理的，…）)
    once = "".join(t for t, _ in itertools.groupby(tokens[:n])) if n > 1 else label
    if looks_narrative(once) and not _piece_of_a_row_label(label) and not _noted_label(once, line):
        return None  # a sentence that happens to end with a number
    return (label, *tokens[n:])


def _noted_label(label: str, line: str) -> bool:
    """Whether ``label`` is a row label with a long note in brackets (``规范性文件（行政机关制定发布的决
    定、公告…，一般情况下属于规范性文件）``, as some reports print the template's guidance) on a line
    whose cells tabs or runs of spaces set apart: a table row's, not a sentence's."""
    return ("\t" in line or "  " in line) and not looks_narrative(without_notes(label))


_WORD = re.compile(r"\S+")


def _word_spans(raw: str, aligned: bool = False) -> list[tuple[int, int]] | None:
    """Where each word of a layout line stands (columns aligned with runs of spaces, as pdftotext
    -layout or inscriptis write tables); None for a line with tabs, or with no run of spaces
    (``aligned``: a table row, whose one value may stand alone on a line, indented)."""
    if "\t" in raw or "  " not in (raw if aligned else raw.strip()):
        return None
    return [m.span() for m in _WORD.finditer(raw)]


def _value_count(cells: tuple[str, ...]) -> int:
    """How many of a whitespace row's cells are values: all but its label, if it has one."""
    return len(cells) - 1 if not is_value_text(cells[0]) else len(cells)


_FIELD = TAB_FIELD  # how far apart :func:`_tab_spans` puts a row's tab fields


def _tab_spans(cells: tuple[str, ...], raw: str) -> tuple[tuple[int, int], ...] | None:
    """A tab-separated row's cells placed by the tab field each holds, counted from its label, so
    that a blank cell (an empty field, as a Word table saved as text or a spreadsheet's rows
    copied leave it) keeps its column.  Each place is a point (``(8, 8)``: no word of layout text
    is one), which :func:`zhgov_parse.layout.place` matches exactly.  None for a row with no label."""
    values = _value_count(cells)
    if values == len(cells) or values == 0:
        return None
    fields = [" ".join(f.split()) for f in raw.split("\t")]
    while fields and not fields[-1]:
        fields.pop()  # what ends the line is no cell
    filled = [i for i, f in enumerate(fields) if f]
    if len(filled) <= values or [fields[i] for i in filled[-values:]] != list(cells[-values:]):
        return None  # a unit folded onto its number, a label cut by a tab: no field for each cell
    label_end = filled[-values - 1]
    return ((0, 0), *(((i - label_end) * _FIELD,) * 2 for i in filled[-values:]))


#: Table 四's one row of values: three groups of five outcomes.
_REVIEW_ROW = 15


def _tab_value_row(raw: str) -> tuple[str, ...] | None:
    """A tab-separated line of values alone, some fields empty, as many as table 四's row holds:
    its cells with the blank ones in place (split at whitespace, the blanks would leave no trace).
    A line with a tab more or less than that is no such row, and is split as before."""
    fields = tuple(" ".join(f.split()) for f in raw.strip(" \r\n").split("\t"))
    if len(fields) != _REVIEW_ROW or "" not in fields or not all(map(is_value_text, fields)):
        return None
    return fields


_DIGITS = re.compile(r"[\d,.]+")


def _tab_fields(cells: tuple[str, ...], raw: str) -> tuple[str, ...]:
    """A tab-separated row whose value fields hold a number written with a space (a Word page's
    digits in spans of their own, each cell's text joined with ``" "``: ``行政处罚\t9\t\t1 5``): its
    values a field each, as a pipe row's cells are (15), not a word each (9 | 1 | 5, the blank
    cell lost). Other rows (a field that is no run of the cells' words) as split at whitespace."""
    values = _value_count(cells)
    rest = list(cells[len(cells) - values :])
    tail: list[str] = []
    for field in reversed([" ".join(f.split()) for f in raw.split("\t")]):
        if not rest:
            break
        if not field:
            continue
        k = next((k for k in range(1, len(rest) + 1) if " ".join(rest[-k:]) == field), 0)
        if not k or (k > 1 and not all(_DIGITS.fullmatch(w) for w in rest[-k:])):
            return cells
        tail.append(field)
        del rest[-k:]
    if rest or len(tail) == values:
        return cells
    return (*cells[: len(cells) - values], *reversed(tail))


def _row_spans(cells: tuple[str, ...], raw: str) -> tuple[tuple[int, int], ...] | None:
    """The spans of a whitespace row's cells: its label's words as one, each value's own."""
    if "\t" in raw:
        return _tab_spans(cells, raw)
    words = _word_spans(raw, aligned=True)
    if words is None:
        return None
    values = _value_count(cells)
    if len(words) < values:
        return None
    tail = words[len(words) - values :]
    if [raw[a:b] for a, b in tail] != list(cells[len(cells) - values :]):
        return None  # a unit folded onto its number (1,280.45 万元)
    label = [(words[0][0], words[len(words) - values - 1][1])] if values < len(cells) else []
    return (*label, *tail)


def _tab_grids(lines: list[str]) -> dict[int, tuple[int, int]]:
    """The lines (by index) of tables written as full grids, each with its number of fields and the
    first line of its grid: runs of two lines or more with tabs that agree on how many fields they
    have, header lines included (a spreadsheet's rows exported as text, merged cells padded with
    empty fields, a blank cell an empty field). Where the lines of a run disagree (Word's text
    writes a merged cell once; tabs typed to align), none of them is a grid's: a field need not be
    a column."""
    grids: dict[int, tuple[int, int]] = {}
    run: list[int] = []
    for i, raw in enumerate([*lines, ""]):
        if "\t" in raw and "|" not in raw:
            run.append(i)
            continue
        counts = {len(lines[j].strip(" \r").split("\t")) for j in run}
        if len(run) >= 2 and len(counts) == 1 and (count := counts.pop()) >= 2:
            grids.update(dict.fromkeys(run, (count, run[0])))
        run = []
    return grids


def _grid_row(raw: str, fields: int, source: str) -> Block | None:
    """A line of a full grid as a row of its fields, blank ones kept (as a pipe row's cells)."""
    cells = tuple(" ".join(f.split()) for f in raw.strip(" \r").split("\t"))
    return row_block(cells, source) if len(cells) == fields and any(cells) else None


def _grids_without_spacers(
    runs: dict[int, list[tuple[Block, Block]]], grids: dict[Block, Block | None], spacers: dict[Block, Block]
) -> None:
    """Each full grid's rows (``runs``: by its first line, each line's block as read and its grid
    row) in ``grids`` without the grid's spacer columns, as pipe text's (:func:`without_spacer_columns`)."""
    for pairs in runs.values():
        kept = without_spacer_columns([row for _, row in pairs], spacers)
        grids.update((block, row) for (block, _), row in zip(pairs, kept, strict=True))


#: More cells than any row of the template has (三's 9 with its label cells, padded): a line with
#: more is a whole page's text nodes joined by ``|``, read one cell a line.
_MAX_PIPE_CELLS = 40


def _one_cell_a_line(line: str, source: str) -> list[Block]:
    blocks = []
    for cell in line.split("|"):
        cell = " ".join(cell.split())
        if cell:
            kind = "row" if is_value_text(cell) else "paragraph"
            blocks.append(Block(kind, (cell,), source))
    return blocks


def _tables_without_spacers(blocks: list[Block], kept: dict[Block, Block]) -> list[Block]:
    """Each run of rows (a table) without its spacer columns (:func:`without_spacer_columns`;
    ``kept``: the rows as read where a blank column among values may be no spacer)."""
    out: list[Block] = []
    for is_row, group in groupby(blocks, key=lambda b: b.kind == "row"):
        run = list(group)
        out.extend(without_spacer_columns(run, kept) if is_row else run)
    return out


#: What a page's number is alone on its line (pdftotext's text of a page footer: ``7``).
_PAGE_NUMBER = re.compile(r"\d{1,4}")


def without_page_numbers(text: str) -> str:
    """``text`` with the page numbers of pdftotext's pages taken out (their lines left empty): the
    number alone on the last line of each page, before the form feed that ends it, where two pages
    at least end so and every such number counts on with the pages (a page's number is its place
    plus one same offset). Kept, a page break inside a table put it among a row's cells (二 a cell
    a line, ``行政处罚`` / ``7`` / ``\f9`` / ``15``: 7 read as 上一年项目数量, 9 as 本年增/减, whose
    blank cell the text lost); a row's value that ends a page counts on with no page's number."""
    lines = text.split("\n")
    ends: list[tuple[int, int]] = []  # (line index, page number less the page's index) of each page end
    last = None  # the last line with text so far
    page = 0
    for i, line in enumerate(lines):
        if line.startswith("\f"):
            if last is not None and _PAGE_NUMBER.fullmatch(lines[last].strip()):
                ends.append((last, int(lines[last].strip()) - page))
            page += 1
        if line.strip():
            last = i
    if len(ends) < 2 or len({offset for _, offset in ends}) != 1:
        return text
    for i, _ in ends:
        lines[i] = ""
    return "\n".join(lines)


def read_text(text: str, inserts: dict[int, list[Block]] | None = None, markdown: bool = False) -> Document:
    """Read pipe, Markdown or whitespace-separated text into blocks, one per non-empty line (in
    Markdown, one per paragraph).

    ``inserts``: blocks read otherwise (the HTML tables a Markdown text carries), put before the
    line they are keyed by. ``markdown``: the text is Markdown (else told from its markup)."""
    blocks: list[Block] = []
    pipes = separators = spaced = lone_values = 0
    open_rows = False
    if ":::" in text:
        text = without_fences(text)
    if "\f" in text:
        text = without_page_numbers(text)
    text = without_entities(text)
    lines = text.split("\n")
    boxed: list[Finding] = []
    if has_boxes(text):  # tables drawn with box-drawing characters: read as HTML tables are
        lines, drawn, boxed = box_tables(lines)
        inserts = {**(inserts or {}), **drawn}
        pipes += sum(len(rows) for rows in drawn.values())
    elif (piped := bars_as_pipes(text)) is not text:
        text, lines = piped, piped.split("\n")
    elif ("," in text or ";" in text) and (rows := csv_as_pipes(text, lines)) is not None:
        lines = rows
        text = "\n".join(lines)
    tables = has_table_markup(text)
    if tables:
        lines = as_pipe_rows(lines)  # columns cut where the converter aligned them, attributes and all
    if "]{" in text:
        lines = without_attributes("\n".join(lines)).split("\n")
    ruled = "-|" in text or "- |" in text  # what a Markdown separator line holds
    if (markdown or tables or (ruled and _MARKDOWN.search(text))) and wraps_paragraphs(text, lines):
        lines = paragraphs_joined(lines)
    emphasis = "*" in text or "__" in text
    struck = "~~" in text
    images: list[tuple[int, str]] = []
    joined = "|" in text and _joined_cells(lines)
    in_grids = _tab_grids(lines) if "\t" in text else {}
    grids: dict[Block, Block | None] = {}  # each block of a line with tabs -> its grid row
    runs: dict[int, list[tuple[Block, Block]]] = {}
    for number, raw in enumerate(lines, 1):
        if inserts and number in inserts:
            blocks.extend(inserts.pop(number))
        if emphasis and ("*" in raw or "__" in raw):  # Markdown's bold: **三、…** is the heading 三、…
            raw = _EMPHASIS.sub(r"\1", _STRONG.sub(r"\2", raw))
        if struck and "~~" in raw:
            raw = _STRUCK.sub("", raw)
        line = raw.strip()
        if not line:
            continue
        source = f"line {number}"
        if line.count("|") > _MAX_PIPE_CELLS:  # a page's text nodes joined by | (get_text("|")):
            blocks.extend(_one_cell_a_line(line, source))  # no table row has so many cells
            pipes += 1
            continue
        if "-" in line and _MD_SEPARATOR.match(line) and ("|" in line or line.count("-") >= 3):
            if "|" in line:
                separators += 1
                # ---|--- with no outer pipes (html2text): rows have none either, so a last | opens
                # a last cell, blank when nothing follows (a 总计 left blank), and closes nothing
                open_rows = line[0] != "|" and line[-1] != "|"
            continue
        if line[0] in _FOOTER_FIRST and _PAGE_FOOTER.match(line):
            continue
        if line[0] == "!" and (image := _MD_IMAGE.match(line)):
            images.append((len(blocks), image.group(1)))  # ![…](src): a table may be a picture
            continue
        heading = _MD_HEADING.match(line) if line[0] == "#" or line[0] == "=" else None
        if "\\" in line and "|" not in line:
            line = _ESCAPED.sub(r"\1", line)  # Markdown's escapes: \(一\) is (一), 1\. is 1.
        if heading and heading.group(2):
            blocks.append(
                Block(
                    "heading", (_ESCAPED.sub(r"\1", heading.group(2)),), source, level=len(heading.group(1))
                )
            )
            continue
        if "|" in line:
            # a row with a pipe at both ends has outer pipes, whatever the others do
            both = line[0] == "|" and line.rstrip()[-1] == "|"
            cells = _split_pipe(line, not open_rows or line[0] == "|", joined and not both and not separators)
            if any(cells):
                blocks.append(row_block(cells, source))
                pipes += 1
            continue
        cells_ws = _split_whitespace(line)
        if cells_ws is not None and "\t" in line:
            cells_ws = _tab_value_row(raw) or _tab_fields(cells_ws, raw)
        if cells_ws is not None:
            blocks.append(Block("row", cells_ws, source, spans=_row_spans(cells_ws, raw.rstrip())))
            spaced += 1
            lone_values += len(cells_ws) == 1
        else:
            words = _word_spans(raw.rstrip()) if len(line) <= 400 else None  # a header line's words
            blocks.append(Block("paragraph", (" ".join(line.split()),), source, spans=words and tuple(words)))
        if "\t" in raw:  # the line as its full grid's row, if it is one (read so table by table)
            grid = in_grids.get(number - 1)
            row = grids[blocks[-1]] = None if grid is None else _grid_row(raw, grid[0], source)
            if grid is not None and row is not None:
                runs.setdefault(grid[1], []).append((blocks[-1], row))
    if inserts:
        blocks.extend(b for key in sorted(inserts) for b in inserts[key])
    spacers: dict[Block, Block] = {}
    if pipes:
        blocks = _tables_without_spacers(blocks, spacers)
    if separators:
        kind = "markdown"
    elif pipes >= 3:
        kind = "pipe"
    elif spaced < 3 and len(_RUNON.findall(text, 0, 200_000)) >= 3:
        kind = "runon"
    elif spaced - lone_values < 3 and len(_GLUED_ROW.findall(text, 0, 200_000)) >= 2:
        # rows run together a line each, where a line of values alone (四's row, its groups on
        # lines of their own: 37697196121790) is no row whose cells spaces set apart
        kind = "runon"
    else:
        kind = "text"
    if (
        kind == "text"
        and inserts is None
        and sum(b.kind == "row" and len(b.cells) == 1 for b in blocks) >= 50
    ):
        lines = text.split("\n")  # a cell a line: blank cells may be empty lines (a Word file's text)
        rows = rows_with_blank_cells(text, lines)
        if rows is not None:
            return read_text("\n".join(lines), rows, markdown)
    if kind in ("runon", "text"):
        blocks = _split_runon(blocks, leading=kind == "runon")
    if runs:
        _grids_without_spacers(runs, grids, spacers)
    return Document(tuple(blocks), kind, tuple(boxed), tuple(images), spacers, grids)
