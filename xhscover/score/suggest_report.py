"""帮我改 outputs: the variants as PNG and as one project, `suggestions.json` (schema in
docs/suggestions-schema.md), feed heatmaps and a self-contained HTML page."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import numpy as np

from xhscover import __version__
from xhscover.errors import XhsError
from xhscover.model.cover import Cover
from xhscover.score import ab
from xhscover.score.diagnose import Diagnosis
from xhscover.score.heatmap import data_uri, fit_width, overlay_heatmap, write_png
from xhscover.score.report import CSS, _e, model_info
from xhscover.score.suggest import LEGIBLE_CONTRAST, SuggestResult
from xhscover.score.verdict import VerdictLine

SCHEMA = "xhscover.suggestions/1"


def feed_heatmap(screen: Any) -> np.ndarray:
    """The first placement's screen with its attention map (what the feed heatmap shows)."""
    return overlay_heatmap(screen.rgb, screen.smap)


def variant_covers(result: SuggestResult, original: Cover) -> list[Cover]:
    """The suggestions as new variants after the original (B, C ...), best first."""
    from xhscover.model.project import Project

    holder = Project(covers=[original])
    out = []
    for rank, s in enumerate(result.suggestions, 1):
        cover = copy.deepcopy(s.candidate.cover)
        cover.id = holder.next_variant_id()
        cover.name = f"帮我改 {rank}"
        cover.note_title = original.note_title
        holder.covers.append(cover)
        out.append(cover)
    return out


def linked_findings(result: SuggestResult, diagnosis: Diagnosis | None) -> list[dict[str, Any]]:
    """The original's findings, each with the best clear suggestion that works on it (or None)."""
    out = []
    for f in diagnosis.findings if diagnosis is not None else []:
        fix = result.for_finding(f.key) if f.status in ("fail", "warn") else None
        out.append({"key": f.key, "status": f.status, "value": f.to_dict()["value"], "zh": f.zh, "en": f.en,
                    "suggestion": fix.id if fix is not None else None})
    return out


def suggestions_dict(result: SuggestResult, *, source: str, cover_id: str, verdict: VerdictLine | None,
                     shelf: dict[str, Any], files: dict[str, dict[str, str]],
                     diagnosis: Diagnosis | None = None) -> dict[str, Any]:
    """The JSON document (see docs/suggestions-schema.md)."""
    best = result.best
    return {
        "schema": SCHEMA,
        "generator": f"xhscover {__version__}",
        "model": model_info(),
        "source": source,
        "cover": cover_id,
        "shelf": shelf,
        "method": {"placements": result.placements, "seed": result.seed,
                   "stage1_placements": result.stage1_placements, "candidates_tried": result.tried,
                   "candidates_dropped": len(result.dropped), "confidence": ab.CONFIDENCE,
                   "bootstrap": ab.BOOTSTRAP, "legible_pt": 18.0, "legible_contrast": LEGIBLE_CONTRAST},
        "original": {"fair_ratio": round(result.original.fair_ratio, 4),
                     "share_mean": round(result.original.share_mean, 5), "noise": round(result.noise, 4),
                     "verdict": verdict.to_dict() if verdict else None,
                     "findings": linked_findings(result, diagnosis), **files.get("original", {})},
        "clearly_better": best is not None,
        "best": best.id if best is not None else None,
        "headline_zh": result.headline_zh(),
        "headline_en": result.headline_en(),
        "suggestions": [dict(s.to_dict(), **files.get(s.id, {})) for s in result.suggestions],
        "dropped": [{"id": d.candidate.id, "change": [c.to_dict() for c in d.candidate.changes],
                     "reason_en": d.reason_en, "reason_zh": d.reason_zh} for d in result.dropped],
        "timings_s": {k: round(v, 3) for k, v in result.timings.items()},
        "warnings": result.warnings,
    }


def write_outputs(result: SuggestResult, out: Path | str, *, original: Cover, store: Any, source: str,
                  verdict: VerdictLine | None, shelf: dict[str, Any], diagnosis: Diagnosis | None = None) -> list[Path]:
    """Write everything into the folder `out`; returns the files written (JSON first)."""
    from xhscover.model.project import Project, save_project

    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XhsError(f"Cannot create {folder}: {exc.strerror or exc}") from None
    written: list[Path] = []
    files: dict[str, dict[str, str]] = {"original": {"file": "original.png", "heatmap": "feed-original.png"}}
    written.append(write_png(result.original_rgb, folder / "original.png"))
    if result.original_screen is not None:
        written.append(write_png(feed_heatmap(result.original_screen), folder / "feed-original.png"))
    covers = variant_covers(result, original)
    for rank, (s, cover) in enumerate(zip(result.suggestions, covers, strict=True), 1):
        name = f"suggestion-{rank}-{s.id}"
        files[s.id] = {"file": f"{name}.png", "heatmap": f"feed-{rank}-{s.id}.png", "variant": cover.id}
        written.append(write_png(s.rgb, folder / f"{name}.png"))
        if s.screen is not None:
            written.append(write_png(feed_heatmap(s.screen), folder / f"feed-{rank}-{s.id}.png"))
    project = Project(covers=[copy.deepcopy(original)] + covers, images=store)
    project.covers[0].name = project.covers[0].name or original.id
    proj = folder / "suggestions.xhscover"
    save_project(project, proj)
    written.append(proj)
    data = suggestions_dict(result, source=source, cover_id=original.id, verdict=verdict, shelf=shelf, files=files,
                            diagnosis=diagnosis)
    data["project"] = proj.name
    js = folder / "suggestions.json"
    js.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    page = folder / "suggestions.html"
    page.write_text(html_page(result, data, verdict), encoding="utf-8")
    return [js, page, proj] + written


