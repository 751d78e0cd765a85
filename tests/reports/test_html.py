"""HTML report read back with an HTML parser: escaped, intact, self-contained."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from claimdesk.reports.html import logo_data_uri, render_html
from claimdesk.reports.model import ReportData
from tests.reports.casework import (
    ARABIC,
    HEBREW,
    NASTY_CLAIM,
    NASTY_EXPLANATION,
    NASTY_NOTE,
    NASTY_QUOTE,
    NASTY_TITLE,
    NASTY_URL,
    SCRIPT,
)


class Page(HTMLParser):
    """Collects tags with their attributes, the visible text and the CSS."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.css: list[str] = []
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.css.append(data)
        elif not self._in or self._in[-1] != "title":
            self.text.append(data)

    @property
    def plain(self) -> str:
        return "".join(self.text)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(
        b"IEND", b""
    )


def test_nasty_text_is_escaped_and_intact(report: ReportData) -> None:
    html = render_html(report)
    page = Page(html)
    assert [t for t, _ in page.tags].count("script") == 0
    assert SCRIPT not in html  # only its escaped form is in the markup
    for needle in (NASTY_CLAIM, NASTY_EXPLANATION, NASTY_NOTE, NASTY_QUOTE, NASTY_TITLE, ARABIC,
                   HEBREW, 'Dana "D" Reyes', "Fact & Check <Lab>", NASTY_URL):
        assert needle in page.plain, needle
    assert page.all("title") and page.all("meta")[0].get("charset") == "utf-8"


def test_no_external_resource_and_only_web_links(report: ReportData) -> None:
    page = Page(render_html(report))
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "script")
        src = attrs.get("src")
        assert src is None or src.startswith("data:"), (tag, src)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    css = "".join(page.css)
    assert css.strip() and "url(" not in css and "@import" not in css
    hrefs = [a["href"] for a in page.all("a")]
    assert NASTY_URL in hrefs  # attribute escaping round-trips the ampersand
    assert "https://news.example/budget?id=7&lang=en" in hrefs
    assert all(h and h.startswith(("https://", "http://", "mailto:")) for h in hrefs)
    assert "javascript:alert(2)" in page.plain  # shown as text, never as a link


def test_right_to_left_text_gets_automatic_direction(report: ReportData) -> None:
    page = Page(render_html(report))
    assert any(attrs.get("dir") == "auto" for tag, attrs in page.tags if tag == "h2")
    quotes = [attrs for tag, attrs in page.tags if attrs.get("class") == "quote"]
    assert quotes and all(q.get("dir") == "auto" for q in quotes)


def test_summary_counts_and_claim_context(report: ReportData) -> None:
    page = Page(render_html(report))
    text = " ".join(" ".join(page.text).split())
    assert "Summary of verdicts" in text
    assert "True 1" in text and "False 1" in text and "Unverifiable 1" in text
    assert "3 claims in 2 articles" in text
    # The claim is shown inside its sentence context, and the untouched claim is left out.
    assert f"{' '.join(NASTY_CLAIM.split())} The opposition disagreed." in text
    assert "Claim 3" not in text
    assert "accessed 2026-03-05" in text


def test_logo_is_inlined_and_bad_logos_are_left_out(report: ReportData, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    data = replace(report, organisation=replace(report.organisation, logo=str(logo)))
    imgs = Page(render_html(data)).all("img")
    assert len(imgs) == 1 and (imgs[0]["src"] or "").startswith("data:image/png;base64,")
    assert logo_data_uri(str(tmp_path / "missing.png")) is None
    (tmp_path / "logo.svg").write_text("<svg onload='x'/>", encoding="utf-8")
    assert logo_data_uri(str(tmp_path / "logo.svg")) is None
    assert Page(render_html(report)).all("img") == []


def test_hostile_rating_colour_cannot_inject_css(report: ReportData) -> None:
    first = report.articles[0]
    claim = first.claims[0]
    assert claim.verdict is not None
    bad = replace(claim.verdict.rating, color="red; background-image: url(https://evil.example)")
    claims = (replace(claim, verdict=replace(claim.verdict, rating=bad)), *first.claims[1:])
    data = replace(report, articles=(replace(first, claims=claims), *report.articles[1:]))
    html = render_html(data)
    assert "evil.example" not in html


def test_a_long_unbroken_address_may_wrap(report: ReportData) -> None:
    """A source URL thousands of characters long has no space to break at: without
    permission to break anywhere it runs past the page, and printing cuts it off."""
    css = "".join(Page(render_html(report)).css)
    body = next(rule for rule in css.split("}") if rule.strip().startswith("body"))
    assert "overflow-wrap: anywhere" in body


def test_line_breaks_in_an_explanation_quote_or_note_are_kept(report: ReportData) -> None:
    """Markdown and DOCX keep a checker's line breaks; HTML (and the PDF made from it)
    ran "1. … 2. …" together into one line."""
    from lxml import html as lxml_html

    first = report.articles[0]
    claim = first.claims[0]
    assert claim.verdict is not None
    text = "1. The table <b>shows</b> a rise.\n2. The annex & notes agree.\n\nSo: false."
    source = replace(claim.sources[0], quote="first line\nsecond line", note="a\nb <i>")
    claim = replace(claim, verdict=replace(claim.verdict, explanation=text),
                    sources=(source, *claim.sources[1:]))
    data = replace(report, articles=(replace(first, claims=(claim, *first.claims[1:])),
                                     *report.articles[1:]))
    page = lxml_html.fromstring(render_html(data))
    explanation = page.find_class("explanation")[0]
    assert len(explanation.findall("br")) == 3
    assert explanation.text_content() == text
    assert not explanation.findall("b")
    item = page.find_class("sources")[0].find("li")
    assert len(item.findall(".//br")) >= 2 + 3  # its own three, and one in each text
