"""Pure image diagnostics behind the plain-language findings ("too busy", "title hard to read").

Each function documents the threshold a finding should use; the thresholds are module
constants so the scoring layer and its tests quote the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import cv2
import numpy as np

from xhscover.attention._checks import as_boxes, as_map, as_rgb_uint8, clip_box

# ---------------------------------------------------------------- colourfulness

COLOURFUL_LEVELS = ((15.0, "not colourful"), (33.0, "slightly colourful"),
                    (45.0, "moderately colourful"), (59.0, "quite colourful"),
                    (82.0, "highly colourful"), (float("inf"), "extremely colourful"))
"""Hasler & Süsstrunk (2003) scale: upper bound of each band -> label. A finding "dull next
to the feed" should fire below 15 (not colourful); above 82 reads as loud."""


def colourfulness(image: np.ndarray) -> float:
    """Hasler-Süsstrunk colourfulness M = sqrt(sd_rg^2 + sd_yb^2) + 0.3 sqrt(mu_rg^2 + mu_yb^2).

    rg = R - G, yb = (R + G) / 2 - B on 0-255 sRGB values. Grey images score 0; typical
    photos 20-80. See `COLOURFUL_LEVELS` for the bands.
    """
    rgb = as_rgb_uint8(image).astype(np.float64)
    r, g, b = rgb[:, :, 0], rgb[:, :, 1], rgb[:, :, 2]
    rg = r - g
    yb = 0.5 * (r + g) - b
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))


def colourfulness_label(value: float) -> str:
    """Plain-language band of a colourfulness value (see `COLOURFUL_LEVELS`)."""
    for bound, label in COLOURFUL_LEVELS:
        if value < bound:
            return label
    return COLOURFUL_LEVELS[-1][1]


# ---------------------------------------------------------------- clutter

CLUTTER_LONG_SIDE = 512
"""Edge density is measured with the long side at 512 px so it does not depend on the size."""
CLUTTER_BUSY = 0.12
"""Edge density above this reads as "busy / cluttered" (covers with one subject and a clean
title sit around 0.03-0.08; dense collages and text walls above 0.12)."""
CLUTTER_PLAIN = 0.02
"""Edge density below this reads as "very plain" (flat colour, soft gradients)."""