SUGGEST_CSS = """
.sugg{display:grid;grid-template-columns:minmax(0,200px) minmax(0,200px) 1fr;gap:18px;align-items:start;
border-top:1px solid var(--line);padding-top:16px;margin-top:16px}
.gain{font-size:26px;font-weight:800}.gain.good{color:var(--pass)}.gain.noise{color:var(--muted)}
"""


def _fig(rgb: np.ndarray, alt: str, caption: str, width: int = 200) -> str:
    return (f'<figure><img src="{data_uri(fit_width(rgb, 2 * width))}" alt="{_e(alt)}" width="{width}">'
            f'<figcaption>{caption}</figcaption></figure>')


def html_page(result: SuggestResult, data: dict[str, Any], verdict: VerdictLine | None) -> str:
    parts = ['<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
             '<meta name="viewport" content="width=device-width,initial-scale=1">'
             f'<title>帮我改 · xhscover</title><style>{CSS}{SUGGEST_CSS}</style></head><body><main>']
    parts.append('<header><h1>帮我改 <span>·</span> What to change</h1>'
                 f'<p>{_e(data["source"])} · {result.tried} 个改法 variants tried · {result.placements} 次摆放 '
                 f'placements (seed {result.seed}) · {_e(data["shelf"].get("device", ""))}</p></header>')
    head = ""
    if verdict is not None:
        head = (f'<div class="verdict"><span class="lvl {verdict.level}">{_e(verdict.word_zh)}</span>'
                f'{_e(verdict.text_zh())}<div class="en">{_e(verdict.text_en())}</div></div>')
    cls = "" if result.best is not None else " none"
    head += (f'<div class="verdict{cls}"><b>{_e(result.headline_zh())}</b>'
             f'<div class="en">{_e(result.headline_en())}</div></div>')
    ranks = {sg.id: i for i, sg in enumerate(result.suggestions, 1)}
    rows = []
    for f in data["original"]["findings"]:
        if f["status"] not in ("fail", "warn"):
            continue
        link = (f' → <a href="#s-{_e(f["suggestion"])}">帮我改 {ranks.get(f["suggestion"], "")}</a>'
                if f["suggestion"] else "")
        rows.append(f'<tr><td><span class="badge {f["status"]}">{_e(f["status"])}</span></td>'
                    f'<td>{_e(f["zh"])}{link}<div class="f-en">{_e(f["en"])}</div></td></tr>')
    if rows:
        head += ('<table class="findings-table"><tr><th>结论</th><th>要改的地方 / what to fix → 建议 suggestion</th></tr>'
                 f'{"".join(rows)}</table>')
    orig_figs = _fig(result.original_rgb, "original", "原图 original")
    if result.original_screen is not None:
        orig_figs += _fig(feed_heatmap(result.original_screen), "original in the feed",
                          f"信息流热力图 feed heatmap · fair ratio {result.original.fair_ratio:.2f}×")
    parts.append(f'<section><h2>结论 <small>Verdict</small></h2>{head}<div class="row">{orig_figs}</div></section>')
    blocks = []
    for rank, s in enumerate(result.suggestions, 1):
        figs = _fig(s.rgb, s.id, f"{rank}. {_e(s.id)}")
        if s.screen is not None:
            figs += _fig(feed_heatmap(s.screen), f"{s.id} in the feed", "信息流热力图 feed heatmap")
        gcls = "good" if s.clear else "noise"
        blocks.append(f'<div class="sugg" id="s-{_e(s.id)}">{figs}<div><div class="gain {gcls}">{100 * s.gain:+.0f}%</div>'
                      f'<p><b>{_e(s.candidate.text_zh())}</b><br><span class="f-en">{_e(s.candidate.text_en())}</span></p>'
                      f'<p>{_e(s.gain_zh())}<br><span class="f-en">{_e(s.gain_en())}</span></p>'
                      f'<p class="thr">{round(100 * ab.CONFIDENCE)}% paired interval {100 * s.ci_low:+.0f}% to '
                      f'{100 * s.ci_high:+.0f}% · title {s.title_pt or 0:.0f} pt · contrast {s.contrast or 0:.1f}:1'
                      f'</p></div></div>')
    parts.append('<section><h2>建议 <small>Suggestions, best first (one of each kind of change)</small></h2>'
                 f'{"".join(blocks) or "<p>—</p>"}</section>')
    parts.append('<section><h2>方法 <small>Method</small></h2><p class="note">'
                 '每个改法只改一处（或两处），文字内容不变；标题在信息流里字高不足 18 pt 或对比度低于 4.5:1 的改法直接淘汰。'
                 '每个改法和原图放在同样的位置、同样的邻居中比较（配对），增益 = 位置公平得分之比 − 1。'
                 '区间包含 0、或增益小于原图自身得分随摆放的波动时，标为“在波动之内”。<br>'
                 'Each variant changes one thing (or two) and never the text; variants whose title is under 18 pt at '
                 'feed size or under 4.5:1 contrast are dropped. Each is scored in the same slots among the same '
                 'neighbours as the original (paired); gain = ratio of the position-fair scores − 1. A gain whose '
                 'interval includes 0, or that is smaller than the placement noise of the original\'s own score, is '
                 f'labelled "inside the placement noise".</p><p class="note">xhscover {_e(__version__)}</p></section>')
    parts.append("</main></body></html>")
    return "".join(parts)
