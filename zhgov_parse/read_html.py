"""HTML reader: a report page (whole or just its article) → Document, the same form text gives.

lxml builds the tree (no network, no entities fetched, no DTD); the report's container is the
lowest element holding its tables and part headings, so menus, breadcrumbs and footers around
it fall away.  Tables become rows with rowspan/colspan expanded, every spanned copy marked; the
rest becomes headings and paragraphs in document order.  BeautifulSoup is used only when lxml
cannot make a usable tree of the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree

from .document import Block, Document, row_block, without_spacer_columns
from .errors import ParseError
from .findings import Finding
from .locate import part_of, site_chrome
from .meta import has_title
from .values import is_value_text, parse_value

MAX_COLSPAN = 64  # a report's widest table has 18 grid columns
MAX_ROWSPAN = 512
#: What the span copies of one page may cost in all, as copies × (characters + 8).  The template's
#: tables need about 2,000; without a cap one ``<td colspan=64 rowspan=512>`` makes 32,767 copies of its
#: text, so a page of a few kilobytes (a long cell, or many such cells) expands to gigabytes and the
#: rows grow quadratically.  A cell whose copies would exceed what is left is read as 1 × 1.
SPAN_BUDGET = 250_000

#: (``<s>`` and ``<strike>``: text the page shows struck out, a number corrected beside it, ``<s>12</s>13``,
#: is no part of what the page states, as a ``<del>`` is not. ``<rt>`` and ``<rp>``: a ruby's annotation
#: set small over its text and the brackets around it, ``<ruby>12<rt>15</rt></ruby>``: the text is 12.)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "select",
         "button", "input", "textarea", "nav", "footer", "head", "title", "meta", "link",
         "s", "strike", "rt", "rp")  # fmt: skip
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "center",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "form",
        "fieldset",
        "address",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
    ]
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BREAKS = _BLOCK | set(_HEADINGS) | {"br"}  # tags that end the text before them
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
# zero-width characters show no gap: an editor's filler between digit spans (8<span>2</span>&#8203;1)
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]+")
# (full-width digits are digits, not CJK: ２ 2 are two numbers' digits apart, as 2 2 are)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uff0f\uff1a-\uffef\u3000-\u303f"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}\d])|(?<=[{_CJK}\d]) (?=[{_CJK}])")


_DIGITS = re.compile(r"\d{1,9}")  # a span's first digits: more are past any limit (int refuses 4,300)


class LinkOnlyPage(ParseError):
    """A page whose content is only a link to (or an embed of) a PDF or Office file."""

    code = "link_only"


class JavaScriptShell(ParseError):
    """A page whose report text is loaded by scripts in the browser: nothing in the HTML itself."""

    code = "javascript_shell"


def clean_text(text: str) -> str:
    """Collapse whitespace (incl. &nbsp;, ideographic spaces), drop zero-width ones; none between CJK."""
    # Only short texts are cached: cached long ones (a page's 1 MB paragraph) stay alive across parses.
    return _clean_text(text) if len(text) <= 1000 else _clean_text.__wrapped__(text)


@lru_cache(maxsize=8192)
def _clean_text(text: str) -> str:
    text = _SPACES.sub(" ", _ZERO_WIDTH.sub("", text)).strip()
    return _CJK_GAP.sub("", text) if " " in text else text


def _text_of(el: etree._Element) -> str:
    """An element's text, its descendants' included (not its tail), joined in C: two to three times
    faster than the XPath ``string()`` on Word's ``<td><p><span>`` cells."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)  # type: ignore[no-any-return]


#: A superscript's or subscript's digits as such: beside other text (``41<sup>1</sup>``, ``总计<sup>1</sup>``)
#: they are a footnote mark, which read as plain digits would join the number's (411) or the label's.
_SCRIPTS = {
    "sup": str.maketrans("0123456789０１２３４５６７８９", "⁰¹²³⁴⁵⁶⁷⁸⁹" * 2),
    "sub": str.maketrans("0123456789０１２３４５６７８９", "₀₁₂₃₄₅₆₇₈₉" * 2),
}


#: A style that sets an element's text raised or lowered as ``<sup>`` and ``<sub>`` do (what Google Docs'
#: export and some editors write for them: ``<span style="vertical-align:super">1</span>``).
_SHIFTED = re.compile(r"vertical-align\s*:\s*(super|sub)\b", re.I)


def _script_of(el: etree._Element, shifted: dict[str, str] | None) -> str | None:
    """``"sup"`` or ``"sub"`` where an element's text is set raised or lowered (its tag, or where the
    page may style text so, ``shifted`` not None: its style, :data:`_SHIFTED`, or a class of
    ``shifted``, :func:`_shifted_classes`), else None."""
    tag = el.tag
    if tag == "sup" or tag == "sub":
        return tag  # type: ignore[no-any-return]
    if shifted is None:
        return None
    style = el.get("style")
    if style:
        m = _SHIFTED.search(style)
        if m is not None:
            return "sup" if m[1].lower() == "super" else "sub"
    names = el.get("class") if shifted else None
    if names:
        for name in names.lower().split():
            if name in shifted:
                return shifted[name]
    return None


def _shifted_classes(root: etree._Element) -> dict[str, str]:
    """The classes the page's style sheets set raised or lowered (``.fn{vertical-align:super}``,
    ``span.MsoFootnoteReference{…vertical-align:super}`` in Word's), each with ``"sup"`` or ``"sub"``."""
    found: dict[str, str] = {}
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if "super" not in css and "sub" not in css:
            continue
        for selectors, declarations in _css_rules(css):
            m = _SHIFTED.search(declarations)
            if m is None:
                continue
            for selector in selectors.split(","):
                simple = _CLASS_SELECTOR.fullmatch(selector.strip())
                if simple:
                    found[simple.group(1)] = "sup" if m[1] == "super" else "sub"
    return found


def _raise_scripts(root: etree._Element, styled: bool = False) -> None:
    """Write the digits of each ``<sup>`` and ``<sub>`` in the tree raised or lowered (``41¹``), as the
    page shows them, so that a value cell with a footnote mark reads as no number (not 411) and a
    label's mark can be told from its words. In a block with no text beside them (``<td><sup>41</sup>``)
    they are left as they are: a number set small, not a mark. Where ``styled`` (the page's markup
    names :data:`_SHIFTED`: :func:`_may_shift`), elements styled so, or of a class its style sheets
    style so, too. One search of the tree (in C) where a page has none."""
    shifted = _shifted_classes(root) if styled else None
    beside: dict[etree._Element, bool] = {}  # block -> whether it has text outside its scripts
    for el in root.iter() if styled else root.iter("sup", "sub"):
        kind = _script_of(el, shifted)
        if kind is None:
            continue
        block = el.getparent()
        while block is not None and block.tag not in _BREAKS:
            block = block.getparent()
        if block is None:
            continue
        if block not in beside:  # once a block: a long one with many marks is walked once
            beside[block] = _text_beside_scripts(block, shifted)
        if beside[block]:
            table = _SCRIPTS[kind]
            for node in el.iter():
                if node.text:
                    node.text = node.text.translate(table)
                if node is not el and node.tail:
                    node.tail = node.tail.translate(table)


_NOTE_NUMBER = re.compile(r"\s*[\[［【〔(（]?\d{1,2}[\]］】〕)）]?\s*")


def _raise_note_links(root: etree._Element) -> None:
    """Write raised the digits of a link to a note that is its number, right after a number
    (``41<a href="#note1">1</a>``, a footnote's reference linked to its note, ``#`` in its href): the
    page shows the 1 as a link, not a digit of 41 (read as one, 411). A link holding a whole number
    (``<a>41</a>``) or after words (``见附件<a>2</a>``) is left as it is."""
    raised = _SCRIPTS["sup"]
    for a in root.iter("a"):
        if "#" not in a.get("href", ""):
            continue  # (nearly every link: to another page)
        text = _text_of(a) if len(a) else a.text
        if not text or len(text) > 8 or _NOTE_NUMBER.fullmatch(text) is None:
            continue
        if _text_before(a).rstrip()[-1:].isdigit():
            for node in a.iter():
                if node.text:
                    node.text = node.text.translate(raised)
                if node is not a and node.tail:
                    node.tail = node.tail.translate(raised)


def _text_before(el: etree._Element) -> str:
    """The text just before an element inside its block (a sibling's tail or text, or its parent's)."""
    node = el
    while True:
        before = node.getprevious()
        if before is not None:
            return before.tail if before.tail and not before.tail.isspace() else _text_of(before)
        parent = node.getparent()
        if parent is None:
            return ""
        if parent.tag in _BREAKS or (parent.text and not parent.text.isspace()):
            return parent.text or ""
        node = parent


def _may_shift(text: str) -> bool:
    """Whether a page's markup may style text raised or lowered (:data:`_SHIFTED`): most pages never
    name ``super`` or ``sub`` after a ``vertical-align`` (Word's cells: ``vertical-align:top``). Two
    searches in C, each under a millisecond on a page of 170 KB."""
    # (a style's values are lower case, even where IE wrote VERTICAL-ALIGN)
    return any(_SHIFTED.search(text, max(at - 40, 0), at + 5) for at in _places(text, "super", "sub"))


def _places(text: str, *words: str) -> list[int]:
    """Where each word stands in the text, one word after the other (searches in C; most pages hold
    none of the words a gate asks for, or a few)."""
    out = []
    for word in words:
        at = text.find(word)
        while at != -1:
            out.append(at)
            at = text.find(word, at + len(word))
    return out


def _text_beside_scripts(block: etree._Element, shifted: dict[str, str] | None = None) -> bool:
    """Whether a block holds text outside its ``<sup>``s and ``<sub>``s (and, where ``shifted`` is
    not None, its elements styled so: :func:`_script_of`)."""
    depth = 0  # how many scripts the walk is inside
    for event, node in etree.iterwalk(block, events=("start", "end")):
        script = node.tag in _SCRIPTS or (shifted is not None and _script_of(node, shifted) is not None)
        if event == "start":
            depth += script
            text = node.text
        else:
            depth -= script
            text = node.tail if node is not block else None
        if not depth and text and not text.isspace():
            return True
    return False


def _span(value: str | None, limit: int) -> tuple[int, bool]:
    """A span attribute as an int in 1..limit (tolerating ``\\"2\\"`` and junk); clamped?"""
    if not value:
        return 1, False
    if value.isdecimal() and len(value) < 4:  # not isdigit: int("²") fails
        n = int(value)
        return (limit, True) if n > limit else (max(n, 1), False)
    m = _DIGITS.search(value)
    n = int(m.group()) if m else 1
    if n > limit:
        return limit, True
    return max(n, 1), False


_PARSER = etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    recover=True,
    default_doctype=False,
    encoding="utf-8",
)


# libxml2 without huge_tree (kept off: it bounds what a hostile page can cost) stops at 256 levels of
# nesting and at text runs or attribute values of 10 MB, silently dropping the rest of the page.
# Real pages reach the depth through unclosed inline tags (<font>, <span>) or divs, and the size
# through inline images (data: URIs): such a page is read again with those flattened or cut.
_INLINE_TAG = re.compile(r"</?(?:font|span|b|strong|i|em|u|a|small|big|sub|sup|o:p)\b[^>]*>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:div|section|article|center|blockquote)\b[^>]*>", re.I)
_HUGE_RUN = re.compile(r"[^<>]{1000000,}")


def _resource_limit() -> str | None:
    """The message of the resource limit the last parse hit, if any."""
    for error in _PARSER.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            return str(error.message).strip()
    return None


