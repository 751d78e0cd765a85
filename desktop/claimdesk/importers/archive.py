"""Zip-container safety for DOCX and ODT: size, ratio and member limits, and defused XML."""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from typing import Any

from claimdesk.importers.common import Unreadable, describe_binary, one_line


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How much a document container may unpack to before it is treated as a zip bomb."""

    max_members: int = 10_000
    max_total_bytes: int = 300 * 1024 * 1024
    max_member_bytes: int = 200 * 1024 * 1024
    # Office XML compresses about 10:1; zeros compress about 1000:1.
    max_ratio: float = 200.0
    # Below this size a high ratio is harmless (small, repetitive XML parts).
    ratio_floor_bytes: int = 4 * 1024 * 1024
    # One XML part (a document's text): 64 MB holds ClaimDesk's 20 MB of text with room
    # for Word's markup; 190 MB of XML took 103 s and 3.1 GB to parse.
    max_xml_bytes: int = 64 * 1024 * 1024


DEFAULT_ZIP_LIMITS = ZipLimits()
_CHUNK = 1024 * 1024


def open_checked_zip(
    data: bytes, kind: str, limits: ZipLimits = DEFAULT_ZIP_LIMITS
) -> dict[str, bytes]:
    """Every member of the zip in `data`, unpacked under `limits`, by name.

    The central directory is checked first, so a bomb is refused before anything is
    inflated; each member is then inflated in chunks and counted, so a directory that
    lies about sizes is caught too. `kind` names the format in messages ("Word document").
    """
    if not data.startswith(b"PK"):
        magic = describe_binary(data)
        if magic is not None and magic.startswith("an old Office file"):
            raise Unreadable(
                f"it is not a {kind} but an old-format or password-protected Office file; "
                "open it in Word or LibreOffice, save it in the newer format and try again"
            )
        if magic is not None:
            raise Unreadable(f"it is not a valid {kind}; it looks like {magic}")
        raise Unreadable(f"it is not a valid {kind} (it is not a zip container)")
    _check_member_count(data, kind, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as exc:  # zipfile raises several types for a damaged directory
        raise Unreadable(
            f"the {kind} is damaged or incomplete ({one_line(exc)}); "
            "ask for a fresh copy and try again"
        ) from None
    _check_directory(infos, len(data), kind, limits)
    members: dict[str, bytes] = {}
    budget = limits.max_total_bytes
    for info in infos:
        if info.is_dir():
            continue
        cap = min(budget, limits.max_member_bytes)
        if _is_xml(info.filename):
            cap = min(cap, limits.max_xml_bytes)
        members[info.filename] = _inflate(archive, info, cap, kind)
        budget -= len(members[info.filename])
    return members


#: Office packages by a part only they have: (part, what the file is, its suffix).
_PACKAGES: tuple[tuple[str, str, str], ...] = (
    ("word/document.xml", "a Word document (.docx)", ".docx"),
    ("xl/workbook.xml", "an Excel workbook (.xlsx)", ".xlsx"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)", ".pptx"),
)
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."


def foreign_package(members: dict[str, bytes], kind: str, own_suffix: str) -> None:
    """Refuse an office document of another kind than `kind`, saying what it is.

    A file renamed from .odt to .docx (or the reverse) is not damaged; the user needs to
    know its real kind, and for the two kinds ClaimDesk opens, the suffix to give it.
    """
    mimetype = members.get("mimetype", b"").strip()
    if mimetype.startswith(_OPENDOCUMENT):
        if mimetype.removeprefix(_OPENDOCUMENT) != b"text":
            return  # another OpenDocument type: the .odt importer says so itself
        what, suffix = "an OpenDocument text (.odt)", ".odt"
    else:
        found = next(((w, sfx) for part, w, sfx in _PACKAGES if part in members), None)
        if found is None:
            return
        what, suffix = found
    if suffix == own_suffix:
        return
    article = "an" if kind[0].lower() in "aeiou" else "a"
    reason = f"it is {what}, not {article} {kind}"
    if suffix in (".docx", ".odt"):
        reason += f"; rename it to end in {suffix} and open it again"
    raise Unreadable(reason)


def _check_member_count(data: bytes, kind: str, limits: ZipLimits) -> None:
    """Read the member count from the end record, before zipfile builds one object each."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end == -1 or end + 22 > len(data):
        return  # no end record: zipfile will report the damage
    (count,) = struct.unpack_from("<H", data, end + 10)
    if count > limits.max_members:  # 0xFFFF means a zip64 count: far too many as well
        raise Unreadable(_too_many(kind, count, limits))


def _too_many(kind: str, count: int, limits: ZipLimits) -> str:
    return f"the {kind} holds {count:,} parts, more than the {limits.max_members:,} allowed"


def _check_directory(
    infos: list[zipfile.ZipInfo], packed_size: int, kind: str, limits: ZipLimits
) -> None:
    if len(infos) > limits.max_members:
        raise Unreadable(_too_many(kind, len(infos), limits))
    total = sum(info.file_size for info in infos)
    biggest = max((info.file_size for info in infos), default=0)
    ratio = total / max(packed_size, 1)
    if (
        total > limits.max_total_bytes
        or biggest > limits.max_member_bytes
        or (total > limits.ratio_floor_bytes and ratio > limits.max_ratio)
    ):
        raise Unreadable(_bomb(kind, total))
    for info in infos:
        if _is_xml(info.filename) and info.file_size > limits.max_xml_bytes:
            raise Unreadable(_too_much_xml(kind, info.filename, info.file_size, limits))
    if any(info.flag_bits & 0x1 for info in infos):
        raise Unreadable(f"the {kind} is encrypted; remove the password and try again")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _too_much_xml(kind: str, name: str, size: int, limits: ZipLimits) -> str:
    return (
        f"the {kind}'s part {name} unpacks to {size / (1024 * 1024):,.0f} MB of XML, more "
        f"than ClaimDesk's {limits.max_xml_bytes // (1024 * 1024)} MB limit for one article; "
        "split it into smaller documents"
    )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, kind: str) -> bytes:
    out = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                out += chunk
                if len(out) > cap or len(out) > info.file_size:
                    raise Unreadable(_bomb(kind, len(out)))
    except Unreadable:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, NotImplementedError...
        raise Unreadable(
            f"the {kind} is damaged or incomplete ({one_line(exc)}); "
            "ask for a fresh copy and try again"
        ) from None
    return bytes(out)


def _bomb(kind: str, size: int) -> str:
    return (
        f"the {kind} would unpack to more than {size / (1024 * 1024):,.0f} MB; "
        "it looks like a zip bomb and was not opened"
    )


def check_xml(name: str, xml: bytes, kind: str) -> None:
    """Refuse XML with a DTD, entities or external references (billion laughs, XXE).

    Only the safety verdict counts here: a part that is merely malformed is left for the
    library that reads it, which may not need it at all.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Unreadable(_unsafe(kind, name)) from None
    except Exception:  # malformed: not our call to make (see above)
        return


def parse_xml(name: str, xml: bytes, kind: str) -> Any:
    """The root element of `xml` parsed with defusedxml; no DTD, entities or network."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Unreadable(_unsafe(kind, name)) from None
    except Exception as exc:  # ParseError, or LookupError for an unknown encoding...
        raise Unreadable(
            f"the {kind} is damaged: {name} is not valid XML ({one_line(exc)})"
        ) from None


def _unsafe(kind: str, name: str) -> str:
    return (
        f"the {kind} contains unsafe XML in {name} (a DTD or entity definitions) and was not opened"
    )
