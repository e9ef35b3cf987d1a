"""Image layers and background photos: fit, focal point, crop, corners, border, odd file types."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from xhscover.model.cover import Background
from xhscover.model.images import ImageStore
from xhscover.model.layers import Crop, ImageLayer
from xhscover.model.styles import Fill, Stroke
from xhscover.render.image import fit_geometry

from .helpers import close, cover_with, halves, render_rgb, store_with

pytestmark = pytest.mark.usefixtures("qapp")
RED, BLUE, GREEN = (230, 30, 40), (30, 60, 220), (20, 180, 60)


def left_right(w=200, h=100) -> Image.Image:
    img = Image.new("RGB", (w, h), RED)
    img.paste(Image.new("RGB", (w // 2, h), BLUE), (w // 2, 0))
    return img


def test_fit_geometry_cover_keeps_focal_point_in_view():
    # 2:1 image into a square box: scaled to height, 2x wider than the box
    x, y, w, h = fit_geometry(200, 100, 100, 100, "cover", (0.0, 0.5))
    assert (x, y, w, h) == (0.0, 0.0, 200.0, 100.0)
    x, _, _, _ = fit_geometry(200, 100, 100, 100, "cover", (1.0, 0.5))
    assert x == -100.0
    x, _, _, _ = fit_geometry(200, 100, 100, 100, "cover", (0.5, 0.5))
    assert x == -50.0
    assert fit_geometry(200, 100, 100, 100, "contain", (0, 0)) == (0.0, 25.0, 100.0, 50.0)
    assert fit_geometry(200, 100, 100, 80, "free", (0, 0)) == (0.0, 0.0, 100.0, 80.0)


def test_cover_fit_follows_focal_point():
    store, ref = store_with(left_right())
    for focal, want in (((0.0, 0.5), RED), ((1.0, 0.5), BLUE)):
        layer = ImageLayer(id="p", x=100, y=100, w=200, h=200, src=ref, fit="cover", focal=focal)
        arr = render_rgb(cover_with(layer), store)
        assert close(arr[200, 200], want, 20), focal
        assert close(arr[110, 110], want, 20) and close(arr[290, 290], want, 20)
        assert close(arr[50, 50], (255, 255, 255))


def test_contain_letterboxes_and_free_stretches():
    store, ref = store_with(left_right())
    arr = render_rgb(cover_with(ImageLayer(id="p", x=100, y=100, w=200, h=200, src=ref, fit="contain")), store)
    assert close(arr[120, 200], (255, 255, 255))  # above the letterboxed image
    assert close(arr[200, 150], RED, 20) and close(arr[200, 250], BLUE, 20)
    arr = render_rgb(cover_with(ImageLayer(id="p", x=100, y=100, w=200, h=200, src=ref, fit="free")), store)
    assert close(arr[110, 150], RED, 20) and close(arr[290, 250], BLUE, 20)


def test_crop_is_normalised_and_applied_before_fit():
    store, ref = store_with(left_right())
    layer = ImageLayer(id="p", x=0, y=0, w=400, h=400, src=ref, fit="cover", crop=Crop(0.5, 0.0, 0.5, 1.0))
    arr = render_rgb(cover_with(layer), store)
    assert close(arr[10, 10], BLUE, 20) and close(arr[390, 390], BLUE, 20)


def test_opacity_corner_radius_and_border():
    store, ref = store_with(Image.new("RGB", (100, 100), RED))
    layer = ImageLayer(id="p", x=100, y=100, w=200, h=200, src=ref, corner_radius=60,
                       border=Stroke("#00FF00", 10), opacity=1.0)
    arr = render_rgb(cover_with(layer), store)
    assert close(arr[102, 102], (255, 255, 255))  # rounded corner cut away
    assert close(arr[200, 104], (0, 255, 0), 30)  # border on the left edge
    assert close(arr[200, 200], RED, 20)
    layer = ImageLayer(id="p", x=100, y=100, w=200, h=200, src=ref, opacity=0.5)
    px = render_rgb(cover_with(layer), store)[200, 200]
    assert close(px, ((230 + 255) / 2, (30 + 255) / 2, (40 + 255) / 2), 6)


@pytest.mark.parametrize("src", ["", "missing-key.jpg", "asset:photos/does-not-exist.jpg"])
def test_missing_image_draws_placeholder(src):
    arr = render_rgb(cover_with(ImageLayer(id="p", x=100, y=100, w=200, h=200, src=src), bg="#FF0000"))
    box = arr[100:300, 100:300]
    assert close(box[5, 5], (228, 228, 231), 4)
    assert close(arr[50, 50], (255, 0, 0), 2)
    assert (np.abs(box - (161, 161, 170)).sum(axis=2) < 30).sum() > 100  # the photo icon


def test_background_image_blur_and_dim():
    store, ref = store_with(left_right(400, 400))
    cover = cover_with(w=400, h=400)
    cover.background = Background(fill=Fill.solid("#FFFFFF"), image=ref, image_blur=0, image_dim=0)
    sharp = render_rgb(cover, store)
    assert close(sharp[200, 100], RED, 20) and close(sharp[200, 300], BLUE, 20)
    cover.background.image_blur = 40
    blurred = render_rgb(cover, store)
    assert not close(blurred[200, 199], sharp[200, 199], 30)  # the edge is smeared
    assert close(blurred[200, 5], RED, 30)  # edges keep their colour (no dark fringe)
    cover.background.image_blur, cover.background.image_dim = 0, 0.5
    dimmed = render_rgb(cover, store)
    assert close(dimmed[200, 100], np.array(RED) * 0.5, 6)


# --- odd files: the model decodes them; the renderer must show them upright and in sRGB -------


def render_free(store: ImageStore, ref: str, bg: str = "#FFFFFF") -> np.ndarray:
    return render_rgb(cover_with(ImageLayer(id="p", x=0, y=0, w=400, h=400, src=ref, fit="free"), bg=bg), store)


def test_exif_rotated_jpeg_renders_upright():
    shown = halves(60, 40, RED, BLUE)  # what the camera meant: red on top
    stored = shown.transpose(Image.Transpose.ROTATE_90)  # sensor orientation; EXIF 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    store, ref = store_with(stored, "JPEG", exif=exif.tobytes(), quality=95)
    arr = render_free(store, ref)
    assert close(arr[50, 200], RED, 40) and close(arr[350, 200], BLUE, 40)


def test_cmyk_jpeg_renders_in_rgb():
    img = halves(60, 60, (0, 255, 255, 0), (255, 255, 0, 0), mode="CMYK")  # red over blue, in ink
    store, ref = store_with(img, "JPEG", quality=95)
    arr = render_free(store, ref)
    assert close(arr[50, 200], (255, 0, 0), 50) and close(arr[350, 200], (0, 0, 255), 50)


def test_16bit_png_is_scaled_not_clipped():
    data = np.full((40, 40), 12000, dtype=np.uint16)
    data[:20] = 50000
    img = Image.fromarray(data)
    assert img.mode.startswith("I;16")
    store, ref = store_with(img)
    arr = render_free(store, ref)
    top, bottom = arr[50, 200], arr[350, 200]
    assert 180 < top[0] < 210 and 35 < bottom[0] < 60  # 50000/256 ~ 195, 12000/256 ~ 47


def test_palette_png_with_alpha_shows_background_through():
    img = Image.new("P", (40, 40), 0)
    img.putpalette([255, 0, 0] + [0, 0, 255] * 255)
    img.paste(1, (0, 20, 40, 40))
    img.info["transparency"] = 0  # index 0 (the top half) is transparent
    store, ref = store_with(img, transparency=0)
    arr = render_free(store, ref, bg="#14B43C")
    assert close(arr[50, 200], GREEN, 10)
    assert close(arr[350, 200], (0, 0, 255), 10)
