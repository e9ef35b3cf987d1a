"""The one cover renderer: model -> pixels. Canvas, exports, feed and CLI all come through here."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from xhscover.errors import XhsError
from xhscover.model.cover import Cover
from xhscover.model.images import ImageStore
from xhscover.model.layers import ImageLayer, Layer, ShapeLayer, StickerLayer, TextLayer
from xhscover.render.image import draw_background_image, draw_image_layer
from xhscover.render.paint import fill_brush, painting
from xhscover.render.qt import ensure_gui_app
from xhscover.render.shapes import draw_shape_layer, draw_sticker_layer
from xhscover.render.text import draw_text_layer, layer_transform

MAX_SIDE = 16384
MAX_SCALE = 4.0  # 4320x5760 for a 3:4 cover: beyond print size, and 100 MB of pixels


def draw_background(painter: QPainter, cover: Cover, store: ImageStore) -> None:
    bg = cover.background
    rect = QRectF(0, 0, cover.width, cover.height)
    painter.fillRect(rect, fill_brush(bg.fill, rect))
    if bg.image:
        draw_background_image(painter, store, bg.image, cover.width, cover.height, bg.image_blur, bg.image_dim)


def draw_layer(painter: QPainter, layer: Layer, store: ImageStore) -> None:
    """Draw one layer (whatever its visibility) in cover coordinates."""
    if isinstance(layer, TextLayer):
        draw_text_layer(painter, layer)  # handles its own transform, opacity and raster cache
        return
    opacity = max(0.0, min(1.0, layer.opacity))
    if opacity <= 0:
        return
    painter.save()
    painter.setTransform(layer_transform(layer), combine=True)
    painter.setOpacity(painter.opacity() * opacity)
    if isinstance(layer, ImageLayer):
        draw_image_layer(painter, layer, store)
    elif isinstance(layer, ShapeLayer):
        draw_shape_layer(painter, layer)
    elif isinstance(layer, StickerLayer):
        draw_sticker_layer(painter, layer)
    painter.restore()


def draw_cover(painter: QPainter, cover: Cover, store: ImageStore, *, hide: set[str] | None = None) -> None:
    """Draw the cover in cover pixel coordinates onto any painter (canvas, feed card, export).

    The caller's transform maps cover pixels to its device; caches key on the resulting device
    size, so a zoomed canvas gets sharp text and images. `hide` lists layer ids to leave out
    (the editor hides the layer it is editing inline).
    """
    ensure_gui_app()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setClipRect(QRectF(0, 0, cover.width, cover.height), combine_clip(painter))
    draw_background(painter, cover, store)
    for layer in cover.layers:
        if not layer.visible or (hide and layer.id in hide):
            continue
        draw_layer(painter, layer, store)
    painter.restore()


def combine_clip(painter: QPainter) -> Qt.ClipOperation:
    return Qt.ClipOperation.IntersectClip if painter.hasClipping() else Qt.ClipOperation.ReplaceClip


def render_cover(
    cover: Cover, store: ImageStore, *, scale: float = 1.0, hide: set[str] | None = None
) -> QImage:
    """The cover as an opaque sRGB image of round(width*scale) x round(height*scale) pixels."""
    if not (math.isfinite(scale) and 0 < scale <= MAX_SCALE):
        raise XhsError(f"scale {scale} is outside (0, {MAX_SCALE:g}]")
    ensure_gui_app()
    w = max(1, min(MAX_SIDE, round(cover.width * scale)))
    h = max(1, min(MAX_SIDE, round(cover.height * scale)))
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFFFF)
    with painting(img) as p:
        p.scale(w / cover.width, h / cover.height)
        draw_cover(p, cover, store, hide=hide)
    return img
