"""Editor gaps closed: text role and auto-fit minimum, changing a sticker, the cover's background image,
and resizing a multi-selection. Each edit is reachable from the widgets, is one undo step, and the
panel follows undo/redo."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QPushButton

from tests.ui.panel_helpers import one_step, open_layout, panel_widget, role_layer
from xhscover.editing.geometry import Handle
from xhscover.ui import dialogs


@pytest.fixture
def editor(window):
    return open_layout(window)





def test_text_role_and_min_size(editor):
    doc = editor.doc
    title, sub = role_layer(editor, "title"), role_layer(editor, "subtitle")
    doc.set_selection([sub.id])
    role = panel_widget(editor, QComboBox, "prop:role")
    assert role.isVisibleTo(editor.props) and role.currentData() == "subtitle"
    assert doc.cover.title_layer() is title
    one_step(editor, lambda: role.setCurrentIndex(role.findData("caption")))
    assert sub.role == "caption"
    doc.undo_stack.undo()
    assert sub.role == "subtitle" and role.currentData() == "subtitle"
    doc.undo_stack.redo()
    assert role.currentData() == "caption"
    # the attention scorer's title follows the role
    doc.set_selection([title.id])
    one_step(editor, lambda: role.setCurrentIndex(role.findData("body")))
    assert title.role == "body" and doc.cover.title_layer() is not title
    # the auto-fit minimum: typing merges into one step, enabled only with auto-fit on
    ms = panel_widget(editor, QDoubleSpinBox, "prop:style.min_size")
    assert ms.isEnabled() == bool(title.style.auto_fit)
    old = title.style.min_size
    one_step(editor, lambda: [ms.setValue(v) for v in (30, 36, 40)])
    assert title.style.min_size == 40
    doc.undo_stack.undo()
    assert title.style.min_size == old and ms.value() == old


def test_change_sticker_and_emoji(editor):
    doc = editor.doc
    st = next(lay for lay in doc.cover.layers if lay.kind == "sticker")
    doc.set_selection([st.id])
    props = editor.props
    assert props.sticker_box.isVisibleTo(props) and not props.text_box.isVisibleTo(props)
    combo = panel_widget(editor, QComboBox, "stickerCombo")
    assert combo.currentData() == st.sticker == "dry-goods"
    w0, cy0 = st.w, st.y + st.h / 2
    one_step(editor, lambda: combo.setCurrentIndex(combo.findData("must-see")))
    assert st.sticker == "must-see" and st.emoji == ""
    assert abs(st.w - w0) < 0.01 and abs(st.y + st.h / 2 - cy0) < 0.02  # width and centre kept
    emoji = panel_widget(editor, QLineEdit, "stickerEmoji")
    emoji.setText("🔥")
    one_step(editor, emoji.editingFinished.emit)
    assert (st.sticker, st.emoji) == ("", "🔥")
    assert combo.currentIndex() == 0
    doc.undo_stack.undo()
    assert (st.sticker, st.emoji) == ("must-see", "") and combo.currentData() == "must-see" and emoji.text() == ""
    doc.undo_stack.undo()
    assert st.sticker == "dry-goods" and combo.currentData() == "dry-goods"
    editor.canvas.render_now()  # the changed layer still renders


def test_background_image_set_and_remove(editor, tmp_path, monkeypatch, errors):
    doc = editor.doc
    good = tmp_path / "bg.png"
    Image.new("RGB", (60, 80), (0, 255, 0)).save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    answers = [[str(bad)], [str(good)]]
    monkeypatch.setattr(dialogs, "ask_image_files", lambda parent, folder: answers.pop(0))
    doc.set_selection([])
    set_btn = panel_widget(editor, QPushButton, "bgSetImage")
    remove_btn = panel_widget(editor, QPushButton, "bgRemoveImage")
    assert set_btn.isVisibleTo(editor.props) and not remove_btn.isEnabled()
    n = doc.undo_stack.index()
    set_btn.click()  # a broken file: the error message, no undo step
    assert errors and "bad.jpg" in errors[-1][1] and doc.undo_stack.index() == n
    assert doc.cover.background.image is None
    one_step(editor, set_btn.click)
    key = doc.cover.background.image
    assert key and doc.store.has(key) and remove_btn.isEnabled()
    editor.canvas.render_now()
    from xhscover.render.convert import qimage_to_rgb

    rgb = qimage_to_rgb(editor.canvas.last_image)
    assert (rgb[5, 5].astype(int) - (0, 255, 0)).__abs__().max() < 40  # the green photo shows in a corner
    one_step(editor, remove_btn.click)
    assert doc.cover.background.image is None and not remove_btn.isEnabled()
    doc.undo_stack.undo()
    assert doc.cover.background.image == key and remove_btn.isEnabled()
    doc.undo_stack.undo()
    assert doc.cover.background.image is None and not remove_btn.isEnabled()


def test_resize_multi_selection_scales_about_bounds(editor):
    cv, doc = editor.canvas, editor.doc
    tag, sub = role_layer(editor, "tag"), role_layer(editor, "subtitle")
    for lay in (tag, sub):
        lay.rotation = 0
    doc.set_selection([tag.id, sub.id])
    b = cv.multi_bounds()
    assert b is not None
    bx, by, bw, bh = b
    before = {lay.id: (lay.x, lay.y, lay.w, lay.h) for lay in (tag, sub)}
    assert cv.handle_at(QPointF(bx + bw, by + bh)) == Handle("group", 1, 1)
    n = doc.undo_stack.index()
    cv.begin_drag_at(QPointF(bx + bw, by + bh))  # bottom-right handle: shrink to half, about the top left
    for f in (0.9, 0.7, 0.5):
        cv.drag_to(QPointF(bx + bw * f, by + bh * f), snap=False)
    cv.end_drag()
    assert doc.undo_stack.index() == n + 1  # one drag, one step
    for lay in (tag, sub):
        x, y, w, h = before[lay.id]
        assert abs(lay.w - w * 0.5) < 0.05 and abs(lay.h - h * 0.5) < 0.05
        assert abs(lay.x - (bx + (x - bx) * 0.5)) < 0.05 and abs(lay.y - (by + (y - by) * 0.5)) < 0.05
    # a side handle scales one axis only
    doc.undo_stack.undo()
    assert {lay.id: (lay.x, lay.y, lay.w, lay.h) for lay in (tag, sub)} == before
    cv.begin_drag_at(QPointF(bx + bw, by + bh / 2))
    cv.drag_to(QPointF(bx + bw * 0.8, by + bh / 2), snap=False)
    cv.end_drag()
    for lay in (tag, sub):
        x, y, w, h = before[lay.id]
        assert abs(lay.w - w * 0.8) < 0.05 and abs(lay.h - h) < 0.05 and abs(lay.y - y) < 0.05
