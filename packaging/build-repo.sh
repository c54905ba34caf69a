#!/usr/bin/env bash
# Build the signed apt repository the kiosks update from: dist/repo/ (or OUT).
#   packaging/build-repo.sh [DEB...]     default: the newest dist/silver-kiosk_*.deb and
#                                        dist/silver-kiosk-lessons_*.deb
# Made with reprepro (Debian's): dists/stable/{Release,Release.gpg,InRelease} signed, pool/main/.
# The Release file says Origin and Label "Silver Kiosk": the kiosks' unattended-upgrades policy
# (/etc/apt/apt.conf.d/51silver-kiosk) upgrades packages of that origin.
#
# The signing key:
#   production  SILVER_KIOSK_REPO_KEY=<fingerprint> of the city's key, in the keyring GNUPGHOME
#               points at (or on its smartcard); reprepro asks gpg-agent for it. The city keeps
#               that key off the kiosks; the kiosks get only its public half (below).
#   tests       without SILVER_KIOSK_REPO_KEY a throwaway ed25519 key is made for this build
#               (valid one day, in a temporary GNUPGHOME, thrown away at the end): good for the
#               tests, never for kiosks.
# Its public key is written beside the repository as silver-kiosk-archive-keyring.gpg (binary)
# and .asc: what `silver-kiosk updates enable URL --key FILE` installs on each kiosk. The build
# ends by checking InRelease's signature with gpgv against that file alone.
# Needs: reprepro, gpg, gpg-agent, gpgv (apt-get install reprepro gpg gpg-agent gpgv).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${OUT:-dist/repo}")
suite=${SUITE_NAME:-stable}
for tool in reprepro gpg gpgv; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install reprepro gpg gpg-agent gpgv" >&2; exit 1; }
done
debs=("$@")
if [ ${#debs[@]} -eq 0 ]; then
  debs=("$(ls -t dist/silver-kiosk_*.deb 2>/dev/null | head -1)"
        "$(ls -t dist/silver-kiosk-lessons_*.deb 2>/dev/null | head -1)")
fi
for deb in "${debs[@]}"; do
  [ -f "$deb" ] || { echo "No .deb to publish (${deb:-none}): run the build scripts first." >&2; exit 1; }
done

work=$(mktemp -d)
cleanup() {
  [ -n "${throwaway:-}" ] && gpgconf --homedir "$GNUPGHOME" --kill gpg-agent 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
key=${SILVER_KIOSK_REPO_KEY:-}
if [ -z "$key" ]; then
  throwaway=1
  export GNUPGHOME="$work/gnupg"
  install -d -m 700 "$GNUPGHOME"
  gpg --batch --quiet --no-tty --passphrase '' --quick-gen-key \
    "Silver Kiosk test repository (throwaway) <repo@silver-kiosk.invalid>" ed25519 sign 1d
  key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" {print $10; exit}')
  echo "signing key: a throwaway test key $key (SILVER_KIOSK_REPO_KEY not set)"
else
  gpg --batch --list-secret-keys "$key" >/dev/null || {
    echo "SILVER_KIOSK_REPO_KEY=$key has no secret key in ${GNUPGHOME:-~/.gnupg}" >&2; exit 1; }
  echo "signing key: $key"
fi

t0=$(date +%s.%N)
rm -rf "$out.part" && install -d "$out.part/conf"
cat > "$out.part/conf/distributions" <<CONF
Origin: Silver Kiosk
Label: Silver Kiosk
Suite: $suite
Codename: $suite
Architectures: amd64
Components: main
Description: Silver Kiosk and its lessons, for the city's kiosks
SignWith: $key
CONF
cat > "$out.part/conf/options" <<'CONF'
verbose
CONF
for deb in "${debs[@]}"; do
  reprepro --silent -b "$out.part" includedeb "$suite" "$deb"
done
rm -rf "$out.part/db" "$out.part/conf"  # reprepro's own state: not part of what is served
gpg --batch --export "$key" > "$out.part/silver-kiosk-archive-keyring.gpg"
gpg --batch --armor --export "$key" > "$out.part/silver-kiosk-archive-keyring.asc"
# What apt will do: check the signature with the published key and nothing else.
gpgv --keyring "$out.part/silver-kiosk-archive-keyring.gpg" \
  "$out.part/dists/$suite/InRelease" 2>"$work/gpgv" || { cat "$work/gpgv" >&2; exit 1; }
grep -h "Good signature" "$work/gpgv"
rm -rf "$out" && mv "$out.part" "$out"
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')

echo "repository         $out (suite $suite, origin Silver Kiosk)"
for deb in "${debs[@]}"; do
  printf 'package            %s %s (%.2f MB)\n' "$(dpkg-deb -f "$deb" Package)" \
    "$(dpkg-deb -f "$deb" Version)" "$(stat -c %s "$deb")e-6"
done
printf 'repository size    %.1f MB, built and signed in %.1f s\n' \
  "$(du -sb "$out" | cut -f1)e-6" "$secs"
