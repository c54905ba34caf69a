"""Talking to the city's portals: one httpx client per backend, Open311 GeoReport v2 and CKAN."""
