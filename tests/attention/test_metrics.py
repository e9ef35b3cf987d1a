"""Metrics against hand-computed tiny cases."""

import math

import numpy as np
import pytest

from xhscover.attention.metrics import all_metrics, auc_judd, cc, fixation_density, fixation_map, kld, nss

MAP = np.array([[4.0, 3.0], [2.0, 1.0]])


def test_fixation_map_counts_and_drops_outside():
    pts = np.array([[0.2, 0.7], [1.9, 0.1], [1.5, 0.0], [5.0, 5.0], [-0.5, 1.0]])
    assert fixation_map(pts, (2, 2)).tolist() == [[1, 2], [0, 0]]


def test_auc_judd_hand_cases():
    assert auc_judd(MAP, np.array([[1, 0], [0, 0]])) == pytest.approx(1.0)
    # lowest pixel fixated: the curve jumps straight to (1, 1): 0.5 (AUC-Judd's known floor)
    assert auc_judd(MAP, np.array([[0, 0], [0, 1]])) == pytest.approx(0.5)
    # fixations on 4 and 2: points (0,0) (0,.5) (.5,1) (1,1) -> 0.375 + 0.5
    assert auc_judd(MAP, np.array([[1, 0], [1, 0]])) == pytest.approx(0.875)
    # counts do not matter for AUC-Judd, only which pixels were fixated
    assert auc_judd(MAP, np.array([[3, 0], [1, 0]])) == pytest.approx(0.875)


def test_auc_judd_degenerate():
    assert auc_judd(np.ones((3, 3)), np.eye(3)) == pytest.approx(0.5)
    assert auc_judd(MAP, np.zeros((2, 2))) == 0.5


def test_nss_hand_case():
    smap = np.array([[1.0, 2.0], [3.0, 4.0]])
    z4 = 1.5 / math.sqrt(1.25)
    assert nss(smap, np.array([[0, 0], [0, 1]])) == pytest.approx(z4)
    # a pixel fixated twice counts twice: (2 * z4 - z4) / 3
    assert nss(smap, np.array([[1, 0], [0, 2]])) == pytest.approx(z4 / 3)
    assert nss(np.ones((2, 2)), np.eye(2)) == 0.0


def test_cc_hand_cases():
    a = np.array([[1.0, 2.0, 3.0]])
    assert cc(a, np.array([[1.0, 3.0, 2.0]])) == pytest.approx(0.5)
    assert cc(a, 2 * a + 1) == pytest.approx(1.0)
    assert cc(a, -a) == pytest.approx(-1.0)
    assert cc(np.ones((1, 3)), a) == 0.0


def test_kld_hand_cases():
    assert kld(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]])) == pytest.approx(math.log(2))
    assert kld(np.array([[2.0, 6.0]]), np.array([[1.0, 3.0]])) == pytest.approx(0.0, abs=1e-12)


def test_fixation_density_sums_to_one():
    counts = np.zeros((30, 40))
    counts[10, 20] = 3
    dens = fixation_density(counts)
    assert dens.sum() == pytest.approx(1.0)
    assert np.unravel_index(dens.argmax(), dens.shape) == (10, 20)
    assert np.allclose(fixation_density(np.zeros((3, 3))), 1 / 9)


def test_all_metrics_perfect_and_shape_check():
    counts = np.zeros((30, 40))
    counts[10, 20] = 1
    scores = all_metrics(fixation_density(counts), counts)
    assert scores["auc_judd"] == pytest.approx(1.0)
    assert scores["cc"] == pytest.approx(1.0)
    assert scores["kld"] == pytest.approx(0.0, abs=1e-9)
    with pytest.raises(ValueError):
        nss(np.ones((2, 2)), np.ones((3, 3)))
