"""Styled runs of a text layer: splitting, styling a range, and following the text through edits.

Runs are character offsets into the layer's text. Every operation returns a new, normalised list:
sorted, non-overlapping, inside the text, without runs that change nothing, neighbours with the same
style merged. So the project file, the renderer and the editor always see the same simple shape.
"""

from __future__ import annotations

import copy
from dataclasses import fields, replace
from typing import Any

from xhscover.errors import XhsError
from xhscover.model.styles import TextRun

STYLE_FIELDS = tuple(f.name for f in fields(TextRun) if f.name not in ("start", "end"))
MIN_SCALE, MAX_SCALE = 0.2, 5.0


def _same_style(a: TextRun, b: TextRun) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in STYLE_FIELDS)


def normalize(runs: list[TextRun], length: int) -> list[TextRun]:
    """Clip to [0, length), drop empty and plain runs, later runs win where two overlap, merge equal
    neighbours."""
    cuts = sorted({0, length, *(max(0, min(length, p)) for r in runs for p in (r.start, r.end))})
    out: list[TextRun] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        top = None
        for r in runs:  # the last run covering [a, b) wins
            if r.start <= a and r.end >= b:
                top = r
        if top is None or top.is_plain():
            continue
        piece = replace(copy.deepcopy(top), start=a, end=b)
        if out and out[-1].end == a and _same_style(out[-1], piece):
            out[-1].end = b
        else:
            out.append(piece)
    return out


def check_runs(runs: list[TextRun], length: int, where: str) -> None:
    """A project file's runs must lie inside the text, in order and without overlap."""
    prev_end = 0
    for i, r in enumerate(runs):
        if not (0 <= r.start < r.end <= length):
            raise XhsError(f"{where}.runs[{i}]: characters {r.start}-{r.end} are outside the text ({length} characters)")
        if r.start < prev_end:
            raise XhsError(f"{where}.runs[{i}]: overlaps the run before it")
        if not (MIN_SCALE <= r.scale <= MAX_SCALE):
            raise XhsError(f"{where}.runs[{i}].scale: {r.scale} is outside {MIN_SCALE}-{MAX_SCALE}")
        prev_end = r.end


def style_range(runs: list[TextRun], length: int, start: int, end: int, **changes: Any) -> list[TextRun]:
    """Set style fields (color=, scale=, strokes=, highlight=) on characters [start, end).

    Characters keep whatever else their runs set; a field set to its 'inherit' value (None, 1.0)
    clears it for the range.
    """
    bad = set(changes) - set(STYLE_FIELDS)
    if bad:
        raise XhsError(f"unknown run style {', '.join(sorted(bad))}; use {', '.join(STYLE_FIELDS)}")
    start, end = max(0, min(start, length)), max(0, min(end, length))
    if start >= end:
        return normalize(runs, length)
    pieces: list[TextRun] = []
    covered = normalize(runs, length)
    cuts = sorted({start, end, *(p for r in covered for p in (r.start, r.end) if start < p < end)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        base = next((r for r in covered if r.start <= a and r.end >= b), None)
        piece = replace(copy.deepcopy(base), start=a, end=b) if base else TextRun(a, b)
        for name, value in changes.items():
            setattr(piece, name, copy.deepcopy(value))
        pieces.append(piece)
    return normalize([*covered, *pieces], length)


def remap(runs: list[TextRun], old: str, new: str) -> list[TextRun]:
    """Follow an edit from `old` to `new` text: runs before the change stay, runs after it move, a
    run the change falls inside grows or shrinks with it (typing inside 西湖 keeps the style)."""
    if not runs or old == new:
        return normalize(runs, len(new))
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    old_end, new_end = len(old) - s, len(new) - s  # old[p:old_end] became new[p:new_end]
    delta = new_end - old_end

    def move(pos: int, is_end: bool) -> int:
        if pos < p:
            return pos
        if pos > old_end or pos == p == old_end:
            # after the change; at a pure insertion point a run's start moves past the new text (typing
            # before 西湖 is not 西湖's style) and its end extends over it (typing after 800 is)
            return pos + delta
        if is_end:  # a run ending inside the replaced part ends where the replacement starts
            return new_end if pos == old_end else p
        return p if pos == p else new_end

    out = [replace(copy.deepcopy(r), start=move(r.start, False), end=move(r.end, True)) for r in runs]
    return normalize(out, len(new))


def segments(runs: list[TextRun], start: int, end: int) -> list[tuple[int, int, TextRun | None]]:
    """[start, end) cut at run boundaries: (a, b, run or None) in order."""
    out: list[tuple[int, int, TextRun | None]] = []
    pos = start
    for r in runs:
        if r.end <= pos or r.start >= end:
            continue
        if r.start > pos:
            out.append((pos, r.start, None))
        a, b = max(pos, r.start), min(end, r.end)
        out.append((a, b, r))
        pos = b
    if pos < end:
        out.append((pos, end, None))
    return out


def parse_style_spec(spec: str, where: str = "--run") -> dict[str, Any]:
    """'color=#FF2442,scale=1.3,highlight=#FFE45C,stroke=#FFFFFF/8+#1A1A1A/4' -> style_range changes.

    `stroke=none` removes the layer's strokes from the run; strokes are listed innermost first.
    """
    from xhscover.model.styles import Highlight, Stroke, check_color

    changes: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep:
            raise XhsError(f"{where}: expected KEY=VALUE, got {part!r} (keys: color, scale, highlight, stroke)")
        if key in ("color", "colour"):
            changes["color"] = check_color(value, f"{where} color")
        elif key in ("scale", "size"):
            try:
                scale = float(value.rstrip("x%")) / (100 if value.endswith("%") else 1)
            except ValueError:
                raise XhsError(f"{where}: scale {value!r} is not a number (e.g. 1.3 or 130%)") from None
            if not (MIN_SCALE <= scale <= MAX_SCALE):
                raise XhsError(f"{where}: scale {scale:g} is outside {MIN_SCALE}-{MAX_SCALE}")
            changes["scale"] = scale
        elif key == "highlight":
            changes["highlight"] = Highlight(check_color(value, f"{where} highlight"))
        elif key == "stroke":
            strokes = []
            if value.lower() != "none":
                for ring in value.split("+"):
                    color, _, width = ring.partition("/")
                    try:
                        w = float(width) if width else 8.0
                    except ValueError:
                        raise XhsError(f"{where}: stroke width {width!r} is not a number") from None
                    strokes.append(Stroke(check_color(color, f"{where} stroke"), w))
            changes["strokes"] = strokes
        else:
            raise XhsError(f"{where}: unknown style {key!r}; use color, scale, highlight or stroke")
    if not changes:
        raise XhsError(f"{where}: no style given (e.g. color=#FF2442,scale=1.3)")
    return changes


def style_occurrences(runs: list[TextRun], text: str, needle: str, changes: dict[str, Any],
                      where: str = "--run") -> list[TextRun]:
    """Style every occurrence of `needle` in `text`."""
    if not needle:
        raise XhsError(f"{where}: which characters? give SLOT=TEXT:STYLE")
    starts = []
    pos = text.find(needle)
    while pos >= 0:
        starts.append(pos)
        pos = text.find(needle, pos + len(needle))
    if not starts:
        raise XhsError(f"{where}: {needle!r} does not occur in the text {text!r}")
    for s in starts:
        runs = style_range(runs, len(text), s, s + len(needle), **changes)
    return runs
