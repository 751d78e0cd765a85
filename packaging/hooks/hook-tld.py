"""tld's public-suffix lists, read from disk when courlan or trafilatura split a domain."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("tld")
