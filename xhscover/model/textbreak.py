"""Chinese line breaking (禁则) and auto-fit, independent of any font engine.

The renderer passes a `measure(text) -> width` callable built on Qt font metrics, so these rules are
tested without Qt and the editor, the exporter and the feed all break lines the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# A line must not start with these (closing punctuation, small kana, prolonged marks).
NO_LINE_START = set("，。！？、；：,.!?;:)]}>）」』】》〉〕〗〙〛｝＞’”…—～·%‰°℃")
# A line must not end with these (opening punctuation, currency prefixes).
NO_LINE_END = set("([{<（「『【《〈〔〖〘〚｛＜‘“￥$£€#＃@")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’\-_.+/&%]*")
Measure = Callable[[str], float]


def _tokens(paragraph: str) -> list[str]:
    """Split into unbreakable units: Latin words and numbers stay whole, each CJK char stands alone."""
    out: list[str] = []
    i = 0
    while i < len(paragraph):
        m = _WORD.match(paragraph, i)
        if m:
            out.append(m.group())
            i = m.end()
        else:
            out.append(paragraph[i])
            i += 1
    return out


def _atoms(tokens: list[str]) -> list[str]:
    """Glue tokens so that no atom starts with closing or ends with opening punctuation."""
    atoms: list[str] = []
    for tok in tokens:
        if atoms and not atoms[-1].isspace() and (
            tok[0] in NO_LINE_START or atoms[-1][-1] in NO_LINE_END
        ):
            atoms[-1] += tok
        else:
            atoms.append(tok)
    return atoms


def _split_long(atom: str, measure: Measure, width: float) -> list[str]:
    """An atom wider than the whole line (a very long word) is split by characters as a last resort."""
    parts: list[str] = []
    cur = ""
    for ch in atom:
        if cur and measure(cur + ch) > width:
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        parts.append(cur)
    return parts


def break_lines(text: str, measure: Measure, width: float) -> list[str]:
    """Greedy line breaking honouring explicit newlines, Chinese 禁则 and whole Latin words."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        atoms = _atoms(_tokens(paragraph))
        line = ""
        for atom in atoms:
            if not line and atom.isspace():
                continue  # no leading spaces on a wrapped line
            if measure(line + atom) <= width or not line:
                if not line and measure(atom) > width and not atom.isspace():
                    pieces = _split_long(atom, measure, width)
                    lines.extend(pieces[:-1])
                    line = pieces[-1]
                else:
                    line += atom
            else:
                lines.append(line.rstrip())
                line = "" if atom.isspace() else atom
                if line and measure(line) > width:
                    pieces = _split_long(line, measure, width)
                    lines.extend(pieces[:-1])
                    line = pieces[-1]
        lines.append(line.rstrip())
    return lines


@dataclass
class FitResult:
    size: float
    lines: list[str]
    fits: bool  # False when even the minimum size overflows the box


def fit_text(
    text: str,
    measure_at: Callable[[float], Measure],
    box_w: float,
    box_h: float,
    *,
    size: float,
    min_size: float,
    line_height: float,
    auto_fit: bool = True,
) -> FitResult:
    """Largest size <= `size` (down to `min_size`) at which the broken text fits the box.

    Binary search over half-pixel steps: measuring is the expensive part, so keep the calls few.
    """

    def attempt(s: float) -> tuple[bool, list[str]]:
        measure = measure_at(s)
        lines = break_lines(text, measure, box_w)
        too_wide = any(measure(line) > box_w + 0.5 for line in lines)
        too_tall = len(lines) * s * line_height > box_h + 0.5
        return (not too_wide and not too_tall), lines

    ok, lines = attempt(size)
    if ok or not auto_fit:
        return FitResult(size, lines, ok)
    lo, hi = int(min_size * 2), int(size * 2) - 1  # in half pixels
    best: tuple[float, list[str]] | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        ok, mid_lines = attempt(mid / 2)
        if ok:
            best = (mid / 2, mid_lines)
            lo = mid + 1
        else:
            hi = mid - 1
    if best is None:
        ok, lines = attempt(min_size)
        return FitResult(min_size, lines, ok)
    return FitResult(best[0], best[1], True)
