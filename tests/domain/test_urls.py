"""safe_url: the one gate every stored and reported web address goes through."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdesk.domain.urls import clean_url, safe_url, with_lowercase_host

PDF_BREAKOUT = "https://x.example/a)/S/JavaScript/JS(app.alert(1)"


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        ("https://news.example/budget?id=7&lang=en", "https://news.example/budget?id=7&lang=en"),
        ("  http://a.example/x#frag  ", "http://a.example/x#frag"),
        (PDF_BREAKOUT, "https://x.example/a%29/S/JavaScript/JS%28app.alert%281%29"),
        ('https://a.example/"<b>\'\\ x', "https://a.example/%22%3Cb%3E%27%5C%20x"),
        ("https://a.example/\x00\x1f\x7f", "https://a.example/%00%1F%7F"),
        ("https://a.example/été", "https://a.example/%C3%A9t%C3%A9"),
        ("https://a.example/100%25%zz", "https://a.example/100%25%25zz"),
        ("HTTPS://A.example/", "https://A.example/"),
        ("mailto:desk@factlab.example", "mailto:desk@factlab.example"),
    ],
)
def test_web_addresses_are_kept_with_risky_characters_encoded(
    given_url: str, expected: str
) -> None:
    assert safe_url(given_url) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "",
        None,
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>",
        "file:///etc/shadow",
        "ftp://a.example/",
        "https://",
        "https:///path",
        "mailto:",
        "news.example/no-scheme",
        "https://a.example/\ud800",
        "https://a.example/" + "a" * 5000,
    ],
)
def test_anything_else_is_refused(bad: str | None) -> None:
    assert safe_url(bad) is None


def test_clean_url_keeps_only_web_addresses() -> None:
    assert clean_url("mailto:a@b.example") is None
    assert clean_url(PDF_BREAKOUT) == safe_url(PDF_BREAKOUT)


@given(st.text(max_size=60))
def test_no_output_can_break_out_of_a_string_or_attribute(tail: str) -> None:
    url = safe_url("https://h.example/" + tail)
    if url is not None:
        assert not set(url) & set("()<>\"'\\ `{}|^") and url.isascii() and url.isprintable()
        assert safe_url(url) == url  # encoding twice changes nothing


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("https://Checks.EXAMPLE/Review/1?Q=A#Top", "https://checks.example/Review/1?Q=A#Top"),
        ("HTTP://WWW.Example.org", "http://www.example.org"),
        ("https://Example.org:8443?x=Y", "https://example.org:8443?x=Y"),
        ("https://Ana@Example.org/A", "https://Ana@example.org/A"),
        ("https://CAF%C3%89.Example/A", "https://caf%C3%89.example/A"),
    ],
)
def test_a_host_is_lowered_and_the_rest_kept(written: str, stored: str) -> None:
    assert with_lowercase_host(written) == stored
    assert with_lowercase_host(stored) == stored


@given(st.text())
def test_an_address_with_its_host_lowered_is_still_one_the_gate_lets_through(text: str) -> None:
    """A case bundle's library is refused if an address is not as clean_url writes it."""
    url = clean_url("https://" + text)
    if url is not None:
        assert clean_url(with_lowercase_host(url)) == with_lowercase_host(url)
