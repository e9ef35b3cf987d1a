"""`xhscover demo`: the headless main job. Renders every layout, a feed and a score report into a folder.

It exercises the same core as the app (renderer, shelf simulator, attention engine) so a machine
with no screen can show what xhscover does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from xhscover.errors import XhsError


def _render_layouts(out: Path, fast: bool) -> Iterator[str]:
    from xhscover.model.cover import RATIOS
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, bundled_layouts
    from xhscover.render.cover import render_cover
    from xhscover.render.export import save_image

    covers_dir = out / "covers"
    covers_dir.mkdir(parents=True, exist_ok=True)
    store = ImageStore()
    layouts = bundled_layouts()
    count = 0
    for layout in layouts:
        for ratio in ("3:4",) if fast else RATIOS:
            cover = build_cover(layout, ratio)
            img = render_cover(cover, store, scale=0.5 if fast else 1.0)
            target = covers_dir / f"{layout.id}-{ratio.replace(':', 'x')}.jpg"
            save_image(img, target, quality=90)
            count += 1
    yield f"covers: {count} renders of {len(layouts)} layouts in {covers_dir}"


def run_demo(out: Path, *, fast: bool = False) -> Iterator[str]:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XhsError(f"cannot create {out}: {exc.strerror or exc}") from None
    yield from _render_layouts(out, fast)
