"""The kiosk's SQLite database, the portal cache, its folders, its log files."""
