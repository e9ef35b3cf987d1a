"""The default model on feed screens: the assembled shortcut against the full pass, the same share
for a cover scored from its project or from its PNG, and a title hidden under a photo."""

from __future__ import annotations

import io

import numpy as np
import pytest

from tests.score.conftest import cover_card, title_cover
from xhscover.attention.metrics import cc
from xhscover.feed.cards import card_from_image


@pytest.fixture(scope="module")
def sample_scorers(app):
    from xhscover.feed.cards import load_sample_shelf
    from xhscover.score.shares import ShelfScorer

    shelf, _warnings = load_sample_shelf()
    fast = ShelfScorer(shelf)
    full = ShelfScorer(shelf, full_pass=True, cache=fast.cache)
    fast.prepare()
    return fast, full


def test_assembled_screens_match_the_full_pass(sample_scorers, big_card):
    """The fast path (per-card s8 features placed on the shelf's empty screen, the backbone's tail
    on the assembled map, then readout and prior) against the backbone on the real screen image,
    20 screens: every screen CC >= 0.9 (issue 10's bar; measured mean 0.996, lowest 0.994), and
    each card's share within 1.5 share points of the full pass's at the median (measured 0.6;
    largest 3.1 points; relative to the card's share: median 3.8%, largest 19%)."""
    fast, full = sample_scorers
    ccs, diffs = [], []
    for seed in range(20):
        mine = [big_card] if seed % 2 else []
        a = fast.screen(mine, seed=seed, slot=seed % 4)
        b = full.screen(mine, seed=seed, slot=seed % 4)
        assert np.array_equal(a.rgb, b.rgb)
        ccs.append(cc(a.smap, b.smap))
        for ca, cb in zip(a.cards, b.cards, strict=True):
            if ca.visible > 0.5:
                diffs.append(abs(ca.cover_share - cb.cover_share))
    assert min(ccs) >= 0.9, ccs
    assert float(np.median(diffs)) < 0.015, sorted(diffs)


def _png_roundtrip(rgb: np.ndarray) -> np.ndarray:
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="PNG")
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")).copy()


def test_project_and_exported_png_get_the_same_share(scorer):
    """One cover scored from its project (title layer known) and as its exported PNG (a
    competitor-style image card) in the same slot of the same screens: shares within 3%."""
    from xhscover.score.covers import facts_from_image

    project = cover_card(title_cover("周末去哪儿玩", size=200), "proj")
    rgb = _png_roundtrip(project.extra["facts"].rgb)
    png = card_from_image(rgb, id="png", title=project.title, mine=True)
    png.extra["facts"] = facts_from_image(rgb, id="png", mine=True)
    for seed in (0, 1, 2):
        a = scorer.screen([project], seed=seed, slot=1).mine()[0]
        b = scorer.screen([png], seed=seed, slot=1).mine()[0]
        assert a.cover_share > 0
        assert abs(a.cover_share - b.cover_share) <= 0.03 * a.cover_share, (seed, a.cover_share, b.cover_share)


def _with_photo_over_title(cover):
    from xhscover.model.layers import ImageLayer

    title = cover.layers[0]
    photo = ImageLayer(id="photo", src="asset:photos/travel-sunset-hills.jpg", fit="cover",
                       x=title.x - 20, y=title.y - 20, w=title.w + 40, h=title.h + 40)
    cover.layers.append(photo)
    return cover


def test_a_photo_over_the_title_hides_it(app):
    """The occlusion case from issue 10: pasting a photo over the title must lower the title's
    share of the cover's attention and fail the title findings, not pass them."""
    from xhscover.score.diagnose import diagnose

    plain = cover_card(title_cover("月薪五千也能存钱", size=180, colour="#FFFFFF", bg="#E0312B"), "plain")
    hidden = cover_card(_with_photo_over_title(title_cover("月薪五千也能存钱", size=180, colour="#FFFFFF",
                                                            bg="#E0312B")), "hidden")
    fp, fh = plain.extra["facts"], hidden.extra["facts"]
    assert fp.title_visible == pytest.approx(1.0)
    assert fh.title_visible < 0.1
    dp = diagnose(fp, card_width_pt=180.0, ocr_check=True)
    dh = diagnose(fh, card_width_pt=180.0, ocr_check=True)
    assert dp.finding("title_size").status == "pass"
    assert dp.finding("title_contrast").status == "pass"
    assert dh.finding("title_size").status == "fail"
    assert dh.finding("title_contrast").status == "fail"
    assert dh.finding("title_ocr").status != "pass"
    assert dh.finding("attention_focus").extra.get("region") != "title"
    assert "title" not in dh.shares  # a hidden title holds no attention
    assert dp.shares["title"] > 0.5


@pytest.mark.parametrize("layout", ["big-title-red", "photo-title-band"])
def test_a_big_clear_title_holds_the_most_attention(app, layout):
    """On covers with a big clear title and a sticker or photo beside it, the title is where the
    cover's attention lands first (the focus finding), ahead of the stickers and pills."""
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover
    from xhscover.score.covers import facts_from_cover
    from xhscover.score.diagnose import diagnose

    store = ImageStore()
    cover = build_cover(get_layout(layout), "3:4")
    facts = facts_from_cover(cover, store, id=layout, rgb=qimage_to_rgb(render_cover(cover, store)))
    focus = diagnose(facts, card_width_pt=180.0, ocr_check=False).finding("attention_focus")
    assert focus.status == "pass" and focus.extra["region"] == "title", focus.en


def test_the_same_cover_in_the_right_column_is_not_cold(app):
    """A feed of one cover repeated: the right column's copy of a row gets 0.6-0.95x the left's
    share, on the assembled screen and on the full pass alike (the assembled screen runs the
    network's coarse stages on the whole screen, so each copy's context moves it as on the full
    pass: measured 0.70 and 0.79 assembled, 0.69 and 0.90 full; the phone's prior is the web
    pages' in degrees, with the page prior as fitted it was about 0.45x), and the top row more
    than the row below it."""
    from dataclasses import replace

    from xhscover.feed.cards import load_sample_shelf
    from xhscover.score.shares import ShelfScorer

    shelf, _warnings = load_sample_shelf()
    face = next(c for c in shelf if c.id == "outfit-milk-tea-ootd")
    copies = [replace(face, id=f"copy{i}") for i in range(10)]
    for full_pass in (False, True):
        screen = ShelfScorer(copies, full_pass=full_pass).screen([], seed=0)
        rows: dict[float, dict[int, float]] = {}
        for c, d in zip(screen.cards, screen.description["cards"], strict=True):
            if c.visible > 0.99:
                rows.setdefault(round(d["cover"][1]), {})[c.column] = c.cover_share
        pairs = [r for _y, r in sorted(rows.items()) if len(r) == 2]
        assert len(pairs) >= 2, rows
        for r in pairs:
            assert 0.6 < r[1] / r[0] < 0.95, (full_pass, rows)
        assert pairs[0][0] > pairs[1][0]
