"""Evidence attachments: files kept inside the desk beside a source note."""

from __future__ import annotations

import base64
import bisect
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Literal

from claimdesk.domain.text import cut_to_bytes

#: Longest original file name kept (the column's size); longer ones keep their end.
NAME_CHARS = 500
#: Line breaks and tabs, with the spaces around them (other spaces are kept as they are:
#: a no-break or an ideographic space is part of a name).
_BREAK_CHARS = "\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029"
_BREAKS = re.compile(f" *[{_BREAK_CHARS}][ {_BREAK_CHARS}]*")


def clean_name(name: str) -> str:
    """A file name as shown and stored: one line, no folders, no control characters, not
    empty, not "." or ".." (a bundle can carry any name; a copy written under ".." would
    be the folder above).

    A line break or tab (also U+2028/U+2029, which Qt breaks lines at) becomes a space,
    so "Minutes⏎March.txt" keeps its words apart; other controls and direction marks go.
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _BREAKS.sub(" ", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    if base in ("", ".", ".."):
        base = "attachment"
    return base[-NAME_CHARS:]


def name_of(file_name: str) -> str:
    """A file's name on disk as stored: bytes that are not UTF-8 (a name read through
    surrogate escapes) show as U+FFFD rather than vanish, then as `clean_name`."""
    return clean_name(file_name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


#: Longest file name most file systems take, in bytes of UTF-8 (ext4, APFS, NTFS's
#: 255 UTF-16 units are never fewer).
FILE_NAME_BYTES = 255


#: The endings a copy of each type may keep; the first is added to a name without one.
#: A copy is opened by its name: a text file or a PNG named "page.html" would open in a
#: browser as a live page (a PNG can carry a script in a text chunk).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "image/webp": (".webp",),
    "text/html": (".html", ".htm"),
    "multipart/related": (".mhtml", ".mht"),
    "application/warc": (".warc", ".warc.gz"),
    "application/wacz": (".wacz",),
    "text/plain": (".txt", ".text", ".md", ".csv", ".tsv", ".log", ".json"),
}


def copy_name(name: str, *, media_type: str = "", prefix: str = "") -> str:
    """A name to write a copy of the attached file under: `prefix` + the cleaned name,
    ending as its type does (`SUFFIXES`; "page.html" of plain text is
    "page.html.txt"), shortened before its extension to fit a file system's 255 bytes.

    A name is stored as long as 500 characters (a name from another system or a bundle
    may be), and a 255-byte name is the longest a file can have here already: a copy
    named with a prefix, or in full, could not be written ("File name too long").
    """
    base = clean_name(name)
    endings = SUFFIXES.get(media_type, ())
    if endings and not base.lower().endswith(endings):
        base += endings[0]
    room = FILE_NAME_BYTES - len(prefix.encode("utf-8"))
    if len(base.encode("utf-8")) <= room:
        return prefix + base
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem or len(ext.encode("utf-8")) > 16:
        stem, ext = base, ""
    tail = f".{ext}" if ext else ""
    keep = room - len(tail.encode("utf-8")) - len("…".encode())
    return f"{prefix}{cut_to_bytes(stem, keep)}…{tail}"


#: Types whose copy beside a report is made inert (`inert_copy`): a browser opens them
#: as a live page (an MHTML file's HTML parts: a browser showing one runs no script, but
#: may follow its refresh line). WARC and WACZ are not opened as pages at all.
INERT_COPY_TYPES = frozenset({"text/html", "multipart/related"})
#: What the inert copy of a saved page may do: show its text, its styles and pictures
#: held in it; no script, nothing fetched, no form sent, no other base for its links.
INERT_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'"
)
_INERT_META = f'<meta http-equiv="Content-Security-Policy" content="{INERT_POLICY}">'
_DOCTYPE = re.compile(rb"[ \t\r\n\f]*<!doctype[^>]*>", re.IGNORECASE)
_UTF16 = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def inert_page(data: bytes) -> bytes:
    """A saved page's bytes with a Content-Security-Policy (`INERT_POLICY`) put first,
    so a browser opening the copy runs none of its scripts and loads nothing from the
    web, and with its refresh lines turned off (`_refresh_names`: no policy stops a
    `<meta http-equiv="refresh">` sending the reader to its address); the rest of the
    page is kept byte for byte.

    The policy goes after a byte order mark and a leading doctype (the page keeps its
    rendering mode); before anything else, so it covers every script of the page. A
    UTF-16 page gets it in UTF-16; one without a byte order mark (`_wide_codec`) gets
    the mark too, so every browser reads the copy as it was written and as it was made
    inert (read as ASCII its refresh line, "<\\0m\\0e\\0t\\0a", was never seen). A
    UTF-32 page, which browsers do not read as such, has its refresh lines turned off
    in UTF-32 too. For the copy a report links, never the evidence: the desk keeps the
    original, and the report gives the original's sha256.
    """
    return _inserted(data, _inert_insertions(data))


def _inserted(data: bytes, insertions: list[tuple[int, bytes]]) -> bytes:
    """`data` with each (offset, bytes) of `insertions`, in offset order, put in."""
    cuts = [0, *(at for at, _ in insertions), len(data)]
    pieces = [data[a:b] for a, b in itertools.pairwise(cuts)]
    return pieces[0] + b"".join(
        put + piece for (_, put), piece in zip(insertions, pieces[1:], strict=True)
    )


def _inert_insertions(data: bytes) -> list[tuple[int, bytes]]:
    """What `inert_page` puts into `data`, and where: (offset, bytes), in offset order."""
    for bom, codec in _UTF16:
        if data.startswith(bom):
            policy = (len(bom), _INERT_META.encode(codec))
            return [policy, *_utf16_renames(data, len(bom), codec)]
    wide = _wide_codec(data)
    if wide in _UTF16_BOM:
        return [(0, _UTF16_BOM[wide] + _INERT_META.encode(wide)), *_utf16_renames(data, 0, wide)]
    found: list[tuple[int, bytes]] = []
    pad = b""
    if wide:  # UTF-32: renamed in its own units, and read below as browsers read it
        found += _utf32_renames(data, wide)
        pad = b" " * (-len(_INERT_META) % 4)  # the UTF-32 units after it stay whole
    # Every byte of an ASCII-compatible page is one character here and back again; the
    # tags' own characters (and their quotes, spaces, "=" and ">") are ASCII, and no
    # byte of a multi-byte character in these encodings is one of those.
    found += [(at, _OFF.encode("ascii")) for at in _refresh_names(data.decode("latin-1"))]
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    doctype = _DOCTYPE.match(data, start)
    found.append((doctype.end() if doctype else start, _INERT_META.encode("ascii") + pad))
    return sorted(found, key=lambda insertion: insertion[0])


_UTF16_BOM = {codec: bom for bom, codec in _UTF16}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_renames(data: bytes, start: int, codec: str) -> list[tuple[int, bytes]]:
    """Where the refresh lines of a UTF-16 page (from `start`, after its byte order
    mark) are renamed; an odd last byte is kept as it is, so is every unpaired
    surrogate (a pair is one character, two units)."""
    whole = len(data) - (len(data) - start) % 2
    text = data[start:whole].decode(codec, "surrogatepass")
    found: list[tuple[int, bytes]] = []
    units = last = 0
    for at in _refresh_names(text):
        units += at - last + len(_ASTRAL.findall(text, last, at))
        last = at
        found.append((start + 2 * units, _OFF.encode(codec)))
    return found


def inert_copy(media_type: str, data: bytes) -> bytes:
    """The copy of an `INERT_COPY_TYPES` file a report links (`inert_page`)."""
    return inert_mhtml(data) if media_type == "multipart/related" else inert_page(data)


_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_QP_CODE = re.compile(rb"=(?:[ \t]*\r?\n|[0-9A-Fa-f]{2})")


def inert_mhtml(data: bytes) -> bytes:
    """A single-file saved page (MHTML) with each of its HTML parts made inert as
    `inert_page` makes a page, in the part's own transfer encoding: quoted-printable
    gets what is put in as quoted-printable and keeps every other byte, base64 is
    written again in lines as long as the part's. Every other part, and the file's and
    the parts' headers, are kept byte for byte. A file whose parts cannot be told
    (no boundary) is kept as it is: nothing in it is then shown as a page."""
    head = _BLANK_LINE.search(data)
    if head is None:
        return data
    boundary = BytesHeaderParser(policy=compat32).parsebytes(data[: head.end()]).get_boundary()
    try:
        mark = boundary.encode("ascii", "surrogateescape") if boundary else b""
    except UnicodeEncodeError:  # a boundary in RFC 2231's encoded words
        mark = boundary.encode("utf-8", "surrogateescape") if boundary else b""
    if not mark:
        return data
    delimiter = re.compile(rb"(?:\r?\n|\A)--" + re.escape(mark) + rb"(--)?[ \t]*(?:\r?\n|\Z)")
    edits: list[tuple[int, int, bytes]] = []
    found = delimiter.search(data, head.start())
    while found is not None and not found.group(1):
        start = found.end()
        found = delimiter.search(data, start)
        end = len(data) if found is None else found.start()
        blank = _BLANK_LINE.search(
            data, start - 2 if data[start - 2 : start] == b"\r\n" else start - 1
        )
        if blank is None or blank.end() > end:
            continue
        part = BytesHeaderParser(policy=compat32).parsebytes(data[start : blank.end()])
        if part.get_content_type() != "text/html":
            continue
        encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        edits.append((blank.end(), end, _inert_part(data[blank.end() : end], encoding)))
    cuts = [0, *(x for a, b, _ in edits for x in (a, b)), len(data)]
    kept = [data[a:b] for a, b in itertools.pairwise(cuts)][::2]
    return kept[0] + b"".join(new + rest for (_, _, new), rest in zip(edits, kept[1:], strict=True))


def _inert_part(body: bytes, encoding: str) -> bytes:
    """An MHTML part's HTML, as its transfer `encoding` writes it, made inert."""
    if encoding == "base64":
        # As a lenient reader: the lines' breaks and stray characters skipped, the end
        # padded (a last lone character carries no byte).
        clean = re.sub(rb"[^A-Za-z0-9+/]", b"", body)
        clean = clean[: len(clean) - (len(clean) % 4 == 1)]
        raw = base64.b64decode(clean + b"=" * (-len(clean) % 4))
        first = body.split(b"\n", 1)[0].rstrip(b"\r")
        text = base64.b64encode(inert_page(raw))
        # In lines as long as the part's first (one line if it was one).
        width = max(4, len(first) - len(first) % 4) if b"\n" in body.rstrip() else len(text)
        eol = b"\r\n" if b"\r\n" in body else b"\n"
        lines = [text[i : i + width] for i in range(0, len(text), width)]
        return eol.join(lines) + (eol if body.endswith(b"\n") else b"")
    if encoding != "quoted-printable":
        return inert_page(body)
    # Where each decoded byte is: runs of literal bytes, "=XX" codes, soft line breaks.
    page = bytearray()
    runs: list[tuple[int, int]] = []  # (decoded offset, encoded offset) of each run
    at = 0
    for code in _QP_CODE.finditer(body):
        runs.append((len(page), at))
        page += body[at : code.start()]
        if not code.group().endswith(b"\n"):
            runs.append((len(page), code.start()))
            page.append(int(code.group()[1:], 16))
        at = code.end()
    runs.append((len(page), at))
    page += body[at:]
    where = [decoded for decoded, _ in runs]
    moves: list[tuple[int, bytes]] = []
    for offset, put in _inert_insertions(bytes(page)):
        decoded, encoded = runs[bisect.bisect_right(where, offset) - 1]
        moves.append((encoded + offset - decoded, _quoted_printable(put)))
    return _inserted(body, moves)


