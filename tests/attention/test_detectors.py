"""Text and face detectors with the bundled models in assets/models (no network)."""

import cv2
import numpy as np
import pytest

from xhscover.attention import detectors, saliency_map
from xhscover.errors import ModelMissingError
from xhscover.paths import shared_dir


def text_image():
    img = np.full((300, 600, 3), 255, np.uint8)
    cv2.putText(img, "Hello Cover 2024", (30, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.8, (20, 20, 20), 4)
    return img


def test_detect_text_boxes_finds_the_line():
    boxes = detectors.detect_text_boxes(text_image())
    assert len(boxes) == 1
    x, y, w, h = boxes[0]
    assert 10 <= x <= 40 and 90 <= y <= 115 and 420 <= w <= 480 and 35 <= h <= 70
    assert detectors.detect_text_boxes(np.full((100, 100, 3), 255, np.uint8)) == []
    assert detectors.detect_text_boxes(np.zeros((3, 5, 3), np.uint8)) == []


def test_read_text():
    lines = detectors.read_text(text_image())
    assert len(lines) == 1
    box, text, confidence = lines[0]
    assert text.replace(" ", "").lower() == "hellocover2024"
    assert confidence > 0.8


def test_missing_models_raise(tmp_path, monkeypatch):
    missing = tmp_path / "nope.onnx"
    img = text_image()
    with pytest.raises(ModelMissingError, match="nope.onnx"):
        detectors.detect_text_boxes(img, model_path=missing)
    with pytest.raises(ModelMissingError, match="face"):
        detectors.detect_faces(img, model_path=tmp_path / "face.tflite")
    with pytest.raises(ModelMissingError, match="recognition"):
        detectors.read_text(img, rec_model_path=missing)
    monkeypatch.setenv(detectors.FACE_ENV, str(tmp_path / "face.tflite"))
    with pytest.raises(ModelMissingError):
        saliency_map(img, detect_text=False)
    # skipping the detector, or giving the boxes, needs no model
    saliency_map(img, detect_text=False, detect_faces=False)
    saliency_map(img, text_boxes=[], face_boxes=[])


def test_corrupt_model_raises(tmp_path):
    bad = tmp_path / "bad.tflite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelMissingError, match="could not be loaded"):
        detectors.detect_faces(text_image(), model_path=bad)


def test_no_faces_in_text():
    assert detectors.detect_faces(text_image()) == []


@pytest.mark.skipif(shared_dir() is None, reason="../shared not present")
def test_face_found_on_osie_photo():
    path = shared_dir() / "datasets" / "osie" / "images" / "1020.jpg"
    if not path.is_file():
        pytest.skip("OSIE image missing")
    rgb = cv2.imread(str(path))[:, :, ::-1]
    faces = detectors.detect_faces(rgb)
    assert faces, "expected the face in OSIE 1020"
    (x, y, w, h), score = faces[0]
    assert score > 0.7 and abs(x + w / 2 - 484) < 25 and abs(y + h / 2 - 237) < 25
    assert detectors.detect_face_boxes(rgb)[0] == (x, y, w, h)
