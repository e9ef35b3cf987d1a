"""Shelf simulator timings: build + render a 20-card feed at 3x, and re-render after one cover edit.

Targets: cold build+render <= 150 ms median; update after one cover edit <= 50 ms median.
Run: .venv/bin/python benchmarks/feed.py [--runs 9] [--device iphone-15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from xhscover.feed.cards import card_from_image  # noqa: E402
from xhscover.feed.draw import RenderCache, render_feed, squint  # noqa: E402
from xhscover.feed.export import write_image  # noqa: E402
from xhscover.feed.sample import synthetic_cover, synthetic_shelf  # noqa: E402
from xhscover.feed.spec import FeedSpec  # noqa: E402


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--device", default="iphone-15")
    args = ap.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication([])

    rng = np.random.default_rng(1)
    # 19 competitors at full cover size (1080 wide) plus the user's cover: 20 cards
    comps = synthetic_shelf(19, seed=3, width=1080)
    mine_img = synthetic_cover(rng, 1080, 1440)
    spec = FeedSpec(device=args.device, mine=[card_from_image(mine_img, title="我的封面：周末去哪儿｜城市近郊露营攻略")],
                    competitors=comps, slot=2)
    render_feed(spec, RenderCache())  # warm-up: fonts, imports

    def cold() -> None:
        render_feed(spec, RenderCache())

    def cold_full() -> None:
        render_feed(FeedSpec(**{**spec.__dict__, "full_scroll": True}), RenderCache())

    cache = RenderCache()
    render_feed(spec, cache)
    variants = [synthetic_cover(rng, 1080, 1440) for _ in range(4)]
    state = {"i": 0}

    def edit() -> None:  # the UI's path: one cover changed, everything else cached
        state["i"] += 1
        spec.mine = [spec.mine[0].with_image(variants[state["i"] % len(variants)])]
        render_feed(spec, cache)

    img, _ = render_feed(spec, cache)
    results = {
        "cold build+render, 20 cards, one screen (target <= 150)": median_ms(cold, args.runs),
        "update after one cover edit (target <= 50)": median_ms(edit, args.runs),
        "cold build+render, 20 cards, whole scrolled feed": median_ms(cold_full, max(3, args.runs // 2)),
        "squint (default sigma)": median_ms(lambda: squint(img), args.runs),
    }
    with tempfile.TemporaryDirectory() as tmp:
        results["PNG encode (default)"] = median_ms(lambda: write_image(img, Path(tmp) / "a.png"), 3)
        results["PNG encode (png_compression=1)"] = median_ms(
            lambda: write_image(img, Path(tmp) / "b.png", png_compression=1), 3)
        results["JPEG encode (q=92)"] = median_ms(lambda: write_image(img, Path(tmp) / "c.jpg"), 3)
    print(f"device {args.device}, image {img.width()}x{img.height()}, runs {args.runs}")
    for name, ms in results.items():
        print(f"  {name:55s} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
