"""帮我改: candidates keep the text, pass the legibility gate, are paired with the original's
placements, and the ranking is honest (a weak cover gets a clear fix, a strong one gets none)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from xhscover.model.images import ImageStore
from xhscover.model.layers import TextLayer
from xhscover.model.layouts import build_cover, get_layout
from xhscover.model.styles import Fill
from xhscover.score import candidates as K
from xhscover.score.diagnose import LEGIBLE_GOOD_PT, Subject, title_contrast, title_size
from xhscover.score.fair import fair_score, placements_for
from xhscover.score.palette import Palette
from xhscover.score.suggest import LEGIBLE_CONTRAST, SuggestRun
from xhscover.score.user_covers import cover_card, render_rgb

PLACEMENTS = 16


def weak_cover():
    """Small, low-contrast title straight on a busy photo (the band behind it removed)."""
    cover = build_cover(get_layout("photo-title-band"))
    for lay in cover.layers:
        if lay.id == "band":
            lay.visible = False
    t = cover.title_layer()
    t.style.size, t.style.fill, t.style.shadow = 70, Fill.solid("#B8B8B0"), None
    cover.note_title = "周末去哪儿"
    return cover


def texts(cover):
    return sorted(lay.text for lay in cover.layers if isinstance(lay, TextLayer) and lay.visible and lay.text.strip())


def run_suggest(scorer, cover, store=None, *, n=30, seed=0, placements=PLACEMENTS):
    store = store or ImageStore()
    card = cover_card(cover, store, id=cover.id, title=cover.note_title)
    return SuggestRun(scorer, card, cover, store, placements=placements, seed=seed, n=n, top=5).run()


@pytest.fixture(scope="module")
def weak_result(app, scorer):
    return run_suggest(scorer, weak_cover())


@pytest.mark.parametrize("layout", ["photo-title-band", "big-title-red", "checklist", "collage-4", "quote-card"])
def test_candidates_never_change_the_text(app, shelf, layout):
    store = ImageStore()
    cover = build_cover(get_layout(layout))
    before = copy.deepcopy(cover)
    rgb = render_rgb(cover, store)
    ctx = K.Context(cover, store, rgb, 189.0, Palette.build(rgb, [c.image for c in shelf]), {"title_size": "fail"})
    cands = K.generate(ctx, 50)
    assert 10 <= len(cands) <= 50
    assert len({c.id for c in cands}) == len(cands)
    for c in cands:
        assert texts(c.cover) == texts(cover), (c.id, c.key)
        assert c.changes and all(ch.zh and ch.en and ch.kind for ch in c.changes)
        assert c.text_zh() and c.text_en()
    assert cover == before  # generators work on copies


def test_weak_cover_gets_a_clear_fix_of_at_least_30_percent(weak_result):
    r = weak_result
    assert r.suggestions, r.headline_en()
    top = r.suggestions[0]
    assert top.confirmed and top.n == PLACEMENTS
    assert top.gain >= 0.30 and top.ci_low > 0 and top.clear, (top.gain, top.ci_low, r.noise)
    assert r.best is top
    assert "+" in top.gain_en() and f"of {PLACEMENTS} placements" in top.gain_en()
    # ranked by gain, one of each kind of change
    gains = [s.gain for s in r.suggestions]
    assert gains == sorted(gains, reverse=True)
    assert len({s.candidate.key for s in r.suggestions}) == len(r.suggestions)


def test_every_suggestion_passes_the_legibility_findings(app, weak_result):
    for s in weak_result.suggestions:
        subject = Subject(s.facts, 189.0)
        assert title_size(subject).value >= LEGIBLE_GOOD_PT
        assert title_contrast(subject).value >= LEGIBLE_CONTRAST
    assert weak_result.dropped  # the small grey title alone, restyled but not enlarged, is dropped
    assert any("18 pt" in d.reason_en for d in weak_result.dropped)


def test_suggestions_are_paired_with_the_original_placements(app, scorer, weak_result):
    plan = placements_for(scorer, PLACEMENTS, 0)
    keys = [(p.seed, p.slot) for p in weak_result.original.placements]
    assert keys == [(s, slot) for s, slot in plan]
    for s in weak_result.suggestions:
        assert [(p.seed, p.slot) for p in s.score.placements] == keys


@pytest.mark.parametrize("model", ["default", "classic"])
def test_pasted_screens_score_like_rendered_ones(app, shelf, model):
    """Scoring a candidate in screens rendered once gives the shares a real render gives: the
    classic model reads the pasted pixels (black/white renders + coverage), the default one
    assembles the map from each cover's own readout."""
    from xhscover.score.shares import ShelfScorer

    scorer = ShelfScorer(shelf, model=model)
    assert scorer.reads_screen_pixels == (model == "classic")
    store = ImageStore()
    cover = weak_cover()
    card = cover_card(cover, store, id="A", title=cover.note_title)
    real = fair_score(scorer, card, placements=6, seed=2)
    run = SuggestRun(scorer, card, cover, store, placements=6, seed=2, n=1)
    run.prepare()
    run.score_original()
    pasted = run.original_full
    assert [round(p.share, 4) for p in pasted.placements] == [round(p.share, 4) for p in real.placements]
    assert abs(pasted.fair_ratio - real.fair_ratio) < 1e-3 * real.fair_ratio


