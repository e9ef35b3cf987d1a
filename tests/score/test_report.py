"""Reports: the documented JSON fields, CSV rows, a self-contained HTML page, heatmap PNGs."""

from __future__ import annotations

import csv
import json
import re

import numpy as np
import pytest

from xhscover.score import report
from xhscover.score.heatmap import overlay_heatmap
from xhscover.score.run import score_shelf

from .conftest import cover_card, title_cover


@pytest.fixture(scope="module")
def run(app, scorer, big_card):
    b = cover_card(title_cover("小一点的标题", size=90, colour="#444444", bg="#EEEEEE", cid="B"), "B")
    return score_shelf([big_card, b], scorer.competitors, placements=4, seed=0, scorer=scorer)


def test_json_has_the_documented_fields(run, tmp_path):
    path = report.write_json(run, tmp_path / "r.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == report.SCHEMA
    for key in ("model", "shelf", "method", "covers", "ab", "screens", "competitors", "warnings"):
        assert key in data
    assert data["model"]["name"] == "default" and data["model"]["params_sha256_16"]
    assert "provenance" in data["model"]
    assert [c["id"] for c in data["covers"]] == ["big", "B"]
    for c in data["covers"]:
        for key in ("id", "share_mean", "share_std", "fair_ratio", "competitor_share_mean", "placements",
                    "diagnostics", "summary_en", "summary_zh"):
            assert key in c
        assert len(c["placements"]) == 4
        f = c["diagnostics"]["findings"][0]
        assert {"key", "status", "value", "unit", "threshold", "en", "zh"} <= set(f)
    v = data["ab"]["verdicts"][0]
    assert v["a"] == "big" and v["b"] == "B" and {"winner", "ci_low", "ci_high", "text_en", "text_zh"} <= set(v)
    s = data["screens"][0]
    assert s["variant"] == "big" and sum(c["card_share"] for c in s["cards"]) <= 1.0 + 1e-6
    assert len(data["competitors"]) == len(run.scorer.competitors)
    # the docs name every top-level and per-cover field
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "report-schema.md").read_text(encoding="utf-8")
    for key in list(data) + list(data["covers"][0]):
        assert f"`{key}`" in doc, key


def test_csv_has_one_row_per_cover(run, tmp_path):
    path = report.write_csv(run, tmp_path / "r.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert len(rows) == 2 + len(run.scorer.competitors)
    assert rows[0]["id"] == "big" and rows[0]["mine"] == "1" and float(rows[0]["fair_ratio"]) > 0
    assert rows[2]["mine"] == "0" and rows[2]["share_mean"] == ""
    assert rows[0]["title_size_status"] == "pass"


def test_html_is_self_contained(run, tmp_path):
    path = report.write_html(run, tmp_path / "r.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>")
    assert "http://" not in text and "https://" not in text
    assert 'src="file' not in text and "<script" not in text.lower() and "<link" not in text.lower()
    srcs = re.findall(r'src="([^"]*)"', text)
    assert srcs and all(s.startswith("data:image/") for s in srcs)
    assert "货架注意力报告" in text and "Shelf attention report" in text
    assert "A/B" in text and "fair share" in text


def test_heatmap_pngs(run, tmp_path):
    files = report.write_heatmaps(run, tmp_path / "heat", competitors=False)
    names = sorted(p.name for p in files)
    assert names == ["cover-B.png", "cover-big.png", "feed-B.png", "feed-big.png"]
    import cv2

    feed = cv2.imread(str(tmp_path / "heat" / "feed-big.png"))
    assert feed.shape[:2] == run.screens[0].picture.shape[:2]


def test_overlay_keeps_size_and_marks_the_hot_spot():
    rgb = np.full((40, 30, 3), 128, np.uint8)
    smap = np.zeros((10, 10), np.float32)
    smap[5, 5] = 1.0
    out = overlay_heatmap(rgb, smap)
    assert out.shape == rgb.shape and out.dtype == np.uint8
    assert np.abs(out[22, 16].astype(int) - 128).sum() > np.abs(out[2, 2].astype(int) - 128).sum()
    assert np.array_equal(overlay_heatmap(rgb, np.zeros((4, 4))), rgb)


def test_html_counts_slots_from_one(run, tmp_path):
    """People count feed slots from 1 (as the feed dock and `xhscover feed --slot` do); the JSON
    keeps 0-based indices. The first screen puts the user's cover in the first slot."""
    text = report.write_html(run, tmp_path / "r.html").read_text(encoding="utf-8")
    first = run.screens[0].screen.mine()[0].index
    assert f"(slot {first + 1}, share" in text
    assert json.loads(report.write_json(run, tmp_path / "r.json").read_text())["screens"][0]["slot"] == first
