"""In-place text editing: a text box floating over a text layer on the canvas.

While it is open the layer is left out of the canvas render (the editor shows the text instead);
Ctrl+Enter or clicking elsewhere commits one undo step, Escape cancels. Kept apart from the canvas
so richer editing (styled runs) can grow here without touching the drag interactions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from xhscover.editing import commands as C
from xhscover.model.layers import TextLayer
from xhscover.render.fonts import make_qfont

if TYPE_CHECKING:
    from xhscover.ui.canvas import CoverCanvas


class InlineTextEditor(QObject):
    """Owns at most one floating editor over the canvas viewport."""

    def __init__(self, canvas: CoverCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.editor: QPlainTextEdit | None = None
        self.layer_id: str | None = None

    def start(self, layer_id: str) -> QPlainTextEdit:
        cv = self.canvas
        doc = cv.doc
        assert doc is not None
        self.cancel()
        lay = doc.cover.layer(layer_id)
        assert isinstance(lay, TextLayer)
        doc.set_selection([layer_id])
        self.layer_id = layer_id
        ed = QPlainTextEdit(cv.viewport())
        ed.setObjectName("inlineTextEditor")
        ed.setPlainText(lay.text)
        ed.setFont(make_qfont(lay.style.family, lay.style.weight, max(8, int(min(lay.style.size, lay.h) * cv.zoom()))))
        ed.setStyleSheet("QPlainTextEdit { background: rgba(255,255,255,225); color: #1A1A1A;"
                         " border: 2px solid #2F80ED; }")
        r = cv.mapFromScene(QRectF(lay.x, lay.y, lay.w, lay.h)).boundingRect()
        ed.setGeometry(r.adjusted(-4, -4, 4, 4))
        ed.installEventFilter(self)
        ed.show()
        ed.setFocus()
        ed.selectAll()
        self.editor = ed
        cv.render_now()
        return ed

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.editor:
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
                if event.key() == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                        event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.commit()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self.commit)
        return super().eventFilter(obj, event)

    def commit(self) -> None:
        ed, lid, doc = self.editor, self.layer_id, self.canvas.doc
        if ed is None or lid is None or doc is None:
            return
        text = ed.toPlainText()
        self._close()
        lay = next((lay for lay in doc.cover.layers if lay.id == lid), None)  # deleted meanwhile: nothing to do
        if isinstance(lay, TextLayer) and lay.text != text:
            doc.push(C.SetProps(doc, {lid: {"text": text}}, C.tr("Edit text")))
        self.canvas.render_now()

    def cancel(self) -> None:
        if self.editor is not None:
            self._close()
            self.canvas.render_now()

    def _close(self) -> None:
        ed = self.editor
        self.editor = None
        self.layer_id = None
        if ed is not None:
            ed.removeEventFilter(self)
            ed.hide()
            ed.deleteLater()
            self.canvas.setFocus()
