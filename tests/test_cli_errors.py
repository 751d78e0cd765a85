"""Out-of-range numbers and days, undecodable text, full or read-only disks: one line each
on stderr, a non-zero exit, and the database byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.reports.casework import build_case

HUGE = str(10**20)


def run(*args: str, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        env=dict(os.environ),
    )


def one_line_error(result: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, (result.returncode, err)
    assert err.startswith("claimdesk: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
    return err.strip()


def digest(path: Path) -> str:
    return "".join(
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.glob(path.name + "*"))
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    built = build_case(tmp_path_factory.mktemp("errors"))
    built.workbench.save_settings(
        replace(built.workbench.settings(), org_name="Fact Lab", org_url="https://factlab.example")
    )
    path = built.workbench.db.path
    built.close()
    yield path


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("search", "budget", "--limit", HUGE), ("--limit", "between 1 and")),
        (("search", "budget", "--limit", "0"), ("--limit", "between 1 and")),
        (("search", "budget", "--limit", "ten"), ("--limit", "whole number")),
        (("bundle", "export", "--article", HUGE, "-o", "x.claimdesk"), ("--article", "between")),
        (("export", "--format", "md", "--article", "1", HUGE, "-o", "-"), ("--article",)),
        (("export", "--format", "md", "--article", "-3", "-o", "-"), ("--article",)),
        (("export", "--format", "md", "--to", "2026-13-01", "-o", "-"), ("--to", "YYYY-MM-DD")),
        (("export", "--format", "md", "--from", "yesterday", "-o", "-"), ("--from", "YYYY-MM-DD")),
        (("export", "--format", "md", "--to", "9999-12-31", "-o", "-"), ("first and the last",)),
        (("export", "--format", "md", "--from", "0001-01-01", "-o", "-"), ("first and the last",)),
        (("export", "--format", "nope", "-o", "-"), ("--format", "html")),
    ],
)
def test_bad_numbers_and_days_are_one_line(
    db: Path, tmp_path: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    before = digest(db)
    one_line_error(run(*args, "--db", str(db)), *needles)
    assert digest(db) == before
    assert not (tmp_path / "x.claimdesk").exists()


def test_the_widest_period_is_every_day(db: Path) -> None:
    widest = run("export", "--format", "md", "--from", "0001-01-01", "--to", "9999-12-31",
                 "--db", str(db), "-o", "-")
    assert widest.returncode == 0, widest.stderr
    everything = run("export", "--format", "md", "--db", str(db), "-o", "-")
    assert widest.stdout.count(b"### Claim") == everything.stdout.count(b"### Claim") == 3
    biggest = run("search", "budget", "--limit", str(2**63 - 1), "--db", str(db))
    assert biggest.returncode == 0, biggest.stderr


@pytest.fixture
def undecodable(db: Path, tmp_path: Path) -> Path:
    """A copy of the case whose first claim holds a lone surrogate, as another program
    could write it (UTF-8 bytes ED A0 80): Python's sqlite3 cannot decode it."""
    copy = tmp_path / "surrogate.sqlite3"
    copy.write_bytes(db.read_bytes())
    con = sqlite3.connect(copy)
    with con:
        con.execute("UPDATE claims SET text = CAST(? AS TEXT) WHERE id = 1",
                    (b"Taxes \xed\xa0\x80 rose",))
    con.close()
    return copy


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "docx", "pdf"])
def test_a_lone_surrogate_in_the_database_does_not_stop_an_export(
    undecodable: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run("export", "--format", fmt, "--all-claims", "--db", str(undecodable),
                 "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert out.stat().st_size > 0
    if fmt in ("html", "md", "csv", "json"):
        assert "Taxes \ufffd" in out.read_text(encoding="utf-8")


def test_a_lone_surrogate_does_not_stop_printing(undecodable: Path) -> None:
    found = run("search", "Taxes", "--db", str(undecodable))
    assert found.returncode == 0, found.stderr.decode()
    assert "Taxes" in found.stdout.decode("utf-8")
    markdown = run("export", "--format", "md", "--all-claims", "--db", str(undecodable), "-o", "-")
    assert markdown.returncode == 0 and "Taxes \ufffd" in markdown.stdout.decode("utf-8")
    bundle = run("bundle", "export", "--db", str(undecodable), "-o", str(undecodable) + ".cd")
    assert bundle.returncode == 0, bundle.stderr.decode()


def test_a_full_device_gives_one_line_and_stays_a_device(db: Path) -> None:
    full = Path("/dev/full")
    if not full.is_char_device():
        pytest.skip("no /dev/full here")
    try:
        with full.open("wb") as sink:
            for args in (("export", "--format", "md", "-o", "-"), ("search", "budget")):
                one_line_error(run(*args, "--db", str(db), stdout=sink.fileno()), "No space left")
        one_line_error(run("export", "--format", "md", "--db", str(db), "-o", str(full)),
                       "No space left")
        one_line_error(run("bundle", "export", "--db", str(db), "-o", str(full)),
                       "No space left")
    finally:
        if not full.is_char_device():  # an export renamed a file over it: put it back
            full.unlink()
            os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
            pytest.fail("the export replaced /dev/full with a file")


@pytest.fixture
def mount_tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mounts small tmpfs file systems (needs root with mount rights, else skips)."""
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        folder = tmp_path / f"fs{len(mounted)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_file_system_gives_one_line_and_no_leftovers(
    db: Path, mount_tmpfs: Callable[[str], Path]
) -> None:
    full = mount_tmpfs("size=64k")
    with (full / "filler").open("wb", buffering=0) as filler:  # fill it to the last block
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass
    before = digest(db)
    for fmt in ("pdf", "docx", "html"):
        one_line_error(run("export", "--format", fmt, "--db", str(db), "-o",
                           str(full / f"report.{fmt}")), "No space left", "another place")
    one_line_error(run("bundle", "export", "--db", str(db), "-o", str(full / "case.claimdesk")),
                   "No space left")
    assert sorted(p.name for p in full.iterdir()) == ["filler"]
    assert digest(db) == before


def test_a_read_only_place_gives_one_line(
    db: Path, tmp_path: Path, mount_tmpfs: Callable[[str], Path]
) -> None:
    read_only = mount_tmpfs("ro,size=64k")
    one_line_error(run("export", "--format", "md", "--db", str(db), "-o",
                       str(read_only / "report.md")), "Read-only file system")
    one_line_error(run("bundle", "export", "--db", str(db), "-o", str(read_only / "c.claimdesk")),
                   "Read-only file system")
    # An existing file that may not be replaced (root ignores modes, not the immutable flag).
    kept = tmp_path / "kept.md"
    kept.write_text("old report", encoding="utf-8")
    if subprocess.run(["chattr", "+i", str(kept)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i does not work here")
    try:
        # Refused before writing: the file may not be written, so it is not replaced.
        one_line_error(run("export", "--format", "md", "--db", str(db), "-o", str(kept)),
                       "the file there is read-only", "Choose another name")
        assert kept.read_text(encoding="utf-8") == "old report"
    finally:
        subprocess.run(["chattr", "-i", str(kept)], check=False)


def test_a_locked_database_gives_one_line_and_is_left_alone(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "locked.sqlite3"
    copy.write_bytes(db.read_bytes())
    before = copy.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(copy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        for args in (("export", "--format", "md", "-o", str(tmp_path / "r.md")),
                     ("bundle", "export", "-o", str(tmp_path / "c.claimdesk"))):
            err = one_line_error(run(*args, "--db", str(copy)), "locked")
            LOCK_MESSAGES.append(err)
    finally:
        holder.kill()
        holder.wait()
    assert copy.read_bytes() == before  # the holder's own change sits in its -wal file
    assert not (tmp_path / "r.md").exists()


def test_a_locked_database_is_not_called_damaged(db: Path, tmp_path: Path) -> None:
    if not LOCK_MESSAGES:
        test_a_locked_database_gives_one_line_and_is_left_alone(db, tmp_path)
    for err in LOCK_MESSAGES:
        assert "damaged" not in err and "Restore" not in err, err


LOCK_MESSAGES: list[str] = []
# Another program holding the file in exclusive mode: nobody else can even read it.
LOCK_HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode = EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE settings SET value = value")
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize(
    ("column", "value", "needle"),
    [
        ("status", "'hacked'", "claim 1, status: 'hacked'"),
        ("types", "'[\"bogus\"]'", "claim 1, types: 'bogus'"),
        ("entities", "'[{\"text\": 1}]'", "named entities"),
    ],
)
def test_a_value_no_claimdesk_writes_is_one_line_and_changes_nothing(
    db: Path, tmp_path: Path, column: str, value: str, needle: str
) -> None:
    """Another program (or a newer ClaimDesk) wrote a claim value this one does not know:
    reading it is one sentence saying so, never a ValueError traceback."""
    altered = tmp_path / "altered.sqlite3"
    altered.write_bytes(db.read_bytes())
    con = sqlite3.connect(altered)
    try:
        con.execute(f"UPDATE claims SET {column} = {value} WHERE id = 1")
        con.commit()
    finally:
        con.close()
    before = digest(altered)
    for args in (
        ("queue", "unassigned"),
        ("export", "--format", "json", "-o", str(tmp_path / "out.json")),
        ("bundle", "export", "-o", str(tmp_path / "out.claimdesk")),
    ):
        one_line_error(run(*args, "--db", str(altered)), needle, "does not know"
                       if column != "entities" else "cannot read")  # fmt: skip
    assert digest(altered) == before
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.claimdesk").exists()
