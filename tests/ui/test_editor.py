"""Main editor flows through the real widgets, offscreen."""

from __future__ import annotations

import errno
import zipfile

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt

from xhscover.editing import commands as C
from xhscover.model.layouts import bundled_layouts
from xhscover.model.serialize import to_dict
from xhscover.ui import dialogs

LAYOUT = "big-title-red"


def _layout_id() -> str:
    ids = [lay.id for lay in bundled_layouts()]
    return LAYOUT if LAYOUT in ids else ids[0]


@pytest.fixture
def editor(window, qtbot):
    window.start.layout_chosen.emit(_layout_id(), "3:4")
    assert window.doc is not None
    window.canvas.render_now()
    return window


def _title(win):
    return next(t for t in win.doc.cover.text_layers() if t.role == "title")


def test_new_from_layout_renders_real_cover(editor):
    doc = editor.doc
    assert editor.stack.currentWidget() is editor.editor
    assert not doc.is_modified() and "*" not in editor.windowTitle().replace("[*]", "")
    img = editor.canvas.last_image
    assert img is not None and not img.isNull()
    # the canvas shows what export renders (same renderer, at the view scale)
    from xhscover.editing import rendering

    ref = rendering.render(doc.cover, doc.store, scale=editor.canvas.render_scale)
    assert ref.size() == img.size() and ref == img


def test_edit_text_in_place_is_one_step(editor, qtbot):
    t = _title(editor)
    ed = editor.canvas.start_text_edit(t.id)
    ed.setPlainText("新标题\n第二行")
    qtbot.keyClick(ed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert t.text == "新标题\n第二行"
    assert editor.doc.undo_stack.count() == 1
    assert editor.isWindowModified()
    editor.doc.undo_stack.undo()
    assert t.text != "新标题\n第二行"
    assert not editor.isWindowModified()


def test_mouse_drag_is_one_undo_step(editor, qtbot):
    cv = editor.canvas
    t = _title(editor)
    x0, y0 = t.x, t.y
    start = cv.mapFromScene(QPointF(t.x + t.w / 2, t.y + t.h / 2))
    vp = cv.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    assert editor.doc.selection == [t.id]
    for i in range(1, 11):
        qtbot.mouseMove(vp, start + QPoint(i * 7, i * 3))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(70, 30))
    assert (t.x, t.y) != (x0, y0)
    assert editor.doc.undo_stack.count() == 1
    moved = (t.x, t.y)
    editor.doc.undo_stack.undo()
    assert (t.x, t.y) == (x0, y0)
    editor.doc.undo_stack.redo()
    assert (t.x, t.y) == moved


def test_drag_snaps_to_canvas_centre_and_shows_guides(editor):
    cv = editor.canvas
    t = _title(editor)
    doc = editor.doc
    cx = t.x + t.w / 2
    doc.set_selection([t.id])
    cy = t.y + t.h / 2
    cv.begin_drag_at(QPointF(cx, cy))
    target = 540 - cx + 3  # 3 px off centring the box: should snap
    cv.drag_to(QPointF(cx + target, cy + 40))
    assert cv.guides
    edges = {"v": (t.x, t.x + t.w / 2, t.x + t.w), "h": (t.y, t.y + t.h / 2, t.y + t.h)}
    assert all(any(abs(e - g.pos) < 0.5 for e in edges[g.orientation]) for g in cv.guides)  # within half a px
    cv.end_drag()
    assert cv.guides == []


def test_resize_and_rotate_handles(editor):
    cv = editor.canvas
    t = _title(editor)
    editor.doc.set_selection([t.id])
    w0 = t.w
    cv.begin_drag_at(QPointF(t.x + t.w, t.y + t.h / 2))  # right-middle handle
    cv.drag_to(QPointF(t.x + t.w - 100, t.y + t.h / 2), snap=False)
    cv.end_drag()
    assert abs(t.w - (w0 - 100)) < 1
    z = cv.zoom()
    cv.begin_drag_at(QPointF(t.x + t.w / 2, t.y - 28 / z))  # rotation handle
    cv.drag_to(QPointF(t.x + t.w + 400, t.y + t.h / 2), shift=True)
    cv.end_drag()
    assert t.rotation % 15 == 0 and t.rotation != 0
    assert editor.doc.undo_stack.count() == 2


def test_nudge_with_arrow_keys(editor, qtbot):
    t = _title(editor)
    editor.doc.set_selection([t.id])
    editor.canvas.setFocus()
    x0 = t.x
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert t.x == x0 + 11
    assert editor.doc.undo_stack.count() == 1