def test_a_suggestion_scores_as_the_applied_variant_does(app, scorer, weak_result):
    """What 帮我改 reports for a suggestion is what `score` says of it once applied: same facts
    (detectors on its own pixels), same placements, a real render of each screen."""
    store = ImageStore()
    for s in weak_result.suggestions[:2]:
        card = cover_card(s.candidate.cover, store, id="A", title=weak_cover().note_title)
        applied = fair_score(scorer, card, placements=PLACEMENTS, seed=0)
        assert abs(applied.fair_ratio - s.score.fair_ratio) < 2e-3 * applied.fair_ratio, s.id


def test_strong_cover_gets_nothing_clearly_better(app, scorer):
    """Taking the best suggestion until none is clearly better must end, and soon: the tool does
    not invent a winner for a cover that already took its advice."""
    store = ImageStore()
    cover = weak_cover()
    ratios = []
    for _round in range(4):
        r = run_suggest(scorer, cover, store)
        ratios.append(r.original.fair_ratio)
        if r.best is None:
            break
        cover = r.best.candidate.cover
    assert r.best is None, [round(x, 2) for x in ratios]
    assert not any(s.worse for s in r.suggestions)  # a clearly worse change is not offered
    assert "Nothing clearly better" in r.headline_en() or "None of the" in r.headline_en()
    assert ratios == sorted(ratios) and ratios[-1] > 1.3 * ratios[0]  # each round really improved


def test_same_seed_same_ranking(app, scorer, weak_result):
    again = run_suggest(scorer, weak_cover())
    assert [s.id for s in again.suggestions] == [s.id for s in weak_result.suggestions]
    # the same numbers, to the last few bits: the shelf screens are composited in float maths whose
    # rounding can differ in the 16th digit between runs (render caches warm or cold)
    assert [s.gain for s in again.suggestions] == pytest.approx([s.gain for s in weak_result.suggestions], rel=1e-12)
    assert [v for s in again.suggestions for v in (s.ci_low, s.ci_high)] == pytest.approx(
        [v for s in weak_result.suggestions for v in (s.ci_low, s.ci_high)], rel=1e-12)
    assert [s.ahead for s in again.suggestions] == [s.ahead for s in weak_result.suggestions]


