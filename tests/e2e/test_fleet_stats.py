"""Three kiosks, one city table: each kiosk (its own data folder and site) publishes its daily
counts with `python -m kiosk stats publish` to one practice portal served over loopback, and the
portal's CKAN DataStore table then holds every site and every day, each count 5 or more or
suppressed with a true mark, nothing personal; a publication sent again replaces its rows."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from kiosk.core import stats
from kiosk.services.storage.database import Storage
from kiosk.services.trainer.stats import MIGRATIONS, StatsStore

ROOT = Path(__file__).resolve().parents[2]
KEY = "practice-token-1"
RESOURCE = "kiosk-statistics"
TODAY = date.today()
DAYS = [TODAY - timedelta(days=n) for n in (4, 3, 2, 1)]
# What each site's residents did: (day offset, metric, value, how many). Small counts, a lone
# small language beside a larger one (6 + 1: the 6 is hidden too, marked ">=5"), a day nobody
# came at one site, and today's counts, which are not published before the day is over.
SITES: dict[str, list[tuple[int, str, str, int]]] = {
    "sofia-slaveykov": [
        (4, stats.SESSIONS, "", 12), (4, stats.LANGUAGE, "bg", 12),
        (3, stats.SESSIONS, "", 7), (3, stats.LANGUAGE, "bg", 6), (3, stats.LANGUAGE, "en", 1),
        (2, stats.SESSIONS, "", 3), (2, stats.LANGUAGE, "bg", 3),
        (1, stats.SESSIONS, "", 20), (1, stats.LANGUAGE, "bg", 15), (1, stats.LANGUAGE, "uk", 5),
        (1, stats.LESSON_COMPLETED, "l01-touch", 6), (1, stats.SERVICE_USED, "departures", 2),
        (0, stats.SESSIONS, "", 9),
    ],
    "sofia-lyulin": [
        (4, stats.SESSIONS, "", 5), (4, stats.SESSION_LENGTH, "5-15 min", 5),
        (3, stats.SESSIONS, "", 9), (3, stats.SESSION_LENGTH, "0-2 min", 4),
        (3, stats.SESSION_LENGTH, "5-15 min", 5),
        (1, stats.SESSIONS, "", 1),
    ],
    "sofia-nadezhda": [
        (3, stats.SESSIONS, "", 30), (3, stats.LANGUAGE, "bg", 22), (3, stats.LANGUAGE, "tr", 8),
        (1, stats.SESSIONS, "", 11), (1, stats.SERVICE_USED, "report", 11),
    ],
}  # fmt: skip
FIRST_DAY = {"sofia-slaveykov": 4, "sofia-lyulin": 4, "sofia-nadezhda": 3}


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[str]:
    """`python -m kiosk portal serve` on a free loopback port, writes needing the token."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--config", str(tmp_path / "portal.toml"), "portal",
         "serve", "--port", "0", "--db", str(tmp_path / "portal.sqlite3"), "--api-key", KEY],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    (tmp_path / "portal.toml").write_text("", encoding="utf-8")
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        assert match, (line, proc.stderr.read() if proc.stderr else "")
        yield f"http://127.0.0.1:{match.group(1)}/ckan"
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # and close its pipes


def seed(folder: Path, site: str) -> None:
    """Count as the kiosk counts: StatsStore on the kiosk's own database file, day by day."""

    async def count() -> None:
        storage = await Storage.open(folder / "kiosk.sqlite3", MIGRATIONS)
        for offset, metric, value, n in SITES[site]:
            when = datetime.combine(TODAY - timedelta(days=offset), datetime.min.time())
            store = StatsStore(storage, clock=lambda w=when: w.timestamp() + 12 * 3600)
            for _ in range(n):
                await store.count(metric, value)
        await storage.close()

    asyncio.run(count())


