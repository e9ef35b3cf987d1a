"""Golden images: three fixed covers rendered at 270x360 must match stored PNGs closely.

They catch unintended changes anywhere in the renderer (fonts, effects, fitting, images). After an
intended change, regenerate them and look at the result before committing:

    XHS_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_golden.py
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from xhscover.errors import XhsError
from xhscover.model.images import ImageStore
from xhscover.render.convert import qimage_to_rgb
from xhscover.render.cover import render_cover

from .showcase import all_covers

pytestmark = pytest.mark.usefixtures("qapp")
GOLDEN = Path(__file__).parent / "golden"
SCALE = 0.25


def _fonts_ok() -> bool:
    try:
        from xhscover.render.fonts import ensure_fonts_loaded

        ensure_fonts_loaded()
        return True
    except (XhsError, ImportError):
        return False


def _photo_store() -> tuple[ImageStore, str]:
    """A synthetic photo (no bundled asset), so goldens do not change when photos are swapped."""
    img = Image.new("RGB", (800, 600), (40, 90, 140))
    draw = ImageDraw.Draw(img)
    for i in range(12):
        draw.rectangle((0, i * 50, 800, i * 50 + 50), fill=(40 + i * 15, 90 + i * 8, 140 - i * 6))
    draw.ellipse((250, 120, 550, 420), fill=(250, 200, 60))
    draw.polygon([(0, 600), (300, 330), (520, 600)], fill=(30, 110, 60))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    store = ImageStore()
    return store, store.add_bytes(buf.getvalue(), "golden.png")


@pytest.mark.parametrize("name", ["stacked", "photo", "plain"])
def test_golden(name):
    if not _fonts_ok():
        pytest.skip("bundled fonts unavailable: goldens are drawn with them")
    store, ref = _photo_store()
    cover = all_covers(ref)[name]
    got = qimage_to_rgb(render_cover(cover, store, scale=SCALE))
    path = GOLDEN / f"{name}.png"
    if os.environ.get("XHS_REGEN_GOLDEN") or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        Image.fromarray(got).save(path, optimize=True)
        if not os.environ.get("XHS_REGEN_GOLDEN"):
            pytest.fail(f"golden {path.name} was missing and has been written; look at it and rerun")
        return
    want = np.asarray(Image.open(path).convert("RGB"))
    assert want.shape == got.shape
    diff = np.abs(want.astype(int) - got.astype(int)).max(axis=2)
    bad = (diff > 40).mean()
    assert diff.mean() < 2.0 and bad < 0.01, (
        f"{name}: mean diff {diff.mean():.2f}, {bad:.2%} pixels off by >40; "
        "if the change is intended, regenerate (see module docstring) and look at the images"
    )