def edge_density(image: np.ndarray) -> float:
    """Share of pixels on a Canny edge (thresholds 50/150 on 0-255 grey) at 512 px long side.

    A visual-clutter proxy (Rosenholtz et al. 2007 found edge density tracks perceived clutter
    almost as well as feature congestion). 0 for flat images; see `CLUTTER_BUSY`.
    """
    rgb = as_rgb_uint8(image)
    h, w = rgb.shape[:2]
    scale = CLUTTER_LONG_SIDE / max(h, w)
    if scale < 1:
        rgb = cv2.resize(rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    edges = cv2.Canny(grey, 50, 150)
    return float(np.count_nonzero(edges)) / edges.size


# ---------------------------------------------------------------- contrast (WCAG 2)

WCAG_AA_TEXT = 4.5
"""WCAG 2 AA minimum contrast ratio for body text."""
WCAG_AA_LARGE = 3.0
"""WCAG 2 AA minimum for large text (>= 18 pt, or 14 pt bold): cover titles usually are;
below 3.0 a finding "title blends into the background" should fire."""
WCAG_AAA_TEXT = 7.0


def relative_luminance(rgb: Sequence[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as 0-255 values."""
    channels = []
    for value in rgb[:3]:
        c = float(value) / 255.0
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(colour_a: Sequence[float], colour_b: Sequence[float]) -> float:
    """WCAG 2 contrast ratio (L_light + 0.05) / (L_dark + 0.05), from 1 (same) to 21 (black/white)."""
    la, lb = relative_luminance(colour_a), relative_luminance(colour_b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(values: np.ndarray) -> tuple[int, int, int]:
    return int(values[0]), int(values[1]), int(values[2])


def text_colours(image: np.ndarray, box: Sequence[float]) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Estimated (text, background) sRGB colours inside a text box.

    Splits the box's pixels in two by Otsu's threshold on luminance; the group that owns most
    of the box's border is the background (text rarely touches the box edge), the other the
    text; each colour is the group's median. A box with one colour returns it twice.
    """
    rgb = as_rgb_uint8(image)
    boxes = as_boxes([box])
    clipped = clip_box(boxes[0], rgb.shape[1], rgb.shape[0]) if boxes else None
    if clipped is None:
        raise ValueError(f"The box {tuple(box)!r} lies outside the image.")
    x, y, w, h = clipped
    patch = rgb[y:y + h, x:x + w]
    grey = cv2.cvtColor(patch, cv2.COLOR_RGB2GRAY)
    pixels = patch.reshape(-1, 3)
    if int(grey.max()) == int(grey.min()):
        colour = _rgb(np.median(pixels, axis=0))
        return colour, colour
    thresh, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    light = (grey > thresh)
    border = np.concatenate([light[0], light[-1], light[:, 0], light[:, -1]])
    background_is_light = border.mean() >= 0.5
    text_mask = ~light if background_is_light else light
    flat_text = text_mask.ravel()
    if not flat_text.any() or flat_text.all():
        colour = _rgb(np.median(pixels, axis=0))
        return colour, colour
    text = _rgb(np.median(pixels[flat_text], axis=0))
    background = _rgb(np.median(pixels[~flat_text], axis=0))
    return text, background


def text_contrast(image: np.ndarray, box: Sequence[float]) -> float:
    """WCAG contrast ratio between the estimated text and background colours in `box`."""
    text, background = text_colours(image, box)
    return contrast_ratio(text, background)


# ---------------------------------------------------------------- distinctiveness

HIST_BINS = 8
COLOUR_SIMILAR = 0.25
"""Colour-histogram distance below this: "same palette as a neighbour" (0 = identical
histograms, 1 = no colour in common)."""
LAYOUT_SIZE = (16, 16)
LAYOUT_SIMILAR = 0.08
"""Layout distance below this: "same composition as a neighbour" (mean absolute difference of
16x16 luminance and edge thumbnails, 0-1 scale)."""


def colour_histogram(image: np.ndarray, bins: int = HIST_BINS) -> np.ndarray:
    """Joint RGB histogram with `bins` per channel, normalised to sum 1 (float64, bins^3)."""
    rgb = as_rgb_uint8(image)
    idx = (rgb.astype(np.int64) * bins) // 256
    flat = (idx[:, :, 0] * bins + idx[:, :, 1]) * bins + idx[:, :, 2]
    hist = np.bincount(flat.ravel(), minlength=bins ** 3).astype(np.float64)
    normalised: np.ndarray = hist / hist.sum()
    return normalised


def colour_distance(image_a: np.ndarray, image_b: np.ndarray, bins: int = HIST_BINS) -> float:
    """Hellinger distance between the images' colour histograms, 0 (same) to 1 (disjoint).

    sqrt(1 - sum_i sqrt(p_i q_i)), the Bhattacharyya-based distance OpenCV calls
    HISTCMP_BHATTACHARYYA. See `COLOUR_SIMILAR`.
    """
    p, q = colour_histogram(image_a, bins), colour_histogram(image_b, bins)
    bc = float(np.sum(np.sqrt(p * q)))
    return float(np.sqrt(max(0.0, 1.0 - bc)))


def layout_thumbnails(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """16x16 luminance (0-1) and edge-strength (0-1) thumbnails: the composition at a glance."""
    rgb = as_rgb_uint8(image)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0
    lum = cv2.resize(grey, LAYOUT_SIZE, interpolation=cv2.INTER_AREA)
    if min(grey.shape) >= 3:
        gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
        mag = np.minimum(1.0, np.hypot(gx, gy) / 4.0)  # a full black/white step = 4 with Sobel 3x3
    else:
        mag = np.zeros_like(grey)
    edges = cv2.resize(mag, LAYOUT_SIZE, interpolation=cv2.INTER_AREA)
    return lum, edges


def layout_distance(image_a: np.ndarray, image_b: np.ndarray) -> float:
    """Mean of the mean absolute differences of the two thumbnails, 0 (same) to 1.

    Sizes may differ: both images are reduced to 16x16 first. See `LAYOUT_SIMILAR`.
    """
    la, ea = layout_thumbnails(image_a)
    lb, eb = layout_thumbnails(image_b)
    return float(0.5 * (np.abs(la - lb).mean() + np.abs(ea - eb).mean()))


# ---------------------------------------------------------------- saliency shares

SHARE_TITLE_LOW = 0.10
"""Share of attention below this on the title box: "the title is easy to miss"."""


def share_in_boxes(smap: np.ndarray, boxes: Iterable[Sequence[float]]) -> list[float]:
    """Share of the map's total mass inside each (x, y, w, h) box (clipped to the map).

    Boxes may overlap; each share is computed on its own. A box outside the map gets 0.
    An all-zero map gives 0 for every box.
    """
    arr = as_map(smap)
    total = float(arr.sum())
    integral = cv2.integral(arr.astype(np.float64))
    out = []
    for box in boxes:
        norm = as_boxes([box])
        clipped = clip_box(norm[0], arr.shape[1], arr.shape[0]) if norm else None
        if clipped is None or not total > 0:
            out.append(0.0)
            continue
        x, y, w, h = clipped
        mass = integral[y + h, x + w] - integral[y, x + w] - integral[y + h, x] + integral[y, x]
        out.append(float(mass / total))
    return out
