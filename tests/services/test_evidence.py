"""Evidence attachments through the workbench: stored once, refused whole, undone exactly."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.domain import ClaimStatus, SourceDraft
from claimdesk.errors import StaleReference
from claimdesk.importers.worker import IsolatedParser, WorkerLimits
from claimdesk.services.evidence import AttachmentRefused
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf
from tests.importers.test_limits import slow_pdf
from tests.services.desk import add_article, dump, mark, open_workbench

TABLES = ("claims", "source_notes", "evidence", "evidence_blobs")


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def _source(wb: Workbench, tmp_path: Path) -> int:
    aid = add_article(wb, tmp_path)
    claim = mark(wb, aid, "Ministers will meet again next week")
    source_id, _ = wb.add_source(claim, SourceDraft(url="https://example.org/report"))
    return source_id


def test_a_file_is_attached_listed_and_read_back_byte_for_byte(
    wb: Workbench, tmp_path: Path
) -> None:
    source = _source(wb, tmp_path)
    pdf = build_pdf([["The quarterly blorptastic tally."]])
    path = tmp_path / "report.bin"  # the name says nothing; the bytes say PDF
    path.write_bytes(pdf)
    attachment, changes = wb.attach_file(source, path)
    assert changes.claims and attachment.media_type == "application/pdf"
    assert (attachment.file_name, attachment.size) == ("report.bin", len(pdf))
    assert attachment.sha256 == hashlib.sha256(pdf).hexdigest()
    assert wb.attachments(source) == [attachment]
    assert wb.attachment_bytes(attachment.id) == pdf
    assert "blorptastic" in wb.attachment_text(attachment.id)


def test_the_same_bytes_are_stored_once(wb: Workbench, tmp_path: Path) -> None:
    source = _source(wb, tmp_path)
    claim = wb.claims(wb.articles()[0].id)[0].id
    other, _ = wb.add_source(claim, SourceDraft(url="https://example.org/other"))
    png = make.png()
    first, _ = wb.attach_bytes(source, png, "screenshot.png")
    again, changes = wb.attach_bytes(source, png, "copy.png")
    elsewhere, _ = wb.attach_bytes(other, png, "same.png")
    assert again == first and not changes  # the same file on the same note: nothing new
    assert elsewhere.id != first.id and elsewhere.sha256 == first.sha256
    state = dump(wb.db, TABLES)
    assert (len(state["evidence"]), len(state["evidence_blobs"])) == (2, 1)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (make.SVG, "Cannot attach evil.svg: SVG images are not accepted"),
        (make.png(40_000, 40_000, idat_rows=1), "megapixel limit"),
        (make.png()[:-20], "cut short"),
        (make.wacz({"archive/a.warc": b"\x00" * (30 * 1024 * 1024)}), "zip bomb"),
    ],
    ids=["svg", "pixel-bomb", "truncated", "zip-bomb"],
)
def test_hostile_files_are_refused_with_one_line_and_nothing_changes(
    wb: Workbench, tmp_path: Path, data: bytes, match: str
) -> None:
    source = _source(wb, tmp_path)
    before = dump(wb.db, TABLES)
    undo = wb.undo_label()
    with pytest.raises(AttachmentRefused, match=match) as caught:
        wb.attach_bytes(source, data, "evil.svg")
    assert "\n" not in str(caught.value)
    assert dump(wb.db, TABLES) == before and wb.undo_label() == undo


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    wb: Workbench, tmp_path: Path
) -> None:
    source = _source(wb, tmp_path)
    wb.max_attachment_bytes = 1024
    path = tmp_path / "big.txt"
    path.write_bytes(b"words " * 400)
    with pytest.raises(AttachmentRefused, match=r"big.txt: .* limit for one attachment"):
        wb.attach_file(source, path)
    with pytest.raises(AttachmentRefused, match=r"pasted.txt: .* limit for one attachment"):
        wb.attach_bytes(source, b"words " * 400, "pasted.txt")


def test_a_file_built_to_stall_readers_is_refused_at_the_time_limit(
    wb: Workbench, tmp_path: Path
) -> None:
    # Parsed in the app process, this PDF held the attach (and the window) for minutes.
    source = _source(wb, tmp_path)
    before = dump(wb.db, TABLES)
    wb.evidence_parser = IsolatedParser(WorkerLimits(seconds=2.0))
    started = time.monotonic()
    try:
        with pytest.raises(AttachmentRefused, match="took longer than ClaimDesk's 2 s limit"):
            wb.attach_bytes(source, slow_pdf(pages=8), "slow.pdf")
        elapsed = time.monotonic() - started
        # The next file gets a fresh reader.
        attached, _ = wb.attach_bytes(source, make.png(), "fine.png")
    finally:
        wb.evidence_parser.close()
    assert elapsed < 15
    assert attached.media_type == "image/png"
    assert dump(wb.db, TABLES)["evidence_blobs"] != before["evidence_blobs"]


def test_attaching_to_a_removed_note_is_a_stale_reference(wb: Workbench, tmp_path: Path) -> None:
    source = _source(wb, tmp_path)
    wb.delete_source(source)
    with pytest.raises(StaleReference):
        wb.attach_bytes(source, make.png(), "late.png")


def test_attach_and_remove_undo_and_redo_exactly(wb: Workbench, tmp_path: Path) -> None:
    source = _source(wb, tmp_path)
    empty = dump(wb.db, TABLES)
    attachment, _ = wb.attach_bytes(source, make.jpeg(), "photo.jpg")
    attached = dump(wb.db, TABLES)
    assert wb.undo_label() == "Attach “photo.jpg”"
    wb.undo()
    assert dump(wb.db, TABLES)["evidence"] == empty["evidence"]
    wb.redo()
    assert dump(wb.db, TABLES) == attached
    wb.remove_attachment(attachment.id)
    assert wb.undo_label() == "Remove “photo.jpg”"
    assert dump(wb.db, TABLES)["evidence"] == []
    wb.undo()
    assert dump(wb.db, TABLES) == attached
    assert wb.attachment_bytes(attachment.id) == make.jpeg()


def test_removing_a_source_takes_its_attachments_and_undo_brings_them_back(
    wb: Workbench, tmp_path: Path
) -> None:
    source = _source(wb, tmp_path)
    wb.attach_bytes(source, make.webp(), "frame.webp")
    attached = dump(wb.db, TABLES)
    wb.delete_source(source)
    assert dump(wb.db, TABLES)["evidence"] == []
    wb.undo()
    assert dump(wb.db, TABLES) == attached


def test_unreferenced_bytes_go_when_the_desk_is_opened_again(
    wb: Workbench, tmp_path: Path
) -> None:
    source = _source(wb, tmp_path)
    kept, _ = wb.attach_bytes(source, make.png(), "kept.png")
    gone, _ = wb.attach_bytes(source, make.jpeg(), "gone.jpg")
    wb.remove_attachment(gone.id)
    assert len(dump(wb.db, TABLES)["evidence_blobs"]) == 2
    assert wb.drop_unreferenced_evidence() == 1
    blobs = dump(wb.db, TABLES)["evidence_blobs"]
    assert [b["sha256"] for b in blobs] == [kept.sha256]


def test_desk_search_finds_words_inside_an_attached_pdf_and_names_its_source(
    wb: Workbench, tmp_path: Path
) -> None:
    from claimdesk.domain import HitKind
    from claimdesk.services.search import search

    source = _source(wb, tmp_path)
    assert search(wb, "quizzaciously") == []
    pdf = build_pdf([["The port's ledger was kept quizzaciously by the harbour master."]])
    attachment, _ = wb.attach_bytes(source, pdf, "ledger.pdf")
    (hit,) = search(wb, "quizzaciously")
    claim = wb.claims(wb.articles()[0].id)[0]
    assert (hit.kind, hit.source_id, hit.claim_id) == (HitKind.SOURCE, source, claim.id)
    assert hit.snippet.startswith("ledger.pdf: ") and "[[quizzaciously]]" in hit.marked()
    # A prefix finds it too, as it does in every other kind of hit.
    assert [h.source_id for h in search(wb, "quizzac")] == [source]
    wb.remove_attachment(attachment.id)
    assert search(wb, "quizzaciously") == []
    wb.undo()
    assert [h.source_id for h in search(wb, "quizzaciously")] == [source]


@pytest.mark.parametrize(("body", "query", "found"), [
    # Chinese has no spaces: only the trigram index finds a word inside the text.
    ("海关账本列出了这批货物的重量。", "账本列出", "账本列出"),
    # Part of a long compound, three letters or more.
    ("Die Hafenzollverwaltung führte das Register.", "zollverwalt", "zollverwalt"),
])
def test_desk_search_finds_text_inside_an_attached_file_in_any_script(
    wb: Workbench, tmp_path: Path, body: str, query: str, found: str
) -> None:
    from claimdesk.domain import HitKind
    from claimdesk.services.search import search

    source = _source(wb, tmp_path)
    assert search(wb, query) == []
    wb.attach_bytes(source, body.encode("utf-8"), "register.txt")
    hits = [h for h in search(wb, query) if h.source_id == source]
    assert [h.kind for h in hits] == [HitKind.SOURCE]
    assert hits[0].snippet.startswith("register.txt: ")
    assert f"[[{found}]]" in hits[0].marked()


def test_take_back_undoes_a_notes_file_edits_for_good_and_drops_their_new_bytes(
    wb: Workbench, tmp_path: Path
) -> None:
    # What a cancelled note dialog does (gui test_evidence_cancel).
    source = _source(wb, tmp_path)
    kept, _ = wb.attach_bytes(source, make.png(), "kept.png")
    before = dump(wb.db, ("evidence", "evidence_blobs"))
    since = wb.undo_mark()
    wb.remove_attachment(kept.id)
    wb.attach_bytes(source, make.jpeg(), "new.jpg")
    changes, complete = wb.take_back_files(source, since)
    assert complete and changes.claims
    assert dump(wb.db, ("evidence", "evidence_blobs")) == before
    assert wb.undo_label() == "Attach “kept.png”" and not wb.can_redo()


def test_take_back_stops_at_another_edit_and_keeps_bytes_an_edit_may_bring_back(
    wb: Workbench, tmp_path: Path
) -> None:
    source = _source(wb, tmp_path)
    elsewhere, _ = wb.attach_bytes(source, make.jpeg(), "elsewhere.jpg")
    wb.remove_attachment(elsewhere.id)  # its bytes stay for this undo
    since = wb.undo_mark()
    first, _ = wb.attach_bytes(source, make.png(), "first.png")
    wb.set_status(wb.claims(wb.articles()[0].id)[0].id, ClaimStatus.IN_PROGRESS)
    again, _ = wb.attach_bytes(source, make.jpeg(), "again.jpg")
    _changes, complete = wb.take_back_files(source, since)
    assert not complete  # first.png is under the status change: left for Undo
    assert wb.attachments(source) == [first]
    blobs = {b["sha256"] for b in dump(wb.db, TABLES)["evidence_blobs"]}
    assert {again.sha256, first.sha256} <= blobs
