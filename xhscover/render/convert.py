"""QImage <-> numpy / Pillow conversions (always copies: Qt buffers must not outlive their image)."""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtGui import QImage


def qimage_to_rgb(img: QImage) -> np.ndarray:
    """HxWx3 uint8 RGB copy of any QImage (alpha is dropped, not composited)."""
    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = rgb.width(), rgb.height(), rgb.bytesPerLine()
    buf = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=bpl * h)
    return buf.reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def qimage_to_rgba(img: QImage) -> np.ndarray:
    """HxWx4 uint8 straight-alpha RGBA copy."""
    rgba = img.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h, bpl = rgba.width(), rgba.height(), rgba.bytesPerLine()
    buf = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=bpl * h)
    return buf.reshape(h, bpl)[:, : w * 4].reshape(h, w, 4).copy()


def rgb_to_qimage(arr: np.ndarray) -> QImage:
    """QImage from an HxWx3 (RGB) or HxWx4 (straight RGBA) uint8 array, or HxW grey."""
    a = np.asarray(arr)
    if a.dtype != np.uint8:
        a = np.clip(a, 0, 255).astype(np.uint8)
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    if a.ndim != 3 or a.shape[2] not in (3, 4):
        raise ValueError(f"expected HxWx3 or HxWx4 array, got shape {a.shape}")
    a = np.ascontiguousarray(a)
    h, w, c = a.shape
    fmt = QImage.Format.Format_RGB888 if c == 3 else QImage.Format.Format_RGBA8888
    return QImage(a.data, w, h, w * c, fmt).copy()


def pil_to_qimage(pil_img: Image.Image) -> QImage:
    """QImage from a Pillow image: RGB -> RGB32, anything with alpha -> premultiplied ARGB32.

    Both target formats are what QPainter draws fastest.
    """
    im = pil_img
    has_alpha = im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (im.mode == "P" and "transparency" in im.info)
    if has_alpha:
        im = im.convert("RGBA")
        data = im.tobytes("raw", "RGBA")
        q = QImage(data, im.width, im.height, im.width * 4, QImage.Format.Format_RGBA8888)
        return q.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    im = im.convert("RGB")
    data = im.tobytes("raw", "RGB")
    q = QImage(data, im.width, im.height, im.width * 3, QImage.Format.Format_RGB888)
    return q.convertToFormat(QImage.Format.Format_RGB32)
