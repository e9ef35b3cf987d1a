"""Time the saliency map on a 1080x1440 cover (no OCR), with OpenCV's fine-grained as reference.

    .venv/bin/python benchmarks/attention_speed.py [--runs 15] [--image PATH]

Prints the median of `--runs` runs for: the default model with face detection on, with known
boxes (no detectors, the path used for the user's own covers), and the OpenCV fine-grained and
spectral-residual saliency timed inside the contrib venv (see `_contrib.py`) on the same
pixels with the same 2 threads. The face detector caches by image hash, so the "faces on"
row uses a fresh image each run (a small shift) to time real detection.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _contrib
from _osie import ROOT

from xhscover.attention.saliency import saliency_map
from xhscover.paths import shared_dir

TARGET_MS = 30.0


def cover_image(path: Path | None) -> np.ndarray:
    """A 1080x1440 RGB test cover: the given image, an OSIE photo, or a synthetic one."""
    if path is None:
        shared = shared_dir()
        candidate = shared / "datasets" / "osie" / "images" / "1020.jpg" if shared else None
        path = candidate if candidate and candidate.is_file() else None
    if path is not None:
        bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
        rgb = np.ascontiguousarray(bgr[:, :, ::-1])
    else:
        rng = np.random.default_rng(0)
        rgb = cv2.GaussianBlur(rng.integers(0, 255, (360, 270, 3), dtype=np.uint8), (0, 0), 3)
    return cv2.resize(rgb, (1080, 1440), interpolation=cv2.INTER_CUBIC)


def median_ms(fn, runs: int) -> float:
    fn(0)
    times = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i + 1)
        times.append(time.perf_counter() - t)
    return 1000.0 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--image", type=Path, default=None)
    args = parser.parse_args()
    cv2.setNumThreads(2)
    rgb = cover_image(args.image)
    variants = [np.roll(rgb, i, axis=1) for i in range(args.runs + 1)]
    known = median_ms(lambda i: saliency_map(rgb, detect_text=False, detect_faces=False,
                                             text_boxes=[(80, 900, 920, 180)], face_boxes=[]), args.runs)
    with_faces = median_ms(lambda i: saliency_map(variants[i], detect_text=False), args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        npy = Path(tmp) / "cover.npy"
        np.save(npy, rgb)
        ref = _contrib.time_opencv(npy, args.runs)
    fg_ms = 1000.0 * ref["fine_grained"]
    sr_ms = 1000.0 * ref["spectral_residual"]
    print(f"1080x1440 cover, median of {args.runs} runs, 2 threads ({ROOT.name})")
    print("| what | median ms | vs OpenCV fine-grained |")
    print("|---|---|---|")
    print(f"| ours, default, known boxes (no detectors) | {known:.1f} | {known / fg_ms:.2f}x |")
    print(f"| ours, default, face detection on (no OCR) | {with_faces:.1f} | {with_faces / fg_ms:.2f}x |")
    print(f"| OpenCV fine-grained (contrib venv) | {fg_ms:.1f} | 1.00x |")
    print(f"| OpenCV spectral residual (contrib venv) | {sr_ms:.1f} | {sr_ms / fg_ms:.2f}x |")
    verdict = "meets" if with_faces <= TARGET_MS else "MISSES"
    print(f"target <= {TARGET_MS:.0f} ms median without OCR: {verdict} ({with_faces:.1f} ms with faces)")


if __name__ == "__main__":
    main()
