"""Where bundled assets live, from a source checkout and from a frozen (PyInstaller) app."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def assets_dir() -> Path:
    """The `assets/` folder: beside the package in a checkout, inside `_MEIPASS` when frozen."""
    override = os.environ.get("XHSCOVER_ASSETS")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def shared_dir() -> Path | None:
    """`../shared` beside the checkout, used only by benchmarks and tests; None when absent."""
    candidate = Path(__file__).resolve().parent.parent.parent / "shared"
    return candidate if candidate.is_dir() else None
