"""The frozen ImageNet backbone of the default attention model: EfficientNet-Lite0 on ONNX Runtime.

The network is stored in two files cut at its stride-8 output (built by
packaging/models/build_backbone.py, Apache-2.0): `backbone_lite0.onnx` (`front`: image -> s8) and
`backbone_lite0_tail.onnx` (`tail`: s8 -> s16, s32); one after the other they are the whole
network to the last bit. The cut lets a feed screen be assembled from per-card s8 maps with the
tail run on the whole screen (`score/shares.py`). Both are loaded lazily on the first call, never
at start-up. Images go in at their true aspect ratio: the input is scaled so its area is about
`INPUT_PIXELS` (384x288 for a 4:3 photo, 288x384 for a 3:4 cover, 224x480 for a phone screen),
each side rounded to a multiple of 32, so a cover is not squashed into a square and costs the same
whatever its size. Results are cached by the network's input (a cover scored on 32 feed
placements runs the backbone once).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention._checks import as_rgb_uint8
from xhscover.attention.detectors import _ort_session, _resolve, _session, image_key
from xhscover.attention.lru import Lru

BACKBONE_MODEL = "backbone_lite0.onnx"
"""The front of the network (stem and stages 1-3): image -> s8."""
BACKBONE_TAIL_MODEL = "backbone_lite0_tail.onnx"
"""The rest (stages 4-7): s8 -> s16, s32."""
BACKBONE_ENV = "XHSCOVER_BACKBONE_MODEL"
BACKBONE_TAIL_ENV = "XHSCOVER_BACKBONE_TAIL_MODEL"
INPUT_PIXELS = 384 * 288
"""Target input area: a 4:3 image goes in at 384x288 (a little above ImageNet's 224x224, so a
cover's title strokes still register at stride 8)."""
MULTIPLE = 32
"""The backbone's total stride: input sides are multiples of it, so every tap has whole cells."""
MIN_SIDE = 64
MAX_ASPECT = 4.0
"""Sides are kept within 1:4; a longer strip is padded (edge pixels repeated) rather than squashed."""
TAPS = ("s8", "s16", "s32")
"""Output names, in the order the model returns them (strides 8, 16, 32)."""
CACHE_SIZE = 96

_cache: Lru[BackboneFeatures] = Lru(CACHE_SIZE)


@dataclass(frozen=True)
class BackboneFeatures:
    """The backbone's outputs for one image: tap name -> (channels, h, w) float32."""

    maps: dict[str, np.ndarray]
    input_hw: tuple[int, int]
    """(h, w) of the image as fed to the backbone."""
    content_hw: tuple[int, int]
    """(h, w) of the part of that input holding the image (the rest is padding, for strips)."""


def model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the backbone's front; raises ModelMissingError naming the file when it is absent."""
    return _resolve(path, BACKBONE_ENV, BACKBONE_MODEL, "attention backbone (EfficientNet-Lite0)")


def tail_model_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Path of the backbone's tail; raises ModelMissingError naming the file when it is absent."""
    return _resolve(path, BACKBONE_TAIL_ENV, BACKBONE_TAIL_MODEL, "attention backbone (EfficientNet-Lite0, tail)")


def input_size(height: int, width: int, pixels: int = INPUT_PIXELS) -> tuple[int, int, int, int]:
    """(input h, input w, content h, content w) for an image of the given size.

    The content keeps the image's aspect ratio (clamped to 1:MAX_ASPECT) at about `pixels` in
    area; the input is the content rounded up to multiples of 32 (the remainder is padding).
    """
    aspect = min(MAX_ASPECT, max(1.0 / MAX_ASPECT, width / max(1, height)))
    ch = max(MIN_SIDE, float(np.sqrt(pixels / aspect)))
    cw = max(MIN_SIDE, ch * aspect)
    ih = int(round(ch / MULTIPLE)) * MULTIPLE or MULTIPLE
    iw = int(round(cw / MULTIPLE)) * MULTIPLE or MULTIPLE
    ih, iw = max(ih, MIN_SIDE), max(iw, MIN_SIDE)
    # The content fills the input exactly unless the image is more elongated than MAX_ASPECT.
    true_aspect = width / max(1, height)
    if true_aspect > iw / ih:
        return ih, iw, max(1, int(round(iw / true_aspect))), iw
    if true_aspect < iw / ih:
        return ih, iw, ih, max(1, int(round(ih * true_aspect)))
    return ih, iw, ih, iw


def network_image(rgb: np.ndarray, pixels: int = INPUT_PIXELS) -> tuple[np.ndarray, tuple[int, int], tuple[int, int]]:
    """The image as the network sees it (uint8 HxWx3, sides multiples of 32), its (H, W) and the
    content's (h, w)."""
    h, w = rgb.shape[:2]
    ih, iw, ch, cw = input_size(h, w, pixels)
    small = rgb
    if (ch, cw) != (h, w):
        # Halve with pyramids first: much cheaper than one large INTER_AREA, still anti-aliased.
        while min(small.shape[:2]) >= 4 and small.shape[0] >= 2 * ch and small.shape[1] >= 2 * cw:
            small = cv2.pyrDown(small)
        interp = cv2.INTER_AREA if small.shape[0] > ch else cv2.INTER_LINEAR
        small = cv2.resize(small, (cw, ch), interpolation=interp)
    if (ch, cw) != (ih, iw):
        small = cv2.copyMakeBorder(small, 0, ih - ch, 0, iw - cw, cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(small), (ih, iw), (ch, cw)


def _area_weights(start: int, count: int, scale: float, in_start: int, in_count: int) -> np.ndarray:
    """(count, in_count) weights of an area (box) resize by `scale` (output px per input px):
    output pixels start .. start+count over input pixels in_start .. in_start+in_count."""
    inv = 1.0 / scale
    a = (start + np.arange(count, dtype=np.float64))[:, None] * inv
    x = (in_start + np.arange(in_count, dtype=np.float64))[None, :]
    overlap = np.clip(np.minimum(a + inv, x + 1.0) - np.maximum(a, x), 0.0, None)
    out: np.ndarray = (overlap * scale).astype(np.float32)
    return out


def resize_part(part: np.ndarray, origin: tuple[int, int], start: tuple[int, int], size: tuple[int, int],
                scale: tuple[float, float]) -> np.ndarray:
    """Pixels [start, start + size) (x, y) of an area resize by `scale` (x, y) of a whole image,
    computed from `part` of it (RGB uint8) whose top-left pixel is at `origin` (x, y).

    The same numbers as OpenCV's INTER_AREA resize of the whole image (which `network_image` does
    when the image is less than twice the network's input: a feed screen at 1 px/pt), without
    resizing the whole image: a card can be prepared for the network exactly as the full pass sees
    it. `part` must cover every input pixel the output needs."""
    height, width = part.shape[:2]
    wx = _area_weights(start[0], size[0], scale[0], origin[0], width)
    wy = _area_weights(start[1], size[1], scale[1], origin[1], height)
    # Two products, rows then columns per channel, with OpenCV's gemm: numpy's (OpenBLAS) cost
    # 5-20x more on the shared 2-core machine, its threads fighting ONNX Runtime's.
    none = np.empty((0, 0), np.float32)  # no third matrix (beta 0)
    rows = cv2.gemm(wy, part.reshape(height, width * 3).astype(np.float32), 1.0, none, 0.0)
    rows = rows.reshape(-1, width, 3)
    out = np.stack([cv2.gemm(np.ascontiguousarray(rows[:, :, c]), wx, 1.0, none, 0.0, flags=cv2.GEMM_2_T)
                    for c in range(3)], axis=2)
    return np.ascontiguousarray(np.clip(np.rint(out), 0, 255).astype(np.uint8))


def _tensor(image: np.ndarray) -> np.ndarray:
    """uint8 HxWx3 -> the (1, 3, H, W) float32 input, (x - 127) / 128."""
    x = (image.astype(np.float32) - 127.0) * (1.0 / 128.0)
    return np.ascontiguousarray(x.transpose(2, 0, 1)[None])


def prepare(rgb: np.ndarray, pixels: int = INPUT_PIXELS) -> tuple[np.ndarray, tuple[int, int], tuple[int, int]]:
    """The network input (1, 3, H, W) float32, its (H, W) and the content's (h, w)."""
    image, input_hw, content_hw = network_image(rgb, pixels)
    return _tensor(image), input_hw, content_hw


def _load_front(path: Path) -> Any:
    session = _ort_session(path, spinning=False)
    names = [o.name for o in session.get_outputs()]
    if names != [TAPS[0]]:
        raise ValueError(f"unexpected backbone outputs {names}")
    return session


def _load_tail(path: Path) -> Any:
    session = _ort_session(path, spinning=False)
    ins, outs = [i.name for i in session.get_inputs()], [o.name for o in session.get_outputs()]
    if ins != [TAPS[0]] or outs != list(TAPS[1:]):
        raise ValueError(f"unexpected backbone tail {ins} -> {outs}")
    return session


def front(image: np.ndarray, *, path: str | os.PathLike[str] | None = None) -> np.ndarray:
    """s8 features (40, H/8, W/8) of an RGB uint8 image taken as it is (sides multiples of 32)."""
    if image.ndim != 3 or image.shape[0] % MULTIPLE or image.shape[1] % MULTIPLE:
        raise ValueError(f"the backbone needs an RGB image with sides that are multiples of {MULTIPLE}, "
                         f"got {image.shape}")
    session = _session("backbone", model_path(path), _load_front)
    out: np.ndarray = session.run(None, {"image": _tensor(image)})[0][0]
    return out


def tail(s8: np.ndarray, *, path: str | os.PathLike[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(s16, s32) features from s8 features (40, h, w): the rest of the network."""
    session = _session("backbone_tail", tail_model_path(path), _load_tail)
    s16, s32 = session.run(None, {TAPS[0]: np.ascontiguousarray(s8, np.float32)[None]})
    return s16[0], s32[0]


def features(image: np.ndarray, *, path: str | os.PathLike[str] | None = None,
             tail_path: str | os.PathLike[str] | None = None,
             pixels: int = INPUT_PIXELS, as_is: bool = False) -> BackboneFeatures:
    """Backbone features of an image (any size, RGB/grey/RGBA), cached by content.

    `as_is`: feed the image at its own size (both sides must be multiples of 32), e.g. a cover
    already scaled and framed the way it appears on a feed screen.
    """
    rgb = as_rgb_uint8(image)
    model, rest = model_path(path), tail_model_path(tail_path)
    if as_is and (rgb.shape[0] % MULTIPLE or rgb.shape[1] % MULTIPLE):
        raise ValueError(f"as_is needs sides that are multiples of {MULTIPLE}, got {rgb.shape[:2]}")
    if as_is:
        image, input_hw, content_hw = rgb, (rgb.shape[0], rgb.shape[1]), (rgb.shape[0], rgb.shape[1])
    else:
        image, input_hw, content_hw = network_image(rgb, pixels)
    # Keyed by what the network sees: hashing the small input costs a tenth of hashing a cover.
    key = f"{image_key(image)}|{model}|{rest}|{content_hw}"

    def run() -> BackboneFeatures:
        s8 = front(image, path=model)
        s16, s32 = tail(s8, path=rest)
        return BackboneFeatures({"s8": s8, "s16": s16, "s32": s32}, input_hw, content_hw)

    return _cache.get_or_compute(key, run)


def clear_cache() -> None:
    """Forget cached features (tests; the loaded model stays in `detectors`' session cache)."""
    _cache.clear()
