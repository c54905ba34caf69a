"""`stats publish`: one publication of the anonymous daily counts to a CKAN DataStore table.

It goes the way the kiosk's own daily publication goes — queued in the durable outbox, then
sent with datastore_upsert — and prints every row it sent. When the portal cannot be reached the
publication stays queued, and the running kiosk sends it later.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    stats: argparse.ArgumentParser = subparsers.add_parser(
        "stats", help="publish the anonymous statistics"
    )
    sub = stats.add_subparsers(dest="stats_command", required=True)
    publish = sub.add_parser("publish", help="publish the daily counts to a CKAN DataStore table")
    publish.add_argument("--ckan", metavar="URL", help="the CKAN site (default: from the config)")
    publish.add_argument("--resource", metavar="ID", help="the DataStore resource id")
    publish.add_argument("--api-key", default=None, help="the CKAN API token (default: config)")
    return stats


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        return asyncio.run(_publish(args, out))
    except _CliError as exc:
        print(f"stats publish: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # one readable line; the detail is in the log
        log.exception("stats publish failed")
        print(f"stats publish: unexpected error: {exc}", file=sys.stderr)
        return 1


class _CliError(Exception):
    pass


async def _publish(args: argparse.Namespace, out: TextIO) -> int:
    from kiosk.config import schema as s
    from kiosk.config.loader import ConfigError, load_config
    from kiosk.core.outbox import State
    from kiosk.core.stats_publish import KIND
    from kiosk.services.portals.http import HttpLimits, build_client
    from kiosk.services.reports import outbox
    from kiosk.services.reports.outbox import Outbox
    from kiosk.services.storage.database import DB_FILE_NAME, Storage
    from kiosk.services.storage.paths import data_dir
    from kiosk.services.trainer import stats, stats_publish

    try:
        settings = load_config(Path(args.config) if getattr(args, "config", None) else None)
    except ConfigError as exc:
        raise _CliError(str(exc)) from None
    site = settings[s.SITE_ID]
    url = args.ckan or settings[s.STATS_CKAN_URL]
    resource = args.resource or settings[s.STATS_RESOURCE_ID]
    key = settings[s.STATS_API_KEY] if args.api_key is None else args.api_key
    if not site:
        raise _CliError("this kiosk has no site.id in its config; set one (e.g. 'sofia-centre').")
    if not url or not resource:
        raise _CliError(
            "say where to publish: --ckan URL --resource ID (or statistics.* in the config)."
        )
    storage = await Storage.open(
        data_dir(settings) / DB_FILE_NAME, outbox.MIGRATIONS + stats.MIGRATIONS
    )
    client = build_client(HttpLimits.from_settings(settings))
    try:
        writer = stats_publish.DatastoreWriter(client, url, key)
        box = Outbox(storage, None, items={KIND: stats_publish.ckan_deliver(writer)})
        publisher = stats_publish.StatsPublisher(
            storage, box, site=site, resource_id=resource,
            threshold=settings[s.STATS_SUPPRESS_BELOW],
        )  # fmt: skip
        queued = await publisher.publish(force=True)
        assert queued is not None
        local_id, payload = queued
        _print_rows(payload, url, resource, out)
        entry = await box.send_now(local_id)
    finally:
        await client.aclose()
        await storage.close()
    if entry is not None and entry.state is State.DELIVERED:
        print("OK: published (datastore_upsert)", file=out)
        return 0
    reason = entry.last_error if entry is not None else "unknown"
    if entry is not None and entry.state is State.REJECTED:
        print(f"Refused by the table: {reason}", file=out)
        return 1
    print(f"Not published yet ({reason}); it stays queued and the kiosk tries again.", file=out)
    return 1


def _print_rows(payload: dict[str, Any], url: str, resource: str, out: TextIO) -> None:
    records = payload["records"]
    days = sorted({r["date"] for r in records})
    span = f"{days[0]} to {days[-1]}" if days else "no complete day yet"
    print(f"Publishing {len(records)} rows ({span}) to {url}, resource {resource}:", file=out)
    print(f"{'site':<20} {'date':<10}  {'metric':<16} {'value':<16} count", file=out)
    for r in records:
        shown = r["mark"] or r["count"]
        print(f"{r['site']:<20} {r['date']:<10}  {r['metric']:<16} {r['value']:<16} {shown}",
              file=out)  # fmt: skip
