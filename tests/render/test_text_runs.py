"""Styled runs: one word in another colour, size, stroke or marker, drawn by the one renderer."""

from __future__ import annotations

import pytest

from xhscover.model.layers import TextLayer
from xhscover.model.styles import Fill, Highlight, Stroke, TextRun, TextStyle
from xhscover.render.text import layout_text

from .helpers import bbox, cover_with, mask, render_rgb

pytestmark = pytest.mark.usefixtures("qapp")
RED, YELLOW, BLUE = (255, 36, 66), (255, 228, 92), (47, 128, 237)


def title(runs: list[TextRun], text: str = "人均800玩转西湖", **style) -> TextLayer:
    style.setdefault("size", 60)
    style.setdefault("fill", Fill.solid("#000000"))
    style.setdefault("min_size", 10)
    return TextLayer(id="t", x=20, y=100, w=760, h=200, text=text, style=TextStyle(**style), runs=runs)


def test_a_run_in_another_colour_covers_its_characters_only():
    plain = title([])
    red = title([TextRun(2, 5, color="#FF2442")])  # 800
    lay = layout_text(red)
    assert lay.lines == layout_text(plain).lines and lay.size == layout_text(plain).size
    arr = render_rgb(cover_with(red, w=800, h=400))
    box = bbox(mask(arr, RED))
    black = bbox(mask(arr, (0, 0, 0)))
    assert box is not None and black is not None
    x0, _, x1, _ = box
    # the red ink is a middle stretch of the line: black glyphs on both sides of it
    assert black[0] < x0 and black[2] > x1
    assert 0.15 < (x1 - x0) / (black[2] - black[0]) < 0.45


def test_a_larger_run_is_larger_and_the_line_makes_room():
    base = layout_text(title([]))
    big = layout_text(title([TextRun(7, 9, scale=1.5)]))  # 西湖 larger
    arr = render_rgb(cover_with(title([TextRun(7, 9, scale=1.5, color="#2F80ED")]), w=800, h=400))
    blue = bbox(mask(arr, BLUE))
    black = bbox(mask(arr, (0, 0, 0)))
    assert blue is not None and black is not None
    assert (blue[3] - blue[1]) > 1.35 * (black[3] - black[1])  # the run's glyphs are ~1.5x taller
    assert abs(blue[3] - black[3]) < 0.12 * (black[3] - black[1])  # on one baseline (bottoms align)
    assert big.ink_box[3] > base.ink_box[3]


def test_auto_fit_counts_the_runs():
    """A run at twice the size needs room: the fitted size is smaller than without it."""
    text = "月薪5千也能存下10万+"
    plain = layout_text(title([], text, size=200))
    big = layout_text(title([TextRun(9, len(text), scale=2.0)], text, size=200))
    assert plain.fits and big.fits
    assert big.size < plain.size
    for x, y, w, h in big.line_boxes:
        assert 19 <= x and x + w <= 781 and 99 <= y and y + h <= 301


def test_run_strokes_and_markers():
    layer = title([TextRun(2, 5, strokes=[Stroke("#FF2442", 6)]), TextRun(7, 9, highlight=Highlight("#FFE45C"))],
                  strokes=[])
    arr = render_rgb(cover_with(layer, w=800, h=400))
    red, yellow, black = bbox(mask(arr, RED)), bbox(mask(arr, YELLOW)), bbox(mask(arr, (0, 0, 0)))
    assert red is not None and yellow is not None and black is not None
    assert red[2] < yellow[0]  # the stroked 800 comes before the marked 西湖
    assert yellow[2] >= black[2] - 2  # the marker sits under the last word, reaching its end
    assert (yellow[3] - yellow[1]) < (black[3] - black[1])  # a band under the glyphs, not a box
