"""The window appears before the language model and numpy load; the model then loads off-thread."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_window_shows_before_spacy_is_imported(tmp_path) -> None:
    code = textwrap.dedent(
        """
        import sys, threading
        from PySide6.QtWidgets import QApplication
        from claimdesk.app import build_services
        from claimdesk.gui.application import create_window, warm_up

        app = QApplication([])
        services = build_services(data_dir=sys.argv[1])
        window = create_window(services)
        window.show()
        app.processEvents()
        print("spacy loaded at show:", "spacy" in sys.modules)
        print("numpy loaded at show:", "numpy" in sys.modules)
        print("jinja2 loaded at show:", "jinja2" in sys.modules)
        gui_thread = threading.get_ident()
        loaded_on = []
        original = window.workbench.nlp.pipeline
        def watched():
            loaded_on.append(threading.get_ident())
            return original()
        window.workbench.nlp.pipeline = watched
        warm_up(window)
        window.jobs.wait(120_000)
        app.processEvents()
        print("spacy loaded after warm-up:", "spacy" in sys.modules)
        print("loaded on GUI thread:", gui_thread in loaded_on)
        window.close()
        services.close()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "spacy loaded at show: False" in result.stdout
    # numpy (about 0.1 s) is for matching and scoring, which start after the window shows.
    assert "numpy loaded at show: False" in result.stdout
    # The report renderers wait for the first export.
    assert "jinja2 loaded at show: False" in result.stdout
    assert "spacy loaded after warm-up: True" in result.stdout
    assert "loaded on GUI thread: False" in result.stdout
