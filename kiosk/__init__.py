"""Silver Kiosk: city e-services and digital-literacy lessons for older residents."""

APP_ID = "silver-kiosk"
APP_NAME = "Silver Kiosk"
__version__ = "0.2.0"
