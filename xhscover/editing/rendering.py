"""One door to the renderer for the editor, so the canvas shows exactly what export writes.

What the renderer skipped while drawing (a damaged photo, an unknown sticker) is collected per
render and posted on `render_notices().posted`, which the main window shows; nothing the renderer
leaves out goes unsaid.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from xhscover import notices
from xhscover.model.cover import Cover
from xhscover.model.images import ImageStore
from xhscover.render.cover import render_cover
from xhscover.render.export import save_image as _save_image
from xhscover.render.qt import ensure_gui_app


def ensure_gui() -> None:
    """Start Qt's GUI side and register the bundled fonts (the app calls it before any window)."""
    ensure_gui_app()


PAINT_LOCK = threading.RLock()
"""Held while painting with the shared cached fonts (cover renderer, feed): the score worker
renders feed screens in another thread, and a QFont's private data must not be used by two
threads at once. The worker takes it per screen (~0.1 s), so the UI never waits long."""


class RenderNotices(QObject):
    """Posts the notices of a render (a list of sentences) when they differ from the last post."""

    posted = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.last: list[str] = []

    def post(self, texts: list[str]) -> None:
        """Emit `texts` unless the previous render said the same; a clean render resets that, so
        a problem that comes back (the same project opened again) is said again."""
        if texts and texts != self.last:
            self.posted.emit(list(texts))
        self.last = list(texts)


_hub: RenderNotices | None = None


def render_notices() -> RenderNotices:
    global _hub
    if _hub is None:
        _hub = RenderNotices()
    return _hub


def render(cover: Cover, store: ImageStore, *, scale: float = 1.0, hide: Iterable[str] | None = None) -> QImage:
    with PAINT_LOCK, notices.collect() as said:
        img = render_cover(cover, store, scale=scale, hide=set(hide) if hide else None)
    if threading.current_thread() is threading.main_thread():
        render_notices().post(said)
    return img


def save_image(img: QImage, path: str | Path, quality: int = 92) -> None:
    """Write PNG/JPEG through the renderer's exporter (atomic, sRGB, one clear error)."""
    _save_image(img, path, quality=quality)
