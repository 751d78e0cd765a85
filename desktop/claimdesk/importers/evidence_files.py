"""What an evidence file is (by its bytes, never its name) and the text inside it."""

from __future__ import annotations

import email
import email.policy
import io
import logging
import re
from dataclasses import dataclass

from claimdesk.importers import evidence_archives as archives
from claimdesk.importers.common import (
    MAX_TEXT_CHARS,
    Unreadable,
    decode_text,
    normalise_plain,
    one_line,
)
from claimdesk.importers.evidence_images import check_image, image_type
from claimdesk.importers.pdf import LIGATURES

log = logging.getLogger(__name__)

#: The largest file one attachment may be; larger ones are refused before hashing.
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

PDF = "application/pdf"
HTML = "text/html"
MHTML = "multipart/related"
WARC = "application/warc"
WACZ = "application/wacz"
TEXT = "text/plain"

#: What may come before a markup file's first element: prolog, comments, doctype.
#: A doctype may carry an internal subset in brackets, with '>' inside it.
_PREAMBLE = re.compile(
    rb"\s*(<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(?:\[.*?\])?\s*>)", re.IGNORECASE | re.DOTALL
)
_ROOT = re.compile(rb"\s*<([a-z][a-z0-9]*)", re.IGNORECASE)
_HTML_DOCTYPE = re.compile(rb"<!doctype\s+html", re.IGNORECASE)
_HTML_ROOTS = frozenset({b"html", b"head", b"body"})
_MHTML_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\n)*?content-type:\s*multipart/related",
                         re.IGNORECASE | re.MULTILINE)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EvidenceContent:
    """What a checked evidence file is and the text that desk search will find in it."""

    media_type: str
    text: str


def read_evidence(data: bytes) -> EvidenceContent:
    """Identify `data` by its first bytes, check it is whole and harmless, read its text.

    Raises Unreadable (with a reason for the user) for an unsupported, damaged or
    hostile file: SVG (it can carry scripts), images cut short or declaring more than
    100 megapixels, PDFs without their end marker, zip and gzip bombs.
    """
    if not data:
        raise Unreadable("the file is empty")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise Unreadable(_too_large(len(data)))
    image = image_type(data)
    if image is not None:
        check_image(data, image)
        return EvidenceContent(image, "")
    if data.startswith(b"%PDF-"):
        return EvidenceContent(PDF, _clip(pdf_text(data)))
    if archives.is_warc(data):
        return EvidenceContent(WARC, _clip(archives.warc_text(data, page_text)))
    if archives.is_zip(data):
        return EvidenceContent(WACZ, _clip(archives.wacz_text(data, page_text)))
    if data.startswith(archives.GZIP_MAGIC):
        raise Unreadable("it is a gzip archive but not a WARC web archive")
    head = data[:4096]
    root = _root(head)
    if root == b"svg":
        raise _svg_refused()
    if _MHTML_HEAD.search(head.replace(b"\r\n", b"\n")):
        return EvidenceContent(MHTML, _clip(_mhtml_text(data)))
    if root in _HTML_ROOTS or _HTML_DOCTYPE.search(head[:1024]):
        return EvidenceContent(HTML, _clip(page_text(data, HTML)))
    try:
        text = decode_text(data)
    except Unreadable:
        raise Unreadable(
            "its type is not one ClaimDesk keeps as evidence (PDF, PNG, JPEG, WebP, a saved "
            "web page, WARC, WACZ or plain text)"
        ) from None
    # Markup in UTF-16 is not seen in the raw bytes. An SVG kept as "text" under its .svg
    # name would run its scripts in the browser that opens it; a page is a page.
    decoded_head = text[:4096].encode("utf-8")
    decoded_root = _root(decoded_head)
    if decoded_root == b"svg":
        raise _svg_refused()
    if decoded_root in _HTML_ROOTS or _HTML_DOCTYPE.search(decoded_head[:1024]):
        return EvidenceContent(HTML, _clip(page_text(data, HTML)))
    return EvidenceContent(TEXT, _clip(normalise_plain(text)))


def _svg_refused() -> Unreadable:
    return Unreadable(
        "SVG images are not accepted as evidence (they can carry scripts); "
        "export a PNG of it and attach that"
    )


def extract(data: bytes) -> EvidenceContent:
    """`read_evidence` under the name the import worker calls: attachments are parsed
    there (`IsolatedParser.read_evidence`), under an article's time and memory limits."""
    return read_evidence(data)


def _root(head: bytes) -> bytes | None:
    """The name of a markup file's first element, lower-cased (None: not markup)."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    while m := _PREAMBLE.match(head):
        head = head[m.end() :]
    m = _ROOT.match(head)
    return None if m is None else m.group(1).lower()


def _too_large(size: int) -> str:
    limit = MAX_ATTACHMENT_BYTES // (1024 * 1024)
    return (
        f"the file is {size / (1024 * 1024):.1f} MB, larger than the {limit} MB limit for "
        "one attachment; attach a smaller copy (an excerpt, or a page saved as PDF)"
    )


def _clip(text: str) -> str:
    """Keep at most MAX_TEXT_CHARS of text for the index (the bytes are kept whole)."""
    return text[:MAX_TEXT_CHARS]


def pdf_text(data: bytes) -> str:
    """The PDF's text layer, page by page ("" for a scan); refuses a damaged file."""
    # A whole PDF ends with %%EOF (ISO 32000 7.5.5); pypdf would silently rebuild a
    # truncated one from what is left, and evidence cut short must not pass as whole.
    if b"%%EOF" not in data[-1024:]:
        raise Unreadable("the PDF is cut short (it has no end marker); save it again")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return ""  # kept as bytes; its text is sealed
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types on damaged streams and objects
        log.debug("pypdf failed", exc_info=True)
        raise Unreadable(f"the PDF is damaged ({one_line(exc)})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    return normalise_plain(text.translate(LIGATURES))


def page_text(data: bytes, media_type: str) -> str:
    """Main text of a saved page (trafilatura, offline), or the text of a plain body."""
    if media_type == TEXT:
        try:
            return normalise_plain(decode_text(data))
        except Unreadable:
            return ""
    from claimdesk.importers import html

    try:
        return html.extract(data).text
    except Unreadable:
        return ""


def _mhtml_text(data: bytes) -> str:
    """Text of the first HTML part of a single-file saved page (.mhtml)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == HTML:
            body = part.get_payload(decode=True)
            if isinstance(body, bytes):
                return page_text(body, HTML)
    raise Unreadable("the saved page (MHTML) holds no HTML part")
