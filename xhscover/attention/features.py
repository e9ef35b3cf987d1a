"""Feature maps that drive human gaze, computed at a fixed low working resolution.

Everything here works on a small image (long side `WORK_LONG_SIDE`) and returns maps on a
grid with long side `GRID_LONG_SIDE`, so cost does not depend on the input size. Each map is
scaled to [0, 1] per image (its maximum becomes 1) so that fitted weights mean the same thing
on every image. The maps follow the classical conspicuity literature:

- centre-surround contrast of lightness and of colour (Lab a/b), fine and coarse scales
  (Itti, Koch & Niebur 1998, computed on a Gaussian pyramid);
- orientation contrast (centre-surround of Gabor energy at four orientations);
- spectral residual of the Lab channels (Hou & Zhang 2007), implemented with numpy's FFT;
- colour rarity (distance to the image's mean Lab colour, Achanta et al. 2009) and chroma;
- text and face maps from boxes (known layers or detectors), and the centre-bias coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from xhscover.attention._checks import Box, as_boxes
from xhscover.attention.detectors import face_weight

WORK_LONG_SIDE = 256
"""Long side (px) of the working image all features start from."""
GRID_LONG_SIDE = 128
"""Long side (cells) of the grid feature maps and the model's map live on before resizing."""

BOTTOM_UP = ("lum_fine", "lum_coarse", "col_fine", "col_coarse", "ori_fine", "ori_coarse",
             "spectral", "rarity", "chroma")
"""Names of the bottom-up maps, in the order `bottom_up_features` stacks them."""
FEATURES = BOTTOM_UP + ("text", "face")
"""All content maps, in stack order; the centre bias is added by the model, not stacked."""


def working_image(rgb: np.ndarray, long_side: int = WORK_LONG_SIDE) -> np.ndarray:
    """Resize an RGB uint8 image so its long side is `long_side` (area filter down, linear up)."""
    h, w = rgb.shape[:2]
    scale = long_side / max(h, w)
    size = (max(1, int(round(w * scale))), max(1, int(round(h * scale))))
    if size == (w, h):
        return rgb
    if scale >= 1:
        return cv2.resize(rgb, size, interpolation=cv2.INTER_LINEAR)
    # Halve with Gaussian pyramids first: 5x cheaper than one big INTER_AREA on a 1080x1440
    # cover, and still properly anti-aliased.
    while min(rgb.shape[:2]) >= 4 and max(rgb.shape[:2]) >= 2 * long_side:
        rgb = cv2.pyrDown(rgb)
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def grid_shape(height: int, width: int, long_side: int = GRID_LONG_SIDE) -> tuple[int, int]:
    """(h, w) of the feature grid for an image of the given size (aspect kept, >= 4 cells)."""
    scale = long_side / max(height, width)
    return max(4, int(round(height * scale))), max(4, int(round(width * scale)))


def _lab(rgb_small: np.ndarray) -> np.ndarray:
    lab = cv2.cvtColor(rgb_small.astype(np.float32) * (1.0 / 255.0), cv2.COLOR_RGB2Lab)
    lab *= np.array([1.0 / 100.0, 1.0 / 100.0, 1.0 / 100.0], np.float32)
    return lab


def _pyramid(img: np.ndarray, levels: int) -> list[np.ndarray]:
    pyr = [img]
    for _ in range(levels):
        top = pyr[-1]
        if min(top.shape[:2]) < 2:
            pyr.append(top)
        else:
            pyr.append(cv2.pyrDown(top))
    return pyr


