"""Diagnostics: hand-made cases with known answers."""

from __future__ import annotations

import numpy as np

from xhscover.score.covers import facts_from_image
from xhscover.score.diagnose import (
    LEGIBLE_MIN_PT,
    ShelfStats,
    Subject,
    card_width_pt,
    diagnose,
    text_match,
    title_contrast,
    title_size,
)

from .conftest import cover_card, title_cover


def test_tiny_title_fails_and_big_title_passes_legibility(app):
    width = card_width_pt("iphone-15")
    assert 185 < width < 195
    tiny = cover_card(title_cover("小字标题", size=30), "tiny").extra["facts"]
    big = cover_card(title_cover("大字标题", size=260), "big").extra["facts"]
    f_tiny, f_big = title_size(Subject(tiny, width)), title_size(Subject(big, width))
    assert f_tiny.status == "fail" and f_tiny.value < LEGIBLE_MIN_PT
    assert f_big.status == "pass" and f_big.value > 30
    # glyph height in pt = glyph px * card width pt / cover width px
    assert abs(f_big.value - big.glyph_height * width) < 1e-9
    assert str(LEGIBLE_MIN_PT).rstrip("0").rstrip(".") in f_tiny.threshold
    assert f_tiny.zh and f_tiny.en


def test_contrast_numbers(app):
    black = cover_card(title_cover("黑字", colour="#000000", bg="#FFFFFF"), "b").extra["facts"]
    f = title_contrast(Subject(black, 190.0))
    assert f.status == "pass" and f.value > 15  # black on white is 21:1 minus antialiasing
    grey = cover_card(title_cover("灰字", colour="#777777", bg="#999999"), "g").extra["facts"]
    g = title_contrast(Subject(grey, 190.0))
    assert g.status == "fail" and 1.0 < g.value < 3.0
    mid = cover_card(title_cover("中等", colour="#FFFFFF", bg="#E0487A"), "m").extra["facts"]
    m = title_contrast(Subject(mid, 190.0))
    assert m.status == "warn" and 3.0 <= m.value < 4.5


def test_full_diagnosis_of_a_big_black_title(app, shelf):
    facts = cover_card(title_cover("周末出逃计划", size=200), "big").extra["facts"]
    comp = [facts_from_image(c.image, id=c.id) for c in shelf[:5]]
    d = diagnose(facts, card_width_pt=card_width_pt(), shelf=ShelfStats.build(comp))
    keys = [f.key for f in d.findings]
    assert keys == ["title_size", "title_contrast", "title_ocr", "attention_focus", "clutter", "colourfulness",
                    "distinct", "faces"]
    assert d.finding("title_ocr").status == "pass"  # OCR still reads it at 2 px per pt
    focus = d.finding("attention_focus")
    assert focus.status == "pass" and focus.extra["region"] == "title"
    assert d.finding("colourfulness").status == "warn"  # black on white is not colourful
    assert d.finding("faces").value == 0
    for f in d.findings:
        assert f.status in ("pass", "warn", "fail", "info") and f.zh and f.en and f.threshold
    assert d.to_dict()["findings"][0]["key"] == "title_size"


def test_flat_cover_is_lost_in_clutter_and_plain(app):
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 255, (1440, 1080, 3), dtype=np.uint8)
    d = diagnose(facts_from_image(noise, id="noise"), card_width_pt=190.0, ocr_check=False)
    assert d.finding("clutter").status == "warn"
    assert d.finding("attention_focus").status == "warn"
    flat = diagnose(facts_from_image(np.full((1440, 1080, 3), 200, np.uint8), id="flat"), card_width_pt=190.0)
    assert flat.finding("clutter").status == "info"
    assert flat.finding("title_size").status == "info"


def test_text_match():
    assert text_match("月薪5千\n也能存下", "月薪5千也能存下") == 1.0
    assert text_match("ABCD", "ab") == 0.5
    assert text_match("", "x") == 0.0
