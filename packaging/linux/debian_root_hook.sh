#!/usr/bin/env bash
# mmdebstrap customize hook of check_debian_root.sh: ROOT DEB OUT DISPLAY PYTHON; non-zero on failure.
set -euo pipefail
ROOT=$1 DEB=$2 OUT=$3 SCREEN=$4 PY=$5
HERE=$(cd "$(dirname "$0")" && pwd)
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

echo "check: a bare Debian $(cat "$ROOT/etc/debian_version")"
if in_root sh -c 'command -v python3 || ls /usr/lib/*/libQt6Core.so.6' 2>/dev/null; then
  echo "check: FAIL the root already has Python or Qt" >&2; exit 1
fi

cp "$DEB" "$ROOT/tmp/"
in_root sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$(basename "$DEB")"
if in_root sh -c 'command -v python3'; then
  echo "check: FAIL installing ClaimDesk pulled in Python" >&2; exit 1
fi
echo "check: installed, $(in_root dpkg-query -W -f='${Package} ${Version}' claimdesk)"

# 1. The self-test, offscreen, as a user would run it.
in_root env CLAIMDESK_SELFTEST_OUT=/tmp/selftest claimdesk --self-test
cp "$ROOT/tmp/selftest/self-test-window.png" "$OUT/offscreen-window.png"
cp "$ROOT/tmp/selftest/self-test-report.html" "$OUT/report.html"

# 2. The real window (xcb) on Xvfb with the seed article, captured from outside.
seed=$(cd "$ROOT" && ls opt/claimdesk/_internal/seeds/*.txt | head -1)
in_root env DISPLAY="$SCREEN" CLAIMDESK_DATA_DIR=/tmp/window-data \
  claimdesk "/$seed" >"$OUT/window.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
if ! DISPLAY="$SCREEN" timeout 60 xdotool search --sync --onlyvisible --name 'ClaimDesk' >/dev/null; then
  cat "$OUT/window.log" >&2; echo "check: FAIL no window appeared" >&2; exit 1
fi
# Give the background extraction time to fill the claims table before the picture.
for _ in $(seq 60); do
  title=$(DISPLAY="$SCREEN" xdotool search --onlyvisible --name 'ClaimDesk' getwindowname 2>/dev/null | head -1)
  case $title in *"— ClaimDesk") break ;; esac
  sleep 0.5
done
sleep 3
DISPLAY="$SCREEN" "$PY" "$HERE/grab_screen.py" "$OUT/xcb-window.png"
kill $APP; wait $APP 2>/dev/null || true
case $title in
  *"— ClaimDesk") echo "check: window shows \"$title\"" ;;
  *) echo "check: FAIL the window title is \"$title\", not the article" >&2; exit 1 ;;
esac
