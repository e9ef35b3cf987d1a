"""One place that starts Qt for rendering and picks fonts, so every entry point renders alike."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtGui import QFont, QGuiApplication

from xhscover.model.fonts import DEFAULT_FAMILY, EMOJI_FAMILY

_app: QGuiApplication | None = None
_fonts_loaded = False
_warned: set[str] = set()
log = logging.getLogger(__name__)


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication (or QApplication), creating one if needed, with fonts loaded.

    Without a display and without QT_QPA_PLATFORM set, Qt would abort the process; rendering needs
    no window, so the offscreen platform is chosen then.
    """
    global _app
    app = QGuiApplication.instance()
    if app is None:
        if not (
            os.environ.get("QT_QPA_PLATFORM")
            or os.environ.get("DISPLAY")
            or os.environ.get("WAYLAND_DISPLAY")
            or sys.platform in ("win32", "darwin")
        ):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication(sys.argv[:1] or ["xhscover"])
        app = _app
    _load_fonts()
    return app  # type: ignore[return-value]


def _load_fonts() -> None:
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    try:
        from xhscover.render import fonts
    except ImportError:  # bundled-font module not installed yet: Qt's default font still renders
        return
    try:
        fonts.ensure_fonts_loaded()
    except Exception as exc:
        log.warning("bundled fonts could not be loaded: %s", exc)


def make_font(family_id: str, weight: int, pixel_size: int, *, italic: bool = False) -> QFont:
    """A QFont for a bundled family id; the one seam between the renderer and font registration.

    Hinting is off so advances scale linearly with size: text is measured and laid out at one
    reference size and scaled, and the fitted size may be fractional.
    """
    ensure_gui_app()
    font: QFont | None = None
    try:
        from xhscover.render import fonts
    except ImportError:
        fonts = None  # type: ignore[assignment]
    if fonts is not None:
        for fid in (family_id, DEFAULT_FAMILY):  # an unknown family id renders in the default face
            try:
                font = fonts.make_qfont(fid, weight, pixel_size)
                break
            except Exception as exc:
                if fid not in _warned:
                    _warned.add(fid)
                    log.warning("font %r unavailable, using a fallback: %s", fid, exc)
                font = None
    if font is None:
        font = QFont()
        font.setPixelSize(pixel_size)
        font.setWeight(QFont.Weight(max(100, min(900, int(weight)))))
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


def emoji_font(pixel_size: int) -> QFont:
    """The colour emoji font (falls back to the default family when it is not bundled)."""
    return make_font(EMOJI_FAMILY, 400, pixel_size)
