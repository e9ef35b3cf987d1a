"""Score the saliency models on OSIE (held-out and training splits); print markdown tables.

    .venv/bin/python benchmarks/saliency_eval.py [--quick]

Maps are compared at 400 px long side with the definitions of `xhscover.attention.metrics`
(fixation density blur 3.5% of the long side). "default" runs the public `saliency_map` end to
end (text boxes from the cached OCR pass, faces detected live). Ablations switch one part off
in the fitted model without refitting, to show what each part adds. The OpenCV baselines come
from a separate venv with opencv-contrib-python-headless (see `_contrib.py`), never the app's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _contrib
import _osie

from xhscover.attention.saliency import grid_map, load_params, saliency_map


def _resize_eval(smap: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    return _osie.grid_to_eval(smap, shape)


def evaluate(root: Path, names: list[str], fix: dict, dets: dict, baselines: dict) -> list[tuple[str, dict]]:
    params = load_params()
    stacks = _osie.feature_stacks(root, names, dets)
    eval_hw = _osie.eval_shape(600, 800)
    rows: list[tuple[str, dict]] = []

    maps = {}
    for name in names:
        rgb = _osie.load_rgb(root, name)
        smap = saliency_map(rgb, text_boxes=[tuple(b) for b in dets[name]["text"]], detect_faces=True)
        maps[name] = _resize_eval(smap, eval_hw)
    rows.append(("**default** (ours: contrast + text + faces + centre, fitted)", _osie.score_maps(maps, fix)))
    for label, parts in (("default without text", ("text",)), ("default without faces", ("face",)),
                         ("default without centre bias", ("centre",)),
                         ("default without text and faces", ("text", "face"))):
        p = params.without(*parts)
        maps = {n: _resize_eval(grid_map(stacks[n], p), eval_hw) for n in names}
        rows.append((label, _osie.score_maps(maps, fix)))
    for model, label in (("conspicuity", "ours, bottom-up only (\"conspicuity\")"),
                         ("spectral", "ours, spectral residual Lab (\"spectral\")"),
                         ("centre", "centred Gaussian (\"centre\", fitted widths)")):
        maps = {}
        for name in names:
            rgb = _osie.load_rgb(root, name) if model != "centre" else np.zeros((600, 800, 3), np.uint8)
            maps[name] = _resize_eval(saliency_map(rgb, model=model), eval_hw)
        rows.append((label, _osie.score_maps(maps, fix)))
    for key, label in (("spectral_residual", "OpenCV spectral residual, smoothed"),
                       ("fine_grained", "OpenCV fine-grained, smoothed")):
        maps = {n: _resize_eval(baselines[key][n], eval_hw) for n in names}
        rows.append((label, _osie.score_maps(maps, fix)))
    return rows


def table(title: str, rows: list[tuple[str, dict]]) -> str:
    lines = [f"### {title}", "", "| model | AUC-Judd | NSS | CC | KLD |", "|---|---|---|---|---|"]
    for label, s in rows:
        lines.append(f"| {label} | {s['auc_judd']:.3f} | {s['nss']:.2f} | {s['cc']:.3f} | {s['kld']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="held-out split only")
    args = parser.parse_args()
    t0 = time.time()
    root = _osie.osie_dir()
    train, held = _osie.split(root)
    fix = _osie.load_fixations(root)
    dets = _osie.detections(root, held + train)
    images = [root / "images" / n for n in held + train]
    baselines = _contrib.baseline_maps(images, _osie.CACHE_DIR / "opencv-baselines-400.npz")
    print(table(f"OSIE held-out split ({len(held)} images, never used for fitting)",
                evaluate(root, held, fix, dets, baselines)))
    print()
    if not args.quick:
        print(table(f"OSIE training split ({len(train)} images)", evaluate(root, train, fix, dets, baselines)))
        print()
    print("Reference (OSIE README, all 700): centred Gaussian 0.738 / 0.84; human consistency 0.946 / 3.52.")
    print(f"fitted parameters: {load_params().meta.get('script')}; evaluated in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
