"""Web archives: the page inside an MHTML file (a browser's "save as single file", Word's .mht)."""

from __future__ import annotations

import binascii
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from email.message import Message

#: An archive starts with MIME headers, one of them a multipart/related content type.
_HEADERS = re.compile(
    rb"\A(?:[ \t]*\r?\n)*(?:[!-9;-~]+:[^\n]*\n|[ \t][^\n]*\n)*?[Cc]ontent-[Tt]ype:\s*multipart/related"
)


def is_mhtml(head: bytes) -> bool:
    """Whether bytes start as a web archive does (MIME headers of a multipart/related message)."""
    return head.find(b"ultipart/related", 0, 4096) >= 0 and _HEADERS.match(head[:4096]) is not None


def page_of(data: bytes) -> tuple[bytes, str | None, str] | None:
    """The archive's page: its bytes (transfer encoding undone), the charset its part declares, and
    where it was saved from; None when the archive holds no HTML or text part."""
    import email  # only archives need it (9 ms to import)

    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.is_multipart() or part.get_content_type() not in ("text/html", "text/plain"):
            continue
        payload = _decoded(part)
        if payload.strip():
            return payload, part.get_content_charset(), _location(part, message)
    return None


def _decoded(part: Message) -> bytes:
    """A part's bytes, transfer encoding undone, as far as an archive cut mid-download holds them."""
    from email.errors import InvalidBase64LengthDefect  # (imported with email: no cost)

    raw = part.get_payload(decode=False)
    if not isinstance(raw, str):
        return b""
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "quoted-printable":
        half = _HALF_ESCAPE.search(raw, max(len(raw) - 8, 0))
        if half:
            return _unquoted(raw[: half.start()])
    payload = part.get_payload(decode=True)
    if any(isinstance(d, InvalidBase64LengthDefect) for d in part.defects):
        return _whole_groups(raw)
    return payload if isinstance(payload, bytes) else b""


def _unquoted(raw: str) -> bytes:
    """Quoted-printable cut inside an escape (``=E5=9``), decoded without the half escape. ``email``
    keeps it as text, so ``=9`` follows the bytes of a character cut short: no charset decodes them,
    where the character alone is a cut a decoder can drop. (The bytes parser keeps bytes that are
    not ASCII as surrogates: they go back as they came.)"""
    return binascii.a2b_qp(raw.encode("ascii", "surrogateescape"))


def _whole_groups(raw: str) -> bytes:
    """Base64 cut one character past a group of four, decoded without that character (``email``
    gives up on it and returns the base64 text itself)."""
    letters = _NOT_BASE64.sub(b"", raw.encode("ascii", "ignore"))
    return binascii.a2b_base64(letters[: len(letters) // 4 * 4])


#: An escape cut after its first hex digit, at the very end of a part.
_HALF_ESCAPE = re.compile(r"=[0-9A-Fa-f]\s*\Z")
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")


def _location(part: Message, message: Message) -> str:
    return str(part.get("Content-Location") or message.get("Snapshot-Content-Location") or "")
