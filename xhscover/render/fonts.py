"""Register the bundled fonts with Qt and build QFonts that never show a missing-glyph box.

Nothing here looks at system fonts: CI machines and many users' machines have no CJK font, so
every family the renderer uses comes from `assets/fonts/` (see `xhscover.model.fonts`).

Fallback: `make_qfont` sets `QFont.setFamilies([primary, *fallback_chain])`. Qt's font merging
walks that list per character, so a character the chosen face lacks (say a Greek letter in
ZCOOL KuaiLe, or an emoji in any text face) is drawn by the next bundled family that has it:
Noto Sans SC first (widest text coverage), then WenKai, then Noto Color Emoji. On Qt >= 6.9
the emoji family is also registered as the application-wide emoji fallback, so a QFont made
elsewhere (a widget default) still finds bundled emoji.

Unknown family ids raise FontError (naming the id and the known ones) rather than silently
substituting the default: a project that names a font we do not ship should be reported, and the
UI can catch the error and offer the default.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from xhscover.errors import FontError
from xhscover.model.fonts import FontCatalog, font_catalog

log = logging.getLogger(__name__)

_lock = threading.Lock()
_loaded: dict[str, str] = {}
_font_ids: list[int] = []


def _still_registered() -> bool:
    """False after the QGuiApplication that held our application fonts went away."""
    return bool(_font_ids) and bool(QFontDatabase.applicationFontFamilies(_font_ids[0]))


def ensure_fonts_loaded(catalog: FontCatalog | None = None) -> dict[str, str]:
    """Register every bundled font file once; return {family id: Qt family name}.

    Cheap to call again (a dict copy). Needs a QGuiApplication: Qt's font database lives in it.
    """
    catalog = catalog or font_catalog()
    with _lock:
        if _loaded and _still_registered():
            return dict(_loaded)
        if not isinstance(QCoreApplication.instance(), QGuiApplication):
            raise FontError("Fonts need a QGuiApplication; create one before rendering text.")
        _loaded.clear()
        _font_ids.clear()
        for problem in catalog.problems:
            log.warning("font family left out: %s", problem)
        for fam in catalog.families:
            try:
                ids = [_add_font_file(path, fam.qt_family) for path in fam.files]
            except FontError as exc:  # one bad file costs its family, not every font
                if fam.id == catalog.default_family:
                    raise
                log.warning("font family %s left out: %s", fam.id, exc)
                continue
            _font_ids.extend(ids)
            _loaded[fam.id] = fam.qt_family
        _register_app_fallbacks(catalog)
        return dict(_loaded)


def _add_font_file(path: Path, qt_family: str) -> int:
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise FontError(f"Qt could not load the bundled font file {path}.")
    names = QFontDatabase.applicationFontFamilies(font_id)
    if qt_family not in names:
        QFontDatabase.removeApplicationFont(font_id)
        raise FontError(f"Font file {path} registers as {', '.join(names) or 'nothing'}, not {qt_family!r} as fonts.json says.")
    return font_id


def _register_app_fallbacks(catalog: FontCatalog) -> None:
    """Make the bundled emoji face Qt's own emoji fallback too (API from Qt 6.9; skipped when older).

    Qt also has per-script fallbacks (addApplicationFallbackFontFamily), but PySide6 < 6.12 binds
    neither it nor the QChar.Script it takes; text faces fall back through QFont.setFamilies.
    """
    add_emoji = getattr(QFontDatabase, "addApplicationEmojiFontFamily", None)
    if add_emoji is not None:
        for fam in catalog.families:
            if fam.is_emoji:
                add_emoji(fam.qt_family)


def qt_families_for(family_id: str, catalog: FontCatalog | None = None) -> list[str]:
    """Qt family names to put in QFont.setFamilies: the chosen family, then the fallback chain."""
    catalog = catalog or font_catalog()
    catalog.get(family_id)  # FontError for an unknown id
    mapping = ensure_fonts_loaded(catalog)
    ids = [family_id, *catalog.fallbacks_for(family_id)]
    names: list[str] = []
    for fid in ids:
        if mapping[fid] not in names:
            names.append(mapping[fid])
    return names


def make_qfont(
    family_id: str, weight: int = 400, pixel_size: int = 48, catalog: FontCatalog | None = None
) -> QFont:
    """A QFont of a bundled family with the bundled fallbacks behind it.

    `weight` snaps to the nearest weight the family ships (no synthetic bold smearing a display
    face); `pixel_size` is in image pixels, which is what cover layouts are measured in.
    """
    catalog = catalog or font_catalog()
    fam = catalog.get(family_id)
    if pixel_size <= 0:
        raise FontError(f"Font size must be a positive number of pixels, not {pixel_size}.")
    font = QFont()
    font.setFamilies(qt_families_for(family_id, catalog))
    font.setWeight(QFont.Weight(fam.nearest_weight(weight)))
    font.setPixelSize(int(pixel_size))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
