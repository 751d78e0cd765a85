"""Thinc for ClaimDesk: its modules without the test suite (pytorch/tensorflow shims stay lazy)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
# thinc.backends reads its CUDA kernel sources at import time, even on CPU.
datas = collect_data_files("thinc", includes=["backends/*.cu"]) + copy_metadata("thinc")
