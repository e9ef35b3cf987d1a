import json

import pytest

from xhscover.errors import XhsError
from xhscover.model import presets as P
from xhscover.model.styles import Fill, Highlight, Shadow, Stroke, TextRun, TextStyle


def test_at_least_24_presets_all_valid_and_distinct():
    presets = P.text_presets()
    assert len(presets) >= 24
    looks = {repr((p.style.fill, p.style.strokes, p.style.shadow, p.style.highlight, p.style.label, p.style.family))
             for p in presets}
    assert len(looks) == len(presets)
    kinds = {
        "stacked strokes": any(len(p.style.strokes) >= 2 for p in presets),
        "shadow": any(p.style.shadow for p in presets),
        "gradient": any(p.style.fill.kind != "solid" for p in presets),
        "highlight": any(p.style.highlight for p in presets),
        "label": any(p.style.label for p in presets),
        "combination": any(p.style.shadow and p.style.strokes for p in presets),
    }
    assert all(kinds.values()), kinds


def test_applying_replaces_effects_and_keeps_the_rest():
    style = TextStyle(size=140, align="left", letter_spacing=4, fill=Fill.solid("#123456"),
                      strokes=[Stroke("#000000", 3)], shadow=Shadow(), highlight=Highlight())
    out = P.apply_preset(style, P.get_preset("label-red"))
    assert out.label is not None and out.fill.color == "#FFFFFF"
    assert out.strokes == [] and out.shadow is None and out.highlight is None  # presets never pile up
    assert (out.size, out.align, out.letter_spacing, out.family) == (140, "left", 4, style.family)
    assert style.label is None  # the input is not changed


def test_a_preset_font_gets_a_weight_it_has():
    out = P.apply_preset(TextStyle(weight=900), P.get_preset("smiley-red"))
    assert out.family == "smiley-sans" and out.weight == 400


def test_unknown_and_broken_presets_are_named(tmp_path, monkeypatch):
    with pytest.raises(XhsError, match="unknown text style"):
        P.get_preset("nope")
    (tmp_path / "presets").mkdir()
    bad = {"presets": [{"id": "x", "name_zh": "x", "name_en": "x", "style": {"fill": {"color": "red"}}}]}
    (tmp_path / "presets" / "text-styles.json").write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setenv("XHSCOVER_ASSETS", str(tmp_path))
    P.text_presets.cache_clear()
    try:
        with pytest.raises(XhsError, match=r"presets\[0\].style.fill.color"):
            P.text_presets()
    finally:
        P.text_presets.cache_clear()


def test_runs_survive_a_preset():
    from xhscover.model.layers import TextLayer

    layer = TextLayer(id="t", text="人均800", runs=[TextRun(2, 5, color="#FF2442")])
    for path, value in P.preset_changes(P.get_preset("marker-yellow"), layer.style).items():
        assert path.startswith("style.")
        setattr(layer.style, path.split(".", 1)[1], value)
    assert layer.runs == [TextRun(2, 5, color="#FF2442")]
