"""Attachments travel in case bundles: same bytes elsewhere, any changed byte refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from claimdesk.exchange.bundle_file import BundleRefused, read_bundle
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.search import search
from claimdesk.services.workbench import Workbench
from tests.importers import evidence_builders as make
from tests.importers.doc_builders import build_pdf
from tests.reports.casework import Case
from tests.storage.dbfiles import rows

PDF = build_pdf([["The customs ledger lists the zorblatt consignment."]])


def _attach(case: Case) -> tuple[int, str]:
    wb = case.workbench
    note = wb.claim(case.nasty_claim).sources[0].id
    attachment, _ = wb.attach_bytes(note, PDF, "ledger.pdf")
    wb.attach_bytes(note, make.png(), "screenshot.png")
    return note, attachment.sha256


def _blobs(path: Path) -> dict[str, str]:
    return {
        str(sha): hashlib.sha256(bytes(data)).hexdigest()  # type: ignore[arg-type]
        for sha, data in rows(path, "SELECT sha256, data FROM evidence_blobs")
    }


def test_attach_bundle_import_elsewhere_gives_the_same_bytes(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    _note, sha = _attach(case)
    bundle = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, bundle)
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["files"][f"evidence/{sha}"] == {"sha256": sha, "size": len(PDF)}
        assert zf.read(f"evidence/{sha}") == PDF
    import_bundle(other.db, bundle)
    mine, theirs = _blobs(case.workbench.db.path), _blobs(other.db.path)
    assert mine == theirs and len(theirs) == 2 and all(k == v for k, v in theirs.items())
    names = rows(other.db.path, "SELECT file_name, media_type FROM evidence ORDER BY id")
    assert names == [("ledger.pdf", "application/pdf"), ("screenshot.png", "image/png")]
    # The text was read again on import, so desk search finds it in the other desk.
    (hit,) = search(other, "zorblatt")
    assert hit.snippet.startswith("ledger.pdf: ")
    assert other.attachments(hit.source_id or 0)[0].sha256 == sha
    # Importing the same bundle again adds nothing twice.
    import_bundle(other.db, bundle)
    assert rows(other.db.path, "SELECT count(*) FROM evidence") == [(2,)]


def _rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the bundle with members replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def test_a_changed_byte_in_an_attached_file_is_refused_and_nothing_changes(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    _note, sha = _attach(case)
    bundle = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, bundle)
    flipped = bytearray(PDF)
    flipped[100] ^= 0x01
    bad = _rewrite(bundle, tmp_path / "bad.claimdesk", {f"evidence/{sha}": bytes(flipped)})
    before = rows(other.db.path, "SELECT count(*) FROM articles")
    with pytest.raises(BundleRefused, match=r"ledger\.pdf does not match its checksum") as caught:
        import_bundle(other.db, bad)
    assert "\n" not in str(caught.value)
    assert rows(other.db.path, "SELECT count(*) FROM articles") == before
    gone = _rewrite(bundle, tmp_path / "gone.claimdesk", {f"evidence/{sha}": None})
    with pytest.raises(BundleRefused, match=r"ledger\.pdf is missing"):
        read_bundle(gone)


def test_a_hostile_file_smuggled_into_a_bundle_is_refused(
    case: Case, tmp_path: Path
) -> None:
    _note, sha = _attach(case)
    bundle = tmp_path / "case.claimdesk"
    export_bundle(case.workbench.db, bundle)
    # Swap the PDF for an SVG and make every checksum agree with it.
    svg_sha = hashlib.sha256(make.SVG).hexdigest()
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = zf.read("data.json").replace(sha.encode(), svg_sha.encode())
    files = manifest["files"]
    files.pop(f"evidence/{sha}")
    files[f"evidence/{svg_sha}"] = {"sha256": svg_sha, "size": len(make.SVG)}
    files["data.json"] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    bad = _rewrite(
        bundle,
        tmp_path / "svg.claimdesk",
        {
            f"evidence/{sha}": None,
            "data.json": data,
            "manifest.json": json.dumps(manifest).encode(),
        },
    )
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr(f"evidence/{svg_sha}", make.SVG)
    with pytest.raises(BundleRefused, match=r"ledger\.pdf was refused: SVG images"):
        read_bundle(bad)


def test_notes_already_here_get_the_bundles_files(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    import_bundle(other.db, first)  # the other desk now has the same notes, no files
    assert rows(other.db.path, "SELECT count(*) FROM evidence") == [(0,)]
    _attach(case)
    second = tmp_path / "second.claimdesk"
    export_bundle(case.workbench.db, second)
    import_bundle(other.db, second)
    assert rows(other.db.path, "SELECT count(*) FROM evidence") == [(2,)]
