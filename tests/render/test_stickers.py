"""Every bundled sticker renders with Qt's own SVG renderer (the one the app uses), with paint."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from xhscover.model.assets import sticker_catalog
from xhscover.render.qt import ensure_gui_app

STICKERS = sticker_catalog().stickers


@pytest.fixture(scope="module", autouse=True)
def gui_app():
    return ensure_gui_app()  # also registers the bundled fonts the stickers' text names


def _render(path, long_side: int = 256, svg: QByteArray | None = None) -> QImage:
    """Render a sticker (or `svg`, an edited copy of it) at `long_side` px, transparent around it."""
    renderer = QSvgRenderer(svg) if svg is not None else QSvgRenderer(str(path))
    assert renderer.isValid(), f"QSvgRenderer could not parse {path.name}"
    vb = renderer.viewBoxF()
    assert vb.width() > 0 and vb.height() > 0
    scale = long_side / max(vb.width(), vb.height())
    w, h = max(1, round(vb.width() * scale)), max(1, round(vb.height() * scale))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, w, h))
    painter.end()
    return image


def _painted_fraction(image: QImage) -> float:
    """Share of pixels with any alpha, sampled on a grid (fast enough for 20+ stickers)."""
    step = 4
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixelColor(x, y).alpha() > 0:
                hits += 1
    return hits / total


@pytest.mark.parametrize("sticker", STICKERS, ids=[s.id for s in STICKERS])
def test_sticker_renders_non_empty(sticker):
    image = _render(sticker.path)
    assert not image.isNull()
    painted = _painted_fraction(image)
    # thin strokes (arrow, loop) paint little; a badge paints most; none is blank or a full square
    assert 0.03 < painted < 0.98, f"{sticker.file}: {painted:.2f} of the canvas painted"


def test_sticker_text_font_is_bundled_and_covers_the_words():
    """The font the stickers name is registered from assets/fonts and has every character."""
    chars: set[str] = set()
    for sticker in STICKERS:
        for node in ET.parse(sticker.path).getroot().iter("{http://www.w3.org/2000/svg}text"):
            assert node.attrib.get("font-family") == "Smiley Sans"
            chars.update((node.text or "").strip())
    assert chars
    if "Smiley Sans" not in QFontDatabase.families():
        from xhscover.render import fonts

        fonts.ensure_fonts_loaded()  # raises FontError naming why the bundled fonts did not load
    assert "Smiley Sans" in QFontDatabase.families(), "bundled Smiley Sans is not registered"
    metrics = QFontMetrics(QFont("Smiley Sans"))
    missing = sorted(c for c in chars if not metrics.inFontUcs4(ord(c)))
    assert not missing, f"Smiley Sans lacks {''.join(missing)}"


def test_sticker_text_has_glyphs():
    """Stickers with Chinese words draw them: compare with the same SVG with its text removed."""
    texted = [s for s in STICKERS if "<text" in s.path.read_text(encoding="utf-8")]
    assert texted, "some stickers carry Chinese words"
    for sticker in texted:
        svg = sticker.path.read_text(encoding="utf-8")
        bare = re.sub(r"<text\b.*?</text>", "", svg, flags=re.S)
        full = _render(sticker.path)
        without = _render(sticker.path, svg=QByteArray(bare.encode("utf-8")))
        assert full != without, f"{sticker.file}: its text drew nothing"