def kiosk(tmp_path: Path, site: str, url: str) -> Path:
    folder = tmp_path / site
    folder.mkdir()
    config = folder / "kiosk.toml"
    config.write_text(
        f'[paths]\ndata_dir = "{folder}"\n[site]\nid = "{site}"\n'
        f'[statistics]\nckan_url = "{url}"\nresource_id = "{RESOURCE}"\napi_key = "{KEY}"\n',
        encoding="utf-8",
    )
    seed(folder, site)
    return config


def publish(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--config", str(config), "stats", "publish", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def table(url: str) -> dict:
    reply = httpx.get(
        f"{url}/api/3/action/datastore_search",
        params={"resource_id": RESOURCE, "limit": 1000, "sort": "site, date, metric, value"},
    )
    body = reply.json()
    assert body["success"], body
    return body["result"]


def test_three_kiosks_publish_one_table_every_site_every_day_nothing_small_or_personal(
    tmp_path: Path, portal: str
) -> None:
    configs = {site: kiosk(tmp_path, site, portal) for site in SITES}
    t0 = time.monotonic()
    for site, config in configs.items():
        done = publish(config)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "OK: published" in done.stdout
        assert f"{site:<20} {DAYS[-1].isoformat()}" in done.stdout  # it prints what it sent
    print(f"three publications in {time.monotonic() - t0:.1f} s")

    result = table(portal)
    rows = result["records"]
    assert [f["id"] for f in result["fields"]] == [
        "_id",
        "site",
        "date",
        "metric",
        "value",
        "count",
        "mark",
    ]
    notes = {f["id"]: f.get("info", {}).get("notes", "") for f in result["fields"]}
    assert "<5" in notes["count"] and ">=5" in notes["count"]  # the table explains both marks
    truth = {
        (site, (TODAY - timedelta(days=o)).isoformat(), m, v): n
        for site, cells in SITES.items()
        for o, m, v, n in cells
    }
    # every site, every day since its first counted day, today not yet
    for site, first in FIRST_DAY.items():
        published = {r["date"] for r in rows if r["site"] == site and r["metric"] == "sessions"}
        want = {(TODAY - timedelta(days=n)).isoformat() for n in range(first, 0, -1)}
        assert published == want, site
    for r in rows:
        true = truth.get((r["site"], r["date"], r["metric"], r["value"]), 0)
        if r["mark"] == "<5":
            assert r["count"] is None and 1 <= true <= 4, r
        elif r["mark"] == ">=5":
            assert r["count"] is None and true >= 5, r
        else:
            assert r["mark"] == "" and r["count"] == true and (true == 0 or true >= 5), r
        # nothing personal: fixed lists only, no times of day, no free text
        assert r["metric"] in stats.METRICS
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert r["value"] in ("", "bg", "en", "uk", "tr", "l01-touch", "departures", "report",
                              *stats.LENGTH_BUCKETS), r  # fmt: skip
    by_key = {(r["site"], r["date"], r["metric"], r["value"]): r for r in rows}
    day3 = DAYS[1].isoformat()
    assert by_key[("sofia-slaveykov", day3, "language", "en")]["mark"] == "<5"
    assert by_key[("sofia-slaveykov", day3, "language", "bg")]["mark"] == ">=5"
    assert by_key[("sofia-lyulin", DAYS[2].isoformat(), "sessions", "")]["count"] == 0

    # sent again: the same rows, replaced, not doubled
    again = publish(configs["sofia-slaveykov"])
    assert again.returncode == 0, again.stdout + again.stderr
    assert len(table(portal)["records"]) == len(rows)


def test_a_publication_the_portal_refuses_stays_queued_and_says_so(
    tmp_path: Path, portal: str
) -> None:
    config = kiosk(tmp_path, "sofia-slaveykov", portal)
    done = publish(config, "--api-key", "wrong-token")
    assert done.returncode == 1
    assert "stays queued" in done.stdout
    nobody = httpx.post(f"{portal}/api/3/action/datastore_upsert",
                        json={"resource_id": RESOURCE, "records": []})  # fmt: skip
    assert nobody.status_code == 403 and nobody.json()["success"] is False
