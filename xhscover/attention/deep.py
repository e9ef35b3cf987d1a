"""The default attention model: frozen EfficientNet-Lite0 features, a small fitted readout.

The DeepGaze recipe, kept small enough to generalise from 536 images:

    log p(x) = sum_t up(v_t . f_t(x)) + w_text T(x) + w_face Fc(x) + prior_kind(x) + const,

then blurred by a Gaussian and normalised. f_t are the backbone's feature maps at strides 8, 16
and 32 (`backbone.py`); v_t are readout vectors, each the product of
a per-tap PCA (fixed by the training images) and a few fitted weights, so the content term is a
1x1 convolution per tap, added on the stride-8 grid (the 1280-channel head is not used: see
`benchmarks/fit_deep.py`). T is the text map (boxes of visible text,
from the detector on the final pixels), Fc the face map (`features.box_features`). A second
text map weighted by type size was tried and fitted to weight 0: the backbone already sees how
big the type is, and the eye-tracking data gave extra weight to no size of text.
The position prior is a quadratic in the offsets from the centre (x, y in [-0.5, 0.5]):

    prior(x, y) = c0 x + c1 y + c2 x^2 + c3 y^2 + c4 x y,

with one set of five coefficients per kind of input: "image" (natural images: fitted on OSIE,
a centre bias), "page" (web pages: fitted on FiWI, a top-left bias). A "cover" shown on its own
uses the image prior (a picture looked at by itself). Everything fitted comes from
`deep_params.json`, written by `benchmarks/fit_deep.py`.

A "screen" (the phone feed) uses the page prior re-expressed in degrees of visual angle, because
position biases live in the viewer's field of view, not in fractions of an image. No eye tracking
on a phone feed exists to fit it (none public, none here), so it is derived, not fitted:

- a FiWI page (1366x768) on its desktop monitor spans about `PAGE_VIEW_DEG` = 40 x 23.1 degrees
  (the ECCV 2014 paper's set-up section could not be read from the copies available here; a
  22-inch-class monitor at a usual 55-65 cm gives 35-45 degrees for the page's width);
- a phone is held at `READING_DISTANCE_MM` = 322 mm, the mean distance measured while reading web
  pages on smartphones (Bababekova et al., Optometry and Vision Science 88(7), 2011), so an
  iPhone 15 screen (65.1 x 141.1 mm, from `assets/feed/devices.json`) spans 11.6 x 24.7 degrees:
  under a third of the page's width, about the page's height;
- with x, y offsets in degrees the fitted quadratic is kept as it is, so in the screen's own
  fractions every x power is scaled by sx = 11.6 / 40 and every y power by sy = 24.7 / 23.1:
  c0' = c0 sx, c1' = c1 sy, c2' = c2 sx^2, c3' = c3 sy^2, c4' = c4 sx sy (`rescaled_prior`).

So the feed keeps FiWI's top-down bias (slightly stronger: the screen is a little taller in
degrees) and gets a left-right one as weak as 11.6 degrees of a page's width make it: the same
content in the right column gets exp(c0' / 2) = 0.79x the left column's density instead of
exp(c0 / 2) = 0.45x. (A page width of 35 or 45 degrees would make that 0.77x or 0.81x.) Mobile UIs do show a
top-left bias in eye tracking (Leiva et al., MobileHCI 2020, 193 app screens), which is why the
bias is kept rather than dropped. The screen's physical size comes from the device profile of the
scored feed (`screen_mm`); without one, the default device's.

The content term does not depend on the prior, so a feed screen can be assembled (`card_patch`,
`place_card`, `screen_content`): every card's stride-8 features computed once and cached, placed
where the card is, then the rest of the network run on the whole assembled screen, so the coarse
features see the screen's context as the full pass does; then the screen's own prior.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention import backbone
from xhscover.attention import features as F
from xhscover.attention._checks import Box

DEEP_PARAMS_PATH = Path(__file__).with_name("deep_params.json")
KINDS = ("image", "cover", "page", "screen")
"""Input kinds, each with its position prior (see the module docstring)."""
PRIOR_OF_KIND = {"image": "image", "cover": "image", "page": "page", "screen": "page"}
"""The fitted prior each kind starts from ("screen" rescales the page prior to its visual angle)."""

PAGE_VIEW_DEG = (40.0, 2.0 * math.degrees(math.atan(math.tan(math.radians(20.0)) * 768 / 1366)))
"""(width, height) in degrees of a 1366x768 FiWI page on its monitor: 40 wide, 23.1 high."""
READING_DISTANCE_MM = 322.0
"""Eye to phone while reading web pages: the mean of 100 smartphone users (Bababekova et al. 2011)."""
DEFAULT_SCREEN_MM = (65.1, 141.1)
"""Physical (width, height) of the default device's screen, iPhone 15 (`assets/feed/devices.json`:
1179x2556 px at 460 ppi; a test keeps the two equal), used when a screen comes without a size."""


@dataclass(frozen=True)
class DeepParams:
    """Fitted readout of the default model (see the module docstring)."""

    readout: dict[str, list[float]]
    """Tap name -> readout vector v_t (one weight per backbone channel)."""
    text: float
    face: float
    priors: dict[str, list[float]]
    """Prior name ("image", "page") -> [c0..c4]."""
    blur_sigma: float
    """Final blur as a fraction of the grid's long side."""
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {"readout": {k: [round(float(x), 7) for x in v] for k, v in self.readout.items()},
                "text": self.text, "face": self.face, "priors": self.priors,
                "blur_sigma": self.blur_sigma, "meta": self.meta}
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> DeepParams:
        data = json.loads(text)
        return cls(readout=data["readout"], text=float(data["text"]), face=float(data["face"]),
                   priors={k: [float(c) for c in v] for k, v in data["priors"].items()},
                   blur_sigma=float(data["blur_sigma"]), meta=data.get("meta", {}))

    def without(self, *parts: str) -> DeepParams:
        """A copy with "text", "face" or "prior" switched off (for the ablation rows)."""
        priors = {k: [0.0] * 5 for k in self.priors} if "prior" in parts else self.priors
        return DeepParams(self.readout, 0.0 if "text" in parts else self.text,
                          0.0 if "face" in parts else self.face, priors, self.blur_sigma, dict(self.meta))


