"""Position-fair score: how much attention a cover wins compared with what its position gives.

Where a card lands matters as much as how it looks (the eye starts near the top and the middle
of the screen), so one screen says little. The cover is placed N times: placement i shuffles the
competitors with seed+i and puts the cover at slot i mod V, where V is the number of slots whose
cover is at least half on the first screen (stratified: every visible slot equally often, so the
mean is not at the mercy of a few unlucky draws below the fold). Each screen is scored, and the
cover's mean share is set against the share an average competitor gets at the SAME feed slots on
the same screens:

    fair_ratio = mean share of the cover / mean over its placements of the competitors' mean
                 share at that placement's slot

1.0 means "as good as an average competitor in the same spot"; 1.6 means "wins 1.6x its fair
share". Shares are cover shares (see `shares.CardShare.cover_share`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # the scorer renders feed screens (Qt); the arithmetic here needs no Qt
    from xhscover.feed.cards import Card
    from xhscover.score.shares import Screen, ShelfScorer

DEFAULT_PLACEMENTS = 32


@dataclass
class Placement:
    seed: int
    slot: int
    share: float
    title_share: float
    visible: float
    rank: int
    competitor_mean: float = 0.0
    """The competitors' mean cover share at this slot (over all screens of the run)."""

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "slot": self.slot, "share": round(self.share, 5),
                "title_share": round(self.title_share, 5), "visible": round(self.visible, 4), "rank": self.rank,
                "competitor_mean": round(self.competitor_mean, 5)}


@dataclass
class FairScore:
    id: str
    placements: list[Placement]
    share_mean: float
    share_std: float
    title_share_mean: float
    competitor_share_mean: float
    """An average competitor's share at the same slots (the "fair share")."""
    fair_ratio: float
    slot_baseline: dict[int, float] = field(default_factory=dict)
    """Slot -> mean competitor cover share at that slot over the run's screens."""
    first_screen: Screen | None = None
    """The first placement's screen (for the report's feed picture and heatmap)."""
    seed: int = 0

    @property
    def n(self) -> int:
        return len(self.placements)

    @property
    def shares(self) -> np.ndarray:
        return np.array([p.share for p in self.placements], dtype=np.float64)

    @property
    def share_sem(self) -> float:
        """Standard error of the mean share over placements."""
        return self.share_std / math.sqrt(self.n) if self.n > 1 else 0.0

    def summary_en(self) -> str:
        return (f"{self.id}: {self.fair_ratio:.1f}x its fair share "
                f"(share {100 * self.share_mean:.1f}% ± {100 * self.share_std:.1f}%)")

    def summary_zh(self) -> str:
        return (f"{self.id}：拿到同位置平均竞品的 {self.fair_ratio:.1f} 倍注意力"
                f"（份额 {100 * self.share_mean:.1f}% ± {100 * self.share_std:.1f}%）")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "placements_n": self.n, "seed": self.seed,
                "share_mean": round(self.share_mean, 5), "share_std": round(self.share_std, 5),
                "share_sem": round(self.share_sem, 5), "title_share_mean": round(self.title_share_mean, 5),
                "competitor_share_mean": round(self.competitor_share_mean, 5),
                "fair_ratio": round(self.fair_ratio, 4),
                "slot_baseline": {str(k): round(v, 5) for k, v in sorted(self.slot_baseline.items())},
                "placements": [p.to_dict() for p in self.placements],
                "summary_en": self.summary_en(), "summary_zh": self.summary_zh()}


VISIBLE_FRACTION = 0.5
"""A slot counts as "on the first screen" when at least half of its cover is visible."""


def visible_slots(scorer: ShelfScorer, seed: int = 0) -> int:
    """V: how many leading feed slots show at least half their cover on the first screen."""
    screen = scorer.screen([], seed=seed)
    count = 0
    for c in sorted(screen.cards, key=lambda c: c.index):
        if c.visible < VISIBLE_FRACTION:
            break
        count += 1
    return max(1, count)


def placements_for(scorer: ShelfScorer, placements: int = DEFAULT_PLACEMENTS, seed: int = 0) -> list[tuple[int, int]]:
    """The (seed, slot) pairs of a run: seed+i shuffles the competitors, slot i mod V."""
    v = visible_slots(scorer, seed)
    return [(int(seed) + i, i % v) for i in range(max(1, int(placements)))]


def fair_score(scorer: ShelfScorer, mine: Card, *, placements: int = DEFAULT_PLACEMENTS, seed: int = 0,
               plan: Sequence[tuple[int, int]] | None = None, keep_first_screen: bool = True) -> FairScore:
    """Place `mine` (alone) at `placements` seeded positions among the scorer's competitors.

    `plan` gives the (seed, slot) pairs directly (variants of one note share one plan)."""
    plan = list(plan) if plan is not None else placements_for(scorer, placements, seed)
    screens = ((s, scorer.screen([mine], seed=s, slot=slot)) for s, slot in plan)
    return fair_from_screens(mine.id, screens, keep_first_screen=keep_first_screen,
                             seed=int(plan[0][0]) if plan else int(seed))


def fair_from_screens(card_id: str, screens: Iterable[tuple[int, Screen]], *, keep_first_screen: bool = True,
                      seed: int = 0) -> FairScore:
    """The fair score of `card_id` from its scored screens, one per placement as (seed, screen).

    `fair_score` renders the screens itself; suggestions pass screens of candidate covers pasted
    into screens rendered once, and get the same statistics."""
    samples: dict[int, list[float]] = defaultdict(list)
    own: list[tuple[int, Any]] = []
    first: Screen | None = None
    for s, screen in screens:
        if first is None and keep_first_screen:
            first = screen
        mine_shares = screen.mine()
        if not mine_shares:
            continue
        own.append((s, mine_shares[0]))
        for c in screen.cards:
            if not c.mine:
                samples[c.index].append(c.cover_share)
    baseline = {k: float(np.mean(v)) for k, v in samples.items() if v}
    slots = {m.index for _s, m in own}
    pooled = [v for k, vs in samples.items() if k in slots for v in vs]
    fallback = float(np.mean(pooled)) if pooled else 0.0
    rows = [Placement(seed=s, slot=m.index, share=m.cover_share, title_share=m.title_share, visible=m.visible,
                      rank=m.rank, competitor_mean=baseline.get(m.index, fallback)) for s, m in own]
    shares = np.array([p.share for p in rows], dtype=np.float64)
    comp = float(np.mean([p.competitor_mean for p in rows])) if rows else 0.0
    mean = float(shares.mean()) if rows else 0.0
    std = float(shares.std(ddof=1)) if len(rows) > 1 else 0.0
    ratio = mean / comp if comp > 0 else float("nan")
    return FairScore(id=card_id, placements=rows, share_mean=mean, share_std=std,
                     title_share_mean=float(np.mean([p.title_share for p in rows])) if rows else 0.0,
                     competitor_share_mean=comp, fair_ratio=ratio, slot_baseline=baseline, first_screen=first,
                     seed=int(seed))


def fair_scores(scorer: ShelfScorer, mine: Sequence[Card], *, placements: int = DEFAULT_PLACEMENTS,
                seed: int = 0) -> dict[str, FairScore]:
    """`fair_score` for each variant, every variant under the same plan (same slots and shuffles)."""
    plan = placements_for(scorer, placements, seed)
    return {card.id: fair_score(scorer, card, plan=plan) for card in mine}
