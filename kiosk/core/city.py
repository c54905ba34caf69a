"""Facts about the city the kiosk serves, in one place: its help line, emergency number, time zone.

Everything a resident reads or hears about them (screens, slips, spoken sentences, the practice
portal) takes them from here, so a change of number is one line.
"""

from __future__ import annotations

CITY_NAME = "Sofia"
CALL_SOFIA_PHONE = "0700 17 310"  # Call Sofia, the municipal contact centre, day and night
CALL_SOFIA_WEB = "call.sofia.bg"
EMERGENCY_PHONE = "112"
TIME_ZONE = "Europe/Sofia"  # departure times, report dates and "saved at" are the city's clock
