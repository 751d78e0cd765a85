"""Reports list each attached file with its sha256 and capture time; HTML can link copies."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import docx
import jsonschema
import pytest

from claimdesk.domain.evidence import inert_page
from claimdesk.paths import resource_path
from claimdesk.reports.csv_json import JSON_SCHEMA_FILE, export_dict, render_csv
from claimdesk.reports.docx import render_docx
from claimdesk.reports.html import render_html
from claimdesk.reports.markdown import render_markdown
from claimdesk.reports.model import ReportData, file_size
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf
from tests.reports.casework import Case, build_case

CAPTURED = datetime(2026, 11, 30, 9, 15)
PDF = build_pdf([["Annex two of the budget."]])
NASTY_NAME = "<img src=x onerror=alert(3)>.png"


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    built = build_case(tmp_path_factory.mktemp("case"))
    note = built.workbench.claim(built.nasty_claim).sources[0].id
    built.workbench.attach_bytes(note, PDF, "annex.pdf", captured_at=CAPTURED)
    built.workbench.attach_bytes(note, make.png(), NASTY_NAME, captured_at=CAPTURED)
    yield built
    built.close()


@pytest.fixture(scope="module")
def report(case: Case) -> ReportData:
    return case.reporting.build()


SHA = hashlib.sha256(PDF).hexdigest()
LINE = (
    f"annex.pdf (application/pdf, {file_size(len(PDF))}) · sha256 {SHA} · "
    "captured 2026-11-30 09:15"
)


def test_every_text_format_lists_the_file_with_checksum_and_capture_time(
    report: ReportData,
) -> None:
    assert LINE in render_markdown(report)
    assert LINE in render_csv(report)
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert any(LINE in p.text for p in document.paragraphs)
    html = render_html(report)
    assert LINE in html and "<img src=x" not in html and "&lt;img src=x onerror" in html


def test_the_json_export_carries_attachments_and_matches_its_schema(report: ReportData) -> None:
    data = export_dict(report)
    schema = json.loads(resource_path("schemas", JSON_SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    files = [
        f for a in data["articles"] for c in a["claims"] for s in c["sources"]
        for f in s["attachments"]
    ]  # fmt: skip
    assert files[0] == {
        "file_name": "annex.pdf", "media_type": "application/pdf", "size": len(PDF),
        "sha256": SHA, "captured_at": "2026-11-30T09:15:00+00:00",  # the suite runs in UTC
    }  # fmt: skip


def test_the_html_report_links_copies_beside_it(
    case: Case, report: ReportData, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    links = case.reporting.copy_attachments(report, target)
    html = render_html(report, links)
    copies = sorted((tmp_path / "report_files").iterdir())
    assert len(copies) == 2 and len(links) == 2
    for copy in copies:
        digest = hashlib.sha256(copy.read_bytes()).hexdigest()
        assert copy.name.startswith(digest[:12])
    assert f'href="report_files/{SHA[:12]}_annex.pdf"' in html
    assert f"report_files/{hashlib.sha256(make.png()).hexdigest()[:12]}_%3Cimg%20src%3Dx" in html


def test_the_cli_copies_files_beside_an_html_report(
    case: Case, tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "cli.html"
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", "export", "--format", "html", "--copy-attachments",
         "--db", str(case.workbench.db.path), "-o", str(out)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cli_files" / f"{SHA[:12]}_annex.pdf").read_bytes() == PDF
    assert f"cli_files/{SHA[:12]}_annex.pdf" in out.read_text(encoding="utf-8")


def test_a_file_where_the_copies_folder_goes_is_one_clear_line(
    case: Case, tmp_path: Path, data_dir: Path
) -> None:
    (tmp_path / "clash_files").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "clash.html"
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", "export", "--format", "html", "--copy-attachments",
         "--db", str(case.workbench.db.path), "-o", str(out)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    err = result.stderr.decode("utf-8").strip()
    assert result.returncode != 0 and err.startswith("claimdesk: ") and "\n" not in err, err
    assert "clash_files" in err and "not a folder" in err
    assert not out.exists()
    assert (tmp_path / "clash_files").read_text(encoding="utf-8") == "not a folder"


def _cli_html(case: Case, out: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", "export", "--format", "html", "--copy-attachments",
         "--db", str(case.workbench.db.path), "-o", str(out)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip


def test_a_report_that_cannot_be_written_leaves_no_copies_behind(
    case: Case, tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "locked.html"
    out.write_text("an earlier report", encoding="utf-8")
    out.chmod(0o444)
    result = _cli_html(case, out)
    err = result.stderr.decode("utf-8").strip()
    assert result.returncode != 0 and "read-only" in err, err
    assert out.read_text(encoding="utf-8") == "an earlier report"
    assert not (tmp_path / "locked_files").exists()


def test_a_failed_report_keeps_what_its_folder_held_before(
    case: Case, tmp_path: Path, data_dir: Path
) -> None:
    folder = tmp_path / "kept_files"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    out = tmp_path / "kept.html"
    out.write_text("an earlier report", encoding="utf-8")
    out.chmod(0o444)
    assert _cli_html(case, out).returncode != 0
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_file_with_the_longest_name_a_disk_allows_is_copied_beside_the_report(
    tmp_path: Path, data_dir: Path
) -> None:
    own = build_case(tmp_path / "own")
    try:
        note = own.workbench.claim(own.nasty_claim).sources[0].id
        longest = tmp_path / ("ż" * 125 + "s.pdf")  # 255 bytes: as long as a name can be
        assert len(longest.name.encode("utf-8")) == 255
        longest.write_bytes(PDF)
        own.workbench.attach_file(note, longest)
        report = own.reporting.build()
        links = own.reporting.copy_attachments(report, tmp_path / "long.html")
    finally:
        own.close()
    (copy,) = (tmp_path / "long_files").iterdir()
    assert copy.read_bytes() == PDF and copy.name.startswith(SHA[:12] + "_żżż")
    assert copy.suffix == ".pdf" and len(copy.name.encode("utf-8")) <= 255
    assert f'href="{links[next(iter(links))]}"' in render_html(report, links)


def test_a_copy_changed_since_the_last_report_is_not_linked_again(
    case: Case, report: ReportData, tmp_path: Path
) -> None:
    # The checker opened the linked PDF from the last report and saved highlights into it.
    target = tmp_path / "again.html"
    first = case.reporting.copy_attachments(report, target)
    annotated = tmp_path / "again_files" / f"{SHA[:12]}_annex.pdf"
    annotated.write_bytes(PDF + b"% highlights\n")
    links = case.reporting.copy_attachments(report, target)
    for href in links.values():
        copy = (tmp_path / unquote(href)).read_bytes()
        assert unquote(href).split("/")[-1].startswith(hashlib.sha256(copy).hexdigest()[:12])
        assert f'href="{href}"' in render_html(report, links)
    changed = [i for i in links if links[i] != first[i]]
    assert len(changed) == 1 and (tmp_path / unquote(links[changed[0]])).read_bytes() == PDF
    assert annotated.read_bytes() == PDF + b"% highlights\n"  # the checker's copy is kept


def test_a_copy_beside_the_report_ends_as_its_type_does(tmp_path: Path, data_dir: Path) -> None:
    # A reader clicking a plain-text copy named .html would run its script in a browser.
    own = build_case(tmp_path / "own")
    try:
        note = own.workbench.claim(own.nasty_claim).sources[0].id
        text = b"Call log <script>alert(1)</script>"
        own.workbench.attach_bytes(note, text, "call.html")
        report = own.reporting.build()
        links = own.reporting.copy_attachments(report, tmp_path / "typed.html")
    finally:
        own.close()
    (href,) = links.values()
    assert href == f"typed_files/{hashlib.sha256(text).hexdigest()[:12]}_call.html.txt"
    assert (tmp_path / href).read_bytes() == text


def test_a_report_with_the_longest_name_a_disk_allows_gets_its_copies(
    case: Case, tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / ("r" * 250 + ".html")  # 255 bytes; "<stem>_files" would be 256
    result = _cli_html(case, out)
    assert result.returncode == 0, result.stderr.decode("utf-8")[-500:]
    (folder,) = [p for p in tmp_path.iterdir() if p.name.endswith("_files")]
    assert folder.name == "r" * 249 + "_files"
    assert (folder / f"{SHA[:12]}_annex.pdf").read_bytes() == PDF
    assert f'href="{folder.name}/{SHA[:12]}_annex.pdf"' in out.read_text(encoding="utf-8")


#: Spelled out here: a weaker policy in the code must fail this test.
INERT_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'"
)
INERT_META = f'<meta http-equiv="Content-Security-Policy" content="{INERT_POLICY}">'.encode()


def _first_tags(page: bytes) -> list[tuple[str, dict[str, str | None]]]:
    """The start tags of a page in order, as a browser's tokenizer meets them."""
    from html.parser import HTMLParser

    tags: list[tuple[str, dict[str, str | None]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, dict(attrs)))

    Tags().feed(page.decode("utf-8"))
    return tags


