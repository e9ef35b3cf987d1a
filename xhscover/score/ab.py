"""A/B verdicts: which variant of one note wins on the same shelf, and is it more than luck?

Every variant is scored under the same placements (same competitor shuffles, same slots), so the
per-placement difference d_i = share_A,i - share_B,i cancels the position and the neighbours,
and only the covers differ. The verdict is the mean of d with a bootstrap percentile confidence
interval (seeded, so it is reproducible); when the interval contains 0 the difference is not
bigger than the placement noise and the verdict is "no clear winner".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from xhscover.score.fair import FairScore

CONFIDENCE = 0.95
BOOTSTRAP = 4000
SMALL_EFFECT = 0.05
"""A clear winner whose mean share is less than 5% (relative) above the loser's is called
"ahead by a small margin": real on this shelf but unlikely to matter."""


@dataclass
class Verdict:
    a: str
    b: str
    winner: str | None
    """The variant whose share is higher beyond the placement noise; None = no clear winner."""
    diff_mean: float
    """Mean over placements of share(a) - share(b) (share points, 0.01 = 1 point)."""
    ci_low: float
    ci_high: float
    relative: float
    """share(a) / share(b) - 1 (mean shares)."""
    n: int
    confidence: float = CONFIDENCE
    wins_a: int = 0
    """Placements where a's share was higher."""
    method: str = "paired bootstrap"

    @property
    def clear(self) -> bool:
        return self.winner is not None

    @property
    def small(self) -> bool:
        return self.clear and abs(self.relative) < SMALL_EFFECT

    def _interval(self) -> tuple[float, float]:
        """The interval of (winner - loser), so a clear win reads as positive numbers."""
        if self.winner is not None and self.winner == self.b:
            return -self.ci_high, -self.ci_low
        return self.ci_low, self.ci_high

    def text_en(self) -> str:
        lo, hi = self._interval()
        ci = f"{100 * lo:+.1f} to {100 * hi:+.1f} points, {round(100 * self.confidence)}% CI"
        if self.winner is None:
            return (f"{self.a} vs {self.b}: no clear winner (difference {100 * self.diff_mean:+.1f} share points, "
                    f"{ci}; within the placement noise)")
        loser = self.b if self.winner == self.a else self.a
        rel = abs(self.relative) if self.winner == self.a else abs(1 / (1 + self.relative) - 1)
        margin = "by a small margin" if self.small else f"by {100 * rel:.0f}%"
        return (f"{self.winner} beats {loser} {margin} ({100 * abs(self.diff_mean):.1f} share points more, {ci}; "
                f"ahead in {max(self.wins_a, self.n - self.wins_a)} of {self.n} placements)")

    def text_zh(self) -> str:
        lo, hi = self._interval()
        ci = f"{round(100 * self.confidence)}% 置信区间 {100 * lo:+.1f} 到 {100 * hi:+.1f} 个百分点"
        if self.winner is None:
            return (f"{self.a} 对 {self.b}：没有明显赢家（差 {100 * self.diff_mean:+.1f} 个百分点，{ci}，"
                    f"在摆放位置带来的波动之内）")
        loser = self.b if self.winner == self.a else self.a
        rel = abs(self.relative) if self.winner == self.a else abs(1 / (1 + self.relative) - 1)
        margin = "略胜一筹（差距很小）" if self.small else f"胜出 {100 * rel:.0f}%"
        return (f"{self.winner} 比 {loser} {margin}（多拿 {100 * abs(self.diff_mean):.1f} 个百分点的注意力，{ci}；"
                f"{self.n} 次摆放中 {max(self.wins_a, self.n - self.wins_a)} 次领先）")

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "winner": self.winner, "clear": self.clear, "small_effect": self.small,
                "diff_mean": round(self.diff_mean, 5), "ci_low": round(self.ci_low, 5),
                "ci_high": round(self.ci_high, 5), "confidence": self.confidence,
                "relative": round(self.relative, 4), "n": self.n, "wins_a": self.wins_a, "method": self.method,
                "text_en": self.text_en(), "text_zh": self.text_zh()}


def paired_ci(diffs: np.ndarray, *, confidence: float = CONFIDENCE, resamples: int = BOOTSTRAP,
              seed: int = 0) -> tuple[float, float]:
    """Bootstrap percentile interval of the mean of `diffs` (reproducible with `seed`)."""
    d = np.asarray(diffs, dtype=np.float64)
    if d.size == 0:
        return (0.0, 0.0)
    if d.size == 1 or np.allclose(d, d[0]):
        return (float(d[0]), float(d[0]))
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, d.size, size=(int(resamples), d.size))
    means = d[idx].mean(axis=1)
    alpha = (1 - confidence) / 2
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def compare(a: FairScore, b: FairScore, *, confidence: float = CONFIDENCE, resamples: int = BOOTSTRAP,
            seed: int = 0) -> Verdict:
    """Verdict for two variants scored under the same placements (see `fair.fair_scores`)."""
    pa = {(p.seed, p.slot): p.share for p in a.placements}
    pb = {(p.seed, p.slot): p.share for p in b.placements}
    keys = [k for k in pa if k in pb]
    if len(keys) != len(pa) or len(keys) != len(pb):
        raise ValueError("A/B needs both variants scored under the same placements")
    d = np.array([pa[k] - pb[k] for k in keys], dtype=np.float64)
    lo, hi = paired_ci(d, confidence=confidence, resamples=resamples, seed=seed)
    mean = float(d.mean()) if d.size else 0.0
    # exact zero differences (identical covers) are no evidence either way
    winner = None
    if d.size > 1 and (lo > 0 or hi < 0):
        winner = a.id if mean > 0 else b.id
    rel = a.share_mean / b.share_mean - 1 if b.share_mean > 0 else 0.0
    return Verdict(a=a.id, b=b.id, winner=winner, diff_mean=mean, ci_low=lo, ci_high=hi, relative=rel, n=int(d.size),
                   confidence=confidence, wins_a=int(np.sum(d > 0)))


def compare_all(scores: dict[str, FairScore], **kwargs: Any) -> list[Verdict]:
    """A verdict for every pair of variants, in the given order (A vs B, A vs C, B vs C ...)."""
    return [compare(scores[x], scores[y], **kwargs) for x, y in itertools.combinations(list(scores), 2)]


def best_variant(scores: dict[str, FairScore], verdicts: list[Verdict]) -> str | None:
    """The variant that clearly beats every other one, or None."""
    for name in scores:
        others = [v for v in verdicts if name in (v.a, v.b)]
        if others and all(v.winner == name for v in others):
            return name
    return None
