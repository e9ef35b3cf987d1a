"""Card titles cut to two lines with an ellipsis, following Chinese line-breaking rules.

Rules (GB/T 15834 practice, like the app): no line starts with closing punctuation such as
，。！？、」）, no line ends with an opening one such as 「（《, and Latin words or numbers are not
split unless a single word is wider than the line. Measured with QFontMetricsF of the font drawn.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF

ELLIPSIS = "…"
NO_LINE_START = set("，。！？、；：」』）》〉】〕〗”’…—～·%‰!),.:;?]}>｝＞°℃")
NO_LINE_END = set("「『（《〈【〔〖“‘([{<｛＜#＃")
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’\-.&/+_]*|\s+|.", re.DOTALL)


def tokenize(text: str) -> list[str]:
    """Break opportunities: each CJK character or symbol alone, Latin words/numbers whole, spaces."""
    return _TOKEN.findall(text)


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
        tokens = _split_wide(tokenize(text), width, self.width)
        lines: list[list[str]] = [[]]
        for i, tok in enumerate(tokens):
            cur = lines[-1]
            if tok.isspace():
                if cur:
                    cur.append(" ")
                continue
            if not cur or self.width("".join(cur) + tok) <= width:
                cur.append(tok)
                continue
            if len(lines) == self.max_lines:  # no room for another line: elide from this line on
                lines[-1] = ["".join(cur) + "".join(tokens[i:])]
                break
            carry: list[str] = []
            if tok in NO_LINE_START and len(cur) > 1:
                carry.append(cur.pop())  # pull the previous character down with the punctuation
            while len(cur) > 1 and (cur[-1] in NO_LINE_END or cur[-1] == " "):
                popped = cur.pop()
                if popped != " ":
                    carry.insert(0, popped)
            lines.append(carry + [tok])
        out = ["".join(t).strip() for t in lines if t]
        out[-1] = self._elide(out[-1], width)
        return tuple(out)

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


def _split_wide(tokens: list[str], width: float, measure) -> list[str]:
    """A word wider than the whole line is broken into characters (nothing else would fit it)."""
    out: list[str] = []
    for tok in tokens:
        if len(tok) > 1 and not tok.isspace() and measure(tok) > width:
            out.extend(tok)
        else:
            out.append(tok)
    return out
