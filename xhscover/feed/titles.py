"""Card titles cut to two lines with an ellipsis, following Chinese line-breaking rules.

The cover's line breaker (`xhscover.model.textbreak`), filled greedily as the app does: lines break
between words, no line starts with closing punctuation such as ，。！？、」）, no line ends with an
opening one such as 「（《, and Latin words or numbers are not split unless a single word is wider
than the line. Measured with QFontMetricsF of the font drawn.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF

from xhscover.model.textbreak import NO_LINE_END, break_lines

ELLIPSIS = "…"


class TitleSetter:
    """Wraps titles for one font; results are cached because re-renders reuse the same titles."""

    def __init__(self, font: QFont, max_lines: int = 2):
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.max_lines = max_lines
        self._cached = lru_cache(maxsize=2048)(self._lines)

    def width(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

    def lines(self, text: str, width: float) -> tuple[str, ...]:
        """The title as drawn in a box `width` device pixels wide: at most max_lines lines."""
        return self._cached(text, round(width * 4) / 4)

    def count(self, text: str, width: float) -> int:
        return len(self.lines(text, width))

    def _lines(self, text: str, width: float) -> tuple[str, ...]:
        text = " ".join(text.split())
        if not text:
            return ()
        lines = break_lines(text, self.width, width)
        if len(lines) <= self.max_lines:
            return tuple(lines)
        kept = lines[: self.max_lines - 1]
        pos = 0
        for line in kept:  # the rest of the text after the kept lines, spaces intact
            pos = text.index(line, pos) + len(line)
        return (*kept, self._elide(text[pos:].strip(), width))

    def _elide(self, text: str, width: float) -> str:
        """Cut text at a character so that text + … fits; Latin words may be cut (as iOS does)."""
        if self.width(text) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:  # longest prefix that fits with the ellipsis
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS) <= width:
                lo = mid
            else:
                hi = mid - 1
        cut = text[:lo].rstrip()
        while cut and cut[-1] in NO_LINE_END:
            cut = cut[:-1].rstrip()
        return cut + ELLIPSIS