_PARAMS: DeepParams | None = None
_VECTORS: dict[str, np.ndarray] = {}


def load_deep_params(path: str | Path | None = None) -> DeepParams:
    """The shipped readout (or one from `path`)."""
    global _PARAMS
    if path is None:
        if _PARAMS is None:
            _PARAMS = DeepParams.from_json(DEEP_PARAMS_PATH.read_text(encoding="utf-8"))
        return _PARAMS
    return DeepParams.from_json(Path(path).read_text(encoding="utf-8"))


def _vector(params: DeepParams, tap: str) -> np.ndarray:
    key = f"{id(params)}|{tap}"
    vec = _VECTORS.get(key)
    if vec is None:
        vec = np.asarray(params.readout[tap], np.float32)
        _VECTORS[key] = vec
    return vec


def grid_shape(feats: backbone.BackboneFeatures) -> tuple[int, int]:
    """(h, w) of the stride-8 grid that holds the image content (padding cut off)."""
    ih, iw = feats.input_hw
    ch, cw = feats.content_hw
    gh, gw = feats.maps["s8"].shape[1:]
    return max(1, int(round(gh * ch / ih))), max(1, int(round(gw * cw / iw)))


def content_grid(feats: backbone.BackboneFeatures, params: DeepParams) -> np.ndarray:
    """The readout of the backbone features on the stride-8 grid (log space, content only)."""
    s8 = feats.maps["s8"]
    gh, gw = s8.shape[1:]
    total = np.tensordot(_vector(params, "s8"), s8, axes=1).astype(np.float32)
    for tap in backbone.TAPS[1:]:
        fmap = feats.maps[tap]
        part = np.tensordot(_vector(params, tap), fmap, axes=1).astype(np.float32)
        total += cv2.resize(part, (gw, gh), interpolation=cv2.INTER_LINEAR)
    h, w = grid_shape(feats)
    return np.ascontiguousarray(total[:h, :w])


def prior_grid(shape: tuple[int, int], coefs: Sequence[float]) -> np.ndarray:
    """The quadratic position prior on a grid (log space); x, y from -0.5 to 0.5 (cell centres)."""
    gh, gw = shape
    y = ((np.arange(gh, dtype=np.float32) + 0.5) / gh - 0.5)[:, None]
    x = ((np.arange(gw, dtype=np.float32) + 0.5) / gw - 0.5)[None, :]
    c = [float(v) for v in coefs]
    return (c[0] * x + c[1] * y + c[2] * x * x + c[3] * y * y + c[4] * x * y).astype(np.float32)


