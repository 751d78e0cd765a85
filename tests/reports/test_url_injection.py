"""Hostile URLs from imported files, source notes or a tampered database never reach a
writer unencoded: no JavaScript action in the PDF, no javascript: link anywhere."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from markdown_it import MarkdownIt

from claimdesk.domain import ArticleMetadata, SourceDraft
from claimdesk.errors import KnownError
from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.reports.model import ReportData
from claimdesk.services.reporting import Reporting
from tests.reports.casework import Case, open_workbench
from tests.reports.test_html import Page

pytest.importorskip("PySide6.QtGui", reason="the PDF writer needs Qt")

from claimdesk.gui.report_pdf import render_pdf

# A ")" ends Qt's PDF string "(…)"; what follows would be read as PDF dictionary keys.
MD_URL = "https://x.example/a)/S/JavaScript/JS(app.alert(1)"
HTML_URL = "https://x.example/b)/S/JavaScript/JS(app.alert(2)"
SOURCE_URL = "https://x.example/c)>>/A<</S/JavaScript/JS(app.alert(3)"
MD_LINK = "https://x.example/d>)[click](javascript:alert(4)"
CLAIM = "The minister said taxes rose by 40 percent in 2025."
MD_FILE = f"---\ntitle: Evil markdown\nurl: {MD_URL}\n---\n\n{CLAIM}\n"
HTML_FILE = (
    '<html><head><title>Evil page</title><meta property="og:url" '
    f'content="{HTML_URL}"></head><body><article><h1>Evil page</h1><p>{CLAIM} '
    "The opposition disagreed and asked for the figures.</p></article></body></html>"
)


def _walk(node: Any, seen: set[int]) -> Iterator[Any]:
    """Every PDF object reachable from `node` (indirect objects visited once)."""
    if isinstance(node, pypdf.generic.IndirectObject):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
        node = node.get_object()
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, seen)


def pdf_link_targets(pdf: bytes) -> list[str]:
    """The URI of every link action; fails on any script action or an action-less link."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    uris = []
    for obj in _walk(reader.trailer, set()):
        if not isinstance(obj, dict):
            continue
        assert "/JS" not in obj and "/OpenAction" not in obj and "/AA" not in obj, obj
        if "/S" in obj:
            assert obj["/S"] == "/URI", obj
            assert set(obj) <= {"/Type", "/S", "/URI"}, obj
            uris.append(str(obj["/URI"]))
    assert uris, "the report should hold links"
    return uris


