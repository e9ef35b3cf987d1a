"""Layouts the reader once got wrong, each generated with ground truth: covers the colour of the
page stacked in one web column, the thin row gaps of wide (tablet) columns, and chrome bars on
the page colour above a scrolled search page."""

from __future__ import annotations

import pytest

from tests.shelfimport import shots
from tests.shelfimport.scoring import score_shot


@pytest.mark.parametrize("seed", [52, 56, 59])
def test_page_coloured_covers_stacked_in_a_web_column(read_shot, seed):
    # white text covers on the white page: a column's covers show no edges, only their text bands
    # (title lines and the author row under each) say where one card ends and the next begins
    shot = shots.web_shot(seed, theme="light", notes=shots.white_cover_notes(seed, 24), scroll=0.0)
    score = score_shot(shot, read_shot(shot))
    assert score.complete >= 4
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses


@pytest.mark.parametrize(("seed", "theme", "scale", "jpeg"), [(51, "light", 0.8, None), (54, "light", 0.8, None),
                                                              (52, "dark", 0.6, 60)])
def test_thin_row_gaps_between_wide_cards(read_shot, seed, theme, scale, jpeg):
    # an iPad's two columns are wide while the row gap stays a few points: a gap of 4-6 pixels
    # under a 560-pixel column is a gap between cards, not a cover's edge blending into its card
    shot = shots.degrade(shots.phone_shot(seed, variation=True, device="ipad-mini", theme=theme), scale=scale,
                         jpeg=jpeg)
    score = score_shot(shot, read_shot(shot))
    assert score.complete >= 2
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses


@pytest.mark.parametrize("seed", [50, 53, 55])
def test_chrome_bars_on_the_page_colour_are_not_grid(read_shot, seed):
    # a scrolled search page: the search field, tabs and filter chips stand on the page colour,
    # so the gutter shows it there too; the grid starts under them, and the cards cut by them
    # start there as well (not at the top of the screen)
    shot = shots.degrade(shots.phone_shot(seed, page="search", theme="light", scroll=150.0 + seed % 7 * 20,
                                          overlay="none"), scale=0.67)
    reading = read_shot(shot)
    score = score_shot(shot, reading)
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses
    chrome_bottom = min(t.cover[1] for t in shot.cards)
    assert all(c.cover_box[1] >= chrome_bottom - 3 for c in reading.cards)


@pytest.mark.parametrize("seed", [61, 62])
def test_white_cards_on_a_white_card_body(read_shot, seed):
    # a white text cover on the app's white card body: the whole card is body-coloured, found as a
    # card-shaped run between canvas gaps (rounded top); its cover ends a title's padding above
    # the title, and its own big text is not taken for an author row
    shot = shots.phone_shot(seed, theme="light", notes=shots.white_cover_notes(seed, 14), overlay="none")
    score = score_shot(shot, read_shot(shot))
    assert score.complete >= 3
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses


def test_a_toast_over_the_title_does_not_stretch_the_cover(read_shot):
    # the toast merges the two title lines into one tall dark line: still where the title is,
    # so the white cover above it ends there
    shot = shots.make_shot(1025)
    assert shot.meta["overlay"] == "toast"
    score = score_shot(shot, read_shot(shot))
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses


def test_web_covers_with_a_white_top(read_shot):
    # on the white web page a photo with a white backdrop shows its edge only lower down: its
    # top is placed the typical gap under the card above it
    shot = shots.make_shot(3004, variation=True)
    score = score_shot(shot, read_shot(shot))
    assert score.found == score.complete, score.misses
    assert score.false_cards <= 1, score.misses


def test_a_white_card_between_canvas_gaps(read_shot):
    # no cover rows at all in one card (a white text cover on the white body): still a card
    shot = shots.make_shot(1035)
    score = score_shot(shot, read_shot(shot))
    assert any(t.key.startswith("text:") for t in shot.complete_cards())
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses


def test_an_author_row_further_under_the_title(read_shot):
    # a layout whose author row sits more than a line under the title: still its title (and the
    # cover is not stretched down over it)
    shot = shots.make_shot(3011, variation=True)
    score = score_shot(shot, read_shot(shot))
    assert score.found == score.complete, score.misses
    assert score.false_cards == 0, score.misses
    assert score.title_accuracy >= 0.85