def view_degrees(size_mm: Sequence[float], distance_mm: float = READING_DISTANCE_MM) -> tuple[float, float]:
    """(width, height) in degrees of visual angle of a flat screen of `size_mm` seen from `distance_mm`."""
    if distance_mm <= 0 or min(size_mm[0], size_mm[1]) <= 0:
        raise ValueError(f"screen size and distance must be positive, got {tuple(size_mm)} at {distance_mm}")
    w, h = (2.0 * math.degrees(math.atan(0.5 * float(v) / distance_mm)) for v in size_mm[:2])
    return w, h


def rescaled_prior(coefs: Sequence[float], from_deg: Sequence[float], to_deg: Sequence[float]) -> list[float]:
    """A quadratic prior fitted on a display of `from_deg` (width, height in degrees) re-expressed
    for one of `to_deg`: the same function of the offset in degrees, in the new display's fractions."""
    sx, sy = to_deg[0] / from_deg[0], to_deg[1] / from_deg[1]
    c = [float(v) for v in coefs]
    return [c[0] * sx, c[1] * sy, c[2] * sx * sx, c[3] * sy * sy, c[4] * sx * sy]


def prior_coefs(kind: str, params: DeepParams, screen_mm: Sequence[float] | None = None) -> list[float]:
    """The five prior coefficients used for an input of `kind`; `screen_mm` is the physical
    (width, height) of a "screen" (default `DEFAULT_SCREEN_MM`), ignored for the other kinds."""
    coefs = params.priors[PRIOR_OF_KIND[kind]]
    if kind != "screen":
        return [float(c) for c in coefs]
    size = DEFAULT_SCREEN_MM if screen_mm is None else screen_mm
    return rescaled_prior(coefs, PAGE_VIEW_DEG, view_degrees(size))


def prior_terms(shape: tuple[int, int]) -> np.ndarray:
    """(5, h, w) basis of `prior_grid` (for fitting)."""
    return np.stack([prior_grid(shape, np.eye(5)[k]) for k in range(5)])


def box_grid(text_boxes: Sequence[Box], faces: Sequence[tuple[Box, float]], image_hw: tuple[int, int],
             shape: tuple[int, int]) -> np.ndarray:
    """(2, h, w) text and face maps on the model's grid (see `features.box_features`)."""
    return F.box_features(text_boxes, faces, image_hw, shape)


def blur_grid(grid: np.ndarray, sigma_fraction: float) -> np.ndarray:
    sigma = sigma_fraction * max(grid.shape)
    if sigma <= 0.05:
        return grid
    return cv2.GaussianBlur(grid, (0, 0), sigma, borderType=cv2.BORDER_REPLICATE)


def log_grid(rgb: np.ndarray, text_boxes: Sequence[Box], faces: Sequence[tuple[Box, float]], kind: str,
             params: DeepParams, screen_mm: Sequence[float] | None = None) -> np.ndarray:
    """Unnormalised log saliency of an RGB uint8 image on its stride-8 grid (prior included)."""
    content = content_grid(backbone.features(rgb), params)
    return finish_log(content, text_boxes, faces, rgb.shape[:2], kind, params, screen_mm)


def density_from_log(log_map: np.ndarray, sigma_fraction: float) -> np.ndarray:
    """exp, then the calibrated blur: a non-negative map (not normalised)."""
    density = np.exp(log_map - float(log_map.max())).astype(np.float32)
    return blur_grid(density, sigma_fraction)


# ---------------------------------------------------------------- screens assembled at the feature level

CARD_MARGIN = 8
"""Backbone pixels of feed background around a card analysed for a screen (one s8 cell)."""


@dataclass(frozen=True)
class ScreenGeometry:
    """How an image of `image_hw` maps onto the backbone's input (no backbone run)."""

    image_hw: tuple[int, int]
    input_hw: tuple[int, int]
    content_hw: tuple[int, int]

    @property
    def scale(self) -> tuple[float, float]:
        """(x, y) backbone px per image px."""
        return self.content_hw[1] / self.image_hw[1], self.content_hw[0] / self.image_hw[0]

    @property
    def s8_shape(self) -> tuple[int, int]:
        return self.input_hw[0] // 8, self.input_hw[1] // 8

    def cells(self, rect: Sequence[float]) -> tuple[int, int, int, int]:
        """(i0, i1, j0, j1): the s8 cells whose centres lie inside `rect` (x, y, w, h in image px)."""
        sx, sy = self.scale
        gh, gw = self.s8_shape
        x, y, w, h = (float(v) for v in rect[:4])
        j0 = max(0, math.ceil(x * sx / 8 - 0.5))
        j1 = min(gw, math.ceil((x + w) * sx / 8 - 0.5))
        i0 = max(0, math.ceil(y * sy / 8 - 0.5))
        i1 = min(gh, math.ceil((y + h) * sy / 8 - 0.5))
        return i0, max(i0, i1), j0, max(j0, j1)


