"""What is around the kiosk: places to find help (CKAN) and next departures (GTFS)."""