def test_a_saved_page_beside_the_report_is_an_inert_copy_and_the_desk_keeps_the_original(
    tmp_path: Path, data_dir: Path
) -> None:
    # A reader clicking the saved page's link opened it in a browser: its script ran and
    # its remote picture loaded, telling the site the report was read.
    own = build_case(tmp_path / "own")
    page = make.page("Flibbertigibbet")
    try:
        note = own.workbench.claim(own.nasty_claim).sources[0].id
        attached, _ = own.workbench.attach_bytes(note, page, "saved.html")
        report = own.reporting.build()
        links = own.reporting.copy_attachments(report, tmp_path / "inert.html")
        again = own.reporting.copy_attachments(report, tmp_path / "inert.html")
        kept = own.workbench.attachment_bytes(attached.id)
    finally:
        own.close()
    sha = hashlib.sha256(page).hexdigest()
    assert kept == page  # the evidence itself is untouched
    href = links[attached.id]
    assert again == links and href == f"inert_files/{sha[:12]}_saved.html"  # linked again
    copy = (tmp_path / href).read_bytes()
    tags = _first_tags(copy)
    # The policy comes before anything else the page holds, its script included.
    assert tags[0] == ("meta", {"http-equiv": "Content-Security-Policy", "content": INERT_POLICY})
    assert copy.startswith(b"<!doctype html>") and copy.endswith(page[len(b"<!doctype html>"):])
    html = render_html(report, links)
    line = next(x for x in html.splitlines() if href in x)
    assert f"sha256 {sha}" in line and "made inert" in line