def _quoted_printable(data: bytes) -> bytes:
    """`data` in quoted-printable, on one line (what is put into a part's line)."""
    return b"".join(
        bytes([b]) if (33 <= b <= 126 and b != 61) or b == 32 else b"=%02X" % b for b in data
    )


#: How a page without a byte order mark may be written when its bytes are not ASCII's:
#: each codec with its unit's size.
_WIDE = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))


def _order(codec: str) -> Literal["little", "big"]:
    return "little" if codec.endswith("le") else "big"


def _wide_codec(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 a page without a byte order mark is written in, told by its
    zero bytes ("<" is "<\\0" in UTF-16-LE; a browser guesses the same way, or reads
    the page's charset line): of the four, the one its first 1024 bytes have most
    ASCII characters in, if they are over a quarter of its units there; else None."""
    head = data[:1024]
    if b"\0" not in head:
        return None
    found, share = None, 0.25
    for codec, width in _WIDE:
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        ascii_units = sum(0 < int.from_bytes(u, _order(codec)) < 0x80 for u in units)
        if units and ascii_units / len(units) > share:
            found, share = codec, ascii_units / len(units)
    return found


def _utf32_renames(data: bytes, codec: str) -> list[tuple[int, bytes]]:
    """Where `data`'s refresh lines (`_refresh_names`) are renamed, read in UTF-32
    units: a unit no code point has reads as U+FFFD, a last partial unit as nothing."""
    whole = len(data) - len(data) % 4
    units = (int.from_bytes(data[i : i + 4], _order(codec)) for i in range(0, whole, 4))
    view = "".join(chr(u) if u < 0x110000 else "\ufffd" for u in units)
    return [(4 * at, _OFF.encode(codec)) for at in _refresh_names(view)]


#: A `<meta` start tag, as a browser's tokenizer ends a tag's name.
_META_TAG = re.compile(r"<meta(?=[\t\n\f\r />])", re.IGNORECASE)
_TAG_SPACE = "\t\n\f\r "
#: What an attribute of the copy's refresh lines is renamed to: a data attribute, shown
#: to whoever reads the copy's source and followed by no browser.
_OFF = "data-inert-"


def _ascii_lower(text: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def _attributes(text: str, at: int) -> tuple[list[tuple[int, int, str]], int]:
    """A start tag's attributes from `at` (just after its name), read as a browser's
    tokenizer reads them: (where its name starts, where it ends, its raw value) each,
    and where the tag ends."""
    found: list[tuple[int, int, str]] = []
    size = len(text)
    i = at
    while i < size:
        if text[i] in _TAG_SPACE or text[i] == "/":
            i += 1
            continue
        if text[i] == ">":
            return found, i + 1
        start = i
        i += 1  # a first "=" is the name's own
        while i < size and text[i] not in _TAG_SPACE and text[i] not in "/>=":
            i += 1
        end = i
        while i < size and text[i] in _TAG_SPACE:
            i += 1
        value = ""
        if i < size and text[i] == "=":
            i += 1
            while i < size and text[i] in _TAG_SPACE:
                i += 1
            if i < size and text[i] in "\"'":
                close = text.find(text[i], i + 1)
                close = size if close < 0 else close
                value, i = text[i + 1 : close], close + 1
            else:
                begin = i
                while i < size and text[i] not in _TAG_SPACE and text[i] != ">":
                    i += 1
                value = text[begin:i]
        found.append((start, end, value))
    return found, size


def _refresh_names(text: str) -> list[int]:
    """Where in `text` to put `data-inert-`, in order: before each http-equiv attribute
    of each `<meta>` whose http-equiv is "refresh" (any case, any quoting, character
    references read; the first http-equiv of a tag is the one that counts). Every
    other character is kept; so is every other meta line (a page's charset line still
    tells the browser how to read the copy).

    A `<meta` written as text is kept as it is: in a title, a textarea, a script, a
    style, a comment (`_text_spans`: the page read as a browser's tokenizer reads it, up
    to where its reading is no longer sure). Every other `<meta` is looked at, also one
    inside another tag's quotes: missing a real one would send the reader away. So are
    the letters of a page read as ISO-2022-JP, whose mode switches (`_ISO2022`) show
    nothing: `<m` ESC ( B `eta` is a `<meta` there (no text is skipped in such a page:
    its two-byte characters can hide a tag's letters).
    """
    switches = _switches(text)
    # The text as a browser reads it, and where each of its characters is in `text`.
    kept = [i for i in range(len(text)) if i not in switches] if switches else None
    view = text if kept is None else "".join(text[i] for i in kept)
    renamed: set[int] = set()
    # Each tag is read on its own (one inside another's quotes may be the real one), so
    # a page of unclosed "<meta " would be read again and again: past this much reading
    # every http-equiv of the page is renamed instead, its charset line too.
    budget = 4 * len(view) + 65536
    # Text a browser reads as text (a title, a comment): a "<meta" there is no tag.
    spans = _text_spans(view) if kept is None else []
    span = 0
    for tag in _META_TAG.finditer(view):
        while span < len(spans) and spans[span][1] <= tag.start():
            span += 1
        if span < len(spans) and spans[span][0] <= tag.start():
            continue
        attributes, end = _attributes(view, tag.end())
        budget -= end - tag.start()
        if budget < 0:
            every = re.finditer("http-equiv", view, re.IGNORECASE)
            renamed = {m.start() if kept is None else kept[m.start()] for m in every}
            break
        equivs = [(a, v) for a, b, v in attributes if _ascii_lower(view[a:b]) == "http-equiv"]
        if not equivs:
            continue
        value = html.unescape(equivs[0][1].replace("\0", "\ufffd"))
        # Spaces around it too: a browser that trimmed them would follow it.
        if _ascii_lower(value.strip(_TAG_SPACE)) == "refresh":
            renamed.update(a if kept is None else kept[a] for a, _ in equivs)
    return sorted(renamed)


#: Elements whose content a browser reads as text, up to their own end tag (RCDATA,
#: RAWTEXT, script data; PLAINTEXT to the page's end) wherever the page is HTML.
_TEXT_ELEMENTS = frozenset(
    {"title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "script"}
)
#: Past one of these a browser's reading depends on more than the tags before it, so no
#: text is assumed after it: <noscript> holds text only while scripts may run; inside
#: <svg> or <math> a <title> or <style> holds tags; <select> drops some tags (differently
#: in older browsers), a frameset drops them all.
_UNSURE = frozenset({"svg", "math", "noscript", "select", "frameset"})
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_END = re.compile("[\t\n\f\r />]")
_COMMENT_END = re.compile("--!?>")
#: The end tag closing each text element (ASCII case only: "ſ" is no "s" to a browser).
_TEXT_END = {
    name: re.compile(f"</{name}[\t\n\f\r />]", re.IGNORECASE | re.ASCII) for name in _TEXT_ELEMENTS
}
#: What changes a script's reading, in each of its states (script data; after "<!--",
#: escaped; after "<!--" and "<script", double escaped), as the HTML standard has it.
_SCRIPT = {
    "data": re.compile("<!--|</script[\t\n\f\r />]", re.IGNORECASE | re.ASCII),
    "escaped": re.compile(
        "-->|</script[\t\n\f\r />]|<script[\t\n\f\r />]", re.IGNORECASE | re.ASCII
    ),
    "double": re.compile("-->|</script[\t\n\f\r />]", re.IGNORECASE | re.ASCII),
}


def _text_spans(text: str) -> list[tuple[int, int]]:
    """Where `text`, read as a browser's tokenizer reads HTML, holds text in which a
    "<meta" is no tag: comments, doctypes and bogus comments, the content of text
    elements (`_TEXT_ELEMENTS`); in order, up to the first `_UNSURE` tag.

    Tags, their quoted values included, are read as `_attributes` reads them, so a
    "<title>" inside another tag's quotes starts nothing; a span ends no later than a
    browser's text does."""
    spans: list[tuple[int, int]] = []
    size = len(text)
    at = text.find("<")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if after == "!" and text.startswith("--", at + 2):
            # A comment ends at the first "-->" (also "<!-->" and "<!--->") or "--!>"
            # (not "<!--!>" nor "<!---!>").
            found = _COMMENT_END.search(text, at + 2)
            while found is not None and found.group() == "--!>" and found.start() < at + 4:
                found = _COMMENT_END.search(text, found.start() + 1)
            end = size if found is None else found.end()
            spans.append((at, end))
        elif after in ("!", "?") or (
            after == "/" and text[at + 2 : at + 3] not in _LETTERS and text[at + 2 : at + 3] != ">"
        ):
            # A doctype, "<![CDATA[" in HTML, "<?" or "</" with no name: to the first ">".
            close = text.find(">", at + 2)
            end = size if close < 0 else close + 1
            spans.append((at, end))
        elif after == "/" or after in _LETTERS:
            start = at + (2 if after == "/" else 1)
            name_end = _NAME_END.search(text, start)
            stop = size if name_end is None else name_end.start()
            _, end = _attributes(text, stop)
            name = _ascii_lower(text[start:stop]) if after != "/" else ""
            if name in _UNSURE:
                break
            if name in _TEXT_ELEMENTS:
                close = _text_end(text, name, end)
                spans.append((end, close))
                end = close
        else:
            end = at + 1  # a "<" of the text
        at = text.find("<", end)
    return spans


def _text_end(text: str, name: str, at: int) -> int:
    """Where the text of element `name`, starting at `at`, ends: at its end tag."""
    if name == "plaintext":
        return len(text)
    if name != "script":
        found = _TEXT_END[name].search(text, at)
        return len(text) if found is None else found.start()
    state = "data"
    while (found := _SCRIPT[state].search(text, at)) is not None:
        token = found.group()
        if token.startswith("</"):
            if state != "double":
                return found.start()
            state, at = "escaped", found.end()
        elif token == "<!--":
            state, at = "escaped", found.start() + 2  # "<!-->" ends it again at once
        elif token == "-->":
            state, at = "data", found.end()
        else:  # "<script" in an escaped script
            state, at = "double", found.end()
    return len(text)


#: ISO-2022-JP's mode switches, which a browser decodes to nothing (Encoding Standard).
_ISO2022 = re.compile("\x1b(?:\\([BJI]|\\$[@B])")


def _switches(text: str) -> set[int]:
    """The positions of `text`'s ISO-2022-JP mode switches (none in most pages)."""
    if "\x1b" not in text:
        return set()
    return {i for m in _ISO2022.finditer(text) for i in range(m.start(), m.end())}


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file attached to a source note; its bytes are found by `sha256`."""

    id: int
    source_id: int
    sha256: str
    file_name: str
    media_type: str
    size: int
    captured_at: datetime

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")
