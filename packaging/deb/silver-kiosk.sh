#!/bin/sh
# The `silver-kiosk` command: the packaged kiosk in /opt, with the same options as `python -m kiosk`.
exec /opt/silver-kiosk/silver-kiosk "$@"
