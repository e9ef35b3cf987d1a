"""Typography in the properties panel: drawn size, real weights, rotation field, the 花字 gallery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel

from xhscover.render.text import layout_text

from .panel_helpers import open_layout, panel_widget, role_layer

SHOTS = Path(os.environ["XHSCOVER_UI_SHOTS"])  # set per run in conftest.py


@pytest.fixture
def win(window):
    w = open_layout(window)
    title = role_layer(w, "title")
    w.doc.set_selection([title.id])
    return w


def test_size_field_shows_the_drawn_size(win):
    title = role_layer(win, "title")
    win.props.text_edit.setPlainText("杭州三天两晚｜人均800玩转西湖超全攻略")
    win.props.apply_text()
    drawn = layout_text(title).size
    assert drawn < title.style.size - 1  # auto-fit shrank it
    spin = panel_widget(win, QDoubleSpinBox, "prop:style.size")
    assert spin.value() == pytest.approx(drawn, abs=0.05)
    hint = panel_widget(win, QLabel, "sizeHint")
    assert hint.isVisibleTo(win.props) and f"{title.style.size:g}" in hint.text()
    spin.setValue(drawn - 10)  # typing a size sets the maximum; the field shows what is drawn
    assert title.style.size == pytest.approx(drawn - 10)
    assert spin.value() == pytest.approx(layout_text(title).size, abs=0.05)


def test_only_weights_the_family_has_are_offered(win):
    title = role_layer(win, "title")
    family = panel_widget(win, QComboBox, "prop:style.family")
    weight = panel_widget(win, QComboBox, "prop:style.weight")
    family.setCurrentIndex(family.findData("noto-sans-sc"))
    assert [weight.itemData(i) for i in range(weight.count())] == [400, 700, 900] and weight.isEnabled()
    weight.setCurrentIndex(weight.findData(900))
    assert title.style.weight == 900
    n = win.doc.undo_stack.index()
    family.setCurrentIndex(family.findData("smiley-sans"))  # 得意黑 has one weight
    assert win.doc.undo_stack.index() == n + 1
    assert (title.style.family, title.style.weight) == ("smiley-sans", 400)
    assert [weight.itemData(i) for i in range(weight.count())] == [400] and not weight.isEnabled()


def test_rotation_has_a_number_field(win):
    title = role_layer(win, "title")
    spin = panel_widget(win, QDoubleSpinBox, "prop:rotation.number")
    spin.setValue(-12.5)
    assert title.rotation == -12.5
    assert win.props.rotation_slider.value() == -12  # the slider follows (whole degrees)


def test_preset_gallery_previews_the_text_and_applies_in_one_step(win):
    title = role_layer(win, "title")
    gallery = win.props.preset_gallery
    assert gallery.count() >= 24 and not gallery.error
    gallery.draw_all()
    for i in range(gallery.count()):
        assert not gallery.item(i).icon().isNull()
    assert gallery._text == title.text.splitlines()[0][:4]  # thumbnails show the selected text
    item = next(gallery.item(i) for i in range(gallery.count())
                if gallery.item(i).data(Qt.ItemDataRole.UserRole) == "triple-outline")
    n = win.doc.undo_stack.index()
    gallery.itemClicked.emit(item)
    assert win.doc.undo_stack.index() == n + 1
    assert len(title.style.strokes) == 3
    win.doc.undo_stack.undo()
    assert len(title.style.strokes) != 3


def test_english_text_fields_fit_at_1280x800(win, qapp):
    """The rows this panel adds (size + hint, rotation slider + number) get their full width."""
    qapp.setProperty("xhs_language", "en")
    try:
        win.resize(1280, 800)
        win.props.text_edit.setPlainText("杭州三天两晚｜人均800玩转西湖超全攻略")
        win.props.apply_text()
        qapp.processEvents()
        for name in ("prop:style.size", "prop:rotation.number"):
            w = panel_widget(win, QDoubleSpinBox, name)
            assert w.width() >= w.minimumSizeHint().width(), name
        SHOTS.mkdir(parents=True, exist_ok=True)
        win.props.preset_gallery.draw_all()
        win.props.grab().save(str(SHOTS / "typography-panel.png"))
    finally:
        qapp.setProperty("xhs_language", None)