@pytest.mark.parametrize(
    ("page", "head"),
    [
        (b"<html><body><script>x()</script></body></html>", b""),
        (b"\xef\xbb\xbf<!DOCTYPE html>\n<html>", b"\xef\xbb\xbf<!DOCTYPE html>"),
        (b"  <!-- saved -->\n<!doctype html><p>", b""),
    ],
)
def test_the_policy_goes_first_after_a_byte_order_mark_and_doctype(page: bytes, head: bytes):
    inert = inert_page(page)
    assert inert.startswith(head + b'<meta http-equiv="Content-Security-Policy"')
    assert inert.endswith(page[len(head):])


def test_a_utf16_page_gets_the_policy_in_its_own_encoding() -> None:
    page = "<html><script>x()</script></html>".encode("utf-16")  # with its BOM
    text = inert_page(page).decode("utf-16")
    assert text.startswith('<meta http-equiv="Content-Security-Policy"')
    assert text.endswith("<html><script>x()</script></html>")


def _refreshes(page: str) -> list[dict[str, str | None]]:
    """The meta tags of a page that a browser would follow as a refresh (the first
    http-equiv of a tag counts, its value with character references read)."""
    from html.parser import HTMLParser

    found: list[dict[str, str | None]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            equiv = next((v for k, v in attrs if k == "http-equiv"), None)
            if tag == "meta" and (equiv or "").lower() == "refresh":
                found.append(dict(attrs))

        handle_startendtag = handle_starttag

    Tags().feed(page)
    return found


REFRESHES = [
    '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    "<META HTTP-EQUIV='Refresh' CONTENT='0; URL=https://example.org/'>",
    "<meta http-equiv=refresh content=0;url=https://example.org/>",
    '<meta content="0;url=https://example.org/" http-equiv = "REFRESH">',
    "<meta/http-equiv=refresh content=0;url=https://example.org/>",
    '<meta http-equiv="&#114;efresh" content="0;url=https://example.org/">',
    "<meta\nhttp-equiv=refresh HTTP-EQUIV=refresh content=0;url=https://example.org/ />",
    '<svg><meta http-equiv="refresh" content="0;url=https://example.org/"></svg>',
]


@pytest.mark.parametrize("tag", REFRESHES)
def test_a_saved_pages_refresh_is_inert_in_the_copy(tag: str) -> None:
    # The policy stops scripts, not a meta refresh: the copy sent its reader to the
    # page's address, whatever the case, quoting or spelling of the tag.
    page = f"<!doctype html><html><head>{tag}</head><body><p>Kept</p></body></html>"
    assert _refreshes(page)  # the oracle sees the refresh in the saved page
    copy = inert_page(page.encode("utf-8")).decode("utf-8")
    assert not _refreshes(copy)
    assert copy.endswith("</head><body><p>Kept</p></body></html>")
    assert "content" in copy.lower() and "https://example.org/" in copy  # shown, not followed


def test_a_refresh_with_spaces_around_its_name_is_made_inert_too() -> None:
    copy = inert_page(b'<meta HTTP-EQUIV=" Refresh\t" content="0;url=https://example.org/">')
    assert copy.endswith(b'<meta data-inert-HTTP-EQUIV=" Refresh\t" content="0;url=https://example.org/">')


def test_a_utf16_pages_refresh_is_inert_in_the_copy() -> None:
    page = '<html><meta http-equiv="refresh" content="0;url=https://example.org/"></html>'
    copy = inert_page(page.encode("utf-16")).decode("utf-16")
    assert _refreshes(page) and not _refreshes(copy)


def test_other_meta_lines_of_a_saved_page_are_kept_byte_for_byte() -> None:
    # The page's own charset line still tells the browser how to read the copy.
    page = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        b'<meta name="refresh" content="0;url=x"><title>refresh</title></head>'
        b"<body>&lt;meta http-equiv=refresh&gt; caf\xe9</body></html>"
    )
    assert inert_page(page).endswith(page)


