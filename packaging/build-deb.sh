#!/usr/bin/env bash
# Make the Debian package from the packaged build: dist/silver-kiosk_<version>_amd64.deb.
#   packaging/build-deb.sh           package dist/silver-kiosk (built by packaging/build.sh)
#   packaging/build-deb.sh --build   run packaging/build.sh first
# Layout: the bundle in /opt/silver-kiosk, the `silver-kiosk` command in /usr/bin, a desktop
# entry, /etc/silver-kiosk/kiosk.toml (every option, commented, generated from the settings
# schema), a systemd user unit for the optional kiosk autostart, the installer's guide.
# Depends: the Debian packages that provide the system libraries the bundle links to (found with
# ldd and dpkg -S), plus what Qt loads at run time (GL, EGL, PulseAudio).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py="$root/.venv/bin/python"
bundle="$root/dist/silver-kiosk"
[ "${1:-}" = "--build" ] && packaging/build.sh
[ -x "$bundle/silver-kiosk" ] || { echo "No bundle: run packaging/build.sh first." >&2; exit 1; }

version=$("$py" -c 'import kiosk; print(kiosk.__version__)')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/root"

install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/etc/silver-kiosk" "$pkg/usr/lib/systemd/user" "$pkg/usr/share/doc/silver-kiosk"
cp -a "$bundle" "$pkg/opt/silver-kiosk"
install -m 755 packaging/deb/silver-kiosk.sh "$pkg/usr/bin/silver-kiosk"
install -m 644 packaging/deb/silver-kiosk.desktop "$pkg/usr/share/applications/"
install -m 644 packaging/deb/silver-kiosk.service "$pkg/usr/lib/systemd/user/"
"$py" packaging/sample_config.py > "$pkg/etc/silver-kiosk/kiosk.toml"
chmod 640 "$pkg/etc/silver-kiosk/kiosk.toml"  # root:kiosk in postinst: it holds the PIN hash
for doc in docs/install.md docs/install.bg.md; do
  [ -f "$doc" ] && install -m 644 "$doc" "$pkg/usr/share/doc/silver-kiosk/"
done
cat > "$pkg/usr/share/doc/silver-kiosk/copyright" <<'EOF'
Silver Kiosk is free software, licensed under the GNU General Public License version 3 or later
(/usr/share/common-licenses/GPL-3). The bundled Qt (LGPL-3), Python (PSF), espeak-ng (GPL-3) and
Noto Sans (SIL OFL 1.1) keep their own licences.
EOF
install -m 755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$pkg/DEBIAN/"
echo /etc/silver-kiosk/kiosk.toml > "$pkg/DEBIAN/conffiles"
packaging/session/stage.sh "$pkg"  # the kiosk session (greetd + cage), opt-in
packaging/updates/stage.sh "$pkg"  # the update policy; the repository is opt-in

# The system libraries the bundle needs, and the packages that ship them.
libs=$(find "$bundle" -type f -name '*.so*' -print0 |
  LD_LIBRARY_PATH="$bundle/_internal:$bundle/_internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$bundle" | sort -u)
packages=()
for lib in $libs; do
  real=$(readlink -f "$lib")
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "${lib#/usr}" \
    2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null || true)
  [ -n "$owner" ] || { echo "No Debian package ships $lib" >&2; exit 1; }
  packages+=("${owner%%:*}")
done
# Loaded at run time, so ldd does not see them.
packages+=(libgl1 libegl1 libpulse0)
depends=$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, | sed 's/,/, /g')
glibc=$(ldd --version | awk 'NR == 1 {print $NF}')
depends=${depends/libc6/libc6 (>= $glibc)}
# The lessons are their own package (packaging/build-lessons-deb.sh), released on their own.
depends="$depends, silver-kiosk-lessons"
size_kb=$(du -sk "$pkg" | cut -f1)

cat > "$pkg/DEBIAN/control" <<EOF
Package: silver-kiosk
Version: $version
Architecture: $arch
Maintainer: Silver Kiosk project <silver-kiosk@users.noreply.github.com>
Installed-Size: $size_kb
Depends: $depends
Recommends: $(packaging/session/stage.sh --recommends), $(packaging/updates/stage.sh --recommends)
Section: misc
Priority: optional
Homepage: https://github.com/silver-kiosk/silver-kiosk
Description: public kiosk for older residents: city e-services and digital-skills lessons
 Silver Kiosk guides older residents of Sofia through municipal e-services (reporting a
 problem, open data, public transport departures) and short digital-literacy lessons, with
 large type, high contrast and a voice in Bulgarian, English, Ukrainian and Turkish.
 It works without a network using its built-in practice portal.
EOF

out="$root/dist/silver-kiosk_${version}_${arch}.deb"
start=$(date +%s.%N)
# Written aside, then renamed: a reader never sees half a package.
dpkg-deb --root-owner-group -Zxz -z6 --build "$pkg" "$out.part" >/dev/null
mv "$out.part" "$out"
printf 'package            %s\n' "$out"
printf 'package size       %.1f MB (installed %.1f MB), built in %.0f s\n' \
  "$(stat -c %s "$out")e-6" "${size_kb}e-3" \
  "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')"
printf 'depends            %s\n' "$depends"
