"""Select part of the title while editing it in place and style it: runs, undo, what the canvas draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolButton

from xhscover.model.styles import TextRun
from xhscover.ui.inline_text import index_to_utf16, utf16_to_index

from .panel_helpers import open_layout, role_layer


@pytest.fixture
def win(window):
    return open_layout(window)


def _select(ed, start: int, end: int) -> None:
    text = ed.toPlainText()
    cur = ed.textCursor()
    cur.setPosition(index_to_utf16(text, start))
    cur.setPosition(index_to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    ed.setTextCursor(cur)


def _click(win, name: str) -> None:
    bar = win.canvas.text_edit.bar
    assert bar is not None and bar.isVisible()
    btn = bar.findChild(QToolButton, name)
    assert btn is not None, name
    btn.click()


def test_select_and_style_part_of_the_title(win, qtbot):
    t = role_layer(win, "title")
    ed = win.canvas.start_text_edit(t.id)
    ed.setPlainText("人均800玩转西湖")
    _select(ed, 2, 5)  # 800
    n = win.doc.undo_stack.index()
    _click(win, "style:color#FF2442")
    assert t.text == "人均800玩转西湖"  # the typed text was committed first, then the style
    assert t.runs == [TextRun(2, 5, color="#FF2442")]
    assert win.doc.undo_stack.index() == n + 2
    assert win.canvas.text_editor is ed and ed.isVisible()  # the editor stays open for more
    _select(ed, 7, 9)  # 西湖
    _click(win, "style:larger")
    _click(win, "style:marker")
    assert t.runs[1].start == 7 and t.runs[1].scale == pytest.approx(1.25) and t.runs[1].highlight is not None
    # the editor shows the runs: 800 in red
    cur = QTextCursor(ed.document())
    cur.setPosition(index_to_utf16(ed.toPlainText(), 3))
    assert cur.charFormat().foreground().color().name().upper() == "#FF2442"
    # typing more keeps the runs on their words
    ed.setPlainText("杭州人均800玩转西湖")
    qtbot.keyClick(ed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.canvas.text_editor is None
    assert t.runs[0] == TextRun(4, 7, color="#FF2442") and t.runs[1].start == 9
    # the canvas draws the run: XHS red pixels inside the title box
    win.canvas.render_now()
    img = win.canvas.last_image
    s = win.canvas.render_scale
    found = False
    for y in range(int(t.y * s), int((t.y + t.h) * s), 3):
        for x in range(int(t.x * s), int((t.x + t.w) * s), 3):
            c = img.pixelColor(x, y)
            if abs(c.red() - 255) < 30 and abs(c.green() - 36) < 40 and abs(c.blue() - 66) < 40:
                found = True
                break
        if found:
            break
    assert found
    for _ in range(3):  # the final text, the marker, the larger size
        win.doc.undo_stack.undo()
    assert t.runs == [TextRun(2, 5, color="#FF2442")]


def test_plain_clears_and_nothing_selected_does_nothing(win):
    t = role_layer(win, "title")
    ed = win.canvas.start_text_edit(t.id)
    ed.setPlainText("月薪5千也能存下10万+")
    _select(ed, 0, 4)
    _click(win, "style:outline")
    assert t.runs and t.runs[0].strokes
    _click(win, "style:plain")
    assert t.runs == []
    cur = ed.textCursor()
    cur.clearSelection()
    ed.setTextCursor(cur)
    n = win.doc.undo_stack.index()
    _click(win, "style:larger")
    assert win.doc.undo_stack.index() == n


def test_emoji_offsets():
    text = "🔥人均800"
    assert index_to_utf16(text, 3) == 4 and utf16_to_index(text, 4) == 3
