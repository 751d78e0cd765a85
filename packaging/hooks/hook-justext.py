"""jusText's stop lists: trafilatura loads every language's list for its fallback extractor."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext")
