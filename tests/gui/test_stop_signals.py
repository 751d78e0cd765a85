"""SIGTERM and Ctrl+C close the running window as its close button does: no traceback,
no "Error calling Python override", the work saved, and the exit code the commands give."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED

REPO = Path(__file__).resolve().parents[2]


def _start(data: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "claimdesk", *args],
        cwd=REPO, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _claims(data: Path) -> int:
    database = data / "claimdesk.sqlite3"
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])
    except sqlite3.Error:  # not created yet, or being created
        return 0


def _wait_for_claims(proc: subprocess.Popen[str], data: Path) -> None:
    deadline = time.monotonic() + 120
    while _claims(data) == 0:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _out, err = proc.communicate()
            pytest.fail(f"the window never showed the seed's claims: {err}")
        time.sleep(0.2)
    time.sleep(1.0)  # the window idle on the article, as after `make run`


def _stopped(proc: subprocess.Popen[str], how: signal.Signals) -> tuple[int, str]:
    proc.send_signal(how)
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"{how.name} left the window running; stderr: {err}")
    return proc.returncode, err


@pytest.mark.parametrize(("how", "code", "said"), [
    (signal.SIGTERM, 143, "claimdesk: Stopped."),
    (signal.SIGINT, 130, "claimdesk: Interrupted."),
])  # fmt: skip
def test_a_signal_closes_the_open_window_quietly(
    tmp_path: Path, how: signal.Signals, code: int, said: str
) -> None:
    data = tmp_path / "data"
    proc = _start(data, str(SEED))
    _wait_for_claims(proc, data)
    returncode, err = _stopped(proc, how)
    assert "Error calling Python override" not in err, err
    assert "Traceback" not in err, err
    assert returncode == code, err
    assert said in err
    # The window closed as its close button closes it: only closing remembers the layout.
    settings = (data / "ui.ini").read_text(encoding="utf-8")
    assert "[window]" in settings and "geometry=" in settings, settings
    log = (data / "logs" / "claimdesk.log").read_text(encoding="utf-8")
    assert "unexpected error" not in log, log


#: Runs the window as `claimdesk FILE` does (application.run), with `steps` driving it
#: from a timer; the steps end by sending the process a signal.
_DRIVER = """
import faulthandler, os, signal, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from claimdesk.gui.application import run
from claimdesk.gui.windows.main_window import MainWindow


def window():
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return shown[0] if shown else None


