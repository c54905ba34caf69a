"""The Ansible role in packaging/ansible sets a site's name, place, portals and opening hours as
a drop-in, with ansible-playbook itself against localhost (a folder of the test's own): check
mode shows the change and writes nothing, a real run writes it, the kiosk's loader reads it
after the main file and names it as the values' origin, and a second run changes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.config import schema as opt
from kiosk.config.loader import load_config

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOK = ROOT / "packaging" / "ansible" / "site.yml"
SITE = {
    "silver_kiosk_site_id": "sofia-slaveykov",
    "silver_kiosk_site_name": "Столична библиотека „Славейков“",
    "silver_kiosk_site_address": 'пл. "Славейков" 4',
    "silver_kiosk_site_lat": 42.6937,
    "silver_kiosk_site_lon": 23.3214,
    "silver_kiosk_opening_hours": "Mo-Fr 09:00-19:00; Sa 10:00-14:00",
    "silver_kiosk_portal_mode": "open311",
    "silver_kiosk_open311_url": "https://311.example.org/open311/v2",
    "silver_kiosk_open311_api_key": "k-123",
    "silver_kiosk_statistics_ckan_url": "https://data.example.org",
    "silver_kiosk_statistics_resource_id": "kiosk-statistics",
    "silver_kiosk_statistics_api_key": "t-456",
    "silver_kiosk_metrics_file": "/var/lib/prometheus/node-exporter/silver-kiosk.prom",
}

pytestmark = pytest.mark.skipif(
    shutil.which("ansible-playbook") is None,
    reason="ansible-playbook is missing (./dev test installs ansible-core)",
)


def play(etc: Path, tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    extra = SITE | {
        "silver_kiosk_config_dir": str(etc),
        "silver_kiosk_config_owner": str(os.getuid()),
        "silver_kiosk_config_group": str(os.getgid()),
    }
    env = os.environ | {
        "ANSIBLE_ROLES_PATH": str(PLAYBOOK.parent / "roles"),
        "ANSIBLE_LOCAL_TEMP": str(tmp_path / "ansible-local"),
        "ANSIBLE_REMOTE_TEMP": str(tmp_path / "ansible-remote"),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_BECOME": "0",
        "ANSIBLE_PYTHON_INTERPRETER": "/usr/bin/python3",
    }
    return subprocess.run(
        ["ansible-playbook", "-i", "localhost,", "-c", "local", str(PLAYBOOK),
         "-e", json.dumps(extra), "-e", "ansible_become=false", *options],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip


def test_the_role_in_check_mode_then_for_real_then_idempotent(tmp_path: Path) -> None:
    etc = tmp_path / "etc" / "silver-kiosk"
    etc.mkdir(parents=True)
    main = etc / "kiosk.toml"
    main.write_text('[site]\nname = "From the package"\n[session]\nidle_seconds = 90\n')

    checked = play(etc, tmp_path, "--check", "--diff")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "changed=2" in checked.stdout  # the folder and the file would change
    assert "Столична библиотека" in checked.stdout  # the diff shows what would be written
    assert not (etc / "conf.d").exists()  # and nothing was written

    done = play(etc, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    dropin = etc / "conf.d" / "50-site.toml"
    settings = load_config(main)
    assert settings.warnings == ()
    assert settings[opt.VENUE_NAME] == SITE["silver_kiosk_site_name"]
    assert settings.origin(opt.VENUE_NAME) == dropin
    assert settings[opt.SITE_ID] == "sofia-slaveykov"
    assert settings[opt.KIOSK_ADDRESS] == SITE["silver_kiosk_site_address"]
    assert settings[opt.KIOSK_LAT] == 42.6937
    assert settings[opt.OPENING_HOURS] == SITE["silver_kiosk_opening_hours"]
    assert settings[opt.PORTAL_MODE] == "open311"
    assert settings[opt.OPEN311_URL] == SITE["silver_kiosk_open311_url"]
    assert settings[opt.STATS_RESOURCE_ID] == "kiosk-statistics"
    assert settings[opt.METRICS_FILE].endswith("silver-kiosk.prom")
    assert settings[opt.IDLE_SECONDS] == 90 and settings.origin(opt.IDLE_SECONDS) == main

    again = play(etc, tmp_path, "--check")
    assert again.returncode == 0 and "changed=0" in again.stdout, again.stdout
