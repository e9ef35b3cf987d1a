"""A thin drawing context for the feed: pt coordinates in, device pixels out.

Text is drawn with an untransformed painter at whole device-pixel font sizes (crisp, and the
same metrics the title wrapper measured); icons are drawn in pt under a scaled transform.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from xhscover.feed.fonts import feed_font


@lru_cache(maxsize=256)
def parse_color(text: str) -> QColor:
    """'#RRGGBB' or CSS-order '#RRGGBBAA' (Qt's own 8-digit form is ARGB, hence this helper)."""
    t = text.lstrip("#")
    if len(t) not in (6, 8):
        raise ValueError(f"bad colour {text!r}")
    r, g, b = int(t[0:2], 16), int(t[2:4], 16), int(t[4:6], 16)
    a = int(t[6:8], 16) if len(t) == 8 else 255
    return QColor(r, g, b, a)


@lru_cache(maxsize=64)
def _metrics(font: QFont) -> QFontMetricsF:
    return QFontMetricsF(font)


class Canvas:
    def __init__(self, painter: QPainter | None, ratio: float, colors: dict[str, str]):
        self._painter = painter  # None: a canvas that only measures (title wrapping, colours)
        self.r = ratio
        self.colors = colors

    @property
    def p(self) -> QPainter:
        if self._painter is None:
            raise RuntimeError("this feed canvas only measures; it has no painter to draw with")
        return self._painter

    def c(self, name: str) -> QColor:
        return parse_color(self.colors[name])

    def px(self, v: float) -> float:
        return v * self.r

    def font(self, size_pt: float, weight: int = 400) -> QFont:
        return feed_font(weight, round(size_pt * self.r))

    def metrics(self, font: QFont) -> QFontMetricsF:
        return _metrics(font)

    def text_width(self, text: str, size_pt: float, weight: int = 400) -> float:
        """Advance width in pt."""
        return self.metrics(self.font(size_pt, weight)).horizontalAdvance(text) / self.r

    def text(self, x: float, cy: float, text: str, size_pt: float, color: str | QColor, weight: int = 400,
             align: str = "left", max_width: float | None = None) -> float:
        """Draw one line vertically centred on `cy` (pt); returns its width in pt.
        The baseline sits 0.36 em below the centre: CJK and digits both look centred."""
        font = self.font(size_pt, weight)
        fm = self.metrics(font)
        if max_width is not None:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max_width * self.r)
        w = fm.horizontalAdvance(text)
        x_px = x * self.r
        if align == "center":
            x_px -= w / 2
        elif align == "right":
            x_px -= w
        p = self.p
        p.setFont(font)
        p.setPen(color if isinstance(color, QColor) else self.c(color))
        p.drawText(QPointF(x_px, cy * self.r + 0.36 * font.pixelSize()), text)
        return w / self.r

    def fill_rect(self, x: float, y: float, w: float, h: float, color: str | QColor) -> None:
        """Axis-aligned fill snapped to whole pixels (no seams between chrome bands)."""
        x0, y0 = round(x * self.r), round(y * self.r)
        x1, y1 = round((x + w) * self.r), round((y + h) * self.r)
        self.p.fillRect(x0, y0, x1 - x0, y1 - y0, color if isinstance(color, QColor) else self.c(color))

    def rounded(self, x: float, y: float, w: float, h: float, radius: float, color: str | QColor) -> None:
        p = self.p
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color if isinstance(color, QColor) else self.c(color))
        p.drawRoundedRect(QRectF(x * self.r, y * self.r, w * self.r, h * self.r), radius * self.r, radius * self.r)

    @contextmanager
    def icon(self, x: float, y: float) -> Iterator[QPainter]:
        """Painter translated to (x, y) pt and scaled so icon code can draw in pt."""
        p = self.p
        p.save()
        p.translate(x * self.r, y * self.r)
        p.scale(self.r, self.r)
        try:
            yield p
        finally:
            p.restore()
