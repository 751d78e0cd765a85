"""Accepting a match adds a source note with its URL and rating, in one undoable step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimdesk.domain.factchecks import FactCheck, FactCheckMatch, FactCheckSource
from claimdesk.services.factcheck_accept import accept_match
from claimdesk.services.nlp_provider import NlpProvider
from tests.services.desk import add_article, mark, open_workbench

CHECK = FactCheck(
    id=7, url="https://checks.example/review/1", claim="Unemployment fell to 3.9%",
    rating="Mostly true", rating_value=4.0, publisher="Checks Example",
    published=date(2024, 3, 9), language="en", source=FactCheckSource.IMPORTED,
    title="Did unemployment fall?",
)


def test_accepting_a_match_adds_a_source_note_and_undo_removes_it(
    desk_target: str | Path, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    wb = open_workbench(desk_target, nlp_provider)
    try:
        aid = add_article(wb, tmp_path)
        cid = mark(wb, aid, "Unemployment fell to 3.9 percent last year")
        source_id, changes = accept_match(wb, cid, FactCheckMatch(CHECK, 0.83, 0.01, 1, 2))
        (note,) = wb.claim(cid).sources
        assert note.id == source_id and cid in changes.claims
        assert (note.url, note.title, note.publisher, note.quote) == (
            "https://checks.example/review/1", "Did unemployment fall?", "Checks Example",
            "Unemployment fell to 3.9%")
        assert note.note == ("Rated “Mostly true” by Checks Example on 2024-03-09. "
                             "Matched as checked before (similarity 0.83).")
        assert wb.undo_label() == "Add source"
        wb.undo()
        assert wb.claim(cid).sources == ()
    finally:
        wb.db.dispose()


LIBRARY_CSV = (
    "claim,rating,url,publisher,date,language\n"
    "Unemployment fell to 3.9 percent last year,Mostly true,"
    "https://checks.example/review/1?a=1&b=2,Checks & Co,2024-03-09,en\n"
    "5G networks spread the coronavirus,False,https://checks.example/5g,Checks & Co,"
    "2020-04-06,en\n"
)


def accepted_case(folder: Path, nlp: NlpProvider):  # type: ignore[no-untyped-def]
    """A desk whose claim got its match from a real import, found by the real encoder."""
    from claimdesk.services.factcheck_import import import_factcheck_files
    from claimdesk.services.factcheck_match import FactCheckMatcher

    wb = open_workbench(folder / "desk.sqlite3", nlp)
    csv = folder / "checks.csv"
    csv.write_text(LIBRARY_CSV, encoding="utf-8")
    assert import_factcheck_files(wb.db, [csv]).added == 2
    aid = add_article(wb, folder)
    cid = mark(wb, aid, "Unemployment fell to 3.9 percent last year")
    matcher = FactCheckMatcher(wb.db, nlp.encoder())
    matcher.fill_vectors()
    (best, *_rest) = matcher.match(wb.claim(cid).text, exclude_claim=cid)
    assert best.factcheck.url == "https://checks.example/review/1?a=1&b=2"
    accept_match(wb, cid, best)
    return wb, aid, cid


def test_every_report_lists_an_accepted_match_with_its_url_and_rating(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    import io
    import json
    import zipfile

    from claimdesk.reports.csv_json import render_csv, render_json
    from claimdesk.reports.docx import render_docx
    from claimdesk.reports.html import render_html
    from claimdesk.reports.markdown import render_markdown
    from claimdesk.services.reporting import Reporting

    wb, aid, cid = accepted_case(tmp_path, nlp_provider)
    try:
        # An accepted match is worked on: a default report (no "all claims") holds it.
        data = Reporting(wb.db).build([aid])
        (claim,) = [c for part in data.articles for c in part.claims]
        assert claim.id == cid
        rated = "Rated “Mostly true” by Checks & Co on 2024-03-09."
        html = render_html(data)
        assert 'href="https://checks.example/review/1?a=1&amp;b=2"' in html
        assert "Rated “Mostly true” by Checks &amp; Co on 2024-03-09." in html
        markdown = render_markdown(data)
        assert "https://checks.example/review/1?a=1&b=2" in markdown
        assert "Mostly true" in markdown and "Checks" in markdown
        (source,) = json.loads(render_json(data))["articles"][0]["claims"][0]["sources"]
        assert source["url"] == "https://checks.example/review/1?a=1&b=2"
        assert source["note"].startswith(rated)
        with zipfile.ZipFile(io.BytesIO(render_docx(data))) as docx:
            body = docx.read("word/document.xml").decode()
            links = docx.read("word/_rels/document.xml.rels").decode()
        assert "Rated “Mostly true” by Checks &amp; Co on 2024-03-09." in body
        assert 'Target="https://checks.example/review/1?a=1&amp;b=2"' in links
        # The CSV's one cell per claim lists each source on a line: title, URL and its
        # note, so a spreadsheet reader sees the earlier check's rating too.
        csv_text = render_csv(data)
        (line,) = [ln for ln in csv_text.split("\n") if "checks.example" in ln]
        assert "<https://checks.example/review/1?a=1&b=2>" in line
        assert rated in line
    finally:
        wb.db.dispose()


def test_a_bundle_carries_an_accepted_match_to_another_desk(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    from claimdesk.services.bundles import export_bundle, import_bundle

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    wb, _aid, cid = accepted_case(tmp_path / "a", nlp_provider)
    other = open_workbench(tmp_path / "b" / "desk.sqlite3", nlp_provider)
    try:
        (note,) = wb.claim(cid).sources
        bundle = tmp_path / "case.claimdesk"
        assert export_bundle(wb.db, bundle) == 1
        result = import_bundle(other.db, bundle)
        assert result.sources_added == 1
        (article,) = other.articles()
        (claim,) = [c for c in other.claims(article.id) if c.source_count]
        (carried,) = other.claim(claim.id).sources
        fields = ("url", "title", "publisher", "quote", "note", "stance")
        assert [getattr(carried, f) for f in fields] == [getattr(note, f) for f in fields]
        assert carried.url == "https://checks.example/review/1?a=1&b=2"
        assert "Mostly true" in carried.note
    finally:
        wb.db.dispose()
        other.db.dispose()


def test_a_publisher_ending_in_a_full_stop_ends_the_notes_sentence_once() -> None:
    # "Rated “Mostly true” by Snopes Media Group Inc.." had two full stops.
    from dataclasses import replace

    from claimdesk.services.factcheck_accept import source_draft

    check = replace(CHECK, publisher="Snopes Media Group Inc.", published=None)
    assert source_draft(FactCheckMatch(check, 0.8, 0.01, 1, 2)).note == (
        "Rated “Mostly true” by Snopes Media Group Inc. "
        "Matched as checked before (similarity 0.80).")
    dated = replace(check, published=date(2024, 3, 9))
    assert source_draft(FactCheckMatch(dated, None, 0.01, 1, None)).note == (
        "Rated “Mostly true” by Snopes Media Group Inc. on 2024-03-09.")


def test_the_desks_own_verdict_names_the_claim_as_the_window_numbers_it(
    desk_target: str | Path, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    """The note said "claim 7" from the database id, a number the window shows nowhere
    (or on another claim): it names the claim's number and its article instead."""
    from dataclasses import replace

    wb = open_workbench(desk_target, nlp_provider)
    try:
        first = add_article(wb, tmp_path)
        for needle in ("Unemployment fell", "3.9 percent"):
            mark(wb, first, needle)
        other = add_article(
            wb, tmp_path, "Ports\n\nThe port handled 9 million tonnes in 2023.\n", "b.txt"
        )
        rated = mark(wb, other, "The port handled 9 million tonnes")
        claim = wb.claim(rated)
        assert claim.number != claim.id  # what made the old note wrong
        own = replace(CHECK, url=None, publisher="", source=FactCheckSource.DESK, claim_id=rated)
        target = mark(wb, first, "last year")
        accept_match(wb, target, FactCheckMatch(own, 0.9, 0.01, 1, 2))
        (note,) = wb.claim(target).sources
        title = wb.article(other).title
        assert f"claim {claim.number} of “{title}”" in note.note
        assert f"claim {claim.id}." not in note.note
    finally:
        wb.db.dispose()
