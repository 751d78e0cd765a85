"""Markdown report read back by a CommonMark renderer: escaped, intact, no raw HTML."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from claimdesk.domain import ArticleMetadata
from claimdesk.reports.markdown import escape_markdown, render_markdown
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
    build_case,
)
from tests.reports.test_html import Page

# GFM-like: raw HTML allowed (so escaping is what keeps <script> out), tables on.
MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def rendered_text(markdown: str) -> str:
    return "".join(Page(MD.render(markdown)).text)


def test_nasty_text_renders_literally(report: ReportData) -> None:
    markdown = render_markdown(report)
    page = Page(MD.render(markdown))
    assert not [t for t, _ in page.tags if t in ("script", "b", "i")]
    text = page.plain
    for needle in (NASTY_CLAIM, NASTY_EXPLANATION, NASTY_NOTE, NASTY_QUOTE, NASTY_TITLE, ARABIC,
                   HEBREW, 'Dana "D" Reyes', NASTY_URL):
        assert needle in text, needle
    hrefs = [a["href"] for a in page.all("a")]
    assert "https://news.example/budget?id=7&lang=en" in hrefs
    assert not any("javascript" in (h or "") for h in hrefs)
    assert "javascript:alert(2)" in text


def test_structure_headings_table_and_claim_in_bold(report: ReportData) -> None:
    page = Page(MD.render(render_markdown(report)))
    names = [t for t, _ in page.tags]
    assert names.count("h1") == 1 and names.count("h2") == 3  # summary + two articles
    assert names.count("h3") == 3 and "table" in names
    assert "strong" in names and "blockquote" in names
    assert " ".join(" ".join(page.text).split()).count("Claim 1 ·") == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
               max_size=40))
def test_escaped_text_renders_as_itself(text: str) -> None:
    text = text.strip()
    if not text:
        return
    assert rendered_text(escape_markdown(text)).strip() == text


@given(st.lists(st.text(alphabet="ab -=+#>*_1.)<&`\\ ", min_size=1, max_size=12).map(str.strip)
                .filter(bool), min_size=2, max_size=4))
def test_lines_become_hard_breaks(lines: list[str]) -> None:
    html = MD.render(escape_markdown("\n".join(lines)))
    assert html.count("<br />") == len(lines) - 1
    assert rendered_text(escape_markdown("\n".join(lines))).strip() == "\n".join(lines)


def test_a_line_break_in_a_heading_or_table_cell_keeps_the_structure(tmp_path: Path) -> None:
    """Headings and table rows are one line in Markdown: a title or rating name with a
    line break (typed into the properties, or left by an older desk) must not end them."""
    built = build_case(tmp_path / "case")
    wb = built.workbench
    meta = ArticleMetadata(title="Budget\n# not a heading | x", url="https://news.example/b")
    wb.update_metadata(built.article_one, meta)
    with sqlite3.connect(wb.db.path) as con:
        con.execute("UPDATE ratings SET name = 'Mostly\nfalse | or *not*' WHERE name = 'False'")
    con.close()
    try:
        markdown = render_markdown(built.reporting.build(title="Report\nsecond line"))
    finally:
        built.close()
    html = lxml_html.fromstring(MD.render(markdown))
    assert [h.text_content() for h in html.iter("h1")] == ["Report second line"]
    h2 = [h.text_content() for h in html.iter("h2")]
    assert "Budget # not a heading | x" in h2 and len(h2) == 3
    cells = [td.text_content() for td in html.iter("td")]
    assert cells[::2] == ["True", "Mostly false | or *not*", "Unverifiable"]
    h3 = [h.text_content() for h in html.iter("h3")]
    assert "Claim 1 · Mostly false | or *not*" in h3
