"""I/O: portals over HTTP, SQLite storage, speech, printing."""
