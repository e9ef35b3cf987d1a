"""Fonts for the feed chrome and cards: the bundled CJK sans (Noto Sans SC) via `xhscover.render.fonts`.

There is deliberately no system-font fallback: the feed is drawn with the same bundled face on
every machine (so scores do not depend on what fonts a user has), and a broken font bundle raises
one clear FontError instead of quietly drawing boxes or a different face.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont

from xhscover.render.fonts import make_qfont

FAMILY_ID = "noto-sans-sc"


@lru_cache(maxsize=64)
def feed_font(weight: int, pixel_size: int) -> QFont:
    """A CJK sans at a whole pixel size (device pixels) and CSS weight (400 regular .. 700 bold).

    Needs a QGuiApplication (Qt's font database lives in it); a failure is not cached.
    """
    font = make_qfont(FAMILY_ID, int(weight), max(1, int(pixel_size)))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
