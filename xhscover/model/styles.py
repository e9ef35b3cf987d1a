"""Paint and text styles as plain data: what XHS covers use (fills, 描边 strokes, shadows, 荧光笔, labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from xhscover.errors import XhsError

HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")

FillKind = Literal["solid", "linear", "radial"]
Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]


def check_color(value: object, where: str) -> str:
    """Colours are '#RRGGBB' or '#RRGGBBAA' strings so project files stay readable."""
    if not isinstance(value, str) or not HEX_COLOR.match(value):
        raise XhsError(f"{where}: expected a colour like '#FF2442' or '#FF244280', got {value!r}")
    return value.upper()


def parse_rgba(value: str) -> tuple[int, int, int, int]:
    """'#RRGGBB[AA]' -> (r, g, b, a) integers 0-255."""
    v = value.lstrip("#")
    r, g, b = int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)
    a = int(v[6:8], 16) if len(v) == 8 else 255
    return r, g, b, a


@dataclass
class Fill:
    """A solid colour or a gradient; gradient angle is in degrees, 90 = top to bottom."""

    kind: FillKind = "solid"
    color: str = "#000000"
    stops: list[tuple[float, str]] = field(default_factory=list)
    angle: float = 90.0

    @staticmethod
    def solid(color: str) -> Fill:
        return Fill("solid", color)

    @staticmethod
    def linear(stops: list[tuple[float, str]], angle: float = 90.0) -> Fill:
        return Fill("linear", stops[0][1], list(stops), angle)

    @staticmethod
    def radial(stops: list[tuple[float, str]]) -> Fill:
        return Fill("radial", stops[0][1], list(stops), 0.0)


@dataclass
class Stroke:
    """One outline ring; text may stack several (dark inside, white outside) as XHS titles do."""

    color: str = "#FFFFFF"
    width: float = 8.0


@dataclass
class Shadow:
    color: str = "#00000080"
    dx: float = 0.0
    dy: float = 6.0
    blur: float = 12.0


@dataclass
class Highlight:
    """A marker-pen band (荧光笔) behind the lower part of each line of text."""

    color: str = "#FFE45C"
    height: float = 0.45  # fraction of the line height covered, from the baseline up
    offset: float = 0.08  # fraction of line height below the baseline
    skew: float = 0.0


@dataclass
class LabelBox:
    """A padded rounded rectangle behind the whole text block (tag / 标签 style)."""

    color: str = "#FF2442"
    padding_x: float = 24.0
    padding_y: float = 12.0
    radius: float = 16.0
    border: Stroke | None = None


@dataclass
class TextStyle:
    family: str = "noto-sans-sc"
    weight: int = 700
    size: float = 96.0
    fill: Fill = field(default_factory=lambda: Fill.solid("#1A1A1A"))
    strokes: list[Stroke] = field(default_factory=list)
    shadow: Shadow | None = None
    highlight: Highlight | None = None
    label: LabelBox | None = None
    letter_spacing: float = 0.0  # extra pixels between characters
    line_height: float = 1.2  # multiple of the font size
    align: Align = "center"
    valign: VAlign = "middle"
    auto_fit: bool = True  # shrink the size until the text fits its box
    min_size: float = 18.0
    italic: bool = False


@dataclass
class TextRun:
    """A styled stretch of a text layer, characters [start, end): what it changes over the layer's style.

    The commonest XHS title style is one word set apart (800 in red, 西湖 larger, a marker under 避雷).
    Unset fields inherit the layer's style: `color` None keeps the layer fill, `scale` 1.0 its size,
    `strokes` None its strokes ([] removes them for the run), `highlight` None adds no marker.
    Runs of one layer never overlap (`xhscover.model.runs` keeps them so).
    """

    start: int = 0
    end: int = 0
    color: str | None = None  # solid fill of these characters
    scale: float = 1.0  # size relative to the layer's fitted size (auto-fit scales runs with it)
    strokes: list[Stroke] | None = None
    highlight: Highlight | None = None

    def is_plain(self) -> bool:
        """True when the run changes nothing (it can be dropped)."""
        return self.color is None and self.scale == 1.0 and self.strokes is None and self.highlight is None
