"""Score reports: JSON (schema in docs/report-schema.md), CSV (one row per cover), a self-contained
HTML page (every picture inline as base64, no scripts, no external files) and PNG heatmaps."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import math
import re
from pathlib import Path
from typing import Any

import numpy as np

from xhscover import __version__
from xhscover.attention.saliency import PARAMS_PATH, load_params
from xhscover.errors import XhsError
from xhscover.score import ab
from xhscover.score.diagnose import CHECK_KEYS, CHECKS, Diagnosis, check
from xhscover.score.fair import VISIBLE_FRACTION
from xhscover.score.heatmap import data_uri, draw_boxes, fit_width, overlay_heatmap, write_png
from xhscover.score.run import ScoreRun
from xhscover.score.shares import SCORING_SCALE
from xhscover.score.verdict import verdict_line

SCHEMA = "xhscover.score-report/1"


def _finite(v: float) -> float | None:
    return None if v is None or not math.isfinite(v) else v


def model_info(model: str = "default", screen_mm: tuple[float, float] | None = None) -> dict[str, Any]:
    """Model name and where its parameters came from (file hash + the fit's own provenance:
    data and splits, held-out scores, backbone and its licence), and how the feed screen's
    position prior was derived for a phone of `screen_mm` (default: the default device)."""
    if model == "default":
        from xhscover.attention import deep
        from xhscover.attention.deep import DEEP_PARAMS_PATH, load_deep_params

        dp = load_deep_params()
        size = deep.DEFAULT_SCREEN_MM if screen_mm is None else screen_mm
        screen_prior = {"derived_from": "page", "fitted": False,
                        "page_view_deg": [round(v, 2) for v in deep.PAGE_VIEW_DEG],
                        "reading_distance_mm": deep.READING_DISTANCE_MM,
                        "screen_mm": [round(float(v), 1) for v in size],
                        "screen_view_deg": [round(v, 2) for v in deep.view_degrees(size)],
                        "coefficients": [round(c, 4) for c in deep.prior_coefs("screen", dp, size)]}
        try:
            digest = hashlib.sha256(DEEP_PARAMS_PATH.read_bytes()).hexdigest()[:16]
        except OSError:
            digest = None
        meta = {k: v for k, v in dp.meta.items() if k != "blur_scan"}
        if isinstance(meta.get("backbone"), dict):  # fitted on the network in one file; it ships cut in two
            from xhscover.attention.backbone import BACKBONE_MODEL, BACKBONE_TAIL_MODEL

            meta["backbone"] = {**meta["backbone"], "files": [BACKBONE_MODEL, BACKBONE_TAIL_MODEL]}
        return {"name": model, "params_file": DEEP_PARAMS_PATH.name, "params_sha256_16": digest,
                "text_weight": dp.text, "face_weight": dp.face, "priors": dp.priors, "screen_prior": screen_prior,
                "blur_sigma": dp.blur_sigma, "provenance": meta}
    params = load_params()
    try:
        digest = hashlib.sha256(PARAMS_PATH.read_bytes()).hexdigest()[:16]
    except OSError:
        digest = None
    return {"name": model, "params_file": PARAMS_PATH.name, "params_sha256_16": digest,
            "weights": params.weights, "centre": [params.centre_x, params.centre_y], "blur_sigma": params.blur_sigma,
            "provenance": params.meta}


def provenance_text(prov: dict[str, Any]) -> str:
    """One line on where the model's numbers come from: data and splits, backbone, held-out scores."""
    data = prov.get("data", "")
    parts = ["; ".join(f"{k}: {v}" for k, v in data.items()) if isinstance(data, dict) else str(data)]
    bb = prov.get("backbone")
    if isinstance(bb, dict):
        parts.append(f"backbone {bb.get('network', '')} ({bb.get('license', '')}, {bb.get('source', '')})")
    held = prov.get("held_out_scores")
    if isinstance(held, dict):
        parts.append("held-out " + "; ".join(
            f"{dom} AUC-Judd {sc.get('auc_judd', 0):.3f}, NSS {sc.get('nss', 0):.2f}, CC {sc.get('cc', 0):.3f}"
            for dom, sc in held.items() if isinstance(sc, dict)))
    if prov.get("objective"):
        parts.append(str(prov["objective"]))
    return "; ".join(p for p in parts if p)


