"""Small helpers shared by the renderer tests: build covers, render them, read pixels."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from xhscover.model.cover import Background, Cover
from xhscover.model.images import ImageStore
from xhscover.model.styles import Fill
from xhscover.render.convert import qimage_to_rgb
from xhscover.render.cover import render_cover


def cover_with(*layers, w: int = 400, h: int = 400, bg: str = "#FFFFFF") -> Cover:
    return Cover(width=w, height=h, background=Background(fill=Fill.solid(bg)), layers=list(layers))


def render_rgb(cover: Cover, store: ImageStore | None = None, **kw) -> np.ndarray:
    return qimage_to_rgb(render_cover(cover, store or ImageStore(), **kw)).astype(int)


def close(px, rgb, tol: int = 12) -> bool:
    return bool(np.all(np.abs(np.asarray(px, dtype=int) - np.asarray(rgb)) <= tol))


def mask(arr: np.ndarray, rgb, tol: int = 40) -> np.ndarray:
    return np.all(np.abs(arr - np.asarray(rgb)) <= tol, axis=2)


def non_bg(arr: np.ndarray, bg=(255, 255, 255), tol: int = 8) -> np.ndarray:
    return ~mask(arr, bg, tol)


def bbox(m: np.ndarray) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) inclusive of a boolean mask, or None."""
    ys, xs = np.nonzero(m)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


def store_with(img: Image.Image, fmt: str = "PNG", **save_kw) -> tuple[ImageStore, str]:
    buf = io.BytesIO()
    img.save(buf, fmt, **save_kw)
    store = ImageStore()
    return store, store.add_bytes(buf.getvalue(), f"test.{fmt.lower()}")


def halves(w: int, h: int, top, bottom, mode: str = "RGB") -> Image.Image:
    img = Image.new(mode, (w, h), top)
    img.paste(Image.new(mode, (w, h - h // 2), bottom), (0, h // 2))
    return img
