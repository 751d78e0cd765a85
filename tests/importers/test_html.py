"""Saved web pages: main text without page furniture, metadata, and no network access."""

from __future__ import annotations

import socket
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import write

PARAGRAPHS = [
    "Minister claims 40% fall in crime",
    "The justice minister said on Thursday that recorded crime had fallen by 40% since "
    "2010, a figure the opposition disputes.",
    "“We have made the streets safer than they have been for a generation,” she told "
    "reporters in Westminster.",
    "Official statistics show a smaller fall of around 10% over the same period, "
    "according to the Office for National Statistics.",
    "Year | Recorded offences",
    "2010 | 4.2 million",
    "2023 | 3.8 million",
    "Police chiefs said the figures were “not comparable” because of changes in how "
    "crimes are recorded.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Minister claims 40% fall in crime | The Daily Example</title>
<meta property="og:title" content="Minister claims 40% fall in crime">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-09-07T10:00:00Z">
<link rel="canonical" href="https://example.org/news/crime-fall">
<script src="https://ads.example.com/tracker.js"></script>
<link rel="stylesheet" href="https://fonts.example.com/font.css">
<style>@import url("https://fonts.example.com/more.css");</style>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies. Accept all cookies?</div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a>
</li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<div class="advert ad-banner">BUY CHEAP WATCHES TODAY</div>
<main><article>
<h1>{PARAGRAPHS[0]}</h1>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
<img src="https://cdn.example.com/photo.jpg" alt="The minister">
<p>{PARAGRAPHS[3]}</p>
<table><tr><th>Year</th><th>Recorded offences</th></tr>
<tr><td>2010</td><td>4.2 million</td></tr><tr><td>2023</td><td>3.8 million</td></tr></table>
<p>Police chiefs said the figures were “not comparable” because of changes in how crimes
   are recorded.</p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity wedding pictures</a>
</li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Total rubbish, I was burgled twice this year!</p></div></section>
<footer><p>© 2023 The Daily Example. Cookie policy. Terms.</p></footer>
<script>document.write('<img src="https://tracker.example.com/pixel.gif">');</script>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record (and refuse) every connection or DNS lookup attempted during the test."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted in an importer test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_main_text_without_menus_ads_or_comments(tmp_path: Path, no_network: list[Any]) -> None:
    document = read_article(write(tmp_path / "crime.html", PAGE))

    assert document.format == "html"
    assert document.text.split("\n\n") == PARAGRAPHS
    for furniture in ("Subscribe", "WATCHES", "rubbish", "Celebrity", "Cookie", "cookies"):
        assert furniture not in document.text
    assert no_network == []


def test_page_metadata(tmp_path: Path, no_network: list[Any]) -> None:
    metadata = read_article(write(tmp_path / "crime.htm", PAGE)).metadata

    assert metadata.title == "Minister claims 40% fall in crime"
    assert metadata.author == "Jane Doe"
    assert metadata.publisher == "The Daily Example"
    assert metadata.url == "https://example.org/news/crime-fall"
    assert metadata.published == date(2023, 9, 7)
    assert no_network == []


JSON_LD_PAGE = """<html><head><title>Page title</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Unemployment at record low, says minister",
 "author": {"@type": "Person", "name": "Kwame Mensah"},
 "publisher": {"@type": "Organization", "name": "Ledger Times"},
 "datePublished": "2021-03-04T05:06:07Z", "url": "https://ledger.example/unemployment"}
</script></head><body><article><h1>Unemployment at record low, says minister</h1>
<p>Unemployment has fallen to its lowest level since records began, the employment minister
said on Monday, although economists warned that the figures hide a rise in inactivity.</p>
<p>The rate fell to 3.4% in the three months to January, according to official data released
this morning, compared with 3.7% a year earlier.</p></article></body></html>"""


def test_json_ld_news_article_metadata(tmp_path: Path) -> None:
    metadata = read_article(write(tmp_path / "ld.html", JSON_LD_PAGE)).metadata

    assert metadata.title == "Unemployment at record low, says minister"
    assert metadata.author == "Kwame Mensah"
    assert metadata.publisher == "Ledger Times"
    assert metadata.published == date(2021, 3, 4)


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Déjà vu</title></head><body><p>Le ministre a annoncé une réforme “majeure” "
        "des retraites, déjà critiquée par les syndicats.</p></body></html>"
    )
    # Labelled Latin-1 but with Windows-1252 quotes, as real pages often are.
    document = read_article(write(tmp_path / "fr.html", page, encoding="cp1252"))

    assert document.text == (
        "Le ministre a annoncé une réforme “majeure” des retraites, déjà critiquée par les "
        "syndicats."
    )
    assert document.metadata.title == "Déjà vu"


@pytest.mark.parametrize("label", ["undefined", "unicode_escape", "utf-16", "utf-7", "nonsense"])
def test_odd_charset_labels_fall_back_to_detection(tmp_path: Path, label: str) -> None:
    page = (
        f'<html><head><meta charset="{label}"></head><body>'
        "<p>Prices rose by 3% in the café sector, the statistics office said.</p></body></html>"
    )

    document = read_article(write(tmp_path / "odd.html", page))

    assert document.text == "Prices rose by 3% in the café sector, the statistics office said."


