"""Entry point of the packaged kiosk: the same command line as `python -m kiosk`."""

import sys

from kiosk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
