"""py3langid's model (data/model.npz.xz, read from its package folder) and its module,
which ClaimDesk imports only when the first article is detected."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("py3langid")
hiddenimports = ["py3langid.langid", "py3langid.modelio"]