def test_style_change_from_properties_panel(editor):
    t = _title(editor)
    editor.doc.set_selection([t.id])
    props = editor.props
    assert props.text_box.isVisibleTo(props)
    size = props.findChild(type(props.findChild(object, "prop:style.size")), "prop:style.size")
    size.setValue(77)
    assert t.style.size == 77
    props.add_stroke()
    assert len(t.style.strokes) >= 1
    # a slider gesture is one undo step
    n = editor.doc.undo_stack.count()
    slider = props.opacity_slider
    props.begin_gesture()
    for v in (90, 70, 50, 40):
        slider.setValue(v)
    props.end_gesture()
    assert t.opacity == 0.4
    assert editor.doc.undo_stack.count() == n + 1
    # eyedropper samples the rendered canvas
    picked = []
    editor.canvas.start_color_pick(picked.append)
    editor.canvas.begin_drag_at(QPointF(5, 5))
    assert picked and picked[0].startswith("#")


def test_add_image_by_path_and_corrupt_image(editor, tmp_path, errors):
    good = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), "orange").save(good)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    n_layers = len(editor.doc.cover.layers)
    assert editor.add_images([str(good)]) == 1
    assert len(editor.doc.cover.layers) == n_layers + 1
    count = editor.doc.undo_stack.count()
    editor.handle_dropped_paths([str(bad)])
    assert errors and "broken.jpg" in errors[-1][1]
    assert editor.doc.undo_stack.count() == count  # nothing half-added
    assert len(editor.doc.cover.layers) == n_layers + 1


def test_save_reopen_compare(editor, tmp_path, monkeypatch):
    path = tmp_path / "my.xhscover"
    monkeypatch.setattr(dialogs, "ask_save_project", lambda parent, suggested: str(path))
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "保存测试"}}))
    editor.doc.push(C.duplicate_variant(editor.doc))
    assert editor.save()
    assert not editor.isWindowModified() and path.is_file()
    before = [to_dict(c) for c in editor.doc.project.covers]
    editor.close_project()
    assert editor.doc is None
    assert editor.open_path(str(path))
    assert [to_dict(c) for c in editor.doc.project.covers] == before
    assert str(path.resolve()) in editor.settings.recent_files()


def test_full_disk_and_readonly_save_keep_work(editor, tmp_path, monkeypatch, errors):
    path = tmp_path / "p.xhscover"
    editor.doc.save(path)
    good = path.read_bytes()
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "未保存"}}))

    def enospc(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(zipfile.ZipFile, "writestr", enospc)
        assert not editor.save()
    assert "No space left" in errors[-1][1]
    assert path.read_bytes() == good and editor.doc.is_modified()

    import tempfile

    def eacces(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(tempfile, "mkstemp", eacces)
        assert not editor.save()
    assert "Permission denied" in errors[-1][1]
    assert editor.doc.is_modified() and editor.isVisible()
    assert editor.save()  # disk fine again: saves


def test_broken_project_file(window, tmp_path, errors):
    bad = tmp_path / "bad.xhscover"
    bad.write_bytes(b"PK\x03\x04 garbage")
    assert not window.open_path(str(bad))
    assert errors and "bad.xhscover" in errors[-1][1]
    assert window.doc is None and window.isVisible()


def test_export_png_jpeg_all_variants(editor, tmp_path, errors):
    from xhscover.editing.exporting import ExportOptions

    out = editor.export_to(tmp_path / "one.png", ExportOptions("png", 0.5))
    assert len(out) == 1 and out[0].stat().st_size > 1000
    editor.variants.duplicate()
    out = editor.export_to(tmp_path, ExportOptions("jpg", 0.25, 85, all_variants=True))
    assert len(out) == 2 and all(p.suffix == ".jpg" for p in out)
    out = editor.export_to(tmp_path / "missing-folder" / "x.png", ExportOptions())
    assert out == [] and "does not exist" in errors[-1][1]


def test_variants_duplicate_and_switch(editor):
    bar = editor.variants
    bar.duplicate()
    assert bar.tabs.count() == 2 and editor.doc.cover_id == "B"
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "B方案"}}))
    bar.tabs.setCurrentIndex(0)
    assert editor.doc.cover_id == "A" and _title(editor).text != "B方案"
    bar.tabs.setCurrentIndex(1)
    assert _title(editor).text == "B方案"
    bar.delete(1)
    assert bar.tabs.count() == 1