def _within_limits(text: str, limit: str, findings: list[Finding]) -> etree._Element:
    if "depth" in limit:
        text = _BLOCK_TAG.sub("<br>", _INLINE_TAG.sub("", text))
        what = "nests elements deeper than 256 levels: inline tags were dropped, divs read as line breaks"
    else:
        text = _HUGE_RUN.sub(lambda m: m.group()[:500] + m.group()[-500:], text)  # ends keep quotes
        what = "holds a text or attribute of over 10 MB (an inline image?): cut to its first and last 500"
    findings.append(Finding("html_fallback", f"the page {what}, and the page read again (lxml: {limit})"))
    root = etree.fromstring(text.encode("utf-8"), _PARSER)
    again = _resource_limit()
    if again is not None:
        raise ParseError(
            "expected an HTML page within the parser's limits (elements nested at most 256 deep, "
            f"texts under 10 MB), found a page beyond them (lxml: {again})"
        )
    return root


_MARKUP = re.compile(r"<[^>]*>|&nbsp;|&#160;|\s+")


def _parse_tree(text: str, findings: list[Finding]) -> etree._Element:
    root = None
    try:
        # From UTF-8 bytes, so that an <?xml … encoding=…?> declaration is not an error.
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
        limit = _resource_limit()
        if limit is not None:
            root = _within_limits(text, limit, findings)
        if root is not None and any(t.strip() for t in root.itertext()):
            return root
    except ParseError:
        raise
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        pass
    # BeautifulSoup can only recover text that lxml missed: on a page of markup alone (megabytes of
    # <br> or empty cells) it would spend ~10 µs a tag to find nothing.
    if root is not None and not _MARKUP.sub("", text):
        return root
    from bs4 import BeautifulSoup

    repaired = str(BeautifulSoup(text, "html.parser"))
    findings.append(
        Finding(
            "html_fallback",
            "lxml could not build a usable tree of this page; it was repaired with "
            "BeautifulSoup's html.parser first",
        )
    )
    try:
        root = etree.fromstring((repaired or "<p></p>").encode("utf-8"), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"expected an HTML page, found markup that no parser can read ({exc})") from exc
    if root is None:
        raise ParseError("expected an HTML page, found markup with no elements")
    return root


def _leaf_tables(root: etree._Element) -> list[etree._Element]:
    """Tables holding no other table (layout tables around them are read as text)."""
    tables = list(root.iter("table"))
    outer = set()
    for t in tables:
        parent = next(t.iterancestors("table"), None)
        if parent is not None:
            outer.add(parent)
    return [t for t in tables if t not in outer]


def _report_container(
    blocks: list[tuple[Block, etree._Element]], tables: list[etree._Element]
) -> etree._Element | None:
    """The lowest element that holds every leaf table and every part heading of the report."""
    anchors = list(tables)
    anchors += [
        el for block, el in blocks if block.kind != "row" and len(block.text) <= 40 and part_of(block.text)
    ]
    if not anchors:
        return None
    common = [*reversed(list(anchors[0].iterancestors())), anchors[0]]
    for el in anchors[1:]:
        chain = set(el.iterancestors())
        chain.add(el)
        while common and common[-1] not in chain:
            common.pop()
    if not common:
        return None
    top = common[-1]
    while top.tag in (
        "p",
        "span",
        "strong",
        "b",
        "font",
        "td",
        "tr",
        "tbody",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
    ):
        parent = top.getparent()
        if parent is None:
            break
        top = parent
    return top


def _title_above(located: list[tuple[Block, etree._Element]], title: str) -> Block | None:
    """The report's title in the page's ``<h1>`` or ``<h2>`` just above the element that holds the
    report, where the page's ``<title>`` does not repeat it (a CMS may keep another year's there): it
    is the article's own, and the year the report is for is read from it."""
    for block, _ in reversed(located):
        if block.kind == "heading":
            if block.level <= 2 and block.text not in title and has_title(block.text):
                return block
            return None
    return None


def _within(el: etree._Element, container: etree._Element, known: dict[etree._Element, bool]) -> bool:
    """Whether ``el`` is ``container`` or inside it; ``known`` remembers each element asked about, so
    that a page's blocks, which share their ancestors, climb each of them once (not a set of every
    element in the container: a page's tree has ten times as many)."""
    path = []
    node: etree._Element | None = el
    answer = False
    while node is not None:
        if node is container:
            answer = True
            break
        seen = known.get(node)
        if seen is not None:
            answer = seen
            break
        path.append(node)
        node = node.getparent()
    for node in path:
        known[node] = answer
    return answer


def _fill_carried(carried: dict[int, tuple[int, str]], col: int, cells: list[str], copies: list[int]) -> int:
    """Put the cells that rowspans from rows above carry into this row at ``col``; next column."""
    while col in carried:
        cells.append(carried[col][1])
        copies.append(2)
        _one_row_down(carried, col)
        col += 1
    return col


def _fill_carried_beyond(
    carried: dict[int, tuple[int, str]], col: int, cells: list[str], copies: list[int]
) -> bool:
    """Put the cells that rowspans carry into this row at and right of its own last cell at ``col``;
    whether one stands past a gap. Such a cell still counts the row among its span's (it would
    otherwise run on into the next row, among its values), but is left out of it: where a row
    falls short of a rowspan's column (a span that ended a row early, a stray cell before the
    row's), the browser shows a hole, and the row's cells have no order to read the cell in (a
    header row of 三 would name 总计 last after 自然人 among the organisations)."""
    col = _fill_carried(carried, col, cells, copies)
    beyond = [at for at in carried if at > col]
    for at in beyond:
        _one_row_down(carried, at)
    return bool(beyond)


def _one_row_down(carried: dict[int, tuple[int, str]], col: int) -> None:
    """A rowspan's cell at ``col`` has filled one more row: one row less left to fill."""
    left, text = carried[col]
    if left <= 1:
        del carried[col]
    else:
        carried[col] = (left - 1, text)


#: Rows and cells of a table that the page does not show (an Excel sheet's hidden rows: ``<tr height=0
#: style='display:none;mso-height-source:userset'>`` with their numbers, a hidden cell).


def _pass_unshown_row(carried: dict[int, tuple[int, str]]) -> None:
    """A row the page does not show still counts among the rows a rowspan above it covers: the
    cells it carries go down one row less into the rows shown."""
    for col in list(carried):
        _one_row_down(carried, col)


def _rows(
    table: etree._Element,
    findings: list[Finding],
    where: str,
    budget: list[int] | None = None,
    hides: bool = True,
) -> list[Block]:
    """Rows of a leaf table with spans expanded (``copies`` marks cells a span filled), its spacer
    columns left out (:func:`~zhgov_parse.document.without_spacer_columns`), the rows and cells the
    page does not show left out too (looked for only where ``hides``: see :func:`_may_hide`), a
    rowspan one row too long or too short read as the rows show it meant
    (:mod:`~zhgov_parse.rowspans`, with a finding).

    ``budget`` (one int in a list, shared by the page's tables) is what the span copies may still
    cost (see :data:`SPAN_BUDGET`).
    """
    if budget is None:
        budget = [SPAN_BUDGET]
    left = budget[0]
    found: list[Finding] = []
    _stray_cells_in_rows(table)
    rows, irregular = _grid_rows(table, found, where, budget, hides)
    if irregular and not found:  # (a row with a gap, or one a rowspan overflows: rare; spans clamped: none)
        mended = _rowspans_mended(table, hides, where)
        if mended:
            budget[0] = left
            found = [finding for _, finding in mended.values()]
            rows, _ = _grid_rows(table, found, where, budget, hides, {td: n for td, (n, _) in mended.items()})
    findings.extend(found)
    return without_spacer_columns(rows)


_SECTIONS = ("tbody", "thead", "tfoot")


def _stray_cells_in_rows(table: etree._Element) -> None:
    """Put the cells a table (or its body) holds outside any ``<tr>`` into rows, each run of them a
    row, as a browser shows them: a row whose ``<tr>`` the page lost (``</tr><td>规章</td><td>0</td>…
    </tr>``), which lxml leaves as cells of no row (before, the row was not read: missing_row)."""
    for section in (table, *(child for child in table if child.tag in _SECTIONS)):
        row = None
        for child in list(section):
            tag = child.tag
            if tag == "td" or tag == "th":
                if row is None:
                    row = etree.Element("tr")
                    child.addprevious(row)
                row.append(child)
            elif tag == "tr" or tag in _SECTIONS:
                row = None


def _rowspans_mended(
    table: etree._Element, hides: bool, where: str
) -> dict[etree._Element, tuple[int, Finding]]:
    """The cells whose rowspans the rows after them show to be one row too long or too short
    (:func:`~zhgov_parse.rowspans.rowspans_mended`), each with the rowspan meant and a finding."""
    from .rowspans import SpanCell, rowspans_mended

    layout: list[list[SpanCell] | None] = []
    elements: list[list[etree._Element]] = []
    for tr in table.iter("tr"):
        if hides and _hidden(tr):
            layout.append(None)
            elements.append([])
            continue
        tds = [td for td in tr if td.tag in ("td", "th") and not (hides and _hidden(td))]
        elements.append(tds)
        layout.append(
            [
                SpanCell(
                    _span(td.get("colspan"), MAX_COLSPAN)[0],
                    _span(td.get("rowspan"), MAX_ROWSPAN)[0],
                    not clean_text(_text_of(td)),
                )
                for td in tds
            ]
        )
    out = {}
    for (r, i), (was, meant) in rowspans_mended(layout).items():
        td = elements[r][i]
        if not meant:
            finding = Finding(
                "cell_repaired",
                "a blank cell opening the row makes it one column wider than the table, and pushes "
                "the cells it and its rowspans hold a column right; left out",
                expected="no cell",
                found="a blank cell",
                source=f"{where} row {r + 1}",
            )
            out[td] = (meant, finding)
            continue
        how = (
            f"{'one row' if was - meant == 1 else f'{was - meant} rows'} too long: its next row's own "
            "cells fill the table"
            if meant < was
            else ("one row too short: its next row has a gap just its width")
        )
        finding = Finding(
            "cell_repaired",
            f"a cell's rowspan ('{clean_text(_text_of(td))[:20]}') is {how}; read as spanning {meant} rows",
            expected=f"rowspan={meant}",
            found=f"rowspan={was}",
            source=f"{where} row {r + 1}",
        )
        out[td] = (meant, finding)
    return out


