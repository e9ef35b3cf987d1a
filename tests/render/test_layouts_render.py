"""Every bundled layout renders in every ratio with its placeholder text fitting and a non-blank cover."""

from __future__ import annotations

import numpy as np
import pytest

from xhscover.model.cover import RATIOS
from xhscover.model.images import ImageStore
from xhscover.model.layouts import build_cover, bundled_layouts

pytest.importorskip("xhscover.render.cover")
from xhscover.render.convert import qimage_to_rgb
from xhscover.render.cover import render_cover
from xhscover.render.text import layout_text

LAYOUTS = bundled_layouts()
TITLE_MIN_PX = 90
SCALE = 0.2  # enough to see blank or broken covers, fast for 22 layouts x 3 ratios


@pytest.fixture(scope="module")
def store() -> ImageStore:
    return ImageStore()


@pytest.mark.parametrize("ratio", RATIOS)
@pytest.mark.parametrize("layout", LAYOUTS, ids=[lay.id for lay in LAYOUTS])
def test_placeholder_text_fits_and_titles_stay_big(layout, ratio):
    cover = build_cover(layout, ratio)
    for layer in cover.text_layers():
        if not layer.visible or not layer.text.strip():
            continue
        fit = layout_text(layer)
        assert fit.fits, f"{layout.id} {ratio}: text {layer.id!r} overflows its box"
        if layer.role == "title":
            assert fit.size >= TITLE_MIN_PX, f"{layout.id} {ratio}: title {layer.id!r} shrinks to {fit.size:.0f}px"


@pytest.mark.parametrize("ratio", RATIOS)
@pytest.mark.parametrize("layout", LAYOUTS, ids=[lay.id for lay in LAYOUTS])
def test_layout_renders_a_real_cover(layout, ratio, store):
    cover = build_cover(layout, ratio)
    img = render_cover(cover, store, scale=SCALE)
    assert (img.width(), img.height()) == (round(cover.width * SCALE), round(cover.height * SCALE))
    rgb = qimage_to_rgb(img)
    assert rgb.std() > 20, f"{layout.id} {ratio}: the cover is nearly one flat colour"
    # more than a background and a few letters: many distinct colours across the cover
    quantised = (rgb[::2, ::2] // 32).reshape(-1, 3)
    assert len(np.unique(quantised, axis=0)) >= 8, f"{layout.id} {ratio}: too few colours"


def test_title_is_drawn_where_the_layout_puts_it(store):
    """Hiding the title changes the pixels inside its box: the text really is painted there."""
    layout = next(lay for lay in LAYOUTS if lay.id == "big-title-red")
    cover = build_cover(layout, "3:4")
    title = cover.title_layer()
    assert title is not None
    full = qimage_to_rgb(render_cover(cover, store, scale=SCALE)).astype(int)
    bare = qimage_to_rgb(render_cover(cover, store, scale=SCALE, hide={title.id})).astype(int)
    x0, y0 = int(title.x * SCALE), int(title.y * SCALE)
    x1, y1 = int((title.x + title.w) * SCALE), int((title.y + title.h) * SCALE)
    inside = np.abs(full[y0:y1, x0:x1] - bare[y0:y1, x0:x1]).sum(axis=2) > 60
    assert inside.mean() > 0.08
