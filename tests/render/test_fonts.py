"""Bundled fonts in real offscreen Qt: registration, drawing, fallback without tofu, colour emoji.

Every glyph run is checked to come from a bundled family, so these tests would fail on a machine
where text only worked thanks to a system font.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QRawFont, QTextLayout

from xhscover.errors import FontError
from xhscover.model.fonts import EMOJI_FAMILY, font_catalog
from xhscover.render.fonts import ensure_fonts_loaded, make_qfont, qt_families_for

SAMPLE = "小红书封面：今天吃什么？"


@pytest.fixture(scope="module")
def loaded(qapp) -> dict[str, str]:
    return ensure_fonts_loaded()


def glyph_runs(font: QFont, text: str) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def render(font: QFont, text: str, width: int = 900, height: int = 140) -> np.ndarray:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(10, height - 30, text)
    painter.end()
    ptr = image.constBits()
    arr = np.frombuffer(ptr, np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    return arr[:, :width, 2::-1].astype(int)  # BGRA in memory -> RGB


def test_every_family_registers_once(loaded):
    catalog = font_catalog()
    assert set(loaded) == set(catalog.ids())
    families = set(QFontDatabase.families())
    for fid, qt_name in loaded.items():
        assert qt_name == catalog.get(fid).qt_family
        assert qt_name in families
    assert ensure_fonts_loaded() == loaded  # second call: same mapping, nothing re-added
    assert QFontDatabase.families().count(loaded["noto-sans-sc"]) == 1


@pytest.mark.parametrize("family_id", [f.id for f in font_catalog().families if not f.is_emoji])
def test_each_text_family_draws_chinese_itself(loaded, family_id):
    fam = font_catalog().get(family_id)
    for weight in fam.weights:
        font = make_qfont(family_id, weight, 56)
        runs = glyph_runs(font, SAMPLE)
        assert {name for name, _ in runs} == {fam.qt_family}, runs
        assert all(0 not in glyphs for _, glyphs in runs)
        raw = QRawFont.fromFont(font)
        assert raw.familyName() == fam.qt_family
        assert raw.weight() == weight
        ink = render(font, SAMPLE).min(axis=2) < 128
        assert ink.sum() > 2000


def test_weights_snap_to_what_the_family_ships(loaded):
    assert make_qfont("noto-sans-sc", 800, 40).weight() == 900
    assert make_qfont("smiley-sans", 900, 40).weight() == 400  # no synthetic bold
    assert QRawFont.fromFont(make_qfont("noto-sans-sc", 900, 40)).styleName() == "Black"


def test_families_list_primary_then_bundled_fallbacks(loaded):
    names = qt_families_for("zcool-kuaile")
    assert names[0] == "ZCOOL KuaiLe"
    assert names[1] == loaded["noto-sans-sc"]
    assert names[-1] == loaded[EMOJI_FAMILY]
    assert make_qfont("zcool-kuaile", 400, 30).families() == names


def test_missing_character_falls_back_without_tofu(loaded):
    """'ß' (not in ZCOOL KuaiLe, and not in GB2312) and a skin-toned emoji come from fallbacks."""
    text = "快乐ß😀👍🏻"
    kuaile_cmap = QRawFont.fromFont(make_qfont("zcool-kuaile", 400, 48))
    assert not kuaile_cmap.supportsCharacter("ß")
    runs = glyph_runs(make_qfont("zcool-kuaile", 400, 48), text)
    bundled = set(loaded.values())
    assert {name for name, _ in runs} <= bundled, runs
    assert {name for name, _ in runs} >= {"ZCOOL KuaiLe", loaded["noto-sans-sc"], loaded[EMOJI_FAMILY]}
    assert all(0 not in glyphs for _, glyphs in runs), runs
    assert sum(len(glyphs) for _, glyphs in runs) == 6  # 2 hanzi, ß, 😀, 👍, tone swatch


def test_emoji_renders_in_colour(loaded):
    font = make_qfont("noto-sans-sc", 400, 64)
    runs = glyph_runs(font, "🎉🔥")
    assert [name for name, _ in runs] == [loaded[EMOJI_FAMILY]]
    rgb = render(font, "🎉🔥")
    saturation = rgb.max(axis=2) - rgb.min(axis=2)
    assert (saturation > 80).sum() > 500  # real colour, not a grey outline or a box


def test_unknown_family_names_it_and_the_known_ones(loaded):
    with pytest.raises(FontError, match=r"'comic-sans'.*smiley-sans"):
        make_qfont("comic-sans", 400, 40)
    with pytest.raises(FontError, match="positive"):
        make_qfont("noto-sans-sc", 400, 0)


def test_bundled_families_are_not_system_names(loaded):
    """A bundled subset whose family name a system font also uses can be replaced by that font
    (seen: the system Noto Color Emoji, with skin tones, instead of the bundled one). The families
    whose system copies draw differently carry names of their own."""
    assert loaded[EMOJI_FAMILY] == "Xhscover Color Emoji"
    assert loaded["lxgw-wenkai"] == "Xhscover WenKai"
