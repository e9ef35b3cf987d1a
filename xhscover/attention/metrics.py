"""Saliency metrics against eye-tracking fixations (MIT saliency benchmark definitions).

Conventions (as in the OSIE README): compare maps at 400 px long side; `fixation_map` turns
fixation points into a count map of that size; `fixation_density` blurs it with a Gaussian of
3.5% of the long side (about one degree of visual angle) for CC and KLD.

- `auc_judd`: ROC area, fixated pixels as positives, all other pixels as negatives, thresholds
  at the saliency values of fixated pixels. 0.5 = chance, 1 = perfect. Ties are handled by
  thresholding at distinct values (a uniform map scores exactly 0.5).
- `nss`: mean of the z-scored map at fixations (a pixel fixated twice counts twice). 0 = chance.
- `cc`: Pearson correlation with the fixation density. 1 = identical.
- `kld`: KL divergence of the map from the fixation density, sum Q log(eps + Q / (P + eps)),
  both normalised to sum 1, eps = 2.2e-16. 0 = identical, lower is better.
Degenerate inputs (flat map, no fixations) return 0.5 / 0.0 rather than NaN.
"""

from __future__ import annotations

import cv2
import numpy as np

from xhscover.attention._checks import as_map

FIXATION_SIGMA = 0.035
"""Fixation-density blur as a fraction of the long side (about one degree of visual angle)."""
EPS = 2.2204e-16


def fixation_map(points: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Count map (int32, `shape`) from (N, 2) fixation points (x, y) in that map's pixels.

    Points are floored to pixel indices; points outside the map are dropped.
    """
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    h, w = shape
    xs = np.floor(pts[:, 0]).astype(np.int64)
    ys = np.floor(pts[:, 1]).astype(np.int64)
    ok = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
    counts = np.zeros(h * w, np.int64)
    np.add.at(counts, ys[ok] * w + xs[ok], 1)
    return counts.reshape(h, w).astype(np.int32)


def fixation_density(fixations: np.ndarray, sigma_fraction: float = FIXATION_SIGMA) -> np.ndarray:
    """Blurred fixation counts, float64 summing to 1 (uniform when there are no fixations)."""
    counts = as_map(fixations)
    sigma = sigma_fraction * max(counts.shape)
    dens = cv2.GaussianBlur(counts, (0, 0), sigma, borderType=cv2.BORDER_CONSTANT) if sigma > 0 else counts
    total = dens.sum()
    if not total > 0:
        return np.full(counts.shape, 1.0 / counts.size)
    density: np.ndarray = dens / total
    return density


def _check_pair(smap: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    s, o = as_map(smap), as_map(other)
    if s.shape != o.shape:
        raise ValueError(f"Map shape {s.shape} differs from fixation shape {o.shape}; resize first.")
    return s, o


def auc_judd(smap: np.ndarray, fixations: np.ndarray) -> float:
    """AUC-Judd of a saliency map against a fixation (count or binary) map of the same shape."""
    s, f = _check_pair(smap, fixations)
    fixated = f.ravel() > 0
    n_fix = int(fixated.sum())
    n_pix = s.size
    if n_fix == 0 or n_fix == n_pix:
        return 0.5
    values = s.ravel()
    thresholds = np.unique(values[fixated])[::-1]  # distinct fixated values, high to low
    all_sorted = np.sort(values)
    fix_sorted = np.sort(values[fixated])
    above_all = n_pix - np.searchsorted(all_sorted, thresholds, side="left")
    above_fix = n_fix - np.searchsorted(fix_sorted, thresholds, side="left")
    tp = np.concatenate([[0.0], above_fix / n_fix, [1.0]])
    fp = np.concatenate([[0.0], (above_all - above_fix) / (n_pix - n_fix), [1.0]])
    return float(np.sum((fp[1:] - fp[:-1]) * (tp[1:] + tp[:-1]) / 2.0))


def nss(smap: np.ndarray, fixations: np.ndarray) -> float:
    """Normalised scanpath saliency: mean z-score of the map at fixations (counts weight)."""
    s, f = _check_pair(smap, fixations)
    total = f.sum()
    std = s.std()
    if not total > 0 or not std > 1e-12 * max(1.0, abs(float(s.mean()))):
        return 0.0
    z = (s - s.mean()) / std
    return float((z * f).sum() / total)


def cc(smap: np.ndarray, density: np.ndarray) -> float:
    """Pearson correlation between a map and a fixation density (or any map) of the same shape."""
    s, d = _check_pair(smap, density)
    s = s - s.mean()
    d = d - d.mean()
    denom = np.sqrt((s * s).sum() * (d * d).sum())
    if not denom > 0:
        return 0.0
    return float((s * d).sum() / denom)


def kld(smap: np.ndarray, density: np.ndarray) -> float:
    """KL divergence of the map P from the fixation density Q: sum Q log(eps + Q/(P + eps))."""
    s, d = _check_pair(smap, density)
    s = np.maximum(s, 0.0)
    d = np.maximum(d, 0.0)
    p = s / s.sum() if s.sum() > 0 else np.full(s.shape, 1.0 / s.size)
    q = d / d.sum() if d.sum() > 0 else np.full(d.shape, 1.0 / d.size)
    return float(np.sum(q * np.log(EPS + q / (p + EPS))))


def all_metrics(smap: np.ndarray, fixations: np.ndarray) -> dict[str, float]:
    """AUC-Judd, NSS, CC and KLD of `smap` against a fixation count map of the same shape."""
    dens = fixation_density(fixations)
    return {"auc_judd": auc_judd(smap, fixations), "nss": nss(smap, fixations),
            "cc": cc(smap, dens), "kld": kld(smap, dens)}