def test_the_desk_keeps_a_refreshing_page_as_it_was_saved(tmp_path: Path, data_dir: Path) -> None:
    own = build_case(tmp_path / "own")
    page = b"<html><head><meta http-equiv=Refresh content='0;url=https://example.org/'></head></html>"
    try:
        note = own.workbench.claim(own.nasty_claim).sources[0].id
        attached, _ = own.workbench.attach_bytes(note, page, "moved.html")
        report = own.reporting.build()
        links = own.reporting.copy_attachments(report, tmp_path / "report.html")
        kept = own.workbench.attachment_bytes(attached.id)
    finally:
        own.close()
    assert kept == page
    copy = (tmp_path / links[attached.id]).read_bytes().decode("utf-8")
    assert _refreshes(page.decode("utf-8")) and not _refreshes(copy)
    line = next(x for x in render_html(report, links).splitlines() if links[attached.id] in x)
    assert "made inert" in line and "refresh" in line  # the report says what was changed


def test_a_refresh_spelled_through_iso_2022_jp_mode_switches_is_made_inert() -> None:
    # ESC ( B switches ISO-2022-JP to ASCII and shows nothing: a browser reading the page
    # as ISO-2022-JP (its charset line says so) sees "<meta http-equiv=refresh ...>".
    page = (
        b'<meta charset="iso-2022-jp"><m\x1b(Beta http-\x1b(Jequiv=re\x1b(Bfresh'
        b" content=0;url=https://example.org/>\x1b$B$3$s\x1b(B"
    )
    read = inert_page(page).decode("iso2022_jp")
    assert _refreshes(page.decode("iso2022_jp")) and not _refreshes(read)
    assert read.endswith("content=0;url=https://example.org/>こん")


