"""Golden images for typography: word-aware balanced titles, styled runs and 花字 presets, drawn by
the renderer at 270x360 and compared with stored PNGs (same tolerance as test_golden.py).

After an intended change, regenerate and look at the images before committing:

    XHS_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_golden_typography.py
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from xhscover.model.cover import Background, Cover
from xhscover.model.images import ImageStore
from xhscover.model.layers import TextLayer
from xhscover.model.presets import apply_preset, get_preset
from xhscover.model.runs import style_occurrences
from xhscover.model.styles import Fill, Highlight, Stroke, TextStyle
from xhscover.render.convert import qimage_to_rgb
from xhscover.render.cover import render_cover

pytestmark = pytest.mark.usefixtures("qapp")
GOLDEN = Path(__file__).parent / "golden"
SCALE = 0.25


def _text(lid: str, text: str, y: float, h: float, preset: str, **style: object) -> TextLayer:
    st = apply_preset(TextStyle(weight=900, **style), get_preset(preset))  # type: ignore[arg-type]
    return TextLayer(id=lid, x=60, y=y, w=960, h=h, text=text, style=st)


def typography_cover() -> Cover:
    title = _text("title", "杭州三天两晚｜人均800玩转西湖", 80, 460, "white-red-outline", size=170)
    title.runs = style_occurrences([], title.text, "800", {"color": "#FFE45C", "scale": 1.3})
    title.runs = style_occurrences(title.runs, title.text, "西湖",
                                   {"highlight": Highlight("#1A1A1A", 0.5), "strokes": [Stroke("#FF2442", 6.0)]})
    layers = [
        title,
        _text("a", "避雷！这5家网红店千万别去", 580, 200, "label-black-yellow", size=80),
        _text("b", "学生党闭眼入的10款平价好物", 820, 220, "gradient-sunset", size=90),
        _text("c", "月薪5千\n也能存下10万+", 1080, 300, "marker-yellow", size=120),
    ]
    return Cover(id="T", background=Background(fill=Fill.linear([(0, "#7FB8FF"), (1, "#FFD6E8")])), layers=layers)


def test_golden_typography():
    got = qimage_to_rgb(render_cover(typography_cover(), ImageStore(), scale=SCALE))
    path = GOLDEN / "typography.png"
    if os.environ.get("XHS_REGEN_GOLDEN") or not path.exists():
        Image.fromarray(got).save(path, optimize=True)
        if not os.environ.get("XHS_REGEN_GOLDEN"):
            pytest.fail(f"golden {path.name} was missing and has been written; look at it and rerun")
        return
    want = np.asarray(Image.open(path).convert("RGB"))
    assert want.shape == got.shape
    diff = np.abs(want.astype(int) - got.astype(int)).max(axis=2)
    bad = (diff > 40).mean()
    assert diff.mean() < 2.0 and bad < 0.01, (
        f"typography: mean diff {diff.mean():.2f}, {bad:.2%} pixels off by >40; "
        "if the change is intended, regenerate (see module docstring) and look at the image"
    )
