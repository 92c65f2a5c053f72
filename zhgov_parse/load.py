"""Loading: bytes or str → text, the encoding used, and a first guess of the input kind."""

from __future__ import annotations

import codecs
import html
import json
import re
import zlib
from dataclasses import dataclass, field

from .errors import BinaryInput, EmptyInput, ParseError, UndecodableInput
from .findings import Finding
from .mhtml import is_mhtml, page_of
from .values import INVISIBLE

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (DOCX/XLSX/ODT or another Office/zip archive)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office (DOC/XLS/PPT)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BM", "BMP image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"%!PS", "PostScript"),
)
#: The stream of a compound file that holds an encrypted Office document (Office's "Encrypt with
#: Password" stores the .docx so, in a file that opens as a legacy one does), its name in UTF-16.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that fill every report, in both scripts: used to score candidate decodings.
_COMMON = frozenset("政府信息公开開年度报報告申请請情况況行处處理的和工作")
# Sequences that UTF-8 text takes on when read as GBK (一、总体 → 涓€銆佹€讳綋).
_MOJIBAKE = "銆锛"  # 、 and ， of UTF-8 read as GBK begin with these
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|div|p|tr|td|span|meta)\b", re.I)
_HTML_STR = re.compile(r"<\s*(?:!doctype\s+html|html|body|table|div|p|tr|td|span|meta)\b", re.I)


@dataclass(slots=True)
class Loaded:
    """Decoded input: text, the encoding (None for str input), kind hint, findings so far."""

    text: str
    encoding: str | None
    is_html: bool
    findings: list[Finding] = field(default_factory=list)
    #: A Word document's paragraphs a line each and its tables as HTML (a table typed with tabs
    #: among its paragraphs, read as text's is: see :func:`~zhgov_parse.read_docx.docx_page`).
    word_lines: bool = False


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def sniff_binary(head: bytes) -> str | None:
    """Name of the binary format the bytes start with, or None for text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == "BMP image" and len(head) > 6 and not head[2:6].strip(b"\x00"):
                return name
            if name != "BMP image":
                return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP image"
    sample = head[:4096]
    if sample and not any(sample.startswith(b) for b, _ in _BOMS):
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if controls > max(8, len(sample) // 20):
            return "binary"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 with no BOM (what some Windows tools write), with its encoding: the
    ASCII characters of such text (digits, pipes, spaces, line ends) leave a 0 in every other byte,
    (nearly) always the same one of each pair; a text that decodes so, printable, with the words of a
    report."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 64 or any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros * 20 >= pairs and other * 5 <= zeros:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            head = text[:4000]
            printable = sum(1 for ch in head if ch.isprintable() or ch in "\t\n\r")
            return (text, name) if printable * 20 >= len(head) * 19 and _score(head) >= 5 else None
    return None


_COMMON_CHAR = re.compile(f"[{''.join(sorted(_COMMON))}]")


def _score(text: str) -> int:
    """How many of a report's common characters the first 4,000 characters of ``text`` hold."""
    return _common_words(text[:4000], 4000)


