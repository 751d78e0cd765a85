#!/usr/bin/env bash
# `make installer` on Linux: the one-folder app (PyInstaller), then the .deb and .tar.gz, then
# the bundle size and start-up time in dist/installer-report.txt. Skips work already done.
# Env: PY (python with PyInstaller), FORCE=1 to rebuild everything.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
PY=${PY:-.venv/bin/python}
VERSION=$("$PY" -c 'import claimdesk; print(claimdesk.__version__)')
APP=dist/claimdesk/claimdesk
DEB=dist/claimdesk_${VERSION}_$(dpkg --print-architecture).deb
REPORT=dist/installer-report.txt

stale() {  # is $1 missing or older than the sources or the installed packages?
  [ ! -e "$1" ] && return 0
  [ -n "$(find desktop resources seeds packaging pyproject.toml LICENSE -newer "$1" -type f \
      -not -name '*.pyc' -not -path '*/__pycache__/*' -print -quit)" ] && return 0
  site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  [ -n "$(find "$site" -maxdepth 1 -newer "$1" -print -quit)" ]
}

if [ "${FORCE:-}" = 1 ] || stale "$APP"; then
  started=$(date +%s)
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/claimdesk.spec
  echo "PyInstaller: $(( $(date +%s) - started )) s"
  touch "$APP"
fi
if [ "${FORCE:-}" = 1 ] || [ ! -e "$DEB" ] || [ "$APP" -nt "$DEB" ]; then
  "$HERE/build_deb.sh" "$VERSION"
  rm -f "$REPORT"
fi

if [ ! -e "$REPORT" ]; then
  {
    bytes=$(du -sb dist/claimdesk | cut -f1)
    echo "ClaimDesk $VERSION installer, built $(date -u +%Y-%m-%dT%H:%MZ) on $(. /etc/os-release; echo "$PRETTY_NAME")"
    echo "bundle (dist/claimdesk, unpacked): $(( bytes / 1000000 )) MB ($(du -sh dist/claimdesk | cut -f1)iB), $(find dist/claimdesk | wc -l) files"
    echo "packages: $(du -h "$DEB" | cut -f1) .deb, $(du -h dist/claimdesk-"$VERSION"-linux-*.tar.gz | cut -f1) .tar.gz"
    if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
      # A report, not a gate: the window itself is checked in a bare Debian by installer-check.
      "$PY" packaging/measure_startup.py "$APP" --xvfb --runs 5 2>&1 \
        || echo "start-up time not measured: the measurement failed (above)"
    else
      echo "start-up time not measured: install xvfb and xdotool"
    fi
  } > "$REPORT.tmp"
  mv "$REPORT.tmp" "$REPORT"
fi
cat "$REPORT"
