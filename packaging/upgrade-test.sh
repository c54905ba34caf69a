#!/usr/bin/env bash
# Upgrade test: a kiosk on the previous release, with residents' reports waiting in its outbox,
# is upgraded by unattended-upgrades from the city's signed repository, offline, and every
# report is then delivered to the practice portal by the new release.
#   sudo packaging/upgrade-test.sh [NEW.deb LESSONS.deb]   default: the newest in dist/
# Needs root, debootstrap, unshare, reprepro and gpg. SUITE and MIRROR as for
# offline-install-test.sh. About 4 minutes on 2 cores, half of it building the previous release.
#
#  1. The previous release (packaging/previous-release: version and commit) is built from git
#     history with its own build scripts, or taken from dist/previous/ when built before.
#  2. The repository (packaging/build-repo.sh) holds this release and the lessons package,
#     signed with a key made for this test (passed as the production key would be).
#  3. A clean Debian root (debootstrap: both releases' Depends and unattended-upgrades) gets
#     the previous release with dpkg -i; the admin has changed its settings file; the previous
#     release's own code queues REPORTS reports in the kiosk's outbox. The Debian mirror is
#     then removed: from here on the root has no network (unshare -n) and only the file://
#     repository, as a kiosk with the city's mirror on a USB disk would.
#  4. Stage 1, previous -> this release: the admin's one-time step for a kiosk older than the
#     update policy (key, .sources, 51silver-kiosk); apt-get update checks the signature;
#     unattended-upgrade upgrades silver-kiosk and brings silver-kiosk-lessons (a new Depends).
#     Checked: versions, the admin's settings kept (kiosk.toml, a renamed key read under its
#     new name), the lessons read, the outbox still holding every report.
#  5. The practice portal (`silver-kiosk portal serve`) and the upgraded kiosk run; the kiosk
#     delivers every queued report: each one's reference is in the portal's requests.json.
#  6. Stage 2, this release -> the same repacked as VERSION+upgradetest1: unattended-upgrade is
#     held back by the policy's Pre-Invoke hook while the site is open (opening_hours 24/7) and
#     while a resident is in a session (the session lock held, as the kiosk holds it), then
#     upgrades; the running kiosk sees the new release and restarts itself (exit 75).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py="$root/.venv/bin/python"
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
reports=${REPORTS:-6}
new_deb=$(realpath "${1:-$(ls -t dist/silver-kiosk_*.deb 2>/dev/null | head -1)}")
lessons_deb=$(realpath "${2:-$(ls -t dist/silver-kiosk-lessons_*.deb 2>/dev/null | head -1)}")
[ -f "$new_deb" ] && [ -f "$lessons_deb" ] || {
  echo "Build this release first: build.sh, build-lessons-deb.sh, build-deb.sh." >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "Run as root (debootstrap, chroot and unshare need it)." >&2; exit 1; }
