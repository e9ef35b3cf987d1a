"""Shape layers (rect, rounded rect, ellipse, line, arrow) and stickers (SVG or emoji)."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer

from xhscover.model.assets import sticker_catalog
from xhscover.model.images import clean_text
from xhscover.model.layers import ShapeLayer, StickerLayer
from xhscover.notices import notice
from xhscover.render.image import draw_placeholder
from xhscover.render.paint import ImageCache, device_scale, fill_brush, new_argb, painting, qcolor
from xhscover.render.qt import emoji_font

MAX_SIDE = 4096
_STICKER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_cache = ImageCache(128 * 1024 * 1024)
_svgs: dict[str, QSvgRenderer | None] = {}
log = logging.getLogger(__name__)


def _pen(color: str, width: float, *, round_caps: bool = True) -> QPen:
    cap = Qt.PenCapStyle.RoundCap if round_caps else Qt.PenCapStyle.SquareCap
    return QPen(qcolor(color), width, Qt.PenStyle.SolidLine, cap, Qt.PenJoinStyle.RoundJoin)


def draw_shape_layer(painter: QPainter, layer: ShapeLayer) -> None:
    """Draw in layer-local coordinates (box at 0, 0, w, h); closed shapes keep strokes inside the box."""
    w, h = layer.w, layer.h
    if w <= 0 or h <= 0:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, w, h)
    if layer.shape in ("line", "arrow"):
        _draw_line(painter, layer)
        painter.restore()
        return
    sw = min(layer.stroke.width, w / 2, h / 2) if layer.stroke and layer.stroke.width > 0 else 0.0
    inner = rect.adjusted(sw / 2, sw / 2, -sw / 2, -sw / 2)
    path = QPainterPath()
    if layer.shape == "ellipse":
        path.addEllipse(inner)
    elif layer.shape == "rounded_rect":
        r = max(0.0, min(layer.radius, w / 2, h / 2) - sw / 2)
        path.addRoundedRect(inner, r, r)
    else:
        path.addRect(inner)
    if layer.fill is not None:
        painter.fillPath(path, fill_brush(layer.fill, rect))
    if sw > 0 and layer.stroke is not None:
        painter.strokePath(path, _pen(layer.stroke.color, sw, round_caps=False))
    painter.restore()


def _draw_line(painter: QPainter, layer: ShapeLayer) -> None:
    """A line from the box's left-middle to its right-middle; an arrow adds a head at the right.

    Colour and width come from `stroke`, else the fill colour and a width from the box height.
    """
    w, h = layer.w, layer.h
    if layer.stroke is not None and layer.stroke.width > 0:
        color, pw = layer.stroke.color, layer.stroke.width
    else:
        color = layer.fill.color if layer.fill is not None else "#1A1A1A"
        if layer.fill is not None and layer.fill.kind != "solid" and layer.fill.stops:
            color = layer.fill.stops[0][1]
        pw = max(2.0, h / 6) if layer.shape == "arrow" else max(1.0, h)
    pw = min(pw, h) if layer.shape == "line" else pw
    y = h / 2
    start, end = QPointF(pw / 2, y), QPointF(w - pw / 2, y)
    if layer.shape == "arrow":
        head_len = min(w * 0.45, max(pw * 3.0, h * 0.8))
        half = min(h / 2, max(pw * 1.8, head_len * 0.55))
        tip = QPointF(w, y)
        base_x = w - head_len
        painter.setPen(_pen(color, pw))
        painter.drawLine(start, QPointF(base_x + pw, y))
        head = QPolygonF([tip, QPointF(base_x, y - half), QPointF(base_x + head_len * 0.18, y),
                          QPointF(base_x, y + half)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(color))
        painter.drawPolygon(head)
    else:
        painter.setPen(_pen(color, pw))
        painter.drawLine(start, end)


# ---------------------------------------------------------------- stickers


def sticker_path(sticker_id: str) -> Path | None:
    """Path of a bundled sticker SVG, or None for an id the sticker manifest does not list.

    Ids are only ever looked up in the manifest, never joined to a folder, so no id can name a
    path outside the bundle (or one too long for the file system). A broken manifest raises.
    """
    if not sticker_id or not _STICKER_ID.match(sticker_id):
        return None
    catalog = sticker_catalog()
    if sticker_id not in catalog.ids():
        return None
    return catalog.get(sticker_id).path


def _svg(sticker_id: str) -> QSvgRenderer | None:
    """The sticker's SVG renderer, or None after saying (through notices) why it cannot be drawn."""
    if sticker_id not in _svgs:
        renderer = None
        path = sticker_path(sticker_id)
        if path is not None:
            try:
                r = QSvgRenderer(QByteArray(path.read_bytes()))
                renderer = r if r.isValid() else None
            except OSError as exc:
                log.warning("sticker file %s unreadable: %s", path, exc)
        _svgs[sticker_id] = renderer
    renderer = _svgs[sticker_id]
    if renderer is None:
        shown = clean_text(sticker_id if len(sticker_id) <= 40 else sticker_id[:37] + "...")
        notice(f"sticker {shown!r} is not one this version ships (or its file is damaged); drawn as a grey placeholder")
    return renderer


