"""Software updates: the session lock the update policy respects, and the update window."""
