"""A cover: canvas ratio and size, background, and the ordered layers (bottom first)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from xhscover.errors import XhsError
from xhscover.model.layers import Layer, TextLayer
from xhscover.model.styles import Fill

Ratio = Literal["3:4", "1:1", "4:3"]
CANVAS_SIZES: dict[str, tuple[int, int]] = {"3:4": (1080, 1440), "1:1": (1080, 1080), "4:3": (1440, 1080)}
RATIOS: tuple[str, ...] = tuple(CANVAS_SIZES)


def canvas_size(ratio: str) -> tuple[int, int]:
    if ratio not in CANVAS_SIZES:
        raise XhsError(f"unknown ratio {ratio!r}; use one of {', '.join(RATIOS)}")
    return CANVAS_SIZES[ratio]


@dataclass
class Background:
    fill: Fill = field(default_factory=lambda: Fill.solid("#FFFFFF"))
    image: str | None = None  # image reference, drawn with `cover` fit over the fill
    image_blur: float = 0.0
    image_dim: float = 0.0  # 0-1 black veil over the image, for text contrast


@dataclass
class Cover:
    id: str = "A"
    name: str = "A"
    ratio: str = "3:4"
    width: int = 1080
    height: int = 1440
    background: Background = field(default_factory=Background)
    layers: list[Layer] = field(default_factory=list)
    layout: str | None = None  # id of the layout it was made from
    note_title: str = ""  # the note's title shown under the cover in the feed

    def layer(self, layer_id: str) -> Layer:
        for layer in self.layers:
            if layer.id == layer_id:
                return layer
        raise KeyError(layer_id)

    def find_slot(self, slot: str) -> Layer | None:
        for layer in self.layers:
            if layer.slot == slot:
                return layer
        return None

    def text_layers(self) -> list[TextLayer]:
        return [layer for layer in self.layers if isinstance(layer, TextLayer)]

    def title_layer(self) -> TextLayer | None:
        """The main title: the visible text layer with role 'title' and the largest size."""
        titles = [t for t in self.text_layers() if t.visible and t.role == "title" and t.text.strip()]
        return max(titles, key=lambda t: t.style.size, default=None)

    def new_layer_id(self, prefix: str) -> str:
        taken = {layer.id for layer in self.layers}
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"