def test_progress_reports_results_early(app, scorer):
    seen = []
    store = ImageStore()
    cover = weak_cover()
    card = cover_card(cover, store, id="A", title=cover.note_title)
    run = SuggestRun(scorer, card, cover, store, placements=PLACEMENTS, n=20)
    run.run(progress=lambda done, total, top: seen.append((done, total, [s.id for s in top])))
    dones = [d for d, _t, _top in seen]
    assert dones == sorted(dones) and dones[-1] == seen[-1][1]
    first_results = next(i for i, (_d, _t, top) in enumerate(seen) if top)
    assert seen[first_results][0] < seen[first_results][1]  # results before every candidate is scored


def test_cancel_stops_the_run(app, scorer):
    from xhscover.score.suggest import Cancelled

    store = ImageStore()
    cover = weak_cover()
    card = cover_card(cover, store, id="A", title=cover.note_title)
    calls = []
    run = SuggestRun(scorer, card, cover, store, placements=PLACEMENTS, n=20)
    with pytest.raises(Cancelled):
        run.run(progress=lambda d, t, top: calls.append(d), cancelled=lambda: len(calls) >= 2)
    assert len(calls) == 2


def test_cover_without_text(app, scorer):
    cover = build_cover(get_layout("photo-title-band"))
    cover.layers = [lay for lay in cover.layers if not isinstance(lay, TextLayer)]
    r = run_suggest(scorer, cover, n=15)
    assert r.tried >= 1
    for s in r.suggestions:
        assert not any(ch.kind.startswith("title") for ch in s.candidate.changes)
        assert s.title_pt is None
    assert r.headline_en() and r.headline_zh()


def test_image_only_cover_is_cropped_with_its_text_whole(app, scorer):
    from xhscover.feed.cards import card_from_image
    from xhscover.score.covers import facts_from_image

    store = ImageStore()
    src = render_rgb(weak_cover(), ImageStore())
    cover = K.image_cover(src, store)
    rgb = render_rgb(cover, store)
    assert np.abs(rgb.astype(int) - src.astype(int)).mean() < 1.5  # the picture is drawn as it is (resampled)
    card = card_from_image(rgb, id="A", title="", mine=True)
    card.extra["facts"] = facts_from_image(rgb, id="A", mine=True)
    r = SuggestRun(scorer, card, cover, store, placements=PLACEMENTS, n=10, image_only=True).run()
    assert r.tried >= 1
    boxes = card.extra["facts"].text_boxes
    assert boxes  # OCR finds the title and the subtitle
    for s in r.suggestions:
        assert [ch.kind for ch in s.candidate.changes] == ["photo_crop"]
        x, y, w, h = s.candidate.changes[0].params["crop"]
        for bx, by, bw, bh in boxes:  # every line of text stays whole inside the crop
            assert x <= bx + 1e-6 and y <= by + 1e-6 and bx + bw <= x + w + 1e-6 and by + bh <= y + h + 1e-6


def test_bad_counts_are_refused(app, scorer, big_card):
    from xhscover.errors import XhsError

    with pytest.raises(XhsError, match="between 1 and 500"):
        SuggestRun(scorer, big_card, weak_cover(), ImageStore(), n=0)



def test_a_clearly_worse_change_is_not_suggested(weak_result):
    """A change that loses on every placement beyond the noise (the bundled photo-title-band's
    black title: -6%, 0 of 32 placements ahead) is not offered; it was listed fifth as "inside
    the placement noise". The selection rule on the run's own suggestions, one made worse."""
    import dataclasses

    from xhscover.score.suggest import _top

    first, second = weak_result.suggestions[:2]
    noise = weak_result.noise
    worse = dataclasses.replace(second, gain=-2 * noise, ci_low=-3 * noise, ci_high=-noise)
    level = dataclasses.replace(second, gain=-noise / 2, ci_low=-noise, ci_high=noise / 4)
    assert worse.worse and not level.worse
    assert [s.id for s in _top([first, worse], 5)] == [first.id]
    assert [s.id for s in _top([first, level], 5)] == [first.id, second.id]  # inside the noise: still shown
    assert all(not s.worse for s in weak_result.suggestions)
