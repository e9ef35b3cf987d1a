"""Saliency maps: where the eye lands in the first seconds, as a probability map.

Two fitted models: "default" (deep features of a frozen ImageNet backbone with a small readout,
text, faces and a position prior per kind of input; see `deep.py`) and "classic", the earlier
hand-built model described below, kept for comparison.

Contract of every model (see `saliency_map`): image in (RGB uint8 HxWx3; grey HxW and RGBA
HxWx4 are accepted, see `_checks.as_rgb_uint8`), float32 HxW out of the same height and width,
non-negative, summing to 1. Flat or black images give the uniform map; never NaN. Cost does
not grow with the input: features are computed at a fixed working resolution and the result
is resized back.

The classic model is log-linear: log p(x) = sum_k w_k f_k(x) - a*dx^2 - b*dy^2 + const over the
feature maps of `features.py` (contrast, orientation, spectral residual, rarity, chroma, text,
faces), with dx, dy the offsets from the centre as fractions of width and height, then
smoothed by a Gaussian. Weights w_k >= 0, the centre-bias widths and the blur are fitted on
eye-tracking data by `benchmarks/fit_saliency.py` and read from `params.json` beside this file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention import deep
from xhscover.attention import features as F
from xhscover.attention._checks import Box, as_boxes, as_rgb_uint8, normalise_map
from xhscover.attention.deep import DeepParams

PARAMS_PATH = Path(__file__).with_name("params.json")
MODELS = ("default", "classic", "centre", "spectral", "conspicuity")


@dataclass(frozen=True)
class ModelParams:
    """Fitted parameters of the log-linear model (see the module docstring)."""

    weights: dict[str, float]
    """Feature name (from `features.FEATURES`) -> non-negative weight in log space."""
    centre_x: float
    """a in -a*dx^2 (dx as a fraction of width); 0 = no horizontal centre bias."""
    centre_y: float
    """b in -b*dy^2 (dy as a fraction of height)."""
    blur_sigma: float
    """Final Gaussian blur, as a fraction of the image's long side."""
    centre_only_x: float = 8.0
    """Centre-bias a for the content-free "centre" model (fitted alone)."""
    centre_only_y: float = 8.0
    spectral_blur_sigma: float = 0.035
    """Blur for the "spectral" model, as a fraction of the long side."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Provenance: data, split, objective, scores on the training split."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ModelParams:
        data = json.loads(text)
        return cls(**data)

    def without(self, *parts: str) -> ModelParams:
        """A copy with some parts switched off: "text", "face", "centre" or a feature name."""
        weights = {k: (0.0 if k in parts else v) for k, v in self.weights.items()}
        cx, cy = (0.0, 0.0) if "centre" in parts else (self.centre_x, self.centre_y)
        return ModelParams(weights, cx, cy, self.blur_sigma, self.centre_only_x, self.centre_only_y,
                           self.spectral_blur_sigma, dict(self.meta))


_DEFAULT_PARAMS: ModelParams | None = None


def load_params(path: str | Path | None = None) -> ModelParams:
    """The fitted parameters shipped with the package (or from `path`)."""
    global _DEFAULT_PARAMS
    if path is None:
        if _DEFAULT_PARAMS is None:
            _DEFAULT_PARAMS = ModelParams.from_json(PARAMS_PATH.read_text(encoding="utf-8"))
        return _DEFAULT_PARAMS
    return ModelParams.from_json(Path(path).read_text(encoding="utf-8"))


def available_models() -> list[str]:
    """Names accepted by `saliency_map(model=...)`.

    - "default": frozen EfficientNet-Lite0 features + fitted readout, text, faces and the
      position prior of the input's kind (`deep.py`); fitted on OSIE and FiWI.
    - "classic": the earlier log-linear model of contrast features with text, faces and centre
      bias (fitted on OSIE only), kept to compare with.
    - "centre": a centred Gaussian only (no image content), the baseline to beat.
    - "spectral": spectral residual of the Lab channels, smoothed (bottom-up only, no centre).
    - "conspicuity": the default model's bottom-up part only (no text, faces or centre bias),
      for judging what the picture itself draws, independent of position (cheap: no backbone).
    """
    return list(MODELS)


def grid_log_map(stack: np.ndarray, params: ModelParams) -> np.ndarray:
    """Unnormalised log saliency on the feature grid, from a (len(FEATURES), gh, gw) stack."""
    shape = stack.shape[1:]
    w = np.array([params.weights.get(name, 0.0) for name in F.FEATURES], np.float32)
    log_map = np.tensordot(w, stack, axes=1).astype(np.float32)
    if params.centre_x or params.centre_y:
        dx2, dy2 = F.centre_coordinates(shape)
        log_map -= params.centre_x * dx2 + params.centre_y * dy2
    return log_map


def grid_map(stack: np.ndarray, params: ModelParams, blur_sigma: float | None = None) -> np.ndarray:
    """Non-negative saliency on the feature grid (not normalised), blur included."""
    log_map = grid_log_map(stack, params)
    density = np.exp(log_map - float(log_map.max()))
    return _blur(density, params.blur_sigma if blur_sigma is None else blur_sigma)


def _blur(grid: np.ndarray, sigma_fraction: float) -> np.ndarray:
    sigma = sigma_fraction * max(grid.shape)
    if sigma <= 0.05:
        return grid
    return cv2.GaussianBlur(grid, (0, 0), sigma, borderType=cv2.BORDER_REPLICATE)


def _resize_to(grid: np.ndarray, height: int, width: int) -> np.ndarray:
    if grid.shape == (height, width):
        return grid
    return cv2.resize(grid, (width, height), interpolation=cv2.INTER_LINEAR)


def feature_stack(rgb: np.ndarray, text_boxes: Sequence[Box] | None,
                  faces: Sequence[tuple[Box, float]] | None) -> np.ndarray:
    """All content maps (len(FEATURES), gh, gw) for an RGB uint8 image; boxes in its pixels."""
    small = F.working_image(rgb)
    shape = F.grid_shape(*rgb.shape[:2])
    bottom = F.bottom_up_features(small, shape)
    boxes = F.box_features(text_boxes, faces, rgb.shape[:2], shape)
    return np.concatenate([bottom, boxes], axis=0)


def saliency_map(image: np.ndarray, *, model: str = "default",
                 text_boxes: Iterable[Sequence[float]] | None = None,
                 face_boxes: Iterable[Sequence[float]] | None = None,
                 face_scores: Sequence[float] | None = None,
                 detect_text: bool = True, detect_faces: bool = True,
                 params: ModelParams | None = None, kind: str = "image",
                 deep_params: DeepParams | None = None,
                 screen_mm: Sequence[float] | None = None) -> np.ndarray:
    """Probability of where the eye lands, float32 HxW summing to 1, for an image HxW[xC].

    Parameters
    - image: RGB uint8 HxWx3 (grey HxW, RGBA HxWx4 or float in [0, 1] also accepted).
    - model: one of `available_models()`.
    - text_boxes / face_boxes: known (x, y, w, h) boxes in image pixels, e.g. the title layers
      of the user's own cover. Given boxes replace the detector for that kind.
    - face_scores: detector scores of `face_boxes` (default 1.0 each: a known face).
    - detect_text / detect_faces: run the OCR / face detector when no boxes are given. The
      text detector is slow (~0.3 s, cached per image); pass False for speed-critical calls.
      A missing detector model raises `ModelMissingError`.
    - params: fitted parameters of "classic" (default: the shipped `params.json`).
    - kind: what the image is, which picks the default model's position prior: "image" (a photo
      or any picture), "cover" (a note cover on its own), "page" (a web page or UI) or "screen"
      (a phone feed screen). See `deep.py`.
    - deep_params: the default model's readout (default: the shipped `deep_params.json`).
    - screen_mm: physical (width, height) in mm of a "screen" (a phone), which sets how wide it
      is in the viewer's field of view and so its position prior (default: the default device).

    A flat image (a single colour, black included) gives the uniform map: with nothing to
    look at we make no prediction, not even the centre bias. Any size works: 1x1 gives [[1.0]], huge images cost the same as small ones (features at a
    working resolution with long side 256 px, the result resized back with bilinear filtering).
    """
    if model not in MODELS:
        from xhscover.errors import XhsError

        raise XhsError(f"Unknown saliency model {model!r}; choose one of {', '.join(MODELS)}.")
    if kind not in deep.KINDS:
        raise ValueError(f"kind must be one of {deep.KINDS}, got {kind!r}")
    rgb = as_rgb_uint8(image)
    height, width = rgb.shape[:2]
    params = params or load_params()
    shape = F.grid_shape(height, width)
    if model == "centre":
        dx2, dy2 = F.centre_coordinates(shape)
        grid = np.exp(-(params.centre_only_x * dx2 + params.centre_only_y * dy2)).astype(np.float32)
        return normalise_map(_resize_to(grid, height, width))
    small = F.working_image(rgb)
    if text_boxes is None and face_boxes is None and _is_flat(small):
        # A flat image (one colour, e.g. all black) has nothing to look at: no prediction.
        return np.full((height, width), 1.0 / (height * width), np.float32)
    if model == "spectral":
        grid = F.bottom_up_features(small, shape)[F.BOTTOM_UP.index("spectral")]
        grid = _blur(grid, params.spectral_blur_sigma)
        return normalise_map(_resize_to(grid, height, width))
    texts: list[Box] = []
    faces: list[tuple[Box, float]] = []
    if model == "default":
        texts, faces = _boxes(rgb, small, text_boxes, face_boxes, face_scores, detect_text, detect_faces)
        dp = deep_params or deep.load_deep_params()
        grid = deep.density_from_log(deep.log_grid(rgb, texts, faces, kind, dp, screen_mm), dp.blur_sigma)
        return normalise_map(_resize_to(grid, height, width))
    bottom = F.bottom_up_features(small, shape)
    if model == "conspicuity":
        params = params.without("text", "face", "centre")
    else:
        texts, faces = _boxes(rgb, small, text_boxes, face_boxes, face_scores, detect_text, detect_faces)
    stack = np.concatenate([bottom, F.box_features(texts, faces, (height, width), shape)], axis=0)
    grid = grid_map(stack, params)
    return normalise_map(_resize_to(grid, height, width))


def _boxes(rgb: np.ndarray, small: np.ndarray, text_boxes: Iterable[Sequence[float]] | None,
           face_boxes: Iterable[Sequence[float]] | None, face_scores: Sequence[float] | None,
           detect_text: bool, detect_faces: bool) -> tuple[list[Box], list[tuple[Box, float]]]:
    from xhscover.attention import detectors

    if text_boxes is not None:
        texts = as_boxes(text_boxes)
    elif detect_text:
        texts = detectors.detect_text_boxes(rgb)
    else:
        texts = []
    if face_boxes is not None:
        boxes = list(face_boxes)
        scores = [1.0] * len(boxes) if face_scores is None else [float(v) for v in face_scores]
        if len(scores) != len(boxes):
            raise ValueError(f"{len(scores)} face scores for {len(boxes)} face boxes")
        faces = [(as_boxes([b])[0], sc) for b, sc in zip(boxes, scores, strict=True) if as_boxes([b])]
    elif detect_faces:
        # BlazeFace sees 192 px anyway: detect on the working image and scale the boxes back.
        sx = rgb.shape[1] / small.shape[1]
        sy = rgb.shape[0] / small.shape[0]
        faces = [((int(x * sx), int(y * sy), int(round(w * sx)), int(round(h * sy))), score)
                 for (x, y, w, h), score in detectors.detect_faces(small)]
    else:
        faces = []
    return texts, faces


def _is_flat(rgb: np.ndarray) -> bool:
    """True when every pixel has the same colour."""
    pixels = rgb.reshape(-1, rgb.shape[-1])
    return bool(np.all(pixels.max(axis=0) == pixels.min(axis=0)))
