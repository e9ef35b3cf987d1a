"""Attention shares on one screen and the position-fair score."""

from __future__ import annotations

import numpy as np

from xhscover.score.fair import fair_score, placements_for
from xhscover.score.shares import crop_window, map_boxes


def test_shares_on_a_screen_sum_to_at_most_one(scorer, big_card):
    for seed in range(3):
        screen = scorer.screen([big_card], seed=seed)
        assert abs(float(screen.smap.sum()) - 1.0) < 1e-3
        covers = sum(c.cover_share for c in screen.cards)
        titles = sum(c.title_share for c in screen.cards)
        cards = sum(c.card_share for c in screen.cards)
        assert 0 < covers + titles <= cards + 1e-9 <= 1.0 + 1e-9
        assert 0 <= screen.other_share <= 1
        visible = [c for c in screen.cards if c.visible > 0]
        assert sorted(c.rank for c in visible) == list(range(1, len(visible) + 1))
        assert all(c.rank == 0 and c.cover_share == 0 for c in screen.cards if c.visible == 0)
        mine = screen.mine()
        assert len(mine) == 1 and mine[0].id == "big"


def test_screen_is_scored_at_one_pixel_per_pt(scorer, big_card):
    screen = scorer.screen([big_card], seed=0)
    desc = screen.description
    ratio = desc["pixel_ratio"]
    assert screen.rgb.shape[1] == round(desc["screen_size"][0] / ratio)
    assert abs(screen.scale - 1 / ratio) < 1e-9


def test_big_title_beats_flat_grey(scorer, big_card, flat_card):
    big = fair_score(scorer, big_card, placements=8, seed=0)
    flat = fair_score(scorer, flat_card, placements=8, seed=0)
    assert big.fair_ratio > flat.fair_ratio
    assert big.share_mean > flat.share_mean
    assert flat.fair_ratio < 1.0
    assert big.n == flat.n == 8
    assert [p.slot for p in big.placements] == [p.slot for p in flat.placements]


def test_fair_score_is_deterministic(scorer, big_card):
    a = fair_score(scorer, big_card, placements=6, seed=5)
    b = fair_score(scorer, big_card, placements=6, seed=5)
    assert [p.share for p in a.placements] == [p.share for p in b.placements]
    assert a.fair_ratio == b.fair_ratio and a.share_std == b.share_std
    c = fair_score(scorer, big_card, placements=6, seed=6)
    assert [p.seed for p in c.placements] != [p.seed for p in a.placements]


def test_placements_cycle_over_visible_slots(scorer):
    plan = placements_for(scorer, 10, seed=0)
    slots = [s for _seed, s in plan]
    v = max(slots) + 1
    assert v >= 2
    assert slots == [i % v for i in range(10)]


def test_cover_boxes_follow_the_feed_crop():
    # a 1:2 (very tall) cover in a 3:4 slot: the feed crops the top and bottom
    x, y, w, h = crop_window(0.5, 0.75)
    assert x == 0 and w == 1 and abs(h - 2 / 3) < 1e-9 and abs(y - 1 / 6) < 1e-9
    boxes = map_boxes([(0.0, 0.5, 1.0, 0.1), (0.0, 0.0, 1.0, 0.1)], 0.5, (10, 20, 300, 400))
    assert len(boxes) == 1  # the top band is cropped away
    bx, by, bw, bh = boxes[0]
    assert abs(bx - 10) < 1e-9 and abs(bw - 300) < 1e-9
    assert abs(by - (20 + 400 * (0.5 - 1 / 6) / (2 / 3))) < 1e-6 and abs(bh - 60) < 1e-6
    assert np.isclose(sum(crop_window(1.0, 1.0)), 2.0)
