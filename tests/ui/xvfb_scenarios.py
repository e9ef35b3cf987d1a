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


def _magenta(img: Any, x0: int, y0: int, x1: int, y1: int) -> int:
    """Guide-coloured pixels in a rectangle of a grabbed image (the overlay's magenta, not the covers' reds)."""
    n = 0
    for y in range(max(0, y0), min(img.height(), y1)):
        for x in range(max(0, x0), min(img.width(), x1)):
            c = img.pixelColor(x, y)
            n += c.red() > 200 and c.green() < 90 and c.blue() > 150
    return n


def _drag(win: Any, start: Any, end: Any, steps: int = 12) -> Any:
    """Press at canvas point `start`, move by real mouse events towards `end`, grab the viewport
    while still pressed, and return the grab (the release follows)."""
    from PySide6.QtCore import QPoint, QPointF

    cv = win.canvas
    vp = cv.viewport()
    a, b = cv.mapFromScene(QPointF(*start)), cv.mapFromScene(QPointF(*end))
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, a + QPoint(round((b.x() - a.x()) * i / steps), round((b.y() - a.y()) * i / steps)))
        QTest.qWait(15)
    QTest.qWait(100)
    shot = vp.grab().toImage()
    return shot


def guides() -> dict[str, Any]:
    """Drag the title near the cover's centre line, then a box between two others: the alignment
    guide and the smart-spacing gaps are drawn, in magenta, while the mouse is down."""
    import os

    from PySide6.QtCore import QPointF

    from xhscover.editing import commands as C
    from xhscover.editing import geometry as G

    out_dir = os.environ.get("XHSCOVER_UI_SHOTS", "/tmp/xhs-ui")
    win = _window("en")
    cv, doc = win.canvas, win.doc
    title = next(t for t in doc.cover.text_layers() if t.role == "title")
    cx, cy = G.centre(title)
    grab_from = (cx + 40, cy)  # grab the title 40 px right of its centre
    target = (doc.cover.width / 2 + 40 + 1 / cv.zoom(), cy + 30)  # its centre 1 screen px off the cover's
    shot = _drag(win, grab_from, target)
    shot.save(f"{out_dir}/guide-drag.png")
    r: dict[str, Any] = {"guides": [[g.orientation, g.pos] for g in cv.guides]}
    gx = cv.mapFromScene(QPointF(doc.cover.width / 2, 0)).x()
    top, bottom = cv.mapFromScene(QPointF(0, 0)).y(), cv.mapFromScene(QPointF(0, doc.cover.height)).y()
    r["magenta_on_guide"] = _magenta(shot, gx - 2, top, gx + 3, bottom)
    r["magenta_elsewhere"] = _magenta(shot, gx + 40, top, gx + 45, bottom)
    r["guide_px_tall"] = bottom - top
    QTest.mouseRelease(cv.viewport(), Qt.MouseButton.LeftButton)
    r["centred"] = abs(G.centre(title)[0] - doc.cover.width / 2) < 0.5
    # smart spacing: two shapes in a row and a third dropped nearly half-way between them
    doc.undo_stack.setClean()
    win.new_blank("3:4")
    doc = win.doc
    QTest.qWait(100)
    for x in (20.0, 760.0):  # not symmetric: equal spacing must not coincide with the centre line
        lay = C.new_shape_layer(doc, "rect")
        lay.x, lay.y, lay.w, lay.h = x, 600.0, 220.0, 200.0
        doc.push(C.add_layer(doc, lay))
    mid = C.new_shape_layer(doc, "ellipse")
    mid.x, mid.y, mid.w, mid.h = 420.0, 1000.0, 200.0, 200.0
    doc.push(C.add_layer(doc, mid))
    doc.set_selection([])
    QTest.qWait(100)
    grab_at = G.centre(mid)
    expected_x = (240.0 + 760.0 - 200.0) / 2  # equal gaps of 160 px
    shot = _drag(win, grab_at, (expected_x + 100 + 4, 720.0))
    shot.save(f"{out_dir}/spacing-drag.png")
    r["gaps"] = [[g.orientation, round(g.start, 1), round(g.end, 1)] for g in cv.gaps]
    y = cv.mapFromScene(QPointF(0, 700.0)).y()
    a, b = cv.mapFromScene(QPointF(240.0, 0)).x(), cv.mapFromScene(QPointF(expected_x, 0)).x()
    r["magenta_in_gap"] = _magenta(shot, a + 3, y - 25, b - 3, y + 25)
    QTest.mouseRelease(cv.viewport(), Qt.MouseButton.LeftButton)
    r["spaced_x"] = mid.x
    r["expected_x"] = expected_x
    return r


