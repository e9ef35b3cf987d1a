#!/usr/bin/env python3
"""Rebuild the bundled sample shelf (assets/shelf/*.jpg + cards.json) from assets/shelf/recipe.json.

Thin wrapper around `python -m xhscover.feed.build_shelf` so it runs from a checkout without
installing the package. Usage: .venv/bin/python scripts/build_sample_shelf.py [--only ID ...]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from xhscover.feed.build_shelf import main

if __name__ == "__main__":
    sys.exit(main())
