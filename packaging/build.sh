#!/usr/bin/env bash
# Build the packaged kiosk (PyInstaller onedir) and prove it runs.
#   packaging/build.sh            build into dist/silver-kiosk, smoke-test it, print size and timing
#   ROUNDS=9 packaging/build.sh   more timing rounds (default 5)
# Steps: compile the catalogs; build from packaging/silver-kiosk.spec; check every bundled library
# resolves; start the frozen kiosk offscreen in smoke-test mode (first frame, portals and
# database up, one Bulgarian sentence synthesised) and fail on any stderr line that
# packaging/stderr-allow.txt does not allow; then time the frozen start against
# `python -m kiosk --smoke-test` in the same run (the machine is noisy: read the ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py="$root/.venv/bin/python"
bundle="$root/dist/silver-kiosk"
rounds=${ROUNDS:-5}
[ -x "$py" ] || { echo "No .venv: run ./dev test (or ./dev run) once first." >&2; exit 1; }
for tool in as ld objdump; do  # binutils: PyInstaller reads libraries; icu_trim.py links one
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install binutils" >&2; exit 1; }
done
"$py" -c 'import PyInstaller' 2>/dev/null || {
  echo "PyInstaller is missing: $py -m pip install --require-hashes -r requirements.lock" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== compiling catalogs"
"$py" -m kiosk i18n compile --quiet

echo "== building"
start=$(date +%s.%N)
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$root/dist" \
  --workpath "$root/build/pyinstaller" packaging/silver-kiosk.spec
build_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')

echo "== checking bundled libraries"
# Every ELF file must find its libraries in the bundle or in the system packages the .deb
# depends on; a "not found" here means a library the filters removed is still needed.
missing=$(find "$bundle" -type f \( -name '*.so*' -o -name silver-kiosk \) -print0 |
  LD_LIBRARY_PATH="$bundle/_internal:$bundle/_internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null |
  awk '/^\// {file=$1} /not found/ {print file, $1}' | sort -u)
if [ -n "$missing" ]; then
  echo "Libraries not found:" >&2; echo "$missing" >&2; exit 1
fi

# A clean home for each run: the smoke test must not read a developer's config or data.
smoke() {  # smoke <command...>: one smoke-test run; stdout in $work/out, stderr in $work/err
  local home; home=$(mktemp -d -p "$work")
  env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
    timeout 60 "$@" --smoke-test >"$work/out" 2>"$work/err"
}

echo "== smoke test of the frozen kiosk"
if ! smoke "$bundle/silver-kiosk"; then
  echo "The frozen kiosk failed its smoke test. stdout:" >&2; cat "$work/out" >&2
  echo "stderr:" >&2; cat "$work/err" >&2; exit 1
fi
cat "$work/out"
grep -qx ready "$work/out" || { echo "The frozen kiosk never printed 'ready'." >&2; exit 1; }
grep -q '^spoke ' "$work/out" || { echo "The frozen kiosk did not speak." >&2; exit 1; }
"$py" packaging/check_stderr.py packaging/stderr-allow.txt "$work/err"
# The bundle's ICU data keeps only the kiosk's languages (packaging/icu_trim.py): prove Qt
# still sorts Bulgarian and capitalises Turkish with it ...
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$bundle/silver-kiosk" doctor \
  >"$work/doctor" 2>&1 || true
grep -E '^(OK|FAIL) +(text rules|pictograms)' "$work/doctor"
grep -qE '^OK +text rules' "$work/doctor" || { cat "$work/doctor" >&2; exit 1; }
# ... and that QtSvg and the drawings are in it: every pictogram draws.
grep -qE '^OK +pictograms' "$work/doctor" || { cat "$work/doctor" >&2; exit 1; }

echo "== timing: frozen against python -m kiosk --smoke-test (same run; read the ratios)"
"$py" benchmarks/packaged_start.py --rounds "$rounds" --bundle "$bundle"

size=$(du -sb "$bundle" | cut -f1)
tar -C "$root/dist" -czf "$work/bundle.tar.gz" silver-kiosk
tgz=$(stat -c %s "$work/bundle.tar.gz")
printf 'build time        %6.1f s\n' "$build_s"
printf 'bundle size       %6.1f MB (%s files), %.1f MB as tar.gz\n' "${size}e-6" \
  "$(find "$bundle" -type f | wc -l)" "${tgz}e-6"
echo "OK: dist/silver-kiosk"
