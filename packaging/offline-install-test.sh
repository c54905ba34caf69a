#!/usr/bin/env bash
# Offline install test: the .deb installs into a clean Debian root with the network cut, the
# installed kiosk starts offscreen in smoke-test mode and reaches ready with the practice portal,
# and uninstalling leaves nothing behind but the residents' data.
#   sudo packaging/offline-install-test.sh [dist/silver-kiosk_<version>_amd64.deb]
# Needs root, debootstrap and unshare (util-linux). SUITE and MIRROR choose the Debian release
# (default: bookworm, the release the bundle is built on).
#
# The clean root stands for a standard desktop: debootstrap makes a minimal Debian with the
# package's Depends, which is the only step that uses the network (the Debian mirror). Every
# later step -- dpkg -i, the smoke test, `silver-kiosk portal check`, dpkg --purge -- runs in a
# chroot inside a new network namespace (`unshare -n`) that has only a loopback interface.
#
# Takes about 50 s on a 2-core machine (43 s of it debootstrap). It fits in CI where the runner
# is root and reaches the Debian mirror; in any case run it before each release
# (docs/install.md, "Testing a release").
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
deb=${1:-$(ls -t dist/silver-kiosk_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "No .deb: run packaging/build-deb.sh first." >&2; exit 1; }
lessons_deb=${2:-$(ls -t dist/silver-kiosk-lessons_*.deb 2>/dev/null | head -1)}
[ -f "$lessons_deb" ] || { echo "No lessons .deb: run packaging/build-lessons-deb.sh first." >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "Run as root (debootstrap, chroot and unshare need it)." >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 1; }

t0=$(date +%s)
target=$(mktemp -d /var/tmp/silver-kiosk-root.XXXXXX)
chmod 755 "$target"  # as a real root is: the kiosk user must reach /usr
cleanup() {
  for m in dev/shm dev/pts dev proc; do umount -l "$target/$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$target"
}
trap cleanup EXIT

# Depends without version constraints, comma-separated for debootstrap --include.
# (The lessons package is ours, installed with the kiosk below.)
depends=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/ //g; s/,silver-kiosk-lessons//')
source packaging/session/install-test.sh  # the kiosk session's checks (greetd + cage)
depends="$depends,$(session_packages)"
echo "== clean Debian root ($suite, minbase + the package's Depends) in $target"
debootstrap --variant=minbase --include="$depends" "$suite" "$target" "$mirror" \
  > "$target.debootstrap.log" 2>&1 || { tail -20 "$target.debootstrap.log" >&2; exit 1; }
rm -f "$target.debootstrap.log"
t1=$(date +%s)

mount -t proc proc "$target/proc"
mount --bind /dev "$target/dev"
mount --bind /dev/pts "$target/dev/pts"
cp "$deb" "$target/tmp/silver-kiosk.deb"
cp "$lessons_deb" "$target/tmp/silver-kiosk-lessons.deb"

offline() {  # offline <command...>: run in the chroot, in a network namespace with loopback only
  unshare -n -- sh -c 'ip link set lo up 2>/dev/null || true; root=$1; shift
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"' sh "$target" "$@"
}
interfaces=$(offline sh -c "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '")
[ "$interfaces" = lo ] || { echo "The network is not cut: $interfaces" >&2; exit 1; }
echo "== network cut: interfaces in the test namespace: $interfaces"

echo "== dpkg -i (offline)"
offline dpkg -i /tmp/silver-kiosk-lessons.deb /tmp/silver-kiosk.deb
offline test -x /usr/bin/silver-kiosk
offline test -f /etc/silver-kiosk/kiosk.toml

echo "== installed kiosk, smoke test (offline)"
out=$(offline timeout 90 silver-kiosk --smoke-test 2>"$target/tmp/smoke.err") || {
  echo "The installed kiosk failed its smoke test:" >&2; echo "$out" >&2
  cat "$target/tmp/smoke.err" >&2; exit 1; }
echo "$out"
grep -qx ready <<<"$out" || { echo "The installed kiosk never reached ready." >&2; exit 1; }
grep -q '^spoke .* espeak-ng$' <<<"$out" || { echo "The installed kiosk did not speak." >&2; exit 1; }
python=$(ls .venv/bin/python 2>/dev/null || command -v python3)
"$python" packaging/check_stderr.py packaging/stderr-allow.txt "$target/tmp/smoke.err"

session_installed

echo "== the lessons package: read and checked by the installed kiosk (offline)"
offline silver-kiosk lessons validate --lang en | tail -1
offline silver-kiosk doctor > "$target/tmp/doctor.out" 2>&1 || true
grep -E '^(OK|FAIL) +lessons' "$target/tmp/doctor.out"
grep -qE '^OK +lessons silver-kiosk-lessons \(package, /usr/share/silver-kiosk/lessons/' \
  "$target/tmp/doctor.out" || { cat "$target/tmp/doctor.out" >&2; exit 1; }
if grep -qE '^FAIL +lessons' "$target/tmp/doctor.out"; then exit 1; fi

echo "== the update policy: installed, inert until the repository is enabled"
offline test -x /usr/libexec/silver-kiosk/update-window
offline apt-config dump | grep -F 'Unattended-Upgrade::Origins-Pattern:: "origin=Silver Kiosk'
offline test -f /usr/lib/systemd/system/apt-daily-upgrade.service.d/silver-kiosk.conf
offline sh -c '/usr/libexec/silver-kiosk/update-window --at 2026-12-07T10:00; [ $? -eq 100 ]'
offline /usr/libexec/silver-kiosk/update-window --at 2026-12-07T03:00
offline /usr/libexec/silver-kiosk/update-window --if-unattended  # an admin's apt: never held
offline test ! -e /etc/apt/sources.list.d/silver-kiosk.sources

echo "== silver-kiosk portal check (offline: the practice portal)"
offline timeout 60 silver-kiosk portal check > "$target/tmp/check.out"
tail -1 "$target/tmp/check.out"
grep -qx OK "$target/tmp/check.out" || { cat "$target/tmp/check.out" >&2; exit 1; }
grep -q "practice.portal" "$target/tmp/check.out"

echo "== dpkg --purge: nothing may be left but the residents' data in the home folder"
offline dpkg --purge silver-kiosk silver-kiosk-lessons
session_purged
left=$(offline sh -c 'find / -xdev \( -path /root -o -path /proc -o -path /tmp -o -path /var/lib/dpkg \
  -o -path /var/lib/silver-kiosk \) -prune -o -name "*silver-kiosk*" -print')
if [ -n "$left" ]; then echo "Left behind after purge:" >&2; echo "$left" >&2; exit 1; fi
kept=$(offline sh -c 'ls -d /root/.local/share/silver-kiosk /root/.local/state/silver-kiosk \
  /var/lib/silver-kiosk 2>/dev/null || true')
echo "kept (residents' data, the admin deletes it when they choose): ${kept:-none}"

t2=$(date +%s)
echo "OK: offline install test passed: debootstrap $((t1 - t0)) s, offline steps $((t2 - t1)) s," \
  "total $((t2 - t0)) s"
