"""Layer geometry and drag maths (xhscover.editing.geometry): plain floats, checked against Qt's
own transform where the canvas used to rely on it."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from xhscover.editing import geometry as G
from xhscover.model.cover import Cover
from xhscover.model.layers import ShapeLayer


def _lay(x=100.0, y=200.0, w=300.0, h=100.0, rot=0.0, lid="s1", **kw) -> ShapeLayer:
    return ShapeLayer(id=lid, x=x, y=y, w=w, h=h, rotation=rot, **kw)


@pytest.mark.parametrize("rot", [0.0, 30.0, -75.0, 90.0, 179.0])
def test_corners_and_bounds_match_qtransform(rot):
    lay = _lay(rot=rot)
    t = QTransform()
    t.translate(lay.x + lay.w / 2, lay.y + lay.h / 2)
    t.rotate(lay.rotation)
    poly = t.map(QRectF(-lay.w / 2, -lay.h / 2, lay.w, lay.h))
    for (x, y), q in zip(G.corners(lay), [poly.at(i) for i in range(4)], strict=True):
        assert x == pytest.approx(q.x(), abs=1e-9) and y == pytest.approx(q.y(), abs=1e-9)
    r = poly.boundingRect()
    assert G.bounds(lay) == pytest.approx((r.x(), r.y(), r.width(), r.height()), abs=1e-9)
    p = (123.0, 260.0)
    assert G.to_local(lay, G.to_canvas(lay, p)) == pytest.approx(p)


def test_hit_test_respects_rotation_visibility_lock_and_order():
    cover = Cover()
    bottom = _lay(0, 0, 400, 400, lid="a")
    top = _lay(100, 100, 200, 20, rot=90, lid="b")  # a thin bar turned upright: 20 wide, 200 tall
    cover.layers = [bottom, top]
    assert G.layer_at(cover, (200, 130)).id == "b"  # inside the turned bar, outside its unturned box
    assert G.layer_at(cover, (250, 110)).id == "a"  # inside the unturned box only
    top.locked = True
    assert G.layer_at(cover, (200, 130)).id == "a"
    bottom.visible = False
    assert G.layer_at(cover, (200, 130)) is None
    assert G.layers_in(cover, (90, 90, 20, 20)) == []


def test_handles_single_and_group():
    lay = _lay()
    assert G.handle_at(lay, None, (400, 300), 13, 28) == G.Handle("resize", 1, 1)
    assert G.handle_at(lay, None, (250, 200 - 28), 13, 28) == G.Handle("rotate")
    assert G.handle_at(lay, None, (250, 250), 13, 28) is None
    assert G.handle_at(None, (0, 0, 100, 50), (100, 25), 13, 28) == G.Handle("group", 1, 0)
    assert G.Handle("resize", -1, 1).edges == {"l", "b"}


def test_resize_keeps_opposite_corner_even_when_rotated():
    lay = _lay(rot=30)
    fixed = G.handle_point(lay, -1, -1)
    grab = G.handle_point(lay, 1, 1)
    x, y, w, h = G.resize_box(G.box_of(lay), G.Handle("resize", 1, 1), (grab[0] + 40, grab[1] + 10),
                              keep_aspect=False)
    moved = _lay(x, y, w, h, rot=30)
    assert G.handle_point(moved, -1, -1) == pytest.approx(fixed)
    assert w > lay.w


def test_resize_keep_aspect_and_minimum_size():
    box = (0.0, 0.0, 200.0, 100.0, 0.0)
    x, y, w, h = G.resize_box(box, G.Handle("resize", 1, 1), (300, 120), keep_aspect=True)
    assert (x, y) == (0, 0) and w / h == pytest.approx(2.0) and w == pytest.approx(300)
    x, y, w, h = G.resize_box(box, G.Handle("resize", 1, 0), (-500, 50), keep_aspect=False)
    assert w == G.MIN_SIZE and x == 0


def test_group_resize_scales_members_about_bounds():
    boxes = {"a": (0.0, 0.0, 100.0, 100.0), "b": (200.0, 100.0, 100.0, 100.0)}
    old = G.union(boxes.values())
    new = G.resize_group(old, G.Handle("group", 1, 1), (150, 100), keep_aspect=True)
    assert new == pytest.approx((0, 0, 150, 100))
    out = G.scale_into(boxes, old, new)
    assert out["a"] == pytest.approx((0, 0, 50, 50)) and out["b"] == pytest.approx((100, 50, 50, 50))


def test_rotation_towards_sticks_and_steps():
    c = (0.0, 0.0)
    assert G.rotation_towards(c, (0, -100)) == 0
    assert G.rotation_towards(c, (100, 3)) == 90  # 1.7 degrees off: sticks to 90
    assert G.rotation_towards(c, (100, -40), step=15) % 15 == 0
    ang = math.degrees(math.atan2(-40, 100)) + 90
    assert G.rotation_towards(c, (100, -40)) == pytest.approx(ang)


def test_focal_follows_the_hand_in_the_layer_axes():
    over = G.crop_overflow(100, 100, 400, 200)  # picture 200x100 in a 100x100 box: overflows 100 px wide
    assert over == pytest.approx((100, 0))
    assert G.focal_after_drag((0.5, 0.5), over, 0, 50, 0) == pytest.approx((0.0, 0.5))
    assert G.focal_after_drag((0.5, 0.5), over, 90, 0, 50) == pytest.approx((0.0, 0.5))  # turned 90°: down = its right
    assert G.focal_after_drag((0.5, 0.5), over, 90, 50, 0) == pytest.approx((0.5, 0.5))  # across its short axis
    assert G.focal_after_drag((0.5, 0.5), over, 0, -500, 0) == (1.0, 0.5)  # clamped


def test_qpointf_and_tuples_agree_for_rotate():
    t = QTransform().rotate(33)
    q = t.map(QPointF(10, 4))
    assert G.rotate((10, 4), 33) == pytest.approx((q.x(), q.y()))
