"""`python -m tools.screenshot OUT.png [--lang es] [--size 1024x700] [--theme dark]`: the main
window as a PNG (--theme light, dark or system, as chosen in Settings; system by default)."""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from claimdesk.app import build_services
from claimdesk.domain import SourceDraft, Stance, Theme
from claimdesk.gui.application import create_window
from claimdesk.gui.i18n import install
from claimdesk.gui.theme import apply_theme

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_ad62cf6f6f800dde.txt"


def _wait(app: QApplication, done, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish loading the seed article")
        app.processEvents()
        time.sleep(0.02)


def save_grab(app: QApplication, widget: QWidget, out: Path) -> bool:
    """Let `widget` finish painting, then save what it shows as a PNG (and say so)."""
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = widget.grab().save(str(out))
    print(f"saved {out}" if ok else f"could not save {out}")
    return ok


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv: list[str]) -> int:
    paths = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("--") and (i == 0 or not argv[i - 1].startswith("--"))
    ]
    out = Path(paths[0] if paths else "docs/screenshot.png")
    width, height = (int(n) for n in _option(argv, "--size", "1440x860").split("x"))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    install(app, _option(argv, "--lang", "en"))  # the .qm files come from `make translations`
    theme = Theme(_option(argv, "--theme", Theme.SYSTEM.value))
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(data_dir=tmp)
        window = create_window(services)
        apply_theme(app, theme)  # as the application does when it opens a desk
        window.resize(width, height)
        window.show()
        window.open_path(SEED)
        _wait(
            app,
            lambda: (
                window.article_id is not None
                and not window.extraction.busy()
                and window.claims_panel.model.rowCount() > 0
            ),
        )
        wb = services.workbench
        wb.save_settings(replace(wb.settings(), checker_name="Demo checker", theme=theme))
        claims = wb.claims(window.article_id)
        quote = next(c for c in claims if "25 of 33" in c.text)
        ratings = {r.name: r for r in wb.rating_scale().ratings}
        wb.set_verdict(
            quote.id,
            ratings["Mostly true"].id,
            "Ukraine's air force statement gives 25 of 33; Russia's ministry "
            "did not publish a count.",
        )
        wb.add_source(
            quote.id,
            SourceDraft(
                url="https://example.org/air-force-statement",
                title="Air force statement",
                publisher="Ukrainian Air Force",
                accessed=date(2026, 11, 24),
                stance=Stance.SUPPORTS,
            ),
        )
        harris = next(c for c in claims if "huge mistake" in c.text)
        wb.set_verdict(harris.id, ratings["Unverifiable"].id, "A forecast, not a fact.")
        window.show_article(window.article_id)
        window.select_claim(quote.id)
        ok = save_grab(app, window, out)
        window.close()
        services.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
