"""The attention backbone: true aspect ratio in, three feature taps out, clear errors for a bad file."""

from pathlib import Path

import numpy as np
import pytest

from xhscover.attention import backbone, detectors
from xhscover.errors import ModelMissingError


@pytest.mark.parametrize(("hw", "expected"), [
    ((1440, 1080), (384, 288)),   # a 3:4 cover goes in upright, not squashed to 4:3
    ((600, 800), (288, 384)),     # an OSIE photo
    ((852, 393), (480, 224)),     # a phone screen
])
def test_input_keeps_the_aspect_ratio(hw, expected):
    ih, iw, ch, cw = backbone.input_size(*hw)
    assert (ih, iw) == expected
    assert ih % 32 == 0 and iw % 32 == 0
    assert abs(cw / ch - hw[1] / hw[0]) < 0.05


def test_long_strips_are_padded_not_squashed():
    ih, iw, ch, cw = backbone.input_size(100, 2000)
    assert iw / ih == pytest.approx(4.0, rel=0.15)
    assert ch < ih and cw == iw
    assert cw / ch == pytest.approx(20.0, rel=0.2)


def test_features_shapes_and_cache():
    rng = np.random.default_rng(3)
    img = rng.integers(0, 256, (1440, 1080, 3), np.uint8)
    f = backbone.features(img)
    assert f.input_hw == (384, 288)
    assert {k: v.shape for k, v in f.maps.items()} == {
        "s8": (40, 48, 36), "s16": (112, 24, 18), "s32": (320, 12, 9)}
    assert all(v.dtype == np.float32 and np.isfinite(v).all() for v in f.maps.values())
    assert backbone.features(img.copy()) is f  # cached by content
    assert backbone.features(img[:, ::-1]) is not f


def test_the_backbone_recognises_images():
    """A check that the conversion is the network it claims to be: a cat photo and a flat image
    give clearly different head activations, and the same photo twice gives the same."""
    from xhscover.attention.files import read_image
    from xhscover.paths import assets_dir

    cat = read_image(assets_dir() / "photos" / "pet-tabby-cat.jpg")
    head = backbone.features(cat).maps["s32"].mean(axis=(1, 2))
    flat = backbone.features(np.full((300, 400, 3), 128, np.uint8)).maps["s32"].mean(axis=(1, 2))
    assert np.corrcoef(head, flat)[0, 1] < 0.8
    assert head.max() > 2.0


BOTH_FILES = pytest.mark.parametrize("env", [backbone.BACKBONE_ENV, backbone.BACKBONE_TAIL_ENV],
                                     ids=["front", "tail"])


@BOTH_FILES
def test_missing_model_names_the_file(tmp_path, monkeypatch, env):
    """Either of the backbone's two files missing: one ModelMissingError naming that file."""
    missing = tmp_path / "nope.onnx"
    monkeypatch.setenv(env, str(missing))
    backbone.clear_cache()
    with pytest.raises(ModelMissingError, match="nope.onnx") as err:
        backbone.features(np.zeros((40, 40, 3), np.uint8))
    assert str(err.value).count("\n") == 0


@BOTH_FILES
def test_corrupt_model_names_the_file(tmp_path, monkeypatch, env):
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"this is not an onnx model")
    monkeypatch.setenv(env, str(bad))
    backbone.clear_cache()
    detectors.clear_caches()
    with pytest.raises(ModelMissingError, match="broken.onnx"):
        backbone.features(np.zeros((40, 40, 3), np.uint8))


def test_the_two_files_are_the_whole_network():
    """The backbone is stored cut at s8 (front: image -> s8, tail: s8 -> s16, s32). Run one after
    the other they give what the network stored as one file gave (reference outputs of the
    single-file backbone_lite0.onnx before the cut, on a 96x64 crop of the cat photo, in
    tests/attention/data; measured bit-identical on the build machine)."""
    ref = np.load(Path(__file__).parent / "data" / "backbone-whole-cat-96x64.npz")
    s8 = backbone.front(ref["image"])
    s16, s32 = backbone.tail(s8)
    for name, got in (("s8", s8), ("s16", s16), ("s32", s32)):
        want = ref[name]
        assert got.shape == want.shape, name
        assert float(np.abs(got - want).max()) <= 1e-5 * float(np.abs(want).max()), name
    feats = backbone.features(ref["image"], as_is=True)
    assert all(np.array_equal(feats.maps[k], v) for k, v in (("s8", s8), ("s16", s16), ("s32", s32)))


def test_resize_part_is_the_area_resize_of_the_whole_image():
    """A card is prepared for the network from its own pixels only (`resize_part`): on any crop it
    must give the pixels OpenCV's INTER_AREA resize of the whole screen gives there (what the
    full pass feeds the network). Measured: equal but for 0-2 pixels one level apart (float32
    sums landing on .5)."""
    import cv2

    from xhscover.attention.files import read_image
    from xhscover.paths import assets_dir

    photo = read_image(assets_dir() / "photos" / "pet-tabby-cat.jpg")
    screen = np.ascontiguousarray(cv2.resize(photo, (393, 852), interpolation=cv2.INTER_LINEAR)[:, :, :3])
    _ih, _iw, ch, cw = backbone.input_size(852, 393)
    whole = cv2.resize(screen, (cw, ch), interpolation=cv2.INTER_AREA)
    assert np.array_equal(backbone.network_image(screen)[0][:ch, :cw], whole)
    sx, sy = cw / 393, ch / 852
    for x0, y0, x1, y1 in [(10, 100, 200, 400), (0, 0, 393, 852), (190, 500, 393, 852), (37, 211, 151, 390)]:
        ox0, oy0 = int(np.ceil(x0 * sx)), int(np.ceil(y0 * sy))
        ox1, oy1 = int(np.floor(x1 * sx)), int(np.floor(y1 * sy))
        got = backbone.resize_part(screen[y0:y1, x0:x1], (x0, y0), (ox0, oy0), (ox1 - ox0, oy1 - oy0), (sx, sy))
        want = whole[oy0:oy1, ox0:ox1]
        assert got.shape == want.shape
        diff = np.abs(got.astype(np.int16) - want)
        assert diff.max() <= 1 and (diff > 0).sum() <= 3, (x0, y0, x1, y1)


def test_start_up_does_not_load_the_backbone():
    """The backbone is loaded at the first score, not when the app, the CLI or the scorer start."""
    import subprocess
    import sys

    code = ("import xhscover.cli, xhscover.ui.main_window, xhscover.score.run, xhscover.attention.saliency, sys\n"
            "from xhscover.attention import detectors\n"
            "print(sorted(k[0] for k in detectors._sessions), 'onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[] False"
