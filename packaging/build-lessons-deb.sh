#!/usr/bin/env bash
# Make the lessons package, released on its own: dist/silver-kiosk-lessons_<version>_all.deb.
#   packaging/build-lessons-deb.sh
# The course in assets/lessons and its catalogs from locales/ become one content folder,
# /usr/share/silver-kiosk/lessons/silver-kiosk-lessons/ (`python -m kiosk lessons pack`), and the
# lesson validator checks that folder as the kiosk will (`lessons validate --strict`: a warning,
# such as a lesson overdue for review, fails the build too) before anything is written.
# Version: LESSONS_VERSION, else course.yaml's `version` (e.g. 2026.11); raise it for each
# release of the lessons, with or without a new app. OUT_DIR: where the .deb goes (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py="$root/.venv/bin/python"
[ -x "$py" ] || { echo "No .venv: run ./dev test (or ./dev run) once first." >&2; exit 1; }
name=silver-kiosk-lessons
version=${LESSONS_VERSION:-$("$py" -c '
import yaml, sys
print(yaml.safe_load(open("assets/lessons/course.yaml", encoding="utf-8"))["version"])')}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/root"
content="$pkg/usr/share/silver-kiosk/lessons/$name"

echo "== packing the course"
"$py" -m kiosk lessons pack assets/lessons "$content" --locales locales
echo "== validating the packed folder (strict)"
"$py" -m kiosk lessons validate --strict --lang en "$content" || {
  echo "The lessons do not pass the validator: no package was made." >&2; exit 1; }

install -d "$pkg/DEBIAN" "$pkg/usr/share/doc/$name"
cat > "$pkg/usr/share/doc/$name/copyright" <<'COPYRIGHT'
The Silver Kiosk lessons (texts, pictures and their translations) are licensed under the
Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0),
https://creativecommons.org/licenses/by-sa/4.0/
COPYRIGHT
find "$pkg/usr" -type d -exec chmod 755 {} + && find "$pkg/usr" -type f -exec chmod 644 {} +
size_kb=$(du -sk "$pkg" | cut -f1)
lessons=$(find "$content" -name '*.yaml' ! -name course.yaml ! -name facts.yaml | wc -l)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: all
Maintainer: Silver Kiosk project <silver-kiosk@users.noreply.github.com>
Installed-Size: $size_kb
Enhances: silver-kiosk
Section: education
Priority: optional
Homepage: https://github.com/silver-kiosk/silver-kiosk
Description: digital-skills lessons for the Silver Kiosk
 The lessons Silver Kiosk teaches older residents with: using a touch screen, staying safe
 online, the city's e-services, apps and e-mail. Each lesson is read aloud, with practice on
 the screen. In Bulgarian, with translations in English, Ukrainian and Turkish.
 .
 Released on its own, so new and corrected lessons reach the kiosks without a new app. The
 kiosk checks the lessons again when it reads them.
CONTROL

out_dir=$(realpath -m "${OUT_DIR:-$root/dist}")
out="$out_dir/${name}_${version}_all.deb"
mkdir -p "$out_dir"
dpkg-deb --root-owner-group -Zxz -z6 --build "$pkg" "$out.part" >/dev/null
mv "$out.part" "$out"
printf 'package            %s\n' "$out"
printf 'package size       %.2f MB (installed %.1f MB), %s lesson files\n' \
  "$(stat -c %s "$out")e-6" "${size_kb}e-3" "$lessons"
