"""Settings that were renamed or retired, so a config file from an older release still starts.

A `.deb` upgrade keeps the administrator's files as they are (dpkg keeps a changed conffile;
drop-ins in conf.d are never touched). So a key is never simply dropped from the schema:
a renamed key is listed in RENAMED (its value is used under the new name, with a warning), a
removed one in RETIRED (ignored, with a warning that says why). Any other unknown key is ignored
with a warning and a `doctor` finding, never a refusal to start.
"""

from __future__ import annotations

# old key -> new key, with the release that renamed it in the comment.
RENAMED: dict[str, str] = {
    # 0.2.0: the site's own facts in one [site] section, which a fleet's configuration
    # management sets per site (docs/fleet.md)
    "kiosk.venue_name": "site.name",
    "kiosk.address": "site.address",
    "kiosk.lat": "site.lat",
    "kiosk.lon": "site.lon",
    # 0.2.0: everything about the anonymous statistics in one [statistics] section
    "trainer.stats_suppress_below": "statistics.suppress_below",
}

# old key -> why it is no longer read (shown to the administrator).
RETIRED: dict[str, str] = {}


def upgrade_note(key: str) -> tuple[str | None, str] | None:
    """For a key the schema does not know: (new key or None, the warning), or None."""
    if key in RENAMED:
        new = RENAMED[key]
        return new, f"'{key}' is now called '{new}'; its value was used. Rename it in the file."
    if key in RETIRED:
        return None, f"'{key}' is no longer used ({RETIRED[key]}); it was ignored. Remove it."
    return None