def test_a_page_of_unclosed_meta_tags_is_made_inert_in_linear_time() -> None:
    # Each "<meta " read to the end of the page: 20,000 of them took four minutes.
    page = b"<meta " * 100_000 + b"<meta http-equiv=refresh content=0;url=https://example.org/>"
    started = time.monotonic()
    copy = inert_page(page)
    assert time.monotonic() - started < 10
    assert not _refreshes(copy.decode("ascii"))
    many = b"<meta http-equiv=refresh content=0>" * 100_000  # each renamed, once
    started = time.monotonic()
    assert inert_page(many).count(b"<meta data-inert-http-equiv=refresh") == 100_000
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_page_in_utf16_or_utf32_without_a_byte_order_mark_loses_its_refresh(
    codec: str, tmp_path: Path
) -> None:
    # Read as ASCII its refresh line was not seen ("<\0m\0e\0t\0a\0"); a browser reading the
    # page as UTF-16 (its charset line says so, or it guesses from the zero bytes) followed it.
    page = (
        f'<!doctype html><html><head><meta charset="{codec}">'
        '<meta http-equiv="refresh" content="0;url=https://example.org/">'
        "<title>Minutes</title></head><body><p>Kept \u00e9\u4e2d\U0001f600</p></body></html>"
    )
    saved = tmp_path / "saved.html"
    saved.write_bytes(page.encode(codec))  # no byte order mark
    inert = inert_page(saved.read_bytes())
    if codec.startswith("utf-16"):  # the copy says its encoding by a byte order mark
        text = inert.decode("utf-16")
        assert text.startswith('<meta http-equiv="Content-Security-Policy"')
        text = text[text.index(">") + 1 :]
    else:  # browsers read no UTF-32: the policy is in ASCII, whole UTF-32 units long
        policy = inert[: inert.index(b">") + 1]
        assert policy.startswith(b'<meta http-equiv="Content-Security-Policy"')
        text = inert[len(policy) + (-len(policy) % 4) :].decode(codec)
    assert _refreshes(page) and not _refreshes(text)
    assert text == page.replace('http-equiv="refresh"', 'data-inert-http-equiv="refresh"')


def test_a_page_with_a_stray_zero_byte_is_still_read_as_ascii() -> None:
    page = b"<html><body>caf\xe9\x00 <meta http-equiv=refresh content=0></body></html>"
    assert inert_page(page).endswith(page.replace(b"http-equiv", b"data-inert-http-equiv"))


_LIVE = '<meta http-equiv="refresh" content="0;url=https://example.org/">'
_SHOWN = '<meta http-equiv="refresh" content="0;url=https://example.org/live">'


@pytest.mark.parametrize(
    "text",
    [
        f"<title>How {_SHOWN} redirects</title>",
        f"<TEXTAREA name=q>{_SHOWN}</textarea >",
        f"<script>var tag = '{_SHOWN}';</script>",
        f"<style>/* {_SHOWN} */</style>",
        f"<!-- {_SHOWN} -->",
        f"<!DOCTYPE html {_SHOWN}",
        f"<xmp>{_SHOWN}</xmp>",
        f"<script><!-- <script>'{_SHOWN}'</script> '{_SHOWN}' --></script>",
        f"<plaintext>{_SHOWN}",
    ],
)
def test_a_refresh_line_written_as_text_is_kept_as_it_was(text: str) -> None:
    # Inside <title> or <textarea> it is text the reader sees (in a script, a style or a
    # comment, text of the page's source): renaming it there altered the evidence.
    page = f"<html><head>{_LIVE}</head><body>{text}</body></html>"
    copy = inert_page(page.encode("utf-8")).decode("utf-8")
    off = _LIVE.replace("http-equiv", "data-inert-http-equiv")
    assert copy.endswith(f"<html><head>{off}</head><body>{text}</body></html>")


@pytest.mark.parametrize(
    "markup",
    [
        # What only looks like the start of text: the refresh after it is a real tag.
        f'<a title="<title>">{_SHOWN}',
        f"<title></title >{_SHOWN}",
        f"<script><!--<script></script><title></script>{_SHOWN}</title>",
        f"<noscript><!--</noscript>{_SHOWN}-->",  # text only while scripts may run
        f"<svg><title><!--</title>{_SHOWN}-->",  # an SVG title is no text element
        f"<math><style><!--</style>{_SHOWN}-->",
        f"<select><title></select>{_SHOWN}</title>",
        f"<!--->{_SHOWN}",
        f"<!-- a --!>{_SHOWN}",
        f"<textarea></textarea/ x='</textarea>'>{_SHOWN}",
        f"<title>\x1b(B</title>{_SHOWN}",
    ],
)
def test_a_refresh_line_after_what_only_looks_like_text_is_made_inert(markup: str) -> None:
    page = f"<html><body>{markup}</body></html>"
    copy = inert_page(page.encode("utf-8")).decode("utf-8")
    assert _SHOWN.replace("http-equiv", "data-inert-http-equiv") in copy