def _grid_rows(
    table: etree._Element,
    findings: list[Finding],
    where: str,
    budget: list[int],
    hides: bool,
    mended: dict[etree._Element, int] | None = None,
) -> tuple[list[Block], bool]:
    """The rows of :func:`_rows` (spacer columns kept), with the rowspans ``mended`` for the page's;
    and whether a row falls short of a cell a rowspan carries into it, or one with such a cell is
    wider than the row before (a rowspan one row too short or too long)."""
    rows: list[Block] = []
    carried: dict[int, tuple[int, str]] = {}  # grid column -> (rows left, text) from rowspans
    gaps = overflow = False
    width = 0  # of the row before
    for r, tr in enumerate(table.iter("tr"), 1):
        if hides and _hidden(tr):
            _pass_unshown_row(carried)
            continue
        carries = bool(carried)
        cells: list[str] = []
        copies: list[int] = []  # 0: the cell's own text, 1: colspan copy, 2: rowspan copy
        col = 0
        for td in tr:
            tag = td.tag
            if (tag != "td" and tag != "th") or (hides and _hidden(td)):
                continue
            if mended is not None and mended.get(td) == 0:
                continue  # a stray blank cell (:func:`~zhgov_parse.rowspans.rowspans_mended`)
            if carried and col in carried:
                col = _fill_carried(carried, col, cells, copies)
            if len(td):
                raw = _text_of(td)
                text = raw if raw.isdigit() else clean_text(raw)  # digits: no space to collapse
                if is_value_text(text):  # (its lines asked for once: most cells have children)
                    if len(text) > 1 and _has_lines(td):  # (one character: one value)
                        text = _lines_kept_apart(td)
                elif text[-1:].isdigit() and _has_lines(td):
                    text = _value_line_apart(td, text)
            else:
                raw = td.text
                text = "" if raw is None else raw if raw.isdigit() else clean_text(raw)
            keys = td.keys()
            if keys and "x:num" in keys:
                text = _excel_number(text, td.get("x:num"))
            if (not keys or ("colspan" not in keys and "rowspan" not in keys)) and (
                mended is None or td not in mended
            ):  # the usual cell
                cells.append(text)
                copies.append(0)
                col += 1
                continue
            colspan, rowspan = _spans(td.attrib, len(text), findings, where, r, budget)
            if mended is not None:
                rowspan = mended.get(td, rowspan)
            blanks = colspan > 1 and _excel_run(td)
            for k in range(colspan):
                cell = "" if k and blanks else text
                cells.append(cell)
                copies.append(1 if k and not blanks else 0)
                if rowspan > 1:
                    carried[col] = (rowspan - 1, cell)
                col += 1
        if carried:
            gaps |= _fill_carried_beyond(carried, col, cells, copies)
        if any(cells):
            if carries and len(cells) > width and not overflow:
                overflow = _filled(cells) > width or len(cells) - copies.count(2) == width
            width = len(cells)
            rows.append(row_block(tuple(cells), f"{where} row {r}", tuple(copies)))
    return rows, gaps or overflow


def _excel_number(text: str, stored: str | None) -> str:
    """The text of a cell of an Excel sheet saved as a web page, which writes a number cell's value in
    ``x:num`` where it shows it otherwise: where it shows a dash or nothing for a 0 (an accounting
    format's ``-``, a format hiding zeros: ``<td x:num="0"> - </td>``), 0; else its text as shown
    (``x:num="0.45"`` shown ``0.5``: the page states 0.5; a number a format hides, ``;;;``, is not
    shown: NA)."""
    if not stored or (text and parse_value(text).problem != "missing"):
        return text
    return "0" if parse_value(stored).number == 0 else text


_EXCEL_RUN = re.compile(r"mso-ignore\s*:\s*colspan", re.I)


def _excel_run(td: etree._Element) -> bool:
    """Whether a cell is Excel's run of cells (``<td colspan=2 style='mso-ignore:colspan'>规章</td>``):
    Excel saves a sheet's cells with nothing in them after a cell as one ``<td>`` spanning them, the
    first cell's text (a label too long for its column, shown running over the blank ones) in it;
    no merged cell. The cells after the first are blank, not copies of its text."""
    style = td.get("style")
    return style is not None and _EXCEL_RUN.search(style) is not None  # (spanned cells only: few)


def _filled(cells: list[str]) -> int:
    """How many of a row's cells come before its blank ones at the end."""
    n = len(cells)
    while n and not cells[n - 1]:
        n -= 1
    return n


_LINE_TAGS = ("br", "p", "div", "li")


def _has_lines(td: etree._Element) -> bool:
    """Whether a cell's text may stand on several lines: it holds a ``<br>``, two ``<p>``s or the
    like, or one with text beside it (not Word's usual cell, its text in one ``<p>``)."""
    blocks = 0
    for el in td.iter(_LINE_TAGS):
        if el.tag == "br" or blocks:
            return True
        blocks += 1
    if not blocks:
        return False
    only = td[0]
    return len(td) > 1 or only.tag not in _LINE_TAGS or _has_text(td.text) or _has_text(only.tail)


