"""The UI language, looked up in one place: Qt's `tr()` covers the widgets' own strings, and
this decides which half of a bilingual text (findings, layout names, suggestions) a widget shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

DEFAULT = "zh_CN"
"""The app is Chinese unless the user or the system locale says English (`app.pick_language`)."""
_PROPERTY = "xhs_language"


def set_ui_language(app: QCoreApplication, lang: str) -> None:
    app.setProperty(_PROPERTY, lang)


def ui_language() -> str:
    """"zh_CN" or "en" (the app's default before a language is installed)."""
    app = QCoreApplication.instance()
    lang = app.property(_PROPERTY) if app is not None else None
    return str(lang or DEFAULT)


def is_english() -> bool:
    return ui_language() == "en"


def pick(zh: str, en: str) -> str:
    """The Chinese or the English text, for the UI language."""
    return en if is_english() else zh
