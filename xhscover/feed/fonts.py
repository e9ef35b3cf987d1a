"""Fonts for the feed chrome and cards: the bundled CJK sans via `xhscover.render.fonts`.

Falls back to a family list (Noto Sans CJK SC, PingFang SC, ... system sans) while the render
package's font module is not there, so the feed works and stays testable on its own.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont

FAMILY_ID = "noto-sans-sc"
FALLBACK_FAMILIES = ["Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
                     "Microsoft YaHei", "WenQuanYi Micro Hei", "Sans Serif"]


@lru_cache(maxsize=1)
def _bundled():
    """The render package's (ensure_fonts_loaded, make_qfont) pair, or None when not available."""
    try:
        from xhscover.render.fonts import ensure_fonts_loaded, make_qfont
    except ImportError:
        return None
    try:
        ensure_fonts_loaded()
    except Exception:  # a broken font bundle must not take the feed down; fallback below
        return None
    return make_qfont


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
    font.setFamilies(FALLBACK_FAMILIES)
    font.setPixelSize(pixel_size)
    font.setWeight(QFont.Weight(max(100, min(900, int(weight)))))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
