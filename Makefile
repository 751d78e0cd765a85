# ClaimDesk developer commands. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SEED := seeds/000_ad62cf6f6f800dde.txt
# The stamp is named by pyproject.toml's checksum, not dated by it: a .venv copied or kept from an
# older checkout (its stamp newer than the file) is still reinstalled when the dependencies change.
PYPROJECT_SUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(PYPROJECT_SUM)

.PHONY: run test lint pytest soak bench eval screenshot venv clean check-python translations \
	schema-snapshot

# Interface translations: .ts sources in the repo, .qm compiled here (never committed).
# claimdesk_en.ts is the source language's: only the plural forms of the %n strings
# ("1 claim", "2 claims"), so it is collected with -pluralonly; the others take every string.
TS_FILES := $(wildcard resources/translations/claimdesk_*.ts)
SOURCE_TS := resources/translations/claimdesk_en.ts
TRANSLATED_TS := $(filter-out $(SOURCE_TS),$(TS_FILES))
QM_FILES := $(TS_FILES:.ts=.qm)
GUI_SOURCES := $(shell find desktop/claimdesk/gui -name '*.py' | sort)
LUPDATE := $(VENV)/bin/pyside6-lupdate
LRELEASE := $(VENV)/bin/pyside6-lrelease

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "ClaimDesk needs Python 3.11 or newer as '$(PYTHON)'."; \
	  echo "  sudo apt-get install -y python3 python3-venv   (or: make PYTHON=python3.12 ...)"; \
	  exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "Python's venv module is missing. Install it with:"; \
	  echo "  sudo apt-get install -y python3-venv"; \
	  exit 1; }

$(STAMP): | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed $(VENV)/.installed-*
	@touch $(STAMP)

venv: $(STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(LRELEASE) -silent $< -qm $@

# Collects the window's strings into every .ts (new ones arrive unfinished; into the English
# one only the %n strings), then compiles.
# Line numbers are left out so a code edit does not rewrite the translations.
translations: $(STAMP)
	$(LUPDATE) -locations none -no-obsolete $(GUI_SOURCES) -ts $(TRANSLATED_TS)
	$(LUPDATE) -locations none -no-obsolete -pluralonly $(GUI_SOURCES) -ts $(SOURCE_TS)
	$(MAKE) $(QM_FILES)

# After adding a migration: the newest schema as shipped (storage/schema_snapshot.py).
schema-snapshot: $(STAMP)
	$(PY) -m claimdesk.storage.schema_snapshot --write

run: $(STAMP) $(QM_FILES)
	@$(PY) -m claimdesk.system_libraries
	$(PY) -m claimdesk $(SEED)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests tools
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --explicit-package-bases tools
	$(VENV)/bin/lint-imports

pytest: $(STAMP) $(QM_FILES)
	@QT_QPA_PLATFORM=offscreen $(PY) -c 'from claimdesk.system_libraries import main; raise SystemExit(main())'
	$(PY) -m pytest -q

test: lint pytest

# The crash harness with many SIGKILLs (make test runs it with 8): SOAK_KILLS=200 make soak
SOAK_KILLS ?= 60
soak: $(STAMP)
	CLAIMDESK_SOAK_KILLS=$(SOAK_KILLS) $(PY) -m pytest tests/reliability/test_crash_harness.py -q -s -p no:cacheprovider

bench: $(STAMP)
	$(PY) -m pytest tests/benchmarks --benchmark-enable --benchmark-only -q

eval: $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,eval]"
	$(PY) -m claimdesk eval
	$(PY) -m claimdesk eval --news

screenshot: $(STAMP) $(QM_FILES)
	@if command -v xvfb-run >/dev/null; then xvfb-run -a $(PY) -m claimdesk.system_libraries && xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m tools.screenshot docs/screenshot.png; else QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshot docs/screenshot.png; fi

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .benchmarks

# ------------------------------------------------------------------ installers (packaging/)
INSTALLER_STAMP := $(VENV)/.installer-tools-$(PYPROJECT_SUM)
.PHONY: installer installer-check

$(INSTALLER_STAMP): | $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,installer]"
	@rm -f $(VENV)/.installer-tools $(VENV)/.installer-tools-*
	@touch $(INSTALLER_STAMP)

# The one-folder app (dist/claimdesk), its .deb and .tar.gz; prints size and start-up time.
installer: $(INSTALLER_STAMP) $(QM_FILES)
	PY=$(PY) packaging/linux/build.sh

# Tests the frozen app and the .deb here (needs root), then in a bare Debian 12 root.
installer-check: installer
	CLAIMDESK_INSTALLER_BUILT=1 $(PY) -m pytest -m installer tests/packaging -q -p no:cacheprovider
	PY=$(PY) packaging/linux/check_debian_root.sh \
	  dist/claimdesk_$$($(PY) -c 'import claimdesk; print(claimdesk.__version__)')_$$(dpkg --print-architecture).deb
