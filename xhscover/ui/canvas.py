"""The cover canvas: one pixmap item showing what export renders, plus an overlay for handles.

The picture is `render_cover` at the view's zoom (re-rendered on model changes, coalesced); the overlay
draws selection boxes, resize/rotate handles, snapping guides, the rubber band and the safe area.
All edits go through undo commands; one drag pushes commands sharing a gesture token (= one step).
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QPlainTextEdit,
    QStyleOptionGraphicsItem,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing import rendering
from xhscover.editing import scoring as heat
from xhscover.editing.document import EditorDocument
from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.editing.snapping import Guide, snap_edges, snap_rect
from xhscover.model.layers import ImageLayer, Layer, TextLayer

SELECT = QColor("#2F80ED")
GUIDE = QColor("#FF2DAA")
HANDLE_PX = 9
ROTATE_PX = 28
SNAP_PX = 6
SAFE_MARGIN = 0.06  # fraction of the short side kept free of important content


def layer_transform(lay: Layer) -> QTransform:
    """Local (centre-origin) -> canvas coordinates."""
    t = QTransform()
    t.translate(lay.x + lay.w / 2, lay.y + lay.h / 2)
    t.rotate(lay.rotation)
    return t


def layer_polygon(lay: Layer):
    return layer_transform(lay).map(QRectF(-lay.w / 2, -lay.h / 2, lay.w, lay.h))


def layer_bounds(lay: Layer) -> tuple[float, float, float, float]:
    r = layer_polygon(lay).boundingRect()
    return (r.x(), r.y(), r.width(), r.height())


HANDLES = [(-1, -1), (0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0)]


class Overlay(QGraphicsItem):
    """Selection, handles, guides, rubber band, safe area: drawn in canvas coordinates."""

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
        frame = QPen(QColor(0, 0, 0, 40), 0)
        p.setPen(frame)
        p.drawRect(QRectF(0, 0, cover.width, cover.height))
        if cv.show_safe_area:
            m = SAFE_MARGIN * min(cover.width, cover.height)
            pen = QPen(QColor(255, 36, 66, 180), 0, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawRect(QRectF(m, m, cover.width - 2 * m, cover.height - 2 * m))
            if cover.height > cover.width * 4 / 3 + 1:  # the feed crops taller covers to 3:4
                h34 = cover.width * 4 / 3
                p.drawRect(QRectF(0, (cover.height - h34) / 2, cover.width, h34))
        sel = doc.selected_layers()
        pen = QPen(SELECT, 1.5 / z)
        for lay in sel:
            p.setPen(pen if not lay.locked else QPen(QColor(150, 150, 150), 1.5 / z, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(layer_polygon(lay))
        if cv.hover_id and cv.hover_id not in doc.selection:
            try:
                lay = cover.layer(cv.hover_id)
                p.setPen(QPen(QColor(47, 128, 237, 140), 1 / z))
                p.drawPolygon(layer_polygon(lay))
            except KeyError:
                pass
        single = cv.single_editable()
        if single is not None:
            t = layer_transform(single)
            s = HANDLE_PX / z
            p.setPen(QPen(SELECT, 1.2 / z))
            p.setBrush(QBrush(Qt.GlobalColor.white))
            for hx, hy in HANDLES:
                c = t.map(QPointF(hx * single.w / 2, hy * single.h / 2))
                p.drawRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s))
            top = t.map(QPointF(0, -single.h / 2))
            rot = t.map(QPointF(0, -single.h / 2 - ROTATE_PX / z))
            p.drawLine(top, rot)
            p.drawEllipse(rot, s / 1.6, s / 1.6)
        multi = cv.multi_bounds()
        if multi is not None:
            bx, by, bw, bh = multi
            s = HANDLE_PX / z
            p.setPen(QPen(SELECT, 1 / z, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(bx, by, bw, bh))
            p.setPen(QPen(SELECT, 1.2 / z))
            p.setBrush(QBrush(Qt.GlobalColor.white))
            for hx, hy in HANDLES:
                cx, cy = bx + (hx + 1) * bw / 2, by + (hy + 1) * bh / 2
                p.drawRect(QRectF(cx - s / 2, cy - s / 2, s, s))
        if cv.guides:
            p.setPen(QPen(GUIDE, 1 / z))
            for g in cv.guides:
                if g.orientation == "v":
                    p.drawLine(QPointF(g.pos, -2000), QPointF(g.pos, cover.height + 2000))
                else:
                    p.drawLine(QPointF(-2000, g.pos), QPointF(cover.width + 2000, g.pos))
        if cv.band is not None:
            p.setPen(QPen(SELECT, 1 / z))
            p.setBrush(QColor(47, 128, 237, 40))
            p.drawRect(cv.band)


class CoverCanvas(QGraphicsView):
    zoom_changed = Signal(float)
    color_picked = Signal(str)
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: EditorDocument | None = None
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor("#E9E9EC"))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pan: space-drag / middle
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setAcceptDrops(False)  # the main window takes drops
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.cover_item = QGraphicsPixmapItem()
        self.cover_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.cover_item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.scene().addItem(self.cover_item)
        self.overlay = Overlay(self)
        self.scene().addItem(self.overlay)
        self.last_image = None
        self.render_scale = 1.0
        self.show_safe_area = False
        self.show_heatmap = False
        self.guides: list[Guide] = []
        self.band: QRectF | None = None
        self.hover_id: str | None = None
        self.fit_mode = True
        self.last_render_ms = 0.0
        self._drag: dict | None = None
        self._pan: QPointF | None = None
        self._space = False
        self._pick_callback = None
        self._editor: QPlainTextEdit | None = None
        self._editing_id: str | None = None
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_now)
        self._zoom_timer = QTimer(self)
        self._zoom_timer.setSingleShot(True)
        self._zoom_timer.setInterval(120)
        self._zoom_timer.timeout.connect(self.render_now)

    # --- document -----------------------------------------------------------------------------
    def set_document(self, doc: EditorDocument | None) -> None:
        if self.doc is not None:
            disconnect_all(self._connections())
        self.cancel_text_edit()
        self.doc = doc
        if doc is None:
            return
        connect_all(self._connections())
        self._update_scene_rect()
        self.render_now()
        self.fit()

    def _connections(self):
        d = self.doc
        return [(d.changed, self._on_changed), (d.structure_changed, self._on_structure),
                (d.selection_changed, self.overlay_update), (d.current_cover_changed, self._on_cover)]

    def _on_changed(self, cover_id: str, ids: list) -> None:
        if self.doc and cover_id == self.doc.cover_id:
            self.schedule_render()

    def _on_structure(self, cover_id: str) -> None:
        if self.doc and cover_id == self.doc.cover_id:
            self._update_scene_rect()
            self.schedule_render()

    def _on_cover(self, cover_id: str) -> None:
        self.cancel_text_edit()
        self._update_scene_rect()
        self.render_now()
        if self.fit_mode:
            self.fit()

    def set_heatmap(self, on: bool) -> None:
        self.show_heatmap = bool(on)
        self.render_now()

    def overlay_update(self) -> None:
        self.overlay.update()
        self.viewport().update()

    def _update_scene_rect(self) -> None:
        if self.doc is None:
            return
        c = self.doc.cover
        m = max(c.width, c.height) * 0.35
        rect = QRectF(-m, -m, c.width + 2 * m, c.height + 2 * m)
        self.scene().setSceneRect(rect)
        self.overlay.set_rect(rect)

    # --- rendering ----------------------------------------------------------------------------
    def schedule_render(self) -> None:
        self._render_timer.start()

    def zoom(self) -> float:
        return self.transform().m11()

    def render_now(self) -> None:
        """Render at the on-screen size (capped at 1:1 cover pixels) so edits stay fast."""
        self._render_timer.stop()
        if self.doc is None:
            return
        t0 = time.perf_counter()
        dpr = self.devicePixelRatioF()
        scale = max(0.05, min(1.0, self.zoom() * dpr))
        hide = {self._editing_id} if self._editing_id else None
        img = rendering.render(self.doc.cover, self.doc.store, scale=scale, hide=hide)
        self.last_image = img
        if self.show_heatmap:
            try:
                img = heat.cover_heatmap(img, self.doc.cover)
            except Exception:  # the overlay is an aid: never break editing for it
                pass
        self.render_scale = scale
        self.cover_item.setPixmap(QPixmap.fromImage(img))
        self.cover_item.setTransform(QTransform.fromScale(1 / scale, 1 / scale))
        self.last_render_ms = (time.perf_counter() - t0) * 1000
        self.overlay_update()
        self.rendered.emit()

    def sample_color(self, scene_pos: QPointF) -> str | None:
        """The rendered canvas colour under a canvas point (what the user sees and exports)."""
        img = self.last_image
        if img is None:
            return None
        x, y = int(scene_pos.x() * self.render_scale), int(scene_pos.y() * self.render_scale)
        if not (0 <= x < img.width() and 0 <= y < img.height()):
            return None
        c = img.pixelColor(x, y)
        return f"#{c.red():02X}{c.green():02X}{c.blue():02X}"

    def start_color_pick(self, callback) -> None:
        """Eyedropper: the next click on the canvas samples the rendered image and calls back."""
        self._pick_callback = callback
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    # --- zoom / pan -----------------------------------------------------------------------------
    def fit(self) -> None:
        if self.doc is None:
            return
        c = self.doc.cover
        vw, vh = max(1, self.viewport().width() - 40), max(1, self.viewport().height() - 40)
        self.set_zoom(min(vw / c.width, vh / c.height), keep_fit=True)
        self.centerOn(c.width / 2, c.height / 2)

    def set_zoom(self, z: float, keep_fit: bool = False) -> None:
        z = max(0.05, min(8.0, z))
        self.fit_mode = keep_fit
        self.setTransform(QTransform.fromScale(z, z))
        self.zoom_changed.emit(z)
        self._zoom_timer.start()
        self.overlay_update()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift-wheel scrolls
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value())
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # --- hit testing ----------------------------------------------------------------------------
    def layer_at(self, pos: QPointF) -> Layer | None:
        if self.doc is None:
            return None
        for lay in reversed(self.doc.cover.layers):
            if not lay.visible or lay.locked:
                continue
            inv, ok = layer_transform(lay).inverted()
            q = inv.map(pos)
            if abs(q.x()) <= lay.w / 2 and abs(q.y()) <= lay.h / 2:
                return lay
        return None

    def single_editable(self) -> Layer | None:
        if self.doc is None:
            return None
        sel = self.doc.selected_layers()
        if len(sel) == 1 and not sel[0].locked:
            return sel[0]
        return None

    def multi_editable(self) -> list[Layer]:
        """The unlocked layers of a selection of two or more, which the bounds handles resize together."""
        if self.doc is None:
            return []
        sel = self.doc.selected_layers()
        movable = [lay for lay in sel if not lay.locked] if len(sel) > 1 else []
        return movable if len(movable) > 1 else []

    def multi_bounds(self) -> tuple[float, float, float, float] | None:
        movable = self.multi_editable()
        return _union([layer_bounds(lay) for lay in movable]) if movable else None

    def handle_at(self, pos: QPointF) -> tuple | None:
        """('rotate',) or ('resize', hx, hy) under the point, for a single selected layer;
        ('resize_multi', hx, hy) on the bounds of a multi-selection."""
        z = self.zoom()
        tol = (HANDLE_PX + 4) / z
        lay = self.single_editable()
        if lay is None:
            bounds = self.multi_bounds()
            if bounds is None:
                return None
            bx, by, bw, bh = bounds
            for hx, hy in HANDLES:
                cx, cy = bx + (hx + 1) * bw / 2, by + (hy + 1) * bh / 2
                if abs(cx - pos.x()) <= tol / 2 + 1 and abs(cy - pos.y()) <= tol / 2 + 1:
                    return ("resize_multi", hx, hy)
            return None
        t = layer_transform(lay)
        rot = t.map(QPointF(0, -lay.h / 2 - ROTATE_PX / z))
        if math.dist((rot.x(), rot.y()), (pos.x(), pos.y())) <= tol:
            return ("rotate",)
        for hx, hy in HANDLES:
            c = t.map(QPointF(hx * lay.w / 2, hy * lay.h / 2))
            if abs(c.x() - pos.x()) <= tol / 2 + 1 and abs(c.y() - pos.y()) <= tol / 2 + 1:
                return ("resize", hx, hy)
        return None

    def _others(self, exclude: set[str]) -> list[tuple[float, float, float, float]]:
        return [layer_bounds(lay) for lay in self.doc.cover.layers if lay.visible and lay.id not in exclude]

    # --- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if self.doc is None:
            return
        if self._editor is not None:
            self.commit_text_edit()
        if event.button() == Qt.MouseButton.MiddleButton or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = self.mapToScene(event.position().toPoint())
        if self._pick_callback is not None:
            cb, self._pick_callback = self._pick_callback, None
            self.viewport().unsetCursor()
            color = self.sample_color(pos)
            if color:
                cb(color)
                self.color_picked.emit(color)
            return
        doc = self.doc
        handle = self.handle_at(pos)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if handle is not None and handle[0] == "resize_multi":
            movable = self.multi_editable()
            self._drag = {"mode": "resize_multi", "handle": handle, "start": pos, "gesture": doc.new_gesture(),
                          "moved": False, "bounds": _union([layer_bounds(lay) for lay in movable]),
                          "orig": {lay.id: (lay.x, lay.y, lay.w, lay.h) for lay in movable}}
            return
        if handle is not None:
            lay = self.single_editable()
            self._drag = {"mode": handle[0], "handle": handle, "start": pos, "layer": lay.id,
                          "geom": (lay.x, lay.y, lay.w, lay.h, lay.rotation), "gesture": doc.new_gesture(),
                          "moved": False}
            return
        hit = self.layer_at(pos)
        if (hit is not None and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and isinstance(hit, ImageLayer) and hit.fit == "cover"):
            doc.set_selection([hit.id])
            self._drag = {"mode": "focal", "start": pos, "layer": hit.id, "focal": tuple(hit.focal),
                          "gesture": doc.new_gesture(), "moved": False, "span": self._focal_span(hit)}
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if hit is None:
            if not shift:
                doc.set_selection([])
            self._drag = {"mode": "band", "start": pos, "base": doc.selection if shift else []}
            return
        group = doc.expand_groups([hit.id])
        if shift:
            sel = doc.selection
            if hit.id in sel:
                doc.set_selection([i for i in sel if i not in group])
                return
            doc.set_selection(sel + group)
        elif hit.id not in doc.selection:
            doc.set_selection(group)
        movable = [lay for lay in doc.selected_layers() if not lay.locked]
        self._drag = {"mode": "move", "start": pos, "gesture": doc.new_gesture(), "moved": False,
                      "orig": {lay.id: (lay.x, lay.y) for lay in movable},
                      "bounds": _union([layer_bounds(lay) for lay in movable])}

    def mouseMoveEvent(self, event) -> None:
        if self.doc is None:
            return
        if self._pan is not None:
            d = event.position() - self._pan
            self._pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(d.y()))
            return
        pos = self.mapToScene(event.position().toPoint())
        drag = self._drag
        if drag is None:
            hit = self.layer_at(pos)
            hid = hit.id if hit else None
            if hid != self.hover_id:
                self.hover_id = hid
                self.overlay_update()
            h = self.handle_at(pos)
            if self._pick_callback is not None:
                self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            elif self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            elif h is not None:
                self.viewport().setCursor(Qt.CursorShape.CrossCursor if h[0] == "rotate" else _resize_cursor(h))
            else:
                self.viewport().setCursor(Qt.CursorShape.SizeAllCursor if hit else Qt.CursorShape.ArrowCursor)
            return
        snap = not (event.modifiers() & Qt.KeyboardModifier.AltModifier)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.drag_to(pos, snap=snap, shift=shift)

    def drag_to(self, pos: QPointF, *, snap: bool = True, shift: bool = False) -> None:
        """Continue the current drag to a canvas point (public so tests and benchmarks can drive it)."""
        drag = self._drag
        doc = self.doc
        if drag is None or doc is None:
            return
        start: QPointF = drag["start"]
        dx, dy = pos.x() - start.x(), pos.y() - start.y()
        z = self.zoom()
        if drag["mode"] == "band":
            self.band = QRectF(start, pos).normalized()
            hits = [lay.id for lay in doc.cover.layers if lay.visible and not lay.locked
                    and self.band.intersects(QRectF(*layer_bounds(lay)))]
            doc.set_selection(list(dict.fromkeys(drag["base"] + doc.expand_groups(hits))))
            self.overlay_update()
            return
        if not drag["moved"] and math.hypot(dx, dy) * z < 3:
            return
        drag["moved"] = True
        cover = doc.cover
        if drag["mode"] == "focal":
            lay = cover.layer(drag["layer"])
            rad = math.radians(lay.rotation)  # the drag in the layer's own axes
            lx = dx * math.cos(rad) + dy * math.sin(rad)
            ly = -dx * math.sin(rad) + dy * math.cos(rad)
            sw, sh = drag["span"]
            fx0, fy0 = drag["focal"]
            # the picture follows the hand: moving it right shows more of its left side
            fx = fx0 - lx / sw if sw > 0 else fx0
            fy = fy0 - ly / sh if sh > 0 else fy0
            doc.push(C.set_focal(doc, lay.id, (fx, fy), gesture=drag["gesture"]))
            return
        if drag["mode"] == "move":
            if not drag["orig"]:
                return
            bx, by, bw, bh = drag["bounds"]
            self.guides = []
            if snap:
                (nx, ny, _, _), self.guides = snap_rect((bx + dx, by + dy, bw, bh), (cover.width, cover.height),
                                                        self._others(set(drag["orig"])), SNAP_PX / z)
                dx, dy = nx - bx, ny - by
            changes = {i: {"x": round(x + dx, 2), "y": round(y + dy, 2)} for i, (x, y) in drag["orig"].items()}
            doc.push(C.SetProps(doc, changes, C.tr("Move"), gesture=drag["gesture"]))
        elif drag["mode"] == "rotate":
            x, y, w, h, _ = drag["geom"]
            c = QPointF(x + w / 2, y + h / 2)
            ang = math.degrees(math.atan2(pos.y() - c.y(), pos.x() - c.x())) + 90
            if shift:
                ang = round(ang / 15) * 15
            elif abs(ang - round(ang / 90) * 90) < 4:
                ang = round(ang / 90) * 90
            ang = (ang + 180) % 360 - 180
            doc.push(C.SetProps(doc, {drag["layer"]: {"rotation": round(ang, 2)}}, C.tr("Rotate"),
                                gesture=drag["gesture"]))
        elif drag["mode"] == "resize_multi":
            self._resize_multi(drag, pos, snap, shift)
        else:
            self._resize(drag, pos, snap, shift)
        self.overlay_update()

    def _resize_multi(self, drag: dict, pos: QPointF, snap: bool, shift: bool) -> None:
        """Scale every selected box about the selection's bounds; corners keep the group's aspect
        (Shift frees it), so a resized group looks like the same design, just larger or smaller."""
        doc = self.doc
        _, hx, hy = drag["handle"]
        bx, by, bw, bh = drag["bounds"]
        bw, bh = max(bw, 1e-6), max(bh, 1e-6)
        left, right, top, bottom = bx, bx + bw, by, by + bh
        if hx == 1:
            right = max(pos.x(), left + 8)
        elif hx == -1:
            left = min(pos.x(), right - 8)
        if hy == 1:
            bottom = max(pos.y(), top + 8)
        elif hy == -1:
            top = min(pos.y(), bottom - 8)
        keep_aspect = hx != 0 and hy != 0 and not shift
        if keep_aspect:
            k = max((right - left) / bw, (bottom - top) / bh)
            if hx == 1:
                right = left + bw * k
            else:
                left = right - bw * k
            if hy == 1:
                bottom = top + bh * k
            else:
                top = bottom - bh * k
        rect = (left, top, right - left, bottom - top)
        self.guides = []
        if snap and not keep_aspect:
            edges = {e for e, v in (("l", hx == -1), ("r", hx == 1), ("t", hy == -1), ("b", hy == 1)) if v}
            cover = doc.cover
            rect, self.guides = snap_edges(rect, edges, (cover.width, cover.height), self._others(set(drag["orig"])),
                                           SNAP_PX / self.zoom())
        nx, ny, nw, nh = rect
        sx, sy = nw / bw, nh / bh
        changes: C.Changes = {}
        for i, (x, y, w, h) in drag["orig"].items():
            cx, cy = nx + (x + w / 2 - bx) * sx, ny + (y + h / 2 - by) * sy
            lw, lh = max(1.0, w * sx), max(1.0, h * sy)
            changes[i] = {"x": round(cx - lw / 2, 2), "y": round(cy - lh / 2, 2), "w": round(lw, 2), "h": round(lh, 2)}
        doc.push(C.SetProps(doc, changes, C.tr("Resize"), gesture=drag["gesture"]))

    def _resize(self, drag: dict, pos: QPointF, snap: bool, shift: bool) -> None:
        doc = self.doc
        _, hx, hy = drag["handle"]
        x, y, w, h, rot = drag["geom"]
        lay = doc.cover.layer(drag["layer"])
        c0 = QPointF(x + w / 2, y + h / 2)
        t = QTransform().rotate(-rot)
        m = t.map(pos - c0)
        left, right, top, bottom = -w / 2, w / 2, -h / 2, h / 2
        if hx == 1:
            right = max(m.x(), left + 8)
        elif hx == -1:
            left = min(m.x(), right - 8)
        if hy == 1:
            bottom = max(m.y(), top + 8)
        elif hy == -1:
            top = min(m.y(), bottom - 8)
        keep_aspect = hx != 0 and hy != 0 and ((lay.kind in ("image", "sticker")) != shift)
        if keep_aspect:
            nw, nh = right - left, bottom - top
            k = max(nw / w, nh / h)
            nw, nh = w * k, h * k
            if hx == 1:
                right = left + nw
            else:
                left = right - nw
            if hy == 1:
                bottom = top + nh
            else:
                top = bottom - nh
        nw, nh = right - left, bottom - top
        cl = QPointF((left + right) / 2, (top + bottom) / 2)
        c = c0 + QTransform().rotate(rot).map(cl)
        rect = (c.x() - nw / 2, c.y() - nh / 2, nw, nh)
        self.guides = []
        if snap and abs(rot) < 0.01 and not keep_aspect:
            edges = {e for e, v in (("l", hx == -1), ("r", hx == 1), ("t", hy == -1), ("b", hy == 1)) if v}
            cover = doc.cover
            rect, self.guides = snap_edges(rect, edges, (cover.width, cover.height), self._others({lay.id}),
                                           SNAP_PX / self.zoom())
        nx, ny, nw, nh = (round(v, 2) for v in rect)
        doc.push(C.SetProps(doc, {lay.id: {"x": nx, "y": ny, "w": nw, "h": nh}}, C.tr("Resize"),
                            gesture=drag["gesture"]))

    def _focal_span(self, lay: ImageLayer) -> tuple[float, float]:
        """How far (canvas px) the cropped picture overflows its box: the focal point's 0..1 range."""
        try:
            iw, ih = self.doc.store.load(lay.src).size
        except Exception:
            return lay.w, lay.h
        s = max(lay.w / max(1, iw), lay.h / max(1, ih))
        return iw * s - lay.w, ih * s - lay.h

    def mouseReleaseEvent(self, event) -> None:
        if self._pan is not None:
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            return
        self.end_drag()
        super().mouseReleaseEvent(event)

    def end_drag(self) -> None:
        """Release: the gesture's merged command is already on the stack: one drag, one step."""
        self._drag = None
        self.guides = []
        self.band = None
        self.overlay_update()

    def begin_drag_at(self, pos: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """Press at a canvas point (for tests/benchmarks that drive the canvas without a mouse)."""
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QMouseEvent

        vp = self.mapFromScene(pos)
        ev = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(QPoint(vp)), self.viewport().mapToGlobal(vp).toPointF(),
                         Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, modifiers)
        self.mousePressEvent(ev)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.doc is None:
            return
        pos = self.mapToScene(event.position().toPoint())
        hit = self.layer_at(pos)
        if isinstance(hit, TextLayer):
            self.start_text_edit(hit.id)
            return
        super().mouseDoubleClickEvent(event)

    # --- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if event.key() == Qt.Key.Key_Escape:
            if self._pick_callback is not None:
                self._pick_callback = None
                self.viewport().unsetCursor()
            elif self.doc:
                self.doc.set_selection([])
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.doc:
            sel = self.doc.selected_layers()
            if len(sel) == 1 and isinstance(sel[0], TextLayer):
                self.start_text_edit(sel[0].id)
                return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def nudge(self, dx: float, dy: float) -> None:
        if self.doc is None:
            return
        ids = [lay.id for lay in self.doc.selected_layers() if not lay.locked]
        if ids:
            self.doc.push(C.nudge(self.doc, ids, dx, dy))

    # --- in-place text editing ------------------------------------------------------------------
    def start_text_edit(self, layer_id: str) -> QPlainTextEdit:
        """A floating editor over the text box; the layer is hidden from the render meanwhile."""
        self.cancel_text_edit()
        doc = self.doc
        lay = doc.cover.layer(layer_id)
        doc.set_selection([layer_id])
        self._editing_id = layer_id
        ed = QPlainTextEdit(self.viewport())
        ed.setObjectName("inlineTextEditor")
        ed.setPlainText(lay.text)
        z = self.zoom()
        try:
            from xhscover.render.fonts import make_qfont

            font = make_qfont(lay.style.family, lay.style.weight, max(8, int(min(lay.style.size, lay.h) * z)))
        except Exception:  # the renderer's fonts may not exist yet; any readable font will do
            font = ed.font()
            font.setPixelSize(max(8, int(min(lay.style.size, lay.h) * z)))
        ed.setFont(font)
        ed.setStyleSheet("QPlainTextEdit { background: rgba(255,255,255,225); color: #1A1A1A;"
                         " border: 2px solid #2F80ED; }")
        r = self.mapFromScene(QRectF(lay.x, lay.y, lay.w, lay.h)).boundingRect()
        ed.setGeometry(r.adjusted(-4, -4, 4, 4))
        ed.installEventFilter(self)
        ed.show()
        ed.setFocus()
        ed.selectAll()
        self._editor = ed
        self.render_now()
        return ed

    def eventFilter(self, obj, event) -> bool:
        if obj is self._editor:
            if event.type() == QEvent.Type.KeyPress:
                if event.key() == Qt.Key.Key_Escape:
                    self.cancel_text_edit()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                        event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.commit_text_edit()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self.commit_text_edit)
        return super().eventFilter(obj, event)

    def commit_text_edit(self) -> None:
        ed, lid = self._editor, self._editing_id
        if ed is None or self.doc is None:
            return
        text = ed.toPlainText()
        self._close_editor()
        try:
            old = self.doc.cover.layer(lid).text
        except KeyError:
            return
        if text != old:
            self.doc.push(C.SetProps(self.doc, {lid: {"text": text}}, C.tr("Edit text")))
        self.render_now()

    def cancel_text_edit(self) -> None:
        if self._editor is not None:
            self._close_editor()
            self.render_now()

    def _close_editor(self) -> None:
        ed = self._editor
        self._editor = None
        self._editing_id = None
        if ed is not None:
            ed.removeEventFilter(self)
            ed.hide()
            ed.deleteLater()
            self.setFocus()

    @property
    def text_editor(self) -> QPlainTextEdit | None:
        return self._editor


def _union(rects: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    if not rects:
        return (0, 0, 0, 0)
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[0] + r[2] for r in rects)
    y1 = max(r[1] + r[3] for r in rects)
    return (x0, y0, x1 - x0, y1 - y0)


def _resize_cursor(h: tuple) -> Qt.CursorShape:
    _, hx, hy = h
    if hx == 0:
        return Qt.CursorShape.SizeVerCursor
    if hy == 0:
        return Qt.CursorShape.SizeHorCursor
    return Qt.CursorShape.SizeFDiagCursor if hx == hy else Qt.CursorShape.SizeBDiagCursor

