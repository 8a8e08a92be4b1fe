"""powmia-desktop: an offline case archive for families of the Korean War missing."""

__version__ = "0.1.0"
APP_NAME = "powmia-desktop"
