"""The local practice portal: Open311 GeoReport v2 and CKAN from bundled sample data."""
