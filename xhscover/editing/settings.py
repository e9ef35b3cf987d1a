"""User settings through QSettings in one place, with typed getters (no QSettings anywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from xhscover.editing.paths import user_config_file

MAX_RECENT = 10
SCHEMA = 1


class Settings:
    def __init__(self, path: str | None = None) -> None:
        file = path or user_config_file()
        self.q = QSettings(str(file), QSettings.Format.IniFormat) if file else QSettings("xhscover", "xhscover")
        if self.q.value("schema") is None:
            self.q.setValue("schema", SCHEMA)

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