def report_dict(run: ScoreRun) -> dict[str, Any]:
    """The JSON report (see docs/report-schema.md)."""
    sc = run.scorer
    covers = []
    for card in run.mine:
        s = run.scores[card.id]
        d = run.diagnoses.get(card.id)
        f = run.facts[card.id]
        covers.append({
            "id": card.id, "source": run.sources.get(card.id, ""), "note_title": card.title,
            "text_source": f.text_source, "title_text": f.title_text,
            "share_mean": round(s.share_mean, 5), "share_std": round(s.share_std, 5),
            "share_sem": round(s.share_sem, 5), "fair_ratio": _finite(round(s.fair_ratio, 4)),
            "competitor_share_mean": round(s.competitor_share_mean, 5),
            "title_share_mean": round(s.title_share_mean, 5),
            "summary_en": s.summary_en(), "summary_zh": s.summary_zh(),
            "placements": [p.to_dict() for p in s.placements],
            "slot_baseline": {str(k): round(v, 5) for k, v in sorted(s.slot_baseline.items())},
            "diagnostics": d.to_dict() if d else None,
            "verdict": verdict_line(s, d, seed=run.seed).to_dict() if s.n else None,
        })
    screens = []
    for vs in run.screens:
        scr = vs.screen
        screens.append({"variant": vs.id, "seed": scr.seed, "slot": scr.mine()[0].index if scr.mine() else None,
                        "other_share": round(scr.other_share, 5),
                        "cards": [c.to_dict() for c in sorted(scr.cards, key=lambda c: c.index)]})
    competitors = []
    for card in sc.competitors:
        d = run.diagnoses.get(card.id)
        competitors.append({"id": card.id, "title": card.title, "source": run.sources.get(card.id, ""),
                            "diagnostics": d.to_dict() if d else None})
    return {
        "schema": SCHEMA,
        "generator": f"xhscover {__version__}",
        "model": model_info(sc.model, sc.screen_mm),
        "shelf": {"device": sc.device, "theme": sc.theme, "page": sc.page, "query": sc.query,
                  "card_width_pt": round(run.card_width_pt, 2), "competitors_n": len(sc.competitors)},
        "method": {"placements": run.placements, "seed": run.seed, "visible_slots": run.visible_slots,
                   "visible_fraction": VISIBLE_FRACTION, "scoring_px_per_pt": SCORING_SCALE, "share_region": "cover",
                   "ab_confidence": ab.CONFIDENCE, "ab_bootstrap": ab.BOOTSTRAP, "ab_small_effect": ab.SMALL_EFFECT},
        "covers": covers,
        "ab": {"verdicts": [v.to_dict() for v in run.verdicts], "best": run.best},
        "screens": screens,
        "competitors": competitors,
        "warnings": run.warnings,
        "timings_s": {k: round(v, 3) for k, v in run.timings.items()},
    }