def test_line_breaks_stay_inside_their_paragraph(tmp_path: Path) -> None:
    page = "<html><body><p>Office of the Minister<br>10 Main Street<br>Capital City</p></body>"

    document = read_article(write(tmp_path / "address.html", page))

    assert document.text == "Office of the Minister\n10 Main Street\nCapital City"
    assert document.metadata.title == "Office of the Minister"


def test_entity_expansion_in_a_doctype_is_not_performed(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    page = (
        f'<!DOCTYPE html [<!ENTITY l0 "lol">{lol}]><html><body>'
        "<p>A normal sentence about the economy, long enough to be an article.</p>"
        "<p>&l9;</p></body></html>"
    )
    started = time.monotonic()

    try:
        text = read_article(write(tmp_path / "lol.html", page)).text
    except ImportRefused:
        text = ""

    assert time.monotonic() - started < 5
    assert len(text) < 10_000


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>var x = 1;</script></head><body></body></html>",
        "   \n  ",
    ],
)
def test_a_page_without_text_is_refused(tmp_path: Path, page: str) -> None:
    path = write(tmp_path / "empty.html", page)

    with pytest.raises(ImportRefused) as refused:
        read_article(path)

    assert "text" in refused.value.reason


def test_hidden_elements_and_templates_are_not_text(tmp_path: Path) -> None:
    # `hidden` and <template> content are never shown; "until-found" content is (on search).
    extra = (
        "<p hidden>Draft: crime fell by 60%, check before publishing.</p>"
        "<template><p>Template: the minister resigned today.</p></template>"
        '<div hidden="until-found"><p>Collapsed but searchable section text.</p></div>'
    )
    page = PAGE.replace("</article>", extra + "</article>")

    text = read_article(write(tmp_path / "hidden.html", page)).text

    assert text.split("\n\n") == [*PARAGRAPHS, "Collapsed but searchable section text."]


def test_a_short_page_loses_its_hidden_elements_too(tmp_path: Path) -> None:
    page = (
        "<html><body><p>Bus fares rise by 5% in May.</p><p hidden>Unconfirmed.</p>"
        "<template>Template words.</template>"
        "<noscript><p>Please enable JavaScript to see the fare table.</p></noscript>"
        "</body></html>"
    )

    assert read_article(write(tmp_path / "short.html", page)).text == "Bus fares rise by 5% in May."


def test_words_written_straight_into_a_div_are_kept(tmp_path: Path) -> None:
    # Many CMSs write paragraphs as <div>text<br>text</div>; with enough <p> elsewhere on
    # the page, trafilatura read only the text after a div's first <br>.
    more = [
        f"Paragraph {n} of the report on transport, long enough to count as article text."
        for n in range(1, 9)
    ]
    extra = "".join(f"<p>{p}</p>" for p in more) + (
        "<div>The mayor said bus use rose by 12% last year.<br>"
        "Operators put the rise at 7%.</div>"
        "<div>A <b>second</b> div of words, with no line break at all.</div>"
    )
    page = PAGE.replace("</article>", extra + "</article>")

    text = read_article(write(tmp_path / "divs.html", page)).text

    assert text.split("\n\n") == [
        *PARAGRAPHS,
        *more,
        "The mayor said bus use rose by 12% last year.\nOperators put the rise at 7%.",
        "A second div of words, with no line break at all.",
    ]


def test_a_short_page_loses_what_its_inline_styles_hide(tmp_path: Path) -> None:
    # Long pages went through trafilatura's own cleaning; short ones did not.
    page = (
        "<html><body><p>Bus fares rise by 5% in May.</p>"
        '<p style="color: red; DISPLAY : none">Draft: 9%?</p>'
        '<p style="visibility:hidden">Check with the council.</p>'
        '<p style="display: block">Shown.</p></body></html>'
    )

    text = read_article(write(tmp_path / "styled.html", page)).text

    assert text == "Bus fares rise by 5% in May.\n\nShown."


def test_loose_words_around_blocks_and_in_sections_are_kept(tmp_path: Path) -> None:
    # The same loss as above, for words beside a <p> in a div, in a <section> of their
    # own, or wrapped only in inline markup.
    more = [
        f"Paragraph {n} of the report on transport, long enough to count as article text."
        for n in range(1, 9)
    ]
    extra = "".join(f"<p>{p}</p>" for p in more) + (
        "<div>Fares rose by 4% in January.<p>Season tickets rose by 6%.</p>"
        "Off-peak fares were frozen.</div>"
        "<section>Bus use fell by 2% over the year.</section>"
        "<div><span>Night buses carried <b>1.2m</b> people.</span></div>"
    )
    page = PAGE.replace("</article>", extra + "</article>")

    text = read_article(write(tmp_path / "loose.html", page)).text

    assert text.split("\n\n")[len(PARAGRAPHS) + len(more) :] == [
        "Fares rose by 4% in January.",
        "Season tickets rose by 6%.",
        "Off-peak fares were frozen.",
        "Bus use fell by 2% over the year.",
        "Night buses carried 1.2m people.",
    ]
