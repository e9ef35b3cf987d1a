"""One scoring run over a shelf: fair scores, A/B verdicts, diagnostics and the pictures to show.

`score_shelf` is what the CLI, the demo and (later) the app call; `report.py` turns the
`ScoreRun` it returns into JSON, CSV, HTML and heatmap PNGs.
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
from xhscover.score.diagnose import Diagnosis, ShelfStats, card_width_pt, diagnose
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


def score_shelf(mine: Sequence[Card], competitors: Sequence[Card], *, device: str = "iphone-15",
                theme: str = "light", page: str = "home", query: str = "", placements: int = fair.DEFAULT_PLACEMENTS,
                seed: int = 0, diagnose_competitors: bool = True, ocr_check: bool = True,
                scorer: ShelfScorer | None = None) -> ScoreRun:
    """Score the user's cover(s) on a shelf. Several covers are variants of one note (A/B)."""
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
    width = card_width_pt(device)
    shelf = ShelfStats.build(list(comp_facts.values()))
    diagnoses = {cid: diagnose(f, card_width_pt=width, shelf=shelf, ocr_check=ocr_check) for cid, f in facts.items()}
    if diagnose_competitors:
        for cid, f in comp_facts.items():
            diagnoses[cid] = diagnose(f, card_width_pt=width, shelf=shelf, ocr_check=False)
    timings["diagnostics"] = time.perf_counter() - t

    t = time.perf_counter()
    from xhscover.feed.draw import render_feed

    screens = []
    for c in mine:
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
