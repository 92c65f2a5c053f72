"""OpenDocument text (.odt, LibreOffice's own format; WPS saves it too): the body as an HTML page.

An .odt is a zip whose ``content.xml`` holds the body in order: paragraphs (``text:p``), headings
(``text:h`` with their outline level), lists and sections around them, and tables (``table:table``),
whose cells span columns and rows (``table:number-columns-spanned``, ``…-rows-spanned``; the cells
they cover are ``table:covered-table-cell``).  They become the page :mod:`read_docx` builds from a
Word file, read by the HTML reader as it reads a saved page.  What the document does not show is
left out: deleted text (kept apart, in ``text:tracked-changes``), comments, notes' text, hidden
text, a table of contents; a raised or lowered run (a footnote mark after a number) is ``<sup>``.
"""

from __future__ import annotations

import io
import zipfile
from html import escape

from lxml import etree

from .errors import ParseError
from .read_docx import _DAMAGED, _MAX_SPAN, _PARSER, _int
from .word_numbers import formatted

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_MIMETYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")
_BODY = "content.xml"
#: What the document does not show as its text: deleted text kept apart, comments, a note's text
#: (its mark stays), hidden text and paragraphs, a table of contents and other indexes.
_UNSHOWN = tuple(
    f"{ns}{tag}"
    for ns, tag in (
        (_TEXT, "tracked-changes"),
        (_OFFICE, "annotation"),
        (_OFFICE, "annotation-end"),
        (_TEXT, "note-body"),
        (_TEXT, "note-citation"),
        (_TEXT, "hidden-text"),
        (_TEXT, "hidden-paragraph"),
        (_TEXT, "table-of-content"),
        (_TEXT, "alphabetical-index"),
        (_TEXT, "illustration-index"),
        (_TEXT, "table-index"),
        (_TEXT, "sequence-decls"),
        (_OFFICE, "forms"),
    )
)
#: Elements whose children stand in their place among the body's blocks or a table's rows.
_WRAPPERS = frozenset(
    (
        f"{_TEXT}section",
        f"{_TEXT}list",
        f"{_TEXT}list-item",
        f"{_TEXT}list-header",
        f"{_TEXT}numbered-paragraph",
        f"{_TABLE}table-header-rows",
        f"{_TABLE}table-rows",
        f"{_TABLE}table-row-group",
        f"{_TEXT}soft-page-break",
    )
)


def is_odt(data: bytes) -> bool:
    """Whether bytes are a zip holding an OpenDocument text (its ``mimetype`` says so)."""
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            kind = archive.read("mimetype").strip()
            return kind in _MIMETYPES and _BODY in archive.NameToInfo
    except (*_DAMAGED, etree.XMLSyntaxError):
        return False


def odt_page(data: bytes, max_bytes: int) -> str:
    """The document's body as an HTML page (paragraphs and tables in order, spans kept)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open(_BODY) as member:
                xml = member.read(max_bytes + 1)
            styles = _style_sheet(archive)
    except _DAMAGED as exc:
        raise ParseError(
            f"expected an OpenDocument text (.odt) that unzips, found a damaged one ({exc})"
        ) from exc
    if len(xml) > max_bytes:
        raise ParseError(
            f"expected at most {max_bytes} bytes (max_bytes), found an OpenDocument text whose body "
            "holds more"
        )
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(
            f"expected an OpenDocument text whose body is XML, found damaged XML ({exc})"
        ) from exc
    return _page(root, styles)


def is_flat_odt(head: bytes) -> bool:
    """Whether bytes start as a flat OpenDocument text does (.fodt: the document one XML file, its
    root ``office:document`` saying it is a text)."""
    return b"office:document" in head[:4096] and _MIMETYPES[0] in head[:4096]


def flat_odt_page(data: bytes, max_bytes: int) -> str:
    """A flat OpenDocument text's body as the page :func:`odt_page` makes (its styles are in it)."""
    if len(data) > max_bytes:
        raise ParseError(f"expected at most {max_bytes} bytes (max_bytes), found {len(data)}")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"expected a flat OpenDocument text, found damaged XML ({exc})") from exc
    return _page(root, None)


def _page(root: etree._Element, styles: etree._Element | None) -> str:
    etree.strip_elements(root, *_UNSHOWN, with_tail=False)
    raised = _raised_styles(root)
    trees = root if styles is None else (styles, root)
    headings = _heading_styles(trees)
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is not None and body.find(f".//{_TEXT}list") is not None:
        _numbers_in_place(body, _list_styles(trees))
    out = ["<html><body>"]
    if body is not None:
        _blocks(body, out, raised, headings)
    out.append("</body></html>")
    return "\n".join(out)


def _style_sheet(archive: zipfile.ZipFile) -> etree._Element | None:
    """The document's common styles (``styles.xml``); None if there are none, or they are damaged."""
    try:
        with archive.open("styles.xml") as member:
            return etree.fromstring(member.read(_STYLES_BYTES), _PARSER)
    except (*_DAMAGED, etree.XMLSyntaxError):
        return None


