"""In-place text editing: a text box floating over a text layer on the canvas, with a small style bar.

While it is open the layer is left out of the canvas render (the editor shows the text instead);
Ctrl+Enter or clicking elsewhere commits one undo step, Escape cancels. Selecting part of the text
and clicking the style bar (colour, larger/smaller, marker, outline, plain) styles those characters
as a run of the layer (`xhscover.model.runs`): the text typed so far is committed first, then the
style, each one undo step, and the editor shows the runs as character formats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QWidget

from xhscover.editing import commands as C
from xhscover.model.layers import TextLayer
from xhscover.model.runs import MAX_SCALE, MIN_SCALE
from xhscover.model.styles import Highlight, Stroke, TextRun
from xhscover.render.fonts import make_qfont
from xhscover.render.text import layout_text

if TYPE_CHECKING:
    from xhscover.ui.canvas import CoverCanvas

SWATCHES = ("#FF2442", "#FFE45C", "#FFFFFF", "#1A1A1A", "#2F80ED")  # XHS red, marker yellow, white, ink, blue
MARKER = "#FFE45C"
STEP = 1.25  # one click on larger / smaller


def utf16_to_index(text: str, pos: int) -> int:
    """Qt counts UTF-16 units (an emoji is 2); the model counts characters."""
    units = 0
    for i, ch in enumerate(text):
        if units >= pos:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text[:index])


class StyleBar(QWidget):
    """Buttons that style the selected characters; they never take focus, so the editor stays open."""

    def __init__(self, owner: InlineTextEditor, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("inlineStyleBar")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#inlineStyleBar { background: #FFFFFF; border: 1px solid #2F80ED; border-radius: 4px; }"
                           " QToolButton { min-width: 22px; min-height: 22px; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}

        def button(key: str, text: str, tip: str, action: Any) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(f"style:{key}")
            b.setText(text)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(action)
            lay.addWidget(b)
            self.buttons[key] = b
            return b

        for color in SWATCHES:
            b = button(f"color{color}", "", self.tr("Colour of the selected characters"),
                       lambda _=False, c=color: owner.style_selection(color=c))
            b.setStyleSheet(f"background: {color}; border: 1px solid #999; border-radius: 3px;")
        button("larger", "A+", self.tr("Larger"), lambda: owner.scale_selection(STEP))
        button("smaller", "A−", self.tr("Smaller"), lambda: owner.scale_selection(1 / STEP))
        button("marker", self.tr("Marker"), self.tr("Marker pen under the selected characters"), owner.toggle_marker)
        button("outline", self.tr("Outline"), self.tr("White outline around the selected characters"),
               owner.toggle_outline)
        button("plain", self.tr("Plain"), self.tr("Back to the text's own style"), owner.clear_selection_style)


class InlineTextEditor(QObject):
    """Owns at most one floating editor (and its style bar) over the canvas viewport."""

    def __init__(self, canvas: CoverCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.editor: QTextEdit | None = None
        self.bar: StyleBar | None = None
        self.layer_id: str | None = None
        self._base_px = 16

    def start(self, layer_id: str) -> QTextEdit:
        cv = self.canvas
        doc = cv.doc
        assert doc is not None
        self.cancel()
        lay = doc.cover.layer(layer_id)
        assert isinstance(lay, TextLayer)
        doc.set_selection([layer_id])
        self.layer_id = layer_id
        ed = QTextEdit(cv.viewport())
        ed.setObjectName("inlineTextEditor")
        ed.setAcceptRichText(False)  # pasted text arrives plain; styles are runs, made with the bar
        # the size the canvas draws (after auto-fit), so the text wraps in the editor as it does on the cover
        self._base_px = max(8, int(min(layout_text(lay).size, lay.h) * cv.zoom()))
        ed.setFont(make_qfont(lay.style.family, lay.style.weight, self._base_px))
        ed.setPlainText(lay.text)
        ed.setStyleSheet("QTextEdit { background: rgba(255,255,255,225); color: #1A1A1A;"
                         " border: 2px solid #2F80ED; }")
        r = cv.mapFromScene(QRectF(lay.x, lay.y, lay.w, lay.h)).boundingRect()
        ed.setGeometry(r.adjusted(-4, -4, 4, 4))
        ed.installEventFilter(self)
        self.editor = ed
        self._show_runs(lay.runs)
        bar = StyleBar(self, cv.viewport())
        bar.adjustSize()
        top = ed.geometry().top() - bar.height() - 4
        bar.move(max(0, min(ed.geometry().left(), cv.viewport().width() - bar.width())),
                 top if top >= 0 else ed.geometry().bottom() + 4)
        bar.show()
        self.bar = bar
        ed.show()
        ed.setFocus()
        ed.selectAll()
        cv.render_now()
        return ed

    # --- styling the selection ---------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        ed = self.editor
        if ed is None:
            return None
        cur = ed.textCursor()
        if not cur.hasSelection():
            return None
        text = ed.toPlainText()
        return utf16_to_index(text, cur.selectionStart()), utf16_to_index(text, cur.selectionEnd())

    def _layer(self) -> TextLayer | None:
        doc = self.canvas.doc
        lay = next((x for x in doc.cover.layers if x.id == self.layer_id), None) if doc else None
        return lay if isinstance(lay, TextLayer) else None

    def _run_at(self, pos: int) -> TextRun | None:
        lay = self._layer()
        return next((r for r in lay.runs if r.start <= pos < r.end), None) if lay else None

    def style_selection(self, **changes: Any) -> bool:
        """Commit the text typed so far, then style the selected characters: True if anything changed."""
        sel, doc, lid, ed = self._selection(), self.canvas.doc, self.layer_id, self.editor
        if sel is None or doc is None or lid is None or ed is None:
            return False
        text_cmd = C.set_text(doc, lid, ed.toPlainText())
        if text_cmd is not None:
            doc.push(text_cmd)
        cmd = C.style_text_range(doc, lid, sel[0], sel[1], **changes)
        if cmd is not None:
            doc.push(cmd)
        lay = self._layer()
        if lay is not None:
            self._show_runs(lay.runs)
        return cmd is not None

    def scale_selection(self, factor: float) -> bool:
        sel = self._selection()
        if sel is None:
            return False
        run = self._run_at(sel[0])
        scale = round(min(MAX_SCALE, max(MIN_SCALE, (run.scale if run else 1.0) * factor)), 3)
        return self.style_selection(scale=1.0 if abs(scale - 1.0) < 0.02 else scale)

    def toggle_marker(self) -> bool:
        sel = self._selection()
        run = self._run_at(sel[0]) if sel else None
        return self.style_selection(highlight=None if run and run.highlight else Highlight(MARKER))

    def toggle_outline(self) -> bool:
        sel = self._selection()
        run = self._run_at(sel[0]) if sel else None
        return self.style_selection(strokes=None if run and run.strokes else [Stroke("#FFFFFF", 8.0)])

    def clear_selection_style(self) -> bool:
        return self.style_selection(color=None, scale=1.0, strokes=None, highlight=None)

    def _show_runs(self, runs: list[TextRun]) -> None:
        """Mirror the layer's runs as character formats, so the user sees what they styled."""
        ed = self.editor
        if ed is None:
            return
        text = ed.toPlainText()
        cur = QTextCursor(ed.document())
        cur.select(QTextCursor.SelectionType.Document)
        cur.setCharFormat(QTextCharFormat())
        for r in runs:
            fmt = QTextCharFormat()
            if r.color:
                fmt.setForeground(QColor(r.color[:7]))
            if r.scale != 1.0:
                font = ed.font()
                font.setPixelSize(max(6, round(self._base_px * r.scale)))
                fmt.setFont(font)
            if r.highlight:
                fmt.setBackground(QBrush(QColor(r.highlight.color[:7])))
            if r.strokes:
                fmt.setTextOutline(QPen(QColor(r.strokes[-1].color[:7]), 1.0))
            c = QTextCursor(ed.document())
            c.setPosition(index_to_utf16(text, r.start))
            c.setPosition(index_to_utf16(text, r.end), QTextCursor.MoveMode.KeepAnchor)
            c.mergeCharFormat(fmt)

    # --- open / commit / cancel --------------------------------------------------------------------
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
                QTimer.singleShot(0, self._commit_if_unfocused)
        return super().eventFilter(obj, event)

    def _commit_if_unfocused(self) -> None:
        if self.editor is not None and not self.editor.hasFocus():
            self.commit()

    def commit(self) -> None:
        ed, lid, doc = self.editor, self.layer_id, self.canvas.doc
        if ed is None or lid is None or doc is None:
            return
        text = ed.toPlainText()
        self._close()
        lay = next((lay for lay in doc.cover.layers if lay.id == lid), None)  # deleted meanwhile: nothing to do
        if isinstance(lay, TextLayer):
            cmd = C.set_text(doc, lid, text)  # styled runs follow the edit
            if cmd is not None:
                doc.push(cmd)
        self.canvas.render_now()

    def cancel(self) -> None:
        if self.editor is not None:
            self._close()
            self.canvas.render_now()

    def _close(self) -> None:
        ed, bar = self.editor, self.bar
        self.editor = None
        self.bar = None
        self.layer_id = None
        if bar is not None:
            bar.hide()
            bar.deleteLater()
        if ed is not None:
            ed.removeEventFilter(self)
            ed.hide()
            ed.deleteLater()
            self.canvas.setFocus()
