"""The screenshot reader on generated screenshots with ground truth: phone light/dark, home and
search pages, downscaled JPEGs, and the web's multi-column masonry with its sidebar."""

from __future__ import annotations

import pytest

from tests.shelfimport.scoring import char_accuracy, iou, score_shot
from xhscover.shelfimport.text import parse_like_count

CASES = [
    ("phone", 11, {"theme": "light", "page": "home"}),
    ("phone", 12, {"theme": "dark", "page": "search", "scale": 0.5, "jpeg": 75}),
    ("phone", 13, {"theme": "light", "page": "search", "variation": True, "jpeg": 85}),
    ("web", 14, {"theme": "light", "scroll": 0.0}),
    ("web", 15, {"theme": "dark", "scale": 0.75, "jpeg": 80, "scroll": 0.0}),
]


@pytest.mark.parametrize(("kind", "seed", "kw"), CASES, ids=[f"{k}-{s}" for k, s, _ in CASES])
def test_complete_cards_are_found_and_read(gen_shot, read_shot, kind, seed, kw):
    shot = gen_shot(kind, seed, **kw)
    reading = read_shot(shot)
    assert reading.columns == (2 if kind == "phone" else shot.meta["columns"])
    assert reading.theme == shot.meta["theme"]
    score = score_shot(shot, reading)
    assert score.complete >= 1
    assert score.found >= score.complete - 1, score.misses
    assert score.false_cards <= 1, score.misses
    assert score.title_accuracy >= 0.85, score.misses
    assert score.likes_ok >= score.likes_n - 1, score.misses


def test_flags_cut_cards_and_reads_each_field(gen_shot, read_shot):
    shot = gen_shot("phone", 21, theme="light", page="home", scroll=230.0, overlay="none")
    reading = read_shot(shot)
    cut = [t for t in shot.cards if t.cut_top or t.cut_bottom]
    assert cut, "the scroll offset should leave cards under the chrome"
    for t in shot.cards:
        best = max(reading.cards, key=lambda c: iou(c.cover_box, t.cover))
        assert iou(best.cover_box, t.cover) >= 0.8
        if t.complete:
            assert not best.cut and best.importable
            assert char_accuracy(best.title, t.title) >= 0.85
            assert char_accuracy(best.author, t.author) >= 0.85
            assert best.likes == parse_like_count(t.likes_text)
            assert best.video == t.video
        else:
            assert best.cut and not best.importable
            assert best.cut_top == t.cut_top


def test_overlays_are_flagged(gen_shot, read_shot):
    shot = gen_shot("phone", 24, theme="light", page="home", overlay="toast", scroll=0.0)
    reading = read_shot(shot)
    covered = [t for t in shot.cards if t.overlaid and t.complete]
    assert covered
    for t in covered:
        best = max(reading.cards, key=lambda c: iou(c.cover_box, t.card))
        assert best.overlaid
    clear = [c for c in reading.cards if not c.overlaid]
    assert clear, "cards away from the toast stay unflagged"
