#!/usr/bin/env bash
# Installs the .deb with apt into a bare Debian 12 (mmdebstrap: no Python, no Qt) and checks
# it there: the self-test offscreen, then the window on Xvfb. Screenshots go to OUT.
# Usage (as root): packaging/linux/check_debian_root.sh dist/claimdesk_*.deb [OUT]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DEB=$(realpath "${1:?usage: check_debian_root.sh DEB [OUT]}")
OUT=$(realpath -m "${2:-dist/debian12-check}")
# The Debian archive this machine's apt already uses (after `apt-get update`), unless set.
MIRROR=${CLAIMDESK_DEBIAN_MIRROR:-$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' \
  'Created-By: Packages' 2>/dev/null | awk '$2 == "bookworm" {print $1; exit}')}
[ -n "$MIRROR" ] || { echo "check_debian_root.sh: no bookworm archive in apt's sources;" \
  "set CLAIMDESK_DEBIAN_MIRROR" >&2; exit 1; }
# Python with PySide6 on the host, for the screenshot from outside the root.
PY=${PY:-$(cd "$HERE/../.." && pwd)/.venv/bin/python}

[ "$(id -u)" = 0 ] || { echo "check_debian_root.sh: run as root (mmdebstrap, chroot)" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

# X clients in the chroot reach this server through its abstract socket (same network).
# -displayfd: the server picks a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset 3>"$OUT/display" >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; wait $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$OUT/display" ] && break; sleep 0.1; done
SCREEN=":$(cat "$OUT/display")"
[ "$SCREEN" != ":" ] || { cat "$OUT/xvfb.log" >&2; echo "check_debian_root.sh: Xvfb did not start" >&2; exit 1; }

started=$(date +%s)
# The root lives only while mmdebstrap runs (format null); the checks run as a hook.
mmdebstrap --variant=apt --mode=root --format=null \
  --customize-hook="'$HERE/debian_root_hook.sh' \"\$1\" '$DEB' '$OUT' '$SCREEN' '$PY'" \
  bookworm /dev/null "deb $MIRROR bookworm main" </dev/null >"$OUT/mmdebstrap.log" 2>&1 || {
  tail -40 "$OUT/mmdebstrap.log" >&2
  echo "check_debian_root.sh: FAILED (log: $OUT/mmdebstrap.log)" >&2
  exit 1
}
grep -E '^(ok|FAIL|self-test|check:)' "$OUT/mmdebstrap.log" || true
echo "check_debian_root.sh: passed in $(( $(date +%s) - started )) s; screenshots in $OUT"
