"""One scoring run over a shelf: fair scores, A/B verdicts, diagnostics and the pictures to show.

`score_shelf` is the one code path behind every number: the CLI, the demo and the app's score
panel all call it (the app from its worker thread), so the same file and settings give the same
findings and ratios everywhere. `report.py` turns the `ScoreRun` it returns into JSON, CSV, HTML
and heatmap PNGs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from xhscover.feed.cards import Card
from xhscover.render.convert import qimage_to_rgb
from xhscover.score import ab, fair
from xhscover.score.covers import CoverFacts
from xhscover.score.diagnose import Diagnosis, ShelfStats, card_width_pt, diagnose_cached
from xhscover.score.shares import Screen, ShelfScorer


@dataclass
class VariantScreen:
    """The first placement of one variant, for the report: scored screen plus a sharp screenshot."""

    id: str
    screen: Screen
    picture: np.ndarray
    """The same screen rendered at the device's pixel ratio (RGB)."""


@dataclass
class ScoreRun:
    scorer: ShelfScorer
    mine: list[Card]
    facts: dict[str, CoverFacts]
    """Cover id -> facts, the user's covers first, then the competitors."""
    scores: dict[str, fair.FairScore]
    verdicts: list[ab.Verdict]
    best: str | None
    diagnoses: dict[str, Diagnosis]
    screens: list[VariantScreen]
    placements: int
    seed: int
    visible_slots: int
    card_width_pt: float
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    """Cover id -> where it came from (file path or "sample shelf")."""


_stats: dict[tuple[str, ...], ShelfStats] = {}


def shelf_stats(scorer: ShelfScorer) -> ShelfStats:
    """The competitors' looks for the distinctness finding, built once per set of competitor
    pixels (pixels only: no detector runs, so the app can show findings before the shelf is analysed)."""
    from xhscover.attention.detectors import image_key
    from xhscover.feed.images import source_rgb

    pics = [(c.id, source_rgb(c.image)) for c in scorer.competitors]
    key = tuple(cid + image_key(rgb) for cid, rgb in pics)
    stats = _stats.get(key)
    if stats is None:
        stats = ShelfStats.from_images(pics)
        _stats.clear()  # one shelf at a time is what the app and the CLI use
        _stats[key] = stats
    return stats


def diagnose_mine(scorer: ShelfScorer, card: Card, *, ocr_check: bool = True) -> Diagnosis:
    """The findings of one of the user's covers on this scorer's shelf (cached by its pixels)."""
    return diagnose_cached(scorer.facts(card), card_width_pt=card_width_pt(scorer.device), shelf=shelf_stats(scorer),
                           ocr_check=ocr_check)


def score_shelf(mine: Sequence[Card], competitors: Sequence[Card], *, device: str = "iphone-15",
                theme: str = "light", page: str = "home", query: str = "", placements: int = fair.DEFAULT_PLACEMENTS,
                seed: int = 0, diagnose_competitors: bool = True, ocr_check: bool = True,
                scorer: ShelfScorer | None = None, pictures: bool = True) -> ScoreRun:
    """Score the user's cover(s) on a shelf. Several covers are variants of one note (A/B).

    `pictures=False` skips the sharp screenshots the reports show (the app has its own feed)."""
    if not mine:
        raise ValueError("score_shelf needs at least one cover of yours")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    scorer = scorer or ShelfScorer(competitors, device=device, theme=theme, page=page, query=query)
    scorer.prepare()
    facts = {c.id: scorer.facts(c) for c in mine}
    comp_facts = {c.id: scorer.facts(c) for c in scorer.competitors}
    timings["cover_analysis"] = time.perf_counter() - t0

    t = time.perf_counter()
    plan = fair.placements_for(scorer, placements, seed)
    scores = {c.id: fair.fair_score(scorer, c, plan=plan) for c in mine}
    verdicts = ab.compare_all(scores, seed=seed) if len(scores) > 1 else []
    timings["fair_scores"] = time.perf_counter() - t

    t = time.perf_counter()
    width = card_width_pt(scorer.device)
    diagnoses = {c.id: diagnose_mine(scorer, c, ocr_check=ocr_check) for c in mine}
    if diagnose_competitors:
        shelf = shelf_stats(scorer)
        for cid, f in comp_facts.items():
            diagnoses[cid] = diagnose_cached(f, card_width_pt=width, shelf=shelf, ocr_check=False)
    timings["diagnostics"] = time.perf_counter() - t

    t = time.perf_counter()
    from xhscover.feed.draw import render_feed

    screens = []
    for c in mine if pictures else []:
        first = scores[c.id].first_screen
        if first is None:
            continue
        spec = scorer.spec([c], seed=plan[0][0], slot=plan[0][1])
        image, _desc = render_feed(spec, scorer.cache)
        screens.append(VariantScreen(c.id, first, qimage_to_rgb(image)))
    timings["screens"] = time.perf_counter() - t
    warnings = [w for f in list(facts.values()) + list(comp_facts.values()) for w in f.warnings]
    return ScoreRun(scorer=scorer, mine=list(mine), facts={**facts, **comp_facts}, scores=scores, verdicts=verdicts,
                    best=ab.best_variant(scores, verdicts) if verdicts else None, diagnoses=diagnoses, screens=screens,
                    placements=len(plan), seed=int(seed), visible_slots=fair.visible_slots(scorer, seed),
                    card_width_pt=width, timings=timings, warnings=sorted(set(warnings)))