def _has_text(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


def _lines_kept_apart(td: etree._Element) -> str:
    """The text of a cell whose text reads as a value, from its lines: values on two lines of it
    (``6<br>70``, ``<p>6</p><p>70</p>``: a cell holding two rows' values) are kept apart by ``¦``
    (:func:`~zhgov_parse.markup.joined_lines`), so that the cell reads as no number, not as their
    digits run together (670)."""
    from .markup import joined_lines

    return joined_lines(_lines(td))


_NUMBER_LINE = re.compile(r"\d+(?:\.\d+)?")


def _value_line_apart(td: etree._Element, text: str) -> str:
    """The text of a label cell whose last line is a number (``行政规范性文件<br>6``: the row's
    first value typed into its label's cell), that number set apart by a space
    (``行政规范性文件 6``), as text with cells split at spaces writes it: the mapping tells it from
    a label that ends in digits (:func:`~zhgov_parse.repairs.values_in_labels`)."""
    lines = _lines(td)
    last = lines[-1] if len(lines) > 1 else ""
    if (
        _NUMBER_LINE.fullmatch(last) is None
        or len(text) <= len(last)
        or not text.endswith(last)
        or text[-len(last) - 1].isdigit()
    ):
        return text
    return f"{text[: -len(last)].rstrip()} {last}"


def _lines(td: etree._Element) -> list[str]:
    """A cell's lines (a ``<br>``, a paragraph or the like ends one), each cleaned, blank ones dropped."""
    return [line for line in map(clean_text, _broken_text(td, keep_newlines=True).split("\n")) if line]


def _broken_text(root: etree._Element, keep_newlines: bool = False) -> str:
    """An element's text, its descendants' included (not its tail), with a line break where a block
    or a ``<br>`` ends a line; a newline inside the text is a space, as a browser shows it, but in a
    ``<pre>`` (or everywhere, ``keep_newlines``)."""
    out: list[str] = []
    pre = int(keep_newlines)  # inside a <pre>, whose line breaks are its own
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if el.tag.__class__ is str else ""
        if event == "start":
            pre += tag == "pre"
            if tag in _BREAKS:
                out.append("\n")
            if el.text:
                out.append(el.text if pre else el.text.replace("\n", " "))
        else:
            pre -= tag == "pre"
            if tag in _BREAKS and tag != "br":
                out.append("\n")
            if el is not root and el.tail:
                out.append(el.tail if pre else el.tail.replace("\n", " "))
    return "".join(out)


def _spans(
    attrs: Any, chars: int, findings: list[Finding], table: str, row: int, budget: list[int]
) -> tuple[int, int]:
    """A cell's (colspan, rowspan), clamped and within the page's span budget (with findings)."""
    colspan, c_clamped = _span(attrs.get("colspan"), MAX_COLSPAN)
    rowspan, r_clamped = _span(attrs.get("rowspan"), MAX_ROWSPAN)
    cost = (colspan * rowspan - 1) * (chars + 8)
    if not (c_clamped or r_clamped or cost > budget[0]):  # the usual span
        budget[0] -= cost
        return colspan, rowspan
    where = f"{table} row {row}"
    if c_clamped or r_clamped:
        findings.append(
            Finding(
                "span_clamped",
                f"a cell spans {attrs.get('colspan') or 1} columns × {attrs.get('rowspan') or 1} rows; "
                f"clamped to at most {MAX_COLSPAN} × {MAX_ROWSPAN}",
                source=where,
            )
        )
    if cost > budget[0]:
        findings.append(
            Finding(
                "span_clamped",
                f"a cell spans {colspan} columns × {rowspan} rows of {chars} characters; "
                f"the page's spans would copy too much (over {SPAN_BUDGET}): read as 1 × 1",
                source=where,
            )
        )
        return 1, 1
    budget[0] -= cost
    return colspan, rowspan


def _walk(
    root: etree._Element,
    tables: set[etree._Element],
    findings: list[Finding],
    images: list[tuple[int, str]] | None = None,
    hides: bool = True,
) -> list[tuple[Block, etree._Element]]:
    """Blocks in document order, each with the element it came from (its block-level parent);
    ``images`` gets each ``<img>`` outside the tables: the block it comes before, and its src."""
    blocks: list[tuple[Block, etree._Element]] = []
    buffer: list[str] = []
    heading_level = 0
    n_table = 0
    stack: list[etree._Element] = [root]
    budget = [SPAN_BUDGET]  # shared by the page's tables
    chrome = site_chrome()

    def flush() -> None:
        nonlocal heading_level
        text = clean_text("".join(buffer)) if buffer else ""
        buffer.clear()
        if text and not (len(text) < 80 and chrome.search(text)):
            kind = "heading" if heading_level else "paragraph"
            if len(text) <= 20 and is_value_text(text) and not (blocks and blocks[-1][0].copies is not None):
                # a value alone (a table drawn with divs, one cell a block), as in text; not right
                # after a <table>'s row, which no text outside the table continues (a page number
                # between a table's two parts would be a short row's last value)
                kind = "row"
            blocks.append(
                (Block(kind, (text,), f"paragraph {len(blocks) + 1}", level=heading_level), stack[-1])
            )
        heading_level = 0

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if tag.__class__ is not str:
            tag = ""
        if event == "start":
            if tag == "img" and images is not None:  # after the text before it (not split there)
                images.append((len(blocks) + bool(buffer), el.get("src") or ""))
            if tag == "table" and el in tables:
                flush()
                n_table += 1
                caption = el.find("caption")
                if caption is not None:  # a table's title (表三：收到和处理…) names its part
                    title = clean_text(_text_of(caption))
                    if title:
                        blocks.append((Block("heading", (title,), f"table {n_table} caption", level=6), el))
                blocks.extend((row, el) for row in _rows(el, findings, f"table {n_table}", budget, hides))
                walker.skip_subtree()
                continue
            if tag in _BREAKS:
                flush()
                if tag != "br":
                    stack.append(el)
                    if tag in _HEADINGS:
                        heading_level = _HEADINGS[tag]
                    text = el.text
                    if text:
                        buffer.append(text)
                continue
            text = el.text
            if text:
                buffer.append(text)
        else:
            if tag in _BREAKS and tag != "br" and not (tag == "table" and el in tables):
                flush()
                if len(stack) > 1:
                    stack.pop()
            if el is not root:
                tail = el.tail
                if tail:
                    buffer.append(tail)
    flush()
    return blocks


def _drop_cut_cell(text: str, root: etree._Element, findings: list[Finding]) -> None:
    """Blank the last cell of a page cut off inside it (a scraper's byte limit, a download broken
    off: it ends in that cell's text, no tag after it), with a finding: its number may have lost
    digits (4 of 41)."""
    stripped = text.rstrip()
    if stripped[-1:] in (">", ""):
        return  # (nearly every page: it ends with a tag)
    end = clean_text(stripped[stripped.rfind(">") + 1 :])
    cells = root.xpath("(//*[self::td or self::th])[last()]") if end and len(end) < 200 else []
    if not cells:
        return
    cell = cells[0]
    after = cell.xpath("following::text()")
    if not clean_text(_text_of(cell)).endswith(end) or any(t.strip() for t in after):
        return
    for child in list(cell):
        cell.remove(child)
    cell.text = ""
    findings.append(
        Finding(
            "truncated",
            f"the page ends inside a table cell ('{end[:20]}', no tag after it): it was cut off there, "
            "and that cell, whose number may have lost digits, was not read",
            expected="a complete page",
            found=end[:40],
        )
    )


#: What a page holds but does not show: tracked deletions (Word's "Save as Web Page" writes them
#: <del>), and hidden elements inside a table's cells (an anti-copy watermark, Word's hidden text):
#: 4<span style="display:none">7</span>1 shows 41. (Hidden elements elsewhere stay: some pages
#: hide the whole article until a script shows it.) A style hides as a browser reads it: its
#: letters lowered and its white space left out (``Display : None``, ``display:\tnone``: :func:`_squeezed`).
_ATTRIBUTE_END = frozenset(" \t\n\r\f=>/")


def _squeezed(style: str) -> str:
    """A style as a browser reads it: letters lowered, its white space (spaces, tabs, line breaks:
    ``display:\tnone``) left out."""
    return "".join(style.split()).lower()


def _in_a_tag(text: str, at: int) -> bool:
    return text.rfind("<", 0, at) > text.rfind(">", 0, at)


def _may_hide(text: str) -> bool:
    """Whether the page's markup may hide some of its text (:func:`_unshown`; rows and cells,
    :func:`_hidden`): a ``<del`` tag, a ``hidden`` attribute, ``display:none``, ``visibility:hidden``
    or ``size:0`` (``font-size:0``) or ``opacity:0`` or ``color:transparent`` (:func:`_invisible`; lower
    case) inside a tag. Most
    pages hold the words only in their style sheets and scripts (``.menu{display:none}``,
    ``overflow:hidden``): a few searches in C rule them out."""
    if "<del" in text or "<DEL" in text:
        return True
    return (
        any(  # (an entity may spell the colon or the value)
            _squeezed(text[at + 6 : at + 40]).startswith((":none", ":&", "&")) and _in_a_tag(text, at)
            for at in _places(text, "isplay", "ISPLAY")
        )
        or any(
            (text[at + 6 : at + 7] in _ATTRIBUTE_END or _styled_invisible(text, at)) and _in_a_tag(text, at)
            for at in _places(text, "hidden")
        )
        or any(  # visibility:collapse (not border-collapse:collapse)
            _styled_invisible(text, at) and _in_a_tag(text, at) for at in _places(text, "collapse")
        )
        # (Word's style sheets: mso-tstyle-rowband-size:0, not in a tag)
        or any(_in_a_tag(text, at) for at in _places(text, "size:0", "size: 0"))
        or any(  # color:transparent (not background-color:transparent)
            _transparent_text(text, at) and _in_a_tag(text, at) for at in _places(text, "ransparent")
        )
        or any(  # opacity:0, Opacity : 0.0
            _squeezed(text[at + 6 : at + 12]).startswith((":0", ":.0")) and _in_a_tag(text, at)
            for at in _places(text, "pacity", "PACITY")
        )
        or any(  # off the page or out of its line (:func:`_off_screen`, :func:`_placed_elsewhere`)
            _squeezed(text[at + 7 : at + 20]).startswith((":a", ":f", ":r")) and _in_a_tag(text, at)
            for at in _places(text, "osition")
        )
        or any(  # text-indent:-9999px, margin-left:-9999px; a box of no size, its overflow hidden
            _in_a_tag(text, at) for at in _places(text, *_FAR_BACK_OR_CLIPPED)
        )
        or any(_in_a_tag(text, at) for at in _places(text, *_FAINT_OR_TINY))  # (:func:`_faint`)
    )


#: What a style that sets text far back or clips it says, or one too faint or small to read (white
#: space as pages write it: most pages say none of it, though nearly all indent their paragraphs,
#: ``text-indent:2em``). Each a search of the page: as few as tell them.
_FAR_BACK_OR_CLIPPED = ("ndent:-", "argin-left:-", "verflow")
_FAINT_OR_TINY = ("rgba(", "/ 0)", "scale(0", "size:.", "size:1p", "size:2p", "size:3p", "size:4p")


def _transparent_text(text: str, at: int) -> bool:
    """Whether the ``transparent`` at ``at`` (its ``t`` before ``at``) is a text's color
    (``color : transparent``), no background's or border's."""
    before = _squeezed(text[max(at - 24, 0) : at - 1])
    return before.endswith("color:") and not before.endswith("-color:")


def _styled_invisible(text: str, at: int) -> bool:
    """Whether the ``hidden`` (or ``collapse``) at ``at`` is the value of a ``visibility``
    (``visibility : hidden``)."""
    return _squeezed(text[max(at - 16, 0) : at]).endswith("visibility:")


def _unshown(
    root: etree._Element, unsure: list[tuple[etree._Element, str]] | None = None
) -> list[etree._Element]:
    """The ``<del>`` elements, and the elements inside a table's cells that are ``hidden`` or styled
    ``display:none`` or to show none of their text (:func:`_invisible`, :func:`_off_screen`), in
    document order; into ``unsure``, those in cells that may show their text or not, each with why
    (:func:`_placed_elsewhere`, :func:`_set_tiny`). (One walk that asks each element for its
    attributes' names: an XPath with ``translate()`` over every element took 15 ms on a 170 KB page.)"""
    found = []
    for el in root.iter():
        if el.tag == "del":
            found.append(el)
            continue
        rare = _rare_style(el)
        if (_hidden(el) or _invisible(el) or (rare and _off_screen(el))) and next(
            el.iterancestors("td", "th"), None
        ) is not None:
            found.append(el)
        elif rare and unsure is not None:
            why = _OUT_OF_LINE if _placed_elsewhere(el) else _TINY if _set_tiny(el) else None
            if why is not None and next(el.iterancestors("td", "th"), None) is not None:
                unsure.append((el, why))
    return found


#: What a style that may set text off the page, out of its line or tiny says (lower case: one search
#: in C an element, where a case-blind one is ten times slower).
_RARE_STYLE = re.compile(
    r"position|indent|clip|overflow|transform|content-visibility|margin|size\s*:\s*(?:\.|0|[1-4][.\s]*[pr%e])"
)


def _rare_style(el: etree._Element) -> bool:
    """Whether an element's style may say what :func:`_off_screen`, :func:`_placed_elsewhere` or
    :func:`_set_tiny` look for (most elements' styles: fonts and borders)."""
    style = el.get("style")
    if not style:
        return False
    return _RARE_STYLE.search(_lower(style)) is not None


def _lower(style: str) -> str:
    """A style in lower case (most are already: told in C, not copied)."""
    return style if style.islower() else style.lower()


#: A style that leaves an element's text in its place but shows none of it: ``visibility:hidden``,
#: ``font-size:0`` (``0px``, ``0pt``…; an anti-copy watermark's digits set in among a number's),
#: ``opacity:0``, ``color:transparent`` (a text's color: ``background-color:transparent`` hides nothing).
_INVISIBLE = re.compile(
    r"(?:^|;)(?:visibility:hidden|font-size:(?:0+\.?0*|\.0+)(?:px|pt|em|rem|%)?|opacity:(?:0+\.?0*|\.0+)%?"
    r"|color:transparent)"
    r"(?:;|!|$)"
)


def _invisible(el: etree._Element) -> bool:
    """Whether an element inside a cell is styled to show none of its text (:data:`_INVISIBLE`);
    the cell itself, which keeps its column, is not left out."""
    style = el.get("style")
    if not style or el.tag in ("td", "th", "tr"):
        return False
    style = _squeezed(style)
    return (
        ("hidden" in style or "size:0" in style or "opacity:" in style or "transparent" in style)
        and _INVISIBLE.search(style) is not None
    ) or _faint(style)


#: An opacity, a colour with its alpha last, a font size, in a style whose white space is left out.
_OPACITY = re.compile(r"(?:^|;)opacity:(\d*\.?\d+)(%?)")
_CLEAR_COLOUR = re.compile(r"(?:^|;)color:(?:rgba?|hsla?)\((?:(?:[^),/]*,){3}|[^)/]*/)0*\.?0*%?\)")
_FONT_SIZE = re.compile(r"(?:^|;)font-size:(\d*\.?\d+)(px|pt|r?em|%)")
_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "%": 0.16}
#: Below what opacity, and what font size in pixels, text shows nothing a sighted reader can read;
#: below what size it may show a speck or a digit (:func:`_set_tiny`).
_FAINTEST = 0.05
_SMALLEST_PX = 1.0
_LEGIBLE_PX = 5.0


def _font_px(style: str) -> float | None:
    """The font size under 5 pixels a style (white space left out) sets, in pixels (an ``em`` as 16 of
    them); None for none or a larger one, told by its first digits where it can be (nearly every
    style's: ``font-size:10.5pt``)."""
    at = style.find("size:")
    if at < 0:
        return None
    first, second = style[at + 5 : at + 6], style[at + 6 : at + 7]
    if first not in _SMALL_START or (first not in "0." and second.isdigit()):
        return None
    m = _FONT_SIZE.search(style)
    return float(m[1]) * _PX[m[2]] if m is not None else None


_SMALL_START = frozenset("01234.")


def _faint(style: str) -> bool:
    """Whether a style (white space left out) shows its text too faint or small to read: an opacity
    under 5% (``opacity:0.01``), a colour with no alpha (``rgba(0,0,0,0)``), a font under a pixel
    (``font-size:0.1px``)."""
    if "opacity:" in style:
        m = _OPACITY.search(style)
        if m is not None and float(m[1]) / (100 if m[2] else 1) < _FAINTEST:
            return True
    if "(" in style and _CLEAR_COLOUR.search(style) is not None:
        return True
    size = _font_px(style)
    return size is not None and size < _SMALLEST_PX


def _set_tiny(el: etree._Element) -> bool:
    """Whether an element inside a cell, with text, is set in a font of 1 to 5 pixels: a speck beside
    the cell's digits, or a digit to read closely; which a sighted reader reads, the page does not say."""
    style = el.get("style")
    if not style or el.tag in ("td", "th", "tr") or _MAY_BE_TINY.search(_lower(style)) is None:
        return False
    size = _font_px(_squeezed(style))
    return size is not None and _SMALLEST_PX <= size < _LEGIBLE_PX


#: A font size that may be under 5 pixels, as a style writes it (one search in C an element).
_MAY_BE_TINY = re.compile(r"size\s*:\s*(?:\.|0|[1-4](?:\.\d*)?\s*[pr%e])")


#: Offsets so far left or up that text set there is off the page (``left:-9999px``, ``-999em``,
#: ``-100%``): how far, in each unit.
_FAR_BACK = {"": 999.0, "px": 999.0, "pt": 750.0, "em": 60.0, "rem": 60.0, "%": 100.0}
_NEGATIVE_LENGTH = re.compile(r"-\s*(\d*\.?\d+)\s*(px|pt|r?em|%|)")
_RECT_SIDE = re.compile(r"-?\d*\.?\d+(?:px|pt|r?em)?|auto")
_OUT_OF_FLOW = ("absolute", "fixed")
_NO_SIZE = ("0", "0px", "1px")


def _declarations(style: str) -> dict[str, str]:
    """A style's declarations (``left: -9999px !important``) as {name: value}, lower case, trimmed."""
    out = {}
    for part in style.lower().split(";"):
        name, colon, value = part.partition(":")
        if colon:
            out[name.strip()] = value.replace("!important", "").strip()
    return out


def _far_back(value: str | None) -> bool:
    """Whether a length sets text off the page to the left or above (:data:`_FAR_BACK`)."""
    m = _NEGATIVE_LENGTH.fullmatch(value) if value else None
    return m is not None and float(m[1]) >= _FAR_BACK[m[2]]


