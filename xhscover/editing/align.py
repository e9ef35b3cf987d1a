"""Pure align and distribute on (x, y, w, h) rects; returns new rects in the same order."""

from __future__ import annotations

Rect = tuple[float, float, float, float]
ALIGN_MODES = ("left", "hcenter", "right", "top", "vcenter", "bottom")


def align(rects: list[Rect], mode: str, canvas: tuple[float, float] | None = None) -> list[Rect]:
    """Align to the selection's bounds, or to the canvas when one rect is given or `canvas` is set."""
    if not rects:
        return []
    if canvas is not None or len(rects) == 1:
        cw, ch = canvas if canvas is not None else (0.0, 0.0)
        bl, bt, br, bb = 0.0, 0.0, cw, ch
    else:
        bl = min(r[0] for r in rects)
        bt = min(r[1] for r in rects)
        br = max(r[0] + r[2] for r in rects)
        bb = max(r[1] + r[3] for r in rects)
    out = []
    for x, y, w, h in rects:
        if mode == "left":
            x = bl
        elif mode == "hcenter":
            x = (bl + br) / 2 - w / 2
        elif mode == "right":
            x = br - w
        elif mode == "top":
            y = bt
        elif mode == "vcenter":
            y = (bt + bb) / 2 - h / 2
        elif mode == "bottom":
            y = bb - h
        else:
            raise ValueError(f"unknown align mode {mode!r}")
        out.append((x, y, w, h))
    return out


def distribute(rects: list[Rect], axis: str) -> list[Rect]:
    """Equal gaps between neighbours along 'h' or 'v'; the outermost two stay put."""
    if len(rects) < 3:
        return list(rects)
    i0, i1 = (0, 2) if axis == "h" else (1, 3)
    order = sorted(range(len(rects)), key=lambda i: rects[i][i0])
    first, last = rects[order[0]], rects[order[-1]]
    span = last[i0] + last[i1] - first[i0]
    total = sum(r[i1] for r in rects)
    gap = (span - total) / (len(rects) - 1)
    out = list(rects)
    pos = first[i0]
    for i in order:
        r = list(rects[i])
        r[i0] = pos
        out[i] = (r[0], r[1], r[2], r[3])
        pos += rects[i][i1] + gap
    return out