def test_layers_panel_actions(editor):
    panel = editor.layers
    t = _title(editor)
    editor.doc.set_selection([t.id])
    assert [it.data(Qt.ItemDataRole.UserRole) for it in panel.list.selectedItems()] == [t.id]
    n = len(editor.doc.cover.layers)
    panel.duplicate()
    assert len(editor.doc.cover.layers) == n + 1
    panel.delete()
    assert len(editor.doc.cover.layers) == n
    item = next(panel.list.item(i) for i in range(panel.list.count())
                if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == t.id)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not t.visible
    item = next(panel.list.item(i) for i in range(panel.list.count())
                if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == t.id)
    item.setText("主标题")
    assert t.name == "主标题"
    editor.doc.set_selection([t.id])
    panel.toggle_lock()
    assert t.locked


def test_close_prompts_for_unsaved_changes(editor, monkeypatch):
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "x"}}))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "cancel")
    assert not editor.close()
    assert editor.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    assert editor.close()


def test_paste_image_from_clipboard(editor, qapp):
    from PySide6.QtGui import QColor, QImage

    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("#3366FF"))
    qapp.clipboard().setImage(img)
    n = len(editor.doc.cover.layers)
    assert editor.paste()
    assert len(editor.doc.cover.layers) == n + 1


def test_drop_project_opens_it(window, tmp_path):
    from xhscover.editing.document import EditorDocument
    from xhscover.model.layouts import get_layout

    path = tmp_path / "d.xhscover"
    EditorDocument.from_layout(get_layout(_layout_id())).save(path)
    window.handle_dropped_paths([str(path)])
    assert window.doc is not None and window.doc.path == path


def test_autosave_then_restore_after_crash(editor, user_dirs):
    import json

    from xhscover.editing.autosave import Autosaver, pending_restores

    saver = Autosaver()
    saver.start()
    editor.autosaver = saver
    saver.set_document(editor.doc)
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "自动保存"}}))
    assert saver.autosave_now()
    info = json.loads(saver.marker.read_text())
    info["pid"] = 2**22 + 4321  # the process "crashed"
    saver.marker.write_text(json.dumps(info))
    (r,) = pending_restores()
    editor.set_document(r.load())
    assert _title(editor).text == "自动保存" and editor.isWindowModified()


def test_chinese_translation_loads(qapp):
    from PySide6.QtCore import QCoreApplication

    from xhscover.ui.app import install_translations, pick_language

    assert pick_language("", "zh_CN") == "zh_CN"
    assert pick_language("", "en_US") == "en"
    assert pick_language("en", "zh_CN") == "en"
    assert pick_language("", "C") == "zh_CN"
    translators = install_translations(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("xhs_language", "en")


def test_every_crashed_project_is_offered_and_none_is_lost(window, user_dirs, monkeypatch):
    import json

    from xhscover.editing.autosave import Autosaver, pending_restores
    from xhscover.editing.document import EditorDocument
    from xhscover.model.layouts import get_layout
    from xhscover.ui import dialogs
    from xhscover.ui.app import offer_restores

    for text in ("第一个", "第二个", "第三个"):
        doc = EditorDocument.from_layout(get_layout("big-title-red"), "3:4")
        saver = Autosaver()
        saver.start()
        saver.set_document(doc)
        doc.push(C.SetProps(doc, {"title": {"text": text}}))
        assert saver.autosave_now()
        info = json.loads(saver.marker.read_text())
        info["pid"] = 2**22 + 4321
        saver.marker.write_text(json.dumps(info))
    restores = pending_restores()
    offered: list[list[str]] = []

    def choose(parent, items):
        offered.append(items)
        return "restore", [0, 2]  # open the first, keep the third, leave the second for later

    monkeypatch.setattr(dialogs, "choose_restores", choose)
    offer_restores(window, restores, window.settings)
    assert len(offered[0]) == 3
    opened = window.doc.cover.layer("title").text
    kept = [f for f in window.settings.recent_files() if "recovered" in f]
    assert len(kept) == 1 and EditorDocument.open(kept[0]).cover.layer("title").text not in (opened,)
    (left,) = pending_restores()  # the unticked one is offered again next start
    assert left.load().cover.layer("title").text not in (opened, EditorDocument.open(kept[0]).cover.layer("title").text)


def test_what_the_renderer_skips_is_shown_in_the_status_bar(editor):
    from xhscover.model.layers import StickerLayer

    editor.doc.push(C.add_layer(editor.doc, StickerLayer(id="ghost", x=10, y=10, w=200, h=200,
                                                          sticker="from-a-newer-version")))
    editor.canvas.render_now()
    assert "from-a-newer-version" in editor.statusBar().currentMessage()
    assert "placeholder" in editor.statusBar().currentMessage()
