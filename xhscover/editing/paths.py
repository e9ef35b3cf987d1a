"""Per-user folders (data, config) via platformdirs; env overrides keep tests and subprocesses isolated."""

from __future__ import annotations

import os
from pathlib import Path

APP = "xhscover"


def user_data_dir() -> Path:
    override = os.environ.get("XHSCOVER_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_file() -> Path | None:
    """An explicit INI file when XHSCOVER_CONFIG_DIR is set; None means the platform default store."""
    override = os.environ.get("XHSCOVER_CONFIG_DIR")
    if not override:
        return None
    Path(override).mkdir(parents=True, exist_ok=True)
    return Path(override) / "xhscover.ini"
