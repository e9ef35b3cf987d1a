"""OSIE eye-tracking data for the saliency benchmarks: loading, the fixed split, detector cache.

Split (deterministic, never changes): the held-out set is every image whose number mod 7 is
0 or 3 (200 of 700 images); the other 500 are the training split. `fit_saliency.py` only ever
reads the training split.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from xhscover.paths import shared_dir  # noqa: E402

HELD_OUT_MOD7 = (0, 3)
EVAL_LONG_SIDE = 400
CACHE_DIR = Path(os.environ.get("XHSCOVER_BENCH_CACHE", "/tmp/xhscover-osie-cache"))


def osie_dir() -> Path:
    """The OSIE folder under ../shared; exits with a message when it is absent."""
    shared = shared_dir()
    path = shared / "datasets" / "osie" if shared else None
    if path is None or not (path / "fixations.csv").is_file():
        sys.exit("OSIE data not found: expected ../shared/datasets/osie beside the checkout.")
    return path


def image_names(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "images").glob("*.jpg"))


def is_held_out(name: str) -> bool:
    return int(Path(name).stem) % 7 in HELD_OUT_MOD7


def split(root: Path) -> tuple[list[str], list[str]]:
    """(train, held_out) image names, sorted."""
    names = image_names(root)
    return [n for n in names if not is_held_out(n)], [n for n in names if is_held_out(n)]


def load_fixations(root: Path) -> dict[str, np.ndarray]:
    """image name -> (N, 2) float array of fixation (x, y) in 800x600 pixels, all viewers."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with open(root / "fixations.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            points[row["image"]].append((float(row["x"]), float(row["y"])))
    return {name: np.asarray(pts, dtype=np.float64) for name, pts in points.items()}


def load_rgb(root: Path, name: str) -> np.ndarray:
    import cv2

    bgr = cv2.imread(str(root / "images" / name), cv2.IMREAD_COLOR)
    if bgr is None:
        raise FileNotFoundError(name)
    return np.ascontiguousarray(bgr[:, :, ::-1])


def detections(root: Path, names: list[str], *, verbose: bool = True) -> dict[str, dict]:
    """Text and face boxes per image from the app's own detectors, cached on disk (OCR is slow)."""
    from xhscover.attention import detectors
    from xhscover.attention.detectors import detect_faces, detect_text_boxes

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    models = [detectors.text_det_model_path(), detectors.face_model_path()]
    path = CACHE_DIR / f"detections-{_file_hash(detectors.__file__, *models)}.json"  # new code or models, new cache
    cache: dict[str, dict] = json.loads(path.read_text()) if path.is_file() else {}
    todo = [n for n in names if n not in cache]
    for i, name in enumerate(todo):
        rgb = load_rgb(root, name)
        cache[name] = {"text": [list(b) for b in detect_text_boxes(rgb)],
                       "faces": [[list(b), s] for b, s in detect_faces(rgb)]}
        if verbose and (i % 50 == 0 or i == len(todo) - 1):
            print(f"detections {i + 1}/{len(todo)}", file=sys.stderr, flush=True)
            path.write_text(json.dumps(cache))
    if todo:
        path.write_text(json.dumps(cache))
    return {n: cache[n] for n in names}


def eval_shape(height: int, width: int) -> tuple[int, int]:
    """(h, w) at which maps are compared: long side 400 px (the OSIE README's convention)."""
    scale = EVAL_LONG_SIDE / max(height, width)
    return max(1, int(round(height * scale))), max(1, int(round(width * scale)))


def fixations_at(points: np.ndarray, src_hw: tuple[int, int], dst_hw: tuple[int, int]) -> np.ndarray:
    """Scale fixation points from the source image size to the evaluation size, clipped inside."""
    sy, sx = dst_hw[0] / src_hw[0], dst_hw[1] / src_hw[1]
    pts = np.empty_like(points)
    pts[:, 0] = np.clip(points[:, 0] * sx, 0, dst_hw[1] - 1e-6)
    pts[:, 1] = np.clip(points[:, 1] * sy, 0, dst_hw[0] - 1e-6)
    return pts


def _file_hash(*paths: str) -> str:
    import hashlib

    digest = hashlib.sha1()
    for p in paths:
        digest.update(Path(p).read_bytes())
    return digest.hexdigest()[:12]


def features_version() -> str:
    """Changes whenever the feature or detector code changes, so stale cached stacks are never reused."""
    from xhscover.attention import detectors, features, saliency

    return _file_hash(features.__file__, saliency.__file__, detectors.__file__)


def feature_stacks(root: Path, names: list[str], dets: dict[str, dict]) -> dict[str, np.ndarray]:
    """name -> (len(FEATURES), gh, gw) float32 stack, cached on disk per feature-code version."""
    from xhscover.attention.saliency import feature_stack

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"features-{features_version()}.npz"
    cached: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path) as data:
            cached = {k: data[k] for k in data.files}
    todo = [n for n in names if n not in cached]
    for name in todo:
        rgb = load_rgb(root, name)
        d = dets[name]
        faces = [(tuple(b), float(s)) for b, s in d["faces"]]
        cached[name] = feature_stack(rgb, [tuple(b) for b in d["text"]], faces).astype(np.float16)
    if todo:
        np.savez(path, **cached)
    return {n: cached[n].astype(np.float32) for n in names}


def grid_to_eval(grid: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Resize a grid map to the evaluation shape and normalise it (as `saliency_map` does)."""
    import cv2

    from xhscover.attention._checks import normalise_map

    out = cv2.resize(grid.astype(np.float32), (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)
    return normalise_map(out)


def score_maps(maps: dict[str, np.ndarray], fixations: dict[str, np.ndarray],
               src_hw: tuple[int, int] = (600, 800)) -> dict[str, float]:
    """Mean AUC-Judd, NSS, CC, KLD over images; maps already at the evaluation shape."""
    from xhscover.attention.metrics import all_metrics, fixation_map

    rows = []
    for name, smap in maps.items():
        pts = fixations_at(fixations[name], src_hw, smap.shape)
        rows.append(all_metrics(smap, fixation_map(pts, smap.shape)))
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


if __name__ == "__main__":
    root = osie_dir()
    train, held = split(root)
    print(len(train), len(held))
    detections(root, train + held)
