# The kiosk session's part of packaging/offline-install-test.sh (sourced by it; uses its
# `offline` function and $target, the clean Debian root):
#   session_packages     what the clean root needs besides the package's Depends
#   session_installed    after dpkg -i: the kiosk user and home, the settings file's owner and
#                        mode, greetd's config parses and names what exists, the units verify,
#                        `silver-kiosk-session enable`/`disable` switch greetd on and back
#   session_purged       after dpkg --purge: the session is off, the residents' data is kept
# shellcheck shell=bash

session_packages() {
  # the Recommends the session uses, and systemd for sysusers, tmpfiles and systemd-analyze
  echo "greetd,cage,xwayland,systemd"
}

session_check() {  # session_check WHAT COMMAND...: run the check, fail with WHAT
  "${@:2}" || { echo "kiosk session: $1" >&2; exit 1; }
}

session_installed() {
  echo "== kiosk session: user, files, greetd config, units (offline)"
  local entry mode verify
  entry=$(offline getent passwd kiosk) || { echo "kiosk session: no kiosk user" >&2; exit 1; }
  session_check "kiosk user's home and shell: $entry" \
    grep -q ':/var/lib/silver-kiosk:/usr/sbin/nologin$' <<<"$entry"
  mode=$(offline stat -c '%U:%G %a' /var/lib/silver-kiosk)
  session_check "kiosk home is $mode" test "$mode" = "kiosk:kiosk 750"
  mode=$(offline stat -c '%U:%G %a' /etc/silver-kiosk/kiosk.toml)
  session_check "the settings file (PIN hash) is $mode, not root:kiosk 640" \
    test "$mode" = "root:kiosk 640"
  session_check "greetd.toml" "$python" packaging/session/check_greetd.py \
    "$target/etc/silver-kiosk/greetd.toml" --root "$target"
  echo "== kiosk session: the kiosk user reads its settings and starts (offline)"
  out=$(offline setpriv --reuid=kiosk --regid=kiosk --init-groups env HOME=/var/lib/silver-kiosk \
    timeout 90 silver-kiosk --smoke-test 2>"$target/tmp/session-smoke.err") || {
    echo "The kiosk user could not run the kiosk:" >&2; echo "$out" >&2
    cat "$target/tmp/session-smoke.err" >&2; exit 1; }
  grep -qx ready <<<"$out"
  echo "== silver-kiosk-session enable (offline)"
  offline silver-kiosk-session enable
  session_check "greetd is not the display manager" \
    test "$(basename "$(offline readlink /etc/systemd/system/display-manager.service)")" \
    = greetd.service
  session_check "default target" test "$(offline sh -c 'basename "$(readlink -e \
    /etc/systemd/system/default.target || readlink -e /lib/systemd/system/default.target)"')" \
    = graphical.target
  verify=$(offline env XDG_RUNTIME_DIR=/tmp systemd-analyze verify greetd.service 2>&1; \
    offline env XDG_RUNTIME_DIR=/tmp systemd-analyze --user verify \
      /usr/lib/systemd/user/silver-kiosk-session.service 2>&1)
  session_check "systemd-analyze verify: $verify" test -z "$verify"
  session_check "the drop-in does not point greetd at the kiosk's config" offline grep -q \
    -- '--config /etc/silver-kiosk/greetd.toml' /etc/systemd/system/greetd.service.d/silver-kiosk.conf
  offline silver-kiosk-session status
  echo "== silver-kiosk-session disable, then enable again (offline)"
  offline silver-kiosk-session disable
  session_check "drop-in left after disable" \
    offline test ! -e /etc/systemd/system/greetd.service.d/silver-kiosk.conf
  offline silver-kiosk-session enable >/dev/null
}

session_purged() {
  session_check "greetd still starts the kiosk after purge" \
    offline test ! -e /etc/systemd/system/greetd.service.d/silver-kiosk.conf
  session_check "the kiosk user's data was not kept" offline test -d /var/lib/silver-kiosk
}
