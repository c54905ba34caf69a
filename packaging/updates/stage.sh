#!/usr/bin/env bash
# The update policy's part of the Debian package (packaging/build-deb.sh calls this):
#   packaging/updates/stage.sh ROOT      install the policy's files into the package root ROOT
#   packaging/updates/stage.sh --recommends   the packages the policy needs (Recommends:)
# Installed with the package: the window (/usr/libexec/silver-kiosk/update-window), the apt
# settings (/etc/apt/apt.conf.d/51silver-kiosk: the repository's origin for unattended-upgrades,
# the Pre-Invoke check) and drop-ins for apt-daily-upgrade's service (ExecCondition) and timer
# (hourly). Opt-in: the repository, its key and the daily schedule (`silver-kiosk updates enable`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --recommends ]; then
  echo "unattended-upgrades"
  exit 0
fi
root=${1:?usage: stage.sh ROOT | --recommends}
install -D -m 755 "$here/update-window" "$root/usr/libexec/silver-kiosk/update-window"
install -D -m 644 "$here/51silver-kiosk" "$root/etc/apt/apt.conf.d/51silver-kiosk"
install -D -m 644 "$here/apt-daily-upgrade.service.conf" \
  "$root/usr/lib/systemd/system/apt-daily-upgrade.service.d/silver-kiosk.conf"
install -D -m 644 "$here/apt-daily-upgrade.timer.conf" \
  "$root/usr/lib/systemd/system/apt-daily-upgrade.timer.d/silver-kiosk.conf"
echo /etc/apt/apt.conf.d/51silver-kiosk >> "$root/DEBIAN/conffiles"
