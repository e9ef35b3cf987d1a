"""The saliency map contract: odd inputs, sums, determinism, known boxes, model registry."""

import numpy as np
import pytest

from xhscover.attention import available_models, load_params, saliency_map
from xhscover.attention.diagnostics import share_in_boxes
from xhscover.errors import ImageError, XhsError


def photo(h=120, w=90, seed=0):
    """A smooth random colour image with a bright square: real structure, no detector hits."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 255, (max(2, h // 8), max(2, w // 8), 3), dtype=np.uint8)
    import cv2

    img = cv2.resize(base, (w, h), interpolation=cv2.INTER_CUBIC)
    img[h // 5:h // 5 + h // 6, w // 6:w // 6 + w // 6] = (250, 240, 20)
    return img


def check_contract(smap, shape):
    assert smap.shape == shape
    assert smap.dtype == np.float32
    assert np.all(np.isfinite(smap))
    assert smap.min() >= 0
    assert abs(float(smap.sum(dtype=np.float64)) - 1.0) < 1e-4


@pytest.mark.parametrize("shape", [(1, 1, 3), (3, 5, 3), (5, 3), (1, 7), (40, 30, 4), (64, 48, 1)])
def test_odd_shapes(shape):
    rng = np.random.default_rng(1)
    img = rng.integers(0, 256, shape, dtype=np.uint8)
    smap = saliency_map(img, detect_text=False, detect_faces=False)
    check_contract(smap, shape[:2])


def test_one_pixel_is_certain():
    smap = saliency_map(np.zeros((1, 1, 3), np.uint8), detect_text=False, detect_faces=False)
    assert smap.tolist() == [[1.0]]


@pytest.mark.parametrize("colour", [(0, 0, 0), (255, 255, 255), (200, 30, 90)])
@pytest.mark.parametrize("model", ["default", "conspicuity", "spectral"])
def test_flat_images_give_uniform_maps(colour, model):
    img = np.empty((60, 80, 3), np.uint8)
    img[:] = colour
    smap = saliency_map(img, model=model)
    check_contract(smap, (60, 80))
    assert np.allclose(smap, 1.0 / smap.size)


def test_grey_and_rgba_inputs_match_rgb():
    rgb = photo()
    grey = rgb[:, :, 1]
    as_rgb = saliency_map(np.dstack([grey] * 3), detect_text=False, detect_faces=False)
    # equal up to float rounding: OpenCV's threaded filters may sum in another order (seen: 4e-12)
    np.testing.assert_allclose(saliency_map(grey, detect_text=False, detect_faces=False), as_rgb, rtol=1e-5, atol=1e-10)
    rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
    np.testing.assert_allclose(saliency_map(rgba, detect_text=False, detect_faces=False),
                               saliency_map(rgb, detect_text=False, detect_faces=False), rtol=1e-5, atol=1e-10)


def test_float_input_accepted():
    rgb = photo()
    smap = saliency_map(rgb.astype(np.float32) / 255.0, detect_text=False, detect_faces=False)
    check_contract(smap, rgb.shape[:2])


def test_huge_input():
    img = np.zeros((8000, 6000, 3), np.uint8)
    img[3000:5000, 2000:4000] = (255, 40, 40)
    smap = saliency_map(img, detect_text=False, detect_faces=False)
    check_contract(smap, (8000, 6000))
    # the red square holds more than its 8% area share of attention
    assert share_in_boxes(smap, [(2000, 3000, 2000, 2000)])[0] > 0.15


def test_deterministic():
    img = photo(200, 150)
    a = saliency_map(img, detect_text=False)
    b = saliency_map(img.copy(), detect_text=False)
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-10)  # same up to threaded float rounding


def test_known_boxes_pull_attention():
    img = photo(240, 180, seed=3)
    box = (100, 170, 60, 40)
    plain = saliency_map(img, detect_text=False, detect_faces=False)
    with_text = saliency_map(img, text_boxes=[box], detect_faces=False)
    with_face = saliency_map(img, face_boxes=[box], detect_text=False)
    base = share_in_boxes(plain, [box])[0]
    assert share_in_boxes(with_text, [box])[0] > 1.5 * base
    assert share_in_boxes(with_face, [box])[0] > 1.5 * base


def test_centre_bias_in_default():
    img = photo(120, 90)
    img[:] = img.mean(axis=(0, 1)).astype(np.uint8)
    img[0, 0] = 0  # not flat, but nearly contentless
    smap = saliency_map(img, detect_text=False, detect_faces=False)
    assert smap[60, 45] > smap[5, 80]


def test_models_registry():
    names = available_models()
    assert {"default", "centre", "spectral", "conspicuity"} <= set(names)
    img = photo()
    for name in names:
        check_contract(saliency_map(img, model=name, detect_text=False, detect_faces=False), img.shape[:2])
    with pytest.raises(XhsError):
        saliency_map(img, model="nope")


def test_bad_inputs():
    with pytest.raises(ImageError):
        saliency_map(np.zeros((4, 4, 2), np.uint8))
    with pytest.raises(ImageError):
        saliency_map(np.zeros((0, 4, 3), np.uint8))
    with pytest.raises(ImageError):
        saliency_map(np.zeros((2, 2, 2, 3), np.uint8))


def test_params_are_fitted_and_non_negative():
    params = load_params()
    assert all(w >= 0 for w in params.weights.values())
    assert params.centre_x >= 0 and params.centre_y >= 0
    assert "train_scores_at_400px" in params.meta  # written by benchmarks/fit_saliency.py
