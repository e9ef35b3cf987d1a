"""Start page: the Create button, recent projects with thumbnails (and a damaged one that says
why), and the save dialog's default name from the note title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.panel_helpers import open_layout, role_layer
from xhscover.editing import commands as C
from xhscover.ui import dialogs


def test_create_button_opens_the_chosen_layout(window, qtbot):
    from xhscover.model.layouts import get_layout
    from xhscover.ui.start_page import LAYOUT_ROLE

    start = window.start
    btn = start.findChild(QPushButton, "createButton")
    assert btn is not None and btn.isEnabled() and btn.isVisibleTo(window)  # the first layout is chosen
    start.ratio.setCurrentIndex(start.ratio.findData("1:1"))
    start.gallery.setCurrentRow(2)
    chosen = get_layout(start.gallery.currentItem().data(LAYOUT_ROLE))
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
    assert window.doc is not None and window.stack.currentWidget() is window.editor
    assert window.doc.cover.ratio == "1:1" and window.doc.project.title == chosen.name_zh
    window.close_project()
    start.gallery.setCurrentItem(None)
    assert not btn.isEnabled()


def test_default_save_name_from_note_title(window, monkeypatch, tmp_path):
    editor = open_layout(window)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_project", lambda parent, suggested: asked.append(suggested) or "")
    editor.save_as()
    assert asked[-1].endswith("月薪5千也能存下10万+.xhscover")  # the cover's title, not the layout's name
    editor.doc.push(C.set_note_title(editor.doc, editor.doc.cover_id, "杭州三天两晚｜人均800玩转西湖"))
    editor.save_as()
    assert asked[-1].endswith("杭州三天两晚｜人均800玩转西湖.xhscover")
    assert role_layer(editor, "title").text  # untouched


def test_recent_projects_show_thumbnails_and_damage(window, monkeypatch, tmp_path):
    from xhscover.ui.start_page import LAYOUT_ROLE

    editor = open_layout(window)
    good = tmp_path / "good.xhscover"
    monkeypatch.setattr(dialogs, "ask_save_project", lambda parent, suggested: str(good))
    assert editor.save_as()
    bad = tmp_path / "bad.xhscover"
    bad.write_bytes(b"not a project")
    editor.settings.add_recent_file(str(bad))
    editor.close_project()
    start = editor.start
    start.render_all_now()
    rows = {start.recent.item(i).data(LAYOUT_ROLE): start.recent.item(i) for i in range(start.recent.count())}
    g, b = rows[str(good.resolve())], rows[str(bad)]
    assert g.text().startswith("good\n")
    icon = g.icon().pixmap(54, 72).toImage()
    colours = {icon.pixel(x, y) for x in range(0, icon.width(), 3) for y in range(0, icon.height(), 3)}
    assert len(colours) > 8  # a drawn cover, not the flat grey placeholder
    assert "bad.xhscover" in b.toolTip() and "\n" in b.toolTip()  # the reason under the path
    start.recent.itemActivated.emit(g)
    assert editor.doc is not None and editor.doc.path == good.resolve()
