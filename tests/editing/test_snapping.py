"""Move snapping with smart spacing (xhscover.editing.snapping.snap_move): equal gaps between
neighbours, a gap the row already uses, and edge guides winning when they are closer."""

from __future__ import annotations

import pytest

from xhscover.editing.snapping import Gap, Guide, snap_move

CANVAS = (1080.0, 1440.0)


def test_equal_gaps_between_two_neighbours():
    left, right = (100.0, 500.0, 200.0, 100.0), (700.0, 520.0, 200.0, 100.0)
    # 200 wide between x=300 and x=700: equal gaps put it at x=400; it is dropped at 404
    rect, guides, gaps = snap_move((404.0, 560.0, 200.0, 80.0), CANVAS, [left, right], 6.0)
    assert rect[0] == pytest.approx(400) and rect[1] == 560  # y is not touched (no target within 6 px)
    assert not [g for g in guides if g.orientation == "v"]
    assert sorted((g.start, g.end) for g in gaps) == [(300, 400), (600, 700)]
    assert all(g.orientation == "h" and g.size == pytest.approx(100) for g in gaps)
    # drawn inside the vertical span the moving box shares with each neighbour
    assert all(560 <= g.at <= 620 for g in gaps)


def test_gap_the_row_already_uses():
    a, b = (40.0, 300.0, 100.0, 100.0), (180.0, 300.0, 100.0, 100.0)  # 40 px apart
    rect, _guides, gaps = snap_move((323.0, 310.0, 100.0, 60.0), CANVAS, [a, b], 6.0)
    assert rect[0] == pytest.approx(320)  # 40 px right of b, like a..b
    assert {(g.start, g.end) for g in gaps} == {(140, 180), (280, 320)}


def test_vertical_stack_spacing():
    top, bottom = (400.0, 100.0, 300.0, 100.0), (400.0, 600.0, 300.0, 100.0)
    rect, _guides, gaps = snap_move((420.0, 353.0, 200.0, 100.0), CANVAS, [top, bottom], 6.0)
    assert rect[1] == pytest.approx(350)
    assert {(g.orientation, g.start, g.end) for g in gaps} == {("v", 200, 350), ("v", 450, 600)}


def test_edge_guide_wins_when_closer_and_nothing_beyond_reach():
    left, right = (100.0, 500.0, 200.0, 100.0), (700.0, 520.0, 200.0, 100.0)
    # the box's centre is 1 px from the canvas centre (540), equal spacing is 5 px away
    rect, guides, gaps = snap_move((439.0 + 0.0, 560.0, 200.0, 80.0), CANVAS, [left, right], 6.0)
    assert Guide("v", 540.0) in guides and rect[0] == pytest.approx(440) and not gaps
    rect, guides, gaps = snap_move((420.0, 560.0, 200.0, 80.0), CANVAS, [left, right], 6.0)
    assert rect == (420.0, 560.0, 200.0, 80.0) and not gaps and not [g for g in guides if g.orientation == "v"]


def test_boxes_in_other_rows_do_not_count():
    left, right = (100.0, 0.0, 200.0, 100.0), (700.0, 0.0, 200.0, 100.0)  # far above the moving box
    _rect, _guides, gaps = snap_move((404.0, 800.0, 200.0, 80.0), CANVAS, [left, right], 6.0)
    assert gaps == []


def test_gap_size():
    assert Gap("h", 10, 35, 0).size == 25
