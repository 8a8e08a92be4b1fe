"""``python -m powmia_desktop`` starts the desktop program."""

import sys

from powmia_desktop.app import main

sys.exit(main())