def _heading_styles(trees: etree._Element | tuple[etree._Element, ...]) -> dict[str, int]:
    """Paragraph styles that make headings (a title, "Heading 1" …, or a default outline level, or
    one of these the style is based on), with their levels, by style name."""
    parents: dict[str, str] = {}
    levels: dict[str, int] = {}
    for tree in trees if isinstance(trees, tuple) else (trees,):
        for style in tree.iter(f"{_STYLE}style"):
            if style.get(f"{_STYLE}family") != "paragraph":
                continue
            name = style.get(f"{_STYLE}name") or ""
            parents[name] = style.get(f"{_STYLE}parent-style-name") or ""
            label = (style.get(f"{_STYLE}display-name") or name).replace("_20_", " ").lower()
            outline = style.get(f"{_STYLE}default-outline-level")
            level = _int(outline, 0) if outline else _HEADING_NAMES.get(label, 0)
            if level:
                levels[name] = level
    for name in parents:
        at = name
        for _ in range(8):  # a style is based on another, and so on (never in a loop: at most 8 up)
            if at in levels or at not in parents:
                break
            at = parents[at]
        # a style based on one the document does not define: by its name (Title, Heading_20_2)
        level = levels.get(at) or _HEADING_NAMES.get(at.replace("_20_", " ").lower(), 0)
        if level:
            levels[name] = level
    return levels


_STYLES_BYTES = 4 * 1024 * 1024
_HEADING_NAMES = {"title": 1, **{f"heading {n}": n for n in range(1, 7)}}


#: ODF's number formats (``style:num-format``; LibreOffice's Chinese ones named by their first three
#: numbers), as Word's (:func:`~zhgov_parse.word_numbers.formatted`).
_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "一, 二, 三, ...": "chineseCounting",
    "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "甲, 乙, 丙, ...": "ideographTraditional",
    "①, ②, ③, ...": "decimalEnclosedCircle",
    "１, ２, ３, ...": "decimalFullWidth",
}


class _ListLevel:
    __slots__ = ("kind", "levels", "prefix", "start", "suffix")

    def __init__(self, style: etree._Element) -> None:
        self.kind = _FORMATS.get(style.get(f"{_STYLE}num-format") or "")
        self.prefix = style.get(f"{_STYLE}num-prefix") or ""
        self.suffix = style.get(f"{_STYLE}num-suffix") or ""
        self.start = _int(style.get(f"{_TEXT}start-value"), 1)
        self.levels = _int(style.get(f"{_TEXT}display-levels"), 1)


def _list_styles(trees: etree._Element | tuple[etree._Element, ...]) -> dict[str, dict[int, _ListLevel]]:
    """Each list style's numbered levels (bullets are none), by style name."""
    styles: dict[str, dict[int, _ListLevel]] = {}
    for tree in trees if isinstance(trees, tuple) else (trees,):
        for style in tree.iter(f"{_TEXT}list-style"):
            levels = styles.setdefault(style.get(f"{_STYLE}name") or "", {})
            for level in style.iterchildren(f"{_TEXT}list-level-style-number"):
                levels[_int(level.get(f"{_TEXT}level"), 1)] = _ListLevel(level)
    return styles


def _numbers_in_place(body: etree._Element, styles: dict[str, dict[int, _ListLevel]]) -> None:
    """Write the number of each item of a numbered list before its paragraph's text (一、 before
    总体情况), counted as the document counts: a list restarts but where it continues another
    (``text:continue-list``) or the last of its style (``text:continue-numbering``); a level
    restarts under its parent. Items in tables are counted but keep their text, as in Word files."""
    by_id: dict[str, dict[int, int]] = {}
    by_style: dict[str, dict[int, int]] = {}
    for top in body.iter(f"{_TEXT}list"):
        if next(top.iterancestors(f"{_TEXT}list"), None) is not None:
            continue  # a list inside another's item: counted with it
        name = top.get(f"{_TEXT}style-name") or ""
        of = top.get(f"{_TEXT}continue-list")
        counts = by_id.get(of) if of else None
        if counts is None:
            continued = top.get(f"{_TEXT}continue-numbering") == "true"
            counts = by_style.get(name, {}) if continued else {}
        if own := top.get(_XML_ID):
            by_id[own] = counts
        by_style[name] = counts
        _count(top, styles.get(name, {}), counts, 1)