def write_json(run: ScoreRun, path: Path | str, data: dict[str, Any] | None = None) -> Path:
    path = Path(path)
    _parent(path)
    path.write_text(json.dumps(data or report_dict(run), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


CSV_FINDINGS = CHECK_KEYS
"""Every finding of the registry gets a value and a status column."""


def write_csv(run: ScoreRun, path: Path | str) -> Path:
    """One row per cover (yours first, then the competitors): shares, ratios, each finding's value and status."""
    path = Path(path)
    _parent(path)
    head = ["id", "mine", "share_mean", "share_std", "fair_ratio", "competitor_share_mean", "title_share_mean"]
    for key in CSV_FINDINGS:
        head += [key, f"{key}_status"]
    rows = []
    ids = [c.id for c in run.mine] + [c.id for c in run.scorer.competitors]
    for cid in ids:
        s = run.scores.get(cid)
        row: dict[str, Any] = {"id": cid, "mine": int(s is not None)}
        if s is not None:
            row.update(share_mean=f"{s.share_mean:.5f}", share_std=f"{s.share_std:.5f}",
                       fair_ratio=f"{s.fair_ratio:.4f}" if math.isfinite(s.fair_ratio) else "",
                       competitor_share_mean=f"{s.competitor_share_mean:.5f}", title_share_mean=f"{s.title_share_mean:.5f}")
        d = run.diagnoses.get(cid)
        if d is not None:
            for f in d.findings:
                if f.key in CSV_FINDINGS:
                    row[f.key] = "" if f.value is None else f"{float(f.value):.4g}"
                    row[f"{f.key}_status"] = f.status
        rows.append(row)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens the Chinese right
        w = csv.DictWriter(fh, fieldnames=head, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "cover"


def cover_overlay(run: ScoreRun, cid: str, width: int | None = None) -> np.ndarray:
    d = run.diagnoses[cid]
    rgb = run.facts[cid].rgb
    sh, sw = d.smap.shape
    if (sh, sw) != rgb.shape[:2]:
        rgb = fit_width(rgb, sw)
    out = overlay_heatmap(rgb, d.smap)
    lw = max(2, round(rgb.shape[1] / 270))
    out = draw_boxes(out, d.regions.get("title", []), (255, 255, 255), lw)
    out = draw_boxes(out, d.regions.get("face", []), (255, 210, 0), lw)
    out = draw_boxes(out, d.regions.get("object", []), (0, 230, 255), lw)
    return fit_width(out, width) if width else out


def feed_overlay(run: ScoreRun, index: int) -> np.ndarray:
    vs = run.screens[index]
    return overlay_heatmap(vs.picture, vs.screen.smap)


def write_heatmaps(run: ScoreRun, folder: Path | str, *, competitors: bool = True) -> list[Path]:
    """feed-<id>.png (screen + heatmap) per variant, cover-<id>.png per diagnosed cover."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XhsError(f"Cannot create {folder}: {exc.strerror or exc}") from None
    out = []
    for i, vs in enumerate(run.screens):
        out.append(write_png(feed_overlay(run, i), folder / f"feed-{_safe(vs.id)}.png"))
    for cid, d in run.diagnoses.items():
        if d.mine or competitors:
            out.append(write_png(cover_overlay(run, cid, 720), folder / f"cover-{_safe(cid)}.png"))
    return out


def _parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XhsError(f"Cannot create {path.parent}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------- HTML

CSS = """
:root{--ink:#1d1d1f;--muted:#6e6e73;--line:#e5e5ea;--bg:#f5f5f7;--card:#fff;--red:#ff2442;
--pass:#1a7f37;--warn:#b26a00;--fail:#c62828;--info:#4a5568}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.55 -apple-system,"PingFang SC","Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","Segoe UI",sans-serif}
main{max-width:1160px;margin:0 auto;padding:28px 24px 60px}
header h1{margin:0;font-size:26px;letter-spacing:.2px}header h1 span{color:var(--red)}
header p{margin:4px 0 0;color:var(--muted)}
section{background:var(--card);border-radius:14px;padding:20px 22px;margin-top:18px;box-shadow:0 1px 2px rgba(0,0,0,.05)}
h2{font-size:19px;margin:0 0 12px}h2 small,h3 small{font-weight:400;color:var(--muted);font-size:13px;margin-left:6px}
h3{font-size:16px;margin:0 0 8px}
.kpis{display:flex;flex-wrap:wrap;gap:14px}
.kpi{flex:1 1 240px;border:1px solid var(--line);border-radius:12px;padding:14px 16px}
.kpi .id{font-weight:700;font-size:15px}.kpi .big{font-size:34px;font-weight:800;line-height:1.1;margin:4px 0}
.kpi .big.good{color:var(--pass)}.kpi .big.bad{color:var(--fail)}
.kpi .sub{color:var(--muted);font-size:13px}
.verdict{border-left:5px solid var(--red);padding:10px 14px;background:#fff5f6;border-radius:8px;margin:8px 0}
.verdict.none{border-color:#999;background:#f4f4f6}
.verdict .en{color:var(--muted);font-size:13.5px}
.row{display:flex;gap:18px;flex-wrap:wrap;align-items:flex-start}
figure{margin:0}figure img{display:block;border-radius:10px;border:1px solid var(--line);max-width:100%}
figcaption{color:var(--muted);font-size:12.5px;margin-top:6px;max-width:250px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:12.5px}
tr.mine td{background:#fff5f6;font-weight:600}
.badge{display:inline-block;min-width:44px;text-align:center;border-radius:999px;padding:1px 8px;font-size:12px;
font-weight:700;color:#fff}
.pass{background:var(--pass)}.warn{background:var(--warn)}.fail{background:var(--fail)}.info{background:var(--info)}
.f-en{color:var(--muted);font-size:12.5px}.thr{color:#8e8e93;font-size:11.5px}
.cover{display:grid;grid-template-columns:minmax(0,270px) minmax(0,270px) 1fr;gap:18px;align-items:start;
border-top:1px solid var(--line);padding-top:16px;margin-top:16px}
.cover:first-of-type{border-top:0;margin-top:0;padding-top:0}
.legend span{display:inline-block;margin-right:12px;font-size:12.5px;color:var(--muted)}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px}
.comp{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:10px}
.comp figure img{width:100%}.comp figcaption{font-size:11.5px}
.note{color:var(--muted);font-size:13px}
.lvl{display:inline-block;font-weight:800;font-size:22px;margin-right:8px}
.lvl.good{color:var(--pass)}.lvl.ok{color:var(--warn)}.lvl.weak{color:var(--fail)}
@media (max-width:800px){.cover{grid-template-columns:1fr 1fr}.cover .findings{grid-column:1/3}}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _pct(v: float) -> str:
    return f"{100 * v:.1f}%"


def _img(uri: str, alt: str, width: int | None = None) -> str:
    w = f' width="{width}"' if width else ""
    return f'<img src="{uri}" alt="{_e(alt)}"{w}>'


def _findings_table(d: Diagnosis) -> str:
    rows = []
    for f in d.findings:
        row = check(f.key)
        rows.append(f'<tr><td><span class="badge {f.status}">{_e(f.status)}</span></td>'
                    f'<td title="{_e(row.about_zh)} {_e(row.about_en)}"><b>{_e(row.name_zh)}</b> · {_e(row.name_en)}<br>'
                    f'{_e(f.zh)}<div class="f-en">{_e(f.en)}</div><div class="thr">{_e(f.threshold)}</div></td></tr>')
    return f'<table class="findings-table"><tr><th>结论</th><th>发现 / finding · 阈值 threshold</th></tr>{"".join(rows)}</table>'


def html_report(run: ScoreRun, title: str = "xhscover shelf score") -> str:
    data = report_dict(run)
    sc = run.scorer
    parts = [f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width,initial-scale=1">'
             f'<title>{_e(title)}</title><style>{CSS}</style></head><body><main>']
    parts.append(f'<header><h1>货架注意力报告 <span>·</span> Shelf attention report</h1>'
                 f'<p>{_e(sc.device)} · {_e(sc.theme)} · {_e(sc.page)}{(" · “" + _e(sc.query) + "”") if sc.query else ""} · '
                 f'{len(sc.competitors)} 个竞品 competitors · {run.placements} 次摆放 placements (seed {run.seed}) · '
                 f'model “{_e(sc.model)}”</p></header>')

    # the verdict line of each cover first: 好 / 一般 / 弱, the finding that matters most
    lines = []
    for c in data["covers"]:
        v = c.get("verdict")
        if v:
            lines.append(f'<div class="verdict"><span class="lvl {v["level"]}">{_e(v["word_zh"])}</span>'
                         f'<b>{_e(c["id"])}</b> {_e(v["text_zh"])}<div class="en">{_e(v["text_en"])}</div></div>')
    if lines:
        parts.append(f'<section><h2>一句话 <small>The verdict</small></h2>{"".join(lines)}</section>')

    # headline numbers
    kpis = []
    for c in data["covers"]:
        r = c["fair_ratio"]
        cls = "good" if r is not None and r >= 1.1 else "bad" if r is not None and r < 0.9 else ""
        big = f"{r:.2f}×" if r is not None else "–"
        kpis.append(f'<div class="kpi"><div class="id">{_e(c["id"])}</div><div class="big {cls}">{big}</div>'
                    f'<div>同位置平均竞品份额的 {big}<br><span class="sub">{big} its fair share</span></div>'
                    f'<div class="sub">份额 share {_pct(c["share_mean"])} ± {_pct(c["share_std"])} · '
                    f'竞品同位置 competitors at the same slots {_pct(c["competitor_share_mean"])}</div></div>')
    parts.append(f'<section><h2>结果 <small>Result: attention won on the first screen, position-fair</small></h2>'
                 f'<div class="kpis">{"".join(kpis)}</div>')
    if run.verdicts:
        for v in run.verdicts:
            cls = "" if v.clear else " none"
            parts.append(f'<div class="verdict{cls}"><b>A/B</b> {_e(v.text_zh())}<div class="en">{_e(v.text_en())}</div></div>')
    parts.append('<p class="note">份额 = 读者第一屏的注意力落在封面上的比例（模型预测），在多次随机摆放中取平均；'
                 '1.0× 表示和放在同一位置的普通竞品一样。<br>Share = the part of the first screen\'s predicted attention '
                 'that lands on the cover, averaged over seeded placements; 1.0× = as good as an average competitor '
                 'in the same feed slot.</p></section>')

    # feed + heatmap
    if run.screens:
        figs = []
        for i, vs in enumerate(run.screens):
            pic = fit_width(vs.picture, 390)
            heat = fit_width(feed_overlay(run, i), 390)
            m = vs.screen.mine()
            where = f"slot {m[0].index + 1}, share {_pct(m[0].cover_share)}, rank {m[0].rank}" if m else ""
            figs.append(f'<figure>{_img(data_uri(pic), "feed " + vs.id, 250)}'
                        f'<figcaption>{_e(vs.id)}：信息流第一屏 · feed, first screen ({_e(where)})</figcaption></figure>'
                        f'<figure>{_img(data_uri(heat), "feed heatmap " + vs.id, 250)}'
                        f'<figcaption>{_e(vs.id)}：注意力热力图 · attention heatmap</figcaption></figure>')
        parts.append(f'<section><h2>信息流 <small>The feed (placement 1 of {run.placements}) and where the eye goes</small></h2>'
                     f'<div class="row">{"".join(figs)}</div>'
                     '<p class="note">热力图越亮越红，预测的视线越集中。Brighter, redder = where the model expects the eye to go.</p>')
        rows = []
        for s in data["screens"]:
            for c in s["cards"]:
                if c["visible"] <= 0:
                    continue
                cls = ' class="mine"' if c["mine"] else ""
                rows.append(f'<tr{cls}><td>{_e(s["variant"])}</td><td>{_e(c["id"])}</td><td>{c["index"] + 1}</td>'
                            f'<td>{_pct(c["cover_share"])}</td><td>{_pct(c["title_share"])}</td><td>{c["rank"]}</td>'
                            f'<td>{round(100 * c["visible"])}%</td></tr>')
        parts.append('<h3>每张卡片的份额 <small>Shares of every card on these screens</small></h3>'
                     '<table><tr><th>屏 screen</th><th>卡片 card</th><th>位置 slot (from 1)</th><th>封面 cover</th>'
                     f'<th>标题 title</th><th>排名 rank</th><th>可见 visible</th></tr>{"".join(rows)}</table></section>')

    # each of the user's covers
    blocks = []
    for card in run.mine:
        d = run.diagnoses.get(card.id)
        if d is None:
            continue
        f = run.facts[card.id]
        plain = fit_width(f.rgb, 600)
        heat = cover_overlay(run, card.id, 600)
        shares = ", ".join(f"{k} {_pct(v)}" for k, v in d.shares.items())
        blocks.append(f'<div class="cover"><figure>{_img(data_uri(plain), "cover " + card.id, 300)}'
                      f'<figcaption><b>{_e(card.id)}</b> {_e(card.title)}</figcaption></figure>'
                      f'<figure>{_img(data_uri(heat), "cover heatmap " + card.id, 270)}'
                      f'<figcaption>封面内注意力 · attention inside the cover: {_e(shares)}</figcaption></figure>'
                      f'<div class="findings">{_findings_table(d)}</div></div>')
    parts.append('<section><h2>你的封面 <small>Your covers: findings and thresholds</small></h2>'
                 '<div class="legend"><span><i style="background:#fff;border:1px solid #999"></i>标题 title</span>'
                 '<span><i style="background:#ffd200"></i>人脸 face</span><span><i style="background:#00e6ff"></i>主体 main object</span></div>'
                 f'{"".join(blocks)}</section>')

    # competitors
    comp_diag = [c for c in sc.competitors if c.id in run.diagnoses]
    columns = [c for c in CHECKS if c.shelf_column]
    if comp_diag:
        figs, rows = [], []
        for card in comp_diag:
            d = run.diagnoses[card.id]
            figs.append(f'<figure>{_img(data_uri(cover_overlay(run, card.id, 240), quality=80), card.id)}'
                        f'<figcaption>{_e(card.id)}</figcaption></figure>')
            cells = []
            for row in columns:
                fd = d.get(row.key)
                if fd is None:
                    cells.append("<td></td>")
                    continue
                val = "–" if fd.value is None else f"{float(fd.value):.2f}"
                cells.append(f'<td><span class="badge {fd.status}">{val}</span></td>')
            rows.append(f'<tr><td>{_e(card.id)}</td>{"".join(cells)}</tr>')
        heads = "".join(f'<th title="{_e(c.about_en)}">{_e(c.name_zh)} {_e(c.name_en)}'
                        f'{" (" + _e(c.unit) + ")" if c.unit in ("pt", ":1") else ""}</th>' for c in columns)
        parts.append('<section><h2>竞品 <small>The shelf: competitors\' covers with their heatmaps</small></h2>'
                     f'<div class="comp">{"".join(figs)}</div>'
                     f'<table style="margin-top:14px"><tr><th>竞品 cover</th>{heads}</tr>'
                     f'{"".join(rows)}</table></section>')

    m = data["model"]
    prov = m.get("provenance") or {}
    parts.append('<section><h2>方法 <small>Method and provenance</small></h2><p class="note">'
                 f'模型 model “{_e(m["name"])}”，参数 params {_e(m["params_file"])} (sha256 {_e(m["params_sha256_16"])})；'
                 f'{_e(provenance_text(prov))}.<br>'
                 f'每次摆放 each placement: competitors shuffled with seed+i, your cover at slot 1 + (i mod {run.visible_slots}) '
                 f'(slots whose cover is at least {round(100 * VISIBLE_FRACTION)}% on the first screen); screens scored at '
                 f'{SCORING_SCALE:g} px/pt. A/B: paired differences over the same placements, {round(100 * ab.CONFIDENCE)}% '
                 f'bootstrap interval ({ab.BOOTSTRAP} resamples); “no clear winner” when it contains 0.<br>'
                 '这是视觉注意力模型的预测，不是真实点击率；用它比较同一货架上的方案，而不是当作绝对数字。 '
                 'This is a model of where eyes go first, not a click-through rate: use it to compare options on the '
                 'same shelf, not as an absolute number.</p>')
    if run.warnings:
        parts.append('<p class="note">' + "<br>".join(_e(w) for w in run.warnings) + "</p>")
    parts.append(f'<p class="note">xhscover {_e(__version__)}</p></section></main></body></html>')
    return "".join(parts)


def write_html(run: ScoreRun, path: Path | str) -> Path:
    path = Path(path)
    _parent(path)
    path.write_text(html_report(run), encoding="utf-8")
    return path
