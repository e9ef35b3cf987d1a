"""Cover pixels for the feed: any image source -> a QImage scaled and cropped to its card slot.

Scaled covers are cached by image identity and target size, so re-rendering a feed after one
cover edit only rescales that cover (the UI does this on every edit).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtGui import QImage

from xhscover.feed.imagefiles import load_rgb


def rgb_to_qimage(rgb: np.ndarray) -> QImage:
    """(H, W, 3) or (H, W, 4) uint8 array -> a QImage that owns its pixels."""
    rgb = np.ascontiguousarray(rgb)
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] not in (3, 4):
        raise ValueError("expected an (H, W, 3|4) uint8 array")
    h, w, c = rgb.shape
    fmt = QImage.Format.Format_RGB888 if c == 3 else QImage.Format.Format_RGBA8888
    return QImage(rgb.data, w, h, rgb.strides[0], fmt).copy()


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """QImage -> (H, W, 3) uint8 RGB copy (alpha dropped)."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


def source_key(source: Any) -> tuple[Any, ...]:
    """Identity of an image source: changes when the cover changes, stable when it does not."""
    if isinstance(source, QImage):
        return ("q", source.cacheKey())
    if isinstance(source, np.ndarray):
        probe = source[:: max(1, source.shape[0] // 16), :: max(1, source.shape[1] // 16)]
        digest = hashlib.blake2b(np.ascontiguousarray(probe).tobytes(), digest_size=8).hexdigest()
        return ("a", id(source), source.__array_interface__["data"][0], source.shape, digest)
    if isinstance(source, (str, Path)):
        p = Path(source)
        try:
            st = p.stat()
            return ("p", str(p.resolve()), st.st_mtime_ns, st.st_size)
        except OSError:
            return ("p", str(p), 0, 0)
    raise TypeError(f"unsupported image source {type(source).__name__}")


def source_rgb(source: Any) -> np.ndarray:
    """Any source as an RGB array (files go through the size-checked importer)."""
    if isinstance(source, np.ndarray):
        if source.ndim == 2:
            return np.repeat(source[:, :, None], 3, axis=2)
        return source[:, :, :3]
    if isinstance(source, QImage):
        return qimage_to_rgb(source)
    return load_rgb(source)


def crop_scale(rgb: np.ndarray, w: int, h: int) -> np.ndarray:
    """Centre-crop to w:h then resize to exactly (w, h) with area averaging (sharp, no moire)."""
    sh, sw = rgb.shape[:2]
    target = w / h
    if sw / sh > target:  # too wide: crop the sides
        cw = max(1, round(sh * target))
        x0 = (sw - cw) // 2
        rgb = rgb[:, x0: x0 + cw]
    elif sw / sh < target:  # too tall: crop top and bottom
        ch = max(1, round(sw / target))
        y0 = (sh - ch) // 2
        rgb = rgb[y0: y0 + ch]
    interp = cv2.INTER_AREA if rgb.shape[1] >= w else cv2.INTER_CUBIC
    return cv2.resize(np.ascontiguousarray(rgb), (w, h), interpolation=interp)


class ImageCache:
    """LRU of QImages scaled for drawing, keyed by (source identity, width, height)."""

    def __init__(self, max_items: int = 256):
        self.max_items = max_items
        self._items: OrderedDict[tuple[Any, ...], QImage] = OrderedDict()
        self.misses = 0

    def get(self, source: Any, w: int, h: int) -> QImage:
        key = (source_key(source), w, h)
        img = self._items.get(key)
        if img is not None:
            self._items.move_to_end(key)
            return img
        self.misses += 1
        img = rgb_to_qimage(crop_scale(source_rgb(source), w, h))
        img = img.convertToFormat(QImage.Format.Format_RGB32)
        self._items[key] = img
        if len(self._items) > self.max_items:
            self._items.popitem(last=False)
        return img

    def clear(self) -> None:
        self._items.clear()
