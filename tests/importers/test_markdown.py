"""Markdown import: rendered text without markup, front-matter metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimdesk.importers import read_article
from tests.importers.doc_builders import write

ARTICLE_MD = """---
title: "Budget claims, checked"
author: Ana Pérez
date: 2024-02-29
url: https://example.org/budget
publisher: Example News
tags: [budget, !!python/object:os.system "rm -rf /"]
---

# The budget in *five* claims

The minister said spending rose by **12%** in [real terms](https://example.org/x)
and that `inflation` fell.<two spaces>
A line after a hard break.

- Hospitals got £3bn more
  - of which £1bn for staff
- Schools got nothing

| Year | Spending |
|------|----------|
| 2023 | £100bn   |

<div class="note">An <b>HTML</b> aside &amp; more</div>

![Chart of spending](chart.png)

> “We kept our promise,” she said.
""".replace("<two spaces>", "  ")


def test_markdown_is_rendered_to_paragraphs(tmp_path: Path) -> None:
    document = read_article(write(tmp_path / "budget.md", ARTICLE_MD))

    assert document.format == "md"
    assert document.text.split("\n\n") == [
        "The budget in five claims",
        "The minister said spending rose by 12% in real terms and that inflation fell.\n"
        "A line after a hard break.",
        "Hospitals got £3bn more",
        "of which £1bn for staff",
        "Schools got nothing",
        "Year | Spending",
        "2023 | £100bn",
        "An HTML aside & more",
        "Chart of spending",
        "“We kept our promise,” she said.",
    ]


def test_front_matter_becomes_metadata_and_is_never_evaluated(tmp_path: Path) -> None:
    metadata = read_article(write(tmp_path / "budget.markdown", ARTICLE_MD)).metadata

    assert metadata.title == "Budget claims, checked"
    assert metadata.author == "Ana Pérez"
    assert metadata.publisher == "Example News"
    assert metadata.url == "https://example.org/budget"
    assert metadata.published == date(2024, 2, 29)


def test_without_front_matter_the_first_heading_is_the_title(tmp_path: Path) -> None:
    source = "Intro line before the heading.\n\n## Claims about *crime*\n\nText.\n"

    document = read_article(write(tmp_path / "a.md", source))

    assert document.metadata.title == "Claims about crime"
    assert document.metadata.author is None
    assert document.text == "Intro line before the heading.\n\nClaims about crime\n\nText."


def test_an_unclosed_front_matter_fence_is_just_text(tmp_path: Path) -> None:
    document = read_article(write(tmp_path / "a.md", "---\ntitle: x\n\nBody text.\n"))

    assert document.metadata.title != "x"
    assert "Body text." in document.text


def test_html_comments_scripts_and_styles_are_not_text(tmp_path: Path) -> None:
    # A browser shows none of these; a comment may hold an editor's note with a '>' in it.
    source = (
        "Intro.\n\n"
        "<!--\nEditor: revenue > £5bn? Unconfirmed, do not publish.\n-->\n\n"
        "<script>\nvar note = 'Crime rose by 40% last year';\n</script>\n\n"
        "<STYLE>\n.claim::after { content: 'Hidden style text' }\n</STYLE>\n\n"
        "<noscript>\nEnable JavaScript to see the chart.\n</noscript>\n\n"
        "<div>Shown <!-- hidden aside --> words</div>\n\n"
        "<pre>\nPreformatted stays.\n</pre>\n\n"
        "Outro.\n"
    )

    text = read_article(write(tmp_path / "html.md", source)).text

    assert text.split("\n\n") == ["Intro.", "Shown words", "Preformatted stays.", "Outro."]


def test_an_html_line_break_separates_words(tmp_path: Path) -> None:
    source = (
        "Office of the Minister<br>10 Main Street<BR />Capital City\n\n"
        "| Year | Note |\n|---|---|\n| 2023 | rose<br>then fell |\n"
    )

    text = read_article(write(tmp_path / "br.md", source)).text

    assert text.split("\n\n") == [
        "Office of the Minister\n10 Main Street\nCapital City",
        "Year | Note",
        "2023 | rose then fell",
    ]


def test_hidden_html_elements_hide_their_text_markdown_included(tmp_path: Path) -> None:
    # A browser shows none of the hidden parts, whether the element is inline, a block,
    # or a block that wraps Markdown paragraphs.
    source = (
        "Crime fell <span style='display: none'>not</span> by 5%.\n\n"
        "<div hidden>\nDraft: check the 5% with the police.\n</div>\n\n"
        "<aside hidden>\n\nA hidden *Markdown* paragraph.\n\n</aside>\n\n"
        "Shown <b hidden='hidden'>hidden bold</b><b>bold</b> words.\n\n"
        '<details hidden="until-found">\n\nFound by searching the page.\n\n</details>\n'
    )

    text = read_article(write(tmp_path / "hidden.md", source)).text

    assert text.split("\n\n") == [
        "Crime fell by 5%.",
        "Shown bold words.",
        "Found by searching the page.",
    ]