def _fit_rect(box_w: float, box_h: float, aw: float, ah: float) -> QRectF:
    """Largest rect of aspect aw:ah centred in the box (stickers never stretch)."""
    if aw <= 0 or ah <= 0:
        return QRectF(0, 0, box_w, box_h)
    s = min(box_w / aw, box_h / ah)
    return QRectF((box_w - aw * s) / 2, (box_h - ah * s) / 2, aw * s, ah * s)


def _device_size(painter: QPainter, w: float, h: float) -> tuple[int, int]:
    k = device_scale(painter)
    tw, th = max(1, math.ceil(w * k)), max(1, math.ceil(h * k))
    if max(tw, th) > MAX_SIDE:
        f = MAX_SIDE / max(tw, th)
        tw, th = max(1, round(tw * f)), max(1, round(th * f))
    return tw, th


def draw_sticker_layer(painter: QPainter, layer: StickerLayer) -> None:
    """SVG sticker or emoji, rasterised once per device size and cached; placeholder when unknown."""
    w, h = layer.w, layer.h
    if w <= 0 or h <= 0:
        return
    if layer.sticker:
        renderer = _svg(layer.sticker)
        if renderer is None:
            draw_placeholder(painter, QRectF(0, 0, w, h), min(w, h) * 0.15)
            return
        vb = renderer.viewBoxF()
        target = _fit_rect(w, h, vb.width() or renderer.defaultSize().width(),
                           vb.height() or renderer.defaultSize().height())
        tw, th = _device_size(painter, target.width(), target.height())

        def make_svg() -> QImage:
            img = new_argb(tw, th)
            with painting(img) as p:
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                renderer.render(p, QRectF(0, 0, tw, th))
            return img

        img = _cache.get(("svg", layer.sticker, tw, th), make_svg)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, img)
        painter.restore()
    elif layer.emoji.strip():
        side = min(w, h)
        tw, th = _device_size(painter, side, side)
        text = layer.emoji.strip()
        img = _cache.get(("emoji", text, tw), lambda: _render_emoji(text, tw))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF((w - side) / 2, (h - side) / 2, side, side), img)
        painter.restore()


def _render_emoji(text: str, px: int) -> QImage:
    """Emoji text fitted into a px x px square, drawn with the bundled colour emoji font."""
    img = new_argb(px, px)
    size = max(4, int(px * 0.8))
    font = emoji_font(size)
    fm = QFontMetricsF(font)
    adv = fm.horizontalAdvance(text)
    if adv > px and adv > 0:
        size = max(4, int(size * px / adv * 0.95))
        font = emoji_font(size)
        fm = QFontMetricsF(font)
        adv = fm.horizontalAdvance(text)
    with painting(img) as p:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.setFont(font)
        baseline = (px - (fm.ascent() + fm.descent())) / 2 + fm.ascent()
        p.drawText(QPointF((px - adv) / 2, baseline), text)
    return img


def clear_cache() -> None:
    _cache.clear()
    _svgs.clear()
