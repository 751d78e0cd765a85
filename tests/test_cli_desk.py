"""`claimdesk desk push|pull` run as a user would: a real process, a desk file, a server desk."""

from __future__ import annotations

from pathlib import Path

from tests.pg import PgServer
from tests.services.test_desk_move import dump_of, source  # noqa: F401  (fixture)
from tests.services.test_desk_push_review import _approve_in_file, shared  # noqa: F401
from tests.storage.test_pg_app_role import _app_url
from tests.test_cli import run


def test_push_and_pull_report_counts_and_a_refusal_is_one_line(
    source: Path, pg_url: str, tmp_path: Path, data_dir: Path  # noqa: F811
) -> None:
    pushed = run("desk", "push", "--to", pg_url, "--db", str(source))
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.startswith("pushed 2 articles, ") and "4 claims" in pushed.stdout
    again = run("desk", "push", "--to", pg_url, "--db", str(source))
    assert again.returncode == 0 and again.stdout.startswith("pushed 0 new rows; ")
    copy = tmp_path / "copy.sqlite3"
    pulled = run("desk", "pull", "--from", pg_url, "--db", str(copy))
    assert pulled.returncode == 0 and pulled.stdout.startswith("pulled 2 articles, ")
    assert dump_of(copy) == dump_of(source)
    # Another desk with other content under the same ids: refused, in one sentence.
    other = tmp_path / "other"
    from tests.reports.casework import build_case

    build_case(other, "other.sqlite3").close()
    refused = run("desk", "pull", "--from", pg_url, "--db", str(other / "other.sqlite3"))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("claimdesk: Nothing was pulled: ")
    assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr


def test_a_checkers_push_says_how_many_approvals_it_left_to_the_desk(
    source: Path,  # noqa: F811
    shared: str,  # noqa: F811
    pg_server: PgServer,
    data_dir: Path,
) -> None:
    _approve_in_file(source)
    pushed = run("desk", "push", "--to", _app_url(pg_server, shared), "--db", str(source))
    assert pushed.returncode == 0, pushed.stderr
    assert "3 verdicts (1 approval left for this desk's reviewers)" in pushed.stdout
    again = run("desk", "push", "--to", _app_url(pg_server, shared), "--db", str(source))
    assert again.returncode == 0 and again.stdout.startswith("pushed 0 new rows; ")
    assert "approval" not in again.stdout
