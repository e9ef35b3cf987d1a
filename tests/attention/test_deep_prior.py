"""The default model's position priors: image and page as fitted, the phone screen's derived in degrees."""

from __future__ import annotations

import math

import numpy as np
import pytest

from xhscover.attention import deep


@pytest.fixture(scope="module")
def params():
    return deep.load_deep_params()


def test_fitted_kinds_use_their_priors_unchanged(params):
    """"page" (FiWI held-out scores) and "image"/"cover" (OSIE) keep the fitted coefficients exactly."""
    assert deep.prior_coefs("page", params) == params.priors["page"]
    assert deep.prior_coefs("page", params, (65.1, 141.1)) == params.priors["page"]
    assert deep.prior_coefs("image", params) == params.priors["image"]
    assert deep.prior_coefs("cover", params) == params.priors["image"]


def test_default_screen_is_the_default_device():
    from xhscover.feed.profiles import load_profiles

    profiles = load_profiles()
    w, h = profiles.device(profiles.default_device).true_size_mm
    assert deep.DEFAULT_SCREEN_MM == pytest.approx((w, h), abs=0.05)


def test_visual_angle_of_a_screen():
    """An iPhone 15 at 322 mm spans about 11.5 x 24.7 degrees; a FiWI page 40 x 23.1."""
    w, h = deep.view_degrees(deep.DEFAULT_SCREEN_MM)
    assert w == pytest.approx(11.54, abs=0.02) and h == pytest.approx(24.72, abs=0.02)
    assert deep.PAGE_VIEW_DEG == pytest.approx((40.0, 23.13), abs=0.01)
    assert deep.view_degrees((100.0, 100.0), 50.0) == pytest.approx((90.0, 90.0))
    with pytest.raises(ValueError):
        deep.view_degrees((0.0, 10.0))


def _poly(c, x, y):
    return c[0] * x + c[1] * y + c[2] * x * x + c[3] * y * y + c[4] * x * y


def test_prior_grid_is_the_quadratic_at_cell_centres(params):
    c = params.priors["page"]
    grid = deep.prior_grid((4, 6), c)
    assert grid[0, 5] == pytest.approx(_poly(c, 5.5 / 6 - 0.5, 0.5 / 4 - 0.5), abs=1e-6)
    assert grid[3, 1] == pytest.approx(_poly(c, 1.5 / 6 - 0.5, 3.5 / 4 - 0.5), abs=1e-6)


def test_the_screen_prior_is_the_page_prior_in_degrees(params):
    """At every offset in degrees from the display's centre the screen's prior equals the page's."""
    page, screen = deep.PAGE_VIEW_DEG, deep.view_degrees(deep.DEFAULT_SCREEN_MM)
    coefs = deep.prior_coefs("screen", params)
    rng = np.random.default_rng(0)
    for u, v in rng.uniform(-5.0, 5.0, size=(20, 2)):  # degrees, inside both displays
        on_page = _poly(params.priors["page"], u / page[0], v / page[1])
        assert _poly(coefs, u / screen[0], v / screen[1]) == pytest.approx(on_page, abs=1e-9)
    # a bigger phone is wider in the field of view: its left-right bias is a little stronger
    pro_max = deep.prior_coefs("screen", params, (71.2, 154.3))
    assert params.priors["page"][0] < pro_max[0] < coefs[0] < 0


def test_screen_keeps_the_top_down_bias_and_weakens_left_right(params):
    """Same content in the right column: 0.79x the left's density (the page prior gave 0.45x);
    the top of the screen still beats the bottom by at least as much as on a page."""
    c = deep.prior_coefs("screen", params)
    page = params.priors["page"]
    right_vs_left = math.exp(c[0] * 0.5)
    assert 0.7 < right_vs_left < 0.9
    assert math.exp(page[0] * 0.5) < 0.5
    grid, page_grid = deep.prior_grid((40, 20), c), deep.prior_grid((40, 20), page)
    top_vs_bottom = grid[5].mean() - grid[35].mean()  # an eighth from the top vs from the bottom (log)
    assert top_vs_bottom >= page_grid[5].mean() - page_grid[35].mean() > 0.7
    assert 0 < grid[:, :10].mean() - grid[:, 10:].mean() < 0.5 * (page_grid[:, :10].mean() - page_grid[:, 10:].mean())
