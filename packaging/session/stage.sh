#!/usr/bin/env bash
# The kiosk session's part of the Debian package (packaging/build-deb.sh calls this):
#   packaging/session/stage.sh ROOT      install the session's files into the package root ROOT
#   packaging/session/stage.sh --recommends   the packages the session needs (Recommends:)
# The session is opt-in (`silver-kiosk-session enable`); the package only creates the kiosk
# user and its home, and makes the settings file readable by that user alone (postinst).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --recommends ]; then
  # cage 0.1.4 does not start without Xwayland; the user manager (libpam-systemd) restarts the
  # kiosk; a sound server carries the voice when no desktop brings one.
  echo "greetd, cage, xwayland, libpam-systemd, pulseaudio | pipewire-pulse"
  exit 0
fi
root=${1:?usage: stage.sh ROOT | --recommends}
install -D -m 755 "$here/silver-kiosk-session" "$root/usr/sbin/silver-kiosk-session"
install -D -m 755 "$here/session" "$root/usr/libexec/silver-kiosk/session"
install -D -m 644 "$here/greetd.toml" "$root/etc/silver-kiosk/greetd.toml"
install -D -m 644 "$here/silver-kiosk-session.service" \
  "$root/usr/lib/systemd/user/silver-kiosk-session.service"
install -D -m 644 "$here/sysusers.conf" "$root/usr/lib/sysusers.d/silver-kiosk.conf"
install -D -m 644 "$here/tmpfiles.conf" "$root/usr/lib/tmpfiles.d/silver-kiosk.conf"
echo /etc/silver-kiosk/greetd.toml >> "$root/DEBIAN/conffiles"
