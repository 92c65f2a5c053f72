"""Word documents (.docx), as agencies publish their reports: the body as an HTML page.

A .docx is a zip whose ``word/document.xml`` holds the body in order: paragraphs (``w:p``) and
tables (``w:tbl``), whose cells span grid columns (``w:gridSpan``) and rows (``w:vMerge``: a cell
that restarts a merge, then a continuing cell in each row below).  They become ``<p>`` and
``<table>`` with ``colspan`` and ``rowspan``, so the HTML reader reads a Word file as it reads the
page Word would save, merged cells and all.  What Word's final view does not show is left out:
deleted text, text moved away with Track Changes on (``w:moveFrom``), hidden text (``w:vanish``).
A text box's paragraphs stand after the paragraph holding the box, not within its text; content the
body imports (``w:altChunk``: an HTML page or web archive stored in the package) stands in its place.
A Word 2003 XML document (``w:wordDocument``, one XML file) is read so too: its body's elements are
mostly a .docx's.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from html import escape

from lxml import etree

from .errors import ParseError
from .word_numbers import Numbering, numbers_in_place

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALLBACK, _ALTERNATIVES = f"{_MC}Fallback", f"{_MC}AlternateContent"
#: Where text was moved from with Track Changes on: its runs hold ``w:t`` (not ``w:delText``), yet the
#: final view shows the text only where it was moved to (``w:moveTo``, a wrapper).
_MOVED_AWAY = f"{_W}moveFrom"
_BODY = "word/document.xml"
_MAX_SPAN = 64
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
#: Elements whose children stand in their place in the body, a row or a cell (content controls,
#: custom XML, tracked insertions and moves).
_WRAPPERS = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"))
#: What reading a damaged zip raises: a bad directory or CRC, a corrupt deflate stream (zlib), an
#: unknown compression method, an encrypted member (RuntimeError), a missing member (KeyError).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    ValueError,
    OSError,
    EOFError,
    KeyError,
    NotImplementedError,
    RuntimeError,
)
_PICTURES = (f"{_W}drawing", f"{_W}pict")
_TABS = (f"{_W}tab", f"{_W}ptab")
_TAB_STOPS = f"{_W}tabs"
_TEXT = (f"{_W}t", *_TABS, f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")


def is_docx(data: bytes) -> bool:
    """Whether bytes are a zip holding a Word document's body."""
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _body_name(archive) is not None
    except (*_DAMAGED, etree.XMLSyntaxError):
        return False


def _body_name(archive: zipfile.ZipFile) -> str | None:
    """The member holding the document's body: ``word/document.xml``, or else the part that
    ``[Content_Types].xml`` says is a Word document's main part (Word Online names it
    ``word/document2.xml``; a part's name in any case, or written with backslashes)."""
    if _BODY in archive.NameToInfo:
        return _BODY
    listed = _member(archive, "[Content_Types].xml")
    if listed is None:
        return None
    with archive.open(listed) as member:
        types = etree.fromstring(member.read(_STYLES_BYTES), _PARSER)
    for part in types.iter(_OVERRIDE):
        if part.get("ContentType") in _MAIN_PARTS:
            return _member(archive, (part.get("PartName") or "").lstrip("/"))
    return None


def _member(archive: zipfile.ZipFile, name: str) -> str | None:
    """The zip member of a part, named in any case or with backslashes (a package's part names are
    not case-sensitive)."""
    if name in archive.NameToInfo:
        return name
    wanted = name.lower()
    return next((n for n in archive.NameToInfo if n.replace("\\", "/").lower() == wanted), None)


_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
#: The content types of a Word document's main part: a document or a template, with macros or without.
_MAIN_PARTS = frozenset(
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    )
)
#: Strict Open XML's namespace for what the transitional one (which Word writes by default) names ``w:``.
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL = _W[1:-1].encode()


