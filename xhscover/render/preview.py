"""Small previews drawn by the one renderer: a piece of text in a given style (花字 gallery thumbnails)."""

from __future__ import annotations

import copy

from PySide6.QtGui import QImage

from xhscover.model.cover import Background, Cover
from xhscover.model.images import ImageStore
from xhscover.model.layers import TextLayer
from xhscover.model.styles import Fill, TextStyle
from xhscover.render.cover import render_cover

PREVIEW_CHARS = 4  # a thumbnail shows the start of the selected text, on one line


def preview_text(text: str) -> str:
    """The part of a title a thumbnail shows: its first line, at most PREVIEW_CHARS characters."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return first[:PREVIEW_CHARS] or "花字"


def text_preview(text: str, style: TextStyle, width: int, height: int, *, background: str = "#D9D9DF",
                 scale: float = 1.0) -> QImage:
    """`text` set in `style` (auto-fitted, centred) on a plain card `width` x `height` cover pixels."""
    st = copy.deepcopy(style)
    st.size, st.min_size, st.auto_fit = height * 0.42, 4.0, True
    st.align, st.valign = "center", "middle"
    pad_x = width * 0.1
    layer = TextLayer(id="preview", x=pad_x, y=height * 0.12, w=width - 2 * pad_x, h=height * 0.76,
                      text=preview_text(text), style=st)
    if st.label:  # label padding is in cover pixels: keep it in proportion to the small card
        lab = st.label
        k = height / 300
        lab.padding_x, lab.padding_y, lab.radius = lab.padding_x * k, lab.padding_y * k, min(lab.radius * k, height)
        if lab.border:
            lab.border.width *= k
    k = height / 300  # presets are drawn for ~100 px type: scale their pixel widths to the card
    for s in st.strokes:
        s.width *= k
    if st.shadow:
        st.shadow.dx, st.shadow.dy, st.shadow.blur = st.shadow.dx * k, st.shadow.dy * k, st.shadow.blur * k
    cover = Cover(id="preview", width=width, height=height,
                  background=Background(fill=Fill.solid(background)), layers=[layer])
    return render_cover(cover, ImageStore(), scale=scale)
