"""Scenarios run in a child process on a real X server (see test_window_xvfb.py): the app's real
window, real key presses through Qt's shortcut map, results printed as one JSON line.

Run one by hand: DISPLAY=:99 QT_QPA_PLATFORM=xcb python -m tests.ui.xvfb_scenarios redo_keys
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WARNINGS: list[str] = []


def _record(mode: QtMsgType, _ctx: object, msg: str) -> None:
    if mode != QtMsgType.QtDebugMsg:
        WARNINGS.append(msg)


def _window(lang: str = "zh_CN", layout: str = "big-title-red", size: tuple[int, int] = (1280, 800)) -> Any:
    from xhscover.editing import rendering
    from xhscover.editing.settings import Settings
    from xhscover.ui.app import install_translations
    from xhscover.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["xhscover"])
    qInstallMessageHandler(_record)
    rendering.ensure_gui()
    install_translations(app, lang)
    win = MainWindow(Settings())
    win.auto_score = False
    win._update_scoring_enabled()
    win.resize(*size)
    win.show()
    if layout:
        win.new_from_layout(layout, "3:4")
    QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    QTest.qWait(300)
    return win


def redo_keys() -> dict[str, Any]:
    """Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y pressed on the focused canvas, as a user would."""
    from xhscover.editing import commands as C

    win = _window()
    doc = win.doc
    title = next(t for t in doc.cover.text_layers() if t.role == "title")
    doc.push(C.SetProps(doc, {title.id: {"text": "第一次"}}))
    doc.push(C.SetProps(doc, {title.id: {"text": "第二次"}}))
    win.canvas.setFocus()
    QTest.qWait(50)
    out: dict[str, Any] = {"start": doc.undo_stack.index()}
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, ctrl)
    out["after_ctrl_z"] = doc.undo_stack.index()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, ctrl | shift)
    out["after_ctrl_shift_z"] = doc.undo_stack.index()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, ctrl)
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, ctrl)
    out["after_two_undos"] = doc.undo_stack.index()
    QTest.keyClick(win.canvas, Qt.Key.Key_Y, ctrl)
    out["after_ctrl_y"] = doc.undo_stack.index()
    # from a text field of the properties panel the same keys still reach the document's stack
    QTest.keyClick(win.props, Qt.Key.Key_Y, ctrl)
    out["after_ctrl_y_in_panel"] = doc.undo_stack.index()
    out["title"] = title.text
    return out


SCENARIOS = {"redo_keys": redo_keys}


def main(name: str) -> None:
    result = SCENARIOS[name]()
    result["warnings"] = WARNINGS
    print("RESULT " + json.dumps(result, ensure_ascii=False))
    sys.stdout.flush()
    from xhscover.ui.main_window import MainWindow

    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.doc is not None:
            w.doc.undo_stack.setClean()  # closing must not ask whether to save
            w.close()


if __name__ == "__main__":
    main(sys.argv[1])
