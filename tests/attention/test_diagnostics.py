"""Diagnostics against hand-computed cases."""

import math

import numpy as np
import pytest

from xhscover.attention import diagnostics as d


def solid(colour, h=20, w=20):
    img = np.empty((h, w, 3), np.uint8)
    img[:] = colour
    return img


def test_colourfulness():
    assert d.colourfulness(solid((128, 128, 128))) == 0.0
    # pure red: rg = 255, yb = 127.5, no spread
    assert d.colourfulness(solid((255, 0, 0))) == pytest.approx(0.3 * math.hypot(255, 127.5))
    # half red, half blue: rg in {255, 0}, yb in {127.5, -255}
    img = np.concatenate([solid((255, 0, 0)), solid((0, 0, 255))], axis=1)
    expected = math.hypot(127.5, 191.25) + 0.3 * math.hypot(127.5, -63.75)
    assert d.colourfulness(img) == pytest.approx(expected)
    assert d.colourfulness_label(10) == "not colourful"
    assert d.colourfulness_label(50) == "quite colourful"
    assert d.colourfulness_label(500) == "extremely colourful"


def test_edge_density():
    assert d.edge_density(solid((90, 90, 90), 100, 100)) == 0.0
    half = solid((0, 0, 0), 100, 100)
    half[:, 50:] = 255
    density = d.edge_density(half)
    assert 0.005 <= density <= 0.03  # one or two edge columns out of 100
    stripes = solid((0, 0, 0), 100, 100)
    stripes[:, ::4] = 255
    assert d.edge_density(stripes) > d.CLUTTER_BUSY


def test_contrast_ratio():
    assert d.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert d.contrast_ratio((10, 20, 30), (10, 20, 30)) == pytest.approx(1.0)
    assert d.contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert d.relative_luminance((255, 255, 255)) == pytest.approx(1.0)


def test_text_colours_and_contrast():
    img = solid((250, 250, 250), 40, 100)
    img[15:25, 20:80] = (20, 20, 120)  # a dark "word" inside a light box
    text, background = d.text_colours(img, (10, 5, 80, 30))
    assert text == (20, 20, 120)
    assert background == (250, 250, 250)
    assert d.text_contrast(img, (10, 5, 80, 30)) == pytest.approx(d.contrast_ratio(text, background))
    # light text on dark background
    inv = 255 - img
    text, background = d.text_colours(inv, (10, 5, 80, 30))
    assert text == (235, 235, 135) and background == (5, 5, 5)
    assert d.text_colours(solid((9, 9, 9)), (0, 0, 5, 5)) == ((9, 9, 9), (9, 9, 9))
    with pytest.raises(ValueError):
        d.text_colours(img, (500, 500, 10, 10))


def test_colour_distance():
    red, blue = solid((255, 0, 0)), solid((0, 0, 255))
    assert d.colour_distance(red, red) == pytest.approx(0.0)
    assert d.colour_distance(red, blue) == pytest.approx(1.0)
    half = np.concatenate([red, blue], axis=1)
    # histograms (1, 0) vs (.5, .5): sqrt(1 - sqrt(.5))
    assert d.colour_distance(red, half) == pytest.approx(math.sqrt(1 - math.sqrt(0.5)))


def test_layout_distance():
    black, white = solid((0, 0, 0), 64, 64), solid((255, 255, 255), 32, 48)
    assert d.layout_distance(black, black) == pytest.approx(0.0)
    assert d.layout_distance(black, white) == pytest.approx(0.5)  # luminance 1 apart, no edges


def test_share_in_boxes():
    smap = np.ones((4, 4))
    shares = d.share_in_boxes(smap, [(0, 0, 2, 2), (-1, -1, 2, 2), (10, 10, 3, 3), (0, 0, 4, 4)])
    assert shares == pytest.approx([0.25, 1 / 16, 0.0, 1.0])
    peaked = np.zeros((4, 4))
    peaked[3, 3] = 2.0
    assert d.share_in_boxes(peaked, [(3, 3, 1, 1), (0, 0, 3, 3)]) == pytest.approx([1.0, 0.0])
    assert d.share_in_boxes(np.zeros((3, 3)), [(0, 0, 2, 2)]) == [0.0]
