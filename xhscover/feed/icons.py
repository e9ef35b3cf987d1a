"""Small vector icons of the app chrome, drawn as shapes (no icon files, recoloured per theme).

Every function draws in pt with the painter already translated to the icon's top-left corner
and scaled by the pixel ratio (see `Canvas.icon`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def heart_path(s: float) -> QPainterPath:
    p = QPainterPath()
    p.moveTo(0.5 * s, 0.86 * s)
    p.cubicTo(0.22 * s, 0.66 * s, 0.06 * s, 0.5 * s, 0.07 * s, 0.33 * s)
    p.cubicTo(0.08 * s, 0.16 * s, 0.2 * s, 0.08 * s, 0.31 * s, 0.08 * s)
    p.cubicTo(0.4 * s, 0.08 * s, 0.46 * s, 0.13 * s, 0.5 * s, 0.2 * s)
    p.cubicTo(0.54 * s, 0.13 * s, 0.6 * s, 0.08 * s, 0.69 * s, 0.08 * s)
    p.cubicTo(0.8 * s, 0.08 * s, 0.92 * s, 0.16 * s, 0.93 * s, 0.33 * s)
    p.cubicTo(0.94 * s, 0.5 * s, 0.78 * s, 0.66 * s, 0.5 * s, 0.86 * s)
    p.closeSubpath()
    return p


def heart(p: QPainter, s: float, color: QColor, filled: bool = False) -> None:
    path = heart_path(s)
    if filled:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
    else:
        p.setPen(_pen(color, 0.085 * s))
        p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def magnifier(p: QPainter, s: float, color: QColor, stroke: float | None = None) -> None:
    w = stroke or 0.09 * s
    p.setPen(_pen(color, w))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(0.45 * s, 0.45 * s), 0.32 * s, 0.32 * s)
    p.drawLine(QPointF(0.69 * s, 0.69 * s), QPointF(0.88 * s, 0.88 * s))


def hamburger(p: QPainter, s: float, color: QColor) -> None:
    p.setPen(_pen(color, 0.085 * s))
    for y in (0.25, 0.5, 0.75):
        p.drawLine(QPointF(0.1 * s, y * s), QPointF(0.9 * s, y * s))


def chevron_down(p: QPainter, s: float, color: QColor) -> None:
    p.setPen(_pen(color, 0.1 * s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(0.2 * s, 0.38 * s))
    path.lineTo(0.5 * s, 0.66 * s)
    path.lineTo(0.8 * s, 0.38 * s)
    p.drawPath(path)


def chevron_left(p: QPainter, s: float, color: QColor) -> None:
    p.setPen(_pen(color, 0.1 * s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(0.62 * s, 0.15 * s))
    path.lineTo(0.3 * s, 0.5 * s)
    path.lineTo(0.62 * s, 0.85 * s)
    p.drawPath(path)


def plus(p: QPainter, s: float, color: QColor, stroke: float) -> None:
    p.setPen(_pen(color, stroke))
    p.drawLine(QPointF(0.5 * s, 0.0), QPointF(0.5 * s, s))
    p.drawLine(QPointF(0.0, 0.5 * s), QPointF(s, 0.5 * s))


def funnel(p: QPainter, s: float, color: QColor) -> None:
    p.setPen(_pen(color, 0.08 * s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(0.12 * s, 0.2 * s))
    path.lineTo(0.88 * s, 0.2 * s)
    path.lineTo(0.58 * s, 0.55 * s)
    path.lineTo(0.58 * s, 0.85 * s)
    path.lineTo(0.42 * s, 0.76 * s)
    path.lineTo(0.42 * s, 0.55 * s)
    path.closeSubpath()
    p.drawPath(path)


def signal_bars(p: QPainter, color: QColor, w: float = 17.0, h: float = 11.0) -> None:
    """iOS cellular bars, four rising bars; the icon box is w x h pt."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    bw = w / 4 - 1.2
    for i in range(4):
        bh = h * (0.36 + 0.213 * i)
        p.drawRoundedRect(QRectF(i * (bw + 1.6), h - bh, bw, bh), 0.9, 0.9)


def wifi(p: QPainter, color: QColor, w: float = 15.5, h: float = 11.0) -> None:
    """Wi-Fi fan: three wedges of rings plus a dot, apex at the bottom centre."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    cx, cy = w / 2, h
    thick = h * 0.2
    for r in (h * 1.02, h * 0.66):
        ring = QPainterPath()
        ring.arcMoveTo(QRectF(cx - r, cy - r, 2 * r, 2 * r), 45)
        ring.arcTo(QRectF(cx - r, cy - r, 2 * r, 2 * r), 45, 90)
        ri = r - thick
        ring.arcTo(QRectF(cx - ri, cy - ri, 2 * ri, 2 * ri), 135, -90)
        ring.closeSubpath()
        p.drawPath(ring)
    r = h * 0.3
    dot = QPainterPath(QPointF(cx, cy))
    dot.arcTo(QRectF(cx - r, cy - r, 2 * r, 2 * r), 45, 90)
    dot.closeSubpath()
    p.drawPath(dot)


def battery(p: QPainter, color: QColor, level: float = 1.0, w: float = 25.0, h: float = 12.0) -> None:
    """iOS battery: outlined rounded body (dimmed), a fill at `level`, and the terminal cap."""
    body = QRectF(0.5, 0.5, w - 3.0, h - 1.0)
    dim = QColor(color)
    dim.setAlphaF(color.alphaF() * 0.4)
    p.setPen(QPen(dim, 1.0))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(body, 3.6, 3.6)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    inner = QRectF(2.0, 2.0, (w - 6.0) * max(0.0, min(1.0, level)), h - 4.0)
    p.drawRoundedRect(inner, 2.0, 2.0)
    p.setBrush(dim)
    p.drawRoundedRect(QRectF(w - 1.9, h * 0.34, 1.6, h * 0.32), 0.8, 0.8)


def android_battery(p: QPainter, color: QColor, w: float = 8.0, h: float = 13.0) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(QRectF(w * 0.3, 0, w * 0.4, h * 0.12), 0.5, 0.5)
    p.drawRoundedRect(QRectF(0, h * 0.1, w, h * 0.9), 1.2, 1.2)


def android_signal(p: QPainter, color: QColor, s: float = 12.0) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    tri = QPainterPath(QPointF(s, 0))
    tri.lineTo(s, s)
    tri.lineTo(0, s)
    tri.closeSubpath()
    p.drawPath(tri)
