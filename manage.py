#!/usr/bin/env python
"""Django's command-line utility for Tashawur."""

from tashawur.cli import main

if __name__ == "__main__":
    main()
