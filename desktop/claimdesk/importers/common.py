"""Shared importer helpers: reading with limits, decoding, sniffing and text normalisation."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimdesk.domain.models import ArticleMetadata
from claimdesk.domain.text import STRAY_CONTROLS

PARAGRAPH_BREAK = "\n\n"
TITLE_MAX_CHARS = 120
#: The most text one article may have (in characters, about bytes for most languages).
#: A 1,000-page report is about 3 MB; above this, spaCy and the text view get slow.
MAX_TEXT_CHARS = 20 * 1024 * 1024


class Unreadable(Exception):
    """A format module's verdict that a file cannot be imported; `reason` is for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a format module returns: normalised text and whatever metadata it found."""

    text: str
    metadata: ArticleMetadata


def check_text_size(text: str, limit: int = MAX_TEXT_CHARS) -> None:
    """Refuse an article whose extracted text is over ClaimDesk's limit for one article."""
    if len(text) > limit:
        raise Unreadable(
            f"its text ({_megabytes(len(text))}) is larger than ClaimDesk's "
            f"{_megabytes(limit)} limit for one article; split it into smaller files"
        )


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing folders, special files, empty and oversized files.

    The file is opened without blocking and checked through the open descriptor, so a
    FIFO, socket or device (or a link to one, or one swapped in after a check) is
    refused instead of hanging the import or reading forever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise Unreadable(_missing(path)) from None
    except IsADirectoryError:
        raise Unreadable("it is a folder, not a file") from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder with "permission denied"
            raise Unreadable("it is a folder, not a file") from None
        raise Unreadable("permission denied; check that you may read this file") from None
    except OSError as exc:
        raise Unreadable(_special_or_unreadable(path, exc)) from None
    except ValueError:  # a NUL character in the path
        raise Unreadable("the file name is not valid") from None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable("it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(SPECIAL_FILE)
        raise Unreadable(_too_large(info.st_size, max_bytes))
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise Unreadable(f"the file cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # it grew between stat() and read()
        raise Unreadable(_too_large(len(data), max_bytes))
    if not data:
        raise Unreadable("the file is empty")
    return data


SPECIAL_FILE = (
    "it is not a regular file (it is a pipe, socket or device); "
    "save the article as a file and import that"
)


def _missing(path: Path) -> str:
    if path.is_symlink():
        return "it is a link to a file that does not exist"
    return "the file does not exist (it may have been moved or deleted)"


def _special_or_unreadable(path: Path, exc: OSError) -> str:
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        mode = 0
    if mode and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return SPECIAL_FILE  # opening a device or socket failed (ENXIO, EOPNOTSUPP...)
    return f"the file cannot be read ({exc.strerror or exc})"


def _too_large(size: int, limit: int) -> str:
    return f"the file is {_megabytes(size)}, larger than the {_megabytes(limit)} import limit"


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024):,} MB"
    return f"{size / (1024 * 1024):.1f} MB"


# Signatures of common binary files, so a renamed file gets a helpful message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (for example a Word .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (for example a Word .doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)


