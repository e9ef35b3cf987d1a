"""Canvas drags, one class per mode (xhscover.ui.interactions), driven through the real canvas:
the press picks the right interaction, a drag is one undo step, Escape puts everything back and
leaves no step, and what a drag shows (guides, band) ends with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.panel_helpers import open_layout, role_layer
from xhscover.editing import commands as C
from xhscover.editing import geometry as G
from xhscover.model.layers import ImageLayer
from xhscover.ui import interactions as I


@pytest.fixture
def editor(window):
    return open_layout(window)


def _press(cv, p, mods=Qt.KeyboardModifier.NoModifier):
    cv.begin_drag_at(QPointF(*p), mods)
    return cv.interaction


def _escape(cv):
    QTest.keyClick(cv, Qt.Key.Key_Escape)


def test_press_picks_the_mode(editor):
    cv, doc = editor.canvas, editor.doc
    t = role_layer(editor, "title")
    doc.set_selection([t.id])
    z = cv.zoom()
    assert isinstance(_press(cv, G.handle_point(t, 1, 1)), I.ResizeInteraction)
    cv.end_drag()
    assert isinstance(_press(cv, G.rotate_handle_point(t, 28 / z)), I.RotateInteraction)
    cv.end_drag()
    assert isinstance(_press(cv, G.centre(t)), I.MoveInteraction)
    cv.end_drag()
    assert isinstance(_press(cv, (-100, -100)), I.BandInteraction)
    assert doc.selection == []
    cv.end_drag()
    others = [lay.id for lay in doc.cover.layers if not lay.locked and lay.visible][:2]
    doc.set_selection(others)
    b = cv.multi_bounds()
    assert isinstance(_press(cv, G.group_handle_point(b, 1, 0)), I.GroupResizeInteraction)
    cv.end_drag()
    assert cv.interaction is None and cv.guides == [] and cv.band is None


@pytest.mark.parametrize("mode", ["move", "resize", "rotate", "group"])
def test_escape_cancels_a_drag_without_an_undo_step(editor, mode):
    cv, doc = editor.canvas, editor.doc
    t = role_layer(editor, "title")
    layers = [lay for lay in doc.cover.layers if lay.visible and not lay.locked]
    before = {lay.id: (lay.x, lay.y, lay.w, lay.h, lay.rotation) for lay in layers}
    count = doc.undo_stack.count()
    if mode == "group":
        doc.set_selection([lay.id for lay in layers[:2]])
        start = G.group_handle_point(cv.multi_bounds(), 1, 1)
    else:
        doc.set_selection([t.id])
        start = {"move": G.centre(t), "resize": G.handle_point(t, 1, 0),
                 "rotate": G.rotate_handle_point(t, 28 / cv.zoom())}[mode]
    _press(cv, start)
    for k in (1, 2, 3):
        cv.drag_to(QPointF(start[0] + 60 * k, start[1] + 45 * k), snap=False)
    assert {lay.id: (lay.x, lay.y, lay.w, lay.h, lay.rotation) for lay in layers} != before
    cv.setFocus()
    _escape(cv)
    assert cv.interaction is None
    assert {lay.id: (lay.x, lay.y, lay.w, lay.h, lay.rotation) for lay in layers} == before
    assert doc.undo_stack.count() == count  # the merged step became obsolete and was dropped
    assert not doc.is_modified()


def test_band_selects_touched_layers_and_escape_restores_selection(editor):
    cv, doc = editor.canvas, editor.doc
    t = role_layer(editor, "title")
    doc.set_selection([t.id])
    _press(cv, (-50, -50))
    cv.drag_to(QPointF(doc.cover.width + 50, doc.cover.height + 50))
    assert cv.band is not None
    assert set(doc.selection) == {lay.id for lay in doc.cover.layers if lay.visible and not lay.locked}
    _escape(cv)
    assert doc.selection == [t.id] and cv.band is None


def test_shift_click_toggles_and_starts_no_drag(editor):
    cv, doc = editor.canvas, editor.doc
    t = role_layer(editor, "title")
    doc.set_selection([t.id])
    assert _press(cv, G.centre(t), Qt.KeyboardModifier.ShiftModifier) is None
    assert t.id not in doc.selection


def test_focal_drag_on_a_broken_picture_says_so(editor):
    cv, doc = editor.canvas, editor.doc
    lay = ImageLayer(id="img9", src="missing-key", fit="cover", x=200, y=300, w=700, h=300)
    doc.push(C.add_layer(doc, lay))
    seen: list[str] = []
    cv.problem.connect(seen.append)
    assert _press(cv, G.centre(lay), Qt.KeyboardModifier.AltModifier) is None
    assert seen and "missing-key" in seen[0]


def test_small_jitter_is_a_click_not_a_move(editor):
    cv, doc = editor.canvas, editor.doc
    t = role_layer(editor, "title")
    x0 = t.x
    c = G.centre(t)
    _press(cv, c)
    cv.drag_to(QPointF(c[0] + 1 / cv.zoom(), c[1]))  # one screen pixel
    cv.end_drag()
    assert t.x == x0 and doc.undo_stack.count() == 0
