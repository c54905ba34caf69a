"""QObjects registered for QML under "import Kiosk"."""
