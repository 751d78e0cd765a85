"""Markdown report read back by a CommonMark renderer: escaped, intact, no raw HTML."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

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
