"""The command line as a newsroom script drives it, wrongly: an output named after the
desk itself, standard streams closed, bytes that are not UTF-8 on stdin. One line on
stderr, a non-zero exit, the desk byte-for-byte as it was; never a traceback."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.reports.casework import build_case
from tests.test_cli_errors import digest, one_line_error, run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    case = build_case(tmp_path_factory.mktemp("hostile"))
    path = case.workbench.db.path
    case.close()
    yield path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "desk" / built.name
    copy.parent.mkdir()
    shutil.copy2(built, copy)
    return copy


def stopped(
    args: list[str], ready: Callable[[subprocess.Popen[bytes]], object], sig: int = signal.SIGINT,
    env: dict[str, str] | None = None,
) -> tuple[int, bytes, str]:
    """`claimdesk ARGS` in a process group of its own, sent `sig` (to the whole group, as
    a terminal's Ctrl+C is) once `ready(proc)` returns: exit code, stdout and stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimdesk", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, process_group=0,
        env=None if env is None else {**os.environ, **env},
    )  # fmt: skip
    try:
        ready(proc)
        os.killpg(proc.pid, sig)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, out, err.decode("utf-8")


def once_made(path: Path, poll: float = 0.005) -> Callable[[subprocess.Popen[bytes]], None]:
    """Ready once `path` exists (the new desk file), the command still running."""

    def ready(proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 60
        while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(poll)
        assert proc.poll() is None, "the command ended before it could be stopped"

    return ready


@pytest.mark.parametrize("suffix", ["", "-wal"])
@pytest.mark.parametrize(
    "command",
    [("export", "--format", "md"), ("export", "--format", "csv"), ("bundle", "export")],
)
def test_an_output_named_after_the_desk_is_refused_and_the_desk_stays(
    db: Path, tmp_path: Path, command: tuple[str, ...], suffix: str
) -> None:
    """`-o` naming the database (a slip of tab completion) wrote the report over the
    desk: every article, claim and verdict gone, with exit 0 and a cheerful summary."""
    before = digest(db)
    output = Path(f"{db}{suffix}")
    for shown in (str(output), str(tmp_path / "desk" / ".." / "desk" / output.name)):
        err = one_line_error(
            run(*command, "--db", str(db), "--data-dir", str(tmp_path / "data"), "-o", shown),
            "desk",
        )
        assert "-o" in err
        assert digest(db) == before
        assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def closed(redirect: str, *args: str, stdin: bytes | None = None) -> CompletedProcess[bytes]:
    """Run with a standard stream closed, as `>&-` in a script or a service with none."""
    return subprocess.run(
        ["sh", "-c", f'exec "$0" "$@" {redirect}', sys.executable, "-m", "claimdesk", *args],
        input=stdin, stderr=subprocess.PIPE, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        ("search", "budget"),
        ("search", "budget", "--format", "json"),
        ("queue", "unassigned"),
        ("export", "--format", "md", "-o", "{out}"),
        ("import", "{article}"),
    ],
)
def test_a_closed_standard_output_is_one_line_not_a_traceback(
    db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """print() to a closed stdout does nothing, but the flush after every command (and
    json.dump) met None: a traceback, exit 1, after the import had gone in anyway."""
    article = tmp_path / "article.txt"
    article.write_text("The city spent 40% more on roads in 2025 than in 2024.\n", "utf-8")
    out = tmp_path / "report.md"
    args = [a.format(out=out, article=article) for a in command]
    before = digest(db)
    result = closed(">&-", *args, "--db", str(db), "--data-dir", str(tmp_path / "data"))
    one_line_error(result, "standard output")
    assert digest(db) == before
    assert not out.exists()


def test_extract_with_standard_output_closed_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The city spent 40% more on roads in 2025 than in 2024.\n", "utf-8")
    for fmt in ("json", "text"):
        one_line_error(closed(">&-", "extract", str(article), "--format", fmt), "standard output")


def test_score_with_standard_input_closed_is_one_line() -> None:
    one_line_error(closed("<&-", "score"), "standard input")


def test_score_reads_lines_that_are_not_utf_8_one_score_each() -> None:
    """A Latin-1 line (a file from an old newsroom system) on stdin was a traceback from
    the encoder, after a minute of model loading, and no score at all."""
    lines = ["The city spent 40% more on roads in 2025 than in 2024.", "Hello.", "Según el INE."]
    data = (lines[0] + "\n" + lines[1] + "\r\n" + lines[2] + "\n").encode("utf-8")
    data = data.replace("Según".encode(), "Según".encode("latin-1"))
    for env in ({}, {"PYTHONIOENCODING": "utf-8:strict"}):
        result = subprocess.run(
            [sys.executable, "-m", "claimdesk", "score"], input=data, capture_output=True,
            timeout=300, check=False, env={**os.environ, **env},
        )  # fmt: skip
        err = result.stderr.decode("utf-8")
        assert result.returncode == 0 and "Traceback" not in err, err
        scores = result.stdout.decode("ascii").split()
        assert len(scores) == 3 and all(0 <= float(s) <= 1 for s in scores), scores


def test_ctrl_c_during_an_import_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: the parsing worker printed a traceback of
    its own over the terminal, and ClaimDesk itself left without a word."""
    seed = next(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    files = []
    for n in range(6):
        path = tmp_path / f"article {n}.txt"
        path.write_text(f"Edition {n}.\n" + "\n".join([text] * 20), encoding="utf-8")
        files.append(str(path))

    def one_article_in(proc: subprocess.Popen[bytes]) -> None:  # the worker is serving
        assert proc.stdout is not None
        assert proc.stdout.readline(), proc.stderr.read() if proc.stderr else ""

    code, _out, said = stopped(
        ["import", *files, "--db", str(tmp_path / "d.sqlite3"),
         "--data-dir", str(tmp_path / "data")],
        one_article_in,
    )  # fmt: skip
    assert "Traceback" not in said and "KeyboardInterrupt" not in said, said
    assert code == 130, (code, said)
    assert said.startswith("claimdesk: ") and said.count("\n") == 1, said


def _children(pid: int) -> list[str]:
    tasks = Path(f"/proc/{pid}/task")
    found: list[str] = []
    for task in tasks.iterdir() if tasks.exists() else []:
        with contextlib.suppress(OSError):
            found += (task / "children").read_text().split()
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc children")
def test_ctrl_c_while_the_parsing_worker_starts_is_one_line(tmp_path: Path) -> None:
    """The worker is a fresh Python for a second or so after it appears: Ctrl+C then
    printed multiprocessing's bootstrap traceback before anything of ours could run."""
    article = tmp_path / "article.txt"
    article.write_text("The city spent 40% more on roads in 2025 than in 2024.\n", "utf-8")

    def worker_starting(proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 60
        while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        assert proc.poll() is None, "extract ended before its worker started"
        time.sleep(0.05)  # inside the worker's start-up imports

    code, _out, said = stopped(["extract", str(article)], worker_starting)
    assert "Traceback" not in said and "KeyboardInterrupt" not in said, said
    assert code == 130, (code, said)
    assert said == "claimdesk: Interrupted.\n", said


@pytest.mark.parametrize(
    "command",
    [
        ("import", "{missing}"),
        ("bundle", "import", "{junk}"),
        ("factchecks", "import", "{junk}", "--no-vectors"),
        ("export", "--format", "md", "-o", "-"),
        ("bundle", "export", "-o", "{tmp}/out.claimdesk"),
    ],
)
def test_a_refusal_leaves_no_folder_for_a_mistyped_data_dir(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`--data-dir ~/ClaimDsk` (a typo) and a command that refuses: the new desk went
    again, but the folder with empty backups/ and logs/ inside stayed behind."""
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip\n")
    args = [a.format(missing=tmp_path / "nothere.txt", junk=junk, tmp=tmp_path) for a in command]
    typo = tmp_path / "typo" / "deeper"
    result = run(*args, "--data-dir", str(typo))
    err = result.stderr.decode("utf-8")
    assert result.returncode in (1, 2) and "Traceback" not in err, err
    assert not (tmp_path / "typo").exists(), sorted(map(str, (tmp_path / "typo").rglob("*")))


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("serach", "budget"), "search"),
        (("exprot", "--format", "md", "-o", "-"), "export"),
        (("--db", "{db}", "search", "budget"), "search"),
        (("--data-dir", "{tmp}", "export", "--format", "md", "-o", "-"), "export"),
    ],
)
def test_a_mistyped_or_misplaced_command_is_a_usage_error_not_the_window(
    db: Path, tmp_path: Path, argv: tuple[str, ...], needle: str
) -> None:
    """Anything that is not a command went to the window as article files to open: a
    script's typo (or `--db X search Q`, options first) opened ClaimDesk's window on a
    desktop, and on a server printed a page about a missing display, exit 3."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"  # no display: the window, if tried, refuses at once
    result = subprocess.run(
        [sys.executable, "-m", "claimdesk", *(a.format(db=db, tmp=tmp_path) for a in argv)],
        capture_output=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    one_line_error(result, needle, "--help")


@pytest.mark.parametrize(
    "command",
    [
        ("import", "{odd}/gone.txt"),
        ("extract", "{odd}/gone.txt"),
        ("export", "--format", "md", "-o", "{odd}/report.md"),
        ("bundle", "import", "{odd}/gone.claimdesk"),
        ("factchecks", "import", "{odd}/gone.json", "--no-vectors"),
    ],
)
def test_a_file_name_with_a_line_break_is_still_one_line_on_stderr(
    db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A name with a newline (or a carriage return, or a terminal escape) went into the
    message as it was: two lines on stderr, or a line the terminal rewrote."""
    odd = str(tmp_path / "two\nlines\r\x1b[2Kfolder")
    result = run(*(a.format(odd=odd) for a in command), "--db", str(db))
    err = result.stderr.decode("utf-8")
    assert result.returncode in (1, 2) and "Traceback" not in err, err
    assert err.startswith("claimdesk: ") and err.count("\n") == 1, err
    assert "\r" not in err and "\x1b" not in err, err
    assert "lines" not in err or "two\\nlines\\r\\x1b[2Kfolder" in err, err


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_import_stopped_before_anything_went_in_leaves_no_new_desk(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    """Ctrl+C (or a service manager's SIGTERM) while the first article was still being
    read left a new, empty desk with its folders; SIGTERM also left without a word."""
    seed = next(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))
    article = tmp_path / "article.txt"
    article.write_text("\n".join([seed.read_text(encoding="utf-8")] * 20), encoding="utf-8")
    desk = tmp_path / "new" / "desk.sqlite3"
    exit_code, out, said = stopped(
        ["import", str(article), "--db", str(desk), "--data-dir", str(tmp_path / "new" / "data")],
        once_made(desk, poll=0.01),
        sig,
    )
    assert exit_code == code, (exit_code, said)
    assert said.startswith("claimdesk: ") and said.count("\n") == 1, said
    assert out == b""
    assert not (tmp_path / "new").exists(), sorted(map(str, (tmp_path / "new").rglob("*")))


@pytest.mark.parametrize("command", [("export", "--format", "md"), ("bundle", "export")])
def test_the_summary_line_stays_two_fields_whatever_the_file_is_called(
    db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`FILE<TAB>counts` is what a script reads back; a name with a tab or a line break
    gave it three fields, or two lines."""
    out = tmp_path / "week\t12\nfinal.out"
    result = run(*command, "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 2, lines
    assert lines[0].split("\t")[0].endswith("week\\t12\\nfinal.out"), lines


@pytest.mark.parametrize(
    "command",
    [("import", "{article}"), ("export", "--format", "md", "-o", "-"), ("search", "budget"),
     ("backup", "now"), ("bundle", "import", "{article}")],
)  # fmt: skip
def test_a_db_that_is_a_loop_of_links_is_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Every command resolved --db first, and a loop of links raised RuntimeError there."""
    article = tmp_path / "article.txt"
    article.write_text("The city spent 40% more on roads in 2025 than in 2024.\n", "utf-8")
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    first.symlink_to(second)
    second.symlink_to(first)
    args = [a.format(article=article) for a in command]
    one_line_error(run(*args, "--db", str(first), "--data-dir", str(tmp_path / "d")), "loop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite3", "article.txt", "b.sqlite3"]


@pytest.mark.parametrize("what", ["bundle", "factchecks"])
def test_an_import_stopped_while_the_desk_opens_leaves_no_new_desk(
    db: Path, tmp_path: Path, what: str
) -> None:
    """The refusal clean-up ran only when the import ended normally, or (bundle) after
    the desk had opened: Ctrl+C while it opened left a new desk behind."""
    bundle = tmp_path / "case.claimdesk"
    assert run("bundle", "export", "--db", str(db), "-o", str(bundle)).returncode == 0
    desk = tmp_path / "new" / "desk.sqlite3"
    code, _out, said = stopped(
        [what, "import", str(bundle), "--db", str(desk),
         "--data-dir", str(tmp_path / "new" / "data")],
        once_made(desk),
    )  # fmt: skip
    assert code == 130, said
    assert said == "claimdesk: Interrupted.\n", said
    assert not (tmp_path / "new").exists(), sorted(map(str, (tmp_path / "new").rglob("*")))


def test_ctrl_c_at_any_moment_of_opening_a_new_desk_is_one_line(tmp_path: Path) -> None:
    """Ctrl+C inside the desk's first transaction: the driver closed the connection, and
    the clean-up's `PRAGMA foreign_keys = ON` on it raised over the interrupt, a
    traceback and exit 1. The moment is swept, as no single delay hits it every time."""
    junk = tmp_path / "junk.json"
    junk.write_text("[]\n", encoding="utf-8")
    for step in range(12):
        desk = tmp_path / f"new{step}" / "desk.sqlite3"

        def at_step(proc: subprocess.Popen[bytes], desk: Path = desk, step: int = step) -> None:
            deadline = time.monotonic() + 60
            while not desk.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(step * 0.004)  # it may have finished by then: that is allowed

        code, _out, said = stopped(
            ["factchecks", "import", str(junk), "--db", str(desk), "--data-dir",
             str(desk.parent / "data"), "--no-vectors"],
            at_step,
        )  # fmt: skip
        assert "Traceback" not in said and "Exception ignored" not in said, (step, said)
        if code:  # stopped, not finished before the signal came
            assert code == 130, (step, code, said)  # never -2 (see the test below)
            assert said == "claimdesk: Interrupted.\n", (step, said)


#: Started with the command (PYTHONPATH): `claimdesk queue` runs code made by exec from a
#: string, as dataclasses, namedtuple and SQLAlchemy make theirs, and waits there.
_EXEC_MADE_QUEUE = """
import claimdesk.cli_review

def _queue(_args):
    exec("print('waiting', flush=True)\\nimport time\\ntime.sleep(60)")
    return 0

claimdesk.cli_review.cmd_queue = _queue
"""


def test_ctrl_c_inside_code_made_by_exec_still_exits_130(db: Path, tmp_path: Path) -> None:
    """CPython marks a run as ended by an unhandled Ctrl+C when the KeyboardInterrupt
    leaves code evaluated from a string, even though ClaimDesk caught it and said so;
    `python -m claimdesk` then ended by SIGINT itself (-2) after "Interrupted.", not 130."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_EXEC_MADE_QUEUE, encoding="utf-8")

    def waiting(proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"waiting\n", proc.stderr.read() if proc.stderr else ""

    code, _out, said = stopped(
        ["queue", "mine", "--db", str(db)], waiting,
        env={"PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")])},
    )  # fmt: skip
    assert code == 130, (code, said)
    assert said == "claimdesk: Interrupted.\n", said


def _loaded(pid: int, library: str) -> bool:
    with contextlib.suppress(OSError):
        return library in Path(f"/proc/{pid}/maps").read_text()
    return False


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc maps")
def test_ctrl_c_while_the_command_loads_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """The first few tenths of a second go to importing ClaimDesk's modules, before main()
    and its handler: Ctrl+C there printed a KeyboardInterrupt traceback and ended by
    SIGINT (-2). Swept from the moment our own code starts (multiprocessing loads the
    socket module; Python's start-up, before that, is Python's own)."""
    junk = tmp_path / "junk.json"
    junk.write_text("[]\n", encoding="utf-8")
    for step in range(16):
        desk = tmp_path / f"new{step}" / "desk.sqlite3"

        def at_step(proc: subprocess.Popen[bytes], step: int = step) -> None:
            deadline = time.monotonic() + 60
            while (not _loaded(proc.pid, "_socket") and proc.poll() is None
                   and time.monotonic() < deadline):  # fmt: skip
                time.sleep(0.001)
            time.sleep(step * 0.025)

        code, _out, said = stopped(
            ["factchecks", "import", str(junk), "--db", str(desk), "--data-dir",
             str(desk.parent / "data"), "--no-vectors"],
            at_step,
        )  # fmt: skip
        if code:  # stopped, not finished before the signal came
            assert code == 130, (step, code, said)
            assert said == "claimdesk: Interrupted.\n", (step, said)


#: Started with the command (PYTHONPATH): Ctrl+C comes while ClaimDesk's command line
#: module loads, before main() could answer it.
_CTRL_C_WHILE_LOADING = """
import sys

class _CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "claimdesk.cli":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, _CtrlC())
"""


def _console_script() -> list[str]:
    """What the installed `claimdesk` command runs: the entry point pyproject.toml names,
    called as the generated wrapper calls it."""
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    entry = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["scripts"]
    module, function = entry["claimdesk"].split(":")
    wrapper = f"import sys\nfrom {module} import {function}\nsys.exit({function}())"
    return [sys.executable, "-c", wrapper]


@pytest.mark.parametrize("command", ["claimdesk", "python -m claimdesk"])
def test_ctrl_c_while_claimdesk_loads_is_one_line_and_exit_130(
    tmp_path: Path, command: str
) -> None:
    """The `claimdesk` command imported the command line itself, outside any handler:
    a Ctrl+C in that first second printed a KeyboardInterrupt traceback."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_CTRL_C_WHILE_LOADING, encoding="utf-8")
    start = _console_script() if command == "claimdesk" else [sys.executable, "-m", "claimdesk"]
    result = subprocess.run(
        [*start, "--version"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(hooks)},
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (130, "claimdesk: Interrupted.\n")