def _up(img: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    return cv2.resize(img, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)


def _unit(m: np.ndarray) -> np.ndarray:
    """Scale a non-negative map so its max is 1 (all-zero maps stay zero)."""
    peak = float(m.max()) if m.size else 0.0
    if not peak > 1e-12:
        return np.zeros_like(m, dtype=np.float32)
    return (m * (1.0 / peak)).astype(np.float32)


_FINE = ((1, 3), (1, 4))
_COARSE = ((2, 4), (2, 5), (3, 5))
_LEVELS = (1, 2, 3, 4, 5)


def _upsampled(pyr: list[np.ndarray], shape: tuple[int, int]) -> dict[int, np.ndarray]:
    """Pyramid levels 1-5 resized to the grid once, shared by all centre-surround pairs."""
    return {level: _up(pyr[level], shape) for level in _LEVELS}


def _centre_surround(ups: Sequence[dict[int, np.ndarray]], pairs: Sequence[tuple[int, int]],
                     shape: tuple[int, int]) -> np.ndarray:
    """Sum over (centre, surround) pairs of |C - S|, Euclidean over the given channels."""
    total = np.zeros(shape, np.float32)
    for c, s in pairs:
        if len(ups) == 1:
            total += cv2.absdiff(ups[0][c], ups[0][s])
        else:
            total += cv2.magnitude(ups[0][c] - ups[0][s], ups[1][c] - ups[1][s])
    return total


def _gabor_bank() -> list[np.ndarray]:
    kernels = []
    for theta in np.arange(4) * np.pi / 4:
        k = cv2.getGaborKernel((9, 9), 2.0, float(theta), 5.0, 0.75, 0.0, ktype=cv2.CV_32F)
        k -= k.mean()
        kernels.append(k)
    return kernels


_GABOR = _gabor_bank()


def _orientation(lum_pyr: list[np.ndarray], shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Orientation contrast: centre-surround of Gabor energy per orientation, summed."""
    fine = np.zeros(shape, np.float32)
    coarse = np.zeros(shape, np.float32)
    for kernel in _GABOR:
        ups = {}
        for level in _LEVELS:
            img = lum_pyr[level]
            energy = np.abs(cv2.filter2D(img, cv2.CV_32F, kernel)) if min(img.shape) >= 3 else np.zeros_like(img)
            ups[level] = _up(energy, shape)
        for pairs, out in ((_FINE, fine), (_COARSE, coarse)):
            for c, s in pairs:
                out += cv2.absdiff(ups[c], ups[s])
    return fine, coarse


SPECTRAL_LONG_SIDE = 64


def spectral_residual(channel: np.ndarray) -> np.ndarray:
    """Spectral residual saliency (Hou & Zhang 2007) of one float channel, same shape out.

    The log amplitude spectrum minus its 3x3 local mean keeps what is unexpected in the image;
    transforming back with the original phase and squaring gives the saliency.
    """
    h, w = channel.shape
    if h < 4 or w < 4:
        return np.zeros((h, w), np.float32)
    spectrum = np.fft.fft2(channel.astype(np.float64))
    amplitude = np.abs(spectrum)
    log_amp = np.log(amplitude + 1e-9)
    residual = log_amp - cv2.blur(log_amp, (3, 3), borderType=cv2.BORDER_REFLECT)
    phase = spectrum / (amplitude + 1e-9)
    back = np.fft.ifft2(np.exp(residual) * phase)
    return (np.abs(back) ** 2).astype(np.float32)


def _spectral(lab_small: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    h, w = lab_small.shape[:2]
    scale = SPECTRAL_LONG_SIDE / max(h, w)
    size = (max(4, int(round(w * scale))), max(4, int(round(h * scale))))
    tiny = cv2.resize(lab_small, size, interpolation=cv2.INTER_AREA)
    total: np.ndarray = np.zeros((size[1], size[0]), np.float32)
    for ch in range(3):
        total += _unit(spectral_residual(tiny[:, :, ch]))
    total = cv2.GaussianBlur(total, (0, 0), 2.0)
    return _up(total, shape)


def bottom_up_features(rgb_small: np.ndarray, shape: tuple[int, int] | None = None) -> np.ndarray:
    """Stack of the bottom-up maps (len(BOTTOM_UP), gh, gw), each in [0, 1], float32.

    `rgb_small` is the working image (see `working_image`); `shape` the grid (default from
    `grid_shape`). Flat images give all-zero maps.
    """
    h, w = rgb_small.shape[:2]
    shape = shape or grid_shape(h, w)
    lab = _lab(rgb_small)
    pyr = _pyramid(lab, 5)
    lum_pyr = [np.ascontiguousarray(level[:, :, 0]) for level in pyr]
    lum_up = _upsampled(lum_pyr, shape)
    col_up = [_upsampled([np.ascontiguousarray(level[:, :, ch]) for level in pyr], shape) for ch in (1, 2)]
    lum_fine = _centre_surround([lum_up], _FINE, shape)
    lum_coarse = _centre_surround([lum_up], _COARSE, shape)
    col_fine = _centre_surround(col_up, _FINE, shape)
    col_coarse = _centre_surround(col_up, _COARSE, shape)
    ori_fine, ori_coarse = _orientation(lum_pyr, shape)
    spectral = _spectral(lab, shape)
    grid_lab = cv2.resize(pyr[1], (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
    grid_lab = cv2.GaussianBlur(grid_lab, (0, 0), 1.0)
    mean = grid_lab.reshape(-1, 3).mean(axis=0)
    rarity = np.sqrt(np.sum((grid_lab - mean) ** 2, axis=2))
    chroma = np.sqrt(grid_lab[:, :, 1] ** 2 + grid_lab[:, :, 2] ** 2)
    maps = [lum_fine, lum_coarse, col_fine, col_coarse, ori_fine, ori_coarse, spectral, rarity, chroma]
    return np.stack([_unit(m) for m in maps], axis=0)


def box_features(boxes_text: Sequence[Box] | None, faces: Sequence[tuple[Box, float]] | None,
                 image_hw: tuple[int, int], shape: tuple[int, int]) -> np.ndarray:
    """(2, gh, gw) maps: text (filled boxes, softened) and faces (a Gaussian per face).

    Box coordinates are in pixels of an image of size `image_hw`. A face's Gaussian sits a
    little above the box centre (where the eyes are) with sigma 0.35 of the box size, weighted
    by `detectors.face_weight(score)`; text boxes are filled and blurred by a quarter of their height.
    """
    gh, gw = shape
    ih, iw = image_hw
    sy, sx = gh / ih, gw / iw
    text = np.zeros(shape, np.float32)
    for x, y, w, h in as_boxes(boxes_text):
        x0, y0 = int(np.floor(x * sx)), int(np.floor(y * sy))
        x1, y1 = int(np.ceil((x + w) * sx)), int(np.ceil((y + h) * sy))
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(gw, x1), min(gh, y1)
        if x1 > x0 and y1 > y0:
            text[y0:y1, x0:x1] = 1.0
    if text.any():
        text = _unit(cv2.GaussianBlur(text, (0, 0), 1.0))
    face = np.zeros(shape, np.float32)
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32) + 0.5
    for box, score in faces or ():
        x, y, w, h = box
        cx, cy = (x + 0.5 * w) * sx, (y + 0.42 * h) * sy
        sigma = max(0.7, 0.35 * 0.5 * (w * sx + h * sy))
        blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma * sigma)) * face_weight(score)
        np.maximum(face, blob, out=face)
    return np.stack([text, face], axis=0)


def centre_coordinates(shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Squared offsets from the image centre, as fractions of width and height (each in [0, .25])."""
    gh, gw = shape
    y = (np.arange(gh, dtype=np.float32) + 0.5) / gh - 0.5
    x = (np.arange(gw, dtype=np.float32) + 0.5) / gw - 0.5
    return np.broadcast_to(x[None, :] ** 2, shape), np.broadcast_to(y[:, None] ** 2, shape)
