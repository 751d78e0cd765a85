"""The language detector ships whole: its model is collected and its licence is listed."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOOK = REPO / "packaging" / "hooks" / "hook-py3langid.py"
NOTICES = REPO / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt"


def test_the_model_is_a_data_file_of_the_package_that_the_hook_collects() -> None:
    model = resources.files("py3langid") / "data" / "model.npz.xz"
    assert model.is_file() and len(model.read_bytes()) > 1_000_000
    # The hook (in the spec's hookspath) collects the package's data files and the module
    # that language.py imports late.
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    calls = [
        (n.func.id, [a.value for a in n.args if isinstance(a, ast.Constant)])
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    assert ("collect_data_files", ["py3langid"]) in calls
    assert "py3langid.langid" in HOOK.read_text(encoding="utf-8")
    spec = (REPO / "packaging" / "claimdesk.spec").read_text(encoding="utf-8")
    assert 'hookspath=[str(ROOT / "packaging" / "hooks")]' in spec
    assert '"py3langid"' not in spec  # not excluded


def test_the_notices_carry_the_licence_and_a_note_on_the_model() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    assert "Package: py3langid " in text and "BSD 3-Clause License" in text
    header = text.split("Package: ", 1)[0]
    assert "model.npz.xz" in header and "Tatoeba" in header and "langid.py" in header
