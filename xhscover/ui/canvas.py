"""The cover canvas: one pixmap item showing what export renders, plus an overlay for handles.

The picture is `render_cover` at the view's zoom (re-rendered on model changes, coalesced). This
class is the view: zoom, pan, rendering, hover, and handing pointer input to the active drag
(`xhscover.ui.interactions`: one class per drag mode). The overlay (`canvas_overlay`) draws the
selection, handles and guides; in-place text editing lives in `inline_text`. Layer geometry is
`xhscover.editing.geometry`, shared with the rest of the editor.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGesture,
    QGestureEvent,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QPinchGesture,
    QTextEdit,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing import geometry as G
from xhscover.editing import rendering
from xhscover.editing import scoring as heat
from xhscover.editing.document import EditorDocument
from xhscover.editing.signals import Connections, connect_all, disconnect_all
from xhscover.editing.snapping import Gap, Guide
from xhscover.errors import XhsError
from xhscover.model.cover import Cover
from xhscover.model.layers import Layer, TextLayer
from xhscover.ui.canvas_overlay import HANDLE_PX, ROTATE_PX, Overlay
from xhscover.ui.inline_text import InlineTextEditor
from xhscover.ui.interactions import DragKeys, Interaction, interaction_for_press, resize_cursor

log = logging.getLogger(__name__)


class CoverCanvas(QGraphicsView):
    zoom_changed = Signal(float)
    color_picked = Signal(str)
    rendered = Signal()
    problem = Signal(str)  # something the user should know that is not worth a dialog (status bar)

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
        self.last_image: Any = None  # QImage of the last render (without the heatmap)
        self.render_scale = 1.0
        self.show_safe_area = False
        self.show_heatmap = False
        self.preview_cover: Cover | None = None  # a 帮我改 suggestion shown instead of the cover (not edited)
        self.hover_id: str | None = None
        self.fit_mode = True
        self.last_render_ms = 0.0
        self.interaction: Interaction | None = None
        self.text_edit = InlineTextEditor(self)
        self._pan: QPointF | None = None
        self._space = False
        self._pick_callback: Callable[[str], None] | None = None
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
        self.cancel_drag()
        self.cancel_text_edit()
        self.doc = doc
        if doc is None:
            return
        connect_all(self._connections())
        self._update_scene_rect()
        self.render_now()
        self.fit()

    def _connections(self) -> Connections:
        d = self.doc
        assert d is not None
        return [(d.changed, self._on_changed), (d.structure_changed, self._on_structure),
                (d.selection_changed, self.overlay_update), (d.current_cover_changed, self._on_cover)]

    def _on_changed(self, cover_id: str, ids: list[str]) -> None:
        if self.doc and cover_id == self.doc.cover_id:
            self.schedule_render()

    def _on_structure(self, cover_id: str) -> None:
        if self.doc and cover_id == self.doc.cover_id:
            self._update_scene_rect()
            self.schedule_render()

    def _on_cover(self, cover_id: str) -> None:
        self.cancel_drag()
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

    # --- what the active drag shows -------------------------------------------------------------
    @property
    def guides(self) -> list[Guide]:
        """Snapping guides of the drag in progress (none when no drag runs)."""
        return self.interaction.guides if self.interaction is not None else []

    @property
    def gaps(self) -> list[Gap]:
        """Smart-spacing matches of the move in progress."""
        return self.interaction.gaps if self.interaction is not None else []

    @property
    def band(self) -> G.Rect | None:
        """The rubber band of a band selection in progress."""
        return self.interaction.band if self.interaction is not None else None

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
        editing = self.text_edit.layer_id
        shown = self.preview_cover or self.doc.cover
        img = rendering.render(shown, self.doc.store, scale=scale,
                               hide={editing} if editing and self.preview_cover is None else None)
        self.last_image = img
        if self.show_heatmap:
            try:
                img = heat.cover_heatmap(img, shown)
            except XhsError as exc:  # e.g. a model file missing: the cover still shows, and we say why
                log.warning("canvas heatmap: %s", exc)
                self.problem.emit(str(exc))
        self.render_scale = scale
        self.cover_item.setPixmap(QPixmap.fromImage(img))
        self.cover_item.setTransform(QTransform.fromScale(1 / scale, 1 / scale))
        self.last_render_ms = (time.perf_counter() - t0) * 1000
        self.overlay_update()
        self.rendered.emit()

    def set_preview(self, cover: Cover | None) -> None:
        """Show `cover` (same size as the document's) instead of the current cover until cleared
        with None; the document is not touched, so the preview is never an edit."""
        self.preview_cover = cover
        self.render_now()

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

    def start_color_pick(self, callback: Callable[[str], None]) -> None:
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift-wheel scrolls
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value())
            return True
        if isinstance(event, QGestureEvent):
            pinch: QGesture | None = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # --- hit testing ----------------------------------------------------------------------------
    def layer_at(self, pos: QPointF) -> Layer | None:
        return G.layer_at(self.doc.cover, (pos.x(), pos.y())) if self.doc is not None else None

    def single_editable(self) -> Layer | None:
        """The one selected layer, when exactly one unlocked layer is selected (it gets handles)."""
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

    def multi_bounds(self) -> G.Rect | None:
        movable = self.multi_editable()
        return G.union(G.rects_of(movable)) if movable else None

    def handle_at(self, pos: G.Point | QPointF) -> G.Handle | None:
        """The handle under a canvas point: rotate/resize of a single layer, or a group handle."""
        p = (pos.x(), pos.y()) if isinstance(pos, QPointF) else pos
        z = self.zoom()
        single = self.single_editable()
        return G.handle_at(single, None if single is not None else self.multi_bounds(), p,
                           (HANDLE_PX + 4) / z, ROTATE_PX / z)

    # --- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.doc is None:
            return
        if self.text_edit.editor is not None:
            self.commit_text_edit()
        if event.button() == Qt.MouseButton.MiddleButton or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        if self._pick_callback is not None:
            cb, self._pick_callback = self._pick_callback, None
            self.viewport().unsetCursor()
            color = self.sample_color(pos)
            if color:
                cb(color)
                self.color_picked.emit(color)
            return
        self.cancel_drag()
        self.interaction = interaction_for_press(self, self.doc, (pos.x(), pos.y()), event.modifiers())
        if self.interaction is not None and self.interaction.cursor is not None:
            self.viewport().setCursor(self.interaction.cursor)
        self.overlay_update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.doc is None:
            return
        if self._pan is not None:
            d = event.position() - self._pan
            self._pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(d.y()))
            return
        pos = self.mapToScene(event.position().toPoint())
        if self.interaction is None:
            self._hover(pos)
            return
        self.interaction.move((pos.x(), pos.y()), DragKeys.from_qt(event.modifiers()))
        self.overlay_update()

    def _hover(self, pos: QPointF) -> None:
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
            self.viewport().setCursor(Qt.CursorShape.CrossCursor if h.kind == "rotate" else resize_cursor(h))
        else:
            self.viewport().setCursor(Qt.CursorShape.SizeAllCursor if hit else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            return
        self.end_drag()
        super().mouseReleaseEvent(event)

    def drag_to(self, pos: QPointF, *, snap: bool = True, shift: bool = False) -> None:
        """Continue the current drag to a canvas point (public so tests and benchmarks can drive it)."""
        if self.interaction is not None:
            self.interaction.move((pos.x(), pos.y()), DragKeys(snap=snap, shift=shift))
            self.overlay_update()

    def end_drag(self) -> None:
        """Release: the gesture's merged command is already on the stack: one drag, one step."""
        if self.interaction is not None:
            self.interaction.finish()
            self.interaction = None
        self.overlay_update()

    def cancel_drag(self) -> None:
        """Escape during a drag: the model goes back to how it was at the press."""
        if self.interaction is not None:
            self.interaction.cancel()
            self.interaction = None
            self.overlay_update()

    def begin_drag_at(self, pos: QPointF, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """Press at a canvas point (for tests/benchmarks that drive the canvas without a mouse)."""
        vp = self.mapFromScene(pos)
        ev = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(QPoint(vp)), self.viewport().mapToGlobal(vp).toPointF(),
                         Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, modifiers)
        self.mousePressEvent(ev)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.doc is None:
            return
        hit = self.layer_at(self.mapToScene(event.position().toPoint()))
        if isinstance(hit, TextLayer):
            self.start_text_edit(hit.id)
            return
        super().mouseDoubleClickEvent(event)

    # --- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.interaction is not None:
                self.cancel_drag()
            elif self._pick_callback is not None:
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

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
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

    # --- in-place text editing (xhscover.ui.inline_text) -------------------------------------------
    def start_text_edit(self, layer_id: str) -> QTextEdit:
        """A floating editor over the text box; the layer is hidden from the render meanwhile."""
        return self.text_edit.start(layer_id)

    def commit_text_edit(self) -> None:
        self.text_edit.commit()

    def cancel_text_edit(self) -> None:
        self.text_edit.cancel()

    @property
    def text_editor(self) -> QTextEdit | None:
        return self.text_edit.editor
