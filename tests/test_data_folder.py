"""The data folder on odd machines: a file in its place, a read-only disk, an unusable log
file or backups folder. ClaimDesk starts, or says in one line why not and what to do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.test_cli_errors import mount_tmpfs  # noqa: F401  (a fixture)


def claimdesk(data_dir: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def said_in_one_line(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("claimdesk: ") and done.stderr.count("\n") == 1, done.stderr
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)
    return done.stderr


def test_a_file_where_the_data_folder_should_be_is_said_in_one_line(tmp_path: Path) -> None:
    in_the_way = tmp_path / "ClaimDesk"
    in_the_way.write_text("not a folder", encoding="utf-8")
    for place in (in_the_way, in_the_way / "inside"):
        for args in (("import", str(SEED)), ()):  # a command, and the window
            said_in_one_line(claimdesk(place, *args), str(in_the_way), "CLAIMDESK_DATA_DIR")
    assert in_the_way.read_text(encoding="utf-8") == "not a folder"


def test_a_data_folder_on_a_read_only_disk_is_named_as_such(
    mount_tmpfs: Callable[[str], Path],  # noqa: F811
) -> None:
    read_only = mount_tmpfs("ro,size=64k")
    for args in (("import", str(SEED)), ()):
        said_in_one_line(
            claimdesk(read_only / "data", *args), "data folder", "Read-only file system"
        )


#: The window as `claimdesk` opens it, closed again as soon as its event loop runs.
OPEN_AND_CLOSE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from claimdesk.cli import main

app = QApplication(sys.argv[:1])
def close():
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    print("window shown:", any(type(w).__name__ == "MainWindow" for w in shown), flush=True)
    app.quit()
QTimer.singleShot(0, close)
sys.exit(main(sys.argv[1:]))
"""


