"""Bounds on everything a project file can declare, in one table that the reader enforces.

A project file is hostile input: a label padding of -1e7, a thousand stacked strokes or three
hundred layers with every effect are each valid JSON and would each stall the renderer for
minutes. The reader (`xhscover.model.serialize`) refuses a value outside these bounds with one
sentence naming the field. The bounds sit well beyond anything the editor produces or a cover
needs (a 1080 px cover, boxes up to four canvases wide), so no real project meets them.

Numbers without an entry here are bounded by `DEFAULT_RANGE`.
"""

from __future__ import annotations

DEFAULT_RANGE = (-1e7, 1e7)
BOX = 32768.0  # px: four times the largest canvas (8192)

# (dataclass name, field) -> (lowest, highest)
RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("Layer", "x"): (-BOX, BOX),
    ("Layer", "y"): (-BOX, BOX),
    ("Layer", "w"): (-BOX, BOX),  # a negative or zero box draws nothing (the renderer skips it)
    ("Layer", "h"): (-BOX, BOX),
    ("Layer", "rotation"): (-36000.0, 36000.0),
    ("Layer", "opacity"): (-1.0, 2.0),  # clamped to 0-1 when drawn
    ("ImageLayer", "corner_radius"): (-BOX, BOX),
    ("ShapeLayer", "radius"): (-BOX, BOX),
    ("Crop", "x"): (-10.0, 10.0),
    ("Crop", "y"): (-10.0, 10.0),
    ("Crop", "w"): (-10.0, 10.0),
    ("Crop", "h"): (-10.0, 10.0),
    ("TextStyle", "size"): (1.0, 2000.0),
    ("TextStyle", "min_size"): (1.0, 2000.0),
    ("TextStyle", "weight"): (1.0, 1000.0),
    ("TextStyle", "letter_spacing"): (-1000.0, 1000.0),
    ("TextStyle", "line_height"): (0.1, 10.0),
    ("Stroke", "width"): (-500.0, 500.0),
    ("Shadow", "dx"): (-2000.0, 2000.0),
    ("Shadow", "dy"): (-2000.0, 2000.0),
    ("Shadow", "blur"): (-500.0, 500.0),
    ("Highlight", "height"): (-10.0, 10.0),
    ("Highlight", "offset"): (-10.0, 10.0),
    ("Highlight", "skew"): (-10.0, 10.0),
    ("LabelBox", "padding_x"): (-1000.0, 1000.0),
    ("LabelBox", "padding_y"): (-1000.0, 1000.0),
    ("LabelBox", "radius"): (-BOX, BOX),
    ("Fill", "angle"): (-36000.0, 36000.0),
    ("Background", "image_blur"): (-500.0, 500.0),
    ("Background", "image_dim"): (-1.0, 2.0),
}

# (dataclass name, list field) -> most items
LENGTHS: dict[tuple[str, str], int] = {
    ("Cover", "layers"): 80,  # layouts use up to 30; 80 with every effect render in under 10 s
    ("TextStyle", "strokes"): 16,
    ("Fill", "stops"): 64,
}

MAX_TEXT = 10_000  # characters in one text field (a title, a text layer): more is refused, not cut
MAX_COVER_TEXT = 20_000  # characters in all text layers of one cover together
MAX_COVERS = 100  # variants in one project (A..CV)
MAX_PROJECT_PIXELS = 1_000_000_000  # pixels of all images in one project, from their headers
# ... and of those larger than an import (4096 px), which loading must downscale like an import:
# two 100-megapixel photos take seconds; the app itself never saves one.
MAX_OVERSIZE_PIXELS = 250_000_000
