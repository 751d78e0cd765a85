"""Builders of real article files (PDF, DOCX, ODT, HTML) for importer tests and samples."""

from __future__ import annotations

import io
import struct
import textwrap
import zipfile
import zlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

# --- PDF: written by hand (Helvetica, WinAnsiEncoding), no PDF library needed ---------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_text_string(text: str) -> bytes:
    """A document-info string in UTF-16BE with a BOM, so any character survives."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _page_content(
    paragraphs: Sequence[str], header: str | None, footer: str | None, width: int
) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
    for paragraph in paragraphs:
        heading = paragraph.startswith("# ")
        if heading:
            ops.append(b"/F1 16 Tf 20 TL")
        for segment in paragraph.removeprefix("# ").split("\n"):  # "\n" forces a line break
            for line in textwrap.wrap(segment, width, break_on_hyphens=False):
                ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"/F1 11 Tf 14 TL T*" if heading else b"T*")  # blank line: a paragraph gap
    ops.append(b"ET")
    if header:
        ops.append(b"BT /F1 9 Tf 72 770 Td " + _pdf_string(header) + b" Tj ET")
    if footer:
        ops.append(b"BT /F1 9 Tf 300 40 Td " + _pdf_string(footer) + b" Tj ET")
    return b"\n".join(ops)


def build_pdf(
    pages: Sequence[Sequence[str]],
    info: dict[str, str] | None = None,
    *,
    header: str | None = None,
    page_numbers: bool = False,
    width: int = 85,
    compress: bool = True,
    to_unicode: dict[str, str] | None = None,
) -> bytes:
    """A valid PDF with a text layer: each page a list of paragraphs ("# " = heading).

    Paragraphs are wrapped at `width` characters and separated by a blank line's space.
    `to_unicode` maps characters to the hex UTF-16 code units a ToUnicode CMap gives
    them ("A" -> "D800" makes every A a lone surrogate in the text layer).
    """
    contents = []
    for number, paragraphs in enumerate(pages, 1):
        footer = f"Page {number} of {len(pages)}" if page_numbers else None
        contents.append(_page_content(paragraphs, header, footer, width))
    cmap = _to_unicode_cmap(to_unicode) if to_unicode else None
    return _assemble_pdf(contents, info, compress=compress, to_unicode=cmap)


def _to_unicode_cmap(mapping: dict[str, str]) -> bytes:
    pairs = "\n".join(f"<{ord(ch):02X}> <{units}>" for ch, units in mapping.items())
    body = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


def build_scanned_pdf(page_count: int = 2) -> bytes:
    """A PDF whose pages hold only an image, like a scan without OCR."""
    image = zlib.compress(bytes(range(256)) * 16)  # 64x64 grey gradient
    xobject = (
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(image)
        + image
        + b"\nendstream"
    )
    content = b"q 450 0 0 600 80 100 cm /Im1 Do Q"
    return _assemble_pdf([content] * page_count, {"Title": "Scan"}, image=xobject)


def _assemble_pdf(
    contents: Sequence[bytes],
    info: dict[str, str] | None,
    *,
    compress: bool = True,
    image: bytes | None = None,
    to_unicode: bytes | None = None,
) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = b" /ToUnicode %d 0 R" % add(to_unicode) if to_unicode else b""
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding%s >>"
        % cmap
    )
    image_id = add(image) if image else None
    pages_id = len(objects) + 2 * len(contents) + 1
    resources = b"<< /Font << /F1 %d 0 R >>" % font
    if image_id:
        resources += b" /XObject << /Im1 %d 0 R >>" % image_id
    resources += b" >>"
    page_ids = []
    for content in contents:
        data, extra = (
            (zlib.compress(content), b" /Filter /FlateDecode")
            if compress
            else (
                content,
                b"",
            )
        )
        stream = add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s "
                b"/Contents %d 0 R >>" % (pages_id, resources, stream)
            )
        )
    kids = b" ".join(b"%d 0 R" % page for page in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info_ref = b""
    if info:
        entries = b" ".join(b"/" + k.encode() + b" " + _pdf_info_value(v) for k, v in info.items())
        info_ref = b" /Info %d 0 R" % add(b"<< " + entries + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objects) + 1, catalog, info_ref)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _pdf_info_value(value: str) -> bytes:
    return b"(" + value.encode() + b")" if value.startswith("D:") else _pdf_text_string(value)


# --- DOCX: python-docx -----------------------------------------------------------------


def build_docx(
    *,
    title: str = "",
    author: str = "",
    created: datetime | None = None,
    heading: str | None = None,
    paragraphs: Sequence[str] = (),
    table: Sequence[Sequence[str]] = (),
    closing: Sequence[str] = (),
) -> bytes:
    """A .docx with core properties, a heading, paragraphs, a table and closing paragraphs."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title, props.author = title, author
    if created is not None:
        props.created = created
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    for paragraph in closing:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_member(package: bytes, name: str, data: bytes, *, level: int = 6) -> bytes:
    """The same zip with member `name` replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        target.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(package: bytes, megabytes: int = 300) -> bytes:
    """A docx whose document.xml inflates to `megabytes` MB of zeros (about 0.3 MB packed)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
        with target.open("word/document.xml", "w") as member:
            chunk = b"0" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


def lying_zip_docx(package: bytes, megabytes: int = 20) -> bytes:
    """A docx whose zip directory claims document.xml is 1 KB while it inflates to MBs."""
    bomb = replace_member(package, "word/document.xml", b"0" * (megabytes << 20), level=1)
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml")
    patched = bytearray(bomb)
    struct.pack_into("<I", patched, info.header_offset + 22, 1024)  # local header size
    name = info.filename.encode()
    central = patched.rfind(b"PK\x01\x02", 0, len(patched))
    while central != -1 and patched[central + 46 : central + 46 + len(name)] != name:
        central = patched.rfind(b"PK\x01\x02", 0, central)
    assert central != -1
    struct.pack_into("<I", patched, central + 24, 1024)  # central directory size
    return bytes(patched)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE doc [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
"""


# --- ODT: a minimal package written by hand --------------------------------------------

_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def build_odt(body_xml: str, *, title: str = "", author: str = "", created: str = "") -> bytes:
    """An .odt whose office:text holds `body_xml` (text:p, text:h, table:table...)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        f"<office:body><office:text>{body_xml}</office:text></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}><office:meta>'
        f"<dc:title>{title}</dc:title><meta:initial-creator>{author}</meta:initial-creator>"
        f"<meta:creation-date>{created}</meta:creation-date></office:meta></office:document-meta>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
        package.writestr("meta.xml", meta)
    return out.getvalue()


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write bytes, or text in `encoding`, and return the path."""
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path
