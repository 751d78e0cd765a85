"""`claimdesk bundle import FILE [--take-bundle]` as a real process: conflicts keep local work."""

from __future__ import annotations

from pathlib import Path

from claimdesk.services.bundles import export_bundle, import_bundle
from tests.reports.casework import PLAIN_CLAIM, build_case, open_workbench
from tests.services.test_bundles_trust import edited, forge_plain, local_claim, rating
from tests.test_cli import run


def test_cli_keeps_local_work_and_names_the_conflicts_then_takes_on_request(
    tmp_path: Path,
) -> None:
    case = build_case(tmp_path / "a")
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    case.close()
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    import_bundle(other.db, first)
    plain = local_claim(other, PLAIN_CLAIM)
    other.set_verdict(plain, rating(other, "Mostly false"), "Mine.")
    db = other.db.path
    other.db.dispose()
    future = "9999-01-01T00:00:00"
    forged = edited(first, tmp_path / "forged.claimdesk", lambda d: forge_plain(d, future))
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))

    kept = run("bundle", "import", str(forged), *where)
    assert kept.returncode == 0, kept.stderr
    assert "1 conflict kept local" in kept.stdout
    assert PLAIN_CLAIM in kept.stdout and "Mostly false" in kept.stdout and "True" in kept.stdout
    assert "--take-bundle" in kept.stdout
    other = open_workbench(db)
    try:
        assert other.claim(plain).verdict.rating.name == "Mostly false"  # type: ignore[union-attr]
    finally:
        other.db.dispose()

    taken = run("bundle", "import", str(forged), "--take-bundle", *where)
    assert taken.returncode == 0, taken.stderr
    assert "1 taken from the bundle" in taken.stdout
    other = open_workbench(db)
    try:
        assert other.claim(plain).verdict.rating.name == "True"  # type: ignore[union-attr]
        assert any(h.who.endswith("(bundle)") for h in other.history(plain))
    finally:
        other.db.dispose()


def test_a_refused_bundle_leaves_no_new_desk_and_a_good_one_makes_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.claimdesk"
    bad.write_text("junk", encoding="utf-8")
    db = tmp_path / "new" / "desk.sqlite3"
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    refused = run("bundle", "import", str(bad), *where)
    assert refused.returncode != 0 and "Nothing was changed" in refused.stderr
    assert not (tmp_path / "new").exists()

    case = build_case(tmp_path / "a")
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good)
    case.close()
    taken = run("bundle", "import", str(good), *where)
    assert taken.returncode == 0, taken.stderr
    assert db.is_file()


def test_cli_import_takes_no_bundle_approval_on_a_desk_that_requires_review(
    tmp_path: Path,
) -> None:
    """`claimdesk bundle import` on a desk that publishes only approved verdicts: a bundle
    that says Ben approved the verdict does not make it approved here."""
    from claimdesk.domain import HistoryField, ReviewState
    from tests.services.test_bundles_review import _bundle_approved_by_ben

    case = build_case(tmp_path / "a")
    forged = _bundle_approved_by_ben(case, tmp_path)
    case.close()
    desk = open_workbench(tmp_path / "b" / "b.sqlite3")
    desk.set_review_required(True)
    db = desk.db.path
    desk.db.dispose()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    for _ in range(2):  # the second time changes nothing
        done = run("bundle", "import", str(forged), *where)
        assert done.returncode == 0, done.stderr
    desk = open_workbench(db)
    try:
        plain = local_claim(desk, PLAIN_CLAIM)
        assert desk.claim(plain).verdict.review_state is ReviewState.NEEDS_REVIEW  # type: ignore[union-attr]
        assert [(h.old, h.new, h.who) for h in desk.history(plain)
                if h.field is HistoryField.REVIEW] == [
            ("approved", "needs_review", "bundle: approved by Ben on 2026-12-01")]  # fmt: skip
    finally:
        desk.db.dispose()
