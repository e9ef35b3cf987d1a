"""Score the attention models on real eye tracking, one table per domain, all rows in one run.

    .venv/bin/python benchmarks/saliency_eval.py [--train]

Domains and splits (`_domains.py`): OSIE held-out (200 natural images, number mod 7 in {0, 3})
and FiWI held-out (17 web pages, every third in sorted name order); `--train` adds the training
splits to show the gap. Maps are compared at 400 px long side with the definitions of
`xhscover.attention.metrics` (fixation density blur 3.5% of the long side). Rows:
- default (the deep model, `saliency_map(model="default")`, with the input kind of the domain:
  "image" for OSIE, "page" for FiWI), and the default without text / faces / position prior;
- classic (the previous default model);
- centred Gaussian (content-free), OpenCV spectral residual and fine-grained (smoothed, from a
  private venv with opencv-contrib-python-headless, never the app's: `_contrib.py`);
- people: each viewer predicted by the other viewers' blurred fixations (leave-one-viewer-out).
Text boxes and faces come from the app's own detectors (cached on disk, see `_osie.detections`).
The blur scan of the fit (`deep_params.json`, meta.blur_scan) is printed last: the shipped blur
should also be the one with the best held-out likelihood (calibrated maps).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _contrib
import _domains
import _osie

from xhscover.attention.deep import load_deep_params
from xhscover.attention.saliency import saliency_map


def _maps(domain: _domains.Domain, names: list[str], dets: dict, **kwargs: object) -> dict[str, np.ndarray]:
    out = {}
    for n in names:
        d = dets[n]
        rgb = domain.rgb(n) if kwargs.get("model") != "centre" else np.zeros((*domain.sizes[n], 3), np.uint8)
        smap = saliency_map(rgb, text_boxes=[tuple(b) for b in d["text"]], face_boxes=[tuple(b) for b, _s in d["faces"]],
                            face_scores=[float(s) for _b, s in d["faces"]], **kwargs)  # type: ignore[arg-type]
        out[n] = _osie.grid_to_eval(smap, _osie.eval_shape(*domain.sizes[n]))
    return out


def evaluate(domain: _domains.Domain, names: list[str], dets: dict, baselines: dict) -> list[tuple[str, dict]]:
    dp = load_deep_params()
    kind = domain.kind
    rows: list[tuple[str, dict]] = []
    rows.append(("**default** (backbone + readout + text + faces + prior)",
                 _domains.score(domain, _maps(domain, names, dets, model="default", kind=kind))))
    for label, part in (("default without text", "text"), ("default without faces", "face"),
                        ("default without position prior", "prior")):
        rows.append((label, _domains.score(domain, _maps(domain, names, dets, model="default", kind=kind,
                                                         deep_params=dp.without(part)))))
    rows.append(("classic (previous default)", _domains.score(domain, _maps(domain, names, dets, model="classic"))))
    rows.append(("centred Gaussian", _domains.score(domain, _maps(domain, names, dets, model="centre"))))
    for key, label in (("spectral_residual", "OpenCV spectral residual, smoothed"),
                       ("fine_grained", "OpenCV fine-grained, smoothed")):
        maps = {n: _osie.grid_to_eval(baselines[key][n], _osie.eval_shape(*domain.sizes[n])) for n in names}
        rows.append((label, _domains.score(domain, maps)))
    rows.append(("people (leave-one-viewer-out)", _domains.people(domain, names)))
    return rows


def table(title: str, rows: list[tuple[str, dict]]) -> str:
    lines = [f"### {title}", "", "| model | AUC-Judd | NSS | CC | KLD |", "|---|---|---|---|---|"]
    for label, s in rows:
        lines.append(f"| {label} | {s['auc_judd']:.3f} | {s['nss']:.2f} | {s['cc']:.3f} | {s['kld']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    from xhscover.attention import backbone

    backbone.CACHE_SIZE = 800  # every image's features once per run (the rows differ only in the readout)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", action="store_true", help="also score the training splits")
    parser.add_argument("--record", action="store_true",
                        help="write the default model's held-out scores into deep_params.json (provenance)")
    args = parser.parse_args()
    t0 = time.time()
    held_out: dict[str, dict[str, float]] = {}
    for domain in _domains.domains():
        names = domain.train + domain.held
        dets = _osie.detections(domain.root, names)
        baselines = _contrib.baseline_maps([domain.root / "images" / n for n in names],
                                           _osie.CACHE_DIR / f"opencv-baselines-{domain.name}-400.npz")
        what = "natural images" if domain.name == "OSIE" else "web pages"
        rows = evaluate(domain, domain.held, dets, baselines)
        held_out[domain.name] = {k: round(v, 4) for k, v in rows[0][1].items()}
        print(table(f"{domain.name} held-out split ({len(domain.held)} {what}, never used for fitting)", rows))
        print()
        if args.train:
            print(table(f"{domain.name} training split ({len(domain.train)} {what})",
                        evaluate(domain, domain.train, dets, baselines)))
            print()
    dp = load_deep_params()
    scan = dp.meta.get("blur_scan", [])
    if scan:
        print("Calibration (fit_deep.py blur scan; log-likelihood per fixation, OSIE / FiWI):")
        print("| blur (fraction of the long side) | training | held-out |")
        print("|---|---|---|")
        for row in scan:
            mark = " (shipped)" if row["blur"] == dp.blur_sigma else ""
            tr, ho = row["train_ll"], row["held_out_ll"]
            print(f"| {row['blur']:g}{mark} | {tr[0]:.4f} / {tr[1]:.4f} | {ho[0]:.4f} / {ho[1]:.4f} |")
    if args.record:
        import dataclasses

        from xhscover.attention.deep import DEEP_PARAMS_PATH

        meta = dict(dp.meta, held_out_scores=held_out, held_out_split={
            "OSIE": "the 200 images whose number mod 7 is 0 or 3", "FiWI": "the 17 pages whose index in sorted "
            "name order mod 3 is 2"}, held_out_script="benchmarks/saliency_eval.py")
        DEEP_PARAMS_PATH.write_text(dataclasses.replace(dp, meta=meta).to_json(), encoding="utf-8")
        print(f"recorded the held-out scores in {DEEP_PARAMS_PATH}")
    print(f"\nevaluated in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
