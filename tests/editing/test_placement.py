"""New stickers and pictures (xhscover.editing.placement through the commands): a size relative to
the canvas, and a spot that covers no text when the cover has room for it."""

from __future__ import annotations

import pytest
from PIL import Image

from xhscover.editing import commands as C
from xhscover.editing import geometry as G
from xhscover.editing.document import EditorDocument
from xhscover.editing.placement import STICKER_SIDE, free_spot, image_size, sticker_size
from xhscover.model.assets import sticker_catalog
from xhscover.model.cover import Cover
from xhscover.model.layouts import get_layout
from xhscover.render.text import text_boxes


def _text_overlap(doc: EditorDocument, lay) -> float:
    return sum(G.overlap_area(G.bounds(lay), box) for lid, box, _l in text_boxes(doc.cover) if lid != lay.id)


@pytest.mark.parametrize("layout", ["big-title-red", "photo-title-band", "checklist", "quote-card"])
@pytest.mark.parametrize("ratio", ["3:4", "1:1", "4:3"])
def test_new_sticker_covers_no_text(layout, ratio):
    doc = EditorDocument.from_layout(get_layout(layout), ratio)
    sid = next(iter(sticker_catalog())).id
    for _ in range(2):  # the second one avoids the text and the first
        doc.push(C.add_layer(doc, C.new_sticker_layer(doc, sticker_id=sid)))
    first, second = doc.cover.layers[-2:]
    assert _text_overlap(doc, first) == 0 and _text_overlap(doc, second) == 0
    assert G.overlap_area(G.bounds(first), G.bounds(second)) == 0
    side = STICKER_SIDE * min(doc.cover.width, doc.cover.height)
    assert max(first.w, first.h) == pytest.approx(side, abs=0.01)
    m = 0.06 * min(doc.cover.width, doc.cover.height)  # inside the safe margin
    assert first.x >= m - 0.01 and first.x + first.w <= doc.cover.width - m + 0.01


def test_sizes_follow_the_canvas_not_its_width_alone():
    tall, wide = Cover(ratio="3:4", width=1080, height=1440), Cover(ratio="4:3", width=1440, height=1080)
    assert sticker_size(tall, 0.5) == pytest.approx((0.22 * 1080 * 0.5, 0.22 * 1080))
    assert sticker_size(wide, 2.0) == sticker_size(tall, 2.0)
    w, h = image_size(tall, 4000, 1000)
    assert w == pytest.approx(648) and h == pytest.approx(162)
    w, h = image_size(tall, 1000, 4000)
    assert h == pytest.approx(720) and w == pytest.approx(180)


def test_free_spot_picks_the_empty_side():
    from xhscover.model.layers import TextLayer

    cover = Cover(ratio="3:4", width=1080, height=1440)
    cover.layers = [TextLayer(id="t", x=60, y=60, w=960, h=1320, text="左\n" * 6)]  # a narrow column of text
    ink = text_boxes(cover)[0][1]
    x, y = free_spot(cover, 200, 200)
    assert G.overlap_area((x, y, 200, 200), ink) == 0
    assert x >= ink[0] + ink[2] or x + 200 <= ink[0]


def test_new_picture_is_placed_off_the_title(tmp_path):
    doc = EditorDocument.from_layout(get_layout("big-title-red"))
    p = tmp_path / "wide.png"
    Image.new("RGB", (400, 200), "orange").save(p)
    key = doc.store.add_file(p)
    lay = C.new_image_layer(doc, key)
    assert lay.w / lay.h == pytest.approx(2.0, abs=0.01) and lay.w == pytest.approx(0.6 * 1080)
    boxes = [box for _lid, box, _l in text_boxes(doc.cover)]
    centred = ((1080 - lay.w) / 2, (1440 - lay.h) / 2, lay.w, lay.h)
    here = sum(G.overlap_area(G.bounds(lay), b) for b in boxes)
    assert here <= sum(G.overlap_area(centred, b) for b in boxes)
