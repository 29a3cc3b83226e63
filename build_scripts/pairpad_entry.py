"""The executable's entry point: PyInstaller runs a script, and desktop/__main__.py uses
relative imports, so the app is started from here as a package."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
