"""What the canvas draws over the rendered cover: frame, safe area, selection, handles, snapping
guides and the rubber band. Drawn in canvas coordinates; line widths are divided by the zoom so
they stay the same number of screen pixels at any zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from xhscover.editing import geometry as G
from xhscover.editing.snapping import Gap, Guide

if TYPE_CHECKING:
    from xhscover.ui.canvas import CoverCanvas

SELECT = QColor("#2F80ED")
GUIDE = QColor("#FF00CC")  # magenta, as design tools draw snapping guides
HALO = QColor(255, 255, 255, 170)  # under the guides, so they read on red and pink covers too
HANDLE_PX = 9
ROTATE_PX = 28
SAFE_MARGIN = 0.06  # fraction of the short side kept free of important content
GUIDE_PX = 1.5  # screen pixels, at any zoom
TICK_PX = 7  # end ticks of a smart-spacing gap, screen pixels


def cosmetic(color: QColor, width: float) -> QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def polygon(points: list[G.Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class Overlay(QGraphicsItem):
    """Selection, handles, guides, rubber band, safe area, above the cover picture."""

    def __init__(self, canvas: CoverCanvas) -> None:
        super().__init__()
        self.canvas = canvas
        self.setZValue(10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.rect = QRectF(-2000, -2000, 6000, 6000)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        cv = self.canvas
        doc = cv.doc
        if doc is None:
            return
        cover = doc.cover
        z = cv.zoom()
        p.setPen(QPen(QColor(0, 0, 0, 40), 0))
        p.drawRect(QRectF(0, 0, cover.width, cover.height))
        if cv.show_safe_area:
            self._safe_area(p, cover.width, cover.height)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for lay in doc.selected_layers():
            p.setPen(QPen(SELECT, 1.5 / z) if not lay.locked
                     else QPen(QColor(150, 150, 150), 1.5 / z, Qt.PenStyle.DashLine))
            p.drawPolygon(polygon(G.corners(lay)))
        hover = cv.hover_id
        if hover and hover not in doc.selection and any(lay.id == hover for lay in cover.layers):
            p.setPen(QPen(QColor(47, 128, 237, 140), 1 / z))
            p.drawPolygon(polygon(G.corners(cover.layer(hover))))
        single = cv.single_editable()
        s = HANDLE_PX / z
        if single is not None:
            p.setPen(QPen(SELECT, 1.2 / z))
            p.setBrush(QBrush(Qt.GlobalColor.white))
            for hx, hy in G.HANDLES:
                cx, cy = G.handle_point(single, hx, hy)
                p.drawRect(QRectF(cx - s / 2, cy - s / 2, s, s))
            top = QPointF(*G.handle_point(single, 0, -1))
            knob = QPointF(*G.rotate_handle_point(single, ROTATE_PX / z))
            p.drawLine(top, knob)
            p.drawEllipse(knob, s / 1.6, s / 1.6)
        multi = cv.multi_bounds()
        if multi is not None:
            p.setPen(QPen(SELECT, 1 / z, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(*multi))
            p.setPen(QPen(SELECT, 1.2 / z))
            p.setBrush(QBrush(Qt.GlobalColor.white))
            for hx, hy in G.HANDLES:
                cx, cy = G.group_handle_point(multi, hx, hy)
                p.drawRect(QRectF(cx - s / 2, cy - s / 2, s, s))
        if cv.guides:
            self._guides(p, cv.guides, cover.width, cover.height)
        if cv.gaps:
            self._gaps(p, cv.gaps)
        if cv.band is not None:
            p.setPen(QPen(SELECT, 1 / z))
            p.setBrush(QColor(47, 128, 237, 40))
            p.drawRect(QRectF(*cv.band))

    def _safe_area(self, p: QPainter, w: float, h: float) -> None:
        m = SAFE_MARGIN * min(w, h)
        p.setPen(QPen(QColor(255, 36, 66, 180), 0, Qt.PenStyle.DashLine))
        p.drawRect(QRectF(m, m, w - 2 * m, h - 2 * m))
        if h > w * 4 / 3 + 1:  # the feed crops taller covers to 3:4
            h34 = w * 4 / 3
            p.drawRect(QRectF(0, (h - h34) / 2, w, h34))

    def _guides(self, p: QPainter, guides: list[Guide], w: float, h: float) -> None:
        """Alignment guides across the cover: a magenta line on a white halo."""
        lines = [QLineF(g.pos, 0, g.pos, h) if g.orientation == "v" else QLineF(0, g.pos, w, g.pos) for g in guides]
        for pen in (cosmetic(HALO, GUIDE_PX + 2), cosmetic(GUIDE, GUIDE_PX)):
            p.setPen(pen)
            for line in lines:
                p.drawLine(line)

    def _gaps(self, p: QPainter, gaps: list[Gap]) -> None:
        """Smart spacing: each equal gap as a measured segment with end ticks and its size in px."""
        to_screen = p.transform()
        p.save()
        p.resetTransform()  # ticks and labels in screen pixels
        font = QFont(p.font())
        font.setPixelSize(11)
        font.setBold(True)
        p.setFont(font)
        fm = QFontMetricsF(font)
        for g in gaps:
            if g.orientation == "h":
                a, b = to_screen.map(QPointF(g.start, g.at)), to_screen.map(QPointF(g.end, g.at))
                ticks = [QLineF(pt.x(), pt.y() - TICK_PX / 2, pt.x(), pt.y() + TICK_PX / 2) for pt in (a, b)]
            else:
                a, b = to_screen.map(QPointF(g.at, g.start)), to_screen.map(QPointF(g.at, g.end))
                ticks = [QLineF(pt.x() - TICK_PX / 2, pt.y(), pt.x() + TICK_PX / 2, pt.y()) for pt in (a, b)]
            for pen in (cosmetic(HALO, GUIDE_PX + 2), cosmetic(GUIDE, GUIDE_PX)):
                p.setPen(pen)
                p.drawLine(QLineF(a, b))
                for t in ticks:
                    p.drawLine(t)
            text = f"{round(g.size)}"
            c = (a + b) / 2
            box = QRectF(0, 0, fm.horizontalAdvance(text) + 8, fm.height() + 2)
            box.moveCenter(c + (QPointF(0, -box.height() / 2 - 3) if g.orientation == "h"
                                else QPointF(box.width() / 2 + 3, 0)))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(GUIDE)
            p.drawRoundedRect(box, 3, 3)
            p.setPen(QColor("white"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.restore()
