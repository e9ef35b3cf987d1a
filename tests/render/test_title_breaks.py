"""Line-breaking golden test: 55 real-style note titles set in two title boxes with the bundled fonts.

`data/title_breaks.txt` holds the expected lines (reviewed by eye when written). After an intended
change to the line breaker, regenerate and read the diff before committing:

    XHS_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_title_breaks.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from xhscover.model.layers import TextLayer
from xhscover.model.styles import TextStyle
from xhscover.model.textbreak import NO_LINE_END, NO_LINE_START, graphemes
from xhscover.render.text import layout_text

pytestmark = pytest.mark.usefixtures("qapp")
DATA = Path(__file__).parent / "data"
WIDTHS = (960, 620)  # a full-width title band, and a narrower column
# Words, numbers with units and Latin words a title must never split across lines.
WHOLE = ("攻略", "避坑", "避雷", "人均", "干货", "西湖", "玩转", "宝藏", "小众", "探店", "穿搭", "学生党", "网红店",
         "800", "5千", "10万+", "3天", "2晚", "5家", "800块", "1500", "15分钟", "30天", "7.5分", "5斤", "2024年度",
         "citywalk", "iPhone", "Python", "Switch", "TOP10", "vlog", "¥60", "💪", "🔥")


def _titles() -> list[str]:
    lines = (DATA / "titles.txt").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def _set(title: str, width: int) -> list[str]:
    layer = TextLayer(id="t", w=width, h=420, text=title,
                      style=TextStyle(family="noto-sans-sc", weight=900, size=150, min_size=60))
    return layout_text(layer).lines


def test_at_least_50_titles():
    assert len(_titles()) >= 50


def test_titles_break_as_reviewed():
    path = DATA / "title_breaks.txt"
    got = "".join(f"{t}\t" + "\t".join(" / ".join(_set(t, w)) for w in WIDTHS) + "\n" for t in _titles())
    if os.environ.get("XHS_REGEN_GOLDEN") or not path.exists():
        path.write_text(got, encoding="utf-8")
        if not os.environ.get("XHS_REGEN_GOLDEN"):
            pytest.fail(f"{path.name} was missing and has been written; review it and rerun")
        return
    want = path.read_text(encoding="utf-8").splitlines()
    diffs = [f"{w}\n  now: {g}" for w, g in zip(want, got.splitlines(), strict=True) if w != g]
    assert not diffs, "line breaks changed (regenerate if intended, see docstring):\n" + "\n".join(diffs)


@pytest.mark.parametrize("width", WIDTHS)
def test_titles_keep_the_rules(width):
    for title in _titles():
        lines = _set(title, width)
        assert re.sub(r"[｜|\s]", "", "".join(lines)) == re.sub(r"[｜|\s]", "", title), (title, lines)
        for i, line in enumerate(lines):
            assert graphemes(line) > 1, (title, lines)  # never one character alone
            if i:
                assert line[0] not in NO_LINE_START, (title, lines)
            if i < len(lines) - 1:
                assert line[-1] not in NO_LINE_END and line[-1] not in "｜|", (title, lines)
        for whole in WHOLE:
            if whole in title:
                assert any(whole in line for line in lines), (title, whole, lines)
