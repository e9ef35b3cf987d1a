"""Like counts the way the app writes them: 9999, 1.2万, 10万, 123.5万, 1.1亿; 0 shows as 赞."""

from __future__ import annotations

import math
import re

MAX_LIKES = 10**12  # a trillion: far above any real note, far below what breaks float maths


def _one_decimal(value: float) -> str:
    # round half up (the app shows 1.25万 as 1.3万), then drop a trailing ".0"
    text = f"{math.floor(value * 10 + 0.5 + 1e-9) / 10:.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_likes(n: int) -> str:
    """The count under a card: exact below 10,000, then one decimal in 万 (and 亿)."""
    n = max(0, min(int(n), MAX_LIKES))
    if n == 0:
        return "赞"
    if n < 10_000:
        return str(n)
    if n < 100_000_000:
        text = _one_decimal(n / 10_000)
        if text == "10000":
            return "1亿"
        return text + "万"
    return _one_decimal(n / 100_000_000) + "亿"


_LIKES_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([万wW亿kK]?)\s*\+?\s*$")
_UNITS = {"": 1, "万": 10_000, "w": 10_000, "W": 10_000, "亿": 100_000_000, "k": 1000, "K": 1000}


def parse_likes(value: object) -> int | None:
    """Read a count from metadata: 1234, "1234", "1.2万", "3w", "1,234"; None when not a count
    (negative, not finite, or above MAX_LIKES: a 400-digit "count" is not one)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_LIKES else None
    if isinstance(value, float):
        return int(value) if 0 <= value <= MAX_LIKES else None
    if not isinstance(value, str) or len(value) > 40:
        return None
    m = _LIKES_RE.match(value.replace(",", ""))
    if not m:
        return None
    count = float(m.group(1)) * _UNITS[m.group(2)]
    return int(round(count)) if count <= MAX_LIKES else None
