"""Image layers and background photos: fit, focal point, crop, corners, border, blur, placeholder.

Decoding (EXIF, ICC, odd modes) happened in `model.images`; here a decoded Pillow image is cut and
resampled straight to the device pixels it will cover, and that QImage is cached by (reference,
geometry, device size), so canvas redraws only blit.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from xhscover.errors import XhsError
from xhscover.model.images import ImageStore
from xhscover.model.layers import Crop, ImageLayer
from xhscover.notices import notice
from xhscover.render.convert import pil_to_qimage, rgb_to_qimage
from xhscover.render.paint import ImageCache, blur_image, device_scale, new_argb, painting, qcolor

MAX_SIDE = 6000  # cached image side cap; deeper zoom is drawn slightly soft rather than allocating GBs
PLACEHOLDER_BG = QColor("#E4E4E7")
PLACEHOLDER_FG = QColor("#A1A1AA")

_cache = ImageCache(384 * 1024 * 1024)


def _crop_box(img: Image.Image, crop: Crop | None) -> tuple[float, float, float, float]:
    """Crop in source pixels (x0, y0, x1, y1), clamped to the image and at least one pixel."""
    w, h = img.size
    if crop is None:
        return 0.0, 0.0, float(w), float(h)
    x0 = min(max(0.0, crop.x), 1.0) * w
    y0 = min(max(0.0, crop.y), 1.0) * h
    x1 = min(max(crop.x + crop.w, 0.0), 1.0) * w
    y1 = min(max(crop.y + crop.h, 0.0), 1.0) * h
    if x1 - x0 < 1:
        x0, x1 = min(x0, w - 1.0), min(x0, w - 1.0) + 1
    if y1 - y0 < 1:
        y0, y1 = min(y0, h - 1.0), min(y0, h - 1.0) + 1
    return x0, y0, x1, y1


def fit_geometry(
    src_w: float, src_h: float, box_w: float, box_h: float, fit: str, focal: tuple[float, float]
) -> tuple[float, float, float, float]:
    """Where the (cropped) source lands inside the box: (x, y, w, h) in box units.

    `cover` fills the box and keeps the focal point as close to the centre as the edges allow;
    `contain` shows all of it centred; `free` stretches to the box (the editor keeps the aspect).
    """
    if fit == "free" or src_w <= 0 or src_h <= 0:
        return 0.0, 0.0, box_w, box_h
    if fit == "contain":
        s = min(box_w / src_w, box_h / src_h)
        dw, dh = src_w * s, src_h * s
        return (box_w - dw) / 2, (box_h - dh) / 2, dw, dh
    s = max(box_w / src_w, box_h / src_h)
    dw, dh = src_w * s, src_h * s
    fx = min(max(float(focal[0]), 0.0), 1.0)
    fy = min(max(float(focal[1]), 0.0), 1.0)
    x = min(0.0, max(box_w - dw, box_w / 2 - fx * dw))
    y = min(0.0, max(box_h - dh, box_h / 2 - fy * dh))
    return x, y, dw, dh


def _render_fitted(
    pil: Image.Image, crop: Crop | None, fit: str, focal: tuple[float, float],
    box_w: float, box_h: float, tw: int, th: int, radius: float,
) -> QImage:
    """The box at device size tw x th: the fitted image, transparent where it does not reach."""
    x0, y0, x1, y1 = _crop_box(pil, crop)
    cw, ch = x1 - x0, y1 - y0
    gx, gy, gw, gh = fit_geometry(cw, ch, box_w, box_h, fit, focal)
    sx, sy = tw / box_w, th / box_h  # box units -> device pixels
    # Visible part of the destination rect, in device pixels, and the source region it shows.
    dx0, dy0 = max(0.0, gx * sx), max(0.0, gy * sy)
    dx1, dy1 = min(float(tw), (gx + gw) * sx), min(float(th), (gy + gh) * sy)
    if dx1 - dx0 < 0.5 or dy1 - dy0 < 0.5:
        return new_argb(tw, th)
    ux, uy = cw / (gw * sx), ch / (gh * sy)  # source px per device px
    src_box = (
        x0 + (dx0 - gx * sx) * ux, y0 + (dy0 - gy * sy) * uy,
        x0 + (dx1 - gx * sx) * ux, y0 + (dy1 - gy * sy) * uy,
    )
    ox, oy = int(math.floor(dx0)), int(math.floor(dy0))
    out_w, out_h = max(1, int(math.ceil(dx1)) - ox), max(1, int(math.ceil(dy1)) - oy)
    qpart = _resample(pil, src_box, out_w, out_h, max(ux, uy))
    full_cover = (ox, oy, out_w, out_h) == (0, 0, tw, th)
    if full_cover and radius <= 0 and not qpart.hasAlphaChannel():
        return qpart
    out = new_argb(tw, th)
    with painting(out) as p:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if radius > 0:
            clip = QPainterPath()
            r = radius * sx
            clip.addRoundedRect(QRectF(dx0, dy0, dx1 - dx0, dy1 - dy0), r, r)
            brush = QBrush(qpart)
            brush.setTransform(QTransform.fromTranslate(ox, oy))
            p.fillPath(clip, brush)
        else:
            p.drawImage(QPointF(ox, oy), qpart)
    return out


def _resample(pil: Image.Image, src_box: tuple[float, float, float, float], out_w: int, out_h: int,
              src_per_px: float) -> QImage:
    """The source region `src_box` (continuous pixel coordinates) resampled to out_w x out_h.

    Shrinking goes through Pillow (box-reduce then bicubic: no aliasing). Enlarging, the common
    case for photos filling a 1080 px cover, uses OpenCV's bicubic warp with the same sub-pixel
    mapping, about three times faster than Pillow's.
    """
    if src_per_px >= 1.0 or pil.mode not in ("RGB", "RGBA"):
        reducing = 3.0 if src_per_px > 3.0 else None  # box-reduce first: big photos into small boxes
        return pil_to_qimage(pil.resize((out_w, out_h), Image.Resampling.BICUBIC, box=src_box, reducing_gap=reducing))
    bx0, by0, bx1, by1 = src_box
    kx, ky = (bx1 - bx0) / out_w, (by1 - by0) / out_h
    # output pixel centre i + 0.5 maps to bx0 + (i + 0.5) * kx; OpenCV puts pixel centres at integers
    m = np.array([[kx, 0.0, bx0 + 0.5 * kx - 0.5], [0.0, ky, by0 + 0.5 * ky - 0.5]], np.float64)
    src = np.asarray(pil)
    out = cv2.warpAffine(src, m, (out_w, out_h), flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
                         borderMode=cv2.BORDER_REPLICATE)
    if out.shape[2] == 4:
        return rgb_to_qimage(out).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return rgb_to_qimage(out).convertToFormat(QImage.Format.Format_RGB32)


def _device_size(painter: QPainter, w: float, h: float) -> tuple[int, int]:
    k = device_scale(painter)
    tw, th = max(1, round(w * k)), max(1, round(h * k))
    if max(tw, th) > MAX_SIDE:
        f = MAX_SIDE / max(tw, th)
        tw, th = max(1, round(tw * f)), max(1, round(th * f))
    return tw, th


def load_image(store: ImageStore, ref: str) -> Image.Image | None:
    """The decoded image, or None when it is missing or unreadable: the caller draws a placeholder,
    and the reason is said once through `xhscover.notices` (the CLI prints it, the app shows it)."""
    if not ref:
        return None
    try:
        return store.load(ref)
    except XhsError as exc:
        notice(f"{exc}; drawn as a grey placeholder")
        return None


def draw_placeholder(painter: QPainter, rect: QRectF, radius: float = 0.0) -> None:
    """Neutral grey box with a photo icon: a missing image is visible but never alarming."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PLACEHOLDER_BG)
    if radius > 0:
        painter.drawRoundedRect(rect, radius, radius)
    else:
        painter.drawRect(rect)
    s = min(rect.width(), rect.height()) * 0.28
    if s >= 6:
        c = rect.center()
        frame = QRectF(c.x() - s / 2, c.y() - s * 0.4, s, s * 0.8)
        pen_w = max(1.0, s * 0.07)
        painter.setPen(QPen(PLACEHOLDER_FG, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, s * 0.1, s * 0.1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLACEHOLDER_FG)
        inner = frame.adjusted(pen_w * 1.5, pen_w * 1.5, -pen_w * 1.5, -pen_w * 1.5)
        mountain = QPainterPath()
        mountain.moveTo(inner.left(), inner.bottom())
        mountain.lineTo(inner.left() + inner.width() * 0.35, inner.top() + inner.height() * 0.4)
        mountain.lineTo(inner.left() + inner.width() * 0.55, inner.top() + inner.height() * 0.7)
        mountain.lineTo(inner.left() + inner.width() * 0.72, inner.top() + inner.height() * 0.5)
        mountain.lineTo(inner.right(), inner.bottom())
        mountain.closeSubpath()
        painter.drawPath(mountain)
        sun_r = inner.height() * 0.13
        painter.drawEllipse(QPointF(inner.right() - inner.width() * 0.22, inner.top() + inner.height() * 0.26),
                            sun_r, sun_r)
    painter.restore()


def draw_image_layer(painter: QPainter, layer: ImageLayer, store: ImageStore) -> None:
    """Draw an image layer in its (already applied) layer-local coordinates: box at (0, 0, w, h)."""
    w, h = layer.w, layer.h
    if w <= 0 or h <= 0:
        return
    radius = max(0.0, min(layer.corner_radius, w / 2, h / 2))
    rect = QRectF(0, 0, w, h)
    pil = load_image(store, layer.src)
    if pil is None:
        draw_placeholder(painter, rect, radius)
    else:
        tw, th = _device_size(painter, w, h)
        crop = layer.crop
        key = (
            "img", layer.src, (crop.x, crop.y, crop.w, crop.h) if crop else None, layer.fit,
            tuple(layer.focal), round(w, 3), round(h, 3), tw, th, round(radius, 3),
        )
        focal = (float(layer.focal[0]), float(layer.focal[1]))
        img = _cache.get(key, lambda: _render_fitted(pil, crop, layer.fit, focal, w, h, tw, th, radius))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, img)
        painter.restore()
    border = layer.border
    if border and border.width > 0:
        bw = min(border.width, w / 2, h / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(qcolor(border.color), bw, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                            Qt.PenJoinStyle.MiterJoin if radius <= 0 else Qt.PenJoinStyle.RoundJoin))
        inner = rect.adjusted(bw / 2, bw / 2, -bw / 2, -bw / 2)
        if radius > 0:
            r = max(0.0, radius - bw / 2)
            painter.drawRoundedRect(inner, r, r)
        else:
            painter.drawRect(inner)
        painter.restore()


def draw_background_image(
    painter: QPainter, store: ImageStore, ref: str, w: float, h: float, blur: float, dim: float
) -> None:
    """A full-canvas photo with `cover` fit, optional blur (radius in cover px) and a dark veil."""
    rect = QRectF(0, 0, w, h)
    pil = load_image(store, ref)
    if pil is None:
        draw_placeholder(painter, rect)
    else:
        tw, th = _device_size(painter, w, h)
        k = tw / w
        key = ("bg", ref, round(w, 3), round(h, 3), tw, th, round(blur, 3))

        def make() -> QImage:
            img = _render_fitted(pil, None, "cover", (0.5, 0.5), w, h, tw, th, 0.0)
            if blur > 0:
                img = img.convertToFormat(QImage.Format.Format_RGB32)
                blur_image(img, blur / 2 * k, replicate_edges=True)
            return img

        img = _cache.get(key, make)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, img)
        painter.restore()
    if dim > 0:
        painter.fillRect(rect, QColor(0, 0, 0, round(255 * min(1.0, dim))))


def clear_cache() -> None:
    _cache.clear()