def open_window(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", OPEN_AND_CLOSE, *args],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def test_the_window_opens_when_the_log_file_cannot_be_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "logs" / "claimdesk.log").mkdir(parents=True)  # a folder in the log's place
    done = open_window(data, str(SEED))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "window shown: True" in done.stdout
    # Said once, with the file, and the work is kept.
    assert done.stderr.count("claimdesk.log") == 1, done.stderr
    assert (data / "claimdesk.sqlite3").stat().st_size > 0


def as_plain_user() -> list[str]:
    """A command prefix under which file modes hold (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: file modes would not apply")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def plain_claimdesk(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*as_plain_user(), sys.executable, "-m", "claimdesk", *args],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def test_a_desk_opens_when_its_backups_folder_cannot_be_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert claimdesk(data, "import", str(SEED)).returncode == 0
    backups = data / "backups"
    backups.chmod(0)
    try:
        probe = subprocess.run([*as_plain_user(), "ls", str(backups)], capture_output=True)
        if probe.returncode == 0:
            pytest.skip("the backups folder stays readable here")
        found = plain_claimdesk(data, "search", "Ukraine")
        assert found.returncode == 0, found.stderr
        assert "Traceback" not in found.stderr and found.stdout.strip(), found.stderr
        listed = plain_claimdesk(data, "backup", "list")
        said_in_one_line(listed, str(backups), "permission")
    finally:
        backups.chmod(0o755)
    assert sorted(backups.iterdir()) == []  # nothing was written meanwhile


def test_a_database_link_that_loops_is_said_in_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "desk.sqlite3"
    loop.symlink_to(loop)
    there, back = tmp_path / "there.sqlite3", tmp_path / "back.sqlite3"
    there.symlink_to(back)
    back.symlink_to(there)
    data = tmp_path / "data"
    for db in (loop, there):
        for args in (("import", str(SEED)), ("search", "Ukraine"), ("backup", "list"), ()):
            said_in_one_line(claimdesk(data, *args, "--db", str(db)), str(db), "loop")
    # The data folder's own database as such a link: the window says so too.
    data.mkdir(exist_ok=True)
    (data / "claimdesk.sqlite3").symlink_to(data / "claimdesk.sqlite3")
    said_in_one_line(claimdesk(data), "loop")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "back.sqlite3", "data", "desk.sqlite3", "there.sqlite3"
    ]


def test_a_name_too_long_for_the_file_system_is_said_in_one_line(tmp_path: Path) -> None:
    too_long = tmp_path / ("b" * 300)  # one name over the 255 bytes a Linux file system takes
    for args in (("import", str(SEED)), ("search", "Ukraine"), ("backup", "list"), ()):
        said_in_one_line(claimdesk(too_long, *args), "too long")
        said_in_one_line(claimdesk(tmp_path / "data", *args, "--db", str(too_long / "d.sqlite3")),
                         "too long")


def test_a_save_after_the_desk_file_was_deleted_is_refused_not_lost(tmp_path: Path) -> None:
    from claimdesk.app import build_services
    from claimdesk.errors import KnownError

    data = tmp_path / "data"
    services = build_services(None, data)
    wb = services.workbench
    try:
        # SQLite would go on writing into the deleted file, and the work would go with it.
        shutil.rmtree(data)
        with pytest.raises(KnownError, match="deleted, moved or replaced") as refused:
            wb.save_settings(replace(wb.settings(), org_name="Lost Lab"))
        assert str(data / "claimdesk.sqlite3") in str(refused.value)
        # Another file put in its place (a sync tool, a copy from elsewhere) is not it either.
        data.mkdir()
        build_services(None, data).close()
        with pytest.raises(KnownError, match="deleted, moved or replaced"):
            wb.save_settings(replace(wb.settings(), org_name="Lost Lab"))
        assert wb.settings().org_name != "Lost Lab"
    finally:
        services.close()
    # Moved away with its folder: said too, and the file where it went is whole.
    services = build_services(None, data)
    try:
        moved = tmp_path / "moved"
        data.rename(moved)
        with pytest.raises(KnownError, match="moved"):
            services.workbench.save_settings(replace(services.workbench.settings(), org_name="X"))
    finally:
        services.close()
    reopened = build_services(None, moved)
    try:
        assert reopened.workbench.settings().org_name != "X"
    finally:
        reopened.close()


@pytest.mark.skipif(sys.platform != "linux", reason="names are bytes on Linux only")
def test_the_window_writes_nothing_beside_a_data_folder_whose_name_is_not_utf8(
    tmp_path: Path,
) -> None:
    # Qt keeps file names as UTF-8 text: ui.ini went to a folder named with U+FFFD instead.
    data = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9")  # a Latin-1 name
    done = open_window(Path(data), str(SEED))
    said_in_one_line(done, "UTF-8", "--data-dir")
    assert "window shown" not in done.stdout
    assert list(tmp_path.iterdir()) == []
    # Commands, which Qt has no part in, keep working there.
    assert claimdesk(data, "import", str(SEED)).returncode == 0
    assert [os.fsencode(p.name) for p in tmp_path.iterdir()] == [b"caf\xe9"]


def test_a_remembered_shared_desk_that_is_down_goes_to_the_log_not_the_terminal(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    down = "postgresql+psycopg://checker@127.0.0.1:1/desk"  # nothing listens on port 1
    (data / "ui.ini").write_text(f"[database]\npath={down}\n", encoding="utf-8")
    done = open_window(data)
    assert done.returncode == 0, done.stderr
    assert "window shown: True" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[:2000]
    log = (data / "logs" / "claimdesk.log").read_text(encoding="utf-8")
    assert f"the remembered desk {down} did not open" in log
    assert (data / "claimdesk.sqlite3").is_file()  # the checker's own desk opened instead


def test_a_desk_on_a_disk_that_filled_up_is_said_to_be_full(
    mount_tmpfs: Callable[[str], Path],  # noqa: F811
) -> None:
    disk = mount_tmpfs("size=2m")
    data = disk / "data"
    assert claimdesk(data, "import", str(SEED)).returncode == 0
    with (disk / "filler").open("wb", buffering=0) as filler:  # to the last block
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass
    # SQLite cannot size the -shm it needs: "disk I/O error", which blamed the drive.
    for args in (("search", "Ukraine"), ()):
        said_in_one_line(claimdesk(data, *args), "is full", "Free some space")


def test_a_desk_opens_with_a_file_in_place_of_its_backups_or_logs_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert claimdesk(data, "import", str(SEED)).returncode == 0
    for name in ("backups", "logs"):
        folder = data / name
        shutil.rmtree(folder)
        folder.write_text("in the way\n", encoding="utf-8")
        found = claimdesk(data, "search", "Ukraine")
        assert found.returncode == 0 and found.stdout.strip(), found.stderr
        shown = open_window(data)
        assert "window shown: True" in shown.stdout, shown.stderr
        assert "Traceback" not in shown.stderr, shown.stderr
        assert folder.read_text(encoding="utf-8") == "in the way\n"
        folder.unlink()
        folder.mkdir()


def test_an_empty_data_folder_or_database_option_is_refused(tmp_path: Path) -> None:
    # `--data-dir "$DIR"` with DIR unset put a desk, backups and logs in the current folder.
    work, data = tmp_path / "work", tmp_path / "data"
    work.mkdir()
    for option in ("--data-dir", "--db"):
        for args in (("import", str(SEED)), ("search", "Ukraine"), ("backup", "list"), ()):
            env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
            done = subprocess.run(
                [sys.executable, "-m", "claimdesk", *args, option, ""], cwd=work, env=env,
                capture_output=True, text=True, timeout=300, check=False,
            )  # fmt: skip
            said_in_one_line(done, option, "empty")
    assert list(work.iterdir()) == [] and not data.exists()
