"""Scoring worker (real attention engine, small shelf), friendly names and the new commands."""

from __future__ import annotations

import pytest

from tests.editing.conftest import sample_layout
from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.feedstate import FeedController
from xhscover.editing.names import display_name
from xhscover.editing.scoring import ScoreWorker, build_request
from xhscover.feed.sample import synthetic_shelf
from xhscover.model.layers import ImageLayer, ShapeLayer, TextLayer


@pytest.fixture
def feed(gui_app):
    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    doc.push(C.duplicate_variant(doc))
    f = FeedController(delay_ms=10)
    f.competitors = synthetic_shelf(6)
    f.set_document(doc)
    return f


def test_worker_scores_and_drops_stale_results(feed, qtbot):
    w = ScoreWorker()
    got = []
    w.result.connect(got.append)
    old = build_request(feed, w.next_generation(), placements=3)
    new = build_request(feed, w.next_generation(), placements=3)
    w.submit(old)  # already stale when it starts: skipped
    w.submit(new)
    qtbot.waitUntil(lambda: any(r.stage == "full" for r in got), timeout=60000)
    assert all(r.generation == new.generation for r in got)
    assert [r.stage for r in got] == ["screen", "full"]
    full = got[-1]
    assert not full.error, full.error
    assert 0 < full.share <= 1 and full.rank >= 1
    assert set(full.fair) == set(new.covers) == {c.id for c in feed.doc.project.covers}
    assert all(fs.n == 3 for fs in full.fair.values())
    from xhscover.score.diagnose import CHECK_KEYS

    assert [f.key for f in full.findings] == list(CHECK_KEYS)  # the OCR check included, as in the CLI
    assert len(full.run.verdicts) == 1
    # the numbers shown are the engine's: the share is the screen's share of the current cover
    assert full.share == full.screen.card(full.current).cover_share
    assert all(f.zh and f.en for f in full.findings)
    w.wait()


def test_display_names():
    assert display_name(TextLayer(id="t", name="我的标题")) == "我的标题"
    assert display_name(TextLayer(id="title", slot="title")) == "Title"
    assert display_name(ImageLayer(id="photo2", slot="photo2")) == "Photo 2"
    assert display_name(TextLayer(id="tape1_text", slot="tape1_text")) == "Tape · text 1"
    assert display_name(ShapeLayer(id="shape3")) == "Shape 3"


def test_insert_shapes_stickers_and_focal(gui_app):
    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    n = len(doc.cover.layers)
    for kind in C.SHAPE_KINDS:
        doc.push(C.add_layer(doc, C.new_shape_layer(doc, kind)))
    from xhscover.model.assets import sticker_catalog

    sid = sticker_catalog().ids()[0]
    doc.push(C.add_layer(doc, C.new_sticker_layer(doc, sticker_id=sid)))
    doc.push(C.add_layer(doc, C.new_sticker_layer(doc, emoji="🔥")))
    assert len(doc.cover.layers) == n + 7
    assert [lay.shape for lay in doc.cover.layers if lay.kind == "shape"][-5:] == list(C.SHAPE_KINDS)
    assert doc.cover.layers[-2].sticker == sid and doc.cover.layers[-1].emoji == "🔥"
    img = ImageLayer(id="img1", src="x", fit="cover")
    doc.push(C.add_layer(doc, img))
    g = doc.new_gesture()
    for v in (0.4, 0.3, 0.2):
        doc.push(C.set_focal(doc, "img1", (v, 0.5), gesture=g))
    assert doc.cover.layer("img1").focal == (0.2, 0.5)
    doc.undo_stack.undo()
    assert doc.cover.layer("img1").focal == (0.5, 0.5)


