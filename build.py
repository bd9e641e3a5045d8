#!/usr/bin/env python3
"""Build the scrutiny site: `python build.py --help`."""

import sys

from scrutiny.cli import main

if __name__ == "__main__":
    sys.exit(main())
