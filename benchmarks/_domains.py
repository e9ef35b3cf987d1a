"""The two eye-tracking domains the attention model is fitted and checked on, with fixed splits.

- OSIE (natural images, 700, 15 viewers): held out = image number mod 7 in {0, 3} (200 images),
  as in `_osie.py`.
- FiWI (web pages, 51, ~11 viewers, several Chinese): held out = every third page in sorted
  name order, starting with the third (index mod 3 == 2: 17 pages); the other 34 are the only
  FiWI pages any fit reads. Fixed here, never tuned.

Fits read `train` only; evaluations report `held` (and may report `train` for the gap).
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _osie

from xhscover.paths import shared_dir

FIWI_HELD_OUT_EVERY = 3


@dataclass
class Domain:
    name: str
    root: Path
    kind: str
    """The model's input kind for this domain ("image" or "page": which position prior applies)."""
    train: list[str]
    held: list[str]
    fixations: dict[str, np.ndarray] = field(repr=False)
    """name -> (N, 3) float array: x, y (pixels of the image file), viewer."""
    sizes: dict[str, tuple[int, int]] = field(repr=False)
    """name -> (h, w) of the image file."""

    def points(self, name: str) -> np.ndarray:
        return self.fixations[name][:, :2]

    def rgb(self, name: str) -> np.ndarray:
        return _osie.load_rgb(self.root, name)


def _load(root: Path, has_duration: bool) -> dict[str, np.ndarray]:
    rows: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    with open(root / "fixations.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            rows[row["image"]].append((float(row["x"]), float(row["y"]), float(row["viewer"])))
    return {k: np.asarray(v, np.float64) for k, v in rows.items()}


def _sizes(root: Path, names: list[str]) -> dict[str, tuple[int, int]]:
    from PIL import Image

    out = {}
    for n in names:
        with Image.open(root / "images" / n) as im:
            out[n] = (im.height, im.width)
    return out


def osie() -> Domain:
    root = _osie.osie_dir()
    train, held = _osie.split(root)
    names = train + held
    return Domain("OSIE", root, "image", train, held, _load(root, True), {n: (600, 800) for n in names})


def fiwi_dir() -> Path:
    shared = shared_dir()
    path = shared / "datasets" / "fiwi" if shared else None
    if path is None or not (path / "fixations.csv").is_file():
        sys.exit("FiWI data not found: expected ../shared/datasets/fiwi beside the checkout.")
    return path


def fiwi_split(names: list[str]) -> tuple[list[str], list[str]]:
    ordered = sorted(names)
    held = [n for i, n in enumerate(ordered) if i % FIWI_HELD_OUT_EVERY == FIWI_HELD_OUT_EVERY - 1]
    return [n for n in ordered if n not in held], held


def fiwi() -> Domain:
    root = fiwi_dir()
    names = sorted(p.name for p in (root / "images").glob("*.png"))
    train, held = fiwi_split(names)
    return Domain("FiWI", root, "page", train, held, _load(root, False), _sizes(root, names))


def domains() -> list[Domain]:
    return [osie(), fiwi()]


def eval_points(domain: Domain, name: str, shape: tuple[int, int]) -> np.ndarray:
    return _osie.fixations_at(domain.points(name), domain.sizes[name], shape)


def score(domain: Domain, maps: dict[str, np.ndarray]) -> dict[str, float]:
    """Mean AUC-Judd, NSS, CC, KLD and information gain over images; maps at the evaluation shape."""
    from xhscover.attention.metrics import all_metrics, fixation_map

    rows = []
    for name, smap in maps.items():
        pts = eval_points(domain, name, smap.shape)
        rows.append(all_metrics(smap, fixation_map(pts, smap.shape)))
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def people(domain: Domain, names: list[str]) -> dict[str, float]:
    """Leave-one-viewer-out: the other viewers' blurred fixations predict each viewer."""
    from xhscover.attention._checks import normalise_map
    from xhscover.attention.metrics import all_metrics, fixation_density, fixation_map

    rows = []
    for name in names:
        shape = _osie.eval_shape(*domain.sizes[name])
        fx = domain.fixations[name]
        pts = _osie.fixations_at(fx[:, :2], domain.sizes[name], shape)
        viewers = np.unique(fx[:, 2])
        per = []
        for v in viewers:
            mine = fixation_map(pts[fx[:, 2] == v], shape)
            others = fixation_map(pts[fx[:, 2] != v], shape)
            if not mine.any() or not others.any():
                continue
            per.append(all_metrics(normalise_map(fixation_density(others).astype(np.float32)), mine))
        if per:
            rows.append({k: float(np.mean([r[k] for r in per])) for k in per[0]})
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
