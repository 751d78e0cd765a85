"""WARC and WACZ web archives as evidence: checked against bombs, their pages' text read."""

from __future__ import annotations

import io
import logging
import zipfile
import zlib
from collections.abc import Callable, Iterator

from claimdesk.importers.common import Unreadable, one_line

log = logging.getLogger(__name__)

#: The most bytes an archive may unpack to, all members and gzip layers together.
MAX_UNPACKED = 512 * 1024 * 1024
#: A member this much larger than its compressed size is a bomb, not a web page
#: (real WARC and HTML compress 5–20 times; zeros compress about 1,000 times).
MAX_RATIO = 200
#: Members smaller than this are not held to the ratio (tiny files compress oddly).
RATIO_FLOOR = 1024 * 1024
#: A WACZ holds a handful of files (pages, indexes, one or a few WARCs).
MAX_MEMBERS = 10_000
#: Pages whose text is read from one archive, and the bytes read of each one.
MAX_PAGES = 200
MAX_PAGE_BYTES = 5 * 1024 * 1024

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

PageText = Callable[[bytes, str], str]


def _bomb(detail: str) -> Unreadable:
    return Unreadable(f"the archive would unpack to {detail}; it looks like a zip bomb")


def gunzipped_size(data: bytes, limit: int = MAX_UNPACKED) -> int:
    """Bytes that the gzip members in `data` unpack to, counted without keeping them.

    Refuses more than `limit` (as soon as it is passed) and a stream cut short.
    """
    total = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        chunk = rest
        try:
            while chunk:
                total += len(inflater.decompress(chunk, 1 << 20))
                if total > limit:
                    raise _bomb(f"more than {limit // (1024 * 1024)} MB")
                chunk = inflater.unconsumed_tail
        except zlib.error as exc:
            raise Unreadable(f"the compressed archive is damaged ({one_line(exc)})") from None
        if not inflater.eof:
            raise Unreadable("the compressed archive is cut short (the file is incomplete)")
        rest = inflater.unused_data.lstrip(b"\x00")
    return total


def is_warc(data: bytes) -> bool:
    if data.startswith(WARC_MAGIC):
        return True
    if data.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(data[:4096], 16)
        except zlib.error:
            return False  # refused as a damaged gzip that is no WARC
        return head.startswith(WARC_MAGIC)
    return False


def warc_text(data: bytes, page_text: PageText, limit: int = MAX_UNPACKED) -> str:
    """The text of the HTML and plain-text responses in a WARC (gzipped or not)."""
    if data.startswith(GZIP_MAGIC):
        gunzipped_size(data, limit)
    return "\n\n".join(_pages(data, page_text))


def _pages(data: bytes, page_text: PageText) -> Iterator[str]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import ChunkedDataException
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource") or pages >= MAX_PAGES:
                continue
            headers = record.http_headers if record.rec_type == "response" else None
            source = headers if headers is not None else record.rec_headers
            kind = (source.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                continue
            # Read through warcio's decoder with a bound: a gzip-encoded body is a bomb too.
            body = record.content_stream().read(MAX_PAGE_BYTES)
            pages += 1
            text = page_text(body, kind)
            if text:
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                yield f"{uri}\n{text}" if uri else text
    except (ArchiveLoadFailed, ChunkedDataException, ValueError, OSError, EOFError,
            zlib.error) as exc:  # fmt: skip
        raise Unreadable(f"the web archive is damaged ({one_line(exc)})") from None


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def wacz_text(data: bytes, page_text: PageText) -> str:
    """The text of the WARC files inside a WACZ, after checking the zip is no bomb.

    The sizes in the zip's directory bound what zipfile unpacks (it stops at the
    declared size and checks the CRC), so checking them first is enough.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise Unreadable(f"the ZIP archive is damaged or cut short ({one_line(exc)})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _bomb(f"{len(members):,} files (at most {MAX_MEMBERS:,} are accepted)")
        total = sum(m.file_size for m in members)
        if total > MAX_UNPACKED:
            raise _bomb(f"{total / (1024 * 1024):,.0f} MB")
        for m in members:
            if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(1, m.compress_size):
                raise _bomb(f"{m.file_size // max(1, m.compress_size):,} times its size")
        warcs = [
            m for m in members
            if not m.is_dir() and m.filename.lower().endswith((".warc", ".warc.gz"))
        ]  # fmt: skip
        if not warcs:
            raise Unreadable(
                "it is a ZIP archive but not a WACZ web archive (it holds no WARC file)"
            )
        budget = MAX_UNPACKED - total
        texts: list[str] = []
        for member in warcs:
            try:
                body = archive.read(member)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise Unreadable(f"the WACZ archive is damaged ({one_line(exc)})") from None
            if body.startswith(GZIP_MAGIC):
                budget -= gunzipped_size(body, budget)
            texts.append("\n\n".join(_pages(body, page_text)))
    return "\n\n".join(t for t in texts if t)