def test_a_page_of_many_comments_and_titles_is_made_inert_in_linear_time() -> None:
    page = b"<!-- x --><title>t</title><script><!--<script></script>-->;</script>" * 30_000
    started = time.monotonic()
    copy = inert_page(page + _LIVE.encode("ascii"))
    assert time.monotonic() - started < 10
    assert copy.endswith(page + _LIVE.replace("http-equiv", "data-inert-http-equiv").encode())


def _mhtml(main_qp: bytes, frame: str) -> bytes:
    """A single-file page as a browser saves it: its page in quoted-printable, a frame
    in base64 (lines of 76), a picture."""
    import base64

    framed = base64.encodebytes(frame.encode("utf-8")).replace(b"\n", b"\r\n")
    return (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        b'\tboundary="----MultipartBoundary--Xy----"\r\n\r\n\r\n'
        b"------MultipartBoundary--Xy----\r\nContent-Type: text/html\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://news.example/\r\n\r\n" + main_qp + b"\r\n"
        b"------MultipartBoundary--Xy----\r\nContent-Type: text/html\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + framed + b"\r\n"
        b"------MultipartBoundary--Xy----\r\nContent-Type: image/png\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(make.png()).replace(b"\n", b"\r\n")
        + b"\r\n------MultipartBoundary--Xy------\r\n"
    )


_MAIN_QP = (
    # "<meta http-equiv=3D"refresh" ...>" split by a soft line break, as saved.
    b'<!DOCTYPE html><html><head><meta charset=3D"utf-8"><meta http-eq=\r\n'
    b'uiv=3D"refresh" content=3D"0;url=3Dhttps://example.org/">'
    b"<title>How <meta http-equiv=3Drefresh> works</title></head><body>caf=C3=A9=\r\n"
    b" et th=C3=A9</body></html>"
)
_FRAME = f"<html><head>{_LIVE}</head><body><textarea>{_SHOWN}</textarea></body></html>"


def _html_parts(data: bytes) -> list[bytes]:
    import email

    parts = email.message_from_bytes(data).walk()
    return [p.get_payload(decode=True) for p in parts if p.get_content_type() == "text/html"]


def test_a_saved_single_file_page_beside_the_report_is_an_inert_copy(
    tmp_path: Path, data_dir: Path
) -> None:
    # The copy was linked as it was saved: opened from the report, its refresh line
    # sent the reader to the page's address.
    saved = _mhtml(_MAIN_QP, _FRAME)
    own = build_case(tmp_path / "own")
    try:
        note = own.workbench.claim(own.nasty_claim).sources[0].id
        attached, _ = own.workbench.attach_bytes(note, saved, "saved.mhtml")
        report = own.reporting.build()
        links = own.reporting.copy_attachments(report, tmp_path / "mhtml.html")
        kept = own.workbench.attachment_bytes(attached.id)
    finally:
        own.close()
    assert kept == saved and attached.media_type == "multipart/related"
    copy = (tmp_path / links[attached.id]).read_bytes()
    main, frame = _html_parts(copy)
    was_main, was_frame = _html_parts(saved)
    for was, now in ((was_main, main), (was_frame, frame)):
        # (the oracle takes the one in <title> and <textarea>, text to a browser, for tags)
        live = [r for r in _refreshes(now.decode()) if r.get("content", "").endswith("org/")]
        assert _refreshes(was.decode()) and not live
    # Each HTML part's text is the saved one with the policy line and the rename only.
    off = b"data-inert-http-equiv"
    doctype = b"<!DOCTYPE html>"
    assert main == was_main.replace(doctype, doctype + INERT_META, 1).replace(
        b'http-equiv="refresh"', off + b'="refresh"'
    )
    assert frame == INERT_META + was_frame.replace(b"http-equiv", off, 1)
    assert b"<title>How <meta http-equiv=refresh> works</title>" in main  # text stays
    # The picture and the file's own lines are as they were.
    assert copy.endswith(saved[saved.index(b"Content-Type: image/png") :])
    assert copy.startswith(saved[: saved.index(b"<!DOCTYPE")])
    line = next(x for x in render_html(report, links).splitlines() if links[attached.id] in x)
    assert "made inert" in line
