"""The attention backbone: true aspect ratio in, three feature taps out, clear errors for a bad file."""

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


def test_missing_model_names_the_file(tmp_path, monkeypatch):
    missing = tmp_path / "nope.onnx"
    monkeypatch.setenv(backbone.BACKBONE_ENV, str(missing))
    backbone.clear_cache()
    with pytest.raises(ModelMissingError, match="nope.onnx"):
        backbone.features(np.zeros((40, 40, 3), np.uint8))


def test_corrupt_model_names_the_file(tmp_path, monkeypatch):
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"this is not an onnx model")
    monkeypatch.setenv(backbone.BACKBONE_ENV, str(bad))
    backbone.clear_cache()
    detectors.clear_caches()
    with pytest.raises(ModelMissingError, match="broken.onnx"):
        backbone.features(np.zeros((40, 40, 3), np.uint8))


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