def _nothing_shown(style: dict[str, str]) -> bool:
    """Whether a style clips its element to nothing (``clip:rect(0 0 0 0)``, ``rect(1px,1px,1px,1px)``,
    ``clip-path:inset(50%)``) or sizes it to a pixel at most with its overflow hidden
    (``width:0;height:0;overflow:hidden``), as screen-reader-only text is styled."""
    clip = style.get("clip", "")
    if clip.startswith("rect("):
        sides = _RECT_SIDE.findall(clip[5:])
        if len(sides) != 4:
            return clip[5:].rstrip(")").strip(" ,0px") == ""  # (rect(0000), white space left out)
        top, right, bottom, left = (None if x == "auto" else float(x.rstrip("ptxrem") or 0) for x in sides)
        if (top is not None and bottom is not None and bottom <= top) or (
            left is not None and right is not None and right <= left
        ):
            return True
    if style.get("clip-path", "").replace(" ", "") in ("inset(50%)", "inset(100%)"):
        return True
    if style.get("overflow", style.get("overflow-x", "")) == "hidden":
        return any(style.get(side, "").replace(" ", "") in _NO_SIZE for side in _SIDES)
    return "scale(0)" in style.get("transform", "") or style.get("content-visibility") == "hidden"


_SIDES = ("width", "height", "max-width", "max-height")


def _off_screen(el: etree._Element) -> bool:
    """Whether an element inside a cell is styled so that a sighted reader sees none of its text: set
    far off the page (``position:absolute;left:-9999px``, a block's ``text-indent:-9999px``), clipped
    to nothing or in a box of no size (:func:`_nothing_shown`): ``4<span style="position:absolute;
    left:-9999px">7</span>1`` shows 41."""
    raw = el.get("style")
    if not raw or el.tag in ("td", "th", "tr") or _OFF_SCREEN_WORDS.search(_lower(raw)) is None:
        return False
    style = _declarations(raw)
    return _sets_off_screen(style, _block_level(el, style))


#: What a style that sets text off the page or shows none of its box says (:func:`_sets_off_screen`).
_OFF_SCREEN_WORDS = re.compile("position|indent|clip|overflow|transform|content-visibility")


def _sets_off_screen(style: dict[str, str], block: bool = False) -> bool:
    """Whether a style (:func:`_declarations`) sets its element's text off the page or clips it to
    nothing (:func:`_off_screen`); ``block``: the element is a block by its tag."""
    position = style.get("position", "static")
    if (position in _OUT_OF_FLOW or position == "relative") and any(
        _far_back(style.get(side)) for side in ("left", "top")
    ):
        return True
    boxed = position in _OUT_OF_FLOW or block or style.get("display") in ("block", "inline-block")
    return boxed and (_far_back(style.get("text-indent")) or _nothing_shown(style))


_OUT_OF_LINE_WORDS = re.compile("position|margin")


def _placed_elsewhere(el: etree._Element) -> bool:
    """Whether an element inside a cell, with text, is styled out of its line where the page does not
    say it is off it (``position:absolute`` with no offset far back, a margin far back pulling the text
    after it along): a browser draws its text over the cell's, or off the page; which, the markup
    alone does not tell."""
    raw = el.get("style")
    if not raw or el.tag in ("td", "th", "tr") or _OUT_OF_LINE_WORDS.search(_lower(raw)) is None:
        return False
    if _off_screen(el):
        return False
    style = _declarations(raw)
    return style.get("position") in _OUT_OF_FLOW or any(
        _far_back(style.get(side)) for side in ("margin-left", "margin-top", "left", "top")
    )


def _block_level(el: etree._Element, style: dict[str, str]) -> bool:
    """Whether an element is a block (its tag's or its style's display), one whose box keeps its lines."""
    display = style.get("display")
    if display:
        return _SET_APART.search("display:" + display.replace(" ", "")) is not None
    return el.tag in _BLOCK


def _block_in_flow(el: etree._Element) -> bool:
    """Whether an element is a block in its text's flow (not positioned out of it)."""
    style = _declarations(el.get("style", ""))
    return style.get("position") not in _OUT_OF_FLOW and _block_level(el, style)


def _hidden(el: etree._Element) -> bool:
    """Whether an element is ``hidden`` or styled ``display:none`` (its attributes' names asked
    first: most elements have neither)."""
    names = el.keys()
    if not names or ("hidden" not in names and "style" not in names):
        return False
    return "hidden" in names or "display:none" in _squeezed(el.get("style", ""))


#: A style that sets an element apart on lines of its own (``display:block``, ``flex``, ``grid``,
#: ``list-item``, ``table``; not ``inline-block``), letters lowered and white space left out.
_SET_APART = re.compile(r"(?:^|;)display:(?:block|flex|grid|list-item|table)(?:;|!|$)")
#: The inline elements such a style makes a block of as a ``<div>`` is (not a link, whose address
#: tells a document linked, nor ``<sup>``/``<sub>``, a footnote mark).
_INLINE_TEXT = frozenset(
    [
        "span",
        "font",
        "b",
        "strong",
        "em",
        "i",
        "u",
        "label",
        "small",
        "big",
        "mark",
        "ins",
        "code",
        "tt",
        "nobr",
    ]
)
#: (Elements in cells found from the elements, each asked for a cell above it: libxml2 merges the
#: node sets of ``(//td | //th)//*`` cell by cell, which took 5.9 s on a page of 20,000 cells.)
_STYLED_IN_CELLS = etree.XPath("//*[@style][ancestor::td or ancestor::th]")
_STYLED_OR_CLASSED_IN_CELLS = etree.XPath("//*[@style or @class or @id][ancestor::td or ancestor::th]")
_TABLE_PARTS_STYLED = etree.XPath(
    "//*[self::tbody or self::thead or self::tfoot or self::tr or self::td or self::th]"
    "[@class or @id or @hidden or @style]"
)


def _hide_table_parts(root: etree._Element, classes: set[str]) -> bool:
    """Mark ``hidden`` the rows and cells the page does not show where their own markup does not say
    so: those of a class or id its style sheets hide (``<td class="h">99</td>`` under
    ``.h{display:none}``), not styled themselves, and the rows of a hidden ``<tbody>``, ``<thead>`` or
    ``<tfoot>`` (a stale copy of a table's rows): a table's rows then pass them by as they do a
    ``hidden`` or ``display:none`` row or cell (before, a hidden cell moved the row's values a column,
    or a hidden body's rows were each a duplicate). A row styled to show none of its text
    (``visibility:hidden``, ``collapse``: :func:`_invisible_part`) is passed by too; a cell so styled
    keeps its column, blank, as the page shows it (before, its number was read). Whether any was
    marked."""
    marked = False
    for el in _TABLE_PARTS_STYLED(root):
        by_class = bool(classes) and not el.get("style") and not classes.isdisjoint(_names_of(el))
        if el.tag in ("tbody", "thead", "tfoot"):
            if by_class or _hidden(el) or _invisible_part(el):
                for tr in el.iter("tr"):
                    tr.set("hidden", "")
                marked = True
        elif by_class or (el.tag == "tr" and _invisible_part(el)):
            el.set("hidden", "")
            marked = True
        elif el.tag != "tr" and _invisible_part(el):
            for child in list(el):
                el.remove(child)
            el.text = None
    return marked


def _invisible_part(el: etree._Element) -> bool:
    """Whether a table's body, row or cell is styled to show none of its text (:data:`_INVISIBLE`,
    ``visibility:collapse``)."""
    style = el.get("style")
    if not style:
        return False
    style = _squeezed(style)
    return _INVISIBLE.search(style) is not None or _COLLAPSED.search(style) is not None


_COLLAPSED = re.compile(r"(?:^|;)visibility:collapse(?:;|!|$)")


_PREFORMATTED_IN_CELLS = etree.XPath("//*[self::pre or self::PRE or @style][ancestor::td or ancestor::th]")
_KEEPS_LINES = re.compile(r"(?:^|;)white-space:(?:pre|pre-wrap|pre-line|break-spaces)(?:;|!|$)")


def _may_keep_lines(text: str) -> bool:
    """Whether the page's markup may hold text whose line breaks it shows (a ``<pre>``, a
    ``white-space:pre`` style; most pages' ``white-space:nowrap`` keeps none): a few searches in C."""
    if "<pre" in text or "<PRE" in text:
        return True
    return any(
        _squeezed(text[at + 6 : at + 20]).startswith((":pre", ":break"))
        for at in _places(text, "-space", "-Space", "-SPACE")
    )


def _break_preformatted(root: etree._Element) -> None:
    """Make each line break in a cell's preformatted text (``<pre>4\n1</pre>``, a ``white-space:pre``,
    ``pre-wrap`` or ``pre-line`` style: the page shows 4 and 1 on two lines) a ``<br>``, read as
    ``4<br>1`` is (no number), not as 41."""
    for el in _PREFORMATTED_IN_CELLS(root):
        if el.tag.lower() == "pre" or _KEEPS_LINES.search(_squeezed(el.get("style", ""))):
            _newlines_as_breaks(el)


def _newlines_as_breaks(el: etree._Element) -> None:
    """Put a ``<br>`` for each line break in the text inside ``el`` (its descendants' too)."""
    nodes = list(el.iter())
    for node in nodes:
        if node.text and "\n" in node.text:
            first, *rest = node.text.split("\n")
            node.text = first
            for at, line in enumerate(rest):
                br = etree.Element("br")
                br.tail = line
                node.insert(at, br)
        if node is not el and node.tail and "\n" in node.tail:
            first, *rest = node.tail.split("\n")
            node.tail = first
            after = node
            for line in rest:
                br = etree.Element("br")
                br.tail = line
                after.addnext(br)
                after = br


def _may_set_apart(text: str) -> bool:
    """Whether the page's markup may style an element a block (:data:`_SET_APART`) inside a tag: most
    pages name ``display`` only in their style sheets, or none. A few searches in C."""
    blocks = (":b", ":f", ":g", ":l", ":t", ":&")  # block, flex, grid, list-item, table; an entity
    return any(
        _squeezed(text[at + 6 : at + 24]).startswith(blocks) and _in_a_tag(text, at)
        for at in _places(text, "isplay", "ISPLAY")
    )


def _set_apart_blocks(root: etree._Element, classes: set[str]) -> None:
    """Make each inline element in a table's cells styled a block (``4<span style="display:block">1
    </span>``: the page shows 4 and 1 on two lines), or of a class or id the page's style sheets set
    a block (:func:`_classes_set_apart`) and not styled itself, a ``<div>``, whose lines a cell's
    are: read as ``4<br>1`` is (no number), not as 41."""
    for el in _STYLED_OR_CLASSED_IN_CELLS(root) if classes else _STYLED_IN_CELLS(root):
        if el.tag not in _INLINE_TEXT:
            continue
        style = el.get("style")
        if _SET_APART.search(_squeezed(style)) if style else not classes.isdisjoint(_names_of(el)):
            el.tag = "div"


def _classes_set_apart(root: etree._Element) -> set[str]:
    """The classes and ids (as :func:`_names_of` writes them) the page's style sheets set a block
    everywhere (``.bl{display:block}``, :data:`_SET_APART`): a rule whose selector is one class or id,
    where no other rule names it with a display (a script's toggle), outside ``@media`` rules. Only
    sheets that say ``display`` are read."""
    apart: set[str] = set()
    shown: set[str] = set()
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if "display" not in css:
            continue  # (most sheets)
        _sort_names(css, _names_display, _sets_apart, apart, shown)
    return apart - shown


