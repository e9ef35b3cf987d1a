"""A private venv with opencv-contrib-python-headless for baseline maps (cv2.saliency).

The contrib wheel owns `cv2` just like opencv-python-headless, so it can never go into the
app's venv. Benchmarks create this venv once (cached at /tmp/xhscover-contrib-venv, or
$XHSCOVER_CONTRIB_VENV) and run small scripts in it as subprocesses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

VENV = Path(os.environ.get("XHSCOVER_CONTRIB_VENV", "/tmp/xhscover-contrib-venv"))


def contrib_python() -> Path:
    """Python of the contrib venv, created on first use (needs PyPI once)."""
    python = VENV / "bin" / "python"
    probe = [str(python), "-c", "import cv2; cv2.saliency.StaticSaliencyFineGrained_create()"]
    if python.is_file() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"creating {VENV} with opencv-contrib-python-headless (once)", file=sys.stderr, flush=True)
    venv.create(VENV, with_pip=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "opencv-contrib-python-headless", "numpy"],
                   check=True)
    subprocess.run(probe, check=True)
    return python


BASELINE_SCRIPT = r"""
import json, sys, time
import cv2, numpy as np
job = json.loads(sys.argv[1])
out = {}
sr = cv2.saliency.StaticSaliencySpectralResidual_create()
fg = cv2.saliency.StaticSaliencyFineGrained_create()
for path in job["images"]:
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    h, w = bgr.shape[:2]
    s = job["long_side"] / max(h, w)
    bgr = cv2.resize(bgr, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)
    sigma = job["smooth"] * max(bgr.shape[:2])
    ok1, m1 = sr.computeSaliency(bgr)
    ok2, m2 = fg.computeSaliency(bgr)
    maps = []
    for m in (m1, m2):
        m = np.asarray(m, np.float32)
        if m.shape != bgr.shape[:2]:
            m = cv2.resize(m, (bgr.shape[1], bgr.shape[0]))
        maps.append(cv2.GaussianBlur(m, (0, 0), sigma))
    out[path] = maps
np.savez(job["out"], **{f"sr|{k}": v[0] for k, v in out.items()}, **{f"fg|{k}": v[1] for k, v in out.items()})
"""

TIMING_SCRIPT = r"""
import json, sys, time
import cv2, numpy as np
job = json.loads(sys.argv[1])
cv2.setNumThreads(job["threads"])
rgb = np.load(job["image"])
bgr = np.ascontiguousarray(rgb[:, :, ::-1])
fg = cv2.saliency.StaticSaliencyFineGrained_create()
sr = cv2.saliency.StaticSaliencySpectralResidual_create()
res = {}
for name, algo in (("fine_grained", fg), ("spectral_residual", sr)):
    algo.computeSaliency(bgr)
    times = []
    for _ in range(job["runs"]):
        t = time.perf_counter(); algo.computeSaliency(bgr); times.append(time.perf_counter() - t)
    res[name] = sorted(times)[len(times) // 2]
print(json.dumps(res))
"""


def baseline_maps(images: list[Path], out: Path, long_side: int = 400,
                  smooth: float = 0.035) -> dict[str, dict[str, object]]:
    """{"spectral_residual": {name: map}, "fine_grained": {name: map}} at `long_side`, smoothed."""
    import numpy as np

    if not out.is_file():
        job = {"images": [str(p) for p in images], "long_side": long_side, "smooth": smooth, "out": str(out)}
        subprocess.run([str(contrib_python()), "-c", BASELINE_SCRIPT, json.dumps(job)], check=True)
    result: dict[str, dict] = {"spectral_residual": {}, "fine_grained": {}}
    with np.load(out) as data:
        for key in data.files:
            kind, path = key.split("|", 1)
            name = Path(path).name
            result["spectral_residual" if kind == "sr" else "fine_grained"][name] = data[key]
    return result


def time_opencv(image_npy: Path, runs: int, threads: int = 2) -> dict[str, float]:
    """Median seconds of OpenCV fine-grained and spectral residual saliency on a saved RGB array."""
    job = {"image": str(image_npy), "runs": runs, "threads": threads}
    proc = subprocess.run([str(contrib_python()), "-c", TIMING_SCRIPT, json.dumps(job)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])
