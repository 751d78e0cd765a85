"""A keyboard-first checker on a 1024×700 screen in the dark theme: every window and dialog
opens inside the screen with room for its title bar, and Esc closes each without
changing the desk (tests/gui/small_screen_child.py, on a real SQLite desk)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.gui.test_translations import TS, _tool

REPO = Path(__file__).resolve().parents[2]
SCREEN = {"name": "small", "x": 0, "y": 0, "width": 1024, "height": 700,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
#: The geometry a window reports leaves out its title bar (and offscreen draws none).
TITLE_BAR = 32


@pytest.fixture(scope="module", params=["en", "es"])
def walked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The child's report, in English and in Spanish (whose labels are the longer)."""
    folder = tmp_path_factory.mktemp(f"small_screen_{request.param}")
    language = []
    if request.param == "es":
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(folder / "claimdesk_es.qm")],
            check=True,
        )  # fmt: skip
        language = [str(folder)]
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               CLAIMDESK_DATA_DIR=str(folder / "data"))  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.small_screen_child", str(folder), str(SEED), *language],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["screen"] == [0, 0, 1024, 700]
    return found


def test_every_dialog_is_small_enough_for_the_screen(walked: dict) -> None:
    """The export dialog opened 900×680: with its title bar, 10 px taller than the
    screen, and its Save and Close buttons under the bottom edge."""
    too_big = {
        name: seen["frame"][2:]
        for name, seen in walked["dialogs"].items()
        if seen["frame"][2] > 1024 or seen["frame"][3] + TITLE_BAR > 700
    }
    assert not too_big


def test_esc_closes_every_dialog_and_changes_nothing(walked: dict) -> None:
    open_after_esc = [
        n for n, seen in walked["dialogs"].items() if not seen.get("closed by esc", True)
    ]
    assert not open_after_esc
    assert walked["desk unchanged"]


def test_the_first_window_and_its_dialogs_open_on_the_screen(walked: dict) -> None:
    """Without a saved geometry the window opened 1360×820 on a 1024×700 screen: the
    status bar and the right of the detail pane were off screen, and the dialogs
    centred on it (the save conflict's buttons) reached past the bottom edge."""
    x, y, width, height = walked["first start"]["frame"]
    assert x >= 0 and y >= 0 and x + width <= 1024 and y + height + TITLE_BAR <= 700
    outside = {
        name: seen["frame"]
        for name, seen in walked["dialogs"].items()
        if seen["frame"][0] < 0 or seen["frame"][1] < 0
        or seen["frame"][0] + seen["frame"][2] > 1024
        or seen["frame"][1] + seen["frame"][3] + TITLE_BAR > 700
    }  # fmt: skip
    assert not outside


def test_no_label_or_button_is_cut_off(walked: dict) -> None:
    """Every text shows whole at the default font, in English and in the longer Spanish."""
    cut = {name: seen["cut off"] for name, seen in walked["dialogs"].items() if seen.get("cut off")}
    assert not cut


def test_every_claims_filter_shows_whole_at_1024_wide(walked: dict) -> None:
    """At 1024 px the filter box showed "Filter c…" and the combos of More filters their
    first letters: the bar now wraps. Checked as the window first opens on the screen and
    at 1024×700, in the dark theme, with More filters open, in English and Spanish."""
    for seen in walked["filter bar"]:
        assert not seen["cut"], seen
    assert walked["filter bar"][-1]["size"] == [1024, 700]