# Another ClaimDesk holding the desk's write lock for `seconds`, once it holds it; its pid
# goes to `pid_file` for the test to end it.
def hold_the_lock(seconds, pid_file=None):
    import subprocess
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); "
            f"time.sleep({seconds}); c.execute('COMMIT')")
    holder = subprocess.Popen([sys.executable, "-c", code, sys.argv[2] + "/claimdesk.sqlite3"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if pid_file:
        open(pid_file, "w").write(str(holder.pid))
    holder.stdout.readline()
    return holder

{steps}

faulthandler.dump_traceback_later(120, exit=True)  # a step that never comes: say where
it = steps()
def tick():
    try:
        next(it)
    except StopIteration:
        return
    QTimer.singleShot(20, tick)
QTimer.singleShot(0, tick)
sys.exit(run([sys.argv[1]], None, sys.argv[2]))
"""


def _drive(tmp_path: Path, article: Path, steps: str) -> tuple[Path, int, str]:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER.replace("{steps}", steps), str(article), str(data)],
        cwd=REPO, env=env, text=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return data, result.returncode, result.stderr


def _drive_beside_the_holder(
    tmp_path: Path, steps: str, holder_pid: Path
) -> tuple[Path, int, str, float]:
    """_drive for steps that start hold_the_lock(…, holder_pid): the holder is ended
    whatever happens, and the run's seconds come back too."""
    started = time.monotonic()
    try:
        data, code, err = _drive(tmp_path, SEED, steps)
    finally:
        if holder_pid.exists():
            os.kill(int(holder_pid.read_text()), signal.SIGKILL)
    return data, code, err, time.monotonic() - started


def _bundle_of_another_report(tmp_path: Path, more: str = "") -> tuple[Path, Path]:
    """(a case bundle, the data folder it came from) of the seed's body under another
    title, `more` after it, made by the command line as a checker would."""
    other = tmp_path / "other.txt"
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    other.write_text(f"Another report\n{body}{more}", "utf-8")
    source = tmp_path / "source"
    bundle = tmp_path / "case.claimdesk"
    for command in (["import", str(other)], ["bundle", "export", "-o", str(bundle)]):
        subprocess.run(
            [sys.executable, "-m", "claimdesk", *command, "--data-dir", str(source)],
            cwd=REPO, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    return bundle, source


def _ended_quietly_by_sigterm(code: int, err: str) -> None:
    assert "Traceback" not in err and "Error calling" not in err, err
    assert code == 143, err


def _explanations(data: Path) -> list[str]:
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT explanation FROM verdicts")]


def test_an_explanation_typed_just_before_sigterm_is_saved(tmp_path: Path) -> None:
    steps = """
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    w.claims_panel.select_claim(w.claims_panel.visible_claims()[0].id)
    yield
    w.detail.rating.setFocus()
    QTest.keyClick(w.detail.rating, Qt.Key.Key_Down)
    while w.detail.claim.verdict is None:
        yield
    # Typed, and stopped before the 0.7 s pause would save it.
    QTest.keyClicks(w.detail.explanation, "Typed just before the stop.")
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, SEED, steps)
    _ended_quietly_by_sigterm(code, err)
    explanations = _explanations(data)
    assert explanations == ["Typed just before the stop."]


def test_sigterm_while_an_explanation_waits_for_the_lock_saves_it_then_ends(
    tmp_path: Path,
) -> None:
    """The explanation's write queues behind another ClaimDesk's; the window waits for
    it on closing, and the run ends once it is saved."""
    steps = """
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    w.claims_panel.select_claim(w.claims_panel.visible_claims()[0].id)
    yield
    w.detail.rating.setFocus()
    QTest.keyClick(w.detail.rating, Qt.Key.Key_Down)
    while w.detail.claim.verdict is None or w.writes.pending():
        yield
    hold_the_lock(8)
    QTest.keyClicks(w.detail.explanation, "Saved once the lock is free.")
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, SEED, steps)
    _ended_quietly_by_sigterm(code, err)
    explanations = _explanations(data)
    assert explanations == ["Saved once the lock is free."]


def test_sigterm_during_an_extraction_keeps_the_article_and_extracts_it_next_time(
    tmp_path: Path,
) -> None:
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    article = tmp_path / "long.txt"  # about 100,000 characters: some seconds to extract
    article.write_text(title + "\n" + "\n\n".join([body] * 40), encoding="utf-8")
    stop_while_extracting = """
def steps():
    while (w := window()) is None or not w.extraction.running:
        yield
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, article, stop_while_extracting)
    _ended_quietly_by_sigterm(code, err)
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)

    close_once_extracted = """
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    w.close()
"""
    data, code, err = _drive(tmp_path, article, close_once_extracted)
    assert code == 0, err
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        assert db.execute("SELECT extracted_at FROM articles").fetchone()[0] is not None


def test_sigterm_during_a_bundle_import_lets_it_finish(tmp_path: Path) -> None:
    """The import waits for another ClaimDesk's write lock, longer than the window waits
    for jobs on closing; SIGTERM comes meanwhile: the bundle is still merged, whole."""
    bundle, source = _bundle_of_another_report(tmp_path, "\n\nA later poll said 40 percent agreed.")
    steps = f"""
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    hold_the_lock(8)  # another ClaimDesk is writing
    w.bundles.import_from({str(bundle)!r})
    while not any(job.name == "import bundle" for job in w.jobs.active()):
        yield
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, SEED, steps)
    _ended_quietly_by_sigterm(code, err)
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        titles = [row[0] for row in db.execute("SELECT title FROM articles ORDER BY id")]
        assert titles[1:] == ["Another report"]
        bundled = db.execute(
            "SELECT count(*) FROM claims JOIN articles ON articles.id = claims.article_id"
            " WHERE articles.title = 'Another report'"
        ).fetchone()[0]
    with sqlite3.connect(source / "claimdesk.sqlite3") as db:
        assert bundled == db.execute("SELECT count(*) FROM claims").fetchone()[0] > 0


#: The first claim selected and the source dialog opened (`OPEN` is add_source() or,
#: for the first note of the claim, edit_source()); its fields are written to `OUT`.
_OPEN_THE_NOTE = """
import json

def opened():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    w.claims_panel.select_claim(w.claims_panel.visible_claims()[0].id)
    yield
    w.detail.sources.setCurrentIndex(w.detail.sources_model.index(0, 0))
    dialog = w.detail.OPEN
    yield
    return w, dialog

def fields(dialog):
    return {
        "url": dialog.url.text(), "title": dialog.title_edit.text(),
        "publisher": dialog.publisher.text(), "quote": dialog.quote.toPlainText(),
        "note": dialog.note.toPlainText(),
        "said": dialog.restored.text() if dialog.restored.isVisible() else "",
    }
"""

#: The second run: the same dialog opened again shows what it holds, then the window closes.
_SHOW_IT_AGAIN = """
def steps():
    w, dialog = yield from opened()
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(fields(dialog), out)
    dialog.reject()
    w.close()
"""


def _notes(data: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        return list(db.execute("SELECT url, title, note FROM source_notes ORDER BY id"))


def _shown_again(tmp_path: Path, opening: str) -> dict[str, str]:
    out = tmp_path / "shown.json"
    steps = (_OPEN_THE_NOTE + _SHOW_IT_AGAIN).replace("OPEN", opening)
    steps = steps.replace("OUT", repr(str(out)))
    _data, code, err = _drive(tmp_path, SEED, steps)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_new_source_note_typed_when_sigterm_comes_is_offered_back(tmp_path: Path) -> None:
    """The signal closes the window with the note's dialog open: what was typed is kept
    as a draft, not stored as a note, and the next Add source on that claim shows it."""
    steps = _OPEN_THE_NOTE.replace("OPEN", "add_source()") + """
def steps():
    w, dialog = yield from opened()
    QTest.keyClicks(dialog.url, "https://example.org/poll")
    QTest.keyClicks(dialog.title_edit, "The June poll")
    QTest.keyClicks(dialog.note, "Half of what, I meant to")
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, SEED, steps)
    _ended_quietly_by_sigterm(code, err)
    assert _notes(data) == []  # never saved as if Save had been pressed

    shown = _shown_again(tmp_path, "add_source()")
    assert (shown["url"], shown["title"], shown["note"]) == (
        "https://example.org/poll", "The June poll", "Half of what, I meant to"
    )
    assert "stopped" in shown["said"] and "\n" not in shown["said"], shown["said"]
    # Offered once: cancelled, the draft is gone and the next dialog opens empty.
    assert _shown_again(tmp_path, "add_source()")["note"] == ""
    assert _notes(data) == []


def test_an_edited_source_note_typed_when_sigterm_comes_is_offered_back(tmp_path: Path) -> None:
    steps = _OPEN_THE_NOTE.replace("OPEN", "edit_source()") + """
from claimdesk.domain import SourceDraft

def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    claim_id = w.claims_panel.visible_claims()[0].id
    w.apply_changes(w.workbench.add_source(claim_id, SourceDraft(url="", note="Stored note."))[1])
    w, dialog = yield from opened()
    dialog.note.moveCursor(dialog.note.textCursor().MoveOperation.End)
    QTest.keyClicks(dialog.note, " And more typed")
    os.kill(os.getpid(), signal.SIGTERM)
"""
    data, code, err = _drive(tmp_path, SEED, steps)
    _ended_quietly_by_sigterm(code, err)
    assert _notes(data) == [("", "", "Stored note.")]

    shown = _shown_again(tmp_path, "edit_source()")
    assert shown["note"] == "Stored note. And more typed"
    assert "stopped" in shown["said"], shown["said"]
    assert _notes(data) == [("", "", "Stored note.")]


def test_a_second_ctrl_c_while_the_window_waits_for_a_write_ends_it_at_once(
    tmp_path: Path,
) -> None:
    """Ctrl+C closes the window, which waits for the explanation's write (another
    ClaimDesk holds the lock for 30 s); a second Ctrl+C ends the run at once, saying in
    one line what was not saved. The desk is whole: that write never began."""
    holder_pid = tmp_path / "holder.pid"
    steps = f"""
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    w.claims_panel.select_claim(w.claims_panel.visible_claims()[0].id)
    yield
    w.detail.rating.setFocus()
    QTest.keyClick(w.detail.rating, Qt.Key.Key_Down)
    while w.detail.claim.verdict is None or w.writes.pending():
        yield
    hold_the_lock(30, {str(holder_pid)!r})
    QTest.keyClicks(w.detail.explanation, "Lost to the second Ctrl+C.")
    os.kill(os.getpid(), signal.SIGINT)
    while not w.writes.pending():
        yield
    for _ in range(10):  # the window waits for the write
        yield
    assert w.isVisible()
    os.kill(os.getpid(), signal.SIGINT)
    while True:
        yield
"""
    data, code, err, took = _drive_beside_the_holder(tmp_path, steps, holder_pid)
    assert took < 28, err  # not after the other ClaimDesk's write
    assert "Traceback" not in err and "Error calling" not in err, err
    assert code == 130, err
    said = [line for line in err.splitlines() if line.startswith("claimdesk:")]
    assert said == ["claimdesk: Interrupted before 1 edit was saved (a second signal)."], err
    assert _explanations(data) == [""]
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_second_sigterm_during_a_bundle_import_ends_it_and_merges_nothing(
    tmp_path: Path,
) -> None:
    """The window waits for the import, which waits for another ClaimDesk's lock; a
    second SIGTERM ends the run at once: the import's transaction never began."""
    bundle, _source = _bundle_of_another_report(tmp_path)
    holder_pid = tmp_path / "holder.pid"
    steps = f"""
def steps():
    while (w := window()) is None or not w.claims_panel.visible_claims():
        yield
    hold_the_lock(30, {str(holder_pid)!r})
    w.bundles.import_from({str(bundle)!r})
    while w.bundles.importing() is None:
        yield
    os.kill(os.getpid(), signal.SIGTERM)
    for _ in range(10):  # the window waits for the import
        yield
    assert w.isVisible()
    os.kill(os.getpid(), signal.SIGTERM)
    while True:
        yield
"""
    data, code, err, took = _drive_beside_the_holder(tmp_path, steps, holder_pid)
    assert took < 28, err
    _ended_quietly_by_sigterm(code, err)
    said = [line for line in err.splitlines() if line.startswith("claimdesk:")]
    assert said == ["claimdesk: Stopped before the bundle import finished (a second signal)."]
    with sqlite3.connect(data / "claimdesk.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [row[0] for row in db.execute("SELECT title FROM articles")]
        assert "Another report" not in titles and len(titles) == 1
