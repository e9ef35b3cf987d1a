"""The verdict line: 好 / 一般 / 弱 from the fair ratio's interval, the key finding, the best suggestion."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from xhscover.score.diagnose import Diagnosis, Finding
from xhscover.score.fair import FairScore, Placement
from xhscover.score.verdict import key_finding, level_of, ratio_interval, share_range, verdict_line


def fair(shares, comp=0.05):
    rows = [Placement(seed=i, slot=i % 6, share=s, title_share=0.0, visible=1.0, rank=1, competitor_mean=comp)
            for i, s in enumerate(shares)]
    mean = float(np.mean(shares))
    return FairScore(id="A", placements=rows, share_mean=mean, share_std=float(np.std(shares, ddof=1)),
                     title_share_mean=0.0, competitor_share_mean=comp, fair_ratio=mean / comp)


def diag(*statuses):
    keys = ["title_size", "title_contrast", "clutter", "distinct"]
    fs = [Finding(k, st, 1.0, "", "rule", f"{k} en", f"{k} zh") for k, st in zip(keys, statuses, strict=False)]
    return Diagnosis("A", True, fs, np.zeros((2, 2), np.float32), {}, {}, "layers")


def test_levels_follow_the_interval():
    rng = np.random.default_rng(0)
    strong = fair(list(0.09 + 0.01 * rng.standard_normal(32)))
    weak = fair(list(0.03 + 0.005 * rng.standard_normal(32)))
    even = fair(list(0.05 + 0.03 * rng.standard_normal(32)))
    assert verdict_line(strong, None).level == "good" and verdict_line(strong, None).word_zh == "好"
    assert verdict_line(weak, None).level == "weak" and verdict_line(weak, None).word_zh == "弱"
    assert verdict_line(even, None).level == "ok" and verdict_line(even, None).word_zh == "一般"
    lo, hi = ratio_interval(even)
    assert lo < even.fair_ratio < hi and ratio_interval(even) == (lo, hi)  # seeded
    assert level_of(1.01, 1.5) == "good" and level_of(0.5, 0.99) == "weak" and level_of(0.9, 1.1) == "ok"
    assert share_range(even) == (min(p.share for p in even.placements), max(p.share for p in even.placements))


def test_the_key_finding_is_the_first_failure_else_the_first_warning():
    assert key_finding(diag("pass", "warn", "fail", "warn")).key == "clutter"
    assert key_finding(diag("pass", "warn", "pass", "warn")).key == "title_contrast"
    assert key_finding(diag("pass", "pass", "info")) is None
    line = verdict_line(fair([0.05] * 8), diag("pass", "pass"))
    assert "没有明显问题" in line.text_zh() and "No clear problem" in line.text_en()


def test_the_line_names_the_best_suggestion():
    cand = SimpleNamespace(text_zh=lambda: "标题放大到 24 pt", text_en=lambda: "The title up to 24 pt")
    line = verdict_line(fair([0.05] * 8), diag("fail"), suggestion=SimpleNamespace(candidate=cand, gain=0.34))
    assert line.text_zh().startswith("一般") and "最要紧：title_size zh" in line.text_zh()
    assert "帮我改：标题放大到 24 pt（+34%）" in line.text_zh()
    assert "Try: The title up to 24 pt (+34%)" in line.text_en()
    d = line.to_dict()
    assert d["level"] == "ok" and d["finding"] == "title_size" and d["text_zh"] == line.text_zh()
