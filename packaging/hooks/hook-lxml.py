"""lxml without objectify and isoschematron (3 MB nobody imports); the rest as the stock hook."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "lxml", filter=lambda name: not name.startswith(("lxml.objectify", "lxml.isoschematron"))
)
