#!/usr/bin/env bash
# Packs dist/ClaimDesk.app (from `pyinstaller packaging/claimdesk.spec` on macOS) into a .dmg
# with an Applications link: dist/ClaimDesk-VERSION-macos-ARCH.dmg. Needs hdiutil (macOS).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP="$ROOT/dist/ClaimDesk.app"
PY=${PY:-python3}
VERSION=$(PYTHONPATH="$ROOT/desktop" "$PY" -c 'import claimdesk; print(claimdesk.__version__)')
DMG="$ROOT/dist/ClaimDesk-$VERSION-macos-$(uname -m).dmg"

[ -d "$APP" ] || { echo "make_dmg.sh: $APP is missing; build it with PyInstaller first" >&2; exit 1; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
cp "$ROOT/LICENSE" "$STAGE/LICENSE.txt"
# The build is signed ad hoc only (PyInstaller does that); without a Developer ID and
# notarisation, Gatekeeper asks the user to confirm the first start (right-click → Open).
rm -f "$DMG"
hdiutil create -volname "ClaimDesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
  -ov "$DMG"
echo "built $DMG"
