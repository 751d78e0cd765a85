"""spaCy for ClaimDesk: its modules and config files, English only, without its test suite."""

from pathlib import Path

from PyInstaller.utils.hooks import (
    collect_data_files,
    collect_submodules,
    copy_metadata,
    get_package_paths,
)

_, _SPACY_DIR = get_package_paths("spacy")
#: Every language sub-package except English; spaCy imports spacy.lang.<code> on demand.
_OTHER_LANGS = {
    p.name
    for p in (Path(_SPACY_DIR) / "lang").iterdir()
    if p.is_dir() and p.name not in {"en", "__pycache__"}
}


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] == "tests":
        return False
    return not (len(parts) > 2 and parts[1] == "lang" and parts[2] in _OTHER_LANGS)


hiddenimports = collect_submodules("spacy", filter=_wanted)
# default_config.cfg and friends; .pyi/.pyx/.cu sources are not needed at run time.
datas = collect_data_files("spacy", includes=["*.cfg", "**/*.cfg", "cli/templates/*"])
# spaCy finds registered functions and pipeline packages through entry points.
datas += copy_metadata("spacy")
