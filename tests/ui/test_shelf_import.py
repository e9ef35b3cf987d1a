"""Importing competitors from screenshots in the app: drop on the feed dock (or 竞品 > 从截图导入…),
the preview reads them off the UI thread, every card can be edited or left out, 导入 sets the shelf."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.shelfimport import shots


@pytest.fixture
def editor(window, qtbot):
    window.new_from_layout("big-title-red", "3:4")
    with qtbot.waitSignal(window.feed.rendered, timeout=5000):
        pass
    return window


@pytest.fixture(scope="module")
def screenshot_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("shots")
    a = shots.phone_shot(51, theme="light", page="home", scroll=0.0, overlay="none", device="iphone-15")
    b = shots.web_shot(52, theme="light", scroll=0.0, columns=4)
    pa, pb = root / "phone.png", root / "web.jpg"
    Image.fromarray(a.image).save(pa)
    Image.fromarray(b.image).save(pb, quality=90)
    note = root / "note.png"
    Image.fromarray(dict(shots.not_feed_shots())["chat"]).save(note)
    return [str(pa), str(pb), str(note)]


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(QPoint(int(pos.x()), int(pos.y())), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_drop_screenshots_preview_edit_and_import(editor, qtbot, screenshot_files):
    dock, feed, doc = editor.feed_panel, editor.feed, editor.doc
    _drop(dock, screenshot_files)
    dlg = editor.shelf_dialog
    assert dlg.isVisible() and not dlg.import_btn.isEnabled()  # reading in the background
    qtbot.waitUntil(lambda: not dlg.reader.running, timeout=120_000)
    assert [r.source for r in dlg.readings] == ["phone.png", "web.jpg"]
    assert "note.png" in dlg.status.text()
    assert dlg.table.rowCount() == sum(len(r.cards) for r in dlg.readings) >= 6
    # cut cards start unticked, complete ones ticked; the preview numbers every card on its screenshot
    for r, (_reading, card) in enumerate(dlg.rows):
        assert dlg._is_ticked(r) == card.importable
    assert len(dlg.view.boxes) == len(dlg.readings[0].cards)
    dlg.table.selectRow(len(dlg.readings[0].cards))  # a web card: the preview switches screenshot
    assert dlg.shots.currentIndex() == 1 and len(dlg.view.boxes) == len(dlg.readings[1].cards)
    # edit the first kept card, leave the second kept one out, and read a typed count
    kept = [r for r in range(dlg.table.rowCount()) if dlg._is_ticked(r)]
    dlg.table.item(kept[0], 3).setText("改过的标题")
    dlg.table.item(kept[0], 5).setText("3.1w")
    dlg.table.item(kept[1], 0).setCheckState(Qt.CheckState.Unchecked)
    dlg.table.item(kept[2], 5).setText("很多")
    assert not dlg.import_btn.isEnabled()  # an unreadable count blocks the import
    dlg.table.item(kept[2], 5).setText("赞")
    assert dlg.import_btn.isEnabled()
    chosen = dlg.chosen_cards()
    assert len(chosen) == len(kept) - 1
    assert chosen[0].title == "改过的标题" and chosen[0].likes == 31000 and chosen[1].likes == 0
    steps = doc.undo_stack.count()
    dlg.import_btn.click()
    assert not dlg.isVisible()
    assert [c.title for c in feed.competitors] == [c.title for c in chosen]
    assert doc.undo_stack.count() == steps + 1 and doc.project.shelf.cards
    with qtbot.waitSignal(feed.rendered, timeout=5000):
        pass
    drawn = {c["title_text"] for c in feed.last_description["cards"]}
    assert "改过的标题" in drawn
    assert "phone.png" in dock.source.text()
    doc.undo_stack.undo()
    assert not doc.project.shelf.cards


def test_menu_entry_and_cancel(editor, qtbot, screenshot_files, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (screenshot_files[:1], ""))
    action = editor.action("import_screenshots")
    assert action.text().replace("&", "") in ("From screenshots…", "从截图导入…")
    action.trigger()
    dlg = editor.shelf_dialog
    dlg.reject()  # cancel while reading: the worker stops after the file in hand
    assert not dlg.isVisible() and not dlg.reader.running or dlg.reader.wait(60_000)
    assert not editor.doc.project.shelf.cards


def test_the_dock_ignores_drops_that_are_not_images(editor, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hi", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    editor.feed_panel.dragEnterEvent(enter)  # the dock declines it (the window may still take it)
    assert not enter.isAccepted()
