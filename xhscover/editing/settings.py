"""User settings through QSettings in one place, with typed getters (no QSettings anywhere else).

The file carries the schema version it was written with, and it is read back: an older file is
migrated step by step (`MIGRATIONS`, one function per version, as project files are), a file from
a newer xhscover is read for what this version knows and its version is left as it is, so going
back to an older app never downgrades the newer one's settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings

from xhscover.editing.paths import user_config_file

MAX_RECENT = 10
SCHEMA = 1
# version N -> N+1, applied in place; every version below SCHEMA has one (tests/editing/test_settings.py)
MIGRATIONS: dict[int, Callable[[QSettings], None]] = {}
log = logging.getLogger(__name__)


class Settings:
    def __init__(self, path: str | None = None) -> None:
        file = path or user_config_file()
        self.q = QSettings(str(file), QSettings.Format.IniFormat) if file else QSettings("xhscover", "xhscover")
        stored = self.schema_version()
        self.newer = stored is not None and stored > SCHEMA
        if stored is None:
            self.q.setValue("schema", SCHEMA)
        elif stored < SCHEMA:
            for version in range(max(1, stored), SCHEMA):
                MIGRATIONS[version](self.q)
            self.q.setValue("schema", SCHEMA)
        elif self.newer:
            log.warning("settings %s were written by a newer xhscover (schema %d, this one knows %d); "
                        "reading what this version knows", self.q.fileName(), stored, SCHEMA)

    def schema_version(self) -> int | None:
        """The schema the settings file says it was written with; None for a new (or unreadable) one."""
        value = self.q.value("schema")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            log.warning("settings %s: schema %r is not a number; treated as version 1", self.q.fileName(), value)
            return 1

    def _get(self, key: str, default=None):
        return self.q.value(key, default)

    # window ----------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        v = self._get("window/geometry")
        return v if isinstance(v, QByteArray) else None

    def set_geometry(self, data: QByteArray) -> None:
        self.q.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        v = self._get("window/state")
        return v if isinstance(v, QByteArray) else None

    def set_window_state(self, data: QByteArray) -> None:
        self.q.setValue("window/state", data)

    # folders, language -----------------------------------------------------------------------
    def last_folder(self) -> str:
        return str(self._get("paths/last_folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        self.q.setValue("paths/last_folder", folder)

    def language(self) -> str:
        """'' = follow the system, else 'zh_CN' or 'en'."""
        return str(self._get("ui/language", "") or "")

    def set_language(self, lang: str) -> None:
        self.q.setValue("ui/language", lang)

    def true_size_dpi_correction(self) -> float:
        try:
            return float(self._get("ui/dpi_correction", 1.0))
        except (TypeError, ValueError):
            return 1.0

    def set_true_size_dpi_correction(self, value: float) -> None:
        self.q.setValue("ui/dpi_correction", float(value))

    # recent files / colours --------------------------------------------------------------------
    def _list(self, key: str) -> list[str]:
        v = self._get(key, [])
        if isinstance(v, str):
            return [v] if v else []
        return [str(x) for x in (v or [])]

    def recent_files(self) -> list[str]:
        return self._list("recent/files")

    def add_recent_file(self, path: str) -> None:
        files = [path, *[f for f in self.recent_files() if f != path]][:MAX_RECENT]
        self.q.setValue("recent/files", files)

    def remove_recent_file(self, path: str) -> None:
        self.q.setValue("recent/files", [f for f in self.recent_files() if f != path])

    def recent_colors(self) -> list[str]:
        return self._list("recent/colors")

    def add_recent_color(self, color: str) -> None:
        colors = [color, *[c for c in self.recent_colors() if c != color]][:16]
        self.q.setValue("recent/colors", colors)

    def sync(self) -> None:
        self.q.sync()
