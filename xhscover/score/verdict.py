"""The verdict line people understand: 好 / 一般 / 弱, the one finding that matters most, and
(where 帮我改 has run) the best suggestion. The score panel and the HTML reports open with it.

The level comes from the fair ratio and its interval over placements, nothing else: 好 when
the cover wins more than its fair share beyond the placement noise (the whole 95% interval of
its fair ratio is above 1), 弱 when it clearly wins less (the interval is below 1), 一般 when
the interval straddles 1 (as good as an average competitor in the same spot, give or take luck).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from xhscover.score import ab
from xhscover.score.diagnose import CHECKS, Diagnosis, Finding, check, pick
from xhscover.score.fair import FairScore

LEVELS = {"good": ("好", "Good"), "ok": ("一般", "OK"), "weak": ("弱", "Weak")}


def ratio_samples(fs: FairScore, idx: np.ndarray) -> np.ndarray:
    """The fair ratio recomputed for resampled placements (`idx`: resamples x placements)."""
    share = np.array([p.share for p in fs.placements], np.float64)
    comp = np.array([p.competitor_mean for p in fs.placements], np.float64)
    den = comp[idx].mean(axis=1)
    return np.where(den > 0, share[idx].mean(axis=1) / np.where(den > 0, den, 1.0), np.nan)


def resamples(n: int, seed: int) -> np.ndarray:
    """Bootstrap indices over n placements (seeded: the same run gives the same interval)."""
    return np.random.default_rng(seed).integers(0, n, size=(ab.BOOTSTRAP, n))


def ratio_interval(fs: FairScore, *, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of the fair ratio over placements."""
    if fs.n < 2:
        return fs.fair_ratio, fs.fair_ratio
    r = ratio_samples(fs, resamples(fs.n, seed + 1))
    r = r[np.isfinite(r)]
    if not r.size:
        return float("nan"), float("nan")
    alpha = (1 - ab.CONFIDENCE) / 2
    return float(np.quantile(r, alpha)), float(np.quantile(r, 1 - alpha))


def share_range(fs: FairScore) -> tuple[float, float]:
    """Lowest and highest share over the placements (the range the panel shows)."""
    shares = [p.share for p in fs.placements]
    return (min(shares), max(shares)) if shares else (0.0, 0.0)


def level_of(low: float, high: float) -> str:
    if np.isfinite(low) and low > 1.0:
        return "good"
    if np.isfinite(high) and high < 1.0:
        return "weak"
    return "ok"


def key_finding(diagnosis: Diagnosis | None) -> Finding | None:
    """The single most important finding: the first failure in registry order, else the first warning."""
    if diagnosis is None:
        return None
    order = {c.key: i for i, c in enumerate(CHECKS)}
    for status in ("fail", "warn"):
        found = sorted((f for f in diagnosis.findings if f.status == status), key=lambda f: order.get(f.key, 99))
        if found:
            return found[0]
    return None


@dataclass
class VerdictLine:
    level: str
    """good | ok | weak"""
    ratio: float
    low: float
    high: float
    placements: int
    finding: Finding | None = None
    suggestion_zh: str = ""
    suggestion_en: str = ""

    @property
    def word_zh(self) -> str:
        return LEVELS[self.level][0]

    @property
    def word_en(self) -> str:
        return LEVELS[self.level][1]

    def body_zh(self) -> str:
        """The line after its first word (the panel shows the word big)."""
        parts = [f"注意力是同位置平均竞品的 {self.ratio:.2f} 倍（{self.placements} 次摆放，区间 {self.low:.2f}–{self.high:.2f}）"]
        parts.append(f"最要紧：{self.finding.zh}" if self.finding is not None else "没有明显问题")
        if self.suggestion_zh:
            parts.append(f"帮我改：{self.suggestion_zh}")
        return "。".join(p.rstrip("。") for p in parts) + "。"

    def body_en(self) -> str:
        parts = [f"{self.ratio:.2f}x the attention of an average competitor in the same spot ({self.placements} "
                 f"placements, {self.low:.2f}–{self.high:.2f})"]
        parts.append(f"Most important: {self.finding.en}" if self.finding is not None else "No clear problem")
        if self.suggestion_en:
            parts.append(f"Try: {self.suggestion_en}")
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def text_zh(self) -> str:
        return f"{self.word_zh}：{self.body_zh()}"

    def text_en(self) -> str:
        return f"{self.word_en}: {self.body_en()}"

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh(), self.text_en())

    def body(self, lang: str) -> str:
        return pick(lang, self.body_zh(), self.body_en())

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "word_zh": self.word_zh, "word_en": self.word_en,
                "fair_ratio": round(self.ratio, 4), "ci_low": round(self.low, 4), "ci_high": round(self.high, 4),
                "placements": self.placements, "finding": self.finding.key if self.finding else None,
                "text_zh": self.text_zh(), "text_en": self.text_en()}


def verdict_line(fs: FairScore, diagnosis: Diagnosis | None, *, suggestion: Any = None, seed: int = 0) -> VerdictLine:
    """The verdict for one scored cover; `suggestion` is `score.suggest.SuggestResult.best` when known."""
    low, high = ratio_interval(fs, seed=seed)
    line = VerdictLine(level_of(low, high), fs.fair_ratio, low, high, fs.n, key_finding(diagnosis))
    if suggestion is not None:
        c = suggestion.candidate
        line.suggestion_zh = f"{c.text_zh()}（{100 * suggestion.gain:+.0f}%）"
        line.suggestion_en = f"{c.text_en()} ({100 * suggestion.gain:+.0f}%)"
    return line


def finding_name(key: str, lang: str) -> str:
    return check(key).name(lang)
