"""PNG, JPEG and WebP checked from their headers in pure Python: whole, and not a pixel bomb."""

from __future__ import annotations

import struct

from claimdesk.importers.common import Unreadable

#: The most pixels an attached image may declare. A viewer decodes width × height × 4
#: bytes, so a 100-byte file claiming 50,000 × 50,000 pixels would ask for 10 GB.
MAX_PIXELS = 100_000_000

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# Start-of-frame markers carry the size; C4 (Huffman), C8 and CC (arithmetic) do not.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def image_type(data: bytes) -> str | None:
    """The media type the bytes start with, if they are one of the images we keep."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_image(data: bytes, media_type: str) -> tuple[int, int]:
    """(width, height) of a whole image of `media_type`; Unreadable if cut short or huge."""
    if media_type == "image/png":
        width, height = _png(data)
    elif media_type == "image/jpeg":
        width, height = _jpeg(data)
    else:
        width, height = _webp(data)
    if width <= 0 or height <= 0:
        raise Unreadable("the image declares no size; it is damaged")
    if width * height > MAX_PIXELS:
        raise Unreadable(
            f"the image declares {width:,} × {height:,} pixels, more than the "
            f"{MAX_PIXELS // 1_000_000} megapixel limit (a decompression bomb or a scan "
            "far larger than evidence needs); attach a smaller copy"
        )
    return width, height


def _truncated(kind: str) -> Unreadable:
    return Unreadable(f"the {kind} image is cut short (the file is incomplete); save it again")


def _png(data: bytes) -> tuple[int, int]:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise _truncated("PNG")
    if not data.rstrip(b"\x00").endswith(_PNG_END):
        raise _truncated("PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg(data: bytes) -> tuple[int, int]:
    # Trailing zeros after the end marker are common (padding by cameras and scanners).
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise _truncated("JPEG")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise Unreadable("the JPEG image is damaged (a marker is missing)")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF:
            if pos + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        if length < 2:
            break
        pos += 2 + length
    raise Unreadable("the JPEG image is damaged (it has no frame header)")


def _webp(data: bytes) -> tuple[int, int]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    if len(data) < 30 or riff_size + 8 > len(data):
        raise _truncated("WebP")
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
        return width, height
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            raise Unreadable("the WebP image is damaged (bad lossless header)")
        bits = int.from_bytes(data[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise Unreadable("the WebP image is damaged (bad frame header)")
        width, height = struct.unpack("<HH", data[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    raise Unreadable("the WebP image is damaged (unknown image chunk)")
