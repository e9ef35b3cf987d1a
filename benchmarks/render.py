"""Render speed: every bundled layout at 1080x1440, plus PNG/JPEG encode times.

    .venv/bin/python benchmarks/render.py [--runs 7] [--layout ID] [--styled]

Per layout it prints three medians, file encoding excluded:
  cold  - first render with every renderer cache emptied (export of a freshly opened project)
  warm  - the same cover again (canvas repaint, feed, re-export): the target is <= 50 ms
  edit  - the title text changes before each render (typing in the editor): that layer is
          re-laid-out and re-stroked, everything else comes from the caches
Empty image slots are filled with bundled photos so photo layouts pay for real resampling.

--styled measures every cover twice in the same run, interleaved: as bundled, and with the middle
third of every title a styled run (another colour at 1.3x size), and prints the ratio; the run path
(auto-fit and line breaking over runs, per-run outlines) must stay within 10% of plain text.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from xhscover.model.images import ImageStore  # noqa: E402
from xhscover.model.layers import ImageLayer, TextLayer  # noqa: E402
from xhscover.model.layouts import build_cover, bundled_layouts  # noqa: E402
from xhscover.model.styles import TextRun  # noqa: E402
from xhscover.paths import assets_dir  # noqa: E402
from xhscover.render import image as render_image  # noqa: E402
from xhscover.render import shapes as render_shapes  # noqa: E402
from xhscover.render import text as render_text  # noqa: E402
from xhscover.render.cover import render_cover  # noqa: E402
from xhscover.render.export import save_image  # noqa: E402
from xhscover.render.qt import ensure_gui_app  # noqa: E402


def clear_caches(store: ImageStore) -> None:
    render_text.clear_caches()
    render_image.clear_cache()
    render_shapes.clear_cache()
    store._decoded.clear()


def ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def covers(only: str | None):
    photos = sorted((assets_dir() / "photos").glob("*.jpg"))
    n = 0
    for layout in bundled_layouts():
        if only and layout.id != only:
            continue
        cover = build_cover(layout, "3:4")
        for layer in cover.layers:
            if isinstance(layer, ImageLayer) and not layer.src and photos:
                layer.src = f"asset:photos/{photos[n % len(photos)].name}"
                n += 1
        yield layout.id, cover


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--layout")
    ap.add_argument("--styled", action="store_true", help="compare plain titles with titles holding a styled run")
    args = ap.parse_args()
    ensure_gui_app()
    if args.styled:
        styled_comparison(args)
        return
    store = ImageStore()
    rows = []
    print(f"{'layout':24s} {'cold':>8s} {'warm':>8s} {'edit':>8s}   (median ms, 1080x1440)")
    last = None
    for lid, cover in covers(args.layout):
        def cold(cover=cover):
            clear_caches(store)
            render_cover(cover, store)

        c = ms(cold, max(3, args.runs // 2))
        render_cover(cover, store)
        w = ms(lambda cover=cover: render_cover(cover, store), args.runs)
        title = cover.title_layer() or next((t for t in cover.layers if isinstance(t, TextLayer)), None)
        counter = [0]

        def edit(cover=cover, title=title, counter=counter):
            if title is not None:
                counter[0] += 1
                title.text = title.text.rstrip("0123456789") + str(counter[0])
            render_cover(cover, store)

        e = ms(edit, args.runs)
        rows.append((c, w, e))
        last = render_cover(cover, store)
        print(f"{lid:24s} {c:8.1f} {w:8.1f} {e:8.1f}")
    if not rows:
        print("no layouts found")
        return
    med = [statistics.median(r[i] for r in rows) for i in range(3)]
    worst = [max(r[i] for r in rows) for i in range(3)]
    print(f"{'median of layouts':24s} {med[0]:8.1f} {med[1]:8.1f} {med[2]:8.1f}")
    print(f"{'worst layout':24s} {worst[0]:8.1f} {worst[1]:8.1f} {worst[2]:8.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, name, kw in (
            ("PNG default", "a.png", {}),
            ("PNG fast", "b.png", {"fast": True}),
            ("JPEG q92", "c.jpg", {"quality": 92}),
        ):
            path = Path(tmp) / name
            t = ms(lambda path=path, kw=kw: save_image(last, path, **kw), 3)
            print(f"encode {label:12s} {t:7.1f} ms  {path.stat().st_size / 1024:7.0f} KB")


def _with_run(cover):
    """A copy of the cover whose text layers have their middle third as a styled run."""
    import copy

    out = copy.deepcopy(cover)
    for layer in out.layers:
        if isinstance(layer, TextLayer) and len(layer.text) >= 3:
            n = len(layer.text)
            layer.runs = [TextRun(n // 3, 2 * n // 3, color="#FFE45C", scale=1.3)]
    return out


def styled_comparison(args) -> None:
    """Cold and edit renders, plain vs styled, alternated per sample so machine load hits both alike."""
    store = ImageStore()
    rows = []
    print(f"{'layout':24s} {'cold':>7s} {'styled':>7s} {'edit':>7s} {'styled':>7s}   (median ms)")
    for lid, cover in covers(args.layout):
        styled = _with_run(cover)
        samples: dict[str, list[float]] = {"cold": [], "cold_s": [], "edit": [], "edit_s": []}
        counter = [0]
        for _ in range(max(3, args.runs)):
            for key, cov in (("cold", cover), ("cold_s", styled)):
                clear_caches(store)
                t0 = time.perf_counter()
                render_cover(cov, store)
                samples[key].append((time.perf_counter() - t0) * 1000)
            for key, cov in (("edit", cover), ("edit_s", styled)):
                title = cov.title_layer() or next((t for t in cov.layers if isinstance(t, TextLayer)), None)
                if title is not None:
                    counter[0] += 1
                    title.text = title.text.rstrip("0123456789") + str(counter[0])
                t0 = time.perf_counter()
                render_cover(cov, store)
                samples[key].append((time.perf_counter() - t0) * 1000)
        med = [statistics.median(samples[k]) for k in ("cold", "cold_s", "edit", "edit_s")]
        rows.append(med)
        print(f"{lid:24s} {med[0]:7.1f} {med[1]:7.1f} {med[2]:7.1f} {med[3]:7.1f}")
    if rows:
        m = [statistics.median(r[i] for r in rows) for i in range(4)]
        print(f"{'median of layouts':24s} {m[0]:7.1f} {m[1]:7.1f} {m[2]:7.1f} {m[3]:7.1f}")
        print(f"styled / plain: cold {m[1] / m[0]:.2f}, edit {m[3] / m[2]:.2f}")


if __name__ == "__main__":
    main()