def screen_geometry(height: int, width: int) -> ScreenGeometry:
    ih, iw, ch, cw = backbone.input_size(height, width)
    return ScreenGeometry((height, width), (ih, iw), (ch, cw))


@dataclass(frozen=True)
class CardPatch:
    """The backbone's s8 features of one feed card framed by the feed background (`card_patch`)."""

    s8: np.ndarray
    """(channels, h, w) stride-8 features of the framed card."""
    origin: tuple[int, int]
    """(x, y) of the card's top-left corner in the patch, in backbone px."""


def card_patch(card: np.ndarray, phase: tuple[int, int], background: Sequence[int]) -> CardPatch:
    """s8 features of a card image already at the backbone's scale (RGB uint8), framed by
    `background` with its corner at `phase` (x, y modulo 8): the card's position on the screen's
    backbone input modulo 8, so that the patch's cells are the screen's cells.

    s8 sees a small neighbourhood (a few cells), so these features are what the full pass computes
    on the card's cells, up to the card's edges; what lies further away (s16, s32) comes from the
    tail run on the whole assembled screen (`screen_content`)."""
    m = CARD_MARGIN
    h, w = card.shape[:2]
    ox, oy = m + int(phase[0]) % 8, m + int(phase[1]) % 8
    height = -(-(oy + h + m) // backbone.MULTIPLE) * backbone.MULTIPLE
    width = -(-(ox + w + m) // backbone.MULTIPLE) * backbone.MULTIPLE
    canvas = np.empty((height, width, 3), np.uint8)
    canvas[:] = np.asarray(background, np.uint8)[:3]
    canvas[oy:oy + h, ox:ox + w] = card
    return CardPatch(backbone.front(canvas), (ox, oy))


def place_card(s8: np.ndarray, patch: CardPatch, at: tuple[int, int], cells: tuple[int, int, int, int]) -> None:
    """Copy a card's patch into a screen's s8 map (in place) over `cells` (i0, i1, j0, j1);
    `at` is where the card's corner is on the screen's backbone input (same phase as the patch)."""
    dx, dy = at[0] - patch.origin[0], at[1] - patch.origin[1]
    if dx % 8 or dy % 8:
        raise ValueError(f"card patch at phase {patch.origin} placed at {at}")
    dj, di = dx // 8, dy // 8
    ph, pw = patch.s8.shape[1:]
    i0, i1, j0, j1 = cells
    i0, i1 = max(i0, di), min(i1, di + ph)
    j0, j1 = max(j0, dj), min(j1, dj + pw)
    if i1 > i0 and j1 > j0:
        s8[:, i0:i1, j0:j1] = patch.s8[:, i0 - di:i1 - di, j0 - dj:j1 - dj]


def screen_content(s8: np.ndarray, geometry: ScreenGeometry, params: DeepParams) -> np.ndarray:
    """The content log-grid of a screen from its (assembled) s8 map: the backbone's tail on the
    whole screen, then the readout (as `content_grid` does for a full pass)."""
    s16, s32 = backbone.tail(s8)
    feats = backbone.BackboneFeatures({"s8": s8, "s16": s16, "s32": s32}, geometry.input_hw, geometry.content_hw)
    return content_grid(feats, params)


def finish_log(content: np.ndarray, text_boxes: Sequence[Box], faces: Sequence[tuple[Box, float]],
               image_hw: tuple[int, int], kind: str, params: DeepParams,
               screen_mm: Sequence[float] | None = None) -> np.ndarray:
    """Content log-grid + text, faces and the position prior of `kind` (log space); `screen_mm`
    is a "screen"'s physical size (see `prior_coefs`)."""
    shape = (int(content.shape[0]), int(content.shape[1]))
    boxes = box_grid(text_boxes, faces, image_hw, shape)
    out: np.ndarray = content + params.text * boxes[0] + params.face * boxes[1] + prior_grid(
        shape, prior_coefs(kind, params, screen_mm))
    return out
