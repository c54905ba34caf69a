"""The signed repository the kiosks update from: packaging/build-repo.sh publishes the real
lessons package with reprepro, InRelease verifies with the published key alone (and fails once
tampered with), and apt, given the source `silver-kiosk updates enable` writes, fetches and
verifies it over file:// and sees the origin the update policy upgrades from."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.updates_cli import main_for_tests

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("reprepro", "gpg", "gpgv", "apt-get", "dpkg-deb")),
    reason="reprepro, gpg, gpgv, apt-get and dpkg-deb are needed (./dev test installs them)",
)


def _run(*argv: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("repo")
    env = {**os.environ, "OUT_DIR": str(work / "debs"), "OUT": str(work / "repo")}
    _run("packaging/build-lessons-deb.sh", env=env)
    (deb,) = (work / "debs").glob("silver-kiosk-lessons_*_all.deb")
    out = _run("packaging/build-repo.sh", str(deb), env=env)
    assert "throwaway test key" in out and "Good signature" in out
    return work / "repo"


def test_the_release_is_signed_by_the_published_key_only(repo: Path) -> None:
    key = repo / "silver-kiosk-archive-keyring.gpg"
    inrelease = repo / "dists" / "stable" / "InRelease"
    _run("gpgv", "--keyring", str(key), str(inrelease))
    text = inrelease.read_text()
    assert "Origin: Silver Kiosk\n" in text and "Label: Silver Kiosk\n" in text
    tampered = repo.parent / "InRelease.tampered"
    tampered.write_text(text.replace("Label: Silver Kiosk", "Label: Someone Else"))
    bad = subprocess.run(["gpgv", "--keyring", str(key), str(tampered)], capture_output=True)
    assert bad.returncode != 0
    assert (
        (repo / "silver-kiosk-archive-keyring.asc")
        .read_text()
        .startswith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
    )


def test_apt_verifies_and_reads_it_through_the_enabled_source(repo: Path, tmp_path: Path) -> None:
    kiosk_root = tmp_path / "kiosk"
    key = repo / "silver-kiosk-archive-keyring.asc"
    assert main_for_tests(["updates", "enable", f"file:{repo}", "--key", str(key),
                           "--root", str(kiosk_root)]) == 0  # fmt: skip
    sources = kiosk_root / "etc/apt/sources.list.d/silver-kiosk.sources"
    keyring = kiosk_root / "etc/apt/keyrings/silver-kiosk.asc"
    # apt reads the written source with its Signed-By moved into this test's root
    text = sources.read_text().replace("/etc/apt/keyrings/", f"{keyring.parent}/")
    sources.write_text(text)
    state = tmp_path / "apt"
    (state / "lists" / "partial").mkdir(parents=True)
    (state / "cache" / "archives" / "partial").mkdir(parents=True)
    options = [
        "-o", "Dir::Etc::SourceList=/dev/null",
        "-o", f"Dir::Etc::SourceParts={sources.parent}",
        "-o", f"Dir::State::Lists={state / 'lists'}",
        "-o", f"Dir::Cache={state / 'cache'}",
        "-o", f"Dir::State::Status={state / 'status'}",
        "-o", "APT::Sandbox::User=root",
        "-o", "Debug::NoLocking=1",
    ]  # fmt: skip
    (state / "status").touch()
    out = _run("apt-get", *options, "update")
    assert "stable InRelease" in out and "NO_PUBKEY" not in out
    assert "Candidate: " in _run("apt-cache", *options, "policy", "silver-kiosk-lessons")
    policy = _run("apt-cache", *options, "policy")  # the origin the update policy matches
    assert "release o=Silver Kiosk,a=stable,n=stable,l=Silver Kiosk,c=main" in policy
    # a source signed by another key is refused by apt
    other = repo.parent / "other"
    other.mkdir()
    env = {**os.environ, "GNUPGHOME": str(other)}
    other.chmod(0o700)
    _run("gpg", "--batch", "--passphrase", "", "--quick-gen-key", "other <o@x.invalid>",
         "ed25519", "sign", "1d", env=env)  # fmt: skip
    keyring.write_bytes(_run("gpg", "--batch", "--armor", "--export", env=env).encode())
    refused = subprocess.run(["apt-get", *options, "update"], capture_output=True, text=True)
    assert "NO_PUBKEY" in refused.stdout + refused.stderr or refused.returncode != 0
    subprocess.run(["gpgconf", "--homedir", str(other), "--kill", "gpg-agent"], check=False)
