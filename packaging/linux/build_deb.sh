#!/usr/bin/env bash
# Packs the one-folder build (dist/claimdesk) as dist/claimdesk_VERSION_ARCH.deb and a .tar.gz.
# Usage: packaging/linux/build_deb.sh VERSION   (run from the repository root)
set -euo pipefail
VERSION=${1:?usage: build_deb.sh VERSION}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP="$ROOT/dist/claimdesk"
ARCH=$(dpkg --print-architecture)
STAGE="$ROOT/build/deb/claimdesk"
DEB="$ROOT/dist/claimdesk_${VERSION}_${ARCH}.deb"
TARBALL="$ROOT/dist/claimdesk-${VERSION}-linux-$(uname -m).tar.gz"

test -x "$APP/claimdesk" || { echo "build_deb.sh: $APP/claimdesk is missing; run make installer" >&2; exit 1; }

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/doc/claimdesk"
cp -a "$APP" "$STAGE/opt/claimdesk"
ln -s /opt/claimdesk/claimdesk "$STAGE/usr/bin/claimdesk"
install -m 644 "$HERE/claimdesk.desktop" "$STAGE/usr/share/applications/claimdesk.desktop"
for size in 16 22 24 32 48 64 128 256 512; do
  install -D -m 644 "$ROOT/resources/icons/claimdesk-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/claimdesk.png"
done
install -D -m 644 "$ROOT/resources/icons/claimdesk.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/claimdesk.svg"
{
  echo "ClaimDesk $VERSION"
  echo
  cat "$ROOT/LICENSE"
  echo
  echo "Third-party software in /opt/claimdesk and its licences:"
  echo "  /opt/claimdesk/_internal/claimdesk/resources/licenses/THIRD-PARTY-NOTICES.txt"
  echo "(also shown in ClaimDesk under Help > About)."
} > "$STAGE/usr/share/doc/claimdesk/copyright"

# The bundle carries Python, Qt and the xcb/fontconfig libraries; the system must supply
# OpenGL/EGL (never bundled), the C++ runtime and D-Bus (see packaging/trim.py), fonts
# (else every glyph is a box) and the libraries claimdesk.system_libraries looks for.
DEPENDS="libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libgl1, libegl1, libdbus-1-3,
 libglib2.0-0, libfontconfig1, libfreetype6, fontconfig-config,
 fonts-dejavu-core | fonts-liberation2 | fonts-noto-core, libxkbcommon0, libxcb1,
 libx11-xcb1, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0,
 libxcb-xkb1"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: claimdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: ClaimDesk developers <maintainers@claimdesk.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Section: text
Priority: optional
Description: workbench for fact-checkers
 ClaimDesk opens news articles (text, Markdown, HTML, Word, PDF), finds the
 sentences worth checking, scores how check-worthy each one is and says who
 made each claim. Verdicts and evidence are kept in a local database; nothing
 needs a network.
 .
 This package is a self-contained build: Python, Qt, spaCy with its English
 pipeline and the check-worthiness model are installed under /opt/claimdesk.
 Removing it leaves each user's database (~/.local/share/ClaimDesk) in place.
CONTROL
# No maintainer scripts: the desktop and icon caches update through dpkg triggers, and
# nothing of the users' is ever touched on removal or purge.
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1))"

tar -C "$ROOT/dist" -czf "$TARBALL" claimdesk
echo "built $TARBALL ($(du -h "$TARBALL" | cut -f1))"
