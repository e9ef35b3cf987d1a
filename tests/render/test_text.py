"""Text layers: fitting, line breaking, the XHS effects stack, rotation and bounded work."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from xhscover.model.cover import Cover
from xhscover.model.layers import TextLayer
from xhscover.model.styles import Fill, Highlight, LabelBox, Shadow, Stroke, TextStyle
from xhscover.model.textbreak import NO_LINE_START
from xhscover.render.text import layout_text, text_boxes

from .helpers import bbox, close, cover_with, mask, non_bg, render_rgb

pytestmark = pytest.mark.usefixtures("qapp")


def text(t: str = "小红书封面", *, x=50, y=50, w=300, h=150, **style) -> TextLayer:
    style.setdefault("size", 60)
    style.setdefault("fill", Fill.solid("#000000"))
    return TextLayer(id="t", x=x, y=y, w=w, h=h, text=t, style=TextStyle(**style))


def test_text_draws_inside_its_box():
    layer = text()
    arr = render_rgb(cover_with(layer))
    box = bbox(non_bg(arr))
    assert box is not None
    x0, y0, x1, y1 = box
    assert 50 <= x0 and x1 < 350 and 50 <= y0 and y1 < 200
    lay = layout_text(layer)
    assert lay.fits and lay.size == 60 and lay.lines == ["小红书封面"]
    ix, iy, iw, ih = lay.ink_box
    assert abs(ix - x0) <= 2 and abs(iy - y0) <= 2 and abs(ix + iw - x1) <= 3 and abs(iy + ih - y1) <= 3
    assert 30 < lay.glyph_height < 62


def test_empty_and_whitespace_text_draw_nothing():
    for t in ("", "   ", "\n\n"):
        layer = text(t, strokes=[Stroke("#FF0000", 8)], label=LabelBox(), shadow=Shadow())
        assert not non_bg(render_rgb(cover_with(layer))).any()
        assert layout_text(layer).lines == []
    assert text_boxes(cover_with(text(""))) == []


def test_auto_fit_shrinks_until_it_fits():
    layer = text("这是一个很长很长的标题需要自动缩小才能放进盒子里", size=120, min_size=12)
    lay = layout_text(layer)
    assert lay.fits and lay.size < 120
    for x, y, w, h in lay.line_boxes:
        assert x >= 49 and y >= 49 and x + w <= 351 and y + h <= 201
    fixed = text("这是一个很长很长的标题需要自动缩小才能放进盒子里", size=120, auto_fit=False)
    assert layout_text(fixed).size == 120 and not layout_text(fixed).fits


def test_line_breaking_follows_chinese_rules():
    layer = text("今天吃什么，明天吃什么？后天吃什么。大后天呢！", w=200, h=400, size=40, auto_fit=False)
    lines = layout_text(layer).lines
    assert len(lines) > 2
    assert all(line[0] not in NO_LINE_START for line in lines if line)
    assert "".join(lines) == "今天吃什么，明天吃什么？后天吃什么。大后天呢！"
    explicit = layout_text(text("第一行\n第二行", w=400, size=40)).lines
    assert explicit == ["第一行", "第二行"]


def test_enormous_text_is_bounded_and_clipped():
    layer = text("超长文字" * 2500, x=100, y=100, w=200, h=200, size=96, min_size=18,
                 strokes=[Stroke("#FF0000", 4)])
    t0 = time.perf_counter()
    arr = render_rgb(cover_with(layer))
    assert time.perf_counter() - t0 < 5
    lay = layout_text(layer)
    assert not lay.fits and lay.size == 18
    ink = bbox(non_bg(arr))
    assert ink is not None
    x0, y0, x1, y1 = ink
    assert x0 >= 100 - 8 and y0 >= 100 - 8 and x1 <= 300 + 8 and y1 <= 300 + 8


def test_strokes_stack_outer_ring_outside_inner():
    layer = text("国", w=300, h=300, size=200, fill=Fill.solid("#000000"),
                 strokes=[Stroke("#0000FF", 8), Stroke("#FF0000", 8)])
    arr = render_rgb(cover_with(layer))
    black, blue, red = mask(arr, (0, 0, 0), 30), mask(arr, (0, 0, 255), 40), mask(arr, (255, 0, 0), 40)
    assert black.sum() > 500 and blue.sum() > 500 and red.sum() > 500
    dist = cv2.distanceTransform((~black).astype(np.uint8), cv2.DIST_L2, 5)
    assert 2 < np.median(dist[blue]) < 9 < np.median(dist[red]) < 17


def test_gradient_fill_varies_across_the_text():
    layer = text("国国\n国国", w=300, h=300, size=120, fill=Fill.linear([(0, "#FF0000"), (1, "#0000FF")], 90))
    arr = render_rgb(cover_with(layer))
    ink = non_bg(arr, tol=60)
    ys = np.nonzero(ink)[0]
    top = arr[ink & (np.arange(400)[:, None] < np.percentile(ys, 20))]
    bottom = arr[ink & (np.arange(400)[:, None] > np.percentile(ys, 80))]
    assert top[:, 0].mean() > top[:, 2].mean() + 60
    assert bottom[:, 2].mean() > bottom[:, 0].mean() + 60


def test_shadow_falls_below_and_is_blurred():
    layer = text("国", w=300, h=300, size=160, fill=Fill.solid("#FFFFFF"), shadow=Shadow("#000000FF", 0, 30, 12))
    arr = render_rgb(cover_with(layer, bg="#FFFFFF"))
    dark = non_bg(arr, tol=10)
    lay = layout_text(layer)
    x, y, w, h = lay.ink_box
    below = dark[int(y + h) + 2: int(y + h) + 40, int(x): int(x + w)]
    assert below.any()
    values = np.unique(arr[dark][:, 0])
    assert len(values) > 20  # soft edge, not a hard copy


def test_marker_highlight_covers_the_lower_part_of_each_line():
    layer = text("国国国", w=300, h=150, size=60, fill=Fill.solid("#000000"),
                 highlight=Highlight(color="#FFE45C", height=0.4, offset=0.05))
    arr = render_rgb(cover_with(layer))
    yellow = mask(arr, (255, 228, 92), 20)
    assert yellow.sum() > 1000
    _, y0, _, y1 = bbox(yellow)
    ix, iy, iw, ih = layout_text(layer).ink_box
    assert y0 > iy + ih * 0.3  # starts well below the top of the glyphs
    assert y1 >= iy + ih * 0.8  # reaches down to the bottom of the glyphs


def test_label_box_is_padded_behind_the_block():
    layer = text("标签", w=300, h=120, size=50, fill=Fill.solid("#FFFFFF"),
                 label=LabelBox(color="#FF2442", padding_x=20, padding_y=10, radius=12,
                                border=Stroke("#000000", 3)))
    arr = render_rgb(cover_with(layer))
    red = mask(arr, (255, 36, 66), 30)
    rx0, ry0, rx1, ry1 = bbox(red | mask(arr, (0, 0, 0), 60))
    ix, iy, iw, ih = layout_text(layer).ink_box
    assert rx0 < ix - 10 and rx1 > ix + iw + 10 and ry0 < iy - 3 and ry1 > iy + ih + 3
    assert mask(arr, (0, 0, 0), 60).sum() > 50  # border


def test_alignment_and_letter_spacing():
    def ink(**style):
        return bbox(non_bg(render_rgb(cover_with(text("国国", w=300, h=100, size=40, **style)))))

    left, center, right = ink(align="left"), ink(align="center"), ink(align="right")
    assert left[0] < center[0] < right[0]
    assert abs(left[0] - 50) < 8 and abs(right[2] - 350) < 8
    top, bottom = ink(valign="top"), ink(valign="bottom")
    assert top[1] < 70 and bottom[3] > 130
    spaced = ink(align="left", letter_spacing=30)
    assert (spaced[2] - spaced[0]) - (left[2] - left[0]) == pytest.approx(30, abs=3)


def test_rotation_turns_the_block_about_its_centre():
    flat = text("国国国国国", x=100, y=175, w=200, h=50, size=40, auto_fit=False)
    turned = text("国国国国国", x=100, y=175, w=200, h=50, size=40, auto_fit=False)
    turned.rotation = 90
    a = bbox(non_bg(render_rgb(cover_with(flat))))
    b = bbox(non_bg(render_rgb(cover_with(turned))))
    assert a[2] - a[0] > 3 * (a[3] - a[1])
    assert b[3] - b[1] > 3 * (b[2] - b[0])
    assert abs((b[0] + b[2]) / 2 - 200) < 6 and abs((b[1] + b[3]) / 2 - 200) < 6
    (_, box, _), = text_boxes(cover_with(turned))
    assert box[3] > 3 * box[2]


def test_opacity_and_hidden_layers():
    layer = text("国", w=300, h=300, size=200, fill=Fill.solid("#000000"))
    layer.opacity = 0.5
    arr = render_rgb(cover_with(layer))
    assert close(arr[non_bg(arr, tol=3)].min(axis=0), (127, 127, 127), 6)
    layer.opacity = 1.0
    assert not non_bg(render_rgb(cover_with(layer), hide={"t"})).any()
    layer.visible = False
    assert not non_bg(render_rgb(cover_with(layer))).any()
    assert text_boxes(cover_with(layer)) == []


def test_text_boxes_include_strokes():
    layer = text("国", w=300, h=300, size=100, strokes=[Stroke("#FF0000", 10)])
    cover = Cover(width=400, height=400, layers=[layer])
    ((lid, (x, y, w, h), lay),) = text_boxes(cover)
    ix, iy, iw, ih = lay.ink_box
    assert lid == "t" and x == pytest.approx(ix - 10) and w == pytest.approx(iw + 20)


def test_layout_is_cached_by_content():
    layer = text("缓存测试")
    a = layout_text(layer)
    layer.x += 10
    b = layout_text(layer)
    assert b.ink_box[0] == pytest.approx(a.ink_box[0] + 10) and b.lines == a.lines
    layer.text = "改了"
    assert layout_text(layer).lines == ["改了"]


def test_emoji_inside_text_is_drawn_in_colour():
    from xhscover.errors import XhsError
    from xhscover.model.fonts import font_catalog

    try:
        font_catalog().get("noto-color-emoji")
    except XhsError:
        pytest.skip("colour emoji font not bundled")
    layer = text("好吃🔥", w=300, h=150, size=80, fill=Fill.solid("#000000"))
    layer.rotation = 8  # Qt ignores transforms for bitmap glyphs; the renderer must not
    arr = render_rgb(cover_with(layer))
    ink = arr[non_bg(arr)]
    assert ((ink[:, 0] - ink[:, 2]) > 120).sum() > 200  # orange flame pixels
    ((_, box, lay),) = text_boxes(cover_with(layer))
    assert lay.lines == ["好吃🔥"]