def _drop_unshown(root: etree._Element, findings: list[Finding]) -> None:
    """Take out what the page does not show, keeping the text after each such element; an element
    set off the page whose box keeps its lines (a ``<div>`` whose text is indented off it: 4, a blank
    line, 1) is left blank. The text of an element in a cell drawn out of its line, where the page
    does not say (:func:`_placed_elsewhere`), is marked ``⟦7⟧``: no number (NA), with a finding."""
    unsure: list[tuple[etree._Element, str]] = []
    for el in _unshown(root, unsure):
        if _off_screen(el) and _block_in_flow(el):
            _blank(el)
        else:
            _take_out(el)
    for el, why in unsure:
        if [*el.iterancestors()][-1:] == [root]:  # (not taken out, nor inside what was)
            _mark_unsure(el, findings, why)


_OUT_OF_LINE = "styled out of its line: drawn over the text around it or off the page"
_TINY = "set in a font of a few pixels: a speck or a digit to read closely"


def _blank(el: etree._Element) -> None:
    """Leave an element with no text, its tail kept."""
    for child in list(el):
        el.remove(child)
    el.text = None


def _mark_unsure(el: etree._Element, findings: list[Finding], why: str) -> None:
    """Write an element's text between ``⟦ ⟧`` (the cell no number: NA), with a finding saying
    ``why`` the page may not show it."""
    text = clean_text(_text_of(el))
    if not text:
        return
    _blank(el)
    el.text = f"⟦{text}⟧"
    style = clean_text(el.get("style") or f"color={el.get('color', '')}")[:60]
    findings.append(
        Finding(
            "hidden_text_unsure",
            f"a cell holds text ('{text[:20]}', '{style}') {why}: the page does not say which; "
            "the cell was not read",
            found=text[:40],
        )
    )


Rgb = tuple[int, int, int]
#: The backgrounds a page's style sheets may give elements: by the tag, class or id (``.x``, ``#x``)
#: their rules' subjects name (``*``: any element), each colour (None: an image, one not read).
Backgrounds = dict[str, set[Rgb | None]]
#: Colours a page may write, as (red, green, blue): the named ones a text may be set in to hide it.
_NAMED_COLOURS = {
    "white": (255, 255, 255), "snow": (255, 250, 250), "ivory": (255, 255, 240), "black": (0, 0, 0),
    "red": (255, 0, 0), "blue": (0, 0, 255), "green": (0, 128, 0), "gray": (128, 128, 128),
    "grey": (128, 128, 128), "silver": (192, 192, 192), "windowtext": (0, 0, 0), "window": (255, 255, 255),
}  # fmt: skip
_RGB = re.compile(r"rgba?\((\d{1,3}),(\d{1,3}),(\d{1,3})(?:,(1|1\.0*|0?\.\d+|0))?\)")
_WHITE = (255, 255, 255)
#: How far apart in each of red, green and blue a text's colour and its background may be for the
#: text not to show (``#fefefe`` on white).
_NEAR = 12
_INHERITS = frozenset(["", "transparent", "none", "inherit", "initial", "unset", "currentcolor"])


def _colour(value: str) -> Rgb | None:
    """A colour as (red, green, blue) (``#fff``, ``#FFFFFF``, ``rgb(255, 255, 255)``, ``white``); None for
    any other (a translucent ``rgba``, a system colour, an image)."""
    value = "".join(value.split()).lower()
    if value.startswith("#") and len(value) in (4, 7):
        digits = value[1:] if len(value) == 7 else "".join(c * 2 for c in value[1:])
        try:
            return int(digits[:2], 16), int(digits[2:4], 16), int(digits[4:], 16)
        except ValueError:
            return None
    m = _RGB.fullmatch(value)
    if m is not None:
        if m[4] is not None and float(m[4]) < 1:
            return None
        return int(m[1]), int(m[2]), int(m[3])
    return _NAMED_COLOURS.get(value)


def _background_colour(value: str) -> Rgb | None:
    """The colour of a ``background`` (``#fff``, ``none repeat scroll 0 0 #FFF``); None for an image."""
    if "url(" in value:
        return None
    return _colour(value) or next(filter(None, map(_colour, value.split())), None)


def _near(one: Rgb, other: Rgb) -> bool:
    return all(abs(a - b) <= _NEAR for a, b in zip(one, other, strict=True))


def _text_colour(el: etree._Element) -> Rgb | None:
    """The colour an element's own markup sets its text in (its style's ``color``, a ``<font color>``)."""
    style = el.get("style")
    value = _declarations(style).get("color") if style else None
    if value is None and el.tag == "font":
        value = el.get("color")
    return _colour(value) if value else None


def _backgrounds(el: etree._Element, sheets: Backgrounds) -> set[Rgb | None]:
    """The colours the text of ``el`` may stand on (None: one not known, an image): the nearest
    background its and its ancestors' markup sets (a style's ``background-color`` or ``background``, a
    ``bgcolor``), else white (a page's); with those the page's style sheets may give it or an ancestor
    nearer (``sheets``)."""
    found: set[Rgb | None] = set()
    for node in (el, *el.iterancestors()):
        style = node.get("style")
        declared = _declarations(style) if style else {}
        value = declared.get("background-color", declared.get("background", "")).strip()
        value = value or (node.get("bgcolor") or "").strip()
        if value.lower() not in _INHERITS:
            found.add(_background_colour(value))
            return found
        if sheets:
            for key in (node.tag, *_names_of(node), "*"):
                found.update(sheets.get(key, ()))
    found.add(_WHITE)
    return found


def _sheet_backgrounds(root: etree._Element) -> Backgrounds:
    """The backgrounds the page's style sheets may give elements (:data:`Backgrounds`): each rule's,
    by the tag, classes and id of its selectors' subjects (``.hd td{background:#036}``: td's)."""
    found: Backgrounds = {}
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if "background" not in css:
            continue
        for selectors, declarations in _css_rules(css):
            declared = _declarations(declarations)
            value = declared.get("background-color", declared.get("background", "")).strip()
            if value in _INHERITS:
                continue
            colour = _background_colour(value)
            for selector in selectors.split(","):
                subject = _NOT_NAMES.sub("", _COMBINATOR.split(selector.strip())[-1])
                m = _COMPOUND.fullmatch(subject)
                for key in (m[1] or "*") if m is not None else "*", *_NAMED.findall(subject):
                    found.setdefault(key, set()).add(colour)
    return found


_COLOURED = etree.XPath("//*[@color or contains(@style, 'olor') or contains(@style, 'OLOR')]")
#: What a colour near white is written with (:func:`_colour`).
_MAY_BE_WHITE = re.compile("#f|rgb|white|snow|ivory|window")


def _drop_unseen_colours(root: etree._Element, findings: list[Finding], classes: dict[str, Rgb]) -> None:
    """Take out the text in a table's cells set nearly white on what it stands on, of that colour (a
    watermark's white digit among a number's: ``4<span style="color:#fff">7</span>1`` on a white page
    shows 41, or ``<span class="wm">`` of a class the page's style sheets set white: ``classes``,
    :func:`_white_classes`): its background, where the markup says it (:func:`_backgrounds`), or white.
    Where the page's style sheets may give it another background, or an image does, the text is
    marked unsure (NA, with a finding): on a dark cell it shows."""
    sheets: Backgrounds | None = None
    candidates = _COLOURED(root)
    if classes:
        candidates += [el for el in _NAMED_ELEMENTS(root) if not classes.keys().isdisjoint(_names_of(el))]
    for el in candidates:
        said = el.get("style") or el.get("color") or ""
        if el.getparent() is None or not (classes or _MAY_BE_WHITE.search(_lower(said))):
            continue  # (most: black, red, a border's colour)
        colour = _text_colour(el)
        if colour is None and classes:
            colour = next((classes[name] for name in _names_of(el) if name in classes), None)
        if colour is None or not _near(colour, _WHITE) or not _text_of(el).strip():
            continue
        if next(el.iterancestors("td", "th"), None) is None:
            continue
        if sheets is None:
            sheets = _sheet_backgrounds(root)
        backgrounds = _backgrounds(el, sheets)
        if all(bg is not None and _near(colour, bg) for bg in backgrounds):
            _take_out(el)
        elif not all(bg is not None and not _near(colour, bg) for bg in backgrounds):
            _mark_unsure(
                el, findings, "set in white, on a background the page's style sheets may set otherwise"
            )


def _white_classes(root: etree._Element) -> dict[str, Rgb]:
    """The classes and ids the page's style sheets set in a colour near white, by a rule whose selector
    is that one class or id (``.wm{color:#fff}``), each with its colour."""
    found: dict[str, Rgb] = {}
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if "color" not in css or not any(white in css for white in ("#f", "white", "rgb")):
            continue
        for selectors, declarations in _css_rules(css):
            value = _declarations(declarations).get("color")
            colour = _colour(value) if value else None
            if colour is None or not _near(colour, _WHITE):
                continue
            for selector in selectors.split(","):
                simple = _NAME_SELECTOR.fullmatch(selector.strip())
                if simple is not None:
                    found[simple.group(1)] = colour
    return found


def _may_hide_by_colour(text: str) -> bool:
    """Whether the page's markup may set some text white (:func:`_drop_unseen_colours`) inside a tag:
    a few searches in C."""
    return any(_in_a_tag(text, at) for at in _places(text, *_WHITES))


_WHITES = ("#fff", "#FFF", "white", "(25")


_STRUCK = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.I)
_TABLE_PARTS = frozenset(["table", "tbody", "thead", "tfoot", "tr"])


def _drop_struck(root: etree._Element) -> None:
    """Take out the text styled struck out (``<span style="text-decoration:line-through">7</span>41``:
    a strikethrough as UEditor and CKEditor write it, a number corrected beside it), as ``<s>`` is:
    no part of what the page states. A cell so styled is blank; a row or table, read as it is."""
    for el in list(root.iter()):
        style = el.get("style") if el.tag.__class__ is str else None
        if not style or "line-through" not in style or _STRUCK.search(style) is None:
            continue
        if el.tag in ("td", "th"):
            for child in list(el):
                el.remove(child)
            el.text = None
        elif el.tag not in _TABLE_PARTS:
            _take_out(el)