def docx_page(data: bytes, max_bytes: int) -> str:
    """The document's body as an HTML page (paragraphs and tables in order, spans kept); or, where a
    paragraph beside its tables is a row of a table typed with tabs, its paragraphs a line each (a
    blank line between) and its tables as HTML, which the text reader reads with its tab rows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _body_name(archive) or _BODY
            with archive.open(body) as member:
                xml = member.read(max_bytes + 1)
            folder = body.replace("\\", "/").rpartition("/")[0]
            style_sheet = _style_sheet(archive, folder)
            styles = {} if style_sheet is None else _heading_styles(style_sheet)
            chunks = _chunks(archive, body, max_bytes) if b"altChunk" in xml else {}
            numbering = _numbering(archive, folder, style_sheet)
    except (*_DAMAGED, etree.XMLSyntaxError) as exc:
        raise ParseError(
            f"expected a Word document (.docx) that unzips, found a damaged one ({exc})"
        ) from exc
    if len(xml) > max_bytes:
        raise ParseError(
            f"expected at most {max_bytes} bytes (max_bytes), found a Word document whose body holds more"
        )
    try:
        root = etree.fromstring(_transitional(xml), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"expected a Word document whose body is XML, found damaged XML ({exc})") from exc
    return _page(root, styles, chunks, numbering, contents=b"TOC" in xml)


def is_word_xml(head: bytes) -> bool:
    """Whether bytes start as a Word 2003 XML document does (WordprocessingML 2003, a
    ``w:wordDocument``: Word's "XML Document", and what programs making .doc files from templates
    write, named .doc or .xml)."""
    return _WORD_2003 in head[:4096] and b"wordDocument" in head[:4096]


def word_xml_page(data: bytes, max_bytes: int) -> str:
    """A Word 2003 XML document's body as the page :func:`docx_page` makes of a .docx: its elements
    are mostly theirs (``w:vmerge`` is ``w:vMerge``); sections and tracked changes wrap its blocks
    and runs (``wx:sub-section``, ``aml:annotation``: an insertion's content is read, a deletion's or
    a comment's is not), and each numbered paragraph says the number Word shows (``wx:t``)."""
    if len(data) > max_bytes:
        raise ParseError(f"expected at most {max_bytes} bytes (max_bytes), found {len(data)}")
    try:
        root = etree.fromstring(data.replace(_WORD_2003, _TRANSITIONAL), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"expected a Word 2003 XML document, found damaged XML ({exc})") from exc
    for kind in ("vmerge", "hmerge"):
        for merge in root.iter(f"{_W}{kind}"):
            merge.tag = f"{_W}{kind[0]}M{kind[2:]}"
    for note in list(root.iter(_ANNOTATION)):
        if note.get(f"{_W}type") != "Word.Insertion" and note.getparent() is not None:
            note.getparent().remove(note)  # (its tail, text between its runs, is none of Word's)
    etree.strip_tags(root, _ANNOTATION, _CONTENT, *_SECTIONS)
    for hint in list(root.iter(f"{_WX}t")):  # a numbered paragraph's number, as Word shows it
        p = next(hint.iterancestors(f"{_W}p"), None)
        label = hint.get(f"{_WX}val") or ""
        if p is not None and label.strip() and next(p.iterancestors(f"{_W}tbl"), None) is None:
            run = etree.Element(f"{_W}r")
            etree.SubElement(run, f"{_W}t").text = label
            p.find(f"{_W}pPr").addnext(run)
    styles = root.find(f"{_W}styles")
    return _page(root, {} if styles is None else _heading_styles(styles), {}, None, contents=b"TOC" in data)


def is_flat_docx(head: bytes) -> bool:
    """Whether bytes start as a Word document in one XML file does (Flat OPC: a ``pkg:package``
    whose parts are the .docx's, Word's "Word XML Document" and what programs making .doc files
    from templates write, named .doc or .xml)."""
    return _FLAT_PACKAGE in head[:4096] and b"package" in head[:4096]


def flat_docx_page(data: bytes, max_bytes: int) -> str:
    """A Flat OPC Word document's body as the page :func:`docx_page` makes of its .docx: the parts
    it holds as XML (``pkg:xmlData``) are the .docx's, its body that of ``/word/document.xml``."""
    if len(data) > max_bytes:
        raise ParseError(f"expected at most {max_bytes} bytes (max_bytes), found {len(data)}")
    try:
        package = etree.fromstring(_transitional(data), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"expected a Word XML document (Flat OPC), found damaged XML ({exc})") from exc
    parts = {}
    for part in package.iter(f"{_PKG}part"):
        content = part.find(f"{_PKG}xmlData")
        if content is not None and len(content):
            parts[(part.get(f"{_PKG}name") or "").lower()] = content[0]
    root = parts.get("/word/document.xml")
    if root is None:
        raise ParseError(
            "expected a Word XML document (Flat OPC) with a body, found none (/word/document.xml)"
        )
    sheet = parts.get("/word/styles.xml")
    numbering = parts.get("/word/numbering.xml")
    return _page(
        root,
        {} if sheet is None else _heading_styles(sheet),
        {},
        None if numbering is None else Numbering(numbering, sheet),
        contents=b"TOC" in data,
    )


_FLAT_PACKAGE = b"http://schemas.microsoft.com/office/2006/xmlPackage"
_PKG = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
_WORD_2003 = b"http://schemas.microsoft.com/office/word/2003/wordml"
_WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_ANNOTATION, _CONTENT = f"{_AML}annotation", f"{_AML}content"
_SECTIONS = (f"{_WX}sect", f"{_WX}sub-section", f"{_WX}pBdrGroup")


def _page(
    root: etree._Element,
    styles: dict[str, int],
    chunks: dict[str, tuple[str, str | None]],
    numbering: Numbering | None,
    contents: bool,
) -> str:
    """The page of a Word document's parsed body (see :func:`docx_page`)."""
    # A drawing's text is there once in each of two forms; text moved away is shown only where it went.
    etree.strip_elements(root, _FALLBACK, _MOVED_AWAY, with_tail=False)
    _drop_deleted_runs(root)
    _text_boxes_apart(root)
    if chunks:
        _chunks_in_place(root, chunks)
    if numbering is not None:
        numbers_in_place(root, numbering)
    if contents:
        _contents_dropped(root)
    body = root.find(f"{_W}body")
    out: list[str] = []
    if body is not None:
        _blocks(body, out, styles, _marked_runs(root))
    unread = sorted(name for name, page in chunks.values() if page is None)
    if unread and not _TAG.sub("", "".join(out)).strip():
        kinds = ", ".join(unread)
        raise ParseError(
            "expected a Word document with its text, found one whose body only imports content this "
            f"reader cannot read (w:altChunk: {kinds}); open it in Word and save it again, which "
            "writes the imported content into the body"
        )
    if _has_typed_table(out):
        return "\n\n".join(_as_text(block) for block in out)
    return "\n".join(["<html><body>", *out, "</body></html>"])


#: A number standing as a field of its own (a paragraph's text split at tabs).
_NUMBER_FIELD = re.compile(r"\s*[+-]?[\d０-９]+(?:\.\d+)?\s*")


def _has_typed_table(blocks: list[str]) -> bool:
    """Whether a paragraph beside the document's tables is a row of another table typed with tabs
    (three fields or more, three of them numbers, as the template's rows have: not a contents line's
    title and page number, nor a phone number typed 联系电话：⇥0532⇥7317438), none of its paragraphs
    with a raised or lowered run."""
    rows = [b for b in blocks if "\t" in b and b.startswith(("<p>", "<h")) and _typed_row(_as_text(b))]
    if not rows or any("<su" in row for row in rows) or any(b.startswith("<div>") for b in blocks):
        return False
    return any(b.startswith("<table>") for b in blocks)


def _typed_row(paragraph: str) -> bool:
    fields = [f for f in paragraph.split("\t") if f.strip()]
    return len(fields) >= 3 and sum(1 for f in fields if _NUMBER_FIELD.fullmatch(f)) >= 3


def _as_text(block: str) -> str:
    """A block as a line of text that carries its tables as HTML: a paragraph's text, escaped, a
    line each of its line breaks (a heading's marked as Markdown's, ``# …``); a table as it is."""
    if block.startswith("<table>"):
        return block
    text = block[block.index(">") + 1 : block.rindex("<")].replace("<br>", "\n")
    return f"{'#' * int(block[2])} {text}" if block[1] == "h" and text.strip() else text


#: A relationship's type that imports content into the body (``w:altChunk``: an HTML, MHT, RTF or
#: text file, or another document, stored in the package; Word merges it into the body on saving).
_IMPORT = "/aFChunk"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CHUNK = "imported-chunk"  # an altChunk's stand-in in the tree: its content as HTML, or None
_TAG = re.compile(r"<[^>]*>")


def _chunks(archive: zipfile.ZipFile, body: str, max_bytes: int) -> dict[str, tuple[str, str | None]]:
    """The part each relationship of the body that imports a chunk points to, by relationship id,
    with its content as HTML: an HTML or MHT file's page (between its ``<body>`` tags), text's
    lines; None for what is not read here (RTF, another document)."""
    folder, _, name = body.replace("\\", "/").rpartition("/")
    listed = _member(archive, f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
    if listed is None:
        return {}
    with archive.open(listed) as member:
        rels = etree.fromstring(member.read(_STYLES_BYTES), _PARSER)
    chunks: dict[str, tuple[str, str | None]] = {}
    for rel in rels.iter(_RELATIONSHIP):
        target = rel.get("Target") or ""
        if not (rel.get("Type") or "").endswith(_IMPORT) or rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
        stored = _member(archive, path)
        if stored is None:
            continue
        with archive.open(stored) as member:
            data = member.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ParseError(
                f"expected at most {max_bytes} bytes (max_bytes), found a Word document whose imported "
                f"content ({target}) holds more"
            )
        chunks[rel.get("Id") or ""] = stored, _chunk_page(data)
    return chunks


def _chunk_page(data: bytes) -> str | None:
    """An imported chunk's content as HTML to stand in the body: a page's (or a web archive's
    page's) body, a text's lines a paragraph each; None for RTF or a document (a zip)."""
    from .load import charset_name, declared_charset, decode, sniff_binary
    from .mhtml import is_mhtml, page_of

    declared = None
    if is_mhtml(data):
        page = page_of(data)
        if page is None:
            return None
        data, charset, _ = page
        declared = charset_name(charset) if charset else None
    if sniff_binary(data[:8192]) is not None:  # RTF, a document (a zip, a .doc)
        return None
    text, _, _ = decode(data, declared or declared_charset(data))
    opened = _BODY_TAG.search(text)
    if opened is None and _HTML_TAG.search(text, 0, 4096) is None:
        return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    start = 0 if opened is None else opened.end()
    end = text.lower().rfind("</body")
    return text[start : end if end > start else len(text)]


_BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<(?:html|p|div|table|br|span)\b", re.I)


def _chunks_in_place(root: etree._Element, chunks: dict[str, tuple[str, str | None]]) -> None:
    """Each ``w:altChunk`` of the body replaced by its content's stand-in (its text the HTML)."""
    for chunk in list(root.iter(f"{_W}altChunk")):
        rid = next((v for k, v in chunk.attrib.items() if k.endswith("}id")), "")
        stand_in = etree.Element(_CHUNK)
        stand_in.text = chunks.get(rid, ("", None))[1]
        stand_in.tail = chunk.tail
        chunk.getparent().replace(chunk, stand_in)


def _contents_dropped(root: etree._Element) -> None:
    """Take out the text of a table of contents (the result of a ``TOC`` field: a line for each part,
    its title and page number), whose titles would read as the parts' own and their page numbers as
    values. Only a field that ends is: one left open would take the rest of the document."""
    fields: list[list] = []  # each open field: [whether it is a TOC, its instruction so far]
    pending: list[etree._Element] = []  # text of the open TOC's lines
    dropped: list[etree._Element] = []
    for el in root.iter(_FIELD_CHAR, _INSTRUCTION, f"{_W}t", f"{_W}tab"):
        tag = el.tag
        if tag == _FIELD_CHAR:
            kind = el.get(f"{_W}fldCharType")
            if kind == "begin":
                fields.append([False, ""])
            elif kind == "separate" and fields:
                fields[-1][0] = fields[-1][1].lstrip().upper().startswith("TOC")
            elif kind == "end" and fields and fields.pop()[0] and not any(f[0] for f in fields):
                dropped += pending
                pending.clear()
        elif tag == _INSTRUCTION:
            if fields:
                fields[-1][1] += el.text or ""
        elif any(f[0] for f in fields) and el.getparent().tag == f"{_W}r":
            pending.append(el)
    for el in dropped:
        el.getparent().remove(el)


_FIELD_CHAR, _INSTRUCTION = f"{_W}fldChar", f"{_W}instrText"


def _drop_deleted_runs(root: etree._Element) -> None:
    """Take out the runs a tracked deletion (``w:del``) holds, whatever their text is in: Word writes
    ``w:delText``, which is no text here, but other writers keep ``w:t`` (it read 37 where Word shows
    3, the deleted 7 too). An empty ``w:del`` marks a paragraph mark or a row deleted, and stays."""
    for deleted in [el for el in root.iter(_DELETED) if len(el)]:
        deleted.getparent().remove(deleted)


_DELETED = f"{_W}del"


def _text_boxes_apart(root: etree._Element) -> None:
    """Move each text box's paragraphs and tables (``w:txbxContent``) out of the paragraph that holds
    it, to stand after that paragraph: a box floats apart from the text around its anchor, and its
    own text is no part of that paragraph's (a box's 2 anchored in a cell holding 41 read 412). The
    emptied box stays, so the drawing is no picture."""
    for box in list(root.iter(_TEXT_BOX)):
        host = next(box.iterancestors(f"{_W}p"), None)
        if host is None:
            continue
        for block in reversed(box):
            host.addnext(block)


_TEXT_BOX = f"{_W}txbxContent"


def _children(el: etree._Element) -> list[etree._Element]:
    """An element's children, those of wrappers (content controls, insertions) in their place, and
    of an alternative's first choice (``mc:AlternateContent`` around a paragraph, row or table; its
    fallback, the same content again, is gone)."""
    out = []
    for child in el:
        if child.tag in _WRAPPERS:
            out.extend(_children(child))
        elif child.tag == _ALTERNATIVES:
            out.extend(_children(child[0]) if len(child) else ())
        else:
            out.append(child)
    return out


def _transitional(xml: bytes) -> bytes:
    """A part's XML with Strict Open XML's ``w:`` namespace (Word's "Strict Open XML Document") made
    the transitional one, which alone is read (a strict document read as no text at all)."""
    return xml.replace(_STRICT, _TRANSITIONAL) if _STRICT in xml else xml


def _style_sheet(archive: zipfile.ZipFile, folder: str) -> etree._Element | None:
    """The styles beside the body; None if there are none, or they are damaged."""
    try:
        name = _member(archive, f"{folder}/styles.xml" if folder else "styles.xml")
        if name is None:
            return None
        with archive.open(name) as member:
            return etree.fromstring(_transitional(member.read(_STYLES_BYTES)), _PARSER)
    except (*_DAMAGED, etree.XMLSyntaxError):
        return None


def _heading_styles(root: etree._Element) -> dict[str, int]:
    """Paragraph styles that make headings (a title, "heading 1" … or an outline level), with their
    levels, by style id (Word in Chinese names them 1, 2 …)."""
    levels = {}
    for style in root.iter(f"{_W}style"):
        name = _val(style, "name", "") or ""
        outline = _val(style, "pPr", "outlineLvl")
        level = _HEADING_NAMES.get(name.lower()) or _outline_level(outline)
        if 1 <= level <= 6:
            levels[style.get(f"{_W}styleId") or ""] = level
    return levels


def _numbering(archive: zipfile.ZipFile, folder: str, styles: etree._Element | None) -> Numbering | None:
    """The lists the numbering beside the body defines (with the styles that number their
    paragraphs); None for a document with none, or whose numbering is damaged."""
    name = _member(archive, f"{folder}/numbering.xml" if folder else "numbering.xml")
    if name is None:
        return None
    try:
        with archive.open(name) as member:
            return Numbering(etree.fromstring(_transitional(member.read(_STYLES_BYTES)), _PARSER), styles)
    except (*_DAMAGED, etree.XMLSyntaxError):
        return None


def _outline_level(outline: str | None) -> int:
    """The heading level an outline level makes (0: none). Decimal digits only: ``²`` is a digit to
    ``isdigit`` but not to ``int``."""
    return int(outline) + 1 if outline and outline.isdecimal() else 0


_STYLES_BYTES = 4 * 1024 * 1024
_HEADING_NAMES = {"title": 1, **{f"heading {n}": n for n in range(1, 7)}}


def _marked_runs(root: etree._Element) -> dict[etree._Element, str]:
    """The runs set as superscript or subscript (``w:vertAlign``), each with its HTML tag: a footnote
    mark typed after a number (41 then a raised 1), which the HTML reader must not join to it.
    Hidden runs (``w:vanish``: a stale number kept out of sight) are taken out of the tree; one
    search finds both."""
    raised = {}
    hidden = {}  # a dict: a run may say vanish twice, and is taken out once
    for prop in root.iter(f"{_W}vertAlign", *_HIDDEN):
        props = prop.getparent()
        run = None if props is None else props.getparent()
        if run is None or run.tag != f"{_W}r":  # a paragraph mark's or a tracked change's old properties
            continue
        if prop.tag in _HIDDEN:
            if (prop.get(f"{_W}val") or "").lower() not in _OFF:
                hidden[run] = None
        elif tag := _SCRIPT_TAGS.get(prop.get(f"{_W}val") or ""):
            raised[run] = tag
    for run in hidden:
        run.getparent().remove(run)
    return raised


#: Run properties that hide a run (``specVanish``: hidden even where hidden text is shown).
#: ``w:webHidden`` is not one: such text is hidden in Web Layout only, and printed.
_HIDDEN = (f"{_W}vanish", f"{_W}specVanish")
#: The values that turn a property off (ST_OnOff); no value, or any other, turns it on.
_OFF = frozenset({"0", "false", "off"})
_SCRIPT_TAGS = {"superscript": "sup", "subscript": "sub"}


def _blocks(
    parent: etree._Element, out: list[str], styles: dict[str, int], raised: dict[etree._Element, str]
) -> None:
    for el in _children(parent):
        if el.tag == f"{_W}p":
            outline = _val(el, "pPr", "outlineLvl")
            level = _outline_level(outline) or styles.get(_val(el, "pPr", "pStyle") or "", 0)
            tag = f"h{level}" if 1 <= level <= 6 else "p"
            out.append(f"<{tag}>{_paragraph(el, raised)}</{tag}>")
        elif el.tag == f"{_W}tbl":
            out.append(_table(el, styles, raised))
        elif el.tag == _CHUNK and el.text:
            out.append(f"<div>{el.text}</div>")


def _paragraph(p: etree._Element, raised: dict[etree._Element, str]) -> str:
    """A paragraph's text, escaped for HTML (deleted text and field codes are other elements); a
    raised or lowered run's in ``<sup>`` or ``<sub>``."""
    parts = []
    for el in p.iter(*_TEXT, *_PICTURES):
        tag = el.tag
        if tag == f"{_W}t":
            script = raised.get(el.getparent()) if raised else None  # most documents have none
            text = escape(el.text or "")
            parts.append(f"<{script}>{text}</{script}>" if script else text)
        elif tag in _PICTURES:
            if next(el.iter(f"{_W}t", _TEXT_BOX), None) is None:  # a picture (a table pasted as one?)
                parts.append('<img src="a picture in the Word document">')
        elif tag in _TABS:  # kept: a row typed with tabs is read as tab text, a blank field in place
            if el.getparent().tag != _TAB_STOPS:  # a tab stop the paragraph defines is no tab typed
                parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("<br>")
    return "".join(parts)


def _int(value: str | None, default: int) -> int:
    """A span or count attribute as an int in 1.._MAX_SPAN (decimal digits only: ``int("²")`` fails;
    more than eight of them, beyond any span, are the most: ``int`` refuses 4,300 or more)."""
    if not value or not value.isdecimal():
        return default
    return min(max(int(value), 1), _MAX_SPAN) if len(value) <= 8 else _MAX_SPAN


def _row_props(tr: etree._Element) -> tuple[int, int, bool]:
    """The grid columns a row leaves without cells before and after its own (``w:gridBefore``,
    ``w:gridAfter``), each 0 to _MAX_SPAN, and whether the row is a tracked deletion (``w:del``: Word
    shows it no more). The row's properties are walked once: a path ``find`` for each costs ~3 µs a
    row, more than the one ``gridBefore`` lookup this replaced."""
    skipped = {_GRID_BEFORE: 0, _GRID_AFTER: 0}
    deleted = False
    for props in tr.iterchildren(f"{_W}trPr"):
        for prop in props:
            if prop.tag in skipped:
                value = prop.get(f"{_W}val")
                skipped[prop.tag] = min(int(value), _MAX_SPAN) if value and value.isdecimal() else 0
            deleted = deleted or prop.tag == _DELETED
    return skipped[_GRID_BEFORE], skipped[_GRID_AFTER], deleted


_GRID_BEFORE, _GRID_AFTER = f"{_W}gridBefore", f"{_W}gridAfter"


def _table(tbl: etree._Element, styles: dict[str, int], raised: dict[etree._Element, str]) -> str:
    merging: dict[int, _Cell] = {}  # grid column -> the cell a vertical merge runs down from
    rows: list[list[_Cell]] = []
    for tr in _children(tbl):
        if tr.tag != f"{_W}tr":
            continue
        col, after, deleted = _row_props(tr)
        if deleted:  # its text too is deleted (w:del), unless another writer kept it
            continue
        still: dict[int, _Cell] = {}
        cells = [_Cell(col, "")] if col else []  # a row starting further right: an empty cell holds its place
        for tc in _children(tr):
            if tc.tag != f"{_W}tc":
                continue
            span = _int(_val(tc, "tcPr", "gridSpan"), 1)
            down = _merge(tc, "vMerge")
            if down == "continue" and col in merging:  # the cell above spans into this row
                merging[col].rows += 1
                still[col] = merging[col]
            elif _merge(tc, "hMerge") == "continue" and cells:  # Word 97's merge across: the cell on the left
                cells[-1].columns += span
            else:
                inner: list[str] = []
                _blocks(tc, inner, {}, raised)  # a cell's text: no headings in it
                cell = _Cell(span, "".join(inner))
                if down == "restart":
                    still[col] = cell
                cells.append(cell)
            col += span
        if after:
            cells.append(_Cell(after, ""))
        merging = still
        rows.append(cells)
    out = ["<table>"]
    for cells in rows:
        out.append("<tr>")
        for cell in cells:
            colspan = f' colspan="{cell.columns}"' if cell.columns > 1 else ""
            rowspan = f' rowspan="{cell.rows}"' if cell.rows > 1 else ""
            out.append(f"<td{colspan}{rowspan}>{cell.html}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


class _Cell:
    """A table cell: the grid columns and rows it spans, its paragraphs as HTML."""

    __slots__ = ("columns", "html", "rows")

    def __init__(self, columns: int, html: str) -> None:
        self.columns, self.rows, self.html = columns, 1, html


def _val(el: etree._Element, props: str, name: str) -> str | None:
    """The ``w:val`` of ``el``'s ``props/name`` (or of its own ``props`` when ``name`` is empty)."""
    prop = el.find(f"{_W}{props}/{_W}{name}" if name else f"{_W}{props}")
    return None if prop is None else prop.get(f"{_W}val")


def _merge(tc: etree._Element, kind: str) -> str | None:
    """A cell's ``vMerge`` or ``hMerge``: "restart", "continue" (the default value) or None."""
    prop = tc.find(f"{_W}tcPr/{_W}{kind}")
    if prop is None:
        return None
    return "restart" if prop.get(f"{_W}val") == "restart" else "continue"
