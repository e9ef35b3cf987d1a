"""File helpers and the heatmap overlay."""

import cv2
import numpy as np
import pytest

from xhscover.attention import files, overlay_heatmap
from xhscover.errors import ImageError


def test_png16_round_trip(tmp_path):
    smap = np.array([[0.0, 0.25], [0.5, 1.0]], np.float32) / 7.0
    path = files.save_map_png16(tmp_path / "m.png", smap)
    raw = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    assert raw.dtype == np.uint16 and raw.shape == (2, 2)
    assert raw.tolist() == [[0, 16384], [32768, 65535]]
    assert np.allclose(files.load_map_png16(path), smap * 7.0, atol=1e-4)
    files.save_map_png16(tmp_path / "zero.png", np.zeros((3, 3)))
    assert cv2.imread(str(tmp_path / "zero.png"), cv2.IMREAD_UNCHANGED).max() == 0


def test_overlay_heatmap():
    img = np.full((40, 60, 3), 100, np.uint8)
    smap = np.zeros((20, 30), np.float32)
    smap[10, 15] = 1.0
    out = overlay_heatmap(img, smap, alpha=0.5)
    assert out.shape == (40, 60, 3) and out.dtype == np.uint8
    assert np.array_equal(overlay_heatmap(img, smap, alpha=0.0), img)
    hot = overlay_heatmap(img, smap, alpha=1.0)[20, 30]
    assert hot[0] > hot[2]  # turbo's hot end is red
    with pytest.raises(ValueError):
        overlay_heatmap(img, smap, alpha=2)


def test_read_image_and_outputs(tmp_path):
    rgba = np.zeros((30, 40, 4), np.uint8)
    rgba[:, :20] = (255, 0, 0, 255)  # left half opaque red, right half transparent
    from PIL import Image

    Image.fromarray(rgba, "RGBA").save(tmp_path / "cover.png")
    rgb = files.read_image(tmp_path / "cover.png")
    assert rgb.shape == (30, 40, 3)
    assert tuple(rgb[0, 0]) == (255, 0, 0) and tuple(rgb[0, 39]) == (255, 255, 255)
    written = files.write_saliency_outputs(tmp_path / "cover.png", tmp_path / "out", model="spectral", overlay=True)
    assert [p.name for p in written] == ["cover.png", "cover-overlay.jpg"]
    assert all(p.is_file() for p in written)
    with pytest.raises(ImageError):
        files.read_image(tmp_path / "missing.png")
    (tmp_path / "junk.png").write_bytes(b"junk")
    with pytest.raises(ImageError):
        files.read_image(tmp_path / "junk.png")
