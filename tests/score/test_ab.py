"""A/B verdicts over paired placements."""

from __future__ import annotations

import numpy as np

from xhscover.score.ab import best_variant, compare, compare_all, paired_ci
from xhscover.score.fair import fair_scores
from xhscover.score.shares import ShelfScorer

from .conftest import cover_card, title_cover


def test_stronger_variant_wins_and_identical_ones_tie(scorer, big_card, flat_card):
    from dataclasses import replace

    twin = replace(big_card, id="big-twin")
    scores = fair_scores(scorer, [big_card, flat_card, twin], placements=8, seed=1)
    verdicts = {(v.a, v.b): v for v in compare_all(scores)}
    v = verdicts[("big", "flat")]
    assert v.winner == "big" and v.clear and v.ci_low > 0
    assert "beats" in v.text_en() and "胜" in v.text_zh()
    same = verdicts[("big", "big-twin")]
    assert same.winner is None and not same.clear
    assert same.ci_low <= 0 <= same.ci_high
    assert "no clear winner" in same.text_en() and "没有明显赢家" in same.text_zh()
    assert best_variant(scores, list(verdicts.values())) is None  # big ties with its twin


def test_winner_on_the_b_side(scorer, big_card, flat_card):
    scores = fair_scores(scorer, [flat_card, big_card], placements=6, seed=2)
    v = compare(scores["flat"], scores["big"])
    assert v.winner == "big" and v.diff_mean < 0 and v.ci_high < 0
    assert best_variant(scores, [v]) == "big"
    # the sentence gives the winner's margin as positive numbers, lower bound first
    lo, hi = -100 * v.ci_high, -100 * v.ci_low
    assert f"{lo:+.1f} to {hi:+.1f} points" in v.text_en() and lo > 0
    assert f"{lo:+.1f} 到 {hi:+.1f} 个百分点" in v.text_zh()


def test_bootstrap_interval_is_reproducible_and_straddles_zero_for_noise():
    rng = np.random.default_rng(0)
    d = rng.normal(0, 0.02, 32)
    assert paired_ci(d, seed=3) == paired_ci(d, seed=3)
    lo, hi = paired_ci(d - d.mean())
    assert lo < 0 < hi
    lo, hi = paired_ci(d + 0.05)
    assert lo > 0


def test_a_b_on_a_dark_search_page(app, shelf):
    s = ShelfScorer(shelf[:6], theme="dark", page="search", query="存钱")
    a = cover_card(title_cover("存钱", cid="A"), "A")
    b = cover_card(title_cover("存钱", size=40, colour="#333333", bg="#2A2A2A", cid="B"), "B")
    scores = fair_scores(s, [a, b], placements=6, seed=0)
    v = compare(scores["A"], scores["B"])
    assert v.winner == "A"
