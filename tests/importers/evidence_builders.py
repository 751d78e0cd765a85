"""Evidence files made by the tests: images, web archives, and hostile variants of them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

PAGE = (
    "<!doctype html><html><head><title>Harbour report</title>"
    "<script>fetch('https://tracker.example/x')</script></head><body><article>"
    "<h1>Harbour tonnage</h1><p>{words} The harbour handled 12 million tonnes of cargo in "
    "2024, according to the port authority's annual report, which was published in March "
    "and audited by the national statistics office.</p>"
    "<p><img src='https://remote.example/pixel.png'>A second paragraph repeats that the "
    "figure includes transhipment, which the minister's claim left out.</p>"
    "</article></body></html>"
)


def page(words: str = "") -> bytes:
    return PAGE.format(words=words).encode()


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png(width: int = 4, height: int = 3, *, idat_rows: int | None = None) -> bytes:
    """A real RGB PNG; `idat_rows` writes fewer rows than declared (for bombs)."""
    rows = height if idat_rows is None else idat_rows
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(rows))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )


def jpeg(width: int = 8, height: int = 8) -> bytes:
    """A JPEG's frame structure (SOI, APP0, SOF0, EOI): enough for its size to be read."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3)
    sof += b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp(width: int = 16, height: int = 9) -> bytes:
    """An extended-format (VP8X) WebP header declaring `width` × `height`."""
    body = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little")
    body += (height - 1).to_bytes(3, "little")
    chunk = b"VP8X" + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def warc(html: bytes, *, gzip: bool = True, uri: str = "https://news.example/harbour") -> bytes:
    """A WARC holding one HTTP response with `html` as its body (written by warcio)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(html), http_headers=headers
    )
    writer.write_record(record)
    return out.getvalue()


def wacz(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", b'{"profile": "data-package"}')
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
