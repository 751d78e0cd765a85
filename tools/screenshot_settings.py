"""`python -m tools.screenshot_settings OUT.png`: the Settings dialog's scale tab."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from tools.screenshot import save_grab

from claimdesk.app import build_services
from claimdesk.domain import DeskSettings
from claimdesk.gui.dialogs.settings_dialog import SettingsDialog
from claimdesk.gui.errors import ErrorReporter

TAB_SCALE = 2


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/settings.png")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(data_dir=tmp)
        wb = services.workbench
        wb.save_settings(
            DeskSettings(
                checker_name="Demo checker",
                org_name="Harbour Fact Desk",
                org_url="https://factdesk.example",
                threshold=0.55,
            )
        )
        host = QWidget()
        assert wb.db.path is not None  # a desk file in the temporary data folder
        dialog = SettingsDialog(host, wb, ErrorReporter(host, None), wb.db.path)
        dialog.resize(720, 500)
        dialog.tabs.setCurrentIndex(TAB_SCALE)
        dialog.scale.select_row(1)
        dialog.show()
        ok = save_grab(app, dialog, out)
        dialog.close()
        services.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
