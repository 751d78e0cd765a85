"""A right-to-left override in a source's title or a verdict stays inside that text.

Left open, U+202E runs on to the end of its paragraph: the stance printed after a
source's title would read "stcidartnoC", the date after a checker's name backwards.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import docx
import pytest
from lxml import html as lxml_html

from claimdesk.domain import SourceDraft, Stance
from claimdesk.reports.docx import render_docx
from claimdesk.reports.html import render_html
from claimdesk.reports.markdown import render_markdown
from claimdesk.reports.model import ReportData, close_bidi
from tests.reports.casework import build_case
from tests.reports.conftest import GENERATED
from tests.reports.test_markdown import MD

RLO = "\u202e"
TITLE = f"Ministry report {RLO}2026 figures"
EXPLANATION = f"The table says {RLO}otherwise"
CHECKER = f"Sam {RLO}Lee"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportData]:
    built = build_case(tmp_path_factory.mktemp("bidi"))
    wb = built.workbench
    ratings = {r.name: r.id for r in wb.rating_scale().ratings}
    wb.save_settings(replace(wb.settings(), checker_name=CHECKER))
    wb.set_verdict(built.true_claim, ratings["True"], EXPLANATION)
    wb.add_source(built.true_claim, SourceDraft(url="https://stats.example/t", title=TITLE,
                                                stance=Stance.CONTRADICTS))
    try:
        yield built.reporting.build(now=GENERATED)
    finally:
        built.close()


def balanced(blocks: list[str]) -> None:
    for text in blocks:
        assert close_bidi(text) == text, repr(text)


def test_html_closes_each_override_where_its_text_ends(report: ReportData) -> None:
    page = lxml_html.fromstring(render_html(report))
    blocks = [e.text_content() for e in page.iter("li", "p", "td", "h1", "h2", "h3")]
    assert any(TITLE in b and "Contradicts" in b for b in blocks)
    assert any(EXPLANATION in b for b in blocks)
    balanced(blocks)


def test_markdown_closes_each_override_where_its_text_ends(report: ReportData) -> None:
    page = lxml_html.fromstring(MD.render(render_markdown(report)))
    blocks = [e.text_content() for e in page.iter("li", "p", "td", "h1", "h2", "h3")]
    assert any(TITLE in b and "contradicts" in b for b in blocks)
    balanced(blocks)


def test_docx_closes_each_override_where_its_text_ends(report: ReportData) -> None:
    paragraphs = [p.text for p in docx.Document(io.BytesIO(render_docx(report))).paragraphs]
    assert any(TITLE in p and "contradicts" in p for p in paragraphs)
    assert any(CHECKER in p for p in paragraphs)
    balanced(paragraphs)