def _common_words(text: str, enough: int) -> int:
    """How many of a report's common characters ``text`` reads, counting up to ``enough``: anywhere
    in it (a Word page's first 30 KB are styles), in C, stopping once there are enough."""
    n = 0
    for _ in _COMMON_CHAR.finditer(text):
        n += 1
        if n >= enough:
            break
    return n


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
#: Declared charsets read as the superset that real pages need (GB2312/GBK pages hold GBK characters).
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
             "cp936": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "utf8": "utf-8"}  # fmt: skip


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or ``http-equiv``)."""
    m = _CHARSET.search(data[:4096])
    return None if m is None else charset_name(m.group(1).decode("ascii", "replace"))


def charset_name(label: str) -> str | None:
    """A declared charset's codec name, read as the superset real pages need; None if unknown."""
    name = label.strip().lower()
    name = _SUPERSET.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, list[Finding]]:
    """Decode bytes: BOM, then UTF-8 (checked against a page's declaration), then the
    declared charset, then the better of GB18030 and Big5."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, cut = _decoded(data, name)
                return text, name, _cut_notes(cut, name)
            except UnicodeDecodeError:
                break
    try:
        text, cut = _decoded(data, "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        notes = _cut_notes(cut, "utf-8")
        if declared not in (None, "utf-8") and not data.isascii():
            notes.append(
                Finding(
                    "charset_mismatch",
                    f"the page declares {declared} but its bytes are valid UTF-8 (which text in "
                    f"{declared} almost never is): decoded as UTF-8",
                    expected=declared,
                    found="utf-8",
                )
            )
        return text, "utf-8", notes
    if declared not in (None, "utf-8"):
        try:
            text, cut = _decoded(data, declared)  # type: ignore[arg-type]
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            western = declared in _SINGLE_BYTE
            read = 0 if western else _common_words(text, _READ_WORDS)
            if read >= _READ_WORDS or (western and _score(text)):
                return text, declared, _cut_notes(cut, declared)  # type: ignore[arg-type]
            detected = _detected(data)  # a Western charset declared over Chinese bytes (any decodes)
            if detected is None or detected[0] == declared or detected[3] < (2 * read if read else 1):
                return text, declared, _cut_notes(cut, declared)  # type: ignore[arg-type]
            name, text, cut, _ = detected
            holds = "which holds no Chinese" if western else f"which reads {read} of a report's common words"
            note = Finding(
                "charset_mismatch",
                f"the page declares {declared}, {holds}, but its bytes read as {name}: decoded as {name}",
                expected=declared,
                found=name,
            )
            return text, name, [note, *_cut_notes(cut, name)]
    detected = _detected(data)
    if detected is None:
        raise UndecodableInput()
    name, text, cut, _ = detected
    note = Finding(
        "decoded_by_detection",
        f"no BOM and not valid UTF-8: decoded as {name} (the better of GB18030 and Big5)",
        found=name,
    )
    return text, name, [note, *_cut_notes(cut, name)]


#: A Chinese charset declared over bytes that read this many of a report's common characters is right;
#: fewer (a Traditional page's Big5 bytes under a ``gb2312`` it kept) and the bytes are read both ways.
_READ_WORDS = 20

#: Charsets of one byte a character: a page declaring one can hold no Chinese, but any bytes decode.
_SINGLE_BYTE = frozenset(["iso8859-1", "cp1252", "ascii", "iso8859-15", "cp1251", "cp437"])


def _detected(data: bytes) -> tuple[str, str, int, int] | None:
    """(codec, text, bytes cut, score) of the better of GB18030 and Big5 (Big5-HKSCS where plain
    Big5 fails: Hong Kong's characters), by how many of a report's common words each reads; None if
    neither decodes."""
    candidates = []
    for name in ("gb18030", "big5", "big5hkscs"):
        if name == "big5hkscs" and any(c[0] == "big5" for c in candidates):
            break  # (HKSCS only adds characters: where Big5 decodes, it reads the same)
        try:
            text, cut = _decoded(data, name)
        except UnicodeDecodeError:
            continue
        candidates.append((name, text, cut, _common_words(text, 200)))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[3], c[0] == "gb18030"))


def _decoded(data: bytes, codec: str) -> tuple[str, int]:
    """``data`` decoded, and how many bytes of a character cut off at its end were left out (a
    scraper's byte limit, a download broken off: the rest of the page is still the page)."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 3:
            raise
        return data[: exc.start].decode(codec), len(data) - exc.start


def _cut_notes(cut: int, codec: str) -> list[Finding]:
    if not cut:
        return []
    return [
        Finding(
            "truncated",
            f"the input ends inside a character ({cut} of its bytes in {codec}): it was cut off, and "
            "what it holds up to there was read; tables after the cut are missing",
            expected="a complete file",
            found=f"{cut} trailing bytes of a character",
        )
    ]


def repair_mojibake(text: str) -> tuple[str, list[Finding]]:
    """Undo UTF-8 text that was decoded as GBK and saved again, when that is evidently the case."""
    hits = sum(text.count(ch, 0, 5000) for ch in _MOJIBAKE)  # str.count: a regex class of CJK is 6× slower
    if hits < 5 or _score(text) > hits:
        return text, []
    try:
        fixed = text.encode("gb18030").decode("utf-8", errors="replace")
    except UnicodeError:
        return text, []
    if _score(fixed) <= _score(text):
        return text, []
    return fixed, [
        Finding(
            "encoding_repaired",
            "text looked like UTF-8 read as GBK (e.g. 涓€銆 for 一、); re-decoded it as UTF-8",
            expected="UTF-8 text",
            found="GBK mojibake",
        )
    ]


#: The characters Windows-1252 (browsers' "latin-1") gives bytes 0x80–0x9F, back to their bytes; a
#: byte it leaves undefined there reads as the control character of its value, as in Latin-1.
_CP1252_BYTES = {
    ord(bytes([b]).decode("cp1252")): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_FIRST_WIDE = re.compile(r"[^\x00-\x7f]")
_LATIN = re.compile("[\x80-\xff" + "".join(map(chr, _CP1252_BYTES)) + "]")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def latin1_reread(text: str) -> tuple[str, str, bool] | None:
    """``text`` read again from its bytes where it is a Chinese page decoded as Latin-1 or
    Windows-1252 (what ``requests``' ``response.text`` gives for a page served with no charset:
    政府 → æ\x94¿åº\x9c): (text, the bytes' encoding, is it HTML); None for any other text.

    The decoding lost nothing (every byte became one character), so its characters give the bytes
    back exactly; those are decoded as any bytes are (BOM, UTF-8, the page's charset, GB18030 or
    Big5), and kept where they read more of a report's common characters."""
    first = _FIRST_WIDE.search(text)
    if first is None or (first.group() > "\xff" and ord(first.group()) not in _CP1252_BYTES):
        return None  # (a Chinese page: its first character beyond ASCII is Chinese)
    sample = text[first.start() : first.start() + 4000]
    latin = len(_LATIN.findall(sample))
    if latin < 30 or latin < 4 * len(_CJK.findall(sample)):
        return None  # a page with an &nbsp; or © before its Chinese
    try:
        data = text.translate(_CP1252_BYTES).encode("latin-1")
    except UnicodeEncodeError:
        return None  # characters neither charset gives: not such a decoding
    is_html = _HTML.search(data[:65536]) is not None
    try:
        again, encoding, _ = decode(data, declared_charset(data) if is_html else None)
    except UndecodableInput:
        return None
    if _score(again) < max(5, 2 * _score(text)):
        return None
    return again, encoding, is_html


def _latin1_finding(encoding: str) -> Finding:
    return Finding(
        "latin1_reread",
        f"the text was a page's bytes decoded as Latin-1 / Windows-1252 (a page served with no charset: "
        f"政府 had become æ\x94¿åº\x9c): read again from those bytes, as {encoding}",
        expected="text decoded in the page's own encoding",
        found="Latin-1 mojibake",
    )


def _gunzipped(data: bytes, max_bytes: int) -> bytes:
    """A gzip file's content (all its members), no more than ``max_bytes`` of it decompressed."""
    out: list[bytes] = []
    size = 0
    while data[:2] == b"\x1f\x8b":
        inflate = zlib.decompressobj(wbits=31)
        try:
            chunk = inflate.decompress(data, max_bytes + 1 - size)
        except zlib.error as exc:
            raise ParseError(f"expected a gzip file that decompresses, found a damaged one ({exc})") from exc
        size += len(chunk)
        out.append(chunk)
        if size > max_bytes:
            raise ParseError(
                f"expected at most {max_bytes} bytes (max_bytes) once decompressed, found a gzip file "
                "that holds more; raise max_bytes if this is really one report"
            )
        if not inflate.eof:
            raise ParseError("expected a gzip file that decompresses, found one cut short")
        data = inflate.unused_data
    return b"".join(out)


def load(content: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Decode and sanity-check input; raise :class:`ParseError` for what is not a text report."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        data = bytes(content)
        if len(data) > max_bytes:
            raise ParseError(
                f"expected at most {max_bytes} bytes (max_bytes), found {len(data)}; "
                "raise max_bytes if this is really one report"
            )
        findings = []
        word_lines = False
        if data[:2] == b"\x1f\x8b":  # a scraper's stored page (.html.gz)
            data = _gunzipped(data, max_bytes)
            findings.append(Finding("decompressed", "gzip-compressed input: decompressed", found="gzip"))
        if not data.strip():
            raise EmptyInput()
        if data[:4] == b"PK\x03\x04":
            from .read_docx import docx_page, is_docx  # zipfile and all: only zips need them

            if is_docx(data):
                page = docx_page(data, max_bytes)
                word_lines = not page.startswith("<html>")
                data = page.encode("utf-8")
                findings.append(_DOCX_FINDING)
            else:
                from .read_odt import is_odt, odt_page

                if is_odt(data):
                    data = odt_page(data, max_bytes).encode("utf-8")
                    findings.append(_ODT_FINDING)
        elif data.find(b"wordDocument", 0, 4096) >= 0 or data.find(b"xmlPackage", 0, 4096) >= 0:
            from .read_docx import flat_docx_page, is_flat_docx, is_word_xml, word_xml_page

            if is_word_xml(data):
                data = word_xml_page(data, max_bytes).encode("utf-8")
                findings.append(_WORD_XML_FINDING)
            elif is_flat_docx(data):
                data = flat_docx_page(data, max_bytes).encode("utf-8")
                findings.append(_WORD_XML_FINDING)
        elif data.find(b"opendocument.text", 0, 4096) >= 0:
            from .read_odt import flat_odt_page, is_flat_odt

            if is_flat_odt(data):
                data = flat_odt_page(data, max_bytes).encode("utf-8")
                findings.append(_ODT_FINDING)
        declared = None
        if is_mhtml(data):
            page = page_of(data)
            if page is None:
                raise ParseError(
                    "expected a web archive (MHTML) holding a page, found an archive with no HTML or "
                    "text part"
                )
            data, charset, location = page
            declared = charset_name(charset) if charset else None
            findings.append(
                Finding(
                    "web_archive",
                    "a web archive (MHTML): the page it holds was read"
                    + (f" (saved from {location})" if location else ""),
                    found=location or None,
                )
            )
        kind = sniff_binary(data[:8192])
        wide = _utf16_without_bom(data) if kind == "binary" else None  # its 0 bytes look binary
        if kind is not None and wide is None:
            if kind.startswith("legacy Office") and _ENCRYPTED in data:
                kind = "password-protected Office (an encrypted .docx, .xlsx or .pptx)"
            raise BinaryInput(kind)
        if wide is not None:
            text, encoding = wide
            findings.append(
                Finding(
                    "decoded_by_detection",
                    f"no BOM, and every other byte of its ASCII characters is 0: decoded as {encoding}",
                    found=encoding,
                )
            )
            is_html = _HTML_STR.search(text[:65536]) is not None
        else:
            is_html = _HTML.search(data[:65536]) is not None
            text, encoding, notes = decode(data, declared or (declared_charset(data) if is_html else None))
            findings += notes
            if not is_html and encoding in ("utf-16", "utf-32"):  # its tags are not ASCII bytes
                is_html = _HTML_STR.search(text[:65536]) is not None
    elif isinstance(content, str):
        if len(content) > max_bytes:
            raise ParseError(f"expected at most {max_bytes} characters (max_bytes), found {len(content)}")
        if any(
            content.find(sign, 0, 4096) >= 0 for sign in ("wordDocument", "xmlPackage", "opendocument.text")
        ):
            from .read_docx import is_flat_docx, is_word_xml
            from .read_odt import is_flat_odt

            head = content[:4096].encode("utf-8", "replace")
            if is_word_xml(head) or is_flat_docx(head) or is_flat_odt(head):  # one XML file: as its bytes
                text = _XML_DECLARATION.sub("", content, count=1)  # (the encoding it declared is no more)
                return load(text.encode("utf-8", "replace"), max_bytes=max_bytes)
        archive = content.find("ultipart/related", 0, 4096) >= 0
        if archive and is_mhtml(content[:4096].encode("utf-8", "replace")):
            return load(content.encode("utf-8", "surrogatepass"), max_bytes=max_bytes)  # its parts are bytes
        text, encoding, findings, word_lines = content, None, [], False
        if text.startswith("%PDF-"):
            raise BinaryInput("PDF")
        is_html = _HTML_STR.search(text[:65536]) is not None
    else:
        raise ParseError(f"expected str or bytes content, found {type(content).__name__}")
    if text[:64].lstrip()[:1] in ('"', "{"):  # (not the whole text: a copy of it for one character)
        inner = _json_content(text)
        if inner is not None:
            text, where = inner
            findings = [*findings, _json_finding(where)]
            is_html = _HTML_STR.search(text[:65536]) is not None
    if text.find("lt;", 0, 8192) >= 0:  # escaped markup (&lt;, &amp;lt;) starts early: a feed's first item
        unescaped = _unescaped_markup(text)
        if unescaped is not None:
            text, is_html = unescaped, True
            findings = [*findings, _ESCAPED_FINDING]
    if not text.isascii() and (reread := latin1_reread(text)) is not None:
        text, encoding, is_html = reread
        findings = [*findings, _latin1_finding(encoding)]
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not is_html and not text.isascii() and INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)  # between digits (1\u200e2), they would split a number
    # Lone surrogates (possible in str input: decoded bytes have none) cannot be encoded downstream.
    if encoding is None and has_surrogates(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    if not text.strip():
        raise EmptyInput()
    text, repaired = repair_mojibake(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Loaded(text, encoding, is_html, findings + repaired, word_lines)


#: The fields of a scraper's JSON record that hold the page (its html, or its text).
CONTENT_KEYS = ("html", "text", "content", "body")


_DOCX_FINDING = Finding(
    "word_document",
    "a Word document (.docx): its body's paragraphs and tables were read, merged cells as spans",
    found="docx",
)
_WORD_XML_FINDING = Finding(
    "word_document",
    "a Word document in one XML file (Word 2003 XML or Flat OPC, often named .doc or .xml): its body's "
    "paragraphs and tables were read, merged cells as spans",
    found="word xml",
)
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_ODT_FINDING = Finding(
    "opendocument_text",
    "an OpenDocument text (.odt): its body's paragraphs and tables were read, merged cells as spans",
    found="odt",
)
#: A table's or a paragraph's tag written as text, escaped once or more (``&lt;td&gt;``, ``&amp;lt;td``).
_ESCAPED_TAG = re.compile(r"&(?:amp;)*lt;/?(?:table|tr|td|th|p|div|span|br)\b", re.I)
_REAL_TAG = re.compile(r"</?(?:table|tr|td|th|p|div|span|br)\b", re.I)
#: Escaped tags a text holds for its markup to be taken as escaped (a page that quotes a tag or two
#: in its prose is not).
_ESCAPED_TAGS = 8
_ESCAPED_FINDING = Finding(
    "escaped_markup",
    "the page's markup was written as text (&lt;td&gt;, as a feed's description, an API's field or a "
    "CMS stores it): it was unescaped and read as HTML",
    expected="HTML or text",
    found="escaped HTML",
)


def _unescaped_markup(text: str) -> str | None:
    """A text whose tables and paragraphs are markup written as text (escaped once or more, inside an
    RSS feed's item or not), unescaped; None for any other text."""
    sample = text[:65536]
    escaped = len(_ESCAPED_TAG.findall(sample))
    if escaped < _ESCAPED_TAGS or len(_REAL_TAG.findall(sample)) > escaped:
        return None
    for _ in range(3):  # escaped twice by some pipelines (&amp;lt;td&amp;gt;)
        text = html.unescape(text)
        if _ESCAPED_TAG.search(text, 0, 65536) is None:
            break
    return text


def _json_content(text: str) -> tuple[str, str | None] | None:
    """The report inside a JSON document: a string (``json.dumps`` of the page, escapes and all), or
    the first of :data:`CONTENT_KEYS` of a record that holds one, or of a record inside it (a site's
    API: ``data.content``); with the field's path. None for other JSON (a structured dump of a
    report's parts, in lists, is no report text) and for text that is no JSON."""
    stripped = text.strip()
    if not stripped.endswith(('"', "}")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(data, str):
        return (data, None) if data.strip() else None
    level: list[tuple[str | None, object]] = [(None, data)]
    for _ in range(3):  # a site's API nests the record: {"code": 200, "data": {"content": …}}
        nested: list[tuple[str | None, object]] = []
        for path, node in level:
            if not isinstance(node, dict):
                continue
            for key in CONTENT_KEYS:
                value = node.get(key)
                if isinstance(value, str) and value.strip():
                    return value, f"{path}.{key}" if path else key
            nested.extend(
                (f"{path}.{k}" if path else str(k), v) for k, v in node.items() if isinstance(v, dict)
            )
        level = nested
    return None


def _json_finding(where: str | None) -> Finding:
    inside = f"its field {where!r}" if where else "the string it holds"
    return Finding(
        "json_content",
        f"the input is JSON: the report was read from {inside}",
        expected="the report's own text or HTML",
        found=f"JSON ({where or 'a string'})",
    )


def has_surrogates(text: str) -> bool:
    """Whether text holds lone surrogates, which no encoding takes (``"\\udcff"``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
