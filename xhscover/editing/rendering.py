"""One door to the renderer for the editor, so the canvas shows exactly what export writes.

While `xhscover.render` is still being written this falls back to a crude placeholder drawing;
once `render_cover` exists it is always used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from xhscover.model.cover import Cover
from xhscover.model.images import ImageStore


def _real():
    try:
        from xhscover.render import cover as rc
    except ImportError:
        return None
    return rc


def have_renderer() -> bool:
    return _real() is not None


def ensure_gui() -> None:
    try:
        from xhscover.render.qt import ensure_gui_app
    except ImportError:
        return
    ensure_gui_app()


PAINT_LOCK = threading.RLock()
"""Held while painting with the shared cached fonts (cover renderer, feed): the score worker
renders feed screens in another thread, and a QFont's private data must not be used by two
threads at once. The worker takes it per screen (~0.1 s), so the UI never waits long."""


def render(cover: Cover, store: ImageStore, *, scale: float = 1.0, hide: Iterable[str] | None = None) -> QImage:
    with PAINT_LOCK:
        return _render(cover, store, scale, hide)


def _render(cover: Cover, store: ImageStore, scale: float, hide: Iterable[str] | None) -> QImage:
    rc = _real()
    if rc is not None:
        return rc.render_cover(cover, store, scale=scale, hide=set(hide) if hide else None)
    return _placeholder(cover, scale, set(hide or ()))


def _placeholder(cover: Cover, scale: float, hide: set[str]) -> QImage:
    w, h = max(1, round(cover.width * scale)), max(1, round(cover.height * scale))
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(cover.background.fill.color))
    p = QPainter(img)
    p.scale(scale, scale)
    for lay in cover.layers:
        if not lay.visible or lay.id in hide:
            continue
        p.save()
        p.setOpacity(lay.opacity)
        p.translate(lay.x + lay.w / 2, lay.y + lay.h / 2)
        p.rotate(lay.rotation)
        r = QRectF(-lay.w / 2, -lay.h / 2, lay.w, lay.h)
        if lay.kind == "text":
            f = p.font()
            f.setPixelSize(max(8, int(lay.style.size * 0.8)))
            p.setFont(f)
            p.setPen(QColor(lay.style.fill.color))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, lay.text)
        else:
            p.fillRect(r, QColor(128, 128, 128, 160))
        p.restore()
    p.end()
    return img


def save_image(img: QImage, path: str | Path, quality: int = 92) -> None:
    """Write PNG/JPEG through the renderer's exporter (atomic, sRGB); plain QImage.save as fallback."""
    try:
        from xhscover.render.export import save_image as real
    except ImportError:
        real = None
    if real is not None:
        real(img, path, quality=quality)
        return
    from xhscover.errors import XhsError

    if not img.save(str(path), None, quality):
        raise XhsError(f"cannot write {path}")