read -r prev_version prev_commit < <(grep -v '^#' packaging/previous-release)
new_version=$(dpkg-deb -f "$new_deb" Version)
t0=$(date +%s)
work=$(mktemp -d /var/tmp/silver-kiosk-upgrade.XXXXXX)
target="$work/root"
holder=""
stop_kiosks() {  # the processes this test started inside the root (portal, kiosk, lock holder)
  local p signal
  for signal in TERM KILL; do
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/root" 2>/dev/null)" = "$target" ] && kill -s "$signal" "${p#/proc/}" 2>/dev/null
    done
    sleep 2
  done
  return 0
}
cleanup() {
  stop_kiosks
  for m in dev/pts dev proc; do umount -l "$target/$m" 2>/dev/null || true; done
  gpgconf --homedir "$work/gnupg" --kill gpg-agent 2>/dev/null || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

echo "== 1. the previous release, $prev_version ($prev_commit)"
cache="dist/previous/silver-kiosk_${prev_version}_${prev_commit:0:12}.deb"
if [ ! -f "$cache" ]; then
  tree="$work/prev"
  mkdir -p "$tree"
  git archive "$prev_commit" | tar -x -C "$tree"
  ln -s "$root/.venv" "$tree/.venv"
  (cd "$tree" && ROUNDS=1 packaging/build.sh > "$work/prev-build.log" 2>&1 &&
    packaging/build-deb.sh >> "$work/prev-build.log" 2>&1) || {
    tail -30 "$work/prev-build.log" >&2; exit 1; }
  mkdir -p dist/previous
  cp "$tree"/dist/silver-kiosk_"$prev_version"_*.deb "$cache"
  rm -rf "$tree/dist" "$tree/build"
fi
old_deb=$(realpath "$cache")
[ "$(dpkg-deb -f "$old_deb" Version)" = "$prev_version" ]
t1=$(date +%s)

echo "== 2. the signed repository (this release $new_version and the lessons)"
export GNUPGHOME="$work/gnupg"
install -d -m 700 "$GNUPGHOME"
gpg --batch --quiet --no-tty --passphrase '' --quick-gen-key \
  "Silver Kiosk upgrade test <upgrade-test@silver-kiosk.invalid>" ed25519 sign 1d
key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" {print $10; exit}')
SILVER_KIOSK_REPO_KEY=$key OUT="$work/repo" packaging/build-repo.sh "$new_deb" "$lessons_deb" \
  2>&1 | grep -v '^gpg: '
repo_bytes=$(du -sb "$work/repo" | cut -f1)

echo "== 3. a clean root on $prev_version, reports in its outbox"
deps() { dpkg-deb -f "$1" Depends | sed 's/([^)]*)//g; s/ //g'; }
include=$( (deps "$old_deb"; deps "$new_deb") | tr , '\n' | grep -vx 'silver-kiosk-lessons' |
  sort -u | paste -sd,)
debootstrap --variant=minbase --include="$include,unattended-upgrades,python3-apt,ca-certificates" \
  "$suite" "$target" "$mirror" > "$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2; exit 1; }
chmod 755 "$target"
mount -t proc proc "$target/proc"
mount --bind /dev "$target/dev"
mount --bind /dev/pts "$target/dev/pts"
rm -f "$target/etc/apt/sources.list"  # from here on: the city's repository only, no network
cp -a "$work/repo" "$target/srv/silver-kiosk-repo"
cp "$old_deb" "$target/tmp/previous.deb"
offline() {  # offline <command...>: in the chroot, in a network namespace with loopback only
  unshare -n -- sh -c 'ip link set lo up 2>/dev/null || true; root=$1; shift
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"' sh "$target" "$@"
}
offline dpkg -i /tmp/previous.deb > /dev/null
# The admin's changes (0.1.0 reads one file): reports go to an Open311 portal (here the
# practice portal on this machine), the venue's name under 0.1.0's key for it.
sed -i -e 's|^# mode = "practice"$|mode = "open311"|' \
  -e 's|^# open311_url = ""$|open311_url = "http://127.0.0.1:8311/open311/v2"|' \
  -e 's|^# venue_name = ""$|venue_name = "Читалище „Надежда“ (upgrade test)"|' \
  "$target/etc/silver-kiosk/kiosk.toml"
[ "$(grep -cE '^(mode|open311_url|venue_name) = ' "$target/etc/silver-kiosk/kiosk.toml")" = 3 ]
mkdir -p "$work/prev-src" && git archive "$prev_commit" kiosk | tar -x -C "$work/prev-src"
PYTHONPATH="$work/prev-src" "$py" packaging/upgrade_queue.py \
  "$target/root/.local/share/silver-kiosk" "$reports" > "$work/ids"
echo "queued by $prev_version: $(wc -l < "$work/ids") reports"
outbox_states() {
  offline python3 -c 'import sqlite3; c = sqlite3.connect("/root/.local/share/silver-kiosk/kiosk.sqlite3")
print(" ".join(f"{s}={n}" for s, n in c.execute("SELECT state, count(*) FROM outbox GROUP BY state")))'
}

echo "== 4. stage 1: unattended-upgrade, $prev_version -> $new_version (offline)"
install -D -m 644 "$work/repo/silver-kiosk-archive-keyring.gpg" \
  "$target/etc/apt/keyrings/silver-kiosk.gpg"
cat > "$target/etc/apt/sources.list.d/silver-kiosk.sources" <<'EOF'
Types: deb
URIs: file:/srv/silver-kiosk-repo
Suites: stable
Components: main
Signed-By: /etc/apt/keyrings/silver-kiosk.gpg
EOF
install -m 644 packaging/updates/51silver-kiosk "$target/etc/apt/apt.conf.d/51silver-kiosk"
offline apt-get update 2>&1 | tail -3
offline apt-cache policy | grep -F 'o=Silver Kiosk,a=stable'
s1=$(date +%s.%N)
offline unattended-upgrade -v > "$work/uu1.log" 2>&1 || { cat "$work/uu1.log" >&2; exit 1; }
stage1_s=$(awk -v a="$s1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
version() { offline dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo none; }
echo "installed: silver-kiosk $(version silver-kiosk), silver-kiosk-lessons $(version silver-kiosk-lessons)"
[ "$(version silver-kiosk)" = "$new_version" ] || { cat "$work/uu1.log" >&2; exit 1; }
[ "$(version silver-kiosk-lessons)" = "$(dpkg-deb -f "$lessons_deb" Version)" ]
fail() { echo "FAILED: $*" >&2; exit 1; }
grep -q '^open311_url = "http://127.0.0.1:8311/open311/v2"' "$target/etc/silver-kiosk/kiosk.toml" ||
  fail "the admin's settings file was not kept"
test -f "$target/etc/silver-kiosk/kiosk.toml.dpkg-dist" ||  # the new defaults, beside the admin's
  fail "no kiosk.toml.dpkg-dist"
offline silver-kiosk doctor > "$work/doctor" 2>&1 || true
grep -F 'name = "Читалище „Надежда“ (upgrade test)"' "$work/doctor" || {  # venue_name -> site.name
  cat "$work/doctor" >&2; fail "the renamed setting kiosk.venue_name was not read as site.name"; }
grep -E '^OK +lessons silver-kiosk-lessons' "$work/doctor" || fail "the lessons are not read"
echo "outbox after the upgrade: $(outbox_states)"
[ "$(outbox_states)" = "queued=$reports" ] || fail "the outbox lost reports"

echo "== 5. the upgraded kiosk delivers every report to the practice portal (offline)"
cp "$work/ids" "$target/tmp/ids"
cat > "$target/tmp/run-kiosks.sh" <<'EOF'
#!/bin/sh
# The portal, and the kiosk as systemd would run it: started again after it ends with 75.
silver-kiosk portal serve --port 8311 --db /tmp/portal.sqlite3 > /tmp/portal.log 2>&1 &
portal=$!
python3 - <<'PY'
import json, time, urllib.request
ids = open("/tmp/ids").read().split()
deadline = time.time() + 30
while time.time() < deadline:
    try:
        urllib.request.urlopen("http://127.0.0.1:8311/open311/v2/services.json", timeout=2)
        break
    except OSError:
        time.sleep(0.2)
PY
run=1
while :; do
  silver-kiosk > /tmp/kiosk.$run.log 2>&1
  code=$?
  echo "$code" > /tmp/kiosk.$run.exit
  [ "$code" -eq 75 ] && [ "$run" -lt 3 ] || break
  run=$((run + 1))
done
kill $portal
EOF
cat > "$target/tmp/delivered.py" <<'EOF'
import json, sys, time, urllib.request
ids = open("/tmp/ids").read().split()
deadline = time.time() + float(sys.argv[1])
while True:
    try:
        with urllib.request.urlopen(
            "http://127.0.0.1:8311/open311/v2/requests.json", timeout=5
        ) as reply:
            found = json.load(reply)
    except OSError:
        found = []
    text = " ".join(r.get("description", "") for r in found)
    missing = [i for i in ids if i not in text]
    if not missing or time.time() > deadline:
        print(f"delivered {len(ids) - len(missing)} of {len(ids)}")
        sys.exit(1 if missing else 0)
    time.sleep(1)
EOF
chmod +x "$target/tmp/run-kiosks.sh"
# One network namespace for the portal, the kiosk and the checks (loopback only).
unshare -n -- sh -c 'ip link set lo up; exec chroot "$1" /usr/bin/env -i \
  PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  sh -c "/tmp/run-kiosks.sh & python3 /tmp/delivered.py 180 > /tmp/delivered; \
    echo done > /tmp/delivered.done; wait"' sh "$target" &
bg=$!
for _ in $(seq 300); do [ -f "$target/tmp/delivered.done" ] && break; sleep 1; done
cat "$target/tmp/delivered" 2>/dev/null || true
grep -qx "delivered $reports of $reports" "$target/tmp/delivered" || {
  tail -30 "$target/tmp/kiosk.1.log" "$target/tmp/portal.log" >&2; exit 1; }
echo "outbox now: $(outbox_states)"

echo "== 6. stage 2: the update window holds unattended-upgrade back, then lets it through"
stage=$work/stage2
dpkg-deb -R "$new_deb" "$stage"
next_version="$new_version+upgradetest1"
sed -i "s/^Version: .*/Version: $next_version/" "$stage/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$stage" "$work/next.deb" > /dev/null
rm -rf "$stage"
SILVER_KIOSK_REPO_KEY=$key OUT="$work/repo" packaging/build-repo.sh "$work/next.deb" \
  "$lessons_deb" 2>&1 | grep -E '^(package|repository)'
rm -rf "$target/srv/silver-kiosk-repo" && cp -a "$work/repo" "$target/srv/silver-kiosk-repo"
offline apt-get update > /dev/null 2>&1
dropin="$target/etc/silver-kiosk/conf.d/90-upgrade-test.toml"
mkdir -p "$(dirname "$dropin")"
uu_held_back() {  # uu_held_back WHY: the policy's hook stops unattended-upgrade's dpkg run
  rm -rf "$target/var/log/unattended-upgrades"
  offline unattended-upgrade -v > "$work/uu.log" 2>&1 || true
  [ "$(version silver-kiosk)" = "$new_version" ] || { echo "upgraded despite: $1" >&2; exit 1; }
  said=$(cat "$work/uu.log" "$target"/var/log/unattended-upgrades/*.log 2>/dev/null |
    grep -F "silver-kiosk: not now" | head -1) || true
  [ -n "$said" ] || { echo "not held back by the policy's hook:" >&2; cat "$work/uu.log" >&2; exit 1; }
  echo "held back ($1): ${said#*not now: }"
}
printf '[site]\nopening_hours = "24/7"\n' > "$dropin"
uu_held_back "the site is open"
printf '[site]\nopening_hours = ""\n' > "$dropin"
mkdir -p "$target/run/user/0/silver-kiosk"
chroot "$target" flock -F /run/user/0/silver-kiosk/session.lock sleep 600 &  # -F: sleep holds it
holder=$!
sleep 1
uu_held_back "a resident is in a session"
kill "$holder"; wait "$holder" 2>/dev/null || true; holder=""
s2=$(date +%s.%N)
offline unattended-upgrade -v > "$work/uu2.log" 2>&1 || { cat "$work/uu2.log" >&2; exit 1; }
stage2_s=$(awk -v a="$s2" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
[ "$(version silver-kiosk)" = "$next_version" ] || { cat "$work/uu2.log" >&2; exit 1; }
echo "upgraded: silver-kiosk $(version silver-kiosk), no session open, the site closed"
for _ in $(seq 120); do [ -f "$target/tmp/kiosk.1.exit" ] && break; sleep 1; done
[ "$(cat "$target/tmp/kiosk.1.exit" 2>/dev/null)" = 75 ] || {
  echo "the running kiosk did not restart into the new release" >&2
  tail -20 "$target/tmp/kiosk.1.log" >&2; exit 1; }
echo "the running kiosk restarted itself into $next_version (exit 75)"
running() { grep -rh "kiosk running" "$target/root/.local/state/silver-kiosk" 2>/dev/null | wc -l; }
for _ in $(seq 60); do [ "$(running)" -ge 2 ] && break; sleep 1; done
[ "$(running)" -ge 2 ] && [ ! -f "$target/tmp/kiosk.2.exit" ] || {
  echo "the new release did not start" >&2; tail -20 "$target/tmp/kiosk.2.log" >&2; exit 1; }
echo "the new release runs"
stop_kiosks

t2=$(date +%s)
printf 'sizes              previous .deb %.1f MB, this .deb %.1f MB, lessons .deb %.2f MB, repository %.1f MB\n' \
  "$(stat -c %s "$old_deb")e-6" "$(stat -c %s "$new_deb")e-6" "$(stat -c %s "$lessons_deb")e-6" \
  "${repo_bytes}e-6"
echo "upgrade time       stage 1 ($prev_version -> $new_version, unattended-upgrade) $stage1_s s;" \
  "stage 2 ($new_version -> $next_version) $stage2_s s"
echo "OK: upgrade test passed: previous release $((t1 - t0)) s, total $((t2 - t0)) s;" \
  "every one of $reports queued reports delivered after the upgrade"
