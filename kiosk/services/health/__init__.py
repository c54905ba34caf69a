"""What a city's monitoring reads from a kiosk: systemd's watchdog and a metrics file."""