def describe_binary(data: bytes) -> str | None:
    """What kind of file the bytes look like, if a known signature matches."""
    return next((what for magic, what in _MAGIC if data.startswith(magic)), None)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text in any common encoding, refusing binary data.

    Order: byte-order mark, the encoding the file declares (HTML), strict UTF-8, then
    charset-normalizer's best guess. The BOM is removed.
    """
    text = _decode(data, declared)
    if "\x00" in text:
        raise Unreadable(_binary_reason(data, "it contains NUL bytes"))
    controls = sum(1 for _ in _STRAY_CONTROL_RE.finditer(text))
    if controls > max(8, len(text) // 100):
        raise Unreadable(_binary_reason(data, "it contains control characters"))
    return text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise Unreadable(f"the text is not valid {encoding.upper()}") from None
    magic = describe_binary(data)
    if magic is not None:
        raise Unreadable(f"it is not a text file; it looks like {magic}")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeError):
            pass  # a wrong declaration is common; fall back to detection
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise Unreadable(_binary_reason(data, "it contains NUL bytes"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data)


# On short texts charset-normalizer often ranks a Baltic or Mac code page above
# Windows-1252 for plain French or German; among near-equal candidates the legacy
# Western code pages win, as they do in browsers.
_PREFERRED_LEGACY = ("cp1252", "iso8859_15")
_CHAOS_MARGIN = 0.05


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise Unreadable(
            "its text encoding could not be recognised; save it as UTF-8 and try again"
        )
    best = matches[0]
    for preferred in _PREFERRED_LEGACY:
        for match in matches:
            near = match.chaos <= best.chaos + _CHAOS_MARGIN
            if near and preferred in (match.encoding, *match.could_be_from_charset):
                try:
                    return data.decode(preferred)
                except UnicodeDecodeError:
                    break
    return str(best)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _binary_reason(data: bytes, detail: str) -> str:
    magic = describe_binary(data)
    if magic is not None:
        return f"it is not a text file; it looks like {magic}"
    return f"it looks like a binary file, not text ({detail})"


# Control characters that do not belong in text (tab and line breaks do).
_STRAY_CONTROL_RE = re.compile(f"[{STRAY_CONTROLS}]")


# C0/C1 controls other than tab and newline, and stray BOMs: they break XML reports.
_CONTROL_RE = re.compile(f"[{STRAY_CONTROLS}\ufeff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TRAILING_SPACE_RE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n{3,}")
_INLINE_SPACE_RE = re.compile(r"[ \t\r\f\v]+")


def normalise_plain(text: str) -> str:
    """Plain-text convention: keep the lines, unify newlines, trim trailing spaces.

    At most one blank line survives between lines; NFC composes accents so that the
    same word always has the same code points.
    """
    text = _TRAILING_SPACE_RE.sub("", normalise_newlines(text))
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()


def normalise_text(text: str) -> str:
    """The one normalisation every piece of text passes before ClaimDesk stores it.

    * lone surrogates (from a broken PDF text layer, a YAML escape, a bundle) become
      U+FFFD, so no writer (SQLite, XML, PDF, JSON) ever fails to encode the text;
    * every line break (CRLF, CR, VT, FF, NEL, U+2028, U+2029...) becomes one "\\n";
    * C0/C1 control characters other than tab and newline, NUL and stray BOMs go;
    * Unicode is composed (NFC), so one word always has the same code points.

    Offsets: CRLF, removed characters and NFC make the text shorter, so offsets into
    the *input* are not offsets into the result; ClaimDesk computes every offset on the
    result. The function is idempotent, and on text it produced before it is the
    identity: `normalise_text(t) == t` is the test that offsets stored with `t` (for
    example in a case bundle) are still valid.
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = _LINE_BREAK_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    # Last: removing a control character can bring a letter and its accent together.
    return unicodedata.normalize("NFC", text)


#: The former name, kept for the format modules that call it.
normalise_newlines = normalise_text


def normalise_paragraph(text: str) -> str:
    """One paragraph: collapse runs of spaces, keep explicit line breaks as single '\\n'."""
    text = normalise_newlines(text)
    lines = (_INLINE_SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Structured-format convention: normalised paragraphs separated by one blank line."""
    cleaned = (normalise_paragraph(p) for p in paragraphs)
    return PARAGRAPH_BREAK.join(p for p in cleaned if p)


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """First line of `text`, cut at a word boundary to at most `limit` characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = _INLINE_SPACE_RE.sub(" ", line)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return (cut or line[: limit - 1]) + "…"


def clean_field(value: object) -> str | None:
    """A metadata string trimmed to one line, or None when it is empty or not a string."""
    if not isinstance(value, str):
        return None
    value = normalise_paragraph(value).replace("\n", " ")
    return value[:500] or None


_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: object) -> date | None:
    """A publication date from a datetime, a date or an ISO-like string; None if unusable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE_RE.search(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def one_line(message: object, limit: int = 160) -> str:
    """A library's error message squeezed onto one short line for the user."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def gather_text(element: Any, opening: Callable[[Any], tuple[str, bool] | None]) -> str:
    """The text below an XML `element` in document order, without recursion.

    `opening(node)` gives the text that stands at a descendant's start and whether its
    children count, or None to skip its content; a node's tail always counts. An explicit
    stack keeps absurdly deep documents from exhausting Python's recursion limit.
    """
    parts: list[str] = [element.text or ""]
    # (node, done): the second visit adds the node's tail after its contents.
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(element)]
    while stack:
        node, done = stack.pop()
        if done:
            parts.append(node.tail or "")
            continue
        stack.append((node, True))
        opened = opening(node)
        if opened is None:
            continue
        text, descend = opened
        parts.append(text)
        if descend:
            stack.extend((child, False) for child in reversed(node))
    return "".join(parts)