def _take_out(el: etree._Element) -> None:
    """Remove an element from the tree, keeping the text after it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        before = el.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_BRACE = re.compile(r"([{}])")
_CLASS_SELECTOR = re.compile(r"[a-z0-9]*\.([\w-]+)")
#: A selector naming one class or id (``.jammer``, ``font.jammer``, ``#print``), and the classes and
#: ids a selector names, as :func:`_names_of` writes them.
_NAME_SELECTOR = re.compile(r"[a-z0-9]*([.#][\w-]+)")
_NAMED = re.compile(r"[.#][\w-]+")
_SHOWS = re.compile(r"(?:^|;)(?:(?:display|visibility|font-size|opacity):|color:transparent)")


def _css_rules(css: str) -> list[tuple[str, str]]:
    """A style sheet's rules (its text in lower case) as (selectors, declarations), comments out; the rules
    inside ``@media`` and other at-rules left out (they hold on some screens only), but those of an
    ``@media`` for every screen (``@media screen``, ``all``, ``screen, print``: no condition)."""
    rules = []
    depth = 0
    at_rule = every_screen = False
    selector = inner = ""
    for token in _CSS_BRACE.split(_CSS_COMMENT.sub("", css)):
        if token == "{":
            depth += 1
            if depth == 1:
                at_rule = selector.lstrip().startswith("@")
                every_screen = at_rule and _EVERY_SCREEN.fullmatch(selector.strip()) is not None
        elif token == "}":
            depth = max(depth - 1, 0)
            selector = ""
        elif depth == 0:
            selector = token.rsplit(";", 1)[-1]  # (after an @import …;)
        elif depth == 1 and not at_rule:
            rules.append((selector, token))
        elif every_screen and depth == 1:
            inner = token
        elif every_screen and depth == 2:
            rules.append((inner, token))
    return rules


_EVERY_SCREEN = re.compile(r"@media\s+(?:only\s+)?(?:screen|all)(?:\s*,\s*(?:only\s+)?[a-z]+)*")


def _classes_hidden(root: etree._Element) -> set[str]:
    """The classes (``.jammer``) and ids (``#print``) the page's style sheets hide everywhere: a rule
    whose selector is one class or id (``.jammer``, ``font.jammer``, ``#print``) and whose style shows
    none of the text (``display:none``, :data:`_INVISIBLE`), where no other rule names the class or id
    with a display, visibility, font size or opacity (a script's toggle, ``.tab.on .x{display:block}``),
    nor an ``@media`` rule (some screens)."""
    hidden: set[str] = set()
    shown: set[str] = set()
    for css in _hiding_sheets(root):
        _sort_names(css, _names_showing, _hides, hidden, shown)
    return hidden - shown


def _hiding_sheets(root: etree._Element) -> list[str]:
    """The page's style sheets (lower case) that may hide some text: most hide nothing."""
    sheets = []
    for style in root.iter("style"):
        css = (style.text or "").lower()
        if (
            ("isplay" in css and "none" in css)
            or ("isibility" in css and "hidden" in css)
            or "size:0" in (squeezed := "".join(css.split()))
            or "opacity:0" in squeezed
            or "opacity:." in squeezed
            or ":transparent" in squeezed
            or "clip" in squeezed  # (screen-reader-only text: .sr-only{position:absolute;clip:rect(0,0,0,0)})
            or ":-999" in squeezed
            or "height:0" in squeezed
        ):
            sheets.append(css)
    return sheets


_COMPOUND = re.compile(
    r"(\*|[a-z][a-z0-9]*)?((?:[.#][\w-]+)*)((?:\[[\w-]+(?:=(?:\"[^\"\s]*\"|'[^'\s]*'|[\w-]+))?\])*)"
)
_ATTRIBUTE = re.compile(r"\[([\w-]+)(?:=[\"']?([^\"'\]]*)[\"']?)?\]")
_COMBINATOR = re.compile(r"(\s*>\s*|\s+)")
_NOT_NAMES = re.compile(r"::?[\w-]+(?:\([^)]*\))?|\[[^\]]*\]")  # pseudo-classes, attributes
#: A selector's compounds, subject first: (how it stands to the next, " " or ">"; its tag, None for any;
#: its classes and ids, as :func:`_names_of` writes them; the attributes it has, each with the value
#: it is, None for any).
Steps = list[tuple[str, str | None, frozenset[str], tuple[tuple[str, str | None], ...]]]


def _hides_element(el: etree._Element, style: str) -> bool:
    """Whether a rule's style (white space left out) shows none of an element's text: it hides it
    (:func:`_hides`), or sets it off the page or in a box of no size (``height:0;overflow:hidden``)
    as the element's display has its box (:func:`_sets_off_screen`)."""
    if "display:none" in style or _INVISIBLE.search(style) is not None or _faint(style):
        return True
    declared = _declarations(style)
    return _sets_off_screen(declared, _block_level(el, declared))


def _selector_steps(selector: str) -> Steps | None:
    """A selector of tags, classes, ids and attributes (present, or of a value: ``[data-v=old]``) apart by
    descendant or child combinators (``#old .x``, ``.print-version > table``, ``div.m``) as its
    compounds, subject first; None for any other (pseudo-classes, other attribute tests, siblings:
    not read)."""
    parts = _COMBINATOR.split(selector.strip())
    steps: Steps = []
    for k in range(len(parts) - 1, -1, -2):
        m = _COMPOUND.fullmatch(parts[k])
        if not parts[k] or m is None:
            return None
        link = (">" if ">" in parts[k - 1] else " ") if k else ""
        tag = None if m[1] in (None, "*") else m[1]
        attributes = tuple((a[1], a[2] if "=" in a.group() else None) for a in _ATTRIBUTE.finditer(m[3]))
        steps.append((link, tag, frozenset(_NAMED.findall(m[2])), attributes))
    return steps


def _matches(el: etree._Element, steps: Steps, at: int = 0, memo: dict | None = None) -> bool:
    """Whether ``el`` is the subject of a selector's ``steps`` (from step ``at``). What is learnt of an
    element goes into ``memo`` (one per selector, shared by the elements asked): each element is
    matched against each step once, and each asked once whether it or an element above it matches a
    step, so a selector of several descendant steps that fails deep in a page costs the page's depth
    times its steps, not every choice of ancestors (``section div div div div div .x`` 80 elements
    deep: minutes)."""
    if memo is None:
        memo = {}
    known = memo.get((el, at))
    if known is not None:
        return known
    link, tag, names, attributes = steps[at]
    found = not (
        (tag is not None and el.tag != tag)
        or (names and not names.issubset(_names_of(el)))
        or (
            attributes
            and not all(
                el.get(name) is not None and (value is None or el.get(name) == value)
                for name, value in attributes
            )
        )
    )
    if found and at + 1 < len(steps):
        parent = el.getparent()
        if link == ">":
            found = parent is not None and _matches(parent, steps, at + 1, memo)
        else:
            found = parent is not None and _self_or_above_matches(parent, steps, at + 1, memo)
    memo[(el, at)] = found
    return found


def _self_or_above_matches(el: etree._Element, steps: Steps, at: int, memo: dict) -> bool:
    """Whether ``el`` or an element above it matches a selector's ``steps`` from step ``at``: a walk up
    to the first that does, or to one already asked (its answer in ``memo`` under ``-1 - at``)."""
    walked = []
    found = False
    node: etree._Element | None = el
    while node is not None:
        known = memo.get((node, -1 - at))
        if known is not None:
            found = known
            break
        walked.append(node)
        if _matches(node, steps, at, memo):
            found = True
            break
        node = node.getparent()
    for node in walked:
        memo[(node, -1 - at)] = found
    return found


def _hide_selected(root: etree._Element) -> bool:
    """Mark ``hidden`` what a rule of the page's style sheets hides (:func:`_hides`) whose selector
    is more than one class or id (those: :func:`_classes_hidden`): a descendant's or a child's
    (``.print-version table{display:none}``, ``#old .x``), a compound's (``div.m.old``), a tag's; a cell
    the rule leaves in place (``visibility:hidden``) blank in its column. Not where a rule that shows
    (a display or visibility not hiding) has a subject the element is, whatever its context or state
    (``.tab .pane.on{display:block}``, ``.open .x:hover``: a script's toggle). Whether any was marked."""
    hiding: list[tuple[Steps, str]] = []
    showing: list[Steps] = []
    for css in _hiding_sheets(root):
        for selectors, declarations in _css_rules(css):
            style = "".join(declarations.split())
            if not _names_showing(style) and "height:0" not in style:
                continue
            hides = _hides(style) or "overflow:hidden" in style
            for selector in map(str.strip, selectors.split(",")):
                if not hides:
                    subject = _selector_steps(_NOT_NAMES.sub("", _COMBINATOR.split(selector)[-1]))
                    if subject is not None:
                        showing.append(subject)
                elif _NAME_SELECTOR.fullmatch(selector) is None:
                    steps = _selector_steps(selector)
                    if steps is not None and (steps[0][1] is not None or steps[0][2] or steps[0][3]):
                        hiding.append((steps, style))  # (not ``*``, ``.print *``: a page's whole)
    marked = False
    by_name = _elements_by_name(root) if hiding else {}
    shown = [(subject, {}) for subject in showing]  # (each with what is learnt matching it)
    for steps, style in hiding:
        _, tag, names, _ = steps[0]
        learnt: dict = {}
        for el in min((by_name.get(n, ()) for n in names), key=len) if names else root.iter(tag or None):
            if el.tag.__class__ is not str or not _matches(el, steps, 0, learnt):
                continue
            if any(_matches(el, subject, 0, memo) for subject, memo in shown):
                continue
            if not _hides_element(el, style):
                continue
            if el.tag in ("td", "th") and "display:none" not in style:
                _blank(el)  # (a cell left in place: its column kept)
            else:
                el.set("hidden", "")
            marked = True
    return marked


def _elements_by_name(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The page's elements by each class and id they have (as :func:`_names_of` writes them): a rule's
    subject is looked for among those of its rarest name, not among all the page's named elements
    for each rule (5,000 rules on 5,000 elements took 92 s)."""
    by_name: dict[str, list[etree._Element]] = {}
    for el in _NAMED_ELEMENTS(root):
        for name in dict.fromkeys(_names_of(el)):
            by_name.setdefault(name, []).append(el)
    return by_name


def _names_display(style: str) -> bool:
    return "display:" in style


def _sets_apart(style: str) -> bool:
    return _SET_APART.search(style) is not None


def _names_showing(style: str) -> bool:
    return _SHOWS.search(style) is not None or _sets_off_screen_squeezed(style)


def _hides(style: str) -> bool:
    return (
        "display:none" in style
        or _INVISIBLE.search(style) is not None
        or _faint(style)
        or _sets_off_screen_squeezed(style)
    )


def _sets_off_screen_squeezed(style: str) -> bool:
    """:func:`_sets_off_screen` of a style sheet's rule (white space left out), where it names a
    position (screen-reader-only classes: ``.sr-only``, ``.visually-hidden``)."""
    return "position:" in style and _sets_off_screen(_declarations(style))


def _sort_names(
    css: str, concerns: Callable[[str], bool], marks: Callable[[str], bool], marked: set[str], named: set[str]
) -> None:
    """Sort the classes and ids a (lower-cased) sheet's rules name, of the rules whose style (white
    space left out) ``concerns`` the property asked about: into ``marked`` where the rule's selector is
    that one class or id and its style ``marks`` it; else into ``named`` (a script's toggle, a rule
    for some elements only), which the caller takes back out."""
    for selectors, declarations in _css_rules(css):
        style = "".join(declarations.split())
        if not concerns(style):
            continue
        mark = marks(style)
        for selector in selectors.split(","):
            simple = _NAME_SELECTOR.fullmatch(selector.strip())
            if mark and simple:
                marked.add(simple.group(1))
            else:
                named.update(_NAMED.findall(selector))


def _names_of(el: etree._Element) -> list[str]:
    """An element's classes (``.x``) and id (``#x``) as a style sheet's selectors name them."""
    names = ["." + name for name in (el.get("class") or "").lower().split()]
    if el.get("id"):
        names.append("#" + el.get("id", "").strip().lower())
    return names


def _drop_hidden_by_class(root: etree._Element, classes: set[str]) -> None:
    """Take out the elements inside a table's cells of a class the page's style sheets hide
    (:func:`_classes_hidden`: ``<style>.jammer{display:none}</style>`` … ``4<font class="jammer">7
    </font>1``, an anti-copy watermark), unless styled otherwise themselves."""
    for el in _CLASSED_IN_CELLS(root):
        if not classes.isdisjoint(_names_of(el)) and not el.get("style"):
            _take_out(el)


_CLASSED_IN_CELLS = etree.XPath("//*[@class or @id][ancestor::td or ancestor::th]")
_NAMED_ELEMENTS = etree.XPath("//*[@class or @id]")


def _closed(el: etree._Element, child: etree._Element | None) -> bool:
    """Whether ``el`` is a ``<details>`` shown closed (no ``open``) and ``child`` no ``<summary>``:
    a browser shows a closed one's summary only."""
    return el.tag == "details" and el.get("open") is None and (child is None or child.tag != "summary")


def _drop_hidden_twins(root: etree._Element, classes: set[str]) -> None:
    """Take out the tables the page hides (the table or an element around it ``hidden``, styled
    not to show, of a class or id the page's style sheets hide (:func:`_classes_hidden`) or inside a
    closed ``<details>``) whose every label, but one in five, a table it shows holds too (a copy may
    name a row otherwise: 政府规章 for 规章): a stale copy of a table kept
    beside it (last year's numbers, a draft), which would otherwise make every row a duplicate;
    with the hidden element around it that holds no other table (the copy's text too). A page that
    hides all its tables (its article, until a script shows it) keeps them all, as
    does one whose hidden table is no twin of a shown one."""
    tables = _leaf_tables(root)
    if len(tables) < 2:
        return
    hidden = [t for t in tables if any(_unseen(el, classes) for el in (t, *t.iterancestors()))]
    if not hidden or len(hidden) == len(tables):
        return
    shown = [_labels_of(t) for t in tables if t not in hidden]
    twins = set()
    for table in hidden:
        labels = _labels_of(table)
        if len(labels) >= 3 and any(len(labels - other) <= len(labels) // 5 for other in shown):
            twins.add(table)
    for table in twins:
        if table.getparent() is not None:
            _take_out(_hidden_copy(table, twins, classes))


def _unseen(el: etree._Element, classes: set[str]) -> bool:
    """Whether a browser shows none of an element (:func:`_hidden`, :func:`_invisible`, a class or id
    the page's style sheets hide) or of what it holds but its summary (:func:`_closed`)."""
    return (
        _hidden(el)
        or _invisible(el)
        or _off_screen(el)
        or (bool(classes) and not el.get("style") and not classes.isdisjoint(_names_of(el)))
        or _closed(el, None)
    )


def _hidden_copy(table: etree._Element, twins: set[etree._Element], classes: set[str]) -> etree._Element:
    """The outermost hidden element around a hidden twin table whose tables are all twins: a hidden
    copy of the report (a print version, another year's behind a tab), its text taken out with its
    tables (its narrative, read beside the shown one's, told another copy's numbers); else the table."""
    out = table
    for el in table.iterancestors():
        if _unseen(el, classes) and all(t in twins for t in _leaf_tables(el)):
            out = el
    return out


def _labels_of(table: etree._Element) -> set[str]:
    """The texts of a table's cells that are no value."""
    texts = {clean_text(_text_of(cell)) for cell in table.iter("td", "th")}
    return {text for text in texts if text and not is_value_text(text)}


#: The kinds of ``<input>`` a browser shows the ``value`` of as text in a box (no type: text).
_TEXT_INPUTS = frozenset(["", "text", "number"])


def _show_fields(root: etree._Element) -> None:
    """Make the text boxes and drop-down lists in a table's cells text: a form a CMS publishes
    read-only shows each value in an ``<input value="12">``, a ``<textarea>`` or a ``<select>``'s
    option shown (:func:`_option_shown`), which the page's other controls (a search box, buttons) are
    dropped with. One search of the tree (in C) where a page has none."""
    for el in root.iter("input", "textarea", "select"):
        if next(el.iterancestors("td", "th"), None) is None:
            continue
        if el.tag == "input":
            if (el.get("type") or "").strip().lower() not in _TEXT_INPUTS:
                continue
            value = el.get("value") or ""
        elif el.tag == "select":
            shown = _option_shown(el)
            if shown is None:
                continue
            value = shown
        else:
            value = "".join(el.itertext())
        tail = el.tail
        el.clear()  # (its tail too)
        el.tag = "span"
        el.text = value
        el.tail = tail


def _option_shown(select: etree._Element) -> str | None:
    """The text a drop-down list shows: its (last) selected option's, or its first's where none is
    selected (its ``label`` where it has one); None for a list box showing several (``multiple``,
    ``size`` over 1), whose options are all shown, or one with no option."""
    size = (select.get("size") or "").strip()
    if select.get("multiple") is not None or (size.isdigit() and int(size) > 1):
        return None
    options = list(select.iter("option"))
    if not options:
        return None
    chosen = [option for option in options if option.get("selected") is not None]
    option = chosen[-1] if chosen else options[0]
    label = option.get("label")
    return label if label is not None and label.strip() else "".join(option.itertext())


def read_html(text: str) -> Document:
    """Read an HTML page or fragment into blocks (headings, paragraphs, table rows)."""
    findings: list[Finding] = []
    root = _parse_tree(text, findings)
    from .css_tables import css_tables, may_lay_out_tables

    if may_lay_out_tables(text):  # (most pages: no table laid out with CSS)
        css_tables(root)
    hides = _may_hide(text)
    if "<style" in text or "<STYLE" in text:
        hides = _hide_selected(root) or hides
    if hides:  # (most pages: not)
        _drop_unshown(root, findings)
    classes = _classes_hidden(root)
    if classes:  # (most pages: no style sheet hides anything)
        _drop_hidden_by_class(root, classes)
    if hides or classes:
        hides = _hide_table_parts(root, classes) or hides
    if "line-through" in text:  # (most pages: no text struck out by a style)
        _drop_struck(root)
    apart = _classes_set_apart(root) if "<style" in text or "<STYLE" in text else set()
    if apart or _may_set_apart(text):
        _set_apart_blocks(root, apart)
    if _may_keep_lines(text):
        _break_preformatted(root)
    whites = _white_classes(root) if "<style" in text or "<STYLE" in text else {}
    if whites or _may_hide_by_colour(text):
        _drop_unseen_colours(root, findings, whites)
    _drop_cut_cell(text, root, findings)
    _raise_scripts(root, _may_shift(text))
    _raise_note_links(root)
    _show_fields(root)
    scripts = sum(1 for _ in root.iter("script"))
    links = [
        el.get("href") or el.get("src") or el.get("data") or ""
        for el in root.iter("a", "iframe", "embed", "object")
    ]
    title_el = next(root.iter("title"), None)
    title = clean_text("".join(title_el.itertext())) if title_el is not None else ""
    etree.strip_elements(root, *_DROP, with_tail=False)
    if hides or classes or "<details" in text:
        _drop_hidden_twins(root, classes)
    tables = _leaf_tables(root)
    if not tables:
        drawn = _text_tables(root)  # a page whose tables are text: pipe rows in <p>s, a <pre>
        if drawn is not None:
            blocks = list(drawn.blocks)
            if title and not any(title in b.text or b.text in title for b in blocks[:3] if b.kind != "row"):
                blocks.insert(0, Block("heading", (title,), "title", level=1))
            return Document(tuple(blocks), drawn.source_format, (*findings, *drawn.findings))
    images: list[tuple[int, str]] = []
    located = _walk(root, set(tables), findings, images, hides)
    container = _report_container(located, tables)
    heading = None
    if container is not None:
        within: dict[etree._Element, bool] = {}
        kept = [i for i, (_, el) in enumerate(located) if _within(el, container, within)]
        images = [
            (bisect_left(kept, at), src) for at, src in images if kept and kept[0] <= at <= kept[-1] + 1
        ]
        heading = _title_above(located[: kept[0]] if kept else [], title)
        located = [located[i] for i in kept]
    blocks = [b for b, _ in located]
    if not tables:
        _refuse_empty_shell(blocks, scripts, links)
    if heading is not None:
        blocks.insert(0, heading)
        images = [(at + 1, src) for at, src in images]
    if title and not any(title in b.text or b.text in title for b in blocks[:3] if b.kind != "row"):
        blocks.insert(0, Block("heading", (title,), "title", level=1))
        images = [(at + 1, src) for at, src in images]
    return Document(tuple(blocks), "html", tuple(findings), tuple(images))


#: Lines of a label and its values a page with no ``<table>`` holds for its text to be read as
#: text tables are (the template's smallest table, 二's 第二十条第（五）项, has two such rows).
_SPACED_ROWS = 5
_LABEL_SPACE_VALUE = re.compile(r"[\u4e00-\u9fff）)][ \t\u00a0\u3000]+[\d０-９/—－-]")


def _text_tables(root: etree._Element) -> Document | None:
    """A page with no ``<table>`` whose text draws its tables (pipe rows a ``<p>`` or ``<br>``
    line each, a pipe, grid or box-drawn table in a ``<pre>``, or rows a line each with their cells
    apart by spaces): its text a line a block, read as text is; None for any other page."""
    from .boxes import has_boxes
    from .markup import has_table_markup
    from .read_text import bars_as_pipes, read_text

    text = bars_as_pipes(_broken_text(root))
    rows = sum(1 for line in text.split("\n") if line.count("|") >= 2)
    if rows < 3 and not has_table_markup(text) and not has_boxes(text):
        if len(_LABEL_SPACE_VALUE.findall(text)) < _SPACED_ROWS:
            # a row a block, its cells inline elements with nothing between (<p><span>规章</span>
            # <span>0</span>…): the page's text is a row's label and digits run together
            doc = read_text(text)
            return doc if doc.source_format == "runon" else None
        doc = read_text(text)  # rows a line each, cells apart by spaces (&nbsp;, 　), as typed in Word
        spaced = sum(
            1 for b in doc.blocks if b.kind == "row" and len(b.cells) > 1 and not is_value_text(b.cells[0])
        )
        return doc if doc.source_format == "text" and spaced >= _SPACED_ROWS else None
    doc = read_text(text)
    return doc if any(b.kind == "row" and len(b.cells) > 1 for b in doc.blocks) else None


def table_rows(fragment: str, where: str) -> tuple[list[Block], list[Finding]]:
    """The rows of the tables in an HTML fragment (a ``<table>`` that a Markdown text carries),
    sources named ``{where} row …``; with the findings its spans gave."""
    findings: list[Finding] = []
    root = _parse_tree(fragment, findings)
    hides = _may_hide(fragment)
    if hides:  # as on a page: the text the fragment shows, as it shows it
        _drop_unshown(root, findings)
    if "line-through" in fragment:
        _drop_struck(root)
    if _may_set_apart(fragment):
        _set_apart_blocks(root, set())
    _raise_scripts(root, _may_shift(fragment))
    _raise_note_links(root)
    _show_fields(root)
    etree.strip_elements(root, *_DROP, with_tail=False)
    tables = _leaf_tables(root)
    budget = [SPAN_BUDGET]
    rows: list[Block] = []
    for n, table in enumerate(tables, 1):
        name = where if len(tables) == 1 else f"{where}.{n}"
        rows.extend(_rows(table, findings, name, budget, hides))
    return rows, findings


_DOCUMENT_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd)(?:$|[?#])", re.I)


def _refuse_empty_shell(blocks: list[Block], scripts: int, links: list[str]) -> None:
    chars = sum(len(b.text) for b in blocks)
    if chars >= 150:
        return
    docs = [link for link in links if _DOCUMENT_LINK.search(link)]
    if docs:
        raise LinkOnlyPage(
            f"expected a report page with its text, found a page that only links to {docs[0]!r}; "
            "download that file and pass it (a .docx is read as it is) or, for a PDF or .doc, its text "
            "or HTML"
        )
    if scripts:
        raise JavaScriptShell(
            f"expected a report page with its text, found a page with {chars} characters of text and "
            f"{scripts} scripts that load the content in a browser; save the page after it has "
            "rendered, or fetch the data the scripts load"
        )
