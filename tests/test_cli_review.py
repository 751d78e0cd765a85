"""`claimdesk queue|assign|review` as real processes on a SQLite desk."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from claimdesk.domain import HistoryField, ReviewState, SourceDraft
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.workbench import Workbench
from tests.reports.casework import build_case, open_workbench
from tests.test_cli import run


def _sign_in(db: Path, name: str) -> None:
    wb = open_workbench(db)
    try:
        wb.save_settings(replace(wb.settings(), checker_name=name))
    finally:
        wb.db.dispose()


def _rate(wb: Workbench, claim: int) -> None:
    false = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
    wb.set_verdict(claim, false, "The ONS says 4.2.")


def test_assign_request_review_and_approve_from_a_shell(tmp_path: Path) -> None:
    case = build_case(tmp_path / "a")
    claim = case.untouched_claim
    _rate(case.workbench, claim)  # as the case's checker
    db = case.workbench.db.path
    assert db is not None
    case.close()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))

    asked = run("review", "request", str(claim), *where)
    assert asked.returncode == 0, asked.stderr
    assert f"claim {claim}: Needs review" in asked.stdout
    own = run("review", "approve", str(claim), *where)
    assert own.returncode == 2
    assert "A second checker must approve" in own.stderr and "Traceback" not in own.stderr

    _sign_in(db, "Ben Ode")
    waiting = run("queue", "review", "--format", "json", *where)
    assert waiting.returncode == 0, waiting.stderr
    assert [c["claim_id"] for c in json.loads(waiting.stdout)] == [claim]
    approved = run("review", "approve", str(claim), *where)
    assert approved.returncode == 0, approved.stderr
    assert run("queue", "review", *where).returncode == 1  # empty now

    assert run("assign", str(claim), "Ben Ode", *where).returncode == 0
    mine = run("queue", "mine", *where)
    assert mine.returncode == 0 and mine.stdout.split("\t")[0] == str(claim)
    assert "approved\tBen Ode" in mine.stdout
    shown = run("review", "required", *where)
    assert "review not required" in shown.stdout  # a file desk, as before
    turned = run("review", "required", "on", *where).stdout
    assert "only approved" in turned
    assert "Review required turned on by Ben Ode, " in turned  # who changed the rule, when
    assert "turned on by Ben Ode" in run("review", "required", *where).stdout


def test_a_claim_id_sqlite_cannot_hold_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    open_workbench(db).db.dispose()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    for args in (("assign", "99999999999999999999", "Ben Ode"),
                 ("review", "approve", "99999999999999999999"),
                 ("review", "request", "0"),
                 ("assign", "seven")):
        done = run(*args, *where)
        assert done.returncode == 2, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "whole number" in done.stderr


def test_a_blank_or_overlong_name_is_refused_in_one_line_and_changes_nothing(
    tmp_path: Path,
) -> None:
    """`claimdesk assign 7 "$WHO"` with $WHO empty must not unassign the claim: only
    leaving NAME out does. A name of spaces or zero-width characters is blank too."""
    case = build_case(tmp_path / "a")
    claim = case.plain_claim
    case.workbench.assign(claim, "Ben Ode")
    db = case.workbench.db.path
    assert db is not None
    case.close()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    for name in ("", "   ", "\u200b\u200b", "x" * 201):
        done = run("assign", str(claim), name, *where)
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    wb = open_workbench(db)
    try:
        assert wb.claim(claim).assignee == "Ben Ode"
        assert [h.new for h in wb.history(claim) if h.field is HistoryField.ASSIGNEE] == [
            "Ben Ode"
        ]
    finally:
        wb.db.dispose()
    assert "unassigned" in run("assign", str(claim), *where).stdout


def test_a_source_merged_from_the_shell_sends_an_approval_back_to_review(tmp_path: Path) -> None:
    """`claimdesk bundle import --take-bundle` adds a colleague's source to a claim whose
    verdict was approved here: the approval no longer covers what is published."""
    case = build_case(tmp_path / "a")
    ana = case.workbench
    claim = case.plain_claim
    text = ana.claim(claim).text
    bundle = tmp_path / "case.claimdesk"
    export_bundle(ana.db, bundle)
    here = open_workbench(tmp_path / "b" / "b.sqlite3")
    try:
        result = import_bundle(here.db, bundle)
        copy = next(c.id for a in result.article_ids for c in here.claims(a) if c.text == text)
        here.request_review(copy)
        here.checker = "Ben Ode"
        here.approve(copy)
        db = here.db.path
        assert db is not None
    finally:
        here.db.dispose()
    ana.add_source(claim, SourceDraft(url="https://ons.example/a01", note="Table A01"))
    export_bundle(ana.db, bundle)
    case.close()
    done = run("bundle", "import", str(bundle), "--take-bundle",
               "--db", str(db), "--data-dir", str(tmp_path / "data"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    here = open_workbench(db)
    try:
        assert here.claim(copy).verdict.review_state is ReviewState.NEEDS_REVIEW
        last = here.history(copy)[-1]
        assert (last.field, last.old, last.new) == (
            HistoryField.REVIEW, "approved", "needs_review")
    finally:
        here.db.dispose()


def test_a_claim_that_is_not_there_is_one_true_line_in_a_shell(tmp_path: Path) -> None:
    """A shell has no view to refresh: the message for a missing claim says what happened
    (it is not on the desk, nothing was changed) and nothing a CLI does not do."""
    db = tmp_path / "desk.sqlite3"
    open_workbench(db).db.dispose()
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    for args in (("assign", "5", "Ben Ode"), ("review", "request", "5")):
        done = run(*args, *where)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "claims 5" in done.stderr and "nothing was changed" in done.stderr
        assert "view" not in done.stderr and "refreshed" not in done.stderr


def test_the_review_rules_last_change_is_printed_in_the_local_zone(tmp_path: Path) -> None:
    """The rule's log stores UTC; `claimdesk review required` prints the reader's time."""
    db = tmp_path / "desk.sqlite3"
    _sign_in(db, "Ben Ode")
    where = ("--db", str(db), "--data-dir", str(tmp_path / "data"))
    assert run("review", "required", "on", *where).returncode == 0
    wb = open_workbench(db)
    try:
        at = wb.review_rule_changes()[-1].at  # stored: naive UTC
    finally:
        wb.db.dispose()
    shown = run("review", "required", *where, env={"TZ": "Etc/GMT-14"})  # UTC+14
    assert shown.returncode == 0, shown.stderr
    ahead = at + timedelta(hours=14)
    assert f"Review required turned on by Ben Ode, {ahead:%Y-%m-%d %H:%M}" in shown.stdout
