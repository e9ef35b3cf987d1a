"""Shared painting helpers: colours, gradient brushes, blur, and a byte-bounded image cache."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

import cv2
import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QRadialGradient, QTransform

from xhscover.errors import XhsError
from xhscover.model.styles import Fill, parse_rgba


def qcolor(value: str) -> QColor:
    r, g, b, a = parse_rgba(value)
    return QColor(r, g, b, a)


def fill_brush(fill: Fill, rect: QRectF) -> QBrush:
    """A brush for a Fill spanning `rect`: linear gradients cover the box CSS-style at any angle,
    radial ones reach the farthest corner."""
    stops = sorted(fill.stops or [], key=lambda s: s[0])
    if fill.kind == "solid" or len(stops) < 2:
        return QBrush(qcolor(stops[0][1] if stops and fill.kind != "solid" else fill.color))
    c = rect.center()
    if fill.kind == "linear":
        a = math.radians(fill.angle)
        dx, dy = math.cos(a), math.sin(a)
        half = (abs(rect.width() * dx) + abs(rect.height() * dy)) / 2 or 1.0
        grad: QLinearGradient | QRadialGradient = QLinearGradient(
            QPointF(c.x() - dx * half, c.y() - dy * half), QPointF(c.x() + dx * half, c.y() + dy * half)
        )
    else:
        radius = math.hypot(rect.width(), rect.height()) / 2 or 1.0
        grad = QRadialGradient(c, radius)
    for pos, color in stops:
        grad.setColorAt(min(1.0, max(0.0, float(pos))), qcolor(color))
    return QBrush(grad)


def device_scale(painter: QPainter) -> float:
    """How many device pixels one logical unit spans (rotation-independent)."""
    t = painter.combinedTransform()
    det = abs(t.m11() * t.m22() - t.m12() * t.m21())
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    return max(1e-6, math.sqrt(det)) * dpr


def device_transform(painter: QPainter) -> QTransform:
    """Logical -> physical device pixels (including the device pixel ratio of hi-dpi widgets)."""
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    t = painter.combinedTransform()
    return t * QTransform.fromScale(dpr, dpr) if dpr != 1.0 else t


def blit_device(painter: QPainter, img: QImage, x: float, y: float) -> None:
    """Draw `img` with its top-left at physical device pixel (x, y), bypassing the world transform."""
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    painter.save()
    painter.resetTransform()
    if dpr != 1.0:
        img.setDevicePixelRatio(dpr)
        painter.drawImage(QPointF(x / dpr, y / dpr), img)
    else:
        painter.drawImage(QPointF(x, y), img)
    painter.restore()


@contextmanager
def painting(device: QImage) -> Iterator[QPainter]:
    """A QPainter on `device`, always ended, also when drawing raises.

    A painter left active on an image that is then freed takes the process down ("QPaintDevice:
    Cannot destroy paint device that is being painted", exit 139): every painter the core makes
    goes through here, so an error while drawing stays an error. A device Qt could not allocate
    (a null image) is refused instead of silently drawing nothing.
    """
    if device.isNull():
        raise XhsError(f"cannot allocate a {device.width()}x{device.height()} image to draw on (out of memory?)")
    p = QPainter(device)
    try:
        yield p
    finally:
        if p.isActive():
            p.end()


def new_argb(w: int, h: int) -> QImage:
    img = QImage(max(1, w), max(1, h), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    return img


def image_view(img: QImage) -> np.ndarray:
    """Writable HxWx4 numpy view of a 32-bit QImage (keep `img` alive while using it)."""
    h, bpl = img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.bits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)
    return buf[:, : img.width() * 4].reshape(h, img.width(), 4)


def blur_image(img: QImage, sigma: float, *, replicate_edges: bool = False) -> None:
    """Gaussian-blur a 32-bit QImage in place (premultiplied data blurs correctly channel-wise).

    Large radii are blurred at a reduced size and scaled back: same look, a fraction of the cost.
    Shadows fade to transparent at the edges; photos (`replicate_edges`) keep their edge colours.
    """
    border = cv2.BORDER_REPLICATE if replicate_edges else cv2.BORDER_CONSTANT
    if sigma <= 0.3:
        return
    arr = image_view(img)
    h, w = arr.shape[:2]
    factor = 1
    while sigma / factor > 8 and min(w, h) // (factor * 2) >= 8:
        factor *= 2
    if factor > 1:
        small = cv2.resize(arr, (max(1, w // factor), max(1, h // factor)), interpolation=cv2.INTER_AREA)
        small = cv2.GaussianBlur(small, (0, 0), sigma / factor, borderType=border)
        arr[:] = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    else:
        arr[:] = cv2.GaussianBlur(arr, (0, 0), sigma, borderType=border)


class ImageCache:
    """LRU of rendered QImages bounded by total bytes: the canvas redraws often, layers rarely change."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, QImage] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, make: Callable[[], QImage]) -> QImage:
        img = self._items.get(key)
        if img is not None:
            self._items.move_to_end(key)
            self.hits += 1
            return img
        self.misses += 1
        img = make()
        size = img.sizeInBytes()
        if size <= self.max_bytes // 4:
            self._items[key] = img
            self._bytes += size
            while self._bytes > self.max_bytes and self._items:
                _, old = self._items.popitem(last=False)
                self._bytes -= old.sizeInBytes()
        return img

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0