def shelf_import() -> dict[str, Any]:
    """Two generated screenshots and a chat dropped on the feed dock: the preview dialog reads them
    in the background, is grabbed (shelf-import.png), imports, and the window is grabbed with the
    new shelf in the feed (shelf-imported.png)."""
    import os
    import tempfile
    from pathlib import Path

    from PIL import Image
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from tests.shelfimport import shots

    out_dir = os.environ.get("XHSCOVER_UI_SHOTS", "/tmp/xhs-ui")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    win = _window(size=(1400, 860))  # the application first: the generator draws with Qt
    folder = Path(tempfile.mkdtemp(prefix="xhs-shots-"))
    phone = shots.phone_shot(61, theme="light", page="home", scroll=120.0, overlay="none", device="iphone-15")
    dark = shots.phone_shot(62, theme="dark", page="search", scroll=0.0, overlay="none", device="android-412")
    paths = [folder / "发现页.png", folder / "搜索-深色.jpg", folder / "聊天.png"]
    Image.fromarray(phone.image).save(paths[0])
    Image.fromarray(dark.image).save(paths[1], quality=88)
    Image.fromarray(dict(shots.not_feed_shots())["chat"]).save(paths[2])
    dock = win.feed_panel
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPoint(dock.width() // 2, dock.height() // 2)
    QApplication.sendEvent(dock, QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                                 Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(dock, QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    dlg = win.shelf_dialog
    for _ in range(1200):
        if not dlg.reader.running:
            break
        QTest.qWait(100)
    dlg.resize(1300, 800)
    dlg.table.selectRow(1)
    QTest.qWait(400)
    dlg.grab().save(f"{out_dir}/shelf-import.png")
    rows = dlg.table.rowCount()
    ticked = sum(dlg.ticked().values())
    status = dlg.status.text()
    dlg.import_btn.click()
    QTest.qWait(1500)
    win.grab().save(f"{out_dir}/shelf-imported.png")
    return {"rows": rows, "ticked": ticked, "status": status, "competitors": len(win.feed.competitors),
            "shelf": len(win.doc.project.shelf.cards), "source": win.feed_panel.source.text()}


def crash() -> dict[str, Any]:
    """A bug in a menu command, pressed by its key in the real window: the crash handler writes the
    log, autosaves the edit, shows its dialog once, and the window goes on working."""
    from PySide6.QtGui import QAction, QKeySequence

    from xhscover import logs
    from xhscover.editing import commands as C
    from xhscover.editing.autosave import Autosaver
    from xhscover.ui import app as app_module
    from xhscover.ui import dialogs

    logs.configure(console=False)
    win = _window("zh_CN")
    autosaver = Autosaver()
    autosaver.set_document(win.doc)
    win.autosaver = autosaver
    shown: list[list[str]] = []
    dialogs.notify_crash = lambda parent, path, work: shown.append([str(path), work])  # no blocking box
    handler = app_module.install_crash_handler(QApplication.instance(), win, autosaver)
    broken = QAction("broken", win)
    broken.setShortcut(QKeySequence("Ctrl+Alt+B"))
    broken.triggered.connect(lambda: 1 / 0)
    win.addAction(broken)
    doc = win.doc
    title = next(t for t in doc.cover.text_layers() if t.role == "title")
    doc.push(C.SetProps(doc, {title.id: {"text": "崩溃前的修改"}}))
    win.canvas.setFocus()
    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(win.canvas, Qt.Key.Key_B, ctrl | alt)
    QTest.keyClick(win.canvas, Qt.Key.Key_B, ctrl | alt)  # the same bug again
    QTest.qWait(100)
    r: dict[str, Any] = {"shown": shown, "crashes": [str(p) for p in handler.crashes]}
    r["log"] = handler.crashes[0].read_text(encoding="utf-8") if handler.crashes else ""
    r["autosaved"] = autosaver.is_current()
    QTest.keyClick(win.canvas, Qt.Key.Key_Z, ctrl)  # still alive: the keys still work
    r["undone"] = title.text != "崩溃前的修改"
    r["visible"] = win.isVisible()
    handler.uninstall()
    autosaver.finish_clean()
    return r


def layout_1280(lang: str) -> dict[str, Any]:
    """The editor at 1280x800: the window keeps that size, and for each kind of selection every
    control of the properties dock is inside it (no horizontal scrolling, nothing cut off)."""
    import os

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPushButton

    from xhscover.editing import commands as C

    out_dir = os.environ.get("XHSCOVER_UI_SHOTS", "/tmp/xhs-ui")
    win = _window(lang, size=(1280, 800))
    doc = win.doc
    doc.push(C.add_layer(doc, C.new_shape_layer(doc, "rect")))
    doc.push(C.add_layer(doc, C.new_sticker_layer(doc, emoji="🔥")))
    QTest.qWait(800)
    r: dict[str, Any] = {"size": [win.width(), win.height()], "min_width": win.minimumSizeHint().width()}
    props = win.props
    kinds = {"text": "title", "shape": doc.cover.layers[-2].id, "sticker": doc.cover.layers[-1].id, "background": ""}
    cut: list[str] = []
    for kind, lid in kinds.items():
        doc.set_selection([lid] if lid else [])
        QTest.qWait(150)
        vp = props.viewport()
        r[f"hbar_{kind}"] = props.horizontalScrollBar().isVisible()
        for w in props.widget().findChildren(QAbstractSpinBox) + props.widget().findChildren(QComboBox) + \
                props.widget().findChildren(QPushButton):
            if not w.isVisibleTo(props.widget()):
                continue
            right = w.mapTo(vp, QPoint(w.width(), 0)).x()
            if right > vp.width() or w.width() < 40:
                cut.append(f"{kind}: {type(w).__name__} {w.objectName()} right={right} vp={vp.width()} w={w.width()}")
        if kind == "text":
            win.grab().save(f"{out_dir}/editor-1280-{lang}.png")
    r["cut"] = cut
    fv = win.feed_panel.view
    desc = win.feed.last_description or {}
    r["feed_fit"] = fv.mode == "fit" and not fv.verticalScrollBar().isVisible()
    r["feed_screen_shown"] = bool(desc) and fv.mapFromScene(0, desc["screen_size"][1]).y() <= fv.viewport().height()
    r["canvas_width"] = win.canvas.width()
    doc.undo_stack.setClean()
    win.close_project()  # back to the start page: the window must not grow
    QTest.qWait(300)
    r["start_size"] = [win.width(), win.height()]
    win.grab().save(f"{out_dir}/start-1280-{lang}.png")
    return r


SCENARIOS = {"redo_keys": redo_keys, "guides": guides, "crash": crash,
             "layout_1280_zh": lambda: layout_1280("zh_CN"), "layout_1280_en": lambda: layout_1280("en"),
             "shelf_import": shelf_import}


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
