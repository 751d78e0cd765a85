"""Evidence files: identified by their bytes, their text read, hostile ones refused."""

from __future__ import annotations

import gzip as gz
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.importers import evidence_archives as archives
from claimdesk.importers.common import Unreadable
from claimdesk.importers.evidence_files import (
    HTML,
    MAX_ATTACHMENT_BYTES,
    MHTML,
    PDF,
    TEXT,
    WACZ,
    WARC,
    read_evidence,
)
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (make.png(), "image/png"),
        (make.jpeg(), "image/jpeg"),
        (make.webp(), "image/webp"),
        (b"Plain notes about the harbour.\n", TEXT),
    ],
)
def test_types_come_from_the_bytes(data: bytes, media_type: str) -> None:
    assert read_evidence(data).media_type == media_type


def test_a_pdf_gives_its_text_layer() -> None:
    found = read_evidence(build_pdf([["The zanzibarite tonnage rose."]]))
    assert found.media_type == PDF
    assert "zanzibarite" in found.text


def test_a_pdfs_ligature_glyphs_are_found_as_letters() -> None:
    data = build_pdf([["The ~nancial of~ce."]], to_unicode={"~": "FB01"})
    assert read_evidence(data).text == "The financial office."


def test_a_saved_page_gives_its_main_text_and_nothing_is_fetched() -> None:
    found = read_evidence(make.page("Quillowort"))
    assert found.media_type == HTML
    assert "Quillowort" in found.text
    assert "tracker.example" not in found.text and "fetch(" not in found.text


def test_a_page_saved_in_utf16_is_still_a_page() -> None:
    # Seen only once decoded: it was kept as plain text, its script among the words.
    found = read_evidence(make.page("Utfsixteen").decode().encode("utf-16"))
    assert found.media_type == HTML
    assert "Utfsixteen" in found.text and "tracker.example" not in found.text


def test_a_single_file_page_gives_its_html_part() -> None:
    body = make.page("Mhtmlword").decode()
    mhtml = (
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="XX"\r\n\r\n'
        "--XX\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: https://news.example/\r\n\r\n{body}\r\n--XX--\r\n"
    ).encode()
    found = read_evidence(mhtml)
    assert (found.media_type, "Mhtmlword" in found.text) == (MHTML, True)


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_gives_its_response_pages_text(compressed: bool) -> None:
    found = read_evidence(make.warc(make.page("Warcwordle"), gzip=compressed))
    assert found.media_type == WARC
    assert "Warcwordle" in found.text and "https://news.example/harbour" in found.text


def test_a_wacz_gives_the_text_of_its_warcs() -> None:
    data = make.wacz({"archive/data.warc.gz": make.warc(make.page("Waczword"))})
    found = read_evidence(data)
    assert (found.media_type, "Waczword" in found.text) == (WACZ, True)


# ------------------------------------------------------------------ hostile files


def _refused(data: bytes, match: str) -> None:
    with pytest.raises(Unreadable, match=match):
        read_evidence(data)


def test_an_svg_with_scripts_is_refused() -> None:
    _refused(make.SVG, "SVG images are not accepted")


@pytest.mark.parametrize(
    "data",
    [
        make.SVG.decode().encode("utf-16"),  # with a byte-order mark
        make.SVG.decode().encode("utf-16-le"),
        make.SVG.replace(
            b"<svg ",
            b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" [\n'
            b'  <!ENTITY ns "http://www.w3.org/2000/svg">\n]>\n<svg ',
        ),
    ],
    ids=["utf-16", "utf-16-without-bom", "doctype-with-internal-subset"],
)
def test_an_svg_in_disguise_is_refused_too(data: bytes) -> None:
    # Passed as plain text, it would be kept under its .svg name and opened by a browser.
    _refused(data, "SVG images are not accepted")


def test_a_page_with_inline_svg_is_still_a_page() -> None:
    data = make.page("Svgless").replace(b"<article>", b"<article><svg><path/></svg>")
    assert read_evidence(data).media_type == HTML


@pytest.mark.parametrize(
    "data",
    [make.png(50_000, 50_000, idat_rows=1), make.jpeg(30_000, 30_000), make.webp(16_384, 16_384)],
    ids=["png", "jpeg", "webp"],
)
def test_image_decompression_bombs_are_refused(data: bytes) -> None:
    _refused(data, "megapixel limit")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (make.png()[:-20], "PNG image is cut short"),
        (make.jpeg()[:-2], "JPEG image is cut short"),
        (make.webp()[:-4], "WebP image is cut short"),
        (build_pdf([["Cut short."]])[:-200], "PDF is cut short"),
        (make.warc(make.page("x"))[:-40], "cut short|damaged"),
        (make.wacz({"archive/a.warc": make.warc(make.page("x"))})[:-30], "damaged or cut short"),
    ],
    ids=["png", "jpeg", "webp", "pdf", "warc.gz", "wacz"],
)
def test_truncated_files_are_refused(data: bytes, match: str) -> None:
    _refused(data, match)


def test_a_wacz_zip_bomb_is_refused() -> None:
    zeros = make.wacz({"archive/data.warc": b"\x00" * (30 * 1024 * 1024)})
    assert len(zeros) < 100_000
    _refused(zeros, "zip bomb")


def test_a_wacz_with_too_many_members_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(archives.MAX_MEMBERS + 1):
            archive.writestr(f"archive/{i}.warc", b"")
    _refused(out.getvalue(), "zip bomb")


def test_a_gzip_bomb_inside_a_wacz_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gzipped WARC passes the zip's own checks (it is stored as it is) but unpacks
    # to more than the budget; the budget is lowered so the test stays quick.
    monkeypatch.setattr(archives, "MAX_UNPACKED", 8 * 1024 * 1024)
    bomb = gz.compress(b"WARC/1.0\r\n" + b"\x00" * (12 * 1024 * 1024))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("archive/data.warc.gz", bomb)
    _refused(out.getvalue(), "zip bomb")


def test_a_zip_that_is_no_wacz_and_other_formats_are_refused() -> None:
    _refused(make.wacz({"word/document.xml": b"<w/>"}), "not a WACZ")
    _refused(b"GIF89a" + b"\x00" * 40, "not one ClaimDesk keeps")
    _refused(gz.compress(b"just text"), "not a WARC")
    _refused(b"\x1f\x8b\x08\x00" + b"\xff" * 64, "not a WARC")  # a damaged gzip header
    _refused(b"", "empty")


def test_a_file_over_the_limit_is_refused_with_the_limit() -> None:
    _refused(b"a" * (MAX_ATTACHMENT_BYTES + 1), "larger than the 50 MB limit")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"RIFF\x10\x00\x00\x00WEBP",
         b"WARC/1.1\r\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"<!doctype html>", b"<svg"]
    ),
    st.binary(max_size=400),
    st.booleans(),
)  # fmt: skip
def test_damaged_files_of_every_type_are_refused_or_read_never_a_crash(
    magic: bytes, rest: bytes, ends_like_pdf: bool
) -> None:
    data = magic + rest + (b"\n%%EOF\n" if ends_like_pdf else b"")
    try:
        read_evidence(data)
    except Unreadable as exc:
        assert exc.reason and "\n" not in exc.reason
