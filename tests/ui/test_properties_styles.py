"""Every style the renderer supports is reachable from the properties panel: each control edits the
model through one undo step, undo restores it (and the panel), and the canvas shows the change."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox

from tests.ui.panel_helpers import one_step, open_layout, panel_widget, role_layer
from xhscover.editing import commands as C
from xhscover.model.layers import ShapeLayer
from xhscover.render.convert import qimage_to_rgb
from xhscover.ui.properties_panel import ColorButton

GREEN = (0, 255, 0)


@pytest.fixture
def editor(window):
    return open_layout(window)


def _canvas(win) -> np.ndarray:
    win.canvas.render_now()
    return qimage_to_rgb(win.canvas.last_image).astype(int)


def _near(arr: np.ndarray, rgb, tol: int = 40) -> int:
    """How many canvas pixels are close to `rgb`."""
    return int((np.abs(arr - np.array(rgb)).max(axis=2) <= tol).sum())



def test_label_box_border_and_padding(editor):
    doc, tag = editor.doc, role_layer(editor, "tag")
    doc.set_selection([tag.id])
    assert tag.style.label is not None and tag.style.label.border is None
    before = _canvas(editor)
    border = panel_widget(editor, QCheckBox, "prop:style.label.border")
    assert border.isVisibleTo(editor.props) and not border.isChecked()
    one_step(editor, lambda: border.setChecked(True))
    assert tag.style.label.border is not None
    color = panel_widget(editor, ColorButton, "prop:style.label.border.color")
    assert color.isVisibleTo(editor.props)
    one_step(editor, lambda: color.choose("#00FF00"))
    width = panel_widget(editor, QDoubleSpinBox, "prop:style.label.border.width")
    one_step(editor, lambda: [width.setValue(v) for v in (8, 12, 16)])  # typing merges into one step
    assert tag.style.label.border.color == "#00FF00" and tag.style.label.border.width == 16
    after = _canvas(editor)
    assert _near(after, GREEN) > 200 > _near(before, GREEN)
    doc.undo_stack.undo()
    assert tag.style.label.border.width == 4 and width.value() == 4  # the panel follows undo
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert tag.style.label.border is None and not border.isChecked()
    assert _near(_canvas(editor), GREEN) == _near(before, GREEN)
    # padding and radius
    for name, field, v in (("prop:style.label.padding_x", "padding_x", 60),
                           ("prop:style.label.padding_y", "padding_y", 30),
                           ("prop:style.label.radius", "radius", 2)):
        sb = panel_widget(editor, QDoubleSpinBox, name)
        old = getattr(tag.style.label, field)
        one_step(editor, lambda sb=sb, v=v: sb.setValue(v))
        assert getattr(tag.style.label, field) == v
        assert not np.array_equal(_canvas(editor), before)
        doc.undo_stack.undo()
        assert getattr(tag.style.label, field) == old and sb.value() == old


def test_highlight_height_offset_skew(editor):
    doc, title = editor.doc, role_layer(editor, "title")
    doc.set_selection([title.id])
    one_step(editor, lambda: panel_widget(editor, QCheckBox, "prop:style.highlight").setChecked(True))
    hl = title.style.highlight
    assert hl is not None
    base = _canvas(editor)
    for field, v in (("height", 0.9), ("offset", 0.3), ("skew", 0.5)):
        sb = panel_widget(editor, QDoubleSpinBox, f"prop:style.highlight.{field}")
        assert sb.isVisibleTo(editor.props)
        old = getattr(hl, field)
        one_step(editor, lambda sb=sb, v=v: sb.setValue(v))
        assert getattr(title.style.highlight, field) == pytest.approx(v)
        assert not np.array_equal(_canvas(editor), base), field
        doc.undo_stack.undo()
        assert getattr(title.style.highlight, field) == pytest.approx(old)
        assert sb.value() == pytest.approx(old)
    assert np.array_equal(_canvas(editor), base)


def test_image_border_and_corner_radius(editor, tmp_path):
    photo = tmp_path / "grey.png"
    Image.new("RGB", (400, 300), (128, 128, 128)).save(photo)
    assert editor.add_images([str(photo)]) == 1
    doc = editor.doc
    img = doc.selected_layers()[0]
    assert img.kind == "image" and img.border is None
    assert editor.props.image_box.isVisibleTo(editor.props)
    before = _canvas(editor)
    ck = panel_widget(editor, QCheckBox, "prop:border")
    one_step(editor, lambda: ck.setChecked(True))
    one_step(editor, lambda: panel_widget(editor, ColorButton, "prop:border.color").choose("#00FF00"))
    one_step(editor, lambda: panel_widget(editor, QDoubleSpinBox, "prop:border.width").setValue(30))
    assert (img.border.color, img.border.width) == ("#00FF00", 30)
    after = _canvas(editor)
    # a 30 px ring around the layer box, at the view scale
    s = editor.canvas.render_scale
    ring = 2 * 30 * s * (img.w + img.h) * s * 0.8
    assert _near(after, GREEN) - _near(before, GREEN) > ring
    for _ in range(3):
        doc.undo_stack.undo()
    assert img.border is None and not ck.isChecked()
    assert np.array_equal(_canvas(editor), before)
    radius = panel_widget(editor, QDoubleSpinBox, "prop:corner_radius")
    one_step(editor, lambda: radius.setValue(80))
    assert img.corner_radius == 80 and not np.array_equal(_canvas(editor), before)
    doc.undo_stack.undo()
    assert img.corner_radius == 0


def test_text_fill_gradient_stop_list(editor):
    doc, title = editor.doc, role_layer(editor, "title")
    doc.set_selection([title.id])
    ed = editor.props.fill_editors["style.fill"]
    assert not ed.grad.isVisibleTo(editor.props)  # solid: no stop list
    base = _canvas(editor)
    first = title.style.fill.color
    one_step(editor, lambda: ed.kind.setCurrentIndex(ed.kind.findData("linear")))
    fill = title.style.fill
    assert fill.kind == "linear" and len(fill.stops) == 2 and fill.stops[0][1] == first
    assert ed.grad.isVisibleTo(editor.props) and ed.stops.count() == 2
    assert ed.angle.isVisibleTo(editor.props)
    one_step(editor, ed.add_stop)
    assert len(title.style.fill.stops) == 3 and ed.stops.currentRow() == 2
    assert title.style.fill.stops[2][0] == pytest.approx(0.5)
    one_step(editor, lambda: ed.color.choose("#00FF00"))
    one_step(editor, lambda: [ed.pos.setValue(v) for v in (0.4, 0.3, 0.25)])  # one step while typing
    assert title.style.fill.stops[2] == (0.25, "#00FF00")
    assert _near(_canvas(editor), GREEN) > 50 > _near(base, GREEN)
    one_step(editor, lambda: ed.angle.setValue(0))
    assert title.style.fill.angle == 0
    # remove: never below two stops
    ed.stops.setCurrentRow(0)
    one_step(editor, ed.remove_stop)
    assert len(title.style.fill.stops) == 2 and not ed.remove_btn.isEnabled()
    n = doc.undo_stack.index()
    ed.remove_stop()
    assert doc.undo_stack.index() == n and len(title.style.fill.stops) == 2
    # undo everything back to the solid fill; the panel follows
    for _ in range(6):
        doc.undo_stack.undo()
    assert title.style.fill.kind == "solid" and not ed.grad.isVisibleTo(editor.props)
    assert ed.kind.currentData() == "solid"
    assert np.array_equal(_canvas(editor), base)


def test_background_radial_gradient_stops(editor):
    doc = editor.doc
    doc.set_selection([])
    ed = editor.props.fill_editors["background.fill"]
    assert editor.props.bg_box.isVisibleTo(editor.props)
    before, kind0 = _canvas(editor), doc.cover.background.fill.kind
    assert kind0 != "radial"
    one_step(editor, lambda: ed.kind.setCurrentIndex(ed.kind.findData("radial")))
    bg = doc.cover.background.fill
    assert bg.kind == "radial" and len(bg.stops) == 2
    assert ed.grad.isVisibleTo(editor.props) and not ed.angle.isVisibleTo(editor.props)
    one_step(editor, ed.add_stop)
    one_step(editor, lambda: ed.color.choose("#00FF00"))
    assert doc.cover.background.fill.stops[-1][1] == "#00FF00"
    assert _near(_canvas(editor), GREEN) > 1000 > _near(before, GREEN)
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.cover.background.fill.kind == kind0 and np.array_equal(_canvas(editor), before)


def test_shape_fill_outline_radius_and_kind(editor):
    doc = editor.doc
    shape = ShapeLayer(id="", x=200, y=300, w=500, h=400, shape="rect", radius=0)
    doc.push(C.add_layer(doc, shape))
    doc.set_selection([shape.id])
    assert editor.props.shape_box.isVisibleTo(editor.props)
    before = _canvas(editor)
    outline = panel_widget(editor, QCheckBox, "prop:stroke")
    one_step(editor, lambda: outline.setChecked(True))
    one_step(editor, lambda: panel_widget(editor, ColorButton, "prop:stroke.color").choose("#00FF00"))
    one_step(editor, lambda: panel_widget(editor, QDoubleSpinBox, "prop:stroke.width").setValue(24))
    assert (shape.stroke.color, shape.stroke.width) == ("#00FF00", 24)
    assert _near(_canvas(editor), GREEN) > 1000 > _near(before, GREEN)
    # fill colour and a gradient fill
    one_step(editor, lambda: panel_widget(editor, ColorButton, "prop:fill.color").choose("#0000FF"))
    ed = editor.props.fill_editors["fill"]
    one_step(editor, lambda: ed.kind.setCurrentIndex(ed.kind.findData("linear")))
    assert shape.fill.kind == "linear" and shape.fill.stops[0][1] == "#0000FF"
    one_step(editor, lambda: panel_widget(editor, QDoubleSpinBox, "prop:radius").setValue(120))
    kind = panel_widget(editor, QComboBox, "prop:shape")
    one_step(editor, lambda: kind.setCurrentIndex(kind.findData("ellipse")))
    assert shape.shape == "ellipse" and shape.radius == 120
    # no fill at all (outline only)
    fill_ck = panel_widget(editor, QCheckBox, "prop:fill")
    one_step(editor, lambda: fill_ck.setChecked(False))
    assert shape.fill is None and not ed.kind.isVisibleTo(editor.props)
    for _ in range(8):
        doc.undo_stack.undo()
    assert shape.stroke is None and shape.fill.kind == "solid" and shape.fill.color == "#FF2442"
    assert shape.shape == "rect" and shape.radius == 0 and not outline.isChecked()
    assert np.array_equal(_canvas(editor), before)


def test_new_controls_are_translated(qapp):
    from PySide6.QtCore import QCoreApplication

    from xhscover.ui.app import install_translations

    translators = install_translations(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("PropertiesPanel", "Stops") == "色标"
        assert QCoreApplication.translate("PropertiesPanel", "Skew") == "倾斜"
        assert QCoreApplication.translate("commands", "Add gradient stop") == "添加渐变色标"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("xhs_language", "en")
