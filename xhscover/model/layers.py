"""Layers of a cover: images, text, shapes and stickers, positioned in canvas pixels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from xhscover.model.styles import Fill, Stroke, TextRun, TextStyle

ImageFit = Literal["cover", "contain", "free"]
ShapeKind = Literal["rect", "rounded_rect", "ellipse", "line", "arrow"]
TextRole = Literal["title", "subtitle", "body", "tag", "caption"]


@dataclass
class Layer:
    """Common geometry: a box (x, y, w, h) in canvas pixels, rotated about its centre."""

    id: str
    name: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 100.0
    h: float = 100.0
    rotation: float = 0.0
    opacity: float = 1.0
    visible: bool = True
    locked: bool = False
    group: str | None = None
    slot: str | None = None  # the layout slot this layer fills, if any

    kind = "layer"

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


@dataclass
class Crop:
    """Normalised crop of the source image (0-1), applied before fitting."""

    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0


@dataclass
class ImageLayer(Layer):
    src: str = ""  # an image reference: "asset:photos/x.jpg" or a key in the project's image store
    fit: ImageFit = "cover"
    focal: tuple[float, float] = (0.5, 0.5)  # the point kept in view when `cover` crops
    crop: Crop | None = None
    corner_radius: float = 0.0
    border: Stroke | None = None

    kind = "image"


@dataclass
class TextLayer(Layer):
    text: str = ""
    style: TextStyle = field(default_factory=TextStyle)
    role: TextRole = "title"
    runs: list[TextRun] = field(default_factory=list)  # styled stretches of `text` (schema 2)

    kind = "text"


@dataclass
class ShapeLayer(Layer):
    shape: ShapeKind = "rect"
    fill: Fill | None = field(default_factory=lambda: Fill.solid("#FF2442"))
    stroke: Stroke | None = None
    radius: float = 24.0

    kind = "shape"


@dataclass
class StickerLayer(Layer):
    """A bundled SVG sticker (`sticker` = its id) or an emoji (`emoji` set, sticker empty)."""

    sticker: str = ""
    emoji: str = ""

    kind = "sticker"


LAYER_TYPES: dict[str, type[Layer]] = {
    cls.kind: cls for cls in (ImageLayer, TextLayer, ShapeLayer, StickerLayer)
}
