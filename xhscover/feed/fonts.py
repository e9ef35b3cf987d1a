"""Fonts for the feed chrome and cards: the bundled CJK sans via `xhscover.render.fonts`.

Falls back to a family list (Noto Sans CJK SC, PingFang SC, ... system sans) while the render
package's font module is not there, so the feed works and stays testable on its own.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from xhscover.paths import assets_dir

FAMILY_ID = "noto-sans-sc"
FALLBACK_FAMILIES = ["Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
                     "Microsoft YaHei", "WenQuanYi Micro Hei", "Sans Serif"]


_make_qfont = None


def _bundled():
    """The render package's make_qfont once the bundled fonts are registered, else None.

    Only success is remembered: a call before the QGuiApplication exists may fail and a later
    one succeed."""
    global _make_qfont
    if _make_qfont is not None:
        return _make_qfont
    try:
        from xhscover.render.fonts import ensure_fonts_loaded, make_qfont
    except ImportError:
        return None
    try:
        ensure_fonts_loaded()
    except Exception:  # a broken font bundle must not take the feed down; fallback below
        return None
    _make_qfont = make_qfont
    return make_qfont


_direct: list[str] | None = None


def _direct_families() -> list[str]:
    """Register assets/fonts/noto-sans-sc/* ourselves when the font bundle as a whole will not load
    (e.g. one other family missing): machines without a system CJK font would draw boxes."""
    global _direct
    if _direct is None:
        names: list[str] = []
        folder = assets_dir() / "fonts" / FAMILY_ID
        if folder.is_dir() and QGuiApplication.instance() is not None:
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in (".otf", ".ttf", ".ttc"):
                    fid = QFontDatabase.addApplicationFont(str(path))
                    names += [n for n in QFontDatabase.applicationFontFamilies(fid) if n not in names]
        _direct = names
    return _direct


@lru_cache(maxsize=64)
def feed_font(weight: int, pixel_size: int) -> QFont:
    """A CJK sans at a whole pixel size (device pixels) and CSS weight (400 regular .. 700 bold)."""
    pixel_size = max(1, int(pixel_size))
    make = _bundled()
    if make is not None:
        try:
            font = make(FAMILY_ID, weight, pixel_size)
        except Exception:
            font = None
        if font is not None:
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            return font
    font = QFont()
    font.setFamilies(_direct_families() + FALLBACK_FAMILIES)
    font.setPixelSize(pixel_size)
    font.setWeight(QFont.Weight(max(100, min(900, int(weight)))))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
