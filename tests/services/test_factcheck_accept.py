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