def render_export(data: ReportData, name: str, **options: object) -> str | bytes:
    return FORMATS[name].render(data, ExportOptions(**options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    """Two imported articles and a source note, each carrying a hostile URL."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.md").write_text(MD_FILE, encoding="utf-8")
    (folder / "evil.html").write_text(HTML_FILE, encoding="utf-8")
    wb = open_workbench(folder / "hostile.sqlite3")
    ids = [wb.open_file(folder / name).article_id for name in ("evil.md", "evil.html")]
    claims = []
    for article_id in ids:
        start = wb.article(article_id).text.index(CLAIM)
        claims.append(wb.add_claim(article_id, start, start + len(CLAIM))[0])
    false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
    for claim in claims:
        wb.set_verdict(claim, false, "No such rise.")
    wb.add_source(claims[0], SourceDraft(url=SOURCE_URL, title="Evil source"))
    wb.add_source(claims[1], SourceDraft(url=MD_LINK, title="x](javascript:alert(5))"))
    wb.save_settings(
        replace(wb.settings(), org_name="Lab", org_url="https://lab.example/o)/S/JavaScript")
    )
    reporting = Reporting(wb.db)
    case = Case(wb, reporting, ids[0], ids[1], claims[0], claims[1], claims[0], claims[1])
    yield case
    case.close()


def test_urls_are_encoded_where_they_enter(hostile: Case) -> None:
    wb = hostile.workbench
    urls = [wb.article(hostile.article_one).url, wb.article(hostile.article_two).url]
    urls += [s.url for c in (hostile.nasty_claim, hostile.plain_claim)
             for s in wb.claim(c).sources]
    assert urls == [
        "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29",
        "https://x.example/b%29/S/JavaScript/JS%28app.alert%282%29",
        "https://x.example/c%29%3E%3E/A%3C%3C/S/JavaScript/JS%28app.alert%283%29",
        "https://x.example/d%3E%29[click]%28javascript:alert%284%29",
    ]


def test_pdf_of_imported_articles_has_no_javascript(hostile: Case, qapp: object) -> None:
    uris = pdf_link_targets(render_pdf(hostile.reporting.build()))
    assert "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29" in uris


@pytest.fixture(scope="module")
def tampered(hostile: Case) -> ReportData:
    """The same case after the URLs were written straight into the file (no service)."""
    path = hostile.workbench.db.path
    hostile.workbench.db.dispose()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE articles SET url = ? WHERE id = ?", (MD_URL, hostile.article_one))
        con.execute("UPDATE articles SET url = ? WHERE id = ?", (HTML_URL, hostile.article_two))
        con.execute("UPDATE source_notes SET url = ? WHERE title = 'Evil source'", (SOURCE_URL,))
        con.execute("UPDATE source_notes SET url = ? WHERE title LIKE 'x]%'", (MD_LINK,))
    con.close()
    return hostile.reporting.build()


def test_pdf_writer_encodes_urls_it_did_not_check_itself(
    tampered: ReportData, qapp: object
) -> None:
    assert tampered.articles[0].article.url == MD_URL  # the writer sees the raw value
    uris = pdf_link_targets(render_pdf(tampered))
    assert "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29" in uris
    assert "https://x.example/c%29%3E%3E/A%3C%3C/S/JavaScript/JS%28app.alert%283%29" in uris
    assert not any(set(u) & set("()<>\\ ") for u in uris), uris


def test_html_and_markdown_links_are_encoded(tampered: ReportData) -> None:
    html_hrefs = [a["href"] or "" for a in Page(str(render_export(tampered, "html"))).all("a")]
    markdown = str(render_export(tampered, "md"))
    md_page = Page(MarkdownIt("commonmark", {"html": True}).render(markdown))
    md_hrefs = [a["href"] or "" for a in md_page.all("a")]
    for hrefs in (html_hrefs, md_hrefs):
        assert "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29" in hrefs
        for href in hrefs:
            assert not href.lower().startswith("javascript") and not set(href) & set("()<>\"'")
    assert "x](javascript:alert(5))" in md_page.plain  # the label stays text


def test_docx_hyperlinks_are_encoded(tampered: ReportData) -> None:
    data = render_export(tampered, "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    addresses = {link.address for p in document.paragraphs for link in p.hyperlinks}
    assert "https://x.example/b%29/S/JavaScript/JS%28app.alert%282%29" in addresses
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    targets = re.findall(r'Target="([^"]*)"', rels)
    assert not any(t.lower().startswith("javascript") or "(" in t for t in targets), targets


def test_claimreview_carries_only_encoded_addresses(tampered: ReportData) -> None:
    text = str(render_export(tampered, "claimreview", review_url="https://lab.example/r(1)"))
    graph = json.loads(text)["@graph"]
    urls = [g["url"] for g in graph] + [g["author"]["url"] for g in graph]
    urls += [a["url"] for g in graph for a in [g["itemReviewed"]["appearance"]]]
    assert "https://lab.example/r%281%29" in urls
    assert "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29" in urls
    assert not any(set(u) & set("()<>\"' ") for u in urls), urls


def test_article_properties_take_only_web_addresses(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLAIM, encoding="utf-8")
    wb = open_workbench(tmp_path / "props.sqlite3")
    try:
        article = wb.open_file(tmp_path / "a.txt").article_id
        with pytest.raises(KnownError, match="must be a web address"):
            wb.update_metadata(article, ArticleMetadata(title="A", url="javascript:alert(1)"))
        assert wb.article(article).url is None
        wb.update_metadata(article, ArticleMetadata(title="A", url=" " + HTML_URL))
        assert wb.article(article).url == "https://x.example/b%29/S/JavaScript/JS%28app.alert%282%29"
    finally:
        wb.db.dispose()
