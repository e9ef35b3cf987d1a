"""Whole covers: size and format, backgrounds, shapes, stickers, export, conversions, painters."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QImage, QPainter

from xhscover.errors import XhsError
from xhscover.model.cover import Background
from xhscover.model.images import ImageStore
from xhscover.model.layers import ShapeLayer, StickerLayer
from xhscover.model.styles import Fill, Stroke
from xhscover.render.convert import pil_to_qimage, qimage_to_rgb, rgb_to_qimage
from xhscover.render.cover import draw_cover, render_cover
from xhscover.render.export import save_image
from xhscover.render.qt import ensure_gui_app

from .helpers import bbox, close, cover_with, mask, non_bg, render_rgb

pytestmark = pytest.mark.usefixtures("qapp")


def test_ensure_gui_app_returns_the_running_app(qapp):
    assert ensure_gui_app() is qapp


def test_size_format_and_scale():
    cover = cover_with(w=300, h=400, bg="#336699")
    img = render_cover(cover, ImageStore())
    assert (img.width(), img.height()) == (300, 400) and img.format() == QImage.Format.Format_RGB32
    big = render_cover(cover, ImageStore(), scale=2)
    assert (big.width(), big.height()) == (600, 800)
    small = render_cover(cover, ImageStore(), scale=0.25)
    assert (small.width(), small.height()) == (75, 100)
    assert close(qimage_to_rgb(big)[700, 500], (0x33, 0x66, 0x99), 1)


def test_scaled_render_matches_the_layout():
    cover = cover_with(ShapeLayer(id="s", x=100, y=100, w=100, h=50, fill=Fill.solid("#FF0000")))
    arr = render_rgb(cover, scale=2)
    assert bbox(mask(arr, (255, 0, 0), 10)) == (200, 200, 399, 299)


def test_gradient_backgrounds_vary():
    cover = cover_with(w=200, h=200)
    cover.background = Background(fill=Fill.linear([(0, "#FF0000"), (1, "#0000FF")], 90))
    arr = render_rgb(cover)
    assert arr[2, 100, 0] > 240 and arr[197, 100, 2] > 240 and close(arr[2, 10], arr[2, 190], 2)
    cover.background = Background(fill=Fill.linear([(0, "#FF0000"), (1, "#0000FF")], 0))
    arr = render_rgb(cover)
    assert arr[100, 2, 0] > 240 and arr[100, 197, 2] > 240
    cover.background = Background(fill=Fill.radial([(0, "#FFFFFF"), (1, "#000000")]))
    arr = render_rgb(cover)
    assert arr[100, 100].mean() > 240 and arr[0, 0].mean() < 20


@pytest.mark.parametrize("kind", ["rect", "rounded_rect", "ellipse"])
def test_closed_shapes_fill_and_stroke(kind):
    layer = ShapeLayer(id="s", x=100, y=100, w=200, h=100, shape=kind, radius=40,
                       fill=Fill.solid("#FF0000"), stroke=Stroke("#0000FF", 6))
    arr = render_rgb(cover_with(layer))
    assert close(arr[150, 200], (255, 0, 0), 3)
    assert close(arr[102, 200], (0, 0, 255), 40)  # stroke along the top edge, inside the box
    assert close(arr[95, 200], (255, 255, 255), 3)
    corner = arr[101, 101]
    assert close(corner, (0, 0, 255), 60) if kind == "rect" else close(corner, (255, 255, 255), 30)


def test_line_and_arrow():
    line = ShapeLayer(id="l", x=50, y=190, w=300, h=20, shape="line", fill=None, stroke=Stroke("#000000", 6))
    arr = render_rgb(cover_with(line))
    x0, y0, x1, y1 = bbox(non_bg(arr))
    assert x0 < 60 and x1 > 340 and 193 <= y0 and y1 <= 207
    arrow = ShapeLayer(id="a", x=50, y=170, w=300, h=60, shape="arrow", fill=Fill.solid("#000000"))
    arr = render_rgb(cover_with(arrow))
    ink = non_bg(arr)
    shaft, head = ink[:, 80].sum(), ink[:, 320].sum()
    assert shaft > 3 and head > 3 * shaft  # a head much taller than the shaft at the right end
    assert not ink[:, 360:].any()


def test_rotated_shape():
    bar = ShapeLayer(id="s", x=100, y=190, w=200, h=20, fill=Fill.solid("#000000"), rotation=90)
    x0, y0, x1, y1 = bbox(non_bg(render_rgb(cover_with(bar))))
    assert x1 - x0 < 25 and y1 - y0 > 190


def test_svg_sticker_emoji_and_missing_sticker():
    from xhscover.render.shapes import sticker_path

    star = sticker_path("star")
    if star is not None:
        arr = render_rgb(cover_with(StickerLayer(id="s", x=100, y=100, w=200, h=200, sticker="star")))
        assert non_bg(arr).sum() > 2000
        x0, y0, x1, y1 = bbox(non_bg(arr))
        assert x0 >= 99 and y0 >= 99 and x1 <= 301 and y1 <= 301
    arr = render_rgb(cover_with(StickerLayer(id="s", x=100, y=100, w=200, h=200, emoji="🔥")))
    ink = arr[non_bg(arr)]
    assert len(ink) > 2000
    arr = render_rgb(cover_with(StickerLayer(id="s", x=100, y=100, w=200, h=200, sticker="no-such-sticker")))
    assert close(arr[110, 200], (228, 228, 231), 4)  # placeholder
    assert sticker_path("../../etc/passwd") is None


def test_emoji_sticker_is_in_colour():
    from xhscover.model.fonts import font_catalog

    try:
        font_catalog().get("noto-color-emoji")
    except XhsError:
        pytest.skip("colour emoji font not bundled")
    arr = render_rgb(cover_with(StickerLayer(id="s", x=100, y=100, w=200, h=200, emoji="🔥")))
    ink = arr[non_bg(arr)]
    assert (ink[:, 0] - ink[:, 2]).max() > 100  # orange/red flame, not a grey outline


def test_draw_cover_on_any_painter_matches_render_cover():
    cover = cover_with(ShapeLayer(id="s", x=100, y=100, w=200, h=100, shape="ellipse", fill=Fill.solid("#FF2442")))
    img = QImage(200, 200, QImage.Format.Format_RGB32)
    img.fill(0)
    p = QPainter(img)
    p.scale(0.5, 0.5)
    draw_cover(p, cover, ImageStore())
    p.end()
    a = qimage_to_rgb(img).astype(int)
    b = render_rgb(cover, scale=0.5)
    assert np.abs(a - b).max() <= 2


def test_export_png_jpeg_and_errors(tmp_path):
    cover = cover_with(ShapeLayer(id="s", x=100, y=100, w=200, h=100, fill=Fill.solid("#FF2442")))
    img = render_cover(cover, ImageStore())
    for name, kw in (("a.png", {}), ("b.png", {"fast": True}), ("c.jpg", {"quality": 90}), ("d.JPEG", {})):
        save_image(img, tmp_path / name, **kw)
        with Image.open(tmp_path / name) as im:
            assert im.size == (400, 400)
            assert close(np.asarray(im.convert("RGB"))[150, 200], (255, 36, 66), 6)
    with pytest.raises(XhsError, match="unsupported"):
        save_image(img, tmp_path / "x.gif")
    with pytest.raises(XhsError, match="does not exist"):
        save_image(img, tmp_path / "missing-dir" / "x.png")
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o500)
    try:
        import os

        if os.access(tmp_path / "ro", os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(XhsError, match="cannot save"):
            save_image(img, tmp_path / "ro" / "x.png")
    finally:
        (tmp_path / "ro").chmod(0o700)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".xhs-")] == []


def test_conversions_round_trip():
    rng = np.random.default_rng(1)
    arr = rng.integers(0, 256, (17, 23, 3), dtype=np.uint8)
    assert np.array_equal(qimage_to_rgb(rgb_to_qimage(arr)), arr)
    pil = Image.fromarray(arr)
    assert np.array_equal(qimage_to_rgb(pil_to_qimage(pil)), arr)
    rgba = Image.new("RGBA", (4, 4), (255, 0, 0, 0))
    q = pil_to_qimage(rgba)
    assert q.hasAlphaChannel() and q.pixelColor(0, 0).alpha() == 0
