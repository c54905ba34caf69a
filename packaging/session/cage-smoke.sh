#!/usr/bin/env bash
# The packaged kiosk inside cage: the frozen bundle, on Qt's wayland platform in a headless
# cage session, reaches ready (first frame, on-screen keyboard, every capability, a spoken
# sentence) with no unexpected line on stderr -- the bundle carries what the kiosk session needs.
#   packaging/session/cage-smoke.sh [BUNDLE]     (default dist/silver-kiosk; run by .ci/run)
# Needs cage, Xwayland (cage 0.1.4 will not start without it); ./dev test installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=$(realpath "${1:-dist/silver-kiosk}")
[ -x "$bundle/silver-kiosk" ] || { echo "No bundle: run packaging/build.sh first." >&2; exit 1; }
work=$(mktemp -d /tmp/cage-smoke.XXXXXX)
chmod 755 "$work"  # cage runs as nobody when we are root
mkdir -m 700 "$work/run" "$work/client"
mkfifo "$work/hold"
cage_pid=
cleanup() {
  exec 3>&- 2>/dev/null || true  # cage's client (cat) reads EOF, cage ends with it
  [ -z "$cage_pid" ] || timeout 20 tail --pid="$cage_pid" -f /dev/null || kill "$cage_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
as=()
if [ "$(id -u)" -eq 0 ]; then  # cage refuses to run as root
  chown nobody:nogroup "$work/run"
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
env -i PATH=/usr/bin:/bin HOME="$work/run" XDG_RUNTIME_DIR="$work/run" LANG=C.UTF-8 \
  WLR_BACKENDS=headless WLR_RENDERER=pixman "${as[@]}" cage -d -- cat < "$work/hold" \
  > "$work/cage.log" 2>&1 &
cage_pid=$!
exec 3> "$work/hold"
for _ in $(seq 100); do [ -S "$work/run/wayland-0" ] && break; sleep 0.1; done
[ -S "$work/run/wayland-0" ] || { echo "cage did not start:" >&2; cat "$work/cage.log" >&2; exit 1; }

echo "== the frozen kiosk inside cage (wayland)"
env -i PATH=/usr/bin:/bin HOME="$work/client" LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/client" \
  WAYLAND_DISPLAY="$work/run/wayland-0" QT_QPA_PLATFORM=wayland \
  timeout 120 "$bundle/silver-kiosk" --smoke-test > "$work/out" 2> "$work/err" || {
  echo "The frozen kiosk failed inside cage:" >&2; cat "$work/out" "$work/err" >&2; exit 1; }
cat "$work/out"
grep -qx ready "$work/out" || { echo "The frozen kiosk never reached ready in cage." >&2; exit 1; }
python=$(ls .venv/bin/python 2>/dev/null || command -v python3)
cat packaging/stderr-allow.txt packaging/session/stderr-allow-wayland.txt > "$work/allow"
"$python" packaging/check_stderr.py "$work/allow" "$work/err"
echo "OK: the frozen kiosk runs inside cage on Qt's wayland platform"