_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _count(items: etree._Element, levels: dict[int, _ListLevel], counts: dict[int, int], depth: int) -> None:
    for item in items.iterchildren(f"{_TEXT}list-item"):
        level = levels.get(depth)
        start = _int(item.get(f"{_TEXT}start-value"), 0)
        counts[depth] = start or counts.get(depth, (level.start if level else 1) - 1) + 1
        for deeper in [d for d in counts if d > depth]:
            del counts[deeper]
        for child in item:
            if child.tag == f"{_TEXT}list":
                _count(child, levels, counts, depth + 1)
            elif child.tag in (f"{_TEXT}p", f"{_TEXT}h") and level is not None:
                label = _label(levels, depth, counts)
                if label and next(child.iterancestors(f"{_TABLE}table"), None) is None:
                    child.text = label + (child.text or "")
                level = None  # an item's later paragraphs have no number


def _label(levels: dict[int, _ListLevel], depth: int, counts: dict[int, int]) -> str:
    own = levels[depth]
    numbers = []
    for at in range(max(depth - own.levels + 1, 1), depth + 1):
        of = levels.get(at)
        number = None if of is None or of.kind is None else formatted(counts.get(at, of.start), of.kind)
        if number is None:
            return ""
        numbers.append(number)
    return f"{own.prefix}{'.'.join(numbers)}{own.suffix}"


def _raised_styles(root: etree._Element) -> dict[str, str]:
    """The document's text styles that raise or lower their text (``style:text-position``), each
    with its HTML tag."""
    tags = {}
    for props in root.iter(f"{_STYLE}text-properties"):
        position = (props.get(f"{_STYLE}text-position") or "").split()
        style = props.getparent()
        if not position or style is None or style.tag != f"{_STYLE}style":
            continue
        first = position[0]
        tag = "sup" if first == "super" else "sub" if first == "sub" else None
        if tag is None and first.endswith("%") and first[:-1].lstrip("-").replace(".", "", 1).isdecimal():
            shift = float(first[:-1])
            tag = "sup" if shift > 0 else "sub" if shift < 0 else None
        if tag is not None:
            tags[style.get(f"{_STYLE}name") or ""] = tag
    return tags


def _children(el: etree._Element) -> list[etree._Element]:
    out = []
    for child in el:
        if child.tag in _WRAPPERS:
            out.extend(_children(child))
        else:
            out.append(child)
    return out


def _blocks(parent: etree._Element, out: list[str], raised: dict[str, str], headings: dict[str, int]) -> None:
    for el in _children(parent):
        if el.tag == f"{_TEXT}p" or el.tag == f"{_TEXT}h":
            level = headings.get(el.get(f"{_TEXT}style-name") or "", 0) if headings else 0
            if el.tag == f"{_TEXT}h":
                level = _int(el.get(f"{_TEXT}outline-level"), 1)
            tag = f"h{min(level, 6)}" if level else "p"
            boxes: list[str] = []
            out.append(f"<{tag}>{_paragraph(el, raised, boxes)}</{tag}>")
            out.extend(boxes)  # a text box's paragraphs after the paragraph holding it
        elif el.tag == f"{_TABLE}table":
            out.append(_table(el, raised))


def _paragraph(p: etree._Element, raised: dict[str, str], boxes: list[str]) -> str:
    """A paragraph's text, escaped for HTML; a raised or lowered span's in ``<sup>`` or ``<sub>``;
    the blocks of the text boxes (frames) it holds put in ``boxes``."""
    parts = [escape(p.text or "")]
    for child in p:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * min(_int(child.get(f"{_TEXT}c"), 1), _MAX_SPAN))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("<br>")
        elif tag == f"{_DRAW}frame":
            inner = [box for box in child.iter(f"{_DRAW}text-box")]
            for box in inner:
                _blocks(box, boxes, raised, {})
            if not inner and child.find(f"{_DRAW}image") is not None:
                parts.append('<img src="a picture in the document">')
        elif isinstance(tag, str):
            text = _paragraph(child, raised, boxes)
            script = raised.get(child.get(f"{_TEXT}style-name") or "") if raised else None
            parts.append(f"<{script}>{text}</{script}>" if script and text else text)
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _table(table: etree._Element, raised: dict[str, str]) -> str:
    out = ["<table>"]
    for row in _children(table):
        if row.tag != f"{_TABLE}table-row":
            continue
        cells = []
        for cell in row:
            if cell.tag != f"{_TABLE}table-cell":
                continue  # a covered cell: the place of a cell that spans over it
            inner: list[str] = []
            _blocks(cell, inner, raised, {})  # a cell's text: no headings in it
            columns = _int(cell.get(f"{_TABLE}number-columns-spanned"), 1)
            rows = _int(cell.get(f"{_TABLE}number-rows-spanned"), 1)
            attrs = (f' colspan="{columns}"' if columns > 1 else "") + (
                f' rowspan="{rows}"' if rows > 1 else ""
            )
            td = f"<td{attrs}>{''.join(inner)}</td>"
            cells.append(td * _int(cell.get(f"{_TABLE}number-columns-repeated"), 1))
        tr = f"<tr>{''.join(cells)}</tr>"
        out.append(tr * _int(row.get(f"{_TABLE}number-rows-repeated"), 1))
    out.append("</table>")
    return "".join(out)
